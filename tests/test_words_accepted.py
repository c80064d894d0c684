"""The words the tool prints are words it accepts (issue 20): sector labels on --sector, a case by its district's
name, an actor by the part of its name the map's search finds, こども for 子ども."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names
from kyodo_network.load import bundled_cases, resolve_case
from kyodo_network.names import ActorIndex, resolve_actor


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("word", ["個人", "person", "Person", "個人（コーディネーター・職員・委員・専門家）"])
def test_a_sector_by_any_label_the_legend_shows(runner, tmp_path, word):
    out = tmp_path / "m.html"
    result = runner.invoke(cli, ["map", "nippa", "--sector", word, "-o", str(out)])
    assert result.exit_code == 0, result.output
    persons = {n for n, d in graph_from_names(["nippa"]).nodes(data=True) if d["sector"] == "person"}
    page = out.read_text(encoding="utf-8")
    assert persons and all(f'"{p}"' in page for p in persons)


def test_an_unknown_sector_word_is_refused_in_japanese(runner, tmp_path):
    result = runner.invoke(cli, ["map", "nippa", "--sector", "宇宙人", "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 1 and "「宇宙人」というセクターはありません" in result.output


@pytest.mark.parametrize(
    "name, case", [("新羽駅周辺まちづくり", "nippa"), ("ドリームハイツ", "dream-heights"), ("nippa", "nippa")]
)
def test_a_bundled_case_by_its_districts_name(name, case):
    assert resolve_case(name) == bundled_cases()[case]


def test_an_actor_by_the_part_of_its_name_the_search_finds(runner):
    G = graph_from_names(["nippa"])
    s = [n for n, d in G.nodes(data=True) if "Sさん" in d["name"]]
    assert resolve_actor(G, "Sさん") == s[0] and len(s) == 1
    result = runner.invoke(cli, ["whatif", "nippa", "--remove", "Sさん"])
    assert result.exit_code == 0 and "Sさん" in result.output


def test_kodomo_finds_kodomo_in_kanji_and_a_part_that_fits_two_is_never_guessed():
    ix = ActorIndex([("a", "上永谷子ども食堂", ""), ("b", "野庭町内会", ""), ("c", "野庭すずかけ会", "")])
    assert resolve_actor(ix, "こども食堂") == "a"
    with pytest.raises(LookupError):
        resolve_actor(ix, "野庭")
