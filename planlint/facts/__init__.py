"""Fact extractors: plan tree -> facts (numbers, shares, ledgers, dates, citations), each with spans.

An extractor is a plain function ``extract(plan) -> list[...]`` that rules call through
``ctx.facts(extract)`` (computed once per plan). A module that also defines
``inventory(plan) -> list[FactRow]`` contributes rows to ``planlint facts``: what a reviewer
reads to see every number, ledger, date and citation planlint understood.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..parsing.tree import Plan, Span


@dataclass(slots=True)
class FactRow:
    kind: str  # "number", "share group", "ledger", "date", "citation", …
    span: Span
    # one line for a reviewer: "1.525,59 tỷ đồng = 599,39 + 661 + 265,20"; text, or planlint.i18n
    # values where planlint's own words are in it (rendered in the reader's language)
    text: Any
    data: dict[str, Any] = field(default_factory=dict)  # JSON payload for --format json


def inventories() -> list[Callable[[Plan], list[FactRow]]]:
    """Every ``inventory`` function of the modules in this package, in module order."""
    out = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        fn = getattr(mod, "inventory", None)
        if callable(fn):
            out.append(fn)
    return out
