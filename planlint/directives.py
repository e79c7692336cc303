"""Suppression comments: ``<!-- planlint: disable=S103 N101 lý do … -->``.

::

    <!-- planlint: disable-file -->                  every finding of the file
    <!-- planlint: disable-file=T107 -->             one code (or a prefix: T, N10) in the file
    <!-- planlint: disable=S103 -->                  from the next line on …
    <!-- planlint: enable=S103 -->                   … until here
    <!-- planlint: disable-next-line=N101 -->        the next non-blank line only

Codes are separated by commas or blanks; anything after them is a reason (``disable=S103
vì số mục do tỉnh quy định``, ``disable=S103 -- reason``). A comment may span lines and may have
text after it on its line. A directive that names no code after ``=``, an unknown code or an
unknown action is a bad directive (X101) and disables nothing; a suppression that suppresses
nothing is reported (X102, as ruff's RUF100 does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .parsing.tree import Plan, Span

_OPEN, _CLOSE = "<!--", "-->"
_HEAD = re.compile(r"\s*planlint\s*:\s*", re.IGNORECASE)
_ACTION = re.compile(r"([A-Za-z][A-Za-z-]*+)\s*+(=?)\s*+", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s,]++")
_CODE_SHAPE = re.compile(r"(?:ALL|[A-Z]\d{0,3}|[A-Z][A-Z0-9]{3})", re.IGNORECASE)
ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")
_MAX_COMMENT = 4000  # a comment longer than this is not a directive (and is not scanned further)


@dataclass(slots=True)
class Directive:
    span: Span  # the whole comment, in the normalised text
    line: int  # 1-based line where the comment ends (the next line is "the next line")
    action: str  # one of ACTIONS, or "" when the directive is bad
    codes: list[str] | None  # upper-case codes or prefixes; None = every code
    problem: str = ""  # why the directive is bad ("" when it is good)
    used: set[str] = field(default_factory=set)  # codes (or "*") that suppressed a finding

    def covers(self, code: str) -> str | None:
        """The listed code that covers ``code`` ("*" for every code), or None."""
        if self.codes is None:
            return "*"
        for c in self.codes:
            if c == "ALL" or code.startswith(c):
                return c
        return None


def _known(code: str) -> bool:
    from .config import known_code

    return known_code(code)


def parse_directive(inner: str) -> tuple[str, list[str] | None, str]:
    """``(action, codes, problem)`` of the text inside ``<!-- planlint: … -->``."""
    m = _ACTION.match(inner)
    if not m:
        return "", None, "no action (expected disable, enable, disable-next-line or disable-file)"
    action = m.group(1).lower()
    if action not in ACTIONS:
        return "", None, f"unknown action {m.group(1)!r} (expected disable, enable, disable-next-line or disable-file)"
    rest = inner[m.end():]
    if not m.group(2):
        if rest.strip() and action == "enable":
            pass  # "enable" with a reason: enables every code
        return action, None, ""
    codes: list[str] = []
    pos = 0
    while True:
        t = _TOKEN.search(rest, pos)
        if t is None:
            break
        word = t.group()
        if word in ("--", "#", "—", ":") or not _CODE_SHAPE.fullmatch(word):
            if not codes:
                return "", None, f"{word!r} is not a rule code (see 'planlint rules')"
            break  # the reason begins
        if not _known(word):
            return "", None, f"unknown rule code {word!r} (see 'planlint rules')"
        codes.append(word.upper())
        pos = t.end()
    if not codes:
        return "", None, f"'{action}=' names no rule code (write {action} alone for every code)"
    return action, codes, ""


def directives(plan: Plan) -> list[Directive]:
    """Every ``<!-- planlint: … -->`` comment of the document, in order."""
    source = plan.source
    text = source.text
    out: list[Directive] = []
    i = text.find(_OPEN)
    while i != -1:
        j = text.find(_CLOSE, i + len(_OPEN))
        if j == -1:
            break
        inner = text[i + len(_OPEN):j]
        end = j + len(_CLOSE)
        h = _HEAD.match(inner) if len(inner) <= _MAX_COMMENT else None
        if h is not None:
            action, codes, problem = parse_directive(inner[h.end():])
            line = source.line_index(max(end - 1, 0)) + 1
            out.append(Directive(Span(i, end), line, action, codes, problem))
        i = text.find(_OPEN, end)
    return out


def next_content_lines(plan: Plan) -> list[int]:
    """For each 1-based line n (index n), the next non-blank line after it (one pass, from the end)."""
    source = plan.source
    count = source.line_count
    nxt = [0] * (count + 2)
    following = count + 1
    for idx in range(count - 1, -1, -1):
        nxt[idx + 1] = following
        a, b = source.line_bounds(idx)
        if source.text[a:b].strip():
            following = idx + 1
    nxt[0] = following
    return nxt
