"""Issue #8's checklist of misses and false errors, each a regression case in our own words and
numbers (phrasings seen in real reports and blind plans)."""

from __future__ import annotations

import pytest

from planlint.config import Config
from planlint.engine import lint


def codes(statement: str) -> list[str]:
    cfg = Config(select=["N", "P"])
    return sorted(f.code for f in lint("II. KẾT QUẢ\n\n- " + statement + "\n", cfg, fragment=True))


@pytest.mark.parametrize("text, expected", [
    # a labour structure or a budget allocation has no taxes part: three sectors must make 100
    ("Cơ cấu lao động: nông nghiệp 38,5%; công nghiệp - xây dựng 31,0%; dịch vụ 27,5%.", ["N101"]),
    ("Cơ cấu vốn đầu tư: nông nghiệp 18,5%; công nghiệp 56,0%; dịch vụ 22,5%.", ["N101"]),
    ("Dự toán chi ngân sách xã năm 2026 được phân bổ: chi đầu tư phát triển 31,5%; chi thường xuyên 62,0%; "
     "dự phòng ngân sách 2,5%.", ["N101"]),
    # a part with another noun after its number, a short phrase between the total and "trong đó"
    ("Toàn xã có 412 cơ sở kinh doanh đang hoạt động, trong đó 431 cơ sở kinh doanh cá thể.", ["N102"]),
    # parts by kind in brackets, pupils counted as "em"
    ("Tổng số học sinh đầu năm học 1.540 em (mầm non 402 em, tiểu học 698 em, trung học cơ sở 450 em).", ["N102"]),
    # parts listed place by place, then their sum; households are counted, not rounded
    ("Hộ nghèo theo thôn: thôn Đông 8 hộ, thôn Tây 11 hộ, thôn Nam 6 hộ, thôn Bắc 9 hộ; tổng cộng 37 hộ.", ["N102"]),
    ("Thôn Đông 8 hộ, thôn Tây 11 hộ; tổng số 21 hộ.", ["N102"]),
    # achievement and growth against their two values
    ("Thu ngân sách ước đạt 9,8 tỷ đồng, đạt 115,6% dự toán (dự toán 8,2 tỷ đồng).", ["N111"]),
    ("Sản lượng thủy sản đạt 1.320 tấn, tăng 14,5% so với cùng kỳ (năm 2025 đạt 1.200 tấn).", ["N111"]),
])
def test_found(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text", [
    # GRDP may leave its taxes part out
    "Cơ cấu kinh tế: nông nghiệp 28,5%; công nghiệp - xây dựng 40,0%; dịch vụ 22,5%.",
    "Cơ cấu lao động: nông nghiệp 38,5%; công nghiệp - xây dựng 34,0%; dịch vụ 27,5%.",
    "Dự toán chi ngân sách xã được phân bổ: chi đầu tư phát triển 32,5%; chi thường xuyên 65,0%; dự phòng 2,5%.",
    "Vốn được phân bổ cho 3 xã, xã Đông đạt 30%, xã Tây 40%.",
    # "trong đó" without a colon ends at the semicolon: what follows is another statement
    "Tổng vốn 500 tỷ đồng, trong đó vốn ngân sách 300 tỷ đồng; vốn vay ngân hàng thương mại 250 tỷ đồng.",
    "Toàn xã có 412 cơ sở kinh doanh đang hoạt động, trong đó 231 cơ sở kinh doanh cá thể.",
    "Tổng số học sinh đầu năm học 1.550 em (mầm non 402 em, tiểu học 698 em, trung học cơ sở 450 em).",
    "Thu ngân sách ước đạt 9,8 tỷ đồng, đạt 119,5% dự toán (dự toán 8,2 tỷ đồng).",
    "Sản lượng thủy sản đạt 1.320 tấn, tăng 10% so với cùng kỳ (năm 2025 đạt 1.200 tấn).",
    "Thu ngân sách đạt 105% dự toán năm.",
    "Hộ nghèo theo thôn: thôn Đông 8 hộ, thôn Tây 11 hộ, thôn Nam 6 hộ, thôn Bắc 9 hộ; tổng cộng 34 hộ.",
    # rounded amounts keep their slack: 4,4 + 3,3 may be 7,8 when each was rounded
    "Xã Đông 4,4 tỷ đồng, xã Tây 3,3 tỷ đồng; tổng cộng 7,8 tỷ đồng.",
    "Thôn Đông 8 hộ, thôn Tây 11 người; tổng cộng 19 hộ.",
])
def test_silent(text):
    assert codes(text) == []


def test_counted_units_are_units():
    from planlint.data import vocabulary
    from planlint.scan.units import lexicon

    counted = vocabulary("units")["counted"]["units"]
    assert len(set(counted)) == len(counted)
    assert set(counted) <= set(lexicon().units)
