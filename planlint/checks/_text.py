"""Shared judgements of the T rules (not a rule: modules starting with _ are not loaded as rules).

``repeats``: one word (or a two-syllable word) written twice in a row (``của của``, ``uỷ ủy``,
``thực hiện thực hiện``), except the true reduplications of ``rules/reduplications.txt``. T102
reports them; T105 leaves their words out of its counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data import word_list
from ..facts.legacy import readable
from ..facts.words import Word, neighbours, phrase_key, words
from ..parsing.tree import Paragraph, Plan, Span
from ..table_cache import kept


@kept
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
        for k in range(len(key) - 3):
            if key[k] != key[k + 1] and key[k:k + 2] == key[k + 2:k + 4]:
                phrases.append((key, k))  # "quyết định quy định quy": two words meet on two syllables
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
    for p in readable(plan):
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
        reported = -2
        for i in range(len(ws) - 3):
            if keys[i] == keys[i + 1] or keys[i] != keys[i + 2] or keys[i + 1] != keys[i + 3]:
                continue
            if i == reported + 1:
                continue  # "quy định quy định quy": the repeat one syllable on is the same slip
            if not all(neighbours(text, ws[j], ws[j + 1]) for j in range(i, i + 3)):
                continue
            if len({_shouting(w) for w in ws[i : i + 4]}) > 1 or \
                    (ws[i + 2].text[:1].isupper() and not _shouting(ws[i + 2])):
                continue
            if any(i >= k and tuple(keys[i - k : i - k + len(ph)]) == ph for ph, k in phrases):
                continue  # "Quyết định quy định quy trình"
            out.append(Repeat(p.span_of(ws[i + 2].start, ws[i + 3].end), p.span_of(ws[i].start, ws[i + 3].end),
                              text[ws[i].start : ws[i + 1].end], text[ws[i + 2].start : ws[i + 3].end]))
            reported = i
    return out
