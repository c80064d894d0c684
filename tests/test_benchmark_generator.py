"""The benchmark city generator is deterministic and writes valid case files."""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from city import plan_city, write_city  # noqa: E402

from kyodo_network.cli import cli  # noqa: E402


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    a = write_city(300, tmp_path / "a", seed=5)
    b = write_city(300, tmp_path / "b", seed=5)
    c = write_city(300, tmp_path / "c", seed=6)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
    assert any(x.read_bytes() != y.read_bytes() for x, y in zip(a, c))


def test_city_shape():
    plan = plan_city(2000, seed=2010)
    sizes = [len(d["actors"]) for d in plan["districts"]]
    assert sum(sizes) == 2000 and all(50 <= s <= 250 for s in sizes)
    ties = sum(len(r) for r in plan["relations"].values())
    assert 7.0 < 2 * ties / 2000 < 9.0  # average degree about 8


def test_files_validate_and_load_as_one_city(tmp_path):
    files = [str(p) for p in write_city(250, tmp_path, seed=1)]
    result = CliRunner().invoke(cli, ["validate", *files])
    assert result.exit_code == 0, result.output
    from kyodo_network.graph import graph_from_cases
    from kyodo_network.load import load_cases

    G = graph_from_cases(load_cases(files))
    assert G.number_of_nodes() == 250
    assert len({d for _, d in G.nodes(data="district")}) >= 2
