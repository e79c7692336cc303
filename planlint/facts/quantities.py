"""Quantities: every number of a plan's text with its unit, qualifier and role.

Built on ``planlint.scan.numbers.scan_numbers``, paragraph by paragraph (``Plan.blocks``):

* the unit printed after the number (``rules/units.toml``: ``1.525,59 tỷ đồng``, ``60 Tr.đ/người/năm``,
  ``8m<sup>2</sup>/người``), or ``%``/``‰`` (``5,8%0`` is per mille);
* the qualifier printed around it: ``khoảng`` (≈), ``trên``/``hơn``/``>`` (>), ``từ``/``≥``/``$\\geq$``/
  ``… trở lên`` (≥), ``dưới``/``<`` (<), ``tối đa``/``không quá``/``≤`` (≤);
* ranges (``1% - 1,5%``, ``6,5-7%``, ``từ 01 đến 02 xã``): both ends carry the range;
* its role: a ``quantity``, or a ``date`` (``16/7/2021``, ``tháng 8``), a ``year`` (``năm 2025``,
  ``2021-2025``), an ``identifier`` (``14/KH-UBND``, ``Đề án số 06``, ``ISO 9001:2015``), an
  ``ordinal`` (``lần thứ 13``, ``Đợt 1``) or a ``duration`` (``5 năm``). Only quantities take part
  in arithmetic.

Ambiguous tokens (``3,098``, ``15.40``) are read in the document's own convention (``style``:
the tokens that can only be Vietnamese, ``1.525,59`` ``39,29``, against those that can only be
English, ``15.40`` ``1,525.59``). A token the convention cannot settle keeps ``ambiguous=True``:
checks leave it alone and N109 reports it.

``sentences`` cuts each paragraph into statements (a full stop followed by a capital), with a
*masked* text in which bracketed alternatives and comparisons (``(nếu không tính … 12,8%)``,
``(cùng kỳ năm 2022 là …)``) are blanked, offsets unchanged, so no rule reads them as parts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..i18n import Word, say, seq
from ..parsing.tree import Block, Paragraph, Plan, Span
from ..phrases import alt, words
from ..scan.numbers import Num, english_value, format_vn, scan_numbers, token_style
from ..scan.units import PERCENT, PERMILLE, Unit, match_per, match_unit
from ..table_cache import kept
from . import FactRow
from .vocab import cue

_PARTS = ("preamble", "body", "heading")

_W = r"(?<![^\W\d_])"  # a word starts here
_SYMBOLS_BEFORE = re.compile(r"(?:\\geq|\\ge|≥|>=|>|\\leq|\\le|≤|<=|<)[\s$]*$")
_DM_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d{1,2}/\d{1,2}(?![\d/])")  # "30/4 - 1/5", "(01/6 - 30/6)"
_DM_RANGE_BEFORE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}\s*[-–—]\s*$")


@dataclass(frozen=True)
class _Patterns:
    """The patterns built from ``rules/quantities.toml`` (once, on first use)."""

    qual_before: re.Pattern[str]  # named groups approx, ge, le, gt, lt
    qual_after: re.Pattern[str]  # group w: "trở lên", "trở xuống"
    at_least_after: frozenset[str]
    change_from: frozenset[str]
    from_to_next: re.Pattern[str]  # "từ 2,32% xuống còn …": a change starts
    day_month_after: re.Pattern[str]
    share_before: re.Pattern[str]
    range_join: re.Pattern[str]
    date_before: re.Pattern[str]
    year_before: re.Pattern[str]
    ordinal_before: re.Pattern[str]
    not_ordinal_before: re.Pattern[str]  # "trực tuyến 940": a compound that ends in an ordinal's word
    ident_before: re.Pattern[str]
    not_ident_before: re.Pattern[str]  # "tổng số 8.642": a count, not a number's name
    ident_after: re.Pattern[str]  # "12/QĐ-…", "-2024", ":5": a symbol or a reference goes on
    duration_after: re.Pattern[str]


def _key(w: str) -> str:
    return " ".join(w.lower().split())


@kept
def _pat() -> _Patterns:
    def w(table: str, key: str) -> list[str]:
        return list(words("quantities", table, key))

    return _Patterns(
        qual_before=re.compile(
            _W + rf"(?:(?P<approx>{alt(w('qualifiers', 'approx'))[3:-1]})"
            rf"|(?P<ge>{alt(w('qualifiers', 'ge'))[3:-1]}|≥|>=|\\geq|\\ge)"
            rf"|(?P<le>{alt(w('qualifiers', 'le'))[3:-1]}|≤|<=|\\leq|\\le)"
            rf"|(?P<gt>{alt(w('qualifiers', 'gt'))[3:-1]}|>)"
            rf"|(?P<lt>{alt(w('qualifiers', 'lt'))[3:-1]}|<))"
            r"[\s$:]*$",
            re.IGNORECASE,
        ),
        qual_after=re.compile(r"\s*(?P<w>" + alt(w("qualifiers", "at_least_after") + w("qualifiers", "at_most_after"))
                              + ")", re.IGNORECASE),
        at_least_after=frozenset(_key(x) for x in w("qualifiers", "at_least_after")),
        change_from=frozenset(_key(x) for x in w("qualifiers", "change_from")),
        from_to_next=re.compile(r"\s*,?\s*(?:" + cue("dates", "from_to").pattern + r")\s*(?:"
                                + alt(w("qualifiers", "level")) + r"\s*)?\d", re.IGNORECASE),
        day_month_after=re.compile(r"\s*(?:[.;,:)!?]|" + alt(w("roles", "day_month_after")) + r"(?!\w)|$)",
                                   re.IGNORECASE),
        share_before=re.compile(_W + alt(w("roles", "share_before")) + r"\s*$", re.IGNORECASE),
        range_join=re.compile(r"^\s*(?:-|–|—|~|" + alt(w("roles", "range_join"))[3:-1] + r")\s*$"),
        date_before=re.compile(_W + alt(w("roles", "date_before")) + r"\s*$", re.IGNORECASE),
        year_before=re.compile(_W + alt(w("roles", "year_before")) + r"\s*$", re.IGNORECASE),
        ordinal_before=re.compile(_W + alt(w("roles", "ordinal_before")) + r"\s*$", re.IGNORECASE),
        not_ordinal_before=re.compile(_W + alt(w("roles", "not_ordinal_before")) + r"\s*$", re.IGNORECASE),
        not_ident_before=re.compile(_W + alt(w("roles", "not_identifier_before")) + r"\s*$", re.IGNORECASE),
        ident_before=re.compile(_W + alt(w("roles", "identifier_before")) + r"[\s\-:]*$|[:\-]$"),
        ident_after=re.compile(r"(?:/|-)\s?[A-Z" + "".join(words("header", "header", "symbol_letters"))
                               + r"]|[:/-]\d{4}\b|:\d"),
        duration_after=re.compile(r"\s*" + alt(w("roles", "duration_after")) + r"(?![^\W\d_])", re.IGNORECASE),
    )


# from the start of a run of stops only, taken whole: linear on "....." (no rescan per position)
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\s\"”]++(?=[\"“(*]?(?P<c>\w))")
_BRACKET = re.compile(r"\(([^()]*)\)")


@dataclass(slots=True)
class Quantity:
    """One number as a reader takes it: value, unit, qualifier, role, place."""

    num: Num
    para: Paragraph
    block: int  # index of the paragraph in ``blocks(plan)``
    value: Decimal  # in the document's convention
    unit: Unit | None  # None: a bare number; PERCENT / PERMILLE for rates
    unit_text: str = ""  # as printed: "tỷ đồng", "%", "Tr.đ/người/năm"
    end: int = 0  # end offset in ``para.text``, unit included
    role: str = "quantity"  # quantity | date | year | identifier | ordinal | duration
    qual: str = ""  # "" exact, "~" about, ">", ">=", "<", "<="
    qual_start: int = -1  # offset of the qualifier word (or -1)
    rng: tuple[Decimal, Decimal] | None = None  # both ends when part of a range
    ambiguous: bool = False  # the document's convention does not settle the reading
    alt_value: Decimal | None = None  # the other reading of an ambiguous token

    @property
    def start(self) -> int:
        return self.num.start

    @property
    def decimals(self) -> int:
        return self.num.decimals

    @property
    def raw(self) -> str:
        return self.num.raw

    @property
    def span(self) -> Span:
        """The number with its sign (what a finding points at)."""
        return self.para.span_of(self.num.start, self.num.full_end)

    @property
    def half_unit(self) -> Decimal:
        """Half a unit of the last printed place; nothing for a whole count of things counted
        one by one (``14 hộ``, ``counted`` in ``rules/units.toml``) stated without a qualifier."""
        if self.unit is not None and not self.num.decimals and not self.qual and self.unit.key in counted_units():
            return Decimal(0)
        return self.num.unit_half

    @property
    def exact(self) -> bool:
        """A value, not a bound or a range (``khoảng`` counts as a value: plans mean it)."""
        return self.qual in ("", "~") and self.rng is None and not self.ambiguous

    @property
    def low(self) -> Decimal | None:
        if self.rng:
            return self.rng[0]
        if self.qual in ("", "~", ">", ">="):
            return self.value
        return None

    @property
    def high(self) -> Decimal | None:
        if self.rng:
            return self.rng[1]
        if self.qual in ("", "~", "<", "<="):
            return self.value
        return None

    @property
    def printed(self) -> str:
        """As printed, qualifier included: ``trên 85%``, ``khoảng 28.603,61 tỷ đồng``."""
        start = self.qual_start if 0 <= self.qual_start < self.num.start else self.num.start
        return re.sub(r"\s+", " ", self.para.text[start:max(self.end, self.num.full_end)]).strip()

    def shown(self) -> str:
        """The number as printed, Vietnamese style, with its unit: ``1.525,59 tỷ đồng``."""
        v = format_vn(self.value, self.decimals)
        if self.unit is not None and self.unit.dimension.startswith("ratio"):
            return f"{v}{self.unit_text}"
        return f"{v} {self.unit_text}".rstrip()


@dataclass(slots=True)
class Sentence:
    """A statement: a window ``[start, end)`` of one paragraph, with the masked text."""

    block: Block
    index: int  # block index
    start: int
    end: int
    masked: str  # the whole paragraph, bracketed alternatives blanked (same offsets)
    quantities: list[Quantity] = field(default_factory=list)
    block_quantities: list[Quantity] = field(default_factory=list)  # every quantity of the paragraph

    @property
    def para(self) -> Paragraph:
        return self.block.paragraph

    @property
    def text(self) -> str:
        return self.masked[self.start:self.end]

    @property
    def span(self) -> Span:
        return self.para.span_of(self.start, self.end)

    def span_of(self, i: int, j: int) -> Span:
        return self.para.span_of(i, j)


@functools.cache
def counted_units() -> frozenset[str]:
    from ..data import vocabulary

    return frozenset(str(k) for k in vocabulary("units").get("counted", {}).get("units", []))


def blocks(plan: Plan) -> list[Block]:
    """The paragraphs the N rules read (preamble, body text, headings), in order."""
    return [b for b in plan.blocks() if b.part in _PARTS]


def mask(text: str) -> str:
    """``text`` with bracketed alternatives and comparisons blanked, offsets unchanged."""
    if "(" not in text:
        return text
    skip = cue("brackets", "skip")
    out = list(text)
    for m in _BRACKET.finditer(text):
        if skip.search(m.group(1)):
            for i in range(m.start(), m.end()):
                out[i] = " "
    return "".join(out)


def _role(text: str, n: Num, unit: Unit | None) -> str:
    if n.in_date:
        return "date"
    before = text[max(0, n.start - 24):n.start]
    after = text[n.full_end:n.full_end + 8]
    if unit is None and not n.sign:
        if _pat().date_before.search(before):
            return "date"
        if n.decimals == 0 and "." not in n.raw and 1900 <= n.value <= 2100:
            return "year"
        if _pat().ident_after.match(after) or (_pat().ident_before.search(before)
                                                 and not _pat().not_ident_before.search(before)):
            return "identifier"
        if _pat().year_before.search(before) and n.value >= 1900:
            return "year"
        if _pat().ordinal_before.search(before) and not _pat().not_ordinal_before.search(before):
            return "ordinal"
        if _pat().duration_after.match(after):
            return "duration"
    return "quantity"


def _qualifier(text: str, start: int, end: int) -> tuple[str, int]:
    before = text[max(0, start - 24):start]
    m = _pat().qual_before.search(before)
    qual, qstart = "", -1
    if m:
        kind = next(k for k in ("approx", "ge", "le", "gt", "lt") if m.group(k))
        qual = {"approx": "~", "ge": ">=", "le": "<=", "gt": ">", "lt": "<"}[kind]
        qstart = start - len(before) + m.start()
        if _key(m.group(0).strip()) in _pat().change_from and _pat().from_to_next.match(text, end):
            qual = ""  # "từ 2,32% xuống còn 1,48%": where a change starts, not a lower bound
    a = _pat().qual_after.match(text, end)
    if a:
        qual = ">=" if _key(a.group("w")) in _pat().at_least_after else "<="
        if qstart < 0:
            qstart = start
    return qual, qstart


def _style(all_nums: list[tuple[Num, bool]]) -> str:
    vi = sum(1 for n, counted in all_nums if counted and token_style(n.raw) == "vi")
    en = sum(1 for n, counted in all_nums if counted and token_style(n.raw) == "en")
    if vi > en:
        return "vi"
    if en > vi:
        return "en"
    return ""


_EN_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.,])|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d.,])")


def extract(plan: Plan) -> list[Quantity]:
    """Every number of the plan's preamble and body, in document order."""
    raw: list[tuple[int, Block, Num, Unit | None, str, int]] = []
    for bi, b in enumerate(plan.fact(blocks)):
        text = b.paragraph.text
        nums = scan_numbers(text)
        skip_until = -1
        for n in nums:
            if n.start < skip_until:
                continue  # the "1" of "/1 vạn dân", the "2" of "m<sup>2</sup>"
            unit: Unit | None = None
            unit_text = ""
            end = n.full_end
            if n.sign:
                unit = PERCENT if n.sign == "%" else PERMILLE
                unit, end = match_per(text, end, unit)
                unit_text = text[n.end:end].strip()
            else:
                found = match_unit(text, n.end)
                if found is not None:
                    unit, ustart, end = found
                    unit_text = text[ustart:end]
            skip_until = end
            raw.append((bi, b, n, unit, unit_text, end))
    style = _style([(n, u is not None) for _, _, n, u, _, _ in raw])
    if style != "vi" and any(n.ambiguous for _, _, n, _, _, _ in raw) and any(
            _EN_GROUPED.search(b.paragraph.text) for b in plan.fact(blocks)):
        style = "en"  # "1,525.59": the English convention, which the Vietnamese scanner splits

    out: list[Quantity] = []
    for bi, b, n, unit, unit_text, end in raw:
        text = b.paragraph.text
        value = n.value
        ambiguous = False
        alt = None
        if n.ambiguous:
            alt = english_value(n.raw)
            ts = token_style(n.raw)
            if style == "en" and alt is not None:
                value = alt
                alt = n.value
            elif style == "vi" and ts == "en" or style == "" and ts == "":
                ambiguous = True
        role = _role(text, n, unit)
        qual, qstart = _qualifier(text, n.start, end)
        if unit is not None and unit.dimension == "ratio" and qual == "" and _SYMBOLS_BEFORE.search(
                text[max(0, n.start - 12):n.start]):
            qual = ">="
        out.append(Quantity(n, b.paragraph, bi, value, unit, unit_text, end, role, qual, qstart,
                            None, ambiguous, alt))
    _day_month(out)
    _ranges(out)
    return out


def _day_month(qs: list[Quantity]) -> None:
    """``Quốc khánh 02/9``, ``trước 15/12``: a day and a month (no unit after the month), not a
    fraction; taken as a date when a date word comes before it or nothing but punctuation after."""
    before_cue = cue("dates", "day_month_before")
    for a, b in zip(qs, qs[1:], strict=False):
        if a.block != b.block or a.role != "quantity" or b.role != "quantity":
            continue
        if a.unit is not None or b.unit is not None or a.decimals or b.decimals or "." in a.raw + b.raw:
            continue
        text = a.para.text
        if text[a.num.end:b.start] != "/" or not (1 <= a.value <= 31 and 1 <= b.value <= 12):
            continue
        if text[b.num.end:b.num.end + 1] == "/" or text[max(0, a.start - 1):a.start] == "/":
            continue
        head = text[max(0, a.start - 30):a.start]
        if _pat().share_before.search(head):
            continue  # "chiếm 1/3.", "giảm 1/2": a fraction of something
        cued = before_cue.search(head) and re.search(before_cue.pattern + r"[\s:]*$", head, re.IGNORECASE)
        if cued or _pat().day_month_after.match(text, b.num.end) or _DM_RANGE_AFTER.match(text, b.num.end) \
                or _DM_RANGE_BEFORE.search(text, 0, a.start):
            a.role = b.role = "date"


def _chains(qs: list[Quantity]) -> None:
    """``tương ứng 36,2 - 34,5 - 29,3%``: three or more numbers joined by dashes, the unit printed
    after the last only, are all in that unit (a list, never a range)."""
    i = 0
    while i < len(qs):
        j = i
        while (j + 1 < len(qs) and qs[j + 1].block == qs[i].block and qs[j].role == "quantity"
               and qs[j + 1].role == "quantity" and qs[j].unit is None
               and _DASH_ONLY.match(qs[j].para.text[qs[j].end:qs[j + 1].start])):
            j += 1
        last = qs[j]
        if j - i >= 2 and last.unit is not None and last.role == "quantity" \
                and all(q.unit is None and q.num.sign == "" for q in qs[i:j]):
            for q in qs[i:j]:
                q.unit, q.unit_text = last.unit, last.unit_text
        i = j + 1


_DASH_ONLY = re.compile(r"^\s*[-–—]\s*$")


def _ranges(qs: list[Quantity]) -> None:
    """``1% - 1,5%``, ``6,5-7%``, ``từ 01 đến 02 xã``: two numbers, one measure, low to high."""
    _chains(qs)
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if (a.block == b.block and a.role == "quantity" and a.unit is None and b.role in ("duration", "year")
                and _pat().range_join.match(a.para.text[a.end:b.start])):
            a.role = b.role  # "trẻ 3 - 5 tuổi", "từ 2 đến 3 năm": the range's first end
            continue
        if a.block != b.block or a.role != "quantity" or b.role != "quantity":
            continue
        text = a.para.text
        if not _pat().range_join.match(text[a.end:b.start]):
            continue
        if a.unit is not None and (b.unit is None or a.unit.key != b.unit.key):
            continue
        if not a.value < b.value:
            continue  # "36,20% - 34,50% - 29,30%": shares, not a range
        nxt = qs[i + 2] if i + 2 < len(qs) else None
        if nxt is not None and nxt.block == a.block and _pat().range_join.match(text[b.end:nxt.start]):
            continue  # a chain of three is a list ("tương ứng 20% - 30% - 50%")
        prev = qs[i - 1] if i else None
        if prev is not None and prev.block == a.block and prev.role == "quantity" \
                and _pat().range_join.match(text[prev.end:a.start]):
            continue  # … wherever the pair stands in it ("tương ứng 31,4% – 29,8% – 37,9%")
        if a.unit is None:
            a.unit, a.unit_text = b.unit, b.unit_text
        a.rng = b.rng = (a.value, b.value)


def sentences(plan: Plan) -> list[Sentence]:
    """Every statement of the preamble and body with its quantities."""
    qs = plan.fact(extract)
    by_block: dict[int, list[Quantity]] = {}
    for q in qs:
        by_block.setdefault(q.block, []).append(q)
    out: list[Sentence] = []
    for bi, b in enumerate(plan.fact(blocks)):
        text = b.paragraph.text
        masked = mask(text)
        cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)
                      if m.group("c")[0].isupper() or m.group("c")[0].isdigit()] + [len(text)]
        mine = by_block.get(bi, [])
        k = 0
        for s, e in zip(cuts, cuts[1:], strict=False):
            if e <= s:
                continue
            sent = Sentence(b, bi, s, e, masked, block_quantities=mine)
            while k < len(mine) and mine[k].start < e:
                if mine[k].start >= s and masked[mine[k].start] != " ":
                    sent.quantities.append(mine[k])
                k += 1
            out.append(sent)
    return out


def inventory(plan: Plan) -> list[FactRow]:
    """One row per quantity (dates, years, identifiers and ordinals are other families')."""
    rows = []
    names: dict[str, Any] = {"~": seq(Word("word.about"), " "), ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}
    qs = plan.fact(extract)
    for i, q in enumerate(qs):
        if q.role != "quantity":
            continue
        shown = q.shown()
        if q.rng:
            low = qs[i - 1] if i and qs[i - 1].rng == q.rng and qs[i - 1].block == q.block else None
            if low is not None and q.value == q.rng[1] and low.value == q.rng[0]:
                continue  # the range was shown at its first end
            hi = qs[i + 1] if i + 1 < len(qs) and qs[i + 1].rng == q.rng else q
            shown = f"{format_vn(q.rng[0], q.decimals)} – {hi.shown()}"
        text = seq(names.get(q.qual, ""), shown)
        if q.ambiguous:
            other = format_vn(q.alt_value or q.value, 3).rstrip("0").rstrip(",")
            text = seq(text, say("fact.ambiguous", raw=q.raw, other=other))
        rows.append(FactRow("number", q.span, text, {
            "value": str(q.value), "raw": q.raw, "unit": q.unit.key if q.unit else None,
            "unit_text": q.unit_text, "qualifier": q.qual, "decimals": q.decimals,
            "range": [str(x) for x in q.rng] if q.rng else None, "ambiguous": q.ambiguous,
        }))
    return rows
