"""planlint benchmarks (``make bench``): throughput per document, scaling, cold start.

Prints, for each seed in ../shared/seeds (or the plans in examples/ when the seeds are absent):
ms per document for parse + S checks and for the full lint, and MB/s; then the same for a
~1 MB and a ~10 MB concatenation (the 10x ratio shows whether work is linear); then the
cold-start wall time of ``python -m planlint check --format json`` on one document.
Targets: parse + S checks <= 20 ms per seed, 10x the text <= 11x the time, cold start <= 300 ms.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
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
    seeds = ROOT.parent / "shared" / "seeds"
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
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def main() -> None:
    s_only = Config(select=["S"])
    everything = Config()
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

    # a real install has its bytecode cached; make sure ours is before timing start-up
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "planlint")],
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""}, check=False)
    cmd = [sys.executable, "-m", "planlint", "check", "--format", "json", str(paths[0])]
    walls = []
    for _ in range(7):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT)
        walls.append((time.perf_counter() - t0) * 1000)
    print(f"cold start `planlint check --format json {paths[0].name}`: median {statistics.median(walls):.0f} ms,"
          f" best {min(walls):.0f} ms (python itself: ", end="")
    base = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
        base.append((time.perf_counter() - t0) * 1000)
    print(f"{statistics.median(base):.0f} ms)")


if __name__ == "__main__":
    main()
