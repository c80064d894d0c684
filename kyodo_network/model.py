"""The case data model: sectors, relation types, and frozen records for actors, relations and projects.

No I/O here. :mod:`kyodo_network.load` builds these records from YAML; :mod:`kyodo_network.graph` turns them
into NetworkX graphs. Only what a coordinator knows is required: an English name, a citation, a ward or an id
may be absent (empty text); English output then falls back to the Japanese name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .errors import column_letter

__all__ = [
    "FORMAT",
    "Sector",
    "RelationType",
    "SECTORS",
    "RELATION_TYPES",
    "FORMAL_TYPES",
    "VISIBILITIES",
    "VOCABULARY_EN",
    "in_english",
    "Origin",
    "CsvFile",
    "place",
    "District",
    "Actor",
    "Relation",
    "Participant",
    "Review",
    "Project",
    "Case",
]

#: The only case-file format this version reads.
FORMAT = "kyodo-case/1"


@dataclass(frozen=True)
class Sector:
    """A sector of actors (自治会町内会, NPO, …) with its labels and map colour."""

    id: str
    name: str
    name_en: str
    colour: str
    short: str | None = None
    short_en: str | None = None

    @property
    def label(self) -> str:
        """Short Japanese label for tables and sentences (the full name when none is set)."""
        return self.short or self.name

    @property
    def label_en(self) -> str:
        return self.short_en or self.name_en


@dataclass(frozen=True)
class RelationType:
    """A kind of relation; ``directed`` types read from → to, the others are mutual."""

    id: str
    name: str
    name_en: str
    directed: bool


#: Built-in sectors, in legend order.
SECTORS: dict[str, Sector] = {
    s.id: s
    for s in [
        Sector(
            "neighbourhood",
            "自治会町内会・地縁団体",
            "Neighbourhood associations",
            "#1f78b4",
            "自治会町内会",
            "Neighbourhood",
        ),
        Sector(
            "npo",
            "NPO・市民活動団体・ボランティア",
            "NPOs, civic groups, volunteers",
            "#33a02c",
            "NPO・市民活動",
            "NPO",
        ),
        Sector("company", "企業・商店街", "Companies, shopping streets", "#ff7f00", "企業", "Company"),
        Sector("school", "学校・PTA・大学", "Schools, PTAs, universities", "#6a3d9a", "学校", "School"),
        Sector("government", "市の局・区役所の課", "City bureaus, ward offices", "#e31a1c", "行政", "Government"),
        Sector(
            "support",
            "社会福祉協議会・地域ケアプラザ・市民活動支援センター",
            "Support bodies (welfare councils, care plazas, civic activity centres)",
            "#a6761d",
            "支援機関",
            "Support body",
        ),
        Sector("council", "協議会・実行委員会", "Councils, committees", "#17becf", "協議会", "Council"),
        Sector(
            "person",
            "個人（コーディネーター・職員・委員・専門家）",
            "Persons (coordinators, officials, experts)",
            "#e7298a",
            "個人",
            "Person",
        ),
        Sector("other", "その他", "Other", "#999999", "その他", "Other"),
    ]
}

#: Relation types. Directed ones read "from → to" (subsidy: funder → recipient; member: member → body).
RELATION_TYPES: dict[str, RelationType] = {
    t.id: t
    for t in [
        RelationType("agreement", "協働協定", "Collaboration agreement", False),
        RelationType("commission", "委託", "Commission", True),
        RelationType("subsidy", "補助・助成", "Subsidy / grant", True),
        RelationType("co_host", "共催", "Co-hosting", False),
        RelationType("member", "構成員", "Member of", True),
        RelationType("advice", "助言", "Advice", True),
        RelationType("coordination", "連絡調整", "Liaison / coordination", False),
        RelationType("support", "支援", "Support", True),
        RelationType("venue", "場所の提供", "Provides a venue", True),
        RelationType("founded", "設立", "Founded", True),
        RelationType("cooperation", "協力", "Cooperation", False),
        RelationType("information", "情報交換", "Information exchange", False),
    ]
}

#: Relation types that are formal, written arrangements (used by the comparison indicators).
FORMAL_TYPES = frozenset({"agreement", "commission", "subsidy"})

#: English for the themes and the offers/needs words used in the bundled data. Files may use other words:
#: they are matched as written and shown untranslated.
VOCABULARY_EN: dict[str, str] = {
    "まちづくり": "community planning",
    "介護予防": "care prevention",
    "協働推進": "promoting collaboration",
    "地域福祉": "community welfare",
    "子どもの遊び場": "children's play spaces",
    "子育て": "child-rearing",
    "居場所": "drop-in places",
    "市民活動支援": "supporting civic activity",
    "環境・自然": "environment and nature",
    "見守り": "watching over residents",
    "防犯": "crime prevention",
    "食事サービス": "meal services",
    "高齢者福祉": "elderly welfare",
    "人手": "volunteers and helpers",
    "会場": "a venue",
    "協働の相手": "partners",
    "専門知識": "expertise",
    "広報": "publicity",
    "情報": "information",
    "物品": "equipment and goods",
    "相談": "advice and consultation",
    "研修": "training",
    "調整": "coordination",
    "資金": "funding",
}


def in_english(word: str) -> str:
    """The English for a theme or resource word of :data:`VOCABULARY_EN`, else the word itself.

    >>> in_english("子育て"), in_english("盆踊り")
    ('child-rearing', '盆踊り')
    """
    return VOCABULARY_EN.get(word, word)


#: Allowed ``visibility`` values; ``public`` is the default.
VISIBILITIES = ("public", "internal", "private")


class CsvFile(str):
    """The third element of a position in a CSV file: the file's name (a CSV file has no sheets)."""


def place(path: str, pos: tuple) -> tuple[str, int, int, str]:
    """``(path, line, col, sheet)`` of a position ``(line, col)`` or ``(row, col, sheet)`` in the file ``path``; a
    position in a CSV file names its own file.

    >>> place("a.xlsx", (3, 2, "団体一覧")), place("x", (4, 1, CsvFile("b.csv"))), place("c.yaml", (5, 9))
    (('a.xlsx', 3, 2, '団体一覧'), ('b.csv', 4, 1, ''), ('c.yaml', 5, 9, ''))
    """
    sheet = pos[2] if len(pos) > 2 else ""
    if isinstance(sheet, CsvFile):
        return str(sheet), pos[0], pos[1], ""
    return path, pos[0], pos[1], sheet


class Origin(NamedTuple):
    """Where a record was written: file path and 1-based line and column, or sheet, row and column."""

    path: str
    line: int
    col: int
    sheet: str = ""

    def __str__(self) -> str:
        if self.sheet:
            return f"{self.path}:{self.sheet}!{column_letter(self.col)}{self.line}"
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class District:
    """The district (or city-wide body) a case file describes."""

    id: str
    name: str
    name_en: str = ""
    ward: str = ""
    ward_en: str = ""
    city: str = ""
    cite: str = ""
    summary: str | None = None
    origin: Origin | None = None


@dataclass(frozen=True)
class Actor:
    """An organisation, group or person that takes part in collaboration."""

    id: str
    name: str
    sector: str
    name_en: str = ""
    cite: str = ""
    role: str | None = None
    role_en: str | None = None
    themes: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    visibility: str = "public"
    contact: str | None = None
    ward: str | None = None
    ward_en: str | None = None
    inferred: bool = False
    note: str | None = None
    district: str | None = None
    origin: Origin | None = None
    field_origins: dict[str, Origin] = field(default_factory=dict, repr=False, compare=False)
    #: Fields that are the author's reading rather than the source's words (``inferred: [offers, needs]``).
    inferred_fields: tuple[str, ...] = ()
    #: The user's own word for what the actor is (種別: 老人クラブ, 民児協, 医療機関 …), kept as written and shown
    #: wherever the actor's kind is named; ``sector`` is the broad sector it is placed under
    #: (:mod:`kyodo_network.vocabulary`). None when the file named the sector itself.
    category: str | None = None
    #: The name of the person who represents the body (a list's 代表者): private, kept with the body, not drawn.
    representative: str | None = None
    #: Fields whose values are private whatever the actor's visibility (a column headed 連絡先（取扱注意）):
    #: ``--public`` hides them.
    private_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A relation between two actors. ``source``/``target`` are the YAML ``from``/``to``."""

    source: str
    target: str
    type: str
    cite: str = ""
    since: int | None = None
    until: int | None = None
    weight: int = 2
    inferred: bool = False
    note: str | None = None
    agreement: tuple[tuple[str, bool], ...] = ()  # 協働協定書 items: (item id, agreed)
    origin: Origin | None = None
    field_origins: dict[str, Origin] = field(default_factory=dict, repr=False, compare=False)
    inferred_fields: tuple[str, ...] = ()
    #: The persons (actor ids) who hold this tie for an organisation: it is lost when they all leave (a 異動).
    held_by: tuple[str, ...] = ()
    #: The user's own word for the tie (寄付, 見守り協定, 協働 …) when it is not the type's own name; ``type`` is the
    #: typed relation it is placed under (:mod:`kyodo_network.vocabulary`).
    label: str | None = None

    @property
    def directed(self) -> bool:
        return RELATION_TYPES[self.type].directed


class Participant(NamedTuple):
    """An actor taking part in a project, with its optional role there."""

    id: str
    role: str | None = None
    role_en: str | None = None


@dataclass(frozen=True)
class Review:
    """One participant's scores for a project at one moment of one year (the handbook's check sheet).

    ``scores`` pairs an item id of :mod:`kyodo_network.instruments` with a score from 1 to 4. ``project`` is
    set for a review written outside its project (a 振り返り sheet); ``reviewer`` holds an actor id once linked.
    """

    reviewer: str
    year: int
    moment: str  # "plan" | "run" | "review"
    scores: tuple[tuple[str, int], ...] = ()
    comment: str | None = None
    project: str | None = None
    origin: Origin | None = None
    field_origins: dict[str, Origin] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Project:
    """A collaborative project (協働事業): a set of participating actors."""

    id: str
    name: str
    name_en: str = ""
    cite: str = ""
    participants: tuple[Participant, ...] = ()
    since: int | None = None
    until: int | None = None
    themes: tuple[str, ...] = ()
    inferred: bool = False
    note: str | None = None
    district: str | None = None
    reviews: tuple[Review, ...] = ()
    agreement: tuple[tuple[str, bool], ...] = ()  # 協働協定書 items: (item id, agreed)
    origin: Origin | None = None
    participant_origins: tuple[Origin, ...] = field(default=(), repr=False, compare=False)
    field_origins: dict[str, Origin] = field(default_factory=dict, repr=False, compare=False)
    inferred_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """One loaded case file.

    ``includes`` holds the cases this file includes (for their actors); ``sectors`` the extra sectors it declares.
    """

    path: str
    district: District
    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = ()
    projects: tuple[Project, ...] = ()
    sectors: tuple[Sector, ...] = ()
    includes: tuple[Case, ...] = field(default=(), repr=False)
    source: dict[str, str] = field(default_factory=dict)
    reviews: tuple[Review, ...] = ()  # reviews written outside their project (each names its ``project``)
    #: Changes this file makes to actors and ties of the files it is read with (``kyodo serve``'s tonight file):
    #: ``(("rename", id, name), ("category", id, word), ("remove", id, ""), ("remove-tie", "a|b|type", ""))``.
    changes: tuple = ()
    #: What the reader understood, for the user to check (columns, words placed, names matched, actors made):
    #: :class:`~kyodo_network.errors.Problem` records whose codes begin ``note-``; never a reason to refuse.
    notes: tuple = ()

    @property
    def id(self) -> str:
        return self.district.id

    def reachable(self) -> list[Case]:
        """This case and every case it includes, directly or through other includes (each once)."""
        out: list[Case] = []
        seen: set[str] = set()
        stack = [self]
        while stack:
            c = stack.pop()
            if c.path in seen:
                continue
            seen.add(c.path)
            out.append(c)
            stack.extend(c.includes)
        return out
