"""The pure-Python suggestion ranking as it stood before the sparse rewrite (commit 344782d), kept verbatim as the
reference the fast path is compared with (tests/test_suggest_scale.py). Not used by the library."""

from __future__ import annotations

import difflib
import heapq
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from kyodo_network.errors import KyodoError
from kyodo_network.graph import undirected_actor_graph
from kyodo_network.lang import short_names
from kyodo_network.analysis.wording import suggestion_inferred, suggestion_reasons

__all__ = ["suggest_introductions", "SUGGEST_WEIGHTS", "CITY_WIDE_WARDS"]

#: Weight of each part of a suggestion's ``score`` (see :func:`suggest_introductions`).
SUGGEST_WEIGHTS = {
    "closure": 1.0,       # × Adamic–Adar index over common partners
    "themes": 0.5,        # × number of shared themes
    "complement": 1.0,    # × number of offer → need matches, both directions
    "cross_sector": 0.5,  # the two are in different sectors
    "second_path": 0.5,   # today a single actor holds the two together
    "locality": 0.5,      # same district (case file), or same ward
}

#: ``ward`` values that name no particular ward, so they never count as "the same ward".
CITY_WIDE_WARDS = frozenset({"横浜市全域", "City-wide", ""})

Pair = tuple[Hashable, Hashable]


def suggest_introductions(
    G: nx.Graph,
    *,
    for_actor: Hashable | None = None,
    top: int | None = None,
    cross_sector_only: bool = False,
    support_centres: Iterable[Any] | None = None,
) -> list[dict]:
    """Rank introductions between actors that are not yet related, with introducers and reasons.

    Parameters
    ----------
    G
        Actor graph from :func:`~kyodo_network.graph.graph_from_cases` (directed or not; not changed). Node
        attributes ``name``, ``name_en``, ``sector``, ``themes``, ``offers``, ``needs``, ``ward``, ``district``
        are used when present; edge attribute ``weight`` (tie strength 1–3, default 1) orders the introducers.
    for_actor
        Only suggestions that involve this actor (it is then always ``a``).
    top
        Return only the first ``top`` suggestions.
    cross_sector_only
        Only pairs whose two actors are in different sectors.
    support_centres
        Support centres that can introduce a pair with no partner in common: records with ``id``, ``name``,
        ``name_en`` and ``ward`` (``Actor`` objects or mappings), e.g. the ``support`` actors of
        ``yokohama-city`` that have a ``ward``. The centre of each actor's ward is used. ``None``: such pairs
        get no introducer.

    Returns
    -------
    list of dict
        Best first. Each suggestion has

        - ``a``, ``b`` (actor ids; ``a`` < ``b`` by ``str`` unless ``for_actor``), ``a_name``, ``a_name_en``,
          ``b_name``, ``b_name_en``;
        - ``score`` and ``parts`` (the weighted part scores below, which add up to ``score``);
        - ``introducers`` (ids of actors tied to both, best first), ``introducer_names``,
          ``introducer_names_en`` and ``introducer_kind``: ``"common_partner"``, or ``"support_centre"`` when
          nobody is tied to both and the ward's support centre is a place to ask (``ask_at``, ``ask_at_names``,
          ``ask_at_names_en``: 相談先, never called an introducer), else ``None``;
        - ``common_partners`` (how many), ``shared_themes``, ``offers_needs`` (``{"from", "to", "item"}``: what
          ``from`` offers and ``to`` needs), ``sectors`` (``[sector of a, sector of b]``), ``cross_sector``,
          ``second_path``, ``held_by`` (ids of the actors that alone hold the two together today),
          ``same_district``, ``same_ward``;
        - ``inferred``: True when the reasons rest on a record, field or tie the author inferred (the reasons
          then end with 「（推定を含む）」);
        - ``reasons``: ``{"ja": …, "en": …}``, one or two sentences ending with the introducers, e.g.
          「どちらも子育てに取り組み、港南区役所が両者と協働しています（紹介役: 港南区役所）。」

    Raises
    ------
    KyodoError
        If ``for_actor`` is not an actor of ``G`` (with a did-you-mean).

    Examples
    --------
    >>> G = nx.Graph([("a", "x"), ("x", "b")])
    >>> nx.set_node_attributes(G, {"a": "npo", "x": "government", "b": "neighbourhood"}, "sector")
    >>> s = suggest_introductions(G)[0]
    >>> s["a"], s["b"], s["introducers"], s["parts"]["closure"], s["parts"]["cross_sector"]
    ('a', 'b', ['x'], 1.4427, 0.5)

    Notes
    -----
    Candidates are pairs of distinct actors with no tie in the undirected actor graph (no relation, no shared
    project), who are not members of the same body and of whom neither holds a tie (``held_by``) of the other
    (they know each other already), and that either have a partner in common, or are in the same ward or district and share a theme or
    match an offer to a need (a pair with nobody in common needs someone local to introduce them: the ward's
    support centre). Each gets

    ``score = 1.0·AA + 0.5·themes + 1.0·matches + 0.5·cross_sector + 0.5·second_path + 0.5·locality``
    (:data:`SUGGEST_WEIGHTS`), where

    - ``AA`` is the Adamic–Adar index (Adamic & Adar 2003) on the undirected actor graph, unweighted:
      ``Σ 1/ln deg(w)`` over the common partners ``w`` (a partner who knows few others counts more; the same
      value as ``networkx.adamic_adar_index``);
    - ``themes`` the number of themes both list, ``matches`` the number of items one offers and the other needs
      (会場, 広報, …), counted in both directions;
    - ``cross_sector`` 1 when the sectors differ (垣根を越える);
    - ``second_path`` 1 when the two are connected today but every path between them runs through one actor:
      they share no biconnected component (Hopcroft & Tarjan 1973), so an articulation point separates them,
      and introducing them adds a second, independent path (less key-person risk). ``held_by`` names those
      articulation points (on the path between them in the block–cut tree);
    - ``locality`` 1 when both come from the same district (case file) or have the same ward (city-wide
      bodies, :data:`CITY_WIDE_WARDS`, excepted).

    Ranked by score, then Adamic–Adar, then ids. Introducers are the common partners, best first: by the
    weaker of their two ties, then the sum of both ties, then degree (a well-connected partner reaches more),
    then id. (Bridging scores would order them more finely, but betweenness costs O(nm) and the ranking must
    stay fast on 2,000 actors.) A pair with no partner in common is introduced by the support centre of each
    one's ward.

    Each part in ``parts`` is rounded to 4 decimals, as is ``score``.

    Cost: the Adamic–Adar pass visits every pair of neighbours of every actor (``Σ deg²``); local pairs come
    from per-ward indexes of themes, offers and needs; biconnected components are found once (linear). On a
    2,000-actor, 7,235-tie network (``benchmarks/bench_suggest.py``) the top 20 take about 0.4 s and all
    74,000 suggestions, explained, about 2.5 s.

    networkx's group-aware predictors (``cn_soundarajan_hopcroft``, ``ra_index_soundarajan_hopcroft``,
    ``within_inter_cluster``) score pairs from different groups as zero or give them no bonus, the opposite of
    what is wanted here, so they are not used.

    References
    ----------
    Adamic, L. A., & Adar, E. (2003). Friends and neighbors on the Web. Social Networks, 25(3), 211–230.
    Hopcroft, J., & Tarjan, R. (1973). Efficient algorithms for graph manipulation. CACM, 16(6), 372–378.
    """
    U = undirected_actor_graph(G)
    if for_actor is not None and for_actor not in U:
        close = difflib.get_close_matches(str(for_actor), [str(n) for n in U], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        msg = f"not an actor of this network: '{for_actor}'{hint}"
        raise KyodoError(msg)
    order = {n: i for i, n in enumerate(sorted(U, key=str))}
    info = {n: _node_info(U, n) for n in U}
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
        local = (iu["district"] is not None and iu["district"] == iv["district"]) or \
                (iu["ward"] not in CITY_WIDE_WARDS and iu["ward"] == iv["ward"])
        score = (w["closure"] * aa + w["themes"] * n_themes + w["complement"] * n_matches
                 + (w["cross_sector"] if cross else 0.0) + (w["second_path"] if separated else 0.0)
                 + (w["locality"] if local else 0.0))
        scored.append((-round(score, 4), -aa, order[u], order[v], separated))
    if top:
        scored = heapq.nsmallest(top, scored)
    else:
        scored.sort()

    centres = _centres_by_ward(support_centres)
    nodes = sorted(U, key=str)
    return [_row(U, info, nodes[i], nodes[j], -score, -aa, separated, common, blocks, centres, for_actor)
            for score, aa, i, j, separated in scored]


def _row(U: nx.Graph, info: dict, u: Hashable, v: Hashable, score: float, aa: float, separated: bool,
         common: dict, blocks: _Blocks, centres: dict, for_actor: Hashable | None) -> dict:
    """The full suggestion for the pair ``(u, v)``: parts, introducers, evidence and reasons."""
    a, b = (v, u) if for_actor is not None and v == for_actor else (u, v)
    ia, ib = info[a], info[b]
    w = SUGGEST_WEIGHTS
    partners = sorted(common.get((u, v), []), key=lambda x: _introducer_rank(U, a, b, x))
    ask_at: list = []
    if partners:
        kind = "common_partner"
        introducers = [(x, info[x]["name"], info[x]["name_en"]) for x in partners]
    else:  # nobody is tied to both: no introducer, but the ward's support centre is a place to ask (相談先)
        introducers = []
        ask_at = [c for c in dict.fromkeys(centres.get(info[x]["ward"]) for x in (a, b))
                  if c is not None and c[0] not in (a, b)]
        kind = "support_centre" if ask_at else None
    themes = [t for t in ia["themes_list"] if t in ib["themes"]]
    offers_needs = [{"from": a, "to": b, "item": x} for x in sorted(ia["offers"] & ib["needs"])]
    offers_needs += [{"from": b, "to": a, "item": x} for x in sorted(ib["offers"] & ia["needs"])]
    same_district = ia["district"] is not None and ia["district"] == ib["district"]
    same_ward = ia["ward"] not in CITY_WIDE_WARDS and ia["ward"] == ib["ward"]
    cross = ia["sector"] != ib["sector"]
    if not separated:
        held_by = []
    elif len(partners) == 1:
        held_by = partners
    else:
        held_by = blocks.holders(a, b)
    parts = {
        "closure": round(w["closure"] * aa, 4),
        "themes": w["themes"] * len(themes),
        "complement": w["complement"] * len(offers_needs),
        "cross_sector": w["cross_sector"] if cross else 0.0,
        "second_path": w["second_path"] if separated else 0.0,
        "locality": w["locality"] if same_district or same_ward else 0.0,
    }
    row = {
        "a": a, "a_name": ia["name"], "a_name_en": ia["name_en"],
        "b": b, "b_name": ib["name"], "b_name_en": ib["name_en"],
        "score": score,
        "parts": parts,
        "introducers": [i for i, _, _ in introducers],
        "introducer_names": [n for _, n, _ in introducers],
        "introducer_names_en": [n for _, _, n in introducers],
        "introducer_kind": kind,
        "ask_at": [i for i, _, _ in ask_at],
        "ask_at_names": [n for _, n, _ in ask_at],
        "ask_at_names_en": [n for _, _, n in ask_at],
        "common_partners": len(partners),
        "shared_themes": themes,
        "offers_needs": offers_needs,
        "sectors": [ia["sector"], ib["sector"]],
        "cross_sector": cross,
        "second_path": separated,
        "held_by": held_by,
        "same_district": same_district,
        "same_ward": same_ward,
    }
    row["inferred"] = suggestion_inferred(row, U)
    row["reasons"] = suggestion_reasons(row, U, info)
    return row


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
        out.update(key(u, v) for i, u in enumerate(ms) for v in ms[i + 1:])
    return out


def _adamic_adar(adj: dict[Hashable, set], for_actor: Hashable | None,
                 key) -> tuple[dict[Pair, float], dict[Pair, list]]:
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
            for v in nbrs[i + 1:]:
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
            links = [side for left, right in links
                     for side in ((([for_actor], right),) if for_actor in left else ())
                     + (((left, [for_actor]),) if for_actor in right else ())]
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

def _introducer_rank(U: nx.Graph, a: Hashable, b: Hashable, w: Hashable) -> tuple:
    wa, wb = U[a][w].get("weight", 1), U[b][w].get("weight", 1)
    return (-min(wa, wb), -(wa + wb), -len(U[w]), str(w))


def _centres_by_ward(centres: Iterable[Any] | None) -> dict[str, tuple[str, str, str]]:
    """Ward → ``(id, name, name_en)`` of its support centre (the first by id when a ward has several)."""
    out: dict[str, tuple[str, str, str]] = {}
    for c in sorted(centres or (), key=lambda c: str(_get(c, "id"))):
        ward = _get(c, "ward")
        if ward and ward not in CITY_WIDE_WARDS and ward not in out:
            out[ward] = (_get(c, "id"), _get(c, "name"), _get(c, "name_en") or _get(c, "name"))
    return out


def _get(record: Any, field: str) -> Any:
    return record.get(field) if isinstance(record, Mapping) else getattr(record, field, None)


def _node_info(U: nx.Graph, n: Hashable) -> dict:
    d = U.nodes[n]
    themes = list(dict.fromkeys(d.get("themes") or ()))
    name = d.get("name") or str(n)
    name_en = d.get("name_en") or name
    return {
        "name": name,
        "name_en": name_en,
        "sector": d.get("sector"),
        "themes": set(themes),
        "themes_list": themes,
        "offers": set(d.get("offers") or ()),
        "needs": set(d.get("needs") or ()),
        "ward": d.get("ward") or "",
        "ward_en": d.get("ward_en") or d.get("ward") or "",
        "district": d.get("district"),
    }
