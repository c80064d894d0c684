"""The interactive map: one self-contained HTML file that works offline (vis-network inlined, no CDN).

pyvis's template and ``write_html`` are not used: they link CDNs, create a
``lib/`` folder, write with the locale's encoding and insert some text unescaped. Here the page is a fixed
template; the map model goes in as JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&``
and U+2028/U+2029 escaped, and the page's script builds all text with ``textContent``. A Content Security
Policy allows only the two inline scripts (by hash) and no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from ..errors import KyodoError, Msg
from ._page import BODY, CSS, JS
from ._write import write_atomic

__all__ = ["html_from_model", "write_html_map", "index_html", "json_for_script", "VIS_VERSION"]

VIS_VERSION = "9.1.2"

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: ``</script>`` in a string cannot end the element.

    >>> json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, escaped in _ESCAPES.items():
        text = text.replace(ch, escaped)  # the escapes hold none of these characters
    return text


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS as shipped inside the pyvis package (read, never copied anywhere)."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KyodoError(Msg("error.no-pyvis"))
    folder = Path(list(spec.submodule_search_locations)[0]) / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        msg = f"cannot read vis-network {VIS_VERSION} from the pyvis package ({folder}): {err.strerror}"
        raise KyodoError(msg) from err
    if "</script" in js.lower() or "</style" in css.lower():
        raise KyodoError(f"the vis-network files in {folder} cannot be inlined safely")
    return js, css


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def html_from_model(model: Mapping) -> str:
    """The complete HTML page of a map model from :func:`~kyodo_network.render.mapmodel.map_model`.

    Examples
    --------
    >>> from kyodo_network import load_cases, graph_from_cases
    >>> from kyodo_network.render.mapmodel import map_model
    >>> page = html_from_model(map_model(graph_from_cases(load_cases(["dream-heights"]))))
    >>> page.startswith("<!DOCTYPE html>"), "<script src" in page, "<link" in page
    (True, False, False)
    """
    vis_js, vis_css = _vis_assets()
    lang = model["meta"].get("lang", "ja")
    csp = (
        "default-src 'none'; script-src "
        + _sha256(vis_js)
        + " "
        + _sha256(JS)
        + "; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
        "form-action 'none'; base-uri 'none'"
    )
    footer = (
        "kyodo-network · vis-network "
        + VIS_VERSION
        + " (Apache-2.0 / MIT) · "
        + ("offline map, no network access" if lang == "en" else "オフラインで表示できる地図（通信なし）")
    )
    return "".join(
        [
            "<!DOCTYPE html>\n",
            f'<html lang="{"en" if lang == "en" else "ja"}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{html.escape(model['meta']['title'])}</title>\n",
            "<style>\n",
            vis_css,
            "\n</style>\n<style>",
            CSS,
            "</style>\n</head>\n<body>\n",
            BODY,
            f"<footer>{html.escape(footer)}</footer>\n",
            '<script type="application/json" id="kyodo-data">',
            json_for_script(model),
            "</script>\n",
            "<script>",
            vis_js,
            "</script>\n",
            "<script>",
            JS,
            "</script>\n",
            "</body>\n</html>\n",
        ]
    )


def write_html_map(model: Mapping, path: str | os.PathLike[str]) -> Path:
    """Write the map page to ``path`` (UTF-8, atomically) and return the path. Creates no other file."""
    return write_atomic(path, html_from_model(model))


def index_html(entries: Iterable[Mapping[str, str]], *, lang: str = "ja") -> str:
    """A page linking maps: each entry has ``href`` (a file name next to the index), ``title`` and ``subtitle``.

    >>> "&lt;b&gt;" in index_html([{"href": "a.html", "title": "<b>", "subtitle": ""}])
    True
    """
    heading = {"ja": "協働ネットワーク図", "en": "Collaboration network maps"}.get(
        lang, "協働ネットワーク図 / Collaboration network maps"
    )
    items = []
    for e in entries:
        sub = f"<br><small>{html.escape(e.get('subtitle') or '')}</small>" if e.get("subtitle") else ""
        items.append(f'<li><a href="{html.escape(quote(e["href"]))}">{html.escape(e["title"])}</a>{sub}</li>')
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "ja"}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
            f"<title>{html.escape(heading)}</title>\n",
            '<style>body{font-family:"Noto Sans CJK JP","Hiragino Kaku Gothic ProN",Meiryo,sans-serif;'
            "margin:2em;line-height:1.6}li{margin:.6em 0}</style>\n</head>\n<body>\n",
            f"<h1>{html.escape(heading)}</h1>\n<ul>\n",
            "\n".join(items),
            "\n</ul>\n</body>\n</html>\n",
        ]
    )
