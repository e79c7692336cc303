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

Good::

    Số: 09/KH-UBND

    An Bình, ngày 05 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.header import extract
from ..finding import Hit
from ..rule import rule


def nd30(day: int, month: int, year: int) -> str:
    d = f"{day:02d}" if day < 10 else str(day)
    m = f"{month:02d}" if month < 3 else str(month)
    return f"ngày {d} tháng {m} năm {year}"


@rule(
    code="D103",
    name="plan-date-format",
    severity="warning",
    messages={
        "zero": {"en": "the plan's date '{printed}' lacks a leading zero ({why}): ND30 writes '{fixed}'",
                 "vi": "ngày ban hành '{printed}' thiếu số 0 ở trước ({why_vi}): theo Nghị định 30 viết '{fixed}'"},
        "form": {"en": "the plan's date '{printed}' is not written out: ND30 writes '{fixed}'",
                 "vi": "ngày ban hành '{printed}' chưa đúng thể thức: theo Nghị định 30 viết '{fixed}'"},
    },
    fix={"en": "write '{fixed}'", "vi": "viết thành '{fixed}'"},
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
        ctx.verdict("plan date", pd.span, f"'{printed}' is not 'ngày … tháng … năm …'", False)
        yield Hit(pd.span, {"printed": printed, "fixed": fixed}, message_key="form")
        return
    why, why_vi = [], []
    if d.day < 10 and len(d.day_raw) < 2:
        why.append(f"day {d.day} → {d.day:02d}")
        why_vi.append(f"ngày {d.day} → {d.day:02d}")
    if d.month < 3 and len(d.month_raw) < 2:
        why.append(f"month {d.month} → {d.month:02d}")
        why_vi.append(f"tháng {d.month} → {d.month:02d}")
    ctx.verdict("plan date", pd.span, f"'{printed}' {'≠' if why else '='} '{fixed}'", not why)
    if why:
        yield Hit(pd.span, {"printed": printed, "fixed": fixed, "why": ", ".join(why), "why_vi": ", ".join(why_vi)},
                  message_key="zero")
