"""The layout of the spreadsheets kyodo reads and writes: sheets, columns and their headers in both languages.

One table for :mod:`kyodo_network.sheets` (which reads workbooks and CSV) and
:mod:`kyodo_network.render.workbook` (which writes the template), so that the two never disagree. No I/O here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Column", "Table", "TABLES", "DISTRICT_ROWS", "DISTRICT_SHEET", "HOWTO_SHEET", "VISIBILITY_WORDS",
    "LIST_SEPARATORS", "WRONG_SEPARATORS", "normalise", "split_list", "column_letter", "cell_name", "heading",
    "PRIVATE_MARKS",
]

@dataclass(frozen=True)
class Column:
    """One column of a sheet: the YAML key it fills, its headers, how its cells are read."""

    key: str
    ja: str
    en: str
    kind: str = "text"  # text | list | names | year | visibility | skip | district
    required: bool = False
    aliases: tuple[str, ...] = ()
    template: bool = True  # written by ``kyodo template`` (the others are accepted when present)
    help_ja: str = ""
    help_en: str = ""
    example_ja: str = ""
    example_en: str = ""

    def headers(self) -> tuple[str, ...]:
        return (self.ja, self.en, self.key, *self.aliases)


@dataclass(frozen=True)
class Table:
    """A sheet of records (アクター, 関係, 協働事業) and the YAML list it becomes."""

    key: str
    ja: str
    en: str
    kumu: str | None
    columns: tuple[Column, ...]

    def column(self, header: Any) -> Column | None:
        """The column a heading names (compared by :func:`heading`: loosely, bracketed remarks left out)."""
        whole, norm = normalise(header), heading(header)[0]
        for col in self.columns:
            if whole in {normalise(h) for h in col.headers()}:
                return col
        for col in self.columns:
            if norm in {heading(h)[0] for h in col.headers()}:
                return col
        return None


def _c(key: str, ja: str, en: str, help_ja: str, help_en: str, ex_ja: str = "", ex_en: str = "", **kw: Any) -> Column:
    return Column(key, ja, en, help_ja=help_ja, help_en=help_en, example_ja=ex_ja, example_en=ex_en or ex_ja, **kw)


_ID = _c("id", "ID", "ID", "省略可。同じ名前が2つあるときなどに使う短い記号", "Optional short code, e.g. when two names are alike",
         "midori-kai", template=False)
_NAME_EN = _c("name_en", "英語名", "Name (English)", "省略可。英語の名前", "Optional English name", "Midori Club",
              aliases=("英語の名前",), template=False)
_SINCE = _c("since", "開始年", "Since", "始まった年（2013、平成25、R2 など）", "Year it began (2013, 平成25, R2 …)", "2013",
            kind="year", aliases=("開始", "start", "活動開始", "活動開始年", "設立", "設立年", "設立年月", "設立年月日",
                                  "発足", "発足年", "結成", "結成年", "開始年度", "年度", "実施年度", "year"))
_UNTIL = _c("until", "終了年", "Until", "終わった年。続いていれば空欄", "Year it ended; empty if it goes on", "",
            kind="year", aliases=("終了", "end"))
_CITE = _c("cite", "出典", "Source", "どこで知ったか（聞き取り、会報 など）。空欄なら地区シートの出典",
           "Where this comes from; empty means the District sheet's source", "聞き取り", "interview", aliases=("cite",))
_NOTE = _c("note", "メモ", "Note", "自由なメモ", "Any note", "", aliases=("備考", "description", "notes", "説明", "その他"))

#: Columns read from any list but never written by the template: a row number or a form's time stamp (not read),
#: a district named on every row, a partners cell (ties), a representative (a private person's name).
_SKIP = _c("skip", "No.", "No.", "", "", template=False, kind="skip",
           aliases=("No", "番号", "通し番号", "連番", "タイムスタンプ", "Timestamp", "回答日時", "記入日", "#"))
_DISTRICT = _c("district", "地区", "District", "", "", template=False, kind="district",
               aliases=("地区名", "地域", "地域名", "連合"))
_PARTNERS = _c("partners", "主な連携先", "Partners", "一緒に活動している団体。「、」で区切る", "Groups it works with, "
               "separated by commas", "", template=False, kind="names",
               aliases=("連携先", "連携団体", "一緒に活動している団体", "協力団体", "つながりのある団体", "関係団体",
                        "協働先", "主な協力団体", "主な関係団体", "connections", "partners"))
_REPRESENTATIVE = _c("representative", "代表者", "Representative", "", "", template=False,
                     aliases=("代表者名", "代表", "会長", "会長名", "代表者氏名"))

TABLES: dict[str, Table] = {
    "actors": Table("actors", "アクター", "Actors", "Elements", (
        _ID,
        _c("name", "名前", "Name", "団体・人の名前（必須）", "Name of the group or person (required)", "みどりの会",
           "Midori Club", required=True,
           aliases=("名称", "label", "団体名", "組織名", "団体・グループ名", "グループ名", "団体の名前", "事業所名",
                    "施設名", "氏名", "あなたの団体名", "団体名称")),
        _c("sector", "セクター", "Sector", "一覧から選ぶか、自治会・NPO・社協 などと書く（必須）",
           "Pick from the list, or write a sector id (required)", "自治会町内会", "neighbourhood", required=True,
           aliases=("type", "種別", "分類", "団体種別", "区分", "団体の種別", "団体の種類", "種類", "category",
                    "カテゴリ", "カテゴリー", "業種")),
        _c("themes", "テーマ", "Themes", "活動のテーマ。「、」で区切る", "Themes of its work, separated by commas",
           "子育て、見守り", "child-rearing, watching over", kind="list",
           aliases=("tags", "活動分野", "分野", "活動内容", "主な活動", "活動の分野")),
        _c("offers", "提供できること", "Offers", "提供できる資源（会場、人手 など）", "What it can offer (a venue, helpers …)",
           "会場、人手", "a venue, helpers", kind="list", aliases=("提供できるもの", "得意なこと", "できること", "offers")),
        _c("needs", "求めていること", "Needs", "求めている資源", "What it is looking for", "資金", "funding", kind="list",
           aliases=("困っていること", "困りごと", "課題", "必要なもの", "求めるもの", "needs")),
        _c("visibility", "公開範囲", "Visibility", "公開・内部・非公開。空欄は公開。個人は非公開に",
           "public, internal or private; empty means public", "公開", "public", kind="visibility",
           aliases=("公開", "公開・非公開")),
        _c("contact", "連絡先", "Contact", "連絡先（地図には公開のときだけ出る）", "Contact (shown only when public)", "",
           aliases=("電話", "電話番号", "TEL", "メール", "メールアドレス", "e-mail", "email", "連絡先電話番号", "FAX")),
        _SINCE, _UNTIL, _CITE, _NOTE, _NAME_EN,
        _c("role", "役割", "Role", "省略可。地区での役割", "Optional role in the district", "", template=False),
        _PARTNERS, _REPRESENTATIVE, _DISTRICT, _SKIP,
    )),
    "relations": Table("relations", "関係", "Relations", "Connections", (
        _c("from", "から", "From", "関係の一方の名前（アクターシートの名前）（必須）", "One actor's name (required)",
           "みどりの会", "Midori Club", required=True, aliases=("元", "団体1", "団体A")),
        _c("to", "へ", "To", "もう一方の名前（必須）。補助・委託などは「から」が出す側", "The other actor (required); for a "
           "subsidy or commission, From is the giver", "〇〇区社会福祉協議会", "Ward welfare council", required=True,
           aliases=("先", "相手", "団体2", "団体B")),
        _c("type", "種類", "Type", "一覧から選ぶか、協力・補助 などと書く（必須）", "Pick from the list (required)", "協力",
           "cooperation", required=True, aliases=("関係の種類", "関係", "つながりの種類", "内容")),
        _c("weight", "強さ", "Strength", "1（弱い）・2（ふつう）・3（強い）。空欄は2", "1 weak, 2 ordinary, 3 strong; empty is 2",
           "2", aliases=("weight",)),
        _SINCE, _UNTIL, _CITE, _NOTE, _SKIP,
    )),
    "projects": Table("projects", "協働事業", "Projects", None, (
        _ID,
        _c("name", "名前", "Name", "事業の名前（必須）", "Name of the project (required)", "夏まつり", "Summer festival",
           required=True, aliases=("名称", "事業名", "協働事業名", "事業", "行事名", "イベント名", "取組名")),
        _c("participants", "参加者", "Participants",
           "参加する団体の名前。「、」で区切る（必須）。役割は「名前:役割」（招集・提案団体・事務局・主催の団体が事業の中心になります）",
           "Names of the actors taking part, separated by commas (required); a role as 'name:role' (a convener, "
           "proposer, secretariat or organiser is the project's hub)", "みどりの会、〇〇小学校",
           "Midori Club, Maru Elementary School", kind="list", required=True,
           aliases=("参加団体", "参加", "構成団体", "実施団体", "協力団体", "関係団体")),
        _c("department", "所管課", "Department", "", "", template=False, aliases=("担当課", "所管", "所管部署", "担当部署")),
        _SINCE, _UNTIL,
        _c("themes", "テーマ", "Themes", "事業のテーマ", "Themes of the project", "まちづくり", "community planning",
           kind="list", aliases=("tags", "分野")),
        _CITE, _NOTE, _NAME_EN, _SKIP,
    )),
}

#: Rows of the optional 「地区」 sheet (項目 | 値): (YAML place, ja, en, aliases, shown in the template).
DISTRICT_ROWS: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    ("district.name", "名前", "Name", ("地区名", "name"), True),
    ("district.ward", "区", "Ward", ("ward",), True),
    ("district.city", "市", "City", ("city",), True),
    ("source.title", "出典", "Source", ("source",), True),
    ("district.id", "ID", "ID", ("id",), False),
    ("district.name_en", "英語名", "Name (English)", ("name_en",), False),
    ("district.ward_en", "区（英語）", "Ward (English)", ("ward_en",), False),
    ("district.summary", "概要", "Summary", ("summary",), False),
    ("district.cite", "地区の出典", "District cite", ("cite",), False),
    ("source.publisher", "発行者", "Publisher", ("publisher",), False),
    ("source.date", "発行日", "Date", ("date",), False),
    ("source.url", "URL", "URL", ("url",), False),
    ("include", "含める", "Include", ("include",), False),
)
DISTRICT_SHEET = ("地区", "District")
HOWTO_SHEET = ("使い方", "How to use")
#: ``kyodo export``'s sheet of computed numbers: never read back as a list.
ANALYSIS_SHEET = ("分析", "Analysis")

#: The template's 公開範囲 words and the YAML values they stand for.
VISIBILITY_WORDS: dict[str, str] = {
    "公開": "public", "内部": "internal", "非公開": "private",
    "public": "public", "internal": "internal", "private": "private",
}

#: Separators of a list inside a cell, and ones people type by mistake (read, but reported).
LIST_SEPARATORS = "、,，|｜"
WRONG_SEPARATORS = ";；\n"


def normalise(text: Any) -> str:
    """A header or sheet name compared loosely: NFKC, lower case, no spaces; a trailing * or (必須) ignored.

    >>> normalise(" Ｎａｍｅ（必須） "), normalise("How to use")
    ('name', 'howtouse')
    """
    norm = unicodedata.normalize("NFKC", str(text if text is not None else "")).casefold()
    norm = re.sub(r"\s+", "", norm)
    return re.sub(r"(\*|\((必須|required)\))$", "", norm)


#: Words in a heading's brackets, or in a cell, that mark what it holds as private (a clerk's 取扱注意 column).
PRIVATE_MARKS = ("非公開", "取扱注意", "取り扱い注意", "取扱い注意", "個人情報", "部外秘", "private")


def heading(text: Any) -> tuple[str, bool]:
    """A column heading compared loosely (:func:`normalise`), without a bracketed remark such as 「（複数可）」 or
    「（取扱注意）」; and whether the remark marks the column private.

    >>> heading("連絡先（取扱注意）"), heading("一緒に活動している団体（複数可）"), heading("名前（必須）")
    (('連絡先', True), ('一緒に活動している団体', False), ('名前', False))
    """
    norm = normalise(text)
    remarks = re.findall(r"[(\[【〔<＜《]([^)\]】〕>＞》]*)[)\]】〕>＞》]", norm)
    base = re.sub(r"[(\[【〔<＜《][^)\]】〕>＞》]*[)\]】〕>＞》]", "", norm).strip("*※:：")
    private = any(normalise(m) in r for r in remarks for m in PRIVATE_MARKS)
    return (base or norm), private


def split_list(text: str, separators: str = LIST_SEPARATORS) -> list[str]:
    """The items of a list written in one cell, trimmed, empty ones dropped.

    >>> split_list("子育て、 見守り ,居場所|防犯")
    ['子育て', '見守り', '居場所', '防犯']
    """
    return [part.strip() for part in re.split(f"[{re.escape(separators)}]", text) if part.strip()]


def column_letter(col: int) -> str:
    """Excel's letters for a column number: ``column_letter(28) == 'AB'``."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """``B12`` for row 12, column 2."""
    return f"{column_letter(col)}{row}"


# --- the 振り返り (review) sheet: one column per participating side -----------------------------------------------
#
#   事業    | <project id or name>
#   年度    | 2024
#   時点    | 振り返り
#   項目ID  | 項目            | <side 1 name> | <side 2 name> | …     ← the header row
#   equality| 対等 …          | 3             | 2
#   …
#   コメント |                 | <comment>     | <comment>
#
# Every sheet whose name begins with 振り返り (or Review) is read; each side's column becomes one review.

REVIEW_SHEET = ("振り返り", "Review")
#: Rows above the header: (YAML key, ja, en, aliases).
REVIEW_META: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("project", "事業", "Project", ("協働事業", "事業名", "project")),
    ("year", "年度", "Year", ("年", "year")),
    ("moment", "時点", "Moment", ("moment",)),
)
#: The first cell of the header row, and of the comment row.
REVIEW_ITEM_HEADER = ("項目ID", "Item ID", ("id", "itemid"))
REVIEW_LABEL_HEADER = ("項目", "Item")
REVIEW_COMMENT = ("コメント", "Comment", ("comment", "感想"))


def is_review_sheet(name: str) -> bool:
    """True for a sheet named 振り返り…, or Review… (compared loosely).

    >>> is_review_sheet("振り返り 2024"), is_review_sheet("アクター")
    (True, False)
    """
    return any(normalise(name).startswith(normalise(n)) for n in REVIEW_SHEET)
