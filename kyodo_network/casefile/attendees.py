"""The list of people coming to a 交流会 (``kyodo seating --attendees FILE``): a workbook's sheet, a CSV file or a
plain text file with one name a line.

Only the names are read; matching them to actors is :func:`kyodo_network.analysis.seating.attendees_from_names`.
The column of names is the one whose heading says so (名前, 氏名, 団体名, 参加者, 出席者, name …), else the first
column that holds anything; the heading row itself is not a name. Empty cells, lines starting with ``#`` and
cells meaning none (:data:`~kyodo_network.names.NONE_WORDS`) are skipped.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from ..errors import CaseDataError, msg, problem
from ..names import NONE_WORDS
from ..words import clean, key

__all__ = ["read_attendees", "attendees_from_rows", "NAME_HEADINGS"]

#: Headings of the column of names.
NAME_HEADINGS = re.compile(
    r"名前|氏名|団体名|団体|参加者|出席者|所属|お名前|name|attendee|organi[sz]ation", re.IGNORECASE
)
#: The largest list read (bytes).
MAX_BYTES = 20 * 2**20
_NONE = frozenset(key(w) for w in NONE_WORDS)


def attendees_from_rows(rows: list[list[object]]) -> list[str]:
    """The names in a table's rows (see the module docstring).

    >>> attendees_from_rows([["No", "団体名"], [1, "みどりの会"], [2, " ＮＰＯあおば "], [3, None]])
    ['みどりの会', 'NPOあおば']
    >>> attendees_from_rows([["みどりの会"], ["地区社協"]])
    ['みどりの会', '地区社協']
    """
    rows = [["" if c is None else str(c).strip() for c in r] for r in rows]
    rows = [r for r in rows if any(r) and not r[0].startswith("#")]
    if not rows:
        return []
    col, start = None, 0
    for i, cell in enumerate(rows[0]):
        if cell and NAME_HEADINGS.search(cell) and len(cell) <= 12:
            col, start = i, 1
            break
    if col is None:
        col = next((i for i in range(max(map(len, rows))) if any(i < len(r) and r[i] for r in rows)), 0)
    out = []
    for r in rows[start:]:
        cell = clean(r[col]) if col < len(r) else ""
        if cell and key(cell) not in _NONE:
            out.append(cell)
    return out


def read_attendees(path: str | os.PathLike[str]) -> list[str]:
    """The names listed in the file at ``path``: ``.xlsx``/``.xlsm`` (the sheet named 参加者 or 出席者, else the
    first), ``.csv`` (UTF-8 or Shift_JIS), anything else as text with one name a line.

    Raises
    ------
    CaseDataError
        When the file cannot be read (not there, too big, not a workbook, an encoding that is neither UTF-8 nor
        Shift_JIS), with the problem's place.
    """
    shown = os.fspath(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CaseDataError(
                [
                    problem(
                        "unreadable",
                        shown,
                        what=msg("what.too-big-file", mb=f"{size / 2**20:.1f}", limit=MAX_BYTES // 2**20),
                    )
                ]
            )
        raw = p.read_bytes()
    except OSError as err:
        raise CaseDataError(
            [problem("unreadable", shown, what=msg("what.cannot-read", reason=err.strerror or str(err)))]
        ) from err
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        tables = []
        for cached in (True, False):  # a cell's value, or its formula as text where no value was saved
            try:
                book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=cached)
            except Exception as err:  # openpyxl raises many kinds for a file that is not a workbook  # noqa: BLE001
                raise CaseDataError(
                    [problem("unreadable", shown, what=msg("what.cannot-read", reason=str(err)))]
                ) from err
            sheet = next(
                (book[n] for n in book.sheetnames if re.search(r"参加者|出席者|attendees", n, re.I)), book.worksheets[0]
            )
            tables.append([list(r) for r in sheet.iter_rows(values_only=True)])
            book.close()
        values, formulas = tables
        rows = [
            [v if v is not None else (f[i] if i < len(f) else None) for i, v in enumerate(r)]
            for r, f in zip(values, formulas)
        ]
        return attendees_from_rows(rows)
    text = None
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise CaseDataError([problem("unreadable", shown, what=msg("what.csv-encoding"))])
    if p.suffix.lower() == ".csv":
        return attendees_from_rows([list(r) for r in csv.reader(io.StringIO(text))])
    return attendees_from_rows([[line] for line in text.splitlines()])
