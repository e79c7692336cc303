"""P106 properties: household categories counted over one total give no finding when their rates
are the printed roundings of count ÷ total; a category rate moved off every total the poor rate
allows gives exactly one P106 finding, on its line."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planlint.config import Config
from planlint.engine import lint
from planlint.scan.numbers import format_vn

HEAD = "II. CHỈ TIÊU\n\n"
GROUPS = ["hộ có mức sống trung bình", "hộ đồng bào dân tộc thiểu số", "hộ gia đình chính sách"]


def _rate(count: int, total: int) -> Decimal:
    return (Decimal(count) * 100 / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _range(count: int, rate: Decimal) -> tuple[int, int]:
    h = Decimal("0.005")
    return math.ceil(count * 100 / (rate + h)), math.floor(count * 100 / (rate - h))


def _p(text: str) -> list:
    return [f for f in lint(text, Config(select=["P"]), fragment=True) if f.code.startswith("P")]


@st.composite
def commune(draw):
    total = draw(st.integers(400, 6000))
    poor = draw(st.integers(5, total // 12))
    group = draw(st.integers(10, total // 2))
    return total, poor, group, draw(st.sampled_from(GROUPS))


def _text(poor: int, rp: Decimal, group: int, rg: Decimal, name: str) -> str:
    return (HEAD + f"- Hộ nghèo {format_vn(Decimal(poor))} hộ, chiếm {format_vn(rp, 2)}%; "
            f"{name} {format_vn(Decimal(group))} hộ, chiếm {format_vn(rg, 2)}%.\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commune())
def test_rates_over_one_total_give_nothing(c):
    total, poor, group, name = c
    rp, rg = _rate(poor, total), _rate(group, total)
    assert _p(_text(poor, rp, group, rg, name)) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commune(), st.sampled_from([-1, 1]), st.integers(5, 300))
def test_a_moved_category_rate_gives_one_finding(c, sign, hundredths):
    total, poor, group, name = c
    rp = _rate(poor, total)
    rg = _rate(group, total) + sign * Decimal(hundredths) / 100
    assume(rg > Decimal("0.01") and rg < 100)
    lo1, hi1 = _range(poor, rp)
    lo2, hi2 = _range(group, rg)
    assume(max(lo1, lo2) > min(hi1, hi2))  # the moved rate allows no total the poor rate allows
    found = _p(_text(poor, rp, group, rg, name))
    assert [(f.code, f.line, f.severity) for f in found] == [("P106", 3, "warning")]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commune(), st.sampled_from([-1, 1]), st.integers(1, 300))
def test_a_stated_total_checks_the_category_rate(c, sign, hundredths):
    total, poor, group, name = c
    rg = _rate(group, total)
    text = HEAD + (f"- Toàn xã có {format_vn(Decimal(total))} hộ; hộ nghèo {format_vn(Decimal(poor))} hộ; "
                   f"{name} {format_vn(Decimal(group))} hộ, chiếm {{r}}%.\n")
    assert _p(text.format(r=format_vn(rg, 2))) == []
    moved = rg + sign * Decimal(hundredths) / 100
    assume(Decimal("0.01") < moved < 100)
    found = _p(text.format(r=format_vn(moved, 2)))
    assert [(f.code, f.line, f.severity) for f in found] == [("P106", 3, "error")]
