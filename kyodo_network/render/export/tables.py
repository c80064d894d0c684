"""CSV node and edge tables for Excel: UTF-8 with BOM, headers in the chosen language, no formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import networkx as nx

from ..text import csv_cell
from ._table import EDGE_COLUMNS, NODE_COLUMNS, edge_rows, header, node_rows

__all__ = ["csv_tables", "csv_text"]


def _cell(value: Any) -> Any:
    """Booleans as Excel writes them; text that would start a formula neutralised (:func:`~..text.csv_cell`)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return csv_cell(value)


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str], lang: str) -> str:
    """One table as CSV text with a BOM; only the columns that some row has, in ``columns``' order."""
    used = [c for c in columns if any(c in r for r in rows)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header(c, lang) for c in used])
    for row in rows:
        writer.writerow([_cell(row.get(c, "")) for c in used])
    return "\ufeff" + buffer.getvalue()


def csv_tables(G: nx.Graph, *, lang: str = "ja") -> tuple[str, str]:
    """The node table and the edge table of ``G`` as CSV text.

    >>> G = nx.Graph([("a", "b")])
    >>> for n in G: G.nodes[n].update(name="=" + n, sector="npo")
    >>> nodes, edges = csv_tables(G, lang="en")
    >>> nodes.splitlines()[0].split(",")[:3], nodes.splitlines()[1][:9]
    (['\\ufeffID', 'Label', 'Name'], "a,'=a,'=a")
    """
    words = lang == "ja"  # sectors, relation types and visibility as words; ids in the English id columns
    return (
        csv_text(node_rows(G, lang=lang, words=words), NODE_COLUMNS, lang),
        csv_text(edge_rows(G, lang=lang, words=words), EDGE_COLUMNS, lang),
    )
