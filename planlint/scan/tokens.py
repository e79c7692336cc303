"""The typed token stream of a block: what the figure reader's grammar reads.

A block's text becomes, once, a list of ``Tok`` in order:

* **figures**, given by the caller (the quantities of ``planlint.facts.quantities``: a number with
  its unit and qualifier, already typed ``NUM``, ``PCT``, ``YEAR``, ``DATE`` or ``NUMX`` for
  identifiers, ordinals and durations);
* **cue words** from ``rules/cues.toml``, matched syllable by syllable in a trie built once from
  the data (the longest entry wins, no regular expression alternation): the token's kind is the
  class of the cue (``REACH``, ``PLAN``, ``IN_WHICH``…);
* **labels**: every run of other words, joined into one ``LABEL`` token (the noun phrase a
  figure belongs to); the words of ``[cues.LABEL]`` are words of a label even though they hold
  a cue (``đồng bằng`` holds ``bằng``);
* **boundaries**: ``; : , ( ) .`` and dashes (``SEMI COLON COMMA LPAR RPAR DOT DASH``); a full stop
  is a ``DOT`` only where a sentence ends (followed by a space or the end), never inside a number.

The grammar (``grammar/figures.lark``) reads the kinds only; the text stays on the token for
labels and messages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..data import vocabulary

BOUNDARY_KINDS = {";": "SEMI", ":": "COLON", ",": "COMMA", "(": "LPAR", ")": "RPAR", "-": "DASH",
                  "–": "DASH", "—": "DASH", "+": "DASH"}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(slots=True)
class Tok:
    kind: str  # NUM PCT YEAR DATE NUMX | a cue class | LABEL | a boundary
    start: int  # offsets in the block's text
    end: int
    text: str  # as printed
    payload: Any = None  # the figure (a Quantity) for figure tokens


@dataclass(frozen=True, slots=True)
class Trie:
    """Syllable sequences (lower-cased) -> cue class; ``longest`` bounds the look-ahead, and
    ``firsts`` maps each syllable that starts an entry to the length of its longest entry (most
    syllables start none: one dictionary look-up)."""

    entries: dict[tuple[str, ...], str]
    longest: int
    firsts: dict[str, int]

    def match(self, syllables: list[str], i: int) -> tuple[str, int] | None:
        """The class and length of the longest entry starting at ``syllables[i]``."""
        longest = self.firsts.get(syllables[i], 0)
        for n in range(min(longest, len(syllables) - i), 0, -1):
            kind = self.entries.get(tuple(syllables[i:i + n]))
            if kind is not None:
                return kind, n
        return None


def cue_classes() -> dict[str, list[str]]:
    """``rules/cues.toml`` as class -> its words."""
    return {cls: [str(w) for w in entry.get("words", [])]
            for cls, entry in vocabulary("cues").get("cues", {}).items()}


@functools.cache
def trie() -> Trie:
    entries: dict[tuple[str, ...], str] = {}
    for cls, words in cue_classes().items():
        for w in words:
            entries.setdefault(tuple(w.lower().split()), cls)
    firsts: dict[str, int] = {}
    for k in entries:
        firsts[k[0]] = max(firsts.get(k[0], 0), len(k))
    return Trie(entries, max((len(k) for k in entries), default=1), firsts)


def tokenize(text: str, figures: Iterable[tuple[int, int, str, Any]]) -> list[Tok]:
    """The token stream of ``text``; ``figures`` are ``(start, end, kind, payload)`` in order,
    not overlapping (what they cover is not read again)."""
    out: list[Tok] = []
    t = trie()
    pos = 0
    for fs, fe, kind, payload in sorted(figures, key=lambda f: f[0]):
        if fs < pos:
            continue
        _words(text, pos, fs, t, out)
        out.append(Tok(kind, fs, fe, text[fs:fe], payload))
        pos = fe
    _words(text, pos, len(text), t, out)
    return out


def _words(text: str, lo: int, hi: int, t: Trie, out: list[Tok]) -> None:
    """Cue words, labels and boundaries of ``text[lo:hi]`` (no figure inside)."""
    items: list[tuple[int, int, str]] = []  # syllables and single boundary characters
    for m in _items().finditer(text, lo, hi):
        i = m.start()
        c = text[i]
        if m.lastindex == 1:  # a syllable
            items.append((i, m.end(), ""))
        elif c in BOUNDARY_KINDS:
            items.append((i, i + 1, BOUNDARY_KINDS[c]))
        elif i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in "\"”)":
            items.append((i, i + 1, "DOT"))
    k = 0
    while k < len(items):
        s, e, kind = items[k]
        if kind:
            out.append(Tok(kind, s, e, text[s:e]))
            k += 1
            continue
        # the syllables of this run of words (up to the next boundary)
        j = k
        while j < len(items) and not items[j][2]:
            j += 1
        sylls = [text[a:b].lower() for a, b, _ in items[k:j]]
        n = 0
        while n < len(sylls):
            hit = t.match(sylls, n)
            length = 1
            if hit is not None:
                cls, length = hit
                a, b = items[k + n][0], items[k + n + length - 1][1]
                if cls != "LABEL":
                    out.append(Tok(cls, a, b, text[a:b]))
                    n += length
                    continue
            # a word, or words that hold a cue but are a name ("đồng bằng": [cues.LABEL])
            a, b = items[k + n][0], items[k + n + length - 1][1]
            if out and out[-1].kind == "LABEL" and not _gap_breaks(text, out[-1].end, a):
                prev = out[-1]
                prev.end, prev.text = b, text[prev.start:b]
            else:
                out.append(Tok("LABEL", a, b, text[a:b]))
            n += length
        k = j


@functools.cache
def _items() -> re.Pattern[str]:
    """A run of letters (a syllable), a boundary character or a sentence end: what ``_words``
    reads, found by the regex engine (the spaces between are skipped, not looped over)."""
    return re.compile("(" + _WORD.pattern + ")|([" + re.escape("".join(BOUNDARY_KINDS) + ".!?…") + "])")


def _gap_breaks(text: str, a: int, b: int) -> bool:
    """Whether what stands between two words separates labels (anything but spaces and quotes)."""
    return bool(text[a:b].strip(" \t\u00a0\"“”'*_"))
