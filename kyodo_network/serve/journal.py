"""Tonight's edits, kept in one ``kyodo-case/1`` file beside the input files: the edit journal of ``kyodo serve``.

The input files are never written. What the room changes lives in one YAML file (``<case>-tonight.yaml`` by
default) that other commands read together with the inputs, as any two case files: ``kyodo map
my-district.xlsx my-district-tonight.yaml``. An actor id that appears in two files is one actor
(:func:`kyodo_network.load.load_cases`), so the file holds

- the actors added tonight, with their name and category in the user's own words (``sector: 子ども食堂``);
- the ties drawn tonight (``relations``, with the user's word for the type and ``held_by``);
- for every actor of the inputs that such a tie names, a copy of its identity (id, name, sector, visibility,
  exactly as the inputs describe it, so the two files agree), and the sectors the inputs declare (so a word is
  placed under the same sector in both files); the district's ward and city are the first input's;
- under ``x-kyodo-serve`` (a key the loader leaves alone, as every ``x-`` key), the journal itself: every edit in
  order and the edits undone (to redo). ``kyodo serve`` replays it, so a restarted server, or another one started
  on the same files, finds the room as it was left.

Edits that a second case file cannot express — renaming an actor of the inputs, changing its category, removing
it or one of its relations, marking who attended — are kept in the journal only. ``kyodo serve`` shows them; the
other commands read the inputs as they are, and the file's opening comment lists these changes so they can be
made in the input file. See :data:`OPS` for the edits.

A change is saved before the room shows it: the whole new text is written to a temporary file beside the journal
and ``fsync``-ed, read back with the inputs by the real loader (so the file is one ``kyodo validate`` accepts),
then renamed over the journal, and the folder is ``fsync``-ed. A server killed at any moment leaves the last
confirmed file whole.
"""

from __future__ import annotations

import copy
import datetime as _dt
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CaseDataError, KyodoError, Msg
from ..model import FORMAT, SECTORS, Case

__all__ = [
    "OPS",
    "JOURNAL_KEY",
    "Journal",
    "Tonight",
    "replay",
    "journal_text",
    "read_journal",
    "save_journal",
    "default_journal_path",
    "is_journal_file",
    "clean_text",
    "MAX_TEXT",
]

#: The top-level key that holds the journal (the loader ignores keys that start with ``x-``).
JOURNAL_KEY = "x-kyodo-serve"
#: The format of the journal under :data:`JOURNAL_KEY`.
JOURNAL_FORMAT = "kyodo-serve-journal/1"

#: Each edit: its ``op`` and the fields it needs (all text; ``held_by`` a list of ids; ``value`` a boolean).
OPS: dict[str, tuple[str, ...]] = {
    "add-actor": ("id", "name", "category"),
    "add-tie": ("from", "to", "type"),
    "rename": ("id", "name"),
    "set-category": ("id", "category"),
    "remove-actor": ("id",),
    "remove-tie": ("from", "to", "type"),
    "attended": ("id", "value"),
}
#: Fields an edit may carry besides its required ones (for showing it after the actor is gone, and ``held_by``).
OPTIONAL = {"held_by", "was", "label", "names", "at", "type_id"}

#: Longest name, category or tie word accepted from the room (a real one is a few dozen characters).
MAX_TEXT = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TMP_SUFFIX = ".kyodo-tmp"


def clean_text(value: Any) -> str | None:
    """A name or word from the room, trimmed; None when it is empty, too long or holds control characters.

    >>> clean_text("  みどりカフェ "), clean_text(""), clean_text("a\\nb"), clean_text(3)
    ('みどりカフェ', None, None, None)
    """
    if not isinstance(value, str):
        return None
    value = value.strip().replace("\u3000", " ").strip()
    if not value or len(value) > MAX_TEXT or _CONTROL.search(value):
        return None
    return value


@dataclass
class Journal:
    """The edits of the room: ``edits`` applied in order, ``undone`` the edits taken back (last undone last)."""

    inputs: list[str]
    started: str
    edits: list[dict] = field(default_factory=list)
    undone: list[dict] = field(default_factory=list)

    @classmethod
    def new(cls, inputs: Sequence[str], *, today: _dt.date | None = None) -> Journal:
        return cls(list(inputs), (today or _dt.date.today()).isoformat())

    def copy(self) -> Journal:
        return Journal(list(self.inputs), self.started, copy.deepcopy(self.edits), copy.deepcopy(self.undone))

    def with_edit(self, edit: Mapping[str, Any]) -> Journal:
        """A new journal with ``edit`` applied last; what was undone can no longer be redone."""
        j = self.copy()
        j.edits.append(dict(edit))
        j.undone = []
        return j

    def undo(self) -> Journal | None:
        if not self.edits:
            return None
        j = self.copy()
        j.undone.append(j.edits.pop())
        return j

    def redo(self) -> Journal | None:
        if not self.undone:
            return None
        j = self.copy()
        j.edits.append(j.undone.pop())
        return j

    def new_actor_id(self) -> str:
        """An id for an actor added tonight, unique in this journal: ``new-<date>-<n>`` (ASCII, as ids are)."""
        stem = "new-" + self.started.replace("-", "")
        taken = {e.get("id") for e in (*self.edits, *self.undone) if e.get("op") == "add-actor"}
        n = 1
        while f"{stem}-{n}" in taken:
            n += 1
        return f"{stem}-{n}"


@dataclass
class Tonight:
    """What the edits add up to (:func:`replay`)."""

    #: id → {"name", "category"}: actors added tonight and still there, in the order added.
    actors: dict[str, dict] = field(default_factory=dict)
    #: ties drawn tonight and still there: {"from", "to", "type" (the word), "type_id", "held_by"}.
    ties: list[dict] = field(default_factory=list)
    #: input actor id → new name / new category word.
    renamed: dict[str, str] = field(default_factory=dict)
    recategorised: dict[str, str] = field(default_factory=dict)
    #: input actor ids removed; relation keys ``(from, to, type id)`` removed (either direction).
    removed: set[str] = field(default_factory=set)
    removed_ties: set[tuple[str, str, str]] = field(default_factory=set)
    attended: set[str] = field(default_factory=set)


def _tie_key(a: str, b: str, t: str) -> tuple[str, str, str]:
    return (min(a, b), max(a, b), t)


def replay(edits: Iterable[Mapping[str, Any]]) -> Tonight:
    """Apply ``edits`` in order; an edit that names what is no longer there changes nothing.

    >>> t = replay([{"op": "add-actor", "id": "n1", "name": "A", "category": "NPO"},
    ...             {"op": "add-tie", "from": "n1", "to": "x", "type": "協力", "type_id": "cooperation"},
    ...             {"op": "rename", "id": "x", "name": "X2"}, {"op": "remove-actor", "id": "n1"}])
    >>> t.actors, t.ties, t.renamed
    ({}, [], {'x': 'X2'})
    """
    t = Tonight()
    for e in edits:
        op, ident = e["op"], e.get("id")
        if op == "add-actor":
            t.actors[ident] = {"name": e["name"], "category": e["category"]}
        elif op == "rename":
            if ident in t.actors:
                t.actors[ident]["name"] = e["name"]
            else:
                t.renamed[ident] = e["name"]
        elif op == "set-category":
            if ident in t.actors:
                t.actors[ident]["category"] = e["category"]
            else:
                t.recategorised[ident] = e["category"]
        elif op == "remove-actor":
            if t.actors.pop(ident, None) is None:
                t.removed.add(ident)
                t.renamed.pop(ident, None)
                t.recategorised.pop(ident, None)
            t.ties = [
                dict(x, held_by=[h for h in x["held_by"] if h != ident])
                for x in t.ties
                if ident not in (x["from"], x["to"])
            ]
            t.attended.discard(ident)
        elif op == "add-tie":
            t.ties.append(
                {
                    "from": e["from"],
                    "to": e["to"],
                    "type": e["type"],
                    "type_id": e.get("type_id") or "cooperation",
                    "held_by": list(e.get("held_by") or []),
                }
            )
        elif op == "remove-tie":
            key = _tie_key(e["from"], e["to"], e["type"])
            t.ties = [x for x in t.ties if _tie_key(x["from"], x["to"], x["type_id"]) != key]
            t.removed_ties.add(key)
        elif op == "attended":
            (t.attended.add if e["value"] else t.attended.discard)(ident)
    return t


# --- the file's text ---------------------------------------------------------------------------------------------


def _identity(actor: Any) -> dict:
    """An input actor as the journal names it: what :func:`~kyodo_network.validate.check_cases` compares."""
    return {"id": actor.id, "name": actor.name, "sector": actor.sector, "visibility": actor.visibility}


def journal_text(journal: Journal, base: Sequence[Case], *, names: Sequence[str] = ()) -> str:
    """The whole text of the journal file for ``journal`` over the loaded input cases ``base``.

    ``names`` are the CASE names as given (shown in the opening comment, for the command that reads both).
    """
    from ..casefile.yaml import case_yaml_text
    from ..lang import text

    t = replay(journal.edits)
    known: dict[str, Any] = {}
    declared: dict[str, Any] = {}
    for case in base:
        for c in case.reachable():
            for s in c.sectors:
                declared.setdefault(s.id, s)
            for a in c.actors:
                known.setdefault(a.id, a)
    district = base[0].district if base else None
    did = (district.id if district else "case") + "-tonight"
    name = " + ".join(c.district.name for c in base)
    name_en = " + ".join(c.district.name_en or c.district.name for c in base)
    tree: dict[str, Any] = {
        "format": FORMAT,
        "district": {
            "id": did,
            "name": text("serve.journal.district", "ja", name=name),
            "name_en": text("serve.journal.district", "en", name=name_en),
        },
    }
    for key in ("ward", "ward_en", "city"):  # the same place: suggestions count tonight's actors as local
        if district is not None and getattr(district, key, None):
            tree["district"][key] = getattr(district, key)
    referenced = []
    for tie in t.ties:
        for ident in (tie["from"], tie["to"], *tie["held_by"]):
            if ident in known and ident not in t.actors and ident not in referenced:
                referenced.append(ident)
    copies = [_identity(known[i]) for i in referenced]
    own = [s for sid, s in declared.items() if sid not in SECTORS]
    if own and (copies or t.actors):  # the inputs' own sectors, so that words are placed as the inputs place them
        tree["sectors"] = [{"id": s.id, "name": s.name, "name_en": s.name_en, "colour": s.colour} for s in own]
    actors = copies + [{"id": i, "name": a["name"], "sector": a["category"]} for i, a in t.actors.items()]
    if actors:
        tree["actors"] = actors
    relations = []
    for tie in t.ties:
        rec: dict[str, Any] = {"from": tie["from"], "to": tie["to"], "type": tie["type"]}
        if tie["held_by"]:
            rec["held_by"] = list(tie["held_by"])
        relations.append(rec)
    if relations:
        tree["relations"] = relations
    changes: dict[str, Any] = {}
    if t.renamed:
        changes["rename"] = dict(t.renamed)
    if t.recategorised:
        changes["category"] = dict(t.recategorised)
    if t.removed:
        changes["remove"] = sorted(t.removed)
    if t.removed_ties:
        changes["remove_ties"] = [list(k) for k in sorted(t.removed_ties)]
    if changes:  # read by every command with the inputs (graph.with_changes): the room's changes, everywhere
        tree["changes"] = changes
    tree[JOURNAL_KEY] = {
        "format": JOURNAL_FORMAT,
        "inputs": list(journal.inputs),
        "started": journal.started,
        "edits": [dict(e) for e in journal.edits],
        "undone": [dict(e) for e in journal.undone],
    }
    head = _opening_comment(t, known, names or journal.inputs)
    return head + case_yaml_text(tree)


def _opening_comment(t: Tonight, known: Mapping[str, Any], names: Sequence[str]) -> str:
    from ..lang import text

    def one_line(s: str) -> str:
        return " ".join(str(s).split())

    lines = [
        text("serve.journal.head", "ja"),
        text("serve.journal.head", "en"),
        text("serve.journal.read_with", "ja", names=" ".join(names)),
        "",
    ]
    todo = []
    for ident, new in t.renamed.items():
        old = known[ident].name if ident in known else ident
        todo.append(text("serve.journal.todo_rename", "ja", old=old, new=new))
    for ident, word in t.recategorised.items():
        old = known[ident].name if ident in known else ident
        todo.append(text("serve.journal.todo_category", "ja", name=old, category=word))
    for ident in sorted(t.removed):
        todo.append(text("serve.journal.todo_remove", "ja", name=known[ident].name if ident in known else ident))
    for a, b, kind in sorted(t.removed_ties):
        na = known[a].name if a in known else a
        nb = known[b].name if b in known else b
        todo.append(text("serve.journal.todo_remove_tie", "ja", a=na, b=nb, type=kind))
    if todo:
        lines.append(text("serve.journal.todo", "ja"))
        lines += ["  - " + x for x in todo]
        lines.append("")
    return "".join("# " + one_line(x) + "\n" if x else "#\n" for x in lines) + "\n"


# --- reading it back ---------------------------------------------------------------------------------------------


def is_journal_file(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` is a YAML file that holds a ``kyodo serve`` journal (a top-level ``x-kyodo-serve:``)."""
    p = Path(path)
    if p.suffix.lower() not in (".yaml", ".yml") or not p.is_file():
        return False
    try:
        head = p.read_bytes()[: 8 * 1024 * 1024].decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(r"(?m)^" + re.escape(JOURNAL_KEY) + r"[ \t]*:", head) is not None


def _bad(path: Path, what: str) -> KyodoError:
    return KyodoError(Msg("serve.error.bad_journal", (("path", str(path)), ("what", what))))


def read_journal(path: str | os.PathLike[str]) -> Journal:
    """The journal kept in the file at ``path``.

    Raises
    ------
    KyodoError
        When the file cannot be read, is not a journal of ``kyodo serve``, or an edit in it is not one of
        :data:`OPS` with its fields.
    """
    from ..casefile.yaml import load_yaml

    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise _bad(path, str(getattr(err, "strerror", None) or err)) from err
    data, problems = load_yaml(raw, str(path))
    if problems or not isinstance(data, dict) or not isinstance(data.get(JOURNAL_KEY), dict):
        raise _bad(path, JOURNAL_KEY)
    j = _plain(data[JOURNAL_KEY])
    if j.get("format") != JOURNAL_FORMAT:
        raise _bad(path, f"format: {j.get('format')!r}")
    edits, undone = j.get("edits") or [], j.get("undone") or []
    if not isinstance(edits, list) or not isinstance(undone, list):
        raise _bad(path, "edits")
    for e in (*edits, *undone):
        problem = _edit_problem(e)
        if problem:
            raise _bad(path, problem)
    inputs = [str(x) for x in j.get("inputs") or []]
    return Journal(inputs, str(j.get("started") or _dt.date.today().isoformat()), edits, undone)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _edit_problem(e: Any) -> str | None:
    if not isinstance(e, dict) or e.get("op") not in OPS:
        return f"edit {e!r}"
    for k in OPS[e["op"]]:
        v = e.get(k)
        if k == "value":
            if not isinstance(v, bool):
                return f"{e['op']}: {k}"
        elif not isinstance(v, str) or not v:
            return f"{e['op']}: {k}"
    extra = set(e) - set(OPS[e["op"]]) - OPTIONAL - {"op"}
    if extra:
        return f"{e['op']}: {', '.join(sorted(extra))}"
    if "held_by" in e and not (isinstance(e["held_by"], list) and all(isinstance(h, str) for h in e["held_by"])):
        return f"{e['op']}: held_by"
    return None


# --- saving ------------------------------------------------------------------------------------------------------


def default_journal_path(names: Sequence[str], paths: Sequence[Path]) -> Path:
    """Where tonight's file goes: beside the first input file, named after the inputs (``<case>-tonight.yaml``;
    several CASEs: ``<case1>_<case2>-tonight.yaml``). A bundled case is not a file of the user's: its journal
    goes into the working folder.

    >>> default_journal_path(["nippa"], [Path("/x/datasets/nippa.yaml")]).name
    'nippa-tonight.yaml'
    """
    from ..load import bundled_dir, case_stem

    stems = [case_stem(n) for n in names]
    joined = "_".join(stems) if len(stems) <= 3 else f"{stems[0]}-and-{len(stems) - 1}-more"
    first = Path(paths[0]).resolve() if paths else None
    folder = Path.cwd() if first is None or first.parent == bundled_dir().resolve() else first.parent
    return folder / f"{joined}-tonight.yaml"


def save_journal(
    path: str | os.PathLike[str], text: str, names: Sequence[str], *, memo: dict | None = None
) -> list[Case]:
    """Write ``text`` to ``path`` so that the file on disk is always a whole, valid journal; return the cases.

    The text goes to a temporary file beside ``path`` (flushed and fsynced), which is loaded with the input cases
    ``names`` by :func:`~kyodo_network.load.load_cases` — as ``kyodo validate NAMES… PATH`` would — and only then
    renamed over ``path``; the folder is fsynced after the rename. ``memo`` keeps the inputs' reading between
    saves (:func:`~kyodo_network.load.load_cases_and_files`).

    Raises
    ------
    CaseDataError
        When the would-be file does not load with the inputs (every problem shown under ``path``); ``path`` is
        left as it was.
    KyodoError
        When the folder cannot be written.
    """
    import dataclasses

    from ..load import load_cases_and_files

    path = Path(path)
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.{os.getpid()}.", suffix=_TMP_SUFFIX)
    except OSError as err:
        raise KyodoError(
            Msg("files.cannot-write", (("path", str(path)), ("reason", str(err.strerror or err))))
        ) from err
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        try:
            cases = load_cases_and_files([*names, tmp], memo=memo)[0]
        except CaseDataError as err:
            shown = {str(tmp), tmp.name, str(tmp.resolve())}
            try:
                shown.add(str(tmp.resolve().relative_to(Path.cwd().resolve())))
            except ValueError:
                pass
            raise CaseDataError(
                [dataclasses.replace(p, path=str(path)) if p.path in shown else p for p in err.problems]
            ) from None
        os.replace(tmp, path)
    except OSError as err:
        raise KyodoError(
            Msg("files.cannot-write", (("path", str(path)), ("reason", str(err.strerror or err))))
        ) from err
    finally:
        if tmp.exists():
            tmp.unlink()
    _fsync_folder(folder)
    return cases


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a system without directory handles (Windows): the rename is what it offers
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temps(path: str | os.PathLike[str]) -> None:
    """Remove temporary files of ``path`` left by a server that was killed while saving."""
    path = Path(path)
    pattern = re.compile(r"^\." + re.escape(path.name) + r"\.(\d+)\.[^.]+" + re.escape(_TMP_SUFFIX) + "$")
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        m = pattern.match(entry.name)
        if m and int(m.group(1)) != os.getpid() and not _running(int(m.group(1))):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True
