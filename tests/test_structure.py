"""S rules: per-rule bad/good/fixed cases and property tests over generated outlines."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planlint.engine import lint
from planlint.parsing.lines import POINT_ALPHABET, to_roman

HEAD = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2026\n\n"


def s_findings(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint(HEAD + text) if f.code.startswith("S")]


def line_of(text: str, needle: str) -> int:
    return (HEAD + text).split("\n").index(needle) + 1


def test_the_real_pattern_i_ii_ii_iii_gives_one_finding():
    text = "I. MỤC TIÊU\n\nII. NỘI DUNG\n\nII. Chỉ tiêu thi đua:\n\n1. Về kinh tế\n\nIII. TỔ CHỨC\n"
    assert s_findings(text) == [("S103", line_of(text, "II. Chỉ tiêu thi đua:"))]


def test_message_names_expected_marker():
    (f,) = [f for f in lint(HEAD + "I. A\n\nII. B\n\nII. C\n\nIII. D\n") if f.code == "S103"]
    assert f.message == "II. appears twice; expected III."
    (f,) = [f for f in lint(HEAD + "I. A\n\nII. B\n\nII. C\n\nIII. D\n", _vi()) if f.code == "S103"]
    assert f.message == "II. bị lặp lại; lẽ ra là III."


def _vi():
    from planlint.config import Config

    return Config(lang="vi")


def test_numbering_continued_across_sections_is_deliberate():
    text = "I. A\n\n1. a\n\n2. b\n\nII. B\n\n3. c\n\n4. d\n\nIII. C\n\n5. e\n"
    assert s_findings(text) == []
    # but a second part that starts at a number that does not follow on is a wrong start
    text = "I. A\n\n1. a\n\n2. b\n\nII. B\n\n4. c\n\n5. d\n"
    assert s_findings(text) == [("S101", line_of(text, "4. c"))]


def test_missing_first_item_is_a_wrong_start_not_a_mixed_marker():
    text = "I. A\n\n2. a\n\n3. b\n"
    assert s_findings(text) == [("S101", line_of(text, "2. a"))]


def test_sequences_restart_under_each_parent():
    text = "I. A\n\n1. a\n\n2. b\n\nII. B\n\n1. c\n\n2. d\n"
    assert s_findings(text) == []


def test_bullets_and_numbered_bullets():
    text = "1. A\n\n- (1) x\n- (2) y\n- (2) z\n(4) t\n"
    assert s_findings(text) == [("S103", line_of(text, "- (2) z"))]


# -- property tests -------------------------------------------------------------------------------


@dataclass
class Item:
    kind: str
    value: int
    depth: int
    prefix: tuple[int, ...] = ()


def label(kind: str, value: int, prefix: tuple[int, ...] = ()) -> str:
    if kind == "roman":
        return f"{to_roman(value)}."
    if kind == "arabic":
        return f"{value}."
    if kind == "decimal":
        return ".".join(map(str, (*prefix, value))) + "."
    if kind == "point":
        return f"{POINT_ALPHABET[value - 1]})"
    return f"({value})"


LEVEL_KINDS = [("roman", "arabic", "point", "paren"), ("roman", "arabic", "decimal", "paren")]


@st.composite
def outlines(draw):
    """A clean outline: Roman parts, Arabic items, then points or decimals, then (n) items."""
    kinds = draw(st.sampled_from(LEVEL_KINDS))
    md = draw(st.booleans())
    items: list[Item] = []

    def level(depth: int, prefix: tuple[int, ...]) -> None:
        if depth >= len(kinds):
            return
        n = draw(st.integers(min_value=0 if depth else 1, max_value=5 if depth < 2 else 4))
        kind = kinds[depth]
        limit = len(POINT_ALPHABET) if kind == "point" else 30
        for v in range(1, min(n, limit) + 1):
            items.append(Item(kind, v, depth, prefix if kind == "decimal" else ()))
            level(depth + 1, (*prefix, v) if kind in ("arabic", "decimal") else prefix)

    level(0, ())
    return items, md


def render(items: list[Item], md: bool) -> tuple[str, list[int]]:
    lines = []
    line_nos = []
    base = len(HEAD.split("\n"))
    for k, it in enumerate(items):
        head = "#" * (it.depth + 2) + " " if md and it.depth < 2 else ""
        line_nos.append(base + len(lines))
        lines.append(f"{head}{label(it.kind, it.value, it.prefix)} Nội dung mục {k}")
        lines.append("")
    return "\n".join(lines) + "\n", line_nos


@settings(max_examples=120, deadline=None)
@given(outlines())
def test_clean_outline_gives_no_s_finding(data):
    items, md = data
    text, _ = render(items, md)
    assert s_findings(text) == []


def siblings(items: list[Item], i: int) -> list[int]:
    """Indexes of the items in the same sequence as item i."""
    it = items[i]
    # walk back to the parent (first shallower item before i)
    start = next((k for k in range(i - 1, -1, -1) if items[k].depth < it.depth), -1)
    out = []
    for k in range(start + 1, len(items)):
        if items[k].depth < it.depth:
            break
        if items[k].depth == it.depth:
            out.append(k)
    return out


@settings(max_examples=200, deadline=None)
@given(outlines(), st.data())
def test_one_perturbation_gives_exactly_one_finding_on_its_line(data, draw):
    items, md = data
    i = draw.draw(st.integers(0, len(items) - 1))
    seq = siblings(items, i)
    pos = seq.index(i)
    it = items[i]
    op = draw.draw(st.sampled_from(["duplicate", "delete", "reletter"]))
    items = list(items)
    if op == "duplicate":
        # insert a copy of the item's marker right after the item and its children
        end = next((k for k in range(i + 1, len(items)) if items[k].depth <= it.depth), len(items))
        items.insert(end, Item(it.kind, it.value, it.depth, it.prefix))
        target, code = end, "S103"
    elif op == "delete":
        assume(0 < pos < len(seq) - 1)  # deleting the last item leaves a sound sequence
        end = next((k for k in range(i + 1, len(items)) if items[k].depth <= it.depth), len(items))
        del items[i:end]
        target, code = i, "S102"
    else:
        assume(pos > 0)
        limit = len(POINT_ALPHABET) if it.kind == "point" else 40
        new = draw.draw(st.integers(1, limit).filter(lambda w: w != it.value))
        # e) right after d) is the Latin-alphabet slip, reported by S105
        assume(not (it.kind == "point" and it.value == 5 and new == 6))
        items[i] = Item(it.kind, new, it.depth, it.prefix)
        target, code = i, ("S103" if new < it.value else "S102")
    text, line_nos = render(items, md)
    found = s_findings(text)
    assert found == [(code, line_nos[target])], (op, found, text)
