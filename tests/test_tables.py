"""Tables: the parse-stage model (pipe and aligned tables), table facts and the table rules."""

from __future__ import annotations

from planlint.facts.tables import inventory, tables
from planlint.parsing.parser import parse

PIPE = """\
I. MỤC TIÊU

1. Chỉ tiêu

| STT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |
|:---:|---|---|---:|---:|
| 1 | **Tổng thu** ngân sách | triệu đồng | 1.200 | 1.320 |
| - | Thu<br>thuế | triệu đồng |  |  |
| 2 | Tỷ lệ \\| hộ nghèo | % | 2,5 | 2,0
"""

ALIGNED = """\
I. KẾT QUẢ

Biểu 01: Kết quả thực hiện
TT   Chỉ tiêu                 ĐVT        Năm 2024    Năm 2025    So sánh %
1    Thu ngân sách            triệu đồng    5.000       5.500      110,0
2    Chi ngân sách thường     triệu đồng    4.800       5.200      108,3
     xuyên
3    Tỷ lệ trẻ em tiêm chủng  %               98          99

Giao các ngành thực hiện.
"""


def test_pipe_table_cells_and_spans():
    plan = parse(PIPE)
    assert not plan.degraded
    (t,) = plan.tables
    assert t.kind == "pipe" and t.ncols == 5 and t.rule_row == 1
    assert [c.text for c in t.rows[1].cells] == ["1", "Tổng thu ngân sách", "triệu đồng", "1.200", "1.320"]
    assert t.rows[2].cells[1].text == "Thu thuế" and not t.rows[2].cells[3].text
    assert t.rows[3].cells[1].text == "Tỷ lệ | hộ nghèo"  # escaped pipe, row without its closing pipe
    c = t.rows[1].cells[3]
    assert PIPE[c.span.start:c.span.end] == "1.200"
    assert t.section is not None and t.section.heading.text == "Chỉ tiêu"


def test_aligned_table_columns_wrapped_label_and_caption():
    plan = parse(ALIGNED)
    (t,) = plan.tables
    assert t.kind == "aligned" and t.ncols == 6 and t.caption.startswith("Biểu 01")
    assert [r.cells[1].text for r in t.rows] == ["Chỉ tiêu", "Thu ngân sách", "Chi ngân sách thường xuyên",
                                                 "Tỷ lệ trẻ em tiêm chủng"]
    last = t.rows[-1]
    assert [c.text for c in last.cells[3:]] == ["98", "99", ""]
    assert ALIGNED[last.cells[4].span.start:last.cells[4].span.end] == "99"
    # the sentence after the table is prose again
    assert any(b.paragraph.text == "Giao các ngành thực hiện." for b in plan.blocks())


TAB = ("I. KẾT QUẢ\n\n"
       "STT\tChỉ tiêu\tĐVT\tKế hoạch 2025\tThực hiện 2025\tTỷ lệ đạt (%)\n"
       "I\tKINH TẾ\n"
       "1\tTổng thu ngân sách trên địa bàn\ttriệu đồng\t12.500\t13.100\t104,8\n"
       "2\tSản lượng lương thực\ttấn\t4.000\t4.180\t104,5\n"
       "\tTrong đó: lúa\ttấn\t3.600\t3.720\t\n"
       "\n"
       "Giao các ngành thực hiện.\n")


def test_tab_separated_table_counts_its_columns():
    plan = parse(TAB)
    (t,) = plan.tables
    assert t.kind == "tab" and t.ncols == 6
    assert [c.text for c in t.rows[2].cells] == ["1", "Tổng thu ngân sách trên địa bàn", "triệu đồng", "12.500",
                                                 "13.100", "104,8"]
    assert [c.text for c in t.rows[1].cells] == ["I", "KINH TẾ", "", "", "", ""]  # a section row stops early
    last = t.rows[-1]
    assert not last.cells[0].text and last.cells[1].text == "Trong đó: lúa" and not last.cells[5].text
    assert TAB[last.cells[4].span.start:last.cells[4].span.end] == "3.720"
    (tf,) = tables(plan)
    assert tf.understood and [c.role for c in tf.columns] == ["stt", "label", "unit", "value", "value", "ratio"]
    assert len(tf.ratios) == 2 and len(tf.sums) == 2  # the "Trong đó" part in both period columns


def test_tabs_that_only_align_columns_are_not_counted():
    # tab stops used to line the columns up (one or two tabs between cells): a figure row would
    # land in another column if tabs were counted, so the block is read by its alignment instead
    text = ("TT\tChỉ tiêu\t\t\tĐVT\tNăm 2025\n"
            "1\tThu ngân sách\t\t\ttr.đ\t5.000\n"
            "2\tChi ngân sách thường xuyên\ttr.đ\t4.800\n"
            "3\tVốn đầu tư\t\t\ttr.đ\t1.200\n")
    assert all(t.kind != "tab" for t in parse(text).tables)


def test_rows_are_never_joined_to_prose():
    plan = parse(PIPE)
    rows = [b.paragraph.text for b in plan.blocks() if b.paragraph.text.startswith("|")]
    assert len(rows) == 4  # one paragraph per row (the rule row is not a row)


def test_prose_with_wide_gaps_and_flattened_header_are_not_tables():
    text = ("Số: 15/KH-UBND        An Bình, ngày 10 tháng 01 năm 2026\n"
            "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n"
            "Nơi nhận:                TM. ỦY BAN NHÂN DÂN\n- Như trên;            CHỦ TỊCH\n- Lưu: VT.\n")
    assert parse(text).tables == []


def test_header_laid_out_as_a_table_is_not_a_table():
    text = ("| ỦY BAN NHÂN DÂN XÃ TÂN HÒA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
            "| Số: 64/KH-UBND | Độc lập - Tự do - Hạnh phúc |\n\nKẾ HOẠCH\n")
    plan = parse(text)
    assert plan.tables == [] and plan.header.number is not None


# -- properties: a consistent table gives nothing; one perturbed cell, one finding on its row ------

from decimal import ROUND_HALF_UP, Decimal  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from planlint.config import Config  # noqa: E402
from planlint.engine import lint  # noqa: E402
from planlint.scan.numbers import format_vn  # noqa: E402

TABLE_CODES = {"N130", "N131", "N132", "N133", "N134", "P120", "P121"}
LABELS = ["Vốn ngân sách tỉnh", "Vốn ngân sách huyện", "Vốn ngân sách xã", "Vốn doanh nghiệp",
          "Vốn dân cư", "Vốn tín dụng"]


def _table(parts: list[tuple[int, int]], ratio: bool, shift: tuple[str, int, int] | None = None) -> tuple[str, int]:
    """An investment table: a "Tổng" parent row, its parts, two years and optionally "So sánh (%)".
    ``shift`` = (what, row, delta) perturbs one cell; returns the text and the perturbed line."""
    total = (sum(a for a, _ in parts), sum(b for _, b in parts))
    rows = [("1", "Tổng vốn đầu tư", total)] + [("-", LABELS[i], p) for i, p in enumerate(parts)]
    head = "| STT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2026 |" + (" So sánh (%) |" if ratio else "")
    lines = [head, "|---" * (6 if ratio else 5) + "|"]
    for k, (num, label, (a, b)) in enumerate(rows):
        r = (Decimal(b) * 100 / Decimal(a)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if shift and shift[1] == k:
            if shift[0] == "ratio":
                r += shift[2]
            else:
                b += shift[2]
        cells = [num, label, "tỷ đồng", format_vn(Decimal(a)), format_vn(Decimal(b))]
        if ratio:
            cells.append(format_vn(r, 1))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n", (shift[1] + 3 if shift else 0)


def _table_findings(text: str) -> list:
    return [f for f in lint(text, Config(select=["N", "P"]), fragment=True) if f.code in TABLE_CODES]


# figures large enough that a perturbation of one unit of the ratio is beyond the printed rounding
# (ratios between 50% and 200%, as comparison columns print them)
parts_st = st.lists(st.tuples(st.integers(2000, 90000), st.integers(50, 200)).map(lambda p: (p[0], p[0] * p[1] // 100)),
                    min_size=2, max_size=6)


@settings(max_examples=40, deadline=None)
@given(parts=parts_st, ratio=st.booleans())
def test_a_consistent_table_gives_nothing(parts, ratio):
    text, _ = _table(parts, ratio)
    assert _table_findings(text) == []


@settings(max_examples=40, deadline=None)
@given(parts=parts_st, data=st.data())
def test_one_perturbed_ratio_cell_gives_one_finding_on_its_row(parts, data):
    row = data.draw(st.integers(0, len(parts)))
    delta = data.draw(st.sampled_from([Decimal("-3.0"), Decimal("-1.0"), Decimal("1.0"), Decimal("2.5")]))
    text, line = _table(parts, True, ("ratio", row, delta))
    found = _table_findings(text)
    assert [(f.code, f.line) for f in found] == [("N132", line)]


@settings(max_examples=40, deadline=None)
@given(parts=parts_st, delta=st.sampled_from([-7, -4, 5, 13]))  # beyond the rounding of 7 figures
def test_one_perturbed_total_gives_one_finding_on_its_row(parts, delta):
    text, line = _table(parts, False, ("value", 0, delta))
    found = _table_findings(text)
    assert [(f.code, f.line) for f in found] == [("N130", line)]


def _relayout(text: str, layout: str) -> str:
    """The pipe table of ``_table`` as Excel pastes it (one tab a cell) or as a web copy flattens it
    (single spaces, no STT column: the row number leads the label, years alone in the header)."""
    rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in text.splitlines()
            if not ln.startswith("|---")]
    if layout == "tab":
        return "".join("\t".join(r) + "\n" for r in rows)
    if layout == "lines":
        # one cell a line: the header, the labels, the unit, then each year's figures in label order
        out = ["  ĐVT " + " ".join(c.split()[-1] for c in rows[0][3:])]
        out += [(num + ". " if num.isdigit() else num + " ") + label for num, label, *_ in rows[1:]]
        out.append(rows[1][2])
        for k in range(3, len(rows[0])):
            out += [r[k] for r in rows[1:]]
        return "\n".join(out) + "\n"
    out = ["Chỉ tiêu ĐVT " + " ".join(c.split()[-1] for c in rows[0][3:])]
    for num, label, unit, *vals in rows[1:]:
        out.append(" ".join([num + ("." if num.isdigit() else ""), label, unit, *vals]))
    return "\n".join(out) + "\n"


@settings(max_examples=25, deadline=None)
@given(parts=parts_st, layout=st.sampled_from(["tab", "flat", "lines"]), data=st.data())
def test_tab_and_flattened_tables_behave_as_the_pipe_table(parts, layout, data):
    ratio = layout == "tab" and data.draw(st.booleans())
    text, _ = _table(parts, ratio)
    assert _table_findings(_relayout(text, layout)) == []
    delta = data.draw(st.sampled_from([-7, -4, 5, 13]))
    text, line = _table(parts, False, ("value", 0, delta))
    found = _table_findings(_relayout(text, layout))
    if layout == "lines":
        # the total's second-year figure: after the header, the labels, the unit and the first year
        line = 1 + 2 * (len(parts) + 1) + 1 + 1
    else:
        line -= 1  # no rule row in these layouts
    assert [(f.code, f.line) for f in found] == [("N130", line)]


# -- whole documents: clean fixtures give nothing; each planted error is found where it stands ----

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
PLANTED = json.loads((FIXTURES / "planted.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt")),
                         ids=lambda p: p.name)
def test_clean_documents_with_tables_give_no_finding(path):
    findings = lint(path.read_text(encoding="utf-8"), Config(), path=str(path))
    assert findings == []
    assert all(tf.understood for tf in tables(parse(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("case", PLANTED, ids=lambda c: f"{c['file']}:{c['line']}")
def test_planted_table_errors_are_found_on_their_row(case):
    text = (FIXTURES / case["file"]).read_text(encoding="utf-8")
    assert text.count(case["find"]) == 1
    text = text.replace(case["find"], case["replace"])
    findings = [f for f in lint(text, Config(), path=case["file"]) if f.severity == "error"]
    codes = sorted({f.code for f in findings})
    assert codes == sorted(case["codes"]), [(f.code, f.line, f.message) for f in findings]
    assert case["line"] in {f.line for f in findings}


def test_planlint_facts_lists_each_table_with_its_checks(capsys):
    from planlint.cli import main

    path = FIXTURES / "bao-cao-xa-phu-hung-2025.txt"
    rows = inventory(parse(path.read_text(encoding="utf-8")))
    assert [r.data["kind"] for r in rows] == ["aligned", "aligned", "aligned"]
    assert "So sánh TH/KH (%) [ratio (5)/(4), header]" in rows[0].text
    main(["facts", str(path)])
    out = capsys.readouterr().out
    assert "table 3 (Biểu 03: Hộ nghèo theo thôn)" in out
    assert "P120  ✓" in out and "N131  ✓" in out and "N132  ✓" in out and "N130  ✓" in out


# -- P121: a rate row against its count row and all households, in any layout ---------------------

ledger_st = st.lists(st.tuples(st.integers(800, 20000), st.integers(1, 30)).map(lambda p: (p[0], p[0] * p[1] // 100)),
                     min_size=2, max_size=5)


def _rate_table(cols: list[tuple[int, int]], layout: str, bump: tuple[int, Decimal] | None = None) -> str:
    """Households, poor households and their rate (two decimals), one column per year."""
    years = [str(2020 + k) for k in range(len(cols))]
    rates = [(Decimal(p) * 100 / Decimal(h)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for h, p in cols]
    if bump is not None:
        rates[bump[0]] += bump[1]
    rows = [("Tổng số hộ", "hộ", [format_vn(Decimal(h)) for h, _ in cols]),
            ("Số hộ nghèo", "hộ", [format_vn(Decimal(p)) for _, p in cols]),
            ("Tỷ lệ hộ nghèo", "%", [format_vn(r, 2) for r in rates])]
    if layout == "pipe":
        lines = ["| Chỉ tiêu | ĐVT | " + " | ".join(f"Năm {y}" for y in years) + " |",
                 "|---" * (2 + len(cols)) + "|"]
        lines += ["| " + " | ".join([a, b, *v]) + " |" for a, b, v in rows]
    else:
        lines = ["Chỉ tiêu ĐVT " + " ".join(years)] + [" ".join([a, b, *v]) for a, b, v in rows]
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None)
@given(cols=ledger_st, layout=st.sampled_from(["pipe", "flat"]), data=st.data())
def test_rate_rows_consistent_give_nothing_and_one_wrong_rate_one_finding(cols, layout, data):
    assert _table_findings(_rate_table(cols, layout)) == []
    k = data.draw(st.integers(0, len(cols) - 1))
    bump = data.draw(st.sampled_from([Decimal("-0.5"), Decimal("0.3"), Decimal("1.2")]))
    text = _rate_table(cols, layout, (k, bump))
    found = _table_findings(text)
    rate_line = len(text.splitlines())  # the rate row is the last line
    assert [(f.code, f.line) for f in found] == [("P121", rate_line)]


CELL_LINES = """\
BÁO CÁO
Một số chỉ tiêu kinh tế - xã hội chủ yếu năm 2021 - 2023

I. CHỈ TIÊU

  ĐVT 2021 2022 2023
1. Dân số trung bình
Phân theo giới tính
     Nam
     Nữ
Người

41250

20110
21140
42010

20480
{women}
42730

20890
21840
2. Tỷ lệ tăng tự nhiên dân số % 9,1 8,7 8,2
"""


def test_a_table_of_one_cell_a_line_is_read_and_keeps_the_numbering():
    from planlint.config import Config
    from planlint.engine import lint

    plan = parse(CELL_LINES.format(women="21530"))
    (tf,) = [tf for tf in plan.fact(tables) if tf.table.kind == "lines"]
    assert [r.label for r in tf.rows] == ["Dân số trung bình", "Phân theo giới tính", "Nam", "Nữ"]
    assert len(tf.sums) == 3  # one a year
    clean = [f.code for f in lint(CELL_LINES.format(women="21530"), Config()) if f.severity == "error"]
    assert clean == []
    bad = [(f.code, f.line) for f in lint(CELL_LINES.format(women="21630"), Config()) if f.severity == "error"]
    assert bad == [("N130", 17)]  # the 2022 population: 20480 + 21630 ≠ 42010
