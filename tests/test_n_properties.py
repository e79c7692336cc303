"""Property tests of the N rules: consistent statements give no finding, one number moved beyond
the tolerance gives exactly one finding of the right code on the right line.

Shares are rounded the way offices round: largest remainder, so that they print 100 exactly."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.config import Config
from planlint.engine import lint
from planlint.scan.numbers import format_vn

SECTORS = {
    "I": ["nông, lâm nghiệp và thủy sản", "nông nghiệp", "nông - lâm - thủy sản", "khu vực I"],
    "II": ["công nghiệp - xây dựng", "công nghiệp và xây dựng", "tiểu thủ công nghiệp - xây dựng", "khu vực II"],
    "III": ["thương mại - dịch vụ", "dịch vụ", "thương mại và dịch vụ", "khu vực III"],
}
FILLER = [
    "- Tiếp tục đẩy mạnh phong trào thi đua yêu nước trên các lĩnh vực.",
    "- Thu ngân sách nhà nước trên địa bàn đạt và vượt dự toán được giao.",
    "- Giữ vững an ninh chính trị, trật tự an toàn xã hội.",
]
N = Config(select=["N"])


def largest_remainder(values: list[Decimal], decimals: int) -> list[Decimal]:
    """Shares of ``values`` in per cent at ``decimals`` places, summing to exactly 100."""
    unit = Decimal(1).scaleb(-decimals)
    total = sum(values)
    raw = [v * 100 / total for v in values]
    floors = [(r / unit).to_integral_value(rounding=ROUND_FLOOR) * unit for r in raw]
    left = int(((100 - sum(floors)) / unit).to_integral_value())
    order = sorted(range(len(raw)), key=lambda i: raw[i] - floors[i], reverse=True)
    for i in order[:left]:
        floors[i] += unit
    return floors


@st.composite
def breakdown(draw):
    """Three sector values (two decimals, in tỷ đồng), labels in random order and wording."""
    order = draw(st.permutations(["I", "II", "III"]))
    labels = [draw(st.sampled_from(SECTORS[c])) for c in order]
    cents = draw(st.lists(st.integers(min_value=5_000, max_value=500_000), min_size=3, max_size=3))
    values = [Decimal(c).scaleb(-2) for c in cents]
    decimals = draw(st.integers(min_value=0, max_value=2))
    before = draw(st.integers(min_value=0, max_value=3))
    return labels, values, decimals, before


def plan(statement: str, before: int) -> tuple[str, int]:
    """A small plan with the statement after ``before`` filler bullets; its 1-based line."""
    lines = ["II. CHỈ TIÊU", ""] + FILLER[:before] + ["- " + statement]
    return "\n".join(lines) + "\n", len(lines)


def shares_statement(labels: list[str], shares: list[Decimal], decimals: int) -> str:
    parts = "; ".join(f"{lab} {format_vn(s, decimals)}%" for lab, s in zip(labels, shares, strict=True))
    return f"Cơ cấu giá trị sản xuất: {parts}."


def values_statement(labels: list[str], values: list[Decimal], total: Decimal) -> str:
    parts = "; ".join(f"{lab} {format_vn(v, 2)} tỷ đồng" for lab, v in zip(labels, values, strict=True))
    return f"Tổng giá trị sản xuất {format_vn(total, 2)} tỷ đồng; trong đó: {parts}."


@given(breakdown())
@settings(max_examples=60, deadline=None)
def test_consistent_values_and_shares_give_nothing(case):
    labels, values, decimals, before = case
    shares = largest_remainder(values, decimals)
    total = sum(values)
    statement = values_statement(labels, values, total) + " " + shares_statement(labels, shares, decimals)
    text, _ = plan(statement, before)
    assert lint(text, N, fragment=True) == []


@given(breakdown(), st.integers(min_value=0, max_value=2), st.sampled_from([-1, 1]), st.integers(2, 40))
@settings(max_examples=60, deadline=None)
def test_a_share_moved_beyond_rounding_gives_one_n101(case, which, sign, units):
    labels, values, decimals, before = case
    shares = largest_remainder(values, decimals)
    unit = Decimal(1).scaleb(-decimals)
    moved = list(shares)
    moved[which] += sign * units * unit  # three parts: rounding explains at most one unit
    if moved[which] <= 0:
        return
    text, line = plan(shares_statement(labels, moved, decimals), before)
    found = lint(text, N, fragment=True)
    assert [(f.code, f.line) for f in found] == [("N101", line)]


@given(breakdown(), st.integers(min_value=0, max_value=2), st.sampled_from([-1, 1]), st.integers(3, 5000))
@settings(max_examples=60, deadline=None)
def test_a_value_moved_gives_one_n102(case, which, sign, cents):
    """Moved by more than the rounding of four printed numbers (4 × 0,005)."""
    labels, values, _, before = case
    total = sum(values)
    moved = list(values)
    moved[which] += sign * Decimal(cents).scaleb(-2)
    if moved[which] <= 0:
        return
    text, line = plan(values_statement(labels, moved, total), before)
    found = lint(text, N, fragment=True)
    assert [(f.code, f.line) for f in found] == [("N102", line)]
    ok, _ = plan(values_statement(labels, values, total), before)
    assert lint(ok, N, fragment=True) == []


@given(st.integers(1, 30), st.integers(0, 30), st.sampled_from(["xã", "thôn", "trạm y tế", "trường", "xã, phường"]),
       st.booleans())
@settings(max_examples=80, deadline=None)
def test_fractions(den, num, unit, padded):
    n = f"{num:02d}" if padded else str(num)
    d = f"{den:02d}" if padded else str(den)
    text, line = plan(f"Giữ vững {n}/{d} {unit} đạt chuẩn.", 1)
    found = [(f.code, f.line) for f in lint(text, N, fragment=True)]
    assert found == ([("N105", line)] if num > den else [])


@given(st.lists(st.integers(1, 9), min_size=2, max_size=8), st.sampled_from([-2, 0, 1, 2]))
@settings(max_examples=60, deadline=None)
def test_counted_lists(items, delta):
    """One short of the list is not reported: the final "B và C" may be one item."""
    names = ["hạ tầng giao thông", "chuyển đổi số", "nguồn nhân lực", "du lịch", "cải cách hành chính",
             "nông nghiệp công nghệ cao", "đô thị", "môi trường", "văn hóa"]
    chosen = names[:len(items)]
    listed = ", ".join(chosen[:-1]) + " và " + chosen[-1]
    count = len(chosen) + delta
    if count < 2:
        return
    text, line = plan(f"Tập trung thực hiện {count:02d} khâu đột phá: {listed}.", 0)
    found = [(f.code, f.line) for f in lint(text, N, fragment=True)]
    assert found == ([] if delta == 0 else [("N107", line)])


@given(st.lists(st.integers(-20, 300), min_size=3, max_size=3), st.integers(-400, 400))
@settings(max_examples=80, deadline=None)
def test_growth_between_parts(tenths, agg):
    order = ["công nghiệp - xây dựng", "dịch vụ", "nông nghiệp"]
    parts = "; ".join(f"{lab} tăng {format_vn(Decimal(t).scaleb(-1), 1)}%"
                      for lab, t in zip(order, tenths, strict=True))
    if any(t < 0 for t in tenths) or agg < 0:
        return  # a fall is not written "tăng"
    text, line = plan(f"Tốc độ tăng trưởng giá trị sản xuất đạt {format_vn(Decimal(agg).scaleb(-1), 1)}%, trong đó: "
                      f"{parts}.", 0)
    found = [(f.code, f.line) for f in lint(text, N, fragment=True)]
    # every figure is printed to one decimal: each may be off by half a tenth, so a gap of exactly
    # one tenth is within rounding (0,0% against parts of 0,1% can be 0,049 against 0,050)
    inside = min(tenths) - 1 <= agg <= max(tenths) + 1
    assert found == ([] if inside else [("N108", line)])


@given(st.integers(13, 999), st.integers(13, 999), st.integers(0, 2), st.sampled_from([0, -2, 2]),
       st.sampled_from(["em, đạt {p}%", "hộ (chiếm {p}%)", "học sinh, tỷ lệ {p}%", "người được khám, đạt tỷ lệ {p}%"]))
@settings(max_examples=80, deadline=None)
def test_fraction_percent(a, b, decimals, moved, form):
    """N112: the share of a fraction, rounded to its printed decimals, gives nothing; moved by two
    units of its last decimal, one finding on its line. Both numbers from 13 to 999, so that no "d/m"
    date reading is possible ("13/1.000" starts like 13 January)."""
    num, den = min(a, b), max(a, b)
    unit = Decimal(1).scaleb(-decimals)
    pct = (Decimal(num) * 100 / Decimal(den)).quantize(unit) + moved * unit
    if pct < 0 or pct > 100:
        return  # a rate above 100 is N106's as well
    text, line = plan(f"Kết quả: {format_vn(Decimal(num), 0)}/{format_vn(Decimal(den), 0)} "
                      + form.format(p=format_vn(pct, decimals)) + ".", 1)
    found = [(f.code, f.line) for f in lint(text, N, fragment=True)]
    assert found == ([("N112", line)] if moved else [])
