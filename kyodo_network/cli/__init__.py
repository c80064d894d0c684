"""The ``kyodo`` command: a thin click layer over the library.

Each command parses its options, calls one to three library functions, and formats what they return.
Results go to stdout; problems and progress to stderr. Exit codes: 0 success, 1 bad data or an impossible
request, 2 a usage error. Everything a person reads is in the chosen language (``--lang`` anywhere on the line,
else ``KYODO_LANG``, else Japanese): help pages, error lines and click's own usage errors.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import CaseDataError, KyodoError, UnknownCaseError
from ..render.outputs import OutputPathError
from ..lang import text
from ._options import CONTEXT, KyodoOption, _Localised, count_line, ctx_lang, error_text, lang_option, problem_text

__all__ = ["cli", "main", "error_text", "problem_text"]


def _localise(err: click.ClickException, lang: str) -> None:
    """Make click's own usage errors speak ``lang``: the usage line, the help hint, ``Error:`` and the message."""
    from click import exceptions as ex

    def message() -> str:
        if isinstance(err, ex.NoSuchCommand):
            words = text("click.no_such_command", lang, name=err.command_name)
            close = sorted(err.possibilities or [])[:1]
            return words + (text("click.did_you_mean", lang, choice=f"'{close[0]}'") if close else "")
        if isinstance(err, ex.NoSuchOption):
            words = text("click.no_such_option", lang, name=err.option_name)
            close = sorted(err.possibilities or [])[:1]
            return words + (text("click.did_you_mean", lang, choice=close[0]) if close else "")
        if isinstance(err, ex.MissingParameter):
            hint = err.param_hint or (err.param.get_error_hint(err.ctx) if err.param and err.ctx else "")
            kind = err.param.param_type_name if err.param else "parameter"
            return text(f"click.missing.{kind}", lang, param=hint)
        if isinstance(err, ex.BadParameter) and (err.param or err.param_hint):
            hint = err.param_hint or (err.param.get_error_hint(err.ctx) if err.param and err.ctx else "")
            if isinstance(hint, (list, tuple)):
                hint = " / ".join(hint)
            return text("click.bad_value", lang, param=hint, message=err.message)
        return err.format_message()

    def show(file: Any = None) -> None:
        ctx = getattr(err, "ctx", None)
        if isinstance(err, click.UsageError) and ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                names = ctx.command.get_help_option_names(ctx)
                hint = text("click.try_help", lang, command=ctx.command_path, option=max(names, key=len)) + "\n"
            click.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=ctx.color)
        click.echo(text("cli.error", lang, message=message()), err=True)

    err.show = show  # type: ignore[method-assign]


class KyodoGroup(_Localised, click.Group):
    """The ``kyodo`` group: help in the chosen language, and library errors turned into clean messages and exit
    codes instead of tracebacks."""

    help_code = "cli.kyodo.help"

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        from ._options import scan_lang
        from ..lang import env_lang

        lang = env_lang(scan_lang(args))
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.ClickException as err:
            _localise(err, lang)
            raise

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(text("click.commands", ctx_lang(ctx))):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        lang = ctx_lang(ctx)
        try:
            return super().invoke(ctx)
        except CaseDataError as err:
            for p in err.problems:
                click.echo(problem_text(p, lang), err=True)
            n = len(err.problems)
            click.secho(count_line("cli.problems_nothing_written", n, lang), fg="red", err=True)
            ctx.exit(1)
        except (UnknownCaseError, OutputPathError) as err:  # a case that is not there, -o x.jpg for a map
            usage = click.UsageError(error_text(err, lang))
            _localise(usage, lang)
            raise usage from None
        except KyodoError as err:
            click.secho(text("cli.error", lang, message=error_text(err, lang)), fg="red", err=True)
            ctx.exit(1)
        except click.ClickException as err:
            _localise(err, ctx_lang(getattr(err, "ctx", None) or ctx))
            raise


def _version(func: Any) -> Any:
    return click.version_option(__version__, "--version", prog_name="kyodo", cls=KyodoOption, help="opt.version")(func)


@click.group(cls=KyodoGroup, context_settings=CONTEXT)
@_version
@lang_option()
def cli(lang: str) -> None:
    """kyodo-network: map who works with whom (help text: ``cli.kyodo.help`` in the catalogue)."""


cli.help = text("cli.kyodo.help", "ja")


def main() -> None:
    """Entry point of the ``kyodo`` console script.

    SIGTERM is turned into an ordinary exit, so a killed run removes its temporary files as Ctrl-C does.
    """
    import signal

    def _terminate(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli(prog_name="kyodo")
    except MemoryError:  # a city too large for this computer: said plainly, with what to do
        import sys

        from ..lang import env_lang
        from ._options import scan_lang

        try:
            sys.stderr.write(text("cli.out_of_memory", env_lang(scan_lang(sys.argv[1:]))) + "\n")
        except (OSError, MemoryError):
            pass
        raise SystemExit(1) from None
    except OSError as err:  # the output itself could not be written: a full disk, a closed pipe
        import sys

        from ..lang import env_lang
        from ._options import scan_lang

        lang = env_lang(scan_lang(sys.argv[1:]))
        try:
            sys.stderr.write(text("cli.output_failed", lang, reason=err.strerror or err) + "\n")
        except OSError:
            pass
        raise SystemExit(1) from None


def _register() -> None:
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
