"""An anniversary of a fixed national event does not fall in the plan's year.

``kỷ niệm 50 năm Ngày giải phóng miền Nam``: 1975 + 50 = 2025, so it belongs to a 2025 plan, not a 2024
one (DOMAIN.md, "Dates": Đảng 03/02/1930, Giải phóng miền Nam 30/4/1975, Điện Biên Phủ 07/5/1954, Bác Hồ
19/5/1890, Cách mạng Tháng Tám 19/8/1945, Quốc khánh 02/9/1945, QĐND 22/12/1944, Quốc phòng toàn dân
22/12/1989; more in ``rules/anniversaries.toml``). The plan's years are those its title names (``năm
2025``, ``2021 - 2025``), else its own date's year. ``hướng tới kỷ niệm …`` looks ahead and is not
judged, nor is a plan whose title is itself about a celebration (it is prepared ahead). When the
anniversary prints its years ``(A - B)``, A must be the event's year. Likely slips, but the author may
mean a neighbouring celebration: a warning.

Bad::

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2024

    Thi đua lập thành tích chào mừng kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước.

Good::

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

    Thi đua lập thành tích chào mừng kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.header import extract as header
from ..facts.timeline import extract
from ..finding import Hit
from ..rule import rule


def _years(years: set[int]) -> str:
    ys = sorted(years)
    if len(ys) > 2 and ys[-1] - ys[0] + 1 == len(ys):
        return f"{ys[0]}–{ys[-1]}"
    return ", ".join(str(y) for y in ys)


@rule(
    code="D109",
    name="anniversary-year",
    severity="warning",
    messages={
        "year": {"en": "{n} năm {event}: {event_year} + {n} = {year}, but this plan covers {plan_years}",
                 "vi": "{n} năm {event}: {event_year} + {n} = {year}, nhưng kế hoạch này thuộc năm {plan_years}"},
        "start": {"en": "{event} dates from {event_year}, but the anniversary's range starts in {a}",
                  "vi": "{event} là năm {event_year}, nhưng khoảng kỷ niệm lại bắt đầu từ năm {a}"},
    },
    fix={"year": {"en": "the anniversary in {plan_year} is the {right}th: write {right} năm",
                  "vi": "năm {plan_year} là kỷ niệm {right} năm: sửa thành {right} năm"},
         "start": {"en": "start the range in {event_year}", "vi": "sửa năm bắt đầu thành {event_year}"}},
    plan_only=True,
)
def check(ctx: Context) -> Iterator[Hit]:
    h = ctx.facts(header)
    ref = h.reference_years()
    dates = ctx.facts(extract)
    if dates.celebration:
        return  # a plan for the celebration itself is prepared ahead of it
    for an in dates.anniversaries:
        ev = an.event
        if ev is None:
            continue
        ey = ev.day.year
        if an.range is not None:
            a = an.range.range.start.year
            if a is not None and a != ey:
                ctx.verdict("anniversary", an.span, f"{ev.name}: {ey} ≠ {a} ✗", False)
                yield Hit(an.range.paragraph.span_of(an.range.range.start.start, an.range.range.start.end),
                          {"event": ev.name, "event_year": ey, "a": a}, context=an.range.span, message_key="start")
                continue
            if an.range.range.end.year is not None:
                continue  # the bracket says which year is meant; D108 checks its arithmetic
        if not ref or an.toward:
            continue
        year = ey + an.n
        ok = year in ref
        ctx.verdict("anniversary", an.span, f"{ev.name} {ey} + {an.n} = {year} ∈ {_years(ref)}"
                    + (" ✓" if ok else " ✗"), ok)
        if ok:
            continue
        plan_year = min(ref, key=lambda y: abs(y - year))
        yield Hit(an.span, {"n": an.n, "event": ev.name, "event_year": ey, "year": year, "plan_years": _years(ref),
                            "plan_year": plan_year, "right": plan_year - ey}, message_key="year")
