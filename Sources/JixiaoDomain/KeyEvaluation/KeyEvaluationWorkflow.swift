import Foundation

/// Where a key evaluation stands in the policy's procedure: 前期准备 (the plan, approved by the bureau) → 组织实施
/// (data, survey, independent scoring) → 撰写报告 → the bureau's review of the report.
public enum KeyEvaluationState: String, CaseIterable, Codable, Sendable {
    /// 方案编制 — object chosen; plan, framework and team being prepared.
    case planning
    /// 方案待审批.
    case planSubmitted = "plan_submitted"
    /// 组织实施 — the plan is approved; the team collects data and scores.
    case underway
    /// 报告待审核.
    case reportSubmitted = "report_submitted"
    /// 已定稿 — the report is final; its findings go to rectification.
    case finalized

    public var chineseName: String {
        switch self {
        case .planning: "方案编制"
        case .planSubmitted: "方案待审批"
        case .underway: "组织实施"
        case .reportSubmitted: "报告待审核"
        case .finalized: "已定稿"
        }
    }
}

public enum KeyEvaluationAction: String, CaseIterable, Codable, Sendable {
    case submitPlan = "submit_plan"
    case approvePlan = "approve_plan"
    case returnPlan = "return_plan"
    case submitReport = "submit_report"
    case finalizeReport = "finalize_report"
    case returnReport = "return_report"

    public var chineseName: String {
        switch self {
        case .submitPlan: "提交方案"
        case .approvePlan: "批准方案"
        case .returnPlan: "退回方案"
        case .submitReport: "提交报告"
        case .finalizeReport: "审核定稿"
        case .returnReport: "退回报告"
        }
    }

    /// The bureau's decisions, which the person who submitted may not take (four eyes, DOMAIN.md §1).
    public var isReview: Bool { [.approvePlan, .returnPlan, .finalizeReport, .returnReport].contains(self) }
}

public enum KeyEvaluationWorkflowError: Error, Hashable, Sendable {
    case notAllowed(action: KeyEvaluationAction, state: KeyEvaluationState)
    /// The person who submitted the plan or report does not approve or return it.
    case ownSubmission
    case opinionRequired
}

public enum KeyEvaluationWorkflow {
    /// The state `action` leads to from `state`, or why it may not be taken. `submittedBy` is who submitted what is now
    /// under review.
    public static func apply(_ action: KeyEvaluationAction, to state: KeyEvaluationState, by actor: UUID, submittedBy: UUID?,
                             opinion: String) throws(KeyEvaluationWorkflowError) -> KeyEvaluationState {
        let next: KeyEvaluationState
        switch (action, state) {
        case (.submitPlan, .planning): next = .planSubmitted
        case (.approvePlan, .planSubmitted): next = .underway
        case (.returnPlan, .planSubmitted): next = .planning
        case (.submitReport, .underway): next = .reportSubmitted
        case (.finalizeReport, .reportSubmitted): next = .finalized
        case (.returnReport, .reportSubmitted): next = .underway
        default: throw .notAllowed(action: action, state: state)
        }
        if action.isReview && submittedBy == actor { throw .ownSubmission }
        if (action == .returnPlan || action == .returnReport) && opinion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .opinionRequired
        }
        return next
    }

    /// What can follow from `state`.
    public static func actions(from state: KeyEvaluationState) -> [KeyEvaluationAction] {
        KeyEvaluationAction.allCases.filter { action in
            (try? apply(action, to: state, by: UUID(), submittedBy: nil, opinion: "x")) != nil
        }
    }
}
