"""Table facts: what the rows and columns of a table mean, and the relations they must satisfy.

``planlint/parsing/tables.py`` gives each table its cells; this module reads them as an indicator
table: which column holds the running numbers (STT), the labels, the unit (ĐVT), the figures of
a period (``Năm 2024``, ``KH 2025``, ``TH 2025``, ``Ước TH``) or a comparison (``So sánh %``,
``% KH``, ``TH/KH``, ``Tăng/giảm``); which rows are parents of which (Roman and Arabic row
numbers, ``1.1``, ``a)``, ``-``, ``+``, ``Trong đó``), and which is a total row.

From that it states relations (each with its cells, so a finding points at the cell):

- ``Sum``: a parent row against its child rows, a total row against the rows it totals;
- ``Ratio``: a comparison column against its two columns (ratio in per cent, growth, difference);
- ``ShareSet``: shares of one whole (a ``Cơ cấu`` parent row, or a share column) against 100;
- ``Ledger``: poverty rows or columns (đầu năm − thoát nghèo + tái nghèo + phát sinh = cuối năm);
- ``Rate``: a proportion above 100%.

Precision first: a column whose header says nothing known is not read, a ratio column whose two
columns cannot be named is not checked, a row whose unit differs from its parent's is not a
part of it. Tolerances follow printed decimals: each value is within half a unit of its last
printed place, and a relation holds when some choice of the true values inside those bounds
satisfies it (interval arithmetic).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import phrases
from ..data import vocabulary
from ..parsing.lines import FOREIGN_LETTERS, POINT_ALPHABET, match_marker
from ..parsing.tables import Cell, Table, is_numeric
from ..parsing.tree import Plan, Span
from ..scan.numbers import parse_number
from . import FactRow
from .vocab import classify, cue, partition

HUNDRED = Decimal(100)


# -- vocabulary -----------------------------------------------------------------------------------


@functools.cache
def _voc() -> dict[str, dict[str, list[str]]]:
    return vocabulary("tables")


@functools.cache
def words(table: str, key: str) -> re.Pattern[str]:
    """A whole-word pattern for one list of ``rules/tables.toml`` (longest first)."""
    ws = sorted((str(w) for w in _voc().get(table, {}).get(key, [])), key=len, reverse=True)
    alts = [re.escape(w) for w in ws]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alts) + r")(?![^\W_])", re.IGNORECASE)


def _has(table: str, key: str, text: str) -> bool:
    return bool(words(table, key).search(text))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


# -- values ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Value:
    value: Decimal
    decimals: int
    raw: str
    pct: bool
    cell: Cell
    exact: bool = False  # a whole count of households, people, communes: no rounding

    @property
    def half(self) -> Decimal:
        return Decimal(0) if self.exact else Decimal(5).scaleb(-(self.decimals + 1))

    @property
    def span(self) -> Span:
        return self.cell.span


def read_value(cell: Cell) -> Value | None:
    """The number a cell holds, when it holds one number and nothing else."""
    t = cell.text.strip()
    if not is_numeric(t):
        return None
    pct = t.endswith("%")
    raw = t.rstrip("%").strip().replace(" ", "")
    neg = raw.startswith("-")
    raw = raw.lstrip("+-")
    try:
        value, decimals, ambiguous = parse_number(raw)
    except (InvalidOperation, ValueError):
        return None
    if "." in raw and cell.point:
        if not ambiguous:
            return None  # "1.500" in a table that writes decimals with a point: 1,5 or 1.500?
    elif ambiguous and "." in raw:
        return None  # "15.40": the decimal mark is not known here
    return Value(-value if neg else value, decimals, t, pct, cell)


# -- columns --------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_COLNUM = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?$")
_FORMULA = re.compile(r"\(?(\d{1,2})\)?\s*[/:]\s*\(?(\d{1,2})\)?")
_PAIR = re.compile(r"([^/]+)/([^/]+)")


@dataclass(slots=True)
class Column:
    index: int
    header: str  # the header rows' texts joined (merged cells inherited)
    role: str  # stt | label | unit | note | value | ratio | growth | change | share | unknown
    kind: str = ""  # value columns: plan | actual | estimate | "" (unknown)
    year: int | None = None
    number: int | None = None  # the printed column number "(5)"
    pair: tuple[int, int] | None = None  # ratio/growth/change: (later, earlier) column indexes
    pair_how: str = ""  # how the pair was named (formula, header, same period, two columns)


@dataclass(slots=True)
class TRow:
    index: int  # index in table.rows
    number: str  # the row number as printed (STT), or a label marker
    marker_key: str  # kind of the row number (roman, arabic, decimal1, point, bullet:-, …)
    label: str
    unit: str
    values: dict[int, Value]
    level: int = 0
    parent: int | None = None  # index in TableFacts.rows
    children: list[int] = field(default_factory=list)
    total: bool = False  # a total row (Tổng cộng, Cộng)
    within: bool = False  # introduced by "Trong đó": a part, not all of the parent
    split: bool = False  # introduced by "Chia ra"/"Gồm": the children are all of the parent
    heading: bool = False  # a label-only row ("Trong đó:", "I. Kinh tế")
    unplaced: bool = False  # a flattened row whose figures stand in unknown columns (none read)
    group: int = 0  # which breakdown of its parent it is in ("Phân theo giới tính" opens the next)

    def is_rate(self) -> bool:
        return self.unit.strip() in ("%", "‰") or _has("rows", "rate", self.label)


@dataclass(slots=True)
class Sum:
    kind: str  # "children" | "total" | "within"
    whole: TRow
    parts: list[TRow]
    col: Column
    exhaustive: bool  # the parts are all of the whole (else: only checked not to exceed it)

    def values(self) -> tuple[Value, list[Value]]:
        return self.whole.values[self.col.index], [p.values[self.col.index] for p in self.parts]


@dataclass(slots=True)
class Ratio:
    row: TRow
    col: Column
    printed: Value
    later: Value
    earlier: Value


@dataclass(slots=True)
class ShareSet:
    rows: list[TRow]
    col: Column
    label: str  # what the shares divide ("Cơ cấu kinh tế", a column header)
    parent: TRow | None
    grdp: bool  # may be a GRDP structure whose taxes part is not printed
    production: bool  # stated as production value: the sectors alone make 100
    amounts: Column | None = None  # the column of amounts the shares divide (with its total row)
    total: TRow | None = None


@dataclass(slots=True)
class Ledger:
    category: str  # poor | near
    cells: dict[str, Value]  # role -> value (start, escaped, fell_back, newly, end)
    where: str  # the row label (ledger by columns) or the column header (ledger by rows)


@dataclass(slots=True)
class Rate:
    row: TRow
    col: Column
    value: Value


@dataclass(slots=True)
class RateCount:
    """A poverty rate against its count and all households: rows of one column, or columns of one
    row (``Tổng số hộ | Hộ nghèo: Số hộ | Tỷ lệ (%)``, one row a village)."""
    category: str  # poor | near
    rate: Value
    count: Value
    households: Value
    row: TRow  # where the rate cell stands
    col: Column
    group: tuple[str, int]  # ("row", the rate row) or ("col", the rate column): one relation

    def cells(self) -> tuple[Value, Value, Value]:
        return self.rate, self.count, self.households


@dataclass
class TableFacts:
    table: Table
    index: int  # 1-based number of the table in the document
    header_rows: int = 0
    columns: list[Column] = field(default_factory=list)
    rows: list[TRow] = field(default_factory=list)
    understood: bool = False
    reason: str = ""  # why a table is not read
    sums: list[Sum] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    shares: list[ShareSet] = field(default_factory=list)
    ledgers: list[Ledger] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    rate_counts: list[RateCount] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return self.table.span

    def col(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def shape(self) -> str:
        roles = " | ".join(_col_name(c) for c in self.columns)
        return f"{self.table.kind} table, {len(self.rows)} rows × {len(self.columns)} columns: {roles}"


def _col_name(c: Column) -> str:
    if c.role in ("ratio", "growth", "change") and c.pair:
        return f"{c.header or c.role} [{c.role} ({c.pair[0] + 1})/({c.pair[1] + 1}), {c.pair_how}]"
    return f"{c.header or '?'} [{c.role}{(' ' + c.kind) if c.kind else ''}]"


# -- reading a table ------------------------------------------------------------------------------


def _header_rows(t: Table) -> int:
    """Rows before the figures: up to the rule row, and after it any row that holds no number
    and leaves its first cell blank (a second header row under merged cells)."""
    n = t.rule_row if t.rule_row > 0 else 0
    while n < len(t.rows):
        row = t.rows[n]
        texts = [c.text for c in row.cells]
        if _column_numbers(texts):
            n += 1  # the column-number row "(1) (2) (3)", "A B 1 2 3=2/1"
            continue
        if any(read_value(c) is not None for c in row.cells[1:]):
            break
        if n >= max(t.rule_row, 1) and (texts[0] or not any(texts[2:])):
            break
        n += 1
    return n


def _column_numbers(texts: list[str]) -> bool:
    nums = [_COLNUM.match(x.strip()) for x in texts if x.strip()]
    if len(nums) < 3 or sum(1 for m in nums if m) < len(nums) - 1:
        return False
    digits = [int(m.group(1)) for m in nums if m and m.group(1).isdigit()]
    letters = [m.group(1) for m in nums if m and not m.group(1).isdigit()]
    # "1 2 3 4", "(1) (2) (3) (4)=(3)/(2)", "A B 1 2 3": consecutive numbers from 1
    return (len(digits) >= 2 and digits == list(range(digits[0], digits[0] + len(digits)))
            and (digits[0] == 1 or bool(letters) or digits[0] <= 3))


def _headers(t: Table, n: int) -> tuple[list[str], list[int | None]]:
    """Each column's header text (upper rows' merged blanks inherited from the left) and its
    printed number."""
    out = [""] * t.ncols
    numbers: list[int | None] = [None] * t.ncols
    for r in range(n):
        texts = [c.text for c in t.rows[r].cells]
        if _column_numbers(texts):
            for k, x in enumerate(texts):
                m = _COLNUM.match(x.strip())
                if m and m.group(1).isdigit():
                    numbers[k] = int(m.group(1))
                elif m:
                    pass  # the letters of the text columns: "A B C 1 2 3"
                elif _FORMULA.search(x):
                    out[k] = (out[k] + " " + x).strip()
            continue
        below = [c.text for c in t.rows[r + 1].cells] if r + 1 < n else []
        for k, x in enumerate(texts):
            if not x and k > 0 and below and below[k] and texts[k - 1] and below[k - 1]:
                x = texts[k - 1]  # a merged cell rendered blank: "So sánh (%)" over two columns
            if x and x not in out[k]:
                out[k] = (out[k] + " " + x).strip()
    return out, numbers


def _period(header: str) -> tuple[str, int | None]:
    h = _norm(header)
    ym = _YEAR.findall(h)
    year = int(ym[-1]) if ym else None
    if _has("periods", "estimate", h):
        return "estimate", year
    if _has("periods", "plan", h):
        return "plan", year
    if _has("periods", "actual", h) or year is not None:
        return "actual", year
    return "", year


def _role(header: str, body: list[Cell]) -> str:
    h = _norm(header)
    if not h:
        return "unknown"
    if _has("columns", "note", h):
        return "note"
    if _has("columns", "unit", h):
        return "unit"
    if _has("columns", "stt", h) and len(h) <= 12:
        return "stt"
    if _has("growth", "percent", h):
        return "growth"
    if _has("growth", "absolute", h):
        return "change"
    if _has("ratios", "words", h) or ("/" in h and _pair_words(h)):
        return "ratio"
    if _has("shares", "words", h):
        return "share"
    if _has("shares", "rate", h) and ("%" in h or _all_percent(body)):
        return "share"
    kind, year = _period(h)
    if _has("columns", "label", h) and year is None:
        return "label"
    if kind or year:
        return "value"
    nums = sum(1 for c in body if read_value(c) is not None)
    texts = sum(1 for c in body if c.text and read_value(c) is None)
    if texts > nums and texts >= 2:
        return "label"
    if nums >= 2 and nums >= texts:
        return "value"  # "Số hộ", "Kinh phí (triệu đồng)": figures of no named period
    return "unknown"


def _all_percent(body: list[Cell]) -> bool:
    vals = [read_value(c) for c in body if c.text]
    return len(vals) >= 2 and all(v is not None and v.pct for v in vals)


def _pair_words(h: str) -> tuple[str, str] | None:
    m = _PAIR.search(h)
    if not m:
        return None
    a, b = m.group(1).strip(), m.group(2).strip()
    a = a.split("(")[-1].split()[-2:]  # the words just before the slash
    b = b.split(")")[0].split()[:2]
    return " ".join(a), " ".join(b)


def _match_period(cols: list[Column], words_: str, before: int) -> int | None:
    """The value column left of ``before`` whose kind and year match ``words_`` ("TH 2025")."""
    kind, year = _period(words_)
    if not kind and year is None:
        return None
    cands = [c for c in cols[:before] if c.role == "value"
             and (not kind or c.kind == kind or (kind == "actual" and c.kind == "estimate"))
             and (year is None or c.year == year)]
    return cands[-1].index if len(cands) == 1 or (cands and year is not None and kind) else None


def _pair(cols: list[Column], c: Column, numbers: list[int | None]) -> tuple[tuple[int, int], str] | None:
    """The two columns a comparison column compares: (later, earlier)."""
    h = _norm(c.header)
    values = [x for x in cols[: c.index] if x.role == "value"]
    # 1. a printed formula over column numbers: "(6) = (5)/(4)"
    fm = list(_FORMULA.finditer(h))
    if fm and any(n is not None for n in numbers):
        a, b = int(fm[-1].group(1)), int(fm[-1].group(2))
        ka = next((k for k, n in enumerate(numbers) if n == a), None)
        kb = next((k for k, n in enumerate(numbers) if n == b), None)
        if ka is not None and kb is not None and cols[ka].role == "value" and cols[kb].role == "value":
            return (ka, kb), "formula"
        return None
    # 2. "TH/KH", "2025/2024", "KH 2026/ƯTH 2025"
    pw = _pair_words(h)
    if pw is not None:
        pa = _match_period(cols, pw[0], c.index)
        pb = _match_period(cols, pw[1], c.index)
        if pa is not None and pb is not None and pa != pb:
            return (pa, pb), "header"
        named = [_period(x) != ("", None) for x in pw]
        if any(named) and not (_has("ratios", "against_plan", h) and not _has("ratios", "against_last", h)):
            return None  # "KH 2026/TH 2024" naming a column that is not there
        # "TH/KH" without years is resolved below; "Tăng/giảm" names no period
    # 3. against the plan of the same period / against the same period last year
    if _has("ratios", "against_last", h):
        latest = [x for x in values if x.kind in ("actual", "estimate") and x.year is not None]
        if latest:
            later = max(latest, key=lambda x: (x.year or 0, x.index))
            prev = [x for x in values if x.year == (later.year or 0) - 1 and x.kind in ("actual", "estimate")]
            if len(prev) == 1:
                return (later.index, prev[0].index), "same period last year"
        # a column of last year's figures named so ("Cùng kỳ", "Cùng kỳ năm trước") beside one
        # column of this period's actual figures
        last = [x for x in values if _has("ratios", "against_last", _norm(x.header))]
        now = [x for x in values if x not in last and x.kind in ("actual", "estimate")]
        if len(last) == 1 and len(now) == 1:
            return (now[0].index, last[0].index), "against the same period"
        return None
    if _has("ratios", "against_plan", h):
        acts = [x for x in values if x.kind in ("actual", "estimate")
                and not _has("ratios", "against_last", _norm(x.header))]  # not last year's column
        if acts:
            later = acts[-1]
            plans = [x for x in values if x.kind == "plan" and (later.year is None or x.year in (None, later.year))
                     and x.index != later.index]
            if len(plans) == 1:
                return (later.index, plans[0].index), "against the plan"
        return None
    # 4. "So sánh (%)" after exactly two value columns: the later against the earlier
    if len(values) == 2 and (c.role in ("growth", "change") or _has("ratios", "words", h)):
        return (values[1].index, values[0].index), "two columns"
    return None


def _columns(t: Table, n: int) -> list[Column]:
    headers, numbers = _headers(t, n)
    body = t.rows[n:]
    cols = []
    for k in range(t.ncols):
        role = _role(headers[k], [r.cells[k] for r in body])
        kind, year = _period(headers[k]) if role == "value" else ("", None)
        cols.append(Column(k, headers[k], role, kind, year, numbers[k]))
    # the label column: the first text column; the STT column: its left neighbour of row numbers
    if not any(c.role == "label" for c in cols):
        for c in cols:
            if c.role == "unknown":
                texts = [r.cells[c.index].text for r in body if r.cells[c.index].text]
                if texts and sum(1 for x in texts if read_value(Cell(x, Span(0, 0), 0)) is None) > len(texts) // 2:
                    c.role = "label"
                    break
    for c in cols:
        if c.role in ("ratio", "growth", "change"):
            got = _pair(cols, c, numbers)
            if got is not None:
                c.pair, c.pair_how = got
    return cols


# a row's running number: a Roman numeral, a decimal one, or a letter (a point's, or one a
# drafter may type: rules/numbering.toml)
_ROW_NUM = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|["
                      + "".join(sorted({*POINT_ALPHABET, *FOREIGN_LETTERS})) + r"])[.)]?$")


# "3.Cơ cấu …": a web copy lost the space after a row number
_GLUED = re.compile(r"^(\d{1,2}\.)(?=[^\W\d_])")


def _row_marker(stt: str, label: str) -> tuple[str, str, str]:
    """(number as printed, marker kind key, label without its marker)."""
    s = stt.strip()
    if s:
        mm = match_marker(s + " x")
        if mm is not None:
            kind, m = mm
            if kind == "decimal":
                return s, f"decimal{m.group('num').count('.') + 1}", label
            if kind == "bullet":
                return s, f"bullet:{m.group('num')}", label
            return s, kind, label
        if _ROW_NUM.match(s):
            if s.rstrip(".)").isdigit():
                return s, "arabic", label
            if s[0] in "IVXLC":
                return s, "roman", label
            return s, "point", label
        if s in ("*", "+", "-", "–", "•"):
            return s, f"bullet:{'-' if s == '–' else s}", label
    mm = match_marker(_GLUED.sub(r"\1 ", label, count=1))
    if mm is not None:
        kind, m = mm
        rest = label[m.end():].strip()
        key = kind
        if kind == "decimal":
            key = f"decimal{m.group('num').count('.') + 1}"
        elif kind == "bullet":
            key = f"bullet:{m.group('num')}"
        return m.group(0).strip(), key, rest
    return "", "plain", label


@functools.cache
def _total_words() -> re.Pattern[str]:
    """A total row's label: a word of totals, maybe after a word that opens one ("Tổng cộng toàn
    xã": "tổng cộng" then "toàn xã")."""
    return re.compile(r"(?:(?:" + words("rows", "total_prefix").pattern + r")\s+)?(?:"
                      + words("rows", "total").pattern + ")", re.IGNORECASE)


def _total_label(low: str) -> bool:
    return bool(_total_words().fullmatch(low))


def read_table(t: Table, index: int) -> TableFacts:
    tf = TableFacts(t, index)
    n = _header_rows(t)
    tf.header_rows = n
    if n == 0 or n >= len(t.rows):
        tf.reason = "no header row" if n == 0 else "no row of figures"
        return tf
    cols = _columns(t, n)
    tf.columns = cols
    label = next((c for c in cols if c.role == "label"), None)
    if label is None:
        tf.reason = "no label column"
        return tf
    stt = next((c for c in cols if c.role == "stt"), None)
    unit = next((c for c in cols if c.role == "unit"), None)
    figures = [c for c in cols if c.role in ("value", "ratio", "growth", "change", "share")]
    if not figures:
        tf.reason = "no column of figures"
        return tf
    counted_cols = {c.index for c in cols if c.role == "value"
                    and (_header_counted(c.header) or _ledger_role(c.header))}
    unplaced = {int(x) for x in t.extra.get("unplaced", "").split()}
    for i, row in enumerate(t.rows[n:], start=n):
        stt_text = row.text(stt.index) if stt else ""
        number, key, lab = _row_marker(stt_text, row.text(label.index))
        values = {}
        for c in figures:
            v = read_value(row.cells[c.index])
            if v is not None:
                values[c.index] = v
        r = TRow(i, number, key, lab, row.text(unit.index) if unit else "", values)
        for c in cols:
            counted = _counted(r.unit) if r.unit else c.index in counted_cols
            if counted and c.role == "value" and c.index in values and values[c.index].decimals == 0:
                values[c.index].exact = True
        low = _norm(lab).rstrip(":")
        r.total = _total_label(re.sub(r"\s*\(.*\)$", "", low))
        r.unplaced = row.line in unplaced
        r.heading = not values and not r.unplaced
        if words("rows", "within").match(low):
            r.within = True
        if words("rows", "split").match(low) and r.heading:
            r.split = True
        tf.rows.append(r)
    _closing_total(tf)
    _hierarchy(tf)
    tf.understood = True
    _relations(tf)
    return tf


_MEASURED = ("area", "energy", "length", "mass", "volume")


def _counted(unit: str) -> bool:
    """A unit of whole things (hộ, người, xã, trường): its integers are counts, not rounded."""
    from ..scan.units import match_unit

    m = match_unit(unit, 0)
    if m is None or m[2] < len(unit.rstrip()):
        return False
    dim = m[0].dimension
    return not dim.startswith("money") and dim not in _MEASURED and "/" not in unit


@functools.cache
def _header_unit() -> re.Pattern[str]:
    """A header's unit: in brackets ("(người)"), or what it counts ("Số hộ": [columns] count)."""
    return re.compile(r"\(([^()%]{1,20})\)|^" + phrases.alt(phrases.words("tables", "columns", "count"))
                      + r"\s+(\w+(?:\s+\w+)?)", re.IGNORECASE)


def _header_counted(header: str) -> bool:
    """A column whose header names a unit of whole things: "Số hộ", "Số nhân khẩu", "(người)"."""
    from ..scan.units import match_unit

    m = _header_unit().search(header.strip())
    if m is None:
        return False
    text = (m.group(1) or m.group(2) or "").strip()
    u = match_unit(text, 0)
    if u is None or u[1] != 0:
        return False
    dim = u[0].dimension
    return not dim.startswith("money") and dim not in _MEASURED and "/" not in text


def _closing_total(tf: TableFacts) -> None:
    """The last row, without a number, under numbered rows, whose label opens with a word of
    totals (``| | Tổng thu | 12.900 |`` after rows 1, 2, 3) is their total row."""
    rows = [r for r in tf.rows if not r.heading]
    if len(rows) < 3 or any(r.total for r in rows):
        return
    last = rows[-1]
    m = words("rows", "total_prefix").match(_norm(last.label))
    if last.number or last.marker_key != "plain" or m is None:
        return
    numbered = [r for r in rows[:-1] if r.number and r.marker_key != "plain" and not r.marker_key.startswith("bullet")]
    if len(numbered) >= 2:
        last.total = True


def _hierarchy(tf: TableFacts) -> None:
    """Row levels by the kind of their row number, as the outline builder nests sections: a kind
    already open closes what is below it; a new kind opens a level below. A "Trong đó:" or
    "Chia ra:" row without figures makes the rows after it parts of the row before it."""
    stack: list[tuple[str, int]] = []  # (marker key, row index in tf.rows)
    mode: dict[int, str] = {}  # parent row -> "within" | "split" announced by a label row
    flat = tf.table.kind == "flat"
    groups: dict[int, int] = {}  # parent row -> its current group of children
    for i, r in enumerate(tf.rows):
        if r.total:
            stack.clear()
            r.level = 0
            continue
        if (r.within or r.split) and r.heading and stack:
            top = tf.rows[stack[-1][1]]
            if top.parent is not None and top.parent in mode:
                # a second breakdown of the same row ("Phân theo thành thị/nông thôn: …; Phân theo
                # giới tính: …"): back to that row, its next group of children
                while stack and stack[-1][1] != top.parent:
                    stack.pop()
                groups[top.parent] = groups.get(top.parent, 0) + 1
            mode[stack[-1][1]] = "within" if r.within else "split"
            continue
        if r.within and not r.heading and stack:
            # "Trong đó: ngân sách tỉnh | 200": a part of the row above
            parent = stack[-1][1]
            r.parent = parent
            r.level = tf.rows[parent].level + 1
            tf.rows[parent].children.append(i)
            mode.setdefault(parent, "within")
            continue
        key = r.marker_key
        if flat and key not in ("plain", "total") and not key.startswith("bullet"):
            # a flattened table has no row-number column: a numbered row ("1. Tổng giá trị …")
            # is never a part of the unnumbered row above it ("Hệ số ICOR")
            while stack and stack[-1][0] == "plain":
                stack.pop()
        level = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][0] == key), None)
        if level is not None:
            del stack[level:]
        r.level = len(stack)
        if stack:
            p = stack[-1][1]
            r.parent = p
            r.group = groups.get(p, 0)
            tf.rows[p].children.append(i)
            if mode.get(p) == "within":
                r.within = True
        stack.append((key, i))
    for p, how in mode.items():
        if how == "split":
            tf.rows[p].split = True


# -- relations ------------------------------------------------------------------------------------


def _amount_columns(tf: TableFacts) -> list[Column]:
    """Columns of figures that add up: a period's or a quantity's, never a column in per cent."""
    return [c for c in tf.columns if c.role == "value" and "%" not in c.header]


def _same_unit(a: TRow, b: TRow, has_unit_col: bool) -> bool:
    if not has_unit_col:
        return True
    return bool(a.unit) and _norm(a.unit) == _norm(b.unit)


def _relations(tf: TableFacts) -> None:
    has_unit = tf.col("unit") is not None
    amounts = _amount_columns(tf)
    rows = tf.rows
    # parent rows against their children
    for p, kids in _child_groups(rows):
        if len(kids) < 1 or p.heading or p.total or p.unplaced or any(k.unplaced for k in kids):
            continue
        if _has("shares", "words", p.label):
            continue  # a structure: its children are shares (below)
        if not _summable(p) or not all(_summable(k) for k in kids):
            continue
        if not has_unit and not _column_units(tf) and not _caption_unit(tf):
            continue
        if not all(_same_unit(p, k, has_unit) for k in kids):
            continue
        within = all(k.within for k in kids)
        if any(k.within for k in kids) and not within:
            continue
        exhaustive = (not within) and (p.split or bool(words("rows", "total_prefix").match(_norm(p.label)))
                                       or _partition([k.label for k in kids]))
        if not within and len(kids) < 2:
            continue
        for c in amounts:
            if c.index in p.values and all(c.index in k.values for k in kids):
                if any(k.values[c.index].pct or k.values[c.index].value < 0 for k in kids):
                    continue
                tf.sums.append(Sum("within" if within else "children", p, kids, c, exhaustive))
    # total rows against the top-level rows
    for t in rows:
        if not t.total:
            continue
        tops = [r for r in rows if r.parent is None and not r.total and not r.heading]
        if len(tops) < 2 or any(r.unplaced for r in tops):
            continue
        if has_unit and len({_norm(r.unit) for r in tops}) != 1:
            continue
        if any(r.is_rate() and not t.is_rate() for r in tops):
            continue
        for c in amounts:
            if c.index in t.values and all(c.index in r.values for r in tops):
                if any(r.values[c.index].pct for r in tops):
                    continue
                tf.sums.append(Sum("total", t, tops, c, True))
    # comparison columns
    for c in tf.columns:
        if c.pair is None:
            continue
        later_k, earlier_k = c.pair
        for r in rows:
            if c.index in r.values and later_k in r.values and earlier_k in r.values:
                tf.ratios.append(Ratio(r, c, r.values[c.index], r.values[later_k], r.values[earlier_k]))
    _shares(tf)
    _ledgers(tf)
    _rates(tf)
    _rate_counts(tf)
    _rate_count_columns(tf)
    if tf.table.extra.get("aligned") == "position":
        _confirm_positions(tf)


def _summable(r: TRow) -> bool:
    """A row whose figures add: not a rate, unless a label word of averages names a count of
    whole things ("Dân số trung bình | Người | 647.790": the mid-year population, integers)."""
    if not r.is_rate():
        return True
    return r.unit.strip() not in ("%", "‰") and _counted(r.unit) and bool(r.values) \
        and all(v.decimals == 0 and not v.pct for v in r.values.values())


def _child_groups(rows: list[TRow]) -> list[tuple[TRow, list[TRow]]]:
    """Each row with each group of its child rows that print figures (a row broken down twice,
    by place and by sex, has two groups)."""
    out = []
    for p in rows:
        kids = [rows[k] for k in p.children if not rows[k].heading]
        for g in sorted({k.group for k in kids}) or [0]:
            out.append((p, [k for k in kids if k.group == g]))
    return out


def _column_units(tf: TableFacts) -> bool:
    """Whether every amount column names its unit in the header ("Số tiền (tỷ đồng)", "Số hộ")."""
    cols = _amount_columns(tf)
    named = _unit_named()
    return bool(cols) and all(named.search(c.header) for c in cols)


def _caption_unit(tf: TableFacts) -> bool:
    """Whether the caption gives one unit for the whole table ("Biểu 02: Chi ngân sách (ĐVT: tỷ
    đồng)"): every row is then in that unit."""
    return bool(re.search(words("columns", "unit").pattern + r"\s*:\s*\w", tf.table.caption, re.IGNORECASE))


@functools.cache
def _unit_named() -> re.Pattern[str]:
    """A header that names its unit: in brackets, not a per cent, or by what it counts ([columns] counted)."""
    return re.compile(r"\((?!%)[^)]*\)|" + phrases.W + phrases.alt(phrases.words("tables", "columns", "counted")),
                      re.IGNORECASE)


def _partition(labels: list[str]) -> bool:
    return len(labels) >= 2 and partition([classify(x) for x in labels])


def _shares(tf: TableFacts) -> None:
    rows = tf.rows
    prod = cue("shares", "production_value")
    grdp = cue("shares", "grdp")
    # a "Cơ cấu …" row whose children print per-cent shares
    for p, kids in _child_groups(rows):
        if not _has("shares", "words", p.label) or len(kids) < 2 or any(k.unplaced for k in kids):
            continue
        for c in _amount_columns(tf):
            if all(c.index in k.values for k in kids):
                tf.shares.append(ShareSet(kids, c, p.label, p, bool(grdp.search(p.label) or not p.label),
                                          bool(prod.search(p.label))))
    # a share column over the top-level rows of a table with a total row
    for c in tf.columns:
        if c.role != "share":
            continue
        tops = [r for r in rows if r.parent is None and not r.total and not r.heading]
        if len(tops) < 2 or any(r.unplaced for r in tops) or not all(c.index in r.values for r in tops):
            continue
        if _has("shares", "words", c.header) or any(
                r.total and c.index in r.values and abs(r.values[c.index].value - HUNDRED) <= r.values[c.index].half
                for r in rows):
            # "Cơ cấu (%)", or a "Tỷ lệ (%)" column whose total row prints 100
            ss = ShareSet(tops, c, c.header, None, bool(grdp.search(c.header)), bool(prod.search(c.header)))
            _share_amounts(tf, ss)
            tf.shares.append(ss)
        elif not _inferred_ratio(tf, c):
            _inferred_shares(tf, c, tops)


def _share_amounts(tf: TableFacts, ss: ShareSet) -> None:
    """The amounts a share column divides: the nearest column of figures on its left, when every
    share row and a total row print one (``Thực hiện (ha)`` beside ``Tỷ trọng (%)``)."""
    left = [c for c in _amount_columns(tf) if c.index < ss.col.index]
    total = next((r for r in tf.rows if r.total), None)
    if not left or total is None:
        return
    col = left[-1]
    if col.index in total.values and all(col.index in r.values for r in ss.rows):
        ss.amounts, ss.total = col, total


def share_expected(ss: ShareSet, row: TRow) -> tuple[Decimal, Decimal] | None:
    """The range of 100 × amount ÷ total for one share row, over the printed rounding."""
    if ss.amounts is None or ss.total is None:
        return None
    k = ss.amounts.index
    a, t = row.values[k], ss.total.values[k]
    if t.value - t.half <= 0:
        return None
    return HUNDRED * (a.value - a.half) / (t.value + t.half), HUNDRED * (a.value + a.half) / (t.value - t.half)


def _inferred_ratio(tf: TableFacts, c: Column) -> bool:
    """A "Tỷ lệ (%)" column after exactly two columns of figures may be the later over the earlier
    ("Đã cứng hóa (km)" over "Chiều dài (km)"). It is read so only when at least three rows
    show it and at most one row disagrees: the other rows prove what the column is."""
    values = [x for x in tf.columns[: c.index] if x.role == "value"]
    if len(values) != 2:
        return False
    later, earlier = values[1].index, values[0].index
    found = [Ratio(r, c, r.values[c.index], r.values[later], r.values[earlier]) for r in tf.rows
             if c.index in r.values and later in r.values and earlier in r.values]
    bad = sum(1 for x in found if not ratio_holds("ratio", x.printed, x.later, x.earlier))
    if len(found) - bad >= 3 and bad <= 1:
        c.role, c.pair, c.pair_how = "ratio", (later, earlier), "shown by the other rows"
        tf.ratios.extend(found)
        return True
    return False


def _inferred_shares(tf: TableFacts, c: Column, tops: list[TRow]) -> None:
    """A "Tỷ lệ (%)" column beside one column of amounts, in a table without a total row, holds
    each row's share of their sum when the rows show it: at least three rows, at most one that
    disagrees ("Nguồn vốn | Số tiền | Tỷ lệ": 80% + 10% + 10%)."""
    left = [x for x in _amount_columns(tf) if x.index < c.index]
    if len(left) != 1 or len(tops) < 3 or any(r.total for r in tf.rows):
        return
    k = left[0].index
    if not all(k in r.values for r in tops):
        return
    amounts = [r.values[k] for r in tops]
    whole = sum((a.value for a in amounts), Decimal(0))
    slack = sum((a.half for a in amounts), Decimal(0))
    if whole - slack <= 0:
        return
    bad = 0
    for r, a in zip(tops, amounts, strict=True):
        v = r.values[c.index]
        lo = HUNDRED * (a.value - a.half) / (whole + slack)
        hi = HUNDRED * (a.value + a.half) / (whole - slack)
        if not lo - v.half <= v.value <= hi + v.half:
            bad += 1
    if bad <= 1:
        ss = ShareSet(tops, c, c.header, None, False, False)
        tf.shares.append(ss)


_ROLES = ("start", "escaped", "fell_back", "newly", "end")


def _ledger_role(text: str) -> str:
    t = _norm(text)
    found = [(m.start(), role) for role in _ROLES for m in [words("ledger", role).search(t)] if m]
    if len(found) != 1:
        return ""
    return found[0][1]


def _category(text: str) -> str:
    t = _norm(text)
    if _has("ledger", "near", t):
        return "near"
    if _has("ledger", "poor", t):
        return "poor"
    return ""


def _ledgers(tf: TableFacts) -> None:
    rows = tf.rows
    # ledger by rows: rows labelled đầu năm / thoát nghèo / … / cuối năm, one column of counts
    groups: dict[str, dict[str, TRow]] = {}
    for r in rows:
        role = _ledger_role(r.label)
        if not role or r.is_rate():
            continue
        cat = _category(r.label) or (_category(rows[r.parent].label) if r.parent is not None else "")
        if not cat:
            continue
        g = groups.setdefault(cat, {})
        if role in g:
            g["_dup"] = r
        g[role] = r
    for cat, g in groups.items():
        if "_dup" in g or "start" not in g or "end" not in g or len(g) < 3:
            continue
        for c in _amount_columns(tf):
            cells = {role: r.values[c.index] for role, r in g.items() if c.index in r.values}
            if set(cells) == set(g) and not any(v.pct for v in cells.values()):
                tf.ledgers.append(Ledger(cat, cells, c.header))
    # ledger by columns: headers đầu năm / thoát nghèo / … / cuối năm, one row per place
    roles: dict[str, Column] = {}
    for c in tf.columns:
        role = _ledger_role(c.header)
        if role and c.role in ("value", "unknown", "change"):
            if role in roles:
                return
            roles[role] = c
    if "start" in roles and "end" in roles and len(roles) >= 3:
        cat = _category(" ".join(c.header for c in roles.values())) or "poor"
        for r in rows:
            got = {role: read_value(tf.table.rows[r.index].cells[c.index]) for role, c in roles.items()}
            cells = {k: v for k, v in got.items() if v is not None and not v.pct}
            if len(cells) == len(got):
                tf.ledgers.append(Ledger(cat, cells, r.label))


def _rates(tf: TableFacts) -> None:
    bounded = cue("rates", "bounded", False)
    unbounded = cue("rates", "unbounded", False)
    for r in tf.rows:
        if not (r.unit.strip() == "%" or (not tf.col("unit") and re.search(r"\(%\)|%$", r.label))):
            continue
        if not bounded.search(r.label) or unbounded.search(r.label):
            continue
        for c in _amount_columns(tf):
            v = r.values.get(c.index)
            if v is not None and v.value > HUNDRED:
                tf.rates.append(Rate(r, c, v))


_HOUSEHOLD_ROWS = {("rate", "near"): "near_rate", ("rate", "poor"): "poor_rate",
                   ("count", "near"): "near_count", ("count", "poor"): "poor_count"}


def _rate_counts(tf: TableFacts) -> None:
    """A poverty rate row (``Tỷ lệ hộ nghèo``, %) beside its count row (``Số hộ nghèo``) and the
    row of all households (``Tổng số hộ``): DOMAIN.md, "Poverty": rate = poor ÷ households × 100.
    Read only when the table has one row of each (per category and ledger moment: the year-end
    rate goes with the year-end count)."""
    base = [r for r in tf.rows if words("households", "total").fullmatch(_norm(r.label).rstrip(":"))
            and not r.heading]
    if len(base) != 1:
        return
    hh = base[0]
    if tf.col("unit") is not None and not _counted(hh.unit):
        return
    found: dict[tuple[str, str, str], list[TRow]] = {}
    for r in tf.rows:
        if r.heading or r is hh:
            continue
        low = _norm(r.label)
        for (what, cat), key in _HOUSEHOLD_ROWS.items():
            if words("households", key).match(low):
                found.setdefault((what, cat, _ledger_role(low)), []).append(r)
                break
    for (what, cat, role), rs in found.items():
        if what != "rate":
            continue
        counts = found.get(("count", cat, role), [])
        if len(rs) != 1 or len(counts) != 1:
            continue
        rate, count = rs[0], counts[0]
        if not rate.is_rate() or (tf.col("unit") is not None and not _counted(count.unit)):
            continue
        for c in _amount_columns(tf):
            k = c.index
            if k in rate.values and k in count.values and k in hh.values and not count.values[k].pct:
                tf.rate_counts.append(RateCount(cat, rate.values[k], count.values[k], hh.values[k], rate, c,
                                                ("row", rate.index)))


def _rate_count_columns(tf: TableFacts) -> None:
    """The same in columns: one column of all households (``Tổng số hộ``), and per category a count
    column and a rate column (``Hộ nghèo`` over ``Số hộ`` and ``Tỷ lệ (%)``), one row a place. A
    rate column already read as a ratio of its two neighbours is checked by N132, not here; one
    whose total row prints 100 is a share of the poor, not a rate; and the rows must show what the
    column is (at least half of them agree), as for any column read from its neighbours."""
    def head(c: Column) -> str:
        return re.sub(r"\s*\([^()]*\)$", "", _norm(c.header))

    hh = [c for c in tf.columns if c.role == "value" and words("households", "total").fullmatch(head(c))]
    if len(hh) != 1:
        return
    counts: dict[tuple[str, str], list[Column]] = {}
    rates: dict[tuple[str, str], list[Column]] = {}
    for c in tf.columns:
        cat = _category(c.header)
        if not cat or c is hh[0]:
            continue
        key = (cat, _ledger_role(c.header))
        if _has("shares", "rate", _norm(c.header)):
            if c.role in ("share", "value", "unknown") and c.pair is None:
                rates.setdefault(key, []).append(c)
        elif c.role == "value":
            counts.setdefault(key, []).append(c)
    for key, rs in rates.items():
        cs = counts.get(key, [])
        if len(rs) != 1 or len(cs) != 1:
            continue
        rc_, cc = rs[0], cs[0]
        found: list[RateCount] = []
        for r in tf.rows:
            rv, nv, hv = r.values.get(rc_.index), r.values.get(cc.index), r.values.get(hh[0].index)
            if rv is None or nv is None or hv is None or nv.pct or hv.pct:
                continue
            if r.total and abs(rv.value - HUNDRED) <= rv.half:
                found = []
                break  # "Tỷ lệ" summing to 100 on the total row: each place's share of the poor
            found.append(RateCount(key[0], rv, nv, hv, r, rc_, ("col", rc_.index)))
        if 2 * sum(1 for x in found if rate_holds(x)) >= len(found):
            tf.rate_counts.extend(found)


def rate_interval(rc: RateCount) -> tuple[Decimal, Decimal] | None:
    """The range of 100 × count ÷ households over the printed rounding."""
    _, n, d = rc.cells()
    return ratio_interval(n, d)


def rate_holds(rc: RateCount) -> bool:
    iv = rate_interval(rc)
    if iv is None:
        return True
    r = rc.cells()[0]
    return iv[0] - r.half <= r.value <= iv[1] + r.half


def _holds_sum(s: Sum) -> bool:
    whole, parts = s.values()
    total, tol = sum_bounds(whole, parts)
    return abs(total - whole.value) <= tol if s.exhaustive else total <= whole.value + tol


def _holds_shares(ss: ShareSet) -> bool:
    """Whether the shares add up to 100, or to what their parent row prints (``Cơ cấu … | 100,02``:
    the rows line up even where the structure itself is off)."""
    vals = [r.values[ss.col.index] for r in ss.rows]
    total = sum((v.value for v in vals), Decimal(0))
    tol = sum((v.half for v in vals), Decimal(0))
    if abs(total - HUNDRED) <= tol:
        return True
    printed = ss.parent.values.get(ss.col.index) if ss.parent is not None else None
    return printed is not None and abs(total - printed.value) <= tol + printed.half


def _confirm_positions(tf: TableFacts) -> None:
    """In a table whose figures are placed by position only (a flattened table with fewer figures
    a row than years), a relation between rows stands only where it holds in most of the columns:
    the columns that agree prove that the rows line up; otherwise it is dropped, unread."""

    def keep(items: list[Any], key: Callable[[Any], object], holds: Callable[[Any], bool]) -> list[Any]:
        groups: dict[object, list[Any]] = {}
        for x in items:
            groups.setdefault(key(x), []).append(x)
        out = []
        for g in groups.values():
            good = sum(1 for x in g if holds(x))
            if 2 * good > len(g):
                out.extend(g)
        return out

    tf.sums = keep(tf.sums, lambda s: (s.kind, s.whole.index), _holds_sum)
    tf.shares = keep(tf.shares, lambda ss: ss.label, _holds_shares)
    tf.rate_counts = keep(tf.rate_counts, lambda rc: (rc.category, rc.group), rate_holds)
    tf.ledgers = []  # a ledger by rows needs every figure of its column: not confirmed by position


# -- the document's tables ------------------------------------------------------------------------


def tables(plan: Plan) -> list[TableFacts]:
    """Every table of the document, read (or with the reason it is not)."""
    return [read_table(t, i) for i, t in enumerate(plan.tables, start=1)]


# -- arithmetic -----------------------------------------------------------------------------------


def sum_bounds(whole: Value, parts: list[Value]) -> tuple[Decimal, Decimal]:
    """How far the printed sum of the parts may lie from the printed whole by rounding alone."""
    tol = whole.half + sum((p.half for p in parts), Decimal(0))
    return sum((p.value for p in parts), Decimal(0)), tol


def ratio_interval(later: Value, earlier: Value) -> tuple[Decimal, Decimal] | None:
    """The range of 100 × later ÷ earlier over the true values the printed ones round from."""
    lo_d, hi_d = earlier.value - earlier.half, earlier.value + earlier.half
    if lo_d <= 0:
        return None
    lo_n, hi_n = later.value - later.half, later.value + later.half
    return HUNDRED * lo_n / hi_d, HUNDRED * hi_n / lo_d


def expected(kind: str, later: Value, earlier: Value) -> Decimal | None:
    if kind == "change":
        return later.value - earlier.value
    if earlier.value == 0:
        return None
    r = HUNDRED * later.value / earlier.value
    return r - HUNDRED if kind == "growth" else r


def ratio_holds(kind: str, printed: Value, later: Value, earlier: Value) -> bool:
    """Whether the printed comparison agrees with its two values within the printed rounding."""
    p = printed.value
    if kind == "change":
        diff = later.value - earlier.value
        return abs(p - diff) <= printed.half + later.half + earlier.half or abs(abs(p) - abs(diff)) <= (
            printed.half + later.half + earlier.half) and (p >= 0) == (diff >= 0)
    iv = ratio_interval(later, earlier)
    if iv is None:
        return True
    lo, hi = iv
    if kind == "growth":
        lo, hi = lo - HUNDRED, hi - HUNDRED
    return lo - printed.half <= p <= hi + printed.half


def points_hold(printed: Value, later: Value, earlier: Value) -> bool:
    """A comparison of two rates printed in points (2,0 against 2,5: -0,5) instead of a ratio."""
    diff = later.value - earlier.value
    tol = printed.half + later.half + earlier.half
    return abs(printed.value - diff) <= tol or abs(printed.value - abs(diff)) <= tol


def arith(parts: list[Value]) -> str:
    return " + ".join(p.raw.rstrip("%").strip() for p in parts)


def fmt_like(value: Decimal, like: list[Value]) -> str:
    """``value`` printed with the most decimals among ``like`` (Vietnamese style)."""
    from .vocab import fmt

    return fmt(value, max((v.decimals for v in like), default=0))


def cell_name(tf: TableFacts, row: TRow, col: Column) -> str:
    """How a message names a cell: ``"Tổng thu ngân sách" (TH 2025), table 1``."""
    what = f"{row.number} {row.label}".strip() if row.number and row.number not in "-+*" else row.label
    return f"“{what}” ({col.header or f'column {col.index + 1}'})"


# -- planlint facts -------------------------------------------------------------------------------


def inventory(plan: Plan) -> list[FactRow]:
    out = []
    for tf in plan.fact(tables):
        t = tf.table
        head = f"table {tf.index}" + (f" ({t.caption})" if t.caption else "")
        if not tf.understood:
            out.append(FactRow("table", t.span, f"{head}: {t.kind}, {len(t.rows)} rows — not read: {tf.reason}",
                               {"kind": t.kind, "understood": False, "reason": tf.reason}))
            continue
        parts = [f"{len(tf.sums)} sums", f"{len(tf.ratios)} comparisons", f"{len(tf.shares)} share sets",
                 f"{len(tf.ledgers)} ledgers", f"{len(tf.rates)} rates",
                 f"{len(tf.rate_counts)} rates against their counts"]
        out.append(FactRow("table", t.span, f"{head}: {tf.shape()}; {', '.join(parts)}",
                           {"kind": t.kind, "understood": True, "rows": len(tf.rows), "columns": len(tf.columns),
                            "header_rows": tf.header_rows,
                            "roles": [c.role for c in tf.columns]}))
    return out


__all__ = ["share_expected", "Column", "Ledger", "Rate", "RateCount", "Ratio", "rate_holds", "rate_interval",
           "ShareSet", "Sum", "TRow", "TableFacts", "Value", "expected",
           "points_hold", "ratio_holds", "read_value", "read_table", "sum_bounds", "tables", "words"]
