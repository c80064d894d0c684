"""Commands for spreadsheets: template (a workbook to fill in Excel) and import (a workbook or CSV → case YAML)."""

from __future__ import annotations

from pathlib import Path

import click

from ..lang import text
from ._options import column_overrides, command, echo_notes, lang_option, option, reading_options, say

DEFAULT_TEMPLATE = "my-district.xlsx"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def _refuse_overwrite(output: Path, force: bool, lang: str) -> None:
    """An existing output is kept unless --force (inputs are refused whatever the flag, by the writers)."""
    if output.exists() and not force:
        raise click.UsageError(text("sheets.exists", lang, path=output))


@command("template")
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE.xlsx",
    help="opt.template.output",
)
@lang_option()
@option("--force", is_flag=True, help="opt.force")
def template(output: Path | None, lang: str, force: bool) -> None:
    from ..render.workbook import write_template

    output = output if output is not None else Path(DEFAULT_TEMPLATE)
    _refuse_overwrite(output, force, lang)
    click.echo(str(write_template(output, lang)))
    say("sheets.next", lang, err=True, path=output)


@command("import")
@click.argument(
    "inputs",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE.xlsx | FILE.csv | ACTORS.csv RELATIONS.csv [PROJECTS.csv]",
)
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="CASE.yaml",
    help="opt.import.output",
)
@option("--force", is_flag=True, help="opt.force")
@reading_options
@lang_option()
def import_command(
    inputs: tuple[Path, ...],
    output: Path | None,
    force: bool,
    columns: tuple[str, ...],
    district_name: str | None,
    lang: str,
) -> None:
    from ..load import load_cases, load_csv_tables
    from ..render._write import check_targets
    from ..render.case_yaml import case_tree, write_checked_case_yaml

    one = len(inputs) == 1 and inputs[0].suffix.lower() in WORKBOOK_SUFFIXES + (".csv", ".txt", ".tsv")
    csvs = 2 <= len(inputs) <= 3 and all(p.suffix.lower() == ".csv" for p in inputs)
    if not (one or csvs):
        raise click.UsageError(text("sheets.inputs", lang))
    overrides = column_overrides(columns, lang)
    from .._inputs import remember_input

    for p in inputs:
        remember_input(p)  # an input is never a target
    output = output if output is not None else Path(inputs[0].with_suffix(".yaml").name)
    check_targets([output])
    _refuse_overwrite(output, force, lang)
    # every problem is located in the user's own file (sheet and cell, or line and column) before anything is written
    if one:
        case = load_cases([inputs[0]], columns=overrides, name=district_name)[0]
    else:
        case = load_csv_tables(inputs, columns=overrides, name=district_name)
    echo_notes([case], lang, err=True)
    made_from = " ".join(p.name for p in inputs)
    click.echo(str(write_checked_case_yaml(output, case_tree(case), made_from=made_from)))


COMMANDS = [template, import_command]
