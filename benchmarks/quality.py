"""Sampled-betweenness quality for ``benchmarks/run.py``: the estimate against exact values computed once.

``python benchmarks/quality.py --cache exact.json --out quality.json CASE...``: exact betweenness by igraph
(every source; cached in ``--cache`` because it is slow on large cities), the estimate exactly as
``kyodo bridges`` computes it, then the overlap of the two top 20s and Spearman's rho between exact and
estimated values over the exact top 50.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from scipy.stats import spearmanr

from kyodo_network.analysis.centrality import betweenness, betweenness_sample
from kyodo_network.graph import graph_from_cases, undirected_actor_graph
from kyodo_network.load import load_cases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("cases", nargs="+")
    args = parser.parse_args()
    U = undirected_actor_graph(graph_from_cases(load_cases(args.cases)))
    plan = betweenness_sample(U)
    t = time.perf_counter()
    est = betweenness(U)
    seconds = time.perf_counter() - t
    cache = Path(args.cache)
    if cache.exists():
        saved = json.loads(cache.read_text())
        exact, exact_seconds = saved["values"], saved["seconds"]
    else:
        t = time.perf_counter()
        exact = betweenness(U, exact_max=len(U) + 1)
        exact_seconds = time.perf_counter() - t
        cache.write_text(json.dumps({"values": exact, "seconds": exact_seconds}))
    rank = sorted(exact, key=lambda v: (-exact[v], str(v)))
    top20 = set(rank[:20])
    mine = set(sorted(est, key=lambda v: (-est[v], str(v)))[:20])
    rho = spearmanr([exact[v] for v in rank[:50]], [est[v] for v in rank[:50]]).statistic
    Path(args.out).write_text(
        json.dumps(
            {
                "method": "sampled" if plan["estimated"] else "exact",
                "sources": plan["sources"],
                "overlap20": len(top20 & mine),
                "spearman50": float(rho),
                "seconds": seconds,
                "exact_seconds": exact_seconds,
            }
        )
    )


if __name__ == "__main__":
    main()
