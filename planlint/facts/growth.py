"""Growth of an aggregate and of its sectors (``tăng 18,0%, trong đó: CN-XD tăng 23,2%; DV 12,0%;
NN 2,0%``), in one statement or as the bullets under it (``- … tăng trưởng 25%`` / ``+ Khu vực I
tăng 1,5%`` …). Only parts that name sectors (``rules/sectors.toml``) count: the aggregate of a
partition lies between its parts' growth rates, whatever the weights.

When the same statement gives the sectors' shares at the end of the period, the aggregate is
also the share-weighted value: base weights are ``sᵢ / (1 + gᵢ)ⁿ`` (the end shares taken back
``n`` years), and ``(1 + G)ⁿ = Σ sᵢ / Σ sᵢ / (1 + gᵢ)ⁿ``. ``n`` is 1, or the ``N năm`` of an
average annual rate (``tăng bình quân 16,5%/năm`` over ``5 năm``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass

from ..parsing.tree import Plan, Section, Span
from ..phrases import W, alt, words
from . import FactRow
from .quantities import Quantity, Sentence, sentences
from .shares import Part, ShareGroup, share_groups
from .vocab import classify, clean_label, cue, data, partition


@functools.cache
def _growth() -> re.Pattern[str]:
    return cue("growth", "verbs")


@functools.cache
def _fall() -> re.Pattern[str]:
    return cue("growth", "not_growth")


@functools.cache
def _in_which() -> re.Pattern[str]:
    return re.compile(W + alt(words("sectors", "growth", "in_which")) + r"(?![^\W\d_])\s*[,:]?", re.IGNORECASE)


@functools.cache
def _years_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w.,])(\d{1,2})\s*" + alt(words("sectors", "growth", "years")) + r"(?![^\W\d_])",
                      re.IGNORECASE)


@dataclass(slots=True)
class GrowthGroup:
    sentence: Sentence
    aggregate: Quantity
    label: str
    parts: list[Part]
    average: bool  # "bình quân …/năm"
    years: int | None  # n of an average annual rate (None: unknown)
    production: bool
    grdp: bool
    shares: ShareGroup | None = None

    @property
    def span(self) -> Span:
        return self.sentence.span_of(self.aggregate.start, self.parts[-1].q.end) \
            if self.parts[-1].q.para is self.aggregate.para else self.aggregate.span

    @property
    def covers_taxes(self) -> bool:
        return any("T" in p.classes for p in self.parts)


def _is_rate(q: Quantity) -> bool:
    return q.role == "quantity" and q.unit is not None and q.unit.key.split("/")[0] == "percent"


class _Clauses:
    """A sentence's clause breaks and cue words, found once: asking "which clause holds this
    number, and does it say tăng?" is then a bisection, not a rescan of the clause per number
    (a sentence of thousands of rates stays linear)."""

    def __init__(self, sent: Sentence) -> None:
        text, lo, hi = sent.masked, sent.start, sent.end
        self.lo = lo
        self.breaks = [i for i in range(lo, hi) if text[i] in ";:"]
        self.growth = [(m.start(), m.end()) for m in _growth().finditer(text, lo, hi)]
        self.fall = [(m.start(), m.end()) for m in _fall().finditer(text, lo, hi)]

    def start(self, pos: int) -> int:
        k = bisect_left(self.breaks, pos)
        return self.breaks[k - 1] + 1 if k else self.lo

    @staticmethod
    def any_within(spans: list[tuple[int, int]], i: int, j: int) -> bool:
        k = bisect_left(spans, (i, -1))
        return k < len(spans) and spans[k][1] <= j


def _aggregate(sent: Sentence, q: Quantity, clauses: _Clauses) -> str | None:
    cs = clauses.start(q.start)
    if not clauses.any_within(clauses.growth, cs, q.start) or clauses.any_within(clauses.fall, cs, q.start):
        return None
    return sent.masked[cs:q.start]


def _years(text: str) -> int | None:
    m = _years_re().search(text)
    return int(m.group(1)) if m else None


def _parts_inline(sent: Sentence, qs: list[Quantity], i: int) -> list[Part] | None:
    text = sent.masked
    g = qs[i]
    if i + 1 >= len(qs):
        return None
    gap = text[g.num.full_end:qs[i + 1].start]
    m = _in_which().search(gap)
    if not m or re.search(r"\d", gap[:m.start()]):
        return None
    share_cue = cue("shares", "cues")
    parts: list[Part] = []
    prev = g.num.full_end + m.end()
    for q in qs[i + 1:]:
        if not _is_rate(q):
            break
        raw = text[prev:q.start]
        if share_cue.search(raw):
            break
        if _fall().search(raw):
            return None
        label = clean_label(raw)
        classes = classify(label)
        if not classes:
            return None
        parts.append(Part(q, label, classes))
        prev = q.end
    return parts


def _parts_bullets(section: Section, sent_by_para: dict[int, Sentence]) -> list[Part] | None:
    parts: list[Part] = []
    for child in section.children:
        sent = sent_by_para.get(id(child.heading))
        if sent is None:
            return None
        rates = [q for q in sent.quantities if _is_rate(q)]
        if not rates:
            return None
        q = rates[0]
        raw = sent.masked[sent.start:q.start]
        if not _growth().search(raw) or _fall().search(raw):
            return None
        label = clean_label(raw)
        classes = classify(label)
        if not classes:
            return None
        parts.append(Part(q, label, classes))
    return parts


def growth_groups(plan: Plan) -> list[GrowthGroup]:
    out: list[GrowthGroup] = []
    sents = plan.fact(sentences)
    first_sentence: dict[int, Sentence] = {}
    for s in sents:
        first_sentence.setdefault(id(s.para), s)
    groups = plan.fact(share_groups)
    prod = cue("shares", "production_value")
    grdp = cue("shares", "grdp")
    per_year = {str(w) for w in data().get("growth", {}).get("years", [])}
    avg = cue("growth", "average")
    for sent in sents:
        qs = [q for q in sent.quantities if q.role == "quantity"]
        clauses: _Clauses | None = None
        for i, g in enumerate(qs):
            if not _is_rate(g):
                continue
            clauses = clauses or _Clauses(sent)
            label = _aggregate(sent, g, clauses)
            if label is None:
                continue
            parts = _parts_inline(sent, qs, i)
            block = sent.block
            if parts is None and block.section is not None and block.paragraph is block.section.heading \
                    and block.section.children and first_sentence.get(id(sent.para)) is sent:
                rest = [q for q in qs[i + 1:] if _is_rate(q)]
                if not rest:
                    parts = _parts_bullets(block.section, first_sentence)
            if not parts or not partition([p.classes for p in parts]):
                continue  # not the sectors of the aggregate: it need not lie between them
            statement = sent.masked[sent.start:g.start]
            average = bool(avg.search(label)) or (g.unit is not None and g.unit.key.split("/")[-1] in per_year)
            years = _years(statement) if average else 1
            gg = GrowthGroup(sent, g, clean_label(label), parts, average, years,
                             bool(prod.search(statement)), bool(grdp.search(statement)))
            want = sorted(sorted(p.classes) for p in parts)
            for sg in groups:
                if sg.sentence.index == sent.index and sg.cue_start > g.start and \
                        sorted(sorted(p.classes) for p in sg.parts) == want:
                    gg.shares = sg
                    break
            out.append(gg)
            break  # one aggregate per statement
    return out


def inventory(plan: Plan) -> list[FactRow]:
    rows = []
    for gg in plan.fact(growth_groups):
        parts = "; ".join(f"{p.label} {p.q.shown()}" for p in gg.parts)
        rows.append(FactRow("growth", gg.span, f"{gg.aggregate.shown()} ⟵ {parts}", {
            "aggregate": str(gg.aggregate.value),
            "parts": [{"label": p.label, "value": str(p.q.value), "sectors": sorted(p.classes)} for p in gg.parts],
            "years": gg.years, "shares": bool(gg.shares),
        }))
    return rows
