"""The words of the HTML and printable maps (legend, panels, tooltips, titles): ``map.<key>``."""

ENTRIES = {
    "map.title_actors": {"ja": "協働ネットワーク", "en": "collaboration network"},
    "map.title_projects": {"ja": "協働事業とアクター", "en": "actors and projects"},
    "map.source": {"ja": "出典", "en": "Source"},
    "map.as_of": {"ja": "{year}年時点", "en": "as of {year}"},
    "map.focus": {"ja": "{name}を中心に{depth}ステップ", "en": "around {name}, {depth} step(s)"},
    "map.sector_subset": {"ja": "セクター: {names}", "en": "sectors: {names}"},
    "map.public": {"ja": "配布用（個人名は役割で表示）", "en": "for handing out (private persons shown by role)"},
    "map.counts": {
        "ja": "アクター{actors}・協働事業{projects}・つながり{ties}",
        "en": "{actors} actors, {projects} projects, {ties} ties",
    },
    "map.search": {"ja": "名前で検索", "en": "Search by name"},
    "map.sectors": {"ja": "セクター", "en": "Sectors"},
    "map.ties": {"ja": "つながりの種類", "en": "Kinds of tie"},
    "map.marks": {"ja": "しるし", "en": "Marks"},
    "map.kinds": {"ja": "ノードの種類", "en": "Kinds of node"},
    "map.details": {"ja": "詳細", "en": "Details"},
    "map.hint": {
        "ja": "アクターをクリックすると詳細と周りのつながりを表示します。",
        "en": "Click an actor to see its details and neighbours.",
    },
    "map.reset": {"ja": "選択を解除", "en": "Clear selection"},
    "map.all": {"ja": "すべて", "en": "All"},
    "map.no_match": {"ja": "見つかりません", "en": "No match"},
    "map.matches": {"ja": "{n}件", "en": "{n} found"},
    "map.arrow_note": {"ja": "矢印は向き（from → to）", "en": "Arrows show direction (from → to)"},
    "map.size_note": {"ja": "大きさ＝橋渡しスコア", "en": "Size = bridging score"},
    "map.size_note_projects": {"ja": "大きさ＝つながりの数", "en": "Size = number of ties"},
    "map.coordinator": {
        "ja": "★ つなぎ役（ほかに共通の相手がいない、セクターの違う組をつなぐ）",
        "en": "★ Sole link between partners (of different sectors with no other partner in common)",
    },
    "map.articulation": {
        "ja": "太い黒枠＝切断点（いなくなると孤立する相手がいる）",
        "en": "Thick black ring = cut point (if this actor leaves, others are cut off)",
    },
    "map.actor": {"ja": "アクター", "en": "Actor"},
    "map.project": {"ja": "協働事業", "en": "Project"},
    "map.project_tie": {"ja": "同じ協働事業に参加", "en": "Take part in the same project"},
    "map.participation": {"ja": "協働事業への参加", "en": "Takes part in project"},
    "map.kind": {"ja": "種類", "en": "Kind"},
    "map.sector": {"ja": "セクター", "en": "Sector"},
    "map.role": {"ja": "役割", "en": "Role"},
    "map.themes": {"ja": "テーマ", "en": "Themes"},
    "map.offers": {"ja": "提供できるもの", "en": "Offers"},
    "map.needs": {"ja": "求めているもの", "en": "Needs"},
    "map.relations": {"ja": "関係", "en": "Relations"},
    "map.projects": {"ja": "協働事業", "en": "Projects"},
    "map.participants": {"ja": "参加者", "en": "Participants"},
    "map.bridging": {"ja": "橋渡し", "en": "Bridging"},
    "map.score": {
        "ja": "橋渡しスコア {score:.2f}・媒介中心性 {betweenness:.2f}",
        "en": "bridging score {score:.2f}, betweenness {betweenness:.2f}",
    },
    # betweenness estimated by KADABRA (centrality.betweenness_sample): its guarantee; four decimals, as the values
    # of a network that large are small
    "map.score_estimated": {
        "ja": "橋渡しスコア {score:.2f}・媒介中心性 {betweenness:.4f}（推定値：{confidence}%以上の確率で正確な値との差±{epsilon}以内）",
        "en": "bridging score {score:.2f}, betweenness {betweenness:.4f} (an estimate: within ±{epsilon} of the exact "
        "value with probability at least {confidence}%)",
    },
    # estimated by networkx's reference (KYODO_ENGINE=networkx), which states no bound
    "map.score_estimated_sources": {
        "ja": "橋渡しスコア {score:.2f}・媒介中心性 {betweenness:.4f}（推定値、誤差の保証なし）",
        "en": "bridging score {score:.2f}, betweenness {betweenness:.4f} (an estimate, no error bound)",
    },
    "map.years": {"ja": "活動期間", "en": "Years"},
    "map.ward": {"ja": "区", "en": "Ward"},
    "map.id": {"ja": "識別子（コマンドで指定するとき）", "en": "ID (to name it in a command)"},
    "map.cite": {"ja": "出典", "en": "Cite"},
    "map.note": {"ja": "注記", "en": "Note"},
    "map.inferred": {"ja": "（本文からの推定）", "en": "(inferred from the text)"},
    "map.contact": {"ja": "連絡先", "en": "Contact"},
    "map.strength": {"ja": "強さ", "en": "strength"},
    "map.shared_projects": {"ja": "共通の協働事業", "en": "Shared projects"},
    "map.private": {"ja": "非公開", "en": "Private"},
    "map.ties_count": {"ja": "つながり {n}", "en": "{n} ties"},
    "map.show_all": {"ja": "全体を表示", "en": "Show all"},
    "map.label_size": {"ja": "文字の大きさ", "en": "Label size"},
    "map.label_smaller": {"ja": "文字を小さく", "en": "Smaller labels"},
    "map.label_larger": {"ja": "文字を大きく", "en": "Larger labels"},
    "map.fold_legend": {"ja": "凡例をたたむ", "en": "Hide legend"},
    "map.unfold_legend": {"ja": "凡例を開く", "en": "Show legend"},
    "map.fold_details": {"ja": "詳細をたたむ", "en": "Hide details"},
    "map.unfold_details": {"ja": "詳細を開く", "en": "Show details"},
    "map.undated.one": {
        "ja": "年の記録がない{n}件は{year}年にもあったものとして表示",
        "en": "{n} record with no year shown as present in {year}",
    },
    "map.undated.many": {
        "ja": "年の記録がない{n}件は{year}年にもあったものとして表示",
        "en": "{n} records with no year shown as present in {year}",
    },
    "map.inferred_line": {
        "ja": "薄い線＝推定を含むつながり（資料が示唆するだけ）",
        "en": "Faded line = a tie that rests on inference (the text only implies it)",
    },
    # the legend says what each mark and size means: the glossary's lines (analysis.wording.glossary)
    "map.size_is": {"ja": "大きさ＝{gloss}", "en": "Size = {gloss}"},
    "map.ring_is": {"ja": "太い黒枠＝{gloss}", "en": "Thick black ring = {gloss}"},
    "map.gloss_sep": {"ja": "。", "en": ". "},
    # the bridging score, which sizes the actors and is shown in each actor's details
    "gloss.score": {
        "ja": "橋渡しスコア: 媒介中心性・セクターをまたぐ仲介・孤立する数を、それぞれネットワーク内の最大値で0〜1にそろえ、"
        "0.5・0.3・0.2の重みで足した値（0〜1）",
        "en": "bridging score: betweenness, cross-sector brokerage and cut-off, each scaled 0–1 by the "
        "network's largest and weighted 0.5, 0.3 and 0.2 (0–1)",
    },
    # the year slider of the interactive map (a year chosen: what stands then; 「すべての年」: everything)
    "map.year": {"ja": "年", "en": "Year"},
    "map.all_years": {"ja": "すべての年", "en": "All years"},
    "map.year_marks": {"ja": "年を選んだとき", "en": "When a year is chosen"},
    "map.year_new_mark": {
        "ja": "オレンジの枠・太い線＝その年に始まった（前の年にはない）",
        "en": "Orange ring, bold line = began that year (not there the year before)",
    },
    "map.year_ended_mark": {
        "ja": "破線の枠・灰色のかげ＝その年で終わる（次の年にはない）",
        "en": "Dashed ring, grey halo = ends that year (not there the year after)",
    },
    "map.year_counts": {"ja": "アクター{actors}・つながり{ties}", "en": "{actors} actors, {ties} ties"},
    "map.year_new": {
        "ja": "その年に始まった: アクター{actors}・つながり{ties}",
        "en": "began: {actors} actors, {ties} ties",
    },
    "map.year_ended": {
        "ja": "その年で終わる: アクター{actors}・つながり{ties}",
        "en": "ending: {actors} actors, {ties} ties",
    },
}
