"""The stylesheet of the report page: screen and print (A4 portrait).

Kept apart from :mod:`.report` so the page's look is in one place; the PDF writer adds only the embedded font.
"""

from __future__ import annotations

#: Font families of the page; the PDF writer puts the embedded IPAexGothic first.
FONTS = '"IPAexGothic","Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif'

CSS = """
:root{--ink:#222;--muted:#555;--rule:#ccc;--band:#f3f5f8}
*{box-sizing:border-box}
html{font-family:%(fonts)s;color:var(--ink);line-height:1.5}
body{margin:0 auto;max-width:60rem;padding:1.2rem 1.5rem;font-size:11pt}
header h1{font-size:17pt;margin:0 0 .2rem;line-height:1.3}
header p{margin:.1rem 0;color:var(--muted);font-size:9.5pt}
h2{font-size:12.5pt;margin:1rem 0 .35rem;padding:.15rem .4rem;background:var(--band);border-left:4px solid #4a6fa5;
   break-after:avoid;page-break-after:avoid}
h3{font-size:11pt;margin:.6rem 0 .2rem;break-after:avoid;page-break-after:avoid}
h2+*,h3+*{break-before:avoid;page-break-before:avoid}
figure{margin:.3rem 0 0}
figure .map{width:100%%;border:1px solid var(--rule)}
figure .map svg{display:block;width:100%%;height:auto}
figcaption{font-size:9pt;color:var(--muted);margin-top:.2rem}
ol,ul{margin:.2rem 0 .2rem 1.4rem;padding:0}
li{margin:.15rem 0;break-inside:avoid}
li .who{font-weight:bold}
li .sub{display:block;font-size:9.5pt;color:var(--muted)}
p.note{font-size:9.5pt;color:var(--muted);margin:.2rem 0}
table{border-collapse:collapse;font-size:9.5pt;margin:.2rem 0}
th,td{border-bottom:1px solid var(--rule);padding:.12rem .45rem;text-align:left;vertical-align:top}
tr{break-inside:avoid}
table.wide{width:100%%}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.gloss,ul.glossary{font-size:8.5pt;color:var(--muted)}
table.indicators td:first-child,table.compare td:first-child{white-space:nowrap}
.cols{display:flex;gap:1.2rem;flex-wrap:wrap}
.cols>section{flex:1 1 20rem;min-width:0}
footer{margin-top:1rem;font-size:8.5pt;color:var(--muted);border-top:1px solid var(--rule);padding-top:.3rem}
a{color:#1f4e9a}
@page{size:A4;margin:11mm 12mm}
@media print{
  body{max-width:none;padding:0;font-size:9pt;line-height:1.4}
  /* one section after another, each starting with its heading: no multi-column flow that could leave a heading
     at the foot of a column, and a short section kept whole */
  .cols{display:block}
  section{break-inside:avoid;page-break-inside:avoid}
  section#indicators,section#reviews{break-inside:auto;page-break-inside:auto}
  header h1{font-size:14pt}
  h2{font-size:11pt;margin:.55rem 0 .25rem}
  /* the map: the whole width of the text, at the size it was drawn for (labels of 7.5 pt or more) */
  section#map,figure{break-inside:avoid;page-break-inside:avoid}
  figure .map{border:none}
  figure .map svg{width:100%%;height:auto;max-height:none}
  .screen-only{display:none}
  a{color:inherit;text-decoration:none}
  table{font-size:8.5pt}
  td.gloss,ul.glossary{font-size:7.5pt}
  li .sub,p.note{font-size:8pt}
  header p{font-size:8pt}
  html[lang=en] body{font-size:8.5pt;line-height:1.3}
  html[lang=en] li .sub,html[lang=en] p.note{font-size:7.5pt}
}
""" % {"fonts": FONTS}
