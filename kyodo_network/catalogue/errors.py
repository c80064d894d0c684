"""Errors the library raises about a request (not about a file: those are the problems' family)."""

ENTRIES = {
    "error.did_you_mean": {"ja": "（もしかして「{choice}」？）", "en": " (did you mean '{choice}'?)"},
    "error.unknown-sector": {
        "ja": "「{value}」というセクターはありません{hint}",
        "en": "unknown sector '{value}'{hint}",
    },
    "error.unknown-focus": {
        "ja": "「{value}」はこのネットワークのアクターでも協働事業でもありません{hint}",
        "en": "'{value}' is not an actor or project of this network{hint}",
    },
    "error.unknown-focus-year": {
        "ja": "「{value}」は{year}年のネットワークのアクターでも協働事業でもありません{hint}",
        "en": "'{value}' is not an actor or project of this network in {year}{hint}",
    },
    "error.focus-outside-sectors": {
        "ja": "「{value}」は選んだセクターに入っていません",
        "en": "'{value}' is not in the selected sectors",
    },
    "error.no-font-package": {
        "ja": "日本語の文字には matplotlib-fontja が必要です: pip install matplotlib-fontja",
        "en": "Japanese text needs the font package matplotlib-fontja: pip install matplotlib-fontja",
    },
    "error.font-missing": {
        "ja": "フォントファイル {path} がありません。matplotlib-fontja を入れ直してください",
        "en": "the font file {path} is missing; reinstall matplotlib-fontja",
    },
    "error.no-pyvis": {
        "ja": "pyvis が入っていません。地図に使う vis-network が入っています（pip install pyvis）",
        "en": "pyvis is not installed; it ships the vis-network library the map needs (pip install pyvis)",
    },
}
