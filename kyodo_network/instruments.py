"""The handbook's instruments for how a 協働 is done: the six principles of the 横浜コード and the check sheet.

『市民と行政のための協働ハンドブック』 (横浜市, 2010) gives them in two places:

- 「協働の6原則（横浜コード）」 (section 協働の6原則): 対等、自主性尊重、自立化、相互理解、目的共有、公開;
- 「よりよい協働のためのチェックシート」 points (section 協働の進め方, the 「チェックシートで CHECK!」 boxes),
  for three moments: 計画を立てるとき (4 points), 一緒に進めるとき (3), 一緒に振り返るとき (3).

Each item has a stable id for programs (``equality`` … ``openness``; ``plan-1`` … ``review-3``), the handbook's
wording (where the printed text drops a kana, 「話し合っよく」, we write 「話し合いよく」), an English rendering of
ours, and the Japanese words a person may type for it. Also the items of a
協働協定書 the handbook lists (事例① and ひとことメモⅠ). Pure data, no I/O.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = [
    "Item",
    "PRINCIPLES",
    "CHECKPOINTS",
    "ITEMS",
    "MOMENTS",
    "AGREEMENT_ITEMS",
    "SCORE_RANGE",
    "item_id",
    "moment_id",
    "agreement_item_id",
]

#: Scores run from 1 (not at all / できていない) to 4 (fully / できている).
SCORE_RANGE = (1, 4)


@dataclass(frozen=True)
class Item:
    """A principle or a check-sheet point."""

    id: str
    kind: str  # "principle" | "checkpoint"
    name: str  # short Japanese name
    name_en: str
    text: str  # the handbook's wording
    text_en: str
    cite: str
    moment: str | None = None  # checkpoints: "plan" | "run" | "review"
    words: tuple[str, ...] = ()  # other words accepted where a person types the item


_CODE = "協働の6原則（横浜コード）"
_SHEET = "協働の進め方／チェックシートで CHECK!"

PRINCIPLES: tuple[Item, ...] = (
    Item(
        "equality",
        "principle",
        "対等",
        "Equality",
        "市民活動と行政は対等の立場に立つこと",
        "Civic activity and government stand on an equal footing.",
        _CODE,
        words=("対等の原則", "1"),
    ),
    Item(
        "autonomy",
        "principle",
        "自主性尊重",
        "Respect for autonomy",
        "市民活動が自主的に行われることを尊重すること",
        "Respect that civic activity is carried out on its own initiative.",
        _CODE,
        words=("自主性尊重の原則", "自主性", "2"),
    ),
    Item(
        "independence",
        "principle",
        "自立化",
        "Independence",
        "市民と行政、双方が自立した存在で協働を進めること",
        "Citizens and government both work together as independent parties.",
        _CODE,
        words=("自立化の原則", "自立", "3"),
    ),
    Item(
        "mutual-understanding",
        "principle",
        "相互理解",
        "Mutual understanding",
        "市民活動と行政がそれぞれの長所、短所や立場を理解しあうこと",
        "Civic activity and government understand each other's strengths, weaknesses and positions.",
        _CODE,
        words=("相互理解の原則", "4"),
    ),
    Item(
        "shared-purpose",
        "principle",
        "目的共有",
        "Shared purpose",
        "協働に関して市民活動と行政がその活動の全体または一部について目的を共有すること",
        "Civic activity and government share the purpose of all or part of the collaboration.",
        _CODE,
        words=("目的共有の原則", "5"),
    ),
    Item(
        "openness",
        "principle",
        "公開",
        "Openness",
        "市民活動と行政の関係が公開されていること",
        "The relationship between civic activity and government is open to the public.",
        _CODE,
        words=("公開の原則", "6"),
    ),
)

_PLAN = f"{_SHEET}（計画を立てるときのポイント）"
_RUN = f"{_SHEET}（一緒に進めるときのポイント）"
_REVIEW = f"{_SHEET}（一緒に振り返るときのポイント）"

CHECKPOINTS: tuple[Item, ...] = (
    Item(
        "plan-1",
        "checkpoint",
        "目的・ミッション",
        "Purpose and mission",
        "自分たちが達成すべき大きな目的やミッションについてよく話し合うこと",
        "Talk through the larger purpose or mission you are to achieve.",
        _PLAN,
        "plan",
        ("計画1",),
    ),
    Item(
        "plan-2",
        "checkpoint",
        "立場や組織の違い",
        "Differences of position and organisation",
        "お互いの立場や組織の違いを話し合いよく理解すること",
        "Talk about and understand each other's positions and organisational differences.",
        _PLAN,
        "plan",
        ("計画2",),
    ),
    Item(
        "plan-3",
        "checkpoint",
        "ニーズ・目標・方法",
        "Needs, goals and methods",
        "ニーズを把握して共有するとともに、この事業の目標と実施方法を話し合い決めること",
        "Grasp and share the needs, and decide together the project's goals and methods.",
        _PLAN,
        "plan",
        ("計画3",),
    ),
    Item(
        "plan-4",
        "checkpoint",
        "役割分担",
        "Division of roles",
        "実現のためにそれぞれが何をできるかを考え、話し合い役割分担を決めること",
        "Consider what each can do to make it happen, and decide the division of roles together.",
        _PLAN,
        "plan",
        ("計画4",),
    ),
    Item(
        "run-1",
        "checkpoint",
        "率直な意見交換と対等な立場",
        "Frank exchange, equal footing",
        "率直な意見交換のもと、お互いに対等な立場で事業をすすめること",
        "Carry the project forward on an equal footing, with a frank exchange of views.",
        _RUN,
        "run",
        ("実施1", "進める1"),
    ),
    Item(
        "run-2",
        "checkpoint",
        "強みを活かし合う",
        "Using each other's strengths",
        "お互いの強みや得意分野をどう活かし合えるかを考え、提案しながら取り組むこと",
        "Work on it by proposing how each other's strengths and specialities can be used.",
        _RUN,
        "run",
        ("実施2", "進める2"),
    ),
    Item(
        "run-3",
        "checkpoint",
        "任せきりにしない",
        "Not leaving it to the other",
        "相手に任せきりにせず、お互いが役割を自覚して積極的に取り組むこと",
        "Do not leave it all to the other: each is aware of its role and takes an active part.",
        _RUN,
        "run",
        ("実施3", "進める3"),
    ),
    Item(
        "review-1",
        "checkpoint",
        "協働の効果",
        "What collaboration added",
        "協働することで、単独で行うのに比べてどのような効果が得られたか、話し合い共有すること",
        "Discuss and share what collaborating achieved compared with doing it alone.",
        _REVIEW,
        "review",
        ("振り返り1",),
    ),
    Item(
        "review-2",
        "checkpoint",
        "受益者の満足",
        "Beneficiaries' satisfaction",
        "受益者が満足を得られたかどうかについて、話し合い確認すること",
        "Discuss and confirm whether the beneficiaries were satisfied.",
        _REVIEW,
        "review",
        ("振り返り2",),
    ),
    Item(
        "review-3",
        "checkpoint",
        "市民への発信",
        "Telling the public",
        "事業の成果・課題や振り返りの内容を、ホームページや会報等を使って市民に発信すること",
        "Tell citizens the results, issues and review of the project through websites, newsletters and the like.",
        _REVIEW,
        "review",
        ("振り返り3",),
    ),
)

ITEMS: dict[str, Item] = {i.id: i for i in (*PRINCIPLES, *CHECKPOINTS)}

#: The three moments of the check sheet: id → (Japanese, English, words accepted).
MOMENTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "plan": ("計画を立てるとき", "When planning", ("計画", "計画時", "計画を立てるとき")),
    "run": ("一緒に進めるとき", "While working together", ("実施", "進める", "実施中", "一緒に進めるとき")),
    "review": ("一緒に振り返るとき", "When looking back together", ("振り返り", "振り返る", "一緒に振り返るとき")),
}

#: Items of a 協働協定書 the handbook lists (協働の事例① 協働協定書を締結): id → (Japanese, English).
AGREEMENT_ITEMS: dict[str, tuple[str, str]] = {
    "purpose": ("事業目的の共有", "Shared purpose of the project"),
    "outline": ("事業の概要", "Outline of the project"),
    "roles": ("役割及び責任分担等", "Roles and division of responsibility"),
    "personal-data": ("個人情報等の取扱い", "Handling of personal data"),
}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().casefold().replace(" ", "")


def _lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, words in table.items():
        for w in (key, *words):
            out.setdefault(_norm(w), key)
    return out


_ITEM_WORDS = _lookup({i.id: (i.name, i.name_en, i.text, *i.words) for i in ITEMS.values()})
_MOMENT_WORDS = _lookup({k: (ja, en, *w) for k, (ja, en, w) in MOMENTS.items()})
_AGREEMENT_WORDS = _lookup({k: v for k, v in AGREEMENT_ITEMS.items()})


def item_id(word: str) -> str | None:
    """The id of the principle or point a person typed (id, Japanese name or handbook wording), or None.

    >>> item_id("目的共有"), item_id("Shared purpose"), item_id("plan-2"), item_id("目的供有")
    ('shared-purpose', 'shared-purpose', 'plan-2', None)
    """
    return _ITEM_WORDS.get(_norm(word))


def moment_id(word: str) -> str | None:
    """``plan``, ``run`` or ``review`` for a typed moment (計画・実施・振り返り or the ids), else None.

    >>> moment_id("振り返り"), moment_id("run"), moment_id("later")
    ('review', 'run', None)
    """
    return _MOMENT_WORDS.get(_norm(word))


def agreement_item_id(word: str) -> str | None:
    """The id of a 協働協定書 item (``purpose``, ``outline``, ``roles``, ``personal-data``), else None.

    >>> agreement_item_id("個人情報等の取扱い")
    'personal-data'
    """
    return _AGREEMENT_WORDS.get(_norm(word))
