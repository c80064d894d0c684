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
@option("--join", is_flag=True, help="opt.report.join")
def report(
    cases: tuple[str, ...], output_arg: str | None, fmt: str, lang: str, year: int | None, public: bool, join: bool
) -> None:
    from ..graph import graph_from_names, graphs_from_names
    from ..load import district_cases
    from ..render.report import write_reports

    fmt = output_format(output_arg, "report", fmt)  # -o report.pdf means PDF; -o report.txt is refused
    groups = joined_cases(list(cases) or district_cases(), join=join)
    names = [g[0] for g in groups]
    page_file = output_arg if output_arg is not None and not is_folder(output_arg) else None
    if page_file is not None and len(names) != 1:
        raise click.UsageError(text("files.needs-folder", lang, n=len(names), path=page_file))
    folder = Path(output_arg) if output_arg is not None and page_file is None else Path(DEFAULT_FOLDER)
    if all(len(g) == 1 for g in groups):
        graphs = graphs_from_names(names, year=year, public=public)
    else:  # a district with tonight's changes (or --join): one network, one page
        graphs = [graph_from_names(g, year=year, public=public) for g in groups]
    for name, G in zip(names, graphs):
        say_if_empty(G, [name], lang, year=year)  # its page is written all the same, saying it has no actors
    written = write_reports(
        graphs, folder, names=names, lang=lang, fmt=fmt, year=year, index_cases=cases, page_file=page_file
    )
    for path in written:
        click.echo(str(path))
    if fmt == "html" and written:  # pages first; with several districts the index (comparison) last
        say_open(written[-1] if len(graphs) > 1 else written[0], lang)


def joined_cases(names: list[str], *, join: bool = False) -> list[list[str]]:
    """The CASEs of a report, grouped into pages: each its own page, except that a file of tonight's changes
    (``kyodo serve``'s ``<name>-tonight.yaml``) joins the CASE it was made for (the one its name begins with, else
    the one before it), and ``--join`` makes every CASE one page.

    >>> joined_cases(["my-district.xlsx", "my-district-tonight.yaml", "nippa"])
    [['my-district.xlsx', 'my-district-tonight.yaml'], ['nippa']]
    >>> joined_cases(["a.yaml", "b.yaml"], join=True)
    [['a.yaml', 'b.yaml']]
    """
    if join:
        return [list(names)] if names else []
    groups: list[list[str]] = []
    for name in names:
        stem = Path(name).name.rsplit(".", 1)[0]
        if stem.endswith("-tonight") and groups:
            base = stem.removesuffix("-tonight")
            home = next((g for g in groups if Path(g[0]).name.rsplit(".", 1)[0] == base), groups[-1])
            home.append(name)
        else:
            groups.append([name])
    return groups


COMMANDS = [report]
