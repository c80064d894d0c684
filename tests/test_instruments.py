"""The 横浜コード and the check sheet as data: what the handbook lists, with ids and accepted words."""

from kyodo_network.instruments import CHECKPOINTS, ITEMS, MOMENTS, PRINCIPLES, item_id, moment_id


def test_six_principles_in_the_handbook_order():
    assert [p.name for p in PRINCIPLES] == ["対等", "自主性尊重", "自立化", "相互理解", "目的共有", "公開"]
    assert [p.id for p in PRINCIPLES] == [
        "equality",
        "autonomy",
        "independence",
        "mutual-understanding",
        "shared-purpose",
        "openness",
    ]


def test_check_sheet_has_4_3_3_points_for_the_three_moments():
    by = {m: [c.id for c in CHECKPOINTS if c.moment == m] for m in MOMENTS}
    assert by == {
        "plan": ["plan-1", "plan-2", "plan-3", "plan-4"],
        "run": ["run-1", "run-2", "run-3"],
        "review": ["review-1", "review-2", "review-3"],
    }


def test_every_item_cites_its_section_and_speaks_both_languages():
    for item in ITEMS.values():
        assert item.cite and item.text and item.text_en and item.name and item.name_en


def test_words_people_type():
    assert item_id("対等の原則") == "equality" and item_id("ｏｐｅｎｎｅｓｓ") == "openness"
    assert item_id("計画1") == "plan-1" and item_id("nonsense") is None
    assert moment_id("実施") == "run" and moment_id("計画") == "plan"
    # no word maps to two items
    words = {}
    for i in ITEMS.values():
        for w in (i.id, i.name, i.name_en, *i.words):
            assert words.setdefault(w, i.id) == i.id, w
