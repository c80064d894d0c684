"""The fast map model (issue 22: at 2,000 actors an edit's map and findings within 300 ms) writes what the map
model wrote before it was made fast, byte for byte.

The reference is the code as it stood before (tests/_mapmodel_reference.py, commit 91abd68: the map model, its
labels and the naming functions of kyodo_network.lang, copied unchanged). Both are run on the same graphs, each
with its own memo, and their models compared as JSON (``sort_keys`` and as written): the bundled handbook cases
in every call shape (languages, texts, positions given or laid out, memo, sectors, focus, year views, the projects
view, handing out, restyle, with_slider, node_texts), a generated network with years (dated and undated records,
projects, actors of an included file) as ``kyodo serve`` draws it edit after edit, and small hand-made graphs
with the edge cases (open spans, an until before the since, a year written as True or 2005.0, a self-loop, nodes
whose ids read alike).
"""

from __future__ import annotations

import copy
import json
import random
from collections import OrderedDict
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pytest
import yaml

import _mapmodel_reference as ref
from kyodo_network import graph_from_cases, load_cases
from kyodo_network.analysis.bridges import bridging_scores
from kyodo_network.analysis.coordinators import coordinator_ids
from kyodo_network.graph import graph_from_names
from kyodo_network.lang import pick
from kyodo_network.render import mapmodel as new
from kyodo_network.render.labels import tooltip, tooltips

CASES = ["konandai-playpark", "kodomo-fudo", "nippa", "akuwa-north", "dream-heights", "yokohama-city"]


def dump(model: dict, *, sort_keys: bool = True) -> str:
    return json.dumps(model, ensure_ascii=False, sort_keys=sort_keys)


def same(fast: dict, slow: dict) -> None:
    assert dump(fast) == dump(slow)
    assert dump(fast, sort_keys=False) == dump(slow, sort_keys=False)  # the keys in the same order too


def both(call: str, *args, **kw) -> dict:
    """``call`` of the fast and of the reference module on the same graph and copies of the other arguments (a
    model, a memo); their results equal."""

    def copied(x):
        return x if isinstance(x, nx.Graph) else copy.deepcopy(x)

    fast = getattr(new, call)(*map(copied, args), **{k: copied(v) for k, v in kw.items()})
    slow = getattr(ref, call)(*map(copied, args), **{k: copied(v) for k, v in kw.items()})
    same(fast, slow)
    return fast


def places(G: nx.Graph) -> dict:
    """Fixed places for every node (no layout run)."""
    return {n: (round(0.37 * i % 5, 3), round(0.11 * i, 3)) for i, n in enumerate(G)}


def rows_of(G: nx.Graph) -> dict:
    return {r["id"]: r for r in bridging_scores(G)}


def short_rows(rows: dict) -> dict:
    """The rows as kyodo serve keeps them (BridgingTable.rows): the numbers, no sentence."""
    return {n: {k: v for k, v in r.items() if k != "explanation"} for n, r in rows.items()}


def recounted(rows: dict) -> dict:
    """Other numbers for the same actors (as after an edit): scores halved, the rings moved."""
    return {
        n: {**r, "score": round(r["score"] / 2, 4), "articulation": not r["articulation"] if i % 3 == 0 else False}
        for i, (n, r) in enumerate(rows.items())
    }


# --------------------------------------------------------------------------- the bundled cases


@pytest.fixture(scope="module")
def bundled() -> dict:
    return {case: load_cases([case]) for case in CASES}


@pytest.mark.parametrize("case", CASES)
def test_every_call_shape_on_the_bundled_cases(case, bundled):
    cases = bundled[case]
    G = graph_from_cases(cases)
    pos, rows = places(G), rows_of(G)
    marked = coordinator_ids(G)
    for lang in ("ja", "en", "both"):
        both("map_model", G, lang=lang, positions=pos)
        both("map_model", G, lang=lang, positions=pos, bridging=rows, marked=marked, texts=False, slider=False)
    sector = next(d["sector"] for _, d in G.nodes(data=True) if d.get("sector"))
    both("map_model", G, positions=pos, sectors=[sector])
    focus = sorted(G, key=str)[len(G) // 2]
    both("map_model", G, lang="en", positions=pos, focus=focus, depth=2)
    years = sorted({d["since"] for _, d in G.nodes(data=True) if d.get("since")})
    if years:
        both("map_model", graph_from_cases(cases, year=years[len(years) // 2]), positions=pos)
    P = graph_from_cases(cases, view="projects")
    both("map_model", P, lang="both", positions=places(P))
    both("map_model", P, positions=places(P), sectors=[sector], slider=False)
    public = graph_from_names([case], public=True)
    both("map_model", public, positions=pos)

    memo_fast, memo_slow = {}, {}
    for _ in range(2):  # the second time from the memo
        kw = dict(positions=pos, bridging=short_rows(rows), marked=marked, texts=False, slider=False)
        quick = new.map_model(G, memo=memo_fast, **kw)
        same(quick, ref.map_model(G, memo=memo_slow, **kw))
    again = recounted(short_rows(rows))
    both("restyle", quick, G, bridging=again, marked=set(sorted(marked)[1:]), lang="ja")
    both("with_slider", quick, G, lang="ja")
    for n in sorted(G, key=str)[:5]:
        both("node_texts", G, n, rows.get(n), coordinator=n in marked, lang="en")


def test_a_map_laid_out_is_the_same():
    G = graph_from_cases(load_cases(["dream-heights"]))
    both("map_model", G)
    both("map_model", G, lang="en", positions={n: p for n, p in places(G).items() if hash(n) % 2})


def test_a_network_kept_for_maps_is_the_same():
    G = new.with_display_ids(graph_from_cases(load_cases(["nippa"])))
    rows, marked = short_rows(rows_of(G)), coordinator_ids(G)
    m = both("map_model", G, positions=places(G), bridging=rows, marked=marked, texts=False, slider=False)
    both("with_slider", m, G)
    both("restyle", m, G, bridging=recounted(rows), marked=marked, lang="ja")


# --------------------------------------------------------------------------- a generated network with years


def network_files(folder: Path, n: int = 120, *, seed: int = 5) -> list[Path]:
    """A district of ``n`` actors (about three ties each) with years on most records, projects, and ties to the
    offices of a city file it includes."""
    rng = random.Random(seed)
    sectors = ["neighbourhood", "npo", "company", "school", "support", "council", "person", "other"]
    types = ["agreement", "commission", "subsidy", "co_host", "member", "support", "cooperation", "information"]

    def span() -> dict:
        since = rng.choice([None, None, *range(1995, 2016)])
        until = rng.choice([None, None, None, *range(2000, 2021)])
        if since and until and until < since:
            since, until = until, since
        return {k: v for k, v in (("since", since), ("until", until)) if v is not None}

    city = {
        "format": "kyodo-case/1",
        "district": {"id": "city", "name": "市役所", "ward": "中区", "city": "横浜市", "cite": "test"},
        "actors": [
            {"id": f"c{i}", "name": f"市の課{i}", "sector": "government", "cite": "test", **span()} for i in range(6)
        ],
    }
    actors = [
        {
            "id": f"a{i}",
            "name": f"団体{i}" + ("（旧称）" if i % 17 == 0 else ""),
            "name_en": f"Group {i}" if i % 4 else "",
            "sector": rng.choice(sectors),
            "cite": "test",
            **span(),
        }
        for i in range(n)
    ]
    relations = []
    for _ in range(3 * n):
        u, v = rng.sample(range(n), 2)
        relations.append({"from": f"a{u}", "to": f"a{v}", "type": rng.choice(types), "cite": "test", **span()})
    for i in range(12):
        relations.append({"from": f"a{i}", "to": f"c{i % 5}", "type": "subsidy", "cite": "test", **span()})
    projects = [
        {
            "id": f"p{k}",
            "name": f"事業{k}",
            "participants": [{"id": f"a{x}"} for x in rng.sample(range(n), 4)] + ([{"id": "c1"}] if k == 0 else []),
            "cite": "test",
            **span(),
        }
        for k in range(6)
    ]
    main = {
        "format": "kyodo-case/1",
        "district": {"id": "gen", "name": "試験地区", "ward": "港南区", "city": "横浜市", "cite": "test"},
        "include": ["city.yaml"],
        "actors": actors,
        "relations": relations,
        "projects": projects,
    }
    out = []
    for name, data in (("city.yaml", city), ("gen.yaml", main)):
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        out.append(folder / name)
    return out[1:]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list:
    return load_cases(network_files(tmp_path_factory.mktemp("gen")))


def test_a_generated_network_with_years(generated):
    G = graph_from_cases(generated)
    assert any(d.get("district") == "city" for _, d in G.nodes(data=True))  # included actors are drawn
    pos, rows = places(G), rows_of(G)
    marked = coordinator_ids(G)
    m = both("map_model", G, positions=pos, bridging=rows, marked=marked)
    assert m["years"] and any(e["shown"] != [[None, None]] for e in m["edges"])
    both("map_model", G, lang="en", positions=pos, bridging=rows, marked=marked, texts=False)
    both("map_model", G, lang="both", positions=pos, bridging=rows, marked=marked, sectors=["npo", "school"])
    both("map_model", G, positions=pos, bridging=rows, marked=marked, focus="a7", depth=2)
    both("map_model", graph_from_cases(generated, year=2005), positions=pos)
    P = graph_from_cases(generated, view="projects")
    both("map_model", P, positions=places(P))
    quick = both("map_model", G, positions=pos, bridging=short_rows(rows), marked=marked, texts=False, slider=False)
    both("with_slider", quick, G, lang="ja")
    both("restyle", quick, G, bridging=recounted(short_rows(rows)), marked=marked, lang="ja")


def test_edit_after_edit_with_one_memo(generated):
    """As kyodo serve draws the network after each edit: a copy whose changed ties get new lists, renamed actors,
    a new actor, the memo kept; the returned models changed as the room changes them."""
    G = new.with_display_ids(graph_from_cases(generated))
    rows, marked = short_rows(rows_of(G)), coordinator_ids(G)
    rng = random.Random(11)
    memo_fast, memo_slow = {}, {}
    for step in range(4):
        pos = places(G)
        kw = dict(positions=pos, bridging=rows, marked=marked, texts=False, slider=step % 2 == 0)
        fast, slow = new.map_model(G, memo=memo_fast, **kw), ref.map_model(G, memo=memo_slow, **kw)
        same(fast, slow)
        for m in (fast, slow):  # what the room writes on the models it keeps (never on what the memo keeps)
            for n in m["nodes"]:
                n["attended"] = n["tonight"] = False
                n["shown"] = [[2000, None]]
            for e in m["edges"]:
                e["shown"] = None
        again = recounted(rows)
        same(new.restyle(fast, G, bridging=again, marked=marked), ref.restyle(slow, G, bridging=again, marked=marked))
        same(new.with_slider(fast, G), ref.with_slider(slow, G))
        for _ in range(2):  # the relations' years remembered, then taken from the memo
            same(new.with_slider(fast, G, memo=memo_fast), ref.with_slider(slow, G))
        # the next edit: G copied (new node and edge dicts, lists shared), then changed as graph_after does
        G = G.copy()
        actors = sorted(G, key=str)
        ties = sorted((e for e in G.edges(data=True) if e[2]["relations"]), key=lambda e: str(e[:2]))
        d = ties[step][2]  # a tie's relation gets a year
        d["relations"] = [{**d["relations"][0], "since": 2012 + step}, *d["relations"][1:]]
        a, b = rng.sample(actors, 2)
        if not G.has_edge(a, b):
            G.add_edge(a, b, relations=[{**d["relations"][0], "from": a, "to": b}])
            G.edges[a, b].update(projects=[], weight=2, types=d["types"], inferred=False)
        renamed = rng.choice(actors)
        G.nodes[renamed]["name"] = f"改名{step}（仮）"
        G.add_node(f"new{step}", **{**G.nodes[actors[0]], "name": f"新しい会{step}", "_id": f"new{step}"})
        G.add_edge(f"new{step}", a, **copy.deepcopy(G.edges[a, b]))
        rows = {**rows, f"new{step}": {**rows[actors[0]], "id": f"new{step}"}}


# --------------------------------------------------------------------------- small hand-made graphs


def small_graph(tmp_path: Path) -> nx.Graph:
    """Six actors and a city office of an included file; ties with one, two and no years, a shared project."""
    city = {
        "format": "kyodo-case/1",
        "district": {"id": "city", "name": "市", "ward": "区", "city": "横浜市", "cite": "t"},
        "actors": [{"id": "office", "name": "市の課（所管）", "sector": "government", "cite": "t", "since": 1990}],
    }
    main = {
        "format": "kyodo-case/1",
        "source": {"title": "テスト", "date": "2024"},
        "district": {"id": "t", "name": "町", "ward": "区", "city": "横浜市", "cite": "t"},
        "include": ["city.yaml"],
        "actors": [
            {"id": "a", "name": "会長（自治会）", "sector": "neighbourhood", "cite": "t", "since": 2001},
            {"id": "b", "name": "会長（PTA）", "sector": "school", "cite": "t", "until": 2010},
            {"id": "c", "name": "子ども食堂みなと", "sector": "子ども食堂", "cite": "t"},
            {"id": "d", "name": "みなと老人クラブ", "sector": "老人クラブ", "cite": "t", "since": 2003, "until": 2012},
            {"id": "e", "name": "商店会", "sector": "company", "cite": "t", "since": 2015},
            {"id": "f", "name": "ひとり", "sector": "person", "cite": "t"},
        ],
        "relations": [
            {"from": "a", "to": "b", "type": "agreement", "cite": "t", "since": 2005},
            {"from": "a", "to": "b", "type": "cooperation", "cite": "t", "until": 2003},
            {"from": "b", "to": "c", "type": "寄付", "cite": "t"},
            {"from": "b", "to": "c", "type": "information", "cite": "t", "until": 2030},
            {"from": "c", "to": "d", "type": "cooperation", "cite": "t", "since": 2008, "until": 2009},
            {"from": "d", "to": "office", "type": "subsidy", "cite": "t", "since": 2006, "until": 2007},
            {"from": "e", "to": "a", "type": "information", "cite": "t", "since": 2011},
        ],
        "projects": [
            {
                "id": "fest",
                "name": "夏まつり",
                "participants": [{"id": "a"}, {"id": "c"}, {"id": "e", "role": "協賛"}],
                "since": 2010,
                "until": 2014,
                "cite": "t",
            },
            {"id": "walk", "name": "見守り", "participants": [{"id": "d"}, {"id": "f"}], "cite": "t"},
        ],
    }
    for name, data in (("city.yaml", city), ("t.yaml", main)):
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return graph_from_cases(load_cases([tmp_path / "t.yaml"]))


def given_rows(G: nx.Graph) -> dict:
    return {
        n: {"id": n, "score": round(0.13 * i % 1, 4), "betweenness": 0.01 * i, "articulation": i % 4 == 1}
        for i, n in enumerate(sorted(G, key=str))
        if G.nodes[n].get("kind", "actor") == "actor"
    }


def every_shape(G: nx.Graph, *, langs=("ja", "en", "both"), by_id: bool = True) -> None:
    """map_model, restyle and with_slider as the room calls them, with given rows (no counting of G). Without
    ``by_id`` (two nodes with the same id) only map_model: the others find nodes by their ids."""
    nodes, rows = sorted(G, key=str), given_rows(G)
    marked = set(nodes[::3])
    pos = places(G)
    for lang in langs:
        m = both("map_model", G, lang=lang, positions=pos, bridging=rows, marked=marked, texts=False)
    memo: dict = {}
    quick = both("map_model", G, positions=pos, bridging=rows, marked=marked, texts=False, slider=False, memo=memo)
    if by_id:
        both("with_slider", quick, G)
        for _ in range(2):
            same(new.with_slider(quick, G, memo=memo), ref.with_slider(quick, G))
        both("restyle", m, G, bridging=recounted(rows), marked=set(nodes[1::3]), lang=lang)


def test_small_graphs_with_the_edge_cases(tmp_path):
    G = small_graph(tmp_path)
    assert G.nodes["office"]["district"] == "city"
    assert G.nodes["a"]["sector"] == G.nodes["d"]["sector"] and G.nodes["d"]["category"] == "老人クラブ"
    every_shape(G)
    both("map_model", G, positions=places(G))
    both("map_model", graph_from_cases(load_cases([tmp_path / "t.yaml"]), view="projects"), lang="en")
    for year in (2002, 2006, 2013):
        both("map_model", graph_from_cases(load_cases([tmp_path / "t.yaml"]), year=year), positions=places(G))

    H = G.copy()  # an until before the since (no file can say so; a graph may)
    H.nodes["d"]["until"] = 1999
    H.edges["c", "d"]["relations"][0] = {**H.edges["c", "d"]["relations"][0], "since": 2009, "until": 2004}
    every_shape(H)

    H = G.copy()  # a self-loop with and without years
    H.add_edge("c", "c", **{**copy.deepcopy(H.edges["b", "c"]), "projects": ["fest"]})
    every_shape(H)

    H = G.copy()  # a project's tie of its own (no relation), a tie of nothing, a tie of two relations with no years
    H.add_edge("e", "c", relations=[], projects=["fest"], weight=1, types=["project"], inferred=True)
    H.add_edge("b", "f", relations=[], projects=[], weight=1, types=[], inferred=False)
    H.edges["a", "b"]["relations"] = [{**r, "since": None, "until": None} for r in H.edges["a", "b"]["relations"]]
    every_shape(H)

    for odd, even in ((2005.0, 2005), ("2005", 2005), (True, 1)):  # a year as no file writes it
        for first, second in ((odd, even), (even, odd)):  # of two equal values the years keep the first met
            H = G.copy()
            H.nodes["a"]["since"], H.nodes["f"]["until"] = first, second
            m = both("map_model", H, positions=places(H), bridging=given_rows(H), marked=set(), texts=False)
            assert m["years"]["first"] in (1, 1990)
            both("with_slider", {**m, "years": None}, H)


def test_no_years_and_one_year(tmp_path):
    G = small_graph(tmp_path)
    for d in [d for _, d in G.nodes(data=True)] + [r for *_, e in G.edges(data=True) for r in e["relations"]]:
        d["since"] = d["until"] = None
    for p in G.graph["projects"].values():
        p["since"] = p["until"] = None
    every_shape(G)
    G.nodes["a"]["since"] = 2001
    every_shape(G)


def test_nodes_whose_ids_read_alike():
    """Ties ordered by the text of their ends, and nodes whose ids are numbers (2 before 10 as numbers, not as
    text) or read alike (1 and "1")."""
    G = nx.Graph(name="数", sectors={}, districts=[{"id": "x"}], projects={})
    for n in (10, 2, "1", 33, 4):
        G.add_node(n, kind="actor", name=f"会{n}", sector="npo", district="x", since=2000 + len(str(n)))
    for u, v in ((10, 2), (2, 33), ("1", 10), (4, 33), (33, 10), (4, "1")):
        G.add_edge(u, v, relations=[{"type": "cooperation", "from": u, "to": v, "directed": False, "weight": 2}])
        G.edges[u, v].update(projects=[], weight=2, types=["cooperation"], inferred=False)
    every_shape(G)
    G.add_node(1, kind="actor", name="会1（数）", sector="npo", district="x")
    G.add_edge(1, 4, **copy.deepcopy(G.edges[4, 33]))
    every_shape(G, by_id=False)
    # "1" comes first and ties to "9", 1 after it ties to "5": sorted as text, 1's tie is the first
    H = nx.Graph(**G.graph)
    for n in ("1", 1, "9", "5"):
        H.add_node(n, **{**G.nodes[4], "name": f"会{n!r}"})
    for u, v in (("1", "9"), (1, "5")):
        H.add_edge(u, v, relations=[{"type": "cooperation", "from": u, "to": v, "directed": False, "weight": 2}])
        H.edges[u, v].update(projects=[], weight=2, types=["cooperation"], inferred=False)
    every_shape(H, by_id=False)


def test_an_empty_row_fails_as_before():
    G = graph_from_cases(load_cases(["dream-heights"]))
    n = next(iter(G))
    with pytest.raises(KeyError):
        ref.tooltip(G, n, ref._without_sentence({}), False, False, "ja")
    with pytest.raises(KeyError):
        tooltips(G, "ja", sentences=False)(n, {}, False, False)


# --------------------------------------------------------------------------- the parts


def test_tooltips_with_estimated_betweenness_and_sentences():
    G = graph_from_cases(load_cases(["nippa"]))
    rows = rows_of(G)
    for i, n in enumerate(sorted(G, key=str)):
        r = {**rows[n], "betweenness_estimated": i % 2 == 0} if n in rows else None
        for lang in ("ja", "en", "both"):
            assert tooltip(G, n, r, i % 3 == 0, i % 5 == 0, lang) == ref.tooltip(G, n, r, i % 3 == 0, i % 5 == 0, lang)


def test_pick_reads_every_record_as_before():
    records = [
        {"name": "協議会", "name_en": "Council"},
        {"name": "協議会", "name_en": None},
        {"name": None, "name_en": "Council"},
        {"name": 12, "name_en": ""},
        {},
        OrderedDict(name="町", name_en="Town"),
        SimpleNamespace(name="町", name_en="Town"),
        SimpleNamespace(name="町"),
    ]
    for record in records:
        for lang in ("ja", "en", "both", None):
            assert pick(record, "name", lang) == ref._lang_pick(record, "name", lang)
