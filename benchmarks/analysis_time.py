"""Time the library calls behind each command on a loaded city, loading not counted.

``python benchmarks/analysis_time.py --out times.json CASE...`` loads the cases and builds the graph once
(timed apart as ``load`` and ``graph``), then times bridges, risks, coordinators, suggest (top 20), compare and
map (the overview above 1,500 actors) one after another, as ``kyodo`` runs them, and writes the seconds.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import os  # noqa: E402

# a cache of this process's own: bridges counts its betweenness afresh (not the values the CLI steps kept), and the
# commands after it reuse them as kyodo's do
os.environ["KYODO_CACHE"] = tempfile.mkdtemp(prefix="kyodo-analysis-time-")

from kyodo_network.graph import graph_from_cases  # noqa: E402
from kyodo_network.load import load_cases  # noqa: E402


def run(step: str, G, cases, out: str) -> None:
    if step == "bridges":
        from kyodo_network.analysis.bridges import bridging_scores

        bridging_scores(G)
    elif step == "risks":
        from kyodo_network.analysis.risk import risks

        risks(G)
    elif step == "coordinators":
        from kyodo_network.analysis.bridges import coordinators

        coordinators(G)
    elif step == "suggest":
        from kyodo_network.analysis.suggest import suggest_introductions

        suggest_introductions(G, top=20)
    elif step == "compare":  # one graph per case, as `kyodo compare` builds them, then the indicators
        from kyodo_network.analysis.compare import compare_districts

        compare_districts([graph_from_cases([c]) for c in cases])
    elif step == "map":
        from kyodo_network.render.overview import OVERVIEW_MIN, write_overview

        if G.number_of_nodes() > OVERVIEW_MIN:
            write_overview(G, Path(out) / "map.html")
        else:
            from kyodo_network.render.mapmodel import map_model
            from kyodo_network.render.maps import write_map

            write_map(map_model(G), Path(out) / "map.html")


def main() -> None:
    import json

    args = sys.argv[1:]
    target = Path(args[args.index("--out") + 1])
    files = [a for i, a in enumerate(args) if a != "--out" and (i == 0 or args[i - 1] != "--out")]
    times = {}
    t = time.perf_counter()
    cases = load_cases(files)
    times["load"] = time.perf_counter() - t
    t = time.perf_counter()
    G = graph_from_cases(cases)
    times["graph"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as out:
        for step in ("bridges", "risks", "coordinators", "suggest", "compare", "map"):
            t = time.perf_counter()
            run(step, G, cases, out)
            times[step] = time.perf_counter() - t
            target.write_text(json.dumps(times))


if __name__ == "__main__":
    main()
