"""A document read from a non-text format (Word, PDF), laid out as text, with positions a person can find.

An input adapter (``docx.py``, ``pdf.py``) renders the document into the plain text the rest of
planlint reads (one line per Word paragraph, tables as markdown pipe tables, PDF text line by
line) and records, for every rendered line, which pieces of it come from which place of the
original: a paragraph (``¶42``), a table cell (``table 2, row 5, column 4``) or a PDF line
(``page 3, line 12``). ``position`` then answers in those terms: line = the paragraph (or PDF
line) number, column = the character offset in that paragraph's text, so the JSON contract keys
keep their meaning ("where in the document") and the text reporter prints the place.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .source import Source


@dataclass(frozen=True, slots=True)
class Piece:
    """Rendered characters from ``start`` (offset in the rendered line) come from ``unit`` at ``offset``."""

    start: int
    unit: int  # 1-based paragraph (or PDF line) number
    offset: int  # 0-based character offset in that unit's text


@dataclass(slots=True)
class Unit:
    """A place in the original document: a paragraph, a table cell's paragraph, a PDF line."""

    number: int  # ¶ number as Word counts paragraphs (PDF: running line number)
    text: str  # its text as a person sees it (Word: with the automatic number in front)
    where: str  # "¶42", "table 2, row 5, column 4", "page 3, line 12"


@dataclass
class LaidOut:
    """What an adapter produces: the rendered text, its per-line pieces, the units, notes."""

    lines: list[str] = field(default_factory=list)
    pieces: list[list[Piece]] = field(default_factory=list)  # one list per rendered line
    units: dict[int, Unit] = field(default_factory=dict)
    notes: list[Any] = field(default_factory=list)  # e.g. "3 tracked changes accepted" (planlint.i18n values)
    numbering: dict[int, dict[str, object]] = field(default_factory=dict)  # rendered line -> automatic number

    def add(self, line: str, pieces: list[Piece]) -> int:
        self.lines.append(line)
        self.pieces.append(pieces)
        return len(self.lines) - 1


class LaidOutSource(Source):
    """A ``Source`` whose positions are places in a Word or PDF document, not lines of a text file."""

    kind: str = "document"

    def __init__(self, path: str, layout: LaidOut, kind: str) -> None:
        self.layout = layout
        self.kind = kind
        super().__init__(path, "\n".join(layout.lines))

    @property
    def notes(self) -> list[Any]:
        return self.layout.notes

    def _locate(self, offset: int) -> tuple[Unit | None, int]:
        _key, unit, off = self.locate(offset)
        return unit, off

    def locate(self, offset: int) -> tuple[int, Unit | None, int]:
        """(unit key, unit, character offset in the unit's text) of a normalised offset."""
        raw = self.raw_offset(offset)
        line = bisect_right(self._raw_line_starts, raw) - 1
        col = raw - self._raw_line_starts[line]
        pieces = self.layout.pieces[line] if 0 <= line < len(self.layout.pieces) else []
        if not pieces:
            # a line of layout only (a table's |---| row, a blank line): the nearest unit before it
            for back in range(line - 1, -1, -1):
                if self.layout.pieces[back]:
                    last = self.layout.pieces[back][-1]
                    unit = self.layout.units.get(last.unit)
                    return last.unit, unit, len(unit.text) if unit else 0
            return 0, None, 0
        k = max(0, bisect_right([p.start for p in pieces], col) - 1)
        piece = pieces[k]
        unit = self.layout.units.get(piece.unit)
        off = piece.offset + max(0, col - piece.start)
        if unit is not None:
            off = min(off, len(unit.text))
        return piece.unit, unit, off

    def position(self, offset: int) -> tuple[int, int]:
        unit, off = self._locate(offset)
        return (unit.number if unit else 1), off + 1

    def end_position(self, end: int) -> tuple[int, int]:
        if end <= 0:
            return 1, 1
        line, col = self.position(end - 1)
        return line, col + 1

    def original_line(self, lineno: int) -> str:
        unit = self.layout.units.get(lineno)
        return unit.text if unit else ""

    def where(self, offset: int) -> str | None:
        unit, _ = self._locate(offset)
        return unit.where if unit else None
