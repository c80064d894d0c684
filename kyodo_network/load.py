"""Read case files (``kyodo-case/1`` YAML) into :class:`~kyodo_network.model.Case` records.

Reading never stops at the first mistake: every problem in every file is collected, then one
:class:`~kyodo_network.errors.CaseDataError` is raised listing them all with file, line and column.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ._inputs import remember_input
from .errors import CaseDataError, Problem, UnknownCaseError, problem
from .model import FORMAT, RELATION_TYPES, VISIBILITIES, Actor, Case, District, Origin, Participant, Project, Relation, Sector
from .validate import label_hint
from ._yaml import YList, YMap, load_yaml

__all__ = ["load_cases", "bundled_cases", "district_cases", "NOT_DISTRICTS", "bundled_dir", "resolve_case", "MAX_FILE_BYTES"]

#: Case files larger than this are refused (a real district file is a few tens of kilobytes).
MAX_FILE_BYTES = 5 * 1024 * 1024

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
ERAS = {"平成": 1988, "h": 1988, "令和": 2018, "r": 2018, "昭和": 1925, "s": 1925}
ERA_YEAR = re.compile(r"^(平成|令和|昭和|[HhRrSs])\s*(\d{1,2}|元)\s*(年度?)?$")

# Field tables: name -> (kind, required). Kinds: text, slug, year, bool, texts, weight, visibility, colour, any.
DISTRICT_FIELDS = {
    "id": ("slug", True), "name": ("text", True), "name_en": ("text", True), "ward": ("text", True),
    "ward_en": ("text", True), "city": ("text", True), "summary": ("text", False), "cite": ("text", True),
}
ACTOR_FIELDS = {
    "id": ("slug", True), "name": ("text", True), "name_en": ("text", True), "sector": ("slug", True),
    "role": ("text", False), "role_en": ("text", False), "themes": ("texts", False), "offers": ("texts", False),
    "needs": ("texts", False), "since": ("year", False), "until": ("year", False),
    "visibility": ("visibility", False), "contact": ("text", False), "ward": ("text", False),
    "ward_en": ("text", False), "cite": ("text", True), "inferred": ("bool", False), "note": ("text", False),
}
RELATION_FIELDS = {
    "from": ("slug", True), "to": ("slug", True), "type": ("text", True), "since": ("year", False),
    "until": ("year", False), "weight": ("weight", False), "cite": ("text", True), "inferred": ("bool", False),
    "note": ("text", False),
}
PROJECT_FIELDS = {
    "id": ("slug", True), "name": ("text", True), "name_en": ("text", True), "since": ("year", False),
    "until": ("year", False), "participants": ("any", True), "themes": ("texts", False), "cite": ("text", True),
    "inferred": ("bool", False), "note": ("text", False),
}
PARTICIPANT_FIELDS = {"id": ("slug", True), "role": ("text", False), "role_en": ("text", False)}
SECTOR_FIELDS = {
    "id": ("slug", True), "name": ("text", True), "name_en": ("text", True), "colour": ("colour", True),
}
SOURCE_FIELDS = {
    "title": ("text", False), "title_en": ("text", False), "publisher": ("text", False),
    "date": ("text", False), "url": ("text", False),
}
TOP_FIELDS = ("format", "source", "district", "include", "sectors", "actors", "relations", "projects")


def bundled_dir() -> Path:
    """The folder of bundled case files (inside the installed package, or ``datasets/`` in a checkout)."""
    here = Path(__file__).resolve().parent
    inside = here / "datasets"
    return inside if inside.is_dir() else here.parent / "datasets"


def bundled_cases() -> dict[str, Path]:
    """Bundled case ids mapped to their files, sorted by id."""
    return {p.stem: p for p in sorted(bundled_dir().glob("*.yaml"))}


#: Bundled cases left out when no CASE is given: ``yokohama-city`` is the city's directory of support centres
#: (28 bodies, 5 ties), a list rather than a district's network; name it to use it.
NOT_DISTRICTS = ("yokohama-city",)


def district_cases() -> list[str]:
    """The bundled case ids that every command uses when no CASE is given: the districts, not the city directory.

    >>> "yokohama-city" in district_cases(), "nippa" in district_cases()
    (False, True)
    """
    return [c for c in bundled_cases() if c not in NOT_DISTRICTS]


def resolve_case(name: str | os.PathLike[str], *, relative_to: Path | None = None) -> Path:
    """Find a case file from a path or a bundled case id.

    An existing file wins; otherwise ``name`` is looked up among the bundled ids. A relative ``name`` is taken
    relative to ``relative_to`` when given (the folder of the file that includes it), else to the working folder.

    Raises
    ------
    UnknownCaseError
        If ``name`` is neither a file nor a bundled id.
    """
    path = Path(name)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path  # an include is relative to its file, never to the working folder
    if path.is_file():
        return path
    bundled = bundled_cases()
    if str(name) in bundled:
        return bundled[str(name)]
    if path.exists():
        msg = f"'{name}' is not a file"
        raise UnknownCaseError(msg)
    close = difflib.get_close_matches(str(name), bundled, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; bundled cases: {', '.join(bundled)}"
    msg = f"no case file or bundled case named '{name}'{hint}"
    raise UnknownCaseError(msg)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a case file as UTF-8 text, refusing binary, oversized and undecodable files kindly."""
    p = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            what = f"file is {size / 2**20:.1f} MB; case files are limited to {MAX_FILE_BYTES // 2**20} MB"
            return None, [problem("unreadable", p, what=what)]
        raw = path.read_bytes()
    except OSError as err:
        return None, [problem("unreadable", p, what=f"cannot read the file: {err.strerror or err}")]
    if b"\x00" in raw[:8192]:
        return None, [problem("unreadable", p, what="this is a binary file, not a YAML case file")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        what = "the file is not UTF-8 text (saved as Shift_JIS?); save it as UTF-8"
        return None, [problem("unreadable", p, line, 1, what=what)]
    return text, []


class _Parser:
    """Turns the located YAML of one file into model records, collecting problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.ids: dict[str, tuple[str, int]] = {}

    def claim(self, ident: str, kind: str, data: YMap) -> bool:
        """Register an actor or project id; report and refuse an id already used in this file."""
        if ident in self.ids:
            other_kind, line = self.ids[ident]
            self.add("duplicate-id", data.value_pos["id"], id=ident, kind=other_kind, where=f"line {line}")
            return False
        self.ids[ident] = (kind, data.pos[0])
        return True

    def add(self, code: str, pos: tuple[int, int], **fields: Any) -> None:
        self.problems.append(problem(code, self.path, pos[0], pos[1], **fields))

    def origin(self, pos: tuple[int, int]) -> Origin:
        return Origin(self.path, pos[0], pos[1])

    def record(self, data: Any, fields: dict, what: str, pos: tuple[int, int]) -> dict | None:
        """Check one mapping against a field table; return clean values, or None if unusable."""
        if not isinstance(data, YMap):
            self.add("wrong-type", pos, field=what, expected="a mapping of fields", got=_kind(data))
            return None
        label = what
        if isinstance(data.get("id"), str):
            label = f"{what} '{data['id']}'"
        out: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(key, str) and key.startswith(("x-", "x_")):
                continue
            if key not in fields:
                hint = label_hint(str(key), fields)
                self.add("unknown-field", data.key_pos[key], field=key, record=label, hint=hint)
                continue
            kind, _ = fields[key]
            clean = self.value(key, value, kind, data.value_pos[key])
            if clean is not None:
                out[key] = clean
        for key, (_, required) in fields.items():
            if required and data.get(key) in (None, "", []):
                self.add("missing-field", data.pos, record=label, field=key)
        return out

    def value(self, key: str, value: Any, kind: str, pos: tuple[int, int]) -> Any:
        if value is None:
            return None
        if kind in ("text", "slug", "colour"):
            if isinstance(value, date) and key == "date":
                return value.isoformat()
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                self.add("wrong-type", pos, field=key, expected="text", got=_kind(value))
                return None
            text = str(value).strip()
            if kind == "slug" and key == "id" and not SLUG.match(text):
                self.add("bad-id", pos, value=text, suggestion=_slugify(text))
                return None
            if kind == "colour" and not COLOUR.match(text):
                self.add("bad-value", pos, field=key, what=f"'{text}' is not a colour like '#1f78b4'")
                return None
            return text
        if kind == "texts":
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return (str(value),)
            if not isinstance(value, list) or any(isinstance(v, (list, dict, bool)) or v is None for v in value):
                self.add("wrong-type", pos, field=key, expected="a list of text like [子育て, 居場所]", got=_kind(value))
                return None
            return tuple(str(v) for v in value)
        if kind == "year":
            return self.year(key, value, pos)
        if kind == "bool":
            if not isinstance(value, bool):
                self.add("wrong-type", pos, field=key, expected="true or false", got=_kind(value))
                return None
            return value
        if kind == "weight":
            if isinstance(value, bool) or not isinstance(value, int):
                self.add("wrong-type", pos, field=key, expected="a whole number 1, 2 or 3", got=_kind(value))
                return None
            if value not in (1, 2, 3):
                self.add("bad-value", pos, field=key, what=f"is {value}; use 1 (weak), 2 (ordinary) or 3 (strong)")
                return None
            return value
        if kind == "visibility":
            if value not in VISIBILITIES:
                hint = label_hint(str(value), VISIBILITIES)
                self.add("bad-value", pos, field=key, what=f"is '{value}'; use public, internal or private{hint}")
                return None
            return value
        return value

    def year(self, key: str, value: Any, pos: tuple[int, int]) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            if 1800 <= value <= 2200:
                return value
            self.add("bad-year", pos, what=f"'{key}' is {value}, which is not a Western year such as 2005")
            return None
        if isinstance(value, str):
            text = value.strip()
            if text.isdigit() and 1800 <= int(text) <= 2200:
                return int(text)
            m = ERA_YEAR.match(text)
            if m:
                era = ERAS[m.group(1).lower() if len(m.group(1)) == 1 else m.group(1)]
                n = 1 if m.group(2) == "元" else int(m.group(2))
                what = f"'{key}' is '{value}'; write the Western year {era + n}"
                self.add("bad-year", pos, what=what)
                return None
            m = re.match(r"^(\d{4})\s*年度?$", text)
            if m:
                self.add("bad-year", pos, what=f"'{key}' is '{value}'; write just {m.group(1)}")
                return None
        if isinstance(value, date):
            self.add("bad-year", pos, what=f"'{key}' is a date; write just the year, {value.year}")
            return None
        self.add("bad-year", pos, what=f"'{key}' is {value!r}, which is not a year; write a Western year such as 2005")
        return None

    def origins(self, data: YMap) -> dict[str, Origin]:
        return {k: self.origin(v) for k, v in data.value_pos.items() if isinstance(k, str)}

    def span(self, rec: dict, pos: tuple[int, int], data: YMap) -> None:
        since, until = rec.get("since"), rec.get("until")
        if since is not None and until is not None and until < since:
            where = data.value_pos.get("until", pos)
            self.add("bad-year", where, what=f"'until' ({until}) is before 'since' ({since})")

    def items(self, data: YMap, key: str) -> list[tuple[Any, tuple[int, int]]]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, YList):
            self.add("wrong-type", data.value_pos[key], field=key, expected="a list (lines starting with '- ')",
                     got=_kind(value))
            return []
        return list(zip(value, value.item_pos))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    return f"'{value}'"


def _slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "my-actor"


def parse_case(text: str, path: str) -> tuple[Case | None, list[tuple[str, tuple[int, int]]], list[Problem]]:
    """Parse one file's text.

    Returns the case (None if unusable), its raw ``include`` entries with their ``(line, col)``, and problems.
    """
    data, problems = load_yaml(text, path)
    p = _Parser(path)
    p.problems.extend(problems)
    if data is None and not problems:
        p.add("bad-format", (1, 1), what="the file is empty")
    if data is None:
        return None, [], p.problems
    if not isinstance(data, YMap):
        p.add("bad-format", (1, 1), what=f"the file holds {_kind(data)}, not a case")
        return None, [], p.problems
    fmt = data.get("format")
    if fmt != FORMAT:
        pos = data.value_pos.get("format", data.pos)
        what = "'format' is missing" if fmt is None else f"format '{fmt}' is not supported (this version reads {FORMAT})"
        p.add("bad-format", pos, what=what)
        if fmt is not None:
            return None, [], p.problems
    for key in data:
        if key not in TOP_FIELDS and not str(key).startswith(("x-", "x_")):
            p.add("unknown-field", data.key_pos[key], field=key, record="the file", hint=label_hint(str(key), TOP_FIELDS))

    source = p.record(data["source"], SOURCE_FIELDS, "source", data.value_pos["source"]) if "source" in data else {}
    district = None
    if "district" not in data:
        p.add("missing-field", data.pos, record="the file", field="district")
    else:
        rec = p.record(data["district"], DISTRICT_FIELDS, "district", data.value_pos["district"])
        if rec is not None and all(rec.get(k) for k, (_, req) in DISTRICT_FIELDS.items() if req):
            district = District(origin=p.origin(data["district"].pos), **rec)

    includes: list[tuple[str, tuple[int, int]]] = []
    for value, pos in p.items(data, "include"):
        if isinstance(value, str) and value.strip():
            includes.append((value.strip(), pos))
        else:
            p.add("wrong-type", pos, field="include", expected="a case id or a file path", got=_kind(value))

    sectors = []
    for value, pos in p.items(data, "sectors"):
        rec = p.record(value, SECTOR_FIELDS, "sector", pos)
        if rec is not None and len(rec) == len(SECTOR_FIELDS):
            sectors.append(Sector(**rec))

    district_id = district.id if district else None
    actors = []
    for value, pos in p.items(data, "actors"):
        rec = p.record(value, ACTOR_FIELDS, "actor", pos)
        if rec is None:
            continue
        p.span(rec, pos, value)
        if rec.get("id") and p.claim(rec["id"], "actor", value):
            rec = {k: rec.get(k, "") for k, (_, req) in ACTOR_FIELDS.items() if req} | rec
            actors.append(Actor(district=district_id, origin=p.origin(pos), field_origins=p.origins(value), **rec))

    relations = []
    for value, pos in p.items(data, "relations"):
        rec = p.record(value, RELATION_FIELDS, "relation", pos)
        if rec is None:
            continue
        p.span(rec, pos, value)
        rtype = rec.get("type")
        if rtype is not None and rtype not in RELATION_TYPES:
            labels = {t.id: t.name for t in RELATION_TYPES.values()}
            p.add("unknown-type", value.value_pos["type"], value=rtype, hint=label_hint(rtype, RELATION_TYPES, labels))
        if rec.get("from") and rec.get("from") == rec.get("to"):
            p.add("self-relation", value.value_pos["to"], value=rec["from"])
        if rec.get("from") and rec.get("to"):
            rec = {k: rec.get(k, "") for k, (_, req) in RELATION_FIELDS.items() if req} | rec
            rec["source"], rec["target"] = rec.pop("from"), rec.pop("to")
            relations.append(Relation(origin=p.origin(pos), field_origins=p.origins(value), **rec))

    projects = []
    for value, pos in p.items(data, "projects"):
        rec = p.record(value, PROJECT_FIELDS, "project", pos)
        if rec is None:
            continue
        p.span(rec, pos, value)
        parts = []
        if "participants" in rec:
            if not isinstance(rec["participants"], YList):
                p.add("wrong-type", value.value_pos["participants"], field="participants",
                      expected="a list of actor ids", got=_kind(rec["participants"]))
            else:
                for item, ipos in zip(rec["participants"], rec["participants"].item_pos):
                    if isinstance(item, str):
                        parts.append((Participant(item.strip()), ipos))
                    else:
                        prec = p.record(item, PARTICIPANT_FIELDS, "participant", ipos)
                        if prec and prec.get("id"):
                            parts.append((Participant(**prec), ipos))
        rec["participants"] = tuple(part for part, _ in parts)
        if rec.get("id") and p.claim(rec["id"], "project", value):
            rec = {k: rec.get(k, "") for k, (_, req) in PROJECT_FIELDS.items() if req} | rec
            origins = tuple(p.origin(ipos) for _, ipos in parts)
            projects.append(Project(district=district_id, origin=p.origin(pos), participant_origins=origins,
                                    field_origins=p.origins(value), **rec))

    if district is None:
        return None, includes, p.problems
    case = Case(path=path, district=district, actors=tuple(actors), relations=tuple(relations),
                projects=tuple(projects), sectors=tuple(sectors), source=source or {})
    return case, includes, p.problems


def load_cases(names: Iterable[str | os.PathLike[str]] = ()) -> list[Case]:
    """Load case files by path or bundled id, with their includes, and check them all.

    Parameters
    ----------
    names
        Paths to case files, or ids of bundled cases (see :func:`bundled_cases`). Empty means every bundled case.

    Returns
    -------
    list of Case
        The named cases, in the order given; each carries its included cases in ``includes``.

    Raises
    ------
    UnknownCaseError
        If a name is neither a file nor a bundled id.
    CaseDataError
        Listing every problem in every file (syntax, fields, references, conflicts between files).

    Examples
    --------
    >>> cases = load_cases(["dream-heights"])
    >>> cases[0].district.ward
    '戸塚区'
    """
    from .validate import check_cases

    names = list(names) or list(bundled_cases().values())
    paths = [resolve_case(n) for n in names]
    loaded: dict[Path, Case | None] = {}
    include_of: dict[Path, list[Path]] = {}
    order: list[Path] = []  # included files before the files that include them
    problems: list[Problem] = []

    def visit(path: Path) -> None:
        key = path.resolve()
        if key in loaded:
            return
        loaded[key] = None
        remember_input(path)
        text, read_problems = read_text(path)
        problems.extend(read_problems)
        if text is None:
            return
        case, includes, parse_problems = parse_case(text, _display(path))
        problems.extend(parse_problems)
        targets = []
        for inc, pos in includes:
            try:
                target = resolve_case(inc, relative_to=path.parent)
            except UnknownCaseError as err:
                problems.append(problem("bad-include", _display(path), *pos, what=str(err)))
                continue
            if target.resolve() == key:
                problems.append(problem("bad-include", _display(path), *pos,
                                        what=f"the file includes itself ('{inc}')"))
                continue
            targets.append(target.resolve())
            visit(target)
        include_of[key] = targets
        loaded[key] = case
        order.append(key)

    for path in paths:
        visit(path)

    def with_includes(key: Path, seen: frozenset[Path] = frozenset()) -> Case | None:
        case = loaded.get(key)
        if case is None:
            return None
        incs = tuple(c for t in include_of.get(key, []) if t not in seen
                     for c in [with_includes(t, seen | {key})] if c is not None)
        return Case(path=case.path, district=case.district, actors=case.actors, relations=case.relations,
                    projects=case.projects, sectors=case.sectors, includes=incs, source=case.source)

    # Included files are checked first, so a file that redefines an included actor differently gets the problem.
    everything = [c for c in (with_includes(k) for k in order) if c is not None]
    problems.extend(check_cases(everything))
    if problems:
        raise CaseDataError(problems)
    by_key = {Path(c.path).resolve(): c for c in everything}
    return [by_key[p.resolve()] for p in paths]


def _display(path: Path) -> str:
    """A path as the user will recognise it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)

