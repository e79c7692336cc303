"""Markup left over from converting the draft (LaTeX, HTML, ``_{…}``, escaped markdown).

Drafts reach planlint through Word/PDF -> markdown/text converters, and formulas, superscripts
and subscripts come out as code (DOMAIN.md, "Numbers and units": ``m²`` arrives as ``m2`` or
``m<sup>2</sup>``): ``$\\geq 100$``, ``\\frac{1}{2}``, ``8m<sup>2</sup>``, ``<br>``, ``&nbsp;``,
``VT_{Đào}``, ``m^2^``, ``[chữ]{.underline}``, ``\\-``. Each leftover is named, with the plain text
to write instead (``≥ 100``, ``8m²``) or the advice to delete it; escaped characters, which come
in crowds, are named together once per paragraph, and only in a text export: in a markdown
document (``#`` headings, ``**`` bold, table rows) a backslash escape is markdown's own syntax
(``5\\.``, ``\\*``), and so is a lone escaped symbol on a line of its own. Money written with
a dollar sign (``5$``) is not LaTeX: a ``$…$`` pair counts only with a command, ``^``, ``_`` or
braces in it.

Bad::

    2. Chỉ tiêu

    - Thu ngân sách đạt $\\geq 100$ % dự toán; diện tích cây xanh 9m<sup>2</sup>/người.

Good::

    2. Chỉ tiêu

    - Thu ngân sách đạt ≥ 100% dự toán; diện tích cây xanh 9m²/người; học phí 5$ đến 10$.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.text import debris
from ..finding import Hit
from ..rule import rule

WHAT = {
    "latex": ("LaTeX", "mã LaTeX"),
    "html": ("HTML markup", "thẻ HTML"),
    "entity": ("an HTML entity", "mã ký tự HTML"),
    "subscript": ("subscript markup", "định dạng chỉ số dưới"),
    "superscript": ("superscript markup", "định dạng chỉ số trên"),
    "attribute": ("formatting attributes", "thuộc tính định dạng"),
    "image": ("an image reference", "liên kết hình ảnh"),
    "escape": ("escaped markdown", "ký tự markdown có dấu gạch chéo"),
}


@rule(
    code="T103",
    name="conversion-debris",
    severity="warning",
    messages={
        "default": {
            "en": "{what_en} left over from conversion: “{found}”; plain text: “{plain}”",
            "vi": "còn sót {what_vi} khi chuyển đổi: “{found}”; viết thành “{plain}”",
        },
        "remove": {
            "en": "{what_en} left over from conversion: “{found}”; remove it",
            "vi": "còn sót {what_vi} khi chuyển đổi: “{found}”; cần xóa bỏ",
        },
    },
    fix={
        "default": {"en": "write “{plain}”", "vi": "viết thành “{plain}”"},
        "remove": {"en": "delete “{found}”", "vi": "xóa “{found}”"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for d in ctx.facts(debris):
        en, vi = WHAT[d.kind]
        yield Hit(d.span, {"found": d.found, "plain": d.plain, "what_en": en, "what_vi": vi},
                  message_key="default" if d.plain else "remove")
