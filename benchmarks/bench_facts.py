"""Fact extraction of the N family (numbers, units, shares, breakdowns, relations, growth).

``bench_facts(texts)`` parses each text and runs every N extractor once (what ``make bench``
calls). Run as a script it prints the time per seed, the throughput, and the time for the seeds'
bodies repeated ~10x and ~100x, to show the work is linear in document size::

    .venv/bin/python benchmarks/bench_facts.py
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planlint.facts import n_growth, n_relations, quantities, shares  # noqa: E402
from planlint.parser import parse_source  # noqa: E402
from planlint.source import Source  # noqa: E402
from planlint.tree import Plan  # noqa: E402

EXTRACTORS = (
    quantities.extract, quantities.sentences, shares.share_groups, shares.breakdowns, shares.links,
    n_relations.parts_of_wholes, n_relations.fractions, n_relations.rates, n_relations.counted_lists,
    n_growth.growth_groups,
)


def extract_all(plan: Plan) -> int:
    """Run every N extractor on a parsed plan; the number of facts found."""
    return sum(len(plan.fact(fn)) for fn in EXTRACTORS)


def bench_facts(texts: Iterable[str]) -> None:
    """Parse each text and extract every N fact (the entry point ``make bench`` calls)."""
    for t in texts:
        extract_all(parse_source(Source("bench", t)))


def _docs() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    found = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    return found or sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))


def _best_ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def main() -> None:
    paths = _docs()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    bench_facts(texts)  # warm up: vocabularies, compiled patterns
    print(f"{'document':<34} {'KB':>6} {'parse ms':>9} {'N facts ms':>11} {'facts':>6}")
    for p, t in zip(paths, texts, strict=True):
        parse_ms = _best_ms(lambda t=t: parse_source(Source("b", t)), 10)
        facts_ms = _best_ms(lambda t=t: extract_all(parse_source(Source("b", t))), 10) - parse_ms
        count = extract_all(parse_source(Source("b", t)))
        print(f"{p.name:<34} {len(t.encode()) / 1024:>6.1f} {parse_ms:>9.2f} {facts_ms:>11.2f} {count:>6}")
    body = "\n\n".join(t.split("Nơi nhận")[0] for t in texts)
    rows = []
    for reps in (10, 100):
        big = body + ("\n\n" + body) * (reps - 1) + "\n\nNơi nhận:\n- Lưu: VT.\n"
        plan = parse_source(Source("b", big))
        gc.collect()
        gc.freeze()  # the parse tree is long-lived: keep the collector from rescanning it
        t0 = time.perf_counter()
        n = extract_all(plan)
        ms = (time.perf_counter() - t0) * 1000
        mb = len(big.encode()) / 1e6
        rows.append(ms)
        gc.unfreeze()
        print(f"{f'seeds x{reps}':<34} {mb * 1000:>6.0f} {'':>9} {ms:>11.0f} {n:>6}  ({mb / (ms / 1000):.2f} MB/s)")
    print(f"scaling: 10x the text takes {rows[1] / rows[0]:.1f}x the time")


if __name__ == "__main__":
    main()
