"""Messages: language-neutral arguments, rendered in one place, complete in both languages."""

from __future__ import annotations

import re
import string

import pytest

from planlint import i18n
from planlint.engine import lint
from planlint.i18n import MessageError, Seq, Text, Word, format_message, listing, render, seq
from planlint.rule import all_rules

RULES = all_rules()
FIELDS = string.Formatter()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in FIELDS.parse(template) if name}


def test_every_glossary_entry_has_both_languages():
    for table, entries in i18n.glossary().items():
        for key, entry in entries.items():
            assert set(entry) == set(i18n.LANGS), f"{table}.{key}: {entry}"
            assert all(entry[lang].strip() for lang in i18n.LANGS), f"{table}.{key}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_templates_take_the_same_arguments_in_both_languages(rule):
    for group in (rule.messages, rule.fix):
        for key, by_lang in group.items():
            assert set(by_lang) == set(i18n.LANGS), f"{rule.code} {key}: {sorted(by_lang)}"
            assert placeholders(by_lang["vi"]) == placeholders(by_lang["en"]), f"{rule.code} {key}"
            # no argument is named for one language: the check would be translating
            assert not any(re.search(r"_(?:en|vi)$", p) for p in placeholders(by_lang["en"])), rule.code


def test_every_word_a_check_names_is_in_the_glossary():
    from pathlib import Path

    checks = Path(__file__).resolve().parent.parent / "planlint"
    named = set()
    for path in checks.rglob("*.py"):
        named |= set(re.findall(r'Word\("([a-z_]+\.[a-z_]+)"\)', path.read_text(encoding="utf-8")))
    assert named, "no Word(...) found: the scan is broken"
    for key in named:
        for lang in i18n.LANGS:
            assert Word(key).render(lang)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_bad_example_renders_in_both_languages(rule, lang):
    from planlint.config import Config

    bad = rule.examples()["bad"]
    cfg = Config(lang=lang, select=[rule.code], show_info=True)
    for f in lint(bad, cfg, fragment=True):
        assert "{" not in f.message.replace("{}", ""), f.message
        if f.fix:
            assert "{" not in f.fix, f.fix


def test_rendering():
    assert render(Word("role.escaped"), "vi") == "thoát nghèo"
    assert render(Word("role_near.escaped"), "vi") == "thoát cận nghèo"
    assert render(listing([Word("date.day"), Word("date.month")]), "vi") == "ngày và tháng"
    assert render(listing(["a", "b", "c"]), "en") == "a, b and c"
    assert render(seq(Word("date.day"), " 5 → 05"), "en") == "day 5 → 05"
    assert render(Seq(("x", "y"), ", "), "en") == "x, y"
    assert render(Text(en="e", vi="v"), "vi") == "v"
    assert format_message("{a} {b}", {"a": Word("word.and"), "b": 3}, "vi") == "và 3"


def test_a_missing_argument_raises_in_tests_and_is_kept_raw_otherwise(monkeypatch):
    with pytest.raises(MessageError):
        format_message("{missing}", {}, "en")
    monkeypatch.setattr(i18n, "STRICT", False)
    assert format_message("{missing}", {}, "en") == "{missing}"
    with pytest.raises(MessageError):
        Word("nope.nothing").render("en")
