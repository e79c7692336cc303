"""Conversion leftovers in the text: LaTeX, HTML tags and entities, ``_{…}``/``^{…}`` markup,
pandoc attributes and images, escaped markdown; each with the plain text to write instead."""

from __future__ import annotations

import functools
import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ..data import vocabulary
from ..parsing.tree import Paragraph, Plan, Span
from .latex import LATEX_SYMBOLS, LATEX_WRAPPERS, SUB_OK, latex_plain, subscript, superscript
from .words import paragraphs

_MATH = re.compile(r"\$\$?([^$\n]{1,160}?)\$\$?")
_MATH_SIGNAL = re.compile(r"\\[A-Za-z%,;:!]|[\^_]|\{")
_LATEX_CMD = re.compile(
    r"\\(?:frac\s*\{[^{}]*\}\s*\{[^{}]*\}|sqrt\s*\{[^{}]*\}|(?:" + "|".join(LATEX_WRAPPERS) + r")\s*\{[^{}]*\}"
    r"|(?:" + "|".join(sorted(LATEX_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z]))"
)
# what may follow a tag name: attributes (name="value"), nothing else ("a<b và b>c" is no tag)
_ATTRS = r"""(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<>]{0,200}"|'[^'<>]{0,200}'|[^\s"'<>]{1,200})){0,12}\s*"""
# the base starts where its token does (a lookbehind, not a rescan from every position: linear on
# long tokens without spaces) and is taken whole (possessive: no backtracking)
_HTML_SUPSUB = re.compile(r"(?<![^\s<>])([^\s<>]*+)<(sup|sub)>([^<>]{0,40})</\2>", re.IGNORECASE)
_HTML_PAIR = re.compile(
    r"<(b|i|u|s|em|strong|span|font|mark|small|big|del|ins|strike|p|div|center|a|code)\b" + _ATTRS + ">"
    r"([^<>]{0,200})</\1\s*>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|span|font|mark|small|big|del|ins|strike|p|div|center|a|code|br|hr|img|sup|sub"
    r"|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|blockquote|pre)\b" + _ATTRS + "/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|ndash|mdash|hellip|laquo|raquo|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_BRACE_SUBSUP = re.compile(r"(?<![^\s_^{}$])([^\s_^{}$]*+)([_^])\{([^{}\n]{1,40})\}")
_PANDOC_SUP = re.compile(r"(?<=\w)\^([^\s^]{1,12})\^")
_PANDOC_SUB = re.compile(r"(?<=\w)~([^\s~]{1,12})~")
_ATTR_SPAN = re.compile(r"\[([^\[\]\n]{0,200})\]\{[.#][^{}\n]{0,80}\}")
_ATTR = re.compile(r"\{(?:[.#][A-Za-z][\w-]*|\w+=\"[^\"]*\")(?:\s+[^{}\n]{0,80})?\}")
_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,300}\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_BACKSLASH = re.compile(r"\\")


@dataclass(slots=True)
class Debris:
    span: Span
    kind: str  # latex | html | entity | subscript | superscript | attribute | image | escape
    found: str
    plain: str  # the plain text to write instead ("" = remove it)
    paragraph: int = 0  # source offset where its paragraph starts
    worded: bool = True  # whether its paragraph has a letter or digit


@functools.cache
def _name_list_lines() -> tuple[str, ...]:
    """Paragraph starts that make it a list of names (``Lưu: VT, …``), from rules/markup.toml."""
    return tuple(vocabulary("markup")["subscript"]["name_list_lines"])


def _debris_in(p: Paragraph, source_text: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, kind, plain)`` of each leftover in ``p.text``, left to right, no overlaps."""
    text = p.text
    if not any(c in text for c in "$\\<>&_^{}~["):
        return
    found: list[tuple[int, int, str, str]] = []
    starts: list[int] = []  # the spans taken so far, disjoint, sorted by start (bisect, not a scan)
    ends: list[int] = []

    def add(i: int, j: int, kind: str, plain: str) -> None:
        if j <= i:
            return
        k = bisect_left(starts, i)
        if (k < len(starts) and starts[k] < j) or (k and ends[k - 1] > i):
            return
        starts.insert(k, i)
        ends.insert(k, j)
        found.append((i, j, kind, plain))

    for m in _MATH.finditer(text):
        if _MATH_SIGNAL.search(m.group(1)):
            add(m.start(), m.end(), "latex", latex_plain(m.group(1)))
    for m in _IMAGE.finditer(text):
        add(m.start(), m.end(), "image", "")
    for m in _HTML_SUPSUB.finditer(text):
        prefix, tag, inner = m.group(1), m.group(2).lower(), m.group(3)
        add(m.start(), m.end(), "html", prefix + (superscript(inner) if tag == "sup" else subscript(inner)))
    for m in _HTML_PAIR.finditer(text):
        add(m.start(), m.end(), "html", m.group(2))
    for m in _HTML_TAG.finditer(text):
        add(m.start(), m.end(), "html", "")
    for m in _ENTITY.finditer(text):
        plain = html.unescape(m.group())
        add(m.start(), m.end(), "entity", " " if plain == "\xa0" else plain)
    for m in _ATTR_SPAN.finditer(text):
        add(m.start(), m.end(), "attribute", m.group(1))
    for m in _ATTR.finditer(text):
        add(m.start(), m.end(), "attribute", "")
    for m in _BRACE_SUBSUP.finditer(text):
        base, op, inner = m.group(1), m.group(2), m.group(3)
        if op == "^":
            add(m.start(), m.end(), "superscript", base + superscript(inner))
        elif SUB_OK.fullmatch(inner):
            add(m.start(), m.end(), "subscript", base + subscript(inner))
        elif text.lstrip().lower().startswith(_name_list_lines()):
            add(m.start(), m.end(), "subscript", f"{base}, {inner}" if base else inner)  # ND30: "Lưu: VT, …"
        else:
            add(m.start(), m.end(), "subscript", f"{base} {inner}".strip())
    for m in _PANDOC_SUP.finditer(text):
        add(m.start(), m.end(), "superscript", superscript(m.group(1)))
    for m in _PANDOC_SUB.finditer(text):
        add(m.start(), m.end(), "subscript", subscript(m.group(1)))
    for m in _LATEX_CMD.finditer(text):
        add(m.start(), m.end(), "latex", latex_plain(m.group()))
    for m in _ESCAPE.finditer(text):
        add(m.start(), m.end(), "escape", m.group(1))
    for m in _BACKSLASH.finditer(text):
        # "\*" whose star the emphasis cleaner took away: the source still shows it
        s = p.source_offset(m.start())
        if source_text[s + 1 : s + 2] == "*":
            add(m.start(), m.end(), "escape", "*")
    found.sort()
    yield from found


# a markdown document: headings, bold markers or table rows at the start of a line
_MARKDOWN = re.compile(r"^(?:#{1,6}[ \t]|\*\*\S|\|.*\|[ \t]*$)", re.MULTILINE)


def markdown_source(plan: Plan) -> bool:
    """Whether the source is a markdown document (``#`` headings, ``**`` bold, table rows)."""
    return _MARKDOWN.search(plan.source.text) is not None


def leftovers(plan: Plan) -> list[Debris]:
    """Every leftover, paragraph by paragraph, left to right. A backslash escape is named as the
    source prints it (``\\*``: the star the emphasis cleaner took away is still in the source)."""
    out: list[Debris] = []
    source_text = plan.source.text
    for p in paragraphs(plan):
        worded = any(c.isalnum() for c in p.text)
        for i, j, kind, plain in _debris_in(p, source_text):
            span = p.span_of(i, j)
            if kind != "escape":
                out.append(Debris(span, kind, p.text[i:j], plain, p.span.start, worded))
                continue
            found = source_text[span.start : span.end]
            if found == "\\" and plain == "*":
                found = "\\*"  # the star went with the emphasis markers
            out.append(Debris(span, kind, found, plain, p.span.start, worded))
    return out
