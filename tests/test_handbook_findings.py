"""Each headline finding the CLI states about a handbook case agrees with the passage it rests on (issue 21).

Coordinators repeat these findings at meetings, so every test runs the command a coordinator runs
(``kyodo bridges``, ``coordinators``, ``whatif --remove``, ``suggest``, ``risks``, ``report``, ``diff``) and checks
its words against the handbook, 『市民と行政のための協働ハンドブック』 (横浜市市民局市民協働推進部, 平成22年4月),
quoted above each test. A test here that fails names a finding that is still false: the report of issue 21 lists
them with the sentence and why.
"""

from __future__ import annotations

import html
import json
import re
from itertools import combinations

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.load import load_cases


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(*args: str):
    return json.loads(run(*args, "--format", "json"))


def ids_of(rows: list) -> list:
    return [r["id"] for r in rows]


def report_text(case: str, tmp_path, section: str | None = None) -> str:
    """The report page of ``case`` (or one ``<section id=…>`` of it) as plain text, a paragraph or item a line."""
    out = tmp_path / f"{case}.html"
    if not out.exists():
        run("report", case, "-o", str(out))
    page = out.read_text(encoding="utf-8")
    if section is not None:
        found = re.search(rf'<section id="{section}".*?</section>', page, flags=re.S)
        page = found.group(0) if found else ""
    page = re.sub(r"<(script|style|svg)[^>]*>.*?</\1>", "", page, flags=re.S)
    page = re.sub(r"<br\s*/?>|</p>|</li>|</tr>|</h\d>|</div>|</section>", "\n", page)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def report_line(text: str, head: str) -> str:
    return next((line for line in text.splitlines() if line.strip().startswith(head)), "")


def whole_record_inferred(case: str) -> set[str]:
    """Names of the case's actors whose whole record is a reading (``inferred: true``), not one field of it."""
    [c] = [c for c in load_cases([case]) if c.district.id == case]
    return {a.name for a in c.actors if a.inferred}


def field_inferred(case: str) -> set[str]:
    """Names of actors named in the text of which only some fields (offers, since, held_by …) are a reading."""
    [c] = [c for c in load_cases([case]) if c.district.id == case]
    return {a.name for a in c.actors if not a.inferred and a.inferred_fields}


def pairs_of(rows: list) -> set[frozenset]:
    return {frozenset((r["a"], r["b"])) for r in rows}


# ==================================================================================== 協働の事例③ 新羽

S = "coordinator-s"
S_NAME = "コーディネーターSさん"
COUNCIL = "nippa-council"
NEWCOMERS = ("nippa-new-residents", "nippa-children", "nippa-pta")
#: Who met in the talk of しかけ① (the 協議会 is the data's reading of the 「も」 of 「…人も集めて」).
TALK = (S, COUNCIL, *NEWCOMERS)
ART_WALK = (
    "nippa-council",
    "nippa-former-pta-chair",
    "nippa-elementary-school",
    "nippa-artist",
    "nippa-residents",
    "nippa-volunteers",
)


# 「協働がうまく進んでいくには、…ほかの活動と活動をつなげたりする、コーディネーター（協働の推進役）の存在がとても
#  有効です。では、そんなコーディネーターのひとり、Sさんを紹介します。」
def test_nippa_first_coordinator_is_coordinator_s():
    rows = as_json("coordinators", "nippa")
    assert rows and rows[0]["id"] == S, [r["name"] for r in rows]
    assert S_NAME in run("coordinators", "nippa").splitlines()[0]


# 同上: the report's section of coordinators opens with the handbook's named coordinator too.
def test_nippa_report_names_coordinator_s_first(tmp_path):
    lines = [line.strip() for line in report_text("nippa", tmp_path, "coordinators").splitlines() if line.strip()]
    first = lines[1] if len(lines) > 1 else ""  # lines[0] is the section's heading
    assert first.startswith(S_NAME), first


# しかけ①: 「そこでSさんの発案で、最近増えたマンションに住む人を中心とした新住民や、子ども、PTAなど、今まで地区計画に
#  関わっていなかった人も集めて、一緒に話し合いをしました。」
# The newcomers met the others in that talk: removing Sさん cuts nobody off, and no sentence says it does.
def test_nippa_removing_s_cuts_off_nobody_who_met_others():
    gone = as_json("whatif", "nippa", "--remove", S)
    assert gone["cut_off"] == []
    text = run("whatif", "nippa", "--remove", S)
    assert "孤立するアクター (0)" in text
    for command in ("bridges", "coordinators"):
        out = run(command, "nippa")
        assert "コーディネーターSさんがいなくなると" not in out
        assert "コーディネーターSさんを通してしかつながっていません" not in out
    assert S not in ids_of(as_json("risks", "nippa"))


# 同上: nobody is told to meet someone they already sat with in the talk, and no reason says
# 「今はSさんだけが両者をつないでいる」 about them.
def test_nippa_no_suggestion_introduces_people_who_met_in_the_talk():
    rows = as_json("suggest", "nippa", "--top", "0")
    met = {frozenset(p) for p in combinations(TALK, 2)}
    assert not pairs_of(rows) & met
    for r in rows:
        assert "今はコーディネーターSさんだけが両者をつないでいる" not in r["reasons"]["ja"], (r["a"], r["b"])


# しかけ②: 「たくさんの方がまちづくりに関われる魅力的なプランはないか？Sさんは、次に、ヨコハマ市民まち普請事業（※）に
#  応募することを提案しました。行政や、大学教授などの専門家のアドバイスが受けられ」
# Sさん's step ties Sさん to the 行政 of the scheme and to the experts.
def test_nippa_s_step_ties_s_to_the_city_and_the_experts():
    gone = as_json("whatif", "nippa", "--remove", S)
    partners = {x["to"] if x["from"] == S else x["from"] for x in gone["relations_lost"]}
    assert {"yokohama-machizukuri-div", "nippa-experts"} <= partners
    text = run("whatif", "nippa", "--remove", S)
    assert "コーディネーターSさん – 横浜市都市整備局地域まちづくり課" in text
    assert "コーディネーターSさん – 大学教授などの専門家" in text


# まち普請へ提案: 「応募したのは、…通学路をもっと明るいイメージの場所にする提案と道路拡張用地の暫定ポケットパークの整備
#  です。提案は採択され、また元PTA会長（協議会メンバー）のアイデアで、地元の小学校も巻き込むことになり、小学校の総合学習の
#  時間に、アーティストの協力を得ながら、地域住民、ボランティアなどみんなでアートウォークを作りました。」
# The art walk is part of the adopted proposal: the former PTA chair had the idea, but is no one's only path.
def test_nippa_former_pta_chair_is_no_ones_only_path():
    gone = as_json("whatif", "nippa", "--remove", "nippa-former-pta-chair")
    assert gone["cut_off"] == []
    for command in ("bridges", "coordinators"):
        assert "元PTA会長（協議会メンバー）がいなくなると" not in run(command, "nippa")
    assert "nippa-former-pta-chair" not in ids_of(as_json("risks", "nippa"))
    rows = as_json("suggest", "nippa", "--top", "0")
    assert not pairs_of(rows) & {frozenset(p) for p in combinations(ART_WALK, 2)}


# The 協議会 stands for the text's 「地域」 (its name is ours): every sentence that rests on it says 推定.
def test_nippa_council_sentences_say_they_rest_on_a_reading():
    for line in run("bridges", "nippa").splitlines():
        if "新羽駅周辺地区まちづくり協議会がいなくなると" in line:
            assert line.rstrip().endswith("（推定を含む）"), line
    for r in as_json("suggest", "nippa", "--top", "0"):
        if COUNCIL in r["introducers"][:1]:
            assert r["inferred"] and r["reasons"]["ja"].endswith("（推定を含む）"), r["reasons"]["ja"]


# 年: 「コーディネーターのSさんと、新羽駅周辺地区との関係は、10年前この地区で地区計画が始まった時に関わったことに
#  始まります。10年かけて、ようやく地区計画が完成し、ひと段落した頃、地域では次に何をやってよいのか迷っていました。」
# Sさん's tie to the district starts in 2010 − 10 = 2000; everything after the plan (the talk, the まち普請, the art walk,
# the cameras, the flowers) in 2000 + 10 = 2010. No record stands before its year.
NIPPA_YEARS = {
    ("relation", S, COUNCIL): 2000,
    ("project", "nippa-district-plan"): 2000,
}
AFTER_PLAN = 2010


def test_nippa_no_record_stands_before_its_year():
    [case] = [c for c in load_cases(["nippa"]) if c.district.id == "nippa"]
    records = [(("relation", r.source, r.target), r) for r in case.relations]
    records += [(("project", p.id), p) for p in case.projects]
    for key, record in records:
        year = NIPPA_YEARS.get(key, AFTER_PLAN)
        assert record.since is not None and record.since >= year, (key, record.since, year)
    s = next(a for a in case.actors if a.id == S)
    assert s.since == 2000


def test_nippa_2009_has_no_talk_and_no_machibushin():
    """The CLI's year view agrees: in 2009 the 地区計画 is all there is."""
    text = run("diff", "nippa", "--from", "2009", "--to", "2010")
    started = text.split("始まった協働事業", 1)[1].split("終わった協働事業", 1)[0]
    for name in ("しかけ①の話し合い", "ヨコハマ市民まち普請事業への提案", "アートウォーク", "暫定ポケットパーク"):
        assert name in started, name
    gained = text.split("増えた関係", 1)[1].split("なくなった関係", 1)[0]
    assert "コーディネーターSさん → 新住民" in gained and "花の里の会 → 新羽駅周辺地区まちづくり協議会" in gained


# Sさん is named in the text (「Sさんを紹介します」); only when Sさん began (since) and what Sさん offers are a reading.
def test_nippa_report_does_not_call_named_people_inferred(tmp_path):
    line = report_line(report_text("nippa", tmp_path), "推定したアクター")
    listed = set(line.split(":", 1)[1].strip().split("、")) if ":" in line else set()
    assert S_NAME not in listed
    assert listed <= whole_record_inferred("nippa"), listed - whole_record_inferred("nippa")


# 「※身近なまちのハード整備に関する提案を、市民から募集し、…横浜市都市整備局地域まちづくり課にて実施。」 The まち普請
# office meets the district through the proposal; the handbook never makes it the 地区計画's or the talk's contact
# with the city.
def test_nippa_machibushin_office_is_not_the_plans_contact_with_the_city(tmp_path):
    text = report_text("nippa", tmp_path)
    row = next((line for line in text.splitlines() if line.startswith("横浜市都市整備局地域まちづくり課（行政）")), "")
    assert "新羽駅周辺地区 地区計画" not in row, row
    assert "しかけ①の話し合い" not in row, row


# ==================================================================================== 協働の事例② 子どもと風土

BUREAU = "yokohama-environmental-planning-bureau"
TABLE = (BUREAU, "kodomo-workshop", "kodomo-fudo-hokubu-nosei", "kodomo-fudo-shiki-no-ie", "aoba-chiiki-shinko-ka")


# 「実際の事業実施にあたっては、区のサービス課（当時）にも区内の保育園との連絡調整という役割をお願いすることになりました。」
def test_kodomo_fudo_service_section_is_the_nurseries_only_link():
    top = as_json("risks", "kodomo-fudo")[0]
    assert top["id"] == "aoba-service-ka"
    assert top["cut_off"] == ["kodomo-fudo-nursery-schools"]
    assert "1者（区内の保育園（青葉区））がほかとのつながりを失います" in run("bridges", "kodomo-fudo")


# 役割分担: 「年度初めの調整会議は、環境創造局が招集します」「事業を実施していくにあたり、寺家ふるさと村を所管する
#  北部農政事務所及び寺家ふるさと村の活動拠点となる四季の家、区役所からは市民活動を推進する地域振興課が参加のテーブルに
#  着きました」: the people at the table have met; the bureau is not the only link between any two of them.
def test_kodomo_fudo_people_at_the_table_have_met():
    met = {frozenset(p) for p in combinations(TABLE, 2)}
    assert not pairs_of(as_json("suggest", "kodomo-fudo", "--top", "0")) & met
    for row in as_json("coordinators", "kodomo-fudo"):
        assert not pairs_of(row["pairs"]) & met, row["id"]


# 「平成 18 年度から実施している「子どもと風土のサポートネット」事業」: the table and the project's working ties start in
# 2006, and are absent in 2005.
def test_kodomo_fudo_table_and_working_ties_start_in_2006():
    data = as_json("diff", "kodomo-fudo", "--from", "2005", "--to", "2006")
    started = {p["id"] for p in data["projects_gained"]}
    assert {"kodomo-fudo-coordination-table", "kodomo-fudo-support-net"} <= started
    gained = {(r["from"], r["to"], r["type"]) for r in data["relations_gained"]}
    assert {
        (BUREAU, "kodomo-workshop", "advice"),
        ("aoba-chiiki-shinko-ka", "kodomo-workshop", "advice"),
        ("aoba-service-ka", "kodomo-fudo-nursery-schools", "coordination"),
        ("kodomo-workshop", "kodomo-fudo-hokubu-nosei", "coordination"),
        ("kodomo-workshop", "kodomo-fudo-shiki-no-ie", "coordination"),
        ("kodomo-workshop", "aoba-chiiki-shinko-ka", "coordination"),
    } <= gained


def test_kodomo_fudo_report_does_not_call_named_bodies_inferred(tmp_path):
    # 北部農政事務所, 四季の家 and 子どものワークショップ are named in the text; only what they offer is a reading.
    line = report_line(report_text("kodomo-fudo", tmp_path), "推定したアクター")
    listed = set(line.split(":", 1)[1].strip().split("、")) if ":" in line else set()
    assert listed <= whole_record_inferred("kodomo-fudo"), listed - whole_record_inferred("kodomo-fudo")


# ==================================================================================== 協働の事例① 港南台

JUKU = "konandai-juku"
COMMITTEE_MEMBERS = (
    "konandai-park-committee",
    JUKU,
    "konandai-jichikai",
    "konandai-sports-commissioners",
    "konandai-youth-commissioners",
    "konandai-welfare-commissioners",
)


# 協働協定書を締結: 「「こどもの生き生きスペースづくり塾」という地域の自主活動グループが、横浜市協働事業提案制度モデル事業
#  （※）に応募しました。提案団体と港南区役所では、…「協働協定書」を締結して、事業を開始しました。」
def test_konandai_proposing_group_is_the_top_bridge():
    assert ids_of(as_json("bridges", "konandai-playpark"))[0] == JUKU
    risks = as_json("risks", "konandai-playpark")
    assert [(r["id"], r["cut_off"]) for r in risks if r["cut_off"]] == [(JUKU, ["yokohama-civic-collaboration-hq"])]


# 「その後、地域では自主グループの活動だけでなく、自治会町内会や体育指導委員、青少年指導員、民生委員・児童委員など多くの
#  人々が参加して「港南台中央公園生き生き管理運営委員会（通称港南台生き生きプレイパーク）」が組織され」: they joined
# after the 2005 start, and in 2005 none of them is tied to the 塾.
def test_konandai_committee_members_join_after_2005():
    data = as_json("diff", "konandai-playpark", "--from", "2005", "--to", "2006")
    gained = {(r["from"], r["to"]) for r in data["relations_gained"]}
    for member in COMMITTEE_MEMBERS[1:]:
        assert (member, "konandai-park-committee") in gained, member
    assert "konandai-playpark" in {p["id"] for p in data["projects_gained"]}
    rows = as_json("bridges", "konandai-playpark", "--year", "2005")
    juku = next(r for r in rows if r["id"] == JUKU)
    assert juku["cut_off"] == 1  # only the model-project office, through the 塾's proposal


# 同上: the committee's people sit together; nobody is told to meet a fellow member.
def test_konandai_committee_members_are_not_introduced_to_each_other():
    met = {frozenset(p) for p in combinations(COMMITTEE_MEMBERS, 2)}
    assert not pairs_of(as_json("suggest", "konandai-playpark", "--top", "0")) & met


def test_konandai_report_does_not_call_the_named_group_inferred(tmp_path):
    # 「こどもの生き生きスペースづくり塾」 and 港南区役所 are named; only what they offer or need is a reading.
    line = report_line(report_text("konandai-playpark", tmp_path), "推定したアクター")
    listed = set(line.split(":", 1)[1].strip().split("、")) if ":" in line else set()
    assert "こどもの生き生きスペースづくり塾" not in listed
    assert listed <= whole_record_inferred("konandai-playpark"), listed - whole_record_inferred("konandai-playpark")


# ==================================================================================== 協働の事例④ 阿久和北部

TEAM = "seya-support-team"
COMMITTEE = "akuwa-north-committee"
OYAJI = "akuwa-north-oyaji-no-hiroba"


# 「地区支援チームは、長屋門公園を中心にボランティア活動をしている「おやじの広場」にも定期的に参加し、地域の人々との情報交換
#  も行なっています。」
def test_akuwa_team_is_the_hub_and_the_only_link_to_oyaji_no_hiroba():
    assert ids_of(as_json("bridges", "akuwa-north"))[0] == TEAM
    assert as_json("whatif", "akuwa-north", "--remove", TEAM)["cut_off"] == [OYAJI]
    assert as_json("risks", "akuwa-north")[0]["id"] == TEAM


# 「区役所、地域ケアプラザ、区社会福祉協議会で地区支援チームを結成して、それぞれが担当する地区を支援しています」
# 「地区支援チームは、この実行委員会の活動を支援しています」: the committee is supported by the team's three bodies, so it
# is never introduced to them, and it keeps them when F係長 leaves.
def test_akuwa_committee_is_supported_by_the_three_bodies():
    bodies = ("seya-ward-office", "seya-care-plaza", "seya-shakyo")
    suggested = pairs_of(as_json("suggest", "akuwa-north", "--top", "0"))
    assert not suggested & {frozenset((COMMITTEE, b)) for b in bodies}
    gone = as_json("whatif", "akuwa-north", "--remove", "seya-section-chief-f")
    assert COMMITTEE not in gone["without_contact"]
    sheet = run("handover", "akuwa-north", "--person", "F係長")
    committee = sheet.split("相手: 阿久和北部見守りネットワーク実行委員会")[1].split("相手:")[0]
    known = next(line for line in committee.splitlines() if "ほかに知っている人" in line)
    assert all(name in known for name in ("地域ケアプラザ（瀬谷区）", "瀬谷区社会福祉協議会", "瀬谷区役所"))


# 「アンケートの質問項目については、地域の方が主体となって検討し、集計は行政が主に行なうなど、それぞれ得意分野を活かして、
#  取り組みました。」
def test_akuwa_ward_office_tallied_the_survey():
    text = run("whatif", "akuwa-north", "--remove", "seya-ward-office")
    assert "瀬谷区役所 – 阿久和北部見守りネットワーク実行委員会: 支援" in text
    assert "見守りに関する全世帯アンケート調査（約3,600世帯）" in text


# おやじの広場, the 地区支援チーム and 瀬谷区役所 are named in the text; only what they offer (and who holds a tie) is
# a reading, so the report must not list them as inferred actors.
def test_akuwa_report_does_not_call_named_bodies_inferred(tmp_path):
    line = report_line(report_text("akuwa-north", tmp_path), "推定したアクター")
    listed = set(line.split(":", 1)[1].strip().split("、")) if ":" in line else set()
    for name in ("おやじの広場", "地区支援チーム（阿久和北部地区担当）", "瀬谷区役所"):
        assert name not in listed
    assert listed <= whole_record_inferred("akuwa-north"), listed - whole_record_inferred("akuwa-north")


@pytest.mark.parametrize("case", ["konandai-playpark", "kodomo-fudo", "nippa", "akuwa-north"])
def test_field_level_readings_are_recorded_field_by_field(case):
    """The data side of the rule: a named actor is never inferred as a whole record just because one field is read."""
    named = {
        "nippa": {S_NAME},
        "akuwa-north": {"おやじの広場", "地区支援チーム（阿久和北部地区担当）", "瀬谷区役所"},
        "konandai-playpark": {"こどもの生き生きスペースづくり塾"},
        "kodomo-fudo": {"北部農政事務所", "四季の家", "子どものワークショップ"},
    }[case]
    assert named <= field_inferred(case)
    assert not named & whole_record_inferred(case)
