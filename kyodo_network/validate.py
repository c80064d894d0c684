"""Checks and links that span records and files: sectors, references by id or name, shared actors.

:func:`link_case` turns what a file wrote (a sector word, an actor's name in a relation) into ids, knowing the
files it includes; :func:`check_cases` then finds duplicate ids and actors described differently in two files.
Both are called by :func:`kyodo_network.load.load_cases`; they return problems and never raise.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from .errors import Msg, Problem, msg, problem
from .model import SECTORS, Actor, Case, Origin, Participant
from .names import ActorIndex, unique_id
from .vocabulary import UNKNOWN_SECTOR, place_category
from .words import clean, key

__all__ = ["link_case", "check_cases", "label_hint", "hint_for"]

#: Fields of an actor that must agree when the same actor is described in two files. ``name_en`` is compared
#: only when both files state it; ``visibility`` always (a person private in one file is never public).
IDENTITY_FIELDS = ("name", "name_en", "sector", "visibility")

#: Fields an actor takes from its description in an included file when its own file leaves them out.
FILLED_FIELDS = (
    "name_en",
    "role",
    "role_en",
    "themes",
    "offers",
    "needs",
    "since",
    "until",
    "visibility",
    "contact",
    "ward",
    "ward_en",
    "cite",
    "note",
    "inferred",
)


def _at(origin: Origin | None, code: str, **fields: object) -> Problem:
    if origin is None:
        return problem(code, "?", **fields)
    return problem(code, origin.path, origin.line, origin.col, sheet=origin.sheet, **fields)


def _field(record: object, name: str) -> Origin | None:
    return record.field_origins.get(name, record.origin)  # type: ignore[attr-defined]


def label_hint(value: str, choices: Iterable[str], labels: dict[str, str] | None = None, *, cutoff: float = 0.6) -> str:
    """A did-you-mean in English for ``value``: a case difference, a label containing it, or a close spelling."""
    found = _closest(value, choices, labels, cutoff)
    if found is None:
        return ""
    word, label = found
    return f"; did you mean '{word}' ({label})?" if label else f"; did you mean '{word}'?"


def hint_for(
    value: str, choices: Iterable[str], meanings: Mapping[str, str] | None = None, *, cutoff: float = 0.6
) -> Msg | str:
    """A did-you-mean phrase for a problem (empty text when nothing is close).

    ``meanings`` maps a choice to what it stands for (a word to its id), shown beside the suggestion when it
    differs from the word itself.
    """
    found = _closest(value, choices, None, cutoff)
    if found is None:
        return ""
    word = found[0]
    meaning = (meanings or {}).get(word)
    if meaning and meaning != word:
        return msg("hint.did-you-mean-as", value=word, meaning=meaning)
    return msg("hint.did-you-mean", value=word)


def _closest(
    value: str, choices: Iterable[str], labels: dict[str, str] | None, cutoff: float
) -> tuple[str, str] | None:
    choices = [str(c) for c in choices]
    lowered = {c.lower(): c for c in choices}
    if value.lower() in lowered:
        return lowered[value.lower()], ""
    for cid, label in (labels or {}).items():
        if value and value in label:
            return cid, label
    close = difflib.get_close_matches(value, choices, n=1, cutoff=cutoff)
    return (close[0], "") if close else None


def link_case(case: Case, included: Sequence[Case]) -> tuple[Case, list[Problem]]:
    """Link one file's words and references to ids, given the (already linked) files it includes.

    - each actor's sector word becomes a sector id (declared sectors of the file and its includes first);
    - an actor without an id whose name is an actor of an included file *is* that actor (it takes its id and
      whatever the file leaves out); one with the same id as an included actor likewise takes what it leaves out;
    - relation ends and participants, written as an id or a name, become ids.

    Returns the linked case and the problems: unknown sectors, unknown or ambiguous actors, self-relations.
    """
    problems: list[Problem] = []
    notes: list[Problem] = []
    declared = [s for c in (case, *included) for s in c.sectors]
    theirs = ActorIndex((a.id, a.name, "") for c in included for a in c.actors)
    by_id = {a.id: a for c in included for a in c.actors}
    placed: dict[tuple[str, str, bool], list[Origin | None]] = {}
    unplaced: list[Actor] = []
    persons: list[Actor] = []

    actors = []
    for actor in case.actors:
        category = actor.category
        if actor.sector:
            sector, known = place_category(actor.sector, declared)
            if category is None and clean(actor.sector) != sector:  # kept as written; a sector's id is not a word
                category = clean(actor.sector)
            placed.setdefault((actor.sector, sector, known), []).append(_field(actor, "sector"))
        elif actor.id in by_id or "id" not in actor.field_origins and len(theirs.find(actor.name)) == 1:
            sector = ""  # an included actor: its sector comes from there
        else:
            sector = UNKNOWN_SECTOR
            unplaced.append(actor)
        ident = actor.id
        if "id" not in actor.field_origins:
            found = theirs.find(actor.name)
            if len(found) == 1:
                ident = found[0]
        other = by_id.get(ident)
        filled = {f: getattr(other, f) for f in FILLED_FIELDS if f not in actor.field_origins} if other else {}
        if not sector and other is not None:
            sector, category = other.sector, other.category
        if filled or ident != actor.id or sector != actor.sector or category != actor.category:
            actor = replace(actor, id=ident, sector=sector or UNKNOWN_SECTOR, category=category, **filled)
        if (
            actor.sector == "person"
            and actor.visibility == "public"
            and "visibility" not in actor.field_origins
            and "visibility" not in filled
        ):
            actor = replace(actor, visibility="private")  # a person is private unless the file says otherwise
            persons.append(actor)
        actors.append(actor)
    _note_sectors(notes, placed, declared, unplaced)
    if persons:
        names = [a.name for a in persons[:5]] + (["…"] if len(persons) > 5 else [])
        notes.append(_at(persons[0].origin, "note-persons-private", n=len(persons), names=tuple(names)))

    index = ActorIndex(
        [(a.id, a.name, a.name_en) for a in actors] + [(a.id, a.name, a.name_en) for c in included for a in c.actors]
    )
    taken = {a.id for a in actors} | set(by_id) | {p.id for p in case.projects}
    made: dict[str, str] = {}  # a name with no actor (its key) → the actor made for it
    matched: set[str] = set()

    def link(text: str, where: Callable[[], Origin | None], what: Callable[[], Msg]) -> str | None:
        """The id ``text`` names: exactly, or as people write names (:meth:`ActorIndex.match`, noted); a name that
        fits no actor becomes one (sector その他, noted), as Kumu does; a name that fits several is a problem."""
        found = index.find(text)
        if len(found) == 1:
            return found[0]
        if found:
            problems.append(
                _at(where(), "ambiguous-actor", value=text, what=what(), candidates=index.candidates(found))
            )
            return None
        k = key(text)
        if k in made:
            return made[k]
        found_match = index.match(text)
        if len(found_match.ids) == 1:
            ident = found_match.ids[0]
            if k not in matched:
                matched.add(k)
                notes.append(
                    _at(
                        where(),
                        "note-name-matched",
                        value=text,
                        name=index.names[ident],
                        how=msg(f"how.{found_match.how}"),
                    )
                )
            return ident
        if found_match.ids:
            problems.append(
                _at(where(), "ambiguous-actor", value=text, what=what(), candidates=index.candidates(found_match.ids))
            )
            return None
        origin = where()
        ident = unique_id(clean(text), taken)
        made[k] = ident
        new_actors.append(
            Actor(
                id=ident,
                name=clean(text),
                sector=UNKNOWN_SECTOR,
                district=case.district.id,
                cite=case.district.cite,
                origin=origin,
            )
        )
        notes.append(_at(origin, "note-actor-created", value=text))
        return ident

    new_actors: list[Actor] = []

    relations = []
    for rel in case.relations:
        source = link(rel.source, lambda: _field(rel, "from"), lambda: msg("ref.end", end="from"))
        target = link(rel.target, lambda: _field(rel, "to"), lambda: msg("ref.end", end="to"))
        if source is not None and source == target:
            problems.append(_at(_field(rel, "to"), "self-relation", value=rel.target))
        if (source or rel.source, target or rel.target) != (rel.source, rel.target):
            rel = replace(rel, source=source or rel.source, target=target or rel.target)
        if rel.held_by:  # the persons who carry the tie, written as ids or names
            held = tuple(link(h, lambda: _field(rel, "held_by"), lambda: msg("ref.held_by")) or h for h in rel.held_by)
            rel = replace(rel, held_by=tuple(dict.fromkeys(held)))
        relations.append(rel)

    projects = []
    for project in case.projects:
        origins = project.participant_origins or (project.origin,) * len(project.participants)
        parts = []
        for part, origin in zip(project.participants, origins):
            ident = link(part.id, lambda o=origin: o, lambda p=project.id: msg("ref.participant", project=p))
            parts.append(Participant(ident or part.id, part.role, part.role_en))
        projects.append(replace(project, participants=tuple(parts)))

    relations = _without_repeats(relations)
    return replace(
        case,
        actors=tuple(actors + new_actors),
        relations=tuple(relations),
        projects=tuple(projects),
        notes=case.notes + tuple(notes),
    ), problems


def _without_repeats(relations: list) -> list:
    """One tie for a pair written twice alike (a partners cell on both rows: 「A」 lists B and 「B」 lists A)."""
    from .model import RELATION_TYPES

    seen: set[tuple] = set()
    out = []
    for r in relations:
        ends = (r.source, r.target) if RELATION_TYPES[r.type].directed else tuple(sorted((r.source, r.target)))
        k = (ends, r.type, r.label, r.since, r.until, r.cite, r.note, r.weight, r.inferred, r.held_by, r.agreement)
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out


def _note_sectors(notes: list[Problem], placed: dict, declared: Sequence, unplaced: Sequence[Actor]) -> None:
    """One note per category word: the sector it was placed under and how often (its own sector names are not
    noted); one for the actors with no category."""
    sectors = {**SECTORS, **{s.id: s for s in declared}}
    for (word, sid, known), origins in placed.items():
        s = sectors.get(sid)
        if s is None:
            continue
        if not known:
            notes.append(_at(origins[0], "note-word-other", word=word, n=len(origins)))
        elif key(word) not in {key(w) for w in (s.id, s.name, s.name_en, s.label, s.label_en) if w}:
            notes.append(
                _at(
                    origins[0],
                    "note-word-placed",
                    word=word,
                    sector=msg("both", ja=s.name, en=s.name_en),
                    n=len(origins),
                )
            )
    if unplaced:
        names = [a.name for a in unplaced[:5]] + (["…"] if len(unplaced) > 5 else [])
        notes.append(_at(unplaced[0].origin, "note-no-sector", n=len(unplaced), names=tuple(names)))


def check_cases(cases: Sequence[Case]) -> list[Problem]:
    """Cross-file checks over a set of linked cases (every file once, includes among them).

    Finds duplicate ids, and actors described differently in two files (comparing only what both state).
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
                if name == "name_en" and not ("name_en" in actor.field_origins and "name_en" in other.field_origins):
                    continue
                if name == "name" and key(ours) == key(theirs):
                    continue
                if ours != theirs:
                    problems.append(
                        _at(
                            _field(actor, name),
                            "conflicting-actor",
                            id=actor.id,
                            where=str(other.origin),
                            field=name,
                            ours=ours,
                            theirs=theirs,
                        )
                    )
                    break
    for case in cases:  # after every actor is known, so the clash is found whichever file comes first
        for project in case.projects:
            clash = first_actor.get(project.id)
            if clash is not None and clash.origin.path != project.origin.path:
                problems.append(
                    _at(
                        _field(project, "id"),
                        "duplicate-id",
                        id=project.id,
                        kind=msg("noun.actor"),
                        where=str(clash.origin),
                    )
                )
            elif project.id in first_project:
                problems.append(
                    _at(
                        _field(project, "id"),
                        "duplicate-id",
                        id=project.id,
                        kind=msg("noun.project"),
                        where=str(first_project[project.id]),
                    )
                )
            else:
                first_project[project.id] = project.origin
    return problems
