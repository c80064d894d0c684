"""A seeded synthetic collaboration network for benchmarks.

``synthetic_network(n)`` builds ``n`` actors in districts of 50 (a stochastic block model: within a district
each pair is tied with probability 0.08, across districts 0.0005), gives each actor one of the eight built-in
sectors at random, themes from a small vocabulary, and the graph attributes that ``graph_from_cases`` sets.
The same ``seed`` gives the same network.
"""

from __future__ import annotations

import random

import networkx as nx

from kyodo_network.model import RELATION_TYPES, SECTORS

THEMES = ["子育て", "高齢者福祉", "見守り", "まちづくり", "防犯", "環境・自然", "居場所", "食事サービス"]
RESOURCES = ["会場", "資金", "人手", "専門知識", "情報", "広報", "調整", "相談"]


def synthetic_network(n: int = 2000, *, seed: int = 42) -> nx.Graph:
    rng = random.Random(seed)
    sizes = [50] * (n // 50) + ([n % 50] if n % 50 else [])
    probs = [[0.08 if i == j else 0.0005 for j in range(len(sizes))] for i in range(len(sizes))]
    B = nx.stochastic_block_model(sizes, probs, seed=seed)
    G = nx.Graph(
        name=f"synthetic {n}",
        districts=[],
        sources=[],
        files=[],
        year=None,
        view="actors",
        projects={},
        sectors={
            s.id: {"name": s.name, "name_en": s.name_en, "colour": s.colour, "short": s.label, "short_en": s.label_en}
            for s in SECTORS.values()
        },
        relation_types={
            t.id: {"name": t.name, "name_en": t.name_en, "directed": t.directed} for t in RELATION_TYPES.values()
        },
    )
    sector_ids = list(SECTORS)
    for v, d in B.nodes(data=True):
        sector = rng.choice(sector_ids)
        G.add_node(
            f"a{v}",
            kind="actor",
            name=f"団体{v}",
            name_en=f"Actor {v}",
            sector=sector,
            ward=f"区{d['block'] % 18}",
            ward_en=f"Ward {d['block'] % 18}",
            district=f"d{d['block']}",
            themes=rng.sample(THEMES, 2),
            offers=rng.sample(RESOURCES, 1),
            needs=rng.sample(RESOURCES, 1),
            visibility="public",
            since=None,
            until=None,
            projects=[],
        )
    types = list(RELATION_TYPES)
    for u, v in B.edges():
        t = rng.choice(types)
        rel = {
            "type": t,
            "from": f"a{u}",
            "to": f"a{v}",
            "directed": RELATION_TYPES[t].directed,
            "since": None,
            "until": None,
            "weight": rng.choice([1, 2, 3]),
            "cite": "synthetic",
            "inferred": True,
            "note": None,
            "origin": None,
        }
        G.add_edge(
            f"a{u}",
            f"a{v}",
            relations=[rel],
            projects=[],
            types=[t],
            weight=rel["weight"],
            inferred=True,
            cross_sector=G.nodes[f"a{u}"]["sector"] != G.nodes[f"a{v}"]["sector"],
        )
    return G
