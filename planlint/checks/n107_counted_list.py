"""An announced count does not match the items listed.

``06 Chỉ số: PAR INDEX, PCI, PAPI, SIPAS, DTI và PII`` announces six and lists six;
``03 khâu đột phá: hạ tầng giao thông, chuyển đổi số`` announces three and lists two. The items
are counted every reasonable way (by commas, with or without a final ``và`` joining two, by
semicolons, by bracketed acronyms: ``cải cách hành chính (PAR INDEX), … và Đổi mới sáng tạo
(PII)``), and only a count that matches none of them is reported. A warning: where an item ends
in Vietnamese prose is a reader's judgement, and an item may itself contain ``và``.

Bad::

    II. NỘI DUNG

    1. Tập trung thực hiện 04 khâu đột phá: hạ tầng giao thông, chuyển đổi số và nguồn nhân lực.

Good::

    II. NỘI DUNG

    1. Tập trung thực hiện 03 khâu đột phá: hạ tầng giao thông, chuyển đổi số và nguồn nhân lực.
    2. Nâng cao thứ hạng 06 Chỉ số: PAR INDEX, PCI, PAPI, SIPAS, DTI và PII.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.relations import counted_lists
from ..finding import Hit
from ..i18n import say, seq
from ..rule import rule


@rule(
    code="N107",
    name="counted-list",
    severity="warning",
    messages={
        "en": "{count} {noun} announced, but {listed} listed: {items}",
        "vi": "nêu {count} {noun} nhưng liệt kê {listed}: {items}",
    },
    fix={"en": "correct the count or complete the list", "vi": "sửa số lượng hoặc bổ sung danh sách"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for c in ctx.facts(counted_lists):
        ok = c.count in c.candidates
        listed = " / ".join(str(n) for n in c.candidates)
        shown = seq(say("verdict.listed", n=c.count), " ✓") if ok else say("verdict.listed", n=listed)
        ctx.verdict("counted list", c.span, seq(f"{c.count} {c.noun}: ", shown), ok)
        if not ok:
            items = "; ".join(c.items)
            if len(items) > 160:
                items = items[:157] + "…"
            yield Hit(c.span, {"count": c.count, "noun": c.noun, "listed": listed, "items": items},
                      context=c.sentence.span)
