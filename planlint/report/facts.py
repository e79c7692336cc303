"""``planlint facts``: every fact extracted and every check's verdict, for reviewers."""

from __future__ import annotations

import json
from typing import IO

from ..engine import LintResult
from . import use_color


def render_facts(result: LintResult, fmt: str, out: IO[str], lang: str = "en") -> None:
    """The fact rows and verdicts of one lint run (``engine.run(..., with_facts=True)``)."""
    source, rows, verdicts, findings = result.source, result.facts, result.verdicts, result.findings
    pos = source.position
    notes: list[str] = list(getattr(source, "notes", []))  # Word/PDF input: e.g. tracked changes accepted
    if fmt == "json":
        json.dump({
            "path": source.path,
            **({"notes": notes} if notes else {}),
            "facts": [{"kind": r.kind, "line": pos(r.span.start)[0], "column": pos(r.span.start)[1],
                       "text": r.text, **r.data} for r in rows],
            "checks": [{"kind": v.kind, "line": pos(v.span.start)[0], "code": v.code,
                        "statement": v.text(lang), "ok": v.ok} for v in verdicts],
            "findings": [f.as_json() for f in findings],
        }, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if use_color(out):
        from rich.console import Console
        from rich.table import Table

        console = Console(file=out, highlight=False)
        for note in notes:
            console.print(f"[bold]Note:[/] {note}")
        t = Table(title=f"Facts in {source.path}", show_lines=False)
        for col in ("line", "kind", "fact"):
            t.add_column(col)
        for r in rows:
            t.add_row(str(pos(r.span.start)[0]), r.kind, r.text)
        console.print(t)
        v = Table(title="Checks")
        for col in ("line", "rule", "kind", "", "arithmetic / relation"):
            v.add_column(col)
        for c in verdicts:
            v.add_row(str(pos(c.span.start)[0]), c.code, c.kind, "[green]✓[/]" if c.ok else "[red]✗[/]", c.text(lang))
        console.print(v)
        return
    out.write(f"Facts in {source.path}\n")
    for note in notes:
        out.write(f"  Note: {note}\n")
    for r in rows:
        out.write(f"  L{pos(r.span.start)[0]:<5} {r.kind:<14} {r.text}\n")
    out.write("\nChecks\n")
    for c in verdicts:
        out.write(f"  L{pos(c.span.start)[0]:<5} {c.code:<5} {'✓' if c.ok else '✗'} {c.kind:<14} {c.text(lang)}\n")
    if not verdicts:
        out.write("  (none)\n")
