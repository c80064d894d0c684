"""Words of the spreadsheet commands: template and import."""

_EX_TEMPLATE = """
\b
{examples}
  kyodo template
  kyodo template --lang en -o english.xlsx
"""
_EX_IMPORT = """
\b
{examples}
  kyodo import nippa.xlsx -o nippa-from-excel.yaml
"""

ENTRIES = {
    "cli.template.help": {
        "ja": "Excel で記入するブックを作る。\n\n"
        "シートは 地区・アクター・関係・協働事業・使い方。セクター・種類・公開範囲は一覧から選べます。記入した"
        "ブックはそのまま各コマンドの CASE になります（例: kyodo map my-district.xlsx）。--lang en で英語版。"
        "すでにあるファイルは --force がない限り上書きしません。\n" + _EX_TEMPLATE.format(examples="例:"),
        "en": "Write a blank workbook to fill in Excel.\n\n"
        "Sheets District, Actors, Relations, Projects and How to use; Sector, Type and Visibility have drop-down "
        "lists. Once filled in, the workbook is a CASE for every command (e.g. kyodo map my-district.xlsx). "
        "An existing file is kept unless --force.\n" + _EX_TEMPLATE.format(examples="Example:"),
    },
    "cli.import.help": {
        "ja": "Excel や CSV から事例ファイル（YAML）を作る。\n\n"
        "ブック（kyodo template の形、または Kumu の Elements/Connections）1つか、CSV 2つ（アクター・関係）"
        "か3つ（＋協働事業）を読みます。CSV の見出しはテンプレートと同じで、UTF-8 か Shift_JIS。書く前に"
        "確かめ、問題があればセルの場所を添えて全部示し、何も書きません。入力ファイルは上書きしません。\n"
        + _EX_IMPORT.format(examples="例:"),
        "en": "Turn a workbook or CSV files into a case file (YAML).\n\n"
        "Reads one workbook (the template's layout or Kumu's Elements/Connections) or two CSV files (actors, "
        "relations) or three (+ projects) with the template's headers, UTF-8 or Shift_JIS. The case is checked "
        "before it is written; every problem is listed with its cell and nothing is written. The input is "
        "never overwritten.\n" + _EX_IMPORT.format(examples="Example:"),
    },
    "opt.template.output": {
        "ja": "書き出すファイル（既定: このフォルダの my-district.xlsx）。",
        "en": "File to write (default: my-district.xlsx in this folder).",
    },
    "opt.import.output": {
        "ja": "書き出す事例ファイル（既定: 入力の名前で拡張子 .yaml）。",
        "en": "Case file to write (default: the input's name with .yaml).",
    },
    "opt.force": {"ja": "すでにあるファイルを上書きする。", "en": "Replace an existing file."},
    "sheets.exists": {
        "ja": "{path} はもうあります。上書きするなら --force を付けてください",
        "en": "{path} already exists; add --force to replace it",
    },
    "sheets.inputs": {
        "ja": "ブック（.xlsx）1つか、CSV 2つか3つ（アクター・関係・協働事業）を指定してください",
        "en": "give one .xlsx workbook, or two or three .csv files (actors, relations[, projects])",
    },
    "sheets.next": {
        "ja": "次に: Excel で記入して保存し、kyodo map {path} で地図にします。",
        "en": "Next: fill it in Excel, save, and draw it with kyodo map {path}",
    },
}
