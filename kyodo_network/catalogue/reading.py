"""What the reader understood of a user's list (``note-*`` codes), and the spreadsheet reader's own problems.

A note is shown by ``kyodo validate`` and ``kyodo import`` (and kept on the case) so that a coordinator can check
what the tool made of their file: which column meant what, where each word was placed, how each name was matched,
which actors were made. A note is never a reason to refuse a file.
"""

ENTRIES = {
    "cli.understood": {
        "ja": "{path} の読み取り（{n}項目。違っていれば --column・--name か元のファイルで直せます）:",
        "en": "what was understood of {path} ({n} items; --column, --name or the file itself corrects it):",
    },
    "opt.read.column": {
        "ja": "見出しの意味を指定する（例: --column 困りごと=needs、--column 番号=skip）。何度でも指定できる。",
        "en": "Read a heading as a field (e.g. --column 困りごと=needs, --column 番号=skip); repeatable.",
    },
    "opt.read.name": {
        "ja": "地区の名前（既定: 表のタイトル・地区の列・ファイル名から）。",
        "en": "The district's name (default: from the table's title, a district column or the file name).",
    },
    # a label the data gives in both languages (a sector's, a relation type's): each language shows its own, the
    # other field is formatted to nothing (precision 0) so that both entries name the same fields
    "problem.both": {"ja": "{ja}{en:.0}", "en": "{en}{ja:.0}"},
    "problem.record.sheet-header": {
        "ja": "シート「{sheetname}」の見出しの行",
        "en": "the heading row of sheet '{sheetname}'",
    },
    # --- notes: what was understood ----------------------------------------------------------------------------
    "problem.note-sheet": {
        "ja": "シート「{sheetname}」を{table}として読みました（見出しは{row}行目、{n}件）",
        "en": "read sheet '{sheetname}' as {table} (headings on row {row}, {n} records)",
    },
    "problem.note-file": {
        "ja": "{table}として読みました（見出しは{row}行目、{n}件）",
        "en": "read as {table} (headings on line {row}, {n} records)",
    },
    "problem.note-sheet-skipped": {
        "ja": "シート「{sheetname}」には知っている見出し（団体名・種別・連携先 など）がないので読みませんでした",
        "en": "sheet '{sheetname}' has no heading this tool knows (団体名, 種別, 連携先 …), so it was not read",
    },
    "problem.note-two-row-heading": {
        "ja": "見出しは2行に分かれています。{row}行目の見出し（電話・メール など）も読みました",
        "en": "the headings take two rows: the sub-headings on row {row} were read too",
    },
    "problem.note-sheet-hidden": {
        "ja": "シート「{sheetname}」は非表示なので読みませんでした（読むなら Excel で再表示）",
        "en": "sheet '{sheetname}' is hidden, so it was not read (unhide it in Excel to read it)",
    },
    "problem.note-persons-private": {
        "ja": "個人{n}人を非公開にしました（公開範囲が書かれていないため。--public の出力では役割で表示）: {names}",
        "en": "{n} persons were made private (no visibility was given; --public outputs show their role): {names}",
    },
    "problem.note-list-owner": {
        "ja": "「{owner}」の関係機関などの一覧として読み、「{owner}」を一覧の{n}団体すべてと結びました",
        "en": "read as {owner}'s own list of partners: {owner} is tied to all {n} groups of the list",
    },
    "problem.note-title": {
        "ja": "見出しより上の「{title}」は表のタイトルとして読みました",
        "en": "'{title}' above the headings was read as the table's title",
    },
    "problem.note-column": {"ja": "「{heading}」の列 → {meaning}", "en": "column '{heading}' → {meaning}"},
    "problem.note-column-skipped": {
        "ja": "「{heading}」の列は読みませんでした（意味のわからない見出しです。読ませるには --column 「{heading}=項目」）",
        "en": "column '{heading}' was not read (a heading this tool does not know; to read it: "
        "--column '{heading}=FIELD')",
    },
    "problem.note-column-ignored": {
        "ja": "「{heading}」の列は使いません（{why}）",
        "en": "column '{heading}' is not used ({why})",
    },
    "problem.note-column-second": {
        "ja": "「{heading}」の列は{meaning}の2つ目の列なので読みませんでした（1つ目は{first}列）",
        "en": "column '{heading}' is a second column for {meaning} and was not read (the first is column {first})",
    },
    "problem.note-column-unlabeled": {
        "ja": "見出しのない{letter}列の値は読みませんでした",
        "en": "the values of column {letter}, which has no heading, were not read",
    },
    "problem.note-column-private": {
        "ja": "「{heading}」の列は非公開として扱います（--public の出力には出ません）",
        "en": "column '{heading}' is treated as private (never in a --public output)",
    },
    "problem.note-row-private": {
        "ja": "この行には「{mark}」とあるので、この団体を非公開にしました",
        "en": "this row says '{mark}', so this actor is private",
    },
    "problem.note-format-assumed": {
        "ja": "「format: kyodo-case/1」の行がないので、その形式とみなしました",
        "en": "no 'format: kyodo-case/1' line: the file was read as that format",
    },
    "problem.note-district-name": {
        "ja": "地区の名前を「{name}」としました（{source}）",
        "en": "the district is called '{name}' ({source})",
    },
    "problem.source.title": {"ja": "表のタイトルから", "en": "from the table's title"},
    "problem.source.column": {"ja": "地区の列から", "en": "from the district column"},
    "problem.source.file": {"ja": "ファイル名から。変えるには --name", "en": "from the file name; --name changes it"},
    "problem.source.top-name": {"ja": "ファイルの先頭の名前から", "en": "from the name at the top of the file"},
    "problem.source.option": {"ja": "--name から", "en": "from --name"},
    "problem.note-word-placed": {"ja": "種別「{word}」→ {sector}（{n}件）", "en": "category '{word}' → {sector} ({n})"},
    "problem.note-word-other": {
        "ja": "種別「{word}」は言葉の表にないので、そのまま残して「その他」に入れました（{n}件）",
        "en": "category '{word}' is not in the table of words: kept as written, placed under Other ({n})",
    },
    "problem.note-no-sector": {
        "ja": "種別が書かれていないアクター{n}件を「その他」に入れました（{names}）",
        "en": "{n} actors with no category were placed under Other ({names})",
    },
    "problem.note-type-placed": {
        "ja": "関係の言葉「{word}」→ {type}（{n}件）",
        "en": "tie word '{word}' → {type} ({n})",
    },
    "problem.note-type-other": {
        "ja": "関係の言葉「{word}」は言葉の表にないので、そのまま残して「協力」として扱いました（{n}件）",
        "en": "tie word '{word}' is not in the table of words: kept as written, treated as cooperation ({n})",
    },
    "problem.note-no-type": {
        "ja": "種類のない関係{n}件を「協力」としました",
        "en": "{n} ties with no type were taken as cooperation",
    },
    "problem.note-partners": {
        "ja": "連携先の欄から関係を{n}件読みました（両方の行に書かれた組は1本の線になります）",
        "en": "{n} ties were read from the partners cells (a pair listed on both rows is one line)",
    },
    "problem.note-name-matched": {"ja": "「{value}」→「{name}」（{how}）", "en": "'{value}' → '{name}' ({how})"},
    "problem.how.contains": {"ja": "名前の一部が一致", "en": "part of the name"},
    "problem.how.abbreviation": {"ja": "略称として", "en": "as an abbreviation"},
    "problem.how.slip": {"ja": "1文字違い", "en": "one character differs"},
    "problem.note-actor-created": {
        "ja": "「{value}」は一覧にない名前なので、新しいアクター（種別: その他）にしました",
        "en": "'{value}' is not in the list, so it became a new actor (category: Other)",
    },
    "problem.note-merged-rows": {
        "ja": "「{other}」（{where}）は「{name}」と同じ団体の回答として1つにまとめました",
        "en": "'{other}' ({where}) was merged with '{name}' as the same group's answer",
    },
    "problem.note-merged-project": {
        "ja": "事業「{name}」の{n}行を1つの事業にまとめました（{years}）",
        "en": "{n} rows of the project '{name}' were merged into one ({years})",
    },
    "problem.note-year-unknown": {
        "ja": "「{value}」は年がわからないので、年なしとしました",
        "en": "'{value}' gives no year, so the year was left empty",
    },
    "problem.note-left-out": {
        "ja": "{said}。この値は読まずに進めました（直すならこのセルを）",
        "en": "{said}; this value was left out (correct this cell to keep it)",
    },
    "problem.note-visibility": {
        "ja": "公開範囲「{value}」はわからない言葉なので、非公開にしました（公開・内部・非公開）",
        "en": "visibility '{value}' is not a word this tool knows, so this actor is private (公開, 内部, 非公開)",
    },
    "problem.note-weight": {
        "ja": "強さ {value} を {weight} として読みました（強さは1〜3）",
        "en": "strength {value} was read as {weight} (strengths are 1–3)",
    },
    "problem.note-era-date": {
        "ja": "日付のセルを{year}年と読みました",
        "en": "the date cell was read as the year {year}",
    },
    "problem.note-representative": {
        "ja": "代表者の名前は団体の情報として残し（非公開）、地図には人として描きません",
        "en": "representatives' names are kept with their group (private), not drawn as persons",
    },
    "problem.note-alias": {"ja": "「{key}」を{field}として読みました", "en": "'{key}' was read as {field}"},
    "problem.note-top-name": {
        "ja": "地区の名前を「{name}」としました（{source}）",
        "en": "no 'district:': the district is called '{name}' ({source})",
    },
    "problem.why.row-number": {"ja": "行の番号・回答日時", "en": "a row number or a time stamp"},
    "problem.why.respondent": {
        "ja": "フォームに回答した人の情報で、団体の情報ではありません",
        "en": "it is about who filled in the form, not about the group",
    },
    # --- meanings of the fields, for the notes above --------------------------------------------------------------
    "problem.field.id": {"ja": "ID", "en": "ID"},
    "problem.field.name": {"ja": "名前", "en": "name"},
    "problem.field.name_en": {"ja": "英語名", "en": "English name"},
    "problem.field.sector": {"ja": "種別（セクター）", "en": "category (sector)"},
    "problem.field.themes": {"ja": "活動のテーマ", "en": "themes"},
    "problem.field.offers": {"ja": "提供できること", "en": "offers"},
    "problem.field.needs": {"ja": "求めていること", "en": "needs"},
    "problem.field.visibility": {"ja": "公開範囲", "en": "visibility"},
    "problem.field.contact": {"ja": "連絡先", "en": "contact"},
    "problem.field.since": {"ja": "始まった年", "en": "year it began"},
    "problem.field.until": {"ja": "終わった年", "en": "year it ended"},
    "problem.field.cite": {"ja": "出典", "en": "source"},
    "problem.field.note": {"ja": "メモ", "en": "note"},
    "problem.field.role": {"ja": "役割", "en": "role"},
    "problem.field.partners": {"ja": "連携先（関係になります）", "en": "partners (become ties)"},
    "problem.field.representative": {"ja": "代表者（非公開）", "en": "representative (private)"},
    "problem.field.district": {"ja": "地区の名前", "en": "the district's name"},
    "problem.table.district": {"ja": "地区", "en": "the district"},
    "problem.table.source": {"ja": "出典", "en": "the source"},
    "problem.table.include": {"ja": "含めるファイル", "en": "files to include"},
    "problem.table.format": {"ja": "形式", "en": "the format"},
    "problem.field.district.name": {"ja": "地区の名前", "en": "the district's name"},
    "problem.field.district.ward": {"ja": "区", "en": "the ward"},
    "problem.field.district.city": {"ja": "市", "en": "the city"},
    "problem.field.member_of": {"ja": "所属（関係になります）", "en": "member of (becomes a tie)"},
    "problem.field.person_or_group": {
        "ja": "個人か団体か（個人は非公開）",
        "en": "person or group (persons are private)",
    },
    "problem.field.from": {"ja": "関係の一方", "en": "one end of a tie"},
    "problem.field.to": {"ja": "関係のもう一方", "en": "the other end of a tie"},
    "problem.field.type": {"ja": "関係の種類", "en": "type of tie"},
    "problem.field.weight": {"ja": "関係の強さ", "en": "strength of the tie"},
    "problem.field.participants": {"ja": "参加団体", "en": "participants"},
    "problem.field.department": {"ja": "所管課（参加団体になります）", "en": "department in charge (takes part)"},
    "problem.table.actors": {"ja": "団体（アクター）の一覧", "en": "a list of groups (actors)"},
    "problem.table.relations": {"ja": "関係の一覧", "en": "a list of ties"},
    "problem.table.projects": {"ja": "協働事業の一覧", "en": "a list of projects"},
    # --- what a Japanese keyboard slips into YAML ------------------------------------------------------------------
    "problem.keyboard-slip": {"ja": "{what}", "en": "{what}"},
    "problem.what.slip-colon": {
        "ja": "全角のコロン「：」があります。キーのあとは半角の「:」と半角スペースにしてください（例: name: 山田さん）",
        "en": "a full-width colon '：' follows the key; use a half-width ':' and a space (e.g. name: 山田さん)",
    },
    "problem.what.slip-fullwidth-space": {
        "ja": "行の始めに全角スペースがあります。字下げは半角スペースにしてください",
        "en": "the line is indented with full-width spaces; indent with half-width spaces",
    },
    "problem.what.slip-tab": {
        "ja": "行の始めにタブがあります。字下げは半角スペース（2つずつ）にしてください",
        "en": "the line is indented with a tab; indent with half-width spaces (two at a time)",
    },
    # --- the spreadsheet reader's problems ---------------------------------------------------------------------
    "problem.what.sheet-visibility": {
        "ja": "が「{value}」です。公開・内部・非公開のどれかにしてください{hint}",
        "en": "is '{value}'; use 公開, 内部 or 非公開 (public, internal, private){hint}",
    },
    "problem.what.too-many-rows": {
        "ja": "{limit}行を超えています。それより後の行は読みません",
        "en": "has more than {limit} rows; the rest is not read",
    },
    "problem.what.workbook-too-big": {
        "ja": "ファイルが {mb} MB あります。ブックは {limit} MB までです",
        "en": "the file is {mb} MB; workbooks are limited to {limit} MB",
    },
    "problem.what.not-workbook": {
        "ja": "Excel ブック（.xlsx）として読めません。Excel で「名前を付けて保存」→「Excel ブック (*.xlsx)」で保存してください",
        "en": "this is not an Excel workbook (.xlsx) that can be read; save it from Excel as an .xlsx workbook",
    },
    "problem.what.no-table": {
        "ja": "団体の一覧が見つかりません（シート: {sheets}）。一覧の上に「団体名」「種別」などの見出しの行を付けてください",
        "en": "no list of groups found (sheets: {sheets}); give the list a heading row such as 団体名 / 種別 "
        "(Name / Type)",
    },
    "problem.what.no-table-csv": {
        "ja": "団体の一覧が見つかりません。1行目に「団体名」「種別」などの見出しを付けてください",
        "en": "no list of groups found; give the first line headings such as 団体名 / 種別 (Name / Type)",
    },
    "problem.what.csv-utf16": {
        "ja": "UTF-16 のファイルです（Excel の「Unicode テキスト」）。「CSV UTF-8」か「CSV」で保存してください",
        "en": "the file is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8' or 'CSV'",
    },
    "problem.what.csv-binary": {
        "ja": "CSV ではなくバイナリのファイルです",
        "en": "this is a binary file, not a CSV file",
    },
    "problem.what.csv-encoding": {
        "ja": "UTF-8 でも Shift_JIS（CP932）でもない文字コードです。Excel で「CSV UTF-8」として保存してください",
        "en": "the file is neither UTF-8 nor Shift_JIS (CP932) text; save it from Excel as 'CSV UTF-8'",
    },
    "problem.what.csv-broken": {
        "ja": 'この行から先を読めません。{limit}文字を超えるセルがあるか、「"」で始めた値が閉じていません。Excel で開いて確かめ、保存し直してください',
        "en": "the file cannot be read from this line on: a cell is longer than {limit} characters, or a value "
        "opened with '\"' is never closed; open it in Excel, check, and save it again",
    },
    "problem.what.wrong-separator": {
        "ja": "の項目が{sep}で区切られています。「、」か「,」で区切ってください",
        "en": "separates items with {sep}; use 「、」, 「,」 or |",
    },
    "problem.sep.newline": {"ja": "改行", "en": "a line break"},
    "problem.bad-column": {
        "ja": "--column「{value}」は「見出し=項目」の形で書いてください。項目は {fields} のどれかです",
        "en": "--column '{value}' should read HEADING=FIELD, FIELD one of {fields}",
    },
    # --- years with no era, and files that are not what their names say (casefile/sniff.py) --------------------
    "problem.what.year-no-era": {
        "ja": "「{value}」は元号がないので年がわかりません。「平成30年4月」のように書いてください",
        "en": "'{value}' has no era, so the year cannot be told (平成 or 昭和?); write it like 平成30年4月",
    },
    "problem.what.file-empty": {
        "ja": "空のファイルです（0バイト）。保存し直すか、一覧の入ったファイルを指定してください",
        "en": "the file is empty (0 bytes); save it again, or give a file with the list in it",
    },
    "problem.what.file-xls": {
        "ja": "古い Excel 形式（.xls）です。Excel で開き「名前を付けて保存」→「Excel ブック (*.xlsx)」で保存してください",
        "en": "this is an old Excel workbook (.xls, Excel 97-2003); open it in Excel and use Save As → "
        "'Excel Workbook (*.xlsx)'",
    },
    "problem.what.file-encrypted": {
        "ja": "パスワードが掛かっています。Excel で開いてパスワードを外し（ファイル→情報→ブックの保護→パスワードを"
        "使用して暗号化 を空に）、保存し直してください",
        "en": "the workbook is protected with a password; open it in Excel, remove the password (File → Info → "
        "Protect Workbook → Encrypt with Password, left empty) and save it again",
    },
    "problem.what.file-encrypted-zip": {
        "ja": "パスワードの掛かった ZIP 形式のファイルです（中身が暗号化されています）。パスワードを掛けずに保存し直した"
        "ファイル（.xlsx か .csv）を指定してください",
        "en": "this is a password-protected zip file (its contents are encrypted); give a file saved without a "
        "password (.xlsx or .csv)",
    },
    "problem.note-read-as-csv": {
        "ja": "名前は {suffix} ですが中身はテキスト（CSV）なので、CSV として読みました",
        "en": "the name ends in {suffix} but the file holds text (CSV), so it was read as CSV",
    },
    "problem.note-delimiter": {"ja": "{sep}区切りの表として読みました", "en": "read as a table separated by {sep}"},
    "problem.sep.tab": {"ja": "タブ", "en": "tabs"},
    "problem.sep.semicolon": {"ja": "セミコロン（;）", "en": "semicolons (;)"},
}
