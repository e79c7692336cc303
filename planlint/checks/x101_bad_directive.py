"""A ``<!-- planlint: … -->`` comment that planlint cannot follow.

A directive with an unknown action, an unknown or misspelt code (``S1O3``, ``X999``) or ``=``
followed by no code disables nothing: saying so beats silently checking what the drafter meant
to switch off (or switching off everything). Codes are separated by commas or blanks and may be
followed by a reason.

Bad::

    <!-- planlint: disable=S1O3 -->

Good::

    <!-- planlint: disable=S103 số mục do tỉnh quy định -->
"""

from __future__ import annotations

from collections.abc import Iterator

from ..directives import directives
from ..engine import Context
from ..finding import Hit
from ..rule import rule


@rule(
    code="X101",
    name="bad-directive",
    severity="warning",
    messages={
        "en": "bad planlint directive: {problem}; it disables nothing",
        "vi": "chỉ thị planlint không hợp lệ: {problem}; chỉ thị này không tắt gì",
    },
    fix={"en": "write <!-- planlint: disable=CODE reason -->", "vi": "viết <!-- planlint: disable=MÃ lý do -->"},
    after_findings=True,
)
def check(ctx: Context) -> Iterator[Hit]:
    for d in ctx.facts(directives):
        if d.problem:
            yield Hit(d.span, {"problem": d.problem})
