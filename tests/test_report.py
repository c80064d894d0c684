"""``kyodo report``: the page's sections and numbers, escaping, --public, the files written, the PDF."""

from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx
import pytest
import yaml
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names, graphs_from_names
from kyodo_network.privacy import redact_graph
from kyodo_network.render.report import handover_items, report_findings, report_html

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "data" / "maps" / "hostile.yaml"
PRIVATE = ["コーディネーターSさん", "Coordinator S", "F係長", "Section chief F"]
SECTIONS = ("map", "bridges", "coordinators", "risks", "suggestions", "indicators", "inferred", "gaps")


@pytest.fixture(scope="module")
def nippa():
    return graph_from_names(["nippa"])


@pytest.fixture(scope="module")
def nippa_page(nippa):
    return report_html(nippa, map_href="nippa-map.html")


def _section(page: str, sid: str) -> str:
    m = re.search(rf'<section id="{sid}">(.*?)</section>', page, re.S)
    assert m, sid
    return m.group(1)


def test_every_section_is_on_the_page(nippa_page):
    for sid in SECTIONS:
        assert f'<section id="{sid}">' in nippa_page
    assert "<svg" in _section(nippa_page, "map") and 'href="nippa-map.html"' in nippa_page
    assert "<script" not in nippa_page and 'http-equiv="Content-Security-Policy"' in nippa_page
    assert "新羽駅周辺まちづくり" in nippa_page and "市民と行政のための協働ハンドブック" in nippa_page


def test_the_map_text_is_drawn_as_paths(nippa_page):
    svg = _section(nippa_page, "map")
    assert "<text" not in svg and "<path" in svg


def test_inferred_and_gaps_match_the_case_file(nippa):
    """Counted from the YAML file itself, not from the graph the report reads."""
    data = yaml.safe_load((ROOT / "datasets" / "nippa.yaml").read_text(encoding="utf-8"))
    f = report_findings(nippa)
    inferred_actors = {a["id"] for a in data["actors"] if a.get("inferred")}
    inferred_relations = [r for r in data.get("relations", []) if r.get("inferred")]
    undated = {a["id"] for a in data["actors"] if a.get("since") is None}
    assert set(f["inferred_actors"]) == inferred_actors
    assert len(f["inferred_relations"]) == len(inferred_relations)
    own = {a["id"] for a in data["actors"]}  # the rest come from the included city directory
    assert set(f["undated"]["actors"]) & own == undated
    assert f["isolated"] == sorted(nx.isolates(nippa))


def test_the_lists_are_the_analyses_first_rows(nippa):
    from kyodo_network.analysis.risk import risks
    from kyodo_network.analysis.suggest import suggest_introductions

    f = report_findings(nippa)
    assert [r["id"] for r in f["risks"]] == [r["id"] for r in risks(nippa)][: len(f["risks"])]
    s = suggest_introductions(nippa, support_centres=nippa.graph["support_centres"])
    assert [(r["a"], r["b"]) for r in f["suggestions"]] == [(r["a"], r["b"]) for r in s][: len(f["suggestions"])]


def test_a_handover_covers_every_partner_whose_relation_is_lost(nippa):
    f = report_findings(nippa)
    r = f["risks"][0]
    code, fields = handover_items(nippa, r, f["coordinators"])[0]
    ends = {x["from"] for x in r["relations_lost"]} | {x["to"] for x in r["relations_lost"]}
    assert code == "handout.handover_ties" and set(fields["partners"]) == ends - {r["id"]}
    page = report_html(nippa, map_svg="<svg></svg>", findings=f)
    assert "引き継ぎで押さえること" in _section(page, "risks")


def test_text_from_the_data_is_escaped():
    G = graph_from_names([str(HOSTILE)])
    page = report_html(G, map_svg="<svg></svg>")
    for raw in ("<script>window.__pwned", "<img src=x", "<b onmouseover", "<svg onload", '<a href="javascript'):
        assert raw not in page
    assert html.escape("</script><script>window.__pwned=2</script>あぶない町") in page


def test_english_page(nippa):
    page = report_html(nippa, lang="en", map_svg="<svg></svg>")
    assert '<html lang="en">' in page and "Key-person risks" in page and "Community planning around Nippa" in page


def test_public_page_holds_no_private_name():
    for G in graphs_from_names(["nippa", "akuwa-north"]):
        P, _ = redact_graph(G)
        for lang in ("ja", "en"):
            page = report_html(P, lang=lang)
            assert not [n for n in PRIVATE if n in page]
    assert "F係長" in report_html(graph_from_names(["akuwa-north"]), map_svg="<svg></svg>")  # the test can fail


def test_cli_writes_pages_maps_and_index(tmp_path):
    res = CliRunner().invoke(cli, ["report", "nippa", "akuwa-north", "--public", "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "akuwa-north-map-public.html",
        "akuwa-north-report-public.html",
        "nippa-map-public.html",
        "nippa-report-public.html",
        "nippa_akuwa-north-index-public.html",
    ]
    for p in (tmp_path / "out").iterdir():
        body = p.read_text(encoding="utf-8")
        assert not [n for n in PRIVATE if n in body], p.name
    index = (tmp_path / "out" / "nippa_akuwa-north-index-public.html").read_text(encoding="utf-8")
    assert '<section id="compare">' in index and "akuwa-north" in index


def test_cli_refuses_a_bad_format_and_leaves_nothing(tmp_path):
    res = CliRunner().invoke(cli, ["report", "nippa", "--format", "docx", "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and not (tmp_path / "out").exists()


def test_cli_bad_case_exits_cleanly(tmp_path):
    bad = ROOT / "tests" / "data" / "mistakes" / "unknown-actor.yaml"
    res = CliRunner().invoke(cli, ["report", str(bad), "-o", str(tmp_path / "out")])
    assert res.exit_code == 1 and "Traceback" not in res.output and not (tmp_path / "out").exists()


def test_pdf_is_a_pdf_with_the_district_name_and_the_font_embedded(tmp_path):
    pytest.importorskip("weasyprint")
    from pypdf import PdfReader

    res = CliRunner().invoke(cli, ["report", "dream-heights", "--format", "pdf", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    pdf = tmp_path / "dream-heights-report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 3  # the map has the text's full width (tests/test_handout_print.py)
    words = "".join(page.extract_text() for page in reader.pages)
    assert "ドリームハイツ" in words
    fonts = {
        str(page["/Resources"]["/Font"][k].get_object()["/BaseFont"])
        for page in reader.pages
        for k in page["/Resources"].get("/Font", {})
    }
    assert any("KyodoJP" in f for f in fonts), fonts  # IPAexGothic, embedded under the page's family name
