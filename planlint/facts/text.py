"""Text facts: the words of each paragraph with their spans, and the slips the T rules report.

The T family is the only one that reads the wording itself. Everything here works on
``Paragraph.text`` (NFC, soft line breaks joined, markdown emphasis removed) paragraph by
paragraph, through ``plan.blocks()``, and maps each slip back to the source with
``Paragraph.span_of``. One pass per extractor, linear in the size of the document.

Words are runs of letters. Two words are neighbours when only spaces separate them (a comma or
a full stop ends a phrase). Words are compared by ``Word.key``: lower case with the tone mark
placed the new way, so ``hoá``/``hóa`` and ``uỷ``/``ủy`` compare equal (DOMAIN.md, "Text": both
styles are accepted; only consistency within a document matters).

Extractors (each ``extract(plan) -> list[...]``, called by the rules through ``ctx.facts``):

* ``misspellings``: dictionary slips from ``rules/misspellings.toml``, orthography slips
  (``nghành``, ``ngiêm``) and tone marks on the wrong vowel (``đựơc``, ``tóan``);
* ``repeats``: one word (or a two-syllable word) written twice in a row (``của của``, ``uỷ ủy``,
  ``thực hiện thực hiện``), except the true reduplications of ``rules/reduplications.txt``;
* ``debris``: conversion leftovers: LaTeX, HTML tags and entities, ``_{…}``/``^{…}`` markup,
  pandoc attributes, escaped markdown;
* ``legacy``: text in TCVN3/VNI font encodings or with PDF extraction artefacts;
* ``tone_uses``: the two tone-mark styles of each word that has both (``hóa``/``hoá``);
* ``name_gaps``: a fixed institution name from ``rules/institutions.toml`` with a word dropped;
* ``spacing``: two spaces between words, a space before punctuation, none after a comma.

Paragraphs in a legacy encoding are read by ``legacy`` only: their wording is not text yet.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..data import vocabulary, word_list
from ..parsing.tree import Paragraph, Plan, Span

# -- words ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_TONE_MARKS = frozenset("\u0301\u0300\u0309\u0303\u0323")  # sắc huyền hỏi ngã nặng
# syllables whose tone mark has two accepted places: an open rhyme oa, oe, uy after a consonant
# (not after q: in "quý", "quả" the u belongs to the consonant)
_TWO_PLACES = re.compile(r"^(ngh|ng|nh|ch|gh|kh|ph|th|tr|[bcdđghklmnprstvx])?(oa|oe|uy)$")


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as printed
    start: int  # offsets in Paragraph.text
    end: int
    key: str  # lower case, tone mark placed the new way (hoá -> hóa): what comparisons use


@functools.lru_cache(maxsize=32768)
def tone_split(word: str) -> tuple[str, str, int]:
    """``(base, mark, index)``: the word without its tone mark, the mark, the index of the
    letter that carried it (``-1`` when there is none). Other diacritics (ô ơ ư ă â ê) stay."""
    if word.isascii():
        return word, "", -1
    out: list[str] = []
    mark, index = "", -1
    for i, ch in enumerate(word):
        d = unicodedata.normalize("NFD", ch)
        if len(d) > 1:
            kept = "".join(c for c in d if c not in _TONE_MARKS)
            if len(kept) != len(d) and not mark:
                mark = next(c for c in d if c in _TONE_MARKS)
                index = i
                ch = unicodedata.normalize("NFC", kept)
        out.append(ch)
    return "".join(out), mark, index


@functools.lru_cache(maxsize=32768)
def tone_form(lower: str) -> tuple[str, str]:
    """``(key, style)`` of a lower-case word: ``style`` is ``new`` (hóa, ủy), ``old`` (hoá, uỷ) or
    ``""`` when the word has one accepted spelling; ``key`` is the new-style spelling."""
    base, mark, index = tone_split(lower)
    if not mark:
        return lower, ""
    m = _TWO_PLACES.match(base)
    if not m:
        return lower, ""
    first = len(m.group(1) or "")
    if index == first:
        return lower, "new"
    if index != first + 1:
        return lower, ""
    key = base[:first] + unicodedata.normalize("NFC", base[first] + mark) + base[first + 1 :]
    return key, "old"


def word_key(text: str) -> str:
    return tone_form(text.lower())[0]


def words(text: str) -> list[Word]:
    return list(_words(text))


@functools.lru_cache(maxsize=512)
def _words(text: str) -> tuple[Word, ...]:
    return tuple(Word(m.group(), m.start(), m.end(), word_key(m.group())) for m in _WORD.finditer(text))


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(word_key(w) for w in _WORD.findall(text))


_GAP = re.compile(r"\s+")
_GAP_DASH = re.compile(r"\s*[-–—]\s*|\s+")


def neighbours(text: str, a: Word, b: Word, dashes: bool = False) -> bool:
    """Whether ``b`` follows ``a`` with only spaces between (or one dash, with ``dashes``)."""
    return (_GAP_DASH if dashes else _GAP).fullmatch(text, a.end, b.start) is not None


def _paragraphs(plan: Plan) -> Iterator[Paragraph]:
    for block in plan.blocks():
        yield block.paragraph


def _readable(plan: Plan) -> Iterator[Paragraph]:
    """The paragraphs in Unicode: one in a legacy encoding (T104) is not read for wording."""
    garbled = {g.paragraph for g in plan.fact(legacy)}
    for p in _paragraphs(plan):
        if p.span.start not in garbled:
            yield p


def match_case(found: str, right: str) -> str:
    """``right`` in the case of ``found``: ALL CAPS, Capitalised or as written."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return right.upper()
    if found[:1].isupper():
        return right[:1].upper() + right[1:]
    return right


def _follows(text: str, ws: list[Word], j: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words from index ``j`` on are ``phrase``, each a neighbour of the one before."""
    for k, p in enumerate(phrase):
        i = j + k
        if i >= len(ws) or i == 0 or ws[i].key != p or not neighbours(text, ws[i - 1], ws[i]):
            return False
    return True


def _precedes(text: str, ws: list[Word], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words just before index ``i`` are ``phrase``, each a neighbour of the next."""
    s = i - len(phrase)
    if s < 0:
        return False
    for k, p in enumerate(phrase):
        j = s + k
        if ws[j].key != p or not neighbours(text, ws[j], ws[j + 1]):
            return False
    return True


# -- T101 misspellings ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    right: str
    unless_followed: tuple[tuple[str, ...], ...] = ()
    unless_preceded: tuple[tuple[str, ...], ...] = ()
    when_followed: tuple[tuple[str, ...], ...] = ()
    when_preceded: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class _Orthography:
    wrong: str
    before: frozenset[str]
    right: str
    note: dict[str, str]


def _phrases(value: str | list[str] | None) -> tuple[tuple[str, ...], ...]:
    items = [value] if isinstance(value, str) else list(value or [])
    return tuple(p for p in (phrase_key(str(v)) for v in items) if p)


@functools.cache
def _dictionary() -> tuple[dict[str, list[_Entry]], tuple[_Orthography, ...]]:
    voc = vocabulary("misspellings")
    by_first: dict[str, list[_Entry]] = {}
    for wrong, spec in voc.get("words", {}).items():
        if isinstance(spec, str):
            spec = {"right": spec}
        entry = _Entry(
            words=phrase_key(wrong), right=unicodedata.normalize("NFC", spec["right"]),
            unless_followed=_phrases(spec.get("unless_followed_by")),
            unless_preceded=_phrases(spec.get("unless_preceded_by")),
            when_followed=_phrases(spec.get("when_followed_by")),
            when_preceded=_phrases(spec.get("when_preceded_by")),
        )
        if entry.words:
            by_first.setdefault(entry.words[0], []).append(entry)
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e.words))  # longest phrase first
    rules = tuple(
        _Orthography(r["wrong"], frozenset(unicodedata.normalize("NFC", r["before"])), r["right"],
                     dict(r.get("note", {})))
        for r in voc.get("orthography", [])
    )
    return by_first, rules


@dataclass(slots=True)
class Misspelling:
    span: Span
    found: str  # as printed
    right: str  # the correction, in the case of what was printed
    note_en: str = ""  # orthography slips: the rule broken
    note_vi: str = ""


def _entry_applies(text: str, ws: list[Word], i: int, e: _Entry) -> bool:
    n = len(e.words)
    if any(_follows(text, ws, i + n, p) for p in e.unless_followed):
        return False
    if any(_precedes(text, ws, i, p) for p in e.unless_preceded):
        return False
    if e.when_followed or e.when_preceded:
        return any(_follows(text, ws, i + n, p) for p in e.when_followed) or \
            any(_precedes(text, ws, i, p) for p in e.when_preceded)
    return True


def _orthography_slip(word: Word, rules: tuple[_Orthography, ...]) -> tuple[str, _Orthography] | None:
    low = word.text.lower()
    if not low.startswith(("ng", "gh")) or not tone_place(tone_split(low)[0]):
        return None  # not one Vietnamese syllable: a foreign name ("Ghana"), an abbreviation
    for r in rules:
        if low.startswith(r.wrong) and len(low) > len(r.wrong):
            if r.wrong == "ng" and low.startswith("ngh"):
                continue
            vowel = tone_split(low[len(r.wrong)])[0]
            if vowel in r.before:
                return match_case(word.text, r.right + word.text[len(r.wrong):].lower()), r
    return None


_VOWELS = frozenset("aăâeêioôơuưy")
_CONSONANTS = frozenset("bcdđghklmnpqrstvx")
_MODIFIED = frozenset("êôơâă")


@functools.lru_cache(maxsize=32768)
def tone_place(base: str) -> tuple[int, ...]:
    """Where the tone mark of a toneless syllable ``base`` goes (index; two for the open oa/oe/uy,
    which have two accepted places), or ``()`` when ``base`` is no Vietnamese syllable.

    The rules of Vietnamese orthography: a vowel with a hat or horn takes the mark (the last one:
    ``ươ`` -> ơ); the u of ``qu`` and the i of ``gi`` before a vowel are consonants; a single vowel
    takes it; of three vowels the middle one (``ngoài``, ``khuỷu``); of two followed by a consonant
    the second (``toán``); of two at the end the first (``của``, ``mùa``, ``kìa``), except oa/oe/uy."""
    if not base or not set(base) <= _VOWELS | _CONSONANTS:
        return ()
    s = 0
    while s < len(base) and base[s] in _CONSONANTS:
        s += 1
    e = s
    while e < len(base) and base[e] in _VOWELS:
        e += 1
    if e == s or not all(c in _CONSONANTS for c in base[e:]):
        return ()
    if s > 0 and e - s > 1 and ((base[s - 1] == "q" and base[s] == "u") or (base[s - 1] == "g" and base[s] == "i")):
        s += 1
    hats = [k for k in range(s, e) if base[k] in _MODIFIED]
    if hats:
        return (hats[-1],)
    n = e - s
    if n == 1:
        return (s,)
    if n >= 3 or e < len(base):
        return (s + 1,)
    if base[s:e] in ("oa", "oe", "uy"):
        return (s, s + 1)
    return (s,)


def misplaced_tone(word: str) -> tuple[str, str] | None:
    """``(corrected, vowel)`` when the tone mark of ``word`` sits on the wrong vowel (``đựơc`` ->
    ``được``, ``tíên`` -> ``tiến``, ``tóan`` -> ``toán``, ``cuả`` -> ``của``, ``qúy`` -> ``quý``)."""
    if word.isascii():
        return None
    base, mark, i = tone_split(word.lower())
    if not mark:
        return None
    places = tone_place(base)
    if not places or i in places:
        return None
    target = places[0]
    fixed = base[:target] + unicodedata.normalize("NFC", base[target] + mark) + base[target + 1 :]
    out = "".join(f.upper() if w.isupper() else f for w, f in zip(word, fixed, strict=True))
    return out, base[target]


def misspellings(plan: Plan) -> list[Misspelling]:
    by_first = _dictionary()[0]
    out: list[Misspelling] = []
    for p in _readable(plan):
        text = p.text
        ws = words(text)
        covered = -1
        for i, w in enumerate(ws):
            if i <= covered:
                continue
            for e in by_first.get(w.key, ()):
                n = len(e.words)
                if tuple(x.key for x in ws[i : i + n]) != e.words:
                    continue
                if not all(neighbours(text, ws[j], ws[j + 1]) for j in range(i, i + n - 1)):
                    continue
                if not _entry_applies(text, ws, i, e):
                    continue
                found = text[w.start : ws[i + n - 1].end]
                out.append(Misspelling(p.span_of(w.start, ws[i + n - 1].end), found, match_case(found, e.right)))
                covered = i + n - 1
                break
            else:
                one = _word_slip(w.text)
                if one is not None:
                    out.append(Misspelling(p.span_of(w.start, w.end), w.text, *one))
    return out


@functools.lru_cache(maxsize=32768)
def _word_slip(text: str) -> tuple[str, str, str] | None:
    """``(right, note en, note vi)`` for a word misspelt on its own (an orthography slip, a
    misplaced tone mark), or ``None``. A plan repeats its words: each spelling is judged once."""
    slip = _orthography_slip(Word(text, 0, len(text), ""), _dictionary()[1])
    if slip is not None:
        right, r = slip
        return right, r.note.get("en", ""), r.note.get("vi", "")
    tone = misplaced_tone(text)
    if tone is not None:
        return tone[0], f"the tone mark belongs on “{tone[1]}”", f"dấu thanh phải đặt trên “{tone[1]}”"
    return None


# -- T102 repeated words ----------------------------------------------------------------------


@functools.cache
def _reduplications() -> tuple[frozenset[tuple[str, ...]], tuple[tuple[tuple[str, ...], int], ...]]:
    """The allowed pairs, and the longer phrases with the index of their repeated word. A
    two-word entry of two different words (``thông suốt``) is a word that may follow a word ending
    in its first syllable: it becomes the phrase ``thông thông suốt``."""
    pairs = set()
    phrases = []
    for line in word_list("reduplications"):
        key = phrase_key(line)
        if len(key) == 2 and key[0] != key[1]:
            key = (key[0], *key)
        if len(key) == 2:
            pairs.add(key)
        for k in range(len(key) - 1):
            if len(key) > 2 and key[k] == key[k + 1]:
                phrases.append((key, k))
    return frozenset(pairs), tuple(phrases)


@dataclass(slots=True)
class Repeat:
    span: Span  # the second word
    context: Span  # both words
    first: str
    second: str


def _shouting(w: Word) -> bool:
    return len(w.text) > 1 and w.text.isupper()


_COLUMN_GAP = re.compile(r"[ \u00a0]{3,}|\t")  # a text table's column break, not a word gap


def _alone_on_its_line(plan: Plan, p: Paragraph, w: Word) -> bool:
    """Whether the word stands alone on its source line: a table cell that an export put on a
    line of its own ("Tổng số hộ" / "hộ" / "1.184"), not a word of running text."""
    src = plan.source
    start = p.source_offset(w.start)
    lo, hi = src.line_bounds(src.line_index(start))
    return src.text[lo:hi].strip(" \t|*") == w.text


def repeats(plan: Plan) -> list[Repeat]:
    pairs, phrases = _reduplications()
    out: list[Repeat] = []
    for p in _readable(plan):
        text = p.text
        ws = words(text)
        keys = [w.key for w in ws]
        for i in range(len(ws) - 1):
            a, b = ws[i], ws[i + 1]
            if a.key != b.key or not neighbours(text, a, b) or (a.key, b.key) in pairs:
                continue
            if _COLUMN_GAP.search(text, a.end, b.start) or _alone_on_its_line(plan, p, b):
                continue  # "Tổng số hộ        hộ      1.250": a label, then a table's unit column
            if _shouting(a) != _shouting(b):
                continue  # "tên TÊN": a placeholder or a heading word, not a slip
            if b.text[:1].isupper() and not _shouting(b):
                continue  # a name after a common noun: "quê hương Hương Lâm"; initials, list letters
            if any(i >= k and tuple(keys[i - k : i - k + len(ph)]) == ph for ph, k in phrases):
                continue  # "học sinh sinh viên"
            out.append(Repeat(p.span_of(b.start, b.end), p.span_of(a.start, b.end), a.text, b.text))
        # a two-syllable word written twice: "thực hiện thực hiện"
        for i in range(len(ws) - 3):
            if keys[i] == keys[i + 1] or keys[i] != keys[i + 2] or keys[i + 1] != keys[i + 3]:
                continue
            if not all(neighbours(text, ws[j], ws[j + 1]) for j in range(i, i + 3)):
                continue
            if len({_shouting(w) for w in ws[i : i + 4]}) > 1 or (ws[i + 2].text[:1].isupper() and not _shouting(ws[i + 2])):
                continue
            out.append(Repeat(p.span_of(ws[i + 2].start, ws[i + 3].end), p.span_of(ws[i].start, ws[i + 3].end),
                              text[ws[i].start : ws[i + 1].end], text[ws[i + 2].start : ws[i + 3].end]))
    return out


# -- T103 conversion debris -------------------------------------------------------------------

_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUP_OK = re.compile(r"[0-9+\-=()n]+")
_SUB_OK = re.compile(r"[0-9+\-=()]+")

_LATEX_SYMBOLS = {
    "geq": "≥", "ge": "≥", "geqslant": "≥", "leq": "≤", "le": "≤", "leqslant": "≤", "neq": "≠", "ne": "≠",
    "times": "×", "div": "÷", "pm": "±", "mp": "∓", "approx": "≈", "sim": "~", "cdot": "·", "ldots": "…",
    "cdots": "…", "dots": "…", "infty": "∞", "circ": "°", "degree": "°", "rightarrow": "→", "to": "→",
    "leftarrow": "←", "Rightarrow": "⇒", "Leftrightarrow": "⇔", "leftrightarrow": "↔", "lt": "<", "gt": ">",
    "sum": "∑", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "mu": "μ", "pi": "π",
    "sigma": "σ", "percent": "%", "left": "", "right": "", "quad": " ", "qquad": " ", "displaystyle": "",
}
_LATEX_WRAPPERS = ("text", "mathrm", "mathbf", "mathit", "textbf", "textit", "textrm", "emph", "mbox",
                   "operatorname", "underline")
_LATEX_ESC = {"%": "%", ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "$": "$", "&": "&", "#": "#", "_": "_"}

_MATH = re.compile(r"\$\$?([^$\n]{1,160}?)\$\$?")
_MATH_SIGNAL = re.compile(r"\\[A-Za-z%,;:!]|[\^_]|\{")
_LATEX_CMD = re.compile(
    r"\\(?:frac\s*\{[^{}]*\}\s*\{[^{}]*\}|sqrt\s*\{[^{}]*\}|(?:" + "|".join(_LATEX_WRAPPERS) + r")\s*\{[^{}]*\}"
    r"|(?:" + "|".join(sorted(_LATEX_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z]))"
)
# what may follow a tag name: attributes (name="value"), nothing else ("a<b và b>c" is no tag)
_ATTRS = r"""(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<>]{0,200}"|'[^'<>]{0,200}'|[^\s"'<>]{1,200})){0,12}\s*"""
# the base starts where its token does (a lookbehind, not a rescan from every position: linear on
# long tokens without spaces) and is taken whole (possessive: no backtracking)
_HTML_SUPSUB = re.compile(r"(?<![^\s<>])([^\s<>]*+)<(sup|sub)>([^<>]{0,40})</\2>", re.IGNORECASE)
_HTML_PAIR = re.compile(
    r"<(b|i|u|s|em|strong|span|font|mark|small|big|del|ins|strike|p|div|center|a|code)\b" + _ATTRS + ">"
    r"([^<>]{0,200})</\1\s*>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|span|font|mark|small|big|del|ins|strike|p|div|center|a|code|br|hr|img|sup|sub"
    r"|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|blockquote|pre)\b" + _ATTRS + "/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|ndash|mdash|hellip|laquo|raquo|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_BRACE_SUBSUP = re.compile(r"(?<![^\s_^{}$])([^\s_^{}$]*+)([_^])\{([^{}\n]{1,40})\}")
_PANDOC_SUP = re.compile(r"(?<=\w)\^([^\s^]{1,12})\^")
_PANDOC_SUB = re.compile(r"(?<=\w)~([^\s~]{1,12})~")
_ATTR_SPAN = re.compile(r"\[([^\[\]\n]{0,200})\]\{[.#][^{}\n]{0,80}\}")
_ATTR = re.compile(r"\{(?:[.#][A-Za-z][\w-]*|\w+=\"[^\"]*\")(?:\s+[^{}\n]{0,80})?\}")
_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,300}\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_BACKSLASH = re.compile(r"\\")


def _sup(s: str) -> str:
    return s.translate(_SUP) if _SUP_OK.fullmatch(s) else s


def _sub(s: str) -> str:
    return s.translate(_SUB) if _SUB_OK.fullmatch(s) else s


def latex_plain(s: str) -> str:
    """Plain text for a LaTeX snippet as drafts leave it: ``\\geq 100`` -> ``≥ 100``."""
    s = re.sub(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"\1/\2", s)
    s = re.sub(r"\\sqrt\s*\{([^{}]*)\}", r"√\1", s)
    s = re.sub(r"\\(?:" + "|".join(_LATEX_WRAPPERS) + r")\s*\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\^\{([^{}]*)\}|\^(\w)", lambda m: _sup(m.group(1) or m.group(2) or ""), s)
    s = re.sub(r"_\{([^{}]*)\}|_(\w)", lambda m: _sub(m.group(1) or m.group(2) or ""), s)
    s = re.sub(r"\\([A-Za-z]+)", lambda m: _LATEX_SYMBOLS.get(m.group(1), m.group(1)), s)
    s = re.sub(r"\\(.)", lambda m: _LATEX_ESC.get(m.group(1), m.group(1)), s)
    s = s.replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", s).strip()


@dataclass(slots=True)
class Debris:
    span: Span
    kind: str  # latex | html | entity | subscript | superscript | attribute | image | escape
    found: str
    plain: str  # the plain text to write instead ("" = remove it)


def _debris_in(p: Paragraph, source_text: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, kind, plain)`` of each leftover in ``p.text``, left to right, no overlaps."""
    text = p.text
    if not any(c in text for c in "$\\<>&_^{}~["):
        return
    found: list[tuple[int, int, str, str]] = []
    starts: list[int] = []  # the spans taken so far, disjoint, sorted by start (bisect, not a scan)
    ends: list[int] = []

    def add(i: int, j: int, kind: str, plain: str) -> None:
        if j <= i:
            return
        k = bisect_left(starts, i)
        if (k < len(starts) and starts[k] < j) or (k and ends[k - 1] > i):
            return
        starts.insert(k, i)
        ends.insert(k, j)
        found.append((i, j, kind, plain))

    for m in _MATH.finditer(text):
        if _MATH_SIGNAL.search(m.group(1)):
            add(m.start(), m.end(), "latex", latex_plain(m.group(1)))
    for m in _IMAGE.finditer(text):
        add(m.start(), m.end(), "image", "")
    for m in _HTML_SUPSUB.finditer(text):
        prefix, tag, inner = m.group(1), m.group(2).lower(), m.group(3)
        add(m.start(), m.end(), "html", prefix + (_sup(inner) if tag == "sup" else _sub(inner)))
    for m in _HTML_PAIR.finditer(text):
        add(m.start(), m.end(), "html", m.group(2))
    for m in _HTML_TAG.finditer(text):
        add(m.start(), m.end(), "html", "")
    for m in _ENTITY.finditer(text):
        plain = html.unescape(m.group())
        add(m.start(), m.end(), "entity", " " if plain == "\xa0" else plain)
    for m in _ATTR_SPAN.finditer(text):
        add(m.start(), m.end(), "attribute", m.group(1))
    for m in _ATTR.finditer(text):
        add(m.start(), m.end(), "attribute", "")
    for m in _BRACE_SUBSUP.finditer(text):
        base, op, inner = m.group(1), m.group(2), m.group(3)
        if op == "^":
            add(m.start(), m.end(), "superscript", base + _sup(inner))
        elif _SUB_OK.fullmatch(inner):
            add(m.start(), m.end(), "subscript", base + _sub(inner))
        elif text.lstrip().lower().startswith("lưu"):
            add(m.start(), m.end(), "subscript", f"{base}, {inner}" if base else inner)  # ND30: "Lưu: VT, …"
        else:
            add(m.start(), m.end(), "subscript", f"{base} {inner}".strip())
    for m in _PANDOC_SUP.finditer(text):
        add(m.start(), m.end(), "superscript", _sup(m.group(1)))
    for m in _PANDOC_SUB.finditer(text):
        add(m.start(), m.end(), "subscript", _sub(m.group(1)))
    for m in _LATEX_CMD.finditer(text):
        add(m.start(), m.end(), "latex", latex_plain(m.group()))
    for m in _ESCAPE.finditer(text):
        add(m.start(), m.end(), "escape", m.group(1))
    for m in _BACKSLASH.finditer(text):
        # "\*" whose star the emphasis cleaner took away: the source still shows it
        s = p.source_offset(m.start())
        if source_text[s + 1 : s + 2] == "*":
            add(m.start(), m.end(), "escape", "*")
    found.sort()
    yield from found


# a markdown document: headings, bold markers or table rows at the start of a line
_MARKDOWN = re.compile(r"^(?:#{1,6}[ \t]|\*\*\S|\|.*\|[ \t]*$)", re.MULTILINE)


def debris(plan: Plan) -> list[Debris]:
    """Every leftover; backslash escapes only in a text export: in a markdown document they are
    its own syntax (``5\\.`` keeps "5." from turning into a list item), and a line with no
    letter or digit (the star under a Party issuer, ``\\*``) is no leftover either."""
    out: list[Debris] = []
    source_text = plan.source.text
    markdown = _MARKDOWN.search(source_text) is not None
    for p in _paragraphs(plan):
        escapes: Debris | None = None
        for i, j, kind, plain in _debris_in(p, source_text):
            span = p.span_of(i, j)
            if kind != "escape":
                out.append(Debris(span, kind, p.text[i:j], plain))
                continue
            if markdown or not any(c.isalnum() for c in p.text):
                continue
            # escaped characters come in crowds: one finding per paragraph names them all
            found = source_text[span.start : span.end]
            if found == "\\" and plain == "*":
                found = "\\*"  # the star went with the emphasis markers
            if escapes is None:
                escapes = Debris(span, kind, found, plain)
                out.append(escapes)
            elif found not in escapes.found.split(" "):
                escapes.found += " " + found
                escapes.plain += " " + plain
    out.sort(key=lambda d: d.span.start)
    return out


# -- T107 spacing ------------------------------------------------------------------------------

_DOUBLE_SPACE = re.compile(r"(?<=[^\W_])[ \u00a0]{2}(?=[^\W_])")
# three spaces or more, or a tab: columns laid out with spaces (a two-column header, a table
# exported as text) or a blank left for the day ("ngày     tháng"): layout, not a typing slip
_LAYOUT_GAP = re.compile(r"[ \u00a0]{3,}|\t")
_SPACE_BEFORE = re.compile(r"(?<=[^\W_])[ \t\u00a0]+([,;:.!?])(?=[\s”\")]|$)")
_NO_SPACE_AFTER = re.compile(r"(?<=[^\W\d_])([,;])(?=[^\W\d_])")
_ENTITY_HEAD = re.compile(r"&#?\w+$")
_LONE_LETTER = re.compile(r"(?<![^\W\d_])[^\W\d_]$")
_LONE_LETTER_AFTER = re.compile(r"[^\W\d_](?![^\W\d_])")


@dataclass(slots=True)
class Spacing:
    span: Span
    kind: str  # double | before | after
    found: str  # the text around it as printed
    fixed: str
    count: int = 1  # double spaces: how many in the paragraph
    repairs: list[tuple[Span, str]] = field(default_factory=list)  # (source span, replacement)


def _around(text: str, i: int, j: int) -> tuple[int, int]:
    """The words either side of ``text[i:j]``."""
    a = i
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = j
    while b < len(text) and not text[b].isspace():
        b += 1
    return a, b


def spacing(plan: Plan) -> list[Spacing]:
    """Spaces where they do not belong, in running text: two between words (one finding per
    paragraph), one before a comma, full stop, colon…, none after a comma or semicolon between
    words. The number line ``Số: …`` is the R rules' business and is not read here."""
    out: list[Spacing] = []
    number = plan.header.number
    for p in _readable(plan):
        if number is not None and p.span.start == number.span.start:
            continue
        text = p.text
        if ("  " in text or "\u00a0" in text) and not _LAYOUT_GAP.search(text):
            doubles = [m for m in _DOUBLE_SPACE.finditer(text)
                       if p.source_offset(m.end() - 1) - p.source_offset(m.start()) == m.end() - m.start() - 1]
            if doubles:
                m = doubles[0]
                a, b = _around(text, m.start(), m.end())
                out.append(Spacing(p.span_of(m.start(), m.end()), "double", text[a:b],
                                   text[a : m.start()] + " " + text[m.end() : b], len(doubles),
                                   [(p.span_of(d.start(), d.end()), " ") for d in doubles]))
        for m in _SPACE_BEFORE.finditer(text):
            if text.startswith("..", m.start(1)) or text.startswith("./.", m.start(1)):
                continue  # an ellipsis, the closing "./."
            a, b = _around(text, m.start(), m.end())
            out.append(Spacing(p.span_of(m.start(), m.end()), "before", text[a:b],
                               text[a : m.start()] + text[m.start(1) : b],
                               repairs=[(p.span_of(m.start(), m.start(1)), "")]))
        for m in _NO_SPACE_AFTER.finditer(text):
            a, b = _around(text, m.start(), m.end())
            if m.group(1) == ";" and _ENTITY_HEAD.search(text, a, m.start()):
                continue  # "&nbsp;": conversion debris, T103
            if _LONE_LETTER.search(text, 0, m.start()) or _LONE_LETTER_AFTER.match(text, m.end()):
                continue  # "điểm a,b khoản 1": points of a legal citation
            out.append(Spacing(p.span_of(m.start(), m.end()), "after", text[a:b],
                               text[a : m.end()] + " " + text[m.end() : b],
                               repairs=[(p.span_of(m.end(), m.end()), " ")]))
    out.sort(key=lambda x: x.span.start)
    return out


# -- T104 legacy encodings --------------------------------------------------------------------

# TCVN3 (ABC, the .VnTime fonts), read as Latin-1: each byte stands for one Vietnamese letter.
_TCVN3 = dict(zip(
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ", strict=True))
# bytes of TCVN3 that are no letter at all: a word holding one is TCVN3 text
_TCVN3_SYMBOLS = frozenset("µ¸¶·¹¨»¾¼½©®ª×÷«¬\xad¡¢§£¤¥¦")
# Latin-1 letters Vietnamese never uses: in a word with plain letters they are a legacy byte
# (VNI writes tone marks as separate letters: "Coäng hoøa"; TCVN3 uses some of them too)
_FOREIGN_LETTERS = frozenset("äåæçëîïñöøûüþßÆÇËÎÏÐÑÖØÜÞÄÅËÏÛ")
_LEGACY_WORD = re.compile(r"(?:[^\W\d_]|[µ¸¶·¹¨»¾¼½©®ª×÷«¬\xad¡¢§£¤¥¦])+")
_LEGACY_CHAR = re.compile("[" + re.escape("".join(sorted(_TCVN3_SYMBOLS | _FOREIGN_LETTERS))) + "]")
# TCVN3 writes some lower-case letters with upper-case Latin-1 bytes ("kiÕn", "phÝ", "ViÖt"):
# a lower-case letter followed by one of them inside a word (camel case "VNeID" is ASCII)
_MID_CAPITAL = re.compile(r"[a-z][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_PDF_OI = re.compile(r"[ƣƢ]")
_PDF_MINUS = re.compile(r"(?<=[^\W\d_])\u2212(?=[^\W\d_])")  # "tr−ờng" for trường
_PDF_ONG = re.compile(r"(?<![ưƯ])[ơớờởỡợƠỚỜỞỠỢ]ng(?![^\W\d_])", re.IGNORECASE)  # "cơng" for công: no rhyme "ơng"


@dataclass(slots=True)
class Legacy:
    span: Span  # the first word that gives it away
    encoding: str  # tcvn3 | vni | legacy | pdf | combining
    sample: str  # the words as printed
    decoded: str  # what they read in Unicode ("" when unknown)
    count: int  # how many such words in the paragraph
    paragraph: int  # source offset where the paragraph starts


def _vni_table() -> dict[str, str]:
    tones = "ùøûõï"  # sắc huyền hỏi ngã nặng, typed after the vowel
    table: dict[str, str] = {}

    def add(seq: str, out: str) -> None:
        table[seq] = out
        table[seq.upper()] = out.upper()

    for base, out in (("a", "áàảãạ"), ("e", "éèẻẽẹ"), ("o", "óòỏõọ"), ("ô", "ớờởỡợ"), ("u", "úùủũụ"),
                      ("ö", "ứừửữự"), ("y", "ýỳỷỹ")):
        for t, o in zip(tones, out, strict=False):
            add(base + t, o)
    for base, hat, out in (("a", "âáàåãä", "âấầẩẫậ"), ("e", "âáàåãä", "êếềểễệ"), ("o", "âáàåãä", "ôốồổỗộ"),
                           ("a", "êéèúüë", "ăắằẳẵặ")):
        for h, o in zip(hat, out, strict=True):
            add(base + h, o)
    for single, out in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"), ("ô", "ơ"),
                        ("ö", "ư"), ("ñ", "đ")):
        add(single, out)
    return table


_VNI = _vni_table()
_VNI_SEQ = re.compile("|".join(re.escape(k) for k in sorted(_VNI, key=len, reverse=True)))


def vni_decode(s: str) -> str:
    """VNI-Windows text read as Latin-1 -> Unicode (``Coäng hoøa`` -> ``Cộng hòa``)."""
    return _VNI_SEQ.sub(lambda m: _VNI[m.group()], s)


def tcvn3_decode(s: str) -> str:
    out = []
    for w in re.split(r"(\s+)", s):
        dec = "".join(_TCVN3.get(c, c) for c in w)
        letters = [c for c in w if c.isascii() and c.isalpha()]
        out.append(dec.upper() if len(letters) > 1 and all(c.isupper() for c in letters) else dec)
    return "".join(out)


def _word_start(text: str, i: int) -> str:
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i]


def _legacy_in(text: str) -> tuple[int, int, str, str, str, int] | None:
    """``(start, end, encoding, sample, decoded, count)`` for the paragraph, or None."""
    hits: list[tuple[int, int, str]] = []
    for m in _PDF_OI.finditer(text):
        hits.append((m.start(), m.end(), "pdf"))
    for m in _PDF_MINUS.finditer(text):
        hits.append((m.start(), m.end(), "pdf"))
    ongs = []
    for m in _PDF_ONG.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isalpha():  # an onset: "cơng", not "ơng"
            ongs.append((m.start(), m.end(), "pdf"))
    # "ơng" is a true rhyme in names of the Central Highlands languages ("buôn Tơng Jú",
    # "Kpơng"): a capitalised word alone proves nothing, a lower-case one ("cơng") does
    if hits or any(not _word_start(text, i).isupper() for i, _, _ in ongs):
        hits.extend(ongs)
    cm = _COMBINING.search(text, 1)
    if cm is not None and text[cm.start() - 1].isalpha():
        hits.append((cm.start() - 1, cm.end(), "combining"))
    if hits:
        hits.sort()
        i, j, kind = hits[0]
        ws, we = i, j
        while ws > 0 and (text[ws - 1].isalpha() or text[ws - 1] == "\u2212"):
            ws -= 1
        while we < len(text) and (text[we].isalpha() or text[we] == "\u2212" or unicodedata.combining(text[we])):
            we += 1
        sample = text[ws:we]
        decoded = ""
        if kind == "pdf":
            decoded = sample.replace("ƣ", "ư").replace("Ƣ", "Ư").replace("\u2212", "ư")
            decoded = re.sub(r"(?<![ưƯ])ơ(?=ng$)", "ô", decoded)
            decoded = re.sub(r"(?<![ưƯ])Ơ(?=NG$|ng$)", "Ô", decoded)
        return ws, we, kind, sample, decoded if decoded != sample else "", len(hits)

    if not _LEGACY_CHAR.search(text):
        return None
    legacy: list[re.Match[str]] = []
    all_words = list(_LEGACY_WORD.finditer(text))
    tcvn3 = False
    for m in all_words:
        w = m.group()
        core = w.rstrip("®©")  # "Zalo®": a trademark sign, not a TCVN3 "đ"
        if all(ord(c) <= 0xFF for c in w) and any(c.isascii() for c in w) and \
                (any(c in _TCVN3_SYMBOLS or c in _FOREIGN_LETTERS for c in core) or _MID_CAPITAL.search(w)):
            legacy.append(m)
            tcvn3 = tcvn3 or any(c in _TCVN3_SYMBOLS for c in w)
    if len(legacy) < 2:
        return None
    first = legacy[0]
    k = all_words.index(first)
    lo = k - 1 if k > 0 and all(ord(c) <= 0xFF for c in all_words[k - 1].group()) else k
    hi = min(len(all_words), k + 3)
    while hi - 1 > k and not all(ord(c) <= 0xFF for c in all_words[hi - 1].group()):
        hi -= 1
    sample = text[all_words[lo].start() : all_words[hi - 1].end()]
    if tcvn3:
        return first.start(), first.end(), "tcvn3", sample, tcvn3_decode(sample), len(legacy)
    vni = any(c in "äøûöëïåæüÄØÛÖËÏÅÆÜ" for m in legacy for c in m.group())
    if vni:
        return first.start(), first.end(), "vni", sample, vni_decode(sample), len(legacy)
    return first.start(), first.end(), "legacy", sample, "", len(legacy)


def legacy(plan: Plan) -> list[Legacy]:
    out: list[Legacy] = []
    for p in _paragraphs(plan):
        text = p.text
        if text.isascii():
            continue
        found = _legacy_in(text)
        if found is not None:
            i, j, enc, sample, decoded, count = found
            out.append(Legacy(p.span_of(i, j), enc, sample, decoded, count, p.span.start))
    return out


# -- T105 tone-mark styles --------------------------------------------------------------------


@dataclass(slots=True)
class ToneUse:
    """One word written in both tone-mark styles, or in one only."""

    key: str  # the new-style spelling, lower case
    forms: dict[str, str] = field(default_factory=dict)  # style -> the word as first printed (lower case)
    counts: dict[str, int] = field(default_factory=dict)  # style -> occurrences
    first: dict[str, Span] = field(default_factory=dict)  # style -> first occurrence
    order: list[str] = field(default_factory=list)  # styles in order of first appearance


def tone_uses(plan: Plan) -> list[ToneUse]:
    """Every two-style word of the document with its count in each style (words of a repeated
    pair, which T102 reports, are left out)."""
    reps = plan.fact(repeats)
    starts = {r.context.start for r in reps}
    ends = {r.context.end for r in reps}
    uses: dict[str, ToneUse] = {}
    for p in _readable(plan):
        ws = words(p.text)
        styled = {t for t in {w.text for w in ws} if tone_form(t.lower())[1]}  # each spelling once
        for w in ws:
            if w.text not in styled:
                continue
            key, style = tone_form(w.text.lower())
            span = p.span_of(w.start, w.end)
            if span.start in starts or span.end in ends:
                continue
            u = uses.setdefault(key, ToneUse(key))
            if style not in u.counts:
                u.forms[style] = w.text.lower()
                u.first[style] = span
                u.order.append(style)
            u.counts[style] = u.counts.get(style, 0) + 1
    return list(uses.values())


# -- T106 institution names with a word dropped -----------------------------------------------


@dataclass(frozen=True, slots=True)
class _Variant:
    keys: tuple[str, ...]  # the name without one word
    dropped: int  # index of the dropped word in the name
    name: str
    name_words: tuple[Word, ...]


@dataclass(frozen=True, slots=True)
class _Names:
    by_first: dict[str, list[_Variant]]
    full: tuple[tuple[str, ...], ...]
    levels: frozenset[str]
    not_slips: tuple[tuple[str, ...], ...]
    not_after: frozenset[tuple[str, ...]]


@functools.cache
def _names() -> _Names:
    voc = vocabulary("institutions")
    full = []
    by_first: dict[str, list[_Variant]] = {}
    for name in voc.get("names", []):
        name = unicodedata.normalize("NFC", name)
        nws = tuple(words(name))
        keys = tuple(w.key for w in nws)
        full.append(keys)
        if len(keys) < 4:
            continue
        for d in range(1, len(keys)):
            v = keys[:d] + keys[d + 1 :]
            by_first.setdefault(v[0], []).append(_Variant(v, d, name, nws))
    fulls = tuple(full)
    # a shortened name that is the start of another listed name is no slip
    for first, variants in by_first.items():
        by_first[first] = [v for v in variants
                           if not any(f[: len(v.keys)] == v.keys and f != phrase_key(v.name) for f in fulls)]
    return _Names(by_first, fulls, frozenset(word_key(w) for w in voc.get("levels", [])),
                  tuple(phrase_key(s) for s in voc.get("not_slips", [])),
                  frozenset(phrase_key(s) for s in voc.get("not_after", [])))


@dataclass(slots=True)
class NameGap:
    span: Span
    found: str  # the shortened name as printed, with the word after it
    name: str  # the full name
    missing: str  # the dropped word, in the case of the text
    fixed: str  # ``found`` with the word put back


def _gap_at(text: str, ws: list[Word], i: int, v: _Variant, names: _Names) -> NameGap | None:
    n = len(v.keys)
    if tuple(w.key for w in ws[i : i + n]) != v.keys:
        return None
    if any(tuple(w.key for w in ws[i : i + len(f)]) == f for f in names.full):
        return None  # a listed name written in full
    if not all(neighbours(text, ws[j], ws[j + 1], dashes=True) for j in range(i, i + n - 1)):
        return None
    last = len(v.name_words) - 1
    nxt = i + n
    has_next = nxt < len(ws) and neighbours(text, ws[nxt - 1], ws[nxt], dashes=True)
    if v.dropped == last and has_next and ws[nxt].key == v.name_words[last].key:
        return None  # the full name
    if i > 0 and neighbours(text, ws[i - 1], ws[i]) and (ws[i - 1].key, ws[i].key) in names.not_after:
        return None
    if any(tuple(w.key for w in ws[i : i + len(s)]) == s for s in names.not_slips):
        return None
    if n <= 3 or v.dropped == last:
        # a short remainder, or one that lost its last word, may run on into another word
        # ("Ban Chấp hành Trung đoàn"): only a place level or punctuation after it is proof
        spaced = has_next and neighbours(text, ws[nxt - 1], ws[nxt])  # not across a dash
        if spaced:
            if ws[nxt].key not in names.levels:
                return None
        elif v.dropped != last:
            return None
        else:
            rest = text[ws[nxt - 1].end :].lstrip()
            if rest[:1].isalnum():
                return None
            has_next = False  # "Hội đồng nhân - Ủy ban …": the name ends at the dash
    found_words = ws[i : i + n]
    shout = len(found_words) > 1 and all(w.text.isupper() for w in found_words)
    dw = v.name_words[v.dropped]
    missing = dw.text.upper() if shout else dw.text
    # the name's own separators around the dropped word ("Thi đua - Khen thưởng")
    sep_before = v.name[v.name_words[v.dropped - 1].end : dw.start]
    before = text[ws[i].start : ws[i + v.dropped - 1].end]
    if v.dropped < last:
        sep_after = v.name[dw.end : v.name_words[v.dropped + 1].start]
        after = sep_after + text[ws[i + v.dropped].start : ws[i + n - 1].end]
    else:
        after = ""
    end = ws[nxt].end if has_next else ws[i + n - 1].end
    tail = text[ws[i + n - 1].end : end]
    return NameGap(Span(ws[i].start, end), text[ws[i].start : end], v.name, missing,
                   before + sep_before + missing + after + tail)


def name_gaps(plan: Plan) -> list[NameGap]:
    names = _names()
    by_first = names.by_first
    out: list[NameGap] = []
    for p in _readable(plan):
        text = p.text
        ws = words(text)
        i = 0
        while i < len(ws):
            step = 1
            variants = by_first.get(ws[i].key)
            if not variants:  # most words start no institution name
                i += 1
                continue
            for v in variants:
                gap = _gap_at(text, ws, i, v, names)
                if gap is not None:
                    gap.span = p.span_of(gap.span.start, gap.span.end)
                    out.append(gap)
                    step = len(v.keys)
                    break
            i += step
    return out
