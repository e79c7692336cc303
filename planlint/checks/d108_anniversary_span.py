"""``kỷ niệm N năm … (A - B)``: the years in brackets must be N apart.

``kỷ niệm 30 năm tái lập tỉnh (5/1992 - 5/2022)``: 2022 − 1992 = 30. The bracket gives the
founding year and the anniversary year, so their difference is the N printed before it; a
mismatch is plain arithmetic (an error), whatever the event. Also ``chào mừng N năm …`` and
``N năm Ngày thành lập … (A - B)``.

Bad::

    Lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026).

Good::

    Lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..i18n import Word, seq
from ..rule import rule


@rule(
    code="D108",
    name="anniversary-span",
    severity="error",
    messages={
        "en": "kỷ niệm {n} năm ({a} - {b}): {b} − {a} = {diff}, not {n}",
        "vi": "kỷ niệm {n} năm ({a} - {b}): {b} − {a} = {diff}, không phải {n}",
    },
    fix={"en": "write {a} + {n} = {expected} as the end year, or correct N",
         "vi": "sửa năm cuối thành {a} + {n} = {expected}, hoặc sửa lại số năm kỷ niệm"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for an in ctx.facts(extract).anniversaries:
        if an.range is None:
            continue
        r = an.range.range
        a, b = r.start.year, r.end.year
        if a is None or b is None or not r.start.valid or not r.end.valid:
            continue
        diff = b - a
        ok = diff == an.n
        text = seq(Word("date.anniversary"), f" {an.n} ", Word("date.years"), f": {b} − {a} = {diff}",
                   " ✓" if ok else " ✗")
        ctx.verdict("anniversary", an.range.span, text, ok)
        if not ok:
            yield Hit(an.span, {"n": an.n, "a": a, "b": b, "diff": diff, "expected": a + an.n},
                      context=an.range.span)
