"""The pure-Python suggestion ranking as it stood before the sparse rewrite (commit 344782d), kept as the
reference the fast path is compared with (tests/test_suggest_scale.py). Not used by the library."""

from __future__ import annotations

import difflib
import heapq
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from kyodo_network.errors import KyodoError
from kyodo_network.graph import undirected_actor_graph
from kyodo_network.lang import short_names

# What the rewrite did not touch (weights, the rows and their sentences) is the library's own: only the ranking
# (candidates, scores, second path) is the old one here.
from kyodo_network.analysis.suggest import CITY_WIDE_WARDS, SUGGEST_WEIGHTS, _centres_by_ward, _node_info, _row

__all__ = ["suggest_introductions"]

Pair = tuple[Hashable, Hashable]


def suggest_introductions(
    G: nx.Graph,
    *,
    for_actor: Hashable | None = None,
    top: int | None = None,
    cross_sector_only: bool = False,
    support_centres: Iterable[Any] | None = None,
    resources: Any = None,
) -> list[dict]:
    """The old definition of :func:`kyodo_network.analysis.suggest.suggest_introductions` (same signature)."""
    U = undirected_actor_graph(G)
    if for_actor is not None and for_actor not in U:
        close = difflib.get_close_matches(str(for_actor), [str(n) for n in U], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        msg = f"not an actor of this network: '{for_actor}'{hint}"
        raise KyodoError(msg)
    order = {n: i for i, n in enumerate(sorted(U, key=str))}
    info = {n: _node_info(U, n, resources) for n in U}  # offers and needs by meaning (issue 23), as the library
    for lang_key, name_key in (("short", "name"), ("short_en", "name_en")):
        shorts = short_names(d[name_key] for d in info.values())  # never two actors under one short name
        for d in info.values():
            d[lang_key] = shorts[d[name_key]]

    def key(u: Hashable, v: Hashable) -> Pair:
        return (u, v) if order[u] < order[v] else (v, u)

    adj = {n: set(U[n]) for n in U}
    closure, common = _adamic_adar(adj, for_actor, key)
    candidates = set(closure)
    candidates.update(_local_pairs(adj, info, for_actor, key))
    candidates -= _acquainted(G, key)

    component = {n: i for i, comp in enumerate(nx.connected_components(U)) for n in comp}
    blocks = _Blocks(U)
    w = SUGGEST_WEIGHTS
    scored = []
    for pair in candidates:
        u, v = pair
        iu, iv = info[u], info[v]
        cross = iu["sector"] != iv["sector"]
        if cross_sector_only and not cross:
            continue
        n_themes = len(iu["themes"] & iv["themes"])
        n_matches = len(iu["offers"] & iv["needs"]) + len(iv["offers"] & iu["needs"])
        aa = closure.get(pair, 0.0)
        separated = component[u] == component[v] and blocks.separated(u, v)
        local = (iu["district"] is not None and iu["district"] == iv["district"]) or (
            iu["ward"] not in CITY_WIDE_WARDS and iu["ward"] == iv["ward"]
        )
        score = (
            w["closure"] * aa
            + w["themes"] * n_themes
            + w["complement"] * n_matches
            + (w["cross_sector"] if cross else 0.0)
            + (w["second_path"] if separated else 0.0)
            + (w["locality"] if local else 0.0)
        )
        scored.append((-round(score, 4), -aa, order[u], order[v], separated))
    if top:
        scored = heapq.nsmallest(top, scored)
    else:
        scored.sort()

    centres = _centres_by_ward(support_centres)
    nodes = sorted(U, key=str)
    return [
        _row(U, info, nodes[i], nodes[j], -score, -aa, separated, common, blocks, centres, for_actor)
        for score, aa, i, j, separated in scored
    ]


# --- candidates ---------------------------------------------------------------------------------------------


def _acquainted(G: nx.Graph, key) -> set[Pair]:
    """Pairs that already know each other without a direct tie: members of the same body (two ``member``
    relations to one actor), participants of the same project (since a project with a convener ties its
    participants to the convener only), and a person and both ends of a tie the person holds (``held_by``)."""
    members: dict[Hashable, set] = defaultdict(set)
    out: set[Pair] = set()
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            if r["type"] == "member":
                members[r["to"]].add(r["from"])
            for h in r.get("held_by", []):
                if h in G:
                    out.update(key(h, e) for e in (r["from"], r["to"]) if e != h and e in G)
    for p in (G.graph.get("projects") or {}).values():
        members[("project", p.get("name"), id(p))] = {x["id"] for x in p.get("participants", []) if x["id"] in G}
    for group in members.values():
        ms = sorted(group, key=str)
        out.update(key(u, v) for i, u in enumerate(ms) for v in ms[i + 1 :])
    # Issue 21: circle-mates (member or founded either way, a department of its office by name) know each other,
    # and each reaches the other's partners. The circle itself is the library's one definition; the reach is
    # walked here pair by pair (the library takes it from sparse products).
    from kyodo_network.analysis.circles import circle_pairs

    U = undirected_actor_graph(G)
    for pair in circle_pairs(G, U):
        x, b = tuple(pair)
        out.add(key(x, b))
        for mate, body in ((x, b), (b, x)):
            out.update(key(mate, y) for y in U[body] if y != mate)
    return out


def _adamic_adar(
    adj: dict[Hashable, set], for_actor: Hashable | None, key
) -> tuple[dict[Pair, float], dict[Pair, list]]:
    """Adamic–Adar index and common partners of every non-adjacent pair at distance two (``adj``: node → set)."""
    score: dict[Pair, float] = defaultdict(float)
    common: dict[Pair, list] = defaultdict(list)
    centres = adj[for_actor] if for_actor is not None else adj
    for w in list(centres):
        d = len(adj[w])
        if d < 2:
            continue
        inc = 1 / math.log(d)
        nbrs = list(adj[w])
        if for_actor is not None:
            mine = adj[for_actor]
            for v in nbrs:
                if v != for_actor and v not in mine:
                    k = key(for_actor, v)
                    score[k] += inc
                    common[k].append(w)
            continue
        for i, u in enumerate(nbrs):
            near = adj[u]
            for v in nbrs[i + 1 :]:
                if v not in near:
                    k = key(u, v)
                    score[k] += inc
                    common[k].append(w)
    return score, common


def _local_pairs(adj: dict[Hashable, set], info: dict, for_actor: Hashable | None, key) -> set[Pair]:
    """Untied pairs in the same ward or district that share a theme or where one offers what the other needs.

    These are the candidates that need no partner in common (the ward's support centre introduces them).
    """
    groups: dict[tuple, list] = defaultdict(list)
    for n, d in info.items():
        if d["ward"] not in CITY_WIDE_WARDS:
            groups[("ward", d["ward"])].append(n)
        if d["district"] is not None:
            groups[("district", d["district"])].append(n)
    if for_actor is not None:
        mine = {("ward", info[for_actor]["ward"]), ("district", info[for_actor]["district"])}
        groups = {g: members for g, members in groups.items() if g in mine}
    out: set[Pair] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        themes, offers, needs = defaultdict(list), defaultdict(list), defaultdict(list)
        for n in members:
            for t in info[n]["themes"]:
                themes[t].append(n)
            for x in info[n]["offers"]:
                offers[x].append(n)
            for x in info[n]["needs"]:
                needs[x].append(n)
        links = [(holders, holders) for holders in themes.values()]
        links += [(givers, needs[x]) for x, givers in offers.items() if x in needs]
        if for_actor is not None:  # the actor on either side (on both, when it offers and needs an item)
            links = [
                side
                for left, right in links
                for side in ((([for_actor], right),) if for_actor in left else ())
                + (((left, [for_actor]),) if for_actor in right else ())
            ]
        for left, right in links:
            for u in left:
                near = adj[u]
                for v in right:
                    if v != u and v not in near:
                        out.add(key(u, v))
    return out


class _Blocks:
    """Biconnected components (blocks) and the block–cut tree, for "only one actor holds these two together"."""

    def __init__(self, U: nx.Graph) -> None:
        self.of: dict[Hashable, set[int]] = defaultdict(set)
        for i, comp in enumerate(nx.biconnected_components(U)):
            for n in comp:
                self.of[n].add(i)
        self.cut = {n for n, b in self.of.items() if len(b) > 1}
        self._parent: dict | None = None

    def separated(self, a: Hashable, b: Hashable) -> bool:
        """For two actors of one component: True if no block holds both (an articulation point separates them)."""
        return self.of[a].isdisjoint(self.of[b])

    def _node(self, n: Hashable) -> tuple:
        return ("c", n) if n in self.cut else ("b", next(iter(self.of[n])))

    def holders(self, a: Hashable, b: Hashable) -> list:
        """Articulation points on the block–cut tree path between ``a`` and ``b`` (``a`` and ``b`` excluded)."""
        if self._parent is None:
            T = nx.Graph()
            for c in self.cut:
                T.add_edges_from((("c", c), ("b", i)) for i in self.of[c])
            self._parent, self._depth = {}, {}
            for comp in nx.connected_components(T):
                root = min(comp, key=str)
                self._parent[root], self._depth[root] = None, 0
                for p, child in nx.bfs_edges(T, root):
                    self._parent[child], self._depth[child] = p, self._depth[p] + 1
        x, y = self._node(a), self._node(b)
        if x not in self._parent or y not in self._parent:
            return []
        left, right = [], []
        while x != y:
            if self._depth[x] >= self._depth[y]:
                left.append(x)
                x = self._parent[x]
            else:
                right.append(y)
                y = self._parent[y]
        path = left + [x] + right[::-1]
        return [n for kind, n in path if kind == "c" and n not in (a, b)]


# --- introducers ------------------------------------------------------------------------------------------
