"""A plan of a collective body (UBND, HĐND) is signed without ``TM.`` (only when configured).

A People's Committee is a collective body: its chair signs ``TM. ỦY BAN NHÂN DÂN`` / ``CHỦ TỊCH``,
a deputy adds ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` (DOMAIN.md, "Document symbols and citations";
ND30 art. 13). Drafts often leave the ``TM.`` line for the clerk, and a chair may sign a plan in
his own name, so the rule is quiet unless asked for: set ``strict-signing = true`` in
``[tool.planlint.options]`` (or select R110). The body is the issuer code of the plan's number
(``…/KH-UBND``) or the issuer line above it.

Bad::

    Số: 09/KH-UBND

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

    I. MỤC ĐÍCH

    1. Động viên Nhân dân thi đua.

    Nơi nhận:
    - Lưu: VT.

    CHỦ TỊCH

    Phạm Văn Đức

Good::

    Số: 09/KH-UBND

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026

    I. MỤC ĐÍCH

    1. Động viên Nhân dân thi đua.

    Nơi nhận:
    - Lưu: VT.

    TM. ỦY BAN NHÂN DÂN
    CHỦ TỊCH

    Phạm Văn Đức
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.signature import extract
from ..finding import Hit
from ..rule import Option, rule


@rule(
    code="R110",
    name="collective-signing",
    severity="warning",
    messages={
        "en": "the plan of the {body} is signed '{line}' without 'TM. {body}' above it",
        "vi": "kế hoạch của {body} ký '{line}' nhưng thiếu dòng 'TM. {body}' phía trên",
    },
    fix={"en": "add 'TM. {body}' above '{line}'", "vi": "thêm dòng 'TM. {body}' phía trên '{line}'"},
    options={"strict-signing": Option(bool, False,
                                      "report a plan of a People's Committee or Council signed without 'TM.'")},
    default_enabled=False,
    enabled_by="strict-signing",
)
def check(ctx: Context) -> Iterator[Hit]:
    s = ctx.facts(extract)
    if s is None or s.body is None or s.on_behalf or s.chair is None:
        return
    yield Hit(s.chair.span, {"body": s.body, "line": s.chair.text.strip()})
