"""Applying the machine-applicable repairs findings carry (``check --fix``, ``--diff``).

A rule declares whether its repairs are ``safe`` (the meaning cannot change: a misspelling with
one correction, stray spaces, the zero padding ND30 asks for, a Roman numeral with one reading)
or ``unsafe`` (renumbering: the items after a broken number move too). ``--fix`` applies safe
repairs, ``--unsafe-fixes`` the others as well. A figure an arithmetic check disputes (an N or P
finding) is never edited: which number is wrong is the author's call, so a repair touching one
is dropped.

Repairs are applied to the file as it is on disk (its line ends, BOM and Unicode form are kept
outside the edited spans), never two that overlap in one pass. The loop lints again after each
pass until nothing is left to repair (at most ``MAX_PASSES``), and a pass that makes the plan
parse worse (fewer sections understood, the plan no longer recognised) is reverted.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .engine import LintResult, run
from .finding import Finding
from .parsing.source import Source

MAX_PASSES = 4
ARITHMETIC_FAMILIES = ("N", "P")  # their findings dispute figures: never edited
NOT_EDITABLE = (".docx", ".doc", ".pdf", ".odt", ".rtf")  # Word files get comments (annotate)


@dataclass
class FixOutcome:
    result: LintResult  # the lint run of the repaired text (what is left to report)
    original: str  # the text as it was read
    fixed: int  # findings repaired
    reverted: bool = False  # a pass was undone because the plan parsed worse after it

    @property
    def text(self) -> str:
        return self.result.source.raw

    @property
    def changed(self) -> bool:
        return self.text != self.original


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    # two insertions at one point, or any shared character, conflict
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def select(result: LintResult, unsafe: bool = False) -> list[Finding]:
    """Findings whose repairs can be applied together in one pass, in file order."""
    source = result.source
    disputed = [(source.raw_offset(f.span[0]), source.raw_offset(f.span[1]))
                for f in result.findings if f.code.startswith(ARITHMETIC_FAMILIES) and f.span is not None]
    taken: list[tuple[int, int, str]] = []
    chosen = []
    candidates = [f for f in result.findings if f.edit is not None and (unsafe or f.edit.safety == "safe")]
    for f in sorted(candidates, key=lambda f: f.edit.edits[0][0] if f.edit else 0):
        assert f.edit is not None
        edits = f.edit.edits
        if any(s < de and ds < max(e, s + 1) for s, e, _ in edits for ds, de in disputed):
            continue
        if any(_overlaps(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        chosen.append(f)
    return chosen


def apply_edits(raw: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """``raw`` with each (start, end, replacement) applied; the edits must not overlap."""
    out, last = [], 0
    for s, e, text in sorted(edits, key=lambda x: (x[0], x[1])):
        out.append(raw[last:s])
        out.append(text)
        last = e
    out.append(raw[last:])
    return "".join(out)


def _quality(result: LintResult) -> tuple[bool, bool, int]:
    plan = result.plan
    return (not plan.degraded, plan.recognised, sum(1 for _ in plan.sections()))


def fix_source(source: Source, config: Config | None = None, *, unsafe: bool = False,
               fragment: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Repair ``source`` to a fixed point; the outcome holds the last lint run."""
    current = run(source, config, fragment=fragment)
    outcome = FixOutcome(current, source.raw, 0)
    for _ in range(max_passes):
        chosen = select(current, unsafe)
        if not chosen:
            break
        edits = [e for f in chosen if f.edit for e in f.edit.edits]
        candidate = run(Source(source.path, apply_edits(current.source.raw, edits)), config, fragment=fragment)
        if _quality(candidate) < _quality(current):
            outcome.reverted = True
            break
        current = candidate
        outcome.fixed += len(chosen)
    outcome.result = current
    return outcome


def fix_text(text: str, config: Config | None = None, *, unsafe: bool = False, fragment: bool = False) -> str:
    """The repaired text (tests and rule docs)."""
    return fix_source(Source("<input>", text), config, unsafe=unsafe, fragment=fragment).text


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=path, tofile=path))


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` (UTF-8) through a temporary file in the same folder and a
    rename, keeping the file's permission bits; line ends are the text's own."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".planlint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
