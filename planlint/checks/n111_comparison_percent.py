"""A percentage of achievement or change disagrees with the two values it compares.

Reports state a result, the percentage it makes of a target or of an earlier period, and that
other value in brackets: ``ước đạt 18,64 tỷ đồng, đạt 112,4% dự toán (dự toán 16,5 tỷ đồng)``
(18,64 ÷ 16,5 × 100 = 113,0%), ``đạt 265 tỷ đồng, tăng 12,8% so với cùng kỳ (năm 2024 đạt 241 tỷ
đồng)`` (265 ÷ 241 × 100 − 100 = 10,0%). The figure reader (``planlint facts`` lists these
statements) recognises the phrasing from token classes; the check recomputes the percentage
from the two values and reports it when no reading of the printed numbers, each within half a
unit of its last printed place, gives the printed percentage (DOMAIN.md, "Numbers and units":
tolerances follow the printed decimals). Values in two units of one dimension are converted
(``1,2 nghìn tỷ`` against ``950 tỷ đồng``); values in different dimensions are left alone.

The same holds for a figure that exceeded its target (``vượt 12,5% kế hoạch``: value ÷ target ×
100 − 100) and for a number of times (``tăng 1,6 lần so với năm 2020``: value ÷ base; since
Vietnamese also writes ``tăng N lần`` for N more times, only a ratio that meets neither reading is
reported), with the other value in brackets after the percentage, before it, or the percentage
first and the value in the next clause (``đạt 102,3% so với cùng kỳ, đạt 245 tỷ đồng (năm 2024:
239,5 tỷ đồng)``).

Bad::

    II. KẾT QUẢ

    - Thu ngân sách trên địa bàn ước đạt 24,5 tỷ đồng, đạt 118,2% dự toán (dự toán 20,0 tỷ đồng).

Good::

    II. KẾT QUẢ

    - Thu ngân sách trên địa bàn ước đạt 24,5 tỷ đồng, đạt 122,5% dự toán (dự toán 20,0 tỷ đồng).
    - Giá trị sản xuất nông nghiệp đạt 330 tỷ đồng, tăng 10% so với cùng kỳ (năm 2025 đạt 300 tỷ đồng).
    - Giá trị xuất khẩu đạt 33,6 triệu USD, vượt 12% kế hoạch (kế hoạch 30 triệu USD).
    - Vốn tín dụng chính sách đạt 90 tỷ đồng, gấp 3 lần so với năm 2020 (năm 2020: 30 tỷ đồng).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.statements import statements
from ..finding import Hit
from ..i18n import Word, seq
from ..rule import rule


@rule(
    code="N111",
    name="comparison-percent",
    severity="error",
    messages={
        "achievement": {
            "en": "{label} {value} of {base_word} {base} is {arithmetic}, but the text says {pct}",
            "vi": "{label} {value} so với {base_word} {base} là {arithmetic}, nhưng văn bản ghi {pct}",
        },
        "change": {
            "en": "{label} {value} against {base_word} {base}: {arithmetic}, but the text says {verb} {pct}",
            "vi": "{label} {value} so với {base_word} {base}: {arithmetic}, nhưng văn bản ghi {verb} {pct}",
        },
        "exceed": {
            "en": "{label} {value} over {base_word} {base}: {arithmetic}, but the text says {verb} {pct}",
            "vi": "{label} {value} so với {base_word} {base}: {arithmetic}, nhưng văn bản ghi {verb} {pct}",
        },
        "ratio": {
            "en": "{label} {value} against {base_word} {base}: {arithmetic} times, but the text says {verb} {pct} lần",
            "vi": "{label} {value} so với {base_word} {base}: {arithmetic} lần, nhưng văn bản ghi {verb} {pct} lần",
        },
    },
    fix={"en": "correct the percentage (or the value it is computed from)",
         "vi": "sửa tỷ lệ phần trăm (hoặc số liệu dùng để tính)"},
)
def check(ctx: Context) -> Iterator[Hit]:
    for s in ctx.facts(statements):
        if not s.checkable():
            continue
        ok = s.consistent()
        ctx.verdict(s.kind, s.span, seq(f"{s.arithmetic()} (", Word("verdict.printed"), f" {s.pct.shown()})"), ok)
        if ok:
            continue
        yield Hit(s.pct.span, {
            "label": s.label, "value": s.value.shown(), "base": s.base.shown(), "base_word": s.base_word,
            "arithmetic": s.arithmetic(), "pct": s.pct.shown(),
            "verb": s.verb,
        }, context=s.span, message_key=s.kind)
