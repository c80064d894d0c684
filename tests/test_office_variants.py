"""The unseen user: 26 more files as Japanese offices and community groups keep them (:mod:`tests.office_variants`),
each read as it is, and compared with what a careful person reading it would say.

For a file the tool should read: ``kyodo validate`` exits 0 and says what it understood, in Japanese; the
network holds every actor once (by its full name) with its 種別 word as written, every tie, the years, the
district's name; nothing that is not an actor (a heading, a respondent, a dissolved group) becomes one; persons
are persons; ``kyodo map`` draws it and ``--public`` leaves out phone numbers, e-mail addresses and persons.

For a file nothing can be read from: exit 1, a Japanese message that names the file (and the line, for YAML),
says what to do, and no traceback — from ``validate`` and ``map`` alike, and a :class:`CaseDataError` (never
another exception) from the library.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from kyodo_network.cli import cli
from kyodo_network.errors import CaseDataError

from office_variants import BUILDERS, Variant

KINDS = list(BUILDERS)
JAPANESE = re.compile(r"[\u3041-\u309f]")  # hiragana: a sentence, not just a name


@pytest.fixture(scope="module", params=KINDS)
def built(request, tmp_path_factory) -> Variant:
    return BUILDERS[request.param](tmp_path_factory.mktemp(request.param))


def _norm(text: object) -> str:
    """A name as a person compares it: full and half width alike, runs of spaces as one."""
    return " ".join(unicodedata.normalize("NFKC", str(text)).split())


def _said(result) -> str:
    return result.stdout + result.stderr


def _no_traceback(result) -> None:
    said = _said(result)
    assert "Traceback" not in said, said
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}\n{said}"
    )


def _graph(v: Variant):
    """The network of a file, or a skip when the file may be refused and was (the refusal is tested apart)."""
    from kyodo_network.graph import graph_from_cases
    from kyodo_network.load import load_cases

    if v.outcome == "refuse":
        pytest.skip("nothing to read in this file: see test_refused_files_raise_only_case_data_errors")
    try:
        return graph_from_cases(load_cases([v.path]))
    except CaseDataError as err:
        if v.outcome == "either":
            pytest.skip(f"refused (acceptable for this file): {err.problems[0]}")
        raise


def _by_name(G) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n, d in G.nodes(data=True):
        if d.get("kind", "actor") == "actor" and d.get("bipartite") != 1:
            out.setdefault(_norm(d.get("name")), []).append(n)
    return out


def _needs(v: Variant, what: str) -> None:
    if not getattr(v, what):
        pytest.skip(f"the file states no {what}")


# ---- the builders (a failure here is a bug in the fixture, not in the tool) ------------------------------------


def test_each_file_is_written(built):
    assert built.path.is_file()
    assert built.outcome in ("read", "refuse", "either")
    assert built.human


# ---- kyodo validate: exit code, Japanese, where and what to do, no traceback -----------------------------------


def test_validate(runner, built):
    result = runner.invoke(cli, ["validate", str(built.path)])
    said = _said(result)
    _no_traceback(result)
    assert JAPANESE.search(said), f"no Japanese sentence:\n{said}"
    if built.outcome == "read":
        assert result.exit_code == 0, f"refused a file a person can read ({built.human}):\n{said}"
    elif built.outcome == "refuse":
        assert result.exit_code == 1, said
    else:
        assert result.exit_code in (0, 1), said
    missing = [w for w in built.said if w not in said]
    assert not missing, f"not said: {missing}\n{said}"
    if result.exit_code == 1:
        assert built.path.name in said, f"the file is not named:\n{said}"
        message = said.replace(built.path.name, "")  # the file's own name does not count as advice
        assert any(w in message for w in built.advice), f"says nothing of what to do ({built.advice}):\n{said}"


#: Field keys of the YAML format: a Japanese message quoting one (「since」) speaks the tool's language, not the
#: coordinator's, who wrote 設立 or Strength.
ENGLISH_KEYS = re.compile(r"「(name|sector|since|until|weight|from|to|type|partners|contact|themes)」")


def test_messages_speak_the_files_own_words(runner, built):
    said = _said(runner.invoke(cli, ["validate", str(built.path)]))
    quoted = sorted(set(ENGLISH_KEYS.findall(said)))
    assert not quoted, f"the Japanese messages quote internal keys {quoted}:\n{said}"


def test_csv_places_are_line_and_column(runner, built):
    if built.path.suffix.lower() != ".csv":
        pytest.skip("not a CSV file")
    said = _said(runner.invoke(cli, ["validate", str(built.path)]))
    name = re.escape(built.path.name)
    odd = [line for line in said.splitlines() if re.search(name + r"[:!].*" + name, line) or ".csv!" in line]
    assert not odd, (
        f"{len(odd)} lines place a CSV cell as file.csv:file.csv!F4 instead of file.csv:line:col:\n"
        + "\n".join(odd[:5])
    )


def test_refused_files_raise_only_case_data_errors(built):
    from kyodo_network.load import load_cases

    if built.outcome == "read":
        pytest.skip("a file to read")
    try:
        load_cases([built.path])
    except CaseDataError as err:
        assert err.problems
        return
    assert built.outcome == "either", "a file nothing can be read from was read"


# ---- the network the file describes ----------------------------------------------------------------------------


def test_every_actor_once(built):
    G = _graph(built)
    by_name = _by_name(G)
    wrong = {n: by_name.get(_norm(n), []) for n in sorted(built.actors) if len(by_name.get(_norm(n), [])) != 1}
    assert not wrong, (
        f"{len(wrong)} of {len(built.actors)} actors not exactly one node: {wrong}\nnodes: {sorted(by_name)}"
    )


def test_nothing_else_becomes_an_actor(built):
    G = _graph(built)
    by_name = _by_name(G)
    wrong = sorted(n for n in built.not_actors if _norm(n) in by_name)
    assert not wrong, f"made actors of {wrong}"
    extra = sorted(set(by_name) - {_norm(n) for n in built.actors})
    assert not extra, f"actors the file does not name: {extra}"


def test_categories_as_written(built):
    _needs(built, "categories")
    G = _graph(built)
    by_name = _by_name(G)
    wrong = {}
    for name, word in built.categories.items():
        ids = by_name.get(_norm(name), [])
        got = G.nodes[ids[0]].get("category") if len(ids) == 1 else "(no single node)"
        if _norm(got or "") != _norm(word):
            wrong[name] = (word, got)
    assert not wrong, f"{len(wrong)} of {len(built.categories)} 種別 not as written (expected, got): {wrong}"


def test_every_tie(built):
    _needs(built, "ties")
    G = _graph(built)
    by_name = _by_name(G)

    def joined(u: str, v: str) -> bool:
        return any(
            G.has_edge(a, b) or G.has_edge(b, a) for a in by_name.get(_norm(u), []) for b in by_name.get(_norm(v), [])
        )

    missing = sorted(tuple(sorted(t)) for t in built.ties if not joined(*t))
    assert not missing, f"{len(missing)} of {len(built.ties)} ties missing: {missing}"


def test_years(built, runner):
    if not built.years and not built.guessed_years:
        pytest.skip("the file states no years")
    G = _graph(built)
    by_name = _by_name(G)

    def since(name: str):
        ids = by_name.get(_norm(name), [])
        return G.nodes[ids[0]].get("since") if len(ids) == 1 else "(no single node)"

    wrong = {n: (y, since(n)) for n, y in built.years.items() if since(n) != y}
    said = _said(runner.invoke(cli, ["validate", str(built.path)]))
    for name, (year, cell) in built.guessed_years.items():
        got = since(name)
        if got != year and not (got is None and cell in said):
            wrong[name] = (f"{year} (or no year, with a note on 「{cell}」)", got)
    assert not wrong, f"{len(wrong)} years wrong (expected, got): {wrong}"


def test_district_name(built):
    _needs(built, "district")
    G = _graph(built)
    got = G.graph["districts"][0]["name"]
    assert got in built.district, f"district named {got!r}, a person would say {sorted(built.district)}"


def test_persons_are_persons(built):
    _needs(built, "persons")
    G = _graph(built)
    by_name = _by_name(G)
    got = {n: [G.nodes[i]["sector"] for i in by_name.get(_norm(n), [])] for n in sorted(built.persons)}
    assert got == {n: ["person"] for n in sorted(built.persons)}


# ---- one command each -------------------------------------------------------------------------------------------


def test_map(runner, built, tmp_path):
    out = tmp_path / "tmp" / "x.html"
    result = runner.invoke(cli, ["map", str(built.path), "-o", str(out)])
    said = _said(result)
    _no_traceback(result)
    if built.outcome == "read":
        assert result.exit_code == 0, said
    elif built.outcome == "refuse":
        assert result.exit_code == 1, said
    if result.exit_code == 0:
        assert out.is_file() and out.stat().st_size > 0
    else:
        assert JAPANESE.search(said) and built.path.name in said, said


def test_public_map_hides_contacts_and_persons(runner, built, tmp_path):
    hidden = [*built.private_texts, *sorted(built.persons)]
    if not hidden:
        pytest.skip("no contacts or persons in the file")
    _graph(built)
    out = tmp_path / "pub" / "x.html"
    result = runner.invoke(cli, ["map", str(built.path), "--public", "-o", str(out)])
    assert result.exit_code == 0, _said(result)
    html = out.read_text(encoding="utf-8")
    shown = [t for t in hidden if t in html]
    assert not shown, f"--public map shows {shown}"
