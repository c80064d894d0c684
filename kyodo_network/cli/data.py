"""Commands about the case data: datasets, validate, info."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from ._options import CaseDataError, cases_argument, emit, format_option, lang_option, load, name_of, year_option



@click.command()
@format_option()
@lang_option
def datasets(fmt: str, lang: str) -> None:
    """List the bundled cases, one line each.

    \b
    Example:
      kyodo datasets
      kyodo datasets --format csv > cases.csv
    """
    from ..load import bundled_cases, load_cases

    rows = []
    for case in load_cases(bundled_cases().values()):
        d = case.district
        rows.append({
            "id": d.id, "name": d.name_en if lang == "en" else d.name, "ward": d.ward_en if lang == "en" else d.ward,
            "actors": len(case.actors), "relations": len(case.relations), "projects": len(case.projects),
            "cite": d.cite,
        })
    cols = [("id", "id"), ("name", "name" if lang == "en" else "名称"), ("ward", "ward" if lang == "en" else "区"),
            ("actors", "actors"), ("relations", "relations"), ("projects", "projects"), ("cite", "cite")]
    emit(rows, cols, fmt)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def validate(paths: tuple[str, ...], quiet: bool) -> None:
    """Check case files; list every problem as file:line:column: message (code).

    Files named together are checked together: an actor id that appears in two of them must be described
    the same way. Exits 0 when all files are valid, 1 otherwise.

    \b
    Example:
      kyodo validate datasets/*.yaml
      kyodo validate my-district.yaml
    """
    from ..load import load_cases

    try:
        cases = load_cases(paths)
    except CaseDataError as err:
        for p in err.problems:
            click.echo(str(p))
        n = len(err.problems)
        click.secho(f"{n} problem{'s' if n != 1 else ''} found.", fg="red", err=True)
        raise click.exceptions.Exit(1) from None
    if not quiet:
        for case in cases:
            click.echo(f"ok  {case.path}: {len(case.actors)} actors, {len(case.relations)} relations, "
                       f"{len(case.projects)} projects")


@click.command()
@cases_argument
@format_option()
@lang_option
@year_option
def info(cases: tuple[str, ...], fmt: str, lang: str, year: int | None) -> None:
    """Summarise cases: actors by sector, relations by type, years covered, components.

    Each CASE is summarised on its own.

    \b
    Example:
      kyodo info dream-heights
      kyodo info nippa --year 2005 --lang en
    """
    from ..analysis.summary import network_summary
    from ..graph import graph_from_cases
    from ..render.text import format_json

    results = []
    for case in load(cases):
        G = graph_from_cases([case], year=year)
        results.append({"id": case.id, "name": name_of(G.graph["districts"][0], lang), "year": year,
                        **network_summary(G), "_G": G})
    if fmt == "json":
        click.echo(format_json([{k: v for k, v in r.items() if k != "_G"} for r in results]))
        return
    if fmt == "csv":
        emit(*_info_csv(results), fmt)
        return
    for r in results:
        click.echo(_info_text(r, lang))


def _info_csv(results: list[dict]) -> tuple[list[dict], list[tuple[str, str]]]:
    """One row per case; sectors and relation types spread into ``actors_<sector>``/``relations_<type>`` columns."""
    sectors = list(dict.fromkeys(s for r in results for s in r["_G"].graph["sectors"]))
    types = list(dict.fromkeys(t for r in results for t in r["_G"].graph["relation_types"]))
    rows = []
    for r in results:
        row = {k: r[k] for k in ("id", "name", "year", "actors", "relations", "project_ties", "projects", "components",
                                 "inferred_actors", "inferred_relations")}
        row["first_year"], row["last_year"] = r["years"] or (None, None)
        row["isolates"] = r["isolates"]
        row.update({f"actors_{s}": r["actors_by_sector"].get(s, 0) for s in sectors})
        row.update({f"relations_{t}": r["relations_by_type"].get(t, 0) for t in types})
        rows.append(row)
    return rows, [(k, k) for k in rows[0]] if rows else []


def _info_text(r: Mapping[str, Any], lang: str) -> str:
    G = r["_G"]
    en = lang == "en"
    sectors, types = G.graph["sectors"], G.graph["relation_types"]
    years = f"{r['years'][0]}–{r['years'][1]}" if r["years"] else "-"
    as_of = f" ({'as of' if en else '時点'} {r['year']})" if r["year"] else ""
    lines = [f"{r['name']} [{r['id']}]{as_of}"]
    lines.append(f"  {'actors' if en else 'アクター'}: {r['actors']}   {'relations' if en else '関係'}: {r['relations']}"
                 f"   {'projects' if en else '協働事業'}: {r['projects']}   {'years' if en else '年'}: {years}")
    for sid, n in r["actors_by_sector"].items():
        lines.append(f"    {n:3d}  {name_of(sectors[sid], lang)} ({sid})")
    lines.append(f"  {'relations by type' if en else '関係の種類'}:")
    for tid, n in r["relations_by_type"].items():
        lines.append(f"    {n:3d}  {name_of(types[tid], lang)} ({tid})")
    if r["project_ties"]:
        lines.append(f"    {r['project_ties']:3d}  {'ties through a shared project only' if en else '協働事業を通じたつながりのみ'}")
    sizes = ", ".join(map(str, r["component_sizes"]))
    lines.append(f"  {'components' if en else '連結成分'}: {r['components']} ({sizes})")
    if r["isolates"]:
        lines.append(f"  {'isolated' if en else '孤立'}: {', '.join(r['isolates'])}")
    lines.append(f"  {'inferred' if en else '推定'}: {r['inferred_actors']} {'actors' if en else 'アクター'}, "
                 f"{r['inferred_relations']} {'relations' if en else '関係'}")
    return "\n".join(lines) + "\n"


COMMANDS = [datasets, validate, info]
