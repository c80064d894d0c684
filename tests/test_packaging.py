"""The installed package carries every subpackage and the bundled data; README and CI agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kyodo_network").rglob("__init__.py")}
    assert found <= listed
    assert config["tool"]["setuptools"]["package-dir"]["kyodo_network.datasets"] == "datasets"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.+?)\n```", readme)
    assert len(blocks) >= 2
    install_and_run, test_command = blocks[0], blocks[1]
    assert "scripts/install.sh" in install_and_run
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_outputs_folder_is_kept_out_of_git():
    ignore = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "outputs/*" in ignore and "!outputs/.gitkeep" in ignore


def test_bundled_vocabulary_has_english_and_is_documented():
    from kyodo_network import load_cases
    from kyodo_network.model import VOCABULARY_EN

    words = {w for case in load_cases() for a in case.actors for w in (*a.themes, *a.offers, *a.needs)}
    words |= {w for case in load_cases() for p in case.projects for w in p.themes}
    assert words <= set(VOCABULARY_EN)
    doc = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    assert all(f"| {w} | {VOCABULARY_EN[w]} |" in doc for w in words)


def test_the_annotated_example_validates(tmp_path):
    from kyodo_network import graph_from_cases, load_cases

    doc = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", doc, flags=re.S).group(1)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    [case] = load_cases([path])
    G = graph_from_cases([case])
    assert {"coordinator-s", "nippa-council", "nippa-elementary-school"} <= set(G)
    assert G.nodes["coordinator-s"]["visibility"] == "private"
