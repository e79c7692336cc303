"""Reading drafts: encodings, line ends, normal forms; positions always in the original file."""

from __future__ import annotations

import unicodedata

import pytest

from planlint.engine import lint_source
from planlint.parsing.source import InputError, Source

PLAN = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2026\n\nI. MỤC ĐÍCH\n\nII. NỘI DUNG\n\nII. CHỈ TIÊU\n"


def s103(source: Source) -> tuple[int, int, int]:
    (f,) = [f for f in lint_source(source) if f.code == "S103"]
    return f.line, f.column, f.end_column


def test_plain_lf_position():
    assert s103(Source("p", PLAN)) == (10, 1, 4)


def test_bom_and_crlf_keep_positions():
    raw = "\ufeff" + PLAN.replace("\n", "\r\n")
    assert s103(Source("p", raw)) == (10, 1, 4)


def test_nfd_matches_and_reports_original_columns():
    raw = unicodedata.normalize("NFD", PLAN)
    assert raw != PLAN
    src = Source("p", raw)
    assert src.text == unicodedata.normalize("NFC", raw)
    assert s103(src) == (10, 1, 4)


def test_nfd_span_ends_after_the_whole_decomposed_letter():
    raw = unicodedata.normalize("NFD", "Ủy ban") + "\n"
    assert raw.startswith("U\u031b\u0309") or raw.startswith("U\u0309")
    src = Source("p", raw)
    assert src.end_position(1) == (1, 1 + len(unicodedata.normalize("NFD", "Ủ")))
    (f,) = [f for f in lint_source(Source("p", "Tổ chu\u031b\u0301c tốt.\n"), fragment=True) if f.code == "T108"]
    assert (f.line, f.column, f.end_column) == (1, 6, 9)  # "u" + horn + acute: three characters of the file


def test_nfd_columns_counted_in_original_characters():
    raw = unicodedata.normalize("NFD", "Số: 1/KH-UBND\n\nKẾ HOẠCH\nX\n\nI. Ấ\n\nII. Ấ\n\nII. Ấ\n")
    src = Source("p", raw)
    off = src.text.index("Ấ", src.text.index("II. Ấ"))
    line, col = src.position(off)
    assert line == 8
    assert raw.split("\n")[line - 1][col - 1 :].startswith(unicodedata.normalize("NFD", "Ấ"))


def test_decode_rejects_binary_and_legacy_bytes():
    with pytest.raises(InputError, match="binary"):
        Source.from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "x.png")
    with pytest.raises(InputError, match="UTF-8"):
        Source.from_bytes(b"K\xea ho\xe0ch", "x.txt")  # a legacy 8-bit export


def test_original_line_strips_bom_and_cr():
    src = Source("p", "\ufeffmột\r\nhai\r\n")
    assert src.original_line(1) == "một"
    assert src.original_line(2) == "hai"
