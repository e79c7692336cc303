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
from ..facts.poverty import category_word, role_word, runs, unit_mix
from ..finding import Hit
from ..i18n import Word
from ..rule import rule
from ..scan.numbers import format_vn


@rule(
    code="P104",
    name="unit-mix",
    severity="warning",
    messages={
        "en": "{cat}: {role_a} {a} {unit_a} but {role_b} {b} {unit_b}: households and people "
              "never mix in one ledger",
        "vi": "{cat}: {role_a} {a} {unit_a} nhưng {role_b} {b} {unit_b}: không được trộn số hộ "
              "và số người trong cùng một phép tính",
    },
    fix={"en": "write every figure of the ledger in {unit_a} (or give both units for each figure)",
         "vi": "ghi mọi số của phép tính theo {unit_a} (hoặc ghi cả hai đơn vị cho từng số)"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for run in ctx.facts(runs):
        for led in run.ledgers:
            mix = unit_mix(led)
            if mix is None:
                continue
            a, b, main, odd = mix.main_term, mix.odd_term, mix.main, mix.odd
            assert a.role is not None and b.role is not None
            yield Hit(b.span, {
                "cat": category_word(led.category, main),
                "role_a": role_word(led.category, a.role), "a": format_vn(a.value),
                "role_b": role_word(led.category, b.role), "b": format_vn(b.value),
                "unit_a": Word(f"unit.{main}"), "unit_b": Word(f"unit.{odd}"),
            }, context=led.context)
