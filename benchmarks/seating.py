"""Time and quality of a 交流会 seating plan: 60 people, 12 tables, 3 rounds (a benchmark, not a timed test).

Run from a checkout: ``python benchmarks/seating.py`` (options: ``--people N``, ``--tables T``, ``--rounds R``,
``--time-limit S``, ``--seed S``).

Two measurements, each from the same seeded ``random.Random`` (default seed 2010):

1. **plan**: :func:`~kyodo_network.analysis.seating.seating_plan` on people 0 … n-1 with 1.5 wanted pairs a person
   (weight 1, one in five weight 2 as a both-way match), 2 acquainted pairs a person (never a wanted pair) and
   seven sectors drawn at random.
2. **network**: :func:`~kyodo_network.analysis.seating.seating_from_graph` on a generated district
   (``networkx.connected_watts_strogatz_graph``: n actors, 4 neighbours, rewiring 0.3; the eight sectors in turn,
   one of three themes, one offer and one need from the bundled words), every actor attending: the wanted pairs
   are ``suggest``'s introductions (three a person) and the both-way matches, the acquainted pairs its ties.

For each: the seconds (loading the solver, building the model, the local search and CP-SAT together), the
solver's status, and the levels of the plan: wanted pairs met / all, acquainted pairs at one table (once a
round), pairs meeting in more than one round (Σ C(m, 2)), people not hosts who stayed at their table.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kyodo_network.analysis.seating import seating_from_graph, seating_plan  # noqa: E402

SECTORS = ["npo", "neighbourhood", "school", "company", "government", "support", "council", "person"]


def synthetic(n: int, rng: random.Random) -> dict:
    people = list(range(n))
    wanted: dict[frozenset, int] = {}
    while len(wanted) < int(1.5 * n):
        a, b = rng.sample(people, 2)
        wanted.setdefault(frozenset((a, b)), 2 if rng.random() < 0.2 else 1)
    acquainted: set[frozenset] = set()
    while len(acquainted) < 2 * n:
        a, b = rng.sample(people, 2)
        if frozenset((a, b)) not in wanted:
            acquainted.add(frozenset((a, b)))
    groups = {p: rng.choice("abcdefg") for p in people}
    return {"people": people, "wanted": wanted, "acquainted": acquainted, "groups": groups}


def district(n: int, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.connected_watts_strogatz_graph(n, 4, 0.3, seed=seed)
    G = nx.relabel_nodes(G, {i: f"a{i:03d}" for i in range(n)})
    for i, v in enumerate(sorted(G)):
        G.nodes[v].update(
            kind="actor",
            name=f"団体{i:03d}",
            name_en=f"Group {i:03d}",
            sector=SECTORS[i % 8],
            themes=rng.sample(["子育て", "見守り", "防災"], 1),
            offers=rng.sample(["会場", "人手", "広報", "資金", "相談"], 1),
            needs=rng.sample(["集会所", "ボランティア", "チラシ", "助成金", "特になし"], 1),
            ward="港南区",
        )
    for a, b in G.edges:
        G.edges[a, b].update(
            relations=[{"type": "cooperation", "from": a, "to": b}], weight=rng.randint(1, 3), projects=[]
        )
    G.graph.update(name="生成した地区", name_en="Generated district", projects={})
    return G


def line(label: str, seconds: float, plan: dict) -> str:
    return (
        f"{label:<8} {seconds:6.2f} s  {plan['status']:<8}  wanted met {len(plan['wanted_met'])}/"
        f"{plan['wanted_pairs']}  acquainted together {plan['acquainted']}  repeats {plan['repeats']}  "
        f"stays {plan['stays']}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=60)
    ap.add_argument("--tables", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--time-limit", type=float, default=8.0)
    ap.add_argument("--seed", type=int, default=2010)
    a = ap.parse_args()
    print(
        f"python {platform.python_version()} on {platform.machine()}, {a.people} people, {a.tables} tables, "
        f"{a.rounds} rounds, time limit {a.time_limit:g} s"
    )
    case = synthetic(a.people, random.Random(a.seed))
    start = time.perf_counter()
    plan = seating_plan(
        case["people"],
        tables=a.tables,
        rounds=a.rounds,
        wanted=case["wanted"],
        acquainted=case["acquainted"],
        groups=case["groups"],
        time_limit=a.time_limit,
        seed=a.seed,
    )
    print(line("plan", time.perf_counter() - start, plan))
    G = district(a.people, a.seed)
    start = time.perf_counter()
    plan = seating_from_graph(G, sorted(G), tables=a.tables, rounds=a.rounds, time_limit=a.time_limit, seed=a.seed)
    print(line("network", time.perf_counter() - start, plan))


if __name__ == "__main__":
    main()
