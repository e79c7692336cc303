"""A suppression comment that suppresses nothing (as ruff's RUF100 reports an unused ``noqa``).

A ``disable`` left behind after the text was fixed hides the next real mistake of that kind.
Only codes of rules that ran are judged: a suppression of a rule not selected is not reported.

Bad::

    <!-- planlint: disable-next-line=S103 -->
    I. MỤC ĐÍCH

Good::

    I. MỤC ĐÍCH
"""

from __future__ import annotations

from collections.abc import Iterator

from ..directives import directives
from ..engine import Context
from ..finding import Hit
from ..i18n import Word
from ..rule import rule


@rule(
    code="X102",
    name="unused-suppression",
    severity="warning",
    messages={
        "en": "unused suppression: {codes} reported nothing here",
        "vi": "chỉ thị tắt không dùng đến: {codes} không báo lỗi nào ở đây",
    },
    fix={
        "default": {"en": "remove {codes} from the comment", "vi": "bỏ {codes} khỏi chú thích"},
        "whole": {"en": "remove the comment", "vi": "xoá chú thích này"},  # nothing in it is used
    },
    after_findings=True,
)
def check(ctx: Context) -> Iterator[Hit]:
    ran = ctx.enabled_codes
    for d in ctx.facts(directives):
        if not d.action.startswith("disable"):
            continue
        if d.codes is None:
            if "*" not in d.used and ran:
                yield Hit(d.span, {"codes": Word("word.every_code")}, message_key="whole")
            continue
        unused = [c for c in d.codes if c not in d.used
                  and any(c == "ALL" or code.startswith(c) for code in ran)]
        if unused:
            whole = len(unused) == len(d.codes)
            yield Hit(d.span, {"codes": ", ".join(unused)}, message_key="whole" if whole else "default")
