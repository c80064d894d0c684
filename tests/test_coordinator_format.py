"""A coordinator's own file: no cite, no English, no ids, relations by name, Japanese words, 和暦 years.

``tests/data/valid/coordinator.yaml`` is that file; the test writes its CP932, BOM+CRLF and UTF-16 copies and
checks each loads to the same network, which then answers ``bridges`` and ``whatif --remove NAME`` through the
library. The expected cut points are computed by networkx on the graph, not pasted from our output.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
import yaml

from kyodo_network import CaseDataError, graph_from_cases, load_cases
from kyodo_network.analysis.bridges import bridging_scores
from kyodo_network.analysis.risk import what_if
from kyodo_network.cli import cli
from kyodo_network.names import ActorNameError, resolve_actor
from kyodo_network.words import accepted_words, key, relation_words, sector_words

VALID = Path(__file__).parent / "data" / "valid"
DATASETS = Path(__file__).parent.parent / "datasets"
COORDINATOR = VALID / "coordinator.yaml"


def encodings(tmp_path: Path) -> dict[str, Path]:
    text = COORDINATOR.read_text(encoding="utf-8")
    out = {"utf-8": COORDINATOR}
    copies = {
        "cp932": text.encode("cp932"),
        "bom-crlf": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        "utf-16": text.encode("utf-16"),
    }  # Python writes UTF-16 with a BOM
    for name, raw in copies.items():
        (tmp_path / name).mkdir()
        out[name] = tmp_path / name / "coordinator.yaml"
        out[name].write_bytes(raw)
    return out


def network(case) -> tuple:
    actors = sorted((a.id, a.name, a.sector, a.since, a.visibility) for a in case.actors)
    relations = sorted((r.source, r.target, r.type, r.since, r.weight) for r in case.relations)
    return actors, relations, [(p.id, tuple(x.id for x in p.participants), p.since) for p in case.projects]


def test_coordinator_file_reads_as_written():
    [case] = load_cases([COORDINATOR])
    assert case.id == "coordinator" and case.district.name_en == "" and case.district.ward == "瀬谷区"
    by_name = {a.name: a for a in case.actors}
    assert by_name["みどり台自治会"].sector == "neighbourhood" and by_name["みどり台自治会"].since == 1985
    assert by_name["ＮＰＯ法人 みどりの森"].sector == "npo" and by_name["ＮＰＯ法人 みどりの森"].since == 2013
    assert by_name["地域ケアプラザみどり"].since == 2000  # H12
    assert by_name["子ども食堂実行委員会"].since == 2020  # 令和2年度
    assert by_name["みどり台小PTA"].sector == "school" and by_name["みどり商店会"].sector == "company"
    assert by_name["民生委員Aさん"].sector == "person"
    # No cite written: the file-level source is the citation; no English invented.
    assert all(a.cite == "聞き取り（2024年 区民活動センター）" for a in case.actors if a.id != "seya-shakyo")
    assert by_name["みどり台自治会"].name_en == ""
    # The bundled 瀬谷区社会福祉協議会 of the included akuwa-north is the same actor, with its English name.
    assert by_name["瀬谷区社会福祉協議会"].id == "seya-shakyo"
    assert by_name["瀬谷区社会福祉協議会"].name_en == "Seya Ward Council of Social Welfare"
    types = {(r.source, r.type, r.since, r.weight) for r in case.relations}
    assert ("seya-shakyo", "subsidy", 2021, 2) in types  # 補助金, ２０２１年度
    assert (
        "NPO法人-みどりの森",
        "co_host",
        None,
        3,
    ) in types  # id: the name NFKC-normalised, space as hyphen; weight ３
    [project] = case.projects
    assert project.id == "みどり子ども食堂" and project.since == 2021
    assert [x.id for x in project.participants] == ["子ども食堂実行委員会", "みどり商店会", "NPO法人-みどりの森"]


@pytest.mark.parametrize("encoding", ["cp932", "bom-crlf", "utf-16"])
def test_the_copies_windows_writes_load_to_the_same_network(tmp_path, encoding):
    files = encodings(tmp_path)
    [original] = load_cases([files["utf-8"]])
    [copy] = load_cases([files[encoding]])
    assert network(copy) == network(original)
    assert [a.origin.line for a in copy.actors] == [a.origin.line for a in original.actors]


@pytest.mark.parametrize("encoding", ["utf-8", "cp932", "bom-crlf"])
def test_bridges_and_whatif_by_name(tmp_path, encoding):
    G = graph_from_cases(load_cases([encodings(tmp_path)[encoding]]))
    U = nx.Graph(G)
    cut = {r["id"] for r in bridging_scores(G) if r["articulation"]}
    assert cut == set(nx.articulation_points(U))
    assert "子ども食堂実行委員会" in cut
    who = resolve_actor(G, "子ども食堂 実行委員会")  # a stray space does not matter
    assert who == "子ども食堂実行委員会"
    result = what_if(G, [who])
    U.remove_node(who)
    assert result["components_after"] == nx.number_connected_components(U)


def test_whatif_remove_name_in_the_cli(runner):
    result = runner.invoke(cli, ["validate", str(COORDINATOR)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["bridges", str(COORDINATOR)]).exit_code == 0


def test_resolve_actor_says_what_is_wrong(monkeypatch):
    G = graph_from_cases(load_cases([COORDINATOR]))
    monkeypatch.setenv("KYODO_LANG", "en")
    with pytest.raises(ActorNameError, match="did you mean 'みどり台自治会'"):
        resolve_actor(G, "みどり台自冶会")
    G.add_node("twin", kind="actor", name="瀬谷区社会福祉協議会", name_en="")
    with pytest.raises(ActorNameError, match=r"fits more than one actor: .*\(id seya-shakyo\), .*\(id twin\)"):
        resolve_actor(G, "瀬谷区社会福祉協議会")
    assert resolve_actor(G, "seya-shakyo") == "seya-shakyo"  # an id always wins
    monkeypatch.setenv("KYODO_LANG", "ja")
    with pytest.raises(ActorNameError, match="複数あります"):
        resolve_actor(G, "瀬谷区社会福祉協議会")


def test_an_unknown_encoding_is_named(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "euc.yaml").write_bytes(COORDINATOR.read_text(encoding="utf-8").encode("euc_jp"))
    (tmp_path / "u16.yaml").write_bytes(COORDINATOR.read_text(encoding="utf-8").encode("utf-16-le"))
    with pytest.raises(CaseDataError) as info:
        load_cases(["euc.yaml"])
    assert info.value.problems[0].message("en").startswith("the file looks like EUC-JP")
    with pytest.raises(CaseDataError) as info:
        load_cases(["u16.yaml"])
    assert "UTF-16 without a byte-order mark" in info.value.problems[0].message("en")


def _problem_lines(stdout: str) -> list[str]:
    return [
        x
        for x in stdout.splitlines()
        if not x.startswith("  ") and "の読み取り" not in x and not x.startswith("what was understood of ")
    ]


def test_problems_in_japanese_by_default_and_english_on_request(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    # 商店 is a company word of the open vocabulary; a slip for 商店街 is a word no table knows.
    text = (
        COORDINATOR.read_text(encoding="utf-8")
        .replace("sector: 商店会", "sector: 商占街")
        .replace("since: H12", "since: 平成99")
    )
    (tmp_path / "broken.yaml").write_text(text, encoding="utf-8")
    monkeypatch.delenv("KYODO_LANG", raising=False)
    ja = runner.invoke(cli, ["validate", "broken.yaml"])
    en = runner.invoke(cli, ["validate", "broken.yaml"], env={"KYODO_LANG": "en"})
    assert ja.exit_code == en.exit_code == 1
    # A sector word no table knows (商占街) is kept as written under その他: never a problem (the open vocabulary).
    # (what was understood comes first, under a heading line and indented: the problems are the unindented lines)
    assert _problem_lines(ja.stdout) == [
        "broken.yaml:24:12: 「since」の「平成99」はありえない年です（平成は1〜31年） (bad-year)",
    ]
    assert _problem_lines(en.stdout) == [
        "broken.yaml:24:12: 'since' is '平成99', which is impossible (平成 runs from 1 to 31) (bad-year)",
    ]
    assert "種別「商占街」は言葉の表にないので" in ja.stdout  # said, as a note
    # Every other command prints the same problems on stderr in the chosen language.
    assert "ありえない年" in runner.invoke(cli, ["bridges", "broken.yaml"]).stderr
    assert "impossible" in runner.invoke(cli, ["bridges", "broken.yaml"], env={"KYODO_LANG": "en"}).stderr


# --- one table of accepted words, the same in datasets/README.md ----------------------------------------------

REQUIRED_SECTOR_WORDS = (
    "自治会 町内会 自治会町内会 NPO NPO法人 市民活動団体 ボランティア 企業 会社 商店街 商店会 学校 小学校 "
    "中学校 大学 PTA 区役所 市役所 行政 社協 社会福祉協議会 地域ケアプラザ 区民活動センター "
    "市民活動支援センター 協議会 実行委員会 個人"
).split()


def test_the_words_coordinators_use_are_accepted():
    words = {key(w) for w in sector_words()}
    assert [w for w in REQUIRED_SECTOR_WORDS if key(w) not in words] == []
    types = relation_words()
    for word in ("協定", "補助", "助成", "補助金", "メンバー", "協働協定", "構成員", "場所の提供"):
        assert key(word) in {key(w) for w in types}, word


def test_no_word_means_two_things():
    from kyodo_network.model import RELATION_TYPES, SECTORS
    from kyodo_network.words import RELATION_WORDS, SECTOR_WORDS

    for table, own in (
        (SECTOR_WORDS, [(s.id, (s.id, s.name, s.short, s.name_en, s.short_en)) for s in SECTORS.values()]),
        (RELATION_WORDS, [(t.id, (t.id, t.name, t.name_en)) for t in RELATION_TYPES.values()]),
    ):
        seen: dict[str, str] = {}
        for ident, words in own + list(table.items()):
            for w in words:
                if w:
                    assert seen.setdefault(key(w), ident) == ident, w


def test_readme_lists_every_accepted_word():
    section = (DATASETS / "README.md").read_text(encoding="utf-8").split("## Accepted words", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (sector|type) \| `([^`]+)` \| (.+) \|$", section, flags=re.MULTILINE)
    listed = {(kind, ident, tuple(re.findall(r"`([^`]+)`", words))) for kind, ident, words in rows}
    expected = set()
    for kind, pairs in accepted_words().items():
        by_id: dict[str, list[str]] = {}
        for word, ident in pairs:
            by_id.setdefault(ident, []).append(word)
        expected |= {(kind, ident, tuple(ws)) for ident, ws in by_id.items()}
    assert listed == expected


# --- the bundled data keep their own citations -------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(DATASETS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_record_has_its_own_cite(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    records = [doc["district"], *doc.get("actors", []), *doc.get("relations", []), *doc.get("projects", [])]
    assert all(isinstance(r.get("cite"), str) and r["cite"].strip() for r in records)


def test_the_short_example_in_the_format_guide_loads(tmp_path):
    doc = (DATASETS / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yml\n(.*?)```", doc, flags=re.S).group(1)
    (tmp_path / "my-district.yaml").write_text(example, encoding="utf-8")
    [case] = load_cases([tmp_path / "my-district.yaml"])
    G = graph_from_cases([case])
    assert case.id == "my-district" and "seya-shakyo" in G
    assert G.nodes["seya-shakyo"]["name_en"] == "Seya Ward Council of Social Welfare"
    assert G.edges["みどり台自治会", "子ども食堂実行委員会"]["relations"][0]["since"] == 2020
