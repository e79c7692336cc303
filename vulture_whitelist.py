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
