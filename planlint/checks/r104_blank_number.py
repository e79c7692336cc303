"""The document's number is left blank in the draft (``Số: /KH-UBND``).

The number is given when the plan is signed and registered, so a draft leaves it empty. That is
normal, hence information: the reminder to fill it in (DOMAIN.md, "Anatomy of a plan").

Bad::

    Số: /KH-UBND

    An Phú, ngày 14 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

Good::

    Số: 09/KH-UBND

    An Phú, ngày 14 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.header import extract
from ..finding import Hit
from ..rule import rule


@rule(
    code="R104",
    name="blank-number",
    severity="info",
    messages={
        "en": "the document's number is left blank ('{symbol}'): fill it in when it is signed and registered",
        "vi": "số của văn bản còn để trống ('{symbol}'): điền số khi ký ban hành và vào sổ",
    },
    fix={"en": "write the registered number before the '/'", "vi": "ghi số văn bản trước dấu '/'"},
)
def check(ctx: Context) -> Iterator[Hit]:
    n = ctx.facts(extract).number
    if n is None or not n.blank:
        return
    yield Hit(n.span, {"symbol": n.paragraph.text.strip()})
