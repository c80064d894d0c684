"""Directed brokerage tells the truth (issue 11, item 3): 「組」 are unordered pairs, and a sentence never
contradicts its own row."""

from itertools import permutations

import pytest

from kyodo_network.analysis.bridges import bridging_scores
from kyodo_network.graph import graph_from_names


def _pairs_through(D, v):
    """Unordered pairs {a, c} with a → v → c and no tie a → c, counted straight from the DiGraph."""
    out = set()
    for a, c in permutations([x for x in set(D.predecessors(v)) | set(D.successors(v)) if x != v], 2):
        if D.has_edge(a, v) and D.has_edge(v, c) and not D.has_edge(a, c):
            out.add(frozenset((a, c)))
    return out


@pytest.mark.parametrize("case", ["dream-heights", "konandai-playpark"])
def test_directed_counts_are_unordered_pairs_and_sentences_agree(case):
    D = graph_from_names([case], directed=True)
    for r in bridging_scores(D):
        pairs = _pairs_through(D, r["id"])
        cross = sum(1 for p in pairs if len({D.nodes[x]["sector"] for x in p}) == 2)
        assert sum(s["pairs"] for s in r["sectors_bridged"]) == cross
        ja, en = r["explanation"]["ja"], r["explanation"]["en"]
        if pairs:
            assert f"届く組は{len(pairs)}組です" in ja and f" {len(pairs)} pair" in en
        elif D.degree(r["id"]):
            assert "届く組はありません" in ja and "no pair reaches" in en
        if r["articulation"]:
            assert "つながりを失います" in ja and "すでに直接" not in ja


def test_konandai_juku_counts_six_pairs_not_twelve():
    D = graph_from_names(["konandai-playpark"], directed=True)
    juku = next(r for r in bridging_scores(D) if r["id"] == "konandai-juku")
    assert {tuple(s["sectors"]): s["pairs"] for s in juku["sectors_bridged"]}[("government", "person")] == 6


def test_dream_heights_council_is_a_cut_point_that_brokers_nothing_directed():
    D = graph_from_names(["dream-heights"], directed=True)
    council = next(r for r in bridging_scores(D) if "地域運営協議会" in r["name"])
    assert council["articulation"] and council["brokerage"]["total"] == 0
    assert "を通してしかつながっていません" in council["explanation"]["ja"]
    assert "届く組はありません" in council["explanation"]["ja"]
