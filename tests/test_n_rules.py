"""The N rules, statement by statement: what each one reports, and what it must leave alone.

Every statement is linted as the only bullet of a section (``planlint.engine.lint`` with
``fragment=True``); a case lists the codes it must give (empty: silent for every N rule).
"""

from __future__ import annotations

import pytest

from planlint.config import Config
from planlint.engine import lint


def n_findings(statement: str, **options):
    cfg = Config(select=["N"], options=dict(options))
    return [f for f in lint("II. CHỈ TIÊU\n\n- " + statement + "\n", cfg, fragment=True) if f.code.startswith("N")]


SILENT = [
    # share groups that add up, in the phrasings drafts use
    "Cơ cấu kinh tế: Nông nghiệp 25,5% - Công nghiệp, xây dựng 35,2% - Dịch vụ 39,3%.",
    "Cơ cấu kinh tế (nông nghiệp - công nghiệp - dịch vụ) tương ứng: 25,5% - 35,2% - 39,3%.",
    "Cơ cấu kinh tế nông nghiệp - công nghiệp - dịch vụ tương ứng 36,20% - 34,50% - 29,30%.",
    "Tỷ trọng các ngành: nông nghiệp chiếm 20%, công nghiệp - xây dựng chiếm 35%, dịch vụ chiếm 45%.",
    "Cơ cấu sử dụng đất: đất nông nghiệp 70%, đất phi nông nghiệp 25%, đất chưa sử dụng 5%.",
    "Cơ cấu kinh tế: nông nghiệp 35%, phi nông nghiệp 65%.",
    "Cơ cấu giá trị sản xuất: nông nghiệp 15,69%; công nghiệp - xây dựng 48,95%; dịch vụ 35,35%.",  # 99,99
    # GRDP: taxes printed, or left out (three sectors near 90% are legitimate)
    "Cơ cấu GRDP: nông nghiệp 11,66%; công nghiệp - xây dựng 35,47%; dịch vụ 43,65%; "
    "thuế sản phẩm trừ trợ cấp sản phẩm 9,22%.",
    "Cơ cấu GRDP: nông nghiệp 11,66%; công nghiệp - xây dựng 35,47%; dịch vụ 43,65%.",
    "Cơ cấu kinh tế: nông nghiệp 12%; công nghiệp - xây dựng 36%; dịch vụ và thuế sản phẩm 52%.",
    # not share groups: changes, comparisons in brackets, restructuring, partial lists
    "Cơ cấu kinh tế năm 2025: nông nghiệp 20%, công nghiệp 35%, dịch vụ 45% (năm 2024 tương ứng là 22%, 34%, 40%).",
    "Cơ cấu kinh tế: nông nghiệp 20%, công nghiệp 35%, dịch vụ 45% (cùng kỳ năm 2024: 22%, 34%, 40%).",
    "Giảm tỷ trọng nông nghiệp xuống còn 18%, tăng tỷ trọng công nghiệp lên 37%, dịch vụ 50%.",
    "Cơ cấu lại ngành nông nghiệp: tỷ lệ cơ giới hóa 80%, tỷ lệ diện tích ứng dụng công nghệ cao 15%.",
    "Tỷ trọng công nghiệp - xây dựng chiếm 45%, dịch vụ 35%.",
    "Cơ cấu kinh tế: nông nghiệp giảm 0,07% so với năm 2023; công nghiệp 40%; dịch vụ 39,5%.",
    "Cơ cấu kinh tế chuyển dịch đúng hướng, tỷ trọng nông nghiệp 20%, công nghiệp 35%.",
    "Tỷ lệ đạt chuẩn văn hóa: hộ gia đình 86%; thôn văn hóa 90%.",
    "Tỷ lệ an toàn về an ninh trật tự: Xã, phường 95%; Cơ quan, đơn vị 100%.",
    "Tăng trưởng GRDP 7,5%; trong đó: nông nghiệp đóng góp 0,5 điểm phần trăm, công nghiệp 4 điểm phần trăm.",
    # breakdowns that add up, partial lists, averages, overlapping parts
    "Tăng trưởng giá trị sản xuất: 1.525,59 tỷ đồng; trong đó: thương mại và dịch vụ: 599,39 tỷ đồng; "
    "tiểu thủ công nghiệp - xây dựng: 661 tỷ đồng; nông - lâm - thủy sản: 265,20 tỷ đồng.",
    "Tổng số hộ: 1.685 hộ; trong đó: hộ nghèo 32 hộ, hộ cận nghèo 29 hộ.",
    "Dân số 12.000 người, trong đó nam 5.900 người, nữ 6.100 người.",
    "Tổng số 500 hộ, trong đó: hộ nghèo 300 hộ, hộ dân tộc thiểu số 400 hộ.",
    "Tổng diện tích tự nhiên 2.500 ha (đất nông nghiệp 1.800 ha, đất phi nông nghiệp 600 ha, đất chưa sử dụng 100 ha).",
    "Diện tích quy hoạch 3 loại rừng: 1.136,05 ha (rừng phòng hộ: 44,13 ha; rừng sản xuất: 1.091,92 ha).",
    "Thu nhập bình quân 60 triệu đồng/người/năm (thành thị 70 triệu đồng, nông thôn 50 triệu đồng).",
    "Giá trị sản xuất bình quân 1 ha đạt 142 triệu đồng (lúa 100 triệu đồng, rau màu 180 triệu đồng).",
    "Tổng vốn đầu tư 1,2 nghìn tỷ đồng (vốn trung ương 500 tỷ đồng, vốn địa phương 700 tỷ đồng).",
    "Tổng vốn 1.000 tỷ đồng, trong đó vốn ngân sách 300 tỷ đồng, tăng 20 tỷ đồng so với năm 2024.",
    "Tổng vốn đầu tư 20.214 tỷ đồng (nếu không tính vốn các dự án ngành điện, tổng vốn 9.682 tỷ đồng).",
    "Đàn bò: 1500 con, tỷ lệ lai 95%; Đàn lợn: 400 con; Tổng sản lượng thịt hơi: 268 tấn.",
    "Tổng diện tích 12 ha, trong đó 30.000 m2 đất ở.",
    "Tổng giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng (chiếm 20%); công nghiệp - xây dựng "
    "450 tỷ đồng (chiếm 45%); dịch vụ 350 tỷ đồng (chiếm 35%).",
    "Tổng giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng, chiếm 20%; công nghiệp - xây dựng "
    "450 tỷ đồng, chiếm 45%; dịch vụ 350 tỷ đồng, chiếm 35%.",
    "Tổng vốn 500 tỷ đồng, trong đó vốn ngân sách 300 tỷ đồng (chiếm 60%).",
    # shares of another whole stated beside a breakdown are not its shares
    "Giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng; công nghiệp 450 tỷ đồng; dịch vụ 350 tỷ "
    "đồng. Cơ cấu lao động: nông nghiệp 40%; công nghiệp 30%; dịch vụ 30%.",
    # parts of a whole
    "Tỷ lệ lao động qua đào tạo đạt 83%; trong đó, tỷ lệ có văn bằng, chứng chỉ 45%.",
    "Xây dựng 100% chi, đảng bộ hoàn thành nhiệm vụ, trong đó có trên 80% chi, đảng bộ hoàn thành tốt nhiệm vụ.",
    "Có trên 85% đảng viên hoàn thành tốt nhiệm vụ, trong đó có 90% đảng viên trẻ.",
    "Tỷ lệ hộ nghèo 5%, trong đó hộ nghèo dân tộc thiểu số chiếm 60%.",
    "Tỷ lệ che phủ rừng 40%, trong đó rừng tự nhiên chiếm 60%.",
    "Tỷ lệ lao động qua đào tạo đạt 70%, trong đó lao động nữ 75%.",
    "Thu ngân sách đạt 105% dự toán, trong đó thu nội địa đạt 120%.",
    "Tỷ lệ giải ngân đạt 80% kế hoạch, trong đó vốn ngân sách tỉnh đạt 95%.",
    # rates measured against a plan, a budget, a past period; enrolment ratios
    "Tỷ lệ huy động trẻ 3-5 tuổi đến trường đạt 101%.",
    "Tỷ lệ thu bảo hiểm xã hội đạt 102%.",
    "Tỷ lệ giải ngân vốn đầu tư công đạt 105% kế hoạch.",
    "Tỷ lệ người tham gia BHXH tự nguyện đạt 100% kế hoạch huyện giao.",
    "Thu ngân sách nhà nước trên địa bàn đạt/vượt mức chỉ tiêu của tỉnh giao $\\geq 100$ %;",
    "Tỷ lệ dân số được sử dụng nước sạch đạt 100%.",
    # fractions, dates that look like fractions, targets
    "Giữ vững 06/06 trạm y tế xã, phường đạt chuẩn quốc gia về y tế.",
    "Có 2/3 xã đạt chuẩn; 4/5 xã miền núi đạt chuẩn nông thôn mới.",
    "Tỷ lệ 1/3 số xã đạt chuẩn.",
    "Ngày 03/05 tổ chức hội nghị tại 5 xã; Quốc khánh 02/9.",
    "Kết nạp 10/7 đảng viên theo chỉ tiêu được giao.",
    # counted lists
    "Nâng cao thứ hạng 06 Chỉ số: cải cách hành chính (PAR INDEX), năng lực cạnh tranh (PCI), hiệu quả quản trị "
    "và hành chính công (PAPI), Chỉ số sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
    "nhà nước (SIPAS), chuyển đổi số (DTI) và Đổi mới sáng tạo (PII).",
    "Thực hiện chuyển đổi số trên cả 3 trụ cột: Chính quyền số, kinh tế số và xã hội số.",
    "Tập trung 3 nhiệm vụ: (1) phát triển kinh tế, du lịch; (2) xây dựng nông thôn mới; (3) cải cách hành chính.",
    "Triển khai 04 nội dung: tuyên truyền, vận động; kiểm tra, giám sát; khen thưởng; tổng kết.",
    "Thực hiện 03 chương trình mục tiêu quốc gia: xây dựng nông thôn mới, giảm nghèo bền vững, phát triển kinh tế - "
    "xã hội vùng đồng bào dân tộc thiểu số và miền núi.",
    "Kỷ niệm 30 năm: tổ chức mít tinh, triển lãm, hội thao.",
    "Đợt 1: Từ tháng 8 năm 2021 đến cuối tháng 12 năm 2021.",
    # growth
    "Tốc độ tăng trưởng giá trị sản xuất đạt 18,0%, trong đó: Công nghiệp - xây dựng tăng 23,2%; dịch vụ tăng 12,0%; "
    "nông, lâm nghiệp, thủy sản tăng trên 2,0%. Cơ cấu giá trị sản xuất ngành công nghiệp - xây dựng chiếm 68,6%; "
    "Thương mại - dịch vụ chiếm 16,6%; nông, lâm nghiệp, thủy sản chiếm 14,8%.",
    "Giá trị sản xuất 5 năm tăng bình quân 16,5%/năm; trong đó: Khu vực I tăng 1,7%/năm, khu vực II tăng 19%/năm, "
    "khu vực III tăng 22,9%/năm. Đến năm 2025, tỷ trọng giá trị sản xuất nông nghiệp, thủy sản chiếm 14%; công "
    "nghiệp và xây dựng chiếm 49%; thương mại, dịch vụ chiếm 37% tổng giá trị sản xuất.",
    "Giá trị sản xuất tăng 18,0%, trong đó: CN-XD tăng 23,2%; DV 12,0%; NN 2,0%.",
    "Thu ngân sách tăng 10%, trong đó: thu từ khu vực công nghiệp tăng 20%, thu từ dịch vụ tăng 25%.",
    "Tăng trưởng GRDP 9,5%, trong đó: công nghiệp - xây dựng tăng 12,4%; dịch vụ tăng 8,6%; nông nghiệp tăng 2,1%.",
    # numbers in the document's own convention
    "Sản lượng lương thực 3,098 tấn; diện tích 15,5 ha.",
    "Diện tích lúa 1.200 ha, năng suất 60 tạ/ha, sản lượng 7.200 tấn; cách mạng công nghiệp 4.0.",
]


@pytest.mark.parametrize("statement", SILENT)
def test_silent(statement):
    assert n_findings(statement) == []


HITS = [
    ("Cơ cấu kinh tế: Nông nghiệp 25,5% - Công nghiệp, xây dựng 36,2% - Dịch vụ 39,3%.", ["N101"]),
    ("Cơ cấu kinh tế nông nghiệp - công nghiệp - dịch vụ tương ứng 36,20% - 35,50% - 29,30%.", ["N101"]),
    ("Cơ cấu kinh tế năm 2025: nông nghiệp 20%, công nghiệp 37%, dịch vụ 45% (năm 2024 tương ứng là 22%, 34%, 40%).",
     ["N101"]),
    ("Tỷ trọng các ngành: nông nghiệp chiếm 20%, công nghiệp - xây dựng chiếm 35%, dịch vụ chiếm 47%.", ["N101"]),
    ("Cơ cấu sử dụng đất: đất nông nghiệp 70%, đất phi nông nghiệp 25%, đất chưa sử dụng 8%.", ["N101"]),
    ("Cơ cấu giá trị sản xuất: nông nghiệp 11,66%; công nghiệp - xây dựng 35,47%; dịch vụ 43,65%.", ["N101"]),
    ("Cơ cấu GRDP: nông nghiệp 11,66%; công nghiệp - xây dựng 35,47%; dịch vụ 43,65%; thuế sản phẩm trừ trợ cấp "
     "sản phẩm 8,22%.", ["N101"]),
    ("Tỷ trọng công nghiệp - xây dựng chiếm 65%, dịch vụ 45%.", ["N101"]),
    ("Tổng số hộ: 1.685 hộ; trong đó: hộ nghèo 1.732 hộ.", ["N102"]),
    ("Dân số 12.000 người, trong đó nam 5.900 người, nữ 6.000 người.", ["N102"]),
    ("Tổng diện tích rừng 1.239,3 ha (rừng tự nhiên: 50 ha, rừng trồng: 1198,3 ha).", ["N102"]),
    ("Sản lượng thủy sản 7.550 tấn (đánh bắt 7.410 tấn, nuôi trồng 40 tấn).", ["N102"]),
    ("Tổng vốn đầu tư 1,2 nghìn tỷ đồng (vốn trung ương 500 tỷ đồng, vốn địa phương 600 tỷ đồng).", ["N102"]),
    ("Tổng thu 100 tỷ đồng, gồm: thu nội địa 80 tỷ đồng, thu từ đất 30 tỷ đồng.", ["N102"]),
    ("Tổng giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng; công nghiệp - xây dựng 450 tỷ đồng; "
     "dịch vụ 350 tỷ đồng. Cơ cấu: nông nghiệp 20%; công nghiệp - xây dựng 35%; dịch vụ 45%.", ["N103", "N103"]),
    ("Tổng giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng (chiếm 25%); công nghiệp - xây dựng "
     "450 tỷ đồng (chiếm 40%); dịch vụ 350 tỷ đồng (chiếm 35%).", ["N103", "N103"]),
    ("Tổng giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng (20%); công nghiệp - xây dựng 450 tỷ "
     "đồng (45%); dịch vụ 360 tỷ đồng (36%).", ["N102"]),
    ("Tổng vốn 500 tỷ đồng, trong đó vốn ngân sách 300 tỷ đồng (chiếm 70%).", ["N103"]),
    ("Giá trị sản xuất 1.000 tỷ đồng; trong đó: nông nghiệp 200 tỷ đồng; công nghiệp 450 tỷ đồng; dịch vụ 350 tỷ "
     "đồng. Cơ cấu giá trị sản xuất: nông nghiệp 40%; công nghiệp 30%; dịch vụ 30%.", ["N103", "N103", "N103"]),
    ("Giá trị sản xuất tăng 28,0%, trong đó: CN-XD tăng 23,2%; DV 12,0%; NN 2,0%.", ["N108"]),
    ("Tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 75%.", ["N104"]),
    ("Xây dựng 80% chi bộ hoàn thành nhiệm vụ, trong đó có trên 85% chi bộ hoàn thành tốt nhiệm vụ.", ["N104"]),
    ("Tỷ lệ bao phủ bảo hiểm y tế 102%.", ["N106"]),
    ("Tỷ lệ hộ được sử dụng nước sạch đạt 100,5%.", ["N106"]),
    ("Giữ vững 07/06 trạm y tế xã.", ["N105"]),
    ("Có 08/07 thôn đạt chuẩn văn hóa.", ["N105"]),
    ("Có 6/7 xã, phường an toàn; 5/5 xã, phường vững mạnh về quốc phòng.", ["N105"]),
    ("Nâng cao thứ hạng 06 Chỉ số: PAR INDEX, PCI, PAPI, SIPAS và DTI.", ["N107"]),
    ("Thực hiện 03 khâu đột phá: hạ tầng giao thông, chuyển đổi số.", ["N107"]),
    ("Tăng trưởng giá trị sản xuất 25,0%, trong đó: công nghiệp - xây dựng tăng 23,2%; dịch vụ tăng 12,0%; "
     "nông nghiệp tăng 2,0%.", ["N108"]),
    ("Tăng trưởng giá trị sản xuất 1,5%, trong đó: công nghiệp - xây dựng tăng 23,2%; dịch vụ tăng 12,0%; "
     "nông nghiệp tăng 2,0%.", ["N108"]),
    ("Sản lượng thủy sản đạt 3,098 tấn.", ["N109"]),
    ("Diện tích nuôi trồng 15.40 ha, sản lượng 12,5 tấn, doanh thu 1.250,5 triệu đồng.", ["N109"]),
    ("Tốc độ tăng trưởng giá trị sản xuất đạt 20,0%, trong đó: công nghiệp - xây dựng tăng 23,2%; dịch vụ tăng 12,0%; "
     "nông nghiệp tăng 2,0%. Cơ cấu giá trị sản xuất: công nghiệp - xây dựng 68,6%; dịch vụ 16,6%; nông nghiệp "
     "14,8%.", ["N110"]),
]


@pytest.mark.parametrize("statement, codes", HITS, ids=[f"{c[0]}-{i}" for i, (_, c) in enumerate(HITS)])
def test_hits(statement, codes):
    assert sorted(f.code for f in n_findings(statement)) == sorted(codes)


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
