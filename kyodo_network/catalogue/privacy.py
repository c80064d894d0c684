"""Words of the ``--public`` redaction: the anonymous labels that stand in for hidden names."""

ENTRIES = {
    "privacy.person": {"ja": "非公開のアクター{n}", "en": "Withheld actor {n}"},
    "privacy.numbered": {"ja": "{label}（{n}）", "en": "{label} ({n})"},
    "privacy.project": {"ja": "協働事業{n}", "en": "Project {n}"},
    "privacy.contact": {"ja": "（連絡先は非公開）", "en": "(contact withheld)"},
    "privacy.representative": {"ja": "代表者", "en": "the representative"},
}
