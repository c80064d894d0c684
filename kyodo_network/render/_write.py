"""Writing outputs so that nothing is lost: atomic, all or nothing, never onto an input.

Every output of the tool goes through :func:`write_files` (or :func:`write_atomic` for one file):

- a target that resolves (symlinks followed) to a file this process read as input, or to a bundled case, is
  refused before anything is written (:mod:`kyodo_network._inputs`);
- each file is first written in full to a temporary file beside it, ``.<name>.<pid>.<token>.<tag>.kyodo-tmp``
  (:func:`temp_name`: ``token`` is random, ``tag`` a keyed hash of the name, the process id and the token);
  only when every temporary file is complete are they renamed into place, so readers see the old set or the
  new one;
- on any error, Ctrl-C or SIGTERM the temporary files are removed, files already renamed are put back as they
  were, and a folder the run created is removed again;
- temporary files left by a process that was killed outright (SIGKILL, power loss) are removed by the next
  write into that folder, but only those the tool can prove it made (:func:`is_stale_temp`): the tag must
  match, the file must be a plain file of this user, not an input, and its process must have ended. A file of
  the user's whose name merely looks like ours (``.case.yaml.3999999.abcd.kyodo-tmp``) is never touched.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from .._inputs import is_input
from ..errors import KyodoError, Msg

__all__ = ["write_atomic", "write_files", "check_targets", "temp_name", "is_stale_temp", "TMP_SUFFIX"]

TMP_SUFFIX = ".kyodo-tmp"
_TMP_NAME = re.compile(
    r"^\.(?P<name>.+)\.(?P<pid>\d{1,10})\.(?P<token>[0-9a-f]{16})\.(?P<tag>[0-9a-f]{16})" + re.escape(TMP_SUFFIX) + "$"
)
#: The key of a temporary file's tag: not a secret, a proof against names that only look like ours.
_TAG_KEY = b"kyodo-network temporary file v1"
#: The most of the target's name a temporary file's name carries, in bytes (the rest of it is ~50 bytes).
_TMP_NAME_BYTES = 150


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


def write_atomic(
    path: str | os.PathLike[str], data: str | bytes, *, check: Callable[[Path, Path], None] | None = None
) -> Path:
    """Write ``data`` (text is encoded as UTF-8) to ``path`` so that readers see the old file or the new one.

    The folder is created if missing. A new file gets mode 0644 (an existing file keeps its mode). ``check``,
    if given, is called as ``check(path, temporary file)`` once the data is complete, before it takes the
    file's place: if it raises, nothing is written (the temporary file is removed) and the error goes on.

    Raises
    ------
    KyodoError
        When ``path`` is an input, or the folder or file cannot be written (no permission, a full disk, …).
    """
    return write_files([(path, data)], check=check)[0]


def write_files(
    files: Iterable[tuple[str | os.PathLike[str], str | bytes | Callable[[], str | bytes]]],
    *,
    check: Callable[[Path, Path], None] | None = None,
) -> list[Path]:
    """Write several files all or nothing (see the module docstring); returns their paths in order.

    A file's data may be a function returning it, called in order as that file is written, so many large
    files (a city's district maps) need not all be held in memory at once. ``check(path, temporary file)``
    is called for each complete temporary file before any takes its place (see :func:`write_atomic`).

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
            if check is not None:
                check(path, Path(temps[-1][0]))
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
            raise KyodoError(
                Msg("files.cannot-write", (("path", str(where)), ("reason", str(err.strerror or err))))
            ) from err
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


def _tag(name: str, pid: str, token: str) -> str:
    msg = "\0".join((name, pid, token)).encode("utf-8", "surrogateescape")
    return hmac.new(_TAG_KEY, msg, hashlib.sha256).hexdigest()[:16]


def temp_name(target: str | os.PathLike[str], *, pid: int | None = None, token: str | None = None) -> str:
    """The name of a temporary file for ``target`` (its folder is the target's): ``.<name>.<pid>.<token>.<tag>``
    and :data:`TMP_SUFFIX`, where ``token`` is random and ``tag`` a keyed hash of the rest, so
    :func:`is_stale_temp` can tell the tool's own temporary files from any other file.

    >>> temp_name("out/map.html", pid=42, token="0" * 16)
    '.map.html.42.0000000000000000.92e86bc2682022d1.kyodo-tmp'
    """
    raw = Path(target).name.encode("utf-8", "surrogateescape")[:_TMP_NAME_BYTES]
    name = raw.decode("utf-8", "ignore") or "_"
    pid_s = str(os.getpid() if pid is None else pid)
    token = token or secrets.token_hex(8)
    return f".{name}.{pid_s}.{token}.{_tag(name, pid_s, token)}{TMP_SUFFIX}"


def _open_temp(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` (:func:`temp_name`), opened for writing, mode 0600."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = os.path.join(path.parent, temp_name(path))
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(17, "no free temporary file name", str(path.parent))


def _write_temp(path: Path, data: str | bytes) -> str:
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = _open_temp(path)
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


def is_stale_temp(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a temporary file this tool made (:func:`temp_name`: its tag matches) whose process has
    ended: a plain file (not a link) of this user, not an input of this run. Only such files are removed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> ours, look_alike = d / temp_name("m.html", pid=2 ** 31 - 2), d / ".case.yaml.3999999.abcd.kyodo-tmp"
    >>> _ = ours.write_text("x"), look_alike.write_text("x")
    >>> is_stale_temp(ours), is_stale_temp(look_alike)
    (True, False)
    """
    path = Path(path)
    m = _TMP_NAME.match(path.name)
    if not m or not hmac.compare_digest(m["tag"], _tag(m["name"], m["pid"], m["token"])):
        return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        return False
    return not is_input(path) and not _running(int(m["pid"]))


def _clean_stale(folder: Path) -> None:
    """Remove the tool's own temporary files in ``folder`` whose writing process no longer runs."""
    try:
        entries = [e.path for e in os.scandir(folder) if e.name.endswith(TMP_SUFFIX)]
    except OSError:
        return
    for entry in entries:
        if is_stale_temp(entry):
            _unlink(entry)


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
