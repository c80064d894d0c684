"""The ``kyodo`` command: a thin click layer over the library.

Each command parses its options, calls one to three library functions, and formats what they return.
Results go to stdout; problems and progress to stderr. Exit codes: 0 success, 1 bad data or an impossible
request, 2 a usage error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click

from .. import __version__
from ..errors import CaseDataError, KyodoError, UnknownCaseError
from ..lang import env_lang

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class KyodoGroup(click.Group):
    """Turns library errors into clean messages and exit codes instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CaseDataError as err:
            for p in err.problems:
                click.echo(p.format(env_lang()), err=True)
            n = len(err.problems)
            click.secho(f"{n} problem{'s' if n != 1 else ''} found; nothing was written.", fg="red", err=True)
            ctx.exit(1)
        except UnknownCaseError as err:
            raise click.UsageError(str(err)) from None
        except KyodoError as err:
            click.secho(f"Error: {err}", fg="red", err=True)
            ctx.exit(1)


@click.group(cls=KyodoGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="kyodo")
def cli() -> None:
    """kyodo-network: map who works with whom in a neighbourhood (協働のネットワーク).

    Case data are YAML files (format kyodo-case/1, see datasets/README.md). Wherever a command takes CASE, give a
    bundled case id (see `kyodo datasets`) or a path to your own file; with no CASE, all bundled cases are used.

    \b
    Examples:
      kyodo datasets
      kyodo validate my-district.yaml
      kyodo info dream-heights
    """


# --- shared option families -------------------------------------------------------------------------------

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


def main() -> None:
    """Entry point of the ``kyodo`` console script."""
    cli(prog_name="kyodo")


from . import analyse, connect, data, maps  # noqa: E402,F401  (registers the commands)
