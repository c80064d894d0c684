"""Gould–Fernandez brokerage roles over sectors.

A broker ``b`` sits between two actors ``a`` and ``c`` that have no tie of their own. Gould and Fernandez (1989)
classify each such triad by which groups (here: sectors) the three belong to.

Undirected form, counted once per unordered pair ``{a, c}`` of non-adjacent neighbours of ``b``:

============  ==========================================  ====================================
role          sectors                                     in words
============  ==========================================  ====================================
coordinator   s(a) = s(b) = s(c)                          links two of its own sector
itinerant     s(a) = s(c) ≠ s(b)                          an outsider links two of one sector
boundary      s(b) equals exactly one of s(a), s(c)       links its own sector to another
liaison       s(a), s(b), s(c) all different              links two other sectors
============  ==========================================  ====================================

On undirected ties the representative and gatekeeper roles cannot be told apart, so they are reported
together as ``boundary``.

Directed form, counted once per ordered path ``a → b → c`` with ``a ≠ c`` and no tie ``a → c``:
``representative`` when s(a) = s(b) ≠ s(c) (b carries its own sector's tie outward) and ``gatekeeper`` when
s(b) = s(c) ≠ s(a) (b lets an outsider in); coordinator, itinerant and liaison as above.

Published tools disagree on which of representative/gatekeeper is which; the definitions above follow
Gould & Fernandez (1989), Table 1, reading ties as flowing from ``a`` to ``c``.

References
----------
Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A formal approach to brokerage in
transaction networks. Sociological Methodology, 19, 89–126.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator

import networkx as nx

__all__ = ["UNDIRECTED_ROLES", "DIRECTED_ROLES", "brokerage_role", "brokerage", "brokered_pairs"]

UNDIRECTED_ROLES = ("coordinator", "itinerant", "boundary", "liaison")
DIRECTED_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def brokerage_role(sa: Hashable, sb: Hashable, sc: Hashable, *, directed: bool = False) -> str:
    """The Gould–Fernandez role of broker ``b`` in the triad ``a – b – c`` given the three groups.

    >>> brokerage_role("npo", "npo", "npo")
    'coordinator'
    >>> brokerage_role("npo", "government", "npo")
    'itinerant'
    >>> brokerage_role("npo", "npo", "school", directed=True)
    'representative'
    >>> brokerage_role("school", "npo", "npo", directed=True)
    'gatekeeper'
    >>> brokerage_role("school", "npo", "npo")
    'boundary'
    >>> brokerage_role("school", "npo", "company")
    'liaison'
    """
    if sa == sb == sc:
        return "coordinator"
    if sa == sc:
        return "itinerant"
    if sb == sa:
        return "representative" if directed else "boundary"
    if sb == sc:
        return "gatekeeper" if directed else "boundary"
    return "liaison"


def brokered_pairs(G: nx.Graph, b: Hashable) -> Iterator[tuple[Hashable, Hashable]]:
    """The triads in which ``b`` brokers, as ``(a, c)``.

    Undirected ``G``: each unordered pair of non-adjacent neighbours once (``a < c`` by sort order of ``str``).
    Directed ``G``: each ``a → b → c`` with ``a ≠ c`` and no edge ``a → c``. Self-loops are ignored.
    """
    if G.is_directed():
        for a in G.predecessors(b):
            if a == b:
                continue
            for c in G.successors(b):
                if c != a and c != b and not G.has_edge(a, c):
                    yield a, c
        return
    nbrs = sorted((n for n in G[b] if n != b), key=str)
    for i, a in enumerate(nbrs):
        adj = G[a]
        for c in nbrs[i + 1 :]:
            if c not in adj:
                yield a, c


def brokerage(G: nx.Graph, group: str = "sector") -> dict[Hashable, dict[str, int]]:
    """Count each node's brokerage roles (Gould & Fernandez 1989) over the node attribute ``group``.

    Parameters
    ----------
    G
        Undirected or directed graph. On a directed graph mutual ties should be present as two edges.
    group
        Node attribute naming each node's group.

    Returns
    -------
    dict
        Node → ``{role: count, ..., "total": n}`` with the roles of :data:`UNDIRECTED_ROLES` or
        :data:`DIRECTED_ROLES`.

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> nx.set_node_attributes(G, {0: "x", 1: "y", 2: "z"}, "sector")
    >>> brokerage(G)[1]
    {'coordinator': 0, 'itinerant': 0, 'boundary': 0, 'liaison': 1, 'total': 1}
    """
    directed = G.is_directed()
    roles = DIRECTED_ROLES if directed else UNDIRECTED_ROLES
    groups = nx.get_node_attributes(G, group)
    out = {}
    for b in G:
        counts = Counter(
            brokerage_role(groups.get(a), groups.get(b), groups.get(c), directed=directed)
            for a, c in brokered_pairs(G, b)
        )
        row = {r: counts[r] for r in roles}
        row["total"] = sum(row.values())
        out[b] = row
    return out
