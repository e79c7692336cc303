"""``planlint facts --lang`` reaches every verdict (and the rows of the facts in ``LOCALISED``):
rendered in English, a verdict holds no
Vietnamese word that is not the document's own; rendered in Vietnamese, no English word that is
not the document's own (or a code: KH, UBND, NFC). What each check compared and whether it holds
is planlint's text, localised in one place (rules/messages.toml, planlint/i18n.py)."""

from __future__ import annotations

import ast
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from planlint.engine import run
from planlint.i18n import glossary
from planlint.parsing.source import Source
from planlint.report.facts import kind_name, render_facts

FIXTURES = ROOT / "tests" / "fixtures"
DOCS = sorted(p for p in EXAMPLES.glob("*") if "khong" not in p.name) + sorted(
    p for d in ("dr", "n", "p", "t", "tables") for p in (FIXTURES / d).glob("*")
    if p.suffix in (".txt", ".md") and p.name != "README.md")
_WORD = re.compile(r"[^\W\d_]+")
# the facts whose rows are localised too (tables, household groups and growth still print some of
# planlint's words in English)
LOCALISED = {"plan number", "document kind", "plan date", "plan period", "sequence", "citation", "date", "period",
             "phases", "anniversary", "year name", "counted list", "auto number", "ledger", "poverty rate",
             "households", "link: rate and count", "number", "share link", "statement: achievement",
             "statement: change", "statement: exceed", "statement: ratio", "link: total, then parts",
             "statement: parts, then total", "share group", "breakdown", "indicator", "indicator (table)"}
# names and notation that stay as they are in either language
_NAMES = {"word", "unicode", "nfc", "latex", "html", "markdown", "mod"}


def _vietnamese(word: str) -> bool:
    return any(c in "đĐ" or (not c.isascii() and len(unicodedata.normalize("NFD", c)) > 1) for c in word)


def _verdicts(path: Path) -> tuple[set[str], dict[str, list[str]]]:
    text = path.read_text(encoding="utf-8")
    result = run(Source(str(path), text), with_facts=True)
    out = {}
    for lang in ("en", "vi"):
        buf = io.StringIO()
        render_facts(result, "json", buf, lang)
        data = json.loads(buf.getvalue())
        out[lang] = [c["statement"] for c in data["checks"]] + [kind_name(v.kind, lang) for v in result.verdicts]
        out[lang] += [r["text"] for r in data["facts"] if r["kind"] in LOCALISED]
    return {w.lower() for w in _WORD.findall(text)}, out


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_verdicts_speak_the_chosen_language(path):
    document, verdicts = _verdicts(path)
    assert len(verdicts["en"]) == len(verdicts["vi"]) > 0, f"{path.name}: no verdicts"
    for statement in verdicts["en"]:
        foreign = [w for w in _WORD.findall(statement) if _vietnamese(w) and w.lower() not in document]
        assert not foreign, f"{path.name}: Vietnamese {foreign} in the English verdict {statement!r}"
    for statement in verdicts["vi"]:
        foreign = [w for w in _WORD.findall(statement) if w.isascii() and len(w) > 2 and not w.isupper()
                   and w.lower() not in document and w.lower() not in _NAMES and w.lower() not in _vi_ascii()
                   and w.lower() not in _label_forms()]
        assert not foreign, f"{path.name}: English {foreign} in the Vietnamese verdict {statement!r}"


def _label_forms() -> set[str]:
    """The forms indicator labels are compared in (rules/indicators.toml [synonyms]: "bhyt" for
    "bảo hiểm y tế"): an indicator row names its label in that form."""
    from planlint.data import vocabulary

    return {w for form in vocabulary("indicators")["synonyms"].values() for w in _WORD.findall(form)}


def _vi_ascii() -> set[str]:
    """Vietnamese words written without marks in the glossary's Vietnamese ("theo", "cho", "con"):
    in some Vietnamese text and in no English one."""
    words: dict[str, set[str]] = {"vi": set(), "en": set()}
    for table in glossary().values():
        for entry in table.values():
            if isinstance(entry, dict):
                for lang in words:
                    words[lang] |= {w.lower() for w in _WORD.findall(str(entry.get(lang, ""))) if w.isascii()}
    return words["vi"] - words["en"]


def test_every_kind_a_check_or_a_fact_names_is_in_the_glossary():
    """The kinds are constants at their call sites: ctx.verdict("date", …), FactRow("ledger", …)."""
    kinds = set()
    for path in (ROOT / "planlint").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and (
                        (isinstance(node.func, ast.Attribute) and node.func.attr == "verdict")
                        or (isinstance(node.func, ast.Name) and node.func.id == "FactRow")):
                kinds.add(node.args[0].value)
    assert len(kinds) > 30
    missing = [k for k in sorted(kinds) if kind_name(k, "vi") == k]
    assert not missing, f"kinds without a Vietnamese name in rules/messages.toml [kind]: {missing}"
    assert all(kind_name(k, "en") == k for k in kinds)


def test_every_piece_of_evidence_of_a_document_kind_is_in_the_glossary():
    """facts/kind.py names its evidence (Evidence("title", "strong", …)); planlint facts and S110
    say it in the reader's language from rules/messages.toml [doc_kind]."""
    from planlint.facts.kind import term
    from planlint.i18n import render

    src = (ROOT / "planlint" / "facts" / "kind.py").read_text(encoding="utf-8")
    named = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Evidence":
            named |= {a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert {"title", "strong", "weak"} <= named
    for what in named:
        assert render(term(what), "en") == what and render(term(what), "vi"), what


def test_every_document_kind_of_the_vocabulary_is_in_the_glossary():
    """A kind a domain expert adds to rules/doctypes.toml needs its name in both languages."""
    from planlint.data import vocabulary
    from planlint.facts.kind import term
    from planlint.i18n import render

    v = vocabulary("doctypes")
    kinds = {t["kind"] for t in v["type"] if "kind" in t} | set(v["evidence"]["acts"].values())
    assert "plan" in kinds and "report" in kinds
    for kind in kinds:
        assert render(term(kind), "en") == kind and render(term(kind), "vi"), kind
