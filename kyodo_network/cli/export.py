"""The export command: the network for Gephi, Kumu, Excel and networkx."""

from __future__ import annotations

import click

from ..render.outputs import KINDS, output_format, output_name, resolve_output, suffix_of
from ._options import KyodoChoice, command, lang_option, option, public_option, year_option

FORMATS = tuple(KINDS["export"].formats)


@command("export")
@click.argument("cases", nargs=-1, required=True, metavar="CASE...")
@option("--format", "fmt", type=KyodoChoice(FORMATS), default=None, help="opt.export.format")
@option("-o", "--output", "output", default=None, metavar="PATH", help="files.opt.export.output")
@lang_option()
@year_option
@public_option
def export(
    cases: tuple[str, ...], fmt: str | None, output: str | None, lang: str, year: int | None, public: bool
) -> None:
    from ..graph import graph_from_names
    from ..render.export import export_graph

    fmt = output_format(output, "export", fmt)  # before anything is read: -o x.txt, a folder without --format
    G = graph_from_names(cases, year=year, public=public)
    name = output_name(cases, "export", fmt, lang=lang, year=year, public=public)
    path = resolve_output(output, "export", fmt, name)
    stem = name.removesuffix(suffix_of("export", fmt))
    for p in export_graph(G, path, fmt, stem=stem, lang=lang):
        click.echo(str(p))


COMMANDS = [export]
