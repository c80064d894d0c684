"""Commands about bridging and key-person risk: bridges, coordinators, whatif, risks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import click

from ..analysis.wording import sector_label
from . import cases_argument, cli, emit, format_option, lang_option, load, name_of, year_option
from ._progress import progress_bar, quiet_option

top_option = click.option("--top", type=click.IntRange(min=1), default=None, metavar="N", help="Show only the first N.")


def _graph(cases: Sequence[str], year: int | None, directed: bool = False):
    from ..graph import graph_from_cases

    return graph_from_cases(load(cases), year=year, directed=directed)


def _flat(row: Mapping[str, Any], lang: str, G) -> dict:
    """A bridges row as the table and CSV see it (brokerage roles as columns)."""
    out = {k: v for k, v in row.items() if k not in ("brokerage", "explanation", "name_en", "cut_off_ids")}
    out["name"] = row["name_en"] if lang == "en" else row["name"]
    out["sector_label"] = sector_label(G, row["sector"], lang)
    for role, n in row["brokerage"].items():
        out[role] = n
    out["sectors_bridged"] = [f"{'/'.join(sector_label(G, s, lang) for s in x['sectors'])}:{x['pairs']}"
                              for x in row["sectors_bridged"]]
    out["explanation"] = row["explanation"][lang]
    out["explanation_ja"], out["explanation_en"] = row["explanation"]["ja"], row["explanation"]["en"]
    return out


def _public(row: Mapping[str, Any], lang: str) -> dict:
    """A JSON row with ``name`` in the chosen language."""
    out = dict(row)
    out["name"] = row["name_en"] if lang == "en" else row["name"]
    return out


@cli.command()
@cases_argument
@click.option("--directed", is_flag=True, help="Use relation directions: all five Gould–Fernandez roles.")
@top_option
@format_option()
@lang_option
@year_option
@quiet_option
def bridges(cases: tuple[str, ...], directed: bool, top: int | None, fmt: str, lang: str, year: int | None,
            quiet: bool) -> None:
    """Rank actors by how much they bridge groups and sectors, with the evidence.

    Columns: betweenness (Freeman, normalised), articulation point and how many actors it alone connects
    (cut_off), Burt's constraint and effective size, Gould–Fernandez brokerage over sectors, and a sentence
    saying why. All CASEs are analysed as one network.

    \b
    Example:
      kyodo bridges nippa
      kyodo bridges dream-heights --lang en --top 5
      kyodo bridges nippa --directed --format json > nippa-bridges.json
    """
    from ..analysis.bridges import bridging_scores

    G = _graph(cases, year, directed)
    with progress_bar(quiet) as progress:
        rows = bridging_scores(G, progress=progress)
    rows = rows[:top] if top else rows
    if fmt == "json":
        emit(rows, [], fmt, data=[_public(r, lang) for r in rows])
        return
    roles = list(rows[0]["brokerage"]) if rows else []
    flat = [_flat(r, lang, G) for r in rows]
    if fmt == "csv":
        cols = ["id", "name", "sector", "score", "betweenness", "articulation", "cut_off", "constraint",
                "effective_size", *roles, "sectors_bridged", "only_path_pairs", "explanation_ja", "explanation_en"]
        emit(flat, [(c, c) for c in cols], fmt)
        return
    for i, r in enumerate(flat, 1):
        r["rank"] = i
    short = {"coordinator": "coord", "itinerant": "itin", "boundary": "bound", "representative": "repr",
             "gatekeeper": "gate", "liaison": "liais", "total": "total"}
    cols = [("rank", "#"), ("name", "name" if lang == "en" else "名前"), ("sector_label", "sector" if lang == "en" else "セクター"),
            ("score", "score"), ("betweenness", "betw."), ("articulation", "cut-pt"), ("cut_off", "cut_off"),
            ("constraint", "constr."), ("effective_size", "eff.size"), *[(r, short[r]) for r in roles]]
    emit(flat, cols, fmt)
    click.echo("")
    for r in flat:
        if r["score"] > 0:
            click.echo(f"{r['rank']:>3}. {r['explanation']}")


@cli.command()
@cases_argument
@top_option
@format_option()
@lang_option
@year_option
@quiet_option
def coordinators(cases: tuple[str, ...], top: int | None, fmt: str, lang: str, year: int | None,
                 quiet: bool) -> None:
    """Find the coordinators: actors (persons first) whose brokerage crosses sectors most.

    For each, the pairs of partners from different sectors that have no tie of their own and no other partner
    in common; "only path" marks pairs with no other route at all.

    \b
    Example:
      kyodo coordinators nippa
      kyodo coordinators akuwa-north --lang en --format csv > coordinators.csv
    """
    from ..analysis.bridges import coordinators as find_coordinators

    G = _graph(cases, year)
    with progress_bar(quiet) as progress:
        rows = find_coordinators(G, top=top, progress=progress)
    key = "name_en" if lang == "en" else "name"

    def nm(i: str) -> str:
        return G.nodes[i].get(key) or G.nodes[i]["name"]

    if fmt == "json":
        emit(rows, [], fmt, data=[_public(r, lang) for r in rows])
        return
    flat = []
    for r in rows:
        f = _flat(r, lang, G)
        f["pairs"] = [f"{nm(p['a'])}–{nm(p['b'])}{' *' if p['only_path'] else ''}" for p in r["pairs"]]
        f["pair_count"] = len(r["pairs"])
        flat.append(f)
    if fmt == "csv":
        cols = ["id", "name", "sector", "cross_sector", "score", "pair_count", "pairs", "explanation_ja", "explanation_en"]
        emit(flat, [(c, c) for c in cols], fmt)
        return
    en = lang == "en"
    for r in flat:
        click.echo(f"{r['name']} ({r['sector_label']}): "
                   + (f"{r['cross_sector']} cross-sector brokered pairs" if en else f"セクターをまたぐ仲介 {r['cross_sector']} 組"))
        click.echo(f"  {r['explanation']}")
        if r["pairs"]:
            click.echo("  " + ("connects (no other common partner; * = only path):" if en
                               else "つないでいる組（他に共通の相手なし、* = 唯一の経路）:"))
            for p in r["pairs"]:
                click.echo(f"    {p}")
        click.echo("")


def _whatif_text(G, r: Mapping[str, Any], lang: str) -> str:
    en = lang == "en"
    key = "name_en" if en else "name"

    def nm(i: str) -> str:
        return G.nodes[i].get(key) or G.nodes[i]["name"]

    def proj(p: str) -> str:
        return name_of(G.graph["projects"][p], lang)

    lines = []
    head = ", ".join(nm(i) for i in r["removed"])
    verb = "leaves" if len(r["removed"]) == 1 else "leave"
    lines.append((f"If {head} {verb}:" if en else f"{head} がいなくなると:"))
    lines.append(f"  {'components' if en else '連結成分'}: {r['components_before']} → {r['components_after']}")
    lines.append(f"  {'actors cut off' if en else '孤立するアクター'} ({len(r['cut_off'])}): "
                 + (", ".join(nm(i) for i in r["cut_off"]) or "-"))
    lines.append(f"  {'relations lost' if en else '失われる関係'}: {len(r['relations_lost'])}")
    for x in r["relations_lost"]:
        label = (("project" if en else "協働事業") if x["type"] == "project"
                 else name_of(G.graph["relation_types"][x["type"]], lang))
        extra = f" ({proj(x['project'])})" if x.get("project") else ""
        lines.append(f"    {nm(x['from'])} – {nm(x['to'])}: {label}{extra}")
    pairs = ["/".join(sector_label(G, s, lang) for s in p) for p in r["sector_pairs_lost"]]
    lines.append(f"  {'sector pairs no longer connected' if en else 'つながりが途切れるセクターの組'}: " + (", ".join(pairs) or "-"))
    lines.append(f"  {'projects left without a link to government' if en else '行政とのつながりを失う協働事業'}: "
                 + (", ".join(proj(p) for p in r["projects_without_government"]) or "-"))
    return "\n".join(lines)


@cli.command()
@cases_argument
@click.option("--remove", "remove", multiple=True, required=True, metavar="ID",
              help="Actor id that leaves (repeat for several).")
@format_option()
@lang_option
@year_option
def whatif(cases: tuple[str, ...], remove: tuple[str, ...], fmt: str, lang: str, year: int | None) -> None:
    """Show what breaks if actors leave: components, actors cut off, relations, sectors, projects.

    \b
    Example:
      kyodo whatif nippa --remove coordinator-s
      kyodo whatif akuwa-north --remove seya-section-chief-f --remove seya-support-team --lang en
    """
    from ..analysis.risk import what_if

    G = _graph(cases, year)
    result = what_if(G, remove)
    if fmt == "json":
        emit([], [], fmt, data=result)
    elif fmt == "csv":
        emit(_whatif_rows(G, result, lang), [(k, k) for k in ("kind", "id", "name", "other_id", "other_name", "detail")],
             fmt)
    else:
        click.echo(_whatif_text(G, result, lang))


def _whatif_rows(G, r: Mapping[str, Any], lang: str) -> list[dict]:
    """One CSV row per finding: removed, cut_off, relation_lost, sector_pair_lost, project_without_government."""
    key = "name_en" if lang == "en" else "name"

    def nm(i: str) -> str:
        return G.nodes[i].get(key) or G.nodes[i]["name"]

    rows = [{"kind": "removed", "id": i, "name": nm(i)} for i in r["removed"]]
    rows += [{"kind": "cut_off", "id": i, "name": nm(i)} for i in r["cut_off"]]
    rows += [{"kind": "relation_lost", "id": x["from"], "name": nm(x["from"]), "other_id": x["to"],
              "other_name": nm(x["to"]), "detail": f"project:{x['project']}" if x.get("project") else x["type"]}
             for x in r["relations_lost"]]
    rows += [{"kind": "sector_pair_lost", "id": a, "other_id": b, "name": sector_label(G, a, lang),
              "other_name": sector_label(G, b, lang)} for a, b in r["sector_pairs_lost"]]
    rows += [{"kind": "project_without_government", "id": p, "name": name_of(G.graph["projects"][p], lang)}
             for p in r["projects_without_government"]]
    return rows


@cli.command()
@cases_argument
@top_option
@format_option()
@lang_option
@year_option
@quiet_option
def risks(cases: tuple[str, ...], top: int | None, fmt: str, lang: str, year: int | None, quiet: bool) -> None:
    """Rank single points of failure, so a hand-over can be planned before a 異動 (transfer).

    Lists each actor whose departure alone cuts others off, separates two sectors, or leaves a project with no
    link to a government body; worst first.

    \b
    Example:
      kyodo risks akuwa-north
      kyodo risks --top 10 --format csv > risks.csv
    """
    from ..analysis.risk import risks as rank_risks

    G = _graph(cases, year)
    with progress_bar(quiet) as progress:
        rows = rank_risks(G, top=top, progress=progress)
    if fmt == "json":
        emit(rows, [], fmt, data=[_public(r, lang) for r in rows])
        return
    key = "name_en" if lang == "en" else "name"
    flat = []
    for i, r in enumerate(rows, 1):
        flat.append({
            "rank": i, "id": r["id"], "name": r["name_en"] if lang == "en" else r["name"],
            "sector": r["sector"], "sector_label": sector_label(G, r["sector"], lang), "cut_off": len(r["cut_off"]),
            "cut_off_names": [G.nodes[c].get(key) or G.nodes[c]["name"] for c in r["cut_off"]],
            "sector_pairs_lost": len(r["sector_pairs_lost"]),
            "projects_without_government": len(r["projects_without_government"]),
            "relations_lost": len(r["relations_lost"]),
        })
    cols = [("rank", "#"), ("name", "name" if lang == "en" else "名前"),
            ("sector_label", "sector" if lang == "en" else "セクター"), ("cut_off", "cut_off"),
            ("sector_pairs_lost", "sectors"), ("projects_without_government", "projects"),
            ("relations_lost", "relations"), ("cut_off_names", "cut off" if lang == "en" else "孤立する相手")]
    if fmt == "csv":
        cols = [(k, k) for k in ("rank", "id", "name", "sector", "cut_off", "sector_pairs_lost",
                                 "projects_without_government", "relations_lost", "cut_off_names")]
    emit(flat, cols, fmt)
