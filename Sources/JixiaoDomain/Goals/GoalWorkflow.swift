import Foundation

/// 目标状态 — where one version of a goal stands (DOMAIN.md §3.1).
public enum GoalState: String, CaseIterable, Codable, Sendable {
    case draft              // 草稿
    case submitted          // 单位已提交
    case departmentApproved // 部门已审核 (now with the finance bureau: 财政审核中)
    case returned           // 退回修改
    case approved           // 审核通过
    case rejected           // 不予安排 (grade 差: may not enter budget arrangement)
    case released           // 已批复
    case superseded         // 已被调整后的新版本取代

    /// States in which the filer may still edit the content.
    public var isEditable: Bool { self == .draft || self == .returned }
}

/// 审核要点 — the four criteria of the finance review (policy).
public enum ReviewCriterion: String, CaseIterable, Codable, Sendable {
    case relevance      // 相关性
    case feasibility    // 可行性
    case scientific     // 科学性
    case reasonableness // 合理性

    public var chineseName: String {
        switch self {
        case .relevance: "相关性"
        case .feasibility: "可行性"
        case .scientific: "科学性"
        case .reasonableness: "合理性"
        }
    }
}

/// 审核等级 优/良/中/差 and what each means for the goal (财预〔2015〕88号).
public enum ReviewGrade: String, CaseIterable, Codable, Sendable, Comparable {
    case excellent = "优"
    case good = "良"
    case fair = "中"
    case poor = "差"

    static let order: [ReviewGrade] = [.poor, .fair, .good, .excellent]
    public static func < (a: Self, b: Self) -> Bool { order.firstIndex(of: a)! < order.firstIndex(of: b)! }

    /// 优 proceeds; 良 proceeds after small agreed fixes; 中 is returned for revision; 差 may not enter the budget.
    public var outcome: GoalState {
        switch self {
        case .excellent, .good: .approved
        case .fair: .returned
        case .poor: .rejected
        }
    }
}

/// The finance bureau's review of one goal version.
public struct FinanceReview: Hashable, Codable, Sendable {
    public var ratings: [ReviewCriterion: ReviewGrade]
    public var criterionOpinions: [ReviewCriterion: String]
    public var grade: ReviewGrade
    public var opinion: String

    public init(ratings: [ReviewCriterion: ReviewGrade], criterionOpinions: [ReviewCriterion: String] = [:], grade: ReviewGrade, opinion: String) {
        self.ratings = ratings; self.criterionOpinions = criterionOpinions; self.grade = grade; self.opinion = opinion
    }
}

/// What someone does to a goal version.
public enum GoalAction: Hashable, Sendable {
    case submit
    /// The filer takes a submission back before the department has looked at it.
    case withdraw
    case departmentApprove(opinion: String)
    case departmentReturn(opinion: String)
    case financeReview(FinanceReview)
    case financeReturn(opinion: String)
    case release
    /// Ask to change a released goal: the approved version stays in force while a new version is reviewed.
    case requestAdjustment(reason: String)

    public var name: String {
        switch self {
        case .submit: "submit"
        case .withdraw: "withdraw"
        case .departmentApprove: "department_approve"
        case .departmentReturn: "department_return"
        case .financeReview: "finance_review"
        case .financeReturn: "finance_return"
        case .release: "release"
        case .requestAdjustment: "request_adjustment"
        }
    }

    /// Actions of the organisation that asks for the money, as opposed to its reviewers.
    public var isFilerAction: Bool {
        switch self {
        case .submit, .withdraw, .requestAdjustment: true
        default: false
        }
    }

    /// Actions that approve what someone submitted: never taken by the person who submitted it (four eyes).
    public var approvesSubmission: Bool {
        switch self {
        case .departmentApprove, .financeReview, .release: true
        default: false
        }
    }

    /// Roles that may take this action (scope is checked separately by `Authorization`).
    public var permittedRoles: Set<Role> {
        switch self {
        case .submit, .withdraw, .requestAdjustment: [.unitOfficer, .departmentOfficer]
        case .departmentApprove, .departmentReturn: [.departmentOfficer]
        case .financeReview, .financeReturn, .release: [.budgetOfficer, .performanceOfficer]
        }
    }
}

public enum GoalWorkflowError: Error, Hashable, Sendable {
    case notAllowed(action: String, from: GoalState)
    case roleNotPermitted(action: String)
    case opinionRequired
    case reviewIncomplete(missing: [ReviewCriterion])
    case validationFailed(count: Int)
    /// 谁申请资金，谁设定目标: only the organisation that owns the goal files, withdraws or asks to adjust it.
    case notOwner(action: String)
    /// Four eyes: the person who submitted a version does not approve, review or release it.
    case ownSubmission(action: String)
}

/// The result of a transition: the version's new state, and whether a new version must be opened.
public struct GoalTransition: Hashable, Sendable {
    public var newState: GoalState
    /// Set by an adjustment request: a new draft version, copied from this one, takes the review path.
    public var opensNewVersion: Bool
}

/// 目标审核流程 — the state machine of one goal version. Every transition checks the state and the role here;
/// the server adds the organisation scope and saves the result with its audit entry.
public enum GoalWorkflow {
    /// `actorSubmittedVersion`: the actor is the person who submitted this version (four eyes).
    public static func apply(_ action: GoalAction, to state: GoalState, by roles: Set<Role>, actorIsOwner: Bool = true,
                             actorSubmittedVersion: Bool = false,
                             validationErrors: Int = 0) throws(GoalWorkflowError) -> GoalTransition {
        guard !roles.isDisjoint(with: action.permittedRoles) else { throw .roleNotPermitted(action: action.name) }
        if action.isFilerAction && !actorIsOwner { throw .notOwner(action: action.name) }
        if action.approvesSubmission && actorSubmittedVersion { throw .ownSubmission(action: action.name) }
        func require(_ allowed: GoalState...) throws(GoalWorkflowError) {
            guard allowed.contains(state) else { throw .notAllowed(action: action.name, from: state) }
        }
        func requireOpinion(_ text: String) throws(GoalWorkflowError) {
            if text.trimmed.isEmpty { throw .opinionRequired }
        }
        switch action {
        case .submit:
            try require(.draft, .returned)
            if validationErrors > 0 { throw .validationFailed(count: validationErrors) }
            return GoalTransition(newState: .submitted, opensNewVersion: false)
        case .withdraw:
            try require(.submitted)
            return GoalTransition(newState: .draft, opensNewVersion: false)
        case .departmentApprove:
            try require(.submitted)
            return GoalTransition(newState: .departmentApproved, opensNewVersion: false)
        case .departmentReturn(let opinion):
            try require(.submitted)
            try requireOpinion(opinion)
            return GoalTransition(newState: .returned, opensNewVersion: false)
        case .financeReview(let review):
            try require(.departmentApproved)
            let missing = ReviewCriterion.allCases.filter { review.ratings[$0] == nil }
            if !missing.isEmpty { throw .reviewIncomplete(missing: missing) }
            if review.grade.outcome != .approved { try requireOpinion(review.opinion) }
            return GoalTransition(newState: review.grade.outcome, opensNewVersion: false)
        case .financeReturn(let opinion):
            try require(.departmentApproved)
            try requireOpinion(opinion)
            return GoalTransition(newState: .returned, opensNewVersion: false)
        case .release:
            try require(.approved)
            return GoalTransition(newState: .released, opensNewVersion: false)
        case .requestAdjustment(let reason):
            try require(.released)
            try requireOpinion(reason)
            // The released version stays in force until the adjusted one is released.
            return GoalTransition(newState: .released, opensNewVersion: true)
        }
    }

    /// 调整目标 as a monitoring disposition (DOMAIN.md §3.2): finance orders the adjustment of a released goal. It opens
    /// the same new draft version as the unit's own request — the unit revises it and it takes the usual review path —
    /// but it is finance's decision, so only a finance role takes it, with a reason.
    public static func adjustmentOrderedByFinance(from state: GoalState, roles: Set<Role>, reason: String) throws(GoalWorkflowError) -> GoalTransition {
        guard !roles.isDisjoint(with: [.performanceOfficer, .budgetOfficer]) else { throw .roleNotPermitted(action: "request_adjustment") }
        guard state == .released else { throw .notAllowed(action: "request_adjustment", from: state) }
        guard !reason.trimmed.isEmpty else { throw .opinionRequired }
        return GoalTransition(newState: .released, opensNewVersion: true)
    }

    /// When an adjusted version is released, the one it replaces is superseded.
    public static let stateOfReplacedVersion = GoalState.superseded
}
