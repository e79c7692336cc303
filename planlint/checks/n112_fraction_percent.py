"""A fraction and its percentage disagree.

``612/618 em, đạt 98,4%``: a count out of a total, and the share it is said to be. The share is
``612 ÷ 618 × 100 = 99,03%``, so the printed 98,4% is wrong (DOMAIN.md, "Numbers": a share is the
part over its whole). The percentage is compared within its printed decimals: rounded or cut
(``8/63 = 12,698…`` printed 12,69 or 12,7) is right. Only a percentage the words tie to the
fraction is read: a bracket, a comma, or a link word (``đạt``, ``bằng``, ``chiếm``, ``tỷ lệ``:
``[fractions] percent_links`` in ``rules/sectors.toml``), with at most a short label between
(``35/63 tỉnh hoàn thành, đạt tỷ lệ 55,6%``); a bound (``trên 98%``) is not checked.

Bad::

    3. Giáo dục

    Học sinh lớp 5 hoàn thành chương trình tiểu học 421/430 em, đạt 96,9%.

Good::

    3. Giáo dục

    Học sinh lớp 5 hoàn thành chương trình tiểu học 421/430 em, đạt 97,9%; 12/15 trường (80%) đạt
    chuẩn quốc gia; 8/63 tỉnh, chiếm 12,69%.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.fraction_rates import fraction_rates
from ..facts.vocab import fmt
from ..finding import Hit
from ..rule import rule


@rule(
    code="N112",
    name="fraction-percent",
    severity="error",
    messages={
        "en": "{shown} is {exact}%, not {printed}% ({num} ÷ {den} × 100 = {exact})",
        "vi": "{shown} là {exact}%, không phải {printed}% ({num} ÷ {den} × 100 = {exact})",
    },
    fix={"en": "write {fixed}% or correct the count", "vi": "ghi {fixed}% hoặc sửa số liệu"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for f in ctx.facts(fraction_rates):
        d = f.pct.decimals
        unit = Decimal(1).scaleb(-d)
        exact = f.exact
        # rounded (± half a unit of the last printed decimal) or cut (up to one unit below)
        ok = f.pct.value - unit / 2 - Decimal("1e-9") <= exact < f.pct.value + unit + Decimal("1e-9")
        shown_exact = fmt(exact, max(d, 1) + 1)
        ctx.verdict("fraction rate", f.span, f"{f.num.raw} ÷ {f.den.raw} × 100 = {shown_exact} ≈ {f.pct.raw}%", ok)
        if not ok:
            yield Hit(f.pct.span, {"shown": f.shown(), "exact": shown_exact, "printed": f.pct.raw,
                                   "num": f.num.raw, "den": f.den.raw, "fixed": fmt(round(exact, d), d)},
                      context=f.sentence.span)
