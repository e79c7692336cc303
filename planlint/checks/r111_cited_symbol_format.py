"""A cited document's symbol is not written number/TYPE-ISSUER.

ND30 writes a State document's symbol ``2563/QĐ-UBND``: the number, ``/``, the type code, ``-``, the
issuer code (DOMAIN.md, "Document symbols and citations"). A citation whose type and issuer codes are
glued (``Quyết định số 2563/QĐUBND``) or split by a space or a slash (``Kế hoạch số 25/KH UBND``,
``25/KH/UBND``) is a slip of the draft that a reader searching for the document will trip on: a
**warning**. It is reported only when the type word before the symbol names its type code (Quyết
định → QĐ, Kế hoạch → KH) and the rest is an issuer code planlint knows (``rules/issuers.toml``), so
that the meant form is certain; a Party symbol (``57-NQ/TW``), a law (``24/2021/QH15``) and a công văn
(``12/UBND-VX``) are well formed and never reported. The plan's own number line is R102's.

Bad::

    Căn cứ Quyết định số 2563/QĐUBND ngày 28/11/2025 của Ủy ban nhân dân tỉnh về giao dự toán năm 2026;

Fixed::

    Căn cứ Quyết định số 2563/QĐ-UBND ngày 28/11/2025 của Ủy ban nhân dân tỉnh về giao dự toán năm 2026;

Good::

    Căn cứ Quyết định số 2563/QĐ-UBND ngày 28/11/2025 của Ủy ban nhân dân tỉnh về giao dự toán năm 2026;
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.citations import misprints
from ..finding import Edit, Hit
from ..i18n import Word, seq
from ..rule import rule


@rule(
    code="R111",
    name="cited-symbol-format",
    severity="warning",
    messages={
        "default": {"en": "the symbol '{symbol}' of the cited {word} is not written number/TYPE-ISSUER: '{fixed}'",
                    "vi": "ký hiệu '{symbol}' của {word} được trích không đúng mẫu số/LOẠI-CƠ QUAN: '{fixed}'"},
    },
    fix={"default": {"en": "write '{fixed}'", "vi": "viết '{fixed}'"}},
    autofix="safe",
)
def check(ctx: Context) -> Iterator[Hit]:
    for m in ctx.facts(misprints):
        yield Hit(m.span, {"symbol": m.printed, "word": m.type_word, "fixed": m.fixed},
                  edits=(Edit(m.span, m.fixed),))
        ctx.verdict("citation", m.span, seq(f"'{m.printed}' ", Word("verdict.malformed"), f" ✗ → '{m.fixed}'"),
                    False)
