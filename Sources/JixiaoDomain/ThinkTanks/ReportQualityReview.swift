import Foundation

/// 评价报告质量评审 — finance's yearly review of the reports agencies wrote for it (issue 13, DOMAIN.md §3.11): a
/// checklist scored 0–100 with a finding for every point taken off, a yearly result per agency, and the entrustment
/// rule (an agency below the line in its last review is not entrusted).
public enum QualityCriterion: String, CaseIterable, Codable, Sendable {
    /// The report has every section of the §3.4 outline.
    case completeness
    /// Each indicator's score rests on evidence.
    case evidence
    /// Figures agree with the budget, execution and survey data.
    case accuracy
    /// Conclusions follow from the analysis; suggestions answer the findings and can be acted on.
    case soundness

    /// Points of the criterion out of 100 (our default split; a bureau's own checklist may weigh them otherwise).
    public var maximum: Int {
        switch self {
        case .completeness: 20
        case .evidence: 30
        case .accuracy: 25
        case .soundness: 25
        }
    }

    public var chineseName: String {
        switch self {
        case .completeness: "报告要素完整性"
        case .evidence: "评分依据充分性"
        case .accuracy: "数据准确性"
        case .soundness: "结论与建议合理性"
        }
    }
}

public struct QualityReviewEntry: Hashable, Codable, Sendable {
    public var criterion: QualityCriterion
    public var points: Int
    /// Why points were taken off; required whenever `points` is below the criterion's maximum.
    public var finding: String
    public init(criterion: QualityCriterion, points: Int, finding: String = "") {
        self.criterion = criterion; self.points = points; self.finding = finding
    }

    private enum CodingKeys: String, CodingKey { case criterion, points, finding }
    /// A full-marks entry may leave its finding out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        criterion = try container.decode(QualityCriterion.self, forKey: .criterion)
        points = try container.decode(Int.self, forKey: .points)
        finding = try container.decodeIfPresent(String.self, forKey: .finding) ?? ""
    }
}

public enum QualityReviewProblem: Error, Hashable, Sendable {
    case missing(QualityCriterion)
    case duplicate(QualityCriterion)
    case outOfRange(QualityCriterion, maximum: Int)
    case findingNeeded(QualityCriterion)
}

public enum QualityGrade: String, CaseIterable, Codable, Sendable {
    case excellent, good, pass, fail
    public var chineseName: String {
        switch self {
        case .excellent: "优秀"
        case .good: "良好"
        case .pass: "合格"
        case .fail: "不合格"
        }
    }
}

public enum ReportQualityReview {
    /// Every criterion once, inside its range, with a finding wherever points were taken off.
    public static func problems(_ entries: [QualityReviewEntry]) -> [QualityReviewProblem] {
        var problems: [QualityReviewProblem] = []
        for criterion in QualityCriterion.allCases {
            let matching = entries.filter { $0.criterion == criterion }
            if matching.isEmpty { problems.append(.missing(criterion)); continue }
            if matching.count > 1 { problems.append(.duplicate(criterion)) }
            let entry = matching[0]
            if !(0...criterion.maximum).contains(entry.points) { problems.append(.outOfRange(criterion, maximum: criterion.maximum)) }
            else if entry.points < criterion.maximum && entry.finding.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(.findingNeeded(criterion))
            }
        }
        return problems
    }

    /// The review's score out of 100.
    public static func total(_ entries: [QualityReviewEntry]) -> Int { entries.reduce(0) { $0 + $1.points } }

    /// 90 优秀, 80 良好, 60 合格, below 60 不合格 (the lines of the self-evaluation grades; a bureau may publish others).
    public static func grade(_ score: Decimal) -> QualityGrade {
        switch score {
        case 90...: .excellent
        case 80..<90: .good
        case 60..<80: .pass
        default: .fail
        }
    }

    /// An agency's result for a year: the mean of its reviews, to two places half-up; nil without reviews.
    public static func yearlyResult(_ scores: [Int]) -> Decimal? {
        guard !scores.isEmpty else { return nil }
        var mean = Decimal(scores.reduce(0, +)) / Decimal(scores.count), rounded = Decimal()
        NSDecimalRound(&rounded, &mean, 2, .plain)
        return rounded
    }

    /// Whether a report's own sections are all written (what the completeness criterion starts from).
    public static func suggestedCompleteness(writtenSections: Int, of sections: Int) -> Int {
        guard sections > 0 else { return 0 }
        return QualityCriterion.completeness.maximum * writtenSections / sections
    }
}
