"""What a file is, told from its first bytes rather than its name.

Offices rename files: an Excel 97-2003 book becomes ``団体一覧.xlsx``, a CSV export is saved as ``.xlsx``, a
book is saved with a password to open, Excel's 「Unicode テキスト」 is UTF-16 with tabs. :func:`what_file` looks
at the bytes so that the reader can take the right path, or say in one sentence what the file is and what to do.

Only bounded reads: the first 64 KB, a zip's central directory (what :mod:`zipfile` reads to list the entries,
never their contents) and at most a few sectors of an OLE2 compound file's directory.
"""

from __future__ import annotations

import os
import struct
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

__all__ = ["what_file", "KINDS", "HEAD_BYTES"]

#: What :func:`what_file` answers.
KINDS = ("xlsx", "encrypted-ooxml", "xls", "encrypted-zip", "empty", "utf16-text", "text", "binary")

#: How much of the start of a file is read.
HEAD_BYTES = 64 * 1024

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive's end record
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ROOT_ENTRY = "Root Entry".encode("utf-16-le")
#: Directory sectors of an OLE2 file followed at most (each holds 4 entries of 128 bytes at 512-byte sectors).
_MAX_DIRECTORY_SECTORS = 64
#: Control bytes a text file does not hold (all of C0 but tab, line feed, form feed, carriage return and the
#: end-of-file mark 0x1A some old editors add).
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 26})


def what_file(path: str | os.PathLike[str]) -> str:
    """What a file is, from its bytes.

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    str
        One of :data:`KINDS`: ``"xlsx"`` (a zip holding ``xl/workbook.xml``: an ``.xlsx`` or ``.xlsm`` book),
        ``"encrypted-ooxml"`` (an OLE2 compound file with an ``EncryptedPackage`` stream: how Excel saves a book
        with a password to open), ``"xls"`` (any other OLE2 compound file: an Excel 97-2003 book),
        ``"encrypted-zip"`` (a zip with an entry whose encryption flag is set), ``"empty"`` (0 bytes),
        ``"utf16-text"`` (a UTF-16 byte-order mark: Excel's 「Unicode テキスト」), ``"text"`` or ``"binary"``
        (anything else, a zip that is not a workbook among them).

    Raises
    ------
    OSError
        If the file cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.csv").write_text("団体名,種別\\n", encoding="utf-8")
    >>> _ = (folder / "b.xlsx").write_bytes(b"")
    >>> _ = (folder / "c.txt").write_bytes("団体名\\t種別\\r\\n".encode("utf-16"))
    >>> [what_file(folder / n) for n in ("a.csv", "b.xlsx", "c.txt")]
    ['text', 'empty', 'utf16-text']
    """
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
        if not head:
            return "empty"
        if head.startswith(_OLE2):
            return "encrypted-ooxml" if _ole_encrypted(f, head) else "xls"
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf16-text"
    return "binary" if _binary(head) else "text"


def _zip_kind(path: str | os.PathLike[str]) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error):
        return "binary"
    if any(i.flag_bits & 0x1 for i in infos):
        return "encrypted-zip"
    if any(i.filename.lower() == "xl/workbook.xml" for i in infos):
        return "xlsx"
    return "binary"


def _binary(head: bytes) -> bool:
    """True if the start of a file is not text: a NUL byte, or more than one control byte in a hundred."""
    if b"\x00" in head:
        return True
    return len(head) - len(head.translate(None, _CONTROL)) > len(head) // 100


def _ole_encrypted(f: BinaryIO, head: bytes) -> bool:
    """True if an OLE2 compound file names an ``EncryptedPackage`` stream: in the directory its header points to
    (followed through the allocation table for a few sectors), or, when that cannot be followed, anywhere in its
    first 64 KB."""
    try:
        sectors = list(_ole_directory(f, head))
    except (OSError, struct.error, ValueError):
        sectors = []
    if sectors and sectors[0].startswith(_ROOT_ENTRY):
        return any(_ENCRYPTED_PACKAGE in sector for sector in sectors)
    return _ENCRYPTED_PACKAGE in head


def _ole_directory(f: BinaryIO, head: bytes) -> Iterator[bytes]:
    """The sectors of an OLE2 file's directory, at most :data:`_MAX_DIRECTORY_SECTORS` of them (MS-CFB 2.2: the
    header gives the sector size, the first directory sector and the first 109 sectors of the allocation
    table)."""
    shift = struct.unpack_from("<H", head, 30)[0]
    if not 9 <= shift <= 12:
        return
    size = 1 << shift
    first_dir = struct.unpack_from("<I", head, 48)[0]
    fat_sectors = [s for s in struct.unpack_from("<109I", head, 76) if s < 0xFFFFFFFA]

    def sector(n: int) -> bytes:
        f.seek((n + 1) * size)
        return f.read(size)

    loaded: set[int] = set()  # the allocation table's sectors read so far, as the chain needs them
    next_of: dict[int, int] = {}
    per = size // 4
    seen: set[int] = set()
    n = first_dir
    while n < 0xFFFFFFFA and n not in seen and len(seen) < _MAX_DIRECTORY_SECTORS:
        seen.add(n)
        data = sector(n)
        if not data:
            return
        yield data
        which = n // per
        if which >= len(fat_sectors):
            return
        if which not in loaded:
            loaded.add(which)
            table = sector(fat_sectors[which])
            if len(table) < size:
                return
            next_of.update(enumerate(struct.unpack(f"<{per}I", table), which * per))
        n = next_of.get(n, 0xFFFFFFFE)
