"""Tables: markdown pipe tables and space- or tab-aligned text tables, read into one model.

A draft's indicator table ("Biểu chỉ tiêu") arrives in two shapes:

- a markdown pipe table (``| STT | Chỉ tiêu | ĐVT | Năm 2024 | KH 2025 |``), with or without the
  ``|---|`` rule row; Word tables are rendered this way too, so merged cells arrive as blank or
  repeated cells, and cells may hold ``**bold**`` markers and ``<br>`` line breaks;
- a text table as a Word or PDF export lays it out: cells separated by gaps of two or more spaces
  or by tabs, the same columns on every row. A block is read as a table only when at least three
  lines split into the same number (three or more) of cells whose columns line up, so a prose
  line with a wide gap, or a flattened two-column header, is never a table;
- a table pasted from Word or Excel as text: one tab between two cells, whatever their widths, so
  the columns are counted rather than seen (two adjacent tabs: a blank cell). Read so only when
  every row that prints a figure has the same number of cells; tabs that merely line columns up
  (one or two between cells) are read by alignment as above;
- a table a web copy flattened, one row a line with its cells split by single spaces
  (``Nông, lâm nghiệp và thuỷ sản % 28.27 31.56 29.80``) under a header of periods: the figures
  fill the period columns from the left; a row whose figures cannot be placed (one cell fewer than
  the others) keeps its label only;
- a table a web copy laid out one cell a line (a statistical yearbook page): the header of periods,
  the row labels one a line, the unit, then each period's figures one a line in label order.

This module finds the tables and their cells (text and source span of each); what the rows and
columns mean (labels, units, periods, ratios, totals) is read in ``planlint/facts/tables.py``.
The line classifier gives every table line the ``TROW`` token, so prose never swallows a row.
The document header laid out as a table (``| Số: 64/KH-UBND | Độc lập … |``) is not a table:
the classifier reads it cell by cell, as before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..phrases import E, alt, words
from .source import Source
from .tree import Section, Span

_RULE_CELL = re.compile(r"\s*:?-{2,}:?\s*")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPH = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_GAP = re.compile(r"\t+| {2,}")
_NUMERIC_CELL = re.compile(r"[-+]?\s?\d[\d.,]*\s?%?")


@functools.cache
def _header_cell() -> re.Pattern[str]:
    """A cell of the document's header laid out as a table: the number line (``Số:``), the place
    and date (``…, ngày``), the national motto or the issuer's name (``rules/header.toml``)."""
    return re.compile(r"^\s*(\*\*)?\s*(" + alt(words("header", "header", "number")) + r"\s*:|[^|,]{2,60},\s*"
                      + alt(words("dates", "date", "day")) + E + "|" + alt(words("header", "header", "motto"))
                      + "|" + alt(words("header", "header", "issuer_cell")) + ")", re.IGNORECASE)


@functools.cache
def _closing_cell() -> re.Pattern[str]:
    """A cell of the closing laid out as a table: the recipients' heading, a signing mark
    (``TM.``), the chair's title (``rules/header.toml`` [closing])."""
    return re.compile(r"^\s*(" + alt(words("header", "closing", "recipients")) + "|"
                      + alt(words("header", "closing", "sign_for")) + r"\s*\.\s*\S|"
                      + alt(words("header", "closing", "chair")) + E + ")", re.IGNORECASE)


@dataclass(slots=True)
class Cell:
    text: str  # cleaned: emphasis markers dropped, <br> as a space, stripped
    span: Span  # source span of the printed text (an empty cell: an empty span where it stands)
    col: int
    point: bool = False  # its table writes decimals with a point ("15.40"), as proved by its cells


@dataclass(slots=True)
class Row:
    lines: list[int]  # 0-based source lines (a text table's wrapped label takes several)
    cells: list[Cell]  # one per column
    span: Span

    @property
    def line(self) -> int:
        return self.lines[0]

    def text(self, col: int) -> str:
        return self.cells[col].text if 0 <= col < len(self.cells) else ""


@dataclass(slots=True)
class Table:
    kind: str  # "pipe" | "aligned" (gaps of spaces, or tabs that line up) | "tab" (one tab a cell)
    rows: list[Row]  # every row, header rows first (rule rows are not rows)
    ncols: int
    span: Span
    first_line: int
    last_line: int
    rule_row: int = -1  # index in ``rows`` of the first row after a |---| rule row (-1: none)
    caption: str = ""  # a "Biểu …" line or heading just above, when there is one
    section: Section | None = None  # the innermost section it stands in (set by the parser)
    extra: dict[str, str] = field(default_factory=dict)


def is_numeric(text: str) -> bool:
    """A cell that holds one number and nothing else (``1.250``, ``98,5``, ``12,5%``, ``-3``)."""
    return bool(text) and _NUMERIC_CELL.fullmatch(text.strip()) is not None


def _layout(rows: list[Row]) -> bool:
    """A table that lays out the document's header or closing (not a table of figures)."""
    header, closing = _header_cell(), _closing_cell()
    return any(header.match(c.text) or closing.match(c.text) for r in rows for c in r.cells)


# -- pipe tables ----------------------------------------------------------------------------------


def _is_pipe_line(stripped: str) -> bool:
    return stripped.startswith("|") and stripped.count("|") >= 2


def _split_pipe(raw: str, start: int) -> list[tuple[str, int, int]]:
    """``(raw cell, source start, source end)`` of each cell of a pipe row (``\\|`` is text)."""
    i = raw.index("|")
    cells: list[tuple[str, int, int]] = []
    pos = i + 1
    j = pos
    n = len(raw)
    while j < n:
        if raw[j] == "\\" and j + 1 < n:
            j += 2
            continue
        if raw[j] == "|":
            cells.append((raw[pos:j], start + pos, start + j))
            pos = j + 1
        j += 1
    tail = raw[pos:]
    if tail.strip():  # a row without its closing pipe
        cells.append((tail, start + pos, start + n))
    return cells


def clean_cell(raw: str, s: int) -> tuple[str, Span]:
    """Cleaned text of a raw cell and the source span of its printed part."""
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    span = Span(s + lead, s + lead + len(body)) if body else Span(s + lead, s + lead)
    text = _BR.sub(" ", body)
    text = _EMPH.sub("", text).replace("\\|", "|")
    return " ".join(text.split()), span


def _pipe_table(source: Source, lines: list[int]) -> Table | None:
    rows: list[Row] = []
    rule_row = -1
    for idx in lines:
        start, end = source.line_bounds(idx)
        raw = source.text[start:end]
        parts = _split_pipe(raw, start)
        if parts and all(_RULE_CELL.fullmatch(p[0]) or not p[0].strip() for p in parts) and any(
                _RULE_CELL.fullmatch(p[0]) for p in parts):
            if rule_row < 0:
                rule_row = len(rows)
            continue
        cells = []
        for k, (text, s, _e) in enumerate(parts):
            t, span = clean_cell(text, s)
            cells.append(Cell(t, span, k))
        if not cells:
            continue
        rows.append(Row([idx], cells, Span(start, end)))
    if not rows:
        return None
    if _layout(rows):
        return None  # the document header or closing laid out as a table
    ncols = max(len(r.cells) for r in rows)
    if ncols < 2:
        return None
    for r in rows:
        while len(r.cells) < ncols:
            e = r.span.end
            r.cells.append(Cell("", Span(e, e), len(r.cells)))
    return Table("pipe", rows, ncols, Span(rows[0].span.start, rows[-1].span.end), lines[0], lines[-1],
                 rule_row=rule_row)


def header_table_lines(source: Source) -> set[int]:
    """Lines of pipe rows that hold the document header (read cell by cell by the classifier)."""
    out = set()
    header = _header_cell()
    for idx in range(source.line_count):
        start, end = source.line_bounds(idx)
        stripped = source.text[start:end].strip()
        if _is_pipe_line(stripped) and any(header.match(p[0]) for p in _split_pipe(stripped, 0)):
            out.add(idx)
    return out


# -- aligned text tables --------------------------------------------------------------------------


def _expand(raw: str) -> tuple[str, list[int]]:
    """Tabs expanded to 8 columns, with the display column of every character."""
    cols = []
    out: list[str] = []
    c = 0
    for ch in raw:
        cols.append(c)
        if ch == "\t":
            w = 8 - c % 8
            out.append(" " * w)
            c += w
        else:
            out.append(ch)
            c += 1
    return "".join(out), cols


def _aligned_cells(raw: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets in ``raw`` of the gap-separated cells of a line."""
    out: list[tuple[int, int]] = []
    pos = 0
    lead = len(raw) - len(raw.lstrip())
    pos = lead
    for m in _GAP.finditer(raw, lead):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if raw[pos:].strip():
        out.append((pos, len(raw.rstrip())))
    return out


@dataclass(slots=True)
class _ALine:
    idx: int
    start: int  # source offset of the line
    raw: str
    cells: list[tuple[int, int]]  # offsets in raw
    dcols: list[tuple[int, int]]  # display columns of each cell


def _aline(source: Source, idx: int) -> _ALine:
    start, end = source.line_bounds(idx)
    raw = source.text[start:end]
    cells = _aligned_cells(raw)
    _, cols = _expand(raw)
    dcols = [(cols[a], cols[b - 1] + 1) for a, b in cells]
    return _ALine(idx, start, raw, cells, dcols)


def _columns(full: list[_ALine], n: int) -> list[tuple[int, int]] | None:
    """Column intervals (display columns) from the rows that print every cell; ``None`` when the
    cells do not line up (a column overlaps the next one)."""
    cols = []
    for k in range(n):
        a = min(line.dcols[k][0] for line in full)
        b = max(line.dcols[k][1] for line in full)
        cols.append((a, b))
    for k in range(n - 1):
        if cols[k][1] >= cols[k + 1][0] + 1:
            return None
    return cols


def _assign(line: _ALine, cols: list[tuple[int, int]]) -> list[int] | None:
    """The column of each cell of a row that prints fewer cells, by overlap; ``None`` when a
    cell overlaps no column or two cells fall in one column."""
    out: list[int] = []
    for a, b in line.dcols:
        best, best_ov = -1, 0
        for k, (ca, cb) in enumerate(cols):
            ov = min(b, cb) - max(a, ca)
            if ov > best_ov:
                best, best_ov = k, ov
        if best < 0:
            # nearest column whose interval the cell does not overlap: right-aligned numbers
            # that stick out of the rows seen so far
            dist = [(min(abs(a - ca), abs(b - cb)), k) for k, (ca, cb) in enumerate(cols)]
            d, best = min(dist)
            if d > 3:
                return None
        if out and best <= out[-1]:
            return None
        out.append(best)
    return out


def _suffix_fits(line: _ALine, full: list[_ALine], n: int) -> bool:
    """A row of n − 1 cells whose first cell is text and whose others are figures, in a table whose
    last n − 2 columns hold figures on every full row: it fills the last n − 1 columns."""
    k = len(line.cells)
    if k != n - 1 or k < 2:
        return False
    texts = [line.raw[a:b] for a, b in line.cells]
    if is_numeric(texts[0]) or not all(is_numeric(x) for x in texts[1:]):
        return False
    body = full[1:]
    return bool(body) and all(is_numeric(fl.raw[a:b]) or not fl.raw[a:b].strip()
                              for fl in body for a, b in fl.cells[n - k + 1:])


def _aligned_table(source: Source, block: list[_ALine]) -> Table | None:
    counts: dict[int, int] = {}
    for line in block:
        counts[len(line.cells)] = counts.get(len(line.cells), 0) + 1
    n = max((c for c in counts if c >= 3), key=lambda c: (counts[c], c), default=0)
    if n < 3 or counts[n] < 3:
        return None
    full = [line for line in block if len(line.cells) == n]
    numeric_rows = sum(1 for line in full
                       if any(is_numeric(line.raw[a:b]) for a, b in line.cells[1:]))
    if numeric_rows < 2:
        return None
    cols = _columns(full, n)
    if cols is None:
        # a header wider than its column ("Nghị quyết" over a right-aligned "70,0") may reach
        # into the label column: the columns are then those of the rows of figures
        figures = [line for line in full if any(is_numeric(line.raw[a:b]) for a, b in line.cells[1:])]
        cols = _columns(figures, n) if len(figures) >= 2 else None
    if cols is None:
        return None
    rows: list[Row] = []
    for line in block:
        if len(line.cells) > n:
            return None
        assign = list(range(n)) if len(line.cells) == n else _assign(line, cols)
        if assign is None and _suffix_fits(line, full, n):
            # a row whose leading blank cell lost its indentation ("Tổng cộng   1.045,0 …" where the
            # STT column is empty): its cells are the last columns, in order
            assign = list(range(n - len(line.cells), n))
        if assign is None:
            return None
        texts = [(line.raw[a:b], line.start + a) for a, b in line.cells]
        # a wrapped label: one cell, in a text column, starting lower-case, after a row
        if (len(line.cells) == 1 and rows and texts[0][0][:1].islower()
                and not is_numeric(texts[0][0])):
            prev = rows[-1]
            k = assign[0]
            c = prev.cells[k]
            t, span = clean_cell(texts[0][0], texts[0][1])
            prev.cells[k] = Cell((c.text + " " + t).strip(), c.span | span if c.text else span, k)
            prev.lines.append(line.idx)
            prev.span = prev.span | Span(line.start, line.start + len(line.raw))
            continue
        end = line.start + len(line.raw)
        cells = [Cell("", Span(end, end), k) for k in range(n)]
        for (text, s), k in zip(texts, assign, strict=True):
            t, span = clean_cell(text, s)
            cells[k] = Cell(t, span, k)
        rows.append(Row([line.idx], cells, Span(line.start, end)))
    if _layout(rows):
        return None
    return Table("aligned", rows, n, Span(rows[0].span.start, rows[-1].span.end), block[0].idx, block[-1].idx)


def _tab_fields(line: _ALine) -> list[tuple[int, int]]:
    """``(start, end)`` offsets in ``raw`` of the tab-separated fields of a line, an empty field
    for each pair of adjacent tabs (a blank cell), trailing blank fields dropped."""
    raw = line.raw.rstrip(" \r")
    out: list[tuple[int, int]] = []
    pos = 0
    for i, ch in enumerate(raw):
        if ch == "\t":
            out.append((pos, i))
            pos = i + 1
    out.append((pos, len(raw)))
    return out


def _tab_table(source: Source, block: list[_ALine]) -> Table | None:
    """A table pasted from Word or Excel: one row a line, one tab between two cells (so that the
    columns are counted, not seen: the cells need not line up on screen). Read so only when every
    line holds a tab and every row that prints a figure has the same number of fields; a row
    without figures (a section row, a header) may stop early. Otherwise ``None`` (the block is
    then tried as a space-aligned table)."""
    if not all("\t" in line.raw.strip(" \r") for line in block):
        return None
    fields = [_tab_fields(line) for line in block]
    n = max(len(f) for f in fields)
    if n < 3 or sum(1 for f in fields if len(f) >= 3) < 3:
        return None
    numeric = [any(is_numeric(line.raw[a:b].strip()) for a, b in f[1:]) for line, f in zip(block, fields, strict=True)]
    if sum(numeric) < 2 or any(num and len(f) != n for num, f in zip(numeric, fields, strict=True)):
        return None
    rows: list[Row] = []
    for line, f in zip(block, fields, strict=True):
        end = line.start + len(line.raw)
        cells = [Cell("", Span(end, end), k) for k in range(n)]
        for k, (a, b) in enumerate(f):
            t, span = clean_cell(line.raw[a:b], line.start + a)
            cells[k] = Cell(t, span, k)
        rows.append(Row([line.idx], cells, Span(line.start, end)))
    if _layout(rows):
        return None
    return Table("tab", rows, n, Span(rows[0].span.start, rows[-1].span.end), block[0].idx, block[-1].idx)


def _aligned_candidates(source: Source, taken: set[int]) -> list[list[_ALine]]:
    """Runs of lines that each split into two or more gap-separated cells (a single blank
    line inside a run is allowed: exports double-space rows), plus single-cell lines between
    such lines (wrapped labels, section rows)."""
    blocks: list[list[_ALine]] = []
    cur: list[_ALine] = []
    blank = 0
    for idx in range(source.line_count):
        start, end = source.line_bounds(idx)
        raw = source.text[start:end]
        if idx in taken or raw.lstrip().startswith("|"):
            if cur:
                blocks.append(cur)
            cur, blank = [], 0
            continue
        if not raw.strip():
            blank += 1
            if blank > 1 and cur:
                blocks.append(cur)
                cur = []
            continue
        if "  " not in raw.strip() and "\t" not in raw.strip():
            # a one-cell line: kept only inside a run (checked when the run continues)
            if cur and blank == 0 and len(raw.strip()) <= 80:
                cur.append(_aline(source, idx))
                continue
            if cur:
                blocks.append(cur)
            cur, blank = [], 0
            continue
        line = _aline(source, idx)
        if len(line.cells) < 2:
            if cur:
                blocks.append(cur)
            cur, blank = [], 0
            continue
        blank = 0
        cur.append(line)
    if cur:
        blocks.append(cur)
    out: list[list[_ALine]] = []
    for b in blocks:
        while b and len(b[-1].cells) < 2:
            b = b[:-1]  # a trailing one-cell line is prose after the table
        if len(b) >= 3:
            out.append(b)
    return out


# -- tables flattened by web copies -----------------------------------------------------------------

_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_TOKEN = re.compile(r"\S+")


def _tokens(raw: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(raw)]


def _trailing_numbers(raw: str, toks: list[tuple[int, int]]) -> int:
    n = 0
    for a, b in reversed(toks):
        if not is_numeric(raw[a:b]) or raw[a:b] in ("-", "+"):
            break
        n += 1
    return n


@functools.cache
def _column_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Whole-phrase patterns of the label-column, unit-column and period words of rules/tables.toml."""
    from ..data import vocabulary

    voc = vocabulary("tables")
    cols = voc["columns"]
    periods = [w for key in ("plan", "actual", "estimate") for w in voc["periods"][key]]

    def pat(ws: list[str]) -> re.Pattern[str]:
        alts = "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
        return re.compile(r"(?<![^\W_])(?:" + alts + r")(?![^\W_])", re.IGNORECASE)

    return pat(cols["label"]), pat(cols["unit"]), pat(periods)


def _unit_tokens(raw: str, toks: list[tuple[int, int]]) -> int:
    """How many of the last tokens of a row's text are its unit (``hộ``, ``Tỷ đồng``, ``%``): 0–2."""
    from ..scan.units import match_unit

    for n in (2, 1):
        if len(toks) <= n:
            continue
        a, b = toks[-n][0], toks[-1][1]
        text = raw[a:b]
        if n == 1 and text in ("%", "‰"):
            return 1
        m = match_unit(text, 0)
        if m is not None and m[1] == 0 and m[2] == len(text):
            return n
    return 0


def _flat_table(source: Source, head: int, taken: set[int]) -> Table | None:
    """A table that a web copy flattened: one row a line, its cells split by single spaces. The
    header line is label words, an optional unit column ("ĐVT") and two or more periods (a year,
    alone or after its period words: "2024", "Năm 2024", "KH 2025"); each
    row is its label, its unit and its figures. Read so only when every row with figures prints
    the same number of them, and no more than the header has years: then the figures stand in
    the same columns on every row. When they are fewer than the years (a year left blank on every
    row), which years they are is not known: the columns are named by position only, and
    ``extra["aligned"] = "position"`` tells the checks that the arithmetic of the other columns
    must confirm the alignment before a disagreement is reported."""
    start, end = source.line_bounds(head)
    raw = source.text[start:end]
    toks = _tokens(raw)
    label_w, unit_w, _period_w = _column_words()
    periods, i = _header_periods(raw, toks, floor=1)  # a label word stays before them
    years = len(periods)
    if years < 2 or i < 0:
        return None
    prefix_end = toks[i][1]
    prefix = raw[toks[0][0]:prefix_end]
    lm = label_w.match(prefix)
    if lm is None:
        return None
    um = unit_w.search(prefix, lm.end())
    with_unit = um is not None and prefix[um.end():].strip() == ""
    # the rows below
    body: list[tuple[int, int, str, list[tuple[int, int]], int]] = []  # idx, start, raw, toks, figures
    idx = head + 1
    while idx < source.line_count and idx not in taken:
        s, e = source.line_bounds(idx)
        line = source.text[s:e]
        lt = _tokens(line)
        if not lt or len(line) > 240:
            break
        k = _trailing_numbers(line, lt)
        if k == len(lt) or (k == 0 and len(line.strip()) > 80):
            break
        body.append((idx, s, line, lt, k))
        idx += 1
    while body and not body[-1][4]:
        body.pop()  # a line without figures after the rows ("Nguồn: …") is prose again
    k, unplaced = _row_counts(body)
    if k == 0 or k > years:
        return None
    lead = 2 if with_unit else 1
    ncols = lead + k
    positional = k < years
    # the header row
    cells = []
    if with_unit:
        assert um is not None
        t, span = clean_cell(prefix[:um.start()], start + toks[0][0])
        cells.append(Cell(t, span, 0))
        t, span = clean_cell(prefix[um.start():], start + toks[0][0] + um.start())
        cells.append(Cell(t, span, 1))
    else:
        t, span = clean_cell(prefix, start + toks[0][0])
        cells.append(Cell(t, span, 0))
    ytoks = [(toks[f][0], toks[t][1]) for f, t in periods]
    first_year = raw[toks[periods[0][1]][0]:toks[periods[0][1]][1]]
    last_year = raw[toks[periods[-1][1]][0]:toks[periods[-1][1]][1]]
    for j in range(k):
        if positional:
            a, b = ytoks[0][0], ytoks[-1][1]
            cells.append(Cell(f"({j + 1}) {first_year}–{last_year}", Span(start + a, start + b), lead + j))
        else:
            a, b = ytoks[j]
            cells.append(Cell(raw[a:b], Span(start + a, start + b), lead + j))
    rows = [Row([head], cells, Span(start, end))]
    for i, s, line, lt, n in body:
        e = s + len(line)
        text_toks = lt[:len(lt) - n]
        n = min(n, k)  # trailing zeros past the common count are blank cells (_row_counts)
        if i in unplaced:
            n = 0  # figures whose columns are not known: the row keeps its label only
        u = _unit_tokens(line, text_toks) if with_unit and n else 0
        row = [Cell("", Span(e, e), c) for c in range(ncols)]
        label_toks = text_toks[:len(text_toks) - u]
        if label_toks:
            t, span = clean_cell(line[label_toks[0][0]:label_toks[-1][1]], s + label_toks[0][0])
            row[0] = Cell(t, span, 0)
        if u:
            a, b = text_toks[-u][0], text_toks[-1][1]
            row[1] = Cell(line[a:b], Span(s + a, s + b), 1)
        figs = lt[len(text_toks):len(text_toks) + n]
        for j, (a, b) in enumerate(figs):
            row[lead + j] = Cell(line[a:b], Span(s + a, s + b), lead + j)
        rows.append(Row([i], row, Span(s, e)))
    # the header line is the one header row (its years are not figures): as after a |---| rule
    table = Table("flat", rows, ncols, Span(start, rows[-1].span.end), head, body[-1][0], rule_row=1)
    if positional:
        table.extra["aligned"] = "position"
    if unplaced:
        table.extra["unplaced"] = " ".join(str(i) for i in sorted(unplaced))
    return table


_ZERO = re.compile(r"0+(?:[.,]0+)?")


def _row_counts(body: list[tuple[int, int, str, list[tuple[int, int]], int]]) -> tuple[int, set[int]]:
    """The number of figures the rows of a flattened table print (0: not a table), and the lines
    of the rows whose figures cannot be placed. Most rows print the same number; a row that
    prints more only by trailing zeros (``… 30.90 0.00``: a blank cell written as zero) prints
    that number too; a row that prints fewer (a blank cell the copy dropped: which one is not
    known) or more is unplaced. Read so only when at least three rows, and more than twice as
    many as are unplaced, print the common number."""
    counts: dict[int, int] = {}
    for *_, n in body:
        if n:
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return 0, set()

    def fits(n: int, k: int, line: str, lt: list[tuple[int, int]]) -> bool:
        return n == k or (n > k and all(_ZERO.fullmatch(line[a:b]) for a, b in lt[len(lt) - (n - k):]))

    k = max(counts, key=lambda c: (sum(1 for i, _s, line, lt, n in body if n and fits(n, c, line, lt)), c))
    placed = sum(1 for _i, _s, line, lt, n in body if n and fits(n, k, line, lt))
    unplaced = {i for i, _s, line, lt, n in body if n and not fits(n, k, line, lt)}
    if placed < 3 or placed <= 2 * len(unplaced):
        return 0, set()
    return k, unplaced


# -- tables a web copy laid out one cell a line -------------------------------------------------------


def _header_periods(raw: str, toks: list[tuple[int, int]], floor: int = 0) -> tuple[list[tuple[int, int]], int]:
    """The period cells of a header line, right to left: a year, with the period words before it
    ("Năm 2024", "KH 2025", "Sơ bộ 2023": one or two tokens that are a period word of
    rules/tables.toml); and the index of the last token before them (tokens before ``floor`` are
    never read as periods)."""
    label_w, _unit_w, period_w = _column_words()
    periods: list[tuple[int, int]] = []  # (first, last) token of each period cell
    i = len(toks) - 1
    while i >= floor and _YEAR_TOKEN.fullmatch(raw[toks[i][0]:toks[i][1]]):
        j = i - 1
        for w in (2, 1):
            if j - w + 1 >= floor:
                words_ = raw[toks[j - w + 1][0]:toks[j][1]]
                if period_w.fullmatch(words_) and not label_w.fullmatch(words_):
                    j -= w
                    break
        periods.insert(0, (j + 1, i))
        i = j
    return periods, i


def _full_unit(text: str) -> bool:
    """A line that is only a unit ("Người", "Triệu đồng", "%")."""
    from ..scan.units import match_unit

    t = text.strip()
    if t in ("%", "‰"):
        return True
    m = match_unit(t, 0)
    return m is not None and m[1] == 0 and m[2] == len(t)


_NUMBERED_LABEL = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2})[.)]\s")


def _cell_lines_table(source: Source, head: int, taken: set[int]) -> Table | None:
    """A table a web copy laid out one cell a line: a header line of a unit column word and
    periods (``ĐVT 2018 2019 … Sơ bộ 2023``), then the row labels one a line, the unit, and the
    figures one a line, period by period, each period's figures in the order of the labels, a
    blank line for a label without figures (``Phân theo giới tính``). The blank lines of the first
    period say which labels take figures; the table is read only when the figures number exactly
    the periods times those labels (blank lines between periods are not relied on). Only the
    first group of rows is read (a row printed on one line after it ends the table)."""
    start, end = source.line_bounds(head)
    raw = source.text[start:end]
    toks = _tokens(raw)
    periods, i = _header_periods(raw, toks)
    if len(periods) < 2 or i != 0:
        return None
    _label_w, unit_w, _period_w = _column_words()
    if not unit_w.fullmatch(raw[toks[0][0]:toks[0][1]]):
        return None
    lines: list[tuple[int, str]] = []  # (index, text) after the header
    idx = head + 1
    while idx < source.line_count and idx not in taken:
        s, e = source.line_bounds(idx)
        lines.append((idx, source.text[s:e]))
        idx += 1
    # the labels: lines of words (a blank line before the first is allowed), the last one a unit
    k = 0
    while k < len(lines) and not lines[k][1].strip():
        k += 1
    labels: list[int] = []
    while k < len(lines) and lines[k][1].strip() and not is_numeric(lines[k][1].strip()):
        if _trailing_numbers(lines[k][1], _tokens(lines[k][1])):
            return None  # a row printed on one line: not this layout
        labels.append(k)
        k += 1
    if len(labels) < 3 or not _full_unit(lines[labels[-1]][1]):
        return None
    unit_k = labels.pop()
    # the figures: number lines and blank lines, up to the next line of words
    while k < len(lines) and not lines[k][1].strip():
        k += 1
    first = k
    while k < len(lines) and (not lines[k][1].strip() or is_numeric(lines[k][1].strip())):
        k += 1
    figures = [j for j in range(first, k) if lines[j][1].strip()]
    slots = [bool(lines[j][1].strip()) for j in range(first, min(first + len(labels), k))]
    takes = [n for n, full in enumerate(slots) if full]
    if len(slots) != len(labels) or not takes or len(figures) != len(takes) * len(periods):
        return None
    ncols = 2 + len(periods)
    cells = [Cell("", Span(start, start), 0)]
    t, span = clean_cell(raw[toks[0][0]:toks[0][1]], start + toks[0][0])
    cells.append(Cell(t, span, 1))
    for c, (f, last) in enumerate(periods):
        a, b = toks[f][0], toks[last][1]
        cells.append(Cell(raw[a:b], Span(start + a, start + b), 2 + c))
    rows = [Row([head], cells, Span(start, end))]
    us, ue = source.line_bounds(lines[unit_k][0])
    unit_text, unit_span = clean_cell(source.text[us:ue], us)
    for n, k_label in enumerate(labels):
        li, text = lines[k_label]
        s, e = source.line_bounds(li)
        lab, lspan = clean_cell(text, s)
        row = [Cell(lab, lspan, 0), Cell(unit_text, unit_span, 1)]
        row += [Cell("", Span(e, e), 2 + c) for c in range(len(periods))]
        # a numbered label ("1. Dân số trung bình") stays a line of the document's numbering (the
        # rows after the group, "2. Tỷ lệ tăng tự nhiên …", continue it): its figures are the row
        line_set = [] if _NUMBERED_LABEL.match(lab) and n in takes else [li]
        if n in takes:
            pos = takes.index(n)
            for c in range(len(periods)):
                fi, ftext = lines[figures[c * len(takes) + pos]]
                fs, _fe = source.line_bounds(fi)
                ft, fspan = clean_cell(ftext, fs)
                row[2 + c] = Cell(ft, fspan, 2 + c)
                line_set.append(fi)
        rows.append(Row(line_set, row, Span(s, e)))
    last_line = lines[figures[-1]][0]
    return Table("lines", rows, ncols, Span(start, source.line_bounds(last_line)[1]), head, last_line, rule_row=1)


# -- the document's tables ------------------------------------------------------------------------


def find_tables(source: Source) -> list[Table]:
    """Every table of a source, in order."""
    tables: list[Table] = []
    taken: set[int] = set()
    run: list[int] = []

    def flush() -> None:
        if run:
            t = _pipe_table(source, list(run))
            if t is not None:
                tables.append(t)
            taken.update(run)
            run.clear()

    for idx in range(source.line_count):
        start, end = source.line_bounds(idx)
        stripped = source.text[start:end].strip()
        if _is_pipe_line(stripped):
            run.append(idx)
        else:
            flush()
    flush()
    if "  " in source.text or "\t" in source.text:
        for block in _aligned_candidates(source, taken):
            t = _tab_table(source, block) or _aligned_table(source, block)
            if t is not None:
                tables.append(t)
                taken.update(i for r in t.rows for i in r.lines)
    for idx in range(source.line_count):
        if idx in taken:
            continue
        start, end = source.line_bounds(idx)
        if _ends_with_years(source.text[start:end]):
            t = _flat_table(source, idx, taken) or _cell_lines_table(source, idx, taken)
            if t is not None:
                tables.append(t)
                taken.update(range(t.first_line, t.last_line + 1))
    tables.sort(key=lambda t: t.first_line)
    for t in tables:
        t.caption = _caption(source, t.first_line)
        if _decimal_point(t):
            for r in t.rows:
                for c in r.cells:
                    c.point = True
    return tables


_YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _ends_with_years(line: str) -> bool:
    """A line that ends with a year and holds another (a flattened table's header, maybe)."""
    t = line.rstrip()
    return (len(t) > 9 and _YEAR_TOKEN.fullmatch(t[-4:]) is not None and t[-5].isspace()
            and len(_YEAR_WORD.findall(t)) >= 2)


def _decimal_point(t: Table) -> bool:
    """Whether a table writes decimals with a point (``412204.00``, ``15.40``): no figure has a
    comma or two points or could group thousands (``12.400``), and at least two have a point that
    cannot (row numbers such as ``1.1`` count too, harmlessly: they are never figures)."""
    proven = 0
    for r in t.rows:
        for c in r.cells:
            x = c.text.rstrip("%").strip().lstrip("+-")
            if not is_numeric(x):
                continue
            if "," in x or x.count(".") > 1:
                return False
            if "." in x:
                a, b = x.split(".")
                if len(b) == 3 and len(a) <= 3:
                    return False
                proven += 1
    return proven >= 2


@functools.cache
def _caption_line() -> re.Pattern[str]:
    """A table's caption line: ``Biểu 01 …``, ``PHỤ LỤC …`` (``rules/tables.toml`` [captions],
    matched as printed)."""
    printed = words("tables", "captions", "words")
    names = alt([*printed, *(w.upper() for w in printed)])
    return re.compile(r"^(?:#+\s*)?(?:\*{1,2}|_{1,2})?\s*(" + names + r"\b.*)$")


def _caption(source: Source, first: int) -> str:
    for idx in range(first - 1, max(-1, first - 4), -1):
        start, end = source.line_bounds(idx)
        text = source.text[start:end].strip()
        if not text:
            continue
        m = _caption_line().match(text)
        return " ".join(_EMPH.sub("", m.group(1)).split()).strip("*_ ") if m else ""
    return ""


__all__ = ["Cell", "Row", "Table", "clean_cell", "find_tables", "header_table_lines", "is_numeric"]
