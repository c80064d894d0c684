"""The fields of a case file, declared once: how the loader reads each, the YAML keys people write for it, and the
headings a spreadsheet column may carry.

Every reader and writer takes its fields from here: the YAML loader (:mod:`kyodo_network.load`, through
:func:`loader_fields` and :func:`yaml_aliases`), the sheet reader (:mod:`.sheets`, through :data:`TABLES`), the
template and the export (:mod:`.workbook`). A new spreadsheet column is one :class:`Field` in a record below (and
its words in ``catalogue/reading.py``, ``problem.field.<key>``).

A field's ``loads`` is how the loader checks a value: ``text``, ``id`` (an explicit id), ``ref`` (an actor, by id
or name), ``word`` (a sector or relation word of the open vocabulary), ``year``, ``texts`` (a list of words),
``weight``, ``visibility``, ``inferred``, ``colour`` or ``any`` (checked by its own reader); None for a column only a
sheet has (a row number, a district column, a projects sheet's 所管課). Its ``kind`` is how a sheet cell is read:
``text``, ``list`` (split on 、), ``names`` (a partners cell), ``year``, ``visibility``, ``skip`` (not read) or
``district``; None for a field no sheet has.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Field",
    "Column",
    "Record",
    "Table",
    "DISTRICT",
    "SOURCE",
    "ACTOR",
    "RELATION",
    "PROJECT",
    "PARTICIPANT",
    "SECTOR",
    "TABLES",
    "DISTRICT_ROWS",
    "TOP_FIELDS",
    "FILE_ALIASES",
    "loader_fields",
    "yaml_aliases",
    "TOP_ALIASES",
    "normalise",
    "heading",
    "PRIVATE_MARKS",
]


@dataclass(frozen=True)
class Field:
    """One field of a record: its key, how it is loaded, and (when a sheet has it) its column's headings and help."""

    key: str
    loads: str | None = "text"
    required: bool = False
    kind: str | None = None  # text | list | names | year | visibility | skip | district; None: not a sheet column
    ja: str = ""
    en: str = ""
    aliases: tuple[str, ...] = ()  # other headings of its column
    yaml: tuple[str, ...] = ()  # other YAML keys read as this field (each read is noted)
    template: bool = True  # a column of ``kyodo template`` (the others are read when present)
    help_ja: str = ""
    help_en: str = ""
    example_ja: str = ""
    example_en: str = ""

    def headers(self) -> tuple[str, ...]:
        """Every heading its column may carry."""
        return (self.ja, self.en, self.key, *self.aliases)


#: A sheet column is a :class:`Field` that a sheet has (``kind`` set).
Column = Field


@dataclass(frozen=True)
class Record:
    """A kind of record (an actor, a relation …) and its fields."""

    what: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Table:
    """A sheet of records (アクター, 関係, 協働事業) and the YAML list it becomes; its columns are its record's fields
    that a sheet has."""

    key: str
    ja: str
    en: str
    kumu: str | None
    record: Record

    @property
    def columns(self) -> tuple[Field, ...]:
        return tuple(f for f in self.record.fields if f.kind is not None)

    def column(self, header: Any) -> Field | None:
        """The column a heading names: compared whole first, then without a bracketed remark (「連絡先（取扱注意）」)."""
        whole, norm = normalise(header), heading(header)[0]
        for col in self.columns:
            if whole in {normalise(h) for h in col.headers()}:
                return col
        for col in self.columns:
            if norm in {heading(h)[0] for h in col.headers()}:
                return col
        return None


def _f(
    key: str,
    loads: str | None,
    ja: str = "",
    en: str = "",
    help_ja: str = "",
    help_en: str = "",
    ex_ja: str = "",
    ex_en: str = "",
    *,
    kind: str | None = "text",
    **kw: Any,
) -> Field:
    return Field(
        key,
        loads,
        kind=kind,
        ja=ja,
        en=en,
        help_ja=help_ja,
        help_en=help_en,
        example_ja=ex_ja,
        example_en=ex_en or ex_ja,
        **kw,
    )


def _yaml_only(key: str, loads: str, **kw: Any) -> Field:
    return Field(key, loads, kind=None, **kw)


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


# --- fields several records share ------------------------------------------------------------------------------

_ID = _f(
    "id",
    "id",
    "ID",
    "ID",
    "省略可。同じ名前が2つあるときなどに使う短い記号",
    "Optional short code, e.g. when two names are alike",
    "midori-kai",
    template=False,
)
_NAME_EN = _f(
    "name_en",
    "text",
    "英語名",
    "Name (English)",
    "省略可。英語の名前",
    "Optional English name",
    "Midori Club",
    aliases=("英語の名前",),
    template=False,
)
_SINCE = _f(
    "since",
    "year",
    "開始年",
    "Since",
    "始まった年（2013、平成25、R2 など）",
    "Year it began (2013, 平成25, R2 …)",
    "2013",
    kind="year",
    yaml=("year", "年度"),
    aliases=(
        "開始",
        "start",
        "活動開始",
        "活動開始年",
        "設立",
        "設立年",
        "設立年月",
        "設立年月日",
        "発足",
        "発足年",
        "結成",
        "結成年",
        "開始年度",
        "年度",
        "実施年度",
        "year",
    ),
)
_UNTIL = _f(
    "until",
    "year",
    "終了年",
    "Until",
    "終わった年。続いていれば空欄",
    "Year it ended; empty if it goes on",
    "",
    kind="year",
    aliases=("終了", "end"),
)
_CITE = _f(
    "cite",
    "text",
    "出典",
    "Source",
    "どこで知ったか（聞き取り、会報 など）。空欄なら地区シートの出典",
    "Where this comes from; empty means the District sheet's source",
    "聞き取り",
    "interview",
    aliases=("cite",),
)
_NOTE = _f(
    "note",
    "text",
    "メモ",
    "Note",
    "自由なメモ",
    "Any note",
    "",
    yaml=("notes",),
    aliases=("備考", "description", "notes", "説明", "その他"),
)
#: 推定: the whole record is the author's reading (an Excel TRUE/FALSE cell); 推定した項目: the fields that are
#: (``offers、needs``, the YAML keys). Written by the export so that a workbook reads back with its flags; never in
#: the blank template.
_INFERRED = _f(
    "inferred",
    "inferred",
    "推定",
    "Inferred",
    "記録全体が資料からの推定なら TRUE",
    "TRUE when the whole record is the author's reading",
    template=False,
    aliases=("推定（記録全体）", "inferred"),
)
_INFERRED_FIELDS = _f(
    "inferred_fields",
    "texts",
    "推定した項目",
    "Inferred fields",
    "推定した項目の名前（offers、needs など）",
    "Fields that are the author's reading (offers, needs …)",
    kind="list",
    template=False,
    aliases=("inferred fields", "inferred_fields"),
)
#: Columns read from any list but never written by the template: a row number or a form's time stamp (not read),
#: a district named on every row.
_SKIP = _f(
    "skip",
    None,
    "No.",
    "No.",
    template=False,
    kind="skip",
    aliases=("No", "番号", "通し番号", "連番", "タイムスタンプ", "Timestamp", "回答日時", "記入日", "#"),
)
_DISTRICT = _f(
    "district", None, "地区", "District", template=False, kind="district", aliases=("地区名", "地域", "地域名", "連合")
)

# --- the records -------------------------------------------------------------------------------------------------

DISTRICT = Record(
    "district",
    (
        Field("id", "id"),
        Field("name", "text", required=True),
        Field("name_en"),
        Field("ward"),
        Field("ward_en"),
        Field("city"),
        Field("summary"),
        Field("cite"),
    ),
)
SOURCE = Record("source", (Field("title"), Field("title_en"), Field("publisher"), Field("date"), Field("url")))
SECTOR = Record(
    "sector",
    (
        Field("id", "id", required=True),
        Field("name", "text", required=True),
        Field("name_en"),
        Field("colour", "colour", required=True),
    ),
)
PARTICIPANT = Record("participant", (Field("id", "ref", required=True), Field("role"), Field("role_en")))

ACTOR = Record(
    "actor",
    (
        _ID,
        _f(
            "name",
            "text",
            "名前",
            "Name",
            "団体・人の名前（必須）",
            "Name of the group or person (required)",
            "みどりの会",
            "Midori Club",
            required=True,
            yaml=("名前",),
            aliases=(
                "名称",
                "label",
                "団体名",
                "組織名",
                "団体・グループ名",
                "グループ名",
                "団体の名前",
                "事業所名",
                "施設名",
                "氏名",
                "あなたの団体名",
                "団体名称",
                "機関名",
                "機関・団体名",
                "団体・機関名",
                "法人名",
                "会社名",
                "学校名",
                "名前・団体名",
                "団体名・氏名",
                "氏名・団体名",
            ),
        ),
        _f(
            "sector",
            "word",
            "セクター",
            "Sector",
            "一覧から選ぶか、自治会・老人クラブ・NPO・社協 など自分の言葉で書く",
            "Pick from the list, or write your own word (自治会, 老人クラブ, NPO …)",
            "自治会町内会",
            "neighbourhood",
            yaml=("type", "category", "種別", "kind"),
            aliases=(
                "type",
                "種別",
                "分類",
                "団体種別",
                "区分",
                "団体の種別",
                "団体の種類",
                "種類",
                "category",
                "カテゴリ",
                "カテゴリー",
                "業種",
            ),
        ),
        _f(
            "themes",
            "texts",
            "テーマ",
            "Themes",
            "活動のテーマ。「、」で区切る",
            "Themes of its work, separated by commas",
            "子育て、見守り",
            "child-rearing, watching over",
            kind="list",
            yaml=("tags",),
            aliases=("tags", "活動分野", "分野", "活動内容", "主な活動", "活動の分野"),
        ),
        _f(
            "offers",
            "texts",
            "提供できること",
            "Offers",
            "提供できる資源（会場、人手 など）",
            "What it can offer (a venue, helpers …)",
            "会場、人手",
            "a venue, helpers",
            kind="list",
            aliases=("提供できるもの", "得意なこと", "できること", "offers"),
        ),
        _f(
            "needs",
            "texts",
            "求めていること",
            "Needs",
            "求めている資源",
            "What it is looking for",
            "資金",
            "funding",
            kind="list",
            aliases=("困っていること", "困りごと", "課題", "必要なもの", "求めるもの", "needs"),
        ),
        _f(
            "visibility",
            "visibility",
            "公開範囲",
            "Visibility",
            "公開・内部・非公開。空欄は公開。個人は非公開に",
            "public, internal or private; empty means public",
            "公開",
            "public",
            kind="visibility",
            aliases=("公開", "公開・非公開"),
        ),
        _f(
            "contact",
            "text",
            "連絡先",
            "Contact",
            "連絡先（電話番号・メールは --public の出力に出ません）",
            "Contact (phone numbers and e-mail never appear in a --public output)",
            "",
            aliases=("電話", "電話番号", "TEL", "メール", "メールアドレス", "e-mail", "email", "連絡先電話番号", "FAX"),
        ),
        _SINCE,
        _UNTIL,
        _CITE,
        _NOTE,
        _NAME_EN,
        _f(
            "role",
            "text",
            "役割",
            "Role",
            "省略可。地区での役割",
            "Optional role in the district",
            "",
            template=False,
            aliases=("役職", "肩書き", "肩書"),
        ),
        _f(
            "member_of",
            "texts",
            "所属",
            "Member of",
            "人が所属する団体（関係になります）",
            "The groups a person belongs to (each becomes a tie)",
            "",
            kind="names",
            template=False,
            aliases=("所属・役職", "所属先", "所属団体", "所属・役割", "member of"),
        ),
        _f(
            "partners",
            "texts",
            "主な連携先",
            "Partners",
            "一緒に活動している団体。「、」で区切る",
            "Groups it works with, separated by commas",
            "",
            kind="names",
            template=False,
            yaml=("partner", "連携先"),
            aliases=(
                "連携先",
                "連携団体",
                "一緒に活動している団体",
                "協力団体",
                "つながりのある団体",
                "関係団体",
                "協働先",
                "主な協力団体",
                "主な関係団体",
                "connections",
                "partners",
            ),
        ),
        _f(
            "representative",
            "text",
            "代表者",
            "Representative",
            template=False,
            aliases=("代表者名", "代表", "会長", "会長名", "代表者氏名"),
        ),
        _f(
            "person_or_group",
            None,
            "個人/団体",
            "Person or group",
            template=False,
            aliases=("個人・団体", "個人／団体", "団体・個人", "団体/個人", "個人か団体か", "個人団体", "person/group"),
        ),
        _DISTRICT,
        _SKIP,
        _yaml_only("role_en", "text"),
        _yaml_only("ward", "text"),
        _yaml_only("ward_en", "text"),
        _INFERRED,
        _INFERRED_FIELDS,
        _yaml_only("private_fields", "texts"),
    ),
)

RELATION = Record(
    "relation",
    (
        _f(
            "from",
            "ref",
            "から",
            "From",
            "関係の一方の名前（アクターシートの名前）（必須）",
            "One actor's name (required)",
            "みどりの会",
            "Midori Club",
            required=True,
            aliases=("元", "団体1", "団体A"),
        ),
        _f(
            "to",
            "ref",
            "へ",
            "To",
            "もう一方の名前（必須）。補助・委託などは「から」が出す側",
            "The other actor (required); for a subsidy or commission, From is the giver",
            "〇〇区社会福祉協議会",
            "Ward welfare council",
            required=True,
            aliases=("先", "相手", "団体2", "団体B"),
        ),
        _f(
            "type",
            "word",
            "種類",
            "Type",
            "一覧から選ぶか、協働・寄付 など自分の言葉で書く。空欄は協力",
            "Pick from the list or write your own word; empty means cooperation",
            "協力",
            "cooperation",
            yaml=("kind", "種類"),
            aliases=("関係の種類", "関係", "つながりの種類", "内容"),
        ),
        _f(
            "weight",
            "weight",
            "強さ",
            "Strength",
            "1（弱い）・2（ふつう）・3（強い）。空欄は2",
            "1 weak, 2 ordinary, 3 strong; empty is 2",
            "2",
            aliases=("weight",),
        ),
        _SINCE,
        _UNTIL,
        _CITE,
        _NOTE,
        _SKIP,
        _f(
            "held_by",
            "texts",
            "担当",
            "Held by",
            "この関係を団体のために担っている人の名前（異動するとなくなる）。「、」で区切る",
            "The persons who hold this tie for an organisation (lost when they leave), by name",
            "",
            kind="list",
            template=False,
            aliases=("担当者", "held by", "held_by"),
        ),
        _INFERRED,
        _INFERRED_FIELDS,
        _yaml_only("agreement", "any"),
    ),
)

PROJECT = Record(
    "project",
    (
        _ID,
        _f(
            "name",
            "text",
            "名前",
            "Name",
            "事業の名前（必須）",
            "Name of the project (required)",
            "夏まつり",
            "Summer festival",
            required=True,
            aliases=("名称", "事業名", "協働事業名", "事業", "行事名", "イベント名", "取組名"),
        ),
        _f(
            "participants",
            "any",
            "参加者",
            "Participants",
            "参加する団体の名前。「、」で区切る（必須）。役割は「名前:役割」（招集・提案団体・事務局・主催の団体が事業の中心になります）",
            "Names of the actors taking part, separated by commas (required); a role as 'name:role' (a convener, "
            "proposer, secretariat or organiser is the project's hub)",
            "みどりの会、〇〇小学校",
            "Midori Club, Maru Elementary School",
            kind="list",
            required=True,
            yaml=("members", "参加者"),
            aliases=("参加団体", "参加", "構成団体", "実施団体"),
        ),
        _f(
            "department",
            None,
            "所管課",
            "Department",
            template=False,
            aliases=("担当課", "所管", "所管部署", "担当部署"),
        ),
        _SINCE,
        _UNTIL,
        _f(
            "themes",
            "texts",
            "テーマ",
            "Themes",
            "事業のテーマ",
            "Themes of the project",
            "まちづくり",
            "community planning",
            kind="list",
            aliases=("tags", "分野"),
        ),
        _CITE,
        _NOTE,
        _NAME_EN,
        _SKIP,
        _INFERRED,
        _INFERRED_FIELDS,
        _yaml_only("reviews", "any"),
        _yaml_only("agreement", "any"),
    ),
)

#: The sheets of records, by the YAML list they become.
TABLES: dict[str, Table] = {
    "actors": Table("actors", "アクター", "Actors", "Elements", ACTOR),
    "relations": Table("relations", "関係", "Relations", "Connections", RELATION),
    "projects": Table("projects", "協働事業", "Projects", None, PROJECT),
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

#: The top-level keys of a case file.
TOP_FIELDS = (
    "format",
    "source",
    "district",
    "include",
    "sectors",
    "actors",
    "relations",
    "projects",
    "reviews",
    "changes",
)
#: Top-level keys of a file without ``district:`` that describe the district (a YAML typed after one look).
FILE_ALIASES: dict[str, str] = {
    "name": "district.name",
    "ward": "district.ward",
    "city": "district.city",
    "地区": "district.name",
    "区": "district.ward",
}


def loader_fields(record: Record) -> dict[str, tuple[str, bool]]:
    """``{key: (loads, required)}`` of the fields a case file may state for ``record``.

    >>> loader_fields(PARTICIPANT)
    {'id': ('ref', True), 'role': ('text', False), 'role_en': ('text', False)}
    """
    return {f.key: (f.loads, f.required) for f in record.fields if f.loads is not None}


def yaml_aliases(record: Record) -> dict[str, str]:
    """``{other YAML key: field}`` for ``record``: the keys people write for a field — its own YAML aliases, then
    every heading its column may carry (名前, 種別, から, へ, 設立 …), so a YAML typed in Japanese reads.

    >>> a = yaml_aliases(RELATION); a["kind"], a["から"], a["へ"]
    ('type', 'from', 'to')
    """
    out: dict[str, str] = {}
    keys = {f.key for f in record.fields}
    for f in record.fields:
        if f.loads is None:
            continue
        for alias in (*f.yaml, f.ja, *f.aliases):
            if alias and alias not in keys:
                out.setdefault(alias, f.key)
    return out


#: Top-level keys of a case file written in Japanese (or as the template's sheets are named).
TOP_ALIASES: dict[str, str] = {
    "団体": "actors",
    "アクター": "actors",
    "団体一覧": "actors",
    "主体": "actors",
    "関係": "relations",
    "つながり": "relations",
    "協働事業": "projects",
    "事業": "projects",
    "出典": "source",
    "含める": "include",
    "地区": "district",
    "形式": "format",
}
