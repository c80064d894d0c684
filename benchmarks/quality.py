"""Betweenness quality for ``benchmarks/run.py``: the estimate against exact values computed once.

``python benchmarks/quality.py --cache exact.json --out quality.json CASE...``: betweenness exactly as ``kyodo
bridges`` computes it (exact up to ``EXACT_MAX`` actors, KADABRA above: ``kyodo_network.analysis.centrality``),
timed (wall and CPU seconds of this process), and exact values by the fastest exact engine (igraph, every actor a
source, the sources shared among the cores: faster than networkit's ``Betweenness``, see the centrality module),
kept in ``--cache`` with the engine and its seconds because they take minutes on a city. Written to ``--out``:
the method, ε, δ and seed of the estimate, the overlap of the two top 20s, Spearman's rho between exact and
estimated values over the exact top 50, the largest error over all actors and whether it is within ε.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

from scipy.stats import spearmanr

from kyodo_network.analysis import centrality
from kyodo_network.analysis.centrality import betweenness, betweenness_sample
from kyodo_network.graph import graph_from_cases, undirected_actor_graph
from kyodo_network.load import load_cases

centrality.KEEP_MIN = 10**12  # time a fresh estimate, never the values kept by an earlier command of the run

EXACT_ENGINE = "igraph (every source, forked workers)"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def exact_values(U, cache: Path) -> dict:
    """``{"values", "seconds", "engine"}``: from ``cache`` when it holds every actor of ``U``, else computed
    and kept there."""
    if cache.exists():
        saved = json.loads(cache.read_text())
        if set(saved["values"]) == {str(v) for v in U}:
            return {"engine": "igraph", **saved}  # caches written before the engine was recorded: igraph's
    t = time.perf_counter()
    values = betweenness(U, engine="igraph", exact_max=len(U) + 1)
    saved = {"values": {str(v): x for v, x in values.items()}, "seconds": time.perf_counter() - t}
    saved["engine"] = EXACT_ENGINE
    cache.write_text(json.dumps(saved))
    return saved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("cases", nargs="+")
    args = parser.parse_args()
    U = undirected_actor_graph(graph_from_cases(load_cases(args.cases)))
    plan = betweenness_sample(U)
    t, c = time.perf_counter(), _cpu()
    est = {str(v): x for v, x in betweenness(U).items()}
    seconds, cpu = time.perf_counter() - t, _cpu() - c
    saved = exact_values(U, Path(args.cache))
    exact = saved["values"]
    rank = sorted(exact, key=lambda v: (-exact[v], v))
    mine = sorted(est, key=lambda v: (-est[v], v))
    rho = spearmanr([exact[v] for v in rank[:50]], [est[v] for v in rank[:50]]).statistic
    worst = max(abs(est[v] - exact[v]) for v in exact)
    Path(args.out).write_text(
        json.dumps(
            {
                "method": plan["method"],
                "epsilon": plan["epsilon"],
                "delta": plan["delta"],
                "seed": plan["seed"],
                "overlap20": len(set(rank[:20]) & set(mine[:20])),
                "spearman50": float(rho),
                "max_error": worst,
                "within_epsilon": None if plan["epsilon"] is None else worst <= plan["epsilon"],
                "top_value": exact[rank[0]],
                "value20": exact[rank[19]] if len(rank) >= 20 else None,
                "seconds": seconds,
                "cpu_seconds": cpu,
                "load": os.getloadavg()[0],
                "exact_seconds": saved["seconds"],
                "exact_engine": saved["engine"],
            }
        )
    )


if __name__ == "__main__":
    main()
