"""The same indicators for every district, side by side: the table behind ``kyodo compare``.

==============================  =============================================================================
indicator id                    meaning
==============================  =============================================================================
``actors``                      actors (nodes)
``actors_by_sector``            sector id → actors, every built-in sector listed (0 when absent), then any
                                extra sector of the case
``relations``                   relation records (a relation written once counts once, whatever its type)
``ties``                        ties of the undirected actor graph: pairs of actors joined by at least one
                                relation or shared project
``projects``                    projects (協働事業)
``density``                     ties / (n(n−1)/2); ``None`` for fewer than two actors
``components``                  connected components
``isolates``                    actors with no tie
``cross_sector_share``          share of ties whose two actors are in different sectors
``ei_index``                    E–I index of sectors (Krackhardt & Stern 1988): (E − I)/(E + I) over ties, E
                                between sectors, I within; −1 all within, +1 all across
``avg_clustering``              average clustering coefficient (Watts & Strogatz 1998), unweighted, isolates
                                and actors with one tie counting 0 (networkx ``average_clustering``)
``degree_centralisation``      Freeman (1979) degree centralisation Σ(d_max − d_i) / ((n−1)(n−2)): 1 for a
                                star, 0 when all degrees are equal; unweighted; ``None`` for n < 3
``top_bridge``                  id of the actor ranked first by
                                :func:`~kyodo_network.analysis.bridges.bridging_scores` (with
                                ``top_bridge_name``, ``top_bridge_name_en``); ``None`` when nobody brokers
``top_bridge_share``            the top bridge's share of all brokerage: its Gould–Fernandez total over the sum
                                of everyone's totals
``single_points_of_failure``    actors listed by :func:`~kyodo_network.analysis.risk.risks`
``formal_share``                share of relation records that are formal arrangements:
                                :data:`~kyodo_network.model.FORMAL_TYPES` (agreement, commission, subsidy)
``first_year``                  earliest year named by any ``since``/``until`` of an actor, relation or project
``last_year``                   latest year named; when something is still running (no ``until``) and the
                                source has a date, the source's year (the data are as of then), and never
                                past the graph's ``year``
``years_active``                last_year − first_year + 1
==============================  =============================================================================

Shares are 0–1 and ``None`` when there is nothing to divide (no ties, no relations, no brokerage). Every measure
uses the undirected actor graph without self-loops.

References
----------
Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: An experimental simulation.
Social Psychology Quarterly, 51(2), 123–140.
Freeman, L. C. (1979). Centrality in social networks: Conceptual clarification. Social Networks, 1, 215–239.
Watts, D. J., & Strogatz, S. H. (1998). Collective dynamics of 'small-world' networks. Nature, 393, 440–442.
Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology, 19, 89–126.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

from ._records import relation_records
from .indicators import INDICATORS, Indicator
from ..model import FORMAL_TYPES, SECTORS
from ..graph import simple_graph
from ._parallel import parallel_map
from .bridges import top_bridge
from .risk import risks
from .summary import network_summary

__all__ = ["Indicator", "INDICATORS", "compare_districts", "district_indicators"]


def compare_districts(graphs: Iterable[nx.Graph]) -> list[dict]:
    """Compute the same indicators for each district, one row each.

    Parameters
    ----------
    graphs
        Actor graphs, one per district, e.g. from :func:`~kyodo_network.graph.graphs_from_names` (with
        ``year`` there for the networks as they stood that year; with ``lazy=True`` there, each district is
        rebuilt, measured and dropped in turn, so a city's networks are never all held at once).

    Returns
    -------
    list of dict
        In the order given: ``district`` (id), ``name``, ``name_en``, ``year``, then every indicator of
        :data:`INDICATORS` by id (see the module docstring for definitions), plus ``top_bridge_name`` and
        ``top_bridge_name_en``.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")], name="demo")
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "government", "c": "npo"}, "sector")
    >>> row = compare_districts([G])[0]
    >>> row["density"], row["ei_index"], row["degree_centralisation"], row["top_bridge"]
    (0.6667, 1.0, 1.0, 'b')
    """
    if not isinstance(graphs, Sequence):  # a sequence is taken as it is: a lazy one rebuilds a graph at a time
        graphs = list(graphs)
    return parallel_map(district_indicators, graphs, worth_it=len(graphs) >= PARALLEL_DISTRICTS)


#: Districts from which :func:`compare_districts` shares them among the machine's cores.
PARALLEL_DISTRICTS = 16


def district_indicators(G: nx.Graph) -> dict:
    """The indicators of :func:`compare_districts` for one actor graph (not changed).

    Examples
    --------
    >>> G = nx.complete_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(G, "npo", "sector")
    >>> r = district_indicators(G)
    >>> r["avg_clustering"], r["ei_index"], r["top_bridge"], r["top_bridge_share"]
    (1.0, -1.0, None, None)
    """
    U = simple_graph(G)
    summary = network_summary(G)
    n, m = U.number_of_nodes(), U.number_of_edges()
    sector = nx.get_node_attributes(U, "sector")
    cross = sum(1 for u, v in U.edges() if sector.get(u) != sector.get(v))
    within = m - cross

    relations = relation_records(G)
    formal = sum(1 for r in relations.values() if r.get("type") in FORMAL_TYPES)

    sectors = list(SECTORS) + [s for s in G.graph.get("sectors", {}) if s not in SECTORS]
    sectors += sorted({str(s) for s in sector.values()} - set(sectors))
    by_sector = {s: 0 for s in sectors}
    for s in sector.values():
        by_sector[str(s)] = by_sector.get(str(s), 0) + 1

    top_id = top_name = top_name_en = top_share = None
    if n:
        top, total = top_bridge(U)
        if total:
            top_id, top_name, top_name_en = top["id"], top["name"], top["name_en"]
            top_share = _round(top["brokerage"]["total"] / total)

    degrees = [d for _, d in U.degree()]
    centralisation = None
    if n >= 3:
        dmax = max(degrees)
        centralisation = _round(sum(dmax - d for d in degrees) / ((n - 1) * (n - 2)))
    years = summary["years"]
    districts = G.graph.get("districts") or []
    return {
        "district": "+".join(d["id"] for d in districts) if districts else G.graph.get("name"),
        "name": G.graph.get("name") or "",
        "name_en": G.graph.get("name_en") or G.graph.get("name") or "",
        "year": G.graph.get("year"),
        "actors": n,
        "actors_by_sector": by_sector,
        "relations": len(relations),
        "ties": m,
        "projects": summary["projects"],
        "density": _round(nx.density(U)) if n >= 2 else None,
        "components": nx.number_connected_components(U),
        "isolates": nx.number_of_isolates(U),
        "cross_sector_share": _round(cross / m) if m else None,
        "ei_index": _round((cross - within) / m) if m else None,
        "avg_clustering": _round(nx.average_clustering(U)) if n else None,
        "degree_centralisation": centralisation,
        "top_bridge": top_id,
        "top_bridge_name": top_name,
        "top_bridge_name_en": top_name_en,
        "top_bridge_share": top_share,
        "single_points_of_failure": len(risks(G)),
        "formal_share": _round(formal / len(relations)) if relations else None,
        "first_year": years[0] if years else None,
        "last_year": years[1] if years else None,
        "years_active": years[1] - years[0] + 1 if years else None,
    }


def _round(x: float) -> float:
    return round(float(x), 4)
