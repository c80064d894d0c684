"""Seeded, deterministic node positions for maps, computed in Python so the browser never runs physics.

Each connected component is laid out on its own with a force-directed layout (Fruchterman & Reingold 1991),
scaled so that every component has the same density, and the components are then packed in rows, largest
first, isolated actors last. The same graph and seed always give the same picture: nodes are ordered by
``str(id)`` before anything random happens.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import networkx as nx

__all__ = ["layout_positions", "SEED"]

#: The default seed of every map layout.
SEED = 7

#: Largest component laid out with the dense iteration (n×n matrices); larger ones use igraph's grid variant.
DENSE_MAX = 1500

#: Empty space between packed components, in layout units (one unit is about one typical tie).
_GAP = 1.2


def layout_positions(
    G: nx.Graph,
    *,
    seed: int = SEED,
    weight: str | None = "weight",
    boxes: Mapping[Hashable, tuple[float, float]] | None = None,
) -> dict[Hashable, tuple[float, float]]:
    """Positions for the nodes of ``G``, about one unit apart, with ``y`` growing downwards (screen order).

    Parameters
    ----------
    G
        Any graph; directions are ignored. It is not modified.
    seed
        Seed of the random start; the same graph and seed always give the same positions.
    weight
        Edge attribute read as the strength of a tie (stronger ties pull harder); ``None`` for equal ties.
    boxes
        Node → ``(width, height)`` in layout units of the node with its label, centred on the node. Nodes of
        components up to 400 nodes are then pushed apart until their boxes no longer overlap (or 80 rounds).

    Returns
    -------
    dict
        Node → ``(x, y)``, rounded to 3 decimals. Each component of ``n`` nodes fills a box about
        ``sqrt(n)`` units wide; components are packed in rows, largest first.

    Examples
    --------
    >>> pos = layout_positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and pos == layout_positions(nx.path_graph(3))
    True

    Notes
    -----
    Fruchterman, T. M. J., & Reingold, E. M. (1991). Graph drawing by force-directed placement.
    Software: Practice and Experience, 21(11), 1129–1164. Up to :data:`DENSE_MAX` nodes per component the
    iteration is networkx's dense one, run for more steps on small components (they are cheap) and fewer on
    large ones, so that 1,000 actors take about a second. Larger components use igraph's grid
    Fruchterman–Reingold (repulsion only between nearby nodes) from the same seeded start: memory linear in
    the ties, where the dense iteration needs n² (2.2 GB at 8,000 actors).
    """
    if G.number_of_nodes() == 0:
        return {}
    U = nx.Graph()
    U.add_nodes_from(sorted(G, key=str))
    for u, v, d in G.edges(data=True):
        if u != v:
            w = d.get(weight, 1) if weight else 1
            w = float(w) if isinstance(w, (int, float)) and w > 0 else 1.0
            if U.has_edge(u, v):
                w = max(w, U.edges[u, v]["w"])
            U.add_edge(u, v, w=w)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    packed = []  # ({node: (x, y)} inside a box starting at 0, width, height)
    singles = [c[0] for c in comps if len(c) == 1]
    for nodes in (c for c in comps if len(c) > 1):
        packed.append(_component(U, nodes, seed, boxes or {}))
    if singles:
        cols = max(1, math.ceil(math.sqrt(len(singles))))
        cw = max((boxes or {}).get(n, (1.0, 1.0))[0] for n in singles) if boxes else 1.0
        ch = max((boxes or {}).get(n, (1.0, 1.0))[1] for n in singles) if boxes else 1.0
        cw, ch = max(cw, 1.0), max(ch, 1.0)
        pos = {n: (i % cols * cw, i // cols * ch) for i, n in enumerate(singles)}
        packed.append((pos, (cols - 1) * cw, (len(singles) - 1) // cols * ch))
    return _pack(packed)


def _component(U: nx.Graph, nodes: list, seed: int, boxes: Mapping) -> tuple[dict, float, float]:
    import numpy as np

    n = len(nodes)
    if n == 2:
        w0, w1 = (boxes.get(v, (0.0, 0.0))[0] for v in nodes)
        d = max(1.0, (w0 + w1) / 2 + 0.1)
        return {nodes[0]: (0.0, 0.0), nodes[1]: (d, 0.0)}, d, 0.0
    index = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    if n > DENSE_MAX:
        pos = _sparse_layout(U, nodes, index, pos)
    else:
        A = np.zeros((n, n), dtype=np.float32)
        for u, v, d in U.subgraph(nodes).edges(data=True):
            A[index[u], index[v]] = A[index[v], index[u]] = d["w"]
        A /= A.max()
        iterations = 300 if n <= 100 else 120 if n <= 400 else 60
        pos = _fruchterman_reingold(A, pos, iterations)
    pos -= pos.min(axis=0)
    side = max(float(pos.max()), 1e-9)
    size = math.sqrt(n) * 1.15
    pos *= size / side
    # Wider than high suits screens and landscape paper: turn the component so its long axis is horizontal.
    centred = pos - pos.mean(axis=0)
    _, vecs = np.linalg.eigh(np.cov(centred.T))
    major = vecs[:, -1]
    if major[0] < 0 or (major[0] == 0 and major[1] < 0):
        major = -major
    rot = np.array([[major[0], major[1]], [-major[1], major[0]]], dtype=np.float32)
    pos = centred @ rot.T
    if boxes and n <= 400:
        wh = np.array([boxes.get(v, (0.0, 0.0)) for v in nodes], dtype=np.float32)
        pos = _separate(pos, wh)
    pos -= pos.min(axis=0)
    w, h = (float(x) for x in pos.max(axis=0))
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}, w, h


def _sparse_layout(U: nx.Graph, nodes: list, index: dict, pos):
    """igraph's grid Fruchterman–Reingold from the seeded start ``pos``: memory linear in the ties."""
    from ..analysis.engine import import_igraph

    igraph = import_igraph()
    import numpy as np

    edges, weights = [], []
    for u, v, d in U.subgraph(nodes).edges(data=True):
        edges.append((index[u], index[v]))
        weights.append(d["w"])
    g = igraph.Graph(n=len(nodes), edges=edges)
    top = max(weights)
    start = (pos * np.sqrt(len(nodes))).tolist()
    layout = g.layout_fruchterman_reingold(weights=[w / top for w in weights], niter=200, seed=start, grid="grid")
    return np.asarray(layout.coords, dtype=np.float32)


def _fruchterman_reingold(A, pos, iterations: int):
    """networkx's dense Fruchterman–Reingold iteration, in float32, x and y kept apart (no n×n×2 arrays: about
    seven times quicker on a district of 125 actors than the three-dimensional form it replaced)."""
    import numpy as np

    n = A.shape[0]
    k = np.float32(math.sqrt(1.0 / n))
    kk = k * k
    t = np.float32(max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1]))) * 0.1)
    dt = t / np.float32(iterations + 1)
    x, y = np.ascontiguousarray(pos[:, 0]), np.ascontiguousarray(pos[:, 1])
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        dist = np.sqrt(dx * dx + dy * dy)
        np.clip(dist, 0.01, None, out=dist)
        force = kk / (dist * dist) - A * dist / k
        ddx = np.einsum("ij,ij->i", dx, force)
        ddy = np.einsum("ij,ij->i", dy, force)
        length = np.sqrt(ddx * ddx + ddy * ddy)
        np.clip(length, 0.01, None, out=length)
        step = t / length
        x = x + ddx * step
        y = y + ddy * step
        t -= dt
    return np.stack([x, y], axis=1)


def _separate(pos, wh, rounds: int = 80):
    """Push apart nodes whose boxes overlap, each pair along the axis where it overlaps least."""
    import numpy as np

    n = len(pos)
    eye = np.eye(n, dtype=bool)
    for _ in range(rounds):
        dx = pos[:, None, 0] - pos[None, :, 0]
        dy = pos[:, None, 1] - pos[None, :, 1]
        ox = (wh[:, None, 0] + wh[None, :, 0]) / 2 - np.abs(dx)
        oy = (wh[:, None, 1] + wh[None, :, 1]) / 2 - np.abs(dy)
        hit = (ox > 0) & (oy > 0) & ~eye
        if not hit.any():
            break
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        # Coincident nodes are split by index so the result stays deterministic.
        sx = np.where(dx != 0, np.sign(dx), np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]))
        sy = np.where(dy != 0, np.sign(dy), np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]))
        move = np.zeros_like(pos)
        move[:, 0] = (np.where(along_x, ox, 0) * sx).sum(axis=1) * 0.26
        move[:, 1] = (np.where(along_y, oy, 0) * sy).sum(axis=1) * 0.26
        pos = pos + move
    return pos


def _pack(boxes: list[tuple[dict, float, float]]) -> dict:
    """Shelf-pack component boxes in rows, about as wide as the largest component or the square of the total."""
    area = sum((w + _GAP) * (h + _GAP) for _, w, h in boxes)
    row_width = max(max(w for _, w, _ in boxes), math.sqrt(area) * 1.4)
    out: dict = {}
    x = y = row_h = 0.0
    for pos, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + _GAP, 0.0
        for v, (px, py) in pos.items():
            out[v] = (round(px + x, 3), round(py + y, 3))
        x += w + _GAP
        row_h = max(row_h, h)
    return out
