"""The plan has no number line (``Số: …``) or no place-and-date line before its title.

ND30 puts the number and symbol (``Số: 14/KH-UBND``) and the place and date (``Hương Lâm, ngày 29
tháng 01 năm 2024``) above the title (DOMAIN.md, "Anatomy of a plan"). A draft exported without
them cannot be registered or dated: a warning. The finding stands where the line is missing: on
the title when the whole header is gone, else beside the line that is there.

When only one of the two lines is missing, the text must look like a whole document (an issuer
or motto line above, or a closing ``Nơi nhận:`` / signature below): a text that starts at ``Số:``
and stops before the closing is an excerpt, not a draft to be signed. When the whole header is
missing and the title carries its subject on its own line (``Báo cáo Tình hình kinh tế - xã hội
…``, ``KẾ HOẠCH KINH TẾ - XÃ HỘI NĂM 2022``), the text is a web page's copy of the body, headed by
the page's title: nothing to register, no finding.

Bad::

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

Good::

    Số: 09/KH-UBND

    An Phú, ngày 14 tháng 01 năm 2026

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.header import extract
from ..finding import Hit
from ..rule import rule


@rule(
    code="R101",
    name="missing-header-line",
    severity="warning",
    messages={
        "number": {"en": "no 'Số:' line (number and symbol, e.g. 'Số: …/{code}-UBND') before the title",
                   "vi": "thiếu dòng 'Số:' (số và ký hiệu, ví dụ 'Số: …/{code}-UBND') trước tên loại văn bản"},
        "date": {"en": "no place-and-date line ('…, ngày … tháng … năm …') before the title",
                 "vi": "thiếu dòng địa danh và ngày ban hành ('…, ngày … tháng … năm …') trước tên loại văn bản"},
    },
    fix={"number": {"en": "add 'Số: …/{code}-…' above the title",
                    "vi": "thêm dòng 'Số: …/{code}-…' phía trên tên văn bản"},
         "date": {"en": "add the place and date above the title", "vi": "thêm địa danh, ngày tháng năm ban hành"}},
)
def check(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    if plan.title is None:
        return
    h = ctx.facts(extract)
    code = plan.title.type_code or "KH"
    title = plan.title.line.span
    date_line = h.date.paragraph if h.date is not None else plan.header.place_date
    c = plan.closing
    whole = bool(plan.header.issuer or plan.header.motto or c.recipients_head or c.signature)
    if h.number is None and date_line is None and not whole and plan.title.summary is not None \
            and plan.title.summary.first_line == plan.title.line.first_line:
        return  # a web copy headed by the page's title ("Báo cáo Tình hình …" on one line)
    if (h.number is None) != (date_line is None) and not whole:
        return
    if h.number is None:
        anchor = date_line.span if date_line is not None else title
        yield Hit(anchor, {"code": code}, message_key="number")
    if date_line is None:
        anchor = h.number.paragraph.span if h.number is not None else title
        yield Hit(anchor, {"code": code}, message_key="date")
