"""The message catalogue: every word a person reads, keyed by a stable code, Japanese and English side by side.

Each module holds one family of entries as ``code → {"ja": …, "en": …}``; :data:`ENTRIES` merges them and a
test checks that every entry has both languages and that no code appears twice. Look words up with
:func:`kyodo_network.lang.text`, never by reading these dicts directly.

| module | holds |
|---|---|
| ``general`` | language names and words shared by everything |
| ``problems`` | the message and fix for each problem code of the loader and validator |
| ``cli`` | every command's and option's help, and the CLI's own lines (errors, "wrote …") |
| ``tables`` | table, CSV and chart headers |
| ``maps`` | the words of the HTML and printable maps |
| ``findings`` | the findings' sentences: ties a person carries, the hand-over sheet, year assumptions |
"""

from __future__ import annotations

from collections.abc import Mapping


__all__ = ["ENTRIES", "FAMILIES"]


def _families() -> list[dict[str, Mapping[str, str]]]:
    import importlib

    out = []
    for name in ("general", "problems", "cli", "tables", "maps", "files", "privacy", "sheets", "findings"):
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:  # a family not written yet
            if err.name != f"{__name__}.{name}":
                raise
            continue
        out.append(module.ENTRIES)
    return out


FAMILIES = _families()


def _merge(families: list[dict[str, Mapping[str, str]]]) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for family in families:
        for code, entry in family.items():
            if code in merged:
                raise ValueError(f"catalogue code {code!r} is defined twice")
            merged[code] = entry
    return merged


ENTRIES = _merge(FAMILIES)
