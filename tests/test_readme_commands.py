"""Every command line the README prints in a ```sh / ```bash block works as printed, in a new terminal.

A coordinator copies these lines one by one after the README's first command. Each ``kyodo …`` or
``.venv/bin/kyodo …`` line (the comment after ``#`` dropped) is run with ``bash -c`` in a clean environment: PATH
holds only the virtual environment's ``bin`` (where the installer's ``~/.local/bin/kyodo`` link points) and
``/usr/bin:/bin``, HOME is an empty temporary folder, and the working folder is a fresh temporary one holding what
the README assumes there: the repository's ``examples/`` and ``datasets/``, and, when the line reads it,
``my-district.xlsx`` made by the README's own ``kyodo template`` and filled in as its step 2 says (a few rows, as a
coordinator would in Excel), or ``my-district.yaml`` made from it by the README's ``kyodo import``. The bundled
cases (``nippa`` …) come with the package. Each line must exit 0.

A line that is meant to show an error ends in a comment containing ``→ エラー`` (or ``→ error``), e.g.
``kyodo whatif nippa --remove nobody   # → エラー``: it must then exit 1 with a one-line message, no traceback.

Lines not run here, and why:

- ``bash scripts/install.sh …`` and ``… pytest …``: they install (pip, apt-get, npm) and run this very test
  suite; CI runs the second exactly (``.ci/run``). The first command's own part after the installer
  (``export PATH=…`` and ``kyodo report``) is run by :func:`test_the_first_command_puts_kyodo_on_the_path`, with
  the installer's ``link`` step pointing a temporary HOME's ``~/.local/bin/kyodo`` at this virtual environment.
- Lines needing a browser or the network: none today. Every ``kyodo`` command writes files and makes no
  request; opening a page in a browser is the person's step, not a command. A line that did need one would be
  listed in :data:`NOT_RUN` with its reason.
- Lines of other blocks (```console examples, whose output ``tests/test_readme.py`` checks, and plain ```
  blocks holding a command's synopsis such as ``kyodo review CASE… [--project ID|NAME]``) are not commands to copy.

The lines run two at a time (the CI machine has two cores); the slowest, a PDF report, takes about 5 s, and the
whole file about 30 s.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
VENV_BIN = Path(sys.executable).parent  # the virtual environment running the tests: .venv/bin
KYODO = VENV_BIN / "kyodo"

#: The README's own files for ``my-district.*``.
MY_FILES = ("my-district.xlsx", "my-district.yaml")
#: A README line → why it is not run (a browser, the network). Empty: no line needs either.
NOT_RUN: dict[str, str] = {}
ERROR_MARK = re.compile(r"→\s*(エラー|error)", re.IGNORECASE)
COMMAND = re.compile(r"^(\.venv/bin/)?kyodo(\s|$)")

pytestmark = pytest.mark.skipif(not KYODO.exists(), reason="the kyodo script is not installed beside python")


def readme_lines(markdown: str) -> list[tuple[str, bool]]:
    """``(command, meant to fail)`` for every ``kyodo`` line of the ```sh / ```bash blocks of ``markdown``, in
    order (fences may be indented, as in a numbered list)."""
    out, fence = [], None
    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            fence = line[3:].strip() if fence is None else None
            continue
        if fence not in ("sh", "bash") or not COMMAND.match(line):
            continue
        command, _, comment = line.partition(" #")
        out.append((command.strip(), bool(ERROR_MARK.search(comment))))
    return out


LINES = readme_lines(README.read_text(encoding="utf-8"))
RUN = [(c, fails) for c, fails in LINES if c not in NOT_RUN]


def clean_env(home: Path) -> dict[str, str]:
    """A new terminal's environment, as far as it matters: no KYODO_* settings, a fresh HOME."""
    return {"PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


def bash(command: str, cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _fill_in(path: Path) -> None:
    """The README's step 2: a district name, three actors, two relations, one project, with years."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    for row in book["地区"].iter_rows(min_row=2):
        row[1].value = {"名前": "みどり地区", "区": "緑区"}.get(row[0].value)
    book["アクター"].append(["みどりの会", "自治会", "子育て、見守り", "会場", None, None, None, "平成15"])
    book["アクター"].append(["ＮＰＯあおば", "NPO", "子育て", None, "会場", None, None, 2004])
    book["アクター"].append(["緑区役所", "行政"])
    book["関係"].append(["みどりの会", "ＮＰＯあおば", "協力", 3, 2004])
    book["関係"].append(["緑区役所", "ＮＰＯあおば", "補助金", None, "H18"])
    book["協働事業"].append(["夏まつり", "みどりの会、ＮＰＯあおば", 2006])
    book.save(path)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def my_files(tmp_path_factory, home) -> Path:
    """A folder holding ``my-district.xlsx`` and ``my-district.yaml``, made the README's way."""
    folder = tmp_path_factory.mktemp("my-district")
    env = clean_env(home)
    made = bash("kyodo template", folder, env)
    assert made.returncode == 0, made.stderr
    _fill_in(folder / "my-district.xlsx")
    made = bash("kyodo import my-district.xlsx -o my-district.yaml", folder, env)
    assert made.returncode == 0, made.stderr
    return folder


def _outputs_of(command: str) -> set[str]:
    """The ``my-district.*`` files a line writes (after ``-o``), which must not be there beforehand."""
    words = shlex.split(command)
    return {b for a, b in zip(words, words[1:]) if a in ("-o", "--output")}


def workspace(folder: Path, command: str, my_files: Path) -> Path:
    folder.mkdir()
    for name in ("examples", "datasets"):
        shutil.copytree(ROOT / name, folder / name)
    written = _outputs_of(command)
    for name in MY_FILES:
        if name in command and name not in written:
            shutil.copy(my_files / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def results(tmp_path_factory, home, my_files) -> dict[str, tuple[subprocess.CompletedProcess, float]]:
    """Every line run once, two at a time, each in its own fresh folder."""
    root = tmp_path_factory.mktemp("readme")
    env = clean_env(home)
    folders = {c: workspace(root / f"line{i}", c, my_files) for i, (c, _) in enumerate(RUN)}

    def run(command: str) -> tuple[subprocess.CompletedProcess, float]:
        start = time.monotonic()
        done = bash(command, folders[command], env)
        return done, time.monotonic() - start

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip([c for c, _ in RUN], pool.map(run, [c for c, _ in RUN])))


def test_the_readme_has_command_lines():
    commands = [c for c, _ in LINES]
    assert len(commands) >= 20
    # the README's own way to a workbook of one's own is among them, so my-district.xlsx is what it made
    assert "kyodo template" in commands
    assert not set(NOT_RUN) - set(commands), "NOT_RUN names a line the README no longer has"


def test_lines_are_read_as_a_person_copies_them():
    markdown = """
```sh
kyodo map nippa            # → outputs/nippa.html
bash scripts/install.sh && .venv/bin/kyodo report
.venv/bin/kyodo info nippa
kyodo whatif nippa --remove nobody   # → エラー
```

1. step

   ```bash
   kyodo template            # → my-district.xlsx
   ```

```console
$ kyodo info dream-heights
```

```
kyodo review CASE… [--project ID|NAME]
```
"""
    assert readme_lines(markdown) == [
        ("kyodo map nippa", False),
        (".venv/bin/kyodo info nippa", False),
        ("kyodo whatif nippa --remove nobody", True),
        ("kyodo template", False),
    ]


@pytest.mark.parametrize(("command", "fails"), RUN, ids=[c for c, _ in RUN])
def test_readme_command_works_as_printed(command, fails, results):
    done, seconds = results[command]
    assert "Traceback" not in done.stderr, done.stderr
    if fails:
        assert done.returncode == 1, f"{command}: meant to show an error, exit {done.returncode}\n{done.stderr}"
        assert done.stderr.strip(), command
    else:
        assert done.returncode == 0, f"{command}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert seconds < 60, f"{command} took {seconds:.0f} s"


def _first_command() -> str:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```(?:sh|bash)\n(.*?)```", text, flags=re.S)
    assert block, "the README opens with a command block"
    return block.group(1).strip()


def test_the_first_command_puts_kyodo_on_the_path(tmp_path):
    """The README's first command, with the installer's link step standing in for the whole installer: after it,
    ``kyodo`` runs in the same terminal (its ``export``) and in a new one (the line added to ``~/.bashrc``)."""
    first = _first_command()
    install, _, rest = first.partition(" && ")
    assert install == "bash scripts/install.sh", first
    assert re.search(r"(^|&& )kyodo report$", rest), first
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    # the installer's last step, for this virtual environment (only when it is the repository's own .venv)
    if KYODO.resolve() != (ROOT / ".venv" / "bin" / "kyodo").resolve():
        pytest.skip("the tests do not run from the repository's .venv")
    linked = subprocess.run(
        ["bash", str(ROOT / "scripts" / "install.sh"), "link"], env=bare, capture_output=True, text=True, timeout=60
    )
    assert linked.returncode == 0, linked.stderr
    assert os.readlink(home / ".local" / "bin" / "kyodo") == str(ROOT.resolve() / ".venv" / "bin" / "kyodo")
    assert "~/.local/bin" in linked.stderr and "PATH" in linked.stderr  # said, in Japanese and English

    done = bash(rest, work, bare)  # as printed: every bundled district
    assert done.returncode == 0, done.stderr
    assert "ブラウザで開いてください: " in done.stderr

    # a new terminal reads ~/.bashrc: kyodo is found there without the export
    new = subprocess.run(
        ["bash", "-ic", "command -v kyodo"],
        env={**bare, "TERM": "dumb"},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=work,
    )
    assert new.stdout.strip() == str(home / ".local" / "bin" / "kyodo"), new.stderr

    # idempotent: again, nothing more is added
    again = subprocess.run(
        ["bash", str(ROOT / "scripts" / "install.sh"), "link"], env=bare, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0 and again.stderr == ""
    assert (home / ".bashrc").read_text().count("kyodo-network (scripts/install.sh)") == 1
    assert (home / ".profile").read_text().count("kyodo-network (scripts/install.sh)") == 1
