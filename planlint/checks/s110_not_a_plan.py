"""No plan structure was recognised: no ``KẾ HOẠCH`` title, no ``Số:`` line, no Roman sections.

A README, a shopping list or an empty file gets this one ``info`` finding and nothing else,
so that linting a folder never floods the report with findings about files that are not plans.

Bad::

    Danh sách mua sắm: gạo, muối, nước mắm.

Good::

    Số: 12/KH-UBND

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..parsing.tree import Span
from ..rule import rule


@rule(
    code="S110",
    name="not-a-plan",
    severity="info",
    messages={
        "en": "no plan structure recognised (no KẾ HOẠCH title, no 'Số:' line, no Roman sections); plan checks skipped",
        "vi": "không nhận ra cấu trúc kế hoạch (không có tiêu đề KẾ HOẠCH, dòng 'Số:' hay mục La Mã); bỏ qua các kiểm tra kế hoạch",
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    if not ctx.plan.recognised:
        yield Hit(Span(0, 0))
