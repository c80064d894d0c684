"""Every file the tool writes goes out through one door: one table of output kinds, one rule for default names,
one reading of ``-o``.

The kinds, their formats and the file name endings each format is written to (the first is used in default
names; the longest ending that fits is how a name tells its format):

| kind | word in names | formats (endings) | default |
|---|---|---|---|
| ``map`` | ``map`` | html (.html .htm), png, svg, pdf | html |
| ``map-index`` | ``maps`` | html | html |
| ``report`` | ``report`` | html (.html .htm), pdf | html |
| ``report-index`` | ``index`` | html (.html .htm), pdf | html |
| ``export`` | ``network`` | graphml, gexf, json, csv, xlsx, kumu (.kumu.json .json) | (must be said) |
| ``chart`` | ``compare`` | png, svg, html (.html .htm) | png |
| ``review-chart`` | ``review`` | png, svg | png |
| ``review-sheet`` | ``review-sheet`` | pdf, html (.html .htm), xlsx | pdf |
| ``handover`` | ``handover`` | html (.html .htm) | html |
| ``seating`` | ``seating`` | pdf, xlsx, html (.html .htm) | pdf |

**Default names** (:func:`output_name`): the case names, the kind's word, then one part per option that changes
what is drawn, always in this order::

    <cases>-<word>[-<about>][-projects][-<year>][-<sector>+<sector>][-depth<K>][-focus-<id>][-a3][-public][-en|-ja+en].<ending>

``nippa-map.html``, ``nippa-map-en.html``, ``nippa-map-2005-depth2-focus-nippa-council.html``,
``nippa-report-public.html``, ``nippa_akuwa-north-index.html``. ``<cases>`` is the CASE names as given
(a file's name without its ending), joined by ``_``; more than three, or more than 60 bytes, become the first
name, ``-and-<N>-more`` and a short hash of all of them (``d001-and-47-more-1a9ef5``), so a city of 253 files
still has a short name. With no CASE (every bundled district) the name starts with the kind's word: the index of
a report run over every district is ``index.html``, of a map run ``maps.html``. A name is never longer than
:data:`NAME_MAX` bytes: a longer one is cut and ends in a hash of the whole.

So a map, a report and an export never share a name (their words differ), a report run and a map run never
replace each other's index (``index`` and ``maps``), and two runs that differ in language, year, view, sectors,
focus, depth, paper or ``--public`` never replace each other's files. A report writes its district's
interactive map under the same name ``kyodo map`` gives it (one map per district in the folder, the same bytes).

**``-o``** (:func:`resolve_output`): nothing means the folder ``outputs/``; a name ending in ``/``, an existing
folder or a name with no ending is a folder (the default name goes inside it); anything else is the file to
write, and its ending must be one of the format's, else the run is refused before anything is read or written
(:class:`OutputPathError`, a usage mistake: exit 2). Outputs never land on an input file
(:func:`~kyodo_network.render._write.check_targets`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KyodoError, Msg

__all__ = [
    "OutputKind",
    "KINDS",
    "NAME_MAX",
    "OutputPathError",
    "output_name",
    "output_format",
    "resolve_output",
    "format_from_path",
    "is_folder",
    "suffix_of",
    "safe_stem",
    "file_stems",
    "DEFAULT_FOLDER",
]

#: Where outputs go when ``-o`` is not given.
DEFAULT_FOLDER = "outputs"
#: The longest default name in bytes (file systems allow 255; the folder's path comes on top).
NAME_MAX = 100
#: Case names joined into a default name, at most this many and :data:`_JOINED_BYTES` bytes.
_JOINED_MAX = 3
_JOINED_BYTES = 60


@dataclass(frozen=True)
class OutputKind:
    """One kind of output: the word its default names carry, its formats with their endings, its default format.

    ``formats`` maps a format to its endings, the first used in default names; ``default`` is the format when
    neither ``--format`` nor a name's ending says (``None``: one of them must).
    """

    id: str
    word: str
    formats: Mapping[str, tuple[str, ...]]
    default: str | None

    def suffixes(self, fmt: str | None = None) -> tuple[str, ...]:
        """The endings of ``fmt`` (or of every format), in table order."""
        if fmt is not None:
            return self.formats[fmt]
        return tuple(dict.fromkeys(s for ss in self.formats.values() for s in ss))


_HTML = (".html", ".htm")


def _kind(id: str, word: str, default: str | None, **formats: tuple[str, ...]) -> OutputKind:
    return OutputKind(id, word, formats, default)


#: The one table of output kinds (see the module docstring).
KINDS: dict[str, OutputKind] = {
    k.id: k
    for k in (
        _kind("map", "map", "html", html=_HTML, png=(".png",), svg=(".svg",), pdf=(".pdf",)),
        _kind("map-index", "maps", "html", html=_HTML),
        _kind("report", "report", "html", html=_HTML, pdf=(".pdf",)),
        _kind("report-index", "index", "html", html=_HTML, pdf=(".pdf",)),
        _kind(
            "export",
            "network",
            None,
            graphml=(".graphml",),
            gexf=(".gexf",),
            json=(".json",),
            csv=(".csv",),
            xlsx=(".xlsx",),
            kumu=(".kumu.json", ".json"),
        ),
        _kind("chart", "compare", "png", png=(".png",), svg=(".svg",), html=_HTML),
        _kind("review-chart", "review", "png", png=(".png",), svg=(".svg",)),
        _kind("review-sheet", "review-sheet", "pdf", pdf=(".pdf",), html=_HTML, xlsx=(".xlsx",)),
        _kind("handover", "handover", "html", html=_HTML),
        _kind("seating", "seating", "pdf", pdf=(".pdf",), xlsx=(".xlsx",), html=_HTML),
    )
}


class OutputPathError(KyodoError, ValueError):
    """``-o`` names a file whose ending does not fit the output's format: a usage mistake (the CLI exits 2)."""


def _get(kind: str | OutputKind) -> OutputKind:
    if isinstance(kind, OutputKind):
        return kind
    try:
        return KINDS[kind]
    except KeyError:
        raise KyodoError(f"unknown output kind '{kind}'; use one of {', '.join(KINDS)}") from None


def suffix_of(kind: str | OutputKind, fmt: str) -> str:
    """The ending a default name of ``kind`` in ``fmt`` gets.

    >>> suffix_of("export", "kumu"), suffix_of("map", "html")
    ('.kumu.json', '.html')
    """
    k = _get(kind)
    if fmt not in k.formats:
        raise KyodoError(f"unknown {k.id} format '{fmt}'; use one of {', '.join(k.formats)}")
    return k.formats[fmt][0]


def format_from_path(path: str | os.PathLike[str], kind: str | OutputKind) -> str | None:
    """The format of ``kind`` a file name's ending means (the longest ending that fits), or ``None``.

    >>> format_from_path("a/NIPPA.GEXF", "export"), format_from_path("n.kumu.json", "export")
    ('gexf', 'kumu')
    >>> format_from_path("n.json", "export"), format_from_path("x.jpg", "map")
    ('json', None)
    """
    name = Path(path).name.lower()
    pairs = [(s, f) for f, ss in _get(kind).formats.items() for s in ss]
    return next((f for s, f in sorted(pairs, key=lambda p: -len(p[0])) if name.endswith(s)), None)


def is_folder(output: str | os.PathLike[str]) -> bool:
    """Whether ``-o output`` names a folder: it ends in ``/``, is an existing folder, or has no ending.

    >>> is_folder("out/"), is_folder("out"), is_folder("map.html"), is_folder("v1.2")
    (True, True, False, False)
    """
    raw = os.fspath(output)
    if raw.endswith(("/", os.sep)) or Path(raw).is_dir():
        return True
    return not Path(raw).suffix


def _refuse(code: str, **fields: object) -> OutputPathError:
    return OutputPathError(Msg(code, tuple(fields.items())))


def output_format(output: str | os.PathLike[str] | None, kind: str | OutputKind, fmt: str | None = None) -> str:
    """The format an output is written in: ``fmt`` if given, else the one the name's ending means, else the kind's
    default; a name whose ending does not fit is refused.

    Raises
    ------
    OutputPathError
        When ``output`` names a file whose ending is not one of the format's (or of any format of ``kind`` when
        ``fmt`` is not given), or when neither ``fmt`` nor a file name tells the format of a kind without default.

    Examples
    --------
    >>> output_format(None, "map"), output_format("x.pdf", "report"), output_format("out/", "map", "png")
    ('html', 'pdf', 'png')
    >>> try:
    ...     output_format("x.jpg", "map")
    ... except OutputPathError as err:
    ...     print(err.message("en"))
    cannot tell the map's format from x.jpg: end the name in one of .html, .htm, .png, .svg, .pdf (or, for a folder, in /)
    """
    k = _get(kind)
    if fmt is not None and fmt not in k.formats:
        raise KyodoError(f"unknown {k.id} format '{fmt}'; use one of {', '.join(k.formats)}")
    word = Msg(f"files.kind.{k.id}")
    if output is None or is_folder(output):
        if fmt is None and k.default is None:
            raise _refuse(
                "files.needs-format",
                path=os.fspath(output or DEFAULT_FOLDER + "/"),
                kind=word,
                formats="|".join(k.formats),
            )
        return fmt or k.default  # type: ignore[return-value]
    name = Path(output).name.lower()
    if fmt is not None:
        if not name.endswith(k.formats[fmt]):
            raise _refuse(
                "files.wrong-suffix", path=os.fspath(output), kind=word, fmt=fmt, suffixes=", ".join(k.formats[fmt])
            )
        return fmt
    found = format_from_path(output, k)
    if found is None:
        raise _refuse("files.unknown-suffix", path=os.fspath(output), kind=word, suffixes=", ".join(k.suffixes()))
    return found


def resolve_output(
    output: str | os.PathLike[str] | None,
    kind: str | OutputKind,
    fmt: str | None,
    default_name: str | Callable[[str], str],
    *,
    folder: str | os.PathLike[str] = DEFAULT_FOLDER,
) -> Path:
    """The file an output goes to: ``output`` itself, or ``default_name`` inside the folder ``output`` names (or
    inside ``folder`` when ``output`` is ``None``).

    ``default_name`` may be a function of the format (``lambda fmt: output_name(...)``). The ending of a file
    named by ``output`` is checked as :func:`output_format` does.

    >>> str(resolve_output(None, "map", "html", "nippa-map.html")), str(resolve_output("out", "map", None, "m.html"))
    ('outputs/nippa-map.html', 'out/m.html')
    >>> str(resolve_output("handout.pdf", "report", None, "x"))
    'handout.pdf'
    """
    fmt = output_format(output, kind, fmt)
    if output is not None and not is_folder(output):
        return Path(output)
    name = default_name(fmt) if callable(default_name) else default_name
    return Path(folder if output is None else output) / name


# --- default names ----------------------------------------------------------------------------------------------

#: Anything but a letter, a digit (any script: 港南, ＡＢ, ①), ``_``, ``-``, ``.`` or 「・」 becomes ``_``.
_UNSAFE = re.compile(r"[^\w.\-・]+")
#: The longest stem made from data, in bytes (a longer one is cut and ends in a hash of the whole).
STEM_MAX = 60
#: Names Windows keeps for devices, whatever their ending (``con.html`` cannot be made there).
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})


def safe_stem(text: object, *, limit: int = STEM_MAX) -> str:
    """A part of a file name made from data (an id, a case name, an option) that stays in its folder.

    Only letters and digits (of any script, so 港南台 and ＡＢ stay), ``-``, ``_``, ``.`` and 「・」 are kept;
    every other run of characters (``/``, ``\\``, ``:``, spaces, control characters …) becomes one ``_``; runs of
    dots become one, and dots, ``-`` and ``_`` are taken off both ends, so a stem is never ``..``, never hidden
    and never starts like an option. A stem longer than ``limit`` bytes is cut (never inside a character) and
    ends in a hash of the whole text, so two long texts keep two names; when nothing is left the stem is that
    hash. A name Windows keeps for a device (``con``, ``nul``, ``com1``) gets a ``_`` after it.

    >>> safe_stem("nippa-council"), safe_stem("/../../../victim/index"), safe_stem("港南台 地区")
    ('nippa-council', 'victim_index', '港南台_地区')
    >>> safe_stem("../.."), safe_stem(".bashrc"), safe_stem("con")
    ('0cfd1c96', 'bashrc', 'con_')
    >>> len(safe_stem("長" * 500).encode()) <= STEM_MAX
    True
    """
    raw = str(text)
    stem = _UNSAFE.sub("_", raw)
    stem = re.sub(r"\.{2,}", ".", stem)
    stem = re.sub(r"_*\._*", lambda m: "." if m.group(0) == "." else "_", stem)  # no "_._" mazes left by "/../"
    stem = re.sub(r"_{2,}", "_", stem).strip("._-")
    if not stem:
        return _hash([raw], 8)
    if len(stem.encode("utf-8", "surrogatepass")) > limit:
        stem = f"{_clip(stem, max(limit - 9, 1)).rstrip('._-')}-{_hash([raw], 8)}"
    if stem.split(".")[0].upper() in _DEVICES:
        stem += "_"
    return stem


def file_stems(ids: Iterable[object], *, limit: int = STEM_MAX) -> dict[object, str]:
    """A distinct :func:`safe_stem` for each id, for files named after data (one map per district): two ids
    whose stems would be the same, or the same but for case (one file on macOS and Windows), both get a hash of
    their own id after the stem.

    >>> file_stems(["d1", "a/b", "a_b", "A_B"])
    {'d1': 'd1', 'a/b': 'a_b-c14cddc0', 'a_b': 'a_b-648fa9b3', 'A_B': 'A_B-6c1908f9'}
    """
    ids = list(dict.fromkeys(ids))
    stems = {i: safe_stem(i, limit=limit) for i in ids}
    seen: dict[str, int] = {}
    for stem in stems.values():
        seen[stem.casefold()] = seen.get(stem.casefold(), 0) + 1
    return {
        i: s if seen[s.casefold()] == 1 else f"{_clip(s, max(limit - 9, 1))}-{_hash([str(i)], 8)}"
        for i, s in stems.items()
    }


def _safe(part: object) -> str:
    """A name part with nothing a file system refuses or a shell trips on: :func:`safe_stem`."""
    return safe_stem(part)


def _hash(parts: Iterable[str], n: int = 6) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:n]


def _stems(source: Any) -> list[str]:
    from ..load import case_stem

    files = source.graph.get("files", ()) if hasattr(source, "graph") else (source or ())
    if isinstance(files, (str, os.PathLike)):
        files = [files]
    return [_safe(case_stem(f)) for f in files]


def _cases_part(stems: Sequence[str]) -> str:
    """Case names joined by ``_``; many or long ones as ``<first>-and-<N>-more-<hash>``.

    >>> _cases_part(["nippa", "akuwa-north"]), _cases_part([f"d{i:03d}" for i in range(1, 49)])
    ('nippa_akuwa-north', 'd001-and-47-more-1a9ef5')
    """
    joined = "_".join(stems)
    if len(stems) <= _JOINED_MAX and len(joined.encode("utf-8", "surrogatepass")) <= _JOINED_BYTES:
        return joined
    return f"{_clip(stems[0], 40)}-and-{len(stems) - 1}-more-{_hash(stems)}"


def _clip(s: str, limit: int) -> str:
    """``s`` cut to at most ``limit`` UTF-8 bytes, never inside a character."""
    raw = s.encode("utf-8", "surrogatepass")
    return s if len(raw) <= limit else raw[:limit].decode("utf-8", "ignore")


def output_name(
    source: Any,
    kind: str | OutputKind,
    fmt: str | None = None,
    *,
    lang: str = "ja",
    year: int | None = None,
    view: str | None = None,
    sectors: Iterable[str] | None = None,
    depth: int | None = None,
    focus: str | None = None,
    about: str | None = None,
    paper: str | None = None,
    public: bool | None = None,
) -> str:
    """The default file name of an output (the rule is in the module docstring).

    Parameters
    ----------
    source
        The network (a graph: its case files, ``year``, ``view`` and ``public`` stamps are read), or the CASE
        names as given (an empty sequence or ``None``: every bundled district, the name starts with the word).
    kind, fmt
        A kind of :data:`KINDS` and one of its formats (its default when ``None``).
    lang
        ``ja`` adds nothing, ``en`` adds ``-en``, ``both`` adds ``-ja+en``.
    year, view, public
        Override the graph's stamps (or give them with CASE names).
    sectors, depth, focus, about, paper
        The map's ``--sector``, ``--depth`` (added only above 1, with a focus), ``--focus`` (the id as the
        output shows it: pass the public id with ``--public``), what a hand-over sheet or a check sheet is about
        (a person's or project's id) and ``--paper`` (added when not ``a4``).

    Examples
    --------
    >>> output_name(["nippa"], "map"), output_name(["nippa"], "map", lang="en")
    ('nippa-map.html', 'nippa-map-en.html')
    >>> output_name(["datasets/nippa.yaml"], "map", year=2005, depth=2, focus="nippa-council")
    'nippa-map-2005-depth2-focus-nippa-council.html'
    >>> output_name(["nippa"], "report", "pdf", public=True), output_name([], "report-index")
    ('nippa-report-public.pdf', 'index.html')
    >>> len(output_name([f"city/d{i:03d}.yaml" for i in range(253)], "map").encode()) <= NAME_MAX
    True
    """
    k = _get(kind)
    fmt = fmt or k.default
    if fmt is None:
        raise KyodoError(f"a {k.id} needs a format: one of {', '.join(k.formats)}")
    graph = getattr(source, "graph", None)
    if graph is not None:
        year = graph.get("year") if year is None else year
        view = graph.get("view") if view is None else view
        public = bool(graph.get("public")) if public is None else public
    stems = _stems(source)
    parts = [_cases_part(stems)] if stems else []
    parts.append(k.word)
    if about:
        parts.append(_safe(about))
    if view and view != "actors":
        parts.append(_safe(view))
    if year is not None:
        parts.append(str(year))
    if sectors:
        parts.append("+".join(_safe(s) for s in sorted(set(sectors))))
    if focus is not None and depth is not None and depth > 1:
        parts.append(f"depth{depth}")
    if focus is not None:
        parts.append(f"focus-{_safe(focus)}")
    if paper and paper != "a4":
        parts.append(_safe(paper))
    if public:
        parts.append("public")
    if lang and lang != "ja":
        parts.append("ja+en" if lang == "both" else _safe(lang))
    body, suffix = "-".join(parts), suffix_of(k, fmt)
    if len((body + suffix).encode("utf-8", "surrogatepass")) > NAME_MAX:
        body = f"{_clip(body, NAME_MAX - len(suffix) - 9)}-{_hash([body], 8)}"
    return body + suffix
