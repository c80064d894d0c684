"""The words of every problem the loader and the validator report, Japanese and English.

``problem.<code>`` is the message of a problem code (``datasets/README.md`` lists the codes);
``problem.<code>.fix`` where present is the advice shown after it. The other ``problem.*`` entries are the
phrases those messages are built from (``what``, ``expected``, ``got``, ``hint`` …), so that a message is
whole in either language. Values from the file are filled in already cut short and escaped
(:func:`kyodo_network.errors.shown`); Japanese quotes them 「…」, English '…'.
"""

ENTRIES = {
    # --- problem codes ---------------------------------------------------------------------------------------
    "problem.unreadable": {"ja": "{what}", "en": "{what}"},
    "problem.yaml-syntax": {"ja": "YAMLの書き方に誤りがあります: {detail}", "en": "YAML syntax error: {detail}"},
    "problem.duplicate-key": {
        "ja": "キー「{key}」が同じ所に2回あります（最初は{first}行目）。どちらかを消してください",
        "en": "key '{key}' appears twice in this mapping (first on line {first}); remove one",
    },
    "problem.bad-format": {
        "ja": "{what}。1行目は「format: kyodo-case/1」にしてください",
        "en": "{what}; the first line should be 'format: kyodo-case/1'",
    },
    "problem.missing-field": {"ja": "{record}に「{field}」がありません", "en": "{record} is missing '{field}'"},
    "problem.unknown-field": {
        "ja": "{record}の「{field}」は知らない項目です{hint}",
        "en": "unknown field '{field}' in {record}{hint}",
    },
    "problem.unknown-field.fix": {
        "ja": "自分用のメモは「x-」で始まるキーに書けます",
        "en": "keep your own extra data under keys starting with 'x-'",
    },
    "problem.wrong-type": {
        "ja": "「{field}」は{expected}で書いてください（いまは{got}）",
        "en": "'{field}' should be {expected}, not {got}",
    },
    "problem.bad-value": {"ja": "「{field}」{what}", "en": "'{field}' {what}"},
    "problem.bad-id": {
        "ja": "id「{value}」には空白・制御文字・区切り記号（, 、 |）を使えません。例:「{suggestion}」",
        "en": "id '{value}' may not contain spaces, control characters or the separators , 、 |; e.g. '{suggestion}'",
    },
    "problem.duplicate-id": {
        "ja": "id「{id}」はすでに{where}の{kind}が使っています",
        "en": "id '{id}' is already used by the {kind} at {where}",
    },
    "problem.conflicting-actor": {
        "ja": "アクター「{id}」の説明が{where}と違います: {field} がここでは「{ours}」、向こうでは「{theirs}」。"
        "そろえるか、別の id を付けてください",
        "en": "actor '{id}' is described differently in {where}: {field} '{ours}' here, '{theirs}' there; "
        "make them agree or give one a different id",
    },
    "problem.unknown-actor": {
        "ja": "「{value}」（{what}）というアクターは見つかりません{hint}",
        "en": "'{value}' ({what}) is not a known actor{hint}",
    },
    "problem.ambiguous-actor": {
        "ja": "「{value}」（{what}）に当てはまるアクターが複数あります: {candidates}。id で書いてください",
        "en": "'{value}' ({what}) fits more than one actor: {candidates}; write the id instead",
    },
    "problem.self-relation": {
        "ja": "「{value}」から自分自身への関係です。関係は2つの違うアクターを結びます",
        "en": "relation from '{value}' to itself; a relation joins two different actors",
    },
    "problem.control-character": {
        "ja": "「{field}」に制御文字 {char} が含まれています（端末の表示を乱します）。取り除いてください",
        "en": "'{field}' holds the control character {char}, which can garble a terminal; remove it",
    },
    "problem.bad-year": {"ja": "{what}", "en": "{what}"},
    "problem.bad-include": {"ja": "{what}", "en": "{what}"},
    "problem.bad-scalar": {"ja": "「{value}」は{kind}として読めません", "en": "'{value}' cannot be read as {kind}"},
    "problem.bad-scalar.fix": {
        "ja": "正しい値にするか、引用符で囲んで文字にしてください",
        "en": "correct it, or put it in quotes to keep it as text",
    },
    "problem.bad-tag": {"ja": "タグ「{tag}」は使えません", "en": "the tag '{tag}' is not supported"},
    "problem.bad-tag.fix": {
        "ja": "タグ（! で始まる印）を消してください",
        "en": "remove the tag (the mark starting with !)",
    },
    "problem.too-deep": {
        "ja": "入れ子が深すぎます（{limit}段まで）",
        "en": "nested too deeply (at most {limit} levels)",
    },
    "problem.too-deep.fix": {"ja": "ケースファイルは5段ほどで書けます", "en": "a case file needs about five levels"},
    "problem.merge-key": {"ja": "マージキー「<<」には対応していません", "en": "merge keys ('<<') are not supported"},
    "problem.merge-key.fix": {"ja": "項目をそのまま書き出してください", "en": "write the fields out in full"},
    # --- what went wrong ---------------------------------------------------------------------------------------
    "problem.what.too-big-file": {
        "ja": "ファイルが {mb} MB あります。ケースファイルは {limit} MB までです",
        "en": "file is {mb} MB; case files are limited to {limit} MB",
    },
    "problem.what.cannot-read": {"ja": "ファイルを読めません: {reason}", "en": "cannot read the file: {reason}"},
    "problem.what.binary": {
        "ja": "バイナリファイルです。YAMLのケースファイルではありません",
        "en": "this is a binary file, not a YAML case file",
    },
    "problem.what.utf16-no-bom": {
        "ja": "BOMのないUTF-16のようです。UTF-8（またはBOM付きUTF-16）で保存してください",
        "en": "the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)",
    },
    "problem.what.euc-jp": {
        "ja": "EUC-JPで保存されているようです。UTF-8かShift_JIS（CP932）で保存してください",
        "en": "the file looks like EUC-JP; save it as UTF-8 or Shift_JIS (CP932)",
    },
    "problem.what.encoding": {
        "ja": "文字コードが分かりません（{byte} という並びがあり、UTF-8でもShift_JISでもありません）。UTF-8で保存してください",
        "en": "unknown text encoding (found the bytes {byte}, which are neither UTF-8 nor Shift_JIS); save it as UTF-8",
    },
    "problem.what.too-big-nodes": {
        "ja": "ファイルが大きすぎるか入れ子が深すぎます（エイリアスのループ？）",
        "en": "the file is too large or too deeply nested (an alias loop?)",
    },
    "problem.what.two-documents": {
        "ja": "1つのファイルに複数のYAML文書があります（「---」の行）。1ファイルに1ケースにしてください",
        "en": "the file holds more than one YAML document (a '---' line); keep one case per file",
    },
    "problem.what.undefined-alias": {
        "ja": "エイリアス「*{anchor}」のアンカーがありません",
        "en": "found undefined alias '*{anchor}'",
    },
    "problem.what.surrogate": {
        "ja": "文字として読めない値（対になっていないサロゲート）です",
        "en": "the value holds a lone surrogate, which is not a character",
    },
    "problem.what.empty-file": {"ja": "ファイルが空です", "en": "the file is empty"},
    "problem.what.holds": {
        "ja": "ファイルの中身が{got}で、ケースではありません",
        "en": "the file holds {got}, not a case",
    },
    "problem.what.format-missing": {"ja": "「format」がありません", "en": "'format' is missing"},
    "problem.what.format-unsupported": {
        "ja": "format「{value}」には対応していません（この版が読むのは {expected}）",
        "en": "format '{value}' is not supported (this version reads {expected})",
    },
    "problem.what.colour": {
        "ja": "「{value}」は「#1f78b4」のような色ではありません",
        "en": "'{value}' is not a colour like '#1f78b4'",
    },
    "problem.what.visibility": {
        "ja": "が「{value}」です。public、internal、private のどれかにしてください{hint}",
        "en": "is '{value}'; use public, internal or private{hint}",
    },
    "problem.what.weight-range": {
        "ja": "が {value} です。1（弱い）、2（ふつう）、3（強い）のどれかにしてください",
        "en": "is {value}; use 1 (weak), 2 (ordinary) or 3 (strong)",
    },
    "problem.what.year-range": {
        "ja": "「{field}」の {value} は2005のような西暦の年ではありません",
        "en": "'{field}' is {value}, which is not a Western year such as 2005",
    },
    "problem.what.year-era": {
        "ja": "「{field}」の「{value}」はありえない年です（{era}は1〜{last}年）",
        "en": "'{field}' is '{value}', which is impossible ({era} runs from 1 to {last})",
    },
    "problem.what.year-date": {
        "ja": "「{field}」が日付です。年だけ（{year}）を書いてください",
        "en": "'{field}' is a date; write just the year, {year}",
    },
    "problem.what.year-digits": {
        "ja": "「{field}」の「{value}」にふつうの数字でない文字があります。0〜9で書いてください",
        "en": "'{field}' is '{value}', written with unusual digits; use 0–9",
    },
    "problem.what.not-year": {
        "ja": "「{field}」の「{value}」は年ではありません。2005、平成17年、H17 のように書いてください",
        "en": "'{field}' is '{value}', which is not a year; write e.g. 2005, 平成17年 or H17",
    },
    "problem.what.until-before-since": {
        "ja": "「until」（{until}）が「since」（{since}）より前です",
        "en": "'until' ({until}) is before 'since' ({since})",
    },
    "problem.what.no-case": {
        "ja": "「{name}」というケースファイルも収録ケースもありません{hint}",
        "en": "no case file or bundled case named '{name}'{hint}",
    },
    "problem.what.not-a-file": {"ja": "「{name}」はファイルではありません", "en": "'{name}' is not a file"},
    "problem.what.includes-itself": {
        "ja": "ファイルが自分自身を include しています（「{name}」）",
        "en": "the file includes itself ('{name}')",
    },
    # --- what kind of value was expected, and what was found ---------------------------------------------------
    "problem.kind.int": {"ja": "整数", "en": "a whole number"},
    "problem.kind.float": {"ja": "数", "en": "a number"},
    "problem.kind.bool": {"ja": "はい／いいえ（true/false）", "en": "true or false"},
    "problem.kind.timestamp": {"ja": "日付", "en": "a date"},
    "problem.kind.null": {"ja": "空の値", "en": "an empty value"},
    "problem.expected.text": {"ja": "文字", "en": "text"},
    "problem.expected.texts": {
        "ja": "[子育て, 居場所] のような文字のリスト",
        "en": "a list of text like [子育て, 居場所]",
    },
    "problem.expected.bool": {"ja": "true か false", "en": "true or false"},
    "problem.expected.weight": {"ja": "1、2、3 のどれかの整数", "en": "a whole number 1, 2 or 3"},
    "problem.expected.mapping": {"ja": "「項目: 値」の並び", "en": "a mapping of fields"},
    "problem.expected.list": {"ja": "リスト（「- 」で始まる行）", "en": "a list (lines starting with '- ')"},
    "problem.expected.include": {"ja": "ケースの id かファイルのパス", "en": "a case id or a file path"},
    "problem.expected.participants": {"ja": "アクターの id か名前のリスト", "en": "a list of actor ids or names"},
    "problem.got.nothing": {"ja": "空", "en": "nothing"},
    "problem.got.bool": {"ja": "{value}（はい／いいえの値）", "en": "{value} (a yes/no value)"},
    "problem.got.mapping": {"ja": "「項目: 値」の並び", "en": "a mapping"},
    "problem.got.list": {"ja": "リスト", "en": "a list"},
    "problem.got.number": {"ja": "数 {value}", "en": "the number {value}"},
    "problem.got.date": {"ja": "日付 {value}", "en": "the date {value}"},
    "problem.got.text": {"ja": "「{value}」", "en": "'{value}'"},
    "problem.got.other": {"ja": "{value}", "en": "{value}"},
    # --- records, references and hints -----------------------------------------------------------------------
    "problem.record.file": {"ja": "ファイル", "en": "the file"},
    "problem.record.district": {"ja": "district（地区）", "en": "district"},
    "problem.record.district-id": {"ja": "district（地区）「{id}」", "en": "district '{id}'"},
    "problem.record.actor": {"ja": "アクター", "en": "actor"},
    "problem.record.actor-id": {"ja": "アクター「{id}」", "en": "actor '{id}'"},
    "problem.record.relation": {"ja": "関係", "en": "relation"},
    "problem.record.project": {"ja": "協働事業", "en": "project"},
    "problem.record.project-id": {"ja": "協働事業「{id}」", "en": "project '{id}'"},
    "problem.record.participant": {"ja": "参加者", "en": "participant"},
    "problem.record.sector": {"ja": "セクター", "en": "sector"},
    "problem.record.source": {"ja": "source（出典）", "en": "source"},
    "problem.noun.actor": {"ja": "アクター", "en": "actor"},
    "problem.noun.project": {"ja": "協働事業", "en": "project"},
    "problem.where.line": {"ja": "{line}行目", "en": "line {line}"},
    "problem.ref.end": {"ja": "関係の「{end}」", "en": "relation '{end}'"},
    "problem.ref.participant": {"ja": "「{project}」の参加者", "en": "participant of '{project}'"},
    "problem.part.candidate": {"ja": "「{name}」（id: {id}）", "en": "'{name}' (id {id})"},
    "problem.hint.did-you-mean": {"ja": "（「{value}」のことですか？）", "en": "; did you mean '{value}'?"},
    "problem.hint.did-you-mean-as": {
        "ja": "（「{value}」＝{meaning} のことですか？）",
        "en": "; did you mean '{value}' ({meaning})?",
    },
    "problem.hint.bundled": {"ja": "。収録ケース: {names}", "en": "; bundled cases: {names}"},
    # --- actor arguments of commands (whatif --remove, map --focus, suggest --for) ---------------------------
    "problem.arg.unknown-actor": {
        "ja": "「{value}」というアクターは見つかりません{hint}",
        "en": "no actor has the id or name '{value}'{hint}",
    },
    "problem.arg.ambiguous-actor": {
        "ja": "「{value}」に当てはまるアクターが複数あります: {candidates}。id で指定してください",
        "en": "'{value}' fits more than one actor: {candidates}; give the id instead",
    },
}
