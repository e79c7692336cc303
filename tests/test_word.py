"""Word (.docx) in: numbering as Word shows it, tables, tracked changes, places, bad input.

Documents are built here with python-docx from our own text plans (planlint.parsing.docx_build)
or from small hand-written numbering definitions; a .docx twin of a text plan must give the
same findings as the text.
"""

from __future__ import annotations

import collections
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, seed_files
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from planlint.engine import lint_source
from planlint.i18n import render
from planlint.parsing.docx import read_docx
from planlint.parsing.docx_build import build_docx, set_num
from planlint.parsing.inputs import load
from planlint.parsing.source import InputError, Source

BLIND = ROOT.parent / "blind" / "devset"


def findings_of(source: Source) -> collections.Counter:
    # a message that names another place (N105, N120, R107: "… on line 28") counts lines of the
    # file it reads: a text line there, a paragraph in the Word twin ("… in paragraph 12")
    return collections.Counter((f.code, f.severity, re.sub(r"\b(?:on line|in paragraph) \d+", "PLACE", f.message))
                               for f in lint_source(source))


def same_as_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    docx = read_docx(build_docx(text), path.name + ".docx")
    assert docx.layout.numbering, f"{path.name}: the .docx twin has no automatic numbering"
    assert findings_of(docx) == findings_of(Source(str(path), text)), path.name


# -- a text plan and its Word twin -------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*")), ids=lambda p: p.name)
def test_examples_as_docx_give_the_same_findings(path):
    same_as_text(path)


def test_seeds_as_docx_give_the_same_findings():
    files = seed_files()
    if not files:
        pytest.skip("../shared/seeds not present")
    for path in files:
        same_as_text(path)


def test_blind_plans_as_docx_give_the_same_findings():
    files = sorted(BLIND.glob("d[0-9]*.txt")) + sorted(BLIND.glob("d[0-9]*.md")) if BLIND.is_dir() else []
    if not files:
        pytest.skip("../blind/devset not present")
    for path in files:
        same_as_text(path)


def test_twin_really_uses_word_numbering_and_a_word_table():
    text = (EXAMPLES / "ke-hoach-xa-an-phu-2026.md").read_text(encoding="utf-8")
    data = build_docx(text)
    doc = Document(io.BytesIO(data))
    body = doc.element.body.xml
    assert "<w:numPr>" in body and "II." not in body  # Word numbers the parts; no typed II.
    src = read_docx(data, "an-phu.docx")
    labels = [v["label"] for v in src.layout.numbering.values()]
    assert "I." in labels and "II." in labels and "(6)" in labels


# -- numbering as Word renders it ----------------------------------------------------------------

MULTILEVEL = f"""<w:numbering {nsdecls('w')}>
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4."/>
    <w:lvlRestart w:val="1"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  <w:lvl w:ilvl="5"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%6"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="8"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
</w:numbering>"""


def numbered_doc(items: list[tuple[int | None, int, str]], numbering: str = MULTILEVEL) -> bytes:
    """(numId or None, ilvl, text) paragraphs over the numbering definitions given."""
    doc = Document()
    part = doc.part.numbering_part
    part._element = parse_xml(numbering)
    for num_id, ilvl, text in items:
        p = doc.add_paragraph(text)
        if num_id is not None:
            set_num(p, num_id, ilvl)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def rendered(data: bytes) -> list[str]:
    return [ln for ln in read_docx(data, "t.docx").text.split("\n") if ln]


def test_levels_formats_restart_and_legal_numbering():
    """%2.%4. restarts only after level 1 (lvlRestart 1), so 2.2. follows 1.1. under a new 2."""
    data = numbered_doc([
        (1, 0, "MỤC TIÊU"), (1, 1, "Chung"), (1, 2, "kinh tế"), (1, 2, "xã hội"), (1, 3, "chi tiết"),
        (1, 1, "Cụ thể"), (1, 2, "nông nghiệp"), (1, 3, "chi tiết"), (1, 4, "gạch"), (1, 0, "NHIỆM VỤ"),
        (1, 1, "Nhiệm vụ"), (1, 5, "pháp lý"), (None, 0, "Đoạn thường"),
    ])
    assert rendered(data) == [
        "I. MỤC TIÊU", "1. Chung", "a) kinh tế", "b) xã hội", "1.1. chi tiết",
        "2. Cụ thể", "a) nông nghiệp", "2.2. chi tiết", "• gạch", "II. NHIỆM VỤ",
        "1. Nhiệm vụ", "2.1 pháp lý", "Đoạn thường",
    ]


def test_start_value_and_start_override_of_a_list_instance():
    data = numbered_doc([(2, 0, "a"), (2, 0, "b"), (3, 0, "c"), (3, 0, "d"), (2, 0, "e")])
    assert rendered(data) == ["(3) a", "(4) b", "(10) c", "(11) d", "(5) e"]


def test_style_linked_numbering():
    """A heading style that carries the numbering: paragraphs get numbers through their style."""
    doc = Document()
    doc.part.numbering_part._element = parse_xml(MULTILEVEL)
    style = doc.styles["Heading 2"]
    ppr = style.element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    doc.add_paragraph("MỤC ĐÍCH", style="Heading 2")
    doc.add_paragraph("Văn bản")
    doc.add_paragraph("NHIỆM VỤ", style="Heading 2")
    buf = io.BytesIO()
    doc.save(buf)
    assert rendered(buf.getvalue()) == ["## I. MỤC ĐÍCH", "Văn bản", "## II. NHIỆM VỤ"]


def test_word_lower_letter_has_no_d_stroke_and_planlint_says_so():
    """Word's lowerLetter runs a b c d e: the fifth point is e), not đ) as ND30 wants (S105)."""
    text = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2026\n\nI. A\n\n" + "".join(
        f"[{ch})] việc {k}\n\n" for k, ch in enumerate("abcde", 1))
    src = read_docx(build_docx(text, auto="brackets"), "p.docx")
    assert "e) việc 5" in src.text
    assert any(f.code == "S105" for f in lint_source(src))


# -- typed numbers against Word's -----------------------------------------------------------------

PLAN = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2026\n\n"


def codes(text: str) -> list[tuple[str, int]]:
    src = read_docx(build_docx(PLAN + text, auto="brackets"), "p.docx")
    return [(f.code, f.line) for f in lint_source(src) if f.code in ("S120", "S121", "S122")]


def test_typed_number_disagreeing_with_word():
    assert codes("[I.] A\n\n[II.] III. B\n") == [("S120", 5)]


def test_typed_number_repeating_word():
    assert codes("[I.] I. A\n\n[II.] B\n") == [("S121", 4)]


def test_list_mixing_typed_and_automatic_numbers():
    assert codes("I. A\n\n[1.] a\n\n2. b\n\n[3.] c\n\nII. B\n") == [("S122", 6)]
    assert codes("[I.] A\n\n[1.] a\n\n[2.] b\n\n[II.] B\n") == []


def test_a_text_plan_never_gets_word_rules():
    src = Source("p.md", PLAN + "I. A\n\nII. III. B\n")
    assert not [f for f in lint_source(src) if f.code in ("S120", "S121", "S122")]


# -- tables, tracked changes, text boxes, places --------------------------------------------------


def test_word_table_becomes_a_pipe_table_with_cell_places():
    doc = Document()
    doc.add_paragraph("Bảng chỉ tiêu")
    t = doc.add_table(rows=3, cols=3)
    rows = [["TT", "Chỉ tiêu", "Tỷ lệ"], ["1", "Nông nghiệp", "16,5%"], ["2", "Dịch vụ | khác", "39%"]]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    a = t.cell(0, 0).merge(t.cell(0, 0))  # a no-op merge keeps python-docx honest
    assert a is not None
    buf = io.BytesIO()
    doc.save(buf)
    src = read_docx(buf.getvalue(), "t.docx")
    lines = [ln for ln in src.text.split("\n") if ln]
    assert lines[1:] == ["| TT | Chỉ tiêu | Tỷ lệ |", "|---|---|---|", "| 1 | Nông nghiệp | 16,5% |",
                         "| 2 | Dịch vụ \\| khác | 39% |"]
    off = src.text.index("16,5%")
    assert src.where(off) == "table 1, row 2, column 3"
    para, col = src.position(off)
    assert para == 1 + 3 + 3  # ¶1, row 1 (three cells), then row 2 up to its third cell
    assert col == 1


def test_merged_cells_keep_their_text_once():
    doc = Document()
    t = doc.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "Hai cột"
    t.cell(0, 2).text = "C"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "Hai dòng"
    t.cell(1, 1).text = "x"
    buf = io.BytesIO()
    doc.save(buf)
    lines = [ln for ln in read_docx(buf.getvalue(), "m.docx").text.split("\n") if ln]
    assert lines[0] == "| Hai cột |  | C |"
    assert lines[2].startswith("| Hai dòng | x |")
    assert lines[3].startswith("|  |")


def tracked_doc() -> bytes:
    doc = Document()
    p = doc.add_paragraph()
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">Tỷ lệ hộ nghèo giảm còn </w:t></w:r>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">'
                          '<w:r><w:delText>2,5%</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z">'
                          '<w:r><w:t>1,8%</w:t></w:r></w:ins>'))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_tracked_changes_are_read_as_accepted_and_facts_say_so(tmp_path):
    data = tracked_doc()
    src = read_docx(data, "tc.docx")
    assert src.text.strip() == "Tỷ lệ hộ nghèo giảm còn 1,8%"
    assert [render(n, "en") for n in src.notes] == ["tracked changes read as accepted: 1 insertion, 1 deletion"]
    assert [render(n, "vi") for n in src.notes] == [
        "đã đọc các thay đổi được theo dõi như đã chấp nhận: 1 chỗ thêm, 1 chỗ xoá"]
    f = tmp_path / "tc.docx"
    f.write_bytes(data)
    p = run("facts", str(f))
    assert "Note: tracked changes read as accepted: 1 insertion, 1 deletion" in p.stdout


def test_header_in_a_text_box_is_read():
    doc = Document()
    p = doc.add_paragraph()
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        '<w:txbxContent><w:p><w:r><w:t>Số: 15/KH-UBND</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></w:r>'))
    doc.add_paragraph("KẾ HOẠCH")
    buf = io.BytesIO()
    doc.save(buf)
    src = read_docx(buf.getvalue(), "tb.docx")
    assert src.text.split("\n")[0] == "Số: 15/KH-UBND"
    assert src.where(0) == "text box at ¶1"


# -- the command line ------------------------------------------------------------------------------


def run(*args: str, env: dict | None = None, cwd: Path | None = None):
    e = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    e.update({"NO_COLOR": "1", "LANG": "C.UTF-8"})
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "planlint", *args], capture_output=True, text=True,
                          env=e, cwd=cwd, timeout=120)


@pytest.fixture
def bad_docx(tmp_path: Path) -> Path:
    text = (EXAMPLES / "ke-hoach-loi-xa-binh-minh-2026.txt").read_text(encoding="utf-8")
    f = tmp_path / "draft.docx"
    f.write_bytes(build_docx(text))
    return f


def test_text_output_names_word_paragraphs_and_json_keeps_its_keys(bad_docx):
    p = run("check", str(bad_docx))
    assert p.returncode == 1
    assert f"{bad_docx}:¶12: S103 [error] II. appears twice; expected III." in p.stdout
    data = json.loads(run("check", "--format", "json", str(bad_docx)).stdout)
    s103 = next(f for f in data if f["code"] == "S103")
    assert list(s103) == ["path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message"]
    assert (s103["line"], s103["column"], s103["end_column"]) == (12, 1, 4)  # ¶12, Word's own "II."


def test_folders_pick_up_docx_and_skip_word_lock_files(bad_docx):
    (bad_docx.parent / "~$draft.docx").write_bytes(b"lock")
    (bad_docx.parent / "plan.md").write_text(PLAN + "I. A\n", encoding="utf-8")
    p = run("check", str(bad_docx.parent))
    assert p.returncode == 1
    assert "in 2 files" in p.stdout and "~$" not in p.stdout + p.stderr


def test_precommit_hook_covers_word_and_pdf():
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "docx" in hook and "pdf" in hook and "types: [text]" not in hook
    assert 'additional_dependencies: ["pdfplumber' in hook  # a staged PDF is read, not refused


# -- bad input: one clear line, exit 2 -------------------------------------------------------------


def one_line_exit_2(path: Path, *needles: str) -> None:
    p = run("check", str(path))
    assert p.returncode == 2, p.stderr
    assert p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr, p.stderr
    for n in needles:
        assert n in lines[0], lines[0]


def test_truncated_docx(bad_docx):
    data = bad_docx.read_bytes()
    bad_docx.write_bytes(data[: len(data) // 2])
    one_line_exit_2(bad_docx, "damaged or truncated")


def test_docx_without_its_document_part(tmp_path, bad_docx):
    f = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(bad_docx) as src, zipfile.ZipFile(f, "w") as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item.filename))
    one_line_exit_2(f, "nodoc.docx", "not a readable Word document")


def test_password_protected_word_file(tmp_path):
    # what Word writes for a password: an OLE2 compound file holding EncryptionInfo/EncryptedPackage
    f = tmp_path / "secret.docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    f.write_bytes(ole + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64)
    one_line_exit_2(f, "password-protected")


def test_docx_renamed_txt(tmp_path, bad_docx):
    f = tmp_path / "draft.txt"
    f.write_bytes(bad_docx.read_bytes())
    one_line_exit_2(f, "Word document", "rename it to .docx")


def test_legacy_doc_without_libreoffice(tmp_path):
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    p = run("check", str(f), env={"PATH": str(Path(sys.executable).parent)})
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    assert "save as .docx" in p.stderr


def test_loader_refuses_pdf_named_txt():
    with pytest.raises(InputError, match="PDF"):
        load(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "x.txt", ".txt")


# -- cold start ----------------------------------------------------------------------------------


def test_text_plan_does_not_import_word_or_pdf_libraries(tmp_path):
    f = tmp_path / "p.md"
    f.write_text(PLAN + "I. A\n\nII. B\n", encoding="utf-8")
    code = (f"import sys\nfrom planlint.cli import main\nrc = main(['check', {str(f)!r}])\n"
            "bad = [m for m in ('docx', 'pdfplumber', 'pdfminer', 'pypdf', 'lxml', 'zipfile', 'subprocess')\n"
            "       if m in sys.modules]\n"
            "print('LOADED', bad)\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "LOADED []" in p.stdout, p.stdout + p.stderr


# -- PDF ------------------------------------------------------------------------------------------


def blank_pdf() -> bytes:
    """A one-page PDF with no text layer: what a scanner without OCR gives (images left out)."""
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_scanned_pdf_needs_ocr(tmp_path):
    pytest.importorskip("pdfplumber")
    f = tmp_path / "scan.pdf"
    f.write_bytes(blank_pdf())
    one_line_exit_2(f, "no text layer", "OCR")


def soffice_convert(src: Path, target: str) -> Path:
    from planlint.parsing.inputs import convert_with_soffice

    data = convert_with_soffice(src.read_bytes(), src.name, target)
    if data is None:
        pytest.skip("LibreOffice (soffice) is not installed or could not convert")
    out = src.with_suffix("." + target)
    out.write_bytes(data)
    return out


@pytest.mark.skipif(not (__import__("shutil").which("soffice")), reason="LibreOffice (soffice) not on PATH")
def test_pdf_of_a_plan_gives_the_text_findings_at_page_and_line(bad_docx):
    pytest.importorskip("pdfplumber")
    pdf = soffice_convert(bad_docx, "pdf")
    text = (EXAMPLES / "ke-hoach-loi-xa-binh-minh-2026.txt").read_text(encoding="utf-8")
    got = lint_source(load(pdf.read_bytes(), str(pdf), ".pdf"))
    want = lint_source(Source("t.txt", text))
    assert sorted(f.code for f in got) == sorted(f.code for f in want)
    s103 = next(f for f in got if f.code == "S103")
    assert s103.where is not None and s103.where.startswith("1:")  # page 1, line n


@pytest.mark.skipif(not (__import__("shutil").which("soffice")), reason="LibreOffice (soffice) not on PATH")
def test_pdf_table_is_read_as_a_table_and_the_line_under_it_kept(tmp_path):
    pytest.importorskip("pdfplumber")
    from test_annotate import TABLE_PLAN

    f = tmp_path / "table.docx"
    f.write_bytes(build_docx(TABLE_PLAN))
    pdf = soffice_convert(f, "pdf")
    src = load(pdf.read_bytes(), str(pdf), ".pdf")
    assert "| 3 | Rau màu | 100,0 | 13,50 |" in src.text
    assert "II. TỔ CHỨC THỰC HIỆN" in src.text  # the heading right under the table's border
    n133 = [f for f in lint_source(src) if f.code == "N133"]
    assert n133 and n133[0].where is not None and n133[0].where.startswith("1:")


def test_nested_table_follows_its_outer_table():
    doc = Document()
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Ngoài"
    inner = t.cell(0, 1).add_table(rows=2, cols=2)
    for r, row in enumerate([["Chỉ tiêu", "Tỷ lệ"], ["Lúa", "60%"]]):
        for c, v in enumerate(row):
            inner.cell(r, c).text = v
    buf = io.BytesIO()
    doc.save(buf)
    src = read_docx(buf.getvalue(), "n.docx")
    lines = [ln for ln in src.text.split("\n") if ln]
    assert lines[0] == "| Ngoài |  |"
    assert lines[2:] == ["| Chỉ tiêu | Tỷ lệ |", "|---|---|", "| Lúa | 60% |"]
    assert src.where(src.text.index("60%")) == "table 1.1, row 2, column 2"


def test_a_message_naming_another_place_says_paragraph_in_a_word_document():
    """N105, N120 and R107 name the place of the figure they compare with: a line of a text file,
    a paragraph (as Word counts them) of a Word document, in the chosen language."""
    from planlint.config import Config

    text = "II. CHỈ TIÊU\n\n- Có 6/7 xã, phường an toàn.\n\n- Có 5/5 xã, phường vững mạnh.\n"
    [f] = lint_source(Source("plan.txt", text), Config(select=["N105"]), fragment=True)
    assert f.message.endswith("but 6/7 xã, phường on line 3")
    docx = read_docx(build_docx(text), "plan.docx")
    [first] = [u for u in docx.layout.units.values() if "6/7" in u.text]
    [en] = lint_source(docx, Config(select=["N105"]), fragment=True)
    [vi] = lint_source(docx, Config(select=["N105"], lang="vi"), fragment=True)
    assert en.message.endswith(f"but 6/7 xã, phường in paragraph {first.number}") and "line" not in en.message
    assert vi.message.endswith(f"nhưng đoạn {first.number} ghi 6/7 xã, phường") and "dòng" not in vi.message


def test_facts_of_a_word_document_name_paragraphs():
    from planlint.engine import run as lint_run
    from planlint.report.facts import render_facts

    text = (EXAMPLES / "ke-hoach-loi-xa-binh-minh-2026.txt").read_text(encoding="utf-8")
    out = io.StringIO()
    render_facts(lint_run(read_docx(build_docx(text), "plan.docx"), with_facts=True), "text", out, "en")
    rows = [line for line in out.getvalue().splitlines() if line.startswith("  ") and not line.startswith("  Note")]
    assert rows and all(line.startswith("  ¶") for line in rows)
