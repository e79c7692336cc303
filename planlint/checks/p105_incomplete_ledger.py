"""A poverty ledger that cannot be checked: a figure of the equation is missing (info, quiet).

DOMAIN.md, "Poverty": end = start − escaped + fell back + newly poor. A plan that gives the start
and the year-end count but no movement ("đầu năm 46 hộ … cuối năm còn 32 hộ"), the start and the
movements but no year-end count, or the movements and the year end but no start, states a ledger
planlint cannot prove. Nothing is wrong with that, so this rule is off unless asked for
(``planlint check --show-info``, or ``select = ["P105"]``); it shows the figure the others imply.
The range form "giảm từ 180 hộ xuống còn 160 hộ" states its movement and is not reported.

Bad::

    2. Chỉ tiêu xã hội:
    - Số hộ nghèo đầu năm 46 hộ; phấn đấu đến cuối năm còn 32 hộ.

Good::

    2. Chỉ tiêu xã hội:
    - Số hộ nghèo đầu năm 46 hộ; giảm 14 hộ; phấn đấu đến cuối năm còn 32 hộ.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..engine import Context
from ..facts.poverty import INFLOWS, MOVEMENTS, Term, category_word, role_word, runs, unit_mix
from ..finding import Hit
from ..i18n import Seq, seq
from ..rule import rule
from ..scan.numbers import format_vn


@rule(
    code="P105",
    name="incomplete-ledger",
    severity="info",
    default_enabled=False,
    messages={
        "no-movement": {
            "en": "{cat}: start {start} and year end {end} are stated but no movement ({start} − {end} = {diff})",
            "vi": "{cat}: có số đầu năm {start} và cuối năm {end} nhưng không ghi số giảm ({start} − {end} = {diff})",
        },
        "no-end": {
            "en": "{cat}: {lhs} = {computed}, but the year-end figure is not stated",
            "vi": "{cat}: {lhs} = {computed}, nhưng không ghi số cuối năm",
        },
        "no-start": {
            "en": "{cat}: the start is not stated; year end {end} with {moves} implies {computed} at the start",
            "vi": "{cat}: không ghi số đầu năm; cuối năm {end} với {moves} thì đầu năm là {computed}",
        },
    },
    fix={"en": "state every figure of the ledger so it can be checked",
         "vi": "ghi đủ các số (đầu năm, giảm, tăng, cuối năm) để đối chiếu được"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for run in ctx.facts(runs):
        for led in run.ledgers:
            if unit_mix(led) is not None:
                continue  # P104's business
            for unit in led.units():
                s, e = led.count("start", unit), led.count("end", unit)
                moves = [t for t in led.terms if t.kind == "count" and t.unit == unit and t.role in MOVEMENTS
                         and led.counts.get((t.role, unit)) is t]
                if s is not None and e is not None and moves:
                    continue  # complete: P101's business
                args: dict[str, Any] = {"cat": category_word(led.category, unit)}
                if s is not None and e is not None:
                    if s.from_range:
                        continue
                    args.update(start=format_vn(s.value), end=format_vn(e.value), diff=format_vn(s.value - e.value))
                    yield Hit(e.span, args, context=led.context, message_key="no-movement")
                elif s is not None and moves:
                    net = sum((t.value if t.role in INFLOWS else -t.value for t in moves), s.value)
                    args.update(computed=format_vn(net), lhs=_lhs(s, moves, led.category))
                    yield Hit(moves[-1].span, args, context=led.context, message_key="no-end")
                elif e is not None and moves:
                    net = sum((-t.value if t.role in INFLOWS else t.value for t in moves), e.value)
                    args.update(end=format_vn(e.value), computed=format_vn(net),
                                moves=_moves(moves, led.category))
                    yield Hit(e.span, args, context=led.context, message_key="no-start")


def _lhs(s: Term, moves: list[Term], category: str) -> Seq:
    out: list[Any] = [role_word(category, "start"), f" {format_vn(s.value)}"]
    for t in moves:
        assert t.role is not None
        out += [f" {'+' if t.role in INFLOWS else '−'} ", role_word(category, t.role), f" {format_vn(t.value)}"]
    return Seq(tuple(out))


def _moves(moves: list[Term], category: str) -> Seq:
    return Seq(tuple(seq(role_word(category, t.role), f" {format_vn(t.value)}") for t in moves if t.role is not None),
               ", ")
