"""``--public`` is applied once, where the network is built (issue 19): no renderer or analysis redacts; a private
person whom ``--year`` leaves out is still scrubbed from the rest; and no output shares a folder of the machine
it was made on (every ``origin`` relative to the working folder, or a bare file name)."""

from __future__ import annotations

import ast
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

import kyodo_network
from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names, graphs_from_names, public_ids
from kyodo_network.load import bundled_dir

PACKAGE = Path(kyodo_network.__file__).resolve().parent


# --- one place -------------------------------------------------------------------------------------------------


def _redactions(path: Path) -> list[str]:
    """Where a module imports or calls ``redact_graph`` (or imports the privacy module to reach it)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and any(a.name == "redact_graph" for a in node.names):
            found.append(f"{path}:{node.lineno}: imports redact_graph")
        elif isinstance(node, ast.Attribute) and node.attr == "redact_graph":
            found.append(f"{path}:{node.lineno}: uses .redact_graph")
        elif isinstance(node, ast.Name) and node.id == "redact_graph":
            found.append(f"{path}:{node.lineno}: calls redact_graph")
    return found


@pytest.mark.parametrize("floor", ["render", "analysis"])
def test_no_renderer_or_analysis_redacts(floor):
    files = sorted((PACKAGE / floor).rglob("*.py"))
    assert files
    found = [hit for f in files for hit in _redactions(f)]
    assert not found, "\n".join(found)


def test_the_walk_would_see_a_redaction(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from ..privacy import redact_graph\n\ndef f(G):\n    return redact_graph(G)[0]\n", encoding="utf-8")
    assert len(_redactions(bad)) == 2
    also = tmp_path / "also.py"
    also.write_text("from .. import privacy\n\ndef f(G):\n    return privacy.redact_graph(G)[0]\n", encoding="utf-8")
    assert len(_redactions(also)) == 1


def test_the_builders_stamp_public():
    G = graph_from_names(["nippa"], public=True)
    assert G.graph["public"] is True and "coordinator-s" not in G
    assert not graph_from_names(["nippa"]).graph.get("public")
    assert all(H.graph["public"] is True for H in graphs_from_names(["nippa", "akuwa-north"], public=True))
    hidden, council = public_ids(["nippa"], ["coordinator-s", "nippa-council"])
    assert hidden in G and hidden.startswith("private-") and council == "nippa-council"


# --- a private person that --year leaves out ---------------------------------------------------------------------

WALK = """\
format: kyodo-case/1
district:
  id: walk
  name: 散歩の地区
  summary: 2010年に高橋次郎さん（090-2222-3333）が始めた散歩の会がある。
actors:
  - {id: takahashi-jiro, name: 高橋次郎, name_en: Jiro Takahashi, sector: person, role: 世話人, role_en: Organiser,
     visibility: private, since: 2010, contact: 090-2222-3333}
  - {id: walkers, name: 高橋次郎と歩く会, name_en: Walking with Jiro Takahashi, sector: community, since: 2000,
     note: 高橋次郎さんの自宅に集合}
  - {id: council, name: 地区社協, sector: welfare, since: 2000, cite: 高橋次郎さん談}
relations:
  - {from: walkers, to: council, type: cooperation, since: 2000, cite: 高橋次郎さんからの聞き取り}
  - {from: takahashi-jiro, to: walkers, type: founded, since: 2010}
projects:
  - {id: morning, name: 高橋次郎と朝の散歩, participants: [walkers, council], since: 2003}
"""

SECRETS = ("高橋次郎", "高橋", "Takahashi", "Jiro", "takahashi-jiro", "090-2222-3333", "自宅")


@pytest.fixture
def walk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "walk.yaml").write_text(WALK, encoding="utf-8")
    return tmp_path


def _hidden(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} in {where}"


def test_the_year_leaves_him_out_and_his_name_still_goes(walk, runner):
    G = graph_from_names(["walk.yaml"], year=2005, view="projects", public=True)
    assert "private-1" not in G and len(G) == 3  # he is not in 2005's network …
    assert G.nodes["walkers"]["name"] == "世話人と歩く会"  # … and his name is gone from the group's all the same
    _hidden(
        json.dumps([G.graph, list(G.nodes(data=True)), list(G.edges(data=True))], ensure_ascii=False, default=str),
        "the public graph",
    )
    result = runner.invoke(
        cli, ["map", "walk.yaml", "--public", "--year", "2005", "--view", "projects", "-o", "m.html", "--lang", "both"]
    )
    assert result.exit_code == 0, result.output
    page = (walk / "m.html").read_text(encoding="utf-8")
    assert "世話人と歩く会" in page
    _hidden(page + result.output, "map --public --year 2005 --view projects")
    # without --public he is there: the check looks in the right place
    runner.invoke(cli, ["map", "walk.yaml", "--year", "2005", "--view", "projects", "-o", "full.html"])
    assert "高橋次郎と歩く会" in (walk / "full.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["bridges", "--format", "json"],
        ["info"],
        ["info", "--actors"],
        ["suggest", "--format", "csv"],
        ["export", "--format", "json", "-o", "out.json"],
        ["report", "-o", "rep"],
        ["compare", "--format", "csv"],
    ],
    ids=lambda a: a[0] + ("-" + a[1] if len(a) > 1 and not a[1].startswith("-") else ""),
)
def test_every_command_scrubs_him_in_a_year_without_him(walk, runner, args):
    result = runner.invoke(cli, [args[0], "walk.yaml", *args[1:], "--year", "2005", "--public"])
    assert result.exit_code == 0, result.output
    written = "".join(
        p.read_text(encoding="utf-8") for p in walk.rglob("*") if p.is_file() and p.suffix in (".json", ".html")
    )
    _hidden(result.stdout + result.stderr + written, " ".join(args))


def test_one_label_for_him_in_every_year(walk, runner):
    early = graph_from_names(["walk.yaml"], year=2005, public=True)
    late = graph_from_names(["walk.yaml"], year=2012, public=True)
    assert late.nodes["private-1"]["name"] == "世話人"
    assert early.nodes["walkers"]["name"] == late.nodes["walkers"]["name"] == "世話人と歩く会"
    result = runner.invoke(cli, ["diff", "walk.yaml", "--from", "2005", "--to", "2012", "--public", "--format", "json"])
    assert result.exit_code == 0, result.output
    _hidden(result.output, "diff --public")
    gained = json.loads(result.stdout)["actors_gained"]
    assert [a["id"] for a in gained] == ["private-1"]


# --- review --public ---------------------------------------------------------------------------------------------

REVIEWED = """\
format: kyodo-case/1
district: {id: rev, name: 振り返りの地区}
actors:
  - {id: sato-hanako, name: 佐藤花子, sector: person, role: 自治会長, visibility: private}
  - {id: ward, name: 区役所地域振興課, sector: government}
  - {id: club, name: 佐藤花子さんの体操クラブ, sector: community}
relations:
  - {from: ward, to: club, type: commission}
projects:
  - id: exercise
    name: 朝の体操
    participants: [{id: sato-hanako, role: 提案}, ward, club]
    reviews:
      - {by: sato-hanako, year: 2020, moment: review, scores: {対等: 2, 目的共有: 4},
         comment: 佐藤花子として言えば、区は遠い}
      - {by: ward, year: 2020, moment: review, scores: {対等: 4, 目的共有: 4}, comment: 佐藤花子さんに感謝}
"""


def test_review_public_shows_private_reviewers_by_role(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rev.yaml").write_text(REVIEWED, encoding="utf-8")
    full = runner.invoke(cli, ["review", "rev.yaml", "--format", "json"])
    assert full.exit_code == 0, full.output
    assert "佐藤花子" in full.output  # the check looks in the right place
    for fmt in ("table", "json", "csv"):
        result = runner.invoke(cli, ["review", "rev.yaml", "--format", fmt, "--public", "--project", "朝の体操"])
        assert result.exit_code == 0, result.output
        assert "佐藤" not in result.output and "sato-hanako" not in result.output, fmt
    shown = json.loads(runner.invoke(cli, ["review", "rev.yaml", "--format", "json", "--public"]).stdout)
    assert {s["name"] for s in shown["projects"][0]["sides"]} == {"自治会長", "区役所地域振興課"}
    G = graph_from_names(["rev.yaml"], public=True)
    comments = [r["comment"] for r in G.graph["projects"]["exercise"]["reviews"]]
    assert comments == ["自治会長として言えば、区は遠い", "自治会長さんに感謝"]
    refused = runner.invoke(cli, ["review", "rev.yaml", "--sheet", "--project", "exercise", "-o", "s.xlsx", "--public"])
    assert refused.exit_code == 2 and not (tmp_path / "s.xlsx").exists()


# --- no folder of this machine in a shared file ---------------------------------------------------------------------

FORMATS = ("json", "graphml", "gexf", "csv", "xlsx", "kumu")


def _texts(paths: list[Path]) -> str:
    """Everything the files hold as text (a workbook's XML parts included)."""
    out = []
    for p in paths:
        if p.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(p.read_bytes())) as z:
                out += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        else:
            out.append(p.read_text(encoding="utf-8-sig"))
    return "\n".join(out)


def _export(runner, args: list[str], out: Path) -> str:
    result = runner.invoke(cli, ["export", *args, "-o", str(out) + "/"])
    assert result.exit_code == 0, result.output
    return _texts([Path(line) for line in result.stdout.split()])


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_of_a_bundled_case_names_no_install_folder(tmp_path, monkeypatch, runner, fmt):
    monkeypatch.chdir(tmp_path)
    shared = _export(runner, ["akuwa-north", "--format", fmt], tmp_path / "out")
    install = {str(PACKAGE), str(PACKAGE.parent), str(bundled_dir().resolve()), str(bundled_dir())}
    for folder in install:
        assert folder not in shared, f"{folder} in the {fmt} export"
    if fmt in ("json", "csv", "graphml", "gexf"):
        assert re.search(r"akuwa-north\.yaml:\d+", shared)  # the origin is there, as a bare file name


def test_origin_is_relative_inside_the_working_folder_and_gone_when_public(tmp_path, monkeypatch, runner):
    (tmp_path / "yamada-folder").mkdir()
    (tmp_path / "yamada-folder" / "walk.yaml").write_text(WALK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(_export(runner, ["yamada-folder/walk.yaml", "--format", "json"], tmp_path / "a"))
    origins = {n["origin"] for n in data["nodes"]}
    assert origins and all(o.startswith("yamada-folder/walk.yaml:") for o in origins)
    assert data["graph"]["files"] == ["yamada-folder/walk.yaml"]
    outside = tmp_path / "yamada-folder"  # a case outside the working folder: its bare file name
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.chdir(other)
    data = json.loads(_export(runner, [str(outside / "walk.yaml"), "--format", "json"], other / "b"))
    assert {n["origin"].rpartition(":")[0] for n in data["nodes"]} == {"walk.yaml"}
    assert str(tmp_path) not in json.dumps(data, ensure_ascii=False)
    for fmt in FORMATS:
        shared = _export(runner, [str(outside / "walk.yaml"), "--format", fmt, "--public"], other / f"p-{fmt}")
        assert "yamada-folder" not in shared and str(tmp_path) not in shared and "walk.yaml:" not in shared, fmt
