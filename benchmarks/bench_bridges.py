"""Time ``bridging_scores`` (kyodo bridges) on a 2,000-actor network.

Run from the repository root: ``python benchmarks/bench_bridges.py [N]``. The network comes from
``benchmarks/synthetic.py`` (seeded stochastic block model, districts of 50 actors).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic import synthetic_network  # noqa: E402

from kyodo_network.analysis.bridges import bridging_scores  # noqa: E402
from kyodo_network.analysis.risk import risks  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    G = synthetic_network(n)
    print(f"{G.number_of_nodes()} actors, {G.number_of_edges()} ties", file=sys.stderr)
    for name, fn in (("bridges", bridging_scores), ("risks", risks)):
        start = time.perf_counter()
        rows = fn(G)
        print(f"{name}: {time.perf_counter() - start:.2f} s ({len(rows)} rows)")


if __name__ == "__main__":
    main()
