"""``planlint facts``: every fact extracted and every check's verdict, for reviewers."""

from __future__ import annotations

import json
from typing import IO, Any

from ..config import Config
from ..engine import Context, lint_source
from ..facts import FactRow, inventories
from ..parsing.parser import parse_source
from ..parsing.source import Source
from . import use_color


def collect(source: Source, cfg: Config) -> tuple[list[FactRow], Context, list[Any]]:
    plan = parse_source(source)
    ctx = Context(plan, cfg)
    findings = lint_source(source, cfg, context=ctx)
    rows: list[FactRow] = []
    for inv in inventories():
        rows.extend(ctx.facts(inv))
    rows.sort(key=lambda r: r.span.start)
    return rows, ctx, findings


def render_facts(source: Source, cfg: Config, fmt: str, out: IO[str]) -> None:
    rows, ctx, findings = collect(source, cfg)
    pos = source.position
    if fmt == "json":
        json.dump({
            "path": source.path,
            "facts": [{"kind": r.kind, "line": pos(r.span.start)[0], "column": pos(r.span.start)[1],
                       "text": r.text, **r.data} for r in rows],
            "checks": [{"kind": v.kind, "line": pos(v.span.start)[0], "code": v.code,
                        "statement": v.statement, "ok": v.ok} for v in ctx.verdicts],
            "findings": [f.as_json() for f in findings],
        }, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if use_color(out):
        from rich.console import Console
        from rich.table import Table

        console = Console(file=out, highlight=False)
        t = Table(title=f"Facts in {source.path}", show_lines=False)
        for col in ("line", "kind", "fact"):
            t.add_column(col)
        for r in rows:
            t.add_row(str(pos(r.span.start)[0]), r.kind, r.text)
        console.print(t)
        v = Table(title="Checks")
        for col in ("line", "rule", "kind", "", "arithmetic / relation"):
            v.add_column(col)
        for c in ctx.verdicts:
            v.add_row(str(pos(c.span.start)[0]), c.code, c.kind, "[green]✓[/]" if c.ok else "[red]✗[/]", c.statement)
        console.print(v)
        return
    out.write(f"Facts in {source.path}\n")
    for r in rows:
        out.write(f"  L{pos(r.span.start)[0]:<5} {r.kind:<14} {r.text}\n")
    out.write("\nChecks\n")
    for c in ctx.verdicts:
        out.write(f"  L{pos(c.span.start)[0]:<5} {c.code:<5} {'✓' if c.ok else '✗'} {c.kind:<14} {c.statement}\n")
    if not ctx.verdicts:
        out.write("  (none)\n")
