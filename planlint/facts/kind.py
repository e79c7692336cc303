"""What kind of document this is, and how sure we are: the evidence a reader would use.

A drafter's plan has its ND30 header and a ``KẾ HOẠCH`` title; a web copy of a report may have
lost both, a resolution printed from a legal database may have its header in a table and no title
line. So the kind is read from every piece of evidence the document has, each with its span:

* strong (one is enough): a title as ND30 prints it (``KẾ HOẠCH``), a ``Số:`` line with a type
  code, the national motto, a closing (``Nơi nhận:``, the signature), an enacting line
  (``QUYẾT ĐỊNH:``);
* medium (two are enough): a title in sentence case with its subject on one line (``Kế hoạch
  thực hiện …``: it may also head a how-to), basis paragraphs (``Căn cứ …``), numbered parts
  (two Roman sections, ``Phần thứ nhất``), an issuer acting in the text (``UBND xã báo cáo …``,
  ``Ủy ban nhân dân tỉnh ban hành Kế hoạch …``), an issuer line (``ỦY BAN NHÂN DÂN``);
* weak: targets and results (``chỉ tiêu``, ``phấn đấu``, ``so với cùng kỳ``), numbered items, a
  table of figures, another administrative document cited by its number and symbol.

``level`` is ``full`` (an administrative document: every rule runs), ``thin`` (one medium piece,
or two weak ones: the number, ledger and date rules run, structure and header rules stay quiet)
or ``none`` (not an administrative document: S110 alone). ``kind`` comes from the title, else
the number's type code, else the issuer's act (``rules/doctypes.toml``: ``kind`` and
``[evidence]``); ``""`` when nothing names it. ``--kind`` overrides both (``Config.kind``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data import vocabulary
from ..i18n import Seq, Word, say, seq
from ..parsing.tree import Plan, Span
from ..phrases import E, alt, phrase
from ..table_cache import kept
from . import FactRow

PLAN = "plan"


@dataclass(slots=True)
class Evidence:
    what: str  # "title", "number line", "basis", …
    strength: str  # strong | medium | weak
    span: Span
    kind: str = ""  # the kind this piece names, if any


@dataclass(slots=True)
class DocKind:
    kind: str = ""  # plan | report | decision | resolution | … | "" (not named)
    level: str = "none"  # full | thin | none
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def is_plan(self) -> bool:
        return self.kind == PLAN


@kept
def _vocab() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                      re.Pattern[str]]:
    v = vocabulary("doctypes")
    kinds: dict[str, str] = {}
    for t in v["type"]:
        if "kind" in t:
            for code in [t["code"], *t.get("also", [])]:
                kinds[code.upper()] = t["kind"]
    ev = v["evidence"]
    basis = re.compile(r"^\W*" + alt(ev["basis"]) + E, re.IGNORECASE)
    enacting = re.compile(r"^\W*" + alt(ev["enacting"]) + r"\W*$")
    acts = re.compile(phrase(ev["issuers"]) + r"(?:\s+\S+){0,6}?\s+(?:" + alt(ev["before_act"]) + r"\s+)?(?P<act>"
                      + alt(ev["acts"]) + ")" + E, re.IGNORECASE)
    figures = re.compile(phrase(ev["figures"]), re.IGNORECASE)
    parts = re.compile(r"^" + alt(ev["parts"]) + E, re.IGNORECASE)
    return kinds, basis, enacting, acts, figures, parts


def _act_kind(act: str) -> str:
    acts: dict[str, str] = vocabulary("doctypes")["evidence"]["acts"]
    return acts.get(act.lower(), "")


def extract(plan: Plan) -> DocKind:
    kinds, basis, enacting, acts, figures, parts = _vocab()
    ev: list[Evidence] = []
    if plan.title is not None:
        # "KẾ HOẠCH" as ND30 prints it is strong; "Kế hoạch …" / "Hướng dẫn …" in sentence case
        # may be any heading, and needs a second piece of evidence
        upper = plan.title.line.text.lstrip().startswith(plan.title.type_word)
        ev.append(Evidence("title", "strong" if upper else "medium", plan.title.line.span,
                           kinds.get(plan.title.type_code.upper(), "")))
    h = plan.header
    if h.number is not None:
        from .header import parse_number_line

        n = parse_number_line(h.number)
        if n is not None and n.parsed and n.type_code:
            ev.append(Evidence("number line", "strong", h.number.span, kinds.get(n.type_code.upper(), "")))
        else:
            ev.append(Evidence("number line", "medium", h.number.span))
    if h.motto:
        ev.append(Evidence("motto", "strong", h.motto[0].span))
    if h.place_date is not None:
        ev.append(Evidence("place and date", "medium", h.place_date.span))
    c = plan.closing
    if c.recipients_head is not None or c.signature:
        p = c.recipients_head or c.signature[0]
        ev.append(Evidence("closing", "strong", p.span))
    seen: set[str] = set()
    romans = [s for s in plan.body if s.marker.kind in ("roman", "part")]
    if len(romans) >= 2:
        seen.add("part")
        ev.append(Evidence("numbered parts", "medium", romans[0].marker.span))
    numbered = sum(1 for s in plan.sections() if s.marker.numbered)
    if numbered >= 3:
        first = next(s for s in plan.sections() if s.marker.numbered)
        ev.append(Evidence("numbered items", "weak", first.marker.span))
    src = plan.source
    for b in plan.blocks():
        text = b.paragraph.text
        # a paragraph may join lines an export broke: each of its lines may open a basis
        for idx in b.paragraph.lines if b.part != "heading" else ():
            start, end = src.line_bounds(idx)
            line = src.text[start:end].strip().strip("*_#| ")
            if "basis" not in seen and basis.match(line):
                seen.add("basis")
                ev.append(Evidence("basis", "medium", Span(start, end)))
            if "enacting" not in seen and enacting.match(line):
                seen.add("enacting")
                ev.append(Evidence("enacting line", "strong", Span(start, end)))
            if "part" not in seen and parts.match(line):
                seen.add("part")
                ev.append(Evidence("numbered parts", "medium", Span(start, end)))
        if "act" not in seen:
            m = acts.search(text)
            if m:
                seen.add("act")
                ev.append(Evidence("issuer's act", "medium", b.paragraph.span_of(m.start(), m.end()),
                                   _act_kind(m.group("act"))))
        if "figures" not in seen:
            m = figures.search(text)
            if m and any(ch.isdigit() for ch in text):
                seen.add("figures")
                ev.append(Evidence("targets and results", "weak", b.paragraph.span_of(m.start(), m.end())))
    from .citations import extract as citations

    # another administrative document cited by its number and symbol ("Báo cáo số 320/BC-UBND"):
    # a sign of a report or a plan, weak (a press item may cite one too)
    cited = next((c for c in plan.fact(citations) if c.symbol is not None and c.doctype is not None), None)
    if cited is not None:
        ev.append(Evidence("cited document", "weak", cited.span()))
    if plan.tables:
        from .tables import tables

        # an indicator table read as one (a label column and columns of figures): a sign of a
        # report or a statistical annex, weak as targets in the text are
        read = next((tf for tf in plan.fact(tables) if tf.understood), None)
        if read is not None:
            ev.append(Evidence("table of figures", "weak", read.span))
    strong = sum(1 for e in ev if e.strength == "strong")
    medium = sum(1 for e in ev if e.strength == "medium")
    weak = sum(1 for e in ev if e.strength == "weak")
    if strong or medium >= 2:
        level = "full"
    elif medium or weak >= 2:
        level = "thin"
    else:
        level = "none"
    order = ("title", "number line", "issuer's act")
    kind = ""
    for what in order:
        kind = next((e.kind for e in ev if e.what == what and e.kind), "")
        if kind:
            break
    return DocKind(kind, level, ev)


def term(key: str) -> Word:
    """A kind, a level, a piece of evidence or its strength, in the reader's language ([doc_kind])."""
    return Word("doc_kind." + key.replace("'", "_").replace(" ", "_"))


def inventory(plan: Plan) -> list[FactRow]:
    k = plan.fact(extract)
    evidence = Seq(tuple(seq(term(e.what), " (", term(e.strength), ")") for e in k.evidence), ", ")
    rows = [FactRow("document kind", Span(0, 0),
                    say("fact.evidence", kind=term(k.kind) if k.kind else Word("fact.kind_not_named"),
                        level=term(k.level), evidence=evidence if k.evidence else Word("fact.none")),
                    {"kind": k.kind, "level": k.level})]
    return rows
