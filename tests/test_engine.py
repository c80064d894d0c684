"""The compiled engine and the networkx reference agree (small random graphs, to 1e-9)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kyodo_network.analysis.bridges import bridging_scores, burt_measures, coordinators
from kyodo_network.analysis.centrality import betweenness, betweenness_sample
from kyodo_network.analysis.cutpoints import CutTree
from kyodo_network.analysis.risk import risks


def random_city(seed: int, n: int = 70, m: int = 90) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    G.add_nodes_from(["lonely"])
    for u, v in G.edges():
        G[u][v]["weight"] = rng.randint(1, 3)
    nx.set_node_attributes(G, {v: rng.choice(["npo", "government", "person", "school"]) for v in G}, "sector")
    G.graph["projects"] = {f"p{k}": {"participants": [{"id": x} for x in rng.sample(list(G), 3)]} for k in range(4)}
    return G


@pytest.mark.parametrize("seed", range(4))
def test_exact_betweenness_equals_networkx(seed):
    G = random_city(seed)
    ref = nx.betweenness_centrality(G)
    for engine in ("igraph", "networkx"):
        got = betweenness(G, engine=engine)
        assert max(abs(got[v] - ref[v]) for v in G) < 1e-9


@pytest.mark.parametrize("seed", range(3))
def test_estimate_above_the_exact_range_keeps_its_guarantee(seed, monkeypatch):
    """Above ``exact_max`` the compiled engine estimates by KADABRA (within ±EPSILON of networkx's exact values
    here; tests/test_centrality_guarantee.py checks more graphs), the networkx reference by networkx's own
    sampled sources, the same sample as ``nx.betweenness_centrality(G, k=…, seed=…)``."""
    import kyodo_network.analysis.centrality as c

    G = random_city(seed, n=120, m=300)
    exact = nx.betweenness_centrality(G)
    got = betweenness(G, engine="igraph", exact_max=50, seed=seed)
    assert max(abs(got[v] - exact[v]) for v in G) <= c.EPSILON
    assert betweenness_sample(G, engine="igraph", exact_max=50)["method"] == "kadabra"
    monkeypatch.setattr(c, "SAMPLE_SOURCES", 25)
    ref = nx.betweenness_centrality(G, k=25, seed=seed)
    got = betweenness(G, engine="networkx", exact_max=50, seed=seed)
    assert max(abs(got[v] - ref[v]) for v in G) < 1e-9
    plan = betweenness_sample(G, engine="networkx", exact_max=50, seed=seed)
    assert plan["method"] == "sources" and plan["sources"] == 25 and plan["epsilon"] is None


def test_rows_say_when_betweenness_is_estimated(monkeypatch):
    import kyodo_network.analysis.centrality as c

    G = random_city(1, n=120, m=300)
    assert not any(r["betweenness_estimated"] for r in bridging_scores(G))
    monkeypatch.setattr(c, "EXACT_MAX", 50)
    rows = bridging_scores(G)
    assert all(r["betweenness_estimated"] for r in rows)
    ref = nx.betweenness_centrality(G)
    assert all(abs(r["betweenness"] - ref[r["id"]]) <= c.EPSILON + 1e-6 for r in rows)  # rows keep 6 decimals


@pytest.mark.parametrize("seed", range(4))
def test_cut_tree_matches_networkx_articulation_points_and_pieces(seed):
    G = random_city(seed, n=60, m=65)
    t = CutTree(G)
    assert set(t.cut_points()) == set(nx.articulation_points(G))
    for v in G:
        comp = nx.node_connected_component(G, v) - {v}
        pieces = sorted(len(c) for c in nx.connected_components(G.subgraph(comp)))
        assert sorted(t.sizes(v)) == (pieces if t.is_cut(v) else [])


@pytest.mark.parametrize("seed", range(4))
def test_burt_measures_equal_networkx(seed):
    G = random_city(seed)
    G.remove_node("lonely")
    for weight in ("weight", None):
        c, e = burt_measures(G, weight=weight, engine="igraph")
        c_ref = nx.constraint(G, nodes=list(G), weight=weight)
        e_ref = nx.effective_size(G, nodes=list(G), weight=weight)
        for v in G:
            if G.degree(v):
                assert abs(c[v] - c_ref[v]) < 1e-9 and abs(e[v] - e_ref[v]) < 1e-9


@pytest.mark.parametrize("seed", range(3))
def test_whole_commands_agree_between_engines(seed):
    G = random_city(seed)
    assert bridging_scores(G, engine="igraph") == bridging_scores(G, engine="networkx")
    assert coordinators(G, engine="igraph") == coordinators(G, engine="networkx")
    assert risks(G, engine="igraph") == risks(G, engine="networkx")


def test_engine_from_environment(monkeypatch):
    from kyodo_network.analysis.engine import engine_name

    monkeypatch.setenv("KYODO_ENGINE", "networkx")
    assert engine_name() == "networkx"
    monkeypatch.setenv("KYODO_ENGINE", "nope")
    with pytest.raises(ValueError):
        engine_name()


def test_betweenness_shared_among_processes_equals_one_process(monkeypatch):
    """Above PARALLEL_WORK the sources of exact betweenness are split among forked workers; the sums must not
    change beyond rounding, and the estimate above the exact range not at all."""
    from kyodo_network.analysis import centrality

    G = nx.connected_watts_strogatz_graph(300, 6, 0.2, seed=3)
    one = centrality.betweenness(G)
    monkeypatch.setattr(centrality, "PARALLEL_WORK", 0)
    from kyodo_network.analysis import _parallel

    monkeypatch.setattr(centrality, "cores", lambda: 2)
    monkeypatch.setattr(_parallel, "cores", lambda: 2)
    shared = centrality.betweenness(G)
    estimated = centrality.betweenness(G, exact_max=100)  # KADABRA: one thread, never split among workers
    monkeypatch.setattr(centrality, "PARALLEL_WORK", 10**12)
    assert estimated == centrality.betweenness(G, exact_max=100)
    assert shared == pytest.approx(one, rel=1e-12, abs=1e-15)
    assert shared == pytest.approx(nx.betweenness_centrality(G), rel=1e-9, abs=1e-12)
