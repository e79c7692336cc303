"""The plan tree: what the parser understood, with spans into ``Source.text``.

This is the public API that every fact extractor walks (``planlint.parse(text) -> Plan``).
Spans are half-open ``[start, end)`` offsets into the normalised text; ``Plan.position`` turns
one into the 1-based line and column of the original file.

Text is read through ``Paragraph``: a logical paragraph whose physical lines were joined (a
sentence broken by a blank line, a ``- xã hội …`` line that continues it) and whose markdown
emphasis was dropped. ``Paragraph.text`` is what extractors match against; ``Paragraph.span_of``
maps a match in it back to the source.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .source import Source

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __or__(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


def _text_offset(piece: tuple[int, int]) -> int:
    return piece[0]


@dataclass(slots=True)
class Paragraph:
    """A logical paragraph: cleaned text plus the map back to the source.

    ``pieces`` holds ``(text_offset, source_offset)`` pairs: the text from ``text_offset`` up to
    the next piece was copied from the source starting at ``source_offset``.
    """

    text: str
    pieces: list[tuple[int, int]]
    lines: list[int]  # 0-based source line indexes it was built from
    source_end: int  # end offset in the source of the last character

    @property
    def span(self) -> Span:
        return Span(self.pieces[0][1] if self.pieces else self.source_end, self.source_end)

    def source_offset(self, i: int) -> int:
        """Source offset of character ``i`` of ``text`` (``len(text)`` maps to the end)."""
        if i >= len(self.text):
            return self.source_end
        k = bisect_right(self.pieces, i, key=_text_offset) - 1
        t0, s0 = self.pieces[max(k, 0)]
        return s0 + (i - t0)

    def span_of(self, start: int, end: int) -> Span:
        """Source span of ``text[start:end]``."""
        if end <= start:
            s = self.source_offset(start)
            return Span(s, s)
        return Span(self.source_offset(start), self.source_offset(end - 1) + 1)

    @property
    def first_line(self) -> int:
        return self.lines[0] if self.lines else 0


@dataclass(slots=True)
class Marker:
    """A numbering marker as printed: ``II.``, ``2.3``, ``đ)``, ``(4)``, ``-``, ``Phần I``."""

    kind: str  # roman | arabic | decimal | point | paren | bullet | part
    label: str  # the number as printed, without delimiter: "II", "2.3", "đ", "4", "-"
    delim: str  # ".", "-", ")", "()", "" (bullets, parts)
    value: int  # ordinal of the last component (I=1, đ=5, 2.3 -> 3); 0 when not numeric
    prefix: tuple[int, ...]  # decimal items: the leading components (2.3.1 -> (2, 3))
    span: Span
    md_level: int = 0  # markdown heading level (## -> 2), 0 when none
    bold: bool = False
    valid: bool = True  # False: a letter outside the Vietnamese alphabet, a bad Roman numeral
    bullet: str = ""  # a bullet printed before a numbered marker: "- (1)"
    word: str = ""  # part headings: "Phần", "Chương", "Mục", "Điều"

    @property
    def key(self) -> str:
        """Kinds that form one sequence: decimals by depth, parts by word, bullets by glyph."""
        if self.kind == "decimal":
            return f"decimal{len(self.prefix) + 1}"
        if self.kind == "part":
            return f"part:{self.word.lower()}"
        if self.kind == "bullet":
            return f"bullet:{self.label}"
        return self.kind

    @property
    def numbered(self) -> bool:
        return self.kind != "bullet"

    def display(self) -> str:
        """The marker as a reader would write it: ``II.``, ``(4)``, ``đ)``, ``2.3``."""
        if self.kind == "paren":
            return f"({self.label})"
        if self.kind == "part":
            return f"{self.word} {self.label}"
        if self.kind == "bullet":
            return self.label
        return f"{self.label}{self.delim}"


@dataclass(slots=True)
class Section:
    """A numbered or bulleted item and everything under it."""

    marker: Marker
    heading: Paragraph  # the text after the marker (with its continuation lines)
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    depth: int = 0
    end: int = 0  # source offset where the section (with its children) ends

    @property
    def span(self) -> Span:
        return Span(self.marker.span.start, max(self.end, self.heading.source_end))

    @property
    def line(self) -> int:
        """0-based source line of the marker."""
        return self.heading.first_line

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class Header:
    number: Paragraph | None = None  # "Số: 14/KH-UBND"
    place_date: Paragraph | None = None  # "Hương Lâm, ngày 29 tháng 01 năm 2024"
    issuer: list[Paragraph] = field(default_factory=list)  # "ỦY BAN NHÂN DÂN XÃ …"
    motto: list[Paragraph] = field(default_factory=list)  # "CỘNG HÒA …", "Độc lập - Tự do - Hạnh phúc"


@dataclass(slots=True)
class Title:
    type_word: str  # "KẾ HOẠCH" as it stands in rules/doctypes.toml
    type_code: str  # "KH"
    line: Paragraph  # the title line itself
    summary: Paragraph | None = None


@dataclass(slots=True)
class Closing:
    recipients_head: Paragraph | None = None  # "Nơi nhận:"
    recipients: list[Paragraph] = field(default_factory=list)
    signature: list[Paragraph] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name


@dataclass(slots=True)
class Block:
    """One paragraph of the document with where it stands (for extractors)."""

    paragraph: Paragraph
    part: str  # header | title | preamble | heading | body | closing
    section: Section | None


@dataclass
class Plan:
    source: Source
    header: Header = field(default_factory=Header)
    title: Title | None = None
    preamble: list[Paragraph] = field(default_factory=list)
    body: list[Section] = field(default_factory=list)
    body_text: list[Paragraph] = field(default_factory=list)  # body text outside sections (appendix titles)
    appendices: list[list[Section]] = field(default_factory=list)  # sections after the signature
    closing: Closing = field(default_factory=Closing)
    comments: list[tuple[int, str]] = field(default_factory=list)  # (0-based line, inner text)
    tables: list[Any] = field(default_factory=list)  # planlint.parsing.tables.Table, in order
    degraded: bool = False  # the grammar rejected the classified lines (a bug: tests assert False)
    facts_cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # see Plan.fact

    def fact(self, extractor: Callable[[Plan], T]) -> T:
        """``extractor(self)``, computed once per plan (extractors that build on each other
        call this too, so every fact is extracted once whatever asks for it)."""
        key = (extractor.__module__, extractor.__qualname__)
        if key not in self.facts_cache:
            self.facts_cache[key] = extractor(self)
        return self.facts_cache[key]  # type: ignore[no-any-return,unused-ignore]

    @property
    def recognised(self) -> bool:
        """Whether the text looks like a plan at all (title, number line or Roman sections)."""
        if self.title is not None or self.header.number is not None:
            return True
        return sum(1 for s in self.body if s.marker.kind == "roman") >= 2

    def sections(self) -> Iterator[Section]:
        """Every section in document order: the body, then each appendix."""
        for roots in (self.body, *self.appendices):
            for s in roots:
                yield from s.walk()

    def blocks(self) -> Iterator[Block]:
        """Every paragraph in document order, with its part and enclosing section (listed once
        per plan: a dozen extractors walk them)."""
        return iter(self.fact(_blocks))

    def position(self, offset: int) -> tuple[int, int]:
        return self.source.position(offset)

    def place(self, offset: int, *, bare: bool = False) -> Any:
        """Where ``offset`` is, as a message names it, in the reader's language (planlint.i18n
        values): "on line 28" of a text file, "in paragraph 12" of a Word document (paragraphs as
        Word counts them, table cells included), "on page 3, line 12" of a PDF; ``bare``: without
        the preposition ("line 28", "paragraph 12", "page 3, line 12")."""
        from ..i18n import Word, seq

        kind = getattr(self.source, "kind", None)
        if kind == "docx":
            return seq(Word("place.paragraph" if bare else "place.in_paragraph"), f" {self.position(offset)[0]}")
        where = self.source.where(offset) if kind == "pdf" else None
        if where and ":" in where:
            page, _, line = where.partition(":")
            return seq(Word("place.page" if bare else "place.on_page"), f" {page}, ", Word("place.line"), f" {line}")
        return seq(Word("place.line" if bare else "place.on_line"), f" {self.position(offset)[0]}")


def _blocks(plan: Plan) -> list[Block]:
    """The paragraphs of ``Plan.blocks``, in document order."""
    out: list[Block] = []
    h = plan.header
    head = [p for p in (h.number, h.place_date) if p is not None] + h.issuer + h.motto
    out.extend(Block(p, "header", None) for p in head)
    if plan.title is not None:
        out.append(Block(plan.title.line, "title", None))
        if plan.title.summary is not None:
            out.append(Block(plan.title.summary, "title", None))
    out.extend(Block(p, "preamble", None) for p in plan.preamble)
    out.extend(Block(p, "body", None) for p in plan.body_text)
    for s in plan.sections():
        out.append(Block(s.heading, "heading", s))
        out.extend(Block(p, "body", s) for p in s.paragraphs)
    c = plan.closing
    tail = ([c.recipients_head] if c.recipients_head else []) + c.recipients + c.signature
    out.extend(Block(p, "closing", None) for p in tail)
    out.sort(key=lambda b: b.paragraph.span.start)
    return out
