"""Exceptions and the problems found in case files.

A :class:`Problem` carries its code and fields, not a finished sentence: its words are looked up in the message
catalogue (:mod:`kyodo_network.catalogue.problems`, keys ``problem.<code>``) when it is shown, in Japanese or
English (:func:`kyodo_network.lang.env_lang`). Every value echoed from a file goes through :func:`shown`, so a
message is never longer than a line and never carries a newline or a terminal escape from the data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from .lang import env_lang, has_text, text

__all__ = [
    "KyodoError",
    "CaseDataError",
    "UnknownCaseError",
    "Problem",
    "Msg",
    "msg",
    "problem",
    "shown",
    "column_letter",
]

#: Values echoed in messages are cut to about this many characters.
ECHO_LIMIT = 80


def shown(value: object, limit: int = ECHO_LIMIT) -> str:
    r"""A value from a file made safe to echo: control characters, newlines and lone surrogates escaped, cut short.

    >>> shown("a\nb")
    'a\\nb'
    >>> len(shown("x" * 500))
    81
    """
    s = value if isinstance(value, str) else str(value)
    out = []
    for ch in s[: limit + 1]:
        o = ord(ch)
        if o < 0x20 or 0x7F <= o < 0xA0 or 0xD800 <= o < 0xE000 or o in (0x2028, 0x2029, 0xFEFF):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    joined = "".join(out)
    if len(s) > limit or len(joined) > limit:
        joined = joined[:limit] + "…"
    return joined


@dataclass(frozen=True)
class Msg:
    """A phrase of the catalogue with its fields, rendered in a language when shown (``code`` is a full key)."""

    code: str
    fields: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str | None = None) -> str:
        return text(self.code, env_lang(lang), **{k: _render(v, lang) for k, v in self.fields})


def msg(code: str, **fields: object) -> Msg:
    """A catalogue phrase ``problem.<code>`` with fields, for use as a field of a problem."""
    return Msg(f"problem.{code}", tuple(fields.items()))


def _render(value: object, lang: str | None) -> str:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, (tuple, list)):
        sep = ", " if env_lang(lang) == "en" else "、"
        return sep.join(_render(v, lang) for v in value)
    if isinstance(value, int):
        return str(value)
    return shown(value)


def column_letter(col: int) -> str:
    """A spreadsheet column letter for a 1-based column number.

    >>> column_letter(1), column_letter(28)
    ('A', 'AB')
    """
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case file, with where it is.

    ``line`` and ``col`` count from 1; they are 0 when the problem concerns the whole file. A problem in a
    spreadsheet has a ``sheet``, and ``line`` is then its row: it is shown as ``file.xlsx:関係!B12``.
    """

    path: str
    line: int
    col: int
    code: str
    fields: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)
    sheet: str = ""

    def where(self) -> str:
        """The place: ``file:line:col``, ``file.xlsx:sheet!B12``, or the path alone."""
        if self.sheet:
            if not self.line:
                return f"{self.path}:{self.sheet}"
            cell = f"{column_letter(self.col)}{self.line}" if self.col else f"{self.line}:{self.line}"
            return f"{self.path}:{self.sheet}!{cell}"
        return self.path if not self.line else f"{self.path}:{self.line}:{self.col}"

    def message(self, lang: str | None = None) -> str:
        """What is wrong (and how to fix it, where the catalogue says), in ``lang`` (default :func:`env_lang`)."""
        lang = env_lang(lang)
        words = text(f"problem.{self.code}", lang, **{k: _render(v, lang) for k, v in self.fields.items()})
        fix = f"problem.{self.code}.fix"
        if has_text(fix):
            words += ("; " if lang == "en" else "。") + text(fix, lang)
        return words

    def format(self, lang: str | None = None) -> str:
        """``file:line:col: message (code)`` in ``lang``."""
        return f"{self.where()}: {self.message(lang)} ({self.code})"

    def sort_key(self) -> tuple:
        return (self.path, self.sheet, self.line, self.col, self.code, self.message("en"))

    def __str__(self) -> str:
        return self.format()


def problem(
    code: str, path: str | os.PathLike[str], line: int = 0, col: int = 0, *, sheet: str = "", **fields: object
) -> Problem:
    """Make a :class:`Problem` of ``code`` at a place, with the fields its catalogue entry names."""
    return Problem(os.fspath(path), line, col, code, fields, sheet)


class KyodoError(Exception):
    """Base class of the errors kyodo-network raises for bad input or an impossible request.

    Raised with a :class:`Msg`, the error speaks the language of :func:`~kyodo_network.lang.env_lang` (or of
    ``message(lang)``); raised with a string, it says that string.
    """

    def message(self, lang: str | None = None) -> str:
        """The error in ``lang``."""
        first = self.args[0] if self.args else ""
        return first.render(lang) if isinstance(first, Msg) else str(first)

    def __str__(self) -> str:
        return self.message() if self.args and isinstance(self.args[0], Msg) else super().__str__()


class CaseDataError(KyodoError, ValueError):
    """One or more case files are invalid; ``problems`` lists every problem found, sorted by place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        #: The cases read despite the problems (with their notes: what the reader understood), when known.
        self.cases: list = []
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in case data:\n" + "\n".join(map(str, self.problems)))


class UnknownCaseError(KyodoError, LookupError):
    """A case was named that is neither a bundled case id nor an existing file."""
