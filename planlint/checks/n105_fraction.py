"""A fraction of a fixed set is impossible, or the set changes size.

``06/06 trạm y tế``, ``03/05 xã``, ``6/7 xã, phường``: a count out of the size of a set the
place has a fixed number of (xã, phường, thôn, trường, trạm…: units with ``fixed_set`` in
``rules/units.toml``). The numerator cannot exceed the denominator (``07/06 trạm`` is an error).
One set has one size in a plan: ``6/7 xã, phường`` and later ``05/05 xã, phường`` is a warning
(a subgroup such as ``2/4 xã miền núi`` has its own size and is not compared). Dates
(``16/7/2021``, ``ngày 03/05``) are not fractions; achieved-versus-target counts (``kết nạp 10/7
đảng viên``, ``đạt 12/10 thôn theo kế hoạch``) may exceed and are left alone.

Bad::

    II. CHỈ TIÊU

    - Giữ vững 07/06 trạm y tế xã đạt chuẩn quốc gia về y tế.

Good::

    II. CHỈ TIÊU

    - Giữ vững 06/06 trạm y tế xã đạt chuẩn quốc gia về y tế.
    - Có 03/05 xã đạt chuẩn nông thôn mới nâng cao; 6/7 xã, phường an toàn về an ninh, trật tự.
    - Kết nạp 10/7 đảng viên theo chỉ tiêu được giao.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.relations import Fraction, fractions
from ..finding import Hit
from ..rule import rule


@rule(
    code="N105",
    name="fraction",
    severity="error",
    messages={
        "default": {
            "en": "{shown}: {num} out of {den} is impossible ({num} > {den})",
            "vi": "{shown}: {num} trên tổng số {den} là không thể ({num} > {den})",
        },
        "denominator": {
            "en": "{shown}: the plan counts {den} {unit} here but {other} {place}",
            "vi": "{shown}: ở đây có {den} {unit} nhưng {place} ghi {other}",
        },
    },
    fix={
        "default": {"en": "correct the count or the size of the set", "vi": "sửa số đạt hoặc tổng số"},
        "denominator": {"en": "use one size for the set throughout the plan",
                        "vi": "thống nhất tổng số của tập hợp này trong toàn kế hoạch"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    first: dict[str, Fraction] = {}
    for f in ctx.facts(fractions):
        num, den = f.num.value, f.den.value
        shown = f.shown()
        if not f.target and den > 0:
            ok = num <= den
            ctx.verdict("fraction", f.span, f"{f.num.raw} ≤ {f.den.raw} {f.den.unit_text}", ok)
            if not ok:
                yield Hit(f.span, {"shown": shown, "num": f.num.raw, "den": f.den.raw}, context=f.sentence.span)
                continue
        if f.subgroup or f.target:
            continue
        seen = first.get(f.unit_key)
        if seen is None:
            first[f.unit_key] = f
            continue
        ok = seen.den.value == den
        ctx.verdict("fraction", f.span, f"{shown}: {f.unit_key} = {seen.den.raw} ({seen.shown()})", ok)
        if not ok:
            yield Hit(f.den.span, {"shown": shown, "den": f.den.raw, "unit": f.den.unit_text,
                                   "other": seen.shown(), "place": ctx.place(seen.span.start)},
                      context=f.sentence.span, severity="warning", message_key="denominator")
