"""A decimal item whose leading number is not its parent's (``3.1`` inside ``2.``).

A decimal item's prefix is its parent's number (DOMAIN.md, "Numbering": ``2.1`` lives in ``2.``).

Bad::

    2. Nhiệm vụ, giải pháp
    2.1. Tuyên truyền
    3.2. Kiểm tra

Good::

    2. Nhiệm vụ, giải pháp
    2.1. Tuyên truyền
    2.2. Kiểm tra
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..engine import Context
from ..finding import Hit
from ..parsing.tree import Plan, Section
from ..rule import rule
from ._structure import anomalies


@dataclass(slots=True)
class PrefixMismatch:
    section: Section
    parent: Section
    expected: str


def prefix_mismatches(plan: Plan) -> list[PrefixMismatch]:
    """Decimal items whose leading number is not their parent's (``3.1`` inside ``2.``)."""
    out = []
    # a misnumbered parent (2. printed 1.) is reported once, on itself: children that carry the
    # number it should have (2.1, 2.2) agree with the correction and are not reported again
    corrected = {id(a.section): a.expected_value for a in plan.fact(anomalies)}
    for parent in plan.sections():
        pm = parent.marker
        if pm.kind == "arabic":
            number: tuple[int, ...] = (pm.value,)
        elif pm.kind == "decimal":
            number = (*pm.prefix, pm.value)
        else:
            continue
        fixed = corrected.get(id(parent))
        alt = (*number[:-1], fixed) if fixed else None
        for child in parent.children:
            cm = child.marker
            if cm.kind == "decimal" and len(cm.prefix) == len(number) and cm.prefix not in (number, alt):
                expected = ".".join(str(p) for p in (*number, cm.value))
                out.append(PrefixMismatch(child, parent, expected))
    return out


@rule(
    code="S107",
    name="decimal-prefix",
    severity="error",
    messages={
        "en": "{found} stands under {parent}; expected {expected}",
        "vi": "{found} nằm trong mục {parent}; lẽ ra là {expected}",
    },
    fix={"en": "number it {expected}", "vi": "đánh số lại thành {expected}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for pm in ctx.facts(prefix_mismatches):
        m = pm.section.marker
        yield Hit(m.span, {"found": m.label, "parent": pm.parent.marker.display(), "expected": pm.expected},
                  context=pm.section.heading.span)
