"""The one-actor findings as they stood before the single-actor fast paths (issue 22, commit b410bd6): copies of
``analysis/circles.py``, ``analysis/handover.py``, ``analysis/risk.py``, ``analysis/_suggest_pairs.py``,
``analysis/suggest.py`` and ``serve/findings.py``, kept as the reference the fast paths are compared with
(tests/test_findings_speedup.py). Not used by the library. The other modules they call are the library's own."""

from __future__ import annotations

import contextlib
import difflib
import gc
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from itertools import combinations
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from kyodo_network.analysis.bridges import cut_off_nodes
from kyodo_network.analysis.cutpoints import CutTree
from kyodo_network.analysis.engine import Progress, engine_name
from kyodo_network.analysis.wording import suggestion_inferred, suggestion_reasons
from kyodo_network.errors import KyodoError
from kyodo_network.graph import simple_graph, undirected_actor_graph
from kyodo_network.lang import pick, relation_label, sector_label, short_names, text


# -------------------- kyodo_network/analysis/circles.py (HEAD b410bd6) --------------------
#: Relation types that put their two ends in one circle.
CIRCLE_TYPES = frozenset({"member", "founded"})

#: The last word of a department's own name (after the office's name): 課, 係, 室 …
DEPARTMENT_WORDS = (
    "課",
    "係",
    "室",
    "部",
    "局",
    "班",
    "センター",
    "担当",
    "事務局",
    "支所",
    "出張所",
    "チーム",
    "グループ",
)

_REMARK = re.compile(r"[（(][^）)]*[）)]$")
_JOINERS = " 　・/／の"


def _plain(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


def department_of(department: str, office: str) -> bool:
    """True when the name ``department`` is the name ``office`` followed by a department's own name.

    The office's whole name must open the department's (spaces and width ignored), and what follows, without a
    closing remark in brackets (「（当時）」), must end with a department word (:data:`DEPARTMENT_WORDS`) and not
    open with a bracket (「自治会（その2）」 is not a department of 「自治会」). The office's name has at least
    two characters.

    >>> department_of("瀬谷区役所 地域振興課", "瀬谷区役所"), department_of("青葉区役所サービス課（当時）", "青葉区役所")
    (True, True)
    >>> department_of("自治会（その2）", "自治会"), department_of("みどり会館", "みどり会"), department_of("瀬谷区役所", "瀬谷区役所")
    (False, False, False)
    """
    d, o = _plain(department), _plain(office)
    if len(o) < 2 or not d.startswith(o):
        return False
    rest = _REMARK.sub("", d[len(o) :]).strip(_JOINERS)
    return bool(rest) and rest[0] not in "（([【" and rest.endswith(DEPARTMENT_WORDS)


def departments_by_name(names: Mapping[Hashable, str]) -> list[tuple[Hashable, Hashable]]:
    """Every ``(department, office)`` among ``names`` (id → name) by :func:`department_of`, sorted by ids.

    Each name is looked up by its openings, so the cost is the sum of the names' squared lengths, not n².

    >>> departments_by_name({"o": "瀬谷区役所", "d": "瀬谷区役所 地域振興課", "x": "瀬谷区社会福祉協議会"})
    [('d', 'o')]
    """
    by_name: dict[str, list[Hashable]] = {}
    for i, name in names.items():
        if name:
            by_name.setdefault(_plain(name), []).append(i)
    out = set()
    for i, name in names.items():
        plain = _plain(name)
        if not _REMARK.sub("", plain).endswith(DEPARTMENT_WORDS):  # only a department's name ends so
            continue
        for k in range(2, len(plain)):
            for o in by_name.get(plain[:k], ()):
                if o != i and department_of(name, names[o]):
                    out.add((i, o))
    return sorted(out, key=lambda p: (str(p[0]), str(p[1])))


def circle_pairs(G: nx.Graph, nodes: Iterable[Hashable] | None = None) -> set[frozenset]:
    """The pairs of circle-mates of ``G`` (see the module docstring), as frozensets of two actor ids.

    ``nodes``: only these actors (default: every node of ``G``). Relations are read from the edges'
    ``relations``; names from the nodes' ``name``.

    >>> G = nx.Graph()
    >>> G.add_edge("ka", "office", relations=[{"from": "ka", "to": "office", "type": "member"}])
    >>> G.add_node("dept", name="区役所 福祉課"); G.nodes["office"]["name"] = "区役所"
    >>> sorted(tuple(sorted(p)) for p in circle_pairs(G))
    [('dept', 'office'), ('ka', 'office')]
    """
    keep = set(G) if nodes is None else set(nodes) & set(G)
    out: set[frozenset] = set()
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            if r.get("type") in CIRCLE_TYPES and r["from"] != r["to"] and r["from"] in keep and r["to"] in keep:
                out.add(frozenset((r["from"], r["to"])))
    names = {n: G.nodes[n].get("name") or "" for n in keep}
    out.update(frozenset(p) for p in departments_by_name(names))
    return out


def circle_of(G: nx.Graph, v: Hashable, pairs: set[frozenset] | None = None) -> set:
    """``v``'s circle-mates (never ``v`` itself)."""
    pairs = circle_pairs(G) if pairs is None else pairs
    return {x for p in pairs if v in p for x in p if x != v}


# -------------------- kyodo_network/analysis/handover.py (HEAD b410bd6) --------------------
def holders(G: nx.Graph) -> list[Hashable]:
    """Every actor named in some relation's ``held_by``, sorted.

    >>> G = nx.Graph()
    >>> G.add_edge("f", "team", relations=[{"from": "f", "to": "team", "type": "member", "held_by": []}])
    >>> G.add_edge("team", "club", relations=[{"from": "team", "to": "club", "type": "support", "held_by": ["f"]}])
    >>> holders(G)
    ['f']
    """
    return sorted(
        {h for _, _, d in G.edges(data=True) for r in d.get("relations", []) for h in r.get("held_by", []) if h in G},
        key=str,
    )


def person_side(G: nx.Graph, person: Hashable) -> set:
    """The bodies ``person`` is a ``member`` of, and the other members of those bodies (never ``person``)."""
    rels = [r for _, _, d in G.edges(data=True) for r in d.get("relations", []) if r["type"] == "member"]
    bodies = {r["to"] for r in rels if r["from"] == person}
    side = set(bodies) | {r["from"] for r in rels if r["to"] in bodies}
    side.discard(person)
    return {n for n in side if n in G}


def carried_ties(G: nx.Graph, people: Iterable[Hashable]) -> list[dict]:
    """The relations held only by persons in ``people`` (and not touching them): lost when they all leave.

    Returns
    -------
    list of dict
        ``from``, ``to``, ``type``, ``held_by``, ``inferred``, ``cite``, ``since``, ``until``, ``org`` (the end
        on the holder's side) and ``partner`` (the other end), sorted by partner, then type.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("f", "team", relations=[{"from": "f", "to": "team", "type": "member", "held_by": []}])
    >>> G.add_edge("team", "club", relations=[{"from": "team", "to": "club", "type": "support", "held_by": ["f"]}])
    >>> [(t["org"], t["partner"]) for t in carried_ties(G, ["f"])]
    [('team', 'club')]
    """
    from kyodo_network.analysis._records import relation_key

    gone = set(people)
    out = []
    seen = set()
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            held = set(r.get("held_by", []))
            if not held or not held <= gone or r["from"] in gone or r["to"] in gone:
                continue
            key = relation_key(r, G.graph.get("relation_types"))
            if key in seen:  # a mutual relation stored both ways in a directed graph, or recorded by both sides
                continue
            seen.add(key)
            side = set().union(*(person_side(G, h) for h in held))
            org, partner = (r["to"], r["from"]) if r["to"] in side and r["from"] not in side else (r["from"], r["to"])
            out.append(
                {
                    "from": r["from"],
                    "to": r["to"],
                    "type": r["type"],
                    "held_by": sorted(held, key=str),
                    "inferred": bool(r.get("inferred")) or "held_by" in r.get("inferred_fields", []),
                    "cite": r.get("cite", ""),
                    "since": r.get("since"),
                    "until": r.get("until"),
                    "org": org,
                    "partner": partner,
                }
            )
    out.sort(key=lambda t: (str(t["partner"]), t["type"], str(t["org"])))
    return out


def _kept_relations(G: nx.Graph, gone: set, carried: list[dict]) -> dict[tuple, list[dict]]:
    from kyodo_network.analysis._records import relation_key

    types = G.graph.get("relation_types")
    lost = {relation_key(t, types) for t in carried}  # a tie recorded by both sides is carried as one
    out: dict[tuple, list[dict]] = {}
    for u, v, d in G.edges(data=True):
        if u in gone or v in gone:
            continue
        kept = [r for r in d.get("relations", []) if relation_key(r, types) not in lost]
        if kept:
            out.setdefault(frozenset((u, v)), []).extend(kept)
    return out


def _known_by(G: nx.Graph, partner, side: set, gone: set, kept: dict, orgs: set = frozenset()) -> list:
    return sorted(_knowing(G, partner, side, gone, kept, orgs), key=str)


def _knowing(G: nx.Graph, partner, side: set, gone: set, kept: dict, orgs: set = frozenset()) -> dict:
    """Who on ``side`` (not in ``gone``) knows ``partner``, and how: ``{id: ["relation:<type>" …, "project:<id>" …]}``.

    A relation kept after the carried ties are lost, or a project in force (in ``G.graph["projects"]``) that both
    take part in. The organisations on whose behalf the tie was held (``orgs``) count by a relation of their own
    only: their place in a project with the partner is the presence the leaving person carried."""
    out: dict = {}
    for n in side - gone:
        if n == partner:
            continue
        for r in kept.get(frozenset((n, partner)), []):
            out.setdefault(n, []).append(f"relation:{r['type']}")
    for pid, p in (G.graph.get("projects") or {}).items():
        ids = {x["id"] for x in p.get("participants", [])}
        if partner in ids:
            for n in (ids & side) - gone - set(orgs) - {partner}:
                out.setdefault(n, []).append(f"project:{pid}")
    return {n: list(dict.fromkeys(how)) for n, how in out.items()}


def partners_without_contact(G: nx.Graph, people: Iterable[Hashable], carried: list[dict] | None = None) -> list:
    """Partners of the ties ``people`` carry with nobody left on their side who has a relation with them."""
    gone = set(people)
    carried = carried_ties(G, gone) if carried is None else carried
    kept = _kept_relations(G, gone, carried)
    out = []
    for t in carried:
        side = set().union(*(person_side(G, h) for h in t["held_by"])) | {t["org"]}
        if not _known_by(G, t["partner"], side, gone, kept, {t["org"]}) and t["partner"] not in out:
            out.append(t["partner"])
    return sorted(out, key=str)


def handover(G: nx.Graph, person: Hashable) -> dict:
    """The hand-over sheet for ``person`` leaving (a 異動): what a successor must take up, partner by partner.

    Returns
    -------
    dict
        ``person`` (id), ``side`` (ids), ``inferred`` (true when a tie on the sheet is inferred), ``ties``: one
        dict per partner of a tie the person holds (``held_by``), worst first (nobody else knows them), with
        ``partner``, ``ties`` (the carried relations, as from :func:`carried_ties`), ``known_by`` (ids on the
        person's side with another relation to the partner or a project in force with it; empty: nobody),
        ``known_through`` (for each of them, how: ``"relation:<type>"``, ``"project:<id>"``; the organisation the
        tie was held for counts by a relation of its own only), ``projects`` (ids of
        projects in force that the partner shares with the person's side), ``agreements`` (the partner's formal
        relations with the side: agreement, commission, subsidy, as ``{"from", "to", "type"}``), ``contact`` (the
        partner's public contact, if recorded) and ``first`` (a catalogue code for the first step:
        ``handover.first.introduce`` when nobody else knows the partner, else ``handover.first.tell``);
        and ``links``: the pairs of the person's partners that only the person links (partners from different
        sectors with no tie of their own and no other partner in common: the pairs ``kyodo coordinators`` lists
        for the person, held or not), each ``{"a", "b", "a_sector", "b_sector", "only_path", "first"}`` with
        ``first`` ``handover.first.link``.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("club", contact="045-000", visibility="public")
    >>> G.add_edge("f", "team", relations=[{"from": "f", "to": "team", "type": "member", "held_by": []}])
    >>> G.add_edge("team", "club", relations=[{"from": "team", "to": "club", "type": "support", "held_by": ["f"]}])
    >>> sheet = handover(G, "f")
    >>> [(t["partner"], t["known_by"], t["first"]) for t in sheet["ties"]]
    [('club', [], 'handover.first.introduce')]
    """
    from kyodo_network.model import FORMAL_TYPES

    gone = {person}
    carried = carried_ties(G, gone)
    kept = _kept_relations(G, gone, carried)
    side = person_side(G, person)
    projects = G.graph.get("projects", {})
    members = {pid: {x["id"] for x in p.get("participants", [])} for pid, p in projects.items()}
    by_partner: dict = {}
    for t in carried:
        by_partner.setdefault(t["partner"], []).append(t)
    rows = []
    for partner, ties in by_partner.items():
        orgs = {t["org"] for t in ties}
        near = side | orgs
        knowing = _knowing(G, partner, near, gone, kept, orgs)
        known = sorted(knowing, key=str)
        formal = [
            {"from": r["from"], "to": r["to"], "type": r["type"]}
            for n in near
            for r in kept.get(frozenset((n, partner)), [])
            if r["type"] in FORMAL_TYPES
        ]
        formal += [{"from": t["from"], "to": t["to"], "type": t["type"]} for t in ties if t["type"] in FORMAL_TYPES]
        shared = sorted(pid for pid, ids in members.items() if partner in ids and ids & near)
        d = G.nodes[partner] if partner in G else {}
        contact = d.get("contact") if d.get("visibility", "public") == "public" else None
        rows.append(
            {
                "partner": partner,
                "ties": ties,
                "known_by": known,
                "known_through": {n: knowing[n] for n in known},
                "projects": shared,
                "agreements": formal,
                "contact": contact,
                "first": "handover.first.tell" if known else "handover.first.introduce",
            }
        )
    rows.sort(key=lambda r: (bool(r["known_by"]), str(r["partner"])))
    return {
        "person": person,
        "side": sorted(side, key=str),
        "ties": rows,
        "links": _sole_links(G, person),
        "inferred": any(t["inferred"] for t in carried),
    }


def _sole_links(G: nx.Graph, person: Hashable) -> list[dict]:
    """The sole-link pairs of ``person`` (:func:`~kyodo_network.analysis.coordinators.sole_link_pairs`), pairs with
    no other path at all first."""
    from kyodo_network.graph import simple_graph
    from kyodo_network.analysis.coordinators import sole_link_pairs

    U = simple_graph(G)
    if person not in U:
        return []

    pairs = list(sole_link_pairs(U, person, circle_pairs(G)))
    piece = {}
    if pairs:  # which piece of the rest each partner is in once the person has gone
        rest = U.subgraph(set(U) - {person})
        piece = {n: i for i, comp in enumerate(nx.connected_components(rest)) for n in comp}
    out = []
    for a, b in pairs:
        only = piece[a] != piece[b]
        out.append(
            {
                "a": a,
                "b": b,
                "a_sector": U.nodes[a].get("sector"),
                "b_sector": U.nodes[b].get("sector"),
                "only_path": only,
                "first": "handover.first.link",
            }
        )
    out.sort(key=lambda p: (not p["only_path"], str(p["a"]), str(p["b"])))
    return out


def carried_partners(
    G: nx.Graph, v: Hashable, carried: list[dict] | None = None, *, circles: set[frozenset] | None = None
) -> list:
    """The partners ``v``'s departure leaves to a successor: the partners of the ties ``v`` holds for an
    organisation (``held_by``), then the other ends of ``v``'s own relations that are not ``v``'s circle-mates
    (:mod:`.circles`: the bodies it belongs to or founded, its members, its departments and office), in that
    order, each once. For F係長: the 実行委員会 and おやじの広場, not 瀬谷区役所 or the 地区支援チーム.

    ``carried``: :func:`carried_ties` of ``v`` when already known; ``circles``:
    :func:`~kyodo_network.analysis.circles.circle_pairs` of ``G`` when already known (for many actors at once).

    >>> G = nx.Graph()
    >>> G.add_edge("f", "team", relations=[{"from": "f", "to": "team", "type": "member", "held_by": []}])
    >>> G.add_edge("team", "club", relations=[{"from": "team", "to": "club", "type": "support", "held_by": ["f"]}])
    >>> G.add_edge("f", "school", relations=[{"from": "f", "to": "school", "type": "advice", "held_by": []}])
    >>> carried_partners(G, "f")
    ['club', 'school']
    """
    return list(dict.fromkeys(p for p, _ in _partner_relations(G, v, carried, circles)))


def _partner_relations(
    G: nx.Graph, v: Hashable, carried: list[dict] | None = None, circles: set[frozenset] | None = None
) -> list[tuple]:
    """``(partner, (from, to, type))`` for every relation :func:`carried_partners` counts, carried ties first."""

    carried = carried_ties(G, [v]) if carried is None else carried
    out = [(t["partner"], (t["from"], t["to"], t["type"])) for t in carried]
    mates = circle_of(G, v, circle_pairs(G) if circles is None else circles)
    own = set()
    for _, _, d in G.edges(v, data=True):
        for r in d.get("relations", []):
            other = r["to"] if r["from"] == v else r["from"] if r["to"] == v else None
            if other is not None and other != v and other not in mates:
                own.add((other, (r["from"], r["to"], r["type"])))
    return out + sorted(own, key=lambda x: (str(x[0]), str(x[1])))


def handover_items(G: nx.Graph, risk: dict, coordinators: Iterable[dict] = ()) -> list[tuple[str, dict]]:
    """What a hand-over of the actor of a :func:`~kyodo_network.analysis.risk.risks` row must cover, as
    ``(catalogue code, fields)`` for the report: the district partners it carries (``risk["carries"]``, see
    :func:`carried_partners`, with how many relations go with them), each project that would lose its link to
    government, and up to two pairs only it links with no other route (from its
    :func:`~kyodo_network.analysis.coordinators.coordinators` row, if any).

    >>> G = nx.Graph()
    >>> G.add_edge("f", "team", relations=[{"from": "f", "to": "team", "type": "member", "held_by": []}])
    >>> G.add_edge("team", "club", relations=[{"from": "team", "to": "club", "type": "support", "held_by": ["f"]}])
    >>> handover_items(G, {"id": "f", "carries": ["club"], "relations_lost": [], "projects_without_government": []})
    [('handout.handover_ties', {'partners': ['club'], 'n': 1})]
    """
    v = risk["id"]
    relations = _partner_relations(G, v)
    partners = list(risk["carries"]) if "carries" in risk else list(dict.fromkeys(p for p, _ in relations))
    out: list[tuple[str, dict]] = []
    if partners:
        n = len({rel for p, rel in relations if p in set(partners)})
        out.append(("handout.handover_ties", {"partners": partners, "n": n or len(partners)}))
    for p in risk.get("projects_without_government", []):
        out.append(("handout.handover_project", {"project": p}))
    for c in coordinators:
        if c["id"] == v:
            for pair in [p for p in c["pairs"] if p["only_path"]][:2]:
                out.append(("handout.handover_intro", {"a": pair["a"], "b": pair["b"]}))
    return out


# -------------------- kyodo_network/analysis/risk.py (HEAD b410bd6) --------------------
#: Sector whose actors count as "a government body" for the projects check.
GOVERNMENT_SECTOR = "government"


def _sector_pairs(U: nx.Graph) -> set[tuple[str, str]]:
    """Unordered pairs of different sectors that have at least one path between them."""
    pairs = set()
    for comp in nx.connected_components(U):
        present = sorted({str(U.nodes[n].get("sector")) for n in comp})
        pairs.update(combinations(present, 2))
    return pairs


def _contact_tie(U: nx.Graph, p: Hashable, g: Hashable, since: int | None) -> bool:
    """True if the tie p–g makes the government body ``g`` a contact of a project begun in ``since`` that ``p`` takes
    part in: a recorded relation that stood before the project began (an undated one, or an undated project,
    counts). Decided once (issue 21): the company two actors keep in another project, or a grant begun the same
    year or later for another scheme, does not make a government body this project's contact (③: the まち普請
    office's grant and advice to the council came with the まち普請 proposal; they are not the contact of the
    地区計画 or of the 話し合い)."""
    return any(
        since is None or r.get("since") is None or r["since"] < since for r in U.edges[p, g].get("relations") or ()
    )


def _government_linked(U: nx.Graph, participants: Iterable[Hashable], since: int | None = None) -> bool:
    """True if a participant is a government body, or has a contact tie (:func:`_contact_tie`) to one."""
    for p in participants:
        if p not in U:
            continue
        if U.nodes[p].get("sector") == GOVERNMENT_SECTOR:
            return True
        if any(U.nodes[n].get("sector") == GOVERNMENT_SECTOR and _contact_tie(U, p, n, since) for n in U[p]):
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
    before = _Before(U, G)
    carried = carried_ties(G, removed)
    if carried:
        U = _without_carried(U, carried)
    out = _impact(U, removed, before)
    _add_carried(out, G, removed, carried)
    return out


def _without_carried(U: nx.Graph, carried: list[dict]) -> nx.Graph:
    """``U`` without the relations in ``carried``; an edge left with no relation and no project goes."""
    from kyodo_network.analysis._records import relation_key

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


def _add_carried(out: dict, G: nx.Graph, removed: list, carried: list[dict]) -> None:
    """Add the ties the leavers carried to ``relations_lost`` and the keys ``ties_carried``, ``without_contact``."""
    out["ties_carried"] = [
        {k: t[k] for k in ("from", "to", "type", "held_by", "inferred", "org", "partner")} for t in carried
    ]
    out["without_contact"] = partners_without_contact(G, removed, carried) if carried else []
    out["relations_lost"] = sorted(
        out["relations_lost"]
        + [{"from": t["from"], "to": t["to"], "type": t["type"], "held_by": t["held_by"]} for t in carried],
        key=lambda x: (str(x["from"]), str(x["to"]), x["type"]),
    )


def _one_per_project(pids, records: dict) -> list:
    """``pids`` sorted, a project held in several years (one record a year, one name: :mod:`._records`) once,
    by its first record."""
    from kyodo_network.analysis._records import project_key

    seen, out = set(), []
    for pid in sorted(pids, key=lambda p: ((records.get(p) or {}).get("since") or 0, str(p))):
        k = project_key(pid, records.get(pid) or {})
        if k not in seen:
            seen.add(k)
            out.append(pid)
    return sorted(out)


class _Before:
    """What :func:`_impact` compares against, computed once per network."""

    def __init__(self, U: nx.Graph, G: nx.Graph) -> None:
        self.components = nx.number_connected_components(U)
        self.sector_pairs = _sector_pairs(U)
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
    from kyodo_network.analysis._records import project_key, project_years, relation_key

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


# -------------------- kyodo_network/analysis/_suggest_pairs.py (HEAD b410bd6) --------------------
#: Entries of one block of rows × ward actors scored at once (bounds memory: about 50 bytes an entry).
BLOCK = 2_000_000


class PairTables:
    """Integer codes and incidence matrices of the actors, indexed ``0 … n-1`` in ``nodes`` order."""

    def __init__(self, U: nx.Graph, G: nx.Graph, nodes: list, info: dict, city_wide: frozenset) -> None:
        self.nodes = nodes
        self.n = n = len(nodes)
        self.index = index = {v: i for i, v in enumerate(nodes)}
        self.upos = np.empty(n, dtype=np.int64)  # position in the graph's node order
        for p, v in enumerate(U):
            self.upos[index[v]] = p
        rows, cols = [], []
        for v in U:
            i = index[v]
            for x in U[v]:
                rows.append(i)
                cols.append(index[x])
        self.adj_rows = np.asarray(rows, dtype=np.int64)
        self.adj_cols = np.asarray(cols, dtype=np.int64)
        self.deg = np.bincount(self.adj_rows, minlength=n)
        upper = self.adj_rows < self.adj_cols
        self.adj_codes = np.unique(self.adj_rows[upper] * n + self.adj_cols[upper])
        self.sector = _codes([info[v]["sector"] for v in nodes])
        self.ward = _codes([info[v]["ward"] for v in nodes], missing=lambda x: x in city_wide)
        self.district = _codes([info[v]["district"] for v in nodes], missing=lambda x: x is None)
        self.themes = _incidence([info[v]["themes"] for v in nodes])
        offers = [info[v]["offers"] for v in nodes]
        needs = [info[v]["needs"] for v in nodes]
        both = set().union(*offers) & set().union(*needs) if nodes else set()
        vocab = {x: k for k, x in enumerate(sorted(both, key=repr))}
        self.offers = _incidence([o & both for o in offers], vocab)
        self.needs = _incidence([x & both for x in needs], vocab)
        self.clubs, self.held = _acquaintance(G, index)
        self.circle = _circle_matrix(G, U, index)
        self._acq: np.ndarray | None = None

    # --- per pair ------------------------------------------------------------------------------------------

    def adjacency(self) -> sp.csr_matrix:
        """The 0/1 adjacency matrix of the actors (symmetric)."""
        n = self.n
        return sp.csr_matrix(
            (np.ones(len(self.adj_rows), dtype=np.float32), (self.adj_rows, self.adj_cols)), shape=(n, n)
        )

    def acquainted_codes(self) -> np.ndarray:
        """Sorted codes ``i·n + j`` (``i < j``) of the pairs that know each other without a tie: a body or project
        in common, a tie one of them holds, one circle (:mod:`.circles`), or one reaching the other through its
        circle-mate (a member through its body, a body through its member, an office through its department)."""
        if self._acq is None:
            S = sp.triu(self.clubs @ self.clubs.T, k=1).tocoo()
            codes = [S.row.astype(np.int64) * self.n + S.col, self.held]
            if self.circle.nnz:
                C = self.circle
                R = sp.triu(C + C @ self.adjacency(), k=1) + sp.triu((C @ self.adjacency()).T, k=1)
                R = R.tocoo()
                codes.append(R.row.astype(np.int64) * self.n + R.col)
            self._acq = _sorted_unique(np.concatenate(codes))
        return self._acq

    def acquainted_with(self, i: int) -> np.ndarray:
        """Which actors know actor ``i`` without a tie (see :meth:`acquainted_codes`)."""
        out = np.zeros(self.n, dtype=bool)
        if self.clubs.shape[1]:
            out[(self.clubs @ self.clubs[i].T).nonzero()[0]] = True
        lo, hi = self.held // self.n, self.held % self.n
        out[hi[lo == i]] = True
        out[lo[hi == i]] = True
        if self.circle.nnz:
            C, A = self.circle, self.adjacency()
            mates = C[i].indices
            out[mates] = True  # its own circle-mates
            if len(mates):
                out[np.unique(A[mates].indices)] = True  # partners of its circle-mates
            near = A[i].indices
            if len(near):
                out[np.unique(C[near].indices)] = True  # circle-mates of its partners
        out[i] = False
        return out

    def counts(self, I: np.ndarray, J: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Shared themes and offer → need matches (both directions) of the pairs ``(I[k], J[k])``."""

        def dot(X, Y):
            if X.shape[1] == 0 or len(I) == 0:
                return np.zeros(len(I), dtype=np.int64)
            return np.asarray(X[I].multiply(Y[J]).sum(axis=1), dtype=np.int64).ravel()

        return dot(self.themes, self.themes), dot(self.offers, self.needs) + dot(self.needs, self.offers)

    def local(self, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        w, d = self.ward, self.district
        return ((d[I] >= 0) & (d[I] == d[J])) | ((w[I] >= 0) & (w[I] == w[J]))

    # --- candidates ----------------------------------------------------------------------------------------

    def adamic_adar(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every untied pair with a partner in common, ``I < J``, and its Adamic–Adar index ``Σ 1/ln deg(w)``
        summed over the common partners ``w`` in the graph's node order."""
        n = self.n
        inc = np.zeros(n)
        for d in np.unique(self.deg[self.deg >= 2]).tolist():
            inc[self.deg == d] = 1 / math.log(d)  # math.log, as the plain definition (numpy's log may differ)
        w, u = self.adj_rows, self.adj_cols  # u is a partner of w
        left = _csr(u, self.upos[w], np.ones(len(u)), (n, n))  # actor × partner (by node order), sorted rows
        keep = inc[w] > 0
        right = _csr(self.upos[w][keep], u[keep], inc[w][keep], (n, n))  # partner × actor
        P = sp.triu(left @ right, k=1).tocoo()
        I, J = P.row.astype(np.int64), P.col.astype(np.int64)
        untied = ~isin(I * n + J, self.adj_codes)
        return I[untied], J[untied], P.data[untied]

    def groups(self) -> Iterator[tuple[str, np.ndarray]]:
        """Actors of each ward (not city-wide) and of each district, as sorted index arrays."""
        for kind, codes in (("ward", self.ward), ("district", self.district)):
            order = np.argsort(codes, kind="stable")
            sorted_codes = codes[order]
            starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]]) if len(codes) else []
            bounds = list(starts) + [len(codes)]
            for a, b in zip(bounds[:-1], bounds[1:]):
                if sorted_codes[a] >= 0 and b - a >= 2:
                    yield kind, np.sort(order[a:b])

    def local_blocks(
        self, weights: dict, cross_only: bool, threshold: Callable[[], float]
    ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        """Pairs of one ward (district pairs of different wards are taken with their district) that share a
        theme or match an offer to a need and whose score could reach ``threshold()``: ``I, J, themes, matches``.
        Ties, acquaintances and partners in common are not excluded here. (Weights are not negative.)"""
        top = weights["cross_sector"] + weights["second_path"] + weights["locality"]
        # no pair scores more than either actor's bound: all its themes shared, all its offers and needs matched
        bound = (
            weights["themes"] * _row_sizes(self.themes)
            + weights["complement"] * (_row_sizes(self.offers) + _row_sizes(self.needs))
            + top
        )
        for kind, members in self.groups():
            t = threshold()
            if t > -math.inf:
                members = members[bound[members] >= t - 1e-3]  # rounding moves a score by less
            m = len(members)
            if m < 2:
                continue
            T, O, N = _dense(self.themes[members], self.offers[members], self.needs[members])
            sec, ward = self.sector[members], self.ward[members]
            step = max(1, BLOCK // m)
            for a in range(0, m, step):
                b = min(m, a + step)
                nt = _product(T[a:b], T[a:])
                nm = _product(O[a:b], N[a:]) + _product(N[a:b], O[a:])
                cross = sec[a:b, None] != sec[None, a:]
                t = threshold()
                if t > -math.inf:
                    best = weights["themes"] * nt + weights["complement"] * nm + weights["cross_sector"] * cross
                    ri, ci = np.nonzero(best >= t - 1e-3 - weights["second_path"] - weights["locality"])
                else:
                    ri, ci = np.nonzero((nt + nm) > 0)
                nt, nm = nt[ri, ci], nm[ri, ci]
                keep = ((nt + nm) > 0) & (ri < ci)
                if kind == "district":  # pairs of one ward were taken with the ward
                    w1, w2 = ward[a + ri], ward[a + ci]
                    keep &= ~((w1 >= 0) & (w1 == w2))
                if cross_only:
                    keep &= cross[ri, ci]
                if keep.any():
                    yield (
                        members[a + ri[keep]],
                        members[a + ci[keep]],
                        nt[keep].astype(np.int64),
                        nm[keep].astype(np.int64),
                    )


class Ranking:
    """The best ``top`` pairs (all when ``top`` is None) by ``(-round(score, 4), -aa, i, j)``.

    ``offer`` takes pairs scored without and with the second-path bonus (``lo``, ``hi``, both rounded) and tests
    ``separated(i, j)`` only for pairs whose ``hi`` can still reach the k-th best score.
    """

    def __init__(self, top: int | None, separated: Callable[[int, int], bool]) -> None:
        self.top = top
        self.separated = separated
        self.parts: list[tuple[np.ndarray, ...]] = []
        self.pool = (np.empty(0), np.empty(0), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, bool))

    def threshold(self) -> float:
        R = self.pool[0]
        return R[self.top - 1] if self.top and len(R) >= self.top else -math.inf

    def offer(self, I: np.ndarray, J: np.ndarray, aa: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        if self.top:
            known = np.concatenate([self.pool[0], lo])
            if len(known) >= self.top:  # at least top pairs score this much or more
                t = -np.partition(-known, self.top - 1)[self.top - 1]
                keep = hi >= t
                I, J, aa, lo, hi = I[keep], J[keep], aa[keep], lo[keep], hi[keep]
        if len(I) == 0:
            return
        sep = np.fromiter((self.separated(i, j) for i, j in zip(I.tolist(), J.tolist())), bool, len(I))
        batch = (np.where(sep, hi, lo), aa, I, J, sep)
        if self.top:
            merged = tuple(np.concatenate([p, q]) for p, q in zip(self.pool, batch))
            self.pool = tuple(x[_ranked(merged)[: self.top]] for x in merged)
        else:
            self.parts.append(batch)

    def result(self) -> list[tuple[float, float, int, int, bool]]:
        cols = (
            self.pool
            if self.top
            else tuple(np.concatenate([p[k] for p in self.parts]) if self.parts else self.pool[k] for k in range(5))
        )
        ranked = _ranked(cols)
        R, aa, I, J, S = (c[ranked].tolist() for c in cols)
        return [(-r, -a, i, j, s) for r, a, i, j, s in zip(R, aa, I, J, S)]


def scores(
    weights: dict, aa: np.ndarray, nt: np.ndarray, nm: np.ndarray, cross: np.ndarray, local: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Rounded scores without and with the second-path bonus, summed in the plain definition's order."""
    s = weights["closure"] * aa + weights["themes"] * nt
    s = s + weights["complement"] * nm
    s = s + np.where(cross, weights["cross_sector"], 0.0)
    loc = np.where(local, weights["locality"], 0.0)
    return round4((s + 0.0) + loc), round4((s + weights["second_path"]) + loc)


def round4(x: np.ndarray) -> np.ndarray:
    """``round(v, 4)`` of each value, exactly as Python rounds (``np.round`` differs next to a half)."""
    y = x * 1e4
    out = np.rint(y) / 1e4
    frac = y - np.floor(y)
    near = np.flatnonzero(np.abs(frac - 0.5) < 1e-6)
    if len(near):
        out[near] = [round(v, 4) for v in x[near].tolist()]
    return out


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """``np.unique`` of integer codes by sorting (numpy's hashing unique is many times slower on millions)."""
    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def _ranked(cols: tuple[np.ndarray, ...]) -> np.ndarray:
    R, aa, I, J = cols[:4]
    return np.lexsort((J, I, -aa, -R))


def isin(codes: np.ndarray, sorted_codes: np.ndarray) -> np.ndarray:
    if len(sorted_codes) == 0 or len(codes) == 0:
        return np.zeros(len(codes), dtype=bool)
    k = np.searchsorted(sorted_codes, codes)
    k[k == len(sorted_codes)] = 0
    return sorted_codes[k] == codes


def _csr(rows: np.ndarray, cols: np.ndarray, data: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """A CSR matrix whose rows store their columns in increasing order (scipy's product adds in that order)."""
    o = np.lexsort((cols, rows))
    indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=shape[0]))]
    M = sp.csr_matrix((data[o], cols[o], indptr), shape=shape)
    M.has_sorted_indices = True
    return M


def _codes(values: list, missing: Callable[[Hashable], bool] = lambda x: False) -> np.ndarray:
    """Equal values → equal codes ≥ 0; values that never match (``missing``) → -1."""
    seen: dict = {}
    return np.fromiter((-1 if missing(x) else seen.setdefault(x, len(seen)) for x in values), np.int64, len(values))


def _incidence(sets: list[set], vocab: dict | None = None) -> sp.csr_matrix:
    if vocab is None:
        vocab = {}
        for s in sets:
            for x in s:
                vocab.setdefault(x, len(vocab))
    rows = [i for i, s in enumerate(sets) for _ in s]
    cols = [vocab[x] for s in sets for x in s]
    return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sets), len(vocab)))


def _dense(T: sp.csr_matrix, O: sp.csr_matrix, N: sp.csr_matrix) -> list:
    """The columns used, as bit masks (one ``uint64`` an actor) when at most 64, else as dense float32 arrays
    (exact counts), else (over 512) the sparse matrices themselves."""
    themes, items = np.unique(T.indices), np.unique(np.concatenate([O.indices, N.indices]))
    if max(len(themes), len(items)) > 512:
        return [T, O, N]
    out = [T[:, themes].toarray(), O[:, items].toarray(), N[:, items].toarray()]
    if max(len(themes), len(items)) <= 64 and hasattr(np, "bitwise_count"):
        bits = [np.left_shift(np.uint64(1), np.arange(X.shape[1], dtype=np.uint64)) for X in out]
        return [(X.astype(np.uint64) * b).sum(axis=1, dtype=np.uint64) for X, b in zip(out, bits)]
    return out


def _product(X, Y) -> np.ndarray:
    """``X · Yᵀ`` as a dense array of counts (bit masks: the number of bits both have)."""
    if X.ndim == 1:
        return np.bitwise_count(X[:, None] & Y[None, :])
    P = X @ Y.T
    return P.toarray() if sp.issparse(P) else P


def _row_sizes(X: sp.csr_matrix) -> np.ndarray:
    return np.diff(X.indptr)


def _circle_matrix(G: nx.Graph, U: nx.Graph, index: dict) -> sp.csr_matrix:
    """The circle-mates of :mod:`.circles` as a symmetric 0/1 matrix over the actors (indexed by ``index``)."""

    n = len(index)
    rows, cols = [], []
    for pair in circle_pairs(G, U):
        a, b = tuple(pair)
        rows += [index[a], index[b]]
        cols += [index[b], index[a]]
    M = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n))
    M.data[:] = 1.0
    return M


def _acquaintance(G: nx.Graph, index: dict) -> tuple[sp.csr_matrix, np.ndarray]:
    """Actor × body-or-project membership (members of one know each other) and the codes of the pairs joined
    by a tie one of them holds (``held_by``)."""
    members: dict = defaultdict(set)
    held: set = set()
    n = len(index)
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            if r["type"] == "member":
                members[r["to"]].add(r["from"])
            for h in r.get("held_by", []):
                if h in G:
                    for e in (r["from"], r["to"]):
                        if e != h and e in G:
                            i, j = sorted((index[h], index[e]))
                            held.add(i * n + j)
    for p in (G.graph.get("projects") or {}).values():
        members[("project", p.get("name"), id(p))] = {x["id"] for x in p.get("participants", []) if x["id"] in G}
    rows, cols = [], []
    for c, group in enumerate(g for g in members.values() if len(g) >= 2):
        for x in group:
            rows.append(index[x])
            cols.append(c)
    clubs = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(cols, default=-1) + 1))
    return clubs, np.array(sorted(held), dtype=np.int64)


# -------------------- kyodo_network/analysis/suggest.py (HEAD b410bd6) --------------------
#: Weight of each part of a suggestion's ``score`` (see :func:`suggest_introductions`).
SUGGEST_WEIGHTS = {
    "closure": 1.0,  # × Adamic–Adar index over common partners
    "themes": 0.5,  # × number of shared themes
    "complement": 1.0,  # × number of offer → need matches, both directions
    "cross_sector": 0.5,  # the two are in different sectors
    "second_path": 0.5,  # today a single actor holds the two together
    "locality": 0.5,  # same district (case file), or same ward
}

#: ``ward`` values that name no particular ward, so they never count as "the same ward".
CITY_WIDE_WARDS = frozenset({"横浜市全域", "City-wide", ""})

Pair = tuple[Hashable, Hashable]


def suggest_introductions(
    G: nx.Graph,
    *,
    for_actor: Hashable | None = None,
    top: int | None = None,
    cross_sector_only: bool = False,
    support_centres: Iterable[Any] | None = None,
    resources: Any = None,
) -> list[dict]:
    """Rank introductions between actors that are not yet related, with introducers and reasons.

    Parameters
    ----------
    G
        Actor graph from :func:`~kyodo_network.graph.graph_from_cases` (directed or not; not changed). Node
        attributes ``name``, ``name_en``, ``sector``, ``themes``, ``offers``, ``needs``, ``ward``, ``district``
        are used when present; edge attribute ``weight`` (tie strength 1–3, default 1) orders the introducers.
    for_actor
        Only suggestions that involve this actor (it is then always ``a``).
    top
        Return only the first ``top`` suggestions.
    cross_sector_only
        Only pairs whose two actors are in different sectors.
    support_centres
        Support centres that can introduce a pair with no partner in common: records with ``id``, ``name``,
        ``name_en`` and ``ward`` (``Actor`` objects or mappings), e.g. the ``support`` actors of
        ``yokohama-city`` that have a ``ward``. The centre of each actor's ward is used. ``None``: such pairs
        get no introducer.
    resources
        The table of offers/needs words (:func:`~kyodo_network.resources.resource_table`, perhaps extended by
        the user's own words); the bundled one when ``None``. Offers and needs are compared by meaning through
        it, as :func:`~kyodo_network.analysis.match.match_offers_needs` compares them: an offer of 集会所 meets
        a need for 会場, and 「特になし」 is no need.

    Returns
    -------
    list of dict
        Best first. Each suggestion has

        - ``a``, ``b`` (actor ids; ``a`` < ``b`` by ``str`` unless ``for_actor``), ``a_name``, ``a_name_en``,
          ``b_name``, ``b_name_en``;
        - ``score`` and ``parts`` (the weighted part scores below, which add up to ``score``);
        - ``introducers`` (ids of actors tied to both, best first), ``introducer_names``,
          ``introducer_names_en`` and ``introducer_kind``: ``"common_partner"``, or ``"support_centre"`` when
          nobody is tied to both and the ward's support centre is a place to ask (``ask_at``, ``ask_at_names``,
          ``ask_at_names_en``: 相談先, never called an introducer), else ``None``;
        - ``common_partners`` (how many), ``shared_themes``, ``offers_needs`` (``{"from", "to", "item"}``: what
          ``from`` offers and ``to`` needs, by meaning: ``item`` is the meaning's name, 会場 for 集会所),
          ``sectors`` (``[sector of a, sector of b]``), ``cross_sector``,
          ``second_path``, ``held_by`` (ids of the actors that alone hold the two together today),
          ``same_district``, ``same_ward``;
        - ``inferred``: True when the reasons rest on a record, field or tie the author inferred (the reasons
          then end with 「（推定を含む）」);
        - ``reasons``: ``{"ja": …, "en": …}``, one or two sentences ending with the introducers, e.g.
          「どちらも子育てに取り組み、港南区役所が両者と協働しています（紹介役: 港南区役所）。」

    Raises
    ------
    KyodoError
        If ``for_actor`` is not an actor of ``G`` (with a did-you-mean).

    Examples
    --------
    >>> G = nx.Graph([("a", "x"), ("x", "b")])
    >>> nx.set_node_attributes(G, {"a": "npo", "x": "government", "b": "neighbourhood"}, "sector")
    >>> s = suggest_introductions(G)[0]
    >>> s["a"], s["b"], s["introducers"], s["parts"]["closure"], s["parts"]["cross_sector"]
    ('a', 'b', ['x'], 1.4427, 0.5)

    Notes
    -----
    Candidates are pairs of distinct actors with no tie in the undirected actor graph (no relation, no shared
    project), who are not members of the same body and of whom neither holds a tie (``held_by``) of the other
    (they know each other already), who are not in one circle and of whom neither reaches the other through
    its circle (:mod:`~kyodo_network.analysis.circles`: a member through the body it belongs to or represents, a
    body through its own member, an office through its department, named or tied as ``member``/``founded``; so
    a body's own member is never its introducer and a department is never "the only one" linking its office
    with anyone), and that either have a partner in common, or are in the same ward or district and share a theme or
    match an offer to a need (a pair with nobody in common needs someone local to introduce them: the ward's
    support centre). Each gets

    ``score = 1.0·AA + 0.5·themes + 1.0·matches + 0.5·cross_sector + 0.5·second_path + 0.5·locality``
    (:data:`SUGGEST_WEIGHTS`), where

    - ``AA`` is the Adamic–Adar index (Adamic & Adar 2003) on the undirected actor graph, unweighted:
      ``Σ 1/ln deg(w)`` over the common partners ``w`` (a partner who knows few others counts more; the same
      value as ``networkx.adamic_adar_index``);
    - ``themes`` the number of themes both list, ``matches`` the number of items one offers and the other needs
      (会場, 広報, …), counted in both directions;
    - ``cross_sector`` 1 when the sectors differ (垣根を越える);
    - ``second_path`` 1 when the two are connected today but every path between them runs through one actor:
      they share no biconnected component (Hopcroft & Tarjan 1973), so an articulation point separates them,
      and introducing them adds a second, independent path (less key-person risk). ``held_by`` names those
      articulation points (on the path between them in the block–cut tree);
    - ``locality`` 1 when both come from the same district (case file) or have the same ward (city-wide
      bodies, :data:`CITY_WIDE_WARDS`, excepted).

    Ranked by score, then Adamic–Adar, then ids. Introducers are the common partners, best first: by the
    weaker of their two ties, then the sum of both ties, then degree (a well-connected partner reaches more),
    then id. (Bridging scores would order them more finely, but betweenness costs O(nm) and the ranking must
    stay fast on 2,000 actors.) A pair with no partner in common is introduced by the support centre of each
    one's ward.

    Each part in ``parts`` is rounded to 4 decimals, as is ``score``.

    Cost: pairs are scored as numpy arrays, never one Python object each (:mod:`._suggest_pairs`). The
    Adamic–Adar index of every two-hop pair is the sparse product ``A·diag(1/ln deg)·A`` (``Σ deg²`` entries,
    each sum taken over the partners in the graph's node order, as the definition adds them). Pairs with no
    partner in common are counted per ward (or district) in blocks of rows, from bit masks of themes, offers
    and needs, so memory is bounded by the largest ward. With ``top``, only actors whose best possible score
    reaches the k-th best so far are compared, and the second-path test (biconnected components, igraph,
    linear) is made only for pairs whose score with it could still enter the top k; introducers are found
    for the rows returned only. The result is exactly the plain definition's (tests compare the two on many
    seeded networks). Measured on a shared 2-core machine (library time): the synthetic city of
    ``benchmarks/`` with 2,000 actors, top 20 in 0.15–0.2 s; 30,000 actors (123,000 ties, 18 wards) top 20 in
    1.7–2.4 s, ``for_actor`` 1.3 s; 100,000 actors top 20 in 13 s, raising the process's peak memory
    from 1.68 GB (loading the city) to 1.95 GB. ``top=None`` explains every suggestion (98,000 rows at 2,000 actors,
    about 9 s; at 30,000 actors millions of rows, which take minutes and gigabytes: ask for ``top``).

    networkx's group-aware predictors (``cn_soundarajan_hopcroft``, ``ra_index_soundarajan_hopcroft``,
    ``within_inter_cluster``) score pairs from different groups as zero or give them no bonus, the opposite of
    what is wanted here, so they are not used.

    References
    ----------
    Adamic, L. A., & Adar, E. (2003). Friends and neighbors on the Web. Social Networks, 25(3), 211–230.
    Hopcroft, J., & Tarjan, R. (1973). Efficient algorithms for graph manipulation. CACM, 16(6), 372–378.
    """
    with _collector_paused():
        return _suggest(G, for_actor, top, cross_sector_only, support_centres, resources)


def _suggest(
    G: nx.Graph,
    for_actor: Hashable | None,
    top: int | None,
    cross_sector_only: bool,
    support_centres: Iterable[Any] | None,
    resources: Any = None,
) -> list[dict]:
    U = _actor_graph(G)
    if for_actor is not None and for_actor not in U:
        close = difflib.get_close_matches(str(for_actor), [str(n) for n in U], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        msg = f"not an actor of this network: '{for_actor}'{hint}"
        raise KyodoError(msg)
    nodes = sorted(U, key=str)
    info = {n: _node_info(U, n, resources) for n in U}
    for lang_key, name_key in (("short", "name"), ("short_en", "name_en")):
        shorts = short_names(d[name_key] for d in info.values())  # never two actors under one short name
        for d in info.values():
            d[lang_key] = shorts[d[name_key]]
    if top is not None and top < 0:
        return []

    tables = PairTables(U, G, nodes, info, CITY_WIDE_WARDS)
    blocks = _Blocks(U, _biconnected(tables))
    component = _components(tables)

    def separated(i: int, j: int) -> bool:
        return component[i] == component[j] and blocks.separated(nodes[i], nodes[j])

    ranking = Ranking(top or None, separated)
    if for_actor is None:
        _rank_all(tables, ranking, cross_sector_only)
        scored = ranking.result()
        upos = {n: p for p, n in enumerate(U)}
        common = {
            (nodes[i], nodes[j]): sorted(set(U[nodes[i]]) & set(U[nodes[j]]), key=upos.__getitem__)
            for _, _, i, j, _ in scored
        }
    else:
        partners = _rank_for(U, G, tables, ranking, for_actor, cross_sector_only)
        scored = ranking.result()
        common = {
            (nodes[i], nodes[j]): partners.get(nodes[j] if nodes[i] == for_actor else nodes[i], [])
            for _, _, i, j, _ in scored
        }

    centres = _centres_by_ward(support_centres)
    return [
        _row(U, info, nodes[i], nodes[j], -score, -aa, separated, common, blocks, centres, for_actor)
        for score, aa, i, j, separated in scored
    ]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused (and restored as it was): building a record per actor would
    otherwise trigger collections that walk the whole network again and again (at 30,000 actors they took
    more time than the ranking). Nothing here makes reference cycles that must be freed meanwhile."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _actor_graph(G: nx.Graph) -> nx.Graph:
    """``G`` itself when it is already simple and undirected without self-loops (it is only read), else
    :func:`~kyodo_network.graph.undirected_actor_graph` (a copy: 1.3 s at 30,000 actors)."""
    if not G.is_directed() and not G.is_multigraph() and nx.number_of_selfloops(G) == 0:
        return G
    return undirected_actor_graph(G)


def _biconnected(tables: PairTables) -> list[list[Hashable]]:
    """The biconnected components, by igraph (C; the same blocks as ``networkx.biconnected_components``:
    a bridge is a block of two, an isolated actor is in none)."""
    from kyodo_network.analysis.engine import import_igraph

    upper = tables.adj_rows < tables.adj_cols
    g = import_igraph().Graph(n=tables.n, edges=np.column_stack([tables.adj_rows[upper], tables.adj_cols[upper]]))
    nodes = tables.nodes
    return [[nodes[i] for i in comp] for comp in g.biconnected_components()]


def _components(tables: PairTables) -> np.ndarray:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    n = tables.n
    A = csr_matrix((np.ones(len(tables.adj_rows)), (tables.adj_rows, tables.adj_cols)), shape=(n, n))
    return connected_components(A, directed=False)[1]


#: Adamic–Adar pairs scored at once (bounds the memory of the counts).
AA_SLICE = 1_000_000


def _rank_all(tables: PairTables, ranking: Ranking, cross_only: bool) -> None:
    """Offer every candidate pair to ``ranking``: pairs with a partner in common, then pairs of one ward or
    district with none (their Adamic–Adar index is 0)."""
    w, n = SUGGEST_WEIGHTS, tables.n
    acquainted = tables.acquainted_codes()
    I, J, aa = tables.adamic_adar()
    with_partner = np.sort(I * n + J)
    for a in range(0, len(I), AA_SLICE):
        i, j, x = I[a : a + AA_SLICE], J[a : a + AA_SLICE], aa[a : a + AA_SLICE]
        cross = tables.sector[i] != tables.sector[j]
        keep = ~isin(i * n + j, acquainted) & (cross if cross_only else True)
        i, j, x, cross = i[keep], j[keep], x[keep], cross[keep]
        nt, nm = tables.counts(i, j)
        ranking.offer(i, j, x, *scores(w, x, nt, nm, cross, tables.local(i, j)))
    for i, j, nt, nm in tables.local_blocks(w, cross_only, ranking.threshold):
        codes = i * n + j
        keep = ~(isin(codes, tables.adj_codes) | isin(codes, acquainted) | isin(codes, with_partner))
        i, j, nt, nm = i[keep], j[keep], nt[keep], nm[keep]
        zero = np.zeros(len(i))
        cross = tables.sector[i] != tables.sector[j]
        ranking.offer(i, j, zero, *scores(w, zero, nt, nm, cross, np.ones(len(i), dtype=bool)))


def _rank_for(
    U: nx.Graph, G: nx.Graph, tables: PairTables, ranking: Ranking, actor: Hashable, cross_only: bool
) -> dict[Hashable, list]:
    """Offer the candidate pairs of ``actor`` to ``ranking``; returns its common partners with each."""
    w = SUGGEST_WEIGHTS
    mine = set(U[actor])
    score: dict[Hashable, float] = defaultdict(float)
    common: dict[Hashable, list] = defaultdict(list)
    for x in list(set(_copy_adjacency(U, G, actor))):  # the order a copy of G would list them in
        d = len(U[x])
        if d < 2:
            continue
        inc = 1 / math.log(d)
        for v in U[x]:
            if v != actor and v not in mine:
                score[v] += inc
                common[v].append(x)
    f, n, index = tables.index[actor], tables.n, tables.index
    aa = np.zeros(n)
    for v, s in score.items():
        aa[index[v]] = s
    others = np.arange(n)
    me = np.full(n, f)
    nt, nm = tables.counts(me, others)
    local = tables.local(me, others)
    cross = tables.sector[me] != tables.sector
    # Those who need what the actor offers, and those who offer what it needs (both, for an item it offers and
    # needs): the same pairs as the whole ranking holds for this actor.
    offers, needs = (np.asarray(X[f].todense(), dtype=float).ravel() for X in (tables.offers, tables.needs))
    found = tables.needs @ offers + tables.offers @ needs if len(offers) else np.zeros(n)
    keep = (aa > 0) | (local & ((nt > 0) | (found > 0)))
    keep[[index[v] for v in mine] + [f]] = False
    keep &= ~tables.acquainted_with(f)
    if cross_only:
        keep &= cross
    v = others[keep]
    I, J = np.minimum(v, f), np.maximum(v, f)
    ranking.offer(I, J, aa[keep], *scores(w, aa[keep], nt[keep], nm[keep], cross[keep], local[keep]))
    return common


def _copy_adjacency(U: nx.Graph, G: nx.Graph, actor: Hashable) -> list:
    """``actor``'s partners in the order ``nx.Graph(G)`` would hold them (partners earlier in the node order
    first, in node order, then the others in ``G``'s order), so that sums over them run as on a copy."""
    if U is not G:
        return list(U[actor])
    pos = {n: p for p, n in enumerate(U)}
    p = pos[actor]
    return sorted((x for x in U[actor] if pos[x] < p), key=pos.__getitem__) + [x for x in U[actor] if pos[x] > p]


def _row(
    U: nx.Graph,
    info: dict,
    u: Hashable,
    v: Hashable,
    score: float,
    aa: float,
    separated: bool,
    common: dict,
    blocks: _Blocks,
    centres: dict,
    for_actor: Hashable | None,
) -> dict:
    """The full suggestion for the pair ``(u, v)``: parts, introducers, evidence and reasons."""
    a, b = (v, u) if for_actor is not None and v == for_actor else (u, v)
    ia, ib = info[a], info[b]
    w = SUGGEST_WEIGHTS
    partners = sorted(common.get((u, v), []), key=lambda x: _introducer_rank(U, a, b, x))
    ask_at: list = []
    if partners:
        kind = "common_partner"
        introducers = [(x, info[x]["name"], info[x]["name_en"]) for x in partners]
    else:  # nobody is tied to both: no introducer, but the ward's support centre is a place to ask (相談先)
        introducers = []
        ask_at = [
            c
            for c in dict.fromkeys(centres.get(info[x]["ward"]) for x in (a, b))
            if c is not None and c[0] not in (a, b)
        ]
        kind = "support_centre" if ask_at else None
    themes = [t for t in ia["themes_list"] if t in ib["themes"]]
    offers_needs = [{"from": a, "to": b, "item": x} for x in sorted(ia["offers"] & ib["needs"])]
    offers_needs += [{"from": b, "to": a, "item": x} for x in sorted(ib["offers"] & ia["needs"])]
    same_district = ia["district"] is not None and ia["district"] == ib["district"]
    same_ward = ia["ward"] not in CITY_WIDE_WARDS and ia["ward"] == ib["ward"]
    cross = ia["sector"] != ib["sector"]
    if not separated:
        held_by = []
    elif len(partners) == 1:
        held_by = partners
    else:
        held_by = blocks.holders(a, b)
    parts = {
        "closure": round(w["closure"] * aa, 4),
        "themes": w["themes"] * len(themes),
        "complement": w["complement"] * len(offers_needs),
        "cross_sector": w["cross_sector"] if cross else 0.0,
        "second_path": w["second_path"] if separated else 0.0,
        "locality": w["locality"] if same_district or same_ward else 0.0,
    }
    row = {
        "a": a,
        "a_name": ia["name"],
        "a_name_en": ia["name_en"],
        "b": b,
        "b_name": ib["name"],
        "b_name_en": ib["name_en"],
        "score": score,
        "parts": parts,
        "introducers": [i for i, _, _ in introducers],
        "introducer_names": [n for _, n, _ in introducers],
        "introducer_names_en": [n for _, _, n in introducers],
        "introducer_kind": kind,
        "ask_at": [i for i, _, _ in ask_at],
        "ask_at_names": [n for _, n, _ in ask_at],
        "ask_at_names_en": [n for _, _, n in ask_at],
        "common_partners": len(partners),
        "shared_themes": themes,
        "offers_needs": offers_needs,
        "sectors": [ia["sector"], ib["sector"]],
        "cross_sector": cross,
        "second_path": separated,
        "held_by": held_by,
        "same_district": same_district,
        "same_ward": same_ward,
    }
    row["inferred"] = suggestion_inferred(row, U)
    row["reasons"] = suggestion_reasons(row, U, info)
    return row


class _Blocks:
    """Biconnected components (blocks) and the block–cut tree, for "only one actor holds these two together"."""

    def __init__(self, U: nx.Graph, components: Iterable[Iterable[Hashable]] | None = None) -> None:
        """``components``: the blocks when already known (any numbering: only the block–cut tree is used)."""
        self.of: dict[Hashable, set[int]] = defaultdict(set)
        for i, comp in enumerate(nx.biconnected_components(U) if components is None else components):
            for n in comp:
                self.of[n].add(i)
        self.cut = {n for n, b in self.of.items() if len(b) > 1}
        self._parent: dict | None = None

    def separated(self, a: Hashable, b: Hashable) -> bool:
        """For two actors of one component: True if no block holds both (an articulation point separates them)."""
        return self.of[a].isdisjoint(self.of[b])

    def _node(self, n: Hashable) -> tuple:
        return ("c", n) if n in self.cut else ("b", next(iter(self.of[n])))

    def holders(self, a: Hashable, b: Hashable) -> list:
        """Articulation points on the block–cut tree path between ``a`` and ``b`` (``a`` and ``b`` excluded)."""
        if self._parent is None:
            T = nx.Graph()
            for c in self.cut:
                T.add_edges_from((("c", c), ("b", i)) for i in self.of[c])
            self._parent, self._depth = {}, {}
            for comp in nx.connected_components(T):
                root = min(comp, key=str)
                self._parent[root], self._depth[root] = None, 0
                for p, child in nx.bfs_edges(T, root):
                    self._parent[child], self._depth[child] = p, self._depth[p] + 1
        x, y = self._node(a), self._node(b)
        if x not in self._parent or y not in self._parent:
            return []
        left, right = [], []
        while x != y:
            if self._depth[x] >= self._depth[y]:
                left.append(x)
                x = self._parent[x]
            else:
                right.append(y)
                y = self._parent[y]
        path = left + [x] + right[::-1]
        return [n for kind, n in path if kind == "c" and n not in (a, b)]


# --- introducers ------------------------------------------------------------------------------------------


def _introducer_rank(U: nx.Graph, a: Hashable, b: Hashable, w: Hashable) -> tuple:
    wa, wb = U[a][w].get("weight", 1), U[b][w].get("weight", 1)
    return (-min(wa, wb), -(wa + wb), -len(U[w]), str(w))


def _centres_by_ward(centres: Iterable[Any] | None) -> dict[str, tuple[str, str, str]]:
    """Ward → ``(id, name, name_en)`` of its support centre (the first by id when a ward has several)."""
    out: dict[str, tuple[str, str, str]] = {}
    for c in sorted(centres or (), key=lambda c: str(_get(c, "id"))):
        ward = _get(c, "ward")
        if ward and ward not in CITY_WIDE_WARDS and ward not in out:
            out[ward] = (_get(c, "id"), _get(c, "name"), _get(c, "name_en") or _get(c, "name"))
    return out


def _get(record: Any, field: str) -> Any:
    return record.get(field) if isinstance(record, Mapping) else getattr(record, field, None)


def _node_info(U: nx.Graph, n: Hashable, resources: Any = None) -> dict:
    """What the ranking reads of actor ``n``; offers and needs as the names of their meanings (``resources``:
    the words table, the bundled one when ``None``), so that 集会所 and 会場 are one item and 「特になし」 none."""
    from kyodo_network.resources import resource_table

    table = resources if resources is not None else resource_table()
    d = U.nodes[n]
    themes = list(dict.fromkeys(d.get("themes") or ()))
    offers = table.read(d.get("offers") or ())
    needs = table.read(d.get("needs") or ())
    name = d.get("name") or str(n)
    name_en = d.get("name_en") or name
    return {
        "name": name,
        "name_en": name_en,
        "sector": d.get("sector"),
        "themes": set(themes),
        "themes_list": themes,
        "offers": {table.label(m) for m in offers},
        "needs": {table.label(m) for m in needs},
        "ward": d.get("ward") or "",
        "ward_en": d.get("ward_en") or d.get("ward") or "",
        "district": d.get("district"),
    }


# -------------------- kyodo_network/serve/findings.py (HEAD b410bd6) --------------------
#: How many introductions the panel shows.
TOP_SUGGESTIONS = 3


def _names(G: nx.Graph, ids: list, lang: str, k: int = 5) -> str:
    sep = text("cli.list_sep", lang)
    shown = [pick(G.nodes[i], "name", lang) if i in G else str(i) for i in ids[:k]]
    more = len(ids) - k
    return sep.join(shown) + (text("serve.f.more", lang, n=more) if more > 0 else "")


def actor_findings(G: nx.Graph, ident: Hashable, lang: str, *, row: dict | None = None) -> dict:
    """The panel of ``ident``: ``sections`` (each ``{"id", "heading", "lines"}``: bridge, what-if, hand-over,
    introductions) and ``relations`` (each relation record touching it, ``{"from", "to", "type", "label",
    "other", "text"}``, for removing one).

    ``row`` is its row of :func:`~kyodo_network.analysis.bridges.bridging_scores` when the caller has it
    (:class:`~kyodo_network.analysis.bridges.BridgingTable`), else it is counted here.
    """
    from kyodo_network.analysis.bridges import bridging_scores

    if row is None:
        row = next((r for r in bridging_scores(G) if r["id"] == ident), None)
    name = pick(G.nodes[ident], "name", lang)
    sections = []
    sections.append(
        {
            "id": "bridge",
            "heading": text("serve.f.bridge", lang),
            "lines": [row["explanation"][lang]] if row else [text("serve.f.none", lang)],
        }
    )

    w = what_if(G, [ident])
    lines = []
    if w["cut_off"]:
        lines.append(text("serve.f.cut_off", lang, name=name, n=len(w["cut_off"]), names=_names(G, w["cut_off"], lang)))
    else:
        lines.append(text("serve.f.no_cut_off", lang, name=name))
    lines.append(text("serve.f.relations_lost", lang, n=len(w["relations_lost"])))
    if w["sector_pairs_lost"]:
        pairs = ["/".join(sector_label(G, s, lang) for s in p) for p in w["sector_pairs_lost"]]
        lines.append(text("serve.f.sector_pairs", lang, pairs=text("cli.list_sep", lang).join(pairs)))
    if w["projects_without_government"]:
        projects = G.graph.get("projects", {})
        names = [pick(projects[p], "name", lang) if p in projects else p for p in w["projects_without_government"]]
        lines.append(text("serve.f.no_government", lang, names=text("cli.list_sep", lang).join(names)))
    if w.get("ties_carried"):
        lines.append(
            text(
                "serve.f.carried",
                lang,
                n=len(w["ties_carried"]),
                names=_names(G, list(dict.fromkeys(t["partner"] for t in w["ties_carried"])), lang),
            )
        )
    sections.append({"id": "whatif", "heading": text("serve.f.whatif", lang), "lines": lines})

    sheet = handover(G, ident)
    sep = text("cli.list_sep", lang)

    def nm(i: Hashable) -> str:
        return pick(G.nodes[i], "name", lang) if i in G else str(i)

    lines = []
    for r in sheet["ties"]:
        known = sep.join(nm(k) for k in r["known_by"])
        lines.append(f"{nm(r['partner'])}: " + text(r["first"], lang, names=known))
    for p in sheet.get("links", []):  # pairs only this actor links (where the analysis gives them)
        lines.append(text(p["first"], lang, a=nm(p["a"]), b=nm(p["b"]), name=name))
    if not lines:
        lines = [text("handover.none", lang, name=name)]
    sections.append({"id": "handover", "heading": text("serve.f.handover", lang), "lines": lines})

    found = suggest_introductions(
        G, for_actor=ident, top=TOP_SUGGESTIONS, support_centres=G.graph.get("support_centres")
    )
    lines = [f"{s['b_name_en'] if lang == 'en' else s['b_name']}: {s['reasons'][lang]}" for s in found]
    sections.append(
        {
            "id": "suggest",
            "heading": text("serve.f.suggest", lang),
            "lines": lines or [text("serve.f.no_suggestion", lang)],
        }
    )

    relations = []
    for other in sorted(G[ident], key=str):
        for r in G.edges[ident, other].get("relations", []):
            label = relation_label(G, r["type"], lang)
            arrow = "→" if r.get("directed") else "—"
            a = pick(G.nodes[r["from"]], "name", lang)
            b = pick(G.nodes[r["to"]], "name", lang)
            relations.append(
                {
                    "from": r["from"],
                    "to": r["to"],
                    "type": r["type"],
                    "label": label,
                    "other": str(other),
                    "text": f"{a} {arrow} {b}: {label}",
                }
            )
    return {"sections": sections, "relations": relations}
