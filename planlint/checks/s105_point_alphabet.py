"""A point letter outside the Vietnamese alphabet (``f)``, ``j)``, ``w)``, ``z)``), or ``e)`` right
after ``d)`` where the Vietnamese sequence has ``đ)``.

Points follow a b c d đ e g h i k l m n o p q r s t u v x y (DOMAIN.md, "Numbering"; the list
is ``point_alphabet`` in ``rules/numbering.toml``). A foreign letter is not counted in its
sequence. Drafts typed with the Latin alphabet are common, so this is a warning.

Bad::

    2. Chỉ tiêu
    a) Kinh tế
    b) Xã hội
    c) Môi trường
    d) Quốc phòng
    e) Xây dựng Đảng
    f) Thi đua

Good::

    2. Chỉ tiêu
    a) Kinh tế
    b) Xã hội
    c) Môi trường
    d) Quốc phòng
    đ) Xây dựng Đảng
    e) Thi đua
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..rule import rule
from ._structure import anomalies, broken


@rule(
    code="S105",
    name="point-alphabet",
    severity="warning",
    messages={
        "foreign": {
            "en": "{found} is not a Vietnamese point letter (a b c d đ e g h i k …)",
            "vi": "{found} không thuộc bảng chữ cái đánh số điểm tiếng Việt (a b c d đ e g h i k …)",
        },
        "latin": {
            "en": "{found} follows d); the Vietnamese sequence expects {expected}",
            "vi": "{found} đứng sau d); theo bảng chữ cái tiếng Việt lẽ ra là {expected}",
        },
    },
    fix={
        "foreign": {"en": "use the next Vietnamese letter", "vi": "dùng chữ cái tiếng Việt kế tiếp"},
        "latin": {"en": "letter the points a b c d đ e g …", "vi": "đánh số điểm theo a b c d đ e g …"},
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    for s in ctx.plan.sections():
        m = s.marker
        if m.kind == "point" and not m.valid:
            yield Hit(m.span, {"found": m.display()}, context=s.heading.span, message_key="foreign")
    for a in ctx.facts(anomalies):
        if a.kind == "latin-point":
            broken(ctx, a)
            yield Hit(a.section.marker.span, {"found": a.found, "expected": a.expected},
                      context=a.section.heading.span, message_key="latin")
