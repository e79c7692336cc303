"""The line classifier: each physical line of a draft becomes one typed token for the grammar.

Exports from Word and PDF decorate lines with markdown (``## I.``, ``**1.1.**``), break
sentences across blank lines and leave bullets that are really hyphens (``- xã hội …``). This
module reads one line at a time, with only the state a reader keeps in mind (are we in the
header, after the title, in the recipients list; is the previous sentence finished), and says
what the line is. ``grammar/plan.lark`` then gives the document its shape, and the outline
builder in ``parser.py`` nests the numbered items.

A line's text is kept as a ``Run``: cleaned text plus the map back to source offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..data import vocabulary
from ..phrases import E, W, alt, words
from .source import Source
from .tables import Table, find_tables
from .tree import Marker, Span

# -- runs: cleaned text with its source map ---------------------------------------------------


@dataclass(slots=True)
class Run:
    text: str
    pieces: list[tuple[int, int]]  # (text_offset, source_offset), text offsets ascending
    end: int  # source offset just after the last character

    def src(self, i: int) -> int:
        if i >= len(self.text):
            return self.end
        best = self.pieces[max(0, bisect_right(self.pieces, i, key=lambda p: p[0]) - 1)]
        return best[1] + (i - best[0])

    def slice(self, i: int, j: int | None = None) -> Run:
        n = len(self.text)
        j = n if j is None else j
        i, j = max(0, min(i, n)), max(0, min(j, n))
        if j <= i:
            s = self.src(i)
            return Run("", [(0, s)], s)
        pieces = [(0, self.src(i))]
        for t, s in self.pieces:
            if i < t < j:
                pieces.append((t - i, s))
        return Run(self.text[i:j], pieces, self.src(j - 1) + 1)

    def strip(self) -> Run:
        t = self.text
        i = len(t) - len(t.lstrip())
        j = len(t.rstrip())
        return self.slice(i, j) if (i or j != len(t)) else self


_EMPHASIS = re.compile(r"\*+|__+")


def _clean(text: str, start: int) -> Run:
    """Line text without markdown emphasis markers (``**``, ``*``, ``__``)."""
    pieces: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    tlen = 0
    for m in _EMPHASIS.finditer(text):
        if m.start() > pos:
            pieces.append((tlen, start + pos))
            out.append(text[pos : m.start()])
            tlen += m.start() - pos
        pos = m.end()
    if pos < len(text) or not pieces:
        pieces.append((tlen, start + pos))
        out.append(text[pos:])
    return Run("".join(out), pieces, start + len(text))


# -- markers -------------------------------------------------------------------------------


_NUMBERING = vocabulary("numbering")
POINT_ALPHABET: tuple[str, ...] = tuple(_NUMBERING["point_alphabet"])
FOREIGN_LETTERS: frozenset[str] = frozenset(_NUMBERING["foreign_letters"])
BULLETS: dict[str, str] = dict(_NUMBERING["bullets"])
PART_WORDS: tuple[str, ...] = tuple(_NUMBERING["part_words"])
_NUMBER_NOUN_END = re.compile(W + alt(_NUMBERING["number_nouns"]) + r"\s*$", re.IGNORECASE)

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(s: str) -> tuple[int, bool]:
    """Value of a Roman numeral and whether it is written canonically (IIII, VX are not)."""
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        v = _ROMAN_VALUES[ch]
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    return total, total > 0 and to_roman(total) == s.upper()


def to_roman(n: int) -> str:
    out = []
    for v, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def point_label(value: int) -> str:
    """The point letter for ordinal ``value`` (1 -> a, 5 -> đ), or ``?`` beyond the alphabet."""
    return POINT_ALPHABET[value - 1] if 1 <= value <= len(POINT_ALPHABET) else "?"


_WS = r"[ \t\u00a0]"
_ORDINALS: dict[str, int] = {k.lower(): v for k, v in _NUMBERING.get("ordinals", {}).items()}
_NTH: tuple[str, ...] = tuple(w.lower() for w in _NUMBERING["nth"])
_PART_RE = re.compile(
    r"(?P<word>" + alt([*PART_WORDS, *(w.upper() for w in PART_WORDS)]) + r")"
    + _WS + r"+(?P<num>[IVXLC]+|\d{1,3}|(?i:" + alt(_NTH) + _WS + r"+" + alt(_ORDINALS)
    + r"))(?P<delim>[.:\-–]?)(?=\s|$)"
)
_ROMAN_RE = re.compile(r"(?P<num>[IVXLC]{1,7})" + _WS + r"*(?P<delim>[.\-–])(?=\s|$)")
_DECIMAL_RE = re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2}){1,4})(?P<delim>\.?)(?=\s|$)")
_ARABIC_RE = re.compile(r"(?P<num>\d{1,3})" + _WS + r"*(?P<delim>[.)\-–])(?=\s|$)")
# a point's letter: a to z (a foreign one is reported) and the alphabet's others (đ)
_POINT_LETTERS = "a-z" + "".join(c for c in POINT_ALPHABET if not "a" <= c <= "z")
_POINT_RE = re.compile(r"(?P<num>[" + _POINT_LETTERS + "])" + _WS + r"*(?P<delim>\))(?=\s|$)")
_PAREN_RE = re.compile(r"\((?P<num>\d{1,3})\)(?=\s|$|[^\d)])")
_BULLET_RE = re.compile(r"(?P<num>[" + re.escape("".join(BULLETS)) + r"])" + _WS + r"+")


def match_marker(text: str) -> tuple[str, re.Match[str]] | None:
    """The marker at the start of cleaned line text, as (kind, match)."""
    for kind, rx in (("part", _PART_RE), ("decimal", _DECIMAL_RE), ("roman", _ROMAN_RE),
                     ("arabic", _ARABIC_RE), ("point", _POINT_RE), ("paren", _PAREN_RE),
                     ("bullet", _BULLET_RE)):
        m = rx.match(text)
        if m:
            return kind, m
    return None


def make_marker(kind: str, m: re.Match[str], run: Run, md_level: int, bold: bool, bullet: str = "") -> Marker:
    num = m.group("num")
    delim = m.groupdict().get("delim") or ""
    span = Span(run.src(m.start()), run.src(m.end("num") - 1) + 1 + len(delim))
    value, valid, word = 0, True, ""
    prefix: tuple[int, ...] = ()
    if kind == "roman":
        value, valid = roman_value(num)
    elif kind == "arabic" or kind == "paren":
        value = int(num)
        delim = "()" if kind == "paren" else delim
    elif kind == "decimal":
        parts = tuple(int(x) for x in num.split("."))
        prefix, value = parts[:-1], parts[-1]
    elif kind == "point":
        if num in FOREIGN_LETTERS:
            valid = False
        else:
            value = POINT_ALPHABET.index(num) + 1
    elif kind == "part":
        word = m.group("word").capitalize()
        if num.isdigit():
            value = int(num)
        elif (nth := next((w for w in _NTH if num.lower().startswith(w)), None)) is not None:  # "Phần thứ hai"
            value = _ORDINALS.get(num[len(nth):].strip().lower(), 0)
        else:
            value, valid = roman_value(num)
    elif kind == "bullet":
        num = BULLETS[num]
    return Marker(kind=kind, label=num, delim=delim, value=value, prefix=prefix, span=span,
                  md_level=md_level, bold=bold, valid=valid, bullet=bullet, word=word)


# -- classification ---------------------------------------------------------------------------

# Token types the grammar declares (grammar/plan.lark).
NUMBER, PLACEDATE, ISSUER, MOTTO = "NUMBER", "PLACEDATE", "ISSUER", "MOTTO"
TITLE, SUMMARY, TEXT, CONT, HEAD = "TITLE", "SUMMARY", "TEXT", "CONT", "HEAD"
RECIPIENTS, RECIPIENT, SIGN, APPENDIX = "RECIPIENTS", "RECIPIENT", "SIGN", "APPENDIX"
TROW = "TROW"  # a row of a table (planlint/parsing/tables.py): never joined to prose


@dataclass(slots=True)
class Line:
    index: int  # 0-based source line
    type: str  # one of the token types above
    run: Run  # cleaned content (after markdown heading marks and the marker)
    marker: Marker | None = None
    md_level: int = 0
    bold: bool = False
    whole_bold: bool = False  # the whole line is bold: "**2. Yêu cầu**"
    extra: dict[str, str] = field(default_factory=dict)


_HEADING_RE = re.compile(r"(#{1,6})[ \t]+")
_COMMENT_RE = re.compile(r"<!--(.*?)-->\s*$")
# the header's and closing's words (rules/header.toml) and the date's (rules/dates.toml)
_NUMBER_WORD = alt(words("header", "header", "number"))
_DAY_WORD = alt(words("dates", "date", "day"))
_YEAR_WORDS = words("dates", "date", "year")
_SIGN_FOR = alt(words("header", "closing", "sign_for"))
_NUMBER_RE = re.compile(_NUMBER_WORD + r"\s*:", re.IGNORECASE)
_SYMBOL_THEN_PLACE_RE = re.compile(_NUMBER_WORD + r"\s*+:\s*+[\d.…]*+\s*+/\s*+\S++\s++(?=\S)", re.IGNORECASE)
_PLACEDATE_RE = re.compile(r"[^,\d]{2,80},\s*" + _DAY_WORD + E, re.IGNORECASE)
_MOTTO = words("header", "header", "motto")
_MOTTO_RE = re.compile(alt([*_MOTTO, *words("header", "header", "party_motto")]), re.IGNORECASE)
_RECIPIENTS_RE = re.compile(alt(words("header", "closing", "recipients")) + r"\s*:?", re.IGNORECASE)
_SIGN_RE = re.compile("(" + _SIGN_FOR + r")\s*\.\s*\S|" + alt(words("header", "closing", "signer")) + E)
_APPENDIX_RE = re.compile(alt(words("header", "closing", "appendix")) + E, re.IGNORECASE)
_TERMINAL = tuple(".:;!?…")


def _has_year_word(text: str) -> bool:
    return any(w in text for w in _YEAR_WORDS)


def _type_words() -> list[tuple[str, str]]:
    types = vocabulary("doctypes")["type"]
    words = [(t["word"].upper(), t["code"]) for t in types]
    return sorted(words, key=lambda w: -len(w[0]))


_TITLE_WORDS = _type_words()


def title_match(text: str) -> tuple[str, str, int] | None:
    """``(TYPE WORD, code, end)`` when the text starts with an upper-case document type word."""
    for word, code in _TITLE_WORDS:
        if text.startswith(word) and (len(text) == len(word) or not text[len(word)].isalpha()):
            return word, code, len(word)
    return None


def _is_upper_line(text: str) -> bool:
    """At least four letters and no lower-case one (stops at the first lower-case letter)."""
    letters = 0
    for c in text:
        if c.isalpha():
            if c.islower():
                return False
            letters += 1
    return letters >= 4


def _starts_lower(text: str) -> bool:
    for c in text:
        if c.isalpha():
            return c.islower()
        if c.isdigit():
            return False
        if not c.isspace() and c not in "\"“'‘(":
            return False
    return False


_TABLE_RULE_RE = re.compile(r"\|?(?:\s*+:?-{2,}+:?\s*+\|)++\s*+:?-*+:?\s*+\|?")
_HEADER_CELL_RE = re.compile(r"\|\s*+(\*\*)?\s*+(" + _NUMBER_WORD + r"\s*:|[^|,]{2,60},\s*" + _DAY_WORD + E + "|"
                             + alt([*_MOTTO, *words("header", "header", "issuer_cell")]) + ")",
                             re.IGNORECASE)
_GAP_RE = re.compile(r"\S(\s{3,}|\t+)(?=\S)")


def _content(raw: str, start: int) -> tuple[Run, int]:
    """A segment's cleaned run without its markdown heading marks, and the heading level."""
    run = _clean(raw, start).strip()
    hm = _HEADING_RE.match(run.text)
    if hm:
        return run.slice(hm.end()).strip(), len(hm.group(1))
    return run, 0


def _join(a: Run, b: Run) -> Run:
    """Two runs as one, joined by a space (which maps to the end of the first)."""
    n = len(a.text)
    pieces = list(a.pieces) + [(n, a.end)] + [(n + 1 + t, s) for t, s in b.pieces]
    return Run(a.text + " " + b.text, pieces, b.end)


# "Số:" alone on its line, the symbol on the next ("06/2024/QĐ-UBND", "/BC-UBND")
_BARE_NUMBER_RE = re.compile(_NUMBER_WORD + r"\s*:?[\s|]*", re.IGNORECASE)
_SYMBOL_START_RE = re.compile(r"[\d.…_ \t]*+/\s*+\S|\d++\s*+-\s*+[A-Z"
                              + "".join(words("header", "header", "symbol_letters")) + "]")
# "TM. ỦY BAN NHÂN" then "DÂN" alone: the end of the body's name on the next line
_SIGN_FOR_RE = re.compile(_SIGN_FOR + r"\s*\.\s*\S")
_LONE_UPPER_WORD_RE = re.compile(r"[^\W\d_]+$")
# "Điều" alone on its line, its number on the next ("1. Phạm vi điều chỉnh")
_PART_WORDS_LOWER = frozenset(w.lower() for w in PART_WORDS)
_PART_NUMBER_RE = re.compile(r"(?:\d{1,3}|[IVXLC]{1,7})[.:]?(?=\s|$)")


def mixed_title_match(text: str) -> tuple[str, str, int] | None:
    """``(TYPE WORD, code, end)`` when the line is a title written in sentence case with its
    subject: ``Kế hoạch thực hiện công tác giảm nghèo năm 2025``. Not a citation (``Kế hoạch số
    12/KH-UBND``, ``Nghị quyết 51/2016/NQ-HĐND …``) nor a sentence (``Báo cáo này …``, a line
    ending with a full stop or a colon)."""
    if len(text) > 250 or text.rstrip().endswith((".", ":", ";", ",")):
        return None
    for word, code in _TITLE_WORDS:
        cased = word[0] + word[1:].lower()
        if not text.startswith(cased) or len(text) <= len(cased) or not text[len(cased)].isspace():
            continue
        rest = text[len(cased):].strip()
        first = rest.split(maxsplit=1)[0] if rest else ""
        if not first or not first[0].isalpha() or first.lower() in _NOT_A_SUBJECT or len(rest.split()) < 3:
            return None
        return word, code, len(cased)
    return None


_NOT_A_SUBJECT = frozenset(w.lower() for w in words("header", "title", "not_subject"))


def _right_column(run: Run, start: int) -> Run | None:
    """The text after a wide gap (3+ spaces or a tab) from ``start`` on: a flattened table's
    second column, as in ``- Lưu: VT.            CHỦ TỊCH``."""
    m = _GAP_RE.search(run.text, max(0, start - 1))
    if m is None:
        return None
    return run.slice(m.end()).strip()


def _is_name(text: str) -> bool:
    """A person's name as signed: two to five capitalised words of letters (``Lê Văn Bình``)."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w.isalpha() for w in words)


def _starts_number(text: str) -> bool:
    t = text.lstrip()
    return bool(t) and t[0].isdigit()


def _word_count(text: str) -> int:
    return len(text.split())


class Classifier:
    """Turns the lines of a ``Source`` into typed ``Line`` tokens, in order."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.comments: list[tuple[int, str]] = []
        self.tables: list[Table] = find_tables(source)
        self._table_lines = {i for t in self.tables for r in t.rows for i in r.lines}

    def lines(self) -> Iterator[Line]:
        src = self.source
        state = "head"  # head -> title -> body -> recipients -> sign
        prev: Line | None = None  # last content line
        summary_open = False
        title_seen = False
        pending_sign: list[Line] = []  # the right column of a flattened closing table
        segments = list(self._segments())
        title_at, mixed_titles = self._title_choice(segments)
        consumed = -1  # a segment merged into the one before it ("Số:" / "06/2024/QĐ-UBND")
        for k, (idx, start, end) in enumerate(segments):
            if k <= consumed:
                continue
            raw = src.text[start:end]
            stripped = raw.strip()
            if not stripped:
                if summary_open and prev is not None and prev.type == SUMMARY:
                    summary_open = False
                continue
            cm = _COMMENT_RE.match(stripped)
            if cm and stripped.startswith("<!--"):
                self.comments.append((idx, cm.group(1).strip()))
                continue
            run = _clean(raw, start).strip()
            if idx in self._table_lines:
                if state == "recipients":
                    yield from pending_sign
                    pending_sign.clear()
                if state in ("recipients", "sign"):
                    state = "appendix"  # a table after the signature: an appendix
                elif state == "title":
                    state = "body"
                summary_open = False
                line = Line(idx, TROW, run)
                yield line
                prev = line
                continue
            run, md_level = _content(raw, start)
            # an export that broke a line after "Số:" or after "Điều": join it to the next one
            joinable = ((state == "head" and _BARE_NUMBER_RE.fullmatch(run.text), _SYMBOL_START_RE),
                        (run.text.lower() in _PART_WORDS_LOWER, _PART_NUMBER_RE),
                        # "TM. ỦY BAN NHÂN" / "DÂN": a signing line an export broke
                        (state != "head" and _SIGN_FOR_RE.match(run.text), _LONE_UPPER_WORD_RE))
            for bare, follower in joinable:
                if not bare:
                    continue
                nk = self._next_content(segments, k)
                if nk is not None:
                    nrun, _ = _content(src.text[segments[nk][1]:segments[nk][2]], segments[nk][1])
                    if follower.match(nrun.text) and (follower is not _LONE_UPPER_WORD_RE or nrun.text.isupper()):
                        run = _join(run, nrun)
                        consumed = nk
                break
            core = raw.strip().lstrip("#").strip()
            bold = core.startswith(("**", "__"))
            whole_bold = bold and core.endswith(("**", "__")) and len(core) > 4
            text = run.text
            if not text:
                continue
            line = Line(idx, TEXT, run, md_level=md_level, bold=bold, whole_bold=whole_bold)

            # closing: once "Nơi nhận" or a signature line is seen, the body is over
            rm = _RECIPIENTS_RE.match(text) if state in ("body", "title", "head") else None
            if rm is not None:
                right = _right_column(run, rm.end())
                if len(text) < 40 or (right is not None and _SIGN_RE.match(right.text)):
                    # "Nơi nhận:      TM. ỦY BAN NHÂN DÂN": the two columns of the closing table
                    state = "recipients"
                    line.type = RECIPIENTS
                    if right is not None:
                        line.run = run.slice(0, rm.end()).strip()
                        pending_sign.append(Line(idx, SIGN, right))
                    yield line
                    prev = line
                    continue
            if state == "recipients":
                mm = match_marker(text)
                if mm and mm[0] == "bullet":
                    line.type = RECIPIENT
                    line.run = run.slice(mm[1].end()).strip()
                    right = _right_column(line.run, 0)
                    if right is not None and (_SIGN_RE.match(right.text) or _is_upper_line(right.text)
                                              or (pending_sign and _is_name(right.text))):
                        line.run = line.run.slice(0, len(line.run.text) - len(right.text)).strip()
                        pending_sign.append(Line(idx, SIGN, right))
                    yield line
                    prev = line
                    continue
                if prev is not None and prev.type == RECIPIENT and _starts_lower(text):
                    line.type = CONT
                    yield line
                    prev = line
                    continue
                state = "sign"
                yield from pending_sign
                pending_sign.clear()
            if state == "sign" and _APPENDIX_RE.match(text):
                state = "appendix"  # "PHỤ LỤC" after the signature: its title, then its parts
            if state == "appendix":
                if match_marker(text) is None:
                    line.type = APPENDIX
                    yield line
                    prev = line
                    continue
                state = "body"
            if state == "sign":
                mm = match_marker(text)
                if mm is None or mm[0] not in ("roman", "part"):
                    line.type = SIGN
                    yield line
                    prev = line
                    continue
                state = "body"  # numbered parts after the signature: an appendix without a title
            sm = _SIGN_RE.match(text)
            # right under a decision's title, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" names who decides:
            # it is no signature (those come after the body, or say TM./KT. …)
            if sm and state == "title" and not sm.group(1) and len(text.split()) > 3:
                sm = None
            if state in ("body", "title") and sm and _is_upper_line(text.split(".", 1)[-1] or text):
                state = "sign"
                line.type = SIGN
                yield line
                prev = line
                continue

            if state == "head":
                if _NUMBER_RE.match(text):
                    line.type = NUMBER
                    # a two-column header flattened into one line:
                    # "Số: 15/KH-UBND        An Bình, ngày 10 tháng 01 năm 2026"
                    sm = _SYMBOL_THEN_PLACE_RE.match(text)
                    if sm and _PLACEDATE_RE.match(text[sm.end():]) and _has_year_word(text[sm.end():]):
                        line.run = run.slice(0, sm.end()).strip()
                        yield line
                        line = Line(idx, PLACEDATE, run.slice(sm.end()).strip(), md_level=md_level)
                    yield line
                    prev = line
                    continue
                if _PLACEDATE_RE.match(text) and _has_year_word(text) and len(text) < 120:
                    line.type = PLACEDATE
                    yield line
                    prev = line
                    continue
                if _MOTTO_RE.match(text):
                    line.type = MOTTO
                    yield line
                    prev = line
                    continue
            if state in ("head",) and not title_seen:
                tm = title_match(text) if title_at in (None, start) else None
                if tm is None and mixed_titles and len(segments) and k < 40:
                    tm = mixed_title_match(text)
                if tm:
                    title_seen = True
                    line.type = TITLE
                    line.extra = {"word": tm[0], "code": tm[1]}
                    rest = run.slice(tm[2]).strip()
                    line.extra["summary"] = rest.text
                    line.run = run
                    state = "title"
                    summary_open = not rest.text
                    yield line
                    prev = line
                    continue
                if _is_upper_line(text) and match_marker(text) is None:
                    line.type = ISSUER
                    yield line
                    prev = line
                    continue

            # body-ish lines: markers, continuations, text
            mm = match_marker(text)
            if mm is not None and state == "head" and mm[0] == "bullet":
                mm = None  # a dash in the header area is decoration, not a list
            if mm is not None and self._is_continuation(prev, text, mm[0]):
                mm = None
                line.type = CONT
                yield line
                prev = line
                continue
            if mm is not None:
                kind, m = mm
                bullet = ""
                rest = run.slice(m.end()).strip()
                if kind == "bullet":
                    inner = match_marker(rest.text)
                    if inner is not None and inner[0] in ("paren", "arabic", "decimal", "point", "roman"):
                        bullet = m.group("num")
                        kind, m = inner
                        run = rest
                        rest = run.slice(m.end()).strip()
                marker = make_marker(kind, m, run, md_level, bold, bullet)
                line.type = HEAD
                line.marker = marker
                line.run = rest
                if state in ("head", "title"):
                    state = "body"
                summary_open = False
                yield line
                prev = line
                continue
            if state == "title" and summary_open and prev is not None and prev.type in (TITLE, SUMMARY):
                line.type = SUMMARY
                yield line
                prev = line
                continue
            if prev is not None and self._is_continuation(prev, text, None):
                line.type = CONT
                yield line
                prev = line
                continue
            if state == "title":
                state = "body" if not summary_open else state
            line.type = TEXT
            yield line
            prev = line
        yield from pending_sign  # a document that ends inside its recipients list

    def _next_content(self, segments: list[tuple[int, int, int]], k: int) -> int | None:
        """Index of the next segment with text after segment ``k`` (blank lines and table bars
        skipped), if it lies within three segments."""
        text = self.source.text
        for j in range(k + 1, min(len(segments), k + 4)):
            _idx, start, end = segments[j]
            if not text[start:end].strip(" \t|"):
                continue
            return j
        return None

    def _title_choice(self, segments: list[tuple[int, int, int]]) -> tuple[int | None, bool]:
        """Where the title is: ``(start of the title line, mixed-case titles allowed)``.

        A web copy may open with the page's own heading (``BÁO CÁO SƠ KẾT …``) before the
        document's header: the title is then the first title line after the header lines
        (``Số:``, the motto, the place and date). When no upper-case title line exists at all,
        a line ``Kế hoạch …`` / ``Báo cáo …`` with its subject may be the title."""
        text = self.source.text
        titles: list[int] = []
        last_header = -1
        for _idx, start, end in segments[:120]:
            run, _ = _content(text[start:end], start)
            t = run.text
            if not t:
                continue
            if title_match(t):
                titles.append(start)
            elif _NUMBER_RE.match(t) or _MOTTO_RE.match(t) or (_PLACEDATE_RE.match(t) and len(t) < 120):
                last_header = start
            elif (mm := match_marker(t)) is not None and mm[0] != "bullet":
                break
        if not titles:
            return None, True
        after = [s for s in titles if s > last_header]
        return (after[0] if after else titles[0]), False

    def _segments(self) -> Iterator[tuple[int, int, int]]:
        """``(line index, start, end)`` of each piece of text to classify: a line, or each cell
        of a markdown table row that holds the header's two columns
        (``| Số: 64/KH-UBND | Độc lập - Tự do - Hạnh phúc |``). Table rule rows are skipped."""
        src = self.source
        for idx in range(src.line_count):
            start, end = src.line_bounds(idx)
            raw = src.text[start:end]
            stripped = raw.strip()
            if len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":
                if _TABLE_RULE_RE.fullmatch(stripped):
                    continue
                if _HEADER_CELL_RE.search(stripped):
                    pos = start + raw.index("|") + 1
                    for cell in stripped[1:-1].split("|"):
                        if cell.strip():
                            yield idx, pos, pos + len(cell)
                        pos += len(cell) + 1
                    continue
            yield idx, start, end

    @staticmethod
    def _is_continuation(prev: Line | None, text: str, kind: str | None) -> bool:
        """Whether a line continues the previous one's sentence (an export's broken line)."""
        if prev is None or prev.type not in (TEXT, CONT, HEAD, SUMMARY):
            return False
        ptext = prev.run.text.rstrip()
        if not ptext:
            return False
        open_end = not ptext.endswith(_TERMINAL) and not ptext.endswith(("./.", "”", '"', ")"))
        # a heading set as a title ("## I. MỤC ĐÍCH", "**2. Yêu cầu**", "II. NỘI DUNG") is closed
        if prev.type == HEAD and (prev.md_level or prev.whole_bold or _is_upper_line(ptext)):
            return False
        short_head = prev.type == HEAD and _word_count(ptext) <= 8
        if (kind in ("decimal", "arabic") and open_end and not short_head and _word_count(ptext) > 8
                and _NUMBER_NOUN_END.search(ptext)):
            return True  # "… đạt tiêu chí" / "18.3 về …": the number the noun takes
        if kind is not None:
            # "- xã hội …" after an unfinished sentence: a hyphen, not a bullet
            return (kind == "bullet" and text[:1] in "-–" and open_end and not short_head
                    and _starts_lower(text[1:]))
        if _starts_lower(text):
            return open_end or not short_head
        if not open_end:
            return False
        if ptext.endswith(("-", "–", ",")) or _starts_number(text):
            return True
        return _word_count(ptext) > 8 and prev.type != SUMMARY
