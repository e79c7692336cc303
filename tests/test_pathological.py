"""Pathological inputs run in linear time: the time at 8x the size is at most 16x the time at 1x.

A ratio is stable on a noisy machine where an absolute time is not; a quadratic pass gives 64x, a
linear one 8x, and the margin between them absorbs a loaded CI machine (a ratio of 11 was once
measured there on a row that is linear: 13x at 16x the size on a quiet machine). A row over the
bound is measured once more before it fails, with the garbage collector off during each run.
Each row is a shape that once made a pass quadratic (issue #11) or a cousin of one: runs of
blanks after a citation, long tokens without spaces (base64 images, ``[``, ``\\frac{``, ``.``),
many directives, many dates, rates, entities or numbers in one paragraph.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from planlint.config import Config
from planlint.engine import lint

HEAD = ("UBND XÃ AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\n"
        "An Phú, ngày 5 tháng 1 năm 2026\n\nKẾ HOẠCH\nThực hiện giảm nghèo năm 2026\n\nI. MỤC ĐÍCH\n")


def _repeat(unit: str, n: int) -> str:
    return unit * max(1, n // len(unit))


ROWS: dict[str, tuple[Callable[[int], str], int]] = {
    # name: (document of about n characters, n at 1x)
    "citation then spaces": (lambda n: HEAD + "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2025" + " " * n
                             + "của HĐND xã\n", 4000),
    "citation then tabs": (lambda n: HEAD + "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2025" + "\t" * n
                           + "của HĐND xã\n", 4000),
    "citations with aligned columns": (lambda n: HEAD + _repeat(
        "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2025" + " " * 40 + "của HĐND xã\n", n), 3000),
    "base64 image": (lambda n: HEAD + "![ảnh](data:image/png;base64," + _repeat("QUJDRGVmZ2g0NTY3", n) + ")\n",
                     4000),
    "[ repeated": (lambda n: HEAD + "[" * n + "\n", 4000),
    "\\frac{ repeated": (lambda n: HEAD + _repeat("\\frac{", n) + "\n", 4000),
    ". repeated": (lambda n: HEAD + "Tổng số hộ 12" + "." * n + " Xã\n", 4000),
    "<sup> repeated": (lambda n: HEAD + _repeat("x<sup>", n) + "\n", 4000),
    "_{ repeated": (lambda n: HEAD + _repeat("x_{", n) + "\n", 4000),
    "entities": (lambda n: HEAD + _repeat("&amp;", n) + "\n", 4000),
    "disable-next-line comments": (lambda n: HEAD + _repeat(
        "<!-- planlint: disable-next-line=S103 -->\n1. Mục\n", n), 3000),
    "dates in one paragraph": (lambda n: HEAD + "Từ ngày 1/3/2025 đến ngày 30/6/2025 " + _repeat(
        "năm 2025 tỷ lệ 1,5%, tăng 2,3% so với năm 2024, tháng 5 hoàn thành, ", n) + "\n", 3000),
    "dates in many lines": (lambda n: HEAD + _repeat(
        "Từ ngày 1/3/2025 đến ngày 30/6/2025, năm 2025 tỷ lệ 1,5%, tăng 2,3% so với năm 2024.\n", n), 3000),
    "percentages on one line": (lambda n: HEAD + "Tỷ lệ tăng " + _repeat("1,5% ", n) + "\n", 3000),
    "growth clauses": (lambda n: HEAD + "Tổng giá trị sản xuất tăng 12%, trong đó: " + _repeat(
        "nông nghiệp tăng 2,5%; ", n) + "\n", 3000),
    "long number": (lambda n: HEAD + "Tổng số hộ nghèo là " + "7" * n + " hộ.\n", 8000),
    "shares in one paragraph": (lambda n: HEAD + "Cơ cấu kinh tế: " + _repeat(
        "nông nghiệp chiếm 30%, dịch vụ chiếm 70%; ", n) + "\n", 3000),
    "ledger sentences": (lambda n: HEAD + _repeat(
        "Đầu năm có 120 hộ nghèo, trong năm thoát nghèo 30 hộ, phát sinh mới 5 hộ, cuối năm còn 95 hộ. ", n)
                          + "\n", 3000),
    "ngày then tabs": (lambda n: HEAD + "hoàn thành trước ngày" + "\t" * n + "x\n", 3000),
    "table cells then blanks": (lambda n: HEAD + "| a |" + " " * n + "| b |\n", 3000),
    "poverty figure then spaces": (lambda n: HEAD + _repeat("Số hộ nghèo 120" + " " * 150 + "hộ; ", n) + "\n", 3000),
    "count, blanks, then a rate": (lambda n: HEAD + _repeat("Toàn xã có 120 hộ nghèo" + " " * 100 + "x 5,2%; ", n)
                                   + "\n", 3000),
    "words without spaces": (lambda n: HEAD + "a" * n + "\n", 8000),
    "number line then tabs": (lambda n: "Số:" + "\t" * n + "KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2026\n", 4000),
    "blank number placeholders": (lambda n: "Số: " + _repeat(". ", n) + "x\n\nKẾ HOẠCH\nThi đua năm 2026\n", 4000),
    "spaces between words": (lambda n: HEAD + _repeat("tăng" + " " * 30, n) + "\n", 4000),
}


def _time(text: str, repeat: int) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            t = time.process_time()
            lint(text, Config())
            best = min(best, time.process_time() - t)
    finally:
        gc.enable()
    return best


def _ratio(small: str, big: str) -> tuple[float, float, float]:
    t1 = _time(small, 5)
    t8 = _time(big, 3)
    # a floor for t1: at a millisecond, timer noise alone would move the ratio
    return t1, t8, t8 / max(t1, 0.002)


@pytest.mark.parametrize("name", list(ROWS))
def test_linear(name: str) -> None:
    make, n = ROWS[name]
    lint(HEAD, Config())  # warm the lazy loads
    small, big = make(n), make(8 * n)
    t1, t8, ratio = _ratio(small, big)
    if ratio > 16:
        t1, t8, ratio = _ratio(small, big)
    assert ratio <= 16, f"{name}: {t1:.4f}s at 1x, {t8:.4f}s at 8x (ratio {ratio:.1f})"
