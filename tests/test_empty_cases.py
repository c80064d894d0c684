"""A network with no actors yet gives plain results, never a traceback (issue 20).

Two such networks, as a coordinator meets them: the blank workbook of ``kyodo template`` given to a command before
it is filled in, and a case file (YAML) with a district and nothing else. Every command runs on both through the
real CLI; each gives a plain result (an empty table, an empty map or page, empty exports) or a plain message,
exits 0 or 1, lets no exception escape, and speaks Japanese unless asked otherwise. The commands that analyse or
draw say what to fill in: 「アクターがまだありません。…に記入してください」.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kyodo_network.cli import cli

EMPTY_YAML = """\
format: kyodo-case/1
district:
  id: empty-town
  name: からっぽ地区
actors: []
"""

#: Every command, with options that reach each of its outputs. ``{case}`` is the file.
COMMANDS = [
    ["info", "{case}"],
    ["info", "{case}", "--actors"],
    ["validate", "{case}"],
    ["bridges", "{case}"],
    ["bridges", "{case}", "--format", "csv"],
    ["bridges", "{case}", "--format", "json"],
    ["bridges", "{case}", "--directed"],
    ["bridges", "{case}", "--year", "2005"],
    ["coordinators", "{case}"],
    ["coordinators", "{case}", "--format", "csv"],
    ["risks", "{case}"],
    ["risks", "{case}", "--format", "json"],
    ["whatif", "{case}", "--remove", "だれか"],
    ["suggest", "{case}"],
    ["suggest", "{case}", "--format", "csv"],
    ["compare", "{case}"],
    ["compare", "{case}", "--chart", "chart.png"],
    ["compare", "{case}", "--format", "csv"],
    ["report", "{case}"],
    ["report", "{case}", "--format", "pdf", "-o", "pdf/"],
    ["report", "{case}", "--public", "-o", "public/"],
    ["map", "{case}"],
    ["map", "{case}", "--format", "png"],
    ["map", "{case}", "--format", "svg"],
    ["map", "{case}", "--format", "pdf"],
    ["map", "{case}", "--view", "projects"],
    ["map", "{case}", "--public", "-o", "public.html"],
    *[
        ["export", "{case}", "--format", fmt, "-o", f"export-{fmt}/"]
        for fmt in ("graphml", "gexf", "json", "csv", "xlsx", "kumu")
    ],
    ["handover", "{case}", "--person", "だれか"],
    ["diff", "{case}", "--from", "2000", "--to", "2010"],
    ["diff", "{case}", "--from", "2000", "--to", "2010", "--format", "json"],
    ["review", "{case}"],
]
#: These say what to fill in (on stderr).
SAYS_FILL_IN = {"bridges", "coordinators", "risks", "whatif", "report", "map"}

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> dict[str, Path]:
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("empty")
    blank = folder / "わが町.xlsx"  # a name of its own: the district is named after the file
    made = CliRunner().invoke(cli, ["template", "-o", str(blank)])
    assert made.exit_code == 0, made.output
    yaml = folder / "からっぽ.yaml"
    yaml.write_text(EMPTY_YAML, encoding="utf-8")
    return {"template": blank, "yaml": yaml}


def _plain(line: str, cwd: Path) -> bool:
    """A line a person reads in Japanese, or one that needs no language: a path written, a table's rule."""
    return bool(JAPANESE.search(line)) or (cwd / line).exists() or not line.strip("- ")


@pytest.mark.parametrize("kind", ["template", "yaml"])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:1] + a[2:]) for a in COMMANDS])
def test_every_command_is_plain_on_an_empty_network(runner, cases, kind, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case = cases[kind]
    result = runner.invoke(cli, [a.format(case=case) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    command = args[0]
    if command in SAYS_FILL_IN:
        where = "「アクター」シート" if kind == "template" else "actors:"
        assert "アクターがまだありません" in result.stderr and where in result.stderr, result.stderr
    # Japanese by default: every line of the messages, and of the results unless they are JSON (for programs)
    lines = result.stderr.splitlines()
    if "json" not in args:
        lines += result.stdout.splitlines()
    strange = [line for line in lines if line.strip() and not _plain(line, tmp_path)]
    assert not strange, strange
    if command in ("whatif", "handover"):  # nobody to name: a message, exit 1
        assert result.exit_code == 1 and result.stderr.strip()
    elif command != "validate":
        assert result.exit_code == 0, result.output


def test_nothing_to_fill_in_is_said_in_english_when_asked(runner, cases, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["map", str(cases["template"]), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "There are no actors yet" in result.stderr and "Actors (アクター) sheet" in result.stderr
    assert "Open it in a browser: " in result.stderr


def test_a_map_and_a_report_say_where_to_open_them(runner, cases, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["map", "nippa"], ["report", "nippa"], ["report", "nippa", str(cases["yaml"])]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        shown = [line for line in result.stderr.splitlines() if line.startswith("ブラウザで開いてください: ")]
        assert len(shown) == 1, result.stderr
        page = Path(shown[0].split(": ", 1)[1])
        assert page.is_absolute() and page.exists() and page.suffix == ".html"
        assert str(page.relative_to(tmp_path)) in result.stdout.splitlines()  # one of the files just written
    printed = runner.invoke(cli, ["map", "nippa", "--format", "png"])  # a picture is not opened in a browser
    assert printed.exit_code == 0 and "ブラウザ" not in printed.stderr
