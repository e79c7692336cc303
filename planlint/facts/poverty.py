"""Poverty ledgers: households at the start of the year, out, in, at the end, and their rates.

DOMAIN.md, "Poverty": the survey form counts poor households at the start of the year, those that
escaped (thoát nghèo), fell back (tái nghèo) or are newly poor (phát sinh mới) during it, and those
at the end, with the rate (poor households / all households × 100). Hence

    end = start − escaped + fell back + newly poor      (no arrivals stated: end = start − reduced)

Near-poor households (hộ cận nghèo) keep their own ledger, often in the same sentence. A plan
phrases a ledger in many ways ("Số hộ nghèo đầu năm 46; số hộ nghèo giảm trong năm: 14; …",
"giảm từ 180 hộ xuống còn 160 hộ", "thoát nghèo 20 hộ; tái nghèo 2 hộ; phát sinh mới 3 hộ", a ledger
spread over consecutive bullets of one list), so this module reads each number of a paragraph with
the words around it, never a fixed sentence:

* the *role* of a number is the ledger phrase nearest before it (``rules/poverty.toml``, [roles]:
  "đầu năm" start, "giảm" reduced, "thoát nghèo" escaped, "còn" end, …), or a movement phrase right
  after its unit ("20 hộ thoát nghèo"); "từ 180 hộ xuống còn 160 hộ" is a start and an end;
* its *category* (poor, near-poor, both) is the poverty word nearest to it, else the one carried
  from the clause, bullet or heading before; a count that carries its category is read only when
  the words before it do not bring in another subject ("số lao động giảm 14 người" is not a ledger);
* its *unit* is the word after it (hộ, người, nhân khẩu) or the label (số hộ …); a per-cent number
  after "tỷ lệ hộ nghèo" (or "chiếm", or right after another poverty rate) is a rate;
* bounds and estimates ("dưới 1%", "khoảng 40 hộ", "từ 20 hộ trở lên") are read but never checked as
  exact, and yearly averages ("bình quân mỗi năm giảm 100 hộ") are left out;
* a count in brackets right after a rate is that rate's count, at its time ("từ 11,62% (3.118 hộ) xuống
  còn 8,85% (2.376 hộ)"), and a count in the other unit right beside a count is the same figure in
  people ("46 hộ với 158 nhân khẩu");
* "lần lượt", "tương ứng" and slash pairs ("đầu năm: 46 hộ/94 hộ") hand the figures out one per category
  named before them ([labels] respectively); a pair inside brackets ("2,15% (52 hộ/2.418 hộ)"), or one that
  does not match the categories one to one, is not read as such.

Consecutive paragraphs that belong together (a heading and its text, sibling bullets of one list, a
heading and its bullets) form a *run*; within a run the terms of each category fill one ledger
in order, and a role met twice (or a start in a new sentence after the movements) opens the next
ledger. ``runs(plan)`` is the fact the P rules read; ``balance`` and ``rate_fall`` do the arithmetic
the rules and ``planlint facts`` share.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..data import vocabulary
from ..i18n import Seq, Word, seq
from ..parsing.tree import Block, Paragraph, Plan, Section, Span
from ..scan.numbers import Num, format_vn, scan_numbers
from ..table_cache import kept
from . import FactRow
from .households import rates_of_categories

MOVEMENTS = ("reduced", "escaped", "fell_back", "newly_poor", "moved_out", "moved_in")
COUNT_ROLES = ("start", *MOVEMENTS, "end")
INFLOWS = ("fell_back", "newly_poor", "moved_in")
HOUSEHOLDS, PEOPLE = "households", "people"



def role_word(category: str, role: str) -> Word:
    """The name of a ledger figure in messages (rules/messages.toml: role, role_near)."""
    return Word(f"{'role_near' if category == 'near' else 'role'}.{role}")


def category_word(category: str, unit: str) -> Word:
    """poor households, near-poor people … in messages (rules/messages.toml: category)."""
    return Word(f"category.{category}_{unit if unit in (HOUSEHOLDS, PEOPLE) else HOUSEHOLDS}")


_WINDOW = 90  # how far before a number its label is looked for (characters)
_PAREN = re.compile(r"\([^()]*\)")
_SENTENCE = re.compile(r"[.!?]\s+(?=[\W_]*[^\W\d_])")
_WORD = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_PERIOD = re.compile(r"(?<![\d/])((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?![\d/])")
_SIGN = re.compile(r"\s?(?:%0|%|‰)")
_RANGE_AFTER = re.compile(r"\s*[-–÷]\s*+\d")
_RANGE_BEFORE = re.compile(r"\d%?\s*[-–÷]\s*$")
_SLASH_PAIR = re.compile(r"\s*+/\s*+\d")


# -- vocabulary -------------------------------------------------------------------------------------


def _phrases_re(phrases: list[str]) -> re.Pattern[str]:
    """Whole-word alternation, longest first, spaces matching any run of blanks."""
    alts = sorted({p.strip() for p in phrases if p.strip()}, key=lambda a: (-len(a), a))  # same text each run
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _key(s: str) -> str:
    return " ".join(s.lower().split())


def _alt(words: list[str]) -> str:
    """A regular-expression alternation of ``words`` (longest first, spaces matching any blanks)."""
    alts = sorted({_key(w) for w in words if w.strip()}, key=lambda a: (-len(a), a))
    return "|".join(r"\s+".join(re.escape(x) for x in a.split()) for a in alts)


def _not_after(words: list[str]) -> str:
    """Look-behinds: not right after one of ``words`` and a space ("so với năm 2024")."""
    return "".join(f"(?<!{re.escape(w)} )" for w in words)


@dataclass(frozen=True)
class _Vocab:
    neutral: re.Pattern[str]
    category: re.Pattern[str]
    category_of: dict[str, str]
    role: re.Pattern[str]
    role_of: dict[str, str]
    total: re.Pattern[str]
    partial: re.Pattern[str]
    after_role: re.Pattern[str]
    after_role_of: dict[str, str]
    range_from: re.Pattern[str]
    rate_word: re.Pattern[str]
    points: re.Pattern[str]
    points_word: re.Pattern[str]
    bound_before: re.Pattern[str]
    bound_after: re.Pattern[str]
    per_year: re.Pattern[str]
    per_year_after: re.Pattern[str]
    unit: re.Pattern[str]
    unit_of: dict[str, str]
    fillers: re.Pattern[str]
    after_household: frozenset[str]
    respectively: re.Pattern[str]
    respectively_weak: frozenset[str]
    after_number: frozenset[str]
    # patterns built from [words]
    year_in: re.Pattern[str]  # "cuối năm 2024" (not "so với năm 2024")
    list_gap: re.Pattern[str]  # between two figures of one list
    share_of_poor: re.Pattern[str]  # "chiếm 100% số hộ nghèo"
    current: re.Pattern[str]  # "hiện có", "hiện nay có"
    after_category: re.Pattern[str]  # a poverty word right after a unit
    rate_after_count: re.Pattern[str]  # between a count and its rate
    place: re.Pattern[str]  # a village and its name
    parallel: re.Pattern[str]  # between a count and the same figure in the other unit
    next_item: re.Pattern[str]  # the next item of a list
    slash_unit: re.Pattern[str]  # "46 hộ/94 hộ"
    people_label: re.Pattern[str]  # a label that counts people
    household_label: re.Pattern[str]  # a label that counts households
    count_words: tuple[str, ...]  # "số"
    poor_words: tuple[str, ...]  # "nghèo"
    now_words: frozenset[str]  # "hiện còn"
    end_verbs: frozenset[str]  # "còn": gives way to "đầu năm" before it
    standard_words: tuple[str, ...]  # "chuẩn"


@kept
def _vocab() -> _Vocab:
    v = vocabulary("poverty")
    cats, roles, after, units = v["categories"], v["roles"], v["after_unit"], v["units"]
    category_of = {_key(p): c for c in ("poor", "near", "both") for p in cats[c]}
    role_of = {_key(p): r for r, ps in roles.items() if r != "range_from" for p in ps}
    role_of.update({_key(p): "compare_start" for p in roles["compare_start"]})
    after_of = {_key(p): r for r, ps in after.items() for p in ps}
    unit_of = {_key(p): u for u, ps in units.items() for p in ps}
    q, lab, w = v["qualifiers"], v["labels"], v["words"]
    near, poor, cnt, cop = _alt(w["near"]), _alt(w["poor"]), _alt(w["count"]), _alt(w["copula"])
    lu, hh, people = _alt(w["list_units"]), _alt(units["households"]), _alt(units["people"])
    cat = rf"(?:(?:{near})\s+)?(?:{poor})?"  # "nghèo", "cận nghèo" or nothing
    return _Vocab(
        year_in=re.compile(rf"(?<!\w){_not_after(w['not_year_after'])}(?:{_alt(w['year'])})\s+((?:19|20)\d{{2}})(?![\d/])",
                           re.IGNORECASE),
        list_gap=re.compile(rf"^\s*+(?:{lu})?\s*+{cat}\s*+(?:,|{_alt(w['list_join'])}|,\s*(?:{_alt(w['list_join'])}))\s*+"
                            rf"(?:(?:(?:{cnt})\s+)?(?:{lu})\s+)?{cat}\s*+:?\s*+(?:(?:{cop})\s*)?$", re.IGNORECASE),
        share_of_poor=re.compile(rf"^\s*+(?:{_alt(w['share_of'])})?\s*+(?:(?:{_alt(w['total'])})\s+)?(?:{cnt})\s+"
                                 rf"(?:(?:{hh})\s+)?(?:(?:{people})\s+)?(?:(?:{near})\s+)?(?:{poor})", re.IGNORECASE),
        current=re.compile(rf"(?<!\w)(?:{_alt(w['current'])})(?!\w)", re.IGNORECASE),
        after_category=re.compile(rf"^\s*(?:(?:{near})\s+)?(?:{poor})(?!\w)", re.IGNORECASE),
        rate_after_count=re.compile(rf"^\s*+(?:{lu})?\s*+{cat}\s*+[,(:–-]?\s*+(?:{_alt(w['rate_after_count'])})?\s*+"
                                    rf"(?:(?:{cop})\s*+)?$", re.IGNORECASE),
        place=re.compile(rf"(?<!\w){_not_after(w['not_place_after'])}((?i:{_alt(w['places'])}))"
                         rf"\s+((?:(?:{cnt})\s+)?\d+[A-Za-z]?|[^\W\d_][\w-]*)"),
        parallel=re.compile(rf"\s*+(?:{hh})?\s*+{cat}\s*+(?:{_alt(w['parallel'])}|,|\(|/)\s*+"
                            rf"(?:(?:{_alt(w['parallel_then'])})\s*)?", re.IGNORECASE),
        next_item=re.compile(rf"(?<!\w)(?:{_alt(w['next_item'])})(?!\w)", re.IGNORECASE),
        slash_unit=re.compile(rf"\s*+({hh}|{people})\s*+/\s*+", re.IGNORECASE),
        people_label=re.compile(rf"(?<!\w)(?:{_alt(w['people_labels'])})(?!\w)"),
        household_label=re.compile(rf"(?<!\w)(?:{hh})(?!\w)"),
        count_words=tuple(_key(x) for x in w["count"]),
        poor_words=tuple(_key(x) for x in w["poor"]),
        now_words=frozenset(_key(x) for x in w["now"]),
        end_verbs=frozenset(_key(x) for x in w["end_verbs"]),
        standard_words=tuple(_key(x) for x in w["standard"]),
        neutral=_phrases_re(cats["neutral"]),
        category=_phrases_re(list(category_of)),
        category_of=category_of,
        role=_phrases_re(list(role_of)),
        role_of=role_of,
        total=_phrases_re(roles["total"]),
        partial=_phrases_re(lab["partial"]),
        after_role=_phrases_re(list(after_of)),
        after_role_of=after_of,
        range_from=re.compile(r"(?<!\w)(?:"
                              + "|".join(re.escape(p) for p in sorted(roles["range_from"], key=len, reverse=True))
                              + r")\s*$", re.IGNORECASE),
        rate_word=_phrases_re(v["rates"]["words"]),
        points=re.compile(r"^\s*(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in
                                              sorted(v["rates"]["points"], key=len, reverse=True)) + r")(?!\w)",
                          re.IGNORECASE),
        points_word=_phrases_re(v["rates"]["points"]),
        bound_before=re.compile(r"(?:(?<!\w)|(?<=[<>≤≥=]))(?:" + "|".join(
            r"\s+".join(map(re.escape, p.split())) for p in sorted(q["bound_before"], key=len, reverse=True))
            + rf")\s*(?:(?:{_alt(w['level'])})\s*)?$", re.IGNORECASE),
        bound_after=re.compile(r"^[^,;.()]{0,25}?(?<!\w)(?:" + "|".join(
            r"\s+".join(map(re.escape, p.split())) for p in q["bound_after"]) + r")(?!\w)", re.IGNORECASE),
        per_year=_phrases_re(q["per_year"]),
        per_year_after=re.compile(rf"^\s*+(?:{lu}|%)?\s*+(?:" + "|".join(
            r"\s+".join(map(re.escape, p.split())) for p in q["per_year_after"]) + r")", re.IGNORECASE),
        unit=re.compile(r"^\s*(" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in
                                            sorted(unit_of, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE),
        unit_of=unit_of,
        fillers=_phrases_re(lab["fillers"]),
        after_household=frozenset(w.lower() for w in lab["after_household"]),
        after_number=frozenset(w.lower() for w in lab["after_number"]),
        respectively=_phrases_re(lab["respectively"] + lab["respectively_weak"]),
        respectively_weak=frozenset(_key(w) for w in lab["respectively_weak"]),
    )


# -- facts ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Term:
    """One number of a poverty statement, with what it is in the ledger."""

    kind: str  # count | rate | total
    role: str | None  # start, reduced, escaped, fell_back, newly_poor, moved_out, moved_in, end;
    # rates: start, end, fall, level (no time of its own); None: a count whose role is not known;
    # totals: start or end when stated after a figure of that moment in their sentence, else None
    category: str  # poor | near | both
    unit: str  # households | people (counts, totals); percent | points (rates)
    value: Decimal
    decimals: int
    raw: str
    span: Span  # the number (with its % sign) in the source
    context: Span  # the paragraph it stands in
    sentence: int  # a document-wide sentence index
    unit_explicit: bool = False
    unit_stated: bool = False  # the unit is printed after the number or in its label ("số hộ …")
    approx: bool = False  # a bound or an estimate: never checked as exact
    year: int | None = None  # "cuối năm 2024"
    from_range: bool = False  # "từ 180 hộ xuống …"
    period: str = ""  # "2021-2025" when the sentence speaks of a period ("giai đoạn 2021-2025")
    place: str = ""  # "thôn đông" when the figure is of a village, hamlet or quarter, not the commune
    partial: bool = False  # "trong đó 10 hộ thoát nghèo": a part of the figure before, not all of it
    order: int = 0
    # a total's time, stated before it ("Đầu năm 2026, toàn phường có 5.772 hộ, trong đó 86 hộ nghèo"):
    # its "trong đó" parts are counts at that time
    moment: str | None = None
    now: bool = False  # read from a word of the present ("hiện còn"): the end when a start and flows precede

    @property
    def exact_count(self) -> bool:
        return not self.approx and self.decimals == 0

    def printed(self) -> str:
        return self.raw + ("%" if self.unit == "percent" else "")


@dataclass(slots=True)
class Ledger:
    """The terms of one category in one statement (a paragraph or consecutive bullets)."""

    category: str
    counts: dict[tuple[str, str], Term] = field(default_factory=dict)  # (role, unit) -> term
    rates: dict[str, Term] = field(default_factory=dict)  # start | end | fall | level -> term
    unassigned: list[Term] = field(default_factory=list)  # counts of this category with no role
    terms: list[Term] = field(default_factory=list)
    now: list[tuple[Term, Term]] = field(default_factory=list)  # "hộ nghèo 32 hộ (1,90%)": count, rate
    # "- Tỷ lệ hộ nghèo cuối năm còn 3,05%" … "- Số hộ nghèo: 61 hộ": a count of no stated time in one
    # bullet and the one rate of its category in another (count, rate)
    linked: list[tuple[Term, Term]] = field(default_factory=list)

    @property
    def span(self) -> Span:
        out = self.terms[0].span
        for t in self.terms[1:]:
            out = out | t.span
        return out

    @property
    def context(self) -> Span:
        out = self.terms[0].context
        for t in self.terms[1:]:
            out = out | t.context
        return out

    def units(self) -> list[str]:
        return sorted({u for (_, u) in self.counts}, key=lambda u: u != HOUSEHOLDS)

    def count(self, role: str, unit: str) -> Term | None:
        return self.counts.get((role, unit))

    def add(self, t: Term) -> None:
        self.terms.append(t)
        if t.kind == "count" and t.role is not None:
            self.counts[(t.role, t.unit)] = t
        elif t.kind == "rate" and t.role is not None:
            self.rates[t.role] = t


@dataclass(slots=True)
class Run:
    """Paragraphs read together: their ledgers, stated household totals and combined counts."""

    ledgers: list[Ledger] = field(default_factory=list)
    totals: list[Term] = field(default_factory=list)
    combined: list[Term] = field(default_factory=list)  # "hộ nghèo và cận nghèo" figures
    terms: list[Term] = field(default_factory=list)


# -- reading one paragraph --------------------------------------------------------------------------


def _is_year(n: Num, text: str) -> bool:
    if n.decimals or "." in n.raw or n.sign or not (1900 <= n.value <= 2100):
        return False
    return not _vocab().unit.match(text[n.end:n.end + 30])


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _residue(text: str) -> int:
    """Words of ``text`` that are no ledger phrase, poverty word, unit or filler."""
    v = _vocab()
    for rx in (v.role, v.category, v.rate_word, v.after_role, v.fillers, v.per_year, v.points_word):
        text = rx.sub(_blank, text)
    return sum(1 for w in _WORD.findall(text) if _key(w) not in v.unit_of)


@dataclass(slots=True)
class _State:
    carry: str | None  # category carried from the clause, bullet or heading before
    sentence: int  # the next free document-wide sentence index
    order: int = 0
    place: str = ""  # the village a heading names for the figures under it


def _paragraph_terms(par: Paragraph, state: _State) -> list[Term]:
    v = _vocab()
    text = par.text
    masked = v.neutral.sub(_blank, text)
    cats = [(m.start(), m.end(), v.category_of.get(_key(m.group(0)), "poor")) for m in v.category.finditer(masked)]
    cat_ends = [c[1] for c in cats]
    sent_starts = [m.end() for m in _SENTENCE.finditer(text)]
    out: list[Term] = []
    prev_end = 0
    prev_kind = ""  # the number just before was a poverty rate or count of this sentence
    prev_sentence = -1
    last_pos = -1
    last_end = 0  # end of the last count read
    last_rate: tuple[Term, int] | None = None  # the last rate read, and where its sign ends
    floor = 0  # poverty words before this offset no longer carry (the subject changed)
    base = state.sentence
    nums = [n for n in scan_numbers(text) if n.in_date or not _is_year(n, text)]
    places = _places(text)
    forced = _respectively(text, masked, cats, nums)
    for n in nums:
        if n.in_date:
            prev_end, prev_kind = n.end, ""
            continue
        sentence = base + bisect.bisect_right(sent_starts, n.start)
        if sentence != prev_sentence:
            prev_kind = ""
        prev_sentence = sentence
        prev_end_before = prev_end
        if n.start in forced and forced[n.start] is None:
            prev_end, prev_kind = n.end, ""
            continue
        inherit = None
        if last_rate is not None and n.sign != "%" and n.start not in forced:
            # "từ 11,62% (3.118 hộ) xuống còn 8,85% (2.376 hộ)": a count in brackets right after a rate is
            # the count of that rate, at its time
            rate, rate_end = last_rate
            opened = text.rfind("(", 0, n.start)
            if (opened >= rate_end and not text[rate_end:opened].strip() and ")" not in text[opened:n.start]
                    and rate.sentence == base + bisect.bisect_right(sent_starts, n.start)
                    and not _residue(masked[opened + 1:n.start])):
                inherit = rate
        if inherit is None and n.sign != "%" and n.start not in forced:
            # "46 hộ với 158 nhân khẩu", "giảm 14 hộ (47 nhân khẩu)": the same figure in the other unit
            last_count = next((x for x in reversed(out) if x.kind == "count"), None)
            if (last_count is not None and last_count.role is not None and last_count.unit_explicit
                    and last_count.sentence == base + bisect.bisect_right(sent_starts, n.start)
                    and _vocab().parallel.fullmatch(text, last_end, n.start)):
                um = v.unit.match(text[n.end:n.end + 30])
                if um and v.unit_of[_key(um.group(1))] != last_count.unit:
                    inherit = last_count
        if (inherit is None and n.sign != "%" and n.start not in forced
                and _in_aside_of_count(text, masked, out, last_end, n)):
            # "61 hộ thoát nghèo (thôn A 14 hộ, thôn B 11 hộ, …)": the figures in brackets right after a
            # ledger count break it down (by place, by kind); they are no terms of the ledger
            prev_end, prev_kind = n.end, ""
            continue
        t = _read_number(n, text, masked, prev_end, cats, cat_ends, state.carry, prev_kind, forced.get(n.start),
                         floor, inherit)
        last_count = next((x for x in reversed(out) if x.kind == "count"), None)
        gap = _PAREN.sub(_blank, text[last_end:n.start]) if last_count is not None and n.start - last_end < 200 else ""
        sign_end = n.end
        if n.sign:
            m = _SIGN.match(text, n.end)
            sign_end = m.end() if m else n.end
        prev_end = sign_end
        if isinstance(t, _Foreign):
            state.carry, floor = None, n.start  # another subject: nothing before carries on
            t = None
        if t is None:
            # a count of households this reader does not take ("hộ đồng bào dân tộc thiểu số 420 hộ"): a
            # rate right after it is that count's, not a poverty rate
            um = v.unit.match(text[n.end:n.end + 30]) if n.sign != "%" else None
            prev_kind = "other" if um and v.unit_of[_key(um.group(1))] == HOUSEHOLDS else ""
            continue
        if (t.kind == "count" and t.role is None and last_count is not None and last_count.sentence == sentence
                and last_count.category != t.category and _vocab().list_gap.match(gap)):
            t.role = last_count.role  # "giảm 14 hộ nghèo, 65 hộ cận nghèo": one verb, a list of figures
            t.year = t.year or last_count.year
        if (t.kind == "count" and t.role is None and last_count is not None and last_count.category == "both"
                and last_count.sentence == sentence and v.partial.search(masked, last_end, n.start)):
            t.role = last_count.role  # "… nghèo và cận nghèo cuối năm 61 hộ, trong đó hộ nghèo 32 hộ"
        if t.kind == "count":
            last_end = n.end
        t.partial = bool(v.partial.search(masked, prev_end_before, n.start))
        if t.kind == "count" and t.role is None and t.partial and out and out[-1].kind == "total" \
                and out[-1].moment is not None and out[-1].sentence == sentence:
            t.role, t.year = out[-1].moment, t.year or out[-1].year  # a part of a total at a stated time
        t.span = par.span_of(n.start, sign_end)
        t.context = par.span
        t.place = next((name for at, name in reversed(places) if at < n.start), state.place)
        t.sentence = sentence
        # the period of the clause ("giảm 1.265 hộ trong giai đoạn 2021 - 2025, từ 3.317 hộ …"), unless it is
        # the period of the poverty standard ("theo chuẩn nghèo giai đoạn 2022-2025")
        k = bisect.bisect_right(sent_starts, n.start)
        c_lo = max(sent_starts[k - 1] if k else 0, text.rfind(";", 0, n.start) + 1)
        semi = text.find(";", n.end)
        c_hi = min(sent_starts[k] if k < len(sent_starts) else len(text), semi if semi >= 0 else len(text))
        periods = [m for m in _PERIOD.finditer(text, c_lo, c_hi)
                   if not any(w in text[max(0, m.start() - 45):m.start()].lower() for w in v.standard_words)]
        if periods:
            t.period = "-".join(periods[-1].groups())
        t.order = state.order
        state.order += 1
        prev_kind = t.kind
        if t.kind == "rate":
            last_rate = (t, sign_end)
        elif inherit is not None and t.role == inherit.role:
            prev_kind = "rate"  # "11,62% (3.118 hộ) xuống còn 8,85%": the rates go on after the bracket
        if t.category in ("poor", "near"):
            state.carry = t.category
        last_pos = n.start
        out.append(t)
    # a paragraph that names a category last hands it on ("… Hộ cận nghèo:" then bullets)
    if cats and cats[-1][0] > last_pos:
        last = cats[-1][2]
        if last in ("poor", "near"):
            state.carry = last
    state.sentence = base + len(sent_starts) + 1
    return out


def _in_aside_of_count(text: str, masked: str, out: list[Term], last_end: int, n: Num) -> bool:
    """``n`` stands inside brackets opened right after the last ledger count read (only its unit and
    words between them, no figure, no clause end) and no ledger word but the count's own stands there or
    in the brackets:
    "(thôn A 14 hộ, …)" breaks the count down, "(từ 2.954 hộ xuống còn 2.702 hộ)" restates it, and "so
    với đầu năm (46 hộ)" gives another moment's figure."""
    last = next((x for x in reversed(out) if x.kind == "count"), None)
    if last is None or last.role is None or n.start <= last_end:
        return False
    opened = text.rfind("(", last_end, n.start)
    if opened < 0 or ")" in text[opened:n.start]:
        return False
    gap = text[last_end:opened]
    if len(gap) > 40 or any(c.isdigit() or c in ".;:()" for c in gap):
        return False
    closed = text.find(")", n.end)
    v = _vocab()
    return all(v.role_of[_key(m.group(0))] == last.role
               for m in v.role.finditer(masked, last_end, closed if closed >= 0 else len(text)))


def _places(text: str) -> list[tuple[int, str]]:
    """Villages, hamlets and quarters named in ``text`` ("Thôn Đông", "tổ dân phố số 3"), by offset."""
    out = []
    for m in _vocab().place.finditer(text):
        name = m.group(2)
        opened = text.rfind("(", 0, m.start())
        closes = text.find(")", m.start())
        if opened >= 0 and ")" not in text[opened:m.start()] and closes >= 0:
            continue  # "61 hộ thoát nghèo (thôn A 14 hộ, thôn B 11 hộ)": places in brackets name no clause
        if name[0].isdigit() or name.lower().startswith(_vocab().count_words) or name[0].isupper():
            out.append((m.start(), _key(m.group(0))))
    return out


class _Foreign:
    """A number that counts something else than poor households."""


FOREIGN = _Foreign()


def _respectively(text: str, masked: str, cats: list[tuple[int, int, str]],
                  nums: list[Num]) -> dict[int, tuple[str, str | None, int | None] | None]:
    """"Số hộ nghèo, cận nghèo đầu năm lần lượt là 46 hộ và 94 hộ": the k-th figure after "lần lượt"
    is of the k-th category named before it in the clause (number start -> category, role, year)."""
    out: dict[int, tuple[str, str | None, int | None] | None] = {}
    v = _vocab()
    previous: list[str] = []  # "… lần lượt là 46 hộ và 94 hộ; cuối năm lần lượt còn 32 hộ và 29 hộ"
    markers: list[tuple[int, int, bool, list[Num] | None]] = [
        (m.start(), m.end(), _key(m.group(0)) in v.respectively_weak, None) for m in v.respectively.finditer(masked)]
    for first, second in zip(nums, nums[1:], strict=False):
        # "Số hộ nghèo, cận nghèo đầu năm: 46 hộ/94 hộ": a pair of figures, one per category
        sm = _vocab().slash_unit.fullmatch(text, first.end, second.start)
        clause = max(text.rfind(";", 0, first.start), text.rfind(". ", 0, first.start)) + 1
        if (sm and not first.sign and not second.sign and not first.in_date
                # not "2,15% (52 hộ/2.418 hộ)"
                and text.count("(", clause, first.start) <= text.count(")", clause, first.start)
                and text[second.end:second.end + 14].lstrip().lower().startswith(sm.group(1).lower())):
            markers.append((first.start, first.start, True, [first, second]))
    markers.sort(key=lambda x: x[0])
    for m_start, m_end, weak, pair in markers:
        lo = max(text.rfind(";", 0, m_start), text.rfind(". ", 0, m_start)) + 1
        hi_candidates = [i for i in (text.find(";", m_end), text.find(". ", m_end)) if i >= 0]
        nxt = v.respectively.search(masked, m_end)  # "giảm tương ứng 12 hộ và 20 hộ, còn tương ứng 26 hộ và 55 hộ"
        if nxt is not None:
            hi_candidates.append(nxt.start())
        hi = min(hi_candidates) if hi_candidates else len(text)
        order: list[str] = []
        for a, _b, c in cats:
            if lo <= a < m_start:
                order.extend(["poor", "near"] if c == "both" else [c])
        if not order:
            order = previous
        if not order:  # "cuối năm còn 32 hộ nghèo và 29 hộ cận nghèo; giảm lần lượt 14 hộ và 65 hộ"
            sent = max(text.rfind(". ", 0, m_start) + 1, 0)
            for a, _b, c in cats:
                for cc in (["poor", "near"] if c == "both" else [c]):
                    if sent <= a < m_start and cc not in order:
                        order.append(cc)
        previous = order
        role = None
        for rm in v.role.finditer(masked, lo, m_start):
            r = v.role_of[_key(rm.group(0))]
            if r != "compare":
                role = r
        for rm in v.role.finditer(masked, m_end, hi):  # "lần lượt còn 32 hộ và 29 hộ"
            r = v.role_of[_key(rm.group(0))]
            if r != "compare" and not any(m_end <= n.start < rm.start() for n in nums):
                role = r
        # figures in brackets are asides ("lần lượt là 0,51% và 1,41% (21 hộ nghèo, 58 hộ cận nghèo)")
        figures = pair if pair is not None else [
            n for n in nums if m_end <= n.start < hi and not n.in_date and not _is_marker(n, text)
            and text.count("(", m_end, n.start) <= text.count(")", m_end, n.start)]
        if weak and (len(order) < 2 or len(figures) != len(order)):
            continue  # "tương ứng" also means "that is": "giảm 2,77 điểm phần trăm, tương ứng giảm 742 hộ"
        if len(order) < 2 or len(figures) != len(order):
            for n in figures:  # not a list that can be matched one to one: read nothing of it
                out[n.start] = None
            continue
        years = _vocab().year_in.findall(masked, lo, m_start)
        for n, c in zip(figures, order, strict=True):
            out[n.start] = (c, role, int(years[-1]) if years else None)
    return out


_CLAUSE_END = re.compile(r"[.;:]")


def _is_marker(n: Num, text: str) -> bool:
    """An item number or a footnote mark: "(3)", "[2]", "[^1]"."""
    return text[n.start - 1:n.start] in ("(", "[", "^") and text[n.end:n.end + 1] in (")", "]")


def _read_number(n: Num, text: str, masked: str, prev_end: int, cats: list[tuple[int, int, str]],
                 cat_ends: list[int], carry: str | None, prev_kind: str,
                 forced: tuple[str, str | None, int | None] | None = None, floor: int = 0,
                 inherit: Term | None = None) -> Term | _Foreign | None:
    """The term a number stands for; ``FOREIGN`` when the words show it counts something else
    (the clause has changed subject: what follows no longer carries the poverty category)."""
    v = _vocab()
    before = text[max(0, n.start - 1):n.start]
    after = text[n.end:n.end + 160]
    if forced is None and inherit is None and (before == "/" or after.startswith("/")) or _is_marker(n, text):
        return None  # a symbol (46/NQ-HĐND), a fraction (06/06) or an item number "(3)"
    lo = max(prev_end, n.start - _WINDOW)
    window = _PAREN.sub(_blank, masked[lo:n.start])  # asides closed before the number do not label it
    if v.per_year.search(window) or v.per_year_after.match(after):
        return None
    is_pct = n.sign == "%"
    points = None if is_pct else v.points.match(after)
    unit, unit_explicit, rest = "", False, after
    if is_pct:
        m = _SIGN.match(after)
        rest = after[m.end():] if m else after
        if _vocab().share_of_poor.match(rest):
            return None  # "chiếm 100% số hộ nghèo": a share of the poor, not a rate over all households
    elif points:
        rest = after[points.end():]
    else:
        um = v.unit.match(after)
        if um:
            unit, unit_explicit, rest = v.unit_of[_key(um.group(1))], True, after[um.end():]
            w = _NEXT_WORD.match(_vocab().after_category.sub("", rest, count=1))
            if w and w.group(1).lower() not in v.after_household:
                return FOREIGN  # "20 hộ sử dụng nước sạch", "20 hộ nghèo được vay vốn": a count of something else
        else:
            w = _NEXT_WORD.match(after)
            if w and w.group(1).lower() not in v.after_number:
                return FOREIGN  # "20 tấn", "2 lần": another unit
    # the clause after the number and its unit, up to the next punctuation or number
    right = re.split(r"[,;:.()\d]", rest, maxsplit=1)[0]
    approx = bool(v.bound_before.search(text[lo:n.start].rstrip()) or v.bound_after.match(rest)
                  or _RANGE_AFTER.match(rest) or _RANGE_BEFORE.search(text, max(0, n.start - 8), n.start))  # "1,8-2%"

    # role
    role: str | None = None
    role_start = role_end = 0  # where the role phrase stands in the window
    year: int | None = None
    from_range = False
    now = False
    ar = v.after_role.search(right) if not is_pct and not points else None
    if ar and ar.start() < 20:
        role = v.after_role_of[_key(ar.group(0))]
    elif v.range_from.search(window):
        role, from_range = "start", True
    else:
        found = list(v.role.finditer(window))
        for i in range(len(found) - 1, -1, -1):
            m = found[i]
            r = v.role_of[_key(m.group(0))]
            if r == "compare_start":
                if _residue(window[m.end():]) or window[m.end():].count("(") > 1:
                    continue
                r = "start"  # "so với đầu năm (46 hộ)"
            if r == "compare":
                continue
            if (r == "end" and _key(m.group(0)) in v.end_verbs and i
                    and v.role_of[_key(found[i - 1].group(0))] == "start"
                    and (not prev_end or _CLAUSE_END.search(masked, prev_end, lo + found[i - 1].start()))):
                # "Đầu năm phường còn 12 hộ nghèo": the time that opens the clause outranks the verb (not
                # "từ 326 hộ đầu năm 2021 còn 168 hộ", where it is the time of the number before)
                m, r = found[i - 1], "start"
            role, role_start, role_end = r, m.start(), m.end()
            now = _key(m.group(0)) in v.now_words
            break
    if forced is not None and role is None:
        role, year = forced[1], forced[2]
    if (inherit is not None and role is None and not is_pct and not points
            and (inherit.role in ("start", "end") or inherit.kind == "count")):
        role, year = inherit.role, inherit.year
    if role is not None and year is None:
        years = _vocab().year_in.findall(window)
        if years:
            year = int(years[-1])

    # category: after the unit, else in the label, else carried
    category: str | None = None
    explicit = False
    rc = v.category.search(v.neutral.sub(_blank, right)) if right else None
    if rc and _vocab().next_item.search(right, 0, rc.start()):
        rc = None  # "chiếm 5,99% và hộ cận nghèo 243 hộ": the category of the next figure, not of this one
    if forced is not None:
        category, explicit = forced[0], True
    elif rc and rc.start() < 25:
        category, explicit = v.category_of.get(_key(rc.group(0)), "poor"), True
    else:
        k = bisect.bisect_right(cat_ends, n.start) - 1
        if k >= 0 and cats[k][0] >= floor:
            category, explicit = cats[k][2], cats[k][1] > lo
        elif carry is not None:
            category = carry
    if inherit is not None and role == inherit.role and not explicit:
        category, explicit = inherit.category, True

    # total households: "toàn xã có 1.685 hộ", "trên tổng số 1.685 hộ" (no poverty word after it)
    if role == "total":
        if rc or v.category.search(window, role_end):
            # "tổng số hộ nghèo và cận nghèo: 140 hộ" is a count, not all households; "toàn xã hiện có
            # 46 hộ nghèo" the count at the start; "đầu năm 2024 toàn xã có 64 hộ nghèo" takes the role
            # stated before the phrase
            current = _vocab().current.search(window, role_start, role_end)
            role = "start" if current else _role_before(window[:role_start])
        elif is_pct or points or (unit and unit != HOUSEHOLDS) or n.decimals or _residue(window[role_end:]) > 0:
            return None  # "tổng số hộ tham gia bảo hiểm": not all households
        else:
            if not window[role_end:].strip():  # "tính trên 28.640 hộ": the phrase's "trên" is no bound
                approx = bool(v.bound_after.match(rest) or _RANGE_AFTER.match(rest))
            t = _term("total", "total", "all", HOUSEHOLDS, n, unit_explicit, approx, None, False)
            t.moment = _role_before(window[:role_start])
            if t.moment in ("start", "end"):
                years = _vocab().year_in.findall(window[:role_start])
                t.year = int(years[-1]) if years else None
            else:
                t.moment = None
            return t
    if category is None:
        return None

    if is_pct or points:
        if prev_kind == "other" and not explicit and _vocab().rate_after_count.match(window):
            return None  # "hộ đồng bào dân tộc thiểu số 420 hộ, chiếm 24,9%": the rate of that count
        if prev_kind == "count" and _vocab().rate_after_count.match(window):
            # "cuối năm còn 32 hộ (1,90%)": the rate of the count just before
            return _term("rate", role if role in ("start", "end") else "level", category, "percent", n, True,
                         approx, year, from_range)
        rt = _read_rate(n, window, category, explicit, prev_kind == "rate", role, year, approx, bool(points),
                        from_range)
        if forced is not None and isinstance(rt, Term):
            rt.category = forced[0]  # "tỷ lệ hộ nghèo và hộ cận nghèo lần lượt là 0,51% và 1,41%"
        return rt

    # a count
    slash = _SLASH_PAIR.match(rest)
    if forced is None and slash and not (rc and rc.start() < 25):
        other = v.unit.match(rest[slash.end():].lstrip("0123456789.,"))
        if other is None or v.unit_of[_key(other.group(1))] == unit:
            return None  # "46 hộ/94 hộ", "52 hộ/2.418 hộ": a pair or a fraction, whose halves the label does not name
    if role is None and not explicit:
        return None
    if not explicit:
        # carried category: only when nothing before the number brings in another subject
        limit = 2 if unit_explicit else 0
        if _residue(window) > limit:
            return FOREIGN
    stated = unit_explicit
    if not unit:
        lab = window.lower()
        if _vocab().people_label.search(lab):
            unit, stated = PEOPLE, True
        else:
            unit, stated = HOUSEHOLDS, bool(_vocab().household_label.search(lab))
    t = _term("count", role, category, unit, n, unit_explicit, approx, year, from_range)
    t.unit_stated = stated
    t.now = now and role == "start"
    return t


def _role_before(window: str) -> str | None:
    """The ledger role a label states right before another phrase ("đầu năm 2024 | toàn xã có")."""
    v = _vocab()
    for m in reversed(list(v.role.finditer(window))):
        r = v.role_of[_key(m.group(0))]
        if r in ("compare", "compare_start", "total"):
            return None
        if _residue(window[m.end():]) == 0:
            return r
        return None
    return None


def _read_rate(n: Num, window: str, category: str, explicit: bool, prev_rate: bool,
               role: str | None, year: int | None, approx: bool, points: bool,
               from_range: bool) -> Term | _Foreign | None:
    v = _vocab()
    words = list(v.rate_word.finditer(window))
    if words:
        tail = window[words[-1].end():]
        mc = v.category.search(tail)
        if mc:
            category = v.category_of.get(_key(mc.group(0)), "poor")
        elif _residue(tail) > 0 or not (explicit or prev_rate or category):
            return FOREIGN  # "tỷ lệ lao động qua đào tạo 55%": another rate
        elif not explicit and not prev_rate and _residue(window[: words[-1].start()]) > 1:
            return None
    elif not prev_rate and not points:
        return None  # a per-cent without "tỷ lệ" that does not follow a poverty rate
    elif _residue(window) > 0:
        return None
    if role in ("reduced", "escaped"):
        role = "fall"
    elif role not in ("start", "end"):
        if role is not None:
            return None  # "tỷ lệ hộ tái nghèo": not a rate of the ledger
        role = "fall" if points else "level"
    return _term("rate", role, category, "points" if points else "percent", n, True, approx, year, from_range)


def _term(kind: str, role: str | None, category: str, unit: str, n: Num, unit_explicit: bool, approx: bool,
          year: int | None, from_range: bool) -> Term:
    return Term(kind=kind, role=role, category=category, unit=unit, value=n.value, decimals=n.decimals, raw=n.raw,
                span=Span(0, 0), context=Span(0, 0), sentence=0, unit_explicit=unit_explicit, approx=approx,
                year=year, from_range=from_range)


# -- runs and ledgers ---------------------------------------------------------------------------------


def _parents(plan: Plan) -> dict[int, Section | None]:
    out: dict[int, Section | None] = {}
    for roots in (plan.body, *plan.appendices):
        for s in roots:
            out[id(s)] = None
    for s in plan.sections():
        for c in s.children:
            out[id(c)] = s
    return out


def _heading_category(section: Section | None) -> str | None:
    if section is None:
        return None
    v = _vocab()
    masked = v.neutral.sub(_blank, section.heading.text)
    found = [v.category_of.get(_key(m.group(0)), "poor") for m in v.category.finditer(masked)]
    return found[-1] if found and found[-1] in ("poor", "near") else None


def _related(prev: Block, cur: Block, parents: dict[int, Section | None]) -> bool:
    ps, cs = prev.section, cur.section
    if ps is cs:
        return ps is not None or prev.part == cur.part
    if ps is None or cs is None:
        return False
    return parents.get(id(cs)) is parents.get(id(ps)) or parents.get(id(cs)) is ps


def neighbourhoods(plan: Plan) -> dict[tuple[int, int], int]:
    """Each paragraph's (start, end) -> the index of the stretch of related paragraphs it is in (a
    heading and its text, sibling bullets of one list, a heading and its bullets): what a run reads
    together."""
    parents = _parents(plan)
    out: dict[tuple[int, int], int] = {}
    prev: Block | None = None
    k = 0
    for b in plan.blocks():
        if b.part not in ("heading", "body", "preamble"):
            prev = None
            continue
        if prev is None or not _related(prev, b, parents):
            k += 1
        out[(b.paragraph.span.start, b.paragraph.span.end)] = k
        prev = b
    return out


def runs(plan: Plan) -> list[Run]:
    """Every poverty statement of the plan, its terms gathered into ledgers."""
    parents = _parents(plan)
    out: list[Run] = []
    blocks = [b for b in plan.blocks() if b.part in ("heading", "body", "preamble")]
    state = _State(None, 0)
    current: Run | None = None
    prev_block: Block | None = None
    for b in blocks:
        continuing = current is not None and prev_block is not None and _related(prev_block, b, parents)
        if not continuing:
            head = (parents.get(id(b.section)) if b.section is not None else None) if b.part == "heading" \
                else b.section
            state.carry = _heading_category(head)
            named = _places(head.heading.text) if head is not None else []
            state.place = named[-1][1] if named else ""
        text = b.paragraph.text
        low = text.lower()
        if state.carry is None and not any(w in low for w in _vocab().poor_words) and not _vocab().total.search(text):
            current, prev_block = None, None
            continue
        terms = _paragraph_terms(b.paragraph, state)
        if not terms and b.part == "heading" and continuing:
            prev_block = b  # "b) Hộ cận nghèo": a heading of no figures between two related parts goes on
            continue
        if terms and any(t.kind == "rate" for t in terms):
            # "chiếm 12,50% so với tổng số hộ DTTS": a share of a category's households (the figure reader's
            # count_rate statement), not a rate over all households
            other = plan.fact(rates_of_categories)
            terms = [t for t in terms if t.kind != "rate" or t.span.start not in other]
        if not terms:
            current, prev_block = None, None
            continue
        if not continuing or current is None:
            current = Run()
            out.append(current)
        current.terms.extend(terms)
        prev_block = b
    for run in out:
        _assemble(run)
    return out


def _assemble(run: Run) -> None:
    current: dict[str, Ledger] = {}
    pending: dict[str, Term] = {}  # the last count of each category with no role of its own
    timed: dict[int, Term] = {}  # sentence -> its last figure of a stated time so far
    moments: list[tuple[Term, Term | None]] = []  # each total, the timed figure before it
    for t in run.terms:
        if t.kind == "total":
            moments.append((t, timed.get(t.sentence)))
            run.totals.append(t)
            continue
        if t.role in ("start", "end"):
            timed[t.sentence] = t
        if t.category == "both":
            run.combined.append(t)
            continue
        led = current.get(t.category)
        if t.kind == "count" and t.role is None:
            if led is not None and led.terms[-1].context == t.context:
                led.unassigned.append(t)
            pending[t.category] = t
            continue
        p = pending.pop(t.category, None)
        if t.kind == "rate" and t.role == "level" and p is not None and p.context == t.context and (
                led is None or not any(x.kind == "count" and x.order > p.order for x in led.terms)):
            # "trong đó hộ nghèo 32 hộ (1,90%)": a count and its rate, of no stated time
            if led is None:
                led = current[t.category] = Ledger(t.category)
                run.ledgers.append(led)
            if p in led.unassigned:
                led.unassigned.remove(p)
            t.role = "now"
            led.now.append((p, t))
            led.terms.append(t)
            continue
        if (t.kind == "count" and t.now and led is not None and ("start", t.unit) in led.counts
                and ("end", t.unit) not in led.counts and not t.year
                and any(x.role in MOVEMENTS and x.order > led.counts[("start", t.unit)].order for x in led.terms)):
            t.role = "end"  # "Đầu năm còn 12 hộ; 6 tháng có 5 hộ thoát nghèo, hiện còn 7 hộ": now is the end
        if led is None or _opens_new(led, t):
            led = Ledger(t.category)
            run.ledgers.append(led)
            current[t.category] = led
        led.add(t)
    # "cuối năm còn 724 hộ nghèo, tỷ lệ 1,62% (trên tổng số 44.690 hộ)": a total stated after a figure
    # of the year end is the year end's (a start-of-year rate may use last year's); the figure's time
    # as the ledgers settled it ("cuối năm 2024" in a plan for 2025 is the start)
    for total, before in moments:
        total.role = before.role if before is not None and before.role in ("start", "end") else None
    _link_across(run)


def _link_across(run: Run) -> None:
    """A rate in one bullet and its count in another, inside one run: linked only when nothing else
    could pair with either (one ledger of the category, one count of no stated time, one rate, no
    count at the rate's time)."""
    for category in ("poor", "near"):
        leds = [led for led in run.ledgers if led.category == category]
        if len(leds) != 1:
            continue
        led = leds[0]
        paired = {id(c) for c, _ in led.now} | {id(r) for _, r in led.now}
        loose = [t for t in run.terms if t.kind == "count" and t.role is None and t.category == category
                 and id(t) not in paired]
        rates = [r for r in led.rates.values() if r.unit == "percent" and id(r) not in paired]
        if len(loose) != 1 or len(rates) != 1 or led.now:
            continue
        c, r = loose[0], rates[0]
        if (r.role not in ("start", "end", "level") or c.context == r.context or c.unit != HOUSEHOLDS
                or not c.unit_stated or (r.role, HOUSEHOLDS) in led.counts
                or any(x.kind == "count" and x.unit == HOUSEHOLDS and x.role is not None for x in led.terms)):
            continue
        led.linked.append((c, r))


def _opens_new(led: Ledger, t: Term) -> bool:
    """Whether ``t`` belongs to the next ledger of its category rather than to ``led``."""
    if led.terms and (led.terms[0].period != t.period or led.terms[0].place != t.place):
        return True  # "giai đoạn 2021-2025 giảm 500 hộ" is not this year's ledger, nor is another village's
    if t.kind == "rate" and t.role == "level":
        last = next((x for x in reversed(led.terms) if x.kind == "count"), None)
        if last is not None and last.role in ("start", "end"):
            t.role = last.role
        elif last is not None and last.role == "reduced":
            t.role = "fall"
    if t.kind == "count":
        assert t.role is not None
        held = led.counts.get(("end", t.unit))
        if (held is not None and held.year and t.year == held.year + 1 and t.role != "start"
                and ("start", t.unit) not in led.counts):
            # "cuối năm 2024 … 46 hộ; năm 2025 giảm 14 hộ, cuối năm 2025 còn 32 hộ": last year's end is
            # this year's start
            del led.counts[("end", t.unit)]
            held.role, held.year = "start", t.year
            led.counts[("start", t.unit)] = held
            rate = led.rates.get("end")
            if rate is not None and rate.year == held.year - 1 and "start" not in led.rates:
                del led.rates["end"]  # "… cuối năm 2024 … 0,51% (21 hộ nghèo) …": its rate goes with it
                rate.role, rate.year = "start", t.year
                led.rates["start"] = rate
        elif (t.role, t.unit) in led.counts:
            return True
    elif t.role is not None:
        held = led.rates.get("end")
        if (held is not None and held.year and t.year == held.year + 1 and t.role != "start"
                and "start" not in led.rates):
            del led.rates["end"]
            held.role, held.year = "start", t.year
            led.rates["start"] = held
        elif t.role in led.rates:
            return True
    if (t.kind == "count" and any(x.kind == "count" and x.role == "end" for x in led.terms)
            and led.terms[-1].sentence != t.sentence):
        return True  # the ledger was closed by its year end; a new sentence or bullet starts another
    if t.year and any(x.year and x.year != t.year for x in led.terms) and not _closes_period(led, t):
        return True  # "… cuối năm 2024 còn 46 hộ; phấn đấu năm 2025 giảm 14 hộ": two years, two ledgers
    if t.role == "start" and led.terms and any(x.role not in ("start", None) for x in led.terms):
        return led.terms[-1].sentence != t.sentence
    return False


def _closes_period(led: Ledger, t: Term) -> bool:
    """Whether ``t`` is the end of a ledger over several years stated in one sentence: "Đầu kỳ năm 2021
    có 318 hộ nghèo; trong 5 năm có 251 hộ thoát nghèo …, đến cuối năm 2025 còn 104 hộ nghèo" (a start
    of an earlier year, flows of no year of their own, then the end)."""
    if t.kind != "count" or t.role != "end" or t.year is None:
        return False
    start = led.counts.get(("start", t.unit))
    if start is None or start.year is None or start.year >= t.year:
        return False
    return all(x.sentence == t.sentence and (x is start or (x.year is None and x.role != "end"))
               for x in led.terms)


# -- arithmetic shared by the rules and the inventory --------------------------------------------------


@dataclass(slots=True)
class UnitMix:
    """A ledger whose households and people figures do not form two ledgers of their own."""

    ledger: Ledger
    main: str  # the unit most figures use
    odd: str
    main_term: Term  # a figure in the main unit whose role the odd unit lacks
    odd_term: Term  # the first figure in the odd unit


def unit_mix(led: Ledger) -> UnitMix | None:
    by_unit: dict[str, list[Term]] = {HOUSEHOLDS: [], PEOPLE: []}
    for t in led.terms:
        if t.kind == "count" and t.role is not None and t.unit_stated and t.unit in by_unit:
            by_unit[t.unit].append(t)
    roles = {u: {t.role for t in ts} for u, ts in by_unit.items()}
    h, p = roles[HOUSEHOLDS], roles[PEOPLE]
    if not h or not p or h <= p or p <= h:
        return None
    # the unit with fewer roles is the odd one out (people on a tie: households are the norm)
    odd = PEOPLE if len(p) <= len(h) else HOUSEHOLDS
    main = HOUSEHOLDS if odd == PEOPLE else PEOPLE
    a = next(t for t in by_unit[main] if t.role not in roles[odd])
    return UnitMix(led, main, odd, a, by_unit[odd][0])


@dataclass(slots=True)
class Balance:
    """end = start − out + in for one ledger and unit, as the plan states it."""

    ledger: Ledger
    unit: str
    start: Term
    end: Term
    parts: list[Term]  # the movements used, in the order the plan states them
    computed: Decimal
    ok: bool
    kind: str = "default"  # default | breakdown (a net "giảm" that its parts do not make up)
    reduced: Term | None = None  # breakdown: the net reduction
    net: Decimal | None = None  # breakdown: escaped − arrivals
    soft: bool = False  # households moving in or out, or counts not understood: a warning at most

    def lhs(self) -> Seq:
        c = self.ledger.category
        out: list[Any] = [role_word(c, "start"), f" {format_vn(self.start.value)}"]
        for t in self.parts:
            assert t.role is not None
            op = "+" if t.role in INFLOWS else "−"
            out += [f" {op} ", role_word(c, t.role), f" {format_vn(t.value)}"]
        return Seq(tuple(out))

    def breakdown_text(self) -> Seq:
        """escaped 16 − newly poor 3 (the parts of a net reduction)."""
        out: list[Any] = []
        for t in self.ledger.terms:
            if t.kind != "count" or t.unit != self.unit or t.role not in MOVEMENTS or t.role == "reduced":
                continue
            if out:
                out.append(f" {'−' if t.role in INFLOWS else '+'} ")
            out += [role_word(self.ledger.category, t.role), f" {format_vn(t.value)}"]
        return Seq(tuple(out))

    def statement(self) -> Seq:
        c = self.ledger.category
        mark = "✓" if self.ok else "✗"
        eq = seq(self.lhs(), f" = {format_vn(self.computed)}")
        if self.kind == "breakdown" and self.reduced is not None and self.net is not None:
            return seq(eq, " (", Word("word.year_end"), f" {format_vn(self.end.value)}); ", Word("word.reduced"),
                       f" {format_vn(self.reduced.value)} ≠ ", self.breakdown_text(),
                       f" = {format_vn(self.net)} {mark}")
        if self.computed == self.end.value:
            return seq(eq, " (", role_word(c, "end"), f" {format_vn(self.end.value)}) {mark}")
        return seq(eq, ", ", Word("word.the_plan_says"), " ", role_word(c, "end"),
                   f" {format_vn(self.end.value)} {mark}")


def balance(led: Ledger, unit: str) -> Balance | None:
    """The ledger's equation in ``unit`` when start, end and at least one movement are stated exactly."""
    s, e = led.count("start", unit), led.count("end", unit)
    moves = [t for t in led.terms if t.kind == "count" and t.role in MOVEMENTS and t.unit == unit
             and led.counts.get((t.role, unit)) is t]
    if s is None or e is None or not moves:
        return None
    if not all(t.exact_count for t in (s, e, *moves)):
        return None
    by = {t.role: t for t in moves}
    val = {r: by[r].value if r in by else Decimal(0) for r in MOVEMENTS}
    inflow = val["fell_back"] + val["newly_poor"] + val["moved_in"]
    soft = "moved_out" in by or "moved_in" in by or bool(led.unassigned)
    x, r = by.get("escaped"), by.get("reduced")
    if x is not None and r is not None:
        gross_parts = [t for t in moves if t is not r]
        gross = s.value - val["escaped"] - val["moved_out"] + inflow
        net_ok = s.value - val["reduced"] == e.value and val["reduced"] == val["escaped"] + val["moved_out"] - inflow
        gross_ok = gross == e.value and val["reduced"] == val["escaped"]
        if net_ok or gross_ok:
            return Balance(led, unit, s, e, [r], s.value - val["reduced"], True, soft=soft)
        if s.value - val["reduced"] == e.value:
            if any(t.partial for t in moves if t is not r):
                # "giảm 14 hộ, trong đó 10 hộ thoát nghèo": the parts need not make up the whole
                return Balance(led, unit, s, e, [r], s.value - val["reduced"], True, soft=soft)
            return Balance(led, unit, s, e, [r], s.value - val["reduced"], False, "breakdown", r,
                           val["escaped"] + val["moved_out"] - inflow, soft)
        return Balance(led, unit, s, e, gross_parts, gross, False, soft=soft)
    computed = s.value - val["escaped"] - val["reduced"] - val["moved_out"] + inflow
    ok = computed == e.value
    if not ok and r is not None and inflow and s.value - val["reduced"] - val["moved_out"] == e.value:
        ok = True  # "giảm" read as the net reduction, arrivals already counted in it
    return Balance(led, unit, s, e, moves, computed, ok, soft=soft)


@dataclass(slots=True)
class RateFall:
    ledger: Ledger
    start: Term
    end: Term
    fall: Term
    computed: Decimal  # start − end, in percentage points
    ok: bool
    relative: Decimal | None  # (start − end) / start × 100 when the stated fall matches it

    def statement(self) -> Seq:
        d = max(self.start.decimals, self.end.decimals)
        return seq(f"{self.start.raw}% − {self.end.raw}% = {format_vn(self.computed, d)} ", Word("word.points"),
                   " (", Word("word.fall"), f" {self.fall.printed()}) {'✓' if self.ok else '✗'}")


def _half(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-(decimals + 1))


def rate_fall(led: Ledger) -> RateFall | None:
    """start rate − end rate = the stated fall, in percentage points, within printed rounding."""
    s, e, f = led.rates.get("start"), led.rates.get("end"), led.rates.get("fall")
    if s is None or e is None or f is None or s.approx or e.approx or f.approx:
        return None
    computed = s.value - e.value
    tol = _half(s.decimals) + _half(e.decimals) + _half(f.decimals)
    ok = abs(computed - f.value) <= tol
    relative = None
    hs, he = _half(s.decimals), _half(e.decimals)
    if not ok and s.value - hs > 0 and f.unit == "percent":
        # the fall relative to the start, over every value the printed start and end may stand for
        corners = [(a - b) / a * 100 for a in (s.value - hs, s.value + hs) for b in (e.value - he, e.value + he)]
        if min(corners) - _half(f.decimals) <= f.value <= max(corners) + _half(f.decimals):
            relative = computed / s.value * 100
    return RateFall(led, s, e, f, computed, ok, relative)


@dataclass(slots=True)
class RatePair:
    """A count and its rate at one time: they imply the number of all households."""

    ledger: Ledger
    time: str  # start | end | now (no time stated)
    count: Term
    rate: Term
    linked: bool = False  # the count and the rate stand in two bullets: a warning at most
    implied: Decimal | None = None  # the count its ledger implies, when the ledger does not balance

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        return self.bounds_of(self.count.value)

    def bounds_of(self, count: Decimal) -> tuple[Decimal, Decimal]:
        """The household totals ``count`` at this rate may stand for, within the rate's rounding."""
        h = _half(self.rate.decimals)
        lo_rate, hi_rate = self.rate.value - h, self.rate.value + h
        lo = count * 100 / hi_rate
        hi = count * 100 / lo_rate if lo_rate > 0 else Decimal("Infinity")
        return lo, hi


def rate_pairs(led: Ledger) -> list[RatePair]:
    out = []
    candidates = [(time, led.count(time, HOUSEHOLDS), led.rates.get(time)) for time in ("start", "end")]
    candidates += [("now", c, r) for c, r in led.now if c.unit == HOUSEHOLDS]
    candidates += [("now" if r.role == "level" else str(r.role), c, r) for c, r in led.linked]
    for time, c, r in candidates:
        if c is None or r is None or r.unit != "percent" or not c.exact_count or r.approx or r.value <= 0:
            continue
        if r.value - _half(r.decimals) <= 0:
            continue
        linked = any(c is x and r is y for x, y in led.linked)
        if c.context != r.context and not linked:
            # a count and a rate of two bullets, each of its own time, may not speak of the same thing,
            # unless they are the one count and the one rate of that time in one ledger and their years
            # agree, one of them stating it ("- Giảm tỷ lệ hộ nghèo … xuống còn 3,50%" / "- Số hộ nghèo
            # cuối năm 2027 còn 1.132 hộ"): a warning at most
            if time == "now" or (c.year is None and r.year is None) or (
                    c.year is not None and r.year is not None and c.year != r.year):
                continue
            linked = True
        out.append(RatePair(led, time, c, r, linked=linked))
    return out



def trusted_pairs(run: Run) -> list[RatePair]:
    """The count-and-rate pairs of a run, in the order of their rates, without the counts of a
    ledger that does not balance (P101 reports those; they are already in question)."""
    out: list[RatePair] = []
    for led in run.ledgers:
        b = balance(led, HOUSEHOLDS)
        doubtful = {id(t) for t in (b.start, b.end, *b.parts)} if b is not None and not b.ok else set()
        out.extend(p for p in rate_pairs(led) if id(p.count) not in doubtful)
    return sorted(out, key=lambda p: p.rate.span.start)


def doubted_pairs(run: Run) -> list[RatePair]:
    """The count-and-rate pairs at the start or the end of a ledger that does not balance, each with
    the count the rest of the ledger implies (``implied``): a comparison that fails with the printed
    count and with the implied one fails whichever figure of the ledger is wrong."""
    out: list[RatePair] = []
    for led in run.ledgers:
        b = balance(led, HOUSEHOLDS)
        if b is None or b.ok or b.soft or b.kind != "default":
            continue
        for p in rate_pairs(led):
            if p.count is b.end:
                p.implied = b.computed
            elif p.count is b.start:
                p.implied = b.start.value + b.end.value - b.computed
            else:
                continue
            out.append(p)
    return out

# -- planlint facts -----------------------------------------------------------------------------------


def inventory(plan: Plan) -> list[FactRow]:
    """One row per ledger: its figures, and its equation with ✓ or ✗ when it can be checked (in
    the reader's language: the rows hold language-neutral values)."""
    rows: list[FactRow] = []
    for run in plan.fact(runs):
        for led in run.ledgers:
            rows.extend(_ledger_rows(led))
        for t in run.totals:
            shown = seq(Word("word.households_total"), f" {format_vn(t.value)}")
            rows.append(FactRow("households", t.span, shown, {"value": str(t.value)}))
    return rows


def _ledger_rows(led: Ledger) -> list[FactRow]:
    rows = []
    for unit in led.units():
        label = category_word(led.category, unit)
        b = balance(led, unit)
        data: dict[str, object] = {"category": led.category, "unit": unit,
                                   **{r: str(t.value) for (r, u), t in led.counts.items() if u == unit}}
        text: Any
        if b is not None:
            data["ok"] = b.ok
            text = seq(label, ": ", b.statement())
        else:
            figures = [seq(role_word(led.category, r), f" {('≈' if t.approx else '')}{format_vn(t.value)}")
                       for r in COUNT_ROLES if (t := led.counts.get((r, unit))) is not None]
            text = seq(label, ": ", Seq(tuple(figures), "; "), " (", Word("word.not_checkable"), ")")
        first = min((t for (_, u), t in led.counts.items() if u == unit), key=lambda t: t.span.start)
        rows.append(FactRow("ledger", first.span, text, data))
    rate_of = Word("word.rate_of")
    for c, r in led.now:
        category = category_word(led.category, c.unit)
        shown = seq(category, f" {format_vn(c.value)}, ", rate_of, f" {r.printed()}")
        rows.append(FactRow("poverty rate", c.span, shown,
                            {"category": led.category, "count": str(c.value), "rate": str(r.value)}))
    for c, r in led.linked:
        rows.append(FactRow("link: rate and count", c.span,
                            seq(category_word(led.category, c.unit), f" {format_vn(c.value)}; ", rate_of,
                                f" {r.printed()} (", Word(f"rate_role.{r.role}"), ")"),
                            {"category": led.category, "count": str(c.value), "rate": str(r.value), "linked": True}))
    if led.rates:
        rate_label = seq(rate_of, " ", category_word(led.category, HOUSEHOLDS))
        rf = rate_fall(led)
        if rf is not None:
            text = seq(rate_label, ": ", rf.statement())
        else:
            text = seq(rate_label, ": ", Seq(tuple(
                seq(Word(f"rate_role.{r}"), f" {('≈' if t.approx else '')}{t.printed()}")
                for r, t in led.rates.items()), "; "))
        data2: dict[str, object] = {"category": led.category, **{r: str(t.value) for r, t in led.rates.items()}}
        if rf is not None:
            data2["ok"] = rf.ok
        first_rate = min(led.rates.values(), key=lambda t: t.span.start)
        rows.append(FactRow("poverty rate", first_rate.span, text, data2))
    return rows
