"""Dates that Japanese Excel stores under a built-in era format, which openpyxl reads as plain numbers.

A cell shown as 「令和3年3月5日」 or 「R3.3.5」 usually has one of the built-in Japanese number formats (ids 27–31,
34–36 and 50–58 in ECMA-376 Part 1, §18.8.30). Being built in, they are not written to ``xl/styles.xml``;
openpyxl 3.1 knows only the locale-neutral built-ins, so it reports such a cell's ``number_format`` as
``'General'`` and its value as the serial number (``44260``). :func:`era_date_cells` finds those cells by reading
the workbook's parts directly, with the standard library only; :func:`serial_to_date` turns a serial into a date.
"""

from __future__ import annotations

import math
import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from typing import IO
from xml.etree import ElementTree as ET

__all__ = ["era_date_cells", "serial_to_date", "ERA_DATE_FORMAT_IDS"]

#: Built-in number formats that show a date in Japanese Excel (ECMA-376 Part 1, §18.8.30, ja-JP). 32 and 33
#: (h"時"mm"分", h"時"mm"分"ss"秒") show a time of day and are left out.
ERA_DATE_FORMAT_IDS: frozenset[int] = frozenset({27, 28, 29, 30, 31, 34, 35, 36, *range(50, 59)})

#: What a malformed or unreadable workbook raises while it is read.
_BROKEN = (OSError, EOFError, KeyError, ValueError, RuntimeError, zipfile.BadZipFile, zlib.error, ET.ParseError)

_LITERALS = re.compile(r'"[^"]*"|\\.|[_*].')  # quoted text, an escaped character, a padding or fill character
_TAG = re.compile(r"\[[^\]]*\]")  # [Red], [$-411], [$-ja-JP-x-gannen], [h], …
_JAPANESE_TAG = re.compile(r"\[\$[^\]]*-(?:[0-9a-f]*411|ja\b[^\]]*)\]", re.IGNORECASE)
_ERA_YEAR = re.compile(r"e(?![+-])", re.IGNORECASE)  # e is the era year in Japanese; E+ and E- are exponents
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")
_NUMBER = re.compile(r"\s*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\s*")
_LAST_SERIAL = 2958465  # 9999-12-31
_DAY_ZERO = date(1899, 12, 31)  # serial 0, shown by Excel as 1900-01-00


def serial_to_date(serial: float) -> date:
    """The day an Excel serial number stands for, in the 1900 date system; the time of day is dropped.

    Parameters
    ----------
    serial
        Days since 1899-12-31 as Excel counts them (1 is 1900-01-01).

    Returns
    -------
    datetime.date

    Raises
    ------
    ValueError
        For serial 60, Excel's 1900-02-29, a day that never existed; for a serial below 1 (a time of day
        alone) or past 9999-12-31; for NaN and infinities.

    Examples
    --------
    >>> serial_to_date(44260), serial_to_date(44260.75), serial_to_date(61)
    (datetime.date(2021, 3, 5), datetime.date(2021, 3, 5), datetime.date(1900, 3, 1))

    Notes
    -----
    Excel counts 1900 as a leap year, as Lotus 1-2-3 did, so from serial 61 (1900-03-01) on, a serial is the
    number of days since 1899-12-30. For every serial from 1 to 59 and from 61 on, this agrees with
    ``openpyxl.utils.datetime.from_excel``, which returns 1900-02-28 for serial 60. Workbooks in the 1904 date
    system (``date1904`` in ``xl/workbook.xml``, old Mac Excel) are not handled.
    """
    if isinstance(serial, bool) or not math.isfinite(serial):
        msg = f"{serial!r} is not an Excel date serial"
        raise ValueError(msg)
    day = math.floor(serial)
    if day == 60:
        msg = "Excel serial 60 is 1900-02-29, a day that never existed"
        raise ValueError(msg)
    if not 1 <= day <= _LAST_SERIAL:
        msg = f"Excel serial {serial!r} is not a day between 1900-01-01 and 9999-12-31"
        raise ValueError(msg)
    return _DAY_ZERO + timedelta(days=day - 1 if day > 60 else day)


def era_date_cells(path: str | os.PathLike[str] | IO[bytes]) -> dict[str, set[tuple[int, int]]]:
    """The cells of an .xlsx workbook that hold a number shown as a Japanese (era) date.

    A cell counts if its value is a number and its style has a built-in Japanese date format
    (:data:`ERA_DATE_FORMAT_IDS`) or a format of the workbook's own whose code shows an era (``ggg``, ``ge``,
    ``e`` with a Japanese locale such as ``[$-411]``, or ``[$-ja-JP-x-gannen]``).

    Parameters
    ----------
    path
        The workbook (a path or a binary file object).

    Returns
    -------
    dict
        Sheet name → set of ``(row, column)``, both counted from 1, for each sheet that has such cells; ``{}``
        when there are none, and when the file is not a readable workbook (this function never raises for a
        bad file).

    Examples
    --------
    A workbook of four parts: 「名簿」 A2 is shown as 令和3年3月5日 (format 28), B2 is a plain number.

    >>> import io, zipfile
    >>> main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    >>> rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    >>> book = io.BytesIO()
    >>> with zipfile.ZipFile(book, "w") as z:
    ...     z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
    ...                '<sheet name="名簿" sheetId="1" r:id="rId1"/></sheets></workbook>')
    ...     z.writestr("xl/_rels/workbook.xml.rels",
    ...                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    ...                f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
    ...                f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    ...     z.writestr("xl/styles.xml", f'<styleSheet xmlns="{main}"><cellXfs count="2">'
    ...                '<xf numFmtId="0"/><xf numFmtId="28"/></cellXfs></styleSheet>')
    ...     z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData><row r="2">'
    ...                '<c r="A2" s="1"><v>44260</v></c><c r="B2"><v>3</v></c></row></sheetData></worksheet>')
    >>> era_date_cells(book)
    {'名簿': {(2, 1)}}
    >>> era_date_cells("no-such-workbook.xlsx")
    {}

    Notes
    -----
    Reads ``_rels/.rels`` (falling back to ``xl/workbook.xml``), the workbook part and its relationships, the
    styles part and each worksheet, as ECMA-376 Part 1 (§12.3, §18.2, §18.3, §18.8) lays them out; transitional
    and strict namespaces alike. Worksheets are read with ``iterparse``, a row at a time, so memory stays
    small however large the sheet.

    See Also
    --------
    serial_to_date
    """
    try:
        with zipfile.ZipFile(path) as zf:
            return _era_date_cells(zf)
    except _BROKEN:
        return {}


def _era_date_cells(zf: zipfile.ZipFile) -> dict[str, set[tuple[int, int]]]:
    workbook = _workbook_part(zf)
    rels = _relationships(zf, workbook)
    styles = next((target for kind, target in rels.values() if kind == "styles"), None)
    if styles is None:
        return {}
    era_styles = _era_styles(zf, styles)
    if not era_styles:
        return {}
    found: dict[str, set[tuple[int, int]]] = {}
    for name, rid in _sheets(zf, workbook):
        kind, target = rels.get(rid, ("", ""))
        if kind == "worksheet":
            cells = _numbers_in_styles(zf, target, era_styles)
            if cells:
                found[name] = cells
    return found


def _local(tag: str) -> str:
    """An element or attribute name without its namespace."""
    return tag.rpartition("}")[2]


def _events(zf: zipfile.ZipFile, part: str) -> Iterator[tuple[str, ET.Element]]:
    """``(event, element)`` for the start and end of each element of a part."""
    with zf.open(part) as f:
        yield from ET.iterparse(f, events=("start", "end"))


def _workbook_part(zf: zipfile.ZipFile) -> str:
    """The workbook's part name, from the package relationships (``xl/workbook.xml`` if they do not say)."""
    if "_rels/.rels" in zf.namelist():
        for kind, target in _relationships(zf, "").values():
            if kind == "officeDocument":
                return target
    return "xl/workbook.xml"


def _relationships(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's internal relationships: id → (type's last word, target part name)."""
    folder, name = posixpath.split(part)
    rels: dict[str, tuple[str, str]] = {}
    for event, elem in _events(zf, posixpath.join(folder, "_rels", name + ".rels")):
        if event == "end" and _local(elem.tag) == "Relationship" and elem.get("TargetMode") != "External":
            target = elem.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            rels[elem.get("Id", "")] = (elem.get("Type", "").rpartition("/")[2], posixpath.normpath(target))
            elem.clear()
    return rels


def _sheets(zf: zipfile.ZipFile, workbook: str) -> list[tuple[str, str]]:
    """``(name, relationship id)`` of each sheet, in the workbook's order."""
    sheets = []
    for event, elem in _events(zf, workbook):
        if event == "end" and _local(elem.tag) == "sheet":
            rid = next((v for k, v in elem.attrib.items() if k.startswith("{") and _local(k) == "id"), "")
            sheets.append((elem.get("name", ""), rid))
    return sheets


def _era_styles(zf: zipfile.ZipFile, part: str) -> set[int]:
    """Indexes into ``cellXfs`` whose number format shows a Japanese date."""
    codes: dict[int, str] = {}
    formats: list[int] = []
    inside = ""
    for event, elem in _events(zf, part):
        tag = _local(elem.tag)
        if event == "start":
            inside = tag if tag in ("numFmts", "cellXfs") else inside
            continue
        if tag == "numFmt" and inside == "numFmts":
            codes[int(elem.get("numFmtId", ""))] = elem.get("formatCode", "")
        elif tag == "xf" and inside == "cellXfs":
            formats.append(int(elem.get("numFmtId", "0")))
        elif tag in ("numFmts", "cellXfs"):
            inside = ""
        elem.clear()
    return {
        i for i, fmt in enumerate(formats) if (_is_era_code(codes[fmt]) if fmt in codes else fmt in ERA_DATE_FORMAT_IDS)
    }


def _is_era_code(code: str) -> bool:
    """True if a number-format code shows a Japanese era (ggg, ge, e under [$-411], [$-ja-JP-x-gannen])."""
    code = _LITERALS.sub("", code)
    tags = _TAG.findall(code)
    body = _TAG.sub("", code).casefold().replace("general", "")
    if "g" in body or any("gannen" in tag.casefold() for tag in tags):
        return True
    return any(_JAPANESE_TAG.fullmatch(tag) for tag in tags) and _ERA_YEAR.search(body) is not None


def _numbers_in_styles(zf: zipfile.ZipFile, part: str, styles: set[int]) -> set[tuple[int, int]]:
    """``(row, column)`` of the cells of a worksheet that hold a number and have one of the styles."""
    found: set[tuple[int, int]] = set()
    parent: ET.Element | None = None
    row = col = 0
    for event, elem in _events(zf, part):
        tag = _local(elem.tag)
        if event == "start":
            if tag == "sheetData":
                parent = elem
            elif tag == "row":
                row, col = int(elem.get("r") or row + 1), 0
            continue
        if tag == "c":
            row, col = _position(elem.get("r"), row, col)
            if int(elem.get("s") or 0) in styles and elem.get("t", "n") == "n" and _holds_number(elem):
                found.add((row, col))
        elif tag == "row" and parent is not None:
            parent.clear()  # the finished row and its cells
    return found


def _position(ref: str | None, row: int, col: int) -> tuple[int, int]:
    """A cell's (row, column) from its reference (``B2``), or the next column when it has none."""
    if ref is None:
        return row, col + 1
    m = _CELL_REF.fullmatch(ref)
    if m is None:
        msg = f"{ref!r} is not a cell reference"
        raise ValueError(msg)
    number = 0
    for letter in m.group(1).upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return int(m.group(2)), number


def _holds_number(cell: ET.Element) -> bool:
    """True if a ``c`` element's value (``v``) is a finite number."""
    value = next((child.text for child in cell if _local(child.tag) == "v"), None)
    return value is not None and _NUMBER.fullmatch(value) is not None
