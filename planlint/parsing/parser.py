"""Source text -> ``Plan``: classified lines, the Lark grammar, then the outline builder."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..data import grammar_path
from .lines import CONT, HEAD, Classifier, Line, Run
from .source import Source
from .tables import Table
from .tree import Closing, Paragraph, Plan, Section, Title

if TYPE_CHECKING:
    from lark import Lark, Tree


@functools.cache
def _lark() -> Lark:
    """The LALR parser of ``grammar/plan.lark``, built once per machine (``cache.lalr_parser``)."""
    from ..cache import lalr_parser
    from . import lexer

    return lalr_parser("plan", grammar_path("plan.lark").read_text(encoding="utf-8"), lexer, lexer.LineLexer)


def paragraph(runs: list[Run], lines: list[int]) -> Paragraph:
    """Join line runs into one paragraph (a single space where lines were broken)."""
    text_parts: list[str] = []
    pieces: list[tuple[int, int]] = []
    pos = 0
    last_end = 0  # source end of the previous non-empty run: where the joining space maps
    for run in runs:
        if not run.text:
            continue
        if text_parts:
            pieces.append((pos, last_end))
            text_parts.append(" ")
            pos += 1
        last_end = run.end
        for t, s in run.pieces:
            if t < len(run.text) or not pieces:
                pieces.append((pos + t, s))
        text_parts.append(run.text)
        pos += len(run.text)
    end = max((r.end for r in runs if r.text), default=runs[0].end if runs else 0)
    if not pieces:
        pieces = [(0, end)]
    return Paragraph("".join(text_parts), pieces, lines, end)


def _para(lines: list[Line]) -> Paragraph:
    return paragraph([ln.run for ln in lines], [ln.index for ln in lines])


def parse_source(source: Source) -> Plan:
    classifier = Classifier(source)
    lines = list(classifier.lines())
    plan = Plan(source)
    plan.comments = classifier.comments
    if not lines:
        return plan
    try:
        tree = _lark().parse(lines)
    except Exception:  # pragma: no cover - the classifier keeps the stream grammatical
        return _fallback(plan, lines)
    _build(plan, tree, lines)
    _place_tables(plan, classifier.tables)
    return plan


def parse(text: str, path: str = "<input>") -> Plan:
    """Parse a draft plan given as text. Never raises on any text."""
    return parse_source(Source(path, text))


def _tokens(tree: Tree, lines: list[Line]) -> list[Line]:
    return [lines[tok.value] for tok in tree.scan_values(lambda v: hasattr(v, "type"))]


def _build(plan: Plan, tree: Tree, lines: list[Line]) -> None:
    flat: list[tuple[Line, list[Line], list[list[Line]]]] = []  # (head, cont lines, paragraphs)
    segments = [flat]  # the body, then one per appendix (numbering restarts in each)
    for node in tree.children:
        data = node.data
        if data == "front":
            _front(plan, node, lines)
        elif data == "section":
            segments[-1].append(_section(node, lines))
        elif data == "closing":
            _closing(plan.closing, node, lines)
        elif data == "appendix":
            segments.append([])
            titles = [lines[c.value] for c in node.children if not hasattr(c, "data")]  # type: ignore[union-attr]
            if titles:
                plan.body_text.append(_para(titles))  # "PHỤ LỤC …": the appendix's title
            for c in node.children:
                if hasattr(c, "data") and c.data == "table":
                    plan.body_text.extend(_para([ln]) for ln in _tokens(c, lines))
                elif hasattr(c, "data"):
                    segments[-1].append(_section(c, lines))
    plan.body = _outline(segments[0])
    plan.appendices = [_outline(seg) for seg in segments[1:]]


def _section(node: Tree, lines: list[Line]) -> tuple[Line, list[Line], list[list[Line]]]:
    toks = _tokens(node, lines)
    cont: list[Line] = []
    paras: list[list[Line]] = []
    for ln in toks[1:]:
        if ln.type == CONT and not paras:
            cont.append(ln)
        elif ln.type == CONT:
            paras[-1].append(ln)
        else:
            paras.append([ln])
    return toks[0], cont, paras


def _front(plan: Plan, node: Tree, lines: list[Line]) -> None:
    header = plan.header
    loose: list[Paragraph] = []  # text paragraphs before any title
    for child in node.children:
        if hasattr(child, "type"):  # a header token
            ln = lines[child.value]  # type: ignore[union-attr]
            p = _para([ln])
            if ln.type == "NUMBER":
                header.number = p
            elif ln.type == "PLACEDATE":
                header.place_date = p
            elif ln.type == "MOTTO":
                header.motto.append(p)
            else:
                header.issuer.append(p)
        elif child.data == "title":
            toks = _tokens(child, lines)
            t = toks[0]
            summary_lines = toks[1:]
            summary = None
            rest = t.extra.get("summary", "")
            if rest:
                word_len = len(t.extra["word"])
                run = t.run.slice(word_len).strip()
                summary = paragraph([run] + [ln.run for ln in summary_lines],
                                    [t.index] + [ln.index for ln in summary_lines])
            elif summary_lines:
                summary = _para(summary_lines)
            plan.title = Title(t.extra["word"], t.extra["code"], _para([t]), summary)
        elif child.data == "table":  # each row its own paragraph, never joined to prose
            plan.preamble.extend(_para([ln]) for ln in _tokens(child, lines))
        elif child.data == "para":
            p = _para(_tokens(child, lines))
            if plan.title is None:
                loose.append(p)
            else:
                plan.preamble.append(p)
    if plan.title is None:
        # no title: the text before the first numbered item is the document's opening (a web
        # copy's "Thực hiện …, UBND xã báo cáo …"), read like a preamble, not like its header
        plan.preamble.extend(loose)
    else:
        header.issuer.extend(loose)


def _closing(closing: Closing, node: Tree, lines: list[Line]) -> None:
    for part in node.children:
        if part.data == "recipients":
            for child in part.children:
                if hasattr(child, "type"):
                    closing.recipients_head = _para([lines[child.value]])  # type: ignore[union-attr]
                else:
                    closing.recipients.append(_para(_tokens(child, lines)))
        elif part.data == "signature":
            closing.signature.extend(_para([ln]) for ln in _tokens(part, lines))


def _outline(flat: list[tuple[Line, list[Line], list[list[Line]]]]) -> list[Section]:
    """Nest flat sections by marker kind.

    A stack holds the open sections. A marker whose kind (``Marker.key``) is already on the
    stack closes everything above that level and becomes its sibling; a new kind opens a
    level below the current one. So whatever order a plan uses (I. > 1. > a) > -, or
    2. > (1)), siblings share a kind and a kind's first appearance fixes its depth there.

    Two exceptions, as a reader sees them: a bullet never parents a numbered item (``2.1.``
    after a ``-`` list closes the list and belongs to ``2.``), and a plain list that starts at 1
    under a markdown heading carrying a number (``### 2. Chỉ tiêu cụ thể`` then ``1. …``) opens a
    level below that heading instead of repeating its sequence.
    """
    roots: list[Section] = []
    stack: list[Section] = []
    for head, cont, paras in flat:
        assert head.marker is not None
        heading = _para([head] + cont)
        section = Section(head.marker, heading, [_para(p) for p in paras])
        key = head.marker.key
        if head.marker.numbered:
            while stack and not stack[-1].marker.numbered:
                _close(stack.pop())
        same_kind = [i for i in range(len(stack) - 1, -1, -1) if stack[i].marker.key == key]
        # a heading's sibling is a heading, a list item's an item, when the stack holds both
        same_form = [i for i in same_kind if bool(stack[i].marker.md_level) == bool(head.marker.md_level)]
        candidates = same_form or same_kind
        level: int | None = candidates[0] if candidates else None
        if (level is not None and level == len(stack) - 1 and head.marker.value == 1
                and stack[level].marker.md_level and not head.marker.md_level):
            level = None  # "### 2. Chỉ tiêu cụ thể" then "1. …": a list under the heading
        if level is not None:
            for closed in reversed(stack[level:]):
                _close(closed)
            del stack[level:]
        section.depth = len(stack)
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    for closed in reversed(stack):
        _close(closed)
    return roots


def _close(section: Section) -> None:
    ends = [section.heading.source_end] + [p.source_end for p in section.paragraphs]
    ends += [c.end for c in section.children]
    section.end = max(ends)


def _place_tables(plan: Plan, tables: list[Table]) -> None:
    """Give each table the innermost section it stands in (``None`` outside every section)."""
    plan.tables = tables
    if not tables:
        return
    sections = list(plan.sections())
    for t in tables:
        inner = None
        for s in sections:
            if s.span.start <= t.span.start < max(s.span.end, s.heading.source_end) + 1:
                if inner is None or s.depth >= inner.depth:
                    inner = s
        t.section = inner


def _fallback(plan: Plan, lines: list[Line]) -> Plan:  # pragma: no cover
    plan.degraded = True
    plan.preamble = [_para([ln]) for ln in lines if ln.type != HEAD]
    return plan


__all__ = ["parse", "parse_source", "paragraph"]
