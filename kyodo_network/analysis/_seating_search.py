"""A quick local search for a seating plan: the starting point (hint) handed to CP-SAT by :mod:`.seating`.

On 60 people, 12 tables and 3 rounds CP-SAT alone spends most of its time before it finds good plans; a few
thousand swaps of two people's seats in one round (or moves to a table with room), each kept when the plan's
levels do not get worse, give it a good first plan. The levels are those of
:func:`~kyodo_network.analysis.seating.plan_tiers`, compared in order, with the hard rules (together, apart)
as a level above them all; hosts never move. Every change is scored by what it changes (the pairs of the two
tables concerned), not by scoring the whole plan again. Seeded, so the same input gives the same plan.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence


class Search:
    """Seats ``seat[r][p]`` (table of person p in round r) for people ``0 … n-1`` and the running score."""

    def __init__(
        self,
        n: int,
        N: int,
        R: int,
        low: int,
        K: int,
        *,
        wanted: dict[tuple[int, int], int],
        acquainted: set[tuple[int, int]],
        group: Sequence[int],
        hosts: dict[int, int],
        together: list[tuple[int, int]],
        apart: list[tuple[int, int]],
        seed: int = 0,
    ) -> None:
        self.n, self.N, self.R, self.low, self.K = n, N, R, low, K
        self.wanted, self.acq, self.group, self.hosts = wanted, acquainted, list(group), hosts
        self.together, self.apart = together, apart
        self.rng = random.Random(seed)
        self.bound: dict[int, list[int]] = {p: [] for p in range(n)}
        for a, b in together + apart:
            self.bound[a].append(b)
            self.bound[b].append(a)
        self.seat = [self._start(r) for r in range(R)]
        self.members = [[[] for _ in range(N)] for _ in range(R)]
        for r in range(R):
            for p in range(n):
                self.members[r][self.seat[r][p]].append(p)
        self.meets: dict[tuple[int, int], int] = {}
        for r in range(R):
            for people in self.members[r]:
                for i, p in enumerate(people):
                    for q in people[i + 1 :]:
                        k = (p, q) if p < q else (q, p)
                        self.meets[k] = self.meets.get(k, 0) + 1
        self.gcount = [[{} for _ in range(N)] for _ in range(R)]
        for r in range(R):
            for p in range(n):
                c = self.gcount[r][self.seat[r][p]]
                c[self.group[p]] = c.get(self.group[p], 0) + 1

    def _start(self, r: int) -> list[int]:
        """Round r's seats: hosts at their tables, the others by a rotation that keeps tables within size."""
        seat = [-1] * self.n
        size = [0] * self.N
        for p, t in self.hosts.items():
            seat[p], size[t] = t, size[t] + 1
        for p in range(self.n):
            if seat[p] >= 0:
                continue
            t0 = (p + r * (p // self.N)) % self.N
            t = min(range(self.N), key=lambda t: (size[t] >= self.K, size[t] >= self.low, (t - t0) % self.N))
            seat[p], size[t] = t, size[t] + 1
        return seat

    def violations(self) -> int:
        bad = 0
        for r in range(self.R):
            s = self.seat[r]
            bad += sum(s[a] != s[b] for a, b in self.together) + sum(s[a] == s[b] for a, b in self.apart)
        return bad

    # --- the change in each level when person p moves from table a to table b in round r -------------------

    def _leave_join(self, p: int, r: int, a: int, b: int, skip: int, delta: list[int]) -> None:
        """Add to ``delta`` (wanted, acquainted, repeats) p leaving table a and joining table b (not meeting
        ``skip``, who moves the other way)."""
        for q in self.members[r][a]:
            if q != p and q != skip:
                self._pair(p, q, -1, delta)
        for q in self.members[r][b]:
            if q != skip and q != p:
                self._pair(p, q, +1, delta)

    def _pair(self, p: int, q: int, step: int, delta: list[int]) -> None:
        k = (p, q) if p < q else (q, p)
        m = self.meets.get(k, 0) + self._pending.get(k, 0)
        self._pending[k] = self._pending.get(k, 0) + step
        w = self.wanted.get(k)
        if w:
            if step > 0 and m == 0:
                delta[0] += w
            elif step < 0 and m == 1:
                delta[0] -= w
        if k in self.acq:
            delta[1] += step
        delta[2] += m if step > 0 else -(m - 1)

    def _mix_stay(self, p: int, r: int, a: int, b: int, other: int | None) -> int:
        """The change of (groups present − stays) when p moves a → b in round r (``other`` moves b → a)."""
        d = 0
        ga, gb = self.gcount[r][a], self.gcount[r][b]
        g = self.group[p]
        if other is None or self.group[other] != g:
            d -= ga.get(g, 0) == 1
            d += gb.get(g, 0) == 0
            if other is not None:
                h = self.group[other]
                d -= gb.get(h, 0) == 1
                d += ga.get(h, 0) == 0
        for x, t_from, t_to in ((p, a, b), (other, b, a)) if other is not None else ((p, a, b),):
            if x in self.hosts:
                continue
            for rr in (r - 1, r + 1):
                if 0 <= rr < self.R:
                    d += self.seat[rr][x] == t_from
                    d -= self.seat[rr][x] == t_to
        return d

    def _hard(self, p: int, r: int, b: int, other: int | None = None, a: int | None = None) -> int:
        d = 0
        for q in self.bound[p]:
            if q == other:
                continue
            sq = self.seat[r][q]
            before, after = sq == self.seat[r][p], sq == b
            sign = -1 if (p, q) in self._together or (q, p) in self._together else 1  # Δ violations
            d += sign * (after - before)
        return d

    def score(self) -> tuple[int, int, int, int, int]:
        rep = sum(m * (m - 1) // 2 for m in self.meets.values())
        wanted = sum(w for k, w in self.wanted.items() if self.meets.get(k))
        acq = sum(self.meets.get(k, 0) for k in self.acq)
        mix = sum(len([g for g, c in counts.items() if c]) for rnd in self.gcount for counts in rnd)
        stays = sum(
            1
            for r in range(1, self.R)
            for p in range(self.n)
            if p not in self.hosts and self.seat[r][p] == self.seat[r - 1][p]
        )
        return (-self.violations(), wanted, -acq, -rep, mix - stays)

    def run(self, seconds: float, max_steps: int = 200_000) -> list[list[int]]:
        """Swap and move seats for at most ``seconds`` (or ``max_steps`` tries); returns ``seat``."""
        self._together = set(self.together)
        movable = [p for p in range(self.n) if p not in self.hosts]
        if len(movable) < 2 or self.N < 2:
            return self.seat
        end = time.perf_counter() + seconds
        for step in range(max_steps):
            if step % 256 == 0 and time.perf_counter() > end:
                break
            r = self.rng.randrange(self.R)
            p = self.rng.choice(movable)
            a = self.seat[r][p]
            b = self.rng.randrange(self.N - 1)
            b += b >= a
            mates = [q for q in self.members[r][b] if q not in self.hosts]
            move = (
                len(self.members[r][a]) > self.low
                and len(self.members[r][b]) < self.K
                and (not mates or self.rng.random() < 0.3)
            )
            q = None if move else (self.rng.choice(mates) if mates else None)
            if q is None and not move:
                continue
            self._pending: dict[tuple[int, int], int] = {}
            delta = [0, 0, 0]
            hard = self._hard(p, r, b, q)
            self._leave_join(p, r, a, b, q if q is not None else -1, delta)
            if q is not None:
                hard += self._hard(q, r, a, p)
                self._leave_join(q, r, b, a, p, delta)
            low = self._mix_stay(p, r, a, b, q)
            change = (-hard, delta[0], -delta[1], -delta[2], low)
            if change >= (0, 0, 0, 0, 0):
                self._apply(p, r, a, b)
                if q is not None:
                    self._apply(q, r, b, a)
        return self.seat

    def _apply(self, p: int, r: int, a: int, b: int) -> None:
        for q in self.members[r][a]:
            if q != p:
                k = (p, q) if p < q else (q, p)
                self.meets[k] -= 1
                if not self.meets[k]:
                    del self.meets[k]
        self.members[r][a].remove(p)
        for q in self.members[r][b]:
            k = (p, q) if p < q else (q, p)
            self.meets[k] = self.meets.get(k, 0) + 1
        self.members[r][b].append(p)
        self.seat[r][p] = b
        g = self.group[p]
        self.gcount[r][a][g] -= 1
        self.gcount[r][b][g] = self.gcount[r][b].get(g, 0) + 1
