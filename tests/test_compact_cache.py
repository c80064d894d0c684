"""The network kept compactly (``kyodo_network/_compact.py``) and through the read cache: what comes back is the
graph that went in — every node, neighbour, attribute and order — and ``compare`` gives the same rows whether its
districts were built now, taken from the cache, or taken one at a time."""

from __future__ import annotations

import gc
import io
import math
import pickle
import pickletools
from pathlib import Path

import networkx as nx
import pytest

from kyodo_network import _cache, _compact
from kyodo_network._compact import CompactGraphs, decode_graph, encode_graph

from conftest import VALID


def assert_same(G: nx.Graph, H: nx.Graph) -> None:
    """Equal as values and as types, in every order networkx exposes, with the same edge dicts shared."""
    assert type(H) is type(G)
    assert repr(H.graph) == repr(G.graph) and H.graph == G.graph
    assert list(H.nodes) == list(G.nodes)
    assert repr(list(H.nodes(data=True))) == repr(list(G.nodes(data=True)))
    assert repr(list(H.edges(data=True))) == repr(list(G.edges(data=True)))
    for n in G:
        assert list(H.adj[n]) == list(G.adj[n])  # each node's neighbours in order
        if G.is_directed():
            assert list(H.pred[n]) == list(G.pred[n])
    for u, v in G.edges():
        if G.is_directed():
            assert H.succ[u][v] is H.pred[v][u]
        else:
            assert H.adj[u][v] is H.adj[v][u]


def through_cache_pickler(value):
    buf = io.BytesIO()
    _cache._Pickler(buf).dump(value)
    return pickle.loads(buf.getvalue()), buf.getvalue()


def _odd_graph(cls=nx.Graph) -> nx.Graph:
    G = cls(name="試験", projects={f"p{i}": {"name": f"事業{i}", "participants": [{"id": i}]} for i in range(80)})
    G.graph["undated"] = {"actors": [], "relations": [["a", "b", "support"]], "projects": None}
    G.add_node("z", kind="actor", name="ゼット", themes=["見守り", "子育て"], since=None, weight=1.5)
    G.add_node(3, kind="actor", name="three", themes=[], since=2010, weight=-0.0)  # a non-string id
    G.add_node(("t", 1), flag=True, count=1, ratio=1.0, text="a\0b", mixed="1")  # a tuple id, a NUL in a text
    G.add_node("plain")  # no attributes at all
    G.add_node("last", mixed=1, tags=("x", "y"), nothing=None, nan=math.nan)
    rel = {"type": "support", "from": "z", "to": 3, "weight": 2, "held_by": [], "inferred_fields": ["type"]}
    G.add_edge("z", 3, relations=[rel, {**rel, "agreement": {"期間": True}}], projects=[], weight=2, types=["support"])
    G.add_edge(3, ("t", 1), relations=[], projects=["p1"], weight=1, types=["project"], cross_sector=False)
    G.add_edge("last", "last", note="a self-loop")
    G.add_edge("last", "z")  # an edge with no attributes
    G.add_edge(("t", 1), "z", relations=[dict(rel, type="commission")], weight=3)
    return G


@pytest.mark.parametrize("cls", [nx.Graph, nx.DiGraph])
def test_an_odd_graph_comes_back_the_same(cls):
    G = _odd_graph(cls)
    H = decode_graph(pickle.loads(pickle.dumps(encode_graph(G))))
    assert_same(G, H)
    assert H.nodes["z"]["weight"] == 1.5 and math.copysign(1, H.nodes[3]["weight"]) == -1  # -0.0 stays -0.0
    assert type(H.nodes[("t", 1)]["count"]) is int and H.nodes[("t", 1)]["flag"] is True
    assert H.nodes["last"]["mixed"] == 1 and H.nodes[("t", 1)]["mixed"] == "1"
    assert math.isnan(H.nodes["last"]["nan"])


def test_neighbour_order_is_kept_not_only_edge_order():
    G = nx.Graph()
    G.add_nodes_from("abcd")
    G.add_edges_from([("d", "a"), ("b", "a"), ("c", "a"), ("b", "d")])  # a's neighbours: d, b, c
    H = decode_graph(encode_graph(G))
    assert list(H.adj["a"]) == ["d", "b", "c"]
    assert_same(G, H)


def test_adjacency_in_another_order_than_the_nodes_is_kept():
    G = nx.path_graph(4)
    G._adj = {n: G._adj[n] for n in (2, 0, 3, 1)}  # as a subclass's own dicts could be
    H = decode_graph(encode_graph(G))
    assert list(H._adj) == [2, 0, 3, 1] and list(H.nodes) == [0, 1, 2, 3]


def test_rebuilt_graphs_share_nothing_that_can_change():
    G = _odd_graph()
    data = encode_graph(G)
    one, two = decode_graph(data), decode_graph(data)
    one.nodes["z"]["themes"].append("changed")
    one.edges["z", 3]["relations"][0]["held_by"].append("x")
    one.nodes[3]["themes"].append("also")
    assert two.nodes["z"]["themes"] == ["見守り", "子育て"] and two.nodes[3]["themes"] == []
    assert two.edges["z", 3]["relations"][0]["held_by"] == []
    assert G.nodes["z"]["themes"] == ["見守り", "子育て"]
    gs = CompactGraphs([G])
    gs[0].nodes["z"]["themes"].append("changed")
    assert gs[0].nodes["z"]["themes"] == ["見守り", "子育て"]


def test_empty_and_small_graphs():
    for G in (nx.Graph(), nx.DiGraph(), nx.empty_graph(3), nx.complete_graph(5), nx.DiGraph([(1, 2), (2, 1)])):
        assert_same(G, decode_graph(encode_graph(G)))


class Mine(nx.Graph):
    """A subclass: pickled whole."""


def test_other_graph_classes_are_pickled_whole():
    for G in (nx.MultiGraph([(1, 2), (1, 2)]), Mine([(1, 2)])):
        with pytest.raises(TypeError):
            encode_graph(G)
        H, raw = through_cache_pickler(G)
        assert type(H) is type(G) and list(H.edges) == list(G.edges)
    G = nx.Graph([(1, 2)])
    G.extra = "kept"  # an attribute of its own: not laid out by column, pickled as it is
    H, _ = through_cache_pickler(G)
    assert H.extra == "kept" and list(H.edges) == [(1, 2)]


@pytest.mark.parametrize(
    "options",
    [{}, {"directed": True}, {"view": "projects"}, {"year": 2005}, {"public": True}],
    ids=["actors", "directed", "projects", "year", "public"],
)
def test_bundled_networks_come_back_the_same_through_the_cache_pickler(options):
    from kyodo_network.graph import graph_from_names

    G = graph_from_names(["dream-heights", "nippa"], **options)
    H, raw = through_cache_pickler(G)
    assert_same(G, H)
    if options.get("view") == "projects":
        assert {d["bipartite"] for _, d in H.nodes(data=True)} == {0, 1}
    if options.get("directed"):
        assert H.is_directed()


def test_a_large_network_is_kept_in_far_fewer_bytes():
    import random

    rng = random.Random(1)
    G = nx.gnm_random_graph(2000, 8000, seed=1)
    sectors = ["npo", "government", "business", "neighbourhood"]
    for n, d in G.nodes(data=True):
        d.update(kind="actor", name=f"団体{n}", sector=rng.choice(sectors), themes=rng.sample(sectors, 2), since=None)
    for u, v, d in G.edges(data=True):
        d.update(relations=[{"type": "support", "from": u, "to": v, "weight": 2, "origin": f"d.yaml:{u}"}], weight=2)
    H, raw = through_cache_pickler(G)
    assert_same(G, H)
    assert len(raw) * 2 < len(pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL))


def test_the_entry_is_the_compact_form(cache, tmp_path):
    from kyodo_network.graph import graph_from_names

    graph_from_names(["nippa"])
    entries = sorted(cache.glob("*.pickle"), key=lambda p: p.stat().st_size)
    graph_entries = [e for e in entries if b"decode_graph" in e.read_bytes()]
    assert len(graph_entries) == 1
    ops = {op.name for op, _, _ in pickletools.genops(graph_entries[0].read_bytes())}
    text = graph_entries[0].read_bytes()
    assert b"networkx.classes.graph" not in text and "STACK_GLOBAL" in ops  # no Graph object, only our rebuilder


def test_paused_gc_leaves_the_collector_as_it_was():
    assert gc.isenabled()
    with _cache.paused_gc():
        assert not gc.isenabled()
        with _cache.paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with _cache.paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- through the cache ------------------------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KYODO_CACHE", str(folder))
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the graphs really built behind graph_from_names / graphs_from_names (one per call that builds)."""
    from kyodo_network import graph

    seen: list[int] = []
    real = graph.support_centres

    def counting(cases):
        seen.append(1)
        return real(cases)

    monkeypatch.setattr(graph, "support_centres", counting)
    return seen


def _copy(src: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / src.name
    out.write_bytes(src.read_bytes())
    return out


def test_the_kept_network_is_used_and_a_changed_file_is_read_again(cache, builds, tmp_path):
    from kyodo_network.graph import graph_from_names

    files = [_copy(VALID / n, tmp_path / "d") for n in ("city.yaml", "hills.yaml", "river.yaml")]
    for options in ({}, {"directed": True}, {"view": "projects"}, {"public": True}):
        builds.clear()
        G = graph_from_names(files[1:], **options)
        H = graph_from_names(files[1:], **options)
        assert len(builds) == 1, options
        assert_same(G, H)
    river = files[2]
    river.write_text(river.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    builds.clear()
    graph_from_names(files[1:])
    assert len(builds) == 1


def test_an_entry_of_another_layout_is_a_miss(cache, builds, monkeypatch):
    from kyodo_network.graph import graph_from_names

    G = graph_from_names(["nippa"])
    monkeypatch.setattr(_compact, "VERSION", _compact.VERSION + 1)
    H = graph_from_names(["nippa"])  # the kept one no longer reads: built again, and kept anew
    assert len(builds) == 2
    assert_same(G, H)
    graph_from_names(["nippa"])
    assert len(builds) == 2


def test_cached_compare_is_fresh_compare(cache, builds, tmp_path, monkeypatch):
    from kyodo_network.analysis.compare import compare_districts
    from kyodo_network.graph import graph_from_cases, graphs_from_names, support_centres
    from kyodo_network.load import load_cases

    names = ["dream-heights", "nippa", "yokohama-city"]
    cases = load_cases(names)
    plain = [graph_from_cases([c]) for c in cases]  # as graphs_from_names built them before: all at once
    centres = support_centres(cases)
    for G in plain:
        G.graph["support_centres"] = centres
    expected = compare_districts(plain)

    lazy = graphs_from_names(names, lazy=True)
    assert isinstance(lazy, CompactGraphs) and len(lazy) == 3
    for G, H in zip(plain, lazy):
        assert_same(G, H)
    assert compare_districts(lazy) == expected
    assert compare_districts(graphs_from_names(names, lazy=True)) == expected  # from the cache
    assert compare_districts(graphs_from_names(names)) == expected  # a list, from the cache
    assert len(builds) == 2  # the plain reference above, and the first graphs_from_names
    monkeypatch.setenv("KYODO_CACHE", "off")
    assert compare_districts(graphs_from_names(names, lazy=True)) == expected


def test_compare_shares_lazy_districts_among_workers(monkeypatch):
    from kyodo_network.analysis import compare

    graphs = [nx.gnm_random_graph(12 + i, 20 + i, seed=i) for i in range(compare.PARALLEL_DISTRICTS + 2)]
    for i, G in enumerate(graphs):
        G.graph["name"] = f"d{i}"
        nx.set_node_attributes(G, {n: ("npo", "government")[n % 2] for n in G}, "sector")
    lazy = CompactGraphs(graphs)
    assert compare.compare_districts(lazy) == compare.compare_districts(graphs)


def test_public_graphs_are_redacted_one_case_at_a_time_as_before(cache):
    from kyodo_network.graph import _everyone, graph_from_cases, graphs_from_names, support_centres
    from kyodo_network.load import load_cases
    from kyodo_network.privacy import redact_graph

    names = ["nippa", "dream-heights"]
    cases = load_cases(names)
    centres = support_centres(cases)
    for c, H in zip(cases, graphs_from_names(names, public=True)):
        G = graph_from_cases([c])
        G.graph["support_centres"] = centres
        assert_same(redact_graph(G, reference=_everyone([c], G, view="actors", directed=False, year=None))[0], H)
