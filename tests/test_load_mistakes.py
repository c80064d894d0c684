"""Every kind of mistake in a case file gives the right problems, all at once, and a clean CLI message.

Each file in ``tests/data/mistakes`` holds one kind of mistake (2–3 instances where it naturally repeats). The
expected ``(path, line, col, code)`` of every problem is written here by hand from the fixture's text, with a
key phrase of its message. Lines and columns count from 1; columns point at the value (or key) at fault.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kyodo_network import CaseDataError, UnknownCaseError, load_cases
from kyodo_network.cli import cli
from kyodo_network.catalogue import ENTRIES

#: Problem codes: the catalogue's ``problem.<code>`` entries (phrases and fixes have a further dot).
# The review codes (unknown-item, bad-score, …) are documented in docs/review.md and tested in tests/test_review.py.
from kyodo_network.catalogue.review import ENTRIES as REVIEW_ENTRIES  # noqa: E402

MESSAGES = sorted(
    k.split(".", 1)[1]
    for k in ENTRIES
    if k.startswith("problem.")
    and k.count(".") == 1
    and k not in REVIEW_ENTRIES
    and not k.startswith("problem.note-")
    and k not in ("problem.both", "problem.bad-column")
)

# Words and names that were once refused are now read and noted (issue 18: an open vocabulary, names as people write
# them): each fixture loads, and its notes say what was made of each word or name.
NOTED: dict[str, tuple[str, list[tuple[int, str, str]]]] = {
    "unknown-sector": (
        "unknown-sector.yaml",
        [
            (19, "note-word-other", "category 'nop' is not in the table of words: kept as written, placed under Other"),
            (24, "note-word-placed", "category '学校法人' → Schools, PTAs, universities"),
        ],
    ),
    "unknown-type": (
        "unknown-type.yaml",
        [
            (24, "note-type-other", "tie word 'membr' is not in the table of words"),
            (28, "note-type-other", "tie word 'cohost' is not in the table of words"),
        ],
    ),
    "unknown-name": (
        "unknown-name.yaml",
        [
            (23, "note-actor-created", "'a-counci' is not in the list, so it became a new actor (category: Other)"),
            (32, "note-actor-created", "'nobody-here' is not in the list"),
        ],
    ),
}

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
MISTAKES = DATA / "mistakes"
README = Path(__file__).parent.parent / "datasets" / "README.md"

# code -> (files loaded together, [(path, line, col, code, key phrase of the message), ...] in sorted order)
EXPECTED: dict[str, tuple[list[str], list[tuple[str, int, int, str, str]]]] = {
    "unreadable": (
        ["unreadable.yaml"],
        [
            # EUC-JP bytes (Shift_JIS is read): line 4 holds the first non-ASCII text.
            ("unreadable.yaml", 4, 1, "unreadable", "the file looks like EUC-JP; save it as UTF-8 or Shift_JIS"),
        ],
    ),
    "yaml-syntax": (
        ["yaml-syntax.yaml"],
        [
            # line 5: "  name_en Syntax error" has no colon; reported on its own line, not the next.
            ("yaml-syntax.yaml", 5, 3, "yaml-syntax", "could not find expected ':'"),
        ],
    ),
    "duplicate-key": (
        ["duplicate-key.yaml"],
        [
            ("duplicate-key.yaml", 8, 3, "duplicate-key", "key 'name' appears twice in this mapping (first on line 4)"),
            (
                "duplicate-key.yaml",
                17,
                5,
                "duplicate-key",
                "key 'sector' appears twice in this mapping (first on line 15)",
            ),
            (
                "duplicate-key.yaml",
                19,
                1,
                "duplicate-key",
                "key 'relations' appears twice in this mapping (first on line 18)",
            ),
        ],
    ),
    "bad-format": (
        ["bad-format.yaml"],
        [
            ("bad-format.yaml", 1, 9, "bad-format", "format 'kyodo-case/2' is not supported"),
        ],
    ),
    "missing-field": (
        ["missing-field.yaml"],
        [
            ("missing-field.yaml", 3, 3, "missing-field", "district 'missing-field' is missing 'name'"),
            ("missing-field.yaml", 25, 5, "missing-field", "project 'a-festival' is missing 'participants'"),  # []
        ],
    ),
    "unknown-field": (
        ["unknown-field.yaml"],
        [
            (
                "unknown-field.yaml",
                10,
                3,
                "unknown-field",
                "unknown field 'summery' in district 'unknown-field'; did you mean 'summary'?",
            ),
            (
                "unknown-field.yaml",
                16,
                5,
                "unknown-field",
                "unknown field 'theme' in actor 'a-npo'; did you mean 'themes'?",
            ),
            (
                "unknown-field.yaml",
                19,
                1,
                "unknown-field",
                "unknown field 'project' in the file; did you mean 'projects'?",
            ),
        ],
    ),
    "wrong-type": (
        ["wrong-type.yaml"],
        [
            ("wrong-type.yaml", 12, 11, "wrong-type", "'name' should be text, not a list"),
            ("wrong-type.yaml", 15, 15, "wrong-type", "'inferred' should be true or false, not 'はい'"),
            ("wrong-type.yaml", 26, 13, "wrong-type", "'weight' should be a whole number 1, 2 or 3, not 'strong'"),
        ],
    ),
    "bad-value": (
        ["bad-value.yaml"],
        [
            ("bad-value.yaml", 14, 13, "bad-value", "'colour' 'red' is not a colour like '#1f78b4'"),
            (
                "bad-value.yaml",
                20,
                17,
                "bad-value",
                "'visibility' is 'publc'; use public, internal or private; did you mean 'public'?",
            ),
            ("bad-value.yaml", 31, 13, "bad-value", "'weight' is 5; use 1 (weak), 2 (ordinary) or 3 (strong)"),
        ],
    ),
    "bad-id": (
        ["bad-id.yaml"],
        [
            ("bad-id.yaml", 16, 9, "bad-id", "id 'NPO,B' may not contain spaces, control characters or the separators"),
            ("bad-id.yaml", 21, 9, "bad-id", "e.g. 'Hills-Council'"),
            ("bad-id.yaml", 27, 9, "bad-id", "e.g. 'Summer-Festival'"),
        ],
    ),
    "duplicate-id": (
        ["duplicate-id.yaml"],
        [
            ("duplicate-id.yaml", 16, 9, "duplicate-id", "id 'a-npo' is already used by the actor at line 11"),
            ("duplicate-id.yaml", 27, 9, "duplicate-id", "id 'a-festival' is already used by the project at line 22"),
            ("duplicate-id.yaml", 32, 9, "duplicate-id", "id 'a-npo' is already used by the actor at line 11"),
        ],
    ),
    "conflicting-actor": (
        ["conflicting-actor.yaml", "conflicting-actor-other.yaml"],
        [
            # Reported in the second file, pointing back to the first definition.
            (
                "conflicting-actor-other.yaml",
                14,
                13,
                "conflicting-actor",
                "actor 'shared-centre' is described differently in conflicting-actor.yaml:11: "
                "sector 'government' here, 'support' there",
            ),
            # (shared-person gives no visibility here: a person is private unless a file says otherwise, so the two agree)
            (
                "conflicting-actor-other.yaml",
                23,
                14,
                "conflicting-actor",
                "name_en 'City hall' here, 'Public hall' there",
            ),
        ],
    ),
    "unknown-actor": (
        ["unknown-actor.yaml"],
        [
            (
                "unknown-actor.yaml",
                19,
                13,
                "unknown-actor",
                "'a-npp' (reviewer) is not a known actor; did you mean 'a-npo'?",
            ),
        ],
    ),
    "keyboard-slip": (
        ["keyboard-slip.yaml"],
        [
            ("keyboard-slip.yaml", 7, 9, "keyboard-slip", "a full-width colon '：' follows the key"),
            ("keyboard-slip.yaml", 10, 1, "keyboard-slip", "the line is indented with full-width spaces"),
        ],
    ),
    "control-character": (
        ["control-character.yaml"],
        [
            (
                "control-character.yaml",
                2,
                18,
                "control-character",
                "'name' holds the control character U+001B, which can garble a terminal; remove it",
            ),
            (
                "control-character.yaml",
                4,
                12,
                "control-character",
                "'name' holds the control character U+001B, which can garble a terminal; remove it",
            ),
        ],
    ),
    "self-relation": (
        ["self-relation.yaml"],
        [
            ("self-relation.yaml", 23, 9, "self-relation", "relation from 'a-npo' to itself"),
            ("self-relation.yaml", 27, 9, "self-relation", "relation from 'a-council' to itself"),
        ],
    ),
    "bad-year": (
        ["bad-year.yaml"],
        [
            ("bad-year.yaml", 16, 12, "bad-year", "'until' (2003) is before 'since' (2005)"),
            (
                "bad-year.yaml",
                22,
                12,
                "bad-year",
                "'since' is '平成99年', which is impossible (平成 runs from 1 to 31)",
            ),
            ("bad-year.yaml", 28, 12, "bad-year", "'since' is 'そのうち', which is not a year"),
        ],
    ),
    "ambiguous-actor": (
        ["ambiguous-actor.yaml"],
        [
            # A name two actors share is never guessed; ｍｉｄｏｒｉ－１ (full width) is the id midori-1.
            (
                "ambiguous-actor.yaml",
                14,
                11,
                "ambiguous-actor",
                "'みどりの会' (relation 'from') fits more than one actor: 'みどりの会' (id midori-1), 'みどりの会' (id midori-2)",
            ),
            ("ambiguous-actor.yaml", 19, 36, "ambiguous-actor", "(participant of '夏祭り') fits more than one actor"),
        ],
    ),
    "bad-scalar": (
        ["bad-scalar.yaml"],
        [
            ("bad-scalar.yaml", 7, 12, "bad-scalar", "'二千' cannot be read as a whole number"),
            ("bad-scalar.yaml", 10, 12, "bad-scalar", "'2010-02-30' cannot be read as a date"),
            ("bad-scalar.yaml", 15, 13, "bad-scalar", "'many' cannot be read as a number"),
        ],
    ),
    "bad-tag": (
        ["bad-tag.yaml"],
        [
            ("bad-tag.yaml", 6, 13, "bad-tag", "the tag '!python/name:os.system' is not supported"),
            ("bad-tag.yaml", 7, 11, "bad-tag", "the tag '!!binary' is not supported"),
            ("bad-tag.yaml", 8, 13, "bad-tag", "the tag '!!set' is not supported"),
        ],
    ),
    "too-deep": (
        ["too-deep.yaml"],
        [
            # The 50th nested '[' (column 9 + 49) is refused before anything recurses.
            ("too-deep.yaml", 4, 58, "too-deep", "nested too deeply (at most 50 levels)"),
        ],
    ),
    "merge-key": (
        ["merge-key.yaml"],
        [
            ("merge-key.yaml", 7, 5, "merge-key", "merge keys ('<<') are not supported"),
        ],
    ),
    "bad-include": (
        ["bad-include.yaml"],
        [
            ("bad-include.yaml", 11, 5, "bad-include", "no case file or bundled case named 'no-such-neighbour.yaml'"),
            ("bad-include.yaml", 12, 5, "bad-include", "the file includes itself ('bad-include.yaml')"),
        ],
    ),
}


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """The phrases below are the English messages; ``test_problem_messages_in_japanese`` checks Japanese."""
    monkeypatch.setenv("KYODO_LANG", "en")


CASES = [pytest.param(files, expected, id=code) for code, (files, expected) in EXPECTED.items()]


def problems_of(names: list) -> list:
    with pytest.raises(CaseDataError) as info:
        load_cases(names)
    return info.value.problems


def readme_codes() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Problem codes", 1)[1]
    return re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.MULTILINE)


def test_every_documented_code_has_a_fixture_and_a_message():
    codes = readme_codes()
    assert len(codes) == 22
    assert sorted(codes) == sorted(EXPECTED)
    assert sorted(codes) == sorted(MESSAGES)
    fixtures = {p.stem for p in MISTAKES.glob("*.yaml")}
    assert fixtures == set(codes) | {"conflicting-actor-other"} | set(NOTED)


@pytest.mark.parametrize("code", sorted(NOTED))
def test_words_and_names_once_refused_are_read_and_noted(in_mistakes, code):
    name, expected = NOTED[code]
    [case] = load_cases([name])
    said = [(n.line, n.code, n.message("en")) for n in case.notes]
    for line, note, phrase in expected:
        assert any(x[0] == line and x[1] == note and phrase in x[2] for x in said), (line, note, phrase, said)


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_problems_found(in_mistakes, files, expected):
    problems = problems_of(files)
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [e[:4] for e in expected]
    for p, (*_, phrase) in zip(problems, expected):
        assert phrase in p.message()
        assert str(p) == f"{p.path}:{p.line}:{p.col}: {p.message()} ({p.code})"


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_validate_lists_every_problem(in_mistakes, runner, files, expected):
    result = runner.invoke(cli, ["validate", *files, "--lang", "en"])
    assert result.exit_code == 1
    # what was understood comes first, under its heading line and indented; then one line per problem
    lines = [x for x in result.stdout.splitlines() if not x.startswith(("  ", "what was understood of "))]
    assert len(lines) == len(expected)
    for line, (path, lineno, col, code, phrase) in zip(lines, expected):
        assert line.startswith(f"{path}:{lineno}:{col}: ")
        assert line.endswith(f" ({code})")
        assert phrase in line
    n = len(expected)
    assert result.stderr.strip() == f"{n} problem{'s' if n != 1 else ''} found."
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_absolute_paths_are_shown_as_given_outside_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    [p] = problems_of([MISTAKES / "bad-format.yaml"])
    assert (p.path, p.line, p.code) == (str(MISTAKES / "bad-format.yaml"), 1, "bad-format")


# --- files that are not case files at all ---------------------------------------------------------------------


def test_binary_file(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    rng = random.Random(20100401)
    data = bytearray(rng.randbytes(64 * 1024))
    data[100:104] = b"\x00\x00\x00\x00"
    (tmp_path / "photo.yaml").write_bytes(bytes(data))
    [p] = problems_of(["photo.yaml"])
    assert (p.path, p.line, p.code) == ("photo.yaml", 0, "unreadable")
    assert "binary file" in p.message()
    result = runner.invoke(cli, ["validate", "photo.yaml"])
    assert result.exit_code == 1
    assert result.stdout == "photo.yaml: this is a binary file, not a YAML case file (unreadable)\n"
    assert "Traceback" not in result.output


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    line = b"x-padding: 0123456789abcdef0123456789abcdef0123456789abcdef\n"
    (tmp_path / "huge.yaml").write_bytes(b"format: kyodo-case/1\n" + line * (50 * 2**20 // len(line)))
    assert (tmp_path / "huge.yaml").stat().st_size > 50 * 10**6

    def no_reading(self):
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)  # refused from its size alone
    [p] = problems_of(["huge.yaml"])
    result = runner.invoke(cli, ["validate", "huge.yaml"])
    assert (p.path, p.line, p.code) == ("huge.yaml", 0, "unreadable")
    assert "case files are limited to 5 MB" in p.message()
    assert result.exit_code == 1
    assert result.stdout.startswith("huge.yaml: file is 50.0 MB;")
    assert "Traceback" not in result.output


def test_missing_path_is_a_usage_error(in_mistakes, runner):
    with pytest.raises(UnknownCaseError, match="no case file or bundled case named 'no-such-file.yaml'"):
        load_cases(["no-such-file.yaml"])
    result = runner.invoke(cli, ["validate", "no-such-file.yaml"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no case file or bundled case named 'no-such-file.yaml'" in result.stderr
    assert "Traceback" not in result.output


def test_a_folder_is_not_a_case_file(in_mistakes, runner, tmp_path):
    result = runner.invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not a file" in result.stderr


@pytest.mark.parametrize(
    ("text", "line", "col", "code", "phrase"),
    [
        pytest.param("", 1, 1, "bad-format", "the file is empty", id="empty"),
        pytest.param("# only a comment\n\n", 1, 1, "bad-format", "the file is empty", id="comment-only"),
        pytest.param(
            "- format: kyodo-case/1\n- district: x\n",
            1,
            1,
            "bad-format",
            "the file holds a list, not a case",
            id="list",
        ),
        pytest.param("kyodo-case/1\n", 1, 1, "bad-format", "the file holds 'kyodo-case/1', not a case", id="scalar"),
        pytest.param(
            "format: kyodo-case/1\n---\nformat: kyodo-case/1\n",
            2,
            1,
            "yaml-syntax",
            "more than one YAML document",
            id="two-documents",
        ),
        pytest.param(
            'format: kyodo-case/1\ndistrict:\n  id: x\n  name: "閉じていない\n',
            4,
            9,
            "yaml-syntax",
            "while scanning a quoted scalar",
            id="unclosed-quote",
        ),
        pytest.param(
            "format: kyodo-case/1\nx: \x07\n", 2, 4, "yaml-syntax", "unacceptable character", id="control-char"
        ),
    ],
)
def test_odd_files(tmp_path, monkeypatch, runner, text, line, col, code, phrase):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "odd.yaml").write_text(text, encoding="utf-8")
    problems = problems_of(["odd.yaml"])
    assert (problems[0].path, problems[0].line, problems[0].col, problems[0].code) == ("odd.yaml", line, col, code)
    assert phrase in problems[0].message()
    result = runner.invoke(cli, ["validate", "odd.yaml"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_no_format_still_reports_everything_else(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "odd.yaml").write_text("district:\n  id: x\n", encoding="utf-8")
    problems = problems_of(["odd.yaml"])
    assert [(p.line, p.code) for p in problems] == [(2, "missing-field")]  # only the district's name is required
    (tmp_path / "odd.yaml").write_text("district:\n  name: x\n", encoding="utf-8")
    [case] = load_cases(["odd.yaml"])  # a missing format line is assumed, with a note
    assert [n.code for n in case.notes] == ["note-format-assumed"]


BOMB = (
    "\n".join(
        ["format: kyodo-case/1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]
    )
    + "\n"
)


@pytest.mark.parametrize(
    "text", [BOMB, "format: kyodo-case/1\nx: &loop [*loop]\n"], ids=["billion-laughs", "alias-loop"]
)
def test_alias_bombs_fail_fast(tmp_path, monkeypatch, runner, text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bomb.yaml").write_text(text, encoding="utf-8")
    [p] = problems_of(["bomb.yaml"])
    result = runner.invoke(cli, ["validate", "bomb.yaml"])
    assert (p.path, p.line, p.code) == ("bomb.yaml", 0, "unreadable")
    assert "too large or too deeply nested" in p.message()
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_small_aliases_are_fine(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (VALID / "hills.yaml").read_text(encoding="utf-8")
    text = text.replace("    themes: [子育て, 居場所]", "    themes: &th [子育て, 居場所]").replace(
        "    themes: [子どもの遊び場]", "    themes: *th"
    )
    (tmp_path / "hills.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "city.yaml").write_bytes((VALID / "city.yaml").read_bytes())
    [case] = load_cases(["hills.yaml"])
    assert case.projects[1].themes == ("子育て", "居場所")


def test_byte_order_mark_and_crlf_are_accepted(tmp_path):
    text = (VALID / "city.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    (tmp_path / "city.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    [case] = load_cases([tmp_path / "city.yaml"])
    assert case.id == "test-city"
    assert case.actors[1].origin.line == 25


# --- regressions ------------------------------------------------------------------------------------------------

CASE = """format: kyodo-case/1
district: {{id: {id}, name: 名, name_en: N, ward: 区, ward_en: W, city: 横浜市, cite: c}}
{body}
"""


def write(path: Path, ident: str, body: str) -> Path:
    path.write_text(CASE.format(id=ident, body=body), encoding="utf-8")
    return path


@pytest.mark.parametrize("project_first", [True, False])
def test_project_id_clashing_with_an_actor_in_another_file(tmp_path, monkeypatch, project_first):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "p.yaml",
        "p",
        "actors:\n  - {id: a, name: A, name_en: A, sector: npo, cite: c}\n"
        "projects:\n  - {id: shared, name: S, name_en: S, participants: [a], cite: c}",
    )
    write(tmp_path / "q.yaml", "q", "actors:\n  - {id: shared, name: S, name_en: S, sector: npo, cite: c}")
    names = ["p.yaml", "q.yaml"] if project_first else ["q.yaml", "p.yaml"]
    [p] = problems_of(names)
    assert (p.path, p.line, p.col, p.code) == ("p.yaml", 6, 10, "duplicate-id")
    assert "already used by the actor at q.yaml:4" in p.message()


def test_include_is_relative_to_the_including_file_not_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "b.yaml", "b", "actors:\n  - {id: b, name: B, name_en: B, sector: npo, cite: c}")
    write(tmp_path / "sub" / "a.yaml", "a", "include: [b.yaml]")
    [p] = problems_of(["sub/a.yaml"])
    assert (p.path, p.line, p.col, p.code) == ("sub/a.yaml", 3, 11, "bad-include")
    (tmp_path / "sub" / "b.yaml").write_bytes((tmp_path / "b.yaml").read_bytes())
    [case] = load_cases(["sub/a.yaml"])
    assert case.includes[0].path == "sub/b.yaml"


def test_include_problem_is_placed_at_the_include_entry(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    body = (
        "actors:\n  - id: a  # see gone.yaml\n    name: A\n    name_en: A\n    sector: npo\n    cite: c\n"
        "include:\n  - gone.yaml\n"
    )
    write(tmp_path / "a.yaml", "a", body)
    [p] = problems_of(["a.yaml"])
    assert (p.line, p.col, p.code) == (10, 5, "bad-include")


# --- reading never changes the files ----------------------------------------------------------------------------


def test_input_files_are_not_modified(in_mistakes, runner):
    files = sorted(DATA.rglob("*.yaml"))
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    for code, (names, _) in EXPECTED.items():
        with pytest.raises(CaseDataError):
            load_cases(names)
        runner.invoke(cli, ["validate", *names])
    load_cases([VALID / "hills.yaml", VALID / "river.yaml"])
    runner.invoke(cli, ["validate", str(VALID / "hills.yaml")])
    runner.invoke(cli, ["info", str(VALID / "hills.yaml")])
    after = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in sorted(DATA.rglob("*.yaml"))}
    assert after == before
