"""Write a case file (``kyodo-case/1`` YAML) from a case tree, as ``kyodo import`` does.

The tree is what :func:`kyodo_network.sheets.read_workbook` returns (or any mapping shaped like a case file). The
words are written as they are; the loader reads them (names, Japanese sector words, 和暦 years) as it reads
any case file, so the YAML loads to the same network as the workbook.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._write import write_atomic

__all__ = ["case_yaml_text", "write_case_yaml", "write_checked_case_yaml"]

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
        return yaml.dump(value, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100,
                         default_flow_style=False)

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


def write_case_yaml(path: str | os.PathLike[str], tree: Mapping[str, Any], *, made_from: str | None = None) -> Path:
    """Write :func:`case_yaml_text` of ``tree`` to ``path`` atomically."""
    return write_atomic(path, case_yaml_text(tree, made_from=made_from))


def write_checked_case_yaml(path: str | os.PathLike[str], tree: Mapping[str, Any], *,
                            made_from: str | None = None) -> Path:
    """Write the case file only if it loads: checked with its includes, as ``kyodo validate`` would.

    The text is first written to a hidden temporary file beside ``path`` (so includes are found from the same
    folder) and loaded with :func:`kyodo_network.load.load_cases`; the temporary file is always removed.

    Raises
    ------
    CaseDataError
        Every problem of the would-be file, shown under ``path``; nothing is written.
    """
    import dataclasses
    import tempfile

    from ..errors import CaseDataError, KyodoError
    from ..load import load_cases

    path = Path(path)
    text = case_yaml_text(tree, made_from=made_from)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".yaml")
    except OSError as err:
        msg = f"cannot write {path}: {err.strerror or err}"
        raise KyodoError(msg) from err
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        load_cases([tmp])
    except CaseDataError as err:
        shown = {str(tmp), tmp.name, str(tmp.resolve())}
        try:
            shown.add(str(tmp.resolve().relative_to(Path.cwd().resolve())))
        except ValueError:
            pass
        problems = [dataclasses.replace(p, path=str(path)) if p.path in shown else p for p in err.problems]
        raise CaseDataError(problems) from None
    finally:
        tmp.unlink(missing_ok=True)
    return write_atomic(path, text)


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
        if a.visibility != "public":
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
        rec["participants"] = [({"id": x.id, **({"role": x.role} if x.role else {}),
                                 **({"role_en": x.role_en} if x.role_en else {})} if x.role or x.role_en else x.id)
                               for x in p.participants]
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
