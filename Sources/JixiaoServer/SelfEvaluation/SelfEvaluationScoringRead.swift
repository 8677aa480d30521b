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
    /// Every row's stored input read (a row that did not is scored as empty and named in `rowErrors`).
    var rowsRead: Bool

    /// Reads and scores. A row whose stored input no longer reads (a target that cannot be parsed) is reported, not guessed.
    init(_ evaluation: EvaluationRow, rows: [EvaluationIndicatorRow]) {
        self.init(EvaluationScoringInputs(evaluation), rules: try? evaluation.ruleSet, rows: rows)
    }

    /// Reads and scores what a form stores, by `rules` (nil: the stored set did not read, which is an error, never the
    /// standard). `targets` remembers parsed targets across forms (a year's check reads millions of rows).
    init(_ evaluation: EvaluationScoringInputs, rules: ScoringRuleSet?, rows: [EvaluationIndicatorRow], targets: TargetCache? = nil) {
        var errors: [AppError] = []
        var formRows: [FormRow] = []
        formRows.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let parsed = targets.map { $0.target(row.target_text) } ?? row.target
            let (scoring, rowErrors) = Self.scoringRow(row, index: index, target: parsed, cache: targets)
            errors += rowErrors
            let forecast = parsed.flatMap { target in
                row.last_forecast.flatMap { text in
                    targets.map { try? $0.value(text, against: target, targetText: row.target_text).get() } ?? (try? ProgressValue.parse(text, against: target))
                }
            }
            formRows.append(FormRow(scoring: scoring, printedPoints: Decimal(pointsText: row.printed_points), explanation: row.explanation,
                                    lastForecast: forecast))
        }
        form = SelfEvaluationForm(budget: evaluation.budget, rows: formRows, narrative: evaluation.narrative,
                                  printedRatePercent: Decimal(pointsText: evaluation.printedRate),
                                  printedBudgetPoints: Decimal(pointsText: evaluation.printedBudgetPoints),
                                  printedTotal: Decimal(pointsText: evaluation.printedTotal))
        score = nil; findings = []
        rowsRead = errors.isEmpty
        if let rules {
            // Rows that did not read are scored as empty, so what the others got wrong is reported at the same time.
            // A form that scores has no problems to list: every problem is only looked for when scoring fails (or a row
            // did not read), which spares the year's check a second pass over millions of rows.
            let scoringRows = formRows.map(\.scoring)
            if errors.isEmpty, let scored = try? SelfEvaluationScoring.score(budget: form.budget, rows: scoringRows,
                                                                           reassignments: evaluation.reassignments, rules: rules) {
                score = scored
                findings = SelfEvaluationChecks.findings(form, score: scored)
            } else {
                let problems = SelfEvaluationScoring.problems(rows: scoringRows, reassignments: evaluation.reassignments, rules: rules)
                errors += problems.map { $0.appError(rows: rows) }
            }
        } else {
            errors.append(AppError(.internalServerError, "scoring_rules_unreadable", Message(.errorEvaluationRulesUnreadable)))
        }
        rowErrors = errors
    }

    /// The domain's row from a stored one, with what cannot be read.
    static func scoringRow(_ row: EvaluationIndicatorRow, index: Int) -> (ScoringRow, [AppError]) {
        scoringRow(row, index: index, target: row.target)
    }

    static func scoringRow(_ row: EvaluationIndicatorRow, index: Int, target parsedTarget: Target?, cache: TargetCache? = nil) -> (ScoringRow, [AppError]) {
        let field = "rows[\(index + 1)]"
        var errors: [AppError] = []
        let target: Target
        if let parsed = parsedTarget { target = parsed } else {
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
            do throws(ProgressValueError) {
                let value: TargetValue
                if let cache { value = try cache.value(row.actual_text, against: target, targetText: row.target_text).get() }
                else { value = try ProgressValue.parse(row.actual_text, against: target) }
                actual = .value(value)
            } catch {
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

/// What scoring reads of a form besides its rows: the money, the narrative, what a sheet printed, group hand-overs.
struct EvaluationScoringInputs: Sendable {
    var budget: YearBudgetFigures
    var narrative: String
    var printedRate: String?
    var printedBudgetPoints: String?
    var printedTotal: String?
    var reassignments: [GroupReassignment]

    init(_ evaluation: EvaluationRow) {
        self.init(budget: evaluation.budgetFigures, narrative: evaluation.narrative, printedRate: evaluation.printed_rate,
                  printedBudgetPoints: evaluation.printed_budget_points, printedTotal: evaluation.printed_total,
                  reassignments: evaluation.groupReassignments)
    }

    init(budget: YearBudgetFigures, narrative: String, printedRate: String?, printedBudgetPoints: String?, printedTotal: String?,
         reassignments: [GroupReassignment]) {
        self.budget = budget; self.narrative = narrative; self.printedRate = printedRate; self.printedBudgetPoints = printedBudgetPoints
        self.printedTotal = printedTotal; self.reassignments = reassignments
    }
}

/// Targets, and values read against them, parsed once per distinct text: a year's forms repeat the same few thousand
/// targets (≥95%, ≤30日, 100%) and many values (100%, 是, a date). Both parsers are pure, so a remembered answer is the
/// answer. One cache per task; not shared across threads.
final class TargetCache {
    private var parsed: [String: Target?] = [:]
    private var values: [String: Result<TargetValue, ProgressValueError>] = [:]
    private static let limit = 100_000

    func target(_ text: String) -> Target? {
        if let known = parsed[text] { return known }
        let target = try? TargetParser.parse(text)
        if parsed.count < Self.limit { parsed[text] = target }
        return target
    }

    /// `text` read against `target` (whose text is `targetText`), as `ProgressValue.parse` reads it.
    func value(_ text: String, against target: Target, targetText: String) -> Result<TargetValue, ProgressValueError> {
        let key = targetText + "\u{0}" + text
        if let known = values[key] { return known }
        let value: Result<TargetValue, ProgressValueError>
        do throws(ProgressValueError) { value = .success(try ProgressValue.parse(text, against: target)) } catch { value = .failure(error) }
        if values.count < Self.limit { values[key] = value }
        return value
    }
}

/// What a save stores of a form's score — the points of the budget block, the total unrounded and in hundredths, the
/// grade, the findings, each row's points — so that the year's check compares exactly what a save would write.
struct StoredScore: Equatable, Sendable {
    var budgetPoints: String?
    var total: String?
    var totalCents: Int?
    var grade: String?
    var findingCount: Int
    var findings: String
    var rowPoints: [String?]

    init(_ evaluated: EvaluatedForm, rowCount: Int) throws {
        let score = evaluated.score
        budgetPoints = score?.budget.points.storedText
        total = score?.total.storedText
        totalCents = score.map { SelfEvaluationForms.cents($0.total) }
        grade = score?.grade.rawValue
        findingCount = evaluated.findings.count
        findings = try Self.text(of: evaluated.findings)
        rowPoints = (0..<rowCount).map { index in score.flatMap { index < $0.indicators.count ? $0.indicators[index].points.storedText : nil } }
    }

    /// Findings as a save stores them (most forms have none: "[]" is what the encoder writes for them, without its cost).
    static func text(of findings: [ConsistencyFinding]) throws -> String {
        findings.isEmpty ? "[]" : String(decoding: try MonitoringRuleStore.encoder.encode(findings), as: UTF8.self)
    }

    init(budgetPoints: String?, total: String?, totalCents: Int?, grade: String?, findingCount: Int, findings: String, rowPoints: [String?]) {
        self.budgetPoints = budgetPoints; self.total = total; self.totalCents = totalCents; self.grade = grade
        self.findingCount = findingCount; self.findings = findings; self.rowPoints = rowPoints
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
