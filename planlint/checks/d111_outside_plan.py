"""A deadline or event that falls outside the plan's time.

A deadline the plan sets (``trước ngày``, ``chậm nhất``, ``hạn chót``, ``đến hết``) cannot fall before
the plan itself is issued; an event it schedules (``vào tháng 12/2026``, ``trong quý IV/2025``) or a
phase (``Đợt 2: …``) should not fall after the plan's period — the years its title names (``năm 2025``,
``2021 - 2025``), else its own date's year. Reports on a year are often due early the next year, so
dates up to 31 March after the period are accepted. Words of the past (``đã``, ``vừa qua``) exempt the
date, and so does a deadline of an earlier year that its sentence or section names as its topic (``Kết
quả năm 2024: hoàn thành trước ngày 30/11/2024``); phases are judged only in the body of the plan (a
``giai đoạn I: từ năm 2021 đến năm 2025`` quoted from a cited programme is not this plan's). Likely
slips, not proofs: a warning.

Bad::

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

    Văn phòng UBND tổng hợp, báo cáo tổng kết vào tháng 12/2026.

Good::

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

    Văn phòng UBND tổng hợp, báo cáo tổng kết vào tháng 12/2025.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..engine import Context
from ..facts.header import extract as header
from ..facts.timeline import extract
from ..finding import Hit
from ..i18n import Word, say, seq
from ..rule import rule
from ..scan.dates import iso


@rule(
    code="D111",
    name="outside-plan",
    severity="warning",
    messages={
        "before": {"en": "the deadline {date} falls before the plan itself ({plan})",
                   "vi": "hạn {date} sớm hơn cả ngày ban hành kế hoạch ({plan})"},
        "after": {"en": "{date} falls after the plan's period ({period}, ending {end})",
                  "vi": "{date} nằm ngoài thời gian của kế hoạch ({period}, kết thúc {end})"},
    },
    fix={"en": "check the year of the date", "vi": "kiểm tra lại năm của mốc thời gian"},
    plan_only=True,
)
def check(ctx: Context) -> Iterator[Hit]:
    h = ctx.facts(header)
    facts = ctx.facts(extract)
    plan_first = h.date.first() if h.date is not None else None
    period = h.period
    limit = date(period[1] + 1, 3, 31) if period else None
    period_text = (f"{period[0]}" + (f"–{period[1]}" if period[1] != period[0] else "")) if period else ""
    candidates = []
    for m in facts.mentions:
        if (m.role in ("deadline", "event") and not m.past and m.date.valid
                and m.block.part in ("preamble", "body", "heading")):
            y = m.date.year
            if m.hard and y is not None and y in m.topic_years and plan_first is not None \
                    and (y < plan_first.year or (period is not None and y < period[0])):
                continue  # "Kết quả năm 2024: hoàn thành trước ngày 30/11/2024": a report of that year
            candidates.append((m.date, m.paragraph, m.hard))
    for series in facts.phases:
        for ph in series:
            if ph.range is not None and ph.block.part in ("body", "heading") and not ph.past:
                candidates.append((ph.range.range.start, ph.range.paragraph, False))
                candidates.append((ph.range.range.end, ph.range.paragraph, True))
    for d, para, hard in candidates:
        first, last = d.first(), d.last()
        if first is None or last is None:
            continue
        span = para.span_of(d.start, d.end)
        if hard and plan_first is not None and last < plan_first:
            assert h.date is not None
            ctx.verdict("deadline", span, seq(f"{d.display()} < ", Word("verdict.plan"), f" {h.date.display()} ✗"),
                        False)
            yield Hit(span, {"date": d.display(), "plan": h.date.display()}, message_key="before")
            continue
        if limit is not None and first > limit:
            ctx.verdict("deadline", span, f"{d.display()} > {iso(limit)} ✗", False)
            assert period is not None
            yield Hit(span, {"date": d.display(), "period": period_text, "end": f"31/12/{period[1]}"},
                      message_key="after")
            continue
        if limit is not None:
            ctx.verdict("deadline", span, say("verdict.within", date=d.display(), period=period_text), True)
