"""Poverty rates that imply different numbers of households.

DOMAIN.md, "Poverty": rate = poor households / all households × 100, and the poor and the near-poor
counts of one commune share that denominator. A count printed with its rate therefore fixes the number
of all households, within the rounding of the printed rate: 32 poor households at 1,90% means 32 ÷
1,895% … 32 ÷ 1,905%, that is 1.680 to 1.688 households; 29 near-poor households at 1,72% means 1.682 to
1.690. The ranges of the poor and the near-poor at the same time (both at the start, both at the year
end, or in one sentence when no time is stated) must share a whole number of households: a **warning**
when they do not (one of the four figures is wrong, planlint cannot say which; the finding stands on the
later rate). Counts and rates of a village (thôn, tổ dân phố …) are compared only with the same
village's. When the plan states the number of households itself ("toàn xã có 1.685 hộ"), each rate is
checked against it: an **error** when count ÷ total does not round to the printed rate (a warning for a
start-of-year rate, which may use last year's total, and for a count and a rate linked across bullets;
nothing when the total is stated after a figure of the other moment: "cuối năm còn 724 hộ nghèo, tỷ lệ
1,62% (trên tổng số 44.690 hộ)" is the year end's total, not the start's);
when every rate agrees with the others but none with the stated total, the total is reported, once.

A count and its rate may stand in two bullets of one list when nothing else can pair with either:
the one count of a category with no time of its own ("- Số hộ nghèo: 61 hộ") and the one rate of that
category ("- Tỷ lệ hộ nghèo cuối năm còn 3,05%"). A count and a rate that each state their own time in
two bullets are paired only when they are the one count and the one rate of that time in the ledger
and their years agree, one of them stating it ("- Giảm tỷ lệ hộ nghèo … xuống còn 3,50% (tính trên
28.640 hộ)" / "- Số hộ nghèo cuối năm 2027 còn 1.132 hộ"), and then a warning at most (a target and
a result may share a list).

A ledger that does not balance (P101) has its counts in question: its start or year-end pair is
compared with the other category's pair of the same time only when neither the printed count nor the
count the rest of the ledger implies fits (whichever figure of the ledger is wrong, the rates disagree).
A heading with no figures between the two ("a) Hộ nghèo" … "b) Hộ cận nghèo") does not part them.

Bad::

    2. Chỉ tiêu xã hội:
    - Cuối năm còn 32 hộ nghèo, tỷ lệ hộ nghèo 1,90%; số hộ cận nghèo còn 29 hộ, tỷ lệ hộ cận nghèo 2,72%.

Good::

    2. Chỉ tiêu xã hội:
    - Cuối năm còn 32 hộ nghèo, tỷ lệ hộ nghèo 1,90%; số hộ cận nghèo còn 29 hộ, tỷ lệ hộ cận nghèo 1,72%.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.poverty import HOUSEHOLDS, RatePair, Term, category_word, doubted_pairs, runs, trusted_pairs
from ..finding import Hit
from ..rule import rule
from ..scan.numbers import format_vn


@rule(
    code="P103",
    name="rate-denominator",
    severity="warning",
    messages={
        "default": {
            "en": "{c1} {cat1} at {r1}% means {c1} ÷ {r1}% = {lo1}–{hi1} households, but {c2} {cat2} at "
                  "{r2}% means {c2} ÷ {r2}% = {lo2}–{hi2}: the rates imply different household totals",
            "vi": "{c1} {cat1} chiếm {r1}% nghĩa là tổng số hộ {c1} ÷ {r1}% = {lo1}–{hi1}, nhưng {c2} {cat2} "
                  "chiếm {r2}% nghĩa là {c2} ÷ {r2}% = {lo2}–{hi2}: hai tỷ lệ không cùng một tổng số hộ",
        },
        "stated-total": {
            "en": "the plan states {total} households, but its rates imply {rates} = {lo}–{hi} households",
            "vi": "kế hoạch ghi tổng số {total} hộ, nhưng các tỷ lệ cho thấy {rates} = {lo}–{hi} hộ",
        },
        "total": {
            "en": "{c} {cat} of {total} households: {c} ÷ {total} × 100 = {computed}%, but the plan says {r}%",
            "vi": "{c} {cat} trên tổng số {total} hộ: {c} ÷ {total} × 100 = {computed}%, nhưng kế hoạch ghi {r}%",
        },
    },
    fix={
        "default": {"en": "recompute the rates from one household total (or correct a count)",
                    "vi": "tính lại các tỷ lệ trên cùng một tổng số hộ (hoặc sửa số hộ)"},
        "stated-total": {"en": "correct the number of households (or recompute the rates from it)",
                         "vi": "sửa tổng số hộ (hoặc tính lại các tỷ lệ theo tổng số hộ đó)"},
        "total": {"en": "make the rate {computed}% (or correct the count or the total)",
                  "vi": "sửa tỷ lệ thành {computed}% (hoặc sửa số hộ hay tổng số hộ)"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for run in ctx.facts(runs):
        all_pairs = trusted_pairs(run)
        doubted = doubted_pairs(run)
        for place in sorted({p.count.place for p in all_pairs + doubted}):
            pairs = [p for p in all_pairs if p.count.place == place]
            totals = [t for t in run.totals if t.place == place]
            yield from _check_place(ctx, pairs, totals)
            if not any(t.exact_count and t.value > 0 for t in totals):
                yield from _check_doubted(ctx, pairs, [p for p in doubted if p.count.place == place])


def _check_doubted(ctx: Context, pairs: list[RatePair], doubted: list[RatePair]) -> Iterator[Hit]:
    """A pair of an unbalanced ledger against a pair of the other category at the same time: reported
    only when neither the printed count nor the one the ledger implies fits."""
    for d in doubted:
        for other in pairs:
            if other.ledger.category == d.ledger.category or other.time != d.time or d.time not in ("start", "end"):
                continue
            assert d.implied is not None
            if any(_meets(d.bounds_of(v), other.bounds) for v in (d.count.value, d.implied)):
                continue
            a, b = (d, other) if d.rate.span.start < other.rate.span.start else (other, d)
            yield from _overlap(ctx, a, b)


def _check_place(ctx: Context, pairs: list[RatePair], run_totals: list[Term]) -> Iterator[Hit]:
    """The pairs and stated totals of one place (the commune, or one village)."""
    totals = {t.value for t in run_totals if t.exact_count and t.value > 0}
    if len(totals) == 1:
        total = next(t for t in run_totals if t.exact_count and t.value > 0)
        fits = [_fits(p, total.value) for p in pairs]
        if len(pairs) >= 2 and not any(fits) and _common(pairs) is not None:
            # every rate points to one household total, and the stated one is not it
            yield from _total_contradicted(ctx, total, pairs)
            return
        when = total.moment or total.role  # stated before it ("Đầu năm 2026, toàn xã có …"), or after a figure
        for p in pairs:
            if when is not None and p.time in ("start", "end") and p.time != when:
                continue  # a total of the year end says nothing of a start-of-year rate
            yield from _against_total(ctx, p, total.value)
        return
    if totals:
        return  # several totals: which one a rate uses is not known
    for i, later in enumerate(pairs):
        for earlier in pairs[:i]:
            if earlier.ledger.category == later.ledger.category:
                continue
            # one time (start or year end); a figure of no stated time goes with its sentence
            same_time = earlier.time == later.time and (
                later.time != "now" or earlier.count.sentence == later.count.sentence)
            if same_time or ("now" in (earlier.time, later.time) and earlier.count.sentence == later.count.sentence):
                yield from _overlap(ctx, earlier, later)


def _int_range(p: RatePair) -> tuple[int, int]:
    return _ints(p.bounds)


def _ints(bounds: tuple[Decimal, Decimal]) -> tuple[int, int]:
    lo, hi = bounds
    return math.ceil(lo), (math.floor(hi) if hi.is_finite() else 10**12)


def _meets(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """Whether two ranges of household totals share a whole number."""
    (lo1, hi1), (lo2, hi2) = _ints(a), _ints(b)
    return max(lo1, lo2) <= min(hi1, hi2)


def _overlap(ctx: Context, a: RatePair, b: RatePair) -> Iterator[Hit]:
    lo1, hi1 = _int_range(a)
    lo2, hi2 = _int_range(b)
    ok = max(lo1, lo2) <= min(hi1, hi2)
    cat1, cat2 = a.ledger.category, b.ledger.category
    statement = (f"{a.count.raw} ÷ {a.rate.raw}% = {format_vn(Decimal(lo1))}–{format_vn(Decimal(hi1))}; "
                 f"{b.count.raw} ÷ {b.rate.raw}% = {format_vn(Decimal(lo2))}–{format_vn(Decimal(hi2))} "
                 f"{'✓' if ok else '✗'}")
    ctx.verdict("rate denominator", b.rate.span, statement, ok)
    if ok:
        return
    yield Hit(b.rate.span, {
        "c1": a.count.raw, "r1": a.rate.raw, "lo1": format_vn(Decimal(lo1)), "hi1": format_vn(Decimal(hi1)),
        "c2": b.count.raw, "r2": b.rate.raw, "lo2": format_vn(Decimal(lo2)), "hi2": format_vn(Decimal(hi2)),
        "cat1": category_word(cat1, HOUSEHOLDS), "cat2": category_word(cat2, HOUSEHOLDS),
    }, context=a.count.span | b.rate.span)


def _fits(p: RatePair, total: Decimal) -> bool:
    half = Decimal(5).scaleb(-(p.rate.decimals + 1))
    return abs(p.count.value * 100 / total - p.rate.value) <= half + Decimal("1e-9")


def _common(pairs: list[RatePair]) -> tuple[int, int] | None:
    lo = max(_int_range(p)[0] for p in pairs)
    hi = min(_int_range(p)[1] for p in pairs)
    return (lo, hi) if lo <= hi else None


def _total_contradicted(ctx: Context, total: Term, pairs: list[RatePair]) -> Iterator[Hit]:
    rng = _common(pairs)
    assert rng is not None
    lo, hi = format_vn(Decimal(rng[0])), format_vn(Decimal(rng[1]))
    rates = "; ".join(f"{p.count.raw} ÷ {p.rate.raw}%" for p in pairs)
    ctx.verdict("rate denominator", total.span, f"{rates} = {lo}–{hi} ≠ {format_vn(total.value)} ✗", False)
    yield Hit(total.span, {"total": format_vn(total.value), "rates": rates, "lo": lo, "hi": hi},
              context=total.span | pairs[-1].rate.span, message_key="stated-total",
              severity="warning" if any(p.linked for p in pairs) else "error")


def _against_total(ctx: Context, p: RatePair, total: Decimal) -> Iterator[Hit]:
    computed = p.count.value * 100 / total
    ok = _fits(p, total)
    shown = format_vn(computed, p.rate.decimals)
    ctx.verdict("rate", p.rate.span, f"{p.count.raw} ÷ {format_vn(total)} × 100 = {shown}% "
                f"({p.rate.raw}%) {'✓' if ok else '✗'}", ok)
    if ok:
        return
    cat = p.ledger.category
    yield Hit(p.rate.span, {
        "c": p.count.raw, "r": p.rate.raw, "total": format_vn(total), "computed": shown,
        "cat": category_word(cat, HOUSEHOLDS),
    }, context=p.count.span | p.rate.span, severity="warning" if p.time == "start" or p.linked else "error",
        message_key="total")
