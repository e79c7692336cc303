"""Settings: ``[tool.planlint]`` in the nearest pyproject.toml, then the command line.

::

    [tool.planlint]
    select = ["S", "N", "P"]       # codes or prefixes (default: every rule)
    ignore = ["S109"]
    fail-on = "error"              # error | warning | info (default: warning)
    lang = "vi"                    # vi | en (default: from the locale)
    show-info = false              # also run the quiet info rules (incomplete ledgers, …)
    kind = "plan"                  # plan | report | any: the kind of document (default: detected)
    time-budget = 30               # seconds per file (0: no limit); a slower file is reported (X103), the run goes on

    [tool.planlint.options]        # rule options, by the name the rule documents
    strict-signing = true
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .parsing.source import InputError

KINDS = ("plan", "report", "any")  # --kind and [tool.planlint] kind


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    lang: str = "en"
    show_info: bool = False
    kind: str = ""  # "" detect; plan | report | any (see planlint/facts/kind.py)
    options: dict[str, Any] = field(default_factory=dict)
    time_budget: float = 30.0  # seconds per file before it is reported as not fully checked (0: none)
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


class ConfigError(InputError):
    """A configuration planlint cannot use (exit code 2, one line naming file, key, expectation)."""


def _kind(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list",
             dict: "a table"}
    shown = json.dumps(value, ensure_ascii=False, default=str)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{names.get(type(value), type(value).__name__)} ({shown})"


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a table; anything unreadable is a ``ConfigError`` naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise ConfigError(f"{path}: not valid TOML: the file starts with a UTF-8 byte order mark; save it without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: not UTF-8 text (byte {exc.start})") from None
    import tomllib  # only when there is a TOML file to read (most runs have none that names planlint)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _planlint_table(path: Path, data: dict[str, Any], explicit: bool) -> dict[str, Any] | None:
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        if explicit:
            raise ConfigError(f"{path}: [tool] must be a table, found {_kind(tool)}")
        return None  # another tool's business; no [tool.planlint] here
    if "planlint" not in tool:
        return None
    table = tool["planlint"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.planlint] must be a table, found {_kind(table)}")
    return table


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has ``[tool.planlint]``.

    A pyproject.toml that cannot be read is skipped unless it mentions planlint: then it is
    meant for us and is an error (a typo must not silently turn every rule on)."""
    try:
        start = start.resolve()
    except OSError:
        return None
    for d in [start, *start.parents]:
        candidate = d / "pyproject.toml"
        try:
            if not candidate.is_file() or b"planlint" not in candidate.read_bytes():
                continue  # no [tool.planlint] in it: not parsed
        except OSError:
            continue
        try:
            data = read_toml(candidate)
        except ConfigError:
            try:
                mentions = b"planlint" in candidate.read_bytes()
            except OSError:
                mentions = False
            if mentions:
                raise
            continue
        if _planlint_table(candidate, data, explicit=False) is not None:
            return candidate
    return None


def _codes(path: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        codes = [v.strip() for v in value.split(",") if v.strip()]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        codes = [v.strip() for v in value]
    else:
        raise ConfigError(f"{path}: [tool.planlint] {key}: expected a list of rule codes, found {_kind(value)}")
    for code in codes:
        if not known_code(code):
            raise ConfigError(f"{path}: [tool.planlint] {key}: unknown rule code or prefix {code!r} "
                              "(see 'planlint rules')")
    return codes


def known_code(code: str) -> bool:
    """``code`` is ALL, a family letter, a rule code or a prefix of one."""
    from .rule import FAMILIES, known_codes

    c = code.strip().upper()
    return bool(c) and (c == "ALL" or c in FAMILIES or any(k.startswith(c) for k in known_codes()))


def _choice(path: Path, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        expected = ", ".join(f'"{c}"' for c in choices[:-1]) + f' or "{choices[-1]}"'
        raise ConfigError(f"{path}: [tool.planlint] {key}: expected {expected}, found {_kind(value)}")
    return value


def _options(path: Path, value: Any) -> dict[str, Any]:
    from .rule import all_options

    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [tool.planlint] options: expected a table, found {_kind(value)}")
    declared = all_options()
    out: dict[str, Any] = {}
    for raw_name, v in value.items():
        name = str(raw_name).replace("_", "-")
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f"{path}: [tool.planlint.options] {raw_name}: unknown rule option (known: {known})")
        r, opt = declared[name]
        checked = opt.check(v)
        if checked is None:
            raise ConfigError(f"{path}: [tool.planlint.options] {raw_name}: expected {opt.expected} "
                              f"(option of {r.code}), found {_kind(v)}")
        out[name] = checked
    return out


def load_config(pyproject: Path | None = None, start: Path | None = None) -> Config:
    cfg = Config(lang=default_lang())
    explicit = pyproject is not None
    path = pyproject or find_pyproject(start or Path.cwd())
    if path is None:
        return cfg
    table = _planlint_table(path, read_toml(path), explicit=explicit)
    cfg.path = path
    for key, value in (table or {}).items():
        k = key.replace("_", "-")
        if k == "select":
            cfg.select = _codes(path, key, value)
        elif k == "extend-select":
            cfg.extend_select = _codes(path, key, value)
        elif k == "ignore":
            cfg.ignore = _codes(path, key, value)
        elif k == "fail-on":
            cfg.fail_on = _choice(path, key, value, ("error", "warning", "info"))
        elif k == "lang":
            cfg.lang = _choice(path, key, value, ("vi", "en"))
        elif k == "show-info":
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: [tool.planlint] {key}: expected true or false, found {_kind(value)}")
            cfg.show_info = value
        elif k == "time-budget":
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"{path}: [tool.planlint] {key}: expected a number of seconds (0: no limit), "
                                  f"found {_kind(value)}")
            cfg.time_budget = float(value)
        elif k == "kind":
            cfg.kind = _choice(path, key, value, KINDS)
        elif k == "options":
            cfg.options = _options(path, value)
        else:
            raise ConfigError(f"{path}: [tool.planlint] {key}: unknown setting (known: select, extend-select, "
                              "ignore, fail-on, lang, show-info, time-budget, kind, options)")
    return cfg
