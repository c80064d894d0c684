"""Messages about writing files: refusals to overwrite inputs, write failures."""

ENTRIES = {
    "files.is-input": {
        "ja": "{path} は入力ファイルです。上書きしないよう、別の出力先を -o で指定してください",
        "en": "{path} is an input file; give another output path so that it is not overwritten",
    },
    "files.cannot-write": {
        "ja": "{path} に書き込めません: {reason}",
        "en": "cannot write {path}: {reason}",
    },
    "cli.out_of_memory": {
        "ja": "エラー: このパソコンのメモリが足りず、最後まで計算できませんでした（何も書き出していません）。"
        "区ごと・地区ごとのファイルに分けて実行するか（例: kyodo bridges 港北区/*.yaml）、メモリの多いパソコンで"
        "実行してください。目安: 10万主体で約2GB、100万主体で約20GB",
        "en": "Error: this computer ran out of memory before the work was done (nothing was written). Run it on one "
        "ward's or district's files at a time (e.g. kyodo bridges kohoku/*.yaml), or on a computer with more memory. "
        "About 2 GB for 100,000 actors, about 20 GB for 1,000,000",
    },
    "cli.output_failed": {
        "ja": "エラー: 結果を書き出せませんでした（{reason}）。ディスクの空きや出力先を確かめてください",
        "en": "Error: the output could not be written ({reason}); check the disk space and the destination",
    },
    "files.same-target": {
        "ja": "{path} に2つの出力を書こうとしています。出力先を分けてください",
        "en": "two outputs would be written to {path}; give them different paths",
    },
    # --- where outputs go (render/outputs.py): -o, default names, the kind of each output ----------------------
    "files.wrong-suffix": {
        "ja": "{path} は{kind}（{fmt}）の名前に合いません。{suffixes} で終わる名前にしてください（フォルダなら最後に / を付けます）",
        "en": "{path} does not fit a {fmt} {kind}: end the name in {suffixes} (or, for a folder, in /)",
    },
    "files.unknown-suffix": {
        "ja": "{path} の拡張子では{kind}の形式がわかりません。{suffixes} のどれかで終わる名前にしてください（フォルダなら最後に / を付けます）",
        "en": "cannot tell the {kind}'s format from {path}: end the name in one of {suffixes} (or, for a folder, in /)",
    },
    "files.needs-format": {
        "ja": "{path} はフォルダです。{kind}の形式を --format {formats} で選んでください",
        "en": "{path} is a folder: choose the {kind}'s format with --format {formats}",
    },
    "files.needs-folder": {
        "ja": "{n}地区を書き出すので、-o にはフォルダを指定してください（{path} はファイル名です。最後に / を付けるとフォルダになります）",
        "en": "{n} districts are written, so -o must name a folder ({path} is a file name; end it in / for a folder)",
    },
    "files.kind.map": {"ja": "地図", "en": "map"},
    "files.kind.map-index": {"ja": "地図の一覧", "en": "map index"},
    "files.kind.report": {"ja": "報告", "en": "report"},
    "files.kind.report-index": {"ja": "報告の一覧", "en": "report index"},
    "files.kind.export": {"ja": "書き出し", "en": "export"},
    "files.kind.chart": {"ja": "比較の図", "en": "comparison chart"},
    "files.kind.review-chart": {"ja": "振り返りの図", "en": "review chart"},
    "files.kind.review-sheet": {"ja": "チェックシート", "en": "check sheet"},
    "files.kind.handover": {"ja": "引き継ぎ表", "en": "hand-over sheet"},
    "files.opt.map.output": {
        "ja": "書き出すファイル（.html .png .svg .pdf で形式も決まります）か、フォルダ（最後が / か拡張子なし）。"
        "既定: outputs/<事例>-map.html。名前の決まりは README「出力ファイルの名前」。CASE を省いたときは"
        "すべての地図と一覧 maps.html を入れるフォルダ。",
        "en": "File to write (.html .png .svg .pdf also set the format) or a folder (ending in / or with no "
        'suffix). Default: outputs/<case>-map.html; names as in the README\'s "Output names". With no CASE, '
        "the folder for every map and their index maps.html.",
    },
    "files.opt.report.output": {
        "ja": "書き出すフォルダ（既定: outputs/）。1地区なら .html か .pdf のファイル名も指定できます（地図はその隣に）。",
        "en": "Folder to write into (default: outputs/). For one district, a .html or .pdf file name also works "
        "(its map goes beside it).",
    },
    "files.opt.export.output": {
        "ja": "書き出すファイル（拡張子で形式も決まります）か、フォルダ（最後が / か拡張子なし、既定: outputs/）。"
        "csv は name.csv で name-nodes.csv と name-edges.csv に。",
        "en": "File to write (its suffix also sets the format) or a folder (ending in / or with no suffix; "
        "default: outputs/). For csv, name.csv gives name-nodes.csv and name-edges.csv.",
    },
    "files.opt.compare.chart": {
        "ja": "スライド用の比較図も描く: .png、.svg、.html で終わるファイル名か、フォルダ（最後が /）。",
        "en": "Also draw the comparison for a slide: a name ending in .png, .svg or .html, or a folder (ending in /).",
    },
    "files.opt.review.chart": {
        "ja": "原則×回答者の図を書く: .png か .svg で終わるファイル名か、フォルダ（最後が /）。",
        "en": "Write a principles × sides chart: a name ending in .png or .svg, or a folder (ending in /).",
    },
    "files.opt.review.output": {
        "ja": "--sheet の出力先: .pdf・.html・.xlsx で終わるファイル名か、フォルダ（最後が /、PDF で書きます）。",
        "en": "Where --sheet writes: a name ending in .pdf, .html or .xlsx, or a folder (ending in /; a PDF goes in).",
    },
    "files.opt.handover.output": {
        "ja": "--format html の書き出し先（既定: outputs/<事例>-handover-<ID>.html）。印刷できる引き継ぎ表です。",
        "en": "Where --format html writes (default: outputs/<case>-handover-<id>.html): a printable hand-over sheet.",
    },
}
