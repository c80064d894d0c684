"""The analysis commands on bundled data: bridges, coordinators, whatif, risks."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kyodo_network.cli import cli
from kyodo_network.render.text import display_width

BRIDGE_FIELDS = {
    "id",
    "name",
    "sector",
    "score",
    "betweenness",
    "articulation",
    "cut_off",
    "constraint",
    "effective_size",
    "brokerage",
    "sectors_bridged",
    "explanation",
}


def run(runner, *args):
    result = runner.invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result


def test_bridges_json_fields(runner):
    result = run(runner, "bridges", "nippa", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert BRIDGE_FIELDS <= set(rows[0])
    assert set(rows[0]["brokerage"]) == {"coordinator", "itinerant", "boundary", "liaison", "total"}
    assert set(rows[0]["explanation"]) == {"ja", "en"}
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    s = next(r for r in rows if r["id"] == "coordinator-s")
    assert s["name"] == "コーディネーターSさん"


def test_bridges_directed_reports_five_roles(runner):
    rows = json.loads(run(runner, "bridges", "nippa", "--directed", "--format", "json").stdout)
    assert set(rows[0]["brokerage"]) == {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}


def test_bridges_english_names_and_top(runner):
    rows = json.loads(run(runner, "bridges", "dream-heights", "--lang", "en", "--top", "2", "--format", "json").stdout)
    assert len(rows) == 2
    assert rows[0]["name"] == rows[0]["name_en"]


def test_bridges_csv_opens_in_excel(runner):
    out = run(runner, "bridges", "akuwa-north", "--format", "csv", "--lang", "en").stdout
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0]["id"] == "seya-support-team"
    assert {"boundary", "liaison", "total", "explanation_ja", "explanation_en"} <= set(rows[0])


def test_bridges_table_lines_up_with_japanese(runner):
    out = run(runner, "bridges", "nippa").stdout
    lines = out.splitlines()
    rule = lines[1]
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
    for line in lines[2:]:
        if not line.strip():
            break
        # The score column starts at the same display column in every row.
        col = starts[3]
        prefix_width = 0
        for i, ch in enumerate(line):
            if prefix_width >= col:
                break
            prefix_width += display_width(ch)
        assert prefix_width == col
    assert "コーディネーターSさん" in out


def test_bridges_year(runner):
    rows = json.loads(run(runner, "bridges", "dream-heights", "--year", "2000", "--format", "json").stdout)
    assert "dream-heights-flat-station" not in {r["id"] for r in rows}


def test_coordinators_persons_first(runner):
    rows = json.loads(run(runner, "coordinators", "nippa", "--format", "json").stdout)
    sectors = [r["sector"] for r in rows]
    assert sectors == sorted(sectors, key=lambda s: s != "person")
    s = next(r for r in rows if r["id"] == "coordinator-s")
    assert all({"a", "b", "only_path"} <= set(p) for p in s["pairs"])
    assert run(runner, "coordinators", "nippa").exit_code == 0


def test_whatif(runner):
    # ②: the サービス課 alone liaised with the ward's nurseries (「区内の保育園との連絡調整」)
    result = run(runner, "whatif", "kodomo-fudo", "--remove", "aoba-service-ka", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data["cut_off"]) == {"kodomo-fudo-nursery-schools"}
    assert data["components_after"] > data["components_before"]
    # ③: the people Sさん gathered met one another in the しかけ① 話し合い, so nobody is cut off (issue 21)
    data = json.loads(run(runner, "whatif", "nippa", "--remove", "coordinator-s", "--format", "json").stdout)
    assert data["cut_off"] == [] and data["components_after"] == data["components_before"]
    text = run(runner, "whatif", "nippa", "--remove", "coordinator-s").stdout
    assert "コーディネーターSさん がいなくなると" in text


def test_whatif_unknown_actor_is_a_clean_error(runner):
    result = run(runner, "whatif", "nippa", "--remove", "coordinator-z")
    assert result.exit_code == 1
    assert "coordinator-s" in result.stderr  # did you mean


def test_risks_csv_and_json(runner):
    rows = json.loads(run(runner, "risks", "kodomo-fudo", "--format", "json").stdout)
    assert rows[0]["id"] == "aoba-service-ka"
    out = run(runner, "risks", "kodomo-fudo", "--format", "csv", "--lang", "en").stdout
    assert next(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))["sector"] == "government"


@pytest.mark.parametrize("command", ["bridges", "coordinators", "risks"])
def test_unknown_case_is_a_usage_error(runner, command, monkeypatch):
    result = run(runner, command, "no-such-case")
    assert result.exit_code == 2
    assert "「no-such-case」というケースファイルも収録ケースもありません" in result.stderr  # Japanese by default
    monkeypatch.setenv("KYODO_LANG", "en")
    assert "no case file or bundled case named" in run(runner, command, "no-such-case").stderr


def test_whatif_csv_one_row_per_finding(runner):
    out = run(runner, "whatif", "kodomo-fudo", "--remove", "aoba-service-ka", "--format", "csv", "--lang", "en").stdout
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [r["id"] for r in rows if r["kind"] == "cut_off"] == ["kodomo-fudo-nursery-schools"]
    assert {"member", "coordination", "project:kodomo-fudo-support-net"} <= {
        r["detail"] for r in rows if r["kind"] == "relation_lost"
    }


def test_info_csv_spreads_sectors_and_types(runner):
    out = run(runner, "info", "dream-heights", "--format", "csv", "--lang", "en").stdout
    [row] = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert (row["actors"], row["actors_npo"], row["relations_member"], row["first_year"]) == ("11", "6", "6", "1972")


def test_unwritable_output_is_a_clean_error(runner, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run(runner, "map", "nippa", "-o", str(blocker / "map.html"))
    assert result.exit_code == 1
    assert "書き込めません" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "x"
