"""A fixed institution name with a word dropped (``Ủy ban nhân tỉnh``, ``Hội đồng nhân huyện``).

Names of bodies are fixed (DOMAIN.md, "Document symbols and citations" and the signing blocks:
``Ủy ban nhân dân``, ``Hội đồng nhân dân``, ``Mặt trận Tổ quốc Việt Nam``, ``Hội đồng Thi đua -
Khen thưởng`` …); ``rules/institutions.toml`` lists them. A listed name written with one word
missing is reported with the word to put back. Case and tone-mark style are ignored; the
first word is never taken as dropped. Precision first: a name shortened to three words is a
slip only before a place level or ``các``/``cấp`` (``Ủy ban nhân tỉnh``), or before punctuation
when its last word went missing; ``Ủy ban Dân tộc``, ``Tòa án dân sự``, ``Đảng ủy Mặt trận …``
are other names and words, and the file lists such look-alikes.

Bad::

    1. Tổ chức thực hiện

    Các phong trào do Tỉnh ủy, Ủy ban nhân tỉnh, Hội đồng nhân huyện phát động.

Good::

    1. Tổ chức thực hiện

    Các phong trào do Tỉnh ủy, Ủy ban nhân dân tỉnh, Hội đồng nhân dân huyện, Ủy ban Dân tộc phát động.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.text import name_gaps
from ..finding import Hit
from ..rule import rule


@rule(
    code="T106",
    name="institution-name-gap",
    severity="warning",
    messages={
        "en": "“{found}” lacks “{missing}” of the name “{name}”",
        "vi": "“{found}” thiếu chữ “{missing}” trong tên “{name}”",
    },
    fix={"en": "write “{fixed}”", "vi": "sửa thành “{fixed}”"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for g in ctx.facts(name_gaps):
        yield Hit(g.span, {"found": g.found, "missing": g.missing, "name": g.name, "fixed": g.fixed})
