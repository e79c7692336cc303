"""Outline facts: the numbered sequences of a plan, each with the items that take part in counting.

A sequence is the run of sibling sections that share a marker kind under one parent (the
Roman parts of the body, the ``1.`` items under ``II.``, the points under ``2.``…). Decimal items
form one sequence per prefix (``2.1``, ``2.2`` under ``2.``).

Continuation across sections: when a sequence under a parent starts at ``n + 1`` where the
same kind of sequence under the parent's previous sibling ended at ``n`` (``I.`` holds ``1.``-``3.``,
``II.`` holds ``4.``-``6.``), the plan numbers its items through the whole document on purpose and
its sequence starts at ``n + 1`` (``Sequence.start``).

Where a sequence breaks is the S rules' judgement (``planlint/checks/_structure.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Word, say
from ..parsing.lines import point_label, to_roman
from ..parsing.tree import Marker, Plan, Section
from . import FactRow


@dataclass(slots=True)
class Sequence:
    parent: Section | None
    key: str
    items: list[Section]
    start: int = 1  # the number the sequence is expected to start at


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


def inventory(plan: Plan) -> list[FactRow]:
    """One row a numbered sequence, for ``planlint facts`` (the S rules' verdicts say where one breaks)."""
    rows = []
    for seq in plan.fact(sequences):
        where = seq.parent.marker.display() if seq.parent is not None else "top level"
        marks = " ".join(s.marker.display() for s in seq.items)
        shown = say("fact.under", marks=marks, where=where if seq.parent is not None else Word("fact.top_level"))
        rows.append(FactRow("sequence", seq.items[0].marker.span, shown,
                            {"under": where, "items": [s.marker.display() for s in seq.items]}))
    return rows
