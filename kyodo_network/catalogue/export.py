"""Words of ``kyodo export``: the headers of the node and edge tables (CSV, the workbook's 分析 sheet, Kumu's
fields), the names of the files' parts, and the command's help.

Headers are keyed ``export.col.<column>``; the column codes themselves (``betweenness``, ``since`` …) are what
the GraphML, GEXF and JSON files carry, so an analyst's script never depends on the language.
"""

_COLUMNS = {
    # nodes
    "id": ("識別子", "ID"),
    "label": ("表示名", "Label"),
    "name": ("名前", "Name"),
    "name_en": ("英語名", "Name (English)"),
    "sector": ("セクター", "Sector"),
    "category": ("種別", "Category"),
    "sector_name": ("セクター名", "Sector name"),
    "sector_name_en": ("セクター名（英語）", "Sector name (English)"),
    "colour": ("色", "Colour"),
    "r": ("赤", "Red"),
    "g": ("緑", "Green"),
    "b": ("青", "Blue"),
    "x": ("横位置", "x"),
    "y": ("縦位置", "y"),
    "size": ("大きさ", "Size"),
    "role": ("役割", "Role"),
    "role_en": ("役割（英語）", "Role (English)"),
    "themes": ("テーマ", "Themes"),
    "offers": ("提供できること", "Offers"),
    "needs": ("求めていること", "Needs"),
    "since": ("開始年", "Since"),
    "until": ("終了年", "Until"),
    "visibility": ("公開範囲", "Visibility"),
    "contact": ("連絡先", "Contact"),
    "ward": ("区", "Ward"),
    "ward_en": ("区（英語）", "Ward (English)"),
    "district": ("地区", "District"),
    "cite": ("出典", "Source"),
    "inferred": ("推定", "Inferred"),
    "note": ("メモ", "Note"),
    "origin": ("記載場所", "Origin"),
    "projects": ("協働事業", "Projects"),
    "score": ("橋渡しスコア", "Bridging score"),
    "betweenness": ("媒介中心性", "Betweenness"),
    "articulation": ("切断点", "Cut point"),
    "cut_off": ("いなくなると孤立する数", "Cut off if this actor leaves"),
    "constraint": ("制約度", "Constraint"),
    "effective_size": ("実効規模", "Effective size"),
    "brokerage": ("仲介（合計）", "Brokerage (total)"),
    "brokerage_coordinator": ("仲介：内部調整", "Brokerage: coordinator"),
    "brokerage_itinerant": ("仲介：外部仲介", "Brokerage: itinerant"),
    "brokerage_representative": ("仲介：代表", "Brokerage: representative"),
    "brokerage_gatekeeper": ("仲介：門番", "Brokerage: gatekeeper"),
    "brokerage_boundary": ("仲介：境界", "Brokerage: boundary"),
    "brokerage_liaison": ("仲介：連絡", "Brokerage: liaison"),
    # edges
    "source": ("一方（識別子）", "Source (ID)"),
    "target": ("もう一方（識別子）", "Target (ID)"),
    "source_name": ("一方", "Source"),
    "target_name": ("もう一方", "Target"),
    "weight": ("強さ", "Strength"),
    "types": ("種類", "Types (ids)"),
    "relations": ("関係の数", "Relations"),
    "directed": ("向きあり", "Directed"),
    "project_names": ("協働事業名", "Project names"),
    "cross_sector": ("セクターをまたぐ", "Cross-sector"),
}

_EXAMPLES = """
\b
{examples}
  kyodo export nippa -o nippa.graphml
  kyodo export nippa --format gexf -o exports/
  kyodo export nippa akuwa-north --lang en -o both.csv
  kyodo export nippa --public -o nippa-public.kumu.json
  kyodo export nippa -o nippa-copy.xlsx
"""

ENTRIES = {f"export.col.{code}": {"ja": ja, "en": en} for code, (ja, en) in _COLUMNS.items()}

ENTRIES |= {
    "export.shared-project": {"ja": "同じ協働事業", "en": "Shared project"},
    "export.list-separator": {"ja": "、", "en": ", "},
    "export.analysis-sheet": {"ja": "分析", "en": "Analysis"},
    "export.analysis-note": {
        "ja": "このシートは読み込まれません。数値は書き出した時点のネットワークから計算したものです"
        "（橋渡しスコア・媒介中心性 Freeman 1977・制約度と実効規模 Burt 1992・仲介 Gould & Fernandez 1989）。",
        "en": "This sheet is not read back. The numbers were computed on the network as exported (bridging "
        "score, betweenness Freeman 1977, constraint and effective size Burt 1992, brokerage Gould & "
        "Fernandez 1989).",
    },
    "cli.export.help": {
        "ja": "ネットワークを Gephi・Kumu・Excel・networkx 向けに書き出す。\n\n"
        "形式は --format か -o の拡張子（.graphml .gexf .json .csv .xlsx .kumu.json）で決まります。"
        "CASE を複数与えると1つのネットワークとして書き出します。どの形式にも分析の列（橋渡しスコア・"
        "媒介中心性・切断点・制約度・実効規模・仲介）が付きます。gexf は年を spell として持つので Gephi の"
        "タイムラインで歴史をたどれます。xlsx は kyodo template の形で、そのまま CASE として読み戻せます。"
        "csv はノード表と関係表の2つ（UTF-8、BOM 付き）。書き出したパスを1行ずつ表示します。\n"
        + _EXAMPLES.format(examples="例:"),
        "en": "Export the network for Gephi, Kumu, Excel or networkx.\n\n"
        "The format is --format or the suffix of -o (.graphml .gexf .json .csv .xlsx .kumu.json). Several "
        "CASEs are exported as one network. Every format carries the analysis columns (bridging score, "
        "betweenness, cut point, constraint, effective size, brokerage). The gexf keeps the years as spells, "
        "so Gephi's timeline plays the network's history. The xlsx is in kyodo template's layout and reads "
        "back as a CASE. csv writes two tables, nodes and edges (UTF-8 with BOM). The paths written are "
        "printed, one per line.\n" + _EXAMPLES.format(examples="Example:"),
    },
    "opt.export.output": {
        "ja": "書き出すファイル（必須）。フォルダ/ ならその中に。csv は name.csv で name-nodes.csv と name-edges.csv に。",
        "en": "File to write (required); a folder/ to write inside it. For csv, name.csv gives name-nodes.csv and "
        "name-edges.csv.",
    },
    "opt.export.format": {
        "ja": "形式。省略すると -o の拡張子から。",
        "en": "Format; taken from the suffix of -o when left out.",
    },
    "export.no-format": {
        "ja": "{path} の拡張子から形式がわかりません。--format graphml|gexf|json|csv|xlsx|kumu を付けてください",
        "en": "cannot tell the format from {path}; add --format graphml|gexf|json|csv|xlsx|kumu",
    },
    "export.format-mismatch": {
        "ja": "--format {fmt} はファイル名 {path} と合いません",
        "en": "--format {fmt} does not match the file name {path}",
    },
    "export.folder-needs-format": {
        "ja": "-o がフォルダ（{path}）のときは --format を付けてください",
        "en": "-o is a folder ({path}); add --format",
    },
    "export.actors-only": {
        "ja": "書き出せるのはアクターのネットワーク（無向）です",
        "en": "only the undirected actor network can be exported",
    },
}
