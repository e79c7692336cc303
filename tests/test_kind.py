"""Document kinds (plan, report, decision, …), the evidence gate, and the false warnings real
documents raised on headers and numbering (issues #14 and #8). Every text here is our own."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
from conftest import ROOT

import planlint
from planlint.config import Config, load_config
from planlint.data import vocabulary
from planlint.engine import lint
from planlint.facts.kind import extract as doc_kind
from planlint.parsing.source import InputError

FIXTURES = ROOT / "tests" / "fixtures" / "kind"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def codes(text: str, cfg: Config | None = None) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint(text, cfg or Config())]


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, line in enumerate(text.split("\n")) if needle in line)


# Whole documents ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_documents(name):
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    plan = planlint.parse(text, str(path))
    k = plan.fact(doc_kind)
    assert (k.kind, k.level) == (EXPECTED[name]["kind"], EXPECTED[name]["level"]), k.evidence
    want = sorted((line_of(text, c["anchor"]), c["code"], c["severity"]) for c in EXPECTED[name]["findings"])
    got = sorted((f.line, f.code, f.severity) for f in lint(text, Config(), str(path)))
    assert got == want


def test_fixtures_are_all_listed():
    docs = {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"}
    assert docs == set(EXPECTED)


# Recognition from all the evidence -------------------------------------------------------------------

REPORT = """Số: 41/BC-UBND

An Phú, ngày 10 tháng 12 năm 2025

BÁO CÁO
Kết quả thực hiện nhiệm vụ năm 2025

1. Kết quả

Xã đã hoàn thành 18/19 tiêu chí. Dự kiến khánh thành cầu Bến Đò trước ngày 30/6/2027.

2. Phương hướng

Tiếp tục duy trì các tiêu chí đã đạt.
"""


def test_kind_from_title_number_or_act():
    assert planlint.parse(REPORT).fact(doc_kind).kind == "report"
    assert planlint.parse("Số: 07/QĐ-UBND\n\nVề việc giao chỉ tiêu\n").fact(doc_kind).kind == "decision"
    text = "Căn cứ Luật Ngân sách nhà nước;\n\nỦy ban nhân dân phường ban hành Kế hoạch như sau:\n\n1. A\n"
    k = planlint.parse(text).fact(doc_kind)
    assert (k.kind, k.level) == ("plan", "full")


def test_mixed_case_title_only_when_no_upper_case_title_and_not_a_citation():
    k = planlint.parse("Kế hoạch tuyên truyền phòng chống ma túy năm 2026\n\n1. Mục đích\n").fact(doc_kind)
    assert k.kind == "plan"
    # a citation or a sentence is no title
    for text in ("Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND xã\n",
                 "Nghị quyết 51/2025/NQ-HĐND quy định mức chi\n",
                 "Báo cáo này gửi Thường trực Đảng ủy.\n"):
        assert planlint.parse(text).title is None, text
    # a web page's heading above the real header and title: the title is the one after the header
    text = ("Kế hoạch giảm nghèo năm 2026 của xã Yên Lạc\n\nỦY BAN NHÂN DÂN\nXÃ YÊN LẠC\n\nSố: 05/KH-UBND\n\n"
            "Yên Lạc, ngày 06 tháng 01 năm 2026\n\nKẾ HOẠCH\nGiảm nghèo năm 2026\n\n1. Mục đích\n")
    plan = planlint.parse(text)
    assert plan.title is not None and plan.title.line.first_line == line_of(text, "KẾ HOẠCH") - 1
    assert plan.header.number is not None


def test_page_heading_above_the_header_is_not_the_title():
    text = ("BÁO CÁO SƠ KẾT NĂM 2025\n\nỦY BAN NHÂN DÂN\nXÃ AN LẠC\n\nSố: 18/BC-UBND\n\n"
            "An Lạc, ngày 20 tháng 6 năm 2025\n\nBÁO CÁO\nSơ kết 6 tháng đầu năm 2025\n\n1. Kết quả\n")
    assert [c for c, _ in codes(text) if c.startswith("R")] == []


def test_thin_evidence_runs_number_rules_and_says_so():
    text = "UBND xã báo cáo: cơ cấu kinh tế: nông nghiệp 45,0%; công nghiệp 31,0%; dịch vụ 25,0%.\n"
    got = codes(text)
    assert ("S110", 1) in got and ("N101", 1) in got
    assert "little evidence" in lint(text, Config())[0].message
    # the evidence named in the reader's language
    vi = lint("# Hướng dẫn cài đặt máy in\n\nMở nắp máy, lắp hộp mực.\n", Config(lang="vi"))
    assert [f.message for f in vi if f.code == "S110"] and all("(tiêu đề)" in f.message for f in vi if f.code == "S110")


def test_a_cited_document_and_a_target_are_thin_evidence():
    # a results page without a header that cites the report it summarises by number and symbol
    text = ("Kết quả rà soát hộ nghèo năm 2025 của huyện\n\n"
            "Theo Báo cáo số 145/BC-UBND ngày 20/11/2025 của Ủy ban nhân dân huyện, tỷ lệ hộ nghèo giảm 1,20%, "
            "đạt 120% chỉ tiêu.\n")
    plan = planlint.parse(text)
    k = plan.fact(doc_kind)
    assert k.level == "thin", k.evidence
    assert "cited document" in {e.what for e in k.evidence}
    # the citation alone is not enough
    alone = planlint.parse("Theo Quyết định số 12/QĐ-UBND ngày 02/01/2025, xã có 3 thôn.\n").fact(doc_kind)
    assert alone.level == "none"


def test_no_evidence_is_s110_alone():
    assert codes("Danh sách mua sắm: gạo 2 kg, muối 1 gói.\n") == [("S110", 1)]


def test_plan_only_rules_stay_quiet_on_a_report_and_kind_overrides():
    assert "D111" not in [c for c, _ in codes(REPORT)]
    assert ("D111", line_of(REPORT, "30/6/2027")) in codes(REPORT, Config(kind="plan"))
    assert "D111" not in [c for c, _ in codes(REPORT, Config(kind="report"))]
    note = "Danh sách mua sắm: gạo 2 kg, muối 1 gói.\n"
    assert "S110" not in [c for c, _ in codes(note, Config(kind="any"))]


def test_kind_in_pyproject_and_on_the_command_line(tmp_path):
    pp = tmp_path / "pyproject.toml"
    pp.write_text('[tool.planlint]\nkind = "report"\n', encoding="utf-8")
    assert load_config(pp).kind == "report"
    pp.write_text('[tool.planlint]\nkind = "memo"\n', encoding="utf-8")
    with pytest.raises(InputError):
        load_config(pp)
    pp.unlink()
    doc = tmp_path / "bao-cao.txt"
    doc.write_text(REPORT, encoding="utf-8")
    out = [subprocess.run([sys.executable, "-m", "planlint", "check", "--format", "json", *extra, str(doc)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60).stdout
           for extra in ([], ["--kind", "plan"])]
    assert [f["code"] for f in json.loads(out[0])] == []
    assert [f["code"] for f in json.loads(out[1])] == ["D111"]


def test_evidence_vocabulary_is_consistent():
    v = vocabulary("doctypes")
    kinds = {t["kind"] for t in v["type"] if "kind" in t}
    assert "plan" in kinds and "report" in kinds
    assert set(v["evidence"]["acts"].values()) <= kinds
    for key in ("basis", "enacting", "issuers", "figures", "parts"):
        words = v["evidence"][key]
        assert words and len(words) == len({w.lower() for w in words}), key


# False warnings on headers --------------------------------------------------------------------------

HEAD_TAIL = "\n\nBình Sơn, ngày 03 tháng 02 năm 2025\n\n"


@pytest.mark.parametrize("number,title", [("07/2025/QĐ-UBND", "QUYẾT ĐỊNH\nBan hành quy định mức chi\n"),
                                          ("11/2024/NQ-HĐND", "NGHỊ QUYẾT\nVề mức hỗ trợ\n")])
def test_r102_normative_documents_carry_their_year(number, title):
    assert [c for c, _ in codes("Số: " + number + HEAD_TAIL + title) if c == "R102"] == []


def test_r102_still_finds_a_year_in_a_plan_number():
    text = "Số: 21/2025/KH-UBND" + HEAD_TAIL + "KẾ HOẠCH\nThi đua năm 2025\n"
    assert ("R102", 1) in codes(text)


def test_r102_number_split_over_two_lines_and_table_debris():
    split = "Số:\n23/KH-UBND\n|\nBình Sơn, ngày 03 tháng 02 năm 2025\n|\nKẾ HOẠCH\nThi đua năm 2025\n"
    assert [c for c, _ in codes(split) if c.startswith("R")] == []
    plan = planlint.parse(split)
    assert plan.header.number is not None and "23/KH-UBND" in plan.header.number.text
    debris = "Số: 186/KH-UBND |" + HEAD_TAIL + "KẾ HOẠCH\nThi đua năm 2025\n"
    assert [c for c, _ in codes(debris) if c.startswith("R")] == []


def test_blank_number_on_its_own_line_is_still_a_blank_number():
    text = "Số:\n\n/BC-UBND\n\nAn Lạc, ngày 20 tháng 6 năm 2025\n\nBÁO CÁO\nSơ kết năm 2025\n"
    assert [c for c, _ in codes(text) if c.startswith("R")] == ["R104"]


# False errors in numbering ---------------------------------------------------------------------------

def test_s108_article_word_split_from_its_number():
    text = ("QUYẾT ĐỊNH:\n\nĐiều 1. Giao chỉ tiêu cho các thôn.\n\nĐiều\n2. Quyết định có hiệu lực kể từ ngày ký.\n\n"
            "Điều\n3. Trưởng các thôn thi hành Quyết định này.\n")
    assert [c for c, _ in codes(text, Config(kind="any")) if c.startswith("S")] == []
    plan = planlint.parse(text)
    assert [s.marker.display() for s in plan.body] == ["Điều 1", "Điều 2", "Điều 3"]


def test_s103_list_restarting_under_a_numbered_markdown_heading():
    text = ("KẾ HOẠCH\nThi đua năm 2026\n\n## I. MỤC TIÊU\n\n### 1. Mục tiêu chung\n\n1. Giữ vững an ninh.\n"
            "2. Phát triển sản xuất.\n\n### 2. Chỉ tiêu cụ thể\n\n1. Thu ngân sách 5 tỷ đồng.\n2. Giảm 12 hộ nghèo.\n\n"
            "### 4. Giải pháp\n")
    got = [(c, ln) for c, ln in codes(text) if c.startswith("S")]
    # the lists under the headings are fine; the heading sequence 1. 2. 4. still skips 3.
    assert got == [("S102", line_of(text, "### 4."))]


def test_s101_criterion_number_at_the_start_of_a_line():
    text = ("KẾ HOẠCH\nThi đua năm 2026\n\nI. NHIỆM VỤ\n\n1. Rà soát\n\n"
            "Các thôn rà soát kết quả thực hiện, nhất là tiêu chí\n"
            "18.3 về hành chính công và tiêu chí 17 về môi trường.\n\n2. Tổ chức\n")
    assert [c for c, _ in codes(text) if c.startswith("S")] == []


def test_a_bullet_never_parents_a_numbered_item():
    text = ("KẾ HOẠCH\nThi đua năm 2026\n\n1. Mục đích\n\n2. Nội dung\n\n- Tuyên truyền.\n- Vận động.\n\n"
            "2.1. Làm đường.\n\n2.2. Sửa nhà văn hóa.\n\n3.1. Hỗ trợ hộ nghèo.\n")
    plan = planlint.parse(text)
    two = plan.body[1]
    assert [c.marker.display() for c in two.children] == ["-", "-", "2.1.", "2.2.", "3.1."]
    assert [(c, ln) for c, ln in codes(text) if c.startswith("S")] == [("S107", line_of(text, "3.1."))]


# Lunar dates and table columns ---------------------------------------------------------------------------

def test_d110_lunar_date_in_the_last_days_of_the_previous_lunar_year():
    plan = "KẾ HOẠCH\nĐón Tết năm 2026\n\n1. Trực Tết từ ngày 29 tháng Chạp năm Ất Tỵ đến mùng 5 tháng Giêng.\n"
    assert "D110" not in [c for c, _ in codes(plan)]
    mid_year = "KẾ HOẠCH\nĐón Tết năm 2026\n\n1. Tổ chức Trung thu ngày 15 tháng 8 năm Ất Tỵ.\n"
    assert "D110" in [c for c, _ in codes(mid_year)]  # the 15th of the 8th month of Ất Tỵ is in 2025


def test_tet_table_matches_published_dates_and_is_complete():
    tet = vocabulary("calendar")["tet"]
    published = {"2024": datetime.date(2024, 2, 10), "2025": datetime.date(2025, 1, 29),
                 "2026": datetime.date(2026, 2, 17), "2023": datetime.date(2023, 1, 22)}
    for year, day in published.items():
        assert tet[year] == day
    years = sorted(int(y) for y in tet)
    assert years == list(range(years[0], years[-1] + 1)) and years[0] <= 2015 and years[-1] >= 2035
    for y in years:
        d = tet[str(y)]
        assert d.year == y and datetime.date(y, 1, 21) <= d <= datetime.date(y, 2, 20)


def test_t102_unit_column_of_a_text_table_is_no_repeat():
    table = ("KẾ HOẠCH\nThi đua năm 2026\n\n1. Chỉ tiêu\n\nChỉ tiêu               ĐVT      Năm 2026\n"
             "Tổng số hộ             hộ       1.184\n")
    assert "T102" not in [c for c, _ in codes(table)]
    cells = "KẾ HOẠCH\nThi đua năm 2026\n\n1. Chỉ tiêu\n\nTổng số hộ\nhộ\n1.184\n"  # one cell a line
    assert "T102" not in [c for c, _ in codes(cells)]
    slip = "KẾ HOẠCH\nThi đua năm 2026\n\n1. Hỗ trợ 12 hộ hộ nghèo làm nhà.\n"
    assert "T102" in [c for c, _ in codes(slip)]


def test_parts_written_out_open_their_own_numbering():
    text = ("BÁO CÁO\nKết quả năm 2025\n\nPhần thứ nhất\nKẾT QUẢ NĂM 2025\n\nI. KINH TẾ\n\n1. Thu ngân sách\n\n"
            "2. Sản xuất\n\nPhần thứ hai\nPHƯƠNG HƯỚNG NĂM 2026\n\n"
            "1. Thu ngân sách 9 tỷ đồng.\n\n2. Giảm 8 hộ nghèo.\n\n"
            "Phần thứ tư\nKIẾN NGHỊ\n")
    plan = planlint.parse(text)
    assert [(s.marker.display(), s.marker.value) for s in plan.body] == [
        ("Phần thứ nhất", 1), ("Phần thứ hai", 2), ("Phần thứ tư", 4)]
    got = [(c, ln) for c, ln in codes(text) if c.startswith("S")]
    assert got == [("S102", line_of(text, "Phần thứ tư"))]  # the lists restart under each part; a part is skipped


def test_signing_line_broken_by_an_export_is_one_line():
    text = ("Số: 14/QĐ-UBND\n\nPhú Nam, ngày 03 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n\n"
            "Điều 1. Giao chỉ tiêu giảm 46 hộ nghèo.\n\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n\n"
            "Nơi nhận:\n- Lưu: VT.\n|\nTM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nLò Văn Sơn\n")
    plan = planlint.parse(text)
    assert [p.text for p in plan.closing.signature][-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lò Văn Sơn"]
    assert "T106" not in [c for c, _ in codes(text)]
