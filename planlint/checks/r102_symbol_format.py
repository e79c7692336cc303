"""The plan's own number line is not well formed.

ND30 writes ``Số: 14/KH-UBND``: the number, ``/``, the type code, ``-``, the issuer code, with no
spaces inside (DOMAIN.md, "Anatomy of a plan"); Party plans write ``Số 15-KH/ĐU``. An
administrative document (a plan) carries no year in its symbol; a legal normative one does, by
law: a decision or resolution numbered ``06/2024/QĐ-UBND``, ``07/2016/NQ-HĐND`` is not judged
(``normative = true`` in ``rules/doctypes.toml``). ``Số: 21 /KH-UBND`` (a stray
space), ``Số: 14/KH/UBND`` (wrong separator), ``Số: 14/2025/KH-UBND`` (a year) are likely slips of
the draft: a warning. A blank number (``Số: /KH-UBND``) is R104's business.

Bad::

    Số: 21 /KH-UBND

    Bình Sơn, ngày 03 tháng 02 năm 2025

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

Fixed::

    Số: 21/KH-UBND

    Bình Sơn, ngày 03 tháng 02 năm 2025

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

Good::

    Số: 21/KH-UBND

    Bình Sơn, ngày 03 tháng 02 năm 2025

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..engine import Context
from ..facts.header import extract, normative_codes
from ..finding import Edit, Hit
from ..i18n import Word, seq
from ..rule import rule


@rule(
    code="R102",
    name="symbol-format",
    severity="warning",
    messages={
        "space": {"en": "stray space in the symbol '{symbol}': write '{fixed}'",
                  "vi": "ký hiệu '{symbol}' có dấu cách thừa: viết liền '{fixed}'"},
        "mixed": {"en": "the symbol '{symbol}' mixes the separators: State documents write number/TYPE-ISSUER "
                        "(14/KH-UBND), Party documents number-TYPE/ISSUER (15-KH/ĐU)",
                  "vi": "ký hiệu '{symbol}' dùng sai dấu phân cách: "
                        "văn bản nhà nước viết số/LOẠI-CƠ QUAN (14/KH-UBND), "
                        "văn bản của Đảng viết số-LOẠI/CƠ QUAN (15-KH/ĐU)"},
        "year": {"en": "the symbol '{symbol}' carries a year ({year}): an administrative document has none",
                 "vi": "ký hiệu '{symbol}' có năm ({year}): văn bản hành chính không ghi năm trong ký hiệu"},
        "form": {"en": "the number line '{text}' is not 'Số: number/TYPE-ISSUER'",
                 "vi": "dòng số, ký hiệu '{text}' không theo mẫu 'Số: số/LOẠI-CƠ QUAN'"},
    },
    fix={"space": {"en": "write '{fixed}'", "vi": "viết '{fixed}'"},
         "year": {"en": "drop the year", "vi": "bỏ năm khỏi ký hiệu"}},
    autofix="safe",  # only the stray spaces carry an edit
)
def check(ctx: Context) -> Iterator[Hit]:
    n = ctx.facts(extract).number
    if n is None:
        return
    p = n.paragraph
    if not n.parsed:
        yield Hit(p.span, {"text": p.text.strip()}, message_key="form")
        return
    symbol = n.symbol.strip()
    problems = 0
    if n.stray:
        fixed = re.sub(r"[ \t]+", "", symbol)
        s, e = n.stray[0]
        problems += 1
        edits = tuple(Edit(p.span_of(a, b), "") for a, b in n.stray if p.text[a:b].isspace())
        yield Hit(p.span_of(s, e), {"symbol": symbol, "fixed": fixed}, context=n.span, message_key="space",
                  edits=edits if len(edits) == len(n.stray) else ())
    if n.mixed:
        problems += 1
        yield Hit(n.span, {"symbol": symbol}, message_key="mixed")
    if n.year and n.type_code.upper() not in normative_codes():
        problems += 1
        yield Hit(n.span, {"symbol": symbol, "year": n.year}, message_key="year")
    ctx.verdict("number line", n.span, seq(f"'{symbol}' ", Word("verdict.well_formed"), " ✓") if not problems
                else seq(f"'{symbol}' ", Word("verdict.malformed"), " ✗"), not problems)
