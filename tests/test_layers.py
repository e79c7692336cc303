"""Imports flow one way, from the stages that read text to the ones that judge and show it:

    parsing, scan  ->  facts  ->  checks  ->  report

``parsing/`` and ``scan/`` never import ``facts/``, ``checks/`` or ``report/``; ``facts/`` never
imports ``checks/`` or ``report/``; ``checks/`` never imports ``report/``. The machinery at the
package's top level (data, phrases, i18n, cache, engine, cli, …) is outside the order. An AST scan
of every import of the package, including those inside functions.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planlint"

# stage -> the stages it must not import
FORBIDDEN = {
    "parsing": {"facts", "checks", "report"},
    "scan": {"facts", "checks", "report"},
    "facts": {"checks", "report"},
    "checks": {"report"},
}


def imported(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """``(line, module path inside planlint)`` of each import of a planlint module in ``path``."""
    here = path.relative_to(PACKAGE).parts[:-1]
    out: list[tuple[int, tuple[str, ...]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, tuple(a.name.split(".")[1:])) for a in node.names
                    if a.name.split(".")[0] == "planlint"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - (node.level - 1)]
                mod = base + tuple(node.module.split(".") if node.module else ())
            elif node.module and node.module.split(".")[0] == "planlint":
                mod = tuple(node.module.split(".")[1:])
            else:
                continue
            if node.module:
                out.append((node.lineno, mod))
            else:  # from . import x: each name is a module (or a name of the package)
                out += [(node.lineno, mod + (a.name,)) for a in node.names]
    return out


def violations() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        stage = rel.parts[0] if len(rel.parts) > 1 else None
        for line, mod in imported(path):
            if stage in FORBIDDEN and mod and mod[0] in FORBIDDEN[stage]:
                out.append(f"{rel.as_posix()}:{line} imports planlint.{'.'.join(mod)}")
    return out


def test_imports_flow_one_way():
    found = violations()
    assert not found, "imports against the flow parsing/scan -> facts -> checks -> report: " + "; ".join(found)


def test_the_scan_sees_relative_and_absolute_imports(tmp_path, monkeypatch):
    pkg = tmp_path / "planlint"
    (pkg / "scan").mkdir(parents=True)
    (pkg / "scan" / "probe.py").write_text(
        "from ..facts import vocab\nfrom ..data import vocabulary\nimport planlint.checks.x\n"
        "def f():\n    from planlint.report.facts import render_facts\n    from . import numbers\n",
        encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", pkg)
    assert imported(pkg / "scan" / "probe.py") == [
        (1, ("facts",)), (2, ("data",)), (3, ("checks", "x")), (5, ("report", "facts")),
        (6, ("scan", "numbers"))]
    assert violations() == ["scan/probe.py:1 imports planlint.facts", "scan/probe.py:3 imports planlint.checks.x",
                            "scan/probe.py:5 imports planlint.report.facts"]
