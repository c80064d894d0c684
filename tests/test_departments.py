"""``kyodo departments`` (issue 23): はざま, 庁内連携 and the first place to ask.

協働の事例②: 地域振興課 sat at the coordination table and サービス課 handled the nursery schools, both sections of
the ward office in the one project, with no tie recorded between them; the district is in 青葉区, whose centre is
青葉区区民活動支援センター (045-989-5265, 各区の市民活動支援センター).
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from kyodo_network.analysis.departments import departments_findings
from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names
from kyodo_network.render.report import report_html


def small() -> nx.Graph:
    G = nx.Graph()
    G.add_node("npo", name="みどりの会", sector="npo", themes=["子育て", "防災"], needs=["チラシ", "特になし"])
    G.add_node("ka", name="区役所 こども家庭支援課", sector="government", themes=["子育て"])
    G.add_node("ki", name="区役所 総務課", sector="government", offers=["広報"])
    G.add_node("kw", name="区役所 地域振興課", sector="government")
    G.add_edge("npo", "ka", relations=[{"type": "cooperation", "from": "npo", "to": "ka"}])
    G.graph["projects"] = {
        "p1": {
            "name": "見守り事業",
            "themes": ["見守り"],
            "participants": [{"id": "npo", "role": "実施"}, {"id": "kw", "role": "所管課"}],
        }
    }
    G.graph["districts"] = [{"ward": "港南区"}]
    return G


def test_a_theme_with_no_department_is_listed_as_a_gap():
    f = departments_findings(small())
    by = {t["theme"]: t for t in f["themes"]}
    assert [d["id"] for d in by["子育て"]["departments"]] == ["ka"] and by["子育て"]["departments"][0]["how"] == [
        "theme"
    ]
    assert by["見守り"]["departments"][0]["how"] == ["owner"]  # 所管課 of a project on it
    assert by["広報"]["kind"] == "need" and [d["id"] for d in by["広報"]["departments"]] == ["ki"]  # チラシ = 広報
    assert [t["theme"] for t in f["gaps"]] == ["防災"] and by["防災"]["actors"] == ["npo"]


def test_a_theme_asked_for_is_looked_for_even_if_nobody_lists_it():
    f = departments_findings(small(), theme="高齢者福祉")
    assert [(t["theme"], t["gap"]) for t in f["themes"]] == [("高齢者福祉", True)]
    assert [t["theme"] for t in departments_findings(small(), theme="子育て")["themes"]] == ["子育て"]


def test_the_two_sections_of_case_2_are_flagged():
    G = graph_from_names(["kodomo-fudo"])
    f = departments_findings(G, support_centres=G.graph["support_centres"])
    pairs = {frozenset((p["a"], p["b"])): p for p in f["pairs"]}
    pair = pairs[frozenset(("aoba-chiiki-shinko-ka", "aoba-service-ka"))]
    assert pair["projects"] == ["kodomo-fudo-support-net"] and pair["office"] == "aoba-ward-office"
    assert f["pairs"][0] is pair  # two sections of one office come first
    # the convener's partners are tied to it through the convened project: not flagged
    assert frozenset(("aoba-chiiki-shinko-ka", "yokohama-environmental-planning-bureau")) not in pairs
    # a section and its own office are one side
    assert not any("aoba-ward-office" in p for p in pairs)
    assert [c["id"] for c in f["ask_first"]] == ["support-centre-aoba"]


def test_cli_names_the_centre_and_its_phone_in_both_languages(runner):
    ja = runner.invoke(cli, ["departments", "kodomo-fudo"])
    assert ja.exit_code == 0, ja.output
    assert "青葉区役所 地域振興課 と 青葉区 サービス課（当時）" in ja.stdout and "どちらも青葉区役所の部署" in ja.stdout
    assert "青葉区区民活動支援センター　電話 045-989-5265" in ja.stdout and "はざま" in ja.stdout
    en = runner.invoke(cli, ["departments", "kodomo-fudo", "--lang", "en"])
    assert en.exit_code == 0 and "tel. 045-989-5265" in en.stdout and "Gaps" in en.stdout
    out = runner.invoke(cli, ["departments", "akuwa-north", "--theme", "まちづくり", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    assert [(r["テーマ"], r["はざま"]) for r in rows] == [("まちづくり", "true")]
    data = json.loads(runner.invoke(cli, ["departments", "kodomo-fudo", "--format", "json"]).stdout)
    assert data["ask_first"][0]["contact"] == "045-989-5265"


def test_the_report_has_a_short_section_on_it():
    page = report_html(graph_from_names(["kodomo-fudo"]), map_svg="<svg></svg>")
    section = page[page.index('<section id="hazama">') :]
    section = section[: section.index("</section>")]
    assert "はざまと最初の相談先" in section and "青葉区区民活動支援センター" in section
    assert "青葉区役所 地域振興課 と 青葉区 サービス課（当時）" in section
