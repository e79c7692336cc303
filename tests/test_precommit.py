"""The real pre-commit: a plan repository installs the hook with the README's snippet, a commit of
a broken plan fails with the finding in the output, the commit passes once the plan is fixed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BROKEN = ("Số: 12/KH-UBND\n\nAn Bình, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\nThi đua năm 2026\n\n"
          "I. MỤC ĐÍCH\n\nBổ xung nguồn lực.\n\nII. YÊU CẦU\n\nII. TỔ CHỨC THỰC HIỆN\n")


def snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- pre-commit-snippet -->\n```yaml\n(.*?)```", readme, re.S)
    assert m, "README: the pre-commit snippet is marked <!-- pre-commit-snippet -->"
    return m.group(1)


def test_hook_patterns_cover_word_and_pdf_and_the_shipped_hook_can_read_pdf():
    for text in (snippet(), (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")):
        (pattern,) = re.findall(r"files: (\S+)", text)
        assert all(re.search(pattern, f"plan.{ext}") for ext in ("md", "txt", "docx", "pdf")), pattern
    assert "pdfplumber" in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "from PyPI)" not in readme and "from the repository at `rev`" in readme


def test_precommit_hook_fails_on_a_broken_plan_and_passes_after_the_fix(tmp_path):
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "plans"
    repo.mkdir()
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
           "PRE_COMMIT_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "NO_COLOR": "1", "GIT_CONFIG_NOSYSTEM": "1"}
    env.pop("FORCE_COLOR", None)

    def sh(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=120)

    assert sh("git", "init", "-q").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(snippet(), encoding="utf-8")
    plan = repo / "ke-hoach.md"
    plan.write_text(BROKEN, encoding="utf-8")
    p = sh(sys.executable, "-m", "pre_commit", "install")
    assert p.returncode == 0, p.stdout + p.stderr
    sh("git", "add", ".")
    p = sh("git", "commit", "-q", "-m", "draft")
    out = p.stdout + p.stderr
    assert p.returncode != 0, out
    assert "planlint" in out and "Failed" in out
    assert "S103" in out and "ke-hoach.md:14:1" in out
    assert "T101" in out  # the misspelling, which --fix repairs
    # the drafter repairs: safe fixes for the slip, unsafe ones for the renumbering
    p = sh(bindir + "/planlint", "check", "--fix", "--unsafe-fixes", "ke-hoach.md")
    assert "Bổ sung" in plan.read_text(encoding="utf-8") and "III. TỔ CHỨC" in plan.read_text(encoding="utf-8")
    sh("git", "add", ".")
    p = sh("git", "commit", "-q", "-m", "fixed")
    assert p.returncode == 0, p.stdout + p.stderr
    assert sh("git", "log", "--oneline").stdout.count("\n") == 1


def test_hook_script_snippet_lints_only_what_is_staged(tmp_path):
    if shutil.which("git") is None or shutil.which("xargs") is None:
        pytest.skip("git or xargs is not installed")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- hook-script-snippet -->\n```sh\n(.*?)\n```", readme, re.S)
    assert m, "README: the hook-script one-liner is marked <!-- hook-script-snippet -->"
    repo = tmp_path / "plans"
    repo.mkdir()
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "HOME": str(tmp_path),
           "NO_COLOR": "1", "GIT_CONFIG_NOSYSTEM": "1"}

    def sh(script: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["sh", "-c", script], cwd=repo, env=env, capture_output=True, text=True, timeout=120)

    assert sh("git init -q").returncode == 0
    (repo / "cũ.md").write_text(BROKEN, encoding="utf-8")  # broken but not staged: never linted
    p = sh(m.group(1))
    assert (p.returncode, p.stdout, p.stderr) == (0, "", "")
    (repo / "kế hoạch mới.md").write_text(BROKEN, encoding="utf-8")  # a name with a blank
    sh("git add 'kế hoạch mới.md'")
    p = sh(m.group(1))
    assert p.returncode == 123 and "S103" in p.stdout and "cũ.md" not in p.stdout  # xargs: 123 when planlint fails
