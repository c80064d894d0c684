"""A light start (issue 24): the help pages and an answer kept in the cache import none of the heavy libraries
(networkx, numpy, scipy, igraph, the YAML and spreadsheet readers, the drawing libraries), each checked in a fresh
process."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import VALID

HEAVY = ("networkx", "numpy", "scipy", "igraph", "yaml", "openpyxl", "matplotlib", "pyvis", "tqdm", "PIL")

#: Runs ``kyodo`` with the given arguments, then says which of HEAVY it imported (on the last line of stderr).
PROBE = f"""
import sys
try:
    from kyodo_network.cli import main
    sys.argv[0] = "kyodo"
    main()
finally:
    print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)
"""


def imported(*args: str, cwd: Path | None = None, cache: Path | None = None) -> list[str]:
    env = {**os.environ, "KYODO_CACHE": str(cache) if cache else "off"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return ast.literal_eval(proc.stderr.strip().splitlines()[-1])


def test_import_and_help_pages_are_light():
    assert imported("--help") == []
    assert imported("bridges", "--help", "--lang", "en") == []
    code = f"import sys, kyodo_network, kyodo_network.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    "line",
    [
        ["bridges", "hills.yaml", "river.yaml", "--top", "3"],
        ["suggest", "hills.yaml", "--format", "csv"],
        ["compare", "hills.yaml", "river.yaml"],
    ],
    ids=lambda line: line[0],
)
def test_a_kept_answer_builds_no_network(tmp_path, line):
    """The first run builds the network (and imports what that takes); the same command again does not."""
    cache = tmp_path / "cache"
    assert "networkx" in imported(*line, cwd=VALID, cache=cache)
    assert imported(*line, cwd=VALID, cache=cache) == []
