"""Option families and output helpers shared by every command (sqlite-utils' ``output_options`` is the model).

Commands import from here, never from the package ``__init__``, so registering them makes no import loop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click

from ..errors import CaseDataError, KyodoError  # noqa: F401  (re-exported for the command modules)

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

cases_argument = click.argument("cases", nargs=-1, metavar="[CASE]...")


def format_option(*choices: str) -> Callable:
    choices = choices or ("table", "json", "csv")
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                        help="Output format (csv opens in Excel: UTF-8 with BOM).")


lang_option = click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True,
                           help="Language of names and labels.")
year_option = click.option("--year", type=int, default=None, metavar="YEAR",
                           help="Analyse the network as it stood in this year (e.g. 2008).")


def emit(rows: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, str]], fmt: str, data: Any = None) -> None:
    """Write rows as a table, CSV (all keys of ``columns``) or JSON (``data`` if given, else the rows)."""
    from ..render.text import format_csv, format_json, format_table

    if fmt == "json":
        click.echo(format_json(rows if data is None else data))
    elif fmt == "csv":
        click.echo("\ufeff" + format_csv(rows, [k for k, _ in columns]), nl=False)
    else:
        click.echo(format_table(rows, columns))


def load(cases: Sequence[str]) -> list:
    from ..load import load_cases

    return load_cases(cases)


def name_of(d: Mapping[str, Any], lang: str) -> str:
    return (d.get("name_en") if lang == "en" else d.get("name")) or d.get("name") or ""




def name_of(d: Mapping[str, Any], lang: str) -> str:
    return (d.get("name_en") if lang == "en" else d.get("name")) or d.get("name") or ""
