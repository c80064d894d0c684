"""Words shared by every part of the tool."""

ENTRIES = {
    "lang.name": {"ja": "日本語", "en": "English"},
}
