"""Counts that describe one network: actors by sector, relations by type, years, components."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from ._records import relation_records

__all__ = ["network_summary", "activity_years"]


def network_summary(G: nx.Graph) -> dict:
    """Describe an actor graph from :func:`~kyodo_network.graph.graph_from_cases` in plain data.

    Returns
    -------
    dict
        ``actors``, ``actors_by_sector`` (sector id → count, in legend order), ``relations`` (relation records),
        ``relations_by_type``, ``project_ties`` (edges that exist only through a shared project), ``projects``,
        ``years`` (``[first, last]`` of activity, :func:`activity_years`, or ``None``), ``components`` (count),
        ``component_sizes`` (largest first), ``isolates`` (ids), ``inferred_actors``, ``inferred_relations`` (records inferred whole or in some fields).

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
    relations = relation_records(G)
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
        "years": activity_years(G, [min(years), max(years)] if years else None),
        "components": len(components),
        "component_sizes": components,
        "isolates": sorted(nx.isolates(U)),
        # inferred as a whole or in some fields (``inferred: [offers]``): the record rests partly on a reading
        "inferred_actors": sum(1 for _, d in G.nodes(data=True) if d.get("inferred") or d.get("inferred_fields")),
        "inferred_relations": sum(1 for r in relations.values() if r.get("inferred") or r.get("inferred_fields")),
    }


def activity_years(G: nx.Graph, named: list[int] | None) -> list[int] | None:
    """``[first, last]`` year of activity, the one rule of ``info``, ``compare`` and the report index: first is the
    earliest year ``named`` by a ``since``/``until``; last is the latest named, or, when something is still running
    (no ``until``) and the source has a date, the source's year (the data are as of then); never past the graph's
    ``year``. ``None`` if no year is known.

    >>> G = nx.Graph(sources=[{"date": "2010-04"}])
    >>> G.add_node("a", since=2005)
    >>> activity_years(G, [2005, 2005])
    [2005, 2010]
    """
    records = [d for _, d in G.nodes(data=True)] + list(G.graph.get("projects", {}).values())
    records += [r for _, _, d in G.edges(data=True) for r in d.get("relations", [])]
    ongoing = any(r.get("until") is None for r in records)
    dated = [int(str(s.get("date"))[:4]) for s in G.graph.get("sources", []) if str(s.get("date", ""))[:4].isdigit()]
    years = list(named or [])
    if ongoing and dated and years:
        years.append(max(dated))
    if not years:
        return None
    first, last = min(years), max(years)
    if G.graph.get("year") is not None:
        last = min(last, G.graph["year"])
    return [first, max(first, last)]
