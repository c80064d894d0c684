"""The words a coordinator may write for a sector or a relation type, and how names are compared.

One table, here: :data:`SECTOR_WORDS` and :data:`RELATION_WORDS` add the everyday words (自治会, 社協, 補助金, …)
to what every sector and relation type is already called by the tool itself (its id, its full Japanese name,
its short label, its English name). ``datasets/README.md`` lists the same words; a test checks the two agree.

Words and names are compared by :func:`key`: Unicode NFKC (full-width and half-width forms are the same
letter), case folded, and with every space removed, so 「ＮＰＯ法人　みどり」 and 「NPO法人みどり」 are one name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from .model import RELATION_TYPES, SECTORS, RelationType, Sector

__all__ = ["key", "clean", "SECTOR_WORDS", "RELATION_WORDS", "sector_words", "relation_words", "sector_of",
           "relation_type_of", "accepted_words", "year_of", "plain_digits", "ERAS", "CONVENER_WORDS", "convenes"]

#: Everyday words for the built-in sectors, beyond the sector's own id, names and labels.
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "neighbourhood": ("自治会", "町内会", "自治会町内会", "自治会・町内会", "地縁団体", "neighborhood"),
    "npo": ("NPO法人", "市民活動団体", "市民活動", "ボランティア", "ボランティア団体", "NPO・市民活動団体"),
    "company": ("会社", "商店街", "商店会", "企業・商店"),
    "school": ("小学校", "中学校", "高校", "大学", "PTA", "学校・PTA"),
    "government": ("区役所", "市役所", "行政", "市の局", "区役所の課"),
    "support": ("社協", "社会福祉協議会", "区社協", "地域ケアプラザ", "ケアプラザ", "区民活動センター",
                "市民活動支援センター", "支援センター"),
    "council": ("実行委員会", "委員会"),
    "person": ("コーディネーター", "住民"),
}

#: Everyday words for the relation types, beyond each type's own id, name and English name.
RELATION_WORDS: dict[str, tuple[str, ...]] = {
    "agreement": ("協定",),
    "commission": ("業務委託",),
    "subsidy": ("補助", "助成", "補助金", "助成金"),
    "co_host": ("共同開催", "co-host"),
    "member": ("メンバー", "会員"),
    "advice": (),
    "coordination": ("連絡", "調整"),
    "support": (),
    "venue": ("会場提供", "場所提供"),
    "founded": (),
    "cooperation": ("連携",),
    "information": ("情報共有",),
}

#: Words in a project participant's ``role`` (or ``role_en``) that make it the project's hub: the body that
#: convenes or proposes it. :func:`kyodo_network.graph.graph_from_cases` ties the other participants to it.
CONVENER_WORDS: tuple[str, ...] = ("招集", "提案団体", "事務局", "主催",
                                   "convene", "convenes", "convener", "convenor", "proposer", "proposing",
                                   "secretariat", "organiser", "organizer")


def convenes(*roles: str | None) -> bool:
    """True if any of the roles names a convener or proposer (:data:`CONVENER_WORDS`, compared by :func:`key`;
    English words as whole words, so "organiser" is not found in "disorganised").

    >>> convenes("招集（年度初め）"), convenes(None, "Convenes (each year)"), convenes("参加")
    (True, True, False)
    """
    for role in roles:
        if not role:
            continue
        k = key(role)
        words = set(re.findall(r"[a-z]+", unicodedata.normalize("NFKC", role).casefold()))
        if any(key(w) in k if not w.isascii() else w in words for w in CONVENER_WORDS):
            return True
    return False


def clean(text: str) -> str:
    """NFKC-normalised and trimmed text, inner spaces kept (how a name or id is stored).

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


def sector_words(sectors: Iterable[Sector] = SECTORS.values()) -> dict[str, str]:
    """Every accepted sector word (as written) → sector id, for the built-in and the given declared sectors."""
    out: dict[str, str] = {}
    for s in sectors:
        for word in (s.id, s.name, s.short, s.name_en, s.short_en, *SECTOR_WORDS.get(s.id, ())):
            if word:
                out.setdefault(word, s.id)
    return out


def relation_words(types: Mapping[str, RelationType] = RELATION_TYPES) -> dict[str, str]:
    """Every accepted relation-type word (as written) → type id."""
    out: dict[str, str] = {}
    for t in types.values():
        for word in (t.id, t.name, t.name_en, *RELATION_WORDS.get(t.id, ())):
            out.setdefault(word, t.id)
    return out


def _lookup(table: Mapping[str, str], word: str) -> str | None:
    if word in table:
        return table[word]
    k = key(word)
    for w, ident in table.items():
        if key(w) == k:
            return ident
    return None


_RELATION_KEYS = {key(w): t for w, t in relation_words().items()}


def sector_of(word: str, sectors: Iterable[Sector] = SECTORS.values()) -> str | None:
    """The sector id a word names (declared sectors first, then the built-in ones), or None.

    >>> sector_of("社協"), sector_of("ＮＰＯ"), sector_of("nop")
    ('support', 'npo', None)
    """
    declared = [s for s in sectors if s.id not in SECTORS]
    found = _lookup(sector_words(declared), word) if declared else None
    return found or _BUILTIN.get(key(word))


_BUILTIN = {key(w): s for w, s in sector_words().items()}


def relation_type_of(word: str) -> str | None:
    """The relation type a word names, or None.

    >>> relation_type_of("補助金"), relation_type_of("協働協定"), relation_type_of("Support")
    ('subsidy', 'agreement', 'support')
    """
    return _RELATION_KEYS.get(key(word))


def accepted_words() -> dict[str, list[tuple[str, str]]]:
    """The tables of ``datasets/README.md``: ``{"sector": [(word, id), …], "type": [(word, id), …]}``."""
    return {"sector": sorted(sector_words().items(), key=lambda wi: (list(SECTORS).index(wi[1]), wi[0])),
            "type": sorted(relation_words().items(), key=lambda wi: (list(RELATION_TYPES).index(wi[1]), wi[0]))}


# --- years ---------------------------------------------------------------------------------------------------

#: Japanese eras: name and initial → (year before its first year, its last year number).
ERAS: dict[str, tuple[int, int]] = {"令和": (2018, 2200 - 2018), "平成": (1988, 31), "昭和": (1925, 64)}
_ERA_INITIALS = {"r": "令和", "h": "平成", "s": "昭和"}
_ERA_YEAR = re.compile(r"(令和|平成|昭和|[rhs])\.?([0-9]{1,3}|元)(?:年度?)?", re.ASCII | re.IGNORECASE)
_WESTERN = re.compile(r"([0-9]{4})(?:年度?)?", re.ASCII)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

#: First and last Western years accepted.
YEAR_RANGE = (1800, 2200)


def plain_digits(text: str) -> str | None:
    """``text`` with full-width digits made ASCII, NFKC-normalised; None if it holds other digits (①, ², ٣).

    >>> plain_digits("２０１３年"), plain_digits("①")
    ('2013年', None)
    """
    text = text.translate(_FULLWIDTH_DIGITS)
    if any(ch.isnumeric() and not ("0" <= ch <= "9") for ch in text):
        return None
    return unicodedata.normalize("NFKC", text).strip()


def year_of(text: str) -> tuple[int | None, str, dict[str, object]]:
    """Read a (fiscal) year written as 2013, 2013年, 2013年度, 平成25, 平成25年, H25, 令和2年度, R2 or 令和元年.

    Returns ``(year, "", {})``, or ``(None, reason, fields)`` where ``reason`` names the catalogue phrase
    ``problem.what.<reason>`` (``year-digits``, ``year-era``, ``year-range`` or ``not-year``).

    >>> year_of("平成25年")[0], year_of("Ｒ２")[0], year_of("2013年度")[0], year_of("令和元年")[0]
    (2013, 2020, 2013, 2019)
    >>> year_of("平成99")[1]
    'year-era'
    """
    plain = plain_digits(text)
    if plain is None:
        return None, "year-digits", {}
    plain = "".join(plain.split())
    m = _WESTERN.fullmatch(plain)
    if m:
        year = int(m.group(1))
        if YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            return year, "", {}
        return None, "year-range", {"value": year}
    m = _ERA_YEAR.fullmatch(plain)
    if m:
        era = _ERA_INITIALS.get(m.group(1).lower(), m.group(1))
        base, last = ERAS[era]
        n = 1 if m.group(2) == "元" else int(m.group(2))
        if 1 <= n <= last:
            return base + n, "", {}
        return None, "year-era", {"era": era, "last": last}
    return None, "not-year", {}
