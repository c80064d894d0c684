"""One language for everything a person reads: help pages, headers, error lines (issue 8).

Every command's and option's help, and every table and CSV header, is looked up in the catalogue; with
``--lang ja`` (the default) nothing in a header is an English word, with ``--lang en`` or ``KYODO_LANG=en``
everything is English.
"""

from __future__ import annotations

import csv
import io
import re

import click
import pytest

from kyodo_network.catalogue import ENTRIES
from kyodo_network.cli import cli
from kyodo_network.lang import LANGS, did_you_mean, display_width, has_text, pick, sector_label, short_name, short_names

from pathlib import Path

MISTAKES = Path(__file__).parent / "data" / "mistakes"

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
#: Ids that Japanese headers may carry inside a name.
ALLOWED_IDS = {"NPO", "PTA"}


def _english_words(header: str) -> list[str]:
    header = re.sub(r"\{[a-z_]+\}", "", header)  # a placeholder is filled with Japanese words
    return [w for w in re.findall(r"[A-Za-z]{2,}", header) if w not in ALLOWED_IDS]


def _params():
    for name, command in sorted(cli.commands.items()):
        for param in command.params:
            yield name, param


# --- (a) every help, in both languages -------------------------------------------------------------------------


@pytest.mark.parametrize("name", [None, *sorted(cli.commands)])
def test_every_help_page_speaks_both_languages(runner, name):
    args = [name] if name else []
    ja = runner.invoke(cli, [*args, "--help"])
    en = runner.invoke(cli, [*args, "--help", "--lang", "en"])
    env_en = runner.invoke(cli, [*args, "--help"], env={"KYODO_LANG": "en"})
    assert ja.exit_code == en.exit_code == env_en.exit_code == 0
    assert ja.stdout.strip() and en.stdout.strip() and ja.stdout != en.stdout
    assert en.stdout == env_en.stdout
    assert ja.stdout.startswith("使い方:") and "オプション:" in ja.stdout and "例:" in ja.stdout
    assert en.stdout.startswith("Usage:") and "Options:" in en.stdout and "Example:" in en.stdout
    # --lang anywhere on the line, even before the command.
    if name:
        assert runner.invoke(cli, ["--lang", "en", name, "--help"]).stdout == en.stdout


@pytest.mark.parametrize(("name", "param"), list(_params()), ids=lambda x: getattr(x, "name", x))
def test_every_option_help_is_a_catalogue_entry_in_both_languages(name, param):
    if isinstance(param, click.Argument):
        return
    assert param.help and has_text(param.help), f"{name} {param.opts}: help should be a catalogue code"
    entry = ENTRIES[param.help]
    assert set(entry) == set(LANGS) and JAPANESE.search(entry["ja"]) and entry["ja"] != entry["en"]
    ctx = click.Context(cli.commands[name], info_name=name)
    for lang in LANGS:
        ctx.meta["kyodo.lang"] = lang
        record = param.get_help_record(ctx)
        assert record and entry[lang].split("（")[0][:8] in record[1].replace("\n", "")


def test_every_command_help_is_in_the_catalogue():
    for name, command in cli.commands.items():
        assert has_text(f"cli.{name}.help"), name
        assert JAPANESE.search(command.get_short_help_str()), name


def test_every_header_code_has_both_languages():
    headers = {code: e for code, e in ENTRIES.items() if code.startswith("col.")}
    assert len(headers) > 50
    for code, entry in headers.items():
        assert entry["ja"].strip() and entry["en"].strip(), code
        assert not _english_words(entry["ja"]), (code, entry["ja"])


# --- (b) no English in a Japanese header -----------------------------------------------------------------------

TABLE_COMMANDS = {
    "datasets": ["datasets"],
    "handover": ["handover", "akuwa-north", "--person", "seya-section-chief-f"],
    "info": ["info", "dream-heights"],
    "bridges": ["bridges", "nippa", "--top", "3"],
    "coordinators": ["coordinators", "nippa"],
    "whatif": ["whatif", "nippa", "--remove", "coordinator-s"],
    "risks": ["risks", "akuwa-north"],
    "suggest": ["suggest", "nippa", "--top", "3"],
    "compare": ["compare", "nippa", "akuwa-north"],
    "diff": ["diff", "dream-heights", "--from", "2005", "--to", "2007"],
    "review": ["review", "tests/data/review/gap.yaml"],
    "match": ["match", "kodomo-fudo", "konandai-playpark"],
    "departments": ["departments", "kodomo-fudo"],
}
#: Commands whose table output is a text report with no header row.
REPORTS = {"info", "coordinators", "whatif", "handover", "departments"}


def test_the_header_walk_covers_every_command_with_a_table():
    assert set(TABLE_COMMANDS) | {
        "validate",
        "map",
        "template",
        "import",
        "export",
        "report",
        "serve",
        "seating",
    } == set(cli.commands)


@pytest.mark.parametrize("name", sorted(TABLE_COMMANDS))
def test_japanese_headers_have_no_english_words(runner, name):
    args = TABLE_COMMANDS[name]
    ids = set(args[1:])  # district ids head compare's columns
    out = runner.invoke(cli, [*args, "--format", "csv"])
    assert out.exit_code == 0, out.output
    header = next(csv.reader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    assert header
    for h in header:
        assert not _english_words(h), (name, "csv", h)
    en = runner.invoke(cli, [*args, "--format", "csv", "--lang", "en"])
    assert next(csv.reader(io.StringIO(en.stdout.lstrip("\ufeff")))) != header
    if name in REPORTS:
        return
    table = runner.invoke(cli, [*args, "--format", "table"])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    if name == "diff":  # the change report ends with the indicator table
        lines = lines[next(i for i, line in enumerate(lines) if line.startswith("指標")) :]
    cells = [c for c in re.split(r"\s{2,}", lines[0].strip()) if c not in ids]
    assert cells and set(lines[1]) <= {"-", " "}
    for h in cells:
        assert not _english_words(h), (name, "table", h)


def test_sector_labels_in_csv_cells_follow_the_language(runner):
    ja = runner.invoke(cli, ["risks", "kodomo-fudo", "--format", "csv"]).stdout.lstrip("\ufeff")
    en = runner.invoke(cli, ["risks", "kodomo-fudo", "--format", "csv", "--lang", "en"]).stdout.lstrip("\ufeff")
    row_ja, row_en = next(csv.DictReader(io.StringIO(ja))), next(csv.DictReader(io.StringIO(en)))
    assert (row_ja["セクター識別子"], row_ja["セクター"]) == ("government", "行政")
    assert (row_en["sector"], row_en["sector_label"]) == ("government", "Government")


# --- (c) error lines and summaries in the chosen language ------------------------------------------------------


def test_validate_summary_speaks_the_chosen_language(runner, monkeypatch):
    monkeypatch.chdir(MISTAKES)
    ja = runner.invoke(cli, ["validate", "self-relation.yaml"])
    assert ja.exit_code == 1 and ja.stderr == "2 件の問題が見つかりました。\n"
    for extra, env in ((["--lang", "en"], None), ([], {"KYODO_LANG": "en"})):
        en = runner.invoke(cli, ["validate", "self-relation.yaml", *extra], env=env)
        assert en.exit_code == 1 and en.stderr == "2 problems found.\n"


def test_error_lines_speak_the_chosen_language(runner):
    args = ["diff", "nippa", "--from", "2008", "--to", "1999"]
    ja = runner.invoke(cli, args)
    assert ja.exit_code == 1 and ja.stderr.startswith("エラー: ") and "前の年" in ja.stderr
    en = runner.invoke(cli, [*args, "--lang", "en"])
    assert en.exit_code == 1 and en.stderr.startswith("Error: ") and "earlier year" in en.stderr
    assert runner.invoke(cli, args, env={"KYODO_LANG": "en"}).stderr == en.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["bridges", "nippa", "--format", "xml"],
        ["bridgs"],
        ["whatif", "nippa"],
        ["validate", "--nope", "x.yaml"],
        ["map", "nippa", "--depth", "2"],
    ],
)
def test_usage_errors_speak_the_chosen_language(runner, args):
    ja = runner.invoke(cli, args)
    assert ja.exit_code == 2
    assert ja.stderr.startswith("使い方: ") and "\nエラー: " in ja.stderr and "Error" not in ja.stderr
    en = runner.invoke(cli, [*args, "--lang", "en"])
    assert en.exit_code == 2 and en.stderr.startswith("Usage: ") and "\nError: " in en.stderr


def test_problem_lines_of_a_case_file_error_go_with_the_summary(runner):
    result = runner.invoke(cli, ["info", str(MISTAKES / "bad-year.yaml")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "3 件の問題が見つかりました。何も書き出していません。"


def test_diff_names_the_top_bridge(runner):
    out = runner.invoke(cli, ["diff", "dream-heights", "--from", "2005", "--to", "2007"]).stdout
    line = next(line for line in out.splitlines() if line.startswith("最大の橋渡し役"))
    assert not re.search(r"dream-heights-[a-z]", line), line


# --- one place each ------------------------------------------------------------------------------------------


def test_one_short_name_rule_never_merges_two_names():
    assert short_name("新羽地区（港北区）まちづくり協議会") == "新羽地区（港北区）まちづくり協議会"
    names = ["会長（自治会）", "会長（PTA）", "会長", "事務局（協議会）"]
    shorts = short_names(names)
    assert len(set(shorts.values())) == len(names)
    assert shorts["事務局（協議会）"] == "事務局"


def test_pick_sector_label_width_and_did_you_mean():
    assert pick({"name": "地区"}, "name", "en") == "地区"
    sectors = {
        "support": {
            "name": "社会福祉協議会・地域ケアプラザ・市民活動支援センター",
            "name_en": "Support bodies",
            "short": "支援機関",
            "short_en": "Support body",
        }
    }
    assert sector_label(sectors, "support", "ja") == "支援機関"
    assert sector_label(sectors, "support", "ja", full=True).startswith("社会福祉協議会")
    assert display_width("ＮＰＯ法人 a") == 12  # five wide characters, a space, a letter
    assert did_you_mean("bridgs", ["bridges", "risks"]) == "bridges" and did_you_mean("zz", ["risks"]) is None
