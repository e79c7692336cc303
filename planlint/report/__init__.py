"""Reporters: findings (and facts) to text, rich text or JSON. Rich is imported only for a terminal."""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from ..finding import Finding
from ..i18n import Word

if TYPE_CHECKING:
    from ..parsing.source import Source


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):  # the convention: only a non-empty value turns colour off
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def json_report(findings: Sequence[Finding], out: IO[str]) -> None:
    # \u escapes where the stream cannot carry Vietnamese (cp1252): still valid JSON
    utf = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")
    json.dump([f.as_json() for f in findings], out, ensure_ascii=not utf, indent=2)
    out.write("\n")


def label(key: str, lang: str, **args: object) -> str:
    """A label of planlint's reports (table ``report`` of ``rules/messages.toml``) in ``lang``, filled
    with ``args``; for a count ``n``, ``{n_s}`` is the English plural ending ("" for 1, else "s")."""
    text = Word(f"report.{key}").render(lang)
    if not args:
        return text
    plurals = {f"{k}_s": "" if v == 1 else "s" for k, v in args.items() if isinstance(v, int)}
    return text.format(**args, **plurals)


def summary_line(findings: Sequence[Finding], files: int, lang: str) -> str:
    c = Counter(f.severity for f in findings)
    return label("summary", lang, n=len(findings), error=c["error"], warning=c["warning"], info=c["info"],
                 files=files)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters (escape sequences a plan may carry,
    bidi overrides) become U+FFFD, one for one, so that columns still line up."""
    return _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text


def _marked(source: Source | None, f: Finding) -> list[tuple[int, str, int, int]]:
    """(line number, text, first column, last column) for the lines a finding spans (max 3)."""
    if source is None:
        return []
    out = []
    last = min(f.end_line, f.line + 2)
    for n in range(f.line, last + 1):
        text = printable(source.original_line(n))
        c0 = f.column if n == f.line else 1
        c1 = f.end_column - 1 if n == f.end_line else len(text)
        out.append((n, text, c0, max(c0, c1)))
    return out


def _clip(text: str, c0: int, c1: int, width: int = 110) -> tuple[str, int, int]:
    """Clip a long source line around the marked columns (1-based, inclusive)."""
    if len(text) <= width:
        return text, c0, c1
    start = max(0, c0 - 1 - width // 3)
    piece = text[start:start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    shift = start - len(prefix)
    return prefix + piece + suffix, c0 - shift, min(c1 - shift, len(prefix) + len(piece))


def plain_report(findings: Sequence[Finding], sources: dict[str, Source], files: int, lang: str,
                 out: IO[str], quiet_clean: bool = True) -> None:
    for f in findings:
        out.write(printable(f"{f.location}: {f.code} [{f.severity}] {f.message}") + "\n")
        for n, text, c0, c1 in _marked(sources.get(f.path), f):
            text, c0, c1 = _clip(text, c0, c1)
            gutter = f"{n:>5} | "
            out.write(f"{gutter}{text}\n")
            out.write(" " * (len(gutter) - 2) + "| " + " " * (c0 - 1) + "^" * max(1, c1 - c0 + 1) + "\n")
        if f.fix:
            out.write(printable(f"      = {label('fix', lang)}: {f.fix}") + "\n")
        out.write("\n")
    if findings or not quiet_clean:
        out.write(summary_line(findings, files, lang) + "\n")


def rich_report(findings: Sequence[Finding], sources: dict[str, Source], files: int, lang: str,
                out: IO[str]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True)
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for f in findings:
        head = Text()
        head.append(printable(f"{f.location}: "), style="bold")
        head.append(f"{f.code} ", style=style[f.severity])
        head.append(f"[{f.severity}] ", style=style[f.severity])
        head.append(printable(f.message))
        console.print(head)
        for n, text, c0, c1 in _marked(sources.get(f.path), f):
            text, c0, c1 = _clip(text, c0, c1)
            line = Text()
            line.append(f"{n:>5} | ", style="dim")
            line.append(text[: c0 - 1])
            line.append(text[c0 - 1 : c1], style="bold underline " + style[f.severity])
            line.append(text[c1:])
            console.print(line)
            console.print(Text("      | " + " " * (c0 - 1) + "^" * max(1, c1 - c0 + 1), style=style[f.severity]))
        if f.fix:
            console.print(Text(printable(f"      = {label('fix', lang)}: {f.fix}"), style="green"))
        console.print()
    if findings:
        console.print(Text(summary_line(findings, files, lang), style="bold"))
    else:
        console.print(Text("✓ " + label("all_clear", lang, files=files), style="bold green"))


def text_report(findings: Sequence[Finding], sources: dict[str, Source], files: int, lang: str,
                out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    if use_color(out):
        rich_report(findings, sources, files, lang, out)
    else:
        plain_report(findings, sources, files, lang, out)
