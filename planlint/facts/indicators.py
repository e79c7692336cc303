"""Indicators: the figures a document gives for one named indicator, to find one stated twice.

A plan states its targets in one section and again in its tasks, a report states a result in
its summary and again in the detail: the same indicator must have the same value. Each
paragraph's typed token stream (``planlint.scan.tokens``, as the figure reader makes it) is cut
into clauses (at ``;`` and full stops, brackets left out) and segments (at commas); a segment
is an indicator **mention** when it is a label, verbs, and one figure (``tỷ lệ hộ nghèo giảm còn
2,5%``, ``Tổng giá trị sản xuất đạt 1.250 tỷ đồng``), or a lead-in, a colon and the figure
(``Thu nhập bình quân đầu người: 72 triệu đồng``). Its identity is, from ``rules/indicators.toml``:

* the **label**: the words before the figure, their edges taken off (``phấn đấu``, ``trên địa
  bàn xã``) and spellings unified; it must start with an indicator's head word (``tỷ lệ``,
  ``tổng giá trị``) and have at least ``min_words`` words;
* the **unit** as printed (``%``, ``tỷ đồng``) and the figure's qualifier (``dưới 10%``);
* what the figure says: a level (``còn 2,5%``) or a change (``giảm 0,5%``, up or down);
* the **years** named in the statement, else in the headings above it, else in the title;
  the **parts of a year** (``6 tháng``, ``quý``) and the **places** (``Thôn Đông``) named in the
  statement, its lead-in or the headings above it;
* the **mode**, a target or an actual: the first mode word outside the label in the
  statement, its paragraph, then the nearest heading that has one; in a plan the rest are
  targets; in any other document a statement with no mode word is not compared.

Tables add their own mentions (``table_mentions``): a value column that says plan or actual and
names its year, on each top row named by an indicator, with the row's unit.

Two mentions are of one indicator only when all of this agrees; they conflict when their values,
each within half a unit of its last printed place, cannot be equal (DOMAIN.md, "Numbers and
units"). Two mentions in one paragraph are never compared (a paragraph that gives two years or
two places of one indicator says so itself).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from ..i18n import Word, say, seq
from ..parsing.tree import Plan, Section, Span
from ..phrases import words_re
from ..scan.tokens import Tok
from . import FactRow
from .quantities import Quantity, blocks
from .statements import quantities_by_block, token_stream

_FIG = frozenset({"NUM", "PCT"})
_CUES = frozenset({"VERB", "REACH", "UP", "DOWN"})
_LABEL_RUN = frozenset({"LABEL", "TOTAL", "NUMX"})
# a segment with one of these is a comparison, a breakdown or a list, not a plain statement
_REFUSE = frozenset({"COMPARE", "PLAN", "PAST", "IN_WHICH", "CONSIST", "RESPECTIVELY", "TIMES", "EXCEED",
                     "DATE", "DASH"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True, slots=True)
class Identity:
    label: str
    unit: str
    qual: str
    says: str  # "level" | "up" | "down"
    mode: str  # "target" | "actual"
    years: tuple[int, ...]
    periods: tuple[str, ...]
    places: tuple[str, ...]
    context: str  # the lead-in before a colon that the label belongs to ("cơ cấu vốn đầu tư")


@dataclass(slots=True)
class Mention:
    block: int  # the paragraph's index; a table's: -1 - its index (one table is one place)
    label: str  # as printed
    value: Decimal
    half: Decimal  # half a unit of the last printed place (0: a whole count)
    printed: str  # the figure as printed, qualifier included
    span: Span
    identity: Identity


@dataclass(slots=True)
class Repeat:
    """An indicator stated again with another value: ``first`` before ``again``."""

    first: Mention
    again: Mention


@functools.cache
def _data() -> dict:
    from ..data import vocabulary

    return vocabulary("indicators")


@functools.cache
def _pattern(table: str, key: str = "words") -> re.Pattern[str]:
    return words_re([str(w) for w in _data().get(table, {}).get(key, [])])


@functools.cache
def _edges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    e = _data().get("edges", {})

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return (re.compile(r"^(?:" + alt(e.get("lead", [])) + r")(?![^\W\d_])\s*", re.IGNORECASE),
            re.compile(r"(?<![^\W\d_])(?:" + alt(e.get("trail", [])) + r")$", re.IGNORECASE))


@functools.cache
def _synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((words_re([str(k)]), str(v)) for k, v in _data().get("synonyms", {}).items())


def _strip_edges(t: str) -> str:
    """``t`` with its edge words (``rules/indicators.toml``) taken off, until none is left."""
    lead, trail = _edges()
    while True:
        before = t
        t = trail.sub("", lead.sub("", t)).strip()
        if t == before:
            return t


def normalise(label: str) -> str:
    """The label's words, lower-cased, edges off, one spelling a word: ``"Phấn đấu giảm tỉ lệ hộ
    nghèo trên địa bàn xã"`` -> ``"tỷ lệ hộ nghèo"``."""
    t = " ".join(re.sub(r"[^\w%/]+", " ", label.lower()).split())
    for pat, to in _synonyms():
        t = pat.sub(to, t)
    return _strip_edges(t)


def trim(label: str) -> str:
    """The label as printed, its edge words taken off: ``"phấn đấu tổng giá trị sản xuất"`` ->
    ``"tổng giá trị sản xuất"``."""
    t = " ".join(label.split()).strip(" ,;:-+*")
    return _strip_edges(t)


def _is_indicator(label: str) -> bool:
    if len(label.split()) < int(_data().get("heads", {}).get("min_words", 3)):
        return False
    m = _pattern("heads").match(label)
    return m is not None and m.start() == 0


def _places(text: str) -> set[str]:
    """Places named in ``text``: a place word followed by a capitalised name or a number (an
    all-capitals heading names none: ``KINH TẾ - XÃ HỘI 6 THÁNG``)."""
    out = set()
    for m in _pattern("places").finditer(text):
        rest = text[m.end():].split(None, 3)
        name = []
        for w in rest:
            w = w.strip(",;:.()")
            if w and (w[0].isupper() and not w.isupper() or w.isdigit()):
                name.append(w)
            else:
                break
        if name:
            out.add(" ".join([m.group(0).lower(), *name]).lower())
    return out


def _first_mode(text: str) -> tuple[int, str]:
    """Where the first mode word of ``text`` starts and its mode (``len(text)``, "" if none)."""
    best = (len(text), "")
    for mode in ("target", "actual"):
        m = _pattern("modes", mode).search(text)
        if m and m.start() < best[0]:
            best = (m.start(), mode)
    return best


def _mode(text: str) -> str:
    """``target``, ``actual`` or "" from the first mode word of ``text``."""
    return _first_mode(text)[1]


def context(lead: str) -> str:
    """What a lead-in adds to a label: its words without years, numbers, mode and period words
    and the words that only introduce (``Phấn đấu đến năm 2026:`` adds nothing, ``Nam giới:``
    and ``Cơ cấu vốn đầu tư:`` do)."""
    t = lead.lower()
    for pat in (_pattern("modes", "target"), _pattern("modes", "actual"), _pattern("periods"),
                _pattern("context", "ignore")):
        t = pat.sub(" ", t)
    t = re.sub(r"[^\w]+|\d+", " ", t)
    return normalise(t)


def _ancestors(plan: Plan) -> dict[int, list[Section]]:
    """``id(section)`` -> its ancestors and itself, outermost first."""
    out: dict[int, list[Section]] = {}

    def walk(s: Section, chain: list[Section]) -> None:
        here = [*chain, s]
        out[id(s)] = here
        for c in s.children:
            walk(c, here)

    for roots in (plan.body, *plan.appendices):
        for s in roots:
            walk(s, [])
    return out


def _split(toks: list[Tok]) -> list[list[Tok]]:
    """Clauses of a token stream: cut at ``;`` and full stops, bracketed tokens left out."""
    out: list[list[Tok]] = [[]]
    depth = 0
    for t in toks:
        if t.kind == "LPAR":
            depth += 1
        elif t.kind == "RPAR":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif t.kind in ("SEMI", "DOT"):
            out.append([])
        else:
            out[-1].append(t)
    return [c for c in out if c]


def _segments(clause: list[Tok]) -> list[list[Tok]]:
    out: list[list[Tok]] = [[]]
    for t in clause:
        if t.kind == "COMMA":
            out.append([])
        else:
            out[-1].append(t)
    return out


def _years(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(y) for y in _YEAR.findall(text)}))


def _read(seg: list[Tok]) -> tuple[int, int, Quantity, str] | None:
    """``(label start, label end, figure, says)`` of a plain statement segment, or None."""
    figs = [i for i, t in enumerate(seg) if t.kind in _FIG]
    if len(figs) != 1 or any(t.kind in _REFUSE for t in seg):
        return None
    f = figs[0]
    q = seg[f].payload
    if q is None or q.unit is None or q.rng is not None or q.ambiguous:
        return None
    if any(t.kind != "LABEL" for t in seg[f + 1:]):
        return None  # only words may follow the figure
    k = f - 1
    cues = []
    while k >= 0 and seg[k].kind in _CUES | {"YEAR"}:
        cues.append(seg[k].kind)
        k -= 1
    if k < 0:
        return -1, -1, q, _says([], cues)  # the figure alone: its label is the lead-in
    if seg[k].kind not in _LABEL_RUN:
        return None
    end = k
    # a verb between two runs of words is inside the label ("sản lượng lương thực có hạt")
    while k >= 0 and (seg[k].kind in _LABEL_RUN or seg[k].kind == "VERB" and k > 0 and seg[k - 1].kind == "LABEL"):
        k -= 1
    before = [t.kind for t in seg[:k + 1]]
    if any(x not in _CUES | {"LABEL", "YEAR", "COLON"} for x in before):
        return None
    return seg[k + 1].start, seg[end].end, q, _says(before, cues)


def _says(before: list[str], cues: list[str]) -> str:
    """A level (``còn 2,5%``, ``giảm xuống còn``) or a change up or down (``giảm 0,5%``)."""
    moves = [x for x in [*before, *cues] if x in ("UP", "DOWN")]
    if moves and "VERB" not in cues:
        return "up" if moves[-1] == "UP" else "down"
    return "level"


def _context(plan: Plan) -> tuple[dict[int, list[Section]], tuple[int, ...], bool]:
    from .header import extract as header
    from .kind import extract as kind

    h = plan.fact(header)
    title = tuple(range(h.title_years[0], h.title_years[1] + 1)) if h.title_years else ()
    return _ancestors(plan), title, plan.fact(kind).is_plan


def mentions(plan: Plan) -> list[Mention]:
    """Every plain statement of a named indicator's value, in document order."""
    out: list[Mention] = []
    by_block = plan.fact(quantities_by_block)
    chains, title_years, is_plan = _context(plan)
    for bi, b in enumerate(plan.fact(blocks)):
        if b.part not in ("body", "heading"):
            continue
        qs = by_block.get(bi, [])
        if not any(q.role == "quantity" and q.unit is not None for q in qs):
            continue
        text = b.paragraph.text
        chain = chains.get(id(b.section), []) if b.section is not None else []
        heads = [s.heading.text for s in reversed(chain) if s.heading is not b.paragraph]
        para_mode = _first_mode(text)  # once a paragraph: a clause reads it if it starts before the clause
        for clause in _split(token_stream(text, qs)):
            colon = next((i for i, t in enumerate(clause) if t.kind == "COLON"), -1)
            lead = text[clause[0].start:clause[colon].start] if colon > 0 else ""
            body = clause[colon + 1:]
            segs = _segments(body)
            since = 0  # the segments after the last one with a figure: what the next figure is said under
            for si, seg in enumerate(segs):
                if si and any(t.kind in _FIG for t in segs[si - 1]):
                    since = si
                got = _read(seg)
                if got is None:
                    continue
                ls, le, q, says = got
                if ls < 0:
                    if si or not lead or any(t.kind in _REFUSE | _FIG for t in clause[:colon]):
                        continue
                    ls, le = clause[0].start, clause[colon].start  # "Thu nhập bình quân: 72 triệu đồng"
                    lead = ""
                label = text[ls:le]
                key = normalise(label)
                if not _is_indicator(key):
                    continue
                # what the statement says about time, place and mode, from itself outwards
                prev = [t for s in segs[since:si] for t in s]
                own = text[seg[0].start:seg[-1].end]
                lead_prev = lead + " " + (text[prev[0].start:prev[-1].end] if prev else "")
                outside = own.replace(label, " ")
                years = _years(outside) or _years(lead_prev) or next(
                    (y for y in (_years(h) for h in heads) if y), ()) or title_years
                periods = {m.group(0).lower() for t in (outside, lead_prev, *heads)
                           for m in _pattern("periods").finditer(t)}
                places = set().union(_places(outside), _places(lead_prev), *(_places(h) for h in heads))
                before = para_mode[1] if para_mode[0] < clause[0].start else ""
                mode = _mode(outside) or _mode(lead_prev) or before or next(
                    (m for m in (_mode(h) for h in heads) if m), "") or ("target" if is_plan else "")
                if not mode:
                    continue
                qual = "" if q.qual == "~" else q.qual  # "khoảng", "ước đạt": a value all the same
                # the lead-in of the clause, else a parent bullet ending with a colon ("- Cơ cấu vốn:")
                ctx = context(lead)
                if not ctx and chain and chain[-1].heading is b.paragraph and len(chain) > 1:
                    parent = chain[-2].heading.text.strip()
                    ctx = context(parent) if parent.endswith(":") else ""
                ident = Identity(key, " ".join(q.unit_text.lower().split()), qual, says, mode, years,
                                 tuple(sorted(periods)), tuple(sorted(places)), ctx)
                out.append(Mention(bi, trim(label), q.value, q.half_unit, q.printed, q.span, ident))
    return out


def table_mentions(plan: Plan) -> list[Mention]:
    """The cells of a table's value columns whose column says plan or actual and names its year,
    on rows named by an indicator that stand at the top of the table (not a part of another)."""
    from .tables import tables

    out = []
    for t in plan.fact(tables):
        if not t.understood:
            continue
        for col in t.columns:
            mode = {"plan": "target", "actual": "actual", "estimate": "actual"}.get(col.kind, "")
            if col.role != "value" or not mode or col.year is None:
                continue
            periods = tuple(sorted({m.group(0).lower() for m in _pattern("periods").finditer(col.header)}))
            for r in t.rows:
                v = r.values.get(col.index)
                key = normalise(r.label)
                if v is None or r.parent is not None or r.total or r.within or r.heading or not _is_indicator(key):
                    continue
                unit = " ".join(r.unit.lower().split()) or ("%" if v.pct else "")
                if not unit:
                    continue
                ident = Identity(key, unit, "", "level", mode, (col.year,), periods, (), "")
                shown = v.raw if v.pct else f"{v.raw}%" if unit == "%" else f"{v.raw} {' '.join(r.unit.split())}"
                out.append(Mention(-1 - t.index, trim(r.label), v.value, v.half, shown, v.span, ident))
    return out


def _differ(a: Mention, b: Mention) -> bool:
    """Whether two values, each within half a unit of its last printed place, cannot be equal."""
    return abs(a.value - b.value) > a.half + b.half


def repeats(plan: Plan) -> list[Repeat]:
    """Each mention whose indicator was stated before, in another paragraph, with another value
    (against the first statement of it)."""
    first: dict[Identity, Mention] = {}
    out = []
    for m in sorted([*plan.fact(mentions), *plan.fact(table_mentions)], key=lambda m: m.span.start):
        f = first.get(m.identity)
        if f is None:
            first[m.identity] = m
        elif f.block != m.block and _differ(f, m):
            out.append(Repeat(f, m))
    return out


def inventory(plan: Plan) -> list[FactRow]:
    rows = []
    for m in [*plan.fact(mentions), *plan.fact(table_mentions)]:
        i = m.identity
        where = [x for x in (" ".join(map(str, i.years)), " ".join(i.periods), " ".join(i.places),
                             i.context and say("grouping.under", context=i.context)) if x]
        said = [Word(f"grouping.{i.mode}"), *([Word(f"grouping.{i.says}")] if i.says != "level" else []), *where]
        text = seq(f"{i.label} [", seq(*said, sep=", "), f"]: {m.printed}")
        rows.append(FactRow("indicator" if m.block >= 0 else "indicator (table)", m.span, text, {
            "label": i.label, "value": str(m.value), "unit": i.unit, "mode": i.mode, "says": i.says,
            "years": list(i.years), "periods": list(i.periods), "places": list(i.places), "context": i.context}))
    return rows
