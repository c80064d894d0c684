"""Excel workbooks in the template's layout: ``kyodo template`` (blank) and a case filled in, as bytes.

The writer beside :mod:`.sheets`, which reads the same layout back: columns and headings come from :mod:`.fields`
and sheet names from :mod:`.layout`, so the two can never disagree. Writing the bytes to a file is the render
floor's door (:func:`kyodo_network.render.workbook.write_workbook`). openpyxl is imported inside the functions that
need it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model import RELATION_TYPES, SECTORS, Case
from .layout import DISTRICT_ROWS, DISTRICT_SHEET, HOWTO_SHEET, TABLES, Column, Table, column_letter

__all__ = [
    "template_bytes",
    "workbook_bytes",
    "as_text",
    "sector_choices",
    "type_choices",
    "visibility_choices",
    "sector_cell",
    "type_cell",
    "inferred_cells",
]

#: Rows given a drop-down list in a blank or filled workbook.
VALIDATED_ROWS = 1000
HEADER_FILL = "DDEBF7"
REQUIRED_FILL = "FCE4D6"
VISIBILITY_LABELS = {
    "ja": {"public": "公開", "internal": "内部", "private": "非公開"},
    "en": {"public": "public", "internal": "internal", "private": "private"},
}


def sector_choices(lang: str) -> list[str]:
    """The drop-down words for セクター: the short Japanese labels, or the sector ids in English.

    >>> sector_choices("en")[:3]
    ['neighbourhood', 'npo', 'company']
    """
    return [s.label if lang == "ja" else s.id for s in SECTORS.values()]


def type_choices(lang: str) -> list[str]:
    """The drop-down words for 種類: the Japanese relation-type labels, or the type ids in English."""
    return [t.name if lang == "ja" else t.id for t in RELATION_TYPES.values()]


def sector_cell(sector: str, category: str | None, lang: str, declared: Sequence[Any] = ()) -> str:
    """The セクター cell of an actor: its own category word (老人クラブ) when reading it back places it under the
    same sector (:func:`~kyodo_network.vocabulary.place_category`), so the workbook reads back to the same
    category and sector; else the sector's drop-down word of ``lang`` (a declared sector: its id).

    >>> sector_cell("neighbourhood", "老人クラブ", "ja"), sector_cell("npo", None, "ja"), sector_cell("npo", None, "en")
    ('老人クラブ', 'NPO・市民活動', 'npo')
    >>> sector_cell("support", "老人クラブ", "ja")  # the word would read back as neighbourhood: the sector instead
    '支援機関'
    """
    from ..vocabulary import place_category

    if category and place_category(category, declared)[0] == sector:
        return category
    if lang == "ja" and sector in SECTORS:
        return SECTORS[sector].label
    return sector


def type_cell(type_id: str, label: str | None, lang: str) -> str:
    """The 種類 cell of a relation: its own word (寄付) when it reads back as the same type, else the type's
    drop-down word of ``lang``.

    >>> type_cell("support", "寄付", "ja"), type_cell("cooperation", None, "en"), type_cell("subsidy", "寄付", "ja")
    ('寄付', 'cooperation', '補助・助成')
    """
    from ..vocabulary import place_relation

    if label and place_relation(label)[0] == type_id:
        return label
    if lang == "ja" and type_id in RELATION_TYPES:
        return RELATION_TYPES[type_id].name
    return type_id


def visibility_choices(lang: str) -> list[str]:
    return list(VISIBILITY_LABELS[lang].values())


def template_bytes(lang: str = "ja") -> bytes:
    """A blank workbook to fill in Excel: 地区, アクター, 関係, 協働事業 and 使い方 (English with ``en``).

    Examples
    --------
    >>> import io, openpyxl
    >>> openpyxl.load_workbook(io.BytesIO(template_bytes())).sheetnames
    ['地区', 'アクター', '関係', '協働事業', '使い方']
    """
    return workbook_bytes(None, lang)


def workbook_bytes(data: Case | Mapping[str, Any] | None, lang: str = "ja") -> bytes:
    """The template's layout filled with ``data``: a loaded :class:`Case`, a case tree, or nothing.

    A case is written with its ids (an ID column first) and English names (an 英語名 column) when it has them,
    sectors and relation types as the drop-down words of ``lang``; reading the workbook back gives the same
    network. Columns the template does not show are added only when some record has a value for them.
    """
    import openpyxl

    records = (
        _records(data, lang) if data is not None else {"district": {}, "actors": [], "relations": [], "projects": []}
    )
    book = openpyxl.Workbook()
    book.remove(book.active)
    _district_sheet(book, records["district"], lang)
    for table in TABLES.values():
        _table_sheet(book, table, records[table.key], lang)
    _howto_sheet(book, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- records -----------------------------------------------------------------------------------------------


def _records(data: Case | Mapping[str, Any], lang: str) -> dict[str, Any]:
    if isinstance(data, Case):
        return _case_records(data, lang)
    district = dict(data.get("district") or {})
    flat = {f"district.{k}": v for k, v in district.items()}
    flat |= {f"source.{k}": v for k, v in dict(data.get("source") or {}).items()}
    if data.get("include"):
        flat["include"] = list(data["include"])
    return {
        "district": flat,
        **{k: [_flags(r) for r in data.get(k) or []] for k in ("actors", "relations", "projects")},
    }


def _flags(row: Mapping[str, Any]) -> dict[str, Any]:
    """A case tree's record with its inference written as the 推定 and 推定した項目 cells read back
    (:func:`inferred_cells`)."""
    out = {k: v for k, v in row.items() if k not in ("inferred", "inferred_fields")}
    return out | inferred_cells(row)


def _case_records(case: Case, lang: str) -> dict[str, Any]:
    from ..load import bundled_cases

    bundled = {p.resolve(): cid for cid, p in bundled_cases().items()}
    d = case.district
    district = {
        f"district.{k}": getattr(d, k) for k in ("name", "ward", "city", "id", "name_en", "ward_en", "summary", "cite")
    }
    district |= {f"source.{k}": v for k, v in case.source.items()}
    if case.includes:
        district["include"] = [bundled.get(Path(c.path).resolve(), c.path) for c in case.includes]
    declared = [s for c in case.reachable() for s in c.sectors]
    vis = VISIBILITY_LABELS[lang]

    def fields(rec: Any, keys: Sequence[str]) -> dict[str, Any]:
        return {k: getattr(rec, k) for k in keys if getattr(rec, k, None) not in (None, "", ())}

    held_name = _person_names(case)
    actors = []
    for a in case.actors:
        row = fields(
            a,
            ("id", "name", "name_en", "themes", "offers", "needs", "contact", "since", "until", "cite", "note", "role"),
        )
        row["sector"] = sector_cell(a.sector, a.category, lang, declared)
        if a.visibility != "public" or a.sector == "person":  # a person with no visibility is read as private
            row["visibility"] = vis[a.visibility]
        actors.append(row | inferred_cells(a))
    relations = []
    for r in case.relations:
        row = fields(r, ("since", "until", "cite", "note"))
        row |= {"from": r.source, "to": r.target, "weight": r.weight, "type": type_cell(r.type, r.label, lang)}
        if r.held_by:  # 担当: the persons by name (by id when two actors share the name)
            row["held_by"] = [held_name.get(h, h) for h in r.held_by]
        relations.append(row | inferred_cells(r))
    projects = []
    for p in case.projects:
        row = fields(p, ("id", "name", "name_en", "since", "until", "themes", "cite", "note"))
        row["participants"] = [f"{part.id}:{part.role}" if part.role else part.id for part in p.participants]
        projects.append(row | inferred_cells(p))
    return {"district": district, "actors": actors, "relations": relations, "projects": projects}


def inferred_cells(record: Any) -> dict[str, Any]:
    """The 推定 and 推定した項目 cells of a record (a model record or a mapping with ``inferred`` and
    ``inferred_fields``): TRUE when the whole record is the author's reading, else the fields that are; nothing
    when neither (so a workbook of stated records gains no column).

    >>> inferred_cells({"inferred": True}), inferred_cells({"inferred": False, "inferred_fields": ["offers"]})
    ({'inferred': True}, {'inferred_fields': ['offers']})
    >>> inferred_cells({"inferred": ["needs"]})  # a case tree's ``inferred: [needs]``
    {'inferred_fields': ['needs']}
    """
    get = record.get if isinstance(record, Mapping) else lambda k, d=None: getattr(record, k, d)
    whole, named = get("inferred", False), list(get("inferred_fields", None) or ())
    if isinstance(whole, (list, tuple)):  # the YAML's own form: inferred: [offers, needs]
        whole, named = False, [*whole, *named]
    out: dict[str, Any] = {}
    if whole is True:
        out["inferred"] = True
    if named:
        out["inferred_fields"] = list(dict.fromkeys(named))
    return out


def _person_names(case: Case) -> dict[str, str]:
    """Actor id → the name a 担当 cell writes: its name, or its id when another actor has the same name."""
    actors = {a.id: a for c in case.reachable() for a in c.actors}
    count: dict[str, int] = {}
    for a in actors.values():
        count[a.name] = count.get(a.name, 0) + 1
    return {i: a.name if count[a.name] == 1 and a.name not in actors else i for i, a in actors.items()}


# --- sheets ------------------------------------------------------------------------------------------------


def _style_header(sheet: Any, cells: Sequence[Any], required: Sequence[bool]) -> None:
    from openpyxl.styles import Font, PatternFill

    for cell, req in zip(cells, required):
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=REQUIRED_FILL if req else HEADER_FILL)
    sheet.freeze_panes = "A2"


def as_text(cells: Any) -> None:
    """Keep every text from data as text: openpyxl makes a cell whose text begins with ``=`` a live formula
    (``=HYPERLINK(…)`` in a group's name would run in Excel); such a cell is written as the text it is, and reads
    back the same (OWASP: CSV and spreadsheet injection).

    >>> import openpyxl; ws = openpyxl.Workbook().active; ws.append(["=1+1", "+81", "ok"]); as_text(ws[1])
    >>> [c.data_type for c in ws[1]]
    ['s', 's', 's']
    """
    for cell in cells:
        if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value[:1] in "=+-@"):
            cell.data_type = "s"


def _cell_value(value: Any) -> Any:
    """A list as one cell (「、」 between items); anything else as it is (TRUE stays a TRUE cell)."""
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return value


def _district_sheet(book: Any, values: Mapping[str, Any], lang: str) -> None:
    sheet = book.create_sheet(DISTRICT_SHEET[lang == "en"])
    sheet.append(["項目", "値"] if lang == "ja" else ["Item", "Value"])
    _style_header(sheet, sheet[1], [False, False])
    for place, ja, en, _, shown in DISTRICT_ROWS:
        if shown or values.get(place) not in (None, "", []):
            sheet.append([ja if lang == "ja" else en, _cell_value(values.get(place))])
            as_text(sheet[sheet.max_row])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 50


def _columns(table: Table, rows: Sequence[Mapping[str, Any]]) -> list[Column]:
    used = {k for r in rows for k, v in r.items() if v not in (None, "", [], ())}
    cols = [c for c in table.columns if c.template or c.key in used]
    ids = [c for c in cols if c.key == "id"]
    return ids + [c for c in cols if c.key != "id"]


def _table_sheet(book: Any, table: Table, rows: Sequence[Mapping[str, Any]], lang: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(table.ja if lang == "ja" else table.en)
    cols = _columns(table, rows)
    sheet.append([c.ja if lang == "ja" else c.en for c in cols])
    _style_header(sheet, sheet[1], [c.required for c in cols])
    for row in rows:
        sheet.append([_cell_value(row.get(c.key)) for c in cols])
        as_text(sheet[sheet.max_row])
    choices = {"sector": sector_choices(lang), "type": type_choices(lang), "visibility": visibility_choices(lang)}
    last = max(VALIDATED_ROWS, len(rows) + 1)
    for i, col in enumerate(cols, 1):
        letter = column_letter(i)
        sheet.column_dimensions[letter].width = max(10, min(30, 2 * len(col.ja) + 6))
        if col.key in choices and table.key != "projects":
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(choices[col.key]) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
            )
            dv.errorTitle = "一覧にない言葉 / Not in the list" if lang == "ja" else "Not in the list"
            dv.error = (
                "一覧から選ぶか、kyodo が読める言葉（社協、補助 など）を書いてください。"
                if lang == "ja"
                else "Pick a word from the list, or one kyodo reads (see datasets/README.md)."
            )
            sheet.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{last}")


def _howto_sheet(book: Any, lang: str) -> None:
    from openpyxl.styles import Font

    ja = lang == "ja"
    sheet = book.create_sheet(HOWTO_SHEET[not ja])
    intro = [
        ("使い方" if ja else "How to use"),
        (
            "1. 地区シートに地区の名前などを、アクター・関係・協働事業のシートに1行ずつ書きます。"
            if ja
            else "1. Write the district on the District sheet, then one row per actor, relation and project."
        ),
        (
            "2. 色の濃い見出しの列は必須、ほかは空欄でかまいません。関係と参加者は名前で書きます。"
            if ja
            else "2. Columns with a darker header are required; others may stay empty. Relations name actors."
        ),
        (
            "3. 1つのセルに複数書くときは「、」「,」または | で区切ります（例：子育て、見守り）。"
            if ja
            else "3. Several items in one cell are separated by 「、」, ',' or | (e.g. child-rearing, watching over)."
        ),
        (
            "4. 保存したら： kyodo validate my-district.xlsx で確認、kyodo map my-district.xlsx で地図。"
            if ja
            else "4. Then: kyodo validate my-district.xlsx to check, kyodo map my-district.xlsx for the map."
        ),
        (
            "5. 最初の列に ID 列を足すと、名前のかわりに ID で関係を書けます。英語名・役割の列も足せます。"
            if ja
            else "5. You may add an ID column first and refer to actors by id; Name (English) and Role columns too."
        ),
    ]
    for line in intro:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    for table in TABLES.values():
        sheet.append([])
        sheet.append([f"シート「{table.ja}」" if ja else f"Sheet “{table.en}”"])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        cols = [c for c in table.columns if c.template]
        sheet.append([c.ja if ja else c.en for c in cols])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        sheet.append([(c.example_ja if ja else c.example_en) or None for c in cols])
        sheet.append([("例の行（この行は読まれません）" if ja else "an example row (this sheet is not read)")])
        sheet.append(["列" if ja else "Column", "必須" if ja else "Required", "説明" if ja else "What to write"])
        for c in table.columns:
            sheet.append(
                [
                    c.ja if ja else c.en,
                    ("必須" if ja else "required") if c.required else "",
                    c.help_ja if ja else c.help_en,
                ]
            )
    sheet.append([])
    sheet.append(["シート「地区」の項目" if ja else "Items of the District sheet"])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    for _, row_ja, row_en, _, _ in DISTRICT_ROWS:
        sheet.append([row_ja if ja else row_en])
    for letter, width in zip("ABCDEFGHIJK", (22, 16, 60, 14, 14, 12, 12, 12, 12, 12, 12)):
        sheet.column_dimensions[letter].width = width
