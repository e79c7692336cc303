"""Settings: ``[tool.planlint]`` in the nearest pyproject.toml, then the command line.

::

    [tool.planlint]
    select = ["S", "N", "P"]       # codes or prefixes (default: every rule)
    ignore = ["S109"]
    fail-on = "error"              # error | warning | info (default: warning)
    lang = "vi"                    # vi | en (default: from the locale)
    show-info = false              # also run the quiet info rules (incomplete ledgers, …)

    [tool.planlint.options]        # rule options, by the name the rule documents
    strict-signing = true
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .parsing.source import InputError


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    lang: str = "en"
    show_info: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None  # the pyproject.toml it came from

    def enabled(self, code: str, default_enabled: bool, severity: str) -> bool:
        def match(prefixes: list[str]) -> bool:
            return any(p.upper() == "ALL" or code.upper().startswith(p.upper()) for p in prefixes)

        explicit = any(code.upper() == p.upper() for p in self.select + self.extend_select)
        if match(self.ignore) and not explicit:
            return False
        if self.select and not match(self.select) and not match(self.extend_select):
            return False
        if not default_enabled:
            return explicit or (self.show_info and severity == "info")
        return True


def default_lang() -> str:
    for var in ("PLANLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def find_pyproject(start: Path) -> Path | None:
    start = start.resolve()
    for d in [start, *start.parents]:
        candidate = d / "pyproject.toml"
        if candidate.is_file():
            try:
                with open(candidate, "rb") as fh:
                    data = tomllib.load(fh)
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "planlint" in data.get("tool", {}):
                return candidate
    return None


def _list(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise InputError(f"[tool.planlint] {key} must be a list of codes")


def load_config(pyproject: Path | None = None, start: Path | None = None) -> Config:
    cfg = Config(lang=default_lang())
    path = pyproject or find_pyproject(start or Path.cwd())
    if path is None:
        return cfg
    try:
        with open(path, "rb") as fh:
            table = tomllib.load(fh).get("tool", {}).get("planlint", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read [tool.planlint]: {exc}") from None
    cfg.path = path
    for key, value in table.items():
        k = key.replace("_", "-")
        if k == "select":
            cfg.select = _list(value, k)
        elif k == "extend-select":
            cfg.extend_select = _list(value, k)
        elif k == "ignore":
            cfg.ignore = _list(value, k)
        elif k == "fail-on":
            if value not in ("error", "warning", "info"):
                raise InputError(f"{path}: [tool.planlint] fail-on must be error, warning or info")
            cfg.fail_on = value
        elif k == "lang":
            if value not in ("vi", "en"):
                raise InputError(f"{path}: [tool.planlint] lang must be vi or en")
            cfg.lang = value
        elif k == "show-info":
            cfg.show_info = bool(value)
        elif k == "options":
            if not isinstance(value, dict):
                raise InputError(f"{path}: [tool.planlint.options] must be a table")
            cfg.options = {str(o).replace("_", "-"): v for o, v in value.items()}
        else:
            raise InputError(f"{path}: unknown setting [tool.planlint] {key}")
    return cfg
