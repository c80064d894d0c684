"""A coordinator's own district, as they have it, through the real commands (issue 9's "Done when").

Each file — the coordinator-style YAML (no cite, no English, no ids, relations by name, Japanese sector and
type words, 和暦 years), its CP932 and BOM+CRLF copies, a Kumu-layout workbook, a CP932 CSV pair brought in
with ``kyodo import``, and the template filled in — validates and runs ``bridges``, ``whatif --remove NAME``
and ``map``.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from kyodo_network.cli import cli
from kyodo_network.render.workbook import write_template

COORDINATOR = Path(__file__).parent / "data" / "valid" / "coordinator.yaml"


def _kumu(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in {
        "Elements": [
            ["Label", "Type", "Description", "Tags"],
            ["あおば自治会", "自治会", "月1回の定例会", "子育て|見守り"],
            ["あおば小学校", "小学校"],
            ["青葉区役所", "区役所"],
            ["NPOそら", "NPO"],
        ],
        "Connections": [
            ["From", "To", "Type", "Strength"],
            ["あおば自治会", "あおば小学校|青葉区役所", "協力", 2],
            ["NPOそら", "あおば自治会", "支援"],
        ],
    }.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def _filled_template(path: Path) -> Path:
    write_template(path)
    book = openpyxl.load_workbook(path)
    for row in book["地区"].iter_rows(min_row=2):
        row[1].value = {"名前": "みどり地区", "区": "緑区"}.get(row[0].value)
    book["アクター"].append(["みどりの会", "自治会", "子育て、見守り", "会場", None, None, None, "平成25"])
    book["アクター"].append(["ＮＰＯあおば", "NPO", "子育て", None, "会場"])
    book["アクター"].append(["緑区役所", "行政"])
    book["関係"].append(["みどりの会", "ＮＰＯあおば", "協力", 3])
    book["関係"].append(["緑区役所", "ＮＰＯあおば", "補助金", None, "R2"])
    book["協働事業"].append(["夏まつり", "みどりの会、ＮＰＯあおば", 2016])
    book.save(path)
    return path


def _cases(tmp_path: Path, runner) -> dict[str, tuple[Path, str]]:
    """file → (path, an actor to remove by its name)."""
    text = COORDINATOR.read_text(encoding="utf-8")
    cp932 = tmp_path / "coordinator-cp932.yaml"
    cp932.write_bytes(text.encode("cp932"))
    bom = tmp_path / "coordinator-bom-crlf.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    actors, relations = tmp_path / "actors.csv", tmp_path / "relations.csv"
    actors.write_bytes(
        '名前,セクター,テーマ\r\nみどりの会,自治会,"子育て、見守り"\r\n区役所,行政,\r\nそらの会,NPO,\r\n'.encode(
            "cp932"
        )
    )
    relations.write_bytes(
        "から,へ,種類,開始年\r\nみどりの会,区役所,補助,R2\r\nそらの会,みどりの会,協力,\r\n".encode("cp932")
    )
    imported = tmp_path / "from-csv.yaml"
    result = runner.invoke(cli, ["import", str(actors), str(relations), "-o", str(imported)])
    assert result.exit_code == 0, result.output
    return {
        "yaml": (COORDINATOR, "子ども食堂実行委員会"),
        "cp932": (cp932, "子ども食堂実行委員会"),
        "bom-crlf": (bom, "子ども食堂実行委員会"),
        "kumu": (_kumu(tmp_path / "kumu.xlsx"), "あおば自治会"),
        "csv": (imported, "みどりの会"),
        "template": (_filled_template(tmp_path / "midori.xlsx"), "ＮＰＯあおば"),
    }


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    from click.testing import CliRunner

    return _cases(tmp_path_factory.mktemp("own"), CliRunner())


@pytest.mark.parametrize("kind", ["yaml", "cp932", "bom-crlf", "kumu", "csv", "template"])
def test_validate_bridges_whatif_and_map(runner, cases, kind, tmp_path):
    path, name = cases[kind]
    assert runner.invoke(cli, ["validate", str(path)]).exit_code == 0
    bridges = runner.invoke(cli, ["bridges", str(path), "--format", "json"])
    assert bridges.exit_code == 0, bridges.output
    rows = json.loads(bridges.stdout)
    assert rows and all(r["name"] for r in rows)
    whatif = runner.invoke(cli, ["whatif", str(path), "--remove", name, "--format", "json"])
    assert whatif.exit_code == 0, whatif.output
    removed = json.loads(whatif.stdout)["removed"]
    assert len(removed) == 1
    out = tmp_path / "map.html"
    m = runner.invoke(cli, ["map", str(path), "-o", str(out)])
    assert m.exit_code == 0, m.output
    assert name.replace("ＮＰＯ", "NPO") in out.read_text(encoding="utf-8") or name in out.read_text(encoding="utf-8")


def test_the_encodings_give_the_same_network(runner, cases):
    def network(path):
        out = runner.invoke(cli, ["bridges", str(path), "--format", "json"]).stdout
        return sorted((r["id"], r["betweenness"], r["articulation"]) for r in json.loads(out))

    assert network(cases["yaml"][0]) == network(cases["cp932"][0]) == network(cases["bom-crlf"][0])


def test_whatif_by_name_matches_networkx(runner, cases):
    # Removing the 実行委員会 by its name: the pieces left are what networkx finds without that node.
    from kyodo_network.graph import graph_from_names

    path, name = cases["yaml"]
    G = graph_from_names([path])
    [node] = [n for n, d in G.nodes(data=True) if d["name"] == name]
    H = G.copy()
    H.remove_node(node)
    out = json.loads(runner.invoke(cli, ["whatif", str(path), "--remove", name, "--format", "json"]).stdout)
    pieces = sorted(len(c) for c in nx.connected_components(H))
    cut = sum(pieces[:-1]) if len(pieces) > 1 else 0
    assert len(out["cut_off"]) == cut


def test_a_name_that_fits_two_actors_is_refused_with_both_ids(runner, tmp_path):
    path = tmp_path / "twins.yaml"
    path.write_text(
        "format: kyodo-case/1\ndistrict: {name: 双子}\nactors:\n"
        "  - {id: a1, name: みどりの会, sector: npo}\n  - {id: a2, name: みどりの会, sector: 自治会}\n"
        "relations:\n  - {from: a1, to: a2, type: 協力}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["whatif", str(path), "--remove", "みどりの会"])
    assert result.exit_code == 1 and "a1" in result.stderr and "a2" in result.stderr


def test_a_workbook_map_is_named_after_the_district_file(runner, cases, tmp_path, monkeypatch):
    # The README's third step: `kyodo map my-district.xlsx` writes outputs/my-district-map.html.
    path, _ = cases["template"]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["map", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(Path("outputs") / f"{path.stem}-map.html")
