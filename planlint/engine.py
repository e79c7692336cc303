"""Running the rules: parse once, extract facts once, check, resolve findings.

Rules never touch the text themselves: they ask the context for facts (``ctx.facts(fn)``
memoises an extractor over the plan, so rules that share facts share the work) and yield
``Hit``s. Each check a rule evaluates, passing or failing, may be recorded with
``ctx.verdict(...)``: ``planlint facts`` shows reviewers those verdicts.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .config import Config
from .directives import Directive, directives, next_content_lines
from .finding import Finding, Fix, Hit
from .i18n import Say, render
from .parsing.parser import parse_source
from .parsing.source import Source
from .parsing.tree import Plan, Span
from .result import LintResult
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
    enabled_codes: frozenset[str] = frozenset()  # the codes that ran (late rules read it)
    started: float = field(default_factory=time.monotonic)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def lang(self) -> str:
        return self.config.lang

    def facts(self, extractor: Callable[[Plan], T]) -> T:
        """``extractor(plan)``, computed once per plan whatever the number of rules asking."""
        return self.plan.fact(extractor)

    def place(self, offset: int) -> Any:
        """Another place of the document as a message names it (``Plan.place``): "on line 28",
        "in paragraph 12" of a Word document, "on page 3, line 12" of a PDF."""
        return self.plan.place(offset)

    def option(self, name: str) -> Any:
        if name in self.config.options:
            return self.config.options[name]
        assert self.rule is not None
        opt = self.rule.options.get(name)
        return opt.default if opt is not None else None

    def said(self, key: str, args: dict[str, Any]) -> Say:
        """The rule's own message ``key`` with ``args``, for a verdict that says what a finding says."""
        assert self.rule is not None
        return Say(self.rule.messages.get(key) or self.rule.messages["default"], tuple(args.items()))

    def verdict(self, kind: str, span: Span, statement: Any, ok: bool) -> None:
        self.verdicts.append(Verdict(kind, span, statement, ok, self.rule.code if self.rule else ""))


NOT_A_PLAN = "S110"
THIN_FAMILIES = ("N", "P", "D")  # what runs on a text with thin evidence of being a document


def document_level(plan: Plan, config: Config, fragment: bool = False) -> tuple[str, bool]:
    """``(level, is_plan)``: how much of the rule set runs (facts/kind.py) and whether the
    plan-only rules do. ``--kind`` (``Config.kind``) overrides the detection; a fragment (a
    rule's example) is read as a plan."""
    from .facts.kind import extract as doc_kind

    if fragment:
        return "full", config.kind != "report"
    if config.kind in ("plan", "report"):
        return "full", config.kind == "plan"
    dk = plan.fact(doc_kind)
    level = "full" if config.kind == "any" else dk.level
    return level, dk.is_plan


def run(source: Source, config: Config | None = None, *, fragment: bool = False,
        with_facts: bool = False) -> LintResult:
    """Lint ``source`` once: findings, the verdicts of every check, and (``with_facts``) the
    fact rows a reviewer reads."""
    config = _check_config(config)
    made: list[Context] = []
    with gc_paused():
        findings = _budgeted(source, config, fragment, None, made)  # the parse counts against the budget
        if not made:  # out of time before the plan was built
            return LintResult(source, Plan(source), findings, [])
        ctx = made[0]
        rows: list[Any] = []
        if with_facts:
            from .facts import inventories

            for inv in inventories():
                rows.extend(ctx.facts(inv))
            rows.sort(key=lambda r: r.span.start)
            if config.kind in ("plan", "report"):  # --kind overrides the detection: the row says so
                for r in rows:
                    if r.kind == "document kind":
                        r.text = f"{config.kind} (--kind; detected: {r.text})"
                        r.data = {**r.data, "kind": config.kind, "detected": r.data.get("kind", "")}
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


class OutOfTime(Exception):
    """The file's time budget ran out (reported as X103; the run goes on with the next file)."""


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``OutOfTime`` in the main thread after ``seconds`` (where the platform has interval
    timers). Elsewhere the engine still checks the clock between rules."""
    use_timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds is None or seconds <= 0 or not use_timer:
        yield
        return

    def fire(signum: int, frame: Any) -> None:
        raise OutOfTime()

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class _Run:
    findings: list[Finding] = field(default_factory=list)
    started: float = 0.0


def _check_config(config: Any) -> Config:
    if config is None:
        return Config()
    if not isinstance(config, Config):
        raise TypeError(f"config must be a planlint.config.Config or None, not {type(config).__name__}")
    return config


NOT_FINISHED = "X103"


def lint_source(source: Source, config: Config | None = None, *, fragment: bool = False,
                context: Context | None = None) -> list[Finding]:
    """Lint a source. ``fragment=True`` skips the "is this a plan at all" gate (rule examples).

    A file that takes longer than ``config.time_budget`` seconds is not fully checked: the
    findings of the rules that finished are kept, with one X103 finding saying so."""
    if not isinstance(source, Source):
        raise TypeError(f"lint_source() expects a planlint Source, not {type(source).__name__}")
    return _budgeted(source, _check_config(config), fragment, context, None)


def _budgeted(source: Source, config: Config, fragment: bool, context: Context | None,
              made: list[Context] | None) -> list[Finding]:
    rules = selected_rules(config)  # imported before the clock starts: an interrupted import loses rules
    state = _Run(started=time.monotonic())
    budget = config.time_budget if config.time_budget and config.time_budget != float("inf") else None
    with gc_paused():
        try:
            with _deadline(budget):
                return _lint(source, config, fragment, context, rules, state, budget, made)
        except OutOfTime:
            pass
    out = list(state.findings)
    late = {r.code: r for r in rules if r.code == NOT_FINISHED}
    if NOT_FINISHED in late:
        hit = Hit(Span(0, 0), {"seconds": f"{config.time_budget:g}"})
        out.append(_resolve(source, late[NOT_FINISHED], hit, config.lang))
    out.sort(key=lambda f: f.sort_key)
    return _dedupe(out)


def _lint(source: Source, config: Config, fragment: bool, context: Context | None,
          selected: tuple[Rule, ...], state: _Run, budget: float | None,
          made: list[Context] | None = None) -> list[Finding]:
    stop_at = state.started + budget if budget is not None else None
    plan = context.plan if context is not None and context.plan.source is source else parse_source(source)
    ctx = context or Context(plan, config)
    ctx.plan, ctx.config, ctx.started = plan, config, state.started
    if made is not None:
        made.append(ctx)
    rules = [r for r in selected if not r.after_findings]
    late = [r for r in selected if r.after_findings]
    level, is_plan = document_level(plan, config, fragment)
    gated = level != "full"
    if gated:
        # not an administrative document: say so once; rules meant for any text (a legacy
        # encoding that hides the title, say) report their first finding only, never a flood.
        # With thin evidence (a web copy without its header) the number, ledger and date rules
        # run anyway; structure, header and text rules stay quiet.
        rules = [r for r in rules if r.code == NOT_A_PLAN or r.any_text
                 or (level == "thin" and r.family in THIN_FAMILIES and not r.plan_only)]
    else:
        rules = [r for r in rules if (fragment or r.code != NOT_A_PLAN) and (is_plan or not r.plan_only)]
    for r in rules + late[:1]:  # the clock is read after the parse, before each rule and before the X rules
        if stop_at is not None and time.monotonic() > stop_at:
            raise OutOfTime()
        if r.after_findings:
            break
        ctx.rule = r
        mine = []
        for hit in r.check(ctx):
            mine.append(_resolve(source, r, hit, config.lang))
            if gated and r.any_text and r.family not in THIN_FAMILIES:
                break
        state.findings.extend(mine)  # a rule's findings count once it has finished
    ctx.rule = None
    findings = _apply_directives(plan, state.findings, plan.fact(directives))
    ctx.enabled_codes = frozenset(r.code for r in rules)
    for r in late:
        ctx.rule = r
        findings.extend(_resolve(source, r, hit, config.lang) for hit in r.check(ctx))
    ctx.rule = None
    findings.sort(key=lambda f: f.sort_key)
    return _dedupe(findings)


def lint(text: str, config: Config | None = None, path: str = "<input>", *,
         fragment: bool = False) -> list[Finding]:
    """Lint a draft given as text."""
    if not isinstance(text, str):
        hint = " (decode bytes first, or use Source.from_bytes)" if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"lint() expects the text of a plan as str, not {type(text).__name__}{hint}")
    if not isinstance(path, str):
        raise TypeError(f"lint() expects path as str, not {type(path).__name__}")
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


def _apply_directives(plan: Plan, findings: list[Finding], marks: list[Directive]) -> list[Finding]:
    """Drop the findings a directive suppresses, and record on each directive which of its codes
    did suppress one. Linear: next-line directives by target line, ranges by the latest event
    per code prefix (a code is covered by ALL, its family, or a prefix of up to four characters)."""
    good = [d for d in marks if d.action]
    if not good:
        return findings
    nxt = next_content_lines(plan)
    whole_file = [d for d in good if d.action == "disable-file"]
    next_line: dict[int, list[Directive]] = {}
    for d in good:
        if d.action == "disable-next-line":
            target = nxt[d.line] if d.line < len(nxt) else d.line + 1
            next_line.setdefault(target, []).append(d)
    events = sorted((d for d in good if d.action in ("disable", "enable")), key=lambda d: d.line)
    out = []
    state: dict[str, tuple[int, Directive]] = {}  # code prefix or "*" -> (order, latest event)
    k = 0
    for f in sorted(findings, key=lambda f: f.line):
        while k < len(events) and events[k].line < f.line:
            e = events[k]
            for key in (["*"] if e.codes is None else e.codes):
                state["*" if key == "ALL" else key] = (k, e)
            k += 1
        code = f.code.upper()
        off: Directive | None = None
        for d in whole_file:
            if d.covers(code):
                off = d
                break
        if off is None:
            for d in next_line.get(f.line, ()):
                if d.covers(code):
                    off = d
                    break
        if off is None:
            latest = max((state[key] for key in ("*", code[:1], code[:2], code[:3], code[:4]) if key in state),
                         default=None, key=lambda t: t[0])
            if latest is not None and latest[1].action == "disable":
                off = latest[1]
        if off is None:
            out.append(f)
        else:
            used = off.covers(code)
            off.used.add(used or "*")
    return out
