"""The signature block: which collective body issues the plan, whether it signs on the body's
behalf (``TM.``), and the chair's line (DOMAIN.md, "Document symbols and citations")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parsing.tree import Paragraph, Plan
from ..scan.dates import fold
from .header import extract as header

_COLLECTIVE = {"ubnd": "ỦY BAN NHÂN DÂN", "hdnd": "HỘI ĐỒNG NHÂN DÂN"}
_TM = re.compile(r"^\s*TM\s*\.", re.IGNORECASE)
_CHAIR = re.compile(r"(?:^|\s)(?:KT\s*\.\s*)?(?:PHÓ\s+)?CHỦ\s+TỊCH\b")
_ISSUER_LINE = re.compile(r"(ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN", re.IGNORECASE)


@dataclass(slots=True)
class Signing:
    body: str | None  # the collective body that issues the plan (ỦY BAN NHÂN DÂN, HỘI ĐỒNG NHÂN DÂN)
    on_behalf: bool  # a ``TM.`` line in the signature
    chair: Paragraph | None  # the CHỦ TỊCH / KT. CHỦ TỊCH line


def extract(plan: Plan) -> Signing | None:
    """The plan's signing, when it has a signature block."""
    sig = plan.closing.signature
    if not sig:
        return None
    body = None
    n = plan.fact(header).number
    if n is not None and n.parsed:
        body = _COLLECTIVE.get(fold(n.issuer))
    if body is None:
        for p in plan.header.issuer:
            m = _ISSUER_LINE.search(p.text)
            if m:
                body = _COLLECTIVE["ubnd"] if "BAN" in m.group(0).upper() else _COLLECTIVE["hdnd"]
                break
    lines = [ln for p in sig for ln in p.text.split("\n")]
    on_behalf = any(_TM.match(ln) for ln in lines) or any(_TM.search(p.text) for p in sig)
    chair = next((p for p in sig if _CHAIR.search(p.text)), None)
    return Signing(body, on_behalf, chair)
