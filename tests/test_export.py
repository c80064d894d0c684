"""``kyodo export``: each format opened by a reader that is not ours (igraph, networkx, graphology, openpyxl and
the loader, Python's csv and json), and ``--public`` exports checked for private names."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_cases, graph_from_names
from kyodo_network.load import district_cases, load_cases
from kyodo_network.render.export import FORMATS, export_graph
from kyodo_network.render.export.gexf import gexf_bytes
from kyodo_network.render.export.tables import csv_text

JS = Path(__file__).parent / "js"
DISTRICTS = district_cases()
SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json", "csv": ".csv", "xlsx": ".xlsx", "kumu": ".kumu.json"}
#: Names that ``--public`` must keep out of every export: (case, names of its private actors).
PRIVATE = {"nippa": ("コーディネーターSさん", "Coordinator S"), "akuwa-north": ("F係長", "Section chief F")}


def _export(G: nx.Graph, tmp_path: Path, fmt: str, **kw) -> list[Path]:
    return export_graph(G, tmp_path / f"out{SUFFIX[fmt]}", fmt, **kw)


def _edges(pairs) -> set[frozenset]:
    return {frozenset((str(u), str(v))) for u, v in pairs}


# --- GraphML, read by igraph ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", DISTRICTS)
def test_igraph_reads_the_graphml_with_the_same_nodes_edges_labels_and_measures(case, tmp_path):
    import igraph  # a test dependency (pyproject [test])

    G = graph_from_names([case])
    [path] = _export(G, tmp_path, "graphml")
    g = igraph.Graph.Read_GraphML(str(path))
    ids = g.vs["id"]
    assert sorted(ids) == sorted(G) and not g.is_directed()
    assert _edges((ids[e.source], ids[e.target]) for e in g.es) == _edges(G.edges())
    assert dict(zip(ids, g.vs["label"])) == {n: d["name"] for n, d in G.nodes(data=True)}
    assert dict(zip(ids, g.vs["name_en"])) == {n: d["name_en"] for n, d in G.nodes(data=True)}
    colours = {
        n: "#%02x%02x%02x" % (int(r), int(gg), int(b)) for n, r, gg, b in zip(ids, g.vs["r"], g.vs["g"], g.vs["b"])
    }
    assert colours == {n: d["colour"] for n, d in G.nodes(data=True)}
    weights = {frozenset((ids[e.source], ids[e.target])): e["weight"] for e in g.es}
    assert weights == {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}
    # The analysis columns agree with igraph's own measures on the graph it read.
    n = g.vcount()
    raw = g.betweenness(directed=False)
    expected = [b * 2 / ((n - 1) * (n - 2)) for b in raw]
    assert g.vs["betweenness"] == pytest.approx(expected, abs=1e-5)
    cut_points = {ids[i] for i in g.articulation_points()}
    assert {i for i, a in zip(ids, g.vs["articulation"]) if a} == cut_points
    assert all(isinstance(x, float) for x in g.vs["x"] + g.vs["y"] + g.vs["size"])


def test_graphml_carries_every_actor_field_and_lists_as_text(tmp_path):
    G = graph_from_names(["nippa"])
    [path] = _export(G, tmp_path, "graphml")
    H = nx.read_graphml(path)
    d, h = G.nodes["coordinator-s"], H.nodes["coordinator-s"]
    assert h["themes"] == "|".join(d["themes"]) and h["role"] == d["role"] and h["since"] == d["since"]
    assert h["visibility"] == "private" and "until" not in h  # None is left out
    assert h["brokerage"] == sum(h[k] for k in h if k.startswith("brokerage_"))
    assert {"score", "betweenness", "articulation", "constraint", "effective_size", "cut_off"} <= set(h)


# --- GEXF: networkx's reader, graphology's parser, the years as spells ---------------------------------------


@pytest.mark.parametrize("case", DISTRICTS)
def test_networkx_reads_the_gexf_with_colours_positions_sizes_and_years(case, tmp_path):
    G = graph_from_names([case])
    [path] = _export(G, tmp_path, "gexf")
    H = nx.read_gexf(path, version="1.3")
    assert H.graph["mode"] == "dynamic"
    assert sorted(H) == sorted(G) and _edges(H.edges()) == _edges(G.edges())
    for n, d in G.nodes(data=True):
        viz = H.nodes[n]["viz"]
        assert "#%02x%02x%02x" % (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == d["colour"]
        assert {"x", "y"} <= set(viz["position"]) and viz["size"] >= 10
        assert H.nodes[n]["label"] == d["name"]
        assert (H.nodes[n].get("start"), H.nodes[n].get("end")) == (d["since"], d["until"])
    for u, v, d in G.edges(data=True):
        years = {(r["since"], r["until"]) for r in d["relations"]}
        years |= {(G.graph["projects"][p]["since"], G.graph["projects"][p]["until"]) for p in d["projects"]}
        h = H.edges[u, v]
        if (None, None) in years:  # some evidence with no years: always there
            assert "start" not in h and "end" not in h and "spells" not in h
        elif len(years) == 1:
            assert (h.get("start"), h.get("end")) == years.pop()


def test_a_tie_of_two_separate_periods_becomes_two_spells_that_networkx_reads(tmp_path):
    G = nx.Graph()
    for n in "ab":
        G.add_node(n, name=n.upper(), sector="npo", colour="#33a02c")
    G.add_edge(
        "a",
        "b",
        weight=2,
        types=["cooperation"],
        projects=[],
        relations=[
            {"type": "cooperation", "since": 2001, "until": 2003},
            {"type": "cooperation", "since": 2008, "until": 2010},
            {"type": "cooperation", "since": 2002, "until": 2004},
        ],
    )
    (tmp_path / "t.gexf").write_bytes(gexf_bytes(G))
    H = nx.read_gexf(tmp_path / "t.gexf")
    assert H.edges["a", "b"]["spells"] == [(2001, 2004), (2008, 2010)]
    assert "start" not in H.nodes["a"]


def _graphology(path: Path) -> dict:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        if os.environ.get("CI") == "true":
            pytest.fail("node and npm are needed under CI (apt-get install nodejs npm)")
        pytest.skip("node/npm not installed")
    if not (JS / "node_modules" / "graphology-gexf").is_dir():
        subprocess.run(
            [npm, "ci", "--prefix", str(JS), "--no-audit", "--no-fund"], check=True, capture_output=True, timeout=300
        )
    out = subprocess.run([node, str(JS / "read_gexf.js"), str(path)], check=True, capture_output=True, timeout=60)
    return json.loads(out.stdout)


@pytest.mark.parametrize("case", ["nippa", "dream-heights"])
def test_graphology_parses_the_gexf(case, tmp_path):
    G = graph_from_names([case])
    [path] = _export(G, tmp_path, "gexf")
    read = _graphology(path)
    assert read["type"] == "undirected"
    assert sorted(read["nodes"]) == sorted(G)
    assert _edges((e["source"], e["target"]) for e in read["edges"]) == _edges(G.edges())
    for n, d in G.nodes(data=True):
        attrs = read["nodes"][n]
        assert attrs["label"] == d["name"] and attrs["sector"] == d["sector"]
        r, g, b = (int(d["colour"][i : i + 2], 16) for i in (1, 3, 5))
        assert attrs["color"].replace(" ", "") in (f"rgba({r},{g},{b},1.0)", f"rgba({r},{g},{b},1)")
        assert isinstance(attrs["x"], (int, float)) and attrs["size"] >= 10
    weights = {frozenset((e["source"], e["target"])): e["attrs"]["weight"] for e in read["edges"]}
    assert weights == {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}


# --- node-link JSON ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", DISTRICTS)
def test_the_json_loads_with_node_link_graph_to_the_same_graph(case, tmp_path):
    G = graph_from_names([case])
    [path] = _export(G, tmp_path, "json")
    H = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
    assert nx.utils.graphs_equal(nx.Graph(G.edges()), nx.Graph(H.edges())) and sorted(H) == sorted(G)
    for n, d in G.nodes(data=True):
        assert {k: H.nodes[n][k] for k in d} == d
        assert H.nodes[n]["betweenness"] == pytest.approx(nx.betweenness_centrality(G)[n], abs=1e-5)
    for u, v, d in G.edges(data=True):
        assert {k: H.edges[u, v][k] for k in d} == d
    assert H.graph["sectors"] == G.graph["sectors"] and H.graph["districts"] == G.graph["districts"]


# --- CSV -----------------------------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "lang, name, sector, weight", [("ja", "名前", "セクター", "強さ"), ("en", "Name", "Sector", "Strength")]
)
def test_csv_node_and_edge_tables_with_headers_in_the_language(
    runner, tmp_path, monkeypatch, lang, name, sector, weight
):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", "nippa", "--format", "csv", "--lang", lang, "-o", "tables/"])
    assert result.exit_code == 0, result.output
    stem = "tables/nippa-network" + ("-en" if lang == "en" else "")
    assert result.stdout.split() == [f"{stem}-nodes.csv", f"{stem}-edges.csv"]
    G = graph_from_names(["nippa"])
    nodes, edges = _read_csv(tmp_path / f"{stem}-nodes.csv"), _read_csv(tmp_path / f"{stem}-edges.csv")
    ident = "識別子" if lang == "ja" else "ID"
    assert {r[ident] for r in nodes} == set(G) and {r[name] for r in nodes} == {
        d["name"] for _, d in G.nodes(data=True)
    }
    # ja: the sector's word (what a coordinator reads); en: the stable id
    from kyodo_network.lang import sector_label

    want = {sector_label(G, d["sector"], "ja") if lang == "ja" else d["sector"] for _, d in G.nodes(data=True)}
    assert {r[sector] for r in nodes} == want
    ends = [k for k in edges[0] if ident in k]
    assert _edges((r[ends[0]], r[ends[1]]) for r in edges) == _edges(G.edges())
    assert sorted(int(r[weight]) for r in edges) == sorted(d["weight"] for _, _, d in G.edges(data=True))


def test_csv_cells_that_look_like_formulas_are_neutralised(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evil.yaml").write_text(
        "format: kyodo-case/1\ndistrict: {id: evil, name: テスト, name_en: Test, ward: 栄区, ward_en: Sakae Ward,"
        " city: 横浜市, cite: テスト}\nactors:\n"
        "  - {id: a, name: '=HYPERLINK(\"http://x\")', name_en: A, sector: npo, themes: ['+1', '@SUM(A1)'],"
        " cite: t}\n"
        "  - {id: b, name: '-2+3', name_en: B, sector: npo, note: '@x', cite: t}\n"
        "relations:\n  - {from: a, to: b, type: cooperation, cite: '=1+1'}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["export", "evil.yaml", "-o", "evil.csv"])
    assert result.exit_code == 0, result.output
    nodes, edges = _read_csv(tmp_path / "evil-nodes.csv"), _read_csv(tmp_path / "evil-edges.csv")
    names = {r["識別子"]: r["名前"] for r in nodes}
    assert names == {"a": '\'=HYPERLINK("http://x")', "b": "'-2+3"}
    assert nodes[0]["テーマ"] == "'+1|@SUM(A1)" and edges[0]["出典"] == "'=1+1"
    assert nodes[1]["メモ"] == "'@x"
    assert csv_text([{"note": "\tx", "cite": "\r=1"}], ["note", "cite"], "en").split("\r\n")[1] == "'\tx,\"'\r=1\""
    assert all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in nodes + edges for v in r.values())


# --- xlsx: the template's layout, read back by the workbook reader and the loader ---------------------------


def _network(G: nx.Graph) -> tuple[dict, dict]:
    keys = (
        "name",
        "name_en",
        "sector",
        "since",
        "until",
        "visibility",
        "themes",
        "offers",
        "needs",
        "role",
        "cite",
        "note",
        "contact",
        "projects",
    )
    nodes = {n: tuple(d.get(k) for k in keys) for n, d in G.nodes(data=True)}
    edges = {
        frozenset((u, v)): (
            d["types"],
            d["weight"],
            sorted(
                (r["from"], r["to"], r["type"], r["since"] or 0, r["until"] or 0, r["cite"] or "")
                for r in d["relations"]
            ),
            sorted(d["projects"]),
        )
        for u, v, d in G.edges(data=True)
    }
    return nodes, edges


@pytest.mark.parametrize("case, lang", [(case, "ja") for case in DISTRICTS] + [("nippa", "en")])
def test_the_xlsx_export_imports_back_to_the_same_network(runner, tmp_path, monkeypatch, case, lang):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", case, "--lang", lang, "-o", f"{case}.xlsx"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / f"{case}.xlsx")
    assert book.sheetnames[:3] == (["地区", "アクター", "分析"] if lang == "ja" else ["District", "Actors", "Analysis"])
    result = runner.invoke(cli, ["import", f"{case}.xlsx", "-o", "back.yaml"])
    assert result.exit_code == 0, result.output
    original, back = graph_from_names([case]), graph_from_cases(load_cases([tmp_path / "back.yaml"]))
    assert _network(back) == _network(original)
    assert back.number_of_nodes() == original.number_of_nodes() and back.number_of_edges() == original.number_of_edges()
    analysis = book[book.sheetnames[2]]
    header = [c.value for c in analysis[1]]
    col = header.index("媒介中心性" if lang == "ja" else "Betweenness")
    expected = nx.betweenness_centrality(original)
    rows = [r for r in analysis.iter_rows(min_row=2, values_only=True) if r[0] in original]
    assert len(rows) == len(original)
    assert {r[0]: r[col] for r in rows} == pytest.approx(expected, abs=1e-5)


# --- Kumu ----------------------------------------------------------------------------------------------------


def test_kumu_blueprint_refers_to_elements_by_label_with_directions(tmp_path):
    G = graph_from_names(["dream-heights"])
    [path] = _export(G, tmp_path, "kumu")
    bp = json.loads(path.read_text(encoding="utf-8"))
    assert set(bp) == {"elements", "connections"}
    labels = {e["label"]: e["id"] for e in bp["elements"]}
    assert len(labels) == len(bp["elements"]) == len(G) and set(labels.values()) == set(G)
    assert all({"label", "type", "tags"} <= set(e) for e in bp["elements"])
    assert all(c["from"] in labels and c["to"] in labels for c in bp["connections"])
    relations = [r for _, _, d in G.edges(data=True) for r in d["relations"]]
    project_ties = [1 for _, _, d in G.edges(data=True) if d["projects"]]
    assert len(bp["connections"]) == len(relations) + len(project_ties)
    directed = [(labels[c["from"]], labels[c["to"]]) for c in bp["connections"] if c["direction"] == "directed"]
    assert sorted(directed) == sorted((r["from"], r["to"]) for r in relations if r["directed"])
    assert {c["direction"] for c in bp["connections"]} <= {"directed", "mutual"}


# --- every format through the command, and --public ---------------------------------------------------------


def test_every_format_for_a_bundled_case_from_the_suffix(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for fmt in FORMATS:
        target = f"nippa{SUFFIX[fmt]}"
        result = runner.invoke(cli, ["export", "nippa", "-o", target])
        assert result.exit_code == 0, (fmt, result.output)
        written = result.stdout.split()
        assert written == (["nippa-nodes.csv", "nippa-edges.csv"] if fmt == "csv" else [target])
        assert all((tmp_path / p).stat().st_size > 1000 for p in written)
    result = runner.invoke(cli, ["export", "nippa", "--format", "kumu", "-o", "k.json"])
    assert result.exit_code == 0 and "connections" in json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "k.json",
            "nippa-edges.csv",
            "nippa-nodes.csv",
            "nippa.gexf",
            "nippa.graphml",
            "nippa.json",
            "nippa.kumu.json",
            "nippa.xlsx",
        ]
    )  # nothing else, no temporary file left


def test_usage_mistakes_are_exit_2_and_inputs_are_never_written(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", "nippa", "-o", "nippa.txt"])
    assert result.exit_code == 2 and "nippa.txt" in result.stderr and ".graphml" in result.stderr
    result = runner.invoke(cli, ["export", "nippa", "--format", "gexf", "-o", "nippa.graphml"])
    assert result.exit_code == 2 and "nippa.graphml" in result.stderr
    result = runner.invoke(cli, ["export", "nippa", "-o", "out/"])
    assert result.exit_code == 2
    assert runner.invoke(cli, ["export", "-o", "x.gexf"]).exit_code == 2
    shutil.copy(Path(__file__).parent / "data" / "valid" / "city.yaml", tmp_path / "city.yaml")
    before = (tmp_path / "city.yaml").read_bytes()
    result = runner.invoke(cli, ["export", "city.yaml", "--format", "json", "-o", "city.yaml"])
    assert result.exit_code == 2 and "city.yaml" in result.stderr  # .yaml does not fit json
    (tmp_path / "city.json").symlink_to(tmp_path / "city.yaml")  # a name that fits, leading to the input
    result = runner.invoke(cli, ["export", "city.yaml", "--format", "json", "-o", "city.json"])
    assert result.exit_code == 1 and "city.json" in result.stderr
    assert (tmp_path / "city.yaml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.json", "city.yaml"]


def _all_text(path: Path) -> str:
    if path.suffix == ".xlsx":  # every cell of every sheet (the XML holds them as character references)
        book = openpyxl.load_workbook(path)
        return "\n".join(str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row if v)
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("case", sorted(PRIVATE))
@pytest.mark.parametrize("fmt", FORMATS)
def test_public_exports_hold_no_private_name(runner, tmp_path, monkeypatch, case, fmt):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        cli, ["export", case, "--public", "--lang", "en" if fmt == "kumu" else "ja", "--format", fmt, "-o", "out/"]
    )
    assert result.exit_code == 0, result.output
    paths = [tmp_path / p for p in result.stdout.split()]
    assert all("-public" in p.name for p in paths)
    for path in paths:
        body = _all_text(path)
        for secret in PRIVATE[case]:
            assert secret not in body, (path.name, secret)
        assert "private-1" in body  # the hidden actor is still there, by its anonymous id
    # without --public the same names are there: the test would notice a redaction that did nothing
    result = runner.invoke(cli, ["export", case, "--format", fmt, "-o", "plain/"])
    assert any(PRIVATE[case][0] in _all_text(tmp_path / p) for p in result.stdout.split())
