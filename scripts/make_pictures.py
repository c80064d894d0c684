"""Make every picture the README shows, from the commands and pages of the tool itself, so none can go stale.

Run from the repository root after a change that shows: ``.venv/bin/python scripts/make_pictures.py`` (all), or
name some: ``.venv/bin/python scripts/make_pictures.py map-dream-heights own-list-map``. Screenshots use Debian's
chromium through Playwright (``bash scripts/install.sh test`` installs both). ``tests/test_pictures.py`` checks that
every picture the README shows has its recipe here and that the recipes without a browser run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
KYODO = [sys.executable, "-m", "kyodo_network.cli"]
CHROMIUM = "/usr/bin/chromium"


def kyodo(*args: str, cwd: Path = ROOT) -> None:
    subprocess.run([*KYODO, *args], cwd=cwd, check=True, capture_output=True)


def screenshot(
    page: Path, out: Path, *, width: int, height: int, click: str | None = None, full_page: bool = False
) -> None:
    """A headless Chromium screenshot of a local page (optionally after clicking the node whose label is ``click``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            tab = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            tab.goto(page.as_uri())
            tab.wait_for_timeout(1500)
            if click:
                tab.get_by_text(click, exact=False).first.click(timeout=2000)
                tab.wait_for_timeout(500)
            tab.screenshot(path=str(out), full_page=full_page)
        finally:
            browser.close()


def map_dream_heights(out: Path) -> None:
    kyodo("map", "dream-heights", "--format", "png", "-o", str(out))


def own_list_map(out: Path) -> None:
    kyodo("map", "examples/野庭地区団体一覧.xlsx", "--format", "png", "-o", str(out))


def map_screenshot(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "nippa-map.html"
        kyodo("map", "nippa", "-o", str(page))
        screenshot(page, out, width=1280, height=800)


def map_projector(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "akuwa-north-map.html"
        kyodo("map", "akuwa-north", "-o", str(page))
        screenshot(page, out, width=1024, height=768)


def report_page(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "nippa-report.html"
        kyodo("report", "nippa", "-o", str(page))
        screenshot(page, out, width=1000, height=1400)


def serve_room(out: Path) -> None:
    """The meeting room mid-meeting: the browser test holds the meeting (an actor added, a tie drawn, a kind
    changed and undone) and leaves its screenshot in test-artifacts/."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_serve_browser.py::test_a_meeting_in_the_browser",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    shutil.copyfile(ROOT / "test-artifacts" / "serve-room.png", out)


def seating_table(out: Path) -> None:
    """The first table's A4 sheet of a 交流会 plan (page 2 of the PDF; page 1 is the facilitator's overview)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "seating.pdf"
        kyodo("seating", "nippa", "--tables", "3", "--format", "pdf", "-o", str(pdf))
        subprocess.run(
            ["pdftoppm", "-png", "-f", "2", "-l", "2", "-r", "70", "-singlefile", str(pdf), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
        )
        shutil.copyfile(Path(tmp) / "page.png", out)


#: Picture (docs/<name>.png) → how it is made. Recipes without a browser come first.
RECIPES: dict[str, Callable[[Path], None]] = {
    "map-dream-heights": map_dream_heights,
    "own-list-map": own_list_map,
    "map-screenshot": map_screenshot,
    "map-projector": map_projector,
    "report-page": report_page,
    "serve-room": serve_room,
    "seating-table": seating_table,
}
#: The recipes that need no browser (run by the tests).
WITHOUT_BROWSER = ("map-dream-heights", "own-list-map")


def main(names: list[str]) -> None:
    for name in names or list(RECIPES):
        if name not in RECIPES:
            raise SystemExit(f"no recipe for {name}: one of {', '.join(RECIPES)}")
        with tempfile.TemporaryDirectory() as tmp:
            made = Path(tmp) / f"{name}.png"
            RECIPES[name](made)
            shutil.copyfile(made, DOCS / f"{name}.png")
        print(DOCS / f"{name}.png")


if __name__ == "__main__":
    main(sys.argv[1:])
