"""Compiled regular expressions kept between runs of the command line.

planlint's readers hold a few hundred regular expressions, some of them long alternations built
from the vocabularies in ``rules/*.toml``. CPython compiles a pattern in pure Python (a parser
and a code generator) and keeps the result only for the life of the process, so a cold start
used to spend more time compiling patterns than reading the plan. The code the compiler
produces is a plain list of integers: this module saves it, for every pattern the run compiled,
in the user's cache folder, and the next run hands it straight to the regex engine
(``_sre.compile``, which validates it) and seeds ``re``'s own cache with the result, so that
``re.compile(p)`` anywhere returns the finished pattern.

Only the command line uses it (``planlint.cli.main``); a library caller's process is left
alone. The file is keyed on the Python build (its version and the regex engine's magic
number) and on planlint's code (``cache.code_fingerprint``, a digest of its modules and
vocabularies), and each entry on the pattern's text and flags. One file holds the patterns of
one version of the code: a new version starts a new file and the files of older ones are
removed (the two most recent are kept, for two installs side by side), so the file never
collects the patterns of every version a machine has run (one keyed on the Python build alone
had grown to 2,768 patterns, 11 MB and 80 ms to load on a development machine), and a file
that reaches ``MAX_ENTRIES`` (patterns made from documents' own words) is not extended.
Anything unexpected (another Python with a different ``re``, a damaged file, a folder
that cannot be written) turns the cache off for the run; compiling then happens as usual.
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path
from typing import Any

from .cache import cache_file, write_atomic

_loaded: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # key -> entry as saved
_path: Path | None = None
_preloaded = False
MAX_ENTRIES = 2000  # about five times what a run over many plans compiles
KEEP_FILES = 2


def _file() -> Path | None:
    from .cache import code_fingerprint

    try:
        import _sre

        tag = f"{sys.implementation.cache_tag}-{sys.version_info.releaselevel}{sys.version_info.micro}-{_sre.MAGIC}"
    except (ImportError, AttributeError):
        return None
    return cache_file("regex", f"{tag}-{code_fingerprint()[:16]}.marshal")


def _usable() -> bool:
    return isinstance(getattr(re, "_cache", None), dict) and hasattr(re, "_compiler")


def preload() -> int:
    """Seed ``re``'s cache from the saved file; returns how many patterns were loaded. Once
    per process: a second call returns 0."""
    global _path, _preloaded
    if _preloaded:
        return 0
    _preloaded = True
    if not _usable():
        return 0
    _path = _file()
    if _path is None:
        return 0
    try:
        entries = marshal.loads(_path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return 0
    import _sre

    cache: dict[tuple[Any, ...], Any] = re._cache  # type: ignore[attr-defined]
    try:
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            key = (type(pattern), pattern, flags)
            if key not in cache:
                cache[key] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            _loaded[key] = (pattern, flags, final_flags, code, groups, groupindex, indexgroup)
    except (RuntimeError, TypeError, ValueError):  # a damaged entry: forget the file
        _loaded.clear()
        return 0
    return len(_loaded)


def save() -> None:
    """Write the file again if this run compiled patterns it did not hold."""
    if _path is None or not _usable():
        return
    cache: dict[tuple[Any, ...], Any] = re._cache  # type: ignore[attr-defined]
    keys = [k for k in list(cache) if k[0] in (str, bytes)]
    if all(k in _loaded for k in keys) or len(_loaded) >= MAX_ENTRIES:
        return
    from re import _compiler, _parser  # type: ignore[attr-defined]

    entries = []
    for key in keys:
        if key in _loaded:
            entries.append(_loaded[key])
            continue
        _, pattern, flags = key
        try:
            p = _parser.parse(pattern, flags)
            code = _compiler._code(p, flags)
        except Exception:  # noqa: BLE001 - never stop a run for its cache
            continue
        groupindex = dict(p.state.groupdict)
        indexgroup: list[str | None] = [None] * p.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entries.append((pattern, int(flags), int(flags | p.state.flags), [int(c) for c in code],
                        int(p.state.groups - 1), {k: int(v) for k, v in groupindex.items()}, tuple(indexgroup)))
    try:
        data = marshal.dumps(entries)
    except ValueError:
        return
    if write_atomic(_path, data):
        _prune(_path)


def _prune(current: Path) -> None:
    """Remove the files of older versions of the code, but the ``KEEP_FILES`` most recent."""
    from .cache import prune

    tag = current.name.rsplit("-", 1)[0]
    prune(current, f"{tag}-*.marshal", KEEP_FILES)
    try:
        for legacy in current.parent.glob(f"{tag}.marshal"):  # the one file of earlier planlints
            legacy.unlink()
    except OSError:
        pass
