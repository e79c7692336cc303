"""Reading Vietnamese dates as drafters write them (DOMAIN.md, "Dates").

``scan(text)`` finds every date, partial date and range of a paragraph's text, each with its
offsets, the parts as printed and whether the calendar admits it:

* full dates: ``ngày 29 tháng 01 năm 2024``, ``ngày 16/7/2021``, ``16-7-2021``, ``30.3.2022``;
* partial dates: ``tháng 8 năm 2021``, ``tháng 7/2024``, ``tháng 10-2025``, ``5/1992`` (month/year),
  ``quý I/2025``, ``năm 2025``, ``ngày 02/9`` and ``ngày 15 tháng 6`` (no year), ``tháng 12``;
* placeholders of a draft: ``ngày tháng 01 năm 2025``, ``ngày … tháng … năm 2024``;
* broken dates from conversion: ``16/7/20 21``;
* ranges: ``từ ngày 01/3/2024 đến ngày 30/6/2024``, ``Từ tháng 8 năm 2021 đến cuối tháng 12 năm
  2021``, ``(Từ ngày 08 đến 10/12/2015)`` (the start takes month and year from the end),
  ``(5/1992 - 5/2022)``, ``giai đoạn 2021 - 2025``, ``2021-2025``, ``từ năm 2021 đến năm 2025``.

A partial date stands for an interval of days (``tháng 01 năm 2025`` is 01/01 … 31/01/2025):
comparisons use ``first``/``last`` so that only what is known is compared.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from ..i18n import render, say
from ..phrases import W, alt, phrase, words
from ..table_cache import kept

# blanks are taken whole (possessive): "ngày{_SP}(day)?{_SP},?{_SP}tháng" could otherwise split a run
# of n tabs three ways before failing (a 3 KB line of tabs after "ngày" took 20 s)
_SP = r"[ \t\u00a0]*+"
_BLANK = r"(?:[.…_](?:[ \t\u00a0]*+[.…_])*+)"
_NOT_BEFORE = r"(?<![\w/.,\-–])"


class _Patterns(NamedTuple):
    token: re.Pattern[str]  # one date, partial date or year range
    connector: re.Pattern[str]  # what may stand between the two ends of a range
    from_word: re.Pattern[str]  # "từ" just before a range's start
    edge: re.Pattern[str]  # "cuối" just before a date
    pay: re.Pattern[str]  # "lương" just before "tháng 13"
    number_word: re.Pattern[str]  # "Số" just before "5/1992"
    to_words: tuple[str, ...]  # "đến", "tới" (lower case)


@kept
def _patterns() -> _Patterns:
    """The date patterns, built once from the words of ``rules/dates.toml``."""
    def w(key: str) -> tuple[str, ...]:
        return words("dates", "date", key)

    day, month, year, quarter = (alt(w(k)) for k in ("day", "month", "year", "quarter"))
    to, edge = alt(w("to")), alt(w("edge"))
    alts = [
        # ngày 29 tháng 01 năm 2024, ngày tháng 01 năm 2025, ngày … tháng … năm 2024
        rf"(?P<L>{W}{day}{_SP}(?P<L_d>\d{{1,2}}|{_BLANK})?{_SP},?{_SP}{month}{_SP}(?P<L_m>\d{{1,2}}|{_BLANK})?"
        rf"{_SP},?{_SP}{year}(?:{_SP}(?P<L_y>\d{{4}}|{_BLANK}))?(?![\w\d]))",
        # ngày 19 tháng 5 (no year)
        rf"(?P<B>{W}{day}{_SP}(?P<B_d>\d{{1,2}}){_SP}{month}{_SP}(?P<B_m>\d{{1,2}})(?![\d/]))",
        # tháng 8 năm 2021, tháng … năm 2024
        rf"(?P<C>{W}{month}{_SP}(?P<C_m>\d{{1,2}}|{_BLANK}){_SP},?{_SP}{year}{_SP}(?P<C_y>\d{{4}})(?!\d))",
        # 16/7/2021, ngày 16-7-2021, 30.3.2022
        rf"(?P<D>{_NOT_BEFORE}(?:{day}{_SP})?(?P<D_d>\d{{1,2}})(?P<D_s>[/.\-])(?P<D_m>\d{{1,2}})(?P=D_s)"
        rf"(?P<D_y>\d{{4}})(?![\w/]|[.,\-]\d))",
        # ngày …/…/2025, ngày   /01/2025: a draft's blanks in the short form
        rf"(?P<P>{W}{day}{_SP}(?P<P_d>\d{{1,2}}|{_BLANK})?{_SP}/{_SP}(?P<P_m>\d{{1,2}}|{_BLANK})?{_SP}/{_SP}"
        rf"(?P<P_y>\d{{4}})(?![\w/]|[.,\-]\d))",
        # 16/7/20 21: a year split by conversion
        rf"(?P<E>{_NOT_BEFORE}(?:{day}{_SP})?(?P<E_d>\d{{1,2}})/(?P<E_m>\d{{1,2}})/(?P<E_y1>19|20)[ \t]"
        rf"(?P<E_y2>\d{{2}})(?![\w/]|[.,]\d))",
        # ngày 02/9, ngày 15/01 (no year)
        rf"(?P<F>{W}{day}{_SP}(?P<F_d>\d{{1,2}})/(?P<F_m>\d{{1,2}})(?![\d/]|[.,]\d))",
        # tháng 7/2024, tháng 10-2025, 5/1992
        rf"(?P<G>{_NOT_BEFORE}(?P<G_t>{month}{_SP})?(?P<G_m>\d{{1,2}})(?P<G_s>[/\-])(?P<G_y>\d{{4}})"
        rf"(?![\w/]|[.,\-]\d))",
        # quý I/2025, quý 2 năm 2025
        rf"(?P<H>{W}{quarter}{_SP}(?P<H_q>[IVX]{{1,4}}|\d)(?:{_SP}/{_SP}|{_SP},?{_SP}{year}{_SP})(?P<H_y>\d{{4}})"
        rf"(?!\d))",
        # 2021 - 2025, năm 2021 - 2025 (not "2021 - 2025 người": counts)
        rf"(?P<I>{_NOT_BEFORE}(?:{year}{_SP})?(?P<I_a>(?:18|19|20)\d{{2}}){_SP}[\-–—]{_SP}(?:{year}{_SP})?"
        rf"(?P<I_b>(?:18|19|20)\d{{2}})(?![\w/]|[.,]\d|{_SP}{phrase(w('count_units'))}))",
        # tháng 12 (no year)
        rf"(?P<J>{W}{month}{_SP}(?P<J_m>\d{{1,2}})(?![\d/.,\-]|{_SP},?{_SP}{year}))",
        # ngày 08 (start of "từ ngày 08 đến 10/12/2015")
        rf"(?P<K>{W}{day}{_SP}(?P<K_d>\d{{1,2}})(?={_SP}(?:{to}|[\-–])\s))",
        # năm 2025
        rf"(?P<Y>{W}{year}{_SP}(?P<Y_y>(?:18|19|20)\d{{2}})(?![\d/]))",
    ]
    # every alternative starts with a digit or a date word: a one-character guard lets the engine
    # skip all other positions cheaply
    firsts = sorted({p[0].lower() for k in ("day", "month", "year", "quarter") for p in w(k)})
    guard = "(?=[0-9" + "".join(re.escape(c) for c in firsts) + "])"
    ws = r"[ \t\u00a0]"
    return _Patterns(
        re.compile(guard + "(?:" + "|".join(alts) + ")", re.IGNORECASE),
        re.compile(rf"^{ws}*(?:[\-–—]|{to})(?:{ws}+(?:{edge}|{day}))*{ws}*$", re.IGNORECASE),
        re.compile(rf"(?:^|[\s(]){alt(w('from'))}{ws}*$", re.IGNORECASE),
        re.compile(rf"(?:^|\s)({edge}){ws}*$", re.IGNORECASE),
        re.compile(rf"{W}{alt(w('pay'))}[ \t]*$", re.IGNORECASE),
        re.compile(rf"{alt(w('number'))}{ws}*:?{ws}*$", re.IGNORECASE),
        tuple(t.lower() for t in w("to")),
    )


ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(slots=True)
class DateMention:
    """One date as printed, possibly partial. Offsets are into the scanned text."""

    start: int
    end: int
    text: str
    form: str  # long | slash | dash | dot | month-year | quarter | year | day-month | month | day
    day: int | None = None
    month: int | None = None
    year: int | None = None
    quarter: int | None = None
    day_raw: str = ""  # as printed ("05", "5"); "" when absent or blank
    month_raw: str = ""
    year_raw: str = ""
    blanks: tuple[str, ...] = ()  # parts left blank in a draft: "day", "month", "year"
    problem: str = ""  # why the calendar refuses it ("month 17", "31/11/2024 does not exist")
    problem_start: int = -1  # offsets of the offending part (the whole date when -1)
    problem_end: int = -1
    broken: bool = False  # "16/7/20 21"
    edge: str = ""  # cuối | đầu | giữa | hết printed before it
    inherited: bool = False  # missing parts taken from the end of its range

    @property
    def valid(self) -> bool:
        return not self.problem

    def refusal(self) -> Any:
        """Why the calendar refuses it, in the reader's language (``problem`` is its English)."""
        if not self.problem:
            return ""
        if self.form == "quarter":
            return say("date_problem.quarter", q=self.problem.partition(" ")[2])
        key, values, _part = _refusal(self.day, self.month, self.year)
        return say(f"date_problem.{key}", **values) if key else self.problem

    @property
    def complete(self) -> bool:
        return self.day is not None and self.month is not None and self.year is not None

    def first(self) -> date | None:
        """Earliest day the mention can stand for (``None`` when the year is unknown or it is invalid)."""
        if self.year is None or not self.valid:
            return None
        if self.month is None:
            if self.quarter:
                return date(self.year, 3 * self.quarter - 2, 1)
            return date(self.year, 1, 1)
        if self.day is None:
            return date(self.year, self.month, 1)
        return date(self.year, self.month, self.day)

    def last(self) -> date | None:
        """Latest day the mention can stand for."""
        if self.year is None or not self.valid:
            return None
        if self.month is None:
            if self.quarter:
                m = 3 * self.quarter
                return date(self.year, m, calendar.monthrange(self.year, m)[1])
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)

    def display(self) -> str:
        """Short form for messages: ``16/7/2021``, ``…/01/2025``, ``tháng 8/2021``, ``năm 2025``."""
        return display(self)


@dataclass(slots=True)
class DateRange:
    start: DateMention
    end: DateMention
    kind: str  # from-to | dash | years
    begin: int  # offsets of the whole range in the scanned text
    finish: int
    parenthesised: bool = False
    problem: str = ""  # set by ``check_range``


@dataclass(slots=True)
class Scan:
    dates: list[DateMention] = field(default_factory=list)
    ranges: list[DateRange] = field(default_factory=list)


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.strip()
    return int(s) if s.isdigit() else None


def _blank(s: str | None) -> bool:
    """No digits: a place held in a draft (``ngày … tháng``). A day or month 0 (``ngày 00 tháng
    01``, ``15/0/2028``) is a number the calendar refuses, not a blank."""
    return s is None or not any(c.isdigit() for c in s)


def _refusal(day: int | None, month: int | None, year: int | None) -> tuple[str, dict[str, Any], str]:
    """``(key, values, part)``: why the calendar refuses the date (a key of [date_problem] in
    rules/messages.toml, "" when it does not), and which part is at fault."""
    if month is not None and not 1 <= month <= 12:
        return "month", {"month": month}, "month"
    if day is not None and not 1 <= day <= 31:
        return "day", {"day": day}, "day"
    if day is not None and month is not None:
        if month == 2 and day == 29:
            if year is not None and not calendar.isleap(year):
                return "leap", {"year": year}, "day"
            return "", {}, ""
        length = calendar.monthrange(year if year is not None else 2000, month)[1]
        if day > length:
            return "length", {"day": f"{day:02d}", "month": f"{month:02d}", "m": month, "length": length}, "day"
    return "", {}, ""


def day_problem(day: int | None, month: int | None, year: int | None) -> tuple[str, str]:
    """``(problem, part)``: why the calendar refuses the date (in English, as the facts' data
    keeps it), and which part is at fault."""
    key, values, part = _refusal(day, month, year)
    return (render(say(f"date_problem.{key}", **values), "en") if key else ""), part


def _mention(m: re.Match[str], text: str) -> DateMention | None:
    kind = m.lastgroup
    s, e = m.start(), m.end()
    dm = DateMention(s, e, m.group(0), "")
    spans: dict[str, tuple[int, int]] = {}
    if kind == "L":
        dm.form = "long"
        parts = {"day": "L_d", "month": "L_m", "year": "L_y"}
        if all(_blank(m.group(g)) for g in parts.values()) and not any(m.group(g) for g in parts.values()):
            # "ngày tháng năm" with nothing at all: prose unless it is a header (handled there)
            return None
        for part, g in parts.items():
            raw = m.group(g)
            if _blank(raw):
                dm.blanks += (part,)
            else:
                assert raw is not None
                spans[part] = (m.start(g), m.end(g))
                setattr(dm, f"{part}_raw", raw)
        dm.day, dm.month, dm.year = _num(dm.day_raw), _num(dm.month_raw), _num(dm.year_raw)
    elif kind == "P":
        dm.form, dm.year_raw = "slash", m.group("P_y")
        dm.year = int(dm.year_raw)
        for part, g in (("day", "P_d"), ("month", "P_m")):
            raw = m.group(g)
            if _blank(raw):
                dm.blanks += (part,)
            else:
                assert raw is not None
                spans[part] = m.span(g)
                setattr(dm, f"{part}_raw", raw)
        dm.day, dm.month = _num(dm.day_raw), _num(dm.month_raw)
    elif kind == "B":
        dm.form, dm.day_raw, dm.month_raw = "day-month", m.group("B_d"), m.group("B_m")
        spans = {"day": m.span("B_d"), "month": m.span("B_m")}
        dm.day, dm.month = int(dm.day_raw), int(dm.month_raw)
    elif kind == "C":
        dm.form, dm.year_raw = "month-year", m.group("C_y")
        dm.year = int(dm.year_raw)
        if _blank(m.group("C_m")):
            dm.blanks = ("month",)
        else:
            dm.month_raw = m.group("C_m")
            dm.month = int(dm.month_raw)
            spans["month"] = m.span("C_m")
    elif kind == "D":
        dm.form = {"/": "slash", "-": "dash", ".": "dot"}[m.group("D_s")]
        dm.day_raw, dm.month_raw, dm.year_raw = m.group("D_d"), m.group("D_m"), m.group("D_y")
        dm.day, dm.month, dm.year = int(dm.day_raw), int(dm.month_raw), int(dm.year_raw)
        spans = {"day": m.span("D_d"), "month": m.span("D_m")}
        if dm.form != "slash" and not 1900 <= dm.year <= 2099:
            return None
    elif kind == "E":
        dm.form, dm.broken = "slash", True
        dm.day_raw, dm.month_raw = m.group("E_d"), m.group("E_m")
        dm.year_raw = m.group("E_y1") + m.group("E_y2")
        dm.day, dm.month, dm.year = int(dm.day_raw), int(dm.month_raw), int(dm.year_raw)
        spans = {"day": m.span("E_d"), "month": m.span("E_m")}
    elif kind == "F":
        dm.form, dm.day_raw, dm.month_raw = "day-month", m.group("F_d"), m.group("F_m")
        dm.day, dm.month = int(dm.day_raw), int(dm.month_raw)
        spans = {"day": m.span("F_d"), "month": m.span("F_m")}
    elif kind == "G":
        dm.form = "month-year"
        dm.month_raw, dm.year_raw = m.group("G_m"), m.group("G_y")
        dm.month, dm.year = int(dm.month_raw), int(dm.year_raw)
        spans = {"month": m.span("G_m")}
        if not m.group("G_t"):
            # a bare "5/1992" is a month only when it can be one and is not a document number
            if m.group("G_s") != "/" or not 1 <= dm.month <= 12 or not 1900 <= dm.year <= 2099:
                return None
            if _patterns().number_word.search(text, max(0, s - 12), s):
                return None
    elif kind == "H":
        dm.form, dm.year_raw = "quarter", m.group("H_y")
        dm.year = int(dm.year_raw)
        q = m.group("H_q").upper()
        dm.quarter = ROMAN_QUARTERS.get(q) or (int(q) if q.isdigit() else 0)
        if not 1 <= dm.quarter <= 4:
            dm.problem = render(say("date_problem.quarter", q=m.group("H_q")), "en")
            dm.problem_start, dm.problem_end = m.span("H_q")
        return dm
    elif kind == "J":
        dm.form, dm.month_raw = "month", m.group("J_m")
        dm.month = int(dm.month_raw)
        spans = {"month": m.span("J_m")}
    elif kind == "K":
        dm.form, dm.day_raw = "day", m.group("K_d")
        dm.day = int(dm.day_raw)
        spans = {"day": m.span("K_d")}
    elif kind == "Y":
        dm.form, dm.year_raw = "year", m.group("Y_y")
        dm.year = int(dm.year_raw)
        return dm
    else:  # pragma: no cover - every alternative is named
        return None
    if dm.day is None and dm.month == 13 and _patterns().pay.search(text, max(0, s - 20), s):
        return None  # "lương tháng 13 năm 2024": the 13th-month bonus, not a date
    _validate(dm, spans)
    edge = _patterns().edge.search(text, max(0, s - 8), s)
    if edge:
        dm.edge = edge.group(1).lower()
    return dm


def _validate(dm: DateMention, spans: dict[str, tuple[int, int]]) -> None:
    problem, part = day_problem(dm.day, dm.month, dm.year)
    dm.problem = problem
    if problem:
        dm.problem_start, dm.problem_end = spans.get(part, (dm.start, dm.end))


def scan(text: str) -> Scan:
    """Every date and range of ``text`` in order (linear in its length)."""
    out = Scan()
    pats = _patterns()
    for m in pats.token.finditer(text):
        if m.lastgroup == "I":
            ya, yb = int(m.group("I_a")), int(m.group("I_b"))
            start = DateMention(m.start("I_a"), m.end("I_a"), m.group("I_a"), "year", year=ya, year_raw=m.group("I_a"))
            end = DateMention(m.start("I_b"), m.end("I_b"), m.group("I_b"), "year", year=yb, year_raw=m.group("I_b"))
            out.dates += [start, end]
            paren = _parenthesised(text, m.start(), m.end())
            out.ranges.append(DateRange(start, end, "years", m.start(), m.end(), paren))
            continue
        dm = _mention(m, text)
        if dm is None:
            continue
        out.dates.append(dm)
    # ranges between consecutive single mentions: "từ A đến B", "A - B"
    singles = [d for d in out.dates if not _in_year_range(d, out.ranges)]
    for a, b in zip(singles, singles[1:], strict=False):
        gap = text[a.end:b.start]
        if not pats.connector.match(gap):
            continue
        from_word = bool(pats.from_word.search(text, max(0, a.start - 12), a.start))
        dash = not any(w in gap.lower() for w in pats.to_words)
        if dash and not (from_word or _parenthesised(text, a.start, b.end)):
            # "A - B" outside parentheses: only between two dates of a like kind
            if a.form in ("day", "month", "year") or b.form in ("day", "month", "year"):
                continue
        if a.form in ("day", "month", "day-month") and b.year is None:
            continue
        if b.form in ("day", "month"):
            continue
        if any(a is r.end for r in out.ranges):
            continue  # chains "A - B - C" are not ranges
        begin = a.start
        if from_word:
            fm = pats.from_word.search(text, max(0, a.start - 12), a.start)
            assert fm is not None
            begin = fm.start() + (1 if fm.group(0)[:1].isspace() or fm.group(0)[:1] == "(" else 0)
        _inherit(a, b)
        out.ranges.append(DateRange(a, b, "dash" if dash else "from-to", begin, b.end,
                                    _parenthesised(text, a.start, b.end)))
    out.ranges.sort(key=lambda r: r.begin)
    return out


def _in_year_range(d: DateMention, ranges: list[DateRange]) -> bool:
    return any(d is r.start or d is r.end for r in ranges if r.kind == "years")


def _inherit(a: DateMention, b: DateMention) -> None:
    """A range start printed short takes its missing parts from the end: ``ngày 08 đến 10/12/2015``.

    When that would put the start after the end, the range crosses a year (``từ tháng 11 đến tháng
    02/2026`` starts in 11/2025) or a month (``từ ngày 25 đến 05/01/2026`` starts on 25/12/2025)."""
    got_year = got_month = False
    if a.year is None and b.year is not None:
        a.year = b.year
        got_year = True
    if a.form == "day" and a.month is None and b.month is not None:
        a.month = b.month
        got_month = True
    changed = got_year or got_month
    if changed and not day_problem(a.day, a.month, a.year)[0]:
        first, last = a.first(), b.last()
        if first is not None and last is not None and first > last:
            if got_month and a.month is not None and a.year is not None:
                a.month, a.year = (a.month - 1, a.year) if a.month > 1 else (12, a.year - 1)
            elif got_year and a.year is not None:
                a.year -= 1
    if changed:
        a.inherited = True
        if not a.problem:
            problem, _part = day_problem(a.day, a.month, a.year)
            if problem:
                a.problem = problem
                a.problem_start, a.problem_end = a.start, a.end


def _parenthesised(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 12):s]
    after = text[e:e + 3]
    i = before.rfind("(")
    return i >= 0 and ")" not in before[i:] and after.lstrip().startswith(")")


def display(d: DateMention) -> str:
    """``16/7/2021`` as printed, ``…/01/2025`` for blanks, ``tháng 8/2021``, ``quý I/2025``, ``năm 2025``."""
    def part(raw: str, name: str) -> str:
        return "…" if name in d.blanks else raw

    def word(key: str) -> str:
        return words("dates", "date", key)[0]

    if d.form in ("long", "slash", "dash", "dot") or (d.form == "day-month" and d.year is not None):
        year = part(d.year_raw, "year") or (str(d.year) if d.year is not None else "…")
        return f"{part(d.day_raw, 'day')}/{part(d.month_raw, 'month')}/{year}"
    if d.form == "day-month":
        return f"{d.day_raw}/{d.month_raw}"
    if d.form == "month-year":
        return f"{word('month')} {part(d.month_raw, 'month')}/{d.year_raw}"
    if d.form == "quarter":
        printed = d.text.split()[1].split("/")[0] if len(d.text.split()) > 1 else d.quarter
        return f"{word('quarter')} {printed}/{d.year_raw}"
    if d.form == "year":
        return f"{word('year')} {d.year_raw}"
    if d.form == "month":
        return f"{word('month')} {d.month_raw}" + (f"/{d.year}" if d.year else "")
    if d.form == "day":
        return f"{d.day_raw}/{d.month or '…'}/{d.year or '…'}"
    return d.text


def iso(d: date) -> str:
    """``dd/mm/yyyy`` with leading zeros (ND30 style) for a computed date."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def next_day(d: date) -> date:
    """The day after ``d`` (crossing month and year ends)."""
    return d + timedelta(days=1)


# Matching names whatever the tone placement (hoà/hòa, uỷ/ủy), case or NFC/NFD ---------------------

def _fold_char(ch: str) -> str:
    import unicodedata

    if unicodedata.name(ch, "").endswith(" D WITH STROKE"):  # đ has no decomposition
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch


_FOLD_CACHE: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower case without tone marks or hats, one character for one (offsets are kept):
    ``fold("Đảng uỷ") == "dang uy"``."""
    out = []
    for ch in text:
        f = _FOLD_CACHE.get(ch)
        if f is None:
            f = _FOLD_CACHE[ch] = _fold_char(ch) if ord(ch) > 127 else ch.lower()
        out.append(f)
    return "".join(out)


_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold_words(text: str) -> str:
    """``fold`` with punctuation collapsed to single spaces: ``"Thương binh - Liệt sĩ"`` → ``"thuong binh liet si"``."""
    return _NON_WORD.sub(" ", fold(text)).strip()
