"""A decimal item whose leading number is not its parent's (``3.1`` inside ``2.``).

A decimal item's prefix is its parent's number (DOMAIN.md, "Numbering": ``2.1`` lives in ``2.``).

Bad::

    2. Nhiệm vụ, giải pháp
    2.1. Tuyên truyền
    3.2. Kiểm tra

Good::

    2. Nhiệm vụ, giải pháp
    2.1. Tuyên truyền
    2.2. Kiểm tra
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.outline import prefix_mismatches
from ..finding import Hit
from ..rule import rule


@rule(
    code="S107",
    name="decimal-prefix",
    severity="error",
    messages={
        "en": "{found} stands under {parent}; expected {expected}",
        "vi": "{found} nằm trong mục {parent}; lẽ ra là {expected}",
    },
    fix={"en": "number it {expected}", "vi": "đánh số lại thành {expected}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for pm in ctx.facts(prefix_mismatches):
        m = pm.section.marker
        yield Hit(m.span, {"found": m.label, "parent": pm.parent.marker.display(), "expected": pm.expected},
                  context=pm.section.heading.span)
