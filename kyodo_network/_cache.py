"""A private cache of files already read, so the second command on a district does not read its YAML again.

Reading and checking a case file is most of what a command costs on a ward (about a second for 2,000 actors:
libyaml parses, but every value is then located and checked in Python). The result of reading one file — its
case, its includes and its problems, before it is linked to other files — depends only on the file's bytes, the
name it is shown by, and the code of kyodo-network, so :func:`remembered` keeps it under a key made of those three
and the next command that reads the same bytes takes it from there. A file that changes gets a new key; nothing
stale is ever used.

Where: ``$KYODO_CACHE`` if set (``off`` turns the cache off), else the user's cache folder
(``$XDG_CACHE_HOME/kyodo-network``, ``~/.cache/kyodo-network``; ``%LOCALAPPDATA%\\kyodo-network\\cache`` on
Windows, ``~/Library/Caches/kyodo-network`` on macOS). The folder is created private to the user (mode 0700,
files 0600): it holds what the case files hold, private people included, and is read with :mod:`pickle`, which
runs what it reads — so an entry is read only when the folder and the entry are this user's and writable by no one
else (and the folder cannot be renamed by others); a shared ``KYODO_CACHE`` is simply not used. Deleting the folder is
always safe. It keeps at most :data:`MAX_ENTRIES` files, the least recently used going first.

A network (``nx.Graph``, ``nx.DiGraph``) inside a kept value is written in its compact form
(:mod:`kyodo_network._compact`: columns of plain values, not a pickled tree of millions of dicts), so writing
it needs no pickler's memo of every object and reading it back builds the dicts at once; the collector of
reference cycles is paused while an entry is read (:func:`paused_gc`): a city is millions of new objects, none
of them garbage, and the collector would walk them all again and again as they are made (at 30,000 actors,
reading a pickled network took 5.1 s with it and 1.1 s without).

Nothing here is an input or an output: a cache that cannot be written (read-only home, full disk) or an entry
that cannot be read (cut short, from another Python) is skipped silently, and the file is read as if there were
no cache.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "remembered", "remembered_from_files", "paused_gc", "MAX_ENTRIES"]

#: Entries kept; past it the least recently used are removed down to three quarters of it.
MAX_ENTRIES = 2000

#: Files larger than this are never cached (the loader refuses them anyway).
MAX_BYTES = 8 * 1024 * 1024

OFF = {"off", "0", "no", "false", "none"}

T = TypeVar("T")
_FINGERPRINT: str | None = None


def cache_dir() -> Path | None:
    """The cache folder in use, or None when ``KYODO_CACHE=off``.

    >>> import os; os.environ["KYODO_CACHE"] = "off"; cache_dir() is None
    True
    >>> del os.environ["KYODO_CACHE"]
    """
    chosen = os.environ.get("KYODO_CACHE", "").strip()
    if chosen.lower() in OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "kyodo-network" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kyodo-network"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kyodo-network"


def _fingerprint() -> str:
    """What the cached results depend on besides the file: this package's code, Python, PyYAML, openpyxl."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        h = hashlib.sha256(sys.version.encode())
        package = Path(__file__).resolve().parent
        for path in sorted(package.rglob("*.py")):
            st = path.stat()
            h.update(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns};".encode())
        for folder in (package / "datasets", package.parent / "datasets"):  # bundled cases (the support centres)
            for path in sorted(folder.glob("**/*.yaml")) if folder.is_dir() else ():
                st = path.stat()
                h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
        for name in ("yaml", "openpyxl", "networkx"):  # their installed copy, whether imported yet or not
            spec = importlib.util.find_spec(name)
            origin = Path(spec.origin) if spec is not None and spec.origin else None
            if origin is not None and origin.exists():
                st = origin.stat()
                h.update(f"{name}={origin}:{st.st_size}:{st.st_mtime_ns};".encode())
        _FINGERPRINT = h.hexdigest()
    return _FINGERPRINT


def remembered(path: Path, display: str, read: Callable[[], T]) -> T:
    """``read()``, or what it returned before for the same bytes of ``path`` shown as ``display``.

    ``read`` must depend only on the file's content and ``display`` (it is :func:`kyodo_network.load.read_case`'s
    reading of one file, before linking).
    """
    folder = cache_dir()
    if folder is None:
        return read()
    try:
        if path.stat().st_size > MAX_BYTES:
            return read()
        raw = path.read_bytes()
    except OSError:
        return read()
    key = hashlib.sha256(f"{_fingerprint()}\0{display}\0{path.suffix.lower()}\0".encode() + raw).hexdigest()
    entry = folder / f"{key}.pickle"
    try:
        value = _load(entry)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - an unreadable entry is a miss, whatever it holds
        _forget(entry)
    else:
        _touch(entry)
        return value
    value = read()
    _keep(folder, entry, value)
    return value


def remembered_from_files(label: str, build: Callable[[], tuple[T, list[Path]]]) -> tuple[T, list[Path]]:
    """``build()`` — a value and the files it read — or what it returned before under ``label``, as long as every
    one of those files still holds the same bytes (each is read and hashed again: a few milliseconds a megabyte).

    For what is built from several files whose list is known only once they are read (a graph from named case
    files and the files they include). Returns the value and the files, so the caller can record them as inputs.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    key = hashlib.sha256(f"{_fingerprint()}\0{label}".encode()).hexdigest()
    entry = folder / f"{key}.pickle"
    try:
        files, value = _load(entry)
        if all(_digest(Path(p)) == digest for p, digest in files):
            _touch(entry)
            return value, [Path(p) for p, _ in files]
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - an unreadable entry is a miss, whatever it holds
        _forget(entry)
    value, paths = build()
    digests = [(str(p), _digest(Path(p))) for p in paths]
    if all(d is not None for _, d in digests):
        _keep(folder, entry, (digests, value))
    return value, paths


def _trusted(path: Path) -> bool:
    """True if only this user could have written ``path`` (a cache entry, or the cache folder): owned by us and
    writable by nobody else, and — for the folder — inside a parent that others cannot rename it in. An entry that
    fails is never unpickled: pickle runs what it reads.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); d.chmod(0o700); _trusted(d)
    True
    >>> d.chmod(0o777); _trusted(d)
    False
    """
    if not hasattr(os, "getuid"):  # Windows: the user's own profile folder
        return True
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            return False
        if path.is_dir():
            parent = path.resolve().parent.stat()
            sticky = parent.st_mode & 0o1000
            if parent.st_mode & 0o002 and not sticky:
                return False
            if parent.st_mode & 0o020 and parent.st_uid != os.getuid() and not sticky:
                return False
        return True
    except OSError:
        return False


def _load(entry: Path) -> Any:
    """The value kept in ``entry``; FileNotFoundError when there is none, or when it is not to be trusted."""
    if not (_trusted(entry.parent) and _trusted(entry)):
        raise FileNotFoundError(entry)
    with open(entry, "rb") as f, paused_gc():
        return pickle.load(f)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused inside (and left as it was after): for making millions of objects
    that are not garbage, a city's records or network, which it would otherwise walk again and again.

    >>> with paused_gc(): gc.isenabled()
    False
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Pickler(pickle.Pickler):
    """A pickler that writes networks in their compact form (:func:`kyodo_network._compact.reduce_graph`)."""

    def __init__(self, file: Any) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        from ._compact import graph_types, reduce_graph

        table = copyreg.dispatch_table.copy()  # looked up by exact type, in C: nothing else pays for it
        table.update(dict.fromkeys(graph_types(), reduce_graph))
        self.dispatch_table = table


def _touch(entry: Path) -> None:
    try:
        os.utime(entry)  # recently used, for pruning
    except OSError:
        pass


def _digest(path: Path) -> str | None:
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _keep(folder: Path, entry: Path, value: Any) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):  # a folder others can write: never keep (nor read) anything there
            return
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".kyodo-tmp-", suffix=".pickle")  # 0600
        try:
            with os.fdopen(fd, "wb") as f, paused_gc():
                _Pickler(f).dump(value)
            os.replace(tmp, entry)
        except BaseException:
            _forget(Path(tmp))
            raise
        _prune(folder)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError, ValueError):
        return


def _prune(folder: Path) -> None:
    entries = []
    for e in os.scandir(folder):
        if e.name.startswith(".kyodo-tmp-"):  # left by a process killed while writing
            if e.stat().st_mtime < time.time() - 3600:
                _forget(Path(e.path))
        elif e.name.endswith(".pickle"):
            entries.append(e)
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for e in entries[: len(entries) - MAX_ENTRIES * 3 // 4]:
        _forget(Path(e.path))


def _forget(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
