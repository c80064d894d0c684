"""Exceptions and the problems found in case files.

Every message about bad input is worded here, in :data:`MESSAGES`, keyed by its code, so that the wording never
drifts between the loader, the validator and the documentation (``datasets/README.md`` lists the codes).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["KyodoError", "CaseDataError", "UnknownCaseError", "Problem", "MESSAGES", "problem"]

#: Message templates keyed by problem code. ``{...}`` fields are filled by :func:`problem`.
MESSAGES: dict[str, str] = {
    "unreadable": "{what}",
    "yaml-syntax": "YAML syntax error: {what}",
    "duplicate-key": "key '{key}' appears twice in this mapping (first on line {first}); remove one",
    "bad-format": "{what}; the first line should be 'format: kyodo-case/1'",
    "missing-field": "{record} is missing '{field}'",
    "unknown-field": "unknown field '{field}' in {record}{hint}",
    "wrong-type": "'{field}' should be {expected}, not {got}",
    "bad-value": "'{field}' {what}",
    "bad-id": "id '{value}' is not an ASCII slug; use lower-case letters, digits and hyphens, e.g. '{suggestion}'",
    "duplicate-id": "id '{id}' is already used by the {kind} at {where}",
    "conflicting-actor": "actor '{id}' is described differently in {where}: {field} {ours!r} here, {theirs!r} there; "
    "make them agree or give one a different id",
    "unknown-sector": "unknown sector '{value}'{hint}",
    "unknown-type": "unknown relation type '{value}'{hint}",
    "unknown-actor": "'{value}' ({what}) is not a known actor{hint}",
    "self-relation": "relation from '{value}' to itself; a relation joins two different actors",
    "bad-year": "{what}",
    "bad-include": "{what}",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a case file, with where it is.

    ``line`` and ``col`` count from 1; they are 0 when the problem concerns the whole file.
    """

    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        where = self.path if not self.line else f"{self.path}:{self.line}:{self.col}"
        return f"{where}: {self.message} ({self.code})"


def problem(code: str, path: str | os.PathLike[str], line: int = 0, col: int = 0, **fields: object) -> Problem:
    """Make a :class:`Problem` whose message is the template for ``code`` filled with ``fields``."""
    return Problem(os.fspath(path), line, col, code, MESSAGES[code].format(**fields))


class KyodoError(Exception):
    """Base class of the errors kyodo-network raises for bad input or an impossible request."""


class CaseDataError(KyodoError, ValueError):
    """One or more case files are invalid; ``problems`` lists every problem found, sorted by place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in case data:\n" + "\n".join(map(str, self.problems)))


class UnknownCaseError(KyodoError, LookupError):
    """A case was named that is neither a bundled case id nor an existing file."""
