"""The message catalogue: every entry speaks both languages, with the same placeholders."""

import string

from kyodo_network.catalogue import ENTRIES, FAMILIES
from kyodo_network.lang import LANGS, env_lang, text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_entry_has_both_languages_with_the_same_fields():
    for code, entry in ENTRIES.items():
        assert set(entry) == set(LANGS), code
        for lang in LANGS:
            assert entry[lang].strip(), (code, lang)
        assert _fields(entry["ja"]) == _fields(entry["en"]), code


def test_no_code_is_defined_in_two_families():
    assert sum(len(f) for f in FAMILIES) == len(ENTRIES)


def test_language_comes_from_the_option_then_the_environment(monkeypatch):
    monkeypatch.delenv("KYODO_LANG", raising=False)
    assert env_lang() == "ja"
    monkeypatch.setenv("KYODO_LANG", "en")
    assert env_lang() == "en" and text("lang.name") == "English"
    assert env_lang("ja") == "ja"
    monkeypatch.setenv("KYODO_LANG", "fr")
    assert env_lang() == "ja"
