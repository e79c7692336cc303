"""The figure grammar, ``grammar/figures.lark``: an LALR parser over the classes of the typed
token stream (``scan/tokens``, fed by ``scan/toklexer``). The statement, share-list and
breakdown readers of ``facts/`` all parse with this one parser."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lark import Lark


@functools.cache
def parser() -> Lark:
    """The LALR parser of ``grammar/figures.lark``, built once per machine and kept in the
    cache folder under a key made of the grammar's text, the lexer module's, lark's version and
    Python's (``cache.lalr_parser``, as for the plan parser)."""
    from ..cache import lalr_parser
    from ..data import grammar_path
    from . import toklexer

    return lalr_parser("figures", grammar_path("figures.lark").read_text(encoding="utf-8"), toklexer,
                       toklexer.TokLexer)
