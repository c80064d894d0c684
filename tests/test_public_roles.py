"""--public with people who share a role, and on every command that lists names (issue 19)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli

CASE = """format: kyodo-case/1
district:
  name: 二人の地区
actors:
  - {id: a, name: 山田花子, sector: person, role: 民生委員, visibility: private}
  - {id: b, name: 鈴木一郎, sector: person, role: 民生委員, visibility: private}
  - {id: c, name: みどりの会, sector: npo}
  - {id: d, name: 民生委員（1）, sector: person}
relations:
  - {from: a, to: c, type: 協力}
  - {from: b, to: c, type: 協力}
  - {from: d, to: c, type: 協力}
"""


@pytest.mark.parametrize(
    "args",
    [
        ["bridges"],
        ["coordinators"],
        ["risks"],
        ["info"],
        ["info", "--actors"],
        ["info", "--actors", "--format", "csv"],
        ["suggest"],
    ],
)
def test_two_private_people_with_one_role_are_told_apart_and_never_named(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "two.yaml").write_text(CASE, encoding="utf-8")
    result = CliRunner().invoke(cli, [*args, "two.yaml", "--public"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.output
    assert "山田" not in result.output and "鈴木" not in result.output


def test_the_labels_never_repeat_a_public_name(tmp_path, monkeypatch):
    from kyodo_network.graph import graph_from_names
    from kyodo_network.privacy import redact_graph

    monkeypatch.chdir(tmp_path)
    (tmp_path / "two.yaml").write_text(CASE, encoding="utf-8")
    H, _ = redact_graph(graph_from_names(["two.yaml"]))
    names = [d["name"] for _, d in H.nodes(data=True)]
    assert len(names) == len(set(names)) == 4 and "民生委員（1）" in names
