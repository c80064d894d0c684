"""One meaning per word, the same number wherever it is printed (issue 21).

- ``kyodo coordinators``: the heading of every row and the sentence under it state the same two counts — the
  pairs of partners from different sectors it brokers (``cross_sector_pairs``) and those it alone links
  (``sole_pairs``, the pairs listed) — on every bundled case and on seeded random networks written as case files.
- ★ (つなぎ役) is a small set: at most one actor in ten (at least one), each linking at least one pair, the ones
  that link the most.
- 「コーディネーター」 and 「この人」 for persons only; a body is a 「つなぎ役の団体」, 「この団体」.
- Every measure a coordinator meets has one line in ``--help`` and in the catalogue, its word exactly as the
  table and CSV print it.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from kyodo_network.analysis.bridges import coordinators
from kyodo_network.analysis.coordinators import mark_limit, marked_coordinators
from kyodo_network.analysis.wording import GLOSSARY, glossary
from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_names
from kyodo_network.lang import text
from kyodo_network.load import district_cases

BUNDLED = [str(p) for p in district_cases()]
SECTORS = ["個人", "自治会", "NPO", "区役所", "社協", "学校", "企業"]


def generated_case(tmp_path, seed: int) -> str:
    """A seeded district written as a coordinator would: names, Japanese sector words, 協力 ties."""
    rng = random.Random(seed)
    n = rng.randint(20, 60)
    names = [f"団体{seed}-{i:02d}" for i in range(n)]
    lines = ["format: kyodo-case/1", "source: 聞き取り", "district:", f"  name: 生成地区{seed}", "actors:"]
    for name in names:
        lines += [f"  - name: {name}", f"    sector: {rng.choice(SECTORS)}"]
    lines.append("relations:")
    pairs = set()
    for _ in range(int(n * rng.uniform(1.0, 2.0))):
        a, b = rng.sample(names, 2)
        if frozenset((a, b)) not in pairs:
            pairs.add(frozenset((a, b)))
            lines += [f"  - from: {a}", f"    to: {b}", "    type: 協力"]
    path = tmp_path / f"gen-{seed}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


HEAD = {
    "ja": re.compile(
        r"^(?P<name>.+) \((?P<sector>[^)]*)\)(?P<star> ★)? (?P<role>コーディネーター|つなぎ役の団体): "
        r"セクターをまたぐ仲介 (?P<n>\d+) 組、(?P<this>この人|この団体)だけがつなぐ組 (?P<m>\d+) 組$"
    ),
    "en": re.compile(
        r"^(?P<name>.+) \((?P<sector>[^)]*)\)(?P<star> ★)? (?P<role>coordinator|linking body): "
        r"cross-sector brokerage (?P<n>\d+), sole-link pairs (?P<m>\d+) "
        r"\(only (?P<this>this person|this body) links\)$"
    ),
}
BROKERS = {
    "ja": re.compile(r"は、直接のつながりのない、セクターの違う相手どうし(\d+)組を仲介しています"),
    "en": re.compile(r" brokers (\d+) pairs? of partners from different sectors"),
}
SOLE = {"ja": re.compile(r"そのうち(\d+)組は、ほかに共通の相手がなく"), "en": re.compile(r"; (\d+) of them only ")}
NO_SOLE = {"ja": ("どの組にも、", "この組には、"), "en": ("another partner in common besides",)}


def sole_in(sentence: str, lang: str) -> int | None:
    found = SOLE[lang].search(sentence)
    if found:
        return int(found.group(1))
    return 0 if any(w in sentence for w in NO_SOLE[lang]) else None


def blocks(out: str) -> list[list[str]]:
    """The rows of the text output: a heading line, the lines indented under it."""
    rows: list[list[str]] = []
    for line in out.splitlines():
        if not line.strip() or line.startswith("★"):
            continue
        if line.startswith(" "):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def check_same_numbers(runner, case: str) -> int:
    data = json.loads(runner.invoke(cli, ["coordinators", case, "--format", "json"]).stdout)
    for lang in ("ja", "en"):
        res = runner.invoke(cli, ["coordinators", case, "--lang", lang])
        assert res.exit_code == 0, res.output
        rows = blocks(res.stdout)
        assert len(rows) == len(data)
        for row, d in zip(rows, data):
            head = HEAD[lang].match(row[0])
            assert head, row[0]
            sentence = row[1].strip()
            brokers = BROKERS[lang].search(sentence)
            assert brokers, sentence
            listed = [x for x in row[3:] if x.startswith("    ")]
            n, m = int(head["n"]), int(head["m"])
            assert n == int(brokers.group(1)) == d["cross_sector_pairs"] > 0, (case, row)
            assert m == sole_in(sentence, lang) == d["sole_pairs"] == len(d["pairs"]) == len(listed), (case, row)
            assert m <= n
            person = d["sector"] == "person"
            assert (head["role"] in ("コーディネーター", "coordinator")) == person, row[0]
            assert (head["this"] in ("この人", "this person")) == person, row[0]
            assert bool(head["star"]) == d["marked"], row[0]
    return len(data)


@pytest.mark.parametrize("case", BUNDLED)
def test_heading_and_sentence_count_the_same_pairs_on_bundled_cases(runner, case):
    check_same_numbers(runner, case)


@pytest.mark.parametrize("seed", range(1, 9))
def test_heading_and_sentence_count_the_same_pairs_on_seeded_networks(runner, tmp_path, seed):
    assert check_same_numbers(runner, generated_case(tmp_path, seed)) > 0


def test_kono_hito_only_for_persons():
    from kyodo_network.catalogue import ENTRIES

    for code, entry in ENTRIES.items():
        if code.startswith(("coordinator.", "report.coordinators.")) and "この人" in entry["ja"]:
            assert code.endswith(".coordinator") or ".coordinator." in code, code  # the person's form of a pair
    for kind, this in (("coordinator", "この人"), ("linking_body", "この団体")):
        assert this in text(f"coordinator.pairs.{kind}", "ja")
        assert this in text(f"report.coordinators.head.{kind}", "ja", n=2, m=1)


# --- the ★ --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(1, 9))
def test_the_star_marks_a_small_set_that_links_the_most(tmp_path, seed):
    G = graph_from_names([generated_case(tmp_path, seed)])
    rows = coordinators(G)
    marked = [r for r in rows if r["marked"]]
    assert set(marked_coordinators(G)) == {r["id"] for r in marked}
    assert 1 <= len(marked) <= mark_limit(len(G)) <= max(1, len(G) // 10)
    assert all(r["sole_pairs"] >= 1 for r in marked)
    least = min(r["sole_pairs"] for r in marked)
    assert all(r["sole_pairs"] <= least for r in rows if not r["marked"])  # nobody left out links more


def test_the_star_rule_is_said_where_it_is_drawn(runner):
    legend = text("coordinator.mark", "ja")
    assert "1割" in legend and "★" in legend
    assert "one actor in ten" in text("coordinator.mark", "en")
    out = runner.invoke(cli, ["coordinators", "nippa"]).stdout
    assert legend in out
    assert "1割" in runner.invoke(cli, ["coordinators", "--help"]).stdout


# --- glosses ------------------------------------------------------------------------------------------------------

WORD_OF = {
    "coordinator": "col.coordinator",
    "itinerant": "col.itinerant",
    "boundary": "col.boundary",
    "representative": "col.representative",
    "gatekeeper": "col.gatekeeper",
    "liaison": "col.liaison",
    "total": "col.total",
    "effective_size": "col.effective_size",
    "constraint": "col.constraint",
    "betweenness": "col.betweenness",
    "articulation": "col.articulation",
    "cut_off": "col.cut_off",
    "only_path_pairs": "col.only_path_pairs",
    "sole_pairs": "col.sole_pairs",
    "cross_sector_pairs": "col.cross_sector_pairs",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_gloss_starts_with_the_word_the_tables_print(lang):
    from kyodo_network.analysis.compare import INDICATORS

    names = {i.id: (i.name if lang == "ja" else i.name_en) for i in INDICATORS}
    for key, line in zip(GLOSSARY["all"], glossary("all", lang)):
        word = line.split(": ", 1)[0]
        if key in WORD_OF:
            assert word == text(WORD_OF[key], lang), (key, word)
        elif key in names:  # 「E–I指数（セクター）」 is the E–I指数 over sectors
            assert names[key].lower().startswith(word.lower()), (key, word)
    assert text("col.effective_size", "ja") == "実効規模"


@pytest.mark.parametrize("command,group", [("bridges", "bridges"), ("coordinators", "coordinators")])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_help_glosses_every_measure_the_command_prints(runner, command, group, lang):
    out = runner.invoke(cli, [command, "--help", "--lang", lang]).stdout
    flat = re.sub(r"\s+", "", out)
    for line in glossary(group, lang):
        assert re.sub(r"\s+", "", line) in flat, line
    assert out.index(text("gloss.heading", lang)) < out.index("kyodo " + command)  # before the examples


def test_the_csv_header_says_the_same_word(runner):
    import csv
    import io

    ja = runner.invoke(cli, ["bridges", "nippa", "--format", "csv"]).stdout
    header = next(csv.reader(io.StringIO(ja.lstrip("\ufeff"))))
    assert "実効規模" in header and "内部調整" in header and "連絡" in header
    co = runner.invoke(cli, ["coordinators", "nippa", "--format", "csv"]).stdout
    header = next(csv.reader(io.StringIO(co.lstrip("\ufeff"))))
    assert "だけがつなぐ組" in header and "セクターをまたぐ仲介" in header
