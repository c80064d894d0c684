"""The check sheet to fill in at the 振り返り meeting: printable (A4 HTML or PDF) and as an Excel workbook.

One column per participating side; rows are the six principles of the 横浜コード (協働の6原則) and the ten
points of 「よりよい協働のためのチェックシート」 (協働の進め方), each with the handbook's wording. The workbook's
「振り返り」 sheet is the layout :mod:`kyodo_network.sheets` reads back (see :mod:`kyodo_network.sheet_layout`),
and its 「地区」 sheet includes the case, so the filled workbook is given as one more CASE:
``kyodo review nippa 振り返り.xlsx``.

The PDF is drawn with matplotlib (already a dependency) and embeds IPAexGothic from ``matplotlib-fontja``
(:mod:`kyodo_network.render.fonts`), as the printable maps do: no browser and no new dependency is needed.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..instruments import CHECKPOINTS, MOMENTS, PRINCIPLES, SCORE_RANGE, Item
from ..lang import category_label, pick, text
from ..casefile.layout import REVIEW_COMMENT, REVIEW_ITEM_HEADER, REVIEW_LABEL_HEADER, REVIEW_META, REVIEW_SHEET
from ..casefile.layout import DISTRICT_SHEET
from ._write import write_atomic
from .outputs import KINDS

__all__ = [
    "checksheet_model",
    "checksheet_html",
    "checksheet_pdf",
    "checksheet_xlsx",
    "write_checksheet",
    "CHECKSHEET_FORMATS",
]

CHECKSHEET_FORMATS = tuple(KINDS["review-sheet"].formats)


def checksheet_model(G: Any, project: str, *, lang: str = "ja") -> dict[str, Any]:
    """What a blank check sheet shows: title, project, sides (participants), and the items in sections."""
    pr = G.graph["projects"][project]
    sides = [
        {
            "id": p["id"],
            "name": pick(G.nodes[p["id"]], "name", lang),
            "sector": category_label(G, G.nodes[p["id"]], lang),
        }
        for p in pr["participants"]
    ]
    sections = [(text("review.sheet.principles", lang), list(PRINCIPLES))]
    for moment, (ja, en, _) in MOMENTS.items():
        sections.append((ja if lang == "ja" else en, [c for c in CHECKPOINTS if c.moment == moment]))
    return {
        "title": text("review.sheet.title", lang),
        "project": pick(pr, "name", lang),
        "project_id": project,
        "district": G.graph.get("name", ""),
        "sides": sides,
        "sections": sections,
        "lang": lang,
        "scale": text("review.sheet.scale", lang),
        "comment": text("review.sheet.comment", lang),
        "source": text("review.sheet.source", lang),
    }


def _item_text(item: Item, lang: str) -> tuple[str, str]:
    return (item.name, item.text) if lang == "ja" else (item.name_en, item.text_en)


def checksheet_html(model: Mapping[str, Any]) -> str:
    """A self-contained A4 page (print it from the browser), every string from data escaped."""
    e = html.escape
    lang = model["lang"]
    boxes = " ".join(f"□{n}" for n in range(SCORE_RANGE[0], SCORE_RANGE[1] + 1))
    head = "".join(f"<th>{e(s['name'])}<br><small>{e(s['sector'])}</small></th>" for s in model["sides"])
    body = []
    for title, items in model["sections"]:
        body.append(f'<tr class="sec"><th colspan="{1 + len(model["sides"])}">{e(title)}</th></tr>')
        for item in items:
            name, words = _item_text(item, lang)
            cells = "".join(f'<td class="box">{boxes}</td>' for _ in model["sides"])
            body.append(f"<tr><td><b>{e(name)}</b> <small>({e(item.id)})</small><br>{e(words)}</td>{cells}</tr>")
    comments = "".join('<td class="comment"></td>' for _ in model["sides"])
    body.append(f"<tr><td><b>{e(model['comment'])}</b></td>{comments}</tr>")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{e(model["title"])} — {e(model["project"])}</title>
<style>@page {{ size: A4 portrait; margin: 12mm; }}
body {{ font-family: "IPAexGothic", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 9pt; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid #666; padding: 3px 5px; vertical-align: top; }}
tr.sec th {{ background: #ddebf7; text-align: left; }} td.box {{ white-space: nowrap; text-align: center; }}
td.comment {{ height: 18mm; }} h1 {{ font-size: 14pt; margin: 0 0 2mm; }} p {{ margin: 1mm 0; }}</style></head>
<body><h1>{e(model["title"])}</h1>
<p>{e(model["project"])}（{e(model["district"])}）　{e(text("review.sheet.year", lang))}：＿＿＿＿　{e(text("review.sheet.moment", lang))}：□{e(MOMENTS["plan"][0 if lang == "ja" else 1])} □{e(MOMENTS["run"][0 if lang == "ja" else 1])} □{e(MOMENTS["review"][0 if lang == "ja" else 1])}</p>
<p>{e(model["scale"])}</p>
<table><tr><th></th>{head}</tr>
{"".join(body)}
</table><p><small>{e(model["source"])}</small></p></body></html>
"""


def checksheet_pdf(model: Mapping[str, Any]) -> bytes:
    """The same sheet as an A4 PDF drawn with matplotlib, IPAexGothic embedded (TrueType, ``pdf.fonttype`` 42)."""
    import textwrap

    import matplotlib
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure

    from .figure import figure_bytes
    from .fonts import japanese_font

    lang = model["lang"]
    rc = {"font.family": [japanese_font(), "DejaVu Sans"], "text.parse_math": False, "text.usetex": False}
    sides = model["sides"]
    width_mm, height_mm = 210, 297
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4))
        FigureCanvasPdf(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, width_mm)
        ax.set_ylim(height_mm, 0)
        ax.axis("off")
        left, right = 12, width_mm - 12
        side_w = min(28, (right - left - 90) / max(len(sides), 1))
        text_right = right - side_w * len(sides)
        y = 16
        ax.text(left, y, model["title"], fontsize=14, va="bottom")
        y += 6
        ax.text(left, y, f"{model['project']}（{model['district']}）", fontsize=9, va="bottom")
        y += 5
        moments = " ".join(f"□{v[0 if lang == 'ja' else 1]}" for v in MOMENTS.values())
        ax.text(
            left,
            y,
            f"{text('review.sheet.year', lang)}：＿＿＿＿　{text('review.sheet.moment', lang)}：{moments}",
            fontsize=8,
            va="bottom",
        )
        y += 5
        ax.text(left, y, model["scale"], fontsize=7.5, va="bottom")
        y += 3
        row_h = 6.0

        def line(y0: float) -> None:
            ax.plot([left, right], [y0, y0], color="#666666", linewidth=0.5)

        line(y)
        for i, s in enumerate(sides):
            x = text_right + side_w * i + side_w / 2
            ax.text(
                x,
                y + 3,
                textwrap.shorten(s["name"], 14, placeholder="…") if lang == "en" else s["name"][: int(side_w / 2.2)],
                fontsize=6,
                ha="center",
                va="center",
            )
            ax.text(x, y + 6.5, s["sector"], fontsize=5.5, ha="center", va="center", color="#444444")
        y += 9
        line(y)
        char_mm = 6.5 * 25.4 / 72  # a full-width character at 6.5 pt
        per_line = (
            int((text_right - left - 2) / char_mm) if lang == "ja" else int((text_right - left - 2) / (char_mm * 0.5))
        )
        for title, items in model["sections"]:
            ax.add_patch(matplotlib.patches.Rectangle((left, y), right - left, 5, color="#ddebf7", zorder=0))
            ax.text(left + 1, y + 2.5, title, fontsize=8, va="center")
            y += 5
            line(y)
            for item in items:
                name, words = _item_text(item, lang)
                wrapped = (
                    [words[k : k + per_line] for k in range(0, len(words), per_line)]
                    if lang == "ja"
                    else textwrap.wrap(words, per_line)
                )
                h = max(row_h, 4 + 3.2 * len(wrapped))
                ax.text(left + 1, y + 2.2, f"{name}  ({item.id})", fontsize=7.5, va="center")
                for k, part in enumerate(wrapped):
                    ax.text(left + 1, y + 5 + 3.2 * k, part, fontsize=6.5, va="center", color="#222222")
                for i in range(len(sides)):
                    x = text_right + side_w * i + side_w / 2
                    ax.text(x, y + h / 2, "□1 □2 □3 □4", fontsize=6.5, ha="center", va="center")
                y += h
                line(y)
        ax.text(left + 1, y + 3, model["comment"], fontsize=8, va="center")
        y += 22
        line(y)
        top = 16 + 6 + 5 + 5 + 3
        for x in [left, right, text_right] + [text_right + side_w * i for i in range(1, len(sides))]:
            ax.plot([x, x], [top, y], color="#666666", linewidth=0.5)
        ax.text(left, y + 5, model["source"], fontsize=6, va="center", color="#444444")
        return figure_bytes(fig, "pdf", title=f"{model['title']} — {model['project']}")


def checksheet_xlsx(model: Mapping[str, Any], *, include: str, district_name: str) -> bytes:
    """The workbook to fill in: 「地区」 (includes the case) and 「振り返り」 (one column per side), readable back.

    Every cell is a value or text, never a formula: a side named 「=HYPERLINK(…)」 is that text
    (:func:`~kyodo_network.casefile.workbook.as_text`)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..casefile.workbook import as_text

    lang = model["lang"]
    ja = lang == "ja"
    book = openpyxl.Workbook()
    info = book.active
    info.title = DISTRICT_SHEET[0 if ja else 1]
    info.append(["項目" if ja else "Item", "値" if ja else "Value"])
    info.append(["名前" if ja else "Name", district_name])
    info.append(["含める" if ja else "Include", include])
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 14, 50
    sheet = book.create_sheet(REVIEW_SHEET[0 if ja else 1])
    for key, mja, men, _ in REVIEW_META:
        value = {"project": model["project_id"], "year": None, "moment": MOMENTS["review"][0] if ja else "review"}[key]
        sheet.append([mja if ja else men, value])
    header = [
        REVIEW_ITEM_HEADER[0 if ja else 1],
        REVIEW_LABEL_HEADER[0 if ja else 1],
        *(s["name"] for s in model["sides"]),
    ]
    sheet.append(header)
    header_row = sheet.max_row
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[header_row]:
        cell.fill, cell.font = fill, Font(bold=True)
    first = header_row + 1
    for title, items in model["sections"]:
        for item in items:
            name, words = _item_text(item, lang)
            sheet.append([item.id, f"{title}｜{name}：{words}"])
            sheet.cell(sheet.max_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    last = sheet.max_row
    sheet.append([REVIEW_COMMENT[0 if ja else 1]])
    if model["sides"]:
        low, high = SCORE_RANGE
        dv = DataValidation(
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            allow_blank=True,
            error=model["scale"],
            errorTitle=model["title"],
        )
        sheet.add_data_validation(dv)
        end = openpyxl.utils.get_column_letter(2 + len(model["sides"]))
        dv.add(f"C{first}:{end}{last}")
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 20, 70
    for i in range(len(model["sides"])):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(3 + i)].width = 18
    sheet.cell(last + 3, 1, model["scale"])
    for ws in book.worksheets:  # names and words from data are text, never a formula (「=HYPERLINK(…)」)
        for row in ws.iter_rows():
            as_text(row)
    book.active = 1
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def write_checksheet(
    model: Mapping[str, Any], path: str | os.PathLike[str], *, include: str = "", district_name: str = ""
) -> Path:
    """Write the sheet in the format its suffix names (``.pdf``, ``.html``, ``.xlsx``), atomically.

    Raises
    ------
    OutputPathError
        For any other suffix (:func:`~kyodo_network.render.outputs.output_format`).
    """
    from .outputs import output_format

    fmt = output_format(path, "review-sheet")
    if fmt == "pdf":
        data: str | bytes = checksheet_pdf(model)
    elif fmt == "html":
        data = checksheet_html(model)
    else:
        data = checksheet_xlsx(model, include=include, district_name=district_name)
    return write_atomic(path, data)
