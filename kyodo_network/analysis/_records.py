"""When two records are one: a tie recorded by both sides, a project held in several years.

- A relation of a mutual type (協力, 情報交換, 連絡調整 …: not ``directed``) written once from each side
  (「A」 lists B and 「B」 lists A) is one tie: :func:`relation_key` ignores its direction. A directed relation
  (補助, 支援 …) keeps it: A subsidising B is not B subsidising A.
- A project written once a year (one record per year, the same name) is one project held in several years:
  :func:`project_key` is its name as compared (width, case and spaces ignored) and :func:`project_years` the
  years its records name.

:func:`~kyodo_network.analysis.risk.what_if` and :func:`~kyodo_network.analysis.diff.diff_graphs` count with
these keys, so 「失われる関係」 is never inflated by the same tie or project written twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import RELATION_TYPES

__all__ = ["relation_key", "project_key", "project_years", "directed_type", "same_project", "relation_records"]

#: A project whose records span more years than this lists its first and last year only.
MAX_SPAN = 60


def directed_type(type_id: str, graph_types: Mapping[str, Any] | None = None) -> bool:
    """Whether relations of ``type_id`` have a direction (the graph's ``relation_types``, else the model's; an
    unknown type is taken as directed, so two records are never merged on a guess).

    >>> directed_type("subsidy"), directed_type("cooperation"), directed_type("nonsense")
    (True, False, True)
    """
    info = (graph_types or {}).get(type_id)
    if info is not None and "directed" in info:
        return bool(info["directed"])
    t = RELATION_TYPES.get(type_id)
    return True if t is None else t.directed


def relation_key(r: Mapping[str, Any], graph_types: Mapping[str, Any] | None = None) -> tuple:
    """``(ends, type)``: the ends in order for a directed type, sorted (by ``str``) for a mutual one.

    >>> relation_key({"from": "b", "to": "a", "type": "cooperation"}) == relation_key({"from": "a", "to": "b", "type": "cooperation"})
    True
    >>> relation_key({"from": "b", "to": "a", "type": "subsidy"})
    (('b', 'a'), 'subsidy')
    """
    ends = (r["from"], r["to"])
    if not directed_type(r["type"], graph_types):
        ends = tuple(sorted(ends, key=str))
    return ends, r["type"]


def project_key(pid: str, p: Mapping[str, Any]) -> str:
    """The name a project is known by, compared loosely (NFKC, case folded, no spaces); its id without a name.

    >>> project_key("a", {"name": "夏まつり 2019"}) == project_key("b", {"name": "夏まつり 2019"}), project_key("x", {})
    (True, 'x')
    """
    name = p.get("name")
    if not name:
        return str(pid)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name))).casefold()


def project_years(records: Iterable[Mapping[str, Any]]) -> list[int]:
    """The years the records of one project name: every year from ``since`` to ``until`` of each (only the two
    ends past :data:`MAX_SPAN` years), ``since`` or ``until`` alone when only one is known; sorted, each once.

    >>> project_years([{"since": 2019, "until": 2019}, {"since": 2021}, {"since": 2017, "until": 2018}])
    [2017, 2018, 2019, 2021]
    """
    years: set[int] = set()
    for p in records:
        since, until = p.get("since"), p.get("until")
        if since is not None and until is not None and 0 <= until - since <= MAX_SPAN:
            years.update(range(since, until + 1))
        else:
            years.update(y for y in (since, until) if y is not None)
    return sorted(years)


def same_project(projects: Mapping[str, Mapping[str, Any]], pid: str) -> list[str]:
    """The ids of every record of the project ``pid`` is one year of (``pid`` among them), earliest first.

    >>> same_project({"a": {"name": "夏まつり", "since": 2020}, "b": {"name": "夏まつり", "since": 2019}, "c": {"name": "餅つき"}}, "a")
    ['b', 'a']
    """
    k = project_key(pid, projects.get(pid) or {})
    ids = [p for p, rec in projects.items() if project_key(p, rec) == k] or [pid]
    return sorted(ids, key=lambda p: ((projects.get(p) or {}).get("since") or 0, str(p)))


def relation_records(G: Any) -> dict:
    """Every relation record of ``G`` once, keyed by where it was written and what it joins: a relation sits on one
    edge, and several relations may share a place (the ties of one partners cell 「地区社協、野庭小」 all come from
    that cell), so the place alone is not a key.

    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_edge("a", "b", relations=[{"origin": "l.xlsx:一覧!G4", "from": "a", "to": "b", "type": "x"}])
    >>> G.add_edge("a", "c", relations=[{"origin": "l.xlsx:一覧!G4", "from": "a", "to": "c", "type": "x"}])
    >>> len(relation_records(G))
    2
    """
    return {
        (r["origin"], r["from"], r["to"], r["type"]) if r.get("origin") else id(r): r
        for _, _, d in G.edges(data=True)
        for r in d.get("relations", [])
    }
