"""The map command: an offline interactive HTML map, or a printable PNG/SVG/PDF."""

from __future__ import annotations

import os
from pathlib import Path

import click

from . import cases_argument, cli, load, year_option
from ._progress import progress_bar, quiet_option

SUFFIXES = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf"}


@cli.command(name="map")
@cases_argument
@click.option("-o", "--output", "output_arg", type=click.Path(dir_okay=True), default=None, metavar="PATH",
              help="File to write (a folder: the default name inside it). Default: outputs/<case>.<format>; "
                   "with no CASE, the folder for all maps.")
@click.option("--format", "fmt", type=click.Choice(["html", "png", "svg", "pdf"]), default=None,
              help="html: interactive, works offline (default, or taken from the -o suffix); png/svg/pdf: for print.")
@click.option("--paper", type=click.Choice(["a4", "a3"]), default="a4", show_default=True,
              help="Paper size of png/svg/pdf (landscape).")
@click.option("--lang", type=click.Choice(["ja", "en", "both"]), default="ja", show_default=True,
              help="Language of labels; both: 「日本語 / English」.")
@click.option("--focus", default=None, metavar="ID", help="Draw only this actor (or project) and its neighbourhood.")
@click.option("--depth", type=click.IntRange(min=1), default=None, metavar="K",
              help="With --focus: how many steps out to draw (default 1).")
@year_option
@click.option("--sector", "sectors", multiple=True, metavar="S", help="Draw only actors of this sector (repeat for several).")
@click.option("--view", type=click.Choice(["actors", "projects"]), default="actors", show_default=True,
              help="actors: who works with whom; projects: actors and the projects (協働事業) they take part in.")
@click.option("--public", is_flag=True,
              help="For handing out: private persons shown by their role, no contact details or notes.")
@quiet_option
def map_command(cases: tuple[str, ...], output_arg: str | None, fmt: str | None, paper: str, lang: str,
                focus: str | None, depth: int | None, year: int | None, sectors: tuple[str, ...], view: str,
                public: bool, quiet: bool) -> None:
    """Draw a meeting map: one self-contained HTML file (no internet needed) or a printable image.

    Actors are coloured by sector and sized by bridging score; ★ marks coordinators, a thick ring the actors
    whose departure cuts others off; ties are styled by relation type. Click an actor for its details and
    neighbours; search by name; filter by sector. All CASEs are drawn as one network. With no CASE, one map per
    bundled case (all but the yokohama-city directory) and an index.html go into outputs/ or the -o folder.
    The paths written are printed, one per line.

    \b
    Example:
      kyodo map nippa
      kyodo map dream-heights --format png --paper a3
      kyodo map nippa --focus coordinator-s --depth 2 --public -o handout.html
      kyodo map akuwa-north --view projects --lang both
      kyodo map -o maps/
    """
    from ..render.maps import map_file_name, write_case_maps, write_map

    output = Path(output_arg) if output_arg is not None else None
    as_folder = output_arg is not None and (output_arg.endswith(("/", os.sep)) or Path(output_arg).is_dir())
    if depth is not None and focus is None:
        raise click.UsageError("--depth needs --focus")
    if output is not None and output.suffix.lower() in SUFFIXES and not as_folder:
        implied = SUFFIXES[output.suffix.lower()]
        if fmt is not None and fmt != implied:
            raise click.UsageError(f"--format {fmt} does not match the file name {output.name}")
        fmt = fmt or implied
    fmt = fmt or "html"

    if not cases:
        if focus is not None:
            raise click.UsageError("--focus needs a CASE")
        if output is not None and output.exists() and not output.is_dir():
            raise click.UsageError(f"with no CASE, -o names a folder; {output} is a file")
        from ..render.mapmodel import map_cases

        folder = output if output is not None else Path("outputs")
        for p in write_case_maps(map_cases(), folder, fmt=fmt, paper=paper, view=view, year=year, lang=lang,
                                 sectors=sectors, public=public):
            click.echo(str(p))
        return

    from ..graph import graph_from_cases
    from ..render.mapmodel import map_model

    G = graph_from_cases(load(cases), view=view, year=year)
    from ..render.overview import OVERVIEW_MIN, write_overview

    if fmt == "html" and focus is None and sum(1 for _, k in G.nodes(data="kind") if k != "project") > OVERVIEW_MIN:
        name = map_file_name(cases, fmt=fmt, view=view, public=public, year=year, sectors=sectors)
        path = Path("outputs") / name if output is None else output / name if as_folder else output
        with progress_bar(quiet) as progress:
            written = write_overview(G, path, lang=lang, public=public, sectors=sectors, progress=progress)
        for p in written:
            click.echo(str(p))
        return
    model = map_model(G, lang=lang, focus=focus, depth=depth or 1, sectors=sectors or None, public=public)
    name = map_file_name(cases, fmt=fmt, view=view, focus=focus, public=public, year=year, sectors=sectors)
    if output is None:
        path = Path("outputs") / name
    elif as_folder:
        path = output / name
    else:
        path = output
    click.echo(str(write_map(model, path, fmt=fmt, paper=paper)))
