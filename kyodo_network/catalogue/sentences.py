"""The sentences of ``kyodo bridges`` and ``kyodo coordinators``: why an actor bridges, in words a coordinator
would say at a meeting. English counts take ``.one``/``.many``; people are named, never called "it"."""

ENTRIES = {
    "bridge.no_ties": {"ja": "{name}には記録された関係がありません。", "en": "{name} has no recorded relations."},
    "bridge.no_pairs": {"ja": "{name}が仲介している組はありません（相手どうしは{name}を通らずにつながっています）",
                        "en": "{name} brokers no pair: the partners are connected without {name}"},
    "bridge.only.one": {"ja": "{s1}と{s2}の{n}組は、{name}を通してしかつながっていません",
                        "en": "{n} pair of {s1} and {s2} is connected only through {name}"},
    "bridge.only.many": {"ja": "{s1}と{s2}の{n}組は、{name}を通してしかつながっていません",
                         "en": "{n} pairs of {s1} and {s2} are connected only through {name}"},
    "bridge.brokers.one": {"ja": "{name}は、直接のつながりのない{s1}と{s2}の{n}組を仲介しています",
                           "en": "{name} brokers {n} pair of {s1} and {s2} that have no tie of their own"},
    "bridge.brokers.many": {"ja": "{name}は、直接のつながりのない{s1}と{s2}の{n}組を仲介しています",
                            "en": "{name} brokers {n} pairs of {s1} and {s2} that have no tie of their own"},
    "bridge.within.one": {"ja": "{name}は、同じセクター内で直接つながっていない{n}組を仲介しています",
                          "en": "{name} brokers {n} pair within one sector that has no tie of its own"},
    "bridge.within.many": {"ja": "{name}は、同じセクター内で直接つながっていない{n}組を仲介しています",
                           "en": "{name} brokers {n} pairs within one sector that have no tie of their own"},
    "bridge.cut_off.one": {"ja": "。{name}がいなくなると、{n}者（{names}）がほかとのつながりを失います。",
                           "en": "; without {name}, {n} actor ({names}) loses every tie to the rest."},
    "bridge.cut_off.many": {"ja": "。{name}がいなくなると、{n}者（{names}）がほかとのつながりを失います。",
                            "en": "; without {name}, {n} actors ({names}) lose every tie to the rest."},
    "bridge.end": {"ja": "。", "en": "."},
}
