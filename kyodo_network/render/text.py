"""Plain-text output: tables that line up with Japanese text, CSV for Excel, and JSON.

Widths are measured by :func:`kyodo_network.lang.display_width` (re-exported here), the one width rule.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..lang import display_width

__all__ = ["display_width", "clip", "format_table", "format_csv", "format_json"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}:{_cell(v)}" for k, v in value.items())
    return str(value).replace("\n", " ")


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def format_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[tuple[str, str]], *, max_width: int = 60) -> str:
    """Lay ``rows`` out as an aligned text table.

    ``columns`` is a sequence of ``(key, header)``; numbers are right-aligned; cells longer than ``max_width``
    columns are cut with ``…``.

    >>> print(format_table([{"name": "港南区役所", "n": 3}], [("name", "名前"), ("n", "n")]))
    名前        n
    ----------  -
    港南区役所  3
    """
    rows = list(rows)
    cells = [[clip(_cell(r.get(k)), max_width) for k, _ in columns] for r in rows]
    numeric = [
        all(isinstance(r.get(k), (int, float)) and not isinstance(r.get(k), bool) for r in rows if r.get(k) is not None)
        for k, _ in columns
    ]
    widths = [max([display_width(h)] + [display_width(c[i]) for c in cells]) for i, (_, h) in enumerate(columns)]
    lines = ["  ".join(_pad(h, w, False) for (_, h), w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for c in cells:
        lines.append("  ".join(_pad(v, w, n) for v, w, n in zip(c, widths, numeric)).rstrip())
    return "\n".join(lines)


def clip(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` terminal columns, ending in ``…`` when cut."""
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


#: Text starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value made safe for a spreadsheet: text that would start a formula gets a leading apostrophe.

    Numbers stay numbers (a negative number is not text), so only text from the data is changed.

    >>> csv_cell("=SUM(A1)"), csv_cell("-1 件"), csv_cell(-1), csv_cell("港南区")
    ("'=SUM(A1)", "'-1 件", -1, '港南区')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def format_csv(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, headers: Sequence[str] | None = None
) -> str:
    """CSV text with a header row (``headers``, else the keys ``columns``); lists are joined with ``; ``,
    mappings written as JSON."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers if headers is not None else columns)
    for r in rows:
        out = []
        for k in columns:
            v = r.get(k)
            if isinstance(v, Mapping):
                v = json.dumps(v, ensure_ascii=False)
            elif isinstance(v, (list, tuple)):
                v = "; ".join(json.dumps(x, ensure_ascii=False) if isinstance(x, Mapping) else str(x) for x in v)
            elif isinstance(v, bool):
                v = "true" if v else "false"
            out.append("" if v is None else csv_cell(v))
        writer.writerow(out)
    return buf.getvalue()


def format_json(data: Any) -> str:
    """Pretty JSON, UTF-8 text (not ``\\u`` escapes)."""
    return json.dumps(data, ensure_ascii=False, indent=2)
