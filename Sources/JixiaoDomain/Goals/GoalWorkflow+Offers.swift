import Foundation

/// What a goal action is, without what the person writes with it: the names forms and the API send.
public enum GoalActionKind: String, CaseIterable, Sendable {
    case submit, withdraw
    case departmentApprove = "department_approve", departmentReturn = "department_return"
    case financeReview = "finance_review", financeReturn = "finance_return"
    case release
    case requestAdjustment = "request_adjustment"

    /// The states this action starts from (the state machine of `GoalWorkflow.apply`, read as a table).
    public var fromStates: Set<GoalState> {
        switch self {
        case .submit: [.draft, .returned]
        case .withdraw, .departmentApprove, .departmentReturn: [.submitted]
        case .financeReview, .financeReturn: [.departmentApproved]
        case .release: [.approved]
        case .requestAdjustment: [.released]
        }
    }

    /// Whether a version in one of `fromStates` waits for this action: the next step of the review path, as opposed
    /// to an alternative someone may take (withdrawing, returning, asking to adjust).
    public var isNextStep: Bool {
        switch self {
        case .submit, .departmentApprove, .financeReview, .release: true
        case .withdraw, .departmentReturn, .financeReturn, .requestAdjustment: false
        }
    }

    /// The action with a placeholder of what a person writes, to ask the workflow whether it is possible at all.
    var probe: GoalAction {
        switch self {
        case .submit: .submit
        case .withdraw: .withdraw
        case .departmentApprove: .departmentApprove(opinion: "")
        case .departmentReturn: .departmentReturn(opinion: "-")
        case .financeReview:
            .financeReview(FinanceReview(ratings: Dictionary(uniqueKeysWithValues: ReviewCriterion.allCases.map { ($0, .excellent) }),
                                         grade: .excellent, opinion: ""))
        case .financeReturn: .financeReturn(opinion: "-")
        case .release: .release
        case .requestAdjustment: .requestAdjustment(reason: "-")
        }
    }

    public var permittedRoles: Set<Role> { probe.permittedRoles }
    public var isFilerAction: Bool { probe.isFilerAction }
    /// Approves what someone submitted, so never taken by the person who submitted it (four eyes).
    public var approvesSubmission: Bool { probe.approvesSubmission }
}

extension GoalAction {
    public var kind: GoalActionKind {
        switch self {
        case .submit: .submit
        case .withdraw: .withdraw
        case .departmentApprove: .departmentApprove
        case .departmentReturn: .departmentReturn
        case .financeReview: .financeReview
        case .financeReturn: .financeReturn
        case .release: .release
        case .requestAdjustment: .requestAdjustment
        }
    }
}

extension GoalWorkflow {
    /// The actions the workflow would accept from this person on a version in `state` — what a page offers.
    /// A submission with validation errors is still offered (the page says what blocks it); everything else the
    /// workflow would refuse is not offered.
    public static func offeredActions(state: GoalState, roles: Set<Role>, actorIsOwner: Bool,
                                      actorSubmittedVersion: Bool) -> [GoalActionKind] {
        GoalActionKind.allCases.filter { kind in
            (try? apply(kind.probe, to: state, by: roles, actorIsOwner: actorIsOwner, actorSubmittedVersion: actorSubmittedVersion)) != nil
        }
    }

    /// The states in which a version waits for someone with `roles`: `own` — versions of the person's own
    /// organisation (filers fix drafts and returned goals); `below` — versions inside their reach that wait for
    /// their review (the department reviews submissions, the finance bureau reviews and releases).
    public static func waitingStates(for roles: Set<Role>) -> (own: Set<GoalState>, below: Set<GoalState>) {
        var own: Set<GoalState> = [], below: Set<GoalState> = []
        for kind in GoalActionKind.allCases where kind.isNextStep && !roles.isDisjoint(with: kind.permittedRoles) {
            if kind.isFilerAction { own.formUnion(kind.fromStates) } else { below.formUnion(kind.fromStates) }
        }
        return (own, below)
    }
}
