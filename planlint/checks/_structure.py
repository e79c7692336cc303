"""Shared helpers of the S rules (not a rule: modules starting with _ are not loaded as rules)."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.outline import anomalies
from ..finding import Hit


def anomaly_hits(ctx: Context, kind: str) -> Iterator[Hit]:
    for a in ctx.facts(anomalies):
        if a.kind != kind:
            continue
        prev = a.previous.marker.display() if a.previous is not None else ""
        yield Hit(a.section.marker.span, {"found": a.found, "expected": a.expected, "previous": prev},
                  context=a.section.heading.span)
