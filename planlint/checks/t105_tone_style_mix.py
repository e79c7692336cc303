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

from ..engine import Context
from ..facts.text import tone_uses
from ..finding import Hit
from ..i18n import Word
from ..rule import rule


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
            ctx.verdict("tone style", u.first[style], f"{u.forms[style]} ×{u.counts[style]}: one style", True)
            continue
        # the less frequent spelling; on a tie, the one that appears second
        minority = min(u.order, key=lambda s: (u.counts[s], -u.order.index(s)))
        majority = "old" if minority == "new" else "new"
        ctx.verdict("tone style", u.first[minority],
                    f"{u.forms[majority]} ×{u.counts[majority]} + "
                    f"{u.forms[minority]} ×{u.counts[minority]}: both styles",
                    False)
        yield Hit(u.first[minority], {
            "minority": u.forms[minority], "majority": u.forms[majority],
            "minority_count": u.counts[minority], "majority_count": u.counts[majority],
            "minority_style": Word(f"style.{minority}"), "majority_style": Word(f"style.{majority}"),
        })
