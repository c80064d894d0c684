"""District comparison: indicators worked out by hand and recomputed with networkx on a small case, the bundled
cases side by side, the chart files and the CLI."""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
import pytest

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.graph import graphs_from_names
from kyodo_network.analysis.compare import INDICATORS, compare_districts, district_indicators
from kyodo_network.cli import cli
from kyodo_network.render.chart import comparison_html, write_comparison_chart

# Six actors; the loner has no tie. Ties: npo-a–council, npo-b–council, ward–npo-a, ward–council, school–council,
# npo-a–npo-b (the fair only adds a project to the school–council tie).
TOWN = """\
format: kyodo-case/1
source: {title: テスト, date: 2010-04}
district: {id: test-town, name: テストタウン, name_en: Test Town, ward: 栄区, ward_en: Sakae Ward, city: 横浜市,
           cite: テスト用}
actors:
  - {id: town-council, name: タウン協議会, name_en: Town Council, sector: council, since: 2001, cite: テスト用}
  - {id: town-npo-a, name: NPO-A, name_en: NPO A, sector: npo, cite: テスト用}
  - {id: town-npo-b, name: NPO-B, name_en: NPO B, sector: npo, cite: テスト用}
  - {id: town-school, name: タウン小学校, name_en: Town School, sector: school, cite: テスト用}
  - {id: town-ward-office, name: 栄区役所, name_en: Sakae Ward Office, sector: government, cite: テスト用}
  - {id: town-loner, name: ひとりの住民, name_en: A lone resident, sector: person, cite: テスト用}
relations:
  - {from: town-npo-a, to: town-council, type: member, cite: テスト用}
  - {from: town-npo-b, to: town-council, type: member, cite: テスト用}
  - {from: town-ward-office, to: town-npo-a, type: agreement, since: 2005, until: 2008, cite: テスト用}
  - {from: town-ward-office, to: town-council, type: subsidy, cite: テスト用}
  - {from: town-school, to: town-council, type: cooperation, cite: テスト用}
  - {from: town-npo-a, to: town-npo-b, type: cooperation, cite: テスト用}
projects:
  - {id: town-fair, name: タウンフェア, name_en: Town fair, since: 2004, participants: [town-council, town-school],
     cite: テスト用}
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    path = tmp_path_factory.mktemp("town") / "town.yaml"
    path.write_text(TOWN, encoding="utf-8")
    return load_cases([path])[0]


@pytest.fixture(scope="module")
def row(town):
    return compare_districts([graph_from_cases([town])])[0]


def test_counts_by_hand(row):
    assert row["district"] == "test-town"
    assert row["actors"] == 6
    assert row["actors_by_sector"] == {
        "neighbourhood": 0,
        "npo": 2,
        "company": 0,
        "school": 1,
        "government": 1,
        "support": 0,
        "council": 1,
        "person": 1,
        "other": 0,
    }
    assert row["relations"] == 6
    assert row["ties"] == 6
    assert row["projects"] == 1
    assert row["components"] == 2 and row["isolates"] == 1


def test_measures_by_hand(row):
    # density 6 / (6·5/2) = 0.4; 5 of 6 ties cross sectors (npo-a–npo-b does not): 0.8333, E–I (5−1)/6 = 0.6667.
    assert row["density"] == 0.4
    assert row["cross_sector_share"] == pytest.approx(0.8333, abs=1e-4)
    assert row["ei_index"] == pytest.approx(0.6667, abs=1e-4)
    # clustering: council 2/6, npo-a 2/3, npo-b 1, ward 1, school 0, loner 0 → 3/6 = 0.5.
    assert row["avg_clustering"] == 0.5
    # degrees 4, 3, 2, 2, 1, 0: Σ(4 − d) = 12 over (n−1)(n−2) = 20 → 0.6.
    assert row["degree_centralisation"] == 0.6
    # brokerage: council brokers 4 pairs (npo-a–school, npo-b–ward, npo-b–school, ward–school), npo-a 1 (ward–npo-b).
    assert row["top_bridge"] == "town-council" and row["top_bridge_name"] == "タウン協議会"
    assert row["top_bridge_share"] == 0.8
    # council cuts the school off; without the ward office the fair has no link to government.
    assert row["single_points_of_failure"] == 2
    # agreement and subsidy of 6 relations.
    assert row["formal_share"] == pytest.approx(0.3333, abs=1e-4)
    # 2001 (council) … 2010 (the source's date: things are still running).
    assert (row["first_year"], row["last_year"], row["years_active"]) == (2001, 2010, 10)


def test_measures_match_networkx(town, row):
    U = nx.Graph(graph_from_cases([town]))
    n = U.number_of_nodes()
    assert row["density"] == pytest.approx(nx.density(U), abs=1e-4)
    assert row["components"] == nx.number_connected_components(U)
    assert row["isolates"] == len(list(nx.isolates(U)))
    assert row["avg_clustering"] == pytest.approx(nx.average_clustering(U), abs=1e-4)
    c = nx.degree_centrality(U)  # d / (n − 1)
    freeman = sum(max(c.values()) - x for x in c.values()) / (n - 2)
    assert row["degree_centralisation"] == pytest.approx(freeman, abs=1e-4)
    sector = nx.get_node_attributes(U, "sector")
    external = sum(sector[u] != sector[v] for u, v in U.edges())
    internal = U.number_of_edges() - external
    assert row["ei_index"] == pytest.approx((external - internal) / (external + internal), abs=1e-4)
    assert row["top_bridge"] == max(nx.betweenness_centrality(U), key=nx.betweenness_centrality(U).get)


def test_compare_is_district_indicators_per_graph(town, row):
    assert district_indicators(graph_from_cases([town])) == row


def test_year_and_empty_graph(town):
    r = compare_districts([graph_from_cases([town], year=2003)])[0]
    assert r["relations"] == 5 and r["projects"] == 0 and r["last_year"] == 2003
    empty = district_indicators(nx.Graph())
    assert empty["actors"] == 0 and empty["density"] is None and empty["ei_index"] is None
    assert empty["top_bridge"] is None and empty["formal_share"] is None


def test_bundled_cases_side_by_side():
    rows = compare_districts(graphs_from_names(["konandai-playpark", "nippa", "dream-heights"]))
    assert [r["district"] for r in rows] == ["konandai-playpark", "nippa", "dream-heights"]
    ids = {i.id for i in INDICATORS}
    for r in rows:
        assert ids <= set(r)
        assert sum(r["actors_by_sector"].values()) == r["actors"]
    by = {r["district"]: r for r in rows}
    # 港南台: the 協働協定書 with 港南区役所 is a formal relation; ドリームハイツ: the 自主保育 has no recorded tie.
    assert by["konandai-playpark"]["formal_share"] > 0
    assert by["dream-heights"]["isolates"] >= 1


# --- chart ------------------------------------------------------------------------------------------------


def test_chart_files(tmp_path, town):
    rows = compare_districts([graph_from_cases([town])] + graphs_from_names(["nippa"]))
    png = write_comparison_chart(rows, tmp_path / "c.png", lang="ja")
    svg = write_comparison_chart(rows, tmp_path / "c.svg", lang="en", indicators=["actors", "ei_index"])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.read_text(encoding="utf-8").startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.png", "c.svg"]  # nothing else left behind


def test_chart_html_is_self_contained_and_escaped(town):
    rows = compare_districts([graph_from_cases([town])])
    rows[0]["name"] = rows[0]["name_en"] = "<script>alert(1)</script>"
    page = comparison_html(rows, lang="en", indicators=["actors", "density"])
    assert "<script" not in page and "&lt;script&gt;" in page
    links = re.findall(r"""(?:href|src)\s*=\s*["']([^"']*)""", page) + re.findall(r"url\(([^)]*)\)", page)
    assert links and all(link.startswith("#") for link in links)  # only the SVG's own glyphs and clip paths
    assert "@import" not in page and "<link" not in page and "<script" not in page
    assert "Content-Security-Policy" in page and "<svg" in page


# --- CLI --------------------------------------------------------------------------------------------------


def test_cli_json_rows_keyed_by_indicator(runner):
    result = runner.invoke(cli, ["compare", "nippa", "akuwa-north", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["district"] for r in rows] == ["nippa", "akuwa-north"]
    assert {i.id for i in INDICATORS} <= set(rows[0])


def test_cli_table_and_csv(runner):
    result = runner.invoke(cli, ["compare", "nippa", "akuwa-north", "--lang", "en"])
    assert result.exit_code == 0
    assert "Degree centralisation" in result.stdout and "nippa" in result.stdout
    result = runner.invoke(cli, ["compare", "nippa", "akuwa-north", "--format", "csv", "--lang", "en"])
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [r["district"] for r in rows] == ["nippa", "akuwa-north"]
    assert {"actors_npo", "ei_index", "top_bridge_share", "formal_share"} <= set(rows[0])


def test_cli_chart(runner, tmp_path):
    out = tmp_path / "districts.html"
    result = runner.invoke(cli, ["compare", "nippa", "akuwa-north", "--chart", str(out)])
    assert result.exit_code == 0, result.stderr
    assert str(out) in result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["districts.html"]
    bad = runner.invoke(cli, ["compare", "nippa", "--chart", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 2 and not (tmp_path / "x.pdf").exists()


def test_chart_text_with_dollars_is_literal(tmp_path, town):
    # Two $ made matplotlib read mathtext: an unknown command crashed the chart.
    rows = compare_districts([graph_from_cases([town])])
    rows[0]["name"] = rows[0]["name_en"] = "費用$\\undefinedcommand$_^"
    for suffix in ("png", "svg"):
        assert write_comparison_chart(rows, tmp_path / f"c.{suffix}", lang="ja").stat().st_size > 0


def test_many_districts_shared_among_processes_give_the_same_rows(monkeypatch):
    from kyodo_network.analysis import centrality, compare
    from kyodo_network.graph import graphs_from_names

    graphs = graphs_from_names() * 3  # every bundled district, three times over
    serial = compare.compare_districts(graphs)
    monkeypatch.setattr(compare, "PARALLEL_DISTRICTS", 2)
    from kyodo_network.analysis import _parallel

    monkeypatch.setattr(centrality, "cores", lambda: 2)
    monkeypatch.setattr(_parallel, "cores", lambda: 2)
    assert compare.compare_districts(graphs) == serial


def test_top_bridge_is_the_first_bridges_row():
    from kyodo_network.analysis.bridges import bridging_scores, top_bridge
    from kyodo_network.graph import graph_from_names

    for case in ("nippa", "akuwa-north", "dream-heights", "konandai-playpark"):
        G = graph_from_names([case])
        row, total = top_bridge(G)
        rows = bridging_scores(G)
        assert row == rows[0]
        assert total == sum(r["brokerage"]["total"] for r in rows)
