"""Tables built from the vocabularies, kept between runs of the command line.

The readers build their tables on first use from ``rules/*.toml``: word keys, alternations,
look-ups (``poverty._vocab``, the date and timeline patterns, …). Built, they are a pure function
of planlint's code and vocabularies, and building them all took about a tenth of a changed
plan's run. ``kept`` is ``functools.cache`` for such a builder; in the command line
(``planlint.launch``), the table is also kept, pickled, in the user's cache folder, in one file
per version of the code (``cache.code_fingerprint``; older files are removed), and read back
instead of built.

Only plain data is kept: the table itself may be a tuple, a named tuple or a dataclass, and
everything inside it strings, numbers, compiled patterns and the built-in containers. A table
holding any other object (a ``Unit`` that code compares with ``is``, say) is built every run,
as a pickled copy would not be the same object. A library caller's process builds as before.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import pickle
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_enabled = False
_saved: dict[str, bytes] | None = None  # table name -> pickled table, as read from the file
_new: dict[str, bytes] = {}
_path: Path | None = None
KEEP_FILES = 2
_PLAIN = (str, int, float, bool, type(None), bytes, Decimal, re.Pattern)


def enable() -> None:
    """Keep and read tables (the command line calls it)."""
    global _enabled
    _enabled = True


def kept(fn: Callable[[], T]) -> Callable[[], T]:
    """``functools.cache`` for a table builder without arguments; in the command line, the
    table is read from the cache folder when it was kept there (see the module's doc)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.cache
    @functools.wraps(fn)
    def table() -> T:
        if not _enabled:
            return fn()
        saved = _load()
        data = saved.get(name)
        if data is not None:
            try:
                value: T = pickle.loads(data)
                return value
            except Exception:  # noqa: BLE001 - a damaged entry: build it
                pass
        value = fn()
        if _path is not None and _plain_table(value):
            with contextlib.suppress(Exception):  # not picklable after all: built each run
                _new[name] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        return value

    return table


def _plain_table(value: Any) -> bool:
    if isinstance(value, tuple) or dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = (getattr(value, f.name) for f in dataclasses.fields(value)) if dataclasses.is_dataclass(value) \
            else iter(value)
        return all(_plain(v) for v in items)
    return _plain(value)


def _plain(value: Any, depth: int = 0) -> bool:
    if isinstance(value, _PLAIN):
        return type(value) in _PLAIN or isinstance(value, re.Pattern)  # not a subclass with identity
    if depth > 20:
        return False
    if type(value) in (tuple, list, set, frozenset):
        return all(_plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False


def _load() -> dict[str, bytes]:
    global _saved, _path
    if _saved is None:
        from .cache import cache_file, code_fingerprint, read_entries

        _path = cache_file("tables", f"tables-{code_fingerprint()[:16]}.pickle")
        _saved = read_entries(_path, pickle.loads)
    return _saved


def save() -> None:
    """Write the file again if this run built tables it did not hold."""
    if _path is None or not _new or _saved is None:
        return
    from .cache import write_entries

    if write_entries(_path, {**_saved, **_new}, _dumps, f"tables-{'?' * 16}.pickle", KEEP_FILES):
        _saved.update(_new)
        _new.clear()


def _dumps(entries: dict[str, bytes]) -> bytes:
    return pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
