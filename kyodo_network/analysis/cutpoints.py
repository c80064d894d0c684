"""Articulation points and the pieces a component falls into without each of them, in one pass."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["separations", "rest_first"]


def rest_first(U: nx.Graph, pieces: Iterable[Iterable[Hashable]]) -> list[list[Hashable]]:
    """Order pieces so that "the rest" comes first: the largest, then the one holding the best-connected actor,
    then the first by id. Everything after the first is what is cut off."""
    return sorted((list(p) for p in pieces), key=lambda c: (-len(c), -max(U.degree(n) for n in c), min(map(str, c))))


def separations(U: nx.Graph) -> dict[Hashable, list[list[Hashable]]]:
    """For every articulation point of the undirected simple graph ``U``, the pieces its component falls into
    when it is removed.

    One depth-first search per component (Hopcroft & Tarjan 1973): a DFS child ``c`` of ``v`` whose subtree has
    no back edge above ``v`` (``low[c] >= pre[v]``) is separated from the rest by ``v``. Subtrees are slices of
    the preorder, so the pieces are built without another search.

    >>> sorted(map(sorted, separations(nx.path_graph(4))[1]))
    [[0], [2, 3]]
    """
    out: dict[Hashable, list[list[Hashable]]] = {}
    for comp in nx.connected_components(U):
        root = next(iter(comp))
        order = [root]
        pre = {root: 0}
        low = {root: 0}
        parent: dict[Hashable, Hashable | None] = {root: None}
        children: dict[Hashable, list[Hashable]] = {root: []}
        size: dict[Hashable, int] = {}
        stack = [(root, iter(U[root]))]
        while stack:
            v, neighbours = stack[-1]
            for w in neighbours:
                if w == v:
                    continue
                if w not in pre:
                    parent[w], pre[w], low[w] = v, len(order), len(order)
                    order.append(w)
                    children[v].append(w)
                    children[w] = []
                    stack.append((w, iter(U[w])))
                    break
                if w != parent[v]:
                    low[v] = min(low[v], pre[w])
            else:
                stack.pop()
                size[v] = 1 + sum(size[c] for c in children[v])
                p = parent[v]
                if p is not None:
                    low[p] = min(low[p], low[v])
        for v in comp:
            if v == root:
                separated = children[v] if len(children[v]) > 1 else []
            else:
                separated = [c for c in children[v] if low[c] >= pre[v]]
            if not separated:
                continue
            pieces = [order[pre[c]:pre[c] + size[c]] for c in separated]
            if v != root:
                taken = {n for piece in pieces for n in piece}
                taken.add(v)
                pieces.append([n for n in order if n not in taken])
            out[v] = pieces
    return out
