"""はざま and the way in: which government actors handle each theme of a district, which themes none handles,
which departments share a project without a tie of their own, and where to ask first.

The handbook's citizens found 「団体の活動分野に対し、行政側にしっくりあてはまる**部署がありません**でした」; its
government voices that collaboration brought up 「タテ割り行政の「はざま」にあった課題や、**隠れていたニーズ**」 and
that 「行政内部の関連部署と連携することが難しかった」 (協働してよかったこと・困ったこと（みんなの声）). In 協働の
事例② the ward's 地域振興課 sat at the coordination table while the ward's サービス課 handled the nursery schools:
two sections of one ward office in one project, with no tie recorded between them. And the first place to ask is
the ward's 市民活動支援センター (「協働・市民活動に関するご相談はこちらに」, 各区の市民活動支援センター).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

from ..graph import simple_graph
from ..vocabulary import key
from .suggest import CITY_WIDE_WARDS

__all__ = ["departments_findings", "OWNER_ROLE_WORDS", "GOVERNMENT"]

#: Words in a project participant's role that make it the section in charge (所管課).
OWNER_ROLE_WORDS = ("所管", "担当課", "主管", "in charge", "administers", "responsible")
#: The sector whose actors are departments (the city's bureaux, the ward office and its sections).
GOVERNMENT = "government"
#: How a department handles a theme, strongest first.
HOW = ("theme", "owner", "offers", "project")


def departments_findings(
    G: nx.Graph,
    *,
    theme: str | None = None,
    support_centres: Iterable[Any] | None = None,
    resources: Any = None,
) -> dict[str, Any]:
    """The departments of each theme, the themes no department handles (はざま), the departments that share a
    project with no tie of their own (庁内連携), and the ward's support centre as the first place to ask.

    Parameters
    ----------
    G
        Actor graph (not changed). Node ``sector``, ``themes``, ``needs``, ``offers``, ``ward``; ``G.graph``'s
        ``projects`` (with ``themes`` and ``participants`` with ``role``) and ``districts`` (their ``ward``).
    theme
        Only this theme (compared by :func:`~kyodo_network.vocabulary.key`; a theme the district does not list is
        looked for all the same, and is a はざま when no department handles it).
    support_centres
        Records with ``id``, ``name``, ``name_en``, ``ward`` and, where known, ``contact`` (the city directory's
        support actors); a centre's ``contact`` missing is taken from its node in ``G`` when it is there.
    resources
        The words table for needs (:mod:`kyodo_network.resources`); the bundled one when ``None``.

    Returns
    -------
    dict
        ``themes``: one entry per theme the district's actors or projects work on (``kind`` ``"theme"``), then
        per meaning its actors need (``kind`` ``"need"``), each ``{"theme", "theme_en", "kind", "actors"
        (non-government actors working on it or needing it), "departments": [{"id", "name", "name_en", "how",
        "projects"}], "gap"}``; ``gaps`` (the entries with no department); ``pairs`` (departments sharing a
        project with no tie between them: ``{"a", "b", "a_name", "a_name_en", "b_name", "b_name_en",
        "projects", "office", "office_name", "office_name_en"}``, pairs of one office first); ``ask_first``
        (the support centres of the district's wards, ``{"id", "name", "name_en", "ward", "contact"}``) and
        ``wards``.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("npo", name="みどりの会", sector="npo", themes=["子育て", "防災"])
    >>> G.add_node("ka", name="区役所 こども家庭支援課", sector="government", themes=["子育て"])
    >>> f = departments_findings(G)
    >>> [(t["theme"], [d["id"] for d in t["departments"]]) for t in f["themes"]]
    [('子育て', ['ka']), ('防災', [])]
    >>> [t["theme"] for t in f["gaps"]]
    ['防災']

    Notes
    -----
    A government actor (sector ``government``) handles a theme when the theme is among its own ``themes``
    (``how`` ``"theme"``), when it takes part in a project on the theme in a role naming it the section in charge
    (:data:`OWNER_ROLE_WORDS`: 所管, ``"owner"``), or when it takes part in a project on the theme
    (``"project"``); it handles a need when it offers that meaning (``"offers"``). A theme or need with none is a
    はざま: nobody in the government side of this network is recorded as handling it. That says what the data
    holds, not that no section exists; the ward's support centre is the place to ask which one does.

    Two departments are flagged for 庁内連携 when both take part in one project and nothing joins them in the
    network: no relation, and no project tie (a project with a convener ties each participant to the convener
    only, as in ②, where 環境創造局 convenes; a project without one ties every two participants). A department and its own office (one circle,
    :mod:`.circles`) are one side, not a pair. Pairs that belong to one office (both in its circle) come first.
    """
    from ..model import in_english as in_english_word
    from ..resources import resource_table
    from .circles import circle_pairs

    table = resources if resources is not None else resource_table()
    U = simple_graph(G)
    actors = [n for n, d in U.nodes(data=True) if d.get("kind", "actor") == "actor"]
    gov = {n for n in actors if U.nodes[n].get("sector") == GOVERNMENT}
    projects: Mapping[str, Mapping] = G.graph.get("projects") or {}

    def name(n: Hashable, lang: str) -> str:
        d = U.nodes[n]
        base = d.get("name") or str(n)
        return (d.get("name_en") or base) if lang == "en" else base

    # themes and needs, in the order they first appear
    themes: dict[str, dict] = {}
    for n in actors:
        for t in U.nodes[n].get("themes") or ():
            entry = themes.setdefault(t, {"kind": "theme", "actors": [], "handlers": defaultdict(dict)})
            if n in gov:
                entry["handlers"][n].setdefault("theme", [])
            elif n not in entry["actors"]:
                entry["actors"].append(n)
    for pid, p in projects.items():
        ids = [x["id"] for x in p.get("participants", []) if x["id"] in U]
        for t in p.get("themes") or ():
            entry = themes.setdefault(t, {"kind": "theme", "actors": [], "handlers": defaultdict(dict)})
            for x in p.get("participants", []):
                if x["id"] not in gov:
                    continue
                role = " ".join(filter(None, (x.get("role"), x.get("role_en")))).casefold()
                how = "owner" if any(w.casefold() in role for w in OWNER_ROLE_WORDS) else "project"
                entry["handlers"][x["id"]].setdefault(how, []).append(pid)
            for i in ids:
                if i not in gov and i not in entry["actors"]:
                    entry["actors"].append(i)
    needs: dict[str, dict] = {}
    for n in actors:
        if n in gov:
            continue
        for m in table.read(U.nodes[n].get("needs") or ()):
            needs.setdefault(m, {"kind": "need", "actors": [], "handlers": defaultdict(dict)})["actors"].append(n)
    for n in gov:
        for m in table.read(U.nodes[n].get("offers") or ()):
            if m in needs:
                needs[m]["handlers"][n].setdefault("offers", [])

    rows = []
    for label, entry in [*themes.items(), *needs.items()]:
        if theme is not None and key(label) != key(theme) and key(table.label(label)) != key(theme):
            continue
        kind = entry["kind"]
        shown = label if kind == "theme" else table.label(label)
        shown_en = in_english_word(label) if kind == "theme" else table.label(label, "en")
        deps = []
        for n, hows in entry["handlers"].items():
            order = [h for h in HOW if h in hows]
            deps.append(
                {
                    "id": n,
                    "name": name(n, "ja"),
                    "name_en": name(n, "en"),
                    "how": order,
                    "projects": sorted({p for h in order for p in hows[h]}),
                }
            )
        deps.sort(key=lambda d: (HOW.index(d["how"][0]), d["name"]))
        rows.append(
            {
                "theme": shown,
                "theme_en": shown_en,
                "kind": kind,
                "actors": entry["actors"],
                "departments": deps,
                "gap": not deps,
            }
        )
    if theme is not None and not rows:
        rows.append(
            {
                "theme": theme,
                "theme_en": in_english_word(theme),
                "kind": "theme",
                "actors": [],
                "departments": [],
                "gap": True,
            }
        )

    circle = circle_pairs(G, U)
    mates: dict[Hashable, set] = defaultdict(set)
    for pr in circle:
        a, b = tuple(pr)
        mates[a].add(b)
        mates[b].add(a)
    pairs: dict[frozenset, dict] = {}
    for pid, p in projects.items():
        ids = sorted({x["id"] for x in p.get("participants", []) if x["id"] in gov}, key=str)
        for a, b in combinations(ids, 2):
            pr = frozenset((a, b))
            if pr in circle or U.has_edge(a, b):
                continue
            office = sorted((mates[a] & mates[b]) & gov, key=str)
            entry = pairs.setdefault(
                pr,
                {
                    "a": a,
                    "b": b,
                    "a_name": name(a, "ja"),
                    "a_name_en": name(a, "en"),
                    "b_name": name(b, "ja"),
                    "b_name_en": name(b, "en"),
                    "projects": [],
                    "office": office[0] if office else None,
                    "office_name": name(office[0], "ja") if office else None,
                    "office_name_en": name(office[0], "en") if office else None,
                },
            )
            entry["projects"].append(pid)
    pair_rows = sorted(pairs.values(), key=lambda r: (r["office"] is None, r["a_name"], r["b_name"]))

    wards = [d.get("ward") for d in G.graph.get("districts") or () if d.get("ward")]
    if not [w for w in wards if w not in CITY_WIDE_WARDS]:
        counts: dict[str, int] = defaultdict(int)
        for n in actors:
            w = U.nodes[n].get("ward")
            if w and w not in CITY_WIDE_WARDS:
                counts[w] += 1
        wards = sorted(counts, key=lambda w: -counts[w])[:1]
    wards = [w for w in dict.fromkeys(wards) if w not in CITY_WIDE_WARDS]
    ask = []
    for c in sorted(support_centres or (), key=lambda c: str(_get(c, "id"))):
        if _get(c, "ward") in wards and all(a["ward"] != _get(c, "ward") for a in ask):
            cid = _get(c, "id")
            contact = _get(c, "contact") or (U.nodes[cid].get("contact") if cid in U else None)
            ask.append(
                {
                    "id": cid,
                    "name": _get(c, "name"),
                    "name_en": _get(c, "name_en") or _get(c, "name"),
                    "ward": _get(c, "ward"),
                    "contact": contact,
                }
            )
    return {"themes": rows, "gaps": [r for r in rows if r["gap"]], "pairs": pair_rows, "ask_first": ask, "wards": wards}


def _get(record: Any, field: str) -> Any:
    return record.get(field) if isinstance(record, Mapping) else getattr(record, field, None)
