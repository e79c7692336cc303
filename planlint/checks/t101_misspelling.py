"""A frequent misspelling of draft plans (``kip thời``, ``bổ xung``, ``nghành``).

The dictionary is data: ``rules/misspellings.toml`` maps what drafters type to what they mean,
the slips DOMAIN.md ("Text") lists first (đặt biệt -> đặc biệt, kip thời -> kịp thời, sử lý ->
xử lý, bổ xung -> bổ sung, sắp sếp -> sắp xếp, sát nhập -> sáp nhập, cũng cố -> củng cố, nghành
-> ngành, chuẩn đoán -> chẩn đoán, sơ xuất -> sơ suất, chia sẽ -> chia sẻ). An entry that is a
true phrase somewhere carries its context, codespell-style: ``đặt biệt danh`` (to nickname) is
correct, so ``đặt biệt`` has ``unless_followed_by = ["danh"]``; ``phần đầu`` (the first part) is
``phấn đấu`` only before a target verb (``Phần đầu thu ngân sách …``). A domain expert extends the
file without code.

Matching is whole-word and case-insensitive on NFC text and ignores the tone-mark style
(``hoá``/``hóa``); the suggestion keeps the case of what was typed. Words that break a spelling
rule of Vietnamese orthography are reported too: ``ngh`` and ``gh`` stand only before i, e, ê
and ``ng`` never does (``nghành`` -> ``ngành``, ``ngiêm túc`` -> ``nghiêm túc``); the tone mark
goes on the vowel with the hat or horn (``đựơc`` -> ``được``, ``tíên`` -> ``tiến``), after the u
of ``qu`` and the i of ``gi`` (``qúy`` -> ``quý``), on the second vowel of oa/oe/uy before a
consonant (``tóan`` -> ``toán``) and on the first of an open ua/ia/ưa (``cuả`` -> ``của``). Only
the open oa/oe/uy have two accepted places (``hóa``/``hoá``: T105). Foreign names and
abbreviations, which are no Vietnamese syllable, are not judged.

Bad::

    1. Mục đích

    - Biểu dương kip thời các tập thể, cá nhân có thành tích đặt biệt xuất sắc.
    - Bổ xung nguồn lực cho các nghành, đơn vị.

Fixed::

    1. Mục đích

    - Biểu dương kịp thời các tập thể, cá nhân có thành tích đặc biệt xuất sắc.
    - Bổ sung nguồn lực cho các ngành, đơn vị.

Good::

    1. Mục đích

    - Biểu dương kịp thời các tập thể, cá nhân có thành tích đặc biệt xuất sắc.
    - Bổ sung nguồn lực cho các ngành, đơn vị; đặt biệt danh cho đội tình nguyện.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.text import misspellings
from ..finding import Edit, Hit
from ..i18n import Text
from ..rule import rule


@rule(
    code="T101",
    name="misspelling",
    severity="warning",
    messages={
        "default": {
            "en": "“{found}” is a misspelling of “{right}”",
            "vi": "“{found}” viết sai chính tả, đúng là “{right}”",
        },
        "orthography": {
            "en": "“{found}” is misspelt: {note}; write “{right}”",
            "vi": "“{found}” viết sai chính tả: {note}; đúng là “{right}”",
        },
    },
    fix={"en": "write “{right}”", "vi": "sửa thành “{right}”"},
    autofix="safe",
)
def check(ctx: Context) -> Iterator[Hit]:
    for m in ctx.facts(misspellings):
        # one correction, and the printed words are exactly what the span covers: safe to replace
        text = ctx.plan.source.text[m.span.start : m.span.end]
        edits = (Edit(m.span, m.right),) if text == m.found and m.right and "/" not in m.right else ()
        yield Hit(m.span, {"found": m.found, "right": m.right, "note": Text(en=m.note_en, vi=m.note_vi)},
                  message_key="orthography" if m.note_en else "default", edits=edits)
