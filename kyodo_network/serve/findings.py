"""What the analyses say about one actor, as short sentences for the room's details panel.

The sentences are the analyses' own where they have them (the bridge explanation of
:func:`~kyodo_network.analysis.bridges.bridging_scores`, the reasons of
:func:`~kyodo_network.analysis.suggest.suggest_introductions`); the rest are put together from
:func:`~kyodo_network.analysis.risk.what_if` and :func:`~kyodo_network.analysis.handover.handover` with the words
of the catalogue (``serve.f.*``). Every value returned is plain text.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from ..lang import pick, relation_label, sector_label, text

__all__ = ["actor_findings"]

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

    The three analyses share one reading of the network's relations
    (:class:`~kyodo_network.analysis.handover.TieIndex`) and each looks at the actor's neighbourhood only (about
    35 ms at 2,000 actors, the row given; it was 350 ms).
    """
    from ..analysis.bridges import bridging_scores
    from ..analysis.handover import handover, in_place
    from ..analysis.risk import what_if
    from ..analysis.suggest import suggest_introductions

    ties = in_place(G)  # None when G is not its own simple undirected graph
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

    w = what_if(G, [ident], ties=ties)
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

    sheet = handover(G, ident, ties=ties)
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
        G, for_actor=ident, top=TOP_SUGGESTIONS, support_centres=G.graph.get("support_centres"), ties=ties
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
