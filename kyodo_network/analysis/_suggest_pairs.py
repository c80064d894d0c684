"""Candidate pairs of ``suggest_introductions`` scored with numpy and scipy.sparse, without a Python tuple per pair.

Actors are numbered ``0 … n-1`` in the order of their ids as strings (the order of the ranking's tie-break).
The ranking is exactly that of the plain definition in :func:`~kyodo_network.analysis.suggest.suggest_introductions`:
every float is computed in the same order as ``aa + themes + matches + cross + second_path + locality`` in Python,
and rounded to 4 decimals as Python's ``round`` does.

- Adamic–Adar: the sparse product ``A · diag(1/ln deg) · A`` with the middle index in the graph's node order, so
  that each pair's sum runs over its common partners in that order (scipy's CSR product adds the terms of a row
  in the order they are stored), as the plain loop over partners does.
- Pairs with no partner in common (same ward or district, a shared theme or an offer matching a need): blocks of
  rows × actors of one ward (or district) at a time, counts from dense products of actor × theme (offer, need)
  incidence; memory is bounded by the largest ward.
- ``top=k``: a pair is scored without ``second_path`` (+0.5) first; only pairs whose score with it could still
  reach the k-th best are tested for it (a biconnected-component test per pair), and only k are kept.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator

import networkx as nx
import numpy as np
import scipy.sparse as sp

#: Entries of one block of rows × ward actors scored at once (bounds memory: about 50 bytes an entry).
BLOCK = 2_000_000


class PairTables:
    """Integer codes and incidence matrices of the actors, indexed ``0 … n-1`` in ``nodes`` order."""

    def __init__(self, U: nx.Graph, G: nx.Graph, nodes: list, info: dict, city_wide: frozenset) -> None:
        self.nodes = nodes
        self.n = n = len(nodes)
        self.index = index = {v: i for i, v in enumerate(nodes)}
        self.upos = np.empty(n, dtype=np.int64)  # position in the graph's node order
        for p, v in enumerate(U):
            self.upos[index[v]] = p
        rows, cols = [], []
        for v in U:
            i = index[v]
            for x in U[v]:
                rows.append(i)
                cols.append(index[x])
        self.adj_rows = np.asarray(rows, dtype=np.int64)
        self.adj_cols = np.asarray(cols, dtype=np.int64)
        self.deg = np.bincount(self.adj_rows, minlength=n)
        upper = self.adj_rows < self.adj_cols
        self.adj_codes = np.unique(self.adj_rows[upper] * n + self.adj_cols[upper])
        self.sector = _codes([info[v]["sector"] for v in nodes])
        self.ward = _codes([info[v]["ward"] for v in nodes], missing=lambda x: x in city_wide)
        self.district = _codes([info[v]["district"] for v in nodes], missing=lambda x: x is None)
        self.themes = _incidence([info[v]["themes"] for v in nodes])
        offers = [info[v]["offers"] for v in nodes]
        needs = [info[v]["needs"] for v in nodes]
        both = set().union(*offers) & set().union(*needs) if nodes else set()
        vocab = {x: k for k, x in enumerate(sorted(both, key=repr))}
        self.offers = _incidence([o & both for o in offers], vocab)
        self.needs = _incidence([x & both for x in needs], vocab)
        self.clubs, self.held = _acquaintance(G, index)
        self.circle = _circle_matrix(G, U, index)
        self._acq: np.ndarray | None = None

    # --- per pair ------------------------------------------------------------------------------------------

    def adjacency(self) -> sp.csr_matrix:
        """The 0/1 adjacency matrix of the actors (symmetric)."""
        n = self.n
        return sp.csr_matrix(
            (np.ones(len(self.adj_rows), dtype=np.float32), (self.adj_rows, self.adj_cols)), shape=(n, n)
        )

    def acquainted_codes(self) -> np.ndarray:
        """Sorted codes ``i·n + j`` (``i < j``) of the pairs that know each other without a tie: a body or project
        in common, a tie one of them holds, one circle (:mod:`.circles`), or one reaching the other through its
        circle-mate (a member through its body, a body through its member, an office through its department)."""
        if self._acq is None:
            S = sp.triu(self.clubs @ self.clubs.T, k=1).tocoo()
            codes = [S.row.astype(np.int64) * self.n + S.col, self.held]
            if self.circle.nnz:
                C = self.circle
                R = sp.triu(C + C @ self.adjacency(), k=1) + sp.triu((C @ self.adjacency()).T, k=1)
                R = R.tocoo()
                codes.append(R.row.astype(np.int64) * self.n + R.col)
            self._acq = _sorted_unique(np.concatenate(codes))
        return self._acq

    def acquainted_with(self, i: int) -> np.ndarray:
        """Which actors know actor ``i`` without a tie (see :meth:`acquainted_codes`)."""
        out = np.zeros(self.n, dtype=bool)
        if self.clubs.shape[1]:
            out[(self.clubs @ self.clubs[i].T).nonzero()[0]] = True
        lo, hi = self.held // self.n, self.held % self.n
        out[hi[lo == i]] = True
        out[lo[hi == i]] = True
        if self.circle.nnz:
            C, A = self.circle, self.adjacency()
            mates = C[i].indices
            out[mates] = True  # its own circle-mates
            if len(mates):
                out[np.unique(A[mates].indices)] = True  # partners of its circle-mates
            near = A[i].indices
            if len(near):
                out[np.unique(C[near].indices)] = True  # circle-mates of its partners
        out[i] = False
        return out

    def counts(self, I: np.ndarray, J: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Shared themes and offer → need matches (both directions) of the pairs ``(I[k], J[k])``."""

        def dot(X, Y):
            if X.shape[1] == 0 or len(I) == 0:
                return np.zeros(len(I), dtype=np.int64)
            return np.asarray(X[I].multiply(Y[J]).sum(axis=1), dtype=np.int64).ravel()

        return dot(self.themes, self.themes), dot(self.offers, self.needs) + dot(self.needs, self.offers)

    def local(self, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        w, d = self.ward, self.district
        return ((d[I] >= 0) & (d[I] == d[J])) | ((w[I] >= 0) & (w[I] == w[J]))

    # --- candidates ----------------------------------------------------------------------------------------

    def adamic_adar(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every untied pair with a partner in common, ``I < J``, and its Adamic–Adar index ``Σ 1/ln deg(w)``
        summed over the common partners ``w`` in the graph's node order."""
        n = self.n
        inc = np.zeros(n)
        for d in np.unique(self.deg[self.deg >= 2]).tolist():
            inc[self.deg == d] = 1 / math.log(d)  # math.log, as the plain definition (numpy's log may differ)
        w, u = self.adj_rows, self.adj_cols  # u is a partner of w
        left = _csr(u, self.upos[w], np.ones(len(u)), (n, n))  # actor × partner (by node order), sorted rows
        keep = inc[w] > 0
        right = _csr(self.upos[w][keep], u[keep], inc[w][keep], (n, n))  # partner × actor
        P = sp.triu(left @ right, k=1).tocoo()
        I, J = P.row.astype(np.int64), P.col.astype(np.int64)
        untied = ~isin(I * n + J, self.adj_codes)
        return I[untied], J[untied], P.data[untied]

    def groups(self) -> Iterator[tuple[str, np.ndarray]]:
        """Actors of each ward (not city-wide) and of each district, as sorted index arrays."""
        for kind, codes in (("ward", self.ward), ("district", self.district)):
            order = np.argsort(codes, kind="stable")
            sorted_codes = codes[order]
            starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]]) if len(codes) else []
            bounds = list(starts) + [len(codes)]
            for a, b in zip(bounds[:-1], bounds[1:]):
                if sorted_codes[a] >= 0 and b - a >= 2:
                    yield kind, np.sort(order[a:b])

    def local_blocks(
        self, weights: dict, cross_only: bool, threshold: Callable[[], float]
    ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        """Pairs of one ward (district pairs of different wards are taken with their district) that share a
        theme or match an offer to a need and whose score could reach ``threshold()``: ``I, J, themes, matches``.
        Ties, acquaintances and partners in common are not excluded here. (Weights are not negative.)"""
        top = weights["cross_sector"] + weights["second_path"] + weights["locality"]
        # no pair scores more than either actor's bound: all its themes shared, all its offers and needs matched
        bound = (
            weights["themes"] * _row_sizes(self.themes)
            + weights["complement"] * (_row_sizes(self.offers) + _row_sizes(self.needs))
            + top
        )
        for kind, members in self.groups():
            t = threshold()
            if t > -math.inf:
                members = members[bound[members] >= t - 1e-3]  # rounding moves a score by less
            m = len(members)
            if m < 2:
                continue
            T, O, N = _dense(self.themes[members], self.offers[members], self.needs[members])
            sec, ward = self.sector[members], self.ward[members]
            step = max(1, BLOCK // m)
            for a in range(0, m, step):
                b = min(m, a + step)
                nt = _product(T[a:b], T[a:])
                nm = _product(O[a:b], N[a:]) + _product(N[a:b], O[a:])
                cross = sec[a:b, None] != sec[None, a:]
                t = threshold()
                if t > -math.inf:
                    best = weights["themes"] * nt + weights["complement"] * nm + weights["cross_sector"] * cross
                    ri, ci = np.nonzero(best >= t - 1e-3 - weights["second_path"] - weights["locality"])
                else:
                    ri, ci = np.nonzero((nt + nm) > 0)
                nt, nm = nt[ri, ci], nm[ri, ci]
                keep = ((nt + nm) > 0) & (ri < ci)
                if kind == "district":  # pairs of one ward were taken with the ward
                    w1, w2 = ward[a + ri], ward[a + ci]
                    keep &= ~((w1 >= 0) & (w1 == w2))
                if cross_only:
                    keep &= cross[ri, ci]
                if keep.any():
                    yield (
                        members[a + ri[keep]],
                        members[a + ci[keep]],
                        nt[keep].astype(np.int64),
                        nm[keep].astype(np.int64),
                    )


class Ranking:
    """The best ``top`` pairs (all when ``top`` is None) by ``(-round(score, 4), -aa, i, j)``.

    ``offer`` takes pairs scored without and with the second-path bonus (``lo``, ``hi``, both rounded) and tests
    ``separated(i, j)`` only for pairs whose ``hi`` can still reach the k-th best score.
    """

    def __init__(self, top: int | None, separated: Callable[[int, int], bool]) -> None:
        self.top = top
        self.separated = separated
        self.parts: list[tuple[np.ndarray, ...]] = []
        self.pool = (np.empty(0), np.empty(0), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, bool))

    def threshold(self) -> float:
        R = self.pool[0]
        return R[self.top - 1] if self.top and len(R) >= self.top else -math.inf

    def offer(self, I: np.ndarray, J: np.ndarray, aa: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        if self.top:
            known = np.concatenate([self.pool[0], lo])
            if len(known) >= self.top:  # at least top pairs score this much or more
                t = -np.partition(-known, self.top - 1)[self.top - 1]
                keep = hi >= t
                I, J, aa, lo, hi = I[keep], J[keep], aa[keep], lo[keep], hi[keep]
        if len(I) == 0:
            return
        sep = np.fromiter((self.separated(i, j) for i, j in zip(I.tolist(), J.tolist())), bool, len(I))
        batch = (np.where(sep, hi, lo), aa, I, J, sep)
        if self.top:
            merged = tuple(np.concatenate([p, q]) for p, q in zip(self.pool, batch))
            self.pool = tuple(x[_ranked(merged)[: self.top]] for x in merged)
        else:
            self.parts.append(batch)

    def result(self) -> list[tuple[float, float, int, int, bool]]:
        cols = (
            self.pool
            if self.top
            else tuple(np.concatenate([p[k] for p in self.parts]) if self.parts else self.pool[k] for k in range(5))
        )
        ranked = _ranked(cols)
        R, aa, I, J, S = (c[ranked].tolist() for c in cols)
        return [(-r, -a, i, j, s) for r, a, i, j, s in zip(R, aa, I, J, S)]


def scores(
    weights: dict, aa: np.ndarray, nt: np.ndarray, nm: np.ndarray, cross: np.ndarray, local: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Rounded scores without and with the second-path bonus, summed in the plain definition's order."""
    s = weights["closure"] * aa + weights["themes"] * nt
    s = s + weights["complement"] * nm
    s = s + np.where(cross, weights["cross_sector"], 0.0)
    loc = np.where(local, weights["locality"], 0.0)
    return round4((s + 0.0) + loc), round4((s + weights["second_path"]) + loc)


def round4(x: np.ndarray) -> np.ndarray:
    """``round(v, 4)`` of each value, exactly as Python rounds (``np.round`` differs next to a half)."""
    y = x * 1e4
    out = np.rint(y) / 1e4
    frac = y - np.floor(y)
    near = np.flatnonzero(np.abs(frac - 0.5) < 1e-6)
    if len(near):
        out[near] = [round(v, 4) for v in x[near].tolist()]
    return out


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """``np.unique`` of integer codes by sorting (numpy's hashing unique is many times slower on millions)."""
    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def _ranked(cols: tuple[np.ndarray, ...]) -> np.ndarray:
    R, aa, I, J = cols[:4]
    return np.lexsort((J, I, -aa, -R))


def isin(codes: np.ndarray, sorted_codes: np.ndarray) -> np.ndarray:
    if len(sorted_codes) == 0 or len(codes) == 0:
        return np.zeros(len(codes), dtype=bool)
    k = np.searchsorted(sorted_codes, codes)
    k[k == len(sorted_codes)] = 0
    return sorted_codes[k] == codes


def _csr(rows: np.ndarray, cols: np.ndarray, data: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """A CSR matrix whose rows store their columns in increasing order (scipy's product adds in that order)."""
    o = np.lexsort((cols, rows))
    indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=shape[0]))]
    M = sp.csr_matrix((data[o], cols[o], indptr), shape=shape)
    M.has_sorted_indices = True
    return M


def _codes(values: list, missing: Callable[[Hashable], bool] = lambda x: False) -> np.ndarray:
    """Equal values → equal codes ≥ 0; values that never match (``missing``) → -1."""
    seen: dict = {}
    return np.fromiter((-1 if missing(x) else seen.setdefault(x, len(seen)) for x in values), np.int64, len(values))


def _incidence(sets: list[set], vocab: dict | None = None) -> sp.csr_matrix:
    if vocab is None:
        vocab = {}
        for s in sets:
            for x in s:
                vocab.setdefault(x, len(vocab))
    rows = [i for i, s in enumerate(sets) for _ in s]
    cols = [vocab[x] for s in sets for x in s]
    return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sets), len(vocab)))


def _dense(T: sp.csr_matrix, O: sp.csr_matrix, N: sp.csr_matrix) -> list:
    """The columns used, as bit masks (one ``uint64`` an actor) when at most 64, else as dense float32 arrays
    (exact counts), else (over 512) the sparse matrices themselves."""
    themes, items = np.unique(T.indices), np.unique(np.concatenate([O.indices, N.indices]))
    if max(len(themes), len(items)) > 512:
        return [T, O, N]
    out = [T[:, themes].toarray(), O[:, items].toarray(), N[:, items].toarray()]
    if max(len(themes), len(items)) <= 64 and hasattr(np, "bitwise_count"):
        bits = [np.left_shift(np.uint64(1), np.arange(X.shape[1], dtype=np.uint64)) for X in out]
        return [(X.astype(np.uint64) * b).sum(axis=1, dtype=np.uint64) for X, b in zip(out, bits)]
    return out


def _product(X, Y) -> np.ndarray:
    """``X · Yᵀ`` as a dense array of counts (bit masks: the number of bits both have)."""
    if X.ndim == 1:
        return np.bitwise_count(X[:, None] & Y[None, :])
    P = X @ Y.T
    return P.toarray() if sp.issparse(P) else P


def _row_sizes(X: sp.csr_matrix) -> np.ndarray:
    return np.diff(X.indptr)


def _circle_matrix(G: nx.Graph, U: nx.Graph, index: dict) -> sp.csr_matrix:
    """The circle-mates of :mod:`.circles` as a symmetric 0/1 matrix over the actors (indexed by ``index``)."""
    from .circles import circle_pairs

    n = len(index)
    rows, cols = [], []
    for pair in circle_pairs(G, U):
        a, b = tuple(pair)
        rows += [index[a], index[b]]
        cols += [index[b], index[a]]
    M = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n))
    M.data[:] = 1.0
    return M


def _acquaintance(G: nx.Graph, index: dict) -> tuple[sp.csr_matrix, np.ndarray]:
    """Actor × body-or-project membership (members of one know each other) and the codes of the pairs joined
    by a tie one of them holds (``held_by``)."""
    members: dict = defaultdict(set)
    held: set = set()
    n = len(index)
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            if r["type"] == "member":
                members[r["to"]].add(r["from"])
            for h in r.get("held_by", []):
                if h in G:
                    for e in (r["from"], r["to"]):
                        if e != h and e in G:
                            i, j = sorted((index[h], index[e]))
                            held.add(i * n + j)
    for p in (G.graph.get("projects") or {}).values():
        members[("project", p.get("name"), id(p))] = {x["id"] for x in p.get("participants", []) if x["id"] in G}
    rows, cols = [], []
    for c, group in enumerate(g for g in members.values() if len(g) >= 2):
        for x in group:
            rows.append(index[x])
            cols.append(c)
    clubs = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(cols, default=-1) + 1))
    return clubs, np.array(sorted(held), dtype=np.int64)
