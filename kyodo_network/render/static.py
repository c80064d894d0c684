"""The printable map: PNG, SVG or PDF on A4 or A3 landscape, and the report's picture of it, drawn with matplotlib.

The report's picture (:func:`handout_bytes`) is drawn at the size it prints, the width of an A4 page's text, so
its labels and legend are at least :data:`HANDOUT_LABEL_PT` points on paper; it has no title or source line of
its own (the report prints them once).

Japanese text is set in IPAexGothic, the font bundled in the ``matplotlib-fontja`` package; its file is
registered with :mod:`matplotlib.font_manager` explicitly (the package is never imported, so nothing changes
matplotlib's global settings), so labels never turn into boxes whatever fonts the machine has. Drawing happens
on a private Agg figure; the file is written atomically.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..errors import KyodoError
from .fonts import japanese_font, japanese_font_path  # noqa: F401  (japanese_font_path re-exported)
from ._write import write_atomic
from .figure import FIGURE_FORMATS

__all__ = [
    "write_static_map",
    "static_bytes",
    "handout_bytes",
    "drawing_bytes",
    "japanese_font_path",
    "PAPERS",
    "STATIC_FORMATS",
    "HANDOUT_WIDTH",
    "HANDOUT_LABEL_PT",
]

#: Landscape paper sizes in inches.
PAPERS = {"a4": (11.69, 8.27), "a3": (16.54, 11.69)}
STATIC_FORMATS = FIGURE_FORMATS


def _dashes(d: list | None, width: float):
    if not d:
        return "solid"
    scale = 1.0 / max(width, 1.0)
    return (0, tuple(max(0.5, x * scale * 0.9) for x in d))


def static_bytes(model: Mapping, *, fmt: str = "png", paper: str = "a4", dpi: int = 200) -> bytes:
    """The map drawn as a ``png``, ``svg`` or ``pdf`` file on ``paper`` (``a4`` or ``a3``, landscape).

    Output is reproducible: the same model gives the same bytes (no creation date in SVG or PDF).
    """
    return drawing_bytes(lambda fig: _draw(fig, model, paper), fmt=fmt, paper=paper, dpi=dpi)


def drawing_bytes(
    draw: Callable[[Any], None],
    *,
    fmt: str = "png",
    paper: str = "a4",
    dpi: int = 200,
    size: tuple[float, float] | None = None,
) -> bytes:
    """A matplotlib figure on ``paper`` (landscape), or of ``size`` inches, drawn by ``draw(fig)`` in the
    Japanese font with text taken literally (no mathtext), saved by the one figure saver
    (:func:`~kyodo_network.render.figure.figure_bytes`: no dates or software names, so the same drawing gives
    the same bytes). ``draw`` may resize the figure."""
    from .figure import figure_bytes

    if fmt not in FIGURE_FORMATS:
        raise KyodoError(f"unknown format '{fmt}'; use one of {', '.join(FIGURE_FORMATS)}")
    if size is None and paper not in PAPERS:
        raise KyodoError(f"unknown paper '{paper}'; use one of {', '.join(PAPERS)}")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    import matplotlib

    family = [japanese_font(), "DejaVu Sans"]
    rc = {
        "font.family": family,
        "axes.unicode_minus": False,
        "text.parse_math": False,
        "text.usetex": False,
    }  # text is text: $, ^, _ literal
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=size or PAPERS[paper], dpi=dpi)
        FigureCanvasAgg(fig)
        draw(fig)
        return figure_bytes(fig, fmt)


def write_static_map(
    model: Mapping, path: str | os.PathLike[str], *, fmt: str | None = None, paper: str = "a4"
) -> Path:
    """Write the printable map to ``path`` (format from ``fmt`` or the suffix), atomically; return the path."""
    from .outputs import output_format

    path = Path(path)
    fmt = output_format(path, "map", fmt)
    return write_atomic(path, static_bytes(model, fmt=fmt, paper=paper))


def _draw(fig, model: Mapping, paper: str) -> None:
    k = 1.0 if paper == "a4" else 1.35
    meta = model["meta"]
    fig.text(0.015, 0.975, meta["title"], fontsize=16 * k, va="top")
    fig.text(0.015, 0.935, meta["subtitle"], fontsize=8.5 * k, va="top", color="#333333")
    # Wrapped here, not by matplotlib (wrap=True measures a line with two $ as mathtext and fails on it).
    fig.text(
        0.015,
        0.012,
        _wrap(f"{model['ui']['source']}: {meta['source']}", 190, limit=600) if meta["source"] else "",
        fontsize=7 * k,
        va="bottom",
        color="#333333",
    )
    ax = fig.add_axes((0.01, 0.05, 0.72, 0.86))
    if not model["nodes"]:
        ax.set_axis_off()
        return
    _network(ax, model, k=k)
    handles, labels, heads = [], [], []
    for title, rows in _legend_sections(model, k=k):
        if title:
            handles.append(_blank())
            labels.append(title)
            heads.append(title)
        for handle, label in rows:
            handles.append(handle)
            labels.append(label)
    wrapped = [_wrap(t, 30 if paper == "a4" else 36, limit=LEGEND_MAX) for t in labels]
    leg = fig.legend(
        handles,
        wrapped,
        loc="upper left",
        bbox_to_anchor=(0.745, 0.91),
        frameon=False,
        fontsize=7.5 * k,
        handlelength=3.2,
        borderaxespad=0,
        labelspacing=0.55,
    )
    for text, raw in zip(leg.get_texts(), labels):
        if raw in heads:  # IPAexGothic has no bold: headings are larger and darker instead
            text.set_fontsize(9.5 * k)
            text.set_color("#000000")
        else:
            text.set_color("#222222")


#: The longest legend line drawn before 「…」 (the size note and the marks carry their glosses whole).
LEGEND_MAX = 400

#: The report's picture of the map (:func:`handout_bytes`): as wide as the text of an A4 page with the report's
#: 12 mm side margins, in inches, so one point of the drawing is one point on paper.
HANDOUT_WIDTH = (210 - 2 * 12) / 25.4
#: The tallest the network itself may be drawn on the handout, in inches (the legend goes below it).
HANDOUT_NETWORK_MAX = 120 / 25.4
#: The smallest text of the handout's picture, in points on paper: actor labels and the legend.
HANDOUT_LABEL_PT = 7.5
#: Where the three legend columns of the handout begin (sectors, kinds of tie, marks and size), as shares of the
#: width, and how many text columns each wraps at (a Japanese character is two).
HANDOUT_COLUMNS = ((0.0, 34), (0.31, 22), (0.53, 54))


def handout_bytes(model: Mapping, *, fmt: str = "svg", dpi: int = 200) -> bytes:
    """The map drawn for the printed report: :data:`HANDOUT_WIDTH` wide (the report prints it at that width, so
    sizes here are sizes on paper), the network across the whole width, actor labels and the legend at least
    :data:`HANDOUT_LABEL_PT` points, the legend (with what each mark and size means) in three columns below.

    No title and no source line: the report's page prints them once, above the picture.

    >>> from kyodo_network.graph import graph_from_names
    >>> from kyodo_network.render.mapmodel import map_model
    >>> handout_bytes(map_model(graph_from_names(["dream-heights"])))[:5]
    b'<?xml'
    """
    return drawing_bytes(lambda fig: _draw_handout(fig, model), fmt=fmt, dpi=dpi, size=(HANDOUT_WIDTH, 6.0))


def _draw_handout(fig, model: Mapping) -> None:
    pt = HANDOUT_LABEL_PT
    legends = []
    for (x, width), (title, rows) in zip(HANDOUT_COLUMNS, _legend_sections(model, k=1.0, columns=True)):
        if not rows:
            continue
        labels = [_wrap(label, width, limit=LEGEND_MAX) for _, label in rows]
        leg = fig.legend(
            [h for h, _ in rows],
            labels,
            title=title,
            loc="upper left",
            frameon=False,
            fontsize=pt,
            title_fontsize=pt + 1.5,
            alignment="left",
            handlelength=2.4,
            handletextpad=0.6,
            borderaxespad=0,
            borderpad=0.2,
            labelspacing=0.45,
        )
        leg.get_title().set_color("#000000")
        for t in leg.get_texts():
            t.set_color("#222222")
        legends.append((x, leg))
    renderer = fig.canvas.get_renderer()
    legend_h = max((leg.get_window_extent(renderer).height / fig.dpi for _, leg in legends), default=0.0)
    nodes = model["nodes"]
    if nodes:
        x0, x1, y0, y1 = _bounds(model)
        net_h = min(HANDOUT_WIDTH * (y1 - y0) / (x1 - x0), HANDOUT_NETWORK_MAX)
    else:
        net_h = 0.3
    pad, gap = 0.03, 0.1
    height = pad + net_h + gap + legend_h + pad
    fig.set_size_inches(HANDOUT_WIDTH, height)
    for x, leg in legends:
        leg.set_bbox_to_anchor((x * HANDOUT_WIDTH, pad + legend_h), transform=fig.dpi_scale_trans)
    ax = fig.add_axes((0.0, (pad + legend_h + gap) / height, 1.0, net_h / height))
    if nodes:
        _network(ax, model, k=1.0, label_pt=pt)
    else:
        ax.set_axis_off()


def _bounds(model: Mapping) -> tuple[float, float, float, float]:
    """The drawing's extent in layout units: every node with its label box, and a margin."""
    from .style import label_box

    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    for n in model["nodes"]:
        w, h = label_box(n["label"], n["size"])
        x, y = n["x"], -n["y"]
        x0, x1, y0, y1 = min(x0, x - w / 2), max(x1, x + w / 2), min(y0, y - h / 2), max(y1, y + h / 2)
    return x0 - 0.1, x1 + 0.1, y0 - 0.1, y1 + 0.1


def _network(ax, model: Mapping, *, k: float, label_pt: float | None = None) -> None:
    """Ties, actors and their labels on ``ax``, scaled to fill it. Labels follow the drawing's scale between
    4 and 8 points (times ``k``); with ``label_pt`` never below it (the handout: readable on paper)."""
    from matplotlib.patches import FancyArrowPatch

    ax.set_axis_off()
    nodes = model["nodes"]
    pos = {n["id"]: (n["x"], -n["y"]) for n in nodes}
    x0, x1, y0, y1 = _bounds(model)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box", anchor="C")
    ax.apply_aspect()
    # Points per layout unit, so node sizes and fonts follow the scale of the drawing.
    fig = ax.figure
    bbox = ax.get_position()
    fw, fh = fig.get_size_inches()
    ppu = min(bbox.width * fw * 72 / (x1 - x0), bbox.height * fh * 72 / (y1 - y0))
    px = min(ppu / model["meta"].get("px_per_unit", 150), 0.9 * k)  # points per HTML pixel
    radius = {n["id"]: n["size"] * px for n in nodes}
    for e in model["edges"]:
        if e["from"] not in pos or e["to"] not in pos:
            continue
        style = "-|>" if e["arrows"] else "-"
        lw = max(0.5, e["width"] * px * 0.8)
        a = FancyArrowPatch(
            pos[e["from"]],
            pos[e["to"]],
            arrowstyle=style,
            mutation_scale=8 * k + lw * 2,
            shrinkA=radius[e["from"]],
            shrinkB=radius[e["to"]] + 1,
            color=e["colour"],
            linewidth=lw,
            linestyle=_dashes(e["dashes"], lw),
            alpha=0.55 if e["inferred"] else 0.95,
            zorder=1,
        )
        ax.add_patch(a)
        if e["arrows"] == "to, from":
            ax.add_patch(
                FancyArrowPatch(
                    pos[e["to"]],
                    pos[e["from"]],
                    arrowstyle=style,
                    mutation_scale=8 * k + lw * 2,
                    shrinkA=radius[e["to"]],
                    shrinkB=radius[e["from"]] + 1,
                    color=e["colour"],
                    linewidth=0,
                    zorder=1,
                )
            )
    markers = {"dot": "o", "star": "*", "square": "s"}
    for n in nodes:
        r = radius[n["id"]]
        m = markers.get(n["shape"], "o")
        ms = 2 * r * (1.35 if m == "*" else 0.9 if m == "s" else 1.0)
        ax.plot(
            *pos[n["id"]],
            marker=m,
            markersize=ms,
            markerfacecolor=n["colour"],
            markeredgecolor="#111111" if n["articulation"] else "#4a4a4a",
            markeredgewidth=2.6 * k if n["articulation"] else 0.6,
            linestyle="none",
            zorder=3,
        )
    if label_pt is None:
        fs = max(4.0, min(8.0 * k, 13 * px))
    else:
        fs = max(label_pt, min(label_pt + 1.5, 14 * px))
    for n in nodes:
        r = radius[n["id"]]
        ax.annotate(
            n["label"],
            pos[n["id"]],
            xytext=(0, -(r * (1.3 if n["shape"] == "star" else 1.0)) - 1.5),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=fs,
            zorder=4,
            linespacing=1.05,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75},
        )


def _blank():
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="none")


def _legend_sections(model: Mapping, *, k: float, columns: bool = False) -> list[tuple[str | None, list]]:
    """The legend as ``(heading, [(handle, label)…])`` sections: sectors (and kinds of node), kinds of tie,
    marks with the size note last. ``columns``: always three sections, for three columns (empty ones too)."""
    from matplotlib.lines import Line2D

    legend, ui = model["legend"], model["ui"]
    sectors, ties, marks = [], [], []
    for s in legend["sectors"]:
        sectors.append(
            (
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="none",
                    markersize=8 * k,
                    markerfacecolor=s["colour"],
                    markeredgecolor="#4a4a4a",
                    markeredgewidth=0.6,
                ),
                s["label"],
            )
        )
    kinds = []
    for kd in legend["kinds"]:
        kinds.append(
            (
                Line2D(
                    [],
                    [],
                    marker="s" if kd["shape"] == "square" else "o",
                    linestyle="none",
                    markersize=8 * k,
                    markerfacecolor=kd.get("colour", "#bbbbbb"),
                    markeredgecolor="#4a4a4a",
                ),
                kd["label"],
            )
        )
    for e in legend["edges"]:
        lw = max(1.0, e["width"] * 0.8)
        ties.append((Line2D([], [], color=e["colour"], linewidth=lw, linestyle=_dashes(e["dashes"], lw)), e["label"]))
    for mk in legend["marks"]:
        if mk["mark"] == "inferred":
            handle = Line2D([], [], color="#878787", linewidth=2.4, alpha=0.55)
        elif mk["mark"] == "coordinator":
            handle = Line2D(
                [],
                [],
                marker="*",
                linestyle="none",
                markersize=13 * k,
                markerfacecolor="#e7298a",
                markeredgecolor="#4a4a4a",
                markeredgewidth=0.6,
            )
        else:
            handle = Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=10 * k,
                markerfacecolor="#dddddd",
                markeredgecolor="#111111",
                markeredgewidth=2.4,
            )
        marks.append((handle, mk["label"]))
    marks.append((_blank(), ui["size_note"]))
    if columns:
        return [(ui["sectors"] if sectors else ui["kinds"], sectors + kinds), (ui["ties"], ties), (ui["marks"], marks)]
    out: list[tuple[str | None, list]] = []
    if sectors:
        out.append((ui["sectors"], sectors))
    if kinds:
        out.append((None, kinds))
    if ties:
        out.append((ui["ties"], ties))
    out.append((ui["marks"] if legend["marks"] else None, marks))
    return out


def _wrap(text: str, width: int, *, limit: int | None = None) -> str:
    """``text`` cut at ``limit`` characters (:data:`~kyodo_network.render.labels.LABEL_MAX`) and broken into lines
    of ``width`` columns when it may be wider than that."""
    from .labels import LABEL_MAX, cut_label
    from .style import wrap_label

    text = cut_label(text, limit or LABEL_MAX)
    return wrap_label(text, width) if len(text) > math.ceil(width / 2) else text
