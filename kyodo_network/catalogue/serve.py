"""The words of ``kyodo serve``: its help and messages (``cli.serve.*``, ``opt.serve.*``, ``serve.cli.*``), the
page (``serve.ui.*``), tonight's list of changes (``serve.edit.*``), the analyses' panel (``serve.f.*``), the
journal file's comments (``serve.journal.*``), refusals and errors (``serve.refused.*``, ``serve.error.*``)."""

_EX_SERVE = """
\b
{examples}
  kyodo serve nippa --check
  kyodo serve my-district.yaml --check --lang en
"""

ENTRIES = {
    # --- the command -------------------------------------------------------------------------------------------
    "cli.serve.help": {
        "ja": "会議の部屋で使う地図をブラウザーで開き、その場で足す・直す・戻す。\n\n"
        "地区の地図（凡例・検索・セクターの絞り込みは kyodo map と同じ）を開き、クリックしたアクターについて"
        "橋渡し・いなくなったら・引き継ぎ・紹介の提案を示します。アクターの追加、つながり、種別と名前の変更、"
        "削除、今夜の出席をその場で記録でき、元に戻す・やり直すは何段でもできます。入力ファイルは書き換えず、"
        "今夜の変更は1つのファイル（既定: 最初の CASE の横の <名前>-tonight.yaml）に、保存してから画面に"
        "出します。このパソコンの中（127.0.0.1）だけで開き、止めるには Ctrl+C を押します。\n"
        + _EX_SERVE.format(examples="例:"),
        "en": "Open the meeting map in a browser and add, correct and undo in the room.\n\n"
        "Shows the district map (legend, search and sector filters as in kyodo map) and, for the actor clicked, "
        "what bridges, what-if, hand-over and introductions say. Add actors, draw ties, change a kind or a name, "
        "remove, mark who attended tonight; undo and redo any number of steps. The input files are never "
        "written: tonight's changes go into one file (by default <name>-tonight.yaml beside the first CASE), "
        "saved before the page shows them. Only this computer can open it (127.0.0.1); Ctrl+C stops it.\n"
        + _EX_SERVE.format(examples="Example:"),
    },
    "opt.serve.port": {
        "ja": "使うポート番号（既定: 空いている番号を自動で選ぶ）。",
        "en": "Port to serve on (default: a free one, chosen automatically).",
    },
    "opt.serve.journal": {
        "ja": "今夜の変更を保存するファイル（既定: 最初の CASE の横の <名前>-tonight.yaml）。あれば続きから始めます。",
        "en": "File that keeps tonight's changes (default: <name>-tonight.yaml beside the first CASE); "
        "an existing one is resumed.",
    },
    "opt.serve.no_browser": {
        "ja": "ブラウザーを自動で開かない（表示されるアドレスを自分で開く）。",
        "en": "Do not open the browser (open the address shown yourself).",
    },
    "opt.serve.share": {
        "ja": "同じネットワークのほかのパソコンからも開けるようにする（アドレスの鍵を知っている人だけが使えます）。",
        "en": "Let other computers on the same network open it too (only those given the address with its key).",
    },
    "opt.serve.check": {
        "ja": "ファイルを読み、今夜の変更の保存先を示して終わる（サーバーは起動しない）。",
        "en": "Read the files, say where tonight's changes will be kept, and stop (no server).",
    },
    "serve.cli.open": {
        "ja": "ブラウザーでこのアドレスを開いてください（鍵付き。この会議のあいだだけ有効）:",
        "en": "Open this address in a browser (it carries a key, valid for this meeting only):",
    },
    "serve.cli.share": {
        "ja": "ほかのパソコンからは、次のアドレス（見るだけ。変更はできません）の 127.0.0.1 をこのパソコンの IP アドレスに替えて開きます（ポート {port}）:",
        "en": "Others in the room open the next address (view only: no changes) with this computer's IP address in place "
        "of 127.0.0.1 (port {port}):",
    },
    "serve.cli.saving_to": {
        "ja": "今夜の変更の保存先: {path}（変更 {n} 件）",
        "en": "Tonight's changes are kept in: {path} ({n} changes so far)",
    },
    "serve.cli.read": {
        "ja": "読み込みました: {names}（アクター {actors}、つながり {ties}）",
        "en": "Read: {names} ({actors} actors, {ties} ties)",
    },
    "serve.cli.stop_hint": {"ja": "止めるには Ctrl+C を押します。", "en": "Press Ctrl+C to stop."},
    "serve.cli.stopped": {
        "ja": "止めました。今夜の変更（{n} 件）は {path} にあります。入力ファイルと一緒に読むには: kyodo map {names} {path}",
        "en": "Stopped. Tonight's changes ({n}) are in {path}. To read them with the inputs: kyodo map {names} {path}",
    },
    "serve.cli.stopped_none": {
        "ja": "止めました。変更はなかったので、ファイルは作っていません。",
        "en": "Stopped. There were no changes, so no file was written.",
    },
    "serve.cli.checked": {
        "ja": "サーバーは起動していません（--check）。開くには --check を付けずに実行します。",
        "en": "No server was started (--check). Run it without --check to open the room.",
    },
    # --- the journal file --------------------------------------------------------------------------------------
    "serve.journal.district": {"ja": "{name}（今夜の変更）", "en": "{name} (tonight's changes)"},
    "serve.journal.head": {
        "ja": "kyodo serve が書いた今夜の変更です。入力ファイルは書き換えていません。",
        "en": "Tonight's changes, written by kyodo serve. The input files were not changed.",
    },
    "serve.journal.read_with": {
        "ja": "入力と一緒に読む / read it with the inputs: kyodo map {names} <このファイル>",
        "en": "Read it with the inputs / 入力と一緒に読む: kyodo map {names} <this file>",
    },
    "serve.journal.todo": {
        "ja": "次の変更は kyodo serve の中だけで有効です。元のファイルでも直してください / "
        "these changes show in kyodo serve only; make them in your own file too:",
        "en": "These changes show in kyodo serve only; make them in your own file too:",
    },
    "serve.journal.todo_rename": {"ja": "名前「{old}」→「{new}」", "en": "name '{old}' → '{new}'"},
    "serve.journal.todo_category": {"ja": "「{name}」の種別 →「{category}」", "en": "kind of '{name}' → '{category}'"},
    "serve.journal.todo_remove": {"ja": "「{name}」を削除", "en": "remove '{name}'"},
    "serve.journal.todo_remove_tie": {
        "ja": "「{a}」と「{b}」の関係（{type}）を削除",
        "en": "remove the relation ({type}) between '{a}' and '{b}'",
    },
    # --- tonight's list of changes -----------------------------------------------------------------------------
    "serve.edit.add_actor": {"ja": "追加: {name}（{category}）", "en": "Added: {name} ({category})"},
    "serve.edit.add_tie": {"ja": "つないだ: {a} — {b}（{type}）", "en": "Tie: {a} — {b} ({type})"},
    "serve.edit.held_by": {"ja": "、担い手: {names}", "en": ", carried by {names}"},
    "serve.edit.rename": {"ja": "名前: {old} → {new}", "en": "Renamed: {old} → {new}"},
    "serve.edit.category": {"ja": "種別: {name}: {old} → {category}", "en": "Kind of {name}: {old} → {category}"},
    "serve.edit.remove_actor": {"ja": "削除: {name}", "en": "Removed: {name}"},
    "serve.edit.remove_tie": {"ja": "関係を削除: {a} — {b}（{type}）", "en": "Removed tie: {a} — {b} ({type})"},
    "serve.edit.attended": {"ja": "出席: {name}", "en": "Attended: {name}"},
    "serve.edit.not_attended": {"ja": "出席を取り消し: {name}", "en": "Not attended: {name}"},
    # --- the analyses' panel -----------------------------------------------------------------------------------
    "serve.f.bridge": {"ja": "橋渡し", "en": "Bridging"},
    "serve.f.whatif": {"ja": "いなくなったら", "en": "If it leaves"},
    "serve.f.handover": {"ja": "引き継ぎ", "en": "Hand-over"},
    "serve.f.suggest": {"ja": "紹介の提案（紹介役）", "en": "Introductions (and who can introduce)"},
    "serve.f.none": {"ja": "（なし）", "en": "(none)"},
    "serve.f.more": {"ja": " ほか{n}", "en": " and {n} more"},
    "serve.f.cut_off": {
        "ja": "{name} がいなくなると、{n} のアクターが孤立します: {names}",
        "en": "If {name} leaves, {n} actor(s) are cut off: {names}",
    },
    "serve.f.no_cut_off": {
        "ja": "{name} がいなくなっても、孤立するアクターはいません。",
        "en": "If {name} leaves, no actor is cut off.",
    },
    "serve.f.relations_lost": {"ja": "なくなるつながり: {n}", "en": "Ties lost: {n}"},
    "serve.f.sector_pairs": {"ja": "つながりが切れるセクターの組: {pairs}", "en": "Sectors no longer linked: {pairs}"},
    "serve.f.no_government": {
        "ja": "行政との窓口を失う協働事業: {names}",
        "en": "Projects losing their link to government: {names}",
    },
    "serve.f.carried": {
        "ja": "本人が担っている組織のつながり: {n}（相手: {names}）",
        "en": "Ties this person carries for an organisation: {n} (partners: {names})",
    },
    "serve.f.no_suggestion": {"ja": "いまの提案はありません。", "en": "No introduction to suggest now."},
    # --- the page ----------------------------------------------------------------------------------------------
    "serve.ui.add_heading": {"ja": "アクターを追加", "en": "Add an actor"},
    "serve.ui.name": {"ja": "名前", "en": "Name"},
    "serve.ui.category": {
        "ja": "種別（ふだんの言葉で。例: 老人クラブ）",
        "en": "Kind (in your own words, e.g. seniors' club)",
    },
    "serve.ui.add": {"ja": "追加", "en": "Add"},
    "serve.ui.undo": {"ja": "↶ 元に戻す", "en": "↶ Undo"},
    "serve.ui.redo": {"ja": "↷ やり直す", "en": "↷ Redo"},
    "serve.ui.shortcut": {"ja": "Ctrl+Z で元に戻す、Ctrl+Y でやり直す", "en": "Ctrl+Z undoes, Ctrl+Y redoes"},
    "serve.ui.changes": {"ja": "今夜の変更", "en": "Tonight's changes"},
    "serve.ui.no_changes": {"ja": "まだ変更はありません。", "en": "No changes yet."},
    "serve.ui.saved": {"ja": "保存しました {time} → {path}", "en": "Saved {time} → {path}"},
    "serve.ui.not_saved": {
        "ja": "まだ変更はありません（最初の変更で {path} を作ります）",
        "en": "No changes yet (the first one creates {path})",
    },
    "serve.ui.saving": {"ja": "保存しています…", "en": "Saving…"},
    "serve.ui.error": {"ja": "保存していません: {message}", "en": "Not saved: {message}"},
    "serve.ui.redo_list": {"ja": "やり直せる変更", "en": "Can be redone"},
    "serve.ui.year": {"ja": "年", "en": "Year"},
    "serve.ui.all_years": {"ja": "すべての年", "en": "All years"},
    "serve.ui.print": {"ja": "いまの表示を印刷用に:", "en": "This view for print:"},
    "serve.ui.attended": {"ja": "今夜出席", "en": "Attended tonight"},
    "serve.ui.attended_list": {"ja": "今夜の出席（{n}）", "en": "Attended tonight ({n})"},
    "serve.ui.no_attended": {
        "ja": "アクターを選び「今夜出席」に印を付けます。",
        "en": "Select an actor and tick “Attended tonight”.",
    },
    "serve.ui.rename": {"ja": "名前を変える", "en": "Rename"},
    "serve.ui.set_category": {"ja": "種別を変える", "en": "Change kind"},
    "serve.ui.remove": {"ja": "このアクターを削除", "en": "Remove this actor"},
    "serve.ui.confirm_remove": {
        "ja": "「{name}」を削除しますか？（元に戻すでいつでも戻せます）",
        "en": "Remove “{name}”? (Undo brings it back.)",
    },
    "serve.ui.tie_heading": {"ja": "つながりを加える", "en": "Draw a tie"},
    "serve.ui.partner": {"ja": "相手", "en": "With"},
    "serve.ui.tie_type": {"ja": "種類（ふだんの言葉で）", "en": "Type (in your own words)"},
    "serve.ui.held_by": {
        "ja": "担い手（個人。異動で途切れるつながり）",
        "en": "Carried by (a person: lost if they move on)",
    },
    "serve.ui.nobody": {"ja": "（なし）", "en": "(nobody)"},
    "serve.ui.choose": {"ja": "選んでください", "en": "Choose…"},
    "serve.ui.connect": {"ja": "つなぐ", "en": "Connect"},
    "serve.ui.relations": {"ja": "関係（× で削除）", "en": "Relations (× removes)"},
    "serve.ui.remove_tie": {"ja": "この関係を削除", "en": "Remove this relation"},
    "serve.ui.details": {"ja": "詳細", "en": "Details"},
    "serve.ui.tonight_mark": {"ja": "今夜追加", "en": "added tonight"},
    "serve.ui.loading": {"ja": "計算しています…", "en": "Computing…"},
    "serve.ui.edit_heading": {"ja": "直す", "en": "Correct"},
    "serve.field.name": {"ja": "名前", "en": "name"},
    "serve.field.category": {"ja": "種別", "en": "kind"},
    "serve.field.type": {"ja": "種類", "en": "type"},
    # --- refusals and errors -----------------------------------------------------------------------------------
    "serve.refused.host": {
        "ja": "このサーバーのアドレスではありません（Host）。",
        "en": "Not this server's address (Host).",
    },
    "serve.refused.origin": {
        "ja": "ほかのサイトからの要求は受け付けません。",
        "en": "Requests from other sites are refused.",
    },
    "serve.refused.token": {
        "ja": "この会議の鍵がありません。kyodo serve が表示したアドレスで開いてください。",
        "en": "This meeting's key is missing. Open the address kyodo serve printed.",
    },
    "serve.refused.key": {
        "ja": "この会議の鍵がありません。kyodo serve が表示したアドレス（?k=… まで）で開いてください。",
        "en": "This meeting's key is missing. Open the address kyodo serve printed, ?k=… included.",
    },
    "serve.refused.type": {"ja": "変更は JSON で送ってください。", "en": "Changes must be sent as JSON."},
    "serve.refused.not_found": {"ja": "見つかりません。", "en": "Not found."},
    "serve.refused.too_large": {"ja": "要求が大きすぎます。", "en": "Request too large."},
    "serve.refused.bad_json": {"ja": "要求を読めません。", "en": "The request cannot be read."},
    "serve.error.no_case": {
        "ja": "CASE を1つ以上指定してください（例: kyodo serve my-district.xlsx）。",
        "en": "Give at least one CASE (e.g. kyodo serve my-district.xlsx).",
    },
    "serve.error.bad_journal": {
        "ja": "{path} は kyodo serve の今夜の変更として読めません（{what}）。--journal で別のファイルを指定してください。",
        "en": "{path} cannot be read as kyodo serve's changes ({what}); give another file with --journal.",
    },
    "serve.error.not_journal": {
        "ja": "{path} はすでにあり、kyodo serve が書いたファイルではありません。上書きしないので、--journal で別のファイルを指定してください。",
        "en": "{path} exists and was not written by kyodo serve; it is not overwritten: give another file with --journal.",
    },
    "serve.error.journal_is_input": {
        "ja": "{path} は入力ファイルです。今夜の変更は別のファイルに保存します（--journal）。",
        "en": "{path} is an input file; tonight's changes go to another file (--journal).",
    },
    "serve.error.no_folder": {"ja": "フォルダー {path} がありません。", "en": "The folder {path} does not exist."},
    "serve.error.no_actor": {
        "ja": "アクター「{id}」はいまのネットワークにいません。",
        "en": "No actor '{id}' in the network now.",
    },
    "serve.error.bad_text": {
        "ja": "{field}を書いてください（1〜200字、改行なし）。",
        "en": "Write a {field} (1–200 characters, one line).",
    },
    "serve.error.same_actor": {"ja": "同じアクターどうしはつなげません。", "en": "An actor cannot be tied to itself."},
    "serve.error.no_tie": {
        "ja": "その関係はいまのネットワークにありません。",
        "en": "No such relation in the network now.",
    },
    "serve.error.nothing_to_undo": {"ja": "元に戻す変更はありません。", "en": "Nothing to undo."},
    "serve.error.nothing_to_redo": {"ja": "やり直す変更はありません。", "en": "Nothing to redo."},
    "serve.error.unknown_op": {"ja": "知らない変更です: {op}", "en": "Unknown change: {op}"},
    "serve.error.port": {
        "ja": "ポート {port} を使えません: {reason}（--port で別の番号を指定するか、付けずに実行します）",
        "en": "Cannot use port {port}: {reason} (give another --port, or leave it out)",
    },
}
