"""``planlint annotate draft.docx -o draft.reviewed.docx``: findings as Word comments.

The document is read as ``planlint check`` reads it, linted, and each finding becomes a comment
(author "planlint") anchored on the exact text it is about: runs are split at the finding's
first and last character where needed. A finding on Word's automatic number (which has no text
of its own in the document) is anchored on the whole paragraph. The comment holds the message
and the fix in the chosen language. The original file is never written; the copy is written to
a temporary file beside the target and moved into place. Comments planlint already wrote (same
author, same text) are not added again, so annotating an annotated copy changes nothing.
"""

from __future__ import annotations

import copy
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config
from .finding import Finding
from .parsing.docx import W_NS, open_docx, paragraph_text
from .parsing.source import InputError
from .report import label

AUTHOR = "planlint"
INITIALS = "PL"
_T = f"{{{W_NS}}}t"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ONE_CHAR = {f"{{{W_NS}}}{t}" for t in ("tab", "ptab", "br", "cr", "noBreakHyphen")}
_RPR = f"{{{W_NS}}}rPr"


@dataclass
class Outcome:
    added: int = 0
    already: int = 0  # the same comment was there already
    findings: int = 0


def comment_text(f: Finding, lang: str) -> tuple[str, str | None]:
    """The comment's first paragraph (code, severity, message) and its fix line."""
    head = f"{f.code} [{f.severity}] {f.message}"
    fix = f"{label('fix_comment', lang)}: {f.fix}" if f.fix else None
    return head, fix


def _length(child: Any) -> int:
    if child.tag == _T:
        return len(child.text or "")
    return 1 if child.tag in _ONE_CHAR else 0


def _trim(run: Any, lo: int, hi: int) -> None:
    """Keep characters [lo, hi) of a run's text children (its properties stay)."""
    pos = 0
    for child in list(run):
        if child.tag == _RPR:
            continue
        n = _length(child)
        s, e = pos, pos + n
        pos = e
        if n == 0:
            if not lo <= s < hi and not (s == hi == lo):
                run.remove(child)
            continue
        a, b = max(s, lo), min(e, hi)
        if a >= b:
            run.remove(child)
        elif child.tag == _T:
            child.text = child.text[a - s:b - s]
            child.set(_XML_SPACE, "preserve")


def _split(run: Any, k: int) -> None:
    """Split a run after its ``k``-th character: the rest goes into a copy right after it."""
    total = sum(_length(c) for c in run if c.tag != _RPR)
    if not 0 < k < total:
        return
    rest = copy.deepcopy(run)
    _trim(run, 0, k)
    _trim(rest, k, total)
    run.addnext(rest)


def _anchor_runs(p: Any, start: int, end: int) -> tuple[Any, Any] | None:
    """The first and last ``w:r`` covering characters [start, end) of paragraph ``p``, split to fit."""
    for at in (start, end):
        for r, rs, re_ in paragraph_text(p).runs:
            if rs < at < re_:
                _split(r, at - rs)
                break
    runs = [(r, rs, re_) for r, rs, re_ in paragraph_text(p).runs if re_ > rs]
    inside = [r for r, rs, re_ in runs if rs >= start and re_ <= end]
    if not inside:
        return None
    return inside[0], inside[-1]


def annotate(src: Path, dst: Path, config: Config) -> Outcome:
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from .engine import lint_source

    if src.resolve() == dst.resolve():
        raise InputError(f"{dst}: the annotated copy must not overwrite the original; choose another -o")
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise InputError(f"{src}: cannot read: {exc.strerror}") from None
    if src.suffix.lower() not in (".docx", ".docm"):
        raise InputError(f"{src}: planlint annotate writes comments into a Word document (.docx)")
    source, document, handles = open_docx(data, str(src))
    findings = lint_source(source, config)
    outcome = Outcome(findings=len(findings))
    existing = {c.paragraphs[0].text if c.paragraphs else c.text
                for c in document.comments if c.author == AUTHOR}
    for f in findings:
        head, fix = comment_text(f, config.lang)
        if head in existing:
            outcome.already += 1
            continue
        span = f.span or (0, 0)
        key, unit, off = source.locate(span[0])
        if key not in handles:
            continue
        p, lead = handles[key]
        end_key, _u, end_off = source.locate(max(span[0], span[1] - 1))
        end = end_off + 1 if end_key == key else len(unit.text) if unit else off + 1
        start, end = off - lead, end - lead
        anchor = _anchor_runs(p, start, end) if start >= 0 else None
        if anchor is None:  # on Word's own number, or text planlint cannot pin: the whole paragraph
            anchor = _anchor_runs(p, 0, 1 << 30)
        if anchor is None:
            continue
        para = Paragraph(p, document._body)  # the body gives the runs their story part
        first, last = Run(anchor[0], para), Run(anchor[1], para)
        comment = document.add_comment([first, last], text=head, author=AUTHOR, initials=INITIALS)
        if fix:
            comment.add_paragraph(fix)
        existing.add(head)
        outcome.added += 1
    buf = io.BytesIO()
    document.save(buf)
    write_atomic(dst, buf.getvalue())
    return outcome


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise InputError(f"{path}: no such folder {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # an ordinary new file, not mkstemp's private 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
