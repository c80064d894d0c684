"""The bridging numbers and the ★ of a network that changes by small edits, counted again after each edit from
what changed (``kyodo serve``: a tie drawn in the room must not cost a whole count).

:class:`LiveCount` keeps what it counted for the last network and, for the next one, works out what changed: actors
added at the end, ties added, sectors changed (the network the room builds after an edit keeps the order of its
actors, :mod:`kyodo_network.serve._incremental`). Only then does it count less than everything:

- **Betweenness** after ties are added: networkit's dynamic betweenness (``DynBetweenness``, the exact algorithm of
  Lee et al. 2012 / Green et al., updated per added tie; about 15–50 ms a tie at 2,000 actors against 300 ms for a
  whole count). It is built once in a background thread (networkit releases the interpreter while it runs) on the
  network as it stands, with :data:`SPARE` unconnected slots for actors added later (an unconnected actor changes
  no path). Until it is ready, or after a tie or an actor is removed, betweenness is counted whole by igraph, and
  the dynamic count is built again in the background. Its values equal igraph's to about 1e-14 (relative; checked
  in ``tests/test_live_count.py``); both are rounded to six places as every row is.
- **The pairs each actor brokers** (roles and sector pairs, :func:`~.bridges._pair_counts`): again only for the
  actors whose partners or whose partners' ties or sectors changed.
- **Sole-link pairs** (the ★ rule, :func:`~.coordinators.sole_pair_counts`): again only for the actors within one
  step of a change, unless the circles (:func:`~.circles.circle_pairs`) changed.
- The cut tree, Burt's measures and the ranking itself are counted whole (a few milliseconds each).

Anything else (an actor or tie removed, the order of actors changed, a year view) counts everything, as
:class:`~.bridges.BridgingTable` and :func:`~.coordinators.coordinator_ids` do; the result is the same either way,
which the tests check edit by edit. Networks above :data:`LIVE_MAX` actors are always counted whole (the dynamic
count keeps numbers for every pair of actors: 206 MB more at 2,000 actors, measured).

References
----------
Lee, M.-J., Lee, J., Park, J. Y., Choi, R. H., & Chung, C.-W. (2012). QUBE: a quick algorithm for updating
betweenness centrality. WWW '12.
Green, O., McColl, R., & Bader, D. A. (2012). A fast algorithm for streaming betweenness centrality.
SocialCom/PASSAT.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable

import networkx as nx

from ..graph import simple_graph
from .bridges import BridgingTable, _indexed_pass, _rows, _tie_weight, burt_measures
from .centrality import EXACT_MAX
from .circles import circle_pairs
from .coordinators import actor_count, marked_from_counts, sole_pair_counts
from .cutpoints import CutTree
from .engine import Indexed

__all__ = ["LiveCount", "LIVE_MAX", "SPARE"]

#: Above this many actors a network is always counted whole (the dynamic betweenness keeps numbers for every pair
#: of actors: 206 MB at 2,000, about 310 MB at 2,500).
LIVE_MAX = 2500

#: Unconnected slots the dynamic betweenness keeps for actors added later.
SPARE = 256

#: More ties added at once than this are counted whole (each costs one update).
MAX_UPDATES = 20


class _Counted:
    """What was counted for one network: its order, ties, sectors, circles and the counts to reuse."""

    __slots__ = ("nodes", "edges", "weights", "sec", "circles", "pairs", "sole", "table", "marked")


class _Dynamic:
    """networkit's dynamic betweenness of one network (nodes in order, ties as index pairs), with spare slots."""

    def __init__(self, nodes: list, edges: set[tuple[int, int]]) -> None:
        self.nodes = list(nodes)
        self.edges = set(edges)
        self.slots = len(nodes) + SPARE
        self.run = None
        self.graph = None

    def build(self) -> None:
        import numpy as np

        from .centrality import _LOCK, _networkit, _release_openmp

        nk = _networkit()
        G = nk.Graph(self.slots, weighted=False, directed=False)
        if self.edges:
            e = np.asarray(sorted(self.edges), dtype=np.uint64)
            G.addEdges((np.ascontiguousarray(e[:, 0]), np.ascontiguousarray(e[:, 1])))
        with _LOCK:  # one thread: the other core stays with the room
            threads = nk.engineering.getMaxNumberOfThreads()
            nk.engineering.setNumberOfThreads(1)
            try:
                run = nk.centrality.DynBetweenness(G)
                run.run()
            finally:
                nk.engineering.setNumberOfThreads(threads)
                _release_openmp()
        self.graph, self.run = G, run

    def add(self, ties: list[tuple[int, int]]) -> None:
        from .centrality import _networkit

        nk = _networkit()
        for i, j in ties:
            self.graph.addEdge(i, j)
            self.run.update(nk.dynamics.GraphEvent(nk.dynamics.GraphEventType.EDGE_ADDITION, i, j, 1.0))
            self.edges.add((i, j))

    def values(self, n: int) -> list[float]:
        """Betweenness of the first ``n`` slots on networkx's scale (networkit counts ordered pairs)."""
        scores = self.run.scores()
        scale = 1.0 / ((n - 1) * (n - 2))
        return [scores[i] * scale for i in range(n)]


class LiveCount:
    """The bridging numbers (:class:`~.bridges.BridgingTable`) and the ★ ids of one changing network, each network
    counted from the last one where it can be (see the module docstring).

    >>> live = LiveCount(background=False)
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "government", "c": "neighbourhood"}, "sector")
    >>> table, marked = live.count(G); table.rows["b"]["score"], sorted(marked)
    (1.0, ['b'])
    >>> G.add_edge("a", "c"); table, marked = live.count(G); table.rows["b"]["score"]
    0.0
    """

    def __init__(self, *, background: bool = True) -> None:
        self._last: _Counted | None = None
        self._dynamic: _Dynamic | None = None
        self._building: threading.Thread | None = None
        self._background = background
        #: How the last count was made: ``"whole"``, ``"renamed"`` or ``"changes"`` (for tests and benchmarks).
        self.how = ""

    def count(self, G: nx.Graph, *, same_circles: bool = False) -> tuple[BridgingTable, set[Hashable]]:
        """The bridging numbers of every actor of ``G`` and the set of ★ actors, equal to ``BridgingTable(G)``
        and ``coordinator_ids(G)``. ``same_circles``: the caller knows the circles (:func:`~.circles.circle_pairs`)
        are those of the last network counted (a tie of a type that makes no circle, attendance): they are not
        looked for again."""
        U = simple_graph(G)
        n = U.number_of_nodes()
        if n > min(LIVE_MAX, EXACT_MAX) or G.is_directed():
            from .coordinators import coordinator_ids

            self._last, self.how = None, "whole"
            return BridgingTable(G), coordinator_ids(G)
        w = _tie_weight(U)
        ix = Indexed(U, weight=w)
        edges = {(i, j) if i < j else (j, i) for i, j in ix.edges}
        sector = dict(U.nodes(data="sector"))
        sec = [sector.get(v) for v in ix.nodes]
        circles = self._last.circles if same_circles and self._last is not None else circle_pairs(G)
        last = self._last
        grown = (
            last is not None
            and len(last.nodes) <= n
            and ix.nodes[: len(last.nodes)] == last.nodes
            and last.edges <= edges
        )
        if grown and n == len(last.nodes) and edges == last.edges and sec == last.sec and ix.weights == last.weights:
            if circles == last.circles:  # a rename or a word within its sector: the same numbers
                table = last.table.renamed(G)
                self._keep(ix, edges, sec, circles, last.pairs, last.sole, table, last.marked)
                self.how = "renamed"
                return table, last.marked
        tree = CutTree(U, indexed=ix)
        constraint, effective = burt_measures(U, weight=w, indexed=ix)
        if grown:
            dirty = _dirty(ix, last, edges, sec)
            kept = {b: last.pairs[b] for b in range(len(last.nodes)) if b not in dirty}
            counted = _indexed_pass(U, tree, sector, kept=kept)
            between = self._betweenness(U, ix, edges)
            if circles == last.circles:
                rows_ = sorted(dirty | set(range(len(last.nodes), n)))
                sole = last.sole.copy()
                sole.resize(n, refcheck=False)
                sole[rows_] = sole_pair_counts(ix, sector, circles, rows=rows_)[rows_] if rows_ else 0
            else:
                sole = sole_pair_counts(ix, sector, circles)
            self.how = "changes"
        else:
            counted = _indexed_pass(U, tree, sector)
            between = self._betweenness(U, ix, edges)
            sole = sole_pair_counts(ix, sector, circles)
            self.how = "whole"
        rows = _rows(U, ix, tree, sector, dict(zip(ix.nodes, between)), constraint, effective, counted, estimated=False)
        table = BridgingTable.from_parts(rows, U, tree)
        marked = set(marked_from_counts(ix, sole, actor_count(U)))
        self._keep(ix, edges, sec, circles, [c[:2] for c in counted], sole, table, marked)
        return table, marked

    def _keep(self, ix, edges, sec, circles, pairs, sole, table, marked) -> None:
        last = _Counted()
        last.nodes, last.edges, last.weights, last.sec, last.circles = list(ix.nodes), edges, ix.weights, sec, circles
        last.pairs, last.sole, last.table, last.marked = pairs, sole, table, marked
        self._last = last

    def _betweenness(self, U: nx.Graph, ix: Indexed, edges: set) -> list[float]:
        """Betweenness of ``ix``'s nodes (networkx's scale): by the dynamic count when it is ready and the network
        only grew since it was built, else whole (and the dynamic count built again): by
        :func:`~.centrality.betweenness` (the cores shared by forked workers, the answer kept for a network seen
        before) unless the dynamic count is being built in a thread beside (no fork then), by igraph here."""
        n = len(ix)
        if n < 3:
            return [0.0] * n
        dyn = self._ready()
        if (
            dyn is not None
            and n <= dyn.slots
            and ix.nodes[: len(dyn.nodes)] == dyn.nodes
            and dyn.edges <= edges
            and len(edges) - len(dyn.edges) <= MAX_UPDATES
        ):
            dyn.add(sorted(edges - dyn.edges))
            dyn.nodes = list(ix.nodes)
            return dyn.values(n)
        if self._building is None or not self._building.is_alive():
            from .centrality import betweenness

            found = betweenness(U, indexed=ix)
            values = [found[v] for v in ix.nodes]
        else:
            raw = ix.igraph().betweenness(directed=False)  # in this process: no fork beside a thread
            scale = 2.0 / ((n - 1) * (n - 2))
            values = [x * scale for x in raw]
        self._rebuild(ix.nodes, edges)
        return values

    def _ready(self) -> _Dynamic | None:
        if self._building is not None and not self._building.is_alive():
            self._building = None
        if self._building is None and self._dynamic is not None and self._dynamic.run is not None:
            return self._dynamic
        return None

    def _rebuild(self, nodes: list, edges: set) -> None:
        """Build the dynamic count of this network (in the background unless made with ``background=False``)."""
        if self._building is not None:
            return  # one at a time: the next count finds whether it still fits
        dyn = _Dynamic(nodes, edges)
        self._dynamic = dyn
        if not self._background:
            dyn.build()
            return

        def build() -> None:
            try:
                dyn.build()
            except Exception:  # noqa: BLE001 - without it every count is whole, as before
                dyn.run = None

        self._building = threading.Thread(target=build, name="kyodo-live-betweenness", daemon=True)
        self._building.start()

    def wait(self) -> None:
        """Wait for the dynamic count being built (for tests and benchmarks)."""
        if self._building is not None:
            self._building.join()


def _dirty(ix: Indexed, last: _Counted, edges: set, sec: list) -> set[int]:
    """The nodes (indices) whose brokered pairs may differ from ``last``'s: the ends of every new tie and the nodes
    tied to either (a pair of partners may now be tied, or share a new partner), every node whose sector changed
    and its partners, and every new node."""
    adj = ix.adj
    dirty: set[int] = set(range(len(last.nodes), len(ix)))
    for i, j in edges - last.edges:
        dirty.update((i, j))
        dirty.update(adj[i])
        dirty.update(adj[j])
    for b in range(len(last.nodes)):
        if sec[b] != last.sec[b]:
            dirty.add(b)
            dirty.update(adj[b])
    return dirty
