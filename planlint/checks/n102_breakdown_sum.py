"""The parts of a total do not add up to it.

A total followed by its parts (``1.525,59 tỷ đồng; trong đó: A 599,39 tỷ đồng; B 661 tỷ đồng;
C 265,20 tỷ đồng``, ``1.239,3 ha (rừng tự nhiên: 50 ha, rừng trồng: 1189,3 ha)``) is checked with
the arithmetic shown. An exhaustive breakdown (introduced by ``gồm``, or whose parts are the
sectors of the economy, or one complementary set such as ``tự nhiên``/``trồng`` or
``đánh bắt``/``nuôi trồng``, or that goes with shares of the same parts summing to 100) must sum
to its total within the rounding of the printed numbers (half a unit of the last place of each).
A ``trong đó`` list may name only some parts: it is only checked not to exceed the total (the
sum of its parts when they cannot overlap, sectors, members of one set or places of one kind,
``thôn Đông``/``thôn Tây``; otherwise each part alone, since ``trong đó: nữ 300, dân tộc thiểu
số 250`` may count a person twice). A sum of money whose ``trong đó:`` list names two or more of
its sources and nothing else (``ngân sách xã``, ``xã hội hóa``: ``[breakdowns] sources`` in
``rules/sectors.toml``) is likely all of it: a **warning** when they fall short. The figure
grammar also reads a total separated from its parts by clauses without figures, and a total
closing its item with ``trong đó:``/``gồm:`` whose sub-items give one part each
(``planlint/facts/figure_lists.py``).

Parts in another dimension never add (``1.500 con, tỷ lệ lai 95%``; hộ and người differ, DOMAIN.md
"Poverty"); parts in another unit of the same dimension are converted (``1,2 nghìn tỷ`` and ``300
tỷ đồng``; ``ha`` and ``m²``) through the unit registry of ``rules/units.toml``.

The finding points at the part whose share (printed beside the values) disagrees with it when
there is one, else at the total.

Bad::

    II. CHỈ TIÊU

    - Giá trị sản xuất 850,4 tỷ đồng; trong đó: nông nghiệp 120,4 tỷ đồng; công nghiệp 400 tỷ đồng; dịch vụ 320 tỷ đồng.

Good::

    II. CHỈ TIÊU

    - Giá trị sản xuất 840,4 tỷ đồng; trong đó: nông nghiệp 120,4 tỷ đồng; công nghiệp 400 tỷ đồng; dịch vụ 320 tỷ đồng.
    - Tổng đàn gia súc 5.000 con, trong đó: đàn bò 1.200 con.
    - Tổng vốn đầu tư 1,2 nghìn tỷ đồng (vốn trung ương 500 tỷ đồng, vốn địa phương 700 tỷ đồng).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.shares import Breakdown, breakdowns, links, share_of
from ..facts.vocab import fmt, funding_sources
from ..finding import Hit
from ..i18n import Word, seq
from ..rule import rule


def _culprit(ctx: Context, b: Breakdown) -> int | None:
    for link in ctx.facts(links):
        if link.breakdown is not b:
            continue
        bad = [i for i, (vp, sp) in enumerate(link.pairs)
               if abs(share_of(vp.q.value, b.total.value) - sp.q.value) > Decimal(1).scaleb(-sp.q.decimals)]
        if len(bad) == 1:
            return b.parts.index(link.pairs[bad[0]][0])
    return None


def _sources_listed(b: Breakdown) -> bool:
    """A sum of money whose ``trong đó:`` list (after a colon) names two or more of its sources and
    nothing else (``vocab.funding_sources``)."""
    unit = b.total.unit
    if unit is None or not unit.dimension.startswith("money") or b.total.para is not b.parts[0].q.para:
        return False
    between = b.sentence.masked[b.total.end:b.parts[0].q.start]
    return ":" in between and funding_sources([p.label for p in b.parts])


@rule(
    code="N102",
    name="breakdown-sum",
    severity="error",
    messages={
        "default": {
            "en": "the parts add up to {sum} {unit}, not the total {total}: {arith}",
            "vi": "các phần cộng lại được {sum} {unit}, không bằng tổng {total}: {arith}",
        },
        "exceed": {
            "en": "the parts exceed the total {total}: {arith}",
            "vi": "các phần vượt quá tổng {total}: {arith}",
        },
        "sources": {
            "en": "the sources listed add up to {sum} {unit}, not the total {total}: {arith} "
                  "(a source is missing, or a figure is wrong)",
            "vi": "các nguồn được liệt kê cộng lại được {sum} {unit}, không bằng tổng {total}: {arith} "
                  "(thiếu một nguồn, hoặc một số liệu bị sai)",
        },
    },
    fix={
        "default": {"en": "correct the part or the total "
                          "(with the other parts as printed, this one would be {expected})",
                    "vi": "sửa phần bị sai hoặc sửa tổng (giữ nguyên các phần khác thì số này là {expected})"},
        "exceed": {"en": "correct the parts or the total: a part of a whole cannot exceed it",
                   "vi": "sửa các phần hoặc tổng: một phần không thể lớn hơn tổng"},
        "sources": {"en": "name the missing source, or correct the figures",
                    "vi": "ghi rõ nguồn còn thiếu, hoặc sửa số liệu"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for b in ctx.facts(breakdowns):
        if any(p.q.ambiguous for p in b.parts) or b.total.ambiguous:
            continue
        unit = b.total.unit_text or b.noun
        arith = f"{b.arithmetic()} {unit}"
        total = b.total
        tol = b.tolerance
        if not b.exact:
            lows = [p.q.low for p in b.parts]
            if total.high is None or any(x is None for x in lows):
                continue
            low_sum = sum((x for x in lows if x is not None), Decimal(0))
            ok = low_sum <= total.high + tol
            ctx.verdict("breakdown", b.span, f"{arith} ≤ {total.shown()}", ok)
            if not ok:
                yield Hit(total.span, {"total": total.shown(), "arith": arith}, context=b.span, message_key="exceed")
            continue
        s = b.sum
        if b.exhaustive:
            ok = abs(s - total.value) <= tol
            ctx.verdict("breakdown", b.span, f"{arith} {'✓' if ok else '≠ ' + total.shown()}", ok)
            if ok:
                continue
            i = _culprit(ctx, b)
            if i is None:
                span, expected = total.span, f"{b.sum_text()} {unit}"
            else:
                part = b.parts[i]
                span = part.q.span
                expected = f"{fmt(total.value - (s - b.values[i]), part.q.decimals)} {unit}"
            yield Hit(span, {"sum": b.sum_text(), "unit": unit, "total": total.shown(), "arith": arith,
                             "expected": expected}, context=b.span)
        elif b.disjoint:
            ok = s <= total.value + tol
            ctx.verdict("breakdown", b.span, seq(f"{arith} ≤ {total.shown()} (", Word("verdict.partial_list"), ")"), ok)
            if not ok:
                yield Hit(total.span, {"total": total.shown(), "arith": arith}, context=b.span, message_key="exceed")
            elif _sources_listed(b) and abs(s - total.value) > tol:
                # "Tổng kinh phí 186.500.000 đồng, trong đó: ngân sách xã 120.000.000 đồng; xã hội hóa
                # 58.500.000 đồng": the sources of the money, likely all of it
                yield Hit(total.span, {"sum": b.sum_text(), "unit": unit, "total": total.shown(), "arith": arith},
                          context=b.span, message_key="sources", severity="warning")
        else:
            # parts of a "trong đó" list may overlap (nữ, dân tộc thiểu số, đảng viên): each one alone
            # cannot exceed the total
            for p, v in zip(b.parts, b.values, strict=True):
                ok = v <= total.value + total.half_unit + p.q.half_unit
                ctx.verdict("breakdown", b.span, f"{p.q.shown()} ({p.label}) ≤ {total.shown()}", ok)
                if not ok:
                    yield Hit(p.q.span, {"total": total.shown(), "arith": f"{p.q.shown()} > {total.shown()}"},
                              context=b.span, message_key="exceed")
