"""A stated fall of the poverty rate is not the difference of the two rates, in percentage points.

DOMAIN.md, "Poverty": a fall of the rate is stated in percentage points: from 3,25% to 2,10% is
a fall of 3,25 − 2,10 = 1,15 points, whether it is written "giảm 1,15%" or "giảm 1,15 điểm phần
trăm". The check applies when the plan gives the rate at the start, at the end and the fall
(in any order: "tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,05%)", "tỷ lệ hộ nghèo đầu năm 2,73%,
giảm 0,83%, cuối năm còn 1,90%"). The tolerance is half a unit of the last printed decimal of each of
the three figures. "Giảm tỷ lệ hộ nghèo còn 0,53%" is a target level, not a fall, and is read so.
Besides the ledgers, the figure reader's rate changes are checked (``planlint/facts/rate_changes.py``:
"tỷ lệ hộ nghèo giảm 1,15 điểm phần trăm, từ 3,25% xuống còn 2,10%").

When the stated figure is the fall relative to the start (3,25% to 2,10% is 35,4% fewer), the
message says so, as a warning: the figure is true, only not in points. Poor and near-poor rates are
checked separately.

Bad::

    2. Chỉ tiêu xã hội:
    - Tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,05%).

Good::

    2. Chỉ tiêu xã hội:
    - Tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,15 điểm phần trăm).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.poverty import RateFall, category_word, rate_fall, runs
from ..facts.rate_changes import rate_changes
from ..finding import Hit
from ..i18n import seq
from ..rule import rule
from ..scan.numbers import format_vn


@rule(
    code="P102",
    name="rate-fall-points",
    severity="error",
    messages={
        "default": {
            "en": "the rate of {cat} falls from {start}% to {end}%: {start} − {end} = {computed} percentage "
                  "points, but the plan says a fall of {stated}",
            "vi": "tỷ lệ {cat} giảm từ {start}% xuống {end}%: {start} − {end} = {computed} điểm phần trăm, "
                  "nhưng kế hoạch ghi giảm {stated}",
        },
        "relative": {
            "en": "the rate of {cat} falls from {start}% to {end}%: {start} − {end} = {computed} percentage "
                  "points; {stated} is the fall relative to the start "
                  "(({start} − {end}) ÷ {start} = {relative}%), not in points",
            "vi": "tỷ lệ {cat} giảm từ {start}% xuống {end}%: {start} − {end} = {computed} điểm phần trăm; "
                  "{stated} là mức giảm tương đối so với đầu kỳ "
                  "(({start} − {end}) ÷ {start} = {relative}%), không phải "
                  "điểm phần trăm",
        },
    },
    fix={
        "default": {"en": "state the fall as {computed} percentage points (or correct one of the rates)",
                    "vi": "ghi mức giảm {computed} điểm phần trăm (hoặc sửa một trong hai tỷ lệ)"},
        "relative": {"en": "state the fall as {computed} percentage points",
                     "vi": "ghi mức giảm {computed} điểm phần trăm"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    checked: set[int] = set()
    for run in ctx.facts(runs):
        for led in run.ledgers:
            rf = rate_fall(led)
            if rf is not None:
                checked.add(rf.fall.span.start)
                yield from _report(ctx, rf)
    for rc in ctx.facts(rate_changes):
        # the figure reader's statements that no ledger holds ("giảm 1,15 điểm phần trăm, từ 3,25% xuống
        # còn 2,10%")
        if rc.sign < 0 and rc.change.span.start not in checked:
            rf = rate_fall(rc.ledger())
            if rf is not None:
                checked.add(rf.fall.span.start)
                yield from _report(ctx, rf)


def _report(ctx: Context, rf: RateFall) -> Iterator[Hit]:
    led = rf.ledger
    ctx.verdict("rate fall", rf.fall.span, seq(category_word(led.category, "households"), ": ", rf.statement()),
                rf.ok)
    if rf.ok:
        return
    d = max(rf.start.decimals, rf.end.decimals, rf.fall.decimals)
    args = {
        "cat": category_word(led.category, "households"),
        "start": rf.start.raw, "end": rf.end.raw, "computed": format_vn(rf.computed, d),
        "stated": rf.fall.printed(),
    }
    if rf.relative is not None:
        args["relative"] = format_vn(rf.relative, 1)
        # a true statement, in the wrong unit: likely a mistake, not a proven one
        yield Hit(rf.fall.span, args, context=led.context, message_key="relative", severity="warning")
    else:
        yield Hit(rf.fall.span, args, context=led.context)
