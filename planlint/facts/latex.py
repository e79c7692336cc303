"""Plain text for the LaTeX snippets drafts leave behind (``\\geq 100`` -> ``≥ 100``), and the
Unicode superscript and subscript digits."""

from __future__ import annotations

import re

_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUP_OK = re.compile(r"[0-9+\-=()n]+")
SUB_OK = re.compile(r"[0-9+\-=()]+")

LATEX_SYMBOLS = {
    "geq": "≥", "ge": "≥", "geqslant": "≥", "leq": "≤", "le": "≤", "leqslant": "≤", "neq": "≠", "ne": "≠",
    "times": "×", "div": "÷", "pm": "±", "mp": "∓", "approx": "≈", "sim": "~", "cdot": "·", "ldots": "…",
    "cdots": "…", "dots": "…", "infty": "∞", "circ": "°", "degree": "°", "rightarrow": "→", "to": "→",
    "leftarrow": "←", "Rightarrow": "⇒", "Leftrightarrow": "⇔", "leftrightarrow": "↔", "lt": "<", "gt": ">",
    "sum": "∑", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "mu": "μ", "pi": "π",
    "sigma": "σ", "percent": "%", "left": "", "right": "", "quad": " ", "qquad": " ", "displaystyle": "",
}
LATEX_WRAPPERS = ("text", "mathrm", "mathbf", "mathit", "textbf", "textit", "textrm", "emph", "mbox",
                   "operatorname", "underline")
_LATEX_ESC = {"%": "%", ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "$": "$", "&": "&", "#": "#", "_": "_"}


def superscript(s: str) -> str:
    return s.translate(_SUP) if _SUP_OK.fullmatch(s) else s


def subscript(s: str) -> str:
    return s.translate(_SUB) if SUB_OK.fullmatch(s) else s


def latex_plain(s: str) -> str:
    """Plain text for a LaTeX snippet as drafts leave it: ``\\geq 100`` -> ``≥ 100``."""
    s = re.sub(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"\1/\2", s)
    s = re.sub(r"\\sqrt\s*\{([^{}]*)\}", r"√\1", s)
    s = re.sub(r"\\(?:" + "|".join(LATEX_WRAPPERS) + r")\s*\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\^\{([^{}]*)\}|\^(\w)", lambda m: superscript(m.group(1) or m.group(2) or ""), s)
    s = re.sub(r"_\{([^{}]*)\}|_(\w)", lambda m: subscript(m.group(1) or m.group(2) or ""), s)
    s = re.sub(r"\\([A-Za-z]+)", lambda m: LATEX_SYMBOLS.get(m.group(1), m.group(1)), s)
    s = re.sub(r"\\(.)", lambda m: _LATEX_ESC.get(m.group(1), m.group(1)), s)
    s = s.replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", s).strip()
