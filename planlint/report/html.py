"""``check --format html``: one self-contained page a reviewer reads (no network resource: the
style and the few lines of script are inline).

For each plan: the text with every finding highlighted where it stands and explained beside it
(message, arithmetic, fix); the facts a reviewer checks, drawn: each share group as a bar split
into its parts with the gap or excess to 100%, each ledger, date chain and other check as an
equation with ✓ or ✗, each table with the cells a finding points at marked. A summary count at
the top, filters by family and severity (they also read ``#hide=N,warning`` from the address),
Vietnamese or English labels. It reads one lint run (``engine.run(..., with_facts=True)``): the
findings, the verdicts, the fact rows and the parsed tables, and never runs the engine again.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from .. import __version__
from ..finding import SEVERITIES, Finding
from ..i18n import LANGS, glossary, render


def labels(lang: str) -> dict[str, str]:
    """The page's labels in ``lang``: the ``report`` and ``family`` tables of rules/messages.toml."""
    words = glossary()
    return {key: str(entry.get(lang) or entry["en"])
            for table in ("report", "family") for key, entry in words[table].items()}


STYLE = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32;--bg:#fff;--fg:#1b1b1b;--mute:#666;
--errbg:#ffd7d5;--warnbg:#ffedb3;--infobg:#d6e8ff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);
background:var(--bg)}
header.top{position:sticky;top:0;z-index:5;background:#fafafa;border-bottom:1px solid #ddd;padding:.5rem 1rem}
h1{font-size:1.2rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem;word-break:break-all}
h3{font-size:1rem;margin:1rem 0 .3rem}
main{padding:0 1rem 2rem;max-width:1200px;margin:auto}
.counts span{display:inline-block;margin-right:.8rem;font-weight:600}
.c-error{color:var(--err)}.c-warning{color:var(--warn)}.c-info{color:var(--info)}
.filters{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.9rem;margin-top:.3rem}
.filters fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.2rem .6rem}
.filters legend{font-weight:600;float:left;margin-right:.4rem}
.filters label{white-space:nowrap;cursor:pointer}
.doc{border:1px solid #e3e3e3;border-radius:6px;overflow:hidden}
.ln{display:grid;grid-template-columns:3.2rem minmax(0,1fr) minmax(0,22rem);border-top:1px solid #f2f2f2}
.ln:first-child{border-top:0}
.no{color:var(--mute);text-align:right;padding:0 .5rem;font-size:.8rem;user-select:none;background:#fafafa}
.tx{white-space:pre-wrap;word-wrap:break-word;padding:0 .5rem;font-size:.92rem}
.notes{padding:0 .4rem}
mark{background:none;color:inherit;border-radius:2px}
mark.on.s-error{background:var(--errbg);outline:2px solid var(--err)}
mark.on.s-warning{background:var(--warnbg);outline:1px solid var(--warn)}
mark.on.s-info{background:var(--infobg)}
.note{font-size:.85rem;border-left:4px solid var(--mute);background:#f7f7f7;margin:.2rem 0;padding:.15rem .4rem;
break-inside:avoid}
.note.s-error{border-color:var(--err)}.note.s-warning{border-color:var(--warn)}.note.s-info{border-color:var(--info)}
.note .code{font-weight:700}.note .fix{color:var(--ok)}
.hidden{display:none!important}
.bars{display:grid;gap:.6rem}
.bar{display:flex;height:1.6rem;border:1px solid #999;border-radius:3px;overflow:hidden;position:relative;
background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px)}
.bar .part{height:100%;border-right:1px solid #fff;font-size:.7rem;color:#fff;overflow:hidden;white-space:nowrap;
padding-left:2px;line-height:1.6rem}
.bar .excess{height:100%;background:repeating-linear-gradient(45deg,var(--err),var(--err) 4px,#fff 4px,#fff 8px)}
.bar .hundred{position:absolute;top:-2px;bottom:-2px;border-left:2px dashed #000}
.share .legend{font-size:.82rem;color:var(--mute)}
.p0{background:#3949ab}.p1{background:#00897b}.p2{background:#8e24aa}.p3{background:#f4511e}.p4{background:#6d4c41}
.p5{background:#546e7a}.p6{background:#c0ca33;color:#000}.p7{background:#d81b60}
table.eq{border-collapse:collapse;width:100%;font-size:.88rem}
table.eq td{border-top:1px solid #eee;padding:.15rem .4rem;vertical-align:top}
.okmark{color:var(--ok);font-weight:700}.badmark{color:var(--err);font-weight:700}
table.grid{border-collapse:collapse;font-size:.82rem;margin:.3rem 0;display:block;overflow-x:auto}
table.grid td{border:1px solid #ccc;padding:.1rem .35rem}
table.grid td.bad{background:var(--errbg);outline:2px solid var(--err)}
nav.index a{margin-right:1rem}
@media (max-width:760px){.ln{grid-template-columns:2.4rem minmax(0,1fr)}.notes{grid-column:2}
 body{font-size:14px}header.top{position:static}}
@media print{mark,.note,.bar,.bar *,td.bad{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 header.top{position:static}.filters{display:none}.ln{grid-template-columns:2.6rem 1fr 16rem}
 .doc{border:0}.file{break-before:page}.file:first-of-type{break-before:auto}}
"""

SCRIPT = """
(function(){
  var boxes=[].slice.call(document.querySelectorAll('.filters input'));
  function hidden(){var h={};boxes.forEach(function(b){if(!b.checked)h[b.value]=1});return h}
  function apply(){
    var h=hidden(),visible=0;
    document.querySelectorAll('.note').forEach(function(n){
      var off=h[n.dataset.family]||h[n.dataset.severity];
      n.classList.toggle('hidden',!!off);
    });
    document.querySelectorAll('mark').forEach(function(m){
      var on=m.dataset.ids.split(' ').some(function(id){var n=document.getElementById(id);
        return n&&!n.classList.contains('hidden')});
      m.classList.toggle('on',on);
    });
    document.querySelectorAll('.note').forEach(function(n){if(n.offsetParent!==null)visible++});
    document.body.dataset.visible=visible;
    var v=document.getElementById('visible');if(v)v.textContent=visible;
  }
  boxes.forEach(function(b){b.addEventListener('change',apply)});
  var m=/hide=([^&]*)/.exec(location.hash);
  if(m)decodeURIComponent(m[1]).split(',').forEach(function(k){boxes.forEach(function(b){if(b.value===k)b.checked=false})});
  apply();
})();
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _dec(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _fmt(d: Decimal) -> str:
    s = f"{d.normalize():f}"
    return s.replace(".", ",")


class _Page:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else "en"
        self.t = labels(self.lang)
        self.out: list[str] = []
        self.n = 0

    def w(self, *parts: str) -> None:
        self.out.extend(parts)

    # -- the text with its findings -----------------------------------------------------------
    def document(self, result: Any, ids: dict[int, str]) -> None:
        source = result.source
        findings: list[Finding] = result.findings
        by_line: dict[int, list[tuple[int, int, Finding]]] = {}
        notes_at: dict[int, list[Finding]] = {}
        for f in findings:
            notes_at.setdefault(f.line, []).append(f)
            last = max(f.line, f.end_line)
            for n in range(f.line, last + 1):
                text = source.original_line(n)
                c0 = f.column if n == f.line else 1
                c1 = f.end_column if n == f.end_line else len(text) + 1
                by_line.setdefault(n, []).append((c0 - 1, max(c0, c1) - 1, f))
        self.w('<div class="doc">')
        total = source.raw.count("\n") + 1
        for n in range(1, total + 1):
            text = source.original_line(n)
            if n == total and not text:
                break
            self.w(f'<div class="ln" id="{self._anchor}-L{n}"><div class="no">{n}</div><div class="tx">',
                   self._marked(text, by_line.get(n, []), ids), '</div><div class="notes">')
            for f in notes_at.get(n, []):
                self._note(f, ids[id(f)])
            self.w("</div></div>")
        self.w("</div>")

    def _marked(self, text: str, spans: list[tuple[int, int, Finding]], ids: dict[int, str]) -> str:
        if not spans:
            return _e(text) or " "
        cuts = sorted({0, len(text), *(max(0, min(a, len(text))) for a, _, _ in spans),
                       *(max(0, min(b, len(text))) for _, b, _ in spans)})
        parts = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = text[a:b]
            over = [f for s, e, f in spans if s <= a and b <= e and s < e]
            if not over:
                parts.append(_e(piece))
                continue
            worst = max(over, key=lambda f: SEVERITIES.index(f.severity))
            title = "; ".join(f"{f.code} {f.message}" for f in over)
            parts.append(f'<mark class="on s-{worst.severity}" data-ids="{" ".join(ids[id(f)] for f in over)}" '
                         f'title="{_e(title)}">{_e(piece)}</mark>')
        if all(s >= len(text) for s, _, _ in spans):  # a finding at the end of the line: show where
            ids_ = " ".join(ids[id(f)] for _, _, f in spans)
            worst = max((f for _, _, f in spans), key=lambda f: SEVERITIES.index(f.severity))
            parts.append(f'<mark class="on s-{worst.severity}" data-ids="{ids_}"> </mark>')
        return "".join(parts) or " "

    def _note(self, f: Finding, nid: str) -> None:
        sev = self.t[f.severity]
        self.w(f'<div class="note s-{f.severity}" id="{nid}" data-family="{f.code[0]}" data-severity="{f.severity}">',
               f'<span class="code c-{f.severity}">{_e(f.code)}</span> <span class="sev">[{_e(sev)}]</span> ',
               f'<span class="rule">{_e(f.rule)}</span>: <span class="msg">{_e(f.message)}</span>')
        if f.fix:
            self.w(f'<div class="fix">→ {_e(self.t["fix"])}: {_e(f.fix)}</div>')
        self.w("</div>")

    # -- facts drawn ----------------------------------------------------------------------------
    def shares(self, result: Any) -> None:
        groups = [r for r in result.facts if r.kind == "share group"]
        if not groups:
            return
        verdicts = [v for v in result.verdicts if v.kind == "share group"]
        self.w(f'<h3>{_e(self.t["shares"])}</h3><div class="bars">')
        for g in groups:
            parts: list[tuple[str, Decimal]] = []
            for p in g.data.get("parts", []):
                value = _dec(p.get("value"))
                if value is not None and value >= 0:
                    parts.append((p.get("label") or "?", value))
            total = sum((v for _, v in parts), Decimal(0))
            scale = max(total, Decimal(100)) or Decimal(100)
            ok = next((v.ok for v in verdicts if v.span.start <= g.span.start < v.span.end
                       or g.span.start <= v.span.start < g.span.end), None)
            line = result.source.position(g.span.start)[0]
            mark = "" if ok is None else ('<span class="okmark">✓</span>' if ok else '<span class="badmark">✗</span>')
            self.w(f'<div class="share" data-line="{line}"><div class="bar" role="img" '
                   f'aria-label="{_e(render(g.text, self.lang))}">')
            for i, (label, v) in enumerate(parts):
                width = float(v / scale * 100)
                self.w(f'<div class="part p{i % 8}" style="width:{width:.3f}%" title="{_e(label)} {_fmt(v)}%">'
                       f'{_e(_fmt(v))}%</div>')
            if total > 100:
                self.w(f'<div class="excess" style="width:{float((total - 100) / scale * 100):.3f}%"></div>')
                self.w(f'<div class="hundred" style="left:{float(100 / scale * 100):.3f}%"></div>')
            self.w("</div>")
            gap = ""
            if total < 100 and g.data.get("exhaustive"):
                gap = f' · {_e(self.t["gap"])} {_fmt(Decimal(100) - total)}%'
            elif total > 100:
                gap = f' · {_e(self.t["excess"])} {_fmt(total - 100)}%'
            legend = " + ".join(f"{_e(label)} {_fmt(v)}%" for label, v in parts)
            self.w(f'<div class="legend">{mark} <a href="#{self._anchor}-L{line}">{_e(self.t["line"])} {line}</a>: '
                   f'{legend} = {_e(self.t["sum"])} {_fmt(total)}%{gap}</div></div>')
        self.w("</div>")

    def equations(self, result: Any) -> None:
        """Every other verdict as an equation with ✓/✗: the failing ones first and open, the ones
        that hold folded under a count (a plan has hundreds)."""
        rows = sorted((v for v in result.verdicts if v.kind != "share group"), key=lambda v: v.span.start)
        if not rows:
            return
        bad = [v for v in rows if not v.ok]
        good = [v for v in rows if v.ok]
        self.w(f'<h3>{_e(self.t["checks"])}</h3>')
        if bad:
            self._eq_table(result, bad)
        if good:
            self.w(f'<details class="holds"><summary><span class="okmark">✓</span> {len(good)} '
                   f'{_e(self.t["hold"])}</summary>')
            self._eq_table(result, good)
            self.w("</details>")

    def _eq_table(self, result: Any, rows: list[Any]) -> None:
        pos = result.source.position
        self.w('<table class="eq">')
        for v in rows:
            line = pos(v.span.start)[0]
            mark = '<span class="okmark">✓</span>' if v.ok else '<span class="badmark">✗</span>'
            self.w(f'<tr class="verdict {"ok" if v.ok else "bad"}" data-family="{_e(v.code[:1])}"><td>{mark}</td>'
                   f'<td><a href="#{self._anchor}-L{line}">{line}</a></td><td>{_e(v.code)}</td><td>{_e(v.kind)}</td>'
                   f'<td>{_e(v.text(self.lang))}</td></tr>')
        self.w("</table>")

    def tables(self, result: Any) -> None:
        tables = getattr(result.plan, "tables", None) or []
        if not tables:
            return
        spans = [(f.span, f) for f in result.findings if f.span is not None]
        self.w(f'<h3>{_e(self.t["tables"])}</h3>')
        pos = result.source.position
        for tb in tables:
            line = pos(tb.span.start)[0]
            cap = f"{tb.caption} · " if getattr(tb, "caption", "") else ""
            self.w(f'<div class="tablewrap"><a href="#{self._anchor}-L{line}">{_e(cap)}{_e(self.t["line"])} {line}</a>'
                   '<table class="grid">')
            for row in tb.rows:
                self.w("<tr>")
                for cell in row.cells:
                    s = cell.span
                    hit = [f for (a, b), f in spans if (a < s.end and s.start < b) or (a == b == s.start)]
                    cls = ' class="bad"' if hit else ""
                    title = f' title="{_e("; ".join(f"{f.code} {f.message}" for f in hit))}"' if hit else ""
                    self.w(f"<td{cls}{title}>{_e(cell.text)}</td>")
                self.w("</tr>")
            self.w("</table></div>")

    # -- the page -------------------------------------------------------------------------------
    def render(self, results: Sequence[Any]) -> str:
        t = self.t
        findings = [f for r in results for f in r.findings]
        sev = Counter(f.severity for f in findings)
        fam = Counter(f.code[0] for f in findings)
        self.w("<!DOCTYPE html>", f'<html lang="{self.lang}"><head><meta charset="utf-8">',
               '<meta name="viewport" content="width=device-width, initial-scale=1">',
               f'<meta name="generator" content="planlint {__version__}">',
               f"<title>{_e(t['title'])}</title><style>{STYLE}</style></head><body data-visible=\"{len(findings)}\">")
        self.w('<header class="top">', f"<h1>{_e(t['title'])}</h1>", '<div class="counts" id="summary">')
        self.w(f'<span>{len(findings)} {_e(t["findings"])}</span>')
        for s in reversed(SEVERITIES):
            self.w(f'<span class="c-{s}" data-count-severity="{s}">{sev[s]} {_e(t[s])}</span>')
        self.w(f'<span>{len(results)} {_e(t["file" if len(results) == 1 else "files"])}</span>',
               f'<span>{_e(t["shown"])}: <span id="visible">{len(findings)}</span></span></div>')
        self.w('<form class="filters" onsubmit="return false">', f'<fieldset><legend>{_e(t["family"])}</legend>')
        for k in "SNPDRT" + ("X" if fam.get("X") else ""):
            self.w(f'<label><input type="checkbox" value="{k}" checked> {k} {_e(t[k])} ({fam[k]})</label>')
        self.w(f'</fieldset><fieldset><legend>{_e(t["severity"])}</legend>')
        for s in reversed(SEVERITIES):
            self.w(f'<label class="c-{s}"><input type="checkbox" value="{s}" checked> {_e(t[s])} ({sev[s]})</label>')
        self.w("</fieldset></form></header><main>")
        if len(results) > 1:
            self.w(f'<nav class="index"><h2>{_e(t["index"])}</h2>')
            for i, r in enumerate(results):
                self.w(f'<a href="#file{i}">{_e(r.source.path)}</a> ({len(r.findings)})<br>')
            self.w("</nav>")
        counter = 0
        for i, r in enumerate(results):
            self._anchor = f"file{i}"
            ids: dict[int, str] = {}
            for f in r.findings:
                counter += 1
                ids[id(f)] = f"f{counter}"
            c = Counter(f.severity for f in r.findings)
            self.w(f'<section class="file" id="file{i}"><h2>{_e(r.source.path)}</h2><div class="counts">')
            for s in reversed(SEVERITIES):
                self.w(f'<span class="c-{s}">{c[s]} {_e(t[s])}</span>')
            self.w("</div>")
            if not r.findings:
                self.w(f'<p class="okmark">✓ {_e(t["clean"])}</p>')
            if r.facts or r.verdicts or getattr(r.plan, "tables", None):
                self.w(f'<details class="facts" open><summary><b>{_e(t["facts"])}</b></summary>')
                self.shares(r)
                self.equations(r)
                self.tables(r)
                self.w("</details>")
            self.w(f'<h3>{_e(t["text"])}</h3>')
            self.document(r, ids)
            self.w("</section>")
        self.w(f"</main><script>{SCRIPT}</script></body></html>\n")
        return "".join(self.out)

    _anchor = "file0"


def html_report(results: Sequence[Any], lang: str, out: IO[str]) -> None:
    """Write the page for ``results`` (``engine.LintResult``s run with facts)."""
    out.write(_Page(lang).render(results))
