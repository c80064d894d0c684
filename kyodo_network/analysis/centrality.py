"""Betweenness centrality: exact on ward-sized networks, above them estimated by KADABRA with a stated guarantee.

Up to :data:`EXACT_MAX` actors every actor is a source: exact Freeman betweenness (Brandes 2001) by igraph, the
sources shared among the cores by forked workers. Above it, betweenness is estimated by KADABRA (Borassi & Natale
2016/2019) as networkit 11.2 implements it: shortest paths between uniformly drawn pairs of actors, sampled until
an adaptive stopping rule says the estimate is good enough. Its guarantee in the absolute mode used here
(``k = 0``): **with probability at least 1 − δ, every actor's estimate is within ±ε of its exact value, all actors
at once** (networkit's ``KadabraBetweenness.hpp``: "If k = 0 the algorithm approximates the betweenness
centrality of all vertices of the graph so that the scores are within an additive error err with probability at
least (1 - delta)"; the paper's absolute approximation). Here ε = :data:`EPSILON` and δ = :data:`DELTA`, on
networkx's scale (below). The top-k mode was not chosen: it promises the order of the top k (each either
separated from its neighbours or within ±ε, ``computeFinished`` in ``KadabraBetweenness.cpp``), not the values
every actor's bridging score uses, and on the benchmark city it was no better (30,000 actors, ε 0.002, k 20:
18/20 with 750,000 paths, four times the absolute mode's).

Scale. KADABRA estimates a fraction of *ordered* pairs, ``b(v) = Σ_{s≠t} σ_st(v)/σ_st / (N(N−1))`` (the paper's
definition; ``SpSampler::randomPath`` draws ``u ≠ v`` uniformly among all ``N`` nodes), and networkit returns
``2·b`` for an undirected graph (``approxSum[i] *= 2.`` at the end of ``run``). Ours is networkx's: each unordered
pair once, divided by ``(n−1)(n−2)/2``. So ``ours = b · N(N−1)/((n−1)(n−2))`` (``n/(n−2)`` when ``N = n``), and
KADABRA is asked for ``ε · (n−1)(n−2)/(N(N−1))`` so that its promise is ±ε on our scale.

What networkit 11.2.2 does beside the paper, read in its source (``networkit/cpp/centrality/
KadabraBetweenness.cpp``, the same from 11.2.1 to the master branch) and measured:

- ``computeDeltaGuess`` adds into one shared ``sum`` from every thread (``#pragma omp parallel for`` without a
  reduction): with two threads the sharing of δ among the actors changes from run to run, and with it the
  values (measured: 7 different results in 8 runs on a 250-node graph), and lost additions could let the shared
  δ exceed δ. With :data:`THREADS` = 1 there is no race: the same seed gives the same values, and δ holds.
  (``deterministic=True`` is needed as well; a different thread count gives different values, measured with 1–4
  threads, despite networkit's docstring.) One thread is also why this is slower than networkit's figures.
- The pairs of the first phase (``tau = omega / startFactor``, used to share δ) stay counted in the first frame
  but their number does not: ``scores()`` is (counts of both phases) / (pairs of the second), too high by
  ``tau / pairs`` (measured 1 % on a 30-node path, beyond ε). We rescale by ``(iterations − tau) / iterations``
  (``getNumberOfIterations()`` includes ``tau``), i.e. count both phases' pairs. The proof covers the second
  phase alone; the first is ``tau / iterations`` of the sample (about 5 % on the city), so the difference is a
  few hundredths of ε.
- A path is traced back by choosing among tied predecessors uniformly by position (``curPred +=
  nPaths[target]``; the authors' own code does the same), not in proportion to their numbers of shortest paths.
  Where many equally short paths run side by side this biases the values and the guarantee fails: on a 12×12
  grid the largest error was 0.028 with ε 0.002. On the benchmark cities it is not measurable (2,000 actors, ε
  0.0005: largest error 0.00012 over all actors, mean error of the top 20 +0.000004). The note a user reads
  says so.
- The number of samples is bounded with the diameter, which networkit finds exactly by repeated breadth-first
  searches (``Diameter(G, ESTIMATED_RANGE, 0)``): 7 s of one core on the 30,000-actor city. A path of ``L``
  edges, ``L`` twice the eccentricity of the node each component's search starts from (the last node of
  largest degree), is added as a component of its own: its diameter ``L`` is at least every upper bound of the
  first search, so the search ends after three (0.02 s). Alone in its component, it changes no shortest path of
  the network; its nodes are in ``N`` above, and the guarantee for the larger graph holds for ours. Not added
  when ``L`` > :data:`DECOY_MAX` (long thin networks, where the search is quick anyway).

Reproducible: ``networkit.engineering.setSeed(seed, True)`` before the run (KADABRA's constructor draws its two
seeds from the calling thread's generator), ``deterministic=True``, one thread, under a lock (the seed and the
thread count are process-wide). After the run OpenMP's threads are released (``omp_pause_resource_all``): with
one thread there are none, but libgomp's thread pool does not survive ``fork``, and with two threads a forked
worker that ran KADABRA after its parent had run it hung; so raising :data:`THREADS` stays safe.

Import: networkit is imported only here, without matplotlib.pyplot and pandas (which it imports for plotting and
profiling). ``python -X importtime -c "import networkit"``: 0.95–1.18 s (cumulative, several runs); with
networkx, numpy and scipy already loaded and those two hidden, as here, 0.15–0.18 s.

Measured on the benchmark city (``benchmarks/city.py``, seed 2010) on this project's 2 vCPUs, shared with other
work (load about 1–2: the second core was mostly busy, so wall time was about the CPU time). Exact by igraph,
wall s (CPU s): 2,000 actors 0.35 (0.34); 3,000 0.73 (0.75); 4,000 1.3 (1.38); 5,000 2.0 (2.1); 8,000 6.2
(6.6); 30,000 349 (170, at load 5). On two idle cores the sources split in two: docs/speed.md had 0.2 s at
2,000, so 5,000 takes about 1.05 s — the largest of these within about 1 s: :data:`EXACT_MAX`. networkit's exact
``Betweenness`` (parallel C++, 2 threads) took 0.82 s at 2,000 and 3.5 s at 4,000: slower, not used. KADABRA
with ε 0.002, δ 0.1 on one thread (top-20 overlap with exact, Spearman over the exact top 50, largest error over
all actors, wall s; seeds 2010, 1, 2): 5,000 actors 19/20, 0.96–0.98, 0.00035–0.00045, 2.7–2.9 s; 8,000 18–19/20,
0.92–0.96, 0.00032–0.00035, 3.6 s; 30,000 16–18/20, 0.81–0.91, 0.00022–0.00027, 6.4–7.3 s. So the estimate is
slower than exact up to about 8,000 actors on two idle cores (it uses one). ε 0.003 at 30,000: 12–17/20 in
3.5–5.5 s. The target of 19/20 at 30,000 well under 10 s is not reached: the city's top is flat (the 20th value
is 0.00136, the 1st 0.00182) and 19/20 first came at ε 0.0005: 1.7 million paths, about 80 s. Before this module
the estimate (1,024 sampled sources) found 14/20 at 8,000 and 9/20 at 30,000 (Spearman 0.69, 0.54) in 9.6 s.

References
----------
Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociology, 25(2), 163–177.
Borassi, M., & Natale, E. (2019). KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation.
ACM J. Experimental Algorithmics, 24(1), 1.2 (ESA 2016).
van der Grinten, A., Angriman, E., & Meyerhenke, H. (2019). Parallel adaptive sampling with almost no
synchronization. Euro-Par 2019, LNCS 11725, 434–447.
Brandes, U., & Pich, C. (2007). Centrality estimation in large networks. Int. J. Bifurcation and Chaos, 17(7),
2303–2318 (the networkx reference above the exact range).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Hashable, Sequence

import networkx as nx

from ._parallel import cores, parallel_map
from .engine import Indexed, engine_name, import_without

__all__ = [
    "betweenness",
    "betweenness_sample",
    "estimate_method",
    "EXACT_MAX",
    "EPSILON",
    "DELTA",
    "SEED",
    "SAMPLE_SOURCES",
]

#: Largest network (actors) whose betweenness is exact; above it betweenness is estimated (KADABRA).
EXACT_MAX = 5000
#: KADABRA's additive error on networkx's scale: every estimate within ±EPSILON of the exact value…
EPSILON = 0.002
#: …with probability at least 1 − DELTA.
DELTA = 0.1
#: Seed of the estimate.
SEED = 2010
#: Threads of KADABRA: one, the only count without a race in networkit 11.2 (see the module's notes).
THREADS = 1
#: Longest decoy path added to spare networkit's exact diameter search (see the module's notes).
DECOY_MAX = 64
#: Sources of the networkx reference above :data:`EXACT_MAX` (``KYODO_ENGINE=networkx``; no guarantee).
SAMPLE_SOURCES = 1024
#: Sources × ties above which the sources are shared among the machine's cores (about 0.1 s of work).
PARALLEL_WORK = 2_000_000
#: networkit's default ``startFactor``: the first phase samples ``omega / START_FACTOR`` pairs.
START_FACTOR = 100

_LOCK = threading.Lock()  # networkit's seed and thread count are process-wide


def betweenness_sample(
    U: nx.Graph,
    *,
    engine: str | None = None,
    exact_max: int | None = None,
    epsilon: float | None = None,
    delta: float | None = None,
    seed: int = SEED,
) -> dict:
    """How :func:`betweenness` computes on ``U``: exact or estimated, by what method, with what guarantee.

    ``{"estimated", "method", "actors", "epsilon", "delta", "seed"}``: ``method`` is ``"exact"`` up to
    ``exact_max`` actors (``estimated`` false, the rest None); above it :func:`estimate_method`'s: ``"kadabra"``
    (with probability at least ``1 - delta`` every actor's value is within ``±epsilon`` of the exact one), or
    with the networkx engine ``"sources"`` (networkx's estimate from ``sources`` sampled sources, no guarantee:
    ``epsilon`` and ``delta`` None). Only ``U.number_of_nodes()`` is read.

    >>> betweenness_sample(nx.path_graph(3))
    {'estimated': False, 'method': 'exact', 'actors': 3, 'epsilon': None, 'delta': None, 'seed': None}
    >>> betweenness_sample(nx.path_graph(30), exact_max=10, engine="igraph")
    {'estimated': True, 'method': 'kadabra', 'actors': 30, 'epsilon': 0.002, 'delta': 0.1, 'seed': 2010}
    """
    exact_max = EXACT_MAX if exact_max is None else exact_max
    n = U.number_of_nodes()
    if n <= exact_max:
        return {"estimated": False, "method": "exact", "actors": n, "epsilon": None, "delta": None, "seed": None}
    how = estimate_method(engine, epsilon=epsilon, delta=delta, seed=seed)
    plan = {"estimated": True, "method": how["method"], "actors": n, "epsilon": how["epsilon"], "delta": how["delta"]}
    plan["seed"] = seed
    if how["method"] == "sources":
        plan["sources"] = min(how["sources"], n)
    return plan


def estimate_method(
    engine: str | None = None, *, epsilon: float | None = None, delta: float | None = None, seed: int = SEED
) -> dict:
    """The estimate above :data:`EXACT_MAX`, whatever the network: ``{"method", "epsilon", "delta", "seed"}``,
    and ``"sources"`` for the networkx reference (for words that name the estimate without the network at hand,
    such as a map's tooltips).

    >>> estimate_method("igraph")
    {'method': 'kadabra', 'epsilon': 0.002, 'delta': 0.1, 'seed': 2010}
    >>> estimate_method("networkx")
    {'method': 'sources', 'epsilon': None, 'delta': None, 'seed': 2010, 'sources': 1024}
    """
    if engine_name(engine) == "networkx":
        return {"method": "sources", "epsilon": None, "delta": None, "seed": seed, "sources": SAMPLE_SOURCES}
    return {
        "method": "kadabra",
        "epsilon": EPSILON if epsilon is None else epsilon,
        "delta": DELTA if delta is None else delta,
        "seed": seed,
    }


def betweenness(
    U: nx.Graph,
    *,
    engine: str | None = None,
    exact_max: int | None = None,
    epsilon: float | None = None,
    delta: float | None = None,
    seed: int = SEED,
    indexed: Indexed | None = None,
) -> dict[Hashable, float]:
    """Freeman betweenness of every node of an undirected graph, unweighted, normalised as networkx does.

    Parameters
    ----------
    U
        Undirected graph; self-loops are ignored.
    engine
        ``"igraph"`` or ``"networkx"`` (the reference); default from :func:`~.engine.engine_name`.
    exact_max, epsilon, delta, seed
        Exact up to ``exact_max`` nodes; above, estimated by KADABRA so that with probability at least
        ``1 - delta`` every value is within ``±epsilon`` of the exact one, reproducibly for a given ``seed``
        (:func:`betweenness_sample`).
    indexed
        The :class:`~.engine.Indexed` form of ``U`` if the caller already has it.

    Returns
    -------
    dict
        Node → betweenness on ``nx.betweenness_centrality(U)``'s scale (each unordered pair once, divided by
        ``(n-1)(n-2)/2``): exact, or KADABRA's estimate converted to that scale. With ``engine="networkx"`` above
        ``exact_max``: ``nx.betweenness_centrality(U, k=SAMPLE_SOURCES, seed=random.Random(seed))`` (the
        reference estimate from sampled sources, Brandes & Pich 2007; no guarantee).

    Examples
    --------
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> betweenness(nx.path_graph(3), engine="networkx")
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> est = betweenness(nx.path_graph(30), exact_max=10)
    >>> abs(est[15] - nx.betweenness_centrality(nx.path_graph(30))[15]) < 0.002
    True
    """
    plan = betweenness_sample(U, engine=engine, exact_max=exact_max, epsilon=epsilon, delta=delta, seed=seed)
    nodes = list(U)
    n = len(nodes)
    if engine_name(engine) == "networkx":
        if nx.number_of_selfloops(U):
            U = nx.Graph(U)
            U.remove_edges_from(list(nx.selfloop_edges(U)))
        if not plan["estimated"]:
            return dict(nx.betweenness_centrality(U))
        return dict(nx.betweenness_centrality(U, k=plan["sources"], seed=random.Random(seed)))
    if n < 3:
        return {v: 0.0 for v in nodes}
    ix = indexed if indexed is not None else Indexed(U, weight=None)

    def compute() -> list[float]:
        if plan["estimated"]:
            return _kadabra(ix, epsilon=plan["epsilon"], delta=plan["delta"], seed=seed)
        raw = _dependencies(ix.igraph(), range(n))  # each unordered pair once
        scale = 2.0 / ((n - 1) * (n - 2))
        return [x * scale for x in raw]

    return dict(zip(ix.nodes, _kept(ix, plan, compute)))


#: Networks of at least this many actors keep their betweenness in the private cache (:mod:`kyodo_network._cache`).
KEEP_MIN = 1000


def _kept(ix: Indexed, plan: dict, compute) -> list[float]:
    """``compute()``, or what it gave before for a network of the same shape: the same number of nodes and the
    same ties between the same positions (node ``i`` is ``ix.nodes[i]``), computed the same way (``plan``) by the
    same code. So the next command on an unchanged network — ``coordinators`` after ``bridges``, ``map``, the
    report — does not count its paths again (at 30,000 actors the estimate alone is about 7 s). Only networks of
    :data:`KEEP_MIN` actors or more; the cache's own rules apply (private folder, ``KYODO_CACHE=off``)."""
    from .._answers import _libraries
    from .._cache import _fingerprint, _keep, _load, cache_dir

    folder = cache_dir()
    if folder is None or len(ix) < KEEP_MIN:
        return compute()
    import hashlib
    from array import array
    from itertools import chain

    code = (_fingerprint(), _libraries())  # this package, igraph and networkit as installed
    h = hashlib.sha256(repr(("betweenness/1", code, len(ix), sorted(plan.items()))).encode())
    h.update(array("q", chain.from_iterable(ix.edges)).tobytes())
    entry = folder / f"{h.hexdigest()}.pickle"
    try:
        kept = _load(entry)
        if isinstance(kept, list) and len(kept) == len(ix):
            return kept
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - an unreadable entry is a miss, whatever it holds
        pass
    values = [float(x) for x in compute()]
    _keep(folder, entry, values)
    return values


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


def _kadabra(ix: Indexed, *, epsilon: float, delta: float, seed: int) -> list[float]:
    """KADABRA's estimate (absolute mode) of every node of ``ix``, on networkx's scale, within ``±epsilon`` of
    the exact values with probability at least ``1 - delta`` (see the module's notes for the conversions)."""
    import numpy as np

    n = len(ix)
    if not ix.edges:
        return [0.0] * n
    nk = _networkit()
    length = _decoy_length(ix.igraph())
    extra = length + 1 if length <= DECOY_MAX else 0
    total = n + extra
    scale = total * (total - 1) / ((n - 1) * (n - 2))  # KADABRA's fraction of ordered pairs → networkx's scale
    G = nk.Graph(total, weighted=False, directed=False)
    e = np.asarray(ix.edges, dtype=np.uint64)
    G.addEdges((np.ascontiguousarray(e[:, 0]), np.ascontiguousarray(e[:, 1])))
    if extra:
        path = np.arange(n, total, dtype=np.uint64)
        G.addEdges((np.ascontiguousarray(path[:-1]), np.ascontiguousarray(path[1:])))
    with _LOCK:
        threads = nk.engineering.getMaxNumberOfThreads()
        nk.engineering.setNumberOfThreads(THREADS)
        try:
            nk.engineering.setSeed(seed, True)
            run = nk.centrality.KadabraBetweenness(G, epsilon / scale, delta, True, 0, 0, START_FACTOR)
            run.run()
        finally:
            nk.engineering.setNumberOfThreads(threads)
            _release_openmp()
    pairs = run.getNumberOfIterations()
    first = int(run.getOmega() / START_FACTOR)  # KadabraBetweenness.cpp: const count tau = omega / startFactor
    kept = (pairs - first) / pairs  # count the first phase's pairs too (their paths already are)
    scores = run.scores()
    return [scores[i] * 0.5 * scale * kept for i in range(n)]


def _decoy_length(g) -> int:
    """Twice the largest eccentricity of the nodes networkit's diameter search starts from: in each component the
    node of largest degree, the last such (``Diameter::estimatedDiameterRange``). Every upper bound of that first
    search is at most this, so a path of this length ends the search at once."""
    degree = g.degree()
    start: dict[int, int] = {}
    for v, c in enumerate(g.connected_components().membership):
        if c not in start or degree[v] >= degree[start[c]]:
            start[c] = v
    return max(2, 2 * int(max(g.eccentricity(vertices=list(start.values())))))


def _networkit():
    """``import networkit`` without matplotlib.pyplot and pandas, which it imports only for plotting and
    profiling (0.6 s of its 1 s import); they are importable as usual afterwards."""
    return import_without("networkit", ("matplotlib", "matplotlib.pyplot", "pandas"))


def _release_openmp() -> None:
    """End networkit's OpenMP threads (``omp_pause_resource_all(omp_pause_hard)``): libgomp's thread pool does not
    survive ``fork``, so a forked worker (:func:`~._parallel.parallel_map`) would hang in its first parallel
    region. Linux only (elsewhere nothing forks); found among the libraries this process has loaded."""
    import ctypes
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            mapped = {fields[5].strip() for fields in (line.split(None, 5) for line in f) if len(fields) == 6}
    except OSError:
        return
    paths = {p for p in mapped if os.path.basename(p).startswith(("libgomp", "libomp", "libiomp"))}
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
            lib.omp_pause_resource_all(2)  # omp_pause_hard
        except (OSError, AttributeError):
            continue
