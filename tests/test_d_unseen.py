"""D and R rules on plans written for the second pass (``tests/fixtures/dr/unseen/``): six clean
plans in other genres and forms give no error from any family and only the listed D/R findings;
each planted error (``planted.json``, one per copy) gives its finding on its line or just below."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planlint.config import Config
from planlint.engine import lint

UNSEEN = Path(__file__).parent / "fixtures" / "dr" / "unseen"
PLANS = sorted(p for p in UNSEEN.iterdir() if p.suffix in (".txt", ".md"))
PLANTED = json.loads((UNSEEN / "planted.json").read_text(encoding="utf-8"))

# Justified D/R findings on the clean plans (with --show-info): a stray space in a typed number,
# a draft's blank number and day.
EXPECTED_CLEAN = {
    "kh-giam-ngheo-huyen-dak-song-2025.txt": {(4, "R102")},
    "kh-ntm-xa-tam-hiep-2025.md": {(3, "R104"), (5, "D102")},
}

H = "Số: 12/KH-UBND\n\nAn Bình, ngày 20 tháng 12 năm 2024\n\nKẾ HOẠCH\nTổ chức các hoạt động năm 2025\n\n"


def _dr(text: str, show_info: bool = False) -> set[tuple[int, str]]:
    return {(f.line, f.code) for f in lint(text, Config(show_info=show_info)) if f.code[0] in "DR"}


def test_six_unseen_plans_at_least():
    assert len(PLANS) >= 6


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_unseen_clean_plan(path):
    text = path.read_text(encoding="utf-8")
    found = lint(text, Config(show_info=True))
    assert [f for f in found if f.severity == "error"] == []
    assert {(f.line, f.code) for f in found if f.code[0] in "DR"} == EXPECTED_CLEAN.get(path.name, set())


@pytest.mark.parametrize("m", PLANTED, ids=lambda m: f"{m['code']}-{m['file'][:18]}-{m['find'][:20]}")
def test_planted_error_is_found(m):
    src = (UNSEEN / m["file"]).read_text(encoding="utf-8")
    assert src.count(m["find"]) == 1
    line = src[:src.index(m["find"])].count("\n") + 1
    new = _dr(src.replace(m["find"], m["replace"])) - _dr(src)
    assert {c for _l, c in new} == {m["code"]}, new
    assert all(line <= ln <= line + 12 for ln, _c in new), (line, new)


@pytest.mark.parametrize("text", [
    # the bracket belongs to the nearer count, 43 năm
    "Chào mừng 80 năm Ngày truyền thống ngành Giáo dục và 43 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2025).",
    # short sessions and a weekend between phases are scheduled on purpose
    "- Đợt 1 từ 05/5/2025 đến 09/5/2025;\n- Đợt 2 từ 08/9/2025 đến 12/9/2025.",
    "- Đợt 1: từ 02/6/2025 đến 13/6/2025;\n- Đợt 2: từ 16/6/2025 đến 27/6/2025.",
    "- Đợt 1: từ tháng 3 đến tháng 5/2025;\n- Đợt 2: từ tháng 9 đến tháng 11/2025.",
    # ministries sign with their own codes; joint circulars and unknown codes are not judged
    "Căn cứ Thông tư liên tịch số 13/2016/TTLT-BYT-BGDĐT ngày 12/5/2016 của Bộ Y tế và Bộ Giáo dục và Đào tạo;",
    "Căn cứ Quyết định số 56/QĐ-BYT ngày 12/01/2024 của Bộ trưởng Bộ Y tế;",
    "Căn cứ Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ Lao động - Thương binh và Xã hội;",
    "Căn cứ Hướng dẫn số 05/HD-BNNMT ngày 02/01/2024 của Bộ Nông nghiệp và Môi trường;",
    "Căn cứ Quyết định số 15/QĐ-SYT ngày 02/01/2024 của Bộ Y tế;",
    # counts, street names and yearly days written with a slash are not dates of the plan
    "Có 15/32 xã đạt chuẩn; 28/30 trường đạt chuẩn; địa chỉ số 45/12 đường 30/4; trực 24/24 giờ.",
    "Báo cáo định kỳ trước ngày 15/6 và 15/12 hằng năm; số liệu tính đến thời điểm 31/12/2024.",
    "Theo Kế hoạch số 05/KH-UBND (ngày 17/12/2024) của UBND huyện.",
    # a deadline of an earlier year, in a sentence about that year's results
    "Kết quả năm 2024: hoàn thành trước ngày 30/11/2024 việc rà soát hộ nghèo.",
    "Năm 2024, các xã hoàn thành trước thời hạn (trước 30/11/2024) 100% chỉ tiêu.",
    # a Tết long ago, with nothing of this plan's year in its name
    "Ôn lại truyền thống cuộc Tổng tiến công và nổi dậy Tết Mậu Thân.",
])
def test_no_finding(text):
    assert _dr(H + text) == set()


@pytest.mark.parametrize("text, code", [
    ("- Đợt 1: từ ngày 15/01/2025 đến ngày 30/6/2025;\n- Đợt 2: từ ngày 15/7/2025 đến ngày 30/11/2025.", "D106"),
    ("- Bước 1: từ ngày 01/9/2025 đến ngày 30/9/2025;\n- Bước 2: từ ngày 25/9/2025 đến ngày 15/11/2025.", "D106"),
    ("Căn cứ Quyết định số 1660/QĐ-TTg ngày 02/10/2021 của Bộ Y tế;", "R106"),
    ("Theo Kế hoạch số 05/KH-UBND (ngày 21/12/2024) của UBND huyện.", "D104"),  # date in brackets
    ("Năm 2025, các thôn hoàn thành trước ngày 30/11/2024 việc rà soát.", "D111"),  # the topic is 2025
    ("Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Bộ Nông nghiệp và Phát triển nông thôn;", "R106"),
    ("Bảo đảm an toàn dịp Tết Nguyên đán Đinh Tỵ.", "D110"),  # Đinh Tỵ is 2037: Ất Tỵ meant
    ("Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2025).", "D108"),
    # "N năm Ngày <event>" after another anniversary, without its own "kỷ niệm"
    ("Kỷ niệm 95 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2025); 51 năm Ngày giải phóng miền Nam, "
     "thống nhất đất nước (30/4/1975 - 30/4/2025).", "D108"),
    ("Chào mừng 95 năm Ngày thành lập Đảng; 51 năm Ngày giải phóng miền Nam, thống nhất đất nước.", "D109"),
])
def test_finding(text, code):
    assert {c for _l, c in _dr(H + text)} == {code}


def test_issuer_finding_sits_on_the_issuer_name():
    text = H + "Thực hiện Kế hoạch số 112-KH/HU ngày 10/12/2024\ncủa Ban Thường vụ Tỉnh ủy về công tác năm 2025."
    assert _dr(text) == {(line_of(text, "Tỉnh ủy"), "R106")}


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, ln in enumerate(text.split("\n")) if needle in ln)


@pytest.mark.parametrize("number, title", [
    ("02/KHLT-UBND-MTTQ", "KẾ HOẠCH LIÊN TỊCH"),
    ("03/KHPH-UBND-CĐ", "KẾ HOẠCH PHỐI HỢP"),
])
def test_joint_plan_codes(number, title):
    text = (f"ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: {number}\n\nAn Bình, ngày 10 tháng 02 năm 2025\n\n{title}\n"
            "Phát động phong trào thi đua năm 2025\n\nI. MỤC ĐÍCH\n1. Thi đua.\n")
    assert _dr(text) == set()
    assert {c for _l, c in _dr(text.replace(number, "02/QĐ-UBND"))} == {"R103"}


def test_date_line_without_place_is_read_as_the_plan_date():
    text = ("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: 15/KH-UBND\n\nNgày    tháng    năm 2025\n\nKẾ HOẠCH\n"
            "Phát động phong trào thi đua năm 2025\n\nI. MỤC ĐÍCH\n1. Thi đua.\n")
    assert _dr(text, show_info=True) == {(6, "D102")}
