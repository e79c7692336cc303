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
])
def test_silent(text):
    assert codes(text) == []
