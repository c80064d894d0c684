"""Writing outputs so that nothing is lost: atomic, all or nothing, never onto an input.

Every output of the tool goes through :func:`write_files` (or :func:`write_atomic` for one file):

- a target that resolves (symlinks followed) to a file this process read as input, or to a bundled case, is
  refused before anything is written (:mod:`kyodo_network._inputs`);
- each file is first written in full to a temporary file beside it, ``.<name>.<pid>.<random>.kyodo-tmp``;
  only when every temporary file is complete are they renamed into place, so readers see the old set or the
  new one;
- on any error, Ctrl-C or SIGTERM the temporary files are removed, files already renamed are put back as they
  were, and a folder the run created is removed again;
- temporary files left by a process that was killed outright (SIGKILL, power loss) are removed by the next
  write into that folder.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .._inputs import is_input
from ..errors import KyodoError, Msg

__all__ = ["write_atomic", "write_files", "check_targets", "TMP_SUFFIX"]

TMP_SUFFIX = ".kyodo-tmp"
_TMP_NAME = re.compile(r"^\..+\.(\d+)\.[^.]+" + re.escape(TMP_SUFFIX) + "$")


def check_targets(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Refuse outputs that would land on an input file or twice on one file; return the paths.

    Raises
    ------
    KyodoError
        Naming the first such path.
    """
    out, seen = [], set()
    for p in paths:
        path = Path(p)
        if is_input(path):
            raise KyodoError(Msg("files.is-input", (("path", str(path)),)))
        key = os.path.realpath(path)
        if key in seen:
            raise KyodoError(Msg("files.same-target", (("path", str(path)),)))
        seen.add(key)
        out.append(path)
    return out


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text is encoded as UTF-8) to ``path`` so that readers see the old file or the new one.

    The folder is created if missing. A new file gets mode 0644 (an existing file keeps its mode).

    Raises
    ------
    KyodoError
        When ``path`` is an input, or the folder or file cannot be written (no permission, a full disk, …).
    """
    return write_files([(path, data)])[0]


def write_files(files: Iterable[tuple[str | os.PathLike[str], str | bytes | Callable[[], str | bytes]]]) -> list[Path]:
    """Write several files all or nothing (see the module docstring); returns their paths in order.

    A file's data may be a function returning it, called in order as that file is written, so many large
    files (a city's district maps) need not all be held in memory at once.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_files([(d / "a.txt", "あ"), (d / "b.txt", b"b")])]
    ['a.txt', 'b.txt']
    >>> sorted(p.name for p in d.iterdir())
    ['a.txt', 'b.txt']
    """
    files = list(files)
    paths = check_targets(p for p, _ in files)
    made: list[Path] = []  # folders this run created, outermost first
    temps: list[tuple[str, Path]] = []
    placed: list[tuple[Path, str | None]] = []  # (target, backup of what was there)
    try:
        for path, (_, data) in zip(paths, files):
            _make_folder(path.parent, made)
            _clean_stale(path.parent)
            temps.append((_write_temp(path, data() if callable(data) else data), path))
        for tmp, path in temps:
            backup = None
            if len(temps) > 1 and path.exists():
                backup = _write_temp(path, path.read_bytes())
            os.replace(tmp, path)
            placed.append((path, backup))
    except BaseException as err:
        for tmp, _ in temps:
            _unlink(tmp)
        for path, backup in reversed(placed):
            if backup is None:
                _unlink(path)
            else:
                os.replace(backup, path)
        for folder in reversed(made):
            shutil.rmtree(folder, ignore_errors=True)
        if isinstance(err, OSError):
            where = Path(err.filename) if getattr(err, "filename", None) else paths[len(placed)] if paths else ""
            raise KyodoError(Msg("files.cannot-write", (("path", str(where)), ("reason", str(err.strerror or err))))) from err
        raise
    for _, backup in placed:
        if backup is not None:
            _unlink(backup)
    return paths


def _make_folder(folder: Path, made: list[Path]) -> None:
    missing = []
    f = folder
    while not f.exists() and f != f.parent:
        missing.append(f)
        f = f.parent
    folder.mkdir(parents=True, exist_ok=True)
    made.extend(m for m in reversed(missing) if m not in made and not any(m.is_relative_to(x) for x in made))


def _write_temp(path: Path, data: str | bytes) -> str:
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _clean_stale(folder: Path) -> None:
    """Remove our temporary files in ``folder`` whose writing process no longer runs."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        m = _TMP_NAME.match(entry.name)
        if m and entry.is_file(follow_symlinks=False) and not _running(int(m.group(1))):
            _unlink(entry.path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _unlink(path: str | os.PathLike[str]) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
