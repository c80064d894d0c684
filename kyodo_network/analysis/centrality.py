"""Betweenness centrality, exact on ward-sized networks and estimated from a seeded sample of sources above.

Up to :data:`EXACT_MAX` actors every actor is a source (exact Freeman betweenness). Above it, shortest paths are
counted from :data:`SAMPLE_SOURCES` sources drawn with a fixed seed (Brandes & Pich 2007), the same estimator and
the same sample as ``networkx.betweenness_centrality(U, k=SAMPLE_SOURCES, seed=SAMPLE_SEED)``: so the estimate
is reproducible and equals networkx's to rounding. On the benchmark city of 30,000 actors the estimate finds
at least 16 of the exact top 20 (``benchmarks/run.py`` reports it on every run).
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence

import networkx as nx

from ._parallel import cores, parallel_map
from .engine import Indexed, engine_name

__all__ = ["betweenness", "betweenness_sample", "EXACT_MAX", "SAMPLE_SOURCES", "SAMPLE_SEED"]

#: Largest network (actors) whose betweenness is exact; above it betweenness is estimated from a sample.
EXACT_MAX = 5000
#: Number of sampled sources above :data:`EXACT_MAX`.
SAMPLE_SOURCES = 1024
#: Seed of the sample of sources.
SAMPLE_SEED = 2010
#: Sources × ties above which the sources are shared among the machine's cores (about 0.1 s of work).
PARALLEL_WORK = 2_000_000


def betweenness_sample(
    U: nx.Graph, *, exact_max: int | None = None, sources: int | None = None, seed: int = SAMPLE_SEED
) -> dict:
    """How :func:`betweenness` computes on ``U``: ``{"estimated", "sources", "seed", "actors"}``.

    ``estimated`` is false (every actor a source, ``sources`` = actors, ``seed`` None) up to ``exact_max`` actors.

    >>> betweenness_sample(nx.path_graph(3))
    {'estimated': False, 'sources': 3, 'seed': None, 'actors': 3}
    """
    exact_max = EXACT_MAX if exact_max is None else exact_max
    sources = SAMPLE_SOURCES if sources is None else sources
    n = U.number_of_nodes()
    if n <= exact_max or sources >= n:
        return {"estimated": False, "sources": n, "seed": None, "actors": n}
    return {"estimated": True, "sources": sources, "seed": seed, "actors": n}


def betweenness(
    U: nx.Graph,
    *,
    engine: str | None = None,
    exact_max: int | None = None,
    sources: int | None = None,
    seed: int = SAMPLE_SEED,
    indexed: Indexed | None = None,
) -> dict[Hashable, float]:
    """Freeman betweenness of every node of an undirected graph, unweighted, normalised as networkx does.

    Parameters
    ----------
    U
        Undirected graph; self-loops are ignored.
    engine
        ``"igraph"`` or ``"networkx"`` (the reference); default from :func:`~.engine.engine_name`.
    exact_max, sources, seed
        Exact up to ``exact_max`` nodes; above, estimated from ``sources`` sources sampled with ``seed``
        (:func:`betweenness_sample`).
    indexed
        The :class:`~.engine.Indexed` form of ``U`` if the caller already has it.

    Returns
    -------
    dict
        Node → betweenness. Exact: ``nx.betweenness_centrality(U)`` (each unordered pair once, divided by
        ``(n-1)(n-2)/2``). Estimated: ``nx.betweenness_centrality(U, k=sources, seed=seed)`` — the sources are
        ``random.Random(seed).sample(list(U), sources)``, and the sums are scaled by networkx's ``_rescale``
        for sampled sources (``1/(k(n-2))``, ``1/((k-1)(n-2))`` for a sampled node itself).

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociology, 25(2), 163–177.
    Brandes, U., & Pich, C. (2007). Centrality estimation in large networks. Int. J. Bifurcation and Chaos,
    17(7), 2303–2318.

    Examples
    --------
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> betweenness(nx.path_graph(3), engine="networkx")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    plan = betweenness_sample(U, exact_max=exact_max, sources=sources, seed=seed)
    sources = plan["sources"]
    nodes = list(U)
    n = len(nodes)
    sample = random.Random(seed).sample(nodes, sources) if plan["estimated"] else None
    if engine_name(engine) == "networkx":
        if nx.number_of_selfloops(U):
            U = nx.Graph(U)
            U.remove_edges_from(list(nx.selfloop_edges(U)))
        if sample is None:
            return dict(nx.betweenness_centrality(U))
        return dict(nx.betweenness_centrality(U, k=sources, seed=random.Random(seed)))
    if n < 3:
        return {v: 0.0 for v in nodes}
    ix = indexed if indexed is not None else Indexed(U, weight=None)
    g = ix.igraph()
    if sample is None:
        raw = _dependencies(g, range(n))  # each unordered pair once
        scale = 2.0 / ((n - 1) * (n - 2))
        return {v: raw[i] * scale for i, v in enumerate(nodes)}
    picked = [ix.index[v] for v in sample]
    raw = _dependencies(g, picked)  # half the Σ over sampled s of s's dependency on v
    k = len(picked)
    inside = set(picked)
    on_source, off_source = 2.0 / ((k - 1) * (n - 2)), 2.0 / (k * (n - 2))
    return {v: raw[i] * (on_source if i in inside else off_source) for i, v in enumerate(nodes)}


def _dependencies(g, sources: Sequence[int]) -> list[float]:
    """Half the sum over ``sources`` of each vertex's dependency (igraph's subset betweenness, undirected).

    Above :data:`PARALLEL_WORK` the sources are split among the cores
    (:func:`~kyodo_network.analysis._parallel.parallel_map`) and the sums added: the same result to rounding
    (about 1e-15 relative), only the order of the additions changes."""
    sources = list(sources)
    k = min(cores(), len(sources))
    if k < 2 or len(sources) * max(g.ecount(), 1) < PARALLEL_WORK:
        return g.betweenness(directed=False, sources=sources)
    parts = parallel_map(lambda chunk: g.betweenness(directed=False, sources=chunk), [sources[i::k] for i in range(k)])
    return [sum(col) for col in zip(*parts)]
