"""Share lists and totals with their parts, as the figure reader's grammar recognises them.

The statements of ``grammar/figures.lark`` that the share and breakdown facts
(``planlint.facts.shares``) take in beside what they read themselves:

* **share_list**: shares of one whole, each after its name and the verbs that join them
  (``nông nghiệp chiếm tỷ trọng 28,5%, công nghiệp - xây dựng chiếm 31,2%, dịch vụ chiếm 40,3%``),
  or where each share ends after a change verb (``Cơ cấu lao động nông nghiệp giảm còn 42%, công
  nghiệp tăng lên 28%, dịch vụ 30%``; a change by an amount, ``giảm 2%``, is not a share). A list
  without a ``SHARE`` cue (``cơ cấu``, ``tỷ trọng``) is kept only when its parts are the sectors
  or name the whole between them (``planlint.facts.shares``). A list may also stand one share a
  sentence when its parts are the sectors, or one share a sub-item under a head closing with a
  colon (``shares_over_items``).
* **value_share**: a value and its share of a whole named after it (``Chi thường xuyên 45,2 tỷ
  đồng, chiếm 20,0% tổng chi ngân sách xã``), linked to the whole's value where the section states
  it (``Tổng chi ngân sách xã 226 tỷ đồng``): the nearest figure before, in the same paragraph or
  an earlier one of the same section, whose words contain the whole's name, in the value's
  dimension and larger than it; two candidates with different values link nothing.
* **total_parts**: a total, clauses without figures or verbs, then ``trong đó`` / ``gồm`` and its
  parts (``Tổng số hộ nghèo 120 hộ, tập trung chủ yếu ở các thôn vùng cao, trong đó: thôn Đông 40
  hộ, …``): the parts of a total that the older reader loses when the clause is long.

A window the grammar does not accept yields nothing (precision first). Each window is tried from
its longest reading to its shortest ending at a figure, so a trailing clause (``… (năm 2024
tương ứng là …)``, ``… so với năm 2024``) is left out rather than spoiling the statement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..parsing.tree import Plan, Section
from ..scan.tokens import Tok
from .quantities import Quantity, blocks
from .statements import figure_kind, label_at, parse_window, quantities_by_block, statement_parts, token_stream
from .vocab import classify, clean_label, complement_cover, cue, data, partition

if TYPE_CHECKING:
    from lark import Tree

_FIGURES = frozenset({"NUM", "PCT", "YEAR", "DATE", "NUMX"})
_SENTENCE_END = frozenset({"DOT"})
_LISTS = frozenset({"share_list", "respective"})
_LIST_ENDS = frozenset({"PCT", "RPAR"})
_CAP = 160  # tokens a statement may span
_REACH_BACK = 30  # paragraphs a total may stand before its share
_NAME = frozenset({"LABEL", "DASH", "COMMA"})
_CLAUSE_STOP = frozenset({"DOT", "SEMI", "COLON", "LPAR", "RPAR"})
_IN_NAME = frozenset({"duration", "ordinal"})  # figures that may stand in a share's name ("từ 15 đến 64 tuổi")
_NAME_RUN = frozenset({"NUMX", "LABEL", "VERB", "DASH"})


@dataclass(slots=True)
class ShareList:
    block: int
    cue: str  # the SHARE cue as printed ("Cơ cấu", "tỷ trọng"), or "" when there is none
    cue_start: int  # offset where the statement starts
    parts: list[tuple[str, Quantity]]  # (name, share)
    intro: str = ""  # the CONSIST cue before a colon that opens the list ("được phân bổ:")
    colon: bool = False  # a colon stands before the first share ("Cơ cấu sử dụng đất: …")
    printed: list[str] = field(default_factory=list)  # each share's name and verbs as printed ("trên chuẩn")


@dataclass(slots=True)
class ValueShare:
    block: int
    label: str  # what the value is of ("Chi thường xuyên")
    value: Quantity
    share: Quantity
    whole: str  # the whole's name as printed after the share ("tổng chi ngân sách xã")
    total: Quantity  # the whole's value, stated elsewhere


@dataclass(slots=True)
class TotalParts:
    block: int
    total: Quantity
    word: str  # the cue before the parts, lower-cased ("trong đó", "gồm")
    exhaustive: bool  # a CONSIST cue: the parts make the whole
    parts: list[tuple[str, Quantity]]
    bracket: bool = False  # the parts stand in a bracket right after the total


def _readings(toks: list[Tok], start: int, end: int, kinds: frozenset[str], at: frozenset[str],
              joined: frozenset[int] = frozenset(), dots: frozenset[int] = frozenset()) -> list[tuple[int, Tree]]:
    """Every window ``toks[start:e + 1]`` (``e < end``, ``toks[e].kind`` in ``at``) that the
    grammar reads as one of ``kinds``, longest first. One incremental pass: the tokens are fed
    once and each candidate end is tried on a copy of the parser. A window longer than ``_CAP``
    tokens whose reading may go on past the cap is not read (a list is not judged on a part).
    Before each token of ``joined`` a comma is read that is not printed (its value is -1); each
    token of ``dots`` (a sentence end) is read as a comma."""
    from lark import Token
    from lark.exceptions import UnexpectedInput

    from ..scan.figure_grammar import parser

    ip = parser().parse_interactive([])
    out: list[tuple[int, Tree]] = []
    stop = min(end, start + _CAP)
    for i in range(start, stop):
        try:
            if i in joined:
                ip.feed_token(Token("COMMA", -1))
            ip.feed_token(Token("COMMA" if i in dots else toks[i].kind, i - start))
        except UnexpectedInput:  # the grammar reads no longer window from here
            return out[::-1]
        if toks[i].kind in at:
            try:
                tree = ip.copy().feed_eof()
            except UnexpectedInput:  # not a whole statement here
                continue
            st = next(c for c in tree.iter_subtrees_topdown() if c.data != "start")
            if st.data in kinds:
                out.append((i, st))
    return out[::-1] if stop == end else []


def _longest(toks: list[Tok], start: int, ends: list[int], kind: str) -> tuple[int, Tree] | None:
    """The longest window ``toks[start:e + 1]`` (``e`` in ``ends``) that the grammar reads as ``kind``."""
    if not ends:
        return None
    found = _readings(toks, start, max(ends) + 1, frozenset({kind}), frozenset(toks[e].kind for e in ends))
    return next(((e, st) for e, st in found if e in set(ends)), None)


def _sentence_end(toks: list[Tok], i: int) -> int:
    while i < len(toks) and toks[i].kind not in _SENTENCE_END and toks[i].kind not in ("LPAR", "RPAR"):
        i += 1
    return i


class _Streams:
    """The token stream of each block holding a figure, made when first asked for, once per plan."""

    __slots__ = ("plan", "made")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.made: dict[int, list[Tok]] = {}

    def get(self, bi: int, default: list[Tok] | None = None) -> list[Tok]:
        toks = self.made.get(bi)
        if toks is None:
            qs = self.plan.fact(quantities_by_block).get(bi)
            if not qs:
                return default if default is not None else []
            toks = self.made[bi] = token_stream(self.plan.fact(blocks)[bi].paragraph.text, qs)
        return toks

    def __getitem__(self, bi: int) -> list[Tok]:
        return self.get(bi)


def _streams(plan: Plan) -> _Streams:
    return _Streams(plan)


def _block_streams(plan: Plan, need: frozenset[str],
                   keep: Callable[[list[Quantity]], bool] | None = None) -> list[tuple[int, list[Tok]]]:
    """``(block index, token stream)`` of the blocks holding a cue of ``need`` and two figures
    (and whose figures ``keep`` accepts)."""
    from .statements import cue_words

    words = cue_words(*need)
    by_block = plan.fact(quantities_by_block)
    streams = plan.fact(_streams)
    out = []
    for bi, b in enumerate(plan.fact(blocks)):
        qs = by_block.get(bi, [])
        if len(qs) < 2 or (keep is not None and not keep(qs)):
            continue
        low = b.paragraph.text.lower()
        if need and not any(w in low for w in words):
            continue
        out.append((bi, streams[bi]))
    return out


# -- share lists ----------------------------------------------------------------------------------


def _share_parts(st: Tree, toks: list[Tok], j: int, text: str,
                 printed: list[str]) -> list[tuple[str, Quantity]] | None:
    """The (name, share) of each share of a share list (each name as printed, with its verbs and
    qualifiers, into ``printed``)."""
    out = []
    for ch in st.iter_subtrees_topdown():
        if ch.data != "share":
            continue
        idx = sorted(j + int(x) for x in ch.scan_values(lambda v: True) if int(x) >= 0)
        k = 0
        while k + 1 < len(idx) and toks[idx[k + 1]].kind in _NAME:
            k += 1
        if toks[idx[0]].kind == "REACH" or (k + 3 == len(idx) - 1 and toks[idx[k + 1]].kind == "REACH"
                                             and toks[idx[k + 2]].kind == "LABEL"):
            k = len(idx) - 2  # "đạt chuẩn 29,1%", "chưa đạt chuẩn 1,5%": the verb is in the name
        name = clean_label(text[toks[idx[0]].start:toks[idx[k]].end])
        if not classify(name):
            # "tiếp đến là khu vực công nghiệp và xây dựng chiếm 32,8%": the sector may be named
            # after a verb
            name = next((clean_label(toks[i].text) for i in idx[k + 1:-1]
                         if toks[i].kind == "LABEL" and classify(toks[i].text)), name)
        out.append((name, toks[idx[-1]].payload))
        printed.append(text[toks[idx[0]].start:toks[idx[-2]].end] if len(idx) > 1 else "")
    order = sorted(range(len(out)), key=lambda i: out[i][1].start)
    printed[:] = [printed[i] for i in order]
    return [out[i] for i in order]


def _respective_parts(st: Tree, toks: list[Tok], j: int, text: str) -> list[tuple[str, Quantity]] | None:
    """The (name, share) pairs of a ``lần lượt`` / ``tương ứng`` list, or of shares after a colon:
    each share's name in brackets after it, or the names before the cue or colon (those in brackets
    when there are: ``Cơ cấu kinh tế (nông nghiệp - công nghiệp - dịch vụ): …``), in order (the
    last ones when the first carries the subject: ``kinh tế nông nghiệp - công nghiệp - dịch
    vụ``); None when they do not pair up or a word between two shares is not a joiner."""
    joiners = {str(w).lower() for w in data().get("shares", {}).get("joiners", [])}
    idx = sorted(j + int(x) for x in st.scan_values(lambda v: True) if int(x) >= 0)
    first = next(i for i in idx if toks[i].kind == "PCT")
    cue = next((i for i in idx if toks[i].kind == "RESPECTIVELY"), None)
    if cue is None:  # "Cơ cấu kinh tế (…): 25,1% - …", "Cơ cấu kinh tế: 25,1% (nông nghiệp) - …"
        cue = max(i for i in idx if i < first and toks[i].kind == "COLON")
    shares: list[tuple[int, str]] = []  # token index of each share, its bracketed name
    depth = 0
    for i in idx[idx.index(cue) + 1:]:
        t = toks[i]
        if t.kind == "LPAR":
            depth = 1
        elif t.kind == "RPAR":
            depth = 0
        elif t.kind == "PCT":
            shares.append((i, ""))
        elif depth and t.kind in _NAME and shares:
            k, name = shares[-1]
            shares[-1] = (k, (name + " " if name else "") + t.text)
        elif t.kind == "LABEL" and t.text.lower() not in joiners:
            return None
    if all(name for _, name in shares):
        return [(clean_label(name), toks[k].payload) for k, name in shares]
    # the names before the cue: split at commas and joiners, then at dashes if too few; shares
    # joined by dashes name their parts the same way ("Nông nghiệp – Công nghiệp, TTCN, xây dựng –
    # Thương mại, dịch vụ tương ứng 31,4% – 29,8% – 37,9%": the commas stay inside the names)
    words = [toks[i] for i in idx if i < cue and toks[i].kind in _NAME]
    bracket = [i for i in idx if i < cue and toks[i].kind in ("LPAR", "RPAR")]
    if len(bracket) == 2:  # "Cơ cấu kinh tế (nông nghiệp - công nghiệp - dịch vụ): …": the names inside
        words = [toks[i] for i in idx if bracket[0] < i < bracket[1] and toks[i].kind in _NAME]
    dashed = all(any(toks[x].kind == "DASH" for x in range(a, b))
                 for (a, _), (b, _) in zip(shares, shares[1:], strict=False))
    pieces = _split_names(text, words, dashes=True, only_dashes=True) if dashed else []
    if len(pieces) != len(shares):
        pieces = _split_names(text, words, dashes=False)
    if len(pieces) < len(shares):
        pieces = _split_names(text, words, dashes=True)
    if len(pieces) < len(shares):
        return None
    return [(name, toks[k].payload) for name, (k, _) in zip(pieces[-len(shares):], shares, strict=True)]


def _split_names(text: str, words: list[Tok], dashes: bool, only_dashes: bool = False) -> list[str]:
    """The names of ``words`` split at commas and joiners (and dashes with ``dashes``), or at
    dashes alone (``only_dashes``: commas and joiners then stay inside a name)."""
    joiners = {str(w).lower() for w in data().get("shares", {}).get("joiners", [])}
    out: list[str] = []
    cur: list[str] = []
    for t in words:
        if (t.kind == "COMMA" and not only_dashes) or (dashes and t.kind == "DASH"):
            out.append(" ".join(cur))
            cur = []
        elif t.kind == "DASH":
            cur.append("-")
        elif t.kind == "COMMA":
            cur[-1:] = [cur[-1] + ","] if cur else []
        elif only_dashes:
            cur.append(t.text)
        else:
            for w in t.text.split():
                if w.lower() in joiners:
                    out.append(" ".join(cur))
                    cur = []
                else:
                    cur.append(w)
    out.append(" ".join(cur))
    return [clean_label(x) for x in out if clean_label(x)]


def share_lists(plan: Plan) -> list[ShareList]:
    """Every share list the grammar reads, in document order: from a ``SHARE`` cue (not one inside
    a share: ``chiếm tỷ trọng``), the start of a block or sentence, a colon, a comma, or a dash
    after a figure (bullets run together); the earliest start that reads wins."""
    out: list[ShareList] = []
    by_block = plan.fact(quantities_by_block)
    for bi, b in enumerate(plan.fact(blocks)):
        qs = by_block.get(bi, [])
        if sum(1 for q in qs if figure_kind(q) == "PCT") < 2:
            continue
        text = b.paragraph.text
        toks = _numbered_names(plan.fact(_streams)[bi], text)
        joiners = {str(w).lower() for w in data().get("shares", {}).get("joiners", [])}
        starts = [i for i, t in enumerate(toks)
                  if (t.kind == "SHARE" and not (i and toks[i - 1].kind == "VERB")) or i == 0
                  or toks[i - 1].kind in ("DOT", "COLON")
                  or (toks[i - 1].kind in ("IN_WHICH", "CONSIST") and t.kind != "COLON")
                  or (toks[i - 1].kind == "COMMA" and t.kind == "LABEL")
                  or (i > 1 and toks[i - 1].kind == "DASH" and toks[i - 2].kind in _FIGURES)]
        done = -1
        for s in starts:
            if s <= done or (s and toks[s - 1].kind == "SHIFT"):
                continue
            end = s
            while end < len(toks) and toks[end].kind != "DOT":
                end += 1
            # "… chiếm 31,3% và khu vực nông nghiệp chiếm 12,4%": a joiner opens the next share
            joined = frozenset(i for i in range(s + 1, len(toks)) if toks[i].kind == "LABEL"
                               and toks[i - 1].kind == "PCT" and toks[i].text.split()[0].lower() in joiners)
            found = _share_list(toks, text, bi, s, end, joined)
            if found is None and end + 1 < len(toks):
                # "Cơ cấu kinh tế: nông nghiệp chiếm 25,1%. Công nghiệp - xây dựng chiếm 35,2%. Dịch vụ
                # chiếm 39,7%.": a sentence a share, read as one list only when the parts are the sectors
                dots = frozenset(i for i in range(end, len(toks)) if toks[i].kind == "DOT")
                found = _share_list(toks, text, bi, s, len(toks), joined, dots)
                if found is not None and (found[0] < end or not partition([classify(n) for n, _ in found[1].parts])):
                    found = None
            if found is not None:
                done = found[0]
                out.append(found[1])
    return out


def _numbered_names(toks: list[Tok], text: str) -> list[Tok]:
    """``Dự án 1 (hỗ trợ …) 38,5%``: a whole number of no unit between a name and a bracket or a
    percentage numbers the name, and is read as part of it; ``…, Đạt 17,9%``: a capitalised verb
    after a comma and before a percentage is a name (a grade)."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        q = t.payload
        if (t.kind == "NUM" and out and out[-1].kind == "LABEL" and i + 1 < len(toks)
                and toks[i + 1].kind in ("LPAR", "PCT") and q is not None and q.unit is None and not q.decimals):
            prev = out.pop()
            out.append(replace(prev, end=t.end, text=text[prev.start:t.end]))
        elif t.kind == "NUMX" and q is not None and q.role in _IN_NAME:
            # "dưới 15 tuổi chiếm 24,6%, từ 15 đến 64 tuổi chiếm 67,3%, từ 65 tuổi trở lên chiếm 7,4%":
            # ages, durations and ordinals before a share name the share (an age group)
            j = i
            while j < len(toks) and toks[j].kind in _NAME_RUN and not (
                    toks[j].kind == "VERB" and j + 1 < len(toks) and toks[j + 1].kind == "PCT"):
                if toks[j].kind == "NUMX" and (toks[j].payload is None or toks[j].payload.role not in _IN_NAME):
                    break
                j += 1
            if j < len(toks) and (toks[j].kind == "PCT" or (toks[j].kind == "VERB" and toks[j + 1].kind == "PCT")):
                lo = out.pop().start if out and out[-1].kind == "LABEL" else t.start
                end = toks[j - 1].end
                out.append(Tok("LABEL", lo, end, text[lo:end]))
                i = j
                continue
            out.append(t)
        elif (t.kind == "REACH" and t.text[:1].isupper() and out and out[-1].kind in ("COMMA", "SEMI")
              and i + 1 < len(toks) and toks[i + 1].kind == "PCT"):
            out.append(replace(t, kind="LABEL"))  # "…, Đạt 17,9%": a grade's name, not the verb
        elif t.kind == "LPAR" and out and out[-1].kind == "LABEL":
            # "Dự án 6 (truyền thông, giảm nghèo về thông tin) 4,1%": an aside without figures
            # between a name and its share belongs to the name
            j = i + 1
            while j < len(toks) and toks[j].kind not in _FIGURES | {"LPAR", "RPAR", "DOT"}:
                j += 1
            if j + 1 < len(toks) and toks[j].kind == "RPAR" and toks[j + 1].kind == "PCT":
                prev = out.pop()
                out.append(replace(prev, end=toks[j].end, text=text[prev.start:toks[j].end]))
                i = j
            else:
                out.append(t)
        else:
            out.append(t)
        i += 1
    return out


def _share_list(toks: list[Tok], text: str, bi: int, s: int, end: int, joined: frozenset[int],
                dots: frozenset[int] = frozenset()) -> tuple[int, ShareList] | None:
    """The longest share list read from ``toks[s]`` before ``end`` (a sentence end of ``dots``
    read as a comma), with the index of its last token."""
    for e, st in _readings(toks, s, end, _LISTS, _LIST_ENDS, joined, dots):
        printed: list[str] = []
        parts = _share_parts(st, toks, s, text, printed) if st.data == "share_list" \
            else _respective_parts(st, toks, s, text)
        if parts is None:
            continue
        cue = next((t.text for t in toks[s:e + 1] if t.kind == "SHARE"), "")
        first = next(i for i in range(s, e + 1) if toks[i].kind == "PCT")
        if not cue and any(t.kind == "COLON" for t in toks[max(s - 1, 0):first]):
            # "Cơ cấu phân bổ theo dự án: …": the cue of the words before the colon, in its clause
            k = s - 1
            while k >= 0 and toks[k].kind not in _FIGURES | {"DOT", "SEMI", "SHARE"}:
                k -= 1
            cue = toks[k].text if k >= 0 and toks[k].kind == "SHARE" else ""
        colon = any(toks[i].kind in ("COLON", "RESPECTIVELY") for i in range(s, first)) \
            or (s > 0 and toks[s - 1].kind == "COLON")
        intro = toks[s - 2].text if s > 1 and toks[s - 1].kind == "COLON" and toks[s - 2].kind == "CONSIST" \
            else ""
        return e, ShareList(bi, cue, toks[s].start, parts, intro, colon,
                            printed if len(printed) == len(parts) else [n for n, _ in parts])
    return None


def shares_over_items(plan: Plan) -> list[ShareList]:
    """Every share list whose head closes its item with a colon and no figure but a year (``- Cơ
    cấu kinh tế năm 2026:``) and whose sub-items give one share each (``+ Nông nghiệp 25,1%;``,
    ``+ Dịch vụ: 39,7%.``); an item the grammar does not read as one share, or that has text or
    items of its own, spoils the list. The list's block is the head's."""
    bl = plan.fact(blocks)
    index = {id(b.paragraph): i for i, b in enumerate(bl)}
    out: list[ShareList] = []
    for bi, b in enumerate(bl):
        sec = b.section
        if sec is None or b.part != "heading" or len(sec.children) < 2 or sec.paragraphs:
            continue
        text = b.paragraph.text
        if not text.rstrip().endswith(":"):
            continue
        head = _head_stream(plan, bi, text)
        if not head or any(t.kind in _FIGURES - {"YEAR"} or t.kind == "SHIFT" for t in head):
            continue
        items = _sub_items(plan, sec, index, "share_item")
        if items is None:
            continue
        parts: list[tuple[str, Quantity]] = []
        printed: list[str] = []
        for ctext, ctoks in items:
            pct = next(t for t in ctoks if t.kind == "PCT")
            parts.append((clean_label(ctext[:pct.start]), pct.payload))
            printed.append(ctext[:pct.start])
        cue = next((t.text for t in head if t.kind == "SHARE"), "")
        out.append(ShareList(bi, cue, head[0].start if head else 0, parts, "", True, printed))
    return out


def _sub_items(plan: Plan, sec: Section, index: dict[int, int], kind: str) -> list[tuple[str, list[Tok]]] | None:
    """The sub-items of ``sec``, each a heading of one line with its token stream, when every one
    is read as a ``kind`` statement of the figure grammar; ``None`` otherwise."""
    out = []
    for c in sec.children:
        ci = index.get(id(c.heading))
        if ci is None or c.children or c.paragraphs:
            return None
        ctoks = plan.fact(_streams).get(ci, [])
        cst = parse_window(ctoks)
        if cst is None or cst.data != kind:
            return None
        out.append((c.heading.text, ctoks))
    return out


def _head_stream(plan: Plan, bi: int, text: str) -> list[Tok]:
    """The token stream of a block that may hold no figure (a list's head)."""
    return plan.fact(_streams).get(bi) or token_stream(text, [])


# -- a value with its share of a whole stated elsewhere -------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in text.lower().split() if w.isalpha()}


def _scopes(plan: Plan) -> dict[int, frozenset[int]]:
    """Section id -> the ids of the sections a total for its figures may stand in: its parent's
    whole subtree (a bullet's total in the bullet before it, or in the heading above), or its own
    subtree when it has no parent."""
    out: dict[int, frozenset[int]] = {}

    def subtree(s: Section) -> frozenset[int]:
        return frozenset(id(x) for x in s.walk())

    def visit(s: Section, parent: Section | None) -> None:
        out[id(s)] = subtree(parent if parent is not None else s)
        for c in s.children:
            visit(c, s)

    for roots in (plan.body, *plan.appendices):
        for r in roots:
            visit(r, None)
    return out


def _candidates(plan: Plan, bi: int, before: int) -> list[tuple[int, int, list[Tok]]]:
    """``(block, token index, stream)`` of every value figure before ``before`` in block ``bi``
    and in the paragraphs before it within its section's scope (``_scopes``), nearest first."""
    bl = plan.fact(blocks)
    section = bl[bi].section
    scope = plan.fact(_scopes).get(id(section), frozenset()) if section is not None else frozenset()
    out = []
    streams = plan.fact(_streams)
    for k in range(bi, max(bi - _REACH_BACK, -1), -1):
        sk = bl[k].section
        if k != bi and (sk is not section and (sk is None or id(sk) not in scope)):
            break
        toks = streams.get(k, [])
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].kind == "NUM" and (k != bi or toks[i].end <= before):
                out.append((k, i, toks))
    return out


def value_shares(plan: Plan) -> list[ValueShare]:
    """Every value with its share of a whole whose value the section states."""
    out: list[ValueShare] = []
    bl = plan.fact(blocks)
    for bi, toks in _block_streams(plan, frozenset({"VERB"}), lambda qs: any(figure_kind(q) == "PCT" for q in qs)
                                   and any(figure_kind(q) == "NUM" for q in qs)):
        text = bl[bi].paragraph.text
        for i, t in enumerate(toks):
            if t.kind != "PCT" or i < 3 or i + 1 >= len(toks):
                continue
            # from the clause start before the value to the whole's name after the share
            s = i - 1
            while s > 0 and toks[s].kind != "NUM" and toks[s].kind not in _FIGURES | _CLAUSE_STOP:
                s -= 1
            if toks[s].kind != "NUM":
                continue
            while s > 0 and toks[s - 1].kind not in _FIGURES | _CLAUSE_STOP:
                s -= 1
            e = i + 1 + (toks[i + 1].kind == "TOTAL")
            if e >= len(toks) or toks[e].kind != "LABEL":
                continue
            st = parse_window(toks[s:e + 1])
            if st is None or st.data != "value_share":
                continue
            vi = next(k for k in range(s, i) if toks[k].kind == "NUM")
            value, share = toks[vi].payload, t.payload
            whole = text[toks[i + 1].start:toks[e].end]
            total = _link(plan, bi, value, whole)
            if total is None:
                continue
            out.append(ValueShare(bi, label_at(text, toks, vi), value, share, clean_label(whole), total))
    return out


def _link(plan: Plan, bi: int, value: Quantity, whole: str) -> Quantity | None:
    """The whole's value: the nearest figure before ``value`` whose clause names the whole."""
    want = _words(whole)
    skip = {str(d) for d in data().get("shares", {}).get("stated_total_skip", [])}
    if not want or value.unit is None or value.unit.dimension in skip:
        return None
    found: list[Quantity] = []
    for k, i, toks in _candidates(plan, bi, value.start):
        q: Quantity = toks[i].payload
        if q is value or q.unit is None or q.unit.dimension != value.unit.dimension or q.value <= value.value:
            continue
        label = label_at(plan.fact(blocks)[k].paragraph.text, toks, i)
        if want <= _words(label):
            found.append(q)
    if not found or any(q.value != found[0].value for q in found[1:]):
        return None
    return found[0]


# -- a total closing its paragraph, one part in each sub-item ------------------------------------


def totals_over_items(plan: Plan) -> list[TotalParts]:
    """Every total that closes its item with ``trong đó:`` / ``gồm:`` and whose sub-items give
    one part each (``+ Thôn Đông 40 hộ;``); an item the grammar does not read as one part, or
    that has text or items of its own, spoils the list."""
    bl = plan.fact(blocks)
    by_block = plan.fact(quantities_by_block)
    index = {id(b.paragraph): i for i, b in enumerate(bl)}
    out: list[TotalParts] = []
    for bi, b in enumerate(bl):
        sec = b.section
        if sec is None or b.part != "heading" or not sec.children or sec.paragraphs:
            continue
        if not by_block.get(bi):
            continue
        toks = plan.fact(_streams)[bi]
        k = max((i for i, t in enumerate(toks) if t.kind == "NUM"), default=-1)
        if k < 0:
            continue
        st = parse_window(toks[k:])
        if st is None or st.data != "total_head":
            continue
        cue = next(t for t in toks[k:] if t.kind in ("IN_WHICH", "CONSIST"))
        items = _sub_items(plan, sec, index, "item")
        if items:
            parts: list[tuple[str, Quantity]] = []
            for ctext, ctoks in items:
                num = next(t for t in ctoks if t.kind == "NUM")
                parts.append((clean_label(ctext[:num.start]), num.payload))
            out.append(TotalParts(bi, toks[k].payload, cue.text.lower(), cue.kind == "CONSIST", parts))
    return out


# -- "Trong đó, …": parts of the figure in the sentence before ----------------------------------


def _sentence_figures(plan: Plan, bi: int, before: int) -> list[Quantity]:
    """The value figures of the sentence that ends before token ``before`` of block ``bi`` (or,
    when ``before`` opens the block, of the last sentence of the block before it in scope)."""
    streams = plan.fact(_streams)
    toks = streams.get(bi, [])
    if before == 0:
        bl = plan.fact(blocks)
        if bi == 0 or bl[bi - 1].section is not bl[bi].section and bl[bi].part != "heading":
            return []
        bi, toks = bi - 1, streams.get(bi - 1, [])
        before = len(toks)
    while before and toks[before - 1].kind == "DOT":
        before -= 1
    j = before - 1
    while j >= 0 and toks[j].kind != "DOT":
        j -= 1
    return [t.payload for t in toks[j + 1:before] if t.kind == "NUM"]


def in_which_parts(plan: Plan) -> list[TotalParts]:
    """Every sentence opening with ``Trong đó`` whose parts belong to the one figure of their
    dimension in the sentence before (two such figures: no link, the parts' whole is unknown)."""
    out: list[TotalParts] = []
    for bi, toks in _block_streams(plan, frozenset({"IN_WHICH"})) + _single_streams(plan):
        for k, t in enumerate(toks):
            if t.kind != "IN_WHICH" or (k and toks[k - 1].kind != "DOT"):
                continue
            end = k
            while end < len(toks) and toks[end].kind != "DOT":
                end += 1
            got = _longest(toks, k, [x for x in range(k, end) if toks[x].kind == "NUM"], "in_which")
            if got is None:
                continue
            parts = statement_parts(got[1], toks, k)
            units = {q.unit.dimension for _, q in parts if q.unit is not None}
            if len(units) != 1 or any(q.unit is None for _, q in parts):
                continue
            whole = [q for q in _sentence_figures(plan, bi, k) if q.unit is not None and q.unit.dimension in units]
            if len(whole) == 1:
                out.append(TotalParts(bi, whole[0], t.text.lower(), False, parts))
    return out


def _single_streams(plan: Plan) -> list[tuple[int, list[Tok]]]:
    """Blocks with one figure that open with ``Trong đó`` (the whole stands in the block before)."""
    from .statements import cue_words

    words = cue_words("IN_WHICH")
    bl = plan.fact(blocks)
    streams = plan.fact(_streams)
    return [(bi, streams[bi]) for bi, qs in plan.fact(quantities_by_block).items() if len(qs) == 1
            and bl[bi].paragraph.text.lower().startswith(words) and streams[bi][0].kind == "IN_WHICH"]


# -- a total, clauses, then its parts -------------------------------------------------------------


def totals_with_parts(plan: Plan) -> list[TotalParts]:
    """Every total separated from its ``trong đó`` / ``gồm`` parts by clauses without figures."""
    out: list[TotalParts] = []
    for bi, toks in _block_streams(plan, frozenset({"IN_WHICH", "CONSIST"})):
        for k, t in enumerate(toks):
            if t.kind not in ("IN_WHICH", "CONSIST") or k < 3:
                continue
            s = k - 1 - (toks[k - 1].kind == "SEMI")  # "1.340 hồ sơ; trong số đó, …"
            while s >= 0 and (toks[s].kind in ("LABEL", "COMMA") or (toks[s].kind == "YEAR" and s + 1 < k)):
                s -= 1
            if s < 0 or toks[s].kind != "NUM":
                continue
            end = _sentence_end(toks, k)
            semi = next((x for x in range(k, end) if toks[x].kind == "SEMI"), end)
            # without a colon (after the cue, or after the words that follow it: "phân theo các
            # huyện như sau:"), a list ends at the first semicolon
            if not any(x.kind == "COLON" for x in toks[k:k + 2]) \
                    and [x.kind for x in toks[k + 1:k + 3]] != ["LABEL", "COLON"]:
                end = semi
            # a part ends at its value, or at the words after it ("64 doanh nghiệp")
            ends = [x for x in range(k, end) if toks[x].kind == "NUM"
                    or (toks[x].kind == "LABEL" and toks[x - 1].kind == "NUM")]
            got = _longest(toks, s, ends, "total_parts")
            if got is None:
                continue
            e, st = got
            parts = statement_parts(st, toks, s)
            out.append(TotalParts(bi, toks[s].payload, t.text.lower(), t.kind == "CONSIST", parts))
    return out


# -- a total and its parts in the bracket after it ------------------------------------------------


def totals_in_brackets(plan: Plan) -> list[TotalParts]:
    """Every total followed (directly, or after the words naming what it counts) by a bracket of
    two or more parts and nothing else (``xây mới 19 công trình (10 nhà văn hóa, 5 sân thể thao,
    3 cầu)``, ``61 hộ thoát nghèo (thôn A 14 hộ, thôn B 11 hộ)``). The parts make the whole unless
    the bracket says they are a selection (``[breakdowns] bracket_partial``: ``như``, ``chủ
    yếu``, ``…``) or the words before it carry a change or a comparison (``not_part``)."""
    from .shares import places

    selection = cue("breakdowns", "bracket_partial")
    subgroup = cue("part_of_whole", "subgroup", plain=False)
    not_part = cue("breakdowns", "not_part")
    out: list[TotalParts] = []
    bl = plan.fact(blocks)
    for bi, toks in _block_streams(plan, frozenset(), lambda qs: len(qs) >= 3):
        text = bl[bi].paragraph.text
        if "(" not in text:
            continue
        for i, t in enumerate(toks):
            if t.kind != "LPAR" or i < 1:
                continue
            s = i - 1 - (toks[i - 1].kind == "LABEL")
            if s < 0 or toks[s].kind != "NUM" or (s + 1 < i and not_part.search(toks[s + 1].text)):
                continue
            e = i + 1
            while e < len(toks) and toks[e].kind not in ("LPAR", "RPAR"):
                e += 1
            if e >= len(toks) or toks[e].kind != "RPAR":
                continue
            st = parse_window(toks[s:e + 1])
            if st is None or st.data != "bracket_parts":
                continue
            parts = statement_parts(st, toks, s)
            labels = [lab for lab, _ in parts]
            # "(nữ 1.800 người, người dân tộc thiểu số 2.100 người)": groups of people that overlap
            groups = any(subgroup.search(lab) for lab in labels) and not complement_cover(labels)
            whole = not selection.search(text[t.end:toks[e].start]) and not groups
            if s + 1 < i and toks[s].payload.unit is not None and not places(labels):
                # "45 tỷ đồng cho công trình trường học (Trường A 20 tỷ đồng, …)": after words that
                # are not what the total counts, a bracket may be an aside; parts of one kind of place
                # are its parts
                continue
            out.append(TotalParts(bi, toks[s].payload, "(", whole, parts, bracket=True))
    return out
