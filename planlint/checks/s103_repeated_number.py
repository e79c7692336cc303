"""A number is used twice in one sequence (I, II, II, III).

Bad::

    I. MỤC TIÊU
    II. NỘI DUNG
    II. CHỈ TIÊU
    III. TỔ CHỨC THỰC HIỆN

Fixed::

    I. MỤC TIÊU
    II. NỘI DUNG
    III. CHỈ TIÊU
    IV. TỔ CHỨC THỰC HIỆN

Good::

    I. MỤC TIÊU
    II. NỘI DUNG
    III. CHỈ TIÊU
    IV. TỔ CHỨC THỰC HIỆN
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..rule import rule
from ._structure import anomaly_hits


@rule(
    code="S103",
    name="repeated-number",
    severity="error",
    messages={
        "en": "{found} appears twice; expected {expected}",
        "vi": "{found} bị lặp lại; lẽ ra là {expected}",
    },
    fix={"en": "renumber it {expected} and the items after it", "vi": "đánh số lại thành {expected} và các mục sau"},
    autofix="unsafe",  # renumbering moves the items after it: the author confirms
)
def check(ctx: Context) -> Iterator[Hit]:
    yield from anomaly_hits(ctx, "repeated", renumber=True)
