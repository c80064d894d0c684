"""The printable hand-over sheet (``kyodo handover --format html``)."""

from kyodo_network.cli import cli


def test_printable_handover_sheet_names_each_partner_and_hides_f_when_public(runner, tmp_path):
    page = tmp_path / "f.html"
    result = runner.invoke(cli, ["handover", "akuwa-north", "--person", "F係長", "--format", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<script" not in text and "default-src 'none'" in text
    assert "F係長" in text and "阿久和北部見守りネットワーク実行委員会" in text and "おやじの広場" in text
    public = tmp_path / "p.html"
    result = runner.invoke(
        cli, ["handover", "akuwa-north", "--person", "F係長", "--format", "html", "--public", "-o", str(public)]
    )
    assert result.exit_code == 0, result.output
    shown = public.read_text(encoding="utf-8")
    assert "F係長" not in shown and "seya-section-chief-f" not in shown and "おやじの広場" in shown
