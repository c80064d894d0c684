"""Projects keep their convener (issue 11, item 6): a participant whose role convenes or proposes is the hub."""

import networkx as nx

from kyodo_network.analysis.bridges import bridging_scores
from kyodo_network.graph import graph_from_cases, graph_from_names, undirected_actor_graph
from kyodo_network.load import load_cases
from kyodo_network.words import convenes

BUREAU = "yokohama-environmental-planning-bureau"


def test_convener_words():
    assert convenes("招集（年度初め）") and convenes("事務局") and convenes(None, "Secretariat")
    assert convenes("提案団体") and convenes("主催")
    assert not convenes("参加") and not convenes(None, "Participant") and not convenes(None, "disorganised")


def _case(tmp_path, roles):
    actors = "".join(f"  - {{id: {a}, name: {a}, sector: npo, cite: t}}\n" for a in roles)
    parts = "".join(f"      - {{id: {a}" + (f", role: {r}" if r else "") + "}\n" for a, r in roles.items())
    f = tmp_path / "t.yaml"
    f.write_text(
        "format: kyodo-case/1\ndistrict: {id: t, name: t}\nactors:\n"
        + actors
        + "projects:\n  - id: p\n    name: p\n    cite: t\n    participants:\n"
        + parts,
        encoding="utf-8",
    )
    return load_cases([f])[0]


def test_hub_ties_to_everyone_and_others_not_to_each_other(tmp_path):
    G = graph_from_cases([_case(tmp_path, {"a": "招集", "b": "参加", "c": "参加", "d": None})])
    assert sorted(map(sorted, G.edges())) == [["a", "b"], ["a", "c"], ["a", "d"]]
    G = graph_from_cases([_case(tmp_path, {"a": "参加", "b": "参加", "c": None})])  # no convener: all to all
    assert G.number_of_edges() == 3


def test_kodomo_fudo_bureau_convenes_the_table():
    """Handbook 事例②: 「年度初めの調整会議は、環境創造局が招集します」. The data records it as the participant
    role 招集 of the 参加のテーブル; the bureau brokers, as networkx computes too — and the members who sat at the
    table together (「…が参加のテーブルに着きました」) have met, so the bureau is not the only link among them."""
    G = graph_from_names(["kodomo-fudo"])
    table = G.graph["projects"]["kodomo-fudo-coordination-table"]
    assert any(p["id"] == BUREAU and "招集" in p["role"] for p in table["participants"])
    U = undirected_actor_graph(G)
    expected = nx.betweenness_centrality(nx.Graph(U))
    rows = bridging_scores(G)
    ours = {r["id"]: r["betweenness"] for r in rows}
    for v, x in expected.items():
        assert abs(ours[v] - x) < 1e-6
    assert expected[BUREAU] > 0
    # The table's members are tied to one another by what they recorded (they sat at one table), not through the
    # project, whose hub is the bureau.
    assert G.has_edge("kodomo-fudo-hokubu-nosei", "kodomo-fudo-shiki-no-ie")
    assert G.edges["kodomo-fudo-hokubu-nosei", "kodomo-fudo-shiki-no-ie"]["relations"]
