"""A total row of a table (Tổng, Tổng số, Cộng) does not equal the sum of the rows it totals.

A row labelled ``Tổng cộng``, ``Tổng số``, ``Cộng``, ``Toàn xã`` totals the top-level rows of its
table (the rows without a parent row), column by column. Each column of figures in the same unit
must add up within the rounding of the printed decimals (half a unit of the last printed place
per figure; whole counts are exact). Columns of rates, comparisons and shares are not summed
(shares are N133's). The finding points at the total row's cell and shows the sum.

Bad::

    | Thôn | Số hộ | Kinh phí (triệu đồng) |
    |---|---|---|
    | Thôn 1 | 120 | 350 |
    | Thôn 2 | 95 | 280 |
    | Thôn 3 | 143 | 410 |
    | Tổng cộng | 358 | 1.140 |

Good::

    | Thôn | Số hộ | Kinh phí (triệu đồng) |
    |---|---|---|
    | Thôn 1 | 120 | 350 |
    | Thôn 2 | 95 | 280 |
    | Thôn 3 | 143 | 410 |
    | Tổng cộng | 358 | 1.040 |
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.tables import arith, cell_name, fmt_like, sum_bounds, tables
from ..finding import Hit
from ..rule import rule


@rule(
    code="N131",
    name="table-total-row",
    severity="error",
    messages={
        "en": "total row {cell} is {whole}, but the rows add up to {arith} = {sum}",
        "vi": "dòng tổng {cell} là {whole}, nhưng các dòng cộng lại {arith} = {sum}",
    },
    fix={"en": "make the total {sum} or correct the row that is wrong",
         "vi": "sửa dòng tổng thành {sum} hoặc sửa dòng bị sai"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for tf in ctx.facts(tables):
        for s in tf.sums:
            if s.kind != "total":
                continue
            whole, parts = s.values()
            total, tol = sum_bounds(whole, parts)
            name = cell_name(tf, s.whole, s.col)
            ok = abs(total - whole.value) <= tol
            shown = fmt_like(total, parts)
            ctx.verdict("table", whole.span, f"{name}: {arith(parts)} = {shown} {'=' if ok else '≠'} {whole.raw}", ok)
            if not ok:
                yield Hit(whole.span, {"cell": name, "whole": whole.raw, "arith": arith(parts), "sum": shown},
                          context=tf.span)
