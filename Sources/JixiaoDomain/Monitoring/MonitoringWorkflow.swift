import Foundation

/// 监控任务状态 — where one object's report in one round stands.
public enum MonitoringTaskState: String, CaseIterable, Codable, Sendable {
    case pending             // 待填报
    case submitted           // 单位已报送 (with the department)
    case departmentConfirmed // 部门已确认 (with the finance bureau)
    case financeConfirmed    // 财政已确认
    case returned            // 退回修改
    case unreported          // 未报送 (the round closed without a report)

    /// States in which the unit may still change what it reports.
    public var isEditable: Bool { self == .pending || self == .returned }
    /// States that count as reported.
    public var isReported: Bool { self == .submitted || self == .departmentConfirmed || self == .financeConfirmed }
}

/// 监控批次状态.
public enum MonitoringRoundState: String, CaseIterable, Codable, Sendable {
    case opening  // tasks being created (a job)
    case open     // units report
    case closed   // unreported tasks marked 未报送; nothing more is reported
}

/// What someone does to a task.
public enum MonitoringAction: Hashable, Sendable {
    case submit
    case departmentConfirm
    case departmentReturn(opinion: String)
    case financeConfirm
    case financeReturn(opinion: String)

    public var name: String {
        switch self {
        case .submit: "submit"
        case .departmentConfirm: "department_confirm"
        case .departmentReturn: "department_return"
        case .financeConfirm: "finance_confirm"
        case .financeReturn: "finance_return"
        }
    }

    /// Roles that may take the action (the organisation scope is checked by the server with `Authorization`).
    public var permittedRoles: Set<Role> {
        switch self {
        case .submit: [.unitOfficer, .departmentOfficer, .performanceOfficer, .budgetOfficer]
        case .departmentConfirm, .departmentReturn: [.departmentOfficer]
        case .financeConfirm, .financeReturn: [.performanceOfficer, .budgetOfficer]
        }
    }

    /// The finance bureau's confirmation or return, after the department.
    public var isFinanceStep: Bool {
        switch self {
        case .financeConfirm, .financeReturn: true
        default: false
        }
    }

    /// Actions that accept what someone submitted: never by the person who submitted it (four eyes).
    public var confirmsSubmission: Bool { self == .departmentConfirm || self == .financeConfirm }
}

public enum MonitoringWorkflowError: Error, Hashable, Sendable {
    case notAllowed(action: String, from: MonitoringTaskState)
    case roleNotPermitted(action: String)
    case opinionRequired
    /// Reporting on a round that is not open.
    case roundNotOpen(MonitoringRoundState)
    /// Only the organisation the task is assigned to reports it.
    case notAssignee
    case ownSubmission
}

/// Who reports a task: its organisation's kind decides whether a department confirms before the finance bureau.
/// A unit's report goes to its department; a department's own report (部门整体支出, its own projects) and a receiving
/// finance bureau's report on a transfer payment go straight to the finance bureau that runs the round.
public enum MonitoringAssignee: String, Codable, Sendable {
    case unit
    case department
    case financeBureau

    public init(kind: OrganizationKind) {
        switch kind {
        case .unit: self = .unit
        case .department: self = .department
        default: self = .financeBureau
        }
    }
}

/// The result of a transition.
public struct MonitoringTransition: Hashable, Sendable {
    public var newState: MonitoringTaskState
    /// A submission after the round's deadline: 逾期报送.
    public var late: Bool
}

/// 监控流程 — the state machine of one task: pending → submitted → confirmed by the department → confirmed by finance,
/// returned with an opinion at each step. Late reports are accepted while the round is open and marked.
public enum MonitoringWorkflow {
    /// - Parameters:
    ///   - isAssignee: the caller belongs to the organisation the task is assigned to (for `submit`).
    ///   - callerSubmitted: the caller is the person who submitted the current report (for confirmations).
    ///   - today: the day it happens, compared with the round's deadline.
    public static func transition(_ action: MonitoringAction, from state: MonitoringTaskState, roles: Set<Role>,
                                  round: MonitoringRoundState, deadline: CalendarDay, today: CalendarDay,
                                  assignee: MonitoringAssignee, isAssignee: Bool, callerSubmitted: Bool)
        throws(MonitoringWorkflowError) -> MonitoringTransition {
        guard round == .open else { throw .roundNotOpen(round) }
        guard !roles.isDisjoint(with: action.permittedRoles) else { throw .roleNotPermitted(action: action.name) }
        switch action {
        case .submit:
            guard isAssignee else { throw .notAssignee }
            guard state.isEditable else { throw .notAllowed(action: action.name, from: state) }
            return MonitoringTransition(newState: assignee == .unit ? .submitted : .departmentConfirmed, late: today > deadline)
        case .departmentConfirm, .departmentReturn:
            guard state == .submitted else { throw .notAllowed(action: action.name, from: state) }
        case .financeConfirm, .financeReturn:
            guard state == .departmentConfirmed else { throw .notAllowed(action: action.name, from: state) }
        }
        if action.confirmsSubmission && callerSubmitted { throw .ownSubmission }
        switch action {
        case .departmentReturn(let opinion), .financeReturn(let opinion):
            guard !opinion.trimmed.isEmpty else { throw .opinionRequired }
            return MonitoringTransition(newState: .returned, late: false)
        case .departmentConfirm:
            return MonitoringTransition(newState: .departmentConfirmed, late: false)
        default:
            return MonitoringTransition(newState: .financeConfirmed, late: false)
        }
    }

    /// What closing a round does to a task: unreported ones become 未报送, everything else stays.
    public static func closing(_ state: MonitoringTaskState) -> MonitoringTaskState {
        state.isEditable ? .unreported : state
    }
}

/// 处置 — what finance decides for an object in warning (DOMAIN.md §3.2).
public enum DispositionKind: String, CaseIterable, Codable, Sendable {
    /// 督促纠偏 — the unit corrects by a date and answers with what it did.
    case correct
    /// 暂缓拨款.
    case suspendPayments = "suspend_payments"
    /// 调减预算 — by an amount no more than what is unspent.
    case cutBudget = "cut_budget"
    /// 停止执行.
    case stop
    /// 调整目标 — opens a goal adjustment in goal management.
    case adjustGoal = "adjust_goal"

    public var chineseName: String {
        switch self {
        case .correct: "督促纠偏"
        case .suspendPayments: "暂缓拨款"
        case .cutBudget: "调减预算"
        case .stop: "停止执行"
        case .adjustGoal: "调整目标"
        }
    }
}

/// A disposition as decided, before it is saved.
public struct Disposition: Hashable, Codable, Sendable {
    public var kind: DispositionKind
    public var reason: String
    /// For 督促纠偏: the day by which the unit corrects.
    public var dueBy: CalendarDay?
    /// For 调减预算: the cut.
    public var amount: Money?

    public init(kind: DispositionKind, reason: String, dueBy: CalendarDay? = nil, amount: Money? = nil) {
        self.kind = kind; self.reason = reason; self.dueBy = dueBy; self.amount = amount
    }

    public enum Problem: Error, Hashable, Sendable {
        case reasonRequired
        /// Only objects in warning are disposed: red, or yellow when the bureau chooses to.
        case objectGreen
        case roleNotPermitted
        case dueByRequired
        /// The correction's date lies before the day it is decided.
        case dueByPast(CalendarDay)
        case amountRequired
        /// A cut larger than what is still unspent of the full-year budget.
        case cutAboveUnspent(cut: Money, unspent: Money)
        /// A goal adjustment for an object whose goal is not in force (not released).
        case goalNotReleased
    }

    /// Checks a disposition for an object of colour `colour` with `fund` figures (unspent = full-year budget − spent).
    public func check(colour: WarningLevel, fund: FundFigures?, roles: Set<Role>, today: CalendarDay, goalReleased: Bool) -> [Problem] {
        var problems: [Problem] = []
        if roles.isDisjoint(with: [.performanceOfficer, .budgetOfficer]) { problems.append(.roleNotPermitted) }
        if colour == .green { problems.append(.objectGreen) }
        if reason.trimmed.isEmpty { problems.append(.reasonRequired) }
        switch kind {
        case .correct:
            if let dueBy { if dueBy < today { problems.append(.dueByPast(dueBy)) } } else { problems.append(.dueByRequired) }
        case .cutBudget:
            guard let amount, amount.fen > 0 else { problems.append(.amountRequired); break }
            let unspent = fund.map { max(.zero, $0.fullYearBudget - $0.spent) } ?? .zero
            if amount > unspent { problems.append(.cutAboveUnspent(cut: amount, unspent: unspent)) }
        case .adjustGoal:
            if !goalReleased { problems.append(.goalNotReleased) }
        case .suspendPayments, .stop:
            break
        }
        return problems
    }
}
