"""Nothing lost: outputs never land on an input, are written all or nothing, and leave no temporary files."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest

from kyodo_network.cli import cli
from kyodo_network.errors import KyodoError
from kyodo_network.load import bundled_cases
from kyodo_network.render import _write
from kyodo_network.render._write import TMP_SUFFIX, write_files


@pytest.fixture
def case(tmp_path):
    src = bundled_cases()["dream-heights"]
    path = tmp_path / "case.yaml"
    shutil.copy(src, path)
    return path


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("extra", [[], ["--format", "png"]])
def test_map_onto_its_input_is_refused(runner, case, extra):
    before = case.read_bytes()
    r = runner.invoke(cli, ["map", str(case), "-o", str(case), *extra])
    assert r.exit_code == 2, r.output  # a case file's name never fits a map: refused before anything is read
    assert case.read_bytes() == before
    link = case.with_name("case.html")  # a name that fits, leading to the input: refused as the input it is
    link.symlink_to(case)
    r = runner.invoke(cli, ["map", str(case), "-o", str(link), *(["--format", "html"] if extra else [])])
    assert r.exit_code == 1, r.output
    link.unlink()
    assert case.read_bytes() == before
    assert _files(case.parent) == ["case.yaml"]


def test_map_onto_an_included_file_or_a_symlink_to_it_is_refused(runner, tmp_path, case):
    main = tmp_path / "main.yaml"
    main.write_text(
        textwrap.dedent(f"""\
        format: kyodo-case/1
        district: {{id: main-town, name: 本町, name_en: Main town, ward: 栄区, ward_en: Sakae Ward, cite: test}}
        include: [{case.name}]
        actors:
          - {{id: main-npo, name: 本町NPO, name_en: Main NPO, sector: npo, cite: test}}
        relations:
          - {{from: main-npo, to: dream-heights-council, type: cooperation, cite: test}}
        """),
        encoding="utf-8",
    )
    link = tmp_path / "link.html"
    link.symlink_to(case)
    before = case.read_bytes()
    for target, code in ((case, 2), (link, 1)):  # case.yaml does not fit a map (2); link.html is the input (1)
        r = runner.invoke(cli, ["map", str(main), "-o", str(target), "--format", "html"])
        assert r.exit_code == code, r.output
        assert case.read_bytes() == before


def test_compare_chart_onto_its_input_is_refused(runner, case):
    html_case = case.with_suffix(".html")
    case.rename(html_case)
    before = html_case.read_bytes()
    r = runner.invoke(cli, ["compare", str(html_case), "--chart", str(html_case)])
    assert r.exit_code == 1
    assert html_case.read_bytes() == before


def test_a_bundled_case_is_never_a_target(tmp_path):
    with pytest.raises(KyodoError):
        write_files([(tmp_path / "ok.txt", "x"), (bundled_cases()["nippa"], "x")])
    assert not (tmp_path / "ok.txt").exists()


def test_several_files_are_all_or_nothing(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    real = os.replace
    calls = []

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(_write.os, "replace", failing)
    with pytest.raises(KyodoError):
        write_files([(tmp_path / "a.txt", "new a"), (tmp_path / "b.txt", "new b"), (tmp_path / "c.txt", "c")])
    monkeypatch.undo()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old a"
    assert _files(tmp_path) == ["a.txt"]


def test_a_failed_run_removes_the_folder_it_made(tmp_path, monkeypatch):
    def failing(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_write.os, "replace", failing)
    with pytest.raises(KyodoError):
        write_files([(tmp_path / "new" / "deep" / "a.txt", "a")])
    monkeypatch.undo()
    assert _files(tmp_path) == []


def test_killed_write_leaves_nothing_after_the_next_run(tmp_path):
    # A child process starts writing, is killed outright with SIGKILL (no clean-up can run) mid-way.
    script = textwrap.dedent(f"""
        import os, sys, time
        from kyodo_network.render import _write
        real = _write.os.replace
        def stall(src, dst):
            print("ready", flush=True); time.sleep(60)
        _write.os.replace = stall
        _write.write_files([({str(tmp_path / "map.html")!r}, "x" * 1000)])
        """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGKILL)
    child.wait()
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].endswith(TMP_SUFFIX)  # the killed run's temporary file
    write_files([(tmp_path / "other.html", "y")])
    assert _files(tmp_path) == ["other.html"]


def test_sigterm_removes_the_temporary_file(tmp_path):
    script = textwrap.dedent(f"""
        import time
        from kyodo_network.cli import main
        from kyodo_network.render import _write
        def stall(src, dst):
            print("ready", flush=True); time.sleep(60)
        _write.os.replace = stall
        import sys; sys.argv = ["kyodo", "map", "nippa", "-o", {str(tmp_path / "m.html")!r}]
        main()
        """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGTERM)
    child.wait(timeout=30)
    assert child.returncode != 0
    assert _files(tmp_path) == []


def test_csv_cells_that_would_be_formulas_are_neutralised(runner, tmp_path):
    case = tmp_path / "f.yaml"
    case.write_text(
        textwrap.dedent("""\
        format: kyodo-case/1
        district: {name: 数式テスト}
        actors:
          - {name: "=HYPERLINK(\\"http://evil\\")", sector: npo}
          - {name: "+cmd", sector: 自治会}
          - {name: "@SUM(1)", sector: 企業}
        relations:
          - {from: "=HYPERLINK(\\"http://evil\\")", to: "+cmd", type: 協力}
          - {from: "+cmd", to: "@SUM(1)", type: 協力}
        """),
        encoding="utf-8",
    )
    out = runner.invoke(cli, ["bridges", str(case), "--format", "csv"]).stdout
    import csv as csvmod
    import io

    cells = [c for row in csvmod.reader(io.StringIO(out.lstrip("\ufeff"))) for c in row]
    assert '\'=HYPERLINK("http://evil")' in cells and "'+cmd" in cells and "'@SUM(1)" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_disk_is_a_message_not_a_traceback():
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kyodo_network.cli", "bridges", "nippa"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "書き出せませんでした" in done.stderr


def test_write_files_calls_lazy_data_in_order_and_stays_all_or_nothing(tmp_path):
    from kyodo_network.render._write import write_files

    calls = []

    def data(k):
        def make():
            calls.append(k)
            if k == 2 and fail:
                raise RuntimeError("stop")
            return f"page {k}"

        return make

    fail = True
    with pytest.raises(RuntimeError):
        write_files([(tmp_path / f"{k}.html", data(k)) for k in range(4)])
    assert calls == [0, 1, 2] and not list(tmp_path.iterdir())
    fail, calls[:] = False, []
    written = write_files([(tmp_path / f"{k}.html", data(k)) for k in range(4)])
    assert calls == [0, 1, 2, 3] and [p.read_text() for p in written] == [f"page {k}" for k in range(4)]
