"""A Roman section number that is not a valid numeral (``IIII.``, ``VX.``, ``IIV.``).

The number is still read (``IIII`` as 4) so that the rest of its sequence is checked.

Bad::

    III. NHIỆM VỤ
    IIII. TỔ CHỨC THỰC HIỆN

Fixed::

    III. NHIỆM VỤ
    IV. TỔ CHỨC THỰC HIỆN

Good::

    III. NHIỆM VỤ
    IV. TỔ CHỨC THỰC HIỆN
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit, replace_within
from ..parsing.lines import to_roman
from ..rule import rule


@rule(
    code="S106",
    name="invalid-roman",
    severity="error",
    messages={
        "en": "{found} is not a valid Roman numeral; {value} is written {expected}",
        "vi": "{found} không phải số La Mã hợp lệ; số {value} viết là {expected}",
    },
    fix={"en": "write {expected}", "vi": "viết thành {expected}"},
    autofix="safe",
)
def check(ctx: Context) -> Iterator[Hit]:
    for s in ctx.plan.sections():
        m = s.marker
        roman = m.kind == "roman" or (m.kind == "part" and not m.label.isdigit())
        if roman and not m.valid and m.value > 0:
            expected = to_roman(m.value)
            edit = replace_within(ctx.plan.source.text, m.span, m.label, expected)
            yield Hit(m.span, {"found": m.label, "value": m.value, "expected": expected},
                      context=s.heading.span, edits=(edit,) if edit else ())
