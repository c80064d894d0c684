"""A network kept compactly: columns of plain values instead of a tree of Python dicts, for the read cache.

A city's ``nx.Graph`` is millions of small objects: one dict of about 30 attributes per actor, one per tie, one
per relation behind it, and their lists. Pickled as it is, writing it needs a memo entry for every one of them
(hundreds of megabytes at 100,000 actors), and reading it back re-creates them one opcode at a time.
:func:`encode_graph` lays the same graph out by column instead — every attribute of every actor, tie and
relation as one column, each column's values stored once (strings joined into one text, each row a small
integer code into them), lists as their lengths and one flattened column, the adjacency as integer arrays — so
an encoded city is a few hundred objects of plain bytes and text, and :func:`decode_graph` rebuilds the graph
with C-level loops (``map``, ``zip``, ``dict``) straight into networkx's own dicts (``G._node``, ``G._adj``,
``G._pred``: the data structure the networkx documentation describes for subclasses), with every node,
neighbour and attribute in the order it had.

Kept exactly: node ids of any hashable type and their order, each node's neighbours in order (so edge order and
every traversal are the same), every attribute value and its type (a ``1`` stays an ``int``, ``True`` a ``bool``),
the order of each dict's keys, and which edge dict is shared between ``G.adj[u][v]`` and ``G.adj[v][u]`` (or
``G.succ`` and ``G.pred``). Not kept: two *different* attribute values that happened to be one object (a
relation dict listed on both directions of a directed tie is rebuilt as two equal dicts). A value this module
does not lay out (anything but strings, numbers, booleans, None, lists, tuples and dicts: a set, a numpy number)
is left to :mod:`pickle` inside its column, so anything that pickles is kept. Only ``nx.Graph`` and
``nx.DiGraph`` themselves are encoded (:func:`graph_types`); a subclass or a multigraph is pickled whole.

>>> import networkx as nx
>>> G = nx.Graph(name="demo"); G.add_edge("a", "b", relations=[{"type": "support", "weight": 2}]); G.add_node(3)
>>> H = decode_graph(encode_graph(G))
>>> list(H.edges(data=True)) == list(G.edges(data=True)) and list(H.nodes) == ["a", "b", 3] and H.graph == G.graph
True
"""

from __future__ import annotations

import pickle
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import islice, repeat
from operator import itemgetter
from typing import Any

__all__ = ["encode_graph", "decode_graph", "CompactGraphs", "graph_types", "reduce_graph"]

#: Bumped when the layout changes (entries of another version are a miss).
VERSION = 1

_SCALARS = (str, int, float, bool, type(None))
_SEP = "\0"
#: A dict column with more distinct key lists than this share of its rows, or keys longer than this, is a mapping
#: (ids → records: ``G.graph["projects"]``), kept as keys and values rather than one column per key.
_RECORD_KEYS = 64


def graph_types() -> tuple[type, ...]:
    """The graph classes encoded here (``nx.Graph``, ``nx.DiGraph``); empty while networkx is not imported."""
    nx = sys.modules.get("networkx")
    return (nx.Graph, nx.DiGraph) if nx is not None else ()


def reduce_graph(G: Any) -> tuple:
    """A pickle reduction of ``G`` into its compact form (for a pickler's ``dispatch_table``); a graph that
    cannot be laid out by column (attributes of its own) is reduced as pickle would."""
    try:
        return decode_graph, (encode_graph(G),)
    except TypeError:
        return G.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


# --- columns ---------------------------------------------------------------------------------------------------


def _ints(values: list[int]) -> tuple[str, bytes]:
    """Non-negative integers as the smallest array that holds them."""
    top = max(values, default=0)
    code = "B" if top < 1 << 8 else "H" if top < 1 << 16 else "I" if top < 1 << 32 else "Q"
    a = array(code, values)
    return code + str(a.itemsize) + sys.byteorder[0], a.tobytes()


def _unints(packed: tuple[str, bytes]) -> list[int]:
    code, raw = packed
    a = array(code[0])
    if code != code[0] + str(a.itemsize) + sys.byteorder[0]:  # another machine's layout: not ours to read
        msg = f"compact column of another layout ({code})"
        raise ValueError(msg)
    a.frombytes(raw)
    return a.tolist()


def _encode(values: list) -> tuple:
    """One column (a list of values, one per row) in its compact form; see :func:`_decode`."""
    n = len(values)
    if not n:
        return ("e",)
    kinds = set(map(type, values))
    if kinds <= set(_SCALARS):
        return _encode_scalars(values, n, kinds)
    if kinds == {list} or kinds == {tuple}:
        lengths = list(map(len, values))
        flat = [x for v in values for x in v]
        return ("l" if list in kinds else "t", _ints(lengths), _encode(flat))
    if kinds == {dict}:
        return _encode_dicts(values, n)
    groups = {k: _GROUPS.get(k, 4) for k in kinds}
    if len(set(groups.values())) > 1:  # of several kinds (a mapping's values): each kind its own column
        codes = [groups[v.__class__] for v in values]
        parts = [[v for v, c in zip(values, codes) if c == g] for g in range(5)]
        return ("x", _ints(codes), [_encode(p) if g < 4 else ("p", p) for g, p in enumerate(parts)])
    return ("p", values)  # left to pickle


#: The kinds of value :func:`_encode` lays out, for a column that mixes them (4: anything else, pickled).
_GROUPS = {**dict.fromkeys(_SCALARS, 0), list: 1, tuple: 2, dict: 3}


def _encode_scalars(values: list, n: int, kinds: set[type]) -> tuple:
    if float not in kinds and len(kinds & {int, bool}) < 2:  # no two values equal as keys but not alike
        uniq = list(dict.fromkeys(values))
        codes = list(map({v: i for i, v in enumerate(uniq)}.__getitem__, values)) if len(uniq) < n else []
    else:  # True, 1 and 1.0 are equal keys but not the same value; 0.0 and -0.0 too: by type, floats by bits
        seen: dict = {}
        codes = []
        add = codes.append
        for v in values:
            k = (float, v.hex()) if v.__class__ is float else (v.__class__, v)
            c = seen.get(k)
            if c is None:
                c = seen[k] = len(seen)
            add(c)
        uniq = [float.fromhex(k[1]) if k[0] is float else k[1] for k in seen]
    if len(uniq) == 1:
        return ("c", uniq[0], n)
    strings = [u for u in uniq if u.__class__ is str]
    none = next((i for i, u in enumerate(uniq) if u is None), -1)
    if len(strings) + (none >= 0) == len(uniq) and not any(_SEP in s for s in strings):
        table: tuple = ("j", _SEP.join(strings), none, len(strings))
    else:
        table = ("p", uniq)
    if len(uniq) == n:  # every value its own (ids, origins): the codes are 0, 1, 2, …
        return ("u", table)
    return ("s", table, _ints(codes))


def _encode_dicts(values: list[dict], n: int) -> tuple:
    keys_of = list(map(tuple, values))
    schemas = list(dict.fromkeys(keys_of))
    if len(schemas) * 8 > max(n, 8) or any(len(k) > _RECORD_KEYS for k in schemas):
        lengths = list(map(len, values))
        keys = [k for d in values for k in d]
        vals = [v for d in values for v in d.values()]
        return ("m", _ints(lengths), _encode(keys), _encode(vals))
    if len(schemas) == 1:
        return ("d", schemas, None, [[_encode(list(map(itemgetter(k), values))) for k in schemas[0]]], n)
    codes = list(map({k: i for i, k in enumerate(schemas)}.__getitem__, keys_of))
    rows: list[list[dict]] = [[] for _ in schemas]
    for d, c in zip(values, codes):
        rows[c].append(d)
    columns = [[_encode(list(map(itemgetter(k), group))) for k in keys] for keys, group in zip(schemas, rows)]
    return ("d", schemas, _ints(codes), columns, n)


def _decode(col: tuple) -> list:
    """The list of values of a column made by :func:`_encode`."""
    kind = col[0]
    if kind == "e":
        return []
    if kind == "c":
        return [col[1]] * col[2]  # one immutable value
    if kind == "u":
        return _table(col[1])
    if kind == "s":
        return list(map(_table(col[1]).__getitem__, _unints(col[2])))
    if kind in ("l", "t"):
        lengths = _unints(col[1])
        if col[2][0] == "e":  # every one empty (a new list each: a list may be changed)
            return list(map(list, repeat((), len(lengths)))) if kind == "l" else [()] * len(lengths)
        flat = iter(_decode(col[2]))
        return list(map(list if kind == "l" else tuple, map(islice, repeat(flat), lengths)))
    if kind == "d":
        return _decode_dicts(col)
    if kind == "m":
        lengths = _unints(col[1])
        pairs = zip(_decode(col[2]), _decode(col[3]))
        return list(map(dict, map(islice, repeat(pairs), lengths)))
    if kind == "p":
        return list(col[1])
    if kind == "x":
        its = [iter(_decode(part)).__next__ for part in col[2]]
        return [its[c]() for c in _unints(col[1])]
    msg = f"unknown compact column kind {kind!r}"
    raise ValueError(msg)


def _table(table: tuple) -> list:
    if table[0] == "p":
        return list(table[1])
    _, body, none, count = table
    uniq: list = body.split(_SEP) if count else []
    if none >= 0:
        uniq.insert(none, None)
    return uniq


def _decode_dicts(col: tuple) -> list[dict]:
    _, schemas, codes, columns, n = col
    rows = None if codes is None else _unints(codes)
    groups = []
    for i, (keys, cols) in enumerate(zip(schemas, columns)):
        if keys:
            groups.append(list(map(_maker(keys), *map(_decode, cols))))
        else:  # dicts with no keys: as many as there are rows of them
            groups.append([{} for _ in range(n if rows is None else rows.count(i))])
    if rows is None:
        return groups[0]
    its = [iter(g).__next__ for g in groups]
    return [its[c]() for c in rows]


@lru_cache(maxsize=256)
def _maker(keys: tuple) -> Callable[..., dict]:
    """A function of one value per key that returns the dict of ``keys`` to them, in that order.

    For string keys it is a dict display (``lambda a0, a1: {"type": a0, "from": a1}``), which Python builds at
    its full size at once: twice as fast as ``dict(zip(keys, values))``, as :mod:`dataclasses` and
    :func:`collections.namedtuple` make their methods. A key enters the source only as its ``repr``, a string
    literal; any other key is taken the slow way.
    """
    if not all(k.__class__ is str for k in keys):
        return lambda *values: dict(zip(keys, values))
    args = ", ".join(f"a{i}" for i in range(len(keys)))
    body = ", ".join(f"{k!r}: a{i}" for i, k in enumerate(keys))
    return eval(f"lambda {args}: {{{body}}}", {"__builtins__": {}})  # only literals and argument names


# --- graphs ----------------------------------------------------------------------------------------------------


def encode_graph(G: Any) -> tuple:
    """``G`` (an ``nx.Graph`` or ``nx.DiGraph``) laid out by column; :func:`decode_graph` gives it back equal.

    Raises
    ------
    TypeError
        For any other class (a subclass, a multigraph): pickle those whole.
    """
    kind = {cls: i for i, cls in enumerate(graph_types())}.get(type(G))
    if kind is None:
        msg = f"not a plain nx.Graph or nx.DiGraph: {type(G).__name__}"
        raise TypeError(msg)
    extra = set(vars(G)) - _STATE - _VIEWS
    if extra:
        msg = f"graph with attributes of its own: {sorted(extra)}"
        raise TypeError(msg)
    nodes = list(G._node)
    index = {n: i for i, n in enumerate(nodes)}.__getitem__
    adjs = [G._adj, G._pred] if kind == 1 else [G._adj]
    # every edge dict once, in the order first met, by identity: G.adj[u][v] is G.adj[v][u] (succ[u][v] is pred[v][u])
    edges = {id(d): d for adj in adjs for nbrs in adj.values() for d in nbrs.values()}
    row = {k: i for i, k in enumerate(edges)}.__getitem__

    def adjacency(adj: dict) -> tuple:
        order = list(map(index, adj))
        degrees = list(map(len, adj.values()))
        nbrs = [i for nbrdict in adj.values() for i in map(index, nbrdict)]
        eids = [e for nbrdict in adj.values() for e in map(row, map(id, nbrdict.values()))]
        same = order == list(range(len(nodes)))
        return (None if same else _ints(order), _ints(degrees), _ints(nbrs), _ints(eids))

    return (
        VERSION,
        kind,
        _encode([G.graph]),
        _encode(nodes),
        _encode(list(G._node.values())),
        _encode(list(edges.values())),
        [adjacency(adj) for adj in adjs],
    )


#: What an nx.Graph/DiGraph holds itself, and the cached views networkx may have stored beside it.
_STATE = {"graph", "_node", "_adj", "_succ", "_pred", "__networkx_cache__"}
_VIEWS = {"adj", "succ", "pred", "nodes", "edges", "degree", "in_edges", "out_edges", "in_degree", "out_degree"}


def decode_graph(data: tuple) -> Any:
    """The graph :func:`encode_graph` laid out, rebuilt with every node, neighbour and attribute in order.

    Every dict and list is new; a value of a kind not laid out by column (a set, a numpy number) is the very
    object that was encoded, unless the encoded form went through :mod:`pickle` (as it does in the cache and in
    :class:`CompactGraphs`).
    """
    import networkx as nx

    version, kind, graph, nodes_col, node_attrs, edge_attrs, adj = data
    if version != VERSION:
        msg = f"compact graph of version {version}, not {VERSION}"
        raise ValueError(msg)
    nodes = _decode(nodes_col)
    edges = _decode(edge_attrs)
    G = (nx.Graph, nx.DiGraph)[kind]()
    G.graph = _decode(graph)[0]
    G._node = dict(zip(nodes, _decode(node_attrs)))

    def adjacency(packed: tuple) -> dict:
        order, degrees, nbrs, eids = packed
        keys = nodes if order is None else list(map(nodes.__getitem__, _unints(order)))
        pairs = zip(map(nodes.__getitem__, _unints(nbrs)), map(edges.__getitem__, _unints(eids)))
        return dict(zip(keys, map(dict, map(islice, repeat(pairs), _unints(degrees)))))

    G._adj = adjacency(adj[0])
    if kind == 1:
        G._pred = adjacency(adj[1])
    return G


class CompactGraphs(Sequence):
    """Graphs kept in their compact form, each rebuilt when it is taken (and not kept): a city's districts one at
    a time, so the whole city's graphs are never held at once.

    >>> import networkx as nx
    >>> gs = CompactGraphs([nx.path_graph(3), nx.star_graph(2)])
    >>> len(gs), [G.number_of_edges() for G in gs], sorted(gs[1].nodes)
    (2, [2, 2], [0, 1, 2])
    """

    def __init__(self, graphs: Sequence[Any] = ()) -> None:
        self._data: list[bytes] = []
        for G in graphs:
            self.append(G)

    def append(self, G: Any) -> None:
        """Keep ``G`` compactly (as bytes: nothing of it is shared with the graphs rebuilt; the caller may drop it)."""
        self._data.append(pickle.dumps(encode_graph(G), protocol=pickle.HIGHEST_PROTOCOL))

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            out = CompactGraphs()
            out._data = self._data[i]
            return out
        return _rebuilt(self._data[i])

    def __iter__(self) -> Iterator[Any]:
        return map(_rebuilt, self._data)


def _rebuilt(raw: bytes) -> Any:
    return decode_graph(pickle.loads(raw))
