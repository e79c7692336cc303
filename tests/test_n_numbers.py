"""Reading numbers and quantities (planlint.scan.numbers, planlint.scan.units, planlint.facts.quantities)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import planlint
from planlint.facts.quantities import extract, sentences
from planlint.scan.numbers import english_value, format_vn, parse_number, round_half_up, scan_numbers, token_style
from planlint.scan.units import convert, match_unit, unit


def quantities(body: str):
    plan = planlint.parse("II. CHỈ TIÊU\n\n- " + body + "\n")
    return [q for q in plan.fact(extract)]


# -- tokens ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, value, decimals, ambiguous", [
    ("1.525,59", "1525.59", 2, False),
    ("12.103", "12103", 0, False),
    ("0,77", "0.77", 2, False),
    ("1189,3", "1189.3", 1, False),
    ("3,098", "3.098", 3, True),
    ("15.40", "15.40", 2, True),
    ("05", "5", 0, False),
])
def test_parse_number(raw, value, decimals, ambiguous):
    assert parse_number(raw) == (Decimal(value), decimals, ambiguous)


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=3))
@settings(max_examples=300, deadline=None)
def test_format_parse_round_trip(value, decimals):
    """format_vn -> parse_number gives the same value (rounded to the printed decimals)."""
    printed = format_vn(value, decimals)
    parsed, dec, _ = parse_number(printed)
    assert parsed == round_half_up(value, decimals)
    assert dec == decimals
    assert [n.value for n in scan_numbers(f"đạt {printed} tỷ đồng")] == [parsed]


def test_round_half_up_rounds_as_offices_do():
    assert round_half_up(Decimal("39.285"), 2) == Decimal("39.29")
    assert round_half_up(Decimal("0.5")) == Decimal(1)


@pytest.mark.parametrize("raw, style", [
    ("1.525,59", "vi"), ("39,29", "vi"), ("0,125", "vi"), ("1.234.567", "vi"),
    ("15.40", "en"), ("12", ""), ("1.600", ""), ("3,098", ""),
])
def test_token_style(raw, style):
    assert token_style(raw) == style


def test_english_value():
    assert english_value("3,098") == Decimal(3098)
    assert english_value("1.600") == Decimal("1.600")
    assert english_value("1.234.567") is None


def test_scan_numbers_keeps_units_and_signs_from_debris():
    assert [(n.raw, n.sign) for n in scan_numbers("8m<sup>2</sup>/người")][0] == ("8", "")
    assert [(n.raw, n.sign) for n in scan_numbers("sản xuất/01ha đất")] == [("01", "")]
    assert [(n.raw, n.sign) for n in scan_numbers("giao  $\\geq 100$  %;")] == [("100", "%")]
    assert [(n.raw, n.sign) for n in scan_numbers("tăng 5,8%0 mỗi năm")] == [("5,8", "‰")]
    assert scan_numbers("5G và 4G") == []
    assert all(n.in_date for n in scan_numbers("ngày 16/7/2021"))


# -- units ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, key", [
    (" tỷ đồng;", "ty_dong"),
    (" Tr.đ/người/năm.", "trieu_dong/person/năm"),
    ("m<sup>2</sup>/người", "m2/person"),
    (" bác sĩ/1 vạn dân", "dang_vien/vạn dân"),
    (" triệu người", "trieu_nguoi"),
    (" ha (", "ha"),
    (" xã, phường an toàn", "xa"),
    (" trạm y tế xã", "tram"),
    (" hộ gia đình", "ho"),
])
def test_match_unit(text, key):
    found = match_unit(text, 0)
    assert found is not None and found[0].key == key


@pytest.mark.parametrize("text", [" tỷ lệ", " hai", " nhiệm vụ", " còn lại"])
def test_no_unit(text):
    assert match_unit(text, 0) is None


def test_convert_through_the_domain_registry():
    assert convert(Decimal("1.5"), unit("nghin_ty_dong"), unit("ty_dong")) == Decimal(1500)
    assert convert(Decimal(2), unit("ha"), unit("m2")) == Decimal(20000)
    assert convert(Decimal(3), unit("tan"), unit("kg")) == Decimal(3000)
    assert convert(Decimal(7), unit("ty_dong"), unit("ty_dong")) == Decimal(7)
    with pytest.raises(ValueError):
        convert(Decimal(1), unit("ho"), unit("nguoi"))  # households and people differ


def _imports_pint(text: str, tmp_path) -> bool:
    """Lint the text in a fresh interpreter; whether pint got imported."""
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    code = (f"import sys, planlint.cli as c; c.main(['check', '--select', 'N', {str(path)!r}]); "
            "print(); print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1] == "True"


def test_pint_is_imported_only_for_a_conversion(tmp_path):
    same = ("KẾ HOẠCH\n\nI. CHỈ TIÊU\n\n- Tổng vốn 1.200 tỷ đồng (vốn trung ương 500 tỷ đồng, "
            "vốn địa phương 700 tỷ đồng).\n")
    mixed = ("KẾ HOẠCH\n\nI. CHỈ TIÊU\n\n- Tổng vốn 1,2 nghìn tỷ đồng (vốn trung ương 500 tỷ đồng, "
             "vốn địa phương 700 tỷ đồng).\n")
    assert not _imports_pint(same, tmp_path)
    assert _imports_pint(mixed, tmp_path)


# -- quantities -----------------------------------------------------------------------------------


def test_roles_units_and_qualifiers():
    qs = quantities("Đến năm 2025 tỷ lệ lao động qua đào tạo đạt trên 85%; tạo việc làm cho khoảng 1.000 "
                    "lao động; thu nhập 60 Tr.đ/người/năm; kế hoạch 5 năm (2021 - 2025); Đề án số 06; "
                    "tỷ lệ hộ nghèo dưới 1%; kiên cố hóa từ 97,1% trở lên; ≥ 100 %.")
    seen = [(q.raw, q.role, q.unit.key if q.unit else None, q.qual) for q in qs]
    assert ("2025", "year", None, "") in seen
    assert ("85", "quantity", "percent", ">") in seen
    assert ("1.000", "quantity", "lao_dong", "~") in seen
    assert ("60", "quantity", "trieu_dong/person/năm", "") in seen
    assert ("5", "duration", None, "") in seen
    assert ("06", "identifier", None, "") in seen
    assert ("1", "quantity", "percent", "<") in seen
    assert ("97,1", "quantity", "percent", ">=") in seen
    assert ("100", "quantity", "percent", ">=") in seen


def test_ranges():
    qs = quantities("Tỷ lệ tăng 1% - 1,5%; lạm phát 6,5-7%; có từ 01 đến 02 xã nông thôn mới kiểu mẫu.")
    rng = [(q.raw, q.rng) for q in qs if q.rng]
    assert ("1", (Decimal(1), Decimal("1.5"))) in rng
    assert ("6,5", (Decimal("6.5"), Decimal(7))) in rng
    assert ("02", (Decimal(1), Decimal(2))) in rng
    shares = quantities("Cơ cấu tương ứng 36,20% - 34,50% - 29,30%.")
    assert not any(q.rng for q in shares)


def test_ambiguous_tokens_follow_the_documents_convention():
    vi = quantities("Sản lượng 3,098 tấn; diện tích 1.525,59 ha; tỷ lệ 39,29%.")
    assert next(q for q in vi if q.raw == "3,098").value == Decimal("3.098")
    assert not any(q.ambiguous for q in vi)
    en = quantities("Output 3,098 tấn; area 1,525.59 ha; share 15.40%.")
    assert next(q for q in en if q.raw == "3,098").value == Decimal(3098)
    unknown = quantities("Sản lượng 3,098 tấn.")
    assert unknown[0].ambiguous
    mixed = quantities("Diện tích 15.40 ha; sản lượng 12,5 tấn; doanh thu 1.250,5 triệu đồng.")
    assert next(q for q in mixed if q.raw == "15.40").ambiguous


def test_sentences_mask_bracketed_alternatives():
    plan = planlint.parse("II. CHỈ TIÊU\n\n- Giá trị sản xuất tăng 25% (nếu không tính điện lực tăng 12,8%). "
                          "Cơ cấu: nông nghiệp 20%.\n")
    sents = [s for s in plan.fact(sentences) if s.quantities]
    assert len(sents) == 2
    assert [q.raw for q in sents[0].quantities] == ["25"]
    assert "12,8" not in sents[0].text


def test_statement_across_a_blank_line():
    text = ("II. CHỈ TIÊU\n\n- Cơ cấu giá trị sản xuất: Thương mại và dịch vụ\n\n"
            "39,29%; tiểu thủ công nghiệp - xây dựng 43,33%; nông, lâm, thủy sản chiếm 17,38%.\n")
    plan = planlint.parse(text)
    from planlint.facts.shares import share_groups

    groups = plan.fact(share_groups)
    assert len(groups) == 1 and groups[0].exhaustive
    assert [p.label for p in groups[0].parts][0] == "Thương mại và dịch vụ"
