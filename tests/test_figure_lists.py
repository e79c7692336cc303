"""Share lists, values with their share of a stated total, and totals apart from their parts, as
the figure grammar reads them (planlint/facts/figure_lists.py): the grammar itself, the facts, and
properties (a consistent statement gives nothing; one number moved beyond the rounding gives
exactly one finding on its line). Plans written here, with our own numbers."""

from __future__ import annotations

import logging
from decimal import Decimal
from io import StringIO

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.config import Config
from planlint.engine import lint
from planlint.facts.figure_lists import share_lists, totals_with_parts, value_shares
from planlint.parsing.parser import parse
from planlint.scan.numbers import format_vn

N = Config(select=["N"])


def plan(*bullets: str) -> str:
    return "II. CHỈ TIÊU\n\n" + "".join(f"- {b}\n" for b in bullets)


def test_figure_grammar_has_no_conflicts():
    # LALR resolves a shift/reduce conflict silently (as a shift): one statement kind then
    # swallows another's window (a parts list read as a value with its share), so none is allowed
    from lark import Lark
    from lark import logger as lark_logger

    from planlint.data import grammar_path
    from planlint.scan import toklexer

    buf = StringIO()
    handler = logging.StreamHandler(buf)
    lark_logger.addHandler(handler)
    old = lark_logger.level
    lark_logger.setLevel(logging.DEBUG)
    try:
        Lark(grammar_path("figures.lark").read_text(encoding="utf-8"), parser="lalr",
             lexer=toklexer.TokLexer, debug=True)
    finally:
        lark_logger.removeHandler(handler)
        lark_logger.setLevel(old)
    assert "conflict" not in buf.getvalue().lower(), buf.getvalue()


def test_share_list_names_and_values():
    p = parse(plan("Cơ cấu kinh tế năm 2026: nông, lâm nghiệp và thủy sản chiếm tỷ trọng 24,6%, "
                   "công nghiệp - xây dựng chiếm 33,1%, dịch vụ chiếm 42,3%."))
    [sl] = p.fact(share_lists)
    assert sl.cue == "Cơ cấu"
    assert [(n, q.value) for n, q in sl.parts] == [
        ("nông, lâm nghiệp và thủy sản", Decimal("24.6")), ("công nghiệp - xây dựng", Decimal("33.1")),
        ("dịch vụ", Decimal("42.3"))]


def test_share_list_change_to_an_end_state_only():
    p = parse(plan("Cơ cấu lao động nông nghiệp giảm xuống còn 46,5%, công nghiệp tăng lên 24,0%, dịch vụ 29,5%.",
                   "Tỷ trọng nông nghiệp giảm 2,5%, công nghiệp tăng 1,5%, dịch vụ tăng 1,0%."))
    lists = p.fact(share_lists)
    assert len(lists) == 1
    assert [q.value for _, q in lists[0].parts] == [Decimal("46.5"), Decimal("24.0"), Decimal("29.5")]


def test_value_share_links_the_nearest_stated_total():
    p = parse(plan("Tổng chi ngân sách xã 230 tỷ đồng.",
                   "Tổng vốn đầu tư 500 tỷ đồng.",
                   "Chi thường xuyên 46 tỷ đồng, chiếm 20,0% tổng chi ngân sách xã."))
    [vs] = p.fact(value_shares)
    assert (vs.value.value, vs.share.value, vs.total.value) == (Decimal(46), Decimal("20.0"), Decimal(230))
    assert vs.whole == "tổng chi ngân sách xã"


def test_value_share_without_a_stated_total_links_nothing():
    p = parse(plan("Chi thường xuyên 46 tỷ đồng, chiếm 20,0% tổng chi ngân sách xã."))
    assert p.fact(value_shares) == []


def test_total_apart_from_its_parts():
    p = parse(plan("Tổng số hộ nghèo 57 hộ, tập trung ở các thôn vùng cao, vùng khó khăn, "
                   "trong đó: thôn Hạ 20 hộ, thôn Thượng 37 hộ."))
    [tp] = p.fact(totals_with_parts)
    assert tp.total.value == 57 and not tp.exhaustive
    assert [(n, q.value) for n, q in tp.parts] == [("thôn Hạ", 20), ("thôn Thượng", 37)]


# -- properties -----------------------------------------------------------------------------------

SHARE_FORMS = [
    "{a} chiếm tỷ trọng {x}%, {b} chiếm {y}%, {c} chiếm {z}%",
    "{a} giảm còn {x}%, {b} tăng lên {y}%, {c} {z}%",
    "{a} chiếm {x}%; {b} chiếm {y}%; {c} chiếm {z}%",
]
HEADS = ["Cơ cấu kinh tế năm 2026: ", "Cơ cấu lao động: ", "Tỷ trọng các ngành: "]
NAMES = [("nông nghiệp", "công nghiệp - xây dựng", "dịch vụ"),
         ("nông, lâm nghiệp và thủy sản", "công nghiệp và xây dựng", "thương mại - dịch vụ")]


@st.composite
def shares(draw):
    tenths = draw(st.lists(st.integers(min_value=150, max_value=500), min_size=2, max_size=2))
    last = 1000 - sum(tenths)
    if last < 50:
        tenths, last = [300, 300], 400
    return [Decimal(t).scaleb(-1) for t in [*tenths, last]]


@settings(max_examples=25, deadline=None)
@given(shares(), st.sampled_from(SHARE_FORMS), st.sampled_from(HEADS), st.sampled_from(NAMES),
       st.integers(min_value=0, max_value=2), st.integers(min_value=2, max_value=40))
def test_share_list_property(values, form, head, names, which, moved):
    def text(vals):
        x, y, z = (format_vn(v, 1) for v in vals)
        return plan(head + form.format(a=names[0], b=names[1], c=names[2], x=x, y=y, z=z) + ".")

    assert [f for f in lint(text(values), N, fragment=True) if f.severity == "error"] == []
    bad = list(values)
    bad[which] += Decimal(moved).scaleb(-1)
    found = [f for f in lint(text(bad), N, fragment=True) if f.severity == "error"]
    assert [(f.code, f.line) for f in found] == [("N101", 3)]


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=100, max_value=900), st.integers(min_value=5, max_value=60),
       st.integers(min_value=2, max_value=9))
def test_value_share_property(total, pct, moved):
    value = Decimal(total) * pct / 100
    share = value * 100 / total

    def text(s):
        return plan(f"Tổng chi ngân sách xã năm 2026 là {total} tỷ đồng.",
                    f"Chi thường xuyên {format_vn(value, 2)} tỷ đồng, chiếm {format_vn(s, 1)}% tổng chi ngân sách xã.")

    assert [f for f in lint(text(share), N, fragment=True) if f.severity == "error"] == []
    found = [f for f in lint(text(share + moved), N, fragment=True) if f.severity == "error"]
    assert [(f.code, f.line) for f in found] == [("N103", 4)]


PLACES = ["thôn Đông", "thôn Tây", "thôn Nam", "thôn Bắc", "thôn Trung"]
BREAKDOWN_FORMS = [
    # (statement with {total} and {parts}, how the parts are joined, exhaustive)
    ("Tổng số hộ nghèo toàn xã {total} hộ, tập trung ở các thôn vùng cao, vùng khó khăn, trong đó: {parts}.",
     ", ", False),
    ("Tổng số hộ nghèo đầu năm {total} hộ, trong đó:\n{parts}", "\n", False),
    ("Tổng số hộ tham gia mô hình {total} hộ, phân bố ở nhiều thôn, gồm: {parts}.", "; ", True),
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=3, max_value=400), min_size=2, max_size=5),
       st.sampled_from(BREAKDOWN_FORMS), st.integers(min_value=1, max_value=30))
def test_breakdown_property(counts, form, moved):
    statement, joiner, exhaustive = form

    def text(total):
        items = [f"{PLACES[i]} {c} hộ" for i, c in enumerate(counts)]
        parts = "\n".join(f"+ {x};" for x in items) if joiner == "\n" else joiner.join(items)
        return plan(statement.format(total=format_vn(Decimal(total)), parts=parts))

    total = sum(counts)
    assert [f for f in lint(text(total), N, fragment=True) if f.severity == "error"] == []
    # parts larger than their total: always wrong; a total larger than its parts: wrong when they make it
    wrong = [total - min(moved, total - 1)] + ([total + moved] if exhaustive else [])
    for t in wrong:
        found = [f for f in lint(text(t), N, fragment=True) if f.severity == "error"]
        assert [(f.code, f.line) for f in found] == [("N102", 3)]


# a share list read whatever introduces it: (the plan's text, the names it is tried with, the line
# of the finding when one share moves)
INTRODUCED = [
    ("II. CHỈ TIÊU\n\n1. Cơ cấu kinh tế năm 2026:\n- {A} {x}%;\n- {B} {y}%;\n- {C} {z}%.\n", NAMES, 6),
    ("II. CHỈ TIÊU\n\n- Cơ cấu kinh tế: {a} chiếm {x}%. {B} chiếm {y}%. {C} chiếm {z}%.\n", NAMES, 3),
    ("II. CHỈ TIÊU\n\n- Cơ cấu kinh tế: {x}% ({a}) - {y}% ({b}) - {z}% ({c}).\n", NAMES, 3),
    ("II. CHỈ TIÊU\n\n- Cơ cấu kinh tế ({a}, {b}, {c}): {x}%; {y}%; {z}%.\n", NAMES[:1], 3),
    ("II. CHỈ TIÊU\n\n- Cơ cấu kinh tế {A} – {b} – {c} tương ứng {x}% – {y}% – {z}%.\n",
     [("nông nghiệp", "công nghiệp, xây dựng", "thương mại, dịch vụ")], 3),
    ("II. CHỈ TIÊU\n\n- Kinh tế chuyển dịch đúng hướng, trong đó {a} chiếm {x}%, {b} {y}%, {c} {z}%.\n", NAMES, 3),
]


@settings(max_examples=30, deadline=None)
@given(shares(), st.sampled_from(INTRODUCED), st.data(), st.integers(min_value=0, max_value=2),
       st.integers(min_value=2, max_value=40))
def test_share_list_introduced_any_way_property(values, form, data, which, moved):
    template, names_list, line = form
    names = data.draw(st.sampled_from(names_list))

    def text(vals):
        x, y, z = (format_vn(v, 1) for v in vals)
        a, b, c = names
        return template.format(a=a, b=b, c=c, A=a[0].upper() + a[1:], B=b[0].upper() + b[1:],
                               C=c[0].upper() + c[1:], x=x, y=y, z=z)

    assert [f for f in lint(text(values), N, fragment=True) if f.severity == "error"] == []
    bad = list(values)
    bad[which] += Decimal(moved).scaleb(-1)
    found = [f for f in lint(text(bad), N, fragment=True) if f.severity == "error"]
    assert [(f.code, f.line) for f in found] == [("N101", line)]
