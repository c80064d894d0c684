"""Files as Japanese ward offices and district coordinators really keep them, and what each one says.

Not the tool's template: a ward office's 団体一覧 workbook (a title row, a merged 種別 cell, partners written
as abbreviations in one cell, 活動開始 in every way people write a year), a Google-Forms survey saved from Excel
as CP932, a Kumu export in Japanese, and a YAML file typed by someone after one look at the README.

Each builder writes its file into a folder and returns an :class:`Expected`: the ground truth a careful human
reading the file would state. Every district, group and person here is invented; telephone numbers are made up
and the e-mail addresses use the reserved ``example.jp`` domain.

The truth is written out by hand (partners as the names they stand for, years as numbers), and each builder
checks its own bookkeeping as it goes: every partner must be a row's full name or one of the abbreviations
listed for that file, and every name must be unique.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

__all__ = ["Expected", "ward_list_workbook", "survey_csv", "kumu_workbook", "casual_yaml", "BUILDERS", "NOTHING"]

#: Words that mean "nothing written" in a cell: never an actor, a partner, a need or an offer.
NOTHING = ("なし", "特になし", "（無回答）", "不明")


@dataclass
class Expected:
    """What a file says, as a careful human would read it."""

    path: Path
    district_name: str
    #: actor full name → the 種別 (Type, sector) word exactly as written in the file.
    categories: dict[str, str]
    #: pairs of actor full names joined by a relation, as the file says (partners resolved to full names).
    ties: set[frozenset[str]]
    #: partner names the file mentions that are not rows of its list: each becomes an actor, sector "other".
    new_actors: set[str] = field(default_factory=set)
    #: project name → participant full names (a 所管課 takes part in its project).
    projects: dict[str, set[str]] = field(default_factory=dict)
    #: actor full name → the year it started (only where the file gives one that can be read).
    years: dict[str, int] = field(default_factory=dict)
    #: phone numbers and e-mail addresses: never in a ``--public`` output.
    private_texts: list[str] = field(default_factory=list)
    #: the name kept → the other written names of the same group merged into it (the survey's double answer).
    merged: dict[str, set[str]] = field(default_factory=dict)
    #: words ``kyodo validate`` should show to say what it understood: the file's headings it read (and, for
    #: the YAML file, the slip of a name it corrected).
    shown: tuple[str, ...] = ()

    @property
    def actors(self) -> set[str]:
        """Every actor the file gives: its rows and the partners that are not rows."""
        return set(self.categories) | self.new_actors | set(self.merged)


def _resolver(names: Iterable[str], aliases: dict[str, str], outside: Iterable[str] = ()):
    """A function: what a partner as written stands for (a row's full name, an alias's, or a non-row)."""
    rows = set(names)
    outside = set(outside)
    bad = [a for a, full in aliases.items() if full not in rows]
    if bad:
        msg = f"aliases to no row: {bad}"
        raise ValueError(msg)
    if outside & rows:
        msg = f"non-row partners that are rows: {outside & rows}"
        raise ValueError(msg)

    def resolve(written: str) -> str:
        if written in rows or written in outside:
            return written
        if written in aliases:
            return aliases[written]
        msg = f"partner {written!r} is neither a row, an abbreviation nor a listed non-row"
        raise ValueError(msg)

    return resolve


def _unique(names: list[str]) -> None:
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        msg = f"names used twice: {dup}"
        raise ValueError(msg)


# ---------------------------------------------------------------------------------------------------------------
# 1. 野庭地区団体一覧.xlsx — a ward office's list of groups
# ---------------------------------------------------------------------------------------------------------------

NIPPA_TITLE = "野庭地区 団体一覧（令和5年4月現在）"
NIPPA_HEADER = ["No.", "団体名", "種別", "代表者", "連絡先（取扱注意）", "活動分野", "主な連携先", "活動開始", "備考"]

#: Abbreviations a 野庭 coordinator writes in 主な連携先 and 参加団体, and the one row each stands for.
NIPPA_ALIASES = {
    "地区社協": "野庭地区社会福祉協議会",
    "民児協": "野庭地区民生委員児童委員協議会",
    "野庭小": "横浜市立野庭小学校",
    "ケアプラザ": "野庭地域ケアプラザ",
}
#: Partners named in the workbook that are not rows of the list.
NIPPA_OUTSIDE = ("港南区地域振興課", "港南警察署", "港南区福祉保健課")

# name, 種別, 代表者, 連絡先, 活動分野, partners (list, "なし" or None), separator, 活動開始 cell, year, 備考
_NIPPA_ROWS: list[tuple] = [
    (
        "野庭連合町内会",
        "連合町内会",
        "田村 恒夫",
        "045-841-2201",
        "地域自治・防災",
        ["地区社協", "民児協", "港南区地域振興課"],
        "、",
        "昭和52年4月",
        1977,
        None,
    ),
    # the six 町内会: one 種別 cell merged over their rows
    (
        "野庭町第一町内会",
        "町内会",
        "小池 正和",
        "045-841-3312",
        "防災・防犯",
        ["野庭連合町内会"],
        "、",
        "昭和45年",
        1970,
        None,
    ),
    (
        "野庭町第二町内会",
        "町内会",
        "石田 和子",
        "045-841-5530",
        "防災・清掃",
        ["野庭連合町内会", "港南消防団第五分団"],
        "・",
        "不明",
        None,
        "会長交代（令和5年度）",
    ),
    ("野庭町東町内会", "町内会", "森 勝", "045-842-0118", "防犯パトロール", "なし", "、", None, None, None),
    ("野庭町西町内会", "町内会", "吉川 明美", "045-842-7764", "清掃・美化", None, "、", "昭和48年", 1973, None),
    (
        "野庭台町内会",
        "町内会",
        "岡本 茂",
        "045-842-3390",
        "防災",
        ["野庭連合町内会", "野庭すこやか見守り隊"],
        "、",
        "H3",
        1991,
        None,
    ),
    (
        "野庭南町内会",
        "町内会",
        "佐野 武",
        "045-843-1207",
        "防犯・交通安全",
        ["野庭連合町内会", "港南警察署"],
        "、",
        None,
        None,
        "防犯灯の管理",
    ),
    (
        "野庭けやき台自治会",
        "自治会",
        "中島 洋一",
        "045-843-6651",
        "防災・子育て",
        ["野庭けやき台子ども会", "ケアプラザ"],
        "、",
        datetime(1998, 4, 1),
        1998,
        None,
    ),
    (
        "野庭ひばり自治会",
        "自治会",
        "上野 典子",
        "045-843-8822",
        "見守り・清掃",
        ["野庭ことぶき会"],
        "、",
        "平成10年",
        1998,
        None,
    ),
    (
        "野庭ことぶき会",
        "老人クラブ",
        "松尾 清",
        "045-844-1034",
        "健康づくり・親睦",
        ["ケアプラザ", "地区社協"],
        "・",
        "昭和60年",
        1985,
        None,
    ),
    (
        "野庭すみれ会",
        "老人クラブ",
        "原田 フミ",
        "045-844-2290",
        "趣味・親睦",
        ["野庭ことぶき会", "野庭歌声サークル"],
        "、",
        "平成17年頃",
        2005,
        None,
    ),
    (
        "野庭わくわく子ども会",
        "子ども会",
        "久保 真由美",
        "045-844-5127",
        "子ども育成",
        ["野庭小", "野庭町第一町内会"],
        "、",
        "不明",
        None,
        None,
    ),
    (
        "野庭けやき台子ども会",
        "子ども会",
        "杉本 恵",
        "045-844-6683",
        "子ども育成",
        ["野庭けやき台自治会"],
        "、",
        None,
        None,
        "会員減少",
    ),
    (
        "野庭地区民生委員児童委員協議会",
        "民生委員児童委員協議会",
        "宮本 幸子",
        "045-845-0071",
        "高齢者・子育て支援",
        ["地区社協", "ケアプラザ", "野庭小", "港南区福祉保健課"],
        "、",
        None,
        None,
        "委員21名",
    ),
    (
        "野庭地区社会福祉協議会",
        "地区社協",
        "大西 隆",
        "045-845-1189",
        "地域福祉",
        ["民児協", "ケアプラザ", "野庭連合町内会", "社会福祉法人のば福祉会"],
        "、",
        "平成二十年度",
        2008,
        None,
    ),
    (
        "港南消防団第五分団",
        "消防団",
        "工藤 浩二",
        "045-845-2243",
        "消防・防災",
        ["野庭町第二町内会", "野庭防災ボランティアの会"],
        "、",
        None,
        None,
        None,
    ),
    (
        "NPO法人のばまちネット",
        "NPO法人",
        "西村 亜紀",
        "info@nobamachi.example.jp",
        "まちづくり・情報発信",
        ["野庭商店会", "野庭地区センター", "港南区地域振興課"],
        "、",
        2015,
        2015,
        None,
    ),
    (
        "NPO法人こうなん障がい者支援の会",
        "NPO法人",
        "平野 修",
        "045-845-4410",
        "障がい者支援",
        ["社会福祉法人のば福祉会"],
        "、",
        "平成24年",
        2012,
        None,
    ),
    (
        "子育てサロン・ぽかぽか",
        "ボランティアグループ",
        "小松 彩",
        "090-2345-6781",
        "子育て支援",
        ["野庭地区センター", "民児協"],
        "、",
        "令和3年4月",
        2021,
        "毎月第2水曜",
    ),
    (
        "野庭おはなしの会",
        "ボランティアグループ",
        "内田 悦子",
        "045-846-0332",
        "読み聞かせ",
        ["野庭小", "子育てサロン・ぽかぽか", "野庭コミュニティハウス"],
        "・",
        "平成15年",
        2003,
        None,
    ),
    (
        "傾聴ボランティアこだま",
        "ボランティアグループ",
        "菅原 陽子",
        "045-846-1195",
        "傾聴・高齢者支援",
        ["ケアプラザ", "デイサービスのばの家"],
        "、",
        "R2.10",
        2020,
        None,
    ),
    (
        "野庭すこやか見守り隊",
        "見守り隊",
        "藤田 義男",
        "045-846-2208",
        "高齢者見守り",
        ["民児協", "野庭台町内会", "港南警察署"],
        "・",
        "令和4年度～",
        2022,
        None,
    ),
    ("野庭体操クラブ", "任意団体", "野口 京子", "045-846-3371", "健康づくり", "なし", "、", "2010年", 2010, None),
    (
        "野庭歌声サークル",
        "任意団体",
        "市川 正子",
        "045-846-4456",
        "趣味・文化",
        ["野庭地区センター"],
        "、",
        "不明",
        None,
        None,
    ),
    (
        "社会福祉法人のば福祉会",
        "社会福祉法人",
        "飯田 敏行",
        "045-847-0100",
        "高齢者福祉",
        ["地区社協", "NPO法人こうなん障がい者支援の会"],
        "、",
        "昭和63年",
        1988,
        None,
    ),
    (
        "デイサービスのばの家",
        "介護事業者",
        "青木 哲也",
        "045-847-1210",
        "介護",
        ["ケアプラザ", "のば内科クリニック"],
        "、",
        "平成22年4月",
        2010,
        None,
    ),
    ("のば内科クリニック", "医療機関", "村田 健", "045-847-2323", "医療", ["ケアプラザ"], "、", None, None, None),
    ("野庭歯科医院", "医療機関", "増田 聡", "045-847-3434", "歯科医療", None, "、", None, None, None),
    (
        "横浜南信用金庫野庭支店",
        "金融機関",
        "星野 浩",
        "045-847-4545",
        "地域金融",
        ["野庭商店会"],
        "、",
        None,
        None,
        None,
    ),
    (
        "野庭地区センター",
        "公共施設",
        "館長 佐藤 礼子",
        "045-848-0011",
        "生涯学習・貸室",
        ["野庭連合町内会", "NPO法人のばまちネット"],
        "、",
        "平成4年",
        1992,
        "指定管理",
    ),
    (
        "野庭地域ケアプラザ",
        "地域ケアプラザ",
        "所長 本田 直美",
        "045-848-1122",
        "地域福祉・介護予防",
        ["地区社協", "民児協", "野庭ことぶき会", "港南区福祉保健課"],
        "、",
        "平成14年4月",
        2002,
        None,
    ),
    (
        "横浜市立野庭小学校",
        "小学校",
        "校長 坂本 誠",
        "045-848-2233",
        "学校教育",
        ["横浜市立野庭中学校", "野庭わくわく子ども会"],
        "、",
        None,
        None,
        None,
    ),
    (
        "横浜市立野庭中学校",
        "中学校",
        "校長 松井 孝",
        "045-848-3344",
        "学校教育",
        ["野庭中学校PTA", "野庭小"],
        "、",
        None,
        None,
        None,
    ),
    ("野庭中学校PTA", "PTA", "高田 理恵", "045-848-4455", "学校支援", ["横浜市立野庭中学校"], "、", None, None, None),
    (
        "野庭商店会",
        "商店会",
        "大塚 伸也",
        "045-849-0066",
        "商業・地域イベント",
        ["NPO法人のばまちネット", "横浜南信用金庫野庭支店", "スーパーマルナカ野庭店"],
        "、",
        "昭和50年頃",
        1975,
        None,
    ),
    (
        "有限会社野庭工務店",
        "企業・事業者",
        "近藤 実",
        "045-849-1177",
        "住宅・防災",
        ["野庭防災ボランティアの会"],
        "、",
        None,
        None,
        None,
    ),
    (
        "スーパーマルナカ野庭店",
        "企業・事業者",
        "店長 川口 剛",
        "045-849-2288",
        "小売",
        ["野庭商店会", "のばこども食堂"],
        "・",
        None,
        None,
        "食品寄付",
    ),
    (
        "野庭コミュニティハウス",
        "公共施設",
        "館長 安藤 和美",
        "045-849-3399",
        "貸室・図書",
        ["野庭おはなしの会"],
        "、",
        "平成9年",
        1997,
        None,
    ),
    (
        "野庭防災ボランティアの会",
        "ボランティアグループ",
        "堀 健一",
        "045-849-4400",
        "防災",
        ["港南消防団第五分団", "有限会社野庭工務店", "野庭連合町内会"],
        "、",
        "平成24年度",
        2012,
        None,
    ),
    (
        "野庭地区青少年指導員会",
        "その他",
        "浅野 光",
        "045-850-0155",
        "青少年育成",
        ["野庭小", "野庭わくわく子ども会"],
        "、",
        None,
        None,
        None,
    ),
    (
        "野庭地区スポーツ推進委員会",
        "その他",
        "木下 大輔",
        "045-850-1266",
        "スポーツ振興",
        ["野庭体操クラブ"],
        "、",
        None,
        None,
        None,
    ),
    (
        "のばこども食堂",
        "任意団体",
        "永井 加奈",
        "045-850-2377",
        "子どもの居場所",
        ["スーパーマルナカ野庭店", "地区社協"],
        "、",
        "令和元年",
        2019,
        "月2回",
    ),
    ("野庭囲碁クラブ", "任意団体", "酒井 昭", "045-850-3488", "趣味", "なし", "、", "不明", None, None),
    (
        "野庭花壇ボランティア",
        "ボランティアグループ",
        "関 弘美",
        "045-850-4599",
        "緑化・美化",
        ["野庭地区センター"],
        "、",
        "R5",
        2023,
        None,
    ),
]

# 協働事業名, 参加団体 (as written), 年度, 所管課
_NIPPA_PROJECTS: list[tuple[str, list[str], str, str | None]] = [
    *[
        (
            "野庭ふれあい祭り",
            ["野庭連合町内会", "地区社協", "野庭商店会", "横浜市立野庭小学校", "NPO法人のばまちネット"],
            nendo,
            "港南区地域振興課",
        )
        for nendo in ("令和3年度", "令和4年度", "令和5年度")
    ],
    (
        "野庭見守り声かけ訓練",
        ["野庭地区民生委員児童委員協議会", "ケアプラザ", "野庭すこやか見守り隊", "野庭ことぶき会"],
        "令和5年度",
        "港南区福祉保健課",
    ),
    (
        "のばこども食堂応援事業",
        ["のばこども食堂", "スーパーマルナカ野庭店", "子育てサロン・ぽかぽか"],
        "令和4年度",
        None,
    ),
]

#: the first of the six 町内会 rows whose 種別 cell is merged (index into _NIPPA_ROWS)
_MERGED_FROM = 1


def ward_list_workbook(folder: Path) -> Expected:
    """「野庭地区団体一覧.xlsx」: a ward office's 団体一覧 (and its 事業一覧), 44 groups."""
    names = [r[0] for r in _NIPPA_ROWS]
    _unique(names)
    resolve = _resolver(names, NIPPA_ALIASES, NIPPA_OUTSIDE)
    assert all(_NIPPA_ROWS[i][1] == "町内会" for i in range(_MERGED_FROM, _MERGED_FROM + 6))

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "団体一覧"
    ws["A1"] = NIPPA_TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:I1")
    # row 2 stays blank
    for col, heading in enumerate(NIPPA_HEADER, start=1):
        ws.cell(row=3, column=col, value=heading).font = Font(bold=True)
    expected = Expected(
        path=folder / "野庭地区団体一覧.xlsx",
        district_name="野庭地区",
        categories={},
        ties=set(),
        shown=("団体名", "種別", "主な連携先", "活動開始", "参加団体"),
    )
    first = 4
    for i, (name, kind, rep, contact, area, partners, sep, since, year, note) in enumerate(_NIPPA_ROWS):
        row = first + i
        merged_below = _MERGED_FROM < i < _MERGED_FROM + 6
        if isinstance(partners, list):
            cell = sep.join(partners)
        else:
            cell = partners  # 「なし」 or empty
        values = [i + 1, name, None if merged_below else kind, rep, contact, area, cell, since, note]
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=row, column=col, value=value)
        if isinstance(since, datetime):
            ws.cell(row=row, column=8).number_format = "yyyy/m/d"
        expected.categories[name] = kind
        expected.private_texts.append(contact)
        if year is not None:
            expected.years[name] = year
        for written in partners if isinstance(partners, list) else ():
            other = resolve(written)
            expected.ties.add(frozenset((name, other)))
            if other in NIPPA_OUTSIDE:
                expected.new_actors.add(other)
    top = first + _MERGED_FROM
    ws.merge_cells(start_row=top, start_column=3, end_row=top + 5, end_column=3)
    ws.cell(row=top, column=3).alignment = Alignment(vertical="center")
    for letter, width in zip("ABCDEFGHI", (5, 30, 18, 14, 24, 18, 40, 14, 20)):
        ws.column_dimensions[letter].width = width

    ws2 = book.create_sheet("事業一覧")
    ws2.append(["協働事業名", "参加団体", "年度", "所管課"])
    for project, members, nendo, dept in _NIPPA_PROJECTS:
        ws2.append([project, "、".join(members), nendo, dept])
        people = {resolve(m) for m in members} | ({dept} if dept else set())
        if dept and dept not in names:
            expected.new_actors.add(dept)
        if project in expected.projects and expected.projects[project] != people:
            msg = f"{project}: the repeated rows must have the same participants"
            raise ValueError(msg)
        expected.projects[project] = people
    ws2.column_dimensions["A"].width = 24
    ws2.column_dimensions["B"].width = 70
    book.save(expected.path)
    return expected


# ---------------------------------------------------------------------------------------------------------------
# 2. 日野南地区アンケート.csv — a Google Forms survey, saved from Excel as CP932
# ---------------------------------------------------------------------------------------------------------------

SURVEY_PARTNERS = "一緒に活動している団体（複数可）"
SURVEY_HEADER = ["タイムスタンプ", "団体名", "種別", SURVEY_PARTNERS, "困っていること", "提供できること"]

SURVEY_KEPT = "NPO法人 ひのみなみ子育てネット"
SURVEY_SECOND = "ひのみなみ子育てネット"

#: How the answering groups name each other, and the one group each stands for.
SURVEY_ALIASES = {
    "地区社協": "日野南地区社会福祉協議会",
    "民児協": "日野南地区民生委員児童委員協議会",
    "日野南小": "横浜市立日野南小学校",
    "日野南小学校": "横浜市立日野南小学校",
    "ケアプラザ": "日野南地域ケアプラザ",
    "子育てネット": SURVEY_KEPT,
    SURVEY_SECOND: SURVEY_KEPT,
    "連合自治会": "日野南連合自治会",
    "さくら会": "日野南さくら会",
}
SURVEY_OUTSIDE = ("港南区社会福祉協議会", "港南区役所", "日野南保育園")

# timestamp, 団体名, 種別, partners as written (list | str for "nothing"), separator, 困っていること, 提供できること
_SURVEY_ROWS: list[tuple] = [
    (
        "2024/06/03 10:15:22",
        "日野南連合自治会",
        "連合自治会",
        ["地区社協", "民児協", "港南区役所"],
        "、",
        "役員のなり手がいない",
        "会場（集会所）",
    ),
    (
        "2024/06/03 11:02:47",
        "日野南一丁目自治会",
        "自治会",
        ["連合自治会", "日野南防災ボランティア"],
        "，",
        "高齢化",
        "人手",
    ),
    ("2024/06/03 13:40:05", "日野南二丁目自治会", "自治会", ["連合自治会", "さくら会"], "\n", "担い手不足", "なし"),
    ("2024/06/04 09:12:31", "日野南ハイツ自治会", "自治会", "特になし", "", "特になし", "集会所の貸出"),
    (
        "2024/06/04 14:55:10",
        "日野南さくら会",
        "老人クラブ",
        ["ケアプラザ", "日野南シニア体操の会"],
        "・",
        "会員の高齢化",
        "（無回答）",
    ),
    (
        "2024/06/05 08:30:44",
        "日野南いきいきクラブ",
        "老人クラブ",
        ["ケアプラザ", "さくら会"],
        ",",
        "（無回答）",
        "囲碁・将棋の指導",
    ),
    (
        "2024/06/05 19:21:09",
        "日野南子ども会",
        "子ども会",
        ["日野南小", "日野南一丁目自治会", "ひのみなみ子ども食堂"],
        "、",
        "加入者が減っている",
        "夏祭りの手伝い",
    ),
    (
        "2024/06/06 10:05:58",
        "日野南地区民生委員児童委員協議会",
        "民児協",
        ["地区社協", "ケアプラザ", "日野南小学校", "港南区役所"],
        "\n",
        "委員の欠員",
        "見守りの情報",
    ),
    (
        "2024/06/06 16:48:13",
        "日野南地区社会福祉協議会",
        "地区社協",
        ["民児協", "連合自治会", "港南区社会福祉協議会"],
        "、",
        "ボランティア不足",
        "助成金の情報",
    ),
    (
        "2024/06/07 09:33:27",
        SURVEY_KEPT,
        "NPO法人",
        ["ひのみなみ子ども食堂", "日野南小", "ケアプラザ"],
        "、",
        "活動資金",
        "子育て相談",
    ),
    (
        "2024/06/07 12:10:40",
        "日野南おやこ広場",
        "ボランティアグループ",
        ["子育てネット", "日野南保育園"],
        "・",
        "場所の確保",
        "人手",
    ),
    (
        "2024/06/08 10:00:18",
        "横浜市立日野南小学校",
        "小学校",
        ["日野南子ども会", "民児協", "日野南読み聞かせの会"],
        "，",
        "なし",
        "体育館（休日）",
    ),
    (
        "2024/06/08 15:27:36",
        "日野南中学校おやじの会",
        "その他",
        ["日野南小", "日野南防災ボランティア"],
        "、",
        "会員が少ない",
        "力仕事",
    ),
    (
        "2024/06/10 09:45:02",
        "日野南地域ケアプラザ",
        "地域ケアプラザ",
        ["地区社協", "民児協", "日野南さくら会", "デイサービスひのみなみ"],
        "\n",
        "（無回答）",
        "会議室",
    ),
    ("2024/06/10 13:13:13", "日野南商店会", "商店会", ["連合自治会", "日野南歯科クリニック"], ",", "空き店舗", "協賛"),
    (
        "2024/06/11 18:02:55",
        "日野南防災ボランティア",
        "ボランティアグループ",
        ["日野南一丁目自治会", "日野南中学校おやじの会"],
        "、",
        "訓練の参加者が少ない",
        "防災訓練の指導",
    ),
    (
        "2024/06/12 11:31:20",
        "ひのみなみ子ども食堂",
        "任意団体",
        ["子育てネット", "日野南子ども会", "地区社協"],
        "、",
        "食材の確保",
        "食事の提供",
    ),
    (
        "2024/06/12 20:44:09",
        "日野南読み聞かせの会",
        "ボランティアグループ",
        ["日野南小"],
        "、",
        "特になし",
        "読み聞かせ",
    ),
    ("2024/06/13 10:18:47", "日野南シニア体操の会", "任意団体", ["さくら会"], "、", "会場費", "なし"),
    (
        "2024/06/14 14:06:33",
        "傾聴ボランティアひだまり",
        "ボランティアグループ",
        ["ケアプラザ", "デイサービスひのみなみ"],
        "，",
        "（無回答）",
        "傾聴",
    ),
    ("2024/06/14 17:50:21", "日野南歯科クリニック", "医療機関", "なし", "", "特になし", "歯の健康講座"),
    (
        "2024/06/17 09:09:09",
        "デイサービスひのみなみ",
        "介護事業者",
        ["ケアプラザ", "傾聴ボランティアひだまり"],
        "、",
        "人材不足",
        "車いすの貸出",
    ),
    (
        "2024/06/18 15:35:42",
        "日野南コミュニティハウス",
        "公共施設",
        ["日野南読み聞かせの会", "日野南おやこ広場"],
        "\n",
        "（無回答）",
        "貸室",
    ),
    (
        "2024/06/19 10:22:16",
        "日野南花の会",
        "その他",
        "（無回答）",
        "",
        "（無回答）",
        "花苗（連絡は 080-3141-5926 まで）",
    ),
    (
        "2024/06/20 11:47:58",
        "日野南ふれあい見守りの会",
        "見守り",
        ["民児協", "日野南ハイツ自治会"],
        "・",
        "担い手不足",
        "見守り",
    ),
    # the same NPO answers again, under its short name, with one more partner
    (
        "2024/06/24 21:03:30",
        SURVEY_SECOND,
        "NPO法人",
        ["ひのみなみ子ども食堂", "日野南小学校", "ケアプラザ", "日野南おやこ広場"],
        "\n",
        "活動資金・人手",
        "子育て相談",
    ),
]


def survey_csv(folder: Path) -> Expected:
    """「日野南地区アンケート.csv」: one answer per group (25 groups, one of which answered twice), CP932."""
    groups = [r[1] for r in _SURVEY_ROWS if r[1] != SURVEY_SECOND]
    _unique(groups)
    resolve = _resolver(groups, SURVEY_ALIASES, SURVEY_OUTSIDE)
    expected = Expected(
        path=folder / "日野南地区アンケート.csv",
        district_name="日野南地区",
        categories={},
        ties=set(),
        merged={SURVEY_KEPT: {SURVEY_SECOND}},
        shown=("団体名", "種別", SURVEY_PARTNERS),
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SURVEY_HEADER)
    for stamp, name, kind, partners, sep, needs, offers in _SURVEY_ROWS:
        cell = sep.join(partners) if isinstance(partners, list) else partners
        writer.writerow([stamp, name, kind, cell, needs, offers])
        kept = SURVEY_KEPT if name == SURVEY_SECOND else name
        expected.categories[kept] = kind
        for written in partners if isinstance(partners, list) else ():
            other = resolve(written)
            if other == kept:
                msg = f"{name} names itself"
                raise ValueError(msg)
            expected.ties.add(frozenset((kept, other)))
            if other in SURVEY_OUTSIDE:
                expected.new_actors.add(other)
    expected.private_texts.append("080-3141-5926")
    expected.path.write_bytes(out.getvalue().encode("cp932"))
    return expected


# ---------------------------------------------------------------------------------------------------------------
# 3. 港南台つながりマップ.xlsx — a Kumu map, exported, in Japanese
# ---------------------------------------------------------------------------------------------------------------

# Label, Type, Description, Tags
_KUMU_ELEMENTS: list[tuple[str, str, str | None, str | None]] = [
    ("港南台連合自治会", "連合自治会", "12自治会の連合", "防災|地域自治"),
    ("港南台三丁目自治会", "自治会", "月1回の役員会", "防災"),
    ("港南台五丁目自治会", "自治会", None, "防災|清掃"),
    ("港南台ひばり自治会", "自治会", "団地の自治会", "見守り"),
    ("港南台ゆうゆうクラブ", "老人クラブ", "会員48名", "健康づくり"),
    ("港南台さわやか会", "老人クラブ", None, "趣味"),
    ("港南台三丁目子ども会", "子ども会", None, "子育て"),
    ("NPO法人港南台ひろば", "NPO", "コミュニティハウスの指定管理者", "まちづくり|居場所"),
    ("NPO法人こどもの居場所ぽけっと", "NPO", "学習支援", "子育て|居場所"),
    ("港南区役所地域振興課", "区役所", None, "行政"),
    ("港南区役所福祉保健課", "区役所", "地区担当保健師", "行政|福祉"),
    ("港南台地域ケアプラザ", "地域ケアプラザ", "地域包括支援センター併設", "福祉|介護予防"),
    ("横浜市立港南台第一小学校", "小学校", None, "学校"),
    ("横浜市立港南台第一中学校", "中学校", None, "学校"),
    ("港南台第一小学校PTA", "PTA", None, "学校|子育て"),
    ("港南台地区社会福祉協議会", "地区社協", "ふれあい助成の窓口", "福祉"),
    ("港南台地区民生委員児童委員協議会", "民児協", "委員18名", "福祉|見守り"),
    ("港南台商店会", "商店会", None, "商業"),
    ("港南台コミュニティハウス", "公共施設", None, "居場所"),
    ("港南台地区センター", "公共施設", None, "生涯学習"),
    ("港南台まちの防災ネット", "ボランティア", "防災訓練の企画", "防災"),
    ("港南台見守りボランティア", "ボランティア", None, "見守り"),
    ("港南台すこやか体操の会", "任意団体", "毎週木曜・問合せ 045-833-2571", "健康づくり"),
    ("港南台内科医院", "医療機関", None, "医療"),
    ("こうなん信用金庫港南台支店", "金融機関", None, "企業"),
    ("株式会社港南台ビルサービス", "企業", "地区センターの指定管理者", "企業"),
    ("港南台子育てサロンにこにこ", "ボランティア", "毎月第3金曜", "子育て"),
    ("港南台ふれあい食堂", "任意団体", "子ども食堂", "子育て|居場所"),
    ("港南台防犯パトロール隊", "防犯", None, "防犯"),
    ("港南台わくわく農園", "その他", "市民農園", "環境"),
]

KUMU_OUTSIDE = ("フードバンクこうなん",)

# From, To, Type, Description
_KUMU_CONNECTIONS: list[tuple[str, str, str | None, str | None]] = [
    ("港南台三丁目自治会", "港南台連合自治会", "連合", None),
    ("港南台五丁目自治会", "港南台連合自治会", "連合", None),
    ("港南台ひばり自治会", "港南台連合自治会", "連合", None),
    ("港南台連合自治会", "港南台地区社会福祉協議会", "協働", "ふれあい祭り"),
    ("港南台連合自治会", "港南区役所地域振興課", "担当", None),
    ("港南台連合自治会", "港南台まちの防災ネット", "協働", "防災訓練"),
    ("港南台三丁目子ども会", "港南台三丁目自治会", "所属", None),
    ("港南台三丁目子ども会", "横浜市立港南台第一小学校", "協働", None),
    ("港南台ゆうゆうクラブ", "港南台地域ケアプラザ", "協働", "介護予防教室"),
    ("港南台さわやか会", "港南台すこやか体操の会", None, None),
    ("港南台さわやか会", "港南台ゆうゆうクラブ", "協働", None),
    ("港南台地区民生委員児童委員協議会", "港南台地区社会福祉協議会", "協働", None),
    ("港南台地区民生委員児童委員協議会", "港南区役所福祉保健課", "担当", None),
    ("港南台地区民生委員児童委員協議会", "港南台見守りボランティア", "協働", "見守り"),
    ("港南台ひばり自治会", "港南台見守りボランティア", "見守り協定", "令和4年締結"),
    ("港南台地域ケアプラザ", "港南台地区社会福祉協議会", "協働", None),
    ("港南台地域ケアプラザ", "港南区役所福祉保健課", "協働", None),
    ("港南台地域ケアプラザ", "港南台内科医院", "協働", "在宅医療の相談"),
    ("NPO法人港南台ひろば", "港南台コミュニティハウス", "指定管理", None),
    ("株式会社港南台ビルサービス", "港南台地区センター", "指定管理", None),
    ("NPO法人港南台ひろば", "港南区役所地域振興課", "協働", None),
    ("NPO法人こどもの居場所ぽけっと", "港南台ふれあい食堂", "協働", None),
    ("NPO法人こどもの居場所ぽけっと", "横浜市立港南台第一中学校", "協働", "学習支援"),
    ("港南台第一小学校PTA", "横浜市立港南台第一小学校", "所属", None),
    ("港南台商店会", "港南台ふれあい食堂", "寄付", "食材"),
    ("こうなん信用金庫港南台支店", "港南台商店会", "協働", None),
    ("こうなん信用金庫港南台支店", "港南台地区社会福祉協議会", "寄付", None),
    ("港南台子育てサロンにこにこ", "港南台コミュニティハウス", None, "会場"),
    ("港南台子育てサロンにこにこ", "港南台地区民生委員児童委員協議会", "協働", None),
    ("港南台防犯パトロール隊", "港南台五丁目自治会", "協働", None),
    ("港南台防犯パトロール隊", "横浜市立港南台第一小学校", "見守り協定", "登下校の見守り"),
    ("港南台わくわく農園", "港南台ふれあい食堂", "寄付", "野菜"),
    ("港南台わくわく農園", "港南台地区センター", "協働", None),
    ("港南台すこやか体操の会", "港南台地区センター", None, None),
    ("港南台まちの防災ネット", "港南台五丁目自治会", "協働", None),
    ("フードバンクこうなん", "港南台ふれあい食堂", "寄付", None),
]


def kumu_workbook(folder: Path) -> Expected:
    """「港南台つながりマップ.xlsx」: Kumu's Elements and Connections sheets, 30 elements in Japanese."""
    labels = [e[0] for e in _KUMU_ELEMENTS]
    _unique(labels)
    resolve = _resolver(labels, {}, KUMU_OUTSIDE)
    expected = Expected(
        path=folder / "港南台つながりマップ.xlsx",
        district_name="港南台",
        categories={},
        ties=set(),
        shown=("Label", "Type", "From", "To"),
    )
    book = openpyxl.Workbook()
    book.remove(book.active)
    elements = book.create_sheet("Elements")
    elements.append(["Label", "Type", "Description", "Tags"])
    for label, kind, description, tags in _KUMU_ELEMENTS:
        elements.append([label, kind, description, tags])
        expected.categories[label] = kind
    connections = book.create_sheet("Connections")
    connections.append(["From", "To", "Type", "Description"])
    for source, target, kind, description in _KUMU_CONNECTIONS:
        connections.append([source, target, kind, description])
        pair = frozenset((resolve(source), resolve(target)))
        if len(pair) != 2 or pair in expected.ties:
            msg = f"connection {source} → {target} repeats or loops"
            raise ValueError(msg)
        expected.ties.add(pair)
        expected.new_actors |= pair & set(KUMU_OUTSIDE)
    expected.private_texts.append("045-833-2571")
    book.save(expected.path)
    return expected


# ---------------------------------------------------------------------------------------------------------------
# 4. 上永谷地区.yaml — typed by a coordinator after one look at the README
# ---------------------------------------------------------------------------------------------------------------

#: The slip in one relation: the name written, and the actor meant.
YAML_SLIP = ("上永谷すずらん回", "上永谷すずらん会")

_YAML_TEXT = """\
# 上永谷地区の協働マップ（2024年6月 コーディネーター作成）
name: 上永谷地区

actors:
  - name: 上永谷連合町内会
    sector: 自治会
    since: 昭和50年
  - name: 上永谷一丁目町内会
    sector: 自治会
  - name: 上永谷丸山台自治会
    sector: 自治会
    since: 平成2年
  - name: 上永谷西町内会
    sector: 自治会
  - name: 上永谷すずらん会
    sector: 老人クラブ
    since: 平成25年
    contact: 045-822-3141
  - name: 上永谷ひまわりクラブ
    sector: 老人クラブ
  - name: 上永谷地区民生委員児童委員協議会
    sector: 民児協
  - name: 上永谷地区社会福祉協議会
    sector: 地区社協
    since: 平成12年
  - name: NPO法人かみなが子育て応援団
    sector: NPO法人
    since: 2011
  - name: NPO法人上永谷まちづくりフォーラム
    sector: NPO法人
  - name: 上永谷ファミリークリニック
    sector: 医療機関
  - name: まるやま整骨院
    sector: 医療機関
  - name: 上永谷駅前商店会
    sector: 企業・事業者
  - name: 株式会社かみなが不動産
    sector: 企業・事業者
  - name: 上永谷郵便局
    sector: 企業・事業者
  - name: 上永谷青少年指導員会
    sector: その他
  - name: 上永谷おはなしボランティア
    sector: ボランティア
  - name: 上永谷防災ボランティア
    sector: ボランティア
  - name: 上永谷こども食堂
    sector: その他
    since: R1
  - name: 上永谷地域ケアプラザ
    sector: ケアプラザ
  - name: 上永谷小学校
    sector: 小学校
  - name: 上永谷中学校
    sector: 中学校
  - name: 港南区役所 地域振興課
    sector: 区役所
  - name: 上永谷地区センター
    sector: その他
  - name: 上永谷ボランティアバンク
    sector: その他

relations:
  - from: 上永谷一丁目町内会
    to: 上永谷連合町内会
    type: 所属
  - from: 上永谷丸山台自治会
    to: 上永谷連合町内会
    type: 所属
  - from: 上永谷西町内会
    to: 上永谷連合町内会
    type: 所属
  - from: 上永谷連合町内会
    to: 上永谷地区社会福祉協議会
    type: 協働
  - from: 上永谷連合町内会
    to: 港南区役所 地域振興課
    type: 連携
  - from: 上永谷すずらん回
    to: 上永谷地域ケアプラザ
    type: 協力
  - from: 上永谷ひまわりクラブ
    to: 上永谷一丁目町内会
    type: 協力
  - from: 上永谷地区民生委員児童委員協議会
    to: 上永谷地区社会福祉協議会
    type: 連携
  - from: 上永谷地区民生委員児童委員協議会
    to: 上永谷丸山台自治会
    type: 見守り協定
  - from: 上永谷地域ケアプラザ
    to: 上永谷ファミリークリニック
    type: 連携
  - from: まるやま整骨院
    to: 上永谷すずらん会
    type: 協力
  - from: NPO法人かみなが子育て応援団
    to: 上永谷小学校
    type: 協働
  - from: NPO法人かみなが子育て応援団
    to: 上永谷こども食堂
    type: 協働
  - from: 上永谷駅前商店会
    to: 上永谷こども食堂
    type: 寄付
  - from: 株式会社かみなが不動産
    to: 上永谷駅前商店会
    type: 役員
  - from: 上永谷郵便局
    to: 上永谷防災ボランティア
    type: 見守り協定
  - {from: 上永谷青少年指導員会, to: 上永谷中学校, type: 協力}
  - {from: 上永谷おはなしボランティア, to: 上永谷地区センター, type: 協力}
  - {from: 上永谷ボランティアバンク, to: 上永谷おはなしボランティア, type: 所属}
  - {from: NPO法人上永谷まちづくりフォーラム, to: 上永谷地区センター, type: 協働}
  - {from: NPO法人上永谷まちづくりフォーラム, to: 港南区役所 地域振興課, type: 協働}
  - {from: 上永谷防災ボランティア, to: 上永谷西町内会, type: 連携}

projects:
  - name: 上永谷ふるさと祭り
    year: 2019
    participants:
      - 上永谷連合町内会
      - 上永谷地区社会福祉協議会
      - 上永谷駅前商店会
      - NPO法人上永谷まちづくりフォーラム
      - 港南区役所 地域振興課
"""


def _yaml_truth() -> tuple[dict[str, str], set[frozenset[str]], dict[str, int], dict[str, set[str]]]:
    """Read the text above line by line (no YAML library: the truth must not depend on a parser's quirks)."""
    categories: dict[str, str] = {}
    ties: set[frozenset[str]] = set()
    projects: dict[str, set[str]] = {}
    years: dict[str, int] = {}
    section = None
    name = source = None
    flow: list[tuple[str, str]] = []
    era = {"昭和50年": 1975, "平成2年": 1990, "平成25年": 2013, "平成12年": 2000, "2011": 2011, "R1": 2019}
    for line in _YAML_TEXT.splitlines():
        stripped = line.strip()
        if line and not line.startswith(" "):
            section = line.split(":")[0]
            continue
        if section == "actors":
            if stripped.startswith("- name:"):
                name = stripped.split(":", 1)[1].strip()
            elif stripped.startswith("sector:"):
                categories[name] = stripped.split(":", 1)[1].strip()
            elif stripped.startswith("since:"):
                years[name] = era[stripped.split(":", 1)[1].strip()]
        elif section == "relations":
            if stripped.startswith("- {"):
                parts = dict(p.split(":", 1) for p in stripped[3:-1].split(", "))
                flow.append((parts["from"].strip(), parts["to"].strip()))
            elif stripped.startswith("- from:"):
                source = stripped.split(":", 1)[1].strip()
            elif stripped.startswith("to:"):
                flow.append((source, stripped.split(":", 1)[1].strip()))
        elif section == "projects":
            if stripped.startswith("- name:"):
                name = stripped.split(":", 1)[1].strip()
                projects[name] = set()
            elif stripped.startswith("- ") and name in projects:
                projects[name].add(stripped[2:].strip())
    written, meant = YAML_SLIP
    for a, b in flow:
        a, b = (meant if a == written else a), (meant if b == written else b)
        if a not in categories or b not in categories:
            msg = f"relation end not an actor: {a} / {b}"
            raise ValueError(msg)
        ties.add(frozenset((a, b)))
    return categories, ties, years, projects


def casual_yaml(folder: Path) -> Expected:
    """「上永谷地区.yaml」: no ``format:`` line, everyday words, names for ids, one slip of a name, 25 actors."""
    categories, ties, years, projects = _yaml_truth()
    _unique(list(categories))
    written, meant = YAML_SLIP
    assert meant in categories and written not in categories and _YAML_TEXT.count(written) == 1
    assert all(p in categories for members in projects.values() for p in members)
    path = folder / "上永谷地区.yaml"
    path.write_text(_YAML_TEXT, encoding="utf-8")
    return Expected(
        path=path,
        district_name="上永谷地区",
        categories=categories,
        ties=ties,
        projects=projects,
        years=years,
        private_texts=["045-822-3141"],
        shown=(written,),
    )


BUILDERS = {
    "ward-list": ward_list_workbook,
    "survey": survey_csv,
    "kumu": kumu_workbook,
    "casual-yaml": casual_yaml,
}
