"""The report gains the reviews section where reviews exist (issue 14), and only there."""

from pathlib import Path

from kyodo_network.graph import graph_from_names
from kyodo_network.render.report import report_html

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "review-example.yaml"


def test_reviews_section_shows_the_gap_first_with_both_sides():
    page = report_html(graph_from_names([EXAMPLE]), map_svg="<svg></svg>")
    section = page[page.index('id="reviews"') :]
    section = section[: section.index("</section>")]
    rows = section.split("<tr>")[2:]  # after the header row
    assert "目的共有" in rows[0] and ">4<" in rows[0] and ">2<" in rows[0] and "差 2" in rows[0]
    english = report_html(graph_from_names([EXAMPLE]), map_svg="<svg></svg>", lang="en")
    assert "Shared purpose" in english and "differ by 2" in english


def test_no_reviews_section_for_cases_without_reviews():
    for case in ("nippa", "dream-heights"):
        assert 'id="reviews"' not in report_html(graph_from_names([case]), map_svg="<svg></svg>")
