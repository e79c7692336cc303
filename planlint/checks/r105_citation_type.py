"""A cited document's type word does not match the type code of its symbol.

``Quyết định số 12/CT-UBND``: the word says decision (QĐ), the symbol says directive (CT). The
codes are those of ND30 appendix III and of Hướng dẫn 36-HD/VPTW for Party documents
(``rules/doctypes.toml``; DOMAIN.md, "Document symbols and citations"). Both are printed side by
side, so the mismatch is proven: an error. A symbol without a type code (a law ``24/2021/QH15``, a
công văn ``12/UBND-VX``) or with a code the table does not know is not judged.

Bad::

    Thực hiện Quyết định số 12/CT-UBND ngày 15/01/2026 của UBND huyện về giao chỉ tiêu năm 2026.

Good::

    Thực hiện Quyết định số 12/QĐ-UBND ngày 15/01/2026 của UBND huyện về giao chỉ tiêu năm 2026.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.citations import doc_types, extract, known_type_codes
from ..finding import Hit
from ..rule import rule
from ..scan.dates import fold


def _word_of(code: str, party: bool) -> str:
    for d in doc_types():
        codes = d.party_codes if party else d.codes
        if d.codes and fold(code) == fold(d.codes[0]):
            return d.word
        if any(fold(code) == fold(c) for c in codes):
            return d.word
    return "?"


@rule(
    code="R105",
    name="citation-type",
    severity="error",
    messages={
        "en": "{word} is coded {expected}, but the symbol {symbol} carries {code} ({code_word})",
        "vi": "{word} có mã {expected}, nhưng ký hiệu {symbol} lại mang mã {code} ({code_word})",
    },
    fix={"en": "correct the type word or the symbol", "vi": "sửa lại tên loại văn bản hoặc ký hiệu"},
)
def check(ctx: Context) -> Iterator[Hit]:
    known = known_type_codes()
    for c in ctx.facts(extract):
        s, dt = c.symbol, c.doctype
        if s is None or dt is None or not s.type_code or not dt.codes or not c.type_word[:1].isupper():
            continue  # a lower-case "quyết định số …" may be a common noun: not judged
        if fold(s.type_code) not in known:
            continue
        allowed = dt.party_codes if s.party else dt.codes
        ok = any(fold(s.type_code) == fold(a) for a in allowed)
        span = c.paragraph.span_of(s.type_start, s.type_end)
        ctx.verdict("citation", span, f"{c.type_word} ↔ {s.type_code}" + (" ✓" if ok else " ✗"), ok)
        if not ok:
            yield Hit(span, {"word": c.type_word, "expected": "/".join(allowed), "symbol": s.raw,
                             "code": s.type_code, "code_word": _word_of(s.type_code, s.party)},
                      context=c.span())
