"""Sharing work among the machine's cores: forked workers that read what the parent already holds.

igraph and most of our own code hold the interpreter while they count, so threads cannot share the work. On
Linux a forked worker sees the parent's memory as it was at the fork (a city-sized graph is not copied or
pickled); only the items and the results travel between processes. Elsewhere (macOS, Windows: no safe fork)
and for small jobs everything runs in this process. The results are the same either way, in the same order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["cores", "parallel_map"]

T = TypeVar("T")

_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # set just before the fork


def cores() -> int:
    """Cores this process may use (``os.sched_getaffinity`` where the system has it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _run(i: int) -> Any:
    func, items = _JOB  # type: ignore[misc]
    return func(items[i])


def parallel_map(func: Callable[[Any], T], items: Sequence[Any], *, worth_it: bool = True) -> list[T]:
    """``[func(x) for x in items]``, shared among forked workers (one per core) when ``worth_it`` and the
    system can fork; in this process otherwise, in a worker itself (work shared inside shared work: the district
    maps of a city, a district's betweenness), or if forking fails.

    >>> parallel_map(len, ["a", "bb"])
    [1, 2]
    """
    import multiprocessing

    global _JOB
    procs = min(cores(), len(items))
    inside = multiprocessing.current_process().daemon  # a worker already: its work is its own share
    if not worth_it or procs < 2 or inside or not sys.platform.startswith("linux"):
        return [func(x) for x in items]

    _JOB = (func, items)
    try:
        pool = multiprocessing.get_context("fork").Pool(procs, initializer=_worker_signals)
    except OSError:  # cannot fork (process limits): count here
        _JOB = None
        return [func(x) for x in items]
    try:
        out = pool.map(_run, range(len(items)), chunksize=max(1, len(items) // (procs * 8)))
        pool.close()  # the workers finish and leave on their own: never killed while they hold a queue's lock
        return out
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _JOB = None


def _worker_signals() -> None:
    """A worker dies at once on SIGTERM and leaves Ctrl-C to the parent: it must not run the CLI's handlers
    (inherited through the fork), which would raise inside it while it holds the pool's locks."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
