"""Consecutive phases (Đợt 1, Đợt 2 …) overlap or leave a gap between them.

Phases of one campaign follow each other: ``Đợt 1: Từ tháng 8 năm 2021 đến cuối tháng 12 năm 2021``,
``Đợt 2: Từ tháng 01 năm 2022 đến cuối tháng 6 năm 2022`` leave no day uncovered and none counted
twice. A month stands for all its days (``tháng 01`` starts on 01/01, ``cuối tháng 12`` ends on
31/12). An overlap or a gap is a likely slip, but campaigns may pause on purpose: a warning. A gap
is reported only between two phases of a campaign (each at least 28 days long) when it is shorter
than a month and not just a weekend: short sessions (``Đợt 1 từ 05/5 đến 09/5``, ``Đợt 2 từ 08/9
…``) and long pauses are scheduled that way on purpose.

Bad::

    - Đợt 1: từ ngày 15/01/2026 đến ngày 30/6/2026.
    - Đợt 2: từ ngày 15/7/2026 đến ngày 30/11/2026.

Good::

    - Đợt 1: từ ngày 15/01/2026 đến ngày 30/6/2026.
    - Đợt 2: từ ngày 01/7/2026 đến ngày 30/11/2026.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..i18n import Word, say, seq
from ..rule import rule
from ..scan.dates import iso, next_day


@rule(
    code="D106",
    name="phase-continuity",
    severity="warning",
    messages={
        "overlap": {"en": "{b} starts {b_start} but {a} runs until {a_end}: the phases overlap by {days} day(s)",
                    "vi": "{b} bắt đầu {b_start} nhưng {a} kéo dài đến {a_end}: hai đợt trùng nhau {days} ngày"},
        "gap": {"en": "{a} ends {a_end} and {b} starts {b_start}: {days} day(s) between the phases are not covered",
                "vi": "{a} kết thúc {a_end}, {b} bắt đầu {b_start}: {days} ngày giữa hai đợt không thuộc đợt nào"},
    },
    fix={"overlap": {"en": "start {b} on {expected}", "vi": "cho {b} bắt đầu từ {expected}"},
         "gap": {"en": "start {b} on {expected}, or say why the phases pause",
                 "vi": "cho {b} bắt đầu từ {expected}, hoặc nêu rõ thời gian nghỉ giữa hai đợt"}},
    plan_only=True,
)
def check(ctx: Context) -> Iterator[Hit]:
    for series in ctx.facts(extract).phases:
        for p, q in zip(series, series[1:], strict=False):
            if p.range is None or q.range is None:
                continue
            a_end = p.range.range.end.last()
            b_start = q.range.range.start.first()
            if a_end is None or b_start is None:
                continue
            expected = next_day(a_end)
            ok = b_start == expected
            note: Any = ""
            if b_start > expected:
                a_start = p.range.range.start.first()
                b_end = q.range.range.end.last()
                if a_start is None or b_end is None or not _campaign_gap(a_start, a_end, b_start, b_end):
                    ok, note = True, seq(" (", Word("verdict.pause"), ")")
            phases = say("verdict.phases", a=p.label, a_end=iso(a_end), b=q.label, b_start=iso(b_start))
            ctx.verdict("phases", q.range.span, seq(phases, note, " ✓") if ok else
                        seq(phases, " (", Word("verdict.expected"), f" {iso(expected)}) ✗"), ok)
            if ok:
                continue
            if b_start <= a_end:
                key, days = "overlap", (a_end - b_start).days + 1
            else:
                key, days = "gap", (b_start - expected).days
            start = q.range.range.start
            yield Hit(q.range.paragraph.span_of(start.start, start.end),
                      {"a": p.label, "b": q.label, "a_end": iso(a_end), "b_start": iso(b_start), "days": days,
                       "expected": iso(expected)}, context=q.range.span, message_key=key)


MIN_PHASE_DAYS = 28
MAX_GAP_DAYS = 31


def _campaign_gap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """Whether the days between two phases look like a slip: both phases are long, the gap is
    under a month and it is more than a weekend (Friday or Saturday to Monday)."""
    gap = (b_start - a_end).days - 1
    if (a_end - a_start).days + 1 < MIN_PHASE_DAYS or (b_end - b_start).days + 1 < MIN_PHASE_DAYS:
        return False
    if gap > MAX_GAP_DAYS:
        return False
    return not (b_start.weekday() == 0 and a_end.weekday() in (4, 5))
