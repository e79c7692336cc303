"""A part is larger than the whole it belongs to.

``Tỷ lệ lao động qua đào tạo đạt 83%; trong đó … có văn bằng, chứng chỉ 45%``: the part (trained
workers with a certificate) is counted inside the whole (trained workers), both as a share of the
same population, so it cannot be larger. Bounds are read as printed: ``100% …, trong đó có trên
80%`` is fine, ``trên 85% …, trong đó 90%`` cannot be refuted (the whole may be 95%), ``dưới 50%
…, trong đó 60%`` can. A part that is the rate of a subgroup (``trong đó ở vùng núi 15%``, ``nữ``,
``dân tộc thiểu số``: ``subgroup`` in ``rules/sectors.toml``) has another denominator and is left
alone. Counts (``50 đảng viên, trong đó 60 …``) are N102's.

Bad::

    II. CHỈ TIÊU

    - Tỷ lệ lao động qua đào tạo đạt 70%; trong đó có văn bằng, chứng chỉ 75%.

Good::

    II. CHỈ TIÊU

    - Tỷ lệ lao động qua đào tạo đạt 80%; trong đó có văn bằng, chứng chỉ 45%.
    - Có trên 85% đảng viên hoàn thành tốt nhiệm vụ, trong đó có 20% đảng viên hoàn thành xuất sắc nhiệm vụ.
    - Tỷ lệ hộ nghèo 3%, trong đó ở vùng đồng bào dân tộc thiểu số 9%.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.relations import parts_of_wholes
from ..finding import Hit
from ..rule import rule


@rule(
    code="N104",
    name="part-exceeds-whole",
    severity="error",
    messages={
        "en": "the part {part} is larger than the whole {whole} it belongs to (“trong đó”): {part} > {whole}",
        "vi": "phần {part} lớn hơn tổng thể {whole} chứa nó (“trong đó”): {part} > {whole}",
    },
    fix={"en": "correct the part or the whole", "vi": "sửa số của phần hoặc của tổng thể"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for p in ctx.facts(parts_of_wholes):
        if p.part.ambiguous or p.whole.ambiguous:
            continue
        low, high = p.part.low, p.whole.high
        if low is None or high is None:
            continue
        tol = p.part.half_unit + p.whole.half_unit
        ok = low <= high + tol
        ctx.verdict("part of whole", p.span, f"{p.part.shown()} ≤ {p.whole.shown()}", ok)
        if not ok:
            yield Hit(p.part.span, {"part": p.part.printed, "whole": p.whole.printed}, context=p.span)
