"""The words of ``kyodo match`` (マッチングの場), ``kyodo seating`` (交流会の席) and ``kyodo departments`` (はざま
and the way in), with the report's はざま section: sentences, table headers, help and messages.
"""

_EX_MATCH = """
\b
{examples}
  kyodo match kodomo-fudo konandai-playpark
  kyodo match --top 5 --lang en
  kyodo match nippa --for nippa-council --format csv > matches.csv
"""
_EX_SEATING = """
\b
{examples}
  kyodo seating nippa --tables 2
  kyodo seating nippa --tables 3 --rounds 2 --format xlsx -o outputs/
"""
_EX_DEPARTMENTS = """
\b
{examples}
  kyodo departments kodomo-fudo
  kyodo departments akuwa-north --theme 見守り --lang en
"""

ENTRIES = {
    # --- kyodo match: sentences -----------------------------------------------------------------------------------
    "match.offers": {
        "ja": "{giver}は{taker}が求める{items}を提供でき",
        "en": "{giver} can offer what {taker} needs ({items})",
    },
    "match.and": {"ja": "、", "en": ", and "},
    "match.both_ways": {"ja": "双方にメリット：{offers}ます。", "en": "Both sides gain: {offers}."},
    "match.one_way": {"ja": "{offers}ます。", "en": "{offers}."},
    "match.words_written": {"ja": "{item}（「{offered}」→「{needed}」）", "en": "{item} ('{offered}' → '{needed}')"},
    "match.tied": {"ja": "すでに関係があります（{ties}）。", "en": " They are already tied ({ties})."},
    "match.tie.project": {"ja": "同じ協働事業", "en": "a shared project"},
    "match.introducer": {"ja": "紹介役: {names}。", "en": " Introducer: {names}."},
    "match.ask_at": {
        "ja": "共通の相手はまだいません（相談先: {names}）。",
        "en": " They have no partner in common yet (where to ask: {names}).",
    },
    "match.no_one": {"ja": "共通の相手はまだいません。", "en": " They have no partner in common yet."},
    "match.kind.both_ways": {"ja": "双方にメリット", "en": "both ways"},
    "match.kind.one_way": {"ja": "一方向", "en": "one way"},
    "match.none": {
        "ja": "提供できることと求めていることが合う組はありませんでした。",
        "en": "No actor offers what another needs.",
    },
    # --- the words file -------------------------------------------------------------------------------------------
    "match.words.not_mapping": {
        "ja": "ことばのファイルは「グループ名: [ことば, …]」の対応表にしてください",
        "en": "a words file is a mapping of group name: [word, …]",
    },
    "match.words.format": {
        "ja": "format が「{value}」です。「{format}」にするか、行を消してください",
        "en": "format is '{value}'; write '{format}' or drop the line",
    },
    "match.words.bad_name": {
        "ja": "グループ名「{name}」は文字で書いてください",
        "en": "group name '{name}' should be text",
    },
    "match.words.unknown_key": {
        "ja": "グループ「{group}」の「{keys}」は知らない項目です（words と name_en が使えます）",
        "en": "group '{group}' has unknown keys {keys} (use words and name_en)",
    },
    "match.words.not_list": {
        "ja": "グループ「{group}」のことばを [会場, 集会所] のように並べてください",
        "en": "list the words of group '{group}' as [word, word]",
    },
    "match.words.bad_word": {
        "ja": "グループ「{group}」の「{word}」は文字で書いてください",
        "en": "word '{word}' of group '{group}' should be text",
    },
    "match.words.unreadable": {"ja": "ファイルを読めません: {reason}", "en": "cannot read the file: {reason}"},
    "match.words.encoding": {"ja": "UTF-8 で保存してください", "en": "save the file as UTF-8"},
    "match.words.yaml": {"ja": "YAMLの書き方に誤りがあります: {detail}", "en": "YAML syntax error: {detail}"},
    # --- kyodo match: help and columns ----------------------------------------------------------------------------
    "cli.match.help": {
        "ja": "提供できることと求めていることを意味で突き合わせ、双方にメリットがある組から示す。\n\n"
        "「会場」を求める団体と「集会所」を貸せる団体のように、ことばが違っても意味が同じなら合わせます"
        "（「会場が足りない」のような文も中のことばで読みます。「特になし」は求めていないことにします）。"
        "互いに相手の求めるものを提供できる組（双方にメリット）を先に、次に一方向の組を示し、すでに関係が"
        "あるか、誰が紹介できるか、どこに相談できるかを添えます。--words で自分のことばを足せます。\n"
        + _EX_MATCH.format(examples="例:"),
        "en": "Match what actors offer with what others need, by meaning, both-way pairs first.\n\n"
        "A group needing a venue (会場) meets one that lends a meeting hall (集会所): words are compared by "
        "meaning, a sentence such as 「会場が足りない」 by the words in it, and 「特になし」 (nothing in "
        "particular) is no need. Pairs in which each offers what the other needs come first (both sides "
        "gain), then one-way pairs, each with whether they are already tied, who can introduce them or where "
        "to ask. --words adds your own words.\n" + _EX_MATCH.format(examples="Example:"),
    },
    "opt.match.for": {"ja": "このアクターとの組だけを示す。", "en": "Only pairs with this actor."},
    "opt.match.words": {
        "ja": "自分のことばを足す YAML ファイル（書き方は README の「マッチングの場」）。",
        "en": "A YAML file of your own words (format: README, 'matching').",
    },
    "col.match.kind": {"ja": "種類", "en": "kind"},
    "col.match.a_short": {"ja": "アクター", "en": "actor"},
    "col.match.b_short": {"ja": "相手", "en": "partner"},
    "col.match.items": {"ja": "合うもの", "en": "what matches"},
    "col.match.known": {"ja": "関係・紹介役", "en": "tie or introducer"},
    "col.match.a": {"ja": "アクターの識別子", "en": "a"},
    "col.match.a_name": {"ja": "アクター", "en": "a_name"},
    "col.match.b": {"ja": "相手の識別子", "en": "b"},
    "col.match.b_name": {"ja": "相手", "en": "b_name"},
    "col.match.a_gives": {"ja": "アクターが提供できるもの", "en": "a_gives"},
    "col.match.b_gives": {"ja": "相手が提供できるもの", "en": "b_gives"},
    "col.match.tied": {"ja": "すでに関係あり", "en": "tied"},
    "col.match.introducers": {"ja": "紹介役", "en": "introducers"},
    "col.match.ask_at": {"ja": "相談先", "en": "ask_at"},
    "col.match.reason": {"ja": "理由", "en": "reason"},
    "col.match.reasons_ja": {"ja": "理由（日本語）", "en": "reasons_ja"},
    "col.match.reasons_en": {"ja": "理由（英語）", "en": "reasons_en"},
    # --- kyodo seating: messages -----------------------------------------------------------------------------------
    "seating.bad_counts": {
        "ja": "テーブルの数（--tables）か1テーブルの人数（--size）を1以上で指定してください",
        "en": "give the number of tables (--tables) or people a table (--size), 1 or more",
    },
    "seating.too_many": {
        "ja": "{n}人は{tables}テーブル×{size}人に座れません。--tables か --size を増やしてください",
        "en": "{n} people do not fit at {tables} tables of {size}; raise --tables or --size",
    },
    "seating.not_attending": {
        "ja": "「{name}」は参加者の一覧にいません",
        "en": "'{name}' is not on the list of attendees",
    },
    "seating.no_such_table": {
        "ja": "テーブル{table}はありません（1〜{tables}）",
        "en": "there is no table {table} (1 to {tables})",
    },
    "seating.together_and_apart": {
        "ja": "同じ組が --together と --apart の両方にあります",
        "en": "a pair is both in --together and in --apart",
    },
    "seating.infeasible": {
        "ja": "ホスト・--together・--apart・テーブルの人数をすべて満たす席はありません",
        "en": "no seating meets every host, --together, --apart and table size at once",
    },
    "seating.no_plan": {
        "ja": "{seconds}秒のうちに席が決まりませんでした。--time-limit を延ばしてください",
        "en": "no seating was found in {seconds} s; allow more with --time-limit",
    },
    "seating.no_attendees": {"ja": "参加者の一覧に名前がありません", "en": "the list of attendees holds no name"},
    "seating.bad_host": {
        "ja": "--host は「名前:テーブル番号」で書いてください（いまは「{value}」）",
        "en": "write --host as NAME:TABLE (got '{value}')",
    },
    "seating.bad_pair": {
        "ja": "{option} は「名前,名前」で書いてください（いまは「{value}」）",
        "en": "write {option} as NAME,NAME (got '{value}')",
    },
    "match.col.tied": {"ja": "関係あり", "en": "already tied"},
    "match.col.ask_at": {"ja": "相談先: {name}", "en": "ask: {name}"},
    "files.kind.seating": {"ja": "交流会の席", "en": "seating plan"},
    # --- kyodo seating: help -------------------------------------------------------------------------------------
    "cli.seating.help": {
        "ja": "交流会（マッチングの場）の席を決め、テーブルごとのA4シートと全体の一覧をPDFかExcelで作る。\n\n"
        "参加者の一覧（Excelの表、CSV、1行に1人のテキスト。名前はケースのアクターに合わせ、見つからない人は"
        "新しい参加者として座ってもらいます。--attendees がなければケースの全員）を、テーブルの数と人数に分けます。"
        "紹介したい組（kyodo suggest の紹介と双方にメリットのある組）を同じテーブルに、すでに知り合いの組は"
        "別のテーブルに、セクターは混ぜて座ります。ワールドカフェのように何ラウンドかする場合は、ホストは"
        "同じテーブルに残り、ほかの人は動いて、同じ人とは二度会わないようにします。計算は OR-Tools CP-SAT です。\n"
        + _EX_SEATING.format(examples="例:"),
        "en": "Seat a 交流会 (a matching evening): one A4 sheet per table and the facilitator's overview, as PDF "
        "or Excel.\n\n"
        "Attendees come from a list (an Excel sheet, CSV, or one name a line; names are matched to the case's "
        "actors, and a name not found is seated as a newcomer; without --attendees everyone in the case). "
        "Pairs worth meeting (kyodo suggest's introductions and both-way matches) sit together, people who "
        "already know each other sit apart, sectors mix. Over several rounds (World Café) hosts stay and the "
        "others move, meeting nobody twice where that can be avoided. Solved with OR-Tools CP-SAT.\n"
        + _EX_SEATING.format(examples="Example:"),
    },
    "opt.seating.attendees": {
        "ja": "参加者の一覧（.xlsx・.csv・1行に1人のテキスト）。なければケースの全員。",
        "en": "The list of attendees (.xlsx, .csv, or one name a line); default: everyone in the case.",
    },
    "opt.seating.tables": {"ja": "テーブルの数。", "en": "Number of tables."},
    "opt.seating.rounds": {
        "ja": "ラウンドの数（ワールドカフェ: ホストは残り、ほかの人は動く）。",
        "en": "Number of rounds (World Café: hosts stay, the others move).",
    },
    "opt.seating.size": {
        "ja": "1テーブルの最大人数（既定: 人数÷テーブル数、切り上げ）。",
        "en": "Most people a table (default: people ÷ tables, rounded up).",
    },
    "opt.seating.host": {
        "ja": "ホストとテーブル番号（例: 地区社協:1）。何度でも指定できます。",
        "en": "A host and their table (e.g. 地区社協:1); repeatable.",
    },
    "opt.seating.together": {
        "ja": "同じテーブルに座る2人（例: A,B）。何度でも指定できます。",
        "en": "Two people to seat at one table (A,B); repeatable.",
    },
    "opt.seating.apart": {
        "ja": "別のテーブルに座る2人（例: A,B）。何度でも指定できます。",
        "en": "Two people to seat apart (A,B); repeatable.",
    },
    "opt.seating.time_limit": {"ja": "計算にかける最大の秒数。", "en": "Most seconds to spend solving."},
    "opt.seating.format": {
        "ja": "出力の形式（pdf・xlsx・html。既定は -o の拡張子、なければ pdf）。",
        "en": "Output format (pdf, xlsx, html; default: from -o's ending, else pdf).",
    },
    "opt.seating.output": {
        "ja": "書き出すファイルかフォルダー（既定: outputs/）。",
        "en": "File or folder to write (default: outputs/).",
    },
    # --- kyodo seating: the sheets -------------------------------------------------------------------------------
    "seating.title": {"ja": "交流会の席", "en": "Seating plan"},
    "seating.newcomer": {"ja": "新しい参加者", "en": "newcomer"},
    "seating.sum.people": {
        "ja": "参加者 {n}人（うちネットワークにいない新しい参加者 {newcomers}人）、{tables}テーブル"
        "（1テーブル最大{size}人）、{rounds}ラウンド",
        "en": "{n} attendees ({newcomers} newcomers not in the network), {tables} tables of at most "
        "{size}, {rounds} round(s)",
    },
    "seating.sum.wanted": {
        "ja": "紹介したい組 {total}組のうち {met}組が同じテーブルに座ります（双方にメリットのある組は"
        " {both}組中 {both_met}組）",
        "en": "{met} of {total} pairs worth meeting share a table ({both_met} of {both} both-way matches)",
    },
    "seating.sum.acquainted": {
        "ja": "すでに知り合いの組が同じテーブルになる回数: {n}",
        "en": "Times two people who already know each other share a table: {n}",
    },
    "seating.sum.repeats": {
        "ja": "同じ人と二度以上同じテーブルになる組: {n}",
        "en": "Pairs who share a table in more than one round: {n}",
    },
    "seating.sum.status.optimal": {
        "ja": "この条件で最善の席です（{seconds}秒）",
        "en": "The best plan under these rules ({seconds} s)",
    },
    "seating.sum.status.feasible": {
        "ja": "時間内に見つかった最もよい席です（{seconds}秒。最善とは限りません）",
        "en": "The best plan found in the time ({seconds} s; not proven best)",
    },
    "seating.note.newcomer": {
        "ja": "「{name}」はネットワークにいないので、新しい参加者として座ります",
        "en": "'{name}' is not in the network: seated as a newcomer",
    },
    "seating.note.ambiguous": {
        "ja": "「{name}」は複数のアクター（{candidates}）に当てはまるので、新しい参加者として座ります。"
        "名前をくわしく書いてください",
        "en": "'{name}' fits several actors ({candidates}): seated as a newcomer; write the name in full",
    },
    "seating.note.matched": {"ja": "「{name}」を「{actor}」としました", "en": "'{name}' read as '{actor}'"},
    "seating.note.duplicate": {
        "ja": "「{name}」は「{actor}」と同じなので、1人として座ります",
        "en": "'{name}' is '{actor}' again: seated once",
    },
    "seating.unmet": {"ja": "{a} × {b}", "en": "{a} × {b}"},
    "seating.word.overview": {"ja": "全体", "en": "Overview"},
    "seating.word.table": {"ja": "テーブル", "en": "Table"},
    "seating.word.round": {"ja": "ラウンド", "en": "Round"},
    "seating.word.name": {"ja": "名前", "en": "Name"},
    "seating.word.kind": {"ja": "種別", "en": "Kind"},
    "seating.word.host": {"ja": "ホスト", "en": "host"},
    "seating.word.newcomer": {"ja": "新しい参加者", "en": "newcomer"},
    "seating.word.intros": {"ja": "引き合わせたい組と理由", "en": "Whom to introduce to whom, and why"},
    "seating.word.no_intros": {
        "ja": "このテーブルで新しく引き合わせる組はありません。自己紹介から始めましょう。",
        "en": "No pair to introduce at this table: start with a round of introductions.",
    },
    "seating.word.notes": {"ja": "名前について", "en": "About the names"},
    "seating.word.unmet": {
        "ja": "同じテーブルにできなかった組（休憩の時間などに）",
        "en": "Pairs not seated together (introduce them at the break)",
    },
    "seating.word.both_ways": {"ja": "双方にメリット", "en": "both ways"},
    "seating.word.plan": {"ja": "席の一覧（★はホスト）", "en": "The plan (★ host)"},
    "seating.word.seats": {"ja": "座る人", "en": "Seated here"},
    # --- kyodo departments ---------------------------------------------------------------------------------------
    "cli.departments.help": {
        "ja": "テーマごとに担当する行政の部署、担当の見当たらないテーマ（はざま）、同じ事業にいながら直接の関係が"
        "ない部署（庁内連携）、最初の相談先を示す。\n\n"
        "部署（セクターが行政のアクター）は、自分のテーマ、その部署が所管として加わる事業、加わる事業のテーマ、"
        "提供できることで、テーマや求められていることを担当するとみなします。担当が見当たらないものは"
        "「はざま」です。最初の相談先は地区の区の市民活動支援センター（名前と電話）です。\n"
        + _EX_DEPARTMENTS.format(examples="例:"),
        "en": "Show which government departments handle each theme, the themes none handles (はざま, the gaps "
        "between departments), departments that share a project without a tie (庁内連携), and where to ask "
        "first.\n\n"
        "A department (a government actor) handles a theme through its own themes, a project it is in charge "
        "of (所管), a project on the theme it takes part in, or, for a need, by offering it. A theme with none "
        "is a gap. The first place to ask is the ward's civic activity support centre (name and phone).\n"
        + _EX_DEPARTMENTS.format(examples="Example:"),
    },
    "opt.departments.theme": {"ja": "このテーマ（ことば）だけを調べる。", "en": "Only this theme (word)."},
    "departments.heading.themes": {"ja": "テーマごとの担当（行政）", "en": "Departments by theme"},
    "departments.heading.gaps": {
        "ja": "はざま（担当の見当たらないテーマ）: {n}",
        "en": "Gaps (no department found): {n}",
    },
    "departments.heading.pairs": {
        "ja": "庁内連携（同じ事業にいながら直接の関係がない部署）: {n}",
        "en": "Departments in one project with no tie between them: {n}",
    },
    "departments.heading.ask": {"ja": "最初の相談先", "en": "Where to ask first"},
    "departments.need": {"ja": "求められていること「{item}」", "en": "need: {item}"},
    "departments.none": {"ja": "（担当が見当たりません）", "en": "(no department found)"},
    "departments.how": {"ja": "{name}（{how}）", "en": "{name} ({how})"},
    "departments.how.theme": {"ja": "テーマ", "en": "theme"},
    "departments.how.owner": {"ja": "所管", "en": "in charge"},
    "departments.how.offers": {"ja": "提供", "en": "offers"},
    "departments.how.project": {"ja": "事業", "en": "project"},
    "departments.kind.theme": {"ja": "テーマ", "en": "theme"},
    "departments.kind.need": {"ja": "求められていること", "en": "need"},
    "departments.no_gaps": {"ja": "ありません", "en": "none"},
    "departments.no_pairs": {"ja": "ありません", "en": "none"},
    "departments.pair": {"ja": "{a} と {b}（{projects}）", "en": "{a} and {b} ({projects})"},
    "departments.pair.office": {
        "ja": "{a} と {b}（{projects}。どちらも{office}の部署）",
        "en": "{a} and {b} ({projects}; both of {office})",
    },
    "departments.ask": {"ja": "{name}　電話 {contact}", "en": "{name}, tel. {contact}"},
    "departments.ask_city": {
        "ja": "横浜市市民活動支援センター　電話 045-223-2666",
        "en": "Yokohama Civic Activity Support Centre, tel. 045-223-2666",
    },
    "col.departments.theme": {"ja": "テーマ", "en": "theme"},
    "col.departments.kind": {"ja": "種類", "en": "kind"},
    "col.departments.departments": {"ja": "担当の部署", "en": "departments"},
    "col.departments.how": {"ja": "担当の根拠", "en": "how"},
    "col.departments.gap": {"ja": "はざま", "en": "gap"},
    "col.departments.actors": {"ja": "取り組む・求める団体", "en": "actors"},
    # --- the report's section -------------------------------------------------------------------------------------
    "report.hazama.title": {"ja": "はざまと最初の相談先", "en": "Gaps between departments, and where to ask"},
    "report.hazama.gaps": {
        "ja": "担当の部署が見当たらないテーマ（はざま）: {items}",
        "en": "Themes no department is recorded as handling: {items}",
    },
    "report.hazama.no_gaps": {
        "ja": "どのテーマにも担当の部署が記録されています。",
        "en": "Every theme has a department recorded as handling it.",
    },
    "report.hazama.pair": {
        "ja": "庁内連携: {a} と {b} は同じ事業（{projects}）にいますが、直接の関係がありません。",
        "en": "Within the city: {a} and {b} share a project ({projects}) but have no tie.",
    },
    "report.hazama.ask": {"ja": "最初の相談先: {name}{contact}", "en": "Ask first: {name}{contact}"},
    "report.hazama.tel": {"ja": "（電話 {contact}）", "en": " (tel. {contact})"},
}
