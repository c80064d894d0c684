"""``--public``: one redaction of the network, applied to the data once, before anything is analysed or drawn.

:func:`redact_graph` returns a copy of an actor or projects graph in which

- every actor whose ``visibility`` is ``private`` or ``internal`` appears by its role (``role`` / ``role_en``)
  or, with no role, as 「非公開のアクター1」 / "Withheld actor 1"; two hidden actors never share a label
  (a number is added);
- its id becomes ``private-1``, ``private-2``, … (ids made from a name would give it away), and so does the id of
  any record whose id contains a hidden name and of a project named only after a hidden actor;
- its name, English name and contact are replaced wherever they appear in another record's text: names, roles,
  themes, offers and needs, cites, project names, the district's summary and the source. Japanese text is
  matched anywhere; an ASCII name only as a whole word, so that ``ac`` never touches ``place``;
- a project named only after a hidden actor gets a neutral label, 「協働事業1」 / "Project 1";
- the ``contact`` of hidden actors, every ``note`` (of actors, relations, projects) and every ``origin``
  (``file:line``: a path such as ``/home/yamada/…`` can name a person) are dropped.

Nothing else changes: public actors keep their names, ids and contacts (a ward support centre's phone number
stays), colours, years and numbers are untouched, and the graph's structure is the same, so every measure is
the same as on the original. ``G.graph["public"]`` is set to ``True``.

What it cannot do: it hides only what the data marks. A person written into a public record under another
spelling, or a group small enough to identify its members, is not found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable

import networkx as nx

from .lang import text

__all__ = ["redact_graph", "HIDDEN_VISIBILITIES"]

#: Visibilities whose actors ``--public`` hides.
HIDDEN_VISIBILITIES = ("private", "internal")

#: Text fields of actor and project nodes, relations, projects and districts that may hold a hidden name.
_TEXT_FIELDS = ("name", "name_en", "role", "role_en", "cite", "summary", "title", "title_en", "publisher",
                "ward", "ward_en")
_LIST_FIELDS = ("themes", "offers", "needs")
_ASCII_WORD = re.compile(r"^[\x00-\x7f]+$")


def redact_graph(G: nx.Graph, *, reference: nx.Graph | None = None) -> tuple[nx.Graph, dict[Hashable, Hashable]]:
    """The public copy of ``G`` (see the module docstring) and the map from old ids to new ones.

    The map lets a caller translate an actor it resolved on the original graph (``--remove``, ``--focus``);
    it is returned, never stored on the graph. With ``reference`` (a graph holding every actor of ``G``, e.g.
    the union of two years' networks), hidden actors get the labels and anonymous ids they have there, so two
    redacted graphs of one district use the same words for the same person.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("s", name="Sさん", name_en="Mr S", role="コーディネーター", visibility="private", contact="045-1")
    >>> G.add_node("c", name="Sさんの会", name_en="Friends of Mr S", visibility="public", contact="045-2")
    >>> G.add_edge("s", "c", relations=[{"from": "s", "to": "c", "cite": "Sさん談", "note": "x"}])
    >>> H, ids = redact_graph(G)
    >>> ids["s"], H.nodes["private-1"]["name"], H.nodes["c"]["name"], H.nodes["c"]["contact"]
    ('private-1', 'コーディネーター', 'コーディネーターの会', '045-2')
    >>> H.edges["private-1", "c"]["relations"][0]["cite"], H.edges["private-1", "c"]["relations"][0]["note"]
    ('コーディネーター談', None)
    """
    R = G if reference is None else reference
    hidden = sorted((n for n, d in R.nodes(data=True)
                     if d.get("kind", "actor") == "actor" and d.get("visibility") in HIDDEN_VISIBILITIES), key=str)
    labels = _labels(R, hidden)
    pairs_ja: list[tuple[str, str]] = []
    pairs_en: list[tuple[str, str]] = []
    withheld = (text("privacy.contact", "ja"), text("privacy.contact", "en"))
    for n in hidden:
        d = R.nodes[n]
        ja, en = labels[n]
        for old in (d.get("name"), d.get("name_en")):
            if old and len(old.strip()) > 1:
                pairs_ja.append((old.strip(), ja))
                pairs_en.append((old.strip(), en))
        for part in _contact_parts(d.get("contact")):
            pairs_ja.append((part, withheld[0]))
            pairs_en.append((part, withheld[1]))
    scrub_ja, scrub_en = _scrubber(pairs_ja), _scrubber(pairs_en)
    secrets = [p for p, _ in pairs_ja]

    ids: dict[Hashable, Hashable] = {n: f"private-{i}" for i, n in enumerate(hidden, 1)}
    for n in R:
        if n not in ids and _contains(str(n), secrets):
            ids[n] = f"private-{len(ids) + 1}"
    projects = dict(G.graph.get("projects") or {})
    project_ids = {p: (f"private-project-{i}" if _contains(str(p), secrets) or _only_hidden(projects[p], labels, hidden, R)
                       else p)
                   for i, p in enumerate(sorted(projects, key=str), 1)}
    project_ids.update({n: ids[n] for n in ids if n in projects})

    H = G.__class__()
    H.graph.update(_record(G.graph, scrub_ja, scrub_en, keep=("projects", "districts", "sources", "support_centres")))
    H.graph["districts"] = [_record(d, scrub_ja, scrub_en) for d in G.graph.get("districts", [])]
    H.graph["sources"] = [_record(d, scrub_ja, scrub_en) for d in G.graph.get("sources", [])]
    if "support_centres" in G.graph:
        H.graph["support_centres"] = [dict(c) for c in G.graph["support_centres"]]
    neutral = 0
    new_projects = {}
    for pid, p in projects.items():
        rec = _record(p, scrub_ja, scrub_en)
        if _only_hidden(p, labels, hidden, R):
            neutral += 1
            rec["name"], rec["name_en"] = text("privacy.project", "ja", n=neutral), text("privacy.project", "en", n=neutral)
        rec["participants"] = [{**_record(x, scrub_ja, scrub_en), "id": ids.get(x["id"], x["id"])}
                               for x in p.get("participants", [])]
        new_projects[project_ids[pid]] = rec
    H.graph["projects"] = new_projects
    H.graph["public"] = True
    if G.graph.get("undated"):  # the year view's assumptions name actors and projects by id
        u = G.graph["undated"]
        H.graph["undated"] = {"actors": [ids.get(a, a) for a in u["actors"]],
                              "relations": [[ids.get(f, f), ids.get(t, t), k] for f, t, k in u["relations"]],
                              "projects": [project_ids.get(p, p) for p in u["projects"]]}

    for n, d in G.nodes(data=True):
        rec = _record(d, scrub_ja, scrub_en)
        if n in labels:
            rec["name"], rec["name_en"] = labels[n]
            rec["contact"] = None
        if "projects" in d:
            rec["projects"] = [project_ids.get(p, p) for p in d["projects"]]
        if d.get("kind") == "project" and n in projects and _only_hidden(projects[n], labels, hidden, R):
            rec["name"], rec["name_en"] = new_projects[project_ids[n]]["name"], new_projects[project_ids[n]]["name_en"]
        H.add_node(ids.get(n, project_ids.get(n, n)), **rec)
    for u, v, d in G.edges(data=True):
        rec = _record(d, scrub_ja, scrub_en)
        if "relations" in d:
            rec["relations"] = [{**_record(r, scrub_ja, scrub_en), "from": ids.get(r.get("from"), r.get("from")),
                                 "to": ids.get(r.get("to"), r.get("to")),
                                 "held_by": [ids.get(h, h) for h in r.get("held_by", [])]} for r in d["relations"]]
        if "held_by" in d:
            rec["held_by"] = sorted(ids.get(h, h) for h in d["held_by"])
        if "projects" in d:
            rec["projects"] = [project_ids.get(p, p) for p in d["projects"]]
        H.add_edge(ids.get(u, project_ids.get(u, u)), ids.get(v, project_ids.get(v, v)), **rec)
    renamed = {**ids, **{p: q for p, q in project_ids.items() if p != q}}
    return H, {old: new for old, new in renamed.items() if old in G}


def _labels(G: nx.Graph, hidden: list) -> dict[Hashable, tuple[str, str]]:
    """A distinct (Japanese, English) label for each hidden actor: its role, numbered when two share one."""
    raw = {}
    anonymous = 0
    for n in hidden:
        d = G.nodes[n]
        ja = (d.get("role") or d.get("role_en") or "").strip()
        en = (d.get("role_en") or d.get("role") or "").strip()
        if not ja:
            anonymous += 1
            ja, en = text("privacy.person", "ja", n=anonymous), text("privacy.person", "en", n=anonymous)
        raw[n] = (ja, en)
    count: dict[str, int] = {}
    for ja, _ in raw.values():
        count[ja] = count.get(ja, 0) + 1
    seen: dict[str, int] = {}
    out = {}
    for n in hidden:
        ja, en = raw[n]
        if count[ja] > 1:
            seen[ja] = seen.get(ja, 0) + 1
            ja = text("privacy.numbered", "ja", label=ja, n=seen[ja])
            en = text("privacy.numbered", "en", label=en, n=seen[ja])
        out[n] = (ja, en)
    return out


def _contact_parts(contact: object) -> list[str]:
    """The contact text and each phone number or e-mail address inside it."""
    if not contact:
        return []
    s = str(contact).strip()
    parts = {s}
    parts.update(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", s))
    parts.update(m.strip() for m in re.findall(r"\+?\d[\d\-() ]{5,}\d", s))
    return sorted((p for p in parts if len(p) > 1), key=len, reverse=True)


def _scrubber(pairs: list[tuple[str, str]]):
    """A function replacing every hidden text in a string (longest first: a name containing another wins)."""
    if not pairs:
        return lambda s: s
    table = {}
    for old, new in pairs:
        table.setdefault(unicodedata.normalize("NFKC", old).casefold(), new)
    alternatives = []
    for old in sorted({o for o, _ in pairs}, key=len, reverse=True):
        pat = re.escape(old)
        if _ASCII_WORD.match(old):
            pat = rf"(?<![A-Za-z0-9]){pat}(?![A-Za-z0-9])"
        alternatives.append(pat)
    rx = re.compile("|".join(alternatives), re.IGNORECASE)

    def scrub(s: str) -> str:
        return rx.sub(lambda m: table.get(unicodedata.normalize("NFKC", m.group(0)).casefold(), m.group(0)), s)

    return scrub


def _contains(s: str, secrets: list[str]) -> bool:
    folded = unicodedata.normalize("NFKC", s).casefold()
    return any(unicodedata.normalize("NFKC", x).casefold() in folded for x in secrets if len(x) > 1)


def _record(d: dict, scrub_ja, scrub_en, keep: tuple[str, ...] = ()) -> dict:
    """A copy of one record with hidden names replaced in its text fields and its note dropped."""
    out = {}
    for k, v in d.items():
        if k in keep:
            continue
        if k in ("note", "origin"):  # origin is file:line, and a path can hold a person's name
            out[k] = None
        elif k in _TEXT_FIELDS and isinstance(v, str):
            out[k] = (scrub_en if k.endswith("_en") else scrub_ja)(v)
        elif k in _LIST_FIELDS and isinstance(v, (list, tuple)):
            out[k] = [scrub_ja(x) if isinstance(x, str) else x for x in v]
        elif isinstance(v, list):
            out[k] = list(v)
        else:
            out[k] = v
    return out


def _only_hidden(project: dict, labels: dict, hidden: list, G: nx.Graph) -> bool:
    """True if the project's name is nothing but a hidden actor's name."""
    names = {unicodedata.normalize("NFKC", str(G.nodes[n].get(f) or "")).strip().casefold()
             for n in hidden for f in ("name", "name_en")}
    names.discard("")
    return any(unicodedata.normalize("NFKC", str(project.get(f) or "")).strip().casefold() in names
               for f in ("name", "name_en"))
