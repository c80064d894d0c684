"""Commands for spreadsheets: template (a workbook to fill in Excel) and import (a workbook or CSV → case YAML)."""

from __future__ import annotations

from pathlib import Path

import click

from ..lang import text
from ._options import command, lang_option, option, say

DEFAULT_TEMPLATE = "my-district.xlsx"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def _refuse_overwrite(output: Path, force: bool, lang: str) -> None:
    """An existing output is kept unless --force (inputs are refused whatever the flag, by the writers)."""
    if output.exists() and not force:
        raise click.UsageError(text("sheets.exists", lang, path=output))


@command("template")
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE.xlsx",
        help="opt.template.output")
@lang_option()
@option("--force", is_flag=True, help="opt.force")
def template(output: Path | None, lang: str, force: bool) -> None:
    from ..render.workbook import write_template

    output = output if output is not None else Path(DEFAULT_TEMPLATE)
    _refuse_overwrite(output, force, lang)
    click.echo(str(write_template(output, lang)))
    say("sheets.next", lang, err=True, path=output)


@command("import")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                metavar="FILE.xlsx | ACTORS.csv RELATIONS.csv [PROJECTS.csv]")
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="CASE.yaml",
        help="opt.import.output")
@option("--force", is_flag=True, help="opt.force")
@lang_option()
def import_command(inputs: tuple[Path, ...], output: Path | None, force: bool, lang: str) -> None:
    from ..errors import CaseDataError
    from ..load import _display, load_cases
    from ..render._write import check_targets
    from ..render.case_yaml import write_checked_case_yaml
    from ..sheets import read_csv_tables, read_workbook

    workbook = len(inputs) == 1 and inputs[0].suffix.lower() in WORKBOOK_SUFFIXES
    csvs = 2 <= len(inputs) <= 3 and all(p.suffix.lower() == ".csv" for p in inputs)
    if not (workbook or csvs):
        raise click.UsageError(text("sheets.inputs", lang))
    output = output if output is not None else Path(inputs[0].with_suffix(".yaml").name)
    if workbook:
        load_cases([inputs[0]])  # every problem located by sheet and cell, before anything is written
        tree, problems = read_workbook(inputs[0], _display(inputs[0]))
    else:
        for p in inputs:
            from .._inputs import remember_input

            remember_input(p)
        tree, problems = read_csv_tables(*inputs, display=_display, district=output.stem)
    check_targets([output])
    _refuse_overwrite(output, force, lang)
    if problems or tree is None:
        raise CaseDataError(problems)
    made_from = " ".join(p.name for p in inputs)
    click.echo(str(write_checked_case_yaml(output, tree, made_from=made_from)))


COMMANDS = [template, import_command]
