"""The words of reviews (振り返り), the check sheet and ``kyodo review``, Japanese and English."""

ENTRIES = {
    # --- problems -------------------------------------------------------------------------------------------
    "problem.unknown-item": {
        "ja": "「{value}」は横浜コードの原則にもチェックシートの項目にもありません{hint}",
        "en": "'{value}' is neither a Yokohama Code principle nor a check-sheet point{hint}",
    },
    "problem.unknown-item.fix": {
        "ja": "原則は 対等・自主性尊重・自立化・相互理解・目的共有・公開、項目は plan-1…plan-4、run-1…run-3、review-1…review-3",
        "en": "principles: equality, autonomy, independence, mutual-understanding, shared-purpose, openness; "
        "points: plan-1…plan-4, run-1…run-3, review-1…review-3",
    },
    "problem.bad-score": {
        "ja": "「{item}」の点数「{value}」は {low}〜{high} の整数で書いてください",
        "en": "the score '{value}' for '{item}' should be a whole number from {low} to {high}",
    },
    "problem.bad-score.fix": {
        "ja": "1＝できていない、2＝あまりできていない、3＝おおむねできている、4＝できている。空欄は未回答",
        "en": "1 not at all, 2 a little, 3 mostly, 4 fully; leave it empty if not answered",
    },
    "problem.unknown-moment": {
        "ja": "時点「{value}」は使えません{hint}。計画・実施・振り返り（plan・run・review）のどれかです",
        "en": "unknown moment '{value}'{hint}; use plan, run or review (計画・実施・振り返り)",
    },
    "problem.not-participant": {
        "ja": "回答者「{value}」は「{project}」の参加者ではありません",
        "en": "the reviewer '{value}' is not a participant of '{project}'",
    },
    "problem.not-participant.fix": {
        "ja": "参加者に加えるか、参加している団体の名前で書いてください",
        "en": "add it to the participants, or write a participating actor",
    },
    "problem.unknown-project": {
        "ja": "「{value}」という協働事業は見つかりません{hint}",
        "en": "'{value}' is not a known project{hint}",
    },
    "problem.unknown-agreement-item": {
        "ja": "「{value}」は協働協定書の項目ではありません{hint}。事業目的の共有・事業の概要・役割及び責任分担等・個人情報等の取扱い",
        "en": "'{value}' is not an item of a collaboration agreement{hint}; use purpose, outline, roles or personal-data",
    },
    "problem.ref.reviewer": {"ja": "振り返りの回答者", "en": "reviewer"},
    "problem.record.review": {"ja": "振り返り", "en": "review"},
    "problem.expected.scores": {"ja": "「項目: 点数」の組", "en": "a mapping of item: score"},
    "problem.expected.agreement": {
        "ja": "「項目: true/false」の組か項目の一覧",
        "en": "a mapping item: true/false or a list of items",
    },
}

_EX_REVIEW = """
\b
{examples}
  kyodo review nippa
  kyodo review nippa --sheet --project nippa-machibushin -o machibushin.pdf
  kyodo review nippa --sheet --project nippa-machibushin -o machibushin.xlsx
  kyodo review nippa --project nippa-machibushin --format json
"""

ENTRIES.update(
    {
        "cli.review.help": {
            "ja": "協働がどう進んでいるかを、両方の側の回答で並べて見る（横浜コードの6原則とチェックシート）。\n\n"
            "協働事業ごとに、原則と項目それぞれの各参加者の点数（1〜4）。市民側と行政側の差が2以上（認識の違い）を先頭に、"
            "いちばん弱い原則、前回からの変化、事業どうしの比較、一度も答えていない項目。委託に協働協定書の記録がないもの、"
            "役割分担の記録がない事業も示します。--sheet で記入用のチェックシート（PDF・HTML・xlsx）を作ります。"
            "記入した xlsx はそのまま CASE に加えて読めます。\n" + _EX_REVIEW.format(examples="例:"),
            "en": "Put both sides' answers side by side: how each collaboration does on the Yokohama Code and the check "
            "sheet.\n\nPer project, every principle and point with each participant's score (1–4); where the "
            "citizen and government sides differ by 2 or more (a gap in understanding) first; the weakest "
            "principles; the change since the previous review; projects compared; points never answered. Also "
            "flags commissions with no agreement recorded and projects with no recorded division of roles. "
            "--sheet writes the check sheet to fill in (PDF, HTML or xlsx); a filled xlsx is read as one more "
            "CASE.\n" + _EX_REVIEW.format(examples="Example:"),
        },
        "opt.review.project": {
            "ja": "この協働事業だけ（id か名前。何度でも）。",
            "en": "Only this project (id or name; repeatable).",
        },
        "opt.review.sheet": {
            "ja": "記入用のチェックシートを書く（-o の拡張子で PDF・HTML・xlsx）。",
            "en": "Write the check sheet to fill in (PDF, HTML or xlsx by the suffix of -o).",
        },
        "opt.review.output": {
            "ja": "--sheet の出力先（.pdf・.html・.xlsx）。",
            "en": "Where --sheet writes (.pdf, .html, .xlsx).",
        },
        "opt.review.chart": {
            "ja": "原則×回答者のグラフを書く（.png か .svg）。",
            "en": "Write a principles × sides chart (.png or .svg).",
        },
        "opt.review.points": {
            "ja": "表にチェックシートの項目も入れる（既定は6原則だけ）。",
            "en": "Include the check-sheet points in the table (default: the six principles only).",
        },
        # --- the report -------------------------------------------------------------------------------------------
        "col.review.project": {"ja": "協働事業", "en": "Project"},
        "col.review.item": {"ja": "原則・項目", "en": "Principle / point"},
        "col.review.scores": {"ja": "各参加者の点数", "en": "Each side's score"},
        "col.review.citizen": {"ja": "市民側", "en": "Citizen side"},
        "col.review.government": {"ja": "行政側", "en": "Government side"},
        "col.review.gap": {"ja": "差", "en": "Gap"},
        "col.review.change": {"ja": "前回から", "en": "Since last"},
        "col.review.note": {"ja": "注目", "en": "Note"},
        "review.note.gap": {"ja": "認識の違い", "en": "gap in understanding"},
        "review.note.weakest": {"ja": "いちばん弱い原則", "en": "weakest principle"},
        "review.gap-mark": {"ja": "認識の違い", "en": "gap"},
        "review.none": {
            "ja": "振り返りの記録がまだありません。--sheet で記入用のシートを作れます。",
            "en": "No reviews recorded yet; --sheet writes a sheet to fill in.",
        },
        "review.unanswered": {
            "ja": "{project}: 一度も答えていない項目: {items}",
            "en": "{project}: never answered: {items}",
        },
        "review.weakest": {
            "ja": "{project}: いちばん弱い原則: {items}",
            "en": "{project}: weakest principles: {items}",
        },
        "review.compare": {
            "ja": "事業どうしの比較（原則ごとの平均点）",
            "en": "Projects compared (mean score per principle)",
        },
        "review.flag.commission-without-agreement": {
            "ja": "委託「{source} → {target}」に協働協定書の記録がありません（{origin}）。委託は「行政優位になりがち」（協働博士のひとことメモ I）",
            "en": "the commission {source} → {target} has no agreement recorded ({origin}); a commission 'tends to "
            "favour the government' (ひとことメモ I)",
        },
        "review.flag.no-role-split": {
            "ja": "協働事業「{project}」に役割分担の記録がありません（協定書の「役割及び責任分担等」も参加者の役割もなし）",
            "en": "the project '{project}' has no recorded division of roles (no agreed 'roles' item, no participant role)",
        },
        "review.flags": {"ja": "協定と役割分担", "en": "Agreements and roles"},
        "review.wrote": {"ja": "書きました: {path}", "en": "wrote {path}"},
        "review.sheet.next": {
            "ja": "記入したら、元のケースと一緒に読めます: kyodo review {case} {path}",
            "en": "once filled in, read it with the case: kyodo review {case} {path}",
        },
        "review.error.no-project": {
            "ja": "--sheet には --project で協働事業を1つ指定してください",
            "en": "--sheet needs one project: give --project ID|NAME",
        },
        "review.error.no-output": {
            "ja": "--sheet には -o で出力先（.pdf・.html・.xlsx）を指定してください",
            "en": "--sheet needs -o FILE (.pdf, .html or .xlsx)",
        },
        "review.error.sheet-public": {
            "ja": "--sheet は --public と一緒に使えません（記入用のシートは元のケースと一緒に読み戻すもので、配布用ではありません）",
            "en": "--sheet does not go with --public (a sheet to fill in is read back with the case; it is not a handout)",
        },
        "review.error.sheet-format": {
            "ja": "チェックシートは .pdf・.html・.xlsx で書けます（「{suffix}」は不可）",
            "en": "the check sheet is written as .pdf, .html or .xlsx, not '{suffix}'",
        },
        "review.error.unknown-project": {
            "ja": "「{value}」という協働事業は見つかりません{hint}",
            "en": "'{value}' is not a known project{hint}",
        },
        # --- the check sheet --------------------------------------------------------------------------------------
        "review.sheet.title": {
            "ja": "よりよい協働のためのチェックシート",
            "en": "Check sheet for better collaboration",
        },
        "review.sheet.principles": {"ja": "協働の6原則（横浜コード）", "en": "The six principles (Yokohama Code)"},
        "review.sheet.scale": {
            "ja": "1＝できていない　2＝あまりできていない　3＝おおむねできている　4＝できている（各側がそれぞれの列に記入）",
            "en": "1 not at all, 2 a little, 3 mostly, 4 fully (each side fills in its own column)",
        },
        "review.sheet.comment": {"ja": "コメント", "en": "Comment"},
        "review.sheet.year": {"ja": "年度", "en": "Year"},
        "review.sheet.moment": {"ja": "時点", "en": "Moment"},
        "review.sheet.source": {
            "ja": "出典: 『市民と行政のための協働ハンドブック』（横浜市）協働の6原則／協働の進め方「チェックシートで CHECK!」",
            "en": "Source: 市民と行政のための協働ハンドブック (City of Yokohama), 協働の6原則 and 協働の進め方 (check sheet)",
        },
        "review.chart.title": {
            "ja": "横浜コードの6原則: 各参加者の点数（1〜4）",
            "en": "The six principles: each side's score (1–4)",
        },
    }
)
