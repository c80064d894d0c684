"""Suggestions a coordinator would not laugh at (issue 21), each rule on a small file written the way coordinators
write them — names, not ids; 加入, 代表, 所属, 設立 as the tie words; a department named after its office:

- never introduce an actor to partners it already reaches through a body it belongs to or represents
  (a 団地自治会 and its 連合's partners; a person who is 代表 of a group and the group's partners);
- never propose a body's own member as the introducer for the body's own ties;
- never call a department of an office a separate party to that office (no suggestion pairs an office with
  parties its own department already links, with the department as "the only one who connects them"; an
  office is never introduced to its own department).

Each test first checks that the pair it forbids is a real candidate (untied, with a partner in common), so the
rule, not the data, keeps it out.
"""

from __future__ import annotations

import random
import textwrap

import networkx as nx
import pytest

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.analysis.circles import circle_of, circle_pairs, department_of, departments_by_name
from kyodo_network.analysis.suggest import suggest_introductions
from kyodo_network.graph import undirected_actor_graph

HEAD = """\
format: kyodo-case/1
source: 聞き取り（2024年）
district:
  name: みどり台地区
  ward: 瀬谷区
"""


def network(tmp_path, body: str):
    path = tmp_path / "midori.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    [case] = load_cases([path])
    G = graph_from_cases([case])
    ids = {G.nodes[n]["name"]: n for n in G}
    return G, ids


def pairs_of(rows) -> set[frozenset]:
    return {frozenset((r["a"], r["b"])) for r in rows}


def is_candidate(G, a, b) -> bool:
    """Untied, with a partner in common: what the ranking would score if no rule kept the pair out."""
    U = undirected_actor_graph(G)
    return not U.has_edge(a, b) and bool(set(U[a]) & set(U[b]))


# --- a member and its body -------------------------------------------------------------------------------------

DANCHI = """\
actors:
  - name: みどり台連合自治会
    sector: 自治会
  - name: みどり台団地自治会
    sector: 自治会
  - name: 瀬谷区役所
    sector: 区役所
  - name: みどり台小学校
    sector: 学校
  - name: 子ども食堂みどり
    sector: NPO
    themes: [子育て]
  - name: 地域ケアプラザみどり
    sector: ケアプラザ
    themes: [子育て]
relations:
  - from: みどり台団地自治会
    to: みどり台連合自治会
    type: 加入
  - from: みどり台連合自治会
    to: 瀬谷区役所
    type: 協力
  - from: みどり台連合自治会
    to: みどり台小学校
    type: 協力
  - from: みどり台団地自治会
    to: 子ども食堂みどり
    type: 場所の提供
  - from: 地域ケアプラザみどり
    to: 子ども食堂みどり
    type: 支援
  - from: 地域ケアプラザみどり
    to: 瀬谷区役所
    type: 連携
"""


def test_a_danchi_association_is_never_introduced_to_its_federation_s_partners(tmp_path):
    G, ids = network(tmp_path, DANCHI)
    danchi = ids["みどり台団地自治会"]
    ward, school = ids["瀬谷区役所"], ids["みどり台小学校"]
    for other in (ward, school):
        assert is_candidate(G, danchi, other)  # through the 連合: a common partner, no tie
    rows = suggest_introductions(G)
    found = pairs_of(rows)
    assert frozenset((danchi, ward)) not in found and frozenset((danchi, school)) not in found
    assert all(r["b"] not in (ward, school) for r in suggest_introductions(G, for_actor=danchi))


def test_a_body_s_own_member_never_introduces_the_body(tmp_path):
    G, ids = network(tmp_path, DANCHI)
    danchi, rengo, shokudo = ids["みどり台団地自治会"], ids["みどり台連合自治会"], ids["子ども食堂みどり"]
    assert is_candidate(G, rengo, shokudo)  # the 団地自治会 is tied to both
    rows = suggest_introductions(G)
    assert frozenset((rengo, shokudo)) not in pairs_of(rows)
    for r in rows:
        if rengo in (r["a"], r["b"]):
            assert danchi not in r["introducers"], r["reasons"]["ja"]
    # the pairs that remain are real introductions: the care plaza and the federation share the ward office
    assert frozenset((rengo, ids["地域ケアプラザみどり"])) in pairs_of(rows)


# --- a person who represents a group ---------------------------------------------------------------------------

DAIHYO = """\
actors:
  - name: 山田さん
    sector: 個人
    visibility: private
  - name: みどりの会
    sector: NPO
    themes: [見守り]
  - name: 地域ケアプラザみどり
    sector: ケアプラザ
    themes: [見守り]
  - name: 民生委員児童委員協議会
    sector: 民児協
    themes: [見守り]
  - name: みどり台小学校
    sector: 学校
relations:
  - from: 山田さん
    to: みどりの会
    type: 代表
  - from: みどりの会
    to: 地域ケアプラザみどり
    type: 協力
  - from: 山田さん
    to: 民生委員児童委員協議会
    type: 所属
  - from: 民生委員児童委員協議会
    to: みどり台小学校
    type: 情報交換
  - from: 地域ケアプラザみどり
    to: みどり台小学校
    type: 協力
"""


def test_a_representative_is_never_introduced_to_the_group_s_partners(tmp_path):
    G, ids = network(tmp_path, DAIHYO)
    yamada, group, plaza = ids["山田さん"], ids["みどりの会"], ids["地域ケアプラザみどり"]
    minji = ids["民生委員児童委員協議会"]
    assert is_candidate(G, yamada, plaza) and is_candidate(G, group, minji)
    rows = suggest_introductions(G)
    found = pairs_of(rows)
    assert frozenset((yamada, plaza)) not in found  # 山田さん reaches the plaza through the group he represents
    assert frozenset((group, minji)) not in found  # the group reaches the 民児協 through its own 代表
    for r in rows:
        if group in (r["a"], r["b"]):
            assert yamada not in r["introducers"], r["reasons"]["ja"]


# --- a department of an office ---------------------------------------------------------------------------------

OFFICE = """\
actors:
  - name: 青葉区役所
    sector: 区役所
  - name: 青葉区 サービス課
    sector: 区役所
  - name: 青葉区役所 こども家庭支援課
    sector: 区役所
  - name: 地区支援チーム（みどり台）
    sector: 協議会
  - name: 区内の保育園
    sector: 保育園
    themes: [子育て]
  - name: 子どものワークショップ
    sector: NPO
    themes: [子育て]
  - name: みどり台自治会
    sector: 自治会
  - name: 青葉区社会福祉協議会
    sector: 社協
relations:
  - from: 青葉区 サービス課
    to: 青葉区役所
    type: 所属
  - from: 青葉区 サービス課
    to: 区内の保育園
    type: 連絡調整
  - from: 青葉区役所 こども家庭支援課
    to: 子どものワークショップ
    type: 協力
  - from: 青葉区役所
    to: 地区支援チーム（みどり台）
    type: 設立
  - from: 地区支援チーム（みどり台）
    to: みどり台自治会
    type: 支援
  - from: 青葉区役所
    to: 青葉区社会福祉協議会
    type: 連携
  - from: 青葉区社会福祉協議会
    to: 子どものワークショップ
    type: 補助金
"""


def test_an_office_is_never_introduced_to_what_its_own_department_links(tmp_path):
    G, ids = network(tmp_path, OFFICE)
    office, service, kodomo = ids["青葉区役所"], ids["青葉区 サービス課"], ids["青葉区役所 こども家庭支援課"]
    team, nursery, workshop, jichikai = (
        ids["地区支援チーム（みどり台）"],
        ids["区内の保育園"],
        ids["子どものワークショップ"],
        ids["みどり台自治会"],
    )
    assert is_candidate(G, office, nursery) and is_candidate(G, office, jichikai)
    rows = suggest_introductions(G)
    found = pairs_of(rows)
    assert frozenset((office, nursery)) not in found  # its サービス課 (所属) links them
    assert frozenset((office, jichikai)) not in found  # the team it founded (設立) links them
    assert frozenset((office, workshop)) not in found  # its こども家庭支援課 (by name) works with the workshop
    assert frozenset((office, kodomo)) not in found  # never introduced to its own department
    for r in rows:
        if office in (r["a"], r["b"]):
            assert not {service, kodomo, team} & set(r["introducers"] + r["held_by"]), r["reasons"]["ja"]
    # and the department is never "the only one who connects" its office with anyone
    assert not any(
        office in (r["a"], r["b"]) and r["held_by"] and set(r["held_by"]) <= {service, kodomo, team} for r in rows
    )


def test_departments_by_name():
    names = {
        "o": "青葉区役所",
        "d": "青葉区役所 こども家庭支援課",
        "s": "青葉区 サービス課",
        "n": "青葉区役所前自治会",
        "j": "自治会",
        "j2": "自治会（その2）",
        "c": "青葉区社会福祉協議会",
        "cd": "青葉区社会福祉協議会 地域福祉係",
    }
    assert departments_by_name(names) == [("cd", "c"), ("d", "o")]
    assert not department_of("青葉区役所前自治会", "青葉区役所")  # a 自治会 named after a place is no department


# --- the rules on every bundled case and on seeded networks ------------------------------------------------------


def seeded(seed: int) -> nx.Graph:
    """A seeded network with bodies, members (加入/代表 as member ties), founders and departments named after offices."""
    rng = random.Random(seed)
    G = nx.Graph(projects={})
    sectors = ["npo", "neighbourhood", "government", "support", "person", "school"]
    for i in range(40):
        G.add_node(
            f"n{i}",
            name=f"団体{i:02d}",
            sector=rng.choice(sectors),
            themes=rng.sample(["子育て", "見守り"], 1),
            ward="瀬谷区",
            district="gen",
        )
    G.add_node("office", name="瀬谷区役所", sector="government", ward="瀬谷区", district="gen")
    G.add_node("dept", name="瀬谷区役所 地域振興課", sector="government", ward="瀬谷区", district="gen")
    nodes = list(G)
    for _ in range(70):
        u, v = rng.sample(nodes, 2)
        kind = rng.choice(["member", "founded", "cooperation", "support", "cooperation"])
        rel = {"from": u, "to": v, "type": kind, "held_by": []}
        if G.has_edge(u, v):
            G.edges[u, v]["relations"].append(rel)
        else:
            G.add_edge(u, v, relations=[rel], projects=[], weight=2)
    return G


@pytest.mark.parametrize(
    "source",
    [
        "akuwa-north",
        "dream-heights",
        "kodomo-fudo",
        "konandai-playpark",
        "nippa",
        "seed-1",
        "seed-2",
        "seed-3",
        "seed-4",
    ],
)
def test_no_suggestion_reaches_through_a_circle_mate(source):
    G = seeded(int(source[-1])) if source.startswith("seed") else graph_from_cases(load_cases([source]))
    U = undirected_actor_graph(G)
    circles = circle_pairs(G)
    rows = suggest_introductions(G)
    for r in rows:
        a, b = r["a"], r["b"]
        for x, y in ((a, b), (b, a)):
            mates = circle_of(G, x, circles)
            assert y not in mates, (x, y)
            assert not any(U.has_edge(m, y) for m in mates), (x, y, [m for m in mates if U.has_edge(m, y)])
        for i in r["introducers"]:
            assert frozenset((i, a)) not in circles and frozenset((i, b)) not in circles, (a, b, i)
    for_one = next(iter(sorted(U, key=str)))
    got = {frozenset((r["a"], r["b"])) for r in suggest_introductions(G, for_actor=for_one)}
    assert got == {p for p in pairs_of(rows) if for_one in p}
