"""Shared helpers of the S rules (not a rule: modules starting with _ are not loaded as rules)."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.outline import Anomaly, Sequence, anomalies, label_for, sequences
from ..finding import Edit, Hit, replace_within
from ..parsing.tree import Plan


def anomaly_hits(ctx: Context, kind: str, renumber: bool = False) -> Iterator[Hit]:
    for a in ctx.facts(anomalies):
        if a.kind != kind:
            continue
        prev = a.previous.marker.display() if a.previous is not None else ""
        edits = _renumbering(ctx, a) if renumber else ()
        broken(ctx, a)
        yield Hit(a.section.marker.span, {"found": a.found, "expected": a.expected, "previous": prev},
                  context=a.section.heading.span, edits=edits)


def broken(ctx: Context, a: Anomaly) -> None:
    """The failed verdict of one anomaly, for ``planlint facts``."""
    prev = a.previous.marker.display() + " → " if a.previous is not None else ""
    ctx.verdict("sequence", a.section.marker.span, f"{prev}{a.found}: expected {a.expected}", False)


def start_verdicts(ctx: Context) -> None:
    """One verdict a sequence: the numbers it holds and whether it starts where it should."""
    wrong = {id(a.section) for a in ctx.facts(anomalies) if a.kind == "wrong-start"}
    for seq in ctx.facts(sequences):
        first = seq.items[0]
        marks = " ".join(s.marker.display() for s in seq.items)
        how = "starts at" if seq.start == 1 else "carries on the count of the section before at"
        ctx.verdict("sequence", first.marker.span, f"{marks}: {how} {first.marker.display()}", id(first) not in wrong)


MAX_RENUMBER = 200  # items one renumbering fix may touch


def _positions(plan: Plan) -> dict[int, tuple[Sequence, int]]:
    """Each numbered item's sequence and place in it (an index, not a search per anomaly)."""
    return {id(it): (seq, k) for seq in plan.fact(sequences) for k, it in enumerate(seq.items)}


def _renumbering(ctx: Context, a: Anomaly) -> tuple[Edit, ...]:
    """Renumber the item to the expected number and the items after it in its sequence until the
    count agrees again (1, 2, 4, 5 -> 1, 2, 3, 4; 10, 12, 12, 13 -> 10, 11, 12, 13). Decimal items
    are left alone (their sub-items carry the number in their prefix)."""
    if a.section.marker.kind == "decimal" or a.expected_value <= 0:
        return ()
    where = ctx.facts(_positions).get(id(a.section))
    if where is None:
        return ()
    seq, i = where
    text = ctx.plan.source.text
    value = a.expected_value
    count = 0  # how many items the fix renumbers: a cheap pass before any edit is built
    for k in range(i, len(seq.items)):
        if count and seq.items[k].marker.value == value + count:
            break  # the count goes on from here
        count += 1
        if count > MAX_RENUMBER:
            return ()  # a fix this long is no fix to review (and a fix per item would be quadratic)
    edits = []
    for item in seq.items[i:i + count]:
        m = item.marker
        edit = replace_within(text, m.span, m.display(), label_for(m, value))
        if edit is None:
            return ()
        edits.append(edit)
        value += 1
    return tuple(edits)
