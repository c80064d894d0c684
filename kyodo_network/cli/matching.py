"""Commands for the マッチングの場: match (offers and needs, both ways), seating (the 交流会's tables) and
departments (はざま and the way in)."""

from __future__ import annotations

import re
from typing import Any

import click

from ..lang import key_for, pick, short_names, text
from ._options import (
    CountType,
    KyodoChoice,
    cases_argument,
    columns,
    command,
    emit,
    format_option,
    lang_option,
    network,
    option,
    output_option,
    public_option,
    say,
    top_option,
    year_option,
)

_words_option = option("--words", "words", default=None, metavar="FILE", help="opt.match.words")


def _table(words: str | None) -> Any:
    from ..resources import read_resource_words, resource_table

    if words is None:
        return resource_table()
    from .._inputs import remember_input

    remember_input(words)  # an output never lands on it
    return read_resource_words(words)


def _centres(G: Any) -> list[dict]:
    """The ward support centres of the network, each with its telephone from the city directory."""
    centres = [dict(c) for c in G.graph.get("support_centres") or ()]
    if centres and not all(c.get("contact") for c in centres):
        from ..load import load_cases

        phones = {a.id: a.contact for a in load_cases(["yokohama-city"])[0].actors if a.contact}
        for c in centres:
            c.setdefault("contact", phones.get(c["id"]))
            c["contact"] = c["contact"] or phones.get(c["id"])
    return centres


# --- kyodo match ----------------------------------------------------------------------------------------------


def _gives(r: dict, side: str, lang: str) -> str:
    items = [g["item_en" if lang == "en" else "item"] for g in r["gives"] if g["from"] == r[side]]
    return (", " if lang == "en" else "・").join(items)


@command("match")
@cases_argument
@option("--for", "for_actor", default=None, metavar="ID", help="opt.match.for")
@_words_option
@top_option(default=10)
@format_option()
@lang_option()
@year_option
@public_option
def match(
    cases: tuple[str, ...],
    for_actor: str | None,
    words: str | None,
    top: int,
    fmt: str,
    lang: str,
    year: int | None,
    public: bool,
) -> None:
    from ..analysis.match import match_offers_needs

    table = _table(words)
    G, named = network(cases, year=year, public=public, actors=[for_actor] if for_actor else [])
    rows = match_offers_needs(
        G, resources=table, for_actor=named[0] if named else None, top=top or None, support_centres=_centres(G)
    )
    if fmt == "json":
        emit(rows, [], fmt)
        return
    a_key, b_key = key_for("a_name", lang), key_for("b_name", lang)
    shorts = short_names(n for r in rows for n in (r[a_key], r[b_key]))
    sep = ", " if lang == "en" else "、"
    flat = []
    for i, r in enumerate(rows, 1):
        a_gives, b_gives = _gives(r, "a", lang), _gives(r, "b", lang)
        items = f"{a_gives} ⇄ {b_gives}" if r["both_ways"] else f"{a_gives} →"
        if r["tied"]:
            known = text("match.col.tied", lang)
        elif r["introducers"]:
            known = short_names(r[key_for("introducer_names", lang)][:1])[r[key_for("introducer_names", lang)][0]]
        elif r["ask_at"]:
            known = text("match.col.ask_at", lang, name=r[key_for("ask_at_names", lang)][0])
        else:
            known = ""
        flat.append(
            {
                "rank": i,
                "kind": text(f"match.kind.{r['kind']}", lang),
                "a": r["a"],
                "a_name": r[a_key],
                "b": r["b"],
                "b_name": r[b_key],
                "a_short": shorts[r[a_key]],
                "b_short": shorts[r[b_key]],
                "items": items,
                "known": known,
                "a_gives": a_gives,
                "b_gives": b_gives,
                "tied": r["tied"],
                "introducers": sep.join(r[key_for("introducer_names", lang)]),
                "ask_at": sep.join(r[key_for("ask_at_names", lang)]),
                "reason": r["reasons"][lang],
                "reasons_ja": r["reasons"]["ja"],
                "reasons_en": r["reasons"]["en"],
            }
        )
    if fmt == "csv":
        keys = [
            "rank",
            "kind",
            "a",
            "a_name",
            "b",
            "b_name",
            "a_gives",
            "b_gives",
            "tied",
            "introducers",
            "ask_at",
            "reasons_ja",
            "reasons_en",
        ]
        emit(flat, columns(keys, lang, "match", csv=True), fmt, lang=lang)
        return
    if not flat:
        say("match.none", lang, err=True)
        return
    emit(flat, columns(["rank", "kind", "a_short", "b_short", "items", "known"], lang, "match"), fmt, lang=lang)
    click.echo("")
    for r in flat:
        click.echo(f"{r['rank']:>3}. {r['reason']}")


# --- kyodo seating --------------------------------------------------------------------------------------------


def _split_pair(value: str, option_name: str, lang: str) -> tuple[str, str]:
    parts = [p.strip() for p in re.split(r"[,，、]", value, maxsplit=1)]
    if len(parts) != 2 or not all(parts):
        raise click.UsageError(text("seating.bad_pair", lang, option=option_name, value=value))
    return parts[0], parts[1]


def _split_host(value: str, lang: str) -> tuple[str, int]:
    from ..words import plain_digits

    name, _, number = re.sub(r"[：]", ":", value).rpartition(":")
    digits = plain_digits(number.strip()) if number else None
    if not name.strip() or not digits or not digits.isdigit() or int(digits) < 1:
        raise click.UsageError(text("seating.bad_host", lang, value=value))
    return name.strip(), int(digits)


@command("seating")
@cases_argument
@option("--attendees", default=None, metavar="FILE", help="opt.seating.attendees")
@option("--tables", type=CountType(1), default=None, metavar="N", help="opt.seating.tables")
@option("--rounds", type=CountType(1), default=1, show_default=True, metavar="R", help="opt.seating.rounds")
@option("--size", type=CountType(1), default=None, metavar="K", help="opt.seating.size")
@option("--host", "hosts", multiple=True, metavar="NAME:TABLE", help="opt.seating.host")
@option("--together", multiple=True, metavar="A,B", help="opt.seating.together")
@option("--apart", multiple=True, metavar="A,B", help="opt.seating.apart")
@option(
    "--time-limit",
    type=click.FloatRange(0.5, 600),
    default=8.0,
    show_default=True,
    metavar="SECONDS",
    help="opt.seating.time_limit",
)
@_words_option
@option("--format", "fmt", type=KyodoChoice(["pdf", "xlsx", "html"]), default=None, help="opt.seating.format")
@output_option("opt.seating.output")
@lang_option()
@year_option
def seating(
    cases: tuple[str, ...],
    attendees: str | None,
    tables: int | None,
    rounds: int,
    size: int | None,
    hosts: tuple[str, ...],
    together: tuple[str, ...],
    apart: tuple[str, ...],
    time_limit: float,
    words: str | None,
    fmt: str | None,
    output_arg: str | None,
    lang: str,
    year: int | None,
) -> None:
    # no --public: the sheets name the people in the room, as the attendee list itself does
    from ..analysis.seating import seating_from_graph
    from ..render._write import check_targets
    from ..render.outputs import output_format, output_name, resolve_output
    from ..render.seating import seating_view, write_seating

    if tables is None and size is None:
        raise click.UsageError(text("seating.bad_counts", lang))
    host_map = dict(_split_host(h, lang) for h in hosts)
    pairs_t = [_split_pair(v, "--together", lang) for v in together]
    pairs_a = [_split_pair(v, "--apart", lang) for v in apart]
    fmt = output_format(output_arg, "seating", fmt)
    path = resolve_output(output_arg, "seating", fmt, output_name(cases, "seating", fmt, lang=lang, year=year))
    check_targets([path])  # before anything is read or solved
    table = _table(words)
    if attendees is not None:
        from ..casefile.attendees import read_attendees
        from .._inputs import remember_input

        remember_input(attendees)
        names = read_attendees(attendees)
    else:
        names = None
    G, _ = network(cases, year=year)
    if names is None:  # every actor of the network comes
        names = [str(n) for n, d in G.nodes(data=True) if d.get("kind", "actor") == "actor"]
    plan = seating_from_graph(
        G,
        names,
        tables=tables,
        rounds=rounds,
        size=size,
        hosts=host_map,
        together=pairs_t,
        apart=pairs_a,
        resources=table,
        support_centres=_centres(G),
        time_limit=time_limit,
    )
    view = seating_view(plan, G, lang=lang)
    for line in view["summary"]:
        click.echo(line)
    for note in view["notes"]:
        click.echo(f"  {note}")
    click.echo("")
    w = view["words"]
    for t in view["tables"]:
        for rd in t["rounds"]:
            label = f"{w['table']} {t['table']}" + (f" · {w['round']} {rd['round']}" if rounds > 1 else "")
            names_ = ("、" if lang == "ja" else ", ").join(("★" if s["host"] else "") + s["name"] for s in rd["seats"])
            click.echo(f"{label}: {names_}")
    written = write_seating(view, path, fmt)
    say("cli.wrote", lang, err=True, path=written)


# --- kyodo departments ----------------------------------------------------------------------------------------


def _department_lines(f: dict, lang: str) -> list[str]:
    sep = ", " if lang == "en" else "、"
    name = "name_en" if lang == "en" else "name"
    lines = [text("departments.heading.themes", lang)]
    for t in f["themes"]:
        label = t["theme_en" if lang == "en" else "theme"]
        if t["kind"] == "need":
            label = text("departments.need", lang, item=label)
        if t["gap"]:
            lines.append(f"  {label}: {text('departments.none', lang)}")
            continue
        deps = sep.join(
            text(
                "departments.how",
                lang,
                name=d[name],
                how=sep.join(text(f"departments.how.{h}", lang) for h in d["how"]),
            )
            for d in t["departments"]
        )
        lines.append(f"  {label}: {deps}")
    lines.append("")
    lines.append(text("departments.heading.gaps", lang, n=len(f["gaps"])))
    for t in f["gaps"]:
        label = t["theme_en" if lang == "en" else "theme"]
        who = sep.join(t.get("actor_names", [])[:3])
        lines.append(
            f"  - {text('departments.need', lang, item=label) if t['kind'] == 'need' else label}"
            + (f"（{who}）" if who and lang == "ja" else f" ({who})" if who else "")
        )
    if not f["gaps"]:
        lines.append(f"  {text('departments.no_gaps', lang)}")
    lines.append("")
    lines.append(text("departments.heading.pairs", lang, n=len(f["pairs"])))
    for p in f["pairs"]:
        office = p["office_name_en" if lang == "en" else "office_name"]
        projects = sep.join(p["project_names_en" if lang == "en" else "project_names"])
        code = "departments.pair.office" if office else "departments.pair"
        lines.append("  - " + text(code, lang, a=p[f"a_{name}"], b=p[f"b_{name}"], projects=projects, office=office))
    if not f["pairs"]:
        lines.append(f"  {text('departments.no_pairs', lang)}")
    lines.append("")
    lines.append(text("departments.heading.ask", lang))
    for c in f["ask_first"]:
        lines.append("  " + text("departments.ask", lang, name=c[name], contact=c.get("contact") or "–"))
    if not f["ask_first"]:
        lines.append("  " + text("departments.ask_city", lang))
    return lines


@command("departments")
@cases_argument
@option("--theme", default=None, metavar="WORD", help="opt.departments.theme")
@_words_option
@format_option()
@lang_option()
@year_option
@public_option
def departments(
    cases: tuple[str, ...], theme: str | None, words: str | None, fmt: str, lang: str, year: int | None, public: bool
) -> None:
    from ..analysis.departments import departments_findings

    table = _table(words)
    G, _ = network(cases, year=year, public=public)
    f = departments_findings(G, theme=theme, support_centres=_centres(G), resources=table)
    projects = G.graph.get("projects") or {}
    for p in f["pairs"]:
        p["project_names"] = [pick(projects.get(x, {"name": x}), "name", "ja") for x in p["projects"]]
        p["project_names_en"] = [pick(projects.get(x, {"name": x}), "name", "en") for x in p["projects"]]
    for t in f["themes"]:
        t["actor_names"] = [pick(G.nodes[a], "name", lang) for a in t["actors"]]
    if fmt == "json":
        emit([], [], fmt, data=f)
        return
    if fmt == "csv":
        sep = ", " if lang == "en" else "、"
        rows = [
            {
                "theme": t["theme_en" if lang == "en" else "theme"],
                "kind": text(f"departments.kind.{t['kind']}", lang),
                "departments": sep.join(d["name_en" if lang == "en" else "name"] for d in t["departments"]),
                "how": sep.join(
                    "+".join(text(f"departments.how.{h}", lang) for h in d["how"]) for d in t["departments"]
                ),
                "gap": t["gap"],
                "actors": sep.join(t["actor_names"]),
            }
            for t in f["themes"]
        ]
        emit(
            rows,
            columns(["theme", "kind", "departments", "how", "gap", "actors"], lang, "departments", csv=True),
            fmt,
            lang=lang,
        )
        return
    click.echo("\n".join(_department_lines(f, lang)))


COMMANDS = [match, seating, departments]
