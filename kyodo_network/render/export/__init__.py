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
:func:`~kyodo_network.analysis.bridges.bridging_scores`. An export shows the graph as given: for ``--public``,
the graph :func:`~kyodo_network.graph.graph_from_names` redacted (``public=True``); nothing here looks at
visibility.

No folder of the machine it was made on: every file path the graph carries (``origin`` of actors, relations,
projects and reviews, the case ``files``, a district's ``path``) is written relative to the working folder when
the file is inside it, else as the bare file name (:func:`shared_paths`); in a public export, paths are bare
file names and there is no ``origin`` at all.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from ...errors import KyodoError
from ...lang import text
from .._write import write_files
from ..outputs import KINDS, is_folder, output_format, suffix_of
from ..outputs import format_from_path as _format_from_path

__all__ = ["FORMATS", "format_from_path", "export_paths", "export_graph", "export_files", "shared_paths", "shared_path"]

FORMATS = tuple(KINDS["export"].formats)


def format_from_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name means, or ``None`` (the one table: :data:`~kyodo_network.render.outputs.KINDS`).

    >>> format_from_path("nippa.kumu.json"), format_from_path("a/NIPPA.GEXF"), format_from_path("x.txt")
    ('kumu', 'gexf', None)
    """
    return _format_from_path(path, "export")


def export_paths(
    output: str | os.PathLike[str], fmt: str, *, stem: str = "network", folder: bool = False
) -> list[Path]:
    """The files an export to ``output`` writes: one, or for ``csv`` the node and edge tables.

    ``folder`` (or an ``output`` that :func:`~kyodo_network.render.outputs.is_folder` says is one): the files go
    inside it, named ``stem`` and the format's ending. For csv, ``name.csv`` gives ``name-nodes.csv`` and
    ``name-edges.csv``.

    >>> [str(p) for p in export_paths("out/", "csv", stem="nippa-network")]
    ['out/nippa-network-nodes.csv', 'out/nippa-network-edges.csv']
    >>> [str(p) for p in export_paths("t.csv", "csv")], [str(p) for p in export_paths("d", "gexf", stem="n")]
    (['t-nodes.csv', 't-edges.csv'], ['d/n.gexf'])
    """
    path = Path(output)
    if folder or is_folder(output):
        path = path / f"{stem}{suffix_of('export', fmt)}"
    if fmt != "csv":
        return [path]
    base = path.name[: -len(".csv")] if path.name.lower().endswith(".csv") else path.name
    return [path.with_name(f"{base}-nodes.csv"), path.with_name(f"{base}-edges.csv")]


def export_files(G: nx.Graph, fmt: str, *, lang: str = "ja") -> list[str | bytes]:
    """The contents of the export of ``G`` in ``fmt``: one file's, or for ``csv`` the node and edge tables'.

    File paths are made shareable first (:func:`shared_paths`).

    Raises
    ------
    KyodoError
        For an unknown format, a directed graph or the projects view.
    """
    if fmt not in FORMATS:
        raise KyodoError(text("export.no-format", path=fmt))
    if G.is_directed() or G.graph.get("view", "actors") != "actors":
        raise KyodoError(text("export.actors-only"))
    G = shared_paths(G)
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


def export_graph(
    G: nx.Graph,
    output: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    stem: str | None = None,
    folder: bool = False,
    lang: str = "ja",
) -> list[Path]:
    """Write the export of ``G`` to ``output`` (all files or none) and return the paths written.

    Parameters
    ----------
    G
        The undirected actor graph from :func:`~kyodo_network.graph.graph_from_names` (with ``public=True`` for
        handing out: the file names then say ``-public``).
    output
        A file, or a folder (``folder=True``, a trailing ``/``, an existing folder or a name with no suffix) to
        hold ``<stem>.<suffix>``.
    fmt
        One of :data:`FORMATS`; taken from ``output``'s suffix when ``None``.
    stem
        The name of a file in a folder, without suffix; by default the network's
        (:func:`~kyodo_network.render.outputs.output_name`: ``nippa-network``, ``nippa-network-2005-public-en``).
    lang
        Language of labels and of the CSV, workbook and Kumu headers (``ja`` or ``en``).

    Raises
    ------
    OutputPathError
        When the format cannot be told or does not match the suffix.
    KyodoError
        When a target is an input file.

    Examples
    --------
    >>> import tempfile
    >>> from kyodo_network.graph import graph_from_names
    >>> with tempfile.TemporaryDirectory() as d:
    ...     [p.name for p in export_graph(graph_from_names(["nippa"]), Path(d) / "nippa.csv")]
    ['nippa-nodes.csv', 'nippa-edges.csv']
    """
    fmt = output_format(os.path.join(output, "") if folder else output, "export", fmt)
    if stem is None:
        from ..outputs import output_name

        stem = output_name(G, "export", fmt, lang=lang).removesuffix(suffix_of("export", fmt))
    paths = export_paths(output, fmt, stem=stem, folder=folder)
    return write_files(zip(paths, export_files(G, fmt, lang=lang)))


#: Keys whose values are file paths (``origin`` is ``path:line`` or ``path:sheet!A1``; ``files`` a list).
_PATH_KEYS = ("origin", "path", "files")


def shared_path(
    value: str, *, public: bool = False, location: bool = False, cwd: str | os.PathLike[str] | None = None
) -> str:
    """A file path as a shared file may show it: relative to the working folder (``cwd``) when the file is
    inside it, else the bare file name; with ``public``, always the bare file name. With ``location``, ``value``
    is an ``origin`` (``path:line``, ``path:sheet!A1``) and the place in the file is kept.

    >>> shared_path("/home/yamada/cases/nippa.yaml:12", location=True, cwd="/home/yamada")
    'cases/nippa.yaml:12'
    >>> shared_path("/usr/lib/kyodo/datasets/nippa.yaml:12", location=True, cwd="/home/yamada")
    'nippa.yaml:12'
    >>> shared_path("cases/nippa.yaml", public=True), shared_path("地区.xlsx:連携先!B7", location=True, cwd="/x")
    ('nippa.yaml', '地区.xlsx:連携先!B7')
    """
    path, where = value, ""
    if location:
        head, sep, tail = value.rpartition(":")
        if sep and head and (tail.isdigit() or "!" in tail):
            path, where = head, sep + tail
    p = Path(path)
    name = p.name or path
    if public:
        return name + where
    if not p.is_absolute() and ".." not in p.parts:
        return path + where  # already relative to the working folder, as the loader shows it
    base = Path(cwd if cwd is not None else os.getcwd())
    for a, b in ((p, base), (p.resolve(), base.resolve())):
        try:
            return a.relative_to(b).as_posix() + where
        except ValueError:
            continue
    return name + where


def shared_paths(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose file paths (:data:`_PATH_KEYS`, at any depth of the graph's, nodes' and edges'
    data) are as :func:`shared_path` writes them for the working folder; in a public graph (``G.graph["public"]``)
    the bare file names, and no ``origin`` (the redaction has dropped it). ``G`` is not modified.

    >>> G = nx.Graph(files=["/srv/kyodo/datasets/nippa.yaml"])
    >>> G.add_node("a", origin="/srv/kyodo/datasets/nippa.yaml:3")
    >>> H = shared_paths(G); H.graph["files"], H.nodes["a"]["origin"]
    (['nippa.yaml'], 'nippa.yaml:3')
    """
    public = bool(G.graph.get("public"))
    cwd = os.getcwd()

    def walk(value: object, key: str | None = None) -> object:
        if isinstance(value, str) and key in _PATH_KEYS:
            if public and key == "origin":
                return None
            return shared_path(value, public=public, location=key == "origin", cwd=cwd)
        if isinstance(value, dict):
            return {k: walk(v, k if isinstance(k, str) else None) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            items = [walk(v, key if key == "files" else None) for v in value]
            return items if isinstance(value, list) else tuple(items)
        return value

    H = G.__class__()
    H.graph.update(walk(dict(G.graph)))
    H.add_nodes_from((n, walk(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, walk(d)) for u, v, d in G.edges(data=True))
    return H
