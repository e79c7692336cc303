"""The signature block: which collective body issues the plan, whether it signs on the body's
behalf (``TM.``), and the chair's line (DOMAIN.md, "Document symbols and citations")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..data import vocabulary
from ..parsing.tree import Paragraph, Plan
from ..phrases import E, alt
from ..scan.dates import fold
from .header import extract as header


class _Vocabulary(NamedTuple):
    bodies: dict[str, str]  # folded issuer code -> the body's name: "ubnd" -> ỦY BAN NHÂN DÂN
    on_behalf: re.Pattern[str]  # "TM." at the start of a line
    chair: re.Pattern[str]  # "KT. CHỦ TỊCH"
    issuer_line: re.Pattern[str]  # a body's name in the header, one named group a body


@functools.cache
def _vocabulary() -> _Vocabulary:
    """The signing words of ``rules/header.toml``, built once."""
    closing = vocabulary("header")["closing"]
    bodies = vocabulary("header")["collective"]
    deputy = alt(closing["deputy_for"])
    return _Vocabulary(
        {fold(b["code"]): b["names"][0] for b in bodies},
        re.compile(r"^\s*" + alt(closing["on_behalf"]) + r"\s*\.", re.IGNORECASE),
        re.compile(rf"(?:^|\s)(?:{deputy}\s*\.\s*)?{alt(closing['chair'])}{E}"),
        re.compile("|".join(f"(?P<b{i}>{alt(b['names'])})" for i, b in enumerate(bodies)), re.IGNORECASE),
    )


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
    v = _vocabulary()
    n = plan.fact(header).number
    if n is not None and n.parsed:
        body = v.bodies.get(fold(n.issuer))
    if body is None:
        for p in plan.header.issuer:
            m = v.issuer_line.search(p.text)
            if m and m.lastgroup is not None:
                body = vocabulary("header")["collective"][int(m.lastgroup[1:])]["names"][0]
                break
    lines = [ln for p in sig for ln in p.text.split("\n")]
    on_behalf = any(v.on_behalf.match(ln) for ln in lines) or any(v.on_behalf.search(p.text) for p in sig)
    chair = next((p for p in sig if v.chair.search(p.text)), None)
    return Signing(body, on_behalf, chair)
