"""A frequent misspelling of draft plans (``kip thời``, ``bổ xung``, ``nghành``).

The dictionary is data: ``rules/misspellings.toml`` maps what drafters type to what they mean,
the slips DOMAIN.md ("Text") lists first (đặt biệt -> đặc biệt, kip thời -> kịp thời, sử lý ->
xử lý, bổ xung -> bổ sung, sắp sếp -> sắp xếp, sát nhập -> sáp nhập, cũng cố -> củng cố, nghành
-> ngành, chuẩn đoán -> chẩn đoán, sơ xuất -> sơ suất, chia sẽ -> chia sẻ). An entry that is a
true phrase somewhere carries its context, codespell-style: ``đặt biệt danh`` (to nickname) is
correct, so ``đặt biệt`` has ``unless_followed_by = ["danh"]``; ``phần đầu`` (the first part) is
``phấn đấu`` only before a target verb (``Phần đầu thu ngân sách …``). A domain expert extends the
file without code.

Matching is whole-word and case-insensitive on NFC text and ignores the tone-mark style
(``hoá``/``hóa``); the suggestion keeps the case of what was typed. Words that break a spelling
rule of Vietnamese orthography are reported too: ``ngh`` and ``gh`` stand only before i, e, ê
and ``ng`` never does (``nghành`` -> ``ngành``, ``ngiêm túc`` -> ``nghiêm túc``); the tone mark
goes on the vowel with the hat or horn (``đựơc`` -> ``được``, ``tíên`` -> ``tiến``), after the u
of ``qu`` and the i of ``gi`` (``qúy`` -> ``quý``), on the second vowel of oa/oe/uy before a
consonant (``tóan`` -> ``toán``) and on the first of an open ua/ia/ưa (``cuả`` -> ``của``). Only
the open oa/oe/uy have two accepted places (``hóa``/``hoá``: T105). Foreign names and
abbreviations, which are no Vietnamese syllable, are not judged.

Bad::

    1. Mục đích

    - Biểu dương kip thời các tập thể, cá nhân có thành tích đặt biệt xuất sắc.
    - Bổ xung nguồn lực cho các nghành, đơn vị.

Fixed::

    1. Mục đích

    - Biểu dương kịp thời các tập thể, cá nhân có thành tích đặc biệt xuất sắc.
    - Bổ sung nguồn lực cho các ngành, đơn vị.

Good::

    1. Mục đích

    - Biểu dương kịp thời các tập thể, cá nhân có thành tích đặc biệt xuất sắc.
    - Bổ sung nguồn lực cho các ngành, đơn vị; đặt biệt danh cho đội tình nguyện.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..data import vocabulary
from ..engine import Context
from ..facts.legacy import readable
from ..facts.words import Word, follows, match_case, neighbours, phrase_key, precedes, tone_place, tone_split, words
from ..finding import Edit, Hit
from ..i18n import Text
from ..parsing.tree import Plan, Span
from ..rule import rule


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
    vowel: str = ""  # a misplaced tone mark: the vowel that should carry it


def _entry_applies(text: str, ws: list[Word], i: int, e: _Entry) -> bool:
    n = len(e.words)
    if any(follows(text, ws, i + n, p) for p in e.unless_followed):
        return False
    if any(precedes(text, ws, i, p) for p in e.unless_preceded):
        return False
    if e.when_followed or e.when_preceded:
        return any(follows(text, ws, i + n, p) for p in e.when_followed) or \
            any(precedes(text, ws, i, p) for p in e.when_preceded)
    return True


def _orthography_slip(word: Word, rules: tuple[_Orthography, ...]) -> tuple[str, _Orthography] | None:
    low = word.text.lower()
    if not low.startswith(tuple(r.wrong for r in rules)) or not tone_place(tone_split(low)[0]):
        return None  # not one Vietnamese syllable: a foreign name ("Ghana"), an abbreviation
    for r in rules:
        if low.startswith(r.wrong) and len(low) > len(r.wrong):
            if any(len(o.wrong) > len(r.wrong) and low.startswith(o.wrong) for o in rules):
                continue  # "ngh…" is read by the rule for "ngh", not the one for "ng"
            vowel = tone_split(low[len(r.wrong)])[0]
            if vowel in r.before:
                return match_case(word.text, r.right + word.text[len(r.wrong):].lower()), r
    return None


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
    for p in readable(plan):
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
def _word_slip(text: str) -> tuple[str, str, str, str] | None:
    """``(right, note en, note vi, vowel)`` for a word misspelt on its own (an orthography slip with
    the rule it breaks, a misplaced tone mark with the vowel that should carry it), or ``None``. A
    plan repeats its words: each spelling is judged once."""
    slip = _orthography_slip(Word(text, 0, len(text), ""), _dictionary()[1])
    if slip is not None:
        right, r = slip
        return right, r.note.get("en", ""), r.note.get("vi", ""), ""
    tone = misplaced_tone(text)
    if tone is not None:
        return tone[0], "", "", tone[1]
    return None


@rule(
    code="T101",
    name="misspelling",
    severity="warning",
    messages={
        "default": {
            "en": "“{found}” is a misspelling of “{right}”",
            "vi": "“{found}” viết sai chính tả, đúng là “{right}”",
        },
        "orthography": {
            "en": "“{found}” is misspelt: {note}; write “{right}”",
            "vi": "“{found}” viết sai chính tả: {note}; đúng là “{right}”",
        },
        "tone": {
            "en": "“{found}” is misspelt: the tone mark belongs on “{vowel}”; write “{right}”",
            "vi": "“{found}” viết sai chính tả: dấu thanh phải đặt trên “{vowel}”; đúng là “{right}”",
        },
    },
    fix={"en": "write “{right}”", "vi": "sửa thành “{right}”"},
    autofix="safe",
)
def check(ctx: Context) -> Iterator[Hit]:
    for m in ctx.facts(misspellings):
        # one correction, and the printed words are exactly what the span covers: safe to replace
        text = ctx.plan.source.text[m.span.start : m.span.end]
        edits = (Edit(m.span, m.right),) if text == m.found and m.right and "/" not in m.right else ()
        key = "tone" if m.vowel else "orthography" if m.note_en else "default"
        yield Hit(m.span, {"found": m.found, "right": m.right, "note": Text(en=m.note_en, vi=m.note_vi),
                           "vowel": m.vowel}, message_key=key, edits=edits)
