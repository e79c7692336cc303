"""The file took longer than its time budget and was not fully checked.

planlint runs in linear time, but a pre-commit hook must never hang: once a file has used its
budget (``time-budget`` in ``[tool.planlint]`` or ``--time-budget``, 30 seconds by default) the findings of the rules
that finished are reported with this one, and the run goes on with the next file. The examples
below run with a budget of zero seconds (any plan is then not fully checked) and the default.

Bad::

    KẾ HOẠCH
    I. MỤC ĐÍCH

Good::

    KẾ HOẠCH
    I. MỤC ĐÍCH
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..finding import Hit
from ..parsing.tree import Span
from ..rule import rule


@rule(
    code="X103",
    name="not-fully-checked",
    severity="warning",
    messages={
        "en": "not fully checked: linting stopped after the time budget of {seconds} s; findings may be missing",
        "vi": "chưa kiểm tra hết: dừng sau thời hạn {seconds} giây; có thể còn lỗi chưa báo",
    },
    fix={"en": "raise time-budget in [tool.planlint], or split the file",
         "vi": "tăng time-budget trong [tool.planlint], hoặc tách tệp"},
    after_findings=True,
)
def check(ctx: Context) -> Iterator[Hit]:
    # the engine's timer stops a file at its budget and reports it with this rule's message;
    # where there is no timer (a thread, Windows) the rules run to the end and the overrun is
    # reported here
    budget = ctx.config.time_budget
    if budget and ctx.elapsed() > budget:
        yield Hit(Span(0, 0), {"seconds": f"{budget:g}"})
