"""The language of everything a person reads: one setting, one catalogue, one way to look a word up.

Every sentence, message, help text and header the tool shows is keyed by a stable code in the catalogue
(:mod:`kyodo_network.catalogue`), with Japanese and English side by side. Code, tests and JSON carry the codes;
the words are looked up at the edge with :func:`text`. The language is ``ja`` unless ``--lang`` or the
environment variable ``KYODO_LANG`` says ``en``.

We chose one keyed table over gettext ``.po`` files: the tool speaks two languages, both written by the same
people who write the code, and a Python dict keeps each Japanese sentence next to its English one, where a
reviewer sees both at once and a test can check that neither is missing.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

__all__ = ["LANGS", "DEFAULT_LANG", "env_lang", "text", "texts", "has_text", "catalogue", "pick", "key_for", "sector_label",
           "relation_label", "short_name", "short_names", "display_width", "did_you_mean"]

#: Languages a person can choose. (Maps also take ``both``, handled by the map renderers.)
LANGS = ("ja", "en")
DEFAULT_LANG = "ja"


def env_lang(explicit: str | None = None) -> str:
    """The language to speak: ``explicit`` if given, else ``KYODO_LANG`` if it is ``ja`` or ``en``, else ``ja``.

    >>> env_lang("en")
    'en'
    """
    if explicit in LANGS:
        return explicit
    value = os.environ.get("KYODO_LANG", "").strip().lower()
    return value if value in LANGS else DEFAULT_LANG


_CATALOGUE: dict[str, Mapping[str, str]] | None = None


def catalogue() -> dict[str, Mapping[str, str]]:
    """Every entry of the catalogue: code → ``{"ja": …, "en": …}`` (built once from the catalogue modules)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        from .catalogue import ENTRIES

        _CATALOGUE = ENTRIES
    return _CATALOGUE


def has_text(code: str) -> bool:
    """True if the catalogue holds ``code``."""
    return code in catalogue()


def text(code: str, lang: str | None = None, /, **fields: object) -> str:
    """The words for ``code`` in ``lang`` (see :func:`env_lang`), with ``{field}`` placeholders filled.

    >>> text("lang.name", "en")
    'English'
    """
    entry = catalogue()[code]
    template = entry[env_lang(lang)]
    return template.format(**fields) if fields else template


def texts(code: str, /, **fields: object) -> dict[str, str]:
    """The words for ``code`` in every language: ``{"ja": …, "en": …}``."""
    return {lang: text(code, lang, **fields) for lang in LANGS}


# --- One place each: names, labels, short names, width, did-you-mean -------------------------------------------


def pick(record: object, field: str, lang: str | None = None) -> str:
    """The ``field`` of ``record`` in ``lang``: ``<field>_en`` in English, falling back to the Japanese ``field``.

    ``record`` is a mapping (a node's attributes, a JSON row) or an object with attributes (a model record).
    With ``lang="both"`` (maps only) the result is 「日本語 / English」, one of them when they are equal.

    >>> pick({"name": "新羽地区", "name_en": "Nippa"}, "name", "en"), pick({"name": "新羽地区"}, "name", "en")
    ('Nippa', '新羽地区')
    >>> pick({"name": "協議会", "name_en": "Council"}, "name", "both")
    '協議会 / Council'
    """

    def get(key: str) -> str:
        value = record.get(key) if isinstance(record, Mapping) else getattr(record, key, None)
        return "" if value is None else str(value)

    ja, en = get(field), get(f"{field}_en")
    if lang == "both":
        ja, en = ja or en, en or ja
        return ja if ja == en else f"{ja} / {en}"
    if env_lang(lang) == "en":
        return en or ja
    return ja or en


def key_for(field: str, lang: str | None = None) -> str:
    """The key that holds ``field`` in ``lang``: ``name_en`` in English, ``name`` otherwise (for lists and rows
    whose English lives beside the Japanese, as in the analyses' results).

    >>> key_for("a_name", "en"), key_for("a_name", "ja")
    ('a_name_en', 'a_name')
    """
    return f"{field}_en" if env_lang(lang) == "en" else field


def _vocabulary(G_or_table: object, key: str) -> Mapping:
    graph = getattr(G_or_table, "graph", None)
    table = graph.get(key, {}) if isinstance(graph, Mapping) else G_or_table
    return table if isinstance(table, Mapping) else {}


def sector_label(G: object, sid: str | None, lang: str | None = None, *, full: bool = False) -> str:
    """The label of sector ``sid``, from ``G.graph["sectors"]`` (or a mapping id → labels); the id when unknown.

    Which label goes where, decided once:

    - the **short** label (「支援機関」, "Support body", ``full=False``) wherever a sector is named in passing:
      table cells, CSV cells, the analyses' sentences (bridges, suggest, whatif) and charts;
    - the **full** name (「社会福祉協議会・地域ケアプラザ・市民活動支援センター」, ``full=True``) where a reader
      learns what the sector covers: everything on a map (legend, tooltip, details panel) and ``kyodo info``'s
      count of actors by sector.

    >>> S = {"support": {"name": "社会福祉協議会・地域ケアプラザ", "name_en": "Support bodies",
    ...                  "short": "支援機関", "short_en": "Support body"}}
    >>> sector_label(S, "support", "ja"), sector_label(S, "support", "en", full=True), sector_label(S, "x", "ja")
    ('支援機関', 'Support bodies', 'x')
    """
    info = _vocabulary(G, "sectors").get(sid)
    if not info:
        return str(sid)
    if full:
        return pick(info, "name", lang) or str(sid)
    short = pick(info, "short", lang)
    return short or pick(info, "name", lang) or str(sid)


def relation_label(G: object, tid: str, lang: str | None = None) -> str:
    """The label of relation type ``tid`` (「協働協定」, "Collaboration agreement"); the id when unknown.

    Relation types have one label, used everywhere.

    >>> relation_label({"agreement": {"name": "協働協定", "name_en": "Collaboration agreement"}}, "agreement", "ja")
    '協働協定'
    """
    info = _vocabulary(G, "relation_types").get(tid)
    return (pick(info, "name", lang) if info else "") or str(tid)


_TRAILING_BRACKET = re.compile(r"^(.+?)\s*[（(][^（）()]*[）)]$")


def short_name(name: str) -> str:
    """A name without its trailing bracketed explanation: 「元PTA会長（協議会メンバー）」 → 「元PTA会長」.

    The one rule for short names (tables, sentences, charts and map labels): only a bracket that *ends* the
    name is dropped, so 「新羽地区（港北区）まちづくり協議会」 stays whole. When several names are shown
    together, use :func:`short_names`, which keeps two different names from becoming the same text.

    >>> short_name("子ども（新羽駅周辺地区）"), short_name("Artist (art walk)"), short_name("（仮称）")
    ('子ども', 'Artist', '（仮称）')
    >>> short_name("新羽地区（港北区）まちづくり協議会")
    '新羽地区（港北区）まちづくり協議会'
    """
    m = _TRAILING_BRACKET.match(name.strip())
    return m.group(1) if m else name.strip()


def short_names(names: Iterable[str]) -> dict[str, str]:
    """Each name → its :func:`short_name`, except names whose short form another name shares: those stay whole.

    >>> short_names(["会長（自治会）", "会長（PTA）", "事務局（協議会）"])
    {'会長（自治会）': '会長（自治会）', '会長（PTA）': '会長（PTA）', '事務局（協議会）': '事務局'}
    """
    names = list(dict.fromkeys(names))
    shorts = {n: short_name(n) for n in names}
    count = Counter(shorts.values())
    return {n: s if count[s] == 1 and (s == n or s not in shorts) else n for n, s in shorts.items()}


def display_width(text: str) -> int:
    """Terminal (and label) columns taken by ``text``: East Asian wide and full-width characters count two,
    combining marks none.

    >>> display_width("港南区 ok")
    9
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """The choice ``value`` was most likely meant to be: the same letters in another case, else the closest
    spelling; ``None`` when nothing is close. (The caller words the hint in its language.)

    >>> did_you_mean("Nipa", ["nippa", "dream-heights"]), did_you_mean("xyz", ["nippa"])
    ('nippa', None)
    """
    choices = [str(c) for c in choices]
    lowered = {c.lower(): c for c in choices}
    if str(value).lower() in lowered:
        return lowered[str(value).lower()]
    close = difflib.get_close_matches(str(value).lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None
