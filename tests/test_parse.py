"""The parse: header, title, preamble, nested body, closing; export debris; never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planlint
from planlint.parsing.tree import Plan

DRAFT = """\
ỦY BAN NHÂN DÂN XÃ HÒA AN

Số: 21 /KH-UBND

Hòa An, ngày 05 tháng 01 năm 2026

## KẾ HOẠCH Phát động phong trào thi đua năm 2026

Căn cứ Nghị quyết số 30/NQ-HĐND ngày 20/12/2025 của HĐND xã;

## I. MỤC ĐÍCH

### **1. Mục đích**

- Động viên cán bộ, công chức thi đua hoàn thành nhiệm vụ phát triển kinh tế

- xã hội năm 2026 và nâng cao đời sống Nhân dân.

- Thông qua phong trào, phát hiện, nhân rộng các điển hình tiên tiến;

kịp thời biểu dương, khen thưởng.

### **II. CHỈ TIÊU**

1. Chỉ tiêu kinh tế

**1.1.** Giá trị sản xuất: thương mại và dịch vụ

40,5%; công nghiệp 35,5%; nông nghiệp 24%.

2. Chỉ tiêu xã hội

- (1) Tỷ lệ hộ nghèo còn 1,2%.
- (2) Có 05/05 trường đạt chuẩn.

3. Chỉ tiêu khác

a) *Chỉ tiêu môi trường:*

đ) Chỉ tiêu quốc phòng

Nơi nhận:
- Như trên;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Nguyễn Văn An
"""


def plan() -> Plan:
    return planlint.parse(DRAFT)


def line_of(p: Plan, offset: int) -> int:
    return p.position(offset)[0]


def test_header_title_preamble():
    p = plan()
    assert p.header.number is not None and p.header.number.text == "Số: 21 /KH-UBND"
    assert p.header.place_date is not None and "ngày 05 tháng 01" in p.header.place_date.text
    assert [i.text for i in p.header.issuer] == ["ỦY BAN NHÂN DÂN XÃ HÒA AN"]
    assert p.title is not None and p.title.type_code == "KH"
    assert p.title.summary is not None and p.title.summary.text == "Phát động phong trào thi đua năm 2026"
    assert [line_of(p, q.span.start) for q in p.preamble] == [9]
    assert p.recognised


def test_title_on_its_own_line_takes_the_next_paragraph_as_summary():
    p = planlint.parse("KẾ HOẠCH\n\nPhát động thi đua\nnăm 2026\n\nThực hiện Kế hoạch số 1/KH-UBND;\n\nI. A\n")
    assert p.title is not None and p.title.summary is not None
    assert p.title.summary.text == "Phát động thi đua năm 2026"
    assert [q.text for q in p.preamble] == ["Thực hiện Kế hoạch số 1/KH-UBND;"]


def test_body_nesting_and_markers():
    p = plan()
    top = [s.marker.display() for s in p.body]
    assert top == ["I.", "II."]
    one = p.body[0].children[0]
    assert (one.marker.kind, one.marker.md_level, one.marker.bold) == ("arabic", 3, True)
    ii = p.body[1]
    kinds = [(c.marker.kind, c.marker.display()) for c in ii.children]
    assert kinds == [("arabic", "1."), ("arabic", "2."), ("arabic", "3.")]
    assert [c.marker.display() for c in ii.children[0].children] == ["1.1."]
    two, three = ii.children[1], ii.children[2]
    assert [(c.marker.kind, c.marker.label, c.marker.bullet) for c in two.children] == [
        ("paren", "1", "-"), ("paren", "2", "-")]
    assert [(c.marker.kind, c.marker.label) for c in three.children] == [("point", "a"), ("point", "đ")]
    assert three.children[1].marker.value == 5  # đ is the fifth Vietnamese point letter


def test_export_debris_joins_paragraphs():
    p = plan()
    bullets = p.body[0].children[0].children
    # "- xã hội …" after an unfinished sentence continues it; it is not a bullet
    assert len(bullets) == 2
    assert bullets[0].heading.text.endswith("phát triển kinh tế - xã hội năm 2026 và nâng cao đời sống Nhân dân.")
    # a sentence broken by a blank line (lower-case start) continues the bullet
    assert bullets[1].heading.text.endswith("tiên tiến; kịp thời biểu dương, khen thưởng.")
    # the shares continue after a blank line
    d = p.body[1].children[0].children[0]
    assert d.heading.text == "Giá trị sản xuất: thương mại và dịch vụ 40,5%; công nghiệp 35,5%; nông nghiệp 24%."
    # emphasis markers are not text
    assert p.body[1].children[2].children[0].heading.text == "Chỉ tiêu môi trường:"


def test_paragraph_spans_map_back_to_source():
    p = plan()
    d = p.body[1].children[0].children[0].heading
    i = d.text.index("40,5%")
    span = d.span_of(i, i + 5)
    assert p.source.text[span.start:span.end] == "40,5%"
    assert line_of(p, span.start) == d.lines[-1] + 1
    m = p.body[1].marker
    assert p.source.text[m.span.start:m.span.end] == "II."


def test_closing():
    p = plan()
    assert p.closing.recipients_head is not None
    assert [r.text for r in p.closing.recipients] == ["Như trên;", "Lưu: VT."]
    assert [s.text for s in p.closing.signature] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]


def test_blocks_cover_every_paragraph_once_in_order():
    p = plan()
    starts = [b.paragraph.span.start for b in p.blocks()]
    assert starts == sorted(starts)
    assert len(starts) == len(set(starts))
    parts = {b.part for b in p.blocks()}
    assert parts == {"header", "title", "preamble", "heading", "closing"}  # no loose body text here


def test_not_a_plan():
    for text in ("", "\n\n", "# README\n\nInstall with pip.\n", "Gạo 2 kg\nMuối 1 gói\n"):
        assert not planlint.parse(text).recognised


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_parse_never_raises_on_any_text(text):
    assert not planlint.parse(text).degraded
    planlint.lint(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["I.", "II-", "1.", "1.1.", "2.3.1", "a)", "đ)", "f)", "(1)", "- (2)", "-", "+", "*",
                                 "•", "Phần I", "Điều 2", "## ", "**", "Nơi nhận:", "TM. UBND", "KẾ HOẠCH", "Số: /KH",
                                 "\x00", "\x0b", "\u200b", "\r", "x" * 50]),
                max_size=60))
def test_parse_never_raises_on_marker_soup(parts):
    text = "\n".join(" ".join(parts[i:i + 3]) for i in range(0, len(parts), 2))
    assert not planlint.parse(text).degraded
    planlint.lint(text)


def test_pathological_inputs():
    planlint.lint("KẾ HOẠCH\n" + "x" * 200_000 + "\n")  # a very long line
    deep = "KẾ HOẠCH\n" + "\n".join(f"{m} mục" for _ in range(1000)
                                     for m in ("I.", "1.", "1.1.", "1.1.1", "a)", "(1)", "-", "+", "•", "Phần I"))
    findings = planlint.lint(deep)  # 10 000 markers
    assert findings
    planlint.lint("\n".join("- " * (k % 30) + "(1)" for k in range(10_000)))


def test_appendix_after_the_signature_is_body_again():
    text = ("KẾ HOẠCH\nThi đua\n\nI. A\n\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn An\n\n"
            "PHỤ LỤC\nCHỈ TIÊU CHỦ YẾU\n\nI. Kinh tế\n\n1. x\n\n1. y\n")
    p = planlint.parse(text)
    assert not p.degraded
    assert [s.marker.display() for s in p.sections()] == ["I.", "I.", "1.", "1."]
    assert [x.text for x in p.closing.signature] == ["CHỦ TỊCH", "Nguyễn An"]
    # the appendix numbers afresh: its I. is not a repeat of the body's I.
    assert [(f.code, f.line) for f in planlint.lint(text) if f.code.startswith("S")] == [("S103", 20)]


def test_two_column_header_and_closing_flattened_into_lines():
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc\n"
            "Số: 15/KH-UBND          An Bình, ngày 10 tháng 01 năm 2026\n\n"
            "KẾ HOẠCH\nThi đua năm 2026\n\nI. MỤC ĐÍCH\n\n1. Động viên thi đua.\n\n"
            "Nơi nhận:                        TM. ỦY BAN NHÂN DÂN\n"
            "- UBND huyện;                    CHỦ TỊCH\n"
            "- Lưu: VT,   VP.\n\nLê Văn Bình\n")
    p = planlint.parse(text)
    assert p.header.number is not None and p.header.number.text == "Số: 15/KH-UBND"
    assert p.header.place_date is not None and p.header.place_date.text == "An Bình, ngày 10 tháng 01 năm 2026"
    assert p.position(p.header.place_date.span.start) == (3, 25)
    assert [r.text for r in p.closing.recipients] == ["UBND huyện;", "Lưu: VT,   VP."]
    assert [s.text for s in p.closing.signature] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Bình"]
    assert not p.degraded


def test_fixture_plans_with_other_structures_are_clean():
    from conftest import ROOT

    for path in sorted((ROOT / "tests" / "fixtures" / "s").iterdir()):
        findings = planlint.lint(path.read_text(encoding="utf-8"), path=str(path))
        assert [(f.line, f.code, f.message) for f in findings if f.severity != "info"] == [], path.name


def test_header_as_a_markdown_table():
    text = ("| ỦY BAN NHÂN DÂN XÃ TÂN HÒA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
            "| Số: 64/KH-UBND | Độc lập - Tự do - Hạnh phúc |\n|  | Tân Hòa, ngày 15 tháng 01 năm 2025 |\n\n"
            "# KẾ HOẠCH\n\nThi đua năm 2025\n\n## I. MỤC ĐÍCH\n\n1. Thi đua.\n\n"
            "| Chỉ tiêu | 2025 |\n|---|---|\n| A | 1 |\n")
    p = planlint.parse(text)
    assert p.header.number is not None and p.header.number.text == "Số: 64/KH-UBND"
    assert p.position(p.header.number.span.start) == (3, 3)
    assert p.header.place_date is not None and p.header.place_date.text == "Tân Hòa, ngày 15 tháng 01 năm 2025"
    assert [m.text for m in p.header.motto] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    # a table in the body stays text
    assert [q.text for q in p.body[0].children[0].paragraphs] == ["| Chỉ tiêu | 2025 |", "| A | 1 |"]
