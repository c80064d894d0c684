"""The words of reviews (振り返り), the check sheet and ``kyodo review``, Japanese and English."""

ENTRIES = {
    # --- problems -------------------------------------------------------------------------------------------
    "problem.unknown-item": {"ja": "「{value}」は横浜コードの原則にもチェックシートの項目にもありません{hint}",
                             "en": "'{value}' is neither a Yokohama Code principle nor a check-sheet point{hint}"},
    "problem.unknown-item.fix": {
        "ja": "原則は 対等・自主性尊重・自立化・相互理解・目的共有・公開、項目は plan-1…plan-4、run-1…run-3、review-1…review-3",
        "en": "principles: equality, autonomy, independence, mutual-understanding, shared-purpose, openness; "
              "points: plan-1…plan-4, run-1…run-3, review-1…review-3"},
    "problem.bad-score": {"ja": "「{item}」の点数「{value}」は {low}〜{high} の整数で書いてください",
                          "en": "the score '{value}' for '{item}' should be a whole number from {low} to {high}"},
    "problem.bad-score.fix": {"ja": "1＝できていない、2＝あまりできていない、3＝おおむねできている、4＝できている。空欄は未回答",
                              "en": "1 not at all, 2 a little, 3 mostly, 4 fully; leave it empty if not answered"},
    "problem.unknown-moment": {"ja": "時点「{value}」は使えません{hint}。計画・実施・振り返り（plan・run・review）のどれかです",
                               "en": "unknown moment '{value}'{hint}; use plan, run or review (計画・実施・振り返り)"},
    "problem.not-participant": {"ja": "回答者「{value}」は「{project}」の参加者ではありません",
                                "en": "the reviewer '{value}' is not a participant of '{project}'"},
    "problem.not-participant.fix": {"ja": "参加者に加えるか、参加している団体の名前で書いてください",
                                    "en": "add it to the participants, or write a participating actor"},
    "problem.unknown-project": {"ja": "「{value}」という協働事業は見つかりません{hint}",
                                "en": "'{value}' is not a known project{hint}"},
    "problem.unknown-agreement-item": {
        "ja": "「{value}」は協働協定書の項目ではありません{hint}。事業目的の共有・事業の概要・役割及び責任分担等・個人情報等の取扱い",
        "en": "'{value}' is not an item of a collaboration agreement{hint}; use purpose, outline, roles or personal-data"},
    "problem.ref.reviewer": {"ja": "振り返りの回答者", "en": "reviewer"},
    "problem.record.review": {"ja": "振り返り", "en": "review"},
    "problem.expected.scores": {"ja": "「項目: 点数」の組", "en": "a mapping of item: score"},
    "problem.expected.agreement": {"ja": "「項目: true/false」の組か項目の一覧", "en": "a mapping item: true/false or a list of items"},
}
