"""A saved Lark LALR parser that loads in a few milliseconds: rows of its table read on demand.

``Lark.save``/``Lark.load`` rebuild every object of a parser through Lark's generic
serializer: for ``grammar/figures.lark`` (about 800 rules, 1,700 states) that was ~30 ms of a
~250 ms cold start, every run, although a plan visits a few hundred of the states. Here the
built parser is kept as one pickle of its own objects (options, rules, terminals; ``pickle``
rebuilds them in C) and its parse table as one marshalled row per state, decoded the first time
the parser is in that state; the tree-building callback of a rule is likewise made the first
time the rule is reduced (Lark's own ``ParseTreeBuilder``, one rule at a time). The parser
that results is Lark's: the same ``Lark``, ``ParsingFrontend``, ``LALR_Parser`` and parse
table classes, the same actions and the same trees (tested against a freshly built parser).

``dump`` returns ``None`` when a parser cannot be kept this way (a Lark whose internals
differ); ``planlint.cache.lalr_parser`` then keeps Lark's own format.
"""

from __future__ import annotations

import io
import marshal
import pickle
import re
from typing import Any

MAGIC = b"planlint-lalr-1\n"  # the first bytes of a file in this format


def _persistent(obj: Any) -> str | None:
    from lark.parsers.lalr_analysis import Reduce, Shift

    if obj is Shift:
        return "shift"
    if obj is Reduce:
        return "reduce"
    if obj is re:
        return "re"
    return None


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj: Any) -> str | None:
        return _persistent(obj)


class _Unpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        from lark.parsers.lalr_analysis import Reduce, Shift

        return {"shift": Shift, "reduce": Reduce, "re": re}[pid]


def dump(parser: Any) -> bytes | None:
    """A built ``Lark`` LALR parser as bytes for ``load``; ``None`` if it cannot be."""
    from lark.parsers.lalr_analysis import Reduce, Shift

    try:
        table = parser.parser.parser._parse_table
        conf = parser.lexer_conf
        if conf.postlex is not None or conf.callbacks or parser.options.transformer is not None:
            return None
        rule_index = {id(r): i for i, r in enumerate(parser.rules)}
        rows = {}
        for state, actions in table.states.items():
            row = {}
            for token, (action, arg) in actions.items():
                if action is Shift:
                    row[token] = arg
                elif action is Reduce:
                    row[token] = -1 - rule_index[id(arg)]
                else:
                    return None
            rows[state] = marshal.dumps(row)
        buf = io.BytesIO(MAGIC)
        buf.seek(len(MAGIC))
        _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(
            (parser.options, parser.rules, conf, parser.parser.parser_conf.parser_type, rows, table.start_states,
             table.end_states))
        return buf.getvalue()
    except Exception:  # noqa: BLE001 - another Lark: keep its own format
        return None


class _Rows(dict):
    """The parse table's states: a state's row of actions is decoded on first use."""

    def __init__(self, rows: dict[int, bytes], rules: list[Any]) -> None:
        super().__init__()
        self._rows = rows
        self._rules = rules

    def __missing__(self, state: int) -> dict[str, tuple[Any, Any]]:
        from lark.parsers.lalr_analysis import Reduce, Shift

        rules = self._rules
        row = {token: (Shift, arg) if arg >= 0 else (Reduce, rules[-1 - arg])
               for token, arg in marshal.loads(self._rows[state]).items()}
        self[state] = row
        return row


class _Callbacks(dict):
    """The tree-building callback of each rule, made on its first reduction (Lark's
    ``ParseTreeBuilder`` for that one rule, with the parser's options)."""

    def __init__(self, options: Any) -> None:
        super().__init__()
        self._options = options

    def __bool__(self) -> bool:  # the parser builds trees only when it has callbacks
        return True

    def __missing__(self, rule: Any) -> Any:
        from lark import Tree
        from lark.parse_tree_builder import ParseTreeBuilder

        o = self._options
        if not hasattr(rule, "origin"):  # a terminal's name: no callback
            raise KeyError(rule)
        builder = ParseTreeBuilder([rule], o.tree_class or Tree, o.propagate_positions, False, o.maybe_placeholders)
        callback = builder.create_callback(None)[rule]
        self[rule] = callback
        return callback


def load(data: bytes) -> Any:
    """The ``Lark`` parser ``dump`` saved; raises ``ValueError`` if ``data`` is not one."""
    from lark import Lark
    from lark.common import ParserConf
    from lark.parser_frontends import ParsingFrontend
    from lark.parsers.lalr_analysis import IntParseTable
    from lark.parsers.lalr_parser import LALR_Parser, _Parser

    if not data.startswith(MAGIC):
        raise ValueError("not a parser saved by planlint.lalr_cache")
    stream = io.BytesIO(data)
    stream.seek(len(MAGIC))
    options, rules, conf, parser_type, rows, start_states, end_states = _Unpickler(stream).load()
    inst = Lark.__new__(Lark)
    inst.options = options
    inst.rules = rules
    inst.source_path = "<deserialized>"
    conf.callbacks = {}
    conf.postlex = None
    inst.lexer_conf = conf
    inst.terminals = conf.terminals
    inst._terminals_dict = {t.name: t for t in conf.terminals}
    callbacks = _Callbacks(options)
    inst._callbacks = callbacks
    table = IntParseTable(_Rows(rows, rules), start_states, end_states)
    lalr = LALR_Parser.__new__(LALR_Parser)
    lalr._parse_table = table  # type: ignore[assignment]
    lalr.parser = _Parser(table, callbacks, options.debug)
    parser_conf = ParserConf(rules, callbacks, options.start)
    parser_conf.parser_type = parser_type
    inst.parser = ParsingFrontend(conf, parser_conf, options, parser=lalr)
    return inst
