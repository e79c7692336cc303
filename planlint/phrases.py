"""The one phrase-matching builder: vocabulary lists from ``rules/*.toml`` joined into regular
expressions with one word-boundary idiom. Every stage reads its words through it (the line
classifier, the date and unit scanners, the fact readers), so it sits below them all."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .data import vocabulary

W = r"(?<![^\W\d_])"  # a word starts here
E = r"(?![^\W\d_])"  # a word ends here
SP = r"[ \t\u00a0]+"  # the blank between two words of a phrase


def words(name: str, *path: str) -> tuple[str, ...]:
    """The word list at ``path`` in ``rules/NAME.toml`` (``words("dates", "date", "day")``)."""
    node: Any = vocabulary(name)
    for key in path:
        node = node[key]
    return tuple(str(w) for w in node)


def alt(phrases: Iterable[str], *, plain: bool = True) -> str:
    """The one phrase-matching builder: a non-capturing alternation of ``phrases``, longest
    first; ``plain`` phrases are literals whose spaces match any run of blanks (``chậm nhất``
    also matches ``chậm\tnhất``), otherwise they are regular expressions."""
    # longest first; ties in a fixed order, so the pattern is the same in every process (the
    # regex cache keys on it)
    items = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    if plain:
        items = [re.escape(p).replace("\\ ", SP) for p in items]
    return "(?:" + "|".join(items) + ")"


def phrase(phrases: Iterable[str], *, plain: bool = True) -> str:
    """``alt`` between the one word-boundary idiom: ``W`` before, ``E`` after."""
    return W + alt(phrases, plain=plain) + E


def words_re(words: list[str], *, plain: bool = True) -> re.Pattern[str]:
    """One pattern for a word list (``plain``: escaped literals; else regular expressions)."""
    return re.compile(phrase(words, plain=plain), re.IGNORECASE)
