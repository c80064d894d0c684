"""A graph → a plain map model: what a map shows, decided once for the HTML and the printable renderers.

:func:`map_model` chooses the nodes (focus, sector subset), their labels, colours, sizes and marks, the style of
every tie, the legends, the title and the source line, and the text of every tooltip and details panel. Its
result holds only strings, numbers, booleans, lists and dicts: renderers turn it into pictures and must treat
every string as text.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from itertools import chain
from operator import itemgetter, methodcaller

import networkx as nx

from ..errors import KyodoError, Msg
from ..privacy import HIDDEN_VISIBILITIES
from .layout import SEED, layout_positions
from ..lang import short_names
from .style import EDGE_PRIORITY, EDGE_STYLES, LANGS, PX_PER_UNIT, label_box, text_in, ui
from .labels import (
    details,
    map_label,
    node_name,
    project_name,
    relation_label,
    sector_label,
    tie_text,
    tooltip,
    tooltips,
    years,
)
from ..lang import did_you_mean, sector_with_categories, text

__all__ = ["map_model", "node_texts", "restyle", "with_display_ids", "with_slider"]


def map_model(
    G: nx.Graph,
    *,
    lang: str = "ja",
    focus: str | None = None,
    depth: int = 1,
    sectors: Iterable[str] | None = None,
    seed: int = SEED,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    bridging: Mapping[Hashable, dict] | None = None,
    marked: set | None = None,
    texts: bool = True,
    memo: dict | None = None,
    slider: bool = True,
) -> dict:
    """Decide everything a map of ``G`` shows.

    Parameters
    ----------
    G
        An undirected graph from :func:`~kyodo_network.graph.graph_from_names`, actors or projects view (its
        ``year`` is already applied, and for handing out the ``public`` redaction: private and internal actors
        shown by their role, contacts and notes left out; the map says so when ``G.graph["public"]``). It is
        not modified.
    lang
        ``"ja"``, ``"en"`` or ``"both"`` (「日本語 / English」; node labels on two lines).
    focus, depth
        Draw only the actors within ``depth`` steps of the node ``focus`` (its ego network).
    sectors
        Draw only actors of these sectors (with ``focus``: the ego network inside them). In the projects view
        a project stays when one of its participants does.
    seed
        Seed of the layout (:func:`~kyodo_network.layout.layout_positions`).
    positions, bridging, marked, texts
        For a caller that keeps them between maps of one network as it changes (``kyodo serve``): every node's
        place (no layout is run; a node missing from it is placed by the layout), the rows of
        :func:`~kyodo_network.analysis.bridges.bridging_table` by id (``score``, ``betweenness``,
        ``articulation``; no ``explanation`` needed), and the ★ ids. With ``texts`` false the tooltips leave out
        the bridging sentence and ``details`` is empty: the caller gives them for the one node asked about
        (:func:`node_texts`).
    memo
        A dict the caller keeps between maps of one network as it changes: labels and ties already written are
        taken from it (a tie by its relations as the graph holds them and its two actors' names), with the order
        of the ties of each node whose partners are unchanged and what each tie's relations say of its years.
    slider
        False leaves the year slider out (``years`` and every ``shown`` None), for a caller that adds it after
        (:func:`with_slider`).

    Returns
    -------
    dict
        ``meta`` (title, subtitle, source, date, counts, …), ``ui`` (interface wording in ``lang``), ``nodes``
        (``id``, ``kind``, ``label``, ``search``, ``colour``, ``size``, ``shape``, ``x``, ``y``, ``sector``,
        ``category`` (the actor's own word, or None), ``coordinator``, ``articulation``, ``score``, ``title``,
        ``details`` as ``[heading, text]`` pairs, ``years``, ``shown``),
        ``edges`` (``id``, ``from``, ``to``, ``type``, ``types``, ``colour``, ``width``, ``dashes``,
        ``arrows``, ``inferred``, ``title``, ``years``, ``shown``), ``legend`` (``sectors``: each with its
        ``label``, which lists the category words drawn under it, 「自治会町内会・地縁団体：老人クラブ、子ども会」,
        and those ``categories``; ``edges``, ``marks``, ``kinds``) and ``years`` (the year slider, or None).

        A node's ``years`` is its record's ``[since, until]``; an edge's, the ``[since, until]`` of each
        relation and shared project it stands for (none for a participation). ``shown`` lists the spans of years
        in which the node or edge stands on the map, ``[first, last]`` with None for an open end, as
        ``graph_from_cases(..., year=Y)`` would keep it (see Notes); it is None when there is no slider.
        ``years`` is None for a year view (``G.graph["year"]``) and for data recording fewer than two distinct
        years; else it holds ``first`` and ``last`` (the earliest and latest since/until of any actor, relation
        or project of ``G``), ``marks`` (the legend lines of what a chosen year marks) and ``steps``, one per year
        from first to last: ``year``, ``label`` (「2006年時点」), ``subtitle`` (the map's subtitle as a view of that
        year would read, the undated records it assumes present included), ``actors``, ``projects``, ``ties``,
        ``undated``, ``new_actors``, ``new_ties``, ``ended_actors``, ``ended_ties`` (what stands that year but
        not the year before, or not the year after) and the words ``counts``, ``new`` and ``ended`` ("" for
        none).

    Raises
    ------
    KyodoError
        For an unknown ``lang``, ``focus`` (with a did-you-mean) or sector, ``depth`` below 1, or a directed
        ``G``.

    Examples
    --------
    >>> from kyodo_network import load_cases, graph_from_cases
    >>> m = map_model(graph_from_cases(load_cases(["dream-heights"])))
    >>> len(m["nodes"]), m["meta"]["view"]
    (11, 'actors')

    Notes
    -----
    Sizes and marks come from the whole network given, not from the part drawn. In the actors view a node's size
    grows with its bridging score (:func:`~kyodo_network.analysis.bridges.bridging_scores`); a coordinator
    (★) is an actor that :func:`~kyodo_network.analysis.bridges.coordinators` finds joining at least one pair of
    partners from different sectors with no tie and no other partner in common; a thick black ring marks an
    articulation point (Hopcroft & Tarjan 1973). In the projects view sizes grow with the number of ties and
    articulation points are those of the bipartite graph; there are no coordinator marks.

    The year slider keeps the layout of every year together and hides what does not stand in the chosen year.
    What stands follows :func:`~kyodo_network.graph.graph_from_cases` with ``year``: a record with no since or
    until stands in every year; an actor of an included file only while a relation or project naming it
    does; a tie while one of its relations or shared projects does and both its actors stand; a project
    while it is active and one of its participants stands. Two limits: a project whose convening participants
    are all absent in a year ties its other participants pairwise in that year's graph, ties the whole map has
    no line for; and the projects view carries no relations, so there an included actor stands only with its
    projects and the subtitle's count of undated records leaves relations out.
    """
    from ..analysis.bridges import bridging_scores, coordinator_ids

    if lang not in LANGS:
        raise KyodoError(f"unknown language '{lang}'; use one of {', '.join(LANGS)}")
    if G.is_directed():
        raise KyodoError("a map needs the undirected graph: graph_from_cases(...) without directed=True")
    if depth < 1:
        raise KyodoError(f"the depth around a focus must be 1 or more, not {depth}")
    view = G.graph.get("view", "actors")
    public = bool(G.graph.get("public"))
    H = _display_graph(G)
    keep = _select(H, G, focus=focus, depth=depth, sectors=sectors)

    if view == "actors":
        scores = dict(bridging) if bridging is not None else {r["id"]: r for r in bridging_scores(H)}
        marked = set(marked) if marked is not None else coordinator_ids(H)
        art = {n for n, r in scores.items() if r["articulation"]}
    else:
        scores, marked = {}, set()
        art = set(nx.articulation_points(H))
    size = _sizer(H)

    D = H if len(keep) == len(H) else H.subgraph(keep)
    attrs = dict(D.nodes(data=True))
    words = _node_words(memo, attrs, lang)
    missing = [n for n in D if positions is None or n not in positions]
    pos = dict(positions or {})
    if missing:
        laid = D.subgraph(missing) if positions is not None else D
        boxes = {n: label_box(words[n][0], size(n, scores.get(n))) for n in laid}
        pos.update(layout_positions(laid, seed=seed, boxes=boxes))
    first_last = stands = None
    if slider and G.graph.get("year") is None:
        stands = _standing(H, memo)
        first_last = _slider_years(G, H, stands[4])
        stands = stands if first_last else None
    shown = _shown()
    tip = tooltips(H, lang, sentences=texts)
    nodes = []
    for n in sorted(attrs, key=str):
        d, r = attrs[n], scores.get(n)
        project = d.get("kind") == "project"
        label, name, search = words[n]
        coordinator, cut = n in marked, n in art
        nodes.append(
            {
                "id": d["_id"],
                "kind": d.get("kind", "actor"),
                "label": label,
                "name": name,
                "search": search,
                "colour": "#ffd92f" if project else d.get("colour", "#999999"),
                "sector": None if project else d.get("sector"),
                "category": None if project else d.get("category"),
                "size": size(n, r),
                "shape": "square" if project else "star" if coordinator else "dot",
                "coordinator": coordinator,
                "articulation": cut,
                "score": r["score"] if r else None,
                "title": tip(n, r, coordinator, cut),
                "x": pos[n][0],
                "y": pos[n][1],
                "details": details(H, n, r, lang, public) if texts else [],
                "years": [d.get("since"), d.get("until")],
                "shown": shown(stands[0][n]) if stands else None,
            }
        )
    ties = _ordered_ties(D, memo)
    edges = _edges_remembered(memo, D, ties, attrs, lang)
    if stands:
        for (u, v), edge in zip(((u, v) for u, vs, _ in ties for v in vs), edges):
            edge["shown"] = shown(_between(stands[1], u, v))
    model = {
        "meta": _meta(G, H, D, lang, focus, depth, sectors, public, len(edges), attrs),
        "ui": {
            k: ui(k, lang)
            for k in (
                "year",
                "all_years",
                "year_marks",
                "search",
                "sectors",
                "ties",
                "marks",
                "kinds",
                "details",
                "hint",
                "reset",
                "all",
                "no_match",
                "arrow_note",
                "source",
                "show_all",
                "label_size",
                "label_smaller",
                "label_larger",
                "fold_legend",
                "unfold_legend",
                "fold_details",
                "unfold_details",
            )
        },
        "nodes": nodes,
        "edges": edges,
        "legend": _legend(H, nodes, edges, lang, view),
        "years": _year_steps(G, H, D, first_last, stands, lang, focus, depth, sectors, public) if first_last else None,
    }
    model["ui"]["matches"] = ui("matches", lang, n="{n}")
    model["ui"]["size_note"] = _glossed(lang, _size_note) if view == "actors" else ui("size_note_projects", lang)
    return model


def _size(H: nx.Graph, n, r: dict | None, top_degree: int) -> float:
    """A node's size: by its bridging score (``r``), else (projects view) by its number of ties."""
    return round(10 + 26 * r["score"] if r else 10 + 20 * H.degree(n) / top_degree, 2)


def _sizer(H: nx.Graph) -> Callable[[Hashable, dict | None], float]:
    """:func:`_size` of node after node of ``H``, the largest degree counted only when a node has no score."""
    top: list[int] = []

    def size(n: Hashable, r: dict | None) -> float:
        if r:
            return round(10 + 26 * r["score"], 2)
        if not top:
            top.append(max((d for _, d in H.degree()), default=0) or 1)
        return _size(H, n, r, top[0])

    return size


def _node_words(memo: dict | None, attrs: dict, lang: str) -> dict:
    """Each node's ``label``, ``name`` and ``search`` words (remembered in ``memo`` by the names they are made
    of). Two actors that differ only in their parenthesis keep it (the one short-name rule, lang.short_names)."""
    names = [d["name"] for d in attrs.values()]
    names_en = [d.get("name_en") or d["name"] for d in attrs.values()]
    shorts, shorts_en = _short_names(memo, "ja", names), _short_names(memo, "en", names_en)
    out = {}
    for (n, d), ja, en in zip(attrs.items(), names, names_en):
        ja, en = shorts[ja], shorts_en[en]
        key = ("node_words", lang, d["name"], d.get("name_en"), ja, en)
        got = memo.get(key) if memo is not None else None
        if got is None:
            got = (
                text_in(lang, _label(memo, ja, 24), _label(memo, en, 26), sep="\n"),
                text_in(lang, d["name"], d.get("name_en")),
                unicodedata.normalize("NFKC", " ".join(dict.fromkeys([d["name"], d.get("name_en") or ""]))).lower(),
            )
            if memo is not None:
                memo[key] = got
        out[n] = got
    return out


def _short_names(memo: dict | None, which: str, names: list[str]) -> dict[str, str]:
    """:func:`~kyodo_network.lang.short_names`, remembered in ``memo`` for the latest list of names only."""
    if memo is None:
        return short_names(names)
    key, names = ("short_names", which), tuple(names)
    kept = memo.get(key)
    if kept is None or kept[0] != names:
        kept = memo[key] = (names, short_names(names))
    return kept[1]


def restyle(model: dict, G: nx.Graph, *, bridging: Mapping[Hashable, dict], marked: set, lang: str = "ja") -> dict:
    """A copy of ``model`` (:func:`map_model` of ``G``, actors view, made with ``texts=False``) whose sizes, ★,
    rings, scores, short tooltips and legend of marks follow ``bridging`` and ``marked`` instead: the same map
    with the network's numbers counted again, without writing its ties and labels again."""
    by_id = {str(n): n for n in G}
    art = {n for n, r in bridging.items() if r["articulation"]}
    size, tip, attrs = _sizer(G), tooltips(G, lang, sentences=False), G.nodes
    nodes = []
    for node in model["nodes"]:
        n = by_id[node["id"]]
        r, coordinator, cut = bridging.get(n), n in marked, n in art
        node = node.copy()  # the marks of the new numbers in place of the old, the keys in their order
        node["size"] = size(n, r)
        node["shape"] = "square" if attrs[n].get("kind") == "project" else "star" if coordinator else "dot"
        node["coordinator"], node["articulation"] = coordinator, cut
        node["score"] = r["score"] if r else None
        node["title"] = tip(n, r, coordinator, cut)
        nodes.append(node)
    out = {**model, "nodes": nodes}
    out["legend"] = {**model["legend"], "marks": _legend_marks(nodes, model["edges"], lang)}
    return out


def with_slider(model: dict, G: nx.Graph, *, lang: str = "ja", memo: dict | None = None) -> dict:
    """A copy of ``model`` (:func:`map_model` of the whole of ``G``, made with ``slider=False``) with its year
    slider: ``years`` and every node's and tie's ``shown``, as :func:`map_model` writes them. ``memo``: as for
    :func:`map_model` (what each tie's relations say of its years is kept in it)."""
    H = _display_graph(G)
    if G.graph.get("year") is not None:
        return {**model, "years": None}
    stands = _standing(H, memo)
    first_last = _slider_years(G, H, stands[4])
    if not first_last:
        return {**model, "years": None}
    by_id = {str(n): n for n in H}
    shown, node, edge = _shown(), stands[0], stands[1]
    nodes, edges = [], []
    for n in model["nodes"]:
        n = n.copy()  # as {**n, "shown": …}: the same keys in the same order
        n["shown"] = shown(node[by_id[n["id"]]])
        nodes.append(n)
    for e in model["edges"]:
        u, v = by_id[e["from"]], by_id[e["to"]]
        spans = edge[u].get(v)
        e = e.copy()
        e["shown"] = shown(edge[v][u] if spans is None else spans)
        edges.append(e)
    years = _year_steps(G, H, H, first_last, stands, lang, None, 1, None, bool(G.graph.get("public")))
    return {**model, "nodes": nodes, "edges": edges, "years": years}


def node_texts(G: nx.Graph, n: Hashable, row: dict | None, *, coordinator: bool, lang: str = "ja") -> dict:
    """The full ``title`` and ``details`` of one node of ``G`` as :func:`map_model` writes them (``row``: its
    finished bridging row, with the explanation), for a map made with ``texts=False``."""
    H = _display_graph(G.subgraph([n, *G[n]]))
    art = bool(row and row.get("articulation"))
    return {
        "title": tooltip(H, n, row, coordinator, art, lang),
        "details": details(H, n, row, lang, bool(G.graph.get("public"))),
    }


def _glossed(lang: str, words) -> str:
    """``words(l)`` in ``lang`` (``both``: 「日本語 / English」)."""
    return words(lang) if lang in ("ja", "en") else text_in(lang, words("ja"), words("en"))


def _size_note(lang: str) -> str:
    """What a node's size and the numbers of its details mean: 「大きさ＝橋渡しスコア: …。媒介中心性: …」 (the
    glossary's lines, :func:`~kyodo_network.analysis.wording.glossary`)."""
    from ..analysis.wording import glossary

    score, betweenness = glossary(("score", "betweenness"), lang)
    if lang == "en":
        betweenness = betweenness[:1].upper() + betweenness[1:]
    return text("map.size_is", lang, gloss=score) + text("map.gloss_sep", lang) + betweenness


def _mark_label(mark: str, lang: str) -> str:
    """A mark's legend line: the ★ rule (``coordinator.mark``, as ``kyodo coordinators`` prints it) or the ring's
    gloss (「太い黒枠＝切断点: …」)."""
    from ..analysis.wording import glossary

    if mark == "coordinator":
        return text("coordinator.mark", lang)
    return text("map.ring_is", lang, gloss=glossary(("articulation",), lang)[0])


def _display_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose nodes carry their display id ``_id`` (``G`` itself when they already do: a network
    kept for maps, :func:`with_display_ids`; nothing here changes it)."""
    if G.graph.get("display_ids"):
        return G
    H = G.copy()  # new attribute dicts; list values stay shared and are never changed here
    for n, d in H.nodes(data=True):
        d["_id"] = str(n)
    return H


def with_display_ids(G: nx.Graph) -> nx.Graph:
    """``G`` with every node's display id ``_id`` written on it, for a caller that draws the same network many
    times (``kyodo serve``): :func:`map_model` then reads it without copying it."""
    for n, d in G.nodes(data=True):
        d["_id"] = str(n)
    G.graph["display_ids"] = True
    return G


def _sector_filter(G: nx.Graph, word: str):
    """Which actors ``--sector WORD`` keeps: a sector by its id or any label the tool prints (個人, 支援機関, Person,
    the legend's full name), a category word as written in the data (老人クラブ), or a word of the vocabulary
    (自治会 → the neighbourhood sector).

    Raises
    ------
    KyodoError
        When the word names no sector and no actor's category, with a did-you-mean among the labels.
    """
    from ..vocabulary import place_category
    from ..words import key

    known = G.graph.get("sectors", {})
    k = key(word)
    for sid, info in known.items():
        labels = (sid, info.get("name"), info.get("name_en"), info.get("short"), info.get("short_en"))
        if any(label and key(label) == k for label in labels):
            return lambda d, sid=sid: d.get("sector") == sid
    if any(key(d.get("category") or "") == k for _, d in G.nodes(data=True)):
        return lambda d: key(d.get("category") or "") == k
    sid, placed = place_category(word)
    if placed and sid in known:
        return lambda d, sid=sid: d.get("sector") == sid
    labels = sorted({label for sid, info in known.items() for label in (info.get("short"), sid) if label})
    raise KyodoError(Msg("error.unknown-sector", (("value", word), ("hint", _hint(word, labels)))))


def _select(H: nx.Graph, G: nx.Graph, *, focus: str | None, depth: int, sectors: Iterable[str] | None) -> set:
    keep = set(H)
    if sectors:
        wanted = [_sector_filter(G, s) for s in dict.fromkeys(sectors)]
        keep = {n for n in H if H.nodes[n].get("kind", "actor") == "actor" and any(w(H.nodes[n]) for w in wanted)}
        keep |= {n for n in H if H.nodes[n].get("kind") == "project" and set(H[n]) & keep}
    if focus is not None:
        if focus not in H:
            by_name = [
                n
                for n, d in H.nodes(data=True)
                if focus in (d.get("name"), d.get("name_en"))
                and H.nodes[n].get("visibility") not in HIDDEN_VISIBILITIES
            ]
            hint = _hint(focus, sorted(str(n) for n in H), found=by_name[0] if by_name else None)
            year = G.graph.get("year")
            code = "error.unknown-focus-year" if year else "error.unknown-focus"
            raise KyodoError(Msg(code, (("value", focus), ("year", year or ""), ("hint", hint))))
        if focus not in keep:
            raise KyodoError(Msg("error.focus-outside-sectors", (("value", focus),)))
        keep = set(nx.ego_graph(H.subgraph(keep), focus, radius=depth))
    return keep


def _label(memo: dict | None, name: str, width: int) -> str:
    """:func:`~.labels.map_label`, remembered in ``memo``."""
    if memo is None:
        return map_label(name, width)
    key = ("label", name, width)
    if key not in memo:
        memo[key] = map_label(name, width)
    return memo[key]


def _pairs(H: nx.Graph) -> list[tuple]:
    """``H.edges(data=True)`` as a list, each tie ``(u, v, data)`` the way round ``H.edges()`` gives it (read from
    the adjacency at once: networkx's edge view takes three times longer)."""
    out, seen = [], set()
    for u, nbrs in H.adjacency():
        out += [(u, v, e) for v, e in nbrs.items() if v not in seen]
        seen.add(u)
    return out


def _ordered_ties(D: nx.Graph, memo: dict | None = None) -> list[tuple[Hashable, list, Mapping]]:
    """``D``'s ties in the order of ``sorted(D.edges(), key=lambda e: (str(e[0]), str(e[1])))``, each the way round
    ``D.edges()`` gives it, as ``(u, [v, …], u's adjacency)``: node by node in the order of their ids, then each
    node's partners in that order (small sorts of nodes instead of one of pairs of strings).

    ``memo`` keeps each node's list of partners from the last call: it stays while the node has the same partners
    and the nodes before it the same places (a network grown by an edit adds its new actors last)."""
    adj = dict(D.adjacency())
    ids = {n: str(n) for n in adj}
    if len(set(ids.values())) < len(ids):  # two nodes written alike: the pairs themselves sorted
        return [(u, [v], adj[u]) for u, v, _ in sorted(_pairs(D), key=lambda e: (str(e[0]), str(e[1])))]
    order = sorted(adj, key=ids.__getitem__)
    place = {n: i for i, n in enumerate(order)}
    rank = {n: i for i, n in enumerate(adj)}  # a tie goes from the node D.edges() comes to first
    nodes = tuple(adj)
    kept = memo.get(("ties",)) if memo is not None else None
    if kept is None or nodes[: len(kept[0])] != kept[0]:
        kept = (nodes, {})
    if memo is not None:
        memo[("ties",)] = (nodes, kept[1])
    partners = kept[1]  # node → (its partners, those D.edges() gives from it, in order)
    out = []
    for u in order:
        nbrs = adj[u]
        here, got = tuple(nbrs), partners.get(u)
        if got is None or got[0] != here:
            ru = rank[u]
            got = partners[u] = (here, sorted((v for v in here if rank[v] >= ru), key=place.__getitem__))
        if got[1]:
            out.append((u, got[1], nbrs))
    return out


#: What :func:`_edge` reads of a tie's attributes (besides its ends' names).
_EDGE_KEYS = ("relations", "projects", "weight", "inferred", "types")
_edge_fields = itemgetter(*_EDGE_KEYS)


def _edges_remembered(memo: dict | None, D: nx.Graph, ties: list[tuple], attrs: dict, lang: str) -> list[dict]:
    """:func:`_edge` of each tie of ``ties`` (:func:`_ordered_ties`) with ``shown`` None, remembered in ``memo``
    under what it reads: the edge's relations and projects (the lists the graph holds: a changed tie gets new
    ones, see :mod:`kyodo_network.serve._incremental`), its weight, inferred and types, the two actors' names,
    the language and the view. One entry a tie (and language, view and year): a tie whose entry no longer fits
    is written again."""
    if memo is None:
        return [{**_edge(D, u, v, lang), "shown": None} for u, vs, _ in ties for v in vs]
    kept = memo.setdefault(("edges", lang, D.graph.get("view"), D.graph.get("year")), {})
    names = {n: (d.get("name"), d.get("name_en")) for n, d in attrs.items()}
    out = []
    for u, vs, nbrs in ties:
        mine, nu = kept.get(u), names[u]
        if mine is None:
            mine = kept[u] = {}
        for v in vs:
            e = nbrs[v]
            try:
                rels, projects, weight, inferred, types = _edge_fields(e)
            except KeyError:
                rels, projects, weight, inferred, types = map(e.get, _EDGE_KEYS)
            got = mine.get(v)
            if (
                got is None
                or got[0] is not rels  # the lists kept with it: their ids stay theirs
                or got[1] is not projects
                or got[2] != weight
                or got[3] != inferred
                or got[4] != (types or [])
                or got[5] != nu
                or got[6] != names[v]
            ):
                edge = {**_edge(D, u, v, lang), "shown": None}
                got = mine[v] = (rels, projects, weight, inferred, list(types or ()), nu, names[v], edge)
            out.append(got[7].copy())
    return out


def _shown() -> Callable[[Spans], list[list[int | None]]]:
    """:func:`_open`, written once for each distinct value in one model (the lists are shared, never changed)."""
    opened: dict = {}

    def shown(spans: Spans) -> list[list[int | None]]:
        got = opened.get(spans)
        if got is None:
            got = opened[spans] = _open(spans)
        return got

    return shown


def _edge(D: nx.Graph, u, v, lang: str) -> dict:
    e = D.edges[u, v]
    if D.graph.get("view") == "projects":
        kind = "participation"
        a, b = (u, v) if D.nodes[u].get("kind") != "project" else (v, u)
        role = text_in(lang, e.get("role"), e.get("role_en"))
        title = f"{node_name(D, a, lang)} — {node_name(D, b, lang)}" + (f"\n{role}" if role else "")
        types, arrows, inferred, width = ["participation"], "", False, EDGE_STYLES["participation"]["width"]
        spans = []
    else:
        types = list(e.get("types") or ["project"])
        kind = next(t for t in (*EDGE_PRIORITY, *types) if t in types)
        a, b = u, v
        dirs = {(r["from"], r["to"]) for r in e.get("relations", []) if r["type"] == kind and r["directed"]}
        arrows = ""
        if dirs:
            a, b = sorted(dirs, key=str)[0]
            arrows = "to, from" if len(dirs) > 1 else "to"
        lines = []
        for r in e.get("relations", []):
            arrow = "→" if r["directed"] else "—"
            extra = [f"{ui('strength', lang)} {r['weight']}"] + ([years(r)] if years(r) else [])
            lines.append(
                f"{node_name(D, r['from'], lang)} {arrow} {node_name(D, r['to'], lang)}: "
                f"{tie_text(D, r, lang)} ({', '.join(extra)})"
                + (f" {ui('inferred', lang)}" if r.get("inferred") else "")
            )
            if r.get("cite"):
                lines.append(f"  {ui('cite', lang)}: {r['cite']}")
        if e.get("projects"):
            lines.append(
                f"{ui('shared_projects', lang)}: " + "、".join(project_name(D, p, lang) for p in e["projects"])
            )
        title = "\n".join(lines)
        inferred = bool(e.get("inferred"))
        width = EDGE_STYLES[kind]["width"] * (0.7 + 0.15 * (e.get("weight") or 2)) if kind != "project" else 1.0
        projects = D.graph.get("projects", {})
        spans = [[r.get("since"), r.get("until")] for r in e.get("relations", [])]
        spans += [
            [projects[p].get("since"), projects[p].get("until")] for p in e.get("projects") or [] if p in projects
        ]
    style = EDGE_STYLES.get(kind, EDGE_STYLES["cooperation"])
    return {
        "id": f"{D.nodes[a]['_id']}|{D.nodes[b]['_id']}",
        "from": D.nodes[a]["_id"],
        "to": D.nodes[b]["_id"],
        "type": kind,
        "types": types,
        "colour": style["colour"],
        "width": round(width, 2),
        "dashes": list(style["dashes"]) if style["dashes"] else None,
        "arrows": arrows,
        "inferred": inferred,
        "title": title,
        "years": spans,
    }


def _meta(
    G: nx.Graph, H: nx.Graph, D: nx.Graph, lang: str, focus, depth: int, sectors, public: bool, n_edges: int, attrs
) -> dict:
    """The title, subtitle, source and counts (``attrs``: each node of ``D`` → its attributes)."""
    view = G.graph.get("view", "actors")
    name = text_in(lang, G.graph.get("name"), G.graph.get("name_en"))
    title = f"{name} — {ui('title_' + view, lang)}"
    undated = G.graph.get("undated") or {}
    actors = sum(1 for d in attrs.values() if d.get("kind", "actor") == "actor")
    if view == "actors":
        projects = len({p for d in attrs.values() for p in d.get("projects") or []})
    else:
        projects = D.number_of_nodes() - actors
    counts = {
        "year": G.graph.get("year"),
        "undated": sum(len(undated.get(k, [])) for k in ("actors", "relations", "projects")),
        "actors": actors,
        "projects": projects,
        "ties": n_edges,
    }
    sources, dates = [], []
    for s in G.graph.get("sources", []):
        t = text_in(lang, s.get("title"), s.get("title_en"))
        extra = ", ".join(x for x in (s.get("publisher"), s.get("date")) if x)
        sources.append(t + (f"（{extra}）" if extra else ""))
        if s.get("date"):
            dates.append(str(s["date"]))
    cites = [d.get("cite") for d in G.graph.get("districts", []) if d.get("cite")]
    source = "; ".join(dict.fromkeys(sources))
    if cites:
        source += (" " if source else "") + "／".join(cites)
    return {
        "title": title,
        "subtitle": _subtitle(H, lang, focus, depth, sectors, public, **counts),
        "source": source,
        "date": ", ".join(dict.fromkeys(dates)),
        "year": G.graph.get("year"),
        "view": view,
        "lang": lang,
        "public": public,
        "focus": focus if not public else None,
        "px_per_unit": PX_PER_UNIT,
        "districts": [d.get("id") for d in G.graph.get("districts", [])],
        "counts": {"nodes": D.number_of_nodes(), "edges": n_edges, "actors": actors},
    }


def _subtitle(
    H: nx.Graph, lang: str, focus, depth: int, sectors, public: bool, *, year, undated, actors, projects, ties
) -> str:
    """The line under the title: the year and what it assumed, the part drawn, handing out, the counts."""
    parts = []
    if year:
        parts.append(ui("as_of", lang, year=year))
        if undated:  # the year view says what it assumed (records with no year are drawn as present)
            parts.append(ui("undated.one" if undated == 1 else "undated.many", lang, n=undated, year=year))
    if focus is not None:
        parts.append(ui("focus", lang, name=node_name(H, focus, lang), depth=depth))
    if sectors:
        names = "、".join(sector_label(H, s, lang) for s in dict.fromkeys(sectors))
        parts.append(ui("sector_subset", lang, names=names))
    if public:
        parts.append(ui("public", lang))
    parts.append(ui("counts", lang, actors=actors, projects=projects, ties=ties))
    return " · ".join(parts)


# --------------------------------------------------------------------------- the year slider

#: The years a record stands in: spans ``(first, last)``, both inclusive, an open end unbounded; merged (sorted,
#: none overlapping or adjacent) except as :func:`_span` reads a record. Tuples, so that a value met again is
#: looked up (:func:`_standing`, :func:`_shown`, :func:`_per_year`).
Spans = tuple[tuple[float, float], ...]


def _slider_years(G: nx.Graph, H: nx.Graph, named: list) -> tuple[int, int] | None:
    """The first and last year any actor, relation or project of ``H`` names, or None for a year view or data
    naming fewer than two distinct years (no slider then). ``named``: every since and until of its records
    (:func:`_standing`), in any order."""
    if G.graph.get("year") is not None:
        return None
    try:
        distinct = set(named)
    except TypeError:  # a value that is no year, nor any other value that can be looked up
        distinct = {0.5}
    if all(y is None or type(y) is int for y in distinct):  # as data read from files writes years
        found = distinct - {None}
    else:  # a year written as True or 2005.0: which of two equal values a set keeps follows the order met
        records = [d for _, d in H.nodes(data=True)]
        records += [r for _, _, d in _pairs(H) for r in d.get("relations", [])]
        records += list(H.graph.get("projects", {}).values())
        found = {y for d in records for y in (d.get("since"), d.get("until")) if isinstance(y, int)}
    return (min(found), max(found)) if len(found) >= 2 else None


def _span(d) -> Spans:
    """The years a record names, since to until (both inclusive, an open end unbounded)."""
    since, until = d.get("since"), d.get("until")
    return ((since if isinstance(since, int) else -math.inf, until if isinstance(until, int) else math.inf),)


def _union(spans: Iterable[tuple[float, float]]) -> Spans:
    """Spans of whole years merged: overlapping or adjacent ones become one."""
    out: list = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def _meet(x: Spans, y: Spans) -> Spans:
    """The years in both ``x`` and ``y``."""
    if len(x) == 1 and len(y) == 1:  # the common case, as the general one below works it out
        (a, b), (c, d) = x[0], y[0]
        lo, hi = c if c > a else a, d if d < b else b  # max(a, c), min(b, d)
        return ((lo, hi),) if lo <= hi else ()
    return _union((max(a, c), min(b, d)) for a, b in x for c, d in y if max(a, c) <= min(b, d))


def _open(spans: Spans) -> list[list[int | None]]:
    """Spans as JSON: ``[first, last]``, None for an open end."""
    return [[None if math.isinf(a) else int(a), None if math.isinf(b) else int(b)] for a, b in spans]


def _per_year(group: list[Spans], first: int, last: int) -> tuple[list[int], list[int], list[int]]:
    """For each year from ``first`` to ``last``: how many of ``group`` stand, begin (stand, but not the year
    before) and end (stand, but not the year after). Spans are merged, so a span's ends are such years. Each
    distinct span is counted once, with its number of copies."""
    n = last - first + 1
    diff, begin, end = [0] * (n + 1), [0] * n, [0] * n
    for (a, b), k in Counter(chain.from_iterable(group)).items():
        lo, hi = max(a, first), min(b, last)
        if lo > hi:
            continue
        diff[int(lo) - first] += k
        diff[int(hi) - first + 1] -= k
        if a >= first:
            begin[int(a) - first] += k
        if b <= last:
            end[int(b) - first] += k
    stand, running = [], 0
    for d in diff[:n]:
        running += d
        stand.append(running)
    return stand, begin, end


def _standing(H: nx.Graph, memo: dict | None = None) -> tuple[dict, dict, dict, list, list]:
    """When each node, edge (``u`` → ``v`` → its spans, the way round ``H.edges()`` gives it: see
    :func:`_between`) and project of ``H`` stands, as a year view keeps it; for each relation with no year, when
    both its actors stand; and every since and until of the records of ``H`` (for :func:`_slider_years`).

    ``memo`` keeps what the relations of each tie with no shared project say of its years
    (:func:`_relation_years`), by its list of relations as the graph holds it (a changed tie gets a new one)."""
    own = {d.get("id") for d in H.graph.get("districts", [])}
    known = H.graph.get("projects", {})
    projects = {p: _span(d) for p, d in known.items()}
    named = [y for d in known.values() for y in (d.get("since"), d.get("until"))]
    members: dict = {p: [] for p in projects}
    node: dict = {}
    for n, d in H.nodes(data=True):
        since, until = d.get("since"), d.get("until")
        named += (since, until)
        if d.get("kind", "actor") != "actor":
            continue
        joined = [p for p in d.get("projects") or [] if p in projects]
        for p in joined:
            members[p].append(n)
        node[n] = ((since if isinstance(since, int) else -math.inf, until if isinstance(until, int) else math.inf),)
        if d.get("district") not in own:  # an included actor stands while a record naming it does
            spans = [s for p in joined for s in projects[p]]
            spans += [s for m in H[n] for r in H.edges[n, m].get("relations", []) for s in _span(r)]
            node[n] = _meet(node[n], _union(spans))
    held = {p: _meet(projects[p], _union(s for n in members[p] for s in node[n])) for p in projects}
    for n, d in H.nodes(data=True):
        if n not in node:
            node[n] = _meet(_span(d), _union(s for m in H[n] for s in node.get(m, [])))
    # The same value, one object: the meets of two ends are remembered by the values met.
    one: dict = {}
    node = {n: one.setdefault(s, s) for n, s in node.items()}
    met: dict = {}
    edge: dict = {}
    bare: list = []
    relations = H.graph.get("view") != "projects"
    kept = memo.setdefault(("relation years",), {}) if memo is not None else None
    seen: set = set()
    for u, nbrs in H.adjacency():  # as H.edges(data=True), without its view
        x = node[u]
        row, mine = met.setdefault(x, {}), {}
        edge[u] = mine
        known = kept.setdefault(u, {}) if kept is not None else None
        for v, d in nbrs.items():
            if v in seen:
                continue
            ends = row.get(y := node[v])
            if ends is None:
                ends = row[y] = _meet(x, y)
            rels = d.get("relations", ())
            shared = d.get("projects")
            if known is not None and not shared:  # as below, from what the memo keeps of the relations
                got = known.get(v)
                if got is None or got[0] is not rels:
                    got = known[v] = (rels, *_relation_years(rels))
                if got[1]:
                    bare += [ends] * got[1]
                named += got[2]
                if relations and got[3] is not None:
                    ends = _meet(ends, got[3])
            elif len(rels) == 1 and not shared:  # the common case, as the general one below works it out
                r = rels[0]
                since, until = r.get("since"), r.get("until")
                if since is None and until is None:  # it stands in every year: ends it is (graph._undated)
                    bare.append(ends)
                else:
                    named += (since, until)
                    if relations:
                        ends = _meet(ends, _span(r))
            else:
                for r in rels:
                    since, until = r.get("since"), r.get("until")
                    if since is None and until is None:  # stands while both its actors do (graph._undated)
                        bare.append(ends)
                    else:
                        named += (since, until)
                if relations:
                    records = [s for r in rels for s in _span(r)]
                    records += [s for p in shared or [] for s in projects.get(p, [])]
                    ends = _meet(ends, _union(records))
            mine[v] = ends
        seen.add(u)
    return node, edge, held, bare, named


def _relation_years(rels: list) -> tuple[int, tuple, Spans | None]:
    """What a tie's relations say of its years: how many have none, the since and until of the others, and the
    spans they stand in together (None: every year, so the tie stands while both its actors do)."""
    dated = [r for r in rels if r.get("since") is not None or r.get("until") is not None]
    years = tuple(y for r in dated for y in (r.get("since"), r.get("until")))
    return len(rels) - len(dated), years, _union(s for r in rels for s in _span(r)) if dated or not rels else None


def _between(edge: dict, u: Hashable, v: Hashable) -> Spans:
    """The spans of the tie of ``u`` and ``v`` in ``edge`` (:func:`_standing`), either way round."""
    spans = edge[u].get(v)
    return edge[v][u] if spans is None else spans


def _year_steps(
    G: nx.Graph, H: nx.Graph, D: nx.Graph, first_last, stands, lang: str, focus, depth, sectors, public
) -> dict:
    """The slider's years: for each, what stands on the map drawn (``D``), what is new and what ends there."""
    node, edge, held, bare_ties, _ = stands
    first, last = first_last
    attrs = dict(D.nodes(data=True))
    actors = [node[n] for n, d in attrs.items() if d.get("kind", "actor") == "actor"]
    if D is H:
        ties = [s for row in edge.values() for s in row.values()]
    else:
        ties = [_between(edge, u, v) for u, v, _ in _pairs(D)]
    if G.graph.get("view") == "projects":
        projects = [node[n] for n, d in attrs.items() if d.get("kind") == "project"]
    else:
        members: dict = {}  # each project of an actor drawn → its participants drawn
        for n, d in attrs.items():
            for p in d.get("projects") or []:
                members.setdefault(p, []).append(n)
        known = H.graph.get("projects", {})
        projects = [
            _meet(_span(known[p]), _union(s for n in ns for s in node[n])) for p, ns in members.items() if p in known
        ]
    # the records a view of one year assumes present (graph._undated): over the whole network, as the subtitle of
    # `kyodo map --year` counts them
    bare = [node[n] for n, d in H.nodes(data=True) if d.get("kind", "actor") == "actor" and _undated(d)]
    bare += bare_ties
    bare += [held[p] for p, d in H.graph.get("projects", {}).items() if _undated(d)]

    stand, begin, end = {}, {}, {}
    for key, group in (("actors", actors), ("projects", projects), ("ties", ties), ("undated", bare)):
        stand[key], begin[key], end[key] = _per_year(group, first, last)
    steps = []
    for i, y in enumerate(range(first, last + 1)):
        c = {k: stand[k][i] for k in ("actors", "projects", "ties", "undated")}
        c |= {"new_actors": begin["actors"][i], "new_ties": begin["ties"][i]}
        c |= {"ended_actors": end["actors"][i], "ended_ties": end["ties"][i]}
        new = c["new_actors"] or c["new_ties"]
        ended = c["ended_actors"] or c["ended_ties"]
        steps.append(
            {
                "year": y,
                "label": ui("as_of", lang, year=y),
                "subtitle": _subtitle(
                    H,
                    lang,
                    focus,
                    depth,
                    sectors,
                    public,
                    year=y,
                    undated=c["undated"],
                    actors=c["actors"],
                    projects=c["projects"],
                    ties=c["ties"],
                ),
                **c,
                "counts": ui("year_counts", lang, actors=c["actors"], ties=c["ties"]),
                "new": ui("year_new", lang, actors=c["new_actors"], ties=c["new_ties"]) if new else "",
                "ended": ui("year_ended", lang, actors=c["ended_actors"], ties=c["ended_ties"]) if ended else "",
            }
        )
    marks = [{"mark": m, "label": ui(f"year_{m}_mark", lang)} for m in ("new", "ended")]
    return {"first": first, "last": last, "marks": marks, "steps": steps}


def _undated(d) -> bool:
    return d.get("since") is None and d.get("until") is None


def _legend(H: nx.Graph, nodes: list, edges: list, lang: str, view: str) -> dict:
    words = _categories(nodes)
    sectors = []
    for s, info in H.graph.get("sectors", {}).items():
        if s in words:
            sectors.append(
                {
                    "id": s,
                    "label": sector_with_categories(H, s, words[s], lang),
                    "colour": info.get("colour", "#999999"),
                    "categories": words[s],
                }
            )
    kinds_present = {e["type"] for e in edges}
    order = (*EDGE_PRIORITY, "participation")
    legend_edges = []
    for t in sorted(kinds_present, key=lambda t: order.index(t) if t in order else len(order)):
        st = EDGE_STYLES.get(t, EDGE_STYLES["cooperation"])
        label = (
            ui("project_tie", lang)
            if t == "project"
            else ui("participation", lang)
            if t == "participation"
            else relation_label(H, t, lang)
        )
        directed = bool(H.graph.get("relation_types", {}).get(t, {}).get("directed"))
        legend_edges.append(
            {
                "type": t,
                "label": label + (" →" if directed else ""),
                "colour": st["colour"],
                "dashes": list(st["dashes"]) if st["dashes"] else None,
                "width": st["width"],
                "directed": directed,
            }
        )
    kinds = []
    if view == "projects":
        kinds = [
            {"kind": "actor", "shape": "dot", "label": ui("actor", lang)},
            {"kind": "project", "shape": "square", "label": ui("project", lang), "colour": "#ffd92f"},
        ]
    return {"sectors": sectors, "edges": legend_edges, "marks": _legend_marks(nodes, edges, lang), "kinds": kinds}


def _legend_marks(nodes: list, edges: list, lang: str) -> list[dict]:
    """The legend's lines for the marks drawn: ★, the ring, inferred ties."""
    marks = []
    if any(map(_coordinator, nodes)):
        marks.append({"mark": "coordinator", "label": _glossed(lang, lambda x: _mark_label("coordinator", x))})
    if any(map(_articulation, nodes)):
        marks.append({"mark": "articulation", "label": _glossed(lang, lambda x: _mark_label("articulation", x))})
    if any(map(_inferred, edges)):
        marks.append({"mark": "inferred", "label": ui("inferred_line", lang)})
    return marks


_coordinator, _articulation, _inferred = (
    itemgetter("coordinator"),
    itemgetter("articulation"),
    methodcaller("get", "inferred"),
)


def _categories(nodes: list) -> dict[str, list[str]]:
    """Each sector drawn → the category words drawn under it, the most frequent first (then as written, for a
    fixed order)."""
    counts: dict = {}
    for n in nodes:
        if n["sector"]:
            c = counts.get(n["sector"])
            if c is None:
                c = counts[n["sector"]] = {}
            if n.get("category"):
                c[n["category"]] = c.get(n["category"], 0) + 1
    return {s: [w for w, _ in sorted(c.items(), key=lambda wc: (-wc[1], wc[0]))] for s, c in counts.items()}


def _hint(value: str, choices: list[str], found: str | None = None) -> Msg | str:
    """A did-you-mean phrase for ``value`` (rendered in the reader's language), or nothing."""
    choice = found or did_you_mean(value, choices)
    return Msg("error.did_you_mean", (("choice", choice),)) if choice else ""
