"""A legal document's symbol carries a year that is not the year of its date.

Legal normative documents print their year in the symbol: ``Nghị định số 30/2020/NĐ-CP ngày
05/3/2020``, ``Luật số 24/2021/QH15`` (DOMAIN.md, "Document symbols and citations"). A symbol year
that is not the citation date's year (``30/2020/NĐ-CP ngày 05/3/2021``) is a contradiction on the
page: an error.

Bad::

    Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2021 của Chính phủ về công tác văn thư.

Good::

    Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.citations import extract
from ..finding import Hit
from ..rule import rule


@rule(
    code="R108",
    name="symbol-year",
    severity="error",
    messages={
        "en": "{symbol} carries the year {symbol_year} but is dated {date} ({year})",
        "vi": "ký hiệu {symbol} mang năm {symbol_year} nhưng văn bản ghi ngày {date} (năm {year})",
    },
    fix={"en": "correct the year in the symbol or the date", "vi": "sửa lại năm trong ký hiệu hoặc ngày ban hành"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for c in ctx.facts(extract):
        s, d = c.symbol, c.date
        if s is None or s.year is None or d is None or d.year is None or not d.valid:
            continue
        ok = s.year == d.year
        span = c.paragraph.span_of(d.start, d.end)
        ctx.verdict("citation", span, f"{s.raw}: {s.year} {'=' if ok else '≠'} {d.year}", ok)
        if not ok:
            yield Hit(span, {"symbol": s.raw, "symbol_year": s.year, "date": d.display(), "year": d.year},
                      context=c.span())
