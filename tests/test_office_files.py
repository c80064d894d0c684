"""Files as ward offices and coordinators really keep them, to a map and a report with one command and no edits.

The four files of :mod:`tests.office_files` — a ward office's 団体一覧 workbook, a Google-Forms survey saved as
CP932, a Kumu export in Japanese and a YAML file typed after one look at the README — are read as they are. What
each says (its actors and their 種別 words, ties, partners that are not rows, projects, years, the district's
name, a group that answered twice) is compared with the truth the builder states. (A date cell in Excel's
和暦 number format is tested elsewhere.)
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from kyodo_network.cli import cli

from office_files import BUILDERS, NOTHING, SURVEY_PARTNERS, Expected

KINDS = list(BUILDERS)


@pytest.fixture(scope="module", params=KINDS)
def built(request, tmp_path_factory) -> Expected:
    return BUILDERS[request.param](tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="module")
def survey(tmp_path_factory) -> Expected:
    return BUILDERS["survey"](tmp_path_factory.mktemp("survey-only"))


def _graph(path: Path):
    from kyodo_network.graph import graph_from_cases
    from kyodo_network.load import load_cases

    return graph_from_cases(load_cases([path]))


def _ids_by_name(G) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n, d in G.nodes(data=True):
        out.setdefault(d.get("name"), []).append(n)
    return out


def _one(G, name: str) -> str:
    ids = _ids_by_name(G).get(name, [])
    assert len(ids) == 1, f"{name!r}: {len(ids)} nodes (ids {ids})"
    return ids[0]


# ---- the builders themselves: the files hold what the truth says (fails here mean a bug in the fixture) ----


def test_the_ward_workbook_is_laid_out_as_an_office_keeps_it(tmp_path):
    e = BUILDERS["ward-list"](tmp_path)
    book = openpyxl.load_workbook(e.path)
    assert book.sheetnames == ["団体一覧", "事業一覧"]
    ws = book["団体一覧"]
    assert "A1:I1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A1"].value.startswith("野庭地区") and all(c.value is None for c in ws[2])
    assert [c.value for c in ws[3]][:3] == ["No.", "団体名", "種別"]
    [kind_merge] = [r for r in ws.merged_cells.ranges if r.min_col == r.max_col == 3]
    assert kind_merge.max_row - kind_merge.min_row == 5 and ws.cell(kind_merge.min_row, 3).value == "町内会"
    names = [ws.cell(r, 2).value for r in range(4, ws.max_row + 1)]
    assert len(names) == len(e.categories) == 44 and set(names) == set(e.categories)
    [dated] = [c.row for c in ws["H"] if isinstance(c.value, datetime)]
    assert e.years[ws.cell(dated, 2).value] == 1998
    cells = [ws.cell(r, 7).value for r in range(4, ws.max_row + 1)]
    assert "野庭小・子育てサロン・ぽかぽか・野庭コミュニティハウス" in cells and "なし" in cells and None in cells
    projects = [row for row in book["事業一覧"].iter_rows(min_row=2, values_only=True)]
    assert [p[0] for p in projects].count("野庭ふれあい祭り") == 3
    assert {"港南区地域振興課", "港南警察署", "港南区福祉保健課"} == e.new_actors
    assert "港南区地域振興課" in e.projects["野庭ふれあい祭り"] and len(e.projects) == 3


def test_the_survey_is_cp932_with_line_breaks_inside_cells(tmp_path):
    e = BUILDERS["survey"](tmp_path)
    raw = e.path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("cp932"), newline="")))
    assert rows[0][3] == SURVEY_PARTNERS and len(rows) == 27
    assert any("\n" in r[3] for r in rows[1:]) and any("，" in r[3] for r in rows[1:])
    assert [r[1] for r in rows].count("ひのみなみ子育てネット") == 1
    assert len(e.categories) == 25 and e.merged == {"NPO法人 ひのみなみ子育てネット": {"ひのみなみ子育てネット"}}


def test_the_kumu_book_and_the_yaml_hold_what_their_truth_says(tmp_path):
    k = BUILDERS["kumu"](tmp_path)
    book = openpyxl.load_workbook(k.path)
    labels = [r[0] for r in book["Elements"].iter_rows(min_row=2, values_only=True)]
    assert set(labels) == set(k.categories) and len(labels) == 30
    ends = {x for r in book["Connections"].iter_rows(min_row=2, values_only=True) for x in r[:2]}
    assert ends - set(labels) == k.new_actors == {"フードバンクこうなん"}
    y = BUILDERS["casual-yaml"](tmp_path)
    text = y.path.read_text(encoding="utf-8")
    assert "format:" not in text and text.count("上永谷すずらん回") == 1 and len(y.categories) == 25
    assert frozenset(("上永谷すずらん会", "上永谷地域ケアプラザ")) in y.ties


# ---- validate shows what it understood ----


def test_validate_says_what_it_read(runner, built):
    result = runner.invoke(cli, ["validate", str(built.path)])
    said = result.stdout + result.stderr
    assert result.exit_code == 0, said
    missing = [w for w in (*built.shown, *sorted(built.new_actors)) if w not in said]
    assert not missing, f"not mentioned: {missing}\n{said}"


# ---- the library: the network the file describes ----


def test_every_actor_once_with_its_own_word(built):
    G = _graph(built.path)
    by_name = _ids_by_name(G)
    absent = sorted(n for n in built.actors if len(by_name.get(n, [])) != 1)
    wrong = {}
    for name, word in built.categories.items():
        if name in absent:
            continue
        d = G.nodes[by_name[name][0]]
        if word == "その他":
            ok = d.get("category") in (None, "その他") and d["sector"] == "other"
        else:
            ok = d.get("category") == word
        if not ok:
            wrong[name] = (word, d.get("category"), d["sector"])
    assert (absent, wrong) == ([], {}), f"not exactly one node: {[(n, by_name.get(n, [])) for n in absent]}"


def test_every_tie_the_file_states_is_an_edge(built):
    G = _graph(built.path)
    by_name = _ids_by_name(G)

    def joined(u: str, v: str) -> bool:
        return any(G.has_edge(a, b) or G.has_edge(b, a) for a in by_name.get(u, []) for b in by_name.get(v, []))

    missing = sorted(tuple(sorted(t)) for t in built.ties if not joined(*t))
    assert not missing, f"{len(missing)} of {len(built.ties)} ties missing: {missing}"


def test_partners_that_are_not_rows_become_actors_of_their_own(built):
    G = _graph(built.path)
    by_name = _ids_by_name(G)
    got = {n: [G.nodes[i]["sector"] for i in by_name.get(n, [])] for n in built.new_actors}
    assert got == {n: ["other"] for n in built.new_actors}


def test_projects_once_each_with_their_participants(built):
    G = _graph(built.path)
    projects = list(G.graph.get("projects", {}).values())
    got = {}
    for name in built.projects:
        same = [p for p in projects if p["name"] == name]
        assert len(same) == 1, f"{name}: {len(same)} projects"
        got[name] = {G.nodes[x["id"]]["name"] for x in same[0]["participants"]}
    assert got == built.projects


def test_years_as_written(built):
    G = _graph(built.path)
    got = {name: G.nodes[_one(G, name)]["since"] for name in built.years}
    assert got == built.years


def test_the_district_is_named(built):
    G = _graph(built.path)
    assert G.graph["districts"][0]["name"] == built.district_name


def test_words_for_nothing_are_nothing(built):
    G = _graph(built.path)
    names = set(_ids_by_name(G))
    assert not names & set(NOTHING)
    said = {w for _, d in G.nodes(data=True) for w in (*d.get("needs", ()), *d.get("offers", ()))}
    assert not said & set(NOTHING)


def test_a_group_that_answered_twice_is_one_actor(survey):
    G = _graph(survey.path)
    by_name = _ids_by_name(G)
    for kept, others in survey.merged.items():
        assert not [o for o in others if o in by_name], sorted(by_name)
        node = _one(G, kept)
        partners = {G.nodes[n]["name"] for n in G.neighbors(node)}
        expected = {n for t in survey.ties if kept in t for n in t if n != kept}
        assert expected <= partners, sorted(expected - partners)


# ---- one command each, no edits ----


def test_map(runner, built, tmp_path):
    out = tmp_path / "out" / "map.html"
    result = runner.invoke(cli, ["map", str(built.path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_report(runner, built, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["report", str(built.path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert list(out.rglob("*.html"))


def test_public_map_hides_contacts(runner, built, tmp_path):
    out = tmp_path / "pub" / "map.html"
    result = runner.invoke(cli, ["map", str(built.path), "--public", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert [t for t in built.private_texts if t in html] == []
