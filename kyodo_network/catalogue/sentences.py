"""The sentences of ``kyodo bridges`` and ``kyodo coordinators``: why an actor bridges, in words a coordinator
would say at a meeting. English counts take ``.one``/``.many``; people are named, never called "it"."""

ENTRIES = {
    "bridge.no_ties": {"ja": "{name}には記録された関係がありません。", "en": "{name} has no recorded relations."},
    "bridge.no_pairs": {
        "ja": "{name}が仲介している組はありません（相手どうしは{name}を通らずにつながっています）",
        "en": "{name} brokers no pair: the partners are connected without {name}",
    },
    "bridge.only.one": {
        "ja": "{s1}と{s2}の{n}組は、{name}を通してしかつながっていません",
        "en": "{n} pair of {s1} and {s2} is connected only through {name}",
    },
    "bridge.only.many": {
        "ja": "{s1}と{s2}の{n}組は、{name}を通してしかつながっていません",
        "en": "{n} pairs of {s1} and {s2} are connected only through {name}",
    },
    "bridge.brokers.one": {
        "ja": "{name}は、直接のつながりのない{s1}と{s2}の{n}組を仲介しています",
        "en": "{name} brokers {n} pair of {s1} and {s2} that have no tie of their own",
    },
    "bridge.brokers.many": {
        "ja": "{name}は、直接のつながりのない{s1}と{s2}の{n}組を仲介しています",
        "en": "{name} brokers {n} pairs of {s1} and {s2} that have no tie of their own",
    },
    "bridge.within.one": {
        "ja": "{name}は、同じセクター内で直接つながっていない{n}組を仲介しています",
        "en": "{name} brokers {n} pair within one sector that has no tie of its own",
    },
    "bridge.within.many": {
        "ja": "{name}は、同じセクター内で直接つながっていない{n}組を仲介しています",
        "en": "{name} brokers {n} pairs within one sector that have no tie of their own",
    },
    "bridge.cut_off.one": {
        "ja": "。{name}がいなくなると、{n}者（{names}）がほかとのつながりを失います。",
        "en": "; without {name}, {n} actor ({names}) loses every tie to the rest.",
    },
    "bridge.cut_off.many": {
        "ja": "。{name}がいなくなると、{n}者（{names}）がほかとのつながりを失います。",
        "en": "; without {name}, {n} actors ({names}) lose every tie to the rest.",
    },
    "bridge.end": {"ja": "。", "en": "."},
    "bridge.directed_none": {
        "ja": "関係の向きをたどると、{name}を経由して一方から他方へ届く組はありません。",
        "en": " Following the direction of the ties, no pair reaches the other through {name}.",
    },
    "bridge.directed.one": {
        "ja": "関係の向きをたどると、{name}を経由して一方から他方へ届く組は{n}組です。",
        "en": " Following the direction of the ties, {n} pair reaches each other through {name}.",
    },
    "bridge.directed.many": {
        "ja": "関係の向きをたどると、{name}を経由して一方から他方へ届く組は{n}組です。",
        "en": " Following the direction of the ties, {n} pairs reach each other through {name}.",
    },
}

# ``kyodo coordinators``: one count (the sole-link pairs, :mod:`kyodo_network.analysis.coordinators`), one word per
# kind of actor (a person is a コーディネーター, a body a つなぎ役の団体), 「この人」 for persons only.
ENTRIES.update(
    {
        "coordinator.brokers.one": {
            "ja": "{name}は、直接のつながりのない、セクターの違う相手どうし{n}組を仲介しています",
            "en": "{name} brokers {n} pair of partners from different sectors that have no tie of their own",
        },
        "coordinator.brokers.many": {
            "ja": "{name}は、直接のつながりのない、セクターの違う相手どうし{n}組を仲介しています",
            "en": "{name} brokers {n} pairs of partners from different sectors that have no tie of their own",
        },
        "coordinator.no_sole.one": {
            "ja": "。この組には、{name}のほかにも共通の相手がいます",
            "en": "; the pair has another partner in common besides {name}",
        },
        "coordinator.no_sole.many": {
            "ja": "。どの組にも、{name}のほかに共通の相手がいます",
            "en": "; every pair has another partner in common besides {name}",
        },
        "coordinator.sole.one": {
            "ja": "。そのうち{m}組は、ほかに共通の相手がなく、{name}だけがつないでいます",
            "en": "; {m} of them only {name} links (no other partner in common)",
        },
        "coordinator.sole.many": {
            "ja": "。そのうち{m}組は、ほかに共通の相手がなく、{name}だけがつないでいます",
            "en": "; {m} of them only {name} links (no other partner in common)",
        },
        "coordinator.only_path.one": {
            "ja": "（うち{k}組は、ほかにつながる道がありません）",
            "en": ", {k} of which has no other route at all",
        },
        "coordinator.only_path.many": {
            "ja": "（うち{k}組は、ほかにつながる道がありません）",
            "en": ", {k} of which have no other route at all",
        },
        "coordinator.only_path_all.one": {
            "ja": "（ほかにつながる道がありません）",
            "en": ", with no other route at all",
        },
        "coordinator.only_path_all.many": {
            "ja": "（どの組も、ほかにつながる道がありません）",
            "en": ", none of them with any other route",
        },
        "coordinator.role.coordinator": {"ja": "コーディネーター", "en": "coordinator"},
        "coordinator.role.linking_body": {"ja": "つなぎ役の団体", "en": "linking body"},
        "coordinator.this.coordinator": {"ja": "この人", "en": "this person"},
        "coordinator.this.linking_body": {"ja": "この団体", "en": "this body"},
        # for the report's list (handout) and the map's details: 「この人」 for a person, 「この団体」 for a body
        "coordinator.pairs.coordinator": {
            "ja": "この人だけがつないでいる組: {pairs}",
            "en": "Pairs only this person links: {pairs}",
        },
        "coordinator.pairs.linking_body": {
            "ja": "この団体だけがつないでいる組: {pairs}",
            "en": "Pairs only this body links: {pairs}",
        },
        "coordinator.heading": {"ja": "コーディネーターとつなぎ役の団体", "en": "Coordinators and linking bodies"},
        # the ★: its rule, said wherever it is drawn (map legend, report, coordinators' output)
        "coordinator.mark": {
            "ja": "★ つなぎ役: だけがつなぐ組（セクターの違う相手どうしで、ほかに共通の相手がない組）が最も多いアクター"
            "（多くても全体の1割、少なくとも1組をつなぐ）",
            "en": "★ Linking actor: the actors with the most sole-link pairs (partners from different sectors with no "
            "other partner in common) (at most one actor in ten, each linking at least one such pair)",
        },
        "coordinators.help": {
            "ja": "コーディネーターとつなぎ役の団体を見つける: 直接のつながりのない、セクターの違う相手どうしを仲介しているアクター"
            "（個人を先に）。\n\n"
            "それぞれについて、その組の数（セクターをまたぐ仲介）と、そのうちほかに共通の相手がなく、そのアクターだけが"
            "つないでいる組（だけがつなぐ組）の数を、見出しと説明文で同じ数で示し、だけがつなぐ組を挙げます。自分の構成員・"
            "所属先・課（区役所とその課など）との組は、すでにつながっているので数えません。「*」は他に経路がまったくない組、"
            "★ はだけがつなぐ組が最も多いアクター（多くても全体の1割）です。個人は「コーディネーター」、団体は"
            "「つなぎ役の団体」と呼びます。\n",
            "en": "Find the coordinators and linking bodies: actors (persons first) that broker between partners from "
            "different sectors who have no tie of their own.\n\n"
            "For each, how many such pairs (cross-sector brokerage) and how many of them it alone links, with no "
            "other partner in common (sole-link pairs) — the heading and the sentence state the same numbers — and "
            "the sole-link pairs themselves. Pairs with its own members, bodies or departments (an office and its "
            'sections) do not count: they reach each other already. "*" marks pairs with no other route at all, ★ '
            "the actors with the most sole-link pairs (at most one in ten). A person is called a coordinator, a "
            "body a linking body.\n",
        },
    }
)
