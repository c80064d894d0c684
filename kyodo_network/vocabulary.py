"""The open vocabulary: the words offices write for what an actor is (種別) and for a tie, each placed under a broad
sector or a relation type.

Coordinators write whatever word their office uses: 老人クラブ, 民児協, 地区社協, 医療機関, 寄付, 見守り協定 …
The tool keeps that word as written (the actor's ``category``, the relation's ``label``) and places it under one
of the broad sectors of :data:`~kyodo_network.model.SECTORS`, or one of the relation types of
:data:`~kyodo_network.model.RELATION_TYPES`, which the cross-sector measures use. One bundled table does the
placing: :data:`SECTOR_WORDS` and :data:`RELATION_WORDS` add the words real lists use to what each sector and
type is already called by the tool itself (its id, its Japanese name and short label, its English name).
``datasets/README.md`` lists the same words; a test checks that the two agree.

How a word is placed (:func:`place_category`, :func:`place_relation`):

1. Words are compared by :func:`key`: Unicode NFKC (full-width and half-width forms are the same letter), case
   folded, every space removed. A word equal to a known word is placed by it; a file's own declared sectors are
   matched first.
2. Otherwise a word that *contains* known words is placed by the **longest** of them: 日野南地区社協 holds
   地区社協 (neighbourhood) and 社協 (support), and the longer 地区社協 wins; 〇〇小学校PTA holds 小学校 and PTA,
   both school. When equally long known words name different sectors, the one that *ends* the word wins
   (a Japanese compound names its kind last: PTA連絡協議会 is a 協議会); if none ends it, the word is
   ambiguous and not placed. A known word of one character (市, 区, 局, 課) counts only at the end of the
   word (環境創造局, 港北区), and a known word in Latin letters (PTA, JA, NPO) only as a whole word, so JA is
   not found in "Japan" nor 市 in 市民団体.
3. A word placed by neither is kept as written and put under ``other`` (その他) with ``known`` False, for the
   reader to list in its summary; it is never an error.
4. Before that, a word with a slip of the kana (a large kana typed where a loanword has a small one:
   ボランテイア団体, ネツトワーク) is tried once more in the usual spelling (:data:`KANA_SLIPS`); the word itself is
   kept as written.

Examples
--------
>>> place_category("老人クラブ"), place_category("日野南地区社協"), place_category("盆栽の会")
(('neighbourhood', True), ('neighbourhood', True), ('other', False))
>>> place_relation("寄付"), place_relation("防災協定"), place_relation("よくわからない")
(('support', True), ('agreement', True), ('cooperation', False))
>>> own_word("老人クラブ", "neighbourhood"), own_word("npo", "npo")
('老人クラブ', None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from .model import RELATION_TYPES, SECTORS, Sector

__all__ = [
    "key",
    "clean",
    "SECTOR_WORDS",
    "RELATION_WORDS",
    "UNKNOWN_SECTOR",
    "UNKNOWN_TYPE",
    "Placement",
    "place_category",
    "place_relation",
    "placement_of_category",
    "placement_of_relation",
    "own_word",
    "sector_word_table",
    "relation_word_table",
]

#: Where a word that names no sector goes, and the relation type of a word that names no type.
UNKNOWN_SECTOR = "other"
UNKNOWN_TYPE = "cooperation"

#: The words real lists use for each built-in sector, beyond the sector's own id, names and labels.
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "neighbourhood": (
        "自治会",
        "町内会",
        "自治会町内会",
        "自治会・町内会",
        "連合自治会",
        "連合町内会",
        "自治連合会",
        "地区連合",
        "老人クラブ",
        "シニアクラブ",
        "子ども会",
        "子供会",
        "婦人会",
        "女性部",
        "消防団",
        "地区社協",
        "地区社会福祉協議会",
        "民生委員児童委員協議会",
        "民児協",
        "青少年指導員",
        "スポーツ推進委員",
        "保健活動推進員",
        "防犯協会",
        "地縁団体",
        "管理組合",
        "neighborhood",
    ),
    "npo": (
        "NPO法人",
        "特定非営利活動法人",
        "任意団体",
        "ボランティア",
        "ボランティアグループ",
        "ボランティア団体",
        "子ども食堂",
        "こども食堂",
        "地域食堂",
        "サロン",
        "市民活動団体",
        "市民活動",
        "市民団体",
        "サークル",
        "子育てサークル",
        "当事者団体",
        "一般社団法人",
        "NPO・市民活動団体",
    ),
    "company": (
        "企業・事業者",
        "事業者",
        "民間企業",
        "会社",
        "株式会社",
        "商店",
        "商店街",
        "商店会",
        "企業・商店",
        "金融機関",
        "銀行",
        "信用金庫",
        "医療機関",
        "病院",
        "診療所",
        "クリニック",
        "薬局",
        "介護事業者",
        "介護事業所",
        "生協",
        "農協",
        "JA",
    ),
    "school": (
        "小学校",
        "中学校",
        "高校",
        "高等学校",
        "大学",
        "専門学校",
        "PTA",
        "幼稚園",
        "保育園",
        "保育所",
        "学校・PTA",
    ),
    "government": (
        "区役所",
        "市役所",
        "市",
        "区",
        "局",
        "課",
        "所管課",
        "地域振興課",
        "公共施設",
        "地区センター",
        "コミュニティハウス",
        "土木事務所",
        "消防署",
        "警察署",
        "交番",
        "市の局",
        "区役所の課",
    ),
    "support": (
        "社協",
        "区社協",
        "社会福祉協議会",
        "社会福祉法人",
        "福祉施設",
        "地域ケアプラザ",
        "ケアプラザ",
        "地域包括支援センター",
        "区民活動センター",
        "区民活動支援センター",
        "市民活動支援センター",
        "支援センター",
        "中間支援",
    ),
    "council": ("実行委員会", "委員会", "連絡会", "ネットワーク", "運営委員会", "まちづくり協議会"),
    "person": ("民生委員", "児童委員", "住民", "有識者", "専門家", "コーディネーター", "職員"),
    "other": ("不明",),
}

#: The words real lists use for each relation type, beyond the type's own id, name and English name.
RELATION_WORDS: dict[str, tuple[str, ...]] = {
    "agreement": ("見守り協定", "協定", "覚書", "協働協定"),
    "commission": ("指定管理", "業務委託"),
    "subsidy": ("補助", "助成", "補助金", "助成金"),
    "co_host": ("共同開催", "co-host"),
    "member": ("代表", "役員", "所属", "会員", "加入", "連合", "参加", "メンバー"),
    "advice": ("相談",),
    "coordination": ("担当", "窓口", "連絡", "調整"),
    "support": ("寄付", "寄附", "協賛", "後援", "派遣", "応援"),
    "venue": ("会場提供", "場所の提供", "場所貸し", "場所提供"),
    "founded": (),
    "cooperation": ("協働", "一緒に活動", "共同", "連携"),
    "information": ("情報共有",),
}


def clean(text: str) -> str:
    """NFKC-normalised and trimmed text, inner spaces kept (how a name, id or word is stored).

    >>> clean("　ＮＰＯ法人 みどり ")
    'NPO法人 みどり'
    """
    return unicodedata.normalize("NFKC", text).strip()


def key(text: str) -> str:
    """The form in which names, ids and words are compared: NFKC, case folded, without spaces.

    >>> key("ＮＰＯ法人　みどり") == key("npo法人みどり")
    True
    """
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


class Placement(NamedTuple):
    """Where a word was placed: the sector or type id, whether the table knows the word, and the known word
    that placed it (the word itself for an exact match; ``None`` when not placed)."""

    id: str
    known: bool
    via: str | None = None


def _own_sector_words(s: Sector) -> tuple[str, ...]:
    return tuple(w for w in (s.id, s.name, s.short, s.name_en, s.short_en) if w)


def sector_word_table(sectors: Iterable[Sector] = ()) -> dict[str, str]:
    """Every word (as written) that names a sector → its id: the given sectors' own words first, then the
    built-in sectors' own words and :data:`SECTOR_WORDS`. The first sector to claim a word keeps it."""
    out: dict[str, str] = {}
    for s in (*sectors, *SECTORS.values()):
        words = _own_sector_words(s) + (SECTOR_WORDS.get(s.id, ()) if s.id in SECTORS else ())
        for word in words:
            out.setdefault(word, s.id)
    return out


def relation_word_table() -> dict[str, str]:
    """Every word (as written) that names a relation type → its id: the type's own id, name and English name,
    then :data:`RELATION_WORDS`."""
    out: dict[str, str] = {}
    for t in RELATION_TYPES.values():
        for word in (t.id, t.name, t.name_en, *RELATION_WORDS.get(t.id, ())):
            out.setdefault(word, t.id)
    return out


class _Index:
    """Known words by :func:`key`, and the rule for finding them inside a longer word."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.exact: dict[str, tuple[str, str]] = {}
        for word, ident in table.items():
            self.exact.setdefault(key(word), (ident, word))
        self.inner = [(k, ident, word) for k, (ident, word) in self.exact.items()]
        self.inner.sort(key=lambda x: -len(x[0]))

    def place(self, word: str, unknown: str) -> Placement:
        k = key(word)
        if not k:
            return Placement(unknown, False)
        found = self._place(k, unknown)
        if not found.known:  # a slip of the kana (ボランテイア for ボランティア): placed by the usual spelling
            usual = kana_slips(k)
            if usual != k:
                return self._place(usual, unknown)
        return found

    def _place(self, k: str, unknown: str) -> Placement:
        if k in self.exact:
            ident, known = self.exact[k]
            return Placement(ident, True, known)
        found: list[tuple[int, int, str, str]] = []  # (length, end, id, word)
        for w, ident, known in self.inner:
            if found and len(w) < found[0][0]:
                break  # only the longest words found matter
            end = _find(k, w)
            if end is not None:
                found.append((len(w), end, ident, known))
        if not found:
            return Placement(unknown, False)
        ids = {ident for _, _, ident, _ in found}
        if len(ids) > 1:  # equally long words that disagree: the one ending the word names its kind
            found = [f for f in found if f[1] == len(k)]
            ids = {ident for _, _, ident, _ in found}
            if len(ids) != 1:
                return Placement(unknown, False)
        return Placement(found[0][2], True, found[0][3])


#: Large kana typed where a loanword's small kana belongs (テイ for ティ, キヤ for キャ, ネツト for ネット): each
#: pattern finds the large kana after (or the ツ between) the kana it follows, tried in this order. Used only for a
#: word the table does not know as written (module docstring, 4.).
KANA_SLIPS = (
    r"(?<=[テデ])イ",
    r"(?<=ウ)[イエオ]",
    r"(?<=[フヴ])[アイエオ]",
    r"(?<=[シジチ])エ",
    r"(?<=[キシチニヒミリギジビピ])[ヤユヨ]",
    r"(?<=[アイウエオカキクケコサシスセソタチテトナニネノハヒフヘホマミムメモヤユヨラリルレロワ])ツ"
    r"(?=[トクプカコキケタテチパピペポサシスセソ])",
)
_SMALL = str.maketrans("アイウエオヤユヨツ", "ァィゥェォャュョッ")


@lru_cache(maxsize=1)
def _slips() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in KANA_SLIPS)


def kana_slips(k: str) -> str:
    """``k`` (a :func:`key`) with the slips of :data:`KANA_SLIPS` written the usual way.

    >>> kana_slips("ボランテイア団体"), kana_slips("ネツトワーク"), kana_slips("老人クラブ")
    ('ボランティア団体', 'ネットワーク', '老人クラブ')
    """
    for slip in _slips():
        k = slip.sub(lambda m: m.group().translate(_SMALL), k)
    return k


def _find(text: str, word: str) -> int | None:
    """The end of the last place ``word`` occurs in ``text`` under the rules of the module docstring, or None."""
    if word.isascii():
        m = None
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text):
            pass
        return m.end() if m else None
    if len(word) == 1:
        return len(text) if text.endswith(word) else None
    at = text.rfind(word)
    return at + len(word) if at >= 0 else None


@lru_cache(maxsize=64)
def _sector_index(declared: tuple[Sector, ...]) -> _Index:
    return _Index(sector_word_table(declared))


@lru_cache(maxsize=1)
def _relation_index() -> _Index:
    return _Index(relation_word_table())


def _declared(declared: Iterable[Sector]) -> tuple[Sector, ...]:
    return tuple(s for s in declared if s.id not in SECTORS)


def placement_of_category(word: str, declared: Iterable[Sector] = ()) -> Placement:
    """:func:`place_category` with the known word that placed it (for a reader's note: 「日野南地区社協」 was
    placed by 「地区社協」).

    >>> placement_of_category("日野南地区社協")
    Placement(id='neighbourhood', known=True, via='地区社協')
    """
    return _sector_index(_declared(declared)).place(word, UNKNOWN_SECTOR)


def place_category(word: str, declared: Iterable[Sector] = ()) -> tuple[str, bool]:
    """The broad sector an actor's own word for its kind (種別) belongs to.

    Parameters
    ----------
    word
        The word as written (老人クラブ, ＮＰＯ法人, 日野南地区社協 …).
    declared
        Sectors a case file declares: their id and names are matched before the built-in ones.

    Returns
    -------
    tuple of (str, bool)
        The sector id, and True when the word is known (in the table, a declared sector's words, or a compound
        of them as the module docstring says); an unknown word gives ``("other", False)``.

    Examples
    --------
    >>> place_category("ＮＰＯ法人"), place_category("〇〇小学校PTA"), place_category("")
    (('npo', True), ('school', True), ('other', False))
    >>> place_category("市民団体"), place_category("環境創造局")
    (('npo', True), ('government', True))
    """
    p = placement_of_category(word, declared)
    return p.id, p.known


def placement_of_relation(word: str) -> Placement:
    """:func:`place_relation` with the known word that placed it.

    >>> placement_of_relation("補助金交付")
    Placement(id='subsidy', known=True, via='補助金')
    """
    return _relation_index().place(word, UNKNOWN_TYPE)


def place_relation(word: str) -> tuple[str, bool]:
    """The relation type a word for a tie belongs to (寄付 → ``support``, 見守り協定 → ``agreement``).

    Returns the type id and True when the word is known (by the rules of the module docstring); an unknown
    word gives ``("cooperation", False)``: a tie is recorded as a plain cooperation, with its word kept.

    >>> place_relation("見守り協定"), place_relation("Subsidy / grant"), place_relation("連携・協力")
    (('agreement', True), ('subsidy', True), ('cooperation', True))
    """
    p = placement_of_relation(word)
    return p.id, p.known


def own_word(word: str | None, sector_or_type_id: str, *, declared: Iterable[Sector] = ()) -> str | None:
    """The word to keep as an actor's ``category`` or a relation's ``label``: ``None`` when it only repeats
    the sector's or type's own id or name (``npo``, 自治会町内会, 協力, Support), else the word cleaned
    (:func:`clean`).

    ``sector_or_type_id`` may be a sector id or a relation type id (``support`` is both: the words of either
    count as its own). ``declared`` are the file's own sectors, whose names count as their own words too.

    >>> own_word("老人クラブ", "neighbourhood"), own_word("自治会町内会", "neighbourhood"), own_word(" 寄付 ", "support")
    ('老人クラブ', None, '寄付')
    >>> own_word("協力", "cooperation"), own_word("", "npo")
    (None, None)
    """
    if word is None or not key(word):
        return None
    own: list[str] = []
    for s in (*_declared(declared), *SECTORS.values()):
        if s.id == sector_or_type_id:
            own.extend(_own_sector_words(s))
    t = RELATION_TYPES.get(sector_or_type_id)
    if t is not None:
        own.extend((t.id, t.name, t.name_en))
    if key(word) in {key(w) for w in own}:
        return None
    return clean(word)
