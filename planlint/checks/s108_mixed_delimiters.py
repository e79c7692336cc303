"""Items of one sequence printed with different delimiters (``1.`` then ``2-``, ``I.`` then ``II-``).

Both styles occur in drafts; mixing them in one sequence is a slip (warning).

Bad::

    1. Mục đích
    2- Yêu cầu

Good::

    1. Mục đích
    2. Yêu cầu
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.outline import sequences
from ..finding import Hit
from ..rule import rule


@rule(
    code="S108",
    name="mixed-delimiters",
    severity="warning",
    summary="Items of one sequence use different delimiters (1. and 2-)",
    messages={
        "en": "{found} is written with '{delim}' while {first} uses '{first_delim}'",
        "vi": "{found} dùng dấu '{delim}' trong khi {first} dùng dấu '{first_delim}'",
    },
    fix={"en": "write {expected}", "vi": "viết thành {expected}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for seq in ctx.facts(sequences):
        first = seq.items[0].marker
        if first.kind in ("paren", "part"):
            continue
        for item in seq.items[1:]:
            m = item.marker
            if m.delim != first.delim and {m.delim, first.delim} != {"-", "–"}:
                expected = f"{m.label}{first.delim}"
                yield Hit(m.span, {"found": m.display(), "delim": m.delim or " ", "first": first.display(),
                                   "first_delim": first.delim or " ", "expected": expected},
                          context=item.heading.span)
