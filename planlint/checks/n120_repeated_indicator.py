"""One indicator stated twice in the document with different values.

A plan gives its targets in one section and repeats them in its tasks; a report gives a result
in its summary and again in the detail. When the two disagree (``Tỷ lệ hộ nghèo giảm còn 2,5%``
among the targets, ``phấn đấu giảm tỷ lệ hộ nghèo xuống còn 2,8%`` among the tasks), one of
them is wrong. The figure reader (``planlint facts`` lists each *indicator* with its identity)
compares two statements only when their identity is certain: the same label once edge words
are taken off and spellings unified (``rules/indicators.toml``), the same unit and qualifier,
both levels or both changes, the same years, parts of a year and places, and both targets or
both actuals (``đến năm 2030`` is not ``năm 2026``; a result of 2025 is not a target of 2026).
A table's value columns take part too: a column that says plan or actual (``Kế hoạch 2026``,
``Thực hiện 2025``) and names its year gives each top row named by an indicator (not a part of
another row) with its unit (``ĐVT``), so the text is checked against the table.
Values are equal when they agree within half a unit of their last printed place (DOMAIN.md,
"Numbers and units"). A warning: which of the two is right is the author's call.

Bad::

    II. CHỈ TIÊU

    - Tỷ lệ hộ nghèo giảm còn 2,5%.

    III. NHIỆM VỤ, GIẢI PHÁP

    - Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 2,8%.

Good::

    II. CHỈ TIÊU

    - Tỷ lệ hộ nghèo giảm còn 2,5%.

    III. NHIỆM VỤ, GIẢI PHÁP

    - Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 2,5%.
    - Kết quả năm 2025: tỷ lệ hộ nghèo còn 3,2%.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.indicators import repeats
from ..finding import Hit
from ..i18n import say
from ..rule import rule


@rule(
    code="N120",
    name="repeated-indicator",
    severity="warning",
    messages={
        "target": {
            "en": "{label} is {value} here but {other} {place}: one target ({unit}, {years}) stated twice",
            "vi": "{label} ở đây là {value} nhưng ở {place} là {other}: cùng một chỉ tiêu ({unit}, {years}) "
                  "ghi hai giá trị",
        },
        "actual": {
            "en": "{label} is {value} here but {other} {place}: one result ({unit}, {years}) stated twice",
            "vi": "{label} ở đây là {value} nhưng ở {place} là {other}: cùng một kết quả ({unit}, {years}) "
                  "ghi hai giá trị",
        },
    },
    fix={"en": "state the indicator with one value everywhere (or say how the two differ)",
         "vi": "ghi thống nhất một giá trị của chỉ tiêu (hoặc nói rõ hai số liệu khác nhau thế nào)"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for r in ctx.facts(repeats):
        a, b = r.again, r.first
        i = a.identity
        place = ctx.place(b.span.start)
        ctx.verdict("indicator", a.span, say("verdict.elsewhere", label=i.label, value=a.printed, other=b.printed,
                                             place=place), False)
        yield Hit(a.span, {
            "label": a.label, "value": a.printed, "other": b.printed, "place": place,
            "unit": i.unit, "years": ", ".join(map(str, i.years)) or "-",
        }, message_key=i.mode)
