"""The layout of the spreadsheets kyodo reads and writes: sheet names, separators, how headings are compared, the
振り返り sheet.

Shared by :mod:`.sheets` (which reads workbooks and CSV) and :mod:`.workbook` (which writes the template), so that
the two never disagree; the columns themselves are the fields of :mod:`.fields`. No I/O here.
"""

from __future__ import annotations

import re

__all__ = [
    "Column",
    "Table",
    "TABLES",
    "DISTRICT_ROWS",
    "DISTRICT_SHEET",
    "HOWTO_SHEET",
    "VISIBILITY_WORDS",
    "LIST_SEPARATORS",
    "WRONG_SEPARATORS",
    "normalise",
    "split_list",
    "column_letter",
    "cell_name",
    "heading",
    "PRIVATE_MARKS",
]

from .fields import DISTRICT_ROWS, PRIVATE_MARKS, TABLES, Column, Table, heading, normalise  # noqa: E402,F401


DISTRICT_SHEET = ("地区", "District")
HOWTO_SHEET = ("使い方", "How to use")
#: ``kyodo export``'s sheet of computed numbers: never read back as a list.
ANALYSIS_SHEET = ("分析", "Analysis")

#: The template's 公開範囲 words and the YAML values they stand for.
VISIBILITY_WORDS: dict[str, str] = {
    "公開": "public",
    "内部": "internal",
    "非公開": "private",
    "public": "public",
    "internal": "internal",
    "private": "private",
}

#: Separators of a list inside a cell, and ones people type by mistake (read, but reported).
LIST_SEPARATORS = "、,，|｜"
WRONG_SEPARATORS = ";；\n"


def split_list(text: str, separators: str = LIST_SEPARATORS) -> list[str]:
    """The items of a list written in one cell, trimmed, empty ones dropped.

    >>> split_list("子育て、 見守り ,居場所|防犯")
    ['子育て', '見守り', '居場所', '防犯']
    """
    return [part.strip() for part in re.split(f"[{re.escape(separators)}]", text) if part.strip()]


def column_letter(col: int) -> str:
    """Excel's letters for a column number: ``column_letter(28) == 'AB'``."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """``B12`` for row 12, column 2."""
    return f"{column_letter(col)}{row}"


# --- the 振り返り (review) sheet: one column per participating side -----------------------------------------------
#
#   事業    | <project id or name>
#   年度    | 2024
#   時点    | 振り返り
#   項目ID  | 項目            | <side 1 name> | <side 2 name> | …     ← the header row
#   equality| 対等 …          | 3             | 2
#   …
#   コメント |                 | <comment>     | <comment>
#
# Every sheet whose name begins with 振り返り (or Review) is read; each side's column becomes one review.

REVIEW_SHEET = ("振り返り", "Review")
#: Rows above the header: (YAML key, ja, en, aliases).
REVIEW_META: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("project", "事業", "Project", ("協働事業", "事業名", "project")),
    ("year", "年度", "Year", ("年", "year")),
    ("moment", "時点", "Moment", ("moment",)),
)
#: The first cell of the header row, and of the comment row.
REVIEW_ITEM_HEADER = ("項目ID", "Item ID", ("id", "itemid"))
REVIEW_LABEL_HEADER = ("項目", "Item")
REVIEW_COMMENT = ("コメント", "Comment", ("comment", "感想"))


def is_review_sheet(name: str) -> bool:
    """True for a sheet named 振り返り…, or Review… (compared loosely).

    >>> is_review_sheet("振り返り 2024"), is_review_sheet("アクター")
    (True, False)
    """
    return any(normalise(name).startswith(normalise(n)) for n in REVIEW_SHEET)
