"""The command line as users and hooks run it: output shapes and exact exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

BAD = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2026\n\nI. A\n\nII. B\n\nII. C\n"
GOOD = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2026\n\nI. A\n\nII. B\n\nIII. C\n"
KEYS = ["path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message"]


def run(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None):
    e = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    e.update({"NO_COLOR": "1", "LANG": "C.UTF-8"})
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "planlint", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, env=e, timeout=60)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_json_is_only_an_array_with_the_contract_keys(files):
    p = run("check", "--format", "json", str(files / "bad.txt"))
    assert p.returncode == 1
    data = json.loads(p.stdout)
    assert isinstance(data, list) and data
    assert all(list(f) == KEYS for f in data)
    f = next(f for f in data if f["code"] == "S103")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (10, 1, 10, 4)
    assert f["rule"] == "repeated-number" and f["severity"] == "error"


def test_clean_file_exit_0_and_quiet_in_a_pipe(files):
    p = run("check", str(files / "good.md"))
    assert p.returncode == 0
    assert p.stdout == "" and p.stderr == ""
    assert run("check", "--format", "json", str(files / "good.md")).stdout.strip() == "[]"


def test_text_format(files):
    p = run("check", str(files / "bad.txt"))
    assert p.returncode == 1
    first = p.stdout.splitlines()[0]
    assert first == f"{files / 'bad.txt'}:10:1: S103 [error] II. appears twice; expected III."
    assert "   10 | II. C" in p.stdout and "^^^" in p.stdout
    assert "fix: renumber it III." in p.stdout
    assert "Found 1 finding (1 error, 0 warning, 0 info) in 1 file." in p.stdout
    assert "\x1b[" not in p.stdout


def test_vietnamese_messages(files):
    p = run("check", "--lang", "vi", str(files / "bad.txt"))
    assert "II. bị lặp lại; lẽ ra là III." in p.stdout
    p = run("check", str(files / "bad.txt"), env={"LANG": "vi_VN.UTF-8"})
    assert "bị lặp lại" in p.stdout


def test_stdin(files):
    p = run("check", "--format", "json", "-", stdin=BAD)
    assert p.returncode == 1
    assert json.loads(p.stdout)[0]["path"] == "<stdin>"
    p = run("check", "--stdin-filename", "draft.md", "-", stdin=BAD)
    assert p.stdout.startswith("draft.md:10:1: S103")


def test_directory_walk(files):
    (files / "notes.csv").write_text("x", encoding="utf-8")
    p = run("check", "--format", "json", str(files))
    assert p.returncode == 1
    assert {Path(f["path"]).name for f in json.loads(p.stdout)} == {"bad.txt"}


@pytest.mark.parametrize("args,needle", [
    (["check", "missing.txt"], "no such file"),
    (["check", "--bogus", "x"], "unrecognized arguments"),
    (["check", "--select", "Q9", "x"], "unknown rule code"),
    (["explain", "Z999"], "unknown rule"),
    (["check", "--fail-on", "fatal", "x"], "invalid choice"),
    (["facts", "."], "is a folder"),
    (["tree", "."], "is a folder"),
])
def test_usage_errors_exit_2_with_one_line(files, args, needle):
    p = run(*args, cwd=files)
    assert p.returncode == 2
    assert needle in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    assert "Traceback" not in p.stderr


def test_facts_kind_line_follows_the_kind_option(files):
    detected = run("facts", "bad.txt", cwd=files).stdout
    assert "document kind  plan," in detected
    p = run("facts", "--kind", "report", "bad.txt", cwd=files)
    line = next(x for x in p.stdout.splitlines() if "document kind" in x)
    assert "document kind  report (--kind" in line


def test_input_errors_exit_2(files, tmp_path):
    (files / "scan.txt").write_bytes(b"\x89PNG\x00\x00\x00")
    p = run("check", str(files / "scan.txt"))
    assert p.returncode == 2 and "binary" in p.stderr and "Traceback" not in p.stderr
    (files / "old.txt").write_bytes(b"K\xea ho\xe0ch")
    p = run("check", str(files / "old.txt"))
    assert p.returncode == 2 and "UTF-8" in p.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    p = run("check", str(empty))
    assert p.returncode == 2 and "no *.txt, *.md" in p.stderr


def test_select_ignore_fail_on(files):
    assert run("check", "--ignore", "S103", str(files / "bad.txt")).returncode == 0
    assert run("check", "--select", "N", str(files / "bad.txt")).returncode == 0
    assert run("check", "--select", "S1", str(files / "bad.txt")).returncode == 1
    warn = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nX\n\n## I. A\n\n### 1. a\n\n## 2. b\n"
    (files / "warn.txt").write_text(warn, encoding="utf-8")
    assert run("check", str(files / "warn.txt")).returncode == 1
    assert run("check", "--fail-on", "error", str(files / "warn.txt")).returncode == 0


def test_not_a_plan_is_one_info_and_exit_0(tmp_path):
    (tmp_path / "README.md").write_text("# Hello\n\n1. install\n2. run\n2. run\n", encoding="utf-8")
    p = run("check", "--format", "json", str(tmp_path / "README.md"))
    assert p.returncode == 0
    (f,) = json.loads(p.stdout)
    assert f["code"] == "S110" and f["severity"] == "info"
    assert run("check", "--fail-on", "info", str(tmp_path / "README.md")).returncode == 1


def test_rules_explain_tree():
    p = run("rules")
    assert p.returncode == 0
    assert "S102  skipped-number" in p.stdout
    data = json.loads(run("rules", "--format", "json").stdout)
    assert {"code", "name", "severity", "summary"} <= set(data[0])
    p = run("explain", "S102")
    assert p.returncode == 0 and "Bad::" in p.stdout and "Good::" in p.stdout
    assert run("explain", "skipped-number").stdout == p.stdout
    p = run("tree", str(EXAMPLES / "ke-hoach-xa-an-phu-2026.md"))
    assert p.returncode == 0
    assert "title KẾ HOẠCH (KH)" in p.stdout and "II.    roman" in p.stdout


def test_pyproject_config(files):
    (files / "pyproject.toml").write_text('[tool.planlint]\nignore = ["S103"]\nlang = "vi"\n', encoding="utf-8")
    assert run("check", "bad.txt", cwd=files).returncode == 0
    (files / "pyproject.toml").write_text('[tool.planlint]\nfail-on = "fatal"\n', encoding="utf-8")
    p = run("check", "bad.txt", cwd=files)
    assert p.returncode == 2 and "fail-on" in p.stderr


def test_disable_comments(files):
    text = BAD.replace("II. C", "<!-- planlint: disable-next-line=S103 -->\nII. C")
    (files / "d.md").write_text(text, encoding="utf-8")
    assert run("check", str(files / "d.md")).returncode == 0
    text = "<!-- planlint: disable=S -->\n" + BAD
    (files / "d.md").write_text(text, encoding="utf-8")
    assert run("check", str(files / "d.md")).returncode == 0
    text = "<!-- planlint: disable=S -->\n" + BAD.replace("II. C", "<!-- planlint: enable=S103 -->\nII. C")
    (files / "d.md").write_text(text, encoding="utf-8")
    assert run("check", str(files / "d.md")).returncode == 1


def test_a_legacy_encoded_file_says_why_it_is_not_recognised(tmp_path):
    tcvn = "Sè: 12/KH-UBND\n\nKÕ HO¹CH\n\nPh¸t ®éng phong trµo thi ®ua n¨m 2026\n\nCéng hoµ x· héi chñ nghÜa.\n"
    (tmp_path / "old.txt").write_text(tcvn, encoding="utf-8")
    data = json.loads(run("check", "--format", "json", str(tmp_path / "old.txt")).stdout)
    assert [f["code"] for f in data] == ["S110", "T104"]


def test_readme_options_table_lists_every_check_option_and_help_names_every_format():
    import argparse

    from planlint.cli import build_parser

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("Options of `check`"):readme.index("Exit codes:")]
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    check = sub.choices["check"]
    longs = [s for a in check._actions for s in a.option_strings if s.startswith("--") and s != "--help"]
    assert [s for s in longs if f"`{s}" not in table] == []
    for text in (run("--help").stdout, run("check", "--help").stdout):
        assert "*.docx" in text and "*.pdf" in text
