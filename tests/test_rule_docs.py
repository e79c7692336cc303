"""Every listed rule is built and documented: its Bad example fails, its Good example passes."""

from __future__ import annotations

import pytest

from planlint.engine import lint
from planlint.rule import all_rules

RULES = all_rules()


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
    cfg = Config(select=[rule.code])
    bad = [f for f in lint(ex["bad"], cfg, fragment=True) if f.code == rule.code]
    assert bad, f"{rule.code}: the Bad example gives no finding"
    good = [f for f in lint(ex["good"], cfg, fragment=True) if f.code == rule.code]
    assert not good, f"{rule.code}: the Good example gives {good}"
