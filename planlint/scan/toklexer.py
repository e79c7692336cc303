"""The token source of the figure reader's Lark parser: typed tokens, one Lark token each.

A module of its own so that a serialized parser can refer to the class by name, and so that
the cache key of that parser covers this file's text (see ``planlint.facts.statements``).
"""

from __future__ import annotations

from typing import Any

from lark import Token
from lark.lexer import Lexer


class TokLexer(Lexer):
    """Feeds ``planlint.scan.tokens.Tok`` items to the LALR parser: a token's value is its index."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any, *args: Any) -> Any:  # data: list[Tok]
        for i, t in enumerate(data):
            yield Token(t.kind, i)
