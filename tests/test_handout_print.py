"""The printed handout reads (issue 20, item 5): each bundled district's report, printed on A4 from Chromium
(Ctrl+P: Playwright's print to PDF, Debian's chromium) and written as PDF by ``kyodo report --format pdf``
(WeasyPrint), has

- its map across the full width of the text (A4 less the page's 12 mm side margins), not a part of it;
- no text in the map smaller than 7 pt on paper (actor labels and the legend);
- no page that ends with a section heading: every heading is on the page of the text under it;
- at most three pages (the map takes most of the first).

Chromium is measured twice: the page's layout under print emulation at the width of the printed text (the map's
box, and each drawn text's size from the SVG's own transforms, ``getScreenCTM``), and the PDF it prints (the last
line of each page, read back with pypdf). WeasyPrint is measured on its laid-out boxes
(:func:`~kyodo_network.render.report.report_document`), the same document it writes as PDF.

The checks are shown to fail where they should: the landscape map of ``kyodo map`` printed at the text's width has
labels below 7 pt, and a heading pushed to the foot of a page without the report's stylesheet is caught.

Skipped when /usr/bin/chromium or playwright is missing, except under ``CI=true``, where that is a failure; the
WeasyPrint checks skip without WeasyPrint.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names
from kyodo_network.load import district_cases
from kyodo_network.render._report_page import CSS
from kyodo_network.render.mapmodel import map_model
from kyodo_network.render.report import report_html
from kyodo_network.render.static import static_bytes

from _browser import BROWSER_MARKS, browser_fixture

#: The smallest text on paper, in points.
MIN_PT = 7.0
#: The width of the printed text: A4 less the report's side margins (``@page{margin:11mm 12mm}``), in CSS pixels.
TEXT_MM = 210 - 2 * 12
TEXT_PX = TEXT_MM / 25.4 * 96
#: Matplotlib draws a text as glyph paths of 100 units to the em, scaled by ``font size / 100``.
GLYPH_EM = 100
MAX_PAGES = 3
REPORTS = [(case, variant) for case in district_cases() for variant in ("", "-public-en")]
HEADINGS = ("h2", "h3")


def browser_test(test):
    """The marks of a browser test (:data:`_browser.BROWSER_MARKS`) on this test alone: the other tests of this
    module need no browser."""
    for mark in BROWSER_MARKS:
        test = mark(test)
    return test


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """``kyodo report`` and ``kyodo report --public --lang en`` in a scratch folder: the outputs/ folder."""
    where = tmp_path_factory.mktemp("handout-run")
    cwd = os.getcwd()
    os.chdir(where)
    try:
        for extra in ([], ["--public", "--lang", "en"]):
            res = CliRunner().invoke(cli, ["report", *extra])
            assert res.exit_code == 0, res.output
    finally:
        os.chdir(cwd)
    return where / "outputs"


def _flat(s: str) -> str:
    """Text as compared: NFKC (pypdf gives the Kangxi radical 「⾕」 for 「谷」) without spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _svg_of(page: str) -> str:
    m = re.search(r'<section id="map">.*?(<svg\b.*?</svg>)', page, re.S)
    assert m, "the report has no map picture"
    return m.group(1)


def svg_text_points(svg: str) -> tuple[float, list[float]]:
    """The SVG's own width (its viewBox, points at the size it was drawn) and the size of each text drawn in it, in
    those units: matplotlib writes every text as ``<g id="text_N">`` holding ``scale(s -s)`` glyph groups."""
    view = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg)
    assert view, "the map picture has no viewBox"
    sizes = []
    for block in re.split(r'<g id="text_\d+">', svg)[1:]:
        sizes += [float(s) * GLYPH_EM for s in re.findall(r"scale\(([0-9.]+) -[0-9.]+\)", block)]
    return float(view.group(1)), sizes


def _last_lines(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines = [_flat(line) for line in page.extract_text().splitlines() if line.strip()]
        out.append(lines[-1] if lines else "")
    return out


def _ends_with_heading(last: str, headings: list[str]) -> bool:
    """Whether a page's last line is a heading (or the end of one that wrapped)."""
    return bool(last) and any(h == last or h.endswith(last) for h in headings)


# --- the picture itself ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case, variant", REPORTS)
def test_the_picture_is_drawn_at_print_size_with_readable_text(reports, case, variant):
    """The SVG is as wide as the printed text (so its points are points on paper), and no text in it is smaller."""
    svg = _svg_of((reports / f"{case}-report{variant}.html").read_text(encoding="utf-8"))
    width, sizes = svg_text_points(svg)
    assert width == pytest.approx(TEXT_MM / 25.4 * 72, abs=0.5)
    assert len(sizes) > 10 and min(sizes) >= MIN_PT, min(sizes)


def test_the_landscape_map_would_be_too_small_in_the_report():
    """The check can fail: ``kyodo map``'s A4 landscape picture, printed at the text's width, has labels < 7 pt."""
    G = graph_from_names(["nippa"])
    page = report_html(G, map_svg=static_bytes(map_model(G), fmt="svg"))
    width, sizes = svg_text_points(_svg_of(page))
    assert min(sizes) * (TEXT_MM / 25.4 * 72) / width < MIN_PT


# --- Chromium: Ctrl+P on A4 ------------------------------------------------------------------------------------

MEASURE = """() => {
  const svg = document.querySelector('section#map svg');
  const box = svg.getBoundingClientRect();
  const body = getComputedStyle(document.body);
  const text = document.body.clientWidth - parseFloat(body.paddingLeft) - parseFloat(body.paddingRight);
  const px = [...svg.querySelectorAll('g[id^="text_"] g[transform*="scale("]')].map(g => g.getScreenCTM().a * %d);
  const heads = [...document.querySelectorAll('%s')].map(h => h.innerText);
  return {map: box.width, text: text, px: px, heads: heads};
}""" % (GLYPH_EM, ",".join(HEADINGS))


browser = browser_fixture(1200, 900)


@pytest.mark.parametrize("case, variant", REPORTS)
@browser_test
def test_chromium_prints_the_map_full_width_and_no_heading_alone(browser, reports, case, variant):
    page = browser.new_page()
    try:
        page.goto((reports / f"{case}-report{variant}.html").resolve().as_uri(), wait_until="load")
        pdf = page.pdf(format="A4")
        page.emulate_media(media="print")
        page.set_viewport_size({"width": round(TEXT_PX), "height": 1100})
        m = page.evaluate(MEASURE)
    finally:
        page.close()
    assert m["text"] == pytest.approx(TEXT_PX, abs=1.5)  # laid out as on paper: the width of A4's text
    assert m["map"] >= m["text"] - 0.5, (m["map"], m["text"])
    smallest = min(m["px"]) * 0.75  # CSS px to pt
    assert len(m["px"]) > 10 and smallest >= MIN_PT, smallest
    ends = _last_lines(pdf)
    assert 1 <= len(ends) <= MAX_PAGES, len(ends)
    heads = [_flat(h) for h in m["heads"]]
    assert not [e for e in ends if _ends_with_heading(e, heads)], ends


@browser_test
def test_a_heading_at_the_foot_of_a_page_is_caught_and_the_stylesheet_moves_it(browser):
    """The check can fail: a heading pushed to a page's foot (its text does not fit below) ends page 1 without the
    report's stylesheet; with it, the heading goes over with its text."""
    body = '<div style="height:240mm"></div><h2>見出しの例</h2><div style="height:100mm;break-inside:avoid">本文</div>'
    ends = {}
    for name, css in (("bare", "@page{size:A4;margin:11mm 12mm}body{margin:0}"), ("report", CSS)):
        page = browser.new_page()
        try:
            page.set_content(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>')
            ends[name] = _last_lines(page.pdf(format="A4"))
        finally:
            page.close()
    assert _ends_with_heading(ends["bare"][0], [_flat("見出しの例")])
    assert not [e for e in ends["report"] if _ends_with_heading(e, [_flat("見出しの例")])], ends["report"]


# --- WeasyPrint: kyodo report --format pdf ------------------------------------------------------------------------


def _text_boxes(box, heading: bool = False):
    """Every text box under ``box`` in document order, with whether it is inside a heading."""
    heading = heading or box.element_tag in HEADINGS
    if type(box).__name__ == "TextBox":
        yield box, heading
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child, heading)


def _weasy_checks(document, svg: str) -> dict:
    from weasyprint.formatting_structure.boxes import ReplacedBox

    pictures = [
        (b, p._page_box.children[0].width)
        for p in document.pages
        for b in p._page_box.descendants()
        if isinstance(b, ReplacedBox) and str(b.element_tag).endswith("svg")
    ]
    assert len(pictures) == 1, "one map picture, not split"
    box, text_width = pictures[0]
    view_width, sizes = svg_text_points(svg)
    last = []
    for p in document.pages:
        texts = list(_text_boxes(p._page_box))
        last.append(texts[-1] if texts else (None, False))
    return {
        "map": box.width,
        "text": text_width,
        "pt": min(sizes) * box.width * 0.75 / view_width,
        "pages": len(document.pages),
        "heading_last": [b.text for b, h in last if h],
    }


@pytest.mark.parametrize("case, variant", REPORTS)
def test_the_pdf_has_the_map_full_width_and_no_heading_alone(reports, case, variant):
    pytest.importorskip("weasyprint")
    from kyodo_network.render.report import report_document

    page = (reports / f"{case}-report{variant}.html").read_text(encoding="utf-8")
    m = _weasy_checks(report_document(page), _svg_of(page))
    assert m["text"] == pytest.approx(TEXT_PX, abs=1.5)
    assert m["map"] >= m["text"] - 0.5, (m["map"], m["text"])
    assert m["pt"] >= MIN_PT, m["pt"]
    assert 1 <= m["pages"] <= MAX_PAGES and not m["heading_last"], m


def test_the_pdf_check_catches_a_heading_alone():
    """The check can fail: WeasyPrint's own default keeps a heading with what follows, so it is undone here."""
    pytest.importorskip("weasyprint")
    from weasyprint import HTML

    body = '<div style="height:240mm"></div><h2>見出しの例</h2><div style="height:100mm;break-inside:avoid">本文</div>'
    css = "@page{size:A4;margin:11mm 12mm}body{margin:0}h2{break-after:auto}"
    doc = HTML(
        string=f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>'
    ).render()
    last = [list(_text_boxes(p._page_box))[-1] for p in doc.pages if list(_text_boxes(p._page_box))]
    assert last and last[0][1] and last[0][0].text == "見出しの例"
