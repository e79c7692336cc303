"""A word written twice in a row (``của của``, ``Đảng uỷ ủy``, ``thực hiện thực hiện``).

Only exact repeats count, of one syllable or of a two-syllable word, the two tone-mark styles
being the same word (DOMAIN.md, "Text": ``uỷ`` and ``ủy`` are one word in two accepted
spellings). Vietnamese
reduplication is common and correct: ``từ từ``, ``ngày ngày``, ``người người``, ``ngành
ngành``, ``nhà nhà``, ``đời đời`` … are listed in ``rules/reduplications.txt`` and never
reported; a word after a comma is not a repeat (``của, của``), nor is a name that follows the
same common noun (``quê hương Hương Lâm``). Where two words meet on one syllable (``hành vi``
+ ``vi phạm``, ``học sinh`` + ``sinh viên``, ``môi trường`` + ``trường học``) the repeat is
correct: the file lists such junctions, with the word before or after, and the words of two
syllables that often start on the last syllable of the word before (``giao thông thông suốt``,
``năng lực lực lượng``, ``hỗ trợ trợ cấp``, ``thực hiện hiện đại hóa``): a repeat followed by
the rest of one of them is left alone. Only content words are listed there, so a stutter on a
function word (``các các``, ``với với``) or on a name (``Ủy ban nhân nhân dân``) is still found.
Words across a text table's column break (three spaces or a tab: ``Tổng số hộ        hộ``, a label
then its unit column) are two cells, not a repeat; so is a word that stands alone on its line, as
an export puts each cell of a table on a line of its own.

Bad::

    2. Yêu cầu

    Triển khai Nghị quyết của của Đảng ủy xã đến toàn thể cán bộ, đảng viên.

Good::

    2. Yêu cầu

    Triển khai Nghị quyết của Đảng ủy xã; người người thi đua, ngành ngành thi đua; bảo đảm
    giao thông thông suốt.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..rule import rule
from ._text import repeats


@rule(
    code="T102",
    name="repeated-word",
    severity="warning",
    messages={
        "en": "“{first} {second}”: the word “{second}” is written twice",
        "vi": "“{first} {second}”: chữ “{second}” bị viết lặp hai lần",
    },
    fix={"en": "delete the second “{second}”", "vi": "xóa chữ “{second}” thứ hai"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for r in ctx.facts(repeats):
        yield Hit(r.span, {"first": r.first, "second": r.second}, context=r.context)
