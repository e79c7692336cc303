"""Per-rule cases as data: tests/rules/<CODE>.toml (format: tests/rules/README.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from planlint.config import Config
from planlint.engine import lint
from planlint.rule import all_rules

RULES_DIR = Path(__file__).resolve().parent / "rules"
HEADS = tomllib.loads((RULES_DIR / "heads.toml").read_text(encoding="utf-8"))
CODES = {r.code for r in all_rules()}
KEYS = {"head", "fragment", "at", "alone", "family_exact", "family_silent", "options", "text", "lang", "fixed",
        "unsafe"}


def _cases() -> list[tuple[str, str, int, dict]]:
    out = []
    for path in sorted(RULES_DIR.glob("*.toml")):
        if path.name == "heads.toml":
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in ("fail", "pass", "fix"):
            for i, case in enumerate(data.get(kind, [])):
                out.append((path.stem, kind, i, case))
    return out


CASES = _cases()


def _findings(code: str, case: dict) -> tuple[str, list]:
    family = code[0]
    text = HEADS[case["head"]] + case["text"] if "head" in case else case["text"]
    cfg = Config(select=[family], options=dict(case.get("options", {})), lang=case.get("lang", "en"))
    return text, [f for f in lint(text, cfg, fragment=case.get("fragment", False)) if f.code.startswith(family)]


def test_every_case_file_names_a_rule_or_a_family():
    for path in RULES_DIR.glob("*.toml"):
        if path.name != "heads.toml":
            assert path.stem in CODES or path.stem in {c[0] for c in CODES}, path.name
    for _code, _kind, _i, case in CASES:
        assert set(case) <= KEYS, set(case) - KEYS
        assert "head" not in case or case["head"] in HEADS


def test_every_rule_with_examples_beyond_its_doc_has_a_case_file():
    covered = {p.stem for p in RULES_DIR.glob("*.toml")}
    # rules whose cases live only in their doc examples and property tests are listed here
    doc_only = {r.code for r in all_rules()} - covered
    assert len(doc_only) < len(CODES) / 2, sorted(doc_only)


@pytest.mark.parametrize("code, kind, i, case", CASES, ids=[f"{c}-{k}-{i}" for c, k, i, _ in CASES])
def test_case(code, kind, i, case):
    text, found = _findings(code, case)
    got = [(f.code, f.line, f.column) for f in found]
    if kind == "fix":  # the rule's repair (only the rule's own: select = [code]) turns text into fixed
        from planlint.fix import fix_text

        head = HEADS[case["head"]] if "head" in case else ""
        cfg = Config(select=[code], options=dict(case.get("options", {})))
        assert fix_text(text, cfg, unsafe=case.get("unsafe", False), fragment=case.get("fragment", False)) == \
            head + case["fixed"]
    elif kind == "fail":
        assert [[f.line, f.column] for f in found if f.code == code] == case["at"], got
        if case.get("alone"):
            assert all(f.code == code for f in found), got
        if "family_exact" in case:
            assert sorted(f.code for f in found) == sorted(case["family_exact"]), got
    else:
        if case.get("family_silent") or len(code) == 1:
            assert found == [], got
        else:
            assert code not in [f.code for f in found], got
