"""A number is skipped in a sequence (1, 2, 4 or a), b), d)).

The expected marker is the one after the previous item. When the next item carries on from
the expected number (``(10), (12), (12), (13)``), the first ``(12)`` is reported alone: it stands
where ``(11)`` belongs, and the count goes on from there.

Bad::

    II. CHỈ TIÊU
    1. Về kinh tế
    2. Về xã hội
    4. Về quốc phòng - an ninh

Fixed::

    II. CHỈ TIÊU
    1. Về kinh tế
    2. Về xã hội
    3. Về quốc phòng - an ninh

Good::

    II. CHỈ TIÊU
    1. Về kinh tế
    2. Về xã hội
    3. Về quốc phòng - an ninh
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..rule import rule
from ._structure import anomaly_hits


@rule(
    code="S102",
    name="skipped-number",
    severity="error",
    messages={
        "en": "{found} follows {previous}; expected {expected}",
        "vi": "{found} đứng sau {previous}; lẽ ra là {expected}",
    },
    fix={"en": "number it {expected}, or add the missing item",
         "vi": "đánh số lại thành {expected} hoặc bổ sung mục còn thiếu"},
    autofix="unsafe",  # renumbering moves the items after it: the author confirms
)
def check(ctx: Context) -> Iterator[Hit]:
    yield from anomaly_hits(ctx, "skipped", renumber=True)
