"""Read the reviews (振り返り) and 協働協定書 items of a case file, and link reviewers to participants.

Private helpers of :mod:`kyodo_network.load`. A review is written inside its project::

    reviews:
      - by: ドリームハイツ地域運営協議会      # a participant, by id or name
        year: 2024
        moment: 振り返り                     # plan | run | review, or 計画・実施・振り返り
        scores: {目的共有: 4, 対等: 3, plan-1: 2}
        comment: 役割分担をもう一度話し合いたい

or in the file's top-level ``reviews`` list (or a 振り返り sheet) with ``project:`` naming the project, which may
be one of an included file. An agreement is a mapping of 協働協定書 items to ``true``/``false`` or a list of the
items agreed. Items and moments accept the words of :mod:`kyodo_network.instruments`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from ..errors import Problem, msg, problem
from ..instruments import AGREEMENT_ITEMS, ITEMS, MOMENTS, SCORE_RANGE, agreement_item_id, item_id, moment_id
from ..model import Case, Origin, Review
from ..names import ActorIndex
from ..validate import hint_for
from ..words import clean, plain_digits
from .yaml import INVALID, YList, YMap

__all__ = ["REVIEW_FIELDS", "parse_reviews", "parse_agreement", "link_reviews"]

REVIEW_FIELDS = {
    "by": ("ref", True),
    "year": ("year", True),
    "moment": ("word", True),
    "scores": ("any", True),
    "comment": ("text", False),
}
TOP_REVIEW_FIELDS = {"project": ("ref", True), **REVIEW_FIELDS}

_ITEM_CHOICES = {w: i.id for i in ITEMS.values() for w in (i.id, i.name)}
_MOMENT_CHOICES = {w: k for k, (ja, _en, words) in MOMENTS.items() for w in (k, ja, *words)}
_AGREEMENT_CHOICES = {w: k for k, (ja, _en) in AGREEMENT_ITEMS.items() for w in (k, ja)}


def _pos_origin(p: Any, pos: tuple) -> Origin:
    return p.origin(pos)


def parse_reviews(p: Any, value: Any, pos: tuple, *, top: bool = False) -> tuple[Review, ...]:
    """The reviews of one ``reviews`` list (of a project, or the file's own with ``top``), problems to ``p``."""
    if value is None or value is INVALID:
        return ()
    if not isinstance(value, YList):
        p.add(
            "wrong-type",
            pos,
            field="reviews",
            expected=msg("expected.list"),
            got=msg("got.other", value=type(value).__name__),
        )
        return ()
    out = []
    for item, ipos in zip(value, value.item_pos):
        rec = p.record(item, TOP_REVIEW_FIELDS if top else REVIEW_FIELDS, "review", ipos)
        if rec is None:
            continue
        origins = dict(p.last_origins)
        moment = None
        if rec.get("moment") is not None:
            moment = moment_id(str(rec["moment"]))
            if moment is None:
                word = str(rec["moment"])
                p.add(
                    "unknown-moment",
                    item.value_pos["moment"],
                    value=word,
                    hint=hint_for(word, _MOMENT_CHOICES, _MOMENT_CHOICES),
                )
        scores = _scores(p, rec.get("scores"), item.value_pos.get("scores", ipos), origins)
        if rec.get("by") and rec.get("year") is not None and moment is not None:
            out.append(
                Review(
                    reviewer=rec["by"],
                    year=rec["year"],
                    moment=moment,
                    scores=scores,
                    comment=rec.get("comment"),
                    project=rec.get("project"),
                    origin=p.origin(ipos),
                    field_origins=origins,
                )
            )
    return tuple(out)


def _scores(p: Any, data: Any, pos: tuple, origins: dict[str, Origin]) -> tuple[tuple[str, int], ...]:
    if data is None:
        return ()
    if not isinstance(data, YMap):
        if data is not INVALID:
            p.add(
                "wrong-type",
                pos,
                field="scores",
                expected=msg("expected.scores"),
                got=msg("got.other", value=type(data).__name__),
            )
        return ()
    low, high = SCORE_RANGE
    out: dict[str, int] = {}
    for word, raw in data.items():
        ident = item_id(str(word))
        if ident is None:
            p.add(
                "unknown-item",
                data.key_pos[word],
                value=str(word),
                hint=hint_for(str(word), _ITEM_CHOICES, _ITEM_CHOICES),
            )
            continue
        if raw is None or raw is INVALID or (isinstance(raw, str) and not raw.strip()):
            continue  # not answered
        number = raw
        digits = plain_digits(raw).strip() if isinstance(raw, str) and plain_digits(raw) else ""
        if digits.isascii() and digits.isdigit():
            number = int(digits)
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
            p.add("bad-score", data.value_pos[word], item=ITEMS[ident].name, value=str(raw), low=low, high=high)
            continue
        out[ident] = number
        origins[f"score:{ident}"] = p.origin(data.value_pos[word])
    return tuple(out.items())


def parse_agreement(p: Any, data: Any, pos: tuple) -> tuple[tuple[str, bool], ...]:
    """協働協定書 items from a mapping (item: true/false) or a list of the items agreed."""
    if data is None or data is INVALID:
        return ()
    pairs: list[tuple[Any, Any, tuple]] = []
    if isinstance(data, YMap):
        pairs = [(k, v, data.key_pos[k]) for k, v in data.items()]
    elif isinstance(data, YList):
        pairs = [(k, True, kpos) for k, kpos in zip(data, data.item_pos)]
    elif isinstance(data, str):
        pairs = [(data, True, pos)]
    else:
        p.add(
            "wrong-type",
            pos,
            field="agreement",
            expected=msg("expected.agreement"),
            got=msg("got.other", value=type(data).__name__),
        )
        return ()
    out: dict[str, bool] = {}
    for word, agreed, kpos in pairs:
        ident = agreement_item_id(str(word))
        if ident is None:
            p.add(
                "unknown-agreement-item",
                kpos,
                value=str(word),
                hint=hint_for(str(word), _AGREEMENT_CHOICES, _AGREEMENT_CHOICES),
            )
            continue
        if not isinstance(agreed, bool):
            p.add(
                "wrong-type",
                kpos,
                field=str(word),
                expected=msg("expected.bool"),
                got=msg("got.text", value=str(agreed)),
            )
            continue
        out[ident] = agreed
    return tuple(out.items())


def _at(origin: Origin | None, code: str, **fields: object) -> Problem:
    if origin is None:
        return problem(code, "?", **fields)
    return problem(code, origin.path, origin.line, origin.col, sheet=origin.sheet, **fields)


def link_reviews(case: Case, included: Sequence[Case]) -> tuple[Case, list[Problem]]:
    """Reviewers (and a top-level review's project) written as an id or a name become ids; each reviewer must
    be a participant of the project. Runs after :func:`kyodo_network.validate.link_case`."""
    problems: list[Problem] = []
    if not case.reviews and not any(p.reviews for p in case.projects):
        return case, problems
    index = ActorIndex([(a.id, a.name, a.name_en) for c in (case, *included) for a in c.actors])
    projects = {p.id: p for c in (*included, case) for p in c.projects}
    by_name = {}
    for pr in projects.values():
        for w in (pr.name, pr.name_en):
            if w:
                by_name.setdefault(clean(w), pr.id)

    def one(review: Review, project_id: str | None) -> Review | None:
        if project_id is None:
            word = clean(review.project or "")
            project_id = word if word in projects else by_name.get(word)
            if project_id is None:
                problems.append(
                    _at(
                        review.field_origins.get("project", review.origin),
                        "unknown-project",
                        value=review.project,
                        hint=hint_for(str(review.project), [*projects, *by_name]),
                    )
                )
                return None
        where = review.field_origins.get("by", review.origin)
        found = index.find(review.reviewer)
        if len(found) != 1:
            close = index.close(review.reviewer)
            problems.append(
                _at(
                    where,
                    "unknown-actor",
                    value=review.reviewer,
                    what=msg("ref.reviewer"),
                    hint=msg("hint.did-you-mean", value=close) if close else "",
                )
            )
            return None
        project = projects[project_id]
        members = [x.id for x in project.participants]
        if found[0] not in members:
            problems.append(_at(where, "not-participant", value=review.reviewer, project=project.name))
            return None
        return replace(review, reviewer=found[0], project=project_id)

    new_projects = []
    for pr in case.projects:
        if pr.reviews:
            pr = replace(pr, reviews=tuple(r for r in (one(x, pr.id) for x in pr.reviews) if r is not None))
        new_projects.append(pr)
    top = tuple(r for r in (one(x, None) for x in case.reviews) if r is not None)
    return replace(case, projects=tuple(new_projects), reviews=top), problems
