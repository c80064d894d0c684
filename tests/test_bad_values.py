"""Whatever a file holds, the outcome is a valid case or located problems: never a traceback (issue 10, item 2).

Each value below once crashed the loader (or would, with the C parser). Both PyYAML parsers — libyaml's and
the pure-Python one — give the same problems at the same places.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kyodo_network import CaseDataError, load_cases
from kyodo_network.casefile import yaml as _yaml
from kyodo_network.cli import cli
from kyodo_network.errors import shown

MISTAKES = Path(__file__).parent / "data" / "mistakes"
HEAD = "format: kyodo-case/1\ndistrict:\n  name: 値の例\nactors:\n  - name: A会\n    sector: npo\n"


@pytest.fixture(params=["libyaml", "python"])
def parser(request, monkeypatch):
    if request.param == "libyaml":
        if not _yaml.FAST:
            pytest.skip("PyYAML without libyaml")
    else:
        monkeypatch.setattr(_yaml, "_Loader", yaml.SafeLoader)
    return request.param


def problems(tmp_path: Path, text: str) -> list:
    (tmp_path / "v.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(CaseDataError) as info:
        load_cases([tmp_path / "v.yaml"])
    return [(p.line, p.col, p.code) for p in info.value.problems]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("    since: 2010-02-30", (7, 12, "bad-scalar"), id="impossible-date"),
        pytest.param("    since: !!timestamp yesterday", (7, 12, "bad-scalar"), id="bad-timestamp"),
        pytest.param("    inferred: !!bool maybe", (7, 15, "bad-scalar"), id="bad-bool"),
        pytest.param("    since: !!int 2x", (7, 12, "bad-scalar"), id="bad-int"),
        pytest.param("    since: !!float x", (7, 12, "bad-scalar"), id="bad-float"),
        pytest.param("    since: " + "9" * 5000, (7, 12, "bad-scalar"), id="5000-digits"),
        pytest.param("    since: " + "9" * 4000, (7, 12, "bad-year"), id="4000-digits"),
        pytest.param("    since: ①⑨⑨⑤", (7, 12, "bad-year"), id="circled-digits"),
        pytest.param("    since: 2013²", (7, 12, "bad-year"), id="superscript-digit"),
        pytest.param("    since: ٢٠١٣", (7, 12, "bad-year"), id="arabic-indic-digits"),
        pytest.param("    weight: ①", (0, 0, ""), id="circled-weight-is-not-an-actor-field"),
        pytest.param("    note: !custom x", (7, 11, "bad-tag"), id="custom-tag"),
    ],
)
def test_each_bad_value_is_a_located_problem(tmp_path, parser, line, expected):
    if expected == (0, 0, ""):
        assert (7, 5, "unknown-field") in problems(tmp_path, HEAD + line + "\n")
        return
    text = HEAD + line + "\n"
    if expected[2] in ("missing-field",):
        text = HEAD.replace("    sector: npo\n", "") + line + "\n"
    found = problems(tmp_path, text)
    assert expected in found


def test_whitespace_only_relation_end_is_missing_not_silently_dropped(tmp_path, parser):
    text = HEAD + 'relations:\n  - from: " "\n    to: A会\n    type: 協力\n'
    assert problems(tmp_path, text) == [(8, 5, "missing-field")]


def test_lone_surrogate_is_a_problem(tmp_path, parser):
    found = problems(tmp_path, HEAD + '    note: "A\\ud800"\n')
    assert found == [(7, 11, "yaml-syntax")]


def test_full_width_digits_in_every_number(tmp_path, parser):
    text = (
        HEAD
        + "  - name: B会\n    sector: npo\nrelations:\n  - {from: A会, to: B会, type: 協力, weight: ３, since: ２００５}\n"
    )
    (tmp_path / "v.yaml").write_text(text, encoding="utf-8")
    [case] = load_cases([tmp_path / "v.yaml"])
    assert (case.relations[0].weight, case.relations[0].since) == (3, 2005)


@pytest.mark.parametrize("depth", [60, 100_000])
def test_deep_nesting_is_refused_before_anything_recurses(tmp_path, parser, depth):
    text = HEAD + "x-deep: " + "[" * depth + "]" * depth + "\n"
    [(line, col, code)] = problems(tmp_path, text)
    # libyaml's scanner has its own limit of 1,000 flow levels and stops there first (a located syntax error).
    assert (line, col, code) == (7, 58, "too-deep") or (parser, code, line) == ("libyaml", "yaml-syntax", 7)


def test_echoed_values_are_short_and_cannot_forge_a_line(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    evil = "x" * (4 * 2**20)
    text = HEAD.replace("    sector: npo", '    sector: "npo\\nv.yaml:1:1: forged (bad-id)\\u001b[31m"')
    (tmp_path / "v.yaml").write_text(text + f'    id: "a b{evil}"\n', encoding="utf-8")
    result = runner.invoke(cli, ["validate", "v.yaml"], env={"KYODO_LANG": "en"})
    assert result.exit_code == 1
    lines = [
        x
        for x in result.stdout.splitlines()
        if not x.startswith(("  ", "what was understood of ")) and "の読み取り" not in x
    ]  # the problem lines (what was understood is indented under its heading)
    assert len(lines) == 2 and all(len(line) < 400 for line in result.stdout.splitlines())
    assert "\x1b" not in result.stdout and "U+001B" in result.stdout  # named, never echoed raw
    assert all(line.startswith("v.yaml:") for line in lines)


def test_shown_escapes_and_cuts():
    assert shown("a\nb\x1b[0m\u2028") == "a\\nb\\x1b[0m\\u2028"
    assert shown("あ" * 100) == "あ" * 80 + "…"


@pytest.mark.parametrize("fixture", sorted(MISTAKES.glob("*.yaml")), ids=lambda p: p.stem)
def test_both_parsers_place_problems_alike(monkeypatch, fixture):
    monkeypatch.chdir(MISTAKES)
    names = [fixture.name] + (["conflicting-actor.yaml"] if fixture.stem == "conflicting-actor-other" else [])

    def found() -> list:
        try:
            load_cases(names)
        except CaseDataError as err:
            return [(p.path, p.line, p.col, p.code) for p in err.problems]
        return []

    fast = found()
    monkeypatch.setattr(_yaml, "_Loader", yaml.SafeLoader)
    assert found() == fast
