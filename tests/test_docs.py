"""The README is the user's first contact: its commands and its rule list must be true."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

from conftest import ROOT

from planlint.cli import cmd_rules


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_exactly_the_two_commands():
    m = re.search(r"## Quick start\s+```\n(.*?)```", readme(), re.S)
    assert m and m.group(1).split("\n")[:-1] == ["make demo", "make test"]


def test_readme_rule_table_matches_the_registry():
    out = io.StringIO()
    cmd_rules(SimpleNamespace(format="markdown"), out)
    assert out.getvalue().strip() in readme(), "regenerate: python -m planlint rules --format markdown"


def test_readme_rule_count_is_the_registry_s():
    out = io.StringIO()
    cmd_rules(SimpleNamespace(format="markdown"), out)
    n = sum(1 for line in out.getvalue().splitlines() if re.match(r"\| `[A-Z]\d{3}` \|", line))
    assert re.search(rf"^{n} rules in seven families", readme(), re.M), f"the README should say {n} rules"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_makefile_targets():
    mk = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo:", "test:", "bench:", "lint:"):
        assert target in mk
