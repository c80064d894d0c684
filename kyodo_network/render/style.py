"""How maps look and speak: edge styles by relation type, node sizes, and the interface wording (ja + en).

Shared by the HTML and the printable maps so the two always agree. No I/O, no drawing.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["PX_PER_UNIT", "label_box", "EDGE_STYLES", "EDGE_PRIORITY", "UI", "LANGS", "text_in", "short_label", "wrap_label"]

LANGS = ("ja", "en", "both")

#: Screen pixels per layout unit in the HTML map (node sizes and label boxes are in pixels).
PX_PER_UNIT = 150
#: Label font size in pixels at zoom 1, and the width of one text column (half a Japanese character).
LABEL_PX = 14
COLUMN_PX = 7.4

#: Style of a tie by its most formal relation type: colour, dash pattern (on/off lengths in px, ``None`` for a
#: solid line) and base width. Agreements are thick dark red lines, subsidies dashed blue, commissions dash-dot
#: purple: told apart at a glance, in colour and in a black-and-white print.
EDGE_STYLES: dict[str, dict] = {
    "agreement": {"colour": "#b2182b", "dashes": None, "width": 4.0},
    "commission": {"colour": "#762a83", "dashes": [12, 4, 3, 4], "width": 3.0},
    "subsidy": {"colour": "#2166ac", "dashes": [10, 5], "width": 3.0},
    "founded": {"colour": "#542788", "dashes": None, "width": 2.5},
    "co_host": {"colour": "#1b7837", "dashes": None, "width": 2.5},
    "member": {"colour": "#8c510a", "dashes": [2, 4], "width": 2.0},
    "advice": {"colour": "#c51b7d", "dashes": [6, 4], "width": 2.0},
    "support": {"colour": "#e08214", "dashes": [8, 3], "width": 2.0},
    "venue": {"colour": "#35978f", "dashes": [3, 3], "width": 2.0},
    "coordination": {"colour": "#4d4d4d", "dashes": None, "width": 2.0},
    "cooperation": {"colour": "#878787", "dashes": None, "width": 2.0},
    "information": {"colour": "#9e9ac8", "dashes": [1, 4], "width": 2.0},
    "project": {"colour": "#c7c7c7", "dashes": None, "width": 1.0},
    "participation": {"colour": "#9a9a9a", "dashes": None, "width": 1.2},
}

#: When a tie carries several relation types, the first of these styles it.
EDGE_PRIORITY = ("agreement", "commission", "subsidy", "founded", "co_host", "member", "advice", "support", "venue",
                 "coordination", "cooperation", "information", "project")

#: Interface wording: key → (Japanese, English).
UI: dict[str, tuple[str, str]] = {
    "title_actors": ("協働ネットワーク", "collaboration network"),
    "title_projects": ("協働事業とアクター", "actors and projects"),
    "source": ("出典", "Source"),
    "as_of": ("{year}年時点", "as of {year}"),
    "focus": ("{name}を中心に{depth}ステップ", "around {name}, {depth} step(s)"),
    "sector_subset": ("セクター: {names}", "sectors: {names}"),
    "public": ("配布用（個人名は役割で表示）", "for handing out (private persons shown by role)"),
    "counts": ("アクター{actors}・協働事業{projects}・つながり{ties}", "{actors} actors, {projects} projects, {ties} ties"),
    "search": ("名前で検索", "Search by name"),
    "sectors": ("セクター", "Sectors"),
    "ties": ("つながりの種類", "Kinds of tie"),
    "marks": ("しるし", "Marks"),
    "kinds": ("ノードの種類", "Kinds of node"),
    "details": ("詳細", "Details"),
    "hint": ("アクターをクリックすると詳細と周りのつながりを表示します。", "Click an actor to see its details and neighbours."),
    "reset": ("選択を解除", "Clear selection"),
    "all": ("すべて", "All"),
    "no_match": ("見つかりません", "No match"),
    "matches": ("{n}件", "{n} found"),
    "arrow_note": ("矢印は向き（from → to）", "Arrows show direction (from → to)"),
    "size_note": ("大きさ＝橋渡しスコア", "Size = bridging score"),
    "size_note_projects": ("大きさ＝つながりの数", "Size = number of ties"),
    "coordinator": ("★ コーディネーター（他に接点のない異なるセクターの相手どうしをつなぐ）",
                    "★ Coordinator (joins partners from different sectors who have no other link)"),
    "articulation": ("太い黒枠＝切断点（いなくなると孤立する相手がいる）",
                     "Thick black ring = cut point (others lose their path without it)"),
    "actor": ("アクター", "Actor"),
    "project": ("協働事業", "Project"),
    "project_tie": ("同じ協働事業に参加", "Take part in the same project"),
    "participation": ("協働事業への参加", "Takes part in project"),
    "kind": ("種類", "Kind"),
    "sector": ("セクター", "Sector"),
    "role": ("役割", "Role"),
    "themes": ("テーマ", "Themes"),
    "offers": ("提供できるもの", "Offers"),
    "needs": ("求めているもの", "Needs"),
    "relations": ("関係", "Relations"),
    "projects": ("協働事業", "Projects"),
    "participants": ("参加者", "Participants"),
    "bridging": ("橋渡し", "Bridging"),
    "score": ("橋渡しスコア {score:.2f}・媒介中心性 {betweenness:.2f}", "bridging score {score:.2f}, betweenness {betweenness:.2f}"),
    "years": ("活動期間", "Years"),
    "ward": ("区", "Ward"),
    "cite": ("出典", "Cite"),
    "note": ("注記", "Note"),
    "inferred": ("（本文からの推定）", "(inferred from the text)"),
    "contact": ("連絡先", "Contact"),
    "strength": ("強さ", "strength"),
    "shared_projects": ("共通の協働事業", "Shared projects"),
    "private": ("非公開", "Private"),
    "ties_count": ("つながり {n}", "{n} ties"),
}


def text_in(lang: str, ja: str | None, en: str | None, sep: str = " / ") -> str:
    """Text for ``lang``: Japanese, English, or both as 「日本語 / English」 (one of them when they are equal).

    >>> text_in("both", "協働協定", "Collaboration agreement")
    '協働協定 / Collaboration agreement'
    """
    ja, en = ja or en or "", en or ja or ""
    if lang == "ja":
        return ja
    if lang == "en":
        return en
    return ja if ja == en else f"{ja}{sep}{en}"


def ui(key: str, lang: str, **fields: object) -> str:
    """The interface wording ``key`` in ``lang``, filled with ``fields``."""
    ja, en = UI[key]
    return text_in(lang, ja.format(**fields), en.format(**fields))


_TRAILING_BRACKET = re.compile(r"^(.+?)\s*[（(][^（）()]*[）)]$")


def short_label(name: str) -> str:
    """A name without a trailing parenthesis, for node labels (the full name stays in the details).

    >>> short_label("子ども（新羽駅周辺地区）"), short_label("Artist (art walk)"), short_label("（仮称）")
    ('子ども', 'Artist', '（仮称）')
    """
    m = _TRAILING_BRACKET.match(name.strip())
    return m.group(1) if m else name.strip()


def label_box(label: str, size: float) -> tuple[float, float]:
    """Width and height, in layout units, of a node of radius ``size`` px with ``label`` below it.

    >>> label_box("協議会", 10)
    (0.363, 0.4)
    """
    lines = label.split("\n") or [""]
    cols = max(sum(_width(c) for c in line) for line in lines)
    w = max(cols * COLUMN_PX, 2 * size) + 10
    h = 2 * size + 2 * len(lines) * (LABEL_PX + 3) + 6
    return round(w / PX_PER_UNIT, 3), round(h / PX_PER_UNIT, 3)


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap_label(text: str, width: int = 24) -> str:
    """Break a label into lines of at most ``width`` columns (wide characters count two), at spaces when it can.

    >>> wrap_label("港南台生き生きプレイパーク運営委員会", 16)
    '港南台生き生きプ\\nレイパーク運営委\\n員会'
    >>> wrap_label("青葉区区民活動支援センター", 24)
    '青葉区区民活動支援センター'
    >>> wrap_label("Collaboration agreement with the ward", 16)
    'Collaboration\\nagreement with\\nthe ward'
    """
    lines: list[str] = []
    line, used = "", 0
    for word in re.split(r"(?<= )", text):
        w = sum(_width(c) for c in word.rstrip())
        if used + w <= width:
            line, used = line + word, used + sum(_width(c) for c in word)
            continue
        if line and w <= width:
            lines.append(line.rstrip())
            line, used = word, sum(_width(c) for c in word)
            continue
        for ch in word:
            cw = _width(ch)
            if used + cw > width and line.strip():
                lines.append(line.rstrip())
                line, used = "", 0
            line, used = line + ch, used + cw
    if line.strip():
        lines.append(line.rstrip())
    # No line of one or two columns at the end ("センタ／ー"): give it to the line before.
    if len(lines) > 1 and sum(_width(c) for c in lines[-1]) <= 2:
        tail = lines.pop()
        lines[-1] += ("" if _width(tail[0]) == 2 or _width(lines[-1][-1]) == 2 else " ") + tail
    return "\n".join(lines)
