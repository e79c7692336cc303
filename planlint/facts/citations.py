"""Citation facts: every document the plan cites, read into its parts.

``Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc …`` gives the type word
(``Chỉ thị``), the symbol (number 19, type code CT, issuer code TTg), the date, the issuer as named
(``Thủ tướng Chính phủ``) and the subject. Symbols follow DOMAIN.md, "Document symbols and
citations":

* State documents ``13/NQ-HĐND``, ``2563/QĐ-UBND``; legal normative ones carry the year:
  ``30/2020/NĐ-CP``, and laws have no type code: ``24/2021/QH15``;
* Party documents: ``34-CT/TW``, ``70-KL/TU``, ``54-NQ/ĐU``;
* a công văn has no type code: ``12/UBND-VX`` (issuer UBND, unit VX).

A named law without a number is a citation too (``Luật Thi đua, khen thưởng ngày 15/6/2022``).
The type words come from ``rules/doctypes.toml``, the issuer names from ``rules/issuers.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..data import vocabulary
from ..i18n import Seq, Word, seq
from ..parsing.tree import Block, Paragraph, Plan, Span
from ..phrases import E, W, alt, words
from ..scan.dates import DateMention, Scan, display, fold, fold_words
from . import FactRow
from .date_mentions import paragraph_scans
from .header import extract as header

_LETTERS = "".join(words("header", "header", "symbol_letters"))
_CODE = rf"[A-Z{_LETTERS.upper()}][A-Za-z{_LETTERS.upper()}{_LETTERS.lower()}]*"
_SYMBOL = re.compile(
    rf"(?<![\w/\-.])(?P<num>\d{{1,5}})(?:/(?P<year>(?:19|20)\d{{2}}))?(?P<s1>[/\-])(?P<type>{_CODE}\d*)"
    rf"(?:(?P<s2>[\-/])(?P<issuer>{_CODE}\d*(?:-{_CODE}\d*)*))?(?![\w/])"
)
_NUMBER = words("header", "header", "number")
_NUMBER_WORD = re.compile(
    r"(?:^|\s)" + alt(f for w in _NUMBER for f in (w.lower(), w.capitalize(), w.upper())) + r"[ \t]*:?[ \t]*$")
_AFTER_SYMBOL_DATE = re.compile(r"^[ \t]*+,?[ \t]*+(?P<paren>\([ \t]*)?(?:"
                                + alt(words("citations", "citation", "issued")) + r"[ \t]+)?$", re.IGNORECASE)
_CLOSE_PAREN = re.compile(r"[ \t]*\)")
# runs of blanks are taken whole (possessive): "[ \t]*,?[ \t]*" could otherwise split a run of n
# aligned-column spaces n ways before failing (quadratic on Word/PDF exports)
_ISSUER = re.compile(
    r"[ \t]*+,?[ \t]*+" + alt(words("citations", "citation", "of")) + r"[ \t]+(?P<iss>[^;.()\n]{2,90}?)"
    r"(?=[ \t]+" + alt(words("citations", "citation", "issuer_end")) + E + r"|[;,.()]|$)",
)
_SUBJECT_WORD = alt(words("citations", "citation", "subject"))
_SUBJECT = re.compile(r"[ \t]*+,?[ \t]*+" + _SUBJECT_WORD + r"[ \t]+(?P<subj>[^;]{3,300}?)(?=[;]|$|\.(?:\s|$))")
_SUBJECT_START = re.compile(W + _SUBJECT_WORD + r"[ \t]")
_NAMED_LAW = re.compile(W + r"(?P<w>" + alt(words("citations", "citation", "law"))
                        + r")[ \t]+(?P<name>[^\W\d][^;()\d]{2,80}?)[ \t]*,?[ \t]*$")
_DAY_WORDS = tuple(w.lower() for w in words("dates", "date", "day"))


@dataclass(slots=True)
class DocType:
    word: str
    codes: tuple[str, ...]  # codes the word may take in a State symbol
    party_codes: tuple[str, ...]  # codes in a Party symbol


@dataclass(slots=True)
class Symbol:
    raw: str
    number: str
    year: int | None
    type_code: str  # "" for a law (24/2021/QH15) or a công văn (12/UBND-VX)
    issuer: str  # first component of the issuer part: "TTg", "UBND", "QH15"
    unit: str  # the rest: "VX" in 12/UBND-VX
    party: bool
    start: int
    end: int
    type_start: int
    type_end: int
    issuer_start: int
    issuer_end: int

    @property
    def key(self) -> str:
        return fold(self.raw)


@dataclass(slots=True)
class Citation:
    block: Block
    start: int  # offsets in block.paragraph.text
    end: int
    type_word: str  # as printed ("Chỉ thị"), "" when the symbol stands alone
    doctype: DocType | None
    symbol: Symbol | None  # None for a named law
    date: DateMention | None
    issuer_text: str  # "Thủ tướng Chính phủ", "" when not named
    issuer_start: int
    subject: str  # "việc phát động thi đua …" (first words), "" when none
    name: str = ""  # named law: "Thi đua, khen thưởng"

    @property
    def paragraph(self) -> Paragraph:
        return self.block.paragraph

    def span(self, start: int | None = None, end: int | None = None) -> Span:
        return self.paragraph.span_of(self.start if start is None else start, self.end if end is None else end)

    @property
    def label(self) -> str:
        """How a message names the document: ``Quyết định 115/QĐ-UBND``, ``Luật Thi đua, khen thưởng``."""
        if self.symbol is None:
            return f"{self.type_word} {self.name}".strip()
        return f"{self.type_word} {self.symbol.raw}".strip()

    @property
    def date_text(self) -> str:
        return display(self.date) if self.date is not None else ""


@functools.cache
def doc_types() -> tuple[DocType, ...]:
    v = vocabulary("doctypes")
    out = []
    for t in list(v.get("type", [])) + list(v.get("legal_type", [])):
        codes = tuple(c for c in [t.get("code", ""), *t.get("also", [])] if c)
        party = codes + tuple(t.get("party_also", []))
        out.append(DocType(t["word"], codes, party))
    return tuple(sorted(out, key=lambda d: -len(d.word)))


@functools.cache
def _type_word_re() -> re.Pattern[str]:
    types = alt(d.word for d in doc_types())
    return re.compile(rf"{W}(?P<w>{types})[ \t]*(?:{alt(_NUMBER)}[ \t]*:?[ \t]*)?$", re.IGNORECASE)


@functools.cache
def known_type_codes() -> frozenset[str]:
    return frozenset(fold(c) for d in doc_types() for c in d.codes + d.party_codes)


@functools.cache
def doc_type(word: str) -> DocType | None:
    f = fold(word)
    for d in doc_types():
        if fold(d.word) == f:
            return d
    return None


def _symbol(m: re.Match[str]) -> Symbol | None:
    num, year, s1, typ, s2, iss = (m.group(g) for g in ("num", "year", "s1", "type", "s2", "issuer"))
    if s2 is None:
        if year and s1 == "/":  # 24/2021/QH15: a law, no type code
            return Symbol(m.group(0), num, int(year), "", typ, "", False, m.start(), m.end(),
                          m.start("type"), m.start("type"), m.start("type"), m.end("type"))
        return None
    party = s1 == "-" and s2 == "/"
    if not party and not (s1 == "/" and s2 == "-"):
        return None
    assert iss is not None
    issuer, _, unit = iss.partition("-")
    if not party and fold(typ) not in known_type_codes():
        # a công văn: 12/UBND-VX (issuer UBND, unit VX)
        if year:
            return None
        return Symbol(m.group(0), num, None, "", typ, iss, False, m.start(), m.end(),
                      m.start("type"), m.start("type"), m.start("type"), m.end("type"))
    return Symbol(m.group(0), num, int(year) if year else None, typ, issuer, unit, party, m.start(), m.end(),
                  m.start("type"), m.end("type"), m.start("issuer"), m.start("issuer") + len(issuer))


def _citations_in(block: Block, sc: Scan) -> list[Citation]:
    text = block.paragraph.text
    if not sc.dates and not _SYMBOL.search(text):
        return []
    dates_by_start = sorted(sc.dates, key=lambda d: d.start)
    out: list[Citation] = []
    used_dates: set[int] = set()
    for m in _SYMBOL.finditer(text):
        sym = _symbol(m)
        if sym is None:
            continue
        head = text[max(0, m.start() - 40):m.start()]
        tw = _type_word_re().search(head)
        type_word, tw_start = "", m.start()
        if tw is not None:
            type_word = tw.group("w")
            tw_start = m.start() - len(head) + tw.start("w")
            # "Thông báo kết luận số 12-TB/TU": the first of two stacked type words is the head noun
            before = text[max(0, tw_start - 30):tw_start]
            outer = _type_word_re().search(before.rstrip(" \t") + " ")
            if outer is not None and outer.end("w") == len(before.rstrip(" \t")):
                type_word = outer.group("w")
                tw_start = tw_start - len(before) + outer.start("w")
        elif not _NUMBER_WORD.search(head):
            if not (sym.party or sym.year):
                continue  # a bare "12/QĐ-UBND"-like token without "số" or a type word: not sure
        c = Citation(block, tw_start, sym.end, type_word, doc_type(type_word) if type_word else None,
                     sym, None, "", -1, "")
        pos = sym.end
        for d in dates_by_start:
            if d.start < pos:
                continue
            if d.start - pos > 20:
                break
            am = _AFTER_SYMBOL_DATE.match(text[pos:d.start])
            if am and d.form in ("long", "slash", "dash", "dot", "month-year"):
                if am.group("paren"):  # "số 05/KH-UBND (ngày 17/01/2025) của …"
                    close = _CLOSE_PAREN.match(text, d.end)
                    if d.text.lower().startswith(_DAY_WORDS) and close:
                        c.date = d
                        used_dates.add(d.start)
                        pos = close.end()
                elif d.text.lower().startswith(_DAY_WORDS) or d.start == pos or text[pos:d.start].strip(" ,") == "":
                    c.date = d
                    used_dates.add(d.start)
                    pos = d.end
            break
        _tail(c, text, pos)
        out.append(c)
    # named laws: "Luật Thi đua, khen thưởng ngày 15/6/2022"
    for d in dates_by_start:
        if d.start in used_dates or not d.text.lower().startswith(_DAY_WORDS):
            continue
        lm = _NAMED_LAW.search(text, max(0, d.start - 95), d.start)
        if lm is None:
            continue
        name = lm.group("name").strip().rstrip(",")
        if not name[:1].isupper():
            continue
        c = Citation(block, lm.start("w"), d.end, lm.group("w"), doc_type(lm.group("w")),
                     None, d, "", -1, "", name=name)
        _tail(c, text, d.end)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


# a cited symbol whose type and issuer codes are glued ("2563/QĐUBND") or split by a space or a
# slash ("25/KH UBND", "25/KH/UBND") instead of the hyphen of ND30
_MISPRINT = re.compile(
    rf"(?<![\w/\-.])(?P<num>\d{{1,5}})/(?P<a>{_CODE})(?:(?P<sep>[ \t]+|/)(?P<b>{_CODE}))?(?![\w/\-])")


@dataclass(slots=True)
class Misprint:
    """A cited State symbol not written number/TYPE-ISSUER, and the form it was meant to have."""

    block: Block
    start: int
    end: int
    type_word: str
    printed: str
    fixed: str

    @property
    def span(self) -> Span:
        return self.block.paragraph.span_of(self.start, self.end)


def _meant(word: str, a: str, sep: str | None, b: str | None) -> tuple[str, str] | None:
    """The type and issuer codes a misprinted symbol stands for, when the type word names the type
    code and the rest is an issuer's code; else None (never a guess)."""
    t = doc_type(word)
    if t is None:
        return None
    codes = sorted(t.codes, key=len, reverse=True)
    if sep is None:
        for c in codes:
            rest = a[len(c):]
            if fold(a[:len(c)]) == fold(c) and rest[:1].isupper() and code_known(rest):
                return a[:len(c)], rest
        return None
    if b is not None and any(fold(a) == fold(c) for c in codes) and code_known(b):
        return a, b
    return None


def misprints(plan: Plan) -> list[Misprint]:
    """Cited symbols that are not well formed ("Quyết định số 2563/QĐUBND", "Kế hoạch số 25/KH UBND"):
    only after a type word, whose type code the symbol must carry, and with an issuer code of
    ``rules/issuers.toml`` in it."""
    out = []
    for block in plan.blocks():
        text = block.paragraph.text
        if "/" not in text:
            continue
        for m in _MISPRINT.finditer(text):
            tw = _type_word_re().search(text[max(0, m.start() - 40):m.start()])
            if tw is None:
                continue
            meant = _meant(tw.group("w"), m.group("a"), m.group("sep"), m.group("b"))
            if meant is not None:
                out.append(Misprint(block, m.start(), m.end(), tw.group("w"), m.group(0),
                                    f"{m.group('num')}/{meant[0]}-{meant[1]}"))
    return out


def _tail(c: Citation, text: str, pos: int) -> None:
    im = _ISSUER.match(text, pos)
    if im:
        c.issuer_text = im.group("iss").strip()
        c.issuer_start = im.start("iss")
        pos = im.end()
        c.end = max(c.end, pos)
    # the subject may follow the issuer's own qualifiers ("khóa XI", "kỳ họp thứ 8")
    rest = text[pos:pos + 80]
    k = _SUBJECT_START.search(rest)
    if k is not None and ";" not in rest[:k.start()]:
        sm = _SUBJECT.match(text, pos + k.start())
        if sm:
            c.subject = sm.group("subj").strip()


def extract(plan: Plan) -> list[Citation]:
    out: list[Citation] = []

    h = plan.fact(header)  # the plan's own lines, also when the parser did not classify them
    own = (plan.header.number, plan.header.place_date,
           h.number.paragraph if h.number is not None else None, h.date.paragraph if h.date is not None else None)
    for b, sc in plan.fact(paragraph_scans):
        if b.part == "header" and any(b.paragraph is p for p in own):
            continue
        out.extend(_citations_in(b, sc))
    return out


# Issuers ------------------------------------------------------------------------------------------

@functools.cache
def _issuer_table() -> tuple[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], tuple[str, ...], frozenset[str]]:
    v = vocabulary("issuers")
    names: list[tuple[str, tuple[str, ...]]] = sorted(
        ((fold_words(str(n["name"])), tuple(str(c) for c in n["codes"])) for n in v.get("name", [])),
        key=lambda x: -len(x[0]))
    roles = tuple(fold_words(str(r)) for r in v.get("roles", []))
    codes = frozenset(c for _n, cs in names for c in cs)
    return tuple((tuple(n.split()), cs) for n, cs in names), roles, codes


def issuer_codes(issuer_text: str) -> tuple[str, str] | None:
    """``(name as matched, allowed codes joined by '/')`` for a named issuer, or ``None`` when the
    name is not one of ``rules/issuers.toml``."""
    names, roles, _codes = _issuer_table()
    words = fold_words(issuer_text).split()
    for _ in range(3):
        for name, codes in names:
            if tuple(words[:len(name)]) == name:
                return " ".join(name), "/".join(codes)
        for r in roles:
            rw = r.split()
            if tuple(words[:len(rw)]) == tuple(rw):
                words = words[len(rw):]
                break
        else:
            return None
    return None


def code_allowed(code: str, allowed: str) -> bool:
    fc = fold(code)
    for a in allowed.split("/"):
        if a.endswith("*"):
            if fc.startswith(fold(a[:-1])):
                return True
        elif fc == fold(a):
            return True
    return False


def code_known(code: str) -> bool:
    """Whether some issuer of the table signs with ``code`` (unknown codes are never judged)."""
    _names, _roles, codes = _issuer_table()
    return any(code_allowed(code, c) for c in codes)


# Inventory ----------------------------------------------------------------------------------------

def _row(c: Citation) -> FactRow:
    s = c.symbol
    parts = [c.label]
    if c.date is not None:
        parts.append(f"{words('dates', 'date', 'day')[0]} {c.date_text}")
    if c.issuer_text:
        parts.append(f"{words('citations', 'citation', 'of')[0]} {c.issuer_text}")
    detail: list[Any] = []
    if s is not None:
        detail.append(seq(Word("fact.number"), f" {s.number}"))
        if s.year:
            detail.append(seq(Word("fact.year"), f" {s.year}"))
        if s.type_code:
            detail.append(seq(Word("fact.type"), f" {s.type_code}"))
        detail.append(seq(Word("fact.issuer"), f" {s.issuer}" + (f"-{s.unit}" if s.unit else "")))
        detail.append(Word("fact.party_form_short" if s.party else "fact.state_form"))
    data: dict[str, Any] = {
        "type_word": c.type_word, "symbol": s.raw if s else "", "number": s.number if s else "",
        "type_code": s.type_code if s else "", "issuer_code": s.issuer if s else "",
        "date": c.date_text, "issuer": c.issuer_text, "subject": c.subject[:120],
    }
    shown = seq(" ".join(parts), seq(" (", Seq(tuple(detail), ", "), ")") if detail else "")
    return FactRow("citation", c.span(), shown, data)


def inventory(plan: Plan) -> list[FactRow]:
    return [_row(c) for c in plan.fact(extract)]
