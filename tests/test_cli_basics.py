"""The ``kyodo`` command's contract: help with examples, version, exit codes, stdout/stderr separation.

Exit codes (cli.py, STYLE.md): 0 success, 1 bad data or an impossible request, 2 a usage error (click's own).
Results go to stdout; problems, summaries and errors to stderr — except ``validate``, whose result *is* the list of
problems (stdout), with the count on stderr. click >= 8.2 keeps ``result.stdout`` and ``result.stderr`` apart.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kyodo_network
from kyodo_network.cli import cli
from kyodo_network.load import bundled_cases

ROOT = Path(__file__).parent.parent
VALID = Path(__file__).parent / "data" / "valid"

COMMANDS = sorted(cli.commands)


def test_there_are_commands():
    assert {"datasets", "validate", "info"} <= set(COMMANDS)


@pytest.mark.parametrize("args", [["--help"], ["-h"]], ids=["--help", "-h"])
def test_group_help(runner, args):
    result = runner.invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert result.stderr == ""
    for name in COMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(runner, name):
    result = runner.invoke(cli, [name, "--help", "--lang", "en"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"kyodo {name}" in result.stdout  # the example runs this very command
    short = cli.commands[name].get_short_help_str(limit=200)
    assert short and not short.endswith("...")


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"kyodo, version {kyodo_network.__version__}\n"


def test_no_command_shows_usage(runner):
    result = runner.invoke(cli, [], env={"KYODO_LANG": "en"})
    assert result.exit_code in (0, 2)  # click prints help; 8.2+ exits 2 for a group without a command
    assert "Usage:" in result.output


# --- validate -----------------------------------------------------------------------------------------------------


def test_validate_valid_files(runner, in_valid):
    result = runner.invoke(cli, ["validate", "hills.yaml", "river.yaml", "city.yaml", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "ok  hills.yaml: 6 actors, 6 relations, 2 projects",
        "ok  river.yaml: 2 actors, 2 relations, 0 projects",
        "ok  city.yaml: 3 actors, 0 relations, 0 projects",
    ]
    assert result.stderr == ""


def test_validate_quiet(runner, in_valid):
    result = runner.invoke(cli, ["validate", "-q", "hills.yaml"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_validate_problems_go_to_stdout_and_the_count_to_stderr(runner, in_valid):
    mistakes = VALID.parent / "mistakes"
    result = runner.invoke(cli, ["validate", "hills.yaml", str(mistakes / "self-relation.yaml"), "--lang", "en"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(line.endswith("(self-relation)") for line in lines)
    assert "ok  " not in result.stdout  # nothing is reported ok when anything is wrong
    assert result.stderr == "2 problems found.\n"


# --- info ---------------------------------------------------------------------------------------------------------


def test_info_table(runner, in_valid):
    result = runner.invoke(cli, ["info", "hills.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("テストヒルズ [test-hills]\n")
    assert "アクター: 8   関係: 6   協働事業: 2   年: 2000–2010" in out
    assert "2  社会福祉協議会・地域ケアプラザ・市民活動支援センター (support)" in out
    assert "1  商店街 (shotengai)" in out  # a sector declared by the included city file


def test_info_english(runner, in_valid):
    result = runner.invoke(cli, ["info", "hills.yaml", "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Test Hills [test-hills]\n")
    assert "actors: 8   relations: 6   projects: 2   years: 2000–2010" in result.stdout


def test_info_json(runner, in_valid):
    result = runner.invoke(cli, ["info", "hills.yaml", "river.yaml", "--format", "json"])
    assert result.exit_code == 0, result.output
    hills, river = json.loads(result.stdout)
    # Counted by hand from tests/data/valid: hills has 6 own actors + 2 referenced city actors
    # (city-unused-office is never referenced), 6 relations, 2 projects, 3 ties only through a project.
    assert hills["id"] == "test-hills"
    assert hills["name"] == "テストヒルズ"
    assert (hills["actors"], hills["relations"], hills["projects"]) == (8, 6, 2)
    assert hills["actors_by_sector"] == {
        "npo": 1,
        "school": 1,
        "government": 1,
        "support": 2,
        "council": 1,
        "person": 1,
        "shotengai": 1,
    }
    assert hills["project_ties"] == 3
    assert hills["years"] == [2000, 2010]
    assert (hills["components"], hills["isolates"]) == (1, [])
    assert (hills["inferred_actors"], hills["inferred_relations"]) == (1, 1)
    # river: coordinator-a, river-npo and the referenced city-support-centre.
    assert river["id"] == "test-river"
    assert (river["actors"], river["relations"], river["projects"]) == (3, 2, 0)


def test_info_json_year(runner, in_valid):
    result = runner.invoke(cli, ["info", "hills.yaml", "--year", "2003", "--format", "json"])
    assert result.exit_code == 0
    [hills] = json.loads(result.stdout)
    # 2003: hills-npo (since 2005) is gone, only the cooperation and information relations existed, no project.
    assert hills["year"] == 2003
    # city-civic-bureau (included, referenced only by the 2008 subsidy) is left out.
    assert (hills["actors"], hills["relations"], hills["projects"]) == (6, 2, 0)
    assert hills["isolates"] == ["coordinator-a", "hills-shop"]
    assert hills["component_sizes"] == [2, 2, 1, 1]


def test_info_bad_data_goes_to_stderr_with_exit_1(runner, in_valid):
    result = runner.invoke(cli, ["info", str(VALID.parent / "mistakes" / "bad-year.yaml"), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 4
    assert all("(bad-year)" in line for line in lines[:3])
    assert lines[3] == "3 problems found; nothing was written."
    assert "Traceback" not in result.output


# --- datasets -----------------------------------------------------------------------------------------------------

needs_bundled = pytest.mark.skipif(not bundled_cases(), reason="no datasets/*.yaml yet")


@needs_bundled
def test_datasets_table(runner):
    result = runner.invoke(cli, ["datasets"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["識別子", "名称", "区"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + len(bundled_cases())


@needs_bundled
def test_datasets_json_and_csv(runner):
    result = runner.invoke(cli, ["datasets", "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == list(bundled_cases())
    result = runner.invoke(cli, ["datasets", "--format", "csv", "--lang", "en"])
    assert result.exit_code == 0
    # Excel wants a BOM and CRLF; result.stdout would turn CRLF into LF, so look at the bytes.
    assert result.stdout_bytes.startswith("\ufeffid,name,ward,actors,relations,projects,cite\r\n".encode())


# --- exit codes ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "phrase"),
    [
        pytest.param(["validate"], 2, "Missing argument 'PATH...'", id="validate-without-path"),
        pytest.param(
            ["validate", "no-such.yaml"],
            2,
            "no case file or bundled case named 'no-such.yaml'",
            id="validate-missing-file",
        ),
        pytest.param(
            ["info", "no-such-case"], 2, "no case file or bundled case named 'no-such-case'", id="info-unknown-case"
        ),
        pytest.param(["info", "hills.yaml", "--format", "xml"], 2, "Invalid value for '--format'", id="bad-choice"),
        pytest.param(["info", "hills.yaml", "--year", "soon"], 2, "'soon' is not a year", id="bad-year"),
        pytest.param(["no-such-command"], 2, "No such command 'no-such-command'", id="unknown-command"),
        pytest.param(["validate", "--nope", "hills.yaml"], 2, "No such option", id="unknown-option"),
    ],
)
def test_usage_errors_exit_2_on_stderr(runner, in_valid, args, code, phrase):
    result = runner.invoke(cli, args, env={"KYODO_LANG": "en"})
    assert result.exit_code == code
    assert result.stdout == ""
    assert phrase in result.stderr
    assert "Traceback" not in result.output


def test_shim_runs_from_a_checkout():
    proc = subprocess.run(
        [sys.executable, "cli.py", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"kyodo, version {kyodo_network.__version__}\n", "")


def test_years_and_counts_are_read_as_people_write_them(runner):
    # --year takes 和暦 and full-width digits like the case files; --top full-width digits too.
    a = runner.invoke(cli, ["bridges", "dream-heights", "--year", "平成17", "--top", "３", "--format", "json"])
    b = runner.invoke(cli, ["bridges", "dream-heights", "--year", "2005", "--top", "3", "--format", "json"])
    assert a.exit_code == 0 and a.stdout == b.stdout
    bad = runner.invoke(cli, ["bridges", "dream-heights", "--year", "平成99"])
    assert bad.exit_code == 2 and "年として読めません" in bad.stderr


def test_help_calls_no_click_method_newer_than_the_supported_range():
    """click 8.4 has no Option.get_help_spec (issue 19: `kyodo --help` crashed there). Our option classes take an
    option's spec from get_help_record, public in every click 8 (tried by hand with 8.2.1, 8.4.2 and 8.5.1)."""
    from pathlib import Path

    import kyodo_network.cli as package

    for path in Path(package.__file__).parent.glob("*.py"):
        assert "get_help_spec" not in path.read_text(encoding="utf-8"), path
