"""Sentences in Japanese and English: the words shared by the bridging explanations and the suggestions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

import networkx as nx

from ..model import in_english

__all__ = ["sector_label", "list_names", "short_name", "suggestion_reasons"]


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


def suggestion_reasons(row: dict, U: nx.Graph, info: dict) -> dict[str, str]:
    """One or two sentences in Japanese and English saying why, ending with the introducers."""
    a, b = row["a"], row["b"]

    def nm(x: Hashable, lang: str) -> str:
        return info[x]["short_en" if lang == "en" else "short"]

    ja: list[tuple[str, str]] = []   # (connective form, final form)
    en: list[str] = []
    if row["shared_themes"]:
        t_ja, t_en = "・".join(row["shared_themes"]), ", ".join(map(in_english, row["shared_themes"]))
        ja.append((f"どちらも{t_ja}に取り組み", f"どちらも{t_ja}に取り組んでいます"))
        en.append(f"both work on {t_en}")
    by_dir: dict[tuple, list] = defaultdict(list)
    for m in row["offers_needs"]:
        by_dir[(m["from"], m["to"])].append(m["item"])
    for (g, t), items in by_dir.items():
        i_ja, i_en = "・".join(items), ", ".join(map(in_english, items))
        ja.append((f"{nm(t, 'ja')}が求める{i_ja}を{nm(g, 'ja')}が提供でき", f"{nm(t, 'ja')}が求める{i_ja}を{nm(g, 'ja')}が提供できます"))
        en.append(f"{nm(g, 'en')} can offer what {nm(t, 'en')} needs ({i_en})")
    n = row["common_partners"]
    if n:
        first = row["introducers"][0]
        if n == 1:
            ja.append((f"{nm(first, 'ja')}が両者と協働しており", f"{nm(first, 'ja')}が両者と協働しています"))
            en.append(f"{nm(first, 'en')} works with both")
        else:
            ja.append((f"{nm(first, 'ja')}など{n}者が両者と協働しており", f"{nm(first, 'ja')}など{n}者が両者と協働しています"))
            en.append(f"{nm(first, 'en')} and {n - 1} other{'s' if n > 2 else ''} work with both")
        main_ja = "、".join([c for c, _ in ja[:-1]] + [ja[-1][1]])
    else:
        tail = "共通の相手はまだいません"
        main_ja = "、".join([c for c, _ in ja[:-1]] + [ja[-1][1] + "が"]) + "、" + tail if ja else tail
        en.append("they have no partner in common yet" if en else "They have no partner in common yet")
    main_en = _join_en(en, but=not n and len(en) > 1)

    if row["introducer_kind"] == "common_partner":
        names_ja = list_names([nm(x, "ja") for x in row["introducers"]], "ja")
        names_en = list_names([nm(x, "en") for x in row["introducers"]], "en")
    else:
        names_ja, names_en = "", ""
    ask_ja = list_names([short_name(x) for x in row.get("ask_at_names", [])], "ja")
    ask_en = list_names([short_name(x) for x in row.get("ask_at_names_en", [])], "en")
    if names_ja:
        main_ja += f"（紹介役: {names_ja}）"
        main_en += f" (introducer{'s' if len(row['introducers']) > 1 else ''}: {names_en})"
    elif ask_ja:
        main_ja += f"（相談先: {ask_ja}）"
        main_en += f" (ask at: {ask_en})"
    elif row["introducer_kind"] is None and "support" in row["sectors"] and row["same_ward"]:
        main_ja += "（地元の支援機関なので、直接相談できます）"
        main_en += " (a local support body: ask it directly)"

    extra_ja: list[tuple[str, str]] = []
    extra_en: list[str] = []
    if row["same_ward"] and not row["same_district"]:
        w_ja, w_en = info[a]["ward"], info[a]["ward_en"]
        extra_ja.append((f"同じ{w_ja}で活動しており", f"同じ{w_ja}で活動しています"))
        extra_en.append(f"both are active in {w_en}")
    if row["cross_sector"]:
        s1, s2 = row["sectors"]
        extra_ja.append((f"{sector_label(U, s1, 'ja')}と{sector_label(U, s2, 'ja')}の垣根を越えるつながりになり",
                         f"{sector_label(U, s1, 'ja')}と{sector_label(U, s2, 'ja')}の垣根を越えるつながりになります"))
        extra_en.append(f"the tie would cross from {sector_label(U, s1, 'en')} to {sector_label(U, s2, 'en')}")
    if row["held_by"]:
        if row["held_by"] == row["introducers"]:  # the one partner in common, already named
            h_ja, h_en = "紹介役", "the introducer"
        else:
            h_ja = "、".join(nm(h, "ja") for h in row["held_by"])
            h_en = ", ".join(nm(h, "en") for h in row["held_by"])
        extra_ja.append((f"今は{h_ja}だけが両者をつないでいるため2本目の経路になり",
                         f"今は{h_ja}だけが両者をつないでいるので、2本目の経路になります"))
        extra_en.append(f"today only {h_en} hold{'s' if len(row['held_by']) == 1 else ''} them together, "
                        f"so this adds a second path")
    text_ja, text_en = main_ja + "。", main_en + "."
    if extra_ja:
        text_ja += "、".join([c for c, _ in extra_ja[:-1]] + [extra_ja[-1][1]]) + "。"
        text_en += " " + _join_en(extra_en) + "."
    return {"ja": text_ja, "en": text_en}


def short_name(name: str) -> str:
    """A name without its bracketed explanation, for sentences: 「元PTA会長（協議会メンバー）」 → 「元PTA会長」."""
    for mark in ("（", " ("):
        head = name.split(mark)[0].strip()
        if head and head != name:
            return head
    return name


def _join_en(clauses: list[str], *, but: bool = False) -> str:
    if not clauses:
        return ""
    if len(clauses) == 1:
        text = clauses[0]
    else:
        text = ", ".join(clauses[:-1]) + (", but " if but else " and ") + clauses[-1]
    if text.split(" ", 1)[0] in ("both", "they", "the", "today"):  # our words, not an actor's name
        text = text[0].upper() + text[1:]
    return text
