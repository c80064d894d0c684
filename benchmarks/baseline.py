"""The plain networkx baseline of ``benchmarks/run.py``: what a short script without kyodo-network would run.

``python benchmarks/baseline.py --out result.json CASE...`` loads the cases with kyodo's loader (not timed),
then times exact ``nx.betweenness_centrality``, ``nx.articulation_points``, ``nx.constraint`` and
``nx.effective_size`` on the undirected actor graph (``analysis``), and pyvis ``Network.from_nx`` +
``write_html`` (``pyvis``).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import networkx as nx

from kyodo_network.graph import graph_from_cases, undirected_actor_graph
from kyodo_network.load import load_cases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("cases", nargs="+")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    U = undirected_actor_graph(graph_from_cases(load_cases(args.cases)))
    H = nx.Graph()
    H.add_nodes_from(U)
    H.add_edges_from((u, v, {"weight": d.get("weight", 1)}) for u, v, d in U.edges(data=True))
    t = time.perf_counter()
    nx.betweenness_centrality(H)
    list(nx.articulation_points(H))
    nx.constraint(H, weight="weight")
    nx.effective_size(H, weight="weight")
    analysis = time.perf_counter() - t
    from pyvis.network import Network

    t = time.perf_counter()
    net = Network()
    net.from_nx(H)
    with tempfile.TemporaryDirectory() as d:
        os.chdir(d)  # pyvis copies its lib/ folder into the working folder
        net.write_html(str(Path(d) / "baseline.html"))
    pyvis = time.perf_counter() - t
    out.write_text(json.dumps({"analysis": analysis, "pyvis": pyvis}))


if __name__ == "__main__":
    main()
