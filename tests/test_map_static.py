"""The printable map (PNG, SVG, PDF): Japanese glyphs really rendered, valid files, paper sizes, reproducible."""

from __future__ import annotations

import logging
import re
import struct
import warnings
import xml.etree.ElementTree as ET

import pytest

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.cli import cli
from kyodo_network.render.mapmodel import map_model
from kyodo_network.render.static import PAPERS, japanese_font_path, static_bytes, write_static_map

MISSING = ("missing from font", "missing from current font", "glyph")


@pytest.fixture(scope="module")
def model():
    return map_model(graph_from_cases(load_cases(["dream-heights"])))


def font_complaints(render, caplog) -> list[str]:
    """Every warning or log record about missing glyphs emitted while ``render()`` runs."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render()
    texts = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    return [t for t in texts if any(m in t.lower() for m in MISSING)]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_checker_notices_tofu(caplog):
    """Control: Japanese set in a Latin-only font does produce the complaint the other tests look for."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def render():
        fig = Figure()
        FigureCanvasAgg(fig)
        fig.text(0.5, 0.5, "協働", family="DejaVu Sans")
        fig.canvas.draw()

    assert font_complaints(render, caplog)


@pytest.mark.parametrize("case", ["dream-heights", "nippa"])
def test_png_has_no_missing_glyphs(case, caplog):
    m = map_model(graph_from_cases(load_cases([case])), lang="both")
    out = []
    assert font_complaints(lambda: out.append(static_bytes(m, fmt="png")), caplog) == []
    w, h = png_size(out[0])
    assert (w, h) == (round(PAPERS["a4"][0] * 200), round(PAPERS["a4"][1] * 200))


def test_projects_view_png_has_no_missing_glyphs(caplog):
    m = map_model(graph_from_cases(load_cases(["akuwa-north"]), view="projects"))
    assert font_complaints(lambda: static_bytes(m, fmt="png", dpi=80), caplog) == []


def test_the_bundled_font_is_used(model):
    from matplotlib import font_manager

    path = japanese_font_path()
    assert path.name == "ipaexg.ttf" and path.is_file()
    pdf = static_bytes(model, fmt="pdf")
    assert b"IPAexGothic" in pdf  # the font is embedded, so the PDF prints the same anywhere
    name = font_manager.FontProperties(fname=str(path)).get_name()
    assert font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False) == str(path)


def test_svg_is_valid_and_a4_landscape(model, tmp_path):
    out = write_static_map(model, tmp_path / "m.svg")
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    w, h = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    assert (w, h) == pytest.approx((PAPERS["a4"][0] * 72, PAPERS["a4"][1] * 72), abs=0.1)
    assert w > h


def test_pdf_is_valid_a3(model, tmp_path):
    out = write_static_map(model, tmp_path / "m.pdf", paper="a3")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    box = re.search(rb"/MediaBox\s*\[\s*([\d. ]+?)\s*\]", data).group(1).split()
    assert [float(x) for x in box] == pytest.approx([0, 0, PAPERS["a3"][0] * 72, PAPERS["a3"][1] * 72], abs=0.1)


def test_printable_maps_are_reproducible_and_leave_matplotlib_settings_alone(model):
    import matplotlib

    before = dict(matplotlib.rcParams)
    for fmt in ("png", "svg", "pdf"):
        assert static_bytes(model, fmt=fmt, dpi=60) == static_bytes(model, fmt=fmt, dpi=60)
    assert dict(matplotlib.rcParams) == before


def test_cli_png(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["map", "kodomo-fudo", "--format", "png", "--paper", "a3"])
    assert r.exit_code == 0, r.stderr
    data = (tmp_path / "outputs" / "kodomo-fudo-map-a3.png").read_bytes()
    assert png_size(data) == (round(PAPERS["a3"][0] * 200), round(PAPERS["a3"][1] * 200))
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["kodomo-fudo-map-a3.png", "outputs"]


def _glyphs(svg: str) -> set[str]:
    """Ids of the glyphs an SVG drawn with ``svg.fonttype: path`` defines: ``<font>-<glyph index in hex>``."""
    return set(re.findall(r'<path id="([\w.-]+-[0-9a-f]+)"', svg))


@pytest.mark.parametrize("label", ["費用$\\undefinedcommand$と$x^2$", "a_b^c \\ $5 と $10"])
def test_dollar_backslash_caret_underscore_are_literal(model, label):
    # matplotlib reads text between two $ as mathtext: an unknown command crashed, and $x^2$ lost its $.
    m = dict(model, nodes=[dict(model["nodes"][0], label=label)] + model["nodes"][1:])
    m["meta"] = dict(model["meta"], title=label)
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(japanese_font_path()))
    glyphs = _glyphs(static_bytes(m, fmt="svg").decode("utf-8"))
    for ch in "$\\^_":
        if ch in label:
            assert f"{font.postscript_name}-{font.get_char_index(ord(ch)):x}" in glyphs, ch
    assert static_bytes(m, fmt="pdf")[:5] == b"%PDF-" and static_bytes(m, fmt="png")[:4] == b"\x89PNG"
