"""``--public``: one redaction of the network, applied to the data once, before anything is analysed or drawn.

:func:`redact_graph` returns a copy of an actor or projects graph in which

- every actor whose ``visibility`` is ``private`` or ``internal``, or whose name is one of its
  ``private_fields``, appears by its role (``role`` / ``role_en``) or, with no role (or a private one), as
  「非公開のアクター1」 / "Withheld actor 1"; two hidden actors never share a label (a number is added);
- its id becomes ``private-1``, ``private-2``, … (ids made from a name would give it away), and so does the id of
  any record whose id contains a hidden name, a phone number or an e-mail address, and of a project named only
  after a hidden actor;
- its name, English name and contact are replaced wherever they appear in another record's text: every text
  field but ids and codes (names, roles, contacts, themes, offers and needs, cites, project names, review
  comments, the district's summary and city, the source, and any field a reader adds). Japanese text is matched
  anywhere; an ASCII name only as a whole word, so that ``ac`` never touches ``place``;
- a body's ``representative`` (代表者, a private person's name) is dropped, and replaced by 「代表者」 /
  "the representative" wherever another record's text names them;
- a project named only after a hidden actor gets a neutral label, 「協働事業1」 / "Project 1";
- the ``contact`` of hidden actors, every ``note`` (of actors, relations, projects) and every ``origin``
  (``file:line``: a path such as ``/home/yamada/…`` can name a person) are dropped;
- every field an actor lists in ``private_fields`` (the columns a clerk's sheet marks 非公開 or 取扱注意) is
  dropped from that actor (``None``, or an empty list), whatever its visibility, and a private contact is
  replaced wherever it appears in another record's text, as a hidden actor's is;
- privacy by what the data is: every phone number and e-mail address (:data:`PHONE`, :data:`EMAIL`,
  :data:`LABELLED_PHONE`; :func:`withhold_contacts`) in any text of the graph, of any node, edge, project,
  review, district or source, is replaced by 「（連絡先は非公開）」 / "(contact withheld)", whoever it belongs
  to. **Public bodies included**: a ward office's phone number and a shop's e-mail address are withheld too,
  while the rest of their contact (a web address, a street address, the name of a desk) stays; a ``contact``
  left with nothing but the mark and words such as 「TEL」 becomes ``None``.

Who is hidden is decided on ``reference`` when given: :func:`kyodo_network.graph.graph_from_names` (the one
place ``--public`` is applied) passes the whole case, every actor of every file read in every year, so a person
whom ``--year`` leaves out is scrubbed all the same.

Nothing else changes: public actors keep their names and ids, colours, years, dates and numbers that are not
phone numbers (2013, 2013-2015, 令和3年4月1日, 1,200人, 2021-04-01) are untouched, and the graph's structure is
the same, so every measure is the same as on the original. ``G.graph["public"]`` is set to ``True``.

What it cannot do: it hides only what the data marks, and contact data it can recognise. A person written into
a public record under another spelling, a phone number spelt out in words or split over unusual characters, a
local number written without its area code and without a label such as 「電話」, or a group small enough to
identify its members, is not found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable

import networkx as nx

from .lang import text

__all__ = [
    "redact_graph",
    "withhold_contacts",
    "has_contact",
    "HIDDEN_VISIBILITIES",
    "PHONE",
    "LABELLED_PHONE",
    "EMAIL",
]

#: Visibilities whose actors ``--public`` hides.
HIDDEN_VISIBILITIES = ("private", "internal")

#: Fields of nodes, relations, projects, reviews and districts that hold ids, codes or paths, not words: every
#: other text field (names, roles, contacts, themes, cites, summaries, comments, a field a reader adds tomorrow)
#: may hold a hidden name and is scrubbed.
_STRUCTURAL = (
    "kind",
    "id",
    "sector",
    "colour",
    "visibility",
    "private_fields",
    "inferred_fields",
    "projects",
    "district",
    "from",
    "to",
    "type",
    "held_by",
    "by",
    "moment",
    "files",
    "path",
    "view",
    "bipartite",
    "participants",
    "reviews",
    "relations",
    "undated",
    "agreement",
    "scores",
)
#: Node attributes ``private_fields`` never removes: what the graph is drawn and measured by (a private name
#: hides the whole actor instead, as ``visibility: private`` does).
_KEPT_FIELDS = (
    "kind",
    "name",
    "name_en",
    "sector",
    "sector_name",
    "sector_name_en",
    "colour",
    "visibility",
    "private_fields",
    "projects",
    "district",
    "inferred",
    "inferred_fields",
    "bipartite",
)
_ASCII_WORD = re.compile(r"^[\x00-\x7f]+$")


# --- Contact data: phone numbers and e-mail addresses, recognised by what they are --------------------------------
#
# The one place that says what a phone number or an e-mail address looks like. Digits may be full width
# (０９０), separators any dash a Japanese keyboard or PDF produces (-, ‐, −, ー, －, ―, …), a dot, a space or a
# parenthesis. A Japanese number has 10 digits, or 11 for 020/050/060/070/080/090 and 0800; with +81 the leading
# 0 is dropped (or written "(0)"). A candidate is read group by group and ends at the first group where it has
# the length its prefix calls for, so "045-123-4567 2013年" loses the number and keeps the year.

_D = "0-9０-９"
_SEPARATORS = "\\-‐‑‒–—―−ーｰ－﹣.．()（）"
_JOIN = rf"(?:\s{{1,3}}|\s{{0,2}}[{_SEPARATORS}]{{1,2}}\s{{0,2}})"
_ELEVEN = ("020", "050", "060", "070", "080", "090", "0800")
_DIGIT_RUN = re.compile(f"[{_D}]+")
_AREA_CODE_CLOSED = re.compile(r"\s?[)）]")
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")

#: Where a phone number may start: ``0`` (after an optional opening parenthesis) not inside a longer number, or
#: ``+81``; the digit groups that follow are checked by :func:`_phone_end` (see :func:`withhold_contacts`).
PHONE = re.compile(
    rf"[+＋]\s?[8８][1１][{_D}]*(?:{_JOIN}[{_D}]+)*"
    rf"|(?<![{_D}])(?<![{_D}][-‐−－.．])(?:[(（]\s?)?[0０][{_D}]*(?:{_JOIN}[{_D}]+)*"
)

#: A local number written without its area code after a word that says it is one (電話, TEL, FAX, 携帯, ☎):
#: 1 to 4 digits, a separator, 4 digits (「電話 894-0000」). The word stays.
_PHONE_WORDS = "電話|ＴＥＬ|Ｔｅｌ|TEL|Tel|tel|ＦＡＸ|FAX|Fax|fax|携帯|☎|℡|📞"
LABELLED_PHONE = re.compile(
    rf"(?<![A-Za-z])(?:{_PHONE_WORDS})(?:番号)?\s?[:：]?\s?"
    rf"(?P<number>[{_D}]{{1,4}}{_JOIN}[{_D}]{{4}})(?![{_D}])"
)

_LOCAL = "A-Za-z0-9._%+\\-Ａ-Ｚａ-ｚ０-９．＿％＋－"
_DOMAIN = "A-Za-z0-9\\-Ａ-Ｚａ-ｚ０-９－"
#: An e-mail address, in ASCII or full width, with ``@``, ``＠`` or a spelt-out ``(at)`` / ``[at]`` / ``＜アット＞``.
_AT = r"(?:[@＠]|\s?[(\[（［<＜]\s?(?:at|AT|ａｔ|アット)\s?[)\]）］>＞]\s?)"
EMAIL = re.compile(
    rf"(?<![{_LOCAL}])[{_LOCAL}]+{_AT}"
    rf"[{_DOMAIN}]+(?:[.．][{_DOMAIN}]+)+"
)

#: A quick test a text must pass to hold any of the above (most texts hold no 0, +, @ or phone word).
_MAY_HOLD_CONTACT = re.compile(rf"[0０+＋]|{_AT}|{_PHONE_WORDS}")

#: Words that only say what a contact is (left alone they say nothing): a contact holding nothing else once its
#: numbers and addresses are withheld is dropped.
_CONTACT_WORDS = re.compile(
    r"電話番号|電話|携帯|ＴＥＬ|TEL|Tel|tel|ＦＡＸ|FAX|Fax|fax|[Ee]-?mail|Ｅメール|メール|連絡先|代表|問い?合わせ先?|"
    r"☎|℡|📞|✉|mail"
)


def withhold_contacts(s: str, mark: str) -> str:
    """``s`` with every e-mail address and phone number in it replaced by ``mark``.

    Examples
    --------
    >>> m = "（連絡先は非公開）"
    >>> withhold_contacts("代表 山田花子 090-1111-2222", m)
    '代表 山田花子 （連絡先は非公開）'
    >>> withhold_contacts("TEL 045-123-4567 / FAX ０４５（１２３）４５６８ / info@example.jp", m)
    'TEL （連絡先は非公開） / FAX （連絡先は非公開） / （連絡先は非公開）'
    >>> withhold_contacts("（090－1111－2222）、+81-90-1111-2222、0120-123-456、09011112222", m)
    '（（連絡先は非公開））、（連絡先は非公開）、（連絡先は非公開）、（連絡先は非公開）'
    >>> withhold_contacts("(045)123-4567 2013年から、045 123 4567、045.123.4567、０９０ー１１１１ー２２２２", m)
    '（連絡先は非公開） 2013年から、（連絡先は非公開）、（連絡先は非公開）、（連絡先は非公開）'
    >>> withhold_contacts("Sakae (045(123)4567)", "(contact withheld)")
    'Sakae ((contact withheld))'
    >>> withhold_contacts("shop＠example．jp、info(at)example.jp、@kyodo", "(contact withheld)")
    '(contact withheld)、(contact withheld)、@kyodo'
    >>> withhold_contacts("電話 894-0000（平日）", m)
    '電話 （連絡先は非公開）（平日）'
    >>> keep = "2013, 2013-2015, 令和3年4月1日, 1,200人, 第3期, seya-2, 2021-04-01, 〒244-0842, 0.5"
    >>> withhold_contacts(keep, m) == keep
    True
    """
    s = EMAIL.sub(mark, s)
    out = []
    pos = 0
    search_from = 0
    while (m := PHONE.search(s, search_from)) is not None:
        end = _phone_end(m)
        if end is None:
            search_from = m.start() + 1
            continue
        start = m.start()
        if s[start] in "(（" and not _AREA_CODE_CLOSED.match(s, _DIGIT_RUN.search(s, start).end()):
            start += 1  # "（090-1111-2222）": the parenthesis is the text's, not the number's as in "(045)…"
        out.append(s[pos:start])
        out.append(mark)
        pos = search_from = end
    out.append(s[pos:])
    s = "".join(out)
    return LABELLED_PHONE.sub(lambda m: m.group()[: m.start("number") - m.start()] + mark, s)


def has_contact(s: str) -> bool:
    """True if ``s`` holds a phone number or an e-mail address (:func:`withhold_contacts` would change it).

    >>> has_contact("seya-2"), has_contact("tel-0451234567")
    (False, True)
    """
    return withhold_contacts(s, "") != s


def _phone_end(m: re.Match) -> int | None:
    """Where the phone number a :data:`PHONE` match starts with ends, or None if it does not start with one."""
    groups = list(_DIGIT_RUN.finditer(m.string, m.start(), m.end()))
    international = m.group()[0] in "+＋"
    if not international and len(groups[0].group()) < 2:  # "0.5", "0 1 2 …"
        return None
    digits = ""
    for i, g in enumerate(groups, 1):
        digits += g.group().translate(_TO_ASCII)
        national = digits
        if international:
            national = digits[2:] if digits[2:3] == "0" else "0" + digits[2:]
        want = 11 if national.startswith(_ELEVEN) else 10
        if len(national) == want and national[1:2] != "0" and i <= (6 if international else 4):
            return g.end()
        if len(national) >= want:
            return None
    return None


def _only_withheld(s: str, marks: tuple[str, ...]) -> bool:
    """True if nothing but withheld marks, contact words and punctuation is left in ``s``."""
    for mark in marks:
        s = s.replace(mark, "")
    s = _CONTACT_WORDS.sub("", s)
    return not any(unicodedata.category(c)[0] in "LN" for c in s)


_PLAIN = frozenset({int, float, bool, type(None)})
#: A private contact is replaced in other records' text only when it holds a number or an address (a street
#: address, a phone number), not a common word.
_SPECIFIC = re.compile(f"[{_D}@＠]")


def _withholder(marks: tuple[str, str]):
    """A function returning a copy of a value (text, or lists, tuples and dicts of them, to any depth) with
    contact data withheld; a dict's ``…_en`` fields get the English mark. It remembers the texts it has seen (a
    city repeats its colours, sectors and cites thousands of times)."""
    seen: tuple[dict[str, str], dict[str, str]] = ({}, {})  # Japanese, English

    def text_of(s: str, en: bool) -> str:
        known = seen[en]
        out = known.get(s)
        if out is None:
            out = known[s] = withhold_contacts(s, marks[en]) if _MAY_HOLD_CONTACT.search(s) else s
        return out

    def walk(value: object, en: bool = False) -> object:
        kind = type(value)
        if kind is str:
            return text_of(value, en)
        if kind in _PLAIN:
            return value
        if kind is dict:  # the common cases inline: a city has millions of values
            out = {}
            for k, v in value.items():
                vk = type(v)
                if vk in _PLAIN:
                    out[k] = v
                else:
                    en_k = en or (type(k) is str and k.endswith("_en"))
                    out[k] = text_of(v, en_k) if vk is str else walk(v, en_k)
            return out
        if kind is list or kind is tuple:
            return kind([text_of(v, en) if type(v) is str else walk(v, en) for v in value])
        if isinstance(value, str):
            return text_of(str(value), en)
        if isinstance(value, dict):
            return {k: walk(v, en or (type(k) is str and k.endswith("_en"))) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [walk(v, en) for v in value]
        if isinstance(value, (set, frozenset)):
            return type(value)(walk(v, en) for v in value)
        return value

    return walk


def redact_graph(G: nx.Graph, *, reference: nx.Graph | None = None) -> tuple[nx.Graph, dict[Hashable, Hashable]]:
    """The public copy of ``G`` (see the module docstring) and the map from old ids to new ones.

    The map (actors and projects of ``G`` whose id changes) lets a caller translate an actor or project it
    resolved on the original graph (``--remove``, ``--focus``, ``--project``); it is returned, never stored on
    the graph. With ``reference`` (a graph holding every actor of ``G``: the whole case, every year, as
    :func:`~kyodo_network.graph.graph_from_names` passes it), who is hidden is decided there: a hidden actor of
    ``reference`` that ``G`` leaves out is still scrubbed from ``G``'s text, and hidden actors get the labels and
    anonymous ids they have there, so two redacted graphs of one district (two years) use the same words for the
    same person.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("s", name="Sさん", name_en="Mr S", role="コーディネーター", visibility="private", contact="045-1")
    >>> G.add_node("c", name="Sさんの会", name_en="Friends of Mr S", visibility="public",
    ...            contact="045-222-3333 / https://c.example.jp", note="x", private_fields=["note"])
    >>> G.add_edge("s", "c", relations=[{"from": "s", "to": "c", "cite": "Sさん談", "note": "x"}])
    >>> H, ids = redact_graph(G)
    >>> ids["s"], H.nodes["private-1"]["name"], H.nodes["c"]["name"], H.nodes["c"]["contact"]
    ('private-1', 'コーディネーター', 'コーディネーターの会', '（連絡先は非公開） / https://c.example.jp')
    >>> H.edges["private-1", "c"]["relations"][0]["cite"], H.edges["private-1", "c"]["relations"][0]["note"]
    ('コーディネーター談', None)
    """
    R = G if reference is None else reference
    hidden = sorted((n for n, d in R.nodes(data=True) if _is_hidden(d)), key=str)
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
    representative = (text("privacy.representative", "ja"), text("privacy.representative", "en"))
    for n, d in R.nodes(data=True):  # a body's representative (代表者) is a private person, named elsewhere too
        rep = str(d.get("representative") or "").strip()
        if len(rep) > 1:
            pairs_ja.append((rep, representative[0]))
            pairs_en.append((rep, representative[1]))
    for n, d in R.nodes(data=True):  # a hidden actor's contact, and a contact from a column marked 非公開
        if n in labels or "contact" in _private_fields(d):
            for part in _contact_parts(d.get("contact")):
                if n in labels or _SPECIFIC.search(
                    part
                ):  # a public body's private 「地域振興課」 is no secret elsewhere
                    pairs_ja.append((part, withheld[0]))
                    pairs_en.append((part, withheld[1]))
    scrub_ja, scrub_en = _scrubber(pairs_ja), _scrubber(pairs_en)
    withhold = _withholder(withheld)
    secrets = [p for p, _ in pairs_ja]

    ids: dict[Hashable, Hashable] = {n: f"private-{i}" for i, n in enumerate(hidden, 1)}
    for n in R:
        if n not in ids and (_contains(str(n), secrets) or has_contact(str(n))):
            ids[n] = f"private-{len(ids) + 1}"
    projects = dict(G.graph.get("projects") or {})
    project_ids = {
        p: (
            f"private-project-{i}"
            if _contains(str(p), secrets) or has_contact(str(p)) or _only_hidden(projects[p], labels, hidden, R)
            else p
        )
        for i, p in enumerate(sorted(projects, key=str), 1)
    }
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
            rec["name"], rec["name_en"] = (
                text("privacy.project", "ja", n=neutral),
                text("privacy.project", "en", n=neutral),
            )
        rec["participants"] = [
            {**_record(x, scrub_ja, scrub_en), "id": ids.get(x["id"], x["id"])} for x in p.get("participants", [])
        ]
        if "reviews" in p:  # "by" holds the reviewer's actor id once linked, else the name written
            rec["reviews"] = [
                {**_record(r, scrub_ja, scrub_en), "by": ids.get(r.get("by"), _scrub_text(r.get("by"), scrub_ja))}
                for r in p["reviews"]
            ]
        new_projects[project_ids[pid]] = rec
    H.graph["projects"] = new_projects
    H.graph["public"] = True
    if G.graph.get("undated"):  # the year view's assumptions name actors and projects by id
        u = G.graph["undated"]
        H.graph["undated"] = {
            "actors": [ids.get(a, a) for a in u["actors"]],
            "relations": [[ids.get(f, f), ids.get(t, t), k] for f, t, k in u["relations"]],
            "projects": [project_ids.get(p, p) for p in u["projects"]],
        }

    for n, d in G.nodes(data=True):
        rec = _record(d, scrub_ja, scrub_en)
        for f in _private_fields(d):
            if f in rec and f not in _KEPT_FIELDS:
                rec[f] = [] if isinstance(rec[f], (list, tuple)) else None
        if n in labels:
            rec["name"], rec["name_en"] = labels[n]
            rec["contact"] = None
        if "representative" in rec:  # private whatever the file says
            rec["representative"] = None
        if "projects" in d:
            rec["projects"] = [project_ids.get(p, p) for p in d["projects"]]
        if d.get("kind") == "project" and n in projects and _only_hidden(projects[n], labels, hidden, R):
            rec["name"], rec["name_en"] = new_projects[project_ids[n]]["name"], new_projects[project_ids[n]]["name_en"]
        rec = withhold(rec)
        contact = rec.get("contact")
        if isinstance(contact, str) and contact != d.get("contact") and _only_withheld(contact, withheld):
            rec["contact"] = None  # nothing left but the mark
        H.add_node(ids.get(n, project_ids.get(n, n)), **rec)
    for u, v, d in G.edges(data=True):
        rec = _record(d, scrub_ja, scrub_en)
        if "relations" in d:
            rec["relations"] = [
                {
                    **_record(r, scrub_ja, scrub_en),
                    "from": ids.get(r.get("from"), r.get("from")),
                    "to": ids.get(r.get("to"), r.get("to")),
                    "held_by": [ids.get(h, h) for h in r.get("held_by", [])],
                }
                for r in d["relations"]
            ]
        if "held_by" in d:
            rec["held_by"] = sorted(ids.get(h, h) for h in d["held_by"])
        if "projects" in d:
            rec["projects"] = [project_ids.get(p, p) for p in d["projects"]]
        H.add_edge(ids.get(u, project_ids.get(u, u)), ids.get(v, project_ids.get(v, v)), **withhold(rec))
    H.graph.update(withhold(dict(H.graph)))  # districts, sources, projects and their reviews …
    renamed = {**ids, **{p: q for p, q in project_ids.items() if p != q}}
    return H, {old: new for old, new in renamed.items() if old in G or old in projects}


def _labels(G: nx.Graph, hidden: list) -> dict[Hashable, tuple[str, str]]:
    """A distinct (Japanese, English) label for each hidden actor: its role, numbered when two share one."""
    raw = {}
    anonymous = 0
    for n in hidden:
        d = G.nodes[n]
        private = _private_fields(d)
        role = None if "role" in private else d.get("role")
        role_en = None if "role_en" in private or "role" in private else d.get("role_en")
        ja = (role or role_en or "").strip()
        en = (role_en or role or "").strip()
        if not ja:
            anonymous += 1
            ja, en = text("privacy.person", "ja", n=anonymous), text("privacy.person", "en", n=anonymous)
        raw[n] = (ja, en)
    count: dict[str, int] = {}
    for ja, _ in raw.values():
        count[ja] = count.get(ja, 0) + 1
    hidden_set = set(hidden)
    taken = {str(d.get("name") or "") for n, d in G.nodes(data=True) if n not in hidden_set}  # public names
    seen: dict[str, int] = {}
    out = {}
    for n in hidden:
        base_ja, base_en = raw[n]
        ja, en = base_ja, base_en
        if count[base_ja] > 1 or ja in taken:  # two 民生委員, or a public actor already called so
            while True:
                seen[base_ja] = seen.get(base_ja, 0) + 1
                ja = text("privacy.numbered", "ja", label=base_ja, n=seen[base_ja])
                en = text("privacy.numbered", "en", label=base_en, n=seen[base_ja])
                if ja not in taken:
                    break
        taken.add(ja)
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

    seen: dict[str, str] = {}  # a city repeats its sectors, wards and cites thousands of times

    def scrub(s: str) -> str:
        out = seen.get(s)
        if out is None:
            out = seen[s] = rx.sub(
                lambda m: table.get(unicodedata.normalize("NFKC", m.group(0)).casefold(), m.group(0)), s
            )
        return out

    return scrub


def _is_hidden(d: dict) -> bool:
    """True for an actor ``--public`` shows by its role: private or internal, or its name marked private."""
    private = _private_fields(d)
    return d.get("kind", "actor") == "actor" and (
        d.get("visibility") in HIDDEN_VISIBILITIES or "name" in private or "name_en" in private
    )


def _private_fields(d: dict) -> set[str]:
    """The fields a node's data marks private (``private_fields``: columns headed 非公開 or 取扱注意)."""
    return {str(f) for f in d.get("private_fields") or ()}


def _scrub_text(v: object, scrub) -> object:
    return scrub(v) if isinstance(v, str) else v


def _contains(s: str, secrets: list[str]) -> bool:
    folded = unicodedata.normalize("NFKC", s).casefold()
    return any(unicodedata.normalize("NFKC", x).casefold() in folded for x in secrets if len(x) > 1)


def _record(d: dict, scrub_ja, scrub_en, keep: tuple[str, ...] = ()) -> dict:
    """A copy of one record with hidden names replaced in its text fields (every field but the
    :data:`_STRUCTURAL` ones) and its note dropped."""
    out = {}
    for k, v in d.items():
        if k in keep:
            continue
        if k in ("note", "origin"):  # origin is file:line, and a path can hold a person's name
            out[k] = None
        elif k in _STRUCTURAL:
            out[k] = list(v) if isinstance(v, list) else v
        elif isinstance(v, str):
            out[k] = (scrub_en if isinstance(k, str) and k.endswith("_en") else scrub_ja)(v)
        elif isinstance(v, (list, tuple)):
            scrub = scrub_en if isinstance(k, str) and k.endswith("_en") else scrub_ja
            out[k] = [scrub(x) if isinstance(x, str) else x for x in v]
        elif isinstance(v, list):
            out[k] = list(v)
        else:
            out[k] = v
    return out


def _only_hidden(project: dict, labels: dict, hidden: list, G: nx.Graph) -> bool:
    """True if the project's name is nothing but a hidden actor's name."""
    names = {
        unicodedata.normalize("NFKC", str(G.nodes[n].get(f) or "")).strip().casefold()
        for n in hidden
        for f in ("name", "name_en")
    }
    names.discard("")
    return any(
        unicodedata.normalize("NFKC", str(project.get(f) or "")).strip().casefold() in names
        for f in ("name", "name_en")
    )
