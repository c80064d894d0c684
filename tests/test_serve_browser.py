"""``kyodo serve`` in a real browser: Debian's chromium driven by Playwright against the app on a free port.

One meeting, as a coordinator would hold it: add an actor, draw a tie, change a category, undo one step, reload
the page and find the room as it was; a name that looks like HTML shows as text and runs nothing; every request
the page makes goes to this server and nowhere else (anything else is blocked and recorded); the input file is
unchanged and the journal is a file ``kyodo validate`` accepts.

The page's Content-Security-Policy forbids ``eval``, so the test polls with ``page.evaluate`` (which the policy
does not govern) rather than ``wait_for_function``. Skipped where no browser exists, never under ``CI=true``.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.load import bundled_cases
from kyodo_network.serve.app import Server
from kyodo_network.serve.room import Room

from _browser import BROWSER_MARKS, CHROMIUM, MISSING, SERVE_ARGS, sync_playwright, wait_for

pytestmark = BROWSER_MARKS
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
wait = wait_for


@pytest.fixture
def room_server(tmp_path):
    shutil.copy(bundled_cases()["nippa"], tmp_path / "nippa.yaml")
    server = Server(Room([tmp_path / "nippa.yaml"])).start()
    yield server, tmp_path / "nippa.yaml"
    server.stop()


def test_a_meeting_in_the_browser(room_server, tmp_path):
    if MISSING:
        pytest.fail("browser tests cannot run: " + "; ".join(MISSING))
    server, case = room_server
    before = hashlib.sha256(case.read_bytes()).hexdigest()
    origin = f"http://127.0.0.1:{server.port}/"
    requests, blocked, errors = [], [], []

    def route(r):
        url = r.request.url
        if url.startswith(origin) or url.split(":", 1)[0] in ("data", "blob", "about"):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=SERVE_ARGS,
            viewport={"width": 1400, "height": 900},
            device_scale_factor=1,
        )
        try:
            page = context.new_page()
            page.route("**/*", route)
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: d.accept())
            page.goto(server.url)
            wait(page, "window.kyodoReady !== undefined")
            n0 = page.evaluate("nodes.length")

            # add an actor in the user's own words; it is selected, ready to be tied
            page.fill("#add-name", "みどりカフェ")
            page.fill("#add-category", "子ども食堂")
            page.click("#add-submit")
            wait(page, "window.kyodoVersion === 1")
            new = page.evaluate("kyodoState.last.id")
            assert page.evaluate("nodes.length") == n0 + 1
            wait(page, f"window.kyodoActor && kyodoActor.id === {new!r}")

            # draw a tie from it, carried by a person
            page.select_option("#tie-form select[name=partner]", "nippa-council")
            page.select_option("#tie-form select[name=held_by]", "coordinator-s")
            page.click("#tie-form button[type=submit]")
            wait(page, "window.kyodoVersion === 2")
            assert page.evaluate(
                f"edges.get().some(e => [e.from, e.to].includes({new!r}) && [e.from, e.to].includes('nippa-council'))"
            )
            assert "担い手: コーディネーターSさん" in page.inner_text("#changes")

            # change an actor's category, then undo that one step
            page.evaluate("kyodoSelect('nippa-hana-no-sato')")
            wait(page, "window.kyodoActor && kyodoActor.id === 'nippa-hana-no-sato'")
            page.fill("#category-form input", "老人クラブ")
            page.click("#category-form button")
            wait(page, "window.kyodoVersion === 3")
            assert "老人クラブ" in page.inner_text("#legend")
            page.click("#undo")
            wait(page, "window.kyodoVersion === 4")
            assert "老人クラブ" not in page.inner_text("#legend")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "serve-room.png"))

            # reload: the room is as it was left, with the step to redo
            page.reload()
            wait(page, "window.kyodoReady !== undefined && window.kyodoState !== undefined")
            state = page.evaluate("kyodoState")
            assert len(state["edits"]) == 2 and len(state["redo"]) == 1
            assert page.evaluate(f"nodes.get({new!r}) !== null")
            assert page.evaluate("edges.length") == len(state["model"]["edges"])
            assert "みどりカフェ" in page.inner_text("#changes")

            # text from the data is text
            hostile = '<img src=x onerror="window.pwned=1">'
            page.fill("#add-name", hostile)
            page.fill("#add-category", "<b>NPO</b>")
            page.click("#add-submit")
            wait(page, "window.kyodoActor && kyodoActor.name.startsWith('<img')")
            assert page.inner_text("#details h3").startswith(hostile)
            assert page.evaluate("document.querySelectorAll('#details img, #changes img, #details b').length") == 0
            assert page.evaluate("window.pwned") is None

            # the map the page holds, built from the changes the server sent, is the server's map; and what
            # vis-network draws follows it (sizes, labels, the highlight of the actor shown)
            wait(page, "window.kyodoCounted && !window.kyodoBusy")
            server_model = server.room.model()
            held = page.evaluate("kyodoState.model")
            assert {n["id"]: n for n in held["nodes"]} == {n["id"]: n for n in server_model["nodes"]}
            assert {e["id"]: e for e in held["edges"]} == {e["id"]: e for e in server_model["edges"]}
            drawn = page.evaluate("nodes.get().map(n => [n.id, n.size, n.label])")
            want = {n["id"]: (n["size"] * (0.8 if n["shape"] == "square" else 1), n["label"]) for n in held["nodes"]}
            # a size is redrawn when it moved by a quarter pixel or more (the page's SIZE_STEP)
            assert {i: (pytest.approx(s, abs=0.25), lab) for i, s, lab in drawn} == want
            shown = page.evaluate("kyodoActor.id")
            lit = set(page.evaluate("nodes.get().filter(n => n.color.background !== '#eeeeee').map(n => n.id)"))
            G = server.room.graph()
            assert lit == {shown, *G[shown]}

            # a tooltip is the model's own, handed to vis-network when the pointer reaches the node
            box = page.evaluate(
                "(() => { const p = network.canvasToDOM(network.getPositions([kyodoActor.id])[kyodoActor.id]);"
                " const r = document.getElementById('map').getBoundingClientRect();"
                " return [r.left + p.x, r.top + p.y]; })()"
            )
            page.mouse.move(box[0] + 30, box[1] + 30)
            page.mouse.move(box[0], box[1])
            tip = wait(page, "(document.querySelector('div.vis-tooltip') || {}).innerText", timeout=10)
            assert tip.strip() == next(n["title"] for n in held["nodes"] if n["id"] == shown).strip()

            # nothing of the data is kept by the browser
            assert page.evaluate("localStorage.length + sessionStorage.length") == 0
            assert page.evaluate("document.cookie") == ""
        finally:
            context.close()

    assert blocked == []
    assert requests and all(u.startswith(origin) or u.startswith("data:") for u in requests), requests
    assert errors == []
    assert hashlib.sha256(case.read_bytes()).hexdigest() == before
    result = CliRunner().invoke(cli, ["validate", str(case), str(case.parent / "nippa-tonight.yaml")])
    assert result.exit_code == 0, result.output
