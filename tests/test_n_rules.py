"""The N rules, statement by statement: what each one reports, and what it must leave alone.

Every statement is linted as the only bullet of a section (``planlint.engine.lint`` with
``fragment=True``); a case lists the codes it must give (empty: silent for every N rule).
"""

from __future__ import annotations

from planlint.config import Config
from planlint.engine import lint


def n_findings(statement: str, **options):
    cfg = Config(select=["N"], options=dict(options))
    return [f for f in lint("II. CHỈ TIÊU\n\n- " + statement + "\n", cfg, fragment=True) if f.code.startswith("N")]


# -- messages show the arithmetic, in both languages ------------------------------------------------


def test_share_sum_message_and_severity():
    [f] = n_findings("Cơ cấu kinh tế: nông nghiệp 20,5%; công nghiệp - xây dựng 40,2%; dịch vụ 40,3%.")
    assert f.severity == "error"
    assert "20,5 + 40,2 + 40,3 = 101,0%" in f.message
    assert f.fix is not None and "39,3%" in f.fix  # the last share that would make 100


def test_messages_in_vietnamese():
    cfg = Config(select=["N"], lang="vi")
    [f] = lint("II. CHỈ TIÊU\n\n- Giữ vững 07/06 trạm y tế xã.\n", cfg, fragment=True)
    assert "07/06 trạm y tế" in f.message and "không thể" in f.message


def test_breakdown_points_at_the_part_whose_share_disagrees():
    text = ("II. CHỈ TIÊU\n\n- Tổng giá trị sản xuất: 1.525,59 tỷ đồng; trong đó: thương mại và dịch vụ: "
            "559,39 tỷ đồng;\ntiểu thủ công nghiệp - xây dựng: 661 tỷ đồng; nông - lâm - thủy sản: 265,20 tỷ đồng. "
            "Cơ cấu giá trị sản xuất: Thương mại và dịch vụ\n\n39,29%; tiểu thủ công nghiệp - xây dựng 43,33%; "
            "nông, lâm, thủy sản chiếm 17,38%.\n")
    found = lint(text, Config(select=["N"]), fragment=True)
    by_code = {f.code: f for f in found}
    assert set(by_code) == {"N102", "N103"}
    assert by_code["N102"].line == 3 and by_code["N102"].column == text.split("\n")[2].index("559,39") + 1
    assert "599,39" in (by_code["N102"].fix or "")  # what the part would be with the others as printed
    assert by_code["N103"].line == 3  # the value moved, the shares still add up
    assert "559,39 / 1.525,59 = 36,667%" in by_code["N103"].message


def test_share_group_across_a_blank_line_points_at_the_last_share():
    text = ("II. CHỈ TIÊU\n\n- Cơ cấu giá trị sản xuất: Thương mại và dịch vụ\n\n"
            "39,29%; tiểu thủ công nghiệp - xây dựng 43,33%; nông, lâm, thủy sản chiếm 18,38%.\n")
    [f] = lint(text, Config(select=["N"]), fragment=True)
    assert (f.code, f.line) == ("N101", 5)
    assert f.context == (3, 5)


def test_fraction_denominator_is_a_warning_naming_the_first_line():
    text = "II. CHỈ TIÊU\n\n- Có 6/7 xã, phường an toàn.\n- Có 5/5 xã, phường vững mạnh.\n"
    [f] = lint(text, Config(select=["N"]), fragment=True)
    assert (f.code, f.severity, f.line) == ("N105", "warning", 4)
    assert "line 3" in f.message


def test_growth_severity_depends_on_the_measure():
    prod = n_findings("Tăng trưởng giá trị sản xuất 15,0%, trong đó: công nghiệp - xây dựng tăng 12,4%; dịch vụ tăng "
                      "8,6%; nông nghiệp tăng 2,1%.")
    grdp = n_findings("Tăng trưởng GRDP 15,0%, trong đó: công nghiệp - xây dựng tăng 12,4%; dịch vụ tăng 8,6%; "
                      "nông nghiệp tăng 2,1%.")
    assert [f.severity for f in prod] == ["error"]
    assert [f.severity for f in grdp] == ["warning"]  # taxes on products may grow faster


def test_growth_in_bullets_under_the_aggregate():
    text = ("II. CHỈ TIÊU\n\n- Phấn đấu giá trị sản xuất đạt mức tăng trưởng 30% so với năm 2020.\n\n"
            "+ Khu vực I tăng 1,5%.\n\n+ Khu vực II tăng 27,5%.\n\n+ Khu vực III tăng 23%.\n")
    [f] = lint(text, Config(select=["N"]), fragment=True)
    assert (f.code, f.line) == ("N108", 3)
    ok = text.replace("30%", "25%")
    assert lint(ok, Config(select=["N"]), fragment=True) == []


def test_weighted_growth_tolerance_is_an_option():
    s = ("Tốc độ tăng trưởng giá trị sản xuất đạt 18,5%, trong đó: công nghiệp - xây dựng tăng 23,2%; dịch vụ tăng "
         "12,0%; nông nghiệp tăng 2,0%. Cơ cấu giá trị sản xuất: công nghiệp - xây dựng 68,6%; dịch vụ 16,6%; "
         "nông nghiệp 14,8%.")
    assert n_findings(s) == []  # 17,6% implied: within 1 point
    assert [f.code for f in n_findings(s, **{"growth-tolerance": 0.5})] == ["N110"]


def test_directive_silences_a_finding():
    text = ("II. CHỈ TIÊU\n\n<!-- planlint: disable-next-line=N105 -->\n- Giữ vững 07/06 trạm y tế xã.\n")
    assert lint(text, Config(select=["N"]), fragment=True) == []
