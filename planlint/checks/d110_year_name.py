"""A sexagenary year name (can chi) that does not match its year.

The lunar year names cycle through ten stems and twelve branches: stem = (year − 4) mod 10 over
Giáp Ất Bính Đinh Mậu Kỷ Canh Tân Nhâm Quý, branch = (year − 4) mod 12 over Tý Sửu Dần Mão Thìn Tỵ
Ngọ Mùi Thân Dậu Tuất Hợi (DOMAIN.md, "Dates"; ``rules/calendar.toml``): 2024 Giáp Thìn, 2025 Ất Tỵ,
2026 Bính Ngọ. ``Tết Giáp Thìn`` in a 2025 plan is wrong. A year printed with the name is the one
compared (``Xuân Ất Tỵ 2025``); otherwise the plan's year, and a name that lies more than three
years away is taken as history (``Tết Mậu Thân``), never judged — unless it is a Tết or Xuân whose
stem or branch is that of one of the plan's years and only the other half differs (``Tết Nguyên
đán Giáp Ngọ`` in a 2026 plan, Bính Ngọ: a one-word slip, not a Tết of 1954). A warning.

A lunar date names its lunar year, which starts at Tết: ``29 tháng Chạp năm Ất Tỵ`` is
16/02/2026, a day of the 2026 calendar year in a lunar year named for 2025. Its Gregorian days
come from the table of Tết dates in ``rules/calendar.toml``; the name is right when one of them
falls in one of the plan's years.

Bad::

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

    Ngay sau Tết Nguyên đán Giáp Thìn, các thôn ra quân lao động sản xuất.

Good::

    KẾ HOẠCH
    Phát động phong trào thi đua năm 2025

    Ngay sau Tết Nguyên đán Ất Tỵ, các thôn ra quân lao động sản xuất.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..data import vocabulary
from ..engine import Context
from ..facts.header import extract as header
from ..facts.timeline import YearName, cycle, extract, year_name, years_named
from ..finding import Hit
from ..i18n import say
from ..rule import rule


def nearest_named(residue: int, target: int) -> int:
    """The year nearest ``target`` whose name has this residue mod 60."""
    base = target - ((target - residue) % 60)
    return min((base, base + 60), key=lambda y: abs(y - target))


@rule(
    code="D110",
    name="year-name",
    severity="warning",
    messages={
        "en": "{name} is {named}, not {year}: ({year} − {off}) mod 10 = {s} → {stem}, "
              "({year} − {off}) mod 12 = {b} → {branch}",
        "vi": "{name} là năm {named}, không phải {year}: ({year} − {off}) mod 10 = {s} → {stem}, "
              "({year} − {off}) mod 12 = {b} → {branch}",
    },
    fix={"en": "write {stem} {branch}", "vi": "sửa thành {stem} {branch}"},
)
def check(ctx: Context) -> Iterator[Hit]:
    ref = ctx.facts(header).reference_years()
    _stems, _branches, off = cycle()
    for yn in ctx.facts(extract).year_names:
        residue = years_named(yn.stem, yn.branch)
        if residue is None:
            continue
        if yn.year is not None:
            year = yn.year
            named = nearest_named(residue, year)
        else:
            if not ref or yn.historical:
                continue
            named = nearest_named(residue, sorted(ref)[len(ref) // 2])
            year = min(ref, key=lambda y: abs(y - named))
            if named not in ref and abs(year - named) > 3 and not _one_slip(yn, ref):
                continue  # history ("Tết Mậu Thân"), not this plan's year
            if yn.lunar is not None and ref & lunar_date_years(named, *yn.lunar):
                ctx.verdict("year name", yn.span, say(
                    "verdict.lunar", day=yn.lunar[0], month=yn.lunar[1], name=f"{yn.stem} {yn.branch}",
                    years="/".join(map(str, sorted(lunar_date_years(named, *yn.lunar))))), True)
                continue
            if named in ref:
                year = named
            elif abs(year - named) > 3:
                year = _one_slip(yn, ref) or year
        if named == year:
            ctx.verdict("year name", yn.span, f"{yn.stem} {yn.branch} = {named} ✓", True)
            continue
        stem, branch = year_name(year)
        ctx.verdict("year name", yn.span, f"{yn.stem} {yn.branch} = {named} ≠ {year} ✗", False)
        yield Hit(yn.span, {"name": f"{yn.stem} {yn.branch}", "named": named, "year": year, "off": off,
                            "s": (year - off) % 10, "b": (year - off) % 12, "stem": stem, "branch": branch})


def lunar_date_years(lunar_year: int, day: int, month: int) -> set[int]:
    """The Gregorian years the lunar ``day``/``month`` of ``lunar_year`` may fall in: from the
    Tết dates of ``rules/calendar.toml`` (months of 29 or 30 days, a leap month possibly before
    it), else the lunar year itself and, for the 11th and 12th months, the next one."""
    tet = vocabulary("calendar").get("tet", {})
    t0, t1 = tet.get(str(lunar_year)), tet.get(str(lunar_year + 1))
    if not isinstance(t0, date) or not isinstance(t1, date):
        return {lunar_year, lunar_year + 1} if month >= 11 else {lunar_year}
    earliest = t0 + timedelta(days=(month - 1) * 29 + day - 1)
    latest = min(t1 - timedelta(days=1), t0 + timedelta(days=month * 30 + day - 1))
    return {earliest.year, latest.year}


def _one_slip(yn: YearName, ref: set[int] | list[int]) -> int | None:
    """The plan's year whose name differs from ``yn`` in exactly one half (stem or branch), when
    ``yn`` names a Tết or a Xuân; ``None`` otherwise."""
    if not yn.festive or yn.historical:
        return None
    for y in sorted(ref):
        stem, branch = year_name(y)
        if (stem == yn.stem) != (branch == yn.branch):
            return y
    return None
