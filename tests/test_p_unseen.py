"""Plans nobody tuned the P rules on (tests/fixtures/p/unseen/, written for the second pass): every
clean plan gives no error of any family and no P finding; each planted error, in a phrasing of its
own, gives exactly the expected P finding on the changed line or just below (as the scoreboard counts).
"""

from __future__ import annotations

import pytest
from conftest import ROOT

import planlint
from planlint.config import Config
from planlint.engine import lint_source
from planlint.parsing.source import Source

UNSEEN = ROOT / "tests" / "fixtures" / "p" / "unseen"
PLANS = sorted(p.name for p in UNSEEN.iterdir() if p.suffix in (".txt", ".md"))

# file, find, replace, code, severity
PLANTED = [
    ("ke-hoach-giam-ngheo-xa-ea-tieu-2025.txt", "thoát nghèo trong năm: 31 hộ", "thoát nghèo trong năm: 33 hộ",
     "P101", "error"),
    ("ke-hoach-giam-ngheo-xa-ea-tieu-2025.txt", "giảm 0,94 điểm phần trăm", "giảm 0,49 điểm phần trăm",
     "P102", "error"),
    ("ke-hoach-giam-ngheo-xa-ea-tieu-2025.txt", "Cuối năm còn 129 hộ", "Cuối năm còn 139 hộ", "P101", "error"),
    ("ke-hoach-giam-ngheo-xa-ea-tieu-2025.txt", "611 nhân khẩu, chiếm 5,81%", "611 nhân khẩu, chiếm 5,18%",
     "P103", "error"),
    ("ke-hoach-giam-ngheo-xa-ea-tieu-2025.txt", "rơi vào cận nghèo: 6 hộ", "rơi vào cận nghèo: 6 nhân khẩu",
     "P104", "warning"),
    ("ke-hoach-thi-dua-phuong-dong-xuyen-2025.md", "Năm 2025 giảm 9 hộ nghèo", "Năm 2025 giảm 8 hộ nghèo",
     "P101", "error"),
    ("ke-hoach-thi-dua-phuong-dong-xuyen-2025.md", "giảm 0,22 điểm phần trăm", "giảm 0,12 điểm phần trăm",
     "P102", "error"),
    # a rate of the start (last year's end): a warning, the household total may have moved since
    ("ke-hoach-thi-dua-phuong-dong-xuyen-2025.md", "0,51% và 1,41%", "0,51% và 1,14%", "P103", "warning"),
    ("ke-hoach-kinh-te-xa-hoi-huyen-van-ban-2025.txt", "tương ứng giảm 742 hộ", "tương ứng giảm 724 hộ",
     "P101", "error"),
    ("ke-hoach-kinh-te-xa-hoi-huyen-van-ban-2025.txt", "giảm 2,77 điểm", "giảm 2,67 điểm", "P102", "error"),
    ("ke-hoach-kinh-te-xa-hoi-huyen-van-ban-2025.txt", "xuống còn 2.702 hộ", "xuống còn 2.072 hộ", "P101", "error"),
    ("ke-hoach-nong-thon-moi-xa-my-thanh-2025.txt", "cuối năm còn 41 hộ", "cuối năm còn 39 hộ", "P101", "error"),
    ("ke-hoach-nong-thon-moi-xa-my-thanh-2025.txt", "có 25 hộ thoát nghèo", "có 27 hộ thoát nghèo", "P101", "error"),
    ("ke-hoach-phat-trien-kt-xh-xa-tan-thuy-2026.txt", "số hộ nghèo giảm 17 hộ", "số hộ nghèo giảm 19 hộ",
     "P101", "error"),
    ("ke-hoach-phat-trien-kt-xh-xa-tan-thuy-2026.txt", "còn 197 khẩu", "còn 187 khẩu", "P101", "error"),
    ("ke-hoach-y-te-giao-duc-phuong-an-lac-2025.md", "12 hộ và 20 hộ", "12 hộ và 22 hộ", "P101", "error"),
    ("ke-hoach-giam-ngheo-tinh-2025.md", "giảm 4,98% so với đầu năm", "giảm 4,89% so với đầu năm", "P102", "error"),
    ("ke-hoach-giam-ngheo-tinh-2025.md", "so với đầu năm (29,84%)", "so với đầu năm (29,48%)", "P102", "error"),
]


def check(path: str, text: str, families: list[str] | None = None) -> list:
    cfg = Config(select=families) if families else Config()
    return lint_source(Source(path, text), cfg)


@pytest.mark.parametrize("name", PLANS)
def test_clean_plan_gives_no_error_and_no_p_finding(name):
    text = (UNSEEN / name).read_text(encoding="utf-8")
    findings = check(name, text)
    assert [(f.line, f.code, f.message) for f in findings if f.severity == "error"] == []
    assert [(f.line, f.code, f.message) for f in findings if f.code.startswith("P")] == []


@pytest.mark.parametrize("name,find,replace,code,severity", PLANTED)
def test_planted_error_gives_exactly_the_expected_finding(name, find, replace, code, severity):
    text = (UNSEEN / name).read_text(encoding="utf-8")
    assert text.count(find) == 1, find
    changed = text[:text.index(find)].count("\n") + 1
    findings = check(name, text.replace(find, replace), ["P"])
    got = [(f.code, f.severity) for f in findings]
    assert got == [(code, severity)], [(f.line, f.code, f.message) for f in findings]
    assert changed <= findings[0].line <= changed + 12


def test_unseen_ledgers_are_read(capsys):
    """The ledgers of the unseen plans are read and proved (a regression of the reading shows here)."""
    proved = 0
    for name in PLANS:
        text = (UNSEEN / name).read_text(encoding="utf-8")
        from planlint.engine import Context

        cfg = Config(select=["P"])
        ctx = Context(planlint.parse(text, name), cfg)
        lint_source(Source(name, text), cfg, context=ctx)
        proved += sum(1 for v in ctx.verdicts if v.kind in ("ledger", "rate fall") and v.ok)
    assert proved >= 15


# -- phrasings met while writing the unseen plans: read and proved, and one wrong figure found ---------

HEAD = "2. Chỉ tiêu xã hội:\n\n"

# statement, find, replace (the planted error), code
PHRASINGS = [
    # the role stated before "toàn xã có"
    ("- Đầu năm 2024 toàn xã có 64 hộ nghèo, trong năm có 25 hộ thoát nghèo, 2 hộ phát sinh, cuối năm còn 41 hộ.",
     "còn 41 hộ", "còn 43 hộ", "P101"),
    # counts in brackets after the rates they go with; a fall in points, then "tương ứng giảm"
    ("- Giảm tỷ lệ hộ nghèo từ 11,62% (3.118 hộ) xuống còn 8,85% (2.376 hộ), giảm 2,77 điểm phần trăm, "
     "tương ứng giảm 742 hộ.", "giảm 742 hộ", "giảm 724 hộ", "P101"),
    ("- Giảm tỷ lệ hộ nghèo từ 11,62% (3.118 hộ) xuống còn 8,85% (2.376 hộ), giảm 2,77 điểm phần trăm, "
     "tương ứng giảm 742 hộ.", "giảm 2,77 điểm", "giảm 2,67 điểm", "P102"),
    # "tương ứng" as "respectively", and a footnote mark after a figure
    ("- Số hộ nghèo, hộ cận nghèo đầu năm tương ứng là 38 hộ và 75 hộ[^1]; đến cuối năm giảm tương ứng 12 hộ và "
     "20 hộ, còn tương ứng 26 hộ và 55 hộ.", "20 hộ, còn", "22 hộ, còn", "P101"),
    # "lần lượt" rates with the counts in brackets; last year's end is this year's start
    ("- Tỷ lệ hộ nghèo và hộ cận nghèo cuối năm 2024 lần lượt là 0,51% và 1,41% (21 hộ nghèo, 58 hộ cận nghèo "
     "trên tổng số 4.126 hộ).\n- Năm 2025 giảm 9 hộ nghèo và 18 hộ cận nghèo; đến cuối năm còn 12 hộ nghèo (0,29%) "
     "và 40 hộ cận nghèo (0,97%); tỷ lệ hộ nghèo giảm 0,22 điểm phần trăm.", "giảm 0,22", "giảm 0,12", "P102"),
    ("- Tỷ lệ hộ nghèo và hộ cận nghèo cuối năm 2024 lần lượt là 0,51% và 1,41% (21 hộ nghèo, 58 hộ cận nghèo "
     "trên tổng số 4.126 hộ).\n- Năm 2025 giảm 9 hộ nghèo và 18 hộ cận nghèo; đến cuối năm còn 12 hộ nghèo (0,29%) "
     "và 40 hộ cận nghèo (0,97%); tỷ lệ hộ nghèo giảm 0,22 điểm phần trăm.", "18 hộ cận", "19 hộ cận", "P101"),
    # the same figures in people, beside the households
    ("- Số hộ nghèo đầu năm 46 hộ với 158 nhân khẩu; giảm 14 hộ với 47 nhân khẩu; cuối năm còn 32 hộ với "
     "111 nhân khẩu.", "111 nhân", "121 nhân", "P101"),
    # "chiếm 3,81% và hộ cận nghèo …": the category after "và" is the next figure's
    ("- Toàn xã có 2.650 hộ; trong đó hộ nghèo 101 hộ, chiếm 3,81% và hộ cận nghèo 166 hộ, chiếm 6,26%.",
     "chiếm 3,81%", "chiếm 3,18%", "P103"),
    ("- Đầu năm, hộ nghèo 101 hộ và hộ cận nghèo 166 hộ; trong năm giảm 31 hộ nghèo và 40 hộ cận nghèo; cuối năm "
     "còn 70 hộ nghèo và 126 hộ cận nghèo.", "40 hộ cận", "41 hộ cận", "P101"),
    # households and people on either side of a slash
    ("- Số hộ nghèo đầu năm 46 hộ/158 khẩu; giảm 14 hộ/47 khẩu; cuối năm còn 32 hộ/111 khẩu.",
     "32 hộ/111", "32 hộ/121", "P101"),
    # pairs of figures, one per category
    ("- Số hộ nghèo, cận nghèo đầu năm: 46 hộ/94 hộ; giảm trong năm: 14 hộ/65 hộ; cuối năm: 32 hộ/29 hộ.",
     "32 hộ/29 hộ", "32 hộ/39 hộ", "P101"),
]


def _verdicts(text: str) -> list:
    from planlint.engine import Context

    cfg = Config(select=["P"])
    ctx = Context(planlint.parse(text, "x"), cfg)
    findings = lint_source(Source("x", text), cfg, context=ctx, fragment=True)
    return [(f.code, f.line) for f in findings], list(ctx.verdicts)


@pytest.mark.parametrize("statement,find,replace,code", PHRASINGS)
def test_phrasing_is_read_and_its_wrong_figure_found(statement, find, replace, code):
    findings, verdicts = _verdicts(HEAD + statement + "\n")
    assert findings == []
    assert verdicts and all(v.ok for v in verdicts)
    assert statement.count(find) == 1
    bad = HEAD + statement.replace(find, replace) + "\n"
    line = bad[:bad.index(replace)].count("\n") + 1
    findings, _ = _verdicts(bad)
    assert [c for c, _ in findings] == [code]
    assert line <= findings[0][1] <= line + 1


@pytest.mark.parametrize("statement", [
    # "52 hộ/2.418 hộ" is a count over all households, not a pair of categories
    "- Tỷ lệ hộ nghèo, cận nghèo: 2,15% (52 hộ/2.418 hộ), 3,35% (81 hộ/2.418 hộ).",
    "- Số hộ thoát nghèo 14/46 hộ, đạt 30,4%; số hộ nghèo cuối năm còn 32 hộ.",
    # people who are not the ledger's
    "- Đầu năm 46 hộ nghèo, 158 người được hỗ trợ; giảm 14 hộ; cuối năm còn 32 hộ nghèo.",
    # "tương ứng" meaning "that is", with one category
    "- Tỷ lệ hộ nghèo giảm 0,5 điểm phần trăm, tương ứng giảm 12 hộ; hộ cận nghèo còn 40 hộ.",
    # a share of the poor, a campaign, a stock of houses
    "- Toàn xã có 1.850 hộ; hộ nghèo 46 hộ (2,49%), trong đó hộ nghèo là đồng bào dân tộc thiểu số chiếm 68%.",
    "- Hỗ trợ 46 hộ nghèo vay vốn, giảm 14 hộ có nhà tạm, còn 32 hộ chưa có nhà kiên cố.",
    "- Số hộ nghèo năm 2023: 88 hộ; năm 2024: 71 hộ; năm 2025: 55 hộ.",
    "- Tỷ lệ hộ nghèo và cận nghèo giảm 1,2%, tương ứng 40 hộ.",
    "- Tỷ lệ hộ nghèo cuối năm còn 2,42% (trừ 15 hộ thuộc diện bảo trợ xã hội).",
    "- Tỷ lệ hộ nghèo cuối năm 2,42% (Quyết định số 512/QĐ-UBND ngày 20/12/2024).",
    "- Hộ nghèo 46 hộ/1.850 hộ, chiếm 2,49%.",
    "- Năm 2024: giảm 14 hộ nghèo (còn 32 hộ); năm 2025: giảm 10 hộ (còn 22 hộ).",
])
def test_statements_that_are_no_ledger_give_nothing(statement):
    findings, verdicts = _verdicts(HEAD + statement + "\n")
    assert findings == []
    assert all(v.ok for v in verdicts)
