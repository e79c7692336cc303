"""Names vulture cannot see used: called by Python, argparse, Lark or signal, or read by the tests.

``make lint`` runs ``vulture planlint vulture_whitelist.py --min-confidence 60``; a name belongs
here only with the reason it is alive.
"""

# module __getattr__: planlint.parse / planlint.lint are imported lazily (PEP 562)
__getattr__  # noqa: B018
# argparse.ArgumentParser.error, overridden to exit 2 with one line
error  # noqa: B018
# signal handler parameters (engine's time budget) and Lark's lexer constructor parameter
signum  # noqa: B018
frame  # noqa: B018
lexer_conf  # noqa: B018
# attributes of a Lark object that lalr_cache.load sets as Lark.__init__ does (Lark's methods read them)
_terminals_dict  # noqa: B018
_callbacks  # noqa: B018
source_path  # noqa: B018
# pickle calls them (lalr_cache): Pickler.persistent_id when writing, Unpickler.persistent_load when reading
persistent_load  # noqa: B018
persistent_id  # noqa: B018
