"""A progress bar appears on stderr only on a terminal (or when forced), only after a second, never with -q."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import termios
import subprocess
import sys
import time

from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.cli._progress import progress_bar

SLOW_STEP = """
import time
from kyodo_network.cli._progress import progress_bar
with progress_bar({quiet}) as p:
    p and p("bridges", 0, 2)
    time.sleep(1.3)
    p and p("bridges", 1, 2)
    time.sleep(0.2)
    p and p("bridges", 2, 2)
print("done")
"""


def run_on_pty(code: str) -> str:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # a terminal 80 columns wide
    env = {k: v for k, v in os.environ.items() if k != "KYODO_PROGRESS"}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(master)
    return out.decode(errors="replace")


def test_bar_on_a_terminal_for_a_slow_step():
    assert "bridges" in run_on_pty(SLOW_STEP.format(quiet=False))


def test_quiet_silences_the_bar_on_a_terminal():
    assert "bridges" not in run_on_pty(SLOW_STEP.format(quiet=True))


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.delenv("KYODO_PROGRESS", raising=False)
    with progress_bar() as p:
        assert p is None
    result = CliRunner().invoke(cli, ["bridges", "nippa", "--top", "1"])
    assert result.exit_code == 0 and "bridges" not in result.stderr


def test_fast_steps_leave_no_trace_even_when_forced(monkeypatch, capsys):
    monkeypatch.setenv("KYODO_PROGRESS", "1")
    with progress_bar() as p:
        p("risks", 0, 1)
        p("risks", 1, 1)
    assert "risks" not in capsys.readouterr().err


def test_forced_bar_shows_a_slow_step(monkeypatch, capsys):
    monkeypatch.setenv("KYODO_PROGRESS", "1")
    with progress_bar() as p:
        p("risks", 0, 2)
        time.sleep(1.2)
        p("risks", 1, 2)
        p("risks", 2, 2)
    assert "risks" in capsys.readouterr().err
