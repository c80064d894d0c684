"""Commands about bridging and key-person risk: bridges, coordinators, whatif, risks."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import click

from ..lang import pick, relation_label, sector_label, text
from ._options import (
    KyodoCommand,
    _wrap_wide,
    answered,
    cases_argument,
    columns,
    command,
    emit,
    format_option,
    lang_option,
    network,
    option,
    public_option,
    top_option,
    year_option,
)
from ._empty import say_if_empty
from ._progress import progress_bar, quiet_option


class _GlossedCommand(KyodoCommand):
    """A command whose help ends with one line for each measure it prints (the catalogue's ``gloss.<key>``, the
    word first as the output prints it), placed before the examples. ``summary`` replaces the help's own words
    (the examples are kept)."""

    glossary: str = "all"
    summary: str | None = None
    _help: str | None = None

    @property
    def help(self) -> str | None:  # type: ignore[override]
        """The Japanese help with its glossary (what tools reading ``command.help`` see: the examples test), made
        when first read rather than when the commands are registered: every command's start-up pays for it."""
        if self._help is None and self.help_code:
            self._help = self.localised_help("ja")
        return self._help

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value

    def localised_help(self, lang: str) -> str | None:
        from ..analysis.wording import glossary

        base = text(self.help_code, lang) if self.help_code else (self.help or "")
        words, sep, examples = base.partition("\n\b\n")
        if self.summary:
            words = text(self.summary, lang)
        lines = [text("gloss.heading", lang) + ":"]
        for gloss in glossary(self.glossary, lang):  # one entry a line, continued lines indented
            wrapped = (
                textwrap.wrap(gloss, 92) if gloss.isascii() else _wrap_wide(gloss, 92).removeprefix("\b\n").split("\n")
            )
            first, *rest = wrapped
            lines += ["  " + first, *("    " + x for x in rest)]
        return words.rstrip("\n") + "\n\n\b\n" + "\n".join(lines) + "\n" + sep + examples


def glossed_command(name: str, glossary: str, summary: str | None = None):
    """``@command(name)`` whose help ends with the glossary group ``glossary`` (see :class:`_GlossedCommand`)."""
    cls = type(f"_Glossed_{name}", (_GlossedCommand,), {"glossary": glossary, "summary": summary})

    def decorate(f):
        cmd = click.command(name, cls=cls)(f)
        cmd.help = None  # with its glossary when first read (see _GlossedCommand.help)
        return cmd

    return decorate


def _namer(G, lang: str):
    def nm(i: str) -> str:
        return pick(G.nodes[i], "name", lang) or str(i)

    return nm


def _flat(row: Mapping[str, Any], lang: str, G) -> dict:
    """A bridges row as the table and CSV see it (brokerage roles as columns, sector labels in ``lang``)."""
    out = {k: v for k, v in row.items() if k not in ("brokerage", "explanation", "name_en", "cut_off_ids")}
    out["name"] = pick(row, "name", lang)
    out["sector_label"] = sector_label(G, row["sector"], lang)
    for role, n in row["brokerage"].items():
        out[role] = n
    out["sectors_bridged"] = [
        f"{'/'.join(sector_label(G, s, lang) for s in x['sectors'])}:{x['pairs']}" for x in row["sectors_bridged"]
    ]
    out["explanation"] = row["explanation"][lang]
    out["explanation_ja"], out["explanation_en"] = row["explanation"]["ja"], row["explanation"]["en"]
    return out


def _public(row: Mapping[str, Any], lang: str) -> dict:
    """A JSON row with ``name`` in the chosen language."""
    return {**row, "name": pick(row, "name", lang)}


@glossed_command("bridges", "bridges")
@cases_argument
@option("--directed", is_flag=True, help="opt.bridges.directed")
@top_option()
@format_option()
@lang_option()
@year_option
@public_option
@quiet_option
def bridges(
    cases: tuple[str, ...],
    directed: bool,
    top: int | None,
    fmt: str,
    lang: str,
    year: int | None,
    public: bool,
    quiet: bool,
) -> None:
    # G is the graph's sketch from here on: what the words read of it, kept with the rows
    rows, G = _ranked(
        "bridges",
        "bridges",
        "bridging_scores",
        cases,
        lang=lang,
        year=year,
        public=public,
        top=top,
        quiet=quiet,
        directed=directed,
    )
    if fmt == "json":
        emit(rows, [], fmt, data=[_public(r, lang) for r in rows])
        return
    roles = list(rows[0]["brokerage"]) if rows else []
    flat = [_flat(r, lang, G) for r in rows]
    for i, r in enumerate(flat, 1):
        r["rank"] = i
    if fmt == "csv":
        keys = [
            "id",
            "name",
            "sector",
            "sector_label",
            "score",
            "betweenness",
            "betweenness_estimated",
            "articulation",
            "cut_off",
            "constraint",
            "effective_size",
            *roles,
            "sectors_bridged",
            "only_path_pairs",
            "explanation_ja",
            "explanation_en",
        ]
        emit(flat, columns(keys, lang, "bridges", csv=True), fmt, lang=lang)
        return
    keys = [
        "rank",
        "name",
        "sector_label",
        "score",
        "betweenness",
        "articulation",
        "cut_off",
        "constraint",
        "effective_size",
        *roles,
    ]
    emit(flat, columns(keys, lang, "bridges"), fmt, lang=lang)
    click.echo("")
    for r in flat:
        if r["score"] > 0:
            click.echo(f"{r['rank']:>3}. {r['explanation']}")
    _say_estimated(G, rows, lang)


def _say_estimated(G, rows: Sequence[Mapping[str, Any]], lang: str) -> None:
    """Under a table whose betweenness is estimated (a network above EXACT_MAX actors), say so, how, and what the
    method guarantees (:func:`~kyodo_network.analysis.centrality.betweenness_sample`)."""
    if not any(r.get("betweenness_estimated") for r in rows):
        return
    from ..analysis import centrality

    plan = centrality.betweenness_sample(G)  # counts nodes only: the undirected graph has the same
    click.echo("")
    if plan["method"] == "sources":  # KYODO_ENGINE=networkx: networkx's estimate, no bound
        click.echo(
            text(
                "bridges.estimated_sources",
                lang,
                actors=plan["actors"],
                sources=plan["sources"],
                seed=plan["seed"],
                exact_max=centrality.EXACT_MAX,
            )
        )
        return
    click.echo(
        text(
            "bridges.estimated",
            lang,
            actors=plan["actors"],
            epsilon=f"{plan['epsilon']:g}",
            confidence=f"{100 * (1 - plan['delta']):g}",
            seed=plan["seed"],
            exact_max=centrality.EXACT_MAX,
        )
    )


def _ranked(command: str, module: str, function: str, cases, *, lang, year, public, top, quiet, **options):
    """The rows of ``analysis.<module>.<function>(G, top=…, progress=…)`` on the cases' network and that network's
    sketch, from the answers kept (:func:`~._options.answered`) or computed with a progress bar. ``options``
    (``directed``) reach the network and the answer's key."""

    def compute():
        import importlib

        rank = getattr(importlib.import_module(f"..analysis.{module}", __package__), function)
        G, _ = network(cases, year=year, public=public, **options)
        say_if_empty(G, cases, lang, year=year)  # the table is then empty, with its headers
        with progress_bar(quiet) as progress:
            return rank(G, top=top, progress=progress), G

    return answered(command, cases, compute, lang=lang, year=year, public=public, top=top, **options)


@glossed_command("coordinators", "coordinators", summary="coordinators.help")
@cases_argument
@top_option()
@format_option()
@lang_option()
@year_option
@public_option
@quiet_option
def coordinators(
    cases: tuple[str, ...], top: int | None, fmt: str, lang: str, year: int | None, public: bool, quiet: bool
) -> None:
    rows, G = _ranked(
        "coordinators",
        "bridges",
        "coordinators",
        cases,
        lang=lang,
        year=year,
        public=public,
        top=top or None,
        quiet=quiet,
    )
    nm = _namer(G, lang)
    if fmt == "json":
        emit(rows, [], fmt, data=[_public(r, lang) for r in rows])
        return
    flat = []
    for r in rows:
        f = _flat(r, lang, G)
        f["pairs"] = [f"{nm(p['a'])}–{nm(p['b'])}{' *' if p['only_path'] else ''}" for p in r["pairs"]]
        f["role_label"] = text(f"coordinator.role.{r['role']}", lang)
        flat.append(f)
    if fmt == "csv":
        keys = [
            "id",
            "name",
            "sector",
            "sector_label",
            "role",
            "marked",
            "cross_sector_pairs",
            "sole_pairs",
            "only_path_sole_pairs",
            "score",
            "pairs",
            "explanation_ja",
            "explanation_en",
        ]
        emit(flat, columns(keys, lang, "coordinators", csv=True), fmt, lang=lang)
        return
    for r in flat:
        # the heading and the sentence under it state the same two counts
        head = text(f"report.coordinators.head.{r['role']}", lang, n=r["cross_sector_pairs"], m=r["sole_pairs"])
        click.echo(f"{r['name']} ({r['sector_label']}){' ★' if r['marked'] else ''} {head}")
        click.echo(f"  {r['explanation']}")
        if r["pairs"]:
            click.echo("  " + text("report.coordinators.pairs", lang))
            for p in r["pairs"]:
                click.echo(f"    {p}")
        click.echo("")
    if any(r["marked"] for r in flat):
        click.echo(text("coordinator.mark", lang))
    _say_estimated(G, rows, lang)


def _years(x: Mapping[str, Any], lang: str) -> str:
    """「（2019、2020、2021年）」 after a project held in several years (one record a year), else nothing."""
    years = x.get("years") or []
    if len(x.get("projects") or []) < 2 and len(years) < 2:
        return ""
    return text("report.whatif.years", lang, years=text("cli.list_sep", lang).join(map(str, years)))


def _project_years(G, pid: str, lang: str) -> str:
    """The years of a project held in several years (every record of its name in ``G``), as :func:`_years`."""
    from ..analysis._records import project_years, same_project

    projects = G.graph.get("projects", {})
    ids = same_project(projects, pid)
    return _years({"projects": ids, "years": project_years(projects[p] for p in ids)}, lang)


def _whatif_text(G, r: Mapping[str, Any], lang: str) -> str:
    nm = _namer(G, lang)

    def proj(p: str) -> str:
        return pick(G.graph["projects"][p], "name", lang)

    sep = text("cli.list_sep", lang)
    lines = []
    head = sep.join(nm(i) for i in r["removed"])
    lines.append(
        text("report.whatif.head_one" if len(r["removed"]) == 1 else "report.whatif.head_many", lang, names=head)
    )
    lines.append(f"  {text('report.components', lang)}: {r['components_before']} → {r['components_after']}")
    lines.append(
        f"  {text('report.whatif.cut_off', lang)} ({len(r['cut_off'])}): "
        + (sep.join(nm(i) for i in r["cut_off"]) or "-")
    )
    lines.append(f"  {text('report.whatif.relations_lost', lang)}: {len(r['relations_lost'])}")
    for x in r["relations_lost"]:
        label = text("report.whatif.project", lang) if x["type"] == "project" else relation_label(G, x["type"], lang)
        extra = f" ({proj(x['project'])}{_years(x, lang)})" if x.get("project") else ""
        lines.append(f"    {nm(x['from'])} – {nm(x['to'])}: {label}{extra}")
    if r.get("ties_carried"):
        lines.append(
            f"  {text('report.carried.ties' if len(r['removed']) == 1 else 'report.carried.ties_many', lang)}"
            f" ({len(r['ties_carried'])}):"
        )
        for x in r["ties_carried"]:
            mark = f" [{text('findings.inferred', lang)}]" if x["inferred"] else ""
            held = text("report.carried.held_by", lang, names=sep.join(nm(h) for h in x["held_by"]))
            lines.append(
                f"    {nm(x['org'])} – {nm(x['partner'])}: {relation_label(G, x['type'], lang)} ({held}){mark}"
            )
        lines.append(
            f"  {text('report.carried.without_contact', lang)} ({len(r['without_contact'])}): "
            + (sep.join(nm(i) for i in r["without_contact"]) or "-")
        )
    pairs = ["/".join(sector_label(G, s, lang) for s in p) for p in r["sector_pairs_lost"]]
    lines.append(f"  {text('report.whatif.sector_pairs', lang)}: " + (sep.join(pairs) or "-"))
    lines.append(
        f"  {text('report.whatif.no_government', lang)}: "
        + (sep.join(proj(p) + _project_years(G, p, lang) for p in r["projects_without_government"]) or "-")
    )
    return "\n".join(lines)


@command("whatif")
@cases_argument
@option("--remove", "remove", multiple=True, required=True, metavar="ID", help="opt.whatif.remove")
@format_option()
@lang_option()
@year_option
@public_option
def whatif(
    cases: tuple[str, ...], remove: tuple[str, ...], fmt: str, lang: str, year: int | None, public: bool
) -> None:
    from ..analysis.risk import what_if

    from ..graph import graph_from_names
    from ..names import ActorNameError

    try:
        G, ids = network(cases, year=year, public=public, actors=remove)
    except ActorNameError:  # no such actor: in an empty network, say what to fill in instead
        if say_if_empty(graph_from_names(cases, year=year), cases, lang, year=year):
            click.get_current_context().exit(1)
        raise
    result = what_if(G, ids)
    if fmt == "json":
        emit([], [], fmt, data=result)
    elif fmt == "csv":
        keys = ["kind", "id", "name", "other_id", "other_name", "detail", "detail_label"]
        emit(_whatif_rows(G, result, lang), columns(keys, lang, "whatif", csv=True), fmt, lang=lang)
    else:
        click.echo(_whatif_text(G, result, lang))


def _whatif_rows(G, r: Mapping[str, Any], lang: str) -> list[dict]:
    """One CSV row per finding: removed, cut_off, relation_lost, sector_pair_lost, project_without_government."""
    nm = _namer(G, lang)

    def proj(p: str) -> str:
        return pick(G.graph["projects"][p], "name", lang)

    def detail(x: Mapping[str, Any]) -> tuple[str, str]:
        if x.get("project"):
            return (
                f"project:{x['project']}",
                f"{text('report.whatif.project', lang)}: {proj(x['project'])}{_years(x, lang)}",
            )
        return x["type"], relation_label(G, x["type"], lang)

    rows = [{"kind": "removed", "id": i, "name": nm(i)} for i in r["removed"]]
    rows += [{"kind": "cut_off", "id": i, "name": nm(i)} for i in r["cut_off"]]
    rows += [
        {
            "kind": "relation_lost",
            "id": x["from"],
            "name": nm(x["from"]),
            "other_id": x["to"],
            "other_name": nm(x["to"]),
            **dict(zip(("detail", "detail_label"), detail(x))),
        }
        for x in r["relations_lost"]
    ]
    rows += [
        {
            "kind": "tie_carried",
            "id": x["org"],
            "name": nm(x["org"]),
            "other_id": x["partner"],
            "other_name": nm(x["partner"]),
            "detail": x["type"],
            "detail_label": relation_label(G, x["type"], lang),
        }
        for x in r.get("ties_carried", [])
    ]
    rows += [{"kind": "without_contact", "id": i, "name": nm(i)} for i in r.get("without_contact", [])]
    rows += [
        {
            "kind": "sector_pair_lost",
            "id": a,
            "other_id": b,
            "name": sector_label(G, a, lang),
            "other_name": sector_label(G, b, lang),
        }
        for a, b in r["sector_pairs_lost"]
    ]
    rows += [
        {"kind": "project_without_government", "id": p, "name": proj(p) + _project_years(G, p, lang)}
        for p in r["projects_without_government"]
    ]
    return rows


@command("risks")
@cases_argument
@top_option()
@format_option()
@lang_option()
@year_option
@public_option
@quiet_option
def risks(
    cases: tuple[str, ...], top: int | None, fmt: str, lang: str, year: int | None, public: bool, quiet: bool
) -> None:
    rows, G = _ranked(
        "risks", "risk", "risks", cases, lang=lang, year=year, public=public, top=top or None, quiet=quiet
    )
    if fmt == "json":
        emit(rows, [], fmt, data=[_public(r, lang) for r in rows])
        return
    nm = _namer(G, lang)
    flat = []
    for i, r in enumerate(rows, 1):
        flat.append(
            {
                "rank": i,
                "id": r["id"],
                "name": pick(r, "name", lang),
                "sector": r["sector"],
                "sector_label": sector_label(G, r["sector"], lang),
                "cut_off": len(r["cut_off"]),
                "cut_off_names": [nm(c) for c in r["cut_off"]],
                "sector_pairs_lost": len(r["sector_pairs_lost"]),
                "projects_without_government": len(r["projects_without_government"]),
                "relations_lost": len(r["relations_lost"]),
                "ties_carried": len(r["ties_carried"]),
                "without_contact": [nm(c) for c in r["without_contact"]],
            }
        )
    if fmt == "csv":
        keys = [
            "rank",
            "id",
            "name",
            "sector",
            "sector_label",
            "cut_off",
            "sector_pairs_lost",
            "projects_without_government",
            "relations_lost",
            "cut_off_names",
            "ties_carried",
            "without_contact",
        ]
        emit(flat, columns(keys, lang, "risks", csv=True), fmt, lang=lang)
        return
    keys = [
        "rank",
        "name",
        "sector_label",
        "cut_off",
        "sector_pairs_lost",
        "projects_without_government",
        "relations_lost",
        "cut_off_names",
        "ties_carried",
        "without_contact",
    ]
    emit(flat, columns(keys, lang, "risks"), fmt, lang=lang)


COMMANDS = [bridges, coordinators, whatif, risks]
