import Foundation

/// How a team's independent scores become the evaluation's (DOMAIN.md §3.4): the mean of the members' points, with
/// the highest and the lowest dropped once `trimFrom` members scored; a spread above `spreadPercent` of the weight is
/// flagged for discussion. Defaults 5 and 20 %.
public struct TeamScoringRules: Hashable, Codable, Sendable {
    public var trimFrom: Int
    public var spreadPercent: Decimal
    public init(trimFrom: Int = 5, spreadPercent: Decimal = 20) { self.trimFrom = trimFrom; self.spreadPercent = spreadPercent }
}

/// Which way an indicator's points were combined — recorded with the result.
public enum AggregationMethod: String, CaseIterable, Codable, Sendable {
    /// 算术平均.
    case mean
    /// 去掉一个最高分和一个最低分后平均.
    case trimmedMean = "trimmed_mean"

    public var chineseName: String {
        switch self {
        case .mean: "算术平均"
        case .trimmedMean: "去掉一个最高分和一个最低分后平均"
        }
    }
}

/// One indicator's result from its members' points.
public struct IndicatorAggregate: Hashable, Sendable {
    /// Unrounded.
    public var points: Decimal
    public var method: AggregationMethod
    public var scorerCount: Int
    public var highest: Decimal
    public var lowest: Decimal
    /// highest − lowest over every member's points (before anything is dropped).
    public var spread: Decimal { highest - lowest }
    /// The spread is above the rules' share of the weight: the team discusses before the result stands.
    public var needsDiscussion: Bool
}

public enum TeamScoringError: Error, Hashable, Sendable {
    /// A member's points outside [0, weight].
    case pointsOutOfRange(points: Decimal, weight: Decimal)
}

public enum TeamScoring {
    /// The indicator's result from every member's points; nil when nobody scored it yet.
    public static func aggregate(_ points: [Decimal], weight: Decimal, rules: TeamScoringRules = TeamScoringRules()) throws(TeamScoringError) -> IndicatorAggregate? {
        guard !points.isEmpty else { return nil }
        if let wrong = points.first(where: { $0 < 0 || $0 > weight }) { throw .pointsOutOfRange(points: wrong, weight: weight) }
        let sorted = points.sorted()
        let trims = sorted.count >= rules.trimFrom
        let counted = trims ? Array(sorted.dropFirst().dropLast()) : sorted
        let mean = counted.reduce(Decimal(0), +) / Decimal(counted.count)
        let highest = sorted.last!, lowest = sorted.first!
        let needsDiscussion = highest - lowest > weight * rules.spreadPercent / 100
        return IndicatorAggregate(points: mean, method: trims ? .trimmedMean : .mean, scorerCount: points.count,
                                  highest: highest, lowest: lowest, needsDiscussion: needsDiscussion)
    }

    /// The total of the indicators' unrounded points and its grade (the §5 grade lines).
    public static func total(_ aggregates: [IndicatorAggregate]) -> (total: Decimal, grade: ScoreGrade) {
        let total = aggregates.reduce(Decimal(0)) { $0 + $1.points }
        return (total, ScoreGrade(score: total))
    }
}
