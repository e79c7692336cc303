"""A poverty ledger mixes households (hộ) and people (người, nhân khẩu).

DOMAIN.md, "Poverty": households and people are different counts; a ledger counts one of them.
"Số hộ nghèo đầu năm 46 hộ; giảm 14 người; cuối năm còn 32 hộ" subtracts people from households,
whatever the figures. A plan may give both counts side by side ("46 hộ với 152 nhân khẩu"): that is
two parallel ledgers, and is fine as long as each unit's figures stand on their own (one unit's roles
include the other's). The finding stands on the first figure of the unit the ledger uses least.

Only units the plan prints (after the number, or in its label: "số hộ", "nhân khẩu") are compared.

Bad::

    2. Chỉ tiêu xã hội:
    - Số hộ nghèo đầu năm 46 hộ; số hộ nghèo giảm trong năm 14 người; số hộ nghèo cuối năm 32 hộ.

Good::

    2. Chỉ tiêu xã hội:
    - Số hộ nghèo đầu năm 46 hộ (152 nhân khẩu); giảm trong năm 14 hộ; cuối năm còn 32 hộ (104 nhân khẩu).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.poverty import HOUSEHOLDS, PEOPLE, ROLE_EN, ROLE_VI, ROLE_VI_NEAR, category_label, runs, unit_mix
from ..finding import Hit
from ..rule import rule
from ..scan.numbers import format_vn

UNIT_VI = {HOUSEHOLDS: "hộ", PEOPLE: "người"}
UNIT_EN = {HOUSEHOLDS: "households", PEOPLE: "people"}


@rule(
    code="P104",
    name="unit-mix",
    severity="warning",
    messages={
        "en": "{cat_en}: {role_a_en} {a} {unit_a_en} but {role_b_en} {b} {unit_b_en}: households and people "
              "never mix in one ledger",
        "vi": "{cat_vi}: {role_a_vi} {a} {unit_a_vi} nhưng {role_b_vi} {b} {unit_b_vi}: không được trộn số hộ "
              "và số người trong cùng một phép tính",
    },
    fix={"en": "write every figure of the ledger in {unit_a_en} (or give both units for each figure)",
         "vi": "ghi mọi số của phép tính theo {unit_a_vi} (hoặc ghi cả hai đơn vị cho từng số)"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for run in ctx.facts(runs):
        for led in run.ledgers:
            mix = unit_mix(led)
            if mix is None:
                continue
            a, b, main, odd = mix.main_term, mix.odd_term, mix.main, mix.odd
            vi = ROLE_VI_NEAR if led.category == "near" else ROLE_VI
            assert a.role is not None and b.role is not None
            yield Hit(b.span, {
                "cat_en": category_label(led.category, main, "en"), "cat_vi": category_label(led.category, main, "vi"),
                "role_a_en": ROLE_EN[a.role], "role_a_vi": vi[a.role], "a": format_vn(a.value),
                "role_b_en": ROLE_EN[b.role], "role_b_vi": vi[b.role], "b": format_vn(b.value),
                "unit_a_en": UNIT_EN[main], "unit_a_vi": UNIT_VI[main],
                "unit_b_en": UNIT_EN[odd], "unit_b_vi": UNIT_VI[odd],
            }, context=led.context)
