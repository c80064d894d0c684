"""Spreadsheets in: the template filled in, Kumu's layout, CSV (CP932 and UTF-8), mistakes located by cell,
``kyodo template`` and ``kyodo import``.

Workbooks are built with openpyxl inside each test. Loading a workbook itself as a CASE needs the loader's
``parse_tree`` (issue 9's loader work); those checks are skipped until it is there.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from kyodo_network.cli import cli
from kyodo_network.graph import graph_from_cases
from kyodo_network.load import load_cases
from kyodo_network.model import RELATION_TYPES, SECTORS
from kyodo_network.render.workbook import write_template, write_workbook
from kyodo_network.casefile.sheets import CsvFile, read_csv_tables, read_workbook, where


def _sheet(book: openpyxl.Workbook, name: str, rows: list[list]) -> None:
    ws = book.create_sheet(name)
    for row in rows:
        ws.append(row)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """The template as a coordinator fills it in: names, Japanese words, a 地区 sheet."""
    path = tmp_path / "midori.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    district = book["地区"]
    for row in district.iter_rows(min_row=2):
        row[1].value = {"名前": "みどり地区", "区": "緑区", "出典": "聞き取り"}.get(row[0].value)
    actors = book["アクター"]
    actors.append(["みどりの会", "自治会", "子育て、 見守り", "会場,人手", None, "内部", None, 2013.0])
    actors.append(["  ", None])  # whitespace only: an empty row
    actors.append(["ＮＰＯあおば", "NPO", "子育て|居場所", None, "資金", None, "045-000-0000", "平成25", 2020])
    relations = book["関係"]
    relations.append(["みどりの会", "ＮＰＯあおば", "協力", 3])
    projects = book["協働事業"]
    projects.append(["夏まつり", "みどりの会，ＮＰＯあおば", 2016])
    book.save(path)
    return path


def test_the_filled_template_becomes_a_located_case_tree(filled):
    tree, problems = read_workbook(filled, "midori.xlsx")
    assert problems == []
    assert tree["format"] == "kyodo-case/1"
    assert dict(tree["district"]) == {"name": "みどり地区", "ward": "緑区"}
    assert dict(tree["source"]) == {"title": "聞き取り"}
    assert tree["district"].value_pos["ward"] == (3, 2, "地区")
    first, second = tree["actors"]
    assert dict(first) == {
        "name": "みどりの会",
        "sector": "自治会",
        "themes": ["子育て", "見守り"],
        "offers": ["会場", "人手"],
        "visibility": "internal",
        "since": 2013,
    }
    assert first.pos == (2, 1, "アクター") and first.value_pos["offers"] == (2, 4, "アクター")
    assert first["themes"].item_pos == [(2, 3, "アクター")] * 2
    assert tree["actors"].item_pos == [(2, 1, "アクター"), (4, 1, "アクター")]  # row 3 is blank
    assert second["name"] == "ＮＰＯあおば"  # the loader, not the reader, normalises width
    assert second["since"] == "平成25" and second["until"] == 2020 and second["contact"] == "045-000-0000"
    assert second.value_pos["until"] == (4, 9, "アクター")
    assert dict(tree["relations"][0]) == {"from": "みどりの会", "to": "ＮＰＯあおば", "type": "協力", "weight": 3}
    assert tree["relations"][0].value_pos["weight"] == (2, 4, "関係")
    project = tree["projects"][0]
    assert project["participants"] == ["みどりの会", "NPOあおば"] and project["since"] == 2016  # names split, NFKC
    assert where("midori.xlsx", project.value_pos["participants"]) == ("midori.xlsx", 2, 2, "協働事業")


def test_without_a_district_sheet_the_name_is_the_file_stem_and_english_headers_work(tmp_path):
    path = tmp_path / "aoba-hills.xlsx"
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "Actors", [["ＩＤ", "name", "SECTOR", "Themes*"], ["a-1", "Aoba", "npo", "x, y"]])
    _sheet(book, "Notes", [["anything", "here"]])  # a sheet of another name is not read
    book.save(path)
    tree, problems = read_workbook(path, "aoba-hills.xlsx")
    assert problems == []
    assert tree["district"]["name"] == "aoba-hills"
    assert dict(tree["actors"][0]) == {"id": "a-1", "name": "Aoba", "sector": "npo", "themes": ["x", "y"]}
    assert "relations" not in tree


def test_kumu_layout(tmp_path):
    path = tmp_path / "kumu.xlsx"
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(
        book,
        "Elements",
        [
            ["Label", "Type", "Description", "Tags"],
            ["Aoba Club", "neighbourhood", "monthly meetings", "kids|elderly、care"],
            ["Hill School", "school"],
            ["Ward Office", "government"],
        ],
    )
    _sheet(
        book,
        "Connections",
        [
            ["From", "To", "Type", "Strength", "Description"],
            ["Aoba Club", "Hill School|Ward Office", None, 1, "since the fire drill"],
            ["Ward Office", "Hill School", "advice"],
        ],
    )
    _sheet(book, "Elements (ignore)", [["Label"], ["Ghost"]])
    book.save(path)
    tree, problems = read_workbook(path, "kumu.xlsx")
    assert problems == []
    aoba = tree["actors"][0]
    assert dict(aoba) == {
        "name": "Aoba Club",
        "sector": "neighbourhood",
        "note": "monthly meetings",
        "themes": ["kids", "elderly、care"],
    }  # Kumu's tags split on | only
    assert [a["name"] for a in tree["actors"]] == ["Aoba Club", "Hill School", "Ward Office"]
    rels = [(r["from"], r["to"], r["type"], r.get("weight")) for r in tree["relations"]]
    assert rels == [
        ("Aoba Club", "Hill School", "cooperation", 1),
        ("Aoba Club", "Ward Office", "cooperation", 1),
        ("Ward Office", "Hill School", "advice", None),
    ]
    assert tree["relations"].item_pos == [(2, 1, "Connections"), (2, 1, "Connections"), (3, 1, "Connections")]
    assert tree["relations"][1].value_pos["to"] == (2, 2, "Connections")
    assert tree["relations"][0]["note"] == "since the fire drill"


def test_a_cp932_csv_pair(tmp_path):
    actors, relations = tmp_path / "actors.csv", tmp_path / "relations.csv"
    actors.write_bytes('名前,セクター,テーマ\r\nみどりの会,自治会,"子育て、見守り"\r\n区役所,行政,\r\n'.encode("cp932"))
    relations.write_bytes("から,へ,種類,開始年\r\nみどりの会,区役所,補助,R2\r\n".encode("cp932"))
    tree, problems = read_csv_tables(actors, relations, display=lambda p: p.name, district="みどり")
    assert problems == []
    assert tree["district"]["name"] == "みどり"
    assert dict(tree["actors"][0]) == {"name": "みどりの会", "sector": "自治会", "themes": ["子育て", "見守り"]}
    assert "themes" not in tree["actors"][1]
    assert dict(tree["relations"][0]) == {"from": "みどりの会", "to": "区役所", "type": "補助", "since": "R2"}
    pos = tree["relations"][0].value_pos["since"]
    assert pos == (2, 4, "relations.csv") and isinstance(pos[2], CsvFile)
    assert where("ignored", pos) == ("relations.csv", 2, 4, "")


def test_csv_in_utf8_with_bom_kumu_headers_and_other_encodings(tmp_path):
    actors, relations = tmp_path / "a.csv", tmp_path / "r.csv"
    actors.write_text("\ufeffLabel,Type\nAoba,npo\nHill,school\n", encoding="utf-8")
    relations.write_text("From,To\nAoba,Hill\n", encoding="utf-8")
    tree, problems = read_csv_tables(actors, relations)
    assert problems == [] and tree["actors"][0]["name"] == "Aoba"
    assert tree["relations"][0]["type"] == "cooperation"  # Kumu's empty type
    relations.write_text("From,To\nAoba,Hill\n", encoding="utf-16")  # Excel's 「Unicode テキスト」: read too
    tree, problems = read_csv_tables(actors, relations)
    assert problems == [] and tree["relations"][0]["to"] == "Hill"
    relations.write_bytes(b"From,To\n\x80\xff\xfe\x81\n")  # neither UTF-8 nor CP932
    tree, problems = read_csv_tables(actors, relations)
    assert tree is None and "Shift_JIS" in problems[0].format("en") and "neither UTF-8" in problems[0].format("en")


def test_every_mistake_in_a_spreadsheet_is_located_by_sheet_and_cell(tmp_path):
    path = tmp_path / "bad.xlsx"
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "地区", [["項目", "値"], ["名前", "みどり"], ["区名", "緑区"]])
    _sheet(
        book,
        "アクター",
        [
            ["名前", "セクター", "テマ", "公開範囲", "求めていること", "名前"],
            ["みどりの会", "自治会", "x", "ひみつ", "資金;人手", "dup"],
            ["区役所", "行政", None, None, "会場\n人手", None, None, "stray"],
        ],
    )
    _sheet(book, "関係", [["から", "種類"], ["みどりの会", "協力"]])
    _sheet(book, "協働事業", [["名前", "参加者"], ["夏まつり", "みどりの会；区役所"]])
    book.save(path)
    tree, problems = read_workbook(path, "bad.xlsx")
    found = sorted(f"{str(p).split(': ')[0]} {p.code}" for p in problems)  # the place, as the user reads it
    assert found == sorted(
        [
            "bad.xlsx:関係!A1 missing-field",  # no へ column: a tie needs its other end
        ]
    )
    said = {str(p).split(": ")[0]: str(p) for p in problems if p.code != "bad-value"}
    assert "へ / To" in said["bad.xlsx:関係!A1"]
    # what is not wrong, only unknown, is said as a note: a heading it does not know, a second 名前 column, a value
    # in a column without a heading
    notes = {f"{str(n).split(': ')[0]} {n.code}" for n in tree.notes}
    assert (
        {
            "bad.xlsx:地区!A3 note-column-skipped",
            "bad.xlsx:アクター!C1 note-column-skipped",
            "bad.xlsx:アクター!D2 note-visibility",  # ひみつ is not a visibility word: private, on the safe side "bad.xlsx:アクター!F1 note-column-second",
            "bad.xlsx:アクター!H3 note-column-unlabeled",
        }
        <= notes
    )
    # ; and line breaks separate items as people write them
    assert tree["actors"][0]["needs"] == ["資金", "人手"]
    assert tree["actors"][1]["needs"] == ["会場", "人手"]
    assert tree["projects"][0]["participants"] == ["みどりの会", "区役所"]


def test_workbooks_that_cannot_be_read(tmp_path):
    fake = tmp_path / "old.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0 an old .xls file")
    tree, problems = read_workbook(fake, "old.xlsx")
    assert tree is None and problems[0].code == "unreadable" and ".xlsx" in str(problems[0])
    path = tmp_path / "nosheet.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "アクタ"
    book.save(path)
    tree, problems = read_workbook(path, "nosheet.xlsx")
    assert [p.code for p in problems] == ["unreadable"] and "アクタ" in str(problems[0])  # names the sheets it has


@pytest.mark.parametrize(
    "lang, sheets, actor_headers",
    [
        (
            "ja",
            ["地区", "アクター", "関係", "協働事業", "使い方"],
            [
                "名前",
                "セクター",
                "テーマ",
                "提供できること",
                "求めていること",
                "公開範囲",
                "連絡先",
                "開始年",
                "終了年",
                "出典",
                "メモ",
            ],
        ),
        (
            "en",
            ["District", "Actors", "Relations", "Projects", "How to use"],
            [
                "Name",
                "Sector",
                "Themes",
                "Offers",
                "Needs",
                "Visibility",
                "Contact",
                "Since",
                "Until",
                "Source",
                "Note",
            ],
        ),
    ],
)
def test_kyodo_template_writes_the_sheets_columns_and_lists(runner, tmp_path, monkeypatch, lang, sheets, actor_headers):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["template", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "my-district.xlsx"
    book = openpyxl.load_workbook(tmp_path / "my-district.xlsx")
    assert book.sheetnames == sheets
    actors, relations, projects = (book[n] for n in sheets[1:4])
    assert [c.value for c in actors[1]] == actor_headers
    assert len([c.value for c in relations[1]]) == 8 and len([c.value for c in projects[1]]) == 7
    lists = {str(dv.sqref): dv.formula1.strip('"').split(",") for dv in actors.data_validations.dataValidation}
    sector_words = [s.label if lang == "ja" else s.id for s in SECTORS.values()]
    assert lists == {
        "B2:B1000": sector_words,
        "F2:F1000": ["公開", "内部", "非公開"] if lang == "ja" else ["public", "internal", "private"],
    }
    [types] = relations.data_validations.dataValidation
    assert str(types.sqref) == "C2:C1000"
    assert types.formula1.strip('"').split(",") == [t.name if lang == "ja" else t.id for t in RELATION_TYPES.values()]
    howto = "\n".join(str(c.value) for row in book[sheets[4]].iter_rows() for c in row if c.value)
    assert all(h in howto for h in actor_headers)
    # a blank template reads back as an empty case with no problems
    tree, problems = read_workbook(tmp_path / "my-district.xlsx", "my-district.xlsx")
    assert problems == [] and list(tree["actors"]) == [] and tree["district"]["name"] == "my-district"
    again = runner.invoke(cli, ["template", "--lang", lang])
    assert again.exit_code == 2 and "--force" in again.stderr
    assert runner.invoke(cli, ["template", "--force"]).exit_code == 0


def _network(G: nx.Graph) -> tuple[dict, dict]:
    keys = (
        "kind",
        "name",
        "name_en",
        "sector",
        "since",
        "until",
        "visibility",
        "themes",
        "offers",
        "needs",
        "role",
        "cite",
        "note",
        "contact",
        "projects",
    )
    nodes = {n: tuple(d.get(k) for k in keys) for n, d in G.nodes(data=True)}
    edges = {
        tuple(sorted((u, v))): (
            sorted(d["types"]),
            d["weight"],
            sorted((r["from"], r["since"], r["until"], r["cite"]) for r in d["relations"]),
        )
        for u, v, d in G.edges(data=True)
    }
    return nodes, edges


def test_a_bundled_case_through_a_workbook_and_kyodo_import_is_the_same_network(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    [nippa] = load_cases(["nippa"])
    write_workbook(tmp_path / "nippa.xlsx", nippa, "en")  # ids and English sector/type ids: today's loader reads it
    result = runner.invoke(cli, ["import", "nippa.xlsx", "-o", "nippa-copy.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "nippa-copy.yaml"
    [copy] = load_cases([tmp_path / "nippa-copy.yaml"])
    # A participant's role travels as 「名前:役割」 (its English role does not), so the convener's hub stays.
    original, imported = graph_from_cases([nippa]), graph_from_cases([copy])
    assert _network(imported) == _network(original)
    assert imported.number_of_nodes() == original.number_of_nodes() > 10
    assert len(copy.relations) == len(nippa.relations) and len(copy.projects) == len(nippa.projects)
    assert [p.participants for p in copy.projects] == [
        tuple(x._replace(role_en=None) for x in p.participants) for p in nippa.projects
    ]


def test_the_workbook_itself_loads_to_the_same_network_as_its_import(runner, tmp_path, monkeypatch, filled):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["import", str(filled), "-o", "midori.yaml"]).exit_code == 0
    [from_yaml] = load_cases([tmp_path / "midori.yaml"])
    [from_book] = load_cases([filled])
    assert _network(graph_from_cases([from_book])) == _network(graph_from_cases([from_yaml]))


def test_kyodo_import_refuses_to_overwrite_and_writes_nothing_on_problems(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_template(tmp_path / "blank.xlsx")
    result = runner.invoke(cli, ["import", "blank.xlsx", "-o", "./blank.xlsx"])
    assert result.exit_code == 1 and "入力ファイル" in result.stderr  # an input is never a target (issue 10)
    (tmp_path / "taken.yaml").write_text("keep me", encoding="utf-8")
    result = runner.invoke(cli, ["import", "blank.xlsx", "-o", "taken.yaml"])
    assert result.exit_code == 2 and (tmp_path / "taken.yaml").read_text(encoding="utf-8") == "keep me"
    book = openpyxl.load_workbook(tmp_path / "blank.xlsx")
    book["関係"]["B1"] = "さき"  # へ renamed: unknown header and a missing column
    book.save(tmp_path / "broken.xlsx")
    result = runner.invoke(cli, ["import", "broken.xlsx", "-o", "broken.yaml"])
    assert result.exit_code == 1
    lines = {line.split(": ")[0]: line for line in result.stderr.splitlines()}
    assert "へ / To" in lines["broken.xlsx:関係!A1"] and "(missing-field)" in lines["broken.xlsx:関係!A1"]
    assert not (tmp_path / "broken.yaml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blank.xlsx", "broken.xlsx", "taken.yaml"]  # no temp left
    book = openpyxl.load_workbook(tmp_path / "blank.xlsx")
    book["関係"].append(["みどりの会", "区役所", "協力"])  # names no actor of the (empty) file: both are made, and said
    book.save(tmp_path / "orphan.xlsx")
    result = runner.invoke(cli, ["import", "orphan.xlsx", "-o", "orphan.yaml"])
    assert result.exit_code == 0 and (tmp_path / "orphan.yaml").exists()
    assert "orphan.xlsx:関係!A2: 「みどりの会」は一覧にない名前なので、新しいアクター" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["import", "blank.xlsx", "other.txt"])
    assert result.exit_code == 2
