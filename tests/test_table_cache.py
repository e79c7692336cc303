"""Tables kept between runs of the command line (planlint.table_cache)."""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from planlint import table_cache


class _Table(NamedTuple):
    words: dict[str, str]
    pattern: re.Pattern[str]
    keys: frozenset[tuple[str, ...]]


class _Thing:
    """An object code might compare with ``is``: never kept."""


_built: list[str] = []


def _plain_builder() -> _Table:
    _built.append("plain")
    return _Table({"hộ": "household"}, re.compile(r"(?<!\w)hộ\s+nghèo(?!\w)", re.IGNORECASE),
                  frozenset({("hộ", "nghèo")}))


_THING = _Thing()


def _odd_builder() -> tuple[dict[str, _Thing], str]:
    _built.append("odd")
    return {"x": _THING}, "y"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """As in a fresh ``planlint`` process, over an empty cache folder."""
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(table_cache, "_enabled", True)

    def restart() -> None:
        monkeypatch.setattr(table_cache, "_saved", None)
        monkeypatch.setattr(table_cache, "_new", {})
        monkeypatch.setattr(table_cache, "_path", None)
        _built.clear()

    restart()
    return restart


def test_plain_table_is_kept_and_read_back(fresh, tmp_path):
    first = table_cache.kept(_plain_builder)()
    table_cache.save()
    assert len(list((tmp_path / "tables").glob("tables-*.pickle"))) == 1
    fresh()
    again = table_cache.kept(_plain_builder)()
    assert not _built and again == first and again.pattern.search("Số HỘ  nghèo")


def test_other_objects_are_built_each_run(fresh):
    table = table_cache.kept(_odd_builder)()
    assert table[0]["x"] is _THING
    table_cache.save()
    fresh()
    assert table_cache.kept(_odd_builder)()[0]["x"] is _THING and _built == ["odd"]


def test_library_callers_build_as_before(fresh, monkeypatch, tmp_path):
    monkeypatch.setattr(table_cache, "_enabled", False)
    assert table_cache.kept(_plain_builder)() == _plain_builder()
    table_cache.save()
    assert not (tmp_path / "tables").exists()


def test_damaged_file_means_building(fresh, tmp_path):
    table_cache.kept(_plain_builder)()
    table_cache.save()
    (saved,) = (tmp_path / "tables").glob("tables-*.pickle")
    saved.write_bytes(b"\x80damaged")
    fresh()
    assert table_cache.kept(_plain_builder)().words == {"hộ": "household"} and _built == ["plain"]


def test_kept_is_a_cache():
    calls = []

    @table_cache.kept
    def build() -> tuple[int, ...]:
        calls.append(1)
        return (1, 2)

    assert build() is build() and len(calls) == 1
    build.cache_clear()  # type: ignore[attr-defined]
    build()
    assert len(calls) == 2
