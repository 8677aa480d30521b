import Fluent
import Plot
import Vapor
import JixiaoDomain

/// What a member's scoring sheet sends.
struct ScoresForm: Content {
    struct Row: Content { var id: UUID; var points: String?; var comment: String? }
    var intent: String?
    var confirm: String?
    var s: [Row]?

    var entries: [KeyEvaluations.ScoreEntry] {
        (s ?? []).map { KeyEvaluations.ScoreEntry(indicatorID: $0.id, points: $0.points, comment: $0.comment ?? "") }
    }
}

/// A member's own scoring sheet: every indicator with its weight, criteria, target and actual, the points and comment
/// the member gives; after submission the same read-only.
struct KeyEvaluationScoresModel: Sendable {
    var evaluation: KeyEvaluationModel
    var indicators: [KeyEvaluationIndicatorModel]
    var me: KeyEvaluationMemberModel
    var mine: [UUID: KeyEvaluationScoreModel]
    /// The member's own attached files, by indicator.
    var files: [UUID: [EvidenceEntry]]
    var csrfToken: String
    var notice: String?
    var problem: AppError?
    var errors: [String: Message] = [:]
    var draft: ScoresForm?

    var editable: Bool { me.submittedAt == nil && evaluation.evaluationState == .underway }

    static func load(_ id: UUID, by caller: Caller, on db: any Database) async throws -> KeyEvaluationScoresModel {
        let user = try caller.person()
        let (evaluation, members) = try await KeyEvaluations.find(id, by: caller, on: db)
        guard let me = members.first(where: { $0.userID == user.userID }) else {
            throw AppError(.forbidden, "not_on_team", Message(.errorKeyEvaluationNotOnTeam))
        }
        let mine = try await KeyEvaluationScoreModel.query(on: db).filter(\.$evaluationID == id).filter(\.$userID == user.userID).all()
        let files = Dictionary(grouping: try await KeyEvaluations.evidence(of: id, authors: [user.userID], on: db), by: \.indicator_id)
        return KeyEvaluationScoresModel(evaluation: evaluation,
                                        indicators: try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all(),
                                        me: me, mine: Dictionary(uniqueKeysWithValues: mine.map { ($0.indicatorID, $0) }), files: files, csrfToken: user.csrfToken ?? "")
    }
}

struct KeyEvaluationScoresView {
    let model: KeyEvaluationScoresModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let draft = Dictionary((model.draft?.s ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return .group(
            .p(.a(.href(KeyEvaluationRoute.evaluation(.value(model.evaluation.id!)).url), .text(t(.keyEvaluationBackToEvaluation)))),
            .p(.class("lead"), .text(t(model.editable ? .keyEvaluationScoresIntro
                                       : [.planning, .planSubmitted].contains(model.evaluation.evaluationState) ? .keyEvaluationScoringNotOpen : .keyEvaluationScoresDone))),
            .unwrap(model.notice) { Components.notice($0, kind: "success") },
            .unwrap(model.problem) { Components.problem($0, t) },
            .form(.method(.post), .action(KeyEvaluationRoute.scores(.value(model.evaluation.id!)).url),
                Components.csrfField(model.csrfToken),
                .div(.class("table-scroll"), .table(.class("data scoring progress"),
                    .thead(.tr(.th(.text("#")), .th(.text(t(.keyEvaluationIndicator))), .th(.text(t(.keyEvaluationWeight))),
                               .th(.text(t(.keyEvaluationCriteria))), .th(.text(t(.keyEvaluationPoints))), .th(.text(t(.keyEvaluationComment))))),
                    .tbody(.forEach(Array(model.indicators.enumerated())) { index, indicator in
                        let stored = model.mine[indicator.id!]
                        let typed = draft[indicator.id!]
                        let points = typed?.points ?? stored.map { Ratio.text($0.points, decimals: 2) } ?? ""
                        let comment = typed?.comment ?? stored?.comment ?? ""
                        let pointsError = model.errors["scores[\(index + 1)].points"], commentError = model.errors["scores[\(index + 1)].comment"]
                        let attached = model.files[indicator.id!] ?? []
                        return .tr(
                            .td(.class("number"), .text(String(index + 1))),
                            .td(.attribute(named: "data-label", value: t(.keyEvaluationIndicator)),
                                .strong(.text(indicator.level3)), .p(.class("hint"), .text(indicator.level1 + " · " + indicator.level2)),
                                .unwrap(indicator.target) { target in .p(.class("hint"), .text(t(.keyEvaluationGoalLine(target, indicator.actual ?? "—")))) }),
                            .td(.class("number"), .attribute(named: "data-label", value: t(.keyEvaluationWeight)), .text(Ratio.text(indicator.weight, decimals: 2))),
                            .td(.class("criteria"), .attribute(named: "data-label", value: t(.keyEvaluationCriteria)), .text(indicator.criteria)),
                            .td(.attribute(named: "data-label", value: t(.keyEvaluationPoints)), model.editable
                                ? .group(.input(.type(.hidden), .name("s[\(index)][id]"), .value(indicator.id!.uuidString)),
                                         Components.input([.type(.text), .name("s[\(index)][points]"), .value(points), .attribute(named: "inputmode", value: "decimal"),
                                                           .attribute(named: "size", value: "6"),
                                                           .attribute(named: "aria-label", value: t(.keyEvaluationPointsFor(index + 1, indicator.level3)))]
                                                          + (pointsError != nil ? [.attribute(named: "aria-invalid", value: "true")] : [])),
                                         .unwrap(pointsError) { .p(.class("field-error"), .text(t($0))) })
                                : .text(points.isEmpty ? "—" : points)),
                            .td(.attribute(named: "data-label", value: t(.keyEvaluationComment)), model.editable
                                ? .group(.textarea(.name("s[\(index)][comment]"), .attribute(named: "rows", value: "2"),
                                                   .attribute(named: "aria-label", value: t(.keyEvaluationCommentFor(index + 1, indicator.level3))), .text(comment)),
                                         .unwrap(commentError) { .p(.class("field-error"), .text(t($0))) },
                                         EvidenceLinks.list(attached, evaluation: model.evaluation.id!))
                                : .group(.text(comment), EvidenceLinks.list(attached, evaluation: model.evaluation.id!))))
                    }))),
                .if(model.editable, .div(.class(model.errors["confirm"] == nil ? "field" : "field has-error"),
                    .label(.class("check"), Components.input([.type(.checkbox), .name("confirm"), .value("1"), .required(true)]), .text(" " + t(.keyEvaluationConfirmSubmit))),
                    .unwrap(model.errors["confirm"]) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text(t($0))) })),
                .if(model.editable, .div(.class("actions"),
                    // A draft needs no confirmation: the browser skips the required box for it.
                    .button(.type(.submit), .name("intent"), .value("save"), .attribute(named: "formnovalidate", value: "formnovalidate"), .text(t(.keyEvaluationSaveDraft))),
                    .button(.type(.submit), .name("intent"), .value("submit"), .class("primary"), .text(t(.keyEvaluationSubmitScores))))),
                .if(model.editable, .p(.class("hint"), .text(t(.keyEvaluationSubmitHint))))),
            .if(model.editable, evidenceSection)
        )
    }

    /// Attaching a file to one indicator, and removing one's own files (forms of their own: a form cannot hold another).
    private var evidenceSection: Node<HTML.BodyContext> {
        let all = model.indicators.flatMap { indicator in (model.files[indicator.id!] ?? []).map { (indicator, $0) } }
        return .section(.h2(.text(t(.evidenceTitle))),
            .p(.class("hint"), .text(t(.evidenceHint(EvidenceFiles.maximumBytes / (1024 * 1024), EvidenceFiles.maximumPerIndicator)))),
            .form(.method(.post), .action(KeyEvaluationRoute.evidence(.value(model.evaluation.id!)).url), .enctype(.multipartData), .class("card"),
                Components.csrfField(model.csrfToken),
                Components.selectField(label: t(.keyEvaluationIndicator), name: "indicator",
                                       options: model.indicators.enumerated().map { ($1.id!.uuidString, "\($0 + 1). \($1.level3)") }, selected: nil,
                                       error: model.errors["indicator"].map { t($0) }),
                .div(.class(model.errors["file"] == nil ? "field" : "field has-error"),
                     .label(.for("file"), .text(t(.evidenceFile))),
                     Components.input([.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.doc,.xls")]),
                     .unwrap(model.errors["file"]) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text(t($0))) }),
                .button(.type(.submit), .text(t(.evidenceUpload)))),
            .if(!all.isEmpty, .ul(.forEach(all) { indicator, file in
                .li(.text(indicator.level3 + "："), .a(.href(KeyEvaluationRoute.evidenceFile(.value(model.evaluation.id!), .value(file.id)).url), .text(file.file_name)),
                    .text(" "),
                    .form(.method(.post), .action(KeyEvaluationRoute.removeEvidence(.value(model.evaluation.id!), .value(file.id)).url), .class("inline-form"),
                          Components.csrfField(model.csrfToken),
                          .button(.type(.submit), .attribute(named: "aria-label", value: t(.evidenceRemove) + " " + file.file_name), .text(t(.evidenceRemove)))))
            })))
    }
}

/// Links to attached files, as lists beside scores show them.
enum EvidenceLinks {
    static func list(_ files: [EvidenceEntry], evaluation: UUID) -> Node<HTML.BodyContext> {
        files.isEmpty ? .empty : .ul(.class("plain evidence"), .forEach(files) { file in
            .li(.a(.href(KeyEvaluationRoute.evidenceFile(.value(evaluation), .value(file.id)).url), .text("📎 " + file.file_name)))
        })
    }
}
