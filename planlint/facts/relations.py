"""Relations between numbers of one statement that bound each other.

* **part of a whole**: a percentage, then ``trong đó`` and a percentage of the same population
  (``đạt 83%; trong đó … có văn bằng 45%``, ``100% …, trong đó có trên 80%``). The part cannot be
  larger than the whole. A part that is the rate of a subgroup (``trong đó ở vùng núi 15%``,
  ``nữ``, ``dân tộc``…, ``subgroup`` in ``rules/sectors.toml``) may be, and is left alone.
* **fraction**: ``06/06 trạm``, ``03/05 xã``, ``6/7 xã, phường``: a count of a fixed set (units with
  ``fixed_set`` in ``rules/units.toml``) out of its size. Dates (``16/7/2021``, ``ngày 03/05``) are
  not fractions, and achieved-versus-target counts (``kết nạp 10/7 đảng viên``) may exceed.
* **rate**: a percentage whose label makes it a proportion of a population (``tỷ lệ``,
  ``bao phủ``, ``che phủ``…) unless it is measured against a plan, a budget or a past period
  (``đạt 102% kế hoạch``, ``so với cùng kỳ``) or is a change.
* **counted list**: ``06 Chỉ số: PAR INDEX, PCI, PAPI, SIPAS, DTI và PII``; the count, and every
  reasonable way of counting the items (by commas with or without the final ``và``, by
  semicolons, by bracketed acronyms).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..i18n import say
from ..parsing.tree import Plan, Span
from ..phrases import W, alt, words
from ..scan.units import PERCENT, match_unit
from . import FactRow
from .quantities import Quantity, Sentence, sentences
from .vocab import clean_label, cue, data

# -- part of a whole ----------------------------------------------------------------------------


@dataclass(slots=True)
class PartOfWhole:
    sentence: Sentence
    whole: Quantity
    part: Quantity
    whole_label: str
    part_label: str

    @property
    def span(self) -> Span:
        return self.sentence.span_of(self.whole.start, self.part.end)


@functools.cache
def _in_which() -> re.Pattern[str]:
    return re.compile(W + alt(words("sectors", "part_of_whole", "cues")) + r"(?![^\W\d_])\s*[,:]?", re.IGNORECASE)


def parts_of_wholes(plan: Plan) -> list[PartOfWhole]:
    out = []
    subgroup = cue("part_of_whole", "subgroup", plain=False)
    unbounded = cue("rates", "unbounded", plain=False)
    for sent in plan.fact(sentences):
        qs = [q for q in sent.quantities if q.role == "quantity"]
        text = sent.masked
        for i, w in enumerate(qs[:-1]):
            if w.unit is not PERCENT:
                continue
            nxt = qs[i + 1]
            if nxt.unit is not PERCENT:
                continue
            between = text[w.num.full_end:nxt.start]
            m = _in_which().search(between)
            if not m:
                continue
            lead = between[:m.start()]
            # "đạt 83%; trong đó …" or "100% chi, đảng bộ hoàn thành nhiệm vụ, trong đó có …"
            if re.search(r"\d", lead) or len(lead) > 100 or ";" in lead.strip(" ;,") or "." in lead:
                continue
            part_text = between[m.end():]
            if subgroup.search(part_text) or ";" in part_text or "." in part_text.rstrip():
                continue
            start = text.rfind(";", sent.start, w.start)
            whole_label = clean_label(text[max(start + 1, sent.start):w.start])
            if unbounded.search(whole_label) or unbounded.search(between):
                continue  # "đạt 105% dự toán, trong đó thu nội địa đạt 120%": rates of other bases
            out.append(PartOfWhole(sent, w, nxt, whole_label, clean_label(part_text)))
    return out


# -- fractions ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Fraction:
    sentence: Sentence
    num: Quantity
    den: Quantity
    unit_key: str  # the set as printed, lower-cased: "xã, phường", "trạm y tế"
    target: bool  # achieved against a target (may exceed)
    subgroup: bool  # a named subgroup of the set ("xã miền núi")

    @property
    def span(self) -> Span:
        return self.sentence.span_of(self.num.start, self.den.end)

    def shown(self) -> str:
        return f"{self.num.raw}/{self.den.raw} {self.den.unit_text}"


@functools.cache
def _date_before() -> re.Pattern[str]:
    return re.compile(W + alt(words("sectors", "fractions", "date_before")) + r"\s*$", re.IGNORECASE)


def is_fraction(sent: Sentence, a: Quantity, b: Quantity) -> bool:
    """Whether ``a/b`` is a count out of a total: two whole numbers of one paragraph joined by a slash,
    no unit on ``a``, not a date (``16/7``, ``ngày 03/05``, ``1/2/2025``)."""
    text = sent.masked
    if a.block != b.block or text[a.num.full_end:b.start].strip() != "/" or a.unit is not None:
        return False
    if a.num.decimals or b.num.decimals:
        return False
    if a.role == "date" or b.role == "date" or a.num.in_date or b.num.in_date:
        return False
    if _date_before().search(text[max(sent.start, a.start - 12):a.start]):
        return False
    return not re.match(r"\s*/\s*\d", text[b.num.full_end:])


def fractions(plan: Plan) -> list[Fraction]:
    out = []
    target = cue("fractions", "target")
    subgroup = cue("fractions", "subgroup")
    for sent in plan.fact(sentences):
        qs = sent.quantities
        text = sent.masked
        for a, b in zip(qs, qs[1:], strict=False):
            if b.unit is None or not b.unit.fixed_set or not is_fraction(sent, a, b):
                continue
            head = text[sent.start:a.start]
            is_target = bool(target.search(head[-40:]) or target.search(text[b.end:b.end + 30]))
            is_sub = bool(subgroup.search(text[b.end:b.end + 40]))
            out.append(Fraction(sent, a, b, b.unit_text.lower(), is_target, is_sub))
    return out


# -- bounded rates --------------------------------------------------------------------------------


@dataclass(slots=True)
class Rate:
    sentence: Sentence
    q: Quantity
    label: str  # the clause before the number
    after: str  # the words after it up to the clause end
    bounded: bool  # a proportion of a population (at most 100%)
    after_figure: bool = False  # a figure of another kind comes first in its clause ("1.238 hộ …, đạt tỷ lệ 225%")


_CLAUSE_AFTER = re.compile(r"[^;,.()]*")


def rates(plan: Plan) -> list[Rate]:
    out = []
    bounded = cue("rates", "bounded", plain=False)
    unbounded = cue("rates", "unbounded", plain=False)
    for sent in plan.fact(sentences):
        text = sent.masked
        prev_end = sent.start
        prev: Quantity | None = None
        for q in sent.quantities:
            if q.role != "quantity":
                continue
            if q.unit is PERCENT:
                cut = max(text.rfind(";", sent.start, q.start), prev_end - 1)
                label = text[max(cut + 1, sent.start):q.start]
                after = _CLAUSE_AFTER.match(text, q.num.full_end)
                after_text = after.group(0) if after else ""
                is_bounded = bool(bounded.search(label)) and not unbounded.search(label) \
                    and not unbounded.search(after_text)
                after_figure = prev is not None and prev.unit is not None and not prev.unit.dimension.startswith(
                    "ratio") and not re.search(r"[;.]", text[prev.end:q.start])
                out.append(Rate(sent, q, clean_label(label), after_text.strip(), is_bounded, after_figure))
            prev_end = q.end
            prev = q
    return out


# -- counted lists --------------------------------------------------------------------------------


@dataclass(slots=True)
class CountedList:
    sentence: Sentence
    count: int
    count_span: Span
    noun: str
    items_text: str
    candidates: tuple[int, ...]  # every count the items allow
    items: list[str]

    @property
    def span(self) -> Span:
        return self.count_span


def _list_words() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in data().get("lists", {}).get("words", {}).items()}


@functools.cache
def _count() -> re.Pattern[str]:
    """A count (digits or a spelled count of ``[lists] words``), its noun, and what introduces
    the items."""
    spelled = "|".join(sorted((re.escape(w) for w in _list_words()), key=len, reverse=True))
    return re.compile(r"(?<![\w.,/])(?P<n>\d{1,2}|" + spelled + r")\s+(?P<noun>(?:[^\W\d_][\w\-]*\s?){1,8}?)\s*"
                      r"(?P<intro>:|,?\s" + alt(words("sectors", "lists", "intro_words")) + r"\s*:?|\()\s*",
                      re.IGNORECASE)


def _top_level_split(text: str, seps: str) -> list[str]:
    """Split at separators outside brackets and quotes."""
    out: list[str] = []
    cur: list[str] = []
    depth, quote = 0, False
    for c in text:
        if c in "(“[":
            depth += 1
        elif c in ")”]":
            depth = max(depth - 1, 0)
        elif c == '"':
            quote = not quote
        if c in seps and depth == 0 and not quote:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return [s.strip() for s in out if s.strip()]


@functools.cache
def _time_noun() -> re.Pattern[str]:
    return re.compile(alt(words("sectors", "lists", "time_nouns")) + r"(?![^\W\d_])", re.IGNORECASE)


@functools.cache
def _enumerator() -> re.Pattern[str]:
    letters = "".join(re.escape(w) for w in words("sectors", "lists", "item_letters"))
    ordinals = alt(words("sectors", "lists", "ordinals"))
    return re.compile(r"(?:^|[\s;,:])(?:\(\d{1,2}\)|\d{1,2}\)|[" + letters + r"]\)|" + ordinals + ")",
                      re.IGNORECASE)


@functools.cache
def _and() -> re.Pattern[str]:
    return re.compile(r"\s" + alt(words("sectors", "lists", "conjunctions")) + r"\s", re.IGNORECASE)


@functools.cache
def _not_count_before() -> re.Pattern[str]:
    return re.compile(W + alt(words("sectors", "lists", "not_count_before")) + r"\s*$", re.IGNORECASE)
_PAREN_GROUP = re.compile(r"\([^()]*\)")


_NUMBERED_NAME = re.compile(r"^[^\W\d_][^\d;:]*?\s\d{1,3}[A-Za-z]?$")


def _numbered_names(items_text: str) -> bool:
    """``khu phố 1, khu phố 2, … và khu phố 8``: members named by a number, not values."""
    items = [x for part in _top_level_split(items_text, ",;") for x in _and().split(part)]
    return len(items) >= 2 and all(_NUMBERED_NAME.match(x.strip()) for x in items)


def _items_for(n: int, by_comma: list[str], items_text: str, enumerated: list[str]) -> list[str]:
    """The items as a reader counts them: the reading whose count is the announced one when
    there is one (``hạ tầng, chuyển đổi số và nguồn nhân lực`` is three), else by commas."""
    if len(by_comma) == n:
        return by_comma
    if by_comma and len(by_comma) + 1 == n:
        last = _and().split(by_comma[-1], maxsplit=1)
        if len(last) == 2:
            return by_comma[:-1] + [x.strip() for x in last]
    if ";" in items_text:
        by_semi = _top_level_split(items_text, ";")
        if len(by_semi) == n:
            return by_semi
    parens = _PAREN_GROUP.findall(_top_level_split(items_text, ";")[0] if ";" in items_text else items_text)
    if len(parens) == n:
        return [p.strip("()") for p in parens]
    if len(enumerated) == n:
        return [e.strip(" ;,:") for e in enumerated]
    return by_comma


def counted_lists(plan: Plan) -> list[CountedList]:
    out = []
    spelled = _list_words()
    intro_words = [str(w) for w in data().get("lists", {}).get("intro_words", [])]
    for sent in plan.fact(sentences):
        text = sent.para.text  # lists keep their brackets (acronyms are items' names)
        window = text[sent.start:sent.end]
        if ":" not in window and "(" not in window and not any(w in window for w in intro_words):
            continue
        for m in _count().finditer(window):
            n_raw = m.group("n")
            n = int(n_raw) if n_raw.isdigit() else spelled.get(n_raw.lower(), 0)
            if not 2 <= n <= 30:
                continue
            noun = m.group("noun").strip()
            if _time_noun().match(noun):
                continue  # "kỷ niệm 30 năm: …", "6 tháng đầu năm: …"
            start = sent.start + m.start("n")
            if re.search(r"[/.,]\d|\d[/.,]$", text[max(0, start - 2):start]):
                continue
            if n_raw.isdigit():
                if match_unit(text, start + len(n_raw)) is not None and not noun:
                    continue
                before = text[max(sent.start, start - 12):start]
                if _not_count_before().search(before):
                    continue
            rest = window[m.end():]
            end = len(rest)
            for stop in (re.search(r"[.!?](?:\s|$)", rest),):
                if stop:
                    end = stop.start()
            paren = m.group("intro") == "("
            if paren:
                close = rest.find(")")
                if close < 0 or "(" in rest[:close]:
                    continue
                end = close
            items_text = rest[:end].strip()
            if not items_text and ":" in m.group("intro") and not rest.strip():
                sub = _sub_items(plan, sent)
                if sub:
                    out.append(CountedList(sent, n, sent.para.span_of(start, start + len(n_raw)), noun, "",
                                           (len(sub),), sub))
                continue
            if not items_text or len(items_text) > 500:
                continue
            if re.search(r"\d", _PAREN_GROUP.sub("", items_text)) and not _numbered_names(items_text):
                continue  # numbers: values, not names
            first_clause = _top_level_split(items_text, ";")[0] if ";" in items_text else items_text
            by_comma = _top_level_split(first_clause, ",")
            parens = _PAREN_GROUP.findall(first_clause)
            if any(len(_PAREN_GROUP.sub("", i).split()) > 14 for i in by_comma):
                continue  # sentences, not names
            cands = {len(by_comma)}
            if by_comma and _and().search(by_comma[-1]):
                cands.add(len(by_comma) + 1)
            if ";" in items_text:
                cands.add(len(_top_level_split(items_text, ";")))
            if len(parens) >= 2:
                cands.add(len(parens))
            enumerated = _enumerator().findall(items_text)
            if len(enumerated) >= 2:
                cands.add(len(enumerated))
            if len(by_comma) < 2 and ";" not in items_text and not _and().search(items_text):
                continue  # one phrase: not an enumeration
            if paren and not all(any(w[:1].isupper() for w in x.split()[:2])
                                 for x in _and().split(by_comma[-1]) + by_comma[:-1]):
                # "10 hộ (vùng sâu, vùng xa)", "15 doanh nghiệp (tập trung tại xã An Hòa và …)":
                # an aside; a bracketed list is one of named members ("ấp Mỹ Hòa, ấp Mỹ Lợi …")
                continue
            out.append(CountedList(sent, n, sent.para.span_of(start, start + len(n_raw)), noun, items_text,
                                   tuple(sorted(cands)), _items_for(n, by_comma, items_text, enumerated)))
    return out


def _sub_items(plan: Plan, sent: Sentence) -> list[str]:
    """The items under a sentence that closes its item's text with a colon (``… thực hiện 7 nhóm
    giải pháp sau:`` and the points ``a)`` … ``g)`` below it): the item's sub-items when they are
    two or more numbered the same way; [] otherwise (a bullet list may hold notes, not items)."""
    from .quantities import blocks

    b = plan.fact(blocks)[sent.index]
    sec = b.section
    if sec is None or sent.end < len(sent.para.text.rstrip()) - 1:
        return []
    last = sec.heading if not sec.paragraphs else sec.paragraphs[-1]
    if last is not sent.para or len(sec.children) < 2:
        return []
    kinds = {(c.marker.kind, c.marker.delim) for c in sec.children}
    if len(kinds) != 1 or next(iter(kinds))[0] == "bullet":
        return []
    if any(c.children or ";" in c.heading.text for c in sec.children):
        return []  # "12 chỉ tiêu sau:" over groups of them ("a) Về kinh tế: …; …"): groups, not items
    return [" ".join(c.heading.text.split()[:6]).rstrip(".;:,") for c in sec.children]


def inventory(plan: Plan) -> list[FactRow]:
    rows = []
    for f in plan.fact(fractions):
        rows.append(FactRow("fraction", f.span, f.shown(), {"numerator": str(f.num.value),
                                                            "denominator": str(f.den.value), "set": f.unit_key}))
    for p in plan.fact(parts_of_wholes):
        rows.append(FactRow("part of whole", p.span,
                            f"{p.whole.shown()} ({p.whole_label}) ⊇ {p.part.shown()} ({p.part_label})",
                            {"whole": str(p.whole.value), "part": str(p.part.value)}))
    for c in plan.fact(counted_lists):
        shown = say("fact.items_listed", count=c.count, noun=c.noun, n=len(c.items))
        rows.append(FactRow("counted list", c.span, shown,
                            {"count": c.count, "items": c.items, "candidates": list(c.candidates)}))
    return rows

