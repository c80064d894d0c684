"""Finding actors by the names people write: ActorIndex.match, same_body, split_names and resolve_actor's hint.

Expectations are written by hand from how coordinators write partner lists (野庭小, 地区社協, 民児協, ケアプラザ,
NPO法人のばっこ, 野庭すずかけ回); the ``slip`` level is checked against a plain O(n²) Levenshtein distance on
seeded random names.
"""

from __future__ import annotations

import random

import pytest

from kyodo_network.names import MATCH_LEVELS, ActorIndex, ActorNameError, Match, resolve_actor, same_body, split_names

NOBA = [
    ("noba-school", "横浜市立野庭小学校", "Noba Elementary School"),
    ("noba-shakyo", "野庭地区社会福祉協議会", ""),
    ("noba-minjikyo", "野庭地区民生委員児童委員協議会", ""),
    ("noba-careplaza", "野庭地域ケアプラザ", "Noba Community Care Plaza"),
    ("nobakko", "のばっこ", ""),
    ("suzukake", "野庭すずかけ会", ""),
    ("pokapoka", "子育てサロン・ぽかぽか", ""),
    ("noba-first", "野庭第一町内会", ""),
    ("noba-chonai", "野庭町内会", ""),
]


@pytest.fixture
def noba() -> ActorIndex:
    return ActorIndex(NOBA)


@pytest.mark.parametrize(
    ("text", "ids", "how"),
    [
        ("noba-school", ("noba-school",), "exact"),
        ("野庭地域ケアプラザ", ("noba-careplaza",), "exact"),
        ("noba community care plaza", ("noba-careplaza",), "exact"),
        ("野庭小学校", ("noba-school",), "contains"),  # 横浜市立 removed
        ("野庭小", ("noba-school",), "contains"),  # inside 野庭小学校
        ("ケアプラザ", ("noba-careplaza",), "contains"),
        ("NPO法人のばっこ", ("nobakko",), "contains"),
        ("ＮＰＯ法人　のばっこ", ("nobakko",), "contains"),  # full width, NFKC
        ("特定非営利活動法人 のばっこ", ("nobakko",), "contains"),
        ("のばっこ（NPO法人）", ("nobakko",), "contains"),
        ("㈱のばっこ", ("nobakko",), "contains"),
        ("子育てサロン", ("pokapoka",), "contains"),
        ("地区社協", ("noba-shakyo",), "abbreviation"),
        ("民児協", ("noba-minjikyo",), "abbreviation"),  # 民…児…協 in order
        ("地区民児協", ("noba-minjikyo",), "abbreviation"),  # 民児協 written out
        ("野庭ケアプラ", ("noba-careplaza",), "abbreviation"),
        ("野庭すずかけ回", ("suzukake",), "slip"),
        ("野庭すずかけ", ("suzukake",), "contains"),
        ("瀬谷区役所", (), ""),
    ],
)
def test_match_by_hand(noba, text, ids, how):
    assert noba.match(text) == Match(ids, how)


def test_two_district_councils_are_ambiguous_never_guessed():
    ix = ActorIndex(
        [
            ("noba", "野庭地区社会福祉協議会", ""),
            ("hino", "日野南地区社会福祉協議会", ""),
            ("seya", "瀬谷区社会福祉協議会", ""),
        ]
    )
    assert ix.match("地区社協") == Match(("noba", "hino"), "abbreviation")
    assert ix.match("野庭地区社協") == Match(("noba",), "abbreviation")
    assert ix.match("社協") == Match(("noba", "hino", "seya"), "abbreviation")


def test_a_stricter_level_decides_even_when_ambiguous():
    ix = ActorIndex([("school", "横浜市立野庭小学校", ""), ("pta", "野庭小学校PTA", "")])
    assert ix.match("野庭小") == Match(("school", "pta"), "contains")  # both contain it: not guessed
    assert ix.match("野庭小学校") == Match(("school",), "contains")  # equal beats contained
    assert ix.match("野庭小PTA") == Match(("pta",), "abbreviation")


def test_an_id_wins_over_a_name():
    ix = ActorIndex([("nobakko", "のばっこ広場", ""), ("other", "nobakko", ""), ("npo", "まちのNPO", "")])
    assert ix.match("nobakko") == Match(("nobakko",), "exact")
    assert ix.match("NPO") == Match(("npo",), "exact")
    assert ix.find("nobakko") == ["nobakko"]


def test_ids_take_part_only_in_exact():
    ix = ActorIndex([("coordinator-s", "コーディネーターSさん", "")])
    assert ix.match("coordinator-z") == Match((), "")
    assert ix.match("coordinator") == Match((), "")


def test_a_name_shared_by_two_actors_is_ambiguous_at_exact():
    ix = ActorIndex([("a", "のばっこ", ""), ("b", "のばっこ", "")])
    assert ix.match("のばっこ") == Match(("a", "b"), "exact")


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("野庭第二町内会", "野庭第一町内会"),  # numbers tell bodies apart
        ("上野庭町内会", "下野庭町内会"),  # so do 上/下, 東/西 …
        ("東野庭町内会", "西野庭町内会"),
        ("野庭町内会A", "野庭町内会B"),
        ("野庭町内会2", "野庭町内会3"),
    ],
)
def test_a_contrast_is_not_a_slip(written, known):
    assert ActorIndex([("x", known, "")]).match(written) == Match((), "")
    assert not same_body(written, known)


def test_a_name_inside_the_text_must_begin_a_word():
    ix = ActorIndex([("chonai", "野庭町内会", "")])
    assert ix.match("上野庭町内会") == Match((), "")
    assert ix.match("野庭町内会さん") == Match(("chonai",), "contains")


def test_levels_can_be_chosen_and_keep_their_order(noba):
    assert noba.match("のばっこ", levels=("slip",)) == Match((), "")
    assert noba.match("野庭すずかけ回", levels=("slip", "contains")) == Match(("suzukake",), "slip")
    assert noba.match("noba-school", levels=MATCH_LEVELS[1:]) == Match((), "")
    with pytest.raises(ValueError, match="fuzzy"):
        noba.match("x", levels=("fuzzy",))


def test_the_loose_forms_are_built_once_and_only_when_needed(noba):
    assert noba.match("nobakko").how == "exact" and noba._fuzzy is None
    noba.match("地区社協")
    built = noba._fuzzy
    noba.match("野庭すずかけ回")
    assert built is not None and noba._fuzzy is built


# --- the slip level against a plain Levenshtein distance ------------------------------------------------------


def levenshtein(a: str, b: str) -> int:
    """Edit distance by the textbook dynamic programme, O(len(a)·len(b))."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _random_case(rng: random.Random) -> tuple[list[tuple[str, str, str]], list[str]]:
    alphabet = "あいうかきくさしす"  # no contrast characters, no legal forms, no abbreviations
    names = {"".join(rng.choice(alphabet) for _ in range(rng.randint(3, 8))) for _ in range(rng.randint(5, 40))}
    actors = [(f"id{n}", name, "") for n, name in enumerate(sorted(names))]
    queries = []
    for _ in range(60):
        q = list(rng.choice(sorted(names)))
        for _ in range(rng.randint(0, 2)):
            i, op = rng.randrange(len(q) + 1), rng.choice("sid")
            if op == "i":
                q.insert(i, rng.choice(alphabet))
            elif q and i < len(q):
                q[i : i + 1] = [rng.choice(alphabet)] if op == "s" else []
        queries.append("".join(q))
    queries += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(20)]
    return actors, queries


@pytest.mark.parametrize("seed", range(25))
def test_slip_agrees_with_a_plain_levenshtein(seed):
    rng = random.Random(seed)
    actors, queries = _random_case(rng)
    ix = ActorIndex(actors)
    for q in queries:
        want = tuple(i for i, name, _ in actors if len(q) >= 5 and len(name) >= 5 and levenshtein(q, name) == 1)
        assert ix.match(q, levels=("slip",)).ids == want, q
        got = ix.match(q)
        if got.how == "slip":
            assert got.ids == want, q
        if got.how == "":
            assert want == (), q
        for _, name, _ in actors:
            assert same_body(q, name) == (q == name or (min(len(q), len(name)) >= 5 and levenshtein(q, name) == 1))


# --- same_body ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("NPO法人 のばっこ", "のばっこ", True),
        ("ＮＰＯ法人のばっこ", "のばっこ（特定非営利活動法人）", True),
        ("社会福祉法人 横浜市野庭地区社会福祉協議会", "野庭地区社会福祉協議会", True),
        ("野庭すずかけ会", "野庭すずかけ回", True),
        ("野庭町内会", "野庭町内会連合", False),
        ("のばっこ", "のばつこ", False),  # a slip counts only from five characters
        ("地区社協", "野庭地区社会福祉協議会", False),  # abbreviations do not count
        ("", "", False),
    ],
)
def test_same_body(a, b, same):
    assert same_body(a, b) is same
    assert same_body(b, a) is same


# --- split_names ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("子育てサロン・ぽかぽか、野庭小", ["子育てサロン・ぽかぽか", "野庭小"]),
        ("地区社協・民児協", ["地区社協", "民児協"]),
        ("子育てサロン・ぽかぽか・野庭小", ["子育てサロン・ぽかぽか", "野庭小"]),
        ("のばっこ・野庭小", ["のばっこ", "野庭小"]),  # のばっこ is inside the run, not the run inside it
        ("野庭小，地区社協；民児協／ケアプラザ", ["野庭小", "地区社協", "民児協", "ケアプラザ"]),
        ("野庭小\n 地区社協 \r\n民児協", ["野庭小", "地区社協", "民児協"]),
        ("「のばっこ」など、『野庭すずかけ会』ほか", ["のばっこ", "野庭すずかけ会"]),
        ("（野庭小）、野庭中等", ["野庭小", "野庭中"]),
        ("(株)のばっこ(本部)", ["(株)のばっこ(本部)"]),  # brackets not around the whole stay
        ("野庭小、野庭小 、ＮＰＯ法人　のばっこ", ["野庭小", "NPO法人 のばっこ"]),
        ("自治会（その1・名称不明）、のばっこ", ["自治会(その1・名称不明)", "のばっこ"]),  # no split inside brackets
        ("野庭小、なし、", ["野庭小"]),
    ],
)
def test_split_names(noba, cell, names):
    assert split_names(cell, noba) == names


def test_split_names_without_an_index_splits_at_every_dot():
    assert split_names("子育てサロン・ぽかぽか、野庭小") == ["子育てサロン", "ぽかぽか", "野庭小"]


@pytest.mark.parametrize(
    "cell",
    [
        "なし",
        "特になし",
        "無し",
        "ない",
        "無回答",
        "（無回答）",
        "-",
        "―",
        "ー",
        "該当なし",
        "特に無し",
        "　特に　なし　",
        "ＮＯＮＥ",
        "",
        "  ",
        "「なし」",
        "、",
    ],
)
def test_cells_meaning_none(cell):
    assert split_names(cell) == []


# --- resolve_actor --------------------------------------------------------------------------------------------


def test_resolve_actor_names_the_one_match_as_did_you_mean(noba, monkeypatch):
    monkeypatch.setenv("KYODO_LANG", "en")
    assert resolve_actor(noba, "野庭地区社会福祉協議会") == "noba-shakyo"
    with pytest.raises(ActorNameError, match="did you mean '野庭地区社会福祉協議会'"):
        resolve_actor(noba, "地区社協")
    with pytest.raises(ActorNameError, match="did you mean '野庭すずかけ会'"):
        resolve_actor(noba, "野庭すずかけ回")
    # a part of one name, as the map's search finds it, names that actor (issue 20): no did-you-mean needed
    assert (
        resolve_actor(noba, "Noba Elementary")
        == resolve_actor(noba, "野庭小")
        == resolve_actor(noba, "横浜市立野庭小学校")
    )


def test_resolve_actor_falls_back_to_the_closest_when_the_match_is_not_one(monkeypatch):
    monkeypatch.setenv("KYODO_LANG", "en")
    ix = ActorIndex(
        [
            ("noba", "野庭地区社会福祉協議会", ""),
            ("hino", "日野南地区社会福祉協議会", ""),
            ("coordinator-s", "コーディネーターSさん", ""),
        ]
    )
    with pytest.raises(ActorNameError, match="did you mean 'coordinator-s'"):
        resolve_actor(ix, "coordinator-z")
    with pytest.raises(ActorNameError) as err:
        resolve_actor(ix, "地区社協")  # two fit: neither is offered as the one
    assert "fits more than one" not in err.value.message("en")


def test_resolve_actor_names_by_id_when_the_name_would_find_another(monkeypatch):
    monkeypatch.setenv("KYODO_LANG", "en")
    ix = ActorIndex([("野庭つばさ会", "みどり", ""), ("c", "野庭つばさ会", "")])  # one actor's id, another's name
    with pytest.raises(ActorNameError, match="did you mean 'c'"):
        resolve_actor(ix, "野庭つばさ回")
