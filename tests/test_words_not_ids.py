"""Words, not ids, wherever a coordinator reads (issue 21, items 2 and 5).

- The Japanese report index, report pages, workbook export (アクター and 関係 sheets) and CSV export show sector,
  relation-type and visibility words (自治会町内会, 協力, 非公開), never their ids (``neighbourhood``, ``cooperation``,
  ``private``); ids stay in the JSON export and in the English CSV.
- 出典 is printed once: on each report page, each interactive map as the browser shows it, and each printable map.
- Every indicator a coordinator meets has its one line (:func:`~kyodo_network.analysis.wording.glossary`): in the
  report's indicator table, under the index's comparison, and in the map's legend (the ★ line is
  ``coordinator.mark``, the size and ring lines carry the measures' glosses).
- One word for one thing: 実効規模 and the Gould–Fernandez roles (内部調整・外部仲介・代表・門番・境界・連絡) in the
  export's headers as in the tables, E–I指数 everywhere, the report's coordinators in ``kyodo coordinators``'s words
  (「この人」 for persons only), and ``kyodo diff`` printing shares and densities with three decimals throughout.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re

import openpyxl
import pytest
from click.testing import CliRunner

from kyodo_network.analysis.compare import INDICATORS
from kyodo_network.analysis.wording import glossary
from kyodo_network.catalogue import ENTRIES
from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names
from kyodo_network.lang import text
from kyodo_network.load import district_cases
from kyodo_network.model import RELATION_TYPES, SECTORS
from kyodo_network.render.mapmodel import map_model
from kyodo_network.render.report import report_findings, report_html
from kyodo_network.render.static import static_bytes

from _browser import BROWSER_MARKS, browser_fixture

CASES = district_cases()
#: Every id a coordinator should never read in Japanese output.
IDS = set(SECTORS) | set(RELATION_TYPES) | {"project", "participation", "public", "internal", "private"}
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "boundary", "liaison")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """``kyodo report`` (every bundled district, Japanese) in a scratch folder: the outputs/ folder."""
    where = tmp_path_factory.mktemp("words-run")
    cwd = os.getcwd()
    os.chdir(where)
    try:
        res = CliRunner().invoke(cli, ["report"])
        assert res.exit_code == 0, res.output
    finally:
        os.chdir(cwd)
    return where / "outputs"


def _visible_text(page: str) -> str:
    """The text of an HTML page outside its style, script and pictures (matplotlib's SVG comments aside)."""
    page = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def _ids_in(words: str) -> set[str]:
    """The ids standing as words of their own in ``words`` (``npo``, not the ``npo`` of ``kyodo-npo-centre``)."""
    return {t for t in re.findall(r"[A-Za-z_]+(?:-[A-Za-z_]+)*", words) if t in IDS}


def _cell_ids(value: object) -> set[str]:
    """The ids that are a cell, or an item of a cell's list (「a、b」, ``a|b``)."""
    if not isinstance(value, str):
        return set()
    return {x.strip() for x in re.split(r"[|、,]", value) if x.strip() in IDS}


# --- the report index and pages ---------------------------------------------------------------------------------


def test_the_index_names_sectors_by_their_words(run):
    page = (run / "index.html").read_text(encoding="utf-8")
    shown = _visible_text(page)
    assert not _ids_in(shown), _ids_in(shown)
    for sid in ("neighbourhood", "npo", "government"):
        assert SECTORS[sid].short in shown
    assert text("col.sector", "ja") not in shown  # no 「セクター識別子」 column either


@pytest.mark.parametrize("case", CASES)
def test_the_report_page_has_no_id_of_a_sector_or_relation(run, case):
    shown = _visible_text((run / f"{case}-report.html").read_text(encoding="utf-8"))
    assert not _ids_in(shown), _ids_in(shown)


# --- exports ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_the_workbook_export_writes_words_in_the_actor_and_relation_sheets(tmp_path, case):
    res = CliRunner().invoke(cli, ["export", case, "-o", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 0, res.output
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    found = {}
    for sheet in ("アクター", "関係"):
        rows = list(book[sheet].iter_rows(values_only=True))
        found[sheet] = {v for row in rows for cell in row for v in _cell_ids(cell)}
        assert rows and len(rows) > 1
    assert found == {"アクター": set(), "関係": set()}, found
    actors = list(book["アクター"].iter_rows(values_only=True))
    column = actors[0].index("セクター")
    assert {r[column] for r in actors[1:]} <= {s.label for s in SECTORS.values()} | _categories(case)


def _categories(case: str) -> set[str]:
    return {d.get("category") for _, d in graph_from_names([case]).nodes(data=True) if d.get("category")}


@pytest.mark.parametrize("case", CASES)
def test_the_japanese_csv_writes_words_and_the_english_keeps_ids(tmp_path, case):
    G = graph_from_names([case])
    for lang in ("ja", "en"):
        res = CliRunner().invoke(cli, ["export", case, "--lang", lang, "-o", str(tmp_path / f"{lang}.csv")])
        assert res.exit_code == 0, res.output
    tables = {}
    for lang in ("ja", "en"):
        for part in ("nodes", "edges"):
            raw = (tmp_path / f"{lang}-{part}.csv").read_text(encoding="utf-8-sig")
            tables[lang, part] = list(csv.DictReader(io.StringIO(raw)))
    ja = {
        v for part in ("nodes", "edges") for row in tables["ja", part] for cell in row.values() for v in _cell_ids(cell)
    }
    assert not ja, ja
    assert {r["Sector"] for r in tables["en", "nodes"]} == {d["sector"] for _, d in G.nodes(data=True)}
    assert {r["セクター"] for r in tables["ja", "nodes"]} <= {s.short for s in SECTORS.values()}


def test_the_json_export_keeps_the_ids(tmp_path):
    import json

    res = CliRunner().invoke(cli, ["export", "nippa", "-o", str(tmp_path / "x.json")])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert {n["sector"] for n in data["nodes"]} <= set(SECTORS)


# --- 出典 once -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_the_source_is_printed_once_on_the_report_and_the_printable_map(run, case):
    """The report page (its map picture included: matplotlib writes each drawn text as a comment beside its
    paths) and ``kyodo map --format svg``."""
    assert (run / f"{case}-report.html").read_text(encoding="utf-8").count("出典") == 1
    assert static_bytes(map_model(graph_from_names([case])), fmt="svg").decode("utf-8").count("出典") == 1


browser = browser_fixture(1400, 900)


def _browser_test(test):
    for mark in BROWSER_MARKS:
        test = mark(test)
    return test


@pytest.mark.parametrize("case", CASES)
@_browser_test
def test_the_interactive_map_shows_the_source_once_and_the_star_rule(browser, run, case):
    page = browser.new_page()
    try:
        page.goto((run / f"{case}-map.html").resolve().as_uri(), wait_until="load")
        page.wait_for_function("() => document.getElementById('source').textContent.length > 0")
        shown = page.inner_text("body")
    finally:
        page.close()
    assert shown.count("出典") == 1, shown.count("出典")
    marks = [x["mark"] for x in map_model(graph_from_names([case]))["legend"]["marks"]]
    if "coordinator" in marks:  # the legend's ★ line, as kyodo coordinators prints it
        assert re.sub(r"\s+", "", text("coordinator.mark", "ja")) in re.sub(r"\s+", "", shown)


# --- glosses ---------------------------------------------------------------------------------------------------


def _indicator_rows(page: str) -> dict[str, str]:
    """The report's indicator table: the first cell of each row → the row's text."""
    section = re.search(r'<section id="indicators">(.*?)</section>', page, re.S).group(1)
    rows = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", section, re.S):
        cells = [
            html.unescape(re.sub(r"<[^>]+>", " ", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
        ]
        if cells:
            rows[cells[0]] = " ".join(cells[1:])
    return rows


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("case", ["nippa", "dream-heights"])
def test_every_indicator_of_the_report_has_its_gloss_in_its_row(case, lang):
    rows = _indicator_rows(report_html(graph_from_names([case]), lang=lang, map_svg="<svg></svg>"))
    lines = glossary(tuple(i.id for i in INDICATORS), lang)
    for ind, line in zip(INDICATORS, lines):
        name = ind.name_en if lang == "en" else ind.name
        word, meaning = line.split(": ", 1)
        assert name.lower().startswith(word.lower()), (name, word)  # the gloss is of the word the table prints
        assert name in rows, name
        assert meaning in rows[name], (name, rows[name])


def test_the_index_glosses_every_indicator(run):
    shown = _visible_text((run / "index.html").read_text(encoding="utf-8"))
    for line in glossary(tuple(i.id for i in INDICATORS), "ja"):
        assert line in shown, line


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_map_legend_says_what_each_mark_and_size_means(lang):
    m = map_model(graph_from_names(["nippa"]), lang=lang)
    marks = {x["mark"]: x["label"] for x in m["legend"]["marks"]}
    assert marks["coordinator"] == text("coordinator.mark", lang)
    assert glossary(("articulation",), lang)[0] in marks["articulation"]
    score, betweenness = glossary(("score", "betweenness"), lang)
    note = m["ui"]["size_note"].lower()
    assert score.lower() in note and betweenness.lower() in note


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_printed_legends_draw_the_glosses_whole(lang):
    """On paper too (``kyodo map``'s picture and the report's): matplotlib writes each drawn text as a comment."""
    from kyodo_network.render.static import handout_bytes

    m = map_model(graph_from_names(["nippa"]), lang=lang)
    lines = [text("coordinator.mark", lang), *glossary(("score", "articulation"), lang)]
    for svg in (static_bytes(m, fmt="svg"), handout_bytes(m, fmt="svg")):
        drawn = re.sub(r"\s+", "", " ".join(re.findall(r"<!-- (.*?) -->", svg.decode("utf-8"), re.S)))
        for line in lines:
            assert re.sub(r"\s+", "", line) in drawn, line


# --- one word for one thing ------------------------------------------------------------------------------------


def test_the_export_headers_say_the_tables_words():
    assert text("export.col.effective_size", "ja") == text("col.effective_size", "ja") == "実効規模"
    for role in ROLES:
        assert text(f"export.col.brokerage_{role}", "ja") == "仲介：" + text(f"col.{role}", "ja")
    assert [text(f"col.{r}", "ja") for r in ROLES] == ["内部調整", "外部仲介", "代表", "門番", "境界", "連絡"]
    for code, entry in ENTRIES.items():
        assert "実効サイズ" not in entry["ja"] and "E–I 指数" not in entry["ja"], code
    assert "E–I指数" in text("cli.compare.help", "ja")


@pytest.mark.parametrize("case", ["nippa", "akuwa-north", "kodomo-fudo"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_names_coordinators_as_kyodo_coordinators_does(case, lang):
    G = graph_from_names([case])
    f = report_findings(G)
    section = re.search(
        r'<section id="coordinators">(.*?)</section>',
        report_html(G, lang=lang, map_svg="<svg></svg>", findings=f),
        re.S,
    ).group(1)
    assert f"<h2>{html.escape(text('coordinator.heading', lang))}</h2>" in section
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert len(items) == len(f["coordinators"])
    for row, item in zip(f["coordinators"], items):
        this = text(f"coordinator.this.{row['role']}", lang)
        lead = text(f"coordinator.pairs.{row['role']}", lang, pairs="").strip(": ")
        if row["pairs"]:
            assert html.escape(lead) in item, (row["id"], item)
        if row["role"] != "coordinator":  # 「この人」 / "this person" for persons only
            assert text("coordinator.this.coordinator", lang) not in item, (row["id"], item)
        assert (this in item) == bool(row["pairs"]), (row["id"], item)
        assert ("★" in item) == row["marked"]


def test_diff_prints_shares_and_densities_with_three_decimals():
    out = CliRunner().invoke(cli, ["diff", "dream-heights", "--from", "2005", "--to", "2007"]).stdout
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert rows["密度"] == ["0.000", "0.327", "+0.327"]
    shares = [
        i.name
        for i in INDICATORS
        if i.id
        in (
            "density",
            "cross_sector_share",
            "ei_index",
            "avg_clustering",
            "degree_centralisation",
            "top_bridge_share",
            "formal_share",
        )
    ]
    for name in shares:
        for cell in rows[name]:
            if cell != "–":
                assert re.fullmatch(r"[+-]?\d+\.\d{3}", cell), (name, cell)
    assert rows["アクター数"] == ["8", "11", "+3"] and rows["最初の年"] == ["1972", "1972", "0"]
