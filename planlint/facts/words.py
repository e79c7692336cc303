"""Words of the running text: each paragraph's words with their offsets and comparison keys, and
where a Vietnamese syllable carries its tone mark.

Everything here works on ``Paragraph.text`` (NFC, soft line breaks joined, markdown emphasis
removed) paragraph by paragraph, through ``plan.blocks()``, and maps back to the source with
``Paragraph.span_of``. Words are runs of letters. Two words are neighbours when only spaces
separate them (a comma or a full stop ends a phrase). Words are compared by ``Word.key``: lower
case with the tone mark placed the new way, so ``hoá``/``hóa`` and ``uỷ``/``ủy`` compare equal
(DOMAIN.md, "Text": both styles are accepted; only consistency within a document matters).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..data import vocabulary
from ..parsing.tree import Paragraph, Plan

# -- words ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc huyền hỏi ngã nặng


@dataclass(frozen=True, slots=True)
class _Syllables:
    """The letters of a Vietnamese syllable, from ``rules/syllables.toml``."""

    vowels: frozenset[str]
    consonants: frozenset[str]
    letters: frozenset[str]
    marked: frozenset[str]  # vowels with a hat or a horn: they carry the tone mark
    glides: dict[str, str]  # consonant -> the vowel that belongs to it before another vowel (qu, gi)
    two_place_rhymes: frozenset[str]  # open rhymes with two accepted tone-mark places (oa, oe, uy)
    two_places: re.Pattern[str]  # a syllable with such a rhyme: (onset)(rhyme)


@functools.cache
def _syllables() -> _Syllables:
    data = vocabulary("syllables")
    vowels, consonants = frozenset(data["vowels"]), frozenset(data["consonants"])
    onsets = "|".join(re.escape(o) for o in sorted(data["two_place_onsets"], key=len, reverse=True))
    rhymes = "|".join(re.escape(r) for r in data["two_place_rhymes"])
    return _Syllables(vowels, consonants, vowels | consonants, frozenset(data["marked_vowels"]),
                      {c: v for c, v in data["glides"]}, frozenset(data["two_place_rhymes"]),
                      re.compile(f"^({onsets})?({rhymes})$"))


class Word(NamedTuple):
    """A word of a paragraph (a tuple: a plan has thousands, made in a tight loop)."""

    text: str  # as printed
    start: int  # offsets in Paragraph.text
    end: int
    key: str  # lower case, tone mark placed the new way (hoá -> hóa): what comparisons use


class _ToneTable(dict[str, tuple[str, str] | None]):
    """A letter that carries a tone mark -> ``(the letter without it, the mark)``; any other
    character -> ``None``. Filled from ``unicodedata`` on first sight of each character, so
    that ``tone_split`` is one dictionary look-up a letter instead of two normalisations."""

    def __missing__(self, ch: str) -> tuple[str, str] | None:
        d = unicodedata.normalize("NFD", ch)
        hit = None
        if len(d) > 1:
            kept = "".join(c for c in d if c not in TONE_MARKS)
            if len(kept) != len(d):
                hit = unicodedata.normalize("NFC", kept), next(c for c in d if c in TONE_MARKS)
        self[ch] = hit
        return hit


_TONED = _ToneTable()


@functools.lru_cache(maxsize=32768)
def tone_split(word: str) -> tuple[str, str, int]:
    """``(base, mark, index)``: the word without its tone mark, the mark, the index of the
    letter that carried it (``-1`` when there is none). Other diacritics (ô ơ ư ă â ê) stay; a
    second toned letter (no Vietnamese syllable has one) keeps its mark."""
    if word.isascii():
        return word, "", -1
    for i, ch in enumerate(word):
        hit = _TONED[ch]
        if hit is not None:
            return word[:i] + hit[0] + word[i + 1 :], hit[1], i
    return word, "", -1


@functools.lru_cache(maxsize=32768)
def tone_form(lower: str) -> tuple[str, str]:
    """``(key, style)`` of a lower-case word: ``style`` is ``new`` (hóa, ủy), ``old`` (hoá, uỷ) or
    ``""`` when the word has one accepted spelling; ``key`` is the new-style spelling."""
    base, mark, index = tone_split(lower)
    if not mark:
        return lower, ""
    m = _syllables().two_places.match(base)
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


_KEYS: dict[str, str] = {}  # word as printed -> word_key(word): a plan repeats its words


@functools.lru_cache(maxsize=512)
def _words(text: str) -> tuple[Word, ...]:
    if len(_KEYS) > 100_000:  # a long file of ever new words: start again rather than grow
        _KEYS.clear()
    keys = _KEYS
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        key = keys.get(w)
        if key is None:
            key = keys[w] = word_key(w)
        out.append(Word(w, m.start(), m.end(), key))
    return tuple(out)


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(word_key(w) for w in _WORD.findall(text))


_GAP = re.compile(r"\s+")
_GAP_DASH = re.compile(r"\s*[-–—]\s*|\s+")


def neighbours(text: str, a: Word, b: Word, dashes: bool = False) -> bool:
    """Whether ``b`` follows ``a`` with only spaces between (or one dash, with ``dashes``)."""
    return (_GAP_DASH if dashes else _GAP).fullmatch(text, a.end, b.start) is not None


def paragraphs(plan: Plan) -> Iterator[Paragraph]:
    for block in plan.blocks():
        yield block.paragraph


def match_case(found: str, right: str) -> str:
    """``right`` in the case of ``found``: ALL CAPS, Capitalised or as written."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return right.upper()
    if found[:1].isupper():
        return right[:1].upper() + right[1:]
    return right


def follows(text: str, ws: list[Word], j: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words from index ``j`` on are ``phrase``, each a neighbour of the one before."""
    for k, p in enumerate(phrase):
        i = j + k
        if i >= len(ws) or i == 0 or ws[i].key != p or not neighbours(text, ws[i - 1], ws[i]):
            return False
    return True


def precedes(text: str, ws: list[Word], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words just before index ``i`` are ``phrase``, each a neighbour of the next."""
    s = i - len(phrase)
    if s < 0:
        return False
    for k, p in enumerate(phrase):
        j = s + k
        if ws[j].key != p or not neighbours(text, ws[j], ws[j + 1]):
            return False
    return True


@functools.lru_cache(maxsize=32768)
def tone_place(base: str) -> tuple[int, ...]:
    """Where the tone mark of a toneless syllable ``base`` goes (index; two for the open oa/oe/uy,
    which have two accepted places), or ``()`` when ``base`` is no Vietnamese syllable.

    The rules of Vietnamese orthography: a vowel with a hat or horn takes the mark (the last one:
    ``ươ`` -> ơ); the u of ``qu`` and the i of ``gi`` before a vowel are consonants; a single vowel
    takes it; of three vowels the middle one (``ngoài``, ``khuỷu``); of two followed by a consonant
    the second (``toán``); of two at the end the first (``của``, ``mùa``, ``kìa``), except oa/oe/uy."""
    syl = _syllables()
    if not base or not set(base) <= syl.letters:
        return ()
    s = 0
    while s < len(base) and base[s] in syl.consonants:
        s += 1
    e = s
    while e < len(base) and base[e] in syl.vowels:
        e += 1
    if e == s or not all(c in syl.consonants for c in base[e:]):
        return ()
    if s > 0 and e - s > 1 and syl.glides.get(base[s - 1]) == base[s]:
        s += 1
    hats = [k for k in range(s, e) if base[k] in syl.marked]
    if hats:
        return (hats[-1],)
    n = e - s
    if n == 1:
        return (s,)
    if n >= 3 or e < len(base):
        return (s + 1,)
    if base[s:e] in syl.two_place_rhymes:
        return (s, s + 1)
    return (s,)
