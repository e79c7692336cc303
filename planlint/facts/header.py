"""Header facts: the plan's own number line, its own date and the years it covers.

* ``Số: 14/KH-UBND`` (``plan.header.number``): number, type code, issuer code, the spaces that
  do not belong (``Số: 21 /KH-UBND``), a blank number in a draft (``Số: /KH-UBND``). Party plans
  print ``Số 15-KH/ĐU``. An administrative document carries no year in its symbol (DOMAIN.md).
* ``Hương Lâm, ngày 29 tháng 01 năm 2024`` (``plan.header.place_date``): the date with its blank
  parts (``ngày tháng 01 năm 2025``) and the printed form of each part (ND30 leading zeros).
* The plan's years: what the title names (``năm 2025``, ``kế hoạch 5 năm (2021 - 2025)``),
  else the year of its own date. Checks that place deadlines, anniversaries and year names use them.

When the classifier found no number or date line, the paragraphs before the title are searched
once more (``Số 15-KH/ĐU`` without a colon, ``Hà Nội, 16/7/2021`` without ``ngày``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..data import vocabulary
from ..i18n import Seq, Word, say, seq
from ..parsing.tree import Paragraph, Plan, Span
from ..phrases import E, W, alt, words
from ..scan.dates import DateMention, display, scan
from . import FactRow

_NUMBER_WORD = alt(words("header", "header", "number"))
_NUMBER = re.compile(
    # runs of blanks are taken whole (possessive), so a line of tabs after "Số:" fails in linear time;
    # a blank number is placeholders ("…", "....", "_ _") separated by blanks, never ending in one
    r"^[ \t]*+" + _NUMBER_WORD + r"[ \t]*+:?(?P<sp0>[ \t]*+)"
    r"(?P<num>\d+|(?:[.…_](?:[ \t]*+[.…_])*+)?)(?P<sp1>[ \t]*+)(?P<s1>[/\-])(?P<sp2>[ \t]*+)"
    r"(?:(?P<year>\d{4})[ \t]*/[ \t]*)?"
    r"(?P<type>[^\s/\-]+?)(?P<sp3>[ \t]*)(?P<s2>[/\-])(?P<sp4>[ \t]*)"
    r"(?P<issuer>[^\s/|]+(?:[ \t]*-[ \t]*[^\s/\-|]+)*)[ \t.;,|]*$",
    re.IGNORECASE,
)
@functools.cache
def normative_codes() -> frozenset[str]:
    """Type codes a legal normative document may carry, with its year in the symbol
    (``06/2024/QĐ-UBND``): ``normative = true`` types and the legal types of doctypes.toml."""
    v = vocabulary("doctypes")
    codes = {t["code"].upper() for t in v["type"] if t.get("normative")}
    codes |= {t["code"].upper() for t in v.get("legal_type", []) if t["code"]}
    return frozenset(codes)


_NUMBER_START = re.compile(r"^[ \t]*" + _NUMBER_WORD + r"[ \t]*:?[ \t]*(?:\d|[.…_]|/)", re.IGNORECASE)
_NUMBER_WORD_START = re.compile(r"^[ \t]*" + _NUMBER_WORD + E)
_ALL_BLANK_DATE = re.compile(
    W + r"[\s.…_]*".join(alt(words("dates", "date", k)) for k in ("day", "month", "year")) + r"(?:[\s.…_]*)$",
    re.IGNORECASE)
_DATE_FORMS = ("long", "slash", "dash", "dot", "month-year")


@dataclass(slots=True)
class NumberLine:
    paragraph: Paragraph
    number: str  # "" when left blank
    type_code: str
    issuer: str
    party: bool  # "15-KH/ĐU"
    year: str  # a year printed in the symbol ("14/2024/KH-UBND"), "" when none
    symbol_start: int  # offsets of the symbol in the paragraph's text
    symbol_end: int
    type_start: int
    type_end: int
    stray: list[tuple[int, int]] = field(default_factory=list)  # spaces inside the symbol
    mixed: bool = False  # "14/KH/UBND", "14-KH-UBND": separators of neither form
    parsed: bool = True

    @property
    def blank(self) -> bool:
        return self.parsed and not self.number

    @property
    def symbol(self) -> str:
        return self.paragraph.text[self.symbol_start:self.symbol_end]

    @property
    def span(self) -> Span:
        return self.paragraph.span_of(self.symbol_start, self.symbol_end)


@dataclass(slots=True)
class PlanDate:
    paragraph: Paragraph
    mention: DateMention

    @property
    def span(self) -> Span:
        return self.paragraph.span_of(self.mention.start, self.mention.end)

    def first(self) -> date | None:
        return self.mention.first()

    def last(self) -> date | None:
        return self.mention.last()

    def display(self) -> str:
        m = self.mention
        if m.complete:
            return f"{m.day:02d}/{m.month:02d}/{m.year}"
        return display(m)


@dataclass(slots=True)
class HeaderFacts:
    number: NumberLine | None = None
    date: PlanDate | None = None
    title_years: tuple[int, int] | None = None  # years the title names (first, last)

    @property
    def period(self) -> tuple[int, int] | None:
        """The years the plan covers: the title's, else its own date's year."""
        if self.title_years:
            return self.title_years
        if self.date is not None and self.date.mention.year is not None:
            y = self.date.mention.year
            return (y, y)
        return None

    def reference_years(self) -> set[int]:
        """Years an event of this plan may fall in: its period and its own year (a plan for 2025
        issued in December 2024 covers both), and the next year when the title names none and
        the plan is dated in the last quarter."""
        years: set[int] = set()
        if self.title_years:
            years.update(range(self.title_years[0], self.title_years[1] + 1))
        if self.date is not None and self.date.mention.year is not None:
            y = self.date.mention.year
            years.add(y)
            m = self.date.mention.month
            if not self.title_years and m is not None and m >= 10:
                years.add(y + 1)
        return years


def parse_number_line(p: Paragraph) -> NumberLine | None:
    text = p.text
    m = _NUMBER.match(text)
    if m is None:
        if not _NUMBER_WORD_START.match(text):
            return None
        return NumberLine(p, "", "", "", False, "", 0, len(text), 0, 0, parsed=False)
    num = m.group("num").strip()
    num = num if num.isdigit() else ""
    party = m.group("s1") == "-" and m.group("s2") == "/"
    mixed = not party and not (m.group("s1") == "/" and m.group("s2") == "-")
    stray = []
    groups = ("sp2", "sp3", "sp4") if not num else ("sp1", "sp2", "sp3", "sp4")
    for g in groups:
        if m.group(g):
            stray.append(m.span(g))
    for g in ("issuer",):
        for sm in re.finditer(r"[ \t]+", m.group(g)):
            stray.append((m.start(g) + sm.start(), m.start(g) + sm.end()))
    sym_start = m.start("num") if num else m.start("s1")
    issuer = re.sub(r"[ \t]+", "", m.group("issuer"))
    return NumberLine(p, num, m.group("type"), issuer, party, m.group("year") or "", sym_start,
                      m.end("issuer"), m.start("type"), m.end("type"), stray, mixed)


def parse_plan_date(p: Paragraph) -> PlanDate | None:
    sc = scan(p.text)
    for d in sc.dates:
        if d.form in _DATE_FORMS:
            return PlanDate(p, d)
    m = _ALL_BLANK_DATE.search(p.text)
    if m:
        dm = DateMention(m.start(), m.end(), m.group(0), "long", blanks=("day", "month", "year"))
        return PlanDate(p, dm)
    return None


def _before_title(plan: Plan) -> list[Paragraph]:
    limit = plan.title.line.span.start if plan.title is not None else None
    if limit is None:
        return []
    out = [b.paragraph for b in plan.blocks() if b.paragraph.span.start < limit and b.part in ("header", "preamble")]
    return out


def _title_years(plan: Plan) -> tuple[int, int] | None:
    if plan.title is None:
        return None
    years: list[int] = []
    texts = [plan.title.line.text] + ([plan.title.summary.text] if plan.title.summary else [])
    for t in texts:
        sc = scan(t)
        long_ranges = {id(x) for r in sc.ranges for x in (r.start, r.end)
                       if r.start.year is not None and r.end.year is not None and r.end.year - r.start.year > 10}
        for d in sc.dates:
            # "kỷ niệm 50 năm … (1975 - 2025)" names an anniversary, not the plan's years
            if d.year is not None and d.valid and id(d) not in long_ranges:
                years.append(d.year)
    if not years:
        return None
    return (min(years), max(years))


def extract(plan: Plan) -> HeaderFacts:
    h = HeaderFacts()
    if plan.header.number is not None:
        h.number = parse_number_line(plan.header.number)
    if plan.header.place_date is not None:
        h.date = parse_plan_date(plan.header.place_date)
    if h.number is None or h.date is None:
        for p in _before_title(plan):
            if h.number is None and _NUMBER_START.match(p.text):
                h.number = parse_number_line(p)
            elif h.date is None and p is not plan.header.number and len(p.text) < 120:
                found = parse_plan_date(p)
                # "Tân An, ngày …", or a date line whose place was left out ("Ngày    tháng    năm 2025")
                at_start = found is not None and found.mention.start == len(p.text) - len(p.text.lstrip())
                placed = "," in p.text or (at_start and found is not None and found.mention.form == "long")
                if found is not None and found.mention.form in ("long", "slash", "dash", "dot") and placed:
                    h.date = found
    h.title_years = _title_years(plan)
    return h


def inventory(plan: Plan) -> list[FactRow]:
    h = plan.fact(extract)
    rows: list[FactRow] = []
    if h.number is not None:
        n = h.number
        text: Any
        if n.parsed:
            text = say("fact.number_line", number=n.number or Word("fact.blank"), type=n.type_code, issuer=n.issuer,
                       party=Word("fact.party_form") if n.party else "")
        else:
            text = say("fact.number_not_read", text=n.paragraph.text.strip())
        rows.append(FactRow("plan number", n.paragraph.span, text,
                            {"number": n.number, "type_code": n.type_code, "issuer": n.issuer, "party": n.party}))
    else:
        rows.append(FactRow("plan number", plan.title.line.span if plan.title else Span(0, 0),
                            say("fact.no_number_line", word=words("header", "header", "number")[0])))
    if h.date is not None:
        d = h.date
        blanks = seq(" (", Word("fact.blanks"), ": ", Seq(tuple(Word(f"date.{b}") for b in d.mention.blanks), ", "),
                     ")") if d.mention.blanks else ""
        rows.append(FactRow("plan date", d.span, seq(say("fact.plan_dated", date=d.display()), blanks),
                            {"day": d.mention.day, "month": d.mention.month, "year": d.mention.year,
                             "blanks": list(d.mention.blanks)}))
    else:
        rows.append(FactRow("plan date", plan.title.line.span if plan.title else Span(0, 0),
                            Word("fact.no_place_date")))
    if h.period is not None:
        a, b = h.period
        src = Word("fact.title" if h.title_years else "fact.plan_date")
        rows.append(FactRow("plan period", plan.title.line.span if plan.title else Span(0, 0),
                            say("fact.plan_covers", years=f"{a}" + (f"–{b}" if b != a else ""), source=src),
                            {"first_year": a, "last_year": b}))
    return rows
