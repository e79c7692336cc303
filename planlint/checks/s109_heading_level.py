"""A markdown heading level that disagrees with the numbering depth.

Exports from Word turn headings into ``##``/``###`` at random. Siblings of one sequence should
share a heading level, and a child should sit deeper than its parent (warning: the text reads
the same, but a converted document's outline is wrong).

Bad::

    ## I. MỤC ĐÍCH, YÊU CẦU
    ### 1. Mục đích
    ## 2. Yêu cầu

Good::

    ## I. MỤC ĐÍCH, YÊU CẦU
    ### 1. Mục đích
    ### 2. Yêu cầu
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..engine import Context
from ..facts.outline import sequences
from ..finding import Hit
from ..rule import rule


@rule(
    code="S109",
    name="heading-level",
    severity="warning",
    messages={
        "sibling": {
            "en": "{found} is a level-{level} heading while its siblings are level {expected}",
            "vi": "{found} là tiêu đề cấp {level} trong khi các mục cùng cấp là cấp {expected}",
        },
        "parent": {
            "en": "{found} is a level-{level} heading, not deeper than its parent {parent} (level {parent_level})",
            "vi": "{found} là tiêu đề cấp {level}, không sâu hơn mục cha {parent} (cấp {parent_level})",
        },
    },
    fix={"en": "make it a level-{expected} heading", "vi": "đổi thành tiêu đề cấp {expected}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for seq in ctx.facts(sequences):
        levels = [s.marker.md_level for s in seq.items if s.marker.md_level]
        if not levels:
            continue
        counts = Counter(levels)
        top = max(counts.values())
        # the majority level; on a tie, the level of the first item
        usual = next(lv for lv in levels if counts[lv] == top)
        parent = seq.parent
        for s in seq.items:
            m = s.marker
            if not m.md_level:
                continue
            if m.md_level != usual:
                yield Hit(m.span, {"found": m.display(), "level": m.md_level, "expected": usual},
                          context=s.heading.span, message_key="sibling")
            elif parent is not None and parent.marker.md_level and m.md_level <= parent.marker.md_level:
                yield Hit(m.span, {"found": m.display(), "level": m.md_level, "parent": parent.marker.display(),
                                   "parent_level": parent.marker.md_level, "expected": parent.marker.md_level + 1},
                          context=s.heading.span, message_key="parent")
