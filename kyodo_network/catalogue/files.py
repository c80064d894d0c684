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
    "cli.output_failed": {"ja": "エラー: 結果を書き出せませんでした（{reason}）。ディスクの空きや出力先を確かめてください",
                          "en": "Error: the output could not be written ({reason}); check the disk space and the destination"},
    "files.same-target": {
        "ja": "{path} に2つの出力を書こうとしています。出力先を分けてください",
        "en": "two outputs would be written to {path}; give them different paths",
    },
}
