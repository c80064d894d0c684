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

import os
from collections.abc import Mapping

__all__ = ["LANGS", "DEFAULT_LANG", "env_lang", "text", "texts", "has_text", "catalogue"]

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
