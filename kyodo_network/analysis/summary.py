"""Counts that describe one network: actors by sector, relations by type, years, components."""

from __future__ import annotations

from collections import Counter

import networkx as nx

__all__ = ["network_summary"]


def network_summary(G: nx.Graph) -> dict:
    """Describe an actor graph from :func:`~kyodo_network.graph.graph_from_cases` in plain data.

    Returns
    -------
    dict
        ``actors``, ``actors_by_sector`` (sector id → count, in legend order), ``relations`` (relation records),
        ``relations_by_type``, ``project_ties`` (edges that exist only through a shared project), ``projects``,
        ``years`` (``[first, last]`` over every ``since``/``until``, or ``None``), ``components`` (count),
        ``component_sizes`` (largest first), ``isolates`` (ids), ``inferred_actors``, ``inferred_relations``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(sectors={"npo": {}}, projects={})
    >>> G.add_node("a", sector="npo", since=2005, until=None, inferred=False)
    >>> network_summary(G)["components"]
    1
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    by_sector = Counter(d["sector"] for _, d in G.nodes(data=True))
    order = list(G.graph.get("sectors", {}))
    relations = {r["origin"] or id(r): r for _, _, d in G.edges(data=True) for r in d.get("relations", [])}
    by_type = Counter(r["type"] for r in relations.values())
    years = [d[k] for _, d in G.nodes(data=True) for k in ("since", "until") if d.get(k)]
    years += [r[k] for r in relations.values() for k in ("since", "until") if r.get(k)]
    years += [p[k] for p in G.graph.get("projects", {}).values() for k in ("since", "until") if p.get(k)]
    components = sorted((len(c) for c in nx.connected_components(U)), reverse=True)
    return {
        "actors": G.number_of_nodes(),
        "actors_by_sector": {s: by_sector[s] for s in order if by_sector[s]},
        "relations": len(relations),
        "relations_by_type": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        "project_ties": sum(1 for _, _, d in U.edges(data=True) if not d.get("relations")),
        "projects": len(G.graph.get("projects", {})),
        "years": [min(years), max(years)] if years else None,
        "components": len(components),
        "component_sizes": components,
        "isolates": sorted(nx.isolates(U)),
        "inferred_actors": sum(1 for _, d in G.nodes(data=True) if d.get("inferred")),
        "inferred_relations": sum(1 for r in relations.values() if r.get("inferred")),
    }
