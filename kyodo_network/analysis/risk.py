"""What breaks if a key person or body drops out: ``kyodo whatif`` and ``kyodo risks``."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from itertools import combinations

import networkx as nx

from ..errors import KyodoError
from ..graph import undirected_actor_graph
from .bridges import cut_off_nodes

__all__ = ["what_if", "risks", "GOVERNMENT_SECTOR"]

#: Sector whose actors count as "a government body" for the projects check.
GOVERNMENT_SECTOR = "government"


def _sector_pairs(U: nx.Graph) -> set[tuple[str, str]]:
    """Unordered pairs of different sectors that have at least one path between them."""
    pairs = set()
    for comp in nx.connected_components(U):
        present = sorted({str(U.nodes[n].get("sector")) for n in comp})
        pairs.update(combinations(present, 2))
    return pairs


def _government_linked(U: nx.Graph, participants: Iterable[Hashable]) -> bool:
    """True if a participant is a government body or has a direct tie to one."""
    for p in participants:
        if p not in U:
            continue
        if U.nodes[p].get("sector") == GOVERNMENT_SECTOR:
            return True
        if any(U.nodes[n].get("sector") == GOVERNMENT_SECTOR for n in U[p]):
            return True
    return False


def what_if(G: nx.Graph, remove: Iterable[Hashable]) -> dict:
    """What happens to the network if the actors in ``remove`` leave.

    Parameters
    ----------
    G
        Actor graph from :func:`~kyodo_network.graph.graph_from_cases` (the graph is not changed).
    remove
        Actor ids.

    Returns
    -------
    dict
        ``removed`` (ids), ``components_before``, ``components_after`` (connected components of the undirected
        graph, removed actors excluded after), ``cut_off`` (ids that lose their path to the rest: in each
        component, everything outside its largest remaining piece), ``relations_lost`` (relation records that
        involved a removed actor, and project ties between a removed actor and others, as
        ``{"from", "to", "type"}``), ``sector_pairs_lost`` (pairs of sectors that still have actors, with a path
        between them before and none after), ``projects_without_government`` (projects that had a participant who is, or is directly tied
        to, a government body, and no longer do).

    Raises
    ------
    KyodoError
        If an id is not an actor of ``G`` (with a did-you-mean).

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")], projects={})
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "person", "c": "government", "d": "npo"}, "sector")
    >>> r = what_if(G, ["b"])
    >>> r["cut_off"], r["components_after"], r["sector_pairs_lost"]
    (['a'], 2, [])
    """
    removed = list(dict.fromkeys(remove))
    missing = [r for r in removed if r not in G]
    if missing:
        import difflib

        hints = []
        for m in missing:
            close = difflib.get_close_matches(str(m), [str(n) for n in G], n=1)
            hints.append(f"'{m}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        msg = f"not an actor of this network: {', '.join(hints)}"
        raise KyodoError(msg)
    U = undirected_actor_graph(G)
    return _impact(U, removed, _Before(U, G))


class _Before:
    """What :func:`_impact` compares against, computed once per network."""

    def __init__(self, U: nx.Graph, G: nx.Graph) -> None:
        self.components = nx.number_connected_components(U)
        self.sector_pairs = _sector_pairs(U)
        self.projects = {pid: [x["id"] for x in p.get("participants", [])]
                         for pid, p in sorted(G.graph.get("projects", {}).items())}
        self.linked = {pid for pid, ids in self.projects.items() if _government_linked(U, ids)}


def _impact(U: nx.Graph, removed: list, before: _Before) -> dict:
    gone = set(removed)
    after = U.subgraph(set(U) - gone)
    lost = []
    for u, v, d in U.edges(gone, data=True):
        for r in d.get("relations", []):
            lost.append({"from": r["from"], "to": r["to"], "type": r["type"]})
        for p in d.get("projects", []):
            lost.append({"from": u, "to": v, "type": "project", "project": p})
    lost = [dict(t) for t in dict.fromkeys(tuple(sorted(x.items())) for x in lost)]
    lost.sort(key=lambda x: (str(x["from"]), str(x["to"]), x["type"]))
    remaining = {str(after.nodes[n].get("sector")) for n in after}
    before_pairs = {p for p in before.sector_pairs if set(p) <= remaining}
    after_pairs = _sector_pairs(after)
    projects = [pid for pid in before.linked
                if not _government_linked(after, [i for i in before.projects[pid] if i not in gone])]
    return {
        "removed": removed,
        "components_before": before.components,
        "components_after": nx.number_connected_components(after),
        "cut_off": cut_off_nodes(U, gone),
        "relations_lost": lost,
        "sector_pairs_lost": [list(p) for p in sorted(before_pairs - after_pairs)],
        "projects_without_government": sorted(projects),
    }


def risks(G: nx.Graph, *, top: int | None = None) -> list[dict]:
    """Rank single points of failure: each actor's :func:`what_if` on its own, worst first.

    Only actors whose departure cuts someone off, separates two sectors, or leaves a project without a link to
    government are listed. Ranked by actors cut off, then sector pairs lost, projects left without government,
    relations lost, then id.

    Returns
    -------
    list of dict
        ``id``, ``name``, ``name_en``, ``sector``, ``visibility`` and the keys of :func:`what_if` (without
        ``removed``), plus ``impact`` (the count of actors cut off).

    Notes
    -----
    Only actors that could have an effect are tried: articulation points, project participants and the
    government bodies tied to them, and actors that are the only one of their sector in their component.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")], projects={})
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "person", "c": "government"}, "sector")
    >>> [r["id"] for r in risks(G)]
    ['b']
    """
    U = undirected_actor_graph(G)
    candidates = set(nx.articulation_points(U))
    for p in G.graph.get("projects", {}).values():
        for x in p.get("participants", []):
            if x["id"] in U:
                candidates.add(x["id"])
                candidates.update(n for n in U[x["id"]] if U.nodes[n].get("sector") == GOVERNMENT_SECTOR)
    for comp in nx.connected_components(U):
        counts: dict[str, list] = {}
        for n in comp:
            counts.setdefault(U.nodes[n].get("sector"), []).append(n)
        candidates.update(ns[0] for ns in counts.values() if len(ns) == 1 and len(comp) > 1)
    out = []
    before = _Before(U, G)
    for v in sorted(candidates, key=str):
        r = _impact(U, [v], before)
        if not (r["cut_off"] or r["sector_pairs_lost"] or r["projects_without_government"]):
            continue
        d = G.nodes[v]
        del r["removed"]
        out.append({"id": v, "name": d.get("name", str(v)), "name_en": d.get("name_en"), "sector": d.get("sector"),
                    "visibility": d.get("visibility"), "impact": len(r["cut_off"]), **r})
    out.sort(key=lambda r: (-len(r["cut_off"]), -len(r["sector_pairs_lost"]), -len(r["projects_without_government"]),
                            -len(r["relations_lost"]), str(r["id"])))
    return out[:top] if top else out
