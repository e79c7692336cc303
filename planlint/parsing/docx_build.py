"""Build a .docx from a text plan with python-docx, as a drafter would have it in Word.

Used by the tests (a text plan and its Word twin must give the same findings) and by the Word
rules' documentation: their Bad/Good examples are Word documents written as text, where a
number in square brackets at the start of a line (``[1.]``, ``[a)]``, ``[II.]``, ``[-]``) is
Word's automatic number and everything else is typed (``build_docx(text, auto="brackets")``).

In the default mode (``auto="typed"``) each non-blank line becomes a paragraph; ``#`` headings become
"Heading N" paragraphs; ``**bold**`` becomes bold runs; markdown pipe tables become Word tables (the
first row a repeated header row); typed numbers become Word's automatic numbering (``numbering.xml``:
one abstract numbering per marker style, ``startOverride`` where the typed sequence does not simply go
on), so the S rules see in the .docx the numbers the text shows. Points stay typed when the plan uses a
letter Word's lowerLetter cannot produce (đ) and decimals (1.1.) stay typed, as drafters usually have
them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from .lines import BULLETS, POINT_ALPHABET, match_marker, roman_value

_HEADING = re.compile(r"(#{1,6})[ \t]+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")

FORMATS = {"roman": "upperRoman", "arabic": "decimal", "paren": "decimal", "point": "lowerLetter"}


@dataclass
class _Lists:
    """Numbering definitions being built: one abstract numbering per (kind, delimiter)."""

    abstract: dict[tuple[str, str], int] = field(default_factory=dict)
    current: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # key -> (numId, last value)
    nums: list[tuple[int, int, int | None]] = field(default_factory=list)  # (numId, abstractId, startOverride)
    defs: list[tuple[int, str, str]] = field(default_factory=list)  # (abstractId, numFmt, lvlText)

    def num_for(self, kind: str, delim: str, value: int, glyph: str = "") -> int:
        key = (kind, glyph if kind == "bullet" else delim)
        if key not in self.abstract:
            aid = len(self.abstract) + 1
            self.abstract[key] = aid
            if kind == "bullet":
                # Word's default bullet is the Symbol font's U+F0B7; keep "-" and "+" as typed glyphs
                text = "\uf0b7" if glyph == "•" else glyph
                self.defs.append((aid, "bullet", text))
            else:
                text = (delim + " (%1)" if delim else "(%1)") if kind == "paren" else "%1" + delim
                self.defs.append((aid, FORMATS[kind], text))
        aid = self.abstract[key]
        cur = self.current.get(key)
        if kind == "bullet":
            if cur is None:
                nid = len(self.nums) + 1
                self.nums.append((nid, aid, None))
                self.current[key] = (nid, 0)
            return self.current[key][0]
        if cur is not None and value == cur[1] + 1:
            self.current[key] = (cur[0], value)
            return cur[0]
        nid = len(self.nums) + 1
        self.nums.append((nid, aid, None if (cur is None and value == 1) else value))
        self.current[key] = (nid, value)
        return nid

    def write(self, document: Any) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        numbering = document.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        for aid, fmt, text in self.defs:
            ab = OxmlElement("w:abstractNum")
            ab.set(qn("w:abstractNumId"), str(aid))
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), "0")
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                lvl.append(el)
            if fmt == "bullet" and text.startswith("\uf0b7"):
                rpr = OxmlElement("w:rPr")
                fonts = OxmlElement("w:rFonts")
                fonts.set(qn("w:ascii"), "Symbol")
                fonts.set(qn("w:hAnsi"), "Symbol")
                rpr.append(fonts)
                lvl.append(rpr)
            ab.append(lvl)
            numbering.append(ab)
        for nid, aid, start in self.nums:
            num = OxmlElement("w:num")
            num.set(qn("w:numId"), str(nid))
            ref = OxmlElement("w:abstractNumId")
            ref.set(qn("w:val"), str(aid))
            num.append(ref)
            if start is not None:
                ov = OxmlElement("w:lvlOverride")
                ov.set(qn("w:ilvl"), "0")
                so = OxmlElement("w:startOverride")
                so.set(qn("w:val"), str(start))
                ov.append(so)
                num.append(ov)
            numbering.append(num)


def set_num(paragraph: Any, num_id: int, ilvl: int = 0) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    lv = OxmlElement("w:ilvl")
    lv.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(lv)
    numpr.append(nid)
    ppr.append(numpr)


def add_runs(paragraph: Any, text: str) -> None:
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        paragraph.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


_BRACKET = re.compile(r"\[([^\]\s]{1,8})\][ \t]*")


def _marker_of(content: str, auto: str = "typed") -> tuple[str, str, str, int, str, str] | None:
    """(kind, delim, glyph, value, text before the marker, text after it) of a line's marker."""
    lead = ""
    body = content
    if body.startswith("**"):
        lead, body = "**", body[2:]
    if auto == "brackets":
        bm = _BRACKET.match(body)
        if bm is None:
            return None
        body = bm.group(1) + " " + body[bm.end():]
    mm = match_marker(body)
    if mm is None:
        return None
    kind, m = mm
    num = m.group("num")
    delim = m.groupdict().get("delim") or ""
    rest = body[m.end():].lstrip(" \t")
    if kind == "bullet":
        inner = match_marker(rest) if auto == "typed" else None
        if inner is not None and inner[0] == "paren":
            # "- (1) …": an indicator inside a bullet; Word's level text "- (%1)" shows the same
            return "paren", num, "", int(inner[1].group("num")), lead, rest[inner[1].end():].lstrip(" \t")
        return kind, "", BULLETS[num] if BULLETS[num] != "-" else num, 0, lead, rest
    if kind == "roman":
        value, ok = roman_value(num)
        if not ok or delim != ".":
            return None
    elif kind in ("arabic", "paren"):
        value = int(num)
        if kind == "arabic" and delim not in (".", ")"):
            return None
    elif kind == "point":
        if auto == "brackets" and "a" <= num <= "z":
            value = ord(num) - ord("a") + 1  # Word's lowerLetter: a b c d e …
        elif num in POINT_ALPHABET[:4]:
            value = POINT_ALPHABET.index(num) + 1
        else:
            return None
    else:
        return None  # decimals (1.1.) and parts (Phần I) stay typed
    if lead and rest.startswith("**"):
        lead, rest = "", rest[2:]  # "**1.**" bold marker only: the rest is not bold
    return kind, delim, "", value, lead, rest


def _word_table(document: Any, rows: list[list[str]]) -> None:
    """A Word table (grid style, first row repeated as header row) holding these cell texts."""
    from docx.oxml import OxmlElement

    ncols = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    for ri, cells in enumerate(rows):
        for ci, cell in enumerate(cells):
            add_runs(table.cell(ri, ci).paragraphs[0], cell)
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def build_docx(text: str, auto: str = "typed") -> bytes:
    """A .docx with the plan's paragraphs, Word headings, numbering and tables.

    ``auto="typed"``: typed numbers become Word's automatic numbering; ``auto="brackets"``: only
    ``[1.]``-style numbers do, the rest stays typed.
    """
    from docx import Document  # python-docx, imported only when a document is built
    document = Document()
    lists = _Lists()
    lines = text.split("\n")
    # points use Word's lowerLetter only when the plan never needs a letter past d
    markers = [_marker_of(_HEADING.sub("", ln.strip(), count=1), auto) for ln in lines]
    typed_points = auto == "typed" and any(
        (mm := match_marker(_HEADING.sub("", ln.strip(), count=1).lstrip("*"))) and mm[0] == "point"
        and mm[1].group("num") not in POINT_ALPHABET[:4] for ln in lines)
    # space-aligned text tables (as planlint's table reader finds them) become Word tables too
    from .source import Source
    from .tables import find_tables

    aligned = {t.first_line: t for t in find_tables(Source("<build>", text)) if t.kind == "aligned"}
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if i in aligned:
            t = aligned[i]
            _word_table(document, [[c.text for c in row.cells] for row in t.rows])
            i = t.last_line + 1
            continue
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            rows: list[list[str]] = []
            while i < len(lines) and lines[i].strip().startswith("|") and lines[i].strip().endswith("|"):
                row = lines[i].strip()
                if not _TABLE_RULE.match(row):
                    rows.append([c.strip() for c in re.split(r"(?<!\\)\|", row[1:-1])])
                i += 1
            _word_table(document, [[c.replace("\\|", "|") for c in r] for r in rows])
            continue
        level = 0
        hm = _HEADING.match(line)
        content = line
        if hm:
            level = len(hm.group(1))
            content = line[hm.end():]
        p = document.add_paragraph(style=f"Heading {level}" if level else None)
        mk = markers[i]
        if mk is not None and not (mk[0] == "point" and typed_points):
            kind, delim, glyph, value, lead, rest = mk
            set_num(p, lists.num_for(kind, delim, value, glyph))
            content = lead + rest
        add_runs(p, content)
        i += 1
    lists.write(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
