"""``kyodo review``: both sides' scores on the 横浜コード and the check sheet, and the sheet to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..instruments import ITEMS
from ..lang import pick, text
from ._options import (
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
)

KEYS = ("project", "item", "scores", "citizen", "government", "gap", "change", "note")


def _item_name(item: str, lang: str) -> str:
    return ITEMS[item].name if lang == "ja" else ITEMS[item].name_en


def _project_ids(G: Any, wanted: tuple[str, ...], lang: str) -> list[str] | None:
    if not wanted:
        return None
    from ..lang import did_you_mean

    projects = G.graph["projects"]
    out = []
    for w in wanted:
        found = (
            w
            if w in projects
            else next((p for p, d in projects.items() if w in (d.get("name"), d.get("name_en"))), None)
        )
        if found is None:
            close = did_you_mean(w, list(projects))
            hint = f" ({close}?)" if close else ""
            raise click.UsageError(text("review.error.unknown-project", lang, value=w, hint=hint))
        out.append(found)
    return out


def _rows(findings: dict, G: Any, lang: str, points: bool) -> list[dict]:
    rows = []
    for pr in findings["projects"]:
        names = {s["id"]: pick(s, "name", lang) for s in pr["sides"]}
        by_item = {x["item"]: x for x in pr["items"]}
        order = pr["gaps"] + [i for i in by_item if i not in pr["gaps"]]
        for item in order:
            x = by_item[item]
            if not x["scores"] or (x["kind"] != "principle" and not points and item not in pr["gaps"]):
                continue
            note = []
            if item in pr["gaps"]:
                note.append(text("review.note.gap", lang))
            if item in pr["weakest"]:
                note.append(text("review.note.weakest", lang))
            rows.append(
                {
                    "project": pick(pr, "name", lang),
                    "item": _item_name(item, lang),
                    "scores": " / ".join(f"{names[r]} {s}" for r, s in x["scores"].items()),
                    "citizen": x["citizen"],
                    "government": x["government"],
                    "gap": x["gap"],
                    "change": " / ".join(f"{names[r]} {d:+d}" for r, d in x["change"].items()),
                    "note": "、".join(note) if lang == "ja" else ", ".join(note),
                }
            )
    return rows


def _flag_line(G: Any, flag: dict, lang: str) -> str:
    def nm(i: str) -> str:
        return pick(G.nodes[i], "name", lang) if i in G else i

    if flag["flag"] == "commission-without-agreement":
        return text(
            "review.flag.commission-without-agreement",
            lang,
            source=nm(flag["from"]),
            target=nm(flag["to"]),
            origin=flag.get("origin") or "",
        )
    return text("review.flag.no-role-split", lang, project=pick(G.graph["projects"][flag["project"]], "name", lang))


@command("review")
@cases_argument
@option("--project", "projects", multiple=True, metavar="ID|NAME", help="opt.review.project")
@option("--sheet", is_flag=True, help="opt.review.sheet")
@option("-o", "--output", "output", default=None, metavar="FILE", help="files.opt.review.output")
@option("--chart", default=None, metavar="PATH", help="files.opt.review.chart")
@option("--points", is_flag=True, help="opt.review.points")
@format_option()
@lang_option()
@public_option
def review(
    cases: tuple[str, ...],
    projects: tuple[str, ...],
    sheet: bool,
    output: str | None,
    chart: str | None,
    points: bool,
    fmt: str,
    lang: str,
    public: bool,
) -> None:
    from ..analysis.review import review_findings
    from ..render.outputs import output_format, output_name, resolve_output

    if sheet and public:
        raise click.UsageError(text("review.error.sheet-public", lang))
    # -o and --chart are checked before anything is read: a chart to c.txt, a sheet to s.docx are refused
    sheet_fmt = output_format(output, "review-sheet") if sheet and output is not None else None
    chart_fmt = output_format(chart, "review-chart") if chart is not None else None
    G, _ = network(cases)
    chosen = _project_ids(G, projects, lang)  # named as loaded (a person knows the real names)
    if public:  # reviewers who are private persons by their role, their names scrubbed from every text
        from ..graph import graph_from_names, public_ids

        chosen = None if chosen is None else [str(p) for p in public_ids(cases, chosen)]
        G = graph_from_names(cases, public=True)
    if sheet:
        if not chosen or len(chosen) != 1:
            raise click.UsageError(text("review.error.no-project", lang))
        if output is None:
            raise click.UsageError(text("review.error.no-output", lang))
        from ..render.checksheet import checksheet_model, write_checksheet

        first = cases[0] if cases else ""
        include = first if not Path(first).is_file() else str(Path(first).resolve())
        model = checksheet_model(G, chosen[0], lang=lang)
        name = (
            f"{G.graph['name']}（{text('review.sheet.title', 'ja')}）"
            if lang == "ja"
            else f"{G.graph['name_en']} (review)"
        )
        path = resolve_output(
            output, "review-sheet", sheet_fmt, output_name(cases, "review-sheet", sheet_fmt, lang=lang, about=chosen[0])
        )
        written = write_checksheet(model, path, include=include, district_name=name)
        click.echo(str(written))
        if sheet_fmt == "xlsx":
            say("review.sheet.next", lang, err=True, case=" ".join(cases), path=written)
        return
    findings = review_findings(G, projects=chosen)
    if chart is not None:
        from ..render.review_chart import write_review_chart

        about = "+".join(chosen) if chosen else None
        path = resolve_output(
            chart,
            "review-chart",
            chart_fmt,
            output_name(cases, "review-chart", chart_fmt, lang=lang, about=about, public=public),
        )
        say("review.wrote", lang, err=True, path=write_review_chart(findings, path, lang=lang))
    rows = _rows(findings, G, lang, points)
    if fmt == "json":
        emit(rows, [], fmt, data=findings)
        return
    cols = columns(KEYS, lang, "review", csv=fmt == "csv")
    if fmt == "csv":
        emit(rows, cols, fmt, lang=lang)
        return
    if rows:
        emit(rows, cols, fmt, lang=lang)
    else:
        say("review.none", lang)
    sep = "、" if lang == "ja" else ", "
    for pr in findings["projects"]:
        name = pick(pr, "name", lang)
        if pr["weakest"]:
            say("review.weakest", lang, project=name, items=sep.join(_item_name(i, lang) for i in pr["weakest"]))
        if pr["unanswered"]:
            say("review.unanswered", lang, project=name, items=sep.join(_item_name(i, lang) for i in pr["unanswered"]))
    if len(findings["projects"]) > 1:
        click.echo("")
        say("review.compare", lang)
        ids = [pr["id"] for pr in findings["projects"]]
        comp_cols = [("item", text("col.review.item", lang))] + [
            (pid, pick(G.graph["projects"][pid], "name", lang)) for pid in ids
        ]
        comp = [
            {"item": _item_name(i, lang), **{pid: v for pid, v in by.items()}}
            for i, by in findings["comparison"].items()
        ]
        emit(comp, comp_cols, "table", lang=lang)
    if findings["flags"]:
        click.echo("")
        say("review.flags", lang)
        for flag in findings["flags"]:
            click.echo(f"- {_flag_line(G, flag, lang)}")


COMMANDS = [review]
