"""The command line: ``planlint check | rules | explain | tree | facts``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage or input error (one line
on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from . import __version__
from .parsing.source import InputError, Source

if TYPE_CHECKING:
    from .rule import Rule

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

    c = sub.add_parser("check", help="lint plans (files, folders of *.txt/*.md/*.docx/*.pdf, or - for stdin)")
    c.add_argument("paths", nargs="*", default=["."],
                   help="files, folders (their *.txt, *.md, *.docx and *.pdf files) or - for stdin (default: .)")
    c.add_argument("--format", choices=["text", "json", "concise", "github", "sarif", "html"], default="text",
                   help="text (default), json (the stable contract), concise (one line a finding), github "
                        "(workflow annotations), sarif (SARIF 2.1.0), html (a self-contained report for reviewers)")
    c.add_argument("-o", "--output-file", type=Path, help="write the report to this file instead of standard output")
    c.add_argument("--statistics", action="store_true", help="count findings by rule instead of listing them")
    c.add_argument("--fix", action="store_true", help="apply the safe repairs findings carry (text files only)")
    c.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe repairs")
    c.add_argument("--diff", action="store_true", help="print the repairs as a unified diff; write nothing")
    c.add_argument("--select", type=_codes, help="only these codes or prefixes (S,N101)")
    c.add_argument("--extend-select", type=_codes, help="add codes to the selection")
    c.add_argument("--ignore", type=_codes, help="skip these codes or prefixes")
    c.add_argument("--fail-on", choices=["error", "warning", "info"],
                   help="lowest severity that fails (default: warning)")
    c.add_argument("--show-info", action="store_true", help="also run the quiet info rules (incomplete ledgers, …)")
    c.add_argument("--kind", choices=["plan", "report", "any"],
                   help="the kind of document (default: detected from its header, title and body)")
    c.add_argument("--time-budget", type=float, metavar="SECONDS",
                   help="seconds per file before it is reported not fully checked (X103; default 30, 0: none)")
    c.add_argument("--stdin-filename", default="<stdin>", help="the path to report for -")
    c.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="check files in N processes (default: one per CPU when there are several; 1: no workers)")
    c.add_argument("--no-cache", action="store_true",
                   help="do not read or write the cache of results (kept in the user's cache folder)")
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

    a = sub.add_parser("annotate", help="a copy of a Word document with each finding as a Word comment")
    a.add_argument("path", help="the .docx to review (never modified)")
    a.add_argument("-o", "--output", type=Path, help="the annotated copy (default: NAME.reviewed.docx beside it)")
    a.add_argument("--select", type=_codes, help="only these codes or prefixes (S,N101)")
    a.add_argument("--ignore", type=_codes, help="skip these codes or prefixes")
    a.add_argument("--show-info", action="store_true", help="also run the quiet info rules")
    common(a)

    f = sub.add_parser("facts", help="every fact extracted (numbers, shares, ledgers, dates, citations) "
                                     "and each check's verdict")
    f.add_argument("path")
    f.add_argument("--format", choices=["text", "json"], default="text")
    f.add_argument("--show-info", action="store_true", help="also run the quiet info rules")
    f.add_argument("--kind", choices=["plan", "report", "any"], help="the kind of document (default: detected)")
    common(f)
    return p


# -- inputs -----------------------------------------------------------------------------------


LINTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]")


def shown(path: str | Path) -> str:
    """A path as one printable line: control characters and the bytes of a name that is not
    UTF-8 (surrogate escapes) written as escapes (``a\\nb``, ``\\xff``)."""
    text = str(path)
    if not _UNPRINTABLE.search(text):
        return text

    def esc(m: re.Match[str]) -> str:
        c = m.group()
        if "\udc80" <= c <= "\udcff":
            return f"\\x{ord(c) - 0xDC00:02x}"
        return c.encode("unicode_escape").decode("ascii")

    return _UNPRINTABLE.sub(esc, text)


def iter_inputs(paths: Sequence[str], errors: list[str] | None = None) -> Iterator[Path | None]:
    """Files to lint (``None`` is stdin), each once. Folders are walked for *.txt, *.md, *.docx and
    *.pdf. A path that cannot be linted raises ``InputError``, or with ``errors`` is noted there
    and skipped (the run goes on)."""
    seen: set[str] = set()

    def fail(message: str) -> None:
        if errors is None:
            raise InputError(message)
        errors.append(message)

    for raw in paths:
        if raw == "-":
            yield None
            continue
        p = Path(raw)
        try:
            if p.is_dir():
                found = sorted(q for q in p.rglob("*") if q.suffix.lower() in LINTED_SUFFIXES and q.is_file()
                               and not q.name.startswith("~$")  # Word's lock file beside an open document
                               and not any(part.startswith(".") or part in ("node_modules", "__pycache__")
                                           for part in q.relative_to(p).parts))
                if not found:
                    fail(f"{shown(raw)}: no *.txt, *.md, *.docx or *.pdf files to lint in this folder")
            elif p.is_file():
                found = [p]
            elif p.exists():
                found = []
                fail(f"{shown(raw)}: not a regular file")
            else:
                found = []
                fail(f"{shown(raw)}: no such file or folder")
        except OSError as exc:
            found = []
            fail(f"{shown(raw)}: cannot read: {exc.strerror or exc}")
        for q in found:
            try:
                key = os.path.realpath(q)
            except (OSError, ValueError):
                key = str(q)
            if key not in seen:  # a file given twice, or as a file and inside its folder
                seen.add(key)
                yield q


def read_source(path: Path | None, stdin_name: str = "<stdin>") -> Source:
    """The file's ``Source``: text plans decoded, Word and PDF files through their adapters."""
    from .parsing.inputs import load

    if path is None:
        suffix = Path(stdin_name).suffix.lower() if stdin_name != "<stdin>" else ""
        return load(sys.stdin.buffer.read(), stdin_name, suffix)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read: {exc.strerror or exc}") from None
    return load(data, shown(path), path.suffix.lower())


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
    if getattr(args, "kind", None):
        cfg.kind = args.kind
    budget = getattr(args, "time_budget", None)
    if budget is not None:
        if budget < 0:
            raise InputError("--time-budget takes a number of seconds, 0 for none")
        cfg.time_budget = budget
    return cfg


STATISTICS_REFUSED = ("sarif", "github", "html")  # --statistics: text (also concise) or json


def cmd_check(args: argparse.Namespace, out: IO[str]) -> int:
    cfg = _config(args)
    for code in (cfg.select or []) + cfg.ignore + cfg.extend_select:
        from .rule import FAMILIES, known_codes

        known = known_codes()
        c = code.upper()
        if c != "ALL" and c not in FAMILIES and not any(k.startswith(c) for k in known):
            raise InputError(f"unknown rule code or prefix {code!r} (see 'planlint rules')")
    if args.statistics and args.format in STATISTICS_REFUSED:
        raise InputError(f"--statistics prints counts as text or JSON, not {args.format}; "
                         "drop --format or use --format json")
    if args.paths.count("-") > 1:
        raise InputError("- (standard input) can be given once")
    errors: list[str] = []  # inputs that could not be linted: each named on stderr, exit 2 at the end
    inputs = list(iter_inputs(args.paths, errors))
    if args.jobs < 0:
        raise InputError("-j/--jobs takes a number of processes, 1 or more (0: one per CPU)")
    target = args.output_file
    if not target:
        return _check(args, cfg, inputs, errors, out, out)
    if target.is_dir() or not target.parent.is_dir():  # fail before the work, not after it
        _cannot_write(target, IsADirectoryError() if target.is_dir() else FileNotFoundError())
    buffer = io.StringIO()  # the report (or --diff) is written once the inputs are read: -o may be one of them
    code = _check(args, cfg, inputs, errors, buffer, out)
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(buffer.getvalue())
    except OSError as exc:
        _cannot_write(target, exc)
    return code


def _cannot_write(target: Path, exc: OSError) -> NoReturn:
    """A -o path that cannot be written: a usage error (one line, exit 2)."""
    if isinstance(exc, IsADirectoryError):
        reason = "it is a folder"
    elif isinstance(exc, FileNotFoundError):
        reason = f"no such folder {shown(target.parent)}"
    else:
        reason = (exc.strerror or str(exc)).lower()
    raise InputError(f"{shown(target)}: cannot write the report (-o): {reason}")


def _check(args: argparse.Namespace, cfg: Any, inputs: list[Path | None], errors: list[str], stream: IO[str],
           out: IO[str]) -> int:
    """Lint (or repair) the inputs; the report and --diff go to ``stream``, stdin's fixed text to ``out``."""
    from . import regex_cache
    from .finding import SEVERITY_RANK
    from .result import LintResult

    fixing = args.fix or args.diff
    results: list[LintResult] = []
    fixed = 0
    if fixing:
        from .engine import run
        from .parsing.layout import LaidOutSource

        regex_cache.preload()
    else:
        from .batch import check_sources

        sources = []
        for path in inputs:
            try:
                sources.append(read_source(path, args.stdin_filename))
            except InputError as exc:
                errors.append(str(exc))
        results = check_sources(sources, cfg, jobs=args.jobs, use_cache=not args.no_cache,
                                with_facts=args.format == "html", prepare=regex_cache.preload)
    for message in errors:
        sys.stderr.write(f"planlint: error: {message}\n")
    stdin_fixed = False
    for path in inputs if fixing else ():
        named = path is not None and path.suffix.lower() in _not_editable()
        if named:
            _no_edits(str(path))
        source = read_source(path, args.stdin_filename)
        if not named and isinstance(source, LaidOutSource):  # Word or PDF by content (piped to stdin)
            _no_edits(source.path)
        if named or isinstance(source, LaidOutSource):
            results.append(run(source, cfg, with_facts=args.format == "html"))
        else:
            fixed += _fix_one(path, source, cfg, args, stream if args.diff else out, results)
            stdin_fixed = stdin_fixed or path is None
    if args.diff:
        return EXIT_FINDINGS if fixed else EXIT_OK
    if args.fix and stdin_fixed:
        return _exit(results, cfg.fail_on, SEVERITY_RANK)  # stdin: the fixed text went to stdout
    code = EXIT_USAGE if errors else _exit(results, cfg.fail_on, SEVERITY_RANK)
    try:
        _report(args, cfg, results, len(results), stream)
        if args.fix:
            from .report import label

            sys.stderr.write(label("fixed", cfg.lang, n=fixed) + "\n")
    except BrokenPipeError:
        _stdout_gone()
        return code  # the reader went away (| head): the findings still decide the code
    return code


def _no_edits(name: str) -> None:
    sys.stderr.write(f"planlint: {name}: Word and PDF files get no edits (planlint annotate writes comments); "
                     "checked only\n")


def _not_editable() -> tuple[str, ...]:
    from .fix import NOT_EDITABLE

    return NOT_EDITABLE


def _exit(results: Sequence[Any], fail_on: str, rank: dict[str, int]) -> int:
    threshold = rank[fail_on]
    return EXIT_FINDINGS if any(rank[f.severity] >= threshold for r in results for f in r.findings) else EXIT_OK


def _fix_one(path: Path | None, source: Source, cfg: Any, args: argparse.Namespace, out: IO[str],
             results: list[Any]) -> int:
    """Repair one input: --diff prints, --fix writes (stdin: to stdout). Returns findings repaired."""
    from .engine import run
    from .fix import fix_source, unified_diff, write_atomic

    outcome = fix_source(source, cfg, unsafe=args.unsafe_fixes)
    if outcome.reverted:
        sys.stderr.write(f"planlint: {source.path}: a pass of repairs made the plan parse worse; it was undone\n")
    if args.diff:
        if outcome.changed:
            out.write(unified_diff(source.path, outcome.original, outcome.text))
        return outcome.fixed if outcome.changed else 0
    if path is None:
        out.write(outcome.text)
    elif outcome.changed:
        write_atomic(path, outcome.text)
    result = outcome.result
    if args.format == "html":
        result = run(result.source, cfg, with_facts=True)
    results.append(result)
    return outcome.fixed if outcome.changed else 0


def _report(args: argparse.Namespace, cfg: Any, results: Sequence[Any], files: int, out: IO[str]) -> None:
    from .report import json_report, text_report
    from .report.formats import concise_report, github_report, statistics_report

    findings = [f for r in results for f in r.findings]
    if args.statistics:
        statistics_report(findings, out, as_json=args.format == "json")
    elif args.format == "json":
        json_report(findings, out)
    elif args.format == "concise":
        concise_report(findings, out)
    elif args.format == "github":
        github_report(findings, out)
    elif args.format == "sarif":
        from .report.sarif import sarif_report

        sarif_report(findings, out)
    elif args.format == "html":
        from .report.html import html_report

        html_report(results, cfg.lang, out)
    else:
        sources = {r.source.path: r.source for r in results}
        text_report(findings, sources, files, cfg.lang, out)


def cmd_rules(args: argparse.Namespace, out: IO[str]) -> int:
    from .rule import FAMILIES, all_rules

    rules = all_rules()
    if args.format == "json":
        json.dump([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
                    "default_enabled": r.default_enabled, "fix": r.autofix,
                    "options": {n: {"type": o.type.__name__, "default": o.default, "help": o.help}
                                for n, o in r.options.items()}} for r in rules],
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if args.format == "markdown":
        out.write("| code | name | severity | what it reports |\n|---|---|---|---|\n")
        for r in rules:
            flag = f" (opt-in: {_opt_in(r, '`')})" if not r.default_enabled else ""
            out.write(f"| `{r.code}` | {r.name} | {r.severity} | {r.summary}{flag} |\n")
        return EXIT_OK
    family = ""
    for r in rules:
        if r.family != family:
            family = r.family
            out.write(f"\n{family}  {FAMILIES.get(family, '')}\n")
        flag = "" if r.default_enabled else "  (opt-in)"
        fix = f"  [fix: {r.autofix}]" if r.autofix else ""
        out.write(f"  {r.code}  {r.name:<28} {r.severity:<8} {r.summary}{flag}{fix}\n")
    return EXIT_OK


def _opt_in(r: Rule, q: str = "") -> str:
    """How a user turns an opt-in rule on."""
    ways = [f"{q}--select {r.code}{q}"]
    if r.severity == "info":
        ways.insert(0, f"{q}--show-info{q}")
    if r.enabled_by:
        ways.append(f"{q}{r.enabled_by} = true{q}")
    return " or ".join(ways)


def cmd_explain(args: argparse.Namespace, out: IO[str]) -> int:
    from .engine import lint_source
    from .report import label
    from .rule import get_rule

    r = get_rule(args.rule)
    if r is None:
        raise InputError(f"unknown rule {args.rule!r} (see 'planlint rules')")
    cfg = _config(args)
    flag = "" if r.default_enabled else ", opt-in: " + _opt_in(r)
    if r.autofix:
        flag += f", {r.autofix} fix: planlint check --fix" + (" --unsafe-fixes" if r.autofix == "unsafe" else "")
    out.write(f"{r.code} {r.name} ({r.severity}{flag})\n\n{r.doc}\n")
    bad = r.examples().get("bad")
    if bad:
        cfg.select, cfg.ignore = [r.code], []
        found = [f for f in lint_source(r.example_source("bad"), cfg, fragment=True) if f.code == r.code]
        if found:
            out.write("\nWhat planlint says on the Bad example:\n")
            for f in found:
                out.write(f"  {f.location}: {f.code} [{f.severity}] {f.message}\n")
                if f.fix:
                    out.write(f"      = {label('fix', cfg.lang)}: {f.fix}\n")
    if r.options:
        out.write("\nOptions ([tool.planlint.options] in pyproject.toml):\n")
        for name, opt in r.options.items():
            helptext = ": " + opt.help if opt.help else ""
            out.write(f"  {name} = {json.dumps(opt.default)}  # {opt.type.__name__}{helptext}\n")
    return EXIT_OK


def cmd_tree(args: argparse.Namespace, out: IO[str]) -> int:
    from .parsing.parser import parse_source
    from .report.outline import render_tree

    path = None if args.path == "-" else Path(args.path)
    if path is not None and path.is_dir():
        raise InputError(f"{shown(args.path)}: is a folder; planlint tree reads one file")
    if path is not None and not path.is_file():
        raise InputError(f"{shown(args.path)}: no such file")
    render_tree(parse_source(read_source(path)), out)
    return EXIT_OK


def cmd_facts(args: argparse.Namespace, out: IO[str]) -> int:
    from .engine import run
    from .report.facts import render_facts

    path = None if args.path == "-" else Path(args.path)
    if path is not None and path.is_dir():
        raise InputError(f"{shown(args.path)}: is a folder; planlint facts reads one file")
    if path is not None and not path.is_file():
        raise InputError(f"{shown(args.path)}: no such file")
    cfg = _config(args)
    render_facts(run(read_source(path), cfg, with_facts=True), args.format, out, cfg.lang)
    return EXIT_OK


def _stdout_gone() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def cmd_annotate(args: argparse.Namespace, out: IO[str]) -> int:
    from .annotate import annotate

    src = Path(args.path)
    if not src.is_file():
        raise InputError(f"{args.path}: no such file")
    dst = args.output or src.with_name(src.stem + ".reviewed" + src.suffix)
    cfg = _config(args)
    outcome = annotate(src, dst, cfg)
    from .report import label

    msg = label("annotated", cfg.lang, path=str(dst), added=outcome.added, already=outcome.already,
                n=outcome.findings)
    sys.stderr.write(msg + "\n")
    return EXIT_OK


COMMANDS = {"check": cmd_check, "annotate": cmd_annotate, "rules": cmd_rules, "explain": cmd_explain,
            "tree": cmd_tree, "facts": cmd_facts}


def main(argv: Sequence[str] | None = None) -> int:
    from . import regex_cache

    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] != ["check"]:  # check loads them before its first lint: none when all come from the cache
        regex_cache.preload()  # compiled patterns from the last run (planlint/regex_cache.py)
    try:
        return _main(argv)
    finally:
        regex_cache.save()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    for stream in (sys.stdout, sys.stderr):
        # a console that cannot show Vietnamese (cp1252, a Windows redirect): escapes, not a traceback
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if hasattr(stream, "reconfigure") and encoding != "utf8":
            stream.reconfigure(errors="backslashreplace")
    out = sys.stdout
    try:
        return COMMANDS[args.command](args, out)
    except InputError as exc:
        sys.stderr.write(f"planlint: error: {shown(str(exc)).replace(chr(10), ' ')}\n")
        if args.command == "check" and getattr(args, "format", "") == "json":
            out.write("[]\n")  # a JSON reader always gets JSON
        return EXIT_USAGE
    except BrokenPipeError:
        _stdout_gone()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
