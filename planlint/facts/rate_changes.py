"""Poverty rate changes read by the figure reader: a rate at two times and the change between them.

DOMAIN.md, "Poverty": a fall of the rate is stated in percentage points (from 3,25% to 2,10% is a fall
of 1,15). The figure reader (``rate_change`` in ``grammar/figures.lark``) recognises the statement
from token classes, whatever the order of its parts:

* ``tỷ lệ hộ nghèo giảm từ 3,25% (55 hộ) xuống còn 2,10% (36 hộ), tức giảm 1,15 điểm %``;
* ``tỷ lệ hộ cận nghèo từ 4,25% giảm xuống 3,10% (giảm 1,15%)``;
* ``tỷ lệ hộ nghèo giảm 1,15 điểm phần trăm, từ 3,25% xuống còn 2,10%``.

What the rate is of comes from the words before it (``rules/poverty.toml``: a rate word, one poverty
category and fillers only; anything else and the statement is not read), and a change in points from
the words after its number ([rates] points). The rates and the change become the terms of a ledger
(``planlint.facts.poverty``), so P102 checks them with the same arithmetic as the ledgers it reads.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data import vocabulary
from ..i18n import Word, render
from ..parsing.tree import Paragraph, Plan
from ..scan.tokens import Tok
from . import FactRow
from .households import phrases_pattern
from .poverty import HOUSEHOLDS, Ledger, Term, category_word
from .quantities import Quantity, blocks
from .statements import figure_kind, parse_window, quantities_by_block, token_stream

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Vocab:
    category: re.Pattern[str]
    category_of: dict[str, str]
    neutral: re.Pattern[str]
    rate_word: re.Pattern[str]
    points: re.Pattern[str]
    known: re.Pattern[str]
    range_from: frozenset[str]


@functools.cache
def _vocab() -> _Vocab:
    v = vocabulary("poverty")
    cats = v["categories"]
    category_of = {" ".join(p.lower().split()): c for c in ("poor", "near", "both") for p in cats[c]}
    return _Vocab(
        category=phrases_pattern(list(category_of)),
        category_of=category_of,
        neutral=phrases_pattern(cats["neutral"]),
        rate_word=phrases_pattern(v["rates"]["words"]),
        points=re.compile(r"^\s*(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in
                                                sorted(v["rates"]["points"], key=len, reverse=True)) + r")(?!\w)",
                          re.IGNORECASE),
        known=phrases_pattern(v["labels"]["fillers"] + v["units"]["households"]),
        range_from=frozenset(" ".join(w.lower().split()) for w in v["roles"]["range_from"]),
    )


@dataclass(slots=True)
class RateChange:
    """``tỷ lệ hộ nghèo giảm từ 3,25% xuống còn 2,10%, tức giảm 1,15 điểm %``."""

    para: Paragraph
    block: int
    category: str  # poor | near
    start: Quantity
    end: Quantity
    change: Quantity
    points: bool  # the change is printed in points ("điểm phần trăm"), not with a per-cent sign
    sign: int  # -1 a fall, +1 a rise (the direction word before the change)


    def ledger(self) -> Ledger:
        """The rates and the fall as the terms of a ledger, for the arithmetic of ``poverty.rate_fall``."""
        led = Ledger(self.category)
        for role, q, unit in (("start", self.start, "percent"), ("end", self.end, "percent"),
                              ("fall", self.change, "points" if self.points else "percent")):
            led.add(Term(kind="rate", role=role, category=self.category, unit=unit, value=q.value,
                         decimals=q.decimals, raw=q.raw, span=q.span, context=self.para.span, sentence=0,
                         unit_explicit=True))
        return led


_START = frozenset({"SEMI", "DOT", "COLON", "RPAR", "LPAR"})
_TAIL = frozenset({"LPAR", "RPAR", "NUM", "PCT", "LABEL", "COMMA", "UP", "DOWN"})


def _candidates(toks: list[Tok]) -> list[tuple[int, list[int]]]:
    """``(first, [last, …])``: every clause holding two percentages joined by a verb or direction, with
    the window ends to try, longest first."""
    out = []
    pcts = [i for i, t in enumerate(toks) if t.kind == "PCT"]
    for a, b in zip(pcts, pcts[1:], strict=False):
        between = [t.kind for t in toks[a + 1:b]]
        if not between or len(between) > 6 or not any(k in ("VERB", "UP", "DOWN") for k in between[-2:]):
            continue
        j = a
        while j > 0 and a - j < 8 and toks[j - 1].kind not in _START:
            j -= 1
        ends = [b]
        e = b
        while e + 1 < len(toks) and e - b < 9 and toks[e + 1].kind in _TAIL:
            e += 1
            ends.append(e)
        out.append((j, ends[::-1]))
    return out


def _category(label: str) -> str | None:
    """poor | near when ``label`` is a rate of one poverty category and says nothing else."""
    v = _vocab()
    low = v.neutral.sub(" ", label.lower())
    if not v.rate_word.search(low):
        return None
    found = {v.category_of[" ".join(m.group(0).lower().split())] for m in v.category.finditer(low)}
    if len(found) != 1 or found == {"both"}:
        return None
    rest = v.known.sub(" ", v.category.sub(" ", v.rate_word.sub(" ", low)))
    return None if _WORD.search(rest) else found.pop()


def _exact(q: Quantity, text: str, first: bool) -> bool:
    if q.exact:
        return True
    # "từ 3,25%": the start of the change, not a bound
    said = text[q.qual_start:q.start].strip().lower() if first and 0 <= q.qual_start < q.start else ""
    return q.rng is None and not q.ambiguous and " ".join(said.split()) in _vocab().range_from


def rate_changes(plan: Plan) -> list[RateChange]:
    """Every poverty rate change the grammar recognises, in document order."""
    out: list[RateChange] = []
    seen: set[tuple[int, int]] = set()
    by_block = plan.fact(quantities_by_block)
    v = _vocab()
    for bi, b in enumerate(plan.fact(blocks)):
        qs = by_block.get(bi, [])
        if sum(1 for q in qs if figure_kind(q) == "PCT") < 2:
            continue
        text = b.paragraph.text
        if not v.category.search(v.neutral.sub(" ", text.lower())):
            continue
        toks = token_stream(text, qs)
        for j, ends in _candidates(toks):
            for e in ends:
                st = parse_window(toks[j:e + 1])
                if st is not None and st.data == "rate_change":
                    break
            else:
                continue
            category = _category(toks[j].text) if toks[j].kind == "LABEL" else None
            by = [c for c in st.iter_subtrees_topdown() if c.data == "change_by"]
            if category is None or not by:
                continue
            rates = [j + int(next(p.scan_values(lambda _: True)))
                     for p in st.iter_subtrees_topdown() if p.data == "pct"]
            ci = [j + int(x) for x in by[0].scan_values(lambda _: True)]
            change, after = toks[ci[0]], (toks[ci[1]].text if len(ci) > 1 else "")
            points = change.kind == "NUM" and bool(v.points.match(after))
            if change.kind == "NUM" and (not points or change.payload.unit is not None):
                continue  # "giảm 19 hộ": a count, not the change of the rate
            start, end = sorted((toks[k] for k in rates), key=lambda t: t.start)[:2]
            if not (_exact(start.payload, text, True) and _exact(end.payload, text, False)
                    and change.payload.exact):
                continue
            sign = -1 if toks[ci[0] - 1].kind == "DOWN" else 1
            if (bi, change.start) in seen:
                continue
            seen.add((bi, change.start))
            out.append(RateChange(b.paragraph, bi, category, start.payload, end.payload, change.payload, points,
                                  sign))
    return out


def inventory(plan: Plan) -> list[FactRow]:
    """One row per rate change: the two rates and the change as printed."""
    rows = []
    for rc in plan.fact(rate_changes):
        cat = render(category_word(rc.category, HOUSEHOLDS), "vi")
        unit = render(Word("word.points"), "vi") if rc.points else "%"
        sep = " " if rc.points else ""
        sign = "−" if rc.sign < 0 else "+"
        rows.append(FactRow("statement: rate_change", rc.para.span_of(rc.start.start, rc.end.end),
                            f"{cat}: {rc.start.raw}% → {rc.end.raw}% ({sign}{rc.change.raw}{sep}{unit})",
                            {"kind": "rate_change", "category": rc.category, "start": str(rc.start.value),
                             "end": str(rc.end.value), "change": str(rc.change.value), "points": rc.points,
                             "sign": rc.sign}))
    return rows
