"""The report command: tonight's handout, a page per district (HTML to print, or PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from ._options import KyodoChoice, cases_argument, command, lang_option, option, public_option, year_option


@command("report")
@cases_argument
@option("-o", "--output", "output_arg", type=click.Path(file_okay=False), default=None, metavar="DIR",
        help="opt.report.output")
@option("--format", "fmt", type=KyodoChoice(["html", "pdf"]), default="html", show_default=True,
        help="opt.report.format")
@lang_option()
@year_option
@public_option
def report(cases: tuple[str, ...], output_arg: str | None, fmt: str, lang: str, year: int | None,
           public: bool) -> None:
    from ..graph import graphs_from_names
    from ..load import district_cases
    from ..render.report import write_reports

    names = list(cases) or district_cases()
    folder = Path(output_arg) if output_arg is not None else Path("outputs")
    graphs = graphs_from_names(names, year=year)
    for path in write_reports(graphs, folder, names=names, lang=lang, fmt=fmt, public=public, year=year):
        click.echo(str(path))


COMMANDS = [report]
