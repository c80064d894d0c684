"""Commands about who to connect and how districts compare: suggest, compare, diff."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from ..lang import category_label, key_for, pick, relation_label, sector_label, short_names, text
from ._options import (
    YEAR,
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
    say,
    top_option,
    year_option,
)


@command("suggest")
@cases_argument
@option("--for", "for_actor", default=None, metavar="ID", help="opt.suggest.for")
@top_option(default=10)
@option("--cross-sector-only", is_flag=True, help="opt.suggest.cross_sector_only")
@format_option()
@lang_option()
@year_option
@public_option
def suggest(
    cases: tuple[str, ...],
    for_actor: str | None,
    top: int,
    cross_sector_only: bool,
    fmt: str,
    lang: str,
    year: int | None,
    public: bool,
) -> None:
    def compute():
        from ..analysis.suggest import suggest_introductions

        G, named = network(cases, year=year, public=public, actors=[for_actor] if for_actor else [])
        rows = suggest_introductions(
            G,
            for_actor=named[0] if named else None,
            top=top or None,
            cross_sector_only=cross_sector_only,
            support_centres=G.graph.get("support_centres"),
        )
        return rows, G

    # the actor as named (by id or name: resolved on the files as read); G is the graph's sketch from here on
    options = {"for": for_actor, "top": top or None, "cross_sector_only": cross_sector_only, "public": public}
    rows, G = answered("suggest", cases, compute, lang=lang, year=year, empty=False, **options)
    if fmt == "json":
        emit(rows, [], fmt)
        return
    a_key, b_key, i_key = (key_for(k, lang) for k in ("a_name", "b_name", "introducer_names"))
    shorts = short_names(n for r in rows for n in (r[a_key], r[b_key], *r[i_key]))
    flat = []
    for i, r in enumerate(rows, 1):
        intro = r[i_key]
        flat.append(
            {
                "rank": i,
                "a": r["a"],
                "a_name": r[a_key],
                "b": r["b"],
                "b_name": r[b_key],
                "score": r["score"],
                **r["parts"],
                "sectors": [sector_label(G, s, lang) for s in r["sectors"]],
                "categories": [_kind(G, n, lang) for n in (r["a"], r["b"])],
                "introducers": r["introducers"],
                "introducer_names": intro,
                "introducer_kind": r["introducer_kind"],
                "introducer": (shorts[intro[0]] + (f" +{len(intro) - 1}" if len(intro) > 1 else "")) if intro else "",
                "shared_themes": r["shared_themes"],
                "offers_needs": [f"{m['from']}→{m['to']}:{m['item']}" for m in r["offers_needs"]],
                "held_by": r["held_by"],
                "reason": r["reasons"][lang],
                "reasons_ja": r["reasons"]["ja"],
                "reasons_en": r["reasons"]["en"],
                "a_short": shorts[r[a_key]],
                "b_short": shorts[r[b_key]],
            }
        )
    if fmt == "csv":
        keys = [
            "rank",
            "a",
            "a_name",
            "b",
            "b_name",
            "score",
            "closure",
            "themes",
            "complement",
            "cross_sector",
            "second_path",
            "locality",
            "sectors",
            "categories",
            "introducers",
            "introducer_names",
            "introducer_kind",
            "shared_themes",
            "offers_needs",
            "held_by",
            "reasons_ja",
            "reasons_en",
        ]
        emit(flat, columns(keys, lang, "suggest", csv=True), fmt, lang=lang)
        return
    if not flat:
        say("cli.no_suggestions", lang, err=True)
        return
    emit(flat, columns(["rank", "a_short", "b_short", "score", "introducer"], lang, "suggest"), fmt, lang=lang)
    click.echo("")
    for r in flat:
        click.echo(f"{r['rank']:>3}. {r['reason']}")


def _kind(G: Any, n: str, lang: str) -> str:
    """What actor ``n`` is: its own category word as written, else its sector's label."""
    return category_label(G, G.nodes[n], lang) if n in G else ""


def _compare_flat(row: Mapping[str, Any], lang: str) -> dict:
    """A comparison row with sectors as ``actors_<sector>`` columns and names in the chosen language."""
    out = {k: v for k, v in row.items() if k not in ("actors_by_sector", "name_en", "top_bridge_name_en")}
    out["name"] = pick(row, "name", lang)
    out["top_bridge_name"] = pick(row, "top_bridge_name", lang) or None
    for sid, n in row["actors_by_sector"].items():
        out[f"actors_{sid}"] = n
    return out


def _compare_columns(keys: Sequence[str], lang: str) -> list[tuple[str, str]]:
    """CSV headers of ``compare``: indicator names from :data:`~kyodo_network.analysis.compare.INDICATORS`."""
    from ..analysis.indicators import INDICATORS
    from ..lang import has_text
    from ..model import SECTORS

    if lang == "en":
        return [(k, k) for k in keys]
    names = {i.id: i.name for i in INDICATORS}
    out = []
    for k in keys:
        if k in names:
            out.append((k, names[k]))
        elif k.startswith("actors_") and not has_text(f"col.{k}"):
            sid = k.removeprefix("actors_")
            label = SECTORS[sid].label if sid in SECTORS else sid
            out.append((k, text("col.actors_by", lang, label=label)))
        else:
            out.append((k, text(f"col.{k}", lang)))
    return out


@command("compare")
@cases_argument
@option("--chart", default=None, metavar="PATH", help="files.opt.compare.chart")
@format_option()
@lang_option()
@year_option
@public_option
def compare(cases: tuple[str, ...], chart: str | None, fmt: str, lang: str, year: int | None, public: bool) -> None:
    from ..analysis.indicators import INDICATORS
    from ..render.outputs import output_format, output_name, resolve_output

    chart_path = None
    if chart is not None:  # a name ending in .png/.svg/.html, or a folder for <cases>-compare.png
        chart_fmt = output_format(chart, "chart")
        chart_path = resolve_output(
            chart, "chart", chart_fmt, output_name(cases, "chart", chart_fmt, lang=lang, year=year, public=public)
        )
        from ..render._write import check_targets

        check_targets([chart_path])  # before anything is printed or computed

    def compute():
        from ..analysis.compare import compare_districts
        from ..graph import graphs_from_names

        return compare_districts(graphs_from_names(cases, year=year, public=public, lazy=True)), None

    rows, _ = answered("compare", cases, compute, lang=lang, year=year, public=public)
    if fmt == "json":
        emit(rows, [], fmt)
    elif fmt == "csv":
        flat = [_compare_flat(r, lang) for r in rows]
        keys = list(dict.fromkeys(k for r in flat for k in r))
        emit(flat, _compare_columns(keys, lang), fmt, lang=lang)
    else:
        click.echo(_compare_table(rows, lang, INDICATORS))
    if chart_path is not None:
        from ..render.chart import write_comparison_chart

        written = write_comparison_chart(rows, chart_path, lang=lang)
        say("cli.wrote", lang, err=True, path=written)


def _compare_table(rows: Sequence[Mapping[str, Any]], lang: str, indicators) -> str:
    """Indicators down, districts across (district ids as headers, names below the table)."""
    from ..model import SECTORS
    from ..render.text import format_table

    cols = [("label", text("col.indicator", lang))] + [(f"d{i}", r["district"]) for i, r in enumerate(rows)]
    tops = short_names(pick(r, "top_bridge_name", lang) for r in rows if r.get("top_bridge") is not None)
    table = []
    for ind in indicators:
        label = pick(ind, "name", lang)
        if ind.id == "actors_by_sector":
            sectors = [
                s
                for s in dict.fromkeys(s for r in rows for s in r["actors_by_sector"])
                if any(r["actors_by_sector"].get(s) for r in rows)
            ]
            for sid in sectors:
                table.append(
                    {
                        "label": f"  {sector_label(SECTORS, sid, lang)}",
                        **{f"d{i}": r["actors_by_sector"].get(sid, 0) for i, r in enumerate(rows)},
                    }
                )
            continue
        line = {"label": label}
        for i, r in enumerate(rows):
            v = r.get(ind.id)
            if ind.id == "top_bridge" and v is not None:
                v = tops.get(pick(r, "top_bridge_name", lang)) or v
            line[f"d{i}"] = "–" if v is None else v
        table.append(line)
    legend = "\n".join(f"  {r['district']}: {pick(r, 'name', lang)}" for r in rows)
    return format_table(table, cols, max_width=28) + "\n\n" + legend


def _change_text(c: Mapping[str, Any]) -> str:
    """An indicator's change as the table prints its values: counts and years whole, shares and densities with three
    decimals, the difference of the two values shown (0.000 → 0.327: +0.327)."""
    before, after, change = c["from"], c["to"], c["change"]
    if change is None:
        return ""
    if not any(isinstance(x, float) for x in (before, after, change)):
        return f"{change:+d}" if change else "0"
    delta = round(round(after, 3) - round(before, 3), 3)
    return f"{delta:+.3f}" if delta else "0.000"


def _diff_text(d: Mapping[str, Any], lang: str, names: Mapping[str, str]) -> str:
    from ..analysis.indicators import INDICATORS
    from ..model import RELATION_TYPES
    from ..render.text import format_table

    name = key_for("name", lang)
    side_from, side_to = d.get("file_from", d["year_from"]), d.get("file_to", d["year_to"])
    lines = [f"{pick(d, 'name', lang)}: {side_from} → {side_to}", ""]
    if not d.get("dated", True):
        return "\n".join([*lines, text("years.none", lang)])
    types = {t.id: {"name": t.name, "name_en": t.name_en} for t in RELATION_TYPES.values()}

    def section(code: str, items: list[str]) -> None:
        lines.append(f"{text(code, lang)} ({len(items)})" + ("" if items else ": -"))
        lines.extend(f"  {x}" for x in items)

    def rel(r: Mapping[str, Any]) -> str:
        return (
            f"{pick(r, 'from_name', lang) or r['from']} → {pick(r, 'to_name', lang) or r['to']}: "
            f"{relation_label(types, r['type'], lang)}"
        )

    section("report.diff.actors_gained", [a[name] or a["id"] for a in d["actors_gained"]])
    section("report.diff.actors_lost", [a[name] or a["id"] for a in d["actors_lost"]])
    section("report.diff.relations_gained", [rel(r) for r in d["relations_gained"]])
    section("report.diff.relations_lost", [rel(r) for r in d["relations_lost"]])
    section("report.diff.projects_gained", [p[name] or p["id"] for p in d["projects_gained"]])
    section("report.diff.projects_lost", [p[name] or p["id"] for p in d["projects_lost"]])
    u = d.get("undated") or {}
    if u.get("actors") or u.get("relations") or u.get("projects"):
        section(
            "years.undated",
            [a[name] or a["id"] for a in u["actors"]]
            + [
                f"{names.get(r['from'], r['from'])} – {names.get(r['to'], r['to'])}: "
                f"{relation_label(types, r['type'], lang)}"
                for r in u["relations"]
            ]
            + [p[name] or p["id"] for p in u["projects"]],
        )
    lines.append("")
    table = []
    for ind in INDICATORS:
        c = d["indicators"][ind.id]
        if ind.id == "actors_by_sector":
            continue
        before, after = c["from"], c["to"]
        if ind.id == "top_bridge":  # a bridge is named by its name, not its id
            before, after = names.get(before, before), names.get(after, after)
        table.append(
            {
                "label": pick(ind, "name", lang),
                "from": "–" if before is None else before,
                "to": "–" if after is None else after,
                "change": _change_text(c),
            }
        )
    cols = [
        ("label", text("col.indicator", lang)),
        ("from", str(side_from)),
        ("to", str(side_to)),
        ("change", text("col.change", lang)),
    ]
    lines.append(format_table(table, cols))
    return "\n".join(lines)


def _diff_csv_rows(d: Mapping[str, Any], lang: str, names: Mapping[str, str]) -> list[dict]:
    from ..analysis.indicators import INDICATORS

    out = []
    for kind, key in (("actor", "actors"), ("relation", "relations"), ("project", "projects")):
        for change in ("gained", "lost"):
            for x in d[f"{key}_{change}"]:
                if kind == "relation":
                    ident = f"{x['from']}→{x['to']}:{x['type']}"
                    name = f"{pick(x, 'from_name', lang)} → {pick(x, 'to_name', lang)}"
                else:
                    ident, name = x["id"], pick(x, "name", lang)
                out.append({"kind": kind, "change": change, "id": ident, "name": name})
    for ind in INDICATORS:
        c = d["indicators"][ind.id]
        if ind.id == "actors_by_sector":
            for sid, delta in c["change"].items():
                out.append(
                    {
                        "kind": "indicator",
                        "change": "changed" if delta else "same",
                        "id": f"actors_{sid}",
                        "before": c["from"].get(sid, 0),
                        "after": c["to"].get(sid, 0),
                        "delta": delta,
                    }
                )
            continue
        before, after = c["from"], c["to"]
        if ind.id == "top_bridge":
            before, after = names.get(before, before), names.get(after, after)
        out.append(
            {
                "kind": "indicator",
                "change": "same" if c["from"] == c["to"] else "changed",
                "id": ind.id,
                "name": pick(ind, "name", lang),
                "before": before,
                "after": after,
                "delta": c["change"],
            }
        )
    return out


@command("diff")
@cases_argument
@option("--from", "year_from", type=YEAR, default=None, metavar="YEAR", help="opt.diff.from")
@option("--to", "year_to", type=YEAR, default=None, metavar="YEAR", help="opt.diff.to")
@format_option()
@lang_option()
@public_option
def diff(cases: tuple[str, ...], year_from: int | None, year_to: int | None, fmt: str, lang: str, public: bool) -> None:
    from ..analysis.diff import diff_graphs
    from ..graph import graph_from_names
    from ._options import KyodoError

    files = len(cases) == 2 and year_from is None and year_to is None
    if not files and (year_from is None or year_to is None):
        raise click.UsageError(text("cli.diff.needs", lang))
    if not files and year_from > year_to:
        raise KyodoError(text("cli.diff.years_reversed", lang, year_from=year_from, year_to=year_to))
    if files:  # two files of one district: each read on its own (one may mark a person private, the other not)
        before = graph_from_names([cases[0]], public=public)
        after = graph_from_names([cases[1]], public=public)
    else:
        # with --public, a hidden actor has one label and id in both years (decided on the whole case)
        before = graph_from_names(cases, year=year_from, public=public)
        after = graph_from_names(cases, year=year_to, public=public)
    result = diff_graphs(before, after)
    if files:  # the two sides are named by their files, not by years
        result["file_from"], result["file_to"] = (str(Path(c).name) for c in cases)
    names = {n: pick(G.nodes[n], "name", lang) for G in (before, after) for n in G}
    if fmt == "json":
        emit([], [], fmt, data=result)
    elif fmt == "csv":
        keys = ["kind", "change", "id", "name", "before", "after", "delta"]
        emit(_diff_csv_rows(result, lang, names), columns(keys, lang, "diff", csv=True), fmt, lang=lang)
    else:
        click.echo(_diff_text(result, lang, names))


COMMANDS = [suggest, compare, diff]
