"""The one Japanese-font lookup for everything matplotlib draws (printable maps and comparison charts).

IPAexGothic, the font bundled in the ``matplotlib-fontja`` package, is preferred: its file is registered with
:mod:`matplotlib.font_manager` explicitly (the package is never imported, so nothing changes matplotlib's global
settings), so labels never turn into boxes whatever fonts the machine has. Without it, an installed Japanese
family is used where one is allowed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import KyodoError, Msg

__all__ = ["japanese_font_path", "japanese_font", "JAPANESE_FAMILIES"]

#: Installed families tried, in order, when matplotlib-fontja is missing.
JAPANESE_FAMILIES = (
    "IPAexGothic",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "IPAGothic",
    "TakaoGothic",
    "VL Gothic",
    "Hiragino Sans",
    "Yu Gothic",
    "MS Gothic",
)


def japanese_font_path() -> Path:
    """The IPAexGothic file shipped by ``matplotlib-fontja`` (found without importing that package)."""
    import importlib.util

    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        raise KyodoError(Msg("error.no-font-package"))
    path = Path(list(spec.submodule_search_locations)[0]) / "fonts" / "ipaexg.ttf"
    if not path.is_file():
        raise KyodoError(Msg("error.font-missing", (("path", str(path)),)))
    return path


@lru_cache(maxsize=2)
def japanese_font(*, installed_ok: bool = False) -> str | None:
    """The matplotlib family name of a Japanese font, registering matplotlib-fontja's file once.

    Without matplotlib-fontja: with ``installed_ok``, the first installed family of :data:`JAPANESE_FAMILIES`
    (``None`` when there is none); otherwise the :class:`KyodoError` of :func:`japanese_font_path`.
    """
    from matplotlib import font_manager

    try:
        path = str(japanese_font_path())
    except KyodoError:
        if not installed_ok:
            raise
        available = {f.name for f in font_manager.fontManager.ttflist}
        return next((f for f in JAPANESE_FAMILIES if f in available), None)
    if not any(f.fname == path for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()
