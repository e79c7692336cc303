"""A household category's count and rate imply another household total than the poor rate's.

DOMAIN.md, "Poverty": rate = households / all households × 100, and every category counted over
all households shares that denominator: the poor and the near-poor (P103), and beside them the
middle-income households (hộ có mức sống trung bình), ethnic-minority households (hộ đồng bào dân
tộc thiểu số) and policy households (hộ chính sách). A count printed with its rate fixes the number
of all households within the rounding of the rate: 120 middle-income households at 7,12% means
120 ÷ 7,125% … 120 ÷ 7,115%, that is 1.685 or 1.686 households, and 32 poor households at 1,90%
means 1.680 to 1.688. When the two ranges share no whole number, one of the four figures is wrong:
a **warning** on the category's rate (planlint cannot say which figure). The poor rate compared is
the one in the same paragraph, else one of no stated time among the related paragraphs (a heading
and its text, the sibling bullets of one list) (a rate of another
time may be over another total). When the plan states the number of households itself (``toàn xã có
1.685 hộ``) in the same paragraph or section, the rate is checked against it: an **error** when
count ÷ total × 100 does not round to the printed rate.

Rates over a population the plan names (``chiếm 13,13% so với tổng số hộ DTTS``) are compared with
each other: two counts over the same named population in one paragraph must imply the same
population (warning). A count that is a part of the figure before it (``trong đó``, ``gồm``) and a
rate over another population are left out of the comparison with all households; so is a count
whose clause says more than its category (``120 hộ được hỗ trợ, chiếm 7,12%``). Counts and rates
are read by the figure reader (``count_rate`` in ``grammar/figures.lark``; categories and
populations in ``rules/poverty.toml``).

Bad::

    2. Chỉ tiêu xã hội:
    - Hộ nghèo 32 hộ, chiếm 1,90%; hộ có mức sống trung bình 120 hộ, chiếm 6,50%.

Good::

    2. Chỉ tiêu xã hội:
    - Hộ nghèo 32 hộ, chiếm 1,90%; hộ có mức sống trung bình 120 hộ, chiếm 7,12%.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.households import GROUPS, GroupRate, group_rates
from ..facts.poverty import HOUSEHOLDS, RatePair, Term, category_word, neighbourhoods, runs, trusted_pairs
from ..finding import Hit
from ..i18n import Word
from ..parsing.tree import Span
from ..rule import rule
from ..scan.numbers import format_vn


@rule(
    code="P106",
    name="group-denominator",
    severity="warning",
    messages={
        "default": {
            "en": "{c} {group} at {r}% means {c} ÷ {r}% = {lo}–{hi} households, but {pc} {pcat} at {pr}% "
                  "means {pc} ÷ {pr}% = {plo}–{phi}: the rates imply different household totals",
            "vi": "{c} {group} chiếm {r}% nghĩa là tổng số hộ {c} ÷ {r}% = {lo}–{hi}, nhưng {pc} {pcat} "
                  "chiếm {pr}% nghĩa là {pc} ÷ {pr}% = {plo}–{phi}: hai tỷ lệ không cùng một tổng số hộ",
        },
        "total": {
            "en": "{c} {group} of {total} households: {c} ÷ {total} × 100 = {computed}%, but the plan says {r}%",
            "vi": "{c} {group} trên tổng số {total} hộ: {c} ÷ {total} × 100 = {computed}%, nhưng kế hoạch ghi {r}%",
        },
        "shared": {
            "en": "{c} households at {r}% of {population} means {c} ÷ {r}% = {lo}–{hi}, but {pc} at {pr}% "
                  "of the same means {pc} ÷ {pr}% = {plo}–{phi}: the rates imply different totals",
            "vi": "{c} hộ chiếm {r}% {population} nghĩa là {c} ÷ {r}% = {lo}–{hi}, nhưng {pc} hộ chiếm {pr}% "
                  "cùng tổng số đó nghĩa là {pc} ÷ {pr}% = {plo}–{phi}: hai tỷ lệ không cùng một tổng số",
        },
    },
    fix={
        "default": {"en": "recompute the rates from one household total (or correct a count)",
                    "vi": "tính lại các tỷ lệ trên cùng một tổng số hộ (hoặc sửa số hộ)"},
        "total": {"en": "make the rate {computed}% (or correct the count or the total)",
                  "vi": "sửa tỷ lệ thành {computed}% (hoặc sửa số hộ hay tổng số hộ)"},
        "shared": {"en": "recompute the rates from one total (or correct a count)",
                   "vi": "tính lại các tỷ lệ trên cùng một tổng số (hoặc sửa số hộ)"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    rates = ctx.facts(group_rates)
    if not rates:
        return
    yield from _shared(ctx, rates)
    near_at = ctx.facts(neighbourhoods)
    poverty = ctx.facts(runs)
    pairs = [p for run in poverty for p in trusted_pairs(run)]
    totals = [t for run in poverty for t in run.totals if t.exact_count and t.value > 0 and not t.place]
    for g in rates:
        if g.group not in GROUPS or g.population or g.partial:
            continue
        here = (g.para.span.start, g.para.span.end)
        hood = near_at.get(here)

        def near(context: Span, hood: int | None = hood, at: tuple[int, int] = here) -> bool:
            key = (context.start, context.end)
            return key == at or (hood is not None and near_at.get(key) == hood)

        stated = [t for t in totals if near(t.context)]
        if len({t.value for t in stated}) == 1:
            yield from _against_total(ctx, g, stated[0])
            continue
        if stated:
            continue  # several totals: which one the rate uses is not known
        same = [p for p in pairs if (p.count.context.start, p.count.context.end) == here and not p.count.place]
        refs = same or [p for p in pairs if p.time == "now" and near(p.count.context) and not p.count.place]
        if refs:
            before = [p for p in refs if p.rate.span.start < g.rate.span.start]
            yield from _against_pair(ctx, g, before[-1] if before else refs[0])


def _range(lo: int, hi: int) -> tuple[str, str]:
    return format_vn(Decimal(lo)), format_vn(Decimal(hi))


def _group_word(g: GroupRate) -> Word:
    return Word(f"group.{g.group or 'other'}")


def _against_pair(ctx: Context, g: GroupRate, p: RatePair) -> Iterator[Hit]:
    lo, hi = g.bounds()
    plo_d, phi_d = p.bounds
    plo, phi = math.ceil(plo_d), (math.floor(phi_d) if phi_d.is_finite() else 10**12)
    ok = max(lo, plo) <= min(hi, phi)
    statement = (f"{g.count.raw} ÷ {g.rate.raw}% = {'–'.join(_range(lo, hi))}; "
                 f"{p.count.raw} ÷ {p.rate.raw}% = {'–'.join(_range(plo, phi))} {'✓' if ok else '✗'}")
    ctx.verdict("rate denominator", g.rate.span, statement, ok)
    if ok:
        return
    slo, shi = _range(lo, hi)
    qlo, qhi = _range(plo, phi)
    yield Hit(g.rate.span, {
        "c": g.count.raw, "r": g.rate.raw, "lo": slo, "hi": shi, "group": _group_word(g),
        "pc": p.count.raw, "pr": p.rate.raw, "plo": qlo, "phi": qhi,
        "pcat": category_word(p.ledger.category, HOUSEHOLDS),
    }, context=p.count.span | g.rate.span)


def _against_total(ctx: Context, g: GroupRate, total: Term) -> Iterator[Hit]:
    computed = g.count.value * 100 / total.value
    ok = g.fits(total.value)
    shown = format_vn(computed, g.rate.decimals)
    ctx.verdict("rate", g.rate.span, f"{g.count.raw} ÷ {format_vn(total.value)} × 100 = {shown}% "
                f"({g.rate.raw}%) {'✓' if ok else '✗'}", ok)
    if ok:
        return
    yield Hit(g.rate.span, {
        "c": g.count.raw, "r": g.rate.raw, "total": format_vn(total.value), "computed": shown,
        "group": _group_word(g),
    }, context=g.count.span | g.rate.span, severity="error", message_key="total")


def _shared(ctx: Context, rates: list[GroupRate]) -> Iterator[Hit]:
    """Rates over one named population, in one paragraph, against the first of them."""
    by: dict[tuple[int, str], list[GroupRate]] = {}
    for g in rates:
        if g.population:
            by.setdefault((g.block, g.population), []).append(g)
    for (_, population), gs in by.items():
        first = gs[0]
        flo, fhi = first.bounds()
        for g in gs[1:]:
            lo, hi = g.bounds()
            ok = max(lo, flo) <= min(hi, fhi)
            ctx.verdict("rate denominator", g.rate.span,
                        f"{first.count.raw} ÷ {first.rate.raw}% = {'–'.join(_range(flo, fhi))}; "
                        f"{g.count.raw} ÷ {g.rate.raw}% = {'–'.join(_range(lo, hi))} {'✓' if ok else '✗'}", ok)
            if ok:
                continue
            slo, shi = _range(lo, hi)
            qlo, qhi = _range(flo, fhi)
            yield Hit(g.rate.span, {
                "c": g.count.raw, "r": g.rate.raw, "lo": slo, "hi": shi, "population": population,
                "pc": first.count.raw, "pr": first.rate.raw, "plo": qlo, "phi": qhi,
            }, context=first.count.span | g.rate.span, message_key="shared")
