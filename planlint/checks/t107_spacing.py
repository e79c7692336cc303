"""Spaces where they do not belong in running text (``tỷ  lệ``, ``xã ,``, ``xã,phường``).

Vietnamese typography follows the usual rules: one space between words, none before a comma,
full stop, semicolon, colon, question or exclamation mark, one after a comma or semicolon.
Exports and hurried edits leave two spaces between words, a space before punctuation, or none
after a comma. Two spaces between words are reported once per paragraph (with their count);
two spaces after a full stop, an ellipsis (`` ...``) and the closing ``./.`` are left alone, and
so are numbers (``1,5``). Three spaces or more, or a tab, are layout, not a typing slip: the two
columns of a header flattened into one line, a table exported as text, the blank a draft leaves
for the day (``ngày     tháng``); a paragraph that has such a gap is not read for double spaces.
The document number line (``Số: 21 /KH-UBND``) is checked by R102.

Bad::

    1. Mục đích

    Nâng cao tỷ  lệ hộ gia đình văn hóa ; vận động cán bộ,công chức tham gia.

Fixed::

    1. Mục đích

    Nâng cao tỷ lệ hộ gia đình văn hóa; vận động cán bộ, công chức tham gia.

Good::

    1. Mục đích

    Nâng cao tỷ lệ hộ gia đình văn hóa; vận động cán bộ, công chức tham gia các phong trào ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..engine import Context
from ..facts.legacy import readable
from ..finding import Edit, Hit
from ..parsing.tree import Plan, Span
from ..rule import rule

_DOUBLE_SPACE = re.compile(r"(?<=[^\W_])[ \u00a0]{2}(?=[^\W_])")
# three spaces or more, or a tab: columns laid out with spaces (a two-column header, a table
# exported as text) or a blank left for the day ("ngày     tháng"): layout, not a typing slip
_LAYOUT_GAP = re.compile(r"[ \u00a0]{3,}|\t")
_SPACE_BEFORE = re.compile(r"(?<=[^\W_])[ \t\u00a0]+([,;:.!?])(?=[\s”\")]|$)")
_NO_SPACE_AFTER = re.compile(r"(?<=[^\W\d_])([,;])(?=[^\W\d_])")
_ENTITY_HEAD = re.compile(r"&#?\w+$")
_LONE_LETTER = re.compile(r"(?<![^\W\d_])[^\W\d_]$")
_LONE_LETTER_AFTER = re.compile(r"[^\W\d_](?![^\W\d_])")


@dataclass(slots=True)
class Spacing:
    span: Span
    kind: str  # double | before | after
    found: str  # the text around it as printed
    fixed: str
    count: int = 1  # double spaces: how many in the paragraph
    repairs: list[tuple[Span, str]] = field(default_factory=list)  # (source span, replacement)


def _around(text: str, i: int, j: int) -> tuple[int, int]:
    """The words either side of ``text[i:j]``."""
    a = i
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = j
    while b < len(text) and not text[b].isspace():
        b += 1
    return a, b


def spacing(plan: Plan) -> list[Spacing]:
    """Spaces where they do not belong, in running text: two between words (one finding per
    paragraph), one before a comma, full stop, colon…, none after a comma or semicolon between
    words. The number line ``Số: …`` is the R rules' business and is not read here."""
    out: list[Spacing] = []
    number = plan.header.number
    for p in readable(plan):
        if number is not None and p.span.start == number.span.start:
            continue
        text = p.text
        if ("  " in text or "\u00a0" in text) and not _LAYOUT_GAP.search(text):
            doubles = [m for m in _DOUBLE_SPACE.finditer(text)
                       if p.source_offset(m.end() - 1) - p.source_offset(m.start()) == m.end() - m.start() - 1]
            if doubles:
                m = doubles[0]
                a, b = _around(text, m.start(), m.end())
                out.append(Spacing(p.span_of(m.start(), m.end()), "double", text[a:b],
                                   text[a : m.start()] + " " + text[m.end() : b], len(doubles),
                                   [(p.span_of(d.start(), d.end()), " ") for d in doubles]))
        for m in _SPACE_BEFORE.finditer(text):
            if text.startswith("..", m.start(1)) or text.startswith("./.", m.start(1)):
                continue  # an ellipsis, the closing "./."
            a, b = _around(text, m.start(), m.end())
            out.append(Spacing(p.span_of(m.start(), m.end()), "before", text[a:b],
                               text[a : m.start()] + text[m.start(1) : b],
                               repairs=[(p.span_of(m.start(), m.start(1)), "")]))
        for m in _NO_SPACE_AFTER.finditer(text):
            a, b = _around(text, m.start(), m.end())
            if m.group(1) == ";" and _ENTITY_HEAD.search(text, a, m.start()):
                continue  # "&nbsp;": conversion debris, T103
            if _LONE_LETTER.search(text, 0, m.start()) or _LONE_LETTER_AFTER.match(text, m.end()):
                continue  # "điểm a,b khoản 1": points of a legal citation
            out.append(Spacing(p.span_of(m.start(), m.end()), "after", text[a:b],
                               text[a : m.end()] + " " + text[m.end() : b],
                               repairs=[(p.span_of(m.end(), m.end()), " ")]))
    out.sort(key=lambda x: x.span.start)
    return out


@rule(
    code="T107",
    name="spacing",
    severity="warning",
    messages={
        "double": {
            "en": "two spaces between words in “{found}” ({count} in this paragraph)",
            "vi": "thừa dấu cách giữa hai từ trong “{found}” ({count} chỗ trong đoạn)",
        },
        "before": {
            "en": "a space before the punctuation in “{found}”",
            "vi": "thừa dấu cách trước dấu câu trong “{found}”",
        },
        "after": {
            "en": "no space after the punctuation in “{found}”",
            "vi": "thiếu dấu cách sau dấu câu trong “{found}”",
        },
    },
    fix={"en": "write “{fixed}”", "vi": "sửa thành “{fixed}”"},
    autofix="safe",
)
def check(ctx: Context) -> Iterator[Hit]:
    for g in ctx.facts(spacing):
        text = ctx.plan.source.text
        # an edit only removes or adds spaces: anything else under its span means the paragraph
        # text and the source differ there (markup), and the slip is left to the author
        edits = tuple(Edit(span, new) for span, new in g.repairs
                      if not text[span.start : span.end].strip() and not new.strip())
        yield Hit(g.span, {"found": g.found, "fixed": g.fixed, "count": g.count}, message_key=g.kind,
                  edits=edits if len(edits) == len(g.repairs) else ())
