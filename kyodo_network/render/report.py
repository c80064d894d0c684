"""The report: one self-contained, offline page per district for tonight's meeting, printed or projected.

:func:`report_findings` gathers, in plain data, what a page shows (bridges, coordinators, key-person risks,
introductions, indicators, inferred data, gaps); :func:`report_html` turns one district's graph into its page;
:func:`report_files` makes every file of a run (pages, interactive maps, an index) and :func:`write_reports`
writes them all or nothing. ``fmt="pdf"`` renders the same pages to A4 PDF with WeasyPrint, the Japanese font
(IPAexGothic, :func:`~kyodo_network.render.fonts.japanese_font_path`) embedded.

The page makes no request: no script, no external style or font, a Content-Security-Policy that forbids them;
the map is an inline SVG whose text is drawn as paths (no font needed to print it). Every string from the data
is escaped. ``--public`` is decided where the graphs are built
(:func:`~kyodo_network.graph.graph_from_names` with ``public=True``); a page reads ``G.graph["public"]`` and
never redacts.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx

from ..errors import KyodoError
from ..analysis._records import relation_records
from ..lang import has_text, pick, relation_label, sector_label, short_names, text
from ._report_page import CSS, FONTS
from ._write import check_targets, write_files
from .outputs import KINDS, output_name

__all__ = [
    "report_findings",
    "report_html",
    "index_html",
    "indicator_glosses",
    "report_pdf",
    "report_files",
    "write_reports",
    "REPORT_FORMATS",
]

REPORT_FORMATS = tuple(KINDS["report"].formats)
#: How many bridges, coordinators, risks and introductions a page lists (to stay within three A4 sheets: the
#: map takes the first, at the full width of the text).
TOP = {"bridges": 3, "coordinators": 3, "risks": 3, "suggestions": 3}
#: How many names a list of inferred or undated records shows before "N more".
LIST_MAX = 8
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# --- what a page shows ------------------------------------------------------------------------------------------


def report_findings(G: nx.Graph, *, top: Mapping[str, int] = TOP) -> dict:
    """The findings of one district's actor graph, as plain data (ids, numbers and the analyses' sentences).

    Returns
    -------
    dict
        ``bridges`` (top rows of :func:`~kyodo_network.analysis.bridges.bridging_scores` with a score above 0),
        ``coordinators``, ``risks``, ``suggestions`` (top rows of the analyses of those names),
        ``indicators`` (:func:`~kyodo_network.analysis.compare.district_indicators`), ``summary``
        (:func:`~kyodo_network.analysis.summary.network_summary`), ``inferred_actors``, ``inferred_relations``
        (``(from, to, type)``), ``undated`` (ids of actors, relations as ``(from, to, type)``, project ids with
        no ``since``) and ``isolated`` (ids).

    Examples
    --------
    >>> from kyodo_network.graph import graph_from_names
    >>> f = report_findings(graph_from_names(["dream-heights"]))
    >>> len(f["inferred_actors"]) == f["summary"]["inferred_actors"], len(f["bridges"]) <= TOP["bridges"]
    (True, True)
    """
    from ..analysis.bridges import bridging_scores, coordinators
    from ..analysis.compare import district_indicators
    from ..analysis.risk import risks
    from ..analysis.suggest import suggest_introductions
    from ..analysis.summary import network_summary

    relations = relation_records(G)
    actors = [n for n, d in G.nodes(data=True) if d.get("kind", "actor") == "actor"]
    return {
        "bridges": [r for r in bridging_scores(G, top=top["bridges"]) if r["score"] > 0],
        "coordinators": coordinators(G, top=top["coordinators"]),
        "risks": risks(G, top=top["risks"]),
        "suggestions": suggest_introductions(G, top=top["suggestions"], support_centres=G.graph.get("support_centres")),
        "indicators": district_indicators(G),
        "summary": network_summary(G),
        # a record counts when the author inferred all of it or some of its fields (``inferred: [offers]``); the
        # page names the two apart: an actor the source names is never called inferred for one field's reading
        "inferred_actors": sorted(
            (n for n in actors if G.nodes[n].get("inferred") or G.nodes[n].get("inferred_fields")), key=str
        ),
        "whole_inferred_actors": sorted((n for n in actors if G.nodes[n].get("inferred")), key=str),
        "partly_inferred_actors": [
            (n, list(G.nodes[n].get("inferred_fields") or ()))
            for n in sorted(actors, key=str)
            if not G.nodes[n].get("inferred") and G.nodes[n].get("inferred_fields")
        ],
        "inferred_relations": sorted(
            (
                (r["from"], r["to"], r["type"])
                for r in relations.values()
                if r.get("inferred") or r.get("inferred_fields")
            ),
            key=str,
        ),
        "undated": {
            "actors": sorted((n for n in actors if G.nodes[n].get("since") is None), key=str),
            "relations": sorted(
                ((r["from"], r["to"], r["type"]) for r in relations.values() if r.get("since") is None), key=str
            ),
            "projects": sorted(p for p, d in G.graph.get("projects", {}).items() if d.get("since") is None),
        },
        "isolated": sorted(nx.isolates(G.to_undirected(as_view=True) if G.is_directed() else G), key=str),
    }


# --- the page ---------------------------------------------------------------------------------------------------


class _Words:
    """Names and lists of one graph in one language, escaped for HTML."""

    def __init__(self, G: nx.Graph, lang: str) -> None:
        self.G, self.lang = G, lang

    def t(self, code: str, **fields: object) -> str:
        """Catalogue words, with every field escaped (the template itself is ours)."""
        return text(code, self.lang, **{k: v if isinstance(v, _Safe) else _e(v) for k, v in fields.items()})

    def name(self, n: object) -> str:
        return _e(pick(self.G.nodes[n], "name", self.lang) if n in self.G else n)

    def project(self, p: str) -> str:
        return _e(pick(self.G.graph.get("projects", {}).get(p, {"name": p}), "name", self.lang))

    def sector(self, s: str | None) -> str:
        return _e(sector_label(self.G, s, self.lang))

    def kind(self, n: object, s: str | None) -> str:
        """What actor ``n`` is: its own category word and its sector (「老人クラブ／自治会町内会」), or the sector."""
        word = self.G.nodes[n].get("category") if n in self.G else None
        broad = sector_label(self.G, s, self.lang)
        if not word or word == broad:
            return _e(broad)
        return self.t("handout.kind", word=word, broad=broad)

    def join(self, items: Sequence[str], limit: int = LIST_MAX) -> "_Safe":
        """Already-escaped items joined by the language's list separator, the rest counted as "N more"."""
        sep = text("cli.list_sep", self.lang)
        shown = list(items[:limit])
        if len(items) > limit:
            shown.append(text("handout.more", self.lang, n=len(items) - limit))
        return _Safe(sep.join(shown))

    def relation(self, rel: tuple) -> str:
        a, b, kind = rel
        return (
            f"{self.name(a)}–{self.name(b)}（{_e(relation_label(self.G, kind, self.lang))}）"
            if self.lang != "en"
            else f"{self.name(a)}–{self.name(b)} ({_e(relation_label(self.G, kind, self.lang))})"
        )


class _Safe(str):
    """A string that is already HTML."""


def _svg_inline(svg: bytes | str) -> str:
    """The ``<svg>`` element of a matplotlib SVG file, without its XML prolog and doctype."""
    s = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    start = s.find("<svg")
    if start < 0:
        raise KyodoError("the map picture is not an SVG")
    return s[start:]


def _header(G: nx.Graph, w: _Words, lang: str) -> str:

    name = pick(G.graph, "name", lang) or text("handout.title", lang)
    lines = []
    year = G.graph.get("year")
    lines.append(w.t("handout.as_of", year=year) if year else text("handout.all_years", lang))
    for s in G.graph.get("sources", []):
        extra = (
            "、".join(x for x in (s.get("publisher"), s.get("date")) if x)
            if lang != "en"
            else ", ".join(x for x in (s.get("publisher"), s.get("date")) if x)
        )
        title = pick(s, "title", lang)
        lines.append(
            f"{_e(text('handout.source', lang))}: {_e(title)}"
            + (f"（{_e(extra)}）" if extra and lang != "en" else f" ({_e(extra)})" if extra else "")
        )
    cites = [d.get("cite") for d in G.graph.get("districts", []) if d.get("cite")]
    if cites:
        lines.append(_e("／".join(cites)))
    if G.graph.get("public"):
        lines.append(_e(text("handout.public", lang)))
    ps = "".join(f"<p>{x}</p>" for x in lines)
    return f"<header><h1>{_e(name)}<br><small>{_e(text('handout.title', lang))}</small></h1>{ps}</header>"


def _bridges(f: Mapping, w: _Words, lang: str) -> str:
    rows = f["bridges"]
    items = [
        f'<li><span class="who">{w.name(r["id"])}</span>（{w.kind(r["id"], r["sector"])}）'
        f'<span class="sub">{_e(r["explanation"][lang])}</span></li>'
        for r in rows
    ]
    body = f"<ol>{''.join(items)}</ol>" if items else f"<p>{_e(text('handout.none', lang))}</p>"
    return f'<section id="bridges"><h2>{w.t("handout.bridges", n=len(rows))}</h2>{body}</section>'


def _coordinators(f: Mapping, w: _Words, lang: str) -> str:
    """The coordinators (persons) and linking bodies, in the words of ``kyodo coordinators``: the heading
    ``coordinator.heading``, each one's pairs as ``coordinator.pairs.<role>`` (「この人」 for a person only), ★ as on
    the map."""
    items = []
    for r in f["coordinators"]:
        pairs = [f"{w.name(p['a'])}–{w.name(p['b'])}" for p in r["pairs"]]
        sub = (
            f'<span class="sub">{w.t("coordinator.pairs." + r["role"], pairs=w.join(pairs, 4))}</span>' if pairs else ""
        )
        star = " ★" if r.get("marked") else ""
        items.append(
            f'<li><span class="who">{w.name(r["id"])}{star}</span>（{w.kind(r["id"], r["sector"])}）'
            f'<span class="sub">{_e(r["explanation"][lang])}</span>{sub}</li>'
        )
    body = f"<ol>{''.join(items)}</ol>" if items else f"<p>{_e(text('handout.none', lang))}</p>"
    if any(r.get("marked") for r in f["coordinators"]):
        body += f'<p class="note">{_e(text("coordinator.mark", lang))}</p>'
    return f'<section id="coordinators"><h2>{_e(text("coordinator.heading", lang))}</h2>{body}</section>'


def handover_items(G: nx.Graph, risk: Mapping, coordinators: Sequence[Mapping] = ()) -> list[tuple[str, dict]]:
    """What a hand-over of the actor of a :func:`~kyodo_network.analysis.risk.risks` row must cover, as
    ``(catalogue code, fields)``: the relations it holds (with whom, how many), each project that would lose its
    link to government, and the pairs only it connects (from its :func:`coordinators` row, if any).

    >>> G = nx.Graph([("a", "b"), ("b", "c")], projects={})
    >>> G.add_edge("a", "b", relations=[{"from": "b", "to": "a", "type": "support"}])
    >>> handover_items(G, {"id": "b", "relations_lost": [{"from": "b", "to": "a", "type": "support"}],
    ...                    "projects_without_government": []})
    [('handout.handover_ties', {'partners': ['a'], 'n': 1})]
    """
    v = risk["id"]
    partners = list(dict.fromkeys(x["to"] if x["from"] == v else x["from"] for x in risk["relations_lost"]))
    out: list[tuple[str, dict]] = []
    if partners:
        out.append(("handout.handover_ties", {"partners": partners, "n": len(risk["relations_lost"])}))
    for p in risk["projects_without_government"]:
        out.append(("handout.handover_project", {"project": p}))
    for c in coordinators:
        if c["id"] == v:
            for pair in [p for p in c["pairs"] if p["only_path"]][:2]:
                out.append(("handout.handover_intro", {"a": pair["a"], "b": pair["b"]}))
    return out


def _risks(f: Mapping, w: _Words, lang: str) -> str:
    sep = text("cli.list_sep", lang)
    items = []
    for r in f["risks"]:
        subs = []
        if r["cut_off"]:
            subs.append(w.t("handout.risk_cut_off", names=w.join([w.name(c) for c in r["cut_off"]], 3)))
        if r["sector_pairs_lost"]:
            pairs = ["/".join(w.sector(s) for s in p) for p in r["sector_pairs_lost"]]
            subs.append(w.t("handout.risk_sectors", pairs=w.join(pairs, 4)))
        if r["projects_without_government"]:
            subs.append(
                w.t("handout.risk_projects", names=w.join([w.project(p) for p in r["projects_without_government"]], 4))
            )
        cover = []
        for code, fields in handover_items(w.G, r, f["coordinators"]):
            if code == "handout.handover_ties":
                cover.append(w.t(code, names=w.join([w.name(p) for p in fields["partners"]], 3), n=fields["n"]))
            elif code == "handout.handover_project":
                cover.append(w.t(code, name=_Safe(w.project(fields["project"]))))
            else:
                cover.append(w.t(code, a=_Safe(w.name(fields["a"])), b=_Safe(w.name(fields["b"]))))
        if cover:
            subs.append("<b>" + w.t("handout.handover", items=_Safe(sep.join(cover))) + "</b>")
        items.append(
            f'<li><span class="who">{w.name(r["id"])}</span>（{w.kind(r["id"], r["sector"])}）'
            + "".join(f'<span class="sub">{s}</span>' for s in subs)
            + "</li>"
        )
    body = f"<ol>{''.join(items)}</ol>" if items else f"<p>{_e(text('handout.no_risks', lang))}</p>"
    return f'<section id="risks"><h2>{_e(text("handout.risks", lang))}</h2>{body}</section>'


def _suggestions(f: Mapping, w: _Words, lang: str) -> str:
    items = []
    for r in f["suggestions"]:
        items.append(
            f'<li><span class="who">{w.name(r["a"])} × {w.name(r["b"])}</span>'
            f'<span class="sub">{_e(r["reasons"][lang])}</span></li>'
        )
    body = f"<ol>{''.join(items)}</ol>" if items else f"<p>{_e(text('handout.none', lang))}</p>"
    return f'<section id="suggestions"><h2>{w.t("handout.suggest", n=len(items))}</h2>{body}</section>'


def _value(v: Any) -> str:
    return "–" if v is None else _e(v)


def _indicator_value(v: Any) -> str:
    """An indicator's value as the tables print it: shares and densities with three decimals."""
    return f"{v:.3f}" if isinstance(v, float) else _value(v)


def _indicator_rows(rows: Sequence[Mapping], w: _Words, lang: str, *, meaning: bool = False) -> list[list[str]]:
    """Table rows ``[label, value per district…]`` of :data:`~kyodo_network.analysis.compare.INDICATORS`, a row
    per sector under 「セクター別アクター数」.

    With ``meaning`` (one district), a last cell holds each indicator's gloss (:func:`indicator_glosses`, without
    the word the first cell already says), and the sectors' counts share one row, a cell across value and meaning
    (「NPO・市民活動 2 · 企業 1 …」), so the table stays short on paper.
    """
    from ..analysis.compare import INDICATORS

    glosses = indicator_glosses(lang) if meaning else {}
    out = []
    for ind in INDICATORS:
        label = _e(pick(ind, "name", lang))
        said = [_e(glosses[ind.id].split(": ", 1)[-1])] if meaning else []
        if ind.id == "actors_by_sector":
            sectors = [
                s
                for s in dict.fromkeys(s for r in rows for s in r["actors_by_sector"])
                if any(r["actors_by_sector"].get(s) for r in rows)
            ]
            if meaning:
                counts = " · ".join(
                    f"{w.sector(s)}&nbsp;{_value(rows[0]['actors_by_sector'].get(s, 0))}" for s in sectors
                )
                out.append([label, f"{counts}<br>{said[0]}"])
                continue
            out.append([label] + [""] * len(rows))
            for s in sectors:
                out.append(["　" + w.sector(s)] + [_value(r["actors_by_sector"].get(s, 0)) for r in rows])
        elif ind.id == "top_bridge":
            out.append([label] + [_e(pick(r, "top_bridge_name", lang) or "–") for r in rows] + said)
        else:
            out.append([label] + [_indicator_value(r.get(ind.id)) for r in rows] + said)
    return out


def indicator_glosses(lang: str) -> dict[str, str]:
    """Each indicator's one line, 「密度: つながりの数を…」, by indicator id
    (:func:`~kyodo_network.analysis.wording.glossary` of the ids of
    :data:`~kyodo_network.analysis.compare.INDICATORS`).

    >>> indicator_glosses("ja")["density"].startswith("密度: ")
    True
    """
    from ..analysis.compare import INDICATORS
    from ..analysis.wording import glossary

    ids = tuple(ind.id for ind in INDICATORS)
    return dict(zip(ids, glossary(ids, lang)))


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], *, cls: str = "", text_last: bool = False) -> str:
    """A table of already-escaped cells; every cell but the first is a number (right-aligned), and with
    ``text_last`` the last is text too (a gloss). A row shorter than ``head`` ends in a cell across the rest."""
    th = "".join(f"<th>{h}</th>" for h in head)

    def kind(i: int, n: int) -> str:
        if i == 0 or (text_last and i == n - 1):
            return ' class="gloss"' if i else ""
        return " class=num"

    def cells(r: Sequence[str]) -> str:  # a short row's last cell spans the rest
        span = len(head) - len(r) + 1
        return "".join(
            f'<td colspan="{span}" class="gloss">{c}</td>'
            if span > 1 and i == len(r) - 1
            else f"<td{kind(i, len(head))}>{c}</td>"
            for i, c in enumerate(r)
        )

    body = "".join(f"<tr>{cells(r)}</tr>" for r in rows)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _indicators(f: Mapping, w: _Words, lang: str) -> str:
    """The district's indicators, each with what it means (its gloss)."""
    rows = _indicator_rows([f["indicators"]], w, lang, meaning=True)
    head = [_e(text(f"handout.{k}", lang)) for k in ("indicator", "value", "meaning")]
    return (
        f'<section id="indicators"><h2>{_e(text("handout.indicators", lang))}</h2>'
        f"{_table(head, rows, cls='wide indicators', text_last=True)}</section>"
    )


def _inferred_and_gaps(f: Mapping, w: _Words, lang: str) -> str:
    s, u = f["summary"], f["undated"]
    inf = [
        f"<p>{w.t('handout.inferred_line', actors=len(f['inferred_actors']), whole=len(f['whole_inferred_actors']), relations=len(f['inferred_relations']))}</p>"
    ]
    if f["whole_inferred_actors"]:
        inf.append(
            f'<p class="note">{w.t("handout.inferred_actors", names=w.join([w.name(n) for n in f["whole_inferred_actors"]]))}</p>'
        )
    if f["partly_inferred_actors"]:
        parts = [
            w.t(
                "handout.inferred_fields_of",
                name=w.name(n),
                fields=w.join([w.t(f"field.word.{k}") if has_text(f"field.word.{k}") else k for k in fields]),
            )
            for n, fields in f["partly_inferred_actors"]
        ]
        inf.append(f'<p class="note">{w.t("handout.partly_inferred_actors", items=w.join(parts, 8))}</p>')
    if f["inferred_relations"]:
        inf.append(
            f'<p class="note">{w.t("handout.inferred_relations", items=w.join([w.relation(r) for r in f["inferred_relations"]], 5))}</p>'
        )
    gaps = [
        f"<p>{w.t('handout.undated', actors=len(u['actors']), relations=len(u['relations']), projects=len(u['projects']))}</p>"
    ]
    if u["actors"]:
        gaps.append(
            f'<p class="note">{w.t("handout.undated_actors", names=w.join([w.name(n) for n in u["actors"]]))}</p>'
        )
    if f["isolated"]:
        gaps.append(f"<p>{w.t('handout.isolated', names=w.join([w.name(n) for n in f['isolated']]))}</p>")
    else:
        gaps.append(f"<p>{_e(text('handout.no_isolated', lang))}</p>")
    del s
    return (
        f'<div class="cols"><section id="inferred"><h2>{_e(text("handout.inferred", lang))}</h2>{"".join(inf)}'
        f'</section><section id="gaps"><h2>{_e(text("handout.gaps", lang))}</h2>{"".join(gaps)}</section></div>'
    )


def _reviews(G: nx.Graph, lang: str) -> str:
    """The projects' reviews, both sides side by side, gaps (認識の違い) first; nothing when no project has one."""
    from ..analysis.review import review_findings
    from ..instruments import ITEMS

    if not any(p.get("reviews") for p in G.graph.get("projects", {}).values()):
        return ""
    found = review_findings(G)
    parts = [
        f'<section id="reviews"><h2>{_e(text("handout.reviews", lang))}</h2>'
        f'<p class="note">{_e(text("handout.reviews.note", lang))}</p>'
    ]

    def name(item_id: str) -> str:
        item = ITEMS[item_id]
        return item.name_en if lang == "en" else item.name

    for p in found["projects"]:
        items = {x["item"]: x for x in p["items"]}
        answered = [x for x in p["items"] if x["scores"]]
        order = p["gaps"] + [x["item"] for x in answered if x["item"] not in p["gaps"]]
        rows = []
        for item_id in order:
            x = items[item_id]
            gap = x.get("gap")
            mark = text("handout.reviews.gap_mark", lang, gap=gap) if item_id in p["gaps"] else ""
            rows.append([_e(name(item_id)), _e(_value(x.get("citizen"))), _e(_value(x.get("government"))), _e(mark)])
        head = [_e(text(f"handout.reviews.{k}", lang)) for k in ("item", "citizen", "government", "gap")]
        pname = (p.get("name_en") if lang == "en" else p.get("name")) or p.get("name") or p["id"]
        parts.append(f"<h3>{_e(pname)}</h3>" + _table(head, rows))
        extra = []
        if p["weakest"]:
            extra.append(
                text(
                    "handout.reviews.weakest",
                    lang,
                    names="、".join(name(i) for i in p["weakest"])
                    if lang == "ja"
                    else ", ".join(name(i) for i in p["weakest"]),
                )
            )
        if p["unanswered"]:
            extra.append(text("handout.reviews.unanswered", lang, n=len(p["unanswered"])))
        if extra:
            parts.append(f'<p class="note">{_e(" ／ ".join(extra))}</p>')
    parts.append("</section>")
    return "".join(parts)


def _hazama(G: nx.Graph, w: _Words, lang: str) -> str:
    """はざま and where to ask first (:func:`~kyodo_network.analysis.departments.departments_findings`): a few
    lines — themes no department handles, departments of one project with no tie, the ward's support centre."""
    from ..analysis.departments import departments_findings

    f = departments_findings(G, support_centres=G.graph.get("support_centres"))
    theme = "theme_en" if lang == "en" else "theme"
    gaps = [_e(t[theme]) for t in f["gaps"] if t["kind"] == "theme"]
    lines = [w.t("report.hazama.gaps", items=w.join(gaps)) if gaps else _e(text("report.hazama.no_gaps", lang))]
    for p in f["pairs"][:2]:
        lines.append(
            w.t(
                "report.hazama.pair",
                a=_Safe(w.name(p["a"])),
                b=_Safe(w.name(p["b"])),
                projects=w.join([w.project(x) for x in p["projects"]]),
            )
        )
    for c in f["ask_first"][:1]:
        tel = text("report.hazama.tel", lang, contact=c["contact"]) if c.get("contact") else ""
        lines.append(w.t("report.hazama.ask", name=pick(c, "name", lang), contact=tel))
    items = "".join(f"<li>{x}</li>" for x in lines)
    return f'<section id="hazama"><h2>{_e(text("report.hazama.title", lang))}</h2><ul>{items}</ul></section>'


def _page(title: str, body: str, lang: str, *, css: str = CSS) -> str:
    return "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "ja"}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
            body,
            "\n</body>\n</html>\n",
        ]
    )


def report_html(
    G: nx.Graph,
    *,
    lang: str = "ja",
    map_svg: bytes | str | None = None,
    map_href: str | None = None,
    findings: Mapping | None = None,
    css: str = CSS,
) -> str:
    """The report page of one district (an actor graph, already redacted for ``--public``).

    Parameters
    ----------
    G
        Actor graph of one district, e.g. from :func:`~kyodo_network.graph.graphs_from_names`.
    lang
        ``"ja"`` or ``"en"``.
    map_svg
        The map's picture as SVG (:func:`~kyodo_network.render.static.handout_bytes`: the width of the printed
        text, labels of at least 7.5 pt, the legend with what each mark means, no source line, which the page
        prints once in its header); drawn from ``G`` when not given.
    map_href
        File name of the interactive map beside the page, linked under the picture (no link when ``None``).
    findings
        :func:`report_findings` of ``G`` when already computed.

    Examples
    --------
    >>> from kyodo_network.graph import graph_from_names
    >>> page = report_html(graph_from_names(["dream-heights"]), map_svg="<svg></svg>")
    >>> all(f'id="{s}"' in page for s in ("bridges", "coordinators", "risks", "suggestions", "gaps"))
    True
    """
    if lang not in ("ja", "en"):
        raise KyodoError(f"unknown language '{lang}'; use ja or en")
    if map_svg is None:
        from .mapmodel import map_model
        from .static import handout_bytes

        map_svg = handout_bytes(map_model(G, lang=lang), fmt="svg")
    f = findings if findings is not None else report_findings(G)
    w = _Words(G, lang)
    link = (
        f'<figcaption><a href="{_e(quote(map_href))}">{w.t("handout.map_link", file=map_href)}</a></figcaption>'
        if map_href
        else ""
    )
    figure = (
        f'<section id="map"><figure><div class="map" role="img" aria-label="{_e(text("handout.map", lang))}">'
        f"{_svg_inline(map_svg)}</div>{link}</figure></section>"
    )
    from .. import __version__

    body = "".join(
        [
            _header(G, w, lang),
            figure,
            '<div class="cols">',
            _bridges(f, w, lang),
            _coordinators(f, w, lang),
            "</div>",
            '<div class="cols">',
            _risks(f, w, lang),
            _suggestions(f, w, lang),
            "</div>",
            _indicators(f, w, lang),
            _reviews(G, lang),
            _hazama(G, w, lang),
            _inferred_and_gaps(f, w, lang),
            f"<footer>{_e(text('handout.made_by', lang, version=__version__))}"
            f'<span class="screen-only"> · {_e(text("handout.print_hint", lang))}</span></footer>',
        ]
    )
    title = f"{pick(G.graph, 'name', lang)} — {text('handout.title', lang)}"
    return _page(title, body, lang, css=css)


def index_html(
    entries: Sequence[Mapping[str, str]],
    rows: Sequence[Mapping],
    *,
    lang: str = "ja",
    css: str = CSS,
    sectors: Mapping[str, Mapping] | None = None,
) -> str:
    """The index of a run: a link to each district's report (and map), and the comparison table of ``rows``
    (:func:`~kyodo_network.analysis.compare.compare_districts`), districts across, each indicator's gloss below.

    Sectors are named by their words (「自治会町内会」), from ``sectors`` (the graphs' ``G.graph["sectors"]``: a
    case's own sectors) and the built-in vocabulary, never by their ids.

    >>> "&lt;b&gt;" in index_html([{"report": "a.html", "map": None, "title": "<b>"}], [])
    True
    """
    from .. import __version__
    from ..model import SECTORS

    w = _Words(nx.Graph(sectors={**SECTORS, **(sectors or {})}), lang)
    items = []
    for e in entries:
        extra = f' · <a href="{_e(quote(e["map"]))}">{_e(text("handout.open_map", lang))}</a>' if e.get("map") else ""
        items.append(f'<li><a href="{_e(quote(e["report"]))}">{_e(e["title"])}</a>{extra}</li>')
    parts = [
        f"<header><h1>{_e(text('handout.index_title', lang))}</h1></header>",
        f'<section id="districts"><h2>{_e(text("handout.districts", lang))}</h2><ul>{"".join(items)}</ul></section>',
    ]
    if len(rows) > 1:
        shorts = short_names(pick(r, "name", lang) or r["district"] for r in rows)
        head = [_e(text("handout.indicator", lang))] + [
            _e(shorts[pick(r, "name", lang) or r["district"]]) for r in rows
        ]
        names = "".join(f"<li>{_e(r['district'])}: {_e(pick(r, 'name', lang))}</li>" for r in rows)
        glosses = "".join(f"<li>{_e(g)}</li>" for g in indicator_glosses(lang).values())
        parts.append(
            f'<section id="compare"><h2>{_e(text("handout.compare", lang))}</h2>'
            f"{_table(head, _indicator_rows(rows, w, lang), cls='compare')}<ul>{names}</ul>"
            f'<h3>{_e(text("gloss.heading", lang))}</h3><ul class="glossary">{glosses}</ul></section>'
        )
    parts.append(f"<footer>{_e(text('handout.made_by', lang, version=__version__))}</footer>")
    return _page(text("handout.index_title", lang), "".join(parts), lang, css=css)


# --- PDF --------------------------------------------------------------------------------------------------------


def report_pdf(page: str) -> bytes:
    """An HTML page of this module as A4 PDF (WeasyPrint), IPAexGothic embedded, nothing fetched but that font.

    Raises
    ------
    KyodoError
        When WeasyPrint or the Pango library it needs is missing (with how to install them).
    """
    return report_document(page).write_pdf() or b""


def report_document(page: str) -> Any:
    """The laid-out pages of :func:`report_pdf` (a WeasyPrint ``Document``: its ``pages`` hold the boxes, so a test
    can see where the map and each heading fell).

    Raises
    ------
    KyodoError
        As :func:`report_pdf`.
    """
    from .fonts import japanese_font_path

    try:
        from weasyprint import HTML
    except ImportError as err:
        raise KyodoError(text("handout.pdf_needs_weasyprint")) from err
    except OSError as err:  # WeasyPrint loads Pango with ctypes/cffi on import
        raise KyodoError(text("handout.pdf_needs_pango", reason=err)) from err
    from weasyprint.urls import URLFetcher

    font = japanese_font_path().as_uri()

    class OnlyFont(URLFetcher):
        """Fetches the font file and ``data:`` URIs (the map picture), nothing else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url != font and not url.startswith("data:"):
                raise ValueError(f"the report fetches nothing but its font, not {url}")
            return super().fetch(url, headers)

    face = f"@font-face{{font-family:KyodoJP;src:url('{font}')}}"
    page = page.replace(f"font-family:{FONTS}", f"font-family:KyodoJP,{FONTS}", 1)
    page = page.replace("<style>", f"<style>{face}", 1)
    page = re.sub(r'<span class="screen-only">.*?</span>', "", page)
    return HTML(string=page, url_fetcher=OnlyFont(allowed_protocols=("file", "data"))).render()


# --- a run ------------------------------------------------------------------------------------------------------


def _report_names(
    names: Sequence[str], *, lang: str, fmt: str, public: bool, year: int | None
) -> list[tuple[str, str]]:
    """``(page, map)`` file names of each district (:func:`~kyodo_network.render.outputs.output_name`): the map
    is named as ``kyodo map`` names it, so a folder holds one map per district."""
    return [
        (
            output_name([n], "report", fmt, lang=lang, year=year, public=public),
            output_name([n], "map", "html", lang=lang, year=year, public=public),
        )
        for n in names
    ]


def report_files(
    graphs: Sequence[nx.Graph],
    folder: str | os.PathLike[str],
    *,
    names: Sequence[str],
    lang: str = "ja",
    fmt: str = "html",
    year: int | None = None,
    index_cases: Sequence[str] | None = None,
    page_file: str | os.PathLike[str] | None = None,
) -> list[tuple[Path, str | bytes]]:
    """Every file of a report run, rendered and not yet written: per district its page (``<case>-report.html``
    or ``.pdf``) and its interactive map (``<case>-map.html``, the name ``kyodo map`` gives it), and with several
    districts an index holding the comparison (``<cases>-index.html``; ``index.html`` when ``index_cases`` is
    empty, i.e. every bundled district). Options add to every name as
    :func:`~kyodo_network.render.outputs.output_name` says (``-2005``, ``-public``, ``-en``).

    ``graphs`` are one per district, ``names`` their case names (for the file names); ``index_cases`` (default
    ``names``) names the index. ``page_file``, with one district, is where its page goes (the map beside it).
    Graphs from :func:`~kyodo_network.graph.graphs_from_names` with ``public=True`` make a public run (names
    with ``-public``); public and other graphs are never mixed in one run.
    """
    from .mapmodel import map_model
    from .maps import map_bytes
    from .static import handout_bytes

    if fmt not in REPORT_FORMATS:
        raise KyodoError(f"unknown report format '{fmt}'; use one of {', '.join(REPORT_FORMATS)}")
    if page_file is not None and len(graphs) != 1:
        raise KyodoError(f"a report of {len(graphs)} districts goes into a folder, not one file")
    folder = Path(page_file).parent if page_file is not None else Path(folder)
    public = _public(graphs)
    files: list[tuple[Path, str | bytes]] = []
    entries, rows = [], []
    for (page_name, map_file), G in zip(_report_names(names, lang=lang, fmt=fmt, public=public, year=year), graphs):
        model = map_model(G, lang=lang)
        findings = report_findings(G)
        page = report_html(G, lang=lang, map_svg=handout_bytes(model, fmt="svg"), map_href=map_file, findings=findings)
        page_path = Path(page_file) if page_file is not None else folder / page_name
        files.append((page_path, report_pdf(page) if fmt == "pdf" else page))
        files.append((folder / map_file, map_bytes(model, fmt="html")))
        entries.append({"report": page_path.name, "map": map_file, "title": pick(G.graph, "name", lang)})
        rows.append(findings["indicators"])
    if len(graphs) > 1:
        sectors = {sid: info for G in graphs for sid, info in G.graph.get("sectors", {}).items()}
        index = index_html(entries, rows, lang=lang, sectors=sectors)
        stem = output_name(
            names if index_cases is None else index_cases, "report-index", fmt, lang=lang, year=year, public=public
        )
        files.append((folder / stem, report_pdf(index) if fmt == "pdf" else index))
    return files


def _public(graphs: Sequence[nx.Graph]) -> bool:
    """Whether a run is public: every graph's ``public`` stamp (a mixed run is refused)."""
    stamps = {bool(G.graph.get("public")) for G in graphs}
    if len(stamps) > 1:
        raise KyodoError("a report run takes public graphs or graphs as loaded, not both")
    return stamps == {True}


def write_reports(
    graphs: Sequence[nx.Graph],
    folder: str | os.PathLike[str],
    *,
    names: Sequence[str],
    lang: str = "ja",
    fmt: str = "html",
    year: int | None = None,
    index_cases: Sequence[str] | None = None,
    page_file: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Render every file of :func:`report_files`, then write them all or nothing
    (:func:`~kyodo_network.render._write.write_files`); returns the paths, each page before its map, the index
    last.

    Targets are checked (never onto an input) before anything is drawn.
    """
    where = Path(page_file).parent if page_file is not None else Path(folder)
    planned = [Path(page_file)] if page_file is not None else []
    for page_name, map_file in _report_names(names, lang=lang, fmt=fmt, public=_public(graphs), year=year):
        planned += ([] if page_file is not None else [where / page_name]) + [where / map_file]
    check_targets(planned)
    return write_files(
        report_files(
            graphs, folder, names=names, lang=lang, fmt=fmt, year=year, index_cases=index_cases, page_file=page_file
        )
    )
