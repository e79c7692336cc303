"""D rules (dates and periods): the date grammar, per-rule cases, property tests, fixtures, seeds."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import seed_files
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planlint.config import Config
from planlint.engine import lint
from planlint.scan.dates import DateMention, day_problem, scan

FIXTURES = Path(__file__).parent / "fixtures" / "dr"


def parse_date(text: str) -> DateMention | None:
    """The single date that makes up all of ``text`` (stripped), or ``None``."""
    t = text.strip()
    sc = scan(t)
    if len(sc.dates) == 1 and sc.dates[0].start == 0 and sc.dates[0].end == len(t):
        return sc.dates[0]
    return None


def render(d: date, form: str) -> str:
    """``d`` written in one surface form (``FORMS``); the inverse of ``parse_date``."""
    dd, mm, yy = d.day, d.month, d.year
    nd = f"{dd:02d}" if dd < 10 else str(dd)
    nm = f"{mm:02d}" if mm < 3 else str(mm)
    return {
        "nd30": f"ngày {nd} tháng {nm} năm {yy}",
        "long": f"ngày {dd} tháng {mm} năm {yy}",
        "long-padded": f"ngày {dd:02d} tháng {mm:02d} năm {yy}",
        "slash": f"{dd}/{mm}/{yy}",
        "slash-padded": f"{dd:02d}/{mm:02d}/{yy}",
        "ngay-slash": f"ngày {dd}/{mm}/{yy}",
        "dash": f"{dd}-{mm}-{yy}",
        "dot": f"{dd}.{mm}.{yy}",
    }[form]


FORMS = ("nd30", "long", "long-padded", "slash", "slash-padded", "ngay-slash", "dash", "dot")
MONTH_FORMS = {
    "long": "tháng {m} năm {y}",
    "slash": "tháng {m}/{y}",
    "dash": "tháng {m}-{y}",
    "bare": "{m}/{y}",
}

HEAD = "Số: 12/KH-UBND\n\nAn Bình, ngày {date} năm {year}\n\nKẾ HOẠCH\nPhát động phong trào thi đua năm {year}\n\n"


def head(day: int = 10, month: int = 2, year: int = 2025) -> str:
    return HEAD.format(date=f"{day:02d} tháng {month:02d}" if month < 3 else f"{day:02d} tháng {month}", year=year)


def findings(text: str, family: str = "D", show_info: bool = False) -> list[tuple[str, int, str]]:
    cfg = Config(show_info=show_info)
    return [(f.code, f.line, f.severity) for f in lint(text, cfg) if f.code.startswith(family)]


def codes(text: str, family: str = "D") -> list[str]:
    return [c for c, _line, _sev in findings(text, family)]


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, line in enumerate(text.split("\n")) if needle in line)


# The grammar ---------------------------------------------------------------------------------------

dates_st = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=150, deadline=None)
@given(dates_st, st.sampled_from(FORMS))
def test_every_surface_form_parses_back(d, form):
    m = parse_date(render(d, form))
    assert m is not None, render(d, form)
    assert (m.day, m.month, m.year) == (d.day, d.month, d.year)
    assert m.valid and m.first() == d == m.last()


@settings(max_examples=80, deadline=None)
@given(st.integers(1900, 2099), st.integers(1, 12), st.sampled_from(sorted(MONTH_FORMS)))
def test_month_forms_parse_back(y, mth, form):
    text = MONTH_FORMS[form].format(m=mth, y=y)
    m = parse_date(text)
    assert m is not None, text
    assert (m.day, m.month, m.year) == (None, mth, y)
    assert m.first() == date(y, mth, 1)
    assert m.last() is not None and (m.last() + timedelta(days=1)).day == 1


@pytest.mark.parametrize("text, expected", [
    ("ngày 29 tháng 01 năm 2024", (29, 1, 2024)),
    ("ngày 16/7/2021", (16, 7, 2021)),
    ("16-7-2021", (16, 7, 2021)),
    ("30.3.2022", (30, 3, 2022)),
    ("tháng 8 năm 2021", (None, 8, 2021)),
    ("tháng 7/2024", (None, 7, 2024)),
    ("tháng 10-2025", (None, 10, 2025)),
    ("5/1992", (None, 5, 1992)),
    ("năm 2025", (None, None, 2025)),
    ("NGÀY 05 THÁNG 3 NĂM 2025", (5, 3, 2025)),
])
def test_forms(text, expected):
    m = parse_date(text)
    assert m is not None and (m.day, m.month, m.year) == expected


def test_quarter_and_placeholders_and_broken():
    q = parse_date("quý IV/2025")
    assert q is not None and q.quarter == 4 and q.first() == date(2025, 10, 1) and q.last() == date(2025, 12, 31)
    blank = parse_date("ngày tháng 01 năm 2025")
    assert blank is not None and blank.blanks == ("day",) and blank.last() == date(2025, 1, 31)
    dots = parse_date("ngày … tháng … năm 2024")
    assert dots is not None and dots.blanks == ("day", "month") and dots.first() == date(2024, 1, 1)
    short = parse_date("ngày …/…/2025")
    assert short is not None and short.blanks == ("day", "month") and short.year == 2025
    assert parse_date("ngày   /01/2025") is not None and parse_date("ngày   /01/2025").blanks == ("day",)
    broken = parse_date("16/7/20 21")
    assert broken is not None and broken.broken and broken.year == 2021


@pytest.mark.parametrize("text", ["06/06 trạm y tế", "24/2021/QH15", "Số 12/2024", "1.525,59 tỷ đồng",
                                  "ISO 9001:2015", "lương tháng 13 năm 2024", "12.103 tỷ đồng"])
def test_not_dates(text):
    assert scan(text).dates == []


@pytest.mark.parametrize("text, start, end, inherited", [
    ("từ ngày 01/3/2024 đến ngày 30/6/2024", date(2024, 3, 1), date(2024, 6, 30), False),
    ("Từ tháng 8 năm 2021 đến cuối tháng 12 năm 2021", date(2021, 8, 1), date(2021, 12, 31), False),
    ("(Từ ngày 08 đến 10/12/2015)", date(2015, 12, 8), date(2015, 12, 10), True),
    ("(5/1992 - 5/2022)", date(1992, 5, 1), date(2022, 5, 31), False),
    ("giai đoạn 2021 - 2025", date(2021, 1, 1), date(2025, 12, 31), False),
    ("nhiệm kỳ 2020 – 2025", date(2020, 1, 1), date(2025, 12, 31), False),
    ("5 năm (2021-2025)", date(2021, 1, 1), date(2025, 12, 31), False),
    ("từ năm 2021 đến năm 2025", date(2021, 1, 1), date(2025, 12, 31), False),
    ("từ ngày 15/01 đến 30/6/2026", date(2026, 1, 15), date(2026, 6, 30), True),
])
def test_ranges(text, start, end, inherited):
    sc = scan(text)
    assert len(sc.ranges) == 1, sc.ranges
    r = sc.ranges[0]
    assert r.start.first() == start and r.end.last() == end and r.start.inherited == inherited


@pytest.mark.parametrize("d, m, y, ok", [
    (31, 11, 2024, False), (30, 2, 2024, False), (29, 2, 2025, False), (29, 2, 2024, True), (34, 8, 2021, False),
    (16, 17, 2021, False), (31, 12, 2024, True), (0, 5, 2024, False), (31, 4, 2024, False), (29, 2, 2000, True),
    (29, 2, 1900, False),
])
def test_calendar(d, m, y, ok):
    assert (day_problem(d, m, y)[0] == "") == ok


# Per-rule cases: (code, the bad text, the line to find, the fixed text) -----------------------------

H = head()


@pytest.mark.parametrize("printed, blanks", [
    ("ngày   tháng   năm", "day, month and year"), ("ngày … tháng … năm …", "day, month and year"),
    ("ngày ..../..../2025", "day and month"), ("ngày   /01/2025", "day"),
])
def test_blank_plan_date_forms(printed, blanks):
    text = f"Số: /KH-UBND\n\nHà Tiên, {printed}\n\nKẾ HOẠCH\nThi đua năm 2025\n"
    msg = [f.message for f in lint(text, Config(show_info=True)) if f.code == "D102"]
    assert len(msg) == 1 and blanks in msg[0]
    assert "R101" not in [f.code for f in lint(text)]


def test_blank_plan_date_is_info_on_the_date_line():
    text = "Số: /KH-UBND\n\nPhổ An, ngày tháng 01 năm 2025\n\nKẾ HOẠCH\nThi đua năm 2025\n"
    assert ("D102", 3, "info") in findings(text)
    both = text.replace("tháng 01 năm", "tháng năm")
    assert ("D102", 3, "info") in findings(both)
    assert "D102" not in codes(text.replace("ngày tháng 01", "ngày 09 tháng 01"))


def test_messages_name_both_dates_and_the_relation():
    text = head(10, 2, 2025) + "Thực hiện Quyết định số 115/QĐ-UBND ngày 14/02/2025 của UBND thành phố.\n"
    msg = next(f.message for f in lint(text) if f.code == "D104")
    assert "115/QĐ-UBND" in msg and "14/02/2025" in msg and "10/02/2025" in msg and "after" in msg
    vi = next(f.message for f in lint(text, Config(lang="vi")) if f.code == "D104")
    assert "14/02/2025" in vi and "10/02/2025" in vi and "sau" in vi
    period = head() + "Hoàn thành kế hoạch 5 năm (2021 - 2026).\n"
    msg = next(f.message for f in lint(period) if f.code == "D107")
    assert "2026 − 2021 + 1 = 6" in msg


@pytest.mark.parametrize("text", [
    "Tổng kết 10 năm (2014 - 2024) thực hiện Chỉ thị số 34-CT/TW.",  # elapsed years, not inclusive
    "Thực hiện nhiệm vụ 05 năm 2020 - 2025 theo Nghị quyết Đại hội nhiệm kỳ 2020 - 2025.",
    "Kỷ niệm 56 năm cuộc Tổng tiến công và nổi dậy Tết Mậu Thân (1968 - 2024).",
    "Hướng tới kỷ niệm 50 năm Ngày giải phóng miền Nam năm 2025.",
    "Thưởng lương tháng 13 năm 2024 cho cán bộ.",
    "Từ ngày 25 đến 05/01/2026 tổ chức trực Tết.",
    "Có 06/06 trạm y tế và 7/7 xã đạt chuẩn; Kế hoạch 5 năm 2021-2025.",
    "Đã tổ chức hội nghị vào tháng 01/2024.",
])
def test_no_finding_on_correct_phrasings(text):
    assert findings(head(year=2024) + text + "\n") == []


# Property tests ------------------------------------------------------------------------------------

PLAN_DAY = date(2025, 2, 10)


@st.composite
def invalid_dates(draw):
    y = draw(st.integers(1990, 2025))
    m = draw(st.integers(1, 19))
    d = draw(st.integers(1, 39))
    assume(day_problem(d, m, y)[0])
    return d, m, y


@settings(max_examples=60, deadline=None)
@given(invalid_dates(), st.sampled_from(["slash", "long", "dash"]))
def test_invalid_dates_give_exactly_one_d_error_on_their_line(dmy, form):
    d, m, y = dmy
    shown = {"slash": f"ngày {d}/{m}/{y}", "long": f"ngày {d:02d} tháng {m} năm {y}", "dash": f"ngày {d}-{m}-{y}"}[form]
    text = head() + "I. CĂN CỨ\n\n" + f"1. Thực hiện Chỉ thị số 19/CT-TTg {shown} của Thủ tướng Chính phủ.\n"
    line = line_of(text, "Chỉ thị số 19")
    errors = [(c, ln) for c, ln, s in findings(text) if s == "error"]
    assert errors == [("D101", line)], (shown, errors)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-400, 40), min_size=1, max_size=6),
       st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)))
def test_citations_after_the_plan_date_are_found_exactly(offsets, plan_day):
    text = head(plan_day.day, plan_day.month, plan_day.year) + "I. CĂN CỨ\n\n"
    expected = []
    for i, off in enumerate(offsets, start=1):
        d = plan_day + timedelta(days=off)
        text += f"{i}. Thực hiện Kế hoạch số {i + 10}/KH-UBND ngày {d.day}/{d.month}/{d.year} của UBND huyện.\n\n"
        if d > plan_day:
            expected.append(("D104", len(text.split("\n")) - 2))
    got = [(c, ln) for c, ln, _s in findings(text) if c == "D104"]
    assert got == expected


@settings(max_examples=40, deadline=None)
@given(st.integers(1890, 1960), st.integers(4, 120), st.integers(-3, 3))
def test_anniversary_span(a, n, delta):
    b = a + n + delta
    text = head() + f"Chào mừng kỷ niệm {n} năm tái lập huyện ({a} - {b}).\n"
    got = [(c, ln) for c, ln, s in findings(text) if s == "error"]
    assert got == ([] if delta == 0 else [("D108", line_of(text, "kỷ niệm"))])


@settings(max_examples=40, deadline=None)
@given(st.integers(2000, 2030), st.integers(2, 10), st.integers(-2, 2))
def test_plan_period_years(a, n, delta):
    b = a + n - 1 + delta
    assume(b >= a)
    text = head(year=a) + f"Thực hiện thắng lợi kế hoạch {n} năm ({a} - {b}).\n"
    got = [(c, ln) for c, ln, s in findings(text) if c == "D107"]
    assert got == ([] if delta == 0 else [("D107", line_of(text, "kế hoạch"))])


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 6, 30)), st.integers(1, 150),
       st.integers(-20, 20))
def test_phases(start, length, shift):
    end1 = start + timedelta(days=length)
    start2 = end1 + timedelta(days=1 + shift)
    end2 = start2 + timedelta(days=60)
    text = (head(year=start.year) + f"- Đợt 1: từ ngày {start.day}/{start.month}/{start.year} đến ngày "
            f"{end1.day}/{end1.month}/{end1.year}.\n- Đợt 2: từ ngày {start2.day}/{start2.month}/{start2.year} "
            f"đến ngày {end2.day}/{end2.month}/{end2.year}.\n")
    got = [c for c, _ln, _s in findings(text) if c == "D106"]
    # a gap counts only between two long phases (28 days or more) and when it is not a weekend
    weekend = start2.weekday() == 0 and end1.weekday() in (4, 5)
    gap_judged = length + 1 >= 28 and not weekend
    assert got == (["D106"] if shift < 0 or (shift > 0 and gap_judged) else [])


@settings(max_examples=40, deadline=None)
@given(st.integers(1990, 2060), st.integers(-5, 5))
def test_year_names(year, delta):
    from planlint.facts.timeline import year_name

    stem, branch = year_name(year + delta)
    text = head(year=year) + f"Ngay sau Tết {stem} {branch}, ra quân lao động sản xuất.\n"
    got = [c for c, _ln, _s in findings(text) if c == "D110"]
    assert got == ([] if delta == 0 else ["D110"] if abs(delta) <= 3 else [])


# Whole plans ---------------------------------------------------------------------------------------

def _expected(path: Path) -> list[tuple[int, str]]:
    return sorted((ln, code) for ln, code in json.loads(path.read_text(encoding="utf-8")))


def test_fixture_clean_plan_has_no_d_or_r_finding():
    text = (FIXTURES / "ke-hoach-xa-tan-lap-2025.txt").read_text(encoding="utf-8")
    assert [f for f in lint(text, Config(show_info=True)) if f.code[0] in "DR"] == []


def test_fixture_with_planted_errors():
    path = FIXTURES / "ke-hoach-loi-phuong-dong-ha-2024.txt"
    got = sorted((f.line, f.code) for f in lint(path.read_text(encoding="utf-8")) if f.code[0] in "DR")
    assert got == _expected(path.with_suffix(".expected.json"))


def test_seed_blank_plan_dates_are_reported_as_info(seeds):
    for prefix, line in (("000", 5), ("003", 5)):
        path = next(p for p in seed_files() if p.name.startswith(prefix))
        got = findings(path.read_text(encoding="utf-8"), "D")
        assert ("D102", line, "info") in got


def test_seeds_give_no_d_error(seeds):
    for path in seeds:
        errors = [f for f in findings(path.read_text(encoding="utf-8"), "D") if f[2] == "error"]
        assert errors == [], path.name


def test_a_status_report_is_not_a_deadline():
    """ "Đến hết tháng 3/2024, xã đã đạt …" reports the past; "trước ngày 30/3/2024" in the tasks
    of a plan dated 08/04/2024 is a deadline that has already passed."""
    from planlint.engine import lint

    text = ("Số: 12/KH-UBND\n\nMinh Tân, ngày 08 tháng 4 năm 2024\n\nKẾ HOẠCH\nNông thôn mới năm 2024\n\n"
            "I. THỰC TRẠNG\n\nĐến hết tháng 3/2024, xã đã đạt 15/19 tiêu chí; còn 04 tiêu chí chưa đạt.\n\n"
            "Tính đến ngày 31/3/2024, toàn xã có 12 thôn đã hoàn thành rà soát.\n\n"
            "II. NHIỆM VỤ\n\n1. Các thôn hoàn thành rà soát trước ngày 30/3/2024.\n")
    assert [(f.code, f.line) for f in lint(text) if f.code == "D111"] == [("D111", 16)]
