#!/usr/bin/env python3
"""Score planlint on the real-document corpus (see corpus/README.md).

The texts are not in the repository: they live in /work/corpus/docs (or --docs DIR), one
file per document, named <id>.txt after corpus/documents.json. Without them this script
prints a note and exits 0, so nothing else depends on it.

Reports, per document family of findings (S N P D R T):
  * documents recognised: planlint reported something other than S110 (not-a-plan);
  * recall: hand-checked inconsistencies (corpus/expected.json) that got a finding of one
    of their families on their line, one of their other lines, or one line either side
    ("debris" entries are allowed lines only and are not counted);
  * false errors: error-severity findings with no listed inconsistency of their family
    within one line, listed for inspection.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DOCS = Path("/work/corpus/docs")
FAMILIES = "SNPDRT"


def planlint_command(arg: str | None) -> list[str]:
    if arg:
        return shlex.split(arg)
    if os.environ.get("PLANLINT"):
        return shlex.split(os.environ["PLANLINT"])
    venv = HERE.parent / ".venv" / "bin" / "planlint"
    if venv.exists():
        return [str(venv)]
    return [sys.executable, "-m", "planlint"]


def run(cmd: list[str], path: Path, kind: str | None = None) -> tuple[list[dict], str | None]:
    try:
        proc = subprocess.run(cmd + ["check", "--format", "json", *(["--kind", kind] if kind else []), str(path)],
                              capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return [], "timeout"
    if proc.returncode not in (0, 1):
        return [], f"exit {proc.returncode}: {proc.stderr.strip()[-200:]}"
    try:
        data = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError as exc:
        return [], f"no JSON: {exc}"
    if isinstance(data, dict):
        data = data.get("findings", [])
    return data, None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help=f"folder of <id>.txt texts (default {DEFAULT_DOCS})")
    ap.add_argument("--planlint", help="command running planlint (default: $PLANLINT, ../.venv/bin/planlint, python -m planlint)")
    ap.add_argument("--lists", type=Path, default=HERE,
                    help="folder holding documents.json and expected.json (default: this script's folder)")
    ap.add_argument("--kind", choices=("plan", "report", "any"),
                    help="run planlint with --kind (every check on every text, whatever its evidence); "
                         "default: the kind planlint detects, so texts that are not administrative get S110 alone")
    ap.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every inconsistency, found or missed")
    args = ap.parse_args()

    documents = json.loads((args.lists / "documents.json").read_text(encoding="utf-8"))
    expected = json.loads((args.lists / "expected.json").read_text(encoding="utf-8"))
    present = [d for d in documents if (args.docs / f"{d['id']}.txt").is_file()]
    if not present:
        print(f"corpus texts absent ({args.docs}/<id>.txt): nothing scored. corpus/README.md explains how to rebuild them.")
        return 0
    cmd = planlint_command(args.planlint)
    missing = [d["id"] for d in documents if d not in present]

    by_doc: dict[str, list[dict]] = {}
    for e in expected:
        by_doc.setdefault(e["doc"], []).append(e)

    recognised: list[str] = []
    crashed: list[tuple[str, str]] = []
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_errors: list[tuple[str, dict]] = []
    severities: Counter[tuple[str, str]] = Counter()
    rows: list[tuple[dict, list[dict]]] = []
    for d in present:
        findings, err = run(cmd, args.docs / f"{d['id']}.txt", args.kind)
        if err:
            crashed.append((d["id"], err))
            continue
        for f in findings:
            severities[(str(f.get("code", "?"))[:1], str(f.get("severity")))] += 1
        if not any(f.get("code") == "S110" for f in findings):
            recognised.append(d["id"])
        allowed: dict[int, set[str]] = {}
        for e in by_doc.get(d["id"], []):
            lines = {e["line"], *e.get("lines", [])}
            want = {n + k for n in lines for k in (-1, 0, 1)}
            for n in want:
                allowed.setdefault(n, set()).update(e["families"])
            if e.get("confidence") == "debris":
                continue
            hit = [f for f in findings if str(f.get("code", "?"))[:1] in e["families"] and f.get("line") in want]
            for fam in e["families"]:
                total[fam] += 1
                found[fam] += bool(hit)
            total["all"] += 1
            found["all"] += bool(hit)
            rows.append((e, hit))
        for f in findings:
            fam = str(f.get("code", "?"))[:1]
            if f.get("severity") == "error" and fam not in allowed.get(f.get("line", 0), set()):
                false_errors.append((d["id"], f))

    print(f"planlint: {' '.join(cmd)}" + (f" (--kind {args.kind})" if args.kind else ""))
    print(f"documents: {len(present)} scored of {len(documents)} listed"
          + (f" (missing: {', '.join(missing)})" if missing else ""))
    print(f"recognised (a finding other than S110): {len(recognised)}/{len(present) - len(crashed)}")
    if crashed:
        print(f"planlint failed on {len(crashed)}: " + "; ".join(f"{i} ({m})" for i, m in crashed))
    print(f"inconsistencies found: {found['all']}/{total['all']}"
          + "".join(f"; {fam} {found[fam]}/{total[fam]}" for fam in FAMILIES if total[fam]))
    kinds = {d["id"]: d.get("kind", "") for d in documents}
    by_kind: dict[str, list[int]] = {}
    for e, hit in rows:
        got = by_kind.setdefault(kinds.get(e["doc"], ""), [0, 0])
        got[0] += bool(hit)
        got[1] += 1
    print("  by document kind: " + ", ".join(f"{k or '?'} {n}/{t}" for k, (n, t) in sorted(by_kind.items())))
    for e, hit in rows:
        if args.verbose or not hit:
            mark = "found " if hit else "MISSED"
            print(f"  {mark} {e['doc']}:{e['line']} [{','.join(e['families'])}] ({e['confidence']}) {e['what'][:110]}")
    fe = Counter(str(f.get("code", "?"))[:1] for _, f in false_errors)
    print(f"false errors (error severity off the expected lines): {len(false_errors)}"
          + "".join(f"; {fam} {fe[fam]}" for fam in FAMILIES if fe[fam]))
    for doc, f in false_errors:
        print(f"  FALSE ERROR {doc}:{f.get('line')} {f.get('code')} {str(f.get('message', ''))[:120]}")
    print("findings by family and severity: " + ", ".join(
        f"{fam} {sev} {n}" for (fam, sev), n in sorted(severities.items(), key=lambda kv: (kv[0][0], str(kv[0][1])))))
    if args.json:
        args.json.write_text(json.dumps({
            "documents": len(present), "recognised": len(recognised), "crashed": len(crashed),
            "found": dict(found), "expected": dict(total),
            "false_errors": [{"doc": doc, "line": f.get("line"), "code": f.get("code")} for doc, f in false_errors],
        }, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
