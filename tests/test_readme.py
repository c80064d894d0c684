"""Every ``$ kyodo …`` example in the README prints exactly what the README shows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def examples() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        # A block may hold several commands, each starting with "$ ".
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            if chunk.startswith("$ kyodo "):
                command, _, expected = chunk.partition("\n")
                out.append((command[2:], expected))
    return out


EXAMPLES = examples()


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_output(command, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that write a chart write it here
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output

    def norm(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip("\n").splitlines()]

    assert norm(result.output) == norm(expected)
