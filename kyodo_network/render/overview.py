"""The overview of a network too large for one readable map: one node per district, linked to a map of each.

Above :data:`OVERVIEW_MIN` actors, ``kyodo map`` writes an overview page — one circle per district (the actors'
``district``, the case file they come from), its area proportional to the actors in it, joined by a line as thick
as the ties between the two districts — and, in a folder beside it, the ordinary interactive map of every
district; each circle links to its district's map. When most actors have no district, communities found by
the Louvain method (Blondel et al. 2008, igraph's ``community_multilevel``, seeded) take their place.

The overview is a static SVG in one small HTML file (no script), so even a city of 30,000 actors opens at once.
"""

from __future__ import annotations

import html
import math
import os
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from ._write import write_files
from .outputs import file_stems
from .layout import SEED, layout_positions

__all__ = ["OVERVIEW_MIN", "district_groups", "overview_model", "overview_html", "write_overview"]

#: Above this many actors ``kyodo map`` draws the overview instead of one map of everything.
OVERVIEW_MIN = 1500


def district_groups(G: nx.Graph, *, seed: int = SEED) -> dict[Hashable, str]:
    """Actor → group: its ``district``, or (when fewer than half the actors have one) its Louvain community.

    >>> G = nx.Graph([("a", "b")]); nx.set_node_attributes(G, "d1", "district")
    >>> district_groups(G)
    {'a': 'd1', 'b': 'd1'}
    """
    have = {v: d for v, d in G.nodes(data="district") if d}
    if len(have) * 2 >= G.number_of_nodes():
        return {v: have.get(v, "-") for v in G}
    import random

    from ..analysis.engine import import_igraph

    igraph = import_igraph()

    nodes = sorted(G, key=str)
    index = {v: i for i, v in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges() if u != v])
    state = random.getstate()
    random.seed(seed)  # igraph draws from Python's random module
    try:
        parts = g.community_multilevel()
    finally:
        random.setstate(state)
    return {nodes[i]: f"community-{k + 1}" for k, members in enumerate(parts) for i in members}


def overview_model(G: nx.Graph, *, lang: str = "ja", seed: int = SEED) -> dict:
    """Groups (``id``, ``name``, ``actors``, ``x``, ``y``, ``r``) and links (``a``, ``b``, ``ties``) of the overview.

    ``x``/``y`` are in pixels of a canvas ``width`` × ``height``; ``r`` makes each circle's area proportional to
    its actors.
    """
    group = district_groups(G, seed=seed)
    sizes = Counter(group.values())
    ties: Counter = Counter()
    for u, v in G.edges():
        a, b = group[u], group[v]
        if a != b:
            ties[(a, b) if a < b else (b, a)] += 1
    names = {}
    for d in G.graph.get("districts") or []:
        names[d["id"]] = (d.get("name") or d["id"], d.get("name_en") or d.get("name") or d["id"], d.get("ward") or "")
    D = nx.Graph()
    D.add_nodes_from(sorted(sizes))
    D.add_edges_from((a, b, {"weight": n}) for (a, b), n in ties.items())
    pos = layout_positions(D, seed=seed)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    unit = 90.0
    width = (max(xs) - min(xs)) * unit + 200
    height = (max(ys) - min(ys)) * unit + 200
    biggest = max(sizes.values(), default=1)
    groups = []
    for gid in sorted(sizes):
        ja, en, ward = names.get(gid, (gid, gid, ""))
        label = en if lang == "en" else f"{ja} / {en}" if lang == "both" else ja
        x, y = pos[gid]
        groups.append(
            {
                "id": gid,
                "name": label,
                "ward": ward,
                "actors": sizes[gid],
                "x": round((x - min(xs)) * unit + 100, 1),
                "y": round((y - min(ys)) * unit + 100, 1),
                "r": round(8 + 32 * math.sqrt(sizes[gid] / biggest), 1),
            }
        )
    links = [{"a": a, "b": b, "ties": n} for (a, b), n in sorted(ties.items())]
    return {
        "groups": groups,
        "links": links,
        "width": round(width),
        "height": round(height),
        "actors": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "title": G.graph.get("name_en" if lang == "en" else "name") or "",
    }


def overview_html(model: Mapping, hrefs: Mapping[str, str], *, lang: str = "ja") -> str:
    """The overview page: an SVG of the groups, each circle linking to ``hrefs[group id]``.

    >>> m = {"groups": [{"id": "d", "name": "<d>", "ward": "", "actors": 3, "x": 10, "y": 10, "r": 8}],
    ...      "links": [], "width": 100, "height": 100, "actors": 3, "ties": 2, "title": "t"}
    >>> '<a href="d.html">' in overview_html(m, {"d": "d.html"}) and "&lt;d&gt;" in overview_html(m, {"d": "d.html"})
    True
    """
    en = lang == "en"
    at = {g["id"]: g for g in model["groups"]}
    top = max((link["ties"] for link in model["links"]), default=1)
    parts = []
    for link in model["links"]:
        a, b = at[link["a"]], at[link["b"]]
        w = 0.5 + 5.5 * link["ties"] / top
        parts.append(
            f'<line x1="{a["x"]}" y1="{a["y"]}" x2="{b["x"]}" y2="{b["y"]}" stroke-width="{w:.1f}">'
            f"<title>{link['ties']}</title></line>"
        )
    for g in model["groups"]:
        tip = f"{g['name']} ({g['ward']}) — {g['actors']} " + ("actors" if en else "主体")
        href = hrefs.get(g["id"])
        circle = (
            f'<circle cx="{g["x"]}" cy="{g["y"]}" r="{g["r"]}"><title>{html.escape(tip)}</title></circle>'
            f'<text x="{g["x"]}" y="{g["y"] + g["r"] + 12}">{html.escape(g["name"])}</text>'
        )
        parts.append(f'<a href="{html.escape(quote(href))}">{circle}</a>' if href else circle)
    heading = "Overview by district" if en else "地区ごとの全体図"
    note = (
        f"{model['actors']:,} actors, {model['ties']:,} ties. One circle per district (area: actors; line: "
        "ties between districts). Click a district for its map."
        if en
        else f"{model['actors']:,} 主体・{model['ties']:,} のつながり。円は地区（面積＝主体の数、線＝地区間のつながり）。"
        "円をクリックすると地区の図が開きます。"
    )
    csp = "default-src 'none'; style-src 'unsafe-inline'"
    return "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{"en" if en else "ja"}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
            f"<title>{html.escape(model['title'])} — {heading}</title>\n",
            '<style>body{font-family:"Noto Sans CJK JP","Hiragino Kaku Gothic ProN",Meiryo,sans-serif;margin:1em}'
            "line{stroke:#9aa7b4;stroke-opacity:.6}circle{fill:#4e79a7;fill-opacity:.8;stroke:#fff}"
            "a:hover circle{fill:#f28e2b}text{font-size:11px;text-anchor:middle;fill:#333}</style>\n</head>\n<body>\n",
            f"<h1>{html.escape(model['title'])} — {heading}</h1>\n<p>{html.escape(note)}</p>\n",
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{model["width"]}" height="{model["height"]}" '
            f'viewBox="0 0 {model["width"]} {model["height"]}">\n',
            "\n".join(parts),
            "\n</svg>\n</body>\n</html>\n",
        ]
    )


#: District maps from which :func:`write_overview` shares them among the machine's cores.
PARALLEL_MAPS = 8


def write_overview(
    G: nx.Graph,
    path: str | os.PathLike[str],
    *,
    lang: str = "ja",
    sectors: Iterable[str] | None = None,
    seed: int = SEED,
    progress=None,
) -> list[Path]:
    """Write the overview to ``path`` and one map per group into the folder ``<path stem>-districts/`` beside it.

    Returns the paths written, the overview last. ``progress("maps", done, total)`` is called per map. All or
    nothing (:func:`~kyodo_network.render._write.write_files`). A public overview is drawn from a public ``G``
    (:func:`~kyodo_network.graph.graph_from_names` with ``public=True``).
    """
    from ..analysis._parallel import cores, parallel_map
    from .mapmodel import map_model
    from .maps import map_bytes

    path = Path(path)
    folder = path.with_name(path.stem + "-districts")
    group = district_groups(G, seed=seed)
    members: dict[str, list] = {}
    for v, gid in group.items():
        members.setdefault(gid, []).append(v)
    model = overview_model(G, lang=lang, seed=seed)
    files, hrefs = [], {}
    order = sorted(members)
    chosen = list(sectors) if sectors else None

    def page(gid: str) -> bytes:
        H = G.subgraph(members[gid])
        return map_bytes(map_model(H, lang=lang, sectors=chosen, seed=seed), fmt="html")

    # The district maps are independent: made on every core a batch at a time, as write_files reaches them, so
    # only one batch is ever held in memory (807 district maps of a 100,000-actor city are about 500 MB).
    batch = max(1, 4 * cores())
    made: dict[str, bytes] = {}

    def body(k: int) -> Callable[[], bytes]:
        def make() -> bytes:
            if order[k] not in made:
                made.clear()
                part = order[k : k + batch]
                made.update(zip(part, parallel_map(page, part, worth_it=len(order) >= PARALLEL_MAPS)))
                if progress:
                    progress("maps", min(k + batch, len(order)), len(order))
            return made.pop(order[k])

        return make

    stems = file_stems(order)  # a district's id is data: its file stays in the folder (never ../x.html)
    for k, gid in enumerate(order):
        file = folder / f"{stems[gid]}.html"
        files.append((file, body(k)))
        hrefs[gid] = f"{folder.name}/{file.name}"
    files.append((path, overview_html(model, hrefs, lang=lang)))
    return write_files(files)
