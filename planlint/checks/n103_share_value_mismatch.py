"""A share printed beside its value is not value / total.

When a plan gives the values of a breakdown and their shares together (``1.525,59 tỷ đồng;
trong đó: thương mại và dịch vụ 599,39 tỷ đồng; … Cơ cấu: thương mại và dịch vụ 39,29%; …``),
each share must be the value divided by the total, within one unit of the share's last printed
place (a value-derived share may be one unit off once the office has nudged the shares to print
100, DOMAIN.md "Shares"), plus what the rounding of the value and the total can move it. Parts
are paired by sector when both lists name the sectors, else in order when their labels agree.
A value with its share of a whole named after it (``Chi thường xuyên 45,2 tỷ đồng, chiếm 20,0%
tổng chi ngân sách xã``) is checked against the whole's value when the section states it before
(``Tổng chi ngân sách xã 226 tỷ đồng``; the figure grammar links them,
``planlint/facts/figure_lists.py``); household counts are left to the poverty rules, which read
the same rate (P103, P106).

The finding points at the value when the shares add up and the values do not (the value is
the one that moved), else at the share.

Bad::

    II. CHỈ TIÊU

    - Tổng giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng; công nghiệp 450 tỷ đồng; dịch vụ
      350 tỷ đồng. Cơ cấu: nông nghiệp 25%; công nghiệp 40%; dịch vụ 35%.

Good::

    II. CHỈ TIÊU

    - Tổng giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng; công nghiệp 450 tỷ đồng; dịch vụ
      350 tỷ đồng. Cơ cấu: nông nghiệp 20%; công nghiệp 45%; dịch vụ 35%.
    - Tổng chi ngân sách xã 240 tỷ đồng.
    - Chi thường xuyên 60 tỷ đồng, chiếm 25,0% tổng chi ngân sách xã.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.shares import links, share_of
from ..facts.vocab import fmt
from ..finding import Hit
from ..rule import rule
from ..scan.units import convert


@rule(
    code="N103",
    name="share-value-mismatch",
    severity="error",
    messages={
        "en": "{value} / {total} = {computed}%, but its share is printed {share}%",
        "vi": "{value} / {total} = {computed}%, nhưng tỷ trọng ghi {share}%",
    },
    fix={"en": "correct the share or the value ({label})", "vi": "sửa tỷ trọng hoặc giá trị ({label})"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for link in ctx.facts(links):
        b, g = link.breakdown, link.group
        total = b.total
        if not total.exact or total.value == 0 or any(not vp.q.exact or not sp.q.exact for vp, sp in link.pairs):
            continue
        values_add = abs(b.sum - total.value) <= b.tolerance
        shares_add = abs(g.total - 100) <= g.tolerance
        for vp, sp in link.pairs:
            try:
                v = convert(vp.q.value, vp.q.unit, total.unit) if vp.q.unit is not None and total.unit is not None \
                    else vp.q.value
            except ValueError:
                break
            computed = share_of(v, total.value)
            share = sp.q.value
            unit = Decimal(1).scaleb(-sp.q.decimals)
            slack = unit + 100 * (vp.q.half_unit / total.value + v * total.half_unit / total.value ** 2)
            d = sp.q.decimals
            ok = abs(computed - share) <= slack
            ctx.verdict("share vs value", sp.q.span,
                        f"{fmt(v, vp.q.decimals)} / {fmt(total.value, total.decimals)} = {fmt(computed, d + 1)}% "
                        f"{'≈' if ok else '≠'} {fmt(share, d)}%", ok)
            if ok:
                continue
            at = vp.q.span if shares_add and not values_add else sp.q.span
            yield Hit(at, {"value": fmt(v, vp.q.decimals), "total": fmt(total.value, total.decimals),
                           "computed": fmt(computed, d + 1 if d < 3 else d), "share": fmt(share, d),
                           "label": sp.label}, context=b.span | g.span)
