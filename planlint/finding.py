"""Findings: what a rule reports, resolved to a file position and a message in one language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .parsing.tree import Span

SEVERITIES = ("info", "warning", "error")
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
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
