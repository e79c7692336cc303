"""Shared helpers of the S rules (not a rule: modules starting with _ are not loaded as rules)."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.outline import Anomaly, anomalies, label_for, sequences
from ..finding import Edit, Hit, replace_within


def anomaly_hits(ctx: Context, kind: str, renumber: bool = False) -> Iterator[Hit]:
    for a in ctx.facts(anomalies):
        if a.kind != kind:
            continue
        prev = a.previous.marker.display() if a.previous is not None else ""
        edits = _renumbering(ctx, a) if renumber else ()
        yield Hit(a.section.marker.span, {"found": a.found, "expected": a.expected, "previous": prev},
                  context=a.section.heading.span, edits=edits)


def _renumbering(ctx: Context, a: Anomaly) -> tuple[Edit, ...]:
    """Renumber the item to the expected number and the items after it in its sequence until the
    count agrees again (1, 2, 4, 5 -> 1, 2, 3, 4; 10, 12, 12, 13 -> 10, 11, 12, 13). Decimal items
    are left alone (their sub-items carry the number in their prefix)."""
    if a.section.marker.kind == "decimal" or a.expected_value <= 0:
        return ()
    seq = next((s for s in ctx.facts(sequences) if any(it is a.section for it in s.items)), None)
    if seq is None:
        return ()
    text = ctx.plan.source.text
    i = next(k for k, it in enumerate(seq.items) if it is a.section)
    value = a.expected_value
    edits = []
    for k, item in enumerate(seq.items[i:]):
        m = item.marker
        if k and m.value == value:
            break  # the count goes on from here
        edit = replace_within(text, m.span, m.display(), label_for(m, value))
        if edit is None:
            return ()
        edits.append(edit)
        value += 1
    return tuple(edits)
