"""Word's automatic numbering beside the numbers a drafter typed (Word documents only).

The .docx adapter renders each automatic number as Word shows it and records it per rendered
line (``LaidOut.numbering``). This extractor turns those records into facts: where Word's number
stands, which list and level it belongs to, and the number typed right after it, if any (Word
then shows both: ``2. 3. Yêu cầu``). ``mixed_lists`` pairs them with the outline's sequences to
find lists where some items are Word's automatic numbers and others typed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .. import i18n
from ..parsing.lines import POINT_ALPHABET, match_marker, roman_value
from ..parsing.tree import Plan, Section, Span
from . import FactRow
from .outline import sequences


@dataclass(slots=True)
class AutoNumber:
    span: Span  # Word's number in the rendered text
    label: str  # as Word shows it: "II.", "1.2.", "a)", "•"
    kind: str  # marker kind it reads as (roman, arabic, point, paren, decimal, bullet)
    value: int
    list_key: str
    level: int
    line: Span  # the whole paragraph line
    typed: str = ""  # a number typed right after it, as typed
    typed_kind: str = ""
    typed_value: int = 0
    typed_span: Span | None = None


def _read(label: str) -> tuple[str, int]:
    """(kind, value) of a marker as the outline reader sees it."""
    mm = match_marker(label + " x")
    if mm is None:
        return "", 0
    kind, m = mm
    num = m.group("num")
    if kind == "roman":
        return kind, roman_value(num)[0]
    if kind in ("arabic", "paren"):
        return kind, int(num)
    if kind == "decimal":
        return kind, int(num.split(".")[-1])
    if kind == "point":
        return kind, POINT_ALPHABET.index(num) + 1 if num in POINT_ALPHABET else 0
    return kind, 0


def auto_numbers(plan: Plan) -> list[AutoNumber]:
    source = plan.source
    layout = getattr(source, "layout", None)
    if layout is None or not layout.numbering:
        return []
    out: list[AutoNumber] = []
    text = source.text
    for idx, info in sorted(layout.numbering.items()):
        if idx >= source.line_count:
            continue
        ls, le = source.line_bounds(idx)
        label = str(info["label"])
        start = ls + int(info["start"])
        if text[start:start + len(label)] != label:
            continue  # normalisation moved it: do not guess
        kind, value = _read(label)
        item = AutoNumber(Span(start, start + len(label)), label, kind, value, str(info["list"]),
                          int(info["level"]), Span(ls, le))
        rest_at = start + len(label)
        while rest_at < le and text[rest_at] in " \t\u00a0":
            rest_at += 1
        rest = text[rest_at:le]
        if rest.startswith("**"):
            rest_at += 2
            rest = rest[2:]
        mm = match_marker(rest)
        if mm is not None and mm[0] != "bullet" and kind and kind != "bullet":
            typed = mm[1].group(0).strip()
            tkind, tvalue = _read(typed)
            item.typed, item.typed_kind, item.typed_value = typed, tkind, tvalue
            item.typed_span = Span(rest_at, rest_at + len(typed))
        out.append(item)
    return out


@dataclass(slots=True)
class MixedList:
    typed: list[Section]  # items whose number was typed
    auto: list[Section]  # items numbered by Word


def mixed_lists(plan: Plan) -> list[MixedList]:
    """Sequences of the outline where Word's automatic numbers and typed numbers are mixed."""
    spans = [a.span for a in plan.fact(auto_numbers)]
    if not spans:
        return []
    starts = [sp.start for sp in spans]

    def automatic(section: Section) -> bool:  # the marker lies in Word's label ("- (%1)" shows "- (1)")
        k = bisect_right(starts, section.marker.span.start) - 1
        return k >= 0 and section.marker.span.end <= spans[k].end

    out = []
    for seq in sequences(plan):
        auto = [s for s in seq.items if automatic(s)]
        typed = [s for s in seq.items if not automatic(s)]
        if auto and typed:
            out.append(MixedList(typed, auto))
    return out


def inventory(plan: Plan) -> list[FactRow]:
    rows = []
    for a in plan.fact(auto_numbers):
        if a.kind == "bullet":
            continue
        shown = i18n.seq(i18n.say("fact.auto_number", label=a.label, list=a.list_key, level=a.level + 1),
                         i18n.say("fact.typed_after", typed=a.typed) if a.typed else "")
        rows.append(FactRow("auto number", a.span, shown,
                            {"label": a.label, "list": a.list_key, "level": a.level + 1, "typed": a.typed or None}))
    return rows
