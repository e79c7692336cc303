"""Formats CI reads: one line a finding (``concise``), GitHub workflow annotations (``github``)
and a count by rule (``--statistics``), as ruff has them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import IO

from ..finding import Finding


def concise_report(findings: Sequence[Finding], out: IO[str]) -> None:
    """``path:line:col: CODE [severity] message``: one line a finding, no context, no summary."""
    for f in findings:
        out.write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}\n")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(findings: Sequence[Finding], out: IO[str]) -> None:
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`` (GitHub's
    workflow commands; info findings are notices)."""
    for f in findings:
        props = (f"file={_gh_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_gh_property(f.code + ' ' + f.rule)}")
        out.write(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_gh_data(f.code + ' ' + f.message)}\n")


def statistics_report(findings: Sequence[Finding], out: IO[str], as_json: bool = False) -> None:
    """Count by rule, most frequent first; ``[*]`` marks rules whose findings carry a fix. With
    ``as_json``: an array of ``{"code", "rule", "count", "fixable"}`` in the same order."""
    counts = Counter(f.code for f in findings)
    names = {f.code: f.rule for f in findings}
    fixable = {f.code for f in findings if f.edit is not None}
    if as_json:
        import json

        rows = [{"code": code, "rule": names[code], "count": n, "fixable": code in fixable}
                for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    width = max((len(str(n)) for n in counts.values()), default=1)
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if code in fixable else "   "
        out.write(f"{n:>{width}}\t{code}\t{mark} {names[code]}\n")
