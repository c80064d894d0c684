"""The words groups write for what they can offer and what they need (提供できること・求めていること), grouped by
meaning, so that a need for 会場 meets an offer of 集会所.

The handbook asks for two things this table serves: a place where groups meet the partners they need
(「協働の相手となる、多くの市民活動団体と出会う**マッチングの場が必要**」) and relations that benefit both sides
(「**互いにメリットがある関係**を築く必要がある」), both from 協働してよかったこと・困ったこと（みんなの声）, 企業.
Its groups start from the words the handbook itself uses for what is given and sought: the services of the civic
activity support centres (「市民活動支援センターが提供するサービスや事業」: 相談, 講座・研修, 活動場所,
ミーティングコーナー, コピー機・印刷機, 団体交流・ネットワーク, 市民活動情報, 情報紙, チラシの配架), the
citizens' voices (「広報よこはま等の行政の広報媒体を利用して幅広くPR」, 「補助金で事業費が確保」, 「行政の持つネットワーク」,
「自立に向けたアドバイス」), the cases (寺家ふるさと村の活動拠点, 助言, 連絡調整, 空き店舗, 専門家のアドバイス,
整備助成金), and the resource words of the bundled data (:data:`~kyodo_network.model.VOCABULARY_EN`: 会場, 人手,
資金, 広報, 専門知識, 研修, 相談, 情報, 調整, 物品, 協働の相手). The other words of each group are the everyday
variants written on volunteer-centre matching sheets and group lists (集会所, 担い手, 協賛, 回覧, 送迎, 講師 …):
ours, not the handbook's.

How a cell is read (:meth:`ResourceTable.meanings`):

1. A cell that means "none" (特になし, なし, 無し, 該当なし, ``-`` …: :data:`~kyodo_network.names.NONE_WORDS`,
   with a trailing 。 or a remark in brackets ignored) is no offer and no need.
2. Words are compared by :func:`~kyodo_network.vocabulary.key` (NFKC, case folded, spaces removed). A cell equal
   to a known word has that word's meaning.
3. Otherwise the cell is read from left to right, taking at each place the **longest** known word that starts
   there: 「会場が足りない」 holds 会場, 「送迎の車と運転ボランティア」 holds 送迎, 車両… and ボランティア. A few
   words that hold a known word but mean something else are known as meaning nothing (:data:`NOT_RESOURCES`:
   居場所 holds 場所, 情報交換 is a tie), so they cover it. A known word of one character counts only as the whole
   cell, and a word in Latin letters (PR, SNS) only as a whole word.
4. A cell in which no known word is found keeps its own words as its meaning: two groups that both write 盆踊り
   still match, as before the table existed.

A user extends the table with a YAML file of their own (``kyodo match --words my-words.yaml``; the format is in
:func:`parse_resource_words`): more words for a group, or new groups.

Examples
--------
>>> t = resource_table()
>>> t.meanings("会場が足りない"), t.meanings("集会所"), t.meanings("特になし")
(('venue',), ('venue',), ())
>>> t.meanings("送迎ボランティア"), t.meanings("盆踊り"), t.meanings("居場所づくり")
(('transport', 'helpers'), ('盆踊り',), ('居場所づくり',))
>>> t.label("venue"), t.label("venue", "en"), t.label("盆踊り", "en")
('会場', 'a venue', '盆踊り')
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import KyodoError, Msg
from .names import NONE_WORDS
from .vocabulary import clean, key

__all__ = [
    "ResourceGroup",
    "RESOURCE_GROUPS",
    "NOT_RESOURCES",
    "ResourceTable",
    "ResourceWordsError",
    "resource_table",
    "parse_resource_words",
    "read_resource_words",
    "WORDS_FORMAT",
]

#: The ``format`` line a words file may carry.
WORDS_FORMAT = "kyodo-words/1"


@dataclass(frozen=True)
class ResourceGroup:
    """One meaning: its id, the name shown for it (Japanese, English) and the words written for it."""

    id: str
    name: str
    name_en: str
    words: tuple[str, ...]


def _g(id: str, name: str, name_en: str, *words: str) -> ResourceGroup:
    return ResourceGroup(id, name, name_en, (name, *words))


#: The bundled groups, in the order they are listed. Each group's name is one of the bundled resource words, so
#: data written with those words reads as before (and its English is the model's).
RESOURCE_GROUPS: dict[str, ResourceGroup] = {
    g.id: g
    for g in (
        _g(
            "venue",
            "会場",
            "a venue",
            "集会所",
            "会議室",
            "部屋",
            "場所",
            "部屋の貸し出し",
            "活動場所",
            "活動の場",
            "活動拠点",
            "拠点",
            "場所の提供",
            "会場提供",
            "貸し会場",
            "集会室",
            "ミーティングコーナー",
            "ホール",
            "スペース",
            "空き店舗",
            "空き部屋",
            "公民館",
            "venue",
            "venues",
            "room",
            "rooms",
            "space",
            "meeting room",
            "hall",
        ),
        _g(
            "helpers",
            "人手",
            "volunteers and helpers",
            "担い手",
            "ボランティア",
            "人材",
            "スタッフ",
            "運営スタッフ",
            "手伝い",
            "お手伝い",
            "協力者",
            "人員",
            "マンパワー",
            "後継者",
            "なり手",
            "volunteer",
            "volunteers",
            "helpers",
            "helper",
            "staff",
        ),
        _g(
            "funding",
            "資金",
            "funding",
            "助成",
            "助成金",
            "寄付",
            "寄附",
            "寄付金",
            "協賛",
            "協賛金",
            "補助",
            "補助金",
            "活動費",
            "運営費",
            "事業費",
            "資金援助",
            "資金集め",
            "予算",
            "募金",
            "funding",
            "funds",
            "money",
            "grant",
            "grants",
            "donation",
            "donations",
            "sponsorship",
        ),
        _g(
            "publicity",
            "広報",
            "publicity",
            "周知",
            "チラシ",
            "回覧",
            "回覧板",
            "PR",
            "宣伝",
            "告知",
            "掲示",
            "掲示板",
            "ポスター",
            "広報紙",
            "情報紙",
            "配架",
            "チラシの配架",
            "情報発信",
            "発信",
            "SNS",
            "publicity",
            "promotion",
            "flyers",
            "leaflets",
        ),
        _g(
            "transport",
            "送迎",
            "transport",
            "車両",
            "自動車",
            "送迎車",
            "車の貸し出し",
            "運転",
            "運転手",
            "ドライバー",
            "移動手段",
            "移送",
            "運搬",
            "配送",
            "transport",
            "vehicle",
            "vehicles",
            "car",
            "driver",
            "drivers",
        ),
        _g(
            "expertise",
            "専門知識",
            "expertise",
            "助言",
            "講師",
            "アドバイス",
            "専門家",
            "ノウハウ",
            "知識",
            "技術",
            "指導",
            "監修",
            "アドバイザー",
            "expertise",
            "advice",
            "lecturer",
            "lecturers",
            "know-how",
            "expert",
            "experts",
        ),
        _g(
            "training",
            "研修",
            "training",
            "講座",
            "研修会",
            "勉強会",
            "学習会",
            "セミナー",
            "講習",
            "講習会",
            "公開講座",
            "training",
            "seminar",
            "seminars",
            "workshop",
            "courses",
        ),
        _g(
            "food",
            "食材",
            "food",
            "食品",
            "食料",
            "食料品",
            "野菜",
            "お米",
            "フードバンク",
            "フードドライブ",
            "食べ物",
            "food",
            "groceries",
        ),
        _g(
            "consultation",
            "相談",
            "advice and consultation",
            "相談窓口",
            "相談先",
            "相談相手",
            "悩み相談",
            "consultation",
            "counselling",
        ),
        _g("information", "情報", "information", "情報提供", "地域情報", "市民活動情報", "information", "info"),
        _g(
            "coordination",
            "調整",
            "coordination",
            "連絡調整",
            "コーディネート",
            "つなぎ役",
            "仲介",
            "橋渡し",
            "coordination",
            "liaison",
        ),
        _g(
            "goods",
            "物品",
            "equipment and goods",
            "備品",
            "機材",
            "道具",
            "用具",
            "資材",
            "物資",
            "印刷機",
            "コピー機",
            "テント",
            "equipment",
            "goods",
            "supplies",
        ),
        _g(
            "partners",
            "協働の相手",
            "partners",
            "連携先",
            "協力団体",
            "パートナー",
            "仲間",
            "団体交流",
            "ネットワーク",
            "partners",
            "partner",
        ),
    )
}

#: Words that hold a known word but name no resource: read as a whole, they cover the word inside them.
NOT_RESOURCES: tuple[str, ...] = ("居場所", "居場所づくり", "情報交換", "場所柄", "拠点施設の運営", "車いす", "車椅子")

_NONE = frozenset(key(w) for w in NONE_WORDS)
_REMARK = re.compile(r"[（(][^（）()]*[）)]")


class ResourceWordsError(KyodoError):
    """A words file that cannot be used: every problem found, one line each (``path: what``)."""

    def __init__(self, path: str, lines: list[Msg]) -> None:
        self.path, self.lines = path, lines
        super().__init__(_Lines(path, tuple(lines)))

    def message(self, lang: str | None = None) -> str:
        """Every problem, one line each, in ``lang``."""
        return self.args[0].render(lang)


@dataclass(frozen=True)
class _Lines:
    path: str
    lines: tuple[Msg, ...]

    def render(self, lang: str | None = None) -> str:
        return "\n".join(f"{self.path}: {m.render(lang)}" for m in self.lines)

    def __str__(self) -> str:
        return self.render()


class ResourceTable:
    """Known words → meanings, and the names of the meanings (see the module docstring).

    Build one with :func:`resource_table` (the bundled groups, extended by a user's own).
    """

    def __init__(self, groups: Iterable[ResourceGroup], *, ignore: Iterable[str] = NOT_RESOURCES) -> None:
        self.groups: dict[str, ResourceGroup] = {}
        self.words: dict[str, str | None] = {}
        for g in groups:
            self.groups[g.id] = g
            for w in g.words:
                k = key(w)
                if k:
                    self.words.setdefault(k, g.id)  # the first group to claim a word keeps it
        for w in ignore:
            self.words.setdefault(key(w), None)
        self._longest = max((len(k) for k in self.words), default=0)
        self._cache: dict[str, tuple[str, ...]] = {}

    def is_none(self, cell: str) -> bool:
        """True when ``cell`` means "none" (特になし, なし …), a trailing 。 or bracketed remark aside.

        >>> resource_table().is_none("特になし（今のところ）"), resource_table().is_none("会場")
        (True, False)
        """
        k = key(_REMARK.sub("", unicodedata.normalize("NFKC", cell))).rstrip("。.!！")
        return not k or k in _NONE

    def meanings(self, cell: str) -> tuple[str, ...]:
        """The meanings of one offers or needs cell, in the order they are written: group ids, or the cell's own
        words (:func:`~kyodo_network.vocabulary.clean`) when it holds no known word; ``()`` for "none"."""
        found = self._cache.get(cell)
        if found is None:
            found = self._cache[cell] = self._read(cell)
        return found

    def _read(self, cell: str) -> tuple[str, ...]:
        if not isinstance(cell, str) or self.is_none(cell):
            return ()
        k = key(cell)
        if k in self.words:
            g = self.words[k]
            return (g,) if g is not None else (clean(cell),)
        out: list[str] = []
        i = 0
        while i < len(k):
            hit = None
            for n in range(min(self._longest, len(k) - i), 1, -1):  # longest first; one character never inside
                w = k[i : i + n]
                if w in self.words and (not w.isascii() or _whole_word(k, i, i + n)):
                    hit = w
                    break
            if hit is None:
                i += 1
                continue
            g = self.words[hit]
            if g is not None and g not in out:
                out.append(g)
            i += len(hit)
        return tuple(out) if out else (clean(cell),)

    def read(self, cells: Iterable[str]) -> dict[str, list[str]]:
        """Meaning → the cells (as written) that say it, for a list of cells, in order.

        >>> resource_table().read(["会場", "集会所の貸し出し", "特になし", "人手"])
        {'venue': ['会場', '集会所の貸し出し'], 'helpers': ['人手']}
        """
        out: dict[str, list[str]] = {}
        for c in cells or ():
            for m in self.meanings(c):
                words = out.setdefault(m, [])
                if clean(c) not in words:
                    words.append(clean(c))
        return out

    def label(self, meaning: str, lang: str = "ja") -> str:
        """The name shown for a meaning: the group's name in ``lang``, or the words themselves."""
        g = self.groups.get(meaning)
        if g is None:
            return meaning
        return g.name_en if lang == "en" else g.name

    def known(self, meaning: str) -> bool:
        """True if ``meaning`` is a group of the table (not a cell's own words)."""
        return meaning in self.groups


def _whole_word(k: str, start: int, end: int) -> bool:
    before = k[start - 1] if start > 0 else ""
    after = k[end] if end < len(k) else ""
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


@lru_cache(maxsize=1)
def _bundled() -> ResourceTable:
    return ResourceTable(RESOURCE_GROUPS.values())


def resource_table(extra: Iterable[ResourceGroup] = ()) -> ResourceTable:
    """The bundled table, or the bundled table with a user's groups (:func:`parse_resource_words`) read first.

    A user's group with a bundled group's id adds its words to that group (and its words win over any bundled
    group that also has them); a new id is a new group.

    >>> t = resource_table([ResourceGroup("childcare", "託児", "childcare", ("託児", "一時保育"))])
    >>> t.meanings("一時保育をお願いしたい"), t.label("childcare", "en")
    (('childcare',), 'childcare')
    """
    extra = list(extra)
    if not extra:
        return _bundled()
    merged: dict[str, ResourceGroup] = {}
    for g in extra:
        base = RESOURCE_GROUPS.get(g.id)
        if base is not None:
            g = ResourceGroup(g.id, base.name, base.name_en, tuple(dict.fromkeys((*g.words, *base.words))))
        merged[g.id] = g
    rest = [g for gid, g in RESOURCE_GROUPS.items() if gid not in merged]
    return ResourceTable([*merged.values(), *rest])


def parse_resource_words(data: Any, path: str = "words.yaml") -> list[ResourceGroup]:
    """A user's groups from the parsed YAML of a words file.

    The file is a mapping; each key names a group, by a bundled group's id (``venue``), name (会場) or English
    name, or a new group's name; its value is the list of words to add, or a mapping with ``words`` (a list) and,
    for a new group, ``name_en``. An optional ``format: kyodo-words/1`` line is allowed::

        format: kyodo-words/1
        会場: [公民館, 地区センターの和室]        # more words for a bundled group
        託児:                                     # a new group
          name_en: childcare
          words: [託児, 一時保育, 保育ボランティア]

    Raises
    ------
    ResourceWordsError
        With every problem found (a value that is not a list of words, an unknown key in a group, a word that is
        not text), each on its own line.

    Examples
    --------
    >>> [(g.id, g.words) for g in parse_resource_words({"会場": ["公民館"], "託児": {"words": ["託児"]}})]
    [('venue', ('公民館',)), ('託児', ('託児',))]
    """
    problems: list[Msg] = []
    if data is None:
        return []
    if not isinstance(data, Mapping):
        raise ResourceWordsError(path, [Msg("match.words.not_mapping")])
    by_name = {}
    for g in RESOURCE_GROUPS.values():
        for n in (g.id, g.name, g.name_en):
            by_name[key(n)] = g.id
    out: dict[str, ResourceGroup] = {}
    for name, value in data.items():
        if name == "format":
            if value != WORDS_FORMAT:
                problems.append(Msg("match.words.format", (("value", str(value)), ("format", WORDS_FORMAT))))
            continue
        if not isinstance(name, str) or not key(name):
            problems.append(Msg("match.words.bad_name", (("name", str(name)),)))
            continue
        name_en = ""
        if isinstance(value, Mapping):
            unknown = [str(k) for k in value if k not in ("words", "name_en")]
            if unknown:
                problems.append(Msg("match.words.unknown_key", (("group", name), ("keys", "、".join(unknown)))))
            name_en = value.get("name_en") or ""
            value = value.get("words")
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not value:
            problems.append(Msg("match.words.not_list", (("group", name),)))
            continue
        bad = [w for w in value if not isinstance(w, str) or not key(w)]
        if bad:
            problems.append(Msg("match.words.bad_word", (("group", name), ("word", str(bad[0])))))
            continue
        gid = by_name.get(key(name), clean(name))
        words = tuple(clean(w) for w in value)
        if gid in out:
            words = (*out[gid].words, *words)
        if gid in RESOURCE_GROUPS:
            out[gid] = ResourceGroup(gid, RESOURCE_GROUPS[gid].name, RESOURCE_GROUPS[gid].name_en, words)
        else:
            out[gid] = ResourceGroup(
                gid, clean(name), str(name_en) or clean(name), tuple(dict.fromkeys((clean(name), *words)))
            )
    if problems:
        raise ResourceWordsError(path, problems)
    return list(out.values())


def read_resource_words(path: str | os.PathLike[str]) -> ResourceTable:
    """The bundled table extended by the words file at ``path`` (UTF-8, with or without BOM; the format is in
    :func:`parse_resource_words`).

    Raises
    ------
    ResourceWordsError
        When the file cannot be read, is not YAML, repeats a key, or holds a group that cannot be used.
    """
    import yaml

    shown_path = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as err:
        raise ResourceWordsError(
            shown_path, [Msg("match.words.unreadable", (("reason", err.strerror or str(err)),))]
        ) from err
    except UnicodeDecodeError as err:
        raise ResourceWordsError(shown_path, [Msg("match.words.encoding")]) from err

    class _NoDuplicates(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        seen: dict = {}
        for k_node, v_node in node.value:
            k = loader.construct_object(k_node, deep=True)
            if k in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {k!r}", k_node.start_mark)
            seen[k] = loader.construct_object(v_node, deep=True)
        return seen

    _NoDuplicates.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        data = yaml.load(text, Loader=_NoDuplicates)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        what = str(getattr(err, "problem", None) or err).splitlines()[0]
        raise ResourceWordsError(f"{shown_path}:{where}", [Msg("match.words.yaml", (("detail", what),))]) from err
    return resource_table(parse_resource_words(data, shown_path))
