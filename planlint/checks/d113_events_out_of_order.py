"""An event closes, in the same sentence, before it opens.

A school year opens (khai giảng) before it closes (bế giảng), a conference opens (khai mạc) before
it closes (bế mạc), works start (khởi công) before they are finished or inaugurated (hoàn thành,
khánh thành). When one sentence gives both dates in full and the closing one comes first, one of
them is mistyped (usually the year): a **warning**, since planlint reads the two words, not what
they belong to (DOMAIN.md, "Dates": the calendar orders the two days). The opening and closing
words are ``opens`` and ``closes`` in ``rules/dates.toml``; a date in a range or a citation is
another check's.

Bad::

    - Năm học 2025 - 2026 khai giảng ngày 05/9/2025 và bế giảng ngày 25/5/2025.

Good::

    - Năm học 2025 - 2026 khai giảng ngày 05/9/2025 và bế giảng ngày 25/5/2026.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.timeline import extract
from ..finding import Hit
from ..rule import rule


@rule(
    code="D113",
    name="events-out-of-order",
    severity="warning",
    messages={
        "en": "'{closes}' on {closed} comes before '{opens}' on {opened} in the same sentence",
        "vi": "'{closes}' ngày {closed} lại sớm hơn '{opens}' ngày {opened} trong cùng một câu",
    },
    fix={"en": "check the year of one of the two dates", "vi": "kiểm tra lại năm của một trong hai ngày"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for e in ctx.facts(extract).event_orders:
        a, b = e.opened.first(), e.closed.last()
        if a is None or b is None:
            continue
        ok = a <= b
        ctx.verdict("range", e.context, f"{e.opens} {e.opened.display()} ≤ {e.closes} {e.closed.display()}"
                    + (" ✓" if ok else " ✗"), ok)
        if not ok:
            yield Hit(e.span, {"opens": e.opens, "opened": e.opened.display(), "closes": e.closes,
                               "closed": e.closed.display()}, context=e.context)
