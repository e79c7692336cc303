"""A poverty ledger does not balance: end ≠ start − escaped + fell back + newly poor.

DOMAIN.md, "Poverty": the household poverty survey counts poor households at the start of the
year, those that escaped poverty (thoát nghèo), fell back (tái nghèo) or are newly poor (phát sinh
mới) during it, and those at the end, so **end = start − escaped + fell back + newly poor**; with no
arrivals stated, end = start − reduced (giảm). Near-poor households (hộ cận nghèo) keep their own,
identical ledger. Households and people are never mixed: a ledger that mixes them is reported by
P104, not here.

The ledger is read however it is phrased (``planlint/facts/poverty.py``, vocabulary in
``rules/poverty.toml``): labels before the numbers ("số hộ nghèo giảm trong năm: 14"), movements
after the unit ("20 hộ thoát nghèo"), the range form "giảm từ 180 hộ xuống còn 160 hộ (giảm 20 hộ)",
a ledger spread over consecutive bullets of one list, counts in brackets after their rates ("từ 11,62%
(3.118 hộ) xuống còn 8,85% (2.376 hộ)"), "lần lượt"/"tương ứng" lists and slash pairs ("đầu năm: 46 hộ/94
hộ"), and the same figures in people beside the households ("46 hộ với 158 nhân khẩu", "46 hộ/158
khẩu"). When a net reduction and its parts are both given ("giảm 14 hộ (thoát nghèo 16 hộ, phát sinh
mới 2 hộ)") both equations are checked, and a "giảm" stated beside arrivals is accepted as either
the gross or the net reduction. Bounds and estimates ("khoảng", "trên", "trở lên") are never checked.

The finding stands on the year-end figure (the result of the arithmetic; when a ledger spread over
several bullets states its year end before the last of its figures, on that last figure) and shows
the whole equation; which of the figures is wrong is for the author to say. A ledger that also moves
households in or out of the commune (outside the survey form) or holds a count planlint could not
place is reported as a warning. Ledgers that balance are listed with ✓ in ``planlint facts``.

Bad::

    2. Chỉ tiêu xã hội:
    - Giảm nghèo: số hộ nghèo đầu năm 152 hộ; phấn đấu giảm 38 hộ, số hộ nghèo cuối năm còn 124 hộ.

Good::

    2. Chỉ tiêu xã hội:
    - Giảm nghèo: số hộ nghèo đầu năm 152 hộ; phấn đấu giảm 38 hộ, số hộ nghèo cuối năm còn 114 hộ.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.poverty import balance, category_word, runs, unit_mix
from ..finding import Hit
from ..i18n import seq
from ..rule import rule
from ..scan.numbers import format_vn


@rule(
    code="P101",
    name="ledger-balance",
    severity="error",
    messages={
        "default": {
            "en": "{cat}: {lhs} = {computed}, but the plan says {end} at year end",
            "vi": "{cat}: {lhs} = {computed}, nhưng kế hoạch ghi cuối năm {end}",
        },
        "breakdown": {
            "en": "{cat}: the reduction of {reduced} does not match its parts: {parts} = {net}",
            "vi": "{cat}: số giảm {reduced} không khớp với các thành phần: {parts} = {net}",
        },
    },
    fix={
        "default": {
            "en": "make the figures agree: the year-end figure would be {computed}, or correct the start or a movement",
            "vi": "sửa cho khớp: số cuối năm phải là {computed}, hoặc sửa số đầu năm hay số tăng, giảm",
        },
        "breakdown": {
            "en": "make the reduction {net}, or correct the households that escaped or arrived",
            "vi": "sửa số giảm thành {net}, hoặc sửa số thoát nghèo, tái nghèo, phát sinh",
        },
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for run in ctx.facts(runs):
        for led in run.ledgers:
            if unit_mix(led) is not None:
                continue  # households and people mixed: P104 says so, and neither unit's equation is whole
            for unit in led.units():
                b = balance(led, unit)
                if b is None:
                    continue
                ctx.verdict("ledger", b.end.span, seq(category_word(led.category, unit), ": ", b.statement()), b.ok)
                if b.ok:
                    continue
                args = {
                    "cat": category_word(led.category, unit), "lhs": b.lhs(),
                    "computed": format_vn(b.computed), "end": format_vn(b.end.value),
                }
                severity = "warning" if b.soft else None
                if b.kind == "breakdown" and b.reduced is not None and b.net is not None:
                    args.update(reduced=format_vn(b.reduced.value), net=format_vn(b.net),
                                parts=b.breakdown_text())
                    yield Hit(b.reduced.span, args, context=led.context, severity=severity, message_key="breakdown")
                    continue
                # on the year-end figure, or on the figure that completes the statement when the
                # ledger goes on below it (a multi-bullet ledger stating its end first)
                last = max((b.start, b.end, *b.parts), key=lambda t: t.span.start)
                at = b.end if last.context == b.end.context else last
                yield Hit(at.span, args, context=led.context, severity=severity)

