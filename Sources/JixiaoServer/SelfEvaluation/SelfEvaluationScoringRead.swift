import Foundation
import JixiaoDomain

/// A stored self-evaluation read into the domain's form and scored by the rules it keeps: what its page, the API, the
/// save and the submission all show. Nothing here writes.
struct EvaluatedForm: Sendable {
    var form: SelfEvaluationForm
    /// Nil when a row cannot be scored (`rowErrors` say why).
    var score: SelfEvaluationScore?
    var findings: [ConsistencyFinding]
    /// Problems by field ("rows[3].actual"), each naming its row.
    var rowErrors: [AppError]

    /// Reads and scores. A row whose stored input no longer reads (a target that cannot be parsed) is reported, not guessed.
    init(_ evaluation: EvaluationRow, rows: [EvaluationIndicatorRow]) {
        var errors: [AppError] = []
        var formRows: [FormRow] = []
        for (index, row) in rows.enumerated() {
            let (scoring, rowErrors) = Self.scoringRow(row, index: index)
            errors += rowErrors
            formRows.append(FormRow(scoring: scoring, printedPoints: Decimal(pointsText: row.printed_points), explanation: row.explanation,
                                    lastForecast: row.target.flatMap { target in row.last_forecast.flatMap { try? ProgressValue.parse($0, against: target) } }))
        }
        form = SelfEvaluationForm(budget: evaluation.budgetFigures, rows: formRows, narrative: evaluation.narrative,
                                  printedRatePercent: Decimal(pointsText: evaluation.printed_rate),
                                  printedBudgetPoints: Decimal(pointsText: evaluation.printed_budget_points),
                                  printedTotal: Decimal(pointsText: evaluation.printed_total))
        score = nil; findings = []
        do {
            let rules = try evaluation.ruleSet
            // Rows that did not read are scored as empty, so what the others got wrong is reported at the same time.
            let problems = SelfEvaluationScoring.problems(rows: formRows.map(\.scoring), reassignments: evaluation.groupReassignments, rules: rules)
            errors += problems.map { $0.appError(rows: rows) }
            if errors.isEmpty {
                let scored = try SelfEvaluationScoring.score(budget: form.budget, rows: formRows.map(\.scoring),
                                                             reassignments: evaluation.groupReassignments, rules: rules)
                score = scored
                findings = SelfEvaluationChecks.findings(form, score: scored)
            }
        } catch {
            errors.append(AppError(.internalServerError, "scoring_rules_unreadable", Message(.errorEvaluationRulesUnreadable)))
        }
        rowErrors = errors
    }

    /// The domain's row from a stored one, with what cannot be read.
    static func scoringRow(_ row: EvaluationIndicatorRow, index: Int) -> (ScoringRow, [AppError]) {
        let field = "rows[\(index + 1)]"
        var errors: [AppError] = []
        let target: Target
        if let parsed = row.target { target = parsed } else {
            errors.append(.invalid("\(field).target", Message(.errorEvaluationTarget(index + 1, row.target_text))))
            target = Target(op: .qualitative, value: .text(row.target_text))
        }
        var actual: IndicatorActual?
        if let reason = row.not_applicable_reason {
            actual = .notApplicable(reason: reason)
        } else if let band = row.qualitativeBand {
            if let points = Decimal(pointsText: row.band_points) { actual = .band(band, points: points) }
            else { errors.append(.invalid("\(field).bandPoints", Message(.errorEvaluationPoints(index + 1)))) }
        } else if !row.actual_text.trimmed.isEmpty {
            do throws(ProgressValueError) { actual = .value(try ProgressValue.parse(row.actual_text, against: target)) } catch {
                errors.append(.invalid("\(field).actual", Message(.errorEvaluationActual(index + 1, row.name, error.reason))))
            }
            if target.op == .qualitative {
                // A qualitative indicator is scored by its band, never by words.
                errors.append(.invalid("\(field).band", Message(.errorEvaluationBandRequired(index + 1))))
                actual = nil
            }
        }
        func given(_ points: String?, _ reason: String?, _ name: String) -> EvaluatorScore? {
            guard let points, !points.trimmed.isEmpty else { return nil }
            guard let value = Decimal(pointsText: points) else {
                errors.append(.invalid("\(field).\(name)", Message(.errorEvaluationPoints(index + 1))))
                return nil
            }
            return EvaluatorScore(points: value, reason: reason ?? "")
        }
        let cause: OverAchievementCause? = switch row.overCause {
        case .targetSetTooLow?: .targetSetTooLow
        case .other?: .other(row.explanation)
        case nil: nil
        }
        let scoring = ScoringRow(indicatorID: row.indicator_id, category: row.indicatorCategory, name: row.name, weight: row.weightValue,
                                 target: target, actual: actual, overAchievementCause: cause,
                                 chosen: given(row.chosen_points, row.chosen_reason, "chosenPoints"),
                                 override: given(row.override_points, row.override_reason, "overridePoints"))
        return (scoring, errors)
    }

    /// What must still be filled before the form can be submitted, each naming its field and row.
    func demands(_ evaluation: EvaluationRow, rows: [EvaluationIndicatorRow]) -> [AppError] {
        var found: [AppError] = []
        if evaluation.executed_fen == nil { found.append(.invalid("executed", Message(.errorEvaluationExecutedMissing))) }
        if evaluation.narrative.trimmed.isEmpty { found.append(.invalid("narrative", Message(.errorEvaluationNarrativeMissing))) }
        guard let score else { return found + rowErrors }
        for (index, (indicator, row)) in zip(score.indicators, rows).enumerated() {
            let field = "rows[\(index + 1)]"
            for demand in indicator.demands {
                switch demand {
                case .actualMissing: found.append(.invalid("\(field).actual", Message(.errorEvaluationActualMissing(index + 1, row.name))))
                case .deviationExplanation where row.explanation.trimmed.isEmpty:
                    found.append(.invalid("\(field).explanation", Message(.errorEvaluationExplanationMissing(index + 1, row.name))))
                case .deviationExplanation: break
                case .overAchievementCause: found.append(.invalid("\(field).overCause", Message(.errorEvaluationOverCause(index + 1, row.name))))
                case .lateScore(let suggested):
                    found.append(.invalid("\(field).chosenPoints", Message(.errorEvaluationLateScore(index + 1, Ratio.text(suggested, decimals: 2)))))
                case .notApplicableReason: found.append(.invalid("\(field).notApplicableReason", Message(.errorEvaluationNotApplicableReason(index + 1))))
                }
            }
        }
        for (category, weight) in score.unassigned.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            found.append(.invalid("reassignments", Message(.errorEvaluationUnassigned(category.titleKey, Ratio.text(weight, decimals: 2)))))
        }
        return found
    }
}

extension SelfEvaluationScoring.Problem {
    func appError(rows: [EvaluationIndicatorRow]) -> AppError {
        switch self {
        case .row(let index, let problem):
            let field = "rows[\(index + 1)]", name = index < rows.count ? rows[index].name : ""
            switch problem {
            case .bandScoreOutside(let band, let points, let low, let high):
                return .invalid("\(field).bandPoints", Message(.errorEvaluationBandOutside(index + 1, band, Ratio.text(points, decimals: 2),
                                                                                       Ratio.text(low, decimals: 2), Ratio.text(high, decimals: 2))))
            case .pointsOutsideWeight(let points, let weight):
                return .invalid("\(field).points", Message(.errorEvaluationPointsOutside(index + 1, Ratio.text(points, decimals: 2), Ratio.text(weight, decimals: 2))))
            case .reasonMissing:
                return .invalid("\(field).reason", Message(.errorEvaluationReasonMissing(index + 1, name)))
            case .actualDoesNotFitTarget:
                return .invalid("\(field).actual", Message(.errorEvaluationActualKind(index + 1, name)))
            case .negativeWeight:
                return .invalid("\(field).weight", Message(.errorEvaluationPoints(index + 1)))
            case .actualOutOfRange:
                return .invalid("\(field).actual", Message(.errorEvaluationActualRange(index + 1, name)))
            }
        case .reassignmentDoesNotAddUp(let from, let weight, let given):
            return .invalid("reassignments", Message(.errorReassignmentSum(from.titleKey, Ratio.text(weight, decimals: 2), Ratio.text(given, decimals: 2))))
        case .reassignmentToEmptyGroup(let category):
            return .invalid("reassignments", Message(.errorReassignmentEmptyGroup(category.titleKey)))
        case .reassignmentReasonMissing(let category):
            return .invalid("reassignments", Message(.errorReassignmentReason(category.titleKey)))
        case .reassignmentNotNeeded(let category):
            return .invalid("reassignments", Message(.errorReassignmentNotNeeded(category.titleKey)))
        }
    }
}
