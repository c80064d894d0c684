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
