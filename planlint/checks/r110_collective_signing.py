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

import re
from collections.abc import Iterator

from ..engine import Context
from ..facts.header import extract
from ..finding import Hit
from ..rule import rule
from ..scan.dates import fold

_COLLECTIVE = {"ubnd": "ỦY BAN NHÂN DÂN", "hdnd": "HỘI ĐỒNG NHÂN DÂN"}
_TM = re.compile(r"^\s*TM\s*\.", re.IGNORECASE)
_CHAIR = re.compile(r"(?:^|\s)(?:KT\s*\.\s*)?(?:PHÓ\s+)?CHỦ\s+TỊCH\b")
_ISSUER_LINE = re.compile(r"(ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN", re.IGNORECASE)


@rule(
    code="R110",
    name="collective-signing",
    severity="warning",
    messages={
        "en": "the plan of the {body} is signed '{line}' without 'TM. {body}' above it",
        "vi": "kế hoạch của {body} ký '{line}' nhưng thiếu dòng 'TM. {body}' phía trên",
    },
    fix={"en": "add 'TM. {body}' above '{line}'", "vi": "thêm dòng 'TM. {body}' phía trên '{line}'"},
    options={"strict-signing": False},
)
def check(ctx: Context) -> Iterator[Hit]:
    cfg = ctx.config
    explicit = any(p.upper() == "R110" for p in cfg.select + cfg.extend_select)
    if not (ctx.option("strict-signing") or explicit):
        return
    plan = ctx.plan
    sig = plan.closing.signature
    if not sig:
        return
    body = None
    n = ctx.facts(extract).number
    if n is not None and n.parsed:
        body = _COLLECTIVE.get(fold(n.issuer))
    if body is None:
        for p in plan.header.issuer:
            m = _ISSUER_LINE.search(p.text)
            if m:
                body = "ỦY BAN NHÂN DÂN" if "BAN" in m.group(0).upper() else "HỘI ĐỒNG NHÂN DÂN"
                break
    if body is None:
        return
    lines = [ln for p in sig for ln in p.text.split("\n")]
    if any(_TM.match(ln) for ln in lines) or any(_TM.search(p.text) for p in sig):
        return
    chair = next((p for p in sig if _CHAIR.search(p.text)), None)
    if chair is None:
        return
    yield Hit(chair.span, {"body": body, "line": chair.text.strip()})
