"""A workbook keeps who holds each tie (担当, ``held_by``) and what the author inferred (推定, 推定した項目), both
ways: a case written to .xlsx and read back, and ``kyodo export CASE -o x.xlsx`` then ``kyodo import x.xlsx``,
give back ``held_by`` and ``inferred``/``inferred_fields`` on every record of every bundled case.

Expectations are taken from the case as loaded (the bundled files are re-encoded as this is written), never
from counts pasted here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.casefile.workbook import workbook_bytes
from kyodo_network.cli import cli
from kyodo_network.load import bundled_cases

CASES = sorted(bundled_cases())


def actor_flags(actors) -> dict:
    return {a.id: (a.inferred, tuple(sorted(a.inferred_fields))) for a in actors}


def relation_flags(relations) -> Counter:
    return Counter(
        (r.source, r.target, r.type, tuple(sorted(r.held_by)), r.inferred, tuple(sorted(r.inferred_fields)))
        for r in relations
    )


def project_flags(projects) -> dict:
    return {p.id: (p.inferred, tuple(sorted(p.inferred_fields))) for p in projects}


@pytest.mark.parametrize("case_id", CASES)
def test_a_case_written_to_a_workbook_reads_back_with_holders_and_inference(case_id, tmp_path):
    [case] = load_cases([case_id])
    path = tmp_path / f"{case_id}.xlsx"
    path.write_bytes(workbook_bytes(case, "ja"))
    [back] = load_cases([path])
    assert actor_flags(back.actors) == actor_flags(case.actors)
    assert relation_flags(back.relations) == relation_flags(case.relations)
    assert project_flags(back.projects) == project_flags(case.projects)


def test_the_bundled_cases_hold_something_to_lose():
    """The round trips above would pass on empty flags: some bundled record holds each kind."""
    cases = load_cases(CASES)
    relations = [r for c in cases for r in c.relations]
    assert any(r.held_by for r in relations)
    records = [*relations, *(a for c in cases for a in c.actors), *(p for c in cases for p in c.projects)]
    assert any(x.inferred for x in records) and any(x.inferred_fields for x in records)


def _graph_records(case_id: str):
    """What the export writes: every actor, relation (each record once) and project of the case's graph."""
    G = graph_from_cases(load_cases([case_id]))
    actors = {
        n: (bool(d.get("inferred")), tuple(sorted(d.get("inferred_fields") or ()))) for n, d in G.nodes(data=True)
    }
    seen, relations = set(), Counter()
    for _, _, d in G.edges(data=True):
        for r in d.get("relations", []):
            k = (r["from"], r["to"], r["type"], r.get("since"), r.get("until"), r.get("origin"))
            if k in seen:
                continue
            seen.add(k)
            relations[
                (
                    r["from"],
                    r["to"],
                    r["type"],
                    tuple(sorted(r.get("held_by") or ())),
                    bool(r.get("inferred")),
                    tuple(sorted(r.get("inferred_fields") or ())),
                )
            ] += 1
    projects = {
        pid: (bool(p.get("inferred")), tuple(sorted(p.get("inferred_fields") or ())))
        for pid, p in G.graph["projects"].items()
    }
    return actors, relations, projects


@pytest.mark.parametrize("case_id", CASES)
def test_export_then_import_gives_back_holders_and_inference(case_id, runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = runner.invoke(cli, ["export", case_id, "-o", "x.xlsx"])
    assert out.exit_code == 0, out.output
    back = runner.invoke(cli, ["import", "x.xlsx", "-o", "x.yaml"])
    assert back.exit_code == 0, back.output
    tree = yaml.safe_load(Path("x.yaml").read_text(encoding="utf-8"))
    assert tree["actors"]
    [case] = load_cases([tmp_path / "x.yaml"])
    actors, relations, projects = _graph_records(case_id)
    assert actor_flags(case.actors) == actors
    assert relation_flags(case.relations) == relations
    assert project_flags(case.projects) == projects
