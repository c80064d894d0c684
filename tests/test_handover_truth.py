"""A hand-over that tells the truth (issue 21, item 4).

- People on the leaver's side who share a project with a partner know that partner (no 「ほかに知っている人:
  だれもいない」 for a 実行委員会 that three bodies work with); the organisation the tie was held for counts by a
  relation of its own only.
- ``handover --person X`` lists the pairs only X links, held_by or not (a coordinator who holds no formal tie).
- The report's hand-over line names the district partners a person carries, not the person's own bodies.

Small files are written the way coordinators write them; what the bundled cases show is computed from their data.
"""

from __future__ import annotations

import csv
import io
import textwrap

import networkx as nx
import pytest

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.analysis.circles import circle_of, circle_pairs
from kyodo_network.analysis.bridges import coordinators
from kyodo_network.analysis.coordinators import sole_link_pairs
from kyodo_network.analysis.handover import carried_partners, carried_ties, handover, handover_items
from kyodo_network.analysis.risk import risks, what_if
from kyodo_network.cli import cli
from kyodo_network.graph import undirected_actor_graph
from kyodo_network.load import district_cases

HEAD = """\
format: kyodo-case/1
source: 聞き取り（2024年）
district:
  name: みどり台地区
  ward: 瀬谷区
"""

TEAM = """\
actors:
  - name: G係長
    sector: 個人
    visibility: private
  - name: 瀬谷区役所
    sector: 区役所
  - name: 地域ケアプラザみどり
    sector: ケアプラザ
  - name: 瀬谷区社会福祉協議会
    sector: 社協
  - name: みどり台支援チーム
    sector: 協議会
  - name: みどり台見守り実行委員会
    sector: 実行委員会
  - name: みどり台おやじの会
    sector: NPO
relations:
  - {from: G係長, to: 瀬谷区役所, type: 所属}
  - {from: G係長, to: みどり台支援チーム, type: 所属}
  - {from: 瀬谷区役所, to: みどり台支援チーム, type: 所属}
  - {from: 地域ケアプラザみどり, to: みどり台支援チーム, type: 所属}
  - {from: 瀬谷区社会福祉協議会, to: みどり台支援チーム, type: 所属}
  - {from: みどり台支援チーム, to: みどり台見守り実行委員会, type: 支援, held_by: G係長}
  - {from: みどり台支援チーム, to: みどり台おやじの会, type: 情報交換, held_by: G係長}
projects:
  - name: 見守りアンケート
    participants: [みどり台見守り実行委員会, 瀬谷区役所]
  - name: 見守りサロン
    participants: [みどり台見守り実行委員会, 地域ケアプラザみどり, 瀬谷区社会福祉協議会]
  - name: 囲炉裏端会議
    participants: [みどり台おやじの会, みどり台支援チーム]
"""


def network(tmp_path, body: str):
    path = tmp_path / "midori.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    G = graph_from_cases(load_cases([path]))
    return G, {G.nodes[n]["name"]: n for n in G}, path


def test_bodies_that_work_with_a_committee_on_its_projects_know_it(tmp_path):
    G, ids, _ = network(tmp_path, TEAM)
    sheet = handover(G, ids["G係長"])
    rows = {r["partner"]: r for r in sheet["ties"]}
    committee = rows[ids["みどり台見守り実行委員会"]]
    assert committee["known_by"] == sorted(
        [ids["瀬谷区役所"], ids["地域ケアプラザみどり"], ids["瀬谷区社会福祉協議会"]], key=str
    )
    assert committee["first"] == "handover.first.tell"
    assert committee["known_through"][ids["瀬谷区役所"]] == [f"project:{'見守りアンケート'}"]
    # the team's own place in a project with the おやじの会 is the presence G係長 carried: nobody else knows them
    oyaji = rows[ids["みどり台おやじの会"]]
    assert oyaji["known_by"] == [] and oyaji["first"] == "handover.first.introduce"
    assert what_if(G, [ids["G係長"]])["without_contact"] == [ids["みどり台おやじの会"]]


def test_the_sheet_says_who_knows_them_and_how(runner, tmp_path):
    _, _, path = network(tmp_path, TEAM)
    out = runner.invoke(cli, ["handover", str(path), "--person", "G係長"])
    assert out.exit_code == 0, out.output
    block = out.stdout.split("相手: みどり台見守り実行委員会")[1].split("\n\n")[0]
    assert "ほかに知っている人: だれもいない" not in block
    assert "瀬谷区役所（協働事業「見守りアンケート」）" in block
    assert "だれもいない" in out.stdout.split("相手: みどり台おやじの会")[1].split("\n\n")[0]


COORDINATOR = """\
actors:
  - name: コーディネーターTさん
    sector: 個人
    visibility: private
  - name: みどり台自治会
    sector: 自治会
  - name: みどり台小学校PTA
    sector: PTA
  - name: 子ども食堂みどり
    sector: NPO
  - name: 瀬谷区役所
    sector: 区役所
relations:
  - {from: コーディネーターTさん, to: みどり台自治会, type: 連絡調整}
  - {from: コーディネーターTさん, to: みどり台小学校PTA, type: 連絡調整}
  - {from: コーディネーターTさん, to: 子ども食堂みどり, type: 助言}
  - {from: 瀬谷区役所, to: みどり台自治会, type: 協力}
"""


def test_a_coordinator_who_holds_no_tie_still_gets_a_sheet_of_the_pairs_only_they_link(runner, tmp_path):
    G, ids, path = network(tmp_path, COORDINATOR)
    t = ids["コーディネーターTさん"]
    assert carried_ties(G, [t]) == []  # nobody wrote held_by
    sheet = handover(G, t)
    assert sheet["ties"] == []
    got = {frozenset((p["a"], p["b"])) for p in sheet["links"]}
    assert got == {frozenset(p) for p in sole_link_pairs(undirected_actor_graph(G), t)}
    assert len(got) == 3 and all(p["only_path"] for p in sheet["links"])
    out = runner.invoke(cli, ["handover", str(path), "--person", "Tさん"])
    assert out.exit_code == 0, out.output
    assert "担当者として記録されたつながり" not in out.stdout
    assert "だけがつなぐ組: みどり台自治会 と 子ども食堂みどり" in out.stdout
    assert "本人がいるうちに、みどり台自治会 と 子ども食堂みどり を直接引き合わせる" in out.stdout
    rows = list(
        csv.DictReader(
            io.StringIO(
                runner.invoke(
                    cli, ["handover", str(path), "--person", "Tさん", "--format", "csv", "--lang", "en"]
                ).stdout.lstrip("\ufeff")
            )
        )
    )
    assert [r["kind"] for r in rows] == ["link"] * 3
    assert {frozenset((r["partner_id"], r["other_id"])) for r in rows} == got
    # the report's hand-over line names the partners Tさん carries
    r = next(x for x in risks(G) if x["id"] == t)
    assert set(r["carries"]) == set(G[t])
    code, fields = handover_items(G, r, coordinators(G))[0]
    assert code == "handout.handover_ties" and set(fields["partners"]) == set(G[t]) and fields["n"] == 3


@pytest.mark.parametrize("case", [str(p) for p in district_cases()])
def test_every_person_s_sheet_lists_what_coordinators_lists_for_them(case):
    G = graph_from_cases(load_cases([case]))
    listed = {r["id"]: {frozenset((p["a"], p["b"])) for p in r["pairs"]} for r in coordinators(G)}
    for n, d in G.nodes(data=True):
        if d.get("sector") != "person":
            continue
        got = {frozenset((p["a"], p["b"])) for p in handover(G, n)["links"]}
        assert got == listed.get(n, set()), n


@pytest.mark.parametrize("case", [str(p) for p in district_cases()])
def test_a_risk_carries_its_partners_not_its_own_bodies(case):
    G = graph_from_cases(load_cases([case]))
    circles = circle_pairs(G)
    for r in risks(G):
        mates = circle_of(G, r["id"], circles)
        held = {t["partner"] for t in carried_ties(G, [r["id"]])}
        assert held <= set(r["carries"]), r["id"]
        assert not (set(r["carries"]) - held) & mates, r["id"]
        assert r["carries"] == carried_partners(G, r["id"])
        items = dict(handover_items(G, r))
        if r["carries"]:
            assert items["handout.handover_ties"]["partners"] == r["carries"]


def test_f_s_hand_over_line_names_the_committee_and_the_plaza_not_the_office(tmp_path):
    G, ids, _ = network(tmp_path, TEAM)
    g = ids["G係長"]
    r = next(x for x in risks(G) if x["id"] == g)
    assert r["carries"] == [ids["みどり台おやじの会"], ids["みどり台見守り実行委員会"]]
    ((code, fields),) = handover_items(G, r)
    assert code == "handout.handover_ties" and fields == {"partners": r["carries"], "n": 2}


def test_a_graph_is_not_changed():
    G = graph_from_cases(load_cases(["akuwa-north"]))
    before = nx.node_link_data(G, edges="edges")
    for n in G:
        handover(G, n)
    assert nx.node_link_data(G, edges="edges") == before
