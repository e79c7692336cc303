"""A numbered sequence does not start at its first number (1, I, a, (1)).

Each sequence restarts under its parent (DOMAIN.md, "Numbering"): the first ``1.`` under a new
``II.``, the first ``a)`` under a new ``2.``. A plan that deliberately numbers its items through
the whole document (``I.`` holds ``1.``-``3.``, ``II.`` goes on with ``4.``) is not reported: a
sequence that starts right after where the previous section's sequence ended is a continuation.

Bad::

    I. MỤC ĐÍCH
    2. Mục đích
    3. Yêu cầu

Good::

    I. MỤC ĐÍCH
    1. Mục đích
    2. Yêu cầu
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..rule import rule
from ._structure import anomaly_hits, start_verdicts


@rule(
    code="S101",
    name="wrong-start",
    severity="error",
    messages={
        "en": "the sequence starts at {found}; expected {expected}",
        "vi": "dãy đánh số bắt đầu bằng {found}; lẽ ra là {expected}",
    },
    fix={"en": "number it {expected}", "vi": "đánh số lại thành {expected}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    start_verdicts(ctx)
    yield from anomaly_hits(ctx, "wrong-start")
