"""The panel of one actor (``kyodo serve``'s findings) is as it was before the single-actor fast paths (issue 22).

:func:`~kyodo_network.serve.findings.actor_findings` now reads the network's relations once
(:class:`~kyodo_network.analysis.handover.TieIndex`) and :func:`~kyodo_network.analysis.risk.what_if`,
:func:`~kyodo_network.analysis.handover.handover` and
:func:`~kyodo_network.analysis.suggest.suggest_introductions` of one actor look at its neighbourhood only. Every
answer is compared, as JSON, with the implementation before the change (tests/_findings_reference.py): the panel of
every actor of the bundled cases, of hand-made networks with the edge cases (an isolated actor, cut points with
pieces of equal size, persons holding ties, departments, projects with and without government, support centres,
a relation stored on another pair's edge), of seeded random networks, and of a sample of a generated 300-actor
network; and the whole-network answers (``kyodo risks``, ``kyodo suggest``, :func:`what_if` of several actors),
whose code the fast paths share.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import networkx as nx
import pytest

from kyodo_network.analysis.bridges import bridging_scores
from kyodo_network.analysis.circles import circle_pairs, circle_pairs_near, departments_by_name, departments_near
from kyodo_network.analysis.handover import (
    TieIndex,
    carried_ties,
    handover,
    in_place,
    partners_without_contact,
    person_side,
)
from kyodo_network.analysis.risk import risks, what_if
from kyodo_network.analysis.suggest import suggest_introductions
from kyodo_network.graph import graph_from_cases, support_centres
from kyodo_network.load import load_cases
from kyodo_network.serve.findings import actor_findings

import _findings_reference as reference

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_load import case_text  # noqa: E402


def same(a, b) -> bool:
    return json.dumps(a, ensure_ascii=False, sort_keys=True, default=str) == json.dumps(
        b, ensure_ascii=False, sort_keys=True, default=str
    )


def rows(G: nx.Graph) -> dict:
    """Each actor's bridging row, as the room passes it (counted once: it is not what is compared)."""
    return {r["id"]: r for r in bridging_scores(G)}


def check_actor(G: nx.Graph, v, langs=("ja", "en"), row: dict | None = None) -> None:
    """The panel of ``v`` (``row``: its bridging row; counted by the panel when not given) and the three analyses
    behind it, each as the reference gives them."""
    for lang in langs:
        got = actor_findings(G, v, lang, row=row)
        assert same(got, reference.actor_findings(G, v, lang, row=row)), (v, lang)
    assert same(what_if(G, [v]), reference.what_if(G, [v])), v
    assert same(handover(G, v), reference.handover(G, v)), v
    centres = G.graph.get("support_centres")
    for top in (3, None):
        got = suggest_introductions(G, for_actor=v, top=top, support_centres=centres)
        assert same(got, reference.suggest_introductions(G, for_actor=v, top=top, support_centres=centres)), (v, top)


def check_network(G: nx.Graph) -> None:
    """What the fast paths share with the whole-network answers."""
    assert same(risks(G), reference.risks(G))
    assert same(carried_ties(G, list(G)[:3]), reference.carried_ties(G, list(G)[:3]))
    for v in G:
        assert person_side(G, v) == reference.person_side(G, v)
        assert same(partners_without_contact(G, [v]), reference.partners_without_contact(G, [v]))
    ids = sorted(G, key=str)
    for k in range(0, len(ids) - 1, 5):
        assert same(what_if(G, ids[k : k + 2]), reference.what_if(G, ids[k : k + 2]))
    centres = G.graph.get("support_centres")
    for top in (None, 5):
        got = suggest_introductions(G, top=top, support_centres=centres)
        assert same(got, reference.suggest_introductions(G, top=top, support_centres=centres))


# --- networks ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> dict[str, nx.Graph]:
    out = {}
    cases = load_cases()
    for c in cases:
        G = graph_from_cases([c])
        G.graph["support_centres"] = support_centres([c])
        out[c.id] = G
    G = graph_from_cases(cases)
    G.graph["support_centres"] = support_centres(cases)
    out["all"] = G
    return out


def rel(a, b, kind, *, held=(), since=None, **more) -> dict:
    return {"from": a, "to": b, "type": kind, "held_by": list(held), "since": since, "directed": False, **more}


def hand_made() -> list[nx.Graph]:
    """Small networks with the edge cases, each built by hand."""
    out = []

    # A person holding ties for a team (held_by), with a project, departments and a support centre.
    G = nx.Graph(projects={}, relation_types={})
    nodes = {
        "f": ("F係長", "person", "瀬谷区"),
        "ward": ("瀬谷区役所", "government", "瀬谷区"),
        "dept": ("瀬谷区役所 地域振興課", "government", "瀬谷区"),
        "dept2": ("瀬谷区役所福祉課（当時）", "government", "瀬谷区"),
        "team": ("地区支援チーム", "support", "瀬谷区"),
        "club": ("おやじの広場", "neighbourhood", "瀬谷区"),
        "council": ("実行委員会", "neighbourhood", "瀬谷区"),
        "school": ("小学校", "school", "瀬谷区"),
        "npo": ("NPO法人あい", "npo", "瀬谷区"),
        "alone": ("ひとりの会", "npo", "瀬谷区"),
        "centre": ("瀬谷区市民活動支援センター", "support", "瀬谷区"),
        "j1": ("自治会", "neighbourhood", "横浜市全域"),
        "j2": ("自治会（その2）", "neighbourhood", ""),
    }
    for n, (name, sector, ward) in nodes.items():
        G.add_node(n, name=name, name_en=n, sector=sector, ward=ward, district="seya", themes=["子育て"])
    G.nodes["club"]["needs"] = ["会場", "人手"]
    G.nodes["school"]["offers"] = ["集会所の貸し出し"]
    G.nodes["npo"]["offers"] = ["人手"]
    G.nodes["npo"]["needs"] = ["特になし"]
    ties = [
        ("f", "team", [rel("f", "team", "member")], []),
        ("ward", "team", [rel("ward", "team", "founded")], []),
        ("dept", "team", [rel("dept", "team", "member")], []),
        ("team", "club", [rel("team", "club", "support", held=["f"], since=2015)], []),
        ("team", "council", [rel("team", "council", "support", held=["f"]), rel("team", "council", "advice")], []),
        ("team", "school", [rel("team", "school", "cooperation", held=["f"])], ["p1"]),
        ("ward", "council", [rel("ward", "council", "subsidy", since=2019)], ["p1"]),
        ("council", "school", [], ["p1"]),
        ("club", "npo", [rel("club", "npo", "cooperation")], []),
        ("npo", "j1", [rel("npo", "j1", "information")], []),
        ("j1", "j2", [rel("j1", "j2", "cooperation")], []),
        ("dept2", "ward", [rel("dept2", "ward", "information")], []),
        ("centre", "npo", [rel("centre", "npo", "advice", held=["f", "x-gone"])], []),
    ]
    for a, b, rels, projects in ties:
        G.add_edge(a, b, relations=rels, projects=projects, weight=2)
    G.graph["projects"] = {
        "p1": {
            "name": "夏まつり",
            "since": 2018,
            "participants": [{"id": "team"}, {"id": "council"}, {"id": "school"}],
        },
        "p2": {"name": "夏まつり", "since": 2020, "participants": [{"id": "club"}, {"id": "npo"}]},
        "p3": {"name": "防災訓練", "since": None, "participants": [{"id": "ward"}, {"id": "alone"}]},
    }
    G.graph["support_centres"] = [
        {"id": "centre", "name": "瀬谷区市民活動支援センター", "name_en": "Seya centre", "ward": "瀬谷区"},
        {"id": "elsewhere", "name": "港南区センター", "name_en": None, "ward": "港南区"},
    ]
    out.append(G)

    # Cut points: a star whose pieces are of equal size, a pair apart, an isolated actor, a lone sector.
    G = nx.Graph(projects={})
    for i, s in enumerate(["npo", "person", "school", "npo", "person", "government", "npo", "school", "business"]):
        G.add_node(f"s{i}", name=f"団体{i}", sector=s, ward="港南区")
    for a, b in [("s0", "s1"), ("s0", "s2"), ("s0", "s3"), ("s1", "s4"), ("s2", "s5"), ("s3", "s6"), ("s7", "s8")]:
        G.add_edge(a, b, relations=[rel(a, b, "cooperation")], projects=[])
    G.add_node("lone", name="孤立", sector="business")
    out.append(G)

    # The only tie F carries splits another component when F leaves, and a relation stored on another pair's edge.
    G = nx.Graph(projects={})
    for n, s in [("f", "person"), ("org", "government"), ("p", "npo"), ("q", "school"), ("r", "npo"), ("z", "person")]:
        G.add_node(n, name=n.upper(), sector=s)
    G.add_edge("f", "z", relations=[rel("f", "z", "cooperation")], projects=[])
    G.add_edge("org", "p", relations=[rel("org", "p", "subsidy", held=["f"])], projects=[])
    G.add_edge("p", "q", relations=[rel("p", "q", "cooperation")], projects=[])
    G.add_edge("q", "r", relations=[rel("q", "r", "cooperation"), rel("org", "p", "subsidy", held=["f"])], projects=[])
    G.add_edge("f", "org", relations=[rel("f", "org", "member")], projects=[])
    out.append(G)
    return out


SECTORS = ["npo", "neighbourhood", "government", "support", "person", "school", "business", None]
TYPES = ["member", "founded", "support", "cooperation", "subsidy", "agreement", "advice", "information"]
THEMES = ["子育て", "防犯", "居場所", "見守り"]
ITEMS = ["会場", "集会所", "人手", "広報", "特になし"]
WARDS = ["港南区", "栄区", "横浜市全域", "", None]
NAMES = ["区役所", "区役所 地域振興課", "区役所福祉課（当時）", "自治会", "自治会（その2）", "会", "会 事務局"]


def network(seed: int) -> nx.Graph:
    """A seeded network with what the panel reads: relations of every kind, persons holding ties, members, projects
    over several years (one name), government contacts dated before or after, departments by name, wards,
    districts, themes, offers and needs, isolated actors, and support centres."""
    rng = random.Random(seed)
    n = rng.randint(12, 30)
    ids = [f"n{i}" for i in range(n)]
    G = nx.Graph(projects={}, relation_types={})
    for v in ids:
        G.add_node(
            v,
            name=rng.choice(NAMES) if rng.random() < 0.3 else f"団体{v}",
            name_en=f"Group {v}" if rng.random() < 0.8 else None,
            sector=rng.choice(SECTORS),
            themes=rng.sample(THEMES, rng.randint(0, 2)),
            offers=rng.sample(ITEMS, rng.randint(0, 2)),
            needs=rng.sample(ITEMS, rng.randint(0, 2)),
            ward=rng.choice(WARDS),
            district=rng.choice(["d1", "d2", None]),
            inferred=rng.random() < 0.05,
        )
    persons = [v for v in ids if G.nodes[v]["sector"] == "person"] or ids[:1]
    for _ in range(int(n * rng.uniform(0.8, 1.6))):
        a, b = rng.sample(ids[: n - 2], 2)  # the last two stay isolated unless a project joins them
        held = rng.sample(persons, rng.randint(1, min(2, len(persons)))) if rng.random() < 0.25 else []
        held = [h for h in held if h not in (a, b)]
        r = rel(a, b, rng.choice(TYPES), held=held, since=rng.choice([None, 2010, 2020]))
        if G.has_edge(a, b):
            G.edges[a, b]["relations"].append(r)
        else:
            G.add_edge(a, b, relations=[r], projects=[], weight=rng.randint(1, 3))
    for k in range(rng.randint(0, 4)):
        members = rng.sample(ids, rng.randint(2, 4))
        pid = f"p{k}"
        G.graph["projects"][pid] = {
            "name": rng.choice(["夏まつり", "防災", f"事業{k}"]),
            "since": rng.choice([None, 2015, 2021]),
            "participants": [{"id": m} for m in members],
        }
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if not G.has_edge(a, b):
                    G.add_edge(a, b, relations=[], projects=[], weight=1)
                G.edges[a, b]["projects"].append(pid)
    G.graph["support_centres"] = [
        {"id": v, "name": G.nodes[v]["name"], "name_en": G.nodes[v]["name_en"], "ward": G.nodes[v]["ward"]}
        for v in ids
        if G.nodes[v]["sector"] == "support" and G.nodes[v]["ward"]
    ]
    return G


@pytest.fixture(scope="module")
def ward300(tmp_path_factory) -> nx.Graph:
    path = tmp_path_factory.mktemp("bench") / "ward.yaml"
    path.write_text(case_text(300), encoding="utf-8")
    cases = load_cases([str(path)])
    G = graph_from_cases(cases)
    G.graph["support_centres"] = support_centres(cases)
    return G


# --- the panel ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["akuwa-north", "dream-heights", "kodomo-fudo", "konandai-playpark", "nippa"])
def test_every_actor_of_the_handbook_cases(bundled, case):
    G = bundled[case]
    known = rows(G)
    for v in G:
        check_actor(G, v, row=known.get(v))
        assert same(actor_findings(G, v, "ja"), reference.actor_findings(G, v, "ja"))  # the panel counts the row
    check_network(G)


def test_every_actor_of_the_city_and_of_all_cases_together(bundled):
    G = bundled["yokohama-city"]
    known = rows(G)
    for v in G:
        check_actor(G, v, langs=("en",), row=known.get(v))
    G = bundled["all"]
    known = rows(G)
    for v in G:
        assert same(
            actor_findings(G, v, "ja", row=known.get(v)), reference.actor_findings(G, v, "ja", row=known.get(v))
        )
    check_network(G)


@pytest.mark.parametrize("k", range(3))
def test_every_actor_of_the_hand_made_networks(k):
    G = hand_made()[k]
    known = rows(G)
    for v in G:
        check_actor(G, v, row=known.get(v))
    check_network(G)


def test_the_hand_made_networks_hold_the_edge_cases():
    # What the comparisons above are meant to meet: otherwise they would pass on nothing.
    G, star, split = hand_made()
    w = what_if(G, ["f"])
    assert w["ties_carried"] and w["without_contact"] and handover(G, "f")["ties"]
    assert {frozenset(("dept", "ward")), frozenset(("dept2", "ward"))} <= circle_pairs(G)
    assert what_if(G, ["alone"])["cut_off"] == [] and what_if(G, ["ward"])["projects_without_government"]
    centres = G.graph["support_centres"]
    found = [s for v in G for s in suggest_introductions(G, for_actor=v, support_centres=centres)]
    assert {"support_centre", "common_partner"} <= {s["introducer_kind"] for s in found}
    assert any(s["held_by"] for s in found) and any(s["offers_needs"] for s in found)
    # three pieces of two: the rest is the one with the first id
    assert what_if(star, ["s0"])["cut_off"] == ["s2", "s3", "s5", "s6"]
    assert what_if(star, ["lone"])["components_after"] == 2
    assert what_if(split, ["f"])["components_after"] == 3  # the carried subsidy o–p went, r–q–p stays one piece


@pytest.mark.parametrize("seed", range(8))
def test_every_actor_of_seeded_random_networks(seed):
    G = network(seed)
    known = rows(G)
    for v in G:
        check_actor(G, v, langs=("ja",) if seed % 2 else ("en",), row=known.get(v))
    check_network(G)


def test_a_sample_of_a_generated_300_actor_network(ward300):
    G = ward300
    known = rows(G)
    ids = sorted(G, key=str)
    random.Random(22).shuffle(ids)
    for v in ids[:50]:
        assert same(actor_findings(G, v, "ja", row=known[v]), reference.actor_findings(G, v, "ja", row=known[v])), v
    for v in ids[:3]:
        check_actor(G, v, langs=("en",), row=known[v])


def test_a_directed_graph_is_read_as_before(bundled):
    # Not its own undirected graph: the analyses copy it as before (no TieIndex).
    G = graph_from_cases(load_cases(["akuwa-north"]), directed=True)
    assert in_place(G) is None
    for v in G:
        assert same(actor_findings(G, v, "ja"), reference.actor_findings(G, v, "ja")), v


# --- the pieces -----------------------------------------------------------------------------------------


def test_one_reading_of_the_relations_serves_every_analysis():
    G = hand_made()[0]
    ties = TieIndex(G)
    assert ties.simple and in_place(G, ties) is ties
    for v in G:
        assert same(what_if(G, [v], ties=ties), reference.what_if(G, [v]))
        assert same(handover(G, v, ties=ties), reference.handover(G, v))
        assert ties.person_side(v) == reference.person_side(G, v)
        assert same(ties.carried([v]), reference.carried_ties(G, [v]))
    G.add_edge("alone", "alone", relations=[], projects=[])  # a self-loop: not read in place
    assert not TieIndex(G).simple and in_place(G) is None


def test_circle_pairs_near_actors_are_those_of_the_whole_network():
    rng = random.Random(5)
    words = [
        "区役所",
        "区役所 地域振興課",
        "区役所地域振興課",
        "区役所（当時）",
        "区",
        "自治会",
        "自治会（その2）",
        "会 事務局",
        "",
    ]
    for _ in range(30):
        G = network(rng.randrange(1000))
        for v in G:
            G.nodes[v]["name"] = rng.choice(words) + rng.choice(["", "", "係", " 福祉課", "センター"])
        names = {v: G.nodes[v]["name"] for v in G}
        whole = departments_by_name(names)
        pairs = circle_pairs(G)
        for v in G:
            near = [v, *G[v]]
            assert departments_near(names, near) == [p for p in whole if p[0] in near or p[1] in near]
            assert circle_pairs_near(G, near) == {p for p in pairs if p & set(near)}
