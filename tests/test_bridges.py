"""Bridging measures checked against values computed elsewhere and triads worked by hand."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kyodo_network.analysis.bridges import bridging_scores, coordinators, cut_off_nodes
from kyodo_network.analysis.brokerage import brokerage


def by_id(rows):
    return {r["id"]: r for r in rows}


def with_sectors(G, sectors):
    nx.set_node_attributes(G, sectors, "sector")
    return G


class TestAgainstPublishedValues:
    def test_florentine_betweenness(self):
        # networkx documentation and Freeman's measure: Medici 0.522, Guadagni 0.255, Albizzi 0.212.
        G = nx.florentine_families_graph()
        nx.set_node_attributes(G, "family", "sector")
        rows = by_id(bridging_scores(G))
        assert rows["Medici"]["betweenness"] == pytest.approx(0.522, abs=1e-3)
        assert rows["Guadagni"]["betweenness"] == pytest.approx(0.255, abs=1e-3)
        assert rows["Albizzi"]["betweenness"] == pytest.approx(0.212, abs=1e-3)
        assert bridging_scores(G)[0]["id"] == "Medici"
        # Medici is a cut point: Acciaiuoli, Pazzi + Salviati, Ridolfi? No: only Acciaiuoli and the Salviati–Pazzi
        # branch hang on Medici alone (Ridolfi and Tornabuoni reach Strozzi and Guadagni).
        assert rows["Medici"]["articulation"] is True
        assert sorted(rows["Medici"]["cut_off_ids"]) == ["Acciaiuoli", "Pazzi", "Salviati"]

    @pytest.fixture
    def holes(self):
        # networkx's structural-holes test graph (values from UCINET and igraph, checked by hand there).
        G = nx.Graph(
            [
                ("A", "B"),
                ("A", "F"),
                ("A", "G"),
                ("A", "E"),
                ("E", "G"),
                ("F", "G"),
                ("B", "G"),
                ("B", "D"),
                ("D", "G"),
                ("G", "C"),
            ]
        )
        return with_sectors(G, dict.fromkeys(G, "npo"))

    def test_burt_unweighted(self, holes):
        rows = by_id(bridging_scores(holes))
        assert rows["G"]["constraint"] == pytest.approx(0.400, abs=1e-3)
        assert rows["A"]["constraint"] == pytest.approx(0.595, abs=1e-3)
        assert rows["C"]["constraint"] == pytest.approx(1.0, abs=1e-3)
        assert rows["G"]["effective_size"] == pytest.approx(4.67, abs=1e-2)
        assert rows["A"]["effective_size"] == pytest.approx(2.50, abs=1e-2)

    def test_burt_weighted(self, holes):
        weights = {
            ("A", "B"): 2,
            ("A", "F"): 3,
            ("A", "G"): 5,
            ("A", "E"): 2,
            ("E", "G"): 8,
            ("F", "G"): 3,
            ("B", "G"): 4,
            ("B", "D"): 1,
            ("D", "G"): 3,
            ("G", "C"): 10,
        }
        nx.set_edge_attributes(holes, weights, "weight")
        rows = by_id(bridging_scores(holes))
        assert rows["G"]["constraint"] == pytest.approx(0.299, abs=1e-3)
        assert rows["A"]["constraint"] == pytest.approx(0.795, abs=1e-3)
        assert rows["G"]["effective_size"] == pytest.approx(5.47, abs=1e-2)
        assert rows["A"]["effective_size"] == pytest.approx(2.47, abs=1e-2)

    def test_self_loops_removed_and_isolates_have_no_burt_value(self, holes):
        holes.add_edge("A", "A")
        holes.add_node("Z", sector="npo")
        rows = by_id(bridging_scores(holes))
        assert rows["A"]["constraint"] == pytest.approx(0.595, abs=1e-3)
        assert rows["Z"]["constraint"] is None and rows["Z"]["effective_size"] is None


UNDIRECTED_TRIADS = [
    # (sector of a, broker, c) -> role
    (("x", "x", "x"), "coordinator"),
    (("x", "y", "x"), "itinerant"),
    (("x", "x", "y"), "boundary"),
    (("y", "x", "x"), "boundary"),
    (("x", "y", "z"), "liaison"),
]


class TestBrokerageUndirected:
    @pytest.mark.parametrize(("sectors", "role"), UNDIRECTED_TRIADS)
    def test_single_triad(self, sectors, role):
        G = with_sectors(nx.Graph([("a", "b"), ("b", "c")]), dict(zip("abc", sectors)))
        counts = brokerage(G)["b"]
        assert counts[role] == 1 and counts["total"] == 1
        assert brokerage(G)["a"]["total"] == 0

    def test_closed_triad_brokers_nothing(self):
        G = with_sectors(nx.Graph([("a", "b"), ("b", "c"), ("a", "c")]), dict.fromkeys("abc", "x"))
        assert brokerage(G)["b"]["total"] == 0

    def test_mixed_star_counted_once_per_unordered_pair(self):
        # Broker b (x) with a1, a2 (x, tied to each other), c (y), d (z).
        # Pairs: {a1,a2} tied -> none; {a1,c},{a1,d},{a2,c},{a2,d} -> boundary; {c,d} -> liaison.
        G = nx.Graph([("b", "a1"), ("b", "a2"), ("b", "c"), ("b", "d"), ("a1", "a2")])
        with_sectors(G, {"b": "x", "a1": "x", "a2": "x", "c": "y", "d": "z"})
        assert brokerage(G)["b"] == {"coordinator": 0, "itinerant": 0, "boundary": 4, "liaison": 1, "total": 5}
        row = by_id(bridging_scores(G))["b"]
        assert {tuple(s["sectors"]): s["pairs"] for s in row["sectors_bridged"]} == {
            ("x", "y"): 2,
            ("x", "z"): 2,
            ("y", "z"): 1,
        }


DIRECTED_TRIADS = [
    (("x", "x", "x"), "coordinator"),
    (("x", "y", "x"), "itinerant"),
    (("x", "x", "y"), "representative"),
    (("y", "x", "x"), "gatekeeper"),
    (("x", "y", "z"), "liaison"),
]


class TestBrokerageDirected:
    @pytest.mark.parametrize(("sectors", "role"), DIRECTED_TRIADS)
    def test_single_path(self, sectors, role):
        G = with_sectors(nx.DiGraph([("a", "b"), ("b", "c")]), dict(zip("abc", sectors)))
        counts = brokerage(G)["b"]
        assert counts[role] == 1 and counts["total"] == 1
        assert "boundary" not in counts

    def test_direction_matters(self):
        # a -> b <- c: b receives from both and passes nothing on.
        G = with_sectors(nx.DiGraph([("a", "b"), ("c", "b")]), dict(zip("abc", "xyz")))
        assert brokerage(G)["b"]["total"] == 0

    def test_mutual_ties_count_both_ways(self):
        # a <-> b <-> c (mutual ties as two edges): a->b->c is representative, c->b->a gatekeeper.
        G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")])
        with_sectors(G, {"a": "x", "b": "x", "c": "y"})
        counts = brokerage(G)["b"]
        assert counts["representative"] == 1 and counts["gatekeeper"] == 1 and counts["total"] == 2

    def test_closure_one_way_only(self):
        # a -> b -> c with a -> c closed, but c -> b -> a is open when only a -> c exists.
        G = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "b"), ("b", "a")])
        with_sectors(G, dict.fromkeys("abc", "x"))
        assert brokerage(G)["b"]["coordinator"] == 1


class TestCutOffAndCoordinators:
    def test_cut_off_counts_actors_that_lose_the_rest(self):
        # Hub h holds a tail t1 - t2 apart from the triangle-plus-one h, x, y, z.
        G = nx.Graph([("h", "x"), ("h", "y"), ("x", "y"), ("y", "z"), ("h", "t1"), ("t1", "t2")])
        with_sectors(G, {"h": "person", "x": "npo", "y": "npo", "z": "npo", "t1": "school", "t2": "school"})
        rows = by_id(bridging_scores(G))
        assert rows["h"]["articulation"] and rows["h"]["cut_off"] == 2
        assert rows["t1"]["articulation"] and rows["t1"]["cut_off"] == 1
        assert not rows["x"]["articulation"] and rows["x"]["cut_off"] == 0
        assert cut_off_nodes(G, {"h"}) == ["t1", "t2"]
        assert bridging_scores(G)[0]["id"] == "h"
        assert "を通してしかつながっていません" in rows["h"]["explanation"]["ja"]
        assert "connected only through" in rows["h"]["explanation"]["en"]

    def test_coordinators_lists_persons_first_with_pairs(self):
        G = nx.Graph([("s", "a"), ("s", "b"), ("n", "b"), ("n", "c"), ("a", "m"), ("b", "m"), ("p", "x"), ("p", "y")])
        with_sectors(
            G,
            {
                "s": "person",
                "a": "npo",
                "b": "school",
                "n": "npo",
                "c": "company",
                "m": "government",
                "p": "person",
                "x": "npo",
                "y": "school",
            },
        )
        rows = coordinators(G)
        # a and b share partner m besides s, so s brokers them (a cross-sector pair) but does not alone link them.
        # b alone links s–n (person/npo) and m–n (government/npo); n alone links b–c; p alone links x–y.
        ids = [r["id"] for r in rows]
        assert ids[:2] == ["p", "s"] and ids[2] == "b"  # persons first, then by the pairs brokered across sectors
        s_row, n = by_id(rows)["s"], by_id(rows)["n"]
        assert (s_row["cross_sector_pairs"], s_row["sole_pairs"], s_row["pairs"]) == (1, 0, [])
        assert [(p["a"], p["b"], p["only_path"]) for p in n["pairs"]] == [("b", "c", True)]
        assert {r["id"]: (r["cross_sector_pairs"], r["sole_pairs"]) for r in rows if r["sole_pairs"]} == {
            "p": (1, 1),
            "b": (3, 2),
            "n": (1, 1),
        }
        assert [r["role"] for r in rows[:3]] == ["coordinator", "coordinator", "linking_body"]
        assert all(r["sole_pairs"] == len(r["pairs"]) for r in rows)

    def test_directed_needs_directed_graph(self):
        with pytest.raises(ValueError):
            bridging_scores(nx.Graph([(1, 2)]), directed=True)


def test_burt_measures_match_networkx_on_a_random_weighted_graph():
    from kyodo_network.analysis.bridges import burt_measures

    G = nx.gnm_random_graph(60, 200, seed=7)
    nx.set_edge_attributes(G, {e: 1 + i % 3 for i, e in enumerate(G.edges)}, "weight")
    c, e = burt_measures(G, weight="weight")
    c_ref = nx.constraint(G, nodes=list(G), weight="weight")
    e_ref = nx.effective_size(G, nodes=list(G), weight="weight")
    for n in G:
        if G.degree(n):
            assert c[n] == pytest.approx(c_ref[n]) and e[n] == pytest.approx(e_ref[n])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_betweenness_equals_networkx(seed):
    from kyodo_network.analysis.centrality import betweenness

    G = nx.gnm_random_graph(80, 160, seed=seed)
    G.add_edge(5, 5)
    G.add_node("isolated")
    ours = betweenness(G)
    ref = nx.betweenness_centrality(G, normalized=True)
    assert ours == pytest.approx(ref)


@pytest.mark.parametrize("seed", [4, 5, 6, 7])
def test_separations_agree_with_removing_each_node(seed):
    from kyodo_network.analysis.cutpoints import separations

    G = nx.gnm_random_graph(70, 75, seed=seed)
    G.add_edge(0, 0)
    split = separations(G)
    assert set(split) == set(nx.articulation_points(G))
    for v, pieces in split.items():
        comp = nx.node_connected_component(G, v) - {v}
        expected = {frozenset(c) for c in nx.connected_components(G.subgraph(comp))}
        assert {frozenset(p) for p in pieces} == expected
    rows = by_id(bridging_scores(with_sectors(G, dict.fromkeys(G, "npo"))))
    for v in G:
        assert rows[v]["cut_off_ids"] == (cut_off_nodes(G, {v}) if v in split else [])


@pytest.mark.parametrize("seed", range(6))
def test_sole_pair_counts_equal_the_pairs_listed_one_by_one(seed):
    """The sparse count behind the coordinators' ranking against sole_link_pairs, a separate set-based walk."""
    from kyodo_network.analysis.bridges import sole_link_pairs, sole_pair_counts
    from kyodo_network.analysis.engine import Indexed

    rng = random.Random(seed)
    G = nx.gnm_random_graph(60, 150 + 40 * seed, seed=seed)
    G.add_edges_from((0, k) for k in range(1, 25))  # a hub, so one degree group is large
    sectors = ["npo", "government", "person", None]
    nx.set_node_attributes(G, {v: rng.choice(sectors) for v in G}, "sector")
    sector = nx.get_node_attributes(G, "sector")
    ix = Indexed(G, weight=None)
    got = sole_pair_counts(ix, {v: sector.get(v) for v in G})
    want = [len(list(sole_link_pairs(G, v))) for v in ix.nodes]
    assert got.tolist() == want
    assert sum(want) > 0


@pytest.mark.parametrize("seed", range(4))
def test_sole_pairs_leave_out_an_actor_s_own_circle(seed):
    """With members, founders and departments named after their office, the sparse count, the set-based walk and
    the pairs ``coordinators`` lists agree, and no listed pair has an end in the broker's own circle."""
    from kyodo_network.analysis.bridges import coordinators, sole_link_pairs, sole_pair_counts
    from kyodo_network.analysis.circles import circle_of, circle_pairs
    from kyodo_network.analysis.engine import Indexed

    rng = random.Random(seed)
    G = nx.gnm_random_graph(50, 110, seed=seed)
    G = nx.relabel_nodes(G, {v: f"n{v}" for v in G})
    for v in G:
        G.nodes[v].update(sector=rng.choice(["npo", "government", "person", "school"]), name=f"会{v}")
    G.nodes["n0"]["name"], G.nodes["n1"]["name"] = "瀬谷区役所", "瀬谷区役所 地域振興課"
    for u, v in G.edges:
        G.edges[u, v]["relations"] = [{"from": u, "to": v, "type": rng.choice(["member", "founded", "support"])}]
    circles = circle_pairs(G)
    assert circles
    ix = Indexed(G, weight=None)
    got = sole_pair_counts(ix, dict(G.nodes(data="sector")), circles)
    assert got.tolist() == [len(list(sole_link_pairs(G, v, circles))) for v in ix.nodes]
    rows = coordinators(G)
    counted = dict(zip(ix.nodes, got.tolist()))
    assert all(r["sole_pairs"] == counted[r["id"]] for r in rows)
    assert {r["id"] for r in rows if r["sole_pairs"]} == {v for v, n in counted.items() if n}
    for r in rows:
        mates = circle_of(G, r["id"], circles)
        for p in r["pairs"]:
            assert not {p["a"], p["b"]} & mates and frozenset((p["a"], p["b"])) not in circles
