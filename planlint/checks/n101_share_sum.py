"""Shares of one whole do not add up to 100%.

A share group (``Cơ cấu …: A x%; B y%; C z%``, ``tỷ trọng … chiếm``, ``tương ứng x% - y% - z%``)
whose parts are the sectors of the economy, or a ``cơ cấu`` that lists named parts, or parts that
name the whole between them (a last part naming the rest, ``chi khác``; the whole set ``trên chuẩn``
/ ``đạt chuẩn`` / ``chưa đạt chuẩn``), must sum to 100 within the rounding of the printed decimals
(the shares may follow ``tương ứng``, a colon, ``trong đó``, stand one a sentence or one a sub-item
under a ``Cơ cấu …:`` head, or carry their names in brackets): each part printed to d decimals is off by at
most half a unit of its last place, so n parts miss 100 by less than n × half a unit (three parts at
one decimal: 0,15; at none: 1,5). Offices that round by largest remainder, or nudge a part so
the total prints 100, stay inside that. Beyond it a share is wrong (DOMAIN.md, "Shares").

A GRDP structure adds a fourth part, taxes on products less subsidies: when it is printed it
counts; when three sectors alone fall short of 100 by about its size (3-15 points, see
``taxes_gap`` in ``rules/sectors.toml``) and the structure is not stated as production value,
nothing is reported (GSO Q1/2023: 11,66 + 35,47 + 43,65 = 90,78, taxes 9,22). A partial list
(``tỷ trọng công nghiệp 45%, dịch vụ 35%``) is only checked not to exceed 100. Changes
(``giảm 0,07% so với năm 2023``), comparisons in brackets and contributions to growth are not
share groups.

The finding points at the share whose value disagrees with the breakdown printed beside it
when there is one, else at the last share of the group.

Bad::

    II. CHỈ TIÊU

    - Cơ cấu kinh tế: nông nghiệp 20,5%; công nghiệp - xây dựng 40,2%; dịch vụ 40,3%.

Good::

    II. CHỈ TIÊU

    - Cơ cấu kinh tế: nông nghiệp 19,5%; công nghiệp - xây dựng 40,2%; dịch vụ 40,3%.
    - Cơ cấu GRDP: nông nghiệp 11,66%; công nghiệp 35,47%; dịch vụ 43,65%; thuế sản phẩm trừ trợ cấp sản phẩm 9,22%.
    - Tỷ trọng nông nghiệp giảm 0,5% so với năm 2024; công nghiệp tăng 0,3%.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.shares import ShareGroup, links, share_groups, share_of
from ..facts.vocab import fmt
from ..finding import Hit
from ..i18n import Word, say, seq
from ..rule import rule


def _culprit(ctx: Context, g: ShareGroup) -> int | None:
    """The part whose share disagrees with its value in a breakdown stated beside it."""
    for link in ctx.facts(links):
        if link.group is not g:
            continue
        total = link.breakdown.total.value
        bad = [i for i, (vp, sp) in enumerate(link.pairs)
               if abs(share_of(vp.q.value, total) - sp.q.value) > Decimal(1).scaleb(-sp.q.decimals)]
        if len(bad) == 1:
            return g.parts.index(link.pairs[bad[0]][1])
    return None


@rule(
    code="N101",
    name="share-sum",
    severity="error",
    messages={
        "default": {
            "en": "shares of one whole add up to {sum}%, not 100%: {arith} "
                  "(rounding explains less than ±{tol})",
            "vi": "tổng các tỷ trọng là {sum}%, không phải 100%: {arith} "
                  "(làm tròn chỉ giải thích chênh lệch dưới ±{tol})",
        },
        "over": {
            "en": "shares of one whole add up to more than 100%: {arith}",
            "vi": "tổng các tỷ trọng vượt quá 100%: {arith}",
        },
    },
    fix={
        "default": {"en": "correct the wrong share so that the parts add up to 100% (with the others as printed, "
                          "this one would be {expected}%)",
                    "vi": "sửa tỷ trọng sai để tổng bằng 100% (giữ nguyên các phần khác thì phần này là {expected}%)"},
        "over": {"en": "correct the shares: parts of one whole cannot exceed 100%",
                 "vi": "sửa các tỷ trọng: các phần của một tổng thể không thể vượt quá 100%"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for g in ctx.facts(share_groups):
        d = g.decimals
        total = g.total
        tol = g.tolerance
        arith = f"{g.arithmetic()}%"
        if g.bounded:
            lows = [p.q.low for p in g.parts]
            if all(x is not None for x in lows):
                low_sum = sum((x for x in lows if x is not None), Decimal(0))
                ok = low_sum <= 100 + tol
                ctx.verdict("share group", g.span, seq(f"{arith} ≤ 100% (", Word("verdict.bounds"), ")"), ok)
                if not ok:
                    yield Hit(g.parts[-1].q.span, {"arith": arith}, context=g.span, message_key="over")
            continue
        if g.exhaustive:
            # strictly: a share printed p stands for p − ½ ≤ x < p + ½ of its last place, so n shares
            # off by n × ½ all at once is not rounding (45 + 30 + 15 + 8 = 98 cannot be 100)
            ok = abs(total - 100) < tol
            ctx.verdict("share group", g.span, f"{arith} {'✓' if ok else '≠ 100%'}", ok)
            if ok:
                continue
            i = _culprit(ctx, g)
            idx = len(g.parts) - 1 if i is None else i
            part = g.parts[idx]
            expected = 100 - (total - part.q.value)
            tol_text = fmt(tol, d + 1).rstrip("0").rstrip(",")
            yield Hit(part.q.span, {"sum": fmt(total, d), "arith": arith, "tol": tol_text,
                                    "expected": fmt(expected, part.q.decimals)}, context=g.span)
            continue
        if g.reason == "taxes left out":
            ctx.verdict("share group", g.span,
                        say("verdict.left_for_taxes", arith=arith, sum=fmt(total, d), left=fmt(100 - total, d)), True)
            continue
        classes = [p.classes for p in g.parts]
        disjoint = all(classes) and sum(len(c) for c in classes) == len(frozenset().union(*classes))
        if disjoint:
            ok = total <= 100 + tol
            ctx.verdict("share group", g.span, seq(f"{arith} ≤ 100% (", Word("verdict.partial_list"), ")"), ok)
            if not ok:
                yield Hit(g.parts[-1].q.span, {"arith": arith}, context=g.span, message_key="over")
