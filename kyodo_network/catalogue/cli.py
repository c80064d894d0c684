"""The CLI's words: every command's help (``cli.<command>.help``), every option's help (``opt.…``), the words of
click's help pages and usage errors (``click.…``) and the CLI's own lines (``cli.…``).

A command's help is its summary line, a paragraph or two, and an ``Examples:`` block (``\\b`` keeps click from
rewrapping it); the examples are the same in both languages and each one is run by ``tests/test_help_examples.py``.
"""

_EX_DATASETS = """
\b
{examples}
  kyodo datasets
  kyodo datasets --format csv > cases.csv
"""
_EX_VALIDATE = """
\b
{examples}
  kyodo validate datasets/*.yaml
  kyodo validate my-district.yaml
"""
_EX_INFO = """
\b
{examples}
  kyodo info dream-heights
  kyodo info nippa --year 2005 --lang en
"""
_EX_BRIDGES = """
\b
{examples}
  kyodo bridges nippa
  kyodo bridges dream-heights --lang en --top 5
  kyodo bridges nippa --directed --format json > nippa-bridges.json
"""
_EX_COORDINATORS = """
\b
{examples}
  kyodo coordinators nippa
  kyodo coordinators akuwa-north --lang en --format csv > coordinators.csv
"""
_EX_WHATIF = """
\b
{examples}
  kyodo whatif nippa --remove coordinator-s
  kyodo whatif akuwa-north --remove seya-section-chief-f --remove seya-support-team --lang en
"""
_EX_RISKS = """
\b
{examples}
  kyodo risks akuwa-north
  kyodo risks --top 10 --format csv > risks.csv
"""
_EX_SUGGEST = """
\b
{examples}
  kyodo suggest nippa
  kyodo suggest dream-heights --for dream-heights-jishu-hoiku --lang en
  kyodo suggest --for konandai-juku
  kyodo suggest --cross-sector-only --top 20 --format csv > introductions.csv
"""
_EX_COMPARE = """
\b
{examples}
  kyodo compare
  kyodo compare konandai-playpark nippa dream-heights --chart districts.png
  kyodo compare --format csv > districts.csv
  kyodo compare --lang en --chart districts.html
"""
_EX_DIFF = """
\b
{examples}
  kyodo diff dream-heights --from 2005 --to 2007
  kyodo diff konandai-playpark --from 2004 --to 2006 --lang en
  kyodo diff nippa --from 1999 --to 2008 --format csv > nippa-change.csv
"""
_EX_MAP = """
\b
{examples}
  kyodo map nippa
  kyodo map dream-heights --format png --paper a3
  kyodo map nippa --focus coordinator-s --depth 2 --public -o handout.html
  kyodo map akuwa-north --view projects --lang both
  kyodo map -o maps/
"""
_EX_GROUP = """
\b
{examples}
  kyodo datasets
  kyodo validate my-district.yaml
  kyodo info dream-heights
"""

ENTRIES = {
    # --- the group and the commands ------------------------------------------------------------------------
    "cli.kyodo.help": {
        "ja": "kyodo-network: 地域で誰と誰が協働しているかを地図にする（協働のネットワーク）。\n\n"
        "事例データは YAML ファイル（形式 kyodo-case/1、datasets/README.md を参照）です。CASE には同梱の事例の id"
        "（`kyodo datasets` で一覧）か、自分のファイルのパスを指定します。CASE を省くと同梱のすべての事例を使います。"
        "表示の言語は --lang ja|en（既定は日本語）か環境変数 KYODO_LANG で選べます。\n"
        + _EX_GROUP.format(examples="例:"),
        "en": "kyodo-network: map who works with whom in a neighbourhood (協働のネットワーク).\n\n"
        "Case data are YAML files (format kyodo-case/1, see datasets/README.md). Wherever a command takes CASE, "
        "give a bundled case id (see `kyodo datasets`) or a path to your own file; with no CASE, all bundled "
        "cases are used. Choose the language with --lang ja|en (Japanese by default) or KYODO_LANG.\n"
        + _EX_GROUP.format(examples="Example:"),
    },
    "cli.datasets.help": {
        "ja": "同梱の事例を1行ずつ一覧にする。\n" + _EX_DATASETS.format(examples="例:"),
        "en": "List the bundled cases, one line each.\n" + _EX_DATASETS.format(examples="Example:"),
    },
    "cli.validate.help": {
        "ja": "事例ファイルを検査し、問題をすべて「ファイル:行:列: 内容 (コード)」の形で示す。\n\n"
        "一緒に指定したファイルはまとめて検査します。2つのファイルに同じアクター id があれば、同じ内容で"
        "書かれている必要があります。すべて正しければ終了コード 0、問題があれば 1 で終わります。\n"
        + _EX_VALIDATE.format(examples="例:"),
        "en": "Check case files; list every problem as file:line:column: message (code).\n\n"
        "Files named together are checked together: an actor id that appears in two of them must be described "
        "the same way. Exits 0 when all files are valid, 1 otherwise.\n" + _EX_VALIDATE.format(examples="Example:"),
    },
    "cli.info.help": {
        "ja": "事例の概要を示す: セクター別のアクター数、種類別の関係の数、対象の年、連結成分。\n\n"
        "CASE ごとに別々にまとめます。\n" + _EX_INFO.format(examples="例:"),
        "en": "Summarise cases: actors by sector, relations by type, years covered, components.\n\n"
        "Each CASE is summarised on its own.\n" + _EX_INFO.format(examples="Example:"),
    },
    "cli.bridges.help": {
        "ja": "グループやセクターを橋渡ししている度合いでアクターを順位づけし、根拠を示す。\n\n"
        "列: 媒介中心性（Freeman、正規化）、切断点かどうかと、その人だけがつないでいるアクターの数、Burt の制約度と"
        "実効規模、セクターをまたぐ Gould–Fernandez の仲介、そして理由を述べる一文。CASE はすべてひとつの"
        "ネットワークとして分析します。\n" + _EX_BRIDGES.format(examples="例:"),
        "en": "Rank actors by how much they bridge groups and sectors, with the evidence.\n\n"
        "Columns: betweenness (Freeman, normalised), articulation point and how many actors it alone connects "
        "(cut off), Burt's constraint and effective size, Gould–Fernandez brokerage over sectors, and a sentence "
        "saying why. All CASEs are analysed as one network.\n" + _EX_BRIDGES.format(examples="Example:"),
    },
    "cli.coordinators.help": {
        "ja": "コーディネーターを見つける: セクターをまたぐ仲介が最も多いアクター（個人を先に）。\n\n"
        "それぞれについて、直接のつながりも他の共通の相手もない、異なるセクターの相手どうしの組を示します。"
        "「*」は他に経路がまったくない組です。\n" + _EX_COORDINATORS.format(examples="例:"),
        "en": "Find the coordinators: actors (persons first) whose brokerage crosses sectors most.\n\n"
        "For each, the pairs of partners from different sectors that have no tie of their own and no other "
        'partner in common; "*" marks pairs with no other route at all.\n'
        + _EX_COORDINATORS.format(examples="Example:"),
    },
    "cli.whatif.help": {
        "ja": "アクターがいなくなると何が途切れるかを示す: 連結成分、孤立する相手、関係、セクター、協働事業。\n"
        + _EX_WHATIF.format(examples="例:"),
        "en": "Show what breaks if actors leave: components, actors cut off, relations, sectors, projects.\n"
        + _EX_WHATIF.format(examples="Example:"),
    },
    "cli.risks.help": {
        "ja": "ひとりに頼っている箇所を順位づけし、異動の前に引き継ぎを計画できるようにする。\n\n"
        "その人がいなくなるだけで誰かが孤立する、2つのセクターが切り離される、または協働事業が行政との"
        "つながりを失うアクターを、影響の大きい順に示します。\n" + _EX_RISKS.format(examples="例:"),
        "en": "Rank single points of failure, so a hand-over can be planned before a 異動 (transfer).\n\n"
        "Lists each actor whose departure alone cuts others off, separates two sectors, or leaves a project "
        "with no link to a government body; worst first.\n" + _EX_RISKS.format(examples="Example:"),
    },
    "cli.suggest.help": {
        "ja": "誰と誰を引き合わせるとよいか、誰が紹介できるか、その理由を提案する。\n\n"
        "まだ関係のない組を、共通の相手（Adamic–Adar）、共通のテーマ、一方が提供できるものを他方が求めていること、"
        "セクターをまたぐこと、ひとりだけがつないでいる所にもう一つのつながりができること、同じ区であることで順位づけ"
        "します。紹介役は共通の相手（よい順）で、いなければその区の市民活動支援センターです。CASE はすべて"
        "ひとつのネットワークとして分析します。\n" + _EX_SUGGEST.format(examples="例:"),
        "en": "Suggest who should meet whom, who can introduce them, and why.\n\n"
        "Pairs not yet related are ranked by partners in common (Adamic–Adar), shared themes, one offering what "
        "the other needs, crossing sectors, giving a second connection where one actor alone links them, and "
        "being in the same ward. Introducers are the partners in common, best first; with none, the ward's "
        "civic activity support centre. All CASEs are analysed as one network.\n"
        + _EX_SUGGEST.format(examples="Example:"),
    },
    "cli.compare.help": {
        "ja": "地区を同じ指標で並べて比べる（CASE ごとに1列、CSV では1行）。\n\n"
        "指標: セクター別のアクター数、関係、つながり、協働事業、密度、連結成分、孤立、セクターをまたぐ"
        "つながりの割合、E–I指数、平均クラスタ係数、次数中心化、最大の橋渡し役とその仲介の割合、ひとりに"
        "頼っている箇所、公式な関係の割合、活動年数（README を参照）。CASE はそれぞれ別の地区です。CASE を"
        "省くと同梱のすべての事例を比べます。\n" + _EX_COMPARE.format(examples="例:"),
        "en": "Compare districts side by side on the same indicators, one column (or row) per CASE.\n\n"
        "Indicators: actors by sector, relations, ties, projects, density, components, isolates, share of ties "
        "crossing sectors, E–I index, average clustering, degree centralisation, the top bridge and its share "
        "of brokerage, single points of failure, share of formal relations, years active (see the README). "
        "Each CASE is its own district; with no CASE, every bundled case.\n" + _EX_COMPARE.format(examples="Example:"),
    },
    "cli.diff.help": {
        "ja": "2つの年の間、または同じ地区の2つのファイル（去年の一覧と今年の一覧、会議の前と後）の間で何が変わったかを"
        "示す: 増えた・減ったアクター、関係、協働事業と、各指標の変化。CASE 1つと --from・--to で年を、CASE 2つ（前・後）"
        "でファイルを比べます。アクターは id（名前から作った id を含む）で同じものとみなします。\n"
        + _EX_DIFF.format(examples="例:"),
        "en": "Show what changed between two years, or between two files of one district (last year's list and this "
        "year's, before and after tonight): actors, relations and projects gained and lost, and each indicator. "
        "One CASE with --from and --to compares years; two CASEs (before, after) compare files, an actor being "
        "the same one when its id is (ids made from names included).\n" + _EX_DIFF.format(examples="Example:"),
    },
    "cli.map.help": {
        "ja": "会議で使う地図を描く: インターネットなしで開ける1つの HTML ファイル、または印刷用の画像。\n\n"
        "アクターはセクターで色分けし、橋渡しスコアで大きさを変えます。★ はつなぎ役（ほかに共通の相手がいない組をつなぐ）、太い枠は"
        "いなくなると孤立する相手がいるアクターです。つながりの線は関係の種類で描き分けます。アクターを"
        "クリックすると詳細と周りのつながりを表示し、名前で検索し、セクターで絞り込めます。CASE はすべて"
        "ひとつのネットワークとして描きます。CASE を省くと、同梱の事例ごと（yokohama-city の名簿を除く）の"
        "地図と index.html を outputs/ か -o のフォルダに書き出します。書き出したパスを1行ずつ表示します。\n"
        + _EX_MAP.format(examples="例:"),
        "en": "Draw a meeting map: one self-contained HTML file (no internet needed) or a printable image.\n\n"
        "Actors are coloured by sector and sized by bridging score; ★ marks the sole link between partners, a thick ring the "
        "actors whose departure cuts others off; ties are styled by relation type. Click an actor for its "
        "details and neighbours; search by name; filter by sector. All CASEs are drawn as one network. With no "
        "CASE, one map per bundled case (all but the yokohama-city directory) and an index.html go into "
        "outputs/ or the -o folder. The paths written are printed, one per line.\n"
        + _EX_MAP.format(examples="Example:"),
    },
    # --- options shared by several commands ------------------------------------------------------------------
    "opt.help": {"ja": "このヘルプを表示して終了する。", "en": "Show this message and exit."},
    "opt.version": {"ja": "バージョンを表示して終了する。", "en": "Show the version and exit."},
    "opt.format": {
        "ja": "出力の形式（csv は Excel で開けます: BOM 付き UTF-8）。",
        "en": "Output format (csv opens in Excel: UTF-8 with BOM).",
    },
    "opt.lang": {
        "ja": "表示の言語（既定: ja。環境変数 KYODO_LANG でも指定できます）。",
        "en": "Language of everything shown (default: ja; KYODO_LANG sets it too).",
    },
    "opt.year": {
        "ja": "この年の時点のネットワークを分析する（例: 2008）。",
        "en": "Analyse the network as it stood in this year (e.g. 2008).",
    },
    "opt.top": {"ja": "上位 N 件だけ示す（0: すべて）。", "en": "Show the first N (0: all)."},
    "opt.info.actors": {
        "ja": "アクターを1行ずつ一覧にする（ID・名前・セクター・つながりの数）。--remove・--focus・--for には ID か名前を指定します。",
        "en": "List every actor, one a line (id, name, sector, ties); --remove, --focus and --for take the id or the name.",
    },
    "opt.progress.quiet": {"ja": "進み具合の表示（標準エラー出力）を出さない。", "en": "No progress bar on stderr."},
    "opt.quiet": {"ja": "問題だけを表示する。", "en": "Print only problems."},
    # --- options of one command -----------------------------------------------------------------------------
    "opt.bridges.directed": {
        "ja": "関係の向きを使う: Gould–Fernandez の5つの役割すべて。",
        "en": "Use relation directions: all five Gould–Fernandez roles.",
    },
    "opt.whatif.remove": {
        "ja": "いなくなるアクターの id（複数なら繰り返す）。",
        "en": "Actor id that leaves (repeat for several).",
    },
    "opt.suggest.for": {"ja": "このアクターへの紹介だけを示す。", "en": "Only introductions for this actor."},
    "opt.suggest.cross_sector_only": {
        "ja": "異なるセクターの組だけ（垣根を越える）。",
        "en": "Only pairs from different sectors (垣根を越える).",
    },
    "opt.compare.chart": {
        "ja": "スライド用の比較図も描く: .png、.svg、.html で終わる PATH。",
        "en": "Also draw the comparison for a slide: PATH ending in .png, .svg or .html.",
    },
    "opt.diff.from": {"ja": "前の年。", "en": "The earlier year."},
    "opt.diff.to": {"ja": "後の年。", "en": "The later year."},
    "opt.map.output": {
        "ja": "書き出すファイル（フォルダなら既定の名前でその中に）。既定: outputs/<事例>.<形式>。CASE を省いたときは"
        "すべての地図を入れるフォルダ。",
        "en": "File to write (a folder: the default name inside it). Default: outputs/<case>.<format>; with no "
        "CASE, the folder for all maps.",
    },
    "opt.map.format": {
        "ja": "html: 操作できる地図、オフラインで開ける（既定、または -o の拡張子から）。png/svg/pdf: 印刷用。",
        "en": "html: interactive, works offline (default, or taken from the -o suffix); png/svg/pdf: for print.",
    },
    "opt.map.paper": {"ja": "png/svg/pdf の用紙の大きさ（横向き）。", "en": "Paper size of png/svg/pdf (landscape)."},
    "opt.map.lang": {
        "ja": "ラベルの言語。both: 「日本語 / English」（既定: ja。KYODO_LANG でも指定できます）。",
        "en": "Language of labels; both: 「日本語 / English」 (default: ja; KYODO_LANG sets it too).",
    },
    "opt.map.focus": {
        "ja": "このアクター（または協働事業）とその周りだけを描く。",
        "en": "Draw only this actor (or project) and its neighbourhood.",
    },
    "opt.map.depth": {
        "ja": "--focus と一緒に: 何ステップ先まで描くか（既定 1）。",
        "en": "With --focus: how many steps out to draw (default 1).",
    },
    "opt.map.sector": {
        "ja": "このセクターのアクターだけを描く（複数なら繰り返す）。",
        "en": "Draw only actors of this sector (repeat for several).",
    },
    "opt.map.view": {
        "ja": "actors: 誰と誰が協働しているか。projects: アクターと参加している協働事業。",
        "en": "actors: who works with whom; projects: actors and the projects (協働事業) they take part in.",
    },
    "opt.public": {
        "ja": "配布用: 非公開・内部の人は役割で表示し、その連絡先とすべての注記を載せない。",
        "en": "For handing out: private and internal persons shown by role, without their contacts "
        "and without any notes.",
    },
    "opt.map.public": {
        "ja": "配布用: 個人は役割で表示し、連絡先と注記は載せない。",
        "en": "For handing out: private persons shown by their role, no contact details or notes.",
    },
    # --- the words of click's help pages and usage errors ----------------------------------------------------
    "click.usage": {"ja": "使い方: ", "en": "Usage: "},
    "click.metavar.[OPTIONS]": {"ja": "[オプション]", "en": "[OPTIONS]"},
    "click.metavar.COMMAND [ARGS]...": {"ja": "コマンド [引数]...", "en": "COMMAND [ARGS]..."},
    "click.options": {"ja": "オプション", "en": "Options"},
    "click.commands": {"ja": "コマンド", "en": "Commands"},
    "click.default": {"ja": "既定: {default}", "en": "default: {default}"},
    "click.required": {"ja": "必須", "en": "required"},
    "click.try_help": {"ja": "'{command} {option}' で使い方を表示します。", "en": "Try '{command} {option}' for help."},
    "click.no_such_option": {"ja": "{name} というオプションはありません。", "en": "No such option: {name}"},
    "click.no_such_command": {"ja": "{name} というコマンドはありません。", "en": "No such command '{name}'."},
    "click.missing.argument": {"ja": "{param} を指定してください。", "en": "Missing argument {param}."},
    "click.missing.option": {"ja": "{param} を指定してください。", "en": "Missing option {param}."},
    "click.missing.parameter": {"ja": "{param} を指定してください。", "en": "Missing parameter {param}."},
    "click.bad_value": {
        "ja": "{param} の値が正しくありません: {message}",
        "en": "Invalid value for {param}: {message}",
    },
    "click.bad_year": {
        "ja": "'{value}' は年として読めません。2013、平成25、R2 のように書いてください。",
        "en": "'{value}' is not a year; write it like 2013, 平成25 or R2.",
    },
    "click.bad_count": {
        "ja": "'{value}' は {minimum} 以上の整数ではありません。",
        "en": "'{value}' is not a whole number of {minimum} or more.",
    },
    "click.bad_choice": {
        "ja": "'{value}' は使えません。{choices} のどれかを指定してください。",
        "en": "'{value}' is not one of {choices}.",
    },
    "click.did_you_mean": {"ja": "もしかして: {choice}", "en": " Did you mean {choice}?"},
    "click.aborted": {"ja": "中止しました。", "en": "Aborted!"},
    # --- the CLI's own lines ---------------------------------------------------------------------------------
    "cli.error": {"ja": "エラー: {message}", "en": "Error: {message}"},
    "cli.problems_found.one": {"ja": "{n} 件の問題が見つかりました。", "en": "{n} problem found."},
    "cli.problems_found.many": {"ja": "{n} 件の問題が見つかりました。", "en": "{n} problems found."},
    "cli.problems_nothing_written.one": {
        "ja": "{n} 件の問題が見つかりました。何も書き出していません。",
        "en": "{n} problem found; nothing was written.",
    },
    "cli.problems_nothing_written.many": {
        "ja": "{n} 件の問題が見つかりました。何も書き出していません。",
        "en": "{n} problems found; nothing was written.",
    },
    "cli.valid_file": {
        "ja": "ok  {path}: アクター {actors}、関係 {relations}、協働事業 {projects}",
        "en": "ok  {path}: {actors} actors, {relations} relations, {projects} projects",
    },
    "cli.wrote": {"ja": "書き出しました: {path}", "en": "wrote {path}"},
    "cli.no_suggestions": {"ja": "提案できる紹介はありません。", "en": "No introductions to suggest."},
    "cli.option_hint": {"ja": "{flag}: {message}", "en": "{flag}: {message}"},
    "cli.list_sep": {"ja": "、", "en": ", "},
    "cli.diff.years_reversed": {
        "ja": "--from {year_from} が --to {year_to} より後です。前の年を先に指定してください",
        "en": "--from {year_from} is after --to {year_to}; give the earlier year first",
    },
    "cli.map.depth_needs_focus": {"ja": "--depth は --focus と一緒に使います", "en": "--depth needs --focus"},
    "cli.map.focus_needs_case": {"ja": "--focus には CASE が必要です", "en": "--focus needs a CASE"},
    "cli.map.format_mismatch": {
        "ja": "--format {fmt} がファイル名 {name} と合いません",
        "en": "--format {fmt} does not match the file name {name}",
    },
    "cli.map.output_is_file": {
        "ja": "CASE を省いたときは -o にフォルダを指定します。{path} はファイルです",
        "en": "with no CASE, -o names a folder; {path} is a file",
    },
    "cli.compare.chart_suffix": {
        "ja": "'{path}' は {suffixes} のどれかで終わる名前にしてください",
        "en": "'{path}' should end in {suffixes}",
    },
    # --- an empty network, and where to look at what was written (issue 20) ------------------------------------
    "cli.empty.no_actors": {
        "ja": "アクターがまだありません。{what_to_do}",
        "en": "There are no actors yet. {what_to_do}",
    },
    "cli.empty.fill_sheet": {
        "ja": "{path} の「アクター」シートに団体や人を1行ずつ記入してください。",
        "en": "Add groups and people, one per row, to the Actors (アクター) sheet of {path}.",
    },
    "cli.empty.fill_yaml": {
        "ja": "{path} の actors: に団体や人を書き加えてください。",
        "en": "Add groups and people under actors: in {path}.",
    },
    "cli.empty.fill_case": {"ja": "{path} に団体や人を書き加えてください。", "en": "Add groups and people to {path}."},
    "cli.empty.no_actors_in_year": {
        "ja": "{year}年の時点のアクターはいません。--year を変えるか外してください。",
        "en": "There are no actors as of {year}. Change --year or leave it out.",
    },
    "cli.open_in_browser": {"ja": "ブラウザで開いてください: {path}", "en": "Open it in a browser: {path}"},
}
