"""Shares of one whole printed in a table do not add up to 100%.

Two shapes are read: a parent row that names a structure (``Cơ cấu kinh tế``, ``Tỷ trọng …``)
with its parts as child rows, and a share column (``Cơ cấu (%)``, ``Tỷ trọng``, or ``Tỷ lệ (%)``
in a table with a total row) over the rows of the table. The shares of each column must sum to 100
within the printed rounding (n parts at d decimals: n × half a unit of the last place).

A GRDP structure may leave out the taxes on products less subsidies: when the parts are the three
sectors and fall short of 100 by about the size of that part (``taxes_gap`` in
``rules/sectors.toml``), and the structure is not stated as production value, nothing is reported
(DOMAIN.md, "Shares"). A printed taxes row counts as a part. The finding points at the one share
that disagrees with its own amount (``Thực hiện (ha)`` over the total row) when there is one, else at
the last share.

Bad::

    | STT | Chỉ tiêu | ĐVT | KH 2026 |
    |---|---|---|---|
    | 1 | Cơ cấu kinh tế | % | |
    | - | Nông nghiệp | % | 20,5 |
    | - | Công nghiệp - xây dựng | % | 40,2 |
    | - | Dịch vụ | % | 40,3 |

Good::

    | STT | Chỉ tiêu | ĐVT | KH 2026 |
    |---|---|---|---|
    | 1 | Cơ cấu kinh tế | % | |
    | - | Nông nghiệp | % | 19,5 |
    | - | Công nghiệp - xây dựng | % | 40,2 |
    | - | Dịch vụ | % | 40,3 |
    | 2 | Cơ cấu GRDP | % | |
    | - | Nông, lâm nghiệp và thủy sản | % | 11,66 |
    | - | Công nghiệp - xây dựng | % | 35,47 |
    | - | Dịch vụ | % | 43,65 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..engine import Context
from ..facts.tables import HUNDRED, arith, cell_name, fmt_like, share_expected, tables
from ..facts.vocab import ECONOMY, classify, data, fmt
from ..finding import Hit
from ..rule import rule


def _taxes_left_out(rows_labels: list[str], total: Decimal) -> bool:
    classes = [classify(x) for x in rows_labels]
    if any("T" in c for c in classes) or not all(classes):
        return False
    seen: set[str] = set()
    for c in classes:
        seen |= c
    if not seen >= ECONOMY:
        return False
    lo, hi = (Decimal(str(x)) for x in data().get("shares", {}).get("taxes_gap", [3.0, 15.0]))
    return lo <= HUNDRED - total <= hi


@rule(
    code="N133",
    name="table-share-sum",
    severity="error",
    messages={
        "default": {
            "en": "shares of {what} add up to {sum}%, not 100%: {arith} (rounding allows ±{tol})",
            "vi": "tổng các tỷ trọng của {what} là {sum}%, không phải 100%: {arith} (sai số làm tròn cho phép ±{tol})",
        },
        "culprit": {
            "en": "shares of {what} add up to {sum}%, not 100%: {arith}; this one is {value}% but {amount} ÷ {total} "
                  "× 100 = {expected}%",
            "vi": "tổng các tỷ trọng của {what} là {sum}%, không phải 100%: {arith}; tỷ trọng này ghi {value}% nhưng "
                  "{amount} ÷ {total} × 100 = {expected}%",
        },
    },
    fix={"default": {"en": "correct the wrong share so that the shares add up to 100%",
                     "vi": "sửa tỷ trọng sai để tổng bằng 100%"},
         "culprit": {"en": "write {expected}%", "vi": "ghi {expected}%"}},
)
def check(ctx: Context) -> Iterator[Hit]:
    for tf in ctx.facts(tables):
        for s in tf.shares:
            vals = [r.values[s.col.index] for r in s.rows]
            total = sum((v.value for v in vals), Decimal(0))
            tol = sum((v.half for v in vals), Decimal(0))
            ok = abs(total - HUNDRED) <= tol
            if not ok and s.grdp and not s.production and total < HUNDRED and _taxes_left_out(
                    [r.label for r in s.rows], total):
                ok = True
            what = cell_name(tf, s.parent, s.col) if s.parent is not None else f"“{s.col.header}”"
            shown = fmt_like(total, vals)
            ctx.verdict("table", vals[-1].span, f"{what}: {arith(vals)} = {shown}% {'✓' if ok else '≠ 100%'}", ok)
            if ok:
                continue
            # the share that disagrees with its own amount, when exactly one does
            # the tolerance with one more decimal than the shares: three shares at two decimals
            # allow ±0,015 (shown as ±0,02, a sum of 100,02 would look allowed)
            args = {"what": what, "sum": shown, "arith": arith(vals),
                    "tol": fmt(tol, max(v.decimals for v in vals) + 1).rstrip("0").rstrip(",") or "0"}
            off = []
            for r, v in zip(s.rows, vals, strict=True):
                rng = share_expected(s, r)
                if rng is not None and not (rng[0] - v.half <= v.value <= rng[1] + v.half):
                    off.append((r, v))
            if len(off) == 1 and s.amounts is not None and s.total is not None:
                r, v = off[0]
                a, t = r.values[s.amounts.index], s.total.values[s.amounts.index]
                args.update(value=v.raw.rstrip("%"), amount=a.raw, total=t.raw,
                            expected=fmt_like(HUNDRED * a.value / t.value, [v]))
                yield Hit(v.span, args, context=tf.span, message_key="culprit")
            else:
                yield Hit(vals[-1].span, args, context=tf.span)
