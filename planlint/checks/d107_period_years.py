"""A period's stated number of years disagrees with its years.

``N năm (A - B)`` for a plan period counts calendar years inclusively: ``kế hoạch 5 năm (2021 -
2025)`` is 2025 − 2021 + 1 = 5 years (DOMAIN.md, "Dates"); ``kế hoạch 5 năm (2021 - 2026)`` is
arithmetic gone wrong: an error, with or without the brackets (``kế hoạch 5 năm 2021 - 2026``). A
plan period is one named by ``kế hoạch``, ``giai đoạn``, ``chương trình``, ``chiến lược``, ``quy
hoạch`` or ``thời kỳ`` just before the count, or by ``giai đoạn`` between the count and the years
(``kế hoạch 5 năm giai đoạn 2026 - 2030``); the count may also follow the years in brackets
(``giai đoạn 2026 - 2030 (5 năm)``).

A term ``nhiệm kỳ N năm (A - B)`` lasts B − A years (2020 - 2025 is 5); a count that only fits the
calendar-year reading is a warning there, one that fits neither an error.

Elsewhere drafters count both ways (``tổng kết 10 năm (2014 - 2024)`` counts elapsed years, ``5 năm
2020 - 2025`` with no plan word before it may be a five-year term), so only a count that fits
neither reading (B − A nor B − A + 1) is reported.

Bad::

    Thi đua thực hiện thắng lợi kế hoạch 5 năm (2021 - 2026) của xã.

Good::

    Thi đua thực hiện thắng lợi kế hoạch 5 năm (2021 - 2025) của xã.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..i18n import Word, seq
from ..rule import rule


@rule(
    code="D107",
    name="period-years",
    severity="error",
    messages={
        "period": {"en": "{n} năm ({a} - {b}): {b} − {a} + 1 = {count} calendar years, not {n}",
                   "vi": "{n} năm ({a} - {b}): {b} − {a} + 1 = {count} năm, không phải {n} năm"},
        "term": {"en": "a term of {n} years from {a} ends in {a} + {n} = {expected}, not {b} ({b} − {a} = {diff})",
                 "vi": "nhiệm kỳ {n} năm bắt đầu {a} kết thúc năm {a} + {n} = {expected}, không phải {b} "
                       "({b} − {a} = {diff})"},
        "loose": {"en": "{n} năm {a} - {b}: {b} − {a} = {diff} and {b} − {a} + 1 = {count}, neither is {n}",
                  "vi": "{n} năm {a} - {b}: {b} − {a} = {diff} và {b} − {a} + 1 = {count}, đều không bằng {n}"},
    },
    fix={"en": "correct the years or the count", "vi": "sửa lại số năm hoặc các mốc năm"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for rf in ctx.facts(extract).ranges:
        n = rf.stated_years
        if n is None or rf.role not in ("period", "term", "phase"):
            continue
        a, b = rf.range.start.year, rf.range.end.year
        if a is None or b is None or b < a or rf.range.start.inherited:
            continue
        diff, count = b - a, b - a + 1
        args = {"n": n, "a": a, "b": b, "diff": diff, "count": count, "expected": a + n}
        severity = None
        if rf.role == "term":
            ok, key = diff == n, "term"
            statement = seq(Word("date.term"), f" {n} ", Word("date.years"), f": {b} − {a} = {diff}")
            if count == n:
                severity = "warning"
        elif rf.plan_context:
            ok, key = count == n, "period"
            statement = seq(f"{n} ", Word("date.years"), f" ({a} - {b}): {b} − {a} + 1 = {count}")
        else:
            ok, key = n in (diff, count), "loose"
            statement = seq(f"{n} ", Word("date.years"), f" {a} - {b}: {diff} ", Word("word.or"), f" {count}")
        ctx.verdict("period", rf.span, seq(statement, " ✓" if ok else f" ≠ {n} ✗"), ok)
        if not ok:
            yield Hit(rf.paragraph.span_of(rf.n_start, rf.n_end), args, context=rf.span, message_key=key,
                      severity=severity)
