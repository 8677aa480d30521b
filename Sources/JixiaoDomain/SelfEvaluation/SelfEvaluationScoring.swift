import Foundation

/// 项目资金 of a self-evaluation: the year's budgets and what was executed (exact money).
public struct YearBudgetFigures: Hashable, Codable, Sendable {
    /// 年初预算数.
    public var initialBudget: Money
    /// 全年预算数.
    public var fullYearBudget: Money
    /// 全年执行数.
    public var executed: Money

    public init(initialBudget: Money, fullYearBudget: Money, executed: Money) {
        self.initialBudget = initialBudget; self.fullYearBudget = fullYearBudget; self.executed = executed
    }
}

/// The budget-execution block's points: rate r = 执行数 ÷ the rule set's divisor, points = min(r, 1) × weight.
public struct BudgetScore: Hashable, Sendable {
    public var weight: Decimal
    /// Nil when the divisor is zero.
    public var rate: Ratio?
    public var points: Decimal

    public init(_ figures: YearBudgetFigures, rules: ScoringRuleSet) {
        let divisor = rules.executionDivisor == .fullYearBudget ? figures.fullYearBudget : figures.initialBudget
        weight = rules.budgetWeight
        rate = Ratio(figures.executed, over: divisor)
        if let rate {
            // The denominator of a `Ratio` is positive: at or above 100 % is numerator ≥ denominator, no division needed.
            points = rate.numerator >= rate.denominator ? weight
                : rate.numerator <= 0 ? 0 : SelfEvaluationScoring.rowSettled(rate.numerator * weight / rate.denominator)
        } else {
            // A budget of 0 with nothing executed scores full (§5); money executed without a budget earns nothing (and
            // the quality checks name it).
            points = figures.executed.fen > 0 ? 0 : weight
        }
    }
}

/// When every indicator of a level-1 group is 不适用, its weight does not vanish: the evaluator gives it to other
/// groups, with a reason (§5, example 7).
public struct GroupReassignment: Hashable, Codable, Sendable {
    public var from: IndicatorCategory
    public var to: [IndicatorCategory: Decimal]
    public var reason: String
    public init(from: IndicatorCategory, to: [IndicatorCategory: Decimal], reason: String) { self.from = from; self.to = to; self.reason = reason }
}

/// What scoring a whole self-evaluation gives.
public struct SelfEvaluationScore: Sendable {
    public var budget: BudgetScore
    /// In the rows' order.
    public var indicators: [IndicatorScore]
    /// Unrounded.
    public var total: Decimal
    public var grade: ScoreGrade
    /// Weight that no row can earn: a group whose every indicator is 不适用 and whose weight was not reassigned.
    public var unassigned: [IndicatorCategory: Decimal]

    /// The total as shown: two decimals, half-up.
    public var totalText: String { Ratio.text(total, decimals: 2) }
}

public enum SelfEvaluationScoring {
    public enum Problem: Error, Hashable, Sendable {
        case row(index: Int, ScoringProblem)
        /// A reassignment that does not hand over exactly the group's weight, or hands it to a group with no row left.
        case reassignmentDoesNotAddUp(from: IndicatorCategory, weight: Decimal, given: Decimal)
        case reassignmentToEmptyGroup(IndicatorCategory)
        case reassignmentReasonMissing(IndicatorCategory)
        /// A reassignment of a group that still has applicable rows.
        case reassignmentNotNeeded(IndicatorCategory)
    }

    /// Scores a self-evaluation by §5: budget points plus each indicator's points, the weight of 不适用 rows shared
    /// among the other rows of their level-1 group in proportion to their weights.
    public static func score(budget figures: YearBudgetFigures, rows: [ScoringRow], reassignments: [GroupReassignment] = [],
                             rules: ScoringRuleSet) throws(Problem) -> SelfEvaluationScore {
        let weights = try effectiveWeights(rows, reassignments: reassignments)
        var scores: [IndicatorScore] = []
        for (index, row) in rows.enumerated() {
            do throws(ScoringProblem) { scores.append(try IndicatorScoring.score(row, weight: weights.byRow[index], rules: rules)) }
            catch { throw .row(index: index, error) }
        }
        let budget = BudgetScore(figures, rules: rules)
        let total = settled(budget.points + scores.reduce(Decimal(0)) { $0 + $1.points })
        return SelfEvaluationScore(budget: budget, indicators: scores, total: total, grade: ScoreGrade(score: total), unassigned: weights.unassigned)
    }

    /// Every problem of a form, not only the first that `score` throws: a page shows each beside its field.
    public static func problems(rows: [ScoringRow], reassignments: [GroupReassignment] = [], rules: ScoringRuleSet) -> [Problem] {
        let weights: [Decimal]
        do throws(Problem) { weights = try effectiveWeights(rows, reassignments: reassignments).byRow } catch { return [error] }
        var found: [Problem] = []
        for (index, row) in rows.enumerated() {
            do throws(ScoringProblem) { _ = try IndicatorScoring.score(row, weight: weights[index], rules: rules) } catch {
                found.append(.row(index: index, error))
            }
        }
        return found
    }

    /// The sum without the noise of decimal division: a weight of 10 shared by three rows is 3.333… each (38 digits),
    /// and three of them add up to 9.999…9, not 10 — which would grade a perfect 90 as 良. Twelve places keep every
    /// real difference and drop that.
    static func settled(_ value: Decimal) -> Decimal { settled(value, places: totalPlaces) }

    /// Places of the total (see `settled`).
    public static let totalPlaces = 12
    /// Places of every quotient in a row's points, a re-scaled weight and the budget block: twenty, half-up — exact
    /// enough that no real difference is lost, and the same number in `FixedPoint` (`CompactScoring`).
    public static let rowPlaces = FixedPoint.places

    static func settled(_ value: Decimal, places: Int) -> Decimal {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .plain)
        return rounded
    }

    /// A quotient of row arithmetic at `rowPlaces`.
    static func rowSettled(_ value: Decimal) -> Decimal { settled(value, places: rowPlaces) }

    static func effectiveWeights(_ rows: [ScoringRow], reassignments: [GroupReassignment]) throws(Problem) -> (byRow: [Decimal], unassigned: [IndicatorCategory: Decimal]) {
        func applicable(_ row: ScoringRow) -> Bool { if case .notApplicable = row.actual { false } else { true } }
        var byRow = rows.map { applicable($0) ? $0.weight : 0 }
        var groupWeight: [IndicatorCategory: Decimal] = [:], liveWeight: [IndicatorCategory: Decimal] = [:], liveRows: [IndicatorCategory: Int] = [:]
        for row in rows {
            groupWeight[row.category, default: 0] += row.weight
            if applicable(row) { liveWeight[row.category, default: 0] += row.weight; liveRows[row.category, default: 0] += 1 }
        }
        // What each group's live rows share: the group's own weight, plus what other groups handed to it.
        var share = groupWeight.filter { liveRows[$0.key, default: 0] > 0 }
        var unassigned: [IndicatorCategory: Decimal] = [:]
        for (category, weight) in groupWeight where liveRows[category, default: 0] == 0 && weight > 0 { unassigned[category] = weight }
        for reassignment in reassignments {
            guard let weight = unassigned[reassignment.from] else { throw .reassignmentNotNeeded(reassignment.from) }
            guard !reassignment.reason.trimmed.isEmpty else { throw .reassignmentReasonMissing(reassignment.from) }
            let given = reassignment.to.values.reduce(Decimal(0), +)
            guard given == weight, reassignment.to.values.allSatisfy({ $0 >= 0 }) else {
                throw .reassignmentDoesNotAddUp(from: reassignment.from, weight: weight, given: given)
            }
            for (category, amount) in reassignment.to where amount > 0 {
                guard share[category] != nil else { throw .reassignmentToEmptyGroup(category) }
                share[category, default: 0] += amount
            }
            unassigned[reassignment.from] = nil
        }
        for (index, row) in rows.enumerated() where applicable(row) {
            let live = liveWeight[row.category] ?? 0, total = share[row.category] ?? 0
            // In proportion to the rows' own weights; a group whose live rows weigh nothing shares equally.
            // A group with every row applicable and nothing handed to it keeps its weights: no division (Decimal's is slow,
            // and a year's check scores millions of rows).
            if live == total { byRow[index] = row.weight; continue }
            byRow[index] = rowSettled(live > 0 ? total * row.weight / live : total / Decimal(liveRows[row.category] ?? 1))
        }
        return (byRow, unassigned)
    }
}
