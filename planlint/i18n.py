"""Messages in two languages, rendered in one place.

A check passes language-neutral arguments to its message: numbers and text from the document as
they are, and, for the words planlint itself adds, a :class:`Word` (a key of the glossary in
``rules/messages.toml``), a :class:`List` of values joined the way each language joins them, or a
:class:`Seq` of values written one after the other. The rule's templates (``messages=`` and
``fix=`` beside its code) and this module's :func:`render` turn them into the chosen language;
no check picks a language itself. Data that carries its own wording in both languages (a
misspelling's note in ``rules/misspellings.toml``) reaches a message as a :class:`Text`. A phrase
with values in it (a verdict of ``planlint facts``: "05/12/2026 within 2026") is a :class:`Say`
over a glossary template.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LANGS = ("vi", "en")


class MessageError(Exception):
    """A message template names an argument the rule did not give, or a term is not in the glossary."""


@functools.cache
def glossary() -> dict[str, dict[str, dict[str, str]]]:
    from .data import vocabulary

    return vocabulary("messages")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of planlint's own messages: ``Word("role.escaped")`` is "thoát nghèo" / "escaped"."""

    key: str

    def render(self, lang: str) -> str:
        table, _, name = self.key.partition(".")
        try:
            entry = glossary()[table][name]
        except KeyError:
            raise MessageError(f"no term {self.key!r} in rules/messages.toml") from None
        return str(entry.get(lang) or entry["en"])


@dataclass(frozen=True, slots=True)
class Text:
    """Wording that comes from data in both languages."""

    en: str
    vi: str

    def render(self, lang: str) -> str:
        return self.vi if lang == "vi" and self.vi else self.en


@dataclass(frozen=True, slots=True)
class Seq:
    """Values written one after the other, each rendered: ``Seq((Word("date.day"), " 5 → 05"))``."""

    parts: tuple[Any, ...]
    sep: str = ""

    def render(self, lang: str) -> str:
        return self.sep.join(render(p, lang) for p in self.parts)


@dataclass(frozen=True, slots=True)
class List:
    """Items joined as a list is in each language: "a, b and c" / "a, b và c"."""

    items: tuple[Any, ...]

    def render(self, lang: str) -> str:
        words = [render(i, lang) for i in self.items]
        if len(words) <= 1:
            return "".join(words)
        return ", ".join(words[:-1]) + f" {Word('word.and').render(lang)} " + words[-1]


@dataclass(frozen=True, slots=True)
class Say:
    """A phrase of planlint's own with values in it: a template in each language, filled with the
    values rendered in the reader's language. The templates are a glossary entry
    (``say("verdict.within", date=…, period=…)``) or a rule's message (``Context.said``)."""

    templates: Any  # a glossary key ("table.key"), or {"vi": …, "en": …}
    args: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str) -> str:
        if isinstance(self.templates, str):
            template = Word(self.templates).render(lang)
        else:
            template = self.templates.get(lang) or self.templates["en"]
        return format_message(template, dict(self.args), lang)


def say(key: str, **args: Any) -> Say:
    return Say(key, tuple(args.items()))


def seq(*parts: Any, sep: str = "") -> Seq:
    return Seq(tuple(parts), sep)


def listing(items: Iterable[Any]) -> List:
    return List(tuple(items))


def render(value: Any, lang: str) -> str:
    """A message argument in ``lang``: localisable values rendered, anything else as ``str``."""
    fn = getattr(value, "render", None)
    return fn(lang) if callable(fn) else str(value)


# Tests set this: a template that cannot be filled raises instead of printing the raw template.
STRICT = False


def format_message(template: str, args: dict[str, Any], lang: str) -> str:
    """``template`` filled with ``args`` rendered in ``lang``."""
    try:
        return template.format(**{k: render(v, lang) for k, v in args.items()})
    except (KeyError, IndexError, ValueError) as exc:
        if STRICT:
            raise MessageError(f"cannot fill {template!r}: {exc!r}") from exc
        return template
