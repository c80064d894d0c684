"""Table, CSV and chart headers: ``col.<key>`` (or ``col.<command>.<key>`` where a command means something else
by the same key), and the words inside tables and text reports (``report.…``).

One entry serves both outputs, decided once:

- a **table** header is the entry's words in the chosen language;
- a **CSV** header is the Japanese words with ``--lang ja`` and, with ``--lang en``, the stable key itself
  (``effective_size``), so that English spreadsheets and scripts keep the column names they had.

Values that are ids (an actor's ``id``, a sector id, ``kind`` codes) stay ids in both; sector and relation-type
labels in cells follow the language.
"""

ENTRIES = {
    # shared by several commands
    "col.rank": {"ja": "順位", "en": "#"},
    "col.ties": {"ja": "つながりの数", "en": "ties"},
    "col.info.id": {"ja": "識別子（コマンドで指定）", "en": "id (to name it)"},
    "col.id": {"ja": "識別子", "en": "id"},
    "col.name": {"ja": "名前", "en": "name"},
    "col.sector": {"ja": "セクター識別子", "en": "sector id"},
    "col.sector_label": {"ja": "セクター", "en": "sector"},
    "col.category": {"ja": "種別", "en": "category"},
    "col.categories": {"ja": "種別", "en": "categories"},
    "col.score": {"ja": "スコア", "en": "score"},
    "col.year": {"ja": "年", "en": "year"},
    "col.actors": {"ja": "アクター", "en": "actors"},
    "col.relations": {"ja": "関係", "en": "relations"},
    "col.projects": {"ja": "協働事業", "en": "projects"},
    # bridges and coordinators
    "col.betweenness": {"ja": "媒介中心性", "en": "betweenness"},
    "col.articulation": {"ja": "切断点", "en": "cut point"},
    "col.cut_off": {"ja": "孤立する数", "en": "cut off"},
    "col.constraint": {"ja": "制約度", "en": "constraint"},
    "col.effective_size": {"ja": "実効規模", "en": "effective size"},
    "col.coordinator": {"ja": "内部調整", "en": "coordinator"},
    "col.itinerant": {"ja": "外部仲介", "en": "itinerant"},
    "col.boundary": {"ja": "境界", "en": "boundary"},
    "col.representative": {"ja": "代表", "en": "representative"},
    "col.gatekeeper": {"ja": "門番", "en": "gatekeeper"},
    "col.liaison": {"ja": "連絡", "en": "liaison"},
    "col.total": {"ja": "仲介の合計", "en": "total"},
    "col.sectors_bridged": {"ja": "橋渡しするセクター", "en": "sectors bridged"},
    "col.only_path_pairs": {"ja": "ほかに道のない組", "en": "only-path pairs"},
    "col.explanation_ja": {"ja": "説明（日本語）", "en": "explanation (Japanese)"},
    "col.explanation_en": {"ja": "説明（英語）", "en": "explanation (English)"},
    "col.cross_sector_pairs": {"ja": "セクターをまたぐ仲介", "en": "cross-sector brokerage"},
    "col.sole_pairs": {"ja": "だけがつなぐ組", "en": "sole-link pairs"},
    "col.only_path_sole_pairs": {
        "ja": "だけがつなぐ組のうちほかに道のない組",
        "en": "sole-link pairs with no other route",
    },
    "col.role": {"ja": "呼び方", "en": "role"},
    "col.marked": {"ja": "つなぎ役（★）", "en": "marked (★)"},
    "col.pairs": {"ja": "つないでいる組", "en": "pairs connected"},
    # whatif and risks
    "col.kind": {"ja": "種類", "en": "kind"},
    "col.other_id": {"ja": "相手の識別子", "en": "other id"},
    "col.other_name": {"ja": "相手", "en": "other"},
    "col.detail": {"ja": "内容の識別子", "en": "detail"},
    "col.detail_label": {"ja": "内容", "en": "detail label"},
    "col.sector_pairs_lost": {"ja": "途切れるセクターの組", "en": "sector pairs lost"},
    "col.projects_without_government": {"ja": "行政とのつながりを失う協働事業", "en": "projects cut from government"},
    "col.relations_lost": {"ja": "失われる関係", "en": "relations lost"},
    "col.cut_off_names": {"ja": "孤立する相手", "en": "cut off"},
    "col.risks.cut_off": {"ja": "孤立する数", "en": "cut off"},
    "col.risks.sector_pairs_lost": {"ja": "途切れるセクター組", "en": "sectors"},
    "col.risks.projects_without_government": {"ja": "行政と切れる事業", "en": "projects"},
    "col.risks.relations_lost": {"ja": "失う関係", "en": "relations"},
    # datasets and info
    "col.datasets.name": {"ja": "名称", "en": "name"},
    "col.ward": {"ja": "区", "en": "ward"},
    "col.cite": {"ja": "出典", "en": "cite"},
    "col.project_ties": {"ja": "協働事業を通じたつながり", "en": "project ties"},
    "col.components": {"ja": "連結成分", "en": "components"},
    "col.inferred_actors": {"ja": "推定のアクター", "en": "inferred actors"},
    "col.inferred_relations": {"ja": "推定の関係", "en": "inferred relations"},
    "col.first_year": {"ja": "最初の年", "en": "first year"},
    "col.last_year": {"ja": "最後の年", "en": "last year"},
    "col.isolates": {"ja": "孤立したアクター", "en": "isolates"},
    "col.actors_by": {"ja": "アクター（{label}）", "en": "actors ({label})"},
    "col.relations_by": {"ja": "関係（{label}）", "en": "relations ({label})"},
    # suggest
    "col.a": {"ja": "アクターの識別子", "en": "actor id"},
    "col.a_name": {"ja": "アクター", "en": "actor"},
    "col.a_short": {"ja": "アクター", "en": "actor"},
    "col.b": {"ja": "相手の識別子", "en": "partner id"},
    "col.b_name": {"ja": "相手", "en": "partner"},
    "col.b_short": {"ja": "相手", "en": "partner"},
    "col.closure": {"ja": "共通の相手", "en": "closure"},
    "col.themes": {"ja": "テーマ", "en": "themes"},
    "col.complement": {"ja": "補い合い", "en": "complement"},
    "col.suggest.cross_sector": {"ja": "セクターをまたぐ", "en": "cross sector"},
    "col.second_path": {"ja": "もう一つのつながり", "en": "second path"},
    "col.locality": {"ja": "同じ区", "en": "locality"},
    "col.sectors": {"ja": "セクター", "en": "sectors"},
    "col.introducers": {"ja": "紹介役の識別子", "en": "introducer ids"},
    "col.introducer_names": {"ja": "紹介役の名前", "en": "introducer names"},
    "col.introducer_kind": {"ja": "紹介役の種類", "en": "introducer kind"},
    "col.introducer": {"ja": "紹介役", "en": "introducer"},
    "col.shared_themes": {"ja": "共通のテーマ", "en": "shared themes"},
    "col.offers_needs": {"ja": "提供と要望", "en": "offers and needs"},
    "col.held_by": {"ja": "今つないでいるアクター", "en": "held by"},
    "col.reasons_ja": {"ja": "理由（日本語）", "en": "reasons (Japanese)"},
    "col.reasons_en": {"ja": "理由（英語）", "en": "reasons (English)"},
    # compare and diff (indicator names come from analysis.compare.INDICATORS)
    "col.district": {"ja": "地区の識別子", "en": "district"},
    "col.top_bridge_name": {"ja": "最大の橋渡し役の名前", "en": "top bridge name"},
    "col.indicator": {"ja": "指標", "en": "indicator"},
    "col.change": {"ja": "変化", "en": "change"},
    "col.before": {"ja": "前", "en": "before"},
    "col.after": {"ja": "後", "en": "after"},
    "col.delta": {"ja": "差", "en": "delta"},
    # words of the text reports
    "report.yes": {"ja": "はい", "en": "yes"},
    "report.as_of": {"ja": "{year}年時点", "en": "as of {year}"},
    "report.info.counts": {
        "ja": "アクター: {actors}   関係: {relations}   協働事業: {projects}   年: {years}",
        "en": "actors: {actors}   relations: {relations}   projects: {projects}   years: {years}",
    },
    "report.info.by_type": {"ja": "関係の種類", "en": "relations by type"},
    "report.info.project_ties": {"ja": "協働事業を通じたつながりのみ", "en": "ties through a shared project only"},
    "report.components": {"ja": "連結成分", "en": "components"},
    "report.info.isolated": {"ja": "孤立", "en": "isolated"},
    "report.info.inferred": {
        "ja": "推定: アクター {actors}、関係 {relations}",
        "en": "inferred: {actors} actors, {relations} relations",
    },
    # under a table whose betweenness is estimated (centrality.betweenness_sample): the method's guarantee, no more
    "bridges.estimated": {
        "ja": "※媒介中心性は推定値です（KADABRA法）。{actors:,}主体から無作為に選んだ2主体の間の最短経路を数えて求めました。"
        "{confidence}%以上の確率で、どの主体の値も正確な値との差が±{epsilon}以内です。値の差が{epsilon}の2倍より小さい"
        "主体どうしは、順位が入れ替わっていることがあります。ただし、碁盤の目のように同じ長さの道筋が何通りもある網では、"
        "正確な値との差が±{epsilon}を超えることがあります。選び方は乱数の種 {seed} で決まるので、同じデータなら毎回同じ"
        "値になります。{exact_max:,}主体までのネットワークは正確に計算します。",
        "en": "Note: betweenness is an estimate (KADABRA method), counting shortest paths between randomly drawn pairs "
        "of the {actors:,} actors. With probability at least {confidence}%, every actor's value is within ±{epsilon} "
        "of the exact value, so actors whose values differ by less than twice {epsilon} may be in the wrong order. "
        "In grid-like networks, where many routes of the same length run side by side, a value can be further than "
        "{epsilon} from the exact one. The draw is fixed by seed {seed}: the same data always gives the same values. "
        "Networks of up to {exact_max:,} actors get exact values.",
    },
    # the same under KYODO_ENGINE=networkx, whose estimate (networkx's, from sampled sources) states no bound
    "bridges.estimated_sources": {
        "ja": "※媒介中心性は推定値です（networkx の参照計算）。{actors:,}主体のうち{sources:,}主体を起点に最短経路を"
        "数えました。誤差の幅の保証はありません。起点は乱数の種 {seed} で決まるので、同じデータなら毎回同じ値に"
        "なります。{exact_max:,}主体までのネットワークは正確に計算します。",
        "en": "Note: betweenness is an estimate (networkx's reference computation), counting shortest paths from "
        "{sources:,} of the {actors:,} actors; no bound on its error is stated. The sources are fixed by seed {seed}: "
        "the same data always gives the same values. Networks of up to {exact_max:,} actors get exact values.",
    },
    "col.betweenness_estimated": {
        "ja": "媒介中心性は推定値（標本から）",
        "en": "betweenness estimated from a sample",
    },
    # a coordinator's heading: the same count as the sentence under it (sole-link pairs), never the G–F brokerage
    "report.coordinators.head.coordinator": {
        "ja": "コーディネーター: セクターをまたぐ仲介 {n} 組、この人だけがつなぐ組 {m} 組",
        "en": "coordinator: cross-sector brokerage {n}, sole-link pairs {m} (only this person links)",
    },
    "report.coordinators.head.linking_body": {
        "ja": "つなぎ役の団体: セクターをまたぐ仲介 {n} 組、この団体だけがつなぐ組 {m} 組",
        "en": "linking body: cross-sector brokerage {n}, sole-link pairs {m} (only this body links)",
    },
    "report.coordinators.pairs": {
        "ja": "つないでいる組（他に共通の相手なし、* = ほかにつながる道がない）:",
        "en": "connects (no other common partner; * = only path):",
    },
    "report.whatif.head_one": {"ja": "{names} がいなくなると:", "en": "If {names} leaves:"},
    "report.whatif.head_many": {"ja": "{names} がいなくなると:", "en": "If {names} leave:"},
    "report.whatif.cut_off": {"ja": "孤立するアクター", "en": "actors cut off"},
    "report.whatif.relations_lost": {"ja": "失われる関係", "en": "relations lost"},
    "report.whatif.project": {"ja": "協働事業", "en": "project"},
    "report.whatif.sector_pairs": {"ja": "つながりが途切れるセクターの組", "en": "sector pairs no longer connected"},
    "report.whatif.no_government": {
        "ja": "行政とのつながりを失う協働事業",
        "en": "projects left without a link to government",
    },
    "report.diff.actors_gained": {"ja": "増えたアクター", "en": "actors gained"},
    "report.diff.actors_lost": {"ja": "減ったアクター", "en": "actors lost"},
    "report.diff.relations_gained": {"ja": "増えた関係", "en": "relations gained"},
    "report.diff.relations_lost": {"ja": "なくなった関係", "en": "relations lost"},
    "report.diff.projects_gained": {"ja": "始まった協働事業", "en": "projects gained"},
    "report.diff.projects_lost": {"ja": "終わった協働事業", "en": "projects lost"},
    # whatif: a project held in several years is one project (its years in brackets)
    "report.whatif.years": {"ja": "（{years}年）", "en": " ({years})"},
}

#: One line for every measure a coordinator meets, the word first exactly as the table, CSV and report print it
#: (``gloss.<key>``: the same ``<key>`` as the column ``col.<key>`` or the indicator id). Shown in ``--help`` of
#: bridges and coordinators and readable by the report and the map (:func:`kyodo_network.analysis.wording.glossary`).
ENTRIES.update(
    {
        "gloss.heading": {"ja": "用語", "en": "Terms"},
        "gloss.betweenness": {
            "ja": "媒介中心性: ほかの2者を結ぶ最短の道のうち、このアクターを通る割合（Freeman 1977、0〜1）",
            "en": "betweenness: the share of shortest paths between two others that run through the actor (Freeman 1977, 0–1)",
        },
        "gloss.articulation": {
            "ja": "切断点: いなくなるとネットワークが分かれるアクター",
            "en": "cut point: an actor whose departure splits the network",
        },
        "gloss.cut_off": {
            "ja": "孤立する数: そのアクターがいなくなると、ほかとのつながりを失うアクターの数",
            "en": "cut off: how many actors lose every tie to the rest if the actor leaves",
        },
        "gloss.constraint": {
            "ja": "制約度: つながりが、互いにつながった少数の相手に集まっている度合い（Burt 1992）。小さいほど動きやすい",
            "en": "constraint: how much the actor's ties go to a few partners tied to each other (Burt 1992); lower is freer",
        },
        "gloss.effective_size": {
            "ja": "実効規模: 相手の数から、相手どうしの重なりを引いた数（Burt 1992）。大きいほど互いに知らない相手とつながっている",
            "en": "effective size: the number of partners less their overlap (Burt 1992); higher means partners who do not know each other",
        },
        "gloss.coordinator": {
            "ja": "内部調整: 同じセクターの2者のあいだを、同じセクターのアクターが仲介する（Gould–Fernandez の仲介の型）",
            "en": "coordinator: brokers between two of its own sector (a Gould–Fernandez brokerage role)",
        },
        "gloss.itinerant": {
            "ja": "外部仲介: 同じセクターの2者のあいだを、別のセクターのアクターが仲介する",
            "en": "itinerant: brokers between two of one sector it does not belong to",
        },
        "gloss.boundary": {
            "ja": "境界: 自分のセクターと別のセクターのあいだを仲介する（向きのない関係では代表と門番の合計）",
            "en": "boundary: brokers between its own sector and another (representative and gatekeeper together on undirected ties)",
        },
        "gloss.representative": {
            "ja": "代表: 向きのある関係で、自分のセクターのつながりを外へ運ぶ",
            "en": "representative: on directed ties, carries its own sector's tie outward",
        },
        "gloss.gatekeeper": {
            "ja": "門番: 向きのある関係で、外からのつながりを自分のセクターへ入れる",
            "en": "gatekeeper: on directed ties, lets an outsider's tie into its own sector",
        },
        "gloss.liaison": {
            "ja": "連絡: 自分とは違う2つのセクターのあいだを仲介する",
            "en": "liaison: brokers between two sectors, neither its own",
        },
        "gloss.total": {
            "ja": "仲介の合計: 直接つながっていない相手どうしの組のうち、このアクターを間にはさむ組の数（上の4つの型の合計）",
            "en": "total: pairs of partners with no tie of their own that have the actor between them (the roles added up)",
        },
        "gloss.only_path_pairs": {
            "ja": "ほかに道のない組: このアクターを通らないとまったくつながらない相手どうしの組",
            "en": "only-path pairs: pairs of partners with no route at all except through the actor",
        },
        "gloss.cross_sector_pairs": {
            "ja": "セクターをまたぐ仲介: 直接のつながりのない、セクターの違う相手どうしの組のうち、このアクターが間にいる組の数（Gould–Fernandez の境界と連絡の合計）",
            "en": "cross-sector brokerage: pairs of partners from different sectors with no tie of their own that have the actor between them (Gould–Fernandez boundary and liaison)",
        },
        "gloss.sole_pairs": {
            "ja": "だけがつなぐ組: セクターの違う相手どうしで、直接のつながりもほかに共通の相手もない組の数（自分の構成員・所属先・課や、互いにその間柄の組は数えない）",
            "en": "sole-link pairs: pairs of partners from different sectors with no tie of their own and no other partner in common (its own members, bodies and departments, and pairs that are one another's, aside)",
        },
        "gloss.mark": {
            "ja": "★ つなぎ役: だけがつなぐ組が最も多いアクター（多くても全体の1割、少なくとも1組）",
            "en": "★ linking actor: the actors with the most sole-link pairs (at most one in ten, at least one pair each)",
        },
        "gloss.ei_index": {
            "ja": "E–I指数: セクターをまたぐつながり（E）と同じセクター内のつながり（I）から (E−I)/(E+I)（Krackhardt & Stern 1988）。−1〜1、大きいほど垣根を越えている",
            "en": "E–I index: (E − I)/(E + I) over ties across sectors (E) and within one (I) (Krackhardt & Stern 1988); −1 to 1, higher crosses more",
        },
        "gloss.degree_centralisation": {
            "ja": "次数中心化: つながりがひとつのアクターに集中している度合い（Freeman 1979、0〜1）。1 は全員がひとりとだけつながる星の形",
            "en": "degree centralisation: how much the ties gather on one actor (Freeman 1979, 0–1); 1 is a star",
        },
    }
)
