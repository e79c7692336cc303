"""An ordinal Roman numeral that is not a valid numeral (``lần thứ XXIIII``, ``khóa XIIII``).

Congresses, terms and sessions are numbered in Roman numerals: ``Đại hội đại biểu Đảng bộ tỉnh lần
thứ XXI``, ``khóa XV``, ``kỳ họp thứ VIII``. ``XXIIII`` is not how 24 is written (``XXIV``): a likely
slip, a warning. Section numbers (``IIII.``) are rule S106.

Bad::

    Chào mừng Đại hội đại biểu Đảng bộ huyện lần thứ XXIIII, nhiệm kỳ 2025 - 2030.

Good::

    Chào mừng Đại hội đại biểu Đảng bộ huyện lần thứ XXIV, nhiệm kỳ 2025 - 2030.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..parsing.lines import to_roman
from ..rule import rule


@rule(
    code="R109",
    name="invalid-ordinal",
    severity="warning",
    messages={
        "value": {"en": "'{context} {roman}' is not a valid Roman numeral: {value} is written {fixed}",
                  "vi": "'{context} {roman}' không phải số La Mã hợp lệ: số {value} viết là {fixed}"},
        "unknown": {"en": "'{context} {roman}' is not a valid Roman numeral",
                    "vi": "'{context} {roman}' không phải số La Mã hợp lệ"},
    },
    fix={"value": {"en": "write {fixed}", "vi": "viết thành {fixed}"}},
)
def check(ctx: Context) -> Iterator[Hit]:
    for o in ctx.facts(extract).ordinals:
        if o.valid:
            continue
        args = {"context": o.context, "roman": o.roman, "value": o.value,
                "fixed": to_roman(o.value) if o.value > 0 else "?"}
        yield Hit(o.span, args, message_key="value" if o.value > 0 else "unknown")
