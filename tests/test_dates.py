"""Years as a ward clerk writes them (``kyodo_network.dates``) and era-formatted date cells in workbooks
(``kyodo_network.casefile.excel_dates``).

Expected years are the calendar's, written out by hand, not computed by the code under test: 令和 began in
2019 (令和元年), 平成 in 1989 (平成元年, also 昭和64年), 昭和 in 1926 (昭和元年). Excel serials are checked against
``datetime`` arithmetic from 1899-12-30 and against openpyxl's own converters.

The workbooks are real: openpyxl writes them, then ``xl/styles.xml`` is rewritten the way Japanese Excel saves a
built-in era format (a ``numFmtId`` in ``cellXfs`` and no ``numFmt`` element for it).
"""

from __future__ import annotations

import math
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import from_excel, to_excel

from kyodo_network import words
from kyodo_network.dates import ERAS, YEAR_RANGE, plain_digits, year_of
from kyodo_network.casefile.excel_dates import era_date_cells, serial_to_date

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# --- years ---------------------------------------------------------------------------------------------------

#: The first and last years of each era, from the calendar.
ERA_TABLE = [
    ("令和元年", 2019),
    ("R1", 2019),
    ("平成元年", 1989),
    ("H1", 1989),
    ("平成31年", 2019),
    ("昭和元年", 1926),
    ("S1", 1926),
    ("昭和64年", 1989),
    ("昭和63年", 1988),
    ("平成30年度", 2018),
    ("令和5年", 2023),
]

#: Every form ``words.year_of`` read before this module, with its year.
OLD_FORMS = [
    ("2013", 2013),
    ("2013年", 2013),
    ("2013年度", 2013),
    ("平成25", 2013),
    ("平成25年", 2013),
    ("H25", 2013),
    ("令和2年度", 2020),
    ("R2", 2020),
    ("Ｒ２", 2020),
    ("令和元年", 2019),
    ("２０１３", 2013),
    ("h25", 2013),
    ("H.25", 2013),
    (" 平成 25 年 ", 2013),
    ("r元", 2019),
]

DATES = [
    ("令和3年4月", 2021),
    ("令和3年4月1日", 2021),
    ("昭和52年4月", 1977),
    ("R2.10", 2020),
    ("R2.10.1", 2020),
    ("H25/4", 2013),
    ("S52.4", 1977),
    ("2021/4", 2021),
    ("2021/04/01", 2021),
    ("2021-04-01", 2021),
    ("2021.4", 2021),
    ("2021年4月", 2021),
    ("2021年4月1日", 2021),
    ("R03.04.01", 2021),
    ("令和３年４月１日", 2021),
    ("２０２１／４／１", 2021),
    ("令和3年4月1日(木)", 2021),
    ("2020/2/29", 2020),
    ("平成31年4月30日", 2019),
    ("令和元年5月1日", 2019),
    ("S64.1.7", 1989),
    ("H1.1.8", 1989),
]

KANJI = [
    ("平成二十年度", 2008),
    ("平成十七年", 2005),
    ("令和元年", 2019),
    ("昭和五十二年", 1977),
    ("二〇一三年", 2013),
    ("二○一三年", 2013),
    ("二千十三年", 2013),
    ("令和三年四月一日", 2021),
    ("平成三十一年", 2019),
    ("昭和六十四年", 1989),
]

APPROXIMATE = [
    ("平成17年頃", 2005),
    ("平成17年ごろ", 2005),
    ("平成17年頃から", 2005),
    ("2013年～", 2013),
    ("2013年〜", 2013),
    ("2013~", 2013),
    ("令和4年度～", 2022),
    ("令和4年度〜", 2022),
    ("2013年から", 2013),
    ("2013年以降", 2013),
    ("2013年より", 2013),
    ("2013年前後", 2013),
    ("平成17年頃〜", 2005),
    ("H17頃", 2005),
    ("2013-", 2013),
]

UNKNOWN = [
    "不明",
    "未定",
    "未詳",
    "わからない",
    "―",
    "-",
    "ー",
    "?",
    "？",
    "（無回答）",
    "無回答",
    "「無回答」",
    " 不明 ",
    "ーー",
    "－",
    "??",
]

REFUSED = [
    ("平成32", "year-era", {"era": "平成", "last": 31}),
    ("昭和65年", "year-era", {"era": "昭和", "last": 64}),
    ("H0", "year-era", {"era": "平成", "last": 31}),
    ("1700", "year-range", {"value": 1700}),
    ("1700/4/1", "year-range", {"value": 1700}),
    ("①", "year-digits", {}),
    ("2013²", "year-digits", {}),
    ("約10年前", "not-year", {}),
    ("10年前", "not-year", {}),
    ("2021/13/1", "not-year", {}),
    ("2021/2/29", "not-year", {}),
    ("2021/4-1", "not-year", {}),
    ("R3年4月32日", "not-year", {}),
    ("平成", "not-year", {}),
    ("", "not-year", {}),
    ("みどり", "not-year", {}),
]


@pytest.mark.parametrize(("text", "year"), ERA_TABLE + OLD_FORMS + DATES + KANJI + APPROXIMATE)
def test_year(text: str, year: int) -> None:
    assert year_of(text) == (year, "", {})


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown_is_not_a_problem(text: str) -> None:
    assert year_of(text) == (None, "unknown", {})


@pytest.mark.parametrize(("text", "reason", "fields"), REFUSED)
def test_refused(text: str, reason: str, fields: dict) -> None:
    assert year_of(text) == (None, reason, fields)


def test_eras_match_the_calendar() -> None:
    # The first year of each era, as the calendar has it, is the table's base + 1.
    assert {era: base + 1 for era, (base, _) in ERAS.items()} == {"令和": 2019, "平成": 1989, "昭和": 1926}
    assert ERAS["平成"][1] == 31 and ERAS["昭和"][1] == 64
    assert YEAR_RANGE == (1800, 2200)


def test_reiwa_is_open_to_the_end_of_the_range() -> None:
    assert year_of("令和100年") == (2118, "", {})
    assert year_of(f"令和{YEAR_RANGE[1] - 2018 + 1}")[1] == "year-era"


def test_plain_digits_moved_unchanged() -> None:
    for text in ("２０１３年", "①", "平成２５", " R2 ", "٣", "abc"):
        assert plain_digits(text) == words.plain_digits(text)


# What the year reader in words.py accepted it still accepts, with the same year, and refuses era, range and
# digit mistakes the same way. (Once words.py re-exports this module the comparison is with itself.)
_OLD_ALPHABET = "0123456789０１２３４５６７８９年度令和平成昭和元RHSrhs. ①"


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.text(alphabet=_OLD_ALPHABET, max_size=8))
def test_a_superset_of_the_old_reader(text: str) -> None:
    old = words.year_of(text)
    new = year_of(text)
    if old[0] is not None or old[1] in ("year-era", "year-range", "year-digits"):
        assert new == old


# --- Excel serials -------------------------------------------------------------------------------------------

_EPOCH = date(1899, 12, 30)  # serial 0 for every day from 1900-03-01 on


@pytest.mark.parametrize(
    ("serial", "day"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (44259, date(2021, 3, 4)),
        (44260, date(2021, 3, 5)),
        (43586, date(2019, 5, 1)),
        (32516, date(1989, 1, 8)),
        (2958465, date(9999, 12, 31)),
    ],
)
def test_serial_to_date(serial: int, day: date) -> None:
    assert serial_to_date(serial) == day
    assert serial_to_date(serial + 0.999) == day
    if serial > 60:
        assert _EPOCH + timedelta(days=serial) == day


def test_serials_agree_with_openpyxl() -> None:
    serials = [*range(1, 60), *range(61, 400), *range(400, 2958466, 9973), 2958465]
    for s in serials:
        assert serial_to_date(s) == from_excel(s).date(), s
        assert to_excel(datetime.combine(serial_to_date(s), datetime.min.time())) == s


@pytest.mark.parametrize("serial", [60, 60.5, 0, 0.5, -1, 2958466, math.nan, math.inf, -math.inf])
def test_serials_that_are_no_day(serial: float) -> None:
    with pytest.raises(ValueError):
        serial_to_date(serial)


# --- era-formatted cells -------------------------------------------------------------------------------------


def _rewrite(path: Path, replace: dict[str, bytes], *, drop: tuple[str, ...] = ()) -> None:
    """Rewrite some parts of a zip (and drop others), keeping the rest as they are."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts.update(replace)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name not in drop:
                z.writestr(name, data)


def _style_index(path: Path, ref: str) -> int:
    with zipfile.ZipFile(path) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    cell = sheet.find(f".//{{{MAIN}}}c[@r='{ref}']")
    return int(cell.get("s", "0"))


def _as_japanese_excel_saves(path: Path, formats: dict[str, int]) -> None:
    """Give cells built-in format ids, with no ``numFmt`` element, as Japanese Excel does for its era formats."""
    indexes = {_style_index(path, ref): fmt for ref, fmt in formats.items()}
    with zipfile.ZipFile(path) as z:
        styles = ET.fromstring(z.read("xl/styles.xml"))
    xfs = styles.find(f"{{{MAIN}}}cellXfs")
    for i, fmt in indexes.items():
        xfs[i].set("numFmtId", str(fmt))
        xfs[i].set("applyNumberFormat", "1")
    for numfmts in styles.findall(f"{{{MAIN}}}numFmts"):
        styles.remove(numfmts)
    _rewrite(path, {"xl/styles.xml": ET.tostring(styles)})


@pytest.fixture
def era_book(tmp_path: Path) -> Path:
    """名簿 B2: 2021-03-05 shown as an era date (format 27, 「R3.3.5」); B3: the plain number 12; B4: a time
    (format 32, h"時"mm"分"). A second sheet has no era cells."""
    path = tmp_path / "era.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名簿"
    sheet["B2"] = date(2021, 3, 5)
    sheet["B3"] = 12
    sheet["B4"] = 0.5
    sheet["B4"].number_format = "0.00"  # its own cellXfs entry, rewritten below
    book.create_sheet("メモ")["A1"] = 3
    book.save(path)
    assert _style_index(path, "B2") != _style_index(path, "B4")
    _as_japanese_excel_saves(path, {"B2": 27, "B4": 32})
    return path


def test_openpyxl_reads_the_era_date_as_a_number(era_book: Path) -> None:
    # The bug this module works around: no date, no date format.
    cell = openpyxl.load_workbook(era_book)["名簿"]["B2"]
    assert cell.value == 44260 and isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
    assert cell.number_format == "General" and not cell.is_date


def test_era_date_cells_finds_the_date(era_book: Path) -> None:
    assert era_date_cells(era_book) == {"名簿": {(2, 2)}}


def test_the_found_cell_reads_as_its_date(era_book: Path) -> None:
    sheet = openpyxl.load_workbook(era_book)["名簿"]
    ((row, col),) = era_date_cells(era_book)["名簿"]
    value = sheet.cell(row, col).value
    assert serial_to_date(value) == date(2021, 3, 5) == _EPOCH + timedelta(days=value)


def test_era_date_cells_accepts_a_file_object(era_book: Path) -> None:
    with era_book.open("rb") as f:
        assert era_date_cells(f) == {"名簿": {(2, 2)}}


def test_custom_era_formats_count(tmp_path: Path) -> None:
    path = tmp_path / "custom.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    cells = {
        "A1": '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"',
        "A2": "[$-411]ge.m.d",
        "A3": '[$-411]e"年"m"月"',
        "A4": "yyyy/m/d",
        "A5": "0.00E+00",
        "A6": '"gge"0',
    }
    for ref, code in cells.items():
        sheet[ref] = 44260
        sheet[ref].number_format = code
    sheet["B1"] = "令和3年"  # text under an era format is not a date serial
    sheet["B1"].number_format = cells["A1"]
    book.save(path)
    assert era_date_cells(path) == {"Sheet": {(1, 1), (2, 1), (3, 1)}}


def test_cells_without_references(tmp_path: Path) -> None:
    # ``r`` is optional on rows and cells: a row follows the one before, a cell the one to its left.
    path = tmp_path / "bare.xlsx"
    book = openpyxl.Workbook()
    book.active["A3"] = 1
    book.active["C5"] = date(2021, 3, 5)
    book.save(path)
    _as_japanese_excel_saves(path, {"C5": 28})
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<row r="5"><c r="C5"' in sheet
    bare = sheet.replace('<row r="5"><c r="C5"', "<row><c/><c/><c/><c")  # now row 4, column 4
    _rewrite(path, {"xl/worksheets/sheet1.xml": bare.encode()})
    assert era_date_cells(path) == {"Sheet": {(4, 4)}}


def test_bad_files_give_nothing(tmp_path: Path, era_book: Path) -> None:
    not_zip = tmp_path / "not.xlsx"
    not_zip.write_text("名簿,2021\n", encoding="utf-8")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert era_date_cells(not_zip) == {}
    assert era_date_cells(empty) == {}
    assert era_date_cells(tmp_path / "missing.xlsx") == {}


@pytest.mark.parametrize(
    ("part", "data"),
    [
        ("xl/styles.xml", None),
        ("xl/workbook.xml", None),
        ("xl/_rels/workbook.xml.rels", None),
        ("xl/worksheets/sheet1.xml", None),
        ("xl/styles.xml", b"<styleSheet><cellXfs>"),
        ("xl/worksheets/sheet1.xml", b"not xml"),
        (
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData><row><c r="2B" s="1"><v>1</v></c>'
            "</row></sheetData></worksheet>".encode(),
        ),
        ("xl/styles.xml", f'<styleSheet xmlns="{MAIN}"><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>'.encode()),
    ],
)
def test_broken_parts_give_nothing(era_book: Path, part: str, data: bytes | None) -> None:
    if data is None:
        _rewrite(era_book, {}, drop=(part,))
    else:
        _rewrite(era_book, {part: data})
    assert era_date_cells(era_book) == {}


def test_an_era_format_cell_in_a_list_reads_as_its_year(tmp_path: Path) -> None:
    """Through the reader: a 団体一覧 whose 活動開始 cell is a date in Japanese Excel's era format (saved as a serial
    number with no format string) gives the actor that year, and says so."""
    from kyodo_network.load import load_cases

    path = tmp_path / "名簿.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名簿"
    sheet.append(["団体名", "種別", "活動開始"])
    sheet.append(["みどり町内会", "町内会", date(2021, 3, 5)])
    sheet.append(["そらの会", "任意団体", 2015])
    book.save(path)
    _as_japanese_excel_saves(path, {"C2": 27})
    assert openpyxl.load_workbook(path)["名簿"]["C2"].value == 44260  # the bug reproduced: a serial number
    [case] = load_cases([path])
    years = {a.name: a.since for a in case.actors}
    assert years == {"みどり町内会": 2021, "そらの会": 2015}
    assert any(n.code == "note-era-date" and (n.sheet, n.line, n.col) == ("名簿", 2, 3) for n in case.notes)


# --- more forms a clerk writes: both calendars, ranges, '19, decades, and a year with no era -------------------
# Expected years from the calendar: 昭和63年 = 1988, 平成元年 = 1989, 平成31年 = 令和元年 = 2019, 令和3年 = 2021,
# 平成25年 = 2013, 昭和40年 = 1965, 平成10年 = 1998.

BOTH_CALENDARS = [
    ("昭和63年（1988年）", 1988),
    ("昭和63年(1988)", 1988),
    ("2019年（令和元年）4月", 2019),
    ("平成元年（1989年）", 1989),
    ("（1988年）昭和63年", 1988),
    ("H31(2019)", 2019),
    ("2019年（令和元年）4月1日（月）", 2019),
    ("（2013年）", 2013),
    ("平成31年（2019年）4月～令和3年3月", 2019),
]

RANGES = [
    ("平成31年4月～令和3年3月", 2019),
    ("2013～2015", 2013),
    ("2013〜2015", 2013),
    ("2013-2015", 2013),
    ("2013－2015", 2013),
    ("2013―2015", 2013),
    ("2013 ~ 2015", 2013),
    ("平成25年度～平成27年度", 2013),
    ("2013年4月から2015年3月まで", 2013),
    ("平成25年～27年", 2013),
    ("H25.4～H28.3", 2013),
    ("2013～未定", 2013),
    ("2021-04-01", 2021),
    ("2021/4/1～2022/3/31", 2021),
]

APOSTROPHES = [
    ("'19", 2019),
    ("’19", 2019),
    ("＇19", 2019),
    ("'50", 1950),
    ("'99", 1999),
    ("'00", 2000),
    ("'49", 2049),
    ("'19年4月", 2019),
    ("'19.4", 2019),
]

DECADES = [
    ("昭和40年代", 1965),
    ("1980年代", 1980),
    ("平成10年代", 1998),
    ("２０００年代", 2000),
    ("昭和40年代頃", 1965),
]


@pytest.mark.parametrize(("text", "year"), BOTH_CALENDARS + RANGES + APOSTROPHES + DECADES)
def test_more_forms(text: str, year: int) -> None:
    assert year_of(text) == (year, "", {})


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("昭和63年（1989年）", "not-year"),  # the two calendars disagree
        ("令和元年（2018年）", "not-year"),
        ("2015～2013", "not-year"),  # the end before the start
        ("昭和45年代", "not-year"),
        ("1985年代", "not-year"),  # not a decade
        ("2013年（予定）", "not-year"),  # a note in brackets is not a year
        ("'1", "not-year"),
        ("'123", "not-year"),
        ("a'19", "not-year"),
        ("30年4月", "year-no-era"),
        ("30年", "year-no-era"),
        ("30年度", "year-no-era"),
        ("元年", "year-no-era"),
        ("40年代", "year-no-era"),
        ("３０年４月", "year-no-era"),
        ("10年前", "not-year"),  # ten years ago, not a year with no era
    ],
)
def test_more_refusals(text: str, reason: str) -> None:
    assert year_of(text) == (None, reason, {})


def test_a_year_with_no_era_says_what_to_write() -> None:
    from kyodo_network.lang import text

    assert text("problem.what.year-no-era", "ja", value="30年4月") == (
        "「30年4月」は元号がないので年がわかりません。「平成30年4月」のように書いてください"
    )
    assert "30年4月" in text("problem.what.year-no-era", "en", value="30年4月")


def test_a_year_with_no_era_in_a_yaml_case_is_a_problem_with_that_message(tmp_path: Path) -> None:
    from kyodo_network.errors import CaseDataError
    from kyodo_network.load import load_cases

    path = tmp_path / "case.yaml"
    path.write_text(
        "format: kyodo-case/1\ndistrict:\n  name: みどり地区\nactors:\n"
        "  - {id: a, name: みどり町内会, sector: government, since: 30年4月}\n",
        encoding="utf-8",
    )
    with pytest.raises(CaseDataError) as err:
        load_cases([path])
    [p] = err.value.problems
    assert (p.line, p.code) == (5, "bad-year") and "元号がないので" in p.message("ja")


def test_long_cells_are_read_quickly() -> None:
    """Brackets and ranges are looked for only in short cells: a cell of 100 000 dashes is not searched."""
    import time

    start = time.perf_counter()
    assert year_of("2013" + "-" * 100_000)[0] is None and year_of("(" * 50_000 + "2013" + ")" * 50_000)[0] is None
    assert time.perf_counter() - start < 2
