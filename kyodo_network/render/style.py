"""How maps look: edge styles by relation type, node sizes and label boxes; the map wording lives in the catalogue.

Shared by the HTML and the printable maps so the two always agree. No I/O, no drawing.
"""

from __future__ import annotations


from ..lang import display_width, short_name, text

__all__ = [
    "PX_PER_UNIT",
    "label_box",
    "EDGE_STYLES",
    "EDGE_PRIORITY",
    "LANGS",
    "ui",
    "text_in",
    "short_label",
    "wrap_label",
]

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
EDGE_PRIORITY = (
    "agreement",
    "commission",
    "subsidy",
    "founded",
    "co_host",
    "member",
    "advice",
    "support",
    "venue",
    "coordination",
    "cooperation",
    "information",
    "project",
)


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


#: A line never starts with these (kinsoku shori, JIS X 4051): prolonged sound mark, small kana, iteration marks,
#: closing brackets and punctuation.
NO_LINE_START = frozenset(
    "ー〜～・、。，．,.:;!?！？：；)]}）］｝」』】〕〉》〙〗’”"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々ゝゞヽヾ%％"
)
#: A line never ends with these: opening brackets.
NO_LINE_END = frozenset("([{（［｛「『【〔〈《〘〖‘“")
#: Inside a run of kanji a line may break after one of these (市, 区, 局 … end a name) unless the next character
#: continues a word with it (市民, 区民, 会議, 町内).
_KANJI_ENDS = frozenset("市区町村県局部課署所校園館室会団度駅")
_KANJI_GOES_ON = frozenset("民内長立議員場営外役会館域舎庭")
_HANGING = "、。，．・"


def _script(ch: str) -> str:
    o = ord(ch)
    if ch == " ":
        return "space"
    if 0x3041 <= o <= 0x309F:
        return "hira"
    if 0x30A0 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "kata"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or ch in "々〆ヶ":
        return "kanji"
    if ch.isalnum():
        return "latin"  # ASCII and full-width letters and digits: parts of words
    return "other"


def _may_break(a: str, b: str) -> bool:
    """May a line end after ``a`` when ``b`` follows? Between words and phrases only, never before ー or 」."""
    if b == " " or a in NO_LINE_END or b in NO_LINE_START:
        return False
    if a == " " or b in NO_LINE_END or a in "、。，・" or a in ")）」』】〕］":
        return True
    sa, sb = _script(a), _script(b)
    if sb == "hira":
        return sa == "other"  # okurigana (見守り) and suffixes (まちづくり) stay with their word
    if sa == "hira":
        return sb in ("kanji", "kata", "latin")  # after a particle: こどもの／生き生き
    if sa == "kata":
        return sb in ("kanji",)  # ドリームハイツ／地域
    if sa == "kanji":
        if sb == "kanji":
            return a in _KANJI_ENDS and b not in _KANJI_GOES_ON
        return sb in ("kata", "latin")  # 平成／20年度; never 20／年度 (latin → kanji stays)
    return False


def _pieces(text: str) -> list[str]:
    """``text`` cut at every place a line may break (spaces stay at the end of the piece before)."""
    out, start = [], 0
    for i in range(1, len(text)):
        if _may_break(text[i - 1], text[i]):
            out.append(text[start:i])
            start = i
    out.append(text[start:])
    return [p for p in out if p]


def _cols(text: str) -> int:
    return sum(_width(c) for c in text)


def _fit_cols(text: str) -> int:
    """Columns that count against the line width: a comma, full stop or middle dot at the end may hang outside
    (burasage), so 「ステーション・」 fits where 「ステーション」 does."""
    return _cols(text.rstrip().rstrip(_HANGING))


def _split_long(piece: str, width: int) -> list[str]:
    """A piece wider than ``width`` cut into parts of about equal width, never before a character that may not
    start a line nor after one that may not end it (a Latin word wider than a line is the only word cut)."""
    parts = []
    while _fit_cols(piece) > width:
        target = -(-_fit_cols(piece) // -(-_fit_cols(piece) // width))  # equal parts: ceil(cols / ceil(cols / width))
        used, cut, first = 0, 0, 0
        for i in range(1, len(piece)):
            used += _width(piece[i - 1])
            allowed = piece[i - 1] not in NO_LINE_END and piece[i] not in NO_LINE_START
            if allowed and used <= target:
                cut = i
            if allowed and not first:
                first = i
        cut = cut or first or len(piece)
        parts.append(piece[:cut])
        piece = piece[cut:]
    if piece:
        parts.append(piece)
    return parts


def wrap_label(text: str, width: int = 24) -> str:
    """Break a label into lines of at most ``width`` columns (wide characters count two), between words.

    English breaks at spaces only. Japanese breaks after a particle (の), between katakana and kanji, after a
    name-ending kanji (市, 区, 局 …), before an opening bracket, and never before ー, 、, 。, a closing bracket or a
    small kana (kinsoku shori; a 、, 。 or ・ may hang past the width instead). Only a run with no such place that is wider than a line is cut inside, and even
    then a line never starts with those characters. A last line of one or two columns joins the line before.

    >>> wrap_label("港南台生き生きプレイパーク運営委員会", 16)
    '港南台生き生き\\nプレイパーク\\n運営委員会'
    >>> wrap_label("阿久和北部見守りネットワーク実行委員会")
    '阿久和北部見守り\\nネットワーク実行委員会'
    >>> wrap_label("青葉区区民活動支援センター"), wrap_label("地元の小学校")
    ('青葉区区民活動支援\\nセンター', '地元の小学校')
    >>> wrap_label("Collaboration agreement with the ward", 16)
    'Collaboration\\nagreement with\\nthe ward'
    """
    lines: list[str] = []
    line = ""
    for piece in _pieces(text.strip()):
        for part in _split_long(piece, width) if _fit_cols(piece) > width else [piece]:
            if line and _fit_cols(line + part) > width:
                lines.append(line.rstrip())
                line = ""
            line += part
    if line.strip():
        lines.append(line.rstrip())
    # No line of one or two columns at the end ("課"): give it to the line before.
    if len(lines) > 1 and _cols(lines[-1]) <= 2:
        tail = lines.pop()
        lines[-1] += ("" if _width(tail[0]) == 2 or _width(lines[-1][-1]) == 2 else " ") + tail
    return "\n".join(lines)
