"""``kyodo serve`` without a browser: the journal, the room's edits, the guard, a killed server.

The app is started in-process on a free port in a thread (:class:`kyodo_network.serve.app.Server`) and spoken to
with ``http.client``, which lets a test send any ``Host`` and ``Origin``; the kill test runs ``kyodo serve`` as a
subprocess and SIGKILLs it between two edits. Every saved state is checked the way a user would: ``kyodo
validate INPUT JOURNAL`` exits 0, and the input file's bytes are those it had before.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kyodo_network.cli import cli
from kyodo_network.load import bundled_cases, load_cases
from kyodo_network.serve.journal import Journal, journal_text, read_journal, replay
from kyodo_network.serve.room import Room, RoomError


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def district(tmp_path) -> Path:
    """A user's own copy of a bundled case (with the file it includes), in a folder of its own."""
    for name in ("nippa", "yokohama-city"):
        shutil.copy(bundled_cases()[name], tmp_path / f"{name}.yaml")
    text = (
        (tmp_path / "nippa.yaml")
        .read_text(encoding="utf-8")
        .replace("include: [yokohama-city]", "include: [yokohama-city.yaml]")
    )
    (tmp_path / "nippa.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "nippa.yaml"


def validates(*paths: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", *map(str, paths)])
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- the journal


def test_replay_applies_edits_in_order():
    t = replay(
        [
            {"op": "add-actor", "id": "n1", "name": "みどりカフェ", "category": "子ども食堂"},
            {"op": "add-tie", "from": "n1", "to": "a", "type": "協力", "type_id": "cooperation", "held_by": ["p"]},
            {"op": "rename", "id": "n1", "name": "みどり食堂"},
            {"op": "set-category", "id": "a", "category": "老人クラブ"},
            {"op": "remove-actor", "id": "p"},
            {"op": "attended", "id": "a", "value": True},
            {"op": "remove-tie", "from": "b", "to": "a", "type": "support"},
        ]
    )
    assert t.actors == {"n1": {"name": "みどり食堂", "category": "子ども食堂"}}
    assert t.ties == [{"from": "n1", "to": "a", "type": "協力", "type_id": "cooperation", "held_by": []}]
    assert t.recategorised == {"a": "老人クラブ"} and t.removed == {"p"} and t.attended == {"a"}
    assert t.removed_ties == {("a", "b", "support")}


def test_undo_and_redo_any_number_of_steps():
    j = Journal.new(["x"])
    for i in range(5):
        j = j.with_edit({"op": "attended", "id": f"a{i}", "value": True})
    for _ in range(3):
        j = j.undo()
    assert [e["id"] for e in j.edits] == ["a0", "a1"] and len(j.undone) == 3
    j = j.redo()
    assert [e["id"] for e in j.edits] == ["a0", "a1", "a2"]
    j = j.with_edit({"op": "attended", "id": "b", "value": True})
    assert j.undone == [] and j.redo() is None
    assert Journal.new(["x"]).undo() is None


def test_the_journal_is_a_case_file_read_with_the_inputs(district, tmp_path):
    base = load_cases([district])
    j = Journal.new([str(district)])
    j = j.with_edit({"op": "add-actor", "id": "new-1", "name": "みどりカフェ", "category": "子ども食堂"})
    j = j.with_edit(
        {
            "op": "add-tie",
            "from": "nippa-council",
            "to": "new-1",
            "type": "見守り協定",
            "type_id": "agreement",
            "held_by": ["coordinator-s"],
        }
    )
    j = j.with_edit({"op": "rename", "id": "nippa-pta", "name": "新羽PTA"})
    path = tmp_path / "nippa-tonight.yaml"
    path.write_text(journal_text(j, base, names=[str(district)]), encoding="utf-8")
    validates(district, path)
    cases = load_cases([district, path])
    tonight = cases[1]
    assert {a.id for a in tonight.actors} == {"nippa-council", "coordinator-s", "new-1"}
    (r,) = tonight.relations
    assert (r.source, r.target, r.type, r.label, r.held_by) == (
        "nippa-council",
        "new-1",
        "agreement",
        "見守り協定",
        ("coordinator-s",),
    )
    assert read_journal(path).edits == j.edits
    assert "新羽PTA" in path.read_text(encoding="utf-8").split("format:")[0]  # the opening comment says what to fix


# --------------------------------------------------------------------------- the room


def test_edits_are_saved_before_they_are_shown(district):
    before = {p: sha(p) for p in district.parent.iterdir()}
    room = Room([district])
    assert room.journal_path == district.parent / "nippa-tonight.yaml" and not room.journal_path.exists()
    s = room.edit({"op": "add-actor", "name": "みどりカフェ", "category": "子ども食堂"})
    new = s["last"]["id"]
    assert room.journal_path.exists() and any(n["id"] == new and n["tonight"] for n in s["model"]["nodes"])
    room.edit({"op": "add-tie", "from": new, "to": "nippa-council", "type": "協力", "held_by": ["coordinator-s"]})
    room.edit({"op": "set-category", "id": "nippa-hana-no-sato", "category": "老人クラブ"})
    room.edit({"op": "rename", "id": "nippa-pta", "name": "新羽PTA"})
    room.edit({"op": "attended", "id": "coordinator-s", "value": True})
    s = room.undo()
    assert [e["n"] for e in s["edits"]] == [1, 2, 3, 4] and len(s["redo"]) == 1
    G = room.graph()
    assert G.has_edge(new, "nippa-council") and G.nodes["nippa-hana-no-sato"]["category"] == "老人クラブ"
    assert G.nodes["nippa-pta"]["name"] == "新羽PTA"
    validates(district, room.journal_path)
    assert {p: sha(p) for p in before} == before  # the inputs are untouched
    # another server on the same files finds the room as it was left, the step to redo included
    again = Room([district])
    assert again.journal.edits == room.journal.edits and again.journal.undone == room.journal.undone
    assert again.graph().nodes["nippa-pta"]["name"] == "新羽PTA"
    s = again.redo()
    assert s["attended"] == [{"id": "coordinator-s", "name": "コーディネーターSさん"}]


def test_removals_and_the_actor_panel(district):
    room = Room([district])
    a = room.actor("coordinator-s")
    assert [s["id"] for s in a["sections"]] == ["bridge", "whatif", "handover", "suggest"]
    assert all(isinstance(line, str) and line for s in a["sections"] for line in s["lines"])
    rel = next(r for r in a["relations"] if "nippa-council" in (r["from"], r["to"]))
    room.edit({"op": "remove-tie", "from": rel["from"], "to": rel["to"], "type": rel["type"]})
    assert not any(
        r["type"] == rel["type"]
        for r in room.graph().edges.get(("coordinator-s", "nippa-council"), {}).get("relations", [])
    )
    room.edit({"op": "remove-actor", "id": "nippa-artist"})
    assert "nippa-artist" not in room.graph()
    validates(district, room.journal_path)
    assert any(a.id == "nippa-artist" for a in load_cases([district, room.journal_path])[0].actors)  # input as it was


@pytest.mark.parametrize(
    "payload",
    [
        {"op": "add-actor", "name": "", "category": "NPO"},
        {"op": "add-actor", "name": "x" * 201, "category": "NPO"},
        {"op": "add-actor", "name": "a\nb", "category": "NPO"},
        {"op": "add-tie", "from": "nippa-council", "to": "nobody", "type": "協力"},
        {"op": "add-tie", "from": "nippa-council", "to": "nippa-council", "type": "協力"},
        {"op": "rename", "id": "nobody", "name": "x"},
        {"op": "remove-tie", "from": "nippa-council", "to": "nippa-pta", "type": "agreement"},
        {"op": "attended", "id": "nippa-council", "value": "yes"},
        {"op": "format-disk"},
    ],
)
def test_bad_edits_are_refused_and_nothing_is_written(district, payload):
    room = Room([district])
    with pytest.raises(RoomError):
        room.edit(payload)
    assert not room.journal_path.exists()


def test_a_file_that_is_not_a_journal_is_never_overwritten(district, tmp_path):
    other = tmp_path / "notes.yaml"
    other.write_text("format: kyodo-case/1\ndistrict: {name: x}\n", encoding="utf-8")
    with pytest.raises(RoomError, match="journal|kyodo serve"):
        Room([district], journal=other)
    with pytest.raises(RoomError):
        Room([district], journal=district)  # an input is never the journal


def test_positions_stay_put_across_edits_and_years(district):
    room = Room([district])
    where = {n["id"]: (n["x"], n["y"]) for n in room.state()["model"]["nodes"]}
    s = room.edit({"op": "add-actor", "name": "みどりカフェ", "category": "子ども食堂"})
    new = s["last"]["id"]
    room.edit({"op": "add-tie", "from": new, "to": "nippa-council", "type": "協力"})
    after = {n["id"]: (n["x"], n["y"]) for n in room.state()["model"]["nodes"]}
    assert {k: after[k] for k in where} == where and new in after
    assert room.state()["years"] == [2000, 2010]
    then = room.state(2005)
    assert then["model"]["meta"]["year"] == 2005 and len(then["model"]["nodes"]) < len(after)
    assert all((n["x"], n["y"]) == after[n["id"]] for n in then["model"]["nodes"])


def test_check_says_where_and_starts_nothing(district, monkeypatch):
    monkeypatch.chdir(district.parent)
    result = CliRunner().invoke(cli, ["serve", "nippa.yaml", "--check"])
    assert result.exit_code == 0, result.output
    assert "nippa-tonight.yaml" in result.stderr and result.stdout == ""
    assert not (district.parent / "nippa-tonight.yaml").exists()
    en = CliRunner().invoke(cli, ["serve", "nippa.yaml", "--check", "--lang", "en"])
    assert "Tonight's changes are kept in" in en.stderr


def test_a_bundled_case_keeps_its_journal_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    room = Room(["dream-heights"])
    assert room.journal_path == tmp_path / "dream-heights-tonight.yaml"


# --------------------------------------------------------------------------- the guard (plain HTTP)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from kyodo_network.serve.app import Server

    folder = tmp_path_factory.mktemp("served")
    shutil.copy(bundled_cases()["dream-heights"], folder / "dream-heights.yaml")
    server = Server(Room([folder / "dream-heights.yaml"])).start()
    yield server
    server.stop()


def call(
    server,
    method: str,
    path: str,
    *,
    token: str | None = "ok",
    host: str | None = None,
    origin: str | None = None,
    body: object = None,
    ctype: str = "application/json",
):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    headers = {"Host": host or f"127.0.0.1:{server.port}"}
    if token is not None:
        headers["X-Kyodo-Token"] = server.token if token == "ok" else token
    if origin is not None:
        headers["Origin"] = origin
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = ctype
    conn.request(method, path, body=data, headers=headers)
    resp = conn.getresponse()
    out = resp.status, dict(resp.getheaders()), resp.read()
    conn.close()
    return out


ADD = {"op": "add-actor", "name": "guard test", "category": "NPO"}


@pytest.mark.parametrize(
    ("kind", "kwargs", "status"),
    [
        ("no key", {"token": None}, 403),
        ("wrong key", {"token": "guess"}, 403),
        ("foreign Host (DNS rebinding)", {"host": "evil.example:{port}"}, 421),
        ("foreign Host, other port", {"host": "127.0.0.1:1"}, 421),
        ("foreign Origin", {"origin": "http://evil.example"}, 403),
        ("Origin of another port", {"origin": "http://127.0.0.1:1"}, 403),
        ("not JSON", {"ctype": "text/plain"}, 415),
    ],
)
def test_changes_without_the_key_or_from_elsewhere_are_refused(served, kind, kwargs, status):
    if "host" in kwargs:
        kwargs = dict(kwargs, host=kwargs["host"].format(port=served.port))
    before = len(served.room.journal.edits)
    code, headers, body = call(served, "POST", "/api/edit", body=ADD, **kwargs)
    assert code == status, (kind, body)
    assert len(served.room.journal.edits) == before
    assert "default-src 'none'" in headers["content-security-policy"]


def test_share_admits_addresses_but_never_names():
    from kyodo_network.serve.app import Guard

    local, shared = Guard(None, token="k", port=lambda: 8000), Guard(None, token="k", port=lambda: 8000, share=True)
    assert local.host_ok("127.0.0.1:8000") and local.host_ok("localhost:8000")
    assert not local.host_ok("192.168.1.5:8000") and not local.host_ok("127.0.0.1:8001")
    assert shared.host_ok("192.168.1.5:8000") and shared.host_ok("[::1]:8000")
    assert not shared.host_ok("evil.example:8000") and not shared.host_ok("192.168.1.5")


def test_the_page_and_the_data_need_the_key(served):
    assert call(served, "GET", "/", token=None)[0] == 403
    assert call(served, "GET", "/api/state", token=None)[0] == 403
    assert call(served, "GET", "/print.svg", token=None)[0] == 403
    assert call(served, "GET", "/nothing", token=None)[0] == 404
    code, headers, body = call(served, "GET", f"/?k={served.token}", token=None)
    assert code == 200 and b'<script src="/app.js">' in body
    csp = headers["content-security-policy"]
    assert "connect-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert headers["cache-control"] == "no-store" and headers["x-frame-options"] == "DENY"
    assert call(served, "GET", "/", token=None, host=f"localhost:{served.port}")[0] == 403
    assert call(served, "GET", f"/?k={served.token}", token=None, host=f"evil.example:{served.port}")[0] == 421


def test_an_edit_with_the_key_from_the_page_is_saved_and_text_stays_text(served):
    hostile = '<img src=x onerror="alert(1)">&amp;'
    code, _, body = call(
        served,
        "POST",
        "/api/edit",
        origin=f"http://127.0.0.1:{served.port}",
        body={"op": "add-actor", "name": hostile, "category": "<b>NPO</b>"},
    )
    assert code == 200, body
    state = json.loads(body)
    assert any(n["name"] == hostile for n in state["model"]["nodes"])
    assert state["edits"][-1]["text"].startswith("追加: <img")  # data, shown by the page with textContent
    validates(Path(served.room.names[0]), served.room.journal_path)
    code, headers, body = call(served, "GET", f"/print.svg?k={served.token}", token=None)
    assert code == 200 and headers["content-type"].startswith("image/svg+xml") and b"<svg" in body[:400]


# --------------------------------------------------------------------------- a killed server


def test_a_killed_server_leaves_every_confirmed_edit_in_a_valid_file(district):
    inputs = {p: sha(p) for p in district.parent.iterdir()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kyodo_network.cli", "serve", str(district), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=district.parent,
    )
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "http://" not in line and time.monotonic() < deadline and proc.poll() is None:
            line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/\?k=(\S+)", line)
        assert m, proc.stderr.read() if proc.poll() is not None else line

        class Remote:
            port, token = int(m.group(1)), m.group(2)

        def post(body):
            return call(Remote, "POST", "/api/edit", body=body)

        code, _, body = post({"op": "add-actor", "name": "みどりカフェ", "category": "子ども食堂"})
        assert code == 200, body
        new = json.loads(body)["last"]["id"]
        assert post({"op": "add-tie", "from": new, "to": "nippa-council", "type": "協力"})[0] == 200
        # a third edit is on its way when the server is killed: it may or may not be saved, never half
        late = threading.Thread(target=lambda: _quietly(post, {"op": "rename", "id": "nippa-pta", "name": "新羽PTA"}))
        late.start()
        time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    late.join(timeout=30)
    journal = district.parent / "nippa-tonight.yaml"
    validates(district, journal)
    edits = read_journal(journal).edits
    assert [e["op"] for e in edits][:2] == ["add-actor", "add-tie"] and len(edits) in (2, 3)
    assert {p: sha(p) for p in inputs} == inputs
    room = Room([district])
    assert room.graph().has_edge(new, "nippa-council")
    assert not [p for p in district.parent.iterdir() if p.name.endswith(".kyodo-tmp")]


def _quietly(func, *args):
    try:
        func(*args)
    except OSError:
        pass


def test_shared_followers_see_but_never_change(tmp_path):
    """--share: the others in the room follow with a view key — the page and the state, never an edit."""
    from urllib.parse import parse_qs, urlparse

    from kyodo_network.serve.app import Server

    shutil.copy(bundled_cases()["dream-heights"], tmp_path / "dream-heights.yaml")
    server = Server(Room([tmp_path / "dream-heights.yaml"]), share=True).start()
    try:
        view = parse_qs(urlparse(server.view_url).query)["k"][0]
        assert view != server.token
        code, _, page = call(server, "GET", f"/?k={view}", token=None)
        assert code == 200 and b'class="readonly"' in page
        code, _, page = call(server, "GET", f"/?k={server.token}", token=None)
        assert code == 200 and b'class="readonly"' not in page
        code, _, _ = call(server, "GET", "/api/state", token=view)
        assert code == 200
        before = len(server.room.journal.edits)
        code, _, _ = call(server, "POST", "/api/edit", token=view, body=ADD)
        assert code == 403 and len(server.room.journal.edits) == before
        code, _, _ = call(server, "POST", "/api/edit", body=ADD)
        assert code == 200 and len(server.room.journal.edits) == before + 1
    finally:
        server.stop()


def test_the_rooms_renames_and_removals_reach_every_command(district):
    """A rename, a new category word and a removal made in the room are read by every command with the inputs
    (the tonight file's ``changes:`` block), not only shown inside kyodo serve."""
    from kyodo_network.graph import graph_from_names

    room = Room([district])
    room.edit({"op": "rename", "id": "nippa-hana-no-sato", "name": "花の里の会（新）"})
    room.edit({"op": "set-category", "id": "nippa-local-company", "category": "老人クラブ"})
    room.edit({"op": "remove-actor", "id": "nippa-artist"})
    G = graph_from_names([district, room.journal_path])
    assert G.nodes["nippa-hana-no-sato"]["name"] == "花の里の会（新）"  # as written
    assert G.nodes["nippa-local-company"]["category"] == "老人クラブ"
    assert G.nodes["nippa-local-company"]["sector"] == "neighbourhood"
    assert "nippa-artist" not in G
    result = CliRunner().invoke(cli, ["info", str(district), str(room.journal_path), "--actors"])
    assert result.exit_code == 0 and "花の里の会（新）" in result.output and "アーティスト" not in result.output
