"""A typed number disagrees with Word's automatic number in front of it (Word documents).

When a drafter turns on Word's numbering over items that already carry typed numbers, or types
a number into a numbered paragraph, Word shows both: its own number, then the typed one. When
the two differ (``2. 3. Yêu cầu``), the item has two numbers and at most one is right. Word's
number comes from the list definition (``numbering.xml``), so the disagreement is certain: an
error. See ../shared/DOMAIN.md, "Numbering" (exports from Word).

In the examples a number in square brackets (``[2.]``) is Word's automatic number; the rest is
typed text.

Bad::

    [1.] Mục đích
    [2.] 3. Yêu cầu

Good::

    [1.] Mục đích
    [2.] Yêu cầu
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.wordnumbering import auto_numbers
from ..finding import Hit
from ..i18n import say
from ..rule import rule


@rule(
    code="S120",
    name="typed-number-mismatch",
    severity="error",
    messages={
        "en": "Word numbers this item {auto} but the typed number after it says {typed}",
        "vi": "Word tự đánh số mục này là {auto} nhưng số gõ tay ngay sau lại là {typed}",
    },
    fix={"en": "delete the typed {typed} and keep Word's numbering (or restart the list at {typed})",
         "vi": "xóa số gõ tay {typed}, giữ số tự động của Word (hoặc đặt lại danh sách bắt đầu từ {typed})"},
    input="docx",
)
def check(ctx: Context) -> Iterator[Hit]:
    for a in ctx.facts(auto_numbers):
        if not a.typed or a.typed_span is None or a.typed_kind != a.kind:
            continue
        ok = a.typed_value == a.value and a.typed.rstrip(".)-–") == a.label.rstrip(".)-–")
        ctx.verdict("word numbering", a.span, say("verdict.word_numbering", auto=a.label, typed=a.typed), ok)
        if not ok:
            yield Hit(a.typed_span, {"auto": a.label, "typed": a.typed}, context=a.line)
