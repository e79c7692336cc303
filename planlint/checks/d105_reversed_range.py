"""A range of dates that ends before it starts.

``từ ngày 01/7/2026 đến ngày 30/6/2026``, ``giai đoạn 2025 - 2021``, ``(5/2022 - 5/1992)``: the end
comes before the start, which the calendar proves wrong (an error). A start printed short takes
its month and year from the end (``từ ngày 08 đến 10/12/2015``); when the start would then fall
after the end the range is read across the month or year (``từ ngày 25 đến 05/01/2026`` starts on
25/12/2025), so such a range is never reported.

Bad::

    - Đợt 2: từ ngày 01/10/2026 đến ngày 30/6/2026.

Good::

    - Đợt 2: từ ngày 01/7/2026 đến ngày 30/11/2026.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..rule import rule
from ..scan.dates import iso


@rule(
    code="D105",
    name="reversed-range",
    severity="error",
    messages={
        "en": "'{text}' ends before it starts: {end} comes before {start}",
        "vi": "'{text}' kết thúc trước khi bắt đầu: {end} sớm hơn {start}",
    },
    fix={"en": "swap or correct the two dates", "vi": "đổi chỗ hoặc sửa lại hai mốc thời gian"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for rf in ctx.facts(extract).ranges:
        r = rf.range
        if r.start.inherited:
            continue
        a, b = r.start.first(), r.end.last()
        if a is None or b is None:
            continue
        ok = a <= b
        ctx.verdict("range", rf.span, f"{r.start.display()} ≤ {r.end.display()}" + (" ✓" if ok else " ✗"), ok)
        if ok:
            continue
        end_span = rf.paragraph.span_of(r.end.start, r.end.end)
        yield Hit(end_span, {"text": rf.text().strip(), "start": r.start.display(), "end": r.end.display(),
                             "first": iso(a), "last": iso(b)}, context=rf.span)
