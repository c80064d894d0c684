"""A chart for a slide: each principle (and point) × each side's latest score, one panel per project.

matplotlib, imported inside :func:`review_chart`; Japanese set in IPAexGothic (:mod:`kyodo_network.render.fonts`).
Government sides are drawn in the 行政 red, citizen sides in greens and blues, as the maps do.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..instruments import ITEMS, SCORE_RANGE
from ..lang import pick, text
from ._write import check_targets, write_atomic

__all__ = ["review_chart", "write_review_chart"]

_CITIZEN = ("#33a02c", "#1f78b4", "#ff7f00", "#6a3d9a", "#17becf", "#a6761d")
_GOVERNMENT = ("#e31a1c", "#fb9a99", "#b15928")


def review_chart(
    findings: Mapping[str, Any], *, fmt: str = "png", lang: str = "ja", principles_only: bool = True
) -> bytes:
    """PNG or SVG bytes: grouped horizontal bars, items down, sides as bars, gaps (認識の違い) marked."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .figure import figure_bytes
    from .fonts import japanese_font

    projects = [p for p in findings["projects"] if p["sides"]]
    rc = {"font.family": [japanese_font(), "DejaVu Sans"], "text.parse_math": False, "text.usetex": False}
    with matplotlib.rc_context(rc):
        n = max(len(projects), 1)
        fig = Figure(figsize=(10, 4.2 * n if principles_only else 7.5 * n))
        FigureCanvasAgg(fig)
        for k, pr in enumerate(projects or [None]):
            ax = fig.add_subplot(n, 1, k + 1)
            if pr is None:
                ax.axis("off")
                ax.text(0.5, 0.5, text("review.none", lang), ha="center", va="center")
                continue
            rows = [x for x in pr["items"] if not principles_only or x["kind"] == "principle"]
            sides = pr["sides"]
            width = 0.8 / max(len(sides), 1)
            c = g = 0
            for i, side in enumerate(sides):
                if side["side"] == "government":
                    colour, g = _GOVERNMENT[g % len(_GOVERNMENT)], g + 1
                else:
                    colour, c = _CITIZEN[c % len(_CITIZEN)], c + 1
                ys = [j + i * width for j in range(len(rows))]
                vals = [x["scores"].get(side["id"], 0) for x in rows]
                ax.barh(ys, vals, height=width * 0.9, color=colour, label=pick(side, "name", lang))
            labels = []
            for x in rows:
                item = ITEMS[x["item"]]
                label = item.name if lang == "ja" else item.name_en
                if x["item"] in pr["gaps"]:
                    label = f"{label} ⚠ {text('review.gap-mark', lang)}"
                labels.append(label)
            ax.set_yticks([j + 0.4 - width / 2 for j in range(len(rows))], labels, fontsize=9)
            ax.invert_yaxis()
            ax.set_xlim(0, SCORE_RANGE[1])
            ax.set_xticks(range(0, SCORE_RANGE[1] + 1))
            ax.set_title(pick(pr, "name", lang), fontsize=11, loc="left")
            ax.legend(fontsize=8, loc="lower right")
        fig.suptitle(text("review.chart.title", lang), fontsize=13, x=0.01, ha="left")
        fig.tight_layout()
        return figure_bytes(fig, fmt, dpi=150)


def write_review_chart(findings: Mapping[str, Any], path: str | os.PathLike[str], *, lang: str = "ja") -> Path:
    """Write :func:`review_chart` as PNG or SVG by the suffix of ``path``.

    Raises
    ------
    OutputPathError
        When ``path`` ends in neither ``.png`` nor ``.svg`` (:func:`~kyodo_network.render.outputs.output_format`).
    """
    from .outputs import output_format

    fmt = output_format(path, "review-chart")
    check_targets([path])
    return write_atomic(path, review_chart(findings, fmt=fmt, lang=lang))
