import Foundation

/// 评价报告 — the outline the policy gives a key evaluation's report (DOMAIN.md §3.4), in order.
public enum ReportSection: String, CaseIterable, Codable, Sendable {
    case basicInfo = "basic_info"
    case workDone = "work_done"
    case conclusion
    case indicatorAnalysis = "indicator_analysis"
    case experienceAndProblems = "experience_problems"
    case suggestions
    case other

    public var chineseName: String {
        switch self {
        case .basicInfo: "基本情况"
        case .workDone: "绩效评价工作开展情况"
        case .conclusion: "综合评价情况及评价结论"
        case .indicatorAnalysis: "绩效评价指标分析"
        case .experienceAndProblems: "主要经验及做法、存在的问题及原因分析"
        case .suggestions: "有关建议"
        case .other: "其他需要说明的问题"
        }
    }

    /// 一、二、… as Chinese reports number their parts.
    public static func numeral(_ index: Int) -> String {
        let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return index < digits.count ? digits[index] : String(index + 1)
    }
}

/// A problem the evaluation found (发现的问题), with the organisation responsible for putting it right.
public struct ReportFinding: Hashable, Sendable {
    public var id: UUID
    public var description: String
    public var responsibleOrganization: UUID?
    public init(id: UUID, description: String, responsibleOrganization: UUID?) {
        self.id = id; self.description = description; self.responsibleOrganization = responsibleOrganization
    }
}

/// A suggestion (有关建议), tied to the findings it answers.
public struct ReportSuggestion: Hashable, Sendable {
    public var text: String
    public var findingIDs: [UUID]
    public init(text: String, findingIDs: [UUID]) { self.text = text; self.findingIDs = findingIDs }
}

public enum ReportProblem: Hashable, Sendable {
    case emptySection(ReportSection)
    case findingWithoutResponsible(index: Int)
    case suggestionForUnknownFinding(index: Int)
    /// A finding no suggestion answers: the rules want each problem to lead somewhere.
    case findingWithoutSuggestion(index: Int)
}

public enum EvaluationReportRules {
    /// What keeps a report from going to the bureau: every section written (a section may say 无), every finding with
    /// its responsible organisation and answered by a suggestion, every suggestion tied only to known findings.
    public static func problems(sections: [ReportSection: String], findings: [ReportFinding], suggestions: [ReportSuggestion]) -> [ReportProblem] {
        var problems: [ReportProblem] = []
        for section in ReportSection.allCases where (sections[section] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.emptySection(section))
        }
        let known = Set(findings.map(\.id))
        let answered = Set(suggestions.flatMap(\.findingIDs))
        for (index, finding) in findings.enumerated() {
            if finding.responsibleOrganization == nil { problems.append(.findingWithoutResponsible(index: index)) }
            if !answered.contains(finding.id) { problems.append(.findingWithoutSuggestion(index: index)) }
        }
        for (index, suggestion) in suggestions.enumerated() where suggestion.findingIDs.contains(where: { !known.contains($0) }) {
            problems.append(.suggestionForUnknownFinding(index: index))
        }
        return problems
    }
}
