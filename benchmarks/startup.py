"""Start-up and repeated answers (issue 24): ``python benchmarks/startup.py [--actors 2000] [--repeat 3]``.

Times the real ``kyodo`` CLI, a fresh process each time, best of ``--repeat`` wall times:

- ``kyodo --help`` and ``kyodo bridges --help`` (start-up alone: Python, click, the commands' registration);
- each analysis command (``bridges``, ``coordinators``, ``risks``, ``suggest``, ``compare``) on the synthetic city
  of ``--actors`` actors (written once and seeded by ``benchmarks/city.py``'s ``write_city``, as
  ``benchmarks/run.py`` does), in three states of a private temporary cache (``KYODO_CACHE``):

  - ``cold``: an empty cache (the YAML read and checked, the network built, the analysis run);
  - ``first``: the networks already in the read cache (another command ran before), this question not yet asked;
  - ``repeated``: the same command again, the files unchanged since (the answer cache).

``--source PATH`` measures another checkout (e.g. a copy of the code before a change), as ``KYODO_BENCH_SOURCE``
does for ``benchmarks/run.py``. The code measured is compiled first and ``PYTHONDONTWRITEBYTECODE`` is dropped,
so every process starts from bytecode as an installed copy does. Prints two Markdown tables. Nothing here runs in
the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import city_files  # noqa: E402  (writes the city with city.write_city, once per size and seed)

COMMANDS = {
    "bridges": ["bridges", "--top", "20"],
    "coordinators": ["coordinators", "--top", "20"],
    "risks": ["risks", "--top", "20"],
    "suggest": ["suggest", "--top", "20"],
    "compare": ["compare"],
}

#: Builds the networks every command starts from (one graph of all files, one per district) into the read
#: cache, through the library alone, so no answer is kept: the ``first`` state.
WARM = (
    "import sys; sys.path.insert(0, sys.argv[1]) if sys.argv[1] else None; "
    "from kyodo_network.graph import graph_from_names, graphs_from_names; "
    "graph_from_names(sys.argv[2:]); graphs_from_names(sys.argv[2:])"
)


def kyodo(source: str | None) -> list[str]:
    if source:
        return [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv.pop(1)); from kyodo_network.cli import main; main()",
            source,
        ]
    exe = Path(sys.executable).with_name("kyodo")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kyodo_network.cli"]


def environment(cache: Path | str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "KYODO_CACHE": str(cache)}


def compiled(source: str | None) -> None:
    """Bytecode for every module of the package measured, as an installed copy has it."""
    if source:
        folder = Path(source) / "kyodo_network"
    else:
        spec = importlib.util.find_spec("kyodo_network")
        folder = Path(spec.origin).parent if spec and spec.origin else None
    if folder is not None:
        compileall.compile_dir(str(folder), quiet=1)


def wall(argv: list[str], cache: Path | str) -> float:
    """Seconds ``argv`` took, run to the end with its output thrown away; fails loudly on a non-zero exit."""
    env = environment(cache)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"{' '.join(argv[:4])}… exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')[-2000:]}")
    return seconds


Row = tuple[str, float | None, float | None, float | None]


def measure(args: argparse.Namespace) -> tuple[list[tuple[str, float]], list[Row]]:
    files = [str(f) for f in city_files(args.actors, args.seed)]
    base = kyodo(args.source)
    compiled(args.source)
    start: list[tuple[str, float]] = []
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for line in (["--help"], ["bridges", "--help"]):
            best = min(wall(base + line, tmp / "help-cache") for _ in range(args.repeat))
            start.append((f"kyodo {' '.join(line)}", best))
            print(f"  {start[-1][0]:<26} {best:.2f} s", file=sys.stderr, flush=True)
        warm = tmp / "warm"
        warm.mkdir(mode=0o700)
        subprocess.run([sys.executable, "-c", WARM, args.source or "", *files], env=environment(warm), check=True)
        for name, argv in COMMANDS.items():
            line = base + argv[:1] + files + argv[1:]
            cold, first, again = [], [], []
            for i in range(args.repeat):
                empty = tmp / f"{name}-cold-{i}"
                cold.append(wall(line, empty))
                shutil.rmtree(empty, ignore_errors=True)
                cache = tmp / f"{name}-first-{i}"
                shutil.copytree(warm, cache)  # modes kept: a private folder of private entries
                first.append(wall(line, cache))
                again.append(wall(line, cache))
                shutil.rmtree(cache, ignore_errors=True)
            rows.append((f"kyodo {' '.join(argv)}", min(cold), min(first), min(again)))
            print(
                f"  {name:<26} cold {min(cold):.2f} s, first {min(first):.2f} s, repeated {min(again):.2f} s",
                file=sys.stderr,
                flush=True,
            )
    return start, rows


def table(start: list[tuple[str, float]], rows: list[Row], actors: int) -> str:
    def cell(x: float | None) -> str:
        return "" if x is None else f"{x:.2f}"

    lines = ["| start-up | wall s |", "|---|---:|", *(f"| `{name}` | {s:.2f} |" for name, s in start), ""]
    lines += [
        f"| command ({actors:,} actors) | cold: empty cache | first: network cached | repeated: files unchanged |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| `{name}` | {cell(c)} | {cell(f)} | {cell(r)} |" for name, c, f, r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000, help="size of the synthetic city")
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the best wall time is kept")
    parser.add_argument("--source", default=os.environ.get("KYODO_BENCH_SOURCE"), help="another checkout to time")
    args = parser.parse_args()
    start, rows = measure(args)
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"best of {args.repeat} wall times (s), a fresh process each\n"
    )
    print(table(start, rows, args.actors))


if __name__ == "__main__":
    main()
