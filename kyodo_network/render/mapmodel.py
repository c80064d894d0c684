"""A graph → a plain map model: what a map shows, decided once for the HTML and the printable renderers.

:func:`map_model` chooses the nodes (focus, sector subset), their labels, colours, sizes and marks, the style of
every tie, the legends, the title and the source line, and the text of every tooltip and details panel. Its
result holds only strings, numbers, booleans, lists and dicts: renderers turn it into pictures and must treat
every string as text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

import networkx as nx

from ..errors import KyodoError, Msg
from ..privacy import HIDDEN_VISIBILITIES
from .layout import SEED, layout_positions
from ..lang import short_names
from .style import EDGE_PRIORITY, EDGE_STYLES, LANGS, PX_PER_UNIT, label_box, text_in, ui
from .labels import details, map_label, node_name, project_name, relation_label, sector_label, tie_text, tooltip, years
from ..lang import did_you_mean, sector_with_categories, text

__all__ = ["map_model"]


def map_model(
    G: nx.Graph,
    *,
    lang: str = "ja",
    focus: str | None = None,
    depth: int = 1,
    sectors: Iterable[str] | None = None,
    seed: int = SEED,
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

    Returns
    -------
    dict
        ``meta`` (title, subtitle, source, date, counts, …), ``ui`` (interface wording in ``lang``), ``nodes``
        (``id``, ``kind``, ``label``, ``search``, ``colour``, ``size``, ``shape``, ``x``, ``y``, ``sector``,
        ``category`` (the actor's own word, or None), ``coordinator``, ``articulation``, ``score``, ``title``,
        ``details`` as ``[heading, text]`` pairs),
        ``edges`` (``id``, ``from``, ``to``, ``type``, ``types``, ``colour``, ``width``, ``dashes``,
        ``arrows``, ``inferred``, ``title``) and ``legend`` (``sectors``: each with its ``label``, which lists the
        category words drawn under it, 「自治会町内会・地縁団体：老人クラブ、子ども会」, and those ``categories``;
        ``edges``, ``marks``, ``kinds``).

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
        scores = {r["id"]: r for r in bridging_scores(H)}
        marked = coordinator_ids(H)
        art = {n for n, r in scores.items() if r["articulation"]}
    else:
        scores, marked = {}, set()
        art = set(nx.articulation_points(H))
    top_degree = max((d for _, d in H.degree()), default=0) or 1

    D = H.subgraph(keep)
    looks = {}
    # Two actors that differ only in their parenthesis keep it (the one short-name rule, lang.short_names).
    shorts = short_names(D.nodes[n]["name"] for n in D)
    shorts_en = short_names(D.nodes[n].get("name_en") or D.nodes[n]["name"] for n in D)
    for n in D:
        d, r = D.nodes[n], scores.get(n)
        ja, en = shorts[d["name"]], shorts_en[d.get("name_en") or d["name"]]
        size = 10 + 26 * r["score"] if r else 10 + 20 * H.degree(n) / top_degree
        looks[n] = (text_in(lang, map_label(ja, 24), map_label(en, 26), sep="\n"), round(size, 2))
    pos = layout_positions(D, seed=seed, boxes={n: label_box(*looks[n]) for n in D})
    nodes = []
    for n in sorted(D, key=str):
        d, r = D.nodes[n], scores.get(n)
        project = d.get("kind") == "project"
        nodes.append(
            {
                "id": d["_id"],
                "kind": d.get("kind", "actor"),
                "label": looks[n][0],
                "name": text_in(lang, d["name"], d.get("name_en")),
                "search": unicodedata.normalize(
                    "NFKC", " ".join(dict.fromkeys([d["name"], d.get("name_en") or ""]))
                ).lower(),
                "colour": "#ffd92f" if project else d.get("colour", "#999999"),
                "sector": None if project else d.get("sector"),
                "category": None if project else d.get("category"),
                "size": looks[n][1],
                "shape": "square" if project else "star" if n in marked else "dot",
                "coordinator": n in marked,
                "articulation": n in art,
                "score": r["score"] if r else None,
                "x": pos[n][0],
                "y": pos[n][1],
                "title": tooltip(H, n, r, n in marked, n in art, lang),
                "details": details(H, n, r, lang, public),
            }
        )
    edges = [_edge(D, u, v, lang) for u, v in sorted(D.edges(), key=lambda e: (str(e[0]), str(e[1])))]
    model = {
        "meta": _meta(G, H, D, lang, focus, depth, sectors, public, len(edges)),
        "ui": {
            k: ui(k, lang)
            for k in (
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
    }
    model["ui"]["matches"] = ui("matches", lang, n="{n}")
    model["ui"]["size_note"] = _glossed(lang, _size_note) if view == "actors" else ui("size_note_projects", lang)
    return model


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
    """A copy of ``G`` whose nodes carry their display id ``_id``."""
    H = G.copy()  # new attribute dicts; list values stay shared and are never changed here
    for n, d in H.nodes(data=True):
        d["_id"] = str(n)
    return H


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


def _edge(D: nx.Graph, u, v, lang: str) -> dict:
    e = D.edges[u, v]
    if D.graph.get("view") == "projects":
        kind = "participation"
        a, b = (u, v) if D.nodes[u].get("kind") != "project" else (v, u)
        role = text_in(lang, e.get("role"), e.get("role_en"))
        title = f"{node_name(D, a, lang)} — {node_name(D, b, lang)}" + (f"\n{role}" if role else "")
        types, arrows, inferred, width = ["participation"], "", False, EDGE_STYLES["participation"]["width"]
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
    }


def _meta(
    G: nx.Graph, H: nx.Graph, D: nx.Graph, lang: str, focus, depth: int, sectors, public: bool, n_edges: int
) -> dict:
    view = G.graph.get("view", "actors")
    name = text_in(lang, G.graph.get("name"), G.graph.get("name_en"))
    title = f"{name} — {ui('title_' + view, lang)}"
    parts = []
    if G.graph.get("year"):
        parts.append(ui("as_of", lang, year=G.graph["year"]))
        undated = G.graph.get("undated") or {}
        n = sum(len(undated.get(k, [])) for k in ("actors", "relations", "projects"))
        if n:  # the year view says what it assumed (records with no year are drawn as present)
            parts.append(ui("undated.one" if n == 1 else "undated.many", lang, n=n, year=G.graph["year"]))
    if focus is not None:
        parts.append(ui("focus", lang, name=node_name(H, focus, lang), depth=depth))
    if sectors:
        names = "、".join(sector_label(H, s, lang) for s in dict.fromkeys(sectors))
        parts.append(ui("sector_subset", lang, names=names))
    if public:
        parts.append(ui("public", lang))
    actors = sum(1 for n in D if D.nodes[n].get("kind", "actor") == "actor")
    if view == "actors":
        projects = len({p for n in D for p in D.nodes[n].get("projects") or []})
    else:
        projects = D.number_of_nodes() - actors
    parts.append(ui("counts", lang, actors=actors, projects=projects, ties=n_edges))
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
        "subtitle": " · ".join(parts),
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


def _legend(H: nx.Graph, nodes: list, edges: list, lang: str, view: str) -> dict:
    present = {n["sector"] for n in nodes if n["sector"]}
    sectors = []
    for s, info in H.graph.get("sectors", {}).items():
        if s in present:
            words = _categories(nodes, s)
            sectors.append(
                {
                    "id": s,
                    "label": sector_with_categories(H, s, words, lang),
                    "colour": info.get("colour", "#999999"),
                    "categories": words,
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
    marks = []
    if any(n["coordinator"] for n in nodes):
        marks.append({"mark": "coordinator", "label": _glossed(lang, lambda x: _mark_label("coordinator", x))})
    if any(n["articulation"] for n in nodes):
        marks.append({"mark": "articulation", "label": _glossed(lang, lambda x: _mark_label("articulation", x))})
    if any(e.get("inferred") for e in edges):
        marks.append({"mark": "inferred", "label": ui("inferred_line", lang)})
    kinds = []
    if view == "projects":
        kinds = [
            {"kind": "actor", "shape": "dot", "label": ui("actor", lang)},
            {"kind": "project", "shape": "square", "label": ui("project", lang), "colour": "#ffd92f"},
        ]
    return {"sectors": sectors, "edges": legend_edges, "marks": marks, "kinds": kinds}


def _categories(nodes: list, sector: str) -> list[str]:
    """The category words drawn under ``sector``, the most frequent first (then as written, for a fixed order)."""
    counts = Counter(n["category"] for n in nodes if n["sector"] == sector and n.get("category"))
    return [w for w, _ in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))]


def _hint(value: str, choices: list[str], found: str | None = None) -> Msg | str:
    """A did-you-mean phrase for ``value`` (rendered in the reader's language), or nothing."""
    choice = found or did_you_mean(value, choices)
    return Msg("error.did_you_mean", (("choice", choice),)) if choice else ""
