"""Shared judgements of the S rules (not a rule: modules starting with _ are not loaded as rules).

Reading a sequence like a reviewer does, one anomaly per mistake:

* two neighbours swapped (``1, 3, 2, 4``) are *out of order*, reported once on the first;
* an item whose number is not the one expected is *misnumbered* when the next item carries on
  from the expected number (``1, 2, 2, 4``: the second ``2`` stands for ``3``; ``(10), (12), (12)``:
  the first ``(12)`` stands for ``(11)``), and the count then goes on from the expected number;
* otherwise the sequence *restarts* from the item's number (``1, 2, 4, 5``: ``3`` was skipped;
  ``I, II, II, III``: ``II`` is repeated and ``III`` follows it).

The anomaly is classed by what the reader sees: a number already used is *repeated*, a number
beyond the expected one *skipped*, anything else *out of order*; a first item that is not 1 is a
*wrong start*, unless the numbering deliberately continues across sections (see below).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import i18n
from ..engine import Context
from ..facts.outline import Sequence, label_for, sequences
from ..finding import Edit, Hit, replace_within
from ..parsing.tree import Plan, Section

LATIN_NEXT = {4: 6}  # after d): e) in the Latin alphabet where the Vietnamese one has đ)
RANK = {"part": 0, "roman": 1, "arabic": 2, "decimal": 3, "point": 4, "paren": 5}  # the usual nesting order


@dataclass(slots=True)
class Anomaly:
    kind: str  # wrong-start | skipped | repeated | out-of-order | latin-point | mixed-kind
    section: Section
    expected: str  # the marker that should stand there, as printed
    found: str
    previous: Section | None = None
    expected_value: int = 0


def anomalies(plan: Plan) -> list[Anomaly]:
    out: list[Anomaly] = []
    for seq in plan.fact(sequences):
        out.extend(_check_sequence(seq))
    return out


def _check_sequence(seq: Sequence) -> list[Anomaly]:
    items = seq.items
    out: list[Anomaly] = []
    expected = seq.start
    seen: set[int] = set()
    skip_next = False
    for i, item in enumerate(items):
        if skip_next:
            skip_next = False
            continue
        m = item.marker
        v = m.value
        nxt = items[i + 1].marker.value if i + 1 < len(items) else None
        prev = items[i - 1] if i else None
        if v == expected:
            seen.add(v)
            expected = v + 1
            continue
        if i > 0 and v == expected + 1 and nxt == expected:
            # two items swapped (1, 3, 2, 4): one mistake, reported once
            out.append(Anomaly("out-of-order", item, label_for(m, expected), m.display(), prev, expected))
            seen.update((v, expected))
            expected = v + 1
            skip_next = True
            continue
        if m.kind == "point" and prev is not None and LATIN_NEXT.get(prev.marker.value) == v and expected == 5:
            # a) b) c) d) e): the Latin alphabet where the Vietnamese one has đ)
            out.append(Anomaly("latin-point", item, label_for(m, 5), m.display(), prev, 5))
            seen.add(v)
            expected = v + 1
            continue
        exp_label = label_for(m, expected)
        parent = seq.parent
        if (i == 0 and parent is not None and parent.marker.numbered and parent.marker.kind != m.kind
                and v == parent.marker.value + 1 and v > 1
                and RANK.get(m.kind, 9) <= RANK.get(parent.marker.kind, 9)):
            # a) b) 3.: the count of the parent's sequence goes on with a marker of a kind that
            # never nests under it (I. then 2. is a missing 1., reported as a wrong start)
            out.append(Anomaly("mixed-kind", item, label_for(parent.marker, v), m.display(), parent, v))
            seen.add(v)
            expected = v + 1
            continue
        if i == 0:
            out.append(Anomaly("wrong-start", item, exp_label, m.display(), None, expected))
            seen.add(v)
            expected = expected + 1 if nxt == expected + 1 else v + 1
            continue
        if v in seen:
            kind = "repeated"
        elif v > expected:
            kind = "skipped"
        else:
            kind = "out-of-order"
        out.append(Anomaly(kind, item, exp_label, m.display(), prev, expected))
        seen.add(v)
        if nxt is not None and nxt == expected + 1:
            expected += 1  # misnumbered: the count goes on as if it were right
        else:
            expected = v + 1  # the sequence restarts from here
    return out


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
    ctx.verdict("sequence", a.section.marker.span, i18n.seq(f"{prev}{a.found}: ", i18n.Word("verdict.expected"),
                                                            f" {a.expected}"), False)


def start_verdicts(ctx: Context) -> None:
    """One verdict a sequence: the numbers it holds and whether it starts where it should."""
    wrong = {id(a.section) for a in ctx.facts(anomalies) if a.kind == "wrong-start"}
    for seq in ctx.facts(sequences):
        first = seq.items[0]
        marks = " ".join(s.marker.display() for s in seq.items)
        how = i18n.Word("verdict.starts_at" if seq.start == 1 else "verdict.carries_on_at")
        ctx.verdict("sequence", first.marker.span, i18n.seq(f"{marks}: ", how, f" {first.marker.display()}"),
                    id(first) not in wrong)


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
