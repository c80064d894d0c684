"""The year slider of the offline HTML map (issue 22, item 4): the model, then the page in a real browser.

The model carries each node's and edge's years and the spans in which it stands; what stands in a year is checked
against the year view of the same data, ``graph_from_cases(..., year=Y)`` (the one year filter of the tool),
never against the model's own output pasted back. In Chromium, on ``kyodo map dream-heights``: before the tie
between the flat station and the ward office (2006–2007) it is hidden; in 2006 it shows, marked as new; the
counts change; in 2007 it is marked as ending; 「すべての年」 draws everything again. The page makes no request
and logs no error. Browser tests skip only where no browser exists, never under ``CI=true``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.cli import cli
from kyodo_network.lang import text
from kyodo_network.load import district_cases
from kyodo_network.render.mapmodel import map_model

from _browser import ALLOWED, BROWSER_MARKS, browser_fixture

CASES = [*district_cases(), "yokohama-city"]
TIE = "dream-heights-flat-station|totsuka-ward-office"  # cooperation, since 2006 until 2007
STATION = "dream-heights-flat-station"  # since 2006


def stands(spans, year: int) -> bool:
    return any((a is None or a <= year) and (b is None or b >= year) for a, b in spans)


def recorded_years(G) -> set[int]:
    found = [d for _, d in G.nodes(data=True)]
    found += [r for _, _, d in G.edges(data=True) for r in d["relations"]]
    found += list(G.graph["projects"].values())
    return {y for d in found for y in (d["since"], d["until"]) if y is not None}


# --------------------------------------------------------------------------- the model


def test_each_node_and_edge_carries_its_years():
    G = graph_from_cases(load_cases(["dream-heights"]))
    m = map_model(G)
    by_id = {n["id"]: n for n in m["nodes"]}
    for n in G:
        assert by_id[n]["years"] == [G.nodes[n]["since"], G.nodes[n]["until"]]
    edges = {e["id"]: e for e in m["edges"]}
    assert edges[TIE]["years"] == [[2006, 2007]]
    assert edges[TIE]["shown"] == [[2006, 2007]]
    # a tie of a shared project (2006–2007) and an undated relation: years of both
    founded = edges["dream-heights-muumin|dream-heights-flat-station"]
    assert sorted(founded["years"], key=str) == sorted([[None, None], [2006, 2007]], key=str)
    assert founded["shown"] == [[2006, None]]  # the flat station opened in 2006
    assert by_id[STATION]["shown"] == [[2006, None]]
    assert by_id["totsuka-ward-office"]["shown"] == [[None, None]]  # no year: present in every year


@pytest.mark.parametrize("view", ["actors", "projects"])
@pytest.mark.parametrize("case", CASES)
def test_what_stands_in_a_year_is_what_the_year_view_keeps(case, view):
    cases = load_cases([case])
    G = graph_from_cases(cases, view=view)
    m = map_model(G)
    years = recorded_years(graph_from_cases(cases))
    if len(years) < 2:
        assert m["years"] is None
        return
    assert (m["years"]["first"], m["years"]["last"]) == (min(years), max(years))
    assert [s["year"] for s in m["years"]["steps"]] == list(range(min(years), max(years) + 1))
    for step in m["years"]["steps"]:
        y = step["year"]
        Y = graph_from_cases(cases, view=view, year=y)
        assert {n["id"] for n in m["nodes"] if stands(n["shown"], y)} == set(Y)
        assert {frozenset((e["from"], e["to"])) for e in m["edges"] if stands(e["shown"], y)} == {
            frozenset(e) for e in Y.edges()
        }
        actors = sum(1 for _, d in Y.nodes(data=True) if d["kind"] == "actor")
        assert (step["actors"], step["ties"]) == (actors, Y.number_of_edges())
        if view == "actors":  # the projects view carries no relations: its undated count leaves them out
            assert step["subtitle"] == map_model(Y)["meta"]["subtitle"]
        before = graph_from_cases(cases, view=view, year=y - 1)
        after = graph_from_cases(cases, view=view, year=y + 1)
        assert step["new_ties"] == len({frozenset(e) for e in Y.edges()} - {frozenset(e) for e in before.edges()})
        assert step["ended_ties"] == len({frozenset(e) for e in Y.edges()} - {frozenset(e) for e in after.edges()})
        assert step["new_actors"] == sum(1 for n in Y if Y.nodes[n]["kind"] == "actor" and n not in before)
        assert step["ended_actors"] == sum(1 for n in Y if Y.nodes[n]["kind"] == "actor" and n not in after)


def test_the_undated_wording_is_the_year_views_own():
    m = map_model(graph_from_cases(load_cases(["dream-heights"])))
    step = next(s for s in m["years"]["steps"] if s["year"] == 2006)
    undated = graph_from_cases(load_cases(["dream-heights"]), year=2006).graph["undated"]
    n = sum(len(v) for v in undated.values())
    assert step["undated"] == n
    assert text("map.undated.many", "ja", n=n, year=2006) in step["subtitle"]
    assert step["label"] == "2006年時点"
    assert step["counts"] == text("map.year_counts", "ja", actors=step["actors"], ties=step["ties"])
    assert m["meta"]["subtitle"] == map_model(graph_from_cases(load_cases(["dream-heights"])))["meta"]["subtitle"]
    assert "年時点" not in m["meta"]["subtitle"]  # 「すべての年」: the subtitle as it always was


def _case(tmp_path: Path, years: list[tuple[int | None, int | None]]) -> Path:
    actors = [{"id": f"a{i}", "name": f"団体{i}", "sector": "npo", "cite": "test"} for i in range(3)]
    for a, (since, until) in zip(actors, years):
        a.update({k: v for k, v in (("since", since), ("until", until)) if v is not None})
    data = {
        "format": "kyodo-case/1",
        "source": {"title": "テスト", "date": "2024"},
        "district": {"id": "t", "name": "町", "ward": "区", "city": "横浜市", "cite": "test"},
        "actors": actors,
        "relations": [{"from": "a0", "to": "a1", "type": "cooperation", "cite": "test"}],
    }
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("years", "slider"),
    [
        ([], False),  # no year at all
        ([(2010, None)], False),  # one year
        ([(2010, 2010), (2010, None)], False),  # one year, named twice
        ([(2010, None), (None, 2012)], True),
    ],
)
def test_a_slider_only_for_two_years_or_more(tmp_path, years, slider):
    G = graph_from_cases(load_cases([_case(tmp_path, years)]))
    m = map_model(G)
    assert (m["years"] is not None) is slider
    assert all(n["shown"] is None for n in m["nodes"]) is not slider


def test_no_slider_on_a_year_view():
    assert map_model(graph_from_cases(load_cases(["dream-heights"]), year=2006))["years"] is None


@pytest.mark.parametrize("lang", ["ja", "en", "both"])
def test_the_slider_speaks_the_maps_language(lang):
    m = map_model(graph_from_cases(load_cases(["nippa"])), lang=lang)
    step = m["years"]["steps"][0]
    ja, en = text("map.all_years", "ja"), text("map.all_years", "en")
    assert m["ui"]["all_years"] == {"ja": ja, "en": en, "both": f"{ja} / {en}"}[lang]
    assert step["label"] == {"ja": "2000年時点", "en": "as of 2000", "both": "2000年時点 / as of 2000"}[lang]
    assert [x["mark"] for x in m["years"]["marks"]] == ["new", "ended"]


# --------------------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def dream_heights(tmp_path_factory) -> Path:
    """``kyodo map dream-heights`` as a coordinator runs it."""
    out = tmp_path_factory.mktemp("year-map") / "dream-heights.html"
    res = CliRunner().invoke(cli, ["map", "dream-heights", "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


browser = browser_fixture(1400, 900)


def _browser_test(test):
    for mark in BROWSER_MARKS:
        test = mark(test)
    return test


@_browser_test
def test_the_slider_hides_shows_and_marks_a_tie(browser, dream_heights, tmp_path):
    requests, blocked, errors = [], [], []
    page = browser.new_page()

    def route(r):
        if r.request.url.split(":", 1)[0].lower() in ALLOWED:
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(dream_heights.resolve().as_uri(), wait_until="load")
        page.wait_for_function("window.kyodoReady !== undefined", timeout=15000)
        G = graph_from_cases(load_cases(["dream-heights"]))
        slider = page.locator("#year")
        assert page.locator("#yearbar").is_visible()
        assert page.locator("#all-years").is_checked()  # every year, as the map always was
        assert page.evaluate("window.kyodoYear") is None
        assert page.evaluate("nodes.get({filter: n => n.hidden}).length") == 0
        assert page.evaluate("edges.get({filter: e => e.hidden}).length") == 0
        assert page.locator("#year-value").inner_text() == "すべての年"
        all_subtitle = page.locator("#subtitle").inner_text()

        def edge(prop: str):
            return page.evaluate(f"edges.get({TIE!r}).{prop}")

        base_width = page.evaluate(
            f"JSON.parse(document.getElementById('kyodo-data').textContent).edges.find(e => e.id === {TIE!r}).width"
        )

        slider.fill("2005")  # before the tie's since
        assert page.evaluate("window.kyodoYear") == 2005
        assert edge("hidden") is True
        assert page.evaluate(f"nodes.get({STATION!r}).hidden") is True
        assert not page.locator("#all-years").is_checked()
        assert page.locator("#year-value").inner_text() == "2005年時点"
        counts_2005 = page.locator("#year-counts").inner_text()
        Y = graph_from_cases(load_cases(["dream-heights"]), year=2005)
        assert counts_2005 == f"アクター{len(Y)}・つながり{Y.number_of_edges()}"
        assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") == len(Y)
        assert page.evaluate("edges.get({filter: e => !e.hidden}).length") == Y.number_of_edges()
        assert "2005年時点" in page.locator("#subtitle").inner_text()
        page.screenshot(path=str(tmp_path / "year-2005.png"))

        slider.fill("2006")  # the tie's first year
        assert edge("hidden") is False
        assert edge("width") > base_width  # bold
        assert edge("shadow.enabled") is True and edge("shadow.color") == "#ff7f00"
        assert page.evaluate(f"nodes.get({STATION!r}).color.border") == "#ff7f00"  # the station is new too
        assert page.evaluate("nodes.get('totsuka-ward-office').color.border") != "#ff7f00"  # undated: not new
        counts_2006 = page.locator("#year-counts").inner_text()
        assert counts_2006 != counts_2005
        Y = graph_from_cases(load_cases(["dream-heights"]), year=2006)
        assert counts_2006.startswith(f"アクター{len(Y)}・つながり{Y.number_of_edges()}")
        assert "その年に始まった" in counts_2006
        assert "年の記録がない" in page.locator("#subtitle").inner_text()  # the undated records, said once

        slider.focus()
        page.keyboard.press("ArrowRight")  # 2007: the tie's last year
        assert page.evaluate("window.kyodoYear") == 2007
        assert edge("hidden") is False
        assert edge("width") == base_width
        assert edge("shadow.color") != "#ff7f00" and edge("shadow.enabled") is True
        assert "その年で終わる" in page.locator("#year-counts").inner_text()

        page.keyboard.press("ArrowRight")  # the right end: every year again
        assert page.evaluate("window.kyodoYear") is None
        assert page.locator("#all-years").is_checked()
        assert page.evaluate("nodes.get({filter: n => n.hidden}).length") == 0
        assert page.evaluate("edges.get({filter: e => e.hidden}).length") == 0
        assert edge("width") == base_width and edge("shadow.enabled") is False
        assert page.locator("#subtitle").inner_text() == all_subtitle
        assert page.locator("#year-counts").inner_text() == ""

        page.locator("#all-years").uncheck()  # the latest year
        assert page.evaluate("window.kyodoYear") == 2007
        page.locator("#all-years").check()
        assert page.evaluate("window.kyodoYear") is None

        # positions never move
        before = page.evaluate("network.getPositions()")
        slider.fill("1990")
        after = page.evaluate("network.getPositions()")  # the nodes drawn
        assert after and all(after[n] == before[n] for n in after)
        assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") == sum(
            1 for _ in graph_from_cases(load_cases(["dream-heights"]), year=1990)
        )
        assert len(G) == page.evaluate("nodes.length")
    finally:
        page.close()
    assert blocked == []
    assert [u for u in requests if u.startswith("file:")] == [dream_heights.resolve().as_uri()]
    assert [u for u in requests if u.split(":", 1)[0].lower() not in ALLOWED] == []
    assert errors == []


@_browser_test
def test_a_selection_and_the_search_follow_the_year(browser, dream_heights):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        page.goto(dream_heights.resolve().as_uri(), wait_until="load")
        page.wait_for_function("window.kyodoReady !== undefined", timeout=15000)
        page.evaluate("kyodoSelect('totsuka-ward-office')")
        assert STATION in page.evaluate("window.kyodoHighlighted")
        page.locator("#year").fill("2005")
        assert STATION not in page.evaluate("window.kyodoHighlighted")  # hidden that year: not a neighbour
        assert "totsuka-ward-office" in page.evaluate("window.kyodoHighlighted")
        page.fill("#search", "ふらっと")
        assert page.evaluate("window.kyodoFound") == []
        assert page.locator("#search-status").inner_text() == "見つかりません"
        page.locator("#year").fill("2006")
        page.fill("#search", "")
        page.fill("#search", "ふらっと")
        assert STATION in page.evaluate("window.kyodoFound")
    finally:
        page.close()
    assert errors == []


@_browser_test
def test_a_map_without_years_has_no_slider(browser, tmp_path):
    from kyodo_network.render.maps import write_map

    path = write_map(map_model(graph_from_cases(load_cases(["akuwa-north"]))), tmp_path / "akuwa.html")
    page = browser.new_page()
    try:
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_function("window.kyodoReady !== undefined", timeout=15000)
        assert not page.locator("#yearbar").is_visible()
        assert page.evaluate("nodes.get({filter: n => n.hidden}).length") == 0
    finally:
        page.close()


@_browser_test
def test_a_year_answers_quickly_on_a_thousand_dated_actors(browser, tmp_path):
    import random
    import time

    from kyodo_network.render.maps import write_map
    from test_browser import big_case

    data, rnd = big_case(), random.Random(5)
    for record in data["actors"] + data["relations"]:
        if rnd.random() < 0.5:
            record["since"] = rnd.randint(1980, 2024)
    src = tmp_path / "big.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    cases = load_cases([src])
    path = write_map(map_model(graph_from_cases(cases)), tmp_path / "big.html")
    page = browser.new_page()
    try:
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_function("window.kyodoReady !== undefined", timeout=15000)
        start = time.monotonic()
        page.locator("#year").fill("2000")
        page.evaluate("new Promise(done => requestAnimationFrame(() => done()))")
        assert time.monotonic() - start < 1.0
        Y = graph_from_cases(cases, year=2000)
        assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") == len(Y)
        assert page.evaluate("edges.get({filter: e => !e.hidden}).length") == Y.number_of_edges()
    finally:
        page.close()
