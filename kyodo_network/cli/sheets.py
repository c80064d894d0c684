"""Commands for spreadsheets: template (a workbook to fill in Excel) and import (a workbook or CSV → case YAML)."""

from __future__ import annotations

from pathlib import Path

import click

from ._options import lang_option

DEFAULT_TEMPLATE = "my-district.xlsx"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def _refuse_overwrite(output: Path, inputs: tuple[Path, ...], force: bool) -> None:
    if any(output.resolve() == p.resolve() for p in inputs):
        raise click.UsageError(f"-o {output} は読み込むファイルそのものです。別の名前にしてください / "
                               f"-o {output} is an input file; choose another name")
    if output.exists() and not force:
        raise click.UsageError(f"{output} はもうあります。上書きするなら --force を付けてください / "
                               f"{output} already exists; add --force to replace it")


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE.xlsx",
              help=f"書き出すファイル / File to write (default: {DEFAULT_TEMPLATE} in this folder).")
@lang_option
@click.option("--force", is_flag=True, help="あるファイルを上書きする / Replace an existing file.")
def template(output: Path | None, lang: str, force: bool) -> None:
    """Excel で記入するブックを作る / Write a blank workbook to fill in Excel.

    シートは 地区・アクター・関係・協働事業・使い方。セクター・種類・公開範囲は一覧から選べます。記入したブックは
    そのまま各コマンドの CASE になります（例：kyodo map my-district.xlsx）。--lang en で英語版。

    Sheets District, Actors, Relations, Projects and How to use; Sector, Type and Visibility have drop-down
    lists. Once filled in, the workbook is a CASE for every command. Existing files are kept unless --force.

    \b
    Example:
      kyodo template
      kyodo template --lang en -o english.xlsx
    """
    from ..render.workbook import write_template

    output = output if output is not None else Path(DEFAULT_TEMPLATE)
    _refuse_overwrite(output, (), force)
    click.echo(str(write_template(output, lang)))
    if lang == "ja":
        click.echo(f"次に：Excel で記入して保存し、kyodo map {output} で地図にします。", err=True)
    else:
        click.echo(f"Next: fill it in Excel, save, and draw it with kyodo map {output}", err=True)


@click.command(name="import")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                metavar="FILE.xlsx | ACTORS.csv RELATIONS.csv [PROJECTS.csv]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="CASE.yaml",
              help="書き出す事例ファイル / Case file to write (default: the input's name with .yaml).")
@click.option("--force", is_flag=True, help="あるファイルを上書きする / Replace an existing file.")
def import_command(inputs: tuple[Path, ...], output: Path | None, force: bool) -> None:
    """Excel や CSV から事例ファイル（YAML）を作る / Turn a workbook or CSV files into a case file.

    ブック（kyodo template の形、または Kumu の Elements/Connections）1つか、CSV 2つ（アクター・関係）か3つ
    （＋協働事業）を読みます。CSV の見出しはテンプレートと同じで、UTF-8 か Shift_JIS。書く前に確かめ、
    問題があればセルの場所を添えて全部示し、何も書きません。

    Reads one workbook (the template's layout or Kumu's Elements/Connections) or two CSV files (actors,
    relations) or three (+ projects) with the template's headers, UTF-8 or Shift_JIS. The case is checked
    before it is written; every problem is listed and nothing is written. The input is never overwritten.

    \b
    Example:
      kyodo import nippa.xlsx -o nippa-from-excel.yaml
    """
    from ..load import _display
    from ..render.case_yaml import write_checked_case_yaml
    from ..sheets import read_csv_tables, read_workbook
    from ..errors import CaseDataError

    workbook = len(inputs) == 1 and inputs[0].suffix.lower() in WORKBOOK_SUFFIXES
    csvs = 2 <= len(inputs) <= 3 and all(p.suffix.lower() == ".csv" for p in inputs)
    if not (workbook or csvs):
        raise click.UsageError("ブック（.xlsx）1つか、CSV 2つか3つを指定してください / give one .xlsx workbook, "
                               "or two or three .csv files (actors, relations[, projects])")
    output = output if output is not None else Path(inputs[0].with_suffix(".yaml").name)
    _refuse_overwrite(output, inputs, force)
    if workbook:
        tree, problems = read_workbook(inputs[0], _display(inputs[0]))
    else:
        tree, problems = read_csv_tables(*inputs, display=_display, district=output.stem)
    if problems or tree is None:
        raise CaseDataError(problems)
    made_from = " ".join(p.name for p in inputs)
    click.echo(str(write_checked_case_yaml(output, tree, made_from=made_from)))


COMMANDS = [template, import_command]
