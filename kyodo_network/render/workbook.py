"""Write Excel workbooks in the template's layout to a file: ``kyodo template`` (blank) and a case filled in.

The workbook itself is made beside its reader, in :mod:`kyodo_network.casefile.workbook`; this is the door that
writes it (atomically, never onto an input).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..casefile.workbook import (
    sector_cell,
    sector_choices,
    template_bytes,
    type_cell,
    type_choices,  # noqa: F401
    visibility_choices,
    workbook_bytes,
)
from ..model import Case
from ._write import write_atomic

__all__ = [
    "write_template",
    "write_workbook",
    "sector_choices",
    "type_choices",
    "visibility_choices",
    "sector_cell",
    "type_cell",
]


def write_template(path: str | os.PathLike[str], lang: str = "ja") -> Path:
    """Write a blank workbook to fill in Excel: 地区, アクター, 関係, 協働事業 and 使い方 (English with ``en``).

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = write_template(Path(d) / "t.xlsx")
    ...     openpyxl.load_workbook(p).sheetnames
    ['地区', 'アクター', '関係', '協働事業', '使い方']
    """
    return write_atomic(path, template_bytes(lang))


def write_workbook(path: str | os.PathLike[str], data: Case | Mapping[str, Any] | None, lang: str = "ja") -> Path:
    """Write :func:`~kyodo_network.casefile.workbook.workbook_bytes` of ``data`` to ``path``."""
    return write_atomic(path, workbook_bytes(data, lang))
