"""Answers kept in the cache (``kyodo_network/_answers.py``): a kept answer prints exactly what a fresh one does, in
every format and language; an edit to a file (or to a file it includes) or another option is another answer; the
folder's rules are the read cache's (private, never a folder others can write, safe to delete, off with ``off``)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kyodo_network import _answers, _inputs
from kyodo_network.analysis import centrality  # loaded, as in any test run: its bounds are then in the key
from kyodo_network.cli import cli

from conftest import VALID

COMMANDS = {
    "bridges": ["bridges", "hills.yaml", "river.yaml", "--top", "5"],
    "coordinators": ["coordinators", "hills.yaml", "river.yaml"],
    "risks": ["risks", "hills.yaml", "river.yaml"],
    "suggest": ["suggest", "hills.yaml", "river.yaml", "--top", "5"],
    "compare": ["compare", "hills.yaml", "river.yaml"],
}


@pytest.fixture
def cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the valid cases (``hills.yaml`` and ``river.yaml`` include ``city.yaml``) as the working folder, and
    a cache of this test's own."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("city.yaml", "hills.yaml", "river.yaml"):
        shutil.copy(VALID / name, folder / name)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("KYODO_CACHE", str(tmp_path / "cache"))
    return folder


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each answer asked, whether it came from the cache."""
    seen: list[bool] = []
    real = _answers.answer

    def spying(*args, **kwargs):
        value, was_kept = real(*args, **kwargs)
        if os.environ.get("KYODO_CACHE") != "off":  # not the runs of fresh()
            seen.append(was_kept)
        return value, was_kept

    monkeypatch.setattr(_answers, "answer", spying)
    return seen


def run(*args: str, cache: str | None = None) -> tuple[str, str]:
    """stdout and stderr of ``kyodo args`` (``cache``: ``KYODO_CACHE`` for this run only)."""
    env = {"KYODO_CACHE": cache} if cache else None
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def fresh(*args: str) -> tuple[str, str]:
    """What the command prints with no cache at all."""
    return run(*args, cache="off")


@pytest.mark.parametrize("name", COMMANDS)
def test_a_kept_answer_prints_what_a_fresh_one_does(cases, kept, name):
    line = COMMANDS[name]
    first = run(*line)
    again = run(*line)
    assert kept == [False, True]
    assert again == first == fresh(*line)
    for extra in (["--format", "json"], ["--format", "csv"], ["--lang", "en"], ["--format", "csv", "--lang", "en"]):
        # the rows are kept once: formats and languages only write them
        assert run(*line, *extra) == fresh(*line, *extra), extra
    assert kept[-4:] == [True] * 4


def test_an_edited_file_is_a_new_answer(cases, kept):
    line = ["bridges", "hills.yaml", "--format", "json"]
    run(*line)
    hills = cases / "hills.yaml"
    hills.write_text(hills.read_text(encoding="utf-8").replace("ヒルズ協議会", "新ヒルズ協議会"), encoding="utf-8")
    out, _ = run(*line)
    assert kept == [False, False]
    assert "新ヒルズ協議会" in out
    assert run(*line) == fresh(*line) and kept[-1] is True


def test_an_edited_included_file_is_a_new_answer(cases, kept):
    line = ["risks", "hills.yaml", "--format", "json"]
    before, _ = run(*line)
    city = cases / "city.yaml"
    text = city.read_text(encoding="utf-8")
    name = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("name:"))
    city.write_text(text.replace(name, "改名した" + name), encoding="utf-8")
    after, _ = run(*line)
    assert kept == [False, False]
    assert after == fresh(*line)[0]
    touched = city.read_bytes()
    city.write_bytes(touched)  # the same bytes again (a new time stamp): the same answer
    assert run(*line)[0] == after and kept[-1] is True


@pytest.mark.parametrize(
    "option",
    [["--top", "2"], ["--year", "2005"], ["--public"], ["--directed"]],
    ids=lambda o: o[0],
)
def test_an_option_that_changes_the_answer_has_its_own(cases, kept, option):
    line = ["bridges", "hills.yaml", "river.yaml"]
    run(*line)
    assert run(*line, *option) == fresh(*line, *option)  # stderr too: a year's assumption, said again when kept
    assert kept == [False, False]
    assert run(*line, *option) == fresh(*line, *option)
    assert kept[-1] is True


def test_suggest_for_one_actor_by_name_or_id(cases, kept):
    line = ["suggest", "hills.yaml", "river.yaml", "--format", "json"]
    run(*line)
    by_id = run(*line, "--for", "hills-npo")
    by_name = run(*line, "--for", "NPO法人ヒルズ")
    assert kept == [False, False, False]
    assert by_id == fresh(*line, "--for", "hills-npo") and by_name == by_id
    assert run(*line, "--for", "hills-npo") == by_id and kept[-1] is True


def test_a_year_before_anything_says_so_again_when_kept(cases, kept):
    line = ["bridges", "hills.yaml", "--year", "1990"]
    first = run(*line)
    assert run(*line) == first == fresh(*line) and kept == [False, True]


def test_the_engine_is_part_of_the_answer(cases, kept, monkeypatch):
    line = ["bridges", "hills.yaml", "--format", "json"]
    run(*line)
    monkeypatch.setenv("KYODO_ENGINE", "networkx")
    assert run(*line) == fresh(*line)
    assert kept == [False, False]


def test_a_kept_answer_records_its_inputs(cases, kept):
    run("risks", "hills.yaml")
    with _inputs.recording() as seen:
        run("risks", "hills.yaml")
    assert kept == [False, True]
    assert {Path(p).name for p in seen} >= {"hills.yaml", "city.yaml"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_entries_are_private(cases, tmp_path, kept):
    run("compare", "hills.yaml", "river.yaml")
    folder = tmp_path / "cache"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    entries = list(folder.glob("*.pickle"))
    assert entries and all(stat.S_IMODE(e.stat().st_mode) == 0o600 for e in entries)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_folder_others_can_write_is_not_used(cases, tmp_path, kept):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)
    line = ["risks", "hills.yaml", "river.yaml"]
    assert run(*line) == run(*line) == fresh(*line)
    assert kept == [False, False]
    assert not list(folder.iterdir())


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_entry_others_could_write_is_not_read(cases, tmp_path, kept):
    line = ["risks", "hills.yaml", "river.yaml"]
    run(*line)
    for entry in (tmp_path / "cache").glob("*.pickle"):
        entry.chmod(0o666)
    assert run(*line) == fresh(*line)
    assert kept == [False, False]


def test_deleting_the_folder_is_safe(cases, tmp_path, kept):
    line = ["coordinators", "hills.yaml", "river.yaml"]
    first = run(*line)
    shutil.rmtree(tmp_path / "cache")
    assert run(*line) == first
    assert run(*line) == first
    assert kept == [False, False, True]


def test_a_broken_entry_is_a_miss(cases, tmp_path, kept):
    line = ["suggest", "hills.yaml", "river.yaml"]
    first = run(*line)
    for entry in (tmp_path / "cache").glob("*.pickle"):
        entry.write_bytes(b"\x80\x05 not a pickle")
    assert run(*line) == first
    assert run(*line) == first
    assert kept == [False, False, True]


def test_off_keeps_nothing(cases, tmp_path, kept, monkeypatch):
    monkeypatch.setenv("KYODO_CACHE", "off")
    assert run("bridges", "hills.yaml") == run("bridges", "hills.yaml")
    assert kept == []
    assert not (tmp_path / "cache").exists()


def test_a_data_error_is_not_kept(cases, kept):
    result = CliRunner().invoke(cli, ["bridges", "missing.yaml"])
    again = CliRunner().invoke(cli, ["bridges", "missing.yaml"])
    assert result.exit_code == again.exit_code != 0
    assert result.output == again.output


def test_lowered_estimate_bounds_are_another_answer(cases, kept, monkeypatch):
    line = ["bridges", "hills.yaml", "river.yaml"]
    assert "推定値" not in run(*line)[0]
    monkeypatch.setattr(centrality, "EXACT_MAX", 3)
    monkeypatch.setattr(centrality, "SAMPLE_SOURCES", 2)
    out = run(*line)
    assert kept == [False, False]
    assert "推定値" in out[0] and out == fresh(*line)
