"""An Excel workbook in ``kyodo template``'s layout that reads back to the same network, plus a 分析 sheet.

The graph is turned back into a case tree (district, source, actors, relations, projects) and written by
:func:`~kyodo_network.render.workbook.write_workbook`, so the layout is the template's own; the analysis columns
go on a sheet of their own (「分析」 / "Analysis"), which the reader does not read. Actors of included files
(city-wide bodies) become rows of this workbook, so it stands alone.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from ...lang import text
from ...model import SECTORS, Sector
from ._table import ANALYSIS_FIELDS, header, node_rows

__all__ = ["case_tree", "workbook_bytes"]

_VISIBILITY = {"ja": {"public": "公開", "internal": "内部", "private": "非公開"}}
_ACTOR_KEYS = (
    "id",
    "name",
    "name_en",
    "role",
    "themes",
    "offers",
    "needs",
    "contact",
    "since",
    "until",
    "cite",
    "note",
)
_RELATION_KEYS = ("since", "until", "cite", "note")
_PROJECT_KEYS = ("id", "name", "name_en", "since", "until", "themes", "cite", "note")


def _kept(d: dict, keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: d[k] for k in keys if d.get(k) not in (None, "", [], ())}


def case_tree(G: nx.Graph, *, lang: str = "ja") -> dict[str, Any]:
    """The case (as the YAML tree ``kyodo import`` writes) whose network is ``G``: every actor, relation and
    project in ``G``. Sectors, relation types and visibility are written as the template's drop-down words of
    ``lang`` (自治会町内会, 協力, 非公開 in Japanese; the ids ``neighbourhood``, ``cooperation`` in English), which the
    reader takes back, except that an actor's own category word (老人クラブ) and a relation's own label (寄付) are
    written instead when the reader places them back under the same sector or type, so the workbook reads back
    to the same words (:func:`~kyodo_network.render.workbook.sector_cell`). A case's own sector is written by its
    name when that reads back to it.

    >>> from kyodo_network.graph import graph_from_names
    >>> tree = case_tree(graph_from_names(["dream-heights"]), lang="en")
    >>> tree["district"]["id"], len(tree["actors"]), tree["actors"][0]["sector"] in SECTORS
    ('dream-heights', 11, True)
    >>> sorted({a["sector"] for a in case_tree(graph_from_names(["dream-heights"]))["actors"]})[:2]
    ['NPO・市民活動', '協議会']
    """
    districts = G.graph.get("districts") or [{}]
    if len(districts) == 1:
        district = _kept(districts[0], ("id", "name", "name_en", "ward", "ward_en", "city", "summary", "cite"))
    else:
        district = {k: G.graph[k] for k in ("name", "name_en") if G.graph.get(k)}
        for k in ("ward", "ward_en", "city"):
            if len({d.get(k) for d in districts}) == 1 and districts[0].get(k):
                district[k] = districts[0][k]
    district.setdefault("name", G.graph.get("name") or "kyodo")
    tree: dict[str, Any] = {"district": district}
    sources = G.graph.get("sources") or []
    if sources:
        tree["source"] = _kept(sources[0], ("title", "publisher", "date", "url"))
    from ...casefile.workbook import inferred_cells
    from ..workbook import sector_cell, type_cell

    declared = _declared(G)
    names = {}
    for n, d in G.nodes(data=True):
        names.setdefault(d.get("name"), []).append(n)

    def by_name(ident: Any) -> str:  # a holder written by name when the name is unique, as a person would write it
        name = G.nodes[ident].get("name") if ident in G else None
        return str(name) if name and len(names.get(name, [])) == 1 else str(ident)

    actors = []
    for n in sorted(G, key=str):
        d = G.nodes[n]
        row = _kept(d, _ACTOR_KEYS) | {"id": str(n)}
        row["sector"] = _sector_word(sector_cell(d.get("sector"), d.get("category"), lang, declared), lang, declared)
        if d.get("visibility") not in (None, "public") or d.get("sector") == "person":  # a person: always said
            row["visibility"] = _VISIBILITY.get(lang, {}).get(d["visibility"], d["visibility"])
        actors.append(row | inferred_cells(d))
    relations, seen = [], set()
    for u, v, d in sorted(G.edges(data=True), key=lambda e: tuple(sorted((str(e[0]), str(e[1]))))):
        for r in d.get("relations", []):
            key = (r["from"], r["to"], r["type"], r.get("since"), r.get("until"), r.get("origin"))
            if key in seen:
                continue
            seen.add(key)
            relations.append(
                _kept(r, _RELATION_KEYS)
                | {
                    "from": str(r["from"]),
                    "to": str(r["to"]),
                    "weight": r.get("weight"),
                    "type": type_cell(r["type"], r.get("label"), lang),
                }
                | inferred_cells(r)
                | ({"held_by": [by_name(h) for h in r["held_by"]]} if r.get("held_by") else {})
            )
    projects = []
    for pid, p in G.graph.get("projects", {}).items():
        members = [
            f"{x['id']}:{x['role']}" if x.get("role") else str(x["id"])  # 「名前:役割」, as the sheet reads it
            for x in p.get("participants", [])
            if x["id"] in G
        ]
        if members:
            projects.append(_kept(p | {"id": pid}, _PROJECT_KEYS) | {"participants": members} | inferred_cells(p))
    return tree | {"actors": actors, "relations": relations, "projects": projects}


def _sector_word(cell: str, lang: str, declared: list[Sector]) -> str:
    """The セクター cell of a case's own sector in Japanese: its short label or name (the first that reads back to
    it, :func:`~kyodo_network.vocabulary.place_category`), not its id; any other cell as it is."""
    from ...vocabulary import place_category

    own = next((s for s in declared if s.id == cell), None)
    if lang != "ja" or own is None:
        return cell
    for word in (own.short, own.name):
        if word and place_category(word, declared)[0] == own.id:
            return word
    return cell


def _declared(G: nx.Graph) -> list[Sector]:
    """The sectors of ``G`` that are not built in (a file's own), as records, so their names place words too."""
    return [
        Sector(
            sid,
            s.get("name") or sid,
            s.get("name_en") or "",
            s.get("colour") or "#999999",
            s.get("short"),
            s.get("short_en"),
        )
        for sid, s in (G.graph.get("sectors") or {}).items()
        if sid not in SECTORS
    ]


def workbook_bytes(G: nx.Graph, *, lang: str = "ja") -> bytes:
    """The ``.xlsx`` file: the template's sheets filled with :func:`case_tree`, then the analysis sheet.

    Made in memory (no file on disk). Every text from data is a text cell, never a formula, on every sheet
    (:func:`~kyodo_network.casefile.workbook.as_text`): a name 「=HYPERLINK(…)」 stays that name.
    """
    import openpyxl
    from openpyxl.styles import Font

    from ...casefile.workbook import as_text, workbook_bytes as case_workbook_bytes

    book = openpyxl.load_workbook(io.BytesIO(case_workbook_bytes(case_tree(G, lang=lang), lang)))
    sheet = book.create_sheet(text("export.analysis-sheet", lang), index=2)
    rows = node_rows(G, lang=lang)
    columns = ["id", "label", *(c for c in ANALYSIS_FIELDS if any(c in r for r in rows))]
    sheet.append([header(c, lang) for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append([r.get(c) for c in columns])
        as_text(sheet[sheet.max_row])
    sheet.append([])
    sheet.append([text("export.analysis-note", lang)])
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 30
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
