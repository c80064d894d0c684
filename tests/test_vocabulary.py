"""The open vocabulary: an office's own word for an actor's kind (種別) or a tie is kept as written and placed under a
broad sector or relation type; every place that names an actor's kind shows the word with its sector.

The tables below are written by hand from the words real lists use (the brief of the open vocabulary), not read
from the code's table: a word moved to another sector by mistake fails here.
"""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_cases
from kyodo_network.lang import category_label, sector_with_categories, tie_label
from kyodo_network.model import SECTORS, Actor, Case, District, Relation, Sector
from kyodo_network.vocabulary import own_word, place_category, place_relation, placement_of_category
from kyodo_network.words import relation_type_of, sector_of

SECTOR_OF = {
    "neighbourhood": "自治会 町内会 連合自治会 連合町内会 自治連合会 地区連合 老人クラブ シニアクラブ 子ども会 子供会 婦人会 "
    "女性部 消防団 地区社協 地区社会福祉協議会 民生委員児童委員協議会 民児協 青少年指導員 スポーツ推進委員 "
    "保健活動推進員 防犯協会 地縁団体 管理組合",
    "npo": "NPO NPO法人 特定非営利活動法人 任意団体 ボランティア ボランティアグループ ボランティア団体 市民活動団体 市民団体 "
    "サークル 子育てサークル 当事者団体 一般社団法人",
    "company": "企業 企業・事業者 事業者 民間企業 会社 株式会社 商店 商店街 商店会 金融機関 銀行 信用金庫 医療機関 病院 診療所 "
    "クリニック 薬局 介護事業者 介護事業所 生協 農協 JA",
    "school": "学校 小学校 中学校 高校 高等学校 大学 専門学校 PTA 幼稚園 保育園 保育所",
    "government": "行政 区役所 市役所 市 区 局 課 所管課 地域振興課 公共施設 地区センター コミュニティハウス 土木事務所 消防署 "
    "警察署 交番",
    "support": "社協 区社協 社会福祉協議会 社会福祉法人 福祉施設 地域ケアプラザ ケアプラザ 地域包括支援センター 区民活動センター "
    "区民活動支援センター 市民活動支援センター 支援センター 中間支援",
    "council": "協議会 実行委員会 委員会 連絡会 ネットワーク 運営委員会 まちづくり協議会",
    "person": "個人 民生委員 児童委員 住民 有識者 専門家 コーディネーター 職員",
    "other": "その他 不明",
}

TYPE_OF = {
    "cooperation": "協働 協力 連携 一緒に活動 共同",
    "support": "寄付 寄附 協賛 後援 派遣 応援",
    "commission": "指定管理 委託 業務委託",
    "member": "代表 役員 所属 会員 加入 連合 参加 メンバー",
    "coordination": "担当 窓口",
    "agreement": "見守り協定 協定 覚書 協働協定",
    "advice": "相談 助言",
    "co_host": "共催 共同開催",
    "subsidy": "補助 助成 補助金 助成金",
    "venue": "会場提供 場所の提供 場所貸し",
    "information": "情報交換 情報共有",
    "founded": "設立",
}

SECTOR_CASES = [(w, s) for s, words in SECTOR_OF.items() for w in words.split()]
TYPE_CASES = [(w, t) for t, words in TYPE_OF.items() for w in words.split()]


# --- placing words ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word, sector", SECTOR_CASES)
def test_every_everyday_sector_word_is_placed(word, sector):
    assert place_category(word) == (sector, True)
    assert sector_of(word) == sector  # the exact table the older readers ask


@pytest.mark.parametrize("word, rtype", TYPE_CASES)
def test_every_everyday_relation_word_is_placed(word, rtype):
    assert place_relation(word) == (rtype, True)
    assert relation_type_of(word) == rtype


def test_support_and_its_kin_are_directed_giver_to_receiver():
    from kyodo_network.model import RELATION_TYPES

    assert all(RELATION_TYPES[place_relation(w)[0]].directed for w in TYPE_OF["support"].split())


@pytest.mark.parametrize("word", ["ＮＰＯ法人", "npo法人", "ｐｔａ", " 老人 クラブ ", "ＪＡ"])
def test_words_are_compared_by_width_case_and_spaces(word):
    assert place_category(word)[1] is True


@pytest.mark.parametrize("word", ["盆栽の会", "よくわからない団体", "", "   ", "Japan", "市民の会", "xyz"])
def test_an_unknown_sector_word_goes_under_other_unknown(word):
    assert place_category(word) == ("other", False)
    assert sector_of(word) is None


@pytest.mark.parametrize("word", ["よくわからない", "", "しりとり", "nop"])
def test_an_unknown_relation_word_is_a_cooperation_unknown(word):
    assert place_relation(word) == ("cooperation", False)
    assert relation_type_of(word) is None


@pytest.mark.parametrize(
    "word, sector, via",
    [
        ("日野南地区社協", "neighbourhood", "地区社協"),  # 地区社協 (4) beats 社協 (2)
        ("港南区社会福祉協議会", "support", "社会福祉協議会"),
        ("みなみ地区社会福祉協議会", "neighbourhood", "地区社会福祉協議会"),
        ("〇〇小学校PTA", "school", "小学校"),  # 小学校 and PTA, both school
        ("NPO法人みどり子ども会", "npo", "NPO法人"),  # NPO法人 (5) beats 子ども会 (4)
        ("ひかり台老人クラブ連合会", "neighbourhood", "老人クラブ"),
        ("戸塚区民生委員児童委員協議会", "neighbourhood", "民生委員児童委員協議会"),
        ("主任児童委員", "person", "児童委員"),
        ("PTA連絡協議会", "council", "協議会"),  # equally long: the word that ends it names its kind
        ("環境創造局", "government", "局"),  # a one-character word at the end
        ("JA横浜", "company", "JA"),  # Latin letters as a whole word
        ("〇〇薬局", "company", "薬局"),  # 薬局 (2) beats 局 (1)
        ("まちの見守りネットワーク", "council", "ネットワーク"),
    ],
)
def test_a_compound_is_placed_by_its_longest_known_word(word, sector, via):
    assert place_category(word) == (sector, True)
    assert placement_of_category(word).via == via
    assert sector_of(word) is None  # not in the table itself


def test_equally_long_words_of_two_sectors_with_neither_at_the_end_are_ambiguous():
    # PTA (school) and 協議会 (council), both three letters, and the word ends with neither.
    assert place_category("PTA協議会事務") == ("other", False)


@pytest.mark.parametrize(
    "word, rtype",
    [
        ("防災協定", "agreement"),
        ("補助金交付", "subsidy"),
        ("業務委託契約", "commission"),
        ("情報交換会", "information"),
        ("連携・協力", "cooperation"),
    ],
)
def test_a_relation_compound_is_placed_by_its_longest_known_word(word, rtype):
    assert place_relation(word) == (rtype, True)


def test_a_declared_sector_is_matched_first():
    shotengai = Sector("shotengai", "商店街", "Shopping street", "#b15928")
    assert place_category("商店街", [shotengai]) == ("shotengai", True)
    assert place_category("商店街") == ("company", True)
    assert place_category("Shopping street", [shotengai]) == ("shotengai", True)
    assert sector_of("商店街", [shotengai]) == "shotengai"


@pytest.mark.parametrize(
    "word, ident, kept",
    [
        ("老人クラブ", "neighbourhood", "老人クラブ"),
        ("　民児協 ", "neighbourhood", "民児協"),
        ("ＮＰＯ法人", "npo", "NPO法人"),
        ("neighbourhood", "neighbourhood", None),
        ("自治会町内会・地縁団体", "neighbourhood", None),  # the sector's own name
        ("自治会町内会", "neighbourhood", None),  # its short label
        ("Neighbourhood associations", "neighbourhood", None),
        ("npo", "npo", None),
        ("その他", "other", None),
        ("", "npo", None),
        (None, "npo", None),
        ("寄付", "support", "寄付"),
        ("支援", "support", None),  # the support type's own name
        ("支援機関", "support", None),  # the support sector's own label
        ("協力", "cooperation", None),
        ("見守り協定", "agreement", "見守り協定"),
        ("協働協定", "agreement", None),
    ],
)
def test_own_word_keeps_only_words_that_say_more_than_the_sector(word, ident, kept):
    assert own_word(word, ident) == kept


def test_own_word_knows_a_declared_sectors_names():
    shotengai = Sector("shotengai", "商店街", "Shopping street", "#b15928")
    assert own_word("商店街", "shotengai", declared=[shotengai]) is None
    assert own_word("駅前商店街", "shotengai", declared=[shotengai]) == "駅前商店街"


def test_the_other_sector_is_grey_and_named():
    other = SECTORS["other"]
    assert (other.name, other.name_en, other.colour) == ("その他", "Other", "#999999")


# --- showing the word ------------------------------------------------------------------------------------------


def _case() -> Case:
    district = District(id="midori", name="みどり台地区", name_en="Midori")
    actors = (
        Actor(id="rojin", name="みどり台シニアクラブ", sector="neighbourhood", category="老人クラブ"),
        Actor(id="kodomo", name="みどり台子ども会", sector="neighbourhood", category="子ども会"),
        Actor(id="jichikai", name="みどり台自治会", sector="neighbourhood"),
        Actor(id="clinic", name="みどりクリニック", sector="company", category="医療機関"),
        Actor(id="bonsai", name="盆栽の会", sector="other", category="盆栽の会"),
    )
    relations = (
        Relation(source="clinic", target="rojin", type="support", label="寄付"),
        Relation(source="rojin", target="jichikai", type="member"),
        Relation(source="kodomo", target="jichikai", type="agreement", label="見守り協定"),
        Relation(source="bonsai", target="jichikai", type="cooperation"),
    )
    return Case(path="midori.yaml", district=district, actors=actors, relations=relations)


@pytest.fixture(scope="module")
def G():
    return graph_from_cases([_case()])


def test_category_label_shows_the_word_and_falls_back_to_the_sector(G):
    assert category_label(G, G.nodes["rojin"], "ja") == "老人クラブ"
    assert category_label(G, G.nodes["rojin"], "ja", full=True) == "老人クラブ（自治会町内会・地縁団体）"
    assert category_label(G, G.nodes["rojin"], "en", full=True) == "老人クラブ (Neighbourhood associations)"
    assert category_label(G, G.nodes["jichikai"], "ja") == "自治会町内会"
    assert category_label(G, G.nodes["jichikai"], "ja", full=True) == "自治会町内会・地縁団体"
    rel = G.edges["clinic", "rojin"]["relations"][0]
    assert tie_label(G, rel, "ja") == "寄付" and tie_label(G, rel, "ja", full=True) == "寄付（支援）"


def test_a_legend_entry_lists_at_most_five_words_then_an_ellipsis():
    words = ["老人クラブ", "子ども会", "婦人会", "消防団", "民児協", "管理組合"]
    assert (
        sector_with_categories(SECTORS_TABLE, "neighbourhood", words[:2], "ja")
        == "自治会町内会・地縁団体：老人クラブ、子ども会"
    )
    assert (
        sector_with_categories(SECTORS_TABLE, "neighbourhood", words, "ja")
        == "自治会町内会・地縁団体：老人クラブ、子ども会、婦人会、消防団、民児協、…"
    )


SECTORS_TABLE = {
    s.id: {"name": s.name, "name_en": s.name_en, "short": s.label, "short_en": s.label_en} for s in SECTORS.values()
}


def test_info_actors_has_a_category_column(G, monkeypatch):
    import kyodo_network.graph as graph

    monkeypatch.setattr(graph, "graph_from_names", lambda *a, **k: G)
    runner = CliRunner()
    table = runner.invoke(cli, ["info", "midori", "--actors", "--lang", "ja"])
    assert table.exit_code == 0, table.output
    head, *lines = table.stdout.splitlines()
    assert "種別" in head and "セクター" in head
    row = next(line for line in lines if line.startswith("rojin"))
    assert "老人クラブ" in row and "自治会町内会" in row
    row = next(line for line in lines if line.startswith("jichikai"))
    assert "自治会町内会" in row
    rows = json.loads(runner.invoke(cli, ["info", "midori", "--actors", "--format", "json"]).stdout)
    by_id = {r["id"]: r for r in rows}
    assert by_id["rojin"]["category"] == "老人クラブ" and by_id["rojin"]["sector"] == "neighbourhood"
    assert by_id["jichikai"]["category"] == "自治会町内会"  # no word of its own: the sector's label
    assert by_id["bonsai"]["sector"] == "other"
    csv_en = runner.invoke(cli, ["info", "midori", "--actors", "--format", "csv", "--lang", "en"]).stdout
    assert csv_en.lstrip("\ufeff").splitlines()[0].split(",")[:4] == ["id", "name", "category", "sector"]
    assert "rojin,みどり台シニアクラブ,老人クラブ,neighbourhood" in csv_en


def test_graphml_and_gexf_carry_the_category_and_the_label(G):
    from kyodo_network.render.export.gexf import GEXF_NS, gexf_bytes
    from kyodo_network.render.export.graphml import graphml_bytes

    import io

    H = nx.read_graphml(io.BytesIO(graphml_bytes(G)))
    assert H.nodes["rojin"]["category"] == "老人クラブ" and H.nodes["rojin"]["sector"] == "neighbourhood"
    assert "category" not in H.nodes["jichikai"]
    assert H.edges["clinic", "rojin"]["label"] == "寄付"
    assert H.edges["jichikai", "kodomo"]["label"] == "見守り協定"
    assert H.edges["jichikai", "rojin"]["label"] == "構成員"  # no word of its own: the type's label

    root = ET.fromstring(gexf_bytes(G))
    ns = {"g": GEXF_NS}
    attrs = {a.get("title"): a.get("id") for a in root.findall(".//g:attributes[@class='node']/g:attribute", ns)}
    node = root.find(".//g:node[@id='clinic']", ns)
    values = {v.get("for"): v.get("value") for v in node.findall(".//g:attvalue", ns)}
    assert values[attrs["category"]] == "医療機関"
    edge = next(e for e in root.findall(".//g:edge", ns) if {e.get("source"), e.get("target")} == {"clinic", "rojin"})
    assert edge.get("label") == "寄付"


def test_json_export_keeps_the_words(G):
    from kyodo_network.render.export.nodelink import node_link_text

    data = json.loads(node_link_text(G))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["rojin"]["category"] == "老人クラブ" and nodes["jichikai"]["category"] is None
    labels = {r["label"] for link in data["links"] for r in link["relations"]}
    assert {"寄付", "見守り協定", None} <= labels


def test_the_workbook_writes_the_word_in_the_sector_and_type_columns(G):
    from kyodo_network.render.export.workbook import case_tree

    tree = case_tree(G)
    sectors = {a["id"]: a["sector"] for a in tree["actors"]}
    # an actor with no word of its own gets its sector's word (words, not ids, wherever a coordinator reads)
    assert sectors == {
        "rojin": "老人クラブ",
        "kodomo": "子ども会",
        "jichikai": "自治会町内会",
        "clinic": "医療機関",
        "bonsai": "盆栽の会",
    }
    # each word reads back to the same sector and type
    assert all(place_category(w)[0] == G.nodes[a]["sector"] for a, w in sectors.items())
    types = {(r["from"], r["to"]): r["type"] for r in tree["relations"]}
    assert types[("clinic", "rojin")] == "寄付" and types[("rojin", "jichikai")] == "構成員"
    assert place_relation(types[("kodomo", "jichikai")])[0] == "agreement"


def test_kumu_type_is_the_category(G):
    from kyodo_network.render.export.kumu import kumu_blueprint

    bp = kumu_blueprint(G)
    types = {e["id"]: e["type"] for e in bp["elements"]}
    assert types["rojin"] == "老人クラブ" and types["jichikai"] == "自治会町内会・地縁団体"
    assert any(c["type"] == "寄付" for c in bp["connections"])


def test_the_map_names_the_category_beside_the_sector(G):
    from kyodo_network.render.mapmodel import map_model

    m = map_model(G, lang="ja")
    node = next(n for n in m["nodes"] if n["id"] == "rojin")
    assert "老人クラブ（自治会町内会・地縁団体）" in node["title"].splitlines()
    assert dict(map(tuple, node["details"]))["セクター"] == "老人クラブ（自治会町内会・地縁団体）"
    legend = {s["id"]: s for s in m["legend"]["sectors"]}
    assert legend["neighbourhood"]["label"] == "自治会町内会・地縁団体：子ども会、老人クラブ"
    assert legend["other"]["label"] == "その他：盆栽の会" and legend["other"]["colour"] == "#999999"
    edge = next(e for e in m["edges"] if {e["from"], e["to"]} == {"clinic", "rojin"})
    assert "寄付（支援）" in edge["title"]
    en = map_model(G, lang="en")
    legend = {s["id"]: s for s in en["legend"]["sectors"]}
    assert legend["company"]["label"] == "Companies, shopping streets: 医療機関"


def test_the_report_names_the_category_with_its_sector(G):
    from kyodo_network.render.report import _Words

    w = _Words(G, "ja")
    assert w.kind("rojin", "neighbourhood") == "老人クラブ／自治会町内会"
    assert w.kind("jichikai", "neighbourhood") == "自治会町内会"
    assert _Words(G, "en").kind("clinic", "company") == "医療機関 / Company"


def test_info_counts_list_the_words_under_each_sector_and_type(G):
    from kyodo_network.analysis.summary import network_summary
    from kyodo_network.cli.data import _info_text

    out = _info_text({"id": "midori", "name": "みどり台地区", "year": None, **network_summary(G), "_G": G}, "ja")
    assert "  3  自治会町内会・地縁団体 (neighbourhood)：子ども会、老人クラブ" in out
    assert "  1  その他 (other)：盆栽の会" in out
    assert "  1  支援 (support)：寄付" in out and "  1  構成員 (member)\n" in out


@pytest.mark.parametrize(
    ("written", "sector", "via"),
    [
        ("ボランテイア団体", "npo", "ボランティア団体"),  # the large イ typed for ィ, as offices often do
        ("ﾎﾞﾗﾝﾃｲｱ", "npo", "ボランティア"),  # half-width, the same slip
        ("子育てネツトワーク", "council", "ネットワーク"),  # ツ for ッ
        ("コーデイネーター", "person", "コーディネーター"),
    ],
)
def test_a_kana_slip_is_placed_by_the_usual_spelling(written, sector, via):
    p = placement_of_category(written, [])
    assert (p.id, p.known, p.via) == (sector, True, via)
    assert own_word(written, sector) == unicodedata.normalize("NFKC", written)  # kept as written (in full width)


def test_a_word_without_a_slip_is_not_changed():
    assert place_category("盆栽の会") == ("other", False)
    assert place_category("デイ") == ("other", False)  # no known word in the usual spelling either
    assert placement_of_category("民生委員", []).via == "民生委員"
