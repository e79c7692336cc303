"""The dates of every paragraph, scanned once per plan and shared by the citation and timeline facts."""

from __future__ import annotations

import re

from ..parsing.tree import Block, Plan
from ..scan.dates import Scan, scan

_WORTH_SCANNING = re.compile(r"\d|…|\.\.\.")


def paragraph_scans(plan: Plan) -> list[tuple[Block, Scan]]:
    """Every block with the dates of its paragraph (each paragraph scanned once per plan)."""
    out = []
    for b in plan.blocks():
        text = b.paragraph.text
        out.append((b, scan(text) if _WORTH_SCANNING.search(text) else Scan()))
    return out
