"""Units of measure: reading them after a number, and converting between them.

The vocabulary is data, ``rules/units.toml`` (forms as printed, dimension, pint definition,
whether the unit counts a fixed set such as xã or trường). Recognising a unit needs no pint:
``match_unit`` uses one regular expression built from the forms. pint is imported only by
``convert`` and only when two different units of one dimension meet (``1,5 nghìn tỷ`` and
``600 tỷ đồng``, ``ha`` and ``m²``); its registry is built from the ``define`` lines of the same
file, so the conversions are the domain's, not pint's defaults.

Compound rates (``60 Tr.đ/người/năm``, ``10 bác sĩ/1 vạn dân``, ``8 m²/người``, ``16,5%/năm``)
are units of their own: their dimension carries the denominators, so they never add to a
plain amount.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..data import vocabulary
from ..phrases import E, alt


@functools.cache
def _bare() -> tuple[frozenset[str], re.Pattern[str]]:
    """The bare multipliers of ``rules/units.toml`` (lower case) and the words that, right after
    one, make it part of another word (``tỷ lệ``)."""
    v = vocabulary("units")["bare"]
    return frozenset(w.lower() for w in v["multipliers"]), re.compile(r"\s*" + alt(v["not_before"]) + E, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Unit:
    key: str  # "ty_dong"; a compound joins its parts: "trieu_dong/nguoi/nam"
    name: str  # as printed in messages: "tỷ đồng"
    dimension: str  # "money_vnd"; a compound: "money_vnd/person/năm"
    fixed_set: bool = False
    per: tuple[str, ...] = field(default=())  # denominators as printed: ("người", "năm")

    @property
    def compound(self) -> bool:
        return bool(self.per)

    def with_per(self, per: tuple[str, ...], per_dims: tuple[str, ...]) -> Unit:
        return Unit(key="/".join((self.key, *per_dims)), name="/".join((self.name, *per)),
                    dimension="/".join((self.dimension, *per_dims)), fixed_set=False, per=per)


PERCENT = Unit("percent", "%", "ratio")
PERMILLE = Unit("permille", "‰", "ratio")


@dataclass(frozen=True, slots=True)
class Lexicon:
    units: dict[str, Unit]  # key -> unit
    by_form: dict[str, Unit]  # lower-cased form -> unit
    pattern: re.Pattern[str]  # one form, at the start of the remaining text
    per_pattern: re.Pattern[str]  # "/người", "/1 vạn dân"
    per_dims: dict[str, str]  # lower-cased denominator -> its dimension (or itself)


@functools.cache
def lexicon() -> Lexicon:
    data = vocabulary("units")
    units: dict[str, Unit] = {}
    by_form: dict[str, Unit] = {}
    for key, entry in data.get("units", {}).items():
        forms = [str(f) for f in entry.get("forms", [])]
        u = Unit(key=key, name=str(entry.get("name") or (forms[0] if forms else key)),
                 dimension=str(entry.get("dimension", key)), fixed_set=bool(entry.get("fixed_set", False)))
        units[key] = u
        for f in forms:
            by_form.setdefault(f.lower(), u)
    forms_sorted = sorted(by_form, key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms_sorted)
    # a form ends where a word ends ("ha" is not the start of "hai"); "m2" may carry a digit
    # words that begin with a unit's form but are not the unit ("trường hợp", "con số")
    not_units = "|".join(re.escape(str(w)) for w in data.get("not_units", {}).get("words", []))
    neg = rf"(?!(?:{not_units})(?![^\W\d_]))" if not_units else ""
    # blanks are taken whole (possessive): "[ ]*\$?[ ]*" could otherwise split a run of n blanks
    # n ways before failing, and the runs of aligned columns in Word exports are long
    pattern = re.compile(rf"[ \t\u00a0]*+\$?[ \t\u00a0]*+{neg}(?P<u>{alt})(?![^\W\d_])", re.IGNORECASE)
    per_words = [str(w) for w in data.get("per", {}).get("words", [])]
    per_dims = {f: u.dimension for f, u in by_form.items()}
    for w in per_words:
        per_dims.setdefault(w.lower(), w.lower())
    per_alt = "|".join(re.escape(f) for f in sorted(per_dims, key=len, reverse=True))
    per_pattern = re.compile(rf"[ \t]*+/[ \t]*+(?:0?1[ \t]*+)?(?P<p>{per_alt})(?![^\W\d_])", re.IGNORECASE)
    return Lexicon(units, by_form, pattern, per_pattern, per_dims)


def unit(key: str) -> Unit:
    return lexicon().units[key]


def match_per(text: str, pos: int, base: Unit) -> tuple[Unit, int]:
    """``base`` extended by the ``/…`` denominators printed at ``pos`` (if any), and the end."""
    lex = lexicon()
    per: list[str] = []
    dims: list[str] = []
    end = pos
    while True:
        m = lex.per_pattern.match(text, end)
        if not m:
            break
        word = m.group("p")
        per.append(word)
        dims.append(lex.per_dims.get(word.lower(), word.lower()))
        end = m.end()
    if not per:
        return base, pos
    return base.with_per(tuple(per), tuple(dims)), end


def match_unit(text: str, pos: int) -> tuple[Unit, int, int] | None:
    """The unit printed at ``text[pos:]`` (after optional blanks): ``(unit, start, end)``.

    A bare multiplier (``tỷ``, ``triệu``) is not money when another unit follows it (``2 triệu
    người``) or when it starts a word such as ``tỷ lệ``.
    """
    lex = lexicon()
    m = lex.pattern.match(text, pos)
    if not m:
        return None
    form = m.group("u")
    u = lex.by_form[form.lower()]
    end = m.end()
    multipliers, not_after = _bare()
    if form.lower() in multipliers:
        if not_after.match(text, end):
            return None
        nxt = lex.pattern.match(text, end)
        if nxt and lex.by_form[nxt.group("u").lower()].dimension != u.dimension:
            return None
    u, end = match_per(text, end, u)
    return u, m.start("u"), end


def same_dimension(a: Unit, b: Unit) -> bool:
    return a.dimension == b.dimension


@functools.cache
def registry() -> Any:
    """The pint registry of this domain, built from ``rules/units.toml`` (imports pint)."""
    import pint

    reg: Any = pint.UnitRegistry(None, non_int_type=Decimal)
    entries = vocabulary("units").get("units", {})
    pending = [str(e["define"]) for e in entries.values() if e.get("define")]
    # definitions may refer to each other in any order: define what can be defined until done
    while pending:
        left: list[str] = []
        for line in pending:
            try:
                reg.define(line)
            except Exception:  # an undefined reference: retry after the others
                left.append(line)
        if len(left) == len(pending):
            raise ValueError(f"rules/units.toml: cannot define {left}")
        pending = left
    return reg


def convert(value: Decimal, src: Unit, dst: Unit) -> Decimal:
    """``value`` in ``src`` expressed in ``dst`` (same dimension). Same unit: no pint at all."""
    if src.key == dst.key:
        return value
    if not same_dimension(src, dst):
        raise ValueError(f"cannot convert {src.name} to {dst.name}")
    if src.compound or dst.compound:
        if src.per != dst.per:
            raise ValueError(f"cannot convert {src.name} to {dst.name}")
        src, dst = unit(src.key.split("/")[0]), unit(dst.key.split("/")[0])
    reg = registry()
    q = reg.Quantity(value, src.key).to(dst.key)
    return Decimal(q.magnitude)
