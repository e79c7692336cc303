"""Reading a draft: bytes to text, normalised for matching, positions kept in the original.

Everything after this module works on ``Source.text``: NFC, ``\\n`` line ends, no BOM. Every
offset into it maps back to a line and column of the file as the user has it (1-based, columns
counted in characters of the original line), so a finding in an NFD or CRLF file still points at
the right place.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

_LINE_END = re.compile(r"\r\n?|\n")


class InputError(Exception):
    """The input cannot be read as a text document (exit code 2)."""


_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(data: bytes, name: str = "<input>") -> str:
    """UTF-8 with or without BOM, or UTF-16 with its BOM (Word's "Unicode" text); a binary file,
    UTF-16 without BOM or any other encoding is an ``InputError`` naming what was found."""
    if data.startswith(b"\x00\x00\xfe\xff") or data.startswith(b"\xff\xfe\x00\x00"):
        raise InputError(f"{name}: UTF-32 text, not supported; save the draft as UTF-8")
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: broken {codec.upper()} text (byte {exc.start + len(bom)}); "
                                 "save the draft as UTF-8") from None
            if "\x00" in text:
                raise InputError(f"{name}: binary file (contains NUL characters), not a text plan")
            return text
    if b"\x00" in data:
        head = data[:4096]
        even, odd = head[0::2].count(0), head[1::2].count(0)
        half = len(head) // 2
        if half >= 8 and ((odd > half * 0.4 and even < half * 0.05) or (even > half * 0.4 and odd < half * 0.05)):
            raise InputError(f"{name}: looks like UTF-16 text without a byte order mark; save the draft as UTF-8")
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text plan")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte {exc.start}); save the draft as UTF-8"
        ) from None


def _normalise(raw: str) -> tuple[str, list[int] | None]:
    """NFC text without BOM or CR, and the original offset of each character.

    ``None`` as map means identity (the common case: already NFC, LF, no BOM).
    """
    if "\r" not in raw and not raw.startswith("\ufeff") and unicodedata.is_normalized("NFC", raw):
        return raw, None
    out: list[str] = []
    omap: list[int] = []
    i, n = 0, len(raw)
    if raw.startswith("\ufeff"):
        i = 1
    combining = unicodedata.combining
    while i < n:
        ch = raw[i]
        if ch == "\r":
            # CRLF or a lone CR (old Mac files): one line end, placed at the CR (the end of the
            # line as the user sees it, never a column past it)
            out.append("\n")
            omap.append(i)
            i += 2 if i + 1 < n and raw[i + 1] == "\n" else 1
            continue
        j = i + 1
        while j < n and combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        norm = unicodedata.normalize("NFC", cluster) if j - i > 1 or ord(ch) > 0x2FF else cluster
        out.append(norm)
        omap.extend([i] * len(norm))
        i = j
    omap.append(n)
    return "".join(out), omap


@dataclass
class Source:
    """A document: where it came from, its original text and its normalised text."""

    path: str
    raw: str
    text: str = field(init=False)
    _map: list[int] | None = field(init=False, repr=False)
    _raw_line_starts: list[int] = field(init=False, repr=False)
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.text, self._map = _normalise(self.raw)
        if "\r" in self.raw:  # CRLF, or lone CRs (old Mac files): each is one line end
            starts = [0] + [m.end() for m in _LINE_END.finditer(self.raw)]
        else:
            starts = [0]
            find = self.raw.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
        self._raw_line_starts = starts
        nstarts = [0]
        i = self.text.find("\n")
        while i != -1:
            nstarts.append(i + 1)
            i = self.text.find("\n", i + 1)
        self._line_starts = nstarts

    @classmethod
    def from_bytes(cls, data: bytes, path: str = "<input>") -> Source:
        return cls(path, decode(data, path))

    # -- positions -------------------------------------------------------------------------
    def raw_offset(self, offset: int) -> int:
        """Offset in the original text of normalised offset ``offset``."""
        if self._map is None:
            return min(offset, len(self.raw))
        offset = max(0, min(offset, len(self._map) - 1))
        return self._map[offset]

    def text_offset(self, raw: int) -> int:
        """Normalised offset of the character that starts at (or covers) original offset ``raw``."""
        if self._map is None:
            return min(raw, len(self.text))
        return max(0, bisect_right(self._map, raw) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of a normalised offset."""
        raw = self.raw_offset(offset)
        line = bisect_right(self._raw_line_starts, raw)
        col = raw - self._raw_line_starts[line - 1] + 1
        if line == 1 and self.raw.startswith("\ufeff"):
            col = max(1, col - 1)
        return line, col

    def end_position(self, end: int) -> tuple[int, int]:
        """Position just after the character before ``end`` (exclusive end of a span)."""
        if end <= 0:
            return 1, 1
        line, col = self.position(end - 1)
        if self._map is None or self.text[end - 1 : end] == "\n":
            return line, col + 1
        # a letter composed from several characters of the file (NFD "Ủ" is U + horn + hook):
        # the span ends after all of them
        return line, col + max(1, self.raw_offset(end) - self.raw_offset(end - 1))

    def where(self, offset: int) -> str | None:
        """A place a person can find, for documents that are not text files (``¶42``); None here."""
        return None

    # -- lines ------------------------------------------------------------------------------
    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_bounds(self, index: int) -> tuple[int, int]:
        """Normalised [start, end) of line ``index`` (0-based), without its newline."""
        start = self._line_starts[index]
        end = self._line_starts[index + 1] - 1 if index + 1 < len(self._line_starts) else len(self.text)
        return start, end

    def line_index(self, offset: int) -> int:
        """0-based normalised line holding ``offset``."""
        return bisect_right(self._line_starts, offset) - 1

    def original_line(self, lineno: int) -> str:
        """Line ``lineno`` (1-based) of the original file, without its line end or BOM."""
        starts = self._raw_line_starts
        if not 1 <= lineno <= len(starts):
            return ""
        start = starts[lineno - 1]
        line = self.raw[start:starts[lineno]] if lineno < len(starts) else self.raw[start:]
        if lineno < len(starts):  # without its line end: LF, CRLF or a lone CR
            line = line[:-2] if line.endswith("\r\n") else line[:-1]
        if lineno == 1 and line.startswith("\ufeff"):
            line = line[1:]
        return line
