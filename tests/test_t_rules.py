"""T rules (text hygiene): per-rule bad/good/fixed cases, messages, whole-plan fixtures, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed_files, seed_truth

from planlint.config import Config
from planlint.engine import lint

HEAD = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2026\n\nI. MỤC TIÊU\n\n"
FIXTURES = Path(__file__).parent / "fixtures" / "t"


def t_findings(text: str, lang: str = "en") -> list:
    return [f for f in lint(HEAD + text, Config(lang=lang)) if f.code.startswith("T")]


def codes_lines(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in t_findings(text)]


def line_of(text: str, needle: str) -> int:
    lines = (HEAD + text).split("\n")
    (n,) = [i + 1 for i, line in enumerate(lines) if needle in line]
    return n


def test_suggestion_keeps_the_case():
    (f,) = t_findings("KIP THỜI BIỂU DƯƠNG.\n")
    assert f.message == "“KIP THỜI” is a misspelling of “KỊP THỜI”"
    (f,) = t_findings("Kip thời biểu dương.\n")
    assert f.fix == "write “Kịp thời”"
    (f,) = t_findings("NGHÀNH Y TẾ\n")
    assert "“NGÀNH”" in f.message


def test_messages_in_vietnamese():
    (f,) = t_findings("Bổ xung vốn.\n", "vi")
    assert f.message == "“Bổ xung” viết sai chính tả, đúng là “Bổ sung”"
    assert f.fix == "sửa thành “Bổ sung”"
    (f,) = t_findings("Do Ủy ban nhân tỉnh phát động.\n", "vi")
    assert f.message == "“Ủy ban nhân tỉnh” thiếu chữ “dân” trong tên “Ủy ban nhân dân”"
    assert f.fix == "sửa thành “Ủy ban nhân dân tỉnh”"


def test_orthography_and_tone_messages_name_the_rule():
    (f,) = t_findings("Thực hiện ngiêm túc.\n")
    assert "before i, e, ê the consonant is written “ngh”" in f.message
    assert f.fix == "write “nghiêm”"
    (f,) = t_findings("Các chỉ tiêu đựơc giao.\n")
    assert f.message == "“đựơc” is misspelt: the tone mark belongs on “ơ”; write “được”"


def test_debris_messages():
    (f,) = t_findings("- Đạt $\\geq 100$ %.\n")
    assert f.message == "LaTeX left over from conversion: “$\\geq 100$”; plain text: “≥ 100”"
    (f,) = t_findings("- Tổng hợp<br/>báo cáo.\n")
    assert f.message == "HTML markup left over from conversion: “<br/>”; remove it"
    (f,) = t_findings("- Kết quả <b>tốt</b> hơn.\n")
    assert f.fix == "write “tốt”"


def test_subscript_in_the_archive_line_follows_nd30():
    text = "Nơi nhận:\n- UBND huyện;\n- Lưu: VT_{Đào}.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n"
    (f,) = t_findings(text)
    assert (f.code, f.line) == ("T103", line_of(text, "Lưu"))
    assert f.fix == "write “VT, Đào”"


def test_legacy_is_one_finding_per_paragraph_with_the_reading():
    text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam.\n\n§éc lËp - Tù do - H¹nh phóc.\n"
    found = t_findings(text)
    assert [(f.code, f.line) for f in found] == [("T104", line_of(text, "Céng")), ("T104", line_of(text, "lËp"))]
    assert "reads “Cộng hoà xã hội”" in found[0].message


def test_tone_mix_reports_the_minority_once_with_counts():
    text = "Phát triển văn hoá.\n\nCông nghiệp hóa, hiện đại hóa, xã hội hóa.\n\nVăn hoá cơ sở; khoẻ mạnh.\n"
    found = t_findings(text)
    assert [(f.code, f.line) for f in found] == [("T105", line_of(text, "văn hoá"))]
    assert found[0].severity == "info"
    assert found[0].message == "“hoá” (old style, 2×) and “hóa” (new style, 3×) are both used in this document"


def test_name_gap_in_capitals_and_at_the_end():
    text = "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n"
    (f,) = t_findings(text)
    assert f.code == "T106" and f.line == line_of(text, "TM.")
    assert f.fix == "write “ỦY BAN NHÂN DÂN”"


def test_nfd_input_is_read_and_positioned_in_the_original():
    import unicodedata

    text = unicodedata.normalize("NFD", "Đẩy mạnh sản xuất; bổ xung nguồn vốn.\n")
    found = t_findings(text)
    assert [g.code for g in found if g.code == "T108"] == ["T108"]  # the file itself is not NFC
    (f,) = [g for g in found if g.code != "T108"]
    assert f.code == "T101" and f.line == line_of(text, "xung")
    original_line = (HEAD + text).split("\n")[f.line - 1]
    assert original_line[f.column - 1 :].startswith(unicodedata.normalize("NFD", "bổ"))


def test_escaped_markdown_is_one_finding_per_paragraph():
    (f,) = t_findings("- Ghi rõ \\[số liệu\\] và \\*ghi chú\\* năm 2026.\n")
    assert f.code == "T103"
    assert f.fix == "write “[ ] *”"


def test_escapes_are_markdown_syntax_in_a_markdown_document():
    md = "**KẾ HOẠCH**\n\n## I. MỤC TIÊU\n\n5\\. Ghi rõ \\[số liệu\\] năm 2026.\n"
    assert [f for f in lint(md, Config(select=["T"]), fragment=True)] == []
    # a lone escaped star (the line under a Party issuer) is no leftover in a text export either
    assert t_findings("\\*\n\nGhi rõ số liệu năm 2026.\n") == []


def test_double_spaces_are_one_finding_per_paragraph():
    (f,) = t_findings("Nâng cao tỷ  lệ hộ gia  đình văn hóa.\n")
    assert f.message == "two spaces between words in “tỷ  lệ” (2 in this paragraph)"
    assert f.fix == "write “tỷ lệ”"


def test_the_number_line_is_left_to_r102():
    text = "Số: 21 /KH-UBND\n\nKẾ HOẠCH\nPhát động thi đua năm 2026\n\nI. MỤC TIÊU\n\nNội dung.\n"
    assert [f for f in lint(text, Config(select=["T"]))] == []


def test_tone_style_verdicts_are_recorded():
    from planlint.engine import Context, lint_source
    from planlint.parsing.parser import parse
    from planlint.parsing.source import Source

    text = HEAD + "Công nghiệp hóa, hiện đại hóa; văn hoá; khỏe mạnh.\n"
    src = Source("<t>", text)
    ctx = Context(parse(text), Config(select=["T105"]))
    lint_source(src, Config(select=["T105"]), context=ctx)
    statements = sorted((v.text("en"), v.ok) for v in ctx.verdicts if v.code == "T105")
    assert statements == [("hóa ×2 + hoá ×1: both styles", False), ("khỏe ×1: one style", True)]


# -- whole plans ------------------------------------------------------------------------------


def fixture_findings(name: str, select: str = "T") -> list:
    path = FIXTURES / name
    return [f for f in lint(path.read_text(encoding="utf-8"), Config(select=[select]), path=str(path))]


def test_clean_fixture_gives_no_t_finding():
    assert fixture_findings("sach-xa-tan-phuoc-2026.txt") == []


DIRTY = [
    ("T106", "Ủy ban nhân thành phố"), ("T101", "kip thời"), ("T101", "Bổ xung"), ("T101", "nghành"),
    ("T101", "sắp sếp"), ("T102", "của của"), ("T101", "chuẩn đoán"), ("T101", "sơ xuất"),
    ("T101", "Vi người nghèo"), ("T106", "Hội đồng nhân quận"), ("T101", "chia sẽ"), ("T105", "văn hoá"),
    ("T101", "Phần đầu"), ("T103", "<sup>"), ("T103", "geq"), ("T103", "&nbsp;"), ("T102", "thực hiện thực hiện"),
    ("T101", "cũng cố"), ("T103", "VT_{Hà}"),
]


def test_dirty_fixture_gives_each_slip_once_on_its_line():
    path = FIXTURES / "loi-phuong-an-hoa-2026.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    expected = sorted((code, next(i + 1 for i, line in enumerate(lines) if needle in line)) for code, needle in DIRTY)
    got = sorted((f.code, f.line) for f in fixture_findings("loi-phuong-an-hoa-2026.txt"))
    assert got == expected


def test_dirty_fixture_has_no_t_error():
    assert all(f.severity != "error" for f in fixture_findings("loi-phuong-an-hoa-2026.txt"))


# -- the real drafts --------------------------------------------------------------------------


def test_seeds_t_warnings_are_the_real_slips(seeds):
    """Every T warning on a seed is a real slip of seed_truth.json, and each such slip is found
    (the document symbol's stray space belongs to the R family)."""
    truth = [c for c in seed_truth() if "T" in c["families"] and not c["anchor"].startswith("Số:")]
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        want = {next(i + 1 for i, line in enumerate(lines) if c["anchor"] in line)
                for c in truth if c["doc"] == path.name}
        found = [f for f in lint(text, Config(select=["T"]), path=str(path)) if f.severity != "info"]
        assert {f.line for f in found} == want, (path.name, [(f.line, f.code, f.message) for f in found])
        assert all(f.severity == "warning" for f in found)


def test_seed_files_for_t():
    assert seed_files() == [] or any(c["families"] == ["T"] for c in seed_truth())


# -- plans nobody had seen: clean, then one slip per copy ---------------------------------------

UNSEEN = FIXTURES / "unseen"
UNSEEN_PLANS = sorted(p.name for p in UNSEEN.iterdir())


@pytest.mark.parametrize("name", UNSEEN_PLANS)
def test_unseen_clean_plans_give_no_t_finding_and_no_error(name):
    text = (UNSEEN / name).read_text(encoding="utf-8")
    found = lint(text, Config(show_info=True), path=name)
    assert [(f.line, f.code, f.message) for f in found if f.code.startswith("T")] == []
    assert [(f.line, f.code, f.message) for f in found if f.severity == "error"] == []


PLANTED = [
    # (plan, correct text, the slip planted in a copy, the code expected on that line)
    ("kh-tuyen-quan-xa-vinh-thinh-2026.txt", "Ủy ban nhân dân huyện về công tác", "Ủy ban nhân huyện về công tác",
     "T106"),
    ("kh-tuyen-quan-xa-vinh-thinh-2026.txt", "kịp thời xử lý nghiêm", "kịp thời sử lý nghiêm", "T101"),
    ("kh-tuyen-quan-xa-vinh-thinh-2026.txt", "phối hợp với Công an xã, Trạm", "phối hợp với với Công an xã, Trạm",
     "T102"),
    ("kh-tuyen-quan-xa-vinh-thinh-2026.txt", "số lượng thanh niên", "số lượng thanh  niên", "T107"),
    ("kh-tuyen-quan-xa-vinh-thinh-2026.txt", "rà soát, nắm chắc", "rà xoát, nắm chắc", "T101"),
    ("kh-tuyen-quan-xa-vinh-thinh-2026.txt", "Quán triệt, triển khai", "Quán triệt, triễn khai", "T101"),
    ("kh-chuyen-doi-so-phuong-hoa-khanh-2026.md", "đạt ≥ 60%", "đạt $\\ge 60\\%$", "T103"),
    ("kh-chuyen-doi-so-phuong-hoa-khanh-2026.md", "chia sẻ dữ liệu", "chia sẽ dữ liệu", "T101"),
    ("kh-chuyen-doi-so-phuong-hoa-khanh-2026.md", "85% hộ gia đình", "85% hộ gia gia đình", "T102"),
    ("kh-pctt-huyen-song-hinh-2025.txt", "1. Chủ động phòng ngừa", "1\\. Chủ động phòng ngừa", "T103"),
    ("kh-chuyen-doi-so-phuong-hoa-khanh-2026.md", "tham mưu triển khai; theo dõi", "tham mưu triễn khai; theo dõi",
     "T101"),
    ("kh-pctt-huyen-song-hinh-2025.txt", "Uỷ ban nhân dân huyện ban hành Kế", "Uỷ ban nhân huyện ban hành Kế", "T106"),
    ("kh-pctt-huyen-song-hinh-2025.txt", "sửa đổi, bổ sung một số", "sửa đổi, bổ xung một số", "T101"),
    ("kh-pctt-huyen-song-hinh-2025.txt", "kịp thời, khắc phục", "kíp thời, khắc phục", "T101"),
    ("kh-pctt-huyen-song-hinh-2025.txt", "IV. KINH PHÍ\nTổng kinh phí dự kiến", "IV. KINH PHÍ\nTæng kinh phÝ dù kiÕn",
     "T104"),
    ("kh-pctt-huyen-song-hinh-2025.txt", "chủ động xây dựng phương án", "chủ động xây dựng dựng phương án", "T102"),
    ("kh-pctt-huyen-song-hinh-2025.txt", "Thực hiện tốt phương châm", "Thực hiện tốt phương trâm", "T101"),
    ("kh-giam-ngheo-xa-ea-kenh-2025.txt", "Hội Liên hiệp Phụ nữ xã", "Hội Liên hiệp Phụ xã", "T106"),
    ("kh-giam-ngheo-xa-ea-kenh-2025.txt", "sửa chữa 6 nhà", "sữa chữa 6 nhà", "T101"),
    ("kh-giam-ngheo-xa-ea-kenh-2025.txt", "tự lực vươn lên", "tự lực vƣơn lên", "T104"),
    ("kh-giam-ngheo-xa-ea-kenh-2025.txt", "công khai, dân chủ; vận động", "công khai, dân chủ ; vận động", "T107"),
    ("kh-giam-ngheo-xa-ea-kenh-2025.txt", "đối thoại chính sách", "đối thọai chính sách", "T101"),
    ("kh-atgt-tinh-quang-tri-2026.md", "tai nạn giao thông, làm chết", "tai nạn giao thông giao thông, làm chết",
     "T102"),
    ("kh-atgt-tinh-quang-tri-2026.md", "đẩy mạnh tuyên truyền \"Đã", "đẩy mạnh tuyên chuyền \"Đã", "T101"),
    ("kh-atgt-tinh-quang-tri-2026.md", "quản lý chặt chẽ hoạt động", "quản lý chặt chẻ hoạt động", "T101"),
    ("kh-atgt-tinh-quang-tri-2026.md", "trên 98%;", "trên 98<sup>%</sup>;", "T103"),
    ("kh-atgt-tinh-quang-tri-2026.md", "Ủy ban nhân dân các huyện", "Ủy ban dân các huyện", "T106"),
    ("kh-atgt-tinh-quang-tri-2026.md", "hoạt động ngoại khóa", "hoạt động ngọai khóa", "T101"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "chất lượng chẩn đoán", "chất lượng chuẩn đoán", "T101"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "nâng cao năng suất lúa", "nâng cao năng xuất lúa", "T101"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "4 m²/người", "4 m^2^/người", "T103"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "Mặt trận Tổ quốc Việt Nam xã và", "Mặt trận Tổ quốc Việt xã và", "T106"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "bồi dưỡng đội ngũ", "bồi dưỡng đội đội ngũ", "T102"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "thực hiện phân loại rác", "thực hiện thực hiện phân loại rác", "T102"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "tuyên truyền, vận động Nhân dân", "tuyên truyền,vận động Nhân dân", "T107"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "khám sàng lọc", "khám sàng lộc", "T101"),
    ("kh-ntm-y-te-xa-tan-hoa-2025.md", "học sinh sinh viên tham gia", "học sinh sinh viên viên tham gia", "T102"),
    # a plan exported with hard line breaks: slips across a line end
    ("kh-giao-duc-phuong-thuy-xuan-2025.txt", "Uỷ\nban nhân dân phường Thuỷ Xuân xây dựng",
     "Uỷ\nban nhân phường Thuỷ Xuân xây dựng", "T106"),
    ("kh-giao-duc-phuong-thuy-xuan-2025.txt", "giải pháp\nnăm học 2025 - 2026 của",
     "giải pháp\npháp năm học 2025 - 2026 của", "T102"),
    ("kh-giao-duc-phuong-thuy-xuan-2025.txt", "tăng cường giáo dục kỹ năng sống",
     "tăng cường giáo dục giáo dục kỹ năng sống", "T102"),
    ("kh-giao-duc-phuong-thuy-xuan-2025.txt", "tham mưu Uỷ ban nhân dân phường", "tham mưu Ủy ban nhân dân phường",
     "T105"),
    ("kh-giao-duc-phuong-thuy-xuan-2025.txt", "trong trường học.", "trong trường học.<br/>", "T103"),
    ("kh-giao-duc-phuong-thuy-xuan-2025.txt", "\"Cộng đồng học tập\"", "\"Coäng ñoàng hoïc taäp\"", "T104"),
]


@pytest.mark.parametrize("name,right,wrong,code", PLANTED, ids=[f"{c}-{i}" for i, (_, _, _, c) in enumerate(PLANTED)])
def test_a_slip_planted_in_an_unseen_plan_is_found_once_on_its_line(name, right, wrong, code):
    text = (UNSEEN / name).read_text(encoding="utf-8")
    assert text.count(right) == 1
    planted = text.replace(right, wrong)
    i = text.index(right)
    first = text[:i].count("\n") + 1
    last = first + wrong.count("\n")
    found = [(f.code, f.line) for f in lint(planted, Config(select=["T"]), path=name)]
    assert len(found) == 1 and found[0][0] == code and first <= found[0][1] <= last, found
