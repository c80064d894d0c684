"""What breaks if a key person or body drops out: ``kyodo whatif`` and ``kyodo risks``."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from itertools import combinations

import networkx as nx

from ..errors import KyodoError
from ..graph import simple_graph, undirected_actor_graph
from .bridges import cut_off_nodes
from .cutpoints import CutTree, rest_first
from .engine import Progress, engine_name
from .handover import (
    TieIndex,
    carried_partners,
    carried_ties,
    holders,
    partners_without_contact,
    in_place,
    pieces_apart,
)

__all__ = ["what_if", "risks", "GOVERNMENT_SECTOR"]

#: Sector whose actors count as "a government body" for the projects check.
GOVERNMENT_SECTOR = "government"


def _sector_pairs(
    U: nx.Graph, components: Iterable[Iterable[Hashable]] | None = None, sector: dict | None = None
) -> set[tuple[str, str]]:
    """Unordered pairs of different sectors that have at least one path between them (``components``: the
    connected components of ``U`` when known; ``sector``: each actor's sector as text, when known)."""
    pairs = set()
    for comp in nx.connected_components(U) if components is None else components:
        if sector is None:
            present = sorted({str(U.nodes[n].get("sector")) for n in comp})
        else:
            present = sorted({sector[n] for n in comp})
        pairs.update(combinations(present, 2))
    return pairs


def _contact_tie(U: nx.Graph, p: Hashable, g: Hashable, since: int | None, changed: dict | None = None) -> bool:
    """True if the tie p–g makes the government body ``g`` a contact of a project begun in ``since`` that ``p`` takes
    part in: a recorded relation that stood before the project began (an undated one, or an undated project,
    counts). Decided once (issue 21): the company two actors keep in another project, or a grant begun the same
    year or later for another scheme, does not make a government body this project's contact (③: the まち普請
    office's grant and advice to the council came with the まち普請 proposal; they are not the contact of the
    地区計画 or of the 話し合い). ``changed``: the relations of edges that differ from ``U``'s (``frozenset`` of the
    ends → relations, see :func:`_carried_edges`)."""
    e = frozenset((p, g))
    relations = changed[e] if changed and e in changed else U.edges[p, g].get("relations")
    return any(since is None or r.get("since") is None or r["since"] < since for r in relations or ())


def _government_linked(
    U: nx.Graph, participants: Iterable[Hashable], since: int | None = None, changed: dict | None = None
) -> bool:
    """True if a participant is a government body, or has a contact tie (:func:`_contact_tie`) to one."""
    for p in participants:
        if p not in U:
            continue
        if U.nodes[p].get("sector") == GOVERNMENT_SECTOR:
            return True
        if any(U.nodes[n].get("sector") == GOVERNMENT_SECTOR and _contact_tie(U, p, n, since, changed) for n in U[p]):
            return True
    return False


def what_if(G: nx.Graph, remove: Iterable[Hashable], *, ties: TieIndex | None = None) -> dict:
    """What happens to the network if the actors in ``remove`` leave.

    Parameters
    ----------
    G
        Actor graph from :func:`~kyodo_network.graph.graph_from_cases` (the graph is not changed).
    remove
        Actor ids.
    ties
        A :class:`~.handover.TieIndex` of ``G`` when already read (kyodo serve's panel shares one among the
        analyses of an actor); read here when needed.

    Returns
    -------
    dict
        ``removed`` (ids), ``components_before``, ``components_after`` (connected components of the undirected
        graph, removed actors excluded after), ``cut_off`` (ids that lose their path to the rest: in each
        component, everything outside its largest remaining piece), ``relations_lost`` (relation records that
        involved a removed actor, and project ties between a removed actor and others, as
        ``{"from", "to", "type"}``; a tie held only by removed persons, ``held_by``, is lost too, though both
        organisations stay), ``ties_carried`` (those ties, from :func:`~.handover.carried_ties`),
        ``without_contact`` (partners of those ties with nobody left on the leavers' side who has a relation with
        them), ``sector_pairs_lost`` (pairs of sectors that still have actors, with a path
        between them before and none after), ``projects_without_government`` (projects that had a participant who is a
        government body, or had a recorded tie to one before the project began — :func:`_contact_tie` — and no longer
        do; a project held in several years once, by its first record's id).

    Raises
    ------
    KyodoError
        If an id is not an actor of ``G`` (with a did-you-mean).

    Notes
    -----
    One actor leaving a :func:`~.handover.simple_undirected` graph (the undirected graph of
    :func:`~kyodo_network.graph.graph_from_cases`) is assessed in place (:func:`_what_if_one`): the pieces its
    component falls into are found from its partners, and nothing is copied; the answer is the same.

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
    ties = in_place(G, ties) if len(removed) == 1 else None
    if ties is not None:
        return _what_if_one(G, removed[0], ties)
    U = undirected_actor_graph(G)
    before = _Before(U, G)
    carried = carried_ties(G, removed)
    if carried:
        U = _without_carried(U, carried)
    out = _impact(U, removed, before)
    _add_carried(out, G, removed, carried)
    return out


def _what_if_one(G: nx.Graph, v: Hashable, ties: TieIndex) -> dict:
    """:func:`what_if` of ``v`` alone on a :func:`~.handover.simple_undirected` graph, without copying it.

    The graph the leaver leaves behind (without the ties it carried: :func:`_without_carried`) is ``G`` itself, or
    a view of ``G`` without the edges that go (:func:`_carried_edges`) and with the relations that change. The
    components after are those before with ``v``'s replaced by the pieces its partners are in."""
    carried = ties.carried([v])
    comps = ties.components()
    sector = ties.sectors()
    before = _Before(G, G, comps, sector)
    changed = _carried_edges(G, carried) if carried else {}
    gone = [tuple(e) for e, kept in changed.items() if kept is None]
    U = nx.restricted_view(G, [], gone) if gone else G
    after_comps = list(nx.connected_components(U)) if gone else comps
    pieces = pieces_apart(U, v) if gone else ties.pieces(v)
    sizes = sorted(len(p) for p in pieces)
    if len(sizes) > 1 and sizes[-1] == sizes[-2]:  # two largest pieces: "the rest" is decided by rest_first
        cut = [n for piece in rest_first(U, pieces)[1:] for n in piece]
    else:  # one largest piece (or none): it is the rest (rest_first puts it first), the others are cut off
        cut = [n for piece in pieces if len(piece) < sizes[-1] for n in piece] if pieces else []
    remaining = {s for n, s in sector.items() if n != v}
    before_pairs = {p for p in before.sector_pairs if set(p) <= remaining}
    after_pairs = set()
    for comp in [c for c in after_comps if v not in c] + pieces:
        after_pairs.update(combinations(sorted({sector[n] for n in comp}), 2))
    after = nx.restricted_view(U, [v], [])
    projects = [
        pid
        for pid in before.linked
        if not _government_linked(
            after, [i for i in before.projects[pid] if i != v], before.records[pid].get("since"), changed
        )
    ]
    own = nx.Graph()  # ``v``'s edges as the graph left behind holds them, in the order of its copy
    own.graph = G.graph
    for x in ties.copy_order(v):
        e = frozenset((v, x))
        if e not in changed:
            own.add_edge(v, x, **G.adj[v][x])
        elif changed[e] is not None:
            own.add_edge(v, x, **{**G.adj[v][x], "relations": changed[e]})
    out = {
        "removed": [v],
        "components_before": before.components,
        "components_after": len(after_comps) - 1 + len(pieces),
        "cut_off": sorted(cut, key=str),
        "relations_lost": _relations_lost(own, {v}),
        "sector_pairs_lost": [list(p) for p in sorted(before_pairs - after_pairs)],
        "projects_without_government": _one_per_project(projects, before.records),
    }
    _add_carried(out, G, [v], carried, ties)
    return out


def _carried_edges(G: nx.Graph, carried: list[dict]) -> dict[frozenset, list | None]:
    """What :func:`_without_carried` changes in ``G`` (undirected): ``frozenset`` of an edge's ends → the relations
    it keeps, or ``None`` when it goes."""
    from ._records import relation_key

    types = G.graph.get("relation_types")
    lost = {relation_key(t, types) for t in carried}
    lost_types = {t for _, t in lost}
    out: dict[frozenset, list | None] = {}
    for u, v, d in G.edges(data=True):
        rels = d.get("relations", [])
        kept = [r for r in rels if r["type"] not in lost_types or relation_key(r, types) not in lost]
        if len(kept) != len(rels):
            out[frozenset((u, v))] = kept if kept or d.get("projects") else None
    return out


def _without_carried(U: nx.Graph, carried: list[dict]) -> nx.Graph:
    """``U`` without the relations in ``carried``; an edge left with no relation and no project goes."""
    from ._records import relation_key

    types = U.graph.get("relation_types")
    lost = {relation_key(t, types) for t in carried}  # a tie recorded by both sides is carried as one
    U = U.copy()
    for u, v, d in list(U.edges(data=True)):
        kept = [r for r in d.get("relations", []) if relation_key(r, types) not in lost]
        if len(kept) != len(d.get("relations", [])):
            if kept or d.get("projects"):
                U.edges[u, v]["relations"] = kept
            else:
                U.remove_edge(u, v)
    return U


def _add_carried(out: dict, G: nx.Graph, removed: list, carried: list[dict], ties: TieIndex | None = None) -> None:
    """Add the ties the leavers carried to ``relations_lost`` and the keys ``ties_carried``, ``without_contact``."""
    out["ties_carried"] = [
        {k: t[k] for k in ("from", "to", "type", "held_by", "inferred", "org", "partner")} for t in carried
    ]
    out["without_contact"] = partners_without_contact(G, removed, carried, ties=ties) if carried else []
    out["relations_lost"] = sorted(
        out["relations_lost"]
        + [{"from": t["from"], "to": t["to"], "type": t["type"], "held_by": t["held_by"]} for t in carried],
        key=lambda x: (str(x["from"]), str(x["to"]), x["type"]),
    )


def _one_per_project(pids, records: dict) -> list:
    """``pids`` sorted, a project held in several years (one record a year, one name: :mod:`._records`) once,
    by its first record."""
    from ._records import project_key

    seen, out = set(), []
    for pid in sorted(pids, key=lambda p: ((records.get(p) or {}).get("since") or 0, str(p))):
        k = project_key(pid, records.get(pid) or {})
        if k not in seen:
            seen.add(k)
            out.append(pid)
    return sorted(out)


class _Before:
    """What :func:`_impact` compares against, computed once per network."""

    def __init__(
        self, U: nx.Graph, G: nx.Graph, components: list[set] | None = None, sector: dict | None = None
    ) -> None:
        """``components``: the connected components of ``U``, ``sector``: each actor's sector as text, when known."""
        comps = list(nx.connected_components(U)) if components is None else components
        self.components = len(comps)
        self.sector_pairs = _sector_pairs(U, comps, sector)
        self.records = G.graph.get("projects", {})
        self.projects = {pid: [x["id"] for x in p.get("participants", [])] for pid, p in sorted(self.records.items())}
        self.linked = {
            pid for pid, ids in self.projects.items() if _government_linked(U, ids, self.records[pid].get("since"))
        }


def _relations_lost(U: nx.Graph, gone: set) -> list[dict]:
    """The relations and project ties that involve an actor in ``gone``, each tie once (:mod:`._records`): a mutual
    relation recorded by both sides is one ``{"from", "to", "type"}``; the project ties of one pair through a
    project held in several years (one record a year, one name) are one ``{"from", "to", "type": "project",
    "project", "projects", "years"}`` (``project``: the first record's id, ``projects``: every record's id,
    ``years``: the years they name)."""
    from ._records import project_key, project_years, relation_key

    types = U.graph.get("relation_types")
    projects = U.graph.get("projects") or {}
    lost: dict[tuple, dict] = {}
    for u, v, d in U.edges(gone, data=True):
        for r in d.get("relations", []):
            k = ("relation", *relation_key(r, types))
            lost.setdefault(k, {"from": r["from"], "to": r["to"], "type": r["type"]})
        for p in d.get("projects", []):
            k = ("project", frozenset((u, v)), project_key(p, projects.get(p, {})))  # u is one who leaves
            item = lost.setdefault(k, {"from": u, "to": v, "type": "project", "project": p, "projects": []})
            if p not in item["projects"]:
                item["projects"].append(p)
    out = list(lost.values())
    for x in out:
        if x["type"] == "project":
            x["projects"].sort(key=lambda p: (projects.get(p, {}).get("since") or 0, str(p)))
            x["project"] = x["projects"][0]
            x["years"] = project_years(projects.get(p, {}) for p in x["projects"])
    out.sort(key=lambda x: (str(x["from"]), str(x["to"]), x["type"], str(x.get("project", ""))))
    return out


def _impact(U: nx.Graph, removed: list, before: _Before) -> dict:
    gone = set(removed)
    after = U.subgraph(set(U) - gone)
    lost = _relations_lost(U, gone)
    remaining = {str(after.nodes[n].get("sector")) for n in after}
    before_pairs = {p for p in before.sector_pairs if set(p) <= remaining}
    after_pairs = _sector_pairs(after)
    projects = [
        pid
        for pid in before.linked
        if not _government_linked(
            after, [i for i in before.projects[pid] if i not in gone], before.records[pid].get("since")
        )
    ]
    return {
        "removed": removed,
        "components_before": before.components,
        "components_after": nx.number_connected_components(after),
        "cut_off": cut_off_nodes(U, gone),
        "relations_lost": lost,
        "sector_pairs_lost": [list(p) for p in sorted(before_pairs - after_pairs)],
        "projects_without_government": _one_per_project(projects, before.records),
    }


def risks(
    G: nx.Graph, *, top: int | None = None, engine: str | None = None, progress: Progress | None = None
) -> list[dict]:
    """Rank single points of failure: each actor's :func:`what_if` on its own, worst first.

    Only actors whose departure cuts someone off, separates two sectors, leaves a project without a link to
    government, or loses ties they carry for an organisation (``held_by``) are listed. Ranked by actors cut off,
    then sector pairs lost, projects left without government, partners left without a contact, ties carried,
    relations lost, then id.

    Returns
    -------
    list of dict
        ``id``, ``name``, ``name_en``, ``sector``, ``visibility`` and the keys of :func:`what_if` (without
        ``removed``), plus ``impact`` (the count of actors cut off) and ``carries``: the district partners a
        successor must take up (:func:`~.handover.carried_partners`: the partners of the ties the actor holds
        for an organisation and of its own relations, not its own bodies or members).

    Notes
    -----
    Only actors that could have an effect are tried: articulation points, project participants and the
    government bodies tied to them, and actors that are the only one of their sector in their component.

    All candidates are assessed from one depth-first search (:class:`~.cutpoints.CutTree`): the pieces an
    actor's departure leaves are known by their sizes and sector counts (summed up the DFS tree), so no
    subgraph is copied per candidate and memory stays linear. ``engine="networkx"`` runs :func:`what_if`'s
    subgraph computation for every candidate instead (the reference; same result).

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")], projects={})
    >>> nx.set_node_attributes(G, {"a": "npo", "b": "person", "c": "government"}, "sector")
    >>> [r["id"] for r in risks(G)]
    ['b']
    """
    U = simple_graph(G)
    report = progress or (lambda step, done, total: None)
    report("risks", 0, 2)
    tree = CutTree(U)
    candidates = set(tree.cut_points())
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
    before = _Before(U, G)
    report("risks", 1, 2)
    if engine_name(engine) == "networkx":
        impact = lambda v: _impact(U, [v], before)  # noqa: E731
    else:
        impact = _TreeImpact(U, tree, before).impact
    carriers = set(holders(G)) & set(U)
    candidates |= carriers
    from .circles import circle_pairs

    circles = circle_pairs(G)
    out = []
    for v in sorted(candidates, key=str):
        if v in carriers:
            r = what_if(G, [v])
        else:
            r = impact(v)
            r["ties_carried"], r["without_contact"] = [], []
        if not (r["cut_off"] or r["sector_pairs_lost"] or r["projects_without_government"] or r["ties_carried"]):
            continue
        d = G.nodes[v]
        del r["removed"]
        carries = carried_partners(G, v, [t for t in r["ties_carried"]], circles=circles)
        out.append(
            {
                "id": v,
                "name": d.get("name", str(v)),
                "name_en": d.get("name_en"),
                "sector": d.get("sector"),
                "visibility": d.get("visibility"),
                "impact": len(r["cut_off"]),
                **r,
                "carries": carries,
            }
        )
    out.sort(
        key=lambda r: (
            -len(r["cut_off"]),
            -len(r["sector_pairs_lost"]),
            -len(r["projects_without_government"]),
            -len(r["without_contact"]),
            -len(r["ties_carried"]),
            -len(r["relations_lost"]),
            str(r["id"]),
        )
    )
    report("risks", 2, 2)
    return out[:top] if top else out


class _TreeImpact:
    """:func:`_impact` of one actor leaving, for many actors, from one :class:`~.cutpoints.CutTree`."""

    def __init__(self, U: nx.Graph, tree: CutTree, before: _Before) -> None:
        import numpy as np

        self.U, self.tree, self.before = U, tree, before
        ix = tree.ix
        labels = sorted({str(U.nodes[v].get("sector")) for v in ix.nodes})
        self.labels = labels
        code = {s: k for k, s in enumerate(labels)}
        self.sec = np.array([code[str(U.nodes[v].get("sector"))] for v in ix.nodes], dtype=np.int64)
        n, k = len(ix), len(labels)
        cnt = np.zeros((n, k), dtype=np.int64)
        cnt[np.arange(n), self.sec] = 1
        parent = tree.parent
        for j in reversed(tree.order):  # subtree sector counts, children before parents
            p = parent[j]
            if p >= 0:
                cnt[p] += cnt[j]
        self.cnt = cnt
        roots = [tree.order[s] for s in tree.comp_start]
        self.comp_cnt = cnt[roots] if roots else np.zeros((0, k), dtype=np.int64)
        self.total = self.comp_cnt.sum(axis=0)
        self.pair_comps: dict[tuple[str, str], int] = {}
        for row in self.comp_cnt:
            present = [labels[s] for s in np.flatnonzero(row)]
            for pair in combinations(present, 2):
                self.pair_comps[pair] = self.pair_comps.get(pair, 0) + 1
        # Projects that lose their link to government when one actor leaves: the actors in every link.
        self.critical: dict = {}
        for pid in before.linked:
            links = []
            for p in before.projects[pid]:
                if p not in U:
                    continue
                if U.nodes[p].get("sector") == GOVERNMENT_SECTOR:
                    links.append({p})
                links.extend(
                    {p, g}
                    for g in U[p]
                    if U.nodes[g].get("sector") == GOVERNMENT_SECTOR
                    and _contact_tie(U, p, g, before.records[pid].get("since"))
                )
            for v in set.intersection(*links) if links else ():
                self.critical.setdefault(v, []).append(pid)

    def impact(self, v) -> dict:
        import numpy as np

        tree, U, before = self.tree, self.U, self.before
        i = tree.ix.index[v]
        c = tree.comp[i]
        comp_size = tree.comp_size[c]
        own = np.zeros(len(self.labels), dtype=np.int64)
        own[self.sec[i]] = 1
        kids = tree.separated.get(i, [])
        pieces = [self.cnt[k] for k in kids]
        if not kids:
            if comp_size > 1:
                pieces = [self.comp_cnt[c] - own]
        elif tree.parent[i] >= 0:
            pieces.append(self.comp_cnt[c] - own - sum(pieces))
        after_pairs = set()
        for row in pieces:
            after_pairs.update(combinations([self.labels[s] for s in np.flatnonzero(row)], 2))
        still = {self.labels[s] for s in np.flatnonzero(self.total - own)}
        mine = [self.labels[s] for s in np.flatnonzero(self.comp_cnt[c])]
        lost = sorted(
            p
            for p in combinations(mine, 2)
            if self.pair_comps.get(p, 0) == 1 and set(p) <= still and p not in after_pairs
        )
        return {
            "removed": [v],
            "components_before": before.components,
            "components_after": before.components - 1 + len(pieces),
            "cut_off": tree.cut_off(v),
            "relations_lost": _relations_lost(U, {v}),
            "sector_pairs_lost": [list(p) for p in lost],
            "projects_without_government": _one_per_project(self.critical.get(v, []), before.records),
        }
