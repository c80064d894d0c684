"""One door out (issue 20): every output's default name comes from one rule, no command or option replaces
another's file, ``-o`` with a suffix that does not fit is refused, and a long list of cases gives a short name."""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest

from kyodo_network.cli import cli
from kyodo_network.render.outputs import KINDS, NAME_MAX, OutputPathError, output_format, output_name, resolve_output


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the rule, as a function ------------------------------------------------------------------------------------

OPTIONS = {
    "lang": ["ja", "en"],
    "year": [None, 2010],
    "view": [None, "projects"],
    "public": [False, True],
    "focus": [None, "nippa-council"],
    "depth": [None, 2],
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_option_combination_has_its_own_name(kind):
    names = {}
    for values in itertools.product(*OPTIONS.values()):
        opts = dict(zip(OPTIONS, values))
        if opts["depth"] is not None and opts["focus"] is None:
            continue  # --depth needs --focus
        for fmt in KINDS[kind].formats:
            name = output_name(["nippa"], kind, fmt, **opts)
            assert name not in names, (name, opts, names.get(name))
            names[name] = opts
            assert len(name.encode()) <= NAME_MAX


def test_kinds_never_share_a_name():
    seen: dict[str, str] = {}
    for kind, k in KINDS.items():
        for fmt in k.formats:
            for cases in ([], ["nippa"], ["nippa", "akuwa-north"]):
                name = output_name(cases, kind, fmt)
                assert seen.setdefault(name, kind) == kind, name


def test_examples_of_the_rule():
    assert output_name(["nippa"], "map") == "nippa-map.html"
    assert output_name(["nippa"], "map", lang="en") == "nippa-map-en.html"
    assert output_name(["nippa"], "map", year=2005, depth=2, focus="x") == "nippa-map-2005-depth2-focus-x.html"
    assert output_name(["nippa"], "report") == "nippa-report.html"
    assert output_name([], "report-index") == "index.html" and output_name([], "map-index") == "maps.html"
    assert output_name(["datasets/nippa.yaml", "地区/my.xlsx"], "export", "kumu") == "nippa_my-network.kumu.json"


def test_the_name_of_a_network_reads_its_stamps():
    from kyodo_network.graph import graph_from_names
    from kyodo_network.privacy import redact_graph

    G = redact_graph(graph_from_names(["nippa", "akuwa-north"], year=2010, view="projects"))[0]
    assert output_name(G, "map", "png") == "nippa_akuwa-north-map-projects-2010-public.png"


def test_a_long_list_of_cases_gives_a_short_stable_name():
    city = [f"city/d{i:03d}.yaml" for i in range(1, 254)]
    name = output_name(city, "map")
    assert name.startswith("d001-and-252-more-") and name.endswith("-map.html")
    assert len(name.encode()) <= NAME_MAX
    assert output_name(city, "map") == name  # stable
    assert output_name(city[:-1], "map") != name  # another list, another name
    long = ["地区" * 40, "x" * 200]  # long names, focus and sectors: cut, and a hash of the whole keeps them apart
    a = output_name(long, "map", focus="f" * 300, sectors=["s" * 80])
    b = output_name(long, "map", focus="f" * 299, sectors=["s" * 80])
    assert len(a.encode()) <= NAME_MAX and len(b.encode()) <= NAME_MAX and a != b and a.endswith(".html")
    a.encode("utf-8")  # never cut inside a character


def test_resolve_output():
    assert resolve_output(None, "map", "html", "n-map.html") == Path("outputs/n-map.html")
    assert resolve_output("out/", "map", "png", lambda fmt: f"n-map.{fmt}") == Path("out/n-map.png")
    assert resolve_output("out", "report", "pdf", "n-report.pdf") == Path("out/n-report.pdf")  # no suffix: folder
    assert resolve_output("x.HTM", "map", None, "n") == Path("x.HTM")
    assert output_format("k.json", "export", "kumu") == "kumu" and output_format("k.kumu.json", "export") == "kumu"
    for output, kind, fmt in [
        ("x.jpg", "map", None),
        ("x.png", "map", "svg"),
        ("r.pdf", "report", "html"),
        ("c.txt", "chart", None),
        ("c.txt", "review-chart", None),
        ("e.txt", "export", None),
        ("out/", "export", None),
        ("h.pdf", "handover", None),
        ("v1.2", "map", None),
    ]:
        with pytest.raises(OutputPathError):
            resolve_output(output, kind, fmt, "never")


# --- every command into one folder: nothing replaced ------------------------------------------------------------

RUNS = [
    ["map", "nippa"],
    ["map", "nippa", "--lang", "en"],
    ["map", "nippa", "--lang", "both"],
    ["map", "nippa", "--year", "2010"],
    ["map", "nippa", "--view", "projects"],
    ["map", "nippa", "--public"],
    ["map", "nippa", "--sector", "npo"],
    ["map", "nippa", "--focus", "nippa-council"],
    ["map", "nippa", "--focus", "nippa-council", "--depth", "2"],
    ["map", "nippa", "--focus", "nippa-council", "--public"],
    ["map", "nippa", "--focus", "coordinator-s", "--public"],
    ["map", "nippa", "--format", "png"],
    ["map", "nippa", "--format", "png", "--paper", "a3"],
    ["map", "nippa", "akuwa-north"],
    ["report", "nippa"],
    ["report", "nippa", "--lang", "en"],
    ["report", "nippa", "--year", "2010"],
    ["report", "nippa", "--public"],
    ["report", "nippa", "akuwa-north"],
    ["report", "nippa", "akuwa-north", "--lang", "en"],
    ["map"],
    ["map", "--lang", "en"],
    ["export", "nippa", "--format", "gexf"],
    ["export", "nippa", "--format", "gexf", "--lang", "en"],
    ["export", "nippa", "--format", "gexf", "--year", "2010"],
    ["export", "nippa", "--format", "gexf", "--public"],
    ["export", "nippa", "--format", "json"],
    ["export", "nippa", "--format", "kumu"],
    ["export", "nippa", "--format", "csv"],
    ["compare", "nippa", "akuwa-north", "--chart", "outputs/"],
    ["compare", "nippa", "akuwa-north", "--chart", "outputs/", "--lang", "en"],
    ["compare", "nippa", "akuwa-north", "--chart", "outputs/", "--public"],
    ["compare", "nippa", "akuwa-north", "--chart", "outputs/", "--year", "2010"],
    ["review", "nippa", "--chart", "outputs/"],
    ["review", "nippa", "--chart", "outputs/", "--lang", "en"],
    ["review", "nippa", "--chart", "outputs/", "--project", "nippa-machibushin"],
    ["handover", "akuwa-north", "--person", "F係長", "--format", "html"],
    ["handover", "akuwa-north", "--person", "F係長", "--format", "html", "--public"],
    ["handover", "akuwa-north", "--person", "F係長", "--format", "html", "--lang", "en"],
]


def test_no_command_or_option_replaces_another_ones_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before: dict[str, bytes] = {}
    for args in RUNS:
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
        after = _snapshot(tmp_path)
        # every earlier file is still there with the same bytes (a report writes its district's map under the
        # name `kyodo map` gives it: the same map, so the same bytes), and each run made at least one new file
        changed = [name for name, data in before.items() if after.get(name) != data]
        assert not changed, (args, changed)
        assert set(after) - set(before), (args, "wrote nothing new")
        before = after
    names = set(before)
    assert {
        "outputs/nippa-map.html",
        "outputs/nippa-report.html",
        "outputs/nippa-map-en.html",
        "outputs/nippa_akuwa-north-index.html",
        "outputs/maps.html",
        "outputs/maps-en.html",
        "outputs/nippa-network.gexf",
        "outputs/nippa-network-nodes.csv",
    } <= names
    # a private person's id never names a public file: the focus and the person go by their public ids
    assert not any("coordinator-s" in n for n in names)
    assert {
        "outputs/nippa-map-focus-private-1-public.html",
        "outputs/akuwa-north-handover-private-1-public.html",
        "outputs/akuwa-north-handover-seya-section-chief-f.html",
    } <= names


def test_the_report_and_the_map_share_one_map_per_district(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["map", "nippa", "--public", "--lang", "en"], ["report", "nippa", "--public", "--lang", "en"]):
        assert runner.invoke(cli, args).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "outputs").iterdir()) == [
        "nippa-map-public-en.html",
        "nippa-report-public-en.html",
    ]


# --- -o that does not fit: refused, nothing written -------------------------------------------------------------

REFUSED = [
    ["map", "nippa", "-o", "x.jpg"],
    ["map", "nippa", "-o", "x.png", "--format", "svg"],
    ["map", "-o", "maps.html"],
    ["report", "nippa", "-o", "report.txt"],
    ["report", "nippa", "-o", "report.pdf", "--format", "html"],
    ["report", "nippa", "akuwa-north", "-o", "both.html"],
    ["export", "nippa", "-o", "e.txt"],
    ["export", "nippa", "--format", "gexf", "-o", "e.graphml"],
    ["export", "nippa", "-o", "out/"],
    ["compare", "nippa", "akuwa-north", "--chart", "c.txt"],
    ["review", "nippa", "--chart", "c.txt"],
    ["review", "nippa", "--sheet", "--project", "nippa-machibushin", "-o", "s.docx"],
    ["handover", "akuwa-north", "--person", "F係長", "--format", "html", "-o", "h.pdf"],
]


@pytest.mark.parametrize("args", REFUSED, ids=[" ".join(a) for a in REFUSED])
def test_an_output_name_that_does_not_fit_is_a_usage_error(runner, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_the_refusal_speaks_japanese_first_and_english_on_request(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ja = runner.invoke(cli, ["map", "nippa", "-o", "x.jpg"]).stderr
    en = runner.invoke(cli, ["map", "nippa", "-o", "x.jpg", "--lang", "en"]).stderr
    assert "x.jpg の拡張子では地図の形式がわかりません" in ja and ".png" in ja
    assert "cannot tell the map's format from x.jpg" in en


def test_report_to_a_pdf_file_is_a_pdf(runner, tmp_path, monkeypatch):
    pytest.importorskip("weasyprint")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["report", "dream-heights", "-o", "report.pdf"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dream-heights-map.html", "report.pdf"]


def test_an_output_without_a_suffix_is_a_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["map", "nippa", "-o", "handout"]).exit_code == 0
    assert (tmp_path / "handout" / "nippa-map.html").is_file()


# --- a city of many files ---------------------------------------------------------------------------------------


def test_a_map_of_253_files_into_a_folder_has_a_short_name(runner, tmp_path):
    files = []
    for i in range(253):
        path = tmp_path / "city" / f"district-{i:03d}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            textwrap.dedent(f"""\
            format: kyodo-case/1
            district: {{id: d{i:03d}, name: 地区{i}, name_en: District {i}, cite: test}}
            actors:
              - {{id: a{i:03d}, name: 団体{i}A, name_en: Group {i}A, sector: npo, cite: test}}
              - {{id: b{i:03d}, name: 団体{i}B, name_en: Group {i}B, sector: school, cite: test}}
            relations:
              - {{from: a{i:03d}, to: b{i:03d}, type: cooperation, cite: test}}
            """),
            encoding="utf-8",
        )
        files.append(str(path))
    result = runner.invoke(cli, ["map", *files, "-o", str(tmp_path / "out") + "/"])
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "out").iterdir()
    assert written.name.startswith("district-000-and-252-more-") and written.name.endswith("-map.html")
    assert len(written.name.encode()) <= NAME_MAX


# --- one place for each rule ------------------------------------------------------------------------------------


def test_one_figure_saver_and_one_default_folder():
    package = Path(__file__).resolve().parent.parent / "kyodo_network"
    sources = {
        p.relative_to(package).as_posix(): p.read_text(encoding="utf-8")
        for p in package.rglob("*.py")
        if "catalogue" not in p.parts
    }
    assert [name for name, s in sources.items() if ".savefig(" in s] == ["render/figure.py"]
    assert [name for name, s in sources.items() if '"outputs"' in s] == ["render/outputs.py"]
    assert not [name for name, s in sources.items() if "-map.html" in s and not name.startswith("render/")]
