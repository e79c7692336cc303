"""Outline facts: the numbered sequences of a plan and where each one breaks.

A sequence is the run of sibling sections that share a marker kind under one parent (the
Roman parts of the body, the ``1.`` items under ``II.``, the points under ``2.``…). Decimal items
form one sequence per prefix (``2.1``, ``2.2`` under ``2.``).

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

Continuation across sections: when a sequence under a parent starts at ``n + 1`` where the
same kind of sequence under the parent's previous sibling ended at ``n`` (``I.`` holds ``1.``-``3.``,
``II.`` holds ``4.``-``6.``), the plan numbers its items through the whole document on purpose and
nothing is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..parsing.lines import point_label, to_roman
from ..parsing.tree import Marker, Plan, Section
from . import FactRow

LATIN_NEXT = {4: 6}
RANK = {"part": 0, "roman": 1, "arabic": 2, "decimal": 3, "point": 4, "paren": 5}  # the usual nesting order  # after d): e) in the Latin alphabet where the Vietnamese one has đ)


@dataclass(slots=True)
class Sequence:
    parent: Section | None
    key: str
    items: list[Section]
    start: int = 1  # the number the sequence is expected to start at


@dataclass(slots=True)
class Anomaly:
    kind: str  # wrong-start | skipped | repeated | out-of-order | latin-point | mixed-kind
    section: Section
    expected: str  # the marker that should stand there, as printed
    found: str
    previous: Section | None = None
    expected_value: int = 0


def label_for(marker: Marker, value: int) -> str:
    """How the marker with ordinal ``value`` is printed in the same style as ``marker``."""
    if marker.kind == "roman" or (marker.kind == "part" and not marker.label.isdigit()):
        num = to_roman(value) if value > 0 else "?"
    elif marker.kind == "point":
        num = point_label(value)
    elif marker.kind == "decimal":
        num = ".".join(str(p) for p in (*marker.prefix, value))
    else:
        num = str(value)
    if marker.kind == "paren":
        return f"({num})"
    if marker.kind == "part":
        return f"{marker.word} {num}"
    return f"{num}{marker.delim}"


def sequences(plan: Plan) -> list[Sequence]:
    """Every numbered sequence in the plan, each with the items that take part in counting."""
    out: list[Sequence] = []
    previous: dict[int, Section] = {}  # id(section) -> its previous sibling of the same kind
    parents: list[tuple[Section | None, list[Section]]] = [(None, plan.body)]
    parents += [(s, s.children) for s in plan.sections() if s.children]
    parents += [(None, roots) for roots in plan.appendices]  # an appendix numbers afresh
    for _parent, children in parents:
        last: dict[str, Section] = {}
        for child in children:
            if child.marker.key in last:
                previous[id(child)] = last[child.marker.key]
            last[child.marker.key] = child
    last_value: dict[tuple[str, int], int] = {}  # (sequence key, id(parent)) -> last value
    for parent, children in parents:
        groups: dict[str, list[Section]] = {}
        for child in children:
            m = child.marker
            if not m.numbered or (m.kind == "point" and not m.valid):
                continue
            key = m.key
            if m.kind == "decimal" and (parent is None or parent.marker.kind not in ("arabic", "decimal")):
                key = f"{m.key}:{'.'.join(map(str, m.prefix))}"  # 1.1, 1.2 then 2.1: two sequences
            groups.setdefault(key, []).append(child)
        for key, items in groups.items():
            if parent is not None and parent.marker.kind in ("arabic", "decimal") and key.startswith("decimal"):
                # a 3.1 among the 2.1, 2.2 inside 2. is S107's (its prefix), not a repeat of 2.1
                number = (*parent.marker.prefix, parent.marker.value)
                own = [c for c in items if c.marker.prefix == number]
                if own:
                    items = own
            seq = Sequence(parent, key, items)
            first = items[0].marker.value
            if parent is not None:
                # numbering that deliberately continues from the parent's previous sibling
                prev = previous.get(id(parent))
                if prev is not None and first > 1 and last_value.get((key, id(prev))) == first - 1:
                    seq.start = first
                last_value[(key, id(parent))] = items[-1].marker.value
            out.append(seq)
    return out


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


@dataclass(slots=True)
class PrefixMismatch:
    section: Section
    parent: Section
    expected: str


def prefix_mismatches(plan: Plan) -> list[PrefixMismatch]:
    """Decimal items whose leading number is not their parent's (``3.1`` inside ``2.``)."""
    out = []
    # a misnumbered parent (2. printed 1.) is reported once, on itself: children that carry the
    # number it should have (2.1, 2.2) agree with the correction and are not reported again
    corrected = {id(a.section): a.expected_value for a in plan.fact(anomalies)}
    for parent in plan.sections():
        pm = parent.marker
        if pm.kind == "arabic":
            number: tuple[int, ...] = (pm.value,)
        elif pm.kind == "decimal":
            number = (*pm.prefix, pm.value)
        else:
            continue
        fixed = corrected.get(id(parent))
        alt = (*number[:-1], fixed) if fixed else None
        for child in parent.children:
            cm = child.marker
            if cm.kind == "decimal" and len(cm.prefix) == len(number) and cm.prefix not in (number, alt):
                expected = ".".join(str(p) for p in (*number, cm.value))
                out.append(PrefixMismatch(child, parent, expected))
    return out


def inventory(plan: Plan) -> list[FactRow]:
    """One row a numbered sequence, for ``planlint facts`` (the S rules' verdicts say where one breaks)."""
    rows = []
    for seq in plan.fact(sequences):
        where = seq.parent.marker.display() if seq.parent is not None else "top level"
        marks = " ".join(s.marker.display() for s in seq.items)
        rows.append(FactRow("sequence", seq.items[0].marker.span, f"{marks}  (under {where})",
                            {"under": where, "items": [s.marker.display() for s in seq.items]}))
    return rows
