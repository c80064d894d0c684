"""Time the loading of a generated case file of N actors (default 1,000; about 4 relations per actor).

Run: ``python benchmarks/bench_load.py [N]``. The file is written to a temporary folder and loaded with
:func:`kyodo_network.load_cases`; the best CPU time of five runs is printed.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from kyodo_network import load_cases
from kyodo_network.model import RELATION_TYPES, SECTORS


def case_text(n: int, *, seed: int = 7) -> str:
    """A valid case file of ``n`` actors and ``4 n`` relations (seeded)."""
    rng = random.Random(seed)
    lines = [
        "format: kyodo-case/1",
        "district:",
        "  id: bench",
        "  name: 試験地区",
        "  name_en: Bench",
        "  ward: 港南区",
        "  ward_en: Konan Ward",
        "  city: 横浜市",
        "  cite: 生成",
        "actors:",
    ]
    sectors, types = list(SECTORS), list(RELATION_TYPES)
    for i in range(n):
        lines += [
            f"  - id: a{i}",
            f"    name: 団体{i}",
            f"    name_en: Actor {i}",
            f"    sector: {rng.choice(sectors)}",
            "    themes: [子育て, 見守り]",
            f"    since: {rng.randint(1990, 2010)}",
            "    cite: 生成",
        ]
    lines.append("relations:")
    for _ in range(4 * n):
        u, v = rng.sample(range(n), 2)
        lines += [
            f"  - from: a{u}",
            f"    to: a{v}",
            f"    type: {rng.choice(types)}",
            "    weight: 2",
            "    cite: 生成",
        ]
    return "\n".join(lines) + "\n"


def main(n: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(case_text(n), encoding="utf-8")
        best = float("inf")
        for _ in range(5):
            t = time.process_time()
            [case] = load_cases([path])
            best = min(best, time.process_time() - t)
        print(f"{n} actors, {len(case.relations)} relations, {path.stat().st_size / 1024:.0f} KB: {best:.3f} CPU s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
