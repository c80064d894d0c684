"""Writing maps to files: one map in any format, or one map per case plus an ``index.html``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..errors import KyodoError
from ._write import check_targets, write_atomic, write_files

__all__ = ["write_map", "write_maps", "map_bytes", "map_file_name", "MAP_FORMATS"]

MAP_FORMATS = ("html", "png", "svg", "pdf")


def write_map(model: Mapping, path: str | os.PathLike[str], *, fmt: str = "html", paper: str = "a4") -> Path:
    """Write a map model as ``html`` (interactive, offline) or ``png``/``svg``/``pdf`` (printable) to ``path``.

    Only ``path`` is created (and its folder if missing); the write is atomic.

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


def map_file_name(cases: Sequence[str | os.PathLike[str]], *, fmt: str = "html", view: str = "actors",
                  focus: str | None = None, public: bool = False, year: int | None = None,
                  sectors: Iterable[str] | None = None) -> str:
    """The default file name of a map: case ids joined by ``_``, then ``-projects``, ``-<year>``,
    ``-<sector>+<sector>``, ``-<focus>``, ``-public``, so maps of different selections do not overwrite each other.

    A public map never carries the focus id in its name (it may name a private person).

    >>> map_file_name(["nippa"], year=2005, sectors=["school", "person"])
    'nippa-2005-person+school.html'

    >>> map_file_name(["nippa", "datasets/akuwa-north.yaml"], fmt="png", public=True)
    'nippa_akuwa-north-public.png'
    >>> map_file_name(["nippa"], focus="coordinator-s", public=True)
    'nippa-focus-public.html'
    """
    from ..load import case_stem

    base = "_".join(case_stem(c) for c in cases) or "map"
    if view != "actors":
        base += f"-{view}"
    if year is not None:
        base += f"-{year}"
    if sectors:
        base += "-" + "+".join(sorted(set(sectors)))
    if focus:
        base += "-focus" if public else f"-{focus}"
    if public:
        base += "-public"
    return f"{base}.{fmt}"


def write_maps(models: Sequence[tuple[str, Mapping]], folder: str | os.PathLike[str], *, fmt: str = "html",
               paper: str = "a4", lang: str = "ja") -> list[Path]:
    """Write ``(file name, map model)`` pairs into ``folder`` plus an ``index.html`` linking them.

    Returns the paths written, index last. All or nothing: every file is rendered before any is written, and a
    failure leaves the folder as it was (:func:`~kyodo_network.render._write.write_files`).
    """
    from .html import index_html

    folder = Path(folder)
    check_targets([folder / file for file, _ in models] + [folder / "index.html"])
    files, entries = [], []
    for file, model in models:
        files.append((folder / file, map_bytes(model, fmt=fmt, paper=paper)))
        entries.append({"href": file, "title": model["meta"]["title"], "subtitle": model["meta"]["subtitle"]})
    files.append((folder / "index.html", index_html(entries, lang=lang)))
    return write_files(files)
