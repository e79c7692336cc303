"""Date facts: every date, range, period, phase, deadline, anniversary and year name of a plan.

Each paragraph is read once by ``planlint.scan.dates.scan``; this module gives the mentions their roles:

* a *citation date* belongs to a cited document (``facts/citations.py``);
* a *deadline* follows ``trước``, ``chậm nhất``, ``hạn chót``, ``đến hết`` (``deadline``) or
  ``vào``, ``trong`` (``event``): ``báo cáo trước ngày 05/12/2026``, ``tổng kết vào tháng 12/2025``;
* a *period* is ``N năm (A - B)`` (``kế hoạch 5 năm (2021 - 2025)``: inclusive, B − A + 1 = N) and a
  *term* ``nhiệm kỳ N năm (A - B)`` (B − A = N); a bare ``giai đoạn 2021 - 2025`` is a period without N;
* *phases* are ``Đợt 1``, ``Đợt 2`` … (or ``Giai đoạn 1``, ``Bước 1`` …) each followed by its range;
* an *anniversary* is ``kỷ niệm N năm …`` (also ``chào mừng``, or ``N năm`` right before a known
  event), with the fixed national event it names (``rules/anniversaries.toml``) and its range
  ``(A - B)`` when printed;
* a *year name* is ``Tết``/``Xuân``/``năm`` + stem + branch (``Tết Giáp Thìn``, ``rules/calendar.toml``);
* a *Roman ordinal* is ``lần thứ XIII``, ``khóa XV``, ``Đại hội XIV``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from ..data import vocabulary
from ..i18n import Seq, Word, say, seq
from ..parsing.lines import roman_value
from ..parsing.tree import Block, Paragraph, Plan, Span
from ..phrases import E, W, alt, phrase, words
from ..scan.dates import DateMention, DateRange, fold, fold_words, iso
from ..scan.spans import Matches, Positions
from ..table_cache import kept
from . import FactRow
from .citations import extract as citations
from .date_mentions import paragraph_scans


class _Patterns(NamedTuple):
    deadline_before: re.Pattern[str]  # "chậm nhất là" (hard) or "vào" (soft) just before a date
    topic_year: re.Pattern[str]  # "năm 2025" of a heading
    past: re.Pattern[str]  # "đã", "năm qua"
    n_years_before: re.Pattern[str]  # "kế hoạch 5 năm (" just before a range
    n_years_after: re.Pattern[str]  # "(5 năm)" just after a range
    plan_context: re.Pattern[str]  # "kế hoạch …" before the count
    elapsed: re.Pattern[str]  # "sau" just before the count
    term_before: re.Pattern[str]  # "nhiệm kỳ (" just before a range
    period_before: re.Pattern[str]  # "giai đoạn (" just before a range
    phase: re.Pattern[str]  # "Đợt 1", "Giai đoạn II"
    anniv: re.Pattern[str]  # "kỷ niệm 80 năm", "80 năm"
    dedicated: re.Pattern[str]  # "kỷ niệm" in the title
    anniv_next: re.Pattern[str]  # the event's name just after "N năm"
    lead_day: re.Pattern[str]  # "ngày " starting the event's name
    other_span: re.Pattern[str]  # "giai đoạn" between "N năm" and a range
    toward: re.Pattern[str]  # "hướng tới" before an anniversary
    ordinal: re.Pattern[str]  # "lần thứ XIII"
    year_words: tuple[str, ...]  # "năm" (lower case)
    opens: re.Pattern[str]  # "khai giảng", "khởi công": an event that something later closes
    closes: re.Pattern[str]  # "bế giảng", "hoàn thành"


@kept
def _patterns() -> _Patterns:
    """The cue patterns, built once from ``rules/dates.toml``."""
    def w(key: str) -> tuple[str, ...]:
        return words("dates", "timeline", key)

    year = alt(words("dates", "date", "year"))
    celebrate, nth = alt(w("celebrate")), alt(w("nth"))
    period = alt(w("period"))
    i = re.IGNORECASE
    anniv_first = sorted({p[0].lower() for p in w("celebrate")})
    return _Patterns(
        re.compile(rf"(?:{W}(?P<hard>{alt(w('deadline'))})|{W}(?P<soft>{alt(w('scheduled'))}))"
                   rf"(?:[ \t]+{alt(w('period_part'))})?[ \t]*,?[ \t]*$", i),
        re.compile(rf"{W}{year}[ \t]+((?:19|20)\d{{2}})(?![\d/.\-])", i),
        re.compile(phrase(w("past")), i),
        re.compile(rf"(?:(?P<kw>{celebrate})[ \t]+(?:{nth}[ \t]+)?)?(?:(?P<term>{alt(w('term'))})[ \t]+)?"
                   rf"(?<![\d.,])(?P<n>\d{{1,2}})[ \t]+{year}[ \t]*(?P<gd>{period}[ \t]*)?(?P<p>\()?[ \t]*"
                   rf"(?:{year}[ \t]*)?$", i),
        re.compile(rf"[ \t]*\([ \t]*(?P<n>\d{{1,2}})[ \t]+{year}[ \t]*\)", i),
        re.compile(rf"{phrase(w('plan'))}[^,;.()]{{0,60}}$", i),
        re.compile(rf"{W}{alt(w('elapsed'))}[ \t]*$", i),
        re.compile(rf"{W}{alt(w('term'))}[ \t]*(?:\([ \t]*)?$", i),
        re.compile(rf"{W}{period}[ \t]*(?:\([ \t]*)?$", i),
        re.compile(rf"{W}(?P<w>{alt(w('phase'))})[ \t]+(?P<k>\d{{1,2}}|[IVX]{{1,4}})(?![\w/.,\-]|[ \t]+{year})", i),
        re.compile(rf"(?=[{''.join(re.escape(c) for c in anniv_first)}\d])(?:(?:(?P<kw>{celebrate})[ \t]+"
                   rf"(?:{nth}[ \t]+)?)?(?<![\d.,/])(?P<n>\d{{1,3}})[ \t]+{year}{E})", i),
        re.compile(phrase(w("dedicated")), i),
        re.compile(rf"[ \t]*{alt(w('event'))}{E}", i),
        re.compile(rf"^[ \t]*{alt(words('dates', 'date', 'day'))}[ \t]+", i),
        re.compile(phrase(w("other_span")), i),
        re.compile(phrase(w("toward")), i),
        re.compile(rf"{W}(?P<ctx>{alt(w('ordinal'))})[ \t]+(?P<r>[IVXLCDM]{{1,9}})(?![\w])"),
        tuple(y.lower() for y in words("dates", "date", "year")),
        re.compile(phrase(w("opens")), i),
        re.compile(phrase(w("closes")), i),
    )


@dataclass(slots=True)
class Event:
    name: str
    day: date
    names: tuple[str, ...]  # folded
    not_followed_by: tuple[str, ...]  # folded


@dataclass(slots=True)
class Mention:
    """A date of the plan in its paragraph, with its role."""

    date: DateMention
    block: Block
    role: str = "other"  # citation | deadline | event | range | other
    hard: bool = False  # a true deadline word (trước, chậm nhất, hạn chót …)
    past: bool = False  # the clause speaks of the past (đã, vừa qua)
    # years the sentence (before the date) or the enclosing section's heading names as its topic
    # ("Kết quả năm 2024: hoàn thành trước ngày 30/11/2024 …")
    topic_years: frozenset[int] = frozenset()

    @property
    def paragraph(self) -> Paragraph:
        return self.block.paragraph

    @property
    def span(self) -> Span:
        return self.paragraph.span_of(self.date.start, self.date.end)

    def part_span(self) -> Span:
        d = self.date
        if d.problem_start >= 0:
            return self.paragraph.span_of(d.problem_start, d.problem_end)
        return self.span


@dataclass(slots=True)
class RangeFact:
    range: DateRange
    block: Block
    role: str = "plain"  # period | term | phase | anniversary | citation | plain
    stated_years: int | None = None  # N in "N năm (A - B)"
    plan_context: bool = False  # "kế hoạch 5 năm (2021 - 2025)": a plan period, counted inclusively
    n_start: int = -1
    n_end: int = -1
    parenthesised: bool = False

    @property
    def paragraph(self) -> Paragraph:
        return self.block.paragraph

    @property
    def span(self) -> Span:
        return self.paragraph.span_of(self.range.begin, self.range.finish)

    def text(self) -> str:
        return self.paragraph.text[self.range.begin:self.range.finish]


@dataclass(slots=True)
class Phase:
    word: str  # "Đợt"
    number: int
    label: str  # "Đợt 1"
    range: RangeFact | None
    block: Block
    start: int
    past: bool = False  # its paragraph tells of the past (đã, vừa qua): a report, not a schedule


@dataclass(slots=True)
class Anniversary:
    block: Block
    n: int
    n_start: int
    n_end: int
    event: Event | None
    range: RangeFact | None
    toward: bool  # "hướng tới kỷ niệm …"
    phrase: str

    @property
    def span(self) -> Span:
        return self.block.paragraph.span_of(self.n_start, self.n_end)


@dataclass(slots=True)
class YearName:
    block: Block
    stem: str
    branch: str
    start: int
    end: int
    year: int | None  # a year printed with it ("Tết Mậu Thân 1968")
    historical: bool
    festive: bool = False  # after "Tết" or "Xuân" (a lunar new year), not after "năm"
    lunar: tuple[int, int] | None = None  # the lunar (day, month) it dates: "29 tháng Chạp năm Ất Tỵ"

    @property
    def span(self) -> Span:
        return self.block.paragraph.span_of(self.start, self.end)


@dataclass(slots=True)
class Ordinal:
    block: Block
    context: str
    roman: str
    start: int
    end: int
    value: int
    valid: bool

    @property
    def span(self) -> Span:
        return self.block.paragraph.span_of(self.start, self.end)


@dataclass(slots=True)
class EventOrder:
    """An opening and a closing event in one sentence, each with its full date ("khai giảng ngày
    05/9/2025 và bế giảng ngày 25/5/2026")."""

    block: Block
    opens: str
    opened: DateMention
    closes: str
    closed: DateMention

    @property
    def span(self) -> Span:
        return self.block.paragraph.span_of(self.closed.start, self.closed.end)

    @property
    def context(self) -> Span:
        return self.block.paragraph.span_of(self.opened.start, self.closed.end)


@dataclass(slots=True)
class DateFacts:
    mentions: list[Mention] = field(default_factory=list)
    ranges: list[RangeFact] = field(default_factory=list)
    phases: list[list[Phase]] = field(default_factory=list)  # series: Đợt 1, Đợt 2, …
    anniversaries: list[Anniversary] = field(default_factory=list)
    year_names: list[YearName] = field(default_factory=list)
    ordinals: list[Ordinal] = field(default_factory=list)
    event_orders: list[EventOrder] = field(default_factory=list)
    celebration: bool = False  # the plan is for an anniversary itself (kỷ niệm in its title): prepared ahead


# Vocabularies -------------------------------------------------------------------------------------

@functools.cache
def events() -> tuple[Event, ...]:
    out = []
    for e in vocabulary("anniversaries").get("event", []):
        y, m, d = (int(x) for x in str(e["date"]).split("-"))
        out.append(Event(e["name"], date(y, m, d), tuple(fold_words(n) for n in e["names"]),
                         tuple(fold_words(n) for n in e.get("not_followed_by", []))))
    return tuple(out)


def find_event(text: str) -> tuple[Event, int] | None:
    """The first fixed national event named in ``text`` and where (in folded words)."""
    words = " " + fold_words(text) + " "
    best: tuple[Event, int] | None = None
    for ev in events():
        for name in ev.names:
            start = 0
            while True:
                i = words.find(" " + name + " ", start)
                if i < 0:
                    break
                after = words[i + len(name) + 2:]
                if not any(after.startswith(nf + " ") for nf in ev.not_followed_by):
                    if best is None or i < best[1]:
                        best = (ev, i)
                    break
                start = i + 1
    return best


@functools.cache
def cycle() -> tuple[tuple[str, ...], tuple[str, ...], int]:
    v = vocabulary("calendar")
    return tuple(v["stems"]), tuple(v["branches"]), int(v.get("offset", 4))


def year_name(year: int) -> tuple[str, str]:
    stems, branches, off = cycle()
    return stems[(year - off) % 10], branches[(year - off) % 12]


def years_named(stem: str, branch: str) -> int | None:
    """The residue mod 60 of the years called ``stem branch`` (``None`` when no year is)."""
    stems, branches, off = cycle()
    s, b = stems.index(stem), branches.index(branch)
    for k in range(60):
        if k % 10 == s and k % 12 == b:
            return (k + off) % 60
    return None


@functools.cache
def _lunar_day_re() -> re.Pattern[str]:
    """A lunar day and month just before ``năm <year name>``: ``29 tháng Chạp``, ``ngày 15
    tháng 8 (âm lịch)``. A date whose year is named by the cycle is a lunar date."""
    months = alt(vocabulary("calendar").get("lunar_months", {}))
    month = alt(words("dates", "date", "month"))
    lunar = alt(words("dates", "timeline", "lunar"))
    return re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})[ \t]+{month}[ \t]+(?P<m>{months}|\d{{1,2}}){E}"
                      rf"[ \t]*(?:\(?[ \t]*{lunar}[ \t]*\)?)?[ \t]*,?[ \t]*$", re.IGNORECASE)


@functools.cache
def _year_name_re() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    stems, branches, _ = cycle()
    v = vocabulary("calendar")
    variants: dict[str, str] = {}  # lower case, tone marks kept: Tý and Tỵ differ only by them
    for b in branches:
        variants[b.lower()] = b
    for b, alts in v.get("variants", {}).items():
        for a in alts:
            variants[a.lower()] = b
    for s in stems:
        variants[s.lower()] = s
    ctx = v.get("context", {})
    year = alt(words("dates", "date", "year"))
    branch_alt = alt({*branches, *(a for al in v.get("variants", {}).values() for a in al)})
    pat = re.compile(
        rf"{W}{alt(ctx['before'])}[ \t]+(?P<stem>{alt(stems)})[ \t]+(?P<branch>{branch_alt}){E}"
        rf"(?:[ \t]*(?:\(?[ \t]*(?:{year}[ \t]*)?)(?P<year>(?:1[5-9]|20)\d{{2}})(?!\d))?",
        re.IGNORECASE,
    )
    hist = ctx.get("historical", [])
    hist_re = re.compile(phrase(hist), re.IGNORECASE) if hist else re.compile(r"(?!x)x")
    return pat, variants, hist_re


# Extraction ---------------------------------------------------------------------------------------

class _ClauseIndex:
    """A paragraph's stops and cue words, found once: each date's clause is then looked up by
    bisection instead of rescanning the paragraph per date (linear on long paragraphs)."""

    def __init__(self, text: str) -> None:
        self.semicolons = Positions(text, ";")
        self.dots = Positions(text, ".")
        self.stops = Positions(text, ". ")
        self.past = Matches(_patterns().past, text)
        self.topic_years = Matches(_patterns().topic_year, text)


def extract(plan: Plan) -> DateFacts:
    facts = DateFacts()
    title = plan.title
    if title is not None:
        title_text = title.line.text + " " + (title.summary.text if title.summary else "")
        facts.celebration = bool(_patterns().dedicated.search(title_text))
    flat: list[Phase] = []
    cited: dict[int, set[int]] = {}
    for c in plan.fact(citations):
        if c.date is not None:
            cited.setdefault(id(c.block.paragraph), set()).add(c.date.start)
    for block, sc in plan.fact(paragraph_scans):
        text = block.paragraph.text
        pid = id(block.paragraph)
        if block.part == "header" and block.paragraph is plan.header.place_date:
            for d in sc.dates:
                facts.mentions.append(Mention(d, block, "plan"))
        else:
            in_range = {id(x) for r in sc.ranges for x in (r.start, r.end)}
            idx = _ClauseIndex(text) if sc.dates else None
            for d in sc.dates:
                assert idx is not None
                m = Mention(d, block)
                if d.start in cited.get(pid, ()):
                    m.role = "citation"
                elif id(d) in in_range:
                    m.role = "range"
                elif d.form not in ("year",):
                    dl = _patterns().deadline_before.search(text, max(0, d.start - 40), d.start)
                    if dl is not None:
                        m.role = "deadline" if dl.group("hard") else "event"
                        m.hard = bool(dl.group("hard"))
                sentence_start = max(idx.dots.last_before(max(0, d.start - 1)), 0)
                clause_start = max(idx.semicolons.last_before(d.start), sentence_start)
                # a status report reads "Đến hết tháng 3/2024, xã đã đạt …": the past tense may
                # come after the date, anywhere in its clause
                ends = [i for i in (idx.semicolons.first_from(d.end), idx.stops.first_from(d.end)) if i != -1]
                clause_end = min(ends) if ends else len(text)
                m.past = idx.past.any_within(clause_start, clause_end)
                if m.role == "deadline":
                    heading = block.section.heading.text if block.section is not None else ""
                    in_sentence = idx.topic_years.within(sentence_start, d.start)
                    m.topic_years = (frozenset(int(y.group(1)) for y in in_sentence)
                                     | frozenset(int(y) for y in _patterns().topic_year.findall(heading)))
                facts.mentions.append(m)
        rfs = [_range_fact(block, r, cited.get(pid, set())) for r in sc.ranges]
        facts.ranges.extend(rfs)
        facts.anniversaries.extend(_anniversaries(block, rfs))
        flat.extend(_phases(block, rfs))
        facts.year_names.extend(_year_names(block))
        facts.ordinals.extend(_ordinals(block))
        if len(sc.dates) >= 2:
            taken = cited.get(pid, set()) | {x.start for r in sc.ranges for x in (r.start, r.end)}
            facts.event_orders.extend(_event_orders(block, [d for d in sc.dates if d.start not in taken]))
    facts.phases = _series(flat)
    return facts


def _range_fact(block: Block, r: DateRange, cited: set[int]) -> RangeFact:
    text = block.paragraph.text
    rf = RangeFact(r, block, parenthesised=r.parenthesised)
    if r.start.start in cited or r.end.start in cited:
        rf.role = "citation"
        return rf
    head_end = r.start.start if r.kind == "years" else r.begin
    m = _patterns().n_years_before.search(text, max(0, head_end - 40), head_end)
    if m is not None:
        rf.stated_years = int(m.group("n"))
        rf.n_start, rf.n_end = m.span("n")
        if m.group("kw"):
            rf.role = "anniversary"
        elif m.group("term") or _patterns().term_before.search(text, max(0, m.start() - 12), m.start()):
            rf.role = "term"
        else:
            rf.role = "period"
            before = text[max(0, m.start("n") - 80):m.start("n")]
            rf.plan_context = ((bool(_patterns().plan_context.search(before)) or bool(m.group("gd")))
                               and not _patterns().elapsed.search(before))
        rf.parenthesised = r.parenthesised or bool(m.group("p"))
    elif _patterns().term_before.search(text, max(0, head_end - 12), head_end):
        rf.role = "term"
    elif _patterns().period_before.search(text, max(0, head_end - 14), head_end):
        rf.role = "period"
        after = _patterns().n_years_after.match(text, r.finish)
        if after is not None:  # "giai đoạn 2026 - 2030 (5 năm)": a plan period, counted inclusively
            rf.stated_years = int(after.group("n"))
            rf.n_start, rf.n_end = after.span("n")
            rf.plan_context = True
    return rf


def _anniversaries(block: Block, rfs: list[RangeFact]) -> list[Anniversary]:
    text = block.paragraph.text
    found = []
    for m in _patterns().anniv.finditer(text):
        kw = bool(m.group("kw"))
        after = text[m.end():m.end() + 120]
        if after.lstrip().startswith("("):
            continue  # "5 năm (2021 - 2025)": a period
        if not kw:
            if not _patterns().anniv_next.match(after):
                continue
            # the event right after the count, named with its "Ngày" ("136 năm Ngày sinh Chủ tịch Hồ
            # Chí Minh") or after it ("50 năm Ngày giải phóng miền Nam")
            if (not _event_at_start(after[:100])
                    and not _event_at_start(_patterns().lead_day.sub("", after[:100], count=1))
                    and not _same_day_each_year(m.end(), rfs)):
                continue  # "N năm Ngày …" without a known event right after: not sure it is one
        found.append(m)
    out = []
    counts = [m.start() for m in _patterns().anniv.finditer(text)]  # every "N năm", taken or not
    for i, m in enumerate(found):
        stop = found[i + 1].start() if i + 1 < len(found) else len(text)
        # a bracket after another count ("80 năm … và 43 năm … (1982 - 2025)") belongs to that one
        stop = min([stop, *(c for c in counts if c > m.start())])
        semi = text.find(";", m.end(), stop)
        if semi >= 0:
            stop = semi
        stop = min(stop, m.end() + 250)
        phrase = text[m.end():stop]
        ev = find_event(phrase[:150])
        rng = None
        for rf in rfs:
            if not (m.end() <= rf.range.begin < min(stop, m.end() + 160)) or not rf.parenthesised:
                continue
            if rf.role in ("plain", "anniversary") and not _patterns().other_span.search(text, m.end(), rf.range.begin):
                rng = rf
                rf.role = "anniversary"
            break
        toward = bool(_patterns().toward.search(text, max(0, m.start() - 40), m.start()))
        out.append(Anniversary(block, int(m.group("n")), m.start("n"), m.end("n"),
                               ev[0] if ev else None, rng, toward, phrase))
    return out


def _event_at_start(text: str) -> bool:
    ev = find_event(text)
    return ev is not None and ev[1] <= 2


def _same_day_each_year(at: int, rfs: list[RangeFact]) -> bool:
    """Whether the first bracketed range after ``at`` (within 160 characters) runs between one day of
    the year in two years, as an anniversary does: "35 năm Ngày hội … (22/12/1989 - 22/12/2025)"."""
    for rf in rfs:
        if at <= rf.range.begin < at + 160 and rf.parenthesised:
            a, b = rf.range.start, rf.range.end
            return (a.day is not None and a.month is not None and a.year is not None and b.year is not None
                    and (a.day, a.month) == (b.day, b.month) and a.year < b.year)
    return False


_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n")


def _event_orders(block: Block, dates: list[DateMention]) -> list[EventOrder]:
    """An opening word with a full date right after it, then, later in the same sentence, a closing
    word with its full date ("khai giảng ngày 05/9/2025 và bế giảng ngày 25/5/2026")."""
    text = block.paragraph.text
    full = [d for d in dates if d.day and d.month and d.year and d.valid]

    def dated(at: int) -> DateMention | None:
        return next((d for d in full if at <= d.start <= at + 25 and not any(c in text[at:d.start] for c in ",;.")),
                    None)

    out = []
    for om in _patterns().opens.finditer(text):
        opened = dated(om.end())
        if opened is None:
            continue
        end = _SENTENCE_END.search(text, opened.end)
        cm = _patterns().closes.search(text, opened.end, end.start() if end else len(text))
        if cm is None:
            continue
        closed = dated(cm.end())
        if closed is not None:
            out.append(EventOrder(block, om.group(0).strip(), opened, cm.group(0).strip(), closed))
    return out


def _phases(block: Block, rfs: list[RangeFact]) -> list[Phase]:
    out: list[Phase] = []
    text = block.paragraph.text
    labels = list(_patterns().phase.finditer(text))
    for i, m in enumerate(labels):
        k = m.group("k")
        num = int(k) if k.isdigit() else roman_value(k.upper())[0]
        stop = labels[i + 1].start() if i + 1 < len(labels) else min(len(text), m.end() + 200)
        rng = None
        for rf in rfs:
            if m.end() <= rf.range.begin < stop and rf.role in ("plain", "period"):
                rng = rf
                rf.role = "phase"
                break
        out.append(Phase(fold(m.group("w")), num, m.group(0), rng, block, m.start(),
                         past=bool(_patterns().past.search(text))))
    return out


def _series(flat: list[Phase]) -> list[list[Phase]]:
    """Phases in runs ``Đợt 1, Đợt 2, …``: a run ends where the numbering starts again."""
    out: list[list[Phase]] = []
    for ph in flat:
        cur = out[-1] if out else None
        if cur is None or ph.word != cur[-1].word or ph.number != cur[-1].number + 1:
            out.append([ph])
        else:
            cur.append(ph)
    return out


def _year_names(block: Block) -> list[YearName]:
    pat, variants, hist = _year_name_re()
    text = block.paragraph.text
    out = []
    for m in pat.finditer(text):
        stem = variants.get(m.group("stem").lower(), m.group("stem"))
        branch = variants.get(m.group("branch").lower(), m.group("branch"))
        historical = bool(hist.search(text, max(0, m.start() - 40), m.start())
                          or _patterns().past.search(text, m.end(), min(len(text), m.end() + 25)))
        y = int(m.group("year")) if m.group("year") else None
        festive = not text[m.start():m.start("stem")].strip().lower().startswith(_patterns().year_words)
        lunar = None
        if not festive:
            lm = _lunar_day_re().search(text, max(0, m.start() - 40), m.start())
            if lm:
                month = lm.group("m")
                months = vocabulary("calendar").get("lunar_months", {})
                mv = int(month) if month.isdigit() else next(
                    (v for k, v in months.items() if k.lower() == month.lower()), 0)
                if 1 <= int(lm.group("d")) <= 30 and 1 <= mv <= 12:
                    lunar = (int(lm.group("d")), mv)
        out.append(YearName(block, stem, branch, m.start("stem"), m.end("branch"), y, historical, festive, lunar))
    return out


def _ordinals(block: Block) -> list[Ordinal]:
    out = []
    for m in _patterns().ordinal.finditer(block.paragraph.text):
        r = m.group("r")
        if any(ch not in "IVXLC" for ch in r):
            value, ok = 0, False
        else:
            value, ok = roman_value(r)
        out.append(Ordinal(block, m.group("ctx"), r, m.start("r"), m.end("r"), value, ok))
    return out


# Inventory ----------------------------------------------------------------------------------------

def _year_word() -> str:
    return words("dates", "date", "year")[0]


def _interval(d: DateMention) -> str:
    a, b = d.first(), d.last()
    if a is None or b is None:
        return d.display()
    return iso(a) if a == b else f"{iso(a)}…{iso(b)}"


def inventory(plan: Plan) -> list[FactRow]:
    facts = plan.fact(extract)
    rows: list[FactRow] = []
    for m in facts.mentions:
        if m.role in ("deadline", "event"):
            word = Word("fact.deadline" if m.hard else "fact.scheduled")
            rows.append(FactRow("date", m.span, seq(word, f" {m.date.display()} ({_interval(m.date)})"),
                                {"role": m.role, "date": m.date.display(), "past": m.past}))
        elif not m.date.valid:
            rows.append(FactRow("date", m.span,
                                say("fact.not_a_date", text=m.date.text.strip(), problem=m.date.refusal()),
                                {"role": m.role, "problem": m.date.problem}))
    for rf in facts.ranges:
        if rf.role == "citation":
            continue
        r = rf.range
        n = say("fact.stated_years", n=rf.stated_years, year=_year_word()) if rf.stated_years is not None else ""
        rows.append(FactRow("period", rf.span, seq(Word(f"range_role.{rf.role}"), f": {r.start.display()} → "
                            f"{r.end.display()} ({_interval(r.start).split('…')[0]} … "
                            f"{_interval(r.end).split('…')[-1]})", n),
                            {"role": rf.role, "start": r.start.display(), "end": r.end.display(),
                             "stated_years": rf.stated_years}))
    for series in facts.phases:
        labels = Seq(tuple(seq(f"{p.label} ", p.range.text().strip() if p.range else Word("fact.no_dates"))
                           for p in series), ", ")
        rows.append(FactRow("phases", series[0].block.paragraph.span_of(series[0].start, series[0].start + 1),
                            labels, {"count": len(series)}))
    for an in facts.anniversaries:
        ev: Any = (f"{an.event.name} ({an.event.day.year} + {an.n} = {an.event.day.year + an.n})" if an.event
                   else Word("fact.event_not_known"))
        rng = seq(", ", Word("fact.range"), f" {an.range.text().strip()}") if an.range else ""
        ahead = Word("fact.looking_ahead") if an.toward else ""
        rows.append(FactRow("anniversary", an.span, seq(f"{an.n} {_year_word()}: ", ev, rng, ahead),
                            {"n": an.n, "event": an.event.name if an.event else None}))
    for yn in facts.year_names:
        residue = years_named(yn.stem, yn.branch)
        rows.append(FactRow("year name", yn.span,
                            seq(say("fact.years_named", name=f"{yn.stem} {yn.branch}", residue=residue),
                                say("fact.printed_with", year=yn.year) if yn.year else ""),
                            {"stem": yn.stem, "branch": yn.branch}))
    return rows
