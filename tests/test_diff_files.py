"""``kyodo diff OLD NEW``: two files of one district (last year's list and this year's, before and after tonight),
each read on its own — one may mark a person private and the other not (issue 22)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kyodo_network.cli import cli

LAST_YEAR = """format: kyodo-case/1
district: {name: みどり地区}
actors:
  - {name: みどり町内会, sector: 町内会}
  - {name: そらの会, sector: 任意団体}
  - {name: 山田さん, sector: 個人, visibility: private}
relations:
  - {from: みどり町内会, to: そらの会, type: 協働, since: 2023}
  - {from: 山田さん, to: そらの会, type: 協力}
"""
THIS_YEAR = """団体名,種別,主な連携先
みどり町内会,町内会,そらの会、ひかり食堂
そらの会,任意団体,
ひかり食堂,NPO法人,
山田さん,個人,そらの会
"""


def test_two_files_of_one_district(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "2023.yaml").write_text(LAST_YEAR, encoding="utf-8")
    (tmp_path / "2024.csv").write_text(THIS_YEAR, encoding="cp932")
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", "2023.yaml", "2024.csv", "--format", "json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert (d["file_from"], d["file_to"]) == ("2023.yaml", "2024.csv")
    assert [a["name"] for a in d["actors_gained"]] == ["ひかり食堂"] and d["actors_lost"] == []
    gained = {(r["from"], r["to"]) for r in d["relations_gained"]}
    assert ("みどり町内会", "ひかり食堂") in gained
    text = runner.invoke(cli, ["diff", "2023.yaml", "2024.csv"]).stdout
    assert "2023.yaml → 2024.csv" in text.splitlines()[0] and "ひかり食堂" in text


def test_one_case_without_years_is_a_usage_error_in_japanese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["diff", "nippa"])
    assert result.exit_code == 2 and "CASE 2つ" in result.output
