"""How maps look: edge styles by relation type, node sizes and label boxes; the map wording lives in the catalogue.

Shared by the HTML and the printable maps so the two always agree. No I/O, no drawing.
"""

from __future__ import annotations

import re

from ..lang import display_width, short_name, text

__all__ = ["PX_PER_UNIT", "label_box", "EDGE_STYLES", "EDGE_PRIORITY", "LANGS", "ui", "text_in", "short_label", "wrap_label"]

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
    """The map wording ``map.<key>`` of the catalogue (:mod:`kyodo_network.catalogue.maps`) in ``lang``
    (``both``: 「日本語 / English」), filled with ``fields``."""
    if lang == "both":
        return text_in(lang, text(f"map.{key}", "ja", **fields), text(f"map.{key}", "en", **fields))
    return text(f"map.{key}", lang, **fields)


def short_label(name: str) -> str:
    """A node label's name: :func:`kyodo_network.lang.short_name` (the one rule for short names)."""
    return short_name(name)


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
    return display_width(ch)


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
