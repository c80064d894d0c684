"""``kyodo match`` (issue 23): offers and needs matched by meaning, both ways first, with the acquaintance.

The cases are small graphs written here; the meanings come from the handbook's words (the support centres'
services: 活動場所, 相談, 講座・研修, チラシの配架) and their everyday variants (集会所, ボランティア).
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from kyodo_network.analysis.match import match_offers_needs
from kyodo_network.analysis.suggest import suggest_introductions
from kyodo_network.cli import cli
from kyodo_network.resources import RESOURCE_GROUPS, ResourceWordsError, read_resource_words, resource_table


def graph(edges=(), **nodes) -> nx.Graph:
    G = nx.Graph()
    for n, attrs in nodes.items():
        G.add_node(n, **{"name": n, "sector": "npo", **attrs})
    for a, b in edges:
        G.add_edge(a, b, relations=[{"type": "cooperation", "from": a, "to": b}], weight=2)
    return G


# --- the table ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "meanings"),
    [
        ("会場", ("venue",)),
        ("集会所", ("venue",)),
        ("会議室", ("venue",)),
        ("部屋の貸し出し", ("venue",)),
        ("会場が足りない", ("venue",)),
        ("ＶＥＮＵＥ", ("venue",)),
        ("人手", ("helpers",)),
        ("担い手不足", ("helpers",)),
        ("資金", ("funding",)),
        ("協賛", ("funding",)),
        ("回覧板で周知", ("publicity",)),
        ("チラシ", ("publicity",)),
        ("送迎", ("transport",)),
        ("車両の貸し出し", ("transport",)),
        ("講師", ("expertise",)),
        ("助言", ("expertise",)),
        ("食材", ("food",)),
        ("食品の提供", ("food",)),
        ("相談", ("consultation",)),
        ("情報", ("information",)),
        ("送迎と運転ボランティア", ("transport", "helpers")),
        ("PR", ("publicity",)),
    ],
)
def test_words_are_read_by_meaning(cell, meanings):
    assert resource_table().meanings(cell) == meanings


@pytest.mark.parametrize(
    "cell",
    ["特になし", "なし", "無し", "特に無し", "該当なし", "-", "なし。", "特になし（今のところ）", "　特になし　", ""],
)
def test_none_is_no_need(cell):
    assert resource_table().meanings(cell) == ()


def test_words_that_hold_a_word_but_mean_else():
    t = resource_table()
    assert t.meanings("居場所") == ("居場所",)  # 場所 inside 居場所 is not a venue
    assert t.meanings("Japan") == ("Japan",)  # nor a Latin word inside another
    assert t.meanings("盆踊り") == ("盆踊り",)  # an unknown word keeps its own words: two 盆踊り still match


def test_every_bundled_resource_word_names_its_own_group():
    # the words of the bundled data are each their own meaning, so suggest's numbers on them do not move
    t = resource_table()
    for word in ("会場", "人手", "資金", "広報", "専門知識", "研修", "相談", "情報", "調整", "物品", "協働の相手"):
        (m,) = t.meanings(word)
        assert t.label(m) == word
    assert (
        len(
            {
                t.meanings(w)
                for w in (
                    "会場",
                    "人手",
                    "資金",
                    "広報",
                    "専門知識",
                    "研修",
                    "相談",
                    "情報",
                    "調整",
                    "物品",
                    "協働の相手",
                )
            }
        )
        == 11
    )
    assert all(g.name_en for g in RESOURCE_GROUPS.values())


# --- the pairs ------------------------------------------------------------------------------------------------


def test_a_need_for_a_venue_meets_an_offer_of_a_hall_both_ways_with_the_reason():
    G = graph(
        a={"name": "みどり自治会", "sector": "neighbourhood", "offers": ["集会所"], "needs": ["ボランティア"]},
        b={"name": "NPOあおば", "offers": ["人手"], "needs": ["会場が足りない"]},
        c={"name": "子ども会", "sector": "neighbourhood", "needs": ["会場"]},
    )
    rows = match_offers_needs(G)
    first = rows[0]
    assert {first["a"], first["b"]} == {"a", "b"} and first["both_ways"] and first["kind"] == "both_ways"
    venue = next(g for g in first["gives"] if g["meaning"] == "venue")
    assert (venue["from"], venue["to"], venue["offered"], venue["needed"]) == ("a", "b", ["集会所"], ["会場が足りない"])
    assert first["reasons"]["ja"].startswith("双方にメリット：")
    assert "会場（「集会所」→「会場が足りない」）" in first["reasons"]["ja"]
    assert first["reasons"]["en"].startswith("Both sides gain:") and "a venue" in first["reasons"]["en"]
    # one-way pairs follow, said as one-way
    rest = rows[1:]
    assert [(r["a"], r["b"], r["kind"]) for r in rest] == [("a", "c", "one_way")]
    assert not rest[0]["reasons"]["ja"].startswith("双方")


def test_nothing_in_particular_is_no_need():
    G = graph(a={"offers": ["集会所", "人手"]}, b={"needs": ["特になし"]}, c={"needs": ["なし"]})
    assert match_offers_needs(G) == []


def test_the_acquaintance_and_the_introducer_are_shown():
    G = graph(
        [("a", "x"), ("x", "b"), ("a", "c")],
        a={"offers": ["会議室"]},
        b={"needs": ["会場"]},
        c={"needs": ["部屋"]},
        x={"name": "地区社協"},
    )
    rows = {r["b"]: r for r in match_offers_needs(G)}
    assert rows["b"]["introducers"] == ["x"] and not rows["b"]["tied"]
    assert "紹介役: 地区社協" in rows["b"]["reasons"]["ja"] and "Introducer: 地区社協" in rows["b"]["reasons"]["en"]
    assert rows["c"]["tied"] and rows["c"]["ties"] == ["cooperation"]
    assert "すでに関係があります" in rows["c"]["reasons"]["ja"]
    # a pair not yet tied comes before a pair already tied
    assert [r["b"] for r in match_offers_needs(G)] == ["b", "c"]


def test_a_support_centre_is_where_to_ask_when_nobody_is_in_common():
    G = graph(a={"offers": ["会場"], "ward": "港南区"}, b={"needs": ["会場"], "ward": "港南区"})
    centres = [{"id": "centre", "name": "港南区民活動支援センター", "name_en": "Konan centre", "ward": "港南区"}]
    (row,) = match_offers_needs(G, support_centres=centres)
    assert row["ask_at"] == ["centre"] and "相談先: 港南区民活動支援センター" in row["reasons"]["ja"]


def test_a_body_and_its_own_member_are_not_matched():
    G = graph(a={"name": "連合自治会", "offers": ["会場"]}, b={"name": "第一自治会", "needs": ["会場"]})
    G.add_edge("b", "a", relations=[{"type": "member", "from": "b", "to": "a"}])
    assert match_offers_needs(G) == []


def test_for_actor_keeps_its_pairs_and_puts_it_first():
    G = graph(a={"offers": ["会場"]}, b={"needs": ["会場"]}, c={"needs": ["会場"]})
    rows = match_offers_needs(G, for_actor="b")
    assert [(r["a"], r["b"]) for r in rows] == [("b", "a")]


def test_suggest_counts_offers_and_needs_by_the_same_meaning():
    G = graph(
        [("h", "p"), ("h", "q")],
        h={"sector": "support"},
        p={"needs": ["会場が足りない", "特になし"]},
        q={"offers": ["集会所"], "sector": "company"},
    )
    row = next(r for r in suggest_introductions(G) if {r["a"], r["b"]} == {"p", "q"})
    assert row["offers_needs"] == [{"from": "q", "to": "p", "item": "会場"}]
    assert row["parts"]["complement"] == 1.0
    assert "pが求める会場をqが提供でき" in row["reasons"]["ja"]


# --- the user's own words -------------------------------------------------------------------------------------


def test_a_words_file_adds_words_and_groups(tmp_path):
    f = tmp_path / "words.yaml"
    f.write_text(
        "format: kyodo-words/1\n会場: [地区センターの和室]\n託児:\n  name_en: childcare\n  words: [一時保育]\n",
        encoding="utf-8",
    )
    t = read_resource_words(f)
    assert t.meanings("地区センターの和室") == ("venue",) and t.meanings("集会所") == ("venue",)
    assert t.meanings("一時保育") == ("託児",) and t.label("託児", "en") == "childcare"
    G = graph(a={"offers": ["一時保育"]}, b={"needs": ["託児"]})
    assert [g["item"] for g in match_offers_needs(G, resources=t)[0]["gives"]] == ["託児"]
    assert match_offers_needs(G) == []  # not without the file


def test_a_bad_words_file_says_every_problem_at_once(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("会場: 3\n託児: {words: [一時保育], colour: red}\nformat: kyodo-words/9\n", encoding="utf-8")
    with pytest.raises(ResourceWordsError) as err:
        read_resource_words(f)
    lines = err.value.message("en").splitlines()
    assert len(lines) == 3 and all(line.startswith(str(f)) for line in lines)
    dup = tmp_path / "dup.yaml"
    dup.write_text("会場: [a]\n会場: [b]\n", encoding="utf-8")
    with pytest.raises(ResourceWordsError, match="duplicate"):
        read_resource_words(dup)


# --- the command ----------------------------------------------------------------------------------------------


def test_cli_table_csv_json_and_english(runner, tmp_path):
    ja = runner.invoke(cli, ["match", "kodomo-fudo", "konandai-playpark", "--top", "3"])
    assert ja.exit_code == 0, ja.output
    assert ja.stdout.splitlines()[0].split()[:4] == ["順位", "種類", "アクター", "相手"]
    assert "会場" in ja.stdout and "提供できます" in ja.stdout
    en = runner.invoke(cli, ["match", "kodomo-fudo", "konandai-playpark", "--top", "3", "--lang", "en"])
    assert en.exit_code == 0 and "can offer what" in en.stdout and "提供" not in en.stdout
    out = runner.invoke(cli, ["match", "kodomo-fudo", "--format", "csv"])
    header = next(csv.reader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    assert header[:4] == ["順位", "種類", "アクターの識別子", "アクター"]
    rows = json.loads(runner.invoke(cli, ["match", "kodomo-fudo", "--format", "json"]).stdout)
    assert rows and {"a", "b", "kind", "gives", "tied", "introducers", "reasons"} <= set(rows[0])
    words = tmp_path / "w.yaml"
    words.write_text("会場: 3\n", encoding="utf-8")
    bad = runner.invoke(cli, ["match", "kodomo-fudo", "--words", str(words)])
    assert bad.exit_code == 1 and "Traceback" not in bad.output and "会場" in bad.stderr


def test_the_words_file_errors_speak_both_languages(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("会場: 3\n", encoding="utf-8")
    with pytest.raises(ResourceWordsError) as err:
        read_resource_words(f)
    assert "のように並べてください" in err.value.message("ja") and "list the words" in err.value.message("en")
