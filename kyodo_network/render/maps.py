"""Writing maps to files: one map in any format, or one map per case plus their index (``maps.html``).

File names and formats come from the one table, :mod:`kyodo_network.render.outputs`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import KyodoError
from ._write import check_targets, write_atomic, write_files
from .outputs import KINDS, output_format

__all__ = ["write_map", "write_maps", "map_bytes", "MAP_FORMATS"]

MAP_FORMATS = tuple(KINDS["map"].formats)


def write_map(model: Mapping, path: str | os.PathLike[str], *, fmt: str = "html", paper: str = "a4") -> Path:
    """Write a map model as ``html`` (interactive, offline) or ``png``/``svg``/``pdf`` (printable) to ``path``.

    Only ``path`` is created (and its folder if missing); the write is atomic. A ``path`` whose ending does not
    fit ``fmt`` is refused (:func:`~kyodo_network.render.outputs.output_format`).

    Examples
    --------
    >>> import tempfile
    >>> from kyodo_network import load_cases, graph_from_cases
    >>> from kyodo_network.render.mapmodel import map_model
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = write_map(map_model(graph_from_cases(load_cases(["dream-heights"]))), Path(d) / "m.html")
    ...     sorted(x.name for x in Path(d).iterdir())
    ['m.html']
    """
    if Path(path).suffix:
        output_format(path, "map", fmt)
    check_targets([path])
    return write_atomic(path, map_bytes(model, fmt=fmt, paper=paper))


def map_bytes(model: Mapping, *, fmt: str = "html", paper: str = "a4") -> str | bytes:
    """The map as the text of an HTML page or the bytes of a PNG/SVG/PDF."""
    if fmt == "html":
        from .html import html_from_model

        return html_from_model(model)
    if fmt in ("png", "svg", "pdf"):
        from .static import static_bytes

        return static_bytes(model, fmt=fmt, paper=paper)
    raise KyodoError(f"unknown map format '{fmt}'; use one of {', '.join(MAP_FORMATS)}")


def write_maps(
    models: Sequence[tuple[str, Mapping]],
    folder: str | os.PathLike[str],
    *,
    fmt: str = "html",
    paper: str = "a4",
    lang: str = "ja",
    index_name: str = "maps.html",
) -> list[Path]:
    """Write ``(file name, map model)`` pairs into ``folder`` plus an index page ``index_name`` linking them
    (``maps.html``: a report run's index is ``index.html``, so neither replaces the other).

    Returns the paths written, index last. All or nothing: every file is rendered before any is written, and a
    failure leaves the folder as it was (:func:`~kyodo_network.render._write.write_files`).
    """
    from .html import index_html

    folder = Path(folder)
    check_targets([folder / file for file, _ in models] + [folder / index_name])
    files, entries = [], []
    for file, model in models:
        files.append((folder / file, map_bytes(model, fmt=fmt, paper=paper)))
        entries.append({"href": file, "title": model["meta"]["title"], "subtitle": model["meta"]["subtitle"]})
    files.append((folder / index_name, index_html(entries, lang=lang)))
    return write_files(files)
