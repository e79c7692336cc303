"""Start-up stays lean and cached artefacts are never stale (timings live in benchmarks/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES

from planlint.parsing import parser as parser_mod

HEAVY = ("rich", "pint", "dateutil", "docx", "pypdf", "pdfminer", "fitz")


def _modules_after(argv: list[str], tmp_path, cwd=None) -> set[str]:
    code = (
        "import sys, io, contextlib, json\n"
        "from planlint.launch import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {"PLANLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=cwd)
    return set(json.loads(out.stdout))


def _plan() -> str:
    return str(sorted(EXAMPLES.glob("*.md"))[0])


def test_check_keeps_heavy_libraries_out(tmp_path):
    mods = _modules_after(["check", "--format", "json", _plan()], tmp_path)
    loaded = sorted(m for m in mods if m.split(".")[0] in HEAVY)
    assert not loaded, f"`planlint check` imported {loaded}"


def test_no_toml_parser_without_planlint_settings(tmp_path):
    """A project whose pyproject.toml does not configure planlint: once the vocabularies are in
    the cache folder, a check loads no TOML parser (tomllib is pure Python, slow to import)."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    _modules_after(["check", "--no-cache", _plan()], tmp_path, cwd=tmp_path)  # fills the cache folder
    assert "tomllib" not in _modules_after(["check", "--no-cache", _plan()], tmp_path, cwd=tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.planlint]\nselect = ["S"]\n', encoding="utf-8")
    assert "planlint.facts.poverty" not in _modules_after(["check", "--no-cache", _plan()], tmp_path, cwd=tmp_path)


def test_selected_family_only(tmp_path):
    mods = _modules_after(["check", "--select", "S", _plan()], tmp_path)
    checks = {m.rsplit(".", 1)[1][0] for m in mods if m.startswith("planlint.checks.") and "._" not in m}
    assert checks == {"s"}
    assert "planlint.facts.poverty" not in mods and "planlint.facts.words" not in mods


def test_unchanged_plan_needs_no_engine(tmp_path):
    """A plan answered from the result cache costs a hash and a read: no engine, parser, rule,
    grammar library or saved patterns are loaded."""
    _modules_after(["check", "--format", "json", _plan()], tmp_path)  # fills the cache
    mods = _modules_after(["check", "--format", "json", _plan()], tmp_path)
    loaded = sorted(m for m in mods if m in ("planlint.engine", "planlint.parsing.parser", "planlint.rule", "lark")
                    or m.startswith(("planlint.checks.", "planlint.facts.")))
    assert not loaded, f"a cached check imported {loaded}"
    assert "planlint.engine" in _modules_after(["check", "--no-cache", "--format", "json", _plan()], tmp_path)


def test_rules_listing_needs_no_parser(tmp_path):
    mods = _modules_after(["rules"], tmp_path)
    assert "lark" not in mods
    assert sum(m.startswith("planlint.checks.") for m in mods) >= 50  # every rule is listed


def test_every_rule_module_is_known_by_its_file_name():
    from planlint.rule import all_rules, known_codes

    assert known_codes() == tuple(r.code for r in all_rules())


@pytest.fixture
def fresh_parser(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    parser_mod._lark.cache_clear()
    yield tmp_path / "cache" / "parser"
    parser_mod._lark.cache_clear()


def test_serialized_parser_is_reused(fresh_parser):
    built = parser_mod._lark()
    files = list(fresh_parser.glob("*.pickle"))
    assert len(files) == 1
    parser_mod._lark.cache_clear()
    loaded = parser_mod._lark()
    assert loaded is not built
    assert {r.origin.name for r in loaded.rules} == {r.origin.name for r in built.rules}
    assert len(list(fresh_parser.glob("*.pickle"))) == 1


def test_loaded_parsers_lint_as_built_ones(fresh_parser):
    """Both grammars' parsers, built and then loaded from the cache folder: the same findings."""
    from planlint.engine import run
    from planlint.parsing.source import Source
    from planlint.scan import figure_grammar

    def lint_all() -> list:
        parser_mod._lark.cache_clear()
        figure_grammar.parser.cache_clear()
        return [[f.as_json() for f in run(Source(p.name, p.read_text(encoding="utf-8"))).findings]
                for p in sorted(EXAMPLES.glob("*.md"))]

    try:
        built = lint_all()
        assert {p.name.split("-")[0] for p in fresh_parser.glob("*.pickle")} == {"plan", "figures"}
        assert lint_all() == built and any(built)
    finally:
        figure_grammar.parser.cache_clear()


def test_grammar_change_is_picked_up(fresh_parser, monkeypatch, tmp_path):
    parser_mod._lark()  # the real grammar, now cached
    grammar = parser_mod.grammar_path("plan.lark").read_text(encoding="utf-8")
    edited = tmp_path / "plan.lark"
    assert "\ntitle: TITLE (SUMMARY | CONT)*\n" in grammar
    renamed = grammar.replace("\ntitle: TITLE (SUMMARY | CONT)*\n", "\ntitle: TITLE (SUMMARY | CONT)* -> renamed\n")
    edited.write_text(renamed,
                      encoding="utf-8")
    monkeypatch.setattr(parser_mod, "grammar_path", lambda name: edited)
    parser_mod._lark.cache_clear()
    assert "renamed" in {r.alias for r in parser_mod._lark().rules}
    assert len(list(fresh_parser.glob("*.pickle"))) == 2


def test_damaged_cache_entry_is_rebuilt(fresh_parser):
    parser_mod._lark()
    (entry,) = fresh_parser.glob("*.pickle")
    entry.write_bytes(b"not a parser")
    parser_mod._lark.cache_clear()
    plan = parser_mod.parse("KẾ HOẠCH\nI. MỤC ĐÍCH\nNội dung.\n")
    assert plan.body and plan.body[0].marker is not None


def test_unwritable_cache_builds_anyway(monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", "/proc/planlint-cannot-write-here")
    parser_mod._lark.cache_clear()
    try:
        assert parser_mod._lark().rules
    finally:
        parser_mod._lark.cache_clear()


def _check_json(cache: str, plan: str) -> str:
    env = {"PLANLINT_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "planlint", "check", "--format", "json", plan],
                         capture_output=True, text=True, env=env)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout


def test_saved_regexes_give_the_same_findings(tmp_path):
    cache = tmp_path / "cache"
    plans = sorted(EXAMPLES.glob("*.md"))[:2]
    first = [_check_json(str(cache), str(p)) for p in plans]
    (saved,) = (cache / "regex").glob("*.marshal")
    stamp = saved.stat().st_mtime_ns
    assert [_check_json(str(cache), str(p)) for p in plans] == first
    assert saved.stat().st_mtime_ns == stamp  # nothing new to save: the file is left alone
    saved.write_bytes(b"\x00damaged")
    assert _check_json(str(cache), str(plans[0])) == first[0]


def test_regex_cache_entries_rebuild_the_same_pattern(tmp_path, monkeypatch):
    import marshal
    import re

    from planlint import regex_cache

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_loaded", {})
    monkeypatch.setattr(regex_cache, "_preloaded", False)  # as in a fresh process
    pattern = r"(?<!\w)(?P<word>hộ|người)\s+(nghèo)(?!\w)"
    regex_cache.preload()
    re.compile(pattern, re.IGNORECASE)
    regex_cache.save()
    (saved,) = (tmp_path / "regex").glob("*.marshal")
    entry = next(e for e in marshal.loads(saved.read_bytes()) if e[0] == pattern)
    import _sre

    rebuilt = _sre.compile(*entry[:1], *entry[2:])
    m = rebuilt.search("Số HỘ  nghèo")
    assert m and m.group("word") == "HỘ" and m.group(2) == "nghèo"


# -- result cache and workers -------------------------------------------------------------------


def _cli_json(argv: list[str], capsys) -> list[dict]:
    from planlint.cli import main

    code = main(["check", "--format", "json", *argv])
    assert code in (0, 1)
    return json.loads(capsys.readouterr().out)


def test_result_cache_hits_and_misses(tmp_path, monkeypatch, capsys):
    from planlint import batch

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    plan = tmp_path / "plan.md"
    plan.write_text((sorted(EXAMPLES.glob("*-loi-*"))[0]).read_text(encoding="utf-8"), encoding="utf-8")
    first = _cli_json([str(plan)], capsys)
    assert first and len(list((tmp_path / "cache" / "results").rglob("*.pickle"))) == 1

    calls = []
    real_run = batch.run
    monkeypatch.setattr(batch, "run", lambda *a, **k: calls.append(1) or real_run(*a, **k))
    assert _cli_json([str(plan)], capsys) == first and not calls  # served from the cache
    assert _cli_json(["--select", "S", str(plan)], capsys) != first and calls  # another selection
    calls.clear()
    plan.write_text(plan.read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    _cli_json([str(plan)], capsys)
    assert calls  # the text changed
    calls.clear()
    assert _cli_json(["--no-cache", str(plan)], capsys) and calls


def test_results_of_older_versions_are_removed(tmp_path, monkeypatch, capsys):
    import os

    from planlint.cache import code_fingerprint

    results = tmp_path / "cache" / "results"
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    for n, name in enumerate(["0" * 16, "1" * 16, "2" * 16, "ab"]):  # three older versions, the old layout
        (results / name / "cd").mkdir(parents=True)
        (results / name / "cd" / "ef.pickle").write_bytes(b"")
        os.utime(results / name, (1000 + n, 1000 + n))
    _cli_json([_plan()], capsys)
    assert sorted(p.name for p in results.iterdir()) == sorted(["2" * 16, code_fingerprint()[:16]])
    _cli_json([str(sorted(EXAMPLES.glob("*.md"))[1])], capsys)  # the same version again: nothing removed
    assert len(list(results.iterdir())) == 2


def test_no_cache_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    _cli_json(["--no-cache", _plan()], capsys)
    assert not (tmp_path / "cache" / "results").exists()


def test_workers_report_in_input_order(monkeypatch, capsys):
    from planlint import batch

    monkeypatch.setattr(batch, "PARALLEL_MIN_BYTES", 0)
    serial = _cli_json(["--no-cache", "-j", "1", str(EXAMPLES)], capsys)
    parallel = _cli_json(["--no-cache", "-j", "2", str(EXAMPLES)], capsys)
    assert parallel == serial
    assert len({f["path"] for f in serial}) >= 2


def test_jobs_must_be_positive(capsys):
    from planlint.cli import main

    assert main(["check", "-j", "-1", _plan()]) == 2
    assert "jobs" in capsys.readouterr().err


def test_vocabulary_edit_is_picked_up(tmp_path, monkeypatch):
    from planlint import data

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "demo.toml").write_text('words = ["một"]\n', encoding="utf-8")
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(data, "data_dir", lambda name: rules)
    data.vocabulary.cache_clear()
    try:
        assert data.vocabulary("demo") == {"words": ["một"]}
        assert len(list((tmp_path / "cache" / "vocabulary").glob("demo-*.marshal"))) == 1
        data.vocabulary.cache_clear()
        assert data.vocabulary("demo") == {"words": ["một"]}  # from the cache
        (rules / "demo.toml").write_text('words = ["hai"]\n', encoding="utf-8")
        data.vocabulary.cache_clear()
        assert data.vocabulary("demo") == {"words": ["hai"]}
        (rules / "demo.toml").write_text('words = ["ba"]\n', encoding="utf-8")
        data.vocabulary.cache_clear()
        assert data.vocabulary("demo") == {"words": ["ba"]}
        assert len(list((tmp_path / "cache" / "vocabulary").glob("demo-*.marshal"))) == 2  # the oldest went
        (rules / "dated.toml").write_text("tet = 2026-02-17\n", encoding="utf-8")  # marshal cannot hold a date
        import datetime

        for n in range(2):  # parsed and kept, then read back from the cache folder (not parsed)
            data.vocabulary.cache_clear()
            if n:
                import tomllib

                monkeypatch.setattr(tomllib, "loads", None)
            assert data.vocabulary("dated") == {"tet": datetime.date(2026, 2, 17)}
            assert len(list((tmp_path / "cache" / "vocabulary").glob("dated-*.marshal"))) == 1
    finally:
        data.vocabulary.cache_clear()


def test_code_fingerprint_reads_contents_not_times(tmp_path):
    """An edit that keeps a module's size and modification time (a checkout, ``cp -p``) still
    gives another digest: the result cache never serves findings of the old code."""
    from planlint.cache import tree_digest

    mod = tmp_path / "pkg" / "rule.py"
    mod.parent.mkdir()
    mod.write_text("LIMIT = 100\n")
    (tmp_path / "pkg" / "notes.bin").write_bytes(b"ignored")
    before = tree_digest([tmp_path / "pkg"])
    st = mod.stat()
    mod.write_text("LIMIT = 101\n")
    os.utime(mod, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert mod.stat().st_size == st.st_size and mod.stat().st_mtime_ns == st.st_mtime_ns
    after = tree_digest([tmp_path / "pkg"])
    assert after != before
    (tmp_path / "pkg" / "notes.bin").write_bytes(b"other")  # not code: no effect
    assert tree_digest([tmp_path / "pkg"]) == after
    mod.rename(tmp_path / "pkg" / "other.py")  # a renamed module is other code
    assert tree_digest([tmp_path / "pkg"]) != after


def test_code_fingerprint_kept_by_stat_follows_edits(tmp_path, monkeypatch):
    """The digest kept in the cache folder under the files' stat is served while nothing changed,
    and an edit that keeps a module's size and modification time still gives the new digest (the
    change time moved); a file changed in the last seconds keeps the digest from being saved."""
    import time

    from planlint import cache

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    kept = tmp_path / "cache" / "code" / "fingerprints.marshal"
    mod = tmp_path / "pkg" / "rule.py"
    mod.parent.mkdir()
    mod.write_text("LIMIT = 100\n")
    first = cache.kept_tree_digest([mod.parent])
    assert first == cache.tree_digest([mod.parent])
    assert not kept.exists()  # written just now: racy, not kept
    monkeypatch.setattr(cache, "RACY_NS", -10**10)  # as if ten seconds had passed
    assert cache.kept_tree_digest([mod.parent]) == first
    assert kept.exists()
    with monkeypatch.context() as m:  # unchanged: served without reading the contents
        m.setattr(cache, "tree_digest", lambda roots: "not read")
        assert cache.kept_tree_digest([mod.parent]) == first
    st = mod.stat()
    time.sleep(0.05)  # past the granularity of the file system's clock
    mod.write_text("LIMIT = 101\n")
    os.utime(mod, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert mod.stat().st_size == st.st_size and mod.stat().st_mtime_ns == st.st_mtime_ns
    after = cache.kept_tree_digest([mod.parent])
    assert after != first and after == cache.tree_digest([mod.parent])


def test_result_cache_follows_content_and_configuration(tmp_path, monkeypatch):
    """Same text under another name or an option changed: a miss; the same text and
    configuration again: a hit, whatever the file's modification time."""
    from planlint import batch
    from planlint.config import Config
    from planlint.parsing.source import Source

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    text = (sorted(EXAMPLES.glob("*-loi-*"))[0]).read_text(encoding="utf-8")
    calls = []
    real_run = batch.run
    monkeypatch.setattr(batch, "run", lambda *a, **k: calls.append(1) or real_run(*a, **k))

    def lint(source: Source, config: Config) -> list:
        calls.clear()
        found = batch.check_sources([source], config, jobs=1)[0].findings
        return [found, len(calls)]

    base = Config()
    first, ran = lint(Source("a.md", text), base)
    assert first and ran == 1
    assert lint(Source("a.md", text), Config()) == [first, 0]  # an equal configuration: served
    assert lint(Source("a.md", text + " "), base)[1] == 1  # one more character
    assert lint(Source("b.md", text), base)[1] == 1  # the findings name the file
    assert lint(Source("a.md", text), Config(lang="vi"))[1] == 1
    assert lint(Source("a.md", text), Config(options={"growth-tolerance": 2.5}))[1] == 1
    assert lint(Source("a.md", text), Config(ignore=["N"]))[1] == 1
    assert lint(Source("a.md", text), Config(kind="report"))[1] == 1
    assert lint(Source("a.md", text), base) == [first, 0]


def test_regex_cache_file_follows_the_code_and_stays_small(tmp_path, monkeypatch):
    """One file per version of planlint's code; older versions' files (and the single file of
    earlier planlints) are removed but the most recent other one; a full file is not extended."""
    import re

    from planlint import cache, regex_cache

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "regex"

    def run_as(version: str, pattern: str) -> None:
        monkeypatch.setattr(cache, "code_fingerprint", lambda: version * 16)
        monkeypatch.setattr(regex_cache, "_loaded", {})
        monkeypatch.setattr(regex_cache, "_preloaded", False)
        regex_cache.preload()
        re.compile(pattern)
        regex_cache.save()

    folder.mkdir()
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "0" * 16)
    current = regex_cache._file()
    assert current is not None
    legacy = folder / f"{current.name.rsplit('-', 1)[0]}.marshal"  # keyed on the Python build alone
    legacy.write_bytes(b"")
    run_as("a", r"phiên bản (a)")
    assert not legacy.exists()
    run_as("b", r"phiên bản (b)")
    names = sorted(p.name.rsplit("-", 1)[1] for p in folder.glob("*.marshal"))
    assert names == ["aaaaaaaaaaaaaaaa.marshal", "bbbbbbbbbbbbbbbb.marshal"]
    run_as("c", r"phiên bản (c)")
    names = sorted(p.name.rsplit("-", 1)[1] for p in folder.glob("*.marshal"))
    assert names == ["bbbbbbbbbbbbbbbb.marshal", "cccccccccccccccc.marshal"]
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 1)
    (current,) = [p for p in folder.glob("*.marshal") if p.name.endswith("c.marshal")]
    before = current.read_bytes()
    run_as("c", r"phiên bản (d)")
    assert current.read_bytes() == before  # full: left as it is


# -- fast paths give the same answers as the plain definitions ----------------------------------


def _tone_split_by_normalising(word: str) -> tuple[str, str, int]:
    """The plain definition: each letter decomposed, the first tone mark taken off."""
    import unicodedata

    marks = "\u0301\u0300\u0309\u0303\u0323"
    out, mark, index = [], "", -1
    for i, ch in enumerate(word):
        d = unicodedata.normalize("NFD", ch)
        kept = "".join(c for c in d if c not in marks)
        if len(d) > 1 and len(kept) != len(d) and not mark:
            mark, index, ch = next(c for c in d if c in marks), i, unicodedata.normalize("NFC", kept)
        out.append(ch)
    return "".join(out), mark, index


def test_tone_split_table_agrees_with_normalising():
    from hypothesis import given
    from hypothesis import strategies as st

    from planlint.facts.words import tone_split

    letters = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00), *range(0x370, 0x400))]
    for ch in letters:
        assert tone_split.__wrapped__(ch) == _tone_split_by_normalising(ch), ch
        assert tone_split.__wrapped__("ng" + ch + ch) == _tone_split_by_normalising("ng" + ch + ch), ch

    @given(st.text(alphabet=st.sampled_from(letters + list("aeiouyđ\u0301\u0323")), max_size=8))
    def same(word: str) -> None:
        assert tone_split.__wrapped__(word) == _tone_split_by_normalising(word)

    same()


def test_fast_parser_file_gives_the_same_trees(fresh_parser):
    """lalr_cache's saved parser (rows and callbacks made on demand) parses as the built one."""
    from planlint import lalr_cache
    from planlint.parsing.lines import Classifier
    from planlint.parsing.source import Source

    built = parser_mod._lark()
    (entry,) = fresh_parser.glob("plan-*.pickle")
    assert entry.read_bytes().startswith(lalr_cache.MAGIC)
    loaded = lalr_cache.load(entry.read_bytes())
    assert [str(r) for r in loaded.rules] == [str(r) for r in built.rules]
    for path in sorted(EXAMPLES.glob("*.md")):
        lines = list(Classifier(Source(path.name, path.read_text(encoding="utf-8"))).lines())
        assert loaded.parse(lines) == built.parse(lines)
    states = built.parser.parser._parse_table.states
    table = loaded.parser.parser._parse_table.states
    assert all(table[s] == states[s] for s in states)  # every row, decoded


def test_lark_format_parser_file_is_still_read(fresh_parser, monkeypatch):
    from planlint import lalr_cache

    monkeypatch.setattr(lalr_cache, "dump", lambda parser: None)  # a Lark lalr_cache cannot keep
    built = parser_mod._lark()
    (entry,) = fresh_parser.glob("plan-*.pickle")
    assert not entry.read_bytes().startswith(lalr_cache.MAGIC)
    parser_mod._lark.cache_clear()
    loaded = parser_mod._lark()
    assert loaded is not built and [str(r) for r in loaded.rules] == [str(r) for r in built.rules]


def test_old_parser_files_are_pruned(fresh_parser):
    fresh_parser.mkdir(parents=True)
    for n in range(3):
        (fresh_parser / f"plan-{n:032d}.pickle").write_bytes(b"")
    (fresh_parser / f"figures-{0:032d}.pickle").write_bytes(b"")
    (fresh_parser / f"plan-extra-{0:032d}.pickle").write_bytes(b"")  # another grammar's name
    parser_mod._lark()
    names = sorted(p.name.split("-")[0] for p in fresh_parser.iterdir())
    # this grammar's, one older plan parser, the other grammars'
    assert names == ["figures", "plan", "plan", "plan"]
