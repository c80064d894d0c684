"""Progress bars on stderr for long steps: only on a terminal, only after a second, never with ``-q``.

The library reports progress through a callback (``progress(step, done, total)``, see
:data:`kyodo_network.analysis.engine.Progress`); :func:`progress_bar` turns those calls into a tqdm bar that
appears only when the step is still running after one second, and only when stderr is a terminal.
``KYODO_PROGRESS=1`` forces the bar on (for tests and for logs that want it).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from ._options import option

__all__ = ["progress_bar", "quiet_option", "DELAY"]

#: Seconds a step must run before its bar appears.
DELAY = 1.0

quiet_option = option("-q", "--quiet", is_flag=True, help="opt.progress.quiet")


def _wanted(quiet: bool) -> bool:
    if quiet:
        return False
    if os.environ.get("KYODO_PROGRESS") == "1":
        return True
    return sys.stderr.isatty()


@contextlib.contextmanager
def progress_bar(quiet: bool = False) -> Iterator:
    """A progress callback for the library; yields ``None`` when no bar is wanted (not a terminal, ``-q``)."""
    if not _wanted(quiet):
        yield None
        return
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def report(step: str, done: int, total: int) -> None:
        bar = bars.get(step)
        if bar is None:
            bar = bars[step] = tqdm(
                total=total, desc=step, file=sys.stderr, delay=DELAY, leave=False, dynamic_ncols=True
            )
        bar.total = total
        bar.update(done - bar.n)  # drawn only once DELAY has passed
        if done >= total:
            bar.close()

    try:
        yield report
    finally:
        for bar in bars.values():
            bar.close()
