"""How each 協働 is done, in both sides' words: reviews against the 横浜コード and the check sheet.

The handbook (協働の6原則; 協働の進め方「チェックシートで CHECK!」) asks the partners to look back together
(一緒に振り返る). Given the graph's project records (``G.graph["projects"]``, with their ``reviews``), this puts
every side's score next to the others for each principle and point, finds where the citizen side and the
government side see it differently by :data:`GAP` or more (認識の違い — 「認識に違いがあることが多く」, みんなの声),
the weakest principles, the change since each side's previous review, and the points never answered. It also
flags a 委託 (commission) with no 協働協定書 recorded and a project with no recorded division of roles
(ひとことメモ I: 委託は「行政優位になりがち」). Plain data out; words are catalogue codes.

A side is one participant. The government side is the participants of sector ``government``; the citizen side
is every other sector. A side's score for an item is its latest answer (by year, then plan → run → review);
a group's score is the mean of its sides'.
"""

from __future__ import annotations

from collections.abc import Mapping
from statistics import mean
from typing import Any

from ..instruments import CHECKPOINTS, ITEMS, MOMENTS, PRINCIPLES

__all__ = ["GAP", "review_findings", "agreement_flags", "side_of"]

#: A difference of this much between the sides' scores is a 認識の違い.
GAP = 2

_MOMENT_ORDER = {m: i for i, m in enumerate(MOMENTS)}


def side_of(sector: str | None) -> str:
    """``"government"`` for the 行政 sector, else ``"citizen"``.

    >>> side_of("government"), side_of("npo")
    ('government', 'citizen')
    """
    return "government" if sector == "government" else "citizen"


def _when(review: Mapping[str, Any]) -> tuple[int, int]:
    return review["year"], _MOMENT_ORDER.get(review["moment"], 0)


def _answers(reviews: list[Mapping[str, Any]]) -> dict[str, dict[str, list[tuple[tuple[int, int], int]]]]:
    """item → reviewer → [(when, score)] in time order."""
    out: dict[str, dict[str, list]] = {}
    for rv in sorted(reviews, key=_when):
        for item, score in rv["scores"].items():
            out.setdefault(item, {}).setdefault(rv["by"], []).append((_when(rv), score))
    return out


def _project_findings(G: Any, pid: str, pr: Mapping[str, Any]) -> dict[str, Any]:
    reviews = pr.get("reviews", [])
    answers = _answers(reviews)
    reviewers = list(dict.fromkeys(rv["by"] for rv in reviews))
    sides = [
        {
            "id": r,
            "name": G.nodes[r]["name"] if r in G else r,
            "name_en": G.nodes[r].get("name_en", "") if r in G else "",
            "sector": G.nodes[r]["sector"] if r in G else None,
            "side": side_of(G.nodes[r]["sector"] if r in G else None),
        }
        for r in reviewers
    ]
    side = {s["id"]: s["side"] for s in sides}
    items = []
    for item in ITEMS.values():
        by = answers.get(item.id, {})
        latest = {r: seq[-1][1] for r, seq in by.items()}
        change = {r: seq[-1][1] - seq[-2][1] for r, seq in by.items() if len(seq) > 1}
        groups = {g: [latest[r] for r in reviewers if r in latest and side[r] == g] for g in ("citizen", "government")}
        means = {g: round(mean(v), 2) if v else None for g, v in groups.items()}
        gap = round(abs(means["citizen"] - means["government"]), 2) if None not in means.values() else None
        items.append(
            {
                "item": item.id,
                "kind": item.kind,
                "moment": item.moment,
                "scores": {r: latest[r] for r in reviewers if r in latest},
                "citizen": means["citizen"],
                "government": means["government"],
                "gap": gap,
                "mean": round(mean(latest.values()), 2) if latest else None,
                "change": change,
            }
        )
    gaps = sorted(
        (x for x in items if x["gap"] is not None and x["gap"] >= GAP),
        key=lambda x: (-x["gap"], list(ITEMS).index(x["item"])),
    )
    scored = [x for x in items if x["kind"] == "principle" and x["mean"] is not None]
    low = min((x["mean"] for x in scored), default=None)
    weakest = [x["item"] for x in scored if x["mean"] == low]
    roles = pr.get("agreement", {}).get("roles") is True or any(p.get("role") for p in pr.get("participants", []))
    return {
        "id": pid,
        "name": pr.get("name", pid),
        "name_en": pr.get("name_en", ""),
        "sides": sides,
        "reviews": len(reviews),
        "years": sorted({rv["year"] for rv in reviews}),
        "items": items,
        "gaps": [x["item"] for x in gaps],
        "weakest": weakest,
        "unanswered": [x["item"] for x in items if not x["scores"]],
        "agreement": dict(pr.get("agreement", {})),
        "role_split_recorded": roles,
    }


def agreement_flags(G: Any, project_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Commissions (委託) with no 協働協定書 recorded, and projects with no recorded division of roles.

    A commission counts as covered when its own ``agreement`` has an item agreed or an ``agreement``-type
    relation joins the same two actors. Limited to the relations among the participants of ``project_ids``
    when given.
    """
    projects = G.graph.get("projects", {})
    chosen = list(projects) if project_ids is None else project_ids
    within = None
    if project_ids is not None:
        within = {p["id"] for pid in chosen for p in projects[pid].get("participants", [])}
    flags: list[dict[str, Any]] = []
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        rels = d.get("relations", [])
        if within is not None and not (u in within and v in within):
            continue
        agreed = any(r["type"] == "agreement" for r in rels)
        for r in rels:
            if r["type"] == "commission" and not agreed and not any(r.get("agreement", {}).values()):
                flags.append(
                    {
                        "flag": "commission-without-agreement",
                        "from": r["from"],
                        "to": r["to"],
                        "origin": r.get("origin"),
                    }
                )
    for pid in chosen:
        pr = projects[pid]
        if not (pr.get("agreement", {}).get("roles") is True or any(p.get("role") for p in pr.get("participants", []))):
            flags.append({"flag": "no-role-split", "project": pid, "origin": pr.get("origin")})
    return flags


def review_findings(G: Any, *, projects: list[str] | None = None) -> dict[str, Any]:
    """Every reviewed project's scores side by side, the gaps first, with comparison and flags.

    Parameters
    ----------
    G
        A graph from :func:`kyodo_network.graph.graph_from_names` (its ``projects`` carry ``reviews``).
    projects
        Project ids to report; default every project that has a review.

    Returns
    -------
    dict
        ``projects``: per project ``sides`` (participants who answered, with ``side``), ``items`` (each
        principle and point: ``scores`` reviewer → latest score, ``citizen`` and ``government`` means, ``gap``,
        ``mean``, ``change`` reviewer → change since that side's previous answer), ``gaps`` (item ids differing
        by :data:`GAP` or more, largest first), ``weakest`` (principles of the lowest mean), ``unanswered``;
        ``comparison``: principle → project → mean; ``flags``: see :func:`agreement_flags`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(projects={"p": {"name": "P", "participants": [{"id": "a"}, {"id": "b"}], "reviews": [
    ...     {"by": "a", "year": 2024, "moment": "review", "scores": {"shared-purpose": 4}},
    ...     {"by": "b", "year": 2024, "moment": "review", "scores": {"shared-purpose": 2}}]}})
    >>> G.add_node("a", name="A", sector="npo"); G.add_node("b", name="B", sector="government")
    >>> review_findings(G)["projects"][0]["gaps"]
    ['shared-purpose']
    """
    all_projects = G.graph.get("projects", {})
    chosen = projects if projects is not None else [p for p, d in all_projects.items() if d.get("reviews")]
    found = [_project_findings(G, pid, all_projects[pid]) for pid in chosen]
    comparison = {}
    for principle in PRINCIPLES:
        row = {f["id"]: next(x["mean"] for x in f["items"] if x["item"] == principle.id) for f in found}
        comparison[principle.id] = row
    return {
        "projects": found,
        "comparison": comparison,
        "flags": agreement_flags(G, projects),
        "principles": [p.id for p in PRINCIPLES],
        "points": [c.id for c in CHECKPOINTS],
    }
