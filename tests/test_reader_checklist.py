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
    # the percentage and its base inside one bracket
    ("Trong năm có 164 hộ thoát nghèo (đạt 128,5% so với chỉ tiêu là 125 hộ).", ["N111"]),
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
    "Trong năm có 164 hộ thoát nghèo (đạt 131,2% so với chỉ tiêu là 125 hộ).",
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


def doc_codes(text: str) -> list[str]:
    cfg = Config(select=["N"])
    return sorted(f.code for f in lint(text, cfg, fragment=True))


def test_total_in_one_paragraph_parts_in_the_next():
    text = ("II. CHỈ TIÊU\n\n- Năm 2026, xã phấn đấu giải quyết việc làm mới cho 450 lao động. Để đạt mục tiêu "
            "này, UBND xã phối hợp với các doanh nghiệp tổ chức phiên giao dịch việc làm.\n\n"
            "Cụ thể: qua các doanh nghiệp 250 người; xuất khẩu lao động 60 người; vay vốn tự tạo việc làm {} người.\n")
    assert doc_codes(text.format(125)) == ["N102"]
    assert doc_codes(text.format(140)) == []


@pytest.mark.parametrize("text", [
    # the figure just before measures something else: no link
    "II. CHỈ TIÊU\n\n- Trồng mới 45 ha rừng.\n\nCụ thể: qua các doanh nghiệp 250 người; xuất khẩu lao động 60 người.\n",
    # a figure stands between: the parts are not of the earlier total
    "II. CHỈ TIÊU\n\n- Giải quyết việc làm cho 450 lao động, đào tạo nghề 120 ha.\n\n"
    "Cụ thể: qua các doanh nghiệp 250 người; xuất khẩu lao động 60 người.\n",
])
def test_no_link(text):
    assert doc_codes(text) == []


def d_codes(statement: str) -> list[str]:
    cfg = Config(select=["D"])
    return sorted(f.code for f in lint("KẾ HOẠCH\n\nI. MỤC TIÊU\n\n- " + statement + "\n", cfg, fragment=True))


@pytest.mark.parametrize("text, expected", [
    # a plan period counted without brackets
    ("Thực hiện thắng lợi kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2031 của xã.", ["D107"]),
    ("Thực hiện thắng lợi kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030 của xã.", []),
    ("Tổng kết 10 năm 2014 - 2024 thực hiện phong trào.", []),
])
def test_period_without_brackets(text, expected):
    assert d_codes(text) == expected


def test_rate_after_a_count_is_a_warning():
    cfg = Config(select=["N"])
    text = ("II. KẾT QUẢ\n\n- Trong năm giảm 140 hộ nghèo (trong đó có 132 hộ có thu nhập "
            "trên 3 triệu đồng/người/tháng, đạt tỷ lệ 180%).\n")
    assert [(f.code, f.severity) for f in lint(text, cfg, fragment=True)] in ([], [("N106", "warning")])
    text = "II. KẾT QUẢ\n\n- Có 1.200 hộ sử dụng nước sạch, đạt tỷ lệ 102%.\n"
    assert [(f.code, f.severity) for f in lint(text, cfg, fragment=True)] == [("N106", "warning")]
    text = "II. KẾT QUẢ\n\n- Tỷ lệ hộ dân sử dụng nước sạch đạt 112%.\n"
    assert [(f.code, f.severity) for f in lint(text, cfg, fragment=True)] == [("N106", "error")]
