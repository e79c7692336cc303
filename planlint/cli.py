"""The command line: ``planlint check | rules | explain | tree | facts``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage or input error (one line
on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from . import __version__
from .parsing.source import InputError, Source

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"planlint: error: {message} (see 'planlint --help')\n")
        raise SystemExit(EXIT_USAGE)


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="planlint", description="Consistency validator and linter for draft Vietnamese government plans.")
    p.add_argument("--version", action="version", version=f"planlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--lang", choices=["vi", "en"], help="message language (default: from the locale, else en)")
        sp.add_argument("--config", type=Path, help="a pyproject.toml to read [tool.planlint] from")

    c = sub.add_parser("check", help="lint plans (files, folders of *.txt/*.md, or - for stdin)")
    c.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .)")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--select", type=_codes, help="only these codes or prefixes (S,N101)")
    c.add_argument("--extend-select", type=_codes, help="add codes to the selection")
    c.add_argument("--ignore", type=_codes, help="skip these codes or prefixes")
    c.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails (default: warning)")
    c.add_argument("--show-info", action="store_true", help="also run the quiet info rules (incomplete ledgers, …)")
    c.add_argument("--stdin-filename", default="<stdin>", help="the path to report for -")
    common(c)

    r = sub.add_parser("rules", help="list every rule: code, name, severity, summary")
    r.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    common(r)

    e = sub.add_parser("explain", help="a rule's documentation with a bad and a good example")
    e.add_argument("rule", help="code or name, e.g. S102 or skipped-number")
    common(e)

    t = sub.add_parser("tree", help="how planlint understood the document")
    t.add_argument("path")
    common(t)

    f = sub.add_parser("facts", help="every fact extracted (numbers, shares, ledgers, dates, citations) and each check's verdict")
    f.add_argument("path")
    f.add_argument("--format", choices=["text", "json"], default="text")
    f.add_argument("--show-info", action="store_true", help="also run the quiet info rules")
    common(f)
    return p


# -- inputs -----------------------------------------------------------------------------------


def iter_inputs(paths: Sequence[str]) -> Iterator[Path | None]:
    """Files to lint (``None`` is stdin). Folders are walked for *.txt and *.md."""
    for raw in paths:
        if raw == "-":
            yield None
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.suffix.lower() in (".txt", ".md") and q.is_file()
                           and not any(part.startswith(".") or part in ("node_modules", "__pycache__")
                                       for part in q.relative_to(p).parts))
            if not found:
                raise InputError(f"{raw}: no *.txt or *.md files to lint in this folder")
            yield from found
        elif p.is_file():
            yield p
        elif p.exists():
            raise InputError(f"{raw}: not a regular file")
        else:
            raise InputError(f"{raw}: no such file or folder")


def read_source(path: Path | None, stdin_name: str = "<stdin>") -> Source:
    if path is None:
        return Source.from_bytes(sys.stdin.buffer.read(), stdin_name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return Source.from_bytes(data, str(path))


# -- commands ---------------------------------------------------------------------------------


def _config(args: argparse.Namespace) -> Any:
    from .config import load_config

    cfg = load_config(args.config) if getattr(args, "config", None) else load_config()
    if getattr(args, "lang", None):
        cfg.lang = args.lang
    for name in ("select", "ignore", "extend_select"):
        value = getattr(args, name, None)
        if value is not None:
            setattr(cfg, name, value)
    if getattr(args, "fail_on", None):
        cfg.fail_on = args.fail_on
    if getattr(args, "show_info", False):
        cfg.show_info = True
    return cfg


def cmd_check(args: argparse.Namespace, out: IO[str]) -> int:
    from .engine import lint_source
    from .finding import SEVERITY_RANK
    from .report import json_report, text_report
    from .rule import FAMILIES, all_rules

    cfg = _config(args)
    known = {r.code for r in all_rules()}
    for code in (cfg.select or []) + cfg.ignore + cfg.extend_select:
        c = code.upper()
        if c != "ALL" and c not in FAMILIES and not any(k.startswith(c) for k in known):
            raise InputError(f"unknown rule code or prefix {code!r} (see 'planlint rules')")
    inputs = list(iter_inputs(args.paths))
    if args.paths.count("-") > 1:
        raise InputError("- (standard input) can be given once")
    findings = []
    sources: dict[str, Source] = {}
    for path in inputs:
        source = read_source(path, args.stdin_filename)
        sources[source.path] = source
        findings.extend(lint_source(source, cfg))
    if args.format == "json":
        json_report(findings, out)
    else:
        text_report(findings, sources, len(inputs), cfg.lang, out)
    threshold = SEVERITY_RANK[cfg.fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else EXIT_OK


def cmd_rules(args: argparse.Namespace, out: IO[str]) -> int:
    from .rule import FAMILIES, all_rules

    rules = all_rules()
    if args.format == "json":
        json.dump([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
                    "default_enabled": r.default_enabled, "options": r.options} for r in rules],
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if args.format == "markdown":
        out.write("| code | name | severity | what it reports |\n|---|---|---|---|\n")
        for r in rules:
            flag = " (opt-in: `--show-info`)" if not r.default_enabled else ""
            out.write(f"| `{r.code}` | {r.name} | {r.severity} | {r.summary}{flag} |\n")
        return EXIT_OK
    family = ""
    for r in rules:
        if r.family != family:
            family = r.family
            out.write(f"\n{family}  {FAMILIES.get(family, '')}\n")
        flag = "" if r.default_enabled else "  (opt-in)"
        out.write(f"  {r.code}  {r.name:<28} {r.severity:<8} {r.summary}{flag}\n")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace, out: IO[str]) -> int:
    from .engine import lint
    from .rule import get_rule

    r = get_rule(args.rule)
    if r is None:
        raise InputError(f"unknown rule {args.rule!r} (see 'planlint rules')")
    cfg = _config(args)
    flag = "" if r.default_enabled else ", opt-in: --show-info or --select " + r.code
    out.write(f"{r.code} {r.name} ({r.severity}{flag})\n\n{r.doc}\n")
    bad = r.examples().get("bad")
    if bad:
        cfg.select, cfg.ignore = [r.code], []
        found = [f for f in lint(bad, cfg, path="bad", fragment=True) if f.code == r.code]
        if found:
            out.write("\nWhat planlint says on the Bad example:\n")
            for f in found:
                out.write(f"  bad:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}\n")
                if f.fix:
                    out.write(f"      = {'sửa' if cfg.lang == 'vi' else 'fix'}: {f.fix}\n")
    if r.options:
        out.write("\nOptions ([tool.planlint.options] in pyproject.toml):\n")
        for name, default in r.options.items():
            out.write(f"  {name} = {json.dumps(default)}\n")
    return EXIT_OK


def cmd_tree(args: argparse.Namespace, out: IO[str]) -> int:
    from .parsing.parser import parse_source
    from .report.outline import render_tree

    path = None if args.path == "-" else Path(args.path)
    if path is not None and not path.is_file():
        raise InputError(f"{args.path}: no such file")
    render_tree(parse_source(read_source(path)), out)
    return EXIT_OK


def cmd_facts(args: argparse.Namespace, out: IO[str]) -> int:
    from .report.facts import render_facts

    path = None if args.path == "-" else Path(args.path)
    if path is not None and not path.is_file():
        raise InputError(f"{args.path}: no such file")
    cfg = _config(args)
    render_facts(read_source(path), cfg, args.format, out)
    return EXIT_OK


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "tree": cmd_tree, "facts": cmd_facts}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    out = sys.stdout
    try:
        return COMMANDS[args.command](args, out)
    except InputError as exc:
        sys.stderr.write(f"planlint: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
