"""``--public`` as a property (issue 19): for small generated cases whose private people (random kana and kanji
names, each with a phone number) are written into the free text of public records — notes, contacts, other
actors' and projects' names, roles, themes, cites, the district's summary and city, review comments — no public
output holds a private name or a phone number: ``export --format json|graphml``, ``bridges --format csv``, the
HTML map and the HTML report.

Hypothesis runs derandomized (the same examples every run) and a bounded number of them."""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: Hiragana and katakana (without 「・」 and 「ー」, which are punctuation and a phone separator) and kanji.
KANA = [chr(c) for c in range(0x3041, 0x3097)] + [chr(c) for c in range(0x30A1, 0x30FB)]
KANJI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
ROLES = (None, "民生委員", "世話人", "コーディネーター")
VISIBILITY = ("private", "internal", None)  # None: a person with no visibility is private
REVIEW_ITEMS = ("対等", "目的共有")

OUTPUTS = (
    ("export-json", ["export", "--format", "json", "-o", "out/"]),
    ("export-graphml", ["export", "--format", "graphml", "-o", "out/"]),
    ("bridges-csv", ["bridges", "--format", "csv"]),
    ("map-html", ["map", "-o", "out/map.html"]),
    ("report-html", ["report", "--format", "html", "-o", "out/"]),
)


@dataclass(frozen=True)
class Person:
    name: str
    phone: str
    visibility: str | None
    role: str | None


def _q(s: str) -> str:
    """A YAML scalar (JSON's quoting is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def case_yaml(people: list[Person], slots: dict[str, int]) -> str:
    """A case with the given private people and public records that mention person ``slots[slot]`` in each
    free-text field. Public words are fixed (:data:`FILLER` says which)."""

    def p(slot: str) -> Person:
        return people[slots[slot] % len(people)]

    lines = [
        "format: kyodo-case/1",
        "district:",
        "  id: prop",
        "  name: 性質の地区",
        f"  city: {_q(p('city').name + '町')}",
        f"  summary: {_q(p('summary').name + 'さん（' + p('summary').phone + '）が始めた見守り。')}",
        "actors:",
    ]
    for i, x in enumerate(people, 1):
        fields = [f"id: p{i}", f"name: {_q(x.name)}", "sector: person", f"contact: {_q(x.phone)}"]
        if x.visibility:
            fields.append(f"visibility: {x.visibility}")
        if x.role:
            fields.append(f"role: {_q(x.role)}")
        lines.append(f"  - {{{', '.join(fields)}}}")
    lines += [
        f"  - {{id: club, name: {_q(p('club_name').name + 'と歩く会')}, sector: community,"
        f" note: {_q(p('note').name + 'さんの家に集合。連絡 ' + p('note').phone)},"
        f" contact: {_q(p('contact').name + '方 ' + p('contact').phone)},"
        f" themes: [{_q(p('theme').name + 'さんの見守り')}], offers: [{_q(p('offer').name + 'さんの経験')}]}}",
        f"  - {{id: council, name: 地区社協, sector: welfare, role: {_q(p('role').name + 'さんの後任')},"
        f" cite: {_q(p('cite').name + 'さん談')}}}",
        "  - {id: ward, name: 区役所地域振興課, sector: government}",
        "relations:",
        f"  - {{from: club, to: council, type: cooperation, cite: {_q(p('rel_cite').name + 'さんからの聞き取り')},"
        f" note: {_q(p('rel_note').name + 'さん（' + p('rel_note').phone + '）の紹介')}}}",
        "  - {from: ward, to: council, type: support}",
    ]
    for i, _ in enumerate(people, 1):
        lines.append(f"  - {{from: p{i}, to: {'club' if i % 2 else 'council'}, type: cooperation}}")
    lines += [
        "projects:",
        "  - id: walk",
        f"    name: {_q(p('project').name + 'の見守り')}",
        "    participants: [club, council, ward, p1]",
        "    reviews:",
        f"      - {{by: ward, year: 2020, moment: review, scores: {{{REVIEW_ITEMS[0]}: 4, {REVIEW_ITEMS[1]}: 3}},"
        f" comment: {_q(p('comment').name + 'さんに感謝。' + p('comment').phone)}}}",
        f"      - {{by: p1, year: 2020, moment: review, scores: {{{REVIEW_ITEMS[0]}: 2, {REVIEW_ITEMS[1]}: 3}},"
        f" comment: {_q(p('own_comment').name + 'として言えば')}}}",
        "  - id: named",
        f"    name: {_q(p('bare_project').name)}",
        "    participants: [club, p1]",
    ]
    return "\n".join(lines) + "\n"


SLOTS = (
    "city",
    "summary",
    "club_name",
    "note",
    "contact",
    "theme",
    "offer",
    "role",
    "cite",
    "rel_cite",
    "rel_note",
    "project",
    "comment",
    "own_comment",
    "bare_project",
)


def _run(folder: Path, text: str, *, public: bool = True) -> dict[str, str]:
    """Every output of :data:`OUTPUTS` for the case ``text``, run in ``folder``: what was printed and written."""
    import os

    (folder / "case.yaml").write_text(text, encoding="utf-8")
    runner = CliRunner()
    here = os.getcwd()
    os.chdir(folder)
    try:
        out = {}
        for key, args in OUTPUTS:
            for f in (folder / "out").glob("*") if (folder / "out").is_dir() else ():
                f.unlink()
            result = runner.invoke(cli, [args[0], "case.yaml", *args[1:], *(["--public"] if public else [])])
            assert result.exit_code == 0, (key, result.output, text)
            written = "".join(
                f.read_text(encoding="utf-8-sig")
                for f in sorted((folder / "out").glob("*"))
                if f.suffix in (".json", ".graphml", ".html")
            )
            out[key] = result.stdout + result.stderr + written
        return out
    finally:
        os.chdir(here)


def _flat(text: str) -> str:
    """Text without line breaks and spaces (a label may wrap a name over two lines)."""
    return re.sub(r"\s+|\\n", "", text)


_BACKGROUND: list[str] = []


def background() -> str:
    """The words a public output holds whatever the names: the interface, the fixed words of the generated
    cases, the roles and anonymous labels. A generated name found in them could not be told from a leak."""
    if not _BACKGROUND:
        people = [Person("甲野", "090-1111-2222", v, r) for v, r in zip(VISIBILITY, ROLES)] + [
            Person("乙山", "045-333-4444", "private", "民生委員")
        ]
        with tempfile.TemporaryDirectory() as d:
            outs = _run(Path(d), case_yaml(people, {s: i for i, s in enumerate(SLOTS)}))
        _BACKGROUND.append(_flat("".join(outs.values())) + "".join(filter(None, ROLES)) + "性質の地区町さんと歩く会")
    return _BACKGROUND[0]


names = st.text(alphabet=st.one_of(st.sampled_from(KANA), KANJI), min_size=2, max_size=6).filter(
    lambda s: s not in background()
)
phones = st.one_of(
    st.builds(
        lambda p, a, b: f"{p}-{a:04d}-{b:04d}",
        st.sampled_from(["090", "080", "070"]),
        st.integers(1000, 9999),
        st.integers(0, 9999),
    ),
    st.builds(lambda a, b: f"045-{a:03d}-{b:04d}", st.integers(200, 999), st.integers(0, 9999)),
)
people = st.lists(
    st.builds(Person, names, phones, st.sampled_from(VISIBILITY), st.sampled_from(ROLES)), min_size=1, max_size=3
)
slots = st.fixed_dictionaries({s: st.integers(0, 2) for s in SLOTS})


@settings(
    derandomize=True,
    database=None,
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(people=people, slots=slots)
def test_no_public_output_holds_a_private_name_or_phone(people, slots):
    text = case_yaml(people, slots)
    with tempfile.TemporaryDirectory() as d:
        outs = _run(Path(d), text)
    for key, out in outs.items():
        flat = _flat(out)
        for x in people:
            assert x.name not in out and x.name not in flat, (key, x.name, text)
            digits = x.phone.replace("-", "")
            assert x.phone not in out and digits not in flat, (key, x.phone, text)
            assert x.phone.split("-", 1)[1] not in out, (key, x.phone, text)


def test_without_public_the_outputs_do_hold_them():
    """The search above looks where the names would be: without ``--public`` every output shows them."""
    people = [Person("鰯雲ハナコ", "090-1234-5678", "private", "世話人"), Person("鯖田", "045-894-0000", None, None)]
    with tempfile.TemporaryDirectory() as d:
        outs = _run(Path(d), case_yaml(people, {s: 0 for s in SLOTS}), public=False)
    for key, out in outs.items():
        assert "鰯雲ハナコ" in _flat(out), key
