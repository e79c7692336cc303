"""A list mixes typed numbers with Word's automatic numbers (Word documents).

Some items of one sequence are numbered by Word and others carry numbers typed by hand. The
numbers may read right today, but inserting or deleting an item renumbers only the automatic
ones, and the typed ones fall out of step: a likely source of the skipped and repeated numbers
the other S rules report. A warning on each typed item. See ../shared/DOMAIN.md, "Numbering".

In the examples a number in square brackets (``[2.]``) is Word's automatic number; the rest is
typed text.

Bad::

    [1.] Mục đích
    [2.] Yêu cầu
    3. Tổ chức thực hiện

Good::

    [1.] Mục đích
    [2.] Yêu cầu
    [3.] Tổ chức thực hiện
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.wordnumbering import mixed_lists
from ..finding import Hit
from ..rule import rule


@rule(
    code="S122",
    name="typed-in-automatic-list",
    severity="warning",
    messages={
        "en": "{found} is typed by hand in a list Word numbers automatically ({auto}): "
              "inserting an item will renumber only the automatic ones",
        "vi": "số {found} được gõ tay trong danh sách Word tự đánh số ({auto}): "
              "thêm bớt mục thì chỉ các số tự động được đánh lại",
    },
    fix={"en": "apply the list's numbering to this item and delete the typed {found}",
         "vi": "áp dụng đánh số tự động của danh sách cho mục này và xóa số gõ tay {found}"},
    input="docx",
)
def check(ctx: Context) -> Iterator[Hit]:
    for mixed in ctx.facts(mixed_lists):
        auto = ", ".join(s.marker.display() for s in mixed.auto[:3]) + ("…" if len(mixed.auto) > 3 else "")
        for s in mixed.typed:
            yield Hit(s.marker.span, {"found": s.marker.display(), "auto": auto}, context=s.heading.span)
