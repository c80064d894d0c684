"""The printable map: PNG, SVG or PDF on A4 or A3 landscape, drawn with matplotlib.

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

__all__ = ["write_static_map", "static_bytes", "drawing_bytes", "japanese_font_path", "PAPERS", "STATIC_FORMATS"]

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


def drawing_bytes(draw: Callable[[Any], None], *, fmt: str = "png", paper: str = "a4", dpi: int = 200) -> bytes:
    """A matplotlib figure on ``paper`` (landscape), drawn by ``draw(fig)`` in the Japanese font with text taken
    literally (no mathtext), saved by the one figure saver (:func:`~kyodo_network.render.figure.figure_bytes`:
    no dates or software names, so the same drawing gives the same bytes)."""
    from .figure import figure_bytes

    if fmt not in FIGURE_FORMATS:
        raise KyodoError(f"unknown format '{fmt}'; use one of {', '.join(FIGURE_FORMATS)}")
    if paper not in PAPERS:
        raise KyodoError(f"unknown paper '{paper}'; use one of {', '.join(PAPERS)}")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    import matplotlib

    family = [japanese_font(), "DejaVu Sans"]
    rc = {"font.family": family, "axes.unicode_minus": False, "text.parse_math": False,
          "text.usetex": False}  # text is text: $, ^, _ literal
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=PAPERS[paper], dpi=dpi)
        FigureCanvasAgg(fig)
        draw(fig)
        return figure_bytes(fig, fmt)


def write_static_map(model: Mapping, path: str | os.PathLike[str], *, fmt: str | None = None,
                     paper: str = "a4") -> Path:
    """Write the printable map to ``path`` (format from ``fmt`` or the suffix), atomically; return the path."""
    from .outputs import output_format

    path = Path(path)
    fmt = output_format(path, "map", fmt)
    return write_atomic(path, static_bytes(model, fmt=fmt, paper=paper))


def _draw(fig, model: Mapping, paper: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    k = 1.0 if paper == "a4" else 1.35
    meta, legend = model["meta"], model["legend"]
    fig.text(0.015, 0.975, meta["title"], fontsize=16 * k, va="top")
    fig.text(0.015, 0.935, meta["subtitle"], fontsize=8.5 * k, va="top", color="#333333")
    # Wrapped here, not by matplotlib (wrap=True measures a line with two $ as mathtext and fails on it).
    fig.text(0.015, 0.012, _wrap(f"{model['ui']['source']}: {meta['source']}", 190, limit=600), fontsize=7 * k,
             va="bottom", color="#333333")
    ax = fig.add_axes((0.01, 0.05, 0.72, 0.86))
    ax.set_axis_off()
    nodes = model["nodes"]
    if not nodes:
        return
    from .style import label_box

    pos = {n["id"]: (n["x"], -n["y"]) for n in nodes}
    boxes = {n["id"]: label_box(n["label"], n["size"]) for n in nodes}
    x0 = min(pos[i][0] - boxes[i][0] / 2 for i in pos) - 0.1
    x1 = max(pos[i][0] + boxes[i][0] / 2 for i in pos) + 0.1
    y0 = min(pos[i][1] - boxes[i][1] / 2 for i in pos) - 0.1
    y1 = max(pos[i][1] + boxes[i][1] / 2 for i in pos) + 0.1
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box", anchor="C")
    ax.apply_aspect()
    # Points per layout unit, so node sizes and fonts follow the scale of the drawing.
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
        a = FancyArrowPatch(pos[e["from"]], pos[e["to"]], arrowstyle=style, mutation_scale=8 * k + lw * 2,
                            shrinkA=radius[e["from"]], shrinkB=radius[e["to"]] + 1, color=e["colour"],
                            linewidth=lw, linestyle=_dashes(e["dashes"], lw), alpha=0.55 if e["inferred"] else 0.95,
                            zorder=1)
        ax.add_patch(a)
        if e["arrows"] == "to, from":
            ax.add_patch(FancyArrowPatch(pos[e["to"]], pos[e["from"]], arrowstyle=style, mutation_scale=8 * k + lw * 2,
                                         shrinkA=radius[e["to"]], shrinkB=radius[e["from"]] + 1, color=e["colour"],
                                         linewidth=0, zorder=1))
    markers = {"dot": "o", "star": "*", "square": "s"}
    for n in nodes:
        r = radius[n["id"]]
        m = markers.get(n["shape"], "o")
        ms = 2 * r * (1.35 if m == "*" else 0.9 if m == "s" else 1.0)
        ax.plot(*pos[n["id"]], marker=m, markersize=ms, markerfacecolor=n["colour"],
                markeredgecolor="#111111" if n["articulation"] else "#4a4a4a",
                markeredgewidth=2.6 * k if n["articulation"] else 0.6, linestyle="none", zorder=3)
    fs = max(4.0, min(8.0 * k, 13 * px))
    for n in nodes:
        r = radius[n["id"]]
        ax.annotate(n["label"], pos[n["id"]], xytext=(0, -(r * (1.3 if n["shape"] == "star" else 1.0)) - 1.5),
                    textcoords="offset points", ha="center", va="top", fontsize=fs, zorder=4, linespacing=1.05,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})

    handles, labels = [], []

    def section(title: str) -> None:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(title)

    if legend["sectors"]:
        section(model["ui"]["sectors"])
        for s in legend["sectors"]:
            handles.append(Line2D([], [], marker="o", linestyle="none", markersize=8, markerfacecolor=s["colour"],
                                  markeredgecolor="#4a4a4a", markeredgewidth=0.6))
            labels.append(s["label"])
    for kd in legend["kinds"]:
        handles.append(Line2D([], [], marker="s" if kd["shape"] == "square" else "o", linestyle="none", markersize=8,
                              markerfacecolor=kd.get("colour", "#bbbbbb"), markeredgecolor="#4a4a4a"))
        labels.append(kd["label"])
    if legend["edges"]:
        section(model["ui"]["ties"])
        for e in legend["edges"]:
            lw = max(1.0, e["width"] * 0.8)
            handles.append(Line2D([], [], color=e["colour"], linewidth=lw, linestyle=_dashes(e["dashes"], lw)))
            labels.append(e["label"])
    if legend["marks"]:
        section(model["ui"]["marks"])
        for mk in legend["marks"]:
            if mk["mark"] == "inferred":
                handles.append(Line2D([], [], color="#878787", linewidth=2.4, alpha=0.55))
            elif mk["mark"] == "coordinator":
                handles.append(Line2D([], [], marker="*", linestyle="none", markersize=13, markerfacecolor="#e7298a",
                                      markeredgecolor="#4a4a4a", markeredgewidth=0.6))
            else:
                handles.append(Line2D([], [], marker="o", linestyle="none", markersize=10, markerfacecolor="#dddddd",
                                      markeredgecolor="#111111", markeredgewidth=2.4))
            labels.append(mk["label"])
    handles.append(Line2D([], [], linestyle="none"))
    labels.append(model["ui"]["size_note"])
    wrapped = [_wrap(t, 30 if paper == "a4" else 36) for t in labels]
    leg = fig.legend(handles, wrapped, loc="upper left", bbox_to_anchor=(0.745, 0.91), frameon=False,
                     fontsize=7.5 * k, handlelength=3.2, borderaxespad=0, labelspacing=0.55)
    heads = (model["ui"]["sectors"], model["ui"]["ties"], model["ui"]["marks"])
    for text, raw in zip(leg.get_texts(), labels):
        if raw in heads:  # IPAexGothic has no bold: headings are larger and darker instead
            text.set_fontsize(9.5 * k)
            text.set_color("#000000")
        else:
            text.set_color("#222222")


def _wrap(text: str, width: int, *, limit: int | None = None) -> str:
    """``text`` cut at ``limit`` characters (:data:`~kyodo_network.render.labels.LABEL_MAX`) and broken into lines
    of ``width`` columns when it may be wider than that."""
    from .labels import LABEL_MAX, cut_label
    from .style import wrap_label

    text = cut_label(text, limit or LABEL_MAX)
    return wrap_label(text, width) if len(text) > math.ceil(width / 2) else text
