import Foundation

/// Everything the system lets someone do, named once so pages, API and importers ask the same question.
public enum Action: String, CaseIterable, Codable, Sendable {
    case viewOrganization = "view_organization"
    case manageOrganization = "manage_organization"
    case viewUser = "view_user"
    case manageUser = "manage_user"
    case viewAudit = "view_audit"
    /// Open work that has been assigned to an agency or expert (evaluations, reviews).
    case viewAssignedWork = "view_assigned_work"
    /// See budget objects and their goals (预算对象、绩效目标).
    case viewBudget = "view_budget"
    /// Create budget objects and write their goals (谁申请资金，谁设定目标).
    case declareGoal = "declare_goal"
    /// Keep the indicator library of a finance bureau (财政绩效处).
    case manageLibrary = "manage_library"
    /// End people's sessions and API tokens (安全管理员).
    case manageSecurity = "manage_security"
    /// Open and close monitoring rounds, keep the monitoring rules, import treasury figures (a finance bureau for its
    /// area; a department for its units).
    case runMonitoring = "run_monitoring"
    /// Fill in and submit the monitoring report of a task assigned to one's organisation (the workflow checks that the
    /// task is one's own).
    case reportMonitoring = "report_monitoring"
    /// Confirm or return monitoring reports (the department for its units, the finance bureau after it).
    case reviewMonitoring = "review_monitoring"
    /// Decide what happens to an object in warning: correct, suspend, cut, stop, adjust the goal (finance only).
    case disposeMonitoring = "dispose_monitoring"
    /// Open the self-evaluation of a fiscal year for one's area and keep its scoring rules (the finance bureau's
    /// performance office).
    case runEvaluation = "run_evaluation"
    /// Fill in and submit the self-evaluation of an object assigned to one's organisation.
    case reportEvaluation = "report_evaluation"
    /// Confirm or return self-evaluations (the department for its units, the finance bureau after it).
    case reviewEvaluation = "review_evaluation"
    /// Re-score a sampled self-evaluation (抽查复核): the finance bureau's staff, or an agency's evaluators for exactly the
    /// self-evaluations assigned to their agency.
    case reevaluate = "reevaluate"
    /// Choose, plan and run key evaluations (重点评价) and decide on their plans and reports: a finance bureau's
    /// performance office for its area (财政评价), a department for its units (部门评价).
    case runKeyEvaluation = "run_key_evaluation"
    /// Score the indicators of a key evaluation one is on the team of (the team's staff, experts and agency evaluators;
    /// the command checks the membership).
    case scoreKeyEvaluation = "score_key_evaluation"
    /// Keep a finance bureau's think tanks (专家学者库、中介机构库、监督指导库): registrations, admission, statuses, ratings,
    /// report quality reviews. The only people who see experts' personal data (the performance office).
    case manageThinkTank = "manage_think_tank"
    /// Read a finance bureau's libraries without personal data: its performance and budget offices, and the supervisors
    /// of its level (监督指导, read-only).
    case viewThinkTank = "view_think_tank"

    /// Work an agency or expert reaches only when it is assigned to them.
    public var isAssignedWork: Bool { self == .viewAssignedWork || self == .scoreKeyEvaluation }

    public var isReadOnly: Bool {
        switch self {
        case .viewOrganization, .viewUser, .viewAudit, .viewAssignedWork, .viewBudget, .viewThinkTank: true
        case .manageOrganization, .manageUser, .declareGoal, .manageLibrary, .manageSecurity, .runMonitoring, .reportMonitoring,
             .reviewMonitoring, .disposeMonitoring, .runEvaluation, .reportEvaluation, .reviewEvaluation, .reevaluate, .runKeyEvaluation,
             .scoreKeyEvaluation, .manageThinkTank: false
        }
    }
}

/// The signed-in person as the rules see it.
public struct Actor: Sendable, Equatable {
    public var userID: UUID
    public var organizationID: UUID
    public var organizationPath: HierarchyPath
    public var roles: Set<Role>
    public var isActive: Bool

    public init(userID: UUID, organizationID: UUID, organizationPath: HierarchyPath, roles: Set<Role>, isActive: Bool = true) {
        self.userID = userID; self.organizationID = organizationID
        self.organizationPath = organizationPath; self.roles = roles; self.isActive = isActive
    }
}

/// What an action is aimed at: the organisation it belongs to, and who it has been assigned to.
public struct AccessTarget: Sendable, Equatable {
    public var organizationID: UUID
    public var organizationPath: HierarchyPath
    /// Agencies entrusted with this object (委托第三方). Empty until evaluations exist.
    public var assignedAgencyIDs: Set<UUID>
    /// People assigned by name — experts and agency evaluators on a key evaluation's team.
    public var assignedUserIDs: Set<UUID>

    public init(organizationID: UUID, organizationPath: HierarchyPath, assignedAgencyIDs: Set<UUID> = [], assignedUserIDs: Set<UUID> = []) {
        self.organizationID = organizationID; self.organizationPath = organizationPath
        self.assignedAgencyIDs = assignedAgencyIDs; self.assignedUserIDs = assignedUserIDs
    }
}

/// The answer to "may this person do this to that".
public enum AccessDecision: Equatable, Sendable {
    case allow
    /// The person can see the target but not do this to it: answer 403.
    case forbid
    /// The target is outside the person's reach: answer 404 so its existence does not leak.
    case conceal
}

/// The one authorization function of Jixiao. Every page, API call and import asks it.
///
/// Rules (DOMAIN.md §1): a person acts only inside its organisation's subtree (a finance bureau's subtree holds
/// its departments, their units, its agencies and the lower-level bureaus); agencies and experts reach only what
/// is assigned to them, plus their own organisation's record; supervisors only read; inactive accounts reach nothing.
public enum Authorization {
    /// What each role may do to something inside its reach.
    public static func permits(_ role: Role, _ action: Action) -> Bool {
        switch role {
        case .administrator:
            return [.viewOrganization, .manageOrganization, .viewUser, .manageUser].contains(action)
        case .securityOfficer:
            return [.viewOrganization, .viewUser, .manageSecurity].contains(action)
        case .auditOfficer:
            // Reading the trail is this role's alone (三员分立); it sees who people are, to read the trail.
            return [.viewOrganization, .viewUser, .viewAudit].contains(action)
        case .performanceOfficer:
            return [.viewOrganization, .viewUser, .viewBudget, .manageLibrary, .runMonitoring, .reportMonitoring, .reviewMonitoring,
                    .disposeMonitoring, .runEvaluation, .reportEvaluation, .reviewEvaluation, .reevaluate, .runKeyEvaluation,
                    .scoreKeyEvaluation, .manageThinkTank, .viewThinkTank].contains(action)
        case .budgetOfficer:
            return [.viewOrganization, .viewUser, .viewBudget, .viewThinkTank, .reportMonitoring, .reviewMonitoring, .disposeMonitoring, .reportEvaluation,
                    .reviewEvaluation].contains(action)
        case .departmentOfficer:
            return [.viewOrganization, .viewUser, .viewBudget, .declareGoal, .runMonitoring, .reportMonitoring, .reviewMonitoring,
                    .reportEvaluation, .reviewEvaluation, .runKeyEvaluation, .scoreKeyEvaluation].contains(action)
        case .unitOfficer:
            return [.viewOrganization, .viewUser, .viewBudget, .declareGoal, .reportMonitoring, .reportEvaluation].contains(action)
        case .supervisor:
            return [.viewOrganization, .viewUser, .viewBudget, .viewThinkTank].contains(action)
        case .agencyEvaluator:
            return [.viewOrganization, .viewAssignedWork, .reevaluate, .scoreKeyEvaluation].contains(action)
        case .expert:
            return [.viewOrganization, .viewAssignedWork, .scoreKeyEvaluation].contains(action)
        }
    }

    /// Whether `target` lies inside what `role` reaches for `actor`.
    public static func reaches(_ role: Role, actor: Actor, target: AccessTarget) -> Bool {
        switch role {
        case .agencyEvaluator:
            return target.assignedAgencyIDs.contains(actor.organizationID) || target.assignedUserIDs.contains(actor.userID)
                || target.organizationID == actor.organizationID
        case .expert:
            return target.assignedUserIDs.contains(actor.userID) || target.organizationID == actor.organizationID
        default:
            return actor.organizationPath.contains(target.organizationPath)
        }
    }

    public static func decide(_ actor: Actor, _ action: Action, _ target: AccessTarget) -> AccessDecision {
        guard actor.isActive else { return .conceal }
        let reachingRoles = actor.roles.filter { reaches($0, actor: actor, target: target) }
        let permitting = reachingRoles.filter { permits($0, action) }
        if !permitting.isEmpty {
            // An agency or expert reaches its own organisation's record, but assigned work only when assigned; a role
            // that reaches by its subtree (a finance bureau's staff on a team) needs no assignment.
            if action.isAssignedWork && permitting.allSatisfy(\.isAssignmentScoped) && !isAssigned(actor, target) { return .conceal }
            return .allow
        }
        let canSee = reachingRoles.contains { role in Action.allCases.contains { $0.isReadOnly && permits(role, $0) } }
        return canSee ? .forbid : .conceal
    }

    /// What a list, search or export may show for `action`: the same reach as `decide`, as a set of subtrees and
    /// single organisations a query can narrow to. Agencies and experts reach their own organisation's record (and,
    /// what is assigned to them by name: `assignedUserID`), never the subtree below it.
    public static func scope(_ actor: Actor, _ action: Action) -> ListScope {
        guard actor.isActive else { return ListScope() }
        var scope = ListScope()
        for role in actor.roles where permits(role, action) {
            if role.isAssignmentScoped {
                if action.isAssignedWork { scope.assignedUserID = actor.userID } else { scope.organizations.insert(actor.organizationID) }
            } else if !scope.subtrees.contains(actor.organizationPath) {
                scope.subtrees.append(actor.organizationPath)
            }
        }
        return scope
    }

    /// Whether the person may do `action` anywhere at all: decides which navigation entries to show.
    public static func mayEver(_ actor: Actor, _ action: Action) -> Bool {
        actor.isActive && actor.roles.contains { permits($0, action) }
    }

    private static func isAssigned(_ actor: Actor, _ target: AccessTarget) -> Bool {
        target.assignedAgencyIDs.contains(actor.organizationID) || target.assignedUserIDs.contains(actor.userID)
    }
}

/// The organisations a list may show: every one under `subtrees`, and the single `organizations`; and for work
/// assigned by name (a key evaluation's team), what `assignedUserID` is assigned to — each capability with such work
/// turns that into its own membership predicate.
public struct ListScope: Equatable, Sendable {
    public var subtrees: [HierarchyPath] = []
    public var organizations: Set<UUID> = []
    public var assignedUserID: UUID?

    public init(subtrees: [HierarchyPath] = [], organizations: Set<UUID> = [], assignedUserID: UUID? = nil) {
        self.subtrees = subtrees; self.organizations = organizations; self.assignedUserID = assignedUserID
    }

    public var isEmpty: Bool { subtrees.isEmpty && organizations.isEmpty && assignedUserID == nil }

    /// Whether an organisation lies inside the scope (the same question a query asks with ranges).
    public func contains(_ organizationID: UUID, path: HierarchyPath) -> Bool {
        organizations.contains(organizationID) || subtrees.contains { $0.contains(path) }
    }
}
