"""Paragraphs that are not Unicode text yet: a legacy font encoding (TCVN3, VNI) or the artefacts
of a PDF extraction, each with the words that give it away and what they read decoded.

Paragraphs in a legacy encoding are read by T104 only: their wording is not text yet
(``readable`` leaves them out for the other T rules).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..parsing.tree import Paragraph, Plan, Span
from .encodings import Encodings, tables, tcvn3_decode, vni_decode
from .words import TONE_MARKS, paragraphs

_COMBINING = re.compile(r"[\u0300-\u036f]")


@dataclass(frozen=True, slots=True)
class _Patterns:
    enc: Encodings
    legacy_word: re.Pattern[str]  # a word of letters and TCVN3 symbol bytes
    legacy_char: re.Pattern[str]  # a byte that gives legacy text away
    mid_capital: re.Pattern[str]  # TCVN3 writes some lower-case letters with upper-case bytes
    pdf_letter: re.Pattern[str]  # a letter a PDF extraction writes for another ("ƣ")
    pdf_in_word: re.Pattern[str]  # a sign it writes inside a word ("tr−ờng")
    rhyme: re.Pattern[str]  # the impossible rhyme ("cơng" for công), in any tone
    rhyme_fix: tuple[re.Pattern[str], re.Pattern[str]]  # its toneless vowel, lower and upper case


@functools.cache
def _patterns() -> _Patterns:
    enc = tables()
    symbols = re.escape("".join(sorted(enc.tcvn3_symbols)))
    letters = "".join(a for a, _ in enc.pdf_letters if a.isalpha())
    signs = "".join(a for a, _ in enc.pdf_letters if not a.isalpha())
    vowel, tail = enc.rhyme_found[0], enc.rhyme_found[1:]
    toned = vowel + "".join(unicodedata.normalize("NFC", vowel + m) for m in TONE_MARKS)
    after = enc.rhyme_unless_after + enc.rhyme_unless_after.upper()
    return _Patterns(
        enc,
        re.compile(r"(?:[^\W\d_]|[" + symbols + "])+"),
        re.compile("[" + re.escape("".join(sorted(enc.tcvn3_symbols | enc.foreign_letters))) + "]"),
        # a lower-case letter followed by one inside a word (camel case "VNeID" is ASCII)
        re.compile("[a-z][" + re.escape(enc.mid_word_capitals) + "]"),
        re.compile("[" + re.escape(letters) + "]"),
        re.compile(r"(?<=[^\W\d_])[" + re.escape(signs) + r"](?=[^\W\d_])"),
        re.compile(f"(?<![{after}])[{toned}{toned.upper()}]{tail}" + r"(?![^\W\d_])", re.IGNORECASE),
        (re.compile(f"(?<![{after}]){vowel}(?={tail}$)"),
         re.compile(f"(?<![{after}]){vowel.upper()}(?={tail.upper()}$|{tail}$)")),
    )


@dataclass(slots=True)
class Legacy:
    span: Span  # the first word that gives it away
    encoding: str  # tcvn3 | vni | legacy | pdf | combining
    sample: str  # the words as printed
    decoded: str  # what they read in Unicode ("" when unknown)
    count: int  # how many such words in the paragraph
    paragraph: int  # source offset where the paragraph starts


def _word_start(text: str, i: int) -> str:
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i]


def _legacy_in(text: str) -> tuple[int, int, str, str, str, int] | None:
    """``(start, end, encoding, sample, decoded, count)`` for the paragraph, or None."""
    pat = _patterns()
    enc = pat.enc
    hits: list[tuple[int, int, str]] = []
    for m in pat.pdf_letter.finditer(text):
        hits.append((m.start(), m.end(), "pdf"))
    for m in pat.pdf_in_word.finditer(text):
        hits.append((m.start(), m.end(), "pdf"))
    ongs = []
    for m in pat.rhyme.finditer(text):
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
            decoded = sample
            for a, b in enc.pdf_letters:
                decoded = decoded.replace(a, b)
            reads = enc.rhyme_reads[0]
            decoded = pat.rhyme_fix[0].sub(reads, decoded)
            decoded = pat.rhyme_fix[1].sub(reads.upper(), decoded)
        return ws, we, kind, sample, decoded if decoded != sample else "", len(hits)

    if not pat.legacy_char.search(text):
        return None
    legacy: list[re.Match[str]] = []
    all_words = list(pat.legacy_word.finditer(text))
    tcvn3 = False
    for m in all_words:
        w = m.group()
        core = w.rstrip("®©")  # "Zalo®": a trademark sign, not a TCVN3 "đ"
        if all(ord(c) <= 0xFF for c in w) and any(c.isascii() for c in w) and \
                (any(c in enc.tcvn3_symbols or c in enc.foreign_letters for c in core) or pat.mid_capital.search(w)):
            legacy.append(m)
            tcvn3 = tcvn3 or any(c in enc.tcvn3_symbols for c in w)
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
    vni = any(c in enc.vni_tell_tales for m in legacy for c in m.group())
    if vni:
        return first.start(), first.end(), "vni", sample, vni_decode(sample), len(legacy)
    return first.start(), first.end(), "legacy", sample, "", len(legacy)


def legacy(plan: Plan) -> list[Legacy]:
    out: list[Legacy] = []
    for p in paragraphs(plan):
        text = p.text
        if text.isascii():
            continue
        found = _legacy_in(text)
        if found is not None:
            i, j, enc, sample, decoded, count = found
            out.append(Legacy(p.span_of(i, j), enc, sample, decoded, count, p.span.start))
    return out


def readable(plan: Plan) -> Iterator[Paragraph]:
    """The paragraphs in Unicode: one in a legacy encoding (T104) is not read for wording."""
    garbled = {g.paragraph for g in plan.fact(legacy)}
    for p in paragraphs(plan):
        if p.span.start not in garbled:
            yield p
