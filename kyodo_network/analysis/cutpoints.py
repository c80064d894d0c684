"""Articulation points and the pieces a component falls into without each of them, from one depth-first search.

:class:`CutTree` holds one DFS preorder of every component (Hopcroft & Tarjan 1973). The pieces that an
articulation point ``v`` separates are the subtrees of its DFS children ``c`` with ``low[c] >= pre[v]`` —
contiguous slices of the preorder — plus, unless ``v`` is the root, the rest of the component. So every piece
is known by its size without copying anything; the ids of a piece are sliced out only when asked for. Memory is
linear in the size of the graph.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

from .engine import Indexed

__all__ = ["CutTree", "separations", "rest_first"]


def rest_first(U: nx.Graph, pieces: Iterable[Iterable[Hashable]]) -> list[list[Hashable]]:
    """Order pieces so that "the rest" comes first: the largest, then the one holding the best-connected actor,
    then the first by id. Everything after the first is what is cut off."""
    return sorted((list(p) for p in pieces), key=lambda c: (-len(c), -max(U.degree(n) for n in c), min(map(str, c))))


class CutTree:
    """Articulation points of an undirected graph and, for each, its pieces (see the module docstring).

    >>> t = CutTree(nx.path_graph(4))
    >>> sorted(t.cut_points()), sorted(t.sizes(1)), t.cut_off(1)
    ([1, 2], [1, 2], [0])
    """

    def __init__(self, U: nx.Graph, indexed: Indexed | None = None) -> None:
        self.U = U
        ix = indexed if indexed is not None else Indexed(U, weight=None)
        self.ix = ix
        n = len(ix)
        adj = ix.adj
        pre = [-1] * n
        low = [0] * n
        size = [1] * n
        parent = [-1] * n
        comp = [0] * n  # component number of each node
        self.order: list[int] = []  # preorder of all components, one after another
        self.comp_start: list[int] = []
        self.comp_size: list[int] = []
        self.separated: dict[int, list[int]] = {}  # articulation point → its separated DFS children
        degree = [len(a) for a in adj]
        order = self.order
        # Start each component at its best-connected node, so that "the rest" is usually the remainder.
        for start in sorted(range(n), key=lambda i: -degree[i]):
            if pre[start] >= 0:
                continue
            c = len(self.comp_start)
            self.comp_start.append(len(order))
            pre[start] = low[start] = len(order)
            order.append(start)
            comp[start] = c
            stack = [(start, iter(adj[start]))]
            while stack:
                v, it = stack[-1]
                for w in it:
                    if pre[w] < 0:
                        parent[w] = v
                        pre[w] = low[w] = len(order)
                        order.append(w)
                        comp[w] = c
                        stack.append((w, iter(adj[w])))
                        break
                    if w != parent[v] and pre[w] < low[v]:
                        low[v] = pre[w]
                else:
                    stack.pop()
                    p = parent[v]
                    if p >= 0:
                        size[p] += size[v]
                        if low[v] < low[p]:
                            low[p] = low[v]
                        if low[v] >= pre[p]:
                            self.separated.setdefault(p, []).append(v)
            self.comp_size.append(len(order) - self.comp_start[-1])
            kids = self.separated.get(start)
            if kids is not None and len(kids) < 2:
                del self.separated[start]
        self.pre, self.size, self.comp, self.parent = pre, size, comp, parent

    # --- queries (ids of the original graph) ------------------------------------------------------------

    def cut_points(self) -> list[Hashable]:
        """The articulation points."""
        return [self.ix.nodes[i] for i in self.separated]

    def is_cut(self, v: Hashable) -> bool:
        return self.ix.index[v] in self.separated

    def _is_root(self, i: int) -> bool:
        return self.parent[i] < 0

    def sizes(self, v: Hashable) -> list[int]:
        """Sizes of the pieces ``v``'s component falls into without ``v`` (empty if ``v`` is no cut point)."""
        i = self.ix.index[v]
        kids = self.separated.get(i, [])
        out = [self.size[c] for c in kids]
        if kids and not self._is_root(i):
            out.append(self.comp_size[self.comp[i]] - 1 - sum(out))
        return out

    def _slices(self, i: int) -> list[tuple[int, int]]:
        return [(self.pre[c], self.pre[c] + self.size[c]) for c in self.separated.get(i, [])]

    def _remainder(self, i: int) -> list[int]:
        """Indices of the rest of ``i``'s component: not ``i``, not in a separated subtree."""
        c = self.comp[i]
        lo, hi = self.comp_start[c], self.comp_start[c] + self.comp_size[c]
        cuts = sorted(self._slices(i) + [(self.pre[i], self.pre[i] + 1)])
        out, at = [], lo
        for a, b in cuts:
            out.extend(self.order[at:a])
            at = b
        out.extend(self.order[at:hi])
        return out

    def pieces_index(self, i: int) -> list[list[int]]:
        """The pieces of node index ``i`` as lists of indices (subtrees first, then the remainder)."""
        pieces = [self.order[a:b] for a, b in self._slices(i)]
        if pieces and not self._is_root(i):
            pieces.append(self._remainder(i))
        return pieces

    def pieces(self, v: Hashable) -> list[list[Hashable]]:
        nodes = self.ix.nodes
        return [[nodes[j] for j in p] for p in self.pieces_index(self.ix.index[v])]

    def rest_index(self, i: int) -> int:
        """Which piece of :meth:`pieces_index` is "the rest" (the rule of :func:`rest_first`), or -1.

        Decided from sizes alone unless the largest size is shared; only then are the pieces looked at."""
        sizes = self.sizes(self.ix.nodes[i])
        if not sizes:
            return -1
        top = max(sizes)
        tied = [k for k, s in enumerate(sizes) if s == top]
        if len(tied) == 1:
            return tied[0]
        pieces = self.pieces_index(i)
        nodes, degree = self.ix.nodes, self.ix.adj
        return min(tied, key=lambda k: (-max(len(degree[j]) for j in pieces[k]), min(str(nodes[j]) for j in pieces[k])))

    def cut_off_index(self, i: int) -> list[int]:
        """Indices cut off from the rest when node index ``i`` leaves (everything outside "the rest")."""
        rest = self.rest_index(i)
        if rest < 0:
            return []
        slices = self._slices(i)
        out = [j for k, (a, b) in enumerate(slices) if k != rest for j in self.order[a:b]]
        if not self._is_root(i) and rest != len(slices):
            out.extend(self._remainder(i))
        return out

    def cut_off_count(self, i: int) -> int:
        """How many indices :meth:`cut_off_index` would list, from the piece sizes alone."""
        rest = self.rest_index(i)
        if rest < 0:
            return 0
        sizes = self.sizes(self.ix.nodes[i])
        return sum(sizes) - sizes[rest]

    def cut_off(self, v: Hashable) -> list[Hashable]:
        """Ids that lose their path to the rest when ``v`` leaves, sorted by ``str``."""
        nodes = self.ix.nodes
        return sorted((nodes[j] for j in self.cut_off_index(self.ix.index[v])), key=str)

    def piece_of(self, i: int, j: int) -> int:
        """Which piece of :meth:`pieces_index` node index ``j`` (in ``i``'s component, not ``i``) falls into."""
        pj = self.pre[j]
        for k, (a, b) in enumerate(self._slices(i)):
            if a <= pj < b:
                return k
        return len(self.separated.get(i, []))


def separations(U: nx.Graph) -> dict[Hashable, list[list[Hashable]]]:
    """For every articulation point of the undirected simple graph ``U``, the pieces its component falls into
    when it is removed (all of them copied out: use :class:`CutTree` on large graphs).

    >>> sorted(map(sorted, separations(nx.path_graph(4))[1]))
    [[0], [2, 3]]
    """
    t = CutTree(U)
    return {v: t.pieces(v) for v in t.cut_points()}
