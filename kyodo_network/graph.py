"""Loaded cases → NetworkX graphs.

:func:`graph_from_cases` is the one way to build a graph; every analysis and map starts from it.

How a project becomes ties (actor view): a participant whose ``role`` or ``role_en`` says it convenes or
proposes the project (招集, 提案団体, 事務局, 主催, convener, proposer, secretariat, organiser: the one table
:data:`kyodo_network.words.CONVENER_WORDS`) is the project's hub, and every other participant is tied to it (and
hubs to each other), not to one another: the meeting runs through its convener. A project with no such role ties
all its participants to each other.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import asdict
from itertools import combinations

import networkx as nx

from .errors import KyodoError
from .model import RELATION_TYPES, SECTORS, Actor, Case, Project, Relation, Review
from .words import convenes

__all__ = [
    "graph_from_names",
    "graphs_from_names",
    "public_ids",
    "support_centres",
    "graph_from_cases",
    "undirected_actor_graph",
    "simple_graph",
    "active_in",
    "PROJECT_TIE_WEIGHT",
]

#: Weight of the tie between two participants of the same project (a relation's default weight is 2).
PROJECT_TIE_WEIGHT = 1

VIEWS = ("actors", "projects")


def active_in(record: Actor | Relation | Project, year: int | None) -> bool:
    """True if the record existed in ``year`` (a missing ``since``/``until`` is open-ended)."""
    if year is None:
        return True
    return (record.since is None or record.since <= year) and (record.until is None or record.until >= year)


def graph_from_names(
    names: Iterable[str | os.PathLike[str]] = (),
    *,
    year: int | None = None,
    view: str = "actors",
    directed: bool = False,
    public: bool = False,
) -> nx.Graph:
    """Load cases by bundled id or path and build their network as one graph: the one entry every command uses.

    Like osmnx's ``graph_from_place``: names in, graph out. ``year``, ``view``, ``directed`` and ``public`` are
    applied here and stamped on ``G.graph`` (see :func:`graph_from_cases`); an actor id that appears in two files
    is one actor, so city-wide bodies join districts. With no names, every bundled case joined into one network
    (the five districts and the city directory of support centres).

    Parameters
    ----------
    names
        Case files or bundled case ids.
    year, view, directed
        As :func:`graph_from_cases`.
    public
        For handing out: the one redaction (:func:`~kyodo_network.privacy.redact_graph`) is applied here, and
        ``G.graph["public"]`` is ``True``; nothing downstream redacts again. Who is hidden, and the label and
        anonymous id each hidden actor gets, are decided on the whole of the cases (every actor of every file
        read, in every year), not on the part ``year`` keeps: a private person left out of a year's network is
        still scrubbed from every text of it, and has the same label in every year.

    Examples
    --------
    >>> G = graph_from_names(["dream-heights"], year=2005)
    >>> G.graph["year"], "dream-heights-flat-station" in G
    (2005, False)
    >>> P = graph_from_names(["nippa"], public=True)
    >>> P.graph["public"], "coordinator-s" in P
    (True, False)
    """
    names = [os.fspath(n) for n in names]
    if public:
        return _public_graph(names, year=year, view=view, directed=directed)[0]
    from ._cache import paused_gc
    from .load import load_cases_and_files

    def build() -> tuple[nx.Graph, list]:
        with paused_gc():  # millions of records and dicts made, none of them garbage (see _cache)
            cases, files = load_cases_and_files(names)
            return _graph_of(cases, year=year, view=view, directed=directed), files

    return _remembered("graph", names, (year, view, directed), build)


def public_ids(
    names: Iterable[str | os.PathLike[str]],
    ids: Iterable[Hashable],
    *,
    year: int | None = None,
    view: str = "actors",
    directed: bool = False,
) -> list[Hashable]:
    """The ids that :func:`graph_from_names` with ``public=True`` gives the actors ``ids`` of the graph as loaded.

    For an actor a person names by its real name or id (``--focus``, ``--for``, ``--person``): resolve it on the
    graph as loaded, then follow it to the public graph. An id the redaction keeps is returned as it is.

    >>> hidden, council = public_ids(["nippa"], ["coordinator-s", "nippa-council"])
    >>> hidden.startswith("private-"), council
    (True, 'nippa-council')
    """
    names = [os.fspath(n) for n in names]
    renamed = _public_graph(names, year=year, view=view, directed=directed)[1]
    return [renamed.get(i, i) for i in ids]


def _public_graph(
    names: list[str], *, year: int | None, view: str, directed: bool
) -> tuple[nx.Graph, dict[Hashable, Hashable]]:
    """The redacted graph of ``names`` and the map from the ids as loaded to its ids (remembered together)."""
    from ._cache import paused_gc
    from .load import load_cases_and_files
    from .privacy import redact_graph

    def build() -> tuple[tuple[nx.Graph, dict], list]:
        with paused_gc():
            cases, files = load_cases_and_files(names)
            G = _graph_of(cases, year=year, view=view, directed=directed)
            reference = _everyone(cases, G, view=view, directed=directed, year=year)
            del cases  # the records are done with: the public copy is made in their room
            return redact_graph(G, reference=reference), files

    return _remembered("public-graph", names, (year, view, directed), build)


def graphs_from_names(
    names: Iterable[str | os.PathLike[str]] = (),
    *,
    year: int | None = None,
    view: str = "actors",
    directed: bool = False,
    public: bool = False,
    lazy: bool = False,
) -> Sequence[nx.Graph]:
    """Like :func:`graph_from_names`, but one graph per case, each on its own (to compare districts).

    With no names, every bundled district (:func:`~kyodo_network.load.district_cases`), as ``kyodo map`` draws
    them; the city directory is a list of bodies, not a district, and is compared only when named. With
    ``public`` each graph is redacted as :func:`graph_from_names` redacts, on the whole of its own case (the file
    and the files it includes).

    Every file is read and checked before any graph is built, so one bad file stops the whole run. The graphs
    are built one at a time and kept in their compact form (:class:`~kyodo_network._compact.CompactGraphs`),
    so a city's districts are never all held as networks at once.

    Parameters
    ----------
    lazy
        Return that compact sequence itself: each graph is rebuilt when it is taken, and not kept (a new graph
        each time it is taken). For going through a city's districts one at a time; the default is a list of
        every graph.

    >>> [G.graph["districts"][0]["id"] for G in graphs_from_names(["nippa", "dream-heights"])]
    ['nippa', 'dream-heights']
    """
    from .load import district_cases

    names = [os.fspath(n) for n in names] or [os.fspath(n) for n in district_cases()]
    kind = "public-graphs" if public else "graphs"
    graphs = _remembered(
        kind, names, (year, view, directed), lambda: _district_graphs(names, year, view, directed, public)
    )
    return graphs if lazy else list(graphs)


def _district_graphs(names: list[str], year: int | None, view: str, directed: bool, public: bool):
    """:func:`graphs_from_names`' graphs, built and laid out compactly one at a time, and the files read."""
    from ._cache import paused_gc
    from ._compact import CompactGraphs
    from .load import load_cases_and_files
    from .privacy import redact_graph

    with paused_gc():  # the city's records: millions of objects, none of them garbage
        cases, files = load_cases_and_files(names)
    centres = support_centres(cases)
    graphs = CompactGraphs()
    for c in cases:
        G = graph_from_cases([c], year=year, view=view, directed=directed)
        G.graph["support_centres"] = centres
        made = [G]
        if public:
            reference = _everyone([c], G, view=view, directed=directed, year=year)
            G = redact_graph(G, reference=reference)[0]
            made += [reference, G]
        graphs.append(G)
        for H in made:  # laid out: emptied now, not left (a graph refers to itself through its views) for the
            if H is not None:  # collector to find among the city's records
                H.clear()
    return graphs, files


def _graph_of(cases: list[Case], *, year: int | None, view: str, directed: bool) -> nx.Graph:
    """:func:`graph_from_cases` of ``cases``, with the support centres (:func:`support_centres`)."""
    G = graph_from_cases(cases, year=year, view=view, directed=directed)
    G.graph["support_centres"] = support_centres(cases)
    return G


def _everyone(cases: list[Case], G: nx.Graph, *, view: str, directed: bool, year: int | None) -> nx.Graph | None:
    """The graph ``--public`` decides on (:func:`~kyodo_network.privacy.redact_graph`'s ``reference``): ``G``
    in every year, plus every actor of the files read that no record of ``G``'s cases refers to; ``None`` when
    that is ``G`` itself."""
    reachable: dict[str, tuple[Actor, Case]] = {}
    for case in cases:
        for c in case.reachable():
            for a in c.actors:
                reachable.setdefault(a.id, (a, c))
    R = graph_from_cases(cases, view=view, directed=directed) if year is not None else G
    missing = [(a, c) for aid, (a, c) in reachable.items() if aid not in R]
    if not missing:
        return None if R is G else R
    if R is G:
        R = G.copy()
    sectors = {s.id: s for s in SECTORS.values()}
    for case in cases:
        for c in case.reachable():
            sectors.update({s.id: s for s in c.sectors})
    for a, c in missing:
        R.add_node(a.id, **_actor_attrs(a, sectors, (c.district.ward, c.district.ward_en)))
    return R


def _remembered(kind: str, names: list[str], options: tuple, build):
    """What ``build`` returns, from the private cache (:mod:`kyodo_network._cache`) while the files it read are
    unchanged; the files are recorded as inputs either way, so no output can land on one of them."""
    from ._cache import remembered_from_files
    from ._inputs import remember_input

    # each named file by the file it is now (a symlink re-pointed to this year's file is another file)
    named = [os.path.realpath(n) if os.path.exists(n) else n for n in map(str, names)]
    label = repr((kind, os.getcwd(), names, named, options))
    value, files = remembered_from_files(label, build)
    for f in [*files, *(n for n in named if os.path.exists(n))]:
        remember_input(f)
    return value


def support_centres(cases: Iterable[Case]) -> list[dict]:
    """The ward civic activity support centres, a place to ask when two actors have nobody in common.

    Taken from the city directory (``yokohama-city``) when the cases include it, else from the bundled copy:
    its ``support`` actors that have a ward, as ``{"id", "name", "name_en", "ward", "contact"}`` (a public body's
    phone, withheld by ``--public`` as every phone is).
    """
    from .load import load_cases

    city = [c for case in cases for c in case.reachable() if c.id == "yokohama-city"]
    actors = city[0].actors if city else load_cases(["yokohama-city"])[0].actors
    return [
        {"id": a.id, "name": a.name, "name_en": a.name_en or a.name, "ward": a.ward, "contact": a.contact}
        for a in actors
        if a.sector == "support" and a.ward
    ]


def undirected_actor_graph(G: nx.Graph) -> nx.Graph:
    """A simple undirected copy of ``G`` without self-loops (the graph most measures are defined on)."""
    U = nx.Graph(G.to_undirected() if G.is_directed() else G)
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    return U


def simple_graph(G: nx.Graph) -> nx.Graph:
    """``G`` itself when it is already a simple undirected graph without self-loops, else
    :func:`undirected_actor_graph` of it: for measures that only read it (no copy of a city per call).

    >>> G = nx.path_graph(3); simple_graph(G) is G
    True
    """
    if type(G) is nx.Graph and not nx.number_of_selfloops(G):
        return G
    return undirected_actor_graph(G)


def with_changes(cases: list[Case]) -> list[Case]:
    """The cases with every file's ``changes`` (kyodo serve's tonight file: renames, new category words, removed
    actors and ties) applied to the actors and relations of all of them, so every command sees the room's changes."""
    changes = [ch for case in cases for c in case.reachable() for ch in c.changes]
    if not changes:
        return cases
    from dataclasses import replace

    from .vocabulary import place_category

    renamed = {i: v for op, i, v in changes if op == "rename"}
    recategorised = {i: v for op, i, v in changes if op == "category"}
    removed = {i for op, i, _ in changes if op == "remove"}
    removed_ties = set()
    for op, i, _ in changes:
        if op == "remove-tie":
            a, b, t = i.split("|")
            removed_ties.add((min(a, b), max(a, b), t))

    def actor(a: Actor) -> Actor:
        if a.id in renamed:
            a = replace(a, name=renamed[a.id])
        if a.id in recategorised:
            a = replace(a, category=recategorised[a.id], sector=place_category(recategorised[a.id])[0])
        return a

    def one(c: Case) -> Case:
        return replace(
            c,
            actors=tuple(actor(a) for a in c.actors if a.id not in removed),
            relations=tuple(
                r
                for r in c.relations
                if r.source not in removed
                and r.target not in removed
                and (min(r.source, r.target), max(r.source, r.target), r.type) not in removed_ties
            ),
            projects=tuple(
                replace(p, participants=tuple(x for x in p.participants if x.id not in removed)) for p in c.projects
            ),
            includes=tuple(one(i) for i in c.includes),
        )

    return [one(c) for c in cases]


def graph_from_cases(
    cases: Iterable[Case], *, view: str = "actors", year: int | None = None, directed: bool = False
) -> nx.Graph:
    """Build the collaboration network of one or more loaded cases.

    Parameters
    ----------
    cases
        Cases from :func:`~kyodo_network.load.load_cases`. Actors with the same id are one node. An actor of an
        *included* file joins the graph only when a relation or project of the given cases (active in ``year``,
        when given) refers to it.
    view
        ``"actors"`` (default): actors are nodes; relations and shared projects are edges.
        ``"projects"``: the bipartite actor–project graph, actors ``bipartite=0``, projects ``bipartite=1``,
        an edge for each participation (attributes ``role``, ``role_en``).
    year
        Keep only actors, relations and projects active in that year (the network as it stood then).
    directed
        Actor view only: return an ``nx.DiGraph`` where directed relation types run from → to and mutual
        types and project ties run both ways.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        A new graph; nothing is shared with the cases.

        Node attributes (actors): ``kind="actor"``, ``name``, ``name_en``, ``sector``, ``sector_name``,
        ``sector_name_en``, ``colour``, ``role``, ``role_en``, ``themes``, ``offers``, ``needs`` (lists),
        ``since``, ``until``, ``visibility``, ``contact``, ``ward``, ``ward_en``, ``district`` (the case that
        defines it), ``cite``, ``inferred`` (the whole record), ``inferred_fields`` (fields that are the author's reading),
        ``note``, ``origin`` (``file:line``: the file relative to the working folder when inside it, else its
        absolute path; exports write it without any folder of this machine, a public graph has none),
        ``projects`` (ids it takes part in). Project nodes (projects view): ``kind="project"``, ``name``,
        ``name_en``, ``since``, ``until``, ``themes``, ``district``, ``cite``, ``inferred``, ``note``, ``origin``.

        Edge attributes (actor view): ``relations`` (list of dicts with ``type``, ``from``, ``to``,
        ``directed``, ``since``, ``until``, ``weight``, ``cite``, ``inferred``, ``note``, ``origin``, ``held_by``:
        the ids of the persons who hold the tie for an organisation),
        ``projects`` (ids of projects both take part in), ``types`` (sorted relation types, plus ``"project"``
        for a shared project), ``weight`` (strength 1–3: the strongest relation, or :data:`PROJECT_TIE_WEIGHT`
        for a project tie alone; a strength, never a distance), ``inferred`` (true when every piece of evidence
        is inferred), ``cross_sector`` and ``held_by`` (every person who holds one of its relations).

        Graph attributes: ``name``, ``name_en``, ``districts`` (list of district dicts), ``sources``, ``files``,
        ``year``, with a year also ``dated`` (whether the cases record any year) and ``undated`` (ids of the
        actors and projects, and ``[from, to, type]`` of the relations, kept with no year: assumed present), ``view``,
        ``public`` (``True`` only on the redacted graph of :func:`graph_from_names` with ``public=True``),
        ``sectors`` and ``relation_types`` (id → labels), ``projects`` (id → project dict, with ``participants``,
        ``reviews`` (dicts: ``by``, ``year``, ``moment``, ``scores`` item → 1–4, ``comment``, ``origin``) and
        ``agreement`` (協働協定書 item → agreed); relation dicts carry ``agreement`` where one is recorded).

    Raises
    ------
    KyodoError
        For an unknown ``view``, or ``directed`` with the projects view.

    Examples
    --------
    >>> from kyodo_network import load_cases
    >>> G = graph_from_cases(load_cases(["dream-heights"]))
    >>> G.nodes["dream-heights-flat-station"]["sector"]
    'npo'
    """
    if view not in VIEWS:
        msg = f"unknown view '{view}'; use one of {', '.join(VIEWS)}"
        raise KyodoError(msg)
    if directed and view != "actors":
        msg = "the projects view is undirected; drop --directed"
        raise KyodoError(msg)
    cases = with_changes(list(cases))
    own_ids, actors, wards, sectors = gathered(cases)
    relations = [r for c in cases for r in c.relations]
    projects = list({p.id: p for c in cases for p in c.projects}.values())
    live = [r for r in relations if active_in(r, year)]
    referenced = {r.source for r in live} | {r.target for r in live}
    referenced |= {part.id for p in projects if active_in(p, year) for part in p.participants}
    keep = [a for aid, a in actors.items() if (aid in own_ids or aid in referenced) and active_in(a, year)]
    kept = {a.id for a in keep}

    G: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    G.graph.update(graph_attrs(cases, sectors, year=year, view=view))
    if year is not None:
        G.graph.update(_undated(cases, keep, relations, projects, kept, year))
    # A project shows when it is active and at least one participant is (else it is an empty shell that year).
    active_projects = [p for p in projects if active_in(p, year) and any(x.id in kept for x in p.participants)]
    G.graph["projects"] = {p.id: _project_dict(p, kept) for p in active_projects}
    for rv in (rv for c in cases for rv in c.reviews if rv.project in G.graph["projects"]):
        G.graph["projects"][rv.project]["reviews"].append(_review_dict(rv))  # written outside their project

    joined: dict[str, list[str]] = {}  # actor → its projects, in project order (one pass: linear)
    for p in active_projects:
        for pid in dict.fromkeys(x.id for x in p.participants):
            joined.setdefault(pid, []).append(p.id)
    for a in keep:
        G.add_node(a.id, **_actor_attrs(a, sectors, wards[a.id]))
        G.nodes[a.id]["projects"] = joined.get(a.id, [])

    if view == "projects":
        for p in active_projects:
            G.add_node(p.id, **_project_attrs(p), bipartite=1)
            for part in p.participants:
                if part.id in kept:
                    G.add_edge(part.id, p.id, role=part.role, role_en=part.role_en)
        for n, d in G.nodes(data=True):
            d.setdefault("bipartite", 0)
        return G

    def edge(u: str, v: str) -> dict:
        if not G.has_edge(u, v):
            G.add_edge(u, v, relations=[], projects=[])
        return G.edges[u, v]

    for r in relations:
        if r.source in kept and r.target in kept and active_in(r, year):
            rd = relation_dict(r)
            ends = [(r.source, r.target)]
            if directed and not r.directed:
                ends.append((r.target, r.source))
            for u, v in ends:
                edge(u, v)["relations"].append(rd)
    for p in active_projects:
        for u, v in _project_pairs(p, kept):
            for a, b in ((u, v), (v, u)) if directed else ((u, v),):
                if p.id not in edge(a, b)["projects"]:
                    edge(a, b)["projects"].append(p.id)
    for u, v, d in G.edges(data=True):
        summarise_edge(G, u, v, d)
    return G


def summarise_edge(G: nx.Graph, u: Hashable, v: Hashable, d: dict) -> None:
    """Write on the edge attributes ``d`` of ``u``–``v`` what its ``relations`` and ``projects`` amount to:
    ``weight``, ``types``, ``inferred``, ``cross_sector`` and ``held_by`` (see :func:`graph_from_cases`)."""
    rel_weights = [r["weight"] for r in d["relations"]]
    d["weight"] = max(rel_weights) if rel_weights else PROJECT_TIE_WEIGHT
    d["types"] = sorted({r["type"] for r in d["relations"]} | ({"project"} if d["projects"] else set()))
    d["inferred"] = bool(d["relations"]) and all(r["inferred"] for r in d["relations"]) and not d["projects"]
    d["cross_sector"] = G.nodes[u]["sector"] != G.nodes[v]["sector"]
    d["held_by"] = sorted({h for r in d["relations"] for h in r["held_by"]})


def relation_dict(r: Relation) -> dict:
    """A relation as the graph's edges hold it (an item of an edge's ``relations``)."""
    rd = _relation_dict(r)
    if r.agreement:  # only where recorded (協働協定書 items)
        rd["agreement"] = dict(r.agreement)
    return rd


def actor_attrs(a: Actor, sectors: dict, ward: tuple[str, str]) -> dict:
    """An actor as the graph's nodes hold it (without ``projects``); ``sectors`` is id → :class:`Sector`,
    ``ward`` the ward of the file that first describes it."""
    return _actor_attrs(a, sectors, ward)


def gathered(cases: list[Case]) -> tuple[set, dict[str, Actor], dict[str, tuple[str, str]], dict]:
    """What :func:`graph_from_cases` reads of ``cases`` (their ``changes`` applied) before choosing: the ids of
    the named files' actors, every actor reachable by id (the first description wins) with the ward of its file,
    and every sector (id → :class:`Sector`)."""
    own_ids = {a.id for c in cases for a in c.actors}
    actors: dict[str, Actor] = {}
    wards: dict[str, tuple[str, str]] = {}
    sectors = {s.id: s for s in SECTORS.values()}
    for case in cases:
        for c in case.reachable():
            sectors.update({s.id: s for s in c.sectors})
            for a in c.actors:
                actors.setdefault(a.id, a)
                wards.setdefault(a.id, (c.district.ward, c.district.ward_en))
    return own_ids, actors, wards, sectors


def graph_attrs(cases: list[Case], sectors: dict, *, year: int | None, view: str) -> dict:
    """The graph attributes :func:`graph_from_cases` starts from (names, districts, sources, files, sectors, …)."""
    return dict(
        name=" + ".join(c.district.name for c in cases),
        name_en=" + ".join(c.district.name_en or c.district.name for c in cases),
        districts=[_district_dict(c) for c in cases],
        sources=[dict(c.source) for c in cases if c.source],
        files=[c.path for c in cases],
        year=year,
        view=view,
        sectors={
            s.id: {"name": s.name, "name_en": s.name_en, "colour": s.colour, "short": s.label, "short_en": s.label_en}
            for s in sectors.values()
        },
        relation_types={
            t.id: {"name": t.name, "name_en": t.name_en, "directed": t.directed} for t in RELATION_TYPES.values()
        },
    )


def _project_pairs(p: Project, kept: set[str]) -> list[tuple[str, str]]:
    """The actor pairs a project ties: to its hubs (participants that convene or propose it) when it has any,
    else every pair of participants (see the module docstring)."""
    members = sorted({x.id for x in p.participants if x.id in kept})
    hubs = {x.id for x in p.participants if x.id in kept and convenes(x.role, x.role_en)}
    return [(u, v) for u, v in combinations(members, 2) if not hubs or u in hubs or v in hubs]


def _undated(
    cases: list[Case], keep: list[Actor], relations: list[Relation], projects: list[Project], kept: set[str], year: int
) -> dict:
    """What a year view assumed: the records it kept that have no year (``undated``), and whether the cases
    record any year at all (``dated``; without one, every year looks the same)."""

    def bare(r: Actor | Relation | Project) -> bool:
        return r.since is None and r.until is None

    dated = any(not bare(r) for c in cases for rs in (c.actors, c.relations, c.projects) for r in rs)
    return {
        "dated": dated,
        "undated": {
            "actors": [a.id for a in keep if bare(a)],
            "relations": [
                [r.source, r.target, r.type] for r in relations if bare(r) and r.source in kept and r.target in kept
            ],
            "projects": [p.id for p in projects if bare(p) and any(x.id in kept for x in p.participants)],
        },
    }


def _district_dict(case: Case) -> dict:
    d = asdict(case.district)
    d.pop("origin")
    d["path"] = case.path
    return d


def _actor_attrs(a: Actor, sectors: dict, ward: tuple[str, str]) -> dict:
    s = sectors[a.sector]
    return {
        "kind": "actor",
        "name": a.name,
        "name_en": a.name_en or a.name,  # English output falls back to the Japanese name: nothing invented
        "sector": a.sector,
        "category": a.category,
        "private_fields": list(a.private_fields),
        "representative": a.representative,
        "sector_name": s.name,
        "sector_name_en": s.name_en,
        "colour": s.colour,
        "role": a.role,
        "role_en": a.role_en,
        "themes": list(a.themes),
        "offers": list(a.offers),
        "needs": list(a.needs),
        "since": a.since,
        "until": a.until,
        "visibility": a.visibility,
        "contact": a.contact,
        "ward": a.ward or ward[0],
        "ward_en": a.ward_en or ward[1],
        "district": a.district,
        "cite": a.cite,
        "inferred": a.inferred,
        "inferred_fields": list(a.inferred_fields),
        "note": a.note,
        "origin": str(a.origin) if a.origin else None,
    }


def _relation_dict(r: Relation) -> dict:
    return {
        "type": r.type,
        "from": r.source,
        "to": r.target,
        "directed": r.directed,
        "since": r.since,
        "until": r.until,
        "weight": r.weight,
        "cite": r.cite,
        "inferred": r.inferred,
        "inferred_fields": list(r.inferred_fields),
        "note": r.note,
        "origin": str(r.origin) if r.origin else None,
        "held_by": list(r.held_by),
        "label": r.label,
    }


def _project_attrs(p: Project) -> dict:
    return {
        "kind": "project",
        "name": p.name,
        "name_en": p.name_en or p.name,
        "since": p.since,
        "until": p.until,
        "themes": list(p.themes),
        "district": p.district,
        "cite": p.cite,
        "inferred": p.inferred,
        "inferred_fields": list(p.inferred_fields),
        "note": p.note,
        "origin": str(p.origin) if p.origin else None,
    }


def _project_dict(p: Project, kept: set[str]) -> dict:
    d = _project_attrs(p)
    d["participants"] = [{"id": x.id, "role": x.role, "role_en": x.role_en} for x in p.participants if x.id in kept]
    d["reviews"] = [_review_dict(r) for r in p.reviews]
    d["agreement"] = dict(p.agreement)
    return d


def _review_dict(r: Review) -> dict:
    return {
        "by": r.reviewer,
        "year": r.year,
        "moment": r.moment,
        "scores": dict(r.scores),
        "comment": r.comment,
        "origin": str(r.origin) if r.origin else None,
    }
