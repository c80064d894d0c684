"""The report command: tonight's handout, a page per district (HTML to print, or PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from ..lang import text
from ..render.outputs import DEFAULT_FOLDER, KINDS, is_folder, output_format
from ._empty import say_if_empty, say_open
from ._options import KyodoChoice, cases_argument, command, lang_option, option, public_option, year_option


@command("report")
@cases_argument
@option("-o", "--output", "output_arg", default=None, metavar="DIR|FILE", help="files.opt.report.output")
@option("--format", "fmt", type=KyodoChoice(list(KINDS["report"].formats)), default=None, help="opt.report.format")
@lang_option()
@year_option
@public_option
def report(cases: tuple[str, ...], output_arg: str | None, fmt: str, lang: str, year: int | None, public: bool) -> None:
    from ..graph import graphs_from_names
    from ..load import district_cases
    from ..render.report import write_reports

    fmt = output_format(output_arg, "report", fmt)  # -o report.pdf means PDF; -o report.txt is refused
    names = list(cases) or district_cases()
    page_file = output_arg if output_arg is not None and not is_folder(output_arg) else None
    if page_file is not None and len(names) != 1:
        raise click.UsageError(text("files.needs-folder", lang, n=len(names), path=page_file))
    folder = Path(output_arg) if output_arg is not None and page_file is None else Path(DEFAULT_FOLDER)
    graphs = graphs_from_names(names, year=year, public=public)
    for name, G in zip(names, graphs):
        say_if_empty(G, [name], lang, year=year)  # its page is written all the same, saying it has no actors
    written = write_reports(
        graphs, folder, names=names, lang=lang, fmt=fmt, year=year, index_cases=cases, page_file=page_file
    )
    for path in written:
        click.echo(str(path))
    if fmt == "html" and written:  # pages first; with several districts the index (comparison) last
        say_open(written[-1] if len(graphs) > 1 else written[0], lang)


COMMANDS = [report]
