"""Finding an actor by what a person writes: its id, its name (Japanese or English), or the way people shorten it.

The loader uses :class:`ActorIndex` for relation ends and project participants; the CLI's actor arguments
(``whatif --remove``, ``map --focus``, ``suggest --for``) use :func:`resolve_actor`. Both compare with
:func:`kyodo_network.words.key`, so full-width letters and stray spaces do not matter. An id always wins over a
name; a name that fits two actors is never guessed.

Partner lists name groups as people write them: 野庭小 for 横浜市立野庭小学校, 地区社協 for
野庭地区社会福祉協議会, NPO法人のばっこ for のばっこ, 野庭すずかけ回 for 野庭すずかけ会. :meth:`ActorIndex.match`
finds them level by level (:data:`MATCH_LEVELS`) and says how; :func:`same_body` tells whether two written
names are one group; :func:`split_names` reads a cell listing partners. The word lists they use are the
constants below, each with what it is for.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from .errors import KyodoError, Msg, msg
from .words import clean, key

__all__ = [
    "ActorIndex",
    "ActorNameError",
    "Match",
    "resolve_actor",
    "same_body",
    "split_names",
    "MATCH_LEVELS",
    "LEGAL_FORMS",
    "BRACKETED_FORMS",
    "PREFIXES",
    "ABBREVIATIONS",
    "WORD_HEADS",
    "CONTRASTS",
    "NONE_WORDS",
    "unique_id",
]

#: The levels of :meth:`ActorIndex.match`, strictest first; ``Match.how`` is one of them, or ``""``.
MATCH_LEVELS = ("exact", "contains", "abbreviation", "slip")

#: Legal forms, removed at the start or the end of a name, bare or in brackets (（株）, ㈱ and (株) are one).
LEGAL_FORMS: tuple[str, ...] = (
    "認定特定非営利活動法人",
    "特定非営利活動法人",
    "認定NPO法人",
    "NPO法人",
    "社会福祉法人",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "社団法人",
    "財団法人",
    "株式会社",
    "有限会社",
    "合同会社",
    "学校法人",
    "医療法人社団",
    "医療法人財団",
    "医療法人",
    "宗教法人",
    "独立行政法人",
    "任意団体",
)
#: Short legal forms, removed at the start or the end only in brackets (bare, 公社 or 学 is part of a name).
BRACKETED_FORMS: tuple[str, ...] = ("株", "有", "特非", "社福", "一社", "一財", "公社", "公財", "学", "医", "宗", "NPO")
#: Prefixes removed at the start only, as is any ``<place>県立/市立/区立/町立/村立`` (神奈川県立, 川崎市立).
#: 国立 is kept (国立市 is a city), and so are ward names: 瀬谷区社協 and 泉区社協 are two bodies.
PREFIXES: tuple[str, ...] = (
    "横浜市立",
    "横浜市",
    "市立",
    "区立",
    "県立",
    "都立",
    "府立",
    "道立",
    "町立",
    "村立",
    "私立",
    "NPO",
)

#: Abbreviations → what they stand for. 小, 中, 高 and 幼 only at the end of a word (野庭小, 野庭小PTA; not
#: 小松 or 中央); the others wherever they are not already written out (連合自治会 and 連合会 stay).
ABBREVIATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("小", ("小学校",)),
    ("中", ("中学校",)),
    ("高", ("高校", "高等学校")),
    ("幼", ("幼稚園",)),
    ("社協", ("社会福祉協議会",)),
    ("民児協", ("民生委員児童委員協議会",)),
    ("民協", ("民生委員児童委員協議会",)),
    ("包括", ("地域包括支援センター",)),
    ("ケアプラ", ("ケアプラザ",)),
    ("連合", ("連合自治会", "連合町内会")),
    ("自治連", ("自治会連合会",)),
    ("町連", ("町内会連合会",)),
    ("青指", ("青少年指導員",)),
    ("スポ推", ("スポーツ推進委員",)),
    ("体指", ("体育指導委員",)),
    ("食改", ("食生活等改善推進員",)),
    ("老ク", ("老人クラブ",)),
    ("ボラセン", ("ボランティアセンター",)),
    ("地区セン", ("地区センター",)),
    ("日赤", ("日本赤十字社",)),
)

#: Words that begin a word inside a name written without spaces (野庭|地区|社会福祉協議会). A word also begins
#: at the start and where the script changes (みどり|台, 青葉区|サービス課).
WORD_HEADS: tuple[str, ...] = (
    "地区",
    "地域",
    "区民",
    "市民",
    "住民",
    "社会",
    "社協",
    "福祉",
    "民生",
    "民児",
    "児童",
    "自治",
    "町内",
    "連合",
    "子ども",
    "子供",
    "子育て",
    "青少年",
    "老人",
    "婦人",
    "女性",
    "商店",
    "小学校",
    "中学校",
    "高校",
    "高等",
    "学校",
    "大学",
    "保育",
    "幼稚園",
    "包括",
    "支援",
    "活動",
    "協議",
    "委員",
    "実行",
    "運営",
    "推進",
    "ケア",
    "センター",
    "ボランティア",
    "体育",
    "スポーツ",
    "防災",
    "防犯",
    "消防",
    "交通",
    "保健",
    "食生活",
    "赤十字",
    "まちづくり",
)

#: Characters that tell bodies apart (第一/第二, 上野庭/下野庭, 東町/西町): an edit of one of them, of a digit or
#: of a lone Latin letter (A棟/B棟) is never a slip.
CONTRASTS = frozenset("〇一二三四五六七八九十百千壱弐参東西南北上中下前後大小新旧内外左右本元")

#: Cells meaning "none", compared by :func:`~kyodo_network.words.key`.
NONE_WORDS: tuple[str, ...] = (
    "なし",
    "特になし",
    "特に無し",
    "特にない",
    "無し",
    "ない",
    "無",
    "該当なし",
    "該当無し",
    "無回答",
    "（無回答）",
    "未回答",
    "-",
    "--",
    "―",
    "—",
    "ー",
    "none",
    "n/a",
    "とくになし",
    "なし。",
    "特になし。",
)


def unique_id(name: str, taken: set[str]) -> str:
    """An id made from a name: spaces, commas and bars become hyphens (the rule of an explicit id), then a number
    is added when the id is taken; the id is added to ``taken``. The one rule for the loader and the linker.

    >>> taken = {"NPO法人-みどりの森"}; unique_id("NPO法人 みどりの森", taken), unique_id("", taken)
    ('NPO法人-みどりの森-2', 'actor')
    """
    base = re.sub(r"[\s,、|]+", "-", name).strip("-") or "actor"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    return ident


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted({re.escape(key(w)) for w in words}, key=len, reverse=True))


_BRACKETED = rf"\((?:{_alt((*LEGAL_FORMS, *BRACKETED_FORMS))})\)"
_HEAD = re.compile(rf"(?:{_BRACKETED}|{_alt(LEGAL_FORMS)}|{_alt(PREFIXES)}|[^\W\d_]{{1,4}}?[都道府県市区町村]立)[・:]*")
_TAIL = re.compile(rf"[・:]*(?:{_BRACKETED}|{_alt(LEGAL_FORMS)})$")
_KANJI = re.compile(r"[\u3400-\u9fff々〆]")
_HEADS = tuple(key(w) for w in WORD_HEADS)


#: Spellings of one word that people mix (子ども・子供・こども): folded to one in the loose forms, so that こども
#: finds 子ども食堂 (never in exact matching).
VARIANTS: tuple[tuple[str, str], ...] = (
    ("子ども", "こども"),
    ("子供", "こども"),
    ("障害", "障がい"),
    ("障碍", "障がい"),
    ("お年寄り", "高齢者"),
    ("ボランティアー", "ボランティア"),
)


def _stripped(k: str) -> str:
    """A key without its legal forms and prefixes, never cut below two characters; spelling variants folded."""
    for variant, folded in VARIANTS:
        k = k.replace(variant, folded)
    while True:
        if (m := _HEAD.match(k)) and len(k) - m.end() >= 2:
            k = k[m.end() :]
        elif (m := _TAIL.search(k)) and m.start() >= 2:
            k = k[: m.start()]
        else:
            return k


def _script(c: str) -> str:
    if "ぁ" <= c <= "ゖ":
        return "h"
    if "ァ" <= c <= "ヺ":
        return "k"
    if c.isascii() and c.isalnum():
        return "a"
    return "c" if _KANJI.match(c) else "p"


def _word_start(name: str, p: int) -> bool:
    """Whether a word of ``name`` begins at ``p`` (:data:`WORD_HEADS`)."""
    if p == 0:
        return True
    if name[p] == "ー" or _script(name[p]) == "p":
        return False
    return _script(name[p - 1]) != _script(name[p]) or name.startswith(_HEADS, p)


def _rule(abbr: str, expansions: tuple[str, ...]) -> re.Pattern[str]:
    if len(abbr) == 1:  # at the end of a word, after something
        return re.compile(rf"(?<=.){re.escape(abbr)}(?![\u3400-\u9fff々])")
    rest = [re.escape(e[len(abbr) :]) for e in expansions if e.startswith(abbr)] + ["会"]
    return re.compile(rf"{re.escape(abbr)}(?!{'|'.join(rest)})")


_RULES = [(_rule(key(a), es), tuple(key(e) for e in es)) for a, es in ABBREVIATIONS]


def _expansions(q: str) -> list[str]:
    """``q`` with its abbreviations written out, in every combination (``q`` itself left out)."""
    variants = [q]
    for pattern, expansions in _RULES:
        if pattern.search(q):
            variants = [pattern.sub(e, v) for v in variants for e in expansions][:16]
    return [v for v in variants if v != q]


def _contrast(s: str, i: int) -> bool:
    c = s[i]
    if c in CONTRASTS or c.isdigit():
        return True
    latin = [ch.isascii() and ch.isalpha() for ch in s[max(i - 1, 0) : i + 2]]
    return latin.count(True) == 1 and c.isascii() and c.isalpha()


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one edit apart (substitution, insertion or deletion), not of a contrast."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1 or a == b:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] and not (_contrast(a, i) or _contrast(b, i))
    return a[i:] == b[i + 1 :] and not _contrast(b, i)


def _subsequence(q: str, name: str) -> bool:
    """Whether ``q``'s characters are in ``name`` in order, the first where a word of ``name`` begins."""
    for p, c in enumerate(name):
        if c == q[0] and _word_start(name, p):
            rest = iter(name[p + 1 :])
            return all(ch in rest for ch in q[1:])
    return False


class Match(NamedTuple):
    """What :meth:`ActorIndex.match` found: ``ids`` (one: matched; several: ambiguous; none: not found) and
    ``how``, the level of :data:`MATCH_LEVELS` that found them, or ``""``."""

    ids: tuple[str, ...]
    how: str


class _Fuzzy:
    """The stripped names (entries, in the index's order) arranged for the loose levels of ``match``; each
    level returns entry numbers."""

    def __init__(self, forms: Sequence[tuple[str, str]]) -> None:
        self.keys = [k for k, _ in forms]
        self.ids = [i for _, i in forms]
        self.equal: dict[str, list[int]] = {}
        self.near: dict[tuple[int, str], list[int]] = {}  # by (length, first two) and (length, "$" + last two)
        for e, k in enumerate(self.keys):
            self.equal.setdefault(k, []).append(e)
            if len(k) >= 5:
                self.near.setdefault((len(k), k[:2]), []).append(e)
                self.near.setdefault((len(k), "$" + k[-2:]), []).append(e)
        self.joined = "\n".join(self.keys)  # a key never holds "\n"
        self.starts = list(itertools.accumulate((len(k) + 1 for k in self.keys[:-1]), initial=0))

    def _entry(self, at: int) -> int:
        return bisect.bisect_right(self.starts, at) - 1

    def _inside(self, q: str) -> list[int]:
        """Entries whose key contains ``q``: one scan of the joined keys, in C."""
        found, at = [], self.joined.find(q)
        while at >= 0:
            found.append(e := self._entry(at))
            at = self.joined.find(q, self.starts[e + 1]) if e + 1 < len(self.starts) else -1
        return found

    def contains(self, q: str) -> list[int]:
        if q in self.equal:
            return self.equal[q]
        if len(q) >= 2 and (found := self._inside(q)):
            return found
        within = {
            e
            for i in range(len(q))
            if _word_start(q, i)
            for j in range(i + 3, len(q) + 1)
            for e in self.equal.get(q[i:j], ())
        }
        return [e for e in within if not any(self.keys[e] in self.keys[f] != self.keys[e] for f in within)]

    def abbreviation(self, q: str) -> list[int]:
        variants = _expansions(q)
        for found in (
            [e for v in variants for e in self.equal.get(v, ())],
            [e for v in variants for e in self._inside(v)],
        ):
            if found:
                return found
        if len(q) < 3:
            return []
        pattern = re.escape(q[0]) + "".join(f"[^\n{re.escape(c)}]*{re.escape(c)}" for c in q[1:])
        hits = {self._entry(m.start()) for m in re.finditer(pattern, self.joined)}
        return [e for e in hits if _subsequence(q, self.keys[e])]

    def slip(self, q: str) -> list[int]:
        if len(q) < 5:
            return []
        near = {
            e
            for n in (len(q) - 1, len(q), len(q) + 1)
            for h in (q[:2], "$" + q[-2:])
            for e in self.near.get((n, h), ())
        }
        return [e for e in near if _one_slip(q, self.keys[e])]


class ActorIndex:
    """Actors by id and by name, for lookups by either.

    Parameters
    ----------
    actors
        ``(id, name, name_en)`` triples; ``name_en`` may be empty.

    Examples
    --------
    >>> ix = ActorIndex([("a", "みどりの会", ""), ("b", "NPO法人 そら", "Sora")])
    >>> ix.find("ＮＰＯ法人そら"), ix.find("sora"), ix.find("a"), ix.find("x")
    (['b'], ['b'], ['a'], [])
    """

    def __init__(self, actors: Iterable[tuple[str, str, str]]) -> None:
        self.names: dict[str, str] = {}
        self._english: dict[str, str] = {}
        for ident, name, name_en in actors:
            if ident not in self.names:
                self.names[ident] = name
                if name_en:
                    self._english[ident] = name_en
        self._keys: tuple[dict[str, str], dict[str, list[str]]] | None = None
        self._fuzzy: _Fuzzy | None = None

    def _by_key(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Ids and names compared by :func:`~kyodo_network.words.key`; built at the first lookup that needs
        them (most references are written exactly as an id, so most loads never do)."""
        if self._keys is None:
            by_id: dict[str, str] = {}
            by_name: dict[str, list[str]] = {}
            for ident, name in self.names.items():
                by_id.setdefault(key(ident), ident)
                for n in {key(name), key(self._english.get(ident, ""))} - {""}:
                    by_name.setdefault(n, []).append(ident)
            self._keys = by_id, by_name
        return self._keys

    def _forms(self) -> _Fuzzy:
        """The stripped names and English names, built once, at the first :meth:`match` past ``exact``."""
        if self._fuzzy is None:
            both = ((ident, (name, self._english.get(ident, ""))) for ident, name in self.names.items())
            self._fuzzy = _Fuzzy(
                [(k, ident) for ident, names in both for k in dict.fromkeys(_stripped(key(n)) for n in names) if k]
            )
        return self._fuzzy

    def find(self, text: str) -> list[str]:
        """Ids of the actors ``text`` names: one id, several (an ambiguous name) or none."""
        if text in self.names:  # written exactly as the id
            return [text]
        by_id, by_name = self._by_key()
        k = key(text)
        if k in by_id:
            return [by_id[k]]
        return list(by_name.get(k, []))

    def match(self, text: str, *, levels: Iterable[str] = MATCH_LEVELS) -> Match:
        """The actors ``text`` names, also when written short, with a legal form or with one slip.

        Parameters
        ----------
        text
            What a person wrote for an actor.
        levels
            The levels to try, a subset of :data:`MATCH_LEVELS`; they are always tried in that order.

        Returns
        -------
        Match
            ``ids`` in the index's order (one: matched; several: ambiguous) and ``how``, the level that found
            them; ``Match((), "")`` when no level finds anything.

        Raises
        ------
        ValueError
            If ``levels`` names an unknown level.

        Examples
        --------
        >>> ix = ActorIndex([("s", "横浜市立野庭小学校", ""), ("k", "野庭地区社会福祉協議会", ""),
        ...                  ("n", "NPO法人 のばっこ", ""), ("z", "野庭すずかけ会", "")])
        >>> ix.match("s"), ix.match("のばっこ"), ix.match("野庭小")
        (Match(ids=('s',), how='exact'), Match(ids=('n',), how='contains'), Match(ids=('s',), how='contains'))
        >>> ix.match("地区社協"), ix.match("野庭すずかけ回"), ix.match("瀬谷区役所")
        (Match(ids=('k',), how='abbreviation'), Match(ids=('z',), how='slip'), Match(ids=(), how=''))

        Notes
        -----
        The levels, each tried only when every stricter one found nothing:

        ``exact``
            :meth:`find`: the id, or the name or English name compared by :func:`~kyodo_network.words.key`.
        ``contains``
            Both sides without :data:`LEGAL_FORMS`, :data:`BRACKETED_FORMS` and :data:`PREFIXES`: the keys
            are equal; else the text (two characters or more) is inside names; else names (three or more)
            are inside the text, each beginning where a word of the text begins (上野庭町内会 does not find
            野庭町内会) and not inside another name found so.
        ``abbreviation``
            The text with :data:`ABBREVIATIONS` written out equals names, else is inside names; else the text
            (three characters or more) is an in-order subsequence of names, its first character where a word
            of the name begins (:data:`WORD_HEADS`): 民児協 in 民生委員児童委員協議会.
        ``slip``
            One edit (substitution, insertion or deletion) between keys of five characters or more, unless
            it edits a character that tells bodies apart (:data:`CONTRASTS`): 第一町内会 is not 第二町内会.

        Why this order: each level lets in more false friends than the one before, so a looser level is asked
        only when every stricter one found nothing, and it never overrules one: a looser level cannot turn an
        ambiguity into an answer. Inside a level, likewise, equal comes before contained and contained before
        subsequence. Why one answer is required: the caller writes the id into the graph, and a wrong tie is
        worse than a question; an ambiguous name is never guessed, its ids are returned for the caller to list.
        Ids take part only in ``exact``: they are slugs written by the tool's users, and a mistyped id is a
        mistake to report (:meth:`close` offers the fix), not a name to guess.

        Cost: the stripped names are computed once, at the first call past ``exact``. Containment searches one
        string of all names joined (in C); the subsequence runs one regular expression over it and checks only
        the names it hits; ``slip`` compares only names of length ±1 sharing the first or the last two
        characters (one edit in a key of five or more leaves one of the two pairs intact).
        """
        wanted = set(levels)
        if not wanted <= set(MATCH_LEVELS):
            raise ValueError(f"unknown match levels {sorted(wanted - set(MATCH_LEVELS))}; use {MATCH_LEVELS}")
        if "exact" in wanted and (found := self.find(text)):
            return Match(tuple(found), "exact")
        q = _stripped(key(text))
        loose = [level for level in MATCH_LEVELS[1:] if level in wanted]
        for level in loose if q else ():
            fuzzy = self._forms()
            if entries := getattr(fuzzy, level)(q):
                return Match(tuple(dict.fromkeys(fuzzy.ids[e] for e in sorted(set(entries)))), level)
        return Match((), "")

    def candidates(self, ids: Iterable[str]) -> tuple[Msg, ...]:
        """The actors ``ids`` as phrases 「name」 (id …), for a message listing them."""
        return tuple(msg("part.candidate", name=self.names[i], id=i) for i in ids)

    def close(self, text: str) -> str | None:
        """The id or name most like ``text``, for a did-you-mean, or None."""
        words = list(self.names) + list(self.names.values())
        keys = {key(w): w for w in words}
        found = difflib.get_close_matches(key(text), list(keys), n=1, cutoff=0.6)
        return keys[found[0]] if found else None

    def _called(self, ident: str, text: str) -> str:
        """Actor ``ident`` named for someone who wrote ``text``: its English name if they wrote Latin letters,
        else its name; its id if another actor has that name too."""
        name = self._english.get(ident, "") if text.isascii() else ""
        name = name or self.names[ident]
        return name if self.find(name) == [ident] else ident

    def _covers(self, ident: str, text: str) -> bool:
        """Whether ``text`` is inside actor ``ident``'s name or English name (all stripped)."""
        q = _stripped(key(text))
        return any(q in _stripped(key(n)) for n in (self.names[ident], self._english.get(ident, "")) if n)


def same_body(a: str, b: str) -> bool:
    """Whether two written names denote the same group: equal without legal forms and prefixes, or one slip.

    Used to merge two survey answers from one group. Names are compared as the ``contains`` level of
    :meth:`ActorIndex.match` compares keys (without :data:`LEGAL_FORMS`, :data:`BRACKETED_FORMS`,
    :data:`PREFIXES`); a slip is one edit as in its ``slip`` level (:data:`CONTRASTS` excepted), between
    names of five characters or more. Abbreviations and containment do not count: a part is not the whole.

    Examples
    --------
    >>> same_body("NPO法人 のばっこ", "のばっこ"), same_body("野庭すずかけ会", "野庭すずかけ回")
    (True, True)
    >>> same_body("野庭町内会", "野庭町内会連合"), same_body("第一町内会", "第二町内会")
    (False, False)
    """
    ka, kb = _stripped(key(a)), _stripped(key(b))
    if not ka or not kb:
        return False
    return ka == kb or (min(len(ka), len(kb)) >= 5 and _one_slip(ka, kb))


_NONE = frozenset(key(w) for w in NONE_WORDS)
_HARD, _SOFT = "、,;\r\n\t\u2028\u2029", "・/·"
_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’", "(": ")", "[": "]", "【": "】", "〈": "〉", "《": "》"}
_CLOSERS = set(_PAIRS.values())


def _split(text: str, seps: str) -> list[str]:
    """``text`` split at ``seps`` outside brackets, each separator kept between its parts (as :func:`re.split`
    with a group); with unbalanced brackets, at every separator."""
    out, depth, start = [], 0, 0
    for n, c in enumerate(text):
        depth += (c in _PAIRS) - (c in _CLOSERS and depth > 0)
        if c in seps and depth == 0:
            out += [text[start:n], c]
            start = n + 1
    return re.split(f"([{re.escape(seps)}])", text) if depth else out + [text[start:]]


def _wrapped(s: str) -> bool:
    """Whether ``s`` is one bracketed or quoted whole: 「のばっこ」, not (株)のばっこ(本部)."""
    close = _PAIRS.get(s[:1]) or {'"': '"', "'": "'"}.get(s[:1])
    if not close or len(s) < 2 or s[-1] != close:
        return False
    if close == s[0]:
        return s.count(close) == 2
    depth = 0
    for n, c in enumerate(s):
        depth += (c == s[0]) - (c == close)
        if depth == 0:
            return n == len(s) - 1
    return False


def _tidy(piece: str) -> str:
    """A piece trimmed, without brackets or quotes around it as a whole, or a trailing など, 等 or ほか."""
    while True:
        before = piece = piece.strip()
        if _wrapped(piece):
            piece = piece[1:-1]
        for word in ("など", "等", "ほか", "。"):
            if piece.endswith(word) and piece[: -len(word)].strip():
                piece = piece[: -len(word)]
        if piece == before:
            return piece


def _pieces(piece: str, index: ActorIndex | None) -> list[str]:
    """One piece between hard separators split at ・ and /, keeping whole the longest runs of its parts that
    name one actor as a whole."""
    parts = _split(piece, _SOFT)
    count, out, i = len(parts) // 2 + 1, [], 0
    while i < count:
        j = i + 1
        for k in range(count, i + 1, -1) if index is not None else ():
            whole = _tidy("".join(parts[2 * i : 2 * k - 1]))
            m = index.match(whole, levels=("exact", "contains"))
            if len(m.ids) == 1 and (m.how == "exact" or index._covers(m.ids[0], whole)):
                j = k
                break
        out.append("".join(parts[2 * i : 2 * j - 1]))
        i = j
    return out


def split_names(text: str, index: ActorIndex | None = None) -> list[str]:
    """The names in one spreadsheet cell listing partners.

    The cell is NFKC-normalised and split at 、 , ; / ・ and line breaks (full-width forms alike), never
    inside brackets. Parts joined by ・ or / stay one name when together they name one actor of ``index``
    (``exact``, or ``contains`` with the run inside the actor's name, so のばっこ・野庭小 is not kept whole
    because of のばっこ); the longest such run wins. Each name is trimmed and loses brackets or quotes around
    it as a whole (「」『』“”""()【】) and a trailing など, 等 or ほか.

    Parameters
    ----------
    text
        The cell's text.
    index
        The actors known, to keep names with ・ or / in them whole; without it, every ・ and / splits.

    Returns
    -------
    list[str]
        The names in their order, each once (compared by :func:`~kyodo_network.words.key`), as
        :func:`~kyodo_network.words.clean` stores them; ``[]`` for a cell meaning none (:data:`NONE_WORDS`).

    Examples
    --------
    >>> ix = ActorIndex([("p", "子育てサロン・ぽかぽか", "")])
    >>> split_names("子育てサロン・ぽかぽか、野庭小", ix)
    ['子育てサロン・ぽかぽか', '野庭小']
    >>> split_names("地区社協・民児協 など", ix), split_names("特になし")
    (['地区社協', '民児協'], [])
    """
    text = unicodedata.normalize("NFKC", text)
    if key(text) in _NONE or key(_tidy(text)) in _NONE:
        return []
    out: dict[str, str] = {}
    for hard in _split(text, _HARD)[0::2]:
        for piece in _pieces(hard.strip(), index):
            name = clean(_tidy(piece))
            if (k := key(name)) and k not in _NONE:
                out.setdefault(k, name)
    return list(out.values())


class ActorNameError(KyodoError, LookupError):
    """No actor, or more than one, fits what was written; the message says which and offers the fix."""


def _index_of(source: Any) -> ActorIndex:
    if isinstance(source, ActorIndex):
        return source
    if hasattr(source, "nodes"):  # a graph from graph_from_cases
        return ActorIndex(
            (str(n), d.get("name") or str(n), d.get("name_en") or "")
            for n, d in source.nodes(data=True)
            if d.get("kind", "actor") == "actor"
        )
    return ActorIndex((a.id, a.name, a.name_en) for case in source for c in case.reachable() for a in c.actors)


def resolve_actor(source: Any, text: str) -> str:
    """The id of the actor that ``text`` names: by id or name, or by a part of one name as the map's search finds
    it (「Sさん」 for コーディネーターSさん, こども for 子ども食堂) when only one actor has it.

    Parameters
    ----------
    source
        A graph from :func:`~kyodo_network.graph.graph_from_cases`, loaded cases, or an :class:`ActorIndex`.
    text
        An id, a Japanese name or an English name (compared after NFKC normalisation, ignoring spaces).

    Raises
    ------
    ActorNameError
        If no actor fits exactly (with a did-you-mean: the one actor :meth:`ActorIndex.match` finds, else the
        closest id or name) or the name fits several (listing them with their ids).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_node("seya-shakyo", name="瀬谷区社会福祉協議会", name_en="")
    >>> resolve_actor(G, "瀬谷区 社会福祉協議会")
    'seya-shakyo'
    >>> try:
    ...     resolve_actor(G, "瀬谷区社協")
    ... except ActorNameError as err:
    ...     print(err.message("en"))
    no actor has the id or name '瀬谷区社協'; did you mean '瀬谷区社会福祉協議会'?
    """
    index = _index_of(source)
    found = index.find(text) or list(index.match(text, levels=("contains",)).ids)  # as the map's search finds it
    if len(found) == 1:
        return found[0]
    if found:
        raise ActorNameError(msg("arg.ambiguous-actor", value=text, candidates=index.candidates(found)))
    m = index.match(text, levels=MATCH_LEVELS[2:])
    close = index._called(m.ids[0], text) if len(m.ids) == 1 else index.close(text)
    hint = msg("hint.did-you-mean", value=close) if close else ""
    raise ActorNameError(msg("arg.unknown-actor", value=text, hint=hint))
