"""Running the rules: parse once, extract facts once, check, resolve findings.

Rules never touch the text themselves: they ask the context for facts (``ctx.facts(fn)``
memoises an extractor over the plan, so rules that share facts share the work) and yield
``Hit``s. Each check a rule evaluates, passing or failing, may be recorded with
``ctx.verdict(...)``: ``planlint facts`` shows reviewers those verdicts.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .config import Config
from .finding import Finding, Fix, Hit
from .i18n import render
from .parsing.parser import parse_source
from .parsing.source import Source
from .parsing.tree import Plan, Span
from .rule import Rule, selected_rules

T = TypeVar("T")


@dataclass(slots=True)
class Verdict:
    """One check a rule evaluated: the fact, the relation, whether it holds."""

    kind: str  # "share group", "ledger", "date", "citation", "sequence", …
    span: Span
    statement: Any  # the arithmetic or relation, as shown to a reviewer: text, or planlint.i18n values
    ok: bool
    code: str = ""

    def text(self, lang: str) -> str:
        return render(self.statement, lang)


@dataclass
class Context:
    plan: Plan
    config: Config
    rule: Rule | None = None
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.config.lang

    def facts(self, extractor: Callable[[Plan], T]) -> T:
        """``extractor(plan)``, computed once per plan whatever the number of rules asking."""
        return self.plan.fact(extractor)

    def option(self, name: str) -> Any:
        if name in self.config.options:
            return self.config.options[name]
        assert self.rule is not None
        opt = self.rule.options.get(name)
        return opt.default if opt is not None else None

    def verdict(self, kind: str, span: Span, statement: Any, ok: bool) -> None:
        self.verdicts.append(Verdict(kind, span, statement, ok, self.rule.code if self.rule else ""))


NOT_A_PLAN = "S110"


@dataclass
class LintResult:
    """One lint run over one source: what ``check``, ``facts`` and the reporters all read.

    ``facts`` holds the inventory rows (every figure understood) only when asked for: ``check``
    does not pay for them. Reporters read this and never run the engine again.
    """

    source: Source
    plan: Plan
    findings: list[Finding]
    verdicts: list[Verdict]
    facts: list[Any] = field(default_factory=list)


def run(source: Source, config: Config | None = None, *, fragment: bool = False,
        with_facts: bool = False) -> LintResult:
    """Lint ``source`` once: findings, the verdicts of every check, and (``with_facts``) the
    fact rows a reviewer reads."""
    with gc_paused():
        ctx = Context(parse_source(source), config or Config())
        findings = _lint(source, config, fragment, ctx)
        rows: list[Any] = []
        if with_facts:
            from .facts import inventories

            for inv in inventories():
                rows.extend(ctx.facts(inv))
            rows.sort(key=lambda r: r.span.start)
        return LintResult(source, ctx.plan, findings, ctx.verdicts, rows)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Linting builds many small objects that all live until the end and form no cycles to
    speak of; CPython's cyclic collector would re-scan them again and again, which makes a
    10 MB document cost 14x what a 1 MB one does. Pause it for the run, restore it after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint_source(source: Source, config: Config | None = None, *, fragment: bool = False,
                context: Context | None = None) -> list[Finding]:
    """Lint a source. ``fragment=True`` skips the "is this a plan at all" gate (rule examples)."""
    with gc_paused():
        return _lint(source, config, fragment, context)


def _lint(source: Source, config: Config | None, fragment: bool, context: Context | None) -> list[Finding]:
    config = config or Config()
    plan = context.plan if context is not None and context.plan.source is source else parse_source(source)
    ctx = context or Context(plan, config)
    ctx.plan, ctx.config = plan, config
    rules = list(selected_rules(config))
    gated = not fragment and not plan.recognised
    if gated:
        # not a plan: say so once; rules meant for any text (a legacy encoding that hides the
        # title, say) report their first finding only, never a flood
        rules = [r for r in rules if r.code == NOT_A_PLAN or r.any_text]
    elif not fragment:
        rules = [r for r in rules if r.code != NOT_A_PLAN]
    findings: list[Finding] = []
    for r in rules:
        ctx.rule = r
        for hit in r.check(ctx):
            findings.append(_resolve(source, r, hit, config.lang))
            if gated and r.any_text:
                break
    ctx.rule = None
    findings = _apply_directives(plan, findings)
    findings.sort(key=lambda f: f.sort_key)
    return _dedupe(findings)


def lint(text: str, config: Config | None = None, path: str = "<input>", *,
         fragment: bool = False) -> list[Finding]:
    """Lint a draft given as text."""
    return lint_source(Source(path, text), config, fragment=fragment)


def _resolve(source: Source, r: Rule, hit: Hit, lang: str) -> Finding:
    line, col = source.position(hit.span.start)
    end_line, end_col = source.end_position(max(hit.span.end, hit.span.start + 1))
    ctx_lines = None
    if hit.context is not None:
        ctx_lines = (source.position(hit.context.start)[0], source.end_position(hit.context.end)[0])
    return Finding(
        path=source.path, line=line, column=col, end_line=end_line, end_column=end_col,
        code=r.code, rule=r.name, severity=hit.severity or r.severity,
        message=r.message(hit.message_key, lang, hit.args),
        fix=r.fix_text(hit.message_key, lang, hit.args), context=ctx_lines, where=source.where(hit.span.start),
        edit=_resolve_edits(source, r, hit), span=(hit.span.start, hit.span.end),
    )


def _resolve_edits(source: Source, r: Rule, hit: Hit) -> Fix | None:
    """The hit's edits in offsets of the file on disk; none when the rule declared no fix, an
    edit changes nothing or two of them overlap (a rule's repair is applied whole or not at all)."""
    if not hit.edits or r.autofix is None:
        return None
    edits: list[tuple[int, int, str]] = []
    for e in sorted(hit.edits, key=lambda e: (e.span.start, e.span.end)):
        if not 0 <= e.span.start <= e.span.end <= len(source.text):
            return None
        start, end = source.raw_offset(e.span.start), source.raw_offset(e.span.end)
        if source.raw[start:end] == e.replacement:
            continue
        if edits and start < edits[-1][1]:
            return None
        edits.append((start, end, e.replacement))
    if not edits:
        return None
    return Fix(hit.safety or r.autofix, tuple(edits))


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for f in findings:
        key = (f.path, f.line, f.column, f.code, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


_DIRECTIVE = re.compile(r"planlint\s*:\s*(disable-next-line|disable-file|disable|enable)\s*(?:=\s*([\w,\s]+))?",
                        re.IGNORECASE)


def _codes(value: str | None) -> set[str] | None:
    if not value or not value.strip():
        return None  # every code
    return {c.strip().upper() for c in value.split(",") if c.strip()}


def _covers(codes: set[str] | None, code: str) -> bool:
    return codes is None or any(code.upper().startswith(c) for c in codes)


def _apply_directives(plan: Plan, findings: list[Finding]) -> list[Finding]:
    """``<!-- planlint: disable=S103 -->`` … ``<!-- planlint: enable=S103 -->``,
    ``<!-- planlint: disable-next-line=N101 -->`` and ``<!-- planlint: disable-file -->``."""
    if not plan.comments:
        return findings
    events: list[tuple[int, str, set[str] | None]] = []  # (1-based line, action, codes)
    source = plan.source
    for idx, inner in plan.comments:
        m = _DIRECTIVE.search(inner)
        if m:
            start, _ = source.line_bounds(idx)
            events.append((source.position(start)[0], m.group(1).lower(), _codes(m.group(2))))
    if not events:
        return findings
    nonblank = [source.position(source.line_bounds(i)[0])[0]
                for i in range(source.line_count) if source.text[slice(*source.line_bounds(i))].strip()]

    def next_content_line(after: int) -> int:
        for n in nonblank:
            if n > after:
                return n
        return after + 1

    out = []
    for f in findings:
        off = False
        for line, action, codes in events:
            if not _covers(codes, f.code):
                continue
            if action == "disable-file" or (action == "disable-next-line" and next_content_line(line) == f.line):
                off = True
            elif line < f.line and action in ("disable", "enable"):
                off = action == "disable"
        if not off:
            out.append(f)
    return out
