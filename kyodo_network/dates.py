"""Years as a ward clerk writes them: Western or era, digits or kanji, a year alone or inside a date.

:func:`year_of` reads one cell (``2013``, ``平成25年度``, ``R3.4.1``, ``平成二十年度``, ``2013年～``) and answers with
a year or a reason code; the reasons name catalogue phrases ``problem.what.<reason>``, except ``unknown``, which
marks a cell that says "not known" (不明, 未定, ―, ？, …) and is read as an empty cell, never as a problem.

This module needs nothing from the package, so :mod:`kyodo_network.words` can re-export it.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

__all__ = ["year_of", "plain_digits", "ERAS", "YEAR_RANGE", "UNKNOWN_WORDS"]

#: Japanese eras: name and initial → (year before its first year, its last year number).
ERAS: dict[str, tuple[int, int]] = {"令和": (2018, 2200 - 2018), "平成": (1988, 31), "昭和": (1925, 64)}
_ERA_INITIALS = {"r": "令和", "h": "平成", "s": "昭和"}

#: First and last Western years accepted.
YEAR_RANGE = (1800, 2200)

#: Words that say the year is not known (compared after NFKC, without spaces or surrounding brackets).
UNKNOWN_WORDS: frozenset[str] = frozenset(
    {"不明", "未定", "未詳", "不詳", "わからない", "分からない", "無回答", "未記入"}
)

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile("[" + "".join(_KANJI_DIGITS) + "".join(_KANJI_UNITS) + "]+")
_NO_ANSWER_MARK = re.compile(r"[-‐‑‒–—―ー−─]+|\?+")  # a dash or question marks alone, after NFKC
_BRACKETS = "()[]<>「」『』【】〔〕"

# A year (Western, or era and year number), then what may follow it: 年代 (a decade), 年 or 年度, a month and day
# written with 年月日 or with one separator (/ . -), a weekday, and marks of an approximate or open-ended year.
_DATE = re.compile(
    r"""
    (?: (?P<west>[0-9]{4}) | (?P<era>令和|平成|昭和|[rhs]) \.? (?P<n>[0-9]{1,3}|元) )
    (?: (?P<decade>年代)
      | 年度?
      | 年 (?P<m1>[0-9]{1,2}) 月 (?: (?P<d1>[0-9]{1,2}) 日 )?
      | (?P<sep>[/.\-]) (?P<m2>[0-9]{1,2}) (?: (?P=sep) (?P<d2>[0-9]{1,2}) )?
    )?
    (?: \( [月火水木金土日] (?:曜日?)? \) )?
    (?: 頃 | ごろ | ころ | 前後 )?
    (?: から | より | 以降 | 以後 | まで | 以前 | [~〜\-] )?
    """,
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)

# Dashes people type between two years (after NFKC, which makes － a hyphen), all read as a hyphen.
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−ー─", "-"))
# A two-digit year after an apostrophe ('19, ’19), not inside a longer number.
_APOSTROPHE_YEAR = re.compile(r"(?<![0-9A-Za-z])['‘’`]([0-9]{2})(?![0-9])")
# One pair of round brackets (after NFKC) and what it holds: 昭和63年(1988年).
_BRACKETED = re.compile(r"\(([^()]*)\)")
# The marks a range's first year ends with: 平成31年4月～令和3年3月, 2013-2015, 2013年から2015年まで.
_RANGE_MARKS = ("~", "〜", "-", "から", "より")
# An era-less year number at the start of a cell: 30年4月, 元年度, 40年代.
_ERALESS = re.compile(r"(?:[0-9]{1,3}|元)年")
#: Cells longer than this (after removing spaces) are not searched for a bracketed year or a range.
_SHORT = 64


def plain_digits(text: str) -> str | None:
    """``text`` with full-width digits made ASCII, NFKC-normalised; None if it holds other digits (①, ², ٣).

    >>> plain_digits("２０１３年"), plain_digits("①")
    ('2013年', None)
    """
    text = text.translate(_FULLWIDTH_DIGITS)
    if any(ch.isnumeric() and not ("0" <= ch <= "9") for ch in text):
        return None
    return unicodedata.normalize("NFKC", text).strip()


def _arabic(match: re.Match[str]) -> str:
    """A run of kanji numerals in ASCII digits: 二〇一三 → 2013 (digit by digit), 五十二 → 52, 二千十三 → 2013."""
    run = match.group()
    if not any(ch in _KANJI_UNITS for ch in run):
        return "".join(str(_KANJI_DIGITS[ch]) for ch in run)
    total = digit = 0
    for ch in run:
        if ch in _KANJI_UNITS:
            total += (digit or 1) * _KANJI_UNITS[ch]
            digit = 0
        else:
            digit = digit * 10 + _KANJI_DIGITS[ch]
    return str(total + digit)


def _is_unknown(compact: str) -> bool:
    """True if an NFKC-normalised, space-free cell says the year is not known."""
    return compact.strip(_BRACKETS) in UNKNOWN_WORDS or _NO_ANSWER_MARK.fullmatch(compact) is not None


def _real_day(year: int, month: str | None, day: str | None) -> bool:
    """True if the month (and day) written after ``year`` exist; True when none is written."""
    if month is None:
        return True
    m = int(month)
    if not 1 <= m <= 12:
        return False
    return day is None or 1 <= int(day) <= calendar.monthrange(year, m)[1]


def year_of(text: str) -> tuple[int | None, str, dict[str, object]]:
    """Read the (calendar or fiscal) year in a cell, written in any of the ways a ward clerk writes it.

    Parameters
    ----------
    text
        One cell's text. Spaces anywhere, full-width letters and digits, and kanji numerals are all read.

    Returns
    -------
    tuple
        ``(year, "", {})`` for a year; ``(None, "unknown", {})`` for a cell that says the year is not known
        (callers read it as an empty cell); otherwise ``(None, reason, fields)``, where ``reason`` names the
        catalogue phrase ``problem.what.<reason>``: ``year-digits`` (digits other than 0–9 and kanji numerals,
        such as ①), ``year-era`` (a year number its era never reached; fields ``era`` and ``last``),
        ``year-range`` (a Western year outside :data:`YEAR_RANGE`; field ``value``), ``year-no-era`` (a year
        number with 年 but no era, such as 30年4月) or ``not-year``.

    Examples
    --------
    A year alone: Western, era name or initial (R, H, S), 元年, full-width digits. A fiscal year (年度) reads
    as its own number.

    >>> [year_of(t)[0] for t in ("2013", "2013年", "2013年度", "平成25", "平成25年", "H25", "h.25", "令和2年度",
    ...                          "R2", "Ｒ２", "令和元年", "R元", "２０１３年", "㍻25年")]
    [2013, 2013, 2013, 2013, 2013, 2013, 2013, 2020, 2020, 2020, 2019, 2019, 2013, 2013]

    A date gives its calendar year: 年月日, or one separator (``/``, ``.``, ``-``) throughout, with or without a
    day, and a weekday after it.

    >>> [year_of(t)[0] for t in ("令和3年4月", "令和3年4月1日", "昭和52年4月", "R2.10", "R2.10.1", "R02.04.01",
    ...                          "H25/4", "S52.4", "2021/4", "2021/04/01", "2021-04-01", "2021.4", "2021年4月",
    ...                          "2021年4月1日", "令和3年4月1日（木）")]
    [2021, 2021, 1977, 2020, 2020, 2020, 2013, 1977, 2021, 2021, 2021, 2021, 2021, 2021, 2021]

    Kanji numerals, with 十百千 or digit by digit (〇 or ○ for zero):

    >>> [year_of(t)[0] for t in ("平成二十年度", "平成十七年", "昭和五十二年", "令和三年四月一日", "二〇一三年",
    ...                          "二千十三年")]
    [2008, 2005, 1977, 2021, 2013, 2013]

    An approximate or open-ended year: 頃, ごろ, ころ or 前後, then から, より, 以降, 以後, まで, 以前 or a
    wave dash or hyphen (～, 〜, ~, -). A year counted back from today is not a year.

    >>> [year_of(t)[0] for t in ("平成17年頃", "平成17年ごろ", "平成17年頃から", "平成17年頃〜", "2013年～",
    ...                          "2013~", "令和4年度～", "令和4年度から", "2013年以降", "2013年より", "2013年前後",
    ...                          "2013年まで")]
    [2005, 2005, 2005, 2005, 2013, 2013, 2022, 2022, 2013, 2013, 2013, 2013]
    >>> year_of("約10年前")
    (None, 'not-year', {})

    Both calendars side by side, in round brackets either way, read as their one year; two years that disagree
    are not a year.

    >>> [year_of(t)[0] for t in ("昭和63年（1988年）", "2019年（令和元年）4月", "H31(2019)", "（2013年）")]
    [1988, 2019, 2019, 2013]
    >>> year_of("昭和63年（1989年）")
    (None, 'not-year', {})

    A range of years gives its first year; the end may leave out the era it shares with the start. An end before
    the start is not a year.

    >>> [year_of(t)[0] for t in ("平成31年4月～令和3年3月", "2013～2015", "2013-2015", "2013年から2015年まで",
    ...                          "平成25年～27年", "2013～未定", "2021-04-01")]
    [2019, 2013, 2013, 2013, 2013, 2013, 2021]
    >>> year_of("2015～2013")
    (None, 'not-year', {})

    A year after an apostrophe ('50 to '99 are 1950 to 1999, '00 to '49 are 2000 to 2049), and a decade as its
    first year:

    >>> [year_of(t)[0] for t in ("'19", "’19", "'95", "'19年4月", "昭和40年代", "1980年代", "平成10年代")]
    [2019, 2019, 1995, 2019, 1965, 1980, 1998]

    A year number with no era could be 平成 or 昭和 (or 令和):

    >>> year_of("30年4月")
    (None, 'year-no-era', {})

    Not known: 不明, 未定, 未詳, 不詳, わからない, 分からない, 無回答, 未記入 (also in brackets), or a dash or
    question mark alone.

    >>> year_of("不明")
    (None, 'unknown', {})
    >>> all(year_of(t) == (None, "unknown", {}) for t in ("未定", "未詳", "わからない", "―", "-", "ー", "?", "？",
    ...                                                  "（無回答）", "無回答", "「不明」", "－－"))
    True

    What is not a year, and why:

    >>> year_of("平成32")
    (None, 'year-era', {'era': '平成', 'last': 31})
    >>> year_of("1700年"), year_of("①")
    ((None, 'year-range', {'value': 1700}), (None, 'year-digits', {}))
    >>> year_of("2021/13/1"), year_of("")
    ((None, 'not-year', {}), (None, 'not-year', {}))

    Notes
    -----
    平成 ended in its 31st year and 昭和 in its 64th, so 平成32 is refused; 令和 is open up to the end of
    :data:`YEAR_RANGE`. A month written after an era year is not checked against the day the era changed
    (平成31年5月 reads as 2019). A day must exist (2021/2/29 is not a year). A decade must be one (1985年代 and
    昭和45年代 are not years). Brackets and ranges are looked for in cells of up to 64 characters.
    """
    plain = plain_digits(_KANJI_NUMBER.sub(_arabic, text))
    if plain is None:
        return None, "year-digits", {}
    compact = "".join(plain.split())
    if _is_unknown(compact):
        return None, "unknown", {}
    compact = _APOSTROPHE_YEAR.sub(_apostrophe_year, compact.translate(_DASHES))
    found = _one_year(compact)
    if found[0] is not None or found[1] != "not-year" or len(compact) > _SHORT:
        return found
    for reader in (_bracketed_year, _range_year):
        got = reader(compact)
        if got is not None:
            return got
    if _ERALESS.match(compact) and _one_or_range("令和" + compact)[0] is not None:
        return None, "year-no-era", {}
    return found


def _apostrophe_year(match: re.Match[str]) -> str:
    """'19 → 2019, '95 → 1995: '50 to '99 are the 1900s, '00 to '49 the 2000s."""
    n = int(match[1])
    return str(1900 + n if n >= 50 else 2000 + n)


def _one_or_range(compact: str) -> tuple[int | None, str, dict[str, object]]:
    """One year, or the first year of a range."""
    found = _one_year(compact)
    if found[0] is None and found[1] == "not-year":
        return _range_year(compact) or found
    return found


def _bracketed_year(compact: str) -> tuple[int | None, str, dict[str, object]] | None:
    """The year of ``昭和63年(1988年)`` or ``2019年(令和元年)4月``: a year in brackets and the same year outside
    them (or nothing outside them); None when no bracket holds a year."""
    for m in _BRACKETED.finditer(compact):
        inner = _one_year(m[1])
        if inner[0] is None:
            continue  # a weekday, or a note in brackets
        rest = compact[: m.start()] + compact[m.end() :]
        if not rest:
            return inner
        outer = _one_or_range(rest)
        if outer[0] is None:
            return outer
        return outer if outer[0] == inner[0] else (None, "not-year", {})
    return None


def _range_year(compact: str) -> tuple[int | None, str, dict[str, object]] | None:
    """The first year of a range (平成31年4月～令和3年3月, 2013-2015, 2013年から2015年まで), or None when the cell is
    no range of years. The end may leave out the start's era (平成25年～27年) or be not known (2013～未定); an end
    before the start is not a year."""
    for j in range(1, len(compact)):
        if not compact[:j].endswith(_RANGE_MARKS):
            continue
        first, second = compact[:j], compact[j:]
        start = _one_year(first)
        if start[0] is None:
            continue
        if _is_unknown(second):
            return start
        end = _one_year(second)
        m = _DATE.match(first)
        if end[0] is None and m is not None and m["era"] and _ERALESS.match(second):
            end = _one_year(m["era"] + second)
        if end[0] is None:
            continue
        return start if end[0] >= start[0] else (None, "not-year", {})
    return None


def _one_year(compact: str) -> tuple[int | None, str, dict[str, object]]:
    """The year of one year or date (NFKC, spaces removed), as :func:`year_of` answers."""
    m = _DATE.fullmatch(compact)
    if m is None:
        return None, "not-year", {}
    if m["west"]:
        year = int(m["west"])
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            return None, "year-range", {"value": year}
    else:
        era = _ERA_INITIALS.get(m["era"].lower(), m["era"])
        base, last = ERAS[era]
        n = 1 if m["n"] == "元" else int(m["n"])
        if not 1 <= n <= last:
            return None, "year-era", {"era": era, "last": last}
        year = base + n
    if m["decade"] and (int(m["west"]) if m["west"] else n) % 10:
        return None, "not-year", {}  # 1985年代, 昭和45年代, 元年代
    if not _real_day(year, m["m1"] or m["m2"], m["d1"] or m["d2"]):
        return None, "not-year", {}
    return year, "", {}
