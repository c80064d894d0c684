"""The map model as it stood before the speed-up of issue 22 (commit 91abd68: kyodo_network/render/mapmodel.py,
kyodo_network/render/labels.py and the naming functions of kyodo_network/lang.py, copied unchanged but for their
imports), kept as the reference the fast functions are compared with (tests/test_map_model_speedup.py). Not used
by the library.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

from kyodo_network.errors import KyodoError, Msg
from kyodo_network.lang import CATEGORIES_SHOWN, did_you_mean, env_lang, short_names, text
from kyodo_network.privacy import HIDDEN_VISIBILITIES
from kyodo_network.render.layout import SEED, layout_positions
from kyodo_network.render.style import (
    EDGE_PRIORITY,
    EDGE_STYLES,
    LANGS,
    PX_PER_UNIT,
    label_box,
    text_in,
    ui,
    wrap_label,
)

__all__ = ["map_model", "node_texts", "restyle", "with_slider"]

# --------------------------------------------------------------------------- kyodo_network/lang.py (the words)


def _lang_pick(record: object, field: str, lang: str | None = None) -> str:
    """The ``field`` of ``record`` in ``lang``: ``<field>_en`` in English, falling back to the Japanese ``field``.

    ``record`` is a mapping (a node's attributes, a JSON row) or an object with attributes (a model record).
    With ``lang="both"`` (maps only) the result is 「日本語 / English」, one of them when they are equal.

    >>> _lang_pick({"name": "新羽地区", "name_en": "Nippa"}, "name", "en"), _lang_pick({"name": "新羽地区"}, "name", "en")
    ('Nippa', '新羽地区')
    >>> _lang_pick({"name": "協議会", "name_en": "Council"}, "name", "both")
    '協議会 / Council'
    """

    def get(key: str) -> str:
        value = record.get(key) if isinstance(record, Mapping) else getattr(record, key, None)
        return "" if value is None else str(value)

    ja, en = get(field), get(f"{field}_en")
    if lang == "both":
        ja, en = ja or en, en or ja
        return ja if ja == en else f"{ja} / {en}"
    if env_lang(lang) == "en":
        return en or ja
    return ja or en


def _vocabulary(G_or_table: object, key: str) -> Mapping:
    graph = getattr(G_or_table, "graph", None)
    table = graph.get(key, {}) if isinstance(graph, Mapping) else G_or_table
    return table if isinstance(table, Mapping) else {}


def _lang_sector_label(G: object, sid: str | None, lang: str | None = None, *, full: bool = False) -> str:
    """The label of sector ``sid``, from ``G.graph["sectors"]`` (or a mapping id → labels); the id when unknown.

    Which label goes where, decided once:

    - the **short** label (「支援機関」, "Support body", ``full=False``) wherever a sector is named in passing:
      table cells, CSV cells, the analyses' sentences (bridges, suggest, whatif) and charts;
    - the **full** name (「社会福祉協議会・地域ケアプラザ・市民活動支援センター」, ``full=True``) where a reader
      learns what the sector covers: everything on a map (legend, tooltip, details panel) and ``kyodo info``'s
      count of actors by sector.

    >>> S = {"support": {"name": "社会福祉協議会・地域ケアプラザ", "name_en": "Support bodies",
    ...                  "short": "支援機関", "short_en": "Support body"}}
    >>> _lang_sector_label(S, "support", "ja"), _lang_sector_label(S, "support", "en", full=True), _lang_sector_label(S, "x", "ja")
    ('支援機関', 'Support bodies', 'x')
    """
    info = _vocabulary(G, "sectors").get(sid)
    if not info:
        return str(sid)
    if full:
        return _lang_pick(info, "name", lang) or str(sid)
    short = _lang_pick(info, "short", lang)
    return short or _lang_pick(info, "name", lang) or str(sid)


def _lang_relation_label(G: object, tid: str, lang: str | None = None) -> str:
    """The label of relation type ``tid`` (「協働協定」, "Collaboration agreement"); the id when unknown.

    Relation types have one label, used everywhere.

    >>> _lang_relation_label({"agreement": {"name": "協働協定", "name_en": "Collaboration agreement"}}, "agreement", "ja")
    '協働協定'
    """
    info = _vocabulary(G, "relation_types").get(tid)
    return (_lang_pick(info, "name", lang) if info else "") or str(tid)


def _beside(word: str, broad: str, lang: str | None) -> str:
    """「word（broad）」 in Japanese (and on two-language maps), "word (broad)" in English."""
    return text(
        "lang.beside",
        "en" if lang == "en" or (lang not in ("ja", "both") and env_lang(lang) == "en") else "ja",
        word=word,
        broad=broad,
    )


def _lang_category_label(
    G: object, d: Mapping, lang: str | None = None, *, full: bool = False, beside: bool | None = None
) -> str:
    """How an actor's kind is named: its own ``category`` word as written (老人クラブ), else its sector's label.

    ``d`` is the actor's node attributes (``category`` and ``sector``, :mod:`kyodo_network.graph`); ``G`` a graph
    or a mapping of sector id → labels, as for :func:`sector_label`. The one rule
    for naming an actor's kind, decided once:

    - ``full=False`` (table cells where the sector has a column of its own): the word alone, 「老人クラブ」;
    - ``full=True`` (where the sector is named in full: the map's tooltip and details panel): the word with its
      broad sector beside it, 「老人クラブ（自治会町内会・地縁団体）」, Japanese brackets also on a
      two-language map;
    - ``beside=True`` with ``full=False``: the word with the sector's short label, 「老人クラブ（自治会町内会）」.

    An actor with no category word is named by :func:`sector_label` (short or full). The word itself is never
    translated: it is what the coordinator wrote.

    >>> S = {"neighbourhood": {"name": "自治会町内会・地縁団体", "name_en": "Neighbourhood associations",
    ...                        "short": "自治会町内会", "short_en": "Neighbourhood"}}
    >>> d = {"sector": "neighbourhood", "category": "老人クラブ"}
    >>> _lang_category_label(S, d, "ja"), _lang_category_label(S, d, "ja", full=True), _lang_category_label(S, d, "en", beside=True)
    ('老人クラブ', '老人クラブ（自治会町内会・地縁団体）', '老人クラブ (Neighbourhood)')
    >>> _lang_category_label(S, {"sector": "neighbourhood", "category": None}, "ja", full=True)
    '自治会町内会・地縁団体'
    """
    sid = d.get("sector")
    broad = _lang_sector_label(G, sid, lang, full=full)
    word = d.get("category")
    if not word or str(word) == broad:
        return broad
    if full if beside is None else beside:
        return _beside(str(word), broad, lang)
    return str(word)


def _lang_tie_label(G: object, rel: Mapping, lang: str | None = None, *, full: bool = False) -> str:
    """How a relation is named: its own ``label`` word as written (寄付, 見守り協定), else its type's label;
    with ``full=True`` the type beside the word, 「寄付（支援）」.

    >>> T = {"support": {"name": "支援", "name_en": "Support"}}
    >>> _lang_tie_label(T, {"type": "support", "label": "寄付"}, "ja"), _lang_tie_label(T, {"type": "support", "label": "寄付"}, "en", full=True)
    ('寄付', '寄付 (Support)')
    >>> _lang_tie_label(T, {"type": "support"}, "ja", full=True)
    '支援'
    """
    broad = _lang_relation_label(G, rel.get("type", ""), lang)
    word = rel.get("label")
    if not word or str(word) == broad:
        return broad
    return _beside(str(word), broad, lang) if full else str(word)


def sector_with_categories(
    G: object,
    sid: str | None,
    categories: Iterable[str],
    lang: str | None = None,
    *,
    full: bool = True,
    limit: int = CATEGORIES_SHOWN,
    label: str | None = None,
) -> str:
    """A legend entry: the sector's label and the category words present under it, at most ``limit`` of them
    and then 「…」: 「自治会町内会・地縁団体：老人クラブ、子ども会」. Without categories, the label alone.
    ``label`` replaces the sector's label (to add its id, say).

    >>> S = {"neighbourhood": {"name": "自治会町内会・地縁団体", "name_en": "Neighbourhood associations"}}
    >>> sector_with_categories(S, "neighbourhood", ["老人クラブ", "子ども会"], "ja")
    '自治会町内会・地縁団体：老人クラブ、子ども会'
    >>> sector_with_categories(S, "neighbourhood", "ABCDEFG", "en", limit=3)
    'Neighbourhood associations: A, B, C, …'
    >>> sector_with_categories(S, "neighbourhood", [], "ja")
    '自治会町内会・地縁団体'
    """
    own = _lang_sector_label(G, sid, lang, full=full)
    return label_with_words(label or own, [w for w in categories if w and str(w) != own], lang, limit=limit)


def label_with_words(
    label: str, words: Iterable[str], lang: str | None = None, *, limit: int = CATEGORIES_SHOWN
) -> str:
    """``label`` followed by the words as written, at most ``limit`` of them and then 「…」 (the legend's and
    ``kyodo info``'s form: 「支援：寄付、協賛」); the label alone without words.

    >>> label_with_words("Support", ["寄付", "協賛"], "en"), label_with_words("支援", [], "ja")
    ('Support: 寄付, 協賛', '支援')
    """
    shown = [str(w) for w in dict.fromkeys(words) if w]
    if not shown:
        return label
    en = lang == "en" or (lang not in ("ja", "both") and env_lang(lang) == "en")
    code_lang = "en" if en else "ja"
    if len(shown) > limit:
        shown = shown[:limit] + [text("lang.more", code_lang)]
    return text(
        "lang.sector_categories", code_lang, sector=label, categories=text("cli.list_sep", code_lang).join(shown)
    )


_pick, _relation_label, _sector_label = _lang_pick, _lang_relation_label, _lang_sector_label
category_label, tie_label = _lang_category_label, _lang_tie_label


# --------------------------------------------------------------------------- kyodo_network/render/labels.py

#: The most characters of a text a label on a map shows; the rest is cut off (the whole text stays in the
#: tooltip and the details panel). A name of 20,000 characters is a mistake in the data, not a label to draw.
LABEL_MAX = 200


def cut_label(text: str, limit: int = LABEL_MAX) -> str:
    """``text`` cut to at most ``limit`` characters, ending in 「…」 when cut.

    >>> cut_label("港南台プレイパーク"), cut_label("x" * 300)[-3:], len(cut_label("x" * 300))
    ('港南台プレイパーク', 'xx…', 200)
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def map_label(text: str, width: int = 24) -> str:
    """A node's label: ``text`` cut at :data:`LABEL_MAX` characters (:func:`cut_label`), then broken into lines of
    at most ``width`` columns (:func:`~kyodo_network.render.style.wrap_label`). Cutting first bounds the work and
    the label's box, however long the name in the data.

    >>> map_label("港南台生き生きプレイパーク運営委員会", 16)
    '港南台生き生き\\nプレイパーク\\n運営委員会'
    >>> map_label("x" * 20000).count("\\n") < 10
    True
    """
    return wrap_label(cut_label(text), width)


def node_name(H: nx.Graph, n, lang: str) -> str:
    """The node's name in ``lang``."""
    return _pick(H.nodes[n], "name", lang)


def project_name(H: nx.Graph, pid: str, lang: str) -> str:
    """A project's name in ``lang`` (its id if the graph does not know it)."""
    p = H.graph.get("projects", {}).get(pid)
    return _pick(p, "name", lang) if p else pid


def relation_label(H: nx.Graph, t: str, lang: str) -> str:
    """The label of relation type ``t`` (「協働協定」): :func:`kyodo_network.lang.relation_label`."""
    return _relation_label(H, t, lang)


def sector_label(H: nx.Graph, sid: str | None, lang: str) -> str:
    """The full name of sector ``sid``, as every part of a map shows it (see :func:`kyodo_network.lang.sector_label`)."""
    return _sector_label(H, sid, lang, full=True)


def kind_label(H: nx.Graph, d: dict, lang: str) -> str:
    """What an actor is, as every part of a map names it: its own category word with the full sector beside it
    (「老人クラブ（自治会町内会・地縁団体）」), or the sector's full name (:func:`kyodo_network.lang.category_label`)."""
    return category_label(H, d, lang, full=True)


def tie_text(H: nx.Graph, rel: dict, lang: str) -> str:
    """A relation as a map names it: its own word with the type beside it (「寄付（支援）」), or the type's label
    (:func:`kyodo_network.lang.tie_label`)."""
    return tie_label(H, rel, lang, full=True)


def years(d: dict) -> str:
    """``since–until`` of a record, or an empty string.

    >>> years({"since": 2006, "until": None}), years({})
    ('2006–', '')
    """
    if d.get("since") is None and d.get("until") is None:
        return ""
    return f"{d.get('since') or ''}–{d.get('until') or ''}"


def _score(r: dict, lang: str) -> str:
    """The bridging score and betweenness of row ``r``; where betweenness is estimated, what the estimate
    guarantees (:func:`~kyodo_network.analysis.centrality.estimate_method`)."""
    if not r.get("betweenness_estimated"):
        return ui("score", lang, score=r["score"], betweenness=r["betweenness"])
    from kyodo_network.analysis.centrality import estimate_method

    how = estimate_method()
    if how["method"] == "sources":
        return ui("score_estimated_sources", lang, score=r["score"], betweenness=r["betweenness"])
    return ui(
        "score_estimated",
        lang,
        score=r["score"],
        betweenness=r["betweenness"],
        epsilon=f"{how['epsilon']:g}",
        confidence=f"{100 * (1 - how['delta']):g}",
    )


def tooltip(H: nx.Graph, n, r: dict | None, coordinator: bool, art: bool, lang: str) -> str:
    """The hover text of node ``n``: name, sector, score, marks and the bridging explanation (``r``)."""
    d = H.nodes[n]
    lines = [node_name(H, n, lang)]
    if d.get("kind") == "project":
        lines.append(ui("project", lang))
    else:
        lines.append(kind_label(H, d, lang))
    if r:
        lines.append(_score(r, lang))
    if coordinator:
        lines.append(ui("coordinator", lang))
    if art:
        lines.append(ui("articulation", lang))
    if r and r["score"] > 0 and r.get("explanation"):  # a short tooltip (kyodo serve) has no sentence
        lines.append(text_in(lang, r["explanation"]["ja"], r["explanation"]["en"], sep="\n"))
    return "\n".join(lines)


def details(H: nx.Graph, n, r: dict | None, lang: str, public: bool) -> list[list[str]]:
    """The details panel of node ``n`` as ``[heading, text]`` pairs."""
    d = H.nodes[n]
    out: list[list[str]] = []

    def add(key: str, value: str | None) -> None:
        if value:
            out.append([ui(key, lang), value])

    if d.get("kind") == "project":
        add("kind", ui("project", lang))
        p = H.graph.get("projects", {}).get(n, {})
        parts = []
        for x in H[n]:
            e = H.edges[n, x]
            role = text_in(lang, e.get("role"), e.get("role_en"))
            parts.append(node_name(H, x, lang) + (f"（{role}）" if role else ""))
        add("participants", "\n".join(sorted(parts)))
        add("themes", "、".join(d.get("themes") or p.get("themes") or []))
    else:
        add("sector", kind_label(H, d, lang))
        add("role", text_in(lang, d.get("role"), d.get("role_en")))
        add("themes", "、".join(d.get("themes") or []))
        add("offers", "、".join(d.get("offers") or []))
        add("needs", "、".join(d.get("needs") or []))
        add("relations", "\n".join(_relation_lines(H, n, lang)))
        add("projects", "\n".join(project_name(H, p, lang) for p in d.get("projects") or []))
        if r:
            expl = text_in(lang, r["explanation"]["ja"], r["explanation"]["en"], sep="\n")
            add("bridging", _score(r, lang) + "\n" + expl)
        add("ward", text_in(lang, d.get("ward"), d.get("ward_en")))
        add("id", str(d.get("_id", n)))
    add("years", years(d))
    add("cite", d.get("cite"))
    note = d.get("note")
    if d.get("inferred"):
        note = ui("inferred", lang) + (f" {note}" if note else "")
    add("note", note)
    add("contact", d.get("contact"))  # on a public map hidden actors have none left (kyodo_network.privacy)
    return out


def _relation_lines(H: nx.Graph, n, lang: str) -> list[str]:
    lines = []
    for m in sorted(H[n], key=lambda x: node_name(H, x, lang)):
        e = H.edges[n, m]
        for rel in e.get("relations", []):
            arrow = "—" if not rel["directed"] else "→" if rel["from"] == n else "←"
            lines.append(f"{tie_text(H, rel, lang)} {arrow} {node_name(H, m, lang)}")
        if e.get("projects") and not e.get("relations"):
            lines.append(f"{ui('project_tie', lang)} — {node_name(H, m, lang)}")
    return lines


# --------------------------------------------------------------------------- kyodo_network/render/mapmodel.py


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
        taken from it (a tie by its relations as the graph holds them and its two actors' names).
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
    from kyodo_network.analysis.bridges import bridging_scores, coordinator_ids

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
    top_degree = max((d for _, d in H.degree()), default=0) or 1

    D = H if len(keep) == len(H) else H.subgraph(keep)
    looks = {}
    # Two actors that differ only in their parenthesis keep it (the one short-name rule, lang.short_names).
    shorts = short_names(D.nodes[n]["name"] for n in D)
    shorts_en = short_names(D.nodes[n].get("name_en") or D.nodes[n]["name"] for n in D)
    for n in D:
        d, r = D.nodes[n], scores.get(n)
        ja, en = shorts[d["name"]], shorts_en[d.get("name_en") or d["name"]]
        looks[n] = (text_in(lang, _label(memo, ja, 24), _label(memo, en, 26), sep="\n"), _size(H, n, r, top_degree))
    missing = [n for n in D if positions is None or n not in positions]
    pos = dict(positions or {})
    if missing:
        laid = D.subgraph(missing) if positions is not None else D
        pos.update(layout_positions(laid, seed=seed, boxes={n: label_box(*looks[n]) for n in laid}))
    first_last = _slider_years(G, H) if slider else None
    stands = _standing(H) if first_last else None
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
                **_marks(H, n, r, marked, art, top_degree, lang, texts),
                "x": pos[n][0],
                "y": pos[n][1],
                "details": details(H, n, r, lang, public) if texts else [],
                "years": [d.get("since"), d.get("until")],
                "shown": _open(stands[0][n]) if stands else None,
            }
        )
    edges = []
    for u, v in sorted(D.edges(), key=lambda e: (str(e[0]), str(e[1]))):
        edge = _edge_remembered(memo, D, u, v, lang)
        edge["shown"] = _open(stands[1][frozenset((u, v))]) if stands else None
        edges.append(edge)
    model = {
        "meta": _meta(G, H, D, lang, focus, depth, sectors, public, len(edges)),
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


def _marks(H: nx.Graph, n, r: dict | None, marked: set, art: set, top_degree: int, lang: str, texts: bool) -> dict:
    """What of a node follows the network-wide counts: size, shape, ★, ring, score and the tooltip."""
    project = H.nodes[n].get("kind") == "project"
    return {
        "size": _size(H, n, r, top_degree),
        "shape": "square" if project else "star" if n in marked else "dot",
        "coordinator": n in marked,
        "articulation": n in art,
        "score": r["score"] if r else None,
        "title": tooltip(H, n, r if texts else _without_sentence(r), n in marked, n in art, lang),
    }


def restyle(model: dict, G: nx.Graph, *, bridging: Mapping[Hashable, dict], marked: set, lang: str = "ja") -> dict:
    """A copy of ``model`` (:func:`map_model` of ``G``, actors view, made with ``texts=False``) whose sizes, ★,
    rings, scores, short tooltips and legend of marks follow ``bridging`` and ``marked`` instead: the same map
    with the network's numbers counted again, without writing its ties and labels again."""
    by_id = {str(n): n for n in G}
    art = {n for n, r in bridging.items() if r["articulation"]}
    top_degree = max((d for _, d in G.degree()), default=0) or 1
    nodes = []
    for node in model["nodes"]:
        n = by_id[node["id"]]
        nodes.append({**node, **_marks(G, n, bridging.get(n), marked, art, top_degree, lang, False)})
    out = {**model, "nodes": nodes}
    out["legend"] = {**model["legend"], "marks": _legend(G, nodes, model["edges"], lang, "actors")["marks"]}
    return out


def with_slider(model: dict, G: nx.Graph, *, lang: str = "ja") -> dict:
    """A copy of ``model`` (:func:`map_model` of the whole of ``G``, made with ``slider=False``) with its year
    slider: ``years`` and every node's and tie's ``shown``, as :func:`map_model` writes them."""
    H = _display_graph(G)
    first_last = _slider_years(G, H)
    if not first_last:
        return {**model, "years": None}
    stands = _standing(H)
    by_id = {str(n): n for n in H}
    nodes = [{**n, "shown": _open(stands[0][by_id[n["id"]]])} for n in model["nodes"]]
    edges = [{**e, "shown": _open(stands[1][frozenset((by_id[e["from"]], by_id[e["to"]]))])} for e in model["edges"]]
    years = _year_steps(G, H, H, first_last, stands, lang, None, 1, None, bool(G.graph.get("public")))
    return {**model, "nodes": nodes, "edges": edges, "years": years}


def _without_sentence(r: dict | None) -> dict | None:
    """A bridging row for a short tooltip: its numbers, no sentence (a score of 0 writes none)."""
    return None if r is None else {**r, "explanation": None}


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
    from kyodo_network.analysis.wording import glossary

    score, betweenness = glossary(("score", "betweenness"), lang)
    if lang == "en":
        betweenness = betweenness[:1].upper() + betweenness[1:]
    return text("map.size_is", lang, gloss=score) + text("map.gloss_sep", lang) + betweenness


def _mark_label(mark: str, lang: str) -> str:
    """A mark's legend line: the ★ rule (``coordinator.mark``, as ``kyodo coordinators`` prints it) or the ring's
    gloss (「太い黒枠＝切断点: …」)."""
    from kyodo_network.analysis.wording import glossary

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
    from kyodo_network.vocabulary import place_category
    from kyodo_network.words import key

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


def _edge_remembered(memo: dict | None, D: nx.Graph, u, v, lang: str) -> dict:
    """:func:`_edge`, remembered in ``memo`` under what it reads: the edge's relations and projects (the lists the
    graph holds: a changed tie gets new ones, see :mod:`kyodo_network.serve._incremental`), the two actors' names,
    the language."""
    if memo is None:
        return _edge(D, u, v, lang)
    e, du, dv = D.edges[u, v], D.nodes[u], D.nodes[v]
    rels, projects = e.get("relations"), e.get("projects")
    key = ("edge", u, v, id(rels), id(projects), du.get("name"), du.get("name_en"), dv.get("name"), dv.get("name_en"))
    key += (lang, D.graph.get("view"), e.get("weight"), e.get("inferred"), tuple(e.get("types") or ()))
    kept = memo.get(key)
    if kept is None:
        kept = memo[key] = (rels, projects, _edge(D, u, v, lang))  # the lists kept with it: their ids stay theirs
    return dict(kept[2])


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
    G: nx.Graph, H: nx.Graph, D: nx.Graph, lang: str, focus, depth: int, sectors, public: bool, n_edges: int
) -> dict:
    view = G.graph.get("view", "actors")
    name = text_in(lang, G.graph.get("name"), G.graph.get("name_en"))
    title = f"{name} — {ui('title_' + view, lang)}"
    undated = G.graph.get("undated") or {}
    actors = sum(1 for n in D if D.nodes[n].get("kind", "actor") == "actor")
    if view == "actors":
        projects = len({p for n in D for p in D.nodes[n].get("projects") or []})
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

Spans = list[tuple[float, float]]


def _slider_years(G: nx.Graph, H: nx.Graph) -> tuple[int, int] | None:
    """The first and last year any actor, relation or project of ``H`` names, or None for a year view or data
    naming fewer than two distinct years (no slider then)."""
    if G.graph.get("year") is not None:
        return None
    records = [d for _, d in H.nodes(data=True)]
    records += [r for _, _, d in H.edges(data=True) for r in d.get("relations", [])]
    records += list(H.graph.get("projects", {}).values())
    found = {y for d in records for y in (d.get("since"), d.get("until")) if isinstance(y, int)}
    return (min(found), max(found)) if len(found) >= 2 else None


def _span(d) -> Spans:
    """The years a record names, since to until (both inclusive, an open end unbounded)."""
    since, until = d.get("since"), d.get("until")
    return [(since if isinstance(since, int) else -math.inf, until if isinstance(until, int) else math.inf)]


def _union(spans: Iterable[tuple[float, float]]) -> Spans:
    """Spans of whole years merged: overlapping or adjacent ones become one."""
    out: Spans = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _meet(x: Spans, y: Spans) -> Spans:
    """The years in both ``x`` and ``y``."""
    return _union((max(a, c), min(b, d)) for a, b in x for c, d in y if max(a, c) <= min(b, d))


def _open(spans: Spans) -> list[list[int | None]]:
    """Spans as JSON: ``[first, last]``, None for an open end."""
    return [[None if math.isinf(a) else int(a), None if math.isinf(b) else int(b)] for a, b in spans]


def _per_year(group: list[Spans], first: int, last: int) -> tuple[list[int], list[int], list[int]]:
    """For each year from ``first`` to ``last``: how many of ``group`` stand, begin (stand, but not the year
    before) and end (stand, but not the year after). Spans are merged, so a span's ends are such years."""
    n = last - first + 1
    diff, begin, end = [0] * (n + 1), [0] * n, [0] * n
    for spans in group:
        for a, b in spans:
            lo, hi = max(a, first), min(b, last)
            if lo > hi:
                continue
            diff[int(lo) - first] += 1
            diff[int(hi) - first + 1] -= 1
            if a >= first:
                begin[int(a) - first] += 1
            if b <= last:
                end[int(b) - first] += 1
    stand, running = [], 0
    for d in diff[:n]:
        running += d
        stand.append(running)
    return stand, begin, end


def _standing(H: nx.Graph) -> tuple[dict, dict, dict]:
    """When each node, edge (by its ends, a frozenset) and project of ``H`` stands, as a year view keeps it."""
    own = {d.get("id") for d in H.graph.get("districts", [])}
    projects = {p: _span(d) for p, d in H.graph.get("projects", {}).items()}
    members: dict = {p: [] for p in projects}
    node: dict = {}
    for n, d in H.nodes(data=True):
        if d.get("kind", "actor") != "actor":
            continue
        joined = [p for p in d.get("projects") or [] if p in projects]
        for p in joined:
            members[p].append(n)
        node[n] = _span(d)
        if d.get("district") not in own:  # an included actor stands while a record naming it does
            named = [s for p in joined for s in projects[p]]
            named += [s for m in H[n] for r in H.edges[n, m].get("relations", []) for s in _span(r)]
            node[n] = _meet(node[n], _union(named))
    held = {p: _meet(projects[p], _union(s for n in members[p] for s in node[n])) for p in projects}
    for n, d in H.nodes(data=True):
        if n not in node:
            node[n] = _meet(_span(d), _union(s for m in H[n] for s in node.get(m, [])))
    edge = {}
    for u, v, d in H.edges(data=True):
        ends = _meet(node[u], node[v])
        if H.graph.get("view") != "projects":
            records = [s for r in d.get("relations", []) for s in _span(r)]
            records += [s for p in d.get("projects") or [] for s in projects.get(p, [])]
            ends = _meet(ends, _union(records))
        edge[frozenset((u, v))] = ends
    return node, edge, held


def _year_steps(
    G: nx.Graph, H: nx.Graph, D: nx.Graph, first_last, stands, lang: str, focus, depth, sectors, public
) -> dict:
    """The slider's years: for each, what stands on the map drawn (``D``), what is new and what ends there."""
    node, edge, held = stands
    first, last = first_last
    actors = [node[n] for n in D if D.nodes[n].get("kind", "actor") == "actor"]
    ties = [edge[frozenset(e)] for e in D.edges()]
    if G.graph.get("view") == "projects":
        projects = [node[n] for n in D if D.nodes[n].get("kind") == "project"]
    else:
        members: dict = {}  # each project of an actor drawn → its participants drawn
        for n in D:
            for p in D.nodes[n].get("projects") or []:
                members.setdefault(p, []).append(n)
        known = H.graph.get("projects", {})
        projects = [
            _meet(_span(known[p]), _union(s for n in ns for s in node[n])) for p, ns in members.items() if p in known
        ]
    # the records a view of one year assumes present (graph._undated): over the whole network, as the subtitle of
    # `kyodo map --year` counts them
    bare = [node[n] for n, d in H.nodes(data=True) if d.get("kind", "actor") == "actor" and _undated(d)]
    bare += [_meet(node[u], node[v]) for u, v, d in H.edges(data=True) for r in d.get("relations", []) if _undated(r)]
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
