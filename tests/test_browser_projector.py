"""The HTML map on a projector (1024×768) and on paper, in a real browser (Debian's chromium through Playwright).

Checks: every label's box stays inside the canvas when the map opens (measured here: node positions from
``network.getPositions()`` and ``network.canvasToDOM``, label extents from the node's label font size and the text
width measured in the page, and vis-network's own bounding boxes as a second opinion); the panels fold, and start
folded at 1024 px; 「全体を表示」 brings the whole network back after a search; the label-size buttons change the
label size; Chromium's print to PDF is one A4 landscape page with the canvas drawn. Screenshots go to
``test-artifacts/`` (git-ignored). Every non-file request is blocked and recorded.

Skipped when /usr/bin/chromium or playwright is missing, except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.load import district_cases
from kyodo_network.render.mapmodel import map_model
from kyodo_network.render.maps import write_map

from _browser import ALLOWED, ARGS, BROWSER_MARKS, CHROMIUM, MISSING, sync_playwright

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
PROJECTOR = {"width": 1024, "height": 768}
CASES = [*district_cases(), "yokohama-city"]

pytestmark = BROWSER_MARKS

#: Every node's box and label box in DOM pixels of the canvas, computed in the page from vis-network's own data:
#: the position (getPositions → canvasToDOM), the node's size and label font (vis's merged options), the label's
#: lines measured with the same font; and vis-network's bounding box of the node with its label.
BOXES_JS = r"""() => {
  const ctx = document.createElement("canvas").getContext("2d");
  const pos = network.getPositions(), scale = network.getScale(), out = [];
  for (const id of Object.keys(pos)) {
    const n = network.body.nodes[id];
    if (!n || n.options.hidden) continue;
    const font = n.options.font, fs = font.size, label = n.options.label || "";
    ctx.font = fs + "px " + font.face;
    const lines = label ? label.split("\n") : [];
    const w = Math.max(0, ...lines.map(l => ctx.measureText(l).width)) + (font.strokeWidth || 0);
    const p = network.canvasToDOM(pos[id]), size = n.options.size;
    const top = lines.length ? p.y + (size + fs / 2 + 4) * scale : p.y + size * scale;
    const label_box = {left: p.x - w / 2 * scale, right: p.x + w / 2 * scale, top: top,
                       bottom: top + lines.length * fs * scale};
    const bb = network.getBoundingBox(id);
    const a = network.canvasToDOM({x: bb.left, y: bb.top}), b = network.canvasToDOM({x: bb.right, y: bb.bottom});
    out.push({id, label, x: p.x, y: p.y, r: size * scale, screen_px: fs * scale, label_box,
              vis_box: {left: a.x, top: a.y, right: b.x, bottom: b.y}});
  }
  const c = document.querySelector("#map canvas");
  return {boxes: out, width: c.clientWidth, height: c.clientHeight};
}"""


def outside(found: dict, *, key: str = "label_box", tolerance: float = 0.5) -> list[str]:
    """Ids of nodes whose box (``label_box``, ``vis_box``, or the node's own circle with ``key="node"``) leaves
    the canvas."""
    W, H = found["width"], found["height"]
    bad = []
    for n in found["boxes"]:
        box = (
            n[key]
            if key != "node"
            else {"left": n["x"] - n["r"], "right": n["x"] + n["r"], "top": n["y"] - n["r"], "bottom": n["y"] + n["r"]}
        )
        if (
            box["left"] < -tolerance
            or box["top"] < -tolerance
            or box["right"] > W + tolerance
            or box["bottom"] > H + tolerance
        ):
            bad.append(f"{n['id']} {[round(box[k]) for k in ('left', 'top', 'right', 'bottom')]} in {W}×{H}")
    return bad


# --------------------------------------------------------------------------- fixtures


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
            viewport=PROJECTOR,
            device_scale_factor=1,
        )
        yield context
        context.close()


@pytest.fixture
def open_map(browser):
    pages = []

    def open_(path: Path, viewport: dict = PROJECTOR):
        page = browser.new_page()
        pages.append(page)
        page.set_viewport_size(viewport)
        page.blocked, page.errors = [], []

        def route(r):
            if r.request.url.split(":", 1)[0].lower() in ALLOWED:
                r.continue_()
            else:
                page.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_function("window.kyodoReady !== undefined", timeout=15000)
        return page

    yield open_
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("projector-maps")
    out = {}
    for case in CASES:
        for lang in ("ja", "en"):
            out[case, lang] = write_map(
                map_model(graph_from_cases(load_cases([case])), lang=lang), folder / f"{case}-{lang}.html"
            )
    return out


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))
    return ARTIFACTS / name


def settle(page) -> None:
    """Wait for two animation frames (vis-network redraws on the next frame)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


# --------------------------------------------------------------------------- labels inside the canvas


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("case", CASES)
def test_every_label_is_inside_the_canvas_at_1024x768(case, lang, maps, open_map):
    page = open_map(maps[case, lang])
    found = page.evaluate(BOXES_JS)
    assert len(found["boxes"]) == len(graph_from_cases(load_cases([case])))
    assert found["width"] >= 1000  # panels folded: the canvas has the window's width
    assert outside(found, key="node") == []
    assert outside(found) == []
    assert outside(found, key="vis_box") == []
    # The labels are drawn (vis-network hides a label under 5 px on screen), and the view is not a thumbnail:
    # the network spans most of the canvas in one direction at least.
    assert min(n["screen_px"] for n in found["boxes"]) >= 5
    span_x = max(n["label_box"]["right"] for n in found["boxes"]) - min(n["label_box"]["left"] for n in found["boxes"])
    span_y = max(n["label_box"]["bottom"] for n in found["boxes"]) - min(n["vis_box"]["top"] for n in found["boxes"])
    assert span_x > 0.85 * found["width"] or span_y > 0.85 * found["height"]
    if lang == "ja" and case in ("nippa", "dream-heights"):
        shot(page, f"projector-{case}-1024-folded.png")
    # Unfolded, the network is fitted again into the narrower canvas.
    page.click("#fold-side")
    page.click("#fold-details")
    settle(page)
    found = page.evaluate(BOXES_JS)
    assert found["width"] < 500
    assert outside(found) == [] and outside(found, key="vis_box") == []
    if lang == "ja" and case in ("nippa", "dream-heights"):
        shot(page, f"projector-{case}-1024-unfolded.png")
    assert page.blocked == [] and page.errors == []


# --------------------------------------------------------------------------- folding


def test_panels_start_folded_on_a_small_screen_and_fold_on_demand(maps, open_map):
    page = open_map(maps["nippa", "ja"])
    assert page.evaluate("document.body.className.split(' ').sort()") == ["fold-details", "fold-side"]
    assert not page.locator("#side").is_visible() and not page.locator("#details").is_visible()
    assert page.locator("#fold-side").get_attribute("aria-expanded") == "false"
    assert page.locator("#fold-side").inner_text() == "▶ 凡例を開く"
    folded = page.locator("#map").bounding_box()["width"]
    assert folded == 1024

    page.click("#fold-side")
    settle(page)
    assert page.locator("#side").is_visible() and page.locator("#legend h2").first.inner_text() == "セクター"
    assert page.locator("#fold-side").inner_text() == "◀ 凡例をたたむ"
    with_legend = page.locator("#map").bounding_box()["width"]
    page.click("#fold-details")
    settle(page)
    assert page.locator("#details").is_visible()
    both = page.locator("#map").bounding_box()["width"]
    assert folded > with_legend > both
    assert page.evaluate("document.querySelector('#map canvas').clientWidth") == both

    page.click("#fold-side")
    page.click("#fold-details")
    settle(page)
    assert page.locator("#map").bounding_box()["width"] == folded
    # A click on a node while the details are folded marks the button; opening it shows the actor.
    page.evaluate("kyodoSelect('coordinator-s')")
    assert "news" in page.locator("#fold-details").get_attribute("class")
    page.click("#fold-details")
    assert page.locator("#details h3").inner_text() == "コーディネーターSさん"
    assert page.blocked == [] and page.errors == []


def test_panels_start_open_on_a_wide_screen(maps, open_map):
    page = open_map(maps["nippa", "ja"], viewport={"width": 1400, "height": 900})
    assert page.evaluate("document.body.className") == ""
    assert page.locator("#side").is_visible() and page.locator("#details").is_visible()
    found = page.evaluate(BOXES_JS)
    assert outside(found) == [] and outside(found, key="vis_box") == []


# --------------------------------------------------------------------------- show all, label size


def test_show_all_restores_the_whole_network_after_a_search(maps, open_map):
    page = open_map(maps["yokohama-city", "ja"])
    n = page.evaluate("network.body.data.nodes.length")
    page.fill("#search", "Totsuka")
    assert len(page.evaluate("window.kyodoFound")) >= 1
    settle(page)
    zoomed = page.evaluate(BOXES_JS)
    assert len(outside(zoomed, key="node")) > n / 2  # the search zoomed in: most nodes are off the canvas
    assert page.locator("#show-all").inner_text() == "全体を表示"
    page.click("#show-all")
    settle(page)
    whole = page.evaluate(BOXES_JS)
    assert len(whole["boxes"]) == n
    assert outside(whole, key="node") == [] and outside(whole) == [] and outside(whole, key="vis_box") == []
    assert page.evaluate("window.kyodoFound").__len__() >= 1  # the search's highlight stays
    # The same after the user zooms with the wheel.
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + 100, box["y"] + 100)
    page.mouse.wheel(0, -600)
    settle(page)
    assert outside(page.evaluate(BOXES_JS), key="node") != []
    page.click("#show-all")
    settle(page)
    assert outside(page.evaluate(BOXES_JS)) == []
    assert page.blocked == [] and page.errors == []


def test_label_size_buttons_scale_the_labels(maps, open_map):
    page = open_map(maps["dream-heights", "ja"])
    before = page.evaluate(BOXES_JS)
    font = page.evaluate("network.body.nodes['dream-heights-council'].options.font.size")
    assert page.locator("#label-size-value").inner_text() == "100%"
    page.click("#label-larger")
    page.click("#label-larger")
    settle(page)
    after = page.evaluate(BOXES_JS)
    assert page.locator("#label-size-value").inner_text() == "150%"
    assert page.evaluate("network.body.nodes['dream-heights-council'].options.font.size") == pytest.approx(font * 1.5)
    on_screen = {n["id"]: n["screen_px"] for n in before["boxes"]}
    assert all(n["screen_px"] > on_screen[n["id"]] * 1.2 for n in after["boxes"])  # larger on screen too
    assert outside(after) == [] and outside(after, key="vis_box") == []  # and still inside
    shot(page, "projector-dream-heights-1024-labels-150.png")
    for _ in range(6):
        page.click("#label-smaller", force=True)
    assert page.locator("#label-size-value").inner_text() == "60%"
    assert page.locator("#label-smaller").is_disabled()
    assert page.locator("#label-smaller").get_attribute("title") == "文字を小さく"
    assert page.blocked == [] and page.errors == []


# --------------------------------------------------------------------------- printing


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("case", ["nippa", "yokohama-city"])
def test_print_is_one_a4_landscape_page_with_the_network_large_and_the_legend(case, maps, open_map, tmp_path):
    page = open_map(maps[case, "ja"])
    # Measured while the page is being printed: a listener added after the page's own runs after it.
    page.evaluate(
        """() => window.addEventListener("beforeprint", () => {
        window.testPrinted = (%s)(); })"""
        % BOXES_JS
    )
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf_pages(pdf) == 1
    box = [float(x) for x in re.search(rb"/MediaBox\s*\[([^\]]*)\]", pdf).group(1).split()]
    assert box[2] - box[0] == pytest.approx(842, abs=2) and box[3] - box[1] == pytest.approx(595, abs=2)
    printed = page.evaluate("window.testPrinted")
    assert printed["width"] > 750 and printed["height"] > 580  # 212 × 166 mm of the 281 × 194 mm page
    assert outside(printed) == [] and outside(printed, key="vis_box") == []
    # After printing the screen view comes back.
    settle(page)
    assert outside(page.evaluate(BOXES_JS)) == []
    (tmp_path / "map.pdf").write_bytes(pdf)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"projector-{case}-print.pdf").write_bytes(pdf)

    # The print stylesheet seen on screen: no controls, the legend without checkboxes, the canvas large.
    page.emulate_media(media="print")
    page.wait_for_timeout(200)
    for hidden in ("#toolbar", "#search", "#show-all", "#details", "#legend input"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#side").is_visible() and page.locator("#legend .legend-row").first.is_visible()
    canvas = page.locator("#map canvas").bounding_box()
    assert canvas["width"] > 750 and canvas["height"] > 580
    shot(page, f"projector-{case}-print-media.png")

    # Render the PDF itself and look for the drawing inside the canvas area (scripts/install.sh test installs
    # poppler-utils; only outside CI may a machine without it skip this part).
    assert shutil.which("pdftoppm") or os.environ.get("CI") != "true", "pdftoppm missing under CI"
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "50",
                "-png",
                "-singlefile",
                str(tmp_path / "map.pdf"),
                str(ARTIFACTS / f"projector-{case}-print"),
            ],
            check=True,
            timeout=60,
        )
        from PIL import Image

        img = Image.open(ARTIFACTS / f"projector-{case}-print.png").convert("L")
        w, h = img.size
        area = img.crop((int(0.05 * w), int(0.2 * h), int(0.7 * w), int(0.9 * h)))
        dark = sum(area.histogram()[:200]) / (area.size[0] * area.size[1])
        assert dark > 0.01, f"the canvas area of the printed page is blank ({dark:.3%} drawn)"
    assert page.blocked == [] and page.errors == []
