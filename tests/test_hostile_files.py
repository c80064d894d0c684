"""Files that cannot be read, or are built to hurt, get one located line in the user's language (issue 19): never a
traceback, never unbounded work. Each file is made here, fresh."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.errors import CaseDataError
from kyodo_network.load import load_cases


def _book(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "団体一覧"
    sheet.append(["団体名", "種別", "主な連携先"])
    sheet.append(["みどり町内会", "町内会", "そらの会"])
    sheet.append(["そらの会", "任意団体", None])
    book.save(path)
    return path


def _rewrite(path: Path, change) -> Path:
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            z.writestr(info.filename, change(info.filename, data))
    return path


def flipped(tmp: Path) -> Path:
    """A byte flipped inside the compressed sheet (a damaged download)."""
    path = _book(tmp / "flipped.xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = next(i for i in z.infolist() if i.filename.endswith("sheet1.xml"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def cut_xml(tmp: Path) -> Path:
    return _rewrite(_book(tmp / "cut.xlsx"), lambda n, d: d[: len(d) // 2] if n.endswith("sheet1.xml") else d)


def entity(tmp: Path) -> Path:
    doctype = b'<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    return _rewrite(_book(tmp / "entity.xlsx"), lambda n, d: doctype + d if n.endswith("sheet1.xml") else d)


def bomb(tmp: Path) -> Path:
    """One cell of 300 MB: a file of a few hundred kilobytes that unpacks to 300 MB."""
    big = (
        b'<row r="9"><c r="A9" t="inlineStr"><is><t>' + b"A" * (300 * 1024 * 1024) + b"</t></is></c></row></sheetData>"
    )
    path = _rewrite(
        _book(tmp / "bomb.xlsx"), lambda n, d: d.replace(b"</sheetData>", big) if n.endswith("sheet1.xml") else d
    )
    assert path.stat().st_size < 2 * 1024 * 1024
    return path


def long_cell(tmp: Path) -> Path:
    path = tmp / "long.csv"
    path.write_text(
        '団体名,種別,備考\nみどり町内会,町内会,"' + "あ" * 200_000 + '"\nそらの会,任意団体,\n', encoding="utf-8"
    )
    return path


def huge_year(tmp: Path) -> Path:
    path = tmp / "huge.yaml"
    path.write_text(
        "format: kyodo-case/1\ndistrict:\n  name: x\nactors:\n  - name: a\n    since: 0x" + "f" * 4400 + "\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "make, where, phrase",
    [
        (flipped, "flipped.xlsx", "Excel ブック（.xlsx）として読めません"),
        (cut_xml, "cut.xlsx", "Excel ブック（.xlsx）として読めません"),
        (entity, "entity.xlsx", "Excel ブック（.xlsx）として読めません"),
        (bomb, "bomb.xlsx", "Excel ブック（.xlsx）として読めません"),
        (long_cell, "long.csv:2:1", "131072文字を超えるセル"),
        (huge_year, "huge.yaml:6:12", "digits"),
    ],
)
def test_one_located_line_in_japanese_and_exit_1(tmp_path, monkeypatch, make, where, phrase):
    monkeypatch.chdir(tmp_path)
    path = make(tmp_path)
    result = CliRunner().invoke(cli, ["validate", path.name])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if x.startswith(where))
    assert phrase in line
    with pytest.raises(CaseDataError):
        load_cases([path.name])


def test_old_mac_line_ends_are_read(tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes("団体名,種別,主な連携先\rみどり町内会,町内会,そらの会\rそらの会,任意団体,\r".encode("cp932"))
    [case] = load_cases([path])
    assert [a.name for a in case.actors] == ["みどり町内会", "そらの会"] and len(case.relations) == 1
