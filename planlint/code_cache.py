"""The compiled methods of planlint's dataclasses, kept between runs of the command line.

planlint declares about 120 dataclasses. For each one, at import, CPython's ``dataclasses``
writes the source of ``__init__``, ``__repr__``, ``__eq__`` (and more for frozen classes) and
compiles it: some 430 small functions whose compilation was the largest single cost of a cold
start (about a sixth of a changed plan's run). The text the module writes depends only on
the class's fields, so its compiled code is the same every run: this module keeps it, as
marshalled code objects keyed on the exact source text, in the user's cache folder, and the
command line hands ``dataclasses`` the saved code instead of compiling again. The classes
built are the same: the same text compiled the same way (``compile(text, "<string>",
"exec")``, without this module's ``__future__`` flags, as ``exec(text)`` inside
``dataclasses`` does), tested.

Only the command line uses it (``planlint.launch``); importing planlint as a library leaves
``dataclasses`` alone. How: ``dataclasses`` calls the builtin ``exec`` by name; ``install``
gives that module a global ``exec`` that looks the text up first (a Python whose
``dataclasses`` works differently just never calls it). The file is keyed on planlint's code
and the Python build (``cache.code_fingerprint``); the files of older versions are removed
(``cache.prune``). Anything unexpected (a damaged file, a folder that cannot be written)
means compiling as usual.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

_saved: dict[str, bytes] | None = None  # source text -> marshalled code, as read from the file
_new: dict[str, bytes] = {}  # compiled in this run, not in the file
_path: Path | None = None
MAX_ENTRIES = 3000  # about six times what planlint declares
KEEP_FILES = 2


def install() -> bool:
    """Make ``dataclasses`` use the saved code; ``False`` when it cannot (nothing changed)."""
    import dataclasses

    if "exec" in vars(dataclasses) or not hasattr(dataclasses, "_create_fn"):
        return vars(dataclasses).get("exec") is _exec
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    return True


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None) -> None:  # noqa: A002
    exec(_code(source) if type(source) is str else source, globals, locals)  # noqa: S102


def _code(source: str) -> Any:
    saved = _load()
    data = saved.get(source)
    if data is not None:
        try:
            return marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            pass
    code = compile(source, "<string>", "exec", dont_inherit=True)
    if _path is not None and len(saved) + len(_new) < MAX_ENTRIES:
        _new[source] = marshal.dumps(code)
    return code


def _load() -> dict[str, bytes]:
    global _saved, _path
    if _saved is None:
        from .cache import cache_file, code_fingerprint, read_entries

        _path = cache_file("code", f"dataclasses-{code_fingerprint()[:16]}.marshal")
        _saved = read_entries(_path, marshal.loads)
    return _saved


def save() -> None:
    """Write the file again if this run compiled code it did not hold."""
    if _path is None or not _new or _saved is None:
        return
    from .cache import write_entries

    if write_entries(_path, {**_saved, **_new}, marshal.dumps, f"dataclasses-{'?' * 16}.marshal", KEEP_FILES):
        _saved.update(_new)
        _new.clear()
