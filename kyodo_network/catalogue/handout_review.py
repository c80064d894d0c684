"""The reviews section of ``kyodo report``: the 横浜コード and the check sheet as both sides answered them."""

ENTRIES = {
    "handout.reviews": {
        "ja": "振り返り（横浜コードとチェックシート）",
        "en": "Reviews (Yokohama Code and check sheet)",
    },
    "handout.reviews.item": {"ja": "項目", "en": "Item"},
    "handout.reviews.citizen": {"ja": "市民側", "en": "Citizen side"},
    "handout.reviews.government": {"ja": "行政側", "en": "Government side"},
    "handout.reviews.gap": {"ja": "認識の違い", "en": "Gap"},
    "handout.reviews.gap_mark": {"ja": "差 {gap}", "en": "differ by {gap}"},
    "handout.reviews.weakest": {"ja": "いちばん低い原則: {names}", "en": "Weakest principles: {names}"},
    "handout.reviews.unanswered": {"ja": "まだ答えのない項目: {n}", "en": "Items not answered yet: {n}"},
    "handout.reviews.note": {
        "ja": "1（できていない）〜4（できている）。差が2以上の項目を先に示します（kyodo review で詳しく）。",
        "en": "1 (not at all) to 4 (fully). Items where the sides differ by 2 or more come first "
        "(see kyodo review for everything).",
    },
}
