"""GEXF 1.3 for Gephi: sector colours, positions and sizes, and the years as spells for Gephi's timeline.

Written with :mod:`xml.etree.ElementTree` against the GEXF 1.3 schema (``http://gexf.net/1.3``): ``<gexf>`` →
``<meta>``, ``<graph mode="dynamic" timeformat="integer">`` → ``<attributes class="node|edge">``, ``<nodes>``,
``<edges>``; each ``<node>``/``<edge>`` holds ``<attvalues>``, optionally ``<spells>``, and the ``viz:``
elements ``color``, ``position``, ``size``.

Time: a record active over one period carries it as ``start``/``end`` on its element (an open end is left out),
so that readers which cannot read a ``<spell>`` without ``end`` (networkx's) still read every file of a single
period; a record active in several separate periods gets one ``<spell>`` each. A record with no years is always
there. Years are whole and inclusive.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from ... import __version__
from ._table import Period, edge_periods, edge_rows, node_periods, node_rows

__all__ = ["gexf_bytes", "GEXF_NS", "VIZ_NS"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"

#: Columns carried by the element itself or by ``viz:`` elements, not as attvalues.
_NODE_OWN = ("id", "label", "r", "g", "b", "x", "y", "size")
_EDGE_OWN = ("source", "target", "label", "weight")


def _g(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _type(values: list[Any]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _attributes(graph: ET.Element, cls: str, rows: list[dict], own: tuple[str, ...]) -> list[str]:
    keys = list(dict.fromkeys(k for row in rows for k in row if k not in own))
    block = ET.SubElement(graph, _g("attributes"), {"class": cls, "mode": "static"})
    for k in keys:
        ET.SubElement(block, _g("attribute"), {"id": k, "title": k, "type": _type([r[k] for r in rows if k in r])})
    return keys


def _attvalues(el: ET.Element, row: dict, keys: list[str]) -> None:
    values = ET.SubElement(el, _g("attvalues"))
    for k in keys:
        if k in row:
            ET.SubElement(values, _g("attvalue"), {"for": k, "value": _value(row[k])})


def _time(el: ET.Element, spans: list[Period]) -> None:
    if len(spans) == 1:
        start, end = spans[0]
        if start is not None:
            el.set("start", str(start))
        if end is not None:
            el.set("end", str(end))
    elif spans:
        block = ET.SubElement(el, _g("spells"))
        for start, end in spans:
            attrs = {k: str(v) for k, v in (("start", start), ("end", end)) if v is not None}
            ET.SubElement(block, _g("spell"), attrs)


def gexf_bytes(G: nx.Graph, *, lang: str = "ja") -> bytes:
    """The GEXF 1.3 file of ``G`` (UTF-8).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("a", name="A", sector="npo", colour="#33a02c", since=2003)
    >>> G.add_node("b", name="B", sector="npo", colour="#33a02c")
    >>> G.add_edge("a", "b", weight=2, types=["cooperation"], projects=[],
    ...            relations=[{"type": "cooperation", "since": 2001, "until": 2002},
    ...                       {"type": "cooperation", "since": 2005, "until": None}])
    >>> xml = gexf_bytes(G).decode()
    >>> '<node id="a" label="A" start="2003">' in xml, '<spell start="2001" end="2002" />' in xml
    (True, True)
    """
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(_g("gexf"), {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": SCHEMA})
    meta = ET.SubElement(root, _g("meta"))
    ET.SubElement(meta, _g("creator")).text = f"kyodo-network {__version__}"
    title = (G.graph.get("name_en") if lang == "en" else None) or G.graph.get("name") or ""
    sources = [s["title"] for s in G.graph.get("sources", []) if s.get("title")]
    ET.SubElement(meta, _g("description")).text = " — ".join(x for x in (title, "; ".join(sources)) if x) or "kyodo"
    graph = ET.SubElement(
        root,
        _g("graph"),
        {"mode": "dynamic", "defaultedgetype": "undirected", "timeformat": "integer", "timerepresentation": "interval"},
    )
    nodes, edges = node_rows(G, lang=lang), edge_rows(G, lang=lang)
    node_keys = _attributes(graph, "node", nodes, _NODE_OWN)
    edge_keys = _attributes(graph, "edge", edges, _EDGE_OWN)

    nodes_el = ET.SubElement(graph, _g("nodes"))
    for row in nodes:
        el = ET.SubElement(nodes_el, _g("node"), {"id": row["id"], "label": row["label"]})
        _time(el, node_periods(G.nodes[_key(G, row["id"])]))
        _attvalues(el, row, node_keys)
        if "r" in row:
            ET.SubElement(
                el, f"{{{VIZ_NS}}}color", {"r": str(row["r"]), "g": str(row["g"]), "b": str(row["b"]), "a": "1.0"}
            )
        ET.SubElement(el, f"{{{VIZ_NS}}}position", {"x": str(row["x"]), "y": str(row["y"]), "z": "0.0"})
        ET.SubElement(el, f"{{{VIZ_NS}}}size", {"value": str(row["size"])})

    edges_el = ET.SubElement(graph, _g("edges"))
    for i, row in enumerate(edges):
        attrs = {"id": str(i), "source": row["source"], "target": row["target"]}
        if "label" in row:
            attrs["label"] = row["label"]
        if "weight" in row:
            attrs["weight"] = str(float(row["weight"]))
        el = ET.SubElement(edges_el, _g("edge"), attrs)
        _time(el, edge_periods(G, G.edges[_key(G, row["source"]), _key(G, row["target"])]))
        _attvalues(el, row, edge_keys)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _key(G: nx.Graph, node_id: str) -> Any:
    """The node of ``G`` whose id is ``node_id`` (ids of the rows are strings)."""
    return node_id if node_id in G else next(n for n in G if str(n) == node_id)
