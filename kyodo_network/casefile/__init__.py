"""Case files: the readers and writers of every format a coordinator's data comes in, side by side.

| module | reads | writes |
|---|---|---|
| ``fields`` | the fields of a district, actor, relation and project — their kinds, YAML keys and sheet headings — declared once | |
| ``yaml`` | a ``kyodo-case/1`` YAML file into a located tree | the case file's text (``kyodo import``) |
| ``sheets`` | any workbook or CSV list (団体一覧, survey exports, Kumu, the template) into the same tree | |
| ``workbook`` | | the template and a case as a workbook (``kyodo template``, ``kyodo export``) |
| ``layout`` | the sheet layout shared by ``sheets`` and ``workbook``: sheet names, separators, the 振り返り sheet | |
| ``reviews`` | reviews (the check sheet) and 協働協定書 items in a case file | |
| ``excel_dates`` | Excel's Japanese era-format date cells | |
| ``sniff`` | what a file is, from its bytes (a workbook, an old .xls, a password-protected file, UTF-16 text …) | |

A new spreadsheet column is one :class:`~kyodo_network.casefile.fields.Field` in :mod:`.fields` (with its catalogue
words in ``catalogue/reading.py``); the YAML loader, the sheet reader, the template and the export all read it from
there. Writing a file to disk is the render floor's door (:mod:`kyodo_network.render._write`): the writers here
return text or bytes.
"""
