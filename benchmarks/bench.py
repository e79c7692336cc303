"""planlint benchmarks (``make bench``): start-up beside yamllint, throughput, scaling, memory.

1. **Start-up**, side by side in one run (commands interleaved, median of 9): ``python -c pass``,
   yamllint on a two-line file (a dev dependency, for this), codespell on the plan when it is
   installed, and ``planlint check --format json`` on one ~20 KB plan: as a pre-commit hook runs
   it on a changed file (``--no-cache``: the plan is linted; the saved parsers, compiled
   patterns, dataclass methods and vocabulary tables are in the cache folder), on an unchanged
   file (result cache), and the very first run on a machine (empty cache folder); each command
   runs in a scratch folder without a pyproject.toml, as in a project without planlint settings.
2. **In one process**, per document: parse, parse + S rules, every fact, every rule (CPU ms, MB/s).
3. **Throughput** on a folder of 200 plans (copies of the seeds): ``-j 1`` and the default
   (one process per CPU), MB/s.
4. **Scaling**: a ~1 MB and a ~10 MB plan in one process (10x the text should cost <= 11x).
5. **Peak memory** (largest resident set of any planlint process) on a ~20 MB folder.

Targets (issue #10): start-up <= yamllint; 200 plans >= 3.5 MB/s on 2 CPUs; <= 8 ms of work
for a 20 KB plan in one process; 10x the text <= 11x the time; <= 100 MB for 20 MB.
``BENCH_QUICK=1`` skips 4 and 5.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planlint.config import Config  # noqa: E402
from planlint.engine import gc_paused, lint_source  # noqa: E402
from planlint.facts import inventories  # noqa: E402
from planlint.parsing.parser import parse_source  # noqa: E402
from planlint.parsing.source import Source  # noqa: E402


def parse_only(text: str) -> None:
    with gc_paused():  # as lint_source does
        parse_source(Source("b", text))


def facts_only(text: str) -> None:
    """Parse and extract every fact of every family (what ``planlint facts`` lists)."""
    with gc_paused():
        plan = parse_source(Source("b", text))
        for inv in inventories():
            plan.fact(inv)


def docs() -> list[Path]:
    seeds = Path(os.environ.get("BENCH_DOCS") or ROOT.parent / "shared" / "seeds")
    found = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    return found or sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))


def big_plan(texts: list[str], size: int) -> str:
    """One long plan: the first document's header and title, then the bodies of all documents
    repeated up to ``size`` bytes, then a closing (a concatenation of whole plans would be one
    plan followed by a very long signature block)."""
    bodies = []
    for t in texts:
        lines = t.split("\n")
        start = next((i for i, ln in enumerate(lines) if re.match(r"^[#*\s]*[IVX]+[.-]\s", ln)), 0)
        end = next((i for i, ln in enumerate(lines) if "Nơi nhận" in ln), len(lines))
        bodies.append("\n".join(lines[start:end]))
    first = texts[0].split("\n")
    head = "\n".join(first[: next((i for i, ln in enumerate(first) if re.match(r"^[#*\s]*I[.-]\s", ln)), 0)])
    body = "\n\n".join(bodies)
    reps = max(1, round(size / len(body.encode())))
    return head + "\n\n" + "\n\n".join([body] * reps) + "\n\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n"


def best_ms(fn, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs in this process (the work itself: other jobs on a shared
    machine stretch wall time, not CPU time)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1000)
    return min(times)


def main() -> None:
    quick = bool(os.environ.get("BENCH_QUICK"))
    work = Path(tempfile.mkdtemp(prefix="planlint-bench-"))
    try:
        start_up(docs()[0], work)
        in_process(quick)
        texts = [p.read_text(encoding="utf-8") for p in docs()]
        throughput(texts, work)
        if not quick:
            memory(texts, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def in_process(quick: bool) -> None:
    s_only = Config(select=["S"], time_budget=float("inf"))
    everything = Config(time_budget=float("inf"))  # measure the work, never stop at the budget
    paths = docs()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for t in texts:  # warm up: grammar table, rule modules, vocabularies
        lint_source(Source("warm", t), everything)
    print(f"{'document':<30} {'KB':>6} {'parse ms':>9} {'parse+S ms':>11} {'facts ms':>9} {'all rules ms':>13}"
          f" {'MB/s (all)':>11}")
    for p, t in zip(paths, texts, strict=True):
        kb = len(t.encode()) / 1024
        ms_p = best_ms(lambda t=t: parse_only(t), 15)
        ms_s = best_ms(lambda t=t: lint_source(Source("b", t), s_only), 15)
        ms_f = best_ms(lambda t=t: facts_only(t), 15)
        ms_all = best_ms(lambda t=t: lint_source(Source("b", t), everything), 15)
        print(f"{p.name:<30} {kb:>6.1f} {ms_p:>9.2f} {ms_s:>11.2f} {ms_f:>9.2f} {ms_all:>13.2f}"
              f" {kb / 1024 / (ms_all / 1000):>11.2f}")

    if quick:
        return
    small = big_plan(texts, 1_000_000)
    big = big_plan(texts, 10_000_000)
    rows = []
    for label, text, rep in (("~1 MB long plan", small, 3), ("~10 MB long plan", big, 1)):
        mb = len(text.encode()) / 1e6
        ms_p = best_ms(lambda text=text: parse_only(text), rep)
        ms_s = best_ms(lambda text=text: lint_source(Source("b", text), s_only), rep)
        ms_f = best_ms(lambda text=text: facts_only(text), rep)
        ms_all = best_ms(lambda text=text: lint_source(Source("b", text), everything), rep)
        rows.append((ms_p, ms_s, ms_f, ms_all))
        print(f"{label:<30} {mb * 1000:>6.0f} {ms_p:>9.0f} {ms_s:>11.0f} {ms_f:>9.0f} {ms_all:>13.0f}"
              f" {mb / (ms_all / 1000):>11.2f}")
    ratio = [b / a for a, b in zip(rows[0], rows[1], strict=True)]
    print(f"scaling, 10x the text: parse {ratio[0]:.1f}x, parse+S {ratio[1]:.1f}x, facts {ratio[2]:.1f}x,"
          f" all rules {ratio[3]:.1f}x the time")


def wall_ms(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    return timed(cmd, env, cwd)[0]


def timed(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, float]:
    """(wall ms, CPU ms of the command and its workers): on a shared machine the CPU time is
    the steadier of the two."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, cwd=cwd)
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def start_up(plan: Path, work: Path) -> None:
    """Every command run 9 times, interleaved, so that a busy machine slows them all alike."""
    # a real install has its bytecode cached; make sure ours is before timing start-up
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "planlint")],
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""}, check=False, capture_output=True)
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(work / "cache")}
    planlint = tool("planlint") or ""
    subprocess.run([planlint, "check", "--format", "json", str(plan)], capture_output=True, env=env)  # fill it
    yaml = work / "tiny.yaml"
    yaml.write_text("key: value\nlist: [1, 2]\n")
    rows: list[tuple[str, list[str], dict[str, str] | None, str]] = [
        ("`python -c pass`", [sys.executable, "-c", "pass"], None, ""),
    ]
    if tool("yamllint"):
        rows.append(("`yamllint` on a two-line file", [tool("yamllint") or "", str(yaml)], None, ""))
    if tool("codespell"):
        rows.append(("`codespell` on the plan", [tool("codespell") or "", str(plan)], None, ""))
    rows += [
        ("`planlint check --format json` on the plan, changed (--no-cache)",
         [planlint, "check", "--format", "json", "--no-cache", str(plan)], env, ""),
        ("`planlint check --format json` on the plan, unchanged (result cache)",
         [planlint, "check", "--format", "json", str(plan)], env, ""),
        ("`planlint check --format json` on the plan, first run (empty cache)",
         [planlint, "check", "--format", "json", str(plan)], None, "fresh"),
    ]
    times: list[list[float]] = [[] for _ in rows]
    cpus: list[list[float]] = [[] for _ in rows]
    for _ in range(9):
        for i, (_label, cmd, cmd_env, mode) in enumerate(rows):
            if mode == "fresh":
                fresh = work / "fresh-cache"
                shutil.rmtree(fresh, ignore_errors=True)
                cmd_env = {**os.environ, "PLANLINT_CACHE_DIR": str(fresh)}
            wall, cpu = timed(cmd, cmd_env, cwd=work)  # a folder without planlint settings, as most are
            times[i].append(wall)
            cpus[i].append(cpu)
    yaml_ms = statistics.median(times[1]) if tool("yamllint") else None
    yaml_cpu = statistics.median(cpus[1]) if tool("yamllint") else None
    print(f"\nstart-up, side by side ({plan.name}, {plan.stat().st_size / 1024:.0f} KB; median of 9)")
    print("| command | wall, median of 9 | best | vs yamllint | CPU, median | vs yamllint |\n|---|---|---|---|---|---|")
    for (label, *_), ts, cs in zip(rows, times, cpus, strict=True):
        med, cpu = statistics.median(ts), statistics.median(cs)
        ratio = f"{med / yaml_ms:.2f}x" if yaml_ms else "-"
        cratio = f"{cpu / yaml_cpu:.2f}x" if yaml_cpu else "-"
        print(f"| {label} | {med:.0f} ms | {min(ts):.0f} ms | {ratio} | {cpu:.0f} ms | {cratio} |")


def folder(texts: list[str], count: int, work: Path, name: str) -> tuple[Path, float]:
    """``count`` plans (the seeds in turn, each copy with its own number line so that no two
    files are the same), and their size in MB."""
    out = work / name
    out.mkdir()
    size = 0
    for i in range(count):
        text = texts[i % len(texts)] + f"\n<!-- bản sao {i} -->\n"
        path = out / f"plan-{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        size += len(text.encode())
    return out, size / 1e6


def throughput(texts: list[str], work: Path) -> None:
    plans, mb = folder(texts, 200, work, "plans200")
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(work / "cache")}
    planlint = tool("planlint") or ""
    print(f"\nthroughput: {len(list(plans.iterdir()))} plans, {mb:.1f} MB, all rules, {os.cpu_count()} CPUs")
    for label, extra in (("-j 1 --no-cache", ["-j", "1", "--no-cache"]), ("default -j, --no-cache", ["--no-cache"]),
                         ("default -j, result cache filled", [])):
        if not extra:
            subprocess.run([planlint, "check", "--format", "json", str(plans)], capture_output=True, env=env)
        ms, cpu = min(timed([planlint, "check", "--format", "json", *extra, str(plans)], env) for _ in range(2))
        print(f"  {label:<32} {ms / 1000:6.2f} s  {mb / (ms / 1000):6.2f} MB/s   "
              f"(CPU {cpu / 1000:.2f} s in all processes)")


def memory(texts: list[str], work: Path) -> None:
    plans, mb = folder(texts, round(20e6 / (sum(len(t.encode()) for t in texts) / len(texts))), work, "plans20mb")
    planlint = tool("planlint") or ""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    for label, extra in (("-j 1", ["-j", "1"]), ("default -j", [])):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", probe, planlint, "check", "--format", "json", "--no-cache", *extra,
                              str(plans)], capture_output=True, text=True)
        secs = time.perf_counter() - t0
        kb = int(out.stdout.strip() or 0)
        print(f"peak memory, {mb:.0f} MB folder ({len(list(plans.iterdir()))} plans), {label}: {kb / 1024:.0f} MB"
              f" (largest process), {secs:.1f} s, {mb / secs:.2f} MB/s")


if __name__ == "__main__":
    main()
