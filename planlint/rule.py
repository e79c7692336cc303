"""Rules: one module each under ``planlint/checks/``, metadata beside the code.

A rule module has a docstring (what it checks, why, a ``Bad::`` and a ``Good::`` example,
``planlint explain`` prints it and the tests lint both examples) and one decorated function.
The docstring's first sentence is the rule's summary (``planlint rules``, the README table); the
module's file name is the code and the name (``s103_repeated_number.py``), which a test checks::

    @rule(code="S103", name="repeated-number", severity="error",
          messages={"en": "{found} appears twice; expected {expected}",
                    "vi": "{found} bị lặp lại; lẽ ra là {expected}"},
          fix={"en": "renumber it {expected} and the items after it",
               "vi": "đánh số lại thành {expected} và các mục sau"})
    def check(ctx: Context) -> Iterator[Hit]: ...

Messages are ``str.format`` templates over the ``Hit.args``; a rule with several messages
passes a dict of dicts keyed by ``Hit.message_key``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .i18n import format_message

if TYPE_CHECKING:
    from .config import Config
    from .engine import Context
    from .finding import Hit
    from .parsing.source import Source

FAMILIES = {
    "S": "structure and numbering",
    "N": "numbers: sums, shares, parts, fractions, bounds, counts",
    "P": "poverty ledgers",
    "D": "dates and periods",
    "R": "header and citations",
    "T": "text hygiene",
    "X": "planlint itself: directives, time budget",
}

SEVERITIES = ("error", "warning", "info")

CheckFn = Callable[["Context"], Iterable["Hit"]]

_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string", list: "a list"}


@dataclass(frozen=True)
class Option:
    """A rule option: its type, its default and one line of help (``[tool.planlint.options]``)."""

    type: type
    default: Any
    help: str = ""

    def __post_init__(self) -> None:
        if self.type not in _TYPE_NAMES:
            raise TypeError(f"option type must be one of bool, int, float, str, list, not {self.type!r}")
        if self.check(self.default) is None:
            raise TypeError(f"option default {self.default!r} is not {self.expected}")

    @property
    def expected(self) -> str:
        return _TYPE_NAMES[self.type]

    def check(self, value: Any) -> Any:
        """``value`` as this option's type, or ``None`` when it is not of that type (a TOML
        ``"false"`` is a string, not false; ``true`` is not a number)."""
        if isinstance(value, bool) and self.type is not bool:
            return None
        if self.type is float and isinstance(value, int | float):
            return float(value)
        return value if isinstance(value, self.type) else None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    messages: dict[str, dict[str, str]]  # message key -> lang -> template
    fix: dict[str, dict[str, str]]  # message key -> lang -> template (may be empty)
    check: CheckFn
    options: dict[str, Option] = field(default_factory=dict)
    default_enabled: bool = True
    any_text: bool = False  # also runs (once) on a file not recognised as a plan
    enabled_by: str | None = None  # an opt-in rule that this boolean option also turns on
    plan_only: bool = False  # runs on plans only, not on reports, decisions, … (facts/kind.py)
    after_findings: bool = False  # runs after the other rules' findings and the directives (X rules)
    doc: str = ""
    autofix: str | None = None  # "safe" or "unsafe": the rule's hits may carry edits of this class
    input: str = "text"  # "docx": a rule about Word documents; its examples are built as .docx

    def example_source(self, which: str) -> Source:
        """The ``Bad``/``Good`` example as a document: text, or for a Word rule a .docx built from it."""
        from .parsing.source import Source

        text = self.examples()[which]
        if self.input == "docx":
            from .parsing.docx import read_docx
            from .parsing.docx_build import build_docx

            return read_docx(build_docx(text, auto="brackets"), f"{which}.docx")
        return Source(which, text)

    @property
    def family(self) -> str:
        return self.code[0]

    def message(self, key: str, lang: str, args: dict[str, Any]) -> str:
        templates = self.messages.get(key) or self.messages["default"]
        return format_message(templates.get(lang) or templates["en"], args, lang)

    def fix_text(self, key: str, lang: str, args: dict[str, Any]) -> str | None:
        templates = self.fix.get(key) or self.fix.get("default")
        if not templates:
            return None
        return format_message(templates.get(lang) or templates["en"], args, lang)

    def examples(self) -> dict[str, str]:
        """The ``Bad::`` / ``Good::`` blocks of the docstring, dedented."""
        return doc_examples(self.doc)


def _by_lang(value: dict[str, Any] | None) -> dict[str, dict[str, str]]:
    if not value:
        return {}
    if all(isinstance(v, str) for v in value.values()):
        return {"default": dict(value)}
    return {k: dict(v) for k, v in value.items()}


_REGISTERED: dict[str, Rule] = {}


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    messages: dict[str, Any],
    fix: dict[str, Any] | None = None,
    options: dict[str, Option] | None = None,
    default_enabled: bool = True,
    any_text: bool = False,
    enabled_by: str | None = None,
    autofix: str | None = None,
    input: str = "text",
    after_findings: bool = False,
    plan_only: bool = False,
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as the check of a rule; the module docstring is its doc."""
    if severity not in SEVERITIES:
        raise ValueError(f"rule {code}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    if not re.fullmatch(r"[SNPDRTX]\d{3}", code):
        raise ValueError(f"rule code {code!r} is not a family letter and three digits")
    if autofix not in (None, "safe", "unsafe"):
        raise ValueError(f"rule {code}: autofix {autofix!r} is not safe or unsafe")
    for opt_name, opt in (options or {}).items():
        if not isinstance(opt, Option):
            raise ValueError(f"rule {code} option {opt_name}: declare it as Option(type, default, help)")

    def deco(fn: CheckFn) -> CheckFn:
        module = importlib.import_module(fn.__module__)
        doc = textwrap.dedent(module.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"rule {code} has no module docstring")
        r = Rule(code=code, name=name, severity=severity, summary=first_sentence(doc),
                 messages=_by_lang(messages), fix=_by_lang(fix), check=fn,
                 options=dict(options or {}), default_enabled=default_enabled, any_text=any_text, enabled_by=enabled_by,
                 autofix=autofix, input=input, after_findings=after_findings, plan_only=plan_only, doc=doc)
        if code in _REGISTERED and _REGISTERED[code].check is not fn:
            raise ValueError(f"rule code {code} registered twice")
        _REGISTERED[code] = r
        return fn

    return deco


@functools.cache
def rule_modules() -> dict[str, str]:
    """Rule code -> module name, read from the file names of ``planlint.checks``
    (``s103_repeated_number.py`` is S103): every code is known without importing a rule."""
    from . import checks

    return {info.name[:4].upper(): f"{checks.__name__}.{info.name}"
            for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda i: i.name)
            if not info.name.startswith("_")}


def known_codes() -> tuple[str, ...]:
    return tuple(rule_modules())


def load_rules(codes: Iterable[str]) -> tuple[Rule, ...]:
    """The rules of these codes, by code, importing only their modules."""
    modules = rule_modules()
    wanted = sorted({c.upper() for c in codes} & modules.keys())
    for code in wanted:
        if code not in _REGISTERED:
            importlib.import_module(modules[code])
    return tuple(_REGISTERED[c] for c in wanted if c in _REGISTERED)


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, by code (imports every rule module: ``planlint rules``, ``explain``, tests)."""
    return load_rules(known_codes())


def selected_rules(config: Config) -> tuple[Rule, ...]:
    """The rules a configuration turns on. Only the modules whose code the selection can reach
    (``--select`` / ``--ignore`` match codes by prefix) are imported: ``--select S`` never loads
    the number or poverty readers."""
    reachable = [c for c in known_codes() if config.enabled(c, True, "error")]
    return tuple(r for r in load_rules(reachable) if config.enabled(r.code, r.default_enabled, r.severity)
                 or (r.enabled_by is not None and config.options.get(r.enabled_by) is True))


def first_sentence(doc: str) -> str:
    """The docstring's first paragraph up to its first full stop, on one line, without the stop."""
    para = " ".join(doc.split("\n\n", 1)[0].split())
    m = re.search(r"\.(?:\s|$)", para)
    return (para[: m.start()] if m else para).strip().replace("``", "`")


def all_options() -> dict[str, tuple[Rule, Option]]:
    """Every rule option by name, with the rule that declares it."""
    return {name: (r, opt) for r in all_rules() for name, opt in r.options.items()}


def get_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    for r in all_rules():
        if r.code.upper() == key.upper() or r.name == key.lower():
            return r
    return None


def doc_examples(doc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"^(Bad|Good|Fixed)::\s*$", lines[i].strip())
        if not m:
            i += 1
            continue
        i += 1
        block: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
            block.append(lines[i])
            i += 1
        out[m.group(1).lower()] = textwrap.dedent("\n".join(block)).strip("\n") + "\n"
    return out
