"""The export command: the network for Gephi, Kumu, Excel and networkx."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..lang import texts
from ._options import year_option


def _both(code: str) -> str:
    words = texts(code)
    return f"{words['ja']} / {words['en']}"


def _stem(cases: tuple[str, ...]) -> str:
    return "-".join(Path(c).stem if Path(c).suffix else c for c in cases)


@click.command(short_help=_both("export.short"), help=f"""{_both("export.help")}

{_both("export.help.details")}

\b
Example:
  kyodo export nippa -o nippa.graphml
  kyodo export nippa --format gexf -o exports/
  kyodo export nippa akuwa-north --lang en -o both.csv
  kyodo export nippa --public -o nippa-public.kumu.json
  kyodo export nippa -o nippa-copy.xlsx
""")
@click.argument("cases", nargs=-1, required=True, metavar="CASE...")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv", "xlsx", "kumu"]), default=None,
              help=_both("export.opt.format"))
@click.option("-o", "--output", "output", required=True, metavar="PATH", help=_both("export.opt.output"))
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True, help=_both("export.opt.lang"))
@year_option
@click.option("--public", is_flag=True, help=_both("export.opt.public"))
def export(cases: tuple[str, ...], fmt: str | None, output: str, lang: str, year: int | None, public: bool) -> None:
    from ..graph import graph_from_names
    from ..render.export import export_graph, format_from_path

    folder = output.endswith(("/", os.sep)) or Path(output).is_dir()
    implied = None if folder else format_from_path(output)
    if fmt is None and implied is None:
        code = "export.folder-needs-format" if folder else "export.no-format"
        raise click.UsageError(_both_fields(code, path=output))
    if fmt is not None and implied not in (None, fmt) and not (fmt == "kumu" and implied == "json"):
        raise click.UsageError(_both_fields("export.format-mismatch", fmt=fmt, path=output))
    G = graph_from_names(cases, year=year)
    stem = _stem(cases) + ("-public" if public else "") + (f"-{year}" if year is not None else "")
    paths = export_graph(G, output, fmt, stem=stem, folder=folder, lang=lang, public=public)
    for p in paths:
        click.echo(str(p))


def _both_fields(code: str, **fields: object) -> str:
    words = texts(code, **fields)
    return f"{words['ja']} / {words['en']}"


COMMANDS = [export]
