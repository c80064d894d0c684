"""The ``kyodo-case/1`` YAML file: read into a located tree (below), and written from a case (:func:`case_tree`,
:func:`case_yaml_text`, at the end).

Safe YAML that remembers where each value was written and rejects duplicate keys.

We read PyYAML's event stream (from libyaml's C parser when it is installed, else the pure-Python one) and
build plain ``dict``/``list`` subclasses that carry the 1-based ``(line, col)`` of every key and value. The
build is a loop, not a recursion, so the nesting depth is checked before it can hurt; only the safe tags are
constructed, and a value that cannot be constructed (``2010-02-30``, ``!!int x``, a 5,000-digit number) is a
located problem, never an exception.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Mapping
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..errors import Problem, msg, problem

__all__ = ["YMap", "YList", "load_yaml", "INVALID", "FAST", "case_yaml_text", "case_tree"]

try:
    from yaml import CSafeLoader as _Loader

    #: True when libyaml's C parser is used.
    FAST = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader

    FAST = False

#: Bound on the number of nodes built from one file, so alias bombs (billion laughs) fail fast.
MAX_NODES = 2_000_000

#: Nodes allowed beyond two per character of text. A node written out takes at least about a character, so
#: only aliases can exceed ``NODE_SLACK + 2 * len(text)``; the bound makes an alias bomb fail in milliseconds.
NODE_SLACK = 10_000

#: Deepest nesting of mappings and lists accepted (a case file needs about five).
MAX_DEPTH = 50

STR = "tag:yaml.org,2002:str"
MERGE = "tag:yaml.org,2002:merge"
INT = "tag:yaml.org,2002:int"
KINDS = {
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:timestamp": "timestamp",
    "tag:yaml.org,2002:null": "null",
}
_SURROGATE = re.compile("[\ud800-\udfff]")
COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Invalid:
    """Stands for a value already reported as a problem; the loader skips it without a second message."""

    def __repr__(self) -> str:
        return "INVALID"

    def __reduce__(self) -> str:
        return "INVALID"  # the one instance, also after the read cache's pickle


INVALID = _Invalid()


class YMap(dict):
    """A mapping with ``pos`` (its own position) and ``key_pos``/``value_pos`` per key."""

    pos: tuple[int, int]
    key_pos: dict[Any, tuple[int, int]]
    value_pos: dict[Any, tuple[int, int]]


class YList(list):
    """A sequence with ``pos`` and ``item_pos`` per index."""

    pos: tuple[int, int]
    item_pos: list[tuple[int, int]]


class _TooBig(Exception):
    pass


class _Stop(Exception):
    """A problem after which the rest of the file cannot be read."""

    def __init__(self, found: Problem) -> None:
        self.problem = found


class _Builder:
    def __init__(self, loader: Any, path: str, limit: int) -> None:
        self.loader = loader
        self.path = path
        self.problems: list[Problem] = []
        self.count = 0
        self.limit = limit
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.resolved: dict[tuple, str] = {}  # implicit tags of scalars seen before (keys repeat a lot)

    def add(self, code: str, pos: tuple[int, int], **fields: object) -> None:
        self.problems.append(problem(code, self.path, pos[0], pos[1], **fields))

    def scalar(self, ev: ScalarEvent, pos: tuple[int, int]) -> Any:
        tag = ev.tag
        if tag is None or tag == "!":
            memo = (ev.value, ev.implicit)
            tag = self.resolved.get(memo)
            if tag is None:
                tag = self.resolved[memo] = self.loader.resolve(yaml.ScalarNode, ev.value, ev.implicit)
        if tag == STR:
            value = ev.value
            if ev.style == '"' and _SURROGATE.search(value):
                self.add("yaml-syntax", pos, detail=msg("what.surrogate"))
                return INVALID
            return value
        if tag == INT and len(ev.value) < 19 and ev.value.isdigit() and ev.value.isascii() and ev.value[0] != "0":
            return int(ev.value)  # the common case (a year, a weight), as SafeConstructor would read it
        if tag == MERGE:
            return _MERGE
        constructor = self.loader.yaml_constructors.get(tag) if tag in KINDS else None
        if constructor is None:
            self.add("bad-tag", pos, tag=tag.replace("tag:yaml.org,2002:", "!!"))
            return INVALID
        node = yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, ev.style)
        try:
            return constructor(self.loader, node)
        except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError, OverflowError, binascii.Error):
            self.add("bad-scalar", pos, value=ev.value, kind=msg(f"kind.{KINDS[tag]}"))
            return INVALID

    def run(self) -> Any:
        get = self.loader.get_event
        get()  # stream start
        ev = get()
        if isinstance(ev, StreamEndEvent):
            return None
        root: Any = None
        # Each frame: [container, is_mapping, pending key, key position, anchor, count at start, skip next value,
        # bad tag]
        stack: list[list[Any]] = []
        while True:
            ev = get()
            mark = ev.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if type(ev) is ScalarEvent:
                value = self.scalar(ev, pos)
                self.tick()
                if ev.anchor:
                    self.anchors[ev.anchor] = (value, 1)
            elif isinstance(ev, (MappingStartEvent, SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise _Stop(problem("too-deep", self.path, *pos, limit=MAX_DEPTH))
                self.tick()
                bad = ev.tag is not None and ev.tag != "!" and ev.tag not in COLLECTION_TAGS
                if bad:
                    self.add("bad-tag", pos, tag=ev.tag.replace("tag:yaml.org,2002:", "!!"))
                if isinstance(ev, MappingStartEvent):
                    box: Any = YMap()
                    box.pos, box.key_pos, box.value_pos = pos, {}, {}
                else:
                    box = YList()
                    box.pos, box.item_pos = pos, []
                stack.append([box, isinstance(ev, MappingStartEvent), _NO_KEY, None, ev.anchor, self.count, False, bad])
                if ev.anchor:
                    self.anchors.pop(ev.anchor, None)
                continue
            elif isinstance(ev, (MappingEndEvent, SequenceEndEvent)):
                box, _, _, _, anchor, start, _, bad = stack.pop()
                value, pos = (INVALID if bad else box), box.pos
                if anchor:
                    self.anchors[anchor] = (box, self.count - start + 1)
            elif isinstance(ev, AliasEvent):
                if ev.anchor not in self.anchors:
                    if any(f[4] == ev.anchor for f in stack):
                        raise _TooBig
                    self.add("yaml-syntax", pos, detail=msg("what.undefined-alias", anchor=ev.anchor))
                    value = INVALID
                else:
                    value, size = self.anchors[ev.anchor]
                    self.count += size
                    if self.count > self.limit:
                        raise _TooBig
            elif isinstance(ev, DocumentEndEvent):
                break
            else:  # pragma: no cover - the parser emits nothing else inside a document
                continue
            if not stack:
                root = value
                continue
            frame = stack[-1]
            box = frame[0]
            if not frame[1]:
                box.append(value)
                box.item_pos.append(pos)
            elif frame[2] is _NO_KEY:
                if value is _MERGE:
                    self.add("merge-key", pos)
                    frame[6] = True
                    value = "<<"
                elif isinstance(value, (dict, list)):
                    value = str(value)
                elif value is INVALID:
                    value = f"\x00invalid{pos}"
                frame[2], frame[3] = value, pos
            else:
                k, kpos = frame[2], frame[3]
                frame[2] = _NO_KEY
                if frame[6]:
                    frame[6] = False
                elif k in box:
                    self.add("duplicate-key", kpos, key=k, first=box.key_pos[k][0])
                else:
                    box[k] = value
                    box.key_pos[k] = kpos
                    box.value_pos[k] = pos
        ev = get()
        if not isinstance(ev, StreamEndEvent):  # another document follows
            mark = ev.start_mark
            raise _Stop(
                problem("yaml-syntax", self.path, mark.line + 1, mark.column + 1, detail=msg("what.two-documents"))
            )
        return root

    def tick(self) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _TooBig


_NO_KEY = object()
_MERGE = object()


def load_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document safely.

    Returns the located data (``None`` when the file cannot be read as YAML) and the problems found (syntax,
    duplicate keys, values that cannot be constructed).
    """
    loader = None
    builder = None
    try:
        loader = _Loader(text)  # the pure-Python reader checks for control characters here: keep it in the try
        builder = _Builder(loader, path, min(MAX_NODES, NODE_SLACK + 2 * len(text)))
        data = builder.run()
        return data, builder.problems
    except _Stop as stop:
        return None, [*(builder.problems if builder else []), stop.problem]
    except yaml.MarkedYAMLError as err:
        return None, [_syntax(err, path)]
    except yaml.reader.ReaderError as err:  # control characters and the like, at a character offset
        line = text.count("\n", 0, err.position) + 1
        col = err.position - text.rfind("\n", 0, err.position)
        return None, [problem("yaml-syntax", path, line, col, detail=str(err).splitlines()[0])]
    except yaml.YAMLError as err:
        return None, [problem("yaml-syntax", path, 0, 0, detail=str(err).splitlines()[0])]
    except _TooBig:
        return None, [problem("unreadable", path, 0, 0, what=msg("what.too-big-nodes"))]
    finally:
        if loader is not None:
            loader.dispose()


def _syntax(err: yaml.MarkedYAMLError, path: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    # A scanner error ("while scanning a simple key", "... a quoted scalar") or a parser error found at the end
    # of the stream is noticed a line or more after the mistake; the context mark is where it was made.
    at_end = "end of stream" in str(err.problem) or "<stream end>" in str(err.problem)
    if err.context_mark is not None and (isinstance(err, yaml.scanner.ScannerError) or at_end):
        mark = err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    what = err.problem or str(err)
    if err.context:
        what = f"{err.context}, {what}"
    return problem("yaml-syntax", path, line, col, detail=what)


# --- the writer: a case file's text ----------------------------------------------------------------------------

#: Top-level keys in the order a person reads them.
ORDER = ("format", "source", "district", "include", "sectors", "actors", "relations", "projects")


def _plain(value: Any) -> Any:
    """Located YMap/YList → plain dict/list (the dumper must not see the subclasses)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def case_yaml_text(tree: Mapping[str, Any], *, made_from: str | None = None) -> str:
    """The case file's text: top-level sections in :data:`ORDER`, a blank line between records.

    Short lists of words are written in brackets (``themes: [子育て, 見守り]``); text that YAML would read as
    something else (``yes``, ``012``) is quoted.

    >>> print(case_yaml_text({"format": "kyodo-case/1", "district": {"name": "みどり地区"},
    ...                       "actors": [{"name": "みどりの会", "sector": "自治会", "themes": ["子育て"]}]}))
    format: kyodo-case/1
    <BLANKLINE>
    district:
      name: みどり地区
    <BLANKLINE>
    actors:
      - name: みどりの会
        sector: 自治会
        themes: [子育て]
    <BLANKLINE>
    """
    import yaml

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
            return super().increase_indent(flow, False)

    def represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
        flow = all(not isinstance(v, (dict, list)) for v in data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)

    Dumper.add_representer(list, represent_list)

    def dump(value: Any) -> str:
        return yaml.dump(value, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)

    data = _plain(tree)
    keys = [k for k in ORDER if k in data] + [k for k in data if k not in ORDER]
    parts = []
    if made_from:
        parts.append(f"# kyodo import で {made_from} から作りました / made by kyodo import from {made_from}\n")
    for key in keys:
        value = data[key]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = [dump([item]).replace("\n", "\n  ").rstrip(" ") for item in value]
            parts.append(f"{key}:\n" + "\n".join("  " + item for item in items))
        else:
            parts.append(dump({key: value}))
    return "\n".join(parts)


def case_tree(case: Any) -> dict[str, Any]:
    """A loaded :class:`~kyodo_network.model.Case` as a case file's tree: what the reader understood, written out.

    ``kyodo import`` writes this, so the YAML holds the linked data (ids for every reference, the actors made
    for names not in the list, one tie for a pair listed twice) with the user's own words kept: an actor's
    category word as its ``sector``, a tie's own word as its ``type``. Reading the YAML gives the same network.
    """
    from ..model import FORMAT

    def some(rec: Any, keys: tuple[str, ...], skip: dict[str, Any] | None = None) -> dict[str, Any]:
        out = {}
        for k in keys:
            v = getattr(rec, k)
            if v in (None, "", (), []) or (skip and skip.get(k) == v):
                continue
            out[k] = list(v) if isinstance(v, tuple) else v
        return out

    d = case.district
    tree: dict[str, Any] = {"format": FORMAT}
    if case.source:
        tree["source"] = dict(case.source)
    tree["district"] = some(d, ("id", "name", "name_en", "ward", "ward_en", "city", "summary", "cite"))
    if case.includes:
        tree["include"] = [c.path for c in case.includes]
    cite = {"cite": case.source.get("title") or case.source.get("publisher") or ""}  # the loader's default cite
    actors = []
    for a in case.actors:
        rec = {"id": a.id, "name": a.name, "sector": a.category or a.sector}
        rec.update(some(a, ("name_en", "role", "role_en", "themes", "offers", "needs", "since", "until"), cite))
        if a.visibility != "public" or a.sector == "person":  # a person with no visibility is read as private
            rec["visibility"] = a.visibility
        rec.update(some(a, ("contact", "representative", "ward", "ward_en", "cite", "note"), cite))
        if a.private_fields:
            rec["private_fields"] = list(a.private_fields)
        if a.inferred or a.inferred_fields:
            rec["inferred"] = True if a.inferred else list(a.inferred_fields)
        actors.append(rec)
    tree["actors"] = actors
    relations = []
    for r in case.relations:
        rec = {"from": r.source, "to": r.target, "type": r.label or r.type}
        rec.update(some(r, ("since", "until", "cite", "note", "held_by"), cite))
        if r.weight != 2:
            rec["weight"] = r.weight
        if r.inferred or r.inferred_fields:
            rec["inferred"] = True if r.inferred else list(r.inferred_fields)
        if r.agreement:
            rec["agreement"] = dict(r.agreement)
        relations.append(rec)
    if relations:
        tree["relations"] = relations
    projects = []
    for p in case.projects:
        rec = {"id": p.id, "name": p.name}
        rec["participants"] = [
            (
                {"id": x.id, **({"role": x.role} if x.role else {}), **({"role_en": x.role_en} if x.role_en else {})}
                if x.role or x.role_en
                else x.id
            )
            for x in p.participants
        ]
        rec.update(some(p, ("name_en", "since", "until", "themes", "cite", "note"), cite))
        if p.inferred or p.inferred_fields:
            rec["inferred"] = True if p.inferred else list(p.inferred_fields)
        if p.agreement:
            rec["agreement"] = dict(p.agreement)
        if p.reviews:
            rec["reviews"] = [_review(v) for v in p.reviews]
        projects.append(rec)
    if projects:
        tree["projects"] = projects
    if case.reviews:
        tree["reviews"] = [{"project": v.project, **_review(v)} for v in case.reviews]
    return tree


def _review(v: Any) -> dict[str, Any]:
    out = {"by": v.reviewer, "year": v.year, "moment": v.moment, "scores": dict(v.scores)}
    if v.comment:
        out["comment"] = v.comment
    return out


# --- what a Japanese keyboard slips into YAML ------------------------------------------------------------------

_SLIP_COLON = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[^\s:：#\"'\-][^:：#\"']{0,40}?)[ \u3000]*：")
_SLIP_INDENT = re.compile(r"^[ ]*(?P<bad>[\u3000\t]+)")


def keyboard_slips(text: str) -> list[tuple[int, int, str]]:
    """Lines where a Japanese keyboard slipped into the file's structure: ``(line, col, slip)`` with ``slip`` one of
    ``colon`` (a full-width 「：」 after a key: ``name：山田さん``), ``fullwidth-space`` or ``tab`` (in the indent).

    Only the structure is looked at: a 「：」 inside a value (``note: 例：会場``) or a full-width space inside a block
    of text is not a slip.

    >>> keyboard_slips("actors:\\n  - name：山田さん\\n\\u3000\\u3000sector: 個人\\n\\tx: 1\\nnote: 例：会場\\n")
    [(2, 9, 'colon'), (3, 1, 'fullwidth-space'), (4, 1, 'tab')]
    """
    out = []
    block_indent: int | None = None  # inside a block scalar (| or >) indented deeper than this
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped.strip(" \u3000\t") or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        m = _SLIP_INDENT.match(line)
        if m:
            out.append((number, m.start("bad") + 1, "tab" if m.group("bad")[0] == "\t" else "fullwidth-space"))
            continue
        m = _SLIP_COLON.match(line)
        if m and ":" not in line[: m.end()]:
            out.append((number, m.end(), "colon"))
            continue
        if re.search(r":[ ]+[|>][+-]?[0-9]?[ ]*(#.*)?$", line):
            block_indent = indent
    return out
