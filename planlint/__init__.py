"""planlint: a consistency validator and linter for draft Vietnamese government plans.

Public API::

    plan = planlint.parse(text)            # -> Plan (planlint.parsing.tree)
    findings = planlint.lint(text)         # -> list[Finding] (planlint.finding)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .engine import lint
    from .finding import Finding
    from .parsing.parser import parse
    from .parsing.tree import Plan

__all__ = ["parse", "lint", "Finding", "Plan", "__version__"]


def __getattr__(name: str) -> Any:  # lazy: `planlint rules` must not pay for lark
    if name == "parse":
        from .parsing.parser import parse

        return parse
    if name == "lint":
        from .engine import lint

        return lint
    if name == "Finding":
        from .finding import Finding

        return Finding
    if name == "Plan":
        from .parsing.tree import Plan

        return Plan
    raise AttributeError(name)
