"""Option families, the command class that speaks the chosen language, and output helpers shared by every command
(sqlite-utils' ``output_options`` is the model).

Every help text is a catalogue code (:mod:`kyodo_network.catalogue.cli`), looked up when the help is shown. Since
``--help`` is eager (click shows help while it is still parsing), :class:`KyodoCommand` scans the arguments for
``--lang`` before click parses them and keeps what it found in ``ctx.meta``: ``--lang en`` anywhere on the line,
or ``KYODO_LANG=en``, gives English help. Commands import from here, never from the package ``__init__``, so
registering them makes no import loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import click

from ..errors import CaseDataError, KyodoError  # noqa: F401  (re-exported for the command modules)
from ..lang import LANGS, did_you_mean, env_lang, text

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
_META = "kyodo.lang"


# --- the language of a command line -----------------------------------------------------------------------------


def scan_lang(args: Iterable[str]) -> str | None:
    """The value of the last ``--lang`` in ``args`` (``--lang en`` or ``--lang=en``), if any.

    >>> scan_lang(["bridges", "--help", "--lang", "en"]), scan_lang(["--lang=ja"]), scan_lang(["x"])
    ('en', 'ja', None)
    """
    args = list(args)
    found = None
    for i, a in enumerate(args):
        if a == "--":
            break
        if a == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif a.startswith("--lang="):
            found = a.split("=", 1)[1]
    return found


def ctx_lang(ctx: click.Context | None) -> str:
    """The language for help and messages of ``ctx``: the pre-scanned ``--lang``, else ``KYODO_LANG``, else ``ja``."""
    value = ctx.meta.get(_META) if ctx is not None else None
    return env_lang(value)


def _remember_lang(ctx: click.Context, args: Sequence[str]) -> None:
    found = scan_lang(args)
    if found in LANGS or found == "both":
        ctx.meta[_META] = "ja" if found == "both" else found
    elif _META not in ctx.meta:
        ctx.meta[_META] = env_lang()


class _Localised:
    """Help pages in the chosen language: usage, headings, the command's help, option defaults."""

    help_code: str | None = None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _remember_lang(ctx, args)
        return super().parse_args(ctx, args)  # type: ignore[misc]

    def localised_help(self, lang: str) -> str | None:
        return text(self.help_code, lang) if self.help_code else self.help  # type: ignore[attr-defined]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = ctx_lang(ctx)
        pieces = " ".join(self.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
        for metavar in ("[OPTIONS]", "COMMAND [ARGS]..."):
            pieces = pieces.replace(metavar, text(f"click.metavar.{metavar}", lang))
        formatter.write_usage(ctx.command_path, pieces, prefix=text("click.usage", lang))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        import inspect

        help_text = self.localised_help(ctx_lang(ctx))
        if help_text:
            formatter.write_paragraph()
            with formatter.indentation():
                width = max(formatter.width - formatter.current_indent, 20)
                formatter.write_text(_wrap_wide(inspect.cleandoc(help_text), width))

    def get_short_help_str(self, limit: int = 45) -> str:
        help_text = self.localised_help(env_lang(_current_lang())) or ""
        return help_text.strip().splitlines()[0] if help_text.strip() else ""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        opts = [
            rv
            for p in self.get_params(ctx)  # type: ignore[attr-defined]
            if not isinstance(p, click.Argument) and (rv := p.get_help_record(ctx)) is not None
        ]
        if opts:
            with formatter.section(text("click.options", ctx_lang(ctx))):
                formatter.write_dl(opts)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None and not isinstance(option, KyodoOption):
            option.__class__ = KyodoOption  # click caches this one object; give it catalogue help
            option.help = "opt.help"
        return option


#: Columns left for an option's help on a 100-column help page (click gives the option names up to 32).
_OPTION_HELP_WIDTH = 62
_NO_LINE_START = "、。，．）」』：；！？ー"


def _wrap_wide(help_text: str, width: int) -> str:
    """Break paragraphs with Japanese text by display width (click wraps only at spaces), marking them ``\\b`` so
    click keeps the breaks; other paragraphs are left to click.

    >>> _wrap_wide("あいうえお、かきくけこ。", 10).split("\\n")[1:]  # 、 and 。 never start a line
    ['あいうえお、', 'かきくけこ。']
    """
    from ..lang import display_width

    out = []
    for para in help_text.split("\n\n"):
        if para.startswith("\b") or para.isascii():
            out.append(para)
            continue
        flat = " ".join(line.strip() for line in para.splitlines())
        lines, line = [], ""
        for token in re.findall(r"[!-~]+|.", flat):  # an ASCII word is never split; a wide character may be
            if display_width(line + token) > width and line.strip() and token[0] not in _NO_LINE_START + ").,;:":
                lines.append(line.rstrip())
                line = "" if token == " " else token
                continue
            line += token
        if line.strip():
            lines.append(line.rstrip())
        out.append("\b\n" + "\n".join(lines))
    return "\n\n".join(out)


def _current_lang() -> str | None:
    ctx = click.get_current_context(silent=True)
    return ctx_lang(ctx) if ctx is not None else None


class KyodoCommand(_Localised, click.Command):
    """A command whose help comes from the catalogue code ``cli.<name>.help`` in the chosen language.

    ``help`` itself holds the Japanese text, so tools that read ``command.help`` (the examples test) see it.
    """

    def __init__(self, name: str | None, *args: Any, **kwargs: Any) -> None:
        code = f"cli.{name}.help"
        kwargs["help"] = text(code, "ja")
        super().__init__(name, *args, **kwargs)
        self.help_code = code


class KyodoOption(click.Option):
    """An option whose ``help`` is a catalogue code, shown in the chosen language with its default."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.hidden:
            return None
        lang = ctx_lang(ctx)
        words = text(self.help, lang) if self.help else ""
        extra = self.get_help_extra(ctx)
        items = []
        if "default" in extra:
            items.append(text("click.default", lang, default=extra["default"]))
        if "range" in extra:
            items.append(extra["range"])
        if "required" in extra:
            items.append(text("click.required", lang))
        if items:
            words = f"{words}  [{'; '.join(items)}]" if words else f"[{'; '.join(items)}]"
        spec = super().get_help_record(ctx)  # the option's own spec (-o, --output FILE): public API in every click 8
        return (spec[0] if spec else ", ".join(self.opts)), _wrap_wide(words, _OPTION_HELP_WIDTH)


class KyodoChoice(click.Choice):
    """A choice whose complaint is in the chosen language, with a did-you-mean."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        lang = ctx_lang(ctx)
        msg = text("click.bad_choice", lang, value=value, choices=", ".join(f"'{c}'" for c in self.choices))
        close = did_you_mean(str(value), [str(c) for c in self.choices])
        if close:
            msg += text("click.did_you_mean", lang, choice=f"'{close}'")
        self.fail(msg, param, ctx)


class YearType(click.ParamType):
    """A year as people write it: 2013, ２０１３, 2013年度, 平成25, H25, 令和2年, R2 (fiscal years read as Western)."""

    name = "year"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int):
            return value
        from ..words import year_of

        year, _, _ = year_of(str(value))
        if year is None:
            self.fail(text("click.bad_year", ctx_lang(ctx), value=value), param, ctx)
        return year


class CountType(click.ParamType):
    """A whole number of at least ``minimum`` (full-width digits too), complaining in the chosen language."""

    name = "integer"

    def __init__(self, minimum: int = 0) -> None:
        self.minimum = minimum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and value >= self.minimum:
            return value
        from ..words import plain_digits

        plain = plain_digits(str(value).strip())
        if plain is None or not plain.lstrip("-").isdigit() or int(plain) < self.minimum:
            self.fail(text("click.bad_count", ctx_lang(ctx), value=value, minimum=self.minimum), param, ctx)
        return int(plain)


YEAR = YearType()


def command(name: str) -> Callable:
    """``@click.command(name)`` with help in the chosen language (``cli.<name>.help``)."""
    return click.command(name, cls=KyodoCommand)


def option(*decls: str, help: str, **kwargs: Any) -> Callable:
    """``@click.option`` whose ``help`` is a catalogue code."""
    return click.option(*decls, cls=KyodoOption, help=help, **kwargs)


# --- the option families ----------------------------------------------------------------------------------------

cases_argument = click.argument("cases", nargs=-1, metavar="[CASE]...")


def format_option(*choices: str) -> Callable:
    """``--format [table|json|csv]`` (or the given choices; the first is the default)."""
    choices = choices or ("table", "json", "csv")
    return option(
        "--format", "fmt", type=KyodoChoice(choices), default=choices[0], show_default=True, help="opt.format"
    )


def _lang_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """The option's value; unset, the line's ``--lang`` (``kyodo --lang en bridges``), else ``KYODO_LANG``."""
    if value == "both":
        return value
    return env_lang(value) if value is not None else ctx_lang(ctx)


def lang_option(func: Callable | None = None, *, both: bool = False) -> Callable:
    """``--lang ja|en`` (``both`` too on maps); unset, ``KYODO_LANG`` decides, else ``ja``.

    Use as ``@lang_option`` or ``@lang_option()`` (``@lang_option(both=True)`` on maps).
    """
    choices = ["ja", "en", "both"] if both else ["ja", "en"]
    decorator = option(
        "--lang",
        type=KyodoChoice(choices),
        default=None,
        callback=_lang_value,
        help="opt.map.lang" if both else "opt.lang",
    )
    return decorator(func) if func is not None else decorator


year_option = option("--year", type=YEAR, default=None, metavar="YEAR", help="opt.year")


def reading_options(func: Callable) -> Callable:
    """``--column 見出し=項目`` (repeatable) and ``--name 地区名``: how to read a user's list (validate, import)."""
    func = option("--name", "district_name", default=None, metavar="NAME", help="opt.read.name")(func)
    return option("--column", "columns", multiple=True, metavar="HEADING=FIELD", help="opt.read.column")(func)


def column_overrides(items: Sequence[str], lang: str) -> dict[str, str]:
    """The ``--column`` options as ``{heading: field}``; a usage error (exit 2) for one that cannot be read."""
    from ..casefile.sheets import parse_column_overrides

    found, bad = parse_column_overrides(items)
    if bad:
        raise click.UsageError("\n".join(m.render(lang) for m in bad))
    return found


def echo_notes(cases: Sequence[Any], lang: str, *, err: bool = False) -> None:
    """What the reader understood of each file (its notes), under a heading line; nothing for a file without."""
    for case in cases:
        notes = getattr(case, "notes", ())
        if not notes:
            continue
        click.echo(text("cli.understood", lang, path=case.path, n=len(notes)), err=err)
        for note in notes:
            click.echo("  " + problem_text(note, lang).removesuffix(f" ({note.code})"), err=err)


def top_option(default: int | None = None) -> Callable:
    """``--top N``: show the first N; ``0`` (and no value) means all."""
    return option(
        "--top", type=CountType(0), default=default, show_default=default is not None, metavar="N", help="opt.top"
    )


public_option = option("--public", is_flag=True, help="opt.public")


def network(
    cases: Sequence[str],
    *,
    year: int | None = None,
    directed: bool = False,
    view: str = "actors",
    public: bool = False,
    actors: Sequence[str] = (),
) -> tuple[Any, list[str]]:
    """The graph a command works on, and the ids of the actors its arguments name (by id or name).

    Names are resolved on the data as loaded (a person knows the real names); with ``--public`` the graph is the
    one :func:`kyodo_network.graph.graph_from_names` redacts, and the ids follow it
    (:func:`kyodo_network.graph.public_ids`).
    """
    from ..graph import graph_from_names, public_ids
    from ..names import resolve_actor

    ids: list[str] = []
    if actors or not public:
        G = graph_from_names(cases, year=year, view=view, directed=directed)
        ids = [a if a in G else resolve_actor(G, a) for a in actors]
    if public:
        ids = public_ids(cases, ids, year=year, view=view, directed=directed)
        G = graph_from_names(cases, year=year, view=view, directed=directed, public=True)
    if year is not None:
        ctx = click.get_current_context(silent=True)
        lang = ctx.params.get("lang") if ctx is not None else None
        say_assumed(G, lang if lang in ("ja", "en") else ctx_lang(ctx))
    return G, ids


def answered(
    command: str,
    cases: Sequence[str],
    compute: Callable[[], tuple[Any, Any]],
    *,
    lang: str,
    year: int | None = None,
    empty: bool = True,
    **options: Any,
) -> tuple[Any, Any]:
    """The rows of ``command`` on ``cases`` and a sketch of the graph they were computed on, for the words around
    them (:class:`kyodo_network._answers.Sketch`; ``None`` when ``compute`` gives no graph).

    ``compute()`` returns the rows and the graph; it runs only when the same command with the same ``options``
    (``year`` and every other option that changes the answer) has no answer kept from an earlier run on the same
    bytes (:func:`kyodo_network._answers.answer`). What it says on stderr while it works — a year's assumption
    (:func:`network`), an empty network (``empty``: :func:`~kyodo_network.cli._empty.say_if_empty`) — is said
    again from the sketch for a kept answer, and the rows are written from the sketch either way, so a kept answer
    prints what a fresh one does.
    """
    from .._answers import Sketch, answer

    def fresh() -> tuple[Any, Any]:
        rows, G = compute()
        return rows, (None if G is None else Sketch(G, rows))

    (rows, sketch), kept = answer(command, cases, {**options, "year": year}, fresh)
    if kept and sketch is not None:
        from ._empty import say_if_empty

        if year is not None:
            say_assumed(sketch, lang)
        if empty:
            say_if_empty(sketch, cases, lang, year=year)
    return rows, sketch


def say_assumed(G: Any, lang: str) -> None:
    """On stderr: a year view's assumption (records with no year counted as present), or that there are no years."""
    if not G.graph.get("dated", True):
        click.echo(text("years.none", lang), err=True)
        return
    u = G.graph.get("undated") or {}
    counts = {k: len(u.get(k, [])) for k in ("actors", "relations", "projects")}
    n = sum(counts.values())
    if n:
        click.echo(text("years.assumed", lang, n=n, year=G.graph["year"], **counts), err=True)


def output_option(help: str) -> Callable:
    """``-o/--output PATH``."""
    return option(
        "-o", "--output", "output_arg", type=click.Path(dir_okay=True), default=None, metavar="PATH", help=help
    )


def network_options(func: Callable) -> Callable:
    """The options of every command that analyses a network: CASEs, ``--format``, ``--lang``, ``--year``."""
    for decorator in reversed((cases_argument, format_option(), lang_option(), year_option)):
        func = decorator(func)
    return func


# --- output -----------------------------------------------------------------------------------------------------


def header(key: str, lang: str, command: str | None = None) -> str:
    """The table header of column ``key`` (``col.<command>.<key>`` first, then ``col.<key>``)."""
    from ..lang import has_text

    code = f"col.{command}.{key}" if command and has_text(f"col.{command}.{key}") else f"col.{key}"
    return text(code, lang)


def columns(keys: Sequence[str], lang: str, command: str | None = None, *, csv: bool = False) -> list[tuple[str, str]]:
    """``(key, header)`` pairs: table headers in ``lang``; CSV headers in Japanese, or the keys in English."""
    if csv and lang == "en":
        return [(k, k) for k in keys]
    return [(k, header(k, lang, command)) for k in keys]


def emit(
    rows: Sequence[Mapping[str, Any]], cols: Sequence[tuple[str, str]], fmt: str, data: Any = None, *, lang: str = "ja"
) -> None:
    """Write rows as a table, CSV (headed by the second item of each column) or JSON (``data`` if given)."""
    from ..render.text import format_csv, format_json, format_table

    if fmt == "table":
        yes = text("report.yes", lang)
        rows = [{k: (yes if v is True else "" if v is False else v) for k, v in r.items()} for r in rows]
    if fmt == "json":
        click.echo(format_json(rows if data is None else data))
    elif fmt == "csv":
        click.echo("\ufeff" + format_csv(rows, [k for k, _ in cols], headers=[h for _, h in cols]), nl=False)
    else:
        click.echo(format_table(rows, cols))


def problem_text(problem: object, lang: str) -> str:
    """A problem's line in ``lang`` (``Problem.format(lang)`` where the loader offers it)."""
    fmt = getattr(problem, "format", None)
    return fmt(lang) if callable(fmt) else str(problem)


def error_text(err: BaseException, lang: str) -> str:
    """A library error's words in ``lang`` (``message(lang)`` where the error offers it, else its text)."""
    first = err.args[0] if err.args else ""
    if hasattr(first, "render"):
        return first.render(lang)
    message = getattr(err, "message", None)
    return message(lang) if callable(message) else str(err)


def count_line(code: str, n: int, lang: str) -> str:
    """The catalogue line ``code.one`` or ``code.many`` for a count ``n``."""
    return text(f"{code}.{'one' if n == 1 else 'many'}", lang, n=n)


def say(code: str, lang: str, *, err: bool = False, **fields: object) -> None:
    """Echo the catalogue line ``code`` (to stderr with ``err``)."""
    click.echo(text(code, lang, **fields), err=err)


def load(cases: Sequence[str]) -> list:
    from ..load import load_cases

    return load_cases(cases)
