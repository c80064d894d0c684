"""Which engine computes the heavy measures, and the integer-indexed form of a graph they all share.

Two engines give the same results (equal to 1e-9 on every graph small enough to compare, see
``tests/test_engine.py``):

- ``"igraph"`` (default): python-igraph, compiled C, for betweenness; numpy/scipy sparse products for Burt's
  measures. Linear memory.
- ``"networkx"``: networkx's own functions, the reference.

Choose with the ``engine=`` keyword of the functions that take one, or for a whole run with the environment
variable ``KYODO_ENGINE`` (``igraph`` or ``networkx``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable

import networkx as nx

__all__ = ["ENGINES", "engine_name", "import_igraph", "import_without", "Indexed", "Progress"]

ENGINES = ("igraph", "networkx")

#: A progress callback: ``progress(step, done, total)``, called by long computations as they advance.
#: The library never prints; the CLI turns these calls into a bar on a terminal (``cli/_progress.py``).
Progress = Callable[[str, int, int], None]


def engine_name(engine: str | None = None) -> str:
    """The engine to use: ``engine`` if given, else ``$KYODO_ENGINE``, else ``"igraph"``.

    >>> engine_name("networkx")
    'networkx'
    """
    name = engine or os.environ.get("KYODO_ENGINE") or "igraph"
    if name not in ENGINES:
        msg = f"unknown engine '{name}'; use one of {', '.join(ENGINES)}"
        raise ValueError(msg)
    return name


def import_igraph():
    """``import igraph`` without its plotting back-ends.

    igraph imports matplotlib.pyplot (and cairo, plotly) at import time for ``igraph.plot``, which kyodo never
    uses: 0.8 s of every command. They are hidden while igraph loads (igraph then treats them as missing) and
    are importable as usual afterwards.

    >>> import_igraph().Graph(3).vcount()
    3
    """
    return import_without("igraph", ("matplotlib", "cairo", "cairocffi", "plotly"))


def import_without(name: str, hidden: tuple[str, ...]):
    """``import name`` with the modules ``hidden`` looking missing while it loads (a library that imports its
    plotting back-ends at import time then goes without them); they are importable as usual afterwards.

    >>> import_without("json", ("decimal",)).dumps(1)
    '1'
    """
    import importlib
    import sys

    if name in sys.modules:
        return sys.modules[name]
    hidden = tuple(k for k in hidden if k not in sys.modules)
    for k in hidden:
        sys.modules[k] = None  # type: ignore[assignment]
    try:
        return importlib.import_module(name)
    finally:
        for k in hidden:
            if sys.modules.get(k) is None:
                del sys.modules[k]


class Indexed:
    """An undirected graph without self-loops as integer arrays: node ``i`` is ``nodes[i]`` (the order of ``U``).

    ``adj[i]`` lists the neighbours of ``i``; ``edges`` holds each edge once as ``(i, j)``; ``weights`` the edge
    attribute ``weight`` (1 where missing) in the same order.

    >>> ix = Indexed(nx.path_graph(3))
    >>> ix.adj, ix.edges
    ([[1], [0, 2], [1]], [(0, 1), (1, 2)])
    """

    def __init__(self, U: nx.Graph, weight: str | None = "weight") -> None:
        self.nodes: list[Hashable] = list(U)
        self.index = {v: i for i, v in enumerate(self.nodes)}
        index = self.index
        self.adj = [[index[w] for w in U._adj[v] if w != v] for v in self.nodes]
        self.edges: list[tuple[int, int]] = []
        self.weights: list[float] = []
        for u, v, d in U.edges(data=True):
            if u != v:
                self.edges.append((index[u], index[v]))
                self.weights.append(d.get(weight, 1) if weight else 1)
        self._igraph = None

    def __len__(self) -> int:
        return len(self.nodes)

    def igraph(self):
        """The same graph as an ``igraph.Graph`` (vertex ``i`` = node ``i``), built once."""
        if self._igraph is None:
            igraph = import_igraph()
            self._igraph = igraph.Graph(n=len(self.nodes), edges=self.edges, directed=False)
        return self._igraph

    def sparse(self, values: list[float] | None = None):
        """The symmetric adjacency matrix (scipy CSR, float64) with ``values`` (default the weights) on edges."""
        import numpy as np
        import scipy.sparse as sp

        n = len(self.nodes)
        if not self.edges:
            return sp.csr_matrix((n, n))
        e = np.asarray(self.edges, dtype=np.int64)
        w = np.asarray(self.weights if values is None else values, dtype=np.float64)
        rows = np.concatenate([e[:, 0], e[:, 1]])
        cols = np.concatenate([e[:, 1], e[:, 0]])
        return sp.csr_matrix((np.concatenate([w, w]), (rows, cols)), shape=(n, n))
