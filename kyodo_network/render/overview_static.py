"""The overview of a city (:mod:`kyodo_network.render.overview`) as a printable PNG, SVG or PDF.

Above :data:`~kyodo_network.render.overview.OVERVIEW_MIN` actors one drawing of every actor is a grey cloud on
paper, so ``kyodo map --format png|svg|pdf`` draws what the HTML overview shows: one circle per district (area:
its actors), lines as thick as the ties between districts, the names of the largest districts.
"""

from __future__ import annotations

from collections.abc import Mapping

from .static import drawing_bytes

__all__ = ["overview_static_bytes", "LABELLED"]

#: How many districts (the largest) are named on paper; the others would overlap.
LABELLED = 40


def overview_static_bytes(model: Mapping, *, fmt: str = "png", paper: str = "a4", lang: str = "ja") -> bytes:
    """The overview model (:func:`~kyodo_network.render.overview.overview_model`) drawn on ``paper``."""
    return drawing_bytes(lambda fig: _draw(fig, model, lang), fmt=fmt, paper=paper)


def _draw(fig, model: Mapping, lang: str) -> None:
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.patches import Circle

    en = lang == "en"
    at = {g["id"]: g for g in model["groups"]}
    top = max((link["ties"] for link in model["links"]), default=1)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.86))
    ax.set_axis_off()
    ax.set_xlim(0, model["width"])
    ax.set_ylim(model["height"], 0)
    ax.set_aspect("equal")
    segments = [((at[x["a"]]["x"], at[x["a"]]["y"]), (at[x["b"]]["x"], at[x["b"]]["y"])) for x in model["links"]]
    widths = [0.2 + 2.5 * x["ties"] / top for x in model["links"]]
    ax.add_collection(LineCollection(segments, linewidths=widths, colors="#9aa7b4", alpha=0.6, zorder=1))
    circles = [Circle((g["x"], g["y"]), g["r"]) for g in model["groups"]]
    ax.add_collection(
        PatchCollection(circles, facecolor="#4e79a7", edgecolor="white", linewidth=0.3, alpha=0.85, zorder=2)
    )
    for g in sorted(model["groups"], key=lambda g: (-g["actors"], g["id"]))[:LABELLED]:
        ax.text(g["x"], g["y"] + g["r"] + 6, g["name"], ha="center", va="top", fontsize=4.5, color="#333", zorder=3)
    title = f"{_short(model['title'], en)} — " + ("Overview by district" if en else "地区ごとの全体図")
    note = (
        f"{model['actors']:,} actors, {model['ties']:,} ties. One circle per district (area: actors; line: "
        f"ties between districts); the {LABELLED} largest districts are named."
        if en
        else f"{model['actors']:,} 主体・{model['ties']:,} のつながり。円は地区（面積＝主体の数、線＝地区間のつながり）。"
        f"名前は大きい{LABELLED}地区だけに付けています。"
    )
    fig.text(0.02, 0.965, title, fontsize=12, va="top")
    fig.text(0.02, 0.925, note, fontsize=7, va="top", color="#444")


def _short(title: str, en: bool) -> str:
    """A network named after many districts (「A + B + C + …」) by its first two and how many more.

    >>> _short("A + B + C + D", False), _short("A + B", True)
    ('A + B ほか2地区', 'A + B')
    """
    parts = title.split(" + ")
    if len(parts) <= 3:
        return title
    rest = len(parts) - 2
    return " + ".join(parts[:2]) + (f" and {rest} more" if en else f" ほか{rest}地区")
