"""A comparison column of a table disagrees with the two columns it compares.

A ``So sánh (%)``, ``% KH``, ``TH/KH``, ``2025/2024`` or ``cùng kỳ`` column holds 100 × later ÷
earlier; a ``Tăng/giảm (%)`` column holds that less 100; a ``Tăng/giảm`` column without ``%`` the
difference. The two columns are named by the header (a printed formula over column numbers such as
``(6)=(5)/(4)``, period words and years such as ``TH 2025/KH 2025``, ``so với cùng kỳ`` for the same
period a year earlier, ``% KH`` for the plan of the same period), or, for a plain ``So sánh``,
by a table that has exactly two columns of figures. A column whose two columns cannot be named is
not checked.

The check allows every rounding the printed decimals allow: the comparison holds when some true
values within half a unit of the printed ones give a result within half a unit of the printed
comparison. For a rate row (ĐVT ``%``) a comparison printed in points (2,0 against 2,5: −0,5) is
accepted too. The finding points at the comparison cell and shows the division.

Bad::

    | STT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 | So sánh (%) |
    |---|---|---|---|---|---|
    | 1 | Thu ngân sách xã | triệu đồng | 5.000 | 5.500 | 112,0 |

Good::

    | STT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 | So sánh (%) |
    |---|---|---|---|---|---|
    | 1 | Thu ngân sách xã | triệu đồng | 5.000 | 5.500 | 110,0 |
    | 2 | Tỷ lệ hộ nghèo | % | 2,5 | 2,0 | -0,5 |
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.tables import cell_name, expected, fmt_like, points_hold, ratio_holds, tables
from ..finding import Hit
from ..rule import rule

_OP = {"ratio": "{a} ÷ {b} × 100", "growth": "{a} ÷ {b} × 100 − 100", "change": "{a} − {b}"}


@rule(
    code="N132",
    name="table-comparison",
    severity="error",
    messages={
        "en": "{cell} is {printed}, but {op} = {value}",
        "vi": "{cell} ghi {printed}, nhưng {op} = {value}",
    },
    fix={"en": "write {value}, or correct one of the two figures it compares",
         "vi": "ghi {value}, hoặc sửa một trong hai số được so sánh"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for tf in ctx.facts(tables):
        for r in tf.ratios:
            kind = r.col.role
            ok = ratio_holds(kind, r.printed, r.later, r.earlier)
            if not ok and r.row.is_rate() and kind != "change":
                ok = points_hold(r.printed, r.later, r.earlier)
            want = expected(kind, r.later, r.earlier)
            if want is None:
                continue
            shown = fmt_like(want, [r.printed])
            op = _OP[kind].format(a=r.later.raw, b=r.earlier.raw)
            name = cell_name(tf, r.row, r.col)
            ctx.verdict("table", r.printed.span, f"{name}: {op} = {shown} {'≈' if ok else '≠'} {r.printed.raw}", ok)
            if not ok:
                yield Hit(r.printed.span, {"cell": name, "printed": r.printed.raw, "op": op, "value": shown},
                          context=tf.span)
