"""Seats for a 交流会 (a matching evening, World Café style): who sits at which table in each round.

The handbook's companies asked for 「多くの市民活動団体と出会う**マッチングの場**」; the support centres hold
「団体交流会」. At such an evening the tables decide who meets whom. :func:`seating_plan` seats people so that

1. the pairs worth meeting share a table (the introductions :func:`~kyodo_network.analysis.suggest.suggest_introductions`
   would make, and the pairs of :func:`~kyodo_network.analysis.match.match_offers_needs` in which each offers
   what the other needs, weighted twice);
2. people who already know each other (a relation, a shared project, one circle) sit apart;
3. nobody meets the same person at a table in two rounds (World Café: a host stays, the others move);
4. each table mixes sectors, and people who are not hosts change tables between rounds;

in that order of priority (a lexicographic objective: any gain at one level outweighs every loss below it),
always honouring the hard rules: every person at one table a round, tables of at most ``size`` and at least
``⌊n / tables⌋`` people, hosts at their table in every round, ``together`` pairs at one table and ``apart`` pairs
at different tables in every round.

Solver: Google OR-Tools CP-SAT (Perron & Didier, CP-SAT v9). It installs here from one binary wheel (with
protobuf, absl-py, numpy, pandas), needs no external solver program, takes a time limit, uses both cores,
and proves small plans optimal, so the tests compare it with a brute-force answer. The model is Boolean (a seat
is a yes/no choice, "two people at one table" is the AND of two seats), where CP-SAT's clause learning is at
home; a MILP solver (CBC through PuLP, HiGHS) reaches the same model through a weaker LP relaxation of those
ANDs, and PuLP drives CBC as a separate program through files. When the time limit is reached first the best
plan found is returned and said to be so (``status`` ``"feasible"``).

The model: ``x[p,t,r]`` (person p at table t in round r); for each wanted pair and table a ``z ≤ x[p], z ≤ x[q]``
whose sum over tables and rounds bounds ``met[p,q]``; for each acquainted pair and round ``s ≥ x[p] + x[q] - 1``;
for two rounds r1 < r2 and tables t1, t2 the number ``c`` of people at t1 in r1 and t2 in r2 (from
``w ≥ x[p,t1,r1] + x[p,t2,r2] - 1``) costs ``C(c, 2)`` (the pairs who meet twice), written as ``Σ_k max(0, c - k)``;
``d[t,r,g]`` is 1 when group g sits at table t in round r. Tables are interchangeable when there are no hosts, so
round 1's tables are ordered by their first person (symmetry breaking). A plan from a rotation (person i at
table ``(i + r·⌊i/tables⌋) mod tables``) is given as a hint.

References
----------
Perron, L., & Didier, F. CP-SAT. Google OR-Tools, https://developers.google.com/optimization/cp/cp_solver
Brown, J., & Isaacs, D. (2005). The World Café. Berrett-Koehler.
"""

from __future__ import annotations

import math
import time
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any

import networkx as nx

from ..errors import KyodoError, Msg

__all__ = [
    "seating_plan",
    "plan_tiers",
    "seating_from_graph",
    "attendees_from_names",
    "wanted_pairs",
    "NEWCOMER",
    "TIME_LIMIT",
]

#: The group (sector) of a person who is not in the network.
NEWCOMER = "newcomer"
#: Seconds the solver may take by default.
TIME_LIMIT = 8.0
#: Share of the time (and most seconds) spent on the local search that gives CP-SAT its first plan.
SEARCH_SHARE, SEARCH_MAX = 0.25, 2.0

Pair = frozenset


def _pair(p: Hashable, q: Hashable) -> Pair:
    return frozenset((p, q))


def plan_tiers(
    tables: Sequence[Sequence[Sequence[Hashable]]],
    *,
    wanted: Mapping[Pair, int] = {},
    acquainted: Iterable[Pair] = (),
    groups: Mapping[Hashable, str] = {},
    hosts: Mapping[Hashable, int] = {},
) -> dict[str, Any]:
    """What a plan achieves, level by level: ``tables[r][t]`` lists who sits at table t in round r.

    Returns ``wanted`` (the weight of the wanted pairs that share a table in some round), ``wanted_met`` (those
    pairs), ``acquainted`` (acquainted pairs at one table, counted once a round), ``repeats`` (Σ over pairs of
    C(m, 2), m the rounds they share a table), ``mix`` (Σ over tables and rounds of the groups present) and
    ``stays`` (people who are not hosts at the same table as in the round before).

    >>> t = plan_tiers([[["a", "b"], ["c", "d"]]], wanted={frozenset("ab"): 1}, acquainted=[frozenset("cd")])
    >>> t["wanted"], t["acquainted"], t["repeats"]
    (1, 1, 0)
    """
    acquainted = set(acquainted)
    meets: dict[Pair, int] = {}
    acq = 0
    mix = 0
    for rnd in tables:
        for people in rnd:
            mix += len({groups.get(p, p) for p in people})
            for p, q in combinations(people, 2):
                pr = _pair(p, q)
                meets[pr] = meets.get(pr, 0) + 1
                acq += pr in acquainted
    stays = 0
    for r in range(1, len(tables)):
        before = {p: t for t, people in enumerate(tables[r - 1]) for p in people}
        stays += sum(1 for t, people in enumerate(tables[r]) for p in people if p not in hosts and before.get(p) == t)
    met = sorted((pr for pr in wanted if meets.get(pr)), key=lambda pr: sorted(map(str, pr)))
    return {
        "wanted": sum(wanted[pr] for pr in met),
        "wanted_met": met,
        "acquainted": acq,
        "repeats": sum(m * (m - 1) // 2 for m in meets.values()),
        "mix": mix,
        "stays": stays,
    }


def seating_plan(
    people: Sequence[Hashable],
    *,
    tables: int,
    rounds: int = 1,
    size: int | None = None,
    wanted: Mapping[Pair, int] = {},
    acquainted: Iterable[Pair] = (),
    groups: Mapping[Hashable, str] = {},
    hosts: Mapping[Hashable, int] = {},
    together: Iterable[tuple[Hashable, Hashable]] = (),
    apart: Iterable[tuple[Hashable, Hashable]] = (),
    time_limit: float = TIME_LIMIT,
    workers: int = 2,
    seed: int = 0,
) -> dict[str, Any]:
    """Seat ``people`` at ``tables`` tables for ``rounds`` rounds (the priorities are in the module docstring).

    Parameters
    ----------
    people
        Who comes (any hashable ids, each once).
    tables, rounds, size
        The number of tables and rounds; at most ``size`` people a table (default ``⌈n / tables⌉``), at least
        ``⌊n / tables⌋``.
    wanted
        Pairs worth meeting (``frozenset({p, q})``) → weight (a positive whole number).
    acquainted
        Pairs who already know each other.
    groups
        Person → group (sector) for mixing; a person without one is a group alone.
    hosts
        Person → table (0-based) kept in every round.
    together, apart
        Pairs to seat at one table (every round) or never at one table.
    time_limit, workers, seed
        The solver's limit in seconds, its threads and its random seed.

    Returns
    -------
    dict
        ``tables`` (``tables[r][t]``: the people at table t in round r, in the order of ``people``), ``status``
        (``"optimal"``: proven best; ``"feasible"``: the best found in the time), ``seconds``, ``size``,
        ``minimum`` (the fewest a table holds) and the levels of :func:`plan_tiers` with ``wanted_total`` (the
        weight of every wanted pair) and ``wanted_pairs`` (how many there are).

    Raises
    ------
    KyodoError
        When the rules cannot all hold (too many people for the tables, a host's table that does not exist, a
        pair both together and apart, hosts of two tables to seat together …), or no plan is found in the time.

    Examples
    --------
    >>> plan = seating_plan(["a", "b", "c", "d"], tables=2, wanted={frozenset("ac"): 1},
    ...                     acquainted=[frozenset("ab")])
    >>> plan["status"], plan["wanted"], plan["acquainted"]
    ('optimal', 1, 0)
    """
    start = time.perf_counter()  # the time limit counts everything: loading the solver, building, searching
    from ortools.sat.python import cp_model

    people = list(dict.fromkeys(people))
    n, N, R = len(people), tables, rounds
    if N < 1 or R < 1:
        raise KyodoError(Msg("seating.bad_counts"))
    K = size if size is not None else max(1, math.ceil(n / N))
    if n > N * K:
        raise KyodoError(Msg("seating.too_many", (("n", n), ("tables", N), ("size", K))))
    low = min(n // N, K)
    index = {p: i for i, p in enumerate(people)}
    wanted = {pr: int(w) for pr, w in wanted.items() if len(pr) == 2 and pr <= index.keys() and w > 0}
    acquainted = {pr for pr in acquainted if len(pr) == 2 and pr <= index.keys()}
    together_pairs = [(a, b) for a, b in together if a != b]
    apart_pairs = [(a, b) for a, b in apart if a != b]
    for a, b in [*together_pairs, *apart_pairs]:
        for x in (a, b):
            if x not in index:
                raise KyodoError(Msg("seating.not_attending", (("name", str(x)),)))
    for h, t in hosts.items():
        if h not in index:
            raise KyodoError(Msg("seating.not_attending", (("name", str(h)),)))
        if not 0 <= t < N:
            raise KyodoError(Msg("seating.no_such_table", (("table", t + 1), ("tables", N))))
    if {_pair(a, b) for a, b in together_pairs} & {_pair(a, b) for a, b in apart_pairs}:
        raise KyodoError(Msg("seating.together_and_apart"))

    m = cp_model.CpModel()
    T, Rs = range(N), range(R)
    x = {(p, t, r): m.NewBoolVar(f"x{p}_{t}_{r}") for p in range(n) for t in T for r in Rs}
    for p in range(n):
        for r in Rs:
            m.AddExactlyOne(x[p, t, r] for t in T)
    for t in T:
        for r in Rs:
            m.AddLinearConstraint(sum(x[p, t, r] for p in range(n)), low, K)
    for h, t in hosts.items():
        for r in Rs:
            m.Add(x[index[h], t, r] == 1)
    for a, b in together_pairs:
        for t in T:
            for r in Rs:
                m.Add(x[index[a], t, r] == x[index[b], t, r])
    for a, b in apart_pairs:
        for t in T:
            for r in Rs:
                m.AddBoolOr([x[index[a], t, r].Not(), x[index[b], t, r].Not()])
    if not hosts:  # interchangeable tables: number them by their first person in round 1
        for p in range(n):
            for t in range(p + 1, N):
                m.Add(x[p, t, 0] == 0)

    # level 1: wanted pairs meet (once is enough)
    met_terms = []
    for pr, w in wanted.items():
        p, q = sorted(index[v] for v in pr)
        met = m.NewBoolVar(f"met{p}_{q}")
        zs = []
        for t in T:
            for r in Rs:
                z = m.NewBoolVar("")
                m.AddImplication(z, x[p, t, r])
                m.AddImplication(z, x[q, t, r])
                zs.append(z)
        m.Add(met <= sum(zs))
        met_terms.append((w, met))
    # level 2: acquainted pairs at one table
    acq_terms = []
    for pr in acquainted:
        p, q = sorted(index[v] for v in pr)
        for r in Rs:
            s = m.NewBoolVar("")
            for t in T:
                m.AddBoolOr([x[p, t, r].Not(), x[q, t, r].Not(), s])
            acq_terms.append(s)
    # level 3: pairs who meet in two rounds, Σ C(c, 2) over two rounds and two tables
    rep_terms = []
    for r1, r2 in combinations(Rs, 2):
        for t1 in T:
            for t2 in T:
                ws = []
                for p in range(n):
                    w = m.NewBoolVar("")
                    m.AddBoolOr([x[p, t1, r1].Not(), x[p, t2, r2].Not(), w])
                    ws.append(w)
                count = sum(ws)
                for k in range(1, min(K, n)):
                    e = m.NewIntVar(0, K, "")
                    m.Add(e >= count - k)
                    rep_terms.append(e)
    # level 4: sectors mixed at each table, people who are not hosts move
    mix_terms, stay_terms = [], []
    by_group: dict[Any, list[int]] = {}
    for p, v in enumerate(people):
        by_group.setdefault(groups.get(v, ("person", v)), []).append(p)
    for members in by_group.values():
        for t in T:
            for r in Rs:
                d = m.NewBoolVar("")
                m.Add(d <= sum(x[p, t, r] for p in members))
                mix_terms.append(d)
    for p, v in enumerate(people):
        if v in hosts:
            continue
        for r in range(1, R):
            for t in T:
                st = m.NewBoolVar("")
                m.AddBoolOr([x[p, t, r - 1].Not(), x[p, t, r].Not(), st])
                stay_terms.append(st)

    range4 = N * R * min(len(by_group), K) + n * max(R - 1, 0)
    w3 = range4 + 1
    range3 = math.comb(R, 2) * (n * max(K - 1, 0) // 2 + 1)
    w2 = w3 * range3 + range4 + 1
    range2 = R * min(len(acquainted), N * math.comb(K, 2))
    w1 = w2 * range2 + w3 * range3 + range4 + 1
    m.Maximize(
        w1 * sum(w * v for w, v in met_terms)
        - w2 * sum(acq_terms)
        - w3 * sum(rep_terms)
        + sum(mix_terms)
        - sum(stay_terms)
    )

    from ._seating_search import Search

    search = Search(
        n,
        N,
        R,
        low,
        K,
        wanted={tuple(sorted(index[v] for v in pr)): w for pr, w in wanted.items()},
        acquainted={tuple(sorted(index[v] for v in pr)) for pr in acquainted},
        group=[list(by_group).index(groups.get(v, ("person", v))) for v in people],
        hosts={index[h]: t for h, t in hosts.items()},
        together=[(index[a], index[b]) for a, b in together_pairs],
        apart=[(index[a], index[b]) for a, b in apart_pairs],
        seed=seed,
    )
    hint = search.run(min(SEARCH_SHARE * time_limit, SEARCH_MAX))
    searched_ok = search.violations() == 0
    if not hosts:  # number the hint's tables as the symmetry breaking does (the same in every round)
        first: dict[int, int] = {}
        for p in range(n):
            first.setdefault(hint[0][p], len(first))
        rest = [t for t in T if t not in first]
        relabel = {**first, **{t: len(first) + i for i, t in enumerate(rest)}}
        hint = [[relabel[t] for t in seats] for seats in hint]
    for p in range(n):
        for r in Rs:
            for t in T:
                m.AddHint(x[p, t, r], t == hint[r][p])

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.5, float(time_limit) - (time.perf_counter() - start))
    solver.parameters.num_workers = max(1, int(workers))
    solver.parameters.random_seed = int(seed)
    status = solver.Solve(m)
    seconds = time.perf_counter() - start
    if status == cp_model.INFEASIBLE:
        raise KyodoError(Msg("seating.infeasible"))

    def rank(t: Mapping) -> tuple:
        return (t["wanted"], -t["acquainted"], -t["repeats"], t["mix"] - t["stays"])

    found = []
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        found.append([[[people[p] for p in range(n) if solver.BooleanValue(x[p, t, r])] for t in T] for r in Rs])
    if searched_ok and status != cp_model.OPTIMAL:
        found.append([[[people[p] for p in range(n) if hint[r][p] == t] for t in T] for r in Rs])
    if not found:
        raise KyodoError(Msg("seating.no_plan", (("seconds", f"{time_limit:g}"),)))
    scored = [(plan_tiers(f, wanted=wanted, acquainted=acquainted, groups=groups, hosts=hosts), f) for f in found]
    tiers, plan = max(scored, key=lambda s: rank(s[0]))
    return {
        "tables": plan,
        "status": "optimal" if status == cp_model.OPTIMAL else "feasible",
        "seconds": round(seconds, 2),
        "size": K,
        "minimum": low,
        "wanted_total": sum(wanted.values()),
        "wanted_pairs": len(wanted),
        **tiers,
    }


# --- from a network ---------------------------------------------------------------------------------------------


def attendees_from_names(G: nx.Graph, names: Iterable[str]) -> list[dict]:
    """Each name of an attendee list matched to an actor of ``G``, as names are matched everywhere
    (:meth:`~kyodo_network.names.ActorIndex.match`: the id or name, a short form, one slip).

    Returns one entry a person, in the list's order: ``text`` (as written), ``id`` (the actor, or ``None`` for a
    newcomer), ``how`` (the match level, ``""`` for a newcomer), ``candidates`` (the actors an ambiguous name
    fits: such a person is seated as a newcomer and told so), and ``key`` (the id, or ``newcomer:<text>``). A
    second line naming an actor already listed is left out (``duplicates`` of the first entry).

    >>> G = nx.Graph(); G.add_node("s", name="横浜市立野庭小学校"); G.add_node("k", name="野庭地区社会福祉協議会")
    >>> [(e["id"], e["how"]) for e in attendees_from_names(G, ["野庭小", "地区社協", "山田さん"])]
    [('s', 'contains'), ('k', 'abbreviation'), (None, '')]
    """
    from ..names import ActorIndex

    index = ActorIndex(
        (str(n), d.get("name") or str(n), d.get("name_en") or "")
        for n, d in G.nodes(data=True)
        if d.get("kind", "actor") == "actor"
    )
    ids = {str(n): n for n in G}
    out: list[dict] = []
    seen: dict[Any, dict] = {}
    for text_ in names:
        found = index.match(text_)
        if len(found.ids) == 1:
            ident = ids[found.ids[0]]
            if ident in seen:
                seen[ident]["duplicates"].append(text_)
                continue
            entry = {"text": text_, "id": ident, "how": found.how, "candidates": [], "key": ident, "duplicates": []}
            seen[ident] = entry
        else:
            k = f"newcomer:{text_}"
            if k in seen:
                seen[k]["duplicates"].append(text_)
                continue
            entry = {
                "text": text_,
                "id": None,
                "how": "",
                "candidates": [ids[i] for i in found.ids],
                "key": k,
                "duplicates": [],
            }
            seen[k] = entry
        out.append(entry)
    return out


def wanted_pairs(
    G: nx.Graph,
    actors: Iterable[Hashable],
    *,
    per_person: int = 3,
    resources: Any = None,
    support_centres: Iterable[Any] | None = None,
) -> dict[Pair, dict]:
    """The pairs among ``actors`` worth seating together, with why: for each actor its ``per_person`` best
    introductions among the others (:func:`~kyodo_network.analysis.suggest.suggest_introductions`), and every
    pair not yet tied in which each offers what the other needs
    (:func:`~kyodo_network.analysis.match.match_offers_needs`, weighted 2).

    Returns ``{frozenset({a, b}): {"weight", "suggested", "both_ways", "reasons": {"ja", "en"}}}``.
    """
    from .match import match_offers_needs
    from .suggest import suggest_introductions

    here = {a for a in actors if a in G}
    out: dict[Pair, dict] = {}
    if len(here) < 2:
        return out
    if G.number_of_nodes() <= 600:
        rows = suggest_introductions(G, support_centres=support_centres, resources=resources)
    else:  # a city: each attendee's own list, not every pair of the city
        rows = [
            r
            for a in sorted(here, key=str)
            for r in suggest_introductions(G, for_actor=a, support_centres=support_centres, resources=resources)
        ]
    best: dict[Hashable, int] = {}
    for r in rows:
        a, b = r["a"], r["b"]
        if a not in here or b not in here or _pair(a, b) in out:
            continue
        if best.get(a, 0) >= per_person and best.get(b, 0) >= per_person:
            continue
        best[a], best[b] = best.get(a, 0) + 1, best.get(b, 0) + 1
        out[_pair(a, b)] = {"weight": 1, "suggested": True, "both_ways": False, "reasons": r["reasons"]}
    sub = G.subgraph(here) if G.number_of_nodes() > 600 else G
    for r in match_offers_needs(sub, resources=resources, support_centres=support_centres):
        a, b = r["a"], r["b"]
        if not r["both_ways"] or r["tied"] or a not in here or b not in here:
            continue
        entry = out.setdefault(_pair(a, b), {"weight": 0, "suggested": False, "reasons": r["reasons"]})
        entry["weight"] = 2
        entry["both_ways"] = True
        entry["reasons"] = r["reasons"]  # 双方にメリット: the strongest reason, said first on the sheet
    return out


def _acquainted(G: nx.Graph, actors: set) -> set[Pair]:
    """Pairs of ``actors`` who know each other: a relation or a shared project, or one circle (:mod:`.circles`)."""
    from ..graph import simple_graph
    from .circles import circle_pairs

    U = simple_graph(G)
    out = {_pair(a, b) for a, b in U.subgraph(actors).edges() if a != b}
    out |= {p for p in circle_pairs(G, U) if p <= actors}
    return out


def seating_from_graph(
    G: nx.Graph,
    attendees: Sequence[str],
    *,
    tables: int | None = None,
    rounds: int = 1,
    size: int | None = None,
    hosts: Mapping[str, int] = {},
    together: Iterable[tuple[str, str]] = (),
    apart: Iterable[tuple[str, str]] = (),
    per_person: int = 3,
    resources: Any = None,
    support_centres: Iterable[Any] | None = None,
    time_limit: float = TIME_LIMIT,
    workers: int = 2,
    seed: int = 0,
) -> dict[str, Any]:
    """The seating plan of a 交流会 for the people of ``attendees`` (names as written), from the network ``G``.

    Names are matched to actors by :func:`attendees_from_names`; a name that fits no actor (or several) is a
    newcomer, seated all the same (group :data:`NEWCOMER`, so newcomers are spread over the tables) and listed.
    Wanted pairs and their reasons are :func:`wanted_pairs`; acquainted pairs are tied by a relation or a shared
    project, or are one circle. ``hosts``, ``together`` and ``apart`` name attendees as the list does (or by the
    actor's name or id); tables in ``hosts`` count from 1. With ``tables`` missing, ``⌈n / size⌉`` tables.

    Returns
    -------
    dict
        :func:`seating_plan`'s result, plus ``people`` (key → ``{"key", "id", "text", "name", "name_en",
        "sector", "newcomer", "host"}``), ``attendees`` (:func:`attendees_from_names`), ``wanted`` (pair entries
        ``{"a", "b", "weight", "both_ways", "reasons", "met": [(round, table)]}``, best first), ``rounds``,
        ``tables_count``, ``hosts`` (key → 0-based table), ``together``, ``apart`` (key pairs) and ``intros``:
        ``intros[r][t]`` the wanted pairs first seated together at table t in round r.

    Raises
    ------
    KyodoError
        As :func:`seating_plan`, and when a host, together or apart name is not on the list, or no attendee is.
    """
    entries = attendees_from_names(G, attendees)
    if not entries:
        raise KyodoError(Msg("seating.no_attendees"))
    n = len(entries)
    if tables is None:
        if not size:
            raise KyodoError(Msg("seating.bad_counts"))
        tables = math.ceil(n / size)
    people: dict[Any, dict] = {}
    for e in entries:
        d = G.nodes[e["id"]] if e["id"] is not None else {}
        people[e["key"]] = {
            "key": e["key"],
            "id": e["id"],
            "text": e["text"],
            "name": d.get("name") or e["text"],
            "name_en": d.get("name_en") or d.get("name") or e["text"],
            "sector": d.get("sector") if e["id"] is not None else NEWCOMER,
            "newcomer": e["id"] is None,
            "category": d.get("category"),
            "host": False,
        }

    def find(name: str) -> Any:
        from ..names import ActorIndex

        index = ActorIndex((str(k), p["text"], p["name"] if p["name"] != p["text"] else "") for k, p in people.items())
        found = index.match(name)
        if len(found.ids) != 1:
            ids = {str(p["id"]): k for k, p in people.items() if p["id"] is not None}
            if name in ids:
                return ids[name]
            raise KyodoError(Msg("seating.not_attending", (("name", name),)))
        return next(k for k in people if str(k) == found.ids[0])

    host_keys = {find(h): t - 1 for h, t in hosts.items()}
    for k in host_keys:
        people[k]["host"] = True
    together_keys = [(find(a), find(b)) for a, b in together]
    apart_keys = [(find(a), find(b)) for a, b in apart]
    actors = {p["id"] for p in people.values() if p["id"] is not None}
    want = wanted_pairs(G, actors, per_person=per_person, resources=resources, support_centres=support_centres)
    acquainted = _acquainted(G, actors)
    want = {pr: w for pr, w in want.items() if pr not in acquainted}
    plan = seating_plan(
        list(people),
        tables=tables,
        rounds=rounds,
        size=size,
        wanted={pr: w["weight"] for pr, w in want.items()},
        acquainted=acquainted,
        groups={k: p["sector"] or NEWCOMER for k, p in people.items()},
        hosts=host_keys,
        together=together_keys,
        apart=apart_keys,
        time_limit=time_limit,
        workers=workers,
        seed=seed,
    )
    seat = {(k, r): t for r, rnd in enumerate(plan["tables"]) for t, ks in enumerate(rnd) for k in ks}
    order = {k: i for i, k in enumerate(people)}
    wanted_rows = []
    intros = [[[] for _ in range(tables)] for _ in range(rounds)]
    for pr, w in sorted(want.items(), key=lambda kv: (-kv[1]["weight"], sorted(order[k] for k in kv[0]))):
        a, b = sorted(pr, key=order.__getitem__)
        met = [(r, seat[a, r]) for r in range(rounds) if seat[a, r] == seat[b, r]]
        row = {
            "a": a,
            "b": b,
            "weight": w["weight"],
            "both_ways": w["both_ways"],
            "suggested": w["suggested"],
            "reasons": w["reasons"],
            "met": met,
        }
        wanted_rows.append(row)
        if met:
            intros[met[0][0]][met[0][1]].append(row)
    return {
        **plan,
        "people": people,
        "attendees": entries,
        "wanted": wanted_rows,
        "rounds": rounds,
        "tables_count": tables,
        "hosts": host_keys,
        "together": together_keys,
        "apart": apart_keys,
        "intros": intros,
        "acquainted_pairs": sorted((tuple(sorted(p, key=str)) for p in acquainted), key=str),
    }
