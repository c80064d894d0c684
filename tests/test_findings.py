"""The headline finding of each bundled case, as a reader of the handbook would state it."""

from __future__ import annotations

import pytest

from kyodo_network import graph_from_cases, load_cases
from kyodo_network.analysis.bridges import bridging_scores, coordinators
from kyodo_network.analysis.risk import risks, what_if


@pytest.fixture(scope="module")
def graphs():
    return {c.id: graph_from_cases([c]) for c in load_cases()}


def ranked(G):
    return [r["id"] for r in bridging_scores(G)]


def test_nippa_coordinator_s_is_a_top_bridge_and_holds_in_the_groups_he_brought(graphs):
    G = graphs["nippa"]
    assert "coordinator-s" in ranked(G)[:3]
    s = next(r for r in bridging_scores(G) if r["id"] == "coordinator-s")
    assert s["articulation"]
    # Sさんのしかけ①: he gathered new residents, children and the PTA, who had not been part of the 地区計画.
    gone = what_if(G, ["coordinator-s"])
    assert set(gone["cut_off"]) == {"nippa-new-residents", "nippa-children", "nippa-pta"}
    assert "Coordinator S" in s["explanation"]["en"] and "コーディネーターSさん" in s["explanation"]["ja"]
    # Persons come first among the coordinators, and S is one of them.
    assert "coordinator-s" in [r["id"] for r in coordinators(G) if r["sector"] == "person"]


def test_seya_district_support_team_is_the_hub_and_the_only_link_to_oyaji_no_hiroba(graphs):
    G = graphs["akuwa-north"]
    assert ranked(G)[0] == "seya-support-team"
    assert what_if(G, ["seya-support-team"])["cut_off"] == ["akuwa-north-oyaji-no-hiroba"]
    assert risks(G)[0]["id"] == "seya-support-team"


def test_dream_heights_council_and_flat_station_bridge_the_estate(graphs):
    G = graphs["dream-heights"]
    assert ranked(G)[:2] == ["dream-heights-council", "dream-heights-flat-station"]
    council = bridging_scores(G)[0]
    # The council of 2 自治会 and 6 市民活動団体 joins neighbourhood associations and NPOs.
    assert ["neighbourhood", "npo"] in [x["sectors"] for x in council["sectors_bridged"]]
    assert "自治会町内会とNPO・市民活動" in council["explanation"]["ja"]


def test_konandai_proposing_group_bridges_ward_and_community(graphs):
    G = graphs["konandai-playpark"]
    assert ranked(G)[0] == "konandai-juku"
    assert risks(G) == []  # the committee gives every group a second path


def test_kodomo_fudo_service_section_was_the_only_link_to_nursery_schools(graphs):
    G = graphs["kodomo-fudo"]
    top = risks(G)[0]
    assert top["id"] == "aoba-service-ka"
    assert top["cut_off"] == ["kodomo-fudo-nursery-schools"]


def test_year_option_changes_the_picture(graphs):
    [case] = load_cases(["dream-heights"])
    before = graph_from_cases([case], year=2000)
    assert "dream-heights-flat-station" not in before
    assert "dream-heights-flat-station" in graphs["dream-heights"]
