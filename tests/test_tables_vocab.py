"""The data of rules/tables.toml: well formed, no duplicates, no phrase with two exclusive meanings,
every list read by planlint/facts/tables.py and every list it reads present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planlint.data import data_dir
from planlint.facts import tables as table_facts
from planlint.parsing import tables as table_finder

DATA = data_dir("rules") / "tables.toml"

# lists of one section whose phrases say different, exclusive things about a column or a row: a
# phrase in two of them would make its meaning depend on the order the code tries them in
EXCLUSIVE = [
    ("columns", ("stt", "label", "unit", "note")),
    ("periods", ("plan", "actual", "estimate")),
    ("ratios", ("against_plan", "against_last")),
    ("growth", ("percent", "absolute")),
    ("rows", ("total", "split", "within")),
    ("ledger", ("start", "escaped", "fell_back", "newly", "end")),
    ("households", ("total", "poor_rate", "near_rate", "poor_count", "near_count")),
]


def _data() -> dict[str, dict[str, list[str]]]:
    import tomllib

    return tomllib.loads(DATA.read_text(encoding="utf-8"))


def _norm(w: str) -> str:
    return " ".join(w.lower().split())


def test_every_entry_is_a_list_of_clean_phrases():
    for section, lists in _data().items():
        assert isinstance(lists, dict), section
        for key, phrases in lists.items():
            assert isinstance(phrases, list) and phrases, f"[{section}] {key}: a non-empty list"
            for w in phrases:
                assert isinstance(w, str) and w == w.strip() and "  " not in w and w, f"[{section}] {key}: {w!r}"


@pytest.mark.parametrize("section_key", [(s, k) for s, ls in _data().items() for k in ls], ids=lambda x: ".".join(x))
def test_no_phrase_is_listed_twice_in_one_list(section_key):
    section, key = section_key
    phrases = [_norm(w) for w in _data()[section][key]]
    dups = sorted({w for w in phrases if phrases.count(w) > 1})
    assert not dups, f"[{section}] {key} lists {dups} twice"


@pytest.mark.parametrize(("section", "keys"), EXCLUSIVE, ids=lambda x: x if isinstance(x, str) else "")
def test_no_phrase_has_two_exclusive_meanings(section, keys):
    data = _data()[section]
    owner: dict[str, str] = {}
    for key in keys:
        for w in data[key]:
            other = owner.setdefault(_norm(w), key)
            assert other == key, f"[{section}] {w!r} is in both {other} and {key}"


def _used() -> set[tuple[str, str]]:
    """The (section, list) pairs planlint/facts/tables.py and parsing/tables.py read, by name or
    through a role tuple."""
    src = Path(table_facts.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r'(?:words|_has)\(\s*"(\w+)",\s*"(\w+)"(?!,\s*")', src))
    # lists read through the phrase builder, here and by the table finder (planlint/parsing/tables.py)
    src += Path(table_finder.__file__).read_text(encoding="utf-8")
    used |= set(re.findall(r'words\(\s*"tables",\s*"(\w+)",\s*"(\w+)"', src))
    used |= {("ledger", role) for role in table_facts._ROLES}
    used |= {("households", key) for key in table_facts._HOUSEHOLD_ROWS.values()}
    return used


def test_every_list_is_read_and_every_list_read_exists():
    listed = {(s, k) for s, ls in _data().items() for k in ls}
    used = _used()
    assert listed - used == set(), f"lists nobody reads: {sorted(listed - used)}"
    assert used - listed == set(), f"lists read but missing from tables.toml: {sorted(used - listed)}"


def test_exclusive_groups_name_real_lists():
    data = _data()
    for section, keys in EXCLUSIVE:
        assert all(k in data[section] for k in keys), section
