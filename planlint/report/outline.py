"""``planlint tree``: the parse as an indented outline with line numbers."""

from __future__ import annotations

from typing import IO

from ..parsing.tree import Paragraph, Plan, Section


def _short(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_tree(plan: Plan, out: IO[str]) -> None:
    def ln(p: Paragraph) -> int:
        return plan.position(p.span.start)[0]

    out.write(f"plan {plan.source.path}{'' if plan.recognised else '  (no plan structure recognised)'}\n")
    h = plan.header
    if any((h.number, h.place_date, h.issuer, h.motto)):
        out.write("├─ header\n")
        items = [("number", h.number), ("place-date", h.place_date)]
        items += [("issuer", p) for p in h.issuer] + [("motto", p) for p in h.motto]
        for label, p in sorted(((k, p) for k, p in items if p is not None), key=lambda kp: kp[1].span.start):
            out.write(f"│  ├─ {label:<10} L{ln(p)}  {_short(p.text)}\n")
    if plan.title is not None:
        t = plan.title
        out.write(f"├─ title {t.type_word} ({t.type_code}) L{ln(t.line)}\n")
        if t.summary is not None:
            out.write(f"│  └─ summary    L{ln(t.summary)}  {_short(t.summary.text)}\n")
    if plan.preamble:
        out.write("├─ preamble\n")
        for p in plan.preamble:
            out.write(f"│  ├─ paragraph  L{ln(p)}  {_short(p.text)}\n")
    if plan.body:
        out.write("├─ body\n")

        def walk(s: Section, indent: str) -> None:
            m = s.marker
            tag = m.kind if m.kind != "decimal" else f"decimal{len(m.prefix) + 1}"
            md = f" h{m.md_level}" if m.md_level else ""
            out.write(f"{indent}├─ {m.display():<6} {tag}{md} L{ln(s.heading)}  {_short(s.heading.text, 60)}\n")
            for p in s.paragraphs:
                out.write(f"{indent}│  ·  paragraph L{ln(p)}  {_short(p.text, 56)}\n")
            for c in s.children:
                walk(c, indent + "│  ")

        for s in plan.body:
            walk(s, "│  ")
    c = plan.closing
    if c.recipients_head or c.signature:
        out.write("└─ closing\n")
        if c.recipients_head is not None:
            out.write(f"   ├─ recipients L{ln(c.recipients_head)}  ({len(c.recipients)} entries)\n")
        for p in c.signature:
            out.write(f"   ├─ signature  L{ln(p)}  {_short(p.text)}\n")
