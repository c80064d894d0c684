"""Who should meet whom, and who can introduce them: the ranking behind ``kyodo suggest``.

A suggestion is a pair of actors with no relation and no shared project yet, scored on what the handbook says
makes collaboration work: partners in common (顔の見える関係), shared themes, one side offering what the other
needs (お互いの強みを持ち寄る), crossing sectors (垣根を越える), a second path where today a single actor holds
two groups together, and being active in the same place.
"""

from __future__ import annotations

import difflib
import functools
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np

from ._suggest_pairs import PairTables, Ranking, isin, scores
from .._cache import paused_gc
from ..errors import KyodoError
from ..graph import undirected_actor_graph
from ..lang import short_names
from .handover import TieIndex, in_place
from .wording import suggestion_inferred, suggestion_reasons

__all__ = ["suggest_introductions", "SUGGEST_WEIGHTS", "CITY_WIDE_WARDS"]

#: Weight of each part of a suggestion's ``score`` (see :func:`suggest_introductions`).
SUGGEST_WEIGHTS = {
    "closure": 1.0,  # × Adamic–Adar index over common partners
    "themes": 0.5,  # × number of shared themes
    "complement": 1.0,  # × number of offer → need matches, both directions
    "cross_sector": 0.5,  # the two are in different sectors
    "second_path": 0.5,  # today a single actor holds the two together
    "locality": 0.5,  # same district (case file), or same ward
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
    resources: Any = None,
    ties: TieIndex | None = None,
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
    resources
        The table of offers/needs words (:func:`~kyodo_network.resources.resource_table`, perhaps extended by
        the user's own words); the bundled one when ``None``. Offers and needs are compared by meaning through
        it, as :func:`~kyodo_network.analysis.match.match_offers_needs` compares them: an offer of 集会所 meets
        a need for 会場, and 「特になし」 is no need.
    ties
        With ``for_actor``: a :class:`~.handover.TieIndex` of ``G`` when already read (kyodo serve's panel shares
        one among the analyses of an actor); read here when needed.

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
          ``from`` offers and ``to`` needs, by meaning: ``item`` is the meaning's name, 会場 for 集会所),
          ``sectors`` (``[sector of a, sector of b]``), ``cross_sector``,
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
    (they know each other already), who are not in one circle and of whom neither reaches the other through
    its circle (:mod:`~kyodo_network.analysis.circles`: a member through the body it belongs to or represents, a
    body through its own member, an office through its department, named or tied as ``member``/``founded``; so
    a body's own member is never its introducer and a department is never "the only one" linking its office
    with anyone), and that either have a partner in common, or are in the same ward or district and share a theme or
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

    Cost: pairs are scored as numpy arrays, never one Python object each (:mod:`._suggest_pairs`). The
    Adamic–Adar index of every two-hop pair is the sparse product ``A·diag(1/ln deg)·A`` (``Σ deg²`` entries,
    each sum taken over the partners in the graph's node order, as the definition adds them). Pairs with no
    partner in common are counted per ward (or district) in blocks of rows, from bit masks of themes, offers
    and needs, so memory is bounded by the largest ward. With ``top``, only actors whose best possible score
    reaches the k-th best so far are compared, and the second-path test (biconnected components, igraph,
    linear) is made only for pairs whose score with it could still enter the top k; introducers are found
    for the rows returned only. The result is exactly the plain definition's (tests compare the two on many
    seeded networks). Measured on a shared 2-core machine (library time): the synthetic city of
    ``benchmarks/`` with 2,000 actors, top 20 in 0.15–0.2 s; 30,000 actors (123,000 ties, 18 wards) top 20 in
    1.7–2.4 s, ``for_actor`` 1.3 s; 100,000 actors top 20 in 13 s, raising the process's peak memory
    from 1.68 GB (loading the city) to 1.95 GB. ``top=None`` explains every suggestion (98,000 rows at 2,000 actors,
    about 9 s; at 30,000 actors millions of rows, which take minutes and gigabytes: ask for ``top``).
    With ``for_actor`` on a graph that is its own undirected actor graph (as from
    :func:`~kyodo_network.graph.graph_from_cases`), only that actor's pairs are looked at (:func:`_suggest_for`:
    the relations read once, :class:`~.handover.TieIndex`, then the actor's partners, theirs and the actors of
    its ward or district), in about 10 ms at 2,000 actors.

    networkx's group-aware predictors (``cn_soundarajan_hopcroft``, ``ra_index_soundarajan_hopcroft``,
    ``within_inter_cluster``) score pairs from different groups as zero or give them no bonus, the opposite of
    what is wanted here, so they are not used.

    References
    ----------
    Adamic, L. A., & Adar, E. (2003). Friends and neighbors on the Web. Social Networks, 25(3), 211–230.
    Hopcroft, J., & Tarjan, R. (1973). Efficient algorithms for graph manipulation. CACM, 16(6), 372–378.
    """
    with paused_gc():  # records per actor would set off collections walking the whole network
        return _suggest(G, for_actor, top, cross_sector_only, support_centres, resources, ties)


def _suggest(
    G: nx.Graph,
    for_actor: Hashable | None,
    top: int | None,
    cross_sector_only: bool,
    support_centres: Iterable[Any] | None,
    resources: Any = None,
    ties: TieIndex | None = None,
) -> list[dict]:
    if for_actor is not None and in_place(G, ties, read=False) is not None:
        U = G  # known simple: what _actor_graph would return
    else:
        U = _actor_graph(G)
    if for_actor is not None and for_actor not in U:
        close = difflib.get_close_matches(str(for_actor), [str(n) for n in U], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        msg = f"not an actor of this network: '{for_actor}'{hint}"
        raise KyodoError(msg)
    if for_actor is not None and U is G:
        ties = in_place(G, ties) or TieIndex(G)
        return _suggest_for(G, for_actor, top, cross_sector_only, support_centres, resources, ties)
    nodes = sorted(U, key=str)
    info = {n: _node_info(U, n, resources) for n in U}
    for lang_key, name_key in (("short", "name"), ("short_en", "name_en")):
        shorts = short_names(d[name_key] for d in info.values())  # never two actors under one short name
        for d in info.values():
            d[lang_key] = shorts[d[name_key]]
    if top is not None and top < 0:
        return []

    tables = PairTables(U, G, nodes, info, CITY_WIDE_WARDS)
    blocks = _Blocks(U, _biconnected(tables))
    component = _components(tables)

    def separated(i: int, j: int) -> bool:
        return component[i] == component[j] and blocks.separated(nodes[i], nodes[j])

    ranking = Ranking(top or None, separated)
    if for_actor is None:
        _rank_all(tables, ranking, cross_sector_only)
        scored = ranking.result()
        upos = {n: p for p, n in enumerate(U)}
        common = {
            (nodes[i], nodes[j]): sorted(set(U[nodes[i]]) & set(U[nodes[j]]), key=upos.__getitem__)
            for _, _, i, j, _ in scored
        }
    else:
        partners = _rank_for(U, G, tables, ranking, for_actor, cross_sector_only)
        scored = ranking.result()
        common = {
            (nodes[i], nodes[j]): partners.get(nodes[j] if nodes[i] == for_actor else nodes[i], [])
            for _, _, i, j, _ in scored
        }

    centres = _centres_by_ward(support_centres)
    return [
        _row(U, info, nodes[i], nodes[j], -score, -aa, separated, common, blocks, centres, for_actor)
        for score, aa, i, j, separated in scored
    ]


def _actor_graph(G: nx.Graph) -> nx.Graph:
    """``G`` itself when it is already simple and undirected without self-loops (it is only read), else
    :func:`~kyodo_network.graph.undirected_actor_graph` (a copy: 1.3 s at 30,000 actors)."""
    if not G.is_directed() and not G.is_multigraph() and nx.number_of_selfloops(G) == 0:
        return G
    return undirected_actor_graph(G)


def _biconnected(tables: PairTables) -> list[list[Hashable]]:
    """The biconnected components, by igraph (C; the same blocks as ``networkx.biconnected_components``:
    a bridge is a block of two, an isolated actor is in none)."""
    return _blocks_of(tables.nodes, tables.adj_rows, tables.adj_cols)


def _blocks_of(nodes: list, rows: np.ndarray, cols: np.ndarray) -> list[list[Hashable]]:
    """:func:`_biconnected` of the graph on ``nodes`` whose adjacency is ``(rows[k], cols[k])`` (both ways)."""
    from .engine import import_igraph

    upper = rows < cols
    g = import_igraph().Graph(n=len(nodes), edges=np.column_stack([rows[upper], cols[upper]]))
    return [[nodes[i] for i in comp] for comp in g.biconnected_components()]


def _components(tables: PairTables) -> np.ndarray:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    n = tables.n
    A = csr_matrix((np.ones(len(tables.adj_rows)), (tables.adj_rows, tables.adj_cols)), shape=(n, n))
    return connected_components(A, directed=False)[1]


#: Adamic–Adar pairs scored at once (bounds the memory of the counts).
AA_SLICE = 1_000_000


def _rank_all(tables: PairTables, ranking: Ranking, cross_only: bool) -> None:
    """Offer every candidate pair to ``ranking``: pairs with a partner in common, then pairs of one ward or
    district with none (their Adamic–Adar index is 0)."""
    w, n = SUGGEST_WEIGHTS, tables.n
    acquainted = tables.acquainted_codes()
    I, J, aa = tables.adamic_adar()
    with_partner = np.sort(I * n + J)
    for a in range(0, len(I), AA_SLICE):
        i, j, x = I[a : a + AA_SLICE], J[a : a + AA_SLICE], aa[a : a + AA_SLICE]
        cross = tables.sector[i] != tables.sector[j]
        keep = ~isin(i * n + j, acquainted) & (cross if cross_only else True)
        i, j, x, cross = i[keep], j[keep], x[keep], cross[keep]
        nt, nm = tables.counts(i, j)
        ranking.offer(i, j, x, *scores(w, x, nt, nm, cross, tables.local(i, j)))
    for i, j, nt, nm in tables.local_blocks(w, cross_only, ranking.threshold):
        codes = i * n + j
        keep = ~(isin(codes, tables.adj_codes) | isin(codes, acquainted) | isin(codes, with_partner))
        i, j, nt, nm = i[keep], j[keep], nt[keep], nm[keep]
        zero = np.zeros(len(i))
        cross = tables.sector[i] != tables.sector[j]
        ranking.offer(i, j, zero, *scores(w, zero, nt, nm, cross, np.ones(len(i), dtype=bool)))


def _rank_for(
    U: nx.Graph, G: nx.Graph, tables: PairTables, ranking: Ranking, actor: Hashable, cross_only: bool
) -> dict[Hashable, list]:
    """Offer the candidate pairs of ``actor`` to ``ranking``; returns its common partners with each."""
    w = SUGGEST_WEIGHTS
    mine = set(U[actor])
    score, common = _closure(U, G, actor)
    f, n, index = tables.index[actor], tables.n, tables.index
    aa = np.zeros(n)
    for v, s in score.items():
        aa[index[v]] = s
    others = np.arange(n)
    me = np.full(n, f)
    nt, nm = tables.counts(me, others)
    local = tables.local(me, others)
    cross = tables.sector[me] != tables.sector
    # Those who need what the actor offers, and those who offer what it needs (both, for an item it offers and
    # needs): the same pairs as the whole ranking holds for this actor.
    offers, needs = (np.asarray(X[f].todense(), dtype=float).ravel() for X in (tables.offers, tables.needs))
    found = tables.needs @ offers + tables.offers @ needs if len(offers) else np.zeros(n)
    keep = (aa > 0) | (local & ((nt > 0) | (found > 0)))
    keep[[index[v] for v in mine] + [f]] = False
    keep &= ~tables.acquainted_with(f)
    if cross_only:
        keep &= cross
    v = others[keep]
    I, J = np.minimum(v, f), np.maximum(v, f)
    ranking.offer(I, J, aa[keep], *scores(w, aa[keep], nt[keep], nm[keep], cross[keep], local[keep]))
    return common


def _closure(U: nx.Graph, G: nx.Graph, actor: Hashable) -> tuple[dict[Hashable, float], dict[Hashable, list]]:
    """The Adamic–Adar index of ``actor`` with each actor two steps away and not its partner, and their partners in
    common (in the order the index adds them)."""
    mine = set(U[actor])
    score: dict[Hashable, float] = defaultdict(float)
    common: dict[Hashable, list] = defaultdict(list)
    for x in list(set(_copy_adjacency(U, G, actor))):  # the order a copy of G would list them in
        d = len(U[x])
        if d < 2:
            continue
        inc = 1 / math.log(d)
        for v in U[x]:
            if v != actor and v not in mine:
                score[v] += inc
                common[v].append(x)
    return score, common


def _suggest_for(
    G: nx.Graph,
    actor: Hashable,
    top: int | None,
    cross_only: bool,
    support_centres: Iterable[Any] | None,
    resources: Any,
    ties: TieIndex,
) -> list[dict]:
    """:func:`_suggest` for ``actor`` on ``G`` that is its own actor graph, looking at ``actor``'s pairs only.

    The candidates, their scores and the ranking are those of :func:`_rank_for` over :class:`PairTables`, from
    what they are made of: the actor's partners two steps away (:func:`_closure`), the actors it knows without a
    tie (:func:`_acquainted`), and the themes, offers, needs, sector, ward and district of the others (offers and
    needs read only when the actor has some). The biconnected components are found only when a pair's score
    with the second-path bonus could enter the top, and the other actors' records (:func:`_node_info`) only for
    the rows returned."""
    U = G
    nodes = sorted(U, key=str)
    info = _Info(U, resources)
    if top is not None and top < 0:
        return []
    index = {v: i for i, v in enumerate(nodes)}
    f = index[actor]
    me = info[actor]
    mine = set(U[actor])
    known = _acquainted(G, actor, ties)
    score, partners = _closure(U, G, actor)
    table = info.table
    labels: dict[tuple, set] = {}

    def read(cells: Any) -> set:
        key = tuple(cells or ())
        if key not in labels:
            labels[key] = {table.label(m) for m in table.read(key)}
        return labels[key]

    themes, offers, needs = me["themes"], me["offers"], me["needs"]
    sector, ward, district = me["sector"], me["ward"], me["district"]
    local_ward = ward not in CITY_WIDE_WARDS
    I, aa, nt, nm, cross, local = [], [], [], [], [], []
    attrs = dict(U.nodes(data=True))
    for j, v in enumerate(nodes):
        if j == f or v in mine or v in known:
            continue
        d = attrs[v]
        x = score.get(v, 0.0)
        near = (district is not None and district == d.get("district")) or (
            local_ward and ward == (d.get("ward") or "")
        )
        if not x and not near:
            continue
        t = len(themes.intersection(d.get("themes") or ())) if themes else 0
        m = (len(offers & read(d.get("needs"))) if offers else 0) + (len(needs & read(d.get("offers"))) if needs else 0)
        if not (x > 0 or (near and (t > 0 or m > 0))):
            continue
        c = sector != d.get("sector")
        if cross_only and not c:
            continue
        I.append(j)
        aa.append(x)
        nt.append(t)
        nm.append(m)
        cross.append(c)
        local.append(near)
    blocks = _LazyBlocks(U, nodes, index, ties.edges)
    comp = next((c for c in ties.components() if actor in c), {actor})

    def separated(i: int, j: int) -> bool:
        other = nodes[j] if i == f else nodes[i]
        if other not in comp or len(partners.get(other, ())) >= 2:
            return False  # two partners in common close a cycle through both: one block holds them
        return blocks.separated(nodes[i], nodes[j])

    ranking = Ranking(top or None, separated)
    v = np.array(I, dtype=np.int64)
    x = np.array(aa, dtype=float)
    parts = scores(
        SUGGEST_WEIGHTS,
        x,
        np.array(nt, dtype=np.int64),
        np.array(nm, dtype=np.int64),
        np.array(cross, dtype=bool),
        np.array(local, dtype=bool),
    )
    ranking.offer(np.minimum(v, f), np.maximum(v, f), x, *parts)
    scored = ranking.result()
    common = {
        (nodes[i], nodes[j]): partners.get(nodes[j] if nodes[i] == actor else nodes[i], []) for _, _, i, j, _ in scored
    }
    centres = _centres_by_ward(support_centres)
    return [
        _row(U, info, nodes[i], nodes[j], -s, -a, sep, common, blocks, centres, actor) for s, a, i, j, sep in scored
    ]


class _Info(dict):
    """Actor → :func:`_node_info` with ``short`` and ``short_en`` (as :func:`_suggest` gives every actor), each made
    when first asked for; the short names are decided among all the actors' names."""

    def __init__(self, U: nx.Graph, resources: Any = None) -> None:
        from ..resources import resource_table

        super().__init__()
        self.U, self.resources = U, resources
        self.table = resources if resources is not None else resource_table()
        self._shorts: tuple[dict, dict] | None = None

    def __missing__(self, n: Hashable) -> dict:
        d = _node_info(self.U, n, self.resources)
        if self._shorts is None:
            names = tuple(x.get("name") or str(v) for v, x in self.U.nodes(data=True))
            names_en = tuple(x.get("name_en") or name for (_, x), name in zip(self.U.nodes(data=True), names))
            self._shorts = _short_names(names), _short_names(names_en)
        d["short"] = self._shorts[0][d["name"]]
        d["short_en"] = self._shorts[1][d["name_en"]]
        self[n] = d
        return d


@functools.lru_cache(maxsize=4)
def _short_names(names: tuple[str, ...]) -> dict[str, str]:
    """:func:`~kyodo_network.lang.short_names` of ``names``, kept for the next call (an edit changes few names)."""
    return short_names(names)


class _LazyBlocks:
    """The :class:`_Blocks` of ``U`` (its ``edges``, actors numbered by ``index``: ``nodes[index[v]] == v``), found
    when first asked for. (The blocks' numbering may differ from :func:`_biconnected`'s, which lists the edges in
    another order; nothing depends on it: a block is a set of actors, and the block–cut tree has one path between
    two actors.)"""

    def __init__(self, U: nx.Graph, nodes: list, index: dict, edges: list[tuple]) -> None:
        self.U, self.nodes, self.index, self.edges = U, nodes, index, edges
        self._blocks: _Blocks | None = None

    def _get(self) -> _Blocks:
        if self._blocks is None:
            at = self.index.__getitem__
            E = np.fromiter((at(x) for e in self.edges for x in e), dtype=np.int64, count=2 * len(self.edges))
            rows, cols = E[0::2], E[1::2]
            self._blocks = _Blocks(self.U, _blocks_of(self.nodes, np.minimum(rows, cols), np.maximum(rows, cols)))
        return self._blocks

    def separated(self, a: Hashable, b: Hashable) -> bool:
        return self._get().separated(a, b)

    def holders(self, a: Hashable, b: Hashable) -> list:
        return self._get().holders(a, b)


def _acquainted(G: nx.Graph, actor: Hashable, ties: TieIndex) -> set:
    """The actors that know ``actor`` without a tie, as :meth:`PairTables.acquainted_with` finds them: a body
    (``member``) or project in common, a tie one of them holds for the other's side, a circle-mate, a partner of a
    circle-mate, a circle-mate of a partner."""
    bodies = {r["to"] for r in ties.members if r["from"] == actor}
    out = {r["from"] for r in ties.members if r["to"] in bodies}  # the members of its bodies
    for p in (G.graph.get("projects") or {}).values():
        ids = {x["id"] for x in p.get("participants", []) if x["id"] in G}
        if actor in ids:
            out |= ids
    for r in ties.held:
        for h in r.get("held_by", []):
            if h in G:
                for e in (r["from"], r["to"]):
                    if e != h and e in G:
                        if h == actor:
                            out.add(e)
                        elif e == actor:
                            out.add(h)
    mates: dict = defaultdict(set)  # the circle-mates of the actor and of its partners
    for p in ties.circles_near(actor):
        a, b = tuple(p)
        mates[a].add(b)
        mates[b].add(a)
    own = mates.get(actor, set())
    out |= own
    for m in own:
        out.update(G[m])
    for x in G[actor]:
        out |= mates.get(x, set())
    out.discard(actor)
    return out


def _copy_adjacency(U: nx.Graph, G: nx.Graph, actor: Hashable) -> list:
    """``actor``'s partners in the order ``nx.Graph(G)`` would hold them (partners earlier in the node order
    first, in node order, then the others in ``G``'s order), so that sums over them run as on a copy."""
    if U is not G:
        return list(U[actor])
    pos = {n: p for p, n in enumerate(U)}
    p = pos[actor]
    return sorted((x for x in U[actor] if pos[x] < p), key=pos.__getitem__) + [x for x in U[actor] if pos[x] > p]


def _row(
    U: nx.Graph,
    info: dict,
    u: Hashable,
    v: Hashable,
    score: float,
    aa: float,
    separated: bool,
    common: dict,
    blocks: _Blocks,
    centres: dict,
    for_actor: Hashable | None,
) -> dict:
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
        ask_at = [
            c
            for c in dict.fromkeys(centres.get(info[x]["ward"]) for x in (a, b))
            if c is not None and c[0] not in (a, b)
        ]
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
        "a": a,
        "a_name": ia["name"],
        "a_name_en": ia["name_en"],
        "b": b,
        "b_name": ib["name"],
        "b_name_en": ib["name_en"],
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


class _Blocks:
    """Biconnected components (blocks) and the block–cut tree, for "only one actor holds these two together"."""

    def __init__(self, U: nx.Graph, components: Iterable[Iterable[Hashable]] | None = None) -> None:
        """``components``: the blocks when already known (any numbering: only the block–cut tree is used)."""
        self.of: dict[Hashable, set[int]] = defaultdict(set)
        for i, comp in enumerate(nx.biconnected_components(U) if components is None else components):
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


def _node_info(U: nx.Graph, n: Hashable, resources: Any = None) -> dict:
    """What the ranking reads of actor ``n``; offers and needs as the names of their meanings (``resources``:
    the words table, the bundled one when ``None``), so that 集会所 and 会場 are one item and 「特になし」 none."""
    from ..resources import resource_table

    table = resources if resources is not None else resource_table()
    d = U.nodes[n]
    themes = list(dict.fromkeys(d.get("themes") or ()))
    offers = table.read(d.get("offers") or ())
    needs = table.read(d.get("needs") or ())
    name = d.get("name") or str(n)
    name_en = d.get("name_en") or name
    return {
        "name": name,
        "name_en": name_en,
        "sector": d.get("sector"),
        "themes": set(themes),
        "themes_list": themes,
        "offers": {table.label(m) for m in offers},
        "needs": {table.label(m) for m in needs},
        "ward": d.get("ward") or "",
        "ward_en": d.get("ward_en") or d.get("ward") or "",
        "district": d.get("district"),
    }
