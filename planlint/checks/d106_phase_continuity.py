"""Consecutive phases (Đợt 1, Đợt 2 …) overlap or leave a gap between them.

Phases of one campaign follow each other: ``Đợt 1: Từ tháng 8 năm 2021 đến cuối tháng 12 năm 2021``,
``Đợt 2: Từ tháng 01 năm 2022 đến cuối tháng 6 năm 2022`` leave no day uncovered and none counted
twice. A month stands for all its days (``tháng 01`` starts on 01/01, ``cuối tháng 12`` ends on
31/12). An overlap or a gap is a likely slip, but campaigns may pause on purpose: a warning.

Bad::

    - Đợt 1: từ ngày 15/01/2026 đến ngày 30/6/2026.
    - Đợt 2: từ ngày 15/7/2026 đến ngày 30/11/2026.

Good::

    - Đợt 1: từ ngày 15/01/2026 đến ngày 30/6/2026.
    - Đợt 2: từ ngày 01/7/2026 đến ngày 30/11/2026.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import iso, next_day
from ..engine import Context
from ..facts.dates import extract
from ..finding import Hit
from ..rule import rule


@rule(
    code="D106",
    name="phase-continuity",
    severity="warning",
    summary="Consecutive phases overlap or leave a gap",
    messages={
        "overlap": {"en": "{b} starts {b_start} but {a} runs until {a_end}: the phases overlap by {days} day(s)",
                    "vi": "{b} bắt đầu {b_start} nhưng {a} kéo dài đến {a_end}: hai đợt trùng nhau {days} ngày"},
        "gap": {"en": "{a} ends {a_end} and {b} starts {b_start}: {days} day(s) between the phases are not covered",
                "vi": "{a} kết thúc {a_end}, {b} bắt đầu {b_start}: {days} ngày giữa hai đợt không thuộc đợt nào"},
    },
    fix={"overlap": {"en": "start {b} on {expected}", "vi": "cho {b} bắt đầu từ {expected}"},
         "gap": {"en": "start {b} on {expected}, or say why the phases pause",
                 "vi": "cho {b} bắt đầu từ {expected}, hoặc nêu rõ thời gian nghỉ giữa hai đợt"}},
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
            ctx.verdict("phases", q.range.span, f"{p.label} ends {iso(a_end)}, {q.label} starts {iso(b_start)}"
                        + (" ✓" if ok else f" (expected {iso(expected)}) ✗"), ok)
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
