import Fluent
import Plot
import Vapor
import JixiaoDomain

/// What a member's scoring sheet sends.
struct ScoresForm: Content {
    struct Row: Content { var id: UUID; var points: String?; var comment: String? }
    var intent: String?
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
        return KeyEvaluationScoresModel(evaluation: evaluation,
                                        indicators: try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all(),
                                        me: me, mine: Dictionary(uniqueKeysWithValues: mine.map { ($0.indicatorID, $0) }), csrfToken: user.csrfToken ?? "")
    }
}

struct KeyEvaluationScoresView {
    let model: KeyEvaluationScoresModel
    let t: Localizer

    var body: Node<HTML.BodyContext> {
        let draft = Dictionary((model.draft?.s ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return .group(
            .p(.a(.href(KeyEvaluationRoute.evaluation(.value(model.evaluation.id!)).url), .text(t(.keyEvaluationBackToEvaluation)))),
            .p(.class("lead"), .text(t(model.editable ? .keyEvaluationScoresIntro : .keyEvaluationScoresDone))),
            .unwrap(model.notice) { Components.notice($0, kind: "success") },
            .unwrap(model.problem) { Components.problem($0, t) },
            .form(.method(.post), .action(KeyEvaluationRoute.scores(.value(model.evaluation.id!)).url),
                Components.csrfField(model.csrfToken),
                .div(.class("table-scroll"), .table(.class("data scoring"),
                    .thead(.tr(.th(.text("#")), .th(.text(t(.keyEvaluationIndicator))), .th(.text(t(.keyEvaluationWeight))),
                               .th(.text(t(.keyEvaluationCriteria))), .th(.text(t(.keyEvaluationPoints))), .th(.text(t(.keyEvaluationComment))))),
                    .tbody(.forEach(Array(model.indicators.enumerated())) { index, indicator in
                        let stored = model.mine[indicator.id!]
                        let typed = draft[indicator.id!]
                        let points = typed?.points ?? stored.map { Ratio.text($0.points, decimals: 2) } ?? ""
                        let comment = typed?.comment ?? stored?.comment ?? ""
                        let pointsError = model.errors["scores[\(index + 1)].points"], commentError = model.errors["scores[\(index + 1)].comment"]
                        return .tr(
                            .td(.class("number"), .text(String(index + 1))),
                            .td(.strong(.text(indicator.level3)), .p(.class("hint"), .text(indicator.level1 + " · " + indicator.level2)),
                                .unwrap(indicator.target) { target in .p(.class("hint"), .text(t(.keyEvaluationGoalLine(target, indicator.actual ?? "—")))) }),
                            .td(.class("number"), .text(Ratio.text(indicator.weight, decimals: 2))),
                            .td(.class("criteria"), .text(indicator.criteria)),
                            .td(model.editable
                                ? .group(.input(.type(.hidden), .name("s[\(index)][id]"), .value(indicator.id!.uuidString)),
                                         Components.input([.type(.text), .name("s[\(index)][points]"), .value(points), .attribute(named: "inputmode", value: "decimal"),
                                                           .attribute(named: "size", value: "6"),
                                                           .attribute(named: "aria-label", value: t(.keyEvaluationPointsFor(index + 1, indicator.level3)))]
                                                          + (pointsError != nil ? [.attribute(named: "aria-invalid", value: "true")] : [])),
                                         .unwrap(pointsError) { .p(.class("field-error"), .text(t($0))) })
                                : .text(points.isEmpty ? "—" : points)),
                            .td(model.editable
                                ? .group(.textarea(.name("s[\(index)][comment]"), .attribute(named: "rows", value: "2"),
                                                   .attribute(named: "aria-label", value: t(.keyEvaluationCommentFor(index + 1, indicator.level3))), .text(comment)),
                                         .unwrap(commentError) { .p(.class("field-error"), .text(t($0))) })
                                : .text(comment)))
                    }))),
                .if(model.editable, .div(.class("actions"),
                    .button(.type(.submit), .name("intent"), .value("save"), .text(t(.keyEvaluationSaveDraft))),
                    .button(.type(.submit), .name("intent"), .value("submit"), .class("primary"), .text(t(.keyEvaluationSubmitScores))))),
                .if(model.editable, .p(.class("hint"), .text(t(.keyEvaluationSubmitHint)))))
        )
    }
}
