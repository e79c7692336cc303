"""A number is out of order in a sequence (1, 3, 2, 4 or a), c), b), d)).

Two neighbours that are swapped are one mistake, reported once on the first of them. A number
that was already used is reported as repeated (S103) instead.

Bad::

    1. Mục đích
    2. Yêu cầu
    4. Nội dung
    3. Tổ chức thực hiện
    5. Kinh phí

Good::

    1. Mục đích
    2. Yêu cầu
    3. Nội dung
    4. Tổ chức thực hiện
    5. Kinh phí
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..rule import rule
from ._structure import anomaly_hits


@rule(
    code="S104",
    name="out-of-order",
    severity="error",
    messages={
        "en": "{found} is out of order after {previous}; expected {expected}",
        "vi": "{found} sai thứ tự sau {previous}; lẽ ra là {expected}",
    },
    fix={"en": "number it {expected}", "vi": "đánh số lại thành {expected}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    yield from anomaly_hits(ctx, "out-of-order")
