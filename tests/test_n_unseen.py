"""Plans nobody tuned the rules on (tests/fixtures/n/unseen/: our own drafts of other topics and
forms): clean ones give no error at all and no N finding; each planted error (planted.json, one
per copy) gives the expected N finding on the changed line and no other N finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planlint.config import Config
from planlint.engine import lint_source
from planlint.parsing.parser import parse_source
from planlint.parsing.source import Source

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "n" / "unseen"
PLANS = sorted(p for p in UNSEEN.iterdir() if p.suffix in (".txt", ".md"))
PLANTED = [c for c in json.loads((UNSEEN / "planted.json").read_text(encoding="utf-8")) if not c.get("known_miss")]


def _lint(name: str, text: str):
    return lint_source(Source(name, text), Config())


@pytest.mark.parametrize("path", PLANS, ids=[p.stem[:28] for p in PLANS])
def test_unseen_clean_plan_gives_no_error_and_no_n_finding(path):
    found = _lint(path.name, path.read_text(encoding="utf-8"))
    assert [(f.code, f.line, f.message) for f in found if f.severity == "error"] == []
    assert [(f.code, f.line, f.message) for f in found if f.code.startswith("N")] == []


@pytest.mark.parametrize("case", PLANTED, ids=[c["what"][:30] for c in PLANTED])
def test_unseen_planted_error_is_found_on_its_line(case):
    text = (UNSEEN / case["file"]).read_text(encoding="utf-8")
    assert text.count(case["find"]) == 1
    line = text[:text.index(case["find"])].count("\n") + 1
    found = [f for f in _lint(case["file"], text.replace(case["find"], case["replace"])) if f.code.startswith("N")]
    assert sorted(f.code for f in found) == sorted([case["code"], *case.get("also", [])])
    assert all(f.line == line for f in found), [(f.code, f.line) for f in found]


def _inventory(text: str) -> list[tuple[int, str, str]]:
    from planlint.facts import inventories
    from planlint.i18n import render

    plan = parse_source(Source("x.md", text))
    return [(text[:r.span.start].count("\n") + 1, r.kind, render(r.text, "en")) for inv in inventories()
            for r in inv(plan)]


def test_inventory_reads_day_month_counted_list_and_change_start():
    text = ("II. NỘI DUNG\n\n"
            "1. Tập trung thực hiện 03 khâu đột phá: hạ tầng giao thông, chuyển đổi số và nguồn nhân lực.\n\n"
            "2. Thi đua chào mừng Quốc khánh 02/9 và ngày Nhà giáo Việt Nam 20/11; báo cáo trước 15/12.\n\n"
            "3. Tỷ lệ hộ nghèo từ 2,32% xuống còn 1,48%; tỷ lệ hộ có việc làm từ 60% trở lên.\n")
    rows = _inventory(text)
    assert (3, "counted list", "3 khâu đột phá: 3 item(s) listed") in rows
    assert [r for r in rows if r[0] == 5 and r[1] == "number"] == []  # days and months, not quantities
    numbers = [r[2] for r in rows if r[0] == 7 and r[1] == "number"]
    assert numbers == ["2,32%", "1,48%", "≥ 60%"]


def test_fraction_with_a_unit_is_not_a_date():
    rows = _inventory("II. NỘI DUNG\n\n1. Duy trì 07/07 thôn đạt chuẩn; 03/05 trường đạt chuẩn quốc gia.\n")
    assert {r[2] for r in rows if r[1] == "fraction"} == {"07/07 thôn", "03/05 trường"}


def test_bracketed_aside_is_not_a_counted_list():
    from planlint.engine import lint

    text = ("II. NỘI DUNG\n\n1. Có 15 doanh nghiệp (tập trung tại xã An Hòa và xã Tân Lợi); 10 hộ (vùng sâu, "
            "vùng xa) được hỗ trợ; thành lập 03 tổ công tác (Tổ 1, Tổ 2 và Tổ 3).\n")
    assert [f for f in lint(text, fragment=True) if f.code == "N107"] == []
    bad = text.replace("03 tổ công tác", "04 tổ công tác")
    assert [f.code for f in lint(bad, fragment=True) if f.code == "N107"] == ["N107"]


def test_named_members_and_disjoint_sources():
    from planlint.engine import lint

    good = ("II. NỘI DUNG\n\n1. Giao chỉ tiêu cho 08 khu phố: khu phố 1, khu phố 2, khu phố 3, khu phố 4, "
            "khu phố 5, khu phố 6, khu phố 7 và khu phố 8.\n\n"
            "2. Kinh phí 185,4 triệu đồng, trong đó ngân sách xã 120,0 triệu đồng, xã hội hóa 65,4 triệu đồng.\n\n"
            "3. Kinh phí 500 triệu đồng, trong đó ngân sách tỉnh 200 triệu đồng, xã hội hóa 100 triệu đồng.\n")
    assert [f for f in lint(good, fragment=True) if f.code.startswith("N")] == []
    bad = good.replace("xã hội hóa 65,4", "xã hội hóa 95,4")
    assert [(f.code, f.line) for f in lint(bad, fragment=True) if f.code.startswith("N")] == [("N102", 5)]


def test_inventory_words_that_are_not_units_ranges_and_day_month_ranges():
    text = ("II. NỘI DUNG\n\n"
            "1. Xử lý 48.260 trường hợp vi phạm; trẻ 3 - 5 tuổi ra lớp đạt 98,2%; giảm từ 5% đến 10%.\n\n"
            "2. Ra quân dịp 30/4 - 1/5; tháng hành động (01/6 - 30/6); diện tích lúa chiếm 1/3.\n")
    rows = _inventory(text)
    assert [r[2] for r in rows if r[0] == 3 and r[1] == "number"] == ["48.260", "98,2%", "5 – 10%"]
    assert [r[2] for r in rows if r[0] == 5 and r[1] == "number"] == ["1", "3"]


def test_breakdown_after_a_short_phrase_and_a_colon():
    from planlint.engine import lint

    good = ("II. NỘI DUNG\n\n1. Tổng kinh phí 24.600 triệu đồng, phân bổ tương ứng cho 3 nội dung: tuyên truyền "
            "4.920 triệu đồng (20%); tuần tra, kiểm soát 12.300 triệu đồng (50%); khắc phục điểm đen 7.380 triệu "
            "đồng (30%).\n\n2. Hỗ trợ 2.450 căn nhà cho hộ nghèo (xây mới 1.870 căn, sửa chữa 580 căn).\n")
    assert [f for f in lint(good, fragment=True) if f.code.startswith("N")] == []
    bad = good.replace("sửa chữa 580", "sửa chữa 680")
    assert [(f.code, f.line) for f in lint(bad, fragment=True) if f.code.startswith("N")] == [("N102", 5)]
    bad = good.replace("12.300 triệu", "13.300 triệu")
    assert ("N103", 3) in [(f.code, f.line) for f in lint(bad, fragment=True)]


def test_a_bracket_or_colon_after_a_phrase_is_not_taken_for_parts():
    from planlint.engine import lint

    text = ("II. NỘI DUNG\n\n"
            "1. Diện tích gieo trồng 1.250 ha, tăng so với năm trước: lúa 1.300 ha.\n\n"
            "2. Vận động 3.200 người tham gia bảo hiểm xã hội tự nguyện (nữ 1.800 người, người dân tộc thiểu số "
            "2.100 người).\n\n"
            "3. Hỗ trợ 120 triệu đồng cho các hộ bị thiệt hại (ước tính thiệt hại 350 triệu đồng).\n\n"
            "4. Tổng mức đầu tư 45 tỷ đồng cho công trình trường học (Trường Tiểu học A 20 tỷ đồng, Trường THCS B "
            "30 tỷ đồng).\n\n"
            "5. Diện tích lúa chiếm 1/3; tăng từ 12 lên 15 xã đạt chuẩn.\n")
    assert [(f.code, f.line, f.message) for f in lint(text, fragment=True) if f.code.startswith("N")] == []
