"""Rewrite the output of every ``$ kyodo …`` example in README.md with what the command prints now.

Run from the repository root after changing the data or the wording: ``python scripts/update_readme_examples.py``.
``tests/test_readme.py`` fails while the README and the commands disagree. Files that examples write go to a
temporary folder.
"""

from __future__ import annotations

import os
import re
import shlex
import tempfile
from pathlib import Path

import sys

from click.testing import CliRunner

README = Path(__file__).resolve().parent.parent / "README.md"
sys.path.insert(0, str(README.parent))

from kyodo_network.cli import cli  # noqa: E402


def run(command: str) -> str:
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            result = CliRunner().invoke(cli, shlex.split(command)[1:])
        finally:
            os.chdir(here)
    if result.exit_code != 0:
        raise SystemExit(f"{command} failed:\n{result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines()) + "\n"


def rewrite(block: str) -> str:
    parts = re.split(r"^(?=\$ )", block, flags=re.M)
    out = []
    for chunk in parts:
        if chunk.startswith("$ kyodo "):
            command = chunk.partition("\n")[0]
            chunk = command + "\n" + run(command[2:])
            if len(parts) > 1 and chunk is not parts[-1]:
                chunk += "\n"
        out.append(chunk)
    text = "".join(out)
    return text.rstrip("\n") + "\n"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    new = re.sub(r"(```console\n)(.*?)(```)", lambda m: m.group(1) + rewrite(m.group(2)) + m.group(3), text, flags=re.S)
    README.write_text(new, encoding="utf-8")
    print("README.md examples updated" if new != text else "README.md examples already up to date")


if __name__ == "__main__":
    main()
