"""What a departure or a year loses, each tie once (issue 21, item 5): a tie recorded by both sides appears once,
and a project held in several years (one record a year, one name) appears once with its years, in ``whatif``
and ``diff``; 「失われる関係」 is never inflated by the same tie or project written twice."""

from __future__ import annotations

import json
from kyodo_network import graph_from_cases, load_cases
from kyodo_network.analysis.diff import diff_graphs
from kyodo_network.analysis.risk import risks, what_if
from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names

CASE = """\
format: kyodo-case/1
source: 聞き取り（2024年）
district:
  name: みどり台地区
  ward: 瀬谷区
actors:
  - name: みどり台自治会
    sector: 自治会
  - name: 子ども食堂みどり
    sector: NPO
  - name: 瀬谷区役所
    sector: 区役所
  - name: みどり台小学校
    sector: 学校
relations:
  # each side's list names the other: one tie
  - {from: みどり台自治会, to: 子ども食堂みどり, type: 協力, since: 2019}
  - {from: 子ども食堂みどり, to: みどり台自治会, type: 協力, since: 2019}
  # a subsidy has a direction: these are two
  - {from: 瀬谷区役所, to: みどり台自治会, type: 補助金, since: 2018}
  - {from: みどり台自治会, to: 瀬谷区役所, type: 補助金, since: 2018}
  - {from: みどり台小学校, to: 子ども食堂みどり, type: 情報交換, since: 2021}
  - {from: 子ども食堂みどり, to: みどり台小学校, type: 情報交換, since: 2021}
projects:
  - {id: natsu-2019, name: みどり台夏まつり, since: 2019, until: 2019, participants: [みどり台自治会, 子ども食堂みどり]}
  - {id: natsu-2020, name: みどり台夏まつり, since: 2020, until: 2020, participants: [みどり台自治会, 子ども食堂みどり]}
  - {id: natsu-2021, name: みどり台 夏まつり, since: 2021, until: 2021, participants: [みどり台自治会, 子ども食堂みどり]}
"""


def write(tmp_path):
    path = tmp_path / "midori.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def test_whatif_counts_a_tie_recorded_by_both_sides_once_and_a_yearly_project_once(tmp_path):
    G = graph_from_cases(load_cases([write(tmp_path)]))
    ids = {G.nodes[n]["name"]: n for n in G}
    jichikai, shokudo = ids["みどり台自治会"], ids["子ども食堂みどり"]
    lost = what_if(G, [jichikai])["relations_lost"]
    kinds = sorted((x["type"], frozenset((x["from"], x["to"]))) for x in lost)
    assert kinds.count(("cooperation", frozenset((jichikai, shokudo)))) == 1
    assert sum(1 for k, _ in kinds if k == "subsidy") == 2  # directed both ways: two relations
    [project] = [x for x in lost if x["type"] == "project"]
    assert project["projects"] == ["natsu-2019", "natsu-2020", "natsu-2021"] and project["years"] == [2019, 2020, 2021]
    assert len(lost) == 4
    r = next(x for x in risks(G) if x["id"] == jichikai) if any(x["id"] == jichikai for x in risks(G)) else None
    if r is not None:
        assert len(r["relations_lost"]) == 4


def test_whatif_text_and_csv_show_the_project_once_with_its_years(runner, tmp_path):
    path = write(tmp_path)
    out = runner.invoke(cli, ["whatif", str(path), "--remove", "みどり台自治会"])
    assert out.exit_code == 0, out.output
    assert "失われる関係: 4" in out.stdout
    lost, _, rest = out.stdout.partition("つながりが途切れるセクターの組")
    assert lost.count("夏まつり") == 1 and "夏まつり（2019、2020、2021年）" in lost
    assert (
        rest.count("夏まつり") == 1 and "夏まつり（2019、2020、2021年）" in rest
    )  # and lost its link to government once
    rows = runner.invoke(cli, ["whatif", str(path), "--remove", "みどり台自治会", "--format", "csv", "--lang", "en"])
    assert rows.stdout.count("relation_lost") == 4 and "(2019, 2020, 2021)" in rows.stdout
    assert rows.stdout.count("project_without_government") == 1


def test_diff_lists_a_yearly_project_once_and_a_tie_from_both_sides_once(tmp_path):
    path = write(tmp_path)
    d = diff_graphs(graph_from_names([path], year=2019), graph_from_names([path], year=2021))
    # held in both years (another record each year): neither lost nor gained, but continued, once, with its years
    assert d["projects_gained"] == [] and d["projects_lost"] == []
    [natsu] = d["projects_continued"]
    assert natsu["ids"] == ["natsu-2019", "natsu-2021"] and natsu["years"] == [2019, 2021]
    gained = [(r["type"], frozenset((r["from"], r["to"]))) for r in d["relations_gained"]]
    assert [k for k, _ in gained] == ["information"]  # the school and the 食堂 listed each other: one tie
    early = diff_graphs(graph_from_names([path], year=2018), graph_from_names([path], year=2021))
    assert [p["ids"] for p in early["projects_gained"]] == [["natsu-2021"]]
    assert sum(r["type"] == "cooperation" for r in early["relations_gained"]) == 1
    assert sum(r["type"] == "subsidy" for r in early["relations_gained"]) == 0  # both in force since 2018


def test_diff_over_all_years_of_a_project_written_once_a_year(runner, tmp_path):
    path = write(tmp_path)
    out = runner.invoke(cli, ["diff", str(path), "--from", "2019", "--to", "2021", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["projects_gained"] == data["projects_lost"] == []
    assert [p["ids"] for p in data["projects_continued"]] == [["natsu-2019", "natsu-2021"]]
    text = runner.invoke(cli, ["diff", str(path), "--from", "2019", "--to", "2021"]).stdout
    assert "夏まつり" not in text.split("増えた関係")[0]  # not a project lost, nor gained
