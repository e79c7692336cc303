"""The token source of the Lark parser: pre-classified lines, one token each.

A module of its own so that a serialized parser can refer to the class by name, and so that
the cache key of that parser covers this file's text (see ``planlint.parsing.parser._lark``).
"""

from __future__ import annotations

from typing import Any

from lark import Token
from lark.lexer import Lexer


class LineLexer(Lexer):
    """Feeds pre-classified lines to the LALR parser: the value of a token is its index."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any, *args: Any) -> Any:  # data: list[Line]
        for i, line in enumerate(data):
            yield Token(line.type, i, line=line.index + 1)
