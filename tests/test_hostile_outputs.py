"""Outputs made from hostile data (issue 19, parts 2–5): every case file here is written by the test itself.

- a file name made from data never leaves its folder (an actor id ``/../../../victim/index``, a district id
  ``../../../victim2/pwn``);
- the stale-temp cleaner removes only the tool's own temporary files, and a killed ``kyodo import`` leaves none
  for ever;
- text from data is text in every xlsx, never a formula;
- ``$`` and other mathtext in data are drawn as themselves;
- a 20,000-character name does not stall a map.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kyodo_network.cli import cli
from kyodo_network.render._write import TMP_SUFFIX, is_stale_temp, temp_name, write_files
from kyodo_network.render.outputs import NAME_MAX, STEM_MAX, file_stems, output_name, safe_stem


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# --- 1. a file name made from data never leaves its folder -------------------------------------------------------

HOSTILE_IDS = [
    "/../../../victim/index",
    "../../../victim2/pwn",
    "..",
    ".",
    "...",
    "/",
    "\\..\\..\\win",
    "a/../../b",
    ".hidden",
    "-rf",
    "con",
    "NUL.txt",
    "x" * 500,
    "長" * 300,
    "\x00\x1f",
    " ",
    "",
    "$(rm -rf ~)",
    "ｆｏｏ／..／bar",
    "a\u202eb",
    "..\u2215..\u2215etc",
]


@pytest.mark.parametrize("raw", HOSTILE_IDS)
def test_a_safe_stem_stays_in_its_folder(raw):
    stem = safe_stem(raw)
    assert stem and stem not in (".", "..")
    assert re.fullmatch(r"[\w.\-・]+", stem), stem
    assert not stem.startswith((".", "-")) and ".." not in stem
    assert len(stem.encode()) <= STEM_MAX
    assert Path("outputs", stem).parent == Path("outputs") and Path(stem).name == stem
    for kind, opts in (
        ("handover", {"about": raw}),
        ("map", {"focus": raw}),
        ("review-sheet", {"about": raw}),
        ("map", {"sectors": [raw, "npo"]}),
    ):
        name = output_name([raw or "x"], kind, **opts)
        assert Path(name).name == name and not name.startswith(".") and ".." not in name, name
        assert len(name.encode()) <= NAME_MAX


def test_file_stems_are_distinct_even_where_case_does_not_count():
    ids = ["d1", "a/b", "a_b", "A_B", "../x", "x"]
    stems = file_stems(ids)
    assert len({s.casefold() for s in stems.values()}) == len(ids)
    assert stems["d1"] == "d1"


def _hostile_case(folder: Path) -> Path:
    return _write(
        folder / "hostile.yaml",
        """\
        format: kyodo-case/1
        district:
          id: "../../../victim2/pwn"
          name: 悪い地区
        actors:
          - id: "/../../../victim/index"
            name: 山田さん
            sector: person
          - {id: group-a, name: 団体A, sector: npo}
          - {id: group-b, name: 団体B, sector: council}
        relations:
          - {from: "/../../../victim/index", to: group-a, type: cooperation}
          - {from: group-a, to: group-b, type: cooperation}
        """,
    )


def test_an_actor_id_never_takes_a_handover_out_of_outputs(runner, tmp_path, monkeypatch):
    work = tmp_path / "a" / "b" / "work"  # ../../../victim from outputs/ would be tmp_path/a/victim
    _hostile_case(work)
    monkeypatch.chdir(work)
    r = runner.invoke(cli, ["handover", "hostile.yaml", "--person", "/../../../victim/index", "--format", "html"])
    assert r.exit_code == 0, r.output
    assert _files(tmp_path) == ["a/b/work/hostile.yaml", "a/b/work/outputs/hostile-handover-victim_index.html"]


def test_a_district_id_never_takes_a_city_map_out_of_outputs(runner, tmp_path, monkeypatch):
    from kyodo_network.render import overview

    work = tmp_path / "a" / "b" / "work"
    _hostile_case(work)
    _write(
        work / "other.yaml",
        """\
        format: kyodo-case/1
        district: {id: good, name: 良い地区}
        actors:
          - {id: b1, name: 団体B1, sector: npo}
          - {id: b2, name: 団体B2, sector: npo}
        relations:
          - {from: b1, to: b2, type: cooperation}
        """,
    )
    monkeypatch.chdir(work)
    monkeypatch.setattr(overview, "OVERVIEW_MIN", 2)  # a city: the overview and one map per district
    r = runner.invoke(cli, ["map", "hostile.yaml", "other.yaml"])
    assert r.exit_code == 0, r.output
    files = _files(tmp_path)
    assert all(f.startswith("a/b/work/") for f in files), files
    assert "a/b/work/outputs/hostile_other-map-districts/victim2_pwn.html" in files
    page = (work / "outputs" / "hostile_other-map.html").read_text(encoding="utf-8")
    assert 'href="hostile_other-map-districts/victim2_pwn.html"' in page


def test_district_maps_of_ids_alike_get_files_of_their_own(tmp_path):
    import networkx as nx

    from kyodo_network.render.overview import write_overview

    ids = ["../../../victim2/pwn", "victim2_pwn", "VICTIM2_PWN", "/"]
    G = nx.Graph(name="市", districts=[{"id": d, "name": f"地区{k}"} for k, d in enumerate(ids)])
    for k, d in enumerate(ids):
        for i in range(3):
            G.add_node(f"a{k}-{i}", district=d, sector="npo", name=f"団体{k}-{i}", kind="actor")
        G.add_edge(f"a{k}-0", f"a{k}-1", weight=1)
    written = write_overview(G, tmp_path / "out" / "city.html")
    assert all(p.resolve().is_relative_to(tmp_path / "out") for p in written)
    maps = [p for p in written if p.parent.name == "city-districts"]
    assert len({p.name.casefold() for p in maps}) == len(ids)


# --- 2. the stale-temp cleaner removes only the tool's own files -------------------------------------------------


def test_the_cleaner_leaves_files_that_only_look_like_ours(tmp_path):
    dead = _dead_pid()
    look_alike = tmp_path / ".case.yaml.3999999.abcd.kyodo-tmp"
    forged = tmp_path / f".m.html.{dead}.{'0' * 16}.{'f' * 16}{TMP_SUFFIX}"  # our pattern, a tag that does not fit
    ours = tmp_path / temp_name(tmp_path / "m.html", pid=dead)  # left by a process that ended
    running = tmp_path / temp_name(tmp_path / "n.html", pid=os.getppid())  # its process still runs
    for p in (look_alike, forged, ours, running):
        p.write_text("user data", encoding="utf-8")
    link = tmp_path / temp_name(tmp_path / "l.html", pid=dead)
    link.symlink_to(look_alike)
    assert [is_stale_temp(p) for p in (look_alike, forged, ours, running, link)] == [False, False, True, False, False]
    write_files([(tmp_path / "map.html", "x")])
    left = {p.name for p in tmp_path.iterdir()}
    assert ours.name not in left
    assert {look_alike.name, forged.name, running.name, link.name, "map.html"} <= left
    assert look_alike.read_text(encoding="utf-8") == "user data"


def test_a_killed_import_leaves_no_copy_of_the_case_for_ever(runner, tmp_path, monkeypatch):
    case = _hostile_case(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["export", str(case), "--format", "xlsx", "-o", "in.xlsx"]).exit_code == 0
    out = tmp_path / "out"
    # kyodo import, killed outright while it checks the case it is about to write
    script = textwrap.dedent("""
        import sys, time
        import kyodo_network.load as load
        real = load.load_cases
        def stall(names, **kw):
            names = list(names)
            if any(str(n).endswith(".kyodo-tmp") for n in names):
                print("ready", flush=True); time.sleep(60)
            return real(names, **kw)
        load.load_cases = stall
        from kyodo_network.cli import main
        sys.argv = ["kyodo", "import", "in.xlsx", "-o", "out/case.yaml"]
        main()
        """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    left = list(out.iterdir())
    assert len(left) == 1 and is_stale_temp(left[0])  # the one file it was writing, provably ours
    assert "山田さん" in left[0].read_text(encoding="utf-8")
    look_alike = out / ".case.yaml.3999999.abcd.kyodo-tmp"
    look_alike.write_text("mine", encoding="utf-8")
    r = runner.invoke(cli, ["import", "in.xlsx", "-o", "out/case.yaml"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == [look_alike.name, "case.yaml"]
    assert look_alike.read_text(encoding="utf-8") == "mine"


def test_a_case_that_does_not_load_is_not_written_and_leaves_nothing(tmp_path):
    from kyodo_network.errors import CaseDataError
    from kyodo_network.render.case_yaml import write_checked_case_yaml

    tree = {
        "district": {"name": "x"},
        "include": ["nowhere.yaml"],
        "actors": [{"id": "a", "name": "A", "sector": "npo"}, {"id": "a", "name": "B", "sector": "npo"}],
    }
    with pytest.raises(CaseDataError) as err:
        write_checked_case_yaml(tmp_path / "new" / "case.yaml", tree)
    assert {(p.path, p.code) for p in err.value.problems} == {
        (str(tmp_path / "new" / "case.yaml"), "bad-include"),
        (str(tmp_path / "new" / "case.yaml"), "duplicate-id"),
    }
    assert _files(tmp_path) == []


# --- 3. text from data is text in every xlsx ---------------------------------------------------------------------

FORMULA_NAMES = ['=HYPERLINK("http://evil.example/","click")', "+SUM(1,2)", "-2+3", "@SUM(A1)"]


def _formula_case(folder: Path) -> Path:
    a, b, c, d = (n.replace('"', '\\"') for n in FORMULA_NAMES)
    return _write(
        folder / "formulas.yaml",
        f"""\
        format: kyodo-case/1
        source: {{title: "=HYPERLINK(\\"http://evil.example/\\")"}}
        district: {{id: formulas, name: "=1+1地区"}}
        actors:
          - {{id: a1, name: "{a}", sector: npo, note: "+SUM(1,2)", role: "=cmd|' /C calc'!A0"}}
          - {{id: a2, name: "{b}", sector: npo, note: "@SUM(A1)", contact: "+81-45-000-0000"}}
          - {{id: a3, name: "{c}", sector: council, note: "-1"}}
          - {{id: a4, name: "{d}", sector: company, themes: ["=A1", "@x"]}}
        relations:
          - {{from: a1, to: a2, type: cooperation, note: "=1"}}
          - {{from: a2, to: a3, type: cooperation}}
          - {{from: a3, to: a4, type: cooperation}}
        projects:
          - {{id: p1, name: "=PROJECT()", participants: [a1, a2, a3, a4], note: "-x"}}
        """,
    )


def _formulas(path: Path) -> list[str]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return [
        f"{ws.title}!{c.coordinate}={c.value!r}"
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]


def test_an_exported_workbook_holds_no_formula_and_reads_back_the_same(runner, tmp_path, monkeypatch):
    from kyodo_network.load import load_cases

    _formula_case(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["export", "formulas.yaml", "--format", "xlsx", "-o", "out.xlsx"])
    assert r.exit_code == 0, r.output
    assert _formulas(tmp_path / "out.xlsx") == []
    r = runner.invoke(cli, ["validate", "out.xlsx"])
    assert r.exit_code == 0, r.output
    back = load_cases([tmp_path / "out.xlsx"])[0]
    assert sorted(a.name for a in back.actors) == sorted(FORMULA_NAMES)
    import openpyxl

    analysis = openpyxl.load_workbook(tmp_path / "out.xlsx")["分析"]
    assert set(FORMULA_NAMES) <= {c.value for row in analysis.iter_rows() for c in row}


def test_a_check_sheet_workbook_holds_no_formula(runner, tmp_path, monkeypatch):
    _formula_case(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["review", "formulas.yaml", "--sheet", "--project", "p1", "-o", "sheet.xlsx"])
    assert r.exit_code == 0, r.output
    assert _formulas(tmp_path / "sheet.xlsx") == []
    import openpyxl

    cells = {
        c.value
        for ws in openpyxl.load_workbook(tmp_path / "sheet.xlsx").worksheets
        for row in ws.iter_rows()
        for c in row
    }
    assert set(FORMULA_NAMES) <= cells


# --- 4. $ and other mathtext in data are drawn as themselves -----------------------------------------------------


def _dollar_case(folder: Path) -> Path:
    return _write(
        folder / "dollars.yaml",
        """\
        format: kyodo-case/1
        source: {title: "$5 per #1, $10 per #2"}
        district: {id: dollars, name: "会費 $1_000 と $2_000"}
        actors:
          - {id: a1, name: "団体 $x^2$ と $1_000", sector: npo}
          - {id: a2, name: "$\\\\frac{1}{0}", sector: council}
          - {id: a3, name: "山田さん", sector: person, visibility: public}
        relations:
          - {from: a1, to: a2, type: cooperation}
          - {from: a2, to: a3, type: cooperation}
        projects:
          - {id: p1, name: "事業 $5 per #1, $10 per #2", participants: [a1, a2, a3]}
        """,
    )


MAGIC = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF-"}


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_dollars_in_data_draw_as_dollars_on_a_printed_map(runner, tmp_path, monkeypatch, fmt):
    _dollar_case(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["map", "dollars.yaml", "--format", fmt, "-o", f"map.{fmt}"])
    assert r.exit_code == 0, r.output
    body = (tmp_path / f"map.{fmt}").read_bytes()
    assert body.startswith(MAGIC[fmt])
    if fmt == "svg":
        from matplotlib.ft2font import FT2Font

        from kyodo_network.render.fonts import japanese_font_path

        svg = body.decode("utf-8")
        for shown in ("$5 per #1, $10 per #2", "会費 $1_000 と $2_000", "団体 $x^2$ と $1_000", "$\\frac{1}{0}"):
            assert re.search(rf"<!-- [^>]*{re.escape(shown)}", svg), shown  # the text as written, beside its glyphs
        font = FT2Font(str(japanese_font_path()))
        dollar = f'xlink:href="#{font.postscript_name}-{font.get_char_index(ord("$")):x}"'
        assert svg.count(dollar) >= 9  # every $ drawn as the glyph $ (title 2, labels 4, source 2+)


def test_dollars_in_data_draw_in_reports_charts_and_sheets(runner, tmp_path, monkeypatch):
    _dollar_case(tmp_path)
    monkeypatch.chdir(tmp_path)
    for args in (
        ["report", "dollars.yaml", "--format", "pdf", "-o", "report.pdf"],
        ["report", "dollars.yaml", "-o", "report.html"],
        ["review", "dollars.yaml", "--sheet", "--project", "p1", "-o", "sheet.pdf"],
        ["review", "dollars.yaml", "--chart", "review.svg"],
        ["compare", "dollars.yaml", "nippa", "--chart", "compare.png"],
    ):
        r = runner.invoke(cli, args)
        assert r.exit_code == 0, (args, r.output)


def test_the_one_saver_draws_any_text_literally():
    from matplotlib.figure import Figure

    from kyodo_network.render.figure import figure_bytes

    fig = Figure(figsize=(3, 1))  # built without any of our settings: mathtext on, matplotlib's wrapping on
    fig.text(0.01, 0.5, "fee $1_000 and $2_000 " * 5, wrap=True)
    fig.add_subplot().set_title("$5 per #1, $10 per #2")
    for fmt in ("png", "svg", "pdf"):
        assert figure_bytes(fig, fmt).startswith(MAGIC[fmt])


# --- 5. a 20,000-character name -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "png"])
def test_a_name_of_20000_characters_is_cut_on_the_map(runner, tmp_path, monkeypatch, fmt):
    from kyodo_network.render.labels import LABEL_MAX

    name = "x" * 20000  # one word: the worst case for line breaking
    _write(
        tmp_path / "long.yaml",
        f"""\
        format: kyodo-case/1
        district: {{id: long, name: 長い地区}}
        actors:
          - {{id: a1, name: "{name}", sector: npo}}
          - {{id: a2, name: 団体B, sector: council}}
        relations:
          - {{from: a1, to: a2, type: cooperation}}
        """,
    )
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["map", "long.yaml", "--format", fmt, "-o", f"map.{fmt}"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / f"map.{fmt}").stat().st_size > 0
    from kyodo_network.graph import graph_from_names
    from kyodo_network.render.mapmodel import map_model

    node = next(n for n in map_model(graph_from_names(["long.yaml"]))["nodes"] if n["id"] == "a1")
    assert len(node["label"].replace("\n", "")) <= LABEL_MAX and node["label"].endswith("…")
    assert node["name"] == name  # the whole name stays in the tooltip and the details
