import Foundation

/// 实际完成值 — what a self-evaluation says of one indicator at the year end.
public enum IndicatorActual: Hashable, Codable, Sendable {
    /// A number or a date, read like a target (`ProgressValue.parse`).
    case value(TargetValue)
    /// A qualitative indicator: the band the evaluator picked and the points inside it.
    case band(QualitativeBand, points: Decimal)
    /// 不适用, with the reason: the indicator is dropped and its weight goes to the others of its level-1 group.
    case notApplicable(reason: String)
}

/// Why a positive indicator ended far above its target (超额完成). Only a target set too low is docked.
public enum OverAchievementCause: Hashable, Codable, Sendable {
    /// 年初指标值设定明显偏低.
    case targetSetTooLow
    /// Any other cause, in the unit's words (no deduction).
    case other(String)
}

/// A score the evaluator sets instead of the rule's suggestion, with the reason (a late deadline, an over-achievement
/// from a target set too low) or over the rule altogether (an override, shown as such everywhere).
public struct EvaluatorScore: Hashable, Codable, Sendable {
    public var points: Decimal
    public var reason: String
    public init(points: Decimal, reason: String) { self.points = points; self.reason = reason }
}

/// One indicator row as the scoring reads it.
public struct ScoringRow: Hashable, Codable, Sendable {
    public var indicatorID: UUID
    public var category: IndicatorCategory
    public var name: String
    public var weight: Decimal
    public var target: Target
    public var actual: IndicatorActual?
    public var overAchievementCause: OverAchievementCause?
    /// The evaluator's points where the rule asks for them (a late deadline, a target set too low).
    public var chosen: EvaluatorScore?
    /// A manual score different from the rule's.
    public var override: EvaluatorScore?

    public init(indicatorID: UUID = UUID(), category: IndicatorCategory, name: String, weight: Decimal, target: Target,
                actual: IndicatorActual?, overAchievementCause: OverAchievementCause? = nil, chosen: EvaluatorScore? = nil,
                override: EvaluatorScore? = nil) {
        self.indicatorID = indicatorID; self.category = category; self.name = name; self.weight = weight; self.target = target
        self.actual = actual; self.overAchievementCause = overAchievementCause; self.chosen = chosen; self.override = override
    }
}

/// How an indicator's points came about: the numbers of the rule that applied, from which the words are written.
public enum ScoreArithmetic: Hashable, Codable, Sendable {
    /// Met (or better): the full weight.
    case met(weight: Decimal)
    /// Missed: `numerator ÷ denominator × weight` (positive: actual ÷ target; reverse: target ÷ actual; exact: the
    /// smaller ÷ the larger).
    case proportion(numerator: Decimal, denominator: Decimal, weight: Decimal)
    /// A qualitative band and the points picked inside it.
    case band(QualitativeBand, points: Decimal, weight: Decimal)
    /// A deadline met.
    case onTime(done: CalendarDay, deadline: CalendarDay, weight: Decimal)
    /// A deadline missed: the rule's suggestion and, when set, the evaluator's points.
    case late(done: CalendarDay, deadline: CalendarDay, suggested: Decimal, chosen: Decimal?)
    /// Over-achieved because the target was set too low: docked to `target ÷ actual × weight` unless the evaluator
    /// set other points.
    case overAchieved(actual: Decimal, target: Decimal, weight: Decimal, chosen: Decimal?)
    /// Not applicable: no points, its weight moved.
    case notApplicable(reason: String)
    /// No actual value yet: no points.
    case missing

    /// The arithmetic as written on the form, in numbers and signs (the same in every language): "4604 ÷ 4754 × 10 =
    /// 9.68", "88 ÷ 95 × 10 = 9.26". Points are shown with two decimals, half-up; a weight re-scaled for 不适用 rows
    /// (10 × 4 ÷ 3 = 13.333…) with four at most, so the line stays readable.
    public func formula(points: Decimal) -> String {
        func n(_ value: Decimal) -> String { Self.number(value) }
        let shown = Ratio.text(points, decimals: 2)
        switch self {
        case .met(let weight): return "\(n(weight))"
        case .proportion(let numerator, let denominator, let weight): return "\(n(numerator)) ÷ \(n(denominator)) × \(n(weight)) = \(shown)"
        case .band(_, let picked, _): return Ratio.text(picked, decimals: 2)
        case .onTime(_, _, let weight): return "\(n(weight))"
        case .late(_, _, let suggested, let chosen): return chosen.map { Ratio.text($0, decimals: 2) } ?? Ratio.text(suggested, decimals: 2)
        case .overAchieved(let actual, let target, let weight, let chosen):
            return chosen.map { Ratio.text($0, decimals: 2) } ?? "\(n(target)) ÷ \(n(actual)) × \(n(weight)) = \(shown)"
        case .notApplicable, .missing: return "0"
        }
    }
}

extension ScoreArithmetic {
    /// A number as the form writes it: exact up to four decimals, trailing zeros dropped ("13.3333", "9.5", "10").
    public static func number(_ value: Decimal) -> String {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, 4, .plain)
        return "\(rounded)"
    }
}

/// What the form still needs for an indicator before it can be submitted.
public enum ScoreDemand: Hashable, Codable, Sendable {
    /// No actual value.
    case actualMissing
    /// Missed: 偏差原因分析及改进措施 must be filled.
    case deviationExplanation
    /// At or above the over-achievement threshold: the cause must be given.
    case overAchievementCause
    /// A deadline missed: the evaluator's points and reason (the rule only suggests).
    case lateScore(suggested: Decimal)
    /// 不适用 without a reason.
    case notApplicableReason
}

/// Why an indicator's input is refused outright (nothing is saved).
public enum ScoringProblem: Error, Hashable, Sendable {
    /// A qualitative score outside the band picked (example 5: 部分达成 with 8.5 of 10).
    case bandScoreOutside(band: QualitativeBand, points: Decimal, low: Decimal, high: Decimal)
    /// Evaluator's points outside [0, weight].
    case pointsOutsideWeight(points: Decimal, weight: Decimal)
    /// A manual score or an evaluator's choice without a reason.
    case reasonMissing
    /// An actual of another kind than the target (a date for a number, a band for a quantitative indicator).
    case actualDoesNotFitTarget
    /// A weight that is negative.
    case negativeWeight(Decimal)
    /// A negative actual, or one too large to be a measurement (more than 10¹⁵).
    case actualOutOfRange(Decimal)
}

/// The points of one indicator by the rules of §5.
public struct IndicatorScore: Hashable, Sendable {
    /// The weight after 不适用 rows of its group gave theirs away.
    public var weight: Decimal
    /// By the rule (the evaluator's choice where the rule asks for one), unrounded.
    public var rulePoints: Decimal
    /// What counts: the override when there is one, else the rule's.
    public var points: Decimal
    /// Whether the target was met (nil when not applicable or no actual).
    public var met: Bool?
    public var arithmetic: ScoreArithmetic
    public var demands: [ScoreDemand]
    public var isOverride: Bool
}

public enum IndicatorScoring {
    /// Scores one row at `weight` (its weight after re-scaling for 不适用 rows). Throws what must be refused.
    public static func score(_ row: ScoringRow, weight: Decimal, rules: ScoringRuleSet) throws(ScoringProblem) -> IndicatorScore {
        guard weight >= 0 else { throw .negativeWeight(weight) }
        for given in [row.chosen, row.override].compactMap({ $0 }) {
            guard given.points >= 0, given.points <= weight else { throw .pointsOutsideWeight(points: given.points, weight: weight) }
            guard !given.reason.trimmed.isEmpty else { throw .reasonMissing }
        }
        var demands: [ScoreDemand] = []
        let (points, met, arithmetic): (Decimal, Bool?, ScoreArithmetic)
        switch row.actual {
        case nil:
            (points, met, arithmetic) = (0, nil, .missing)
            demands.append(.actualMissing)
        case .notApplicable(let reason)?:
            (points, met, arithmetic) = (0, nil, .notApplicable(reason: reason))
            if reason.trimmed.isEmpty { demands.append(.notApplicableReason) }
        case .band(let band, let picked)?:
            guard row.target.op == .qualitative else { throw .actualDoesNotFitTarget }
            guard band.contains(picked, weight: weight) else {
                let bounds = band.bounds(weight: weight)
                throw .bandScoreOutside(band: band, points: picked, low: bounds.low, high: bounds.high)
            }
            (points, met, arithmetic) = (picked, band == .achieved, .band(band, points: picked, weight: weight))
        case .value(.date(let done))?:
            guard case .date(let deadline) = row.target.value else { throw .actualDoesNotFitTarget }
            if done <= deadline {
                (points, met, arithmetic) = (weight, true, .onTime(done: done, deadline: deadline, weight: weight))
            } else {
                let suggested = done <= deadline.adding(months: rules.lateGraceMonths) ? SelfEvaluationScoring.rowSettled(weight * rules.lateSharePercent / 100) : 0
                (points, met, arithmetic) = (row.chosen?.points ?? suggested, false,
                                             .late(done: done, deadline: deadline, suggested: suggested, chosen: row.chosen?.points))
                if row.chosen == nil { demands.append(.lateScore(suggested: suggested)) }
            }
        case .value(.number(let actual, _))?:
            guard let target = row.target.number else { throw .actualDoesNotFitTarget }
            guard actual >= 0, actual <= 1_000_000_000_000_000 else { throw .actualOutOfRange(actual) }
            (points, met, arithmetic) = numeric(row, actual: actual, target: target, weight: weight, rules: rules, demands: &demands)
        case .value(.text)?:
            throw .actualDoesNotFitTarget
        }
        if met == false { demands.append(.deviationExplanation) }
        return IndicatorScore(weight: weight, rulePoints: points, points: row.override?.points ?? points, met: met,
                              arithmetic: arithmetic, demands: demands, isOverride: row.override != nil)
    }

    private static func numeric(_ row: ScoringRow, actual a: Decimal, target t: Decimal, weight w: Decimal, rules: ScoringRuleSet,
                                demands: inout [ScoreDemand]) -> (Decimal, Bool?, ScoreArithmetic) {
        switch row.target.op.direction {
        case .higherIsBetter:
            // ">" counts equality as met (§5).
            guard a >= t else {
                guard t > 0, a > 0 else { return (0, false, .proportion(numerator: max(a, 0), denominator: t, weight: w)) }
                return (SelfEvaluationScoring.rowSettled(w * a / t), false, .proportion(numerator: a, denominator: t, weight: w))
            }
            if t > 0, a * 100 >= t * rules.overAchievementPercent {
                switch row.overAchievementCause {
                case nil:
                    demands.append(.overAchievementCause)
                case .targetSetTooLow?:
                    let docked = row.chosen?.points ?? SelfEvaluationScoring.rowSettled(w * t / a)
                    return (docked, true, .overAchieved(actual: a, target: t, weight: w, chosen: row.chosen?.points))
                case .other(let words)?:
                    // Another cause is not docked, but it must be said.
                    if words.trimmed.isEmpty { demands.append(.overAchievementCause) }
                }
            }
            return (w, true, .met(weight: w))
        case .lowerIsBetter:
            if a <= t || a == 0 { return (w, true, .met(weight: w)) }
            guard t > 0 else { return (0, false, .proportion(numerator: max(t, 0), denominator: a, weight: w)) }
            return (SelfEvaluationScoring.rowSettled(w * t / a), false, .proportion(numerator: t, denominator: a, weight: w))
        case .exact, .qualitative:
            if a == t { return (w, true, .met(weight: w)) }
            let low = min(a, t), high = max(a, t)
            guard low >= 0, high > 0 else { return (0, false, .proportion(numerator: 0, denominator: high, weight: w)) }
            return (SelfEvaluationScoring.rowSettled(w * low / high), false, .proportion(numerator: low, denominator: high, weight: w))
        }
    }
}
