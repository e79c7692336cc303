"""R rules (header and citations): number line, citations read into parts, per-rule cases,
property tests, the seeds."""

from __future__ import annotations

import pytest
from conftest import seed_files
from hypothesis import given, settings
from hypothesis import strategies as st

import planlint
from planlint.config import Config
from planlint.engine import lint
from planlint.facts.citations import code_allowed, extract, issuer_codes
from planlint.facts.header import extract as header

HEAD = "Số: 12/KH-UBND\n\nAn Bình, ngày 10 tháng 02 năm 2025\n\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2025\n\n"


def findings(text: str, cfg: Config | None = None) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.severity) for f in lint(text, cfg or Config()) if f.code.startswith("R")]


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, line in enumerate(text.split("\n")) if needle in line)


# Reading ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, number, type_code, issuer, party, stray", [
    ("Số: 14/KH-UBND", "14", "KH", "UBND", False, False),
    ("Số: /KH-UBND", "", "KH", "UBND", False, False),
    ("Số:      /KH-UBND", "", "KH", "UBND", False, False),
    ("Số: 21 /KH-UBND", "21", "KH", "UBND", False, True),
    ("Số: 21/KH - UBND", "21", "KH", "UBND", False, True),
    ("Số 15-KH/ĐU", "15", "KH", "ĐU", True, False),
    ("Số: 07/QĐ-UBND", "07", "QĐ", "UBND", False, False),
])
def test_number_line(line, number, type_code, issuer, party, stray):
    plan = planlint.parse(f"{line}\n\nAn Bình, ngày 10 tháng 02 năm 2025\n\nKẾ HOẠCH\nThi đua năm 2025\n")
    n = header(plan).number
    assert n is not None and n.parsed
    assert (n.number, n.type_code, n.issuer, n.party, bool(n.stray)) == (number, type_code, issuer, party, stray)


@pytest.mark.parametrize("text, label, date, issuer, type_code, issuer_code", [
    ("Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc phát động thi đua.",
     "Chỉ thị 19/CT-TTg", "16/7/2021", "Thủ tướng Chính phủ", "CT", "TTg"),
    ("Căn cứ Nghị quyết số 24/2021/QH15 ngày 28/7/2021 của Quốc hội về kế hoạch.",
     "Nghị quyết 24/2021/QH15", "28/7/2021", "Quốc hội", "", "QH15"),
    ("Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị về thi đua.",
     "Chỉ thị 34-CT/TW", "07/4/2014", "Bộ Chính trị", "CT", "TW"),
    ("Nghị quyết số 54-NQ/ĐU ngày 17/12/2024 của Hội nghị Đảng bộ lần thứ 13 (khóa XIV), về nhiệm vụ.",
     "Nghị quyết 54-NQ/ĐU", "17/12/2024", "Hội nghị Đảng bộ", "NQ", "ĐU"),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.",
     "Nghị định 30/2020/NĐ-CP", "05/3/2020", "Chính phủ", "NĐ", "CP"),
    ("Theo Công văn số 125/UBND-VX ngày 03/3/2025 của UBND huyện.",
     "Công văn 125/UBND-VX", "03/3/2025", "UBND huyện", "", "UBND"),
    ("Thực hiện Thông báo kết luận số 12-TB/TU ngày 05/01/2025 của Ban Thường vụ Tỉnh ủy.",
     "Thông báo 12-TB/TU", "05/01/2025", "Ban Thường vụ Tỉnh ủy", "TB", "TU"),
    ("phù hợp với Luật Thi đua, khen thưởng ngày 15/6/2022 và các văn bản hướng dẫn.",
     "Luật Thi đua, khen thưởng", "15/6/2022", "", "", ""),
])
def test_citations(text, label, date, issuer, type_code, issuer_code):
    cites = extract(planlint.parse("x\n\n" + text + "\n"))
    assert len(cites) == 1, [c.label for c in cites]
    c = cites[0]
    assert (c.label, c.date_text, c.issuer_text) == (label, date, issuer)
    if c.symbol is not None:
        assert (c.symbol.type_code, c.symbol.issuer) == (type_code, issuer_code)


@pytest.mark.parametrize("name, code, ok", [
    ("Bộ Chính trị", "TW", True), ("Bộ Chính trị", "TTg", False), ("Thủ tướng Chính phủ", "TTg", True),
    ("Chủ tịch UBND tỉnh", "UBND", True), ("Ban Thường vụ Tỉnh ủy", "TU", True), ("Hội nghị Đảng uỷ ủy", "TU", False),
    ("Đảng ủy xã Phổ Châu", "ĐU", True), ("Quốc hội", "QH15", True), ("HĐND xã", "UBND", False),
])
def test_issuers(name, code, ok):
    named = issuer_codes(name)
    assert named is not None and code_allowed(code, named[1]) == ok


def test_unknown_issuers_are_not_judged():
    assert issuer_codes("Hội đồng Thi đua - Khen thưởng Trung ương") is None
    assert issuer_codes("Văn phòng Chính phủ") is None
    text = HEAD + "Thực hiện Kế hoạch số 16/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương.\n"
    assert findings(text) == []


# Per-rule cases ------------------------------------------------------------------------------------

TITLE = "KẾ HOẠCH\nPhát động phong trào thi đua năm 2025\n\n"
DATE = "An Bình, ngày 10 tháng 02 năm 2025\n\n"


def test_a_lone_missing_line_needs_the_rest_of_the_header():
    assert "R101" not in [c for c, _l, _s in findings("Số: 12/KH-UBND\n\n" + TITLE)]
    assert "R101" not in [c for c, _l, _s in findings(DATE + TITLE)]
    assert "R101" in [c for c, _l, _s in findings("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n" + DATE + TITLE)]
    closing = "I. MỤC ĐÍCH\n\n1. Thi đua.\n\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nLê An\n"
    assert ("R101", 1, "warning") in findings("Số: 12/KH-UBND\n\n" + TITLE + closing)
    assert ("R101", 1, "warning") in findings(DATE + TITLE + closing)


def test_severities():
    assert ("R103", 1, "error") in findings("Số: 07/QĐ-UBND\n\n" + DATE + TITLE)
    assert ("R104", 1, "info") in findings("Số: /KH-UBND\n\n" + DATE + TITLE)
    assert ("R102", 1, "warning") in findings("Số: 21 /KH-UBND\n\n" + DATE + TITLE)
    # the same symbol with different dates and no issuer named on either side: two bodies may share it
    text = (HEAD + "I. CĂN CỨ\n\n1. Kế hoạch số 08/KH-UBND ngày 16/01/2025 về thi đua.\n\n"
            "2. Kế hoạch số 08/KH-UBND ngày 20/01/2025 về thi đua.\n")
    assert ("R107", line_of(text, "2. Kế"), "warning") in findings(text)


def test_same_number_in_different_years_or_issuers_is_not_a_conflict():
    text = (HEAD + "I. CĂN CỨ\n\n1. Kế hoạch số 68/KH-UBND ngày 22/3/2023 của UBND tỉnh về tuyên truyền.\n\n"
            "2. Kế hoạch số 68/KH-UBND ngày 24/4/2023 của UBND huyện về tuyên truyền.\n\n"
            "3. Kế hoạch số 68/KH-UBND ngày 06/8/2021 của UBND tỉnh về thi đua.\n")
    assert findings(text) == []


def test_collective_signing_only_when_configured():
    body = "I. MỤC ĐÍCH\n\n1. Thi đua.\n\nNơi nhận:\n- Lưu: VT.\n\n"
    text = HEAD + body + "CHỦ TỊCH\n\nPhạm Văn Đức\n"
    assert "R110" not in [c for c, _l, _s in findings(text)]
    strict = Config(options={"strict-signing": True})
    assert ("R110", line_of(text, "CHỦ TỊCH"), "warning") in findings(text, strict)
    signed = HEAD + body + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPhạm Văn Đức\n"
    assert "R110" not in [c for c, _l, _s in findings(signed, strict)]


def test_messages():
    text = HEAD + "Quán triệt Chỉ thị số 27/CT-TTg ngày 08/9/2016 của Bộ Chính trị về học tập.\n"
    en = next(f.message for f in lint(text) if f.code == "R106")
    vi = next(f.message for f in lint(text, Config(lang="vi")) if f.code == "R106")
    assert "TTg" in en and "Bộ Chính trị" in en and "TW" in en
    assert "TTg" in vi and "Bộ Chính trị" in vi and "TW" in vi


# Property tests ------------------------------------------------------------------------------------

TYPES = [("Quyết định", "QĐ"), ("Chỉ thị", "CT"), ("Kế hoạch", "KH"), ("Thông báo", "TB"), ("Nghị quyết", "NQ"),
         ("Hướng dẫn", "HD"), ("Báo cáo", "BC"), ("Công điện", "CĐ")]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(TYPES) - 1), st.integers(0, len(TYPES) - 1), st.integers(1, 999)),
                min_size=1, max_size=6))
def test_type_word_and_code(items):
    text = HEAD + "I. CĂN CỨ\n\n"
    expected = []
    for i, (w, c, num) in enumerate(items, start=1):
        word, code = TYPES[w][0], TYPES[c][1]
        text += f"{i}. Thực hiện {word} số {num}/{code}-UBND ngày 05/01/2025 của UBND huyện.\n\n"
        if w != c:
            expected.append(("R105", len(text.split("\n")) - 2))
    got = [(c, ln) for c, ln, _s in findings(text) if c == "R105"]
    assert got == expected


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 200), st.integers(2000, 2024), st.integers(-2, 2))
def test_symbol_year(num, year, delta):
    text = HEAD + f"Căn cứ Nghị định số {num}/{year}/NĐ-CP ngày 05/3/{year + delta} của Chính phủ.\n"
    got = [c for c, _ln, s in findings(text) if s == "error"]
    assert got == ([] if delta == 0 else ["R108"])


# Seeds ---------------------------------------------------------------------------------------------

def test_seed_without_header_is_warned_on_the_title_line(seeds):
    path = next(p for p in seed_files() if p.name.startswith("002"))
    got = findings(path.read_text(encoding="utf-8"))
    assert [(c, ln, s) for c, ln, s in got if c == "R101"] == [("R101", 3, "warning"), ("R101", 3, "warning")]


def test_seed_real_errors(seeds):
    by = {p.name[:3]: findings(p.read_text(encoding="utf-8")) for p in seed_files()}
    assert ("R104", 3, "info") in by["000"]
    assert ("R106", 87, "warning") in by["001"]
    assert ("R102", 3, "warning") in by["004"]
    for name, got in by.items():
        assert [f for f in got if f[2] == "error"] == [], name
