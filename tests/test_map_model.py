"""The map model (kyodo_network.render.mapmodel), the HTML writer and ``kyodo map``, without a browser.

What a map shows is checked against networkx and the analysis functions directly (ego graphs, articulation
points, coordinators), never against the model's own output pasted back.
"""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest

from kyodo_network import KyodoError, graph_from_cases, load_cases
from kyodo_network.graph import graph_from_names
from kyodo_network.analysis.coordinators import marked_coordinators
from kyodo_network.analysis.bridges import bridging_scores
from kyodo_network.cli import cli
from kyodo_network.load import NOT_DISTRICTS, district_cases
from kyodo_network.render.mapmodel import map_model
from kyodo_network.render.style import EDGE_STYLES, NO_LINE_END, NO_LINE_START, short_label, wrap_label
from kyodo_network.render import _write
from kyodo_network.render.html import html_from_model, json_for_script, write_html_map
from kyodo_network.render.maps import write_map, write_maps

HOSTILE = Path(__file__).parent / "data" / "maps" / "hostile.yaml"
CASES = ["konandai-playpark", "kodomo-fudo", "nippa", "akuwa-north", "dream-heights", "yokohama-city"]


def graph(*cases, **kw) -> nx.Graph:
    return graph_from_cases(load_cases(list(cases)), **kw)


def snapshot(G: nx.Graph):
    return (
        copy.deepcopy(dict(G.nodes(data=True))),
        copy.deepcopy([(u, v, d) for u, v, d in G.edges(data=True)]),
        copy.deepcopy(G.graph),
    )


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --------------------------------------------------------------------------- what is drawn


@pytest.mark.parametrize("case", CASES)
def test_every_actor_and_tie_is_drawn_once(case):
    G = graph(case)
    m = map_model(G)
    assert sorted(n["id"] for n in m["nodes"]) == sorted(G)
    assert len(m["edges"]) == G.number_of_edges()
    assert {frozenset((e["from"], e["to"])) for e in m["edges"]} == {frozenset(e) for e in G.edges()}
    assert m["meta"]["counts"] == {"nodes": len(G), "edges": G.number_of_edges(), "actors": len(G)}


@pytest.mark.parametrize("case", CASES)
def test_sizes_follow_bridging_score_and_marks_follow_the_analysis(case):
    G = graph(case)
    m = map_model(G)
    score = {r["id"]: r["score"] for r in bridging_scores(G)}
    for n in m["nodes"]:
        assert n["size"] == pytest.approx(10 + 26 * score[n["id"]], abs=0.01)
    ranked = sorted(m["nodes"], key=lambda n: -n["score"])
    assert ranked[0]["size"] == max(n["size"] for n in m["nodes"])
    assert {n["id"] for n in m["nodes"] if n["articulation"]} == set(nx.articulation_points(G))
    expected = set(marked_coordinators(G))  # ★: the few that alone link the most pairs (issue 21)
    assert {n["id"] for n in m["nodes"] if n["coordinator"]} == expected
    assert {n["id"] for n in m["nodes"] if n["shape"] == "star"} == expected


def test_nippa_marks_the_council_not_the_coordinator_whose_people_have_met():
    """③: Sさん gathered people who then talked together (「一緒に話し合いをしました」): Sさん is no longer the only
    link between any of them, so no ★ and no cut point; the council, the sole link of the art walk's people, is."""
    m = map_model(graph("nippa"))
    node = {n["id"]: n for n in m["nodes"]}
    assert not node["coordinator-s"]["coordinator"] and not node["coordinator-s"]["articulation"]
    assert node["nippa-council"]["coordinator"]
    assert [x["mark"] for x in m["legend"]["marks"]] == [
        "coordinator",
        "articulation",
        "inferred",
    ]  # nippa has inferred ties


def test_legends_list_what_is_drawn():
    G = graph("nippa")
    m = map_model(G)
    assert [s["id"] for s in m["legend"]["sectors"]] == [
        s for s in G.graph["sectors"] if s in {d["sector"] for _, d in G.nodes(data=True)}
    ]
    assert {e["type"] for e in m["legend"]["edges"]} == {e["type"] for e in m["edges"]}
    for e in m["legend"]["edges"]:
        assert e["directed"] == G.graph["relation_types"].get(e["type"], {}).get("directed", False)
    assert m["legend"]["kinds"] == []


def test_agreements_and_subsidies_look_different_and_directed_ties_have_arrows():
    a, s = EDGE_STYLES["agreement"], EDGE_STYLES["subsidy"]
    assert a["colour"] != s["colour"] and (a["dashes"] is None) != (s["dashes"] is None)
    m = map_model(graph_from_cases(load_cases([HOSTILE])))
    by_type = {e["type"]: e for e in m["edges"]}
    assert by_type["subsidy"]["arrows"] == "to"
    assert (by_type["subsidy"]["from"], by_type["subsidy"]["to"]) == ("ward-office", "evil-npo")
    assert by_type["agreement"]["arrows"] == ""
    assert by_type["agreement"]["width"] > by_type["project"]["width"]


def test_a_tie_is_styled_by_its_most_formal_relation():
    G = graph("dream-heights")
    m = map_model(G)
    for e in m["edges"]:
        types = G.edges[e["from"], e["to"]]["types"]
        assert e["types"] == types
        if types != ["project"]:
            assert e["type"] != "project" and e["type"] in types


@pytest.mark.parametrize("depth", [1, 2])
def test_focus_draws_the_ego_network(depth):
    G = graph("nippa")
    m = map_model(G, focus="coordinator-s", depth=depth)
    assert {n["id"] for n in m["nodes"]} == set(nx.ego_graph(G, "coordinator-s", radius=depth))
    assert "コーディネーターSさん" in m["meta"]["subtitle"]


def test_unknown_focus_suggests_the_closest_id():
    with pytest.raises(KyodoError) as err:
        map_model(graph("nippa"), focus="coordinater-s")
    assert "did you mean 'coordinator-s'" in err.value.message("en")
    assert "もしかして「coordinator-s」" in err.value.message("ja")


def test_sector_subset_keeps_only_those_actors():
    G = graph("nippa")
    m = map_model(G, sectors=["person", "school"])
    assert {n["id"] for n in m["nodes"]} == {n for n, d in G.nodes(data=True) if d["sector"] in ("person", "school")}
    assert all(e["from"] in {n["id"] for n in m["nodes"]} for e in m["edges"])
    with pytest.raises(KyodoError) as err:
        map_model(G, sectors=["npx"])
    assert "did you mean 'npo'" in err.value.message("en")


def test_year_draws_the_network_as_it_stood():
    G = graph("nippa", year=1999)
    m = map_model(G)
    assert len(m["nodes"]) == len(G) < len(graph("nippa"))
    assert "coordinator-s" not in {n["id"] for n in m["nodes"]}  # joined in 2000
    assert "1999年時点" in m["meta"]["subtitle"]


def test_projects_view_has_two_kinds_of_node():
    G = graph("akuwa-north", view="projects")
    m = map_model(G, lang="both")
    kinds = {n["kind"]: n["shape"] for n in m["nodes"]}
    assert kinds == {"actor": "dot", "project": "square"}
    assert len(m["nodes"]) == len(G) and len(m["edges"]) == G.number_of_edges()
    assert [k["kind"] for k in m["legend"]["kinds"]] == ["actor", "project"]
    assert all(e["type"] == "participation" for e in m["edges"])


def test_both_languages():
    m = map_model(graph("dream-heights"), lang="both")
    assert " / " in m["meta"]["title"] and "Flat Station Dream" in m["meta"]["title"]
    council = next(n for n in m["nodes"] if n["id"] == "dream-heights-council")
    assert "\n" in council["label"]
    assert m["ui"]["search"] == "名前で検索 / Search by name"


# --------------------------------------------------------------------------- public maps


def test_public_map_hides_private_names_contacts_and_notes():
    G = graph_from_cases(load_cases([HOSTILE]))
    full = json.dumps(map_model(G), ensure_ascii=False)
    assert "山田花子" in full and "school@example.invalid" in full
    m = map_model(graph_from_names([HOSTILE], public=True))
    text = json.dumps(m, ensure_ascii=False)
    for secret in ("山田花子", "Hanako", "hanako-yamada", "090-0000-0000", "自宅"):
        assert secret not in text
    assert "school@example.invalid" not in text  # a phone or e-mail is withheld whoever it belongs to (issue 18)
    node = next(n for n in m["nodes"] if n["id"].startswith("private-"))
    assert node["label"] == "コーディネーター" and node["coordinator"] is False
    page = html_from_model(m)
    assert "山田花子" not in page and "090-0000-0000" not in page


def test_public_nippa_map_shows_persons_by_role():
    m = map_model(graph_from_names(["nippa"], public=True))
    text = json.dumps(m, ensure_ascii=False)
    assert "コーディネーターSさん" not in text and "coordinator-s" not in text
    assert any(n["label"] == "コーディネーター" for n in m["nodes"])  # by role


# --------------------------------------------------------------------------- escaping, writing, purity


def test_json_for_script_cannot_break_out():
    data = {"a": "</script><script>alert(1)</script>", "b": "<!-- & -->", "c": "\u2028\u2029"}
    text = json_for_script(data)
    for ch in "<>&\u2028\u2029":
        assert ch not in text
    assert json.loads(text) == data


def test_hostile_text_never_reaches_the_page_as_markup():
    page = html_from_model(map_model(graph_from_cases(load_cases([HOSTILE]))))
    start = page.index('<script type="application/json" id="kyodo-data">')
    data = page[start : page.index("</script>", start)]
    assert "<img" not in data and "</script" not in data.lower()
    assert page.count("</script>") == 3  # data, vis-network, the page's own script
    assert "onerror" not in page[:start]  # the head holds only the escaped <title>
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=2" in page


def test_the_analysis_graph_is_not_mutated():
    for public, kw in (
        (False, {}),
        (True, {}),
        (False, {"focus": "coordinator-s", "depth": 2}),
        (False, {"sectors": ["person"]}),
    ):
        G = graph_from_names(["nippa"], public=public)
        before = snapshot(G)
        map_model(G, **kw)
        assert snapshot(G) == before
    H = graph_from_names(["nippa"], view="projects", public=True)
    before = snapshot(H)
    map_model(H, lang="both")
    assert snapshot(H) == before


def test_same_data_same_map():
    a = html_from_model(map_model(graph("akuwa-north")))
    b = html_from_model(map_model(graph("akuwa-north")))
    assert a == b


def test_writing_creates_only_the_requested_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "maps" / "nippa.html"
    write_map(map_model(graph("nippa")), out)
    assert files_under(tmp_path) == ["maps", "maps/nippa.html"]
    text = out.read_bytes().decode("utf-8")  # UTF-8 whatever the locale
    assert "新羽駅周辺まちづくり" in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?https?:|@import""", text)
    assert oct(out.stat().st_mode & 0o777) == "0o644"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    out = tmp_path / "m.html"
    out.write_text("old", encoding="utf-8")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(_write.os, "replace", broken)
    with pytest.raises(KyodoError, match="disk full"):
        write_html_map(map_model(graph("dream-heights")), out)
    assert files_under(tmp_path) == ["m.html"] and out.read_text(encoding="utf-8") == "old"
    monkeypatch.undo()
    write_html_map(map_model(graph("dream-heights")), out)
    assert files_under(tmp_path) == ["m.html"] and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_all_bundled_maps_and_an_index(tmp_path):
    assert district_cases() == [c for c in sorted(CASES) if c not in NOT_DISTRICTS]
    written = write_maps([(f"{c}.html", map_model(graph(c))) for c in district_cases()], tmp_path / "out")
    assert [p.name for p in written] == [f"{c}.html" for c in district_cases()] + ["maps.html"]
    index = (tmp_path / "out" / "maps.html").read_text(encoding="utf-8")
    assert all(f'href="{c}.html"' in index for c in district_cases())
    assert files_under(tmp_path) == ["out"] + [f"out/{p.name}" for p in sorted(written)]


# --------------------------------------------------------------------------- the command


def test_cli_map_writes_outputs_case_html(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["map", "dream-heights"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == os.path.join("outputs", "dream-heights-map.html")
    assert files_under(tmp_path) == ["outputs", "outputs/dream-heights-map.html"]


def test_cli_map_options(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(
        cli,
        ["map", "nippa", "--focus", "coordinator-s", "--depth", "2", "--public", "--lang", "en", "-o", "handout.html"],
    )
    assert r.exit_code == 0, r.stderr
    assert "Coordinator S" not in (tmp_path / "handout.html").read_text(encoding="utf-8")
    r = runner.invoke(cli, ["map", "nippa", "akuwa-north", "--view", "projects", "-o", "two/"])
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "two" / "nippa_akuwa-north-map-projects.html").is_file()


def test_cli_map_errors(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(cli, ["--lang", "en", "map", "nippa", "--focus", "coordinater-s"])
    assert r.exit_code == 1 and r.stdout == ""
    assert "did you mean 'coordinator-s'?" in r.stderr and "Traceback" not in r.stderr
    r = runner.invoke(cli, ["--lang", "en", "map", "nippa", "--depth", "2"])
    assert r.exit_code == 2 and "--depth needs --focus" in r.stderr
    r = runner.invoke(cli, ["--lang", "en", "map", "nippa", "--sector", "npx"])
    assert r.exit_code == 1 and "did you mean 'npo'?" in r.stderr
    r = runner.invoke(cli, ["--lang", "en", "map", "nippa", "-o", "x.png", "--format", "svg"])
    assert r.exit_code == 2
    assert files_under(tmp_path) == []


def test_cli_map_help_has_examples(runner):
    r = runner.invoke(cli, ["map", "--help", "--lang", "en"])
    assert r.exit_code == 0 and "Example:" in r.stdout and "kyodo map nippa" in r.stdout


def test_default_names_keep_selections_apart():
    from kyodo_network.render.outputs import output_name

    names = {
        output_name(["nippa"], "map"),
        output_name(["nippa"], "map", year=2005),
        output_name(["nippa"], "map", sectors=["person", "school"]),
        output_name(["nippa"], "map", view="projects"),
    }
    assert len(names) == 4


# --------------------------------------------------------------------------- label wrapping (kinsoku shori)


def _bundled_names():
    names = set()
    for case in [*district_cases(), "yokohama-city"]:
        for _, d in graph_from_cases(load_cases([case])).nodes(data=True):
            names.add(short_label(d["name"]))
            if d.get("name_en"):
                names.add(short_label(d["name_en"]))
    return sorted(names)


@pytest.mark.parametrize(
    "text, words",
    [
        ("阿久和北部見守りネットワーク実行委員会", ["ネットワーク", "実行委員会"]),
        ("ふらっとステーション・ドリーム", ["ドリーム", "ステーション"]),
        ("ドリームハイツ地域運営協議会", ["ドリームハイツ"]),
        ("神奈川区区民活動支援センター", ["センター", "区民"]),
        ("横浜市市民活動支援センターと協働するNPO法人", ["センター", "NPO法人", "市民"]),
        ("ドリームハイツの自治会（その1・名称不明）", ["ドリームハイツ", "（その"]),
    ],
)
def test_labels_break_between_words(text, words):
    for width in (12, 16, 24):
        lines = wrap_label(text, width).split("\n")
        assert "".join(lines) == text
        for word in words:
            if len(word) * 2 <= width:
                assert any(word in line for line in lines), (width, lines)


def test_no_line_starts_with_a_prolonged_sound_mark_punctuation_closing_bracket_or_small_kana():
    for text in ("ネットワーク", "ドリーム", "あ、い。う」え』お】か）きゃくっけょこァさー", "（その1・名称不明）ーー"):
        for width in range(2, 2 * len(text) + 1):
            lines = wrap_label(text, width).split("\n")
            assert "".join(lines) == text
            assert not [ln for ln in lines[1:] if ln[0] in NO_LINE_START], (width, lines)
            assert not [ln for ln in lines[:-1] if ln[-1] in NO_LINE_END], (width, lines)
    assert wrap_label("ネットワーク", 8) != "ネットワ\nーク"
    assert "ド\nリーム" not in wrap_label("ドリームハイツ", 4)


def test_english_labels_wrap_like_textwrap_and_never_mid_word():
    import textwrap

    english = [n for n in _bundled_names() if n.isascii()]
    assert len(english) > 50
    for name in english:
        for width in (16, 26):
            ours = wrap_label(name, width).split("\n")
            ref = textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False)
            if len(ref[-1]) > 2:  # textwrap has no rule against a last line of one or two letters
                assert ours == ref, name


def test_every_bundled_label_keeps_its_text_and_obeys_kinsoku():
    for name in _bundled_names():
        lines = wrap_label(name, 24).split("\n")
        assert " ".join(lines).replace(" ", "") == name.replace(" ", "")
        assert not [ln for ln in lines[1:] if ln[0] in NO_LINE_START], lines
        assert not [ln for ln in lines[:-1] if ln[-1] in NO_LINE_END], lines


def test_a_year_map_states_what_it_assumed():
    # Records with no year are drawn as present: the subtitle says how many (issue 11).
    G = graph_from_names(["dream-heights"], year=2005)
    n = sum(len(G.graph["undated"].get(k, [])) for k in ("actors", "relations", "projects"))
    assert n > 0
    assert f"年の記録がない{n}件は2005年にもあったものとして表示" in map_model(G)["meta"]["subtitle"]
    assert "年の記録がない" not in map_model(graph_from_names(["dream-heights"]))["meta"]["subtitle"]


def test_the_legend_explains_faded_lines_only_when_there_are_some():
    G = graph_from_names(["dream-heights"])
    inferred = any(d.get("inferred") for _, _, d in G.edges(data=True))
    marks = [m["mark"] for m in map_model(G)["legend"]["marks"]]
    assert ("inferred" in marks) == inferred
    assert inferred  # the bundled case has ties that rest on inference
