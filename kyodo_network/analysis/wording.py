"""Sentences in Japanese and English: the words shared by the bridging explanations and the suggestions.

The words themselves live in the message catalogue (:mod:`kyodo_network.catalogue.suggestions`,
:mod:`kyodo_network.catalogue.sentences`); this module only chooses the codes and joins the clauses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from typing import TYPE_CHECKING

from ..lang import short_names, text
from ..model import in_english

if TYPE_CHECKING:  # the help pages read the glossary here; they need no networkx
    import networkx as nx

__all__ = ["sector_label", "list_names", "suggestion_reasons", "suggestion_inferred", "glossary", "GLOSSARY"]

LANGS = ("ja", "en")

#: The measures a coordinator meets, by where they are printed: each has one line ``gloss.<key>`` in the catalogue
#: (the word first, exactly as the table, CSV, report and map print it). ``all`` is every one of them.
GLOSSARY: dict[str, tuple[str, ...]] = {
    "bridges": (
        "betweenness",
        "articulation",
        "cut_off",
        "constraint",
        "effective_size",
        "coordinator",
        "itinerant",
        "boundary",
        "representative",
        "gatekeeper",
        "liaison",
        "total",
        "only_path_pairs",
    ),
    "coordinators": (
        "cross_sector_pairs",
        "sole_pairs",
        "mark",
        "coordinator",
        "itinerant",
        "boundary",
        "liaison",
        "effective_size",
    ),
    "indicators": ("ei_index", "degree_centralisation"),
}
GLOSSARY["all"] = tuple(dict.fromkeys(k for keys in GLOSSARY.values() for k in keys))


def glossary(keys: str | tuple[str, ...] = "all", lang: str = "ja") -> list[str]:
    """One line per measure, 「実効規模: 相手の数から…」: for ``--help``, the report and the map.

    ``keys`` is a group of :data:`GLOSSARY` (``"bridges"``, ``"coordinators"``, ``"indicators"``, ``"all"``) or
    the keys themselves.

    >>> glossary(("effective_size",), "ja")[0].startswith("実効規模: ")
    True
    """
    chosen = GLOSSARY[keys] if isinstance(keys, str) else keys
    return [text(f"gloss.{k}", lang) for k in chosen]


def sector_label(G: nx.Graph, sid: str | None, lang: str) -> str:
    """A sector's short label from ``G.graph["sectors"]``: 「個人」, "Person"; the id when unknown."""
    info = G.graph.get("sectors", {}).get(sid, {})
    return info.get("short_en" if lang == "en" else "short") or str(sid)


def list_names(names: list[str], lang: str, k: int = 3) -> str:
    """Up to ``k`` names, then how many more: 「A、B、C ほか2」, "A, B, C and 2 more".

    >>> list_names(["A", "B", "C", "D", "E"], "ja")
    'A、B、C ほか2'
    """
    more = len(names) - k
    if lang == "en":
        return ", ".join(names[:k]) + (f" and {more} more" if more > 0 else "")
    return "、".join(names[:k]) + (f" ほか{more}" if more > 0 else "")


def suggestion_inferred(row: dict, U: nx.Graph) -> bool:
    """True if the sentences of a suggestion rest on a record the author inferred: either actor (or the first
    introducer) as a whole, the themes, offers, needs or ward the sentences name (``inferred_fields``), or an
    introducer's tie to either actor (edge ``inferred``)."""

    def node(n: Hashable, *fields: str) -> bool:
        d = U.nodes[n]
        return bool(d.get("inferred")) or bool(set(fields) & set(d.get("inferred_fields") or ()))

    a, b = row["a"], row["b"]
    if node(a) or node(b):
        return True
    if row["shared_themes"] and (node(a, "themes") or node(b, "themes")):
        return True
    if any(node(m["from"], "offers") or node(m["to"], "needs") for m in row["offers_needs"]):
        return True
    if row["same_ward"] and not row["same_district"] and node(a, "ward"):
        return True
    if row["introducers"]:
        x = row["introducers"][0]
        return node(x) or any(U[e][x].get("inferred") for e in (a, b))
    return False


def suggestion_reasons(row: dict, U: nx.Graph, info: dict) -> dict[str, str]:
    """One or two sentences in Japanese and English saying why, ending with the introducers (or where to ask).

    ``info`` maps each actor to ``short`` and ``short_en`` (names as shown, from
    :func:`kyodo_network.lang.short_names`, so two actors never read the same), ``ward`` and ``ward_en``.
    The sentences never contradict each other: a pair held together by one actor has that actor in common
    (「…が両者と協働しています」), and a pair with nobody in common that is connected only through a chain of
    actors is told so (「今は…を通してだけつながっています」), never 「共通の相手はまだいません」 beside it.
    """
    return {lang: _reasons(row, U, info, lang) for lang in LANGS}


def _reasons(row: dict, U: nx.Graph, info: dict, lang: str) -> str:
    key = "short_en" if lang == "en" else "short"

    def nm(x: Hashable) -> str:
        return info[x][key]

    def names(ids: list) -> str:
        return list_names([nm(x) for x in ids], lang)

    # First sentence: what they share, who they have in common. Clauses are (code, fields, ours):
    # ``ours`` when the clause starts with our words rather than an actor's name (for English capitals).
    main: list[tuple[str, dict, bool]] = []
    if row["shared_themes"]:
        sep = ", " if lang == "en" else "・"
        themes = sep.join(map(in_english, row["shared_themes"]) if lang == "en" else row["shared_themes"])
        main.append(("suggest.themes", {"themes": themes}, True))
    by_dir: dict[tuple, list] = defaultdict(list)
    for m in row["offers_needs"]:
        by_dir[(m["from"], m["to"])].append(m["item"])
    for (g, t), items in by_dir.items():
        shown = ", ".join(map(in_english, items)) if lang == "en" else "・".join(items)
        main.append(("suggest.offers", {"giver": nm(g), "taker": nm(t), "items": shown}, False))
    n = row["common_partners"]
    held = row["held_by"]
    but = None
    if n == 1:
        main.append(("suggest.partner", {"name": nm(row["introducers"][0])}, False))
    elif n > 1:
        code = f"suggest.partners.{'one' if n == 2 else 'many'}"
        main.append((code, {"name": nm(row["introducers"][0]), "others": n - 1}, False))
    elif held:
        but = ("suggest.through", {"names": names(held)})
    else:
        but = ("suggest.no_partner", {})
    out = _join(main, lang)
    if but is not None:
        tail = text(but[0], lang, **but[1])
        if out:
            out += text("suggest.but", lang) + tail
        else:
            out = tail[0].upper() + tail[1:] if lang == "en" else tail

    if row["introducer_kind"] == "common_partner":
        code = f"suggest.introducer.{'one' if len(row['introducers']) == 1 else 'many'}"
        out += text(code, lang, names=names(row["introducers"]))
    elif row.get("ask_at"):
        centres = row["ask_at_names_en" if lang == "en" else "ask_at_names"]  # not always actors of U
        shorts = short_names(centres)
        out += text("suggest.ask_at", lang, names=list_names([shorts[c] for c in centres], lang))
    elif row["introducer_kind"] is None and "support" in row["sectors"] and row["same_ward"]:
        out += text("suggest.ask_directly", lang)
    out += text("suggest.stop", lang)

    # Second sentence: what the new tie would add.
    extra: list[tuple[str, dict, bool]] = []
    if row["same_ward"] and not row["same_district"]:
        extra.append(("suggest.ward", {"ward": info[row["a"]]["ward_en" if lang == "en" else "ward"]}, True))
    if row["cross_sector"]:
        s1, s2 = row["sectors"]
        extra.append(("suggest.cross", {"s1": sector_label(U, s1, lang), "s2": sector_label(U, s2, lang)}, True))
    if held and n == 1:
        extra.append(("suggest.only_introducer", {"name": nm(held[0])}, True))
    elif held:
        extra.append(("suggest.not_through", {"names": names(held)}, True))
    if extra:
        out += (" " if lang == "en" else "") + _join(extra, lang) + text("suggest.stop", lang)
    if row.get("inferred"):
        out += text("suggest.inferred", lang, note=text("findings.inferred", lang))
    return out


def _join(clauses: list[tuple[str, dict, bool]], lang: str) -> str:
    """Clauses as one sentence without its full stop: 「A、B、C」 (connective forms, the last one final) or
    "A, B and C", the first letter a capital when the clause starts with our words."""
    if not clauses:
        return ""
    parts = []
    for i, (code, fields, _) in enumerate(clauses):
        last = i == len(clauses) - 1
        parts.append(text(f"{code}.{'end' if last else 'and'}", lang, **fields))
    if len(parts) == 1:
        out = parts[0]
    else:
        out = text("suggest.comma", lang).join(parts[:-1]) + text("suggest.and", lang) + parts[-1]
    if lang == "en" and clauses[0][2]:
        out = out[0].upper() + out[1:]
    return out
