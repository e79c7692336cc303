"""Vocabulary helpers of the N facts: compiled cue patterns from ``rules/sectors.toml``, sector
classification of a label, label cleaning. Compiled once per process (``functools.cache``)."""

from __future__ import annotations

import functools
import re
from typing import Any

from ..data import vocabulary
from ..phrases import E, W, alt, words, words_re

ECONOMY = frozenset({"I", "II", "III"})

_EDGE = re.compile(r"^[\s;,.:\-–—+*/()]+|[\s;,.:\-–—+*/(]+$")


def data() -> dict[str, Any]:
    return vocabulary("sectors")


@functools.cache
def cue(table: str, key: str, plain: bool = True) -> re.Pattern[str]:
    return words_re([str(w) for w in data().get(table, {}).get(key, [])], plain=plain)


@functools.cache
def _sector_patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for name, entry in data().get("sectors", {}).items():
        out[name] = re.compile("|".join(f"(?:{p})" for p in entry.get("patterns", [])), re.IGNORECASE)
    return out


@functools.cache
def _services_named() -> re.Pattern[str]:
    """The words that name services or trade themselves ([sectors.III] own)."""
    return re.compile(alt(words("sectors", "sectors", "III", "own"), plain=False), re.IGNORECASE)


@functools.cache
def _edge_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A qualifier or verb at the start, and at the end, of a label ([labels] edge_words)."""
    edge = alt(words("sectors", "labels", "edge_words"))
    return re.compile("^" + edge + E + r"\s*", re.IGNORECASE), re.compile(W + edge + "$", re.IGNORECASE)


def classify(label: str) -> frozenset[str]:
    """The sectors a label names: ``"nông, lâm nghiệp, thủy sản"`` -> {I};
    ``"dịch vụ và thuế sản phẩm"`` -> {III, T}; an unknown label -> {}."""
    found = {name for name, pat in _sector_patterns().items() if pat.search(label)}
    if "T" in found and "III" in found and not _services_named().search(label):
        found.discard("III")
    return frozenset(found)


def partition(labels: list[frozenset[str]]) -> bool:
    """Whether the labels name disjoint sectors that together cover I, II and III."""
    if not labels or any(not c for c in labels):
        return False
    seen: set[str] = set()
    for c in labels:
        if seen & c:
            return False
        seen |= c
    return seen >= ECONOMY


def clean_label(text: str) -> str:
    """A part's label without separators and the qualifiers and verbs at its edges:
    ``"; nông, lâm, thủy sản chiếm "`` -> ``"nông, lâm, thủy sản"``; words inside stay
    (``"có văn bằng, chứng chỉ"`` keeps its ``bằng``)."""
    t = re.sub(r"\s+", " ", text)
    lead, trail = _edge_words()
    while True:
        before = t
        t = _EDGE.sub("", t)
        t = lead.sub("", t)
        t = trail.sub("", t)
        if t == before:
            return t


@functools.cache
def complements() -> list[list[re.Pattern[str]]]:
    sets = data().get("breakdowns", {}).get("complements", [])
    return [[re.compile(str(p), re.IGNORECASE) for p in members] for members in sets]


@functools.cache
def covers() -> list[list[re.Pattern[str]]]:
    """Sets whose members, all listed, make the whole, but two of which may overlap when the
    others are not listed (``[breakdowns] covers``: ``đạt chuẩn`` may include ``trên chuẩn``)."""
    sets = data().get("breakdowns", {}).get("covers", [])
    return [[re.compile(str(p), re.IGNORECASE) for p in members] for members in sets]


@functools.cache
def _sources() -> list[re.Pattern[str]]:
    return [re.compile(str(p), re.IGNORECASE) for p in data().get("breakdowns", {}).get("sources", [])]


def funding_sources(labels: list[str]) -> bool:
    """Whether the labels name two or more different sources of money and nothing else
    (``ngân sách xã`` + ``xã hội hóa``: ``[breakdowns] sources``)."""
    if len(labels) < 2:
        return False
    hits = [[i for i, p in enumerate(_sources()) if p.search(lab)] for lab in labels]
    return all(len(h) == 1 for h in hits) and len({h[0] for h in hits}) == len(labels)


@functools.cache
def residual() -> re.Pattern[str]:
    """A part that names the rest of a whole (``chi khác``, ``các nguồn còn lại``)."""
    return words_re([str(w) for w in data().get("breakdowns", {}).get("residual", [])])


def members_cover(labels: list[str]) -> str:
    """Why parts named ``labels`` (as printed, qualifiers kept) make one whole, or ``""``:
    ``"complementary parts"`` when they are exactly the members of one set of ``complements``
    or ``covers`` and name the same thing otherwise (``trên chuẩn`` / ``đạt chuẩn`` / ``chưa
    đạt chuẩn``; ``lao động nam`` / ``lao động nữ``, not ``trường đạt chuẩn`` / ``xã chưa đạt
    chuẩn``); ``"residual part"`` when the last part names the rest (``chi khác``), no earlier one
    does, and all name one kind of thing (the same first word) or the last is the word alone."""
    if len(labels) < 2 or any(not lab.strip() for lab in labels):
        return ""
    graded = {id(m) for m in covers()}
    for members in complements() + covers():
        if len(members) != len(labels):
            continue
        rests = []
        used: set[int] = set()
        for lab in labels:
            hits = [i for i, p in enumerate(members) if p.search(lab)]
            if len(hits) != 1 or hits[0] in used:
                break
            used.add(hits[0])
            rests.append(" ".join(clean_label(members[hits[0]].sub(" ", lab)).lower().split()))
        else:
            # "kết quả học tập xếp mức Tốt 42,6%, Khá 38,1%, …": the first of a covering set may carry
            # the subject
            first = members[[i for i, p in enumerate(members) if p.search(labels[0])][0]]
            lead = id(members) in graded and all(not r for r in rests[1:]) and bool(
                re.search(f"(?:{first.pattern})\\W*$", labels[0], re.IGNORECASE))
            if len(set(rests)) == 1 or lead:
                return "complementary parts"
    res = residual()
    if res.search(labels[-1]) and not any(res.search(lab) for lab in labels[:-1]):
        heads = {clean_label(lab).lower().split()[0] for lab in labels if clean_label(lab)}
        if len(heads) == 1 or not res.sub("", clean_label(labels[-1])).strip():
            return "residual part"
    return ""


@functools.cache
def disjoint_sets() -> list[list[re.Pattern[str]]]:
    sets = data().get("breakdowns", {}).get("disjoint", [])
    return [[re.compile(str(p), re.IGNORECASE) for p in members] for members in sets]


def complement_members(labels: list[str]) -> bool:
    """Whether each label names a different member of one complementary set (some may be
    missing: ``rừng phòng hộ`` + ``rừng sản xuất`` of the three kinds of forest), or of a set
    whose members never overlap but need not exhaust a total (``ngân sách`` + ``xã hội hóa``)."""
    if len(labels) < 2:
        return False
    for members in complements() + disjoint_sets():
        hits = [[i for i, p in enumerate(members) if p.search(lab)] for lab in labels]
        if all(len(h) == 1 for h in hits) and len({h[0] for h in hits}) == len(labels):
            return True
    return False


def complement_cover(labels: list[str]) -> bool:
    """Whether the labels are exactly the members of one complementary set (each member named
    by one label: ``rừng tự nhiên`` + ``rừng trồng``; ``đánh bắt`` + ``nuôi trồng``)."""
    for members in complements():
        if len(members) != len(labels):
            continue
        used: set[int] = set()
        ok = True
        for lab in labels:
            hits = [i for i, p in enumerate(members) if p.search(lab) and i not in used]
            # a label naming two members ("phòng hộ, đặc dụng") is not a partition
            if len(hits) != 1 or sum(1 for p in members if p.search(lab)) != 1:
                ok = False
                break
            used.add(hits[0])
        if ok and len(used) == len(members):
            return True
    return False


def fmt(value: Any, decimals: int = 0) -> str:
    """A number for a message, Vietnamese style (``1.525,59``)."""
    from decimal import Decimal

    from ..scan.numbers import format_vn

    return format_vn(Decimal(value), max(decimals, 0))
