"""``kyodo serve``: the meeting map in a browser, edited in the room (:mod:`kyodo_network.serve`)."""

from __future__ import annotations

import sys

import click

from ..lang import text
from ._options import cases_argument, command, lang_option, option


@command("serve")
@cases_argument
@option("--journal", default=None, metavar="FILE.yaml", help="opt.serve.journal")
@option("--port", type=click.IntRange(0, 65535), default=0, metavar="N", help="opt.serve.port")
@option("--no-browser", is_flag=True, help="opt.serve.no_browser")
@option("--share", is_flag=True, help="opt.serve.share")
@option("--check", is_flag=True, help="opt.serve.check")
@lang_option()
def serve(
    cases: tuple[str, ...], journal: str | None, port: int, no_browser: bool, share: bool, check: bool, lang: str
) -> None:
    from ..serve.room import Room

    room = Room(cases, journal=journal, lang=lang)
    G = room.graph()
    click.echo(
        text("serve.cli.read", lang, names=" ".join(room.names), actors=G.number_of_nodes(), ties=G.number_of_edges()),
        err=True,
    )
    click.echo(text("serve.cli.saving_to", lang, path=room.journal_path, n=len(room.journal.edits)), err=True)
    if check:
        click.echo(text("serve.cli.checked", lang), err=True)
        return
    from ..serve.app import Server

    server = Server(room, port=port, share=share)
    click.echo(text("serve.cli.open", lang), err=True)
    click.echo(server.url)
    sys.stdout.flush()
    if share:
        click.echo(text("serve.cli.share", lang, port=server.port), err=True)
        click.echo(server.view_url)
    click.echo(text("serve.cli.stop_hint", lang), err=True)

    def opened() -> None:
        if not no_browser:
            import webbrowser

            webbrowser.open(server.url)

    server.run(on_started=opened)
    if room.journal_path.exists():
        click.echo(
            text(
                "serve.cli.stopped", lang, n=len(room.journal.edits), path=room.journal_path, names=" ".join(room.names)
            ),
            err=True,
        )
    else:
        click.echo(text("serve.cli.stopped_none", lang), err=True)


COMMANDS = [serve]
