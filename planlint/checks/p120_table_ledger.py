"""A poverty ledger printed as a table does not balance.

DOMAIN.md, "Poverty": **end = start − escaped + fell back + newly poor**. A table states the ledger
either in rows (``Số hộ nghèo đầu năm``, ``Số hộ thoát nghèo``, ``Số hộ tái nghèo``, ``Số hộ nghèo
phát sinh mới``, ``Số hộ nghèo cuối năm``, one column per period) or in columns (one row per
village or commune under the headers ``Đầu năm``, ``Thoát nghèo``, ``Tái nghèo``, ``Phát sinh``,
``Cuối năm``). Near-poor households (cận nghèo) keep their own ledger. Counts are exact; the
finding points at the year-end cell and shows the equation.

Bad::

    | Thôn | Hộ nghèo đầu năm | Thoát nghèo | Tái nghèo | Phát sinh mới | Hộ nghèo cuối năm |
    |---|---|---|---|---|---|
    | Thôn Đông | 24 | 8 | 1 | 2 | 21 |
    | Thôn Tây | 31 | 10 | 0 | 3 | 24 |

Good::

    | Thôn | Hộ nghèo đầu năm | Thoát nghèo | Tái nghèo | Phát sinh mới | Hộ nghèo cuối năm |
    |---|---|---|---|---|---|
    | Thôn Đông | 24 | 8 | 1 | 2 | 19 |
    | Thôn Tây | 31 | 10 | 0 | 3 | 24 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.tables import tables
from ..facts.vocab import fmt
from ..finding import Hit
from ..i18n import Word
from ..rule import rule


@rule(
    code="P120",
    name="table-ledger",
    severity="error",
    messages={
        "en": "{where}: {cat} {eq} = {computed}, but the table says {end} at the end",
        "vi": "{where}: {cat} {eq} = {computed}, nhưng bảng ghi cuối kỳ {end}",
    },
    fix={"en": "make the figures agree: the end would be {computed}, or correct the start or a movement",
         "vi": "sửa cho khớp: số cuối kỳ phải là {computed}, hoặc sửa số đầu kỳ hay số tăng, giảm"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for tf in ctx.facts(tables):
        for led in tf.ledgers:
            c = led.cells
            computed = c["start"].value
            eq = c["start"].raw
            for role, sign in (("escaped", "−"), ("fell_back", "+"), ("newly", "+")):
                if role in c:
                    computed += c[role].value if sign == "+" else -c[role].value
                    eq += f" {sign} {c[role].raw}"
            end = c["end"]
            tol = sum((v.half for v in c.values()), Decimal(0)) if any(v.decimals for v in c.values()) else 0
            ok = abs(computed - end.value) <= tol
            ctx.verdict("ledger", end.span, f"{led.where}: {eq} = {fmt(computed)} {'=' if ok else '≠'} {end.raw}", ok)
            if not ok:
                yield Hit(end.span, {"where": led.where, "cat": Word(f"category.{led.category}_households"), "eq": eq,
                                     "computed": fmt(computed), "end": end.raw}, context=tf.span)
