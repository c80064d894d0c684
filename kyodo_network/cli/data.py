"""Commands about the case data: datasets, validate, info."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from ..lang import category_label, label_with_words, pick, relation_label, sector_label, sector_with_categories, text
from ._options import (
    CaseDataError,
    cases_argument,
    column_overrides,
    columns,
    command,
    count_line,
    echo_notes,
    emit,
    format_option,
    lang_option,
    network,
    option,
    problem_text,
    public_option,
    reading_options,
    say,
    year_option,
)


@command("datasets")
@format_option()
@lang_option()
def datasets(fmt: str, lang: str) -> None:
    from ..analysis.summary import network_summary
    from ..graph import graph_from_cases
    from ..load import bundled_cases, load_cases

    rows = []
    for case in load_cases(bundled_cases().values()):
        d = case.district
        s = network_summary(graph_from_cases([case]))  # the graph's nodes: own actors and included ones it uses
        rows.append(
            {
                "id": d.id,
                "name": pick(d, "name", lang),
                "ward": pick(d, "ward", lang),
                "actors": s["actors"],
                "relations": s["relations"],
                "projects": s["projects"],
                "cite": d.cite,
            }
        )
    keys = ["id", "name", "ward", "actors", "relations", "projects", "cite"]
    emit(rows, columns(keys, lang, "datasets", csv=fmt == "csv"), fmt, lang=lang)


@command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@option("-q", "--quiet", is_flag=True, help="opt.quiet")
@reading_options
@lang_option()
def validate(
    paths: tuple[str, ...], quiet: bool, columns: tuple[str, ...], district_name: str | None, lang: str
) -> None:
    from ..load import load_cases

    try:
        cases = load_cases(paths, columns=column_overrides(columns, lang), name=district_name)
    except CaseDataError as err:
        if not quiet:
            echo_notes(err.cases, lang)  # what was understood, so the problems below read in context
        for p in err.problems:
            click.echo(problem_text(p, lang))
        n = len(err.problems)
        click.secho(count_line("cli.problems_found", n, lang), fg="red", err=True)
        raise click.exceptions.Exit(1) from None
    if not quiet:
        echo_notes(cases, lang)
        for case in cases:
            say(
                "cli.valid_file",
                lang,
                path=case.path,
                actors=len(case.actors),
                relations=len(case.relations),
                projects=len(case.projects),
            )


@command("info")
@cases_argument
@format_option()
@lang_option()
@year_option
@option("--actors", "list_actors", is_flag=True, help="opt.info.actors")
@public_option
def info(cases: tuple[str, ...], fmt: str, lang: str, year: int | None, list_actors: bool, public: bool) -> None:
    from ..analysis.summary import network_summary
    from ..graph import graphs_from_names
    from ..load import bundled_cases
    from ..render.text import format_json

    if list_actors:
        _info_actors(cases, fmt, lang, year, public)
        return

    results = []
    for G in graphs_from_names(list(cases) or list(bundled_cases()), year=year, public=public):
        district = G.graph["districts"][0]
        results.append(
            {"id": district["id"], "name": pick(district, "name", lang), "year": year, **network_summary(G), "_G": G}
        )
    if fmt == "json":
        click.echo(format_json([{k: v for k, v in r.items() if k != "_G"} for r in results]))
        return
    if fmt == "csv":
        emit(*_info_csv(results, lang), fmt, lang=lang)
        return
    for r in results:
        click.echo(_info_text(r, lang))


def _info_actors(cases: tuple[str, ...], fmt: str, lang: str, year: int | None, public: bool = False) -> None:
    """Every actor with its id (what --remove, --focus and --for take), name, category (種別: its own word as
    written, else its sector's label), sector and number of ties; with ``--public`` private persons by their role,
    under ids that do not come from their names."""
    G, _ = network(cases, year=year, public=public)
    rows = [
        {
            "id": n,
            "name": pick(d, "name", lang),
            "category": category_label(G, d, lang),
            "sector": d.get("sector"),
            "sector_label": sector_label(G, d.get("sector"), lang),
            "ties": G.degree(n),
            "district": d.get("district"),
        }
        for n, d in sorted(G.nodes(data=True), key=lambda nd: (nd[1].get("district") or "", str(nd[0])))
    ]
    keys = (
        ["id", "name", "category", "sector_label", "ties", "district"]
        if fmt == "table"
        else ["id", "name", "category", "sector", "sector_label", "ties", "district"]
    )
    emit(rows, columns(keys, lang, "info", csv=fmt == "csv"), fmt, lang=lang)


def _info_csv(results: list[dict], lang: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """One row per case; sectors and relation types spread into ``actors_<sector>``/``relations_<type>`` columns."""
    sectors = list(dict.fromkeys(s for r in results for s in r["_G"].graph["sectors"]))
    types = list(dict.fromkeys(t for r in results for t in r["_G"].graph["relation_types"]))
    rows = []
    for r in results:
        row = {
            k: r[k]
            for k in (
                "id",
                "name",
                "year",
                "actors",
                "relations",
                "project_ties",
                "projects",
                "components",
                "inferred_actors",
                "inferred_relations",
            )
        }
        row["first_year"], row["last_year"] = r["years"] or (None, None)
        row["isolates"] = r["isolates"]
        row.update({f"actors_{s}": r["actors_by_sector"].get(s, 0) for s in sectors})
        row.update({f"relations_{t}": r["relations_by_type"].get(t, 0) for t in types})
        rows.append(row)
    if not rows:
        return rows, []
    G = results[0]["_G"]
    fixed = [k for k in rows[0] if not k.startswith(("actors_", "relations_"))]
    cols = columns(fixed, lang, "info", csv=True)
    if lang == "en":
        cols += [(k, k) for k in rows[0] if k.startswith(("actors_", "relations_"))]
    else:
        cols += [(f"actors_{s}", text("col.actors_by", lang, label=sector_label(G, s, lang))) for s in sectors]
        cols += [(f"relations_{t}", text("col.relations_by", lang, label=relation_label(G, t, lang))) for t in types]
    return rows, cols


def _info_text(r: Mapping[str, Any], lang: str) -> str:
    G = r["_G"]
    years = f"{r['years'][0]}–{r['years'][1]}" if r["years"] else "-"
    as_of = f" ({text('report.as_of', lang, year=r['year'])})" if r["year"] else ""
    lines = [f"{r['name']} [{r['id']}]{as_of}"]
    lines.append(
        "  "
        + text(
            "report.info.counts",
            lang,
            actors=r["actors"],
            relations=r["relations"],
            projects=r["projects"],
            years=years,
        )
    )
    for sid, n in r["actors_by_sector"].items():
        words = sorted({d["category"] for _, d in G.nodes(data=True) if d.get("sector") == sid and d.get("category")})
        label = f"{sector_label(G, sid, lang, full=True)} ({sid})"
        lines.append(f"    {n:3d}  {sector_with_categories(G, sid, words, lang, label=label)}")
    lines.append(f"  {text('report.info.by_type', lang)}:")
    labels: dict[str, set[str]] = {}
    for _, _, d in G.edges(data=True):
        for rel in d.get("relations", []):
            if rel.get("label"):
                labels.setdefault(rel["type"], set()).add(rel["label"])
    for tid, n in r["relations_by_type"].items():
        label = f"{relation_label(G, tid, lang)} ({tid})"
        lines.append(f"    {n:3d}  {label_with_words(label, sorted(labels.get(tid, ())), lang)}")
    if r["project_ties"]:
        lines.append(f"    {r['project_ties']:3d}  {text('report.info.project_ties', lang)}")
    sizes = ", ".join(map(str, r["component_sizes"]))
    lines.append(f"  {text('report.components', lang)}: {r['components']} ({sizes})")
    if r["isolates"]:
        lines.append(f"  {text('report.info.isolated', lang)}: {', '.join(r['isolates'])}")
    lines.append(
        "  " + text("report.info.inferred", lang, actors=r["inferred_actors"], relations=r["inferred_relations"])
    )
    return "\n".join(lines) + "\n"


COMMANDS = [datasets, validate, info]
