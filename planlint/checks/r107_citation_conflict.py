"""The same document is cited twice with different dates, or with different numbers.

A document has one number and one date. ``Chỉ thị số 19/CT-TTg ngày 16/7/2021`` on one line and
``Chỉ thị số 19/CT-TTg ngày 16/7/2024`` on another cannot both be right: an error. The same symbol
only names the same document within a year for administrative documents (numbering restarts every
year, Nghị định 30/2020 art. 15; across years only when the subject is the same too) and, when
issuers are named, for the same issuer; a legal document
carries its year (``30/2020/NĐ-CP``). When neither citation names its issuer, two bodies may have
used the same symbol: a warning only. The other way round, one type of document of one named issuer,
one date and one subject cited under two numbers is the same document misnumbered.

Bad::

    1. Quán triệt Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về phát động thi đua.

    2. Thực hiện Chỉ thị số 19/CT-TTg ngày 16/9/2021 của Thủ tướng Chính phủ về phát động thi đua.

Good::

    1. Quán triệt Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về phát động thi đua.

    2. Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về phát động thi đua.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..engine import Context
from ..facts.citations import Citation, extract, issuer_codes
from ..finding import Hit
from ..i18n import Word, seq
from ..rule import rule
from ..scan.dates import fold, fold_words


def _same_issuer(a: Citation, b: Citation) -> bool:
    if not a.issuer_text or not b.issuer_text:
        return not a.issuer_text and not b.issuer_text
    return fold_words(a.issuer_text) == fold_words(b.issuer_text)


def _words(text: str) -> list[str]:
    return fold_words(text).split()


def _day(c: Citation) -> tuple[int, int, int] | None:
    d = c.date
    if d is None or not d.valid or not d.complete:
        return None
    assert d.year is not None and d.month is not None and d.day is not None
    return d.year, d.month, d.day


@rule(
    code="R107",
    name="citation-conflict",
    severity="error",
    messages={
        "date": {"en": "{symbol} is cited as of {date} here but as of {other} {place}",
                 "vi": "{symbol} ở đây ghi ngày {date} nhưng ở {place} ghi ngày {other}"},
        "number": {"en": "the {word} of {issuer} dated {date} on '{subject}' is numbered {symbol} here "
                         "but {other} {place}",
                   "vi": "{word} của {issuer} ngày {date} về '{subject}' ở đây mang số {symbol} "
                         "nhưng ở {place} là {other}"},
    },
    fix={"en": "cite the document the same way everywhere", "vi": "trích dẫn thống nhất số, ngày của văn bản"},
)
def check(ctx: Context) -> Iterator[Hit]:
    cites = [c for c in ctx.facts(extract) if c.symbol is not None and _day(c) is not None]
    by_symbol: dict[str, list[Citation]] = {}
    for c in cites:
        assert c.symbol is not None
        by_symbol.setdefault(c.symbol.key, []).append(c)
    for group in by_symbol.values():
        if len(group) < 2:
            continue
        counts = Counter(_day(c) for c in group)
        usual = max(counts, key=lambda k: (counts[k], -group.index(next(c for c in group if _day(c) == k))))
        first = next(c for c in group if _day(c) == usual)
        for c in group:
            day = _day(c)
            if c is first or day is None or usual is None:
                continue
            assert c.symbol is not None and c.date is not None and first.date is not None
            same_year = day[0] == usual[0] or bool(c.symbol.year)
            # across years a number may be reused: only the same subject proves it is one document
            same_subject = len(_words(c.subject)) >= 4 and _words(c.subject)[:8] == _words(first.subject)[:8]
            comparable = (same_year or same_subject) and _same_issuer(c, first)
            ok = day == usual
            if not comparable:
                continue
            span = c.paragraph.span_of(c.date.start, c.date.end)
            ctx.verdict("citation", span, f"{c.symbol.raw}: {c.date.display()} {'=' if ok else '≠'} "
                        f"{first.date.display()}", ok)
            if not ok:
                # with no issuer named on either side two documents may share a number: only likely
                named = bool(c.issuer_text) or bool(c.symbol.year)
                yield Hit(span, {"symbol": c.symbol.raw, "date": c.date.display(), "other": first.date.display(),
                                 "place": ctx.place(first.span().start)}, context=c.span(),
                          message_key="date", severity=None if named else "warning")
    # one document (type, issuer, date, subject) under two numbers
    by_doc: dict[tuple[str, str, tuple[int, int, int] | None, str], list[Citation]] = {}
    for c in cites:
        words = fold_words(c.subject).split()
        if not c.type_word or not c.issuer_text or len(words) < 4 or issuer_codes(c.issuer_text) is None:
            continue
        # the whole subject: two programmes approved the same day differ only after their first words
        key = (fold(c.type_word), fold_words(c.issuer_text), _day(c), " ".join(words))
        by_doc.setdefault(key, []).append(c)
    for group in by_doc.values():
        first = group[0]
        assert first.symbol is not None
        for c in group[1:]:
            assert c.symbol is not None and c.date is not None
            if c.symbol.number == first.symbol.number:
                continue
            span = c.paragraph.span_of(c.symbol.start, c.symbol.end)
            ctx.verdict("citation", span,
                        seq(f"{c.symbol.raw} ≠ {first.symbol.raw} (", Word("verdict.same_document"), ")"), False)
            yield Hit(span, {"word": c.type_word, "issuer": c.issuer_text, "date": c.date.display(),
                             "subject": " ".join(c.subject.split()[:8]), "symbol": c.symbol.raw,
                             "other": first.symbol.raw, "place": ctx.place(first.span().start)},
                      context=c.span(), message_key="number")
