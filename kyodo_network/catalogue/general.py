"""Words shared by every part of the tool."""

ENTRIES = {
    "lang.name": {"ja": "日本語", "en": "English"},
    # an actor's own category word (or a relation's own label) with its broad sector (or type) beside it
    "lang.beside": {"ja": "{word}（{broad}）", "en": "{word} ({broad})"},
    # a legend entry: a sector and the category words present under it
    "lang.sector_categories": {"ja": "{sector}：{categories}", "en": "{sector}: {categories}"},
    "lang.more": {"ja": "…", "en": "…"},
}
