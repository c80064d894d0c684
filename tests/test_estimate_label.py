"""Where betweenness is estimated (a network above EXACT_MAX actors), every output says so, and what the method
guarantees.

The bound is lowered for the test so that a bundled case counts as "large"; the estimate is then KADABRA's, as on
a city (ε 0.002, δ 0.1: 「90%以上の確率で…±0.002以内」)."""

from __future__ import annotations

import json

import pytest

from kyodo_network.analysis import centrality
from kyodo_network.cli import cli


@pytest.fixture
def small_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(centrality, "EXACT_MAX", 10)


def test_bridges_table_says_estimate_in_both_languages(runner, small_bound):
    ja = runner.invoke(cli, ["bridges", "nippa", "--top", "3"])
    assert ja.exit_code == 0, ja.output
    assert "※媒介中心性は推定値です（KADABRA法）" in ja.stdout
    assert "90%以上の確率で、どの主体の値も正確な値との差が±0.002以内です" in ja.stdout
    en = runner.invoke(cli, ["bridges", "nippa", "--top", "3", "--lang", "en"])
    assert "betweenness is an estimate (KADABRA method)" in en.stdout
    assert "With probability at least 90%, every actor's value is within ±0.002 of the exact value" in en.stdout


def test_networkx_reference_says_it_has_no_bound(runner, small_bound, monkeypatch):
    monkeypatch.setenv("KYODO_ENGINE", "networkx")
    ja = runner.invoke(cli, ["bridges", "nippa", "--top", "3"])
    assert ja.exit_code == 0, ja.output
    assert "（networkx の参照計算）" in ja.stdout and "誤差の幅の保証はありません" in ja.stdout
    assert "±" not in ja.stdout


def test_bridges_json_and_csv_carry_the_flag(runner, small_bound):
    rows = json.loads(runner.invoke(cli, ["bridges", "nippa", "--format", "json"]).stdout)
    assert rows and all(r["betweenness_estimated"] is True for r in rows)
    csv = runner.invoke(cli, ["bridges", "nippa", "--format", "csv", "--lang", "en"]).stdout
    header, first = csv.lstrip("\ufeff").splitlines()[:2]
    col = header.split(",").index("betweenness_estimated")  # English CSV headers are the keys
    assert first.split(",")[col] == "true"
    ja = runner.invoke(cli, ["bridges", "nippa", "--format", "csv"]).stdout
    assert "媒介中心性は推定値" in ja.splitlines()[0]


def test_exact_networks_say_nothing(runner):
    out = runner.invoke(cli, ["bridges", "nippa", "--top", "3"]).stdout
    assert "推定値" not in out
    rows = json.loads(runner.invoke(cli, ["bridges", "nippa", "--format", "json"]).stdout)
    assert not any(r["betweenness_estimated"] for r in rows)


def test_coordinators_say_estimate(runner, small_bound):
    out = runner.invoke(cli, ["coordinators", "nippa"]).stdout
    assert "※媒介中心性は推定値です" in out


def test_map_tooltips_say_estimate(small_bound):
    from kyodo_network.graph import graph_from_names
    from kyodo_network.render.mapmodel import map_model

    model = map_model(graph_from_names(["nippa"]))
    text = json.dumps(model, ensure_ascii=False)
    assert "（推定値：90%以上の確率で正確な値との差±0.002以内）" in text
