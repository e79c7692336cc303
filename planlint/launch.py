"""The ``planlint`` command: the command line (``planlint.cli.main``) with the saved compiled
methods of planlint's dataclasses (``planlint.code_cache``), which only the command uses."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from . import code_cache

    code_cache.install()  # before the first dataclass is declared (planlint.cli imports some)
    try:
        from .cli import main as cli_main

        return cli_main(argv)
    finally:
        code_cache.save()
