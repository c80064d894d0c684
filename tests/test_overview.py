"""The district overview that ``kyodo map`` draws for large networks, and its detail maps."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kyodo_network.render.overview import district_groups, overview_model, write_overview

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

CHROMIUM = Path("/usr/bin/chromium")


def city_graph(n: int = 60) -> nx.Graph:
    G = nx.Graph(
        name="テスト市",
        name_en="Test city",
        districts=[
            {"id": f"d{k}", "name": f"第{k}地区", "name_en": f"District {k}", "ward": "港南区"} for k in range(3)
        ],
    )
    for i in range(n):
        G.add_node(f"a{i}", district=f"d{i % 3}", sector="npo", name=f"団体{i}", name_en=f"Actor {i}", kind="actor")
    for i in range(n):
        G.add_edge(f"a{i}", f"a{(i + 3) % n}", weight=1)  # inside a district
    G.add_edge("a0", "a1", weight=2)
    G.add_edge("a1", "a2", weight=1)
    return G


def test_one_group_per_district_sized_and_linked_by_ties():
    G = city_graph()
    m = overview_model(G)
    assert {g["id"]: g["actors"] for g in m["groups"]} == {"d0": 20, "d1": 20, "d2": 20}
    expected = Counter(
        tuple(sorted((G.nodes[u]["district"], G.nodes[v]["district"])))
        for u, v in G.edges()
        if G.nodes[u]["district"] != G.nodes[v]["district"]
    )
    assert {(x["a"], x["b"]): x["ties"] for x in m["links"]} == dict(expected)
    assert [g["name"] for g in m["groups"]] == ["第0地区", "第1地区", "第2地区"]


def test_communities_stand_in_when_districts_are_missing():
    G = nx.disjoint_union(nx.complete_graph(8), nx.complete_graph(8))
    G.add_edge(0, 8)
    groups = district_groups(G)
    assert len(set(groups.values())) == 2 and groups == district_groups(G)
    assert len({groups[i] for i in range(8)}) == 1


def test_write_overview_links_every_district_map(tmp_path):
    written = write_overview(city_graph(), tmp_path / "city.html")
    page = written[-1].read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+)">', page)
    assert sorted(hrefs) == ["city-districts/d0.html", "city-districts/d1.html", "city-districts/d2.html"]
    assert all((tmp_path / h).is_file() for h in hrefs)
    assert "<script" not in page


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI") != "true", reason="/usr/bin/chromium is missing")
def test_overview_of_a_synthetic_city_opens_fast_and_links_work(tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    from city import write_city

    from kyodo_network import graph_from_cases, load_cases

    G = graph_from_cases(load_cases(write_city(1600, tmp_path / "city", seed=3)))
    written = write_overview(G, tmp_path / "out" / "city.html")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.goto(written[-1].resolve().as_uri(), wait_until="load")
        ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        assert ms < 3000
        districts = {d for _, d in G.nodes(data="district")}
        assert page.locator("circle").count() == len(districts)
        page.locator("a").first.click()
        page.wait_for_load_state("load")
        # Poll from Python: wait_for_function compiles its predicate inside the page, which the map's
        # Content-Security-Policy (no eval) may refuse; page.evaluate goes through the debugger protocol.
        import time

        deadline = time.monotonic() + 15
        while not page.evaluate("window.kyodoReady !== undefined"):
            assert time.monotonic() < deadline, "the district map never became ready"
            time.sleep(0.05)
        assert page.url.endswith(".html") and "city-districts" in page.url
        browser.close()


def test_district_maps_shared_among_processes_are_the_same_bytes(tmp_path, monkeypatch):
    from kyodo_network.analysis import _parallel
    from kyodo_network.render import overview

    G = city_graph(90)
    monkeypatch.setattr(overview, "PARALLEL_MAPS", 10**9)
    alone = {p.name: p.read_bytes() for p in write_overview(G, tmp_path / "a" / "city.html")}
    monkeypatch.setattr(overview, "PARALLEL_MAPS", 1)
    monkeypatch.setattr(_parallel, "cores", lambda: 2)
    shared = {p.name: p.read_bytes() for p in write_overview(G, tmp_path / "b" / "city.html")}
    assert shared == alone and len(shared) == 4


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_a_city_on_paper_is_its_overview(tmp_path, fmt, monkeypatch):
    """Above OVERVIEW_MIN actors `kyodo map --format png|svg|pdf` draws the districts, not every actor."""
    from click.testing import CliRunner

    from kyodo_network.cli import cli
    from kyodo_network.render import overview

    src = Path(__file__).parent / "data" / "valid"
    files = [str(src / "hills.yaml"), str(src / "river.yaml")]  # 9 actors
    whole = tmp_path / f"whole.{fmt}"
    assert CliRunner().invoke(cli, ["map", *files, "-o", str(whole)]).exit_code == 0
    monkeypatch.setattr(overview, "OVERVIEW_MIN", 5)
    out = tmp_path / f"city.{fmt}"
    result = CliRunner().invoke(cli, ["map", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = out.read_bytes()
    assert body != whole.read_bytes()
    assert body[:4] in (b"\x89PNG", b"<?xm", b"%PDF")
    if fmt == "pdf":  # the PDF keeps its text: the overview's title, not the map of every actor
        import io

        from pypdf import PdfReader

        assert "地区ごとの全体図" in PdfReader(io.BytesIO(body)).pages[0].extract_text()
    assert not list(tmp_path.glob("*-districts"))  # no folder of district maps on paper
