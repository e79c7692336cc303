"""Where planlint keeps what it can rebuild: the user's cache folder, safe to delete.

``$PLANLINT_CACHE_DIR`` if set (empty: no cache at all), else the platform's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%``
on Windows) + ``planlint``. Every entry is keyed on everything it was built from, so a stale
entry is never read, only ignored; a folder that cannot be written means building each time.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def cache_dir() -> Path | None:
    """The cache folder (not created here), or ``None`` when caching is off."""
    env = os.environ.get("PLANLINT_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "planlint"


def cache_file(*parts: str) -> Path | None:
    """A path inside the cache folder, or ``None`` when caching is off."""
    root = cache_dir()
    return root.joinpath(*parts) if root is not None else None


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all (readers in parallel never see half a
    file). ``False`` when the folder cannot be written: the caller just goes on without."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True
    except OSError:
        return False


def read_entries(path: Path | None, loads: Any) -> dict[str, bytes]:
    """The ``name -> bytes`` entries kept in ``path`` (``loads`` reads the file's bytes); empty when
    caching is off or the file is missing or damaged."""
    if path is None:
        return {}
    try:
        found = loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - a missing or damaged file: start empty
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, bytes)}


def write_entries(path: Path, entries: dict[str, bytes], dumps: Any, pattern: str, keep: int) -> bool:
    """Write ``entries`` to ``path`` whole (``write_atomic``) and remove the files of older versions
    beside it (``prune``); ``False`` when the folder cannot be written."""
    if not write_atomic(path, dumps(entries)):
        return False
    prune(path, pattern, keep)
    return True


KEEP_VERSIONS = 2  # entries kept per cached thing: the current one and the most recent other


def prune(current: Path, pattern: str, keep: int) -> None:
    """Remove the files beside ``current`` that match ``pattern`` (the entries of older versions
    of the code, grammar or vocabulary), but ``current`` and the ``keep - 1`` most recent others
    (two installs side by side do not delete each other's files on every run)."""
    try:
        others = sorted((p for p in current.parent.glob(pattern) if p != current),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[max(0, keep - 1):]:
            old.unlink()
    except OSError:
        pass


def prune_folders(current: Path, keep: int) -> None:
    """Remove the folders beside ``current`` (the results of older versions of the code, and the
    two-letter folders of the earlier layout that had no version folder), but ``current`` and the
    ``keep - 1`` most recently written others."""
    import shutil

    try:
        others = sorted((p for p in current.parent.iterdir() if p != current and p.is_dir()),
                        key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    versions = [p for p in others if len(p.name) > 2]
    for old in versions[max(0, keep - 1):] + [p for p in others if len(p.name) <= 2]:
        shutil.rmtree(old, ignore_errors=True)


def lalr_parser(name: str, grammar: str, lexer_module: Any, lexer_class: Any) -> Any:
    """A Lark LALR parser for ``grammar`` with a custom lexer, built once per machine.

    Building one (grammar analysis, LALR tables) costs more than parsing a document, so the
    built parser is saved in the cache folder under a key made of the grammar's text, the lexer
    module's text, lark's version and Python's: an edited grammar or lexer, or an upgraded lark,
    gets a new file and a stale parser is never loaded. Any failure to read or write the cache
    means building, as without one. Used for ``grammar/plan.lark`` and ``grammar/figures.lark``."""
    import hashlib
    import io

    import lark
    from lark import Lark

    from . import lalr_cache

    key = hashlib.sha256()
    for part in (grammar.encode(), Path(lexer_module.__file__).read_bytes(), lark.__version__.encode(),
                 sys.version.encode(), lalr_cache.MAGIC, Path(lalr_cache.__file__).read_bytes()):
        key.update(part)
        key.update(b"\0")
    path = cache_file("parser", f"{name}-{key.hexdigest()[:32]}.pickle")
    if path is not None and path.is_file():
        try:
            data = path.read_bytes()
            return lalr_cache.load(data) if data.startswith(lalr_cache.MAGIC) else Lark.load(io.BytesIO(data))
        except Exception:  # noqa: BLE001 - a damaged cache entry: build afresh
            pass
    parser = Lark(grammar, parser="lalr", lexer=lexer_class)
    if path is not None:
        saved = lalr_cache.dump(parser)
        if saved is None:  # a parser lalr_cache cannot keep: Lark's own format
            buf = io.BytesIO()
            parser.save(buf)
            saved = buf.getvalue()
        if write_atomic(path, saved):
            prune(path, f"{name}-{'?' * 32}.pickle", KEEP_VERSIONS)
    return parser


@functools.cache
def code_fingerprint() -> str:
    """A digest of the CONTENTS of planlint's modules, grammars and vocabularies (with each
    file's name inside its folder), planlint's version and Python's: an edited rule or
    vocabulary (an editable install, a checkout) never reads old results, even when the edit
    keeps the file's size and modification time (a checkout, ``cp -p``, an unpacked archive).

    Reading and hashing the ~170 files (under 1 MB) costs about 5 ms, on every run; so the digest
    is kept in the cache folder under a key made of every file's stat (path, size, inode, and the
    modification AND change times: an edit that restores the modification time still moves the
    change time, which no program can set). A key that does not match means reading the contents
    again; a file changed in the last seconds (a change time the clock's granularity could hide)
    keeps the digest from being saved, as git treats "racy" files."""
    from .data import data_dir

    return kept_tree_digest([Path(__file__).resolve().parent, data_dir("grammar"), data_dir("rules")])


def kept_tree_digest(roots: Sequence[Path]) -> str:
    """``tree_digest(roots)``, read from the cache folder when no file's stat has changed since
    it was computed (``code_fingerprint``)."""
    path = cache_file("code", "fingerprints.marshal")
    if path is None:
        return tree_digest(roots)
    import marshal
    import time

    now = time.time_ns()
    stats, racy = _tree_stats(roots, now - RACY_NS)
    kept = read_entries(path, marshal.loads)
    found = kept.get(stats)
    if found is not None and len(found) == 64:
        return found.decode("ascii")
    digest = tree_digest(roots)
    if not racy:
        kept = {k: v for k, v in kept.items() if k != stats}
        kept = dict(list(kept.items())[-(KEEP_FINGERPRINTS - 1):])
        kept[stats] = digest.encode("ascii")
        write_atomic(path, marshal.dumps(kept))
    return digest


RACY_NS = 3_000_000_000  # a file changed less than this long ago is "racy": its digest is not kept
KEEP_FINGERPRINTS = 8  # stat keys kept (checkouts side by side share the cache folder; an entry is 130 bytes)


def _tree_stats(roots: Sequence[Path], racy_after: int,
                suffixes: tuple[str, ...] = (".py", ".lark", ".toml", ".txt")) -> tuple[str, bool]:
    """A digest of the stat of every file ``tree_digest`` reads (same walk), and whether one of
    them changed after ``racy_after`` (ns since the epoch) or could not be read."""
    from . import __version__

    h = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    racy = False
    for n, root in enumerate(roots):
        h.update(f"{n}:{root}\0".encode())
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith(suffixes):
                    path = os.path.join(dirpath, name)
                    try:
                        st = os.stat(path)
                    except OSError:
                        racy = True
                        continue
                    racy = racy or max(st.st_mtime_ns, st.st_ctime_ns) >= racy_after
                    h.update(f"{path}:{st.st_size}:{st.st_ino}:{st.st_dev}:{st.st_mtime_ns}:"
                             f"{st.st_ctime_ns}\0".encode())
    return h.hexdigest(), racy


def tree_digest(roots: Sequence[Path], suffixes: tuple[str, ...] = (".py", ".lark", ".toml", ".txt")) -> str:
    """sha256 of ``__version__``, the Python build and, for every file with one of ``suffixes``
    under ``roots`` (sorted, ``__pycache__`` skipped), its path inside its root and its bytes."""
    from . import __version__

    h = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for n, root in enumerate(roots):
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith(suffixes):
                    path = os.path.join(dirpath, name)
                    try:
                        with open(path, "rb") as fh:
                            data = fh.read()
                    except OSError:  # vanished or unreadable: its absence is part of the digest
                        data = b""
                    h.update(f"{n}:{os.path.relpath(path, root)}:{len(data)}\0".encode())
                    h.update(data)
    return h.hexdigest()
