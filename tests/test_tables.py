"""Tables: the parse-stage model (pipe and aligned tables), table facts and the table rules."""

from __future__ import annotations

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
    assert t.rows[2].cells[1].text == "Thu thuế" and t.rows[2].cells[3].empty
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
