"""A proportion in a table is above 100%.

A row whose label names a proportion of a population (``Tỷ lệ hộ dùng nước sạch``, ``Tỷ lệ bao phủ
bảo hiểm y tế``, ``Tỷ lệ lao động qua đào tạo``; the bounded rates of ``rules/sectors.toml``) and
whose unit is ``%`` cannot exceed 100 in any column of figures. A rate measured against a plan, a
past period or as growth (``Tỷ lệ thu ngân sách so với dự toán``, ``tốc độ tăng``) may, and
comparison columns (``So sánh %``, ``% KH``) are never read as rates.

Bad::

    | STT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |
    |---|---|---|---|---|
    | 1 | Tỷ lệ người dân tham gia bảo hiểm y tế | % | 95,2 | 101,5 |

Good::

    | STT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 | So sánh (%) |
    |---|---|---|---|---|---|
    | 1 | Tỷ lệ người dân tham gia bảo hiểm y tế | % | 95,2 | 97,0 | 101,9 |
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.tables import cell_name, tables
from ..finding import Hit
from ..rule import rule


@rule(
    code="N134",
    name="table-rate-over-100",
    severity="error",
    messages={
        "en": "{cell} is {value}%, but a proportion cannot exceed 100%",
        "vi": "{cell} là {value}%, nhưng một tỷ lệ không thể vượt quá 100%",
    },
    fix={"en": "correct the rate (at most 100%)", "vi": "sửa tỷ lệ (tối đa 100%)"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for tf in ctx.facts(tables):
        for r in tf.rates:
            name = cell_name(tf, r.row, r.col)
            ctx.verdict("table", r.value.span, f"{name}: {r.value.raw}% > 100%", False)
            yield Hit(r.value.span, {"cell": name, "value": r.value.raw.rstrip("%")}, context=tf.span)
