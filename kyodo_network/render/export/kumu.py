"""Kumu's JSON blueprint: ``{"elements": [...], "connections": [...]}``, one connection per relation.

Kumu refers to elements by label, so a connection's ``from`` and ``to`` are labels; two actors with the same
label are told apart by their id in brackets. Each element also keeps its ``id``. Fields other than Kumu's own
(``label``, ``type``, ``description``, ``tags``) are named by their header in the chosen language, as Kumu shows
them in the profile.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import networkx as nx

from ...lang import text, tie_label
from ..labels import project_name, relation_label
from ._table import LIST_SEPARATOR, header, node_rows

__all__ = ["kumu_blueprint", "kumu_text"]

_ELEMENT_FIELDS = (
    "name",
    "name_en",
    "sector",
    "ward",
    "district",
    "since",
    "until",
    "offers",
    "needs",
    "contact",
    "cite",
    "inferred",
    "projects",
    "score",
    "betweenness",
    "articulation",
    "cut_off",
    "constraint",
    "effective_size",
    "brokerage",
)


def kumu_blueprint(G: nx.Graph, *, lang: str = "ja") -> dict[str, list[dict[str, Any]]]:
    """The blueprint of ``G``: an element per actor, a connection per relation and per shared-project tie.

    Relations of a directed type are ``"direction": "directed"`` from giver to receiver; the others, and ties
    through a shared project, are ``"mutual"``.

    >>> G = nx.Graph()
    >>> G.add_node("a", name="A", sector="npo", sector_name="NPO", themes=["x"])
    >>> G.add_node("b", name="A", sector="npo", sector_name="NPO")
    >>> G.add_edge("a", "b", projects=[], relations=[{"type": "support", "from": "b", "to": "a", "directed": True}])
    >>> bp = kumu_blueprint(G)
    >>> [e["label"] for e in bp["elements"]], bp["connections"][0]["from"], bp["connections"][0]["direction"]
    (['A (a)', 'A (b)'], 'A (b)', 'directed')
    """
    rows = node_rows(G, lang=lang)
    counts = Counter(r["label"] for r in rows)
    label = {r["id"]: r["label"] if counts[r["label"]] == 1 else f"{r['label']} ({r['id']})" for r in rows}
    elements = []
    for r in rows:
        d = G.nodes[_node(G, r["id"])]
        element: dict[str, Any] = {"id": r["id"], "label": label[r["id"]]}
        # Kumu's Type is the actor's own category word when it has one (老人クラブ), else its sector's name
        kind = d.get("category") or d.get("sector_name_en" if lang == "en" else "sector_name") or d.get("sector")
        if kind:
            element["type"] = kind
        description = (d.get("role_en") if lang == "en" else None) or d.get("role") or d.get("note")
        if description:
            element["description"] = description
        element["tags"] = list(d.get("themes") or [])
        element |= {
            header(k, lang): r[k].split(LIST_SEPARATOR) if k in ("offers", "needs", "projects") else r[k]
            for k in _ELEMENT_FIELDS
            if k in r
        }
        elements.append(element)
    connections = []
    for u, v, d in sorted(G.edges(data=True), key=lambda e: tuple(sorted((str(e[0]), str(e[1]))))):
        for rel in d.get("relations", []):
            a, b = (rel.get("from"), rel.get("to")) if {rel.get("from"), rel.get("to")} == {u, v} else (u, v)
            c: dict[str, Any] = {
                "from": label[str(a)],
                "to": label[str(b)],
                "type": tie_label(G, rel, lang) if rel.get("label") else relation_label(G, rel.get("type", ""), lang),
                "direction": "directed" if rel.get("directed") else "mutual",
            }
            c |= {
                header(k, lang): rel[k]
                for k in ("weight", "since", "until", "cite", "inferred")
                if rel.get(k) not in (None, "")
            }
            connections.append(c)
        if d.get("projects"):
            a, b = sorted((str(u), str(v)))
            connections.append(
                {
                    "from": label[a],
                    "to": label[b],
                    "type": text("export.shared-project", lang),
                    "direction": "mutual",
                    "tags": [project_name(G, p, lang) for p in d["projects"]],
                }
            )
    return {"elements": elements, "connections": connections}


def kumu_text(G: nx.Graph, *, lang: str = "ja") -> str:
    """:func:`kumu_blueprint` as JSON text."""
    return json.dumps(kumu_blueprint(G, lang=lang), ensure_ascii=False, indent=1) + "\n"


def _node(G: nx.Graph, node_id: str) -> Any:
    return node_id if node_id in G else next(n for n in G if str(n) == node_id)
