"""The ``planlint`` command: the command line (``planlint.cli.main``) with what only the
command keeps between runs: the compiled methods of planlint's dataclasses
(``planlint.code_cache``) and the tables built from the vocabularies (``planlint.table_cache``)."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from . import code_cache, table_cache

    code_cache.install()  # before the first dataclass is declared (planlint.cli imports some)
    table_cache.enable()
    try:
        from .cli import main as cli_main

        return cli_main(argv)
    finally:
        code_cache.save()
        table_cache.save()
