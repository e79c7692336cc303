"""Reading numbers written the Vietnamese way (DOMAIN.md, "Numbers and units").

``.`` groups thousands and ``,`` is the decimal mark: ``1.525,59`` is 1525.59, ``12.103`` is
12103, ``0,77%`` is 0.77 per cent. Drafts also write ``1189,3`` (no grouping) and sometimes the
English style (``15.40``, ``3,098``): those are flagged ``ambiguous`` and resolved by the
document's own convention (``planlint.facts.quantities``), never guessed silently.

``scan_numbers(text)`` is the base every fact extractor uses: it returns each number of a
paragraph's text with its offsets, value, printed decimals and a per-cent/per-mille sign.
Parts of dates (``16/7/2021``, ``5/1992``) are marked ``in_date`` and are not quantities.

A unit written against the number (``8m<sup>2</sup>``, ``01ha``) does not hide it, and a sign
after LaTeX debris (``$\\geq 100$ %``) still makes a per-cent. ``token_style`` tells whether a
token proves the Vietnamese or the English convention, ``english_value`` gives the other reading
of an ambiguous token; ``round_half_up`` rounds the way offices do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from .spans import Matches

# one number token; the alternatives are tried longest first
_NUM = re.compile(
    r"(?<![\w.,])"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.525,59  12.103  1.600
    r"|\d+,\d+"  # 39,29  1189,3  3,098 (ambiguous)
    r"|\d+\.\d+"  # 15.40 (English style: ambiguous)
    r"|\d+)"
    r"(?:(?![\w])|(?=(?:km|m|ha|kg)(?![^\W\d_])))"  # "8m<sup>2</sup>", "01ha": a unit against the number
    r"(?P<pct>\s?(?:%0|%|‰)|\$[ \t]{0,3}%)?"
)
_DATE = re.compile(r"(?<![\w/.-])\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?![\w/])|(?<![\w/])\d{1,2}/\d{4}(?![\w/])")


@dataclass(slots=True)
class Num:
    value: Decimal
    start: int  # offsets in the text that was scanned
    end: int  # end of the number itself (without the % sign)
    raw: str  # as printed: "1.525,59"
    decimals: int  # digits printed after the decimal mark (tolerances follow them)
    sign: str = ""  # "%" or "‰" when the number is a rate
    sign_end: int = 0  # end offset including the sign (== end without one)
    ambiguous: bool = False  # "3,098" / "15.40": the decimal mark could be either
    in_date: bool = False  # part of a date such as 16/7/2021 or 5/1992

    @property
    def full_end(self) -> int:
        return self.sign_end or self.end

    @property
    def unit_half(self) -> Decimal:
        """Half a unit of the last printed place: the rounding tolerance of this number."""
        return Decimal(5).scaleb(-(self.decimals + 1))


def parse_number(raw: str) -> tuple[Decimal, int, bool]:
    """Value, printed decimals and ambiguity of one number token in Vietnamese style."""
    if "." in raw and "," in raw:
        intpart, frac = raw.split(",", 1)
        return Decimal(intpart.replace(".", "") + "." + frac), len(frac), False
    if "," in raw:
        intpart, frac = raw.split(",", 1)
        # "3,098": an English thousands separator or a Vietnamese decimal, cannot tell
        ambiguous = len(frac) == 3 and len(intpart) <= 3 and intpart != "0"
        return Decimal(intpart + "." + frac), len(frac), ambiguous
    if "." in raw:
        groups = raw.split(".")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return Decimal(raw.replace(".", "")), 0, False
        return Decimal(raw), len(groups[-1]), True  # "15.40": English decimal point
    return Decimal(raw), 0, False


def format_vn(value: Decimal, decimals: int = 0) -> str:
    """Format in Vietnamese style: ``format_vn(Decimal('1525.59'), 2) == '1.525,59'``."""
    if not value.is_finite():  # an overflowed estimate (NaN, Infinity): shown, never a traceback
        return "∞" if value.is_infinite() and value > 0 else "-∞" if value.is_infinite() else "?"
    v = round_half_up(value, decimals)  # as offices round: 39,285 -> 39,29
    sign = "-" if v < 0 else ""
    s = f"{v.copy_abs():f}"
    intpart, _, frac = s.partition(".")
    groups: list[str] = []
    while len(intpart) > 3:
        groups.insert(0, intpart[-3:])
        intpart = intpart[:-3]
    groups.insert(0, intpart)
    out = sign + ".".join(groups)
    return out + ("," + frac if frac else "")


def scan_numbers(text: str) -> list[Num]:
    """Every number in ``text`` in order, with its offsets, value and printed precision."""
    dates = Matches(_DATE, text)
    out: list[Num] = []
    for m in _NUM.finditer(text):
        raw = m.group("num")
        try:
            value, decimals, ambiguous = parse_number(raw)
        except ArithmeticError:  # pragma: no cover - the pattern only admits digits
            continue
        s, e = m.start("num"), m.end("num")
        pct = (m.group("pct") or "").strip().lstrip("$").strip()
        sign = "‰" if pct in ("‰", "%0") else pct
        in_date = dates.containing(s, e) is not None
        out.append(Num(value, s, e, raw, decimals, sign, m.end() if pct else e, ambiguous, in_date))
    return out


def round_half_up(value: Decimal, decimals: int = 0) -> Decimal:
    """Round as offices do (half away from zero), to ``decimals`` places."""
    if not value.is_finite():
        return value
    # enough digits for any number a draft prints (the default 28 would raise InvalidOperation
    # on a 29-digit figure)
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + decimals + 3)
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def token_style(raw: str) -> str:
    """``"vi"`` when the token proves the Vietnamese convention (``1.525,59``, ``39,29``,
    ``1.234.567``), ``"en"`` when it proves the English one (``15.40``, ``1,525.59``), ``""`` when
    it fits both (``12``, ``1.600``, ``3,098``)."""
    if "." in raw and "," in raw:
        return "vi" if raw.index(".") < raw.index(",") else "en"
    if "," in raw:
        intpart, frac = raw.split(",", 1)
        if "," in frac:
            return "en"
        return "" if len(frac) == 3 and len(intpart) <= 3 and intpart != "0" else "vi"
    if "." in raw:
        groups = raw.split(".")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return "vi" if len(groups) > 2 else ""
        return "en"
    return ""


def english_value(raw: str) -> Decimal | None:
    """The value of ``raw`` read in the English convention, when that differs from the
    Vietnamese reading (``3,098`` -> 3098; ``1.600`` -> 1.6); ``None`` when both agree."""
    if "," in raw and "." not in raw:
        return Decimal(raw.replace(",", ""))
    if "." in raw and "," not in raw:
        groups = raw.split(".")
        if len(groups) == 2:
            return Decimal(raw)
        return None
    if "." in raw and "," in raw and raw.index(",") < raw.index("."):
        return Decimal(raw.replace(",", ""))
    return None
