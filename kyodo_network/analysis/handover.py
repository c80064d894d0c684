"""Ties a person carries for an organisation, and the hand-over sheet for a 異動: ``kyodo handover``.

A relation may name the persons who hold it (``held_by``): the section chief who visits the district every week
holds the support team's tie to the committee. When every holder of a tie leaves, the tie is lost although the
organisation stays. :func:`carried_ties` finds those ties; :func:`what_if <kyodo_network.analysis.risk.what_if>`
and :func:`risks <kyodo_network.analysis.risk.risks>` count them as lost; :func:`handover` lists, for one
person, what a successor needs: each tie, who else on the person's side knows the partner (or nobody), the
projects and agreements in force, the partner's public contact and what to do first.

The person's *side* is the bodies the person is a ``member`` of and the other members of those bodies (for F
係長: 瀬谷区役所, the 地区支援チーム and the team's member bodies). Someone on that side *knows* a partner when they
still have a recorded relation with it, or take part with it in a project in force (the ward office that tallied
a 実行委員会's survey knows it, though only F係長 holds the team's tie); the organisation the tie was held for
counts by a relation of its own only, since its place in a project with the partner is the very presence the
person carried. A partner nobody on the side knows is left without a contact.

A person need not be named in any ``held_by`` to be missed: :func:`handover` also lists the pairs of partners
that only the person links (sole-link pairs, as ``kyodo coordinators`` counts them), and :func:`carried_partners`
names the partners a person's departure leaves to a successor (the partners of the ties the person holds and of
the person's own relations, not the person's own bodies).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

import networkx as nx

from .circles import CIRCLE_TYPES, circle_pairs_near

__all__ = [
    "TieIndex",
    "in_place",
    "simple_undirected",
    "pieces_apart",
    "carried_ties",
    "person_side",
    "partners_without_contact",
    "handover",
    "holders",
    "carried_partners",
    "handover_items",
]


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
    relations = (r for _, _, d in G.edges(data=True) for r in d.get("relations", []))
    return _carried(G, set(people), relations, _memo(lambda h: person_side(G, h)))


def _memo(f: Callable) -> Callable:
    """``f`` of each argument computed once."""
    seen: dict = {}

    def g(x):
        if x not in seen:
            seen[x] = f(x)
        return seen[x]

    return g


def _carried(G: nx.Graph, gone: set, relations: Iterable[dict], side_of: Callable[[Hashable], set]) -> list[dict]:
    """:func:`carried_ties` of ``gone`` among ``relations`` (``G``'s, in edge order: every one with holders is
    among them), with ``side_of`` for :func:`person_side`."""
    from ._records import relation_key

    out = []
    seen = set()
    for r in relations:
        held = set(r.get("held_by", []))
        if not held or not held <= gone or r["from"] in gone or r["to"] in gone:
            continue
        key = relation_key(r, G.graph.get("relation_types"))
        if key in seen:  # a mutual relation stored both ways in a directed graph, or recorded by both sides
            continue
        seen.add(key)
        side = set().union(*(side_of(h) for h in held))
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


def simple_undirected(G: nx.Graph) -> bool:
    """True when ``G`` is undirected, not a multigraph and without self-loops: its own simple undirected graph
    (:func:`~kyodo_network.graph.undirected_actor_graph` has the same nodes and edges), so the analyses of one
    actor may read it in place (:class:`TieIndex`)."""
    return not G.is_directed() and not G.is_multigraph() and nx.number_of_selfloops(G) == 0


class TieIndex:
    """What the analyses of one actor look up among the relations of ``G``, read in one pass over its edges.

    :func:`handover`, :func:`~kyodo_network.analysis.risk.what_if` and
    :func:`~kyodo_network.analysis.suggest.suggest_introductions` of one actor read every relation of the network
    (who holds a tie, who is a member of what, who is in whose circle), each on its own; kyodo serve's panel asks
    all three after every edit. An index read once serves them all, and each then looks at the actor's
    neighbourhood only; what more than one of them needs of the whole network (its components, the pieces an
    actor's departure leaves) is found once. The answers are the same. ``G`` must not change while it is used.

    Attributes
    ----------
    simple
        Whether ``G`` is :func:`simple_undirected` (the analyses read it in place only then).
    edges
        The ends of every edge, in the order of ``G.edges``.
    held
        The relations with holders (``held_by``), in that order.
    members
        The relations of type ``member``, in that order.
    circle
        The relations whose type puts their ends in one circle (:data:`~.circles.CIRCLE_TYPES`).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("f", "team", relations=[{"from": "f", "to": "team", "type": "member", "held_by": []}])
    >>> G.add_edge("team", "club", relations=[{"from": "team", "to": "club", "type": "support", "held_by": ["f"]}])
    >>> ties = TieIndex(G)
    >>> [(t["org"], t["partner"]) for t in ties.carried({"f"})], ties.person_side("f")
    ([('team', 'club')], {'team'})
    """

    def __init__(self, G: nx.Graph) -> None:
        self.G = G
        self.simple = not G.is_directed() and not G.is_multigraph()  # and without self-loops: see _edges
        self.edges: list[tuple] = []
        self.held: list[dict] = []
        self.members: list[dict] = []
        self.circle: list[dict] = []
        for u, v, rels in self._edges():
            self.edges.append((u, v))
            for r in rels:
                t = r.get("type")
                if t in CIRCLE_TYPES:
                    self.circle.append(r)
                    if t == "member":
                        self.members.append(r)
                if r.get("held_by"):
                    self.held.append(r)
        self._found: dict[tuple, Any] = {}
        self._components: list[set] | None = None
        self._positions: dict | None = None
        self._sectors: dict | None = None

    def _edges(self) -> Iterable[tuple]:
        """``(u, v, relations)`` of every edge, as ``G.edges(data="relations", default=[])`` lists them (read from
        the adjacency of an undirected graph that is not a multigraph: the same order, faster)."""
        G = self.G
        if G.is_directed() or G.is_multigraph():
            yield from G.edges(data="relations", default=[])
            return
        seen = set()
        for u, nbrs in G.adjacency():
            for v, d in nbrs.items():
                if v not in seen:
                    if v == u:
                        self.simple = False
                    yield u, v, d.get("relations", [])
            seen.add(u)

    def _once(self, what: str, v: Hashable, f: Callable[[], Any]) -> Any:
        key = (what, v)
        if key not in self._found:
            self._found[key] = f()
        return self._found[key]

    def person_side(self, person: Hashable) -> set:
        """:func:`person_side` of ``person`` (the same set each time: not to be changed)."""

        def side() -> set:
            rels = self.members
            bodies = {r["to"] for r in rels if r["from"] == person}
            out = set(bodies) | {r["from"] for r in rels if r["to"] in bodies}
            out.discard(person)
            return {n for n in out if n in self.G}

        return self._once("side", person, side)

    def circles_near(self, v: Hashable) -> set[frozenset]:
        """The circle pairs (:func:`~.circles.circle_pairs`) that hold ``v`` or one of its partners: all that
        decide anything about ``v``'s partners and the pairs among them."""
        return self._once("circles", v, lambda: circle_pairs_near(self.G, [v, *self.G[v]], self.circle))

    def pieces(self, v: Hashable) -> list[list]:
        """:func:`pieces_apart` of ``G`` and ``v``."""
        return self._once("pieces", v, lambda: pieces_apart(self.G, v))

    def carried(self, people: Iterable[Hashable]) -> list[dict]:
        """:func:`carried_ties` of ``people``."""
        return _carried(self.G, set(people), self.held, self.person_side)

    def positions(self) -> dict:
        """Each actor's place in the order of ``G``'s nodes."""
        if self._positions is None:
            self._positions = {n: p for p, n in enumerate(self.G)}
        return self._positions

    def copy_order(self, v: Hashable) -> list:
        """``v``'s partners in the order a copy of ``G`` (``networkx.Graph(G)``, as
        :func:`~kyodo_network.graph.undirected_actor_graph` makes) holds them: the partners earlier in the node
        order first, in node order, then the others in ``G``'s order."""
        pos = self.positions()
        p = pos[v]
        nbrs = self.G[v]
        return sorted((x for x in nbrs if pos[x] < p), key=pos.__getitem__) + [x for x in nbrs if pos[x] > p]

    def components(self) -> list[set]:
        """The connected components of ``G`` (undirected), as ``networkx.connected_components`` lists them."""
        if self._components is None:
            self._components = list(nx.connected_components(self.G))
        return self._components

    def sectors(self) -> dict:
        """Each actor's sector as text (``str`` of its ``sector``, as the sector pairs name them)."""
        if self._sectors is None:
            self._sectors = {n: str(d.get("sector")) for n, d in self.G.nodes(data=True)}
        return self._sectors


def in_place(G: nx.Graph, ties: TieIndex | None = None, *, read: bool = True) -> TieIndex | None:
    """The :class:`TieIndex` to read ``G`` in place with, or ``None`` when ``G`` is not :func:`simple_undirected`:
    ``ties`` when it is ``G``'s, else (``read``) a new one."""
    if ties is not None and ties.G is G:
        return ties if ties.simple else None
    if not read or not simple_undirected(G):
        return None
    return TieIndex(G)


class _Kept:
    """:func:`_kept_relations` looked up pair by pair, ``get(frozenset((u, v)), default)``, on an undirected graph
    that is not a multigraph (one edge a pair): the edge's relations that are not carried, when neither end is in
    ``gone`` and some are left."""

    def __init__(self, G: nx.Graph, gone: set, carried: list[dict]) -> None:
        from ._records import relation_key

        self.G, self.gone, self.key = G, gone, relation_key
        self.types = G.graph.get("relation_types")
        self.lost = {relation_key(t, self.types) for t in carried}

    def get(self, pair: frozenset, default: list | None = None) -> list | None:
        u, v = (*pair, *pair)[:2]  # a self-loop's pair holds one actor
        if u in self.gone or v in self.gone or not self.G.has_edge(u, v):
            return default
        kept = [r for r in self.G.adj[u][v].get("relations", []) if self.key(r, self.types) not in self.lost]
        return kept or default


def pieces_apart(U: nx.Graph, v: Hashable) -> list[list]:
    """The connected pieces of ``U`` without ``v`` that hold a partner of ``v`` (its component falls apart into
    them), each from the partner first met in ``U[v]``'s order; ``U`` undirected.

    >>> pieces_apart(nx.path_graph(4), 1)
    [[0], [2, 3]]
    """
    seen = {v}
    out = []
    adj = U.adj
    for s in adj[v]:
        if s in seen:
            continue
        seen.add(s)
        piece = [s]
        for x in piece:  # breadth first: the list grows as it is read
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    piece.append(y)
        out.append(piece)
    return out


def _kept_relations(G: nx.Graph, gone: set, carried: list[dict]) -> dict[tuple, list[dict]]:
    from ._records import relation_key

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


def partners_without_contact(
    G: nx.Graph, people: Iterable[Hashable], carried: list[dict] | None = None, *, ties: TieIndex | None = None
) -> list:
    """Partners of the ties ``people`` carry with nobody left on their side who has a relation with them.

    ``ties``: a :class:`TieIndex` of ``G`` when already read (then only the partners' relations are looked at,
    when ``G`` is :func:`simple_undirected`)."""
    gone = set(people)
    ties = in_place(G, ties, read=False)
    if ties is not None:
        carried = ties.carried(gone) if carried is None else carried
        kept, side_of = _Kept(G, gone, carried), ties.person_side
    else:
        carried = carried_ties(G, gone) if carried is None else carried
        kept, side_of = _kept_relations(G, gone, carried), _memo(lambda h: person_side(G, h))
    out = []
    for t in carried:
        side = set().union(*(side_of(h) for h in t["held_by"])) | {t["org"]}
        if not _known_by(G, t["partner"], side, gone, kept, {t["org"]}) and t["partner"] not in out:
            out.append(t["partner"])
    return sorted(out, key=str)


def handover(G: nx.Graph, person: Hashable, *, ties: TieIndex | None = None) -> dict:
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

    Notes
    -----
    On a :func:`simple_undirected` graph (the undirected graph of
    :func:`~kyodo_network.graph.graph_from_cases`) with ``person`` in it, the relations are read once
    (:class:`TieIndex`; pass ``ties`` when already read) and then only the person's partners and theirs are
    looked at; the sheet is the same.

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
    index = in_place(G, ties) if person in G else None
    if index is not None:
        carried = index.carried(gone)
        kept, side = _Kept(G, gone, carried), index.person_side(person)
    else:
        carried = carried_ties(G, gone)
        kept, side = _kept_relations(G, gone, carried), person_side(G, person)
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
        "links": _sole_links(G, person, index),
        "inferred": any(t["inferred"] for t in carried),
    }


def _sole_links(G: nx.Graph, person: Hashable, ties: TieIndex | None = None) -> list[dict]:
    """The sole-link pairs of ``person`` (:func:`~kyodo_network.analysis.coordinators.sole_link_pairs`), pairs with
    no other path at all first. ``ties``: :class:`TieIndex` of ``G`` (then :func:`simple_undirected`, holding
    ``person``), whose circle pairs near the person are all the test needs."""
    from ..graph import simple_graph
    from .coordinators import sole_link_pairs

    if ties is not None:
        U, circles = G, ties.circles_near(person)
    else:
        U = simple_graph(G)
        if person not in U:
            return []
        from .circles import circle_pairs

        circles = circle_pairs(G)
    pairs = list(sole_link_pairs(U, person, circles))
    piece = {}
    if pairs and ties is not None:  # the pieces the person's partners are in once the person has gone
        piece = {n: i for i, p in enumerate(ties.pieces(person)) for n in p}
    elif pairs:  # which piece of the rest each partner is in once the person has gone
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
    from .circles import circle_of, circle_pairs

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
