"""``kyodo serve`` at ward size in a real browser: what the coordinator waits for after drawing a tie (issue 22: the
updated findings within 300 ms at 2,000 actors), measured in Debian's chromium through Playwright.

Run on demand: ``.venv/bin/python benchmarks/serve_browser.py [--actors 2000] [--repeat 5]``. The page's own marks
(``window.kyodoTimes``, ``performance.now()``) give, from the click on 「つなぐ」 (the tie form's button) of the actor
shown in the panel:

- ``drawn``: the edit saved on disk and the map showing the new tie;
- ``counted``: the map's sizes, ★ and year slider counted again for the new network;
- ``findings``: the actor's panel (bridge sentence, what-if, hand-over, introductions) for the new network.

Everything is included: the server's work, the JSON on 127.0.0.1, the page's parsing and vis-network's drawing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from bench_load import case_text  # noqa: E402

from kyodo_network.serve.app import Server, calm_collector  # noqa: E402
from kyodo_network.serve.room import Room  # noqa: E402


def main() -> None:
    from _browser import CHROMIUM, SERVE_ARGS, sync_playwright, wait_for

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    n = args.actors
    with tempfile.TemporaryDirectory() as tmp:
        case = Path(tmp) / "bench.yaml"
        case.write_text(case_text(n), encoding="utf-8")
        opened = time.perf_counter()
        server = Server(Room([case])).start()
        calm_collector()  # what Server.run does in `kyodo serve`, with the first map prepared in the background
        server.prepare()
        try:
            with sync_playwright() as p:
                context = p.chromium.launch_persistent_context(
                    str(Path(tmp) / "profile"),
                    executable_path=str(CHROMIUM),
                    headless=True,
                    args=SERVE_ARGS,
                    viewport={"width": 1400, "height": 900},
                )
                page = context.new_page()  # the browser is started before the page is asked for
                start = time.perf_counter()
                page.goto(server.url)
                wait_for(page, "window.kyodoReady !== undefined", 60, 0.02)
                ready = time.perf_counter() - start
                print(
                    f"{n} actors: page ready {ready:.2f} s after it was asked for (target 2 s), "
                    f"{time.perf_counter() - opened:.2f} s after the file was opened"
                )
                page.evaluate("kyodoSelect('a0')")
                wait_for(page, "window.kyodoActor && kyodoActor.id === 'a0'", 60, 0.02)
                rows = []
                for k in range(args.repeat + 1):
                    v = page.evaluate("kyodoVersion")
                    partner = f"a{(k * 37) % (n - 1) + 1}"
                    page.select_option("#tie-form select[name=partner]", partner)
                    t0 = page.evaluate(
                        "(() => { const t = performance.now(); document.querySelector('#tie-form button[type=submit]').click(); return t; })()"
                    )
                    want = v + 1
                    times = wait_for(
                        page, f"(kyodoTimes.panel[{want}] && kyodoTimes.counted[{want}]) ? kyodoTimes : null", 60, 0.02
                    )
                    got = [times[w][str(want)] - t0 for w in ("drawn", "counted", "panel")]
                    rows.append(got)
                    wait_for(page, "!window.kyodoBusy", 60, 0.02)
                rows = rows[1:]
                med = [statistics.median(r[i] for r in rows) for i in range(3)]
                print("| draw a tie | drawn ms | counted ms | findings ms |")
                print("|---|---:|---:|---:|")
                print(f"| median of {len(rows)} | {med[0]:.0f} | {med[1]:.0f} | {med[2]:.0f} |")
                print("each: " + "; ".join(" / ".join(f"{x:.0f}" for x in r) for r in rows))
                context.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
