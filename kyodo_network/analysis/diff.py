"""How a network changed between two years: the report behind ``kyodo diff``."""

from __future__ import annotations

from numbers import Number

import networkx as nx

from .compare import INDICATORS, district_indicators

__all__ = ["diff_graphs"]


def diff_graphs(before: nx.Graph, after: nx.Graph) -> dict:
    """Compare two networks of the same district, usually as they stood in two years.

    Parameters
    ----------
    before, after
        Actor graphs, e.g. ``graph_from_names(names, year=2005)`` and ``graph_from_names(names, year=2007)``;
        their ``G.graph["year"]`` become ``year_from`` and ``year_to``.

    Returns
    -------
    dict
        ``name``, ``name_en``, ``year_from``, ``year_to``;
        ``actors_gained`` / ``actors_lost`` (``{"id", "name", "name_en", "sector"}``);
        ``relations_gained`` / ``relations_lost`` (``{"from", "to", "type", "since", "until"}`` and the names
        ``from_name``, ``from_name_en``, ``to_name``, ``to_name_en``);
        ``projects_gained`` / ``projects_lost`` (``{"id", "name", "name_en", "since", "until", "ids", "years"}``);
        ``projects_continued``: projects held in both years under another record (a yearly event written once
        a year), once each, with the records' ``ids`` and ``years`` of both;
        ``indicators``: indicator id (see :mod:`~kyodo_network.analysis.compare`) →
        ``{"from", "to", "change"}``, where ``change`` is ``to − from`` for numbers (``None`` when either is
        missing), per sector for ``actors_by_sector``, and ``None`` for ``top_bridge`` (compare the ids);
        ``dated`` (false when the case records no year: nothing can differ) and ``undated``: the actors,
        relations and projects with no year, assumed present in both years (``{"actors", "relations",
        "projects"}``).

    Examples
    --------
    >>> from kyodo_network.graph import graph_from_names
    >>> d = diff_graphs(graph_from_names(["dream-heights"], year=2005), graph_from_names(["dream-heights"], year=2007))
    >>> [a["id"] for a in d["actors_gained"]], d["indicators"]["components"]
    (['dream-heights-council', 'dream-heights-flat-station', 'yokohama-civic-collaboration-hq'], {'from': 8, 'to': 2, 'change': -6})
    """
    year_from, year_to = before.graph.get("year"), after.graph.get("year")
    r_before, r_after = _relations(before), _relations(after)
    g_before, g_after = _project_groups(before.graph["projects"]), _project_groups(after.graph["projects"])
    i_before, i_after = district_indicators(before), district_indicators(after)
    return {
        "name": after.graph["name"],
        "name_en": after.graph["name_en"],
        "year_from": year_from,
        "year_to": year_to,
        "actors_gained": [_actor(after, n) for n in sorted(set(after) - set(before), key=str)],
        "actors_lost": [_actor(before, n) for n in sorted(set(before) - set(after), key=str)],
        "relations_gained": [r_after[k] for k in sorted(r_after.keys() - r_before.keys(), key=str)],
        "relations_lost": [r_before[k] for k in sorted(r_before.keys() - r_after.keys(), key=str)],
        "projects_gained": [
            g_after[k] for k in sorted(g_after.keys() - g_before.keys(), key=lambda k: g_after[k]["id"])
        ],
        "projects_lost": [
            g_before[k] for k in sorted(g_before.keys() - g_after.keys(), key=lambda k: g_before[k]["id"])
        ],
        "projects_continued": _continued(g_before, g_after),
        "indicators": {ind.id: _change(i_before[ind.id], i_after[ind.id]) for ind in INDICATORS},
        "dated": bool(before.graph.get("dated", True) or after.graph.get("dated", True)),
        "undated": _undated_both(before, after),
    }


def _undated(G: nx.Graph) -> dict:
    return G.graph.get("undated") or {"actors": [], "relations": [], "projects": []}


def _undated_both(before: nx.Graph, after: nx.Graph) -> dict:
    """The records with no year that both views kept (assumed present in both years), with names."""
    b, a = _undated(before), _undated(after)
    actors = [x for x in a["actors"] if x in set(b["actors"])]
    projects = [x for x in a["projects"] if x in set(b["projects"])]
    from ._records import relation_key

    seen: set = set()
    rels = []
    for r in a["relations"]:
        k = relation_key({"from": r[0], "to": r[1], "type": r[2]}, after.graph.get("relation_types"))
        if r in b["relations"] and k not in seen:  # a mutual tie recorded by both sides once
            seen.add(k)
            rels.append(r)
    return {
        "actors": [_actor(after, n) for n in actors],
        "relations": [{"from": f, "to": t, "type": k} for f, t, k in rels],
        "projects": [_project(p, after.graph["projects"][p]) for p in projects if p in after.graph["projects"]],
    }


def _project_groups(projects: dict) -> dict[str, dict]:
    """One entry per project name (:func:`._records.project_key`): the records of a project held in several years
    as one, with their ids and years."""
    from ._records import project_key, project_years

    groups: dict[str, list[str]] = {}
    for pid in sorted(projects, key=lambda p: (projects[p].get("since") or 0, str(p))):
        groups.setdefault(project_key(pid, projects[pid]), []).append(pid)
    out = {}
    for k, ids in groups.items():
        first = projects[ids[0]]
        entry = _project(ids[0], first)
        sinces = [projects[p].get("since") for p in ids if projects[p].get("since") is not None]
        untils = [projects[p].get("until") for p in ids]
        entry["since"] = min(sinces) if sinces else first.get("since")
        entry["until"] = None if any(u is None for u in untils) else max(untils)
        entry["ids"] = ids
        entry["years"] = project_years(projects[p] for p in ids)
        out[k] = entry
    return out


def _continued(before: dict[str, dict], after: dict[str, dict]) -> list[dict]:
    out = []
    for k in sorted(before.keys() & after.keys(), key=lambda k: before[k]["id"]):
        b, a = before[k], after[k]
        if b["ids"] != a["ids"]:
            out.append(
                {
                    **b,
                    "ids": list(dict.fromkeys(b["ids"] + a["ids"])),
                    "years": sorted(set(b["years"]) | set(a["years"])),
                    "until": a["until"],
                }
            )
    return out


def _relations(G: nx.Graph) -> dict[tuple, dict]:
    """Each relation once: a mutual relation recorded by both sides is one (:func:`._records.relation_key`)."""
    from ._records import relation_key

    types = G.graph.get("relation_types")
    out = {}
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            key = relation_key(r, types)
            if key in out:
                continue
            a, b = G.nodes[r["from"]], G.nodes[r["to"]]
            out[key] = {
                "from": r["from"],
                "to": r["to"],
                "type": r["type"],
                "since": r.get("since"),
                "until": r.get("until"),
                "from_name": a.get("name"),
                "from_name_en": a.get("name_en"),
                "to_name": b.get("name"),
                "to_name_en": b.get("name_en"),
            }
    return out


def _actor(G: nx.Graph, n: str) -> dict:
    d = G.nodes[n]
    return {"id": n, "name": d.get("name"), "name_en": d.get("name_en"), "sector": d.get("sector")}


def _project(pid: str, p: dict) -> dict:
    return {
        "id": pid,
        "name": p.get("name"),
        "name_en": p.get("name_en"),
        "since": p.get("since"),
        "until": p.get("until"),
    }


def _change(old, new) -> dict:
    if isinstance(old, dict) or isinstance(new, dict):
        old, new = old or {}, new or {}
        keys = list(dict.fromkeys([*old, *new]))
        return {"from": old, "to": new, "change": {k: new.get(k, 0) - old.get(k, 0) for k in keys}}
    numbers = isinstance(old, Number) and isinstance(new, Number) and not isinstance(old, bool)
    return {"from": old, "to": new, "change": round(new - old, 4) if numbers else None}
