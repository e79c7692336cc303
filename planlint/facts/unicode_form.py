"""Letters typed in decomposed Unicode (NFD): a base letter followed by combining tone marks.

Everything after the source stage reads the NFC text, so these letters are read correctly; the
file itself still holds them decomposed, which Word's search, sorting and some fonts treat as
different letters. This reads the original text once (a file already in NFC costs one check).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..parsing.tree import Plan, Span

# combining marks (diacritics, their extension and supplement blocks, half marks)
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@dataclass(slots=True)
class Decomposed:
    letters: list[tuple[Span, str]] = field(default_factory=list)  # (normalised span, NFC letter)

    @property
    def span(self) -> Span:
        return self.letters[0][0]


def decomposed(plan: Plan) -> Decomposed | None:
    """Every letter the file holds decomposed where NFC has one precomposed letter."""
    source = plan.source
    raw = source.raw
    if unicodedata.is_normalized("NFC", raw):
        return None
    out = Decomposed()
    text = source.text
    for m in _MARKS.finditer(raw):
        if m.start() == 0:
            continue
        start = source.text_offset(m.start() - 1)
        end = source.text_offset(m.end() - 1) + 1
        a, b = source.raw_offset(start), source.raw_offset(end)
        if a != m.start() - 1 or b != m.end() or raw[a:b] == text[start:end]:
            continue  # the marks did not compose with the letter before them (T104's business)
        out.letters.append((Span(start, end), text[start:end]))
    return out if out.letters else None
