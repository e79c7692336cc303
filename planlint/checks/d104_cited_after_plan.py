"""A cited document is dated after the plan that implements it.

A plan implements documents issued before it (DOMAIN.md, "Dates"): ``Thực hiện Kế hoạch số
08/KH-UBND ngày 16/03/2025`` in a plan dated 03/02/2025 cannot be right, so the calendar makes it an
error. With a plan date left partly blank in a draft only what is known is compared: a plan of
``tháng 01 năm 2025`` (at the latest 31/01/2025) cannot cite a notice of 06/02/2025, while a plan
of ``năm 2024`` can cite anything of 2024. A document dated the same day as the plan is fine.

Bad::

    Số: 17/KH-UBND

    Tân Hòa, ngày 10 tháng 02 năm 2025

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

    Thực hiện Quyết định số 115/QĐ-UBND ngày 14/02/2025 của UBND thành phố về giao chỉ tiêu năm 2025.

Good::

    Số: 17/KH-UBND

    Tân Hòa, ngày 10 tháng 02 năm 2025

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

    Thực hiện Quyết định số 115/QĐ-UBND ngày 04/02/2025 của UBND thành phố về giao chỉ tiêu năm 2025.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.citations import extract as citations
from ..facts.header import extract as header
from ..finding import Hit
from ..i18n import Word, seq
from ..rule import rule
from ..scan.dates import iso


@rule(
    code="D104",
    name="cited-after-plan",
    severity="error",
    messages={
        "en": "{doc} ngày {cited} is dated after this plan ({plan}{latest}): a plan cannot implement a later document",
        "vi": "{doc} ngày {cited} ban hành sau ngày của kế hoạch này ({plan}{latest}): kế hoạch không thể "
              "thực hiện văn bản ban hành sau nó",
    },
    fix={"en": "check the date of the cited document (or of the plan)",
         "vi": "kiểm tra lại ngày của văn bản được trích dẫn (hoặc ngày của kế hoạch)"},
)
def check(ctx: Context) -> Iterator[Hit]:
    pd = ctx.facts(header).date
    if pd is None:
        return
    latest = pd.last()
    if latest is None:
        return
    plan_shown = pd.display()
    partial = not pd.mention.complete
    for c in ctx.facts(citations):
        d = c.date
        if d is None or not d.valid:
            continue
        first = d.first()
        if first is None:
            continue
        span = c.paragraph.span_of(d.start, d.end)
        ok = first <= latest
        ctx.verdict("citation", span, seq(f"{c.label} {d.display()} {'≤' if ok else '>'} ", Word("verdict.plan"),
                                         f" {plan_shown}" + (f" (≤ {iso(latest)})" if partial else "")), ok)
        if ok:
            continue
        yield Hit(span, {"doc": c.label, "cited": d.display(), "plan": plan_shown,
                         "latest": seq(", ", Word("word.at_the_latest"), f" {iso(latest)}") if partial else ""},
                  context=c.span())
