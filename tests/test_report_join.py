"""``kyodo report my-district.xlsx my-district-tonight.yaml``: tonight's changes join their district's page (issue
22); ``--join`` makes any CASEs one page."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.load import bundled_cases

TONIGHT = """format: kyodo-case/1
district: {id: nippa-tonight, name: 新羽（今夜の変更）}
actors:
  - {id: nippa-council, name: 新羽駅周辺地区まちづくり協議会, sector: council}
  - {name: みどりカフェ, sector: 任意団体}
relations:
  - {from: みどりカフェ, to: nippa-council, type: 協働}
"""


def test_tonights_file_joins_its_district(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(bundled_cases()["nippa"], tmp_path / "nippa.yaml")
    (tmp_path / "nippa-tonight.yaml").write_text(TONIGHT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "nippa.yaml", "nippa-tonight.yaml", "-o", "out/"])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "out").glob("*-report.html"))
    assert pages == ["nippa-report.html"]  # one page, not one per file
    assert "みどりカフェ" in (tmp_path / "out" / "nippa-map.html").read_text(encoding="utf-8")


def test_join_makes_one_page_of_any_cases(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", "nippa", "akuwa-north", "--join", "-o", "out/"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*-report.html"))) == 1
