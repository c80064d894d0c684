"""One command for the speed targets: ``python benchmarks/run.py [--sizes 2000,8000,30000]``.

For each size it writes (once, seeded; ``benchmarks/city.py``) a synthetic city of that many actors as real
case files under ``benchmarks/.cache/``, then runs the real ``kyodo`` CLI on all of them, one subprocess per
step, and reports wall time and peak memory (``ru_maxrss`` of that child, from ``os.wait4``):

- ``load``: ``kyodo validate`` on files never read before (an empty read cache): parsing and checking the YAML;
- ``load (cached)``: the same again, the files' readings now taken from the read cache
  (``kyodo_network/_cache.py``), as every later command on an unchanged district does;
- ``first network``: ``kyodo info --actors``, the first command that builds the network, which the read cache then keeps
  too (:func:`kyodo_network.graph.graph_from_names`);
- ``bridges``, ``risks``, ``coordinators``, ``suggest``, ``compare``, ``map`` and ``map --format png``, in that
  order, each a fresh process (so each pays start-up and imports; all but ``compare``, whose one-graph-per-district
  form is built on its first run, take the network from the cache).

Each size gets its own empty cache folder (``KYODO_CACHE``), removed afterwards.

``benchmarks/analysis_time.py`` then loads the city once and times the library calls behind each command
without the loading (the ``library s`` column), so the analysis is measured apart from the YAML reader.

Beside them, in the same run, the plain networkx baseline (``benchmarks/baseline.py``: exact
``betweenness_centrality``, ``articulation_points``, ``constraint``, ``effective_size``; pyvis ``from_nx`` +
``write_html``) on the same graph, by default only up to 8,000 actors (``--baseline-max``; networkx's exact
betweenness alone grows as n^2.4), and betweenness's quality against the exact values (computed once with
igraph and cached; ``benchmarks/quality.py``): the method (exact, or KADABRA with its ε and δ), whether the
largest error stayed within ε, the overlap of the top 20 and Spearman's rho over the exact top 50.

Prints a Markdown table (``--json`` for the raw numbers). Nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(HERE))

from city import write_city  # noqa: E402

STEPS = {
    "load": ["validate"],
    "load (cached)": ["validate"],
    "first network": ["info", "--actors"],
    "bridges": ["bridges", "--top", "20"],
    "risks": ["risks", "--top", "20"],
    "coordinators": ["coordinators", "--top", "20"],
    "suggest": ["suggest", "--top", "20"],
    "compare": ["compare"],
    "map": ["map", "-o", "{out}/map.html"],
    "map --format png": ["map", "--format", "png", "-o", "{out}/map.png"],
}
ANALYSIS = ("bridges", "risks", "coordinators", "suggest", "compare")


def city_files(n: int, seed: int) -> list[Path]:
    """The case files of the city of ``n`` actors, written once per ``(n, seed)``."""
    folder = CACHE / f"city-{n}-s{seed}"
    stamp = folder / ".complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_city(n, folder, seed=seed)
        stamp.write_text("ok\n")
    return sorted(folder.glob("d*.yaml")) + sorted(folder.glob("links-*.yaml"))


def measure(argv: list[str], timeout: float, cache: str | None = None) -> dict:
    """Run ``argv``; wall seconds, peak RSS (MB) of that child alone, exit code (None if killed at ``timeout``).

    ``cache``: the read-cache folder the child uses (``KYODO_CACHE``)."""
    env = {**os.environ, "KYODO_CACHE": cache} if cache else None
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return {"wall": None, "peak_mb": usage.ru_maxrss / 1024, "rc": None, "cpu": None}
        time.sleep(0.02)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    out = {
        "wall": wall,
        "peak_mb": usage.ru_maxrss / 1024,
        "rc": proc.returncode,
        "cpu": usage.ru_utime + usage.ru_stime,
    }
    if proc.returncode:
        out["stderr"] = err[-2000:]
    return out


def kyodo() -> list[str]:
    if os.environ.get("KYODO_BENCH_SOURCE"):  # measure another checkout (e.g. the code before a change)
        return [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv.pop(1)); from kyodo_network.cli import main; main()",
            os.environ["KYODO_BENCH_SOURCE"],
        ]
    exe = Path(sys.executable).with_name("kyodo")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kyodo_network.cli"]


def run_size(n: int, args) -> dict:
    files = [str(f) for f in city_files(n, args.seed)]
    res: dict = {"actors": n, "files": len(files), "steps": {}}
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
        for step in args.steps:
            argv = (
                kyodo()
                + [a.format(out=out) for a in STEPS[step][:1]]
                + files
                + [a.format(out=out) for a in STEPS[step][1:]]
            )
            r = measure(argv, args.timeout, cache)
            res["steps"][step] = r
            print(
                f"  {n:>6} {step:<18} {_fmt(r['wall'])} s  {r['peak_mb']:.0f} MB"
                + (f"  rc={r['rc']}" if r["rc"] else ""),
                file=sys.stderr,
                flush=True,
            )
        if args.library:
            measure(
                [sys.executable, str(HERE / "analysis_time.py"), "--out", str(CACHE / f"lib-{n}.json"), *files],
                args.timeout * 3,
                cache,
            )
            try:
                res["library"] = json.loads((CACHE / f"lib-{n}.json").read_text())
            except (OSError, ValueError):
                res["library"] = {}
            print(f"  {n:>6} library            {res['library']}", file=sys.stderr, flush=True)
        if n <= args.baseline_max:
            r = measure(
                [sys.executable, str(HERE / "baseline.py"), "--out", str(CACHE / f"baseline-{n}.json"), *files],
                args.timeout * 4,
                cache,
            )
            try:
                res["baseline"] = {**json.loads((CACHE / f"baseline-{n}.json").read_text()), "peak_mb": r["peak_mb"]}
            except (OSError, ValueError):
                res["baseline"] = {"error": r.get("stderr", "timed out")}
            print(f"  {n:>6} baseline           {res['baseline']}", file=sys.stderr, flush=True)
        if args.quality:
            r = measure(
                [
                    sys.executable,
                    str(HERE / "quality.py"),
                    "--cache",
                    str(CACHE / f"exact-{n}-s{args.seed}.json"),
                    "--out",
                    str(CACHE / f"quality-{n}.json"),
                    *files,
                ],
                args.timeout * 20,
                cache,
            )
            try:
                res["quality"] = json.loads((CACHE / f"quality-{n}.json").read_text())
            except (OSError, ValueError):
                res["quality"] = {"error": r.get("stderr", "timed out")}
            print(f"  {n:>6} quality            {res['quality']}", file=sys.stderr, flush=True)
    return res


def _fmt(x: float | None, digits: int = 2) -> str:
    return "timeout" if x is None else f"{x:.{digits}f}"


def table(results: list[dict]) -> str:
    lines = [
        "| actors | step | CLI wall s | CLI peak MB | library s (no load) | networkx baseline | ratio |",
        "|---:|---|---:|---:|---:|---|---:|",
    ]
    for res in results:
        n, steps = res["actors"], res["steps"]
        lib = res.get("library", {})
        base = res.get("baseline", {})
        for step, r in steps.items():
            key = {"load (cached)": "load", "load": "-"}.get(step, step)
            minus = _fmt(lib[key]) if key in lib and step != "map --format png" else ""
            if step == "load (cached)" and "graph" in lib:
                minus += f" (+ graph {lib['graph']:.2f})"
            bl, ratio = "", ""
            if step == "bridges" and "analysis" in base:
                bl = f"{base['analysis']:.1f} s (betweenness+cut points+Burt)"
                if "bridges" in lib:
                    ratio = f"{base['analysis'] / lib['bridges']:.0f}× (library), {base['analysis'] / r['wall']:.1f}× (CLI wall)"
            if step == "map" and "pyvis" in base:
                bl = f"{base['pyvis']:.1f} s (pyvis from_nx + write_html)"
                if r["wall"]:
                    ratio = f"{base['pyvis'] / r['wall']:.1f}×"
            lines.append(f"| {n:,} | {step} | {_fmt(r['wall'])} | {r['peak_mb']:.0f} | {minus} | {bl} | {ratio} |")
    q = [r for r in results if "quality" in r and "overlap20" in r["quality"]]
    if q:
        lines += [
            "",
            "| actors | betweenness | ε | δ | guarantee | top-20 overlap | Spearman (exact top 50) | largest error | "
            "estimate s (CPU s) | exact s (engine) |",
            "|---:|---|---:|---:|---|---:|---:|---:|---:|---|",
        ]
        for r in q:
            x = r["quality"]
            eps, delta = x.get("epsilon"), x.get("delta")
            if eps is None:
                promise = "exact" if x["method"] == "exact" else "none stated"
            else:
                promise = f"±{eps:g} at {100 * (1 - delta):g}%" + (
                    ", held here" if x.get("within_epsilon") else ", exceeded here"
                )
            lines.append(
                f"| {r['actors']:,} | {x['method']} | {'' if eps is None else f'{eps:g}'} | "
                f"{'' if delta is None else f'{delta:g}'} | {promise} | {x['overlap20']}/20 | {x['spearman50']:.3f} | "
                f"{x.get('max_error', 0):.5f} | {x['seconds']:.2f} ({x.get('cpu_seconds', 0):.2f}) | "
                f"{x['exact_seconds']:.1f} ({x.get('exact_engine', 'igraph')}) |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000,30000", help="comma-separated actor counts (also 100000)")
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--steps", default=",".join(STEPS), help="comma-separated subset of: " + ", ".join(STEPS))
    parser.add_argument("--baseline-max", type=int, default=8000, help="run the networkx baseline up to this size")
    parser.add_argument("--no-quality", dest="quality", action="store_false", help="skip the betweenness-quality check")
    parser.add_argument(
        "--no-library", dest="library", action="store_false", help="skip timing the library calls apart from the CLI"
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a step is killed")
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON")
    args = parser.parse_args()
    args.steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = [s for s in args.steps if s not in STEPS]
    if unknown:
        parser.error(f"unknown step(s): {', '.join(unknown)}")
    results = [run_size(int(s), args) for s in args.sizes.split(",") if s.strip()]
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, seed {args.seed}\n")
    print(table(results))


if __name__ == "__main__":
    main()
