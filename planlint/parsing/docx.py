"""Word (.docx) in: a document laid out as the text planlint reads, with Word's own places.

python-docx opens the package and gives the document, styles and numbering parts; their XML
(python-docx's element tree) is read where python-docx has no API: automatic numbering, tracked
changes and text boxes.

- One rendered line per Word paragraph, in document order; a blank line between paragraphs.
  A paragraph in a "Heading N" style gets N ``#`` marks, a bold lead (``**1.1.** …``) or a wholly
  bold paragraph keeps its ``**`` marks: the structure rules read Word's headings as markdown's.
- Automatic numbering is rendered as Word shows it, from ``numbering.xml``: the paragraph's
  ``numId``/``ilvl`` (or its style's, with style-linked levels), the abstract numbering's level
  text (``%1.%2.``), number format (decimal, upperRoman, lowerLetter, bullet, …), start value,
  ``lvlRestart``, ``isLgl``, and ``startOverride`` of a list instance.
- Tables become markdown pipe tables (first row as the header row; a merged cell's text in its
  first grid column only; nested tables follow their outer table).
- Tracked changes are read as accepted: insertions kept, deletions and moved-from text dropped,
  a paragraph whose mark was deleted joined to the next one.
- Text boxes (where a plan's header often lives) are read as paragraphs of their own, before the
  paragraph that anchors them.

Positions: paragraphs are numbered as Word counts them (every paragraph of the main text,
table cells included, in document order): ``¶42``; a table cell is ``table 2, row 5, column 4``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..i18n import Say, say
from .layout import LaidOut, LaidOutSource, Piece, Unit
from .source import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _val(el: Any, tag: str) -> str | None:
    """``w:val`` of child ``tag`` of ``el`` (None when absent)."""
    if el is None:
        return None
    child = el.find(_w(tag))
    if child is None:
        return None
    return child.get(_w("val"))


# -- numbering ---------------------------------------------------------------------------------

# Glyphs of the Symbol and Wingdings fonts Word uses for bullets, as the bullets planlint knows.
_BULLET_GLYPHS = {"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "\uf0a8": "•",
                  "\uf02d": "-", "\uf0e0": "•", "o": "○", "§": "•", "▪": "•", "■": "•", "➢": "•", "❖": "•",
                  "✓": "•", "●": "•", "◦": "○", "−": "-"}
_KNOWN_BULLETS = set("-–—+*•·○")


def bullet_glyph(text: str) -> str:
    t = text.strip()
    if t in _KNOWN_BULLETS:
        return t
    return _BULLET_GLYPHS.get(t, "•")


def to_roman(n: int) -> str:
    out = []
    for v, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                   (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def format_number(value: int, fmt: str) -> str:
    """A counter in one of Word's number formats (``w:numFmt``)."""
    if fmt in ("upperRoman", "lowerRoman"):
        r = to_roman(value) if value > 0 else "0"
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        if value <= 0:
            return "0"
        # Word repeats the letter past z: a … z, aa … zz
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: show the upper levels as decimal numbers
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


def _level(lvl: Any) -> Level:
    level = Level()
    start = _val(lvl, "start")
    if start is not None and start.lstrip("-").isdigit():
        level.start = int(start)
    level.fmt = _val(lvl, "numFmt") or "decimal"
    text = _val(lvl, "lvlText")
    level.text = text if text is not None else ""
    restart = _val(lvl, "lvlRestart")
    if restart is not None and restart.isdigit():
        level.restart = int(restart)
    legal = lvl.find(_w("isLgl"))
    level.legal = legal is not None and legal.get(_w("val"), "1") not in ("0", "false", "off")
    level.style = _val(lvl, "pStyle")
    return level


@dataclass(slots=True)
class Label:
    """The automatic number Word shows in front of a paragraph."""

    text: str  # "II.", "1.2.", "a)", "•"
    fmt: str  # the level's number format
    list_key: str  # which counter set it belongs to
    level: int  # 0-based ilvl
    value: int


@dataclass
class Numbering:
    """``numbering.xml`` read into levels per abstract numbering and list instances (``w:num``)."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstract id -> numbering style id

    @classmethod
    def read(cls, element: Any, style_num: dict[str, tuple[str | None, int | None]]) -> Numbering:
        n = cls()
        if element is None:
            return n
        for ab in element.findall(_w("abstractNum")):
            aid = ab.get(_w("abstractNumId"), "")
            n.abstracts[aid] = {int(lvl.get(_w("ilvl"), "0")): _level(lvl) for lvl in ab.findall(_w("lvl"))}
            link = _val(ab, "numStyleLink")
            if link:
                n.style_links[aid] = link
        for num in element.findall(_w("num")):
            nid = num.get(_w("numId"), "")
            aid = _val(num, "abstractNumId") or ""
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for ov in num.findall(_w("lvlOverride")):
                ilvl = int(ov.get(_w("ilvl"), "0"))
                so = _val(ov, "startOverride")
                if so is not None and so.lstrip("-").isdigit():
                    starts[ilvl] = int(so)
                lvl = ov.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            n.nums[nid] = (aid, starts, levels)
        # an abstract numbering that only points at a numbering style takes that style's list
        for aid, style_id in n.style_links.items():
            target = style_num.get(style_id, (None, None))[0]
            if target and target in n.nums:
                n.abstracts[aid] = n.abstracts.get(n.nums[target][0], {}) or n.abstracts.get(aid, {})
        return n

    def levels(self, num_id: str) -> dict[int, Level]:
        aid, _starts, overrides = self.nums.get(num_id, ("", {}, {}))
        levels = dict(self.abstracts.get(aid, {}))
        levels.update(overrides)
        return levels

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        for ilvl, lvl in self.levels(num_id).items():
            if lvl.style == style_id:
                return ilvl
        return None

    def next_label(self, num_id: str, ilvl: int) -> Label | None:
        """Advance list ``num_id`` at level ``ilvl`` and return the label Word shows."""
        if num_id not in self.nums:
            return None
        aid, starts, overrides = self.nums[num_id]
        levels = self.levels(num_id)
        if ilvl not in levels:
            return None
        # a list instance with overrides counts on its own; others share their abstract's counters
        key = f"num:{num_id}" if (starts or overrides) else f"abstract:{aid}"
        counters = self.counters.setdefault(key, [None] * 9)

        def start_of(k: int) -> int:
            if k in starts:
                return starts[k]
            return levels[k].start if k in levels else 1

        current = counters[ilvl]
        counters[ilvl] = start_of(ilvl) if current is None else current + 1
        for k in range(ilvl + 1, 9):
            lvl = levels.get(k)
            restart = lvl.restart if lvl is not None else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                counters[k] = None
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            text = bullet_glyph(lvl.text)
        else:
            def sub(m: re.Match[str]) -> str:
                k = int(m.group(1)) - 1
                value = counters[k] if k < len(counters) and counters[k] is not None else start_of(k)
                assert value is not None
                fmt = levels[k].fmt if k in levels else "decimal"
                if lvl.legal and k < ilvl:
                    fmt = "decimal"
                return format_number(value, fmt)

            text = re.sub(r"%([1-9])", sub, lvl.text)
        value = counters[ilvl] or 0
        return Label(text, lvl.fmt, key, ilvl, value)


# -- paragraphs ----------------------------------------------------------------------------------


@dataclass
class Styles:
    names: dict[str, str] = field(default_factory=dict)  # style id -> name
    based_on: dict[str, str] = field(default_factory=dict)
    num: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)  # style id -> (numId, ilvl)
    bold: dict[str, bool] = field(default_factory=dict)
    default_para: str | None = None

    @classmethod
    def read(cls, element: Any) -> Styles:
        s = cls()
        if element is None:
            return s
        for st in element.findall(_w("style")):
            sid = st.get(_w("styleId"), "")
            s.names[sid] = _val(st, "name") or sid
            based = _val(st, "basedOn")
            if based:
                s.based_on[sid] = based
            ppr = st.find(_w("pPr"))
            numpr = ppr.find(_w("numPr")) if ppr is not None else None
            if numpr is not None:
                ilvl = _val(numpr, "ilvl")
                s.num[sid] = (_val(numpr, "numId"), int(ilvl) if ilvl and ilvl.isdigit() else None)
            if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
                s.default_para = sid
        return s

    def chain(self, sid: str | None) -> list[str]:
        out: list[str] = []
        while sid and sid not in out and len(out) < 20:
            out.append(sid)
            sid = self.based_on.get(sid)
        return out

    def heading_level(self, sid: str | None) -> int:
        for s in self.chain(sid)[:1]:
            m = re.fullmatch(r"heading\s*([1-6])", self.names.get(s, s), re.IGNORECASE)
            if m:
                return int(m.group(1))
        return 0

    def numbering(self, sid: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that carries it) inherited through ``basedOn``."""
        for s in self.chain(sid):
            if s in self.num:
                nid, ilvl = self.num[s]
                return nid, ilvl, s
        return None, None, None


_SKIP = {_w("del"), _w("moveFrom"), _w("pPr"), _w("rPr"), _w("instrText"), _w("delText"), _w("delInstrText"),
         _w("commentReference"), _w("footnoteReference"), _w("endnoteReference")}
_TEXTBOX = _w("txbxContent")
_FALLBACK = f"{{{MC_NS}}}Fallback"


@dataclass
class ParaText:
    text: str = ""
    bold: list[bool] = field(default_factory=list)  # per character: bold run
    boxes: list[Any] = field(default_factory=list)  # w:txbxContent elements anchored here
    runs: list[tuple[Any, int, int]] = field(default_factory=list)  # (w:r, start, end) in ``text``


def _run_bold(r: Any) -> bool:
    rpr = r.find(_w("rPr"))
    if rpr is None:
        return False
    b = rpr.find(_w("b"))
    return b is not None and b.get(_w("val"), "1") not in ("0", "false", "off")


def paragraph_text(p: Any) -> ParaText:
    """The text of a ``w:p`` with tracked changes accepted; text boxes collected apart."""
    out = ParaText()
    parts: list[str] = []
    bold: list[bool] = []

    def walk(el: Any, in_run_bold: bool) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == _FALLBACK:
                continue
            if tag == _TEXTBOX:
                out.boxes.append(child)
                continue
            if tag == _w("r"):
                at = len(bold)
                walk(child, _run_bold(child))
                out.runs.append((child, at, len(bold)))
            elif tag == _w("t"):
                t = child.text or ""
                parts.append(t)
                bold.extend([in_run_bold] * len(t))
            elif tag in (_w("tab"), _w("ptab")):
                parts.append("\t")
                bold.append(in_run_bold)
            elif tag in (_w("br"), _w("cr")):
                parts.append(" ")
                bold.append(in_run_bold)
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
                bold.append(in_run_bold)
            elif tag == _w("p"):
                continue  # a paragraph nested in a run: only inside text boxes, handled above
            else:
                walk(child, in_run_bold)

    walk(p, False)
    out.text = "".join(parts)
    out.bold = bold
    return out


def _mark_deleted(p: Any) -> bool:
    ppr = p.find(_w("pPr"))
    rpr = ppr.find(_w("rPr")) if ppr is not None else None
    return rpr is not None and rpr.find(_w("del")) is not None


# -- the document ---------------------------------------------------------------------------------


class _Renderer:
    def __init__(self, numbering: Numbering, styles: Styles) -> None:
        self.numbering = numbering
        self.styles = styles
        self.out = LaidOut()
        self.para_no = 0
        self.table_no = 0
        self.carry: tuple[str, list[bool], int] | None = None  # text of a paragraph whose mark was deleted
        self.handles: dict[int, tuple[Any, int]] = {}  # unit key -> (w:p, characters of Word's number before its text)

    # numbering of a paragraph: its own numPr, else its style's
    def label(self, p: Any) -> Label | None:
        ppr = p.find(_w("pPr"))
        sid = _val(ppr, "pStyle") if ppr is not None else None
        sid = sid or self.styles.default_para
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        nid: str | None = None
        ilvl: int | None = None
        if numpr is not None:
            nid = _val(numpr, "numId")
            lv = _val(numpr, "ilvl")
            ilvl = int(lv) if lv and lv.isdigit() else None
        style_carrier = None
        if nid is None:
            nid, style_ilvl, style_carrier = self.styles.numbering(sid)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not nid or nid == "0":
            return None
        if ilvl is None:
            found = self.numbering.level_for_style(nid, style_carrier or sid or "")
            ilvl = found if found is not None else 0
        return self.numbering.next_label(nid, ilvl)

    def paragraph(self, p: Any, where: str | None = None) -> None:
        self.para_no += 1
        number = self.para_no
        pt = paragraph_text(p)
        for box in pt.boxes:
            for bp in box.iter(_w("p")):
                self.box_paragraph(bp, number)
        text, bold = pt.text, pt.bold
        if self.carry is not None:
            ctext, cbold, cnum = self.carry
            text, bold, number = ctext + text, cbold + bold, cnum
            self.carry = None
        if _mark_deleted(p):
            self.carry = (text, bold, number)
            return
        ppr = p.find(_w("pPr"))
        sid = _val(ppr, "pStyle") if ppr is not None else None
        level = self.styles.heading_level(sid)
        label = self.label(p)
        self.emit(number, text, bold, label, level, where or f"¶{number}")
        if number == self.para_no:
            self.handles[number] = (p, len(self.out.units[number].text) - len(text))

    def box_paragraph(self, p: Any, anchor: int) -> None:
        pt = paragraph_text(p)
        if not pt.text.strip():
            return
        # a text box is its own story: its lines point at the paragraph that anchors it
        unit_no = -len(self.out.units) - 1
        self.out.units[unit_no] = Unit(anchor, pt.text, f"text box at ¶{anchor}")
        self.handles[unit_no] = (p, 0)
        self.out.add(pt.text, [Piece(0, unit_no, 0)])
        self.out.add("", [])

    def emit(self, number: int, text: str, bold: list[bool], label: Label | None, heading: int, where: str) -> None:
        visible = (label.text + " " if label and label.text else "") + text
        self.out.units[number] = Unit(number, visible, where)
        lead = len(visible) - len(text)
        bold = [False] * lead + bold
        if label is not None and bold and all(bold[lead:]) and text.strip():
            bold[:lead] = [True] * lead
        prefix = "#" * heading + " " if heading else ""
        # bold lead or a wholly bold paragraph keeps markdown's ** marks
        nb = 0
        while nb < len(visible) and bold[nb]:
            nb += 1
        line_start = len(prefix)
        if nb and visible[:nb].strip():
            core = visible[:nb]
            stripped = core.rstrip()
            pieces = [Piece(line_start + 2, number, 0),
                      Piece(line_start + 2 + len(stripped) + 2, number, len(stripped))]
            line = prefix + "**" + stripped + "**" + core[len(stripped):] + visible[nb:]
        else:
            pieces = [Piece(line_start, number, 0)]
            line = prefix + visible
        idx = self.out.add(line.replace("\t", " "), pieces)
        if label is not None:
            self.out.numbering[idx] = {"label": label.text, "fmt": label.fmt, "list": label.list_key,
                                       "level": label.level, "value": label.value,
                                       "start": len(prefix) + (2 if nb and visible[:nb].strip() else 0)}
        self.out.add("", [])

    def table(self, tbl: Any, name: str) -> None:
        """A table as a markdown pipe table; cells' paragraphs are counted as Word counts them."""
        # per row, per grid column: the cell's paragraphs as (¶ number, text, offset of the text in it)
        rows: list[list[list[tuple[int, str, int]]]] = []
        nested: list[tuple[Any, str]] = []
        for r, tr in enumerate(tbl.findall(_w("tr")), start=1):
            trpr = tr.find(_w("trPr"))
            if trpr is not None and trpr.find(_w("del")) is not None:
                continue
            row: list[list[tuple[int, str, int]]] = []
            gb = _val(trpr, "gridBefore") if trpr is not None else None
            col = int(gb) if gb and gb.isdigit() else 0
            row.extend([] for _ in range(col))
            for tc in tr.findall(_w("tc")):
                tcpr = tc.find(_w("tcPr"))
                span = _val(tcpr, "gridSpan") if tcpr is not None else None
                width = int(span) if span and span.isdigit() else 1
                vm = tcpr.find(_w("vMerge")) if tcpr is not None else None
                continued = vm is not None and (vm.get(_w("val")) or "continue") == "continue"
                where = f"{name}, row {r}, column {col + 1}"
                cell: list[tuple[int, str, int]] = []
                for child in tc:
                    if child.tag == _w("p"):
                        self.para_no += 1
                        pt = paragraph_text(child)
                        label = self.label(child)
                        t = ((label.text + " ") if label and label.text else "") + pt.text
                        self.out.units[self.para_no] = Unit(self.para_no, t, where)
                        self.handles[self.para_no] = (child, len(t) - len(pt.text))
                        stripped = t.strip().replace("\t", " ")
                        if stripped and not continued:
                            cell.append((self.para_no, stripped, len(t) - len(t.lstrip())))
                    elif child.tag == _w("tbl"):
                        nested.append((child, f"{name}.{len(nested) + 1}"))
                row.append(cell)
                row.extend([] for _ in range(width - 1))
                col += width
            rows.append(row)
        if rows:
            ncols = max(len(r) for r in rows)
            for i, row in enumerate(rows):
                row += [[] for _ in range(ncols - len(row))]
                line = "|"
                pieces: list[Piece] = []
                for cell in row:
                    line += " "
                    for k, (unit, text, lead) in enumerate(cell):
                        if k:
                            line += " "
                        pieces.append(Piece(len(line), unit, lead))
                        line += text.replace("|", "\\|")
                    line += " |"
                self.out.add(line, pieces)
                if i == 0:
                    self.out.add("|" + "---|" * ncols, [])
            self.out.add("", [])
        for child, nname in nested:
            self.table(child, nname)

    def body(self, body: Any) -> None:
        for child in body:
            tag = child.tag
            if tag == _w("p"):
                self.paragraph(child)
            elif tag == _w("tbl"):
                self.table_no += 1
                self.table(child, f"table {self.table_no}")
            elif tag in (_w("sdt"), _w("customXml"), _w("ins"), _w("moveTo")):
                content = child.find(_w("sdtContent")) if tag == _w("sdt") else child
                if content is not None:
                    self.body(content)
        if self.carry is not None:  # the last paragraph's mark deleted: keep its text
            ctext, cbold, cnum = self.carry
            self.carry = None
            self.emit(cnum, ctext, cbold, None, 0, f"¶{cnum}")


def _tracked_note(body: Any) -> Say | None:
    ins = sum(1 for _ in body.iter(_w("ins"))) + sum(1 for _ in body.iter(_w("moveTo")))
    dels = sum(1 for _ in body.iter(_w("del"))) + sum(1 for _ in body.iter(_w("moveFrom")))
    if not ins and not dels:
        return None
    return say("report.tracked", ins=ins, ins_s="s" if ins != 1 else "", dels=dels, dels_s="s" if dels != 1 else "")


def check_package(data: bytes, name: str) -> None:
    """One clear line for what is not a readable .docx (exit 2)."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # an OLE2 container: a legacy Word 97 file, or a password-protected (encrypted) .docx
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
            raise InputError(f"{name}: password-protected Word file; remove the password (File > Info > "
                             "Protect Document) and save again")
        raise InputError(f"{name}: legacy Word 97-2003 file (.doc); open it in Word and save as .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a readable .docx (damaged or truncated file: not a valid zip package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            word_part = any(n.startswith("word/") and n.endswith(".xml") for n in names)
            if "[Content_Types].xml" not in names or not word_part:
                raise InputError(f"{name}: not a Word document (.docx package without its document part)")
            bad = z.testzip()
            if bad is not None:
                raise InputError(f"{name}: damaged .docx (corrupt part {bad})")
    except zipfile.BadZipFile as exc:
        raise InputError(f"{name}: damaged .docx ({exc})") from None


def read_docx(data: bytes, name: str) -> LaidOutSource:
    """A .docx file's bytes as a ``Source`` laid out for planlint."""
    return open_docx(data, name)[0]


def open_docx(data: bytes, name: str) -> tuple[LaidOutSource, Any, dict[int, tuple[Any, int]]]:
    """The ``Source``, the python-docx ``Document`` it was read from, and each unit's ``w:p``
    with the length of Word's number in front of its text (``planlint annotate`` anchors there)."""
    check_package(data, name)
    try:
        import docx  # python-docx: imported only when a Word file is read
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError(f"{name}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a broken package
        raise InputError(f"{name}: not a readable Word document ({type(exc).__name__}: {str(exc)[:120]})") from None
    try:
        styles_el = document.styles.element
    except Exception:  # pragma: no cover - python-docx supplies default styles
        styles_el = None
    styles = Styles.read(styles_el)
    try:
        numbering_el = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_el = None
    renderer = _Renderer(Numbering.read(numbering_el, styles.num), styles)
    body = document.element.body
    renderer.body(body)
    note = _tracked_note(body)
    if note:
        renderer.out.notes.append(note)
    return LaidOutSource(name, renderer.out, "docx"), document, renderer.handles
