"""The map command: an offline interactive HTML map, or a printable PNG/SVG/PDF."""

from __future__ import annotations

from pathlib import Path

import click

from ..lang import text
from ..render.outputs import KINDS, DEFAULT_FOLDER, is_folder, output_format, output_name, resolve_output
from ._empty import say_if_empty, say_open
from ._progress import progress_bar, quiet_option
from ._options import (
    CountType,
    KyodoChoice,
    KyodoError,
    cases_argument,
    command,
    error_text,
    lang_option,
    option,
    output_option,
    year_option,
)


@command("map")
@cases_argument
@output_option("files.opt.map.output")
@option("--format", "fmt", type=KyodoChoice(list(KINDS["map"].formats)), default=None, help="opt.map.format")
@option("--paper", type=KyodoChoice(["a4", "a3"]), default="a4", show_default=True, help="opt.map.paper")
@lang_option(both=True)
@option("--focus", default=None, metavar="ID", help="opt.map.focus")
@option("--depth", type=CountType(1), default=None, metavar="K", help="opt.map.depth")
@year_option
@option("--sector", "sectors", multiple=True, metavar="S", help="opt.map.sector")
@option("--view", type=KyodoChoice(["actors", "projects"]), default="actors", show_default=True, help="opt.map.view")
@option("--public", is_flag=True, help="opt.public")
@quiet_option
def map_command(
    cases: tuple[str, ...],
    output_arg: str | None,
    fmt: str | None,
    paper: str,
    lang: str,
    focus: str | None,
    depth: int | None,
    year: int | None,
    sectors: tuple[str, ...],
    view: str,
    public: bool,
    quiet: bool,
) -> None:
    words = "en" if lang == "en" else "ja"  # the language of messages (a "both" map speaks Japanese)
    from ..render.mapmodel import map_model
    from ..render._write import check_targets
    from ..render.maps import write_map, write_maps

    if depth is not None and focus is None:
        raise click.UsageError(text("cli.map.depth_needs_focus", words))
    fmt = output_format(output_arg, "map", fmt)  # -o x.jpg, or -o m.png --format svg: refused before any work
    on_paper = paper if fmt != "html" else None  # --paper changes printed maps only

    if not cases:
        if focus is not None:
            raise click.UsageError(text("cli.map.focus_needs_case", words))
        if output_arg is not None and not is_folder(output_arg):
            raise click.UsageError(text("cli.map.output_is_file", words, path=output_arg))
        from ..graph import graphs_from_names
        from ..load import district_cases

        folder = Path(output_arg) if output_arg is not None else Path(DEFAULT_FOLDER)
        names = district_cases()
        models = [
            (
                output_name(
                    [name], "map", fmt, lang=lang, view=view, year=year, sectors=sectors, paper=on_paper, public=public
                ),
                map_model(G, lang=lang, sectors=sectors or None),
            )
            for name, G in zip(names, graphs_from_names(names, view=view, year=year, public=public))
        ]
        index = output_name(
            (),
            "map-index",
            "html",
            about=fmt if fmt != "html" else None,
            lang=lang,
            view=view,
            year=year,
            sectors=sectors,
            paper=on_paper,
            public=public,
        )
        written = write_maps(models, folder, fmt=fmt, paper=paper, lang=lang, index_name=index)
        for p in written:
            click.echo(str(p))
        if fmt == "html":
            say_open(written[-1], words)  # the index, written last
        return

    from ..graph import graph_from_names, public_ids

    G = graph_from_names(cases, view=view, year=year, public=public and focus is None)
    say_if_empty(G, cases, words, year=year)  # the map is drawn all the same: a legend, a title, no actors
    if focus is not None and focus not in G:
        from ..names import ActorNameError, resolve_actor

        try:
            focus = resolve_actor(G, focus)  # a name works as well as an id
        except ActorNameError as err:
            if "ambiguous" in str(getattr(err.args[0], "code", "")):
                raise KyodoError(
                    text("cli.option_hint", words, flag="--focus", message=error_text(err, words))
                ) from err
    if public and focus is not None:  # resolved on the data as loaded, then drawn and named by its public id
        focus = public_ids(cases, [focus], view=view, year=year)[0]
        G = graph_from_names(cases, view=view, year=year, public=True)
    name = output_name(
        cases,
        "map",
        fmt,
        lang=lang,
        view=view,
        year=year,
        sectors=sectors,
        depth=depth,
        focus=focus,
        paper=on_paper,
        public=public,
    )
    path = resolve_output(output_arg, "map", fmt, name)
    check_targets([path])  # never onto an input, refused before anything is drawn
    from ..render.overview import OVERVIEW_MIN, write_overview

    city = focus is None and sum(1 for _, k in G.nodes(data="kind") if k != "project") > OVERVIEW_MIN
    if city and fmt == "html":
        with progress_bar(quiet) as progress:  # a city: one node per district, a map per district linked from it
            written = write_overview(G, path, lang=lang, sectors=sectors, progress=progress)
        for p in written:
            click.echo(str(p))
        say_open(written[-1], words)  # the overview, written last
        return
    if city:  # on paper, the same overview (every actor at once would be a grey cloud)
        from ..render._write import write_atomic
        from ..render.overview import overview_model
        from ..render.overview_static import overview_static_bytes

        body = overview_static_bytes(overview_model(G, lang=lang), fmt=fmt, paper=paper, lang=lang)
        click.echo(str(write_atomic(path, body)))
        return
    try:
        model = map_model(G, lang=lang, focus=focus, depth=depth or 1, sectors=sectors or None)
    except KyodoError as err:  # the library speaks of the data; the flag that named it is ours to add
        code = getattr(err.args[0], "code", "") if err.args else ""
        if focus is None or not code.startswith(("error.unknown-focus", "error.focus-outside")):
            raise
        raise KyodoError(text("cli.option_hint", words, flag="--focus", message=error_text(err, words))) from err
    written = write_map(model, path, fmt=fmt, paper=paper)
    click.echo(str(written))
    if fmt == "html":
        say_open(written, words)


COMMANDS = [map_command]
