import Foundation
import Vapor
import JixiaoDomain

/// The goal editor's form: overall goals and indicator rows, as a browser or the API sends them.
struct GoalForm: Content {
    struct Row: Content {
        var indicator_id: String?
        var subcategory: String?
        var name: String?
        var target: String?
        var weight: String?
        var standard: String?
        var note: String?
        var library_entry_id: String?
    }
    /// One region of a transfer payment, with its own indicator rows.
    struct Region: Content {
        var region_id: String?
        var recipient: String?
        var allocated: String?
        var annual_goal: String?
        var rows: [Row]?

        var isBlank: Bool {
            [recipient, allocated, annual_goal].allSatisfy { ($0 ?? "").trimmed.isEmpty } && (rows ?? []).allSatisfy { ($0.name ?? "").trimmed.isEmpty && ($0.target ?? "").trimmed.isEmpty }
        }
    }
    var annual_goal: String?
    var mid_term_goal: String?
    var lock_version: Int?
    var rows: [Row]?
    var regions: [Region]?

    /// Regions whose amount cannot be read, as an error naming the region and what was typed.
    var amountProblem: AppError? {
        for (position, region) in (regions ?? []).filter({ !$0.isBlank }).enumerated() {
            let text = (region.allocated ?? "").trimmed
            if !text.isEmpty, (try? Money(wanYuan: text)) == nil {
                return AppError.invalid("regions[\(position)][allocated]", Message(.errorRegionAmount(String(position + 1), text)))
            }
        }
        return nil
    }

    func goal() throws -> PerformanceGoal {
        let midTerm = (mid_term_goal ?? "").trimmed
        let regionalGoals = try (regions ?? []).filter { !$0.isBlank }.map { region in
            RegionalGoal(id: region.region_id.flatMap(UUID.init(uuidString:)) ?? UUID(), recipientCode: (region.recipient ?? "").trimmed,
                         allocated: (try? Money(wanYuan: (region.allocated ?? "").trimmed)) ?? .zero,
                         annualGoal: (region.annual_goal ?? "").trimmed, indicators: try Self.indicators(from: region.rows))
        }
        return PerformanceGoal(annualGoal: (annual_goal ?? "").trimmed,
                               midTermGoal: midTerm.isEmpty ? nil : midTerm, indicators: try Self.indicators(from: rows), regions: regionalGoals)
    }

    /// Rows with neither a name nor a target are the editor's spare lines and are ignored.
    static func indicators(from rows: [Row]?) throws -> [Indicator] {
        try (rows ?? []).compactMap { row -> Indicator? in
            let name = (row.name ?? "").trimmed
            let target = (row.target ?? "").trimmed
            guard !name.isEmpty || !target.isEmpty else { return nil }
            let subcategory = try StrictValues.parse(row.subcategory, field: "subcategory", as: IndicatorSubcategory.self) ?? .quantity
            return Indicator(id: row.indicator_id.flatMap(UUID.init(uuidString:)) ?? UUID(), category: subcategory.category,
                             subcategory: subcategory, name: name, targetText: target,
                             weight: row.weight.flatMap(DecimalText.parse),
                             standard: try StrictValues.parse(row.standard, field: "standard", as: StandardSource.self),
                             note: (row.note ?? "").trimmed,
                             libraryEntryID: row.library_entry_id.flatMap(UUID.init(uuidString:)))
        }
    }
}

/// A workflow action as a form or the API sends it.
struct TransitionForm: Content {
    var action: String
    var opinion: String?
    var lock_version: Int?
    var grade: String?
    var relevance: String?
    var feasibility: String?
    var scientific: String?
    var reasonableness: String?

    func goalAction() throws -> GoalAction {
        let opinion = (self.opinion ?? "").trimmed
        switch action {
        case "submit": return .submit
        case "withdraw": return .withdraw
        case "department_approve": return .departmentApprove(opinion: opinion)
        case "department_return": return .departmentReturn(opinion: opinion)
        case "finance_return": return .financeReturn(opinion: opinion)
        case "release": return .release
        case "request_adjustment": return .requestAdjustment(reason: opinion)
        case "finance_review":
            var ratings: [ReviewCriterion: ReviewGrade] = [:]
            for (criterion, value) in [(ReviewCriterion.relevance, relevance), (.feasibility, feasibility), (.scientific, scientific), (.reasonableness, reasonableness)] {
                if let grade = value.flatMap(ReviewGrade.init(rawValue:)) { ratings[criterion] = grade }
            }
            guard let grade = grade.flatMap(ReviewGrade.init(rawValue:)) else { throw AppError.invalid("grade", Message(.errorGradeRequired)) }
            return .financeReview(FinanceReview(ratings: ratings, grade: grade, opinion: opinion))
        default:
            throw AppError.invalid("action", Message(.errorBadRequest(action)))
        }
    }
}
