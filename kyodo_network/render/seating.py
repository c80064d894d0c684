"""The 交流会 seating plan on paper: a facilitator's overview and one A4 sheet per table, as PDF (the report's
WeasyPrint path, IPAexGothic embedded), HTML or an Excel workbook.

Each table's sheet says, round by round, who sits there (hosts marked, newcomers said) and whom to introduce to
whom and why (the introductions and both-way matches first seated together at that table). The overview says how
many of the wanted meetings the plan achieves, how many acquainted pairs still share a table, who meets twice,
which names were not found in the network (seated as newcomers) and the whole plan, table by table.

Every string from the data is escaped in HTML and written as text in the workbook
(:func:`~kyodo_network.casefile.workbook.as_text`).
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..lang import category_label, short_names, text
from ._report_page import FONTS
from ._write import write_atomic
from .outputs import KINDS

__all__ = ["seating_view", "seating_html", "seating_pdf", "seating_xlsx", "write_seating", "SEATING_FORMATS"]

SEATING_FORMATS = tuple(KINDS["seating"].formats)

CSS = (
    """
html{font-family:%s;color:#222;line-height:1.45}
body{margin:0 auto;max-width:48rem;padding:1rem;font-size:10.5pt}
section.sheet{break-after:page;page-break-after:always}
section.sheet:last-child{break-after:auto;page-break-after:auto}
h1{font-size:16pt;margin:0 0 .2rem}
h2{font-size:12pt;margin:.8rem 0 .3rem;padding:.1rem .4rem;background:#f3f5f8;border-left:4px solid #4a6fa5}
p.sub{color:#555;margin:.1rem 0 .5rem;font-size:9.5pt}
table{border-collapse:collapse;width:100%%;font-size:10pt;margin:.2rem 0}
th{white-space:nowrap}
th,td{border-bottom:1px solid #ccc;padding:.15rem .4rem;text-align:left;vertical-align:top}
td.num{text-align:right}
ul{margin:.2rem 0 .2rem 1.2rem;padding:0}
li{margin:.15rem 0;break-inside:avoid}
li .why{display:block;color:#555;font-size:9pt}
.mark{font-weight:bold;color:#4a6fa5}
@page{size:A4;margin:12mm}
"""
    % FONTS
)


def seating_view(plan: Mapping[str, Any], G: Any, *, lang: str = "ja") -> dict[str, Any]:
    """What the sheets show, in ``lang``: names, kinds, summary lines, and per table and round the seats and the
    introductions (from :func:`~kyodo_network.analysis.seating.seating_from_graph`'s result)."""
    people = plan["people"]
    full = {k: (p["name_en"] if lang == "en" else p["name"]) for k, p in people.items()}
    shorts = short_names(full.values())

    def name(k: Any) -> str:
        return shorts[full[k]]

    def kind(k: Any) -> str:
        p = people[k]
        if p["newcomer"]:
            return text("seating.newcomer", lang)
        return category_label(G, G.nodes[p["id"]], lang) if p["id"] in G else ""

    rounds = plan["rounds"]
    tables = []
    for t in range(plan["tables_count"]):
        per_round = []
        for r in range(rounds):
            seats = [
                {"name": name(k), "kind": kind(k), "host": k in plan["hosts"], "newcomer": people[k]["newcomer"]}
                for k in plan["tables"][r][t]
            ]
            intros = [
                {"a": name(w["a"]), "b": name(w["b"]), "both_ways": w["both_ways"], "why": w["reasons"][lang]}
                for w in plan["intros"][r][t]
            ]
            per_round.append({"round": r + 1, "seats": seats, "intros": intros})
        tables.append({"table": t + 1, "rounds": per_round})
    met = [w for w in plan["wanted"] if w["met"]]
    both = [w for w in plan["wanted"] if w["both_ways"]]
    summary = [
        text(
            "seating.sum.people",
            lang,
            n=len(people),
            newcomers=sum(p["newcomer"] for p in people.values()),
            tables=plan["tables_count"],
            rounds=rounds,
            size=plan["size"],
        ),
        text(
            "seating.sum.wanted",
            lang,
            met=len(met),
            total=len(plan["wanted"]),
            both_met=sum(1 for w in both if w["met"]),
            both=len(both),
        ),
        text("seating.sum.acquainted", lang, n=plan["acquainted"]),
    ]
    if rounds > 1:
        summary.append(text("seating.sum.repeats", lang, n=plan["repeats"]))
    summary.append(text(f"seating.sum.status.{plan['status']}", lang, seconds=plan["seconds"]))
    notes = []
    for e in plan["attendees"]:
        if e["id"] is None and e["candidates"]:
            names = (", " if lang == "en" else "、").join(
                str(G.nodes[c].get("name_en" if lang == "en" else "name") or c) for c in e["candidates"][:4]
            )
            notes.append(text("seating.note.ambiguous", lang, name=e["text"], candidates=names))
        elif e["id"] is None:
            notes.append(text("seating.note.newcomer", lang, name=e["text"]))
        elif e["how"] not in ("exact", ""):
            notes.append(text("seating.note.matched", lang, name=e["text"], actor=full[e["key"]]))
        for d in e["duplicates"]:
            notes.append(text("seating.note.duplicate", lang, name=d, actor=full[e["key"]]))
    unmet = [text("seating.unmet", lang, a=name(w["a"]), b=name(w["b"])) for w in plan["wanted"] if not w["met"]]
    title = text("seating.title", lang)
    district = (G.graph.get("name_en") if lang == "en" else G.graph.get("name")) or ""
    return {
        "lang": lang,
        "title": title,
        "district": district,
        "summary": summary,
        "notes": notes,
        "unmet": unmet,
        "tables": tables,
        "rounds": rounds,
        "words": {
            k: text(f"seating.word.{k}", lang)
            for k in (
                "overview",
                "table",
                "round",
                "name",
                "kind",
                "host",
                "newcomer",
                "intros",
                "no_intros",
                "notes",
                "unmet",
                "both_ways",
                "plan",
                "seats",
            )
        },
    }


def _e(v: object) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def seating_html(view: Mapping[str, Any]) -> str:
    """The sheets as one HTML document, one A4 page each (overview first), every string from data escaped.

    >>> page = seating_html({"lang": "ja", "title": "<席>", "district": "", "summary": [], "notes": [], "unmet": [],
    ...     "tables": [], "rounds": 1, "words": {k: k for k in ("overview", "plan", "notes", "unmet", "table")}})
    >>> "&lt;席&gt;" in page and "<席>" not in page
    True
    """
    w = view["words"]
    multi = view["rounds"] > 1
    parts = [
        f'<section class="sheet"><h1>{_e(view["title"])} — {_e(w["overview"])}</h1>',
        f'<p class="sub">{_e(view["district"])}</p><ul>',
        *(f"<li>{_e(s)}</li>" for s in view["summary"]),
        "</ul>",
    ]
    if view["unmet"]:
        parts += [f"<h2>{_e(w['unmet'])}</h2><ul>", *(f"<li>{_e(u)}</li>" for u in view["unmet"]), "</ul>"]
    if view["notes"]:
        parts += [f"<h2>{_e(w['notes'])}</h2><ul>", *(f"<li>{_e(n)}</li>" for n in view["notes"]), "</ul>"]
    parts.append(f"<h2>{_e(w['plan'])}</h2><table>")
    for t in view["tables"]:
        for rd in t["rounds"]:
            label = f"{w['table']} {t['table']}" + (f" · {w['round']} {rd['round']}" if multi else "")
            names = "、".join(("★" if s["host"] else "") + s["name"] for s in rd["seats"])
            parts.append(f"<tr><th>{_e(label)}</th><td>{_e(names)}</td></tr>")
    parts.append("</table></section>")
    for t in view["tables"]:
        parts.append(
            f'<section class="sheet"><h1>{_e(w["table"])} {t["table"]}</h1>'
            f'<p class="sub">{_e(view["title"])} · {_e(view["district"])}</p>'
        )
        for rd in t["rounds"]:
            if multi:
                parts.append(f"<h2>{_e(w['round'])} {rd['round']}</h2>")
            else:
                parts.append(f"<h2>{_e(w['seats'])}</h2>")
            parts.append(f"<table><tr><th>{_e(w['name'])}</th><th>{_e(w['kind'])}</th><th></th></tr>")
            for s in rd["seats"]:
                mark = w["host"] if s["host"] else ""
                parts.append(
                    f'<tr><td>{_e(s["name"])}</td><td>{_e(s["kind"])}</td><td class="mark">{_e(mark)}</td></tr>'
                )
            parts.append(f"</table><p><b>{_e(w['intros'])}</b></p>")
            if rd["intros"]:
                parts.append("<ul>")
                for i in rd["intros"]:
                    tag = f' <span class="mark">{_e(w["both_ways"])}</span>' if i["both_ways"] else ""
                    parts.append(f'<li>{_e(i["a"])} × {_e(i["b"])}{tag}<span class="why">{_e(i["why"])}</span></li>')
                parts.append("</ul>")
            else:
                parts.append(f'<p class="sub">{_e(w["no_intros"])}</p>')
        parts.append("</section>")
    lang = "en" if view["lang"] == "en" else "ja"
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f"<title>{_e(view['title'])}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "".join(parts)
        + "\n</body>\n</html>\n"
    )


def seating_pdf(view: Mapping[str, Any]) -> bytes:
    """The sheets as an A4 PDF through the report's WeasyPrint path (IPAexGothic embedded, nothing fetched)."""
    from .report import report_pdf

    return report_pdf(seating_html(view))


def seating_xlsx(view: Mapping[str, Any]) -> bytes:
    """The plan as a workbook: an overview sheet (the summary, then one row per seat) and one sheet per table
    (its seats by round, then whom to introduce and why). Every cell from data is text, never a formula."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    from ..casefile.workbook import as_text

    w = view["words"]
    book = openpyxl.Workbook()
    ov = book.active
    ov.title = w["overview"][:31]
    ov.append([view["title"], view["district"]])
    for s in view["summary"]:
        ov.append([s])
    for n in view["notes"]:
        ov.append([n])
    ov.append([])
    ov.append([w["round"], w["table"], w["name"], w["kind"], w["host"], w["newcomer"]])
    for c in ov[ov.max_row]:
        c.font = Font(bold=True)
    for t in view["tables"]:
        for rd in t["rounds"]:
            for s in rd["seats"]:
                ov.append(
                    [
                        rd["round"],
                        t["table"],
                        s["name"],
                        s["kind"],
                        "★" if s["host"] else "",
                        "○" if s["newcomer"] else "",
                    ]
                )
    ov.column_dimensions["A"].width, ov.column_dimensions["C"].width, ov.column_dimensions["D"].width = 10, 36, 20
    for t in view["tables"]:
        sheet = book.create_sheet(f"{w['table']}{t['table']}"[:31])
        sheet.append([w["round"], w["name"], w["kind"], w["host"], w["newcomer"]])
        for c in sheet[1]:
            c.font = Font(bold=True)
        for rd in t["rounds"]:
            for s in rd["seats"]:
                sheet.append(
                    [rd["round"], s["name"], s["kind"], "★" if s["host"] else "", "○" if s["newcomer"] else ""]
                )
        sheet.append([])
        sheet.append([w["round"], w["intros"], "", w["both_ways"], ""])
        for c in sheet[sheet.max_row]:
            c.font = Font(bold=True)
        for rd in t["rounds"]:
            for i in rd["intros"]:
                sheet.append([rd["round"], f"{i['a']} × {i['b']}", i["why"], "○" if i["both_ways"] else ""])
                sheet.cell(sheet.max_row, 3).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions["B"].width, sheet.column_dimensions["C"].width = 34, 70
    for ws in book.worksheets:
        for row in ws.iter_rows():
            as_text(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def write_seating(view: Mapping[str, Any], path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write the sheets to ``path`` in ``fmt`` (else the format its ending names: .pdf, .html, .xlsx), atomically."""
    from .outputs import output_format

    fmt = output_format(path, "seating", fmt)
    if fmt == "pdf":
        data: str | bytes = seating_pdf(view)
    elif fmt == "html":
        data = seating_html(view)
    else:
        data = seating_xlsx(view)
    return write_atomic(path, data)
