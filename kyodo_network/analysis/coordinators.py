"""Coordinators: the actors that broker between sectors (``kyodo coordinators``, whose ranking is
:func:`~kyodo_network.analysis.bridges.coordinators`), the pairs only they link, and the ★ mark (つなぎ役) that the
map and the report give to the few that alone link the most.

Two counts, one meaning each, printed with the same words everywhere. A *cross-sector brokered pair* of an actor
``v`` (「セクターをまたぐ仲介」) is a pair of ``v``'s partners from different sectors with no tie of their own
(Gould–Fernandez's boundary and liaison pairs, :mod:`.brokerage`). A **sole-link pair** of ``v``
(「vだけがつなぐ組」, "a pair only v links") is one of those with no partner in common but ``v``, neither of the
two in ``v``'s own circle nor the two in one circle (:mod:`.circles`: a body and its members, an office and its
departments — a team does not "alone link" its own member office with anyone, nor a サービス課 its 区役所: they
reach each other's partners already). Both are stated in the heading of ``kyodo coordinators`` and in the sentence
under it, and carried as ``cross_sector_pairs`` and ``sole_pairs`` (the length of ``pairs``) by the CSV and JSON.

Words: a person who brokers between sectors is a 「コーディネーター」 ("coordinator"); a body (an office, a
council, an NPO …) a 「つなぎ役の団体」 ("linking body"); 「この人」 is said of persons only. The ★ (「つなぎ役」) is a
small set, see :func:`marked_coordinators`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator

import networkx as nx

from ..graph import simple_graph
from .brokerage import brokered_pairs
from .circles import circle_pairs
from .engine import Indexed

__all__ = [
    "coordinator_ids",
    "marked_coordinators",
    "mark_limit",
    "sole_link_pairs",
    "sole_pair_counts",
    "role_of",
    "circle_matrix",
    "circle_sets",
    "MARK_SHARE",
    "PERSON_SECTOR",
]

#: The sector of persons: a person who links pairs is a coordinator (コーディネーター); anyone else a linking body.
PERSON_SECTOR = "person"

#: The ★ goes to at most this share of a network's actors (and to at least one actor when any links a pair).
MARK_SHARE = 0.1


def role_of(sector: str | None) -> str:
    """``"coordinator"`` for a person, ``"linking_body"`` for anyone else: the word a row is called by.

    >>> role_of("person"), role_of("government")
    ('coordinator', 'linking_body')
    """
    return "coordinator" if sector == PERSON_SECTOR else "linking_body"


def sole_link_pairs(
    U: nx.Graph, v: Hashable, circles: set[frozenset] | None = None
) -> Iterator[tuple[Hashable, Hashable]]:
    """Pairs of ``v``'s partners from different sectors with no tie, no other partner in common and no circle
    (see the module docstring): the pairs that ``v`` alone connects (in two steps). ``U`` is undirected without
    self-loops; ``circles`` its :func:`~kyodo_network.analysis.circles.circle_pairs` (found when not given).

    >>> G = nx.Graph([("s", "x"), ("s", "y")])
    >>> nx.set_node_attributes(G, {"s": "person", "x": "npo", "y": "school"}, "sector")
    >>> list(sole_link_pairs(G, "s"))
    [('x', 'y')]
    """
    circles = circle_pairs(U) if circles is None else circles
    sector = U.nodes
    for a, c in brokered_pairs(U, v):
        if (
            sector[a].get("sector") != sector[c].get("sector")
            and not (set(U[a]) & set(U[c])) - {v}
            and not {frozenset((v, a)), frozenset((v, c)), frozenset((a, c))} & circles
        ):
            yield a, c


def circle_matrix(ix: Indexed, circles: set[frozenset]):
    """The circle-mates of ``ix``'s nodes as a symmetric 0/1 scipy CSR matrix (node indices of ``ix``)."""
    import numpy as np
    import scipy.sparse as sp

    n = len(ix)
    rows, cols = [], []
    for pair in circles:
        a, b = tuple(pair)
        if a in ix.index and b in ix.index:
            rows += [ix.index[a], ix.index[b]]
            cols += [ix.index[b], ix.index[a]]
    M = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    M.data[:] = 1.0
    return M


def sole_pair_counts(ix: Indexed, sector: dict, circles: set[frozenset] = frozenset(), *, rows=None):
    """For every node index ``b``: how many pairs of its partners, from different sectors, have no tie of their own
    and no partner in common but ``b``, none of the three pairs among them circle-mates (``circles``, from
    :func:`~kyodo_network.analysis.circles.circle_pairs`): the pairs ``kyodo coordinators`` lists, as a numpy
    array.

    Counted for all nodes at once with sparse products: a pair ``(a, c)`` of ``b``'s partners qualifies when
    ``A[a, c] = 0`` and ``(A·A)[a, c] = 1`` (``b`` is their only common partner) and the circle matrix is 0 at
    ``(b, a)``, ``(b, c)`` and ``(a, c)``. The pairs of partners are taken degree by degree, so memory grows
    with the pairs of partners of the nodes of one degree. With ``rows`` (node indices), only those nodes are
    counted (the others are 0): for a network counted again after a small change (:mod:`.live`).

    >>> ix = Indexed(nx.Graph([("s", "x"), ("s", "y")]))
    >>> sole_pair_counts(ix, {"s": "person", "x": "npo", "y": "school"}).tolist()
    [1, 0, 0]
    >>> sole_pair_counts(ix, {"s": "person", "x": "npo", "y": "school"}, {frozenset(("s", "x"))}).tolist()
    [0, 0, 0]
    """
    import numpy as np

    n = len(ix)
    counts = np.zeros(n, dtype=np.int64)
    if not ix.edges:
        return counts
    codes: dict = {}
    sec = np.array([codes.setdefault(sector.get(v), len(codes)) for v in ix.nodes], dtype=np.int64)
    A = ix.sparse([1.0] * len(ix.edges))
    A.sort_indices()
    C = (A @ A).tocsr()
    M = circle_matrix(ix, circles) if circles else None
    deg = np.diff(A.indptr)
    wanted = None
    if rows is not None:
        wanted = np.zeros(n, dtype=bool)
        wanted[np.asarray(rows, dtype=np.int64)] = True
    for d in np.unique(deg[deg >= 2]):
        these = np.flatnonzero((deg == d) if wanted is None else (deg == d) & wanted)
        if not len(these):
            continue
        nb = A.indices[A.indptr[these][:, None] + np.arange(d)]
        i, j = np.triu_indices(int(d), 1)
        a, c = nb[:, i].ravel(), nb[:, j].ravel()
        b = np.repeat(these, len(i))
        ok = sec[a] != sec[c]
        a, c, b = a[ok], c[ok], b[ok]
        if not len(a):
            continue
        alone = (np.asarray(C[a, c]).ravel() == 1) & (np.asarray(A[a, c]).ravel() == 0)
        if M is not None and M.nnz:
            alone &= (
                (np.asarray(M[b, a]).ravel() == 0)
                & (np.asarray(M[b, c]).ravel() == 0)
                & (np.asarray(M[a, c]).ravel() == 0)
            )
        counts += np.bincount(b[alone], minlength=n)
    return counts


def mark_limit(actors: int) -> int:
    """How many actors may carry the ★ in a network of ``actors`` actors: one in ten (rounded down), at least one.

    >>> mark_limit(47), mark_limit(10), mark_limit(8), mark_limit(0)
    (4, 1, 1, 1)
    """
    return max(1, int(actors * MARK_SHARE))


def actor_count(U: nx.Graph) -> int:
    return sum(1 for _, d in U.nodes(data=True) if d.get("kind", "actor") == "actor")


def marked_from_counts(ix: Indexed, counts, actors: int) -> list[Hashable]:
    """The ★ actors (see :func:`marked_coordinators`) from the sole-link counts of ``ix``'s nodes."""
    order = sorted(
        (i for i in range(len(ix)) if counts[i] > 0), key=lambda i: (-int(counts[i]), -len(ix.adj[i]), str(ix.nodes[i]))
    )
    return [ix.nodes[i] for i in order[: mark_limit(actors)]]


def marked_coordinators(G: nx.Graph) -> list[Hashable]:
    """The actors that carry the ★ (「つなぎ役」), best first: the few that alone link the most pairs.

    The rule: rank the actors that link at least one sole-link pair (two partners from different sectors with no
    tie of their own and no other partner in common, see the module docstring) by how many such pairs they
    link, then by their number of partners, then by id; the first :func:`mark_limit` of them — one in ten of
    the network's actors, rounded down, and at least one — carry the ★. An actor that links no such pair never
    does. (Marking every actor that links one pair marked 42–48 % of a real 47-actor district: a mark on half
    the map marks nothing.)

    >>> G = nx.Graph([("s", "x"), ("s", "y"), ("t", "x")])
    >>> nx.set_node_attributes(G, {"s": "person", "x": "npo", "y": "school", "t": "company"}, "sector")
    >>> marked_coordinators(G)
    ['s']
    """
    U = simple_graph(G)
    ix = Indexed(U, weight=None)
    counts = sole_pair_counts(ix, dict(U.nodes(data="sector")), circle_pairs(G))
    return marked_from_counts(ix, counts, actor_count(U))


def coordinator_ids(G: nx.Graph) -> set:
    """The ★ actors of :func:`marked_coordinators`, as a set (what the map draws as a star).

    >>> G = nx.Graph([("s", "x"), ("s", "y"), ("x", "z"), ("y", "z")])
    >>> nx.set_node_attributes(G, {"s": "person", "x": "npo", "y": "school", "z": "npo"}, "sector")
    >>> sorted(coordinator_ids(G))
    []
    >>> G.remove_node("z"); sorted(coordinator_ids(G))
    ['s']
    """
    return set(marked_coordinators(G))


def sole_pairs_of(
    ix: Indexed, tree, near: list[set], sector: dict, b: int, mates: list[set] | None = None
) -> list[dict]:
    """The sole-link pairs of node index ``b`` of ``ix`` as :func:`~kyodo_network.analysis.bridges.coordinators`
    lists them (``tree``: the :class:`~.cutpoints.CutTree` telling only-path pairs; ``mates``: each node index's
    circle-mates as indices), only-path pairs first."""
    nodes = ix.nodes
    own = mates[b] if mates else set()
    nbrs = sorted((j for j in ix.adj[b] if j not in own), key=lambda j: str(nodes[j]))
    cut = b in tree.separated
    pairs = []
    for i, a in enumerate(nbrs):
        na, sa = near[a], sector.get(nodes[a])
        ma = mates[a] if mates else ()
        for c in nbrs[i + 1 :]:
            sc = sector.get(nodes[c])
            if c in na or sa == sc or c in ma:
                continue
            nc = near[c]
            small, large = (na, nc) if len(na) <= len(nc) else (nc, na)
            if any(x != b and x in large for x in small):
                continue
            only_path = cut and tree.piece_of(b, a) != tree.piece_of(b, c)
            pairs.append({"a": nodes[a], "b": nodes[c], "a_sector": sa, "b_sector": sc, "only_path": only_path})
    pairs.sort(key=lambda p: (not p["only_path"], str(p["a"]), str(p["b"])))
    return pairs


def circle_sets(ix: Indexed, circles: set[frozenset]) -> list[set]:
    """Each node index's circle-mates, as sets of indices of ``ix``."""
    out: list[set] = [set() for _ in range(len(ix))]
    for pair in circles:
        a, b = tuple(pair)
        if a in ix.index and b in ix.index:
            out[ix.index[a]].add(ix.index[b])
            out[ix.index[b]].add(ix.index[a])
    return out


def explain_coordinator(row: dict, U: nx.Graph) -> dict[str, str]:
    """The sentence under a coordinator's heading, in Japanese and English: it states ``cross_sector_pairs``, then
    ``sole_pairs`` (and how many of those have no other path), from the catalogue
    (:mod:`kyodo_network.catalogue.sentences`, ``coordinator.…``), never another count."""
    from ..lang import text

    n, m, k, v = row["cross_sector_pairs"], row["sole_pairs"], row["only_path_sole_pairs"], row["id"]
    inferred = U.nodes[v].get("inferred") is True or any(
        U.edges[v, w].get("inferred") for p in row["pairs"] for w in (p["a"], p["b"])
    )
    out = {}
    for lang in ("ja", "en"):
        name = (row["name_en"] if lang == "en" else row["name"]) or row["name"]
        says = text(f"coordinator.brokers.{'one' if n == 1 else 'many'}", lang, name=name, n=n)
        if m == 0:
            says += text(f"coordinator.no_sole.{'one' if n == 1 else 'many'}", lang, name=name)
        else:
            says += text(f"coordinator.sole.{'one' if m == 1 else 'many'}", lang, name=name, m=m)
            if k == m:
                says += text(f"coordinator.only_path_all.{'one' if m == 1 else 'many'}", lang)
            elif k:
                says += text(f"coordinator.only_path.{'one' if k == 1 else 'many'}", lang, k=k)
        says += text("bridge.end", lang)
        if inferred:
            says += text("suggest.inferred", lang, note=text("findings.inferred", lang))
        out[lang] = says
    return out
