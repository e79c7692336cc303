"""A count out of a total with its percentage: ``612/618 em, đạt 98,4%``, ``35/63 tỉnh (55,6%)``.

A fraction ``a/b`` (whole numbers, no unit on ``a``, not a date) followed in its clause by a
percentage that the words between tie to it: a bracket, a comma, or a link word from
``rules/sectors.toml`` (``[fractions] percent_links``: ``đạt``, ``bằng``, ``chiếm``, ``tỷ lệ`` …),
with at most a short label between (``35/63 tỉnh hoàn thành, đạt tỷ lệ 54%``). Nothing else in
between: another number, a semicolon or a sentence end ends the clause.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from ..parsing.tree import Plan, Span
from ..phrases import alt, words
from ..scan.units import PERCENT
from . import FactRow
from .quantities import Quantity, Sentence, sentences
from .relations import is_fraction


@dataclass(slots=True)
class FractionRate:
    sentence: Sentence
    num: Quantity
    den: Quantity
    pct: Quantity

    @property
    def span(self) -> Span:
        return self.sentence.span_of(self.num.start, self.pct.end)

    @property
    def exact(self) -> Decimal:
        """``num / den × 100``."""
        return self.num.value / self.den.value * 100

    def shown(self) -> str:
        unit = f" {self.den.unit_text}" if self.den.unit_text else ""
        return f"{self.num.raw}/{self.den.raw}{unit}"


@functools.cache
def _link() -> re.Pattern[str]:
    links = alt(words("sectors", "fractions", "percent_links"))
    # a short label (no figure, no clause end), then a link word; or a bracket or a comma alone
    return re.compile(rf"\s*+(?:[^\W\d_][^\d;.:()]{{0,60}}?)?[,(–-]?\s*+(?:{links})\s*+(?::\s*)?$|\s*+[,(]\s*+$",
                      re.IGNORECASE)


def fraction_rates(plan: Plan) -> list[FractionRate]:
    out = []
    link = _link()
    for sent in plan.fact(sentences):
        qs = [q for q in sent.quantities if q.role == "quantity"]
        text = sent.masked
        for a, b, c in zip(qs, qs[1:], qs[2:], strict=False):
            if c.unit is not PERCENT or b.value <= 0 or c.qual or not is_fraction(sent, a, b):
                continue
            gap = text[b.end:c.start]
            if not link.match(gap):
                continue
            out.append(FractionRate(sent, a, b, c))
    return out


def inventory(plan: Plan) -> list[FactRow]:
    return [FactRow("fraction rate", f.span, f"{f.shown()} ⟶ {f.pct.raw}%",
                    {"numerator": str(f.num.value), "denominator": str(f.den.value), "percent": str(f.pct.value)})
            for f in plan.fact(fraction_rates)]
