"""Every example in the commands' help runs as written (in a scratch folder holding a copy of the data)."""

from __future__ import annotations

import glob
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.load import load_cases
from kyodo_network.render.workbook import write_workbook

ROOT = Path(__file__).resolve().parent.parent


def help_examples() -> list[str]:
    texts = [cli.help or ""] + [cmd.help or "" for cmd in cli.commands.values()]
    return sorted({line.strip() for text in texts for line in text.splitlines() if line.strip().startswith("kyodo ")})


EXAMPLES = help_examples()


def test_every_command_has_an_example():
    named = {line.split()[1] for line in EXAMPLES}
    assert named == set(cli.commands)


@pytest.mark.parametrize("example", EXAMPLES)
def test_help_example_runs(example, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "datasets", tmp_path / "datasets")
    shutil.copy(ROOT / "datasets" / "nippa.yaml", tmp_path / "my-district.yaml")
    write_workbook(tmp_path / "nippa.xlsx", load_cases(["nippa"])[0], "en")  # for `kyodo import nippa.xlsx`
    monkeypatch.chdir(tmp_path)
    words = shlex.split(example)[1:]
    target = None
    if ">" in words:  # a shell redirection: send stdout to that file
        i = words.index(">")
        words, target = words[:i], words[i + 1]
    args = [m for w in words for m in (sorted(glob.glob(w)) if "*" in w else [w])]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    if target:
        Path(target).write_text(result.stdout, encoding="utf-8")
        assert Path(target).stat().st_size > 0
