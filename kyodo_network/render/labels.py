"""The words of a map: names in the chosen language, tooltips and the details panel of each node.

Used by :func:`~kyodo_network.render.mapmodel.map_model`. Everything returned is plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import networkx as nx

from ..lang import (
    category_label,
    text,
    pick as _pick,
    relation_label as _relation_label,
    sector_label as _sector_label,
    tie_label,
)
from .style import text_in, ui, wrap_label

__all__ = [
    "node_name",
    "project_name",
    "relation_label",
    "sector_label",
    "kind_label",
    "tie_text",
    "years",
    "tooltip",
    "tooltips",
    "details",
    "LABEL_MAX",
    "cut_label",
    "map_label",
]

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
    from ..analysis.centrality import estimate_method

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
    return tooltips(H, lang)(n, r, coordinator, art)


def tooltips(H: nx.Graph, lang: str, *, sentences: bool = True) -> Callable[[Hashable, dict | None, bool, bool], str]:
    """:func:`tooltip` for node after node of ``H``: a function ``(n, r, coordinator, art)`` → its hover text, which
    looks up the words every node shares (the catalogue's lines, the label of each kind of actor) once.

    With ``sentences`` false the tooltips are short (``kyodo serve``): no bridging sentence, as for a row whose
    ``explanation`` is None.
    """
    nodes = H.nodes
    project, coordinator_line, art_line = (ui(k, lang) for k in ("project", "coordinator", "articulation"))
    both = lang == "both"
    template = (text("map.score", "ja"), text("map.score", "en")) if both else text("map.score", lang)
    kinds: dict = {}  # (sector, category) → the kind's label: all that kind_label reads of the actor

    def write(n: Hashable, r: dict | None, coordinator: bool, art: bool) -> str:
        d = nodes[n]
        if d.get("kind") == "project":
            kind = project
        else:
            try:
                kind = kinds.get(key := (d.get("sector"), d.get("category")))
                if kind is None:
                    kind = kinds[key] = kind_label(H, d, lang)
            except TypeError:  # an unhashable word
                kind = kind_label(H, d, lang)
        lines = [_pick(d, "name", lang), kind]
        if r if sentences else r is not None:
            if r.get("betweenness_estimated"):
                lines.append(_score(r, lang))
            elif both:  # the template's fields are the row's score and betweenness
                lines.append(text_in(lang, template[0].format_map(r), template[1].format_map(r)))
            else:
                lines.append(template.format_map(r))
        if coordinator:
            lines.append(coordinator_line)
        if art:
            lines.append(art_line)
        if sentences and r and r["score"] > 0 and r.get("explanation"):  # a short tooltip has no sentence
            lines.append(text_in(lang, r["explanation"]["ja"], r["explanation"]["en"], sep="\n"))
        return "\n".join(lines)

    return write


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
