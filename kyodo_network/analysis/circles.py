"""An actor's own circle: the bodies it belongs to or represents, its own members, its departments and its office.

Two actors are in one circle (*circle-mates*) when

- one is a ``member`` of the other (a 団地自治会 of its 連合, a person who is 代表 or 役員 of a group, a
  department of its office: every word the vocabulary places under ``member``), or
- one ``founded`` the other (区役所 → 地区支援チーム), or
- one is a department of the other by its name: the department's name is the office's name followed by a
  department word (「瀬谷区役所 地域振興課」 of 「瀬谷区役所」, see :func:`department_of`).

Whatever one circle-mate is tied to, the other already reaches through it: a member reaches its body's partners,
a body reaches its members' partners, an office its department's. :func:`~kyodo_network.analysis.suggest.suggest_introductions`
never introduces an actor to a partner it reaches that way (nor an actor to its own circle-mate), so it never
names a body's own member as the one who could introduce the body, nor calls a department a separate party that
"alone connects" its office with someone; :func:`~kyodo_network.analysis.handover.handover` and
:func:`~kyodo_network.analysis.risk.risks` count a person's circle-mates as the person's own side, not as
partners the person carries.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Hashable, Iterable, Mapping
from functools import lru_cache

import networkx as nx

__all__ = [
    "CIRCLE_TYPES",
    "DEPARTMENT_WORDS",
    "department_of",
    "departments_by_name",
    "departments_near",
    "circle_pairs",
    "circle_pairs_near",
    "circle_of",
]

#: Relation types that put their two ends in one circle.
CIRCLE_TYPES = frozenset({"member", "founded"})

#: The last word of a department's own name (after the office's name): 課, 係, 室 …
DEPARTMENT_WORDS = (
    "課",
    "係",
    "室",
    "部",
    "局",
    "班",
    "センター",
    "担当",
    "事務局",
    "支所",
    "出張所",
    "チーム",
    "グループ",
)

_REMARK = re.compile(r"[（(][^）)]*[）)]$")
_JOINERS = " 　・/／の"


@lru_cache(maxsize=1 << 16)
def _plain(name: str) -> str:
    """``name`` compared: NFKC, no spaces (kept for the names met before: an edit changes few names)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


@lru_cache(maxsize=1 << 16)
def _department_like(name: str) -> bool:
    """True when ``name`` ends as only a department's name ends (a department word, perhaps before a remark)."""
    return _REMARK.sub("", _plain(name)).endswith(DEPARTMENT_WORDS)


def department_of(department: str, office: str) -> bool:
    """True when the name ``department`` is the name ``office`` followed by a department's own name.

    The office's whole name must open the department's (spaces and width ignored), and what follows, without a
    closing remark in brackets (「（当時）」), must end with a department word (:data:`DEPARTMENT_WORDS`) and not
    open with a bracket (「自治会（その2）」 is not a department of 「自治会」). The office's name has at least
    two characters.

    >>> department_of("瀬谷区役所 地域振興課", "瀬谷区役所"), department_of("青葉区役所サービス課（当時）", "青葉区役所")
    (True, True)
    >>> department_of("自治会（その2）", "自治会"), department_of("みどり会館", "みどり会"), department_of("瀬谷区役所", "瀬谷区役所")
    (False, False, False)
    """
    d, o = _plain(department), _plain(office)
    if len(o) < 2 or not d.startswith(o):
        return False
    rest = _REMARK.sub("", d[len(o) :]).strip(_JOINERS)
    return bool(rest) and rest[0] not in "（([【" and rest.endswith(DEPARTMENT_WORDS)


def departments_by_name(names: Mapping[Hashable, str]) -> list[tuple[Hashable, Hashable]]:
    """Every ``(department, office)`` among ``names`` (id → name) by :func:`department_of`, sorted by ids.

    Each name is looked up by its openings, so the cost is the sum of the names' squared lengths, not n².

    >>> departments_by_name({"o": "瀬谷区役所", "d": "瀬谷区役所 地域振興課", "x": "瀬谷区社会福祉協議会"})
    [('d', 'o')]
    """
    by_name: dict[str, list[Hashable]] = {}
    for i, name in names.items():
        if name:
            by_name.setdefault(_plain(name), []).append(i)
    out = set()
    for i, name in names.items():
        if not _department_like(name):  # only a department's name ends so
            continue
        plain = _plain(name)
        for k in range(2, len(plain)):
            for o in by_name.get(plain[:k], ()):
                if o != i and department_of(name, names[o]):
                    out.add((i, o))
    return sorted(out, key=lambda p: (str(p[0]), str(p[1])))


def departments_near(names: Mapping[Hashable, str], actors: Iterable[Hashable]) -> list[tuple[Hashable, Hashable]]:
    """The pairs of :func:`departments_by_name` of ``names`` whose department or office is one of ``actors``
    (ids of ``names``), found from those actors' names only: the offices whose names open an actor's name, and
    the departments whose names an actor's name opens. Sorted by ids.

    >>> names = {"o": "瀬谷区役所", "d": "瀬谷区役所 地域振興課", "x": "瀬谷区社会福祉協議会", "k": "港南区役所 福祉課"}
    >>> departments_near(names, ["o"]), departments_near(names, ["x"])
    ([('d', 'o')], [])
    """
    by_name: dict[str, list[Hashable]] = {}
    looks: list[tuple[str, int, Hashable]] = []  # the names a department's could be, by their plain form
    for k, (i, name) in enumerate(names.items()):
        if name:
            by_name.setdefault(_plain(name), []).append(i)
            if _department_like(name):
                looks.append((_plain(name), k, i))
    looks.sort(key=lambda x: (x[0], x[1]))
    keys = [x[0] for x in looks]
    out = set()
    for i in dict.fromkeys(actors):
        name = names.get(i)
        if not name:
            continue
        plain = _plain(name)
        if _department_like(name):  # ``i`` as a department: offices named by the openings of its name
            for k in range(2, len(plain)):
                for o in by_name.get(plain[:k], ()):
                    if o != i and department_of(name, names[o]):
                        out.add((i, o))
        if len(plain) >= 2:  # ``i`` as an office: departments whose names its name opens
            for p, _, d in looks[bisect_left(keys, plain) :]:
                if not p.startswith(plain):
                    break
                if len(p) > len(plain) and d != i and department_of(names[d], name):
                    out.add((d, i))
    return sorted(out, key=lambda p: (str(p[0]), str(p[1])))


def circle_pairs_near(
    G: nx.Graph, actors: Iterable[Hashable], relations: Iterable[Mapping] | None = None
) -> set[frozenset]:
    """The pairs of :func:`circle_pairs` of ``G`` that hold one of ``actors``, without reading every name.

    ``relations``: the relations of ``G`` whose type is one of :data:`CIRCLE_TYPES` when already gathered
    (every edge's are read when not).

    >>> G = nx.Graph()
    >>> G.add_edge("ka", "office", relations=[{"from": "ka", "to": "office", "type": "member"}])
    >>> G.add_node("dept", name="区役所 福祉課"); G.nodes["office"]["name"] = "区役所"
    >>> sorted(tuple(sorted(p)) for p in circle_pairs_near(G, ["dept"]))
    [('dept', 'office')]
    """
    near = {a for a in actors if a in G}
    if relations is None:
        relations = (r for _, _, d in G.edges(data=True) for r in d.get("relations", []))
    out: set[frozenset] = set()
    for r in relations:
        if r.get("type") in CIRCLE_TYPES and r["from"] != r["to"]:
            a, b = r["from"], r["to"]
            if (a in near or b in near) and a in G and b in G:
                out.add(frozenset((a, b)))
    names = {n: G.nodes[n].get("name") or "" for n in G}
    out.update(frozenset(p) for p in departments_near(names, near))
    return out


def circle_pairs(G: nx.Graph, nodes: Iterable[Hashable] | None = None) -> set[frozenset]:
    """The pairs of circle-mates of ``G`` (see the module docstring), as frozensets of two actor ids.

    ``nodes``: only these actors (default: every node of ``G``). Relations are read from the edges'
    ``relations``; names from the nodes' ``name``.

    >>> G = nx.Graph()
    >>> G.add_edge("ka", "office", relations=[{"from": "ka", "to": "office", "type": "member"}])
    >>> G.add_node("dept", name="区役所 福祉課"); G.nodes["office"]["name"] = "区役所"
    >>> sorted(tuple(sorted(p)) for p in circle_pairs(G))
    [('dept', 'office'), ('ka', 'office')]
    """
    keep = set(G) if nodes is None else set(nodes) & set(G)
    out: set[frozenset] = set()
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            if r.get("type") in CIRCLE_TYPES and r["from"] != r["to"] and r["from"] in keep and r["to"] in keep:
                out.add(frozenset((r["from"], r["to"])))
    names = {n: G.nodes[n].get("name") or "" for n in keep}
    out.update(frozenset(p) for p in departments_by_name(names))
    return out


def circle_of(G: nx.Graph, v: Hashable, pairs: set[frozenset] | None = None) -> set:
    """``v``'s circle-mates (never ``v`` itself)."""
    pairs = circle_pairs(G) if pairs is None else pairs
    return {x for p in pairs if v in p for x in p if x != v}
