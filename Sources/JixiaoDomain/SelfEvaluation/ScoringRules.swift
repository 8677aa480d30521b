import Foundation

/// Which budget the execution rate divides by (DOMAIN.md §5: most forms divide by 全年预算数, some by 年初预算数).
public enum ExecutionDivisor: String, CaseIterable, Codable, Sendable {
    case fullYearBudget
    case initialBudget
}

/// 评分规则 — the scoring rules a finance bureau sets for a fiscal year (DOMAIN.md §5; defaults are the policy's).
/// A self-evaluation keeps the version it was scored with and is never rescored silently when the rules change.
public struct ScoringRuleSet: Hashable, Codable, Sendable {
    /// Points of the budget-execution block (policy: 10; some provinces use 20).
    public var budgetWeight: Decimal
    /// A positive indicator at or above this percentage of its target is over-achieved (default 120 %).
    public var overAchievementPercent: Decimal
    /// The share of the weight suggested for a deadline missed by at most `lateGraceMonths` (default 60 %).
    public var lateSharePercent: Decimal
    public var lateGraceMonths: Int
    public var executionDivisor: ExecutionDivisor

    public init(budgetWeight: Decimal = 10, overAchievementPercent: Decimal = 120, lateSharePercent: Decimal = 60,
                lateGraceMonths: Int = 1, executionDivisor: ExecutionDivisor = .fullYearBudget) {
        self.budgetWeight = budgetWeight; self.overAchievementPercent = overAchievementPercent
        self.lateSharePercent = lateSharePercent; self.lateGraceMonths = lateGraceMonths; self.executionDivisor = executionDivisor
    }

    public static let standard = ScoringRuleSet()

    public enum Problem: Error, Hashable, Sendable {
        case budgetWeightOutOfRange(Decimal)
        case overAchievementNotAboveTarget(Decimal)
        case lateShareOutOfRange(Decimal)
        case lateGraceOutOfRange(Int)
    }

    /// The rules in force for a self-evaluation of an organisation at `path`: the nearest bureau's on its path that set
    /// rules for that fiscal year (`sets`: each bureau's newest version for the year), else the policy's.
    public static func inForce(at path: HierarchyPath, among sets: [HierarchyPath: ScoringRuleSet]) -> ScoringRuleSet {
        path.nearest(among: sets) ?? .standard
    }

    /// Why a rule set cannot be used; empty when it can.
    public func check() -> [Problem] {
        var problems: [Problem] = []
        // Whole hundredths: the rows share what the block leaves to the hundredth (`FormWeights`).
        var hundredths = budgetWeight * 100, whole = Decimal()
        NSDecimalRound(&whole, &hundredths, 0, .plain)
        if budgetWeight < 0 || budgetWeight > 100 || whole != budgetWeight * 100 { problems.append(.budgetWeightOutOfRange(budgetWeight)) }
        if overAchievementPercent <= 100 || overAchievementPercent > 1000 { problems.append(.overAchievementNotAboveTarget(overAchievementPercent)) }
        if lateSharePercent < 0 || lateSharePercent > 100 { problems.append(.lateShareOutOfRange(lateSharePercent)) }
        if lateGraceMonths < 0 || lateGraceMonths > 12 { problems.append(.lateGraceOutOfRange(lateGraceMonths)) }
        return problems
    }
}

/// 评价等级 (policy): 优 90 ≤ s ≤ 100; 良 80 ≤ s < 90; 中 60 ≤ s < 80; 差 s < 60 — of the unrounded score.
public enum ScoreGrade: String, CaseIterable, Codable, Sendable {
    case excellent = "优"
    case good = "良"
    case fair = "中"
    case poor = "差"

    /// Each grade's lowest score, best first (below the last: 差).
    static let floors: [(grade: ScoreGrade, from: Int)] = [(.excellent, 90), (.good, 80), (.fair, 60)]

    public init(score: Decimal) { self = Self.floors.first { score >= Decimal($0.from) }?.grade ?? .poor }

    /// The same in fixed point (the year's compact check).
    public init(score: FixedPoint) { self = Self.floors.first { score >= FixedPoint($0.from) }?.grade ?? .poor }
}

/// 定性指标的评价档次 (policy bands, as shares of the weight).
public enum QualitativeBand: String, CaseIterable, Codable, Sendable {
    /// 达成年度指标: [80 %, 100 %].
    case achieved
    /// 部分达成并具有一定效果: [60 %, 80 %).
    case partly
    /// 未达成且效果较差: [0, 60 %).
    case notAchieved

    public var chineseName: String {
        switch self {
        case .achieved: "达成年度指标"
        case .partly: "部分达成并具有一定效果"
        case .notAchieved: "未达成且效果较差"
        }
    }

    /// Whether `points` of an indicator weighing `weight` lies in the band (upper bound open except for 达成).
    /// Compared by multiplying, never dividing (points × 100 against weight × 80): exact, and the year's check asks this
    /// of every qualitative row. An indicator weighing nothing holds only 0 points, in any band.
    public func contains(_ points: Decimal, weight: Decimal) -> Bool {
        guard weight > 0 else { return points == 0 }
        let hundred = points * 100
        switch self {
        case .achieved: return hundred >= weight * 80 && points <= weight
        case .partly: return hundred >= weight * 60 && hundred < weight * 80
        case .notAchieved: return points >= 0 && hundred < weight * 60
        }
    }

    /// The band's bounds in points, for the words that say why a score was refused.
    public func bounds(weight: Decimal) -> (low: Decimal, high: Decimal) {
        switch self {
        case .achieved: (weight * 80 / 100, weight)
        case .partly: (weight * 60 / 100, weight * 80 / 100)
        case .notAchieved: (0, weight * 60 / 100)
        }
    }
}

extension CalendarDay {
    /// The same day `months` later, on the month's last day when it has fewer days (1月31日 + 1 month = 2月28/29日).
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, CalendarDay.days(in: m, of: y)))!
    }
}
