"""Fuzz planlint (issue #11): mutated plans, long numbers, random bytes and random configuration.

    python scripts/fuzz.py --count 100000 [--seed 1] [--cli-every 500]

In-process: each input goes through ``Source.from_bytes`` and ``lint_source`` (an ``InputError``
is the exit-2 path, anything else is a crash). Every ``--cli-every`` inputs one also runs through
the real command line with a random pyproject.toml beside it, where only exit codes 0/1/2 and
no traceback are acceptable. Prints the count, crashes, and the slowest input with its time;
crashing inputs are written to ``--out``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planlint.config import Config  # noqa: E402
from planlint.engine import lint_source  # noqa: E402
from planlint.parsing.source import InputError, Source  # noqa: E402

SNIPPETS = [
    "Số: 12/KH-UBND", "KẾ HOẠCH", "I. MỤC ĐÍCH", "II. NỘI DUNG", "1. ", "a) ", "- ", "+ ",
    "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2025 của HĐND xã;",
    "Đầu năm có 120 hộ nghèo, thoát nghèo 30 hộ, phát sinh mới 5 hộ, cuối năm còn 95 hộ.",
    "Tổng vốn 1.250 triệu đồng, trong đó: ngân sách tỉnh 800 triệu đồng, ngân sách xã 450 triệu đồng.",
    "Cơ cấu: nông nghiệp chiếm 30,5%, dịch vụ chiếm 69,5%.", "tăng 12,5% so với năm 2024",
    "từ ngày 1/3/2025 đến ngày 30/6/2025",
    "năm 2025", "tháng 13/2025", "ngày 31/02/2026", "<!-- planlint: disable=S103 -->",
    "<!-- planlint: disable-next-line=N101 lý do -->",
    "<!-- planlint: disable= -->", "<!-- planlint:", "-->", "$\\frac{1}{2}$", "x<sup>2</sup>", "m^{2}", "&amp;",
    "![a](data:,QUJD)",
    "| a | b |\n|---|---|\n| 1 | 2 |", "\t", "   ", "\r\n", "\r", "\n\n", "\x1b[31m", "\u0301", "\ufeff", "…",
    ".....", "[[[", "{{{",
    "An Phú, ngày 5 tháng 1 năm 2026", "TM. ỦY BAN NHÂN DÂN", "Nơi nhận:", "tỷ lệ hộ nghèo giảm từ 5,2% xuống 3,1%",
]
SEED_PLAN = ("UBND XÃ AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nAn Phú, ngày 5 tháng 1 năm 2026\n\n"
             "KẾ HOẠCH\nGiảm nghèo năm 2026\n\nI. MỤC ĐÍCH\n1. Mục đích\nĐầu năm có 120 hộ nghèo, thoát nghèo 30 hộ, "
             "phát sinh mới 5 hộ, cuối năm còn 95 hộ.\n2. Yêu cầu\n"
             "Tổng vốn 1.250 triệu đồng, trong đó: ngân sách tỉnh 800 "
             "triệu đồng, ngân sách xã 450 triệu đồng.\nII. NỘI DUNG\n"
             "Cơ cấu: nông nghiệp chiếm 30,5%, dịch vụ chiếm 69,5%.\n"
             "III. TỔ CHỨC THỰC HIỆN\nTừ ngày 1/3/2026 đến ngày 30/6/2026.\n"
             "Nơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN\n")


def seeds() -> list[str]:
    texts = [SEED_PLAN]
    for d in (ROOT / "examples", ROOT / "tests" / "fixtures"):
        for p in sorted(d.rglob("*")):
            if p.suffix in (".md", ".txt") and p.is_file():
                with contextlib.suppress(UnicodeDecodeError, OSError):
                    texts.append(p.read_text(encoding="utf-8"))
    return texts


def long_number(rng: random.Random) -> str:
    n = rng.choice([29, 30, 40, 100, 1000, 5000])
    digits = "".join(rng.choice("0123456789") for _ in range(n))
    grouped = ".".join(digits[i:i + 3] for i in range(0, n, 3))
    return rng.choice([digits, digits[:n // 2] + "," + digits[n // 2:], grouped])


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        i = rng.randint(0, len(text))
        if op == 0:
            text = text[:i] + rng.choice(SNIPPETS) + text[i:]
        elif op == 1:
            j = min(len(text), i + rng.randint(1, 200))
            text = text[:i] + text[j:]
        elif op == 2:
            text = text[:i] + long_number(rng) + rng.choice([" hộ", "%", " triệu đồng", "", " người"]) + text[i:]
        elif op == 3:
            j = min(len(text), i + rng.randint(1, 300))
            text = text[:i] + text[i:j] * rng.randint(2, 20) + text[j:]
        elif op == 4:
            text = text[:i] + rng.choice(" \t.[{(<$_^&-") * rng.randint(10, 3000) + text[i:]
        elif op == 5:
            text = text[:i] + "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 20))) + text[i:]
        else:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
    return text


def make_input(rng: random.Random, corpus: list[str]) -> bytes:
    kind = rng.random()
    if kind < 0.08:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 4000)))
    text = mutate(rng.choice(corpus), rng)
    enc = rng.random()
    if enc < 0.03:
        return text.encode(rng.choice(["utf-16", "utf-16-le"]), errors="surrogatepass")
    if enc < 0.05:
        return text.encode("utf-8", errors="surrogatepass")[: rng.randint(0, 5000)]
    if enc < 0.08:
        return text.replace("\n", "\r").encode("utf-8", errors="surrogatepass")
    return text.encode("utf-8", errors="surrogatepass")


def random_config(rng: random.Random) -> str:
    values = ["true", "false", '"false"', "3", "-1", "1.5", '"S"', '["S", "N101"]', '["X999"]', "[1, 2]", "{}",
              '"vi"', '"en"', '"error"', '"fatal"', '"\\u0000"', "[", "= =", '"\\xff"']
    keys = ["select", "ignore", "extend-select", "fail-on", "lang", "show-info", "time-budget", "colour", "options"]
    lines = [rng.choice(["[tool.planlint]", "[tool]", "[tool.planlint.options]", "[project]", ""])]
    for _ in range(rng.randint(0, 4)):
        key = rng.choice(keys + ["strict-signing", "growth-tolerance", "planlint", "tool"])
        lines.append(f"{key} = {rng.choice(values)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cli-every", type=int, default=500)
    ap.add_argument("--out", type=Path, default=Path("fuzz-crashes"))
    ap.add_argument("--slow", type=float, default=5.0, help="keep inputs slower than this many seconds in --out")
    ap.add_argument("--every", type=int, default=1000, help="print progress every N inputs")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpus = seeds()
    crashes = 0
    slowest = (0.0, b"")
    cli_runs = 0
    started = time.time()
    tmp = Path(tempfile.mkdtemp(prefix="planlint-fuzz-"))
    for k in range(args.count):
        data = make_input(rng, corpus)
        cfg = Config(show_info=rng.random() < 0.3, lang=rng.choice(["vi", "en"]))
        t = time.perf_counter()
        try:
            lint_source(Source.from_bytes(data, "fuzz.txt"), cfg)
        except InputError:
            pass
        except Exception:
            crashes += 1
            args.out.mkdir(exist_ok=True)
            (args.out / f"crash-{k}.bin").write_bytes(data)
            (args.out / f"crash-{k}.txt").write_text(traceback.format_exc(), encoding="utf-8")
        dt = time.perf_counter() - t
        if dt > args.slow:
            args.out.mkdir(exist_ok=True)
            (args.out / f"slow-{k}-{dt:.1f}s.bin").write_bytes(data)
        if dt > slowest[0]:
            slowest = (dt, data)
        if args.cli_every and k % args.cli_every == 0:
            cli_runs += 1
            (tmp / "plan.md").write_bytes(data)
            (tmp / "pyproject.toml").write_text(random_config(rng), encoding="utf-8")
            fmt = rng.choice(["text", "json"])
            p = subprocess.run([sys.executable, "-m", "planlint", "check", "--format", fmt, "plan.md"], cwd=tmp,
                               capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
            if p.returncode not in (0, 1, 2) or b"Traceback" in p.stderr:
                crashes += 1
                args.out.mkdir(exist_ok=True)
                (args.out / f"cli-{k}.bin").write_bytes(data)
                (args.out / f"cli-{k}.toml").write_bytes((tmp / "pyproject.toml").read_bytes())
                (args.out / f"cli-{k}.txt").write_bytes(p.stderr)
        if (k + 1) % args.every == 0:
            print(f"{k + 1} inputs, {crashes} crashes, slowest {slowest[0]:.2f}s, {time.time() - started:.0f}s",
                  flush=True)
    args.out.mkdir(exist_ok=True)
    (args.out / "slowest.bin").write_bytes(slowest[1])
    print(f"done: {args.count} inputs ({cli_runs} through the CLI with a random pyproject.toml), {crashes} crashes; "
          f"slowest {slowest[0]:.2f}s on a {len(slowest[1])}-byte input ({args.out}/slowest.bin)")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
