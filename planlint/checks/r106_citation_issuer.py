"""A cited document is attributed to a body that does not sign with its symbol's issuer code.

``Chỉ thị số 27/CT-TTg … của Bộ Chính trị``: TTg is the Prime Minister's code, the Politburo signs
``…-CT/TW``. Issuer names and codes come from ``rules/issuers.toml`` (DOMAIN.md, "Document symbols
and citations": TW Ban Chấp hành Trung ương / Bộ Chính trị / Ban Bí thư, TU Tỉnh ủy, HU Huyện ủy,
ĐU Đảng ủy, TTg Thủ tướng, CP Chính phủ, UBND, HĐND, QH Quốc hội). ``Chủ tịch UBND tỉnh`` signs for
the UBND, ``Ban Thường vụ Tỉnh ủy`` for the Tỉnh ủy. One of the two is wrong, but which one is not
known, and codes vary by locality: a warning. Names and codes not in the table are never judged.

Bad::

    Thực hiện Chỉ thị số 27/CT-TTg ngày 08/9/2016 của Bộ Chính trị về đẩy mạnh học tập.

Good::

    Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.citations import code_allowed, code_known, extract, issuer_codes
from ..finding import Hit
from ..rule import rule


@rule(
    code="R106",
    name="citation-issuer",
    severity="warning",
    messages={
        "en": "{symbol} carries the issuer code {code}, but it is attributed to {issuer}, whose code is {expected}",
        "vi": "ký hiệu {symbol} mang mã cơ quan {code}, nhưng văn bản được ghi là của {issuer} (mã {expected})",
    },
    fix={"en": "check the symbol and the issuer against the original document",
         "vi": "đối chiếu lại ký hiệu và cơ quan ban hành với văn bản gốc"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for c in ctx.facts(extract):
        s = c.symbol
        if s is None or not c.issuer_text or not code_known(s.issuer):
            continue
        named = issuer_codes(c.issuer_text)
        if named is None:
            continue
        _name, allowed = named
        ok = code_allowed(s.issuer, allowed)
        code_span = c.paragraph.span_of(s.issuer_start, s.issuer_end)
        # the finding sits on the issuer's name, which follows the symbol (maybe on a later line)
        span = (c.paragraph.span_of(c.issuer_start, c.issuer_start + len(c.issuer_text))
                if c.issuer_start >= 0 else code_span)
        text = f"{s.raw}: {s.issuer} ↔ {c.issuer_text} ({allowed})" + (" ✓" if ok else " ✗")
        ctx.verdict("citation", code_span, text, ok)
        if not ok:
            yield Hit(span, {"symbol": s.raw, "code": s.issuer, "issuer": c.issuer_text,
                             "expected": allowed.replace("*", "…")}, context=c.span())
