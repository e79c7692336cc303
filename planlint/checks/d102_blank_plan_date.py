"""The document's own date is left blank in the draft: fill it in before signing.

Drafts leave the day (and often the month) of the place-and-date line empty until the plan is
signed: ``Phổ Châu, ngày tháng 01 năm 2025``, ``ngày … tháng … năm 2024``. This is normal for a
draft, so it is information, not a fault: the reminder that the line must be completed (ND30:
``ngày … tháng … năm …`` in Arabic numerals, DOMAIN.md "Anatomy of a plan").

Bad::

    Số: /KH-UBND

    An Bình, ngày tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

Good::

    Số: 09/KH-UBND

    An Bình, ngày 14 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.header import extract
from ..finding import Hit
from ..i18n import Seq, Word, listing, say
from ..rule import rule


@rule(
    code="D102",
    name="blank-plan-date",
    severity="info",
    messages={
        "en": "the document's date is left blank ({shown}): fill in the {parts} before signing",
        "vi": "ngày ban hành văn bản còn để trống ({shown}): điền {parts} trước khi ký ban hành",
    },
    fix={"en": "complete the date when the document is signed", "vi": "ghi đủ ngày, tháng, năm khi ký ban hành"},
)
def check(ctx: Context) -> Iterator[Hit]:
    pd = ctx.facts(extract).date
    if pd is None or not pd.mention.blanks:
        return
    blanks = list(pd.mention.blanks)
    ctx.verdict("plan date", pd.span,
                say("verdict.blank_date", date=pd.display(), parts=Seq(tuple(Word(f"date.{b}") for b in blanks), ", ")),
                False)
    yield Hit(pd.span, {"shown": pd.display(), "parts": listing(Word(f"date.{b}") for b in blanks)})
