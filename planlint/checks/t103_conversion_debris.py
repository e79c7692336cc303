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
from ..facts.markup import Debris, leftovers, markdown_source
from ..finding import Hit
from ..i18n import Word
from ..parsing.tree import Plan
from ..rule import rule


def debris(plan: Plan) -> list[Debris]:
    """The leftovers to report; backslash escapes only in a text export: in a markdown document
    they are its own syntax (``5\\.`` keeps "5." from turning into a list item), and a line with no
    letter or digit (the star under a Party issuer, ``\\*``) is no leftover either. Escaped
    characters come in crowds: one finding per paragraph names them all."""
    out: list[Debris] = []
    markdown = plan.fact(markdown_source)
    escapes: Debris | None = None
    for d in plan.fact(leftovers):
        if d.kind != "escape":
            out.append(d)
            continue
        if markdown or not d.worded:
            continue
        if escapes is None or escapes.paragraph != d.paragraph:
            escapes = Debris(d.span, d.kind, d.found, d.plain, d.paragraph)
            out.append(escapes)
        elif d.found not in escapes.found.split(" "):
            escapes.found += " " + d.found
            escapes.plain += " " + d.plain
    out.sort(key=lambda d: d.span.start)
    return out


@rule(
    code="T103",
    name="conversion-debris",
    severity="warning",
    messages={
        "default": {
            "en": "{what} left over from conversion: “{found}”; plain text: “{plain}”",
            "vi": "còn sót {what} khi chuyển đổi: “{found}”; viết thành “{plain}”",
        },
        "remove": {
            "en": "{what} left over from conversion: “{found}”; remove it",
            "vi": "còn sót {what} khi chuyển đổi: “{found}”; cần xóa bỏ",
        },
    },
    fix={
        "default": {"en": "write “{plain}”", "vi": "viết thành “{plain}”"},
        "remove": {"en": "delete “{found}”", "vi": "xóa “{found}”"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for d in ctx.facts(debris):
        yield Hit(d.span, {"found": d.found, "plain": d.plain, "what": Word(f"debris.{d.kind}")},
                  message_key="default" if d.plain else "remove")
