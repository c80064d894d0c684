"""Lines the commands say on stderr about what they made: a network with no actors yet (a blank template, a
case file with a district and nothing else, a ``--year`` before anything began), and where to open a page.

The analyses return empty results for an empty network; these lines tell the person what to fill in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from ..lang import text

_SHEETS = (".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".tsv")
_YAML = (".yaml", ".yml")


def actor_count(G: Any) -> int:
    """The actors of ``G`` (its nodes that are not projects, as in ``--view projects``); a kept answer's sketch of
    its graph (:class:`kyodo_network._answers.Sketch`) knows the number."""
    known = getattr(G, "actors", None)
    if isinstance(known, int):
        return known
    return sum(1 for _, kind in G.nodes(data="kind") if kind != "project")


def _what_to_do(cases: Iterable[str], lang: str) -> str:
    parts = []
    for case in cases:
        suffix = Path(case).suffix.lower()
        code = (
            "cli.empty.fill_sheet"
            if suffix in _SHEETS
            else "cli.empty.fill_yaml"
            if suffix in _YAML
            else "cli.empty.fill_case"
        )
        parts.append(text(code, lang, path=case))
    return ("" if lang == "ja" else " ").join(parts)


def say_if_empty(G: Any, cases: Sequence[str], lang: str, *, year: int | None = None) -> bool:
    """When ``G`` has no actor, say on stderr what to fill in (or that ``--year`` is before everything) and return
    True; else say nothing and return False."""
    if actor_count(G):
        return False
    if year is not None and G.graph.get("dated", True):  # the file has years: this one is before them all
        click.echo(text("cli.empty.no_actors_in_year", lang, year=year), err=True)
    else:
        click.echo(text("cli.empty.no_actors", lang, what_to_do=_what_to_do(cases, lang)), err=True)
    return True


def say_open(path: Path | str, lang: str) -> None:
    """On stderr: open this page in a browser (its absolute path, to paste into the address bar)."""
    click.echo(text("cli.open_in_browser", lang, path=Path(path).resolve()), err=True)
