import Foundation

/// 预警等级 — 绿 / 黄 / 红, ordered so that the worst of several is the largest.
public enum WarningLevel: Int, CaseIterable, Comparable, Codable, Sendable {
    case green = 0
    case yellow = 1
    case red = 2

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var key: String {
        switch self {
        case .green: "green"
        case .yellow: "yellow"
        case .red: "red"
        }
    }

    public init?(key: String) {
        guard let level = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = level
    }

    public var chineseName: String {
        switch self {
        case .green: "绿色"
        case .yellow: "黄色"
        case .red: "红色"
        }
    }
}

/// The warning rules a round can apply (DOMAIN.md §3.2). Each is a function of the figures in `MonitoringScan`.
public enum WarningRule: String, CaseIterable, Codable, Sendable {
    /// 资金执行滞后 — executed ÷ expected below the thresholds.
    case fundPace = "fund_pace"
    /// A positive indicator (≥, >) forecast short of its target; red below the bound's share of it.
    case positiveForecast = "positive_forecast"
    /// A reverse indicator (≤, <) forecast above its target; red above the bound's multiple of it.
    case reverseForecast = "reverse_forecast"
    /// An exact indicator (=) forecast off its target; red when the smaller over the larger is below the bound.
    case exactForecast = "exact_forecast"
    /// A deadline forecast after the date; red when later than the grace days.
    case deadlineForecast = "deadline_forecast"
    /// 完成目标可能性：完全不可能.
    case likelihoodImpossible = "likelihood_impossible"
    /// 完成目标可能性：有可能.
    case likelihoodPossible = "likelihood_possible"
    /// 未报送 — the task was not reported by the round's deadline.
    case notReported = "not_reported"
}

/// 监控规则 — a finance bureau's monitoring rules for its rounds: which warning rules apply, their thresholds and levels,
/// which figure counts as executed, and the deviation causes units choose from. The defaults are DOMAIN.md §3.2.
/// Stored per bureau with a version number; a round keeps the version it was opened with, so a past round never
/// changes when the bureau changes its rules, and a bureau without rules of its own uses its nearest superior's.
public struct MonitoringRuleSet: Hashable, Codable, Sendable {
    public var enabled: Set<WarningRule>
    /// Pace below this percentage is red (60).
    public var fundRedBelow: Decimal
    /// Pace below this percentage (and not red) is yellow (80).
    public var fundYellowBelow: Decimal
    /// A positive indicator's forecast below this percentage of its target is red (80); short of it, yellow.
    public var positiveRedBelow: Decimal
    /// A reverse indicator's forecast above this percentage of its target is red (120); above it, yellow.
    public var reverseRedAbove: Decimal
    /// An exact indicator's forecast whose smaller-over-larger share is below this percentage is red (80); off, yellow.
    public var exactRedBelow: Decimal
    /// A deadline forecast later than this many days after the date is red (31); later at all, yellow.
    public var deadlineGraceDays: Int
    /// The level of 有可能 (yellow) and of a task not reported (red).
    public var possibleLevel: WarningLevel
    public var notReportedLevel: WarningLevel
    public var executionBasis: ExecutionBasis
    public var deviationCauses: [String]

    public init(enabled: Set<WarningRule> = Set(WarningRule.allCases), fundRedBelow: Decimal = 60, fundYellowBelow: Decimal = 80,
                positiveRedBelow: Decimal = 80, reverseRedAbove: Decimal = 120, exactRedBelow: Decimal = 80,
                deadlineGraceDays: Int = 31, possibleLevel: WarningLevel = .yellow, notReportedLevel: WarningLevel = .red,
                executionBasis: ExecutionBasis = .spent, deviationCauses: [String] = DeviationCauses.national) {
        self.enabled = enabled; self.fundRedBelow = fundRedBelow; self.fundYellowBelow = fundYellowBelow
        self.positiveRedBelow = positiveRedBelow; self.reverseRedAbove = reverseRedAbove; self.exactRedBelow = exactRedBelow
        self.deadlineGraceDays = deadlineGraceDays; self.possibleLevel = possibleLevel; self.notReportedLevel = notReportedLevel
        self.executionBasis = executionBasis; self.deviationCauses = deviationCauses
    }

    /// DOMAIN.md §3.2's defaults: every rule, 60/80 for money, 80 %/120 % for forecasts.
    public static let standard = MonitoringRuleSet()

    private enum CodingKeys: String, CodingKey {
        case enabled, fundRedBelow, fundYellowBelow, positiveRedBelow, reverseRedAbove, exactRedBelow, deadlineGraceDays
        case possibleLevel, notReportedLevel, executionBasis, deviationCauses
    }

    /// Reads a stored rule set; a setting it does not have (stored before the setting existed) takes the default, so
    /// adding a setting never makes a past round unreadable.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = MonitoringRuleSet()
        enabled = try c.decodeIfPresent(Set<WarningRule>.self, forKey: .enabled) ?? d.enabled
        fundRedBelow = try c.decodeIfPresent(Decimal.self, forKey: .fundRedBelow) ?? d.fundRedBelow
        fundYellowBelow = try c.decodeIfPresent(Decimal.self, forKey: .fundYellowBelow) ?? d.fundYellowBelow
        positiveRedBelow = try c.decodeIfPresent(Decimal.self, forKey: .positiveRedBelow) ?? d.positiveRedBelow
        reverseRedAbove = try c.decodeIfPresent(Decimal.self, forKey: .reverseRedAbove) ?? d.reverseRedAbove
        exactRedBelow = try c.decodeIfPresent(Decimal.self, forKey: .exactRedBelow) ?? d.exactRedBelow
        deadlineGraceDays = try c.decodeIfPresent(Int.self, forKey: .deadlineGraceDays) ?? d.deadlineGraceDays
        possibleLevel = try c.decodeIfPresent(WarningLevel.self, forKey: .possibleLevel) ?? d.possibleLevel
        notReportedLevel = try c.decodeIfPresent(WarningLevel.self, forKey: .notReportedLevel) ?? d.notReportedLevel
        executionBasis = try c.decodeIfPresent(ExecutionBasis.self, forKey: .executionBasis) ?? d.executionBasis
        deviationCauses = try c.decodeIfPresent([String].self, forKey: .deviationCauses) ?? d.deviationCauses
    }

    /// What is wrong with a rule set a bureau wants to save.
    public enum Problem: Error, Hashable, Sendable {
        /// Red must lie below yellow, both within (0, 100].
        case fundThresholds
        case positiveThreshold
        case reverseThreshold
        case exactThreshold
        case negativeGrace
        /// A level of green would make a rule warn of nothing.
        case greenLevel(WarningRule)
        case noCauses
        case duplicateCause(String)
    }

    public func check() -> [Problem] {
        var problems: [Problem] = []
        if !(fundRedBelow > 0 && fundRedBelow <= fundYellowBelow && fundYellowBelow <= 100) { problems.append(.fundThresholds) }
        if !(positiveRedBelow > 0 && positiveRedBelow <= 100) { problems.append(.positiveThreshold) }
        if !(reverseRedAbove >= 100 && reverseRedAbove <= 1000) { problems.append(.reverseThreshold) }
        if !(exactRedBelow > 0 && exactRedBelow <= 100) { problems.append(.exactThreshold) }
        if deadlineGraceDays < 0 { problems.append(.negativeGrace) }
        if possibleLevel == .green { problems.append(.greenLevel(.likelihoodPossible)) }
        if notReportedLevel == .green { problems.append(.greenLevel(.notReported)) }
        let causes = deviationCauses.map(\.trimmed).filter { !$0.isEmpty }
        if causes.isEmpty { problems.append(.noCauses) }
        var seen: Set<String> = []
        for cause in causes where !seen.insert(cause).inserted { problems.append(.duplicateCause(cause)) }
        return problems
    }

    /// The rule set in force for an organisation at `path`: the one of the nearest bureau on its path that has one
    /// (its own first), else the standard. `sets` holds each bureau's newest version by its path.
    public static func inForce(at path: HierarchyPath, among sets: [HierarchyPath: MonitoringRuleSet]) -> MonitoringRuleSet {
        path.nearest(among: sets) ?? .standard
    }
}
