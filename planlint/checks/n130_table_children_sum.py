"""A parent row of a table does not equal the sum of its child rows.

In an indicator table a row with child rows under it (``1.`` then ``-`` rows, ``a)`` rows, ``+``
rows, or rows after ``Chia ra:``) is their whole when it is a total by its label (``Tổng …``), when
the children are announced by ``Chia ra``/``Gồm``, or when they are the sectors of the economy: then
each column of figures must add up, within the rounding of the printed decimals (each figure is
within half a unit of its last place; whole counts of households or people are exact). When the
children are not known to be all of the parent, they are only checked not to exceed it (a
warning), and children after ``Trong đó`` are parts: each one is checked not to exceed the parent.

Rows are read only when their units agree (the ĐVT column, or the column headers), and never when
the figures are rates, averages or shares (DOMAIN.md, "Numbers and units"), except an average that
counts whole things in whole numbers (``Dân số trung bình | Người``, the mid-year population). A
row broken down twice (``Phân theo thành thị/nông thôn: …``, then ``Phân theo giới tính: …``, as a
statistical yearbook prints it) is checked against each breakdown on its own. The finding points at
the parent's cell and shows the sum.

Bad::

    | STT | Chỉ tiêu | ĐVT | KH 2026 |
    |---|---|---|---|
    | 1 | Tổng vốn đầu tư | tỷ đồng | 500 |
    | - | Vốn ngân sách | tỷ đồng | 220 |
    | - | Vốn doanh nghiệp | tỷ đồng | 150 |
    | - | Vốn dân cư | tỷ đồng | 150 |

Good::

    | STT | Chỉ tiêu | ĐVT | KH 2026 |
    |---|---|---|---|
    | 1 | Tổng vốn đầu tư | tỷ đồng | 520 |
    | - | Vốn ngân sách | tỷ đồng | 220 |
    | - | Vốn doanh nghiệp | tỷ đồng | 150 |
    | - | Vốn dân cư | tỷ đồng | 150 |
    | 2 | Diện tích gieo trồng | ha | 1.000 |
    | | Trong đó: lúa | ha | 620 |
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.tables import arith, cell_name, fmt_like, sum_bounds, tables
from ..finding import Hit
from ..rule import rule


@rule(
    code="N130",
    name="table-children-sum",
    severity="error",
    messages={
        "default": {
            "en": "{cell} is {whole}, but its rows add up to {arith} = {sum}",
            "vi": "{cell} là {whole}, nhưng các dòng con cộng lại {arith} = {sum}",
        },
        "exceeds": {
            "en": "the rows under {cell} add up to {arith} = {sum}, more than its {whole}",
            "vi": "các dòng con của {cell} cộng lại {arith} = {sum}, lớn hơn {whole}",
        },
        "part": {
            "en": "{part} is {value}, more than {cell} = {whole} it is a part of",
            "vi": "{part} là {value}, lớn hơn {cell} = {whole} mà nó là một phần",
        },
    },
    fix={
        "default": {"en": "make the parent {sum} or correct the child row that is wrong",
                    "vi": "sửa dòng tổng thành {sum} hoặc sửa dòng con bị sai"},
        "exceeds": {"en": "correct the parent or the child rows", "vi": "sửa dòng tổng hoặc các dòng con"},
        "part": {"en": "correct the part or the whole", "vi": "sửa phần hoặc tổng"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for tf in ctx.facts(tables):
        for s in tf.sums:
            if s.kind == "total":
                continue
            whole, parts = s.values()
            name = cell_name(tf, s.whole, s.col)
            if s.kind == "within":
                for p, v in zip(s.parts, parts, strict=True):
                    ok = v.value <= whole.value + whole.half + v.half
                    ctx.verdict("table", v.span, f"{name}: {v.raw} ≤ {whole.raw}", ok)
                    if not ok:
                        yield Hit(v.span, {"part": cell_name(tf, p, s.col), "value": v.raw, "cell": name,
                                           "whole": whole.raw}, context=tf.span, message_key="part")
                continue
            total, tol = sum_bounds(whole, parts)
            text = {"cell": name, "whole": whole.raw, "arith": arith(parts), "sum": fmt_like(total, parts)}
            if s.exhaustive:
                ok = abs(total - whole.value) <= tol
                ctx.verdict("table", whole.span, f"{name}: {arith(parts)} = {text['sum']} "
                                                 f"{'=' if ok else '≠'} {whole.raw}", ok)
                if not ok:
                    yield Hit(whole.span, text, context=tf.span)
            else:
                ok = total <= whole.value + tol
                ctx.verdict("table", whole.span, f"{name}: {arith(parts)} = {text['sum']} "
                                                 f"{'≤' if ok else '>'} {whole.raw}", ok)
                if not ok:
                    yield Hit(whole.span, text, context=tf.span, severity="warning", message_key="exceeds")
