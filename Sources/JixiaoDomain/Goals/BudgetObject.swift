import Foundation

/// 预算对象 — what performance is managed for (DOMAIN.md §2).
public enum BudgetObjectKind: String, CaseIterable, Codable, Sendable {
    case project = "project"                         // 项目支出
    case departmentOverall = "department_overall"    // 部门整体支出
    case transferPayment = "transfer_payment"        // 转移支付
    case policy = "policy"                           // 政策

    public var chineseName: String {
        switch self {
        case .project: "项目支出"
        case .departmentOverall: "部门整体支出"
        case .transferPayment: "转移支付"
        case .policy: "政策"
        }
    }
}

/// 资金来源 — the four budgets.
public enum FundSource: String, CaseIterable, Codable, Sendable {
    case generalPublic = "general_public"        // 一般公共预算
    case governmentFund = "government_fund"      // 政府性基金预算
    case stateCapital = "state_capital"          // 国有资本经营预算
    case socialInsurance = "social_insurance"    // 社会保险基金预算

    public var chineseName: String {
        switch self {
        case .generalPublic: "一般公共预算"
        case .governmentFund: "政府性基金预算"
        case .stateCapital: "国有资本经营预算"
        case .socialInsurance: "社会保险基金预算"
        }
    }
}

/// 项目类别 — recurring, continuing or one-off.
public enum ProjectCategory: String, CaseIterable, Codable, Sendable {
    case recurring = "recurring"     // 常年性
    case continuing = "continuing"   // 延续性
    case oneOff = "one_off"          // 一次性

    public var chineseName: String {
        switch self {
        case .recurring: "常年性"
        case .continuing: "延续性"
        case .oneOff: "一次性"
        }
    }
}

/// Why a budget object's own fields are refused.
public enum BudgetObjectError: Error, Hashable, Sendable {
    case missingName
    /// A name that cannot be stored: a control character, or longer than `InputLimits.name`.
    case unstorableName(TextInputError)
    case missingCode
    case invalidCode
    case invalidYears(start: Int, end: Int)
    case fiscalYearOutsideTerm(fiscalYear: Int)
    /// A fiscal year outside `BudgetObjectRules.fiscalYears`.
    case fiscalYearOutOfRange(fiscalYear: Int)
    case approvedAboveRequested
    /// 转移支付 are paid by a finance bureau or managed by one of its departments.
    case transferPaymentOwner
    /// 部门整体支出 belongs to a department, one per department and year.
    case departmentOverallOwner
}

public enum BudgetObjectRules {
    /// The fiscal years the system keeps budget objects for (forms, API and imports alike).
    public static let fiscalYears = 2000...2100

    /// Which kinds of organisation may own a budget object of `kind`; nil when any declaring organisation may.
    public static func ownerProblem(kind: BudgetObjectKind, ownerKind: OrganizationKind) -> BudgetObjectError? {
        switch kind {
        case .transferPayment: [.department, .financeBureau].contains(ownerKind) ? nil : .transferPaymentOwner
        case .departmentOverall: ownerKind == .department ? nil : .departmentOverallOwner
        case .project, .policy: nil
        }
    }

    /// A project runs from its start to its end year, and the fiscal year lies inside the term.
    public static func validate(name: String, code: String, fiscalYear: Int, startYear: Int, endYear: Int,
                                requested: Money, approved: Money?) -> [BudgetObjectError] {
        var errors: [BudgetObjectError] = []
        if name.trimmed.isEmpty { errors.append(.missingName) } else {
            do { try TextInputRules.check(name, field: .singleLine, maximumLength: InputLimits.name) } catch { errors.append(.unstorableName(error)) }
        }
        if code.trimmed.isEmpty { errors.append(.missingCode) } else if !OrganizationImport.isValidCode(code) { errors.append(.invalidCode) }
        if !fiscalYears.contains(fiscalYear) { errors.append(.fiscalYearOutOfRange(fiscalYear: fiscalYear)) }
        if startYear > endYear || startYear < 1990 || endYear > 2100 { errors.append(.invalidYears(start: startYear, end: endYear)) }
        else if fiscalYears.contains(fiscalYear) && !(startYear...endYear).contains(fiscalYear) { errors.append(.fiscalYearOutsideTerm(fiscalYear: fiscalYear)) }
        if let approved, approved > requested { errors.append(.approvedAboveRequested) }
        return errors
    }
}
