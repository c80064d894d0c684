"""The HTML maps in a real browser: Debian's chromium driven by Playwright, with every non-file request blocked.

Checks, for every bundled map: the network drew the expected nodes and edges, nothing but the map file itself
was requested, no console error, the page was ready within 2 s of navigation start. Then: hostile text in the
data shows literally and runs no script; 1,000 actors open within 2 s; search, the sector filter and
click-to-highlight work. Screenshots go to ``test-artifacts/`` (git-ignored).

Skipped when /usr/bin/chromium or playwright is missing, except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.load import district_cases
from kyodo_network.render.mapmodel import map_model
from kyodo_network.render.maps import write_map

from _browser import ALLOWED, ARGS, BROWSER_MARKS, CHROMIUM, MISSING, sync_playwright

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
HOSTILE = Path(__file__).parent / "data" / "maps" / "hostile.yaml"
READY_MS = 2000

pytestmark = BROWSER_MARKS


# --------------------------------------------------------------------------- fixtures


#: Milliseconds from navigation start to the page's ready signal, by file name; saved to test-artifacts/.
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if MISSING:
        pytest.fail("browser tests cannot run: " + "; ".join(MISSING))
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1400, "height": 900},
            device_scale_factor=1,
        )
        yield context
        context.close()
    if TIMINGS:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "browser-timings.json").write_text(
            json.dumps(TIMINGS, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )


class Visit:
    """A page opened on a map file, recording requests, blocked requests and console errors."""

    def __init__(self, context, path: Path):
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_function("window.kyodoReady !== undefined", timeout=15000)
        self.ready_ms = self.page.evaluate("window.kyodoReady")
        TIMINGS[path.name] = round(self.ready_ms)

    def _route(self, route):
        url = route.request.url
        if url.split(":", 1)[0].lower() in ALLOWED:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def assert_clean(self) -> None:
        assert self.blocked == []
        assert [u for u in self.requests if u.split(":", 1)[0].lower() not in ALLOWED] == []
        assert [u for u in self.requests if u.startswith("file:")] == [self.url]  # no lib/ folder, nothing else
        assert self.errors == []

    def node_point(self, node_id: str) -> tuple[float, float]:
        box = self.page.locator("#map").bounding_box()
        p = self.js(f"network.canvasToDOM(network.getPositions([{node_id!r}])[{node_id!r}])")
        return box["x"] + p["x"], box["y"] + p["y"]

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def bundled_maps(tmp_path_factory):
    """Each map ``kyodo map`` writes with no CASE, plus the yokohama-city directory, with expected counts."""
    folder = tmp_path_factory.mktemp("maps")
    out = {}
    for case in [*district_cases(), "yokohama-city"]:
        G = graph_from_cases(load_cases([case]))
        model = map_model(G)
        out[case] = (write_map(model, folder / f"{case}.html"), G.number_of_nodes(), G.number_of_edges())
    return out


@pytest.fixture
def visit(browser):
    opened = []

    def open_(path: Path) -> Visit:
        v = Visit(browser, path)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


# --------------------------------------------------------------------------- every bundled map


@pytest.mark.parametrize("case", [*district_cases(), "yokohama-city"])
def test_bundled_map_draws_everything_offline_and_fast(case, bundled_maps, visit):
    path, n_nodes, n_edges = bundled_maps[case]
    v = visit(path)
    assert v.js("network.body.data.nodes.length") == n_nodes
    assert v.js("network.body.data.edges.length") == n_edges
    assert v.js("Object.keys(network.body.nodes).length") >= n_nodes
    assert v.ready_ms < READY_MS, f"ready after {v.ready_ms:.0f} ms"
    # The layout comes from Python: physics is off, so nothing moves after the first frame.
    assert v.js("network.physics.options.enabled") is False
    before = v.js("JSON.stringify(network.getPositions())")
    v.page.wait_for_timeout(200)
    assert v.js("JSON.stringify(network.getPositions())") == before
    assert v.js("document.getElementById('title').textContent") == v.js("document.title")
    v.screenshot(f"map-{case}.png")
    v.assert_clean()


# --------------------------------------------------------------------------- hostile data


def test_hostile_text_shows_literally_and_runs_nothing(tmp_path, visit):
    path = write_map(map_model(graph_from_cases(load_cases([HOSTILE]))), tmp_path / "hostile.html")
    v = visit(path)
    v.page.wait_for_timeout(200)
    assert v.js("typeof window.__pwned") == "undefined"
    assert v.js("document.querySelectorAll('img, iframe, b, i, a[href^=javascript]').length") == 0
    assert v.js("document.getElementById('title').textContent").startswith("</script><script>window.__pwned=2</script>")
    assert "window.__pwned=3" in v.js("document.getElementById('source').textContent")

    x, y = v.node_point("evil-npo")
    v.page.mouse.move(x, y)
    tip = v.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert "<img src=x onerror=window.__pwned=1>" in tip.inner_text()
    # innerText turns line breaks into <br>; nothing else may appear.
    assert v.js("[...document.querySelectorAll('div.vis-tooltip *')].map(e => e.tagName).filter(t => t !== 'BR')") == []

    v.page.mouse.click(x, y)
    details = v.page.locator("#details")
    text = details.inner_text()
    assert "<img src=x onerror=window.__pwned=1>" in text
    assert "</script><script>window.__pwned=2</script>" in text
    assert "<svg onload=window.__pwned=6>" in text
    assert v.js("document.querySelectorAll('#details *:not(h2):not(h3):not(p):not(dl):not(dt):not(dd)').length") == 0
    v.screenshot("map-hostile.png")
    assert v.js("typeof window.__pwned") == "undefined"
    v.assert_clean()


# --------------------------------------------------------------------------- 1,000 actors


def big_case(n: int = 1000, seed: int = 3) -> dict:
    """A made-up district of ``n`` actors, each tied to two of the 40 before it, plus some long ties."""
    rnd = random.Random(seed)
    sectors = ["neighbourhood", "npo", "company", "school", "government", "support", "council", "person"]
    types = ["agreement", "subsidy", "cooperation", "member", "advice", "coordination", "support", "information"]
    pairs = {tuple(sorted((i, j))) for i in range(1, n) for j in rnd.sample(range(max(0, i - 40), i), min(2, i))}
    pairs |= {tuple(sorted(rnd.sample(range(n), 2))) for _ in range(n // 2)}
    return {
        "format": "kyodo-case/1",
        "source": {"title": "生成したテストデータ", "date": "2024"},
        "district": {
            "id": "big-town",
            "name": "大きな町",
            "name_en": "Big town",
            "ward": "架空区",
            "ward_en": "Imaginary Ward",
            "city": "横浜市",
            "cite": "generated",
        },
        "actors": [
            {
                "id": f"actor-{i}",
                "name": f"団体{i}号",
                "name_en": f"Group {i}",
                "sector": sectors[i % 8],
                "cite": "generated",
            }
            for i in range(n)
        ],
        "relations": [
            {"from": f"actor-{a}", "to": f"actor-{b}", "type": rnd.choice(types), "cite": "generated"}
            for a, b in sorted(pairs)
        ],
    }


def test_a_thousand_actors_open_within_two_seconds(tmp_path, visit):
    src = tmp_path / "big.yaml"
    src.write_text(yaml.safe_dump(big_case(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    G = graph_from_cases(load_cases([src]))
    path = write_map(map_model(G), tmp_path / "big.html")
    v = visit(path)
    assert v.js("network.body.data.nodes.length") == 1000
    assert v.js("network.body.data.edges.length") == G.number_of_edges()
    assert v.ready_ms < READY_MS, f"ready after {v.ready_ms:.0f} ms"
    # Still responsive: a search over 1,000 names answers.
    v.page.fill("#search", "Group 999")
    assert v.js("window.kyodoFound") == ["actor-999"]
    v.screenshot("map-1000-actors.png")
    v.assert_clean()


# --------------------------------------------------------------------------- interaction


def test_search_by_japanese_or_english_name(bundled_maps, visit):
    v = visit(bundled_maps["nippa"][0])
    v.page.fill("#search", "coordinator s")
    assert v.js("window.kyodoFound") == ["coordinator-s"]
    assert v.js("network.getSelectedNodes()") == ["coordinator-s"]
    assert v.page.locator("#details h3").inner_text() == "コーディネーターSさん"
    v.page.fill("#search", "まちづくり協議会")
    assert v.js("window.kyodoFound") == ["nippa-council"]
    v.page.fill("#search", "ＰＴＡ")  # full-width letters find "PTA"
    assert "nippa-pta" in v.js("window.kyodoFound")
    v.page.fill("#search", "存在しない名前")
    assert v.page.locator("#search-status").inner_text() == "見つかりません"
    v.assert_clean()


def test_sector_filter_hides_and_shows_a_sector(bundled_maps, visit):
    v = visit(bundled_maps["nippa"][0])
    persons = {n for n, d in graph_from_cases(load_cases(["nippa"])).nodes(data=True) if d["sector"] == "person"}
    box = v.page.locator("input[data-sector=person]")
    box.uncheck()
    assert set(v.js("nodes.get({filter: n => n.hidden}).map(n => n.id)")) == persons
    v.screenshot("map-nippa-without-persons.png")
    box.check()
    assert v.js("nodes.get({filter: n => n.hidden}).length") == 0
    v.assert_clean()


def test_click_highlights_the_neighbourhood_and_shows_details(bundled_maps, visit):
    G = graph_from_cases(load_cases(["dream-heights"]))
    v = visit(bundled_maps["dream-heights"][0])
    v.page.mouse.click(*v.node_point("dream-heights-council"))
    expected = sorted({"dream-heights-council", *G["dream-heights-council"]})
    assert v.js("window.kyodoHighlighted") == expected
    assert v.page.locator("#details h3").inner_text() == G.nodes["dream-heights-council"]["name"]
    text = v.page.locator("#details").inner_text()
    for heading in ("セクター", "関係", "橋渡し", "出典"):
        assert heading in text
    dimmed = v.js("nodes.get().filter(n => n.color && n.color.background === '#eeeeee').map(n => n.id)")
    assert sorted(dimmed) == sorted(set(G) - set(expected))
    v.screenshot("map-dream-heights-selected.png")
    box = v.page.locator("#map").bounding_box()
    v.page.mouse.click(box["x"] + 8, box["y"] + 8)  # empty canvas clears the selection
    assert v.js("window.kyodoHighlighted") == []
    v.assert_clean()
