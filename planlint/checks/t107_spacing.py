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

from collections.abc import Iterator

from ..engine import Context
from ..facts.text import spacing
from ..finding import Edit, Hit
from ..rule import rule


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
