"""The words of ``kyodo report``: the command's help and options, and every heading and line of the report page
(codes ``handout.…``; the ``report.…`` codes of :mod:`.tables` are the text reports of the other commands)."""

from __future__ import annotations

_EX_REPORT = """
\b
{examples}
  kyodo report nippa
  kyodo report nippa akuwa-north --public -o handout/
  kyodo report dream-heights --format pdf --lang en
"""

ENTRIES: dict[str, dict[str, str]] = {
    "cli.report.help": {
        "ja": "今夜の配布資料: 地区ごとに1枚のページ（印刷するとA4で3枚まで）を作る。\n\n"
        "地図（印刷できる図と、操作できる地図へのリンク）、橋渡し役とコーディネーター、ひとりに頼っている箇所と"
        "引き継ぐべきこと、紹介の提案（紹介役と理由）、地区の指標、推定に基づくデータ、データの抜け（年のない"
        "記録、孤立したアクター）をまとめます。複数の地区では一覧ページ（index.html）に比較表を載せます。"
        "CASE を省くと収録された地区すべてを outputs/ に書き出します。オフラインで開け、外部への通信はしません。\n"
        + _EX_REPORT.format(examples="例:"),
        "en": "Tonight's handout: one page per district (up to three A4 sheets when printed).\n\n"
        "The map (a picture that prints, and a link to the interactive map), the bridges and coordinators, the "
        "key-person risks with what a hand-over must cover, suggested introductions with introducers and "
        "reasons, the district's indicators, what rests on inferred data, and the data's gaps (undated "
        "records, isolated actors). With several districts an index page (index.html) holds the comparison "
        "table. With no CASE, every bundled district is reported into outputs/. Opens offline; makes no "
        "request.\n" + _EX_REPORT.format(examples="Example:"),
    },
    "opt.report.output": {
        "ja": "書き出すフォルダ（既定: outputs/）。",
        "en": "Folder to write into (default: outputs/).",
    },
    "opt.report.join": {
        "ja": "すべての CASE を1つの地区として1ページにする（kyodo serve の <名前>-tonight.yaml は指定しなくても元の CASE に加わる）。",
        "en": "Make every CASE one district on one page (kyodo serve's <name>-tonight.yaml joins its CASE without it).",
    },
    "opt.report.format": {
        "ja": "html: ブラウザで開いて印刷するページ（既定）。pdf: A4のPDFを直接書き出す（日本語フォント埋め込み）。",
        "en": "html: a page to open in a browser and print (default); pdf: A4 PDF files written directly "
        "(Japanese font embedded).",
    },
    "cli.report.wrote": {"ja": "書き出しました: {path}", "en": "wrote {path}"},
    # the page
    "handout.title": {"ja": "協働ネットワーク報告", "en": "Collaboration network report"},
    "handout.index_title": {
        "ja": "協働ネットワーク報告（地区一覧）",
        "en": "Collaboration network reports (districts)",
    },
    "handout.source": {"ja": "出典", "en": "Source"},
    "handout.date": {"ja": "資料の日付", "en": "Date of the source"},
    "handout.as_of": {"ja": "{year}年時点のネットワーク", "en": "The network as of {year}"},
    "handout.all_years": {"ja": "すべての年の記録", "en": "Records of all years"},
    "handout.public": {
        "ja": "配布用: 非公開・内部の人は役割で表示し、連絡先と注記は載せていません。",
        "en": "For handing out: private and internal persons are shown by their role, without contacts or notes.",
    },
    "handout.made_by": {"ja": "kyodo-network {version} で作成", "en": "Made with kyodo-network {version}"},
    "handout.map": {"ja": "ネットワーク図", "en": "Network map"},
    "handout.map_link": {"ja": "操作できる地図を開く（{file}）", "en": "Open the interactive map ({file})"},
    "handout.bridges": {"ja": "橋渡し役（上位{n}）", "en": "Bridges (top {n})"},
    "handout.risks": {"ja": "ひとりに頼っている箇所と引き継ぎ", "en": "Key-person risks and hand-overs"},
    "handout.risk_cut_off": {"ja": "いなくなると孤立する: {names}", "en": "Cut off if they leave: {names}"},
    "handout.risk_sectors": {"ja": "切り離されるセクターの組: {pairs}", "en": "Sector pairs separated: {pairs}"},
    "handout.risk_projects": {
        "ja": "行政とのつながりを失う協働事業: {names}",
        "en": "Projects left with no link to government: {names}",
    },
    "handout.handover": {"ja": "引き継ぎで押さえること: {items}", "en": "A hand-over must cover: {items}"},
    "handout.handover_ties": {"ja": "{names}との関係（{n}件）", "en": "the relations with {names} ({n})"},
    "handout.handover_project": {
        "ja": "協働事業「{name}」の行政との窓口",
        "en": "the link to government of the project \u201c{name}\u201d",
    },
    "handout.handover_intro": {"ja": "{a}と{b}の顔つなぎ", "en": "introducing {a} and {b} to each other"},
    "handout.no_risks": {
        "ja": "ひとりがいなくなるだけで途切れる箇所はありません。",
        "en": "No single departure cuts the network.",
    },
    "handout.suggest": {"ja": "紹介の提案（上位{n}）", "en": "Suggested introductions (top {n})"},
    "handout.introducer": {"ja": "紹介役: {names}", "en": "Introduced by: {names}"},
    "handout.no_introducer": {"ja": "紹介役: 共通の相手なし", "en": "Introduced by: nobody in common"},
    "handout.none": {"ja": "ありません。", "en": "None."},
    "handout.indicators": {"ja": "地区の指標", "en": "The district's indicators"},
    "handout.compare": {"ja": "地区の比較", "en": "The districts compared"},
    "handout.indicator": {"ja": "指標", "en": "Indicator"},
    "handout.value": {"ja": "値", "en": "Value"},
    "handout.meaning": {"ja": "意味", "en": "What it means"},
    "handout.inferred": {"ja": "推定に基づくデータ", "en": "What rests on inferred data"},
    "handout.inferred_line": {
        "ja": "推定を含む記録: アクター {actors}（うち資料に名前のない推定のアクター {whole}）、関係 {relations}。",
        "en": "Records resting on a reading: {actors} actors ({whole} of them not named in the source), "
        "{relations} relations.",
    },
    "handout.inferred_actors": {"ja": "推定したアクター: {names}", "en": "Inferred actors: {names}"},
    "handout.partly_inferred_actors": {
        "ja": "資料に名前があり、一部の項目だけを推定したアクター: {items}",
        "en": "Named in the source, with some fields read in: {items}",
    },
    "handout.inferred_fields_of": {"ja": "{name}（{fields}）", "en": "{name} ({fields})"},
    "field.word.since": {"ja": "始まった年", "en": "start year"},
    "field.word.until": {"ja": "終わった年", "en": "end year"},
    "field.word.offers": {"ja": "提供できること", "en": "offers"},
    "field.word.needs": {"ja": "求めていること", "en": "needs"},
    "field.word.themes": {"ja": "テーマ", "en": "themes"},
    "field.word.role": {"ja": "役割", "en": "role"},
    "field.word.sector": {"ja": "種別", "en": "category"},
    "field.word.participants": {"ja": "参加者", "en": "participants"},
    "field.word.held_by": {"ja": "担当", "en": "held by"},
    "field.word.name_en": {"ja": "英語名", "en": "English name"},
    "field.word.contact": {"ja": "連絡先", "en": "contact"},
    "field.word.ward": {"ja": "区", "en": "ward"},
    "handout.inferred_relations": {"ja": "推定した関係: {items}", "en": "Inferred relations: {items}"},
    "handout.gaps": {"ja": "データの抜け", "en": "Gaps in the data"},
    "handout.undated": {
        "ja": "始まった年のない記録: アクター {actors}、関係 {relations}、協働事業 {projects}"
        "（年を指定した図では、どの年にもあるものとして扱われます）。",
        "en": "Records with no start year: {actors} actors, {relations} relations, {projects} projects (a map of a "
        "given year counts them as present in every year).",
    },
    "handout.undated_actors": {"ja": "年のないアクター: {names}", "en": "Undated actors: {names}"},
    "handout.isolated": {
        "ja": "孤立したアクター（つながりの記録なし）: {names}",
        "en": "Isolated actors (no tie recorded): {names}",
    },
    "handout.no_isolated": {"ja": "孤立したアクターはいません。", "en": "No actor is isolated."},
    "handout.more": {"ja": "ほか{n}件", "en": "{n} more"},
    "handout.districts": {"ja": "地区", "en": "Districts"},
    "handout.open_report": {"ja": "報告", "en": "report"},
    "handout.open_map": {"ja": "操作できる地図", "en": "interactive map"},
    "handout.print_hint": {
        "ja": "印刷: ブラウザの印刷でA4を選んでください（1地区3枚まで）。",
        "en": "To print: use the browser's Print with A4 paper (up to three sheets a district).",
    },
    "handout.pdf_needs_pango": {
        "ja": "PDFの書き出しには Pango が必要です: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
        "（Windows では --format html で書き出し、ブラウザの印刷で PDF に保存してください）。({reason})",
        "en": "Writing PDF needs Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 (on Windows write "
        "--format html and save it as PDF from the browser's Print). ({reason})",
    },
    "handout.pdf_needs_weasyprint": {
        "ja": "PDFの書き出しには WeasyPrint が必要です: pip install weasyprint",
        "en": "Writing PDF needs WeasyPrint: pip install weasyprint",
    },
    # an actor's own category word and its broad sector, inside the brackets after its name
    "handout.kind": {"ja": "{word}／{broad}", "en": "{word} / {broad}"},
}

#: One line for every indicator of the report's table and the index's comparison (``gloss.<indicator id>``, the
#: word first exactly as the table prints it, :data:`~kyodo_network.analysis.compare.INDICATORS`), read through
#: :func:`~kyodo_network.analysis.wording.glossary` like the measures' lines of :mod:`.tables` (which holds
#: ``gloss.ei_index`` and ``gloss.degree_centralisation``).
ENTRIES.update(
    {
        "gloss.actors": {
            "ja": "アクター数: 記録にある団体・個人・行政の課などの数",
            "en": "Actors: how many bodies, persons and government sections the records name",
        },
        "gloss.actors_by_sector": {
            "ja": "セクター別アクター数: セクターごとのアクターの数",
            "en": "Actors by sector: how many actors each sector has",
        },
        "gloss.relations": {
            "ja": "関係の数: 記録された関係の数（両側から書かれた同じ関係は1件）",
            "en": "Relations: the relations recorded (one written from both sides counts once)",
        },
        "gloss.ties": {
            "ja": "つながりの数: 関係か共通の協働事業で結ばれたアクターの組の数",
            "en": "Ties: pairs of actors joined by a relation or a shared project",
        },
        "gloss.projects": {"ja": "協働事業の数: 記録された協働事業の数", "en": "Projects: the projects recorded"},
        "gloss.density": {
            "ja": "密度: つながりの数を、ありうるすべての組の数で割った値（0〜1）。1 は全員が互いにつながる",
            "en": "Density: ties over all possible pairs (0–1); 1 means everyone is tied to everyone",
        },
        "gloss.components": {
            "ja": "連結成分: 互いにたどり着けるアクターのまとまりの数。1 ならネットワークはひとつ",
            "en": "Components: groups of actors that can reach each other; 1 means one network",
        },
        "gloss.isolates": {
            "ja": "孤立したアクター: つながりの記録がないアクターの数",
            "en": "Isolates: actors with no tie recorded",
        },
        "gloss.cross_sector_share": {
            "ja": "セクター横断の割合: つながりのうち、セクターの違うアクターどうしのものの割合（0〜1）",
            "en": "Cross-sector share: the share of ties between actors of different sectors (0–1)",
        },
        "gloss.avg_clustering": {
            "ja": "平均クラスタ係数: 相手どうしもつながっている割合の、全アクターの平均（Watts & Strogatz 1998、0〜1）。"
            "大きいほど仲間内で固まっている",
            "en": "Average clustering: how often an actor's partners are tied to each other, averaged over "
            "the actors (Watts & Strogatz 1998, 0–1); higher means tighter circles",
        },
        "gloss.top_bridge": {
            "ja": "最大の橋渡し役: 橋渡しスコアがいちばん高いアクター",
            "en": "Top bridge: the actor with the highest bridging score",
        },
        "gloss.top_bridge_share": {
            "ja": "橋渡し役の仲介の割合: 全員の仲介の合計のうち、最大の橋渡し役ひとりが担う割合（0〜1）。"
            "大きいほどひとりに頼っている",
            "en": "Top bridge's share: the top bridge's part of everyone's brokerage (0–1); higher means "
            "more rests on one actor",
        },
        "gloss.single_points_of_failure": {
            "ja": "単一障害点: いなくなると、だれかが孤立する、セクターの組が切れる、協働事業が行政とのつながりを失う、"
            "または団体のために持っていたつながりが途切れるアクターの数",
            "en": "Single points of failure: actors whose departure cuts someone off, separates two sectors, leaves a "
            "project with no link to government, or drops ties they hold for a body",
        },
        "gloss.formal_share": {
            "ja": "協定・委託・補助の割合: 関係のうち、協働協定・委託・補助・助成という正式な取り決めの割合（0〜1）",
            "en": "Formal share: the share of relations that are formal arrangements: agreements, "
            "commissions and subsidies (0–1)",
        },
        "gloss.first_year": {
            "ja": "最初の年: 記録に出てくるいちばん古い年",
            "en": "First year: the earliest year in the records",
        },
        "gloss.last_year": {
            "ja": "最後の年: 記録に出てくるいちばん新しい年（続いているものは資料の年まで）",
            "en": "Last year: the latest year in the records (what still runs counts up to the source's date)",
        },
        "gloss.years_active": {
            "ja": "活動年数: 最初の年から最後の年までの年数",
            "en": "Years active: from the first year to the last, both counted",
        },
    }
)
