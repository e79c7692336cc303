"""``planlint facts``: every fact extracted and every check's verdict, for reviewers."""

from __future__ import annotations

import json
import re
from typing import IO

from ..engine import LintResult
from ..i18n import Word, glossary, render, say
from . import use_color


def kind_name(kind: str, lang: str) -> str:
    """What a fact or a verdict is about, in ``lang`` (glossary [kind]; the key itself if unlisted)."""
    entry = glossary().get("kind", {}).get(re.sub(r"\W+", "_", kind).strip("_"))
    return str(entry.get(lang) or entry["en"]) if entry else kind


def render_facts(result: LintResult, fmt: str, out: IO[str], lang: str = "en") -> None:
    """The fact rows and verdicts of one lint run (``engine.run(..., with_facts=True)``)."""
    source, rows, verdicts, findings = result.source, result.facts, result.verdicts, result.findings
    pos = source.position
    # Word/PDF input: e.g. tracked changes accepted
    notes = [render(n, lang) for n in getattr(source, "notes", [])]

    def word(key: str) -> str:
        return Word(f"report.{key}").render(lang)
    if fmt == "json":
        json.dump({
            "path": source.path,
            **({"notes": notes} if notes else {}),
            "facts": [{"kind": r.kind, "line": pos(r.span.start)[0], "column": pos(r.span.start)[1],
                       "text": render(r.text, lang), **r.data} for r in rows],
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
            console.print(f"[bold]{word('note')}:[/] {note}")
        t = Table(title=render(say("report.facts_in", path=source.path), lang), show_lines=False)
        for col in ("line", "kind", "fact"):
            t.add_column(word(col))
        for r in rows:
            t.add_row(str(pos(r.span.start)[0]), kind_name(r.kind, lang), render(r.text, lang))
        console.print(t)
        v = Table(title=word("checks_title"))
        for col in ("line", "rule", "kind", "", "relation"):
            v.add_column(word(col) if col else "")
        for c in verdicts:
            v.add_row(str(pos(c.span.start)[0]), c.code, kind_name(c.kind, lang),
                      "[green]✓[/]" if c.ok else "[red]✗[/]", c.text(lang))
        console.print(v)
        return
    mark = "¶" if getattr(source, "kind", None) == "docx" else "L"  # a Word document's places are paragraphs
    out.write(render(say("report.facts_in", path=source.path), lang) + "\n")
    for note in notes:
        out.write(f"  {word('note')}: {note}\n")
    for r in rows:
        out.write(f"  {mark}{pos(r.span.start)[0]:<5} {kind_name(r.kind, lang):<14} {render(r.text, lang)}\n")
    out.write(f"\n{word('checks_title')}\n")
    for c in verdicts:
        out.write(f"  {mark}{pos(c.span.start)[0]:<5} {c.code:<5} {'✓' if c.ok else '✗'} {kind_name(c.kind, lang):<14} "
                  f"{c.text(lang)}\n")
    if not verdicts:
        out.write(f"  {word('no_checks')}\n")
