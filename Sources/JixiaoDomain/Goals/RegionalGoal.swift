import Foundation

/// 区域绩效目标 — what one receiving region (a lower-level finance bureau) is to achieve with the part of a transfer
/// payment allocated to it. The granting side writes them with the transfer payment's overall goal; they are
/// reviewed, released and adjusted together, and issued to each region with its money.
public struct RegionalGoal: Hashable, Codable, Sendable {
    /// Stable across versions, so a reviewer sees which region's goal changed.
    public var id: UUID
    /// The receiving finance bureau, by organisation code.
    public var recipientCode: String
    public var allocated: Money
    public var annualGoal: String
    public var indicators: [Indicator]

    public init(id: UUID = UUID(), recipientCode: String, allocated: Money, annualGoal: String, indicators: [Indicator]) {
        self.id = id; self.recipientCode = recipientCode; self.allocated = allocated; self.annualGoal = annualGoal; self.indicators = indicators
    }

    /// The region's goal as a goal of its own, for the indicator checks and the linter.
    public var goal: PerformanceGoal { PerformanceGoal(annualGoal: annualGoal, indicators: indicators) }
}

/// A problem with the regional goals that blocks submission. `region` is the position in the list.
public enum RegionalGoalError: Hashable, Sendable {
    /// A transfer payment is issued to regions: at least one regional goal is needed.
    case noRegions
    case missingRecipient(region: Int)
    case duplicateRecipient(region: Int, firstRegion: Int)
    case allocationNotPositive(region: Int)
    /// The regions together get more than the transfer payment holds.
    case allocationsExceedAmount(total: Money, available: Money)
    case missingAnnualGoal(region: Int)
    case noIndicators(region: Int)
    /// A problem of one indicator (or of the tree) of one region's goal.
    case indicator(region: Int, GoalValidationError)

    public var region: Int? {
        switch self {
        case .noRegions, .allocationsExceedAmount: nil
        case .missingRecipient(let r), .duplicateRecipient(let r, _), .allocationNotPositive(let r), .missingAnnualGoal(let r),
             .noIndicators(let r), .indicator(let r, _): r
        }
    }
}

/// The checks regional goals must pass before a transfer payment's goal can be submitted.
public enum RegionalGoalValidation {
    /// A region's table names 产出 and 效益 indicators but carries no weights.
    public static let rules = GoalRules(requiredCategories: [.output, .effect], weightsRequired: false)

    public static func validate(_ regions: [RegionalGoal], amount: Money?) -> [RegionalGoalError] {
        guard !regions.isEmpty else { return [.noRegions] }
        var errors: [RegionalGoalError] = []
        var firstOfRecipient: [String: Int] = [:]
        for (r, region) in regions.enumerated() {
            let code = region.recipientCode.trimmed
            if code.isEmpty { errors.append(.missingRecipient(region: r)) }
            else if let first = firstOfRecipient[code] { errors.append(.duplicateRecipient(region: r, firstRegion: first)) }
            else { firstOfRecipient[code] = r }
            if region.allocated <= .zero { errors.append(.allocationNotPositive(region: r)) }
            if region.indicators.isEmpty { errors.append(.noIndicators(region: r)) }
            for problem in GoalValidation.validate(region.goal, rules: rules) {
                if case .missingAnnualGoal = problem { errors.append(.missingAnnualGoal(region: r)) }
                else if case .missingCategory = problem, region.indicators.isEmpty { continue }
                else { errors.append(.indicator(region: r, problem)) }
            }
        }
        let total = regions.reduce(Money.zero) { $0 + $1.allocated }
        if let amount, total > amount { errors.append(.allocationsExceedAmount(total: total, available: amount)) }
        return errors
    }
}

/// Who may receive a transfer payment: a finance bureau at a lower level inside the granting bureau's area.
public enum TransferRules {
    /// `grantingBureau` is the finance bureau the transfer payment is paid from (the owner, or the bureau of the
    /// department that manages the fund).
    public static func mayReceive(recipientKind: OrganizationKind, recipientPath: HierarchyPath, grantingBureau: HierarchyPath) -> Bool {
        recipientKind == .financeBureau && recipientPath != grantingBureau && grantingBureau.contains(recipientPath)
    }
}
