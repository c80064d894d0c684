"""The network as two flat tables, nodes and edges: the one source of every export's columns.

Each row is a dict of column code → ``str``, ``int``, ``float`` or ``bool``; a value the data do not have is left
out (never ``None``, never NaN). Lists are joined with ``|`` (:data:`LIST_SEPARATOR`, as Kumu splits them).
A column holds one type in every row, so the GraphML and GEXF writers can declare it.

Sectors, relation types and visibility are ids (``npo``, ``cooperation``, ``private``) for the tools that
analyse (GraphML, GEXF, JSON) and in English; with ``words=True`` (the Japanese CSV a coordinator opens in Excel)
they are the words a person reads (NPO・市民活動, 協力, 非公開).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from ...lang import text, tie_label
from ..labels import node_name, project_name, relation_label, sector_label
from ..layout import SEED, layout_positions

__all__ = [
    "LIST_SEPARATOR",
    "NODE_COLUMNS",
    "EDGE_COLUMNS",
    "SCALE",
    "node_rows",
    "edge_rows",
    "periods",
    "node_periods",
    "edge_periods",
    "header",
]

LIST_SEPARATOR = "|"
#: Pixels per layout unit of the exported positions (Gephi's y grows upwards, so y is negated).
SCALE = 100.0

#: Actor fields of the graph (graph.py's contract) copied into the node table, in this order.
ACTOR_FIELDS = (
    "name",
    "name_en",
    "sector",
    "category",
    "sector_name",
    "sector_name_en",
    "colour",
    "role",
    "role_en",
    "themes",
    "offers",
    "needs",
    "since",
    "until",
    "visibility",
    "contact",
    "ward",
    "ward_en",
    "district",
    "cite",
    "inferred",
    "note",
    "origin",
    "projects",
)
VIEW_FIELDS = ("r", "g", "b", "x", "y", "size")
BROKERAGE_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "boundary", "liaison")
ANALYSIS_FIELDS = (
    "score",
    "betweenness",
    "articulation",
    "cut_off",
    "constraint",
    "effective_size",
    "brokerage",
    *(f"brokerage_{role}" for role in BROKERAGE_ROLES),
)
NODE_COLUMNS = ("id", "label", *ACTOR_FIELDS, *VIEW_FIELDS, *ANALYSIS_FIELDS)
EDGE_COLUMNS = (
    "source",
    "target",
    "source_name",
    "target_name",
    "label",
    "weight",
    "types",
    "relations",
    "directed",
    "since",
    "until",
    "projects",
    "project_names",
    "inferred",
    "cross_sector",
    "cite",
    "note",
    "origin",
)

Period = tuple[int | None, int | None]


def header(column: str, lang: str) -> str:
    """The header of ``column`` in ``lang`` (``export.col.<column>`` in the catalogue).

    >>> header("betweenness", "ja"), header("betweenness", "en")
    ('媒介中心性', 'Betweenness')
    """
    return text(f"export.col.{column}", lang)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        items = [str(v) for v in value if v not in (None, "")]
        return LIST_SEPARATOR.join(items) if items else None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value == "":
        return None
    return value


def _rgb(colour: str | None) -> tuple[int, int, int] | None:
    if not colour or not colour.startswith("#") or len(colour) != 7:
        return None
    try:
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    except ValueError:
        return None


def node_size(score: float | None) -> float:
    """The drawn size of an actor: the map's rule, 10 plus 26 times its bridging score (0–1)."""
    return round(10 + 26 * (score or 0.0), 2)


def node_rows(G: nx.Graph, *, lang: str = "ja", seed: int = SEED, words: bool = False) -> list[dict[str, Any]]:
    """One row per actor, sorted by id: its fields, colour (``r``, ``g``, ``b``), position, size and analysis;
    with ``words``, ``sector`` and ``visibility`` as the words of ``lang`` instead of their ids.

    ``x``/``y`` are the map's seeded layout (:func:`~kyodo_network.render.layout.layout_positions`) times
    :data:`SCALE`, with ``y`` upwards; the analysis columns are those of
    :func:`~kyodo_network.analysis.bridges.bridging_scores`.

    >>> G = nx.Graph([("a", "b")])
    >>> for n in G: G.nodes[n].update(name=n.upper(), sector="npo", colour="#33a02c", themes=["x", "y"])
    >>> row = node_rows(G)[0]
    >>> row["id"], row["label"], row["themes"], (row["r"], row["g"], row["b"]), row["betweenness"]
    ('a', 'A', 'x|y', (51, 160, 44), 0.0)
    >>> node_rows(G, words=True)[0]["sector"]
    'NPO・市民活動'
    """
    from ...analysis.bridges import bridging_scores

    scores = {r["id"]: r for r in bridging_scores(G)} if len(G) else {}
    pos = layout_positions(G, seed=seed)
    rows = []
    for n in sorted(G, key=str):
        d = G.nodes[n]
        row: dict[str, Any] = {"id": str(n), "label": node_name(G, n, lang) or str(n)}
        row |= {k: _flat(d.get(k)) for k in ACTOR_FIELDS}
        if words:
            row["sector"] = _sector_word(G, d.get("sector"), lang)
            row["visibility"] = _visibility_word(d.get("visibility"), lang)
        rgb = _rgb(d.get("colour"))
        if rgb:
            row["r"], row["g"], row["b"] = rgb
        x, y = pos[n]
        row["x"], row["y"] = round(float(x) * SCALE, 2), round(-float(y) * SCALE, 2) + 0.0
        s = scores.get(n)
        row["size"] = node_size(s["score"] if s else None)
        if s:
            row |= {
                "score": float(s["score"]),
                "betweenness": float(s["betweenness"]),
                "articulation": bool(s["articulation"]),
                "cut_off": int(s["cut_off"]),
                "constraint": _float(s.get("constraint")),
                "effective_size": _float(s.get("effective_size")),
                "brokerage": int(s["brokerage"]["total"]),
            }
            row |= {
                f"brokerage_{role}": int(s["brokerage"][role]) for role in BROKERAGE_ROLES if role in s["brokerage"]
            }
        rows.append({k: v for k, v in row.items() if v is not None})
    return rows


def _sector_word(G: nx.Graph, sector: str | None, lang: str) -> str | None:
    """A sector's short label (「NPO・市民活動」), from the graph's sectors or the built-in ones."""
    from ...lang import sector_label as short_label
    from ...model import SECTORS

    if not sector:
        return None
    return short_label({**SECTORS, **G.graph.get("sectors", {})}, sector, lang)


def _visibility_word(visibility: str | None, lang: str) -> str | None:
    """公開・内部・非公開 (the template's words) for a visibility id."""
    from ...casefile.workbook import VISIBILITY_LABELS

    return VISIBILITY_LABELS.get(lang, {}).get(visibility, visibility) if visibility else None


def _float(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _unique(values: Iterable[Any]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v not in (None, "")))


def _ends(G: nx.Graph, u: Any, v: Any, d: Mapping[str, Any]) -> tuple[Any, Any]:
    """Source and target: the direction of the edge's first directed relation, else sorted by id."""
    for r in d.get("relations", []):
        if r.get("directed") and {r.get("from"), r.get("to")} == {u, v}:
            return r["from"], r["to"]
    return tuple(sorted((u, v), key=str))  # type: ignore[return-value]


def edge_rows(G: nx.Graph, *, lang: str = "ja", words: bool = False) -> list[dict[str, Any]]:
    """One row per tie, sorted by its ends: relation types, strength, years and evidence, aggregated; with
    ``words``, ``types`` as the types' labels of ``lang`` (協力, 同じ協働事業) instead of their ids.

    ``since``/``until`` bound all of the tie's periods (:func:`edge_periods`); ``cite``, ``note`` and
    ``origin`` list each relation's value once.

    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", weight=3, types=["subsidy"], projects=[], inferred=False, cross_sector=True,
    ...            relations=[{"type": "subsidy", "from": "b", "to": "a", "directed": True, "since": 2005,
    ...                        "until": None, "cite": "p. 3"}])
    >>> row = edge_rows(G, lang="en")[0]
    >>> row["source"], row["target"], row["directed"], row["since"], "until" in row
    ('b', 'a', True, 2005, False)
    """
    sep = text("export.list-separator", lang)
    rows = []
    ends = sorted((_ends(G, u, v, d) + (d,) for u, v, d in G.edges(data=True)), key=lambda e: (str(e[0]), str(e[1])))
    for u, v, d in ends:
        rels = d.get("relations", [])
        labels = _tie_labels(G, d, lang)
        spans = edge_periods(G, d)
        row: dict[str, Any] = {
            "source": str(u),
            "target": str(v),
            "source_name": node_name(G, u, lang) or str(u),
            "target_name": node_name(G, v, lang) or str(v),
            "label": sep.join(labels) or None,
            "weight": d.get("weight"),
            "types": _flat([_type_word(G, t, lang) for t in d.get("types") or ()] if words else d.get("types")),
            "relations": len(rels),
            "directed": any(bool(r.get("directed")) for r in rels),
            "since": spans[0][0] if spans else None,
            "until": spans[-1][1] if spans else None,
            "projects": _flat(d.get("projects")),
            "project_names": _flat([project_name(G, p, lang) for p in d.get("projects", [])]),
            "inferred": d.get("inferred"),
            "cross_sector": d.get("cross_sector"),
            "cite": _flat(_unique(r.get("cite") for r in rels)),
            "note": _flat(_unique(r.get("note") for r in rels)),
            "origin": _flat(_unique(r.get("origin") for r in rels)),
        }
        rows.append({k: _flat(val) for k, val in row.items() if _flat(val) is not None})
    return rows


def _type_word(G: nx.Graph, t: str, lang: str) -> str:
    """A relation type's label (「協力」), 「同じ協働事業」 for a shared project."""
    from ...lang import relation_label as type_label
    from ...model import RELATION_TYPES

    if t == "project":
        return text("export.shared-project", lang)
    return type_label({**RELATION_TYPES, **G.graph.get("relation_types", {})}, t, lang)


def _tie_labels(G: nx.Graph, d: Mapping[str, Any], lang: str) -> list[str]:
    """A tie's labels: each relation's own word as written (寄付) or its type's label (支援), and 「同じ協働事業」
    for a shared project; once each, in the order of the tie's sorted ``types``.

    >>> G = nx.Graph(relation_types={"support": {"name": "支援"}, "cooperation": {"name": "協力"}})
    >>> _tie_labels(G, {"types": ["cooperation", "project", "support"], "relations": [
    ...     {"type": "support", "label": "寄付"}, {"type": "cooperation"}]}, "ja")
    ['協力', '同じ協働事業', '寄付']
    """
    rels = d.get("relations", [])
    out: list[str] = []
    for t in d.get("types", []):
        if t == "project":
            out.append(text("export.shared-project", lang))
            continue
        out.extend([tie_label(G, r, lang) for r in rels if r.get("type") == t] or [relation_label(G, t, lang)])
    return list(dict.fromkeys(out))


def periods(spans: Iterable[Period]) -> list[Period]:
    """Merge periods of whole years (``None``: open-ended) into the disjoint periods they cover, in order.

    Years are inclusive: ``(2001, 2003)`` and ``(2004, None)`` touch and become one.

    >>> periods([(2006, 2007), (2001, 2003), (2004, None)])
    [(2001, None)]
    >>> periods([(2001, 2002), (2005, 2006)])
    [(2001, 2002), (2005, 2006)]
    >>> periods([(None, 2002), (2005, 2006), (2010, None), (None, None)])
    [(None, None)]
    """
    lo, hi = -math.inf, math.inf
    ordered = sorted(((lo if s is None else s, hi if e is None else e) for s, e in spans))
    merged: list[list[float]] = []
    for s, e in ordered:
        if merged and s <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(None if s == lo else int(s), None if e == hi else int(e)) for s, e in merged]


def node_periods(d: Mapping[str, Any]) -> list[Period]:
    """The years an actor was active: one period, or none when it has neither ``since`` nor ``until``."""
    if d.get("since") is None and d.get("until") is None:
        return []
    return [(d.get("since"), d.get("until"))]


def edge_periods(G: nx.Graph, d: Mapping[str, Any]) -> list[Period]:
    """The years a tie existed: the union of its relations' and shared projects' periods; ``[]`` when always."""
    projects = G.graph.get("projects", {})
    spans = [(r.get("since"), r.get("until")) for r in d.get("relations", [])]
    spans += [(projects[p].get("since"), projects[p].get("until")) for p in d.get("projects", []) if p in projects]
    merged = periods(spans)
    return [] if merged in ([], [(None, None)]) else merged


def sector_name(G: nx.Graph, sector: str | None, lang: str) -> str:
    """The sector's name in ``lang``."""
    return sector_label(G, sector, lang)
