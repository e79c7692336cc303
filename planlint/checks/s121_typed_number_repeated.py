"""A typed number repeats Word's automatic number in front of it (Word documents).

Word shows its own number and then the typed one: the reader sees ``2. 2. Yêu cầu``. The numbers
agree, so nothing is wrong with the count, but the item is numbered twice, and the typed copy
will be wrong as soon as an item is inserted above it. See ../shared/DOMAIN.md, "Numbering".

In the examples a number in square brackets (``[2.]``) is Word's automatic number; the rest is
typed text.

Bad::

    [1.] Mục đích
    [2.] 2. Yêu cầu

Good::

    [1.] Mục đích
    [2.] Yêu cầu
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.wordnumbering import auto_numbers
from ..finding import Hit
from ..rule import rule


@rule(
    code="S121",
    name="typed-number-repeated",
    severity="warning",
    messages={
        "en": "{typed} is typed after Word's automatic {auto}: the item shows its number twice",
        "vi": "số {typed} được gõ tay sau số tự động {auto} của Word: mục này hiện hai lần số thứ tự",
    },
    fix={"en": "delete the typed {typed}", "vi": "xóa số gõ tay {typed}"},
    input="docx",
)
def check(ctx: Context) -> Iterator[Hit]:
    for a in ctx.facts(auto_numbers):
        if not a.typed or a.typed_span is None or a.typed_kind != a.kind:
            continue
        if a.typed_value == a.value and a.typed.rstrip(".)-–") == a.label.rstrip(".)-–"):
            yield Hit(a.typed_span, {"auto": a.label, "typed": a.typed}, context=a.line)
