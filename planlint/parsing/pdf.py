"""PDF in: a published plan's text layer, page by page and line by line, tables as pipe tables.

pdfplumber (on pdfminer.six) is the kept library here rather than pypdf: it gives text lines with
their positions on the page and finds ruled tables (``Page.find_tables``), so a table's cells come
out as cells instead of a run of numbers, and its text is not read twice. pypdf extracts text only.

Positions are ``page:line`` (line counted on its page; a table row is one line); JSON's ``line``
is the running line number in the document and ``column`` the character offset in that line.
A PDF without a text layer (a scan) is an input error: it needs OCR first.
"""

from __future__ import annotations

import io
from typing import Any

from .layout import LaidOut, LaidOutSource, Piece, Unit
from .source import InputError


def _cell(value: Any) -> str:
    return " ".join(str(value or "").split()).replace("|", "\\|")


def read_pdf(data: bytes, name: str) -> LaidOutSource:
    try:
        import pdfplumber  # imported only when a PDF is read
    except ImportError:
        raise InputError(f"{name}: reading PDF needs pdfplumber (pip install 'planlint[pdf]')") from None
    out = LaidOut()
    number = 0
    chars = 0
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        kind = type(exc).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise InputError(f"{name}: password-protected PDF; save an unprotected copy") from None
        raise InputError(f"{name}: not a readable PDF ({kind})") from None
    try:
        with pdf:
            for pno, page in enumerate(pdf.pages, start=1):
                chars += len(page.chars)
                tables = page.find_tables()
                boxes = [t.bbox for t in tables]

                def outside(obj: dict[str, Any], boxes: list[Any] = boxes) -> bool:
                    # by the character's centre: a line just under a table may touch its border
                    if "x0" not in obj or "top" not in obj:
                        return True
                    x = (obj["x0"] + obj["x1"]) / 2
                    y = (obj["top"] + obj["bottom"]) / 2
                    return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

                rest = page.filter(outside) if boxes else page
                items: list[tuple[float, int, Any]] = []
                for ln in rest.extract_text_lines(return_chars=False):
                    items.append((float(ln["top"]), 0, ln["text"]))
                for t in tables:
                    items.append((float(t.bbox[1]), 1, t.extract()))
                items.sort(key=lambda it: (it[0], it[1]))
                line_on_page = 0
                for _top, what, item in items:
                    if what == 0:
                        line_on_page += 1
                        number += 1
                        text = str(item)
                        out.units[number] = Unit(number, text, f"{pno}:{line_on_page}")
                        out.add(text, [Piece(0, number, 0)])
                        continue
                    rows = [r for r in item if r and any(c for c in r)]
                    if not rows:
                        continue
                    ncols = max(len(r) for r in rows)
                    out.add("", [])
                    for i, r in enumerate(rows):
                        line_on_page += 1
                        number += 1
                        cells = [_cell(c) for c in r] + [""] * (ncols - len(r))
                        line = "| " + " | ".join(cells) + " |"
                        out.units[number] = Unit(number, line, f"{pno}:{line_on_page}")
                        out.add(line, [Piece(0, number, 0)])
                        if i == 0:
                            out.add("|" + "---|" * ncols, [])
                    out.add("", [])
                out.add("", [])  # a page ends a paragraph
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{name}: cannot read this PDF ({type(exc).__name__})") from None
    if chars == 0:
        raise InputError(f"{name}: PDF has no text layer (a scanned document); run OCR on it first")
    return LaidOutSource(name, out, "pdf")
