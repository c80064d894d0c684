"""The hand-over sheet as a printable page: one A4 sheet a person leaving (異動) goes through with a successor.

Self-contained HTML (no script, no external file, a Content-Security-Policy that forbids them); every text from
the data is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

__all__ = ["handover_html"]

CSP = "default-src 'none'; style-src 'unsafe-inline'"
CSS = """
body{font-family:"Noto Sans CJK JP","IPAexGothic","Hiragino Sans","Yu Gothic",sans-serif;max-width:56rem;margin:1rem auto;
padding:0 1rem;font-size:11pt;line-height:1.5;color:#222}
h1{font-size:16pt;margin:.2rem 0 .6rem}
table{border-collapse:collapse;width:100%;font-size:9.5pt}
th,td{border:1px solid #bbb;padding:.3rem .4rem;vertical-align:top;text-align:left}
th{background:#eef2f7;width:9rem}
section{break-inside:avoid;margin:0 0 .8rem}
h2{font-size:12pt;margin:.8rem 0 .3rem;border-left:4px solid #4a6fa5;padding-left:.4rem}
.note{font-size:9pt;color:#555}
.check{display:inline-block;width:1em;height:1em;border:1px solid #333;margin-right:.4em;vertical-align:-.15em}
@page{size:A4;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:9.5pt}}
"""


def handover_html(
    title: str,
    rows: Sequence[Mapping[str, object]],
    labels: Mapping[str, str],
    *,
    lang: str = "ja",
    note: str = "",
    empty: str = "",
) -> str:
    """The page: ``title``, then one block per partner with the fields of ``rows`` headed by ``labels``.

    >>> page = handover_html("F <係長>", [{"partner": "<b>会</b>", "first": "紹介する"}],
    ...                      {"partner": "相手", "first": "最初にすること"})
    >>> "&lt;b&gt;会&lt;/b&gt;" in page and "<b>会" not in page and "F &lt;係長&gt;" in page
    True
    """
    e = html.escape
    blocks = []
    keys = [k for k in labels if k != "partner"]
    for r in rows:
        cells = "".join(f"<tr><th>{e(labels[k])}</th><td>{e(str(r.get(k, '')))}</td></tr>" for k in keys)
        head = f'<span class="check"></span>{e(str(r.get("partner", "")))}'
        if r.get("mark"):
            head += f' <span class="note">{e(str(r["mark"]))}</span>'
        blocks.append(f"<section><h2>{head}</h2><table>{cells}</table></section>")
    body = "".join(blocks) or f"<p>{e(empty)}</p>"
    foot = f'<p class="note">{e(note)}</p>' if note else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n<h1>{e(title)}</h1>\n{body}\n{foot}\n</body>\n</html>\n"
    )
