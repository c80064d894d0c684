"""Reviews (振り返り) against the 横浜コード and the check sheet: loading, problems, kyodo review, the sheet."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from kyodo_network.analysis.review import review_findings
from kyodo_network.cli import cli
from kyodo_network.errors import CaseDataError
from kyodo_network.graph import graph_from_names
from kyodo_network.load import bundled_cases, load_cases

DATA = Path(__file__).parent / "data" / "review"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_gap_on_shared_purpose_comes_first_with_both_scores():
    result = run("review", str(DATA / "gap.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    salon = next(p for p in json.loads(result.stdout)["projects"] if p["id"] == "salon")
    assert salon["gaps"][0] == "shared-purpose"
    row = next(x for x in salon["items"] if x["item"] == "shared-purpose")
    assert row["scores"] == {"midori": 4, "ward-office": 2}  # the latest answer of each side
    assert (row["citizen"], row["government"], row["gap"]) == (4, 2, 2)
    assert row["change"] == {"midori": 1}  # 3 in 2023, 4 in 2024
    table = run("review", str(DATA / "gap.yaml"), "--project", "salon")
    first = table.stdout.splitlines()[2]
    assert "目的共有" in first and "みどりの会 4" in first and "地域振興課 2" in first and "認識の違い" in first


def test_weakest_unanswered_and_flags():
    f = review_findings(graph_from_names([str(DATA / "gap.yaml")]), projects=["salon", "patrol"])
    salon, patrol = f["projects"]
    assert salon["weakest"] == ["equality"]  # means: equality 2.5, shared-purpose 3, openness 3
    assert "autonomy" in salon["unanswered"] and "plan-1" not in salon["unanswered"]
    assert f["comparison"]["equality"] == {"salon": 2.5, "patrol": 4}
    flags = {(x["flag"], x.get("to") or x.get("project")) for x in f["flags"]}
    # ward-office → midori is a commission with no agreement; → council has one; patrol records roles
    assert flags == {("commission-without-agreement", "midori"), ("no-role-split", "salon")}


def test_reviewer_misspelt_principle_and_score_seven_are_located():
    with pytest.raises(CaseDataError) as err:
        load_cases([DATA / "bad.yaml"])
    found = {(Path(p.path).name, p.line, p.code) for p in err.value.problems}
    assert found == {
        ("bad.yaml", 12, "not-participant"),
        ("bad.yaml", 19, "unknown-item"),
        ("bad.yaml", 19, "bad-score"),
    }
    item = next(p for p in err.value.problems if p.code == "unknown-item")
    assert "目的共有" in item.format("ja") and "shared-purpose" in item.format("en")
    result = run("review", str(DATA / "bad.yaml"))
    assert result.exit_code == 1 and "bad.yaml:19:31" in result.stderr


def test_bundled_cases_carry_no_reviews():
    for case in load_cases(list(bundled_cases().values())):
        assert not case.reviews and not any(p.reviews for p in case.projects)


def test_blank_sheet_pdf_html_xlsx_and_filled_xlsx_imports_back(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("m.pdf", "m.html", "m.xlsx"):
        result = run("review", "nippa", "--sheet", "--project", "nippa-machibushin", "-o", name)
        assert result.exit_code == 0, result.output
    assert Path("m.pdf").read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    page = PdfReader("m.pdf").pages[0]
    assert abs(float(page.mediabox.width) - 595.3) < 1 and "目的共有" in page.extract_text()
    assert "新羽駅周辺地区まちづくり協議会" in Path("m.html").read_text(encoding="utf-8")
    book = openpyxl.load_workbook("m.xlsx")
    sheet = book["振り返り"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows, 1) if r[0] == "項目ID")
    sides = rows[header - 1][2:]
    assert len(sides) == 4  # one column per participant of the project
    gov = 3 + sides.index("横浜市都市整備局地域まちづくり課")
    sheet.cell(2, 2, 2024)
    for i, r in enumerate(rows[header:], header + 1):
        if r[0] == "shared-purpose":
            sheet.cell(i, 3, 4)
            sheet.cell(i, gov, 1)
        if r[0] == "plan-4":
            sheet.cell(i, 3, 2)
    book.save("filled.xlsx")
    result = run("review", "nippa", "filled.xlsx", "--format", "json")
    assert result.exit_code == 0, result.output
    (pr,) = json.loads(result.stdout)["projects"]
    row = next(x for x in pr["items"] if x["item"] == "shared-purpose")
    assert row["scores"] == {"nippa-council": 4, "yokohama-machizukuri-div": 1} and row["gap"] == 3
    assert pr["gaps"] == ["shared-purpose"]
    assert next(x for x in pr["items"] if x["item"] == "plan-4")["scores"] == {"nippa-council": 2}


def test_filled_sheet_score_out_of_range_names_the_cell(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("review", "nippa", "--sheet", "--project", "nippa-machibushin", "-o", "m.xlsx")
    book = openpyxl.load_workbook("m.xlsx")
    sheet = book["振り返り"]
    sheet.cell(2, 2, 2024)
    sheet.cell(6, 3, 7)  # row 6: the second item (autonomy), first side
    book.save("m.xlsx")
    result = run("review", "nippa", "m.xlsx")
    assert result.exit_code == 1 and "振り返り!C6" in result.stderr and "bad-score" in result.stderr


def test_chart_and_usage_errors(tmp_path):
    out = tmp_path / "c.png"
    result = run("review", str(DATA / "gap.yaml"), "--chart", str(out))
    assert result.exit_code == 0 and out.read_bytes()[:4] == b"\x89PNG"
    assert run("review", "nippa", "--sheet").exit_code == 2
    assert run("review", "nippa", "--project", "no-such-project").exit_code == 2


def test_agreement_words_and_unknown_item(tmp_path):
    p = tmp_path / "a.yaml"
    p.write_text(
        (DATA / "gap.yaml").read_text(encoding="utf-8").replace("事業目的の共有: true", "事業目標: true"),
        encoding="utf-8",
    )
    with pytest.raises(CaseDataError) as err:
        load_cases([p])
    assert [(q.line, q.code) for q in err.value.problems] == [(9, "unknown-agreement-item")]
