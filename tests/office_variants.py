"""More files as Japanese offices and community groups really keep them — each unlike the four of
:mod:`tests.office_files` — and what a careful person reading each one would say it contains.

Each builder writes one file into a folder and returns a :class:`Variant`: the ground truth as a coordinator
would state it after reading the file (the actors by full name, the ties as pairs of full names, the 種別 words
as written, the years, the district), and whether the tool should read it (``read``), refuse it (``refuse``:
it cannot be read at all) or may do either (``either``: reading it is best, a clear Japanese refusal that says
what to do is acceptable).

The truth is what the file says, not what the tool happens to do. Every district, group and person is
invented; telephone numbers are made up and e-mail addresses use the reserved ``example.jp`` domain.
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

__all__ = ["Variant", "BUILDERS"]


@dataclass
class Variant:
    """What one file holds, as a careful human would read it."""

    path: Path
    #: "read": the tool should read it (exit 0); "refuse": nothing in it can be read (exit 1);
    #: "either": reading it is best, a clear refusal saying what to do is acceptable.
    outcome: str
    #: what a careful human would say the file is (one sentence, for the report).
    human: str
    #: names a person would accept for the district (empty: not checked).
    district: set[str] = field(default_factory=set)
    #: actor full name → its 種別 word exactly as written (only actors whose file gives one).
    categories: dict[str, str] = field(default_factory=dict)
    #: actors the file names without a 種別 (partners outside the list, ends of a pair, the list's owner).
    other_actors: set[str] = field(default_factory=set)
    #: pairs of full names the file says are tied.
    ties: set[frozenset[str]] = field(default_factory=set)
    #: actor → the year it started, where the file gives one a person can read.
    years: dict[str, int] = field(default_factory=dict)
    #: actor → the year a person would guess for an ambiguous cell (30年4月): that year, or no year with a note.
    guessed_years: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: texts of the file that are not actors (headings, respondents, sub-headings, a dissolved group).
    not_actors: set[str] = field(default_factory=set)
    #: actors that are persons (a 個人 row): sector "person", never named in a --public output.
    persons: set[str] = field(default_factory=set)
    #: phone numbers and e-mail addresses: never in a --public output.
    private_texts: list[str] = field(default_factory=list)
    #: words `kyodo validate` must print (what it understood, or where the problem is).
    said: tuple[str, ...] = ()
    #: for a refusal: at least one of these words must be in the message (what to do).
    advice: tuple[str, ...] = ()

    @property
    def actors(self) -> set[str]:
        return set(self.categories) | self.other_actors


def _pair(a: str, b: str) -> frozenset[str]:
    if a == b:
        raise ValueError(f"loop {a}")
    return frozenset((a, b))


def _check(v: Variant) -> Variant:
    """The builder's own bookkeeping: every tie joins two actors, no actor is also a non-actor."""
    ends = {x for t in v.ties for x in t}
    if ends - v.actors:
        raise ValueError(f"{v.path.name}: tie ends not actors: {ends - v.actors}")
    if v.not_actors & v.actors:
        raise ValueError(f"{v.path.name}: both actor and not: {v.not_actors & v.actors}")
    if set(v.years) - v.actors or set(v.guessed_years) - v.actors or v.persons - v.actors:
        raise ValueError(f"{v.path.name}: years/persons of non-actors")
    return v


def _bold_row(ws, row: int, values: list) -> None:
    for col, value in enumerate(values, start=1):
        if value is not None:
            cell = ws.cell(row=row, column=col, value=value)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")


# ---------------------------------------------------------------------------------------------------------------
# 1. 地域ケアプラザの関係機関一覧: headings on row 5 under a two-row title and a 作成日 line; 機関名 / 区分 / 担当者 /
#    電話番号 / FAX / メールアドレス / 連携内容, and 連携内容 names partners in 「」.
# ---------------------------------------------------------------------------------------------------------------

CAREPLAZA = "港南中央地域ケアプラザ"
_CP_ROWS = [
    # 機関名, 区分, 担当者, 電話番号, FAX, メール, 連携内容 (partners in 「」 as written), partners meant
    (
        "港南中央地区社会福祉協議会",
        "地区社協",
        "会長 井上 正志",
        "045-842-1101",
        "045-842-1102",
        "konanchuo-shakyo@example.jp",
        "「港南中央地区民生委員児童委員協議会」と見守り訪問、「港南中央連合町内会」とふれあい祭りを共催",
        ["港南中央地区民生委員児童委員協議会", "港南中央連合町内会"],
    ),
    (
        "港南中央地区民生委員児童委員協議会",
        "民児協",
        "会長 小山 節子",
        "045-842-1203",
        None,
        None,
        "個別ケースは「港南区高齢・障害支援課」へつなぐ",
        ["港南区高齢・障害支援課"],
    ),
    (
        "港南中央連合町内会",
        "自治会町内会",
        "会長 中村 茂",
        "045-842-1304",
        None,
        None,
        "「地区社協」とふれあい祭り、防災訓練に「港南消防団第三分団」",
        ["港南中央地区社会福祉協議会", "港南消防団第三分団"],
    ),
    (
        "港南区高齢・障害支援課",
        "行政",
        "保健師 前田",
        "045-847-8401",
        "045-847-8402",
        None,
        "「民児協」と個別支援会議",
        ["港南中央地区民生委員児童委員協議会"],
    ),
    (
        "社会福祉法人こうなん会 特別養護老人ホームこうなん苑",
        "社会福祉法人",
        "生活相談員 大野",
        "045-843-2205",
        "045-843-2206",
        None,
        "「港南中央地区社会福祉協議会」の会食会に会場提供",
        ["港南中央地区社会福祉協議会"],
    ),
    (
        "港南中央クリニック",
        "医療機関",
        "院長 岡田",
        "045-843-3301",
        None,
        None,
        "「港南区高齢・障害支援課」と在宅医療の連携",
        ["港南区高齢・障害支援課"],
    ),
    (
        "NPO法人こうなん移動サービス",
        "NPO法人",
        "事務局 西田",
        "045-843-4402",
        None,
        "idou@example.jp",
        "「港南中央地区社会福祉協議会」と買い物支援",
        ["港南中央地区社会福祉協議会"],
    ),
    (
        "港南中央いきいきサロン",
        "ボランティアグループ",
        "代表 森",
        "090-1111-2233",
        None,
        None,
        "「地区社協」から助成、「港南中央連合町内会」の会館で開催",
        ["港南中央地区社会福祉協議会", "港南中央連合町内会"],
    ),
    (
        "港南警察署 生活安全課",
        "警察",
        "係長 石井",
        "045-842-0119",
        None,
        None,
        "「民児協」と特殊詐欺防止の啓発",
        ["港南中央地区民生委員児童委員協議会"],
    ),
    ("港南中央郵便局", "企業・事業者", "局長", "045-842-5000", None, None, "見守り協定（当ケアプラザ）", []),
    (
        "横浜市立港南中央小学校",
        "小学校",
        "副校長",
        "045-842-6000",
        None,
        None,
        "「港南中央地区社会福祉協議会」の福祉教育に協力",
        ["港南中央地区社会福祉協議会"],
    ),
]


def careplaza_list(folder: Path) -> Variant:
    """「港南中央地域ケアプラザ 関係機関一覧.xlsx」: the care plaza's own list of the bodies it works with."""
    v = Variant(
        folder / "港南中央地域ケアプラザ 関係機関一覧.xlsx",
        "read",
        "港南中央地域ケアプラザが連携している11の関係機関の一覧。連携内容の「」の中は相手の機関名、"
        "全機関がケアプラザとつながっている",
        district={"港南中央地区", "港南中央", CAREPLAZA},
        other_actors={CAREPLAZA, "港南消防団第三分団"},
        not_actors={"機関名", "作成日：令和6年4月1日"},
        said=("港南消防団第三分団",),
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "関係機関"
    ws["A1"] = f"{CAREPLAZA}　関係機関一覧"
    ws["A1"].font = Font(bold=True, size=16)
    ws.merge_cells("A1:G1")
    ws["A2"] = "（地域包括支援センター・生活支援体制整備事業）"
    ws.merge_cells("A2:G2")
    ws["A3"] = "作成日：令和6年4月1日"
    ws["F3"] = "作成者：生活支援コーディネーター"
    _bold_row(ws, 5, ["機関名", "区分", "担当者", "電話番号", "FAX", "メールアドレス", "連携内容"])
    for i, (name, kind, person, tel, fax, mail, work, partners) in enumerate(_CP_ROWS, start=6):
        for col, value in enumerate([name, kind, person, tel, fax, mail, work], start=1):
            if value is not None:
                ws.cell(row=i, column=col, value=value)
        v.categories[name] = kind
        v.ties.add(_pair(CAREPLAZA, name))
        for p in partners:
            v.ties.add(_pair(name, p))
        v.private_texts += [t for t in (tel, fax, mail) if t]
    for letter, width in zip("ABCDEFG", (34, 14, 16, 14, 14, 28, 60)):
        ws.column_dimensions[letter].width = width
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 2. A two-row header: 「連絡先」 merged over 「電話」「メール」, the other headings merged down over both rows.
# ---------------------------------------------------------------------------------------------------------------

_SERI_ROWS = [
    # 団体名, 種別, 電話, メール, 代表者, 連携先 (as written), 設立, year
    (
        "芹が谷連合自治会",
        "連合自治会",
        "045-821-1001",
        None,
        "山本 隆",
        "芹が谷地区社会福祉協議会、芹が谷地区センター",
        "昭和55年",
        1980,
    ),
    ("芹が谷一丁目自治会", "自治会", "045-821-1002", None, "加藤 修", "芹が谷連合自治会", "昭和47年", 1972),
    ("芹が谷二丁目自治会", "自治会", "045-821-1003", None, "佐々木 肇", "芹が谷連合自治会", "昭和48年", 1973),
    (
        "芹が谷地区社会福祉協議会",
        "地区社協",
        "045-821-1004",
        None,
        "小林 和夫",
        "芹が谷連合自治会・芹が谷地区民生委員児童委員協議会",
        "平成9年",
        1997,
    ),
    (
        "芹が谷地区民生委員児童委員協議会",
        "民児協",
        "045-821-1005",
        None,
        "斎藤 千代",
        "芹が谷地区社会福祉協議会",
        None,
        None,
    ),
    ("芹が谷地区センター", "公共施設", "045-821-1006", None, "館長 井口", "芹が谷おやこひろば", "平成3年", 1991),
    (
        "芹が谷おやこひろば",
        "ボランティアグループ",
        None,
        "oyako@example.jp",
        "高橋 恵",
        "芹が谷地区センター、芹が谷保育園",
        "平成27年",
        2015,
    ),
    ("芹が谷保育園", "保育園", "045-821-1008", None, "園長 松田", "芹が谷おやこひろば", None, None),
    ("NPO法人せりがや緑の会", "NPO法人", None, "midori@example.jp", "竹内 誠", "芹が谷連合自治会", 2008, 2008),
    (
        "芹が谷シニアクラブ",
        "老人クラブ",
        "045-821-1010",
        None,
        "西川 トシ",
        "芹が谷地区社会福祉協議会",
        "昭和60年",
        1985,
    ),
]


def two_row_header(folder: Path) -> Variant:
    """「芹が谷地区 団体名簿.xlsx」: the headings take two rows; 連絡先 is merged over 電話 and メール."""
    v = Variant(
        folder / "芹が谷地区 団体名簿.xlsx",
        "read",
        "芹が谷地区の10団体の名簿。見出しは2行（連絡先の下に電話・メール）、連携先は団体名",
        district={"芹が谷地区"},
        not_actors={"団体名", "種別", "電話", "メール", "連絡先", "連携先"},
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "名簿"
    ws["A1"] = "芹が谷地区 団体名簿"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:G1")
    _bold_row(ws, 2, ["団体名", "種別", "連絡先", None, "代表者", "連携先", "設立"])
    _bold_row(ws, 3, [None, None, "電話", "メール", None, None, None])
    for col in "ABEFG":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("C2:D2")
    names = [r[0] for r in _SERI_ROWS]
    for i, (name, kind, tel, mail, rep, partners, since, year) in enumerate(_SERI_ROWS, start=4):
        for col, value in enumerate([name, kind, tel, mail, rep, partners, since], start=1):
            if value is not None:
                ws.cell(row=i, column=col, value=value)
        v.categories[name] = kind
        for p in partners.replace("・", "、").split("、"):
            assert p in names, p
            v.ties.add(_pair(name, p))
        if year:
            v.years[name] = year
        v.private_texts += [t for t in (tel, mail) if t]
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 3. The list is the 3rd sheet, after 表紙 and 説明; a hidden 作業用 sheet with last year's list; an empty Sheet3.
# ---------------------------------------------------------------------------------------------------------------

_MUTSU_ROWS = [
    # 団体名, 種別, 代表者, 主な連携先, 活動開始, year
    ("六ツ川連合町内会", "連合町内会", "林 孝之", "六ツ川地区社会福祉協議会", "昭和50年", 1975),
    ("六ツ川一丁目町内会", "町内会", "小川 修", "六ツ川連合町内会", None, None),
    ("六ツ川二丁目町内会", "町内会", "今井 清", "六ツ川連合町内会", None, None),
    ("六ツ川地区社会福祉協議会", "地区社協", "大塚 昭", "六ツ川連合町内会、六ツ川地域ケアプラザ", "平成6年", 1994),
    (
        "六ツ川地域ケアプラザ",
        "地域ケアプラザ",
        "所長 三浦",
        "六ツ川地区社会福祉協議会、六ツ川ふれあい食堂",
        "平成15年",
        2003,
    ),
    ("六ツ川ふれあい食堂", "任意団体", "野村 さゆり", "六ツ川地域ケアプラザ", "令和2年", 2020),
    ("六ツ川子ども会育成連絡協議会", "子ども会", "菊地 亮", "六ツ川連合町内会", None, None),
    ("六ツ川ハイキングクラブ", "サークル", "岩田 武", "なし", None, None),
]
MUTSU_DISSOLVED = "六ツ川みどり会"


def third_sheet_workbook(folder: Path) -> Variant:
    """「六ツ川地区 地域活動団体一覧.xlsx」: 表紙, 説明, 一覧, a hidden 作業用 (last year's list), an empty Sheet3."""
    v = Variant(
        folder / "六ツ川地区 地域活動団体一覧.xlsx",
        "read",
        "六ツ川地区の8団体の一覧（3枚目のシート）。表紙と説明は文章、非表示の作業用シートは前年度の下書き"
        "（解散した六ツ川みどり会を含む）、Sheet3 は空",
        district={"六ツ川地区"},
        not_actors={MUTSU_DISSOLVED, "団体名"},
    )
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "表紙"
    cover["B4"] = "六ツ川地区　地域活動団体一覧"
    cover["B4"].font = Font(bold=True, size=20)
    cover["B6"] = "令和6年度版"
    cover["B10"] = "六ツ川地区社会福祉協議会　事務局"
    notes = book.create_sheet("説明")
    for i, line in enumerate(
        [
            "この一覧について",
            None,
            "・団体名は正式名称で記載しています。",
            "・種別は「町内会」「老人クラブ」「NPO法人」などです。",
            "・主な連携先は、団体から聞き取ったものです。",
            "・代表者名は個人情報のため、外部に出さないでください。",
        ],
        start=1,
    ):
        if line:
            notes.cell(row=i, column=1, value=line)
    ws = book.create_sheet("一覧")
    ws["A1"] = "地域活動団体一覧（令和6年4月1日現在）"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:G1")
    header = ["No.", "団体名", "種別", "代表者", "主な連携先", "活動開始", "備考"]
    _bold_row(ws, 3, header)
    names = [r[0] for r in _MUTSU_ROWS]
    for i, (name, kind, rep, partners, since, year) in enumerate(_MUTSU_ROWS, start=1):
        ws.append([i, name, kind, rep, partners, since, None])
        v.categories[name] = kind
        if partners != "なし":
            for p in partners.split("、"):
                assert p in names, p
                v.ties.add(_pair(name, p))
        if year:
            v.years[name] = year
    work = book.create_sheet("作業用")
    work.sheet_state = "hidden"
    work.append(["R5年度の一覧（作業用・古い）"])
    work.append(header)
    work.append([1, "六ツ川連合町内会", "連合町内会", "前会長 石原", "六ツ川地区社会福祉協議会", "昭和50年", None])
    work.append([2, MUTSU_DISSOLVED, "老人クラブ", "吉田 ハナ", "六ツ川連合町内会", "昭和58年", "令和5年3月解散"])
    book.create_sheet("Sheet3")
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 4. Headings with line breaks, full-width letters and spaces inside the cell.
# ---------------------------------------------------------------------------------------------------------------

_SASA_ROWS = [
    # 団体名, 種別, 代表者, TEL, FAX, 連携先 (as written), 活動開始年月, year
    (
        "笹下連合町内会",
        "連合町内会",
        "青木 勇",
        "045-844-1000",
        "045-844-1001",
        "笹下地区社会福祉協議会、笹下中学校",
        "S50.4",
        1975,
    ),
    (
        "笹下地区社会福祉協議会",
        "地区社協",
        "土屋 恭子",
        "045-844-1100",
        None,
        "笹下連合町内会・笹下地域ケアプラザ",
        "H8.10",
        1996,
    ),
    (
        "笹下地域ケアプラザ",
        "地域ケアプラザ",
        "所長 杉山",
        "045-844-1200",
        "045-844-1201",
        "笹下地区社会福祉協議会",
        "H12.4",
        2000,
    ),
    ("横浜市立笹下中学校", "中学校", "校長 河野", "045-844-1300", None, "笹下連合町内会", None, None),
    (
        "笹下おもちゃ図書館",
        "ボランティアグループ",
        "水野 里美",
        "080-3333-4444",
        None,
        "笹下地域ケアプラザ",
        "H22.6",
        2010,
    ),
    ("笹下防犯パトロール隊", "防犯", "熊谷 正", "045-844-1500", None, "笹下連合町内会、港南警察署", "R1.7", 2019),
]
_SASA_ALIASES = {"笹下中学校": "横浜市立笹下中学校"}


def odd_headings(folder: Path) -> Variant:
    """「笹下地区団体一覧.xlsx」: headings 「団体\\n名」「種　別」「ＴＥＬ」「連携先\\n（複数可）」「活動開始\\n年月」."""
    v = Variant(
        folder / "笹下地区団体一覧.xlsx",
        "read",
        "笹下地区の6団体。見出しはセル内改行や全角（団体/名、種　別、ＴＥＬ）だが普通の団体一覧",
        district={"笹下地区"},
        other_actors={"港南警察署"},
        said=("港南警察署",),
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "団体一覧"
    ws["A1"] = "笹下地区　団体一覧"
    ws["A1"].font = Font(bold=True, size=14)
    ws["I2"] = "令和6年4月1日現在"
    _bold_row(
        ws,
        3,
        [
            "Ｎｏ．",
            "団体\n名",
            "種　別",
            "代表者\n（敬称略）",
            "ＴＥＬ",
            "ＦＡＸ",
            "連携先\n（複数可）",
            "活動開始\n年月",
            "備　考",
        ],
    )
    ws.row_dimensions[3].height = 36
    names = [r[0] for r in _SASA_ROWS]
    for i, (name, kind, rep, tel, fax, partners, since, year) in enumerate(_SASA_ROWS, start=1):
        ws.append([i, name, kind, rep, tel, fax, partners, since, None])
        v.categories[name] = kind
        for p in partners.replace("・", "、").split("、"):
            p = _SASA_ALIASES.get(p, p)
            assert p in names or p in v.other_actors, p
            v.ties.add(_pair(name, p))
        if year:
            v.years[name] = year
        v.private_texts += [t for t in (tel, fax) if t]
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 5. A CSV saved by Excel in CP932: a title line, a blank line, headings on line 3, trailing empty columns, and
#    empty rows at the end (Excel keeps the rows that were ever formatted).
# ---------------------------------------------------------------------------------------------------------------

_NAGANO_ROWS = [
    # 団体名, 種別, 代表者, 電話番号, 主な連携先 (as written), 活動開始, year
    (
        "永野連合町内会",
        "連合町内会",
        "森田 一",
        "045-843-1100",
        "永野地区社会福祉協議会・永野地区センター",
        "昭和49年",
        1974,
    ),
    ("永野東町内会", "町内会", "宇野 実", "045-843-1101", "永野連合町内会", None, None),
    ("永野西町内会", "町内会", "片山 健", "045-843-1102", "永野連合町内会", "不明", None),
    (
        "永野地区社会福祉協議会",
        "地区社協",
        "原 和子",
        "045-843-1103",
        "永野連合町内会、永野地域ケアプラザ",
        "平成10年度",
        1998,
    ),
    (
        "永野地域ケアプラザ",
        "地域ケアプラザ",
        "所長 北村",
        "045-843-1104",
        "永野地区社会福祉協議会、NPO法人ながの子育て広場",
        "H13",
        2001,
    ),
    (
        "NPO法人ながの子育て広場",
        "NPO法人",
        "村井 直子",
        "045-843-1105",
        "永野地域ケアプラザ\n永野地区センター",
        "2012年",
        2012,
    ),
    ("永野地区センター", "公共施設", "館長 福田", "045-843-1106", "NPO法人ながの子育て広場", "平成5年", 1993),
    ("永野シニアクラブ", "老人クラブ", "白井 次郎", "045-843-1107", "永野地区社会福祉協議会", None, None),
    (
        "ながの防災ネット",
        "ボランティアグループ",
        "堤 浩",
        "045-843-1108",
        "永野連合町内会、港南消防団第四分団",
        "R3",
        2021,
    ),
]


def _rows_split(partners: str) -> list[str]:
    return [p for p in partners.replace("・", "、").replace("\n", "、").split("、") if p]


def excel_cp932_csv(folder: Path) -> Variant:
    """「永野地区団体一覧.csv」: Excel's 「CSV (コンマ区切り)」 of a 団体一覧 sheet, CP932, CRLF, trailing commas."""
    v = Variant(
        folder / "永野地区団体一覧.csv",
        "read",
        "永野地区の9団体の一覧をExcelでCSV保存したもの（Shift_JIS、1行目はタイトル、各行の後ろに空の列）",
        district={"永野地区"},
        other_actors={"港南消防団第四分団"},
        said=("港南消防団第四分団",),
    )
    width = 11  # the sheet had 8 columns of data and 3 formatted empty ones
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["永野地区　団体一覧（令和6年5月現在）"] + [""] * (width - 1))
    w.writerow([""] * width)
    w.writerow(["No.", "団体名", "種別", "代表者", "電話番号", "主な連携先", "活動開始", "備考"] + [""] * (width - 8))
    names = [r[0] for r in _NAGANO_ROWS]
    for i, (name, kind, rep, tel, partners, since, year) in enumerate(_NAGANO_ROWS, start=1):
        w.writerow([str(i), name, kind, rep, tel, partners, since or "", ""] + [""] * (width - 8))
        v.categories[name] = kind
        for p in _rows_split(partners):
            assert p in names or p in v.other_actors, p
            v.ties.add(_pair(name, p))
        if year:
            v.years[name] = year
        v.private_texts.append(tel)
    for _ in range(5):
        w.writerow([""] * width)
    v.path.write_bytes(buf.getvalue().encode("cp932"))
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 6. A Google Forms answer sheet saved by Excel as 「CSV UTF-8」: BOM, CRLF, line breaks inside answers.
# ---------------------------------------------------------------------------------------------------------------

_HIGI_ROWS = [
    # タイムスタンプ, メール, 団体名, 種類, 主な活動, partners as written, partners meant, 設立年, year
    (
        "2024/05/20 9:03:11",
        "rengo@example.jp",
        "日限山連合自治会",
        "連合自治会",
        "防災、親睦",
        "日限山地区社会福祉協議会、日限山小学校",
        ["日限山地区社会福祉協議会", "横浜市立日限山小学校"],
        "昭和52年",
        1977,
    ),
    (
        "2024/05/20 10:41:52",
        "shakyo@example.jp",
        "日限山地区社会福祉協議会",
        "地区社協",
        "福祉",
        "日限山連合自治会\r\n日限山地域ケアプラザ",
        ["日限山連合自治会", "日限山地域ケアプラザ"],
        "平成12年",
        2000,
    ),
    (
        "2024/05/21 14:20:05",
        "cp@example.jp",
        "日限山地域ケアプラザ",
        "地域ケアプラザ",
        "介護予防",
        "日限山地区社会福祉協議会",
        ["日限山地区社会福祉協議会"],
        "2005",
        2005,
    ),
    (
        "2024/05/22 8:15:40",
        "school@example.jp",
        "横浜市立日限山小学校",
        "小学校",
        "教育",
        "日限山連合自治会、日限山おやじの会",
        ["日限山連合自治会", "日限山おやじの会"],
        "",
        None,
    ),
    (
        "2024/05/22 21:02:33",
        "oyaji@example.jp",
        "日限山おやじの会",
        "任意団体",
        "子育て",
        "日限山小学校",
        ["横浜市立日限山小学校"],
        "R2",
        2020,
    ),
    (
        "2024/05/23 11:11:11",
        "yomi@example.jp",
        "日限山よみきかせの会",
        "ボランティアグループ",
        "読み聞かせ",
        "日限山小学校\r\n日限山地域ケアプラザ",
        ["横浜市立日限山小学校", "日限山地域ケアプラザ"],
        "平成20年",
        2008,
    ),
    ("2024/05/24 16:45:00", "taiso@example.jp", "日限山体操クラブ", "サークル", "健康づくり", "特になし", [], "", None),
]


def forms_utf8_bom_csv(folder: Path) -> Variant:
    """「日限山地区つながり調査.csv」: a Google Forms answer sheet, saved as CSV UTF-8 (BOM, CRLF)."""
    v = Variant(
        folder / "日限山地区つながり調査.csv",
        "read",
        "日限山地区の7団体のアンケート回答（タイムスタンプ・メールアドレスつき、回答内に改行）",
        district={"日限山地区"},
        not_actors={"特になし"},
    )
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(
        [
            "タイムスタンプ",
            "メールアドレス",
            "団体名",
            "団体の種類",
            "主な活動",
            "一緒に活動している団体（複数可）",
            "設立年",
        ]
    )
    for stamp, mail, name, kind, area, written, meant, since, year in _HIGI_ROWS:
        w.writerow([stamp, mail, name, kind, area, written, since])
        v.categories[name] = kind
        for p in meant:
            v.ties.add(_pair(name, p))
        if year:
            v.years[name] = year
        v.private_texts.append(mail)
    v.path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 7. A tab-separated file saved as .csv (copied out of a web system's 「CSV出力」 that really writes tabs).
# ---------------------------------------------------------------------------------------------------------------

_SHIMO_ROWS = [
    ("下永谷連合町内会", "連合町内会", "下永谷地区社会福祉協議会、下永谷地区センター", "昭和51年", 1976),
    ("下永谷地区社会福祉協議会", "地区社協", "下永谷連合町内会", "平成8年", 1996),
    ("下永谷地区センター", "公共施設", "下永谷連合町内会、下永谷おはなし会", "平成10年", 1998),
    ("下永谷おはなし会", "ボランティアグループ", "下永谷地区センター", "", None),
    ("下永谷見守り隊", "ボランティアグループ", "下永谷連合町内会", "R4", 2022),
]


def _simple_rows(v: Variant, rows: list[tuple]) -> None:
    names = [r[0] for r in rows]
    for name, kind, partners, _since, year in rows:
        v.categories[name] = kind
        for p in _rows_split(partners):
            assert p in names or p in v.other_actors, p
            v.ties.add(_pair(name, p))
        if year:
            v.years[name] = year


def tab_separated_csv(folder: Path) -> Variant:
    """「下永谷地区団体一覧.csv」: tabs between the columns, UTF-8 without BOM."""
    v = Variant(
        folder / "下永谷地区団体一覧.csv",
        "read",
        "下永谷地区の5団体の一覧。拡張子は.csvだが区切りはタブ",
        district={"下永谷地区"},
    )
    lines = ["団体名\t種別\t連携先\t設立"] + ["\t".join((n, k, p, s)) for n, k, p, s, _ in _SHIMO_ROWS]
    v.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _simple_rows(v, _SHIMO_ROWS)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 8. Excel's 「Unicode テキスト (*.txt)」: UTF-16 with a BOM, tabs, CRLF.
# ---------------------------------------------------------------------------------------------------------------

_KDAI_ROWS = [
    ("港南台第二連合自治会", "連合自治会", "港南台第二地区社会福祉協議会", "昭和53年", 1978),
    ("港南台第二地区社会福祉協議会", "地区社協", "港南台第二連合自治会、港南台第二ケアプラザ", "平成9年", 1997),
    ("港南台第二ケアプラザ", "地域ケアプラザ", "港南台第二地区社会福祉協議会", "平成16年", 2004),
    ("港南台第二こども食堂", "任意団体", "港南台第二ケアプラザ", "令和4年", 2022),
]


def unicode_text_txt(folder: Path) -> Variant:
    """「港南台第二地区団体一覧.txt」: saved from Excel as 「Unicode テキスト」 (UTF-16 LE with BOM, tabs)."""
    v = Variant(
        folder / "港南台第二地区団体一覧.txt",
        "either",
        "港南台第二地区の4団体の一覧を Excel の「Unicode テキスト」で保存したもの（タブ区切り）",
        district={"港南台第二地区"},
        advice=("CSV", "xlsx", "Excel"),
    )
    lines = ["団体名\t種別\t連携先\t設立"] + ["\t".join((n, k, p, s)) for n, k, p, s, _ in _KDAI_ROWS]
    v.path.write_bytes(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
    _simple_rows(v, _KDAI_ROWS)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 9. A Microsoft Forms export: ID, 開始時刻, 完了時刻, メール, 名前, then the questions as long headings.
# ---------------------------------------------------------------------------------------------------------------

Q_NAME = "あなたの団体の名前を教えてください"
Q_KIND = "団体の種類を選んでください"
Q_FIELDS = "活動分野を選んでください（複数選択可）"
Q_PARTNERS = "普段一緒に活動している団体があれば教えてください（複数ある場合は読点で区切ってください）"
Q_SINCE = "団体の活動を始めた年を教えてください"
Q_NEEDS = "困っていることがあれば教えてください"

_SAKURA_ROWS = [
    # respondent name (None: anonymous), 団体名, 種類 (a choice), 分野 (Forms joins choices with ;), partners as
    # written, partners meant, year text, year, needs
    (
        None,
        "桜台連合自治会",
        "自治会・町内会",
        "防災;防犯;",
        "桜台地区社会福祉協議会、桜台小学校",
        ["桜台地区社会福祉協議会", "横浜市立桜台小学校"],
        "昭和50年ごろ",
        1975,
        "役員のなり手不足",
    ),
    (
        "佐藤 美香",
        "桜台地区社会福祉協議会",
        "社会福祉協議会・ケアプラザ",
        "高齢者;子育て;",
        "桜台連合自治会、桜台地域ケアプラザ",
        ["桜台連合自治会", "桜台地域ケアプラザ"],
        "平成11年",
        1999,
        "",
    ),
    (
        "佐藤 美香",
        "桜台地域ケアプラザ",
        "社会福祉協議会・ケアプラザ",
        "高齢者;",
        "桜台地区社会福祉協議会",
        ["桜台地区社会福祉協議会"],
        "2004年",
        2004,
        "",
    ),
    (
        None,
        "横浜市立桜台小学校",
        "学校・PTA",
        "子育て;",
        "桜台連合自治会、桜台おはなしの会",
        ["桜台連合自治会", "桜台おはなしの会"],
        "わからない",
        None,
        "",
    ),
    (
        None,
        "桜台おはなしの会",
        "NPO・ボランティア団体",
        "子育て;文化;",
        "桜台小学校",
        ["横浜市立桜台小学校"],
        "平成21年",
        2009,
        "会場の確保",
    ),
    (
        "田中 健",
        "NPO法人さくらだい子ども食堂",
        "NPO・ボランティア団体",
        "子育て;居場所;",
        "桜台地域ケアプラザ、桜台商店会",
        ["桜台地域ケアプラザ", "桜台商店会"],
        "2018",
        2018,
        "ボランティア不足、資金",
    ),
    (
        None,
        "桜台商店会",
        "商店・企業",
        "商業;",
        "NPO法人さくらだい子ども食堂",
        ["NPO法人さくらだい子ども食堂"],
        "昭和40年代",
        None,
        "",
    ),
    (None, "桜台シニアクラブ", "自治会・町内会", "健康;", "特になし", [], "", None, "特になし"),
]


def microsoft_forms_export(folder: Path) -> Variant:
    """「桜台地区 団体つながり調査(1-8).xlsx」: Microsoft Forms' 「Excel で開く」 download, as it comes."""
    v = Variant(
        folder / "桜台地区 団体つながり調査(1-8).xlsx",
        "read",
        "桜台地区の8団体がMicrosoft Formsで答えたもの。名前・メールは回答者（区職員が代理入力した行あり）で、"
        "団体名は「あなたの団体の名前を教えてください」の列",
        district={"桜台地区"},
        not_actors={"佐藤 美香", "田中 健", "anonymous", "特になし"},
        said=(Q_NAME,),
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    ws.append(
        [
            "ID",
            "開始時刻",
            "完了時刻",
            "メール",
            "名前",
            "最終変更時刻",
            Q_NAME,
            Q_KIND,
            Q_FIELDS,
            Q_PARTNERS,
            Q_SINCE,
            Q_NEEDS,
        ]
    )
    for i, (who, name, kind, fields, written, meant, since, year, needs) in enumerate(_SAKURA_ROWS, start=1):
        start = datetime(2024, 7, 1 + i, 10, 2 * i, 5)
        end = datetime(2024, 7, 1 + i, 10, 2 * i + 3, 41)
        mail = "anonymous" if who is None else f"staff{i}@city.example.jp"
        ws.append([i, start, end, mail, who, None, name, kind, fields, written, since or None, needs or None])
        ws.cell(row=i + 1, column=2).number_format = "m/d/yy h:mm:ss"
        ws.cell(row=i + 1, column=3).number_format = "m/d/yy h:mm:ss"
        v.categories[name] = kind
        for p in meant:
            v.ties.add(_pair(name, p))
        if year:
            v.years[name] = year
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 10. Partners in separate columns 連携先1, 連携先2, 連携先3.
# ---------------------------------------------------------------------------------------------------------------

_SAIDO_ROWS = [
    ("最戸連合町内会", "連合町内会", ["最戸地区社会福祉協議会", "最戸地区センター", "最戸地域ケアプラザ"]),
    ("最戸地区社会福祉協議会", "地区社協", ["最戸連合町内会", "最戸地域ケアプラザ"]),
    ("最戸地域ケアプラザ", "地域ケアプラザ", ["最戸地区社会福祉協議会", "最戸いきいき体操の会"]),
    ("最戸地区センター", "公共施設", ["最戸連合町内会"]),
    ("最戸いきいき体操の会", "サークル", ["最戸地域ケアプラザ", "最戸地区センター"]),
    ("最戸子ども会", "子ども会", ["最戸連合町内会", "横浜市立最戸小学校"]),
    ("横浜市立最戸小学校", "小学校", ["最戸子ども会"]),
]


def numbered_partner_columns(folder: Path) -> Variant:
    """「最戸地区団体一覧.xlsx」: one partner per column, 連携先1 / 連携先2 / 連携先3."""
    v = Variant(
        folder / "最戸地区団体一覧.xlsx",
        "read",
        "最戸地区の7団体。連携先は1列に1つずつ（連携先1〜3）",
        district={"最戸地区"},
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "団体一覧"
    ws["A1"] = "最戸地区 団体一覧"
    _bold_row(ws, 2, ["No.", "団体名", "種別", "連携先1", "連携先2", "連携先3", "備考"])
    names = [r[0] for r in _SAIDO_ROWS]
    for i, (name, kind, partners) in enumerate(_SAIDO_ROWS, start=1):
        ws.append([i, name, kind, *(partners + [None] * (3 - len(partners))), None])
        v.categories[name] = kind
        for p in partners:
            assert p in names, p
            v.ties.add(_pair(name, p))
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 11. Ties only, as pairs: 団体A / 団体B / 関係 (a CSV) and 「A団体」「B団体」「つながりの内容」 (a workbook).
# ---------------------------------------------------------------------------------------------------------------

_OKUBO_PAIRS = [
    ("大久保連合町内会", "大久保地区社会福祉協議会", "協働"),
    ("大久保連合町内会", "大久保地区センター", "会場提供"),
    ("大久保地区社会福祉協議会", "大久保地域ケアプラザ", "連携"),
    ("大久保商店会", "大久保こども食堂", "寄付"),
    ("大久保こども食堂", "大久保地域ケアプラザ", "協働"),
    ("大久保見守り隊", "大久保連合町内会", "見守り協定"),
    ("横浜市立大久保小学校", "大久保見守り隊", "見守り協定"),
]


def pairs_csv(folder: Path) -> Variant:
    """「大久保地区 つながり一覧.csv」: only the ties, one pair a line, headings 団体A / 団体B / 関係 (UTF-8 BOM)."""
    v = Variant(
        folder / "大久保地区 つながり一覧.csv",
        "read",
        "大久保地区の8団体の7本のつながり（団体の一覧はなく、組だけ）",
        district={"大久保地区"},
    )
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["団体A", "団体B", "関係"])
    for a, b, kind in _OKUBO_PAIRS:
        w.writerow([a, b, kind])
        v.other_actors |= {a, b}
        v.ties.add(_pair(a, b))
    v.path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    return _check(v)


_KAMIO_GROUPS = [
    ("上大岡連合町内会", "連合町内会"),
    ("上大岡地区社会福祉協議会", "地区社協"),
    ("上大岡地域ケアプラザ", "地域ケアプラザ"),
    ("上大岡駅前商店会", "商店会"),
    ("NPO法人かみおおおか子育て支援の会", "NPO法人"),
    ("上大岡おやこ広場", "ボランティアグループ"),
]
_KAMIO_PAIRS = [
    ("上大岡連合町内会", "上大岡地区社会福祉協議会", "ふれあい祭りを一緒に開催"),
    ("上大岡地区社会福祉協議会", "上大岡地域ケアプラザ", "見守り活動の情報交換"),
    ("上大岡駅前商店会", "NPO法人かみおおおか子育て支援の会", "子育てイベントに協賛"),
    ("NPO法人かみおおおか子育て支援の会", "上大岡おやこ広場", "スタッフの派遣"),
    ("上大岡おやこ広場", "上大岡地域ケアプラザ", "会場を借りている"),
]


def pairs_workbook(folder: Path) -> Variant:
    """「上大岡地区つながり.xlsx」: a 団体 sheet and a つながり sheet headed 「A団体」「B団体」「つながりの内容」."""
    v = Variant(
        folder / "上大岡地区つながり.xlsx",
        "read",
        "上大岡地区の6団体と、そのうち5組のつながり（A団体・B団体・つながりの内容）",
        district={"上大岡地区"},
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "団体"
    ws.append(["団体名", "種別"])
    for name, kind in _KAMIO_GROUPS:
        ws.append([name, kind])
        v.categories[name] = kind
    ws2 = book.create_sheet("つながり")
    ws2.append(["A団体", "B団体", "つながりの内容"])
    for a, b, what in _KAMIO_PAIRS:
        ws2.append([a, b, what])
        v.ties.add(_pair(a, b))
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 12. Persons and groups in one list, with a 個人/団体 column.
# ---------------------------------------------------------------------------------------------------------------

YAMADA = "民生委員 山田さん"
_KURAKI_ROWS = [
    # 名前, 個人/団体, 種別, 所属・役職, つながりのある人・団体 (as written), 備考
    ("久良岐連合町内会", "団体", "連合町内会", None, f"久良岐地区社会福祉協議会、{YAMADA}", None),
    ("久良岐地区社会福祉協議会", "団体", "地区社協", None, "久良岐連合町内会、久良岐地域ケアプラザ", None),
    ("久良岐地域ケアプラザ", "団体", "地域ケアプラザ", None, "久良岐地区社会福祉協議会、田中 由美子", None),
    (
        YAMADA,
        "個人",
        "民生委員",
        "久良岐地区民生委員児童委員協議会",
        "久良岐地域ケアプラザ",
        "一人暮らし高齢者の見守り",
    ),
    ("久良岐地区民生委員児童委員協議会", "団体", "民児協", None, "久良岐地区社会福祉協議会", None),
    ("鈴木 一郎", "個人", None, "久良岐連合町内会 会長", "久良岐地区社会福祉協議会", None),
    (
        "田中 由美子",
        "個人",
        "コーディネーター",
        "久良岐地域ケアプラザ 生活支援コーディネーター",
        "久良岐子育てサロン",
        None,
    ),
    ("久良岐子育てサロン", "団体", "ボランティアグループ", None, "田中 由美子、山田さん", None),
]


def persons_and_groups(folder: Path) -> Variant:
    """「久良岐地区 人と団体の一覧.xlsx」: people (a 民生委員, a 町内会長, a coordinator) and groups, told apart by a
    個人/団体 column; 所属・役職 says which group a person belongs to."""
    v = Variant(
        folder / "久良岐地区 人と団体の一覧.xlsx",
        "read",
        "久良岐地区の5団体と3人。個人/団体の列で人と団体を区別、所属・役職は人の所属先、"
        "「山田さん」は民生委員 山田さんのこと",
        district={"久良岐地区"},
        not_actors={"山田さん", "久良岐連合町内会 会長"},
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "一覧"
    ws["A1"] = "久良岐地区 人と団体の一覧（内部資料）"
    _bold_row(ws, 2, ["名前", "個人/団体", "種別", "所属・役職", "つながりのある人・団体", "備考"])
    alias = {"山田さん": YAMADA}
    names = [r[0] for r in _KURAKI_ROWS]
    for i, (name, who, kind, belongs, partners, note) in enumerate(_KURAKI_ROWS, start=3):
        for col, value in enumerate([name, who, kind, belongs, partners, note], start=1):
            if value is not None:
                ws.cell(row=i, column=col, value=value)
        if kind:
            v.categories[name] = kind
        else:
            v.other_actors.add(name)
        if who == "個人":
            v.persons.add(name)
        for p in partners.split("、"):
            p = alias.get(p, p)
            assert p in names, p
            v.ties.add(_pair(name, p))
        if belongs:
            group = next(n for n in names if belongs.startswith(n))
            v.ties.add(_pair(name, group))
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 13. Years as people write them: 2019年度～, H30.4.1, 30年4月 (era left out), '19, 令和元年度, 2019/4/1 as text and as
#     a real date, 2019年（令和元年）4月, H.30, a range, 2019.4, a number.
# ---------------------------------------------------------------------------------------------------------------

OOKA_SHAKYO = "大岡地区社会福祉協議会"
_OOKA_ROWS = [
    # 団体名, 種別, 設立 cell, year (None: ambiguous, see guessed)
    (OOKA_SHAKYO, "地区社協", "平成8年", 1996),
    ("大岡連合町内会", "連合町内会", "昭和63年（1988年）", 1988),
    ("大岡こども食堂", "任意団体", "30年4月", None),
    ("大岡おやこサロン", "ボランティアグループ", "2019年度～", 2019),
    ("大岡見守りネット", "ボランティアグループ", "H30.4.1", 2018),
    ("大岡健康麻雀クラブ", "サークル", "'19", 2019),
    ("大岡防災ボランティア", "ボランティアグループ", "令和元年度", 2019),
    ("大岡子育て応援団", "NPO法人", "2019/4/1", 2019),
    ("大岡ふれあい農園", "任意団体", datetime(2019, 4, 1), 2019),
    ("大岡よみきかせ隊", "ボランティアグループ", "2019年（令和元年）4月", 2019),
    ("大岡シニア体操", "サークル", "H.30", 2018),
    ("大岡学習支援教室", "NPO法人", "平成31年4月～令和3年3月", 2019),
    ("大岡まちの縁側", "任意団体", "2019.4", 2019),
    ("大岡商店会", "商店会", 2019, 2019),
    ("大岡子ども会", "子ども会", "R1.5", 2019),
]


def years_as_written(folder: Path) -> Variant:
    """「大岡地区団体一覧.xlsx」: 15 groups, the 設立 column written every way; everyone works with the 地区社協."""
    v = Variant(
        folder / "大岡地区団体一覧.xlsx",
        "read",
        "大岡地区の15団体。設立の年はいろいろな書き方（30年4月は元号なし＝子ども食堂なので平成30年）",
        district={"大岡地区"},
        guessed_years={"大岡こども食堂": (2018, "30年4月")},
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "団体一覧"
    ws["A1"] = "大岡地区 団体一覧"
    _bold_row(ws, 3, ["団体名", "種別", "設立", "主な連携先"])
    for i, (name, kind, since, year) in enumerate(_OOKA_ROWS, start=4):
        partner = None if name == OOKA_SHAKYO else "地区社協"
        ws.cell(row=i, column=1, value=name)
        ws.cell(row=i, column=2, value=kind)
        cell = ws.cell(row=i, column=3, value=since)
        if isinstance(since, datetime):
            cell.number_format = "yyyy/m/d"
        else:
            cell.number_format = "@"  # typed as text
        if partner:
            ws.cell(row=i, column=4, value=partner)
            v.ties.add(_pair(name, OOKA_SHAKYO))
        v.categories[name] = kind
        if year:
            v.years[name] = year
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 14. A Kumu export with Kumu's other columns: Image, Label Size, Tags with |; Connections with Direction,
#     Label, Strength (any number) and Tags.
# ---------------------------------------------------------------------------------------------------------------

_BESSHO_ELEMENTS = [
    ("別所連合町内会", "自治会", "https://example.jp/img/rengo.png", "防災|防犯"),
    ("別所地区社会福祉協議会", "地区社協", None, "福祉"),
    ("別所地域ケアプラザ", "地域ケアプラザ", None, "福祉|介護予防"),
    ("別所こども食堂", "任意団体", "https://example.jp/img/shokudo.jpg", "子育て|居場所"),
    ("別所商店会", "商店会", None, None),
    ("横浜市立別所小学校", "小学校", None, "教育"),
    ("別所おはなしの会", "ボランティア", None, "読み聞かせ"),
]
_BESSHO_CONNECTIONS = [
    # From, To, Direction, Type, Label, Strength, Tags
    ("別所連合町内会", "別所地区社会福祉協議会", "mutual", "協働", "ふれあい祭り", 3, "行事"),
    ("別所商店会", "別所こども食堂", "directed", "寄付", "食材", 5, None),
    ("別所地域ケアプラザ", "別所地区社会福祉協議会", "undirected", None, None, 0.5, None),
    ("別所おはなしの会", "横浜市立別所小学校", "directed", "協力", None, None, None),
    ("別所こども食堂", "別所地域ケアプラザ", "mutual", "連携", None, 2, "子育て|福祉"),
    ("横浜市立別所小学校", "別所連合町内会", "undirected", "見守り", "登下校", None, None),
    ("別所おはなしの会", "別所こども食堂|別所地域ケアプラザ", "directed", "協力", None, None, None),
]


def kumu_with_extras(folder: Path) -> Variant:
    """「別所地区つながりマップ.xlsx」: Kumu's export with Image, Label Size, Direction, Label, Strength 5 and 0.5."""
    v = Variant(
        folder / "別所地区つながりマップ.xlsx",
        "read",
        "別所地区の7団体と8本のつながりの Kumu 書き出し（画像・ラベルの大きさ・向き・強さの列つき）",
        district={"別所地区"},
    )
    book = openpyxl.Workbook()
    book.remove(book.active)
    el = book.create_sheet("Elements")
    el.append(["Label", "Type", "Description", "Image", "Tags", "Label Size"])
    for label, kind, image, tags in _BESSHO_ELEMENTS:
        el.append([label, kind, None, image, tags, 12])
        v.categories[label] = kind
    co = book.create_sheet("Connections")
    co.append(["From", "To", "Direction", "Type", "Label", "Strength", "Tags", "Description"])
    for a, b, direction, kind, label, strength, tags in _BESSHO_CONNECTIONS:
        co.append([a, b, direction, kind, label, strength, tags, None])
        for one in b.split("|"):
            v.ties.add(_pair(a, one))
    book.save(v.path)
    return _check(v)


# ---------------------------------------------------------------------------------------------------------------
# 15–17. YAML typed after one look at the README: keys in Japanese (readable YAML); a full-width colon (not);
#        tabs and full-width spaces in the indentation (not).
# ---------------------------------------------------------------------------------------------------------------

_SAKURAGI_YAML = """\
# 桜木地区のつながり（READMEの例をまねて、見出しを日本語にしました）
地区: 桜木地区

団体:
  - 名前: 桜木町内会
    種別: 町内会
    設立: 昭和45年
  - 名前: 桜木地区社会福祉協議会
    種別: 地区社協
  - 名前: 桜木小学校
    種別: 小学校
  - 名前: 桜木子ども会
    種別: 子ども会
  - 名前: NPO法人さくらぎ広場
    種別: NPO法人
    設立: 2012

関係:
  - から: 桜木町内会
    へ: 桜木地区社会福祉協議会
    種類: 協働
  - から: 桜木子ども会
    へ: 桜木町内会
    種類: 所属
  - から: NPO法人さくらぎ広場
    へ: 桜木小学校
    種類: 協力
  - {から: 桜木小学校, へ: 桜木子ども会, 種類: 連携}
"""


def yaml_japanese_keys(folder: Path) -> Variant:
    """「桜木地区.yaml」: the README's example with every key written in Japanese (地区, 団体, 名前, 種別, 関係 …)."""
    v = Variant(
        folder / "桜木地区.yaml",
        "read",
        "桜木地区の5団体と4本の関係。キーは日本語（団体・名前・種別・設立・関係・から・へ・種類）だが正しいYAML",
        district={"桜木地区"},
        categories={
            "桜木町内会": "町内会",
            "桜木地区社会福祉協議会": "地区社協",
            "桜木小学校": "小学校",
            "桜木子ども会": "子ども会",
            "NPO法人さくらぎ広場": "NPO法人",
        },
        ties={
            _pair("桜木町内会", "桜木地区社会福祉協議会"),
            _pair("桜木子ども会", "桜木町内会"),
            _pair("NPO法人さくらぎ広場", "桜木小学校"),
            _pair("桜木小学校", "桜木子ども会"),
        },
        years={"桜木町内会": 1970, "NPO法人さくらぎ広場": 2012},
    )
    v.path.write_text(_SAKURAGI_YAML, encoding="utf-8")
    return _check(v)


_HONGO_YAML = """\
name: 本郷地区

actors:
  - name: 本郷第一町内会
    sector: 町内会
  - name: 本郷地区社会福祉協議会
    sector：地区社協
  - name: 本郷小学校
    sector: 小学校
relations:
  - from: 本郷第一町内会
    to: 本郷地区社会福祉協議会
    type: 協働
"""
HONGO_COLON_LINE = 7


def yaml_fullwidth_colon(folder: Path) -> Variant:
    """「本郷地区.yaml」: one 「sector：地区社協」 with a full-width colon (YAML cannot read the file)."""
    v = Variant(
        folder / "本郷地区.yaml",
        "refuse",
        "本郷地区の3団体。7行目の「sector：」のコロンが全角なので YAML として読めない",
        said=(f"本郷地区.yaml:{HONGO_COLON_LINE}",),
        advice=("全角", "：", "コロン"),
    )
    assert _HONGO_YAML.splitlines()[HONGO_COLON_LINE - 1].strip() == "sector：地区社協"
    v.path.write_text(_HONGO_YAML, encoding="utf-8")
    return v


_HINOKUCHI_YAML = (
    "name: 日下地区\n"
    "actors:\n"
    "  - name: 日下町内会\n"
    "    sector: 町内会\n"
    "  - name: 日下地区社会福祉協議会\n"
    "\tsector: 地区社協\n"  # line 6: a tab
    "  - name: 日下ケアプラザ\n"
    "　　sector: 地域ケアプラザ\n"  # line 8: two full-width spaces
    "relations:\n"
    "  - from: 日下町内会\n"
    "    to: 日下地区社会福祉協議会\n"
)


def yaml_tabs_and_fullwidth_spaces(folder: Path) -> Variant:
    """「日下地区.yaml」: a tab (line 6) and full-width spaces (line 8) in the indentation."""
    v = Variant(
        folder / "日下地区.yaml",
        "refuse",
        "日下地区の3団体。6行目の字下げがタブ、8行目の字下げが全角スペースで YAML として読めない",
        said=("日下地区.yaml:6", "日下地区.yaml:8"),
        advice=("タブ", "全角", "スペース"),
    )
    v.path.write_text(_HINOKUCHI_YAML, encoding="utf-8")
    return v


# ---------------------------------------------------------------------------------------------------------------
# 18–25. Files that cannot be read at all (or can, but not as they are named).
# ---------------------------------------------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole_bytes(streams: list[str]) -> bytes:
    """Bytes that begin as an OLE2 compound file (an Excel 97-2003 book or an encrypted Office file) and name the
    given streams in a directory sector. Not a complete compound file: enough for any reader to recognise one."""
    header = _OLE_MAGIC + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 0x3, 0xFFFE, 0x9, 0x6) + b"\x00" * 6
    header += b"\x00" * (512 - len(header))
    directory = b""
    for name in ["Root Entry", *streams]:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        directory += raw + b"\x00" * (64 - len(raw)) + struct.pack("<H", len(raw)) + b"\x00" * 62
    directory += b"\x00" * (-len(directory) % 512)
    return header + directory + b"\x00" * 1024


def xls_renamed(folder: Path) -> Variant:
    """「団体一覧（旧）.xlsx」: an Excel 97-2003 book (.xls) whose name was changed to .xlsx."""
    v = Variant(
        folder / "団体一覧（旧）.xlsx",
        "refuse",
        "Excel 97-2003 形式（.xls）のブックの拡張子だけを .xlsx に変えたもの",
        advice=("名前を付けて保存", "xlsx"),
    )
    v.path.write_bytes(_ole_bytes(["Workbook", "\x05SummaryInformation"]))
    return v


def xls_as_is(folder: Path) -> Variant:
    """「団体一覧.xls」: an Excel 97-2003 book with its own .xls name (many offices still keep these)."""
    v = Variant(folder / "団体一覧.xls", "refuse", "Excel 97-2003 形式（.xls）のブック", advice=("xlsx",))
    v.path.write_bytes(_ole_bytes(["Workbook", "\x05SummaryInformation"]))
    return v


def empty_xlsx(folder: Path) -> Variant:
    """「新しい団体一覧.xlsx」: a file of 0 bytes (made with 新規作成 in Explorer, never opened)."""
    v = Variant(folder / "新しい団体一覧.xlsx", "refuse", "0バイトの空のファイル", advice=("空", "0 バイト", "0バイト"))
    v.path.write_bytes(b"")
    return v


def encrypted_office(folder: Path) -> Variant:
    """「団体一覧（パスワード付き）.xlsx」: an Excel book saved with a password to open (an encrypted OLE package)."""
    v = Variant(
        folder / "団体一覧（パスワード付き）.xlsx",
        "refuse",
        "読み取りパスワードのかかった Excel ブック",
        advice=("パスワード",),
    )
    v.path.write_bytes(_ole_bytes(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    return v


def encrypted_zip(folder: Path) -> Variant:
    """「団体一覧（暗号化zip）.xlsx」: a zip whose entries are encrypted (as a password tool leaves a workbook)."""
    v = Variant(
        folder / "団体一覧（暗号化zip）.xlsx",
        "refuse",
        "中身が暗号化された（パスワード付きの）zip",
        advice=("パスワード",),
    )
    book = openpyxl.Workbook()
    book.active.append(["団体名", "種別"])
    book.active.append(["どこかの町内会", "町内会"])
    buf = io.BytesIO()
    book.save(buf)
    raw = bytearray(buf.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        infos = z.infolist()
    for info in infos:  # set the "encrypted" flag in each local header and each central directory entry
        raw[info.header_offset + 6] |= 0x01
    i = raw.find(b"PK\x01\x02")
    while i != -1:
        raw[i + 8] |= 0x01
        i = raw.find(b"PK\x01\x02", i + 4)
    v.path.write_bytes(bytes(raw))
    return v


def headings_only_csv(folder: Path) -> Variant:
    """「団体一覧（記入用）.csv」: the headings of a list and no rows (a form handed out to be filled in)."""
    v = Variant(
        folder / "団体一覧（記入用）.csv",
        "either",
        "見出しの行だけで団体が1つもない記入用の様式",
        advice=("0件", "ありません", "見つかりません", "空"),
    )
    v.path.write_bytes("団体名,種別,主な連携先,活動開始\r\n".encode("cp932"))
    return v


_UTF16_ROWS = [
    ("最戸東町内会", "町内会", "最戸東地区社会福祉協議会", "昭和50年", 1975),
    ("最戸東地区社会福祉協議会", "地区社協", "最戸東町内会", "平成7年", 1995),
]


def utf16_csv(folder: Path) -> Variant:
    """「最戸東地区団体一覧.csv」: comma-separated but UTF-16 with a BOM (a 「Unicode テキスト」 renamed .csv)."""
    v = Variant(
        folder / "最戸東地区団体一覧.csv",
        "either",
        "最戸東地区の2団体の一覧、文字コードは UTF-16（BOM付き）",
        district={"最戸東地区"},
        advice=("CSV UTF-8",),
    )
    text = "団体名,種別,連携先,設立\r\n" + "".join(f"{n},{k},{p},{s}\r\n" for n, k, p, s, _ in _UTF16_ROWS)
    v.path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    _simple_rows(v, _UTF16_ROWS)
    return _check(v)


def csv_renamed_xlsx(folder: Path) -> Variant:
    """「日野地区団体一覧.xlsx」: CSV text (CP932) whose name was changed to .xlsx."""
    rows = [
        ("日野連合町内会", "連合町内会", "日野地区社会福祉協議会", "", None),
        ("日野地区社会福祉協議会", "地区社協", "日野連合町内会", "平成5年", 1993),
    ]
    v = Variant(
        folder / "日野地区団体一覧.xlsx",
        "either",
        "中身は CSV（Shift_JIS）なのに拡張子が .xlsx のファイル",
        district={"日野地区"},
        advice=("CSV", ".csv"),
    )
    text = "団体名,種別,連携先,設立\r\n" + "".join(f"{n},{k},{p},{s}\r\n" for n, k, p, s, _ in rows)
    v.path.write_bytes(text.encode("cp932"))
    _simple_rows(v, rows)
    return _check(v)


BUILDERS = {
    "careplaza-list": careplaza_list,
    "two-row-header": two_row_header,
    "third-sheet": third_sheet_workbook,
    "odd-headings": odd_headings,
    "excel-cp932-csv": excel_cp932_csv,
    "forms-utf8-bom-csv": forms_utf8_bom_csv,
    "tab-separated-csv": tab_separated_csv,
    "unicode-text-txt": unicode_text_txt,
    "microsoft-forms": microsoft_forms_export,
    "numbered-partners": numbered_partner_columns,
    "pairs-csv": pairs_csv,
    "pairs-workbook": pairs_workbook,
    "persons-and-groups": persons_and_groups,
    "years": years_as_written,
    "kumu-extras": kumu_with_extras,
    "yaml-japanese-keys": yaml_japanese_keys,
    "yaml-fullwidth-colon": yaml_fullwidth_colon,
    "yaml-tabs-fullwidth-spaces": yaml_tabs_and_fullwidth_spaces,
    "xls-renamed": xls_renamed,
    "xls": xls_as_is,
    "empty-xlsx": empty_xlsx,
    "encrypted-office": encrypted_office,
    "encrypted-zip": encrypted_zip,
    "headings-only-csv": headings_only_csv,
    "utf16-csv": utf16_csv,
    "csv-renamed-xlsx": csv_renamed_xlsx,
}
