"""planlint annotate: findings as Word comments on the exact text, reopened with python-docx."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES
from docx import Document
from docx.oxml.ns import qn

from planlint.annotate import annotate
from planlint.config import Config
from planlint.engine import lint_source
from planlint.parsing.docx import open_docx, paragraph_text
from planlint.parsing.docx_build import build_docx

TABLE_PLAN = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP

Số: 11/KH-UBND

Tân Lập, ngày 10 tháng 01 năm 2026

KẾ HOẠCH

Sản xuất nông nghiệp năm 2026

I. CHỈ TIÊU

Biểu 1: Cơ cấu diện tích gieo trồng

| STT | Cây trồng | Diện tích (ha) | Tỷ trọng (%) |
|---|---|---|---|
| 1 | Lúa | 500,0 | 62,50 |
| 2 | Ngô | 200,0 | 25,00 |
| 3 | Rau màu | 100,0 | 13,50 |
| | Tổng cộng | 800,0 | 100,00 |

II. TỔ CHỨC THỰC HIỆN

Các thôn triển khai thực hiện kế hoạch này.
"""


def anchored(path: Path) -> dict[str, tuple[str, str]]:
    """comment's first paragraph -> (the text between its range marks, author)."""
    doc = Document(str(path))
    open_ranges: dict[str, list[str]] = {}
    spans: dict[str, str] = {}
    for el in doc.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ranges[el.get(qn("w:id"))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            cid = el.get(qn("w:id"))
            spans[cid] = "".join(open_ranges.pop(cid, []))
        elif el.tag == qn("w:t"):
            for parts in open_ranges.values():
                parts.append(el.text or "")
    return {c.paragraphs[0].text: (spans.get(str(c.comment_id), ""), c.author) for c in doc.comments}


def expected_anchors(data: bytes, lang: str = "en") -> dict[str, str]:
    """For each finding: the text it is about (the whole paragraph when it is Word's own number)."""
    source, _doc, handles = open_docx(data, "x.docx")
    out = {}
    for f in lint_source(source, Config(lang=lang)):
        key, _unit, off = source.locate(f.span[0])
        p, lead = handles[key]
        text = paragraph_text(p).text
        out[f"{f.code} [{f.severity}] {f.message}"] = text if off < lead else source.text[f.span[0]:f.span[1]]
    return out


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    f = tmp_path / "draft.docx"
    f.write_bytes(build_docx((EXAMPLES / "ke-hoach-loi-xa-binh-minh-2026.txt").read_text(encoding="utf-8")))
    return f


def test_every_finding_is_a_comment_on_its_exact_text(draft, tmp_path):
    out = tmp_path / "draft.reviewed.docx"
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    outcome = annotate(draft, out, Config(lang="en"))
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before  # the original is untouched
    want = expected_anchors(draft.read_bytes())
    got = anchored(out)
    assert outcome.added == len(want) == len(got) >= 8
    for head, text in want.items():
        assert got[head] == (text, "planlint"), head
    # spot checks: a typo, a wrong figure, a repeated automatic number (its whole heading)
    assert got[next(h for h in got if h.startswith("T101"))][0] == "bổ xung"
    assert got[next(h for h in got if h.startswith("P101"))][0] == "57"
    assert got[next(h for h in got if h.startswith("S103"))][0] == "CHỈ TIÊU THI ĐUA"
    # and the copy still reads the same: comments do not change what planlint sees
    src_a = open_docx(draft.read_bytes(), "a.docx")[0]
    src_b = open_docx(out.read_bytes(), "b.docx")[0]
    assert src_a.text == src_b.text


def test_comment_carries_the_fix_in_the_chosen_language(draft, tmp_path):
    out = tmp_path / "vi.docx"
    annotate(draft, out, Config(lang="vi"))
    doc = Document(str(out))
    texts = [c.text for c in doc.comments]
    assert texts and all(c.author == "planlint" and c.initials == "PL" for c in doc.comments)
    typo = next(t for t in texts if t.startswith("T101"))
    assert "viết sai chính tả" in typo and "\nSửa: " in typo


def test_word_table_cell_gets_its_comment(tmp_path):
    f = tmp_path / "table.docx"
    f.write_bytes(build_docx(TABLE_PLAN))
    out = tmp_path / "table.reviewed.docx"
    annotate(f, out, Config(lang="en"))
    got = anchored(out)
    share = next(h for h in got if h.startswith("N133"))
    assert got[share][0] == "13,50"


def test_annotating_an_annotated_copy_adds_nothing(draft, tmp_path):
    once = tmp_path / "once.docx"
    twice = tmp_path / "twice.docx"
    first = annotate(draft, once, Config())
    second = annotate(once, twice, Config())
    assert second.added == 0 and second.already == first.added
    assert len(Document(str(twice)).comments) == len(Document(str(once)).comments) == first.added


def run(*args: str):
    env = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "planlint", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_cli_default_name_atomic_write_and_refusals(draft):
    p = run("annotate", str(draft))
    out = draft.with_name("draft.reviewed.docx")
    assert p.returncode == 0 and out.is_file(), p.stderr
    assert "new planlint comment" in p.stderr and p.stdout == ""
    assert not [q for q in draft.parent.iterdir() if q.name.endswith(".tmp")]
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)
    same = run("annotate", str(draft), "-o", str(draft))
    assert same.returncode == 2 and "must not overwrite the original" in same.stderr
    text = draft.with_name("plan.md")
    text.write_text("KẾ HOẠCH\n", encoding="utf-8")
    p = run("annotate", str(text))
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and ".docx" in p.stderr


# -- LibreOffice: the comments survive a conversion a reviewer would do ---------------------------


def pdf_comments(pdf: Path) -> list[str]:
    """The text of every sticky-note annotation of a PDF (how LibreOffice exports Word comments)."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    out = []
    with open(pdf, "rb") as fh:
        for page in PDFPage.get_pages(fh):
            for a in resolve1(page.annots) or []:
                a = resolve1(a)
                if str(a.get("Subtype")) == "/'Text'" and a.get("Contents"):
                    raw = a["Contents"]
                    out.append(raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1"))
    return out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_the_annotated_copy_with_its_comments(draft, tmp_path):
    pytest.importorskip("pdfminer")
    from planlint.parsing.inputs import convert_with_soffice

    out = tmp_path / "draft.reviewed.docx"
    annotate(draft, out, Config(lang="vi"))
    target = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    data = convert_with_soffice(out.read_bytes(), "draft.reviewed.docx", target)
    if data is None:
        pytest.skip("soffice could not convert the document here")
    pdf = tmp_path / "draft.reviewed.pdf"
    pdf.write_bytes(data)
    notes = pdf_comments(pdf)
    heads = [c.paragraphs[0].text for c in Document(str(out)).comments]
    assert len(notes) == len(heads)
    for head in heads:
        assert any(n.startswith(head) for n in notes), head


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_legacy_doc_is_converted_when_libreoffice_is_there(draft, tmp_path):
    from planlint.parsing.inputs import convert_with_soffice

    data = convert_with_soffice(draft.read_bytes(), "draft.docx", "doc")
    if data is None:
        pytest.skip("soffice could not write a .doc here")
    doc = tmp_path / "old.doc"
    doc.write_bytes(data)
    p = run("check", "--format", "concise", str(doc))
    assert p.returncode == 1, p.stderr
    assert "S103" in p.stdout and "P101" in p.stdout
