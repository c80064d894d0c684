"""The district comparison as a chart for a slide: PNG or SVG (matplotlib) and a self-contained HTML page.

Input is the rows of :func:`~kyodo_network.analysis.compare.compare_districts`. The chart is small multiples:
one panel per indicator, one bar per district, so each indicator keeps its own scale.
"""

from __future__ import annotations

import html
import math
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import KyodoError
from .outputs import KINDS
from .text import clip

__all__ = ["CHART_FORMATS", "CHART_INDICATORS", "write_comparison_chart", "comparison_image", "comparison_html"]

#: File suffixes :func:`write_comparison_chart` can write (from the one table, :data:`~kyodo_network.render.outputs.KINDS`).
CHART_FORMATS = KINDS["chart"].suffixes()

#: Indicators drawn by default (ids of :data:`~kyodo_network.analysis.compare.INDICATORS`), in panel order.
CHART_INDICATORS = (
    "actors",
    "relations",
    "density",
    "components",
    "cross_sector_share",
    "ei_index",
    "avg_clustering",
    "degree_centralisation",
    "top_bridge_share",
    "single_points_of_failure",
    "formal_share",
    "years_active",
)

#: Bar colours, one per district (ColorBrewer Dark2, readable on a projector).
PALETTE = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")

# Indicators on a fixed scale, so that panels of shares read alike.
_FIXED_RANGES = {
    "density": (0, 1),
    "cross_sector_share": (0, 1),
    "ei_index": (-1, 1),
    "avg_clustering": (0, 1),
    "degree_centralisation": (0, 1),
    "top_bridge_share": (0, 1),
    "formal_share": (0, 1),
}
_SLIDE_SIZE = (13.33, 7.5)  # inches: a 16:9 slide


def write_comparison_chart(
    rows: Sequence[Mapping[str, Any]],
    path: str | os.PathLike[str],
    *,
    lang: str = "ja",
    indicators: Sequence[str] = CHART_INDICATORS,
    title: str | None = None,
) -> Path:
    """Draw the comparison and write it to ``path`` (``.png``, ``.svg`` or ``.html``), atomically.

    Parameters
    ----------
    rows
        Rows of :func:`~kyodo_network.analysis.compare.compare_districts`.
    path
        The file to write; its suffix chooses the format. Nothing else is written (a temporary file in the same
        folder is renamed over it).
    lang
        ``"ja"`` or ``"en"``: labels and district names.
    indicators
        Indicator ids to draw, one panel each.
    title
        Heading; defaults to 「地区の比較」/"Districts compared".

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    KyodoError
        For an unknown indicator, or Japanese labels with no Japanese font available;
        :class:`~kyodo_network.render.outputs.OutputPathError` for a name not ending in one of
        :data:`CHART_FORMATS`.
    """
    from ._write import check_targets, write_atomic
    from .outputs import output_format

    check_targets([path])
    fmt = output_format(path, "chart")
    if fmt == "html":
        data: str | bytes = comparison_html(rows, lang=lang, indicators=indicators, title=title)
    else:
        data = comparison_image(rows, fmt=fmt, lang=lang, indicators=indicators, title=title)
    return write_atomic(path, data)


def comparison_image(
    rows: Sequence[Mapping[str, Any]],
    *,
    fmt: str = "png",
    lang: str = "ja",
    indicators: Sequence[str] = CHART_INDICATORS,
    title: str | None = None,
) -> bytes:
    """The chart as PNG or SVG bytes (a 16:9 slide; text drawn as outlines, so no font is needed to view it).

    Examples
    --------
    >>> row = {"name": "A", "name_en": "A", "actors": 3, "density": 0.5}
    >>> comparison_image([row], fmt="svg", lang="en", indicators=["actors", "density"])[:5]
    b'<?xml'
    """
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from .figure import figure_bytes

    if fmt not in ("png", "svg"):
        msg = f"unknown image format '{fmt}'; use png or svg"
        raise KyodoError(msg)
    labels = _labels(indicators, lang)
    names = [_short_name(r, lang) for r in rows]
    heading = title or ("Districts compared" if lang == "en" else "地区の比較")
    family = ["DejaVu Sans"]
    if any(not s.isascii() for s in [*labels.values(), *names, heading]):
        from .fonts import japanese_font

        font = japanese_font(installed_ok=True)
        if font is None:
            msg = (
                "no Japanese font found for the chart: install matplotlib-fontja (pip install matplotlib-fontja) "
                "or use --lang en"
            )
            raise KyodoError(msg)
        family = [font, "DejaVu Sans"]

    settings = {
        "font.family": family,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "font.size": 9,
        "text.parse_math": False,
        "text.usetex": False,
    }  # labels from data are text, never mathtext
    with rc_context(settings):
        fig = Figure(figsize=_SLIDE_SIZE, layout="constrained")
        FigureCanvasAgg(fig)
        ncols = min(4, max(1, len(indicators)))
        nrows = max(1, math.ceil(len(indicators) / ncols))
        axes = fig.subplots(nrows, ncols, squeeze=False, sharey=True)
        colours = [PALETTE[i % len(PALETTE)] for i in range(len(rows))]
        ys = list(range(len(rows)))[::-1]
        for k, ax in enumerate(axes.flat):
            if k >= len(indicators):
                ax.set_visible(False)
                continue
            ind = indicators[k]
            values = [r.get(ind) for r in rows]
            numbers = [v if isinstance(v, (int, float)) and not isinstance(v, bool) else 0 for v in values]
            ax.barh(ys, numbers, color=colours, height=0.7)
            ax.axvline(0, color="#999999", linewidth=0.6)
            ax.set_title(labels[ind], fontsize=10, loc="left")
            span = max([abs(x) for x in numbers] + [1e-9])
            for y, v, x in zip(ys, values, numbers):
                text = "–" if v is None or isinstance(v, bool) else (f"{v:.2f}" if isinstance(v, float) else str(v))
                ax.text(
                    x + span * 0.02 if x >= 0 else x - span * 0.02,
                    y,
                    text,
                    va="center",
                    ha="left" if x >= 0 else "right",
                    fontsize=8,
                )
            if ind in _FIXED_RANGES:
                lo, hi = _FIXED_RANGES[ind]
                ax.set_xlim(lo * 1.25, hi * 1.25)
                ax.set_xticks([lo, (lo + hi) / 2, hi])
            else:
                lo = min(numbers + [0])
                ax.set_xlim(lo * 1.3 if lo < 0 else 0, max(numbers + [0]) * 1.3 or 1)
                if all(isinstance(x, int) for x in numbers):
                    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_yticks(ys, names)
            ax.tick_params(axis="y", length=0, labelleft=k % ncols == 0)
            ax.tick_params(axis="x", labelsize=7)
        fig.suptitle(heading, fontsize=14, x=0.01, ha="left")
        return figure_bytes(fig, fmt, dpi=150)


def comparison_html(
    rows: Sequence[Mapping[str, Any]],
    *,
    lang: str = "ja",
    indicators: Sequence[str] = CHART_INDICATORS,
    title: str | None = None,
) -> str:
    """A self-contained HTML page: the chart as inline SVG and the numbers as a table.

    No scripts and no external requests (a Content-Security-Policy forbids them); every string from the data is
    escaped.

    Examples
    --------
    >>> page = comparison_html([{"name": "<b>", "name_en": "<b>", "actors": 2}], lang="en", indicators=["actors"])
    >>> "<b>" in page, "&lt;b&gt;" in page
    (False, True)
    """
    from ..analysis.compare import INDICATORS

    svg = comparison_image(rows, fmt="svg", lang=lang, indicators=indicators, title=title).decode("utf-8")
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    en = lang == "en"
    heading = title or ("Districts compared" if en else "地区の比較")
    esc = html.escape
    labels = {i.id: (i.name_en if en else i.name) for i in INDICATORS}
    head = "".join(
        f'<th scope="col">{esc(str(r.get("name_en" if en else "name") or r.get("district") or ""))}</th>' for r in rows
    )
    body = []
    for ind in [i.id for i in INDICATORS]:
        if ind == "actors_by_sector":
            sectors = [
                s
                for s in dict.fromkeys(s for r in rows for s in r.get(ind) or {})
                if any((r.get(ind) or {}).get(s) for r in rows)
            ]
            for sid in sectors:
                cells = "".join(f"<td>{(r.get(ind) or {}).get(sid, 0)}</td>" for r in rows)
                body.append(f'<tr><th scope="row">　<code>actors_{esc(str(sid))}</code></th>{cells}</tr>')
            continue
        cells = "".join(f"<td>{esc(_cell(r, ind, lang))}</td>" for r in rows)
        body.append(f'<tr><th scope="row">{esc(labels[ind])} <code>{esc(ind)}</code></th>{cells}</tr>')
    note = (
        "Indicators are defined in the README (kyodo compare). Shares are 0–1; – means not defined."
        if en
        else "指標の定義はREADME（kyodo compare）を参照。割合は0〜1、– は定義できないことを表します。"
    )
    return f"""<!DOCTYPE html>
<html lang="{"en" if en else "ja"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(heading)}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; color: #222; }}
figure {{ margin: 0; }}
figure svg {{ width: 100%; height: auto; max-width: 1400px; }}
table {{ border-collapse: collapse; margin-top: 1em; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.6em; }}
td {{ text-align: right; }}
th[scope=row] {{ text-align: left; font-weight: normal; }}
code {{ color: #777; font-size: 0.85em; }}
</style>
</head>
<body>
<h1>{esc(heading)}</h1>
<figure>
{svg}
</figure>
<table>
<thead><tr><th></th>{head}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
<p>{esc(note)}</p>
</body>
</html>
"""


def _labels(indicators: Sequence[str], lang: str) -> dict[str, str]:
    from ..analysis.compare import INDICATORS

    known = {i.id: (i.name_en if lang == "en" else i.name) for i in INDICATORS}
    unknown = [i for i in indicators if i not in known or i == "actors_by_sector"]
    if unknown:
        msg = (
            f"cannot chart indicator(s) {', '.join(unknown)}; "
            f"use numeric ones such as {', '.join(CHART_INDICATORS[:4])}"
        )
        raise KyodoError(msg)
    return {i: known[i] for i in indicators}


def _short_name(row: Mapping[str, Any], lang: str, width: int = 32) -> str:
    """A district's name cut for an axis label: the part before any bracket, at most ``width`` columns."""
    name = str(row.get("name_en" if lang == "en" else "name") or row.get("name") or row.get("district") or "")
    name = re.split(r"（| \(", name)[0].strip() or name
    return clip(name, width)


def _cell(row: Mapping[str, Any], ind: str, lang: str) -> str:
    v = row.get(ind)
    if ind == "top_bridge" and v is not None:
        return str(row.get("top_bridge_name_en" if lang == "en" else "top_bridge_name") or v)
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)
