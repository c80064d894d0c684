"""Change over time on a small two-year case worked by hand, on ドリームハイツ, and through the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kyodo_network.analysis.compare import INDICATORS
from kyodo_network.analysis.diff import diff_graphs
from kyodo_network.graph import graph_from_names
from kyodo_network.cli import cli

# 2001: council – npo, council – shop; the ward office has no tie yet.
# 2004: the shop has gone (until 2002); the school (since 2003) cooperates with the council; the ward office
#       subsidises the npo (since 2003); the festival (since 2003) joins council, school and npo.
TOWN = """\
format: kyodo-case/1
district: {id: test-town, name: テストタウン, name_en: Test Town, ward: 栄区, ward_en: Sakae Ward, city: 横浜市,
           cite: テスト用}
actors:
  - {id: town-council, name: タウン協議会, name_en: Town Council, sector: council, since: 2000, cite: テスト用}
  - {id: town-npo, name: タウンNPO, name_en: Town NPO, sector: npo, since: 2000, cite: テスト用}
  - {id: town-school, name: タウン小学校, name_en: Town School, sector: school, since: 2003, cite: テスト用}
  - {id: town-shop, name: タウン商店会, name_en: Town Shops, sector: company, until: 2002, cite: テスト用}
  - {id: town-ward-office, name: 栄区役所, name_en: Sakae Ward Office, sector: government, cite: テスト用}
relations:
  - {from: town-npo, to: town-council, type: member, since: 2000, cite: テスト用}
  - {from: town-ward-office, to: town-npo, type: subsidy, since: 2003, cite: テスト用}
  - {from: town-shop, to: town-council, type: cooperation, until: 2002, cite: テスト用}
  - {from: town-school, to: town-council, type: cooperation, since: 2003, cite: テスト用}
projects:
  - {id: town-festival, name: タウン祭り, name_en: Town festival, since: 2003,
     participants: [town-council, town-school, town-npo], cite: テスト用}
"""


@pytest.fixture(scope="module")
def town_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("town") / "town.yaml"
    path.write_text(TOWN, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def d(town_path):
    return diff_graphs(graph_from_names([town_path], year=2001), graph_from_names([town_path], year=2004))


def test_gained_and_lost(d):
    assert (d["year_from"], d["year_to"]) == (2001, 2004)
    assert [a["id"] for a in d["actors_gained"]] == ["town-school"]
    assert [a["id"] for a in d["actors_lost"]] == ["town-shop"]
    assert [(r["from"], r["to"], r["type"]) for r in d["relations_gained"]] == [
        ("town-school", "town-council", "cooperation"),
        ("town-ward-office", "town-npo", "subsidy"),
    ]
    assert [(r["from"], r["to"], r["type"]) for r in d["relations_lost"]] == [
        ("town-shop", "town-council", "cooperation")
    ]
    assert d["relations_gained"][1]["from_name"] == "栄区役所"
    assert [p["id"] for p in d["projects_gained"]] == ["town-festival"] and d["projects_lost"] == []


def test_indicator_changes_by_hand(d):
    ind = d["indicators"]
    assert set(ind) == {i.id for i in INDICATORS}

    def pair(key):
        return ind[key]["from"], ind[key]["to"], ind[key]["change"]

    assert pair("actors") == (4, 4, 0)
    assert pair("relations") == (2, 3, 1)
    # 2001 ties: npo–council, shop–council. 2004: npo–council, ward–npo, school–council, school–npo (festival).
    assert pair("ties") == (2, 4, 2)
    assert pair("density") == (
        pytest.approx(0.3333, abs=1e-4),
        pytest.approx(0.6667, abs=1e-4),
        pytest.approx(0.3333, abs=1e-4),
    )
    assert pair("components") == (2, 1, -1)  # the ward office was alone in 2001
    assert pair("isolates") == (1, 0, -1)
    # 2004 clustering: council 1, school 1, npo 1/3, ward 0 → 0.5833.
    assert pair("avg_clustering") == (0.0, pytest.approx(0.5833, abs=1e-4), pytest.approx(0.5833, abs=1e-4))
    # Freeman: 2001 degrees 2,1,1,0 → 4/6; 2004 degrees 2,2,3,1 → 4/6.
    assert pair("degree_centralisation") == (pytest.approx(0.6667, abs=1e-4),) * 2 + (0.0,)
    assert ind["top_bridge"] == {"from": "town-council", "to": "town-npo", "change": None}
    assert pair("top_bridge_share") == (1.0, 1.0, 0.0)
    # 2001: the council alone holds npo and shop. 2004: the npo holds the ward office alone; the ward's subsidy
    # began with the festival (both 2003), so it is not the festival's contact with government (a tie counts when
    # it stood before the project began: analysis.risk._contact_tie), and the ward office is no further point of failure.
    assert pair("single_points_of_failure") == (1, 1, 0)
    assert pair("formal_share") == (0.0, pytest.approx(0.3333, abs=1e-4), pytest.approx(0.3333, abs=1e-4))
    assert ind["actors_by_sector"]["change"]["company"] == -1
    assert ind["actors_by_sector"]["change"]["school"] == 1
    # No source date: the last year is the latest named one, never past the year asked for.
    assert pair("last_year") == (2001, 2003, 2)


def test_dream_heights_before_and_after_flat_station():
    # 協働の事例⑤: the three groups opened ふらっとステーション・ドリーム as a 2006–2007 model project.
    d = diff_graphs(graph_from_names(["dream-heights"], year=2005), graph_from_names(["dream-heights"], year=2007))
    assert "dream-heights-flat-station" in [a["id"] for a in d["actors_gained"]]
    assert {
        ("dream-heights-muumin", "founded"),
        ("dream-heights-kyushoku", "founded"),
        ("dream-heights-fureai", "founded"),
    } <= {(r["from"], r["type"]) for r in d["relations_gained"]}
    assert "dream-heights-model-project" in [p["id"] for p in d["projects_gained"]]
    assert d["indicators"]["density"]["change"] > 0
    assert d["indicators"]["components"]["change"] < 0


def test_cli(runner, town_path):
    result = runner.invoke(cli, ["diff", str(town_path), "--from", "2001", "--to", "2004", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {
        "actors_gained",
        "actors_lost",
        "relations_gained",
        "relations_lost",
        "projects_gained",
        "projects_lost",
        "indicators",
    } <= set(data)
    result = runner.invoke(cli, ["diff", str(town_path), "--from", "2001", "--to", "2004", "--lang", "en"])
    assert result.exit_code == 0
    assert "Town School" in result.stdout and "Town Shops" in result.stdout and "Density" in result.stdout
    result = runner.invoke(
        cli, ["diff", str(town_path), "--from", "2001", "--to", "2004", "--format", "csv", "--lang", "en"]
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert {"kind": "actor", "change": "gained", "id": "town-school"}.items() <= rows[0].items()
    assert any(r["id"] == "density" and r["change"] == "changed" for r in rows)
    bad = runner.invoke(cli, ["diff", str(town_path), "--from", "2004", "--to", "2001", "--lang", "en"])
    assert bad.exit_code == 1 and "earlier year" in bad.stderr
    assert runner.invoke(cli, ["diff", str(town_path), "--from", "2001"]).exit_code == 2
