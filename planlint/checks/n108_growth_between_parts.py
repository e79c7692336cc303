"""An aggregate grows faster (or slower) than every one of its sectors.

``Tốc độ tăng trưởng giá trị sản xuất đạt 18,0%, trong đó: Công nghiệp - xây dựng tăng 23,2%;
dịch vụ tăng 12,0%; nông, lâm nghiệp, thủy sản tăng trên 2,0%``: the aggregate's growth is a
weighted average of its parts' growth with positive weights, so it lies between the lowest and
the highest of them (within the rounding of the printed decimals). The parts must be the three
sectors (the same in bullets under the aggregate: ``- … tăng trưởng 25%`` / ``+ Khu vực I tăng 1,5%``
…); bounds are read as printed (``tăng trên 2,0%`` has no upper end).

An error for production value and for a GRDP whose taxes part is listed; a warning for a GRDP
or value added given with its three sectors only, since taxes on products (DOMAIN.md, "Shares")
may grow outside the sectors' range.

Bad::

    II. CHỈ TIÊU

    - Giá trị sản xuất tăng 15,0%, trong đó: công nghiệp tăng 12,4%; dịch vụ tăng 8,6%; nông nghiệp tăng 2,1%.

Good::

    II. CHỈ TIÊU

    - Giá trị sản xuất tăng 9,5%, trong đó: công nghiệp tăng 12,4%; dịch vụ tăng 8,6%; nông nghiệp tăng 2,1%.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.growth import growth_groups
from ..facts.vocab import fmt
from ..finding import Hit
from ..i18n import Word
from ..rule import rule


@rule(
    code="N108",
    name="growth-between-parts",
    severity="error",
    messages={
        "en": "the aggregate grows {g}, outside its sectors' range {lo} – {hi}: a total cannot grow "
              "{way} than all of its parts ({parts})",
        "vi": "tổng thể tăng {g}, nằm ngoài khoảng tăng của các ngành {lo} – {hi}: tổng không thể tăng "
              "{way} tất cả các thành phần ({parts})",
    },
    fix={"en": "correct the aggregate or the sectors' growth", "vi": "sửa tốc độ tăng của tổng thể hoặc của các ngành"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for gg in ctx.facts(growth_groups):
        g = gg.aggregate
        if not g.exact:
            continue
        lows = [p.q.low for p in gg.parts]
        highs = [p.q.high for p in gg.parts]
        lo = min((x for x in lows if x is not None), default=None)
        hi = None if any(x is None for x in highs) else max(x for x in highs if x is not None)
        if lo is None:
            continue
        d = max([g.decimals] + [p.q.decimals for p in gg.parts])
        tol = g.half_unit + max(p.q.half_unit for p in gg.parts)
        parts = "; ".join(f"{p.label} {p.q.shown()}" for p in gg.parts)
        low_ok = g.value >= min(x for x in (p.q.value for p in gg.parts)) - tol if all(
            p.q.qual in ("", "~", "<", "<=") for p in gg.parts) else True
        # a lower bound of a part ("trên 2%") may be higher: only exact or upper-bounded lows count
        high_ok = hi is None or g.value <= hi + tol
        ok = low_ok and high_ok
        unit = gg.parts[0].q.unit_text or "%"
        hi_txt = f"{fmt(hi, d)}{unit}" if hi is not None else "…"
        ctx.verdict("growth", gg.span, f"{fmt(lo, d)}{unit} ≤ {g.shown()} ≤ {hi_txt}", ok)
        if ok:
            continue
        severe = gg.covers_taxes or (gg.production and not gg.grdp)
        way = Word("word.faster") if not high_ok else Word("word.slower")
        yield Hit(g.span, {"g": g.shown(), "lo": f"{fmt(lo, d)}{unit}", "hi": hi_txt, "way": way,
                           "parts": parts}, context=gg.span, severity=None if severe else "warning")
