"""No Vietnamese words in code: vocabulary lives in ``rules/*.toml`` (readable by a domain expert,
tested as data), planlint's own words in the rules' vi/en templates and ``rules/messages.toml``.

An AST scan of ``planlint/``: every string constant that holds a Vietnamese letter counts, except
docstrings (their Bad/Good examples are linted plans) and the ``messages=``/``fix=`` templates of a
``@rule``. No module may hold one: put the words in ``rules/`` (read through ``planlint.phrases``)
or in ``rules/messages.toml``.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planlint"

# the marks of Vietnamese letters: the five tone marks, the hat (â ê ô), the breve (ă), the horn (ơ ư)
_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def vietnamese(s: str) -> bool:
    """Whether ``s`` holds a Vietnamese letter: đ, or a Latin letter with Vietnamese marks."""
    for c in s:
        if c in "đĐ":
            return True
        if ord(c) > 0x7F and c.isalpha():
            d = unicodedata.normalize("NFD", c)
            if len(d) > 1 and d[0].isascii() and all(m in _MARKS for m in d[1:]):
                return True
    return False


def _exempt(tree: ast.AST) -> set[int]:
    """The ids of the constants that may hold Vietnamese: docstrings and rule message templates."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "rule":
            for kw in node.keywords:
                if kw.arg in ("messages", "fix"):
                    out.update(id(n) for n in ast.walk(kw.value))
    return out


def literals(path: Path) -> list[tuple[int, str]]:
    """``(line, value)`` of each string constant in ``path`` with a Vietnamese letter, not exempt."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt(tree)
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in exempt
            and vietnamese(n.value)]


def counts() -> dict[str, list[tuple[int, str]]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found = literals(path)
        if found:
            out[path.relative_to(PACKAGE).as_posix()] = found
    return out


def test_scanner_sees_words_not_docstrings():
    tree_src = '"""Kế hoạch."""\nX = "hộ nghèo"\nY = "ascii"\nrule(messages={"vi": "lỗi"}, fix={"vi": "sửa"})\n'
    path = Path(__file__).parent / "data" / "_literal_probe.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(tree_src, encoding="utf-8")
    try:
        assert literals(path) == [(2, "hộ nghèo")]
    finally:
        path.unlink()
    assert vietnamese("Ủy ban") and vietnamese("đ") and vietnamese("ư")
    assert not vietnamese("naïve, ASCII ≥ − ½ µ")


def test_no_vietnamese_literals_in_code():
    found = counts()
    assert not found, "Vietnamese words in code (move them to rules/*.toml or a rule's messages): " + "; ".join(
        f"{f}: " + ", ".join(f"line {n} {s!r}" for n, s in v[:5]) for f, v in found.items())
