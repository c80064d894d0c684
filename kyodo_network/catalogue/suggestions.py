"""The sentences of ``kyodo suggest``: why two actors should meet and who can introduce them.

Japanese clauses come in two forms, joined into one sentence: ``….and`` (連用形, 「取り組み」) before another
clause, ``….end`` (終止形, 「取り組んでいます」) at the end; English has one form for both. English counts take
``.one``/``.many``. Plain words a coordinator uses: no 「経路」, people are named, never called "it".
"""

ENTRIES = {
    # what they share
    "suggest.themes.and": {"ja": "どちらも{themes}に取り組み", "en": "both work on {themes}"},
    "suggest.themes.end": {"ja": "どちらも{themes}に取り組んでいます", "en": "both work on {themes}"},
    "suggest.offers.and": {
        "ja": "{taker}が求める{items}を{giver}が提供でき",
        "en": "{giver} can offer what {taker} needs ({items})",
    },
    "suggest.offers.end": {
        "ja": "{taker}が求める{items}を{giver}が提供できます",
        "en": "{giver} can offer what {taker} needs ({items})",
    },
    # who they have in common
    "suggest.partner.and": {"ja": "{name}が両者と協働しており", "en": "{name} works with both"},
    "suggest.partner.end": {"ja": "{name}が両者と協働しています", "en": "{name} works with both"},
    "suggest.partners.one.and": {
        "ja": "{name}ほか{others}者が両者と協働しており",
        "en": "{name} and {others} other partner work with both",
    },
    "suggest.partners.one.end": {
        "ja": "{name}ほか{others}者が両者と協働しています",
        "en": "{name} and {others} other partner work with both",
    },
    "suggest.partners.many.and": {
        "ja": "{name}ほか{others}者が両者と協働しており",
        "en": "{name} and {others} other partners work with both",
    },
    "suggest.partners.many.end": {
        "ja": "{name}ほか{others}者が両者と協働しています",
        "en": "{name} and {others} other partners work with both",
    },
    "suggest.no_partner": {"ja": "共通の相手はまだいません", "en": "they have no partner in common yet"},
    "suggest.through": {
        "ja": "直接の共通の相手はなく、今は{names}を通してだけつながっています",
        "en": "they have no partner in common and are connected today only through {names}",
    },
    # who introduces them, or where to ask
    "suggest.introducer.one": {"ja": "（紹介役: {names}）", "en": " (introducer: {names})"},
    "suggest.introducer.many": {"ja": "（紹介役: {names}）", "en": " (introducers: {names})"},
    "suggest.ask_at": {"ja": "（相談先: {names}）", "en": " (where to ask: {names})"},
    "suggest.ask_directly": {
        "ja": "（地元の支援機関なので、直接相談できます）",
        "en": " (a local support body, which can be asked directly)",
    },
    # what the new tie would add
    "suggest.ward.and": {"ja": "同じ{ward}で活動しており", "en": "both are active in {ward}"},
    "suggest.ward.end": {"ja": "同じ{ward}で活動しています", "en": "both are active in {ward}"},
    "suggest.cross.and": {
        "ja": "{s1}と{s2}の垣根を越えるつながりになり",
        "en": "the new tie would cross from {s1} to {s2}",
    },
    "suggest.cross.end": {
        "ja": "{s1}と{s2}の垣根を越えるつながりになります",
        "en": "the new tie would cross from {s1} to {s2}",
    },
    "suggest.only_introducer.and": {
        "ja": "今は{name}だけが両者をつないでいるので、もう一つのつながりができ",
        "en": "today only {name} connects them, so they would gain a second connection",
    },
    "suggest.only_introducer.end": {
        "ja": "今は{name}だけが両者をつないでいるので、もう一つのつながりができます",
        "en": "today only {name} connects them, so they would gain a second connection",
    },
    "suggest.not_through.and": {
        "ja": "直接つながれば、{names}に頼らないつながりができ",
        "en": "a direct tie would no longer depend on {names}",
    },
    "suggest.not_through.end": {
        "ja": "直接つながれば、{names}に頼らないつながりができます",
        "en": "a direct tie would no longer depend on {names}",
    },
    # joining clauses
    "suggest.and": {"ja": "、", "en": " and "},
    "suggest.comma": {"ja": "、", "en": ", "},
    "suggest.but": {"ja": "が、", "en": ", but "},
    "suggest.stop": {"ja": "。", "en": "."},
    "suggest.inferred": {"ja": "（{note}）", "en": " ({note})"},
}
