"""The figure reader: the cue vocabulary, the typed token stream, statements, N111."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlint.config import Config
from planlint.data import vocabulary
from planlint.engine import lint
from planlint.facts.statements import blocks, quantities_by_block, statements, token_stream
from planlint.parsing.parser import parse
from planlint.scan.tokens import cue_classes, tokenize, trie
from planlint.scan.units import lexicon


def token_streams(plan) -> list[list]:
    """The typed token stream of every block the N rules read (index = block index)."""
    by_block = plan.fact(quantities_by_block)
    return [token_stream(b.paragraph.text, by_block.get(bi, [])) for bi, b in enumerate(plan.fact(blocks))]


def plan(statement: str):
    return parse("II. KẾT QUẢ\n\n- " + statement + "\n")


def n111(statement: str) -> list[str]:
    cfg = Config(select=["N111"])
    return [f.message for f in lint("II. KẾT QUẢ\n\n- " + statement + "\n", cfg, fragment=True)]


# -- the data ------------------------------------------------------------------------------------


def test_cue_words_are_unique_and_in_one_class():
    seen: dict[str, str] = {}
    for cls, words in cue_classes().items():
        assert words, f"cue class {cls} is empty"
        assert cls.isupper() and cls.isidentifier(), cls
        for w in words:
            key = " ".join(w.lower().split())
            assert key == w.lower().strip(), f"{w!r}: extra spaces"
            assert key not in seen, f"{w!r} is in {seen.get(key)} and {cls}"
            seen[key] = cls


def test_cue_words_are_not_units():
    units = set(lexicon().by_form)
    clash = [w for words in cue_classes().values() for w in words if w.lower() in units]
    assert not clash, f"cue words that are also units: {clash}"


def test_cue_classes_are_terminals_of_the_grammar():
    from planlint.data import grammar_path

    grammar = grammar_path("figures.lark").read_text(encoding="utf-8")
    for cls in cue_classes():
        assert cls in grammar, f"cue class {cls} is not declared in grammar/figures.lark"


def test_cue_words_are_not_sector_labels():
    # a cue word must not be the name of what a figure counts (a label)
    sectors = vocabulary("sectors").get("sectors", {})
    names = {str(e.get("name", "")).lower() for e in sectors.values()}
    assert not names & {w.lower() for ws in cue_classes().values() for w in ws}


# -- the token stream ----------------------------------------------------------------------------


def test_tokens_cues_labels_boundaries():
    text = "Thu ngân sách đạt 112% dự toán (dự toán 16,5 tỷ), so với cùng kỳ tăng."
    a, b = text.index("112"), text.index("16,5")
    toks = tokenize(text, [(b, b + 7, "NUM", None), (a, a + 4, "PCT", None)])
    kinds = [t.kind for t in toks]
    assert kinds == ["LABEL", "REACH", "PCT", "PLAN", "LPAR", "PLAN", "NUM", "RPAR", "COMMA",
                     "COMPARE", "PAST", "UP", "DOT"]
    assert toks[0].text == "Thu ngân sách"
    assert toks[6].text == "16,5 tỷ"


def test_longest_cue_wins():
    t = trie()
    assert t.match(["so", "với", "cùng", "kỳ"], 0) == ("COMPARE", 2)
    assert t.match(["trong", "đó", "có"], 0) == ("IN_WHICH", 2)
    assert t.match(["nông", "nghiệp"], 0) is None


@given(st.text(alphabet="ab đạtăng;:,.()-0123456789%", max_size=60))
def test_tokens_cover_text_in_order(text):
    toks = tokenize(text, [])
    for a, b in zip(toks, toks[1:], strict=False):
        assert a.end <= b.start
    for t in toks:
        assert text[t.start:t.end] == t.text and t.text


def test_token_stream_per_block():
    p = plan("Trồng mới 12,5 ha rừng, đạt 89,3% kế hoạch (kế hoạch 15 ha).")
    kinds = [t.kind for t in p.fact(token_streams)[-1]]
    assert kinds[:8] == ["LABEL", "NUM", "LABEL", "COMMA", "REACH", "PCT", "PLAN", "LPAR"]


# -- statements ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, kind, value, pct, base, sign", [
    ("Thu ngân sách ước đạt 18,64 tỷ đồng, đạt 112,4% dự toán huyện giao (dự toán 16,5 tỷ đồng).",
     "achievement", "18.64", "112.4", "16.5", 1),
    ("Tổng vốn đầu tư 6 tháng ước đạt 1.286 tỷ đồng, bằng 48,6% kế hoạch năm (kế hoạch 2.780 tỷ đồng).",
     "achievement", "1286", "48.6", "2780", 1),
    ("Trồng mới 12,5 ha rừng phòng hộ, đạt 89,3% kế hoạch (kế hoạch 15 ha), do thiếu cây giống.",
     "achievement", "12.5", "89.3", "15", 1),
    ("Giá trị sản xuất ước đạt 265,0 tỷ đồng, tăng 12,8% so với cùng kỳ (năm 2024 đạt 241,0 tỷ đồng).",
     "change", "265.0", "12.8", "241.0", 1),
    ("Thu ngân sách đạt 152,4 tỷ đồng, tăng 14,2% so với cùng kỳ năm 2025 (136,1 tỷ đồng).",
     "change", "152.4", "14.2", "136.1", 1),
    ("Số vụ tai nạn giao thông 45 vụ, giảm 10% so với năm 2024 (50 vụ).", "change", "45", "10", "50", -1),
    ("Giá trị xuất khẩu đạt 56,25 triệu USD, vượt 12,5% kế hoạch (kế hoạch 50 triệu USD).",
     "exceed", "56.25", "12.5", "50", 1),
    ("Tổng vốn đầu tư đạt 84 tỷ đồng, vượt 5% so với kế hoạch (84 tỷ đồng).", "exceed", "84", "5", "84", 1),
    ("Thu nhập bình quân đạt 64 triệu đồng, tăng 1,6 lần so với năm 2020 (năm 2020: 40 triệu đồng).",
     "ratio", "64", "1.6", "40", 1),
    ("Vốn tín dụng chính sách đạt 90 tỷ đồng, gấp 3 lần so với năm 2020 (30 tỷ đồng).", "ratio", "90", "3", "30", 1),
    ("Số vụ cháy rừng 6 vụ, giảm 2 lần so với cùng kỳ (12 vụ).", "ratio", "6", "2", "12", -1),
    ("Sản lượng lúa đạt 152 tấn, bằng 95% cùng kỳ (năm 2024: 160 tấn).", "achievement", "152", "95", "160", 1),
    # the other value in brackets before the percentage
    ("Thu ngân sách đạt 12,6 tỷ đồng (dự toán 12,0 tỷ đồng), bằng 105% dự toán.",
     "achievement", "12.6", "105", "12.0", 1),
    ("Sản lượng thủy sản 540 tấn (năm 2024: 500 tấn), tăng 8% so với cùng kỳ.", "change", "540", "8", "500", 1),
    # the percentage first, the value and its base in the next clause
    ("Doanh thu du lịch đạt 102,3% so với cùng kỳ, đạt 245 tỷ đồng (năm 2024: 239,5 tỷ đồng).",
     "achievement", "245", "102.3", "239.5", 1),
    ("Tổng mức bán lẻ tăng 10,7% so với cùng kỳ, đạt 217 tỷ đồng (năm 2024: 196 tỷ đồng).",
     "change", "217", "10.7", "196", 1),
    # each value after its year in two clauses, then the percentage
    ("Năm 2024 đạt 160 tấn; năm 2025 sản lượng lúa đạt 152 tấn, bằng 95% so với cùng kỳ.",
     "achievement", "152", "95", "160", 1),
    ("Sản lượng lúa năm 2024 đạt 160 tấn, năm 2025 đạt 152 tấn, giảm 5% so với năm 2024.",
     "change", "152", "5", "160", -1),
    # a bare base closing its brackets: in the value's unit
    ("Số doanh nghiệp thành lập mới 1.148 doanh nghiệp, giảm 8,2% so với năm trước (năm 2024: 1.250).",
     "change", "1148", "8.2", "1250", -1),
])
def test_statements_recognised(text, kind, value, pct, base, sign):
    [s] = plan(text).fact(statements)
    assert (s.kind, s.value.value, s.pct.value, s.base.value, s.sign) == (
        kind, Decimal(value), Decimal(pct), Decimal(base), sign)
    assert s.label


@pytest.mark.parametrize("text", [
    "Thu ngân sách đạt 112% dự toán.",  # no second value: nothing to check
    "Tỷ lệ hộ nghèo 2,5%, giảm 0,5% so với cùng kỳ (3,0%).",  # a rate: points or per cent, unknown
    "Thu ngân sách 20 tỷ đồng, trong đó thu nội địa đạt 105% dự toán.",
    "Giá trị sản xuất tăng 10% so với cùng kỳ; năm 2024 đạt 241 tỷ đồng.",
    "Thu nhập tăng ít nhất 1,8 lần so với năm 2015.",  # no values, and a bound
    "Tỷ lệ che phủ rừng vượt 45%, diện tích rừng 1.200 ha (năm 2024: 1.150 ha).",  # "vượt" = above
    # a bracket both before and after the percentage: which one is the base is not certain
    "Thu ngân sách 12,6 tỷ đồng (dự toán 12 tỷ đồng), đạt 105% dự toán (năm 2024: 11 tỷ đồng).",
    # two years, but the percentage is against a third one
    "Sản lượng lúa năm 2024 đạt 160 tấn, năm 2025 đạt 152 tấn, giảm 7% so với năm 2020.",
    # a bare base far from the value is in another unit (triệu đồng against tỷ đồng)
    "Thu từ dịch vụ đạt 2,5 tỷ đồng, tăng 4,2% so với năm trước (năm 2024: 2.400).",
])
def test_no_statement_without_its_two_values(text):
    assert [s for s in plan(text).fact(statements) if s.checkable()] == []


# -- N111 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Thu ngân sách ước đạt 18,64 tỷ đồng, đạt 112,4% dự toán (dự toán 16,5 tỷ đồng).",
    "Tổng vốn đầu tư ước đạt 1.286 tỷ đồng, bằng 48,6% kế hoạch năm (kế hoạch 2.780 tỷ đồng).",
    "Giá trị sản xuất đạt 265,0 tỷ đồng, tăng 12,8% so với cùng kỳ (năm 2024 đạt 241,0 tỷ đồng).",
    "Số vụ tai nạn giao thông 45 vụ, giảm 15% so với năm 2024 (50 vụ).",
    "Thu ngân sách đạt 1,2 nghìn tỷ đồng, đạt 110% dự toán (dự toán 1.000 tỷ đồng).",
    "Giá trị xuất khẩu đạt 56,25 triệu USD, vượt 15,5% kế hoạch (kế hoạch 50 triệu USD).",
    "Thu nhập bình quân đạt 64 triệu đồng, tăng 1,9 lần so với năm 2020 (năm 2020: 40 triệu đồng).",
    "Vốn tín dụng chính sách đạt 90 tỷ đồng, gấp 2 lần so với năm 2020 (30 tỷ đồng).",
    "Số vụ cháy rừng 6 vụ, giảm 3 lần so với cùng kỳ (12 vụ).",
    "Sản lượng lúa đạt 152 tấn, bằng 97% cùng kỳ (năm 2024: 160 tấn).",
    "Thu ngân sách đạt 12,6 tỷ đồng (dự toán 12,0 tỷ đồng), bằng 110% dự toán.",
    "Doanh thu du lịch đạt 104,3% so với cùng kỳ, đạt 245 tỷ đồng (năm 2024: 239,5 tỷ đồng).",
    "Số doanh nghiệp thành lập mới 1.148 doanh nghiệp, giảm 9,2% so với năm trước (năm 2024: 1.250).",
    "Sản lượng lúa năm 2024 đạt 160 tấn, năm 2025 đạt 152 tấn, giảm 7% so với năm 2024.",
])
def test_n111_reports(text):
    [msg] = n111(text)
    assert "÷" in msg and "=" in msg


@pytest.mark.parametrize("text", [
    "Thu ngân sách ước đạt 18,64 tỷ đồng, đạt 113% dự toán (dự toán 16,5 tỷ đồng).",
    "Thu ngân sách ước đạt 18,64 tỷ đồng, đạt 113,0% dự toán (dự toán 16,5 tỷ đồng).",
    "Giá trị sản xuất đạt 265 tỷ đồng, tăng 10% so với cùng kỳ (năm 2024 đạt 241 tỷ đồng).",
    "Số vụ tai nạn giao thông 45 vụ, giảm 10% so với năm 2024 (50 vụ).",
    "Thu ngân sách đạt 1,2 nghìn tỷ đồng, đạt 120% dự toán (dự toán 1.000 tỷ đồng).",
    # rounding of the printed values: 1,5 may be 1,45..1,55 -> 145..155% of 1
    "Doanh thu đạt 1,5 tỷ đồng, đạt 153% kế hoạch (kế hoạch 1 tỷ đồng).",
    # different dimensions: left alone
    "Thu nhập bình quân 84 triệu đồng/người/năm, đạt 120% kế hoạch (80 triệu đồng).",
    # bounds are not values
    "Thu ngân sách trên 18 tỷ đồng, đạt 150% dự toán (dự toán 16,5 tỷ đồng).",
    "Giá trị xuất khẩu đạt 56,25 triệu USD, vượt 12,5% kế hoạch (kế hoạch 50 triệu USD).",
    "Thu nhập bình quân đạt 64 triệu đồng, tăng 1,6 lần so với năm 2020 (năm 2020: 40 triệu đồng).",
    # "tăng 1,5 lần" also written for 1,5 more times: 250 is 2,5 times 100
    "Số hộ kinh doanh 250 hộ, tăng 1,5 lần so với năm 2020 (năm 2020: 100 hộ).",
    "Sản lượng lúa đạt 152 tấn, bằng 95% cùng kỳ (năm 2024: 160 tấn).",
    "Doanh thu du lịch đạt 102,3% so với cùng kỳ, đạt 245 tỷ đồng (năm 2024: 239,5 tỷ đồng).",
    "Số doanh nghiệp thành lập mới 1.148 doanh nghiệp, giảm 8,2% so với năm trước (năm 2024: 1.250).",
    "Năm 2025 doanh thu đạt 245 tỷ đồng, năm 2024 đạt 239,5 tỷ đồng, bằng 102,3% so với cùng kỳ.",
])
def test_n111_silent(text):
    assert n111(text) == []


@given(st.integers(100, 100_000), st.integers(100, 100_000))
def test_n111_silent_on_correct_percentages(actual, target):
    from planlint.scan.numbers import format_vn, round_half_up

    pct = round_half_up(Decimal(actual) / Decimal(target) * 100, 1)
    text = f"Doanh thu đạt {format_vn(Decimal(actual))} triệu đồng, đạt {format_vn(pct, 1)}% kế hoạch " \
           f"(kế hoạch {format_vn(Decimal(target))} triệu đồng)."
    assert n111(text) == []


@given(st.integers(100, 100_000), st.integers(100, 100_000))
def test_n111_exceed_and_ratio_silent_when_consistent(actual, target):
    from planlint.scan.numbers import format_vn, round_half_up

    a, t = format_vn(Decimal(actual)), format_vn(Decimal(target))
    if actual > target:
        over = round_half_up(Decimal(actual) / Decimal(target) * 100 - 100, 1)
        assert n111(f"Doanh thu đạt {a} triệu đồng, vượt {format_vn(over, 1)}% kế hoạch "
                    f"(kế hoạch {t} triệu đồng).") == []
    times = round_half_up(Decimal(actual) / Decimal(target), 2)
    assert n111(f"Doanh thu đạt {a} triệu đồng, gấp {format_vn(times, 2)} lần so với năm 2020 "
                f"(năm 2020: {t} triệu đồng).") == []


@given(st.integers(1000, 100_000), st.integers(50, 200), st.integers(2, 30))
def test_n111_one_finding_when_the_percentage_is_off(target, share, off):
    from planlint.scan.numbers import format_vn, round_half_up

    actual = target * share // 100
    pct = round_half_up(Decimal(actual) / Decimal(target) * 100, 1) + off
    text = (f"Doanh thu đạt {format_vn(pct, 1)}% so với cùng kỳ, đạt {format_vn(Decimal(actual))} triệu đồng "
            f"(năm 2024: {format_vn(Decimal(target))} triệu đồng).")
    assert len(n111(text)) == 1


def test_a_broken_figure_grammar_fails_loudly(monkeypatch, tmp_path):
    """A grammar that does not build raises; it must never read as 'no statement anywhere'."""
    import pytest
    from lark.exceptions import LarkError

    from planlint import data
    from planlint.facts import statements as st
    from planlint.scan import figure_grammar

    broken = tmp_path / "figures.lark"
    broken.write_text("start: value\nvalue: NUM NUM_UNDECLARED\n%declare NUM\n", encoding="utf-8")
    monkeypatch.setattr(data, "grammar_path", lambda name: broken)
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    figure_grammar.parser.cache_clear()
    try:
        with pytest.raises(LarkError):
            st.parse_window([])
    finally:
        figure_grammar.parser.cache_clear()


def test_words_of_a_name_that_hold_a_cue_stay_in_the_label():
    # "bằng" is a REACH cue, "Đồng bằng" a place name ([cues.LABEL] in rules/cues.toml)
    text = "Đồng bằng ven biển 2,40% với 3.150 hộ, bằng 98% kế hoạch"
    kinds = [(t.kind, t.text) for t in tokenize(text, [])]
    assert kinds[0] == ("LABEL", "Đồng bằng ven biển")
    assert ("REACH", "bằng") in kinds
