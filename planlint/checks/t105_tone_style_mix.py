"""One word written in both tone-mark styles in one document (``hóa`` and ``hoá``).

Vietnamese accepts two places for the tone mark of an open ``oa``, ``oe``, ``uy`` syllable:
the new style (``hóa``, ``khỏe``, ``ủy``) and the old one (``hoá``, ``khoẻ``, ``uỷ``). Even
Nghị định 30/2020 mixes them, so neither is wrong, but one document should keep to one
(DOMAIN.md, "Text": consistency within a document matters, not one style). For each word used
both ways, one finding at the first occurrence of the less frequent spelling, with both counts.
A pair of words that T102 reports as repeated is left out. Informational: nothing is wrong with
the reading of the text.

Bad::

    1. Mục đích

    Đẩy mạnh công nghiệp hóa, hiện đại hóa; phát triển văn hoá cơ sở.

Good::

    1. Mục đích

    Đẩy mạnh công nghiệp hóa, hiện đại hóa; phát triển văn hóa cơ sở; Đảng uỷ chỉ đạo.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..engine import Context
from ..facts.legacy import readable
from ..facts.words import tone_form, words
from ..finding import Hit
from ..i18n import Word, seq
from ..parsing.tree import Plan, Span
from ..rule import rule
from ._text import repeats


@dataclass(slots=True)
class ToneUse:
    """One word written in both tone-mark styles, or in one only."""

    key: str  # the new-style spelling, lower case
    forms: dict[str, str] = field(default_factory=dict)  # style -> the word as first printed (lower case)
    counts: dict[str, int] = field(default_factory=dict)  # style -> occurrences
    first: dict[str, Span] = field(default_factory=dict)  # style -> first occurrence
    order: list[str] = field(default_factory=list)  # styles in order of first appearance


def tone_uses(plan: Plan) -> list[ToneUse]:
    """Every two-style word of the document with its count in each style (words of a repeated
    pair, which T102 reports, are left out)."""
    reps = plan.fact(repeats)
    starts = {r.context.start for r in reps}
    ends = {r.context.end for r in reps}
    uses: dict[str, ToneUse] = {}
    for p in readable(plan):
        ws = words(p.text)
        styled = {t for t in {w.text for w in ws} if tone_form(t.lower())[1]}  # each spelling once
        for w in ws:
            if w.text not in styled:
                continue
            key, style = tone_form(w.text.lower())
            span = p.span_of(w.start, w.end)
            if span.start in starts or span.end in ends:
                continue
            u = uses.setdefault(key, ToneUse(key))
            if style not in u.counts:
                u.forms[style] = w.text.lower()
                u.first[style] = span
                u.order.append(style)
            u.counts[style] = u.counts.get(style, 0) + 1
    return list(uses.values())


@rule(
    code="T105",
    name="tone-style-mix",
    severity="info",
    messages={
        "en": "“{minority}” ({minority_style}, {minority_count}×) and “{majority}” ({majority_style}, "
              "{majority_count}×) are both used in this document",
        "vi": "văn bản dùng cả “{minority}” ({minority_style}, {minority_count} lần) lẫn “{majority}” "
              "({majority_style}, {majority_count} lần)",
    },
    fix={"en": "write “{majority}” throughout: one tone-mark style per document",
         "vi": "thống nhất viết “{majority}” trong toàn văn bản"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for u in ctx.facts(tone_uses):
        if len(u.counts) < 2:
            (style,) = u.order
            ctx.verdict("tone style", u.first[style],
                        seq(f"{u.forms[style]} ×{u.counts[style]}: ", Word("verdict.one_style")), True)
            continue
        # the less frequent spelling; on a tie, the one that appears second
        minority = min(u.order, key=lambda s: (u.counts[s], -u.order.index(s)))
        majority = "old" if minority == "new" else "new"
        ctx.verdict("tone style", u.first[minority],
                    seq(f"{u.forms[majority]} ×{u.counts[majority]} + {u.forms[minority]} ×{u.counts[minority]}: ",
                        Word("verdict.both_styles")),
                    False)
        yield Hit(u.first[minority], {
            "minority": u.forms[minority], "majority": u.forms[majority],
            "minority_count": u.counts[minority], "majority_count": u.counts[majority],
            "minority_style": Word(f"style.{minority}"), "majority_style": Word(f"style.{majority}"),
        })
