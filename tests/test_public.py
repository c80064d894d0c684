"""``--public`` on every command and format: no private or internal person's name or id anywhere, and no phone
number or e-mail address of anyone, public bodies included (a public body's contact keeps its web and street
address); every colour stays as it is (issue 10). Contacts in every kind of field: ``test_public_contacts.py``."""

from __future__ import annotations

import io
import json
import re
import textwrap

import pytest
from pypdf import PdfReader

from kyodo_network.cli import cli

CASE = textwrap.dedent("""\
    format: kyodo-case/1
    source: 聞き取り（鈴木一郎さんのメモ）
    district:
      id: sakae-test
      name: 栄テスト地区
      name_en: Sakae test district
      ward: 栄区
      summary: 山田花子さんと鈴木一郎さんが始めた見守り。連絡は090-1234-5678まで。
    sectors:
      - {id: shotengai, name: 商店街, name_en: Shopping street, colour: "#2166ac"}
    actors:
      - id: yamada-hanako
        name: 山田花子
        name_en: Hanako Yamada
        sector: person
        role: 民生委員
        role_en: Welfare commissioner
        visibility: private
        contact: 090-1234-5678 / hanako@example.jp
        note: 自宅で相談を受けている
      - id: suzuki-ichiro
        name: 鈴木一郎
        name_en: Ichiro Suzuki
        sector: government
        visibility: internal
        contact: ichiro@example.jp
      - id: ac-person
        name: エーシー
        name_en: ac
        sector: person
        visibility: private
      - id: ward-office
        name: 栄区役所
        name_en: Sakae Ward Office
        sector: government
        contact: 045-894-0000 栄区桂町303-19
        cite: 鈴木一郎さん（ichiro@example.jp）への聞き取り
      - id: watch-npo
        name: 山田花子さんの見守りの会
        name_en: Friends of Hanako Yamada
        sector: npo
        themes: [見守り]
        offers: [山田花子さんの経験]
        note: 連絡は 090-1234-5678（山田）
      - id: shop
        name: 栄商店会
        name_en: Sakae shops
        sector: shotengai
        contact: shop@example.jp / https://sakae-shops.example.jp
    relations:
      - {from: yamada-hanako, to: watch-npo, type: founded, cite: 山田花子さん談}
      - {from: suzuki-ichiro, to: ward-office, type: member}
      - {from: suzuki-ichiro, to: watch-npo, type: support, note: Ichiro Suzuki visits weekly, since: 2010}
      - {from: ward-office, to: shop, type: cooperation}
      - {from: ac-person, to: shop, type: cooperation}
    projects:
      - id: hanako-project
        name: 山田花子
        name_en: Hanako Yamada
        participants: [yamada-hanako, watch-npo, shop]
        since: 2012
      - id: patrol
        name: 鈴木一郎さんと歩く見守り
        participants: [suzuki-ichiro, ward-office, watch-npo]
        since: 2011
    """)

SECRETS = (
    "山田花子",
    "Hanako",
    "Yamada",
    "090-1234-5678",
    "hanako@example.jp",
    "鈴木一郎",
    "Ichiro",
    "Suzuki",
    "ichiro@example.jp",
    "yamada-hanako",
    "suzuki-ichiro",
    "hanako-project",
    "エーシー",
    "自宅",
    "ac-person",
    "045-894-0000",
    "shop@example.jp",
)  # the last two: public bodies' phone and e-mail, withheld too


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    path = tmp_path_factory.mktemp("public") / "sakae.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def _clean(text: str) -> str:
    """Text with line breaks and spaces removed, so a name wrapped over two lines is still found."""
    return re.sub(r"\s+", "", text)


def _assert_hidden(text: str, where: str) -> None:
    flat = _clean(text)
    for secret in SECRETS:
        assert secret not in text and _clean(secret) not in flat, f"{secret!r} in {where}"
    # The private person whose English name is "ac": never as a word of the data (the inlined vis-network
    # library of an HTML page has its own "ac", so a page is searched in its data only).
    data = re.search(r'<script type="application/json" id="kyodo-data">(.*?)</script>', text, re.S)
    data = data.group(1) if data else text
    assert not re.search(r"(?<![A-Za-z0-9#])ac(?![A-Za-z0-9])", data), f"'ac' in {where}"


COMMANDS = [
    ["bridges"],
    ["bridges", "--directed"],
    ["coordinators"],
    ["risks"],
    ["suggest", "--top", "0"],
    ["whatif", "--remove", "栄区役所"],
    ["compare"],
    ["diff", "--from", "2010", "--to", "2012"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_analysis_commands_hide_private_persons(runner, case, args, fmt, lang):
    full = runner.invoke(cli, [args[0], str(case), *args[1:], "--format", fmt, "--lang", lang])
    assert full.exit_code == 0, full.output
    result = runner.invoke(cli, [args[0], str(case), *args[1:], "--format", fmt, "--lang", lang, "--public"])
    assert result.exit_code == 0, result.output
    _assert_hidden(result.stdout + result.stderr, f"{args} {fmt} {lang}")
    if fmt == "json":
        json.loads(result.stdout)


def test_the_check_can_fail(runner, case):
    # Without --public the same outputs do hold the secrets: the search above looks in the right place.
    out = runner.invoke(cli, ["bridges", str(case), "--format", "json"]).stdout
    assert "山田花子" in out and "鈴木一郎" in out


def test_the_contact_check_can_fail(runner, case, tmp_path):
    # Without --public a map shows public bodies' phone and e-mail: the map test looks where they would be.
    out = tmp_path / "map.html"
    assert runner.invoke(cli, ["map", str(case), "-o", str(out), "--lang", "both"]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "045-894-0000" in text and "shop@example.jp" in text


@pytest.mark.parametrize("suffix", ["html", "svg", "pdf", "png"])
@pytest.mark.parametrize("view", ["actors", "projects"])
def test_maps_hide_private_persons_and_contact_data(runner, case, tmp_path, suffix, view):
    out = tmp_path / f"map.{suffix}"
    result = runner.invoke(cli, ["map", str(case), "--public", "--view", view, "-o", str(out), "--lang", "both"])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if suffix == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert "栄区役所" in _clean(text)  # the PDF's text is there to be searched
    elif suffix == "png":
        assert data[:4] == b"\x89PNG"
        return
    else:
        text = data.decode("utf-8")
    _assert_hidden(text, f"map {view} {suffix}")
    if suffix == "html":
        # public bodies' phone and e-mail are withheld (in SECRETS); the rest of their contact stays
        assert "https://sakae-shops.example.jp" in text and "栄区桂町303-19" in text
        assert "（連絡先は非公開）" in text
        assert "#2166ac" in text  # colours are never rewritten
        assert "民生委員" in text  # the private person appears by role


@pytest.mark.parametrize("suffix", ["png", "svg", "html"])
def test_compare_chart_hides_private_persons(runner, case, tmp_path, suffix):
    chart = tmp_path / f"chart.{suffix}"
    result = runner.invoke(cli, ["compare", str(case), "--public", "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    if suffix != "png":
        _assert_hidden(chart.read_text(encoding="utf-8"), f"chart {suffix}")
