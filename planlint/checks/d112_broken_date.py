"""A date broken by a stray space in conversion (``16/7/20 21``).

Word and PDF exports sometimes split a year across a line or a space: ``ngày 16/7/20 21``. It
reads as two numbers, not a date, so the other checks cannot use it. A warning with the joined
date as the fix.

Bad::

    Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ.

Good::

    Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..rule import rule


@rule(
    code="D112",
    name="broken-date",
    severity="warning",
    messages={
        "en": "'{text}' looks like a date broken by a stray space: {fixed}",
        "vi": "'{text}' có vẻ là ngày bị tách bởi dấu cách thừa: {fixed}",
    },
    fix={"en": "write {fixed}", "vi": "viết liền thành {fixed}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for m in ctx.facts(extract).mentions:
        d = m.date
        if d.broken:
            yield Hit(m.span, {"text": d.text.strip(), "fixed": f"{d.day_raw}/{d.month_raw}/{d.year_raw}"})
