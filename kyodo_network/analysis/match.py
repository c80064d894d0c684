"""Who can offer what another needs, by meaning and both ways: the マッチングの場 behind ``kyodo match``.

The handbook's companies asked for 「協働の相手となる、多くの市民活動団体と出会う**マッチングの場**」 and warned that
「自分たちはいいことをしているから助成金が欲しい」 is not yet collaboration: 「**互いにメリットがある関係**を築く
必要がある」 (協働してよかったこと・困ったこと（みんなの声）, 企業). So pairs in which each side offers what the other
needs come first and are said to benefit both (双方にメリット); then pairs in which one side can help the other.

Offers and needs are read by meaning through the words table (:mod:`kyodo_network.resources`): an offer of
集会所 meets a need for 会場 and 「会場が足りない」, and 「特になし」 is no need. The same table is what
:func:`~kyodo_network.analysis.suggest.suggest_introductions` counts for its ``complement`` part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from ..graph import simple_graph
from ..lang import short_names, text
from .suggest import CITY_WIDE_WARDS, _centres_by_ward, _introducer_rank

__all__ = ["match_offers_needs", "actor_resources", "match_reasons"]


def actor_resources(G: nx.Graph, resources: Any = None) -> dict[Hashable, tuple[dict, dict]]:
    """Each actor's offers and needs by meaning: ``{actor: (offers, needs)}``, each ``{meaning: [cells]}``
    (:meth:`~kyodo_network.resources.ResourceTable.read`). Actors with neither are left out.

    >>> G = nx.Graph(); G.add_node("a", offers=["集会所"], needs=["特になし"])
    >>> actor_resources(G)
    {'a': ({'venue': ['集会所']}, {})}
    """
    from ..resources import resource_table

    table = resources if resources is not None else resource_table()
    out = {}
    for n, d in G.nodes(data=True):
        if d.get("kind", "actor") != "actor":
            continue
        offers, needs = table.read(d.get("offers") or ()), table.read(d.get("needs") or ())
        if offers or needs:
            out[n] = (offers, needs)
    return out


def match_offers_needs(
    G: nx.Graph,
    *,
    resources: Any = None,
    for_actor: Hashable | None = None,
    top: int | None = None,
    support_centres: Iterable[Any] | None = None,
) -> list[dict]:
    """Pairs of actors in which one offers what the other needs, both-way pairs first.

    Parameters
    ----------
    G
        Actor graph (directed or not; not changed). Node attributes ``name``, ``name_en``, ``sector``,
        ``offers``, ``needs``, ``ward``, ``district`` are read; edge ``relations`` and ``projects`` tell who is
        already tied, edge ``weight`` orders the introducers.
    resources
        The words table (:func:`~kyodo_network.resources.resource_table` or
        :func:`~kyodo_network.resources.read_resource_words`); the bundled one when ``None``.
    for_actor
        Only pairs with this actor (it is then always ``a``).
    top
        Only the first ``top`` pairs.
    support_centres
        As for :func:`~kyodo_network.analysis.suggest.suggest_introductions`: the ward's centre is the place to
        ask (相談先) when nobody is tied to both.

    Returns
    -------
    list of dict
        Best first. Each pair has ``a``, ``b`` (for a one-way pair ``a`` is the side that offers, unless
        ``for_actor``), ``a_name``, ``a_name_en``, ``b_name``, ``b_name_en``, ``sectors``; ``both_ways`` (each
        side offers what the other needs) and ``kind`` (``"both_ways"`` or ``"one_way"``); ``gives``: one entry
        per meaning and direction, ``{"from", "to", "meaning", "item", "item_en", "offered", "needed"}``
        (``offered``/``needed``: the cells as written, 「集会所」 and 「会場が足りない」); ``tied`` (a relation
        or a shared project already joins them), ``ties`` (their relation types, ``"project"`` for a shared
        project) and ``projects``; ``introducers`` (partners tied to both, best first), ``introducer_names``,
        ``introducer_names_en``; ``ask_at``, ``ask_at_names``, ``ask_at_names_en`` (the ward's support centre
        when nobody is tied to both); ``same_ward``, ``cross_sector``; ``reasons`` (``{"ja", "en"}``).

    Examples
    --------
    >>> G = nx.Graph([("a", "x"), ("x", "b")])
    >>> G.add_node("a", name="みどりの会", sector="neighbourhood", offers=["集会所"], needs=["人手"])
    >>> G.add_node("b", name="NPOあおば", sector="npo", offers=["ボランティア"], needs=["会場が足りない"])
    >>> G.add_node("x", name="地区社協", sector="support")
    >>> row = match_offers_needs(G)[0]
    >>> row["kind"], [g["meaning"] for g in row["gives"]], row["introducers"]
    ('both_ways', ['venue', 'helpers'], ['x'])
    >>> row["reasons"]["ja"].startswith("双方にメリット")
    True

    Notes
    -----
    Candidates are every two actors of which one offers a meaning the other needs, except an actor and its own
    circle (a body and its member, an office and its department: :mod:`.circles`), which are one side. Pairs
    already tied are kept and said to be (a match between partners is still worth saying), but ranked after
    new ones of the same kind.

    Ranking: both-way pairs first; then pairs not yet tied; then pairs of one ward or district; then more
    meanings matched; then pairs with someone tied to both (an introducer); then pairs across sectors; then ids.
    Introducers are ordered as :func:`~kyodo_network.analysis.suggest.suggest_introductions` orders them (the
    weaker of their two ties, both ties' sum, degree, id).

    Cost: an index from each meaning to the actors that need it, so the pairs visited are the matches
    themselves (no pass over all n² pairs).
    """
    from ..resources import resource_table
    from .circles import circle_pairs

    table = resources if resources is not None else resource_table()
    U = simple_graph(G)
    res = actor_resources(U, table)
    if for_actor is not None and for_actor not in U:
        from ..errors import KyodoError

        raise KyodoError(f"not an actor of this network: '{for_actor}'")
    needers: dict[str, list] = defaultdict(list)
    for n, (_, needs) in res.items():
        for m in needs:
            needers[m].append(n)
    gives: dict[tuple, list] = defaultdict(list)  # (giver, taker) → meanings
    for giver, (offers, _) in res.items():
        for m in offers:
            for taker in needers.get(m, ()):
                if taker != giver and (for_actor is None or for_actor in (giver, taker)):
                    gives[(giver, taker)].append(m)
    circle = circle_pairs(G, U) if gives else set()
    pairs: dict[frozenset, dict] = {}
    for (giver, taker), meanings in gives.items():
        pair = frozenset((giver, taker))
        if pair in circle:
            continue
        for m in meanings:
            pairs.setdefault(pair, {})[(giver, taker, m)] = None
    centres = _centres_by_ward(support_centres)
    rows = [_row(U, table, pair, list(found), res, centres, for_actor) for pair, found in pairs.items()]
    rows.sort(key=_rank)
    shorts = {
        lang: short_names(r[k] for r in rows for k in (f"a_{name}", f"b_{name}"))
        for lang, name in (("ja", "name"), ("en", "name_en"))
    }
    for r in rows:
        r["reasons"] = match_reasons(r, U, shorts=shorts)
    return rows[:top] if top else rows


def _rank(r: dict) -> tuple:
    return (
        not r["both_ways"],
        r["tied"],
        not (r["same_ward"] or r["same_district"]),
        -len({g["meaning"] for g in r["gives"]}),
        not r["introducers"],
        not r["cross_sector"],
        str(r["a"]),
        str(r["b"]),
    )


def _name(U: nx.Graph, n: Hashable, lang: str) -> str:
    d = U.nodes[n]
    name = d.get("name") or str(n)
    return (d.get("name_en") or name) if lang == "en" else name


def _row(
    U: nx.Graph, table: Any, pair: frozenset, found: list[tuple], res: dict, centres: dict, for_actor: Hashable | None
) -> dict:
    givers = {g for g, _, _ in found}
    if for_actor is not None:
        a = for_actor
    elif len(givers) == 1:
        a = next(iter(givers))
    else:
        a = min(pair, key=str)
    b = next(x for x in pair if x != a)
    both = len(givers) == 2
    gives = []
    for giver, taker, m in sorted(found, key=lambda f: (f[0] != a, list(res[f[0]][0]).index(f[2]))):
        gives.append(
            {
                "from": giver,
                "to": taker,
                "meaning": m,
                "item": table.label(m, "ja"),
                "item_en": table.label(m, "en"),
                "offered": res[giver][0][m],
                "needed": res[taker][1][m],
            }
        )
    da, db = U.nodes[a], U.nodes[b]
    tied = U.has_edge(a, b)
    ties: list[str] = []
    projects: list[str] = []
    if tied:
        e = U[a][b]
        ties = sorted({r["type"] for r in e.get("relations", [])}) + (["project"] if e.get("projects") else [])
        projects = list(e.get("projects") or [])
    partners = sorted(set(U[a]) & set(U[b]), key=lambda x: _introducer_rank(U, a, b, x))
    ask_at: list = []
    if not partners and not tied:
        ask_at = [
            c
            for c in dict.fromkeys(centres.get(U.nodes[x].get("ward") or "") for x in (a, b))
            if c is not None and c[0] not in (a, b)
        ]
    wa, wb = da.get("ward") or "", db.get("ward") or ""
    return {
        "a": a,
        "a_name": _name(U, a, "ja"),
        "a_name_en": _name(U, a, "en"),
        "b": b,
        "b_name": _name(U, b, "ja"),
        "b_name_en": _name(U, b, "en"),
        "sectors": [da.get("sector"), db.get("sector")],
        "both_ways": both,
        "kind": "both_ways" if both else "one_way",
        "gives": gives,
        "tied": tied,
        "ties": ties,
        "projects": projects,
        "introducers": partners,
        "introducer_names": [_name(U, x, "ja") for x in partners],
        "introducer_names_en": [_name(U, x, "en") for x in partners],
        "ask_at": [c[0] for c in ask_at],
        "ask_at_names": [c[1] for c in ask_at],
        "ask_at_names_en": [c[2] for c in ask_at],
        "same_ward": wa not in CITY_WIDE_WARDS and wa == wb,
        "same_district": da.get("district") is not None and da.get("district") == db.get("district"),
        "cross_sector": da.get("sector") != db.get("sector"),
    }


def _items(gives: list[dict], lang: str) -> str:
    """「会場（集会所 → 会場が足りない）・人手」: each meaning, with the words as written when they differ."""
    out = []
    for g in gives:
        label = g["item_en" if lang == "en" else "item"]
        if set(g["offered"]) | set(g["needed"]) != {g["item"]}:  # written otherwise than the meaning's name
            label = text(
                "match.words_written", lang, item=label, offered="・".join(g["offered"]), needed="・".join(g["needed"])
            )
        out.append(label)
    return (", " if lang == "en" else "・").join(out)


def match_reasons(row: dict, U: nx.Graph, *, shorts: dict | None = None) -> dict[str, str]:
    """The sentences of one pair in Japanese and English: what each offers the other, then whether they are
    already tied, who can introduce them, or where to ask."""
    out = {}
    for lang in ("ja", "en"):
        name_key = "name_en" if lang == "en" else "name"
        names = (shorts or {}).get(lang, {})

        def nm(side: str) -> str:
            n = row[f"{side}_{name_key}"]
            return names.get(n, n)

        def who(ident: Hashable) -> str:
            return nm("a") if ident == row["a"] else nm("b")

        by_dir: dict[tuple, list] = defaultdict(list)
        for g in row["gives"]:
            by_dir[(g["from"], g["to"])].append(g)
        parts = [
            text("match.offers", lang, giver=who(f), taker=who(t), items=_items(gs, lang))
            for (f, t), gs in by_dir.items()
        ]
        joined = text("match.and", lang).join(parts)
        s = text("match.both_ways" if row["both_ways"] else "match.one_way", lang, offers=joined)
        sep = ", " if lang == "en" else "、"
        if row["tied"]:
            kinds = [
                text(f"match.tie.{t}", lang) if t == "project" else _relation_word(U, t, lang) for t in row["ties"]
            ]
            s += text("match.tied", lang, ties=sep.join(kinds))
        elif row["introducers"]:
            intro = row["introducer_names_en" if lang == "en" else "introducer_names"]
            s += text("match.introducer", lang, names=sep.join(intro[:3]), n=len(intro))
        elif row["ask_at"]:
            s += text("match.ask_at", lang, names=sep.join(row["ask_at_names_en" if lang == "en" else "ask_at_names"]))
        else:
            s += text("match.no_one", lang)
        out[lang] = s
    return out


def _relation_word(U: nx.Graph, tid: str, lang: str) -> str:
    from ..lang import relation_label

    return relation_label(U, tid, lang)
