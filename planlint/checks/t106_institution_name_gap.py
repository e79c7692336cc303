"""A fixed institution name with a word dropped (``Ủy ban nhân tỉnh``, ``Hội đồng nhân huyện``).

Names of bodies are fixed (DOMAIN.md, "Document symbols and citations" and the signing blocks:
``Ủy ban nhân dân``, ``Hội đồng nhân dân``, ``Mặt trận Tổ quốc Việt Nam``, ``Hội đồng Thi đua -
Khen thưởng`` …); ``rules/institutions.toml`` lists them. A listed name written with one word
missing is reported with the word to put back. Case and tone-mark style are ignored; the
first word is never taken as dropped. Precision first: a name shortened to three words is a
slip only before a place level or ``các``/``cấp`` (``Ủy ban nhân tỉnh``), or before punctuation
when its last word went missing; ``Ủy ban Dân tộc``, ``Tòa án dân sự``, ``Đảng ủy Mặt trận …``
are other names and words, and the file lists such look-alikes. A name an export broke across two
lines (``HỘI ĐỒNG NHÂN`` then ``DÂN`` on the next) is whole.

Bad::

    1. Tổ chức thực hiện

    Các phong trào do Tỉnh ủy, Ủy ban nhân tỉnh, Hội đồng nhân huyện phát động.

Good::

    1. Tổ chức thực hiện

    Các phong trào do Tỉnh ủy, Ủy ban nhân dân tỉnh, Hội đồng nhân dân huyện, Ủy ban Dân tộc phát động.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..data import vocabulary
from ..engine import Context
from ..facts.legacy import readable
from ..facts.words import Word, neighbours, phrase_key, word_key, words
from ..finding import Hit
from ..parsing.tree import Plan, Span
from ..rule import rule


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


def _gap_at(text: str, ws: list[Word], i: int, v: _Variant, names: _Names, next_key: str = "") -> NameGap | None:
    n = len(v.keys)
    if i + n > len(ws):
        return None
    for k, key in enumerate(v.keys):  # told at the first word that differs, the common case
        if ws[i + k].key != key:
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
            if not rest and next_key == v.name_words[last].key:
                return None  # "HỘI ĐỒNG NHÂN" / "DÂN": an export broke the name across two lines
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
    paragraphs = list(readable(plan))
    for k, p in enumerate(paragraphs):
        text = p.text
        ws = words(text)
        following = words(paragraphs[k + 1].text) if k + 1 < len(paragraphs) else []
        next_key = following[0].key if following else ""
        i = 0
        while i < len(ws):
            step = 1
            variants = by_first.get(ws[i].key)
            if not variants:  # most words start no institution name
                i += 1
                continue
            for v in variants:
                gap = _gap_at(text, ws, i, v, names, next_key if i + len(v.keys) == len(ws) else "")
                if gap is not None:
                    gap.span = p.span_of(gap.span.start, gap.span.end)
                    out.append(gap)
                    step = len(v.keys)
                    break
            i += step
    return out


@rule(
    code="T106",
    name="institution-name-gap",
    severity="warning",
    messages={
        "en": "“{found}” lacks “{missing}” of the name “{name}”",
        "vi": "“{found}” thiếu chữ “{missing}” trong tên “{name}”",
    },
    fix={"en": "write “{fixed}”", "vi": "sửa thành “{fixed}”"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for g in ctx.facts(name_gaps):
        yield Hit(g.span, {"found": g.found, "missing": g.missing, "name": g.name, "fixed": g.fixed})
