"""A poverty rate row of a table disagrees with its count row and the row of all households.

DOMAIN.md, "Poverty": **rate = poor households ÷ all households × 100**. A statistical table often
prints the three as rows, one column per year: ``Tổng số hộ``, ``Số hộ nghèo``, ``Tỷ lệ hộ nghèo``
(and the same for near-poor households, ``Số hộ cận nghèo``, ``Tỷ lệ hộ cận nghèo``); a review by
village prints them as columns, one row a village: ``Tổng số hộ`` then ``Hộ nghèo`` over ``Số hộ``
and ``Tỷ lệ (%)``. Read only when the table has exactly one row (column) of all households and one
count and one rate of the category (a year-end rate goes with a year-end count). A rate column
whose total row prints 100 is each village's share of the poor, not a rate, and is not read; a
rate column is read only when at least half of its rows agree (they show what the column is).

The check allows every rounding the printed decimals allow: the rate holds when some true counts
within half a unit of the printed ones give a rate within half a unit of the printed rate. In a
table flattened by a web copy whose rows print fewer figures than its header has years (so which
year a figure belongs to is not known), the rows are taken to line up only when the rate holds
in most columns; the finding then points at the columns that disagree. The finding points at the
rate cell and shows the division.

Bad::

    | Chỉ tiêu | ĐVT | Năm 2024 | Năm 2025 |
    |---|---|---|---|
    | Tổng số hộ | hộ | 2.400 | 2.450 |
    | Số hộ nghèo | hộ | 96 | 74 |
    | Tỷ lệ hộ nghèo | % | 4,00 | 3,20 |

Good::

    | Chỉ tiêu | ĐVT | Năm 2024 | Năm 2025 |
    |---|---|---|---|
    | Tổng số hộ | hộ | 2.400 | 2.450 |
    | Số hộ nghèo | hộ | 96 | 74 |
    | Tỷ lệ hộ nghèo | % | 4,00 | 3,02 |
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.tables import HUNDRED, cell_name, fmt_like, rate_holds, tables
from ..finding import Hit
from ..i18n import Word
from ..rule import rule


@rule(
    code="P121",
    name="table-rate-count",
    severity="error",
    messages={
        "en": "{cell}: the {cat} rate is {printed}%, but {count} ÷ {households} × 100 = {value}%",
        "vi": "{cell}: tỷ lệ {cat} ghi {printed}%, nhưng {count} ÷ {households} × 100 = {value}%",
    },
    fix={"en": "write {value}, or correct the count of {cat} or of all households",
         "vi": "ghi {value}, hoặc sửa số {cat} hay tổng số hộ"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for tf in ctx.facts(tables):
        for rc in tf.rate_counts:
            rate, count, households = rc.cells()
            if households.value == 0:
                continue
            want = HUNDRED * count.value / households.value
            shown = fmt_like(want, [rate])
            ok = rate_holds(rc)
            name = cell_name(tf, rc.row, rc.col)
            printed = rate.raw.rstrip("%").strip()
            ctx.verdict("table", rate.span,
                        f"{name}: {count.raw} ÷ {households.raw} × 100 = {shown} {'≈' if ok else '≠'} {printed}", ok)
            if not ok:
                yield Hit(rate.span, {"cell": name, "cat": Word(f"category.{rc.category}_households"),
                                      "printed": printed, "count": count.raw, "households": households.raw,
                                      "value": shown}, context=tf.span)
