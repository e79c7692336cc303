"""Finding the project's data: grammars (``grammar/``) and vocabularies (``rules/``).

In a source checkout (and an editable install) they are the top-level folders beside the
package; a wheel ships them inside the package as ``planlint/_data/grammar`` and
``planlint/_data/rules`` (see ``[tool.hatch.build]`` in pyproject.toml).
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import pickle
from pathlib import Path
from typing import Any

from .cache import KEEP_VERSIONS, cache_file, prune, write_atomic

_PKG = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"planlint data folder {name!r} not found (broken install?)")


def grammar_path(name: str) -> Path:
    return data_dir("grammar") / name


@functools.cache
def vocabulary(name: str) -> dict[str, Any]:
    """A TOML vocabulary from ``rules/`` (cached; treat as read-only).

    Parsed once per machine: the parsed tables are kept in the user's cache folder beside a
    digest of the file's bytes (``tomllib`` is pure Python, and parsing every vocabulary took a
    tenth of a cold start), marshalled, or pickled when they hold dates (``calendar.toml``);
    an edited vocabulary has another digest and is parsed again."""
    raw = (data_dir("rules") / f"{name}.toml").read_bytes()
    digest = hashlib.sha256(raw).hexdigest()[:32]
    saved = cache_file("vocabulary", f"{name}-{digest}.marshal")
    if saved is not None:
        try:
            data = saved.read_bytes()
            found = pickle.loads(data) if data[:1] == _PICKLED else marshal.loads(data)
            if isinstance(found, dict):
                return found
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            pass
    import tomllib  # pure Python with a dozen patterns to compile: only when a vocabulary is parsed

    parsed = tomllib.loads(raw.decode("utf-8"))
    if saved is not None:
        try:
            data = marshal.dumps(parsed)
        except ValueError:  # a value marshal cannot hold (a TOML date): pickled instead
            data = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
        if write_atomic(saved, data):  # the tables of earlier edits go
            prune(saved, f"{name}-{'?' * 32}.marshal", KEEP_VERSIONS)
    return parsed


_PICKLED = b"\x80"  # the first byte of a pickle (protocol 2 and later); never of a marshalled dict


@functools.cache
def word_list(name: str) -> tuple[str, ...]:
    """A plain list from ``rules/NAME.txt``: one entry a line, ``#`` starts a comment."""
    out = []
    with open(data_dir("rules") / f"{name}.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return tuple(out)
