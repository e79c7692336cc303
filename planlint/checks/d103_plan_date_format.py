"""The plan's own date is not written the way Nghị định 30/2020 prescribes.

ND30 writes the issue date out in Arabic numerals, ``ngày … tháng … năm …``, with a leading zero
for days below 10 and for months 1 and 2: ``ngày 05 tháng 01 năm 2020``, ``ngày 07 tháng 8 năm 2017``
(DOMAIN.md, "Dates"). ``ngày 5 tháng 3 năm 2025`` or ``Hà Nội, 05/3/2025`` is a likely slip of
the draft: a warning. The short form ``16/7/2021`` is normal in citations and is not judged there.

Bad::

    Số: 09/KH-UBND

    An Bình, ngày 5 tháng 1 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

Fixed::

    Số: 09/KH-UBND

    An Bình, ngày 05 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

Good::

    Số: 09/KH-UBND

    An Bình, ngày 05 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..data import vocabulary
from ..engine import Context
from ..facts.header import extract
from ..finding import Edit, Hit
from ..i18n import Seq, Word, say, seq
from ..parsing.tree import Span
from ..rule import rule

_DIGITS = re.compile(r"\d+")


def nd30(day: int, month: int, year: int) -> str:
    d = f"{day:02d}" if day < 10 else str(day)
    m = f"{month:02d}" if month < 3 else str(month)
    return str(vocabulary("dates")["nd30"]["template"]).format(day=d, month=m, year=year)


def nd30_pattern() -> str:
    """The form itself: ``ngày … tháng … năm …``."""
    return str(vocabulary("dates")["nd30"]["template"]).format(day="…", month="…", year="…")


@rule(
    code="D103",
    name="plan-date-format",
    severity="warning",
    messages={
        "zero": {"en": "the plan's date '{printed}' lacks a leading zero ({why}): ND30 writes '{fixed}'",
                 "vi": "ngày ban hành '{printed}' thiếu số 0 ở trước ({why}): theo Nghị định 30 viết '{fixed}'"},
        "form": {"en": "the plan's date '{printed}' is not written out: ND30 writes '{fixed}'",
                 "vi": "ngày ban hành '{printed}' chưa đúng thể thức: theo Nghị định 30 viết '{fixed}'"},
    },
    fix={"en": "write '{fixed}'", "vi": "viết thành '{fixed}'"},
    autofix="safe",  # the zero padding only; a date in another form is the author's to rewrite
)
def check(ctx: Context) -> Iterator[Hit]:
    pd = ctx.facts(extract).date
    if pd is None or not pd.mention.valid:
        return
    d = pd.mention
    if d.day is None or d.month is None or d.year is None:
        return  # blanks are D102's business
    fixed = nd30(d.day, d.month, d.year)
    printed = d.text.strip()
    if d.form != "long":
        ctx.verdict("plan date", pd.span, say("verdict.not_the_form", printed=printed, form=nd30_pattern()), False)
        yield Hit(pd.span, {"printed": printed, "fixed": fixed}, message_key="form")
        return
    why = []
    if d.day < 10 and len(d.day_raw) < 2:
        why.append(seq(Word("date.day"), f" {d.day} → {d.day:02d}"))
    if d.month < 3 and len(d.month_raw) < 2:
        why.append(seq(Word("date.month"), f" {d.month} → {d.month:02d}"))
    ctx.verdict("plan date", pd.span, f"'{printed}' {'≠' if why else '='} '{fixed}'", not why)
    if why:
        yield Hit(pd.span, {"printed": printed, "fixed": fixed, "why": Seq(tuple(why), ", ")},
                  message_key="zero", edits=_padding(ctx.plan.source.text, pd.span, d.day, d.month))


def _padding(text: str, span: Span, day: int, month: int) -> tuple[Edit, ...]:
    """Edits padding the day and the month where they stand, keeping every other character."""
    runs = list(_DIGITS.finditer(text, span.start, span.end))
    if len(runs) != 3 or int(runs[0].group()) != day or int(runs[1].group()) != month:
        return ()
    out = []
    for m, value, width in ((runs[0], day, 10), (runs[1], month, 3)):
        if value < width and len(m.group()) < 2:
            out.append(Edit(Span(m.start(), m.end()), f"{value:02d}"))
    return tuple(out)
