"""Formats CI reads: SARIF 2.1.0 against the official schema, GitHub annotations, concise,
--statistics, -o; the JSON contract unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planlint.cli import main

DATA = Path(__file__).parent / "data"
PLAN = ("Số: 21 /KH-UBND\n\nAn Bình, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\nThi đua năm 2026\n\n"
        "I. MỤC ĐÍCH\n\nBổ xung nguồn lực, tỷ lệ 30%, 50% và 30%.\n\nII. B\n\nII. C\n")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    p = tmp_path / "kế hoạch 1.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


def _out(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_sarif_validates_against_the_official_schema(plan, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    code, out = _out(capsys, "check", "--format", "sarif", str(plan))
    log = json.loads(out)
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    assert code == 1 and log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    s103 = rules["S103"]
    assert s103["name"] == "repeated-number" and s103["defaultConfiguration"]["level"] == "error"
    assert s103["shortDescription"]["text"] and "Bad::" in s103["help"]["text"]
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"S103", "T101", "R102"}
    t101 = next(r for r in results if r["ruleId"] == "T101")
    region = t101["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (10, 1)
    assert t101["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Bổ sung"
    assert driver["rules"][t101["ruleIndex"]]["id"] == "T101"
    # an empty run is valid too
    code, out = _out(capsys, "check", "--format", "sarif", "--select", "D101", str(plan))
    jsonschema.validate(json.loads(out), schema, cls=jsonschema.Draft7Validator)


def test_github_annotations(plan, capsys):
    code, out = _out(capsys, "check", "--format", "github", str(plan))
    lines = out.splitlines()
    assert code == 1
    s103 = next(ln for ln in lines if "title=S103" in ln)
    assert s103.startswith(f"::error file={plan},line=14,col=1,endLine=14,endColumn=4,title=S103 repeated-number::")
    assert all(ln.startswith(("::error ", "::warning ", "::notice ")) for ln in lines)
    r102 = next(ln for ln in lines if "title=R102" in ln)
    assert r102.startswith("::warning ")


def test_github_escapes_properties():
    import io

    from planlint.finding import Finding
    from planlint.report.formats import github_report

    buf = io.StringIO()
    github_report([Finding("a,b:c.txt", 1, 2, 1, 3, "T101", "misspelling", "info", "50% done\nnext")], buf)
    assert buf.getvalue() == ("::notice file=a%2Cb%3Ac.txt,line=1,col=2,endLine=1,endColumn=3,"
                              "title=T101 misspelling::T101 50%25 done%0Anext\n")


def test_concise_is_one_line_a_finding(plan, capsys):
    code, out = _out(capsys, "check", "--format", "concise", str(plan))
    lines = out.splitlines()
    assert code == 1 and lines
    assert f"{plan}:14:1: S103 [error] II. appears twice; expected III." in lines
    assert not any(ln.startswith(" ") for ln in lines) and "Found" not in out


def test_statistics_count_by_rule(tmp_path, plan, capsys):
    other = tmp_path / "b.txt"
    other.write_text(PLAN, encoding="utf-8")
    code, out = _out(capsys, "check", "--statistics", str(plan), str(other))
    rows = [ln.split("\t") for ln in out.splitlines()]
    by_code = {r[1]: r for r in rows}
    assert code == 1
    assert by_code["S103"][0] == "2" and by_code["S103"][2].strip() == "[*] repeated-number"
    assert by_code["R102"][2].startswith("[*]")
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)


def test_statistics_as_json_and_refused_for_sarif(plan, capsys):
    code, out = _out(capsys, "check", "--statistics", "--format", "json", str(plan))
    rows = json.loads(out)
    assert code == 1 and isinstance(rows, list)
    by_code = {r["code"]: r for r in rows}
    assert by_code["S103"] == {"code": "S103", "rule": "repeated-number", "count": 1, "fixable": True}
    assert [r["count"] for r in rows] == sorted((r["count"] for r in rows), reverse=True)
    for fmt in ("sarif", "github", "html"):
        code = main(["check", "--statistics", "--format", fmt, str(plan)])
        captured = capsys.readouterr()
        assert code == 2 and captured.out == "" and captured.err.count("\n") == 1 and "--statistics" in captured.err


def test_output_file(tmp_path, plan, capsys):
    target = tmp_path / "out.json"
    code = main(["check", "--format", "json", "-o", str(target), str(plan)])
    assert code == 1 and capsys.readouterr().out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [list(f) for f in data][0] == ["path", "line", "column", "end_line", "end_column", "code", "rule",
                                         "severity", "message"]


@pytest.mark.parametrize("where", ["missing", "folder"])
def test_output_file_that_cannot_be_written_is_a_usage_error(tmp_path, plan, capsys, where):
    target = tmp_path / "nonexistent" / "r.html" if where == "missing" else tmp_path
    code = main(["check", "--format", "html", "-o", str(target), str(plan)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and str(target) in err and "Traceback" not in err
