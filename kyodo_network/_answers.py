"""Answers already computed, kept so that the same question on unchanged files is not worked out again.

A coordinator runs ``kyodo bridges`` on a ward, then ``risks``, then ``bridges`` again with ``--format csv`` for
the spreadsheet. The read cache (:mod:`kyodo_network._cache`) already spares the second command the YAML; this
module spares the third the network and the analysis too: :func:`answer` keeps what a command's analysis
returned (its rows, and a :class:`Sketch` of the graph for the words around them) under a key made of

- the code (:func:`kyodo_network._cache._fingerprint`: this package, Python, PyYAML, openpyxl, networkx) and the
  installed igraph, numpy and scipy, the environment the analysis reads (``KYODO_ENGINE``, ``KYODO_LANG``) and
  the bounds of estimated betweenness where this process has changed them (:data:`BOUNDS`);
- the command's analysis and every option that changes the answer (``--top``, ``--year``, ``--public``,
  ``--directed``, ``--for``…, given by the command; never ``--format`` or ``--lang``, which only shape how the
  same rows are written: the rows hold both languages);
- the case names as given, the files they name now (symlinks followed) and the working folder;

and it is used only while every file the analysis read (named, included, the bundled cases it fell back on) holds
the same bytes: each is hashed again, as :func:`kyodo_network._cache.remembered_from_files` does for a network.
A kept answer needs neither the network nor the libraries that build it: a repeated ``kyodo bridges X.yaml`` does
not import networkx, numpy, scipy or igraph.

Entries live beside the read cache's, under its rules (:func:`~kyodo_network._cache.cache_dir`; a private folder
of private files, an entry never unpickled unless only this user could have written it; at most
:data:`~kyodo_network._cache.MAX_ENTRIES` files together, the least recently used going first); ``KYODO_CACHE=off``
turns both off and deleting the folder is always safe. The files read are still recorded as inputs
(:func:`kyodo_network._inputs.remember_input`), so no output lands on one.

Measured with ``benchmarks/startup.py`` (2,000 actors, the shared 2-core machine, best of 3 wall times, a fresh
process each; docs/speed.md, 「起動 / Start-up (issue 24)」):

==============================================  ==========  ==========
step                                            before      after
==============================================  ==========  ==========
``kyodo --help``                                0.31 s      0.08 s
``kyodo bridges --top 20`` (files unchanged)    1.08 s      0.09 s
``kyodo compare`` (files unchanged)             2.07 s      0.14 s
the same commands' first run (network cached)   0.45–1.88   0.70–1.96 (the same work, the machine's load)
==============================================  ==========  ==========
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["answer", "Sketch"]

#: What an answer may depend on besides the files and the options: compiled libraries the fingerprint of the read
#: cache does not cover, and the environment the library reads.
LIBRARIES = ("igraph", "networkit", "numpy", "scipy")
ENVIRONMENT = ("KYODO_ENGINE", "KYODO_LANG")

#: Bounds the analyses read at call time, as this process has them where it has loaded their module (a test or a
#: notebook may lower them); a command run on its own has not, and their values are then the code's.
BOUNDS = {"kyodo_network.analysis.centrality": ("EXACT_MAX", "EPSILON", "DELTA", "SEED", "SAMPLE_SOURCES")}

_KIND = "kyodo-answer-1"


def answer(
    command: str, names: Iterable[str | os.PathLike[str]], options: Mapping[str, Any], compute: Callable[[], Any]
) -> tuple[Any, bool]:
    """``compute()``, or what it returned before for ``command`` on ``names`` with ``options``, while every file it
    read still holds the same bytes; and whether it was kept (True) or computed now.

    ``compute`` must depend only on the files it reads (recorded as inputs while it runs), ``names``, ``options``
    and the working folder; what it returns must pickle. An exception from it is raised as it is and nothing is
    kept.

    >>> import os, unittest.mock
    >>> with unittest.mock.patch.dict(os.environ, {"KYODO_CACHE": "off"}):
    ...     answer("demo", ["nippa"], {"top": 3}, lambda: [1, 2, 3])
    ([1, 2, 3], False)
    """
    from ._cache import _digest, _keep, _load, cache_dir
    from ._inputs import recording, remember_input

    folder = cache_dir()
    if folder is None:
        return compute(), False
    entry = folder / f"{_key(command, [os.fspath(n) for n in names], options)}.pickle"
    try:
        kind, files, value = _load(entry)
        if kind == _KIND and all(_digest(Path(p)) == digest for p, digest in files):
            _touch(entry)
            for p, _ in files:
                remember_input(p)
            return value, True
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - an unreadable entry is a miss, whatever it holds
        _forget(entry)
    with recording() as read:
        value = compute()
    files = [(p, _digest(Path(p))) for p in dict.fromkeys(read)]
    if files and all(digest is not None for _, digest in files):  # nothing read: nothing to check it by
        _keep(folder, entry, (_KIND, files, value))
    return value, False


def _key(command: str, names: list[str], options: Mapping[str, Any]) -> str:
    from ._cache import _fingerprint

    named = [os.path.realpath(n) if os.path.exists(n) else n for n in names]  # a re-pointed symlink: another file
    environment = [os.environ.get(k) for k in ENVIRONMENT]
    bounds = [
        [getattr(sys.modules[m], a, None) for a in attrs] if m in sys.modules else None for m, attrs in BOUNDS.items()
    ]
    label = repr(
        (_KIND, command, os.getcwd(), names, named, sorted(options.items()), environment, bounds, _libraries())
    )
    return hashlib.sha256(f"{_fingerprint()}\0{label}".encode()).hexdigest()


def _libraries() -> list[tuple]:
    """Each of :data:`LIBRARIES` by its installed copy (found, not imported)."""
    import importlib.util

    out: list[tuple] = []
    for name in LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
            origin = spec.origin if spec is not None else None
            st = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            origin, st = None, None
        out.append((name, origin, st.st_size, st.st_mtime_ns) if st else (name, origin))
    return out


def _touch(entry: Path) -> None:
    try:
        os.utime(entry)  # recently used, for pruning
    except OSError:
        pass


def _forget(entry: Path) -> None:
    try:
        entry.unlink()
    except OSError:
        pass


class Sketch:
    """What the words around an answer read of the graph it was computed on, kept with the answer instead of it.

    Stands in for ``G`` where a command writes its rows: :attr:`graph` is ``G.graph`` (sector and relation
    labels, projects, the year and the records without one), :attr:`nodes` the attributes of every node the
    answer names, ``n in sketch`` whether ``n`` is one of those nodes, :meth:`number_of_nodes` the graph's, and
    :attr:`actors` how many of its nodes are not projects.

    >>> import networkx as nx
    >>> G = nx.Graph(sectors={}); G.add_node("a", name="甲", kind="actor"); G.add_node("b", name="乙", kind="actor")
    >>> s = Sketch(G, [{"id": "a"}])
    >>> s.nodes, "a" in s, "b" in s, s.number_of_nodes(), s.actors
    ({'a': {'name': '甲', 'kind': 'actor'}}, True, False, 2, 2)
    """

    def __init__(self, G: Any, answer: Any) -> None:
        self.graph = dict(G.graph)
        named: set[str] = set()
        _strings(answer, named)
        self.nodes = {n: dict(G.nodes[n]) for n in sorted(named) if n in G}
        self.order = G.number_of_nodes()
        self.actors = sum(1 for _, kind in G.nodes(data="kind") if kind != "project")

    def __contains__(self, n: object) -> bool:
        return n in self.nodes

    def number_of_nodes(self) -> int:
        return self.order


def _strings(x: Any, out: set[str]) -> None:
    """Every string in ``x`` (values and keys, in nested dicts, lists and tuples)."""
    if isinstance(x, str):
        out.add(x)
    elif isinstance(x, Mapping):
        for k, v in x.items():
            _strings(k, out)
            _strings(v, out)
    elif isinstance(x, (list, tuple, set, frozenset)):
        for v in x:
            _strings(v, out)
