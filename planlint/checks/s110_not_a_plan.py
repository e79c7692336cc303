"""The text is not recognisably an administrative document: no title, no ``Số:`` line, no header.

planlint reads plans, reports, decisions and resolutions: it recognises one from all the
evidence it has (``planlint/facts/kind.py``): a title (``KẾ HOẠCH``, ``BÁO CÁO``, or ``Kế hoạch
…`` on one line with its subject), a ``Số:`` line, the motto, a closing, an enacting line, or two
of: basis paragraphs (``Căn cứ …``), numbered parts, an issuer acting (``UBND xã báo cáo …``).
A README, a shopping list or an empty file gets this one ``info`` finding and nothing else, so
that linting a folder never floods the report with findings about files that are not documents.
With thin evidence (one such piece, or targets and figures), the number, ledger and date rules
run anyway and this finding says so; the structure, header and text rules stay quiet.
``--kind plan|report|any`` overrides the detection.

Bad::

    Danh sách mua sắm: gạo, muối, nước mắm.

Good::

    Số: 12/KH-UBND

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.kind import extract, term
from ..finding import Hit
from ..i18n import Seq
from ..parsing.tree import Span
from ..rule import rule


@rule(
    code="S110",
    name="not-a-plan",
    severity="info",
    messages={
        "default": {
            "en": "not recognised as an administrative document (no title such as KẾ HOẠCH or BÁO CÁO, no 'Số:' line, "
                  "no header, no 'Căn cứ' basis); checks skipped (use --kind to force them)",
            "vi": "không nhận ra đây là văn bản hành chính (không có tiêu đề như KẾ HOẠCH, BÁO CÁO, dòng 'Số:', phần "
                  "đầu văn bản hay căn cứ); bỏ qua các kiểm tra (dùng --kind để buộc kiểm tra)",
        },
        "thin": {
            "en": "little evidence of an administrative document ({evidence}): only the number, ledger and date checks "
                  "ran (use --kind to run them all)",
            "vi": "ít dấu hiệu của văn bản hành chính ({evidence}): chỉ chạy các kiểm tra số liệu, sổ hộ nghèo và "
                  "ngày tháng (dùng --kind để chạy tất cả)",
        },
    },
)
def check(ctx: Context) -> Iterator[Hit]:
    k = ctx.facts(extract)
    if k.level == "full":
        return  # (the engine runs this rule only on texts it gates; a rule's example is linted whole)
    if k.level == "thin":
        evidence = Seq(tuple(term(e.what) for e in k.evidence), ", ")
        yield Hit(Span(0, 0), {"evidence": evidence}, message_key="thin")
    else:
        yield Hit(Span(0, 0))
