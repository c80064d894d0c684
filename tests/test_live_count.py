"""The room's live count (:class:`kyodo_network.analysis.live.LiveCount`) equals a whole count after every edit.

A seeded random sequence of edits — ties added (between actors, to a new actor, inside a circle), actors added,
sectors changed, names changed, ties removed — is applied to a real network (a bundled district with the city
directory it includes, and a generated 300-actor ward), and after each the live count is compared with
``BridgingTable(G)`` and ``coordinator_ids(G)`` counted from scratch: every actor's numbers, its whole row with the
sentence, and the ★. Betweenness itself is also checked against networkx's own ``betweenness_centrality``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import networkx as nx
import pytest

from kyodo_network.analysis.bridges import BridgingTable
from kyodo_network.analysis.coordinators import coordinator_ids
from kyodo_network.analysis.live import LiveCount
from kyodo_network.graph import graph_from_cases
from kyodo_network.load import load_cases

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_load import case_text  # noqa: E402

SECTORS = ["npo", "government", "neighbourhood", "person", "school", "business"]


def ward(tmp_path: Path, n: int = 300) -> nx.Graph:
    path = tmp_path / "ward.yaml"
    path.write_text(case_text(n), encoding="utf-8")
    return graph_from_cases(load_cases([str(path)]))


def edit(G: nx.Graph, rng: random.Random, k: int) -> str:
    """One edit of ``G`` in place, as the room makes them (new actors at the end); returns its kind."""
    actors = [n for n, d in G.nodes(data=True) if d.get("kind", "actor") == "actor"]
    op = rng.choice(["tie", "tie", "tie", "new", "new-tied", "sector", "name", "circle", "remove"])
    if op == "tie":
        a, b = rng.sample(actors, 2)
        G.add_edge(a, b, relations=[{"type": "cooperation", "from": a, "to": b}], weight=1.0)
    elif op in ("new", "new-tied"):
        v = f"new-{k}"
        G.add_node(v, name=f"新しい会{k}", sector=rng.choice(SECTORS), kind="actor")
        if op == "new-tied":
            for b in rng.sample(actors, 2):
                G.add_edge(v, b, relations=[{"type": "cooperation", "from": v, "to": b}], weight=1.0)
    elif op == "sector":
        G.nodes[rng.choice(actors)]["sector"] = rng.choice(SECTORS)
    elif op == "name":
        G.nodes[rng.choice(actors)]["name"] = f"改名{k}"
    elif op == "circle":  # a member tie: the two become circle-mates
        a, b = rng.sample(actors, 2)
        G.add_edge(a, b, relations=[{"type": "member", "from": a, "to": b}], weight=1.0)
    elif op == "remove":
        u, v = rng.choice(list(G.edges))
        G.remove_edge(u, v)
    return op


def same_count(live: LiveCount, G: nx.Graph) -> None:
    table, marked = live.count(G)
    fresh = BridgingTable(G)
    assert marked == coordinator_ids(G)
    assert list(table.rows) == list(fresh.rows)  # the same ranking
    for v, row in fresh.rows.items():
        assert {k: x for k, x in table.rows[v].items()} == row, v
    for v in list(fresh.rows)[:5] + list(fresh.rows)[-3:]:
        assert table.row(v) == fresh.row(v), v


@pytest.mark.parametrize("which", ["nippa", "ward"])
def test_the_live_count_equals_a_whole_count_after_every_edit(which, tmp_path):
    G = graph_from_cases(load_cases(["nippa"])) if which == "nippa" else ward(tmp_path)
    live = LiveCount(background=False)
    same_count(live, G)
    assert live.how == "whole"
    rng = random.Random(2026)
    seen = set()
    for k in range(40):
        op = edit(G, rng, k)
        same_count(live, G)
        seen.add((op, live.how))
    hows = {h for _, h in seen}
    assert {"whole", "changes"} <= hows  # both paths were taken and agreed
    assert ("remove", "whole") in seen and ("tie", "changes") in seen


def test_betweenness_from_added_ties_equals_networkx(tmp_path):
    G = ward(tmp_path, 120)
    live = LiveCount(background=False)
    live.count(G)
    rng = random.Random(5)
    actors = list(G)
    for k in range(15):
        a, b = rng.sample(actors, 2)
        G.add_edge(a, b, relations=[{"type": "cooperation", "from": a, "to": b}], weight=1.0)
        if k % 5 == 0:
            G.add_node(f"n{k}", name=f"n{k}", sector="npo", kind="actor")
            G.add_edge(f"n{k}", a, relations=[{"type": "cooperation", "from": f"n{k}", "to": a}], weight=1.0)
        table, _ = live.count(G)
        assert live.how == "changes" and live._dynamic is not None and live._dynamic.run is not None
        U = nx.Graph(G.edges())
        U.add_nodes_from(G)
        want = nx.betweenness_centrality(U)
        for v, x in want.items():
            assert table.rows[v]["betweenness"] == pytest.approx(round(x, 6), abs=1e-9), v


def test_a_rename_reuses_the_numbers(tmp_path):
    G = ward(tmp_path, 80)
    live = LiveCount(background=False)
    live.count(G)
    v = next(iter(G))
    G.nodes[v]["name"] = "新しい名前"
    table, _ = live.count(G)
    assert live.how == "renamed"
    assert table.row(v) == BridgingTable(G).row(v) and table.rows[v]["name"] == "新しい名前"


def test_the_background_build_is_used_once_ready(tmp_path):
    G = ward(tmp_path, 150)
    live = LiveCount()  # built in a thread, as in the room
    live.count(G)
    live.wait()
    a, b = list(G)[3], list(G)[40]
    G.add_edge(a, b, relations=[{"type": "cooperation", "from": a, "to": b}], weight=1.0)
    before = set(live._dynamic.edges)
    table, _ = live.count(G)
    assert len(live._dynamic.edges) == len(before) + 1  # the tie went through the dynamic count
    assert table.rows == BridgingTable(G).rows
