"""What a file is, from its bytes (``kyodo_network.casefile.sniff``), and what the reader does with each kind:
a workbook, CSV or tab-separated text is read whatever its name says; an empty file, an Excel 97-2003 book and
a password-locked book or zip are refused with one message that names the file and says what to do.

Every file is built here. The OLE2 compound files are minimal but well formed as far as a reader looks (MS-CFB:
a 512-byte header giving the sector size, the first directory sector and the allocation table's sectors; the
directory's 128-byte entries named in UTF-16LE), as Excel writes them: an encrypted book is a compound file whose
directory names an ``EncryptedPackage`` stream, an old book one that names ``Workbook``.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kyodo_network.casefile.sniff import HEAD_BYTES, KINDS, what_file
from kyodo_network.cli import cli
from kyodo_network.load import case_stem, load_cases

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _dir_entry(name: str) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    return raw.ljust(64, b"\x00") + struct.pack("<H", len(raw)) + b"\x00" * 62


def ole_file(streams: list[str], *, filler_sectors: int = 0, filler: bytes = b"") -> bytes:
    """A compound file: the allocation table's sectors first (128 entries each), then ``filler_sectors``
    sectors (starting with ``filler``), then one directory sector naming the root and ``streams``."""
    fats = 1
    while fats * 128 < fats + filler_sectors + 1:
        fats += 1
    directory_at = fats + filler_sectors
    difat = list(range(fats)) + [FREE] * (109 - fats)
    header = (
        OLE_MAGIC
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 0x3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, fats, directory_at, 0, 0x1000, END, 0, END, 0)
        + struct.pack("<109I", *difat)
    )
    assert len(header) == 512
    fat = [FREE] * (128 * fats)
    fat[:fats] = [FAT_SECTOR] * fats
    fat[directory_at] = END
    body = struct.pack(f"<{len(fat)}I", *fat) + filler.ljust(512 * filler_sectors, b"\x00")
    entries = b"".join(_dir_entry(n) for n in ["Root Entry", *streams])
    return header + body + entries.ljust(512, b"\x00")


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def encrypted_zip(path: Path) -> Path:
    """A zip whose entries carry the encryption flag (bit 0), written by :mod:`zipfile` itself: it clears
    ``flag_bits`` when it writes an entry, so the flag is set on each ZipInfo after that, and goes into the central
    directory when the archive is closed."""
    with zipfile.ZipFile(path, "w") as z:
        for name in ("[Content_Types].xml", "xl/workbook.xml"):
            z.writestr(zipfile.ZipInfo(name), b"\x8f\x12 encrypted bytes")
        for info in z.infolist():
            info.flag_bits |= 0x1
    with zipfile.ZipFile(path) as z:
        assert all(i.flag_bits & 0x1 for i in z.infolist())
    return path


TSV = "団体名\t種別\t主な連携先\r\nみどり町内会\t町内会\tそらの会\r\nそらの会\tNPO法人\tみどり町内会、ひかり食堂\r\nひかり食堂\t任意団体\t\r\n"


# ---- what_file ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("a.xlsx", lambda p: workbook(p, [["団体名"]]), "xlsx"),
        (
            "locked.xlsx",
            lambda p: p.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])),
            "encrypted-ooxml",
        ),
        ("old.xls", lambda p: p.write_bytes(ole_file(["Workbook", "\x05SummaryInformation"])), "xls"),
        ("zipped.xlsx", encrypted_zip, "encrypted-zip"),
        ("new.xlsx", lambda p: p.write_bytes(b""), "empty"),
        ("u16le.txt", lambda p: p.write_bytes("団体名\t種別\r\n".encode("utf-16")), "utf16-text"),
        ("u16be.txt", lambda p: p.write_bytes(b"\xfe\xff" + "団体名\t種別\r\n".encode("utf-16-be")), "utf16-text"),
        ("a.csv", lambda p: p.write_bytes("団体名,種別\r\n".encode("cp932")), "text"),
        ("photo.xlsx", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary"),
        ("doc.xlsx", lambda p: _docx(p), "binary"),
        ("broken.xlsx", lambda p: p.write_bytes(b"PK\x03\x04 cut short"), "binary"),
    ],
)
def test_what_file(tmp_path: Path, name: str, make, kind: str) -> None:
    path = tmp_path / name
    make(path)
    assert what_file(path) == kind
    assert kind in KINDS


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")


def test_the_ole_directory_is_followed_past_the_first_64_kb(tmp_path: Path) -> None:
    """The directory sector lies beyond the bytes read first; the allocation table leads to it. A stream's
    contents that happen to hold the UTF-16 bytes of "EncryptedPackage" do not make an old book a locked one."""
    far = 2 * HEAD_BYTES // 512
    locked, old = tmp_path / "locked.xlsx", tmp_path / "old.xls"
    locked.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage"], filler_sectors=far))
    old.write_bytes(ole_file(["Workbook"], filler_sectors=far, filler="EncryptedPackage".encode("utf-16-le")))
    assert locked.stat().st_size > HEAD_BYTES and what_file(locked) == "encrypted-ooxml"
    assert what_file(old) == "xls"


def test_only_the_head_of_a_text_file_is_looked_at(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(b"a,b\n" * (HEAD_BYTES // 4 + 10) + b"\x00")
    assert what_file(path) == "text"


# ---- refused: one message naming the file, what it is and what to do, exit 1 ------------------------------------


REFUSED = [
    (
        "団体一覧.xls",
        lambda p: p.write_bytes(ole_file(["Workbook"])),
        "古い Excel 形式（.xls）です",
        "「Excel ブック (*.xlsx)」で保存",
        "old Excel workbook",
    ),
    (
        "団体一覧（旧）.xlsx",
        lambda p: p.write_bytes(ole_file(["Workbook"])),
        "古い Excel 形式（.xls）です",
        "名前を付けて保存",
        "Save As",
    ),
    (
        "新しい団体一覧.xlsx",
        lambda p: p.write_bytes(b""),
        "空のファイルです（0バイト）",
        "保存し直す",
        "empty (0 bytes)",
    ),
    ("空.csv", lambda p: p.write_bytes(b""), "空のファイルです（0バイト）", "保存し直す", "empty (0 bytes)"),
    (
        "団体一覧（パスワード付き）.xlsx",
        lambda p: p.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])),
        "パスワードが掛かっています",
        "パスワードを使用して暗号化 を空に",
        "Encrypt with Password",
    ),
    (
        "団体一覧（暗号化zip）.xlsx",
        encrypted_zip,
        "パスワードの掛かった ZIP 形式",
        "パスワードを掛けずに保存し直した",
        "password-protected zip",
    ),
]


@pytest.mark.parametrize(("name", "make", "what", "todo", "english"), REFUSED)
def test_refused_kinds(
    runner, tmp_path: Path, monkeypatch, name: str, make, what: str, todo: str, english: str
) -> None:
    monkeypatch.chdir(tmp_path)
    make(tmp_path / name)
    result = runner.invoke(cli, ["validate", name])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if line.startswith(name)]
    [said] = result.stdout.splitlines()  # one problem, on its own line, naming the file
    assert said.startswith(f"{name}: ") and said.endswith("(unreadable)")
    assert what in said and todo in said
    assert "YAML" not in result.output  # never 「バイナリファイルです。YAMLのケースファイルではありません」
    english_result = runner.invoke(cli, ["validate", name, "--lang", "en"])
    assert english_result.exit_code == 1 and english in english_result.stdout


def test_a_file_that_cannot_be_read_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        what_file(tmp_path / "missing.xlsx")


# ---- read whatever the name says ---------------------------------------------------------------------------------


def _network(case) -> tuple[set[str], set[frozenset[str]]]:
    names = {a.id: a.name for a in case.actors}
    return set(names.values()), {frozenset((names[r.source], names[r.target])) for r in case.relations}


ACTORS = {"みどり町内会", "そらの会", "ひかり食堂"}
TIES = {frozenset(("みどり町内会", "そらの会")), frozenset(("そらの会", "ひかり食堂"))}


def test_a_tsv_saved_as_csv_reads_its_actors_and_ties(runner, tmp_path: Path) -> None:
    path = tmp_path / "みどり地区.csv"
    path.write_text(TSV, encoding="utf-8")
    [case] = load_cases([path])
    assert _network(case) == (ACTORS, TIES)
    assert any(n.code == "note-delimiter" for n in case.notes)
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0 and "タブ区切りの表として読みました" in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_excel_unicode_text_reads(runner, tmp_path: Path, encoding: str) -> None:
    """Excel's 「Unicode テキスト (*.txt)」: UTF-16 with a byte-order mark, tabs, CRLF."""
    path = tmp_path / "みどり地区.txt"
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
    path.write_bytes(bom + TSV.encode(encoding))
    [case] = load_cases([path])
    assert _network(case) == (ACTORS, TIES)
    assert runner.invoke(cli, ["validate", str(path)]).exit_code == 0


def test_a_utf16_csv_with_commas_reads(tmp_path: Path) -> None:
    path = tmp_path / "みどり地区.csv"
    path.write_bytes(TSV.replace("\t", ",").encode("utf-16"))
    assert _network(load_cases([path])[0]) == (ACTORS, TIES)


def test_semicolons_and_a_title_row(tmp_path: Path) -> None:
    semi = tmp_path / "semi.csv"
    semi.write_text(TSV.replace("\t", ";"), encoding="utf-8")
    assert _network(load_cases([semi])[0]) == (ACTORS, TIES)
    titled = tmp_path / "titled.tsv"
    titled.write_text("みどり地区 団体一覧\r\n\r\n" + TSV, encoding="utf-8")
    assert _network(load_cases([titled])[0]) == (ACTORS, TIES)


def test_tabs_inside_quoted_cells_keep_a_csv_comma_separated(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text(
        '団体名,種別,主な連携先\r\n"みどり\t町内会",町内会,そらの会\r\nそらの会,NPO法人,"みどり\t町内会"\r\n',
        encoding="utf-8",
    )
    [case] = load_cases([path])
    assert len(case.actors) == 2 and len(case.relations) == 1
    assert not any(n.code == "note-delimiter" for n in case.notes)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_text_named_as_a_workbook_is_read_as_csv_with_a_note(runner, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"みどり地区{suffix}"
    path.write_bytes(TSV.replace("\t", ",").encode("cp932"))
    [case] = load_cases([path])
    assert _network(case) == (ACTORS, TIES)
    notes = [n for n in case.notes if n.code == "note-read-as-csv"]
    assert len(notes) == 1 and notes[0].fields == {"suffix": suffix}
    result = runner.invoke(cli, ["validate", str(path)])
    assert (
        result.exit_code == 0
        and f"名前は {suffix} ですが中身はテキスト（CSV）なので、CSV として読みました" in result.output
    )


def test_a_workbook_named_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "みどり地区.csv",
        [
            ["団体名", "種別", "主な連携先"],
            ["みどり町内会", "町内会", "そらの会"],
            ["そらの会", "NPO法人", "みどり町内会、ひかり食堂"],
            ["ひかり食堂", "任意団体", None],
        ],
    )
    assert _network(load_cases([path])[0]) == (ACTORS, TIES)


def test_a_yaml_case_saved_by_notepad_as_txt_is_still_yaml(tmp_path: Path) -> None:
    path = tmp_path / "みどり地区.yaml.txt"
    path.write_text(
        "format: kyodo-case/1\ndistrict:\n  name: みどり地区\nactors:\n"
        "  - {id: a, name: みどり町内会, sector: neighbourhood}\n",
        encoding="utf-8",
    )
    [case] = load_cases([path])
    assert case.district.name == "みどり地区" and [a.name for a in case.actors] == ["みどり町内会"]


def test_case_stems_of_the_new_suffixes() -> None:
    assert [case_stem(f"地区/一覧{s}") for s in (".xls", ".txt", ".tsv", ".TXT")] == ["一覧"] * 4
