"""Introductions: scores worked out by hand on small graphs, the rules every suggestion keeps, the CLI, and what
the handbook's cases suggest.

Score (kyodo_network.analysis.suggest): 1.0·Adamic–Adar + 0.5·shared themes + 1.0·offer→need matches
+ 0.5·cross-sector + 0.5·second path + 0.5·same district or ward.
Logarithms used below: 1/ln 2 = 1.442695, 1/ln 3 = 0.910239, 1/ln 4 = 0.721348.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from kyodo_network import KyodoError, graph_from_cases, load_cases
from kyodo_network.graph import graph_from_names, undirected_actor_graph
from kyodo_network.analysis.suggest import suggest_introductions
from kyodo_network.cli import cli

CASES = ["konandai-playpark", "kodomo-fudo", "nippa", "akuwa-north", "dream-heights", "yokohama-city"]


def graph(edges, **nodes):
    """A graph whose nodes get ``sector="npo"`` unless ``nodes`` says otherwise (node → attribute dict)."""
    G = nx.Graph()
    G.add_edges_from(edges)
    for n in G:
        G.nodes[n].setdefault("sector", "npo")
    for n, attrs in nodes.items():
        G.add_node(n, **{"sector": "npo", **attrs})
    return G


def by_pair(rows):
    return {(r["a"], r["b"]): r for r in rows}


@pytest.fixture(scope="module")
def centres():
    return [a for a in load_cases(["yokohama-city"])[0].actors if a.sector == "support" and a.ward]


# --- scores by hand ---------------------------------------------------------------------------------------


class TestScoresByHand:
    @pytest.fixture
    def square_with_tail(self):
        # a – x – b – y – a is a cycle (one block); z hangs on x.
        # deg(x) = 3 (a, b, z), deg(y) = 2 (a, b).
        return graph([("a", "x"), ("x", "b"), ("b", "y"), ("y", "a"), ("x", "z")])

    def test_adamic_adar_and_second_path(self, square_with_tail):
        rows = suggest_introductions(square_with_tail)
        pairs = by_pair(rows)
        assert set(pairs) == {("x", "y"), ("a", "b"), ("a", "z"), ("b", "z")}
        # (x, y): common a and b, both of degree 2: 1/ln2 + 1/ln2 = 2.885390; same block, same sector.
        assert pairs[("x", "y")]["score"] == pytest.approx(2.8854, abs=1e-4)
        # (a, b): common x (deg 3) and y (deg 2): 0.910239 + 1.442695 = 2.352934.
        assert pairs[("a", "b")]["score"] == pytest.approx(2.3529, abs=1e-4)
        # (a, z): common x only: 0.910239; z's only path runs through x, so + 0.5 for a second path = 1.410239.
        assert pairs[("a", "z")]["parts"]["closure"] == pytest.approx(0.9102, abs=1e-4)
        assert pairs[("a", "z")]["parts"]["second_path"] == 0.5
        assert pairs[("a", "z")]["score"] == pytest.approx(1.4102, abs=1e-4)
        assert pairs[("a", "z")]["held_by"] == ["x"]
        assert pairs[("a", "b")]["second_path"] is False and pairs[("a", "b")]["held_by"] == []
        assert [(r["a"], r["b"]) for r in rows] == [("x", "y"), ("a", "b"), ("a", "z"), ("b", "z")]

    def test_closure_is_networkx_adamic_adar(self, square_with_tail):
        U = square_with_tail
        expected = {(u, v): p for u, v, p in nx.adamic_adar_index(U)}
        expected = {tuple(sorted(k)): p for k, p in expected.items() if p > 0}
        got = {(r["a"], r["b"]): r["parts"]["closure"] for r in suggest_introductions(U)}
        assert set(got) == set(expected)
        for k, p in expected.items():
            assert got[k] == pytest.approx(p, abs=1e-4)

    def test_complementary_offer_and_need_rank_above_none(self):
        # Star: h with leaves p, q, r. p needs 会場, q offers it; r offers nothing.
        # Each leaf pair: 1/ln3 = 0.910239 closure + 0.5 second path (h holds every leaf).
        # (p, q) adds 1.0 for the match: 2.410239; (p, r) and (q, r): 1.410239.
        G = graph([("h", "p"), ("h", "q"), ("h", "r")], p={"needs": ["会場"]}, q={"offers": ["会場", "人手"]})
        rows = suggest_introductions(G)
        assert (rows[0]["a"], rows[0]["b"]) == ("p", "q")
        assert rows[0]["score"] == pytest.approx(2.4102, abs=1e-4)
        assert rows[0]["offers_needs"] == [{"from": "q", "to": "p", "item": "会場"}]
        assert [r["score"] for r in rows[1:]] == [pytest.approx(1.4102, abs=1e-4)] * 2
        assert "p が求める会場を q が提供でき".replace(" ", "") in rows[0]["reasons"]["ja"]
        assert "q can offer what p needs (a venue)" in rows[0]["reasons"]["en"]

    def test_themes_sectors_and_ward_without_a_common_partner(self, centres):
        # Two actors in separate components, nobody in common: only what they share counts.
        # 2 shared themes · 0.5 = 1.0, different sectors 0.5, same ward 0.5: 2.0. Introducer: 港南区's centre.
        G = graph(
            [("m", "n")],
            a={"sector": "npo", "themes": ["子育て", "居場所", "防犯"], "ward": "港南区"},
            b={"sector": "neighbourhood", "themes": ["居場所", "子育て"], "ward": "港南区"},
        )
        rows = suggest_introductions(G, support_centres=centres)
        assert [(r["a"], r["b"]) for r in rows] == [("a", "b")]
        r = rows[0]
        assert r["parts"] == {
            "closure": 0.0,
            "themes": 1.0,
            "complement": 0.0,
            "cross_sector": 0.5,
            "second_path": 0.0,
            "locality": 0.5,
        }
        assert r["score"] == 2.0
        assert r["shared_themes"] == ["子育て", "居場所"]  # in a's order
        assert r["introducers"] == []  # nobody is tied to both: the centre is a place to ask, not an introducer
        assert r["ask_at"] == ["support-centre-konan"]
        assert r["ask_at_names"] == ["港南区民活動支援センター"]
        assert r["introducer_kind"] == "support_centre"
        assert r["common_partners"] == 0
        assert r["reasons"]["ja"].startswith(
            "どちらも子育て・居場所に取り組んでいますが、共通の相手はまだいません（相談先: 港南区民活動支援センター）。"
        )

    def test_support_centres_of_both_wards(self, centres):
        # Same district (e.g. a city-wide file), different wards: one theme 0.5 + same district 0.5 = 1.0,
        # introduced by the centres of both wards.
        G = graph(
            [],
            a={"themes": ["子育て"], "ward": "港南区", "district": "d"},
            b={"themes": ["子育て"], "ward": "戸塚区", "district": "d"},
        )
        r = suggest_introductions(G, support_centres=centres)[0]
        assert r["score"] == 1.0
        assert r["introducers"] == []
        assert r["ask_at"] == ["support-centre-konan", "support-centre-totsuka"]
        assert suggest_introductions(G)[0]["introducers"] == []  # no centres given: no introducer

    def test_no_partner_in_common_and_far_apart_is_not_suggested(self):
        G = graph(
            [],
            a={"themes": ["子育て"], "ward": "港南区", "district": "d1"},
            b={"themes": ["子育て"], "ward": "戸塚区", "district": "d2"},
        )
        assert suggest_introductions(G) == []

    def test_the_issue_example_sentence(self):
        G = graph(
            [("npo", "ward-office"), ("ward-office", "jichikai")],
            npo={"name": "子育てNPO", "sector": "npo", "themes": ["子育て"]},
            jichikai={"name": "自治会", "sector": "neighbourhood", "themes": ["子育て"]},
            **{"ward-office": {"name": "港南区役所", "sector": "government"}},
        )
        r = suggest_introductions(G)[0]
        assert r["reasons"]["ja"].startswith(
            "どちらも子育てに取り組み、港南区役所が両者と協働しています（紹介役: 港南区役所）。"
        )
        assert r["reasons"]["en"].startswith(
            "Both work on child-rearing and 港南区役所 works with both (introducer: 港南区役所)."
        )

    def test_second_path_named_through_the_block_cut_tree(self):
        # a – c1 – c2 – b: three blocks; a and b, in one ward, share a theme but no partner.
        # Score: 0.5 theme + 0.5 second path + 0.5 same ward = 1.5.
        G = graph(
            [("a", "c1"), ("c1", "c2"), ("c2", "b")],
            a={"themes": ["見守り"], "ward": "瀬谷区"},
            b={"themes": ["見守り"], "ward": "瀬谷区"},
        )
        r = by_pair(suggest_introductions(G))[("a", "b")]
        assert r["score"] == 1.5
        assert r["held_by"] == ["c1", "c2"]
        assert "今はc1、c2を通してだけつながっています" in r["reasons"]["ja"]
        assert "共通の相手はまだいません" not in r["reasons"]["ja"]
        assert "connected today only through c1, c2" in r["reasons"]["en"]

    def test_introducers_best_first(self):
        # a and b share w1 (ties 3 and 3), w2 (3 and 1) and w3 (2 and 2, plus a third partner).
        # Order by the weaker tie (w1: 3, w3: 2, w2: 1). Closure: 1/ln2 + 1/ln2 + 1/ln3 = 3.795629.
        G = nx.Graph()
        G.add_edge("a", "w1", weight=3)
        G.add_edge("b", "w1", weight=3)
        G.add_edge("a", "w2", weight=3)
        G.add_edge("b", "w2", weight=1)
        G.add_edge("a", "w3", weight=2)
        G.add_edge("b", "w3", weight=2)
        G.add_edge("w3", "w4", weight=2)
        nx.set_node_attributes(G, "npo", "sector")
        r = by_pair(suggest_introductions(G))[("a", "b")]
        assert r["introducers"] == ["w1", "w3", "w2"]
        assert r["parts"]["closure"] == pytest.approx(3.7956, abs=1e-4)


# --- rules every suggestion keeps -------------------------------------------------------------------------


@pytest.fixture(scope="module", params=CASES + ["all"])
def case_graph(request):
    names = [] if request.param == "all" else [request.param]
    return graph_from_cases(load_cases(names))


def test_never_an_existing_relation_or_a_self_pair(case_graph, centres):
    U = undirected_actor_graph(case_graph)
    rows = suggest_introductions(case_graph, support_centres=centres)
    assert rows
    pairs = [(r["a"], r["b"]) for r in rows]
    assert len(pairs) == len({frozenset(p) for p in pairs})  # each pair once
    for r in rows:
        assert r["a"] != r["b"]
        assert not U.has_edge(r["a"], r["b"])
        assert r["score"] == pytest.approx(sum(r["parts"].values()), abs=1e-3)
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_introducers_are_common_neighbours(case_graph, centres):
    U = undirected_actor_graph(case_graph)
    for r in suggest_introductions(case_graph, support_centres=centres):
        common = set(U[r["a"]]) & set(U[r["b"]])
        if r["introducer_kind"] == "common_partner":
            assert set(r["introducers"]) == common
        else:
            assert not common
            assert all(c.startswith("support-centre-") for c in r["introducers"])
            assert r["a"] not in r["introducers"] and r["b"] not in r["introducers"]


def test_for_actor_and_cross_sector_only(case_graph):
    actor = max(case_graph, key=lambda n: (case_graph.degree(n), n))
    rows = suggest_introductions(case_graph, for_actor=actor)
    assert all(r["a"] == actor for r in rows)
    full = {frozenset((r["a"], r["b"])): r["score"] for r in suggest_introductions(case_graph)}
    assert {frozenset((r["a"], r["b"])): r["score"] for r in rows} == {k: s for k, s in full.items() if actor in k}
    cross = suggest_introductions(case_graph, cross_sector_only=True)
    assert all(r["sectors"][0] != r["sectors"][1] for r in cross)


def test_unknown_actor_has_a_did_you_mean():
    G = graph_from_cases(load_cases(["nippa"]))
    with pytest.raises(KyodoError, match="did you mean 'coordinator-s'"):
        suggest_introductions(G, for_actor="coordinator-z")


def test_graph_is_not_changed_and_direction_does_not_matter():
    cases = load_cases(["akuwa-north"])
    G = graph_from_cases(cases)
    before = nx.node_link_data(G, edges="edges")
    rows = suggest_introductions(G, top=5)
    assert nx.node_link_data(G, edges="edges") == before
    D = graph_from_cases(cases, directed=True)
    assert [(r["a"], r["b"], r["score"]) for r in suggest_introductions(D, top=5)] == [
        (r["a"], r["b"], r["score"]) for r in rows
    ]


# --- the handbook's cases ---------------------------------------------------------------------------------


def test_a_pair_only_one_actor_holds_together_is_introduced_by_that_actor():
    # Computed from the data (the bundled files are being re-encoded): every suggested pair whose only common
    # partner is an articulation point between them names that actor as introducer and as the one holding them.
    for case in ("nippa", "akuwa-north", "dream-heights"):
        G = graph_from_cases(load_cases([case]))
        U = undirected_actor_graph(G)
        for r in suggest_introductions(G):
            common = set(U[r["a"]]) & set(U[r["b"]])
            if len(common) == 1 and r["second_path"]:
                assert r["introducers"] == r["held_by"] == sorted(common), (case, r["a"], r["b"])


def test_the_play_park_group_is_pointed_to_a_venue_in_its_own_ward(centres):
    # 協働の事例①: the juku needs a place (会場); every support centre offers one, Konan's is in its own ward.
    G = graph_from_cases(load_cases([]))
    rows = suggest_introductions(G, for_actor="konandai-juku", support_centres=centres)
    venues = [r for r in rows if any(m["item"] == "会場" and m["to"] == "konandai-juku" for m in r["offers_needs"])]
    centres_first = [r["b"] for r in venues if r["b"].startswith("support-centre-")]
    assert centres_first[0] == "support-centre-konan"
    assert rows.index(venues[0]) < 5


def test_an_isolated_group_gets_partners_by_theme_and_the_ward_centre(centres):
    # ドリームハイツ: the early parent-run childcare has no recorded tie; 子育て still finds the other groups.
    G = graph_from_cases(load_cases(["dream-heights"]))
    rows = suggest_introductions(G, for_actor="dream-heights-jishu-hoiku", support_centres=centres)
    assert rows and rows[0]["b"] == "dream-heights-other-groups"
    assert rows[0]["introducers"] == [] and rows[0]["ask_at"] == ["support-centre-totsuka"]


# --- CLI --------------------------------------------------------------------------------------------------


def test_cli_json_fields(runner):
    result = runner.invoke(cli, ["suggest", "nippa", "--top", "3", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    for key in (
        "a",
        "b",
        "a_name",
        "b_name",
        "score",
        "introducers",
        "introducer_names",
        "reasons",
        "sectors",
        "parts",
        "shared_themes",
        "offers_needs",
        "held_by",
    ):
        assert key in rows[0]
    assert set(rows[0]["reasons"]) == {"ja", "en"}


def test_cli_table_csv_and_options(runner):
    result = runner.invoke(cli, ["suggest", "dream-heights", "--for", "dream-heights-jishu-hoiku", "--lang", "en"])
    assert result.exit_code == 0
    assert "Totsuka Residents' Activity Centre" in result.stdout
    assert result.stderr == ""
    result = runner.invoke(
        cli, ["suggest", "nippa", "--cross-sector-only", "--top", "0", "--format", "csv", "--lang", "en"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeffrank,a,a_name,b,b_name,score,")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) > 10 and all(r["reasons_ja"] and r["reasons_en"] for r in rows)


def test_cli_unknown_actor_exits_1(runner):
    result = runner.invoke(cli, ["suggest", "nippa", "--for", "nobody"])
    assert result.exit_code == 1
    assert "「nobody」というアクターは見つかりません" in result.stderr and result.stdout == ""
    assert runner.invoke(cli, ["suggest", "nippa", "--top", "-1"]).exit_code == 2


# --- suggestions are new acquaintances (issue 11) -----------------------------------------------------------


def _known_pairs(G):
    """Pairs that share a body (two member ties to one actor) or a project, or are tied: never 'new'."""
    members, known = {}, set()
    for u, v, d in G.edges(data=True):
        known.add(frozenset((u, v)))
        for r in d.get("relations", []):
            if r["type"] == "member":
                members.setdefault(r["to"], set()).add(r["from"])
    for group in members.values():
        known.update(frozenset((a, b)) for a in group for b in group if a != b)
    for p in G.graph.get("projects", {}).values():
        ids = [x["id"] for x in p["participants"]]
        known.update(frozenset((a, b)) for a in ids for b in ids if a != b)
    return known


def _generated(seed):
    import random

    rng = random.Random(seed)
    G = nx.gnm_random_graph(40, 70, seed=seed)
    sectors = ["npo", "neighbourhood", "council", "government", "support", "person"]
    for n in G:
        G.nodes[n].update(
            name=f"actor {n}",
            name_en=f"actor {n}",
            sector=rng.choice(sectors),
            themes=rng.sample(["子育て", "防犯", "居場所"], 1),
            offers=[],
            needs=[],
            ward="港南区",
            district="gen",
        )
    for u, v in G.edges:
        G.edges[u, v].update(
            relations=[{"from": u, "to": v, "type": rng.choice(["member", "support"]), "held_by": []}],
            projects=[],
            weight=2,
        )
    bodies = [n for n in G if G.nodes[n]["sector"] == "council"][:3]
    G.graph["projects"] = {}
    for i, b in enumerate(bodies):  # some members of a body with no tie to each other
        for m in rng.sample([n for n in G if n != b], 4):
            if not G.has_edge(m, b):
                G.add_edge(
                    m, b, relations=[{"from": m, "to": b, "type": "member", "held_by": []}], projects=[], weight=2
                )
    return G


@pytest.mark.parametrize(
    "source", ["akuwa-north", "dream-heights", "kodomo-fudo", "konandai-playpark", "nippa", "gen-1", "gen-2", "gen-3"]
)
def test_suggestions_are_new_acquaintances_and_introducers_know_both(source, centres):
    from kyodo_network.analysis.bridges import coordinators

    G = _generated(int(source[-1])) if source.startswith("gen") else graph_from_names([source])
    known = _known_pairs(G)
    rows = suggest_introductions(G, support_centres=centres)
    assert rows or source.startswith("gen")
    U = nx.Graph(G)
    for r in rows:
        assert frozenset((r["a"], r["b"])) not in known, (r["a"], r["b"])
        for x in r["introducers"]:
            assert U.has_edge(x, r["a"]) and U.has_edge(x, r["b"]), (x, r["a"], r["b"])
    found = coordinators(G)
    assert found
    for c in found:  # one count, one meaning: the number a coordinator is given is the length of its list
        assert c["sole_pairs"] == len(c["pairs"]) <= c["cross_sector_pairs"], c["id"]


# --- sentences a person would write -------------------------------------------------------------------------


def test_sentences_never_contradict_each_other_and_count_right(case_graph, centres):
    import re

    rows = suggest_introductions(case_graph, support_centres=centres)
    assert rows
    plural_after_one = re.compile(r"\b1 (pairs|actors|others|other partners|partners|introducers)\b")
    for r in rows:
        ja, en = r["reasons"]["ja"], r["reasons"]["en"]
        assert not ("共通の相手はまだいません" in ja and "だけが両者をつないでいる" in ja), ja
        if "だけが両者をつないでいる" in ja:  # one actor alone holds them together: that actor is in common
            assert r["common_partners"] == 1 and r["held_by"] == r["introducers"], ja
        if "共通の相手はまだいません" in ja:
            assert r["common_partners"] == 0 and not r["held_by"], ja
        if "紹介役" in ja:  # an introducer is tied to both
            assert r["introducers"] and all(x in case_graph for x in r["introducers"])
        assert not plural_after_one.search(en), en
        assert "唯一の経路" not in ja and "2本目の経路" not in ja and "second path" not in en
        assert " it " not in f" {en} " and "hold them together" not in en


def test_two_actors_never_read_as_one_name():
    # 自治会（その1） and 自治会（その2） would both shorten to 自治会: they stay whole, so the sentence names two.
    base = {"sector": "neighbourhood", "ward": "戸塚区", "district": "d"}
    G = graph(
        [("j1", "x"), ("x", "j2")],
        j1={**base, "name": "自治会（その1）", "name_en": "Residents' association (1)", "needs": ["会場"]},
        j2={**base, "name": "自治会（その2）", "name_en": "Residents' association (2)", "offers": ["会場"]},
        x={**base, "name": "協議会（地区）", "sector": "council"},
    )
    r = by_pair(suggest_introductions(G))[("j1", "j2")]
    assert "自治会（その1）が求める会場を自治会（その2）が提供でき" in r["reasons"]["ja"]
    assert "Residents' association (2) can offer what Residents' association (1) needs" in r["reasons"]["en"]
    assert "協議会が両者と協働しています" in r["reasons"]["ja"]  # x's short name is unambiguous: shortened
    G.add_node("z", name="協議会（市）", sector="council")
    G.add_edge("z", "j1")
    r = by_pair(suggest_introductions(G))[("j1", "j2")]
    assert "協議会（地区）が両者と協働しています" in r["reasons"]["ja"]  # two 協議会: both stay whole


def test_no_displayed_pair_is_one_name_twice(runner):
    import re

    for case in ("dream-heights", "nippa", "akuwa-north", "konandai-playpark", "kodomo-fudo"):
        res = runner.invoke(cli, ["suggest", case, "--top", "0", "--lang", "ja"])
        assert res.exit_code == 0
        rows = [
            re.split(r"\s{2,}", line.strip()) for line in res.output.splitlines() if re.match(r"^\s*\d+\s{2}", line)
        ]
        assert rows
        for cells in rows:
            assert cells[1] != cells[2], cells


def test_a_sentence_on_inferred_offers_says_so():
    base = {"sector": "npo", "ward": "港南区", "district": "d"}
    G = graph([], p={**base, "needs": ["会場"]}, q={**base, "sector": "school", "offers": ["会場"]})
    r = suggest_introductions(G)[0]
    assert "会場" in r["reasons"]["ja"] and not r["inferred"]
    assert "推定を含む" not in r["reasons"]["ja"] and "inferred" not in r["reasons"]["en"]
    G.nodes["q"]["inferred_fields"] = ["offers", "needs"]
    r = suggest_introductions(G)[0]
    assert r["inferred"]
    assert r["reasons"]["ja"].endswith("（推定を含む）")
    assert r["reasons"]["en"].endswith(" (includes inferred data)")
    G.nodes["q"]["inferred_fields"] = ["since"]  # a field the sentence does not use
    assert not suggest_introductions(G)[0]["inferred"]
