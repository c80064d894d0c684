"""``--public`` withholds contact data by what it is: every phone number and e-mail address in any text of the
graph, whoever it belongs to (a clerk's 団体一覧 with a 090 number in an organisation's 連絡先 column), and every
field a sheet marks 非公開 / 取扱注意 (``private_fields``). Years, dates, counts and ids stay as they are.

The leak check is independent of :mod:`kyodo_network.privacy`: text is folded to NFKC, separators between digits
are removed, and any run of digits starting with 0 that is 10 or more long (or +81 and 9 more) is a phone number.
"""

from __future__ import annotations

import itertools
import json
import re
import textwrap
import unicodedata

import networkx as nx
import pytest

from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_cases
from kyodo_network.model import Actor, Case, District, Participant, Project, Relation, Review
from kyodo_network.privacy import redact_graph, withhold_contacts

MARK_JA, MARK_EN = "（連絡先は非公開）", "(contact withheld)"

#: Every form of number the redaction must catch, each one a different number.
PHONES = [
    "045-123-4567",
    "045(123)4567",
    "(045)123-4568",
    "090-1111-2222",
    "０９０－１１１１－２２２３",
    "09011112224",
    "+81-90-1111-2225",
    "+81 45 123 4569",
    "0120-123-456",
    "050-3333-4444",
    "045‐123‐4570",
    "045−123−4571",
    "045ー123ー4572",
    "045―123―4573",
    "045 123 4574",
    "045.123.4575",
    "０４５（１２３）４５７６",
    "＋８１－９０－３３３３－４４４５",
    "03-1234-5678",
    "0466-12-3456",
]
EMAILS = ["hanako.y@example.jp", "ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ", "desk＠example.org", "kyodo(at)example.jp"]

#: Numbers that are not phone numbers: they survive unchanged.
KEEP = "2013年、2013-2015年度、令和3年4月1日、1,200人、第3期、seya-2、2021-04-01、〒244-0842、14,000人"


def _folded(s: str) -> str:
    """NFKC, with separators between digits removed (an independent reading, not the library's patterns)."""
    t = unicodedata.normalize("NFKC", s)
    return re.sub(r"(?<=\d)[\s\-‐‑‒–—―−ー.()]{1,3}(?=\d)", "", t)


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", phone))


def leaks(s: str) -> list[str]:
    """Phone numbers and e-mail addresses found in ``s``."""
    t = _folded(s)
    found = re.findall(r"(?<!\d)0\d{9,}|\+\s?81\d{9,}", t)
    found += re.findall(r"[A-Za-z0-9._%+-]+\s?(?:@|\(at\))\s?[A-Za-z0-9-]+\.[A-Za-z]", t)
    found += [p for p in PHONES if _digits(p) in t]
    return found


def texts_of(value: object, where: str = ""):
    """Every string in ``value``, to any depth (dict keys too), with where it was found."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts_of(k, f"{where}/<key>")
            yield from texts_of(v, f"{where}/{k}")
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            yield from texts_of(v, f"{where}[{i}]")


def graph_texts(G: nx.Graph):
    """Every string of a graph: its attributes, node ids and attributes, edge ends and attributes."""
    yield from texts_of(G.graph, "graph")
    for n, d in G.nodes(data=True):
        yield from texts_of(n, f"node {n!r}")
        yield from texts_of(d, f"node {n!r}")
    for u, v, d in G.edges(data=True):
        yield from texts_of(d, f"edge {u!r}-{v!r}")


def all_leaks(G: nx.Graph) -> list[tuple[str, str, list[str]]]:
    return [(where, s, found) for where, s in graph_texts(G) if (found := leaks(s))]


# --------------------------------------------------------------------------- the patterns alone


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize("mark", [MARK_JA, MARK_EN])
def test_each_phone_form_is_withheld_and_the_words_around_it_stay(phone, mark):
    out = withhold_contacts(f"代表 山田花子 {phone} 平日9時から", mark)
    assert not leaks(out), out
    assert out == f"代表 山田花子 {mark} 平日9時から"


@pytest.mark.parametrize("email", EMAILS)
def test_each_email_form_is_withheld(email):
    out = withhold_contacts(f"問い合わせ：{email}（担当 佐藤）", MARK_JA)
    assert out == f"問い合わせ：{MARK_JA}（担当 佐藤）"


@pytest.mark.parametrize("phone", ["045-123-4567", "０９０－１１１１－２２２２", "+81-90-1111-2222"])
def test_a_phone_in_parentheses_or_next_to_a_year_keeps_the_text(phone):
    assert withhold_contacts(f"連絡は（{phone}）まで", MARK_JA) == f"連絡は（{MARK_JA}）まで"
    assert withhold_contacts(f"{phone} 2013年から", MARK_JA) == f"{MARK_JA} 2013年から"
    assert withhold_contacts(f"{phone}、{phone}", MARK_JA) == f"{MARK_JA}、{MARK_JA}"


@pytest.mark.parametrize(
    "text",
    [
        KEEP,
        *KEEP.split("、"),
        "2013",
        "0.5",
        "10:00-12:00",
        "ISBN 4-04-123456-7",
        "@kyodo_net",
        "第3期（2019-2021）",
        "1234567890",
        "12345678901",
    ],
)
def test_years_dates_counts_and_ids_survive(text):
    assert withhold_contacts(text, MARK_JA) == text


def test_the_leak_check_can_fail():
    for p in PHONES:
        assert leaks(f"連絡 {p} まで"), p
    for e in EMAILS:
        assert leaks(f"連絡 {e} まで"), e
    assert not leaks(KEEP)


# --------------------------------------------------------------------------- a graph with contacts everywhere


def _case() -> Case:
    p = itertools.cycle(PHONES)
    e = itertools.cycle(EMAILS)
    district = District(
        id="sakae-contacts",
        name=f"栄テスト地区（{next(p)}）",
        name_en=f"Sakae test ({next(p)})",
        ward="栄区",
        city=f"横浜市 {next(p)}",
        cite=f"区の名簿 {next(e)}",
        summary=f"{KEEP}。事務局 {next(p)}、代表 山田花子 {next(p)}。",
    )
    actors = (
        Actor(
            id="ward-office",
            name="栄区役所",
            sector="government",
            contact=f"TEL {next(p)} / FAX {next(p)}",
            cite=f"区の名簿（{next(p)}）より",
            role=f"地域振興課 {next(p)}",
            role_en=f"Community desk {next(p)}",
        ),
        Actor(
            id="cafe",
            name=f"こども食堂 {next(p)}",
            name_en=f"Kids' cafe {next(p)}",
            sector="npo",
            contact=f"代表 山田花子 {next(p)} / https://cafe.example.jp",
            themes=(f"子育て {next(p)}", KEEP),
            offers=(f"会場（申込 {next(e)}）",),
            needs=(f"人手 {next(p)}",),
            note=f"代表 山田花子 {next(p)}",
            category=f"子ども食堂 {next(p)}",
            cite=KEEP,
        ),
        # a clerk's sheet: the 連絡先 column marked 取扱注意, the 備考 column 非公開 (a public group all the same)
        Actor(
            id="shop",
            name="栄商店会",
            sector="company",
            contact="栄区桂町303-19 田中方",
            note="会長宅",
            role="商店会",
            private_fields=("contact", "note"),
        ),
        Actor(
            id="helper",
            name="佐藤次郎",
            sector="person",
            role="見守りボランティア",
            visibility="private",
            contact=f"{next(e)} {next(p)}",
        ),
        Actor(id="desk", name="受付窓口", sector="government", role="窓口", private_fields=("name", "role")),
    )
    relations = (
        Relation(
            source="ward-office",
            target="cafe",
            type="support",
            cite=f"聞き取り {next(p)} {KEEP}",
            note=f"{next(p)}",
            label=f"補助 {next(p)}",
        ),
        Relation(source="shop", target="cafe", type="cooperation", cite="栄区桂町303-19 田中方で打ち合わせ"),
        Relation(source="helper", target="cafe", type="support", cite=next(p)),
        Relation(source="desk", target="ward-office", type="member"),
    )
    projects = (
        Project(
            id="kids",
            name=f"こども食堂の協働 {next(p)}",
            name_en=f"Kids' cafe project {next(p)}",
            cite=KEEP,
            themes=("子育て",),
            note=f"{next(e)}",
            participants=(
                Participant("cafe", f"事務局 {next(p)}", "Secretariat"),
                Participant("ward-office"),
                Participant("shop"),
                Participant("helper"),
            ),
            reviews=(
                Review("cafe", 2024, "review", comment=f"次回は 050-9999-0001 へ。{KEEP}"),
                Review("helper", 2024, "review", comment="佐藤次郎（080-7777-0001）より"),
            ),
        ),
    )
    outside = (
        Review("ward-office", 2024, "plan", comment="連絡は hanako.y@example.jp と 045-123-0002", project="kids"),
    )
    source = {"title": f"団体一覧 {KEEP}", "publisher": "栄区 TEL 045-123-0003", "url": "https://example.jp/list"}
    return Case(
        path="contacts.yaml",
        district=district,
        actors=actors,
        relations=relations,
        projects=projects,
        source=source,
        reviews=outside,
    )


@pytest.fixture(scope="module")
def graphs() -> dict[str, nx.Graph]:
    case = _case()
    return {
        "actors": graph_from_cases([case]),
        "projects": graph_from_cases([case], view="projects"),
        "directed": graph_from_cases([case], directed=True),
    }


def test_the_graph_check_can_fail(graphs):
    # Unredacted, the walk finds the numbers and addresses planted in every kind of field.
    where = {w.split("/")[0].split("[")[0] for w, _, _ in all_leaks(graphs["actors"])}
    assert len(all_leaks(graphs["actors"])) >= 25
    assert {"graph", "node 'ward-office'", "node 'cafe'", "node 'helper'", "edge 'ward-office'-'cafe'"} <= where


@pytest.mark.parametrize("view", ["actors", "projects", "directed"])
def test_no_phone_or_email_survives_anywhere(graphs, view):
    H, _ = redact_graph(graphs[view])
    assert all_leaks(H) == []
    assert any(MARK_JA in s for _, s in graph_texts(H)) and any(MARK_EN in s for _, s in graph_texts(H))


def test_the_text_around_the_numbers_survives(graphs):
    H, ids = redact_graph(graphs["actors"])
    office, cafe = H.nodes["ward-office"], H.nodes["cafe"]
    assert office["contact"] is None  # 「TEL … / FAX …」: nothing left but the marks
    assert office["cite"] == f"区の名簿（{MARK_JA}）より"
    assert office["role"] == f"地域振興課 {MARK_JA}" and office["role_en"] == f"Community desk {MARK_EN}"
    assert cafe["contact"] == f"代表 山田花子 {MARK_JA} / https://cafe.example.jp"  # the name is another matter
    assert cafe["name"] == f"こども食堂 {MARK_JA}" and cafe["name_en"] == f"Kids' cafe {MARK_EN}"
    assert cafe["themes"] == [f"子育て {MARK_JA}", KEEP] and cafe["offers"] == [f"会場（申込 {MARK_JA}）"]
    assert cafe["category"] == f"子ども食堂 {MARK_JA}" and cafe["cite"] == KEEP
    district = H.graph["districts"][0]
    assert district["name"] == H.graph["name"] == f"栄テスト地区（{MARK_JA}）"  # parentheses stay paired
    assert district["name_en"] == H.graph["name_en"] == f"Sakae test ({MARK_EN})"
    assert district["city"] == f"横浜市 {MARK_JA}"
    assert district["summary"] == f"{KEEP}。事務局 {MARK_JA}、代表 山田花子 {MARK_JA}。"
    assert H.graph["sources"][0] == {
        "title": f"団体一覧 {KEEP}",
        "publisher": f"栄区 TEL {MARK_JA}",
        "url": "https://example.jp/list",
    }
    project = H.graph["projects"]["kids"]
    assert project["cite"] == KEEP
    comments = [r["comment"] for r in project["reviews"]]
    assert comments == [
        f"次回は {MARK_JA} へ。{KEEP}",
        f"見守りボランティア（{MARK_JA}）より",
        f"連絡は {MARK_JA} と {MARK_JA}",
    ]
    assert [r["by"] for r in project["reviews"]] == ["cafe", ids["helper"], "ward-office"]  # a hidden reviewer too
    rel = H.edges["ward-office", "cafe"]["relations"][0]
    assert rel["cite"].endswith(KEEP) and rel["note"] is None


def test_keep_survives_in_every_field_it_was_written_in(graphs):
    G = graphs["actors"]
    H, _ = redact_graph(G)
    before = [w for w, s in graph_texts(G) if KEEP in s]
    after = [w for w, s in graph_texts(H) if KEEP in s]
    assert len(before) >= 6
    assert sorted(after) == sorted(before)


def test_private_fields_are_removed_whatever_the_visibility(graphs):
    G = graphs["actors"]
    H, ids = redact_graph(G)
    shop = H.nodes["shop"]
    assert shop["visibility"] == "public" and shop["name"] == "栄商店会"  # a public group, still shown by name
    assert shop["contact"] is None and shop["note"] is None and shop["role"] == "商店会"
    # its 取扱注意 contact is withheld where another record repeats it
    cites = [r["cite"] for r in H.edges["shop", "cafe"]["relations"]]
    assert cites == [f"{MARK_JA}で打ち合わせ"]
    assert not any("田中方" in s for _, s in graph_texts(H))
    # a private name hides the actor as visibility: private does; a private role is not its label
    desk = ids["desk"]
    assert desk.startswith("private-") and H.nodes[desk]["role"] is None
    assert H.nodes[desk]["name"] == "非公開のアクター1" and H.nodes[desk]["name_en"] == "Withheld actor 1"
    assert not any("受付窓口" in s or s == "窓口" for _, s in graph_texts(H))
    # the original graph is untouched
    assert G.nodes["shop"]["contact"] == "栄区桂町303-19 田中方" and G.nodes["desk"]["name"] == "受付窓口"


def test_a_private_contact_that_is_a_common_word_is_removed_only_from_its_actor():
    G = nx.Graph()
    G.add_node(
        "club", kind="actor", name="老人クラブ", visibility="public", contact="地域振興課", private_fields=["contact"]
    )
    G.add_node("desk", kind="actor", name="栄区地域振興課", visibility="public", contact="https://example.jp/desk")
    G.add_edge("club", "desk", relations=[{"from": "club", "to": "desk", "cite": "地域振興課の名簿"}])
    H, _ = redact_graph(G)
    assert H.nodes["club"]["contact"] is None
    assert H.nodes["desk"]["name"] == "栄区地域振興課" and H.nodes["desk"]["contact"] == "https://example.jp/desk"
    assert H.edges["club", "desk"]["relations"][0]["cite"] == "地域振興課の名簿"


def test_hidden_persons_stay_hidden(graphs):
    H, ids = redact_graph(graphs["actors"])
    helper = H.nodes[ids["helper"]]
    assert helper["name"] == "見守りボランティア" and helper["contact"] is None
    assert not any("佐藤次郎" in s for _, s in graph_texts(H))


def test_an_id_holding_a_phone_number_is_renamed():
    G = nx.Graph()
    G.add_node("tel-0451234567", name="窓口", visibility="public", kind="actor")
    G.add_node("seya-2", name="瀬谷", visibility="public", kind="actor")
    G.add_edge("tel-0451234567", "seya-2", relations=[{"from": "tel-0451234567", "to": "seya-2", "cite": ""}])
    H, ids = redact_graph(G)
    new = ids["tel-0451234567"]
    assert new.startswith("private-") and set(H) == {new, "seya-2"}
    assert H.edges[new, "seya-2"]["relations"][0]["from"] == new
    assert all_leaks(H) == []


def test_the_caller_graph_is_not_changed(graphs):
    G = graphs["actors"]
    before = sorted(graph_texts(G))
    redact_graph(G)
    assert sorted(graph_texts(G)) == before


# --------------------------------------------------------------------------- through the command line

CASE = textwrap.dedent("""\
    format: kyodo-case/1
    source:
      title: 栄区 団体一覧（問合せ 045-894-0000）
      publisher: 栄区役所 地域振興課 chiiki＠example.jp
      url: https://example.jp/dantai
    district:
      id: sakae-contacts
      name: 栄テスト地区
      name_en: Sakae test district
      ward: 栄区
      summary: 2013-2015年度に始めた見守り。令和3年4月1日現在1,200人。第3期。事務局 ０４５（８９４）１１１１。
      cite: 区の名簿 +81-45-894-2222
    actors:
      - id: ward-office
        name: 栄区役所
        sector: government
        contact: 045-894-0000 / chiiki@example.jp
        cite: 区の名簿（045-894-3333）
      - id: cafe
        name: こども食堂
        sector: npo
        role: 代表 山田花子 090-1111-2222
        contact: ０９０－１１１１－４４４４ / https://cafe.example.jp
        themes: [子育て, 居場所 09055556666]
        offers: [会場 045(894)7777]
        note: 代表 山田花子 090-1111-2222
      - id: seya-2
        name: 瀬谷の会
        sector: npo
        contact: kai(at)example.jp
    relations:
      - {from: ward-office, to: cafe, type: support, cite: 聞き取り 050-1234-5678, since: 2013}
      - {from: seya-2, to: cafe, type: cooperation, note: "045‐894‐8888"}
    projects:
      - id: kids
        name: こども食堂の協働（045-894-9999）
        participants: [ward-office, cafe, seya-2]
        since: 2021
        reviews:
          - {by: cafe, year: 2024, moment: 振り返り, scores: {目的共有: 3}, comment: 次回は 0120-123-456 へ}
    """)

CLI_PHONES = [
    "045-894-0000",
    "０４５（８９４）１１１１",
    "+81-45-894-2222",
    "045-894-3333",
    "090-1111-2222",
    "０９０－１１１１－４４４４",
    "09055556666",
    "045(894)7777",
    "050-1234-5678",
    "045‐894‐8888",
    "045-894-9999",
    "0120-123-456",
]
CLI_EMAILS = ["chiiki", "kai(at)", "kai@"]


@pytest.fixture(scope="module")
def case_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("contacts") / "sakae-contacts.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def _assert_no_contact(body: str, where: str) -> None:
    folded = _folded(body)
    for phone in CLI_PHONES:
        assert _digits(phone) not in folded, (where, phone)
    folded = unicodedata.normalize("NFKC", body)
    for local in CLI_EMAILS:
        assert local not in folded, (where, local)


def test_cli_export_json_holds_no_contact(runner, case_file, tmp_path):
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["export", str(case_file), "--public", "-o", str(out)])
    assert result.exit_code == 0, result.output
    paths = [p for p in tmp_path.iterdir() if p.suffix == ".json"]
    assert paths
    for path in paths:
        body = path.read_bytes().decode("utf-8")
        _assert_no_contact(body, path.name)
        data = json.loads(body)
        assert [found for _, s in texts_of(data) if (found := leaks(s))] == []
        for kept in ("2013-2015年度", "令和3年4月1日", "1,200人", "第3期", "https://cafe.example.jp", "代表 山田花子"):
            assert kept in body
        assert "seya-2" in body  # an id that looks like nothing private stays


def test_cli_map_html_holds_no_contact(runner, case_file, tmp_path):
    out = tmp_path / "m.html"
    result = runner.invoke(cli, ["map", str(case_file), "--public", "-o", str(out), "--lang", "both"])
    assert result.exit_code == 0, result.output
    body = out.read_bytes().decode("utf-8")
    data = re.search(r'<script type="application/json" id="kyodo-data">(.*?)</script>', body, re.S)
    assert data, "the map's data block"
    _assert_no_contact(data.group(1), "m.html data")
    _assert_no_contact(body, "m.html")
    assert [found for _, s in texts_of(json.loads(data.group(1))) if (found := leaks(s))] == []
    assert "https://cafe.example.jp" in body


def test_cli_check_can_fail(runner, case_file, tmp_path):
    # Without --public the same outputs hold the numbers: the checks above look in the right place.
    out = tmp_path / "m.html"
    assert runner.invoke(cli, ["map", str(case_file), "-o", str(out), "--lang", "both"]).exit_code == 0
    with pytest.raises(AssertionError):
        _assert_no_contact(out.read_text(encoding="utf-8"), "m.html")
    plain = tmp_path / "plain.json"
    assert runner.invoke(cli, ["export", str(case_file), "-o", str(plain)]).exit_code == 0
    with pytest.raises(AssertionError):
        _assert_no_contact(plain.read_text(encoding="utf-8"), "plain.json")
