"""Indicators stated twice (N120): the vocabulary, the identity of a mention, properties."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlint.config import Config
from planlint.data import vocabulary
from planlint.engine import lint
from planlint.facts.indicators import mentions, normalise
from planlint.parsing.parser import parse
from planlint.scan.numbers import format_vn

N120 = Config(select=["N120"])
HEADS = tomllib.loads((Path(__file__).resolve().parent / "rules" / "heads.toml").read_text(encoding="utf-8"))


# -- the data ------------------------------------------------------------------------------------


def _words(table: str, key: str = "words") -> list[str]:
    return [str(w) for w in vocabulary("indicators")[table][key]]


def test_vocabulary_lists_have_no_duplicates():
    data = vocabulary("indicators")
    lists = [("heads", "words"), ("edges", "lead"), ("edges", "trail"), ("modes", "target"), ("modes", "actual"),
             ("places", "words"), ("periods", "words")]
    for table, key in lists:
        words = [w.lower() for w in data[table][key]]
        assert words, (table, key)
        assert len(words) == len(set(words)), (table, key, [w for w in words if words.count(w) > 1])
        assert all(w == " ".join(w.split()) for w in words), (table, key)


def test_modes_are_disjoint_and_heads_are_not_edges():
    assert not {w.lower() for w in _words("modes", "target")} & {w.lower() for w in _words("modes", "actual")}
    edges = {w.lower() for w in _words("edges", "lead") + _words("edges", "trail")}
    assert not {w.lower() for w in _words("heads")} & edges


def test_synonyms_map_to_a_form_that_is_not_rewritten_again():
    syn = {str(k).lower(): str(v).lower() for k, v in vocabulary("indicators")["synonyms"].items()}
    assert not set(syn.values()) & set(syn)


# -- identity ------------------------------------------------------------------------------------


@pytest.mark.parametrize("printed, key", [
    ("Phấn đấu giảm tỉ lệ hộ nghèo trên địa bàn xã", "tỷ lệ hộ nghèo"),
    ("tỷ lệ tham gia bảo hiểm y tế", "tỷ lệ tham gia bhyt"),
    ("Tổng giá trị sản xuất toàn xã", "tổng giá trị sản xuất"),
    ("duy trì tỷ lệ trẻ em đi học đúng độ tuổi", "tỷ lệ trẻ em đi học đúng độ tuổi"),
])
def test_normalise(printed, key):
    assert normalise(printed) == key


def _plan(body: str):
    return parse(HEADS["plan"] + body)


def test_mentions_carry_mode_year_place():
    p = _plan("I. KẾT QUẢ NĂM 2024\n\n- Tỷ lệ hộ nghèo còn 3,2%.\n\nII. CHỈ TIÊU\n\n"
              "- Tỷ lệ hộ nghèo giảm còn 2,5%.\n- Thôn Đông: tỷ lệ hộ nghèo 3%.\n"
              "- Đến năm 2030, tỷ lệ hộ nghèo còn 1%.\n")
    got = [(m.identity.mode, m.identity.years, m.identity.places, m.value) for m in p.fact(mentions)]
    assert got == [
        ("actual", (2024,), (), Decimal("3.2")),
        ("target", (2025,), (), Decimal("2.5")),
        ("target", (2025,), ("thôn đông",), Decimal("3")),
        ("target", (2030,), (), Decimal("1")),
    ]


@pytest.mark.parametrize("text, labels", [
    ("Tỷ lệ hộ nghèo giảm 0,5% so với năm 2024.", []),  # a comparison
    ("Cơ cấu kinh tế: nông nghiệp 15%, công nghiệp 40%, dịch vụ 45%.", []),  # no indicator's name
    ("Tổng giá trị sản xuất 1.250 tỷ đồng, trong đó giá trị sản xuất nông nghiệp 300 tỷ đồng.",
     ["Tổng giá trị sản xuất"]),  # the total, not its part
    ("Tỷ lệ hộ nghèo từ 2% - 2,5%.", []),  # a range
    ("Tỷ lệ hộ nghèo giảm 0,5%; tỷ lệ hộ cận nghèo còn 4%.", ["Tỷ lệ hộ nghèo", "tỷ lệ hộ cận nghèo"]),
])
def test_mentions_read(text, labels):
    p = _plan("I. CHỈ TIÊU\n\n- " + text + "\n")
    assert [m.label for m in p.fact(mentions)] == labels


# -- the rule ------------------------------------------------------------------------------------

LABELS = ["Tổng giá trị sản xuất", "Tỷ lệ hộ nghèo", "Thu nhập bình quân đầu người", "Tỷ lệ che phủ rừng",
          "Sản lượng lương thực có hạt"]
UNITS = ["tỷ đồng", "%", "triệu đồng", "%", "tấn"]


def _doc(i: int, first: Decimal, again: Decimal, decimals: int) -> str:
    a, b = format_vn(first, decimals), format_vn(again, decimals)
    unit = UNITS[i]
    sep = "" if unit == "%" else " "
    return HEADS["plan"] + (
        f"I. CHỈ TIÊU\n\n- {LABELS[i]} đạt {a}{sep}{unit}.\n\n"
        f"II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Phấn đấu {LABELS[i].lower()} đạt {b}{sep}{unit}.\n")


@given(st.integers(0, len(LABELS) - 1), st.integers(1, 99_999), st.integers(0, 2))
def test_restated_alike_gives_nothing(i, n, decimals):
    v = Decimal(n).scaleb(-decimals)
    assert lint(_doc(i, v, v, decimals), N120) == []


@given(st.integers(0, len(LABELS) - 1), st.integers(1, 99_999), st.integers(2, 500), st.integers(0, 2))
def test_one_value_changed_gives_one_warning_on_its_line(i, n, delta, decimals):
    # two units of the last place apart at least: 1 and 2 may both be 1,5 rounded
    v = Decimal(n).scaleb(-decimals)
    w = v + Decimal(delta).scaleb(-decimals)
    text = _doc(i, v, w, decimals)
    found = lint(text, N120)
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("1. Phấn đấu"))) + 1
    assert [(f.code, f.line, f.severity) for f in found] == [("N120", line, "warning")]
