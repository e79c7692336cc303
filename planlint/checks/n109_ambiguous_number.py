"""A number whose decimal mark the document's own convention cannot settle.

Vietnamese style groups thousands with ``.`` and marks decimals with ``,`` (``1.525,59``,
``12.103``, ``0,77%``); drafts also paste English-style numbers (DOMAIN.md, "Numbers and units").
``3,098 tấn`` is 3,098 tonnes in Vietnamese style and 3 098 tonnes in English style; ``15.40 ha``
is not a Vietnamese number at all. planlint reads such a token in the document's convention
(the tokens that can only be one style, ``39,29`` ``1.525,59`` against ``15.40`` ``1,525.59``) and
reports it when that does not settle it: a token that only fits the other style, or any
ambiguous token in a document with no convention. Only quantities (with a unit or a per-cent
sign) are reported; checks leave an unsettled number out of their arithmetic.

Bad::

    II. CHỈ TIÊU

    - Sản lượng thủy sản đạt 3,098 tấn.

Good::

    II. CHỈ TIÊU

    - Sản lượng thủy sản đạt 3.098 tấn; diện tích nuôi trồng 12,5 ha.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.quantities import extract
from ..facts.vocab import fmt
from ..finding import Hit
from ..i18n import Word, say, seq
from ..rule import rule
from ..scan.numbers import token_style


@rule(
    code="N109",
    name="ambiguous-number",
    severity="warning",
    messages={
        "default": {
            "en": "{raw} {unit} reads {vi} in Vietnamese style (decimal comma) but {en} in English style "
                  "(thousands comma); the document's convention does not settle it",
            "vi": "{raw} {unit} theo cách viết Việt Nam là {vi} (dấu phẩy thập phân) nhưng theo cách viết tiếng Anh "
                  "là {en} (dấu phẩy phân cách hàng nghìn); cách viết số trong văn bản không cho biết là cách nào",
        },
        "point": {
            "en": "{raw} {unit} is written English style (decimal point) in a document that writes "
                  "numbers Vietnamese style; Vietnamese style is {vi}",
            "vi": "{raw} {unit} viết theo kiểu tiếng Anh (dấu chấm thập phân) trong khi văn bản viết số theo "
                  "kiểu Việt Nam; viết đúng là {vi}",
        },
    },
    fix={
        "default": {"en": "write {vi} for a decimal, {en} for thousands",
                    "vi": "viết {vi} nếu là số thập phân, {en} nếu là hàng nghìn"},
        "point": {"en": "write {vi}", "vi": "viết {vi}"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for q in ctx.facts(extract):
        if not q.ambiguous or q.role != "quantity" or q.unit is None:
            continue
        unit = q.unit_text
        if token_style(q.raw) == "en":  # "15.40": a decimal point
            vi = fmt(q.num.value, q.decimals)
            ctx.verdict("number", q.span, say("verdict.english_style", raw=q.raw, unit=unit, vi=vi), False)
            yield Hit(q.span, {"raw": q.raw, "unit": unit, "vi": vi}, message_key="point")
            continue
        alt = q.alt_value if q.alt_value is not None else q.value
        vi, en = fmt(q.num.value, q.decimals), fmt(alt, 0)
        ctx.verdict("number", q.span, seq(f"{q.raw} {unit}: {vi} ", Word("word.or"), f" {en}"), False)
        yield Hit(q.span, {"raw": q.raw, "unit": unit, "vi": vi, "en": en})
