"""Every listed rule is built and documented: its Bad example fails, its Good example passes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planlint.engine import lint, lint_source
from planlint.rule import all_rules

RULES = all_rules()
# X102 judges suppressions of the rules that ran; X103's Bad example runs with no time at all
ALSO_SELECT = {"X102": ["S"]}
BAD_SETTINGS = {"X103": {"time_budget": 1e-9}}


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_metadata(rule):
    assert rule.summary and rule.doc
    for key, langs in rule.messages.items():
        assert langs.get("en") and langs.get("vi"), (rule.code, key)
    for key, langs in rule.fix.items():
        assert langs.get("en") and langs.get("vi"), (rule.code, key)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_examples(rule):
    from planlint.config import Config

    ex = rule.examples()
    assert "bad" in ex and "good" in ex, f"{rule.code}: docstring needs Bad:: and Good:: blocks"
    cfg = Config(select=[rule.code, *ALSO_SELECT.get(rule.code, [])])
    bad_cfg = Config(select=cfg.select, **BAD_SETTINGS.get(rule.code, {}))
    bad = [f for f in lint_source(rule.example_source("bad"), bad_cfg, fragment=True) if f.code == rule.code]
    assert bad, f"{rule.code}: the Bad example gives no finding"
    good = [f for f in lint_source(rule.example_source("good"), cfg, fragment=True) if f.code == rule.code]
    assert not good, f"{rule.code}: the Good example gives {good}"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_module_file_is_named_after_code_and_name(rule):
    module = sys.modules[rule.check.__module__]
    assert Path(module.__file__).name == f"{rule.code.lower()}_{rule.name.replace('-', '_')}.py"


def test_registration_errors_raise_even_under_python_O():
    from planlint.rule import rule as register

    with pytest.raises(ValueError, match="severity"):
        register(code="S999", name="x", severity="fatal", messages={"en": "x"})
    with pytest.raises(ValueError, match="family letter"):
        register(code="S99", name="x", severity="error", messages={"en": "x"})

@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_fixed_example(rule):
    """A rule with a repair shows it: fixing its Bad example gives its Fixed example, which the
    rule no longer reports. A rule without one has no Fixed block."""
    from planlint.config import Config
    from planlint.fix import fix_text

    ex = rule.examples()
    if rule.autofix is None:
        assert "fixed" not in ex, f"{rule.code}: a Fixed:: block but no autofix declared"
        return
    assert "fixed" in ex, f"{rule.code}: declares autofix={rule.autofix!r} but its doc has no Fixed:: block"
    cfg = Config(select=[rule.code])
    assert fix_text(ex["bad"], cfg, unsafe=True, fragment=True) == ex["fixed"]
    assert not [f for f in lint(ex["fixed"], cfg, fragment=True) if f.code == rule.code]
    if rule.autofix == "unsafe":  # --fix alone leaves an unsafe repair to the author
        assert fix_text(ex["bad"], cfg, fragment=True) == ex["bad"]
