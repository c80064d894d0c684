"""Ties a person carries for an organisation, and the hand-over sheet for a 異動: ``kyodo handover``.

A relation may name the persons who hold it (``held_by``): the section chief who visits the district every week
holds the support team's tie to the committee. When every holder of a tie leaves, the tie is lost although the
organisation stays. :func:`carried_ties` finds those ties; :func:`what_if <kyodo_network.analysis.risk.what_if>`
and :func:`risks <kyodo_network.analysis.risk.risks>` count them as lost; :func:`handover` lists, for one
person, what a successor needs: each tie, who else on the person's side knows the partner (or nobody), the
projects and agreements in force, the partner's public contact and what to do first.

The person's *side* is the bodies the person is a ``member`` of and the other members of those bodies (for F
係長: 瀬谷区役所, the 地区支援チーム and the team's member bodies). A partner keeps a contact when someone on that
side still has a recorded relation with it; meeting in the same project is listed, but is not a contact.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["carried_ties", "person_side", "partners_without_contact", "handover", "holders"]


def holders(G: nx.Graph) -> list[Hashable]:
    """Every actor named in some relation's ``held_by``, sorted.

    >>> G = nx.Graph()
    >>> G.add_edge("f", "team", relations=[{"from": "f", "to": "team", "type": "member", "held_by": []}])
    >>> G.add_edge("team", "club", relations=[{"from": "team", "to": "club", "type": "support", "held_by": ["f"]}])
    >>> holders(G)
    ['f']
    """
    return sorted({h for _, _, d in G.edges(data=True) for r in d.get("relations", []) for h in r.get("held_by", [])
                   if h in G}, key=str)


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
    gone = set(people)
    out = []
    seen = set()
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            held = set(r.get("held_by", []))
            if not held or not held <= gone or r["from"] in gone or r["to"] in gone:
                continue
            key = (r["from"], r["to"], r["type"])
            if key in seen:  # a mutual relation is stored both ways in a directed graph
                continue
            seen.add(key)
            side = set().union(*(person_side(G, h) for h in held))
            org, partner = (r["to"], r["from"]) if r["to"] in side and r["from"] not in side else (r["from"], r["to"])
            out.append({"from": r["from"], "to": r["to"], "type": r["type"], "held_by": sorted(held, key=str),
                        "inferred": bool(r.get("inferred")) or "held_by" in r.get("inferred_fields", []), "cite": r.get("cite", ""), "since": r.get("since"),
                        "until": r.get("until"), "org": org, "partner": partner})
    out.sort(key=lambda t: (str(t["partner"]), t["type"], str(t["org"])))
    return out


def _kept_relations(G: nx.Graph, gone: set, carried: list[dict]) -> dict[tuple, list[dict]]:
    lost = {(t["from"], t["to"], t["type"]) for t in carried}
    out: dict[tuple, list[dict]] = {}
    for u, v, d in G.edges(data=True):
        if u in gone or v in gone:
            continue
        kept = [r for r in d.get("relations", []) if (r["from"], r["to"], r["type"]) not in lost]
        if kept:
            out.setdefault(frozenset((u, v)), []).extend(kept)
    return out


def _known_by(G: nx.Graph, partner, side: set, gone: set, kept: dict) -> list:
    return sorted((n for n in side - gone if frozenset((n, partner)) in kept), key=str)


def partners_without_contact(G: nx.Graph, people: Iterable[Hashable], carried: list[dict] | None = None) -> list:
    """Partners of the ties ``people`` carry with nobody left on their side who has a relation with them."""
    gone = set(people)
    carried = carried_ties(G, gone) if carried is None else carried
    kept = _kept_relations(G, gone, carried)
    out = []
    for t in carried:
        side = set().union(*(person_side(G, h) for h in t["held_by"])) | {t["org"]}
        if not _known_by(G, t["partner"], side, gone, kept) and t["partner"] not in out:
            out.append(t["partner"])
    return sorted(out, key=str)


def handover(G: nx.Graph, person: Hashable) -> dict:
    """The hand-over sheet for ``person`` leaving (a 異動): what a successor must take up, partner by partner.

    Returns
    -------
    dict
        ``person`` (id), ``side`` (ids), ``inferred`` (true when a tie on the sheet is inferred) and ``ties``:
        one dict per partner, worst first (nobody else knows them), with ``partner``, ``ties`` (the carried
        relations, as from :func:`carried_ties`), ``known_by`` (ids on the person's side with another relation
        to the partner; empty: nobody), ``projects`` (ids of projects in force that the partner shares with the
        person's side), ``agreements`` (the partner's formal relations with the side: agreement, commission,
        subsidy, as ``{"from", "to", "type"}``), ``contact`` (the partner's public contact, if recorded) and
        ``first`` (a catalogue code for the first step: ``handover.first.introduce`` when nobody else knows
        the partner, else ``handover.first.tell``).

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
    from ..model import FORMAL_TYPES

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
        near = side | {t["org"] for t in ties}
        known = _known_by(G, partner, near, gone, kept)
        formal = [{"from": r["from"], "to": r["to"], "type": r["type"]}
                  for n in near for r in kept.get(frozenset((n, partner)), []) if r["type"] in FORMAL_TYPES]
        formal += [{"from": t["from"], "to": t["to"], "type": t["type"]} for t in ties if t["type"] in FORMAL_TYPES]
        shared = sorted(pid for pid, ids in members.items() if partner in ids and ids & near)
        d = G.nodes[partner] if partner in G else {}
        contact = d.get("contact") if d.get("visibility", "public") == "public" else None
        rows.append({"partner": partner, "ties": ties, "known_by": known, "projects": shared, "agreements": formal,
                     "contact": contact,
                     "first": "handover.first.tell" if known else "handover.first.introduce"})
    rows.sort(key=lambda r: (bool(r["known_by"]), str(r["partner"])))
    return {"person": person, "side": sorted(side, key=str), "ties": rows,
            "inferred": any(t["inferred"] for t in carried)}
