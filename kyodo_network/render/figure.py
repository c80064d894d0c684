"""The one figure saver: a matplotlib figure as PNG, SVG or PDF bytes, or written to a file.

Printable maps, the city overview, the comparison chart, the review chart and the check sheet are all saved here
(osmnx's ``_save_and_show`` is the model), so they share one set of promises: text in an SVG is drawn as paths
(no font needed to view it), the Japanese font is embedded in a PDF as TrueType (``pdf.fonttype`` 42), and no
date, software name or random id goes in, so the same drawing always gives the same bytes. Matplotlib's global
settings are left as they were.

Text is text: every string on a figure is drawn as it is written, never as mathtext or TeX, so a title
「会費 $1_000 と $2_000」 shows its dollars and underscores (every text artist is set ``parse_math=False`` before
saving, and ``text.parse_math`` is off while saving, for tick labels made then). Matplotlib's own line wrapping
(``wrap=True``) measures a part of a line with two ``$`` as mathtext whatever ``parse_math`` says, and fails on
it: wrap text before it is put on a figure (a text with ``$`` is drawn unwrapped rather than not at all).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from ..errors import KyodoError

__all__ = ["FIGURE_FORMATS", "figure_bytes", "write_figure", "literal_text"]

#: The formats a figure is saved in.
FIGURE_FORMATS = ("png", "svg", "pdf")
#: Settings in force while a figure is saved.
SAVE_RC = {
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "svg.hashsalt": "kyodo",
    "text.parse_math": False,
    "text.usetex": False,
}
_METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}


def figure_bytes(fig: Any, fmt: str = "png", *, dpi: float | None = None, title: str | None = None) -> bytes:
    """``fig`` (a :class:`matplotlib.figure.Figure`) saved as ``fmt`` (``png``, ``svg`` or ``pdf``).

    ``dpi`` defaults to the figure's own; ``title`` goes into the PDF's or SVG's metadata.

    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(1, 1)); _ = fig.text(0.5, 0.5, "kyodo")
    >>> figure_bytes(fig, "svg") == figure_bytes(fig, "svg"), figure_bytes(fig, "pdf")[:5]
    (True, b'%PDF-')
    """
    if fmt not in FIGURE_FORMATS:
        raise KyodoError(f"unknown figure format '{fmt}'; use one of {', '.join(FIGURE_FORMATS)}")
    from matplotlib import rc_context

    meta: dict[str, Any] = dict(_METADATA[fmt])
    if title and fmt in ("pdf", "svg"):
        meta["Title"] = title
    literal_text(fig)
    buf = io.BytesIO()
    with rc_context(SAVE_RC):
        fig.savefig(buf, format=fmt, dpi="figure" if dpi is None else dpi, metadata=meta)
    return buf.getvalue()


def literal_text(fig: Any) -> None:
    """Make every text on ``fig`` draw as written: no mathtext, no TeX, and no matplotlib wrapping of a text
    that holds a ``$`` (matplotlib measures a part with two of them as mathtext, and fails).

    >>> from matplotlib.figure import Figure
    >>> fig = Figure(); t = fig.text(0, 0, "$5 per #1, $10 per #2", wrap=True); literal_text(fig)
    >>> t.get_parse_math(), t.get_wrap()
    (False, False)
    """
    from matplotlib.text import Text

    for t in fig.findobj(Text):
        t.set_parse_math(False)
        t.set_usetex(False)
        if t.get_wrap() and "$" in t.get_text():  # its parts are measured as mathtext (a matplotlib bug)
            t.set_wrap(False)


def write_figure(
    fig: Any,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    dpi: float | None = None,
    title: str | None = None,
) -> Path:
    """Save ``fig`` to ``path`` atomically, in ``fmt`` or the format its ending names; return the path."""
    from ._write import check_targets, write_atomic

    check_targets([path])
    fmt = fmt or Path(path).suffix.lstrip(".").lower()
    return write_atomic(path, figure_bytes(fig, fmt, dpi=dpi, title=title))
