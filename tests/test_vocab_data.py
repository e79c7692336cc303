"""The poverty and quantity vocabularies as data: lists well formed, no duplicates, no phrase in
two classes that exclude each other, and every word read by the patterns built from it."""

from __future__ import annotations

import pytest

from planlint.data import vocabulary


def _key(w: str) -> str:
    return " ".join(w.lower().split())


def _lists(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _lists(v, (*path, k))
    elif isinstance(node, list):
        yield path, node


@pytest.mark.parametrize("name", ["poverty", "quantities"])
def test_lists_are_clean(name):
    for path, items in _lists(vocabulary(name)):
        where = f"rules/{name}.toml {'.'.join(path)}"
        assert items, f"{where} is empty"
        for w in items:
            assert isinstance(w, str) and w.strip() == w and "  " not in w, f"{where}: {w!r}"
        keys = [_key(w) if name != "quantities" or path[-1] != "identifier_before" else w for w in items]
        dupes = {k for k in keys if keys.count(k) > 1}
        assert not dupes, f"{where}: {sorted(dupes)} listed twice"


def test_household_groups_are_disjoint_and_name_no_poverty_category():
    v = vocabulary("poverty")
    seen: dict[str, str] = {}
    poverty = {_key(w) for c in ("poor", "near", "both") for w in v["categories"][c]}
    for group, phrases in v["groups"].items():
        for p in phrases:
            k = _key(p)
            assert k not in seen, f"{p!r} is in groups {seen.get(k)} and {group}"
            seen[k] = group
            assert not any(c in k.split() or c in k for c in poverty), f"{p!r} names a poverty category"


def test_qualifier_kinds_exclude_each_other():
    q = vocabulary("quantities")["qualifiers"]
    seen: dict[str, str] = {}
    for kind in ("approx", "ge", "le", "gt", "lt"):
        for w in q[kind]:
            assert _key(w) not in seen, f"{w!r} is a qualifier of kind {seen[_key(w)]} and {kind}"
            seen[_key(w)] = kind
    assert {_key(w) for w in q["change_from"]} <= {_key(w) for w in q["ge"]}


def test_quantity_patterns_read_their_words():
    from planlint.facts.quantities import _pat

    p = _pat()
    r = vocabulary("quantities")["roles"]
    for w in r["date_before"]:
        assert p.date_before.search(f"vào {w} "), w
    for w in r["year_before"]:
        assert p.year_before.search(f"trong {w} "), w
    for w in r["ordinal_before"]:
        assert p.ordinal_before.search(f"theo {w} "), w
    for w in r["duration_after"]:
        assert p.duration_after.match(f" {w}"), w
    for w in r["range_join"]:
        assert p.range_join.match(f" {w} "), w
    q = vocabulary("quantities")["qualifiers"]
    for kind in ("approx", "ge", "le", "gt", "lt"):
        for w in q[kind]:
            m = p.qual_before.search(f"là {w} ")
            assert m and m.group(kind), (kind, w)


def test_poverty_patterns_read_their_words():
    from planlint.facts.poverty import _vocab

    v, w = _vocab(), vocabulary("poverty")["words"]
    for place in w["places"]:
        assert v.place.search(f"tại {place} Đông"), place
    for label in w["people_labels"]:
        assert v.people_label.search(f"có {label} "), label
    for link in w["rate_after_count"]:
        assert v.rate_after_count.match(f" hộ nghèo, {link} "), link
    for cur in w["current"]:
        assert v.current.search(f"toàn xã {cur} 46 hộ"), cur
