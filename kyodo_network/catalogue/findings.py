"""The findings' words: ties a person carries (``held_by``), the hand-over sheet, year assumptions, inference.

Codes: ``problem.…`` for the loader's new checks, ``report.carried.…`` for whatif and risks, ``handover.…``
for ``kyodo handover``, ``years.…`` for every year view, ``findings.inferred`` for a finding that rests on the
author's reading of the text.
"""

_EX_HANDOVER = """
\b
{examples}
  kyodo handover akuwa-north --person F係長
  kyodo handover akuwa-north --person seya-section-chief-f --lang en --format csv > handover.csv
  kyodo handover akuwa-north --person F係長 --format html -o handover.html
"""

ENTRIES = {
    # loader
    "problem.expected.inferred": {
        "ja": "true か false、または [offers, needs] のような項目名のリスト",
        "en": "true or false, or a list of field names like [offers, needs]",
    },
    "problem.what.inferred-field": {
        "ja": "の {value} はこの記録の項目ではありません（使える項目: {fields}）",
        "en": "names {value}, which is not a field of this record (fields: {fields})",
    },
    "problem.ref.held_by": {"ja": "関係の「held_by」（担当者）", "en": "relation 'held_by' (who holds it)"},
    # the workbook's columns for them (casefile/fields.py): 担当, 推定, 推定した項目
    "problem.field.held_by": {"ja": "担当（関係を担っている人）", "en": "held by (who holds the tie)"},
    "problem.field.inferred": {"ja": "推定（記録全体）", "en": "inferred (the whole record)"},
    "problem.field.inferred_fields": {"ja": "推定した項目", "en": "inferred fields"},
    # whatif / risks
    "report.carried.ties": {
        "ja": "この人が担っていたつながり（組織は残るが、担当がいなくなる）",
        "en": "ties this person held for an organisation (the organisation stays, its contact goes)",
    },
    "report.carried.ties_many": {
        "ja": "この人たちが担っていたつながり（組織は残るが、担当がいなくなる）",
        "en": "ties these people held for an organisation (the organisation stays, its contact goes)",
    },
    "report.carried.without_contact": {
        "ja": "ほかに連絡のつく人がいなくなる相手",
        "en": "partners left with nobody else to contact",
    },
    "report.carried.held_by": {"ja": "担当: {names}", "en": "held by {names}"},
    "col.risks.ties_carried": {"ja": "担っていたつながり", "en": "ties held"},
    "col.risks.without_contact": {"ja": "連絡先がなくなる相手", "en": "partners without contact"},
    "col.whatif.held_by": {"ja": "担当者", "en": "held by"},
    # handover
    "cli.handover.help": {
        "ja": "人の異動・退任に備えた引き継ぎ表：その人が担っているつながり、相手をほかに知っている人、"
        "続いている協働事業と協定、相手の公開連絡先、最初にすること。\n" + _EX_HANDOVER.format(examples="例:"),
        "en": "The hand-over sheet for a person's transfer: the ties they hold, who else knows each partner, the "
        "projects and agreements in force, the partners' public contacts, what to do first.\n"
        + _EX_HANDOVER.format(examples="Example:"),
    },
    "opt.handover.person": {"ja": "異動する人の id か名前。", "en": "The id or name of the person who is leaving."},
    "handover.head": {"ja": "{name} の引き継ぎ表（{district}）", "en": "Hand-over sheet for {name} ({district})"},
    "handover.none": {
        "ja": "{name} が担当者として記録されたつながり（関係の held_by）も、{name}だけがつないでいる組もありません。",
        "en": "No tie in the data is held by {name} (no relation names them in held_by), and no pair is linked by {name} alone.",
    },
    "handover.kind.tie": {"ja": "担っているつながり", "en": "tie held"},
    "handover.kind.link": {"ja": "だけがつなぐ組", "en": "sole-link pair"},
    "handover.link": {"ja": "{a} と {b}", "en": "{a} and {b}"},
    "handover.link_what": {"ja": "この組について", "en": "about this pair"},
    "handover.link_ties": {
        "ja": "{name}だけがつないでいる組（セクターの違う相手どうしで、ほかに共通の相手がいない）",
        "en": "a pair only {name} links (partners from different sectors with no other partner in common)",
    },
    "handover.link_only_path": {"ja": "（ほかにつながる道がない）", "en": " (no other route at all)"},
    "handover.links_head": {"ja": "{name}だけがつないでいる組", "en": "Pairs only {name} links"},
    "handover.first.link": {
        "ja": "本人がいるうちに、{a} と {b} を直接引き合わせる（ほかに両者をつなぐ相手がいない）",
        "en": "introduce {a} and {b} to each other before the hand-over (nobody else links them)",
    },
    "handover.known_via.relation": {"ja": "{type}", "en": "{type}"},
    "handover.known_via.project": {"ja": "協働事業「{name}」", "en": "project \u201c{name}\u201d"},
    "handover.known_via": {"ja": "{name}（{how}）", "en": "{name} ({how})"},
    "handover.partner": {"ja": "相手", "en": "partner"},
    "handover.ties": {"ja": "担っているつながり", "en": "ties held"},
    "handover.known_by": {"ja": "ほかに知っている人", "en": "who else knows them"},
    "handover.nobody": {"ja": "だれもいない", "en": "nobody"},
    "handover.projects": {"ja": "続いている協働事業", "en": "projects in force"},
    "handover.agreements": {"ja": "協定・委託・補助", "en": "agreements, commissions, grants"},
    "handover.contact": {"ja": "公開連絡先", "en": "public contact"},
    "handover.no_contact": {"ja": "記録なし", "en": "not recorded"},
    "handover.first": {"ja": "最初にすること", "en": "what to do first"},
    "handover.first.introduce": {
        "ja": "本人がいるうちに、後任を相手に直接紹介する（ほかに知っている人がいない）",
        "en": "introduce the successor in person while they are still here (nobody else knows this partner)",
    },
    "handover.first.tell": {
        "ja": "相手に後任を知らせ、{names} にも引き継ぎを頼む",
        "en": "tell the partner who the successor is and ask {names} to help",
    },
    "col.handover.partner_id": {"ja": "相手の識別子", "en": "partner_id"},
    "col.handover.partner": {"ja": "相手", "en": "partner"},
    "col.handover.ties": {"ja": "つながり", "en": "ties"},
    "col.handover.known_by": {"ja": "ほかに知っている人", "en": "known by"},
    "col.handover.projects": {"ja": "続いている協働事業", "en": "projects"},
    "col.handover.agreements": {"ja": "協定・委託・補助", "en": "agreements"},
    "col.handover.contact": {"ja": "公開連絡先", "en": "contact"},
    "col.handover.first": {"ja": "最初にすること", "en": "first step"},
    "col.handover.inferred": {"ja": "推定を含む", "en": "inferred"},
    "col.handover.kind": {"ja": "種類", "en": "kind"},
    "col.handover.other_id": {"ja": "もう一方の識別子", "en": "other_id"},
    # inference
    "findings.inferred": {"ja": "推定を含む", "en": "includes inferred data"},
    "findings.inferred_note": {
        "ja": "※ 推定を含む：原文が示唆するだけの記録（inferred）に基づく行があります。",
        "en": "* Includes inferred data: some lines rest on records the text only implies (inferred).",
    },
    # years
    "years.assumed": {
        "ja": "年の記録がない {n} 件（アクター {actors}・関係 {relations}・協働事業 {projects}）は、{year}年にもあったものとして数えています。",
        "en": "{n} records with no year ({actors} actors, {relations} relations, {projects} projects) are assumed present in {year}.",
    },
    "years.assumed_one": {
        "ja": "年の記録がない 1 件は、{year}年にもあったものとして数えています。",
        "en": "1 record with no year is assumed present in {year}.",
    },
    "years.none": {
        "ja": "このケースには年の記録がありません。年ごとの比較はできません（すべての記録をどの年にもあったものとして扱うため、差は出ません）。",
        "en": "This case records no years, so years cannot be compared (every record would count as present in both, so no difference can show).",
    },
    "years.undated": {
        "ja": "年の記録がなく、両方の年にあったものとした記録",
        "en": "records with no year, assumed present in both years",
    },
    "opt.handover.output": {
        "ja": "--format html の書き出し先（既定: outputs/handover-<ID>.html）。印刷できる引き継ぎ表です。",
        "en": "Where --format html writes (default: outputs/handover-<id>.html): a printable hand-over sheet.",
    },
}
