"""``kyodo handover``: the hand-over sheet for a person's transfer (異動)."""

from __future__ import annotations

from typing import Any

import click

from ..lang import pick, relation_label, text
from ._options import cases_argument, columns, command, emit, format_option, lang_option, network, option, public_option


def _rows(G: Any, sheet: dict, lang: str) -> list[dict]:
    """The sheet as rows: one per partner of a tie the person holds (``kind`` ``tie``), then one per pair only the
    person links (``kind`` ``link``)."""

    def nm(i: str) -> str:
        return pick(G.nodes[i], "name", lang) if i in G else str(i)

    sep = text("cli.list_sep", lang)
    projects = G.graph.get("projects", {})
    person = nm(sheet["person"])

    def how(item: str) -> str:
        kind, _, ident = item.partition(":")
        if kind == "project":
            return text(
                "handover.known_via.project", lang, name=pick(projects.get(ident, {"name": ident}), "name", lang)
            )
        return text("handover.known_via.relation", lang, type=relation_label(G, ident, lang))

    rows = []
    for r in sheet["ties"]:
        known = sep.join(nm(k) for k in r["known_by"])
        known_how = sep.join(
            text("handover.known_via", lang, name=nm(k), how=sep.join(how(x) for x in ways))
            for k, ways in r.get("known_through", {}).items()
        )
        first = text(r["first"], lang, names=known)
        rows.append(
            {
                "kind": "tie",
                "partner_id": r["partner"],
                "other_id": "",
                "partner": nm(r["partner"]),
                "ties": sep.join(f"{nm(t['org'])}: {relation_label(G, t['type'], lang)}" for t in r["ties"]),
                "known_by": known_how or known or text("handover.nobody", lang),
                "projects": sep.join(pick(projects[p], "name", lang) for p in r["projects"]) or "-",
                "agreements": sep.join(
                    f"{nm(a['from'])} – {nm(a['to'])}: {relation_label(G, a['type'], lang)}" for a in r["agreements"]
                )
                or "-",
                "contact": r["contact"] or text("handover.no_contact", lang),
                "first": first,
                "inferred": any(t["inferred"] for t in r["ties"]),
            }
        )
    for p in sheet.get("links", []):
        a, b = nm(p["a"]), nm(p["b"])
        ties = text("handover.link_ties", lang, name=person)
        if p["only_path"]:
            ties += text("handover.link_only_path", lang)
        rows.append(
            {
                "kind": "link",
                "partner_id": p["a"],
                "other_id": p["b"],
                "partner": text("handover.link", lang, a=a, b=b),
                "ties": ties,
                "known_by": text("handover.nobody", lang),
                "projects": "-",
                "agreements": "-",
                "contact": "-",
                "first": text(p["first"], lang, a=a, b=b, name=person),
                "inferred": False,
            }
        )
    return rows


@command("handover")
@cases_argument
@option("--person", "person", required=True, metavar="ID|NAME", help="opt.handover.person")
@format_option("table", "json", "csv", "html")
@option("-o", "--output", "output", default=None, metavar="FILE.html", help="files.opt.handover.output")
@lang_option()
@public_option
def handover(cases: tuple[str, ...], person: str, fmt: str, output: str | None, lang: str, public: bool) -> None:
    from ..analysis.handover import handover as sheet_for
    from ..render.outputs import output_format, output_name, resolve_output

    if output is not None:
        output_format(output, "handover", "html")  # -o h.pdf is refused before anything is read
    G, (pid,) = network(cases, public=public, actors=[person])
    sheet = sheet_for(G, pid)
    name = pick(G.nodes[pid], "name", lang)
    if fmt == "json":
        emit([], [], fmt, data=sheet)
        return
    rows = _rows(G, sheet, lang)
    if fmt == "html":
        from ..render._write import write_atomic
        from ..render.handover import handover_html

        keys = ["ties", "known_by", "projects", "agreements", "contact", "first"]
        labels = {"partner": text("handover.partner", lang)} | {k: text("handover." + k, lang) for k in keys}
        page = handover_html(
            text("handover.head", lang, name=name, district=pick(G.graph, "name", lang)),
            [r | {"mark": text("findings.inferred", lang) if r["inferred"] else ""} for r in rows],
            labels,
            lang=lang,
            note=text("findings.inferred_note", lang) if sheet["inferred"] else "",
            empty=text("handover.none", lang, name=name),
        )
        # the person's id as the sheet shows it (with --public, the anonymous one)
        path = resolve_output(
            output, "handover", "html", output_name(cases, "handover", "html", lang=lang, about=pid, public=public)
        )
        click.echo(str(write_atomic(path, page)))
        return
    if fmt == "csv":
        rows = [{k: ("" if v == "-" else v) for k, v in r.items()} for r in rows]
    keys = [
        "kind",
        "partner_id",
        "other_id",
        "partner",
        "ties",
        "known_by",
        "projects",
        "agreements",
        "contact",
        "first",
        "inferred",
    ]
    if fmt == "csv":
        emit(rows, columns(keys, lang, "handover", csv=True), fmt, lang=lang)
        return
    click.echo(text("handover.head", lang, name=name, district=pick(G.graph, "name", lang)))
    if not rows:
        click.echo(text("handover.none", lang, name=name))
        return
    for r in rows:
        mark = f" [{text('findings.inferred', lang)}]" if r["inferred"] else ""
        click.echo("")
        if r["kind"] == "link":
            click.echo(f"{text('handover.kind.link', lang)}: {r['partner']}")
            click.echo(f"  {text('handover.link_what', lang)}: {r['ties']}")
            click.echo(f"  {text('handover.first', lang)}: {r['first']}")
            continue
        click.echo(f"{text('handover.partner', lang)}: {r['partner']}{mark}")
        for key in ("ties", "known_by", "projects", "agreements", "contact", "first"):
            click.echo(f"  {text('handover.' + key, lang)}: {r[key]}")
    if sheet["inferred"]:
        click.echo("")
        click.echo(text("findings.inferred_note", lang))


COMMANDS = [handover]
