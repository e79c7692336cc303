"""A proportion of a population above 100%.

``Tỷ lệ bao phủ bảo hiểm y tế 102%``, ``tỷ lệ hộ được sử dụng nước sạch 101%``: the share of a
population that has something cannot exceed all of it. The label decides: ``tỷ lệ``, ``bao
phủ``, ``che phủ``, ``đạt chuẩn``, ``được sử dụng/tiếp cận/thu gom/xử lý``, ``tham gia``… make a
bounded rate; a rate measured against a plan, a budget or a past period (``đạt 102% kế hoạch``,
``dự toán``, ``chỉ tiêu``, ``so với cùng kỳ``), a growth or change (``tăng``, ``tốc độ``), revenue and
credit ratios are not bounded (``unbounded`` in ``rules/sectors.toml``). A rate that follows a figure of another kind in
its clause (``có 1.238 hộ vượt chuẩn nghèo, đạt tỷ lệ 225%``) may be that figure against a target:
a warning there, not an error.

Bad::

    II. CHỈ TIÊU

    - Tỷ lệ bao phủ bảo hiểm y tế đạt 102%.

Good::

    II. CHỈ TIÊU

    - Tỷ lệ bao phủ bảo hiểm y tế đạt 95%.
    - Thu ngân sách nhà nước đạt 102% dự toán.
    - Tỷ lệ người tham gia bảo hiểm xã hội tự nguyện đạt 110% kế hoạch huyện giao.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.relations import rates
from ..finding import Hit
from ..rule import rule


@rule(
    code="N106",
    name="bounded-rate",
    severity="error",
    messages={
        "en": "{label} {value}: a proportion of a population cannot exceed 100% ({value} > 100%)",
        "vi": "{label} {value}: tỷ lệ trên một tổng thể không thể vượt quá 100% ({value} > 100%)",
    },
    fix={"en": "correct the rate, or say what it is measured against (kế hoạch, dự toán, cùng kỳ)",
         "vi": "sửa tỷ lệ, hoặc ghi rõ so với cái gì (kế hoạch, dự toán, cùng kỳ)"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for r in ctx.facts(rates):
        if not r.bounded or r.q.ambiguous:
            continue
        low = r.q.low
        if low is None:
            continue
        ok = low <= 100
        ctx.verdict("rate", r.q.span, f"{r.label}: {r.q.shown()} ≤ 100%", ok)
        if not ok:
            # "có 1.238 hộ vượt chuẩn …, đạt tỷ lệ 225%": after a count in its clause the rate may
            # be that count against a target, not a share of a population: likely, not proven
            yield Hit(r.q.span, {"label": r.label, "value": r.q.shown()}, context=r.sentence.span,
                      severity="warning" if r.after_figure else None)
