import Fluent
import Foundation
import SQLKit
import JixiaoDomain

/// Independent scoring (独立评分): each member scores every indicator with a comment, sees nobody else's points until
/// their own are submitted, and the evaluation's points follow the team rules recorded with it.
extension KeyEvaluations {
    /// One indicator's points as a member typed them.
    struct ScoreEntry: Sendable {
        var indicatorID: UUID
        var points: String?
        var comment: String
    }

    /// Saves the caller's scores (a draft may leave indicators open); `submit` makes them final, which needs points
    /// for every indicator and a comment for every deduction.
    static func saveScores(_ id: UUID, entries: [ScoreEntry], submit: Bool, by caller: Caller, on db: any Database) async throws {
        let (evaluation, members) = try await find(id, by: caller, on: db)
        let user = try caller.person()
        try caller.authorize(.scoreKeyEvaluation, accessTarget(evaluation, members: members))
        guard let member = members.first(where: { $0.userID == user.userID }) else {
            throw AppError(.forbidden, "not_on_team", Message(.errorKeyEvaluationNotOnTeam))
        }
        guard evaluation.evaluationState == .underway else {
            throw AppError(.conflict, "not_scoring", Message(.errorKeyEvaluationNotScoring))
        }
        guard member.submittedAt == nil else { throw AppError(.conflict, "already_submitted", Message(.errorKeyEvaluationAlreadySubmitted)) }
        let indicators = try await KeyEvaluationIndicatorModel.query(on: db).filter(\.$evaluationID == id).sort(\.$position).all()
        let position = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1.id!, $0) })
        var errors: [AppError] = []
        var parsed: [UUID: (points: Decimal?, comment: String)] = [:]
        for entry in entries {
            guard let index = position[entry.indicatorID] else { throw AppError.invalid("scores", Message(.errorKeyEvaluationUnknownIndicator)) }
            guard parsed[entry.indicatorID] == nil else { throw AppError.invalid("scores", Message(.errorKeyEvaluationDuplicateIndicator(index + 1))) }
            let indicator = indicators[index], field = "scores[\(index + 1)]"
            let comment = entry.comment.trimmed
            if let problem = AppError.text(comment, field: "\(field).comment", maximum: InputLimits.longText, multiLine: true) { errors.append(problem) }
            var points: Decimal?
            if let text = entry.points?.trimmed, !text.isEmpty {
                if let value = Decimal(pointsText: text), value <= indicator.weight {
                    points = value
                } else {
                    errors.append(.invalid("\(field).points", Message(.errorKeyEvaluationPointsRange(index + 1, indicator.weight.storedText))))
                }
            }
            parsed[entry.indicatorID] = (points, comment)
        }
        // A save names some indicators; the others keep what the member saved before (a draft, or nothing).
        let kept = try await KeyEvaluationScoreModel.query(on: db).filter(\.$evaluationID == id).filter(\.$userID == user.userID).all()
        for score in kept where parsed[score.indicatorID] == nil { parsed[score.indicatorID] = (score.points, score.comment) }
        if submit {
            for (index, indicator) in indicators.enumerated() {
                let given = parsed[indicator.id!]
                if given?.points == nil {
                    errors.append(.invalid("scores[\(index + 1)].points", Message(.errorKeyEvaluationPointsMissing(index + 1, indicator.level3))))
                } else if let points = given?.points, points < indicator.weight, given?.comment.isEmpty ?? true {
                    errors.append(.invalid("scores[\(index + 1)].comment", Message(.errorKeyEvaluationDeductionReason(index + 1, indicator.level3))))
                }
            }
        }
        guard errors.isEmpty else { throw FormErrors(errors: errors) }
        let now = caller.now, parsedEntries = parsed
        try await db.transaction { db in
            // The submission is claimed first, so two tabs cannot both submit or save after it.
            struct Row: Decodable { var id: UUID }
            let claimed = try await db.sql.update(KeyEvaluationMemberModel.schema).set("submitted_at", to: SQLBind(submit ? now : nil))
                .where("id", .equal, SQLBind(member.id!)).where("submitted_at", .is, SQLLiteral.null)
                .returning("id").all(decoding: Row.self)
            guard claimed.count == 1 else { throw AppError(.conflict, "already_submitted", Message(.errorKeyEvaluationAlreadySubmitted)) }
            try await KeyEvaluationScoreModel.query(on: db).filter(\.$evaluationID == id).filter(\.$userID == user.userID).delete()
            for indicator in indicators {
                guard let given = parsedEntries[indicator.id!], let points = given.points else { continue }
                let score = KeyEvaluationScoreModel()
                score.id = caller.effects.uuid()
                score.evaluationID = id; score.indicatorID = indicator.id!; score.userID = user.userID
                score.pointsText = points.storedText; score.comment = given.comment; score.updatedAt = now
                try await score.create(on: db)
            }
            try await AuditTrail.record(submit ? "key_evaluation.scores_submitted" : "key_evaluation.scores_saved", entityType: "key_evaluation",
                                        entityID: id.uuidString.lowercased(),
                                        summary: "member=\(user.username) scored=\(parsedEntries.values.filter { $0.points != nil }.count)/\(indicators.count)",
                                        context: caller.audit, on: db)
        }
    }

    /// Each indicator's result from the submitted members' points (a draft counts for nobody); nil where nobody
    /// submitted yet.
    static func results(indicators: [KeyEvaluationIndicatorModel], scores: [KeyEvaluationScoreModel], members: [KeyEvaluationMemberModel],
                        rules: TeamScoringRules) -> [UUID: IndicatorAggregate] {
        let submitted = Set(members.filter { $0.submittedAt != nil }.map(\.userID))
        let byIndicator = Dictionary(grouping: scores.filter { submitted.contains($0.userID) }, by: \.indicatorID)
        var results: [UUID: IndicatorAggregate] = [:]
        for indicator in indicators {
            let points = (byIndicator[indicator.id!] ?? []).map(\.points)
            // Stored points were checked against the weight when saved; a framework edit clears them.
            if let aggregate = try? TeamScoring.aggregate(points, weight: indicator.weight, rules: rules) { results[indicator.id!] = aggregate }
        }
        return results
    }
}
