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

__all__ = [
    "LANGS",
    "DEFAULT_LANG",
    "env_lang",
    "text",
    "texts",
    "has_text",
    "catalogue",
    "pick",
    "key_for",
    "sector_label",
    "relation_label",
    "category_label",
    "tie_label",
    "sector_with_categories",
    "label_with_words",
    "CATEGORIES_SHOWN",
    "short_name",
    "short_names",
    "display_width",
    "did_you_mean",
]

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
    if type(record) is dict:  # the common case (a node's attributes, a JSON row), without the checks of get()
        ja, en = record.get(field), record.get(f"{field}_en")
        ja, en = "" if ja is None else str(ja), "" if en is None else str(en)
    else:

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


def _beside(word: str, broad: str, lang: str | None) -> str:
    """「word（broad）」 in Japanese (and on two-language maps), "word (broad)" in English."""
    return text(
        "lang.beside",
        "en" if lang == "en" or (lang not in ("ja", "both") and env_lang(lang) == "en") else "ja",
        word=word,
        broad=broad,
    )


def category_label(
    G: object, d: Mapping, lang: str | None = None, *, full: bool = False, beside: bool | None = None
) -> str:
    """How an actor's kind is named: its own ``category`` word as written (老人クラブ), else its sector's label.

    ``d`` is the actor's node attributes (``category`` and ``sector``, :mod:`kyodo_network.graph`); ``G`` a graph
    or a mapping of sector id → labels, as for :func:`sector_label`. The one rule
    for naming an actor's kind, decided once:

    - ``full=False`` (table cells where the sector has a column of its own): the word alone, 「老人クラブ」;
    - ``full=True`` (where the sector is named in full: the map's tooltip and details panel): the word with its
      broad sector beside it, 「老人クラブ（自治会町内会・地縁団体）」, Japanese brackets also on a
      two-language map;
    - ``beside=True`` with ``full=False``: the word with the sector's short label, 「老人クラブ（自治会町内会）」.

    An actor with no category word is named by :func:`sector_label` (short or full). The word itself is never
    translated: it is what the coordinator wrote.

    >>> S = {"neighbourhood": {"name": "自治会町内会・地縁団体", "name_en": "Neighbourhood associations",
    ...                        "short": "自治会町内会", "short_en": "Neighbourhood"}}
    >>> d = {"sector": "neighbourhood", "category": "老人クラブ"}
    >>> category_label(S, d, "ja"), category_label(S, d, "ja", full=True), category_label(S, d, "en", beside=True)
    ('老人クラブ', '老人クラブ（自治会町内会・地縁団体）', '老人クラブ (Neighbourhood)')
    >>> category_label(S, {"sector": "neighbourhood", "category": None}, "ja", full=True)
    '自治会町内会・地縁団体'
    """
    sid = d.get("sector")
    broad = sector_label(G, sid, lang, full=full)
    word = d.get("category")
    if not word or str(word) == broad:
        return broad
    if full if beside is None else beside:
        return _beside(str(word), broad, lang)
    return str(word)


def tie_label(G: object, rel: Mapping, lang: str | None = None, *, full: bool = False) -> str:
    """How a relation is named: its own ``label`` word as written (寄付, 見守り協定), else its type's label;
    with ``full=True`` the type beside the word, 「寄付（支援）」.

    >>> T = {"support": {"name": "支援", "name_en": "Support"}}
    >>> tie_label(T, {"type": "support", "label": "寄付"}, "ja"), tie_label(T, {"type": "support", "label": "寄付"}, "en", full=True)
    ('寄付', '寄付 (Support)')
    >>> tie_label(T, {"type": "support"}, "ja", full=True)
    '支援'
    """
    broad = relation_label(G, rel.get("type", ""), lang)
    word = rel.get("label")
    if not word or str(word) == broad:
        return broad
    return _beside(str(word), broad, lang) if full else str(word)


#: How many category words a legend entry lists before 「…」.
CATEGORIES_SHOWN = 5


def sector_with_categories(
    G: object,
    sid: str | None,
    categories: Iterable[str],
    lang: str | None = None,
    *,
    full: bool = True,
    limit: int = CATEGORIES_SHOWN,
    label: str | None = None,
) -> str:
    """A legend entry: the sector's label and the category words present under it, at most ``limit`` of them
    and then 「…」: 「自治会町内会・地縁団体：老人クラブ、子ども会」. Without categories, the label alone.
    ``label`` replaces the sector's label (to add its id, say).

    >>> S = {"neighbourhood": {"name": "自治会町内会・地縁団体", "name_en": "Neighbourhood associations"}}
    >>> sector_with_categories(S, "neighbourhood", ["老人クラブ", "子ども会"], "ja")
    '自治会町内会・地縁団体：老人クラブ、子ども会'
    >>> sector_with_categories(S, "neighbourhood", "ABCDEFG", "en", limit=3)
    'Neighbourhood associations: A, B, C, …'
    >>> sector_with_categories(S, "neighbourhood", [], "ja")
    '自治会町内会・地縁団体'
    """
    own = sector_label(G, sid, lang, full=full)
    return label_with_words(label or own, [w for w in categories if w and str(w) != own], lang, limit=limit)


def label_with_words(
    label: str, words: Iterable[str], lang: str | None = None, *, limit: int = CATEGORIES_SHOWN
) -> str:
    """``label`` followed by the words as written, at most ``limit`` of them and then 「…」 (the legend's and
    ``kyodo info``'s form: 「支援：寄付、協賛」); the label alone without words.

    >>> label_with_words("Support", ["寄付", "協賛"], "en"), label_with_words("支援", [], "ja")
    ('Support: 寄付, 協賛', '支援')
    """
    shown = [str(w) for w in dict.fromkeys(words) if w]
    if not shown:
        return label
    en = lang == "en" or (lang not in ("ja", "both") and env_lang(lang) == "en")
    code_lang = "en" if en else "ja"
    if len(shown) > limit:
        shown = shown[:limit] + [text("lang.more", code_lang)]
    return text(
        "lang.sector_categories", code_lang, sector=label, categories=text("cli.list_sep", code_lang).join(shown)
    )


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
