"""The type code in the plan's own number does not match the document type.

A plan (``KẾ HOẠCH``) is coded ``KH`` (ND30 appendix III, ``rules/doctypes.toml``): ``Số: 07/QĐ-UBND``
above ``KẾ HOẠCH`` numbers it as a decision, which it is not. The type word and the code are both
on the page, so the mismatch is proven: an error.

Bad::

    Số: 07/QĐ-UBND

    An Phú, ngày 14 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

Good::

    Số: 07/KH-UBND

    An Phú, ngày 14 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.citations import doc_type
from ..facts.header import extract
from ..finding import Hit
from ..rule import rule
from ..scan.dates import fold


@rule(
    code="R103",
    name="symbol-type",
    severity="error",
    messages={
        "en": "the number '{symbol}' carries the type code {code}, but this document is a {word} ({expected})",
        "vi": "số ký hiệu '{symbol}' mang mã loại {code}, nhưng văn bản này là {word} (mã {expected})",
    },
    fix={"en": "write {expected} in the symbol", "vi": "sửa mã loại thành {expected}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    n = ctx.facts(extract).number
    if n is None or not n.parsed or plan.title is None or not plan.title.type_code:
        return
    dt = doc_type(plan.title.type_word)
    allowed = {fold(c) for c in (dt.party_codes if dt and n.party else dt.codes if dt else ())}
    allowed.add(fold(plan.title.type_code))
    ok = fold(n.type_code) in allowed
    ctx.verdict("number line", n.span, f"{n.type_code} {'=' if ok else '≠'} {plan.title.type_code}", ok)
    if not ok:
        yield Hit(n.paragraph.span_of(n.type_start, n.type_end),
                  {"symbol": n.symbol.strip(), "code": n.type_code, "word": plan.title.type_word,
                   "expected": plan.title.type_code}, context=n.span)
