"""The sparse ranking of suggestions gives exactly the rows of the plain pure-Python definition
(tests/_suggest_reference.py, the implementation before the rewrite) on many seeded random networks:
same pairs, scores, parts, order, tie-breaks, introducers, places to ask, held_by and sentences."""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pytest

from kyodo_network.analysis import _suggest_pairs
from kyodo_network.analysis.suggest import suggest_introductions

import _suggest_reference as reference

SECTORS = ["npo", "neighbourhood", "council", "government", "support", "person", None]
THEMES = ["子育て", "防犯", "居場所", "見守り", "環境", "食事"]
ITEMS = ["会場", "人手", "情報", "広報", "資金"]
WARDS = ["港南区", "戸塚区", "栄区", "横浜市全域", "", None]


def network(seed: int, directed: bool = False) -> nx.Graph:
    """A seeded network with every attribute suggest reads: clustered ties, some isolated actors, wards (some
    city-wide or missing), districts (some missing), bodies with members, projects, held_by, weights."""
    rng = random.Random(seed)
    n = rng.randint(30, 300 if seed % 4 == 0 else 120)
    G = nx.DiGraph() if directed else nx.Graph()
    ids = [f"a{rng.randrange(10**6):06d}" if i % 3 else f"x{i}" for i in range(n)]
    ids = list(dict.fromkeys(ids))
    districts = [f"d{k}" for k in range(rng.randint(1, 6))]
    for v in ids:
        G.add_node(
            v,
            name=f"団体{v[-3:]}" if rng.random() < 0.8 else "自治会（その1）",
            name_en=f"Group {v}",
            sector=rng.choice(SECTORS),
            themes=rng.sample(THEMES, rng.randint(0, 3)) * rng.randint(1, 2),
            offers=rng.sample(ITEMS, rng.randint(0, 2)),
            needs=rng.sample(ITEMS, rng.randint(0, 2)),
            ward=rng.choice(WARDS),
            district=rng.choice(districts + [None]),
        )
        if rng.random() < 0.1:
            G.nodes[v]["inferred_fields"] = ["themes"]
    dense = rng.choice([0.02, 0.05, 0.1]) if n <= 120 else 0.015
    for _ in range(int(dense * n * n / 4)):
        u, v = rng.sample(ids, 2)
        if rng.random() < 0.6:  # ties inside a district, so that partners and places overlap
            same = [x for x in ids if G.nodes[x]["district"] == G.nodes[u]["district"] and x != u]
            v = rng.choice(same) if same else v
        kind = rng.choice(["member", "support", "partner"])
        held = rng.sample(ids, 1) if rng.random() < 0.1 else []
        G.add_edge(
            u,
            v,
            weight=rng.randint(1, 3),
            inferred=rng.random() < 0.05,
            relations=[{"from": u, "to": v, "type": kind, "held_by": held}],
            projects=[],
        )
    hub = ids[0]  # an actor with many partners (a ward office)
    for v in rng.sample(ids, min(len(ids) - 1, 25)):
        if v != hub:
            G.add_edge(hub, v, weight=1, relations=[], projects=[])
    G.graph["projects"] = {
        f"p{k}": {"name": f"p{k}", "participants": [{"id": x} for x in rng.sample(ids, 4)]}
        for k in range(rng.randint(0, 4))
    }
    if seed % 5 == 0:
        G.add_edge(ids[1], ids[1], relations=[], projects=[])  # a self-loop: the copy drops it
    return G


CENTRES = [
    {"id": "support-centre-konan", "name": "港南区民活動支援センター", "name_en": "Konan centre", "ward": "港南区"},
    {"id": "support-centre-totsuka", "name": "戸塚区民活動支援センター", "name_en": None, "ward": "戸塚区"},
]


def same(G, **kw):
    got = suggest_introductions(G, **kw)
    want = reference.suggest_introductions(G, **kw)
    assert len(got) == len(want)
    for k, (g, w) in enumerate(zip(got, want)):
        assert g == w, (k, kw)
    return got


@pytest.mark.parametrize("seed", range(12))
def test_every_option_gives_the_plain_definition_s_rows(seed):
    G = network(seed, directed=seed % 6 == 5)
    rng = random.Random(seed)
    everything = same(G, support_centres=CENTRES)
    for k in (1, 3, 20, 10**6):
        same(G, top=k, support_centres=CENTRES if k == 3 else None)
    same(G, top=0)
    same(G, top=7, cross_sector_only=True)
    same(G, cross_sector_only=True)
    for actor in rng.sample(sorted(G), 2) + [max(G, key=G.degree)]:
        same(G, for_actor=actor, support_centres=CENTRES)
        same(G, for_actor=actor, top=3, cross_sector_only=seed % 2 == 0)
    assert everything or G.number_of_edges() == 0


def test_many_ties_at_the_threshold():
    # Nobody has a partner in common: every score is a multiple of 0.5, so the top k are cut inside a tie.
    G = nx.Graph()
    for i in range(80):
        G.add_node(f"n{i:02d}", sector=SECTORS[i % 3], themes=["子育て"], ward="港南区", district=f"d{i % 2}")
    G.add_edges_from((f"n{i:02d}", f"n{i + 1:02d}") for i in range(0, 80, 2))
    for k in (1, 5, 33, 500):
        same(G, top=k)


def test_adamic_adar_sums_partners_in_node_order():
    # The float sum must be the plain loop's: partners in the graph's node order, not any other.
    for seed in range(6):
        G = network(seed)
        U = nx.Graph(G)
        U.remove_edges_from(list(nx.selfloop_edges(U)))
        nodes = sorted(U, key=str)
        info = {v: reference._node_info(U, v) for v in U}
        tables = _suggest_pairs.PairTables(U, G, nodes, info, reference.CITY_WIDE_WARDS)
        I, J, aa = tables.adamic_adar()
        order = {v: i for i, v in enumerate(nodes)}
        plain, _ = reference._adamic_adar(
            {v: set(U[v]) for v in U}, None, lambda u, v: (u, v) if order[u] < order[v] else (v, u)
        )
        got = {(nodes[i], nodes[j]): x for i, j, x in zip(I.tolist(), J.tolist(), aa.tolist())}
        assert got == dict(plain)  # exactly equal floats


def test_round4_is_python_s_round():
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.random(20000) * 20, np.arange(0, 5, 0.00005), [0.00005, 1.00015, 2.67685, 1.4427]])
    assert _suggest_pairs.round4(x).tolist() == [round(v, 4) for v in x.tolist()]
    assert math.isclose(_suggest_pairs.round4(np.array([2.5]))[0], 2.5)


@pytest.mark.parametrize("seed", range(6))
def test_one_actor_s_suggestions_are_the_whole_ranking_s_rows_for_it(seed):
    """``for_actor`` filters the whole ranking; it finds no fewer and no other pairs (an item the actor both
    offers and needs brings in those who offer it as well as those who need it)."""
    G = network(seed)
    everything = suggest_introductions(G)
    for actor in random.Random(seed).sample(sorted(G), 5) + [max(G, key=G.degree)]:
        mine = {frozenset((r["a"], r["b"])): r["score"] for r in suggest_introductions(G, for_actor=actor)}
        theirs = {frozenset((r["a"], r["b"])): r["score"] for r in everything if actor in (r["a"], r["b"])}
        assert mine == theirs


def test_an_item_offered_and_needed_finds_both_sides():
    G = nx.Graph()
    G.add_node("me", sector="npo", offers=["会場"], needs=["会場"], ward="港南区", district="d")
    G.add_node("giver", sector="company", offers=["会場"], ward="港南区", district="d")
    G.add_node("taker", sector="school", needs=["会場"], ward="港南区", district="d")
    assert {r["b"] for r in suggest_introductions(G, for_actor="me")} == {"giver", "taker"}
