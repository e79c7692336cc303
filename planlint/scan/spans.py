"""Indexes over one text, built once, asked many times: "the last ``;`` before here", "a match
of this pattern inside that window". Asking them per fact is a bisection, where rescanning the
window per fact would make a long paragraph quadratic.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right


class Positions:
    """The sorted offsets where ``needle`` occurs in ``text``."""

    __slots__ = ("at",)

    def __init__(self, text: str, needle: str) -> None:
        at: list[int] = []
        i = text.find(needle)
        while i != -1:
            at.append(i)
            i = text.find(needle, i + 1)
        self.at = at

    def last_before(self, end: int) -> int:
        """The greatest offset ``< end`` (``text.rfind(needle, 0, end)`` for one character), else -1."""
        k = bisect_left(self.at, end)
        return self.at[k - 1] if k else -1

    def first_from(self, start: int) -> int:
        """The least offset ``>= start`` (``text.find(needle, start)``), else -1."""
        k = bisect_left(self.at, start)
        return self.at[k] if k < len(self.at) else -1


class Matches:
    """The matches of ``pattern`` over the whole ``text`` (left to right, disjoint)."""

    __slots__ = ("matches", "starts", "ends")

    def __init__(self, pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> None:
        self.matches = list(pattern.finditer(text, pos, len(text) if endpos is None else endpos))
        self.starts = [m.start() for m in self.matches]
        self.ends = [m.end() for m in self.matches]

    def within(self, i: int, j: int) -> list[re.Match[str]]:
        """The matches that lie inside ``[i, j)``."""
        return self.matches[bisect_left(self.starts, i):bisect_right(self.ends, j)]

    def any_within(self, i: int, j: int) -> bool:
        return bisect_left(self.starts, i) < bisect_right(self.ends, j)

    def containing(self, i: int, j: int) -> re.Match[str] | None:
        """The match that covers ``[i, j)``, if any."""
        k = bisect_right(self.starts, i) - 1
        if k >= 0 and j <= self.ends[k]:
            return self.matches[k]
        return None
