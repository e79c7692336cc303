"""The real drafts in ../shared/seeds (skipped when absent): parse, structure, no false errors."""

from __future__ import annotations

import re

from conftest import seed_files, seed_truth

import planlint
from planlint.engine import lint_source
from planlint.parsing.source import Source

ROMAN_LINE = re.compile(r"^[#\s*]*([IVX]+)[.\-]\s")


def test_every_seed_parses_with_its_top_level_sections(seeds):
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        plan = planlint.parse(text, str(path))
        assert plan.recognised, path.name
        assert plan.title is not None and plan.title.type_code == "KH", path.name
        expected = [(i + 1, m.group(1)) for i, line in enumerate(text.split("\n")) if (m := ROMAN_LINE.match(line))]
        got = [(plan.position(s.marker.span.start)[0], s.marker.label) for s in plan.body]
        assert got == expected, path.name
        assert plan.closing.recipients_head is not None, path.name
        assert plan.closing.signature, path.name


def test_the_real_numbering_error_is_found(seeds):
    path = next(p for p in seeds if p.name.startswith("000"))
    findings = lint_source(Source(str(path), path.read_text(encoding="utf-8")))
    assert [(f.code, f.line) for f in findings if f.code.startswith("S") and f.severity == "error"] == [("S103", 53)]


def test_no_error_severity_false_alarm_on_seeds(seeds):
    """Every error finding on a seed sits on a line of a known real error (± 1)."""
    truth = seed_truth()
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        allowed: set[int] = set()
        for case in truth:
            if case["doc"] != path.name:
                continue
            for anchor in [case["anchor"], *case.get("also_lines", [])]:
                n = next(i + 1 for i, line in enumerate(lines) if anchor in line)
                allowed |= {n - 1, n, n + 1}
        errors = [f for f in lint_source(Source(str(path), text)) if f.severity == "error"]
        stray = [(f.line, f.code, f.message) for f in errors if f.line not in allowed]
        assert not stray, (path.name, stray)


def test_seed_files_exist_when_shared_is_present():
    assert seed_files() == [] or len(seed_files()) >= 5
