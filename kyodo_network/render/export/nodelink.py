"""networkx's node-link JSON: the graph itself, every attribute kept, with the analysis columns added."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from ._table import ANALYSIS_FIELDS, VIEW_FIELDS, node_rows

__all__ = ["node_link_text"]


def node_link_text(G: nx.Graph, *, lang: str = "ja") -> str:
    """``nx.node_link_data(G, edges="links")`` as JSON, each node also holding its ``label``, colour, position,
    size and analysis columns. Read it back with ``nx.node_link_graph(data, edges="links")``.

    >>> G = nx.Graph([("a", "b")])
    >>> for n in G: G.nodes[n].update(name=n, sector="npo", colour="#33a02c")
    >>> H = nx.node_link_graph(json.loads(node_link_text(G)), edges="links")
    >>> sorted(H.edges()), H.nodes["a"]["name"], H.nodes["a"]["g"]
    ([('a', 'b')], 'a', 160)
    """
    H = G.copy()
    for row in node_rows(G, lang=lang):
        n = row["id"] if row["id"] in H else next(x for x in H if str(x) == row["id"])
        H.nodes[n].update({k: row[k] for k in ("label", *VIEW_FIELDS, *ANALYSIS_FIELDS) if k in row})
    data = nx.node_link_data(H, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1, default=_plain) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return str(value)
