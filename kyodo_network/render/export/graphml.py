"""GraphML for Gephi, igraph, Cytoscape and yEd: the node and edge tables as attributes of a flat copy."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from ._table import edge_rows, node_rows

__all__ = ["graphml_bytes", "flat_graph"]


def flat_graph(G: nx.Graph, *, lang: str = "ja") -> nx.Graph:
    """A copy of ``G`` whose node and edge attributes are the export tables' columns (str, int, float, bool).

    Node ids stay the actor ids; the attribute names are the ones Gephi reads (``label``, ``weight``,
    ``r``/``g``/``b``, ``x``/``y``, ``size``) plus every actor and relation field and the analysis columns.
    ``id``, ``source`` and ``target`` are the node and edge keys themselves, so they are not repeated.

    >>> G = nx.Graph([("a", "b")], name="t")
    >>> for n in G: G.nodes[n].update(name=n, sector="npo", colour="#000000")
    >>> H = flat_graph(G)
    >>> sorted(H.nodes["a"])[:4], H.edges["a", "b"]["relations"]
    (['articulation', 'b', 'betweenness', 'brokerage'], 0)
    """
    H = nx.Graph()
    H.graph.update(_graph_attrs(G))
    for row in node_rows(G, lang=lang):
        H.add_node(row["id"], **{k: v for k, v in row.items() if k != "id"})
    for row in edge_rows(G, lang=lang):
        H.add_edge(row["source"], row["target"], **{k: v for k, v in row.items() if k not in ("source", "target")})
    return H


def _graph_attrs(G: nx.Graph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": G.graph.get("name") or "",
        "name_en": G.graph.get("name_en") or "",
        "public": bool(G.graph.get("public")),
    }
    if G.graph.get("year") is not None:
        out["year"] = int(G.graph["year"])
    return {k: v for k, v in out.items() if v != ""}


def graphml_bytes(G: nx.Graph, *, lang: str = "ja") -> bytes:
    """The GraphML file of ``G`` (UTF-8), written by networkx's ``write_graphml`` on :func:`flat_graph`."""
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(G, lang=lang), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()
