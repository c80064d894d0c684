"""Time ``suggest_introductions`` on a 2,000-actor network.

Run from a checkout: ``python benchmarks/bench_suggest.py`` (options: ``--actors N``, ``--repeat R``,
``--seed S``).

The network is a stochastic block model (Holland, Laskey & Leinhardt 1983) of districts: 25 districts of 80
actors (``networkx.stochastic_block_model``), tie probability 0.08 inside a district and 0.0005 between
districts, so an actor has about 6.3 partners in its own district and 1 elsewhere (about 7,300 ties). Each actor
gets, from the same seeded ``random.Random``: a sector (the eight built-in ones, NPOs and neighbourhood
associations most common), the ward of its district (the 18 wards of Yokohama in turn), one to three of 12
themes, up to two of 10 things it offers and up to one it needs, and each tie a strength of 1–3. Everything is
fixed by the seed (default 2010).

It times three calls: every suggestion (Adamic–Adar over all two-hop pairs plus every pair sharing a theme or
matching an offer to a need, all scored, ranked and explained), the top 20, and the suggestions for one actor.
The best of ``--repeat`` runs is reported.
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

from kyodo_network.analysis.suggest import suggest_introductions  # noqa: E402

WARDS = [
    "青葉区",
    "旭区",
    "泉区",
    "磯子区",
    "神奈川区",
    "金沢区",
    "港南区",
    "港北区",
    "栄区",
    "瀬谷区",
    "都筑区",
    "鶴見区",
    "戸塚区",
    "中区",
    "西区",
    "保土ケ谷区",
    "緑区",
    "南区",
]
SECTORS = {
    "neighbourhood": 5,
    "npo": 6,
    "company": 2,
    "school": 2,
    "government": 1,
    "support": 1,
    "council": 2,
    "person": 3,
}
THEMES = [
    "子育て",
    "高齢者福祉",
    "見守り",
    "まちづくり",
    "防犯",
    "環境・自然",
    "子どもの遊び場",
    "居場所",
    "食事サービス",
    "地域福祉",
    "協働推進",
    "市民活動支援",
]
ITEMS = ["会場", "人手", "情報", "広報", "資金", "専門知識", "調整", "相談", "物品", "研修"]


def city_network(
    actors: int = 2000, *, districts: int = 25, p_in: float = 0.08, p_out: float = 0.0005, seed: int = 2010
) -> nx.Graph:
    """A seeded stochastic block model of districts, with the node attributes suggest uses."""
    sizes = [actors // districts + (1 if i < actors % districts else 0) for i in range(districts)]
    probs = [[p_in if i == j else p_out for j in range(districts)] for i in range(districts)]
    G = nx.stochastic_block_model(sizes, probs, seed=seed)
    rng = random.Random(seed)
    sectors, weights = list(SECTORS), list(SECTORS.values())
    for n, d in G.nodes(data=True):
        block = d.pop("block")
        d.update(
            name=f"アクター{n}",
            name_en=f"Actor {n}",
            sector=rng.choices(sectors, weights)[0],
            district=f"district-{block}",
            ward=WARDS[block % len(WARDS)],
            themes=rng.sample(THEMES, rng.randint(1, 3)),
            offers=rng.sample(ITEMS, rng.randint(0, 2)),
            needs=rng.sample(ITEMS, rng.randint(0, 1)),
        )
    for _, _, d in G.edges(data=True):
        d["weight"] = rng.randint(1, 3)
    return nx.relabel_nodes(G, {n: f"actor-{n}" for n in G})


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2010)
    args = parser.parse_args()

    G = city_network(args.actors, seed=args.seed)
    two_hop = sum(1 for _ in _two_hop_pairs(G))
    print(
        f"network: {G.number_of_nodes()} actors, {G.number_of_edges()} ties, {two_hop} two-hop pairs (seed {args.seed})"
    )
    print(f"python {platform.python_version()}, networkx {nx.__version__}, {platform.machine()}")
    t_all, rows = best_of(args.repeat, lambda: suggest_introductions(G))
    print(f"suggest, all pairs ranked and explained: {t_all:.2f} s ({len(rows)} suggestions)")
    t_top, _ = best_of(args.repeat, lambda: suggest_introductions(G, top=20))
    print(f"suggest --top 20:                        {t_top:.2f} s")
    actor = max(G, key=lambda n: (G.degree(n), n))
    t_one, one = best_of(args.repeat, lambda: suggest_introductions(G, for_actor=actor))
    print(f"suggest --for {actor} (degree {G.degree(actor)}): {t_one:.3f} s ({len(one)} suggestions)")


def _two_hop_pairs(G: nx.Graph):
    seen = set()
    for w in G:
        nbrs = list(G[w])
        for i, u in enumerate(nbrs):
            for v in nbrs[i + 1 :]:
                if v not in G[u]:
                    pair = (u, v) if u < v else (v, u)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair


if __name__ == "__main__":
    main()
