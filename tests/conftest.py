"""Shared fixtures: the small case files in ``tests/data`` and a CLI runner.

``tests/data/valid`` holds three valid files: ``city.yaml`` (city-wide bodies, declares the ``shotengai``
sector), ``hills.yaml`` (includes ``city.yaml``) and ``river.yaml`` (also includes ``city.yaml`` and defines the
same person ``coordinator-a`` as ``hills.yaml``). ``tests/data/mistakes`` holds one file per problem code.

Problem paths are shown relative to the working folder, so tests that compare paths first move into the
fixture folder (``in_valid`` / ``in_mistakes``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
MISTAKES = DATA / "mistakes"


@pytest.fixture
def runner() -> CliRunner:
    """A click runner; click >= 8.2 keeps ``result.stdout`` and ``result.stderr`` apart."""
    return CliRunner()


@pytest.fixture
def in_valid(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(VALID)
    return VALID


@pytest.fixture
def in_mistakes(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(MISTAKES)
    return MISTAKES


@pytest.fixture(autouse=True)
def _no_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests choose their language with ``--lang`` or by setting ``KYODO_LANG`` themselves."""
    monkeypatch.delenv("KYODO_LANG", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """The read cache (``kyodo_network._cache``) of this test run lives in a temporary folder, never the home
    folder; CLI subprocesses inherit it."""
    import os

    before = os.environ.get("KYODO_CACHE")
    os.environ["KYODO_CACHE"] = str(tmp_path_factory.mktemp("kyodo-cache"))
    yield
    if before is None:
        os.environ.pop("KYODO_CACHE", None)
    else:
        os.environ["KYODO_CACHE"] = before
