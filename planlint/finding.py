"""Findings: what a rule reports, resolved to a file position and a message in one language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .parsing.tree import Span

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` of the normalised text by ``replacement`` (an insertion when empty)."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A finding's machine-applicable repair, resolved to offsets of the file as it is on disk
    (``raw`` offsets: the original line ends, BOM and Unicode form are kept outside the edits)."""

    safety: str  # "safe" | "unsafe"
    edits: tuple[tuple[int, int, str], ...]  # (raw start, raw end, replacement), sorted
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(slots=True)
class Hit:
    """What a rule's check yields: where, the message arguments, and optional overrides.

    ``span`` is the number or marker that breaks the rule; ``context`` the whole statement
    (used to underline it in the text report). ``args`` fill the rule's message templates.
    """

    span: Span
    args: dict[str, Any] = field(default_factory=dict)
    context: Span | None = None
    severity: str | None = None  # override of the rule's default (e.g. a softer case)
    message_key: str = "default"  # which of the rule's messages to use
    edits: tuple[Edit, ...] = ()  # a machine-applicable repair (the rule declares its safety)
    safety: str | None = None  # override of the rule's declared fix safety for this hit


@dataclass(slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: str
    message: str
    fix: str | None = None
    context: tuple[int, int] | None = None  # (first line, last line) of the statement
    edit: Fix | None = None  # machine-applicable repair, if the rule has one (not in the JSON)
    span: tuple[int, int] | None = None  # normalised [start, end) of the finding (reporters)
    where: str | None = None  # Word/PDF input: "¶42", "table 2, row 5, column 4", "3:12" (page:line)

    def as_json(self) -> dict[str, Any]:
        """The reporting contract: exactly these keys (tests and the scoreboard rely on it)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
        }

    @property
    def location(self) -> str:
        """``path:line:column`` for a text file, ``path:¶42`` or ``path:table 2, row 5, column 4`` for Word."""
        return f"{self.path}:{self.where}" if self.where else f"{self.path}:{self.line}:{self.column}"

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def replace_within(text: str, span: Span, old: str, new: str) -> Edit | None:
    """An edit that replaces ``old`` inside ``text[span]`` by ``new``; ``None`` unless ``old``
    occurs there exactly once (a repair must know exactly what it changes)."""
    piece = text[span.start : span.end]
    at = piece.find(old)
    if not old or at < 0 or piece.find(old, at + 1) >= 0:
        return None
    start = span.start + at
    return Edit(Span(start, start + len(old)), new)
