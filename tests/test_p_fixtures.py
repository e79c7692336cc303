"""Whole plans: our own fixtures (tests/fixtures/p/) and the real drafts in ../shared/seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

import planlint
from planlint.config import Config
from planlint.engine import Context, lint_source
from planlint.parsing.source import Source

FIXTURES = ROOT / "tests" / "fixtures" / "p"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def run(path: Path, show_info: bool = False) -> tuple[list, Context]:
    text = path.read_text(encoding="utf-8")
    cfg = Config(select=["P"], show_info=show_info)
    ctx = Context(planlint.parse(text, str(path)), cfg)
    findings = lint_source(Source(str(path), text), cfg, context=ctx)
    return findings, ctx


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_plans(name):
    path = FIXTURES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    findings, ctx = run(path, show_info=True)
    want = []
    for case in EXPECTED[name]["findings"]:
        hits = [i + 1 for i, line in enumerate(lines) if case["anchor"] in line]
        assert len(hits) == 1, case["anchor"]
        want.append((hits[0], case["code"], case["severity"]))
    assert sorted((f.line, f.code, f.severity) for f in findings) == sorted(want)
    balanced = [v for v in ctx.verdicts if v.kind == "ledger" and v.ok]
    assert len(balanced) == EXPECTED[name]["balanced_ledgers"]


def test_seed_ledgers_balance_and_give_no_p_finding(seeds):
    for path in seeds:
        findings, ctx = run(path, show_info=True)
        assert [(f.line, f.code, f.message) for f in findings] == [], path.name
        if path.name.startswith("000"):
            ledgers = [(v.ok, v.text("en")) for v in ctx.verdicts if v.kind == "ledger"]
            assert ledgers == [(True, "poor households: start 46 − reduced 14 = 32 (year end 32) ✓"),
                               (True, "near-poor households: start 94 − reduced 65 = 29 (year end 29) ✓")]
            rates = [v for v in ctx.verdicts if v.kind == "rate denominator"]
            assert [v.ok for v in rates] == [True]


def test_example_plans():
    clean = [EXAMPLES / "ke-hoach-xa-an-phu-2026.md", EXAMPLES / "ke-hoach-phuong-tan-hoa-2025.txt"]
    for path in clean:
        if path.exists():
            assert run(path)[0] == [], path.name
    bad = EXAMPLES / "ke-hoach-loi-xa-binh-minh-2026.txt"
    if bad.exists():
        assert [(f.code, f.severity) for f in run(bad)[0]] == [("P101", "error")]


def test_facts_command_shows_balanced_ledgers(tmp_path, capsys):
    from planlint.cli import main

    rc = main(["facts", "--lang", "vi", str(FIXTURES / "ke-hoach-xa-hoa-son-2025.txt")])
    out = capsys.readouterr().out
    assert rc in (0, 1)
    assert "hộ nghèo: đầu năm 58 − giảm 21 = 37 (cuối năm 37) ✓" in out
    assert "hộ cận nghèo: đầu năm 112 − thoát cận nghèo 40 + phát sinh mới 3 = 75 (cuối năm 75) ✓" in out
