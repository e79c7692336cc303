"""The word lists of rules/*.toml that the readers build their patterns from: no empty entry, no
duplicate, no word in two lists that mean opposite things, every key read by the code."""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import ROOT

from planlint.data import vocabulary
from planlint.phrases import alt, phrase, words

# the vocabularies whose every table of word lists is read through phrases.words
CHECKED = ("dates", "header", "citations")

# lists that must not share a word: a word in both would mean two things at once
DISJOINT = [
    ("dates", [("date", "day"), ("date", "month"), ("date", "year"), ("date", "quarter")]),
    ("dates", [("date", "to"), ("date", "from")]),
    ("dates", [("timeline", "deadline"), ("timeline", "scheduled")]),
    ("header", [("header", "motto"), ("header", "party_motto"), ("header", "issuer_cell")]),
    ("header", [("closing", "sign_for"), ("closing", "signer")]),
]


def _lists(name: str) -> list[tuple[tuple[str, ...], list]]:
    out = []

    def walk(node: object, path: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, str(k)))
        elif isinstance(node, list) and all(isinstance(x, str) for x in node):
            out.append((path, node))
        elif isinstance(node, list):  # an array of tables: [[collective]]
            for item in node:
                walk(item, path)

    walk(vocabulary(name), ())
    return out


def _key(word: str) -> str:
    """Two entries are one when they differ only in blanks (case matters: some lists are matched
    as printed, "v/v" and "V/v")."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", word))


LISTS = [(name, path, items) for name in CHECKED for path, items in _lists(name)]


@pytest.mark.parametrize("name, path, items", LISTS, ids=[f"{n}:{'.'.join(p)}" for n, p, _ in LISTS])
def test_word_list_is_clean(name, path, items):
    assert items, f"rules/{name}.toml [{'.'.join(path)}] is empty"
    for w in items:
        assert w and w == w.strip() and "  " not in w, f"rules/{name}.toml [{'.'.join(path)}]: entry {w!r}"
        assert unicodedata.is_normalized("NFC", w), f"rules/{name}.toml: {w!r} is not NFC"
    seen: dict[str, str] = {}
    for w in items:
        assert _key(w) not in seen, f"rules/{name}.toml [{'.'.join(path)}]: {w!r} twice"
        seen[_key(w)] = w


@pytest.mark.parametrize("name, paths", DISJOINT)
def test_lists_that_mean_different_things_share_no_word(name, paths):
    owner: dict[str, tuple[str, ...]] = {}
    for path in paths:
        for w in words(name, *path):
            other = owner.setdefault(_key(w), path)
            assert other == path, f"rules/{name}.toml: {w!r} in both {'.'.join(other)} and {'.'.join(path)}"


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "planlint").rglob("*.py")))


@pytest.mark.parametrize("name", CHECKED)
def test_every_key_is_read(name):
    """Each table and list name appears quoted in the package: a key nobody reads is a typo."""
    src = _source()
    for path, _items in _lists(name):
        for key in path:
            assert f'"{key}"' in src or f"'{key}'" in src, f"rules/{name}.toml: key {key!r} is read nowhere"
    for table, body in vocabulary(name).items():
        for entry in body if isinstance(body, list) else [body]:
            if isinstance(entry, dict):
                for key, value in entry.items():
                    if isinstance(value, str):
                        assert f'"{key}"' in src or f"'{key}'" in src, f"rules/{name}.toml: [{table}] {key} unread"


def test_phrases_match_whole_words_whatever_the_blanks():
    pat = re.compile(phrase(["chậm nhất", "vào"]), re.IGNORECASE)
    assert pat.search("báo cáo chậm\tnhất ngày 05/12")
    assert pat.search("VÀO tháng 12")
    assert not pat.search("vàonh")
    assert not pat.search("thivào")
    # longest first, so a longer phrase is not cut at a shorter one it starts with
    assert re.match(alt(["chậm nhất", "chậm nhất là"]), "chậm nhất là").group(0) == "chậm nhất là"



def test_bare_multipliers_are_unit_forms():
    """A bare multiplier that no unit prints would never be read: each is a form of a unit."""
    units = vocabulary("units")
    forms = {f.lower() for u in units["units"].values() for f in u["forms"]}
    bare = units["bare"]
    assert bare["multipliers"] and bare["not_before"]
    for w in bare["multipliers"]:
        assert w.lower() in forms, f"rules/units.toml [bare]: {w!r} is no unit's form"
    assert len(set(bare["not_before"])) == len(bare["not_before"])


def test_small_lists_elsewhere_are_filled():
    assert words("numbering", "nth") and all(w.strip() == w and w for w in words("numbering", "nth"))
    before = vocabulary("doctypes")["evidence"]["before_act"]
    assert before and len(set(before)) == len(before)

