"""Count string constants holding Vietnamese letters in the package, docstrings excluded.

Issue #9 wants the vocabulary in ``rules/``; this is the measure:
``python scripts/vi_literals.py [FILE ...]`` prints a count per file (all of ``planlint/``
when no file is given) and, with ``-v``, each literal with its line.
"""

from __future__ import annotations

import ast
import sys
import unicodedata
from pathlib import Path

# what only Vietnamese writing uses among the package's languages: d with stroke, and (once
# decomposed) a breve, circumflex or horn on a vowel, or one of the five tone marks
_STROKE = set("đĐ")
_MARKS = {"\u0306", "\u0302", "\u031b", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def vietnamese(text: str) -> bool:
    return any(ch in _MARKS or ch in _STROKE for ch in unicodedata.normalize("NFD", text))


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if vietnamese(node.value):
                out.append((node.lineno, node.value))
    return sorted(out)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    files = [Path(a) for a in argv if a != "-v"] or sorted(Path("planlint").rglob("*.py"))
    total = 0
    for f in files:
        found = literals(f)
        total += len(found)
        if found:
            print(f"{len(found):5d}  {f}")
            if verbose:
                for line, text in found:
                    print(f"         {line}: {text!r}")
    print(f"{total:5d}  total")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
