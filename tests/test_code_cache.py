"""The command line's saved dataclass methods (planlint.code_cache): the same classes, read back."""

from __future__ import annotations

import dataclasses
import inspect
import os
import time

import pytest

from planlint import code_cache


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """code_cache installed as in a fresh ``planlint`` process, over an empty cache folder."""
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))

    def restart() -> None:
        monkeypatch.setattr(code_cache, "_saved", None)
        monkeypatch.setattr(code_cache, "_new", {})
        monkeypatch.setattr(code_cache, "_path", None)

    restart()
    assert code_cache.install()
    try:
        yield restart
    finally:
        _uninstall()
    assert "exec" not in vars(dataclasses)


def _uninstall() -> None:
    if vars(dataclasses).get("exec") is code_cache._exec:
        del dataclasses.exec  # type: ignore[attr-defined]


def _declare():
    @dataclasses.dataclass(frozen=True, slots=True, order=True)
    class Point:
        """A point."""

        x: int
        y: list[str] = dataclasses.field(default_factory=list)
        label: str = "p"

    return Point


def _shape(cls) -> list:
    return [(name, str(getattr(cls, name).__annotations__), str(inspect.signature(getattr(cls, name))),
             getattr(cls, name).__code__.co_code, getattr(cls, name).__code__.co_flags)
            for name in ("__init__", "__repr__", "__eq__", "__hash__", "__lt__", "__setattr__")]


def test_saved_code_builds_the_same_class(fresh, tmp_path):
    _uninstall()
    plain = _declare()
    code_cache.install()
    compiled = _declare()  # compiled here, saved below
    code_cache.save()
    (saved,) = (tmp_path / "code").glob("dataclasses-*.marshal")
    fresh()  # a new process: reads the file, compiles nothing
    loaded = _declare()
    assert not code_cache._new
    for cls in (compiled, loaded):
        assert _shape(cls) == _shape(plain)
        p = cls(1, ["a"])
        assert repr(p).endswith("Point(x=1, y=['a'], label='p')") and p == cls(1, ["a"]) and p < cls(2)
        with pytest.raises(dataclasses.FrozenInstanceError):
            p.x = 2  # type: ignore[misc]
    stamp = saved.stat().st_mtime_ns
    code_cache.save()
    assert saved.stat().st_mtime_ns == stamp  # nothing new: the file is left alone


def test_damaged_file_means_compiling(fresh, tmp_path):
    _declare()
    code_cache.save()
    (saved,) = (tmp_path / "code").glob("dataclasses-*.marshal")
    saved.write_bytes(b"\x00damaged")
    fresh()
    assert _declare()(3).x == 3 and code_cache._new


def test_files_of_older_versions_are_removed(fresh, tmp_path):
    folder = tmp_path / "code"
    folder.mkdir()
    old = []
    for n in range(3):
        path = folder / f"dataclasses-{n:016d}.marshal"
        path.write_bytes(b"")
        os.utime(path, (time.time() - 100 + n, time.time() - 100 + n))
        old.append(path)
    _declare()
    code_cache.save()
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == code_cache.KEEP_FILES and f"dataclasses-{2:016d}.marshal" in left  # the newest other
