"""Whole plans: the N fixtures (our own plans, tests/fixtures/n/), the real drafts in ../shared/seeds
(no N finding at all: they contain no error in these facts) and the scoreboard's N mutations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SHARED, seed_files

from planlint.config import Config
from planlint.engine import lint_source
from planlint.parsing.source import Source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "n"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
N = Config(select=["N"])


def n_findings(path: Path, text: str | None = None):
    text = path.read_text(encoding="utf-8") if text is None else text
    return [f for f in lint_source(Source(str(path), text), N) if f.code.startswith("N")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_plan(name):
    path = FIXTURES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    want = []
    for case in EXPECTED[name]:
        hits = [i + 1 for i, line in enumerate(lines) if case["anchor"] in line]
        assert len(hits) == 1, case["anchor"]
        want.append((case["code"], hits[0], case["severity"]))
    got = [(f.code, f.line, f.severity) for f in n_findings(path)]
    assert sorted(got) == sorted(want)


def test_fixture_facts_inventory_lists_numbers_with_units():
    from planlint.facts import inventories
    from planlint.i18n import render
    from planlint.parsing.parser import parse_source

    plan = parse_source(Source("x", (FIXTURES / "ke-hoach-xa-tan-lap-2026.md").read_text(encoding="utf-8")))
    rows = [r for inv in inventories() for r in inv(plan)]
    texts = {render(r.text, "en") for r in rows if r.kind == "number"}
    assert {"3.264,80 tỷ đồng", "68 triệu đồng/người/năm", "10 bác sĩ/1 vạn dân", "2.150,6 ha"} <= texts
    kinds = {r.kind for r in rows}
    assert {"share group", "breakdown", "growth", "fraction", "part of whole", "counted list"} <= kinds


@pytest.mark.parametrize("path", seed_files(), ids=[p.name[:3] for p in seed_files()])
def test_seeds_give_no_n_finding(path):
    assert [(f.code, f.line, f.message) for f in n_findings(path)] == []


def _mutations() -> list[dict]:
    path = SHARED / "eval" / "mutations.json"
    if not path.is_file():
        return []
    return [c for c in json.loads(path.read_text(encoding="utf-8")) if "N" in c["families"]]


@pytest.mark.parametrize("case", _mutations(), ids=[c.get("what", "")[:30] for c in _mutations()])
def test_scoreboard_mutations_are_found(case):
    seed = next(p for p in seed_files() if p.name.startswith(case["seed"]))
    text = seed.read_text(encoding="utf-8")
    line = text[:text.index(case["find"])].count("\n") + 1
    found = n_findings(seed, text.replace(case["find"], case["replace"]))
    assert any(line <= f.line <= line + 12 for f in found), found
