"""The export command: the network for Gephi, Kumu, Excel and networkx."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..lang import text
from ._options import KyodoChoice, command, lang_option, option, public_option, year_option

FORMATS = ("graphml", "gexf", "json", "csv", "xlsx", "kumu")


def _stem(cases: tuple[str, ...]) -> str:
    return "-".join(Path(c).stem if Path(c).suffix else c for c in cases)


@command("export")
@click.argument("cases", nargs=-1, required=True, metavar="CASE...")
@option("--format", "fmt", type=KyodoChoice(FORMATS), default=None, help="opt.export.format")
@option("-o", "--output", "output", required=True, metavar="PATH", help="opt.export.output")
@lang_option()
@year_option
@public_option
def export(cases: tuple[str, ...], fmt: str | None, output: str, lang: str, year: int | None, public: bool) -> None:
    from ..graph import graph_from_names
    from ..render.export import export_graph, format_from_path

    folder = output.endswith(("/", os.sep)) or Path(output).is_dir()
    implied = None if folder else format_from_path(output)
    if fmt is None and implied is None:
        raise click.UsageError(text("export.folder-needs-format" if folder else "export.no-format", lang,
                                    path=output))
    if fmt is not None and implied not in (None, fmt) and not (fmt == "kumu" and implied == "json"):
        raise click.UsageError(text("export.format-mismatch", lang, fmt=fmt, path=output))
    G = graph_from_names(cases, year=year)
    stem = _stem(cases) + ("-public" if public else "") + (f"-{year}" if year is not None else "")
    for p in export_graph(G, output, fmt, stem=stem, folder=folder, lang=lang, public=public):
        click.echo(str(p))


COMMANDS = [export]
