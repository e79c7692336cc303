"""Checking many files: a cache of results, and several processes at once.

``planlint check`` over a folder lints each file independently (``engine.run`` is a pure
function of the text and the configuration), so

* a **result cache** in the user's cache folder (``planlint.cache``) maps a key made of the
  file's raw text and path (the findings name it), the configuration (selection, options,
  language, kind, time budget), planlint's version and a digest of the contents of planlint's
  own code, grammars and vocabularies (``code_fingerprint``) to the findings; a file that has not changed
  since the last run costs a hash and a read. ``--no-cache`` skips it; deleting the folder is
  always safe.
* the files the cache does not hold are linted by ``-j N`` worker processes (default: one per
  CPU when there are several files; ``-j 1`` lints in this process). Results come back in the
  order of the inputs, so the report is the same as a serial run's.

A result read from the cache carries the findings and the source (what the reporters of
``check`` read) and an empty plan; the HTML report, which shows facts and verdicts, always
lints afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .cache import KEEP_VERSIONS, cache_file, code_fingerprint, prune_folders, write_atomic
from .config import Config
from .parsing.source import Source
from .parsing.tree import Plan
from .result import LintResult

#: below this much text in all, starting worker processes costs more than it saves
PARALLEL_MIN_BYTES = 64_000


def config_fingerprint(config: Config) -> str:
    fields = asdict(config)
    fields.pop("path", None)  # where it came from does not change the findings
    fields.pop("fail_on", None)  # the exit code is computed from the findings afterwards
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)


def result_key(source: Source, config_fp: str) -> str:
    """The cache key of one source's findings, or ``""`` (not cached) when it cannot be made."""
    h = hashlib.sha256()
    for part in (code_fingerprint(), config_fp, type(source).__name__, source.path, source.raw):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    layout = getattr(source, "layout", None)
    if layout is not None:  # Word or PDF: the findings' places come from the layout, not the text alone
        try:
            h.update(pickle.dumps((getattr(source, "kind", ""), layout), protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # noqa: BLE001 - a layout that cannot be pickled: lint it every time
            return ""
    return h.hexdigest()


def _entry(key: str) -> Path | None:
    """results/<version of the code>/<2 letters>/<rest of the key>.pickle: one folder per version
    of planlint's code, so that the results of older versions can be removed as a whole."""
    return cache_file("results", code_fingerprint()[:16], key[:2], f"{key[2:]}.pickle")


def _load(key: str) -> list[Any] | None:
    path = _entry(key)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            found = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return found if isinstance(found, list) else None


def _store(key: str, findings: list[Any]) -> None:
    path = _entry(key)
    if path is None:
        return
    version = path.parent.parent
    new_version = not version.is_dir()
    if write_atomic(path, pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)) and new_version:
        prune_folders(version, KEEP_VERSIONS)  # the first result of a new version: older ones go


def run(source: Source, config: Config, **kwargs: Any) -> LintResult:
    """``engine.run``, imported on first use: a run served from the cache never loads the
    engine, the parser or a rule."""
    from .engine import run as lint

    return lint(source, config, **kwargs)


def _lint_one(args: tuple[Source, Config]) -> list[Any]:
    """In a worker: the findings of one source (the plan stays in the worker)."""
    source, config = args
    return run(source, config).findings


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_sources(sources: Sequence[Source], config: Config, *, jobs: int = 0, use_cache: bool = True,
                  with_facts: bool = False, prepare: Callable[[], object] | None = None) -> list[LintResult]:
    """``engine.run`` over every source, in input order, through the cache and the workers.
    ``prepare`` is called once before the first source that must be linted (the command line
    loads its saved regular expressions there: a run answered from the cache skips it)."""
    if with_facts:  # facts and verdicts are not cached: lint afresh, in this process
        if prepare is not None and sources:
            prepare()
        return [run(s, config, with_facts=True) for s in sources]
    cfg_fp = config_fingerprint(config)
    keys = [result_key(s, cfg_fp) for s in sources] if use_cache else [""] * len(sources)
    findings: list[list[Any] | None] = [_load(k) if k else None for k in keys]
    todo = [i for i, f in enumerate(findings) if f is None]
    if todo and prepare is not None:
        prepare()  # before the workers fork: they inherit it
    jobs = jobs or default_jobs()
    size = sum(len(sources[i].raw) for i in todo)
    if jobs > 1 and len(todo) > 1 and size >= PARALLEL_MIN_BYTES:
        fresh = _parallel([sources[i] for i in todo], config, min(jobs, len(todo)))
        for i, new in zip(todo, fresh, strict=True):
            findings[i] = new
    else:
        for i in todo:
            findings[i] = run(sources[i], config).findings
    results = []
    for i, (source, found) in enumerate(zip(sources, findings, strict=True)):
        assert found is not None
        # a file not fully checked is not a result to keep
        if i in todo and keys[i] and not any(f.code == "X103" for f in found):
            _store(keys[i], found)
        results.append(LintResult(source, Plan(source), found, []))
    return results


def _parallel(sources: list[Source], config: Config, jobs: int) -> list[list[Any]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .rule import selected_rules

    selected_rules(config)  # import the rule modules once, before the workers fork
    method = "fork" if sys.platform == "linux" else None
    ctx = multiprocessing.get_context(method)
    # the largest files first, so that no worker is left with a big one at the end
    order = sorted(range(len(sources)), key=lambda i: -len(sources[i].raw))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        done = list(pool.map(_lint_one, [(sources[i], config) for i in order], chunksize=1))
    out: list[list[Any]] = [[] for _ in sources]
    for i, found in zip(order, done, strict=True):
        out[i] = found
    return out
