"""Shares and breakdowns: the numbers of a plan that must add up (DOMAIN.md, "Shares").

* A **share group** is the shares of one whole. The figure grammar reads most of them
  (``planlint.facts.figure_lists``: ``Cơ cấu …: A x%; B y%; C z%``, ``A chiếm tỷ trọng x%, B chiếm
  y%``, ``A giảm còn x%, B tăng lên y%``); the cue reader here adds the lists whose names come
  first and whose values follow ``tương ứng`` / ``lần lượt`` (``cơ cấu nông nghiệp - công nghiệp -
  dịch vụ tương ứng 36,20% - 34,50% - 29,30%``, or the labels of the statement before), and the
  shares printed beside the values of a breakdown. A group is *exhaustive* when its parts are
  the sectors I, II, III (with T, taxes on products, in a GRDP), or when a ``cơ cấu`` or an
  allocation lists named parts after a colon; an exhaustive group sums to 100 within the
  rounding of its printed decimals. A group whose three sectors fall short of 100 by about the
  size of the taxes part (``taxes_gap`` in ``rules/sectors.toml``) and that is not stated as
  production value may be a GRDP printed without its fourth part: that is not an error.
  Changes (``giảm 0,07% so với năm 2023``), comparisons in brackets (``cùng kỳ năm 2022 là …``)
  and contributions to growth (``đóng góp``) are not share groups.
* A **breakdown** is a total with its parts (``1.525,59 tỷ đồng; trong đó: A 599,39; B 661; C
  265,20``, ``1.239,3 ha (rừng tự nhiên: 50 ha, rừng trồng: 1189,3 ha)``). Parts in another
  dimension never add (``1.500 con, tỷ lệ lai 95%``); parts in another unit of the same dimension
  are converted (pint, only then). It is exhaustive when introduced by ``gồm``, when its parts are
  the sectors or one complementary set (``tự nhiên``/``trồng``, ``đánh bắt``/``nuôi trồng``), or when
  shares of the same parts that sum to 100 go with it; a ``trong đó`` list may be partial, and then
  only never exceeds its total.
* A **link** pairs a breakdown with the share group of the same parts (values and shares given
  together): each share should be value / total within one unit of its last printed place.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal

from ..i18n import Word, glossary, seq
from ..parsing.tree import Plan, Span
from ..phrases import alt, words
from ..scan.numbers import format_vn
from ..scan.units import PERCENT, convert, same_dimension
from . import FactRow
from .quantities import Quantity, Sentence, sentences
from .vocab import classify, clean_label, complement_cover, complement_members, cue, data, members_cover, partition


@functools.cache
def _join_only() -> re.Pattern[str]:
    """Only separators and joiners (``" - "``, ``", "``, ``" và "``) between two values."""
    return re.compile(r"^(?:[\s;,\-–—]|" + alt(words("sectors", "shares", "joiners")) + r")*$", re.IGNORECASE)


@functools.cache
def _list_split() -> re.Pattern[str]:
    return re.compile(r"\s*(?:\s[-–—]\s|,|;|\s" + alt(words("sectors", "shares", "joiners")) + r"\s)\s*", re.IGNORECASE)


@functools.cache
def _share_note() -> re.Pattern[str]:
    """What stands between a part's value and its share: ``(chiếm``, ``, chiếm tỷ trọng khoảng``."""
    verbs = alt(words("sectors", "shares", "note_verbs"))
    nouns = alt(words("sectors", "shares", "note_nouns"))
    qualifiers = alt(words("sectors", "shares", "note_qualifiers"))
    return re.compile(r"\s*[,(]?\s*" + verbs + r"\s*(?:" + nouns + r"\s*)?(?:" + qualifiers + r"\s*)?|\s*\(\s*",
                      re.IGNORECASE)

_BRACKETED = re.compile(r"\([^()]*\)")


@dataclass(slots=True)
class Part:
    q: Quantity
    label: str
    classes: frozenset[str] = frozenset()


@dataclass(slots=True)
class ShareGroup:
    sentence: Sentence
    cue: str  # the cue word as printed: "Cơ cấu", "tỷ trọng"
    cue_start: int
    parts: list[Part]
    exhaustive: bool
    reason: str  # "sectors", "named list", "allocation", "taxes left out", "partial"
    production: bool = False  # stated as production value (giá trị sản xuất)
    grdp: bool = False  # may be GRDP (taxes on products a part of it)
    bounded: bool = False  # some part is a bound (trên/dưới): only an upper check
    beside: bool = False  # each share printed beside its value ("200 tỷ đồng (chiếm 20%)"), no cue

    @property
    def total(self) -> Decimal:
        return sum((p.q.value for p in self.parts), Decimal(0))

    @property
    def tolerance(self) -> Decimal:
        """n parts × half a unit of each part's last printed place (independent rounding)."""
        return sum((p.q.half_unit for p in self.parts), Decimal(0))

    @property
    def decimals(self) -> int:
        return max(p.q.decimals for p in self.parts)

    @property
    def span(self) -> Span:
        if self.parts[-1].q.para is not self.sentence.para:  # the shares in the items below their head
            return self.sentence.span_of(self.cue_start, self.sentence.end) | self.parts[-1].q.span
        return self.sentence.span_of(self.cue_start, self.parts[-1].q.num.full_end)

    def arithmetic(self) -> str:
        d = self.decimals
        return " + ".join(format_vn(p.q.value, p.q.decimals) for p in self.parts) + f" = {format_vn(self.total, d)}"


@dataclass(slots=True)
class Breakdown:
    sentence: Sentence
    total: Quantity
    label: str  # of the total
    parts: list[Part]
    exhaustive: bool
    reason: str
    values: list[Decimal] = field(default_factory=list)  # parts in the total's unit
    disjoint: bool = False  # the parts cannot overlap (sectors, members of one set)
    notes: list[Quantity | None] = field(default_factory=list)  # each part's share printed beside it
    loose: bool = False  # a phrase stands between the total and its parts: kept only when exhaustive
    noun: str = ""  # what a total of no unit counts, as printed after it and each part ("hồ sơ")

    @property
    def sum(self) -> Decimal:
        return sum(self.values, Decimal(0))

    @property
    def tolerance(self) -> Decimal:
        t = self.total.half_unit
        counted = self.total.unit is not None and not t
        for p, v in zip(self.parts, self.values, strict=True):
            if counted and p.q.unit is None and not p.q.decimals and not p.q.qual:
                continue  # "19 công trình (…, 5 sân thể thao, 3 cầu)": bare parts of a count are counts
            t += p.q.half_unit * (v / p.q.value if p.q.value else 1)
        return t

    @property
    def decimals(self) -> int:
        return max([self.total.decimals] + [p.q.decimals for p in self.parts])

    @property
    def exact(self) -> bool:
        return self.total.exact and all(p.q.exact for p in self.parts)

    @property
    def span(self) -> Span:
        """From the total to the last part (from the first part to the total when it comes last;
        the parts alone when the total stands in another paragraph)."""
        if self.total.para is not self.sentence.para:
            return self.sentence.span_of(self.parts[0].q.start, self.parts[-1].q.end)
        if any(p.q.para is not self.total.para for p in self.parts):
            return self.total.span | self.parts[-1].q.span  # the parts in the items below the total
        return self.sentence.span_of(min(self.total.start, self.parts[0].q.start),
                                     max(self.total.end, self.parts[-1].q.end))

    def arithmetic(self) -> str:
        """``599,39 + 661 + 265,20 = 1.525,59``; parts in another unit are shown converted:
        ``500 tỷ đồng + 600 tỷ đồng = 1,1 nghìn tỷ đồng``."""
        unit = self.total.unit
        mixed = any(p.q.unit is not None and unit is not None and p.q.unit.key != unit.key for p in self.parts)
        if mixed:
            terms = " + ".join(p.q.shown() for p in self.parts)
        else:
            terms = " + ".join(format_vn(p.q.value, p.q.decimals) for p in self.parts)
        return f"{terms} = {self.sum_text()}"

    def sum_text(self) -> str:
        """The parts' sum in the total's unit, with as many decimals as it needs (up to 3)."""
        mixed = any(p.q.unit is not None and self.total.unit is not None and p.q.unit.key != self.total.unit.key
                    for p in self.parts)
        if not mixed:
            return format_vn(self.sum, self.decimals)
        text = format_vn(self.sum, max(self.total.decimals, 3))
        return text.rstrip("0").rstrip(",") if "," in text else text


@dataclass(slots=True)
class Link:
    breakdown: Breakdown
    group: ShareGroup
    pairs: list[tuple[Part, Part]]  # (value part, share part)


# -- share groups -------------------------------------------------------------------------------


def _disjoint(classes: list[frozenset[str]]) -> bool:
    return sum(len(c) for c in classes) == len(frozenset().union(*classes))


def _groups_in(sent: Sentence) -> list[ShareGroup]:
    """The ``tương ứng`` / ``lần lượt`` share lists of a sentence: names first, values after."""
    text = sent.masked
    window = text[sent.start:sent.end]
    cues = [(sent.start + m.start(), sent.start + m.end(), m.group(0)) for m in cue("shares", "cues").finditer(window)]
    allocation = cue("shares", "allocation")
    # "… được phân bổ: A x%; B y%": an allocation introduced by a colon lists the shares of one whole
    cues += [(sent.start + m.start(), sent.start + m.end(), m.group(0)) for m in allocation.finditer(window)
             if window[m.end():m.end() + 3].lstrip().startswith(":")]
    cues.sort()
    if not cues:
        return []
    out = []
    not_cues = cue("shares", "not_cues")
    not_change = cue("shares", "not_change")
    respectively = cue("shares", "respectively")
    starts = [q.start for q in sent.quantities]  # in order: the numbers after each cue by bisection
    for k, (cs, ce, word) in enumerate(cues):
        stop = cues[k + 1][0] if k + 1 < len(cues) else sent.end
        first = bisect_left(starts, ce)
        qs = [q for q in sent.quantities[first:bisect_left(starts, stop, first)] if q.role == "quantity"]
        # the run of percentages right after the cue (a non-percentage ends it)
        run: list[Quantity] = []
        depth0 = -1
        depth_at = _Depth(text, ce).at
        for q in qs:
            if q.unit is PERCENT:
                depth = depth_at(q.start)
                if depth0 < 0:
                    depth0 = depth
                elif depth != depth0:
                    break  # "(năm 2024 tương ứng là 22%, 34%, 44%)": another group in brackets
                run.append(q)
            elif run:
                break
            elif q.unit is not None and q.unit.dimension.startswith("ratio"):
                break  # "%/năm": a growth rate, not a share
        if len(run) < 2:
            continue
        # the statement must be a structure, not a change of one
        scope = text[max(sent.start, cs - 14):run[-1].start]
        scope = not_change.sub(" ", scope)
        if not_cues.search(scope):
            continue
        if any(q.rng is not None or q.ambiguous for q in run):
            continue
        head = text[ce:run[0].start]
        parts: list[Part] = []
        resp = respectively.search(head)
        gaps = [text[a.num.full_end:b.start] for a, b in zip(run, run[1:], strict=False)]
        if resp and all(_join_only().match(g) for g in gaps):
            # "cơ cấu nông nghiệp - công nghiệp - dịch vụ tương ứng 36,20% - 34,50% - 29,30%"
            names_text = head[:resp.start()]
            colon = names_text.rfind(":")
            names_text = names_text[colon + 1:]
            names = [clean_label(n) for n in _list_split().split(names_text) if clean_label(n)]
            if len(names) >= len(run):
                names = names[-len(run):]
            else:
                # "… tăng 3,2%; … tăng 13,8%; … tăng 9,6%. Cơ cấu tương ứng 15,69% - 48,95% - 35,35%":
                # the labels are the previous statement's, in the same order
                names = _previous_labels(sent, cs, len(run)) or [""] * len(run)
            parts = [Part(q, n, classify(n)) for q, n in zip(run, names, strict=True)]
        else:
            continue
        out.append(_judge(sent, word, cs, parts))
    return out


def _judge(sent: Sentence, word: str, cs: int, parts: list[Part], listed: bool = True,
           cover: str = "") -> ShareGroup:
    """The share group of ``parts`` after the cue ``word`` (at ``cs``): exhaustive or not, and why
    (``listed``: the parts may make the whole without being the sectors; ``cover``: why their names
    make the whole between them, ``vocab.members_cover``)."""
    text = sent.masked
    run = [p.q for p in parts]
    allocation = cue("shares", "allocation")
    rate_labels = cue("shares", "rate_labels")
    below = run[0].para is not sent.para  # the shares in the items below their head
    statement = text[max(sent.start, cs - 40):sent.end if below else run[-1].num.full_end]
    production = bool(cue("shares", "production_value").search(statement))
    is_grdp = bool(cue("shares", "grdp").search(statement))
    bounded = any(q.qual in (">", ">=", "<", "<=") for q in run)
    classes = [p.classes for p in parts]
    list_cue = word.lower() in {str(w).lower() for w in data().get("shares", {}).get("list_cues", [])}
    if partition(classes):
        exhaustive, reason = True, "sectors"
    elif cover:
        exhaustive, reason = True, cover
    elif all(classes) and _disjoint(classes):
        exhaustive, reason = False, "partial"
    elif listed and (list_cue or allocation.fullmatch(word)) and all(p.label for p in parts) and \
            not any(rate_labels.search(p.label) for p in parts):
        exhaustive, reason = True, "named list" if list_cue else "allocation"
    else:
        exhaustive, reason = False, "partial"
    group = ShareGroup(sent, word, cs, parts, exhaustive, reason, production, is_grdp, bounded)
    # a structure of labour, capital or a budget has no taxes part: only value added may leave it out
    no_taxes = not is_grdp and bool(cue("shares", "no_taxes").search(
        text[max(sent.start, cs - 40):sent.end if below else run[0].start]))
    if exhaustive and reason == "sectors" and not any("T" in c for c in classes) and not production \
            and not no_taxes:
        lo, hi = (Decimal(str(x)) for x in data().get("shares", {}).get("taxes_gap", [3.0, 15.0]))
        gap = Decimal(100) - group.total
        if lo <= gap <= hi:
            group.exhaustive, group.reason = False, "taxes left out"
    return group


def _previous_labels(sent: Sentence, before: int, n: int) -> list[str] | None:
    """The labels of the last ``n`` numbers printed before ``before`` in the paragraph, when
    they name the sectors (one each, together all three)."""
    text = sent.masked
    qs = [q for q in sent.block_quantities if q.end <= before and q.role == "quantity"]
    if len(qs) < n:
        return None
    tail = qs[-n:]
    labels = []
    prev = tail[0].start
    for i, q in enumerate(tail):
        if i == 0:
            cut = max(text.rfind(";", 0, q.start), text.rfind(":", 0, q.start), text.rfind(". ", 0, q.start))
            raw = text[cut + 1:q.start]
        else:
            raw = text[prev:q.start]
        labels.append(clean_label(raw))
        prev = q.end
    return labels if partition([classify(lab) for lab in labels]) else None


def share_groups(plan: Plan) -> list[ShareGroup]:
    """Every share group of the plan, in document order: after a cue word, or printed beside
    the values of a breakdown (``nông nghiệp 200 tỷ đồng (chiếm 20%); …``)."""
    out: list[ShareGroup] = list(plan.fact(_grammar_groups))
    seen = {id(p.q) for g in out for p in g.parts}
    for sent in plan.fact(sentences):
        if sent.quantities:
            out.extend(g for g in _groups_in(sent) if not any(id(p.q) in seen for p in g.parts))
    for b in plan.fact(_raw_breakdowns):
        if not b.notes or any(n is None for n in b.notes):
            continue
        notes = [n for n in b.notes if n is not None]
        if any(id(n) in seen for n in notes):
            continue
        parts = [Part(n, p.label, p.classes) for n, p in zip(notes, b.parts, strict=True)]
        out.append(ShareGroup(b.sentence, "", notes[0].start, parts, b.exhaustive, b.reason, beside=True,
                              bounded=any(n.qual in (">", ">=", "<", "<=") for n in notes)))
    out.sort(key=lambda g: (g.sentence.index, g.cue_start))
    return out


def _sentences_by_block(plan: Plan) -> dict[int, list[Sentence]]:
    out: dict[int, list[Sentence]] = {}
    for x in plan.fact(sentences):
        out.setdefault(x.index, []).append(x)
    return out


def _sentence_at(plan: Plan, block: int, at: int) -> Sentence | None:
    return next((x for x in plan.fact(_sentences_by_block).get(block, []) if x.start <= at < x.end), None)


def _grammar_groups(plan: Plan) -> list[ShareGroup]:
    """The share lists of the figure reader's grammar (``planlint.facts.figure_lists``), read
    before the cue reader below; one without a ``cơ cấu``/``tỷ trọng`` cue only when its parts
    are the sectors."""
    from .figure_lists import share_lists, shares_over_items

    out = []
    for sl in plan.fact(share_lists) + plan.fact(shares_over_items):
        named = sl.parts
        if len(sl.printed) == len(sl.parts):  # "Đạt 17,9%": a grade whose name is a verb
            named = [(lab or raw.strip(), q) for (lab, q), raw in zip(sl.parts, sl.printed, strict=True)]
        if any(not lab for lab, _ in named):
            continue
        first = sl.parts[0][1]
        sent = _sentence_at(plan, sl.block, first.start if first.block == sl.block else sl.cue_start)
        if sent is None:
            continue
        parts = [Part(q, lab, classify(lab)) for lab, q in named]
        allocation = bool(sl.intro) and bool(cue("shares", "allocation").fullmatch(sl.intro))
        # "chi thường xuyên chiếm 71,5%, chi đầu tư chiếm 26,0%, chi khác chiếm 1,5%", "trên chuẩn
        # 72,6%, đạt chuẩn 26,1%, chưa đạt chuẩn 0,8%": parts that name the whole between them
        cover = _covering(sent, sl.parts[0][1].start, sl.printed)
        if not sl.cue and not allocation and not cover and not partition([p.classes for p in parts]):
            continue
        # a list of named parts makes one whole only when a colon opens it ("Cơ cấu sử dụng đất: …")
        out.append(_judge(sent, sl.cue or sl.intro, sl.cue_start, parts, listed=sl.colon, cover=cover))
    return out


def _covering(sent: Sentence, start: int, printed: list[str]) -> str:
    """Why the shares named ``printed`` make one whole (``vocab.members_cover``), unless they or
    the words before the first share in its sentence are rates (``tỷ lệ … : nam 98%, nữ 96%`` are rates of two
    groups, not shares)."""
    rate_labels = cue("shares", "rate_labels")
    if any(rate_labels.search(x) for x in printed) or rate_labels.search(sent.masked[sent.start:start]):
        return ""
    return members_cover(printed)


# -- breakdowns ---------------------------------------------------------------------------------

@functools.cache
def _intro() -> re.Pattern[str]:
    """What may stand between a total and its parts: ``; trong đó:``, ``(``, ``, gồm``."""
    prefix = alt(words("sectors", "breakdowns", "intro_prefix"))
    intro = alt(words("sectors", "breakdowns", "intro"))
    return re.compile(r"\s*[;,.:]?\s*(?P<paren>\()?\s*(?:(?:" + prefix + r"\s*)?(?P<word>"
                      + intro + r")(?![^\W\d_])\s*[:,]?)?\s*", re.IGNORECASE)


_GAP_PAREN = re.compile(r"(?P<gap>\s+[^\W\d_][^\d;:.()%]{0,60}?)\s*(?P<paren>\()(?P<word>)\s*")


@functools.cache
def _gap_in_which() -> re.Pattern[str]:
    """``1.245 doanh nghiệp đang hoạt động, trong đó 1.310 …``: a short phrase, then ``trong đó``."""
    return re.compile(r"(?P<between>\s+[^\W\d_][^\d;:.()%]{0,40}?)\s*,\s*(?P<paren>)(?P<word>"
                      + alt(words("sectors", "breakdowns", "in_which")) + r")(?![^\W\d_])\s*:?\s*", re.IGNORECASE)


_GAP_COLON = re.compile(r"\s*,?(?P<gap>\s+[^\W\d_][^\d;:.()%]{0,60}?(?:\s\d{1,2}\s[^\W\d_][^\d;:.()%]{0,30})?)"
                        r"\s*:(?P<paren>)(?P<word>)\s*")


def _scope_end(text: str, start: int, limit: int, paren: bool) -> int:
    """Where the parts end: the matching bracket, or the statement's end."""
    depth = 1 if paren else 0
    for i in range(start, limit):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and paren:
                return i
            depth = max(depth, 0)
    return limit


def _is_note(text: str, after: int, at: int) -> bool:
    m = _share_note().match(text, after)
    return m is not None and m.end() == at


class _Depth:
    """Bracket depth at increasing offsets after ``start``: each character is read once however
    many numbers ask (rescanning from ``start`` per number was quadratic)."""

    __slots__ = ("text", "pos", "depth")

    def __init__(self, text: str, start: int) -> None:
        self.text, self.pos, self.depth = text, start, 0

    def at(self, pos: int) -> int:
        depth, text = self.depth, self.text
        for i in range(self.pos, pos):
            c = text[i]
            if c == "(":
                depth += 1
            elif c == ")":
                depth = max(depth - 1, 0)
        self.depth, self.pos = depth, max(self.pos, pos)
        return depth


def _breakdowns_in(sent: Sentence) -> list[Breakdown]:
    text = sent.masked
    out: list[Breakdown] = []
    not_part = cue("breakdowns", "not_part")
    not_total = cue("breakdowns", "not_total")
    exhaustive_words = {str(w).lower() for w in data().get("breakdowns", {}).get("exhaustive", [])}
    in_which_words = {str(w).lower() for w in data().get("breakdowns", {}).get("partial", [])}
    qs = [q for q in sent.quantities if q.role == "quantity"]
    used: set[int] = set()
    for i, t in enumerate(qs):
        if id(t) in used or t.unit is None or t.unit.dimension.startswith("ratio") or t.unit.compound:
            continue
        m = _intro().match(text, t.end)
        if not m or not (m.group("paren") or m.group("word")):
            # "2.450 căn nhà cho hộ nghèo (xây mới 1.870 căn, sửa chữa 580 căn)": a short phrase
            # naming what is counted may stand between the total and its bracketed parts
            # "24.600 triệu đồng, phân bổ cho 3 nội dung: tuyên truyền 4.920 triệu đồng; …": or a
            # short phrase ending in a colon
            m = _gap_in_which().match(text, t.end)
            if m is not None and (len(m.group("between").split()) > 6 or not_part.search(m.group("between"))):
                m = None
            if m is None:
                m = _GAP_PAREN.match(text, t.end) or _GAP_COLON.match(text, t.end)
                if not m or len(m.group("gap").split()) > 8 or not_part.search(m.group("gap")):
                    continue
        total_label = clean_label(text[max(sent.start, t.start - 80):t.start].split(";")[-1])
        if not_total.search(total_label):
            continue  # an average or a rate: its parts do not add
        paren = bool(m.group("paren"))
        word = (m.group("word") or "").lower()
        begin = m.end()
        end = _scope_end(text, begin, sent.end, paren)
        if not paren and word in in_which_words and ":" not in m.group(0):
            # "…, trong đó A 40 hộ; số hộ B 30 hộ": without a colon, a "trong đó" list ends at the
            # first semicolon, and what follows is another statement
            semi = text.find(";", begin, end)
            end = semi if semi >= 0 else end
        parts: list[Part] = []
        notes: dict[int, Quantity] = {}  # part index -> its share printed beside it
        prev = begin
        ok = True
        depth_at = _Depth(text, begin).at
        for q in qs[i + 1:]:
            if q.start < begin:
                continue  # the count in "cho 3 nội dung:"
            if q.start >= end:
                break
            if q.unit is PERCENT and parts and len(parts) - 1 not in notes and _is_note(text, parts[-1].q.end, q.start):
                # "599,39 tỷ đồng (chiếm 39,29%)", "…, chiếm 39,29%": the part's share
                notes[len(parts) - 1] = q
                prev = q.num.full_end
                continue
            if depth_at(q.start) > 0:
                continue  # a bracketed aside inside a part
            if q.unit is not None and q.unit.dimension.startswith("ratio"):
                break
            if q.unit is not None and not same_dimension(q.unit, t.unit):
                break
            if q.unit is None and q.num.sign:
                break
            label = clean_label(text[prev:q.start])
            if not label and not parts and prev == begin and q.unit is not None:
                # "trong đó 1.310 doanh nghiệp nhỏ và vừa": the part named after its number
                after = re.match(r"[^\d;,.()]*", text[q.end:end])
                label = clean_label(after.group(0)) if after else ""
            if not label or not_part.search(text[prev:q.start]) or q.rng is not None:
                ok = False
                break
            parts.append(Part(q, label, classify(label)))
            prev = q.end
        if not ok or not parts:
            continue
        rest = _BRACKETED.sub(" ", text[prev:end])
        if re.search(r"\d", rest):
            continue  # more numbers we did not understand
        try:
            values = [convert(p.q.value, p.q.unit, t.unit) if p.q.unit is not None else p.q.value for p in parts]
        except ValueError:
            continue
        labels = [p.label for p in parts]
        if word in exhaustive_words and len(parts) >= 2:
            exhaustive, reason = True, f"“{word}”"
        elif len(parts) >= 2 and partition([p.classes for p in parts]):
            exhaustive, reason = True, "sectors"
        elif len(parts) >= 2 and complement_cover(labels):
            exhaustive, reason = True, "complementary parts"
        else:
            exhaustive, reason = False, "partial"
        classes = [p.classes for p in parts]
        disjoint = exhaustive or (all(classes) and _disjoint(classes)) or complement_members(labels) or places(labels)
        b = Breakdown(sent, t, total_label, parts, exhaustive, reason, values, disjoint,
                      [notes.get(k) for k in range(len(parts))], loose="gap" in m.groupdict())
        out.append(b)
        used.update(id(p.q) for p in parts)
    return out


def _raw_breakdowns(plan: Plan) -> list[Breakdown]:
    out: list[Breakdown] = []
    for sent in plan.fact(sentences):
        if len(sent.quantities) >= 2:
            out.extend(_breakdowns_in(sent))
    return out


def breakdowns(plan: Plan) -> list[Breakdown]:
    """Every total with its parts, in document order; a breakdown stated with shares of the
    same parts that sum to 100 is exhaustive."""
    out = plan.fact(_raw_breakdowns)
    for link in plan.fact(links):
        b, g = link.breakdown, link.group
        if not b.exhaustive and g.exhaustive and abs(g.total - 100) <= g.tolerance:
            b.exhaustive, b.reason = True, "shares of the same parts"
    # "hỗ trợ 120 triệu đồng cho các hộ (ước tính thiệt hại 350 triệu đồng)": after a phrase, a
    # bracket may be an aside; such parts are a breakdown only when they provably exhaust the total
    apart = plan.fact(_totals_apart)
    # a total whose bracket of parts the figure reader reads (each part named before or after its
    # value) is no longer read by the older reader (which names a part by the words before it only)
    read = {id(b.total) for b in apart if b.reason in ("bracket", "partial bracket")}
    return [b for b in out if (not b.loose or b.exhaustive) and id(b.total) not in read] \
        + plan.fact(_totals_after) + apart


def _totals_apart(plan: Plan) -> list[Breakdown]:
    """A total separated from its ``trong đó`` / ``gồm`` parts by clauses without figures, as
    the figure reader recognises it (``planlint.facts.figure_lists``), where the breakdowns
    above do not already hold its total or its parts."""
    from .figure_lists import in_which_parts, totals_in_brackets, totals_over_items, totals_with_parts

    seen = {id(q) for b in plan.fact(_raw_breakdowns) if not b.loose or b.exhaustive
            for q in [b.total] + [p.q for p in b.parts]}
    out = []
    brackets = plan.fact(totals_in_brackets)
    for tp in plan.fact(totals_with_parts) + plan.fact(totals_over_items) + plan.fact(in_which_parts) + brackets:
        t = tp.total
        if any(not lab for lab, _ in tp.parts) or (
                not tp.bracket and (id(t) in seen or any(id(q) in seen for _, q in tp.parts))):
            continue
        noun = ""
        if t.unit is None:
            # "1.340 hồ sơ …; trong số đó, 1.352 hồ sơ được giải quyết": a noun that is no unit, counted
            # by the total and by every part ("24 đội văn nghệ (12 đội của các thôn, …)": in a bracket,
            # one word)
            noun = _same_noun(plan, tp.block, t, [q for _, q in tp.parts], 1 if tp.bracket else 2)
            if not noun:
                continue
        elif t.unit.dimension.startswith("ratio") or t.unit.compound:
            continue
        # "568 thanh niên, phân bổ: thôn A 98, thôn B 112, …": bare counts after a CONSIST cue are in
        # the total's unit; "19 công trình (10 nhà văn hóa, 5 sân thể thao, 3 cầu)": so are those of a
        # bracket of all its parts, beside parts in its unit
        whole = [q for _, q in tp.parts if q.unit is None and q.exact and not q.decimals]
        bare = (len(whole) == len(tp.parts) and (tp.exhaustive or t.unit is None)) or (
            tp.bracket and tp.exhaustive and t.unit is not None and whole)
        if not bare and any(q.unit is None or t.unit is None or q.unit.dimension != t.unit.dimension
                            for _, q in tp.parts):
            continue
        if bare and any(q.unit is not None and (t.unit is None or q.unit.dimension != t.unit.dimension)
                        for _, q in tp.parts):
            continue
        sent = _sentence_at(plan, tp.block, t.start)
        if sent is None or not_total_label(sent, t):
            continue
        try:
            values = [q.value if q.unit is None or t.unit is None else convert(q.value, q.unit, t.unit)
                      for _, q in tp.parts]
        except ValueError:
            continue
        parts = [Part(q, lab, classify(lab)) for lab, q in tp.parts]
        labels = [p.label for p in parts]
        classes = [p.classes for p in parts]
        if tp.bracket:
            exhaustive, reason = tp.exhaustive, "bracket" if tp.exhaustive else "partial bracket"
        elif tp.exhaustive and len(parts) >= 2:
            exhaustive, reason = True, f"“{tp.word}”"
        elif len(parts) >= 2 and (partition(classes) or complement_cover(labels)):
            exhaustive, reason = True, "sectors" if partition(classes) else "complementary parts"
        else:
            exhaustive, reason = False, "partial"
        disjoint = exhaustive or (all(classes) and _disjoint(classes)) or complement_members(labels) \
            or places(labels)
        out.append(Breakdown(sent, t, clean_label(sent.masked[sent.start:t.start].split(";")[-1][-80:]), parts,
                             exhaustive, reason, values, disjoint, [None] * len(parts), noun=noun))
    return out


def _same_noun(plan: Plan, block: int, total: Quantity, parts: list[Quantity], n: int = 2) -> str:
    """The two words that follow the total and each part, all whole numbers of no unit
    (``1.340 hồ sơ thủ tục``, ``1.352 hồ sơ được giải quyết``: one noun counts them all), or ""."""
    from .quantities import blocks

    def noun(q: Quantity) -> tuple[str, ...]:
        text = plan.fact(blocks)[q.block].paragraph.text
        words = re.findall(r"[^\W\d_]+", text[q.num.full_end:q.num.full_end + 40].lower())
        return tuple(words[:n])

    if any(q.unit is not None or q.decimals or not q.exact for q in (total, *parts)):
        return ""
    want = noun(total)
    return " ".join(want) if len(want) == n and all(noun(q) == want for q in parts) else ""


def places(labels: list[str]) -> bool:
    """Whether each label names a different place of one kind (``thôn Đông``, ``thôn Tây``: the
    place nouns of ``[breakdowns] places`` in ``rules/sectors.toml``): parts that never overlap."""
    if len(labels) < 2:
        return False
    nouns = sorted((str(w).lower() for w in data().get("breakdowns", {}).get("places", [])), key=len, reverse=True)
    kinds = set()
    for lab in labels:
        low = lab.lower()
        noun = next((n for n in nouns if low.startswith(n + " ") and len(low) > len(n) + 1), None)
        if noun is None:
            return False
        kinds.add(noun)
    return len(kinds) == 1 and len({lab.lower() for lab in labels}) == len(labels)


def not_total_label(sent: Sentence, t: Quantity) -> bool:
    """Whether the words before ``t`` make it an average or a rate (its parts do not add)."""
    label = clean_label(sent.masked[max(sent.start, t.start - 80):t.start].split(";")[-1])
    return bool(cue("breakdowns", "not_total").search(label))


def _totals_after(plan: Plan) -> list[Breakdown]:
    """Parts listed first and their total after them (``…; tổng cộng 64 hộ``), as the figure
    reader recognises them (``planlint.facts.statements``): a stated sum, so exhaustive."""
    from .statements import parts_totals

    out = []
    sents = plan.fact(sentences)
    for pt in plan.fact(parts_totals):
        t = pt.total
        at = pt.parts[0][1].start
        sent = next((x for x in sents if x.index == pt.block and x.start <= at < x.end), None)
        if sent is None or t.unit is None or t.unit.dimension.startswith("ratio") or t.unit.compound:
            continue
        try:
            values = [convert(q.value, q.unit, t.unit) if q.unit is not None else q.value for _, q in pt.parts]
        except ValueError:
            continue
        if any(q.unit is None for _, q in pt.parts):
            continue
        parts = [Part(q, lab, classify(lab)) for lab, q in pt.parts]
        out.append(Breakdown(sent, t, pt.word, parts, True, "linked" if pt.linked else "a stated sum", values, True,
                             [None] * len(parts)))
    return out


def _same_subject(total_label: str, g: ShareGroup) -> bool:
    """Whether the shares are of the breakdown's whole: ``Cơ cấu giá trị sản xuất`` goes with
    ``Tổng giá trị sản xuất``; ``Cơ cấu lao động`` does not; ``Cơ cấu:`` alone does."""
    if g.beside:
        return True
    text = g.sentence.masked[g.cue_start:g.parts[0].q.start]
    generic = {str(w).lower() for w in data().get("shares", {}).get("subject_generic", [])}
    words = {w for w in re.findall(r"[^\W\d_]+", text.lower())} - generic
    if not words:
        return True
    return bool(words & set(re.findall(r"[^\W\d_]+", total_label.lower())))


def _overlap(a: str, b: str) -> bool:
    wa = {w for w in re.findall(r"\w+", a.lower()) if len(w) > 1}
    wb = {w for w in re.findall(r"\w+", b.lower()) if len(w) > 1}
    return bool(wa & wb)


def links(plan: Plan) -> list[Link]:
    """Breakdowns and share groups of the same parts, stated together (same paragraph,
    the shares after the values)."""
    groups = plan.fact(share_groups)
    out: list[Link] = []
    for b in plan.fact(_raw_breakdowns):
        cands = [g for g in groups if g.sentence.index == b.sentence.index and g.cue_start > b.total.start
                 and len(g.parts) == len(b.parts) and (len(b.parts) >= 2 or g.beside)
                 and _same_subject(b.label, g)]
        if not cands:
            continue
        g = cands[0]
        pairs: list[tuple[Part, Part]] = []
        vc = [p.classes for p in b.parts]
        sc = [p.classes for p in g.parts]
        if partition(vc) and partition(sc):
            for vp in b.parts:
                match = [sp for sp in g.parts if sp.classes == vp.classes]
                if len(match) != 1:
                    pairs = []
                    break
                pairs.append((vp, match[0]))
        elif all(_overlap(vp.label, sp.label) for vp, sp in zip(b.parts, g.parts, strict=True)):
            pairs = list(zip(b.parts, g.parts, strict=True))
        if pairs:
            out.append(Link(b, g, pairs))
    out.extend(_stated_totals(plan, {id(sp.q) for link in out for _, sp in link.pairs}))
    return out


def _stated_totals(plan: Plan, seen: set[int]) -> list[Link]:
    """A value and its share of a whole stated elsewhere in the section (``Chi thường xuyên 45,2
    tỷ đồng, chiếm 20,0% tổng chi ngân sách xã``), as the figure reader links them
    (``planlint.facts.figure_lists``): a link of one part."""
    from .figure_lists import value_shares

    out = []
    for vs in plan.fact(value_shares):
        sent = _sentence_at(plan, vs.block, vs.value.start)
        if sent is None or id(vs.share) in seen or vs.total.unit is None or vs.value.unit is None:
            continue
        try:
            value = convert(vs.value.value, vs.value.unit, vs.total.unit)
        except ValueError:
            continue
        vp, sp = Part(vs.value, vs.label, classify(vs.label)), Part(vs.share, vs.label, classify(vs.label))
        b = Breakdown(sent, vs.total, vs.whole, [vp], False, "share of a stated total", [value])
        g = ShareGroup(sent, "", vs.share.start, [sp], False, "share of a stated total", beside=True)
        out.append(Link(b, g, [(vp, sp)]))
    return out


def grouping_term(reason: str) -> Word | str:
    """Why a group is whole or partial, in the reader's language where the glossary names it
    (``rules/messages.toml [grouping]``); a cue word quoted from the document stays as printed."""
    key = reason.replace(" ", "_")
    return Word(f"grouping.{key}") if key in glossary().get("grouping", {}) else reason


def share_of(value: Decimal, total: Decimal) -> Decimal:
    return value * 100 / total if total else Decimal(0)


# -- inventory ----------------------------------------------------------------------------------


def inventory(plan: Plan) -> list[FactRow]:
    rows = []
    for g in plan.fact(share_groups):
        parts = "; ".join(f"{p.label or '?'} {format_vn(p.q.value, p.q.decimals)}%" for p in g.parts)
        kind = grouping_term("exhaustive" if g.exhaustive else g.reason)
        shown = seq(g.cue or grouping_term("beside values"), " (", kind, f"): {parts}; "
                    f"Σ = {format_vn(g.total, g.decimals)}%")
        rows.append(FactRow("share group", g.span, shown, {
            "parts": [{"label": p.label, "value": str(p.q.value), "sectors": sorted(p.classes)} for p in g.parts],
            "sum": str(g.total), "exhaustive": g.exhaustive, "reason": g.reason,
        }))
    for link in plan.fact(links):
        b = link.breakdown
        where = plan.place(b.total.span.start, bare=True)
        pairs = "; ".join(f"{vp.label or '?'} {vp.q.shown()} ↔ {format_vn(sp.q.value, sp.q.decimals)}%"
                          for vp, sp in link.pairs)
        rows.append(FactRow("share link", link.group.span,
                            seq(f"{pairs} ", Word("statement.of"), f" {b.label or '?'} {b.total.shown()} (", where,
                                ")"), {
                                "total": str(b.total.value), "reason": b.reason,
                                "pairs": [{"label": vp.label, "value": str(vp.q.value), "share": str(sp.q.value)}
                                          for vp, sp in link.pairs]}))
    for b in plan.fact(breakdowns):
        parts = "; ".join(f"{p.label} {p.q.shown()}" for p in b.parts)
        kind = grouping_term("exhaustive" if b.exhaustive else "partial")
        rows.append(FactRow("breakdown", b.span,
                            seq(f"{b.total.shown()} (", kind, f") = {parts}; "
                                f"Σ = {format_vn(b.sum, b.decimals)} {b.total.unit_text}"), {
                                "total": str(b.total.value), "unit": b.total.unit.key if b.total.unit else None,
                                "parts": [{"label": p.label, "value": str(v)}
                                          for p, v in zip(b.parts, b.values, strict=True)],
                                "exhaustive": b.exhaustive, "reason": b.reason,
                            }))
    return rows
