"""An aggregate's growth is far from its sectors' growth weighted by their shares.

When a plan gives the aggregate's growth, each sector's growth and the sectors' shares at the
end of the period, the three must agree: the base-period weights are the end shares taken back
by each sector's growth, ``wᵢ = sᵢ / (1 + gᵢ)ⁿ``, and ``(1 + G)ⁿ = Σ sᵢ / Σ wᵢ`` (``n`` = 1 for a
year; the ``N năm`` of an average annual rate such as ``tăng bình quân 16,5%/năm`` over ``5 năm``).
Printed shares and rates are rounded, sectors are measured at different prices, so the check
allows ``growth-tolerance`` percentage points (default 1,0) before warning. A part given as a
bound (``tăng trên 2,0%``) bounds the weighted value on that side only.

Bad::

    II. CHỈ TIÊU

    - Tốc độ tăng trưởng giá trị sản xuất đạt 20,0%, trong đó: công nghiệp tăng 23,2%; dịch vụ tăng 12,0%;
      nông nghiệp tăng 2,0%. Cơ cấu giá trị sản xuất: công nghiệp 68,6%; dịch vụ 16,6%; nông nghiệp 14,8%.

Good::

    II. CHỈ TIÊU

    - Tốc độ tăng trưởng giá trị sản xuất đạt 17,6%, trong đó: công nghiệp tăng 23,2%; dịch vụ tăng 12,0%;
      nông nghiệp tăng 2,0%. Cơ cấu giá trị sản xuất: công nghiệp 68,6%; dịch vụ 16,6%; nông nghiệp 14,8%.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.growth import GrowthGroup, growth_groups
from ..facts.vocab import fmt
from ..finding import Hit
from ..i18n import Word, seq
from ..rule import Option, rule


def implied(shares: list[float], growth: list[float], years: int) -> float:
    """The aggregate growth (per cent per year) implied by end shares and sector growth."""
    base = sum(s / (1 + g / 100) ** years for s, g in zip(shares, growth, strict=True))
    return ((sum(shares) / base) ** (1 / years) - 1) * 100


def _pairs(gg: GrowthGroup) -> list[tuple[float, float | None, float | None]] | None:
    assert gg.shares is not None
    out = []
    for p in gg.parts:
        match = [sp for sp in gg.shares.parts if sp.classes == p.classes]
        if len(match) != 1 or not match[0].q.exact:
            return None
        lo, hi = p.q.low, p.q.high
        out.append((float(match[0].q.value), None if lo is None else float(lo), None if hi is None else float(hi)))
    return out


@rule(
    code="N110",
    name="weighted-growth",
    severity="warning",
    messages={
        "en": "with the sectors' shares ({shares}) and growth ({growth}), the aggregate grows about {implied} "
              "({formula}), but the plan says {g}",
        "vi": "với cơ cấu các ngành ({shares}) và tốc độ tăng ({growth}), tổng thể tăng khoảng {implied} "
              "({formula}), nhưng kế hoạch ghi {g}",
    },
    fix={"en": "check the aggregate growth against the sectors' growth and shares",
         "vi": "kiểm tra lại tốc độ tăng chung với tốc độ tăng và cơ cấu của các ngành"},
    options={"growth-tolerance": Option(float, 1.0, "percentage points the aggregate may differ by")},
)
def check(ctx: Context) -> Iterator[Hit]:
    tol = float(ctx.option("growth-tolerance"))
    for gg in ctx.facts(growth_groups):
        if gg.shares is None or not gg.years or not gg.aggregate.exact:
            continue
        pairs = _pairs(gg)
        if pairs is None:
            continue
        shares = [s for s, _, _ in pairs]
        lows = [lo for _, lo, _ in pairs]
        highs = [hi for _, _, hi in pairs]
        g = float(gg.aggregate.value)
        g_low = implied(shares, [x for x in lows if x is not None], gg.years) if None not in lows else None
        g_high = implied(shares, [x for x in highs if x is not None], gg.years) if None not in highs else None
        if g_low is None and g_high is None:
            continue
        ok = (g_low is None or g >= g_low - tol) and (g_high is None or g <= g_high + tol)
        est = g_high if g_high is not None and g > g_high else g_low if g_low is not None else g_high
        assert est is not None
        n = gg.years
        formula = "1 / Σ sᵢ/(1+gᵢ) − 1" if n == 1 else f"(1 / Σ sᵢ/(1+gᵢ)^{n})^(1/{n}) − 1"
        d = max(1, gg.aggregate.decimals)
        unit = Word("unit.percent_a_year") if gg.average else "%"
        shown = fmt(Decimal(str(round(est, 4))), d)
        ctx.verdict("weighted growth", gg.span,
                    seq(formula, " = ", shown, unit, f" {'≈' if ok else '≠'} {gg.aggregate.shown()}"), ok)
        if ok:
            continue
        yield Hit(gg.aggregate.span, {
            "shares": " / ".join(sp.q.shown() for p in gg.parts for sp in gg.shares.parts if sp.classes == p.classes),
            "growth": " / ".join(p.q.shown() for p in gg.parts),
            "implied": f"{fmt(Decimal(str(round(est, 4))), d)}{unit}", "formula": formula, "g": gg.aggregate.shown(),
        }, context=gg.span)
