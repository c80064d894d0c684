"""``kyodo serve`` at ward size: the page's first state, and how long an edit takes to be saved and drawn, to have
its network counted again, and to bring the clicked actor's findings (issue 22: an edit within 300 ms and the page
ready in 2 s at 2,000 actors).

Run on demand: ``.venv/bin/python benchmarks/serve.py [--actors 2000] [--repeat 5]``. It times the room's own calls,
the work behind each request (the HTTP round trip on 127.0.0.1 adds a few milliseconds):

- ``first state``: opening the room (reading the file) and the first ``state`` the page loads; ``opened again``:
  the same for the same file a second time (from the read cache, as a user's second ``kyodo serve`` on it,
  unless ``KYODO_CACHE=off``);
- then, once the room's background work after opening is done (:meth:`Room.settle`: the dynamic betweenness is
  built in about 1 s, before anyone in a room makes a first edit), for each kind of edit (add an actor; draw a tie
  between two actors of the file; rename one), the median over
  ``--repeat`` edits of: ``saved and drawn`` (the edit checked, written and fsynced, and the new map: what the
  page shows at once), ``counted`` (the network's bridges and ★ counted again: the page's second state) and
  ``findings`` (what the analyses say about the actor clicked, after the edit).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import case_text  # noqa: E402

from kyodo_network.serve.app import calm_collector  # noqa: E402
from kyodo_network.serve.room import Room  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    n = args.actors
    with tempfile.TemporaryDirectory() as tmp:
        case = Path(tmp) / "bench.yaml"
        case.write_text(case_text(n), encoding="utf-8")
        start = time.perf_counter()
        room = Room([case])
        calm_collector()  # as `kyodo serve` does before it serves
        room.state()
        first = time.perf_counter() - start
        start = time.perf_counter()
        Room([case]).state()  # the same file opened again: read from the read cache unless KYODO_CACHE=off
        again = time.perf_counter() - start
        room.settle()  # the background build of the dynamic betweenness (about 1 s): done before a room's first edit
        counter = iter(range(1, 10**6))

        def add_actor() -> dict:
            return {"op": "add-actor", "name": f"新しい会{next(counter)}", "category": "子ども食堂"}

        def add_tie() -> dict:
            k = next(counter)
            return {"op": "add-tie", "from": f"a{(k * 37) % (n - 1) + 1}", "to": "a0", "type": "協力"}

        def rename() -> dict:
            return {"op": "rename", "id": "a1", "name": f"改名した会{next(counter)}"}

        print(f"{n} actors: first state {first:.2f} s, opened again {again:.2f} s (target 2 s)")
        print("| edit | saved and drawn ms | counted ms | findings ms |")
        print("|---|---:|---:|---:|")
        for label, make in (("add an actor", add_actor), ("draw a tie", add_tie), ("rename", rename)):
            rows = []
            for _ in range(args.repeat + 1):
                payload = make()
                t0 = time.perf_counter()
                room.edit(payload)
                t1 = time.perf_counter()
                room.state(counted=True)
                t2 = time.perf_counter()
                room.actor("a0")
                t3 = time.perf_counter()
                rows.append((t1 - t0, t2 - t0, t3 - t0))
            rows = rows[1:]  # the first is a warm-up
            med = [statistics.median(r[i] for r in rows) * 1000 for i in range(3)]
            print(f"| {label} | {med[0]:.0f} | {med[1]:.0f} | {med[2]:.0f} |")
        print("target: an edit's updated findings within 300 ms")


if __name__ == "__main__":
    main()
