"""Read case files (``kyodo-case/1`` YAML, or a spreadsheet) into :class:`~kyodo_network.model.Case` records.

Reading never stops at the first mistake: every problem in every file is collected, then one
:class:`~kyodo_network.errors.CaseDataError` is raised listing them all with file, line and column (or sheet
and cell). A file asks only what a coordinator knows: names and sectors of actors, the two ends and the kind of
each relation, the name and participants of each project. Ids, English names and citations are optional;
references may use names; sectors, relation types and years may be written in everyday Japanese
(:mod:`kyodo_network.words`).
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ._cache import remembered
from ._inputs import remember_input
from .errors import CaseDataError, Msg, Problem, UnknownCaseError, msg, problem
from .lang import has_text
from .model import FORMAT, Actor, Case, District, Origin, Participant, Project, Relation, Sector, place
from .validate import hint_for
from .casefile import fields
from .casefile.fields import loader_fields, yaml_aliases
from .casefile.reviews import link_reviews, parse_agreement, parse_reviews
from .vocabulary import UNKNOWN_TYPE, place_relation
from .dates import year_of
from .names import unique_id
from .words import clean, key, plain_digits
from .casefile.yaml import INVALID, YList, YMap, keyboard_slips, load_yaml

__all__ = [
    "load_cases",
    "load_csv_tables",
    "bundled_cases",
    "district_cases",
    "NOT_DISTRICTS",
    "bundled_dir",
    "resolve_case",
    "read_text",
    "parse_case",
    "parse_tree",
    "MAX_FILE_BYTES",
]

#: Case files larger than this are refused (a real district file is a few tens of kilobytes).
MAX_FILE_BYTES = 5 * 1024 * 1024

#: Suffixes read as spreadsheets (by :mod:`kyodo_network.casefile.sheets`) rather than YAML. What a file of these
#: or :data:`TABLE_SUFFIXES` is, is told from its bytes (:func:`kyodo_network.casefile.sniff.what_file`).
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls")
#: Suffixes read as CSV or tab-separated text (a ``.txt`` that holds a YAML case is read as YAML).
TABLE_SUFFIXES = (".csv", ".txt", ".tsv")

#: An explicit id may be any text without spaces, control characters or the list separators of a sheet cell.
#: Control characters a text may not hold (all of C0 and C1 but tab and line feed).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BAD_ID = re.compile(r"[\s,、|\x00-\x1f\x7f]")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# Field tables, derived from the one declaration in casefile/fields.py: name -> (kind, required). Only what a
# coordinator knows is required.
DISTRICT_FIELDS = loader_fields(fields.DISTRICT)
ACTOR_FIELDS = loader_fields(fields.ACTOR)
RELATION_FIELDS = loader_fields(fields.RELATION)
PROJECT_FIELDS = loader_fields(fields.PROJECT)
PARTICIPANT_FIELDS = loader_fields(fields.PARTICIPANT)
SECTOR_FIELDS = loader_fields(fields.SECTOR)
SOURCE_FIELDS = loader_fields(fields.SOURCE)
TOP_FIELDS = fields.TOP_FIELDS
#: Keys people write after one look at the README, read as the field they mean (each read is noted).
ALIASES: dict[str, dict[str, str]] = {
    "actor": yaml_aliases(fields.ACTOR),
    "relation": yaml_aliases(fields.RELATION),
    "project": yaml_aliases(fields.PROJECT),
    "file": fields.FILE_ALIASES,
}


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


#: Suffixes of the files a case can be read from.
CASE_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".tsv")


def case_stem(name: str | os.PathLike[str]) -> str:
    """The short name of a case for output file names: a bundled id as it is, a file's name without its suffix.

    >>> case_stem("nippa"), case_stem("datasets/akuwa-north.yaml"), case_stem("地区/my-district.xlsx")
    ('nippa', 'akuwa-north', 'my-district')
    """
    p = Path(os.fspath(name))
    return p.stem if p.suffix.lower() in CASE_SUFFIXES else p.name


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
        raise UnknownCaseError(msg("what.not-a-file", name=str(name)))
    by_name = _bundled_by_name(str(name), bundled)
    if by_name is not None:
        return bundled[by_name]
    close = difflib.get_close_matches(str(name), bundled, n=1)
    hint = msg("hint.did-you-mean", value=close[0]) if close else msg("hint.bundled", names=tuple(bundled))
    raise UnknownCaseError(msg("what.no-case", name=str(name), hint=hint))


def _bundled_by_name(text: str, bundled: dict[str, Path]) -> str | None:
    """The bundled case whose district ``text`` names (新羽駅周辺まちづくり, ドリームハイツ, Dream Heights …), matched
    as actor names are (:meth:`kyodo_network.names.ActorIndex.match`: exactly, or by a part of the name); None when
    no one case fits."""
    from .names import ActorIndex

    names = []
    for cid, path in bundled.items():
        case, _, _ = read_case(path, str(path))
        if case is not None:
            names.append((cid, case.district.name, case.district.name_en))
    index = ActorIndex(names)
    found = index.find(text) or list(index.match(text, levels=("exact", "contains")).ids)
    return found[0] if len(found) == 1 else None


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a case file's text: UTF-8 (with or without BOM), Shift_JIS/CP932, or UTF-16 with a BOM.

    Binary, oversized and undecodable files are refused with a problem that says what was found.
    """
    p = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                problem(
                    "unreadable",
                    p,
                    what=msg("what.too-big-file", mb=f"{size / 2**20:.1f}", limit=MAX_FILE_BYTES // 2**20),
                )
            ]
        raw = path.read_bytes()
    except OSError as err:
        return None, [problem("unreadable", p, what=msg("what.cannot-read", reason=err.strerror or str(err)))]
    text, what, line = decode(raw)
    if text is None:
        return None, [problem("unreadable", p, line, 1 if line else 0, what=what)]
    return text, []


def decode(raw: bytes) -> tuple[str | None, Msg | None, int]:
    """The text of ``raw`` in the encodings Japanese machines write, or ``(None, what was found, line)``."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), None, 0
            except UnicodeDecodeError as err:
                return None, msg("what.encoding", byte=raw[len(bom) + err.start :][:2].hex(" ")), 0
    head = raw[:8192]
    if b"\x00" in head:
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if max(odd, even) > len(head) // 4 and min(odd, even) < len(head) // 50:
            return None, msg("what.utf16-no-bom"), 0
        return None, msg("what.binary"), 0
    try:
        return raw.decode("utf-8"), None, 0
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        text = None
    if _looks_like_euc(raw, text):
        return None, msg("what.euc-jp"), raw[:first_bad].count(b"\n") + 1
    if text is not None:
        return text, None, 0
    return None, msg("what.encoding", byte=raw[first_bad : first_bad + 2].hex(" ")), raw[:first_bad].count(b"\n") + 1


def _looks_like_euc(raw: bytes, cp932: str | None) -> bool:
    """EUC-JP bytes often pass as CP932 half-width katakana; EUC-JP text read as CP932 is mostly that."""
    try:
        raw.decode("euc_jp")
    except UnicodeDecodeError:
        return False
    if cp932 is None:
        return True
    wide = [ch for ch in cp932 if ord(ch) > 0x7F]
    kana = sum(1 for ch in wide if "\uff61" <= ch <= "\uff9f")
    return bool(wide) and kana > len(wide) / 3


Pos = tuple  # (line, col) from YAML, or (row, col, sheet) from a spreadsheet


#: Problems with one value that a list read from a spreadsheet leaves out with a note (see ``_Parser.lenient``).
LEFT_OUT = frozenset({"bad-year", "bad-value", "wrong-type", "control-character", "bad-id"})


class _Parser:
    """Turns the located tree of one file into model records, collecting problems."""

    def __init__(self, path: str, *, lenient: bool = False) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.ids: dict[str, tuple[str, Pos]] = {}
        self.last_origins: dict[str, Origin] = {}
        #: A list read from a spreadsheet or CSV: a value it cannot read is left out with a note, never a reason to
        #: refuse the file (the rest of the list is still the list); a YAML file's author gets a problem to fix.
        self.lenient = lenient

    def word(self, key: str) -> Any:
        """How a field is named in a message: its YAML key as the author typed it, or — in a spreadsheet, whose
        author never saw the key — what it means (始まった年, not since)."""
        if self.lenient and isinstance(key, str) and has_text(f"problem.field.{key}"):
            return msg(f"field.{key}")
        return key

    def add(self, code: str, pos: Pos, **fields: Any) -> None:
        path, line, col, sheet = place(self.path, pos)
        if "field" in fields:
            fields["field"] = self.word(fields["field"])
        if self.lenient and code in LEFT_OUT:
            self.notes.append(
                problem(
                    "note-left-out", path, line, col, sheet=sheet, said=Msg(f"problem.{code}", tuple(fields.items()))
                )
            )
            return
        self.problems.append(problem(code, path, line, col, sheet=sheet, **fields))

    def note(self, code: str, pos: Pos, **fields: Any) -> None:
        path, line, col, sheet = place(self.path, pos)
        self.notes.append(problem(code, path, line, col, sheet=sheet, **fields))

    def origin(self, pos: Pos) -> Origin:
        return Origin(*place(self.path, pos))

    def claim(self, ident: str, kind: str, pos: Pos) -> bool:
        """Register an explicit actor or project id; report and refuse an id already used in this file."""
        if ident in self.ids:
            other_kind, where = self.ids[ident]
            self.add(
                "duplicate-id", pos, id=ident, kind=msg(f"noun.{other_kind}"), where=msg("where.line", line=where[0])
            )
            return False
        self.ids[ident] = (kind, pos)
        return True

    def record(self, data: Any, fields: dict, what: str, pos: Pos) -> dict | None:
        """Check one mapping against a field table; return clean values, or None if unusable."""
        if not isinstance(data, YMap):
            if data is not INVALID:
                self.add("wrong-type", pos, field=what, expected=msg("expected.mapping"), got=_kind(data))
            return None
        label = _Label(data, what)
        out: dict[str, Any] = {}
        seen: set[str] = set()
        stated: dict[str, Origin] = {}  # where each field the record states was written (see last_origins)
        data = self.aliased(data, what, fields)
        path, positions = self.path, data.value_pos
        for k, value in data.items():
            if k not in fields:
                if isinstance(k, str) and k.startswith(("x-", "x_")):
                    continue
                self.add(
                    "unknown-field", data.key_pos[k], field=k, record=label.phrase(), hint=hint_for(str(k), fields)
                )
                continue
            if value is INVALID:  # already reported
                seen.add(k)
                continue
            kind = fields[k][0]
            if (
                type(value) is str
                and (kind == "text" or (kind in ("ref", "word") and value.isascii()))
                and not CONTROL.search(value)
            ):
                clean_value = value.strip() or None  # the common case, without the general checks below
            else:
                before = len(self.problems)
                clean_value = self.value(k, value, kind, positions[k])
                if len(self.problems) > before:
                    seen.add(k)  # reported as wrong: not reported again as missing
            if clean_value is not None:
                out[k] = clean_value
                v = positions[k]
                stated[k] = Origin(*place(path, v))
        for k, (_, required) in fields.items():
            if required and k not in seen and out.get(k) in (None, "", [], ()):
                self.add("missing-field", data.pos, record=label.phrase(), field=k)
        self.last_origins = stated
        return out

    def aliased(self, data: YMap, what: str, fields: dict) -> YMap:
        """``data`` with the keys of :data:`ALIASES` read as the fields they mean (noted), when that field is free."""
        aliases = ALIASES.get(what, {})
        if not any(k not in fields and aliases.get(k) in fields and aliases[k] not in data for k in data):
            return data
        out = YMap()
        out.pos, out.key_pos, out.value_pos = data.pos, {}, {}
        for k, value in data.items():
            name = k
            if k not in fields and aliases.get(k) in fields and aliases[k] not in data:
                name = aliases[k]
                self.alias_note(k, name, data.key_pos[k])
            out[name] = value
            out.key_pos[name], out.value_pos[name] = data.key_pos[k], data.value_pos[k]
        return out

    def alias_note(self, written: str, field_: str, pos: Pos) -> None:
        """Say once per file which field a key written another way was read as (by what the field means)."""
        said = self.__dict__.setdefault("_aliases_said", set())
        if written in said:
            return
        said.add(written)
        meaning = (
            msg(f"field.{field_}")
            if has_text(f"problem.field.{field_}")
            else msg(f"table.{field_}")
            if has_text(f"problem.table.{field_}")
            else field_
        )
        self.note("note-alias", pos, key=written, field=meaning)

    def printable(self, key: str, text: str, pos: Any) -> bool:
        """False (with a problem) when ``text`` holds a control character other than a line break or tab.

        Escape sequences in a name would reach the terminal in every table; C1 controls (U+0080–U+009F) too.
        """
        found = CONTROL.search(text)
        if found:
            self.add("control-character", pos, field=key, char=f"U+{ord(found.group(0)):04X}")
            return False
        return True

    def value(self, key: str, value: Any, kind: str, pos: Pos) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None  # empty or whitespace only: missing
        if kind in ("text", "id", "ref", "word", "colour"):
            if isinstance(value, date) and key == "date":
                return value.isoformat()
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                self.add("wrong-type", pos, field=key, expected=msg("expected.text"), got=_kind(value))
                return None
            text = str(value).strip()
            if not self.printable(key, text, pos):
                return None
            if kind in ("id", "ref", "word"):
                text = clean(text)
            if kind == "id" and BAD_ID.search(text):
                self.add("bad-id", pos, value=text, suggestion=re.sub(r"[\s,、|\x00-\x1f\x7f]+", "-", text).strip("-"))
                return None
            if kind == "colour" and not COLOUR.match(text):
                self.add("bad-value", pos, field=key, what=msg("what.colour", value=text))
                return None
            return text or None
        if kind == "texts":
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                if not self.printable(key, str(value), pos):
                    return None
                return (str(value).strip(),) if str(value).strip() else None
            if not isinstance(value, list) or any(isinstance(v, (list, dict, bool)) or v is None for v in value):
                self.add("wrong-type", pos, field=key, expected=msg("expected.texts"), got=_kind(value))
                return None
            items = tuple(str(v).strip() for v in value if v is not INVALID and str(v).strip())
            return items if all(self.printable(key, v, pos) for v in items) else None
        if kind == "year":
            return self.year(key, value, pos)
        if kind == "inferred":  # true/false for the whole record, or the fields that are the author's reading
            if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
                return tuple(clean(v) for v in value)
            if not isinstance(value, bool):
                expected = msg("expected.inferred" if isinstance(value, list) else "expected.bool")
                self.add("wrong-type", pos, field=key, expected=expected, got=_kind(value))
                return None
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                self.add("wrong-type", pos, field=key, expected=msg("expected.bool"), got=_kind(value))
                return None
            return value
        if kind == "weight":
            number = value
            if (
                isinstance(value, str)
                and plain_digits(value)
                and plain_digits(value).isascii()
                and plain_digits(value).isdigit()
            ):
                number = int(plain_digits(value))
            if (
                self.lenient
                and isinstance(number, (int, float))
                and not isinstance(number, bool)
                and number not in (1, 2, 3)
            ):  # Kumu's Strength is any number: the nearest of 1, 2, 3
                weight = min(3, max(1, round(number)))
                self.note(
                    "note-weight",
                    pos,
                    value=shown_number(number) if isinstance(number, int) else str(number),
                    weight=weight,
                )
                return weight
            if isinstance(number, bool) or not isinstance(number, int):
                self.add("wrong-type", pos, field=key, expected=msg("expected.weight"), got=_kind(value))
                return None
            if number not in (1, 2, 3):
                self.add("bad-value", pos, field=key, what=msg("what.weight-range", value=shown_number(number)))
                return None
            return number
        if kind == "visibility":
            from .model import VISIBILITIES

            word = clean(str(value)).lower() if isinstance(value, str) else value
            if word not in VISIBILITIES:
                self.add(
                    "bad-value",
                    pos,
                    field=key,
                    what=msg("what.visibility", value=str(value), hint=hint_for(str(value), VISIBILITIES)),
                )
                return None
            return word
        return value

    def year(self, key: str, value: Any, pos: Pos) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            if 1800 <= value <= 2200:
                return value
            self.add("bad-year", pos, what=msg("what.year-range", field=self.word(key), value=shown_number(value)))
            return None
        if isinstance(value, date):
            self.add("bad-year", pos, what=msg("what.year-date", field=self.word(key), year=value.year))
            return None
        if isinstance(value, str):
            year, reason, fields = year_of(value)
            if year is not None:
                return year
            if reason == "unknown":  # 不明, 未定, ―: no year, as an empty cell
                self.note("note-year-unknown", pos, value=value)
                return None
            fields = {"value": value, **fields}
            self.add("bad-year", pos, what=msg(f"what.{reason}", field=self.word(key), **fields))
            return None
        self.add("bad-year", pos, what=msg("what.not-year", field=self.word(key), value=_kind(value)))
        return None

    def span(self, rec: dict, pos: Pos, data: YMap) -> None:
        since, until = rec.get("since"), rec.get("until")
        if since is not None and until is not None and until < since:
            self.add(
                "bad-year",
                data.value_pos.get("until", pos),
                what=msg("what.until-before-since", until=until, since=since),
            )

    def items(self, data: YMap, key: str) -> list[tuple[Any, Pos]]:
        value = data.get(key)
        if value is None or value is INVALID:
            return []
        if not isinstance(value, YList):
            self.add("wrong-type", data.value_pos[key], field=key, expected=msg("expected.list"), got=_kind(value))
            return []
        return list(zip(value, value.item_pos))


class _Label:
    """What a record is called in a message (its id or name), worked out only when a problem needs it."""

    __slots__ = ("data", "what")

    def __init__(self, data: YMap, what: str) -> None:
        self.data, self.what = data, what

    def phrase(self) -> Msg:
        ident, name = self.data.get("id"), self.data.get("name")
        name = ident if isinstance(ident, str) and ident.strip() else name
        if isinstance(name, str) and name.strip() and self.what in ("actor", "project", "district"):
            return msg(f"record.{self.what}-id", id=name.strip())
        return msg(f"record.{self.what}")


def shown_number(n: int) -> str:
    """A number for a message: huge ones by their length only (never converted to text whole: Python refuses to
    write an int of more than 4,300 digits).

    >>> shown_number(2013), shown_number(16 ** 4400)
    ('2013', '…(5299 digits)')
    """
    if abs(n) < 10**30:
        return str(n)
    import math

    digits = int(math.log10(abs(n))) + 1 if n.bit_length() < 10_000 else int(n.bit_length() * math.log10(2)) + 1
    return f"…({digits} digits)"


def _kind(value: Any) -> Msg:
    if value is None:
        return msg("got.nothing")
    if isinstance(value, bool):
        return msg("got.bool", value=str(value).lower())
    if isinstance(value, dict):
        return msg("got.mapping")
    if isinstance(value, list):
        return msg("got.list")
    if isinstance(value, (int, float)):
        return msg("got.number", value=shown_number(value) if isinstance(value, int) else str(value))
    if isinstance(value, date):
        return msg("got.date", value=value.isoformat())
    if isinstance(value, str):
        return msg("got.text", value=value)
    return msg("got.other", value=type(value).__name__)


def parse_case(text: str, path: str) -> tuple[Case | None, list[tuple[str, Pos]], list[Problem]]:
    """Parse one YAML file's text (see :func:`parse_tree`).

    Where a Japanese keyboard slipped into the structure (a full-width colon after a key, full-width spaces or a
    tab in an indent), that line gets a plain problem of its own (``keyboard-slip``) and what the parser or the
    checks then said because of it — a syntax error further down, an unknown key 「　　sector」 — is left out."""
    data, problems = load_yaml(text, path)
    if data is None and not problems:
        return None, [], [problem("bad-format", path, 1, 1, what=msg("what.empty-file"))]
    case, includes, more = (None, [], []) if data is None else parse_tree(data, path)
    found = problems + more
    if any(p.code in ("yaml-syntax", "unknown-field", "wrong-type") for p in found):
        slips = keyboard_slips(text)
        if slips:
            first = slips[0][0]
            lines = {line for line, _, _ in slips}
            found = [
                p
                for p in found
                if not (p.code == "yaml-syntax" and p.line >= first - 1)
                and not (p.code == "unknown-field" and any(ch in str(p.fields.get("field", "")) for ch in "\u3000\t："))
                and not (p.code == "wrong-type" and p.line in lines)  # 「name：山田さん」 read as one text
            ]
            found += [
                problem("keyboard-slip", path, line, col, what=msg(f"what.slip-{slip}")) for line, col, slip in slips
            ]
            if data is None or any(p.code == "yaml-syntax" for p in problems):
                return None, [], found
    return case, includes, found


def parse_tree(data: Any, path: str) -> tuple[Case | None, list[tuple[str, Pos]], list[Problem]]:
    """Turn one file's located tree (YAML, or a spreadsheet read as the same shape) into a case.

    Returns the case (None if unusable), its raw ``include`` entries with their positions, and problems.
    Relation ends and participants are kept as written (an id or a name) and sectors as written; they are
    linked to actors and sectors by :func:`kyodo_network.validate.link_case`, which knows the included files.
    """
    p = _Parser(path, lenient=bool(getattr(data, "notes", None) is not None and getattr(data, "from_sheet", False)))
    if not isinstance(data, YMap):
        p.add("bad-format", (1, 1), what=msg("what.holds", got=_kind(data)))
        return None, [], p.problems
    p.notes.extend(getattr(data, "notes", ()))
    data = _top_aliased(p, data)
    fmt = data.get("format")
    if fmt is None:
        p.note("note-format-assumed", data.pos)
    elif fmt != FORMAT:
        pos = data.value_pos.get("format", data.pos)
        p.add("bad-format", pos, what=msg("what.format-unsupported", value=str(fmt), expected=FORMAT))
        return None, [], p.problems
    top_district = _top_district(p, data, path)
    for k in data:
        if k not in TOP_FIELDS and k not in top_district and not str(k).startswith(("x-", "x_")):
            p.add(
                "unknown-field", data.key_pos[k], field=k, record=msg("record.file"), hint=hint_for(str(k), TOP_FIELDS)
            )

    source: dict = {}
    if isinstance(data.get("source"), str) and data["source"].strip():
        source = {"title": data["source"].strip()}
    elif "source" in data:
        source = p.record(data["source"], SOURCE_FIELDS, "source", data.value_pos["source"]) or {}
    default_cite = source.get("title") or source.get("publisher") or ""
    district = None
    if "district" not in data:
        district = District(origin=p.origin(data.pos), cite=default_cite, **top_district.get("", {}))
    else:
        rec = p.record(data["district"], DISTRICT_FIELDS, "district", data.value_pos["district"])
        if rec is not None and rec.get("name"):
            rec.setdefault("id", Path(path).stem)
            rec.setdefault("cite", default_cite)
            district = District(origin=p.origin(data["district"].pos), **rec)

    includes: list[tuple[str, Pos]] = []
    for value, pos in p.items(data, "include"):
        if isinstance(value, str) and value.strip():
            includes.append((value.strip(), pos))
        elif value is not INVALID:
            p.add("wrong-type", pos, field="include", expected=msg("expected.include"), got=_kind(value))

    sectors = []
    for value, pos in p.items(data, "sectors"):
        rec = p.record(value, SECTOR_FIELDS, "sector", pos)
        if rec is not None and {"id", "name", "colour"} <= set(rec):
            rec.setdefault("name_en", rec["name"])
            sectors.append(Sector(**rec))

    district_id = district.id if district else None
    raw_actors = []
    for value, pos in p.items(data, "actors"):
        rec = p.record(value, ACTOR_FIELDS, "actor", pos)
        if rec is None:
            continue
        origins = p.last_origins
        p.span(rec, pos, value)
        _split_inferred(p, rec, ACTOR_FIELDS, value)
        if rec.get("id") and not p.claim(rec["id"], "actor", value.value_pos["id"]):
            continue
        if rec.get("name") or rec.get("id"):  # kept with what it has, so references to it find it
            rec.setdefault("name", rec.get("id", ""))
            rec.setdefault("sector", "")
            raw_actors.append((rec, pos, origins))
    taken = set(p.ids)
    actors = []
    partner_cells, member_cells = [], []
    for rec, pos, origins in raw_actors:
        if not rec.get("id"):
            rec["id"] = unique_id(clean(rec["name"]), taken)  # Japanese ids are fine; deterministic by file order
        rec.setdefault("cite", default_cite)
        partners = rec.pop("partners", ())
        if partners:
            partner_cells.append((rec["id"], partners, origins.get("partners", p.origin(pos)), origins))
        member_of = rec.pop("member_of", ())
        if member_of:  # 所属: 「久良岐連合町内会 会長」 is a member of 久良岐連合町内会, as 会長
            member_cells.append((rec["id"], member_of, origins.get("member_of", p.origin(pos)), origins))
            if not rec.get("role"):
                rec["role"] = "、".join(member_of)
        private = tuple(
            dict.fromkeys((*rec.get("private_fields", ()), *(("representative",) if rec.get("representative") else ())))
        )
        if private:
            rec["private_fields"] = private
        actors.append(Actor(district=district_id, origin=p.origin(pos), field_origins=origins, **rec))

    relations = _partner_relations(p, actors, partner_cells, default_cite)
    relations += _member_relations(actors, member_cells, default_cite)
    placed: dict[tuple[str, str, bool], list[Origin]] = {}
    for value, pos in p.items(data, "relations"):
        rec = p.record(value, RELATION_FIELDS, "relation", pos)
        if rec is None:
            continue
        origins = p.last_origins
        p.span(rec, pos, value)
        _split_inferred(p, rec, RELATION_FIELDS, value)
        word = rec.get("type")
        rec["type"], known = place_relation(word) if word else (UNKNOWN_TYPE, True)
        rec["label"] = clean(word) if word and clean(word) != rec["type"] else None  # as written; an id is not a word
        placed.setdefault((word or "", rec["type"], known), []).append(origins.get("type", p.origin(pos)))
        if "agreement" in rec:
            rec["agreement"] = parse_agreement(p, rec["agreement"], value.value_pos["agreement"])
        if rec.get("from") and rec.get("to") and rec.get("type"):
            rec.setdefault("cite", default_cite)
            rec["source"], rec["target"] = rec.pop("from"), rec.pop("to")
            relations.append(Relation(origin=p.origin(pos), field_origins=origins, **rec))

    _note_words(p, placed, "type")

    projects = []
    for value, pos in p.items(data, "projects"):
        rec = p.record(value, PROJECT_FIELDS, "project", pos)
        if rec is None:
            continue
        origins = p.last_origins
        p.span(rec, pos, value)
        _split_inferred(p, rec, PROJECT_FIELDS, value)
        parts = []
        if "participants" in rec:
            if not isinstance(rec["participants"], YList):
                p.add(
                    "wrong-type",
                    value.value_pos["participants"],
                    field="participants",
                    expected=msg("expected.participants"),
                    got=_kind(rec["participants"]),
                )
            else:
                for item, ipos in zip(rec["participants"], rec["participants"].item_pos):
                    if isinstance(item, (str, int)) and not isinstance(item, bool) and clean(str(item)):
                        parts.append((Participant(clean(str(item))), ipos))
                    elif item is not INVALID and not isinstance(item, str):
                        prec = p.record(item, PARTICIPANT_FIELDS, "participant", ipos)
                        if prec and prec.get("id"):
                            parts.append((Participant(**prec), ipos))
        rec["participants"] = tuple(part for part, _ in parts)
        if "reviews" in rec:
            rec["reviews"] = parse_reviews(p, rec["reviews"], value.value_pos["reviews"])
        if "agreement" in rec:
            rec["agreement"] = parse_agreement(p, rec["agreement"], value.value_pos["agreement"])
        if rec.get("id") and not p.claim(rec["id"], "project", value.value_pos["id"]):
            continue
        if not rec.get("name"):
            continue
        if not rec.get("id"):
            rec["id"] = unique_id(clean(rec["name"]), taken)
        taken.add(rec["id"])
        rec.setdefault("cite", default_cite)
        part_origins = tuple(p.origin(ipos) for _, ipos in parts)
        projects.append(
            Project(
                district=district_id,
                origin=p.origin(pos),
                participant_origins=part_origins,
                field_origins=origins,
                **rec,
            )
        )

    top_reviews = parse_reviews(p, data.get("reviews"), data.value_pos.get("reviews", data.pos), top=True)
    changes = _parse_changes(p, data)
    if district is None:
        return None, includes, p.problems
    case = Case(
        path=path,
        district=district,
        actors=tuple(actors),
        relations=tuple(relations),
        projects=tuple(projects),
        sectors=tuple(sectors),
        source=source or {},
        reviews=top_reviews,
        notes=tuple(p.notes),
        changes=changes,
    )
    return case, includes, p.problems


def _partner_relations(p: _Parser, actors: list[Actor], cells: list, cite: str) -> list[Relation]:
    """The ties a list's partners cells name (主な連携先): one cooperation tie from the actor to each partner, as
    written (linked to an actor by :func:`~kyodo_network.validate.link_case`)."""
    from .names import ActorIndex, split_names

    if not cells:
        return []
    index = ActorIndex((a.id, a.name, a.name_en) for a in actors)
    out = []
    for ident, partners, origin, origins in cells:
        for text in partners:
            for name in split_names(text, index):
                out.append(
                    Relation(
                        source=ident,
                        target=name,
                        type=UNKNOWN_TYPE,
                        cite=cite,
                        origin=origin,
                        field_origins={"from": origins.get("name", origin), "to": origin},
                    )
                )
    o = cells[0][2]
    p.notes.append(problem("note-partners", o.path, o.line, o.col, sheet=o.sheet, n=len(out)))
    return out


def _member_relations(actors: list[Actor], cells: list, cite: str) -> list[Relation]:
    """A person's 所属 (``member_of``): a member tie to each group named, the group being the words before a title
    (「久良岐連合町内会 会長」 → 久良岐連合町内会)."""
    from .names import split_names

    out = []
    for ident, groups, origin, origins in cells:
        for text in groups:
            for name in split_names(text):
                group = name.split()[0] if len(name.split()) > 1 else name
                out.append(
                    Relation(
                        source=ident,
                        target=group,
                        type="member",
                        label="所属",
                        cite=cite,
                        origin=origin,
                        field_origins={"from": origins.get("name", origin), "to": origin},
                    )
                )
    return out


def _note_words(p: _Parser, placed: dict[tuple[str, str, bool], list[Origin]], kind: str) -> None:
    """One note per word the file used for a relation type (or a sector): where it was placed, how often."""
    from .model import RELATION_TYPES

    for (word, ident, known), origins in placed.items():
        o = origins[0]
        t = RELATION_TYPES[ident]
        label = msg("both", ja=t.name, en=t.name_en)
        if not word:
            p.notes.append(problem("note-no-type", o.path, o.line, o.col, sheet=o.sheet, n=len(origins)))
        elif not known:
            p.notes.append(problem("note-type-other", o.path, o.line, o.col, sheet=o.sheet, word=word, n=len(origins)))
        elif key(word) not in (key(ident), key(t.name), key(t.name_en)):
            p.notes.append(
                problem("note-type-placed", o.path, o.line, o.col, sheet=o.sheet, word=word, type=label, n=len(origins))
            )


def _parse_changes(p: _Parser, data: YMap) -> tuple:
    """The ``changes:`` block (``kyodo serve``'s tonight file): ``rename: {id: name}``, ``category: {id: word}``,
    ``remove: [ids]``, ``remove_ties: [[a, b, type], …]`` — applied by :func:`kyodo_network.graph.graph_from_cases`
    to the actors and ties of every file read with it."""
    block = data.get("changes")
    if block is None:
        return ()
    pos = data.value_pos.get("changes", data.pos)
    if not isinstance(block, YMap):
        p.add("wrong-type", pos, field="changes", expected=msg("expected.mapping"), got=_kind(block))
        return ()
    out: list[tuple[str, str, str]] = []
    for key_, op in (("rename", "rename"), ("category", "category")):
        part = block.get(key_)
        if isinstance(part, YMap):
            out += [(op, clean(str(k)), str(v).strip()) for k, v in part.items() if str(v).strip()]  # as written
    for ident in block.get("remove") or ():
        if isinstance(ident, str | int) and str(ident).strip():
            out.append(("remove", clean(str(ident)), ""))
    for tie in block.get("remove_ties") or ():
        if isinstance(tie, list) and len(tie) == 3:
            out.append(("remove-tie", "|".join(clean(str(x)) for x in tie), ""))
    return tuple(out)


def _top_aliased(p: _Parser, data: YMap) -> YMap:
    """The file's top-level keys written in Japanese (団体, 関係, 協働事業 …) read as the keys they mean (noted); 地区
    is the district when it holds a mapping (地区: 桜木地区 names it, see :data:`ALIASES`)."""
    renames = {}
    for k, v in data.items():
        target = fields.TOP_ALIASES.get(k) if isinstance(k, str) else None
        if target is None or target in data or (k == "地区" and not isinstance(v, YMap)):
            continue
        renames[k] = target
    if not renames:
        return data
    out = YMap()
    out.pos, out.key_pos, out.value_pos = data.pos, {}, {}
    for k, v in data.items():
        name = renames.get(k, k)
        if name != k:
            p.alias_note(k, name, data.key_pos[k])
        out[name] = v
        out.key_pos[name], out.value_pos[name] = data.key_pos[k], data.value_pos[k]
    for attr in ("notes", "from_sheet"):
        if hasattr(data, attr):
            setattr(out, attr, getattr(data, attr))
    return out


def _top_district(p: _Parser, data: YMap, path: str) -> dict:
    """A file without ``district:``: its top-level ``name:``/``ward:``/``city:`` (or the file's name) describe the
    district. Returns the top-level keys so read, and under ``""`` the district's fields."""
    if "district" in data:
        return {}
    fields: dict[str, str] = {}
    used: dict[str, Any] = {}
    for k, target in ALIASES["file"].items():
        value = data.get(k)
        field_ = target.split(".")[1]
        if (
            isinstance(value, (str, int))
            and not isinstance(value, bool)
            and str(value).strip()
            and field_ not in fields
        ):
            fields[field_] = clean(str(value))
            used[k] = True
    from .casefile.sheets import district_name_from

    if "name" in fields:
        p.note("note-top-name", data.key_pos.get("name", data.pos), name=fields["name"], source=msg("source.top-name"))
    else:
        fields["name"] = district_name_from(Path(path).stem)
        p.note("note-top-name", data.pos, name=fields["name"], source=msg("source.file"))
    fields.setdefault("id", Path(path).stem)
    return {**used, "": fields}


def _split_inferred(p: Any, rec: dict, fields: dict, value: Any) -> None:
    """``inferred: [offers, needs]`` names fields: keep them as ``inferred_fields``, the record flag false."""
    named = rec.get("inferred")
    if not isinstance(named, tuple):
        return
    unknown = [f for f in named if f not in fields or f in ("inferred", "id", "name")]
    if unknown:
        p.add(
            "bad-value",
            value.value_pos["inferred"],
            field="inferred",
            what=msg(
                "what.inferred-field",
                value=", ".join(unknown),
                fields=", ".join(f for f in fields if f not in ("inferred", "id", "name")),
            ),
        )
    rec["inferred"] = False
    rec["inferred_fields"] = tuple(f for f in named if f not in unknown)


def read_case(
    path: Path, display: str, *, columns: dict[str, str] | None = None, name: str | None = None
) -> tuple[Case | None, list[tuple[str, Pos]], list[Problem]]:
    """Read one file, YAML or spreadsheet, into a case (unlinked), its includes and its problems.

    What a file gave is kept in the private cache (:mod:`kyodo_network._cache`) under its bytes, so the next
    command reading the same file does not parse it again (not when ``columns`` or ``name`` change the reading)."""
    if columns or name:
        return _read_case(path, display, columns, name)
    return remembered(path, display, lambda: _read_case(path, display))


def _read_remembered(
    memo: dict | None, path: Path, display: str, *, columns: dict[str, str] | None, name: str | None
) -> tuple[Case | None, list[tuple[str, Pos]], list[Problem]]:
    """:func:`read_case`, or what it gave in this process for the same bytes (``memo``: see
    :func:`load_cases_and_files`). The memo keeps only the latest reading of each file."""
    if memo is None:
        return read_case(path, display, columns=columns, name=name)
    import hashlib

    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return read_case(path, display, columns=columns, name=name)
    where = ("read", str(path.resolve()), display, repr(columns), name)
    kept = memo.pop(where, None)
    if kept is not None and kept[0] == digest:
        memo[where] = kept  # the most recently used last
        return kept[1]
    got = read_case(path, display, columns=columns, name=name)
    memo[where] = (digest, got)
    _bound(memo, "read")
    return got


def _bound(memo: dict, kind: str, most: int = 32) -> None:
    """Drop the oldest entries of ``kind`` past ``most`` (tonight's file is a new temporary file every edit)."""
    keys = [k for k in memo if k[0] == kind]
    for k in keys[: max(0, len(keys) - most)]:
        del memo[k]


def _read_case(
    path: Path, display: str, columns: dict[str, str] | None = None, name: str | None = None
) -> tuple[Case | None, list[tuple[str, Pos]], list[Problem]]:
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES or suffix in TABLE_SUFFIXES:
        from .casefile.sheets import read_csv_case, read_workbook
        from .casefile.sniff import what_file

        try:
            kind = what_file(path)  # by its bytes: a renamed, empty, old or locked file is told apart here
        except OSError:
            kind = ""  # the reader says why it cannot be read
        refused = {
            "empty": "what.file-empty",
            "xls": "what.file-xls",
            "encrypted-ooxml": "what.file-encrypted",
            "encrypted-zip": "what.file-encrypted-zip",
        }.get(kind)
        if refused:
            return None, [], [problem("unreadable", display, what=msg(refused))]
        as_csv = kind in ("text", "utf16-text") or (kind != "xlsx" and suffix in TABLE_SUFFIXES)
        yaml_txt = False
        if as_csv and suffix == ".txt":  # Notepad saves a case as 地区.yaml.txt
            head, _ = read_text(path)
            yaml_txt = bool(head and re.search(r"(?m)^(?:format|district|actors)[ \t]*:", head[:4096]))
        if not yaml_txt:
            reader = read_csv_case if as_csv else read_workbook
            data, problems = reader(path, display, columns=columns, name=name)
            if data is None:
                return None, [], problems
            if as_csv and suffix in SHEET_SUFFIXES:
                data.notes = [problem("note-read-as-csv", display, suffix=suffix), *getattr(data, "notes", ())]
            case, includes, more = parse_tree(data, display)
            return case, includes, problems + more
    text, problems = read_text(path)
    if text is None:
        return None, [], [Problem(display, q.line, q.col, q.code, q.fields, q.sheet) for q in problems]
    case, includes, problems = parse_case(text, display)
    if case is not None and name:
        case = replace(case, district=replace(case.district, name=name))
    return case, includes, problems


def load_cases(
    names: Iterable[str | os.PathLike[str]] = (), *, columns: dict[str, str] | None = None, name: str | None = None
) -> list[Case]:
    """Load case files by path or bundled id, with their includes, and check them all.

    Parameters
    ----------
    names
        Paths to case files (YAML, or ``.xlsx`` workbooks), or ids of bundled cases (see :func:`bundled_cases`).
        Empty means every bundled case.

    Returns
    -------
    list of Case
        The named cases, in the order given; each carries its included cases in ``includes``. Relation ends
        and participants hold actor ids, however the file wrote them.

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
    return load_cases_and_files(names, columns=columns, name=name)[0]


def load_cases_and_files(
    names: Iterable[str | os.PathLike[str]] = (),
    *,
    columns: dict[str, str] | None = None,
    name: str | None = None,
    memo: dict | None = None,
) -> tuple[list[Case], list[Path]]:
    """:func:`load_cases`, and every file it read (named and included, resolved), for the graph cache.

    ``columns`` (headings read as given fields, ``--column``) and ``name`` (the district's name, ``--name``)
    apply to the named files, not to the files they include.

    ``memo``, a dict the caller keeps between calls (``kyodo serve`` loading its inputs with tonight's file after
    every edit), remembers in this process what each file gave and how it was linked, under the file's bytes:
    a file that changed is read again."""
    from .validate import check_cases, link_case

    names = list(names) or list(bundled_cases().values())
    paths = [resolve_case(n) for n in names]
    named_keys = {p.resolve() for p in paths}
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
        named = key in named_keys
        case, includes, found = _read_remembered(
            memo, path, _display(path), columns=columns if named else None, name=name if named else None
        )
        problems.extend(found)
        targets = []
        for inc, pos in includes:
            sheet = pos[2] if len(pos) > 2 else ""
            try:
                target = resolve_case(inc, relative_to=path.parent)
            except UnknownCaseError as err:
                problems.append(problem("bad-include", _display(path), pos[0], pos[1], sheet=sheet, what=err.args[0]))
                continue
            if target.resolve() == key:
                problems.append(
                    problem(
                        "bad-include",
                        _display(path),
                        pos[0],
                        pos[1],
                        sheet=sheet,
                        what=msg("what.includes-itself", name=inc),
                    )
                )
                continue
            targets.append(target.resolve())
            visit(target)
        include_of[key] = targets
        loaded[key] = case
        order.append(key)

    for path in paths:
        visit(path)

    linked: dict[Path, Case] = {}

    def reach(key: Path) -> list[Path]:
        out, stack = [], list(include_of.get(key, []))
        while stack:
            k = stack.pop()
            if k not in out and k != key:
                out.append(k)
                stack.extend(include_of.get(k, []))
        return out

    for done in order:  # included files first: a file's names are linked to its includes' actors
        case = loaded.get(done)
        if case is None:
            continue
        others = [linked[k] for k in reach(done) if k in linked]
        link_key = ("link", id(case), tuple(id(o) for o in others))
        if memo is not None and link_key in memo:
            memo[link_key] = memo.pop(link_key)
            linked[done], found, more = memo[link_key][1:]
        else:
            linked[done], found = link_case(case, others)
            linked[done], more = link_reviews(linked[done], others)
            if memo is not None:  # the case and its includes are kept with it: their ids stay theirs
                memo[link_key] = ((case, others), linked[done], found, more)
                _bound(memo, "link")
        problems.extend(found + more)

    def with_includes(key: Path, seen: frozenset[Path] = frozenset()) -> Case | None:
        case = linked.get(key)
        if case is None:
            return None
        incs = tuple(
            c
            for t in include_of.get(key, [])
            if t not in seen
            for c in [with_includes(t, seen | {key})]
            if c is not None
        )
        return replace(case, includes=incs)

    # Included files are checked first, so a file that redefines an included actor differently gets the problem.
    everything = [c for c in (with_includes(k) for k in order) if c is not None]
    problems.extend(check_cases(everything))
    if problems:
        err = CaseDataError(problems)
        # what was understood of each named file, for the user who fixes the problems (kyodo validate shows it)
        err.cases = [c for c in everything if Path(c.path).resolve() in named_keys]
        raise err
    by_key = {Path(c.path).resolve(): c for c in everything}
    return [by_key[p.resolve()] for p in paths], list(loaded)


def load_csv_tables(paths: Iterable[Path], *, columns: dict[str, str] | None = None, name: str | None = None) -> Case:
    """A case from CSV files, one per list: groups, ties and optionally projects (``kyodo import A.csv R.csv``).

    Read and checked as :func:`load_cases` reads one file; every problem is located at ``file.csv:line:column``.

    Raises
    ------
    CaseDataError
        Listing every problem in the files.
    """
    from .casefile.sheets import read_csv_tables
    from .validate import check_cases, link_case

    paths = list(paths)
    for path in paths:
        remember_input(path)
    tree, problems = read_csv_tables(*paths, display=_display, district=name, columns=columns)
    case = None
    if tree is not None:
        case, _, more = parse_tree(tree, _display(paths[0]))
        problems = problems + more
    if case is not None:
        case, found = link_case(case, [])
        problems += found + check_cases([case])
    if problems or case is None:
        raise CaseDataError(problems)
    return case


def _display(path: Path) -> str:
    """A path as the user will recognise it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
