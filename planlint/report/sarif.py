"""SARIF 2.1.0 (the OASIS standard code-scanning services read): rule metadata from the
registry, one result a finding, fixes as replacements in the file's own characters.

Columns are counted in Unicode code points of the original line (``columnKind``), as planlint
counts them everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import IO, Any
from urllib.parse import quote

from .. import __version__
from ..finding import Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:")


def _first_paragraph(doc: str) -> str:
    return " ".join(doc.split("\n\n", 1)[0].split())


def sarif_log(findings: Sequence[Finding]) -> dict[str, Any]:
    from ..rule import all_rules

    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    descriptors = []
    for r in rules:
        descriptors.append({
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": _first_paragraph(r.doc) or r.summary},
            "help": {"text": r.doc or r.summary},
            "defaultConfiguration": {"level": _LEVEL[r.severity], "enabled": r.default_enabled},
            "properties": {"family": r.family, **({"fix": r.autofix} if r.autofix else {})},
        })
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index.get(f.code, -1),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" ({f.fix})" if f.fix else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": f.line, "startColumn": f.column,
                           "endLine": f.end_line, "endColumn": max(f.end_column, f.column + 1)},
            }}],
        }
        if f.edit is not None:
            result["fixes"] = [{
                "description": {"text": f.fix or f.message},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(f.path)},
                    "replacements": [{"deletedRegion": {"charOffset": s, "charLength": e - s},
                                      "insertedContent": {"text": text}} for s, e, text in f.edit.edits],
                }],
                "properties": {"safety": f.edit.safety},
            }]
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "planlint", "version": __version__, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def sarif_report(findings: Sequence[Finding], out: IO[str]) -> None:
    json.dump(sarif_log(findings), out, ensure_ascii=False, indent=2)
    out.write("\n")
