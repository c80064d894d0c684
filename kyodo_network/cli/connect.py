"""Commands about who to connect and how districts compare: suggest, compare, diff."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import KyodoError

from ..analysis.wording import short_name
from ._options import cases_argument, emit, format_option, lang_option, load, name_of, year_option


@click.command()
@cases_argument
@click.option("--for", "for_actor", default=None, metavar="ID", help="Only introductions for this actor.")
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True, metavar="N",
              help="Show the first N (0: all).")
@click.option("--cross-sector-only", is_flag=True, help="Only pairs from different sectors (垣根を越える).")
@format_option()
@lang_option
@year_option
def suggest(cases: tuple[str, ...], for_actor: str | None, top: int, cross_sector_only: bool, fmt: str, lang: str,
            year: int | None) -> None:
    """Suggest who should meet whom, who can introduce them, and why.

    Pairs not yet related are ranked by partners in common (Adamic–Adar), shared themes, one offering what the
    other needs, crossing sectors, adding a second path where one actor alone holds them together, and being
    in the same ward. Introducers are the partners in common, best first; with none, the ward's civic activity
    support centre. All CASEs are analysed as one network.

    \b
    Example:
      kyodo suggest nippa
      kyodo suggest dream-heights --for dream-heights-jishu-hoiku --lang en
      kyodo suggest --for konandai-juku
      kyodo suggest --cross-sector-only --top 20 --format csv > introductions.csv
    """
    from ..analysis.suggest import suggest_introductions
    from ..graph import graph_from_names

    G = graph_from_names(cases, year=year)
    rows = suggest_introductions(G, for_actor=for_actor, top=top or None, cross_sector_only=cross_sector_only,
                                 support_centres=G.graph.get("support_centres"))
    if fmt == "json":
        emit(rows, [], fmt)
        return
    en = lang == "en"
    suffix = "_en" if en else ""
    flat = []
    for i, r in enumerate(rows, 1):
        intro = r[f"introducer_names{suffix}"]
        flat.append({
            "rank": i, "a": r["a"], "a_name": r[f"a_name{suffix}"], "b": r["b"], "b_name": r[f"b_name{suffix}"],
            "score": r["score"], **r["parts"], "sectors": r["sectors"],
            "introducers": r["introducers"], "introducer_names": intro, "introducer_kind": r["introducer_kind"],
            "introducer": (short_name(intro[0]) + (f" +{len(intro) - 1}" if len(intro) > 1 else "")) if intro else "",
            "shared_themes": r["shared_themes"],
            "offers_needs": [f"{m['from']}→{m['to']}:{m['item']}" for m in r["offers_needs"]],
            "held_by": r["held_by"], "reason": r["reasons"][lang],
            "reasons_ja": r["reasons"]["ja"], "reasons_en": r["reasons"]["en"],
            "a_short": short_name(r[f"a_name{suffix}"]), "b_short": short_name(r[f"b_name{suffix}"]),
        })
    if fmt == "csv":
        cols = ["rank", "a", "a_name", "b", "b_name", "score", "closure", "themes", "complement", "cross_sector",
                "second_path", "locality", "sectors", "introducers", "introducer_names", "introducer_kind",
                "shared_themes", "offers_needs", "held_by", "reasons_ja", "reasons_en"]
        emit(flat, [(c, c) for c in cols], fmt)
        return
    if not flat:
        click.echo("No introductions to suggest." if en else "提案できる紹介はありません。", err=True)
        return
    cols = [("rank", "#"), ("a_short", "actor" if en else "アクター"), ("b_short", "partner" if en else "相手"),
            ("score", "score"), ("introducer", "introducer" if en else "紹介役")]
    emit(flat, cols, fmt)
    click.echo("")
    for r in flat:
        click.echo(f"{r['rank']:>3}. {r['reason']}")


def _compare_flat(row: Mapping[str, Any], lang: str) -> dict:
    """A comparison row with sectors as ``actors_<sector>`` columns and names in the chosen language."""
    out = {k: v for k, v in row.items() if k not in ("actors_by_sector", "name_en", "top_bridge_name_en")}
    out["name"] = name_of(row, lang)
    out["top_bridge_name"] = row.get("top_bridge_name_en" if lang == "en" else "top_bridge_name")
    for sid, n in row["actors_by_sector"].items():
        out[f"actors_{sid}"] = n
    return out


@click.command()
@cases_argument
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="PATH",
              help="Also draw the comparison for a slide: PATH ending in .png, .svg or .html.")
@format_option()
@lang_option
@year_option
def compare(cases: tuple[str, ...], chart: Path | None, fmt: str, lang: str, year: int | None) -> None:
    """Compare districts side by side on the same indicators, one column (or row) per CASE.

    Indicators: actors by sector, relations, ties, projects, density, components, isolates, share of ties
    crossing sectors, E–I index, average clustering, degree centralisation, the top bridge and its share of
    brokerage, single points of failure, share of formal relations, years active (see the README). Each CASE is
    its own district; with no CASE, every bundled case.

    \b
    Example:
      kyodo compare
      kyodo compare konandai-playpark nippa dream-heights --chart districts.png
      kyodo compare --format csv > districts.csv
      kyodo compare --lang en --chart districts.html
    """
    from ..analysis.compare import INDICATORS, compare_districts
    from ..render.chart import CHART_FORMATS, write_comparison_chart

    if chart is not None and chart.suffix.lower() not in CHART_FORMATS:
        raise click.BadParameter(f"'{chart}' should end in {', '.join(CHART_FORMATS)}", param_hint="'--chart'")
    from ..graph import graphs_from_names

    rows = compare_districts(graphs_from_names(cases, year=year))
    if fmt == "json":
        emit(rows, [], fmt)
    elif fmt == "csv":
        flat = [_compare_flat(r, lang) for r in rows]
        keys = list(dict.fromkeys(k for r in flat for k in r))
        emit(flat, [(k, k) for k in keys], fmt)
    else:
        click.echo(_compare_table(rows, lang, INDICATORS))
    if chart is not None:
        written = write_comparison_chart(rows, chart, lang=lang)
        click.echo(f"{'wrote' if lang == 'en' else '書き出しました:'} {written}", err=True)


def _compare_table(rows: Sequence[Mapping[str, Any]], lang: str, indicators) -> str:
    """Indicators down, districts across (district ids as headers, names below the table)."""
    from ..model import SECTORS
    from ..render.text import format_table

    en = lang == "en"
    cols = [("label", "indicator" if en else "指標")] + [(f"d{i}", r["district"]) for i, r in enumerate(rows)]
    table = []
    for ind in indicators:
        label = ind.name_en if en else ind.name
        if ind.id == "actors_by_sector":
            sectors = [s for s in dict.fromkeys(s for r in rows for s in r["actors_by_sector"])
                       if any(r["actors_by_sector"].get(s) for r in rows)]
            for sid in sectors:
                known = SECTORS.get(sid)
                slabel = (known.label_en if en else known.label) if known else sid
                table.append({"label": f"  {slabel}",
                              **{f"d{i}": r["actors_by_sector"].get(sid, 0) for i, r in enumerate(rows)}})
            continue
        line = {"label": label}
        for i, r in enumerate(rows):
            v = r.get(ind.id)
            if ind.id == "top_bridge" and v is not None:
                v = short_name(r.get("top_bridge_name_en" if en else "top_bridge_name") or v)
            line[f"d{i}"] = "–" if v is None else v
        table.append(line)
    legend = "\n".join(f"  {r['district']}: {name_of(r, lang)}" for r in rows)
    return format_table(table, cols, max_width=28) + "\n\n" + legend


def _diff_text(d: Mapping[str, Any], lang: str) -> str:
    from ..analysis.compare import INDICATORS
    from ..model import RELATION_TYPES
    from ..render.text import format_table

    en = lang == "en"
    suffix = "_en" if en else ""
    lines = [f"{name_of(d, lang)}: {d['year_from']} → {d['year_to']}", ""]

    def section(title_en: str, title_ja: str, items: list[str]) -> None:
        lines.append(f"{title_en if en else title_ja} ({len(items)})" + ("" if items else ": -"))
        lines.extend(f"  {x}" for x in items)

    def rel(r: Mapping[str, Any]) -> str:
        t = RELATION_TYPES.get(r["type"])
        label = (t.name_en if en else t.name) if t else r["type"]
        return f"{r[f'from_name{suffix}'] or r['from']} → {r[f'to_name{suffix}'] or r['to']}: {label}"

    section("actors gained", "増えたアクター", [a[f"name{suffix}"] or a["id"] for a in d["actors_gained"]])
    section("actors lost", "減ったアクター", [a[f"name{suffix}"] or a["id"] for a in d["actors_lost"]])
    section("relations gained", "増えた関係", [rel(r) for r in d["relations_gained"]])
    section("relations lost", "なくなった関係", [rel(r) for r in d["relations_lost"]])
    section("projects gained", "始まった協働事業", [p[f"name{suffix}"] or p["id"] for p in d["projects_gained"]])
    section("projects lost", "終わった協働事業", [p[f"name{suffix}"] or p["id"] for p in d["projects_lost"]])
    lines.append("")
    table = []
    for ind in INDICATORS:
        c = d["indicators"][ind.id]
        if ind.id == "actors_by_sector":
            continue
        table.append({"label": ind.name_en if en else ind.name, "from": "–" if c["from"] is None else c["from"],
                      "to": "–" if c["to"] is None else c["to"],
                      "change": "" if c["change"] is None else (f"{c['change']:+g}" if c["change"] else "0")})
    cols = [("label", "indicator" if en else "指標"), ("from", str(d["year_from"])), ("to", str(d["year_to"])),
            ("change", "change" if en else "変化")]
    lines.append(format_table(table, cols))
    return "\n".join(lines)


def _diff_csv_rows(d: Mapping[str, Any], lang: str) -> list[dict]:
    from ..analysis.compare import INDICATORS

    suffix = "_en" if lang == "en" else ""
    out = []
    for kind, key in (("actor", "actors"), ("relation", "relations"), ("project", "projects")):
        for change in ("gained", "lost"):
            for x in d[f"{key}_{change}"]:
                if kind == "relation":
                    ident = f"{x['from']}→{x['to']}:{x['type']}"
                    name = f"{x[f'from_name{suffix}']} → {x[f'to_name{suffix}']}"
                else:
                    ident, name = x["id"], x[f"name{suffix}"]
                out.append({"kind": kind, "change": change, "id": ident, "name": name})
    for ind in INDICATORS:
        c = d["indicators"][ind.id]
        if ind.id == "actors_by_sector":
            for sid, delta in c["change"].items():
                out.append({"kind": "indicator", "change": "changed" if delta else "same", "id": f"actors_{sid}",
                            "before": c["from"].get(sid, 0), "after": c["to"].get(sid, 0), "delta": delta})
            continue
        out.append({"kind": "indicator", "change": "same" if c["from"] == c["to"] else "changed", "id": ind.id,
                    "name": ind.name_en if lang == "en" else ind.name, "before": c["from"], "after": c["to"],
                    "delta": c["change"]})
    return out


@click.command()
@cases_argument
@click.option("--from", "year_from", type=int, required=True, metavar="YEAR", help="The earlier year.")
@click.option("--to", "year_to", type=int, required=True, metavar="YEAR", help="The later year.")
@format_option()
@lang_option
def diff(cases: tuple[str, ...], year_from: int, year_to: int, fmt: str, lang: str) -> None:
    """Show what changed between two years: actors, relations and projects gained and lost, and each indicator.

    \b
    Example:
      kyodo diff dream-heights --from 2005 --to 2007
      kyodo diff konandai-playpark --from 2004 --to 2006 --lang en
      kyodo diff nippa --from 1999 --to 2008 --format csv > nippa-change.csv
    """
    from ..analysis.diff import diff_graphs
    from ..graph import graph_from_names

    if year_from > year_to:
        raise KyodoError(f"--from {year_from} is after --to {year_to}; give the earlier year first")
    result = diff_graphs(graph_from_names(cases, year=year_from), graph_from_names(cases, year=year_to))
    if fmt == "json":
        emit([], [], fmt, data=result)
    elif fmt == "csv":
        cols = ("kind", "change", "id", "name", "before", "after", "delta")
        emit(_diff_csv_rows(result, lang), [(c, c) for c in cols], fmt)
    else:
        click.echo(_diff_text(result, lang))


COMMANDS = [suggest, compare, diff]
