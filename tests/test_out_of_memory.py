"""A city too large for the computer ends with one line saying so, in the user's language, and exit 1 — never a
traceback (issue 24: what a user with a nation's data should do)."""

from __future__ import annotations

import pytest

import kyodo_network.cli as cli_module


@pytest.mark.parametrize("lang, phrase", [("ja", "メモリが足りず"), ("en", "ran out of memory")])
def test_memory_error_is_one_line_and_exit_1(monkeypatch, capsys, lang, phrase):
    def too_large(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(cli_module, "cli", too_large)
    monkeypatch.setattr("sys.argv", ["kyodo", "bridges", "city/*.yaml", "--lang", lang])
    with pytest.raises(SystemExit) as stop:
        cli_module.main()
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert phrase in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
