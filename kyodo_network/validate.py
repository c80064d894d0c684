"""Checks that span records and files: ids, sectors, references, and actors shared between files.

:func:`check_cases` is called by :func:`kyodo_network.load.load_cases`; it returns problems and never raises.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from .errors import Problem, problem
from .model import SECTORS, Actor, Case, Origin

__all__ = ["check_cases", "label_hint"]

#: Fields of an actor that must agree when the same id is defined in two files.
IDENTITY_FIELDS = ("name", "name_en", "sector", "visibility")


def _at(origin: Origin | None, code: str, **fields: object) -> Problem:
    if origin is None:
        return problem(code, "?", **fields)
    return problem(code, origin.path, origin.line, origin.col, **fields)


def _field(record: object, name: str) -> Origin | None:
    return record.field_origins.get(name, record.origin)  # type: ignore[attr-defined]


def label_hint(value: str, choices: Iterable[str], labels: dict[str, str] | None = None, *, cutoff: float = 0.6) -> str:
    """A did-you-mean for ``value``: a case difference, a Japanese label containing it, or a close spelling."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if value.lower() in lowered:
        return f"; did you mean '{lowered[value.lower()]}'?"
    for cid, label in (labels or {}).items():
        if value and value in label:
            return f"; did you mean '{cid}' ({label})?"
    close = difflib.get_close_matches(value, choices, n=1, cutoff=cutoff)
    return f"; did you mean '{close[0]}'?" if close else ""


def check_cases(cases: Sequence[Case]) -> list[Problem]:
    """Cross-record checks over a set of loaded cases (every file once, includes among them).

    Finds duplicate ids, actors described differently in two files, unknown sectors, and relations or
    participants that name an actor no reachable file defines.
    """
    problems: list[Problem] = []
    first_actor: dict[str, Actor] = {}
    first_project: dict[str, Origin | None] = {}

    for case in cases:
        for actor in case.actors:
            other = first_actor.get(actor.id)
            if other is None:
                first_actor[actor.id] = actor
                continue
            for name in IDENTITY_FIELDS:
                ours, theirs = getattr(actor, name), getattr(other, name)
                if ours != theirs:
                    problems.append(_at(_field(actor, name), "conflicting-actor", id=actor.id, where=str(other.origin),
                                        field=name, ours=ours, theirs=theirs))
                    break
    for case in cases:  # after every actor is known, so the clash is found whichever file comes first
        for project in case.projects:
            clash = first_actor.get(project.id)
            if clash is not None and clash.origin.path != project.origin.path:
                problems.append(_at(_field(project, "id"), "duplicate-id", id=project.id, kind="actor",
                                    where=str(clash.origin)))
            elif project.id in first_project:
                problems.append(_at(_field(project, "id"), "duplicate-id", id=project.id, kind="project",
                                    where=str(first_project[project.id])))
            else:
                first_project[project.id] = project.origin

    for case in cases:
        reach = case.reachable()
        sectors = dict(SECTORS)
        for c in reach:
            sectors.update({s.id: s for s in c.sectors})
        labels = {sid: s.name for sid, s in sectors.items()}
        for actor in case.actors:
            if actor.sector and actor.sector not in sectors:
                problems.append(_at(_field(actor, "sector"), "unknown-sector", value=actor.sector,
                                    hint=label_hint(actor.sector, sectors, labels)))
        known = {a.id for c in reach for a in c.actors}
        for rel in case.relations:
            for end, key in ((rel.source, "from"), (rel.target, "to")):
                if end not in known:
                    problems.append(_at(_field(rel, key), "unknown-actor", what=f"relation '{key}'", value=end,
                                        hint=label_hint(end, known)))
        for project in case.projects:
            origins = project.participant_origins or (project.origin,) * len(project.participants)
            for part, origin in zip(project.participants, origins):
                if part.id not in known:
                    problems.append(_at(origin, "unknown-actor", what=f"participant of '{project.id}'", value=part.id,
                                        hint=label_hint(part.id, known)))
    return problems
