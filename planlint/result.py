"""``LintResult``: what one lint run over one source gives the reporters.

A module of its own, light to import, so that ``planlint check`` answering from the result
cache (``planlint.batch``) never imports the engine, the parser or the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import Verdict
    from .finding import Finding
    from .parsing.source import Source
    from .parsing.tree import Plan


@dataclass
class LintResult:
    """One lint run over one source: what ``check``, ``facts`` and the reporters all read.

    ``facts`` holds the inventory rows (every figure understood) only when asked for: ``check``
    does not pay for them. Reporters read this and never run the engine again.
    """

    source: Source
    plan: Plan
    findings: list[Finding]
    verdicts: list[Verdict]
    facts: list[Any] = field(default_factory=list)
