"""The HTML report in a real browser: headless Chromium loads the page, the highlighted findings
are visible, the filters hide and show them, the page needs nothing from the network."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from planlint.cli import main

PLAN = ("Số: 21 /KH-UBND\n\nAn Bình, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\nPhát động thi đua năm 2026\n\n"
        "I. MỤC ĐÍCH\n\nBổ xung nguồn lực cho các nghành.\n\n"
        "II. CHỈ TIÊU\n\nCơ cấu kinh tế: nông nghiệp 30%, công nghiệp 45%, dịch vụ 30%.\n\n"
        "| Đơn vị | Số hộ |\n|---|---|\n| Thôn 1 | 120 |\n| Thôn 2 | 130 |\n| Tổng cộng | 260 |\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\nGiao các đơn vị thực hiện.\n")


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    browser = _browser()
    if browser is None:
        pytest.skip("no headless Chromium on this machine (Debian: apt-get install chromium; .ci/run tries)")
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-background-networking", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, list[dict]]:
    import io
    import json
    from contextlib import redirect_stdout

    d = tmp_path_factory.mktemp("html")
    plan = d / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    out = d / "report.html"
    assert main(["check", "--format", "html", "-o", str(out), str(plan)]) == 1
    buf = io.StringIO()
    with redirect_stdout(buf):
        main(["check", "--format", "json", str(plan)])
    return out, json.loads(buf.getvalue())


def test_page_is_self_contained(report):
    page = report[0].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_page_has_every_finding_and_the_facts(report):
    page, findings = report[0].read_text(encoding="utf-8"), report[1]
    assert page.count('class="note ') == len(findings)
    for f in findings:
        assert f["code"] in page
    assert 'class="bar"' in page and "105%" in page  # the share group 30 + 45 + 30 drawn with its excess
    # the table, its wrong total marked (N131: 120 + 130 = 250, not 260) and nothing else
    assert re.findall(r'<td class="bad"[^>]*>([^<]*)</td>', page) == ["260"]


def test_vietnamese_labels(tmp_path):
    p = tmp_path / "p.md"
    p.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "r.html"
    main(["check", "--format", "html", "--lang", "vi", "-o", str(out), str(p)])
    page = out.read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "phát hiện" in page and "Mức độ" in page


HARNESS = """<script>
(function(){
  function count(){return +document.body.dataset.visible}
  function box(v){return document.querySelector('.filters input[value="'+v+'"]')}
  var r={all: count(), marks: document.querySelectorAll('mark.on').length};
  box('T').click(); r.noT = count();
  box('T').click(); r.back = count();
  ['error','warning','info'].forEach(function(v){box(v).click()});
  r.none = count(); r.marksNone = document.querySelectorAll('mark.on').length;
  document.body.setAttribute('data-test', JSON.stringify(r));
})();
</script></body>"""


def test_filters_hide_and_show_findings(report, tmp_path):
    """Clicking the filter boxes in the browser hides and shows the findings (counted by what
    the browser lays out) and their highlights."""
    import html
    import json

    page, findings = report
    harness = tmp_path / "harness.html"
    harness.write_text(page.read_text(encoding="utf-8").replace("</body>", HARNESS), encoding="utf-8")
    p = _chromium("--dump-dom", harness.as_uri())
    assert p.returncode == 0, p.stderr[-2000:]
    m = re.search(r'data-test="([^"]*)"', p.stdout)
    assert m, p.stdout[-1000:]
    r = json.loads(html.unescape(m.group(1)))
    not_t = [f for f in findings if not f["code"].startswith("T")]
    assert 0 < len(not_t) < len(findings)
    assert r["all"] == len(findings) and r["marks"] > 0
    assert r["noT"] == len(not_t) and r["back"] == len(findings)
    assert r["none"] == 0 and r["marksNone"] == 0


def _count_colour(png: Path, rgb: tuple[int, int, int]) -> int:
    from PIL import Image

    with Image.open(png) as im:
        colours = im.convert("RGB").getcolors(1 << 24) or []
    return sum(n for n, c in colours if c == rgb)


def test_screenshot_shows_the_highlights(report, tmp_path):
    page = report[0]
    shot = tmp_path / "shot.png"
    p = _chromium("--window-size=800,1000", f"--screenshot={shot}", page.as_uri())
    assert p.returncode == 0 and shot.is_file(), p.stderr[-2000:]
    # the error highlight (#ffd7d5) and the warning one (#ffedb3) are painted; the address can
    # carry the filters (#hide=…), as a reviewer's shared link does
    assert _count_colour(shot, (0xFF, 0xD7, 0xD5)) > 50
    assert _count_colour(shot, (0xFF, 0xED, 0xB3)) > 50
    hidden = tmp_path / "hidden.png"
    _chromium("--window-size=800,1000", f"--screenshot={hidden}", page.as_uri() + "#hide=error,warning,info")
    assert _count_colour(hidden, (0xFF, 0xED, 0xB3)) == 0  # no warning highlight left once filtered out


def test_several_plans_get_an_index_and_a_section_each(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(PLAN, encoding="utf-8")
    b.write_text(PLAN.replace("Bổ xung", "Bổ sung"), encoding="utf-8")
    out = tmp_path / "r.html"
    main(["check", "--format", "html", "-o", str(out), str(a), str(b)])
    page = out.read_text(encoding="utf-8")
    assert '<nav class="index">' in page and page.count('<section class="file"') == 2
    first, second = page.split('<section class="file" id="file1">')
    assert first.count('class="note ') == second.count('class="note ') + 1  # the misspelling
