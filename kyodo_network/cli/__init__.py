"""The ``kyodo`` command: a thin click layer over the library.

Each command parses its options, calls one to three library functions, and formats what they return.
Results go to stdout; problems and progress to stderr. Exit codes: 0 success, 1 bad data or an impossible
request, 2 a usage error.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import CaseDataError, KyodoError, UnknownCaseError
from ._options import CONTEXT


class KyodoGroup(click.Group):
    """Turns library errors into clean messages and exit codes instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CaseDataError as err:
            for p in err.problems:
                click.echo(str(p), err=True)
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


def main() -> None:
    """Entry point of the ``kyodo`` console script.

    SIGTERM is turned into an ordinary exit, so a killed run removes its temporary files as Ctrl-C does.
    """
    import signal

    def _terminate(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="kyodo")


def _register() -> None:
    from . import analyse, connect, data, export, maps, sheets

    for module in (data, sheets, analyse, connect, maps, export):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
