"""Spreadsheets in: any workbook or CSV file that lists groups, ties or projects → a located case tree.

Lists come as offices keep them: a 団体一覧 with a merged title row and a blank row above the headings, partners
listed in one cell, a 種別 cell merged over several rows, a second sheet of projects (協働事業名・参加団体・年度・
所管課) with one event on a row per year; a survey export with one row per answer; Kumu's Elements and
Connections; ``kyodo template``'s own workbook. The reader finds each sheet's heading row (the first row with
headings it knows, below any title and blank rows), tells from the headings what the sheet lists, fills merged
cells, and turns the cells into the same located tree the YAML reader builds
(:class:`~kyodo_network._yaml.YMap` / :class:`~kyodo_network._yaml.YList`), so that the loader applies every
rule (words, names, years) in one place for every kind of file. What it understood — each column's meaning, the
title it skipped, rows it merged — is kept as notes (``tree.notes``) that ``kyodo validate`` and ``kyodo import``
show.

The heading words are declared once, in :data:`kyodo_network.sheet_layout.TABLES`. A heading it does not know is
a note, never a problem; ``--column 見出し=項目`` reads it. Positions are ``(row, col, sheet)``, 1-based; in a
CSV file the third element is a :class:`~kyodo_network.model.CsvFile`, the file's name.
"""

from __future__ import annotations

import csv
import io
import re
from itertools import zip_longest
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import Msg, Problem, msg, problem
from ..model import FORMAT, CsvFile, place
from .layout import REVIEW_COMMENT, REVIEW_ITEM_HEADER, REVIEW_META, is_review_sheet
from .layout import (
    ANALYSIS_SHEET,
    DISTRICT_ROWS,
    DISTRICT_SHEET,
    HOWTO_SHEET,
    LIST_SEPARATORS,
    PRIVATE_MARKS,
    TABLES,
    VISIBILITY_WORDS,
    Column,
    Table,
    cell_name,
    heading,
    normalise,
    split_list,
)
from ..validate import hint_for
from ..names import NONE_WORDS as NAMES_NONE_WORDS
from ..words import key
from .yaml import YList, YMap

__all__ = [
    "CsvFile",
    "read_workbook",
    "read_csv_tables",
    "read_csv_case",
    "where",
    "MAX_WORKBOOK_BYTES",
    "district_name_from",
    "parse_column_overrides",
]

#: Workbooks larger than this are refused (a district's list is a few tens of kilobytes).
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
#: Rows read from one sheet or CSV file at most.
MAX_ROWS = 100_000
#: The heading row is looked for among this many rows from the top (title rows, blank rows, notes above it).
HEADER_SEARCH_ROWS = 30

Pos = tuple[int, int, str]


def where(display: str, pos: Pos) -> tuple[str, int, int, str]:
    """``(path, row, col, sheet)`` for a position of a tree from :func:`read_workbook` or :func:`read_csv_tables`.

    >>> where("my.xlsx", (12, 2, "関係"))
    ('my.xlsx', 12, 2, '関係')
    >>> where("ignored", (3, 1, CsvFile("actors.csv")))
    ('actors.csv', 3, 1, '')
    """
    return place(display, pos)


class _Reader:
    """Collects the problems and notes of one spreadsheet."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []

    def add(self, code: str, pos: Pos, **fields: object) -> None:
        path, row, col, sheet = place(self.display, pos)
        self.problems.append(problem(code, path, row, col, sheet=sheet, **fields))

    def note(self, code: str, pos: Pos, **fields: object) -> None:
        path, row, col, sheet = place(self.display, pos)
        self.notes.append(problem(code, path, row, col, sheet=sheet, **fields))


def _ymap(pos: Pos) -> YMap:
    out = YMap()
    out.pos, out.key_pos, out.value_pos = pos, {}, {}
    return out


def _put(m: YMap, key_: str, value: Any, pos: Pos) -> None:
    m[key_] = value
    m.key_pos[key_] = m.value_pos[key_] = pos


def _ylist(pos: Pos, items: Iterable[Any] = (), positions: Iterable[Pos] = ()) -> YList:
    out = YList(items)
    out.pos, out.item_pos = pos, list(positions)
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


#: Cell texts that mean "none" in a list column or a partners cell (a survey's 特になし, 無回答): the one list,
#: :data:`kyodo_network.names.NONE_WORDS`, compared by key.
NONE_WORDS = frozenset(key(w) for w in NAMES_NONE_WORDS)

#: Extra separators a list cell may use beyond the template's (a line break, a semicolon).
MORE_SEPARATORS = ";；\n／/"


# --- where the table is, and what it lists --------------------------------------------------------------------


def _headings() -> dict[str, list[tuple[str, Column]]]:
    out: dict[str, list[tuple[str, Column]]] = {}
    for table in TABLES.values():
        for col in table.columns:
            for h in col.headers():
                for k in dict.fromkeys((normalise(h), heading(h)[0])):
                    if (table.key, col) not in out.get(k, []):
                        out.setdefault(k, []).append((table.key, col))
    return out


_HEADINGS = _headings()
#: A column that says what a sheet lists: a relation needs both ends, a project its participants, an actor its name.
_DEFINING = {"relations": ("from", "to"), "projects": ("participants",), "actors": ("name",)}


def parse_column_overrides(items: Iterable[str]) -> tuple[dict[str, str], list[Msg]]:
    """``--column 見出し=項目`` options as ``{heading: field}``, and a message for each that cannot be read.

    The field is a column key of any table (``name``, ``sector``, ``partners``, ``needs`` …) or its Japanese
    heading (``名前``, ``連携先`` …); ``skip`` (or 読まない) leaves the column out.

    >>> parse_column_overrides(["困りごと=needs", "つながり=主な連携先", "x"])[0]
    {'困りごと': 'needs', 'つながり': 'partners'}
    """
    out: dict[str, str] = {}
    bad: list[Msg] = []
    known = {c.key for t in TABLES.values() for c in t.columns}
    for item in items:
        head, sep, field_ = item.partition("=")
        field_ = field_.strip()
        if field_ in ("読まない", "無視"):
            field_ = "skip"
        if field_ not in known:
            found = _HEADINGS.get(heading(field_)[0]) if field_ else None
            field_ = found[0][1].key if found else ""
        if not sep or not head.strip() or not field_:
            bad.append(msg("bad-column", value=item, fields=tuple(sorted(known))))  # listed whole, never cut
            continue
        out[head.strip()] = field_
    return out, bad


#: Headings matched by the words they hold when no heading matches whole: a survey's question (「あなたの団体の名前を
#: 教えてください」), a list's own wording (機関名, 連携内容, 活動開始年月). Tried in order; the first rule whose pattern
#: is found names the field. Decided here, once: a question about the group's name is its name, one about whom it
#: works with its partners; a respondent's own name or e-mail in a form export is not the group's (see _FORM_WORDS).
LOOSE_HEADINGS: tuple[tuple[str, str, str], ...] = (
    (
        "actors",
        "partners",
        r"一緒に活動|連携(先|団体|内容|相手)|協力(団体|先)|つながり|関係(団体|機関)|協働(先|相手)|付き合い",
    ),
    ("actors", "name", r"(団体|機関|組織|施設|法人|会社|事業所|グループ|サークル|お店|店舗|学校)(の)?(名前|名称|名)"),
    ("actors", "sector", r"種別|分類|区分|団体の種類"),
    ("actors", "needs", r"困って|困りごと|課題|求めて|必要として|ほしい"),
    ("actors", "offers", r"提供|できること|得意|貸せる|協力できる"),
    ("actors", "themes", r"活動(分野|内容|テーマ)|分野"),
    ("actors", "representative", r"代表"),
    ("actors", "member_of", r"所属"),
    ("actors", "role", r"役職|肩書"),
    ("actors", "contact", r"電話|tel|fax|メール|mail|連絡先"),
    ("actors", "since", r"設立|活動開始|発足|結成|開始年|始めた|始まった"),
    ("actors", "note", r"備考|メモ|特記"),
    ("relations", "from", r"^(a団体|団体a|一方|から)"),
    ("relations", "to", r"^(b団体|団体b|相手|へ)"),
    ("relations", "type", r"つながりの(内容|種類)|関係の(内容|種類)"),
    ("projects", "name", r"(事業|行事|イベント|取組|取り組み)(の)?(名前|名称|名)"),
    ("projects", "participants", r"参加(団体|者)|実施団体|構成団体"),
    ("projects", "department", r"所管|担当課|担当部署"),
)
_LOOSE = tuple((t, f, re.compile(p)) for t, f, p in LOOSE_HEADINGS)
#: Headings of a form export's own columns (Microsoft Forms, Google Forms): who answered and when, not the group.
_FORM_MARKS = {"開始時刻", "完了時刻", "最終変更時刻", "タイムスタンプ", "timestamp", "回答日時"}
_FORM_WORDS = {"名前", "氏名", "メール", "メールアドレス", "emailaddress", "email", "id"}


def _match_heading(cell: Any, overrides: Mapping[str, str], *, loose: bool = True) -> list[tuple[str, Column]]:
    """The (table, column) pairs a heading names: an override, the heading whole, without its bracketed remark or
    a trailing number (連携先1, 連携先②), else (``loose``) by the words it holds (:data:`LOOSE_HEADINGS`)."""
    whole, norm = (
        normalise(cell),
        heading(cell)[0],
    )  # 「Name (English)」 whole; 「連絡先（取扱注意）」 without its remark
    for head, field_ in overrides.items():
        if heading(head)[0] == norm or normalise(head) == whole:
            return [(t.key, c) for t in TABLES.values() for c in t.columns if c.key == field_]
    found = _HEADINGS.get(whole) or _HEADINGS.get(norm)
    if found:
        return found
    bare = re.sub(r"(?:[0-9０-９]+|[①-⑳])$", "", norm)
    if bare != norm and _HEADINGS.get(bare):
        return _HEADINGS[bare]
    if not loose:
        return []
    for table, key_, pattern in _LOOSE:
        if pattern.search(norm):
            return [(t.key, c) for t in TABLES.values() if t.key == table for c in t.columns if c.key == key_]
    return []


def _score(cells: Sequence[Any], overrides: Mapping[str, str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for cell in cells:
        if _blank(cell) or not isinstance(cell, str):
            continue
        for table, col in _match_heading(cell, overrides):
            if col.kind not in ("skip", "district"):
                found.setdefault(table, set()).add(col.key)
    return found


def _find_header(
    rows: Sequence[tuple[int, Sequence[Any]]], overrides: Mapping[str, str]
) -> tuple[int, dict[str, set[str]]] | None:
    """The index in ``rows`` of the heading row and the columns it names per table, or None."""
    seen = 0
    for i, (_, cells) in enumerate(rows):
        filled = [c for c in cells if not _blank(c)]
        if not filled:
            continue
        seen += 1
        if seen > HEADER_SEARCH_ROWS:
            return None
        found = _score(cells, overrides)
        best = max((len(v) for v in found.values()), default=0)
        defining = any(all(k in found.get(t, ()) for k in keys) for t, keys in _DEFINING.items())
        if best >= 2 or (best == 1 and defining and len(filled) >= 2):
            return i, found
    return None


def _table_for(sheet: str, found: Mapping[str, set[str]]) -> str | None:
    """What a sheet lists: by its name when it is a table's own (the template's, Kumu's), else by its headings."""
    norm = normalise(sheet)
    for table in TABLES.values():
        if norm in {normalise(n) for n in (table.ja, table.en, table.kumu) if n}:
            return table.key
    for t, keys in _DEFINING.items():
        if all(k in found.get(t, ()) for k in keys):
            return t
    return None


def district_name_from(text: str) -> str:
    """A district's name from a list's title or file name: the words before 団体一覧, 名簿, アンケート, マップ …

    >>> district_name_from("野庭地区 団体一覧（令和5年4月現在）"), district_name_from("日野南地区アンケート")
    ('野庭地区', '日野南地区')
    >>> district_name_from("港南台つながりマップ"), district_name_from("my-district")
    ('港南台', 'my-district')
    >>> district_name_from("地域活動団体一覧（令和6年4月1日現在）")  # names no place: empty, the next source is used
    ''
    """
    t = re.sub(r"[（(【\[].*?[）)】\]]", " ", str(text)).strip()
    t = re.split(
        r"\s*(?:の?(?:団体|活動団体|関係団体|地域団体)?(?:一覧表?|名簿|リスト)|アンケート|調査|つながり|"
        r"ネットワーク|マップ|地図|関係図|連携表|回答)",
        t,
        maxsplit=1,
    )[0]
    t = re.split(r"[\s　]+", t.strip())[0] if t.strip() else ""
    t = t.strip(" _-・")
    return "" if key(t) in _GENERIC_PLACES else (t or str(text).strip())


#: What is left of a title that names no place: 「地域活動団体一覧」 gives 地域, 「関係機関一覧」 nothing of use.
_GENERIC_PLACES = frozenset(
    key(w)
    for w in (
        "地域",
        "地区",
        "当地区",
        "本地区",
        "団体",
        "関係機関",
        "機関",
        "活動",
        "地域活動",
        "区",
        "市",
        "町",
        "全体",
        "一覧",
        "名簿",
    )
)


# --- a table: a sheet or a CSV file --------------------------------------------------------------------------


@dataclass
class _Source:
    """One sheet or CSV file: its rows, how to make a position, and what the reader needs to know about it."""

    label: str
    rows: list[tuple[int, Sequence[Any]]]
    at: Callable[[int, int], Pos]
    kumu: bool = False
    merged: dict[tuple[int, int], Any] = field(default_factory=dict)
    era: Callable[[], set[tuple[int, int]]] = lambda: set()
    csv: bool = False


@dataclass
class _Table:
    """What was read of one table: the records, the title above it, a district named in a column."""

    key: str
    records: YList
    title: str = ""
    title_pos: Pos | None = None
    districts: list[tuple[str, Pos]] = field(default_factory=list)


def _read_source(
    r: _Reader, src: _Source, overrides: Mapping[str, str], *, table_key: str | None = None
) -> _Table | None:
    """Find the heading row of one sheet, tell what it lists, and read its records."""
    found = _find_header(src.rows, overrides)
    if found is None:
        if table_key is not None:
            r.add(
                "missing-field",
                src.at(1, 1),
                record=msg("record.sheet-header", sheetname=src.label),
                field=" / ".join(f"{c.ja}" for c in TABLES[table_key].columns if c.required),
            )
        else:
            r.note("note-sheet-skipped", src.at(1, 1), sheetname=src.label)
        return None
    index, by_table = found
    key_ = table_key or _table_for(src.label, by_table)
    number, cells = src.rows[index]
    if key_ is None:
        r.note("note-sheet-skipped", src.at(number, 1), sheetname=src.label)
        return None
    table = TABLES[key_]
    kumu = src.kumu or any(normalise(c) == "label" for c in cells if isinstance(c, str))
    title, title_pos = "", None
    for n, row in src.rows[:index]:
        text = next((str(c).strip() for c in row if not _blank(c)), "")
        if text and not title:
            title, title_pos = text, src.at(n, next(i for i, c in enumerate(row, 1) if not _blank(c)))
    if title:
        r.note("note-title", title_pos, title=title)
    first_data = index + 1
    below = src.rows[index + 1][1] if index + 1 < len(src.rows) else ()
    if _is_subheading(below, cells, overrides):  # headings on two rows: 連絡先 over 電話 and メール
        cells = [b if not _blank(b) else c for c, b in zip_longest(cells, below)]
        first_data = index + 2
        r.note("note-two-row-heading", src.at(src.rows[index + 1][0], 1), row=src.rows[index + 1][0])
    header = _header(r, table, cells, number, src, overrides)
    missing = [
        c
        for c in table.columns
        if c.required
        and c not in header.values()
        and not (c.key == "type" and (kumu or key_ == "relations"))
        and not (c.key == "sector")
    ]
    if missing:
        r.add(
            "missing-field",
            src.at(number, 1),
            record=msg("record.sheet-header", sheetname=src.label),
            field="、".join(f"{c.ja} / {c.en}" for c in missing),
        )
    out = _Table(key_, _ylist(src.at(number, 1)), title, title_pos)
    unlabeled: set[int] = set()
    private_cols = {i for i, c in enumerate(cells, 1) if i in header and heading(c)[1]}
    for n, row in src.rows[first_data:]:
        row = [src.merged.get((n, i), c) if _blank(c) else c for i, c in enumerate(row, 1)]
        if all(_blank(c) for c in row):
            continue
        rec = _ymap(src.at(n, 1))
        for i, raw in enumerate(row, 1):
            col = header.get(i)
            if col is None:
                if not _blank(raw) and i not in unlabeled and _blank(cells[i - 1] if i <= len(cells) else None):
                    unlabeled.add(i)
                    r.note("note-column-unlabeled", src.at(n, i), letter=_letter(i, src))
                continue
            if col.kind == "skip":
                continue
            pos = src.at(n, i)
            if col.kind == "district":
                if not _blank(raw):
                    out.districts.append((str(raw).strip(), pos))
                continue
            value = _value(r, col, raw, pos, src, key_)
            if value is None:
                continue
            if col.key in rec:  # a second column of the same list: joined to the first
                value = _joined(rec[col.key], value)
                pos = rec.value_pos[col.key]
            _put(rec, col.key, value, pos)
            if i in private_cols:
                fields = rec.get("private_fields") or _ylist(pos)
                fields.append(col.key)
                fields.item_pos.append(pos)
                _put(rec, "private_fields", fields, pos)
        if not rec:
            continue
        if key_ == "actors" and "person_or_group" in rec:  # 個人 or 団体: a person gets the person sector
            kind = rec.pop("person_or_group")
            if key(str(kind)) in _PERSON_WORDS and "sector" not in rec:
                _put(rec, "sector", "個人", rec.pos)
        if key_ == "actors" and "visibility" not in rec:
            mark = _private_mark(row, header)
            if mark:
                _put(rec, "visibility", "private", rec.pos)
                r.note("note-row-private", rec.pos, mark=mark)
        if key_ == "relations" and kumu:
            out.records.extend(_kumu_relations(rec, header, src.at, n, out.records))
        else:
            out.records.append(rec)
            out.records.item_pos.append(rec.pos)
    what = msg(f"table.{key_}")
    if src.csv:
        r.note("note-file", src.at(number, 1), table=what, row=number, n=len(out.records))
    else:
        r.note("note-sheet", src.at(number, 1), sheetname=src.label, table=what, row=number, n=len(out.records))
    return out


_PERSON_WORDS = frozenset(key(w) for w in ("個人", "人", "個", "person", "individual"))


def _is_subheading(below: Sequence[Any], above: Sequence[Any], overrides: Mapping[str, str]) -> bool:
    """True if the row under the headings holds sub-headings: its filled cells are all headings this tool knows
    (電話, メール) and sit under a heading cell left blank (a merged 連絡先) or repeat their heading."""
    filled = [(i, c) for i, c in enumerate(below) if not _blank(c)]
    if not filled or not all(isinstance(c, str) and _match_heading(c, overrides, loose=False) for _, c in filled):
        return False
    return (
        len(filled) >= 1
        and all(i >= len(above) or _blank(above[i]) or normalise(above[i]) != normalise(c) for i, c in filled)
        and len(filled) < max(2, len([c for c in above if not _blank(c)]))
    )


def _joined(first: Any, more: Any) -> Any:
    """Two cells of one field on a row (連携先1 and 連携先2; 電話 and メール) as one value."""
    if isinstance(first, tuple) and isinstance(more, tuple):
        return (first[0] + "、" + more[0], first[1])
    if isinstance(first, YList) and isinstance(more, YList):
        first.extend(more)
        first.item_pos.extend(more.item_pos)
        return first
    return f"{first} / {more}"


def _letter(i: int, src: _Source) -> str:
    from .layout import column_letter

    return str(i) if src.csv else column_letter(i)


def _private_mark(row: Sequence[Any], header: Mapping[int, Column]) -> str:
    """The private mark (取扱注意, 非公開 …) written in a cell of this row, or empty text."""
    for i, cell in enumerate(row, 1):
        col = header.get(i)
        if not isinstance(cell, str) or (col is not None and col.kind == "visibility"):
            continue
        k = key(cell)
        for mark in PRIVATE_MARKS:
            if key(mark) in k:
                return mark
    return ""


def _header(
    r: _Reader, table: Table, cells: Sequence[Any], number: int, src: _Source, overrides: Mapping[str, str]
) -> dict[int, Column]:
    """The columns of the heading row; what each means is noted, an unknown heading is noted and not read."""
    header: dict[int, Column] = {}
    seen: dict[str, int] = {}
    form = any(normalise(c) in _FORM_MARKS for c in cells if not _blank(c))
    for i, cell in enumerate(cells, 1):
        if _blank(cell):
            continue
        text = " ".join(str(cell).split())  # a heading with a line break in its cell, shown on one line
        pos = src.at(number, i)
        if form and normalise(cell) in _FORM_WORDS:  # who filled in the form, not the group it is about
            r.note("note-column-ignored", pos, heading=text, why=msg("why.respondent"))
            continue
        col = next((c for t, c in _match_heading(cell, overrides) if t == table.key), None)
        if col is None:
            r.note("note-column-skipped", pos, heading=text)
            continue
        if col.kind == "skip":
            r.note("note-column-ignored", pos, heading=text, why=msg("why.row-number"))
            header[i] = col
            continue
        if col.key in seen and (col.kind in ("list", "names") or col.key in ("contact", "note")):
            header[i] = col  # several columns for one list (連携先1・2・3; 電話・FAX・メール): read together
            r.note("note-column", pos, heading=text, meaning=msg(f"field.{col.key}"))
            continue
        if col.key in seen:
            r.note(
                "note-column-second",
                pos,
                heading=text,
                meaning=msg(f"field.{col.key}"),
                first=_letter(seen[col.key], src),
            )
            continue
        seen[col.key] = i
        header[i] = col
        r.note("note-column", pos, heading=text, meaning=msg(f"field.{col.key}"))
        if heading(cell)[1]:
            r.note("note-column-private", pos, heading=text)
    return header


def _value(r: _Reader, col: Column, raw: Any, pos: Pos, src: _Source, table: str) -> Any:
    """The cell as the YAML reader would give it; None for an empty cell or one that means none."""
    if _blank(raw):
        return None
    if isinstance(raw, datetime | date):
        if col.kind == "year":
            return raw.year
        raw = raw.date().isoformat() if isinstance(raw, datetime) and not raw.time() else raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str):
        raw = raw.strip()
    if (
        col.kind == "year"
        and isinstance(raw, int)
        and not isinstance(raw, bool)
        and raw > 2200
        and (pos[0], pos[1]) in src.era()
    ):
        from .excel_dates import serial_to_date

        year = serial_to_date(raw).year
        r.note("note-era-date", pos, year=year)
        return year
    names = col.kind == "names" or col.key == "participants"
    if col.kind == "list" or names:
        if key(str(raw)) in NONE_WORDS:
            return None
        if names:
            return (str(raw), pos)  # split once every name of the file is known (see _split_names)
        parts = split_list(str(raw), "|" if src.kumu else LIST_SEPARATORS + MORE_SEPARATORS)
        parts = [p for p in parts if key(p) not in NONE_WORDS]
        return _ylist(pos, parts, [pos] * len(parts)) if parts else None
    if col.kind == "visibility":
        word = VISIBILITY_WORDS.get(normalise(raw))
        if word is None:  # a word it does not know: the safe side, said
            r.note("note-visibility", pos, value=str(raw))
            return "private"
        return word
    return raw


def _kumu_relations(
    rec: YMap, header: dict[int, Column], at: Callable[[int, int], Pos], number: int, out: YList
) -> list[YMap]:
    """Kumu's connections: ``A|B`` in To makes one relation per target; an empty Type is ``cooperation``."""
    if "type" not in rec:
        type_col = next((i for i, c in header.items() if c.key == "type"), 1)
        _put(rec, "type", "cooperation", at(number, type_col))
    to = rec.get("to")
    targets = split_list(to, "|") if isinstance(to, str) else [to]
    made = []
    for target in targets or [None]:
        one = _ymap(rec.pos)
        for k, value in rec.items():
            if k == "to":
                if target is None:
                    continue
                value = target
            _put(one, k, value, rec.value_pos[k])
        made.append(one)
        out.item_pos.append(one.pos)
    return made


# --- after the tables are read: names, merged rows, the district ---------------------------------------------


def _finish(r: _Reader, tables: list[_Table], tree: YMap, *, stem: str, name: str | None) -> None:
    """Merge duplicate answers and repeated projects, split the names cells, name the district, fill ``tree``."""
    from ..names import ActorIndex, same_body, split_names

    by_key: dict[str, list[_Table]] = {}
    for t in tables:
        by_key.setdefault(t.key, []).append(t)
    actors = _ylist((1, 1, ""))
    for t in by_key.get("actors", []):
        actors.extend(t.records)
        actors.item_pos.extend(t.records.item_pos)
    actors = _merge_answers(r, actors, same_body)
    owner = _list_owner(r, tables, stem, actors)
    if owner is not None:
        actors.append(owner)
        actors.item_pos.append(owner.pos)
    index = ActorIndex((str(a.get("name")), str(a.get("name")), "") for a in actors if isinstance(a.get("name"), str))
    quoted = {k for rec in actors for k, v in rec.items() if isinstance(v, tuple) and "「" in v[0]}
    for rec in actors:
        for k in list(rec):
            if isinstance(rec[k], tuple):
                _put(rec, k, _names(rec[k], index, split_names, quoted=k in quoted), rec.value_pos[k])
    relations = _ylist((1, 1, ""))
    for t in by_key.get("relations", []):
        for rec in t.records:
            for k in ("from", "to"):
                if isinstance(rec.get(k), tuple):
                    _put(rec, k, rec[k][0], rec.value_pos[k])
            relations.append(rec)
            relations.item_pos.append(rec.pos)
    projects = _ylist((1, 1, ""))
    for t in by_key.get("projects", []):
        for rec in t.records:
            if isinstance(rec.get("participants"), tuple):
                _put(
                    rec,
                    "participants",
                    _participants(rec["participants"], index, split_names),
                    rec.value_pos["participants"],
                )
            dept = rec.pop("department", None)
            if dept is not None:
                parts = rec.get("participants") or _ylist(rec.pos)
                item = _ymap(rec.value_pos["department"])
                _put(item, "id", str(dept), rec.value_pos["department"])
                _put(item, "role", "所管", rec.value_pos["department"])
                parts.append(item)
                parts.item_pos.append(rec.value_pos["department"])
                _put(rec, "participants", parts, rec.value_pos["department"])
            projects.append(rec)
            projects.item_pos.append(rec.pos)
    projects = _merge_projects(r, projects)
    for k, records in (("actors", actors), ("relations", relations), ("projects", projects)):
        if records or k in by_key:
            if records:
                records.pos = records.item_pos[0]
            _put(tree, k, records, records.pos)
    if "district" not in tree:
        _name_district(r, tree, tables, stem, name)
    elif name:
        _put(tree["district"], "name", name, tree["district"].pos)


def _names(cell: tuple[str, Pos], index: Any, split: Callable[..., list[str]], *, quoted: bool = False) -> YList | None:
    """The names in a partners cell. In a column that writes its partners 「in quotes」 inside sentences
    (連携内容: 「地区社協」とふれあい祭り), only the quoted names are names; the rest is what they do together."""
    text, pos = cell
    if quoted:
        parts = list(dict.fromkeys(p for q in re.findall(r"「([^」]+)」", text) for p in split(q, index)))
    else:
        parts = split(text, index)
    return _ylist(pos, parts, [pos] * len(parts)) if parts else None


#: A list that names whose list it is: 「港南中央地域ケアプラザ 関係機関一覧」 lists the bodies the care plaza works with.
_OWNED_LIST = re.compile(
    r"^(?P<owner>.+?)[\s　]*の?[\s　]*(関係機関|関係団体|連携先|連携機関|連携団体|協力団体|協力機関|"
    r"つながり先|ネットワーク)(の)?(一覧表?|名簿|リスト|表)"
)


def _list_owner(r: _Reader, tables: list[_Table], stem: str, actors: YList) -> YMap | None:
    """The body whose list this is (a care plaza's 関係機関一覧), as an actor tied to every group the list holds;
    None when the title and the file name name no owner, or the owner is a row of the list already."""
    title = next(((t.title, t.title_pos) for t in tables if t.key == "actors" and t.title), None)
    for text, pos in ([title] if title else []) + [(stem, (0, 0, ""))]:
        m = _OWNED_LIST.match(re.sub(r"[（(].*?[）)]", "", str(text)).strip())
        if not m:
            continue
        owner = m.group("owner").strip(" 　・_-")
        names = [a["name"] for a in actors if isinstance(a.get("name"), str)]
        if not owner or not names or any(key(n) == key(owner) for n in names):
            return None
        rec = _ymap(pos)
        _put(rec, "name", owner, pos)
        _put(rec, "partners", ("、".join(f"「{n}」" for n in names), pos), pos)
        r.note("note-list-owner", pos, owner=owner, n=len(names))
        return rec
    return None


def _participants(cell: tuple[str, Pos], index: Any, split: Callable[..., list[str]]) -> YList | None:
    """A participants cell: names split as a partners cell; ``名前:役割`` gives one a role."""
    text, pos = cell
    out = _ylist(pos)
    for piece in split_list(text, LIST_SEPARATORS + MORE_SEPARATORS):
        bits = re.split(r"[:：]", piece, maxsplit=1)
        if len(bits) == 2 and bits[0].strip() and bits[1].strip():  # a role may hold ・ (カメラ・照明を設置)
            m = _ymap(pos)
            _put(m, "id", bits[0].strip(), pos)
            _put(m, "role", bits[1].strip(), pos)
            out.append(m)
            out.item_pos.append(pos)
            continue
        for part in split(piece, index):
            out.append(part)
            out.item_pos.append(pos)
    return out or None


def _merge_answers(r: _Reader, records: YList, same: Callable[[str, str], bool]) -> YList:
    """Rows naming the same group (a survey answered twice) become one record: lists joined, the first text kept,
    the fuller name kept."""
    out = _ylist(records.pos)
    for rec, pos in zip(records, records.item_pos):
        name = rec.get("name")
        first = next(
            (
                o
                for o in out
                if isinstance(name, str)
                and isinstance(o.get("name"), str)
                and not rec.get("id")
                and not o.get("id")
                and same(o["name"], name)
            ),
            None,
        )
        if first is None:
            out.append(rec)
            out.item_pos.append(pos)
            continue
        r.note("note-merged-rows", pos, other=name, name=first["name"], where=_place_text(r, first.pos))
        if len(key(name)) > len(key(first["name"])):
            _put(first, "name", name, rec.value_pos["name"])
        for k, value in rec.items():
            if k == "name":
                continue
            if k not in first:
                _put(first, k, value, rec.value_pos[k])
            elif isinstance(value, tuple) and isinstance(first[k], tuple):
                _put(first, k, (first[k][0] + "、" + value[0], first[k][1]), first.value_pos[k])
            elif isinstance(value, YList) and isinstance(first[k], YList):
                for item, ipos in zip(value, value.item_pos):
                    if item not in first[k]:
                        first[k].append(item)
                        first[k].item_pos.append(ipos)
    return out


def _merge_projects(r: _Reader, records: YList) -> YList:
    """Rows of one project (an event on a row per year) become one project: participants joined, the first year
    its start."""
    out = _ylist(records.pos)
    rows: dict[str, list[YMap]] = {}
    for rec, pos in zip(records, records.item_pos):
        name = rec.get("name")
        k = key(name) if isinstance(name, str) and not rec.get("id") else None
        if k is None or k not in rows:
            out.append(rec)
            out.item_pos.append(pos)
            if k is not None:
                rows[k] = [rec]
            continue
        first = rows[k][0]
        rows[k].append(rec)
        for f, value in rec.items():
            if f not in first:
                _put(first, f, value, rec.value_pos[f])
            elif f == "participants" and isinstance(value, YList) and isinstance(first[f], YList):
                for item, ipos in zip(value, value.item_pos):
                    if item not in first[f]:
                        first[f].append(item)
                        first[f].item_pos.append(ipos)
    for k, recs in rows.items():
        if len(recs) > 1:
            years = [str(x.get("since")) for x in recs if x.get("since") is not None]
            r.note("note-merged-project", recs[0].pos, name=recs[0]["name"], n=len(recs), years="、".join(years) or "-")
            earliest = _earliest([x.get("since") for x in recs], recs)
            if earliest is not None:
                _put(recs[0], "since", earliest[0], earliest[1])
    return out


def _earliest(values: list[Any], recs: list[YMap]) -> tuple[Any, Pos] | None:
    """The earliest of the years written on a project's rows (as the loader will read them)."""
    from ..dates import year_of

    best = None
    for v, rec in zip(values, recs):
        if v is None:
            continue
        y = v if isinstance(v, int) else year_of(str(v))[0]
        if y is not None and (best is None or y < best[0]):
            best = (y, v, rec.value_pos["since"])
    return (best[1], best[2]) if best else None


def _place_text(r: _Reader, pos: Pos) -> str:
    path, row, col, sheet = place(r.display, pos)
    return f"{sheet}!{cell_name(row, col)}" if sheet else f"{row}行目" if row else path


def _name_district(r: _Reader, tree: YMap, tables: list[_Table], stem: str, name: str | None) -> None:
    """The district's name: --name, else a district column naming one place, else the title row, else the file."""
    district = _ymap((0, 0, ""))
    named = [(d, p) for t in tables for d, p in t.districts]
    title = next(((t.title, t.title_pos) for t in tables if t.title), None)
    common = {key(d) for d, _ in named}
    if name:
        value, pos, source = name, (0, 0, ""), "option"
    elif named and len(common) == 1:
        value, pos, source = named[0][0], named[0][1], "column"
    elif title and district_name_from(title[0]):
        value, pos, source = district_name_from(title[0]), title[1], "title"
    else:
        value, pos, source = district_name_from(stem) or stem, (0, 0, ""), "file"
    _put(district, "name", value, pos)
    _put(tree, "district", district, pos)
    r.note("note-district-name", pos, name=value, source=msg(f"source.{source}"))


# --- workbooks ---------------------------------------------------------------------------------------------


def read_workbook(
    path: Path, display: str, *, columns: Mapping[str, str] | None = None, name: str | None = None
) -> tuple[YMap | None, list[Problem]]:
    """Read an ``.xlsx`` workbook — any layout of lists, Kumu's, or the template's — into a located case tree.

    Parameters
    ----------
    path
        The workbook.
    display
        The file name to show in problems and notes.
    columns
        Headings to read as a given field (``--column``): ``{"困りごと": "needs"}``.
    name
        The district's name (``--name``), instead of the one found in the workbook.

    Returns
    -------
    tuple
        The tree (``None`` when the file cannot be read at all; its ``notes`` say what was understood) and the
        problems found in it.

    Notes
    -----
    Every sheet is read whose heading row (the first row with two headings this tool knows, within the first
    30 rows) says it lists groups, ties or projects; its name does not matter, except that sheets named as the
    template's or Kumu's are read as those. A sheet whose name contains ``(ignore)``, the 使い方 sheet, the
    export's 分析 sheet and the 地区 sheet (read as the district) are not lists. Merged cells count as their value in every cell they cover.
    In Kumu's layout lists are split on ``|`` only.
    """
    r = _Reader(display)
    try:
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            return None, [
                problem(
                    "unreadable",
                    display,
                    what=msg("what.workbook-too-big", mb=f"{size / 2**20:.1f}", limit=MAX_WORKBOOK_BYTES // 2**20),
                )
            ]
        book = _open(path)
    except OSError as err:
        return None, [problem("unreadable", display, what=msg("what.cannot-read", reason=err.strerror or str(err)))]
    except ValueError:
        return None, [problem("unreadable", display, what=msg("what.not-workbook"))]
    overrides = dict(columns or {})
    era_cache: dict[str, set[tuple[int, int]]] | None = None

    def era(sheet: str) -> set[tuple[int, int]]:
        nonlocal era_cache
        if era_cache is None:
            from .excel_dates import era_date_cells

            era_cache = era_date_cells(path)
        return era_cache.get(sheet, set())

    try:
        sheets = {n: book[n] for n in book.sheetnames if "(ignore)" not in n.casefold()}
        by_norm = {normalise(n): n for n in sheets}
        kumu = "elements" in by_norm or "connections" in by_norm
        tree = _ymap((0, 0, ""))
        _put(tree, "format", FORMAT, (0, 0, ""))
        district_name = next((by_norm[normalise(n)] for n in DISTRICT_SHEET if normalise(n) in by_norm), None)
        if district_name:
            rows = list(_sheet_rows(r, sheets[district_name], district_name))
            _district(r, tree, rows, lambda row, col: (row, col, district_name), name or "")
        review_sheets = [n for n in sheets if is_review_sheet(n)]
        if review_sheets:
            _put(
                tree, "reviews", read_review_sheets(r, {n: sheets[n] for n in review_sheets}), (1, 1, review_sheets[0])
            )
        skipped = {normalise(n) for n in (*DISTRICT_SHEET, *HOWTO_SHEET, *ANALYSIS_SHEET)}
        tables = []
        for sheet_name, sheet in sheets.items():
            if normalise(sheet_name) in skipped or sheet_name in review_sheets:
                continue
            if getattr(sheet, "sheet_state", "visible") != "visible":  # a hidden working sheet (last year's list)
                r.note("note-sheet-hidden", (1, 1, sheet_name), sheetname=sheet_name)
                continue
            at = (lambda n: lambda row, col: (row, col, n))(sheet_name)
            src = _Source(
                sheet_name,
                list(_sheet_rows(r, sheet, sheet_name)),
                at,
                kumu=kumu,
                merged=_merged(sheet),
                era=(lambda n: lambda: era(n))(sheet_name),
            )
            found = _read_source(r, src, overrides)
            if found is not None:
                tables.append(found)
        if not any(t.key == "actors" for t in tables) and not review_sheets and not any(t.records for t in tables):
            r.problems.append(problem("unreadable", display, what=msg("what.no-table", sheets=tuple(book.sheetnames))))
        _finish(r, tables, tree, stem=path.stem, name=name)
    finally:
        book.close()
    tree.notes, tree.from_sheet = r.notes, True
    return tree, r.problems


def _merged(sheet: Any) -> dict[tuple[int, int], Any]:
    """Every cell a merged range covers → the range's value (Excel keeps it in the top-left cell only)."""
    out: dict[tuple[int, int], Any] = {}
    for rng in getattr(sheet, "merged_cells", None) and sheet.merged_cells.ranges or ():
        value = sheet.cell(rng.min_row, rng.min_col).value
        if _blank(value):
            continue
        for row in range(rng.min_row, min(rng.max_row, MAX_ROWS) + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                out[(row, col)] = value
    return out


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
                r.add(
                    "unknown-field",
                    at(1),
                    field=str(cells[0]).strip(),
                    record=msg("record.sheet-header", sheetname=name),
                    hint=hint_for(str(cells[0]).strip(), [*meta_words, *item_words]),
                )
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


#: What a workbook may hold once unpacked (its parts added up): a district's list is a few megabytes at most; a
#: cell of 300 MB in a 325 KB file is refused before it is inflated.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def _open(path: Path) -> Any:
    """The workbook, or ValueError for a file that is not one openpyxl can read — whatever went wrong inside it
    (a damaged zip, a flipped byte, XML cut short, a declared entity): to the user it is one unreadable file."""
    import zipfile

    import openpyxl

    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
            if sum(i.file_size for i in parts) > MAX_UNPACKED_BYTES or len(parts) > 10_000:
                raise ValueError("too big")
            for part in parts:
                if (
                    part.filename.endswith((".xml", ".rels"))
                    and part.file_size < 4 * 1024 * 1024
                    and b"<!ENTITY" in z.read(part.filename)[:4096]
                ):
                    raise ValueError("entity")
        # from its bytes: openpyxl refuses a path whose name does not end in .xlsx, and a workbook may be named .xls
        return openpyxl.load_workbook(io.BytesIO(path.read_bytes()), data_only=True)
    except OSError:
        raise
    except Exception as err:  # noqa: BLE001 - any failure inside the file means the same to the user
        raise ValueError("not a workbook") from err


def _sheet_rows(r: _Reader, sheet: Any, name: str) -> Iterator[tuple[int, Sequence[Any]]]:
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # some writers record a wrong size; read what is there
    for number, cells in enumerate(sheet.iter_rows(values_only=True), 1):
        if number > MAX_ROWS:
            r.add("unreadable", (number, 1, name), what=msg("what.too-many-rows", limit=MAX_ROWS))
            return
        yield number, cells


def _district(
    r: _Reader, tree: YMap, rows: Iterable[tuple[int, Sequence[Any]]], at: Callable[[int, int], Pos], stem: str
) -> None:
    """The 地区 sheet (項目 | 値 rows) into ``district``, ``source`` and ``include``; ``stem`` (--name) names it when given."""
    district, source = _ymap(at(1, 1) if rows else (0, 0, "")), _ymap(at(1, 1) if rows else (0, 0, ""))
    known = {normalise(h): place for place, ja, en, aliases, _ in DISTRICT_ROWS for h in (ja, en, *aliases)}
    for number, cells in rows:
        key = cells[0] if cells else None
        value = next((c for c in cells[1:] if not _blank(c)), None)
        if _blank(key) or normalise(key) in {"項目", "item", "値", "value"}:
            continue
        place = known.get(normalise(key))
        if place is None:
            text = str(key).strip()
            r.note("note-column-skipped", at(number, 1), heading=text)  # an item it does not know: said, not refused
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
            parts = split_list(str(value), LIST_SEPARATORS)
            _put(tree, "include", _ylist(at(number, col), parts, [at(number, col)] * len(parts)), at(number, col))
            continue
        which, key_name = place.split(".")
        _put(district if which == "district" else source, key_name, value, at(number, col))
    if stem:
        _put(district, "name", stem, district.pos)
    if "name" not in district:
        return
    if source:
        _put(tree, "source", source, source.pos)
    _put(tree, "district", district, district.pos)


# --- CSV ---------------------------------------------------------------------------------------------------


def read_csv_case(
    path: Path, display: str, *, columns: Mapping[str, str] | None = None, name: str | None = None
) -> tuple[YMap | None, list[Problem]]:
    """Read one CSV file — a list of groups as an office or a survey form exports it — into a located case tree.

    What the file lists is told by its headings, as for a sheet of :func:`read_workbook`; problems and notes are
    located at ``file.csv:line:column``. UTF-8 (with or without a BOM), CP932 (Shift_JIS, as Excel saves it on
    Japanese Windows) or UTF-16 with a BOM (Excel's 「Unicode テキスト」); commas, tabs or semicolons.
    """
    r = _Reader(display)
    text, problems = _csv_text(path, display)
    if text is None:
        return None, problems
    tree = _ymap((0, 0, ""))
    _put(tree, "format", FORMAT, (0, 0, ""))
    file = CsvFile(display)
    at = lambda row, col: (row, col, file)  # noqa: E731
    src = _Source(display, _csv_table(r, text, display), at, csv=True)
    found = _read_source(r, src, dict(columns or {}))
    if found is None:
        r.problems.append(problem("unreadable", display, what=msg("what.no-table-csv")))
        return None, r.problems
    _finish(r, [found], tree, stem=path.stem, name=name)
    tree.notes, tree.from_sheet = r.notes, True
    return tree, r.problems


def read_csv_tables(
    actors: Path,
    relations: Path,
    projects: Path | None = None,
    *,
    display: Callable[[Path], str] = str,
    district: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> tuple[YMap | None, list[Problem]]:
    """Read CSV files, one per list (groups, ties and optionally projects), into a located case tree.

    Parameters
    ----------
    actors, relations, projects
        One CSV file per list (the template's sheets, or Kumu's Elements and Connections for the first two).
    display
        How to show a path in problems.
    district
        The district's name; found as for :func:`read_csv_case` when not given.

    Returns
    -------
    tuple
        The tree (``None`` when a file cannot be read) and the problems found. Positions are
        ``(line, col, CsvFile(name))``.
    """
    r = _Reader(display(actors))
    texts: dict[str, tuple[Path, str]] = {}
    for key_, path in (("actors", actors), ("relations", relations), ("projects", projects)):
        if path is None:
            continue
        text, problems = _csv_text(path, display(path))
        r.problems.extend(problems)
        if text is not None:
            texts[key_] = (path, text)
    if len(texts) < sum(p is not None for p in (actors, relations, projects)):
        return None, r.problems
    tree = _ymap((0, 0, ""))
    _put(tree, "format", FORMAT, (0, 0, ""))
    first = next(csv.reader(io.StringIO(texts["actors"][1]), delimiter=_csv_delimiter(texts["actors"][1])), [])
    kumu = "label" in {normalise(h) for h in first}
    tables = []
    for key_, (path, text) in texts.items():
        name = CsvFile(display(path))
        at = (lambda n: lambda row, col: (row, col, n))(name)
        src = _Source(str(name), _csv_table(r, text, str(name)), at, kumu=kumu, csv=True)
        found = _read_source(r, src, dict(columns or {}), table_key=key_)
        if found is not None:
            tables.append(found)
    _finish(r, tables, tree, stem=actors.stem, name=district)
    tree.notes, tree.from_sheet = r.notes, True
    return tree, r.problems


def _csv_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_WORKBOOK_BYTES else None
    except OSError as err:
        return None, [problem("unreadable", shown, what=msg("what.cannot-read", reason=err.strerror or str(err)))]
    if raw is None:
        return None, [
            problem("unreadable", shown, what=msg("what.too-big-file", mb=">20", limit=MAX_WORKBOOK_BYTES // 2**20))
        ]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's 「Unicode テキスト」: UTF-16 with a BOM
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            return None, [problem("unreadable", shown, what=msg("what.csv-utf16"))]
    if b"\x00" in raw[:8192]:
        return None, [problem("unreadable", shown, what=msg("what.csv-binary"))]
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding), []
        except UnicodeDecodeError:
            continue
    return None, [problem("unreadable", shown, what=msg("what.csv-encoding"))]


#: The longest cell a CSV file may hold (Python's csv default): a longer one is a problem at its line.
MAX_CSV_CELL = 131_072


class _CsvBroken(Exception):
    """The CSV reader stopped at ``line``: a cell longer than :data:`MAX_CSV_CELL`, or a quote that never closes."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


#: The separators a CSV file may use (comma first: it wins when nothing else decides).
CSV_DELIMITERS = ",\t;"
_QUOTED = re.compile(r'"[^"]*"')


def _csv_delimiter(text: str) -> str:
    r"""The separator of a CSV (or tab-separated text) file: a comma, a tab or a semicolon.

    The first line (of the first 50) that holds one of them outside quotes is taken as the heading row: when it
    holds only one kind, that is the separator. When it holds several, :class:`csv.Sniffer` decides on the 20
    lines from there, and a separator the heading row does not hold is never chosen; a comma when nothing else
    decides.

    >>> _csv_delimiter("団体一覧\n団体名\t種別\t連携先\nみどり会\tNPO\tA,B\n"), _csv_delimiter("a;b\n1;2\n")
    ('\t', ';')
    >>> _csv_delimiter('団体名,種別\n"a\tb",NPO\n'), _csv_delimiter("団体名\n")
    (',', ',')
    """
    lines = text[:65_536].splitlines()[:50]
    for i, line in enumerate(lines):
        outside = _QUOTED.sub("", line)
        held = [d for d in CSV_DELIMITERS if d in outside]
        if not held:
            continue
        if len(held) == 1:
            return held[0]
        try:
            sniffed = csv.Sniffer().sniff("\n".join(lines[i : i + 20])[:8192], delimiters=CSV_DELIMITERS).delimiter
        except csv.Error:
            sniffed = ""
        return sniffed if sniffed in held else held[0]
    return ","


def _csv_rows(text: str, delimiter: str | None = None) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows of a CSV file, numbered by line; the separator is found by :func:`_csv_delimiter` when not given."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or _csv_delimiter(text))
    line = 1
    try:
        for cells in reader:
            yield line, [c if c.strip() else None for c in cells]
            line = reader.line_num + 1
            if line > MAX_ROWS:
                return
    except csv.Error as err:
        raise _CsvBroken(line) from err


def _csv_table(r: _Reader, text: str, file: str) -> list[tuple[int, Sequence[Any]]]:
    """The rows of a CSV file; where the reader had to stop, a problem at that line (the rows before it are kept).
    A file separated by tabs or semicolons is read so, and that is noted."""
    rows: list[tuple[int, Sequence[Any]]] = []
    delimiter = _csv_delimiter(text)
    if delimiter != ",":
        r.notes.append(problem("note-delimiter", file, sep=msg("sep.tab" if delimiter == "\t" else "sep.semicolon")))
    try:
        for row in _csv_rows(text, delimiter):
            rows.append(row)
    except _CsvBroken as err:
        r.problems.append(problem("unreadable", file, err.line, 1, what=msg("what.csv-broken", limit=MAX_CSV_CELL)))
    return rows
