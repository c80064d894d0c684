"""``kyodo seating`` (issue 23): the 交流会's tables, checked against a brute-force answer on small cases.

The brute force below enumerates every plan of 8 people at 2 tables of 4 (70 seatings a round; 4,900 for two
rounds) and scores each with its own counting, independent of the library's: the weight of the wanted pairs
that share a table in some round, then acquainted pairs at one table (once a round), then pairs meeting in more
than one round (C(m, 2) each), then groups present minus people who are not hosts staying at their table. The
solver's plan must reach the brute force's best on every level, in that order.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import networkx as nx
import pytest

from kyodo_network.analysis.seating import attendees_from_names, seating_from_graph, seating_plan
from kyodo_network.cli import cli
from kyodo_network.errors import KyodoError

PEOPLE = list("abcdefgh")


def seatings(people, tables=2):
    """Every labelled seating of ``people`` at two tables of equal size."""
    for left in itertools.combinations(people, len(people) // tables):
        yield [list(left), [p for p in people if p not in left]]


def levels(plan, wanted, acquainted, groups, hosts=(), together=(), apart=()):
    """The brute force's own scoring of ``plan[r][t]`` (a tuple to maximise), or None if a hard rule breaks."""
    where = [{p: t for t, ps in enumerate(rnd) for p in ps} for rnd in plan]
    for w in where:
        if any(w[a] != w[b] for a, b in together) or any(w[a] == w[b] for a, b in apart):
            return None
    meets = {}
    for w in where:
        for p, q in itertools.combinations(sorted(w), 2):
            if w[p] == w[q]:
                meets[frozenset((p, q))] = meets.get(frozenset((p, q)), 0) + 1
    got = sum(v for pr, v in wanted.items() if meets.get(pr))
    acq = sum(meets.get(pr, 0) for pr in acquainted)
    rep = sum(m * (m - 1) // 2 for m in meets.values())
    mix = sum(len({groups[p] for p in ps}) for rnd in plan for ps in rnd)
    stays = sum(1 for r in range(1, len(plan)) for p in where[r] if p not in hosts and where[r][p] == where[r - 1][p])
    return (got, -acq, -rep, mix - stays)


def brute_force(rounds, **kw):
    best = None
    for plan in itertools.product(list(seatings(PEOPLE)), repeat=rounds):
        hosts = kw.get("hosts", {})
        if any(p not in plan[r][t] for p, t in hosts.items() for r in range(rounds)):
            continue
        v = levels(
            list(plan), kw["wanted"], kw["acquainted"], kw["groups"], hosts, kw.get("together", ()), kw.get("apart", ())
        )
        if v is not None and (best is None or v > best):
            best = v
    return best


def case(seed):
    rng = random.Random(seed)
    pairs = [frozenset(p) for p in itertools.combinations(PEOPLE, 2)]
    rng.shuffle(pairs)
    wanted = {pr: rng.choice([1, 1, 2]) for pr in pairs[: rng.randint(3, 7)]}
    acquainted = set(pairs[8 : 8 + rng.randint(3, 9)])
    groups = {p: rng.choice("xyz") for p in PEOPLE}
    kw = {"wanted": wanted, "acquainted": acquainted, "groups": groups}
    if seed % 3 == 1:
        kw["together"] = [tuple(pairs[20])]
        kw["apart"] = [tuple(pairs[21])]
    return kw


@pytest.mark.parametrize("seed", range(8))
def test_one_round_matches_the_brute_force(seed):
    kw = case(seed)
    plan = seating_plan(PEOPLE, tables=2, seed=seed, **kw)
    assert plan["status"] == "optimal"
    got = levels(
        plan["tables"], kw["wanted"], kw["acquainted"], kw["groups"], (), kw.get("together", ()), kw.get("apart", ())
    )
    assert got == brute_force(1, **kw)


@pytest.mark.parametrize("seed", [100, 101, 102])
def test_two_rounds_match_the_brute_force(seed):
    kw = case(seed)
    plan = seating_plan(PEOPLE, tables=2, rounds=2, seed=seed, **kw)
    got = levels(
        plan["tables"], kw["wanted"], kw["acquainted"], kw["groups"], (), kw.get("together", ()), kw.get("apart", ())
    )
    assert plan["status"] == "optimal" and got == brute_force(2, **kw)


def test_two_rounds_with_a_host_match_the_brute_force():
    kw = case(7)
    kw["hosts"] = {"a": 0, "h": 1}
    plan = seating_plan(PEOPLE, tables=2, rounds=2, **kw)
    assert all("a" in rnd[0] and "h" in rnd[1] for rnd in plan["tables"])
    got = levels(plan["tables"], kw["wanted"], kw["acquainted"], kw["groups"], kw["hosts"])
    assert got == brute_force(2, **kw)


def test_every_wanted_pair_that_can_sit_together_does_and_acquaintances_sit_apart():
    # a plan meeting every wanted pair with no acquaintances together exists: {a,b,c,d} {e,f,g,h}
    wanted = {frozenset("ab"): 1, frozenset("cd"): 1, frozenset("ef"): 1, frozenset("gh"): 1}
    acquainted = {frozenset("ae"), frozenset("bf"), frozenset("cg"), frozenset("dh")}
    plan = seating_plan(PEOPLE, tables=2, wanted=wanted, acquainted=acquainted)
    assert plan["wanted"] == 4 and plan["acquainted"] == 0 and len(plan["wanted_met"]) == 4


def test_together_and_apart_are_honoured():
    wanted = {frozenset(p): 1 for p in itertools.combinations("abcd", 2)}
    plan = seating_plan(
        PEOPLE, tables=2, rounds=2, wanted=wanted, together=[("a", "e"), ("b", "f")], apart=[("c", "d")]
    )
    for rnd in plan["tables"]:
        where = {p: t for t, ps in enumerate(rnd) for p in ps}
        assert where["a"] == where["e"] and where["b"] == where["f"] and where["c"] != where["d"]
    with pytest.raises(KyodoError):
        seating_plan(PEOPLE, tables=2, together=[("a", "b"), ("a", "c"), ("a", "d"), ("a", "e")])
    with pytest.raises(KyodoError):
        seating_plan(PEOPLE, tables=2, together=[("a", "b")], apart=[("b", "a")])
    with pytest.raises(KyodoError):
        seating_plan(PEOPLE, tables=2, size=3)  # 8 people do not fit at 2 tables of 3


def test_nobody_meets_twice_where_it_can_be_avoided():
    people = list(range(9))
    plan = seating_plan(people, tables=3, rounds=3)  # a resolvable design: 9 people, 3 tables, 3 rounds
    assert plan["repeats"] == 0
    assert all(len(ps) == 3 for rnd in plan["tables"] for ps in rnd)


# --- from a network ---------------------------------------------------------------------------------------------


def district(seed=3, n=12):
    """A small generated district: a ring of ties with chords, sectors in turn, offers and needs."""
    rng = random.Random(seed)
    G = nx.connected_watts_strogatz_graph(n, 4, 0.3, seed=seed)
    G = nx.relabel_nodes(G, {i: f"a{i:02d}" for i in range(n)})
    sectors = ["npo", "neighbourhood", "school", "company", "government", "support"]
    for i, v in enumerate(sorted(G)):
        G.nodes[v].update(
            kind="actor",
            name=f"団体{i:02d}",
            name_en=f"Group {i:02d}",
            sector=sectors[i % 6],
            themes=rng.sample(["子育て", "見守り", "防災"], 1),
            offers=rng.sample(["会場", "人手", "広報"], 1),
            needs=rng.sample(["集会所", "ボランティア", "チラシ"], 1),
            ward="港南区",
        )
    for a, b in G.edges:
        G.edges[a, b].update(relations=[{"type": "cooperation", "from": a, "to": b}], weight=2, projects=[])
    G.graph.update(name="テスト地区", name_en="Test district", projects={})
    return G


def test_generated_attendees_every_suggested_pair_that_can_sit_together_does():
    G = district()
    names = [G.nodes[v]["name"] for v in sorted(G)][:8]
    plan = seating_from_graph(G, names, tables=2, per_person=1)
    wanted = {frozenset((w["a"], w["b"])): w["weight"] for w in plan["wanted"]}
    acquainted = {frozenset(p) for p in plan["acquainted_pairs"]}
    groups = {k: p["sector"] for k, p in plan["people"].items()}
    keys = list(plan["people"])
    best = None
    for left in itertools.combinations(keys, 4):
        seating = [list(left), [k for k in keys if k not in left]]
        v = levels([seating], wanted, acquainted, groups)
        best = v if best is None or v > best else best
    assert levels(plan["tables"], wanted, acquainted, groups) == best
    # and what a table's sheet says: the pairs met there, with their reasons
    assert sum(len(i) for rnd in plan["intros"] for i in rnd) == sum(1 for w in plan["wanted"] if w["met"])


def test_unknown_names_are_newcomers_and_said():
    G = district()
    entries = attendees_from_names(G, ["団体01", "団体1", "山田さん", "Group 03", "団体01"])
    assert [(e["id"], bool(e["candidates"])) for e in entries] == [
        ("a01", False),
        (None, True),
        (None, False),
        ("a03", False),
    ]
    assert entries[0]["duplicates"] == ["団体01"]
    plan = seating_from_graph(G, ["団体01", "団体02", "山田さん", "佐藤さん"], tables=2, hosts={"山田さん": 2})
    newcomers = [k for k, p in plan["people"].items() if p["newcomer"]]
    assert len(newcomers) == 2 and all(any(k in ps for ps in rnd) for k in newcomers for rnd in plan["tables"])
    assert "newcomer:山田さん" in plan["tables"][0][1]  # the host at table 2
    assert sorted(len(ps) for ps in plan["tables"][0]) == [2, 2]


def test_cli_writes_a_pdf_and_a_workbook_from_a_list(runner, tmp_path, monkeypatch):
    import openpyxl
    from pypdf import PdfReader

    monkeypatch.chdir(tmp_path)
    book = openpyxl.Workbook()
    book.active.append(["No", "団体名"])
    for i, name in enumerate(
        ["新羽駅周辺地区まちづくり協議会", "Sさん", "地元の小学校", "花の里の会", '=HYPERLINK("x")', "地元企業"], 1
    ):
        book.active.append([i, name])
    book.save("参加者.xlsx")
    out = runner.invoke(
        cli,
        [
            "seating",
            "nippa",
            "--attendees",
            "参加者.xlsx",
            "--tables",
            "2",
            "--rounds",
            "2",
            "--host",
            "地元の小学校:1",
            "--apart",
            "Sさん,花の里の会",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "参加者 6人" in out.stdout and "=HYPERLINK" in out.stdout and "新しい参加者" in out.stdout
    pdf = Path("outputs/nippa-seating.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 3  # the overview and one sheet per table
    assert "テーブル 1" in reader.pages[1].extract_text()
    xl = runner.invoke(
        cli, ["seating", "nippa", "--attendees", "参加者.xlsx", "--tables", "2", "-o", "plan.xlsx", "--lang", "en"]
    )
    assert xl.exit_code == 0, xl.output
    sheets = openpyxl.load_workbook("plan.xlsx")
    assert sheets.sheetnames == ["Overview", "Table1", "Table2"]
    cells = [c for ws in sheets.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert all(c.data_type != "f" for c in cells)


def test_cli_reads_a_text_list_and_refuses_bad_options(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("list.txt").write_text(
        "# 交流会\n新羽駅周辺地区まちづくり協議会\n地元の小学校\n\n花の里の会\n新住民\n", encoding="utf-8"
    )
    ok = runner.invoke(cli, ["seating", "nippa", "--attendees", "list.txt", "--size", "2", "--format", "html"])
    assert ok.exit_code == 0, ok.output
    assert Path("outputs/nippa-seating.html").read_text(encoding="utf-8").count('class="sheet"') == 3
    assert (
        runner.invoke(cli, ["seating", "nippa", "--attendees", "list.txt", "--tables", "2", "--host", "x"]).exit_code
        == 2
    )
    assert runner.invoke(cli, ["seating", "nippa", "--attendees", "list.txt"]).exit_code == 2
    far = runner.invoke(cli, ["seating", "nippa", "--attendees", "list.txt", "--tables", "2", "--host", "新住民:5"])
    assert far.exit_code == 1 and "テーブル5はありません" in far.stderr
    en = runner.invoke(
        cli,
        ["seating", "nippa", "--attendees", "list.txt", "--tables", "2", "--together", "誰か,新住民", "--lang", "en"],
    )
    assert en.exit_code == 1 and "is not on the list of attendees" in en.stderr
