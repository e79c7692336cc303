"""Statements: what the figure reader recognises in a sentence's typed token stream.

Each block (paragraph, bullet) of the preamble and body becomes one token stream
(``planlint.scan.tokens``: figures from ``planlint.facts.quantities``, cue classes from
``rules/cues.toml``, labels and boundaries). Each sentence of it that holds a candidate (a
percentage right after a verb of achievement or change) is parsed by the grammar over token
classes, ``grammar/figures.lark``; a phrasing the grammar does not cover yields no statement.

Statement kinds so far:

* **achievement**: a value and the percentage it is of a base, the base's value in brackets
  (``ước đạt 18,64 tỷ đồng, đạt 112,4% dự toán (dự toán 16,5 tỷ đồng)``; ``bằng 95% so với cùng
  kỳ (năm 2024: 160 ha)``): value ÷ base × 100;
* **change**: a value and its change in per cent against an earlier period whose value is in
  brackets (``đạt 265 tỷ đồng, tăng 12,8% so với cùng kỳ (năm 2024 đạt 241 tỷ đồng)``): value ÷
  base × 100 − 100 (a fall: 100 − value ÷ base × 100);
* **exceed**: a value and how far it went past its target (``đạt 56,25 triệu USD, vượt 12,5% kế
  hoạch (kế hoạch 50 triệu USD)``): value ÷ base × 100 − 100;
* **ratio**: a value and how many times its base it is (``đạt 64 triệu đồng, tăng 1,6 lần so với
  năm 2020 (năm 2020: 40 triệu đồng)``): value ÷ base (a fall ``giảm 2 lần``: base ÷ value).
  ``tăng N lần`` is read either way Vietnamese writes it (N times the base, or N more times):
  only a ratio that meets neither reading is inconsistent.

Each kind is read in three orders: the other value in brackets after the percentage, in brackets
before it (``đạt 245 tỷ đồng (năm 2024: 239,5 tỷ đồng), bằng 102,3% so với cùng kỳ``), or the
percentage first and the value in the next clause (``đạt 102,3% so với cùng kỳ, đạt 245 tỷ đồng
(năm 2024: 239,5 tỷ đồng)``). A bare number in the brackets (``(năm 2024: 1.250)``) is in the
value's unit. A fourth order gives each value after its year, in two clauses, then the
percentage (``năm 2024 đạt 160 tấn; năm 2025 đạt 152 tấn, bằng 95% so với cùng kỳ``): the earlier
year's value is the base, and a percentage against a third year is not read.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ..i18n import Word, seq
from ..parsing.tree import Paragraph, Plan, Span
from ..scan import figure_grammar
from ..scan.tokens import Tok, tokenize
from ..scan.units import convert
from . import FactRow
from .quantities import Quantity, blocks, extract
from .vocab import clean_label, fmt

if TYPE_CHECKING:
    from lark import Tree

_ANCHORS = frozenset({"REACH", "UP", "DOWN", "EXCEED"})
_WINDOW_START = frozenset({"COLON", "DOT", "LPAR", "RPAR"})
_TAIL = frozenset({"COMPARE", "PLAN", "PAST", "LABEL", "YEAR"})
_BARE_RATIO = Decimal(10)  # a bare base further than this factor from the value is in another unit


@dataclass(slots=True)
class Statement:
    kind: str  # "achievement" | "change" | "exceed" | "ratio"
    para: Paragraph
    block: int
    label: str  # what the value is of ("Tổng thu ngân sách trên địa bàn")
    value: Quantity  # the actual (this period's) value
    pct: Quantity  # the percentage printed (a ratio: the number of times)
    base: Quantity  # the target's or the earlier period's value
    base_word: str  # "dự toán", "kế hoạch", "cùng kỳ", "năm 2024"
    sign: int = 1  # a change: +1 up, -1 down
    verb: str = ""  # the cue before the percentage, as printed ("đạt", "tăng")
    nouns: tuple[str, str] = ("", "")  # the words after a bare value and after a bare base ("vụ")
    anchor: str = "REACH"  # the cue class before the percentage: REACH UP DOWN EXCEED
    bare_base: bool = False  # the base is a bare number closing its brackets ("(năm 2024: 1.250)")

    @property
    def span(self) -> Span:
        lo = min(self.value.start, self.pct.start, self.base.start)
        hi = max(self.value.end, self.pct.end, self.base.end)
        return self.para.span_of(lo, hi)

    def _base_value(self) -> Decimal | None:
        """The base in the value's unit (None: different dimensions or no unit to convert)."""
        v, b = self.value, self.base
        if self.bare_base and b.unit is None:
            # "(năm 2024: 1.250)": the earlier value in the value's own unit, unless far off
            if not b.value or not 1 / _BARE_RATIO <= v.value / b.value <= _BARE_RATIO:
                return None
            return b.value
        if v.unit is None or b.unit is None:
            # bare numbers compare when they count the same thing ("45 vụ" and "(50 vụ)")
            same = v.unit is None and b.unit is None and self.nouns[0] and self.nouns[0] == self.nouns[1]
            return b.value if same else None
        try:
            return convert(b.value, b.unit, v.unit)
        except (ValueError, ArithmeticError):
            return None

    def bounds(self) -> tuple[Decimal, Decimal] | None:
        """The percentage the two values allow, low to high, given their printed rounding."""
        base = self._base_value()
        if base is None:
            return None
        scale = base / self.base.value if self.base.value else Decimal(1)
        v, hv = self.value.value, self.value.half_unit
        b, hb = base, self.base.half_unit * scale
        if b - hb <= 0 or v - hv < 0:
            return None
        if self.kind == "ratio":
            if self.sign < 0:
                return ((b - hb) / (v + hv), (b + hb) / (v - hv)) if v - hv > 0 else None
            return (v - hv) / (b + hb), (v + hv) / (b - hb)
        lo, hi = (v - hv) / (b + hb) * 100, (v + hv) / (b - hb) * 100
        if self.kind in ("change", "exceed"):
            lo, hi = (lo - 100, hi - 100) if self.sign > 0 else (100 - hi, 100 - lo)
        return lo, hi

    def computed(self) -> Decimal | None:
        base = self._base_value()
        if not base:
            return None
        if self.kind == "ratio":
            if self.sign < 0:
                return base / self.value.value if self.value.value else None
            return self.value.value / base
        r = self.value.value / base * 100
        if self.kind in ("change", "exceed"):
            r = r - 100 if self.sign > 0 else 100 - r
        return r

    def checkable(self) -> bool:
        return all(q.exact for q in (self.value, self.pct, self.base)) and self.bounds() is not None

    def consistent(self) -> bool:
        """Whether the printed percentage, within its own rounding, meets what the values allow."""
        b = self.bounds()
        if b is None:
            return True
        p, hp = self.pct.value, self.pct.half_unit
        if p + hp >= b[0] and p - hp <= b[1]:
            return True
        # "tăng 1,6 lần" is also written for 1,6 more times (2,6 times the base)
        return self.kind == "ratio" and self.anchor == "UP" and p + 1 + hp >= b[0] and p + 1 - hp <= b[1]

    def arithmetic(self) -> str:
        c = self.computed()
        base = self._base_value()
        if c is None or base is None:
            return ""
        d = max(self.pct.decimals, 1)
        v, b = fmt(self.value.value, self.value.decimals), fmt(base, self.base.decimals)
        if self.kind == "ratio":
            return f"{b} ÷ {v} = {fmt(c, max(d, 2))}" if self.sign < 0 else f"{v} ÷ {b} = {fmt(c, max(d, 2))}"
        ratio = f"{v} ÷ {b} × 100"
        if self.kind in ("change", "exceed"):
            ratio = f"{ratio} − 100" if self.sign > 0 else f"100 − {ratio}"
        return f"{ratio} = {fmt(c, d)}%"


@dataclass(slots=True)
class PartsTotal:
    """Parts listed one by one, then their sum (``…; tổng cộng 36 hộ``)."""

    para: Paragraph
    block: int
    parts: list[tuple[str, Quantity]]  # (label, value)
    total: Quantity
    word: str  # the total's cue as printed
    linked: bool = False  # the total stands in an earlier sentence (a "Cụ thể:" sentence of parts)

    @property
    def span(self) -> Span:
        if self.linked:
            return self.para.span_of(self.parts[0][1].start, self.parts[-1][1].end)
        return self.para.span_of(self.parts[0][1].start, self.total.end)


def figure_kind(q: Quantity) -> str:
    if q.role == "year":
        return "YEAR"
    if q.role == "date":
        return "DATE"
    if q.role != "quantity" or q.ambiguous or q.rng is not None:
        return "NUMX"
    if q.unit is not None and q.unit.dimension.startswith("ratio"):
        return "PCT" if not q.unit.compound else "NUMX"
    return "NUM"


def token_stream(text: str, qs: list[Quantity]) -> list[Tok]:
    figs = []
    exceed = cue_words("EXCEED")
    for q in qs:
        start = q.qual_start if 0 <= q.qual_start < q.num.start else q.num.start
        if start < q.num.start and " ".join(text[start:q.num.start].lower().split()) in exceed:
            # "vượt 12,5% kế hoạch": the qualifier is the verb of an exceed statement, a cue of its own
            start = q.num.start
        figs.append((start, max(q.end, q.num.full_end), figure_kind(q), q))
    return tokenize(text, figs)


def quantities_by_block(plan: Plan) -> dict[int, list[Quantity]]:
    out: dict[int, list[Quantity]] = {}
    for q in plan.fact(extract):
        out.setdefault(q.block, []).append(q)
    return out


def _bracket_after(toks: list[Tok], k: int) -> int | None:
    """The index of the ``)`` closing the bracket opened at ``toks[k]`` (within ten tokens)."""
    if k >= len(toks) or toks[k].kind != "LPAR":
        return None
    e = k + 1
    while e < len(toks) and e <= k + 10 and toks[e].kind not in ("RPAR", "LPAR"):
        e += 1
    return e if e < len(toks) and toks[e].kind == "RPAR" else None


def _bracket_before(toks: list[Tok], k: int) -> int | None:
    """The index of the ``(`` opening the bracket closed at ``toks[k]`` (within ten tokens)."""
    if k < 0 or toks[k].kind != "RPAR":
        return None
    b = k - 1
    while b >= 0 and b >= k - 10 and toks[b].kind not in ("RPAR", "LPAR"):
        b -= 1
    return b if b >= 0 and toks[b].kind == "LPAR" else None


def _tail_end(toks: list[Tok], k: int) -> int:
    """The first index from ``k`` past the words that say what a percentage is measured against."""
    while k < len(toks) and toks[k].kind in _TAIL:
        k += 1
    return k


def _candidates(toks: list[Tok]) -> list[tuple[int, int]]:
    """``(anchor, end)`` of every figure a statement turns on: a percentage after REACH, UP, DOWN
    or EXCEED (end: the token after it), or a number of times (``tăng 1,6 lần``; end: after
    ``lần``)."""
    out = []
    for i, t in enumerate(toks):
        if i < 1 or toks[i - 1].kind not in _ANCHORS:
            continue
        if t.kind == "PCT":
            out.append((i - 1, i + 1))
        elif t.kind == "NUM" and i + 1 < len(toks) and toks[i + 1].kind == "TIMES" and toks[i - 1].kind != "EXCEED":
            out.append((i - 1, i + 2))
    return out


def _value_before(toks: list[Tok], j: int) -> int | None:
    """The value at ``toks[j]``, perhaps followed by a label (``j`` the token before them)."""
    if j > 0 and toks[j].kind == "LABEL":
        j -= 1
    return j if j >= 0 and toks[j].kind == "NUM" else None


def _pair_windows(toks: list[Tok]) -> list[tuple[int, int]]:
    """``(first, last)`` of every percentage after REACH, UP or DOWN that follows, after a comma,
    a value; from the start of its sentence (at most 14 tokens back) to the end of its tail."""
    out = []
    for a, f in _candidates(toks):
        if f != a + 2 or a < 3 or toks[a - 1].kind != "COMMA" or toks[a].kind == "EXCEED":
            continue
        s = a - 1
        while s > 0 and a - s < 14 and toks[s - 1].kind not in ("DOT", "COLON", "LPAR", "RPAR"):
            s -= 1
        if s > 0 and toks[s - 1].kind not in ("DOT", "COLON"):
            continue
        out.append((s, _tail_end(toks, f) - 1))
    return out


def _windows(toks: list[Tok]) -> list[tuple[int, int]]:
    """``(first, last)`` token indexes of every candidate, in the orders the grammar reads: the
    value, the percentage and the other value in brackets after it; the value, the bracket, then
    the percentage; the percentage, then the value and its bracket in the next clause."""
    out = []
    for a, f in _candidates(toks):
        i = a + 1
        j = a - 1  # the value, perhaps followed by a label and a comma or a bracket
        for skip in (("COMMA", "LPAR"), ("LABEL",)):
            if j > 0 and toks[j].kind in skip:
                j -= 1
        if j >= 0 and toks[j].kind == "NUM":
            if toks[a - 1].kind == "LPAR" or (toks[a - 1].kind == "LABEL" and toks[a - 2].kind == "LPAR"):
                # the percentage and its base inside one bracket: the window ends where it closes
                e = f
                while e < len(toks) and e <= i + 10 and toks[e].kind not in ("RPAR", "LPAR"):
                    e += 1
                if e < len(toks) and toks[e].kind == "RPAR":
                    out.append((j, e))
                continue
            k = f
            while k < len(toks) and k <= i + 8 and toks[k].kind not in ("LPAR", "COMMA", "SEMI", "DOT"):
                k += 1
            close = _bracket_after(toks, k)
            if close is not None:
                out.append((j, close))
            continue
        t = _tail_end(toks, f)
        # the other value in brackets between the value and the percentage
        r = a - 2 if a >= 2 and toks[a - 1].kind == "COMMA" else a - 1
        lp = _bracket_before(toks, r)
        if lp is not None:
            v = _value_before(toks, lp - 1)
            if v is not None and (t >= len(toks) or toks[t].kind != "LPAR"):
                out.append((v, t - 1))
            continue
        # the percentage first: "[label] đạt 102,3% so với cùng kỳ, đạt 245 tỷ đồng (năm 2024: …)"
        s = a - 1 if a >= 1 and toks[a - 1].kind == "LABEL" else a
        s -= s > 0 and toks[s - 1].kind == "TOTAL"  # "Tổng mức bán lẻ …"
        if s > 0 and toks[s - 1].kind not in _WINDOW_START | {"SEMI", "COMMA"}:
            continue
        if t + 1 >= len(toks) or toks[t].kind != "COMMA":
            continue
        u = t + 1 + (toks[t + 1].kind in ("REACH", "VERB"))
        if u >= len(toks) or toks[u].kind != "NUM":
            continue
        close = _bracket_after(toks, u + 1 + (u + 1 < len(toks) and toks[u + 1].kind == "LABEL"))
        if close is not None:
            out.append((s, close))
    return out


def _total_windows(toks: list[Tok]) -> list[tuple[int, int]]:
    """``(first, last)`` of every run of parts ended by a TOTAL cue and its value."""
    out = []
    for i, t in enumerate(toks):
        if t.kind != "TOTAL" or i < 3 or toks[i - 1].kind not in ("COMMA", "SEMI"):
            continue
        e = i + 1
        while e < len(toks) and e <= i + 3 and toks[e].kind in ("LABEL", "VERB", "COLON"):
            e += 1
        if e >= len(toks) or toks[e].kind != "NUM":
            continue
        j = i - 1
        while j > 0 and toks[j - 1].kind not in _WINDOW_START:
            j -= 1
        out.append((j, e))
    return out


def _detail_windows(toks: list[Tok]) -> list[tuple[int, int]]:
    """``(first, last)`` of every sentence that opens with a CONSIST cue (``Cụ thể:``)."""
    out = []
    for i, t in enumerate(toks):
        if t.kind != "CONSIST" or (i and toks[i - 1].kind != "DOT"):
            continue
        e = i + 1
        while e < len(toks) - 1 and toks[e].kind != "DOT":
            e += 1
        out.append((i, e))
    return out


def parse_window(window: list[Tok]) -> Tree | None:
    """The statement subtree of a window, or None when the grammar does not accept it."""
    from lark.exceptions import UnexpectedInput

    parser = figure_grammar.parser()  # a broken grammar raises here, loudly, instead of hiding every statement
    try:
        tree = parser.parse(window)
    except UnexpectedInput:  # a window the grammar does not accept yields nothing
        return None
    return next(c for c in tree.iter_subtrees_topdown() if c.data != "start")


def _leaves(tree: Tree, name: str) -> list[int]:
    """Token indexes under the first subtree called ``name``."""
    for st in tree.iter_subtrees_topdown():
        if st.data == name:
            return [int(x) for x in st.scan_values(lambda v: True)]
    return []


_LABEL_STOP = frozenset({"SEMI", "COLON", "DOT", "COMMA", "LPAR", "RPAR", "NUM", "PCT", "DATE"})


def label_at(text: str, sent: list[Tok], i: int) -> str:
    """The words of the clause before token ``i``: what its figure is of."""
    j = i
    while j > 0 and sent[j - 1].kind not in _LABEL_STOP:
        j -= 1
    return clean_label(text[sent[j].start:sent[i].start]) if j < i else ""


def _noun(sent: list[Tok], i: int) -> str:
    """The first word of the label at ``sent[i]`` (lower-cased), or ""."""
    if i < len(sent) and sent[i].kind == "LABEL":
        return sent[i].text.split()[0].lower()
    return ""


def statements(plan: Plan) -> list[Statement]:
    """Every statement the grammar recognises, in document order. Only blocks holding a
    percentage (or a number of times) and two other figures are tokenised (the others cannot
    hold a statement)."""
    out: list[Statement] = []
    by_block = plan.fact(quantities_by_block)
    times = cue_words("TIMES")
    for bi, b in enumerate(plan.fact(blocks)):
        qs = by_block.get(bi, [])
        if len(qs) < 3:
            continue
        if not any(figure_kind(q) == "PCT" for q in qs) and not any(w in b.paragraph.text.lower() for w in times):
            continue
        toks = token_stream(b.paragraph.text, qs)
        for j, e in _windows(toks):
            st = parse_window(toks[j:e + 1])
            if st is None:
                continue
            vi = j + _leaves(st, "value")[0]
            pi = j + (_leaves(st, "pct") or _leaves(st, "times"))[0]
            ref = [j + x for x in (_leaves(st, "reference") or _leaves(st, "inner"))]
            ri = next(x for x in reversed(ref) if toks[x].kind == "NUM")
            word_at = _leaves(st, "base") or _leaves(st, "period") or [
                int(c) for c in st.children if isinstance(c, str) and toks[j + int(c)].kind in ("PLAN", "PAST")]
            base_word = " ".join(toks[j + x].text for x in word_at)
            # what the value counts: the words right after it ("hộ thoát nghèo"), else those before
            # it; the percentage first: the words before the percentage ("Doanh thu du lịch")
            label = clean_label(toks[vi + 1].text) if toks[vi + 1].kind == "LABEL" else ""
            if not label and pi < vi:
                label = clean_label(b.paragraph.text[toks[j].start:toks[pi - 2].end]) if pi - 1 > j else ""
            anchor = toks[pi - 1].kind
            pct = toks[pi].payload
            if anchor == "EXCEED" and pct.qual == ">":
                pct = replace(pct, qual="", qual_start=-1)  # "vượt" was read as "more than"
            out.append(Statement(
                str(st.data), b.paragraph, bi, label or label_at(b.paragraph.text, toks, vi), toks[vi].payload,
                pct, toks[ri].payload, base_word, -1 if anchor == "DOWN" else 1,
                toks[pi - 1].text, (_noun(toks, vi + 1), _noun(toks, ri + 1)), anchor,
                ri + 1 < len(toks) and toks[ri + 1].kind == "RPAR" and toks[ri].payload.unit is None))
        for j, e in _pair_windows(toks):
            pair = _pair(b.paragraph, bi, toks, j, e)
            if pair is not None:
                out.append(pair)
    return out


def _pair(para: Paragraph, bi: int, toks: list[Tok], j: int, e: int) -> Statement | None:
    """The statement of a ``pair`` window: the later year's value against the earlier year's,
    when the period the percentage names (if any) is the earlier year or the same period before."""
    st = parse_window(toks[j:e + 1])
    if st is None or st.data != "pair":
        return None
    idx = [j + int(x) for x in st.scan_values(lambda v: True)]
    years = [i for i in idx if toks[i].kind == "YEAR"]
    nums = [i for i in idx if toks[i].kind == "NUM"]
    pi = next(i for i in idx if toks[i].kind == "PCT")
    y1, y2 = (int(toks[y].payload.value) for y in years[:2])
    if y1 == y2 or toks[nums[0]].payload.unit is None or toks[nums[1]].payload.unit is None:
        return None
    later, earlier = (nums[1], nums[0]) if y2 > y1 else (nums[0], nums[1])
    named = [int(toks[y].payload.value) for y in years[2:]]
    if named and named != [min(y1, y2)]:
        return None  # the percentage is against another year
    anchor = toks[pi - 1].kind
    kind = "achievement" if anchor == "REACH" else "change"
    word = " ".join(toks[i].text for i in idx if i > pi and toks[i].kind in ("PAST", "LABEL", "YEAR"))
    # what the values are of: the first words before the percentage that are not a year's noun
    # (the last word of a label right before a year: "Sản lượng lúa năm | 2024")
    # (the longest; not the noun right after a value: "… tấn cá")
    labels = [clean_label(" ".join(toks[i].text.split()[:-1] if toks[i + 1].kind == "YEAR" else toks[i].text.split()))
              for i in idx if i < pi and toks[i].kind == "LABEL" and toks[i - 1].kind != "NUM"]
    label = max(labels, key=lambda w: len(w.split()), default="")
    return Statement(kind, para, bi, label, toks[later].payload, toks[pi].payload, toks[earlier].payload,
                     word or str(min(y1, y2)), -1 if anchor == "DOWN" else 1, toks[pi - 1].text,
                     (_noun(toks, later + 1), _noun(toks, earlier + 1)), anchor)


@functools.cache
def cue_words(*classes: str) -> tuple[str, ...]:
    """The cue words of ``classes`` (lower-cased), for a quick look before tokenising."""
    from ..scan.tokens import cue_classes

    words = cue_classes()
    return tuple(sorted({w.lower() for c in classes for w in words.get(c, [])}))


def statement_parts(st: Tree, toks: list[Tok], j: int) -> list[tuple[str, Quantity]]:
    parts = []
    for ch in st.iter_subtrees_topdown():
        if ch.data in ("part", "npart", "bpart"):
            idx = sorted(j + int(x) for x in ch.scan_values(lambda v: True))
            if ch.data != "part" and toks[idx[-1]].kind == "LABEL":
                idx.pop()  # the noun after the value ("940 hồ sơ"): what it counts, not its name
            # the name: every word before the verb and the value ("công nghiệp - xây dựng")
            name = [i for i in idx if toks[i].kind in ("LABEL", "DASH")]
            parts.append((clean_label(" ".join(toks[i].text for i in name)), toks[idx[-1]].payload))
        elif ch.data == "vpart":  # "64 doanh nghiệp", "128 hộ kinh doanh cá thể": the value, then its name
            at = sorted(j + int(x) for x in ch.scan_values(lambda v: True))
            q = toks[at[0]].payload
            parts.append((clean_label(" ".join([q.unit_text or ""] + [toks[i].text for i in at[1:]])), q))
    parts.sort(key=lambda p: p[1].start)
    return parts


def _last_figure(qs: list[Quantity], before: int) -> Quantity | None:
    """The last figure printed before offset ``before`` (years, dates and identifiers skipped)."""
    for q in reversed(qs):
        if q.start < before and figure_kind(q) not in ("YEAR", "DATE", "NUMX"):
            return q
    return None


def parts_totals(plan: Plan) -> list[PartsTotal]:
    """Every list of parts with its total: followed by it (``…; tổng cộng 64 hộ``), or a
    ``Cụ thể:`` sentence of parts linked to the figure stated just before it, in the same
    paragraph or the one before (the nearest figure, and only when it measures the same thing)."""
    out: list[PartsTotal] = []
    by_block = plan.fact(quantities_by_block)
    cues = cue_words("TOTAL", "CONSIST")
    for bi, b in enumerate(plan.fact(blocks)):
        qs = by_block.get(bi, [])
        if len(qs) < 2:
            continue
        low = b.paragraph.text.lower()
        if not any(w in low for w in cues):
            continue  # no cue of a total or of a list of parts: nothing to tokenise
        toks = token_stream(b.paragraph.text, qs)
        for j, e in _total_windows(toks):
            st = parse_window(toks[j:e + 1])
            if st is None or st.data != "parts_total":
                continue
            word = next(t.text for t in toks[j:e + 1] if t.kind == "TOTAL")
            out.append(PartsTotal(b.paragraph, bi, statement_parts(st, toks, j), toks[e].payload, word))
        for j, e in _detail_windows(toks):
            st = parse_window(toks[j:e + 1])
            if st is None or st.data != "detail":
                continue
            parts = statement_parts(st, toks, j)
            total = _last_figure(qs, parts[0][1].start) or _last_figure(by_block.get(bi - 1, []), 1 << 30)
            if total is None or total.unit is None or any(q.unit is None for _, q in parts):
                continue
            if any(q.unit is None or q.unit.dimension != total.unit.dimension for _, q in parts):
                continue
            out.append(PartsTotal(b.paragraph, bi, parts, total, toks[j].text, linked=True))
    return out


def inventory(plan: Plan) -> list[FactRow]:
    rows = []
    for pt in plan.fact(parts_totals):
        terms = " + ".join(q.shown() for _, q in pt.parts)
        kind = "link: total, then parts" if pt.linked else "statement: parts, then total"
        text = seq(f"{pt.total.shown()} (", plan.place(pt.total.span.start, bare=True), f") = {pt.word} {terms}") \
            if pt.linked else f"{terms}; {pt.word} {pt.total.shown()}"
        rows.append(FactRow(kind, pt.span, text, {
            "kind": "parts_total", "parts": [[lab, str(q.value)] for lab, q in pt.parts],
            "total": str(pt.total.value)}))
    for s in plan.fact(statements):
        what = Word("statement." + {"achievement": "of", "change": "up_on" if s.sign > 0 else "down_on",
                                    "exceed": "over", "ratio": "times"}[s.kind])
        pct = s.pct.shown()
        text = seq(f"{s.label or '?'}: {s.value.shown()}, {pct} ", what, f" {s.base_word} ({s.base.shown()})")
        rows.append(FactRow(f"statement: {s.kind}", s.span, text, {
            "kind": s.kind, "label": s.label, "value": str(s.value.value), "percent": str(s.pct.value),
            "base": str(s.base.value), "base_word": s.base_word, "sign": s.sign,
        }))
    return rows
