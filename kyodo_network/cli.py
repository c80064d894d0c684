"""The ``kyodo`` command: a thin click layer over the library.

Each command parses its options, calls one to three library functions, and formats what they return.
Results go to stdout; problems and progress to stderr. Exit codes: 0 success, 1 bad data or an impossible
request, 2 a usage error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click

from . import __version__
from .errors import CaseDataError, KyodoError, UnknownCaseError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


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
    from .render.text import format_csv, format_json, format_table

    if fmt == "json":
        click.echo(format_json(rows if data is None else data))
    elif fmt == "csv":
        click.echo("\ufeff" + format_csv(rows, [k for k, _ in columns]), nl=False)
    else:
        click.echo(format_table(rows, columns))


def load(cases: Sequence[str]) -> list:
    from .load import load_cases

    return load_cases(cases)


def name_of(d: Mapping[str, Any], lang: str) -> str:
    return (d.get("name_en") if lang == "en" else d.get("name")) or d.get("name") or ""


# --- commands ------------------------------------------------------------------------------------------------


@cli.command()
@format_option()
@lang_option
def datasets(fmt: str, lang: str) -> None:
    """List the bundled cases, one line each.

    \b
    Example:
      kyodo datasets
      kyodo datasets --format csv > cases.csv
    """
    from .load import bundled_cases, load_cases

    rows = []
    for case in load_cases(bundled_cases().values()):
        d = case.district
        rows.append({
            "id": d.id, "name": d.name_en if lang == "en" else d.name, "ward": d.ward_en if lang == "en" else d.ward,
            "actors": len(case.actors), "relations": len(case.relations), "projects": len(case.projects),
            "cite": d.cite,
        })
    cols = [("id", "id"), ("name", "name" if lang == "en" else "名称"), ("ward", "ward" if lang == "en" else "区"),
            ("actors", "actors"), ("relations", "relations"), ("projects", "projects"), ("cite", "cite")]
    emit(rows, cols, fmt)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def validate(paths: tuple[str, ...], quiet: bool) -> None:
    """Check case files; list every problem as file:line:column: message (code).

    Files named together are checked together: an actor id that appears in two of them must be described
    the same way. Exits 0 when all files are valid, 1 otherwise.

    \b
    Example:
      kyodo validate datasets/*.yaml
      kyodo validate my-district.yaml
    """
    from .load import load_cases

    try:
        cases = load_cases(paths)
    except CaseDataError as err:
        for p in err.problems:
            click.echo(str(p))
        n = len(err.problems)
        click.secho(f"{n} problem{'s' if n != 1 else ''} found.", fg="red", err=True)
        raise click.exceptions.Exit(1) from None
    if not quiet:
        for case in cases:
            click.echo(f"ok  {case.path}: {len(case.actors)} actors, {len(case.relations)} relations, "
                       f"{len(case.projects)} projects")


@cli.command()
@cases_argument
@format_option("table", "json")
@lang_option
@year_option
def info(cases: tuple[str, ...], fmt: str, lang: str, year: int | None) -> None:
    """Summarise cases: actors by sector, relations by type, years covered, components.

    Each CASE is summarised on its own.

    \b
    Example:
      kyodo info dream-heights
      kyodo info nippa --year 2005 --lang en
    """
    from .analysis.summary import network_summary
    from .graph import graph_from_cases
    from .render.text import format_json

    results = []
    for case in load(cases):
        G = graph_from_cases([case], year=year)
        results.append({"id": case.id, "name": name_of(G.graph["districts"][0], lang), "year": year,
                        **network_summary(G), "_G": G})
    if fmt == "json":
        click.echo(format_json([{k: v for k, v in r.items() if k != "_G"} for r in results]))
        return
    for r in results:
        click.echo(_info_text(r, lang))


def _info_text(r: Mapping[str, Any], lang: str) -> str:
    G = r["_G"]
    en = lang == "en"
    sectors, types = G.graph["sectors"], G.graph["relation_types"]
    years = f"{r['years'][0]}–{r['years'][1]}" if r["years"] else "-"
    as_of = f" ({'as of' if en else '時点'} {r['year']})" if r["year"] else ""
    lines = [f"{r['name']} [{r['id']}]{as_of}"]
    lines.append(f"  {'actors' if en else 'アクター'}: {r['actors']}   {'relations' if en else '関係'}: {r['relations']}"
                 f"   {'projects' if en else '協働事業'}: {r['projects']}   {'years' if en else '年'}: {years}")
    for sid, n in r["actors_by_sector"].items():
        lines.append(f"    {n:3d}  {name_of(sectors[sid], lang)} ({sid})")
    lines.append(f"  {'relations by type' if en else '関係の種類'}:")
    for tid, n in r["relations_by_type"].items():
        lines.append(f"    {n:3d}  {name_of(types[tid], lang)} ({tid})")
    if r["project_ties"]:
        lines.append(f"    {r['project_ties']:3d}  {'ties through a shared project only' if en else '協働事業を通じたつながりのみ'}")
    sizes = ", ".join(map(str, r["component_sizes"]))
    lines.append(f"  {'components' if en else '連結成分'}: {r['components']} ({sizes})")
    if r["isolates"]:
        lines.append(f"  {'isolated' if en else '孤立'}: {', '.join(r['isolates'])}")
    lines.append(f"  {'inferred' if en else '推定'}: {r['inferred_actors']} {'actors' if en else 'アクター'}, "
                 f"{r['inferred_relations']} {'relations' if en else '関係'}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Entry point of the ``kyodo`` console script."""
    cli(prog_name="kyodo")
