"""Work shared among forked workers gives what one process gives, also when shared work shares work again."""

from __future__ import annotations

import pytest

from kyodo_network.analysis import _parallel


def _inner(k: int) -> int:
    return sum(_parallel.parallel_map(lambda x: x * x, list(range(k))))


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(_parallel, "cores", lambda: 2)


def test_results_in_order(two_cores):
    assert _parallel.parallel_map(lambda x: -x, list(range(50))) == [-x for x in range(50)]


def test_nested_sharing_runs_inside_the_worker(two_cores):
    assert _parallel.parallel_map(_inner, [3, 4, 5, 6]) == [5, 14, 30, 55]


def test_not_worth_it_stays_here(two_cores, monkeypatch):
    import multiprocessing

    def refuse(*a, **k):
        raise AssertionError("no pool for a small job")

    monkeypatch.setattr(multiprocessing, "get_context", refuse)
    assert _parallel.parallel_map(len, ["ab"], worth_it=False) == [2]


def test_many_pools_under_the_cli_s_signal_handler_never_hang(tmp_path):
    """The CLI turns SIGTERM into SystemExit; workers forked from it must not inherit that (a pool stopped its
    workers with SIGTERM, whose handler then raised inside them while they held a lock: a map of a city hung)."""
    import subprocess
    import sys

    script = tmp_path / "many.py"
    script.write_text(
        "import signal, sys\n"
        "from kyodo_network.analysis import _parallel\n"
        "_parallel.cores = lambda: 2\n"
        "def stop(signum, frame):\n"
        "    raise SystemExit(128 + signum)\n"
        "signal.signal(signal.SIGTERM, stop)\n"
        "for k in range(40):\n"
        "    assert _parallel.parallel_map(lambda x: x + k, list(range(16))) == [x + k for x in range(16)]\n"
        "print('ok')\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr


def _handlers(_: object) -> tuple:
    import signal

    return signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)


def test_workers_do_not_run_the_parent_s_signal_handlers(two_cores):
    import signal

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    before = signal.signal(signal.SIGTERM, stop)
    try:
        seen = _parallel.parallel_map(_handlers, [0, 1, 2, 3])
    finally:
        signal.signal(signal.SIGTERM, before)
    assert set(seen) == {(signal.SIG_DFL, signal.SIG_IGN)}
