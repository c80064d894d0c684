"""The files this process has read as input, so that no output ever lands on one of them.

:func:`kyodo_network.load.load_cases` records every file it reads (named cases, included files, spreadsheets);
the writers in :mod:`kyodo_network.render._write` refuse a target that resolves, symlinks followed, to one of
them or to a bundled case file. The record lives as long as the process: within one command, or a notebook
session, anything read is an input. :func:`recording` also lists what one block of work read, for what is kept
of it in the cache (:mod:`kyodo_network._answers`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["remember_input", "is_input", "recording"]

_READ: set[str] = set()
_RECORDING: list[list[str]] = []


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def remember_input(path: str | os.PathLike[str]) -> None:
    """Record ``path`` as an input of this process."""
    _READ.add(_key(path))
    for seen in _RECORDING:
        seen.append(os.path.abspath(os.fspath(path)))


@contextlib.contextmanager
def recording() -> Iterator[list[str]]:
    """The inputs recorded while the block runs, as they were named (absolute; symlinks kept, so a file re-pointed
    is read through its new target), each time it is recorded — also when an earlier block read it.

    >>> with recording() as seen:
    ...     remember_input("a.yaml")
    >>> [Path(p).name for p in seen]
    ['a.yaml']
    """
    seen: list[str] = []
    _RECORDING.append(seen)
    try:
        yield seen
    finally:
        _RECORDING.remove(seen)


def is_input(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` (symlinks followed) is a file this process read, or a bundled case file.

    >>> remember_input(__file__); is_input(__file__)
    True
    """
    key = _key(path)
    if key in _READ:
        return True
    bundled = Path(__file__).resolve().parent / "datasets"
    if not bundled.is_dir():  # an editable install keeps them in the checkout's datasets/
        bundled = Path(__file__).resolve().parent.parent / "datasets"
    return os.path.dirname(key) == _key(bundled)
