"""The read cache: the same bytes are read once, a changed file is read again, and a cache that cannot be used
is never an error (``kyodo_network/_cache.py``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kyodo_network import _cache, load
from kyodo_network.cli import main as cli_main  # noqa: F401 - the CLI must import with the cache in place
from kyodo_network.errors import CaseDataError
from kyodo_network.load import load_cases

from conftest import MISTAKES, VALID


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KYODO_CACHE", str(folder))
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually parsed (not taken from the cache)."""
    seen: list[str] = []
    real = load._read_case

    def counting(path, display):
        seen.append(Path(path).name)
        return real(path, display)

    monkeypatch.setattr(load, "_read_case", counting)
    return seen


def _copy(src: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / src.name
    out.write_bytes(src.read_bytes())
    return out


def test_second_load_reads_nothing_and_gives_the_same_cases(cache, reads, tmp_path):
    files = [_copy(VALID / n, tmp_path / "d") for n in ("city.yaml", "hills.yaml", "river.yaml")]
    first = load_cases(files)
    assert sorted(reads) == ["city.yaml", "hills.yaml", "river.yaml"]
    reads.clear()
    again = load_cases(files)
    assert reads == []
    assert again == first
    assert len(list(cache.glob("*.pickle"))) == 3


def test_a_changed_file_is_read_again(cache, reads, tmp_path):
    city = _copy(VALID / "city.yaml", tmp_path / "d")
    load_cases([city])
    city.write_text(city.read_text(encoding="utf-8").replace("name: ", "name: 新", 1), encoding="utf-8")
    reads.clear()
    (case,) = load_cases([city])
    assert reads == ["city.yaml"]
    assert case.district.name.startswith("新")


def test_problems_come_back_from_the_cache_unchanged(cache, reads, in_mistakes):
    bad = sorted(MISTAKES.glob("*.yaml"))[0].name
    with pytest.raises(CaseDataError) as first:
        load_cases([bad])
    reads.clear()
    with pytest.raises(CaseDataError) as second:
        load_cases([bad])
    assert reads == []
    assert [(p.path, p.line, p.col, p.code, p.message("ja")) for p in second.value.problems] == [
        (p.path, p.line, p.col, p.code, p.message("ja")) for p in first.value.problems
    ]


def test_off_writes_nothing(monkeypatch, reads, tmp_path):
    monkeypatch.setenv("KYODO_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_cases([VALID / "city.yaml"])
    load_cases([VALID / "city.yaml"])
    assert reads == ["city.yaml", "city.yaml"]
    assert not (tmp_path / "home").exists() and not (tmp_path / "xdg").exists()


def test_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("KYODO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert _cache.cache_dir() == tmp_path / "xdg" / "kyodo-network"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_folder_and_entries_are_private(cache):
    load_cases([VALID / "city.yaml"])
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    (entry,) = cache.glob("*.pickle")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_a_broken_entry_is_a_miss_and_is_replaced(cache, reads):
    first = load_cases([VALID / "city.yaml"])
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    reads.clear()
    assert load_cases([VALID / "city.yaml"]) == first
    assert reads == ["city.yaml"]
    reads.clear()
    load_cases([VALID / "city.yaml"])
    assert reads == []


def test_an_unwritable_cache_is_skipped(cache, monkeypatch, reads):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(_cache.tempfile, "mkstemp", refused)  # as a read-only home would (root ignores modes)
    assert load_cases([VALID / "city.yaml"]) == load_cases([VALID / "city.yaml"])
    assert reads == ["city.yaml", "city.yaml"]
    assert not list(cache.glob("*.pickle"))


def test_a_cache_path_that_is_a_file_is_skipped(tmp_path, monkeypatch, reads):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KYODO_CACHE", str(blocker))
    assert load_cases([VALID / "city.yaml"]) and load_cases([VALID / "city.yaml"])
    assert reads == ["city.yaml", "city.yaml"]
    assert blocker.read_text() == "x"


def test_old_entries_are_pruned(cache, monkeypatch, tmp_path):
    monkeypatch.setattr(_cache, "MAX_ENTRIES", 4)
    folder = tmp_path / "many"
    src = (VALID / "city.yaml").read_text(encoding="utf-8")
    for i in range(6):
        f = _copy(VALID / "city.yaml", folder / str(i))
        f.write_text(src + f"\n# {i}\n", encoding="utf-8")
        load_cases([f])
    assert 0 < len(list(cache.glob("*.pickle"))) <= 4


def test_the_same_bytes_under_another_name_are_read_again(cache, reads, tmp_path):
    a = _copy(VALID / "city.yaml", tmp_path / "a")
    b = _copy(VALID / "city.yaml", tmp_path / "b")
    (ca,) = load_cases([a])
    (cb,) = load_cases([b])
    assert reads == ["city.yaml", "city.yaml"]  # problems and origins name the file as it was given
    assert ca.path != cb.path


# --- the graph cache: a graph from named files, valid while every file it read is unchanged -----------------


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the graphs really built behind graph_from_names / graphs_from_names (one per call that builds)."""
    from kyodo_network import graph

    seen: list[int] = []
    real = graph.support_centres

    def counting(cases):
        seen.append(1)
        return real(cases)

    monkeypatch.setattr(graph, "support_centres", counting)
    return seen


def test_graph_is_built_once_while_its_files_are_unchanged(cache, builds, tmp_path):
    from kyodo_network.graph import graph_from_names, graphs_from_names

    files = [_copy(VALID / n, tmp_path / "d") for n in ("city.yaml", "hills.yaml", "river.yaml")]
    G = graph_from_names(files[1:])
    H = graph_from_names(files[1:])
    assert len(builds) == 1
    assert sorted(G.nodes(data=True)) == sorted(H.nodes(data=True)) and G.graph == H.graph
    assert sorted(G.edges(data=True)) == sorted(H.edges(data=True))
    graphs_from_names(files[1:])
    graph_from_names(files[1:], year=2015)
    assert len(builds) == 3  # another kind, another year: their own entries
    # the included city.yaml changes: the graph is built again and shows it
    city = files[0]
    city.write_text(city.read_text(encoding="utf-8").replace("Civic Affairs Bureau", "Civic Bureau"), encoding="utf-8")
    again = graph_from_names(files[1:])
    assert len(builds) == 4
    assert again.nodes["city-civic-bureau"]["name_en"] == "Civic Bureau"


def test_a_cached_graph_still_records_its_files_as_inputs(cache, tmp_path, monkeypatch):
    from kyodo_network import _inputs
    from kyodo_network.graph import graph_from_names

    files = [_copy(VALID / n, tmp_path / "d") for n in ("city.yaml", "hills.yaml")]
    graph_from_names([files[1]])
    monkeypatch.setattr(_inputs, "_READ", set())
    graph_from_names([files[1]])  # from the cache
    assert _inputs.is_input(files[1]) and _inputs.is_input(files[0])  # the included file too


def test_a_bad_file_is_never_cached_as_a_graph(cache, in_mistakes):
    from kyodo_network.graph import graph_from_names

    bad = sorted(MISTAKES.glob("*.yaml"))[0].name
    for _ in range(2):
        with pytest.raises(CaseDataError):
            graph_from_names([bad])
    assert len(list(cache.glob("*.pickle"))) == 1  # the file's reading (with its problems), no graph


class _Planted:
    """What another user could plant in a shared cache: unpickling it creates a file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_a_cache_others_can_write_is_never_unpickled(tmp_path, monkeypatch):
    import pickle

    from kyodo_network.graph import graph_from_names

    cache = tmp_path / "shared-cache"
    monkeypatch.setenv("KYODO_CACHE", str(cache))
    graph_from_names(["nippa"])  # fills the cache while it is private
    entries = sorted(cache.glob("*.pickle"))
    assert entries
    marker = tmp_path / "ran"
    cache.chmod(0o777)  # a shared KYODO_CACHE: anyone could have written these
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Planted(marker)))
    G = graph_from_names(["nippa"])
    assert not marker.exists() and G.number_of_nodes() > 10
    cache.chmod(0o700)
    for entry in entries:
        entry.chmod(0o666)  # an entry others may write is not read either
    graph_from_names(["nippa"])
    assert not marker.exists()


def test_a_case_symlink_repointed_answers_from_the_new_file(tmp_path, monkeypatch):
    from kyodo_network.errors import KyodoError
    from kyodo_network.graph import graph_from_names
    from kyodo_network.render._write import check_targets

    monkeypatch.setenv("KYODO_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    old, new = tmp_path / "2023.yaml", tmp_path / "2024.yaml"
    text = (Path(__file__).parent.parent / "datasets" / "nippa.yaml").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("name: 新羽駅周辺まちづくり", "name: 新羽駅周辺まちづくり2024", 1), encoding="utf-8")
    current = tmp_path / "current.yaml"
    current.symlink_to(old)
    assert graph_from_names(["current.yaml"]).graph["name"] == "新羽駅周辺まちづくり"
    current.unlink()
    current.symlink_to(new)
    assert graph_from_names(["current.yaml"]).graph["name"] == "新羽駅周辺まちづくり2024"
    with pytest.raises(KyodoError):
        check_targets([new])  # the file the link points to now is an input: never a target
