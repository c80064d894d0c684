"""The words a coordinator may write for a sector or a relation type, and how names are compared.

The table itself lives in :mod:`kyodo_network.vocabulary` (one bundled table of the words real lists use, each
placed under a broad sector or a relation type); the functions here are thin views of it for the code that
asks "which sector does this word name, if any". :data:`SECTOR_WORDS` and :data:`RELATION_WORDS` are that
table. ``datasets/README.md`` lists the same words; a test checks the two agree.

Words and names are compared by :func:`key`: Unicode NFKC (full-width and half-width forms are the same
letter), case folded, and with every space removed, so 「ＮＰＯ法人　みどり」 and 「NPO法人みどり」 are one name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from .model import RELATION_TYPES, SECTORS, RelationType, Sector
from .vocabulary import RELATION_WORDS, SECTOR_WORDS, clean, key, relation_word_table, sector_word_table

__all__ = [
    "key",
    "clean",
    "SECTOR_WORDS",
    "RELATION_WORDS",
    "sector_words",
    "relation_words",
    "sector_of",
    "relation_type_of",
    "accepted_words",
    "year_of",
    "plain_digits",
    "ERAS",
    "CONVENER_WORDS",
    "convenes",
]

#: Words in a project participant's ``role`` (or ``role_en``) that make it the project's hub: the body that
#: convenes or proposes it. :func:`kyodo_network.graph.graph_from_cases` ties the other participants to it.
CONVENER_WORDS: tuple[str, ...] = (
    "招集",
    "提案団体",
    "事務局",
    "主催",
    "convene",
    "convenes",
    "convener",
    "convenor",
    "proposer",
    "proposing",
    "secretariat",
    "organiser",
    "organizer",
)


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


def sector_words(sectors: Iterable[Sector] = SECTORS.values()) -> dict[str, str]:
    """Every accepted sector word (as written) → sector id, for the built-in and the given declared sectors."""
    given = list(sectors)
    builtin = {s.id for s in given} & set(SECTORS)
    table = sector_word_table([s for s in given if s.id not in SECTORS])
    return {w: sid for w, sid in table.items() if sid in builtin or sid not in SECTORS}


def relation_words(types: Mapping[str, RelationType] = RELATION_TYPES) -> dict[str, str]:
    """Every accepted relation-type word (as written) → type id."""
    return {w: t for w, t in relation_word_table().items() if t in types}


def sector_of(word: str, sectors: Iterable[Sector] = SECTORS.values()) -> str | None:
    """The sector id a word names exactly (declared sectors first, then the table of
    :mod:`~kyodo_network.vocabulary`), or None. (:func:`~kyodo_network.vocabulary.place_category` also reads
    compounds such as 日野南地区社協 and places an unknown word under その他.)

    >>> sector_of("社協"), sector_of("ＮＰＯ"), sector_of("老人クラブ"), sector_of("nop")
    ('support', 'npo', 'neighbourhood', None)
    """
    declared = tuple(s for s in sectors if s.id not in SECTORS)
    return _exact(_sector_keys(declared), word)


def relation_type_of(word: str) -> str | None:
    """The relation type a word names exactly, or None.

    >>> relation_type_of("補助金"), relation_type_of("協働協定"), relation_type_of("Support"), relation_type_of("寄付")
    ('subsidy', 'agreement', 'support', 'support')
    """
    return _exact(_RELATION_KEYS, word)


def _exact(table: Mapping[str, str], word: str) -> str | None:
    return table.get(key(word)) if isinstance(word, str) else None


_RELATION_KEYS = {key(w): t for w, t in relation_word_table().items()}
_BUILTIN_KEYS = {key(w): s for w, s in sector_word_table().items()}


def _sector_keys(declared: tuple[Sector, ...]) -> Mapping[str, str]:
    if not declared:
        return _BUILTIN_KEYS
    out: dict[str, str] = {}
    for w, s in sector_word_table(declared).items():
        out.setdefault(key(w), s)
    return out


def accepted_words() -> dict[str, list[tuple[str, str]]]:
    """The tables of ``datasets/README.md``: ``{"sector": [(word, id), …], "type": [(word, id), …]}``."""
    return {
        "sector": sorted(sector_words().items(), key=lambda wi: (list(SECTORS).index(wi[1]), wi[0])),
        "type": sorted(relation_words().items(), key=lambda wi: (list(RELATION_TYPES).index(wi[1]), wi[0])),
    }


# --- years ---------------------------------------------------------------------------------------------------
# Years are read by :mod:`kyodo_network.dates` (和暦, dates, kanji numerals, 頃・～, 不明); these names stay here for
# the modules that import them from words.
from .dates import ERAS, plain_digits, year_of  # noqa: E402
