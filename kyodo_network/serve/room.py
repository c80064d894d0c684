"""The meeting room: the input cases, tonight's journal, and what the map and the analyses say after each edit.

A :class:`Room` is the state of one ``kyodo serve``. It knows nothing of HTTP: the app (:mod:`.app`) calls
:meth:`Room.state`, :meth:`Room.actor`, :meth:`Room.edit`, :meth:`Room.undo` and :meth:`Room.redo`, each under
one lock, and sends back what they return (plain data; every string is text, never markup).

The network shown is the inputs and the journal read together by the real loader (what ``kyodo map CASE…
JOURNAL`` reads), with the journal's own edits of the inputs (renames, categories, removals) applied on top, so
the room sees every edit at once. Positions are stable: every actor of the inputs keeps the place the layout of
the inputs gives it (so a year or an edit never moves it), and an actor added tonight stands beside the partners
it is tied to.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import KyodoError, Msg
from ..lang import pick, relation_label, text
from ..analysis.circles import CIRCLE_TYPES
from ..analysis.live import LiveCount
from ..model import RELATION_TYPES
from ._incremental import edited_cases
from .journal import (
    Journal,
    Tonight,
    clean_text,
    default_journal_path,
    is_journal_file,
    journal_text,
    read_journal,
    remove_stale_temps,
    replay,
    save_journal,
)

__all__ = ["Room", "RoomError", "edited_cases"]

#: Most persons who may carry one tie (``held_by``).
MAX_HOLDERS = 10


#: The bridging numbers of an actor drawn before they are counted (just added): the smallest size, no marks.
_UNCOUNTED = {"score": 0.0, "betweenness": 0.0, "betweenness_estimated": False, "articulation": False, "cut_off": 0}


class RoomError(KyodoError):
    """An edit the room refuses (an unknown actor, an empty name): a catalogue code and its fields."""

    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(Msg(code, tuple(fields.items())))
        self.code = code


class Room:
    """The state of one meeting: input cases (never written), the journal file, the network after the edits.

    Parameters
    ----------
    names
        The CASEs as given (paths or bundled ids). A YAML file among them that holds a ``kyodo serve`` journal
        is taken as the journal (so ``kyodo serve my.xlsx my-tonight.yaml`` resumes it) when ``journal`` is None.
    journal
        The journal file; by default ``<case>-tonight.yaml`` beside the first input
        (:func:`~.journal.default_journal_path`). It is created at the first edit; an existing one is resumed.
    lang
        ``"ja"`` or ``"en"``: the language of the map and of every sentence.

    Raises
    ------
    CaseDataError
        When an input, or the inputs read with an existing journal, have problems.
    KyodoError
        When the journal is an input file, or an existing file there is not a journal of ``kyodo serve``.
    """

    def __init__(
        self,
        names: Sequence[str | os.PathLike[str]],
        *,
        journal: str | os.PathLike[str] | None = None,
        lang: str = "ja",
    ) -> None:
        from ..load import load_cases_and_files, resolve_case

        names = [os.fspath(n) for n in names]
        if journal is None:
            found = [n for n in names if is_journal_file(n)]
            if found:
                journal = found[-1]
                names = [n for n in names if n != journal]
        if not names:
            raise RoomError("serve.error.no_case")
        self.lang = lang
        self.names = names
        self.paths = [resolve_case(n) for n in names]
        self._memo: dict = {}  # the inputs' reading, kept for the check of every save (load_cases_and_files)
        self.base, files = load_cases_and_files(names, memo=self._memo)
        self.journal_path = Path(journal) if journal is not None else default_journal_path(names, self.paths)
        target = os.path.realpath(self.journal_path)
        if any(os.path.realpath(f) == target for f in files):
            raise RoomError("serve.error.journal_is_input", path=str(self.journal_path))
        if self.journal_path.exists():
            if not is_journal_file(self.journal_path):
                raise RoomError("serve.error.not_journal", path=str(self.journal_path))
            self.journal = read_journal(self.journal_path)
            self.cases = load_cases_and_files([*names, self.journal_path], memo=self._memo)[0]
        else:
            if not self.journal_path.parent.is_dir():
                raise RoomError("serve.error.no_folder", path=str(self.journal_path.parent))
            self.journal = Journal.new(names)
            self.cases = list(self.base)
        remove_stale_temps(self.journal_path)
        self.lock = threading.RLock()
        self.version = 0
        self.saved_at: str | None = None
        self._cache: dict[tuple, Any] = {}
        self._base_pos: dict[str, tuple[float, float]] | None = None
        self._inputs_graph: nx.Graph | None = None
        self._tables: dict[tuple, tuple] = {}  # (version, year) → (BridgingTable, ★ ids): kept across versions
        self._live = LiveCount()  # the numbers of the network now, counted from what each edit changed
        self._memo_map: dict = {}  # labels and ties already written (map_model's memo)
        self._last_map: dict | None = None  # the last whole map with its own year slider
        self._shown: str | None = None  # the last actor whose panel the page asked for
        self._circles_kept = False  # every edit since the last count kept the circles (circles.circle_pairs)
        self._sent: dict[str, dict] = {}  # tag → a map model the page may hold (the last few): sent as changes
        self._tags = 0

    # --- the network -----------------------------------------------------------------------------------------

    def tonight(self) -> Tonight:
        return replay(self.journal.edits)

    def inputs_graph(self) -> nx.Graph:
        """The network of the input files alone (built once: they are never written)."""
        if self._inputs_graph is None:
            from ..graph import graph_from_cases

            self._inputs_graph = graph_from_cases(self.base)
        return self._inputs_graph

    def graph(self, year: int | None = None) -> nx.Graph:
        """The network after tonight's edits (as it stood in ``year``, if given). Cached per version.

        Every year: from the inputs' network and tonight's file (:func:`~._incremental.graph_after`), or built
        whole where that cannot promise the same network."""
        key = ("graph", self.version, year)
        if key not in self._cache:
            from ..graph import graph_from_cases, support_centres
            from ..render.mapmodel import with_display_ids
            from ._incremental import graph_after

            t = self.tonight()
            cases = edited_cases(self.cases, t, inputs=len(self.base))
            G = graph_after(self.inputs_graph(), cases, t, inputs=len(self.base)) if year is None else None
            if G is None:
                G = graph_from_cases(cases, year=year)
            G.graph["support_centres"] = support_centres(cases)
            with_display_ids(G)  # drawn after every edit: map_model reads it without copying it
            G.graph["name"] = " + ".join(c.district.name for c in self.base)
            G.graph["name_en"] = " + ".join(c.district.name_en or c.district.name for c in self.base)
            self._cache[key] = G
        return self._cache[key]

    def years(self) -> list[int] | None:
        """The first and last year any record of the network names, or None when nothing has a year."""
        G = self.graph()
        ys = [y for _, d in G.nodes(data=True) for y in (d.get("since"), d.get("until")) if isinstance(y, int)]
        ys += [
            y
            for _, _, d in G.edges(data=True)
            for r in d.get("relations", [])
            for y in (r.get("since"), r.get("until"))
            if isinstance(y, int)
        ]
        return [min(ys), max(ys)] if ys else None

    def table(self, year: int | None = None):
        """The bridging numbers of every actor and the ★ ids (:class:`~kyodo_network.analysis.bridges.
        BridgingTable`, set) of the network now, counted once per version: from what the edit changed
        (:class:`~kyodo_network.analysis.live.LiveCount`), a year view whole."""
        with self.lock:
            key = (self.version, year)
            if key not in self._tables:
                G = self.graph(year)
                if year is None:
                    self._tables[key] = self._live.count(G, same_circles=self._circles_kept)
                    self._circles_kept = True
                else:
                    from ..analysis.bridges import BridgingTable
                    from ..analysis.coordinators import coordinator_ids

                    self._tables[key] = (BridgingTable(G), coordinator_ids(G))
                for old in [k for k in self._tables if k[0] < self.version - 2]:
                    del self._tables[old]
            return self._tables[key]

    def counted(self, year: int | None = None) -> bool:
        """Whether the network-wide numbers of the network now (bridging, ★) are counted."""
        return (self.version, year) in self._tables

    def _latest_table(self, year: int | None):
        """The numbers of the network now if counted, else of the latest version counted (an edit ago: the map
        is drawn with them while the new ones are counted), else counted now."""
        done = sorted(k[0] for k in self._tables if k[1] == year)
        if (self.version, year) in self._tables or not done:
            return self.table(year)
        return self._tables[(done[-1], year)]

    def settle(self) -> None:
        """Wait for the background work of the network-wide numbers (the dynamic betweenness being built, about 1 s
        at 2,000 actors after the room opens or a removal): for tests and benchmarks; the room never needs to."""
        self._live.wait()

    def count_later(self) -> None:
        """Count the network-wide numbers of this version in the background, and with them write the panel of the
        actor the page shows and draw the counted map: the page asks for both next, while it draws the edit."""
        version = self.version

        def count() -> None:
            with self.lock:
                if self.version != version:
                    return
                self.table()
                if self._shown is not None and self._shown in self.graph():
                    self.actor(self._shown)  # the findings first: what the room waits for
            with self.lock:  # let go between: the page's asks are answered as soon as they can be
                if self.version == version:
                    self.model()

        threading.Thread(target=count, name="kyodo-count", daemon=True).start()

    def _positions(self) -> dict[str, tuple[float, float]]:
        """Every actor's place: the inputs' layout for their actors, beside their partners for the new ones."""
        from ..render.mapmodel import map_model

        if self._base_pos is None:
            from ..analysis.bridges import BridgingTable
            from ..analysis.coordinators import coordinator_ids

            if not self.journal.edits:  # the inputs' network is tonight's: its map is the first map shown
                G = self.graph()
                table, marked = self.table()
            else:
                G = self.inputs_graph()
                table, marked = BridgingTable(G), coordinator_ids(G)
            m = map_model(G, lang=self.lang, bridging=table.rows, marked=marked, texts=False, memo=self._memo_map)
            self._base_pos = {n["id"]: (n["x"], n["y"]) for n in m["nodes"]}
            if not self.journal.edits:
                for n in m["nodes"]:
                    n["attended"] = n["tonight"] = False
                self._cache[("model", self.version, None, ())] = (table, m, True)
        key = ("pos", self.version)
        if key in self._cache:
            return self._cache[key]
        pos = dict(self._base_pos)
        G = self.graph()
        xs = [p[0] for p in pos.values()] or [0.0]
        ys = [p[1] for p in pos.values()] or [0.0]
        right, top = max(xs) + 1.2, min(ys)
        order = [i for i in self.tonight().actors if i in G] + sorted(
            (n for n in G if n not in pos and n not in self.tonight().actors), key=str
        )
        around: dict[tuple, int] = {}
        alone = 0
        for n in order:
            near = [pos[m] for m in sorted(G[n], key=str) if m in pos]
            if near:
                cx = sum(p[0] for p in near) / len(near)
                cy = sum(p[1] for p in near) / len(near)
                anchor = (round(cx, 2), round(cy, 2))
                k = around.get(anchor, 0)
                around[anchor] = k + 1
                angle, r = 0.6 + 2.39996 * k, 0.85 + 0.15 * k
                pos[n] = (round(cx + r * math.cos(angle), 3), round(cy + r * math.sin(angle), 3))
            else:
                pos[n] = (round(right, 3), round(top + 0.75 * alone, 3))
                alone += 1
        self._cache[key] = pos
        return pos

    def model(self, year: int | None = None, *, sectors: Sequence[str] | None = None) -> dict:
        """The map model (:func:`~kyodo_network.render.mapmodel.map_model`) of the network after the edits, with
        stable positions, and per node ``attended`` and ``tonight`` (added tonight).

        Right after an edit (this version's numbers not yet counted), the map is drawn with the last version's
        sizes and marks (a new actor small) and the last version's year slider (a new tie without its years);
        once counted, the same map is restyled with the new numbers and given its slider
        (:func:`~kyodo_network.render.mapmodel.restyle`, :func:`~kyodo_network.render.mapmodel.with_slider`)."""
        from ..render.mapmodel import map_model, restyle, with_slider

        pos = self._positions()
        table, marked = self._latest_table(year)
        counted = self.counted(year)
        key = ("model", self.version, year, tuple(sectors or ()))
        kept = self._cache.get(key)  # (the table it was drawn with, the model, whether its slider is its own)
        if kept is None:
            if len(self._memo_map) > 200_000:
                self._memo_map.clear()
            rows = table.rows
            G = self.graph(year)
            missing = [n for n in G if n not in rows and G.nodes[n].get("kind", "actor") == "actor"]
            if missing:  # drawn before its numbers are counted
                rows = {**rows, **{n: _UNCOUNTED for n in missing}}
            quick = not counted and year is None and not sectors and self._last_map is not None
            m = map_model(
                G,
                lang=self.lang,
                sectors=list(sectors) if sectors else None,
                positions=pos,
                bridging=rows,
                marked=marked,
                texts=False,
                memo=self._memo_map,
                slider=not quick,
            )
            if quick:
                m = _last_slider(m, self._last_map)
            t = self.tonight()
            for n in m["nodes"]:
                n["attended"] = n["id"] in t.attended
                n["tonight"] = n["id"] in t.actors
            self._cache[key] = kept = (table, m, not quick)
        if counted and (kept[0] is not table or not kept[2]):  # counted since it was drawn
            m = kept[1]
            if kept[0] is not table:
                m = restyle(m, self.graph(year), bridging=table.rows, marked=marked, lang=self.lang)
            if not kept[2]:
                m = with_slider(m, self.graph(year), lang=self.lang, memo=self._memo_map)
            self._cache[key] = kept = (table, m, True)
        if kept[2] and year is None and not sectors:
            self._last_map = kept[1]
        return kept[1]

    # --- what the page reads ---------------------------------------------------------------------------------

    def state(self, year: int | None = None, *, counted: bool = False, have: str | None = None) -> dict:
        """Everything the page draws: the map model, tonight's edits as sentences, undo/redo, where it is saved.

        Right after an edit the map carries the last version's sizes and marks and ``counting`` is true (the edit
        is saved and drawn at once; counting the network's bridges takes longer); ``counted=True`` waits for this
        version's numbers. A year view is always counted.

        The map model is named by ``model_tag``. When the page says which model it holds (``have``, a tag given
        before and still kept), ``model`` comes without its nodes and ties and ``model_delta`` says what changed
        (:func:`model_delta`): at 2,000 actors a whole model is 3.3 MB of JSON, an edit's changes a few kB."""
        with self.lock:
            if counted or year is not None:
                self.table(year)
            G = self.graph()
            t = self.tonight()
            m = self.model(year)
            tag = self._tagged(m)
            base = self._sent.get(have) if have else None
            shown: dict = m
            delta = None
            if base is not None:
                shown = {k: v for k, v in m.items() if k not in ("nodes", "edges")}
                delta = model_delta(base, m)
            # the page holds a map of this version: it has this version's lists too (same_lists; 120 kB at 2,000)
            same = base is not None and have.split(".")[0] == str(self.version)
            return {
                "version": self.version,
                "counting": not self.counted(year),
                "last": (
                    {"op": self.journal.edits[-1]["op"], "id": self.journal.edits[-1].get("id")}
                    if self.journal.edits
                    else None
                ),
                "model": shown,
                "model_tag": tag,
                "model_delta": delta,
                "edits": [
                    {"n": i + 1, "text": self.edit_text(e), "at": e.get("at", "")}
                    for i, e in enumerate(self.journal.edits)
                ],
                "redo": [self.edit_text(e) for e in reversed(self.journal.undone)],
                "journal": _shown_path(self.journal_path),
                "saved_at": self.saved_at,
                "attended": [
                    {"id": i, "name": pick(G.nodes[i], "name", self.lang)}
                    for i in sorted(t.attended, key=str)
                    if i in G
                ],
                "year": year,
                "same_lists": same,
                **({} if same else self._lists(G)),
            }

    def _lists(self, G: nx.Graph) -> dict:
        """The parts of the state that follow the network alone (its years, the actors to choose from, the words
        of ties and categories): once per version, though the page asks twice (drawn, then counted)."""
        key = ("lists", self.version)
        if key not in self._cache:
            self._cache[key] = {
                "years": self.years(),
                "actors": sorted(
                    (
                        {"id": str(n), "name": pick(d, "name", self.lang), "person": d.get("sector") == "person"}
                        for n, d in G.nodes(data=True)
                    ),
                    key=lambda a: a["name"],
                ),
                "types": [{"id": k, "label": relation_label(G, k, self.lang)} for k in RELATION_TYPES],
                "categories": self._category_words(G),
            }
        return self._cache[key]

    def _tagged(self, m: dict) -> str:
        """The tag of map model ``m``, kept with it among the last :data:`KEPT_MODELS` sent."""
        for tag, kept in self._sent.items():
            if kept is m:
                return tag
        self._tags += 1
        tag = f"{self.version}.{self._tags}"
        self._sent[tag] = m
        while len(self._sent) > KEPT_MODELS:
            del self._sent[next(iter(self._sent))]
        return tag

    def _category_words(self, G: nx.Graph) -> list[str]:
        words = {d.get("category") for _, d in G.nodes(data=True) if d.get("category")}
        words |= {
            info.get("short") if self.lang == "ja" else info.get("short_en")
            for info in G.graph.get("sectors", {}).values()
        }
        return sorted(w for w in words if w)

    def name_of(self, ident: str, *, fallback: str | None = None) -> str:
        G = self.graph()
        return pick(G.nodes[ident], "name", self.lang) if ident in G else (fallback or ident)

    def edit_text(self, e: Mapping[str, Any]) -> str:
        """One line for an edit in tonight's list, in the room's language."""
        lang = self.lang
        names = list(e.get("names") or [])
        op = e["op"]
        if op == "add-actor":
            return text("serve.edit.add_actor", lang, name=e["name"], category=e["category"])
        if op == "add-tie":
            a, b = (names + [e["from"], e["to"]])[:2] if len(names) >= 2 else (e["from"], e["to"])
            held = names[2:]
            words = text("serve.edit.add_tie", lang, a=a, b=b, type=e["type"])
            if held:
                words += text("serve.edit.held_by", lang, names=text("cli.list_sep", lang).join(held))
            return words
        if op == "rename":
            return text("serve.edit.rename", lang, old=e.get("was") or e["id"], new=e["name"])
        if op == "set-category":
            return text(
                "serve.edit.category",
                lang,
                name=(names or [e["id"]])[0],
                category=e["category"],
                old=e.get("was") or "-",
            )
        if op == "remove-actor":
            return text("serve.edit.remove_actor", lang, name=(names or [e["id"]])[0])
        if op == "remove-tie":
            a, b = (names + [e["from"], e["to"]])[:2] if len(names) >= 2 else (e["from"], e["to"])
            return text("serve.edit.remove_tie", lang, a=a, b=b, type=e.get("label") or e["type"])
        if op == "attended":
            code = "serve.edit.attended" if e["value"] else "serve.edit.not_attended"
            return text(code, lang, name=(names or [e["id"]])[0])
        return op

    def actor(self, ident: str, year: int | None = None) -> dict:
        """What the analyses say about one actor (recomputed after every change), and its relations to edit."""
        from .findings import actor_findings

        with self.lock:
            G = self.graph(year)
            if ident not in G:
                raise RoomError("serve.error.no_actor", id=ident)
            if year is None:
                self._shown = ident  # the actor the page shows: its panel is written with the next count
            key = ("actor", self.version, year, ident)
            if key not in self._cache:
                from ..render.mapmodel import node_texts

                table, marked = self.table(year)
                row = table.row(ident)
                texts = node_texts(G, ident, row, coordinator=ident in marked, lang=self.lang)
                out = actor_findings(G, ident, self.lang, row=row)
                d = G.nodes[ident]
                t = self.tonight()
                out.update(
                    {
                        "id": ident,
                        "name": pick(d, "name", self.lang),
                        "category": d.get("category") or "",
                        "sector_label": (
                            G.graph.get("sectors", {})
                            .get(d.get("sector"), {})
                            .get("short" if self.lang == "ja" else "short_en")
                            or ""
                        ),
                        "details": texts["details"],
                        "title": texts["title"],
                        "attended": ident in t.attended,
                        "tonight": ident in t.actors,
                    }
                )
                self._cache[key] = out
            return self._cache[key]

    # --- changing it -----------------------------------------------------------------------------------------

    def edit(self, payload: Mapping[str, Any], *, have: str | None = None) -> dict:
        """Check one edit from the page, save it, and return the new :meth:`state`.

        Raises
        ------
        RoomError
            For an edit that names no actor of the network, an empty or over-long name, an unknown tie, …
        CaseDataError
            When the journal with this edit would not load with the inputs (nothing is saved).
        """
        with self.lock:
            e = self._checked(payload)
            e["at"] = _dt.datetime.now().strftime("%H:%M")
            tie = e["op"] == "add-tie"
            self._commit(
                self.journal.with_edit(e),
                same_lists=tie or e["op"] == "attended",
                same_circles=e["op"] == "attended" or (tie and e["type_id"] not in CIRCLE_TYPES),
            )
            return self._after_commit(have)

    def undo(self, *, have: str | None = None) -> dict:
        with self.lock:
            j = self.journal.undo()
            if j is None:
                raise RoomError("serve.error.nothing_to_undo")
            self._commit(j)
            return self._after_commit(have)

    def redo(self, *, have: str | None = None) -> dict:
        with self.lock:
            j = self.journal.redo()
            if j is None:
                raise RoomError("serve.error.nothing_to_redo")
            self._commit(j)
            return self._after_commit(have)

    def _after_commit(self, have: str | None = None) -> dict:
        out = self.state(have=have)
        if out["counting"]:
            self.count_later()
        return out

    def _commit(self, journal: Journal, *, same_lists: bool = False, same_circles: bool = False) -> None:
        text_ = journal_text(journal, self.base, names=self.names)
        self.cases = save_journal(self.journal_path, text_, self.names, memo=self._memo)
        self.journal = journal
        lists = self._cache.get(("lists", self.version))
        self.version += 1
        self._cache.clear()
        # every commit since the last count kept the circles (no member tie, no name changed): not looked for again
        self._circles_kept = self._circles_kept and same_circles
        if same_lists and lists is not None:  # a tie without years, attendance: the same actors, words and years
            self._cache[("lists", self.version)] = lists
        self.saved_at = _dt.datetime.now().strftime("%H:%M:%S")

    def _checked(self, p: Mapping[str, Any]) -> dict:
        from ..vocabulary import place_relation

        G = self.graph()
        op = p.get("op")

        def actor_id(field: str) -> str:
            v = p.get(field)
            if not isinstance(v, str) or v not in G or G.nodes[v].get("kind", "actor") != "actor":
                raise RoomError("serve.error.no_actor", id=str(v)[:80])
            return v

        def words(field: str) -> str:
            v = clean_text(p.get(field))
            if v is None:
                raise RoomError("serve.error.bad_text", field=text(f"serve.field.{field}", self.lang))
            return v

        if op == "add-actor":
            return {"op": op, "id": self.journal.new_actor_id(), "name": words("name"), "category": words("category")}
        if op == "add-tie":
            a, b = actor_id("from"), actor_id("to")
            if a == b:
                raise RoomError("serve.error.same_actor")
            word = clean_text(p.get("type")) or RELATION_TYPES["cooperation"].name
            held = p.get("held_by") or []
            if not isinstance(held, list) or len(held) > MAX_HOLDERS:
                raise RoomError("serve.error.no_actor", id="held_by")
            held_ids = list(dict.fromkeys(actor_id_value(G, h) for h in held))
            e = {
                "op": op,
                "from": a,
                "to": b,
                "type": word,
                "type_id": place_relation(word)[0],
                "names": [self.name_of(a), self.name_of(b)] + [self.name_of(h) for h in held_ids],
            }
            if held_ids:
                e["held_by"] = held_ids
            return e
        if op == "rename":
            ident = actor_id("id")
            return {"op": op, "id": ident, "name": words("name"), "was": self.name_of(ident)}
        if op == "set-category":
            ident = actor_id("id")
            d = G.nodes[ident]
            was = d.get("category") or G.graph.get("sectors", {}).get(d.get("sector"), {}).get("short") or ""
            e = {"op": op, "id": ident, "category": words("category"), "names": [self.name_of(ident)]}
            if was:
                e["was"] = was
            return e
        if op == "remove-actor":
            ident = actor_id("id")
            return {"op": op, "id": ident, "names": [self.name_of(ident)]}
        if op == "remove-tie":
            a, b = actor_id("from"), actor_id("to")
            kind = p.get("type")
            rels = G.edges[a, b].get("relations", []) if G.has_edge(a, b) else []
            if kind not in RELATION_TYPES or not any(r["type"] == kind for r in rels):
                raise RoomError("serve.error.no_tie")
            return {
                "op": op,
                "from": a,
                "to": b,
                "type": kind,
                "label": relation_label(G, kind, self.lang),
                "names": [self.name_of(a), self.name_of(b)],
            }
        if op == "attended":
            ident = actor_id("id")
            value = p.get("value")
            if not isinstance(value, bool):
                raise RoomError("serve.error.bad_text", field="value")
            return {"op": op, "id": ident, "value": value, "names": [self.name_of(ident)]}
        raise RoomError("serve.error.unknown_op", op=str(op)[:40])


#: How many map models the room keeps to send the next one as changes (:meth:`Room.state`).
KEPT_MODELS = 6


def model_delta(base: dict, model: dict) -> dict:
    """What turns map model ``base`` into ``model``: ``nodes`` and ``edges`` (those new or changed, whole),
    ``removed_nodes`` and ``removed_edges`` (ids). The page keeps the order it has and adds new ones at the end.

    >>> a = {"nodes": [{"id": "x", "size": 1}, {"id": "y", "size": 1}], "edges": [{"id": "x-y"}]}
    >>> b = {"nodes": [{"id": "x", "size": 2}, {"id": "z", "size": 1}], "edges": []}
    >>> model_delta(a, b)
    {'nodes': [{'id': 'x', 'size': 2}, {'id': 'z', 'size': 1}], 'removed_nodes': ['y'], 'edges': [], 'removed_edges': ['x-y']}
    """
    out: dict = {}
    for key in ("nodes", "edges"):
        old = {x["id"]: x for x in base[key]}
        now = [x for x in model[key] if old.get(x["id"]) is not x and old.get(x["id"]) != x]
        ids = {x["id"] for x in model[key]}
        out[key] = now
        out[f"removed_{key}"] = [i for i in old if i not in ids]
    return out


def _last_slider(model: dict, last: dict) -> dict:
    """``model`` (drawn without a slider) with the year slider of ``last``, the map before the edit: its years,
    and each node's and tie's ``shown`` (None for one that is new: drawn in every year until counted)."""
    nodes = {n["id"]: n.get("shown") for n in last["nodes"]}
    edges = {e["id"]: e.get("shown") for e in last["edges"]}
    for n in model["nodes"]:
        n["shown"] = nodes.get(n["id"])
    for e in model["edges"]:
        e["shown"] = edges.get(e["id"])
    model["years"] = last.get("years")
    return model


def _shown_path(path: Path) -> str:
    """``path`` as the user will recognise it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def actor_id_value(G: nx.Graph, value: Any) -> str:
    """``value`` when it is the id of an actor of ``G``."""
    if not isinstance(value, str) or value not in G or G.nodes[value].get("kind", "actor") != "actor":
        raise RoomError("serve.error.no_actor", id=str(value)[:80])
    return value
