"""Mixed markers at one level: a sequence printed with different delimiters (``1.`` then ``2-``,
``I.`` then ``II-``), or a count that goes on with another kind of marker (``a)``, ``b)``, ``3.``).

Both delimiter styles occur in drafts; mixing them in one sequence is a slip. A marker of a
new kind whose number carries on the count of the item above it (``3.`` right after ``b)``)
belongs to that sequence in another style. Warnings: the reader still follows the text.

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
from ._structure import anomalies, broken


@rule(
    code="S108",
    name="mixed-markers",
    severity="warning",
    messages={
        "default": {
            "en": "{found} is written with '{delim}' while {first} uses '{first_delim}'",
            "vi": "{found} dùng dấu '{delim}' trong khi {first} dùng dấu '{first_delim}'",
        },
        "kind": {
            "en": "{found} carries on the count of {previous} with another kind of marker; expected {expected}",
            "vi": "{found} tiếp nối thứ tự của {previous} nhưng dùng kiểu đánh số khác; lẽ ra là {expected}",
        },
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
    for a in ctx.facts(anomalies):
        if a.kind == "mixed-kind":
            broken(ctx, a)
            prev = a.previous.marker.display() if a.previous is not None else ""
            yield Hit(a.section.marker.span, {"found": a.found, "previous": prev, "expected": a.expected},
                      context=a.section.heading.span, message_key="kind")
