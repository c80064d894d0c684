"""graph_from_cases keeps the node/edge attribute contract of its docstring, on the small valid fixtures.

Expected values are worked out by hand from tests/data/valid (line numbers refer to those files):

hills.yaml (includes city.yaml) defines 6 actors — hills-council (council, since 2000), hills-npo (npo, since
2005), hills-school (school), hills-shop (shotengai, until 2006), hills-care-plaza (support), coordinator-a
(person, private, inferred) — and refers to two city actors, city-support-centre (support) and
city-civic-bureau (government); city-unused-office is never referred to. Its relations:

    line 54  hills-npo → hills-council            member (directed)   since 2005
    line 59  city-support-centre → hills-npo      support (directed)  weight 3, since 2006
    line 65  hills-school — hills-council         cooperation (mutual) inferred
    line 71  city-civic-bureau → hills-council    subsidy (directed)  2008–2010
    line 77  coordinator-a → hills-npo            advice (directed)   weight 1
    line 82  hills-care-plaza — city-support-centre  information (mutual)

and projects hills-festival (2004–2006: hills-council as 実行委員会, hills-school, hills-shop) and
hills-playground (since 2007: hills-npo, hills-school).
"""

from __future__ import annotations

import copy

import networkx as nx
import pytest

from kyodo_network import KyodoError, graph_from_cases, load_cases
from kyodo_network.graph import PROJECT_TIE_WEIGHT

ACTOR_KEYS = {
    "kind",
    "name",
    "name_en",
    "sector",
    "sector_name",
    "sector_name_en",
    "colour",
    "role",
    "role_en",
    "themes",
    "offers",
    "needs",
    "since",
    "until",
    "visibility",
    "contact",
    "ward",
    "ward_en",
    "district",
    "cite",
    "inferred",
    "inferred_fields",
    "note",
    "origin",
    "projects",
    "category",
    "private_fields",
    "representative",
}
PROJECT_KEYS = {
    "kind",
    "name",
    "name_en",
    "since",
    "until",
    "themes",
    "district",
    "cite",
    "inferred",
    "inferred_fields",
    "note",
    "origin",
}
EDGE_KEYS = {"relations", "projects", "types", "weight", "inferred", "cross_sector", "held_by"}
RELATION_KEYS = {
    "type",
    "from",
    "to",
    "directed",
    "since",
    "until",
    "weight",
    "cite",
    "inferred",
    "inferred_fields",
    "note",
    "origin",
    "held_by",
    "label",
}
GRAPH_KEYS = {
    "name",
    "name_en",
    "districts",
    "sources",
    "files",
    "year",
    "view",
    "sectors",
    "relation_types",
    "projects",
}

HILLS_ACTORS = {"hills-council", "hills-npo", "hills-school", "hills-shop", "hills-care-plaza", "coordinator-a"}
CITY_REFERENCED = {"city-support-centre", "city-civic-bureau"}

# (u, v): (types, weight, projects, inferred, cross_sector) — undirected actor view, all years.
HILLS_EDGES = {
    ("hills-npo", "hills-council"): (["member"], 2, [], False, True),
    ("city-support-centre", "hills-npo"): (["support"], 3, [], False, True),
    ("hills-school", "hills-council"): (["cooperation", "project"], 2, ["hills-festival"], False, True),
    ("city-civic-bureau", "hills-council"): (["subsidy"], 2, [], False, True),
    ("coordinator-a", "hills-npo"): (["advice"], 1, [], False, True),
    ("hills-care-plaza", "city-support-centre"): (["information"], 2, [], False, False),
    ("hills-council", "hills-shop"): (["project"], 1, ["hills-festival"], False, True),
    ("hills-school", "hills-shop"): (["project"], 1, ["hills-festival"], False, True),
    ("hills-npo", "hills-school"): (["project"], 1, ["hills-playground"], False, True),
}


@pytest.fixture
def hills(in_valid):
    return load_cases(["hills.yaml"])


@pytest.fixture
def both(in_valid):
    return load_cases(["hills.yaml", "river.yaml"])


def undirected(edges) -> set[frozenset]:
    return {frozenset(e) for e in edges}


# --- the actor view -------------------------------------------------------------------------------------------


def test_nodes_are_own_actors_and_referenced_included_actors(hills):
    G = graph_from_cases(hills)
    assert type(G) is nx.Graph
    assert set(G) == HILLS_ACTORS | CITY_REFERENCED
    assert "city-unused-office" not in G


def test_an_included_file_on_its_own_has_all_its_actors(in_valid):
    G = graph_from_cases(load_cases(["city.yaml"]))
    assert set(G) == {"city-support-centre", "city-civic-bureau", "city-unused-office"}
    assert G.number_of_edges() == 0


def test_every_node_has_the_documented_attributes(hills):
    G = graph_from_cases(hills)
    for _, d in G.nodes(data=True):
        assert set(d) == ACTOR_KEYS


def test_actor_attributes(hills):
    G = graph_from_cases(hills)
    assert G.nodes["hills-npo"] == {
        "kind": "actor",
        "name": "NPO法人ヒルズ",
        "name_en": "NPO Hills",
        "sector": "npo",
        "sector_name": "NPO・市民活動団体・ボランティア",
        "sector_name_en": "NPOs, civic groups, volunteers",
        "colour": "#33a02c",
        "role": None,
        "role_en": None,
        "themes": ["子育て", "居場所"],
        "offers": [],
        "needs": ["場所"],
        "since": 2005,
        "until": None,
        "visibility": "public",
        "contact": None,
        "ward": "港南区",
        "ward_en": "Konan Ward",
        "district": "test-hills",
        "cite": "テスト用",
        "inferred": False,
        "inferred_fields": [],
        "note": None,
        "origin": "hills.yaml:19",
        "projects": ["hills-playground"],
        "category": None,
        "private_fields": [],
        "representative": None,
    }
    shop = G.nodes["hills-shop"]  # a sector declared in the included city.yaml
    assert (shop["sector"], shop["sector_name"], shop["sector_name_en"], shop["colour"]) == (
        "shotengai",
        "商店街",
        "Shopping street",
        "#b15928",
    )
    assert (shop["until"], shop["projects"]) == (2006, ["hills-festival"])
    centre = G.nodes["city-support-centre"]  # defined by the city file: its district, and the city's ward
    assert (centre["district"], centre["ward"], centre["ward_en"], centre["origin"]) == (
        "test-city",
        "横浜市全域",
        "Whole city",
        "city.yaml:19",
    )
    assert (centre["offers"], centre["projects"]) == (["相談", "情報"], [])
    coordinator = G.nodes["coordinator-a"]
    assert (coordinator["visibility"], coordinator["inferred"], coordinator["note"]) == (
        "private",
        True,
        "テスト用の推定",
    )
    assert (coordinator["role"], coordinator["role_en"]) == ("コーディネーター", "Coordinator")
    assert G.nodes["hills-school"]["projects"] == ["hills-festival", "hills-playground"]


def test_edges_and_their_attributes(hills):
    G = graph_from_cases(hills)
    assert undirected(G.edges) == undirected(HILLS_EDGES)
    for (u, v), (types, weight, projects, inferred, cross) in HILLS_EDGES.items():
        d = G.edges[u, v]
        assert set(d) == EDGE_KEYS
        assert (d["types"], d["weight"], d["projects"], d["inferred"], d["cross_sector"]) == (
            types,
            weight,
            projects,
            inferred,
            cross,
        ), (u, v)
        assert len(d["relations"]) == len([t for t in types if t != "project"])
        for r in d["relations"]:
            assert set(r) == RELATION_KEYS


def test_relation_records_on_edges(hills):
    G = graph_from_cases(hills)
    assert G.edges["hills-npo", "hills-council"]["relations"] == [
        {
            "type": "member",
            "from": "hills-npo",
            "to": "hills-council",
            "directed": True,
            "since": 2005,
            "until": None,
            "weight": 2,
            "cite": "テスト用",
            "inferred": False,
            "inferred_fields": [],
            "note": None,
            "held_by": [],
            "origin": "hills.yaml:54",
            "label": None,
        }
    ]
    [coop] = G.edges["hills-council", "hills-school"]["relations"]
    assert (coop["type"], coop["from"], coop["to"], coop["directed"]) == (
        "cooperation",
        "hills-school",
        "hills-council",
        False,
    )
    assert (coop["inferred"], coop["note"], coop["origin"]) == (True, "本文からの推定", "hills.yaml:65")
    [subsidy] = G.edges["hills-council", "city-civic-bureau"]["relations"]
    assert (subsidy["since"], subsidy["until"], subsidy["origin"]) == (2008, 2010, "hills.yaml:71")


def test_project_ties(hills):
    G = graph_from_cases(hills)
    assert PROJECT_TIE_WEIGHT == 1
    ties = [(u, v) for u, v, d in G.edges(data=True) if d["types"] == ["project"]]
    assert undirected(ties) == undirected(
        [("hills-council", "hills-shop"), ("hills-school", "hills-shop"), ("hills-npo", "hills-school")]
    )
    for u, v in ties:
        assert G.edges[u, v]["weight"] == 1
        assert G.edges[u, v]["relations"] == []
    # A relation plus a shared project: the relation's weight (the stronger) wins, "project" joins the types.
    d = G.edges["hills-school", "hills-council"]
    assert (d["weight"], d["types"], d["projects"]) == (2, ["cooperation", "project"], ["hills-festival"])


def test_weights_are_strengths_not_distances(hills):
    G = graph_from_cases(hills)
    assert G.edges["city-support-centre", "hills-npo"]["weight"] == 3  # weight: 3 (strong)
    assert G.edges["coordinator-a", "hills-npo"]["weight"] == 1  # weight: 1 (weak)
    assert G.edges["hills-npo", "hills-council"]["weight"] == 2  # default: ordinary


def test_graph_attributes(hills, in_valid):
    G = graph_from_cases(hills)
    assert set(G.graph) == GRAPH_KEYS
    assert (G.graph["name"], G.graph["name_en"]) == ("テストヒルズ", "Test Hills")
    assert G.graph["files"] == ["hills.yaml"]
    assert (G.graph["year"], G.graph["view"]) == (None, "actors")
    assert G.graph["sources"] == []  # hills.yaml has no source block
    assert G.graph["districts"] == [
        {
            "id": "test-hills",
            "name": "テストヒルズ",
            "name_en": "Test Hills",
            "ward": "港南区",
            "ward_en": "Konan Ward",
            "city": "横浜市",
            "cite": "テスト用",
            "summary": None,
            "path": "hills.yaml",
        }
    ]
    assert G.graph["sectors"]["shotengai"] == {
        "name": "商店街",
        "name_en": "Shopping street",
        "colour": "#b15928",
        "short": "商店街",
        "short_en": "Shopping street",
    }
    assert G.graph["sectors"]["npo"]["colour"] == "#33a02c"
    assert len(G.graph["sectors"]) == 10  # 9 built in (その他 among them) + shotengai
    assert G.graph["relation_types"]["member"] == {"name": "構成員", "name_en": "Member of", "directed": True}
    assert G.graph["relation_types"]["cooperation"]["directed"] is False
    assert len(G.graph["relation_types"]) == 12
    assert list(G.graph["projects"]) == ["hills-festival", "hills-playground"]
    festival = G.graph["projects"]["hills-festival"]
    assert festival["participants"] == [
        {"id": "hills-council", "role": "実行委員会", "role_en": "Organising committee"},
        {"id": "hills-school", "role": None, "role_en": None},
        {"id": "hills-shop", "role": None, "role_en": None},
    ]
    city = graph_from_cases(load_cases(["city.yaml"]))
    assert city.graph["sources"] == [{"title": "テスト用の市全体ファイル", "date": "2010-04"}]


# --- directions ---------------------------------------------------------------------------------------------------


def test_directed_view(hills):
    G = graph_from_cases(hills, directed=True)
    assert type(G) is nx.DiGraph
    assert set(G) == HILLS_ACTORS | CITY_REFERENCED
    assert set(G.edges) == {
        ("hills-npo", "hills-council"),  # member: member → body, one way only
        ("city-support-centre", "hills-npo"),  # support: supporter → supported
        ("hills-school", "hills-council"),
        ("hills-council", "hills-school"),  # cooperation is mutual
        ("city-civic-bureau", "hills-council"),  # subsidy: funder → recipient
        ("coordinator-a", "hills-npo"),  # advice: adviser → advised
        ("hills-care-plaza", "city-support-centre"),
        ("city-support-centre", "hills-care-plaza"),  # information
        ("hills-council", "hills-shop"),
        ("hills-shop", "hills-council"),  # project ties run both ways
        ("hills-school", "hills-shop"),
        ("hills-shop", "hills-school"),
        ("hills-npo", "hills-school"),
        ("hills-school", "hills-npo"),
    }
    assert not G.has_edge("hills-council", "hills-npo")
    member = G.edges["hills-npo", "hills-council"]
    assert (member["types"], member["weight"]) == (["member"], 2)
    for u, v in [("hills-school", "hills-council"), ("hills-council", "hills-school")]:
        d = G.edges[u, v]
        assert (d["types"], d["projects"], d["weight"]) == (["cooperation", "project"], ["hills-festival"], 2)
        assert [r["from"] for r in d["relations"]] == ["hills-school"]  # the record keeps what the file says
    assert G.edges["hills-shop", "hills-school"]["weight"] == PROJECT_TIE_WEIGHT


def test_directed_and_undirected_agree_on_pairs(hills):
    assert undirected(graph_from_cases(hills, directed=True).edges) == undirected(graph_from_cases(hills).edges)


# --- years --------------------------------------------------------------------------------------------------------


def test_year_2009(hills):
    G = graph_from_cases(hills, year=2009)
    assert G.graph["year"] == 2009
    assert set(G) == (HILLS_ACTORS | CITY_REFERENCED) - {"hills-shop"}  # until 2006
    # Every relation is active in 2009 (subsidy 2008–2010); only the playground (since 2007) is.
    assert undirected(G.edges) == undirected(
        [(u, v) for (u, v), (types, *_) in HILLS_EDGES.items() if types != ["project"]]
        + [("hills-npo", "hills-school")]
    )
    coop = G.edges["hills-school", "hills-council"]
    assert (coop["types"], coop["projects"], coop["inferred"]) == (["cooperation"], [], True)
    assert list(G.graph["projects"]) == ["hills-playground"]
    assert G.nodes["hills-school"]["projects"] == ["hills-playground"]


def test_year_2003(hills):
    G = graph_from_cases(hills, year=2003)
    # hills-npo starts in 2005; city-civic-bureau is an included actor referenced only by the 2008 subsidy,
    # which is not active in 2003, so it stays out.
    assert set(G) == (HILLS_ACTORS | CITY_REFERENCED) - {"hills-npo", "city-civic-bureau"}
    assert undirected(G.edges) == undirected(
        [("hills-school", "hills-council"), ("hills-care-plaza", "city-support-centre")]
    )
    assert G.graph["projects"] == {}
    assert all(d["projects"] == [] for _, d in G.nodes(data=True))


def test_year_2005_keeps_the_festival(hills):
    G = graph_from_cases(hills, year=2005)
    assert set(G) == HILLS_ACTORS | CITY_REFERENCED - {"city-civic-bureau"}  # its subsidy starts in 2008
    assert undirected(G.edges) == undirected(
        [
            ("hills-npo", "hills-council"),
            ("hills-school", "hills-council"),
            ("coordinator-a", "hills-npo"),
            ("hills-care-plaza", "city-support-centre"),
            ("hills-council", "hills-shop"),
            ("hills-school", "hills-shop"),
        ]
    )


# --- the bipartite actor–project view -----------------------------------------------------------------------------


def test_projects_view(hills):
    G = graph_from_cases(hills, view="projects")
    assert type(G) is nx.Graph
    assert G.graph["view"] == "projects"
    actors = {n for n, d in G.nodes(data=True) if d["bipartite"] == 0}
    projects = {n for n, d in G.nodes(data=True) if d["bipartite"] == 1}
    assert actors == HILLS_ACTORS | CITY_REFERENCED
    assert projects == {"hills-festival", "hills-playground"}
    assert all(G.nodes[n]["kind"] == "actor" for n in actors)
    assert all(G.nodes[n]["kind"] == "project" for n in projects)
    assert nx.is_bipartite(G)
    assert undirected(G.edges) == undirected(
        [
            ("hills-council", "hills-festival"),
            ("hills-school", "hills-festival"),
            ("hills-shop", "hills-festival"),
            ("hills-npo", "hills-playground"),
            ("hills-school", "hills-playground"),
        ]
    )
    assert G.edges["hills-council", "hills-festival"] == {"role": "実行委員会", "role_en": "Organising committee"}
    assert G.edges["hills-school", "hills-festival"] == {"role": None, "role_en": None}
    assert G.nodes["hills-festival"] == {
        "kind": "project",
        "name": "ヒルズ夏祭り",
        "name_en": "Hills summer festival",
        "since": 2004,
        "until": 2006,
        "themes": [],
        "district": "test-hills",
        "cite": "テスト用",
        "inferred": False,
        "inferred_fields": [],
        "note": None,
        "origin": "hills.yaml:87",
        "bipartite": 1,
    }
    assert set(G.nodes["hills-playground"]) == PROJECT_KEYS | {"bipartite"}
    assert G.nodes["hills-playground"]["themes"] == ["子どもの遊び場"]


def test_projects_view_in_a_year(hills):
    G = graph_from_cases(hills, view="projects", year=2009)
    assert {n for n, d in G.nodes(data=True) if d["kind"] == "project"} == {"hills-playground"}
    assert "hills-shop" not in G
    assert G.number_of_edges() == 2


@pytest.mark.parametrize(
    ("kwargs", "phrase"),
    [
        ({"view": "nope"}, "unknown view 'nope'"),
        ({"view": "projects", "directed": True}, "the projects view is undirected"),
    ],
)
def test_bad_requests(hills, kwargs, phrase):
    with pytest.raises(KyodoError, match=phrase):
        graph_from_cases(hills, **kwargs)


# --- several files --------------------------------------------------------------------------------------------------


def test_same_actor_in_two_files_is_one_node(both):
    G = graph_from_cases(both)
    assert set(G) == HILLS_ACTORS | CITY_REFERENCED | {"river-npo"}
    assert G.number_of_nodes() == 9
    assert G.number_of_edges() == len(HILLS_EDGES) + 2
    assert set(G["coordinator-a"]) == {"hills-npo", "river-npo"}
    assert set(G["city-support-centre"]) == {"hills-npo", "hills-care-plaza", "river-npo"}
    # The first file given defines the node.
    assert (G.nodes["coordinator-a"]["district"], G.nodes["coordinator-a"]["cite"]) == ("test-hills", "テスト用")
    assert G.graph["files"] == ["hills.yaml", "river.yaml"]
    assert G.graph["name"] == "テストヒルズ + テストリバー"
    assert [d["id"] for d in G.graph["districts"]] == ["test-hills", "test-river"]


def test_extension_keys_stay_out_of_the_graph(both):
    G = graph_from_cases(both)
    assert "x-members" not in G.nodes["river-npo"]
    assert set(G.nodes["river-npo"]) == ACTOR_KEYS


# --- no side effects ------------------------------------------------------------------------------------------------


def test_graph_building_never_mutates_the_cases(both, in_valid):
    before = copy.deepcopy(both)
    city = load_cases(["city.yaml"])
    city_before = copy.deepcopy(city)
    graphs = [
        graph_from_cases(both),
        graph_from_cases(both, directed=True),
        graph_from_cases(both, view="projects"),
        graph_from_cases(both, year=2009),
        graph_from_cases(city),
    ]
    assert both == before
    assert city == city_before
    # Nothing mutable is shared: scribbling on the graphs leaves the cases and later graphs alone.
    for G in graphs:
        for _, d in G.nodes(data=True):
            for key in ("themes", "offers", "needs", "projects"):
                if key in d:
                    d[key].append("scribble")
        for _, _, d in G.edges(data=True):
            for r in d.get("relations", []):
                r["weight"] = 99
        for s in G.graph["sources"]:
            s["title"] = "scribble"
        G.graph["sectors"]["npo"]["colour"] = "#000000"
    assert both == before
    assert city == city_before
    assert city[0].source["title"] == "テスト用の市全体ファイル"
    fresh = graph_from_cases(both)
    assert fresh.nodes["hills-npo"]["themes"] == ["子育て", "居場所"]
    assert fresh.edges["city-support-centre", "hills-npo"]["relations"][0]["weight"] == 3
    assert fresh.graph["sectors"]["npo"]["colour"] == "#33a02c"
