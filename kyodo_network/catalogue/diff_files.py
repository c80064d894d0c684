"""Words of ``kyodo diff OLD NEW``: two files of one district compared."""

ENTRIES = {
    "cli.diff.needs": {
        "ja": "CASE 1つと --from・--to（年を比べる）か、CASE 2つ（前のファイル・後のファイル）を指定してください",
        "en": "give one CASE with --from and --to (years), or two CASEs (the file before, the file after)",
    },
}
