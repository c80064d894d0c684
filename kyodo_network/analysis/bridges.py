"""Who bridges groups and sectors, and why: the measures behind ``kyodo bridges`` and ``kyodo coordinators``."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable

import networkx as nx

from ..graph import simple_graph
from .brokerage import UNDIRECTED_ROLES, brokerage, brokered_pairs
from .centrality import betweenness, betweenness_sample
from .circles import circle_pairs
from .coordinators import (
    PERSON_SECTOR,
    actor_count,
    circle_sets,
    coordinator_ids,
    explain_coordinator,
    marked_coordinators,
    marked_from_counts,
    role_of,
    sole_link_pairs,
    sole_pair_counts,
    sole_pairs_of,
)
from .cutpoints import CutTree, rest_first
from .engine import Indexed, Progress, engine_name
from .wording import list_names, sector_label

__all__ = [
    "bridging_scores",
    "top_bridge",
    "sole_pair_counts",
    "coordinators",
    "cut_off_nodes",
    "sole_link_pairs",
    "coordinator_ids",
    "marked_coordinators",
    "SCORE_WEIGHTS",
]

#: Weights of the three parts of the bridging ``score``; each part is first scaled to 0–1 by the network's maximum.
SCORE_WEIGHTS = {"betweenness": 0.5, "cross_sector": 0.3, "cut_off": 0.2}

CROSS_ROLES = ("itinerant", "boundary", "representative", "gatekeeper", "liaison")


def cut_off_nodes(U: nx.Graph, removed: set[Hashable] | frozenset[Hashable]) -> list[Hashable]:
    """Nodes that lose their path to the rest when ``removed`` leave the undirected graph ``U``.

    For each connected component that loses a node, the largest remaining piece counts as "the rest" (of two
    equally large pieces, the one holding the best-connected actor, then the first by id); every node in
    another piece is cut off. Sorted by ``str``.

    >>> sorted(cut_off_nodes(nx.path_graph(5), {1}))
    [0]
    """
    cut: list[Hashable] = []
    for comp in nx.connected_components(U):
        if not comp & removed:
            continue
        for piece in rest_first(U, nx.connected_components(U.subgraph(comp - removed)))[1:]:
            cut.extend(piece)
    return sorted(cut, key=str)


def _indexed_pass(
    U: nx.Graph, tree: CutTree, sector: dict, *, kept: dict[int, tuple[Counter, Counter]] | None = None
) -> list[tuple[Counter, Counter, int, Counter]]:
    """For every node (index order): role counts, cross-sector pairs, only-path pairs and their sector pairs.

    One pass over the non-adjacent pairs of neighbours of every node (Σ deg², what the output counts anyway),
    with adjacency as sets of integers: linear memory. ``kept`` gives the first two (:func:`_pair_counts`) of
    the nodes whose neighbourhood is known unchanged (:mod:`.live`); the only-path counts come from the cut tree
    (:func:`_only_counts`)."""
    ix = tree.ix
    adj = ix.adj
    near = [set(a) for a in adj]
    sec = [sector.get(v) for v in ix.nodes]
    name = [str(s) for s in sec]
    out = []
    none: Counter = Counter()
    for b in range(len(adj)):
        roles, pairs = kept[b] if kept is not None and b in kept else _pair_counts(adj[b], near, sec, name, b)
        if b in tree.separated:
            only, only_cross = _only_counts(tree, b, adj[b], sec)
        else:
            only, only_cross = 0, none
        out.append((roles, pairs, only, only_cross))
    return out


def _pair_counts(nbrs: list[int], near: list[set], sec: list, name: list[str], b: int) -> tuple[Counter, Counter]:
    """The role counts of node index ``b`` over its non-adjacent pairs of neighbours, and of those from different
    sectors, how many of each sector pair (keys: the two sector names, sorted)."""
    roles, pairs = Counter(), Counter()
    sb = sec[b]
    for i, a in enumerate(nbrs):
        na, sa = near[a], sec[a]
        for k in range(i + 1, len(nbrs)):
            c = nbrs[k]
            if c in na:
                continue
            sc = sec[c]
            if sa == sc:
                roles["coordinator" if sa == sb else "itinerant"] += 1
            else:
                roles["boundary" if sb == sa or sb == sc else "liaison"] += 1
                x, y = name[a], name[c]
                pairs[(x, y) if x < y else (y, x)] += 1
    return roles, pairs


def _only_counts(tree: CutTree, b: int, nbrs: list[int], sec: list) -> tuple[int, Counter]:
    """The pairs of neighbours of the cut point ``b`` whose only path runs through it, and of those from different
    sectors, how many of each sector pair: the pairs whose two ends fall into different pieces without ``b``.
    Two such neighbours never share a tie (it would join their pieces), so the pairs are counted from how many
    neighbours of each sector every piece holds, in O(degree)."""
    by_piece: dict[int, Counter] = {}
    for a in nbrs:
        by_piece.setdefault(tree.piece_of(b, a), Counter())[sec[a]] += 1
    sizes = [sum(c.values()) for c in by_piece.values()]
    only = (sum(sizes) ** 2 - sum(x * x for x in sizes)) // 2
    total: Counter = Counter()
    for c in by_piece.values():
        total.update(c)
    only_cross: Counter = Counter()
    kinds = list(total)
    for i, s in enumerate(kinds):
        for t in kinds[i + 1 :]:
            n = total[s] * total[t] - sum(c[s] * c[t] for c in by_piece.values())
            if n:
                x, y = str(s), str(t)
                only_cross[(x, y) if x < y else (y, x)] += n
    return only, only_cross


def bridging_scores(
    G: nx.Graph,
    *,
    top: int | None = None,
    directed: bool | None = None,
    engine: str | None = None,
    progress: Progress | None = None,
) -> list[dict]:
    """Rank every actor by how much it bridges groups and sectors, with the evidence.

    Parameters
    ----------
    G
        Actor graph from :func:`~kyodo_network.graph.graph_from_cases`. Node attributes ``sector``, ``name`` and
        ``name_en`` are used.
    top
        Return only the first ``top`` rows (all when None or 0). The ranking is over every actor either way;
        only the evidence (lists of ids, sector pairs, sentences) is written for fewer rows.
    directed
        Count brokerage on directed ties (all five Gould–Fernandez roles). Needs a directed ``G``
        (``graph_from_cases(..., directed=True)``). Defaults to ``G.is_directed()``.
    engine
        ``"igraph"`` (default) or ``"networkx"`` (the reference), see :mod:`~kyodo_network.analysis.engine`.
    progress
        Called as ``progress("bridges", done, total)`` as the steps finish (for a progress bar; never prints).

    Returns
    -------
    list of dict
        One dict per actor, highest ``score`` first, with keys ``id``, ``name``, ``name_en``, ``sector``,
        ``score``, ``betweenness``, ``betweenness_estimated``, ``articulation``, ``cut_off``, ``cut_off_ids``, ``constraint``,
        ``effective_size``, ``brokerage`` (role counts and ``total``), ``sectors_bridged`` (list of
        ``{"sectors": [s1, s2], "pairs": n}``), ``only_path_pairs`` and ``explanation`` (``{"ja": …, "en": …}``).

    Notes
    -----
    All measures except directed brokerage use the undirected actor graph without self-loops.

    - ``betweenness``: Freeman (1977) betweenness, networkx's normalisation for undirected graphs
      (``2 / ((n-1)(n-2))``), unweighted: relation ``weight`` is a strength, not a distance, so it is not used
      (computed by :func:`~kyodo_network.analysis.centrality.betweenness`, equal to networkx's values).
      Exact up to :data:`~kyodo_network.analysis.centrality.EXACT_MAX` actors; above, estimated by KADABRA
      (seeded; with probability at least 1 − δ every value within ±ε of the exact one), and then
      ``betweenness_estimated`` is true in every row
      (:func:`~kyodo_network.analysis.centrality.betweenness_sample` tells the method, ε, δ and seed).
    - ``articulation``: removing the actor disconnects its component (Hopcroft & Tarjan 1973).
      ``cut_off``: how many actors then lose their path to the rest (see :func:`cut_off_nodes`).
    - ``constraint`` and ``effective_size``: Burt (1992), with relation strength as tie weight (the
      definitions of networkx's ``constraint``/``effective_size``, see :func:`burt_measures`); ``None`` for an
      isolated actor.
    - ``brokerage``: Gould & Fernandez (1989) over sectors, see :mod:`kyodo_network.analysis.brokerage`.
    - ``sectors_bridged``: for the brokered pairs whose two ends are in different sectors, the sector pairs
      and how many pairs of each.
    - ``only_path_pairs``: brokered pairs whose every path runs through this actor.
    - ``score`` = 0.5·betweenness/max + 0.3·cross-sector brokerage/max + 0.2·cut_off/max, each part scaled by
      its maximum over the network (:data:`SCORE_WEIGHTS`); cross-sector brokerage is every role but
      ``coordinator``. Ties are broken by betweenness, then id.

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, 40, 35–41.
    Burt, R. S. (1992). Structural Holes. Harvard University Press.
    Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology, 19, 89–126.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "government", "c": "neighbourhood"}, "sector")
    >>> top = bridging_scores(G)[0]
    >>> top["id"], top["betweenness"], top["cut_off"], top["brokerage"]["liaison"]
    ('b', 1.0, 1, 1)
    """
    rows, U, tree = _bridging(G, directed=directed, engine=engine, progress=progress)
    return _finish(rows[:top] if top else rows, U, tree)


class BridgingTable:
    """Every actor's bridging numbers (the ranking of :func:`bridging_scores`), the evidence and sentence written
    only for the actor asked about: for a map that is redrawn after every edit (``kyodo serve``).

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "government", "c": "neighbourhood"}, "sector")
    >>> t = BridgingTable(G); t.rows["b"]["score"], t.row("b") == bridging_scores(G)[0]
    (1.0, True)
    """

    def __init__(self, G: nx.Graph) -> None:
        rows, self._U, self._tree = _bridging(G, directed=False, engine=None, progress=None)
        #: id → row with ``score``, ``betweenness``, ``betweenness_estimated``, ``articulation``, ``cut_off``.
        self.rows = {r["id"]: r for r in rows}

    @classmethod
    def from_parts(cls, rows: list[dict], U: nx.Graph, tree: CutTree) -> BridgingTable:
        """The table of ranked ``rows`` (:func:`_rows`, working keys kept) of ``U`` with its cut tree: for a count
        made another way (:class:`~.live.LiveCount`)."""
        out = object.__new__(cls)
        out._U, out._tree, out.rows = U, tree, {r["id"]: r for r in rows}
        return out

    def row(self, ident: Hashable) -> dict | None:
        """The whole row of ``ident`` as :func:`bridging_scores` gives it (None when it is not an actor)."""
        r = self.rows.get(ident)
        return None if r is None else _finish([r], self._U, self._tree)[0]

    def renamed(self, G: nx.Graph) -> BridgingTable:
        """This table for ``G``, a network of the same shape (the same actors in the same order with the same
        sectors, the same ties with the same strengths: an actor renamed, a word changed within its sector): the
        same numbers, the names and sentences of ``G``."""
        out = object.__new__(BridgingTable)
        out._U, out._tree = simple_graph(G), self._tree
        nodes = out._U.nodes
        out.rows = {
            v: {
                **{k: x for k, x in r.items() if k not in ("cut_off_ids", "explanation", "sectors_bridged")},
                "name": nodes[v].get("name", str(v)),
                "name_en": nodes[v].get("name_en", nodes[v].get("name", str(v))),
            }
            for v, r in self.rows.items()
        }
        return out


#: Up to this many actors :func:`top_bridge` counts Burt's measures for every actor by sparse products (2 ms for a
#: district of 150) rather than networkx's for the one actor (50 ms: networkx sums over pairs of partners in Python).
BURT_WHOLE_MAX = 5000


def top_bridge(G: nx.Graph) -> tuple[dict | None, int]:
    """The first row of :func:`bridging_scores` (None for an empty network) and the total of every actor's
    brokerage counts, without writing the evidence of the other rows (for comparing districts).

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "government", "c": "neighbourhood"}, "sector")
    >>> row, total = top_bridge(G); row["id"], total
    ('b', 1)
    """
    rows, U, tree = _bridging(G, directed=False, engine=None, progress=None, burt=False)
    total = sum(r["brokerage"]["total"] for r in rows)
    if not rows:
        return None, total
    top = rows[0]  # Burt's measures do not enter the score: computed for this one actor only
    if len(U) <= BURT_WHOLE_MAX:  # a district: the sparse products for all are quicker than networkx for one
        constraint, effective = burt_measures(U, weight=_tie_weight(U))
    else:
        constraint, effective = burt_measures(U, weight=_tie_weight(U), engine="networkx", nodes=[top["id"]])
    top["constraint"], top["effective_size"] = _number(constraint[top["id"]]), _number(effective[top["id"]])
    return _finish(rows[:1], U, tree)[0], total


def _tie_weight(U: nx.Graph) -> str | None:
    """``"weight"`` when every tie has one (relation strength for Burt's measures), else None (unit ties)."""
    return "weight" if U.number_of_edges() and all("weight" in d for _, _, d in U.edges(data=True)) else None


def _bridging(
    G: nx.Graph, *, directed: bool | None, engine: str | None, progress: Progress | None, burt: bool = True
) -> tuple[list[dict], nx.Graph, CutTree]:
    directed = G.is_directed() if directed is None else directed
    if directed and not G.is_directed():
        msg = "directed brokerage needs a directed graph: graph_from_cases(..., directed=True)"
        raise ValueError(msg)
    report = progress or (lambda step, done, total: None)
    steps = 4
    report("bridges", 0, steps)
    U = simple_graph(G)
    w = _tie_weight(U)
    ix = Indexed(U, weight=w)
    plan = betweenness_sample(U, engine=engine)
    if plan["method"] == "kadabra":  # networkit counts without the interpreter: the rest goes on beside it
        from concurrent.futures import ThreadPoolExecutor

        ix.igraph()  # built here, not in both threads at once
        pool = ThreadPoolExecutor(1, thread_name_prefix="kyodo-betweenness")
        pending = pool.submit(betweenness, U, engine=engine, indexed=ix)
    else:
        pool, between = None, betweenness(U, engine=engine, indexed=ix)
        report("bridges", 1, steps)
    tree = CutTree(U, indexed=ix)
    constraint, effective = burt_measures(U, weight=w, engine=engine, indexed=ix) if burt else ({}, {})
    if pool is None:
        report("bridges", 2, steps)
    sector = nx.get_node_attributes(U, "sector")
    counted = _indexed_pass(U, tree, sector)
    if pool is not None:
        between = pending.result()
        pool.shutdown()
        report("bridges", 2, steps)
    B = roles = None
    if directed:
        B = G.copy()
        B.remove_edges_from(list(nx.selfloop_edges(B)))
        roles = brokerage(B)
    report("bridges", 3, steps)

    rows = _rows(
        U, ix, tree, sector, between, constraint, effective, counted, estimated=plan["estimated"], B=B, roles=roles
    )
    report("bridges", steps, steps)
    return rows, U, tree


def _rows(
    U: nx.Graph,
    ix: Indexed,
    tree: CutTree,
    sector: dict,
    between: dict,
    constraint: dict,
    effective: dict,
    counted: list,
    *,
    estimated: bool,
    B: nx.DiGraph | None = None,
    roles: dict | None = None,
) -> list[dict]:
    """The ranked rows of :func:`bridging_scores` (working keys kept for :func:`_finish`) from the measures:
    betweenness, Burt's, the cut tree and :func:`_indexed_pass`; with ``B`` (the directed graph) and ``roles``
    (its :func:`~.brokerage.brokerage`) for directed brokerage."""
    directed = B is not None
    rows = []
    for i, v in enumerate(ix.nodes):
        undirected_roles, pairs, only, only_cross = counted[i]
        undirected_pairs = pairs
        directed_pairs = None
        if directed:
            # Unordered pairs {a, c} with a path a → v → c (and no tie a → c) in either direction: a pair that
            # v brokers both ways is one pair (「組」), not two. The G–F role counts stay counts of ordered triads.
            seen = {frozenset((a, c)) for a, c in brokered_pairs(B, v)}
            directed_pairs = len(seen)
            pairs = Counter()
            for pair in seen:
                a, c = sorted(pair, key=str)
                sa, sc = sector.get(a), sector.get(c)
                if sa != sc:
                    pairs[tuple(sorted((str(sa), str(sc))))] += 1
            role_row = roles[v]
        else:
            role_row = {r: undirected_roles[r] for r in UNDIRECTED_ROLES}
            role_row["total"] = sum(role_row.values())
        cross = sum(role_row.get(r, 0) for r in CROSS_ROLES)
        d = U.nodes[v]
        rows.append(
            {
                "id": v,
                "name": d.get("name", str(v)),
                "name_en": d.get("name_en", d.get("name", str(v))),
                "sector": sector.get(v),
                "score": 0.0,
                "betweenness": round(between[v], 6),
                "betweenness_estimated": estimated,
                "articulation": i in tree.separated,
                "cut_off": tree.cut_off_count(i) if i in tree.separated else 0,
                "constraint": _number(constraint.get(v)),
                "effective_size": _number(effective.get(v)),
                "brokerage": role_row,
                "only_path_pairs": only,
                "_pairs": pairs,
                "_index": i,
                "_cross": cross,
                "_only_cross": only_cross,
                "_undirected_pairs": undirected_pairs,
                "_undirected_total": sum(undirected_roles[r] for r in UNDIRECTED_ROLES),
                "_directed_pairs": directed_pairs,
            }
        )
    top_b = max((r["betweenness"] for r in rows), default=0) or 1
    top_x = max((r["_cross"] for r in rows), default=0) or 1
    top_c = max((r["cut_off"] for r in rows), default=0) or 1
    for r in rows:
        s = (
            SCORE_WEIGHTS["betweenness"] * r["betweenness"] / top_b
            + SCORE_WEIGHTS["cross_sector"] * r["_cross"] / top_x
            + SCORE_WEIGHTS["cut_off"] * r["cut_off"] / top_c
        )
        r["score"] = round(s, 4)
    rows.sort(key=lambda r: (-r["score"], -r["betweenness"], str(r["id"])))
    return rows


def _finish(rows: list[dict], U: nx.Graph, tree: CutTree) -> list[dict]:
    """Write the evidence of the rows that are shown (``cut_off_ids``, ``sectors_bridged``, ``explanation``) and
    drop the working keys; done only for the rows returned, since it costs more than the ranking itself."""
    nodes = tree.ix.nodes
    out = []
    for r in rows:
        i = r["_index"]
        cut = [nodes[j] for j in tree.cut_off_index(i)] if r["articulation"] else []
        cut.sort(key=str)
        r["cut_off_ids"] = cut
        r["explanation"] = _explain(r, U)
        r["sectors_bridged"] = [
            {"sectors": list(k), "pairs": n} for k, n in sorted(r["_pairs"].items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        out.append({k: r[k] for k in ROW_KEYS})
    return out


#: The keys of a bridges row, in order.
ROW_KEYS = (
    "id",
    "name",
    "name_en",
    "sector",
    "score",
    "betweenness",
    "betweenness_estimated",
    "articulation",
    "cut_off",
    "cut_off_ids",
    "constraint",
    "effective_size",
    "brokerage",
    "sectors_bridged",
    "only_path_pairs",
    "explanation",
)


def burt_measures(
    U: nx.Graph,
    *,
    weight: str | None = "weight",
    engine: str | None = None,
    indexed: Indexed | None = None,
    nodes: list | None = None,
) -> tuple[dict, dict]:
    """Burt's constraint and effective size of every node of an undirected graph without self-loops.

    The definitions of networkx's ``constraint`` and ``effective_size``: ``p_ij = w_ij / sum_k w_ik``;
    constraint ``c_i = sum_j (p_ij + sum_q p_iq p_qj)^2``; effective size ``sum_j (1 - sum_q p_iq m_jq)`` with
    ``m_jq = w_jq / max_k w_jk`` (with unit weights this is Borgatti's ``n - 2t/n``). An isolated node gets NaN.

    Engine ``"igraph"`` (default) computes both with two sparse products restricted to the ties
    (``P·P`` and ``P·Mᵀ``, scipy): memory grows with the pairs at distance two, never n². Engine
    ``"networkx"`` calls ``nx.constraint``/``nx.effective_size`` node by node (``nodes=`` given: networkx 3.6's
    own sparse path for ``nodes=None`` gives a weighted effective size that differs from Burt's, 5.52 instead
    of UCINET's 5.47 for node G of networkx's structural-holes test graph).

    ``nodes``: only these nodes (with the networkx engine; used for one actor of a large network).

    >>> c, e = burt_measures(nx.star_graph(2), weight=None)
    >>> c[0], e[0]
    (0.5, 2.0)
    >>> burt_measures(nx.Graph())
    ({}, {})
    """
    if engine_name(engine) == "networkx" or nodes is not None:
        if nodes is not None:  # a node's measures need its ties and theirs: two steps out is enough
            near = set(nodes).union(*(U[v] for v in nodes))
            U = U.subgraph(near.union(*(U[v] for v in near)))
        H = nx.Graph(U)
        H.remove_edges_from(list(nx.selfloop_edges(H)))
        if weight is None:
            nx.set_edge_attributes(H, 1, "_unit")
        w = weight or "_unit"
        wanted = list(H) if nodes is None else list(nodes)
        constraint = dict.fromkeys(wanted, float("nan"))
        effective = dict.fromkeys(wanted, float("nan"))
        nodes = [v for v in wanted if H.degree(v)]
        constraint.update(nx.constraint(H, nodes=nodes, weight=w))
        effective.update(nx.effective_size(H, nodes=nodes, weight=w))
        return constraint, effective
    import numpy as np
    import scipy.sparse as sp

    ix = (
        indexed
        if indexed is not None and (weight is None) == all(x == 1 for x in indexed.weights)
        else Indexed(U, weight=weight)
    )
    n = len(ix)
    if n == 0:  # an empty network (a blank template): nothing to measure, and scipy cannot reduce nothing
        return {}, {}
    W = ix.sparse([1.0] * len(ix.edges) if weight is None else None)
    A = W.copy()
    A.data[:] = 1.0
    total = np.asarray(W.sum(axis=1)).ravel()
    top = W.max(axis=1).toarray().ravel()
    with np.errstate(divide="ignore"):
        P = sp.diags(np.where(total > 0, 1.0 / total, 0.0)) @ W
        M = sp.diags(np.where(top > 0, 1.0 / top, 0.0)) @ W
    P, M = sp.csr_matrix(P), sp.csr_matrix(M)
    direct_indirect = (P + (P @ P).multiply(A)).tocsr()
    c = np.asarray(direct_indirect.multiply(direct_indirect).sum(axis=1)).ravel()
    redundancy = np.asarray((P @ M.T).multiply(A).sum(axis=1)).ravel()
    degree = np.diff(A.indptr)
    e = degree - redundancy
    isolated = degree == 0
    c[isolated] = np.nan
    e[isolated] = np.nan
    return ({v: float(c[i]) for i, v in enumerate(ix.nodes)}, {v: float(e[i]) for i, v in enumerate(ix.nodes)})


def _number(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), 6)


def _only_cross(only: set[frozenset], sector: dict) -> Counter:
    out = Counter()
    for pair in only:
        a, c = sorted(pair, key=str)
        if sector.get(a) != sector.get(c):
            out[tuple(sorted((str(sector.get(a)), str(sector.get(c)))))] += 1
    return out


def _names(U: nx.Graph, ids: list, lang: str) -> str:
    key = "name_en" if lang == "en" else "name"
    return list_names([U.nodes[i].get(key) or U.nodes[i].get("name") or str(i) for i in ids], lang)


def _explain(r: dict, U: nx.Graph) -> dict[str, str]:
    """One sentence in Japanese and one in English saying why this actor bridges (or does not), from the
    catalogue (:mod:`kyodo_network.catalogue.sentences`). It never contradicts its own row: with no brokered pair
    it says so, and a cut-off is stated whatever the pairs.

    The first clause and the cut-off speak of the undirected network, as the betweenness and cut-point columns
    do; with directed ties a last clause gives the unordered pairs that reach each other through the actor
    following the direction of the ties (with ``member`` running member → body, a council of members brokers
    none, though it holds them together)."""
    from ..lang import text

    def say(code: str, lang: str, n: int | None = None, **fields: object) -> str:
        if n is not None:
            code = f"{code}.{'one' if n == 1 else 'many'}"
            fields["n"] = n
        return text(code, lang, **fields)

    v = r["id"]
    inferred = U.nodes[v].get("inferred") is True or any(U.edges[v, w].get("inferred") for w in U[v])
    out = {}
    for lang in ("ja", "en"):
        name = r["name_en"] if lang == "en" else r["name"]
        name = name or r["name"]
        if U.degree(r["id"]) == 0:
            out[lang] = say("bridge.no_ties", lang, name=name)
            continue
        total = r["_undirected_total"]
        only = r["_only_cross"]
        bridged = sorted(r["_undirected_pairs"].items(), key=lambda kv: (-kv[1], kv[0]))
        if only:
            (s1, s2), n = max(only.items(), key=lambda kv: (kv[1], kv[0]))
            head = say("bridge.only", lang, n, name=name, s1=sector_label(U, s1, lang), s2=sector_label(U, s2, lang))
        elif bridged:
            (s1, s2), n = bridged[0]
            head = say("bridge.brokers", lang, n, name=name, s1=sector_label(U, s1, lang), s2=sector_label(U, s2, lang))
        elif total:
            head = say("bridge.within", lang, total, name=name)
        else:
            head = say("bridge.no_pairs", lang, name=name)
        if r["cut_off"]:
            tail = say("bridge.cut_off", lang, r["cut_off"], name=name, names=_names(U, r["cut_off_ids"], lang))
        else:
            tail = say("bridge.end", lang)
        if r["_directed_pairs"] == 0:
            tail += say("bridge.directed_none", lang, name=name)
        elif r["_directed_pairs"] is not None:
            tail += say("bridge.directed", lang, r["_directed_pairs"], name=name)
        out[lang] = head + tail
        if inferred:  # the finding rests on a record the author read into the text
            out[lang] += text("suggest.inferred", lang, note=text("findings.inferred", lang))
    return out


def coordinators(
    G: nx.Graph, *, top: int | None = None, engine: str | None = None, progress: Progress | None = None
) -> list[dict]:
    """The actors that broker between sectors, persons first, with the pairs only they link.

    Two counts, each with its own words, the same wherever printed (the heading of ``kyodo coordinators``, the
    sentence under it, the CSV and JSON): ``cross_sector_pairs`` (「セクターをまたぐ仲介」), the pairs of its
    partners from different sectors that have no tie of their own (Gould–Fernandez's boundary and liaison
    pairs, undirected); and ``sole_pairs`` (「だけがつなぐ組」), those of them it alone links
    (:mod:`~kyodo_network.analysis.coordinators`), which are the ``pairs`` listed.

    Returns
    -------
    list of dict
        One row per actor with at least one cross-sector brokered pair: persons (sector ``person``) first, then
        by ``cross_sector_pairs``, ``sole_pairs``, bridging score and id. Each has the keys of
        :func:`~kyodo_network.analysis.bridges.bridging_scores` plus

        - ``cross_sector_pairs``: the pairs of its partners from different sectors with no tie of their own;
        - ``pairs``: its sole-link pairs (of those, the ones with no other partner in common, its own circle
          aside), each ``{"a", "b", "a_sector", "b_sector", "only_path"}`` (``only_path``: no other path at all
          joins the two), only-path pairs first;
        - ``sole_pairs``: ``len(pairs)``; ``only_path_sole_pairs``: how many of them have no other path at all;
        - ``role``: ``"coordinator"`` for a person (コーディネーター), ``"linking_body"`` for a body
          (つなぎ役の団体), see :func:`~kyodo_network.analysis.coordinators.role_of`;
        - ``marked``: whether it carries the ★
          (:func:`~kyodo_network.analysis.coordinators.marked_coordinators`);
        - ``explanation``: ``{"ja": …, "en": …}``, one sentence stating ``cross_sector_pairs`` and ``sole_pairs``
          (and how many of those have no other path), never another count.

    Examples
    --------
    >>> G = nx.Graph([("s", "x"), ("s", "y")])
    >>> nx.set_node_attributes(G, {"s": "person", "x": "npo", "y": "school"}, "sector")
    >>> [(r["id"], r["cross_sector_pairs"], r["sole_pairs"], r["role"], r["marked"]) for r in coordinators(G)]
    [('s', 1, 1, 'coordinator', True)]
    """
    rows, U, tree = _bridging(G, directed=False, engine=engine, progress=progress)
    sector = nx.get_node_attributes(U, "sector")
    ix = tree.ix
    circles = circle_pairs(G)
    counts = sole_pair_counts(ix, sector, circles)
    marked = set(marked_from_counts(ix, counts, actor_count(U)))
    ranked = [(r, r["brokerage"]["boundary"] + r["brokerage"]["liaison"], int(counts[ix.index[r["id"]]])) for r in rows]
    ranked = [x for x in ranked if x[1] > 0]
    ranked.sort(key=lambda x: (x[0]["sector"] != PERSON_SECTOR, -x[1], -x[2], -x[0]["score"], str(x[0]["id"])))
    ranked = ranked[:top] if top else ranked
    near = [set(a) for a in ix.adj]
    mates = circle_sets(ix, circles)
    listed = [sole_pairs_of(ix, tree, near, sector, ix.index[r["id"]], mates) for r, _, _ in ranked]
    finished = _finish([r for r, _, _ in ranked], U, tree)
    out = []
    for r, (_, cross, _), pairs in zip(finished, ranked, listed):
        row = {
            **r,
            "cross_sector_pairs": cross,
            "sole_pairs": len(pairs),
            "only_path_sole_pairs": sum(p["only_path"] for p in pairs),
            "role": role_of(r["sector"]),
            "marked": r["id"] in marked,
            "pairs": pairs,
        }
        row["explanation"] = explain_coordinator(row, U)
        out.append(row)
    return out
