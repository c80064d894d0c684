"""A located tree from a spreadsheet (positions ``(row, col, sheet)``) parses like YAML, with cells in messages."""

from __future__ import annotations

from kyodo_network.casefile.yaml import YList, YMap
from kyodo_network.errors import Problem
from kyodo_network.load import parse_tree
from kyodo_network.model import Origin
from kyodo_network.validate import link_case


def ymap(pairs: dict, pos: tuple) -> YMap:
    out = YMap()
    out.pos, out.key_pos, out.value_pos = pos, {}, {}
    for k, (value, vpos) in pairs.items():
        out[k], out.key_pos[k], out.value_pos[k] = value, vpos, vpos
    return out


def ylist(items: list, pos: tuple) -> YList:
    out = YList(v for v, _ in items)
    out.pos, out.item_pos = pos, [p for _, p in items]
    return out


def test_sheet_positions_reach_records_and_problems():
    a = ymap({"name": ("みどりの会", (2, 1, "アクター")), "sector": ("自治会", (2, 2, "アクター"))}, (2, 1, "アクター"))
    b = ymap({"name": ("そらの会", (3, 1, "アクター")), "sector": ("NPO", (3, 2, "アクター"))}, (3, 1, "アクター"))
    r = ymap(
        {"from": ("みどりの会", (2, 1, "関係")), "to": ("みどり会", (2, 2, "関係")), "type": ("協力", (2, 3, "関係"))},
        (2, 1, "関係"),
    )
    tree = ymap(
        {
            "format": ("kyodo-case/1", (1, 1, "使い方")),
            "district": (ymap({"name": ("地区", (1, 2, "使い方"))}, (1, 1, "使い方")), (1, 1, "使い方")),
            "actors": (
                ylist([(a, (2, 1, "アクター")), (b, (3, 1, "アクター"))], (1, 1, "アクター")),
                (1, 1, "アクター"),
            ),
            "relations": (ylist([(r, (2, 1, "関係"))], (1, 1, "関係")), (1, 1, "関係")),
        },
        (1, 1, "使い方"),
    )
    case, includes, problems = parse_tree(tree, "my.xlsx")
    assert problems == [] and includes == []
    assert case.id == "my" and case.actors[0].origin == Origin("my.xlsx", 2, 1, "アクター")
    assert str(case.actors[0].origin) == "my.xlsx:アクター!A2"
    linked, problems = link_case(case, [])
    [p] = problems  # 「みどり会」 is みどりの会 written short, so the tie runs from みどりの会 to itself
    assert (p.path, p.sheet, p.line, p.col, p.code) == ("my.xlsx", "関係", 2, 2, "self-relation")
    [note] = [n for n in linked.notes if n.code == "note-name-matched"]
    assert note.format("ja") == "my.xlsx:関係!B2: 「みどり会」→「みどりの会」（略称として） (note-name-matched)"


def test_problem_places():
    assert Problem("f.xlsx", 12, 28, "x", {}, "関係").where() == "f.xlsx:関係!AB12"
    assert Problem("f.xlsx", 12, 0, "x", {}, "関係").where() == "f.xlsx:関係!12:12"
    assert Problem("f.yaml", 3, 4, "x").where() == "f.yaml:3:4" and Problem("f.yaml", 0, 0, "x").where() == "f.yaml"
