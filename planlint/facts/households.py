"""Household categories counted with their rate: a count and the share it is of a population.

DOMAIN.md, "Poverty": rate = households of a category / all households × 100, and every category
counted over all households (the poor, the near-poor, and beside them the middle-income households,
ethnic-minority households, policy households) shares that denominator. A count printed with its
rate therefore fixes the population it is of, within the rounding of the printed rate.

The figure reader finds these as ``count_rate`` statements (``grammar/figures.lark``): a household
count, the words that join it to a percentage (``, chiếm``, ``(``, ``, tỷ lệ``), the percentage and,
perhaps, the population it is of (``tổng số hộ toàn xã``, ``so với tổng số hộ nghèo DTTS``). What
the count is of and what the population is are read from ``rules/poverty.toml`` ([groups],
[population]), never from the code:

* a count is of a *group* (middle-income, ethnic-minority, policy) when the words of its clause,
  beside the group's, are only units, fillers and rate words; a count of the poor or near-poor, or
  of a part of another figure (``trong đó``, ``gồm``), is read too but marked, for its rate may be
  of that figure rather than of all households;
* the *population* is all households when no words follow the percentage or only words of
  [population] all_households do; otherwise it is those words, and such a rate is compared only
  with rates over the same words in the same paragraph.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from ..data import vocabulary
from ..i18n import Word, render
from ..parsing.tree import Paragraph, Plan, Span
from ..scan.numbers import format_vn
from ..scan.tokens import Tok
from ..table_cache import kept
from . import FactRow
from .quantities import Quantity, blocks
from .statements import figure_kind, parse_window, quantities_by_block, token_stream

GROUPS = ("middle_income", "ethnic_minority", "policy")

_WORD = re.compile(r"[^\W\d_]+")


def phrases_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Whole-word alternation, longest first, spaces matching any run of blanks."""
    alts = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=lambda a: (-len(a), a))
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class _Vocab:
    group: re.Pattern[str]
    group_of: dict[str, str]
    poverty: re.Pattern[str]  # a poverty category word (neutral phrases removed first)
    neutral: re.Pattern[str]
    known: re.Pattern[str]  # fillers, rate words and units: words that may stand beside a group
    all_households: re.Pattern[str]
    joins: frozenset[str]


@kept
def _vocab() -> _Vocab:
    v = vocabulary("poverty")
    group_of = {" ".join(p.lower().split()): g for g, ps in v["groups"].items() for p in ps}
    cats = v["categories"]
    units = [p for ps in v["units"].values() for p in ps]
    return _Vocab(
        group=phrases_pattern(list(group_of)),
        group_of=group_of,
        poverty=phrases_pattern(cats["near"] + cats["poor"]),
        neutral=phrases_pattern(cats["neutral"]),
        known=phrases_pattern(v["labels"]["fillers"] + v["rates"]["words"] + units),
        all_households=phrases_pattern(v["population"]["all_households"]),
        joins=frozenset(w.lower() for w in v["population"]["joins"]),
    )


@dataclass(slots=True)
class GroupRate:
    """``toàn xã có 420 hộ đồng bào dân tộc thiểu số, chiếm 24,9%``: a count and its rate."""

    para: Paragraph
    block: int
    group: str  # middle_income | ethnic_minority | policy | poverty (a poor or near-poor count) | ""
    count: Quantity
    rate: Quantity
    population: str  # "": all households; else the population's words as printed, lower-cased
    partial: bool  # a part of a figure before it ("trong đó", "gồm"): its rate may be of that figure
    words: str  # the words of the count's clause (what the count is of)

    @property
    def of_a_category(self) -> bool:
        """Whether the rate is over the households of a category ("so với tổng số hộ nghèo", "… hộ DTTS"),
        not over all households."""
        v = _vocab()
        low = v.neutral.sub(" ", self.population)
        return bool(low and (v.poverty.search(low) or v.group.search(low)))

    @property
    def span(self) -> Span:
        return self.para.span_of(self.count.start, self.rate.end)

    def bounds(self) -> tuple[int, int]:
        """The whole numbers of the population that the count and the printed rate allow."""
        h = self.rate.half_unit
        lo_rate, hi_rate = self.rate.value - h, self.rate.value + h
        lo = self.count.value * 100 / hi_rate
        hi = self.count.value * 100 / lo_rate if lo_rate > 0 else Decimal(10**12)
        return math.ceil(lo), math.floor(hi)

    def fits(self, total: Decimal) -> bool:
        """Whether count ÷ total × 100 rounds to the printed rate."""
        return abs(self.count.value * 100 / total - self.rate.value) <= self.rate.half_unit + Decimal("1e-9")


_GAP = frozenset({"LABEL", "COMMA", "LPAR", "VERB"})
_CLAUSE_STOP = frozenset({"SEMI", "DOT", "LPAR", "RPAR", "NUM", "PCT", "NUMX", "DATE", "YEAR"})
_POPULATION = frozenset({"COMPARE", "TOTAL", "LABEL"})


def _windows(toks: list[Tok]) -> list[tuple[int, int]]:
    """``(first, last)`` of every household count followed, within its clause, by a percentage."""
    out = []
    for i, t in enumerate(toks):
        if t.kind != "PCT":
            continue
        j = i - 1
        while j >= 0 and i - j <= 4 and toks[j].kind in _GAP:
            j -= 1
        if j < 0 or j == i - 1 or toks[j].kind != "NUM":
            continue
        e = i
        while e + 1 < len(toks) and e - i < 3 and toks[e + 1].kind in _POPULATION:
            e += 1
        out.append((j, e))
    return out


def _population(toks: list[Tok]) -> str:
    """The population words after the percentage ("" for all households)."""
    words = " ".join(t.text for t in toks if t.kind in ("TOTAL", "LABEL")).lower().split()
    v = _vocab()
    # the population ends where a join word starts the next item ("… DTTS và chiếm …", "3,81% và hộ cận nghèo")
    cut = next((k for k, w in enumerate(words) if w in v.joins), len(words))
    words = words[:cut]
    text = " ".join(words)
    return text if v.all_households.sub(" ", text).strip() else ""


def rates_of_categories(plan: Plan) -> set[int]:
    """Where the rates over a category's households stand (span starts): not rates over all households."""
    return {g.rate.span.start for g in plan.fact(group_rates) if g.of_a_category}


def group_rates(plan: Plan) -> list[GroupRate]:
    """Every household count stated with its rate, in document order."""
    out: list[GroupRate] = []
    by_block = plan.fact(quantities_by_block)
    v = _vocab()
    for bi, b in enumerate(plan.fact(blocks)):
        qs = by_block.get(bi, [])
        if len(qs) < 2 or not any(figure_kind(q) == "PCT" for q in qs):
            continue
        if not any(q.unit is not None and q.unit.dimension == "household" for q in qs):
            continue
        text = b.paragraph.text
        toks = token_stream(text, qs)
        for j, e in _windows(toks):
            st = parse_window(toks[j:e + 1])
            if st is None or st.data != "count_rate":
                continue
            count = toks[j].payload
            pi = next(k for k in range(j + 1, e + 1) if toks[k].kind == "PCT")
            rate = toks[pi].payload
            if (count.unit is None or count.unit.dimension != "household" or not count.exact or count.decimals
                    or not rate.exact or rate.value <= 0 or rate.value - rate.half_unit <= 0):
                continue
            c = j
            while c > 0 and toks[c - 1].kind not in _CLAUSE_STOP:
                c -= 1
            clause = [t for t in toks[c:pi] if t.kind not in ("NUM", "COMMA", "COLON", "DASH", "LPAR")]
            partial = any(t.kind in ("IN_WHICH", "CONSIST") for t in clause)
            words = " ".join(t.text for t in clause if t.kind in ("LABEL", "VERB"))
            low = v.neutral.sub(" ", words.lower())
            group = ""
            if v.poverty.search(low):
                group = "poverty"
            else:
                found = {v.group_of[" ".join(m.group(0).lower().split())] for m in v.group.finditer(low)}
                rest = v.known.sub(" ", v.group.sub(" ", low))
                if len(found) == 1 and not _WORD.search(rest):
                    group = found.pop()
            out.append(GroupRate(b.paragraph, bi, group, count, rate, _population(toks[pi + 1:e + 1]), partial,
                                 words))
    return out


def inventory(plan: Plan) -> list[FactRow]:
    """One row per household count read with its rate: the population it implies."""
    rows = []
    for g in plan.fact(group_rates):
        lo, hi = g.bounds()
        what = render(Word(f"group.{g.group}"), "vi") if g.group in GROUPS else g.words.split(":")[-1].strip()
        of = g.population or render(Word("group.all_households"), "vi")
        part = f" ({render(Word('group.part'), 'vi')})" if g.partial else ""
        rows.append(FactRow("statement: count_rate", g.span,
                            f"{what or '?'}: {g.count.raw} ÷ {g.rate.raw}% ({of}) = "
                            f"{format_vn(Decimal(lo))}–{format_vn(Decimal(hi))}{part}",
                            {"kind": "count_rate", "group": g.group, "count": str(g.count.value),
                             "percent": str(g.rate.value), "population": g.population, "partial": g.partial,
                             "implied": [lo, hi]}))
    return rows
