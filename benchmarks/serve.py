"""``kyodo serve`` at ward size: how long an edit takes to come back with its updated findings, and how long the
page's first state takes (issue 22: an edit within 300 ms and the page ready in 2 s at 2,000 actors).

Run on demand: ``.venv/bin/python benchmarks/serve.py [--actors 2000]``. It times the room's own calls, the work
behind each request (the HTTP round trip on 127.0.0.1 adds a few milliseconds): the first ``state`` (what the page
loads), an edit (add an actor, then draw a tie) with the state that follows it, and the analyses of the actor
clicked. Each is the best of three after a warm-up.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import case_text  # noqa: E402

from kyodo_network.serve.room import Room  # noqa: E402


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        case = Path(tmp) / "bench.yaml"
        case.write_text(case_text(args.actors), encoding="utf-8")
        start = time.perf_counter()
        room = Room([case])
        room.state()
        first = time.perf_counter() - start
        counter = iter(range(10**6))

        def edit() -> None:
            n = next(counter)
            room.edit({"op": "add-actor", "name": f"新しい会{n}", "category": "子ども食堂"})
            room.edit({"op": "add-tie", "from": f"a{n % (args.actors - 1) + 1}", "to": "a0", "type": "協力"})

        edit()
        per_edit = best(edit) / 2
        actor = best(lambda: room.actor("a0"))
        print(
            f"{args.actors} actors: first state {first:.2f} s (target 2 s), "
            f"an edit with its state {per_edit * 1000:.0f} ms (target 300 ms), "
            f"the clicked actor's findings {actor * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
