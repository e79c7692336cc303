"""Legacy Vietnamese font encodings read as Latin-1: the TCVN3 (ABC) and VNI-Windows tables and
their decoders, the bytes that give such text away, and the letters a PDF extraction writes for
others. The tables are data: ``rules/encodings.toml``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data import vocabulary


@dataclass(frozen=True, slots=True)
class Encodings:
    tcvn3: dict[str, str]  # byte as it shows -> the letter it stands for
    tcvn3_symbols: frozenset[str]  # bytes that give TCVN3 text away
    foreign_letters: frozenset[str]  # Latin-1 letters Vietnamese never uses
    mid_word_capitals: str  # upper-case bytes TCVN3 writes for lower-case letters
    vni: dict[str, str]  # typed sequence (both cases) -> the letter
    vni_pattern: re.Pattern[str]  # any VNI sequence, the longest first
    vni_tell_tales: frozenset[str]  # letters only VNI text holds (both cases)
    pdf_letters: tuple[tuple[str, str], ...]  # (as extracted, the letter)
    rhyme_found: str  # a rhyme Vietnamese does not have ("ơng") ...
    rhyme_reads: str  # ... printed for this one ("ông")
    rhyme_unless_after: str  # the letter before it that makes it a true rhyme ("ư": "trương")


@functools.cache
def tables() -> Encodings:
    data = vocabulary("encodings")
    vni: dict[str, str] = {}
    for typed, letter in data["vni"]["letters"]:
        vni[typed] = letter
        vni[typed.upper()] = letter.upper()
    tells = data["vni"]["tell_tales"]
    rhyme = data["pdf"]["impossible_rhyme"]
    return Encodings(
        tcvn3={b: v for b, v in data["tcvn3"]["letters"]},
        tcvn3_symbols=frozenset(data["tcvn3"]["symbols"]),
        foreign_letters=frozenset(data["latin1"]["foreign_letters"]),
        mid_word_capitals=data["latin1"]["mid_word_capitals"],
        vni=vni,
        vni_pattern=re.compile("|".join(re.escape(k) for k in sorted(vni, key=len, reverse=True))),
        vni_tell_tales=frozenset(tells + tells.upper()),
        pdf_letters=tuple((a, b) for a, b in data["pdf"]["letters"]),
        rhyme_found=rhyme["found"], rhyme_reads=rhyme["reads"], rhyme_unless_after=rhyme["unless_after"],
    )


def vni_decode(s: str) -> str:
    """VNI-Windows text read as Latin-1 -> Unicode (``Coäng hoøa`` -> ``Cộng hòa``)."""
    t = tables()
    return t.vni_pattern.sub(lambda m: t.vni[m.group()], s)


def tcvn3_decode(s: str) -> str:
    table = tables().tcvn3
    out = []
    for w in re.split(r"(\s+)", s):
        dec = "".join(table.get(c, c) for c in w)
        letters = [c for c in w if c.isascii() and c.isalpha()]
        out.append(dec.upper() if len(letters) > 1 and all(c.isupper() for c in letters) else dec)
    return "".join(out)
