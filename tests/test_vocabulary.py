"""The word lists of rules/*.toml that the readers build their patterns from: no empty entry, no
duplicate, no word in two lists that mean opposite things, every key read by the code."""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import ROOT

from planlint.data import vocabulary
from planlint.phrases import alt, phrase, words

# the vocabularies whose every table of word lists is read through phrases.words
CHECKED = ("dates", "header", "citations")

# lists that must not share a word: a word in both would mean two things at once
DISJOINT = [
    ("dates", [("date", "day"), ("date", "month"), ("date", "year"), ("date", "quarter")]),
    ("dates", [("date", "to"), ("date", "from")]),
    ("dates", [("timeline", "deadline"), ("timeline", "scheduled")]),
    ("header", [("header", "motto"), ("header", "party_motto"), ("header", "issuer_cell")]),
    ("header", [("closing", "sign_for"), ("closing", "signer")]),
]


def _lists(name: str) -> list[tuple[tuple[str, ...], list]]:
    out = []

    def walk(node: object, path: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, str(k)))
        elif isinstance(node, list) and all(isinstance(x, str) for x in node):
            out.append((path, node))
        elif isinstance(node, list):  # an array of tables: [[collective]]
            for item in node:
                walk(item, path)

    walk(vocabulary(name), ())
    return out


def _key(word: str) -> str:
    """Two entries are one when they differ only in blanks (case matters: some lists are matched
    as printed, "v/v" and "V/v")."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", word))


LISTS = [(name, path, items) for name in CHECKED for path, items in _lists(name)]


@pytest.mark.parametrize("name, path, items", LISTS, ids=[f"{n}:{'.'.join(p)}" for n, p, _ in LISTS])
def test_word_list_is_clean(name, path, items):
    assert items, f"rules/{name}.toml [{'.'.join(path)}] is empty"
    for w in items:
        assert w and w == w.strip() and "  " not in w, f"rules/{name}.toml [{'.'.join(path)}]: entry {w!r}"
        assert unicodedata.is_normalized("NFC", w), f"rules/{name}.toml: {w!r} is not NFC"
    seen: dict[str, str] = {}
    for w in items:
        assert _key(w) not in seen, f"rules/{name}.toml [{'.'.join(path)}]: {w!r} twice"
        seen[_key(w)] = w


@pytest.mark.parametrize("name, paths", DISJOINT)
def test_lists_that_mean_different_things_share_no_word(name, paths):
    owner: dict[str, tuple[str, ...]] = {}
    for path in paths:
        for w in words(name, *path):
            other = owner.setdefault(_key(w), path)
            assert other == path, f"rules/{name}.toml: {w!r} in both {'.'.join(other)} and {'.'.join(path)}"


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "planlint").rglob("*.py")))


@pytest.mark.parametrize("name", CHECKED)
def test_every_key_is_read(name):
    """Each table and list name appears quoted in the package: a key nobody reads is a typo."""
    src = _source()
    for path, _items in _lists(name):
        for key in path:
            assert f'"{key}"' in src or f"'{key}'" in src, f"rules/{name}.toml: key {key!r} is read nowhere"
    for table, body in vocabulary(name).items():
        for entry in body if isinstance(body, list) else [body]:
            if isinstance(entry, dict):
                for key, value in entry.items():
                    if isinstance(value, str):
                        assert f'"{key}"' in src or f"'{key}'" in src, f"rules/{name}.toml: [{table}] {key} unread"


def test_phrases_match_whole_words_whatever_the_blanks():
    pat = re.compile(phrase(["chậm nhất", "vào"]), re.IGNORECASE)
    assert pat.search("báo cáo chậm\tnhất ngày 05/12")
    assert pat.search("VÀO tháng 12")
    assert not pat.search("vàonh")
    assert not pat.search("thivào")
    # longest first, so a longer phrase is not cut at a shorter one it starts with
    assert re.match(alt(["chậm nhất", "chậm nhất là"]), "chậm nhất là").group(0) == "chậm nhất là"



def test_bare_multipliers_are_unit_forms():
    """A bare multiplier that no unit prints would never be read: each is a form of a unit."""
    units = vocabulary("units")
    forms = {f.lower() for u in units["units"].values() for f in u["forms"]}
    bare = units["bare"]
    assert bare["multipliers"] and bare["not_before"]
    for w in bare["multipliers"]:
        assert w.lower() in forms, f"rules/units.toml [bare]: {w!r} is no unit's form"
    assert len(set(bare["not_before"])) == len(bare["not_before"])


def test_small_lists_elsewhere_are_filled():
    assert words("numbering", "nth") and all(w.strip() == w and w for w in words("numbering", "nth"))
    before = vocabulary("doctypes")["evidence"]["before_act"]
    assert before and len(set(before)) == len(before)



# -- words the code used to spell itself, now read from rules/ (issue #9) ---------------------------


def test_header_and_closing_cells_come_from_header_toml():
    from planlint.parsing.tables import _caption_line, _closing_cell, _header_cell

    header, closing, caption = _header_cell(), _closing_cell(), _caption_line()
    for cell in ("ỦY BAN NHÂN DÂN XÃ AN PHÚ", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do",
                 "Số: 12/KH-UBND", "An Phú, ngày 14 tháng 01 năm 2026", "UBND HUYỆN"):
        assert header.match(cell), cell
    for cell in ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH"):
        assert closing.match(cell), cell
    for cell in ("Chỉ tiêu", "Số hộ nghèo", "Năm 2025", "Thôn Đông", "CHỦ TỊCHX"):
        assert not header.match(cell) and not closing.match(cell), cell
    assert caption.match("Biểu 01: Chỉ tiêu kinh tế").group(1) == "Biểu 01: Chỉ tiêu kinh tế"
    assert caption.match("**PHỤ LỤC II**") and caption.match("## Bảng 2. Kết quả")
    assert not caption.match("bảng tổng hợp kèm theo") and not caption.match("Biểuđồ")


def test_table_header_words_come_from_tables_toml():
    from planlint.facts.tables import _ROW_NUM, _header_unit, _unit_named

    assert _header_unit().search("Số hộ").group(2) == "hộ"
    assert _header_unit().search("Kinh phí (triệu đồng)").group(1) == "triệu đồng"
    assert _unit_named().search("Số tiền") and _unit_named().search("Số người tham gia")
    assert not _unit_named().search("Tỷ lệ (%)") and not _unit_named().search("Kết quả")
    letters = set(words("numbering", "point_alphabet")) | set(words("numbering", "foreign_letters"))
    assert letters == set("abcdefghijklmnopqrstuvwxyz") | {"đ"}
    for marker in ("I", "IV.", "2", "1.2.3", "a)", "đ.", "f)"):
        assert _ROW_NUM.match(marker), marker
    assert not _ROW_NUM.match("ă)") and not _ROW_NUM.match("Tổng")


def test_label_edge_words_and_sector_words_come_from_sectors_toml():
    from planlint.facts.vocab import classify, clean_label

    edge = words("sectors", "labels", "edge_words")
    assert len(set(edge)) == len(edge)
    for w in edge:
        assert clean_label(f"; {w} nông nghiệp") == "nông nghiệp", w
        assert clean_label(f"nông nghiệp {w}: ") == "nông nghiệp", w
    assert clean_label("có văn bằng, chứng chỉ") == "văn bằng, chứng chỉ"
    sectors = vocabulary("sectors")["sectors"]
    assert set(sectors["III"]["own"]) <= set(sectors["III"]["patterns"])
    assert classify("dịch vụ và thuế sản phẩm") == {"III", "T"}
    assert classify("thương mại, thuế nhập khẩu") == {"III", "T"}
    assert classify("thuế sản phẩm (du lịch)") == {"T"}


def test_symbol_letters_continue_a_reference_after_a_number():
    from planlint.facts.quantities import _pat

    after = _pat().ident_after
    for letter in words("header", "header", "symbol_letters"):
        assert after.match(f"/{letter}-UBND") and after.match(f"- {letter}")
    assert after.match("/KH-UBND") and after.match("-2024") and not after.match(" hộ")
