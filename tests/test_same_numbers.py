"""The same numbers everywhere (issue 11, item 8): datasets, info and compare count actors, relations, projects and
years the same way for every bundled case; the actors are the graph's nodes (own actors plus the included ones
the case refers to)."""

import json

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.load import bundled_cases, load_cases

CASES = sorted(bundled_cases())


def _json(*args):
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def datasets():
    return {r["id"]: r for r in _json("datasets")}


@pytest.mark.parametrize("case", CASES)
def test_datasets_info_and_compare_agree(case, datasets):
    info = _json("info", case)[0]
    compare = _json("compare", case)[0]
    d = datasets[case]
    assert d["actors"] == info["actors"] == compare["actors"]
    assert d["relations"] == info["relations"] == compare["relations"]
    assert d["projects"] == info["projects"] == compare["projects"]
    assert info["years"] == ([compare["first_year"], compare["last_year"]] if compare["first_year"] else None)
    # Counted independently: the case's own actors plus the included actors one of its records refers to.
    (c,) = load_cases([case])
    own = {a.id for a in c.actors}
    used = {r.source for r in c.relations} | {r.target for r in c.relations}
    used |= {x.id for p in c.projects for x in p.participants}
    included = {a.id for inc in c.includes for a in inc.actors}
    assert d["actors"] == len(own | (included & used))


def test_dream_heights_counts_the_included_city_body(datasets):
    assert datasets["dream-heights"]["actors"] == 11  # 10 own actors + the city's 市民協働推進事業本部
    assert _json("info", "konandai-playpark")[0]["years"] == [2005, 2010]
