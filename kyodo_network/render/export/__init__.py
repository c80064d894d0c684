"""``kyodo export``: the network for other tools, one module per format.

| format | module | for |
|---|---|---|
| ``graphml`` | :mod:`.graphml` | Gephi, igraph, Cytoscape, yEd |
| ``gexf`` | :mod:`.gexf` | Gephi (GEXF 1.3, with the years as a timeline) |
| ``json`` | :mod:`.nodelink` | networkx (node-link JSON, ``edges="links"``) |
| ``csv`` | :mod:`.tables` | Excel: a node table and an edge table |
| ``xlsx`` | :mod:`.workbook` | Excel, in ``kyodo template``'s layout; reads back as a CASE |
| ``kumu`` | :mod:`.kumu` | Kumu's JSON blueprint |

Every format is made from the same node and edge tables (:mod:`._table`): actor and relation fields, colour,
position and size as on the map, and the analysis columns of
:func:`~kyodo_network.analysis.bridges.bridging_scores`. With ``public=True`` the graph is first redacted once by
:func:`~kyodo_network.privacy.redact_graph`; nothing else looks at visibility.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from ...errors import KyodoError
from ...lang import text
from .._write import write_files

__all__ = ["FORMATS", "format_from_path", "export_paths", "export_graph", "export_files"]

FORMATS = ("graphml", "gexf", "json", "csv", "xlsx", "kumu")
#: File name endings and the format each one means (the longest ending is tried first).
SUFFIXES = {".kumu.json": "kumu", ".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv",
            ".xlsx": "xlsx"}
#: The ending given to a file in a folder named by ``-o``.
DEFAULT_SUFFIX = {fmt: suffix for suffix, fmt in SUFFIXES.items()}


def format_from_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name means, or ``None``.

    >>> format_from_path("nippa.kumu.json"), format_from_path("a/NIPPA.GEXF"), format_from_path("x.txt")
    ('kumu', 'gexf', None)
    """
    name = Path(path).name.lower()
    return next((fmt for suffix, fmt in SUFFIXES.items() if name.endswith(suffix)), None)


def export_paths(output: str | os.PathLike[str], fmt: str, *, stem: str, folder: bool = False) -> list[Path]:
    """The files an export to ``output`` writes: one, or for ``csv`` the node and edge tables.

    ``folder`` (or an ``output`` ending in ``/``): the files go inside it, named after ``stem``. For csv,
    ``name.csv`` gives ``name-nodes.csv`` and ``name-edges.csv``.

    >>> [str(p) for p in export_paths("out/", "csv", stem="nippa")]
    ['out/nippa-nodes.csv', 'out/nippa-edges.csv']
    >>> [str(p) for p in export_paths("t.csv", "csv", stem="nippa")], [str(p) for p in export_paths("d", "gexf", stem="n", folder=True)]
    (['t-nodes.csv', 't-edges.csv'], ['d/n.gexf'])
    """
    raw = os.fspath(output)
    path = Path(raw)
    if folder or raw.endswith(("/", os.sep)):
        path = path / f"{stem}{DEFAULT_SUFFIX[fmt]}"
    if fmt != "csv":
        return [path]
    base = path.name[: -len(".csv")] if path.name.lower().endswith(".csv") else path.name
    return [path.with_name(f"{base}-nodes.csv"), path.with_name(f"{base}-edges.csv")]


def export_files(G: nx.Graph, fmt: str, *, lang: str = "ja", public: bool = False) -> list[str | bytes]:
    """The contents of the export of ``G`` in ``fmt``: one file's, or for ``csv`` the node and edge tables'.

    Raises
    ------
    KyodoError
        For an unknown format, a directed graph or the projects view.
    """
    if fmt not in FORMATS:
        raise KyodoError(text("export.no-format", path=fmt))
    if G.is_directed() or G.graph.get("view", "actors") != "actors":
        raise KyodoError(text("export.actors-only"))
    if public and not G.graph.get("public"):
        from ...privacy import redact_graph

        G, _ = redact_graph(G)
    if fmt == "graphml":
        from .graphml import graphml_bytes

        return [graphml_bytes(G, lang=lang)]
    if fmt == "gexf":
        from .gexf import gexf_bytes

        return [gexf_bytes(G, lang=lang)]
    if fmt == "json":
        from .nodelink import node_link_text

        return [node_link_text(G, lang=lang)]
    if fmt == "csv":
        from .tables import csv_tables

        return list(csv_tables(G, lang=lang))
    if fmt == "xlsx":
        from .workbook import workbook_bytes

        return [workbook_bytes(G, lang=lang)]
    from .kumu import kumu_text

    return [kumu_text(G, lang=lang)]


def export_graph(G: nx.Graph, output: str | os.PathLike[str], fmt: str | None = None, *, stem: str = "network",
                 folder: bool = False, lang: str = "ja", public: bool = False) -> list[Path]:
    """Write the export of ``G`` to ``output`` (all files or none) and return the paths written.

    Parameters
    ----------
    G
        The undirected actor graph from :func:`~kyodo_network.graph.graph_from_names`.
    output
        A file, or a folder (``folder=True`` or a trailing ``/``) to hold ``<stem>.<suffix>``.
    fmt
        One of :data:`FORMATS`; taken from ``output``'s suffix when ``None``.
    lang
        Language of labels and of the CSV, workbook and Kumu headers (``ja`` or ``en``).
    public
        Redact the graph with :func:`~kyodo_network.privacy.redact_graph` before anything is exported.

    Raises
    ------
    KyodoError
        When the format cannot be told or does not match the suffix, or a target is an input file.

    Examples
    --------
    >>> import tempfile
    >>> from kyodo_network.graph import graph_from_names
    >>> with tempfile.TemporaryDirectory() as d:
    ...     [p.name for p in export_graph(graph_from_names(["nippa"]), Path(d) / "nippa.csv")]
    ['nippa-nodes.csv', 'nippa-edges.csv']
    """
    implied = None if folder or os.fspath(output).endswith(("/", os.sep)) else format_from_path(output)
    if fmt is None:
        if folder or os.fspath(output).endswith(("/", os.sep)):
            raise KyodoError(text("export.folder-needs-format", path=output))
        fmt = implied
        if fmt is None:
            raise KyodoError(text("export.no-format", path=output))
    elif implied is not None and implied != fmt and not (fmt == "kumu" and implied == "json"):
        raise KyodoError(text("export.format-mismatch", fmt=fmt, path=output))
    paths = export_paths(output, fmt, stem=stem, folder=folder)
    return write_files(zip(paths, export_files(G, fmt, lang=lang, public=public)))
