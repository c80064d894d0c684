"""Spreadsheets in: an Excel workbook (``kyodo template``'s layout or Kumu's) or CSV files → a located case tree.

The reader does not judge words. It turns the cells into the same located tree the YAML reader builds
(:class:`~kyodo_network._yaml.YMap` / :class:`~kyodo_network._yaml.YList`), so the loader applies every rule
(names for ids, Japanese sector words, 和暦 years, …) in one place for both kinds of file. Only what belongs to
the spreadsheet itself is decided here: which column is which (by its header), how a cell holds a list, which
sheets to read, and the three visibility words of the template's drop-down list.

Positions in the tree are ``(row, col, sheet)``, 1-based, e.g. ``(12, 2, "関係")`` for cell B12 of sheet 関係.
CSV files have no sheets: there the third element is a :class:`CsvFile`, the name of the file, so that each
position still says which file it is in (see :func:`where`).
"""

from __future__ import annotations

import re

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import Problem, problem
from .model import FORMAT
from .sheet_layout import (REVIEW_COMMENT, REVIEW_ITEM_HEADER, REVIEW_META, is_review_sheet)
from .sheet_layout import (DISTRICT_ROWS, DISTRICT_SHEET, LIST_SEPARATORS, TABLES, VISIBILITY_WORDS,
                           WRONG_SEPARATORS, Column, Table, cell_name, column_letter, normalise, split_list)
from .validate import label_hint
from ._yaml import YList, YMap

__all__ = ["CsvFile", "read_workbook", "read_csv_tables", "where", "MAX_WORKBOOK_BYTES"]

#: Workbooks larger than this are refused (a district's list is a few tens of kilobytes).
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
#: Rows read from one sheet or CSV file at most.
MAX_ROWS = 100_000

Pos = tuple[int, int, str]


class CsvFile(str):
    """The third element of a CSV position: the name of the file the cell is in."""


def where(display: str, pos: Pos) -> tuple[str, int, int, str]:
    """``(path, row, col, sheet)`` for a position of a tree from :func:`read_workbook` or :func:`read_csv_tables`.

    >>> where("my.xlsx", (12, 2, "関係"))
    ('my.xlsx', 12, 2, '関係')
    >>> where("ignored", (3, 1, CsvFile("actors.csv")))
    ('actors.csv', 3, 1, '')
    """
    row, col, sheet = pos
    if isinstance(sheet, CsvFile):
        return str(sheet), row, col, ""
    return display, row, col, sheet


def _at(code: str, display: str, pos: Pos, **fields: object) -> Problem:
    """A problem at a cell: with the sheet when :class:`Problem` has one, else the sheet and cell in the path."""
    path, row, col, sheet = where(display, pos)
    if sheet and "sheet" in getattr(Problem, "__dataclass_fields__", {}):
        return problem(code, path, row, col, sheet=sheet, **fields)
    if sheet:
        return problem(code, f"{path}:{sheet}!{cell_name(row, col)}" if row else f"{path}:{sheet}", **fields)
    return problem(code, path, row, col, **fields)


# --- cells → values ----------------------------------------------------------------------------------------

class _Reader:
    """Collects the tree and problems of one spreadsheet."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []

    def add(self, code: str, pos: Pos, **fields: object) -> None:
        self.problems.append(_at(code, self.display, pos, **fields))

    def value(self, col: Column, raw: Any, pos: Pos, *, separators: str = LIST_SEPARATORS) -> Any:
        """The cell as the YAML reader would give it; ``None`` for an empty cell."""
        if raw is None:
            return None
        if isinstance(raw, datetime | date):
            if col.kind == "year":
                return raw.year
            raw = raw.date().isoformat() if isinstance(raw, datetime) and not raw.time() else raw.isoformat()
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, str):
            raw = raw.strip()
            if not raw:
                return None
        if col.kind == "list":
            return self.items(col, str(raw), pos, separators)
        if col.kind == "visibility":
            word = VISIBILITY_WORDS.get(normalise(raw))
            if word is None:
                hint = label_hint(str(raw), VISIBILITY_WORDS)
                self.add("bad-value", pos, field=col.ja, what=f"is '{raw}'; use 公開, 内部 or 非公開 "
                                                               f"(public, internal, private){hint}")
            return word
        return raw

    def items(self, col: Column, text: str, pos: Pos, separators: str) -> YList | None:
        wrong = [ch for ch in WRONG_SEPARATORS if ch in text]
        if wrong:
            shown = "a line break" if wrong[0] == "\n" else f"'{wrong[0]}'"
            self.add("bad-value", pos, field=col.ja, what=f"separates items with {shown}; use 「、」, 「,」 or |")
        parts = split_list(text, separators + "".join(wrong))
        if not parts:
            return None
        if col.key == "participants":  # 「名前:役割」 gives a participant its role (招集 makes it the project's hub)
            parts = [_participant(p, pos) for p in parts]
        out = YList(parts)
        out.pos, out.item_pos = pos, [pos] * len(parts)
        return out


def _participant(text: str, pos: Pos) -> Any:
    """``名前:役割`` (or ``：``) as ``{id: 名前, role: 役割}``; a plain name as it is."""
    parts = re.split(r"[:：]", text, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return text
    name, role = parts
    m = _ymap(pos)
    _put(m, "id", name.strip(), pos)
    _put(m, "role", role.strip(), pos)
    return m


def _ymap(pos: Pos) -> YMap:
    out = YMap()
    out.pos, out.key_pos, out.value_pos = pos, {}, {}
    return out


def _put(m: YMap, key: str, value: Any, pos: Pos) -> None:
    m[key] = value
    m.key_pos[key] = m.value_pos[key] = pos


def _ylist(pos: Pos) -> YList:
    out = YList()
    out.pos, out.item_pos = pos, []
    return out


# --- one table (a sheet or a CSV file) ---------------------------------------------------------------------

Rows = Iterable[tuple[int, Sequence[Any]]]


def _read_table(r: _Reader, table: Table, rows: Rows, at: Callable[[int, int], Pos], *, kumu: bool,
                label: str) -> YList:
    """The records of one table. ``rows`` are (row number, cell values from column 1); ``at`` makes positions."""
    out = _ylist(at(1, 1))
    header: dict[int, Column] = {}
    header_row = 0
    unlabeled: set[int] = set()
    ignored: set[int] = set()  # columns whose header was reported already
    for number, cells in rows:
        if not header_row:
            if all(_blank(c) for c in cells):
                continue
            header_row = number
            out.pos = at(number, 1)
            header = _header(r, table, cells, number, at, label)
            ignored = {i for i, c in enumerate(cells, 1) if not _blank(c)}
            continue
        if all(_blank(c) for c in cells):
            continue
        rec = _ymap(at(number, 1))
        for i, raw in enumerate(cells, 1):
            col = header.get(i)
            if col is None:
                if not _blank(raw) and i not in unlabeled and i not in ignored:
                    unlabeled.add(i)
                    r.add("bad-value", at(number, i), field=f"column {column_letter(i)}",
                          what="has values but no header; add a header (see 使い方) or delete them")
                continue
            seps = "|" if kumu else LIST_SEPARATORS
            value = r.value(col, raw, at(number, i), separators=seps)
            if value is not None:
                _put(rec, col.key, value, at(number, i))
        if not rec:
            continue
        if table.key == "relations" and kumu:
            out.extend(_kumu_relations(rec, header, at, number, out))
        else:
            out.append(rec)
            out.item_pos.append(rec.pos)
    if header_row:
        for col in table.columns:
            if col.required and col not in header.values() and not (kumu and col.key == "type"):
                r.add("missing-field", at(header_row, 1), record=f"the header row of {label}",
                      field=f"{col.ja} / {col.en}")
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header(r: _Reader, table: Table, cells: Sequence[Any], number: int, at: Callable[[int, int], Pos],
            label: str) -> dict[int, Column]:
    header: dict[int, Column] = {}
    seen: dict[str, int] = {}
    choices = [h for col in table.columns for h in (col.ja, col.en)]
    for i, cell in enumerate(cells, 1):
        if _blank(cell):
            continue
        col = table.column(cell)
        if col is None:
            text = str(cell).strip()
            r.add("unknown-field", at(number, i), field=text, record=f"the header of {label}",
                  hint=label_hint(text, choices))
            continue
        if col.key in seen:
            first = cell_name(number, seen[col.key])
            r.add("bad-value", at(number, i), field=str(cell).strip(),
                  what=f"is a second column for {col.ja} / {col.en} (the first is {first}); keep one")
            continue
        seen[col.key] = i
        header[i] = col
    return header


def _kumu_relations(rec: YMap, header: dict[int, Column], at: Callable[[int, int], Pos], number: int,
                    out: YList) -> list[YMap]:
    """Kumu's connections: ``A|B`` in To makes one relation per target; an empty Type is ``cooperation``."""
    if "type" not in rec:
        type_col = next((i for i, c in header.items() if c.key == "type"), 1)
        _put(rec, "type", "cooperation", at(number, type_col))
    targets = split_list(str(rec["to"]), "|") if isinstance(rec.get("to"), str) else [rec.get("to")]
    made = []
    for target in targets or [None]:
        one = _ymap(rec.pos)
        for key, value in rec.items():
            if key == "to":
                if target is None:
                    continue
                value = target
            _put(one, key, value, rec.value_pos[key])
        made.append(one)
        out.item_pos.append(one.pos)
    return made


# --- workbooks ---------------------------------------------------------------------------------------------

def read_workbook(path: Path, display: str) -> tuple[YMap | None, list[Problem]]:
    """Read an ``.xlsx`` workbook in the template's layout or Kumu's into a located case tree.

    Parameters
    ----------
    path
        The workbook.
    display
        The file name to show in problems.

    Returns
    -------
    tuple
        The tree (``None`` when the file cannot be read at all) and the problems found in it.

    Notes
    -----
    The layout is told by the sheet names: ``Elements``/``Connections`` is Kumu's, otherwise the template's
    (アクター, 関係, 協働事業 and optional 地区, or their English names). Sheets whose name contains ``(ignore)``,
    the 使い方 sheet and sheets of other names are not read. In Kumu's layout an empty connection ``Type`` is
    ``cooperation`` and ``Tags`` and ``To`` are split on ``|`` only.
    """
    r = _Reader(display)
    try:
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            what = f"file is {size / 2**20:.1f} MB; workbooks are limited to {MAX_WORKBOOK_BYTES // 2**20} MB"
            return None, [problem("unreadable", display, what=what)]
        book = _open(path)
    except OSError as err:
        return None, [problem("unreadable", display, what=f"cannot read the file: {err.strerror or err}")]
    except ValueError as err:
        return None, [problem("unreadable", display, what=str(err))]
    try:
        sheets = {name: book[name] for name in book.sheetnames if "(ignore)" not in name.casefold()}
        by_norm = {normalise(name): name for name in sheets}
        kumu = "elements" in by_norm or "connections" in by_norm
        tree = _ymap((0, 0, ""))
        _put(tree, "format", FORMAT, (0, 0, ""))
        district_name = next((by_norm[normalise(n)] for n in DISTRICT_SHEET if normalise(n) in by_norm), None)
        rows = _sheet_rows(r, sheets[district_name], district_name) if district_name else []
        _district(r, tree, rows, lambda row, col: (row, col, district_name), path.stem)
        review_sheets = [n for n in sheets if is_review_sheet(n)]
        if review_sheets:
            _put(tree, "reviews", read_review_sheets(r, {n: sheets[n] for n in review_sheets}), (1, 1, review_sheets[0]))
        for table in TABLES.values():
            names = (table.kumu,) if kumu else (table.ja, table.en)
            found = next((by_norm[normalise(n)] for n in names if n and normalise(n) in by_norm), None)
            if found is None:
                if table.key == "actors" and not review_sheets:
                    wanted = " or ".join(f"「{n}」" for n in names)
                    hint = label_hint(next(iter(sheets), ""), [n for n in names if n])
                    r.problems.append(problem("missing-field", display, record="the workbook",
                                              field=f"a sheet {wanted} (it has {', '.join(book.sheetnames)}){hint}"))
                continue
            at = (lambda name: lambda row, col: (row, col, name))(found)
            label = f"sheet 「{found}」"
            _put(tree, table.key, _read_table(r, table, _sheet_rows(r, sheets[found], found), at, kumu=kumu,
                                              label=label), at(1, 1))
    finally:
        book.close()
    return tree, r.problems


def read_review_sheets(r: _Reader, sheets: dict[str, Any]) -> YList:
    """The 振り返り sheets (see :mod:`kyodo_network.sheet_layout`) as top-level review records, one per side."""
    out = _ylist((1, 1, next(iter(sheets), "")))
    meta_words = {normalise(h): key for key, ja, en, aliases in REVIEW_META for h in (ja, en, *aliases)}
    item_words = {normalise(h) for h in (REVIEW_ITEM_HEADER[0], REVIEW_ITEM_HEADER[1], *REVIEW_ITEM_HEADER[2])}
    comment_words = {normalise(h) for h in (REVIEW_COMMENT[0], REVIEW_COMMENT[1], *REVIEW_COMMENT[2])}
    for name, sheet in sheets.items():
        meta: dict[str, tuple[Any, Pos]] = {}
        sides: dict[int, YMap] = {}
        for number, cells in _sheet_rows(r, sheet, name):
            if not cells or _blank(cells[0]):
                continue
            first = normalise(cells[0])
            at = (lambda row: lambda col: (row, col, name))(number)
            if not sides and first in meta_words:
                value = next(((c, i) for i, c in enumerate(cells[1:], 2) if not _blank(c)), None)
                if value is not None:
                    raw = value[0]
                    raw = int(raw) if isinstance(raw, float) and raw.is_integer() else raw
                    raw = raw.year if isinstance(raw, datetime | date) else raw
                    meta[meta_words[first]] = (raw.strip() if isinstance(raw, str) else raw, at(value[1]))
                continue
            if not sides and first in item_words:
                for i, cell in enumerate(cells[2:], 3):
                    if _blank(cell):
                        continue
                    rec = _ymap(at(i))
                    _put(rec, "by", str(cell).strip(), at(i))
                    for key, (value, pos) in meta.items():
                        _put(rec, key, value, pos)
                    _put(rec, "scores", _ymap(at(i)), at(i))
                    sides[i] = rec
                continue
            if not sides:
                r.add("unknown-field", at(1), field=str(cells[0]).strip(), record=f"sheet 「{name}」",
                      hint=label_hint(str(cells[0]).strip(), [*meta_words, *item_words]))
                continue
            for i, rec in sides.items():
                raw = cells[i - 1] if i - 1 < len(cells) else None
                if _blank(raw):
                    continue
                raw = int(raw) if isinstance(raw, float) and raw.is_integer() else raw
                if first in comment_words:
                    _put(rec, "comment", str(raw).strip(), at(i))
                else:
                    _put(rec["scores"], str(cells[0]).strip(), raw.strip() if isinstance(raw, str) else raw, at(i))
        for rec in sides.values():
            out.append(rec)
            out.item_pos.append(rec.pos)
    return out


def _open(path: Path) -> Any:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as err:
        msg = ("this is not an Excel workbook (.xlsx) that can be read; in Excel choose "
               "「名前を付けて保存」→「Excel ブック (*.xlsx)」 / save it as an .xlsx workbook")
        raise ValueError(msg) from err


def _sheet_rows(r: _Reader, sheet: Any, name: str) -> Iterator[tuple[int, Sequence[Any]]]:
    sheet.reset_dimensions()  # some writers record a wrong size; read what is there
    for number, cells in enumerate(sheet.iter_rows(values_only=True), 1):
        if number > MAX_ROWS:
            r.add("unreadable", (number, 1, name), what=f"sheet has more than {MAX_ROWS} rows; the rest is not read")
            return
        yield number, cells


def _district(r: _Reader, tree: YMap, rows: Rows, at: Callable[[int, int], Pos], stem: str) -> None:
    """The 地区 sheet (項目 | 値 rows) into ``district``, ``source`` and ``include``; the name defaults to ``stem``."""
    district, source = _ymap(at(1, 1) if rows else (0, 0, "")), _ymap(at(1, 1) if rows else (0, 0, ""))
    known = {normalise(h): place for place, ja, en, aliases, _ in DISTRICT_ROWS for h in (ja, en, *aliases)}
    choices = [h for _, ja, en, _, _ in DISTRICT_ROWS for h in (ja, en)]
    for number, cells in rows:
        key = cells[0] if cells else None
        value = next((c for c in cells[1:] if not _blank(c)), None)
        if _blank(key) or normalise(key) in {"項目", "item", "値", "value"}:
            continue
        place = known.get(normalise(key))
        if place is None:
            text = str(key).strip()
            r.add("unknown-field", at(number, 1), field=text, record="the 地区 (District) sheet",
                  hint=label_hint(text, choices))
            continue
        if value is None:
            continue
        col = next(i for i, c in enumerate(cells[1:], 2) if not _blank(c))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime | date):
            value = value.isoformat()[:10]
        value = value.strip() if isinstance(value, str) else value
        if place == "include":
            _put(tree, "include", r.items(Column("include", "含める", "Include"), str(value), at(number, col),
                                          LIST_SEPARATORS), at(number, col))
            continue
        which, key_name = place.split(".")
        _put(district if which == "district" else source, key_name, value, at(number, col))
    if "name" not in district:
        _put(district, "name", stem, district.pos)
    if source:
        _put(tree, "source", source, source.pos)
    _put(tree, "district", district, district.pos)


# --- CSV ---------------------------------------------------------------------------------------------------

def read_csv_tables(actors: Path, relations: Path, projects: Path | None = None, *,
                    display: Callable[[Path], str] = str, district: str | None = None
                    ) -> tuple[YMap | None, list[Problem]]:
    """Read CSV files with the template's (or Kumu's) headers into a located case tree.

    Parameters
    ----------
    actors, relations, projects
        One CSV file per sheet of the template (Kumu's Elements and Connections for the first two).
    display
        How to show a path in problems.
    district
        The district's name; the actors file's stem when not given.

    Returns
    -------
    tuple
        The tree (``None`` when a file cannot be read) and the problems found. Positions are
        ``(line, col, CsvFile(name))``.

    Notes
    -----
    Files may be UTF-8 (with or without a BOM) or CP932 (Shift_JIS as Excel saves it on Japanese Windows).
    """
    r = _Reader(display(actors))
    texts: dict[str, tuple[Path, str]] = {}
    for key, path in (("actors", actors), ("relations", relations), ("projects", projects)):
        if path is None:
            continue
        text, problems = _csv_text(path, display(path))
        r.problems.extend(problems)
        if text is not None:
            texts[key] = (path, text)
    if len(texts) < sum(p is not None for p in (actors, relations, projects)):
        return None, r.problems
    tree = _ymap((0, 0, ""))
    _put(tree, "format", FORMAT, (0, 0, ""))
    district_map = _ymap((0, 0, ""))
    _put(district_map, "name", district or actors.stem, (0, 0, ""))
    _put(tree, "district", district_map, (0, 0, ""))
    first = next(csv.reader(io.StringIO(texts["actors"][1])), [])
    kumu = "label" in {normalise(h) for h in first}
    for key, (path, text) in texts.items():
        name = CsvFile(display(path))
        at = (lambda n: lambda row, col: (row, col, n))(name)
        _put(tree, key, _read_table(r, TABLES[key], _csv_rows(text), at, kumu=kumu, label=str(name)), at(1, 1))
    return tree, r.problems


def _csv_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_WORKBOOK_BYTES else None
    except OSError as err:
        return None, [problem("unreadable", shown, what=f"cannot read the file: {err.strerror or err}")]
    if raw is None:
        return None, [problem("unreadable", shown, what=f"file is larger than {MAX_WORKBOOK_BYTES // 2**20} MB")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        what = "the file is UTF-16 (Excel's 「Unicode テキスト」); save it as 「CSV UTF-8」 or 「CSV」"
        return None, [problem("unreadable", shown, what=what)]
    if b"\x00" in raw[:8192]:
        return None, [problem("unreadable", shown, what="this is a binary file, not a CSV file")]
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding), []
        except UnicodeDecodeError:
            continue
    what = "the file is neither UTF-8 nor Shift_JIS (CP932) text; save it from Excel as 「CSV UTF-8」"
    return None, [problem("unreadable", shown, what=what)]


def _csv_rows(text: str) -> Iterator[tuple[int, Sequence[Any]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for cells in reader:
        yield line, [c if c.strip() else None for c in cells]
        line = reader.line_num + 1
        if line > MAX_ROWS:
            return
