"""A date that does not exist: day 34, month 17, 31/11, 30/02, 29/02 of a common year.

Every date of the plan is read (``ngày 16/7/2021``, ``ngày 04 tháng 8 năm 2021``, ``tháng 14/2025``,
``quý V/2025``) and checked against the calendar: months run 1 to 12, a month has 28 to 31 days,
29/02 only in a leap year. The calendar proves it, so it is an error; the finding points at the
part that cannot be (the day or the month). A date that does not exist is not compared further
(it is not "after the plan"): one finding per broken date.

``lương tháng 13`` (right after lương, thưởng, thu nhập) is the 13th-month bonus, not a date;
``tổng kết vào tháng 13/2025`` is reported.

Bad::

    Thực hiện Chỉ thị số 19/CT-TTg ngày 16/17/2021 của Thủ tướng Chính phủ.

Good::

    Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..i18n import say, seq
from ..rule import rule

_SKIP_FORMS = ("month", "day")  # a bare "tháng 13", "ngày 45 đến": not sure they are dates


@rule(
    code="D101",
    name="invalid-date",
    severity="error",
    messages={
        "month": {"en": "{date} is not a date: there is no month {month}",
                  "vi": "{date} không phải ngày có thật: không có tháng {month}"},
        "day": {"en": "{date} is not a date: there is no day {day} in any month",
                "vi": "{date} không phải ngày có thật: không tháng nào có ngày {day}"},
        "length": {"en": "{date} is not a date: month {month} has {length} days, not {day}",
                   "vi": "{date} không phải ngày có thật: tháng {month} chỉ có {length} ngày, không có ngày {day}"},
        "leap": {"en": "{date} is not a date: {year} is not a leap year, February has 28 days",
                 "vi": "{date} không phải ngày có thật: năm {year} không nhuận, tháng 2 chỉ có 28 ngày"},
        "quarter": {"en": "{date} is not a date: a year has quarters I to IV",
                    "vi": "{date} không có thật: một năm chỉ có quý I đến quý IV"},
    },
    fix={"en": "correct the date against the cited document", "vi": "sửa lại ngày theo đúng văn bản gốc"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for m in ctx.facts(extract).mentions:
        d = m.date
        if d.form in _SKIP_FORMS and not d.inherited:
            continue
        if d.valid:
            if d.complete:
                ctx.verdict("date", m.span, say("verdict.exists", date=d.display()), True)
            continue
        args = {"date": d.text.strip(), "day": d.day, "month": d.month, "year": d.year}
        if d.form == "quarter":
            key = "quarter"
        elif d.month is not None and not 1 <= d.month <= 12:
            key = "month"
        elif d.day is not None and not 1 <= d.day <= 31:
            key = "day"
        elif d.month == 2 and d.day == 29:
            key = "leap"
        else:
            key = "length"
            assert d.month is not None
            args["length"] = calendar.monthrange(d.year if d.year is not None else 2000, d.month)[1]
        ctx.verdict("date", m.span, seq(ctx.said(key, args), " ✗"), False)
        yield Hit(m.part_span(), args, context=m.span, message_key=key)
