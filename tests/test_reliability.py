"""Issue #11: no traceback and no silent wrong answer on hostile input, configuration or directives."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from planlint.config import Config, ConfigError, load_config
from planlint.engine import lint
from planlint.scan.numbers import format_vn, round_half_up

PLAN = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2026\n\nI. A\n\nII. B\n\nII. C\n"
BIG = "1" * 40


# -- long numbers -------------------------------------------------------------------------------

def test_format_vn_keeps_every_digit_of_a_long_number():
    assert format_vn(Decimal(BIG), 2) == ".".join(["1"] + ["111"] * 13) + ",00"
    assert round_half_up(Decimal("9" * 35 + ".5")) == Decimal("1" + "0" * 35)
    # an estimate that overflowed (fuzz: N110 on huge growth rates) is shown, not a traceback
    assert format_vn(Decimal("NaN"), 2) == "?" and format_vn(Decimal("Infinity")) == "∞"


@pytest.mark.parametrize("statement", [
    f"Đầu năm có {BIG} hộ nghèo, thoát nghèo {BIG} hộ, phát sinh 5 hộ, cuối năm còn {BIG} hộ.",
    f"Tổng vốn {BIG} triệu đồng, trong đó: ngân sách tỉnh {BIG} triệu đồng, ngân sách xã 12 triệu đồng.",
    f"Cơ cấu: nông nghiệp chiếm {BIG}%, dịch vụ chiếm 12,5%.",
])
def test_29_digit_figures_are_no_traceback(statement):
    lint(PLAN.replace("I. A", "I. A\n" + statement), Config())


# -- configuration ------------------------------------------------------------------------------

def _load(tmp_path: Path, content: bytes | str) -> Config:
    p = tmp_path / "pyproject.toml"
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_config(start=tmp_path)


@pytest.mark.parametrize("content, words", [
    ('[tool.planlint]\nshow-info = "false"\n', ["show-info", "true or false", '"false"']),
    ('[tool.planlint.options]\nstrict-signing = "no"\n', ["strict-signing", "true or false", "R110"]),
    ('[tool.planlint.options]\ngrowth-tolerance = true\n', ["growth-tolerance", "a number"]),
    ('[tool.planlint.options]\nno-such-option = 1\n', ["no-such-option", "unknown rule option"]),
    ('[tool.planlint]\nselect = ["S1O3"]\n', ["select", "S1O3"]),
    ('[tool.planlint]\nselect = 3\n', ["select", "list of rule codes"]),
    ('[tool.planlint]\nfail-on = "fatal"\n', ["fail-on", '"error"']),
    ('[tool.planlint]\ntime-budget = -1\n', ["time-budget", "seconds"]),
    ('[tool.planlint]\ncolour = true\n', ["colour", "unknown setting"]),
    ("[tool]\nplanlint = 3\n", ["[tool.planlint] must be a table", "integer"]),
    ("[tool]\nplanlint = [1, 2]\n", ["[tool.planlint] must be a table", "list"]),
    ('[tool.planlint]\nselect = ["S"\n', ["not valid TOML"]),
    ('[tool.planlint]\nlang = "vi"\nlang = "en"\n', ["not valid TOML"]),
    (b'\xef\xbb\xbf[tool.planlint]\nlang = "vi"\n', ["byte order mark"]),
    (b'[tool.planlint]\n# \xff planlint\n', ["not UTF-8"]),
])
def test_bad_configuration_is_one_line_naming_file_key_and_expectation(tmp_path, content, words):
    with pytest.raises(ConfigError) as exc:
        _load(tmp_path, content)
    msg = str(exc.value)
    assert "\n" not in msg and str(tmp_path / "pyproject.toml") in msg
    for w in words:
        assert w in msg, msg


@pytest.mark.parametrize("content", ["tool = 3\n", b"[project]\nname = '\xff'\n", "[project\n"])
def test_a_broken_pyproject_not_about_planlint_is_skipped(tmp_path, content):
    assert _load(tmp_path, content).path is None


def test_good_configuration_is_read(tmp_path):
    cfg = _load(tmp_path, '[tool.planlint]\nshow-info = true\ntime-budget = 5\n'
                          '[tool.planlint.options]\nstrict_signing = true\ngrowth-tolerance = 2\n')
    assert cfg.show_info is True and cfg.time_budget == 5.0
    assert cfg.options == {"strict-signing": True, "growth-tolerance": 2.0}
    assert _load(tmp_path, '[tool.planlint]\ntime-budget = 0\n').time_budget == 0  # no limit, as --time-budget 0


def test_explicit_config_that_is_binary(tmp_path):
    p = tmp_path / "x.toml"
    p.write_bytes(b"\x00\x01\x02\xff")
    with pytest.raises(ConfigError):
        load_config(p)


# -- directives ---------------------------------------------------------------------------------

def codes(text: str, **kw) -> list[str]:
    return [f.code for f in lint(text, Config(**kw))]


def test_codes_separated_by_blanks_and_a_reason_after_them():
    assert "S103" not in codes("<!-- planlint: disable=S103 N101 -->\n" + PLAN)
    assert codes("<!-- planlint: disable=S103 vì số mục do tỉnh quy định -->\n" + PLAN) == []
    assert codes("<!-- planlint: disable=S103 -- the province numbers them -->\n" + PLAN) == []


@pytest.mark.parametrize("directive", ["disable=X999", "disable=S1O3", "disable=", "disabel=S103", "disable=S103,Q1"])
def test_bad_directive_is_reported_and_disables_nothing(directive):
    found = codes(f"<!-- planlint: {directive} -->\n" + PLAN)
    assert "X101" in found and "S103" in found


def test_disable_next_line_after_a_comment_spanning_lines_or_with_text_after_it():
    spanning = PLAN.replace("II. C", "<!-- planlint:\n  disable-next-line=S103\n-->\nII. C")
    assert codes(spanning) == []
    trailing = PLAN.replace("II. C", "<!-- planlint: disable-next-line=S103 --> tỉnh quy định\nII. C")
    assert "S103" not in codes(trailing)


def test_unused_suppression_is_reported():
    assert codes(PLAN.replace("I. A", "<!-- planlint: disable-next-line=S103 -->\nI. A")) == ["X102", "S103"]
    assert codes("<!-- planlint: disable-file=T107 -->\n" + PLAN) == ["X102", "S103"]
    # a code that did not run is not judged
    assert codes("<!-- planlint: disable-file=T107 -->\n" + PLAN, ignore=["T"]) == ["S103"]


def test_unused_suppression_fix_says_what_to_remove():
    def fix(text: str) -> str | None:
        (f,) = [f for f in lint(text, Config()) if f.code == "X102"]
        return f.fix

    assert fix("<!-- planlint: disable-file -->\n" + PLAN.replace("II. C", "III. C")) == "remove the comment"
    assert fix("<!-- planlint: disable-file=T107 -->\n" + PLAN) == "remove the comment"
    assert fix("<!-- planlint: disable-file=T107,S103 -->\n" + PLAN) == "remove T107 from the comment"


def test_ranges_still_work():
    assert codes("<!-- planlint: disable=S -->\n" + PLAN) == []
    text = "<!-- planlint: disable=S -->\n" + PLAN.replace("II. C", "<!-- planlint: enable=S103 -->\nII. C")
    assert "S103" in codes(text)


# -- API types ----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, word", [
    ((None,), "str, not NoneType"),
    ((b"abc",), "decode bytes first"),
    (("abc", {"select": ["S"]}), "Config or None, not dict"),
    (("abc", None, 3), "path as str"),
])
def test_api_type_errors_name_the_expected_type(args, word):
    with pytest.raises(TypeError, match=word):
        lint(*args)


# -- time budget --------------------------------------------------------------------------------

def test_a_file_over_its_budget_gets_one_finding_and_keeps_the_rest():
    found = lint(PLAN, Config(time_budget=1e-9))
    assert [f.code for f in found].count("X103") == 1
    assert "not fully checked" in next(f.message for f in found if f.code == "X103")
    assert lint(PLAN, Config()) == [f for f in lint(PLAN, Config()) if f.code != "X103"]


# -- input encodings ----------------------------------------------------------------------------

def test_utf16_with_bom_is_read_and_without_bom_is_named():
    from planlint.parsing.source import InputError, decode

    assert decode("KẾ HOẠCH\n".encode("utf-16")) == "KẾ HOẠCH\n"
    assert decode(b"\xfe\xff" + "KẾ HOẠCH".encode("utf-16-be")) == "KẾ HOẠCH"
    with pytest.raises(InputError, match="UTF-16 text without a byte order mark"):
        decode("KẾ HOẠCH năm 2026 của xã\n".encode("utf-16-le"))


def test_a_nul_anywhere_is_binary():
    from planlint.parsing.source import InputError, decode

    with pytest.raises(InputError, match="binary"):
        decode(b"a" * 20000 + b"\x00")


def test_cr_only_and_crlf_positions():
    from planlint.parsing.source import Source

    cr = Source("x", PLAN.replace("\n", "\r"))
    (f,) = lint(cr.raw, Config())
    assert (f.line, f.column) == (10, 1)
    assert cr.original_line(10) == "II. C"
    crlf = Source("x", "ab\r\ncd\r\n")
    assert crlf.position(2) == (1, 3)  # the line end: one column past "ab", not two
    assert crlf.original_line(1) == "ab"


# -- the command line ---------------------------------------------------------------------------

def cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdout=None):
    import os
    import subprocess
    import sys

    e = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    e.update({"LANG": "C.UTF-8", "NO_COLOR": "1"})
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "planlint", *args], cwd=cwd, env=e, timeout=60,
                          stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(PLAN, encoding="utf-8")
    return tmp_path


def test_path_with_a_newline_is_one_stderr_line(plans):
    p = cli("check", str(plans / "no\nsuch.txt"))
    assert p.returncode == 2 and len(p.stderr.decode().strip().splitlines()) == 1
    assert "no\\nsuch.txt" in p.stderr.decode()


def test_a_file_given_twice_or_with_its_folder_is_linted_once(plans):
    p = cli("check", "--format", "json", str(plans / "bad.txt"), str(plans / "bad.txt"), str(plans))
    import json

    assert p.returncode == 1 and len(json.loads(p.stdout)) == 1


def test_an_unreadable_file_is_reported_and_the_others_still_linted(plans):
    import json

    (plans / "utf16.md").write_bytes("KẾ HOẠCH năm 2026 của xã An Phú\n".encode("utf-16-le"))
    p = cli("check", "--format", "json", str(plans))
    assert p.returncode == 2
    assert [f["code"] for f in json.loads(p.stdout)] == ["S103"]
    assert "utf16.md" in p.stderr.decode() and "Traceback" not in p.stderr.decode()


def test_json_on_exit_2_is_an_empty_array(plans):
    (plans / "pyproject.toml").write_text('[tool.planlint]\nshow-info = "false"\n', encoding="utf-8")
    p = cli("check", "--format", "json", "bad.txt", cwd=plans)
    assert p.returncode == 2 and p.stdout.decode().strip() == "[]"
    err = p.stderr.decode().strip()
    assert "\n" not in err and "show-info" in err and "pyproject.toml" in err


def test_broken_pipe_after_findings_is_not_clean(plans):
    import subprocess
    import sys

    big = PLAN + "".join(f"<!-- planlint: disable=X{900 + i} -->\n" for i in range(20)) * 200
    (plans / "big.txt").write_text(big, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "planlint", "check", str(plans / "big.txt")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={"NO_COLOR": "1", "LANG": "C.UTF-8",
                                                                                "PATH": ""})
    assert proc.stdout is not None
    proc.stdout.read(10)
    proc.stdout.close()
    proc.wait(timeout=60)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr.read()


def test_control_characters_are_not_echoed_and_empty_no_color_keeps_colour(plans):
    (plans / "esc.txt").write_text(PLAN.replace("II. C", "II. C\x1b[2J"), encoding="utf-8")
    p = cli("check", str(plans / "esc.txt"))
    assert b"\x1b" not in p.stdout and "\ufffd".encode() in p.stdout
    p = cli("check", str(plans / "bad.txt"), env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert b"\x1b[" in p.stdout


def test_a_console_that_cannot_encode_vietnamese(plans):
    p = cli("check", str(plans / "bad.txt"), env={"PYTHONIOENCODING": "cp1252"})
    assert p.returncode == 1 and b"Traceback" not in p.stderr
    p = cli("check", "--format", "json", str(plans / "bad.txt"), env={"PYTHONIOENCODING": "cp1252"})
    import json

    assert json.loads(p.stdout.decode("cp1252"))[0]["code"] == "S103"


def test_a_file_name_that_is_not_utf8(plans):
    import json
    import os

    name = os.fsencode(str(plans)) + b"/k\xe9-hoach.txt"
    with open(name, "wb") as fh:
        fh.write(PLAN.encode("utf-8"))
    p = cli("check", "--format", "json", str(plans), env={"LANG": "C.UTF-8"})
    assert p.returncode == 1 and b"Traceback" not in p.stderr
    paths = {f["path"] for f in json.loads(p.stdout)}
    assert any(path.endswith("k\\xe9-hoach.txt") for path in paths)


def test_precommit_entry_ends_options_and_a_dash_file_is_a_file(plans):
    from conftest import ROOT

    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: planlint check --\n" in hook
    (plans / "-notes.md").write_text(PLAN, encoding="utf-8")
    p = cli("check", "--", "-notes.md", cwd=plans)
    assert p.returncode == 1 and b"S103" in p.stdout


def test_time_budget_on_the_command_line_and_a_cut_run_is_not_cached(plans, tmp_path):
    import json

    env = {"PLANLINT_CACHE_DIR": str(tmp_path / "cache")}
    p = cli("check", "--format", "json", "--time-budget", "0.000001", str(plans / "bad.txt"), env=env)
    assert [f["code"] for f in json.loads(p.stdout)].count("X103") == 1 and p.returncode == 1
    p = cli("check", "--format", "json", str(plans / "bad.txt"), env=env)
    assert [f["code"] for f in json.loads(p.stdout)] == ["S103"]
    assert cli("check", "--time-budget", "-1", str(plans / "bad.txt")).returncode == 2


def test_unused_suppression_of_every_code_is_said_in_the_chosen_language():
    text = "<!-- planlint: disable-file -->\n" + PLAN.replace("II. C", "III. C")
    for lang, said in (("en", "every code reported nothing"), ("vi", "mọi mã không báo lỗi nào")):
        (f,) = [f for f in lint(text, Config(lang=lang)) if f.code == "X102"]
        assert said in f.message
